"""Every occurrence of many literal values in a text, in one pass per kind of match.

A record with thousands of distinct masked values (one e-mail address per segment) searched value
by value costs fields x values scans. Here the values of one kind of match (case-sensitive or not,
whole word or not) are compiled into one prefix-tree regex and scanned once per text, trying
every start position (overlapped), so the cost grows with the text, not with the number of values.
A whole-word value that is one word, or two joined by a hyphen (a name, its login forms: most of
a record's values), is not compiled at all: it is looked up in a set by the text's words, so
building the search stays linear and cheap however many names a record holds.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from models.deadline import DeadlineExceeded, check_deadline, seconds_left
from models.recognizers.cued_value import phrase_trie
from models.records import Span

# Characters of a value the prefix-tree pattern holds (its nesting depth): longer values are found
# by this prefix and compared whole.
PREFIX_CHARS = 64
# A whole-word value of this shape can only match a run of word characters, or two such runs with
# a hyphen between them, that the text holds whole: it is looked up by those runs, not compiled.
_WORD_VALUE = regex.compile(r"\w+(?:-\w+)?")
_WORD_RUN = regex.compile(r"\w+")
# Values entered between two deadline checks while a search is built.
_VALUES_PER_CHECK = 1000
# Every character `regex` gives a case (its Unicode may be newer than Python's): built once, when the
# module loads (about 0.2 s), so that no record's deadline pays for it.
_CASED = "".join(regex.findall(r"[\p{Cased}\p{Changes_When_Casemapped}\p{Changes_When_Casefolded}]",
                               "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))))
# Whether a character is looked up by its key as the regex matches it, by character, filled as values come.
_folds_alike: dict[str, bool] = {}


@dataclass(frozen=True)
class ValueMatch:
    """One literal to find: its text, the entity type a match gets, and how it matches."""

    value: str
    entity_type: str
    ignore_case: bool = False
    whole_word: bool = False


class ValueSearch:
    """Compiled search for a set of `ValueMatch`es; `spans(text)` finds them all."""

    def __init__(self, matches: set[ValueMatch] | frozenset[ValueMatch]):
        self._searches: list[_Search] = []
        for ignore_case in (False, True):
            # A long value is found by its first PREFIX_CHARS characters and then compared whole, so
            # the pattern's depth stays bounded; it may continue with a word character, so it is
            # never held to whole words.
            for whole_word in (False, True):
                kind = sorted((m for m in matches if m.ignore_case == ignore_case
                               and (m.whole_word and len(m.value) <= PREFIX_CHARS) == whole_word),
                              key=lambda m: (m.value, m.entity_type))
                if kind:
                    self._searches.append(_Search(kind, ignore_case, whole_word))

    def spans(self, text: str) -> list[Span]:
        """A span for the longest value matching at each position: together they cover every
        occurrence of every value, overlapping ones included. Bounded by the record's deadline."""
        found: list[Span] = []
        for search in self._searches:
            found += search.spans(text)
        return found

    @property
    def compiled_values(self) -> int:
        """How many values the search's patterns hold; the others are looked up by word."""
        return sum(search.compiled_values for search in self._searches)


