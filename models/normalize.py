"""A normalized view of a text, so disguised identifiers are detected: full-width forms, other
scripts' digits, invisible characters and marks, look-alike letters, percent escapes, odd blanks,
spelled-out or bracketed "at" and "dot", a handle's "underscore" read out, characters or digits
spaced apart or grouped oddly, digits read out, an id spelled with phonetic letters ("N as in Nancy",
"alpha bravo"), given names in lower case. Each view character keeps the original range it came from, so
a span found in the view masks every original character behind it."""
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
    filler_words: tuple[_Word, ...]
    min_spelled_digits: int = pydantic.Field(ge=3)
    letter_words: dict[_Word, Annotated[str, pydantic.StringConstraints(pattern=r"^[a-z]$")]]
    letter_link: tuple[_Word, ...] = pydantic.Field(min_length=1)
    min_letter_words: int = pydantic.Field(ge=2)
    min_spelled_characters: int = pydantic.Field(ge=5)
    min_spaced_digits: int = pydantic.Field(ge=5)
    max_group_digits: int = pydantic.Field(ge=2, le=6)
    min_grouped_digits: int = pydantic.Field(ge=7)
    max_grouped_digits: int = pydantic.Field(le=40)
    min_spaced_characters: int = pydantic.Field(ge=5)
    percent_rounds: int = pydantic.Field(ge=1, le=8)
    at_words: tuple[_Word, ...] = pydantic.Field(min_length=1)
    dot_words: tuple[_Word, ...] = pydantic.Field(min_length=1)
    join_words: dict[_Word, Annotated[str, pydantic.StringConstraints(pattern=r"^[_\-]$")]]

    @pydantic.field_validator("max_grouped_digits")
    @classmethod
    def _grouped_range(cls, value: int, info: pydantic.ValidationInfo) -> int:
        """A range that holds at least one length."""
        if value < info.data.get("min_grouped_digits", 0):
            raise ValueError("must not be below min_grouped_digits")
        return value

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
    given to the next character kept, so a span starting there covers it (at the end of the text, to
    the last character kept)."""
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
    elif removed_from is not None and new_ends:
        new_ends[-1] = ends[-1]
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
        self._fillers = frozenset(data.filler_words)
        self._min_spelled, self._min_spaced = data.min_spelled_digits, data.min_spaced_digits
        self._grouped = range(data.min_grouped_digits, data.max_grouped_digits + 1)
        self._folded: dict[str, tuple[str, str | None]] = {}
        self._unusual = re.compile(f"[{_unicode_class('Cf', *_MARKS, 'Nd')}]")
        self._wide_blank = re.compile(f"[{_unicode_class('Zs')}]")
        blanks = " \t" + _unicode_class("Zs")  # Unicode blanks and the tab
        self._odd_blanks = re.compile(rf"(?<=[0-9A-Za-z@])(?! (?![{blanks}]))[{blanks}]++(?=[0-9A-Za-z@])")
        self._joins = dict(data.join_words)
        self._spoken_join = re.compile(rf"(?<=[A-Za-z0-9])[ \t]+({'|'.join(map(re.escape, self._joins))})[ \t]+"
                                       r"(?=[A-Za-z0-9])", re.IGNORECASE) if self._joins else None
        self._email = _spelled_email(data.at_words, data.dot_words)
        self._spelled_separator = re.compile(_separator(data.at_words, "@") + "|" + _separator(data.dot_words, r"\."),
                                             re.IGNORECASE)
        bracketed = "|".join((*data.at_words, *data.dot_words, "@", r"\."))
        self._email_hint = re.compile(rf"{_OPEN}[ \t]*(?:{bracketed})[ \t]*{_CLOSE}"
                                      rf"|[ \t](?:{'|'.join(data.dot_words)})[ \t]", re.IGNORECASE)
        self._at_next = re.compile(rf"(?:{_separator(data.at_words, '@')}|@)[A-Za-z0-9]", re.IGNORECASE)
        self._plain_at = re.compile(rf"^[ \t]+(?:{'|'.join(data.at_words)})[ \t]+$", re.IGNORECASE)
        self._spelled_dot = re.compile(_separator(data.dot_words, r"\."), re.IGNORECASE)
        # One character of an address, alone between blanks; from the first of a run only.
        char = r"[\w@.+\-]"
        self._spaced_characters = re.compile(rf"(?<!{char})(?<!(?<!{char}){char} ){char}(?!{char})"
                                             rf"(?: {char}(?!{char})){{{data.min_spaced_characters - 1},}}+")
        words = "|".join(sorted(self._digits, key=len, reverse=True))
        token = rf"(?:(?:{'|'.join(self._repeats)})[ \t\-]+)?(?:{words}|[0-9]{{1,4}}+)"
        # A filler said between the digits ("five five five, uh, two one two") stays inside the run.
        filler = rf"(?:(?:{'|'.join(map(re.escape, data.filler_words))})[ \t,.\-]+)?" if data.filler_words else ""
        self._spelled = re.compile(rf"(?<![\w\-]){token}(?:[ \t,.\-]+{filler}{token})*(?![\w\-])", re.IGNORECASE)
        self._letters = dict(data.letter_words)
        self._min_letter_words, self._min_spelled_characters = data.min_letter_words, data.min_spelled_characters
        link = r"[ \t]+".join(data.letter_link)
        letter_words = "|".join(sorted(self._letters, key=len, reverse=True))
        # One character of a spelled id: "n as in nancy", a phonetic letter, a digit word (after "double"),
        # up to four digits, or a letter alone.
        char = rf"(?:[A-Za-z][ \t]+{link}[ \t]+[A-Za-z][A-Za-z\-]{{1,20}}+|(?:{letter_words})|{token}|[A-Za-z])(?![\w'])"
        self._spelled_id = re.compile(rf"(?<![\w\-']){char}(?:[ \t,.\-]{{1,3}}+{char}){{3,40}}+(?![\w\-'])",
                                      re.IGNORECASE)
        self._spelled_char = re.compile(rf"[a-z][ \t]+{link}[ \t]+[a-z][a-z\-]*|[a-z]+|[0-9]+")
        self._letters_hint = re.compile(rf"\b(?:{letter_words})\b|\b[A-Za-z][ \t]+{link}[ \t]+[A-Za-z]",
                                        re.IGNORECASE)
        repeats = "|".join(self._repeats)
        self._spelled_hint = re.compile(rf"\b(?:{words})[ \t,.\-]+(?:(?:{repeats})[ \t\-]+)?(?:(?:{words})\b|[0-9])"
                                        rf"|[0-9][ \t,.\-]+(?:{words})\b", re.IGNORECASE)
        # From the first digit of a run only, and possessive: linear in the text, whatever it holds.
        self._spaced = re.compile(rf"(?<![\w.,\-])(?<!\d[ \-])\d(?:[ \-]\d){{{self._min_spaced - 1},}}+"
                                  rf"(?![\w\-]|[.,]\d)")
        group = rf"[0-9]{{1,{data.max_group_digits}}}+"
        self._groups = re.compile(rf"(?<![\w.\-])(?<![0-9][ .\-])(?<![0-9][ .\-]{{2}})(?<![0-9][ .\-]{{3}})"
                                  rf"{group}(?:[ .\-]{{1,3}}+{group})++(?![\w\-]|\.[0-9])")
        self._steps: tuple[tuple[Callable[[str], list[Edit]], int], ...] = (
            (self._characters, 1), (self._look_alikes, 1), (self._percent_escapes, data.percent_rounds),
            (self._blanks, 1), (self._plus_blanks, 1), (self._spoken_joins, 1), (self._spelled_emails, 1),
            (self._spaced_address, 1),
            (self._spelled_ids, 1), (self._spelled_digits, 1), (self._spaced_digits, 1), (self._digit_groups, 1),
            (self._lower_case_names, 1))

    def view(self, text: str) -> View | None:
        """`text` with its disguises undone, or None when it holds none. A step with rounds runs
        again on what it made, until it finds nothing more."""
        current, starts, ends = text, None, None
        for step, rounds in self._steps:
            for _ in range(rounds):
                edits = step(current)
                if not edits:
                    break
                if starts is None:
                    starts, ends = list(range(len(text))), list(range(1, len(text) + 1))
                current, starts, ends = _apply(current, starts, ends, edits)
        if starts is None or current == text:
            return None
        return View(current, tuple(starts), tuple(ends))

    def _characters(self, text: str) -> list[Edit]:
        """Compatibility forms of what identifiers are written with folded (full-width letters,
        digits and `＠`, superscript digits: NFKC), other scripts' decimal digits read as ASCII
        digits (Arabic-Indic `٤١٥`), invisible format characters (zero-width spaces and joiners,
        soft hyphens, byte-order and direction marks) next to a letter, digit, `@` or `.` removed,
        and so are combining marks and variation selectors on an ASCII letter, digit, `@` or `.`
        (U+FE0F inside `415`, keycap digits, struck-through letters; a mark on another script's
        letter is part of its spelling, and stays)."""
        if text.isascii() or (unicodedata.is_normalized("NFKC", text) and not self._unusual.search(text)):
            return []
        # joined: the last non-ASCII character folded into or joined to an identifier (None: none yet,
        # so a mark opening the text is not taken as going with one).
        edits: list[Edit] = []
        joined: int | None = None
        for match in _NON_ASCII.finditer(text):
            index, char = match.start(), match.group()
            category, folded = self._fold(char)
            if folded is not None:
                edits.append((index, index + 1, folded))
            elif category == "Cf" and any(map(_joins, text[index - 1:index] + text[index + 1:index + 2])):
                edits.append((index, index + 1, ""))
            elif category in _MARKS and joined == index - 1:
                edits[-1] = (edits[-1][0], index + 1, edits[-1][2])  # the mark goes with what it is on
            elif category in _MARKS and index and text[index - 1].isascii() and _joins(text[index - 1]):
                edits.append((index - 1, index + 1, text[index - 1]))
            else:
                continue
            joined = index
        return edits

    def _fold(self, char: str) -> tuple[str, str | None]:
        """A non-ASCII character's category, and the ASCII it reads as in an identifier, if any."""
        known = self._folded.get(char)
        if known is None:
            category, folded = unicodedata.category(char), unicodedata.normalize("NFKC", char)
            if category == "Nd":
                folded = str(unicodedata.decimal(char))
            known = self._folded[char] = (category, folded if folded in _FOLDED_INTO else None)
        return known

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
        (`%40` and `%2540` are both `@`); a round decodes once (`%25%34%30` becomes `%40`)."""
        if "%" not in text:
            return []
        return [(m.start(), m.end(), chr(int(m.group(1), 16)))
                for m in _PERCENT.finditer(text) if int(m.group(1), 16) < 0x7F]

    def _blanks(self, text: str) -> list[Edit]:
        """A run of blanks between two letters, digits or `@` that is not one ASCII space (a no-break
        or thin space, a tab, two spaces) as one ASCII space, as the detectors' patterns expect."""
        if "  " not in text and "\t" not in text and (text.isascii() or not self._wide_blank.search(text)):
            return []
        return [(m.start(), m.end(), " ") for m in self._odd_blanks.finditer(text)]

    @staticmethod
    def _plus_blanks(text: str) -> list[Edit]:
        """A `+` between two letters or digits read as a blank, as a query string writes one
        (`q=jane+doe+415+555+0199`), except in an address's local part (`john.smith+work@example.com`
        keeps it)."""
        if "+" not in text:
            return []
        edits = []
        for token in _PLUS_TOKEN.finditer(text):
            word, start = token.group(), token.start()
            if not word.endswith("@"):
                edits += [(start + i, start + i + 1, " ") for i in range(1, len(word) - 1)
                          if word[i] == "+" and word[i - 1].isalnum() and word[i + 1].isalnum()]
        return edits

    def _spoken_joins(self, text: str) -> list[Edit]:
        """A handle's joining character read out between its parts ("jay underscore smith") as the
        character, so the handle and the address it starts are read whole ("jay_smith")."""
        if self._spoken_join is None:
            return []
        return [(m.start(), m.end(), self._joins[m.group(1).lower()]) for m in self._spoken_join.finditer(text)]

    def _spelled_emails(self, text: str) -> list[Edit]:
        """`jane(at)example(dot)com`, `jane at example dot com`, `jane[@]example(.)com`: the spelled or
        bracketed separators as `@` and `.`; a bare "at" only with a spelled "dot" in the domain
        ("sold at amazon.com" is left alone)."""
        if not self._email_hint.search(text):
            return []
        edits, position = [], 0
        while match := self._email.search(text, position):
            at = match.group("at")
            if self._plain_at.match(at) and (not self._spelled_dot.search(match.group("domain"))
                                             or (self._at_next.match(text, match.end())
                                                 and self._email.match(text, match.start("domain")))):
                # "reach me at m.whitfield (at) ...", "email me at jo dot li at gmail dot com": a
                # sentence's "at", whose domain is the local part of the real address when that has
                # no spelled dot or another "at" follows it that makes an address with it ("ana at
                # x dot com at noon" is one address), so the search goes on from there.
                position = match.end("at")
                continue
            position = match.end()
            for separator in self._spelled_separator.finditer(match.group()):
                char = "@" if separator.start() == match.start("at") - match.start() else "."
                edits.append((match.start() + separator.start(), match.start() + separator.end(), char))
        return edits

    def _spaced_address(self, text: str) -> list[Edit]:
        """Single characters with one blank between each that spell an address, an `@` and a dot
        after it among them (`j a n e @ e x a m p l e . c o m`), read without the blanks."""
        if " @ " not in text:
            return []
        return [(m.start() + i, m.start() + i + 1, "") for m in self._spaced_characters.finditer(text)
                if "." in m.group().partition("@")[2] for i in range(1, len(m.group()), 2)]

    def _spelled_digits(self, text: str) -> list[Edit]:
        """A run of digits read out one by one ("five five five, one two three ..."), written digits
        and fillers mixed in ("four one five 555 0199", "five five five, uh, two one two"), as the digits."""
        if not self._spelled_hint.search(text):
            return []
        edits = []
        for match in self._spelled.finditer(text):
            digits, repeat, spelled = [], 1, False
            for word in re.findall(r"[a-z]+|[0-9]+", match.group().lower()):
                if word in self._fillers:
                    continue
                if word in self._repeats:
                    repeat = self._repeats[word]
                else:
                    spelled = spelled or word in self._digits
                    digits.append(self._digits.get(word, word) * repeat)
                    repeat = 1
            if spelled and len("".join(digits)) >= self._min_spelled:
                edits.append((match.start(), match.end(), "".join(digits)))
        return edits

    def _spelled_ids(self, text: str) -> list[Edit]:
        """An id spelled out character by character with phonetic letters among them ("N as in Nancy, Y,
        uniform charlie S four three seven nine charlie"), as the capitals and digits it spells: at
        least `min_letter_words` phonetic letters (or one, with `min_spelled_digits` digits: "november
        five three two six ...") and `min_spelled_characters` characters in all, so "the hotel in lima"
        or "echo 5" are left alone."""
        if not self._letters_hint.search(text):
            return []
        edits = []
        for match in self._spelled_id.finditer(text):
            spelled, phonetic, repeat = [], 0, 1
            for word in self._spelled_char.findall(match.group().lower()):
                head = word.split()[0]
                if head in self._repeats:
                    repeat = self._repeats[head]
                    continue
                if len(word.split()) > 1 or head in self._letters:
                    phonetic += 1
                    spelled.append(self._letters.get(head, head).upper())
                else:
                    spelled.append(self._digits.get(head, head.upper()) * repeat)
                repeat = 1
            digits = sum(char.isdigit() for char in "".join(spelled))
            if (phonetic >= self._min_letter_words or (phonetic and digits >= self._min_spelled)) \
                    and len("".join(spelled)) >= self._min_spelled_characters:
                edits.append((match.start(), match.end(), "".join(spelled)))
        return edits

    def _spaced_digits(self, text: str) -> list[Edit]:
        """Single digits with a blank or dash between each ("4 1 1 1 1 1 1 ..."), read as one number."""
        return [(m.start() + i, m.start() + i + 1, "") for m in self._spaced.finditer(text)
                for i in range(1, len(m.group()), 2)]

    def _digit_groups(self, text: str) -> list[Edit]:
        """Short digit groups with one kind of separator between them that the detectors' patterns do
        not read (`45 32 01 51 ...`, `4532.0151.1283.0366`, `536 - 22 - 8790`): groups of one or two
        digits, two or more of them, joined; other groups with one dash between each. Runs already
        read (one blank or dash between groups, at most one short group) and dotted quads (IP
        addresses) stay as written."""
        edits = []
        for match in self._groups.finditer(text):
            groups = _DIGITS.findall(match.group())
            separators = [(m.start() + match.start(), m.end() + match.start())
                          for m in _GROUP_SEPARATOR.finditer(match.group())]
            kinds = {text[start:end] for start, end in separators}
            short = sum(len(group) <= 2 for group in groups)
            if len(kinds) != 1 or len("".join(groups)) not in self._grouped \
                    or (kinds == {"."} and len(groups) == 4 and max(map(len, groups)) <= 3):
                continue
            if short >= 2:
                edits += [(start, end, "") for start, end in separators]
            elif kinds not in ({" "}, {"-"}):
                edits += [(start, end, "-") for start, end in separators]
        return edits

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
# Combining marks; variation selectors (U+FE00-FE0F, U+E0100-E01EF) are among them.
_MARKS = ("Mn", "Me")
_PLUS_TOKEN = re.compile(r"(?<![\w.+%\-])[\w.%\-]*+\+[\w.+%\-]*+@?")
_DIGITS = re.compile(r"[0-9]+")
_GROUP_SEPARATOR = re.compile(r"[ .\-]+")


