"""A normalized view of a text, so disguised identifiers are detected: full-width forms and invisible
characters, look-alike letters, percent escapes, spelled-out "at" and "dot", digits read out or
spaced apart, given names in lower case. Each view character keeps the original range it came from,
so a span found in the view masks every original character behind it."""
from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated

import pydantic

from models.config_files import DATA_DIR, ConfigFileError, StrictModel, load_yaml_file, term_list

NORMALIZE_FILE = DATA_DIR / "normalize.yaml"

# (start, end, replacement): text[start:end] becomes `replacement` in the view.
Edit = tuple[int, int, str]
_Word = Annotated[str, pydantic.StringConstraints(pattern=r"^[a-z]+$")]
_Digit = Annotated[str, pydantic.StringConstraints(pattern=r"^[0-9]$")]
# Folded when a compatibility form (full-width, superscript) is one of these: what identifiers are
# written with. Other folds ("…" to "...", full-width commas of CJK text) disguise nothing.
_FOLDED_INTO = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@.%+-_")


class NormalizeData(StrictModel):
    """models/data/normalize.yaml: what the view undoes, and how long a run of digits must be."""

    confusables: str
    names: str
    digit_words: dict[_Word, _Digit] = pydantic.Field(min_length=1)
    repeat_words: dict[_Word, Annotated[int, pydantic.Field(ge=2, le=9)]]
    min_spelled_digits: int = pydantic.Field(ge=3)
    min_spaced_digits: int = pydantic.Field(ge=5)
    at_words: tuple[_Word, ...] = pydantic.Field(min_length=1)
    dot_words: tuple[_Word, ...] = pydantic.Field(min_length=1)

    @pydantic.field_validator("confusables", "names")
    @classmethod
    def _file_readable(cls, name: str, info: pydantic.ValidationInfo) -> str:
        """The file exists and is well formed, so a bad line stops the run at start-up."""
        if not (DATA_DIR / name).is_file():
            raise ValueError(f"file {name!r} not found under {DATA_DIR}")
        (confusables if info.field_name == "confusables" else term_list)(name)
        return name


@cache
def normalize_data(path: Path = NORMALIZE_FILE) -> NormalizeData:
    """The validated file; a bad file raises ConfigFileError naming the key."""
    return load_yaml_file(path, NormalizeData)


@cache
def confusables(relative_path: str) -> dict[str, str]:
    """Look-alike letter -> Latin letter, from lines `CODEPOINT LETTER  # name`; errors name the line."""
    path = DATA_DIR / relative_path
    table: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        fields = line.split("#")[0].split()
        if not fields:
            continue
        try:
            char = chr(int(fields[0], 16))
        except (ValueError, OverflowError):
            char = ""
        if len(fields) != 2 or char.isascii() or not (fields[1].isascii() and fields[1].isalpha()) \
                or len(fields[1]) != 1 or char in table:
            raise ConfigFileError(f"{path}:{number}: not `CODEPOINT LATIN_LETTER` with a non-ASCII code point "
                                  "listed once")
        table[char] = fields[1]
    return table


@dataclass(frozen=True)
class View:
    """A normalized text; its character i came from the original's characters [starts[i], ends[i])."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original range behind the view's [start, end), whole replaced substrings included."""
        return self.starts[start], self.ends[end - 1]


def _apply(text: str, starts: list[int], ends: list[int], edits: list[Edit]) -> tuple[str, list[int], list[int]]:
    """`text` with `edits` (sorted, not overlapping) made, and its map composed with the edits'. A
    replacement's characters all map to the whole original range it replaced; a removed range is
    given to the next character kept, so a span starting there covers it."""
    parts, new_starts, new_ends, last, removed_from = [], [], [], 0, None
    for start, end, replacement in edits:
        parts += [text[last:start], replacement]
        new_starts += starts[last:start]
        new_ends += ends[last:start]
        if removed_from is not None and start > last:
            new_starts[-(start - last)], removed_from = removed_from, None
        if replacement:
            new_starts += [starts[start] if removed_from is None else removed_from] * len(replacement)
            new_ends += [ends[end - 1]] * len(replacement)
            removed_from = None
        elif removed_from is None:
            removed_from = starts[start]
        last = end
    parts.append(text[last:])
    new_starts += starts[last:]
    new_ends += ends[last:]
    if removed_from is not None and len(text) > last:
        new_starts[-(len(text) - last)] = removed_from
    return "".join(parts), new_starts, new_ends


