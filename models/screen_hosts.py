"""`user@host` logins on screens judged on OCR words, however OCR split them: a shell prompt read as
two words at a glyph (`jdoe@build-` `box:~/src$`), or with its "@" as a word of its own (`jdoe @
build-box` in a terminal's title). The login and the words that touch it are covered whole."""
from __future__ import annotations

import functools
from collections.abc import Sequence

import pydantic
import regex

from models.config_files import DATA_DIR, StrictModel, load_yaml_file
from models.login_words import is_ordinary_word
from models.recognizers.config import Regex
from models.records import OcrWord

_STRIP = "\"'`()[]{}<>,;"
# The rest of a host and its prompt that OCR split off a login (`station:~/src$`, `:~$`, `box$`).
_PROMPT_REST = regex.compile(r"[\w.\-]*(?::\S*|[$#%>])")


class HostLogins(StrictModel):
    """models/data/screen_hosts.yaml: the shape of a `user@host` word and how close its parts stand."""

    login_at_host: Regex
    user: Regex
    host: Regex
    plain_host: Regex
    not_hosts: frozenset[str]
    touch_chars: float = pydantic.Field(ge=0, le=2)
    at_gap_chars: float = pydantic.Field(ge=0, le=4)


@functools.cache
def host_logins() -> HostLogins:
    """The shapes shipped with the package."""
    return load_yaml_file(DATA_DIR / "screen_hosts.yaml", HostLogins)


@functools.cache
def _compiled(pattern: str) -> regex.Pattern:
    return regex.compile(pattern)


def _is_login(user: str, host: str, shapes: HostLogins, prompt: bool = False) -> bool:
    """A user and a host that are no package pinned to a tag: the host no tag or digest name, and not
    both plain ordinary words unless a `prompt` follows them (a ":" path or a prompt sign: a shell's
    `mark@workstation:~$`, `grace@laptop$`, whatever words the user and the host are)."""
    name = host.split(":")[0].rstrip("$#%>")
    if name.lower() in shapes.not_hosts:
        return False
    if prompt:
        return True
    plain = name.isalpha() and is_ordinary_word(name)
    return not (plain and (not user.isalpha() or is_ordinary_word(user)))


def _ordinary_parts(text: str) -> bool:
    """Whether every run of letters in `text` is an ordinary word of two letters or more (`team-leads`,
    `dev-ops`); a single letter is an initial (`j.doe`), so a word holding one is not."""
    parts = regex.findall(r"\p{L}+", text)
    return bool(parts) and all(len(part) > 1 and is_ordinary_word(part) for part in parts)


def _is_split_login(user: str, host: str, shapes: HostLogins) -> bool:
    """A user, a lone "@" and a host: a host of `host`'s shape (a "-", digit or ":" path in it) unless
    both sides are ordinary words only ("ping @ team-leads", "cc @ dev-ops"), or a host of plain
    lower-case letters when the user is no ordinary word ("jdoe @ laptop"; "see @ here" stays)."""
    if not _compiled(shapes.user).fullmatch(user) or not _is_login(user, host, shapes):
        return False
    if _compiled(shapes.host).fullmatch(host):
        return not (_ordinary_parts(user) and _ordinary_parts(host.split(":")[0]))
    return bool(_compiled(shapes.plain_host).fullmatch(host)) and not _ordinary_parts(user)


def _char_width(word: OcrWord) -> float:
    return word.width / max(1, len(word.text))


def _next_on_line(words: Sequence[OcrWord], index: int, gap_chars: float) -> int | None:
    """The word after `index` on its OCR line and visual row (its middle within the word's height) when
    it starts after the word's end, within `gap_chars` character widths of it."""
    after = index + 1
    if after >= len(words) or words[after].line != words[index].line:
        return None
    word, other = words[index], words[after]
    if abs((other.top + other.height / 2) - (word.top + word.height / 2)) > word.height / 2:
        return None
    gap = other.left - (word.left + word.width)
    return after if -_char_width(word) <= gap <= gap_chars * _char_width(word) else None


def host_login_words(words: Sequence[OcrWord], shapes: HostLogins | None = None) -> set[int]:
    """Indices of the words of each `user@host` login: one word, or a user, a lone "@" and a host a
    few characters apart; with the words that touch it on its right (the rest OCR split off). Each
    word is looked at once and each continuation walks forward only, so the cost is linear."""
    shapes = shapes or host_logins()
    found: set[int] = set()
    for index, word in enumerate(words):
        text = word.text.strip(_STRIP)
        start = index
        whole = _compiled(shapes.login_at_host).fullmatch(text)
        touching = _next_on_line(words, index, shapes.touch_chars) if whole else None
        prompt = bool(whole) and (len(whole.group(0)) > len(whole.group(1)) + 1 + len(whole.group(2))
                                  or touching is not None and bool(_PROMPT_REST.fullmatch(words[touching].text)))
        if whole and _is_login(whole.group(1), whole.group(2), shapes, prompt):
            last = index
        elif text == "@" and 0 < index and words[index - 1].line == word.line:
            before = _next_on_line(words, index - 1, shapes.at_gap_chars)
            after = _next_on_line(words, index, shapes.at_gap_chars)
            user, host = words[index - 1].text.strip(_STRIP), words[after].text.strip(_STRIP) if after else ""
            if before != index or after is None or not _is_split_login(user, host, shapes):
                continue
            start, last = index - 1, after
        else:
            continue
        found.update(range(start, last + 1))
        while (last := _next_on_line(words, last, shapes.touch_chars)) is not None and last not in found:
            found.add(last)
    return found