class _Search:
    """The values of one kind of match: whole words looked up by the text's words, the others as
    one prefix-tree pattern, long values by their prefix."""

    def __init__(self, kind: list[ValueMatch], ignore_case: bool, whole_word: bool):
        self._ignore_case = ignore_case
        self._types: dict[str, str] = {}
        self._long: dict[str, list[str]] = {}
        words: set[str] = set()
        literals: dict[str, None] = {}
        for number, match in enumerate(kind):
            if number % _VALUES_PER_CHECK == 0:
                check_deadline()
            key = _key(match.value, ignore_case)
            self._types.setdefault(key, match.entity_type)
            if whole_word and _WORD_VALUE.fullmatch(match.value) and (not ignore_case or _keyed_as_matched(match.value)):
                words.add(key)
                continue
            if len(match.value) > PREFIX_CHARS:
                self._long.setdefault(_key(match.value[:PREFIX_CHARS], ignore_case), []).append(match.value)
            # Ignoring case, the prefix tree is built on lower-cased literals: 'A' and 'a@' as two branches
            # would let the shorter win where the text holds the longer.
            literals[_trie_literal(match.value[:PREFIX_CHARS], ignore_case)] = None
        self._words = frozenset(words)
        self.compiled_values = len(literals)
        self._pattern = None
        if literals:
            check_deadline()
            body = phrase_trie(tuple(literals), space=" ")
            pattern = rf"(?<!\w)(?:{body})(?!\w)" if whole_word else body
            self._pattern = regex.compile(pattern, regex.IGNORECASE | regex.V0 if ignore_case else regex.V0)

    def spans(self, text: str) -> list[Span]:
        """At each position, the longest value matching there, whether looked up or compiled."""
        longest = self._word_matches(text) if self._words else {}
        for span in self._pattern_spans(text) if self._pattern is not None else ():
            if span.start not in longest or longest[span.start].end < span.end:
                longest[span.start] = span
        return [longest[start] for start in sorted(longest)]

    def _word_matches(self, text: str) -> dict[int, Span]:
        """The word values in `text`, by where they start: a run of word characters, or two runs
        joined by a hyphen, that is a value (the longer of the two at a run's start)."""
        runs = [match.span() for match in _WORD_RUN.finditer(text)]
        found = {}
        for number, (start, end) in enumerate(runs):
            ends = [end]
            if number + 1 < len(runs) and runs[number + 1][0] == end + 1 and text[end] == "-":
                ends.insert(0, runs[number + 1][1])
            for value_end in ends:
                key = _key(text[start:value_end], self._ignore_case)
                if key in self._words:
                    found[start] = Span(self._types[key], start, value_end, 1.0)
                    break
        return found

    def _pattern_spans(self, text: str) -> list[Span]:
        found = []
        try:
            for match in self._pattern.finditer(text, overlapped=True, timeout=seconds_left()):
                start, matched = match.start(), _key(match.group(), self._ignore_case)
                end, entity = match.end(), self._types.get(matched)
                for value in self._long.get(matched, ()):
                    if _key(text[start:start + len(value)], self._ignore_case) == _key(value, self._ignore_case):
                        end, entity = max(end, start + len(value)), self._types[_key(value, self._ignore_case)]
                # A long value's prefix alone is masked too: fail closed.
                found.append(Span(entity or self._types.get(matched, "PERSON"), start, end, 1.0))
        except TimeoutError:
            raise DeadlineExceeded("a value search ran past the record's deadline") from None
        return found


def _trie_literal(value: str, ignore_case: bool) -> str:
    """The literal a value enters the prefix tree as: lower-cased when case is ignored and that keeps its length."""
    lowered = value.lower()
    return lowered if ignore_case and len(lowered) == len(value) else value


def _keyed_as_matched(value: str) -> bool:
    """Whether every text the regex would match `value` with, ignoring case, has the value's key and
    the same word characters: not so for a dotless "ı" (the regex matches it with "I") or a letter
    whose case pair Python's Unicode does not know yet; such a value stays in the pattern."""
    return all(_char_keyed_as_matched(char) for char in set(_trie_literal(value, True)))


def _char_keyed_as_matched(char: str) -> bool:
    """The same for one character of a value's literal in the pattern (lower-cased or not, as the whole value)."""
    alike = _folds_alike.get(char)
    if alike is None:
        key, word = _key(char, True), _WORD_RUN.fullmatch(char) is not None
        alike = char not in _CASED or all(_key(other, True) == key and (_WORD_RUN.fullmatch(other) is not None) == word
                                          for other in regex.findall(regex.escape(char), _CASED,
                                                                     flags=regex.IGNORECASE | regex.V0))
        _folds_alike[char] = alike
    return alike


def _key(value: str, ignore_case: bool) -> str:
    """What two spellings of a value share when they match: ignoring case, their case folds, with
    the dotted capital I folded to "i" as `regex` matches it (its full fold would be "i" and a mark)."""
    return value.replace("\u0130", "i").casefold() if ignore_case else value
