"""Every occurrence of many literal values in a text, in one pass per kind of match.

A record with thousands of distinct masked values (one e-mail address per segment) searched value
by value costs fields x values scans. Here the values of one kind of match (case-sensitive or not,
whole word or not) are compiled into one prefix-tree regex and scanned once per text, trying
every start position (overlapped), so the cost grows with the text, not with the number of values.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from models.deadline import DeadlineExceeded, seconds_left
from models.recognizers.cued_value import phrase_trie
from models.records import Span

# Characters of a value the prefix-tree pattern holds (its nesting depth): longer values are found
# by this prefix and compared whole.
PREFIX_CHARS = 64


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


class _Search:
    """The values of one kind of match as one prefix-tree pattern, long values by their prefix."""

    def __init__(self, kind: list[ValueMatch], ignore_case: bool, whole_word: bool):
        self._ignore_case = ignore_case
        self._types: dict[str, str] = {}
        self._long: dict[str, list[str]] = {}
        for match in kind:
            self._types.setdefault(_key(match.value, ignore_case), match.entity_type)
            if len(match.value) > PREFIX_CHARS:
                self._long.setdefault(_key(match.value[:PREFIX_CHARS], ignore_case), []).append(match.value)
        # Ignoring case, the prefix tree is built on lower-cased literals: 'A' and 'a@' as two branches
        # would let the shorter win where the text holds the longer.
        literals = dict.fromkeys(_trie_literal(m.value[:PREFIX_CHARS], ignore_case) for m in kind)
        body = phrase_trie(tuple(literals), space=" ")
        pattern = rf"(?<!\w)(?:{body})(?!\w)" if whole_word else body
        self._pattern = regex.compile(pattern, regex.IGNORECASE | regex.V0 if ignore_case else regex.V0)

    def spans(self, text: str) -> list[Span]:
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


def _key(value: str, ignore_case: bool) -> str:
    return value.casefold() if ignore_case else value