def _joins(char: str) -> bool:
    """Whether an invisible character next to `char` could be splitting an identifier."""
    return char.isalnum() or char in "@."


def _separator(words: tuple[str, ...], symbol: str) -> str:
    """A spelled separator: the word or the symbol itself in brackets (`(at)`, `[dot]`, `[@]`, `(.)`),
    or the word between blanks (` at `)."""
    alternatives = "|".join(words)
    return (rf"[ \t]*{_OPEN}[ \t]*(?:{alternatives}|{symbol})[ \t]*{_CLOSE}[ \t]*"
            rf"|[ \t]+(?:{alternatives})[ \t]+")


def _spelled_email(at_words: tuple[str, ...], dot_words: tuple[str, ...]) -> re.Pattern:
    """An address whose `@` or some `.` is spelled out or bracketed; the `at` and `domain` groups are
    its parts. A few dots at most on either side, so a long run of "x dot y dot ..." costs each
    start a bounded scan."""
    part = r"[A-Za-z0-9_+\-]++"
    dot = "(?:" + _separator(dot_words, r"\.") + r"|\.)"
    at = "(?:" + _separator(at_words, "@") + "|@)"
    return re.compile(rf"(?<![\w.+\-'@]){part}(?:{dot}{part}){{0,4}}(?P<at>{at})"
                      rf"(?P<domain>{part}(?:{dot}{part}){{1,5}})(?![\w\-@]|\.\w)", re.IGNORECASE)


@cache
def _code_points() -> dict[str, tuple[int, ...]]:
    """Non-ASCII code points of the categories the view reads (format, marks, digits, blanks), by
    category: one scan of Unicode, when the first normalizer is built."""
    found: dict[str, list[int]] = {category: [] for category in ("Cf", *_MARKS, "Nd", "Zs")}
    for code in range(0x80, sys.maxunicode + 1):
        category = unicodedata.category(chr(code))
        if category in found:
            found[category].append(code)
    return {category: tuple(codes) for category, codes in found.items()}


def _unicode_class(*categories: str) -> str:
    """A regular-expression class body, as ranges, of the non-ASCII characters of `categories`."""
    ranges: list[list[int]] = []
    for code in sorted(code for category in categories for code in _code_points()[category]):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(chr(low) if low == high else f"{chr(low)}-{chr(high)}" for low, high in ranges)


def build_normalizer(path: Path = NORMALIZE_FILE) -> Normalizer:
    """The normalizer of the shipped data, validated (a bad file raises ConfigFileError naming the key)."""
    return Normalizer(normalize_data(path))