class Normalizer:
    """Builds the view of a text from the shipped data: each step checks cheaply whether the text
    holds its disguise at all, so a text holding none costs a few scans and gets no view."""

    def __init__(self, data: NormalizeData):
        self._confusables = confusables(data.confusables)
        self._confusable = re.compile(f"[{''.join(map(re.escape, self._confusables))}]")
        self._names = frozenset(term_list(data.names))
        self._digits = dict(data.digit_words)
        self._repeats = dict(data.repeat_words)
        self._min_spelled, self._min_spaced = data.min_spelled_digits, data.min_spaced_digits
        self._folded: dict[str, str] = {}
        self._format = re.compile(f"[{''.join(map(re.escape, _format_characters()))}]")
        self._email = _spelled_email(data.at_words, data.dot_words)
        self._spelled_separator = re.compile(_separator(data.at_words) + "|" + _separator(data.dot_words),
                                             re.IGNORECASE)
        self._email_hint = re.compile(rf"{_OPEN}[ \t]*(?:{'|'.join(data.at_words + data.dot_words)})[ \t]*{_CLOSE}"
                                      rf"|[ \t](?:{'|'.join(data.dot_words)})[ \t]", re.IGNORECASE)
        self._plain_at = re.compile(rf"^[ \t]+(?:{'|'.join(data.at_words)})[ \t]+$", re.IGNORECASE)
        self._spelled_dot = re.compile(_separator(data.dot_words), re.IGNORECASE)
        words = "|".join(sorted(self._digits, key=len, reverse=True))
        token = rf"(?:(?:{'|'.join(self._repeats)})[ \t\-]+)?(?:{words})"
        self._spelled = re.compile(rf"(?<![\w\-]){token}(?:[ \t,.\-]+{token})*(?![\w\-])", re.IGNORECASE)
        self._spelled_hint = re.compile(rf"\b(?:{words})[ \t,.\-]+(?:{words})\b", re.IGNORECASE)
        # From the first digit of a run only, and possessive: linear in the text, whatever it holds.
        self._spaced = re.compile(rf"(?<![\w.,\-])(?<!\d[ \-])\d(?:[ \-]\d){{{self._min_spaced - 1},}}+"
                                  rf"(?![\w\-]|[.,]\d)")
        self._steps: tuple[Callable[[str], list[Edit]], ...] = (
            self._characters, self._look_alikes, self._percent_escapes, self._spelled_emails,
            self._spelled_digits, self._spaced_digits, self._lower_case_names)

    def view(self, text: str) -> View | None:
        """`text` with its disguises undone, or None when it holds none."""
        current, starts, ends = text, None, None
        for step in self._steps:
            edits = step(current)
            if edits:
                if starts is None:
                    starts, ends = list(range(len(text))), list(range(1, len(text) + 1))
                current, starts, ends = _apply(current, starts, ends, edits)
        if starts is None or current == text:
            return None
        return View(current, tuple(starts), tuple(ends))

    def _characters(self, text: str) -> list[Edit]:
        """Compatibility forms of what identifiers are written with folded (full-width letters,
        digits and `＠`, superscript digits: NFKC), and invisible format characters (zero-width
        spaces and joiners, soft hyphens, byte-order and direction marks) next to a letter, digit,
        `@` or `.` removed."""
        if text.isascii() or (unicodedata.is_normalized("NFKC", text) and not self._format.search(text)):
            return []
        edits = []
        for match in _NON_ASCII.finditer(text):
            index, char = match.start(), match.group()
            folded = self._folded.get(char)
            if folded is None:
                folded = self._folded[char] = "" if unicodedata.category(char) == "Cf" \
                    else unicodedata.normalize("NFKC", char)
            if folded and folded in _FOLDED_INTO:
                edits.append((index, index + 1, folded))
            elif not folded and any(map(_joins, text[index - 1:index] + text[index + 1:index + 2])):
                edits.append((index, index + 1, ""))
        return edits

    def _look_alikes(self, text: str) -> list[Edit]:
        """Look-alike letters of other scripts as Latin, in words that hold a Latin letter too and
        no letter outside Latin and the table (a Russian word stays as written)."""
        if text.isascii() or not self._confusable.search(text):
            return []
        edits = []
        for word in re.finditer(r"\S+", text):
            chars = word.group()
            if self._confusable.search(chars) and any(c.isascii() and c.isalpha() for c in chars) \
                    and all(c.isascii() or c in self._confusables or not c.isalpha() for c in chars):
                edits += [(word.start() + i, word.start() + i + 1, self._confusables[c])
                          for i, c in enumerate(chars) if c in self._confusables]
        return edits

    @staticmethod
    def _percent_escapes(text: str) -> list[Edit]:
        """Percent escapes of printable ASCII decoded, however often the `%` itself was escaped
        (`%40` and `%2540` are both `@`)."""
        if "%" not in text:
            return []
        return [(m.start(), m.end(), chr(int(m.group(1), 16)))
                for m in _PERCENT.finditer(text) if int(m.group(1), 16) < 0x7F]

    def _spelled_emails(self, text: str) -> list[Edit]:
        """`jane(at)example(dot)com`, `jane at example dot com`: the spelled separators as `@` and `.`;
        a bare "at" only with a spelled "dot" in the domain ("sold at amazon.com" is left alone)."""
        if not self._email_hint.search(text):
            return []
        edits, position = [], 0
        while match := self._email.search(text, position):
            at = match.group("at")
            if self._plain_at.match(at) and not self._spelled_dot.search(match.group("domain")):
                # "reach me at m.whitfield (at) ...": a sentence's "at", whose domain may be the local
                # part of the real address, so the search goes on from there.
                position = match.end("at")
                continue
            position = match.end()
            for separator in self._spelled_separator.finditer(match.group()):
                char = "@" if separator.start() == match.start("at") - match.start() else "."
                edits.append((match.start() + separator.start(), match.start() + separator.end(), char))
        return edits

    def _spelled_digits(self, text: str) -> list[Edit]:
        """A run of digits read out one by one ("five five five, one two three ...") as the digits."""
        if not self._spelled_hint.search(text):
            return []
        edits = []
        for match in self._spelled.finditer(text):
            digits, repeat = [], 1
            for word in re.findall(r"[a-z]+", match.group().lower()):
                if word in self._repeats:
                    repeat = self._repeats[word]
                else:
                    digits.append(self._digits[word] * repeat)
                    repeat = 1
            if len("".join(digits)) >= self._min_spelled:
                edits.append((match.start(), match.end(), "".join(digits)))
        return edits

    def _spaced_digits(self, text: str) -> list[Edit]:
        """Single digits with a blank or dash between each ("4 1 1 1 1 1 1 ..."), read as one number."""
        return [(m.start() + i, m.start() + i + 1, "") for m in self._spaced.finditer(text)
                for i in range(1, len(m.group()), 2)]

    def _lower_case_names(self, text: str) -> list[Edit]:
        """Listed given names written in lower case, standing alone, capitalised."""
        if not self._names.intersection(_LOWER_WORD.findall(text)):
            return []
        return [(m.start(), m.start() + 1, m.group()[0].upper()) for m in _STANDALONE_WORD.finditer(text)
                if m.group() in self._names]


_PERCENT = re.compile(r"%(?:25)*([2-7][0-9A-Fa-f])")
# Brackets around a spelled "at" or "dot", full-width ones too (they stay as written in the view).
_OPEN, _CLOSE = r"[(\[{<（［｛＜]", r"[)\]}>）］｝＞]"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LOWER_WORD = re.compile(r"[a-z]+")
# A word not part of an address, handle or file name (the first-name recognizer's boundaries).
_STANDALONE_WORD = re.compile(r"(?<![\w@.\-])[a-z]+(?![\w@\-]|\.\w)")


def _joins(char: str) -> bool:
    """Whether an invisible character next to `char` could be splitting an identifier."""
    return char.isalnum() or char in "@."


def _separator(words: tuple[str, ...]) -> str:
    """A spelled separator: in brackets (`(at)`, `[dot]`), or as a word between blanks (` at `)."""
    alternatives = "|".join(words)
    return (rf"[ \t]*{_OPEN}[ \t]*(?:{alternatives})[ \t]*{_CLOSE}[ \t]*"
            rf"|[ \t]+(?:{alternatives})[ \t]+")


def _spelled_email(at_words: tuple[str, ...], dot_words: tuple[str, ...]) -> re.Pattern:
    """An address whose `@` or some `.` is spelled out; the `at` and `domain` groups are its parts. A
    few dots at most on either side, so a long run of "x dot y dot ..." costs each start a bounded scan."""
    part = r"[A-Za-z0-9_+\-]++"
    dot = rf"(?:{_separator(dot_words)}|\.)"
    at = rf"(?:{_separator(at_words)}|@)"
    return re.compile(rf"(?<![\w.+\-'@]){part}(?:{dot}{part}){{0,4}}(?P<at>{at})"
                      rf"(?P<domain>{part}(?:{dot}{part}){{1,5}})(?![\w\-@]|\.\w)", re.IGNORECASE)


@cache
def _format_characters() -> str:
    """Every invisible format character (Unicode category Cf) outside ASCII."""
    return "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf")


def build_normalizer(path: Path = NORMALIZE_FILE) -> Normalizer:
    """The normalizer of the shipped data, validated (a bad file raises ConfigFileError naming the key)."""
    return Normalizer(normalize_data(path))
