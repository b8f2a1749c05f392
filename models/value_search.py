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
        self._searches: list[tuple[regex.Pattern, dict[str, str], bool]] = []
        for ignore_case in (False, True):
            for whole_word in (False, True):
                kind = sorted((m for m in matches if m.ignore_case == ignore_case and m.whole_word == whole_word),
                              key=lambda m: (m.value, m.entity_type))
                if not kind:
                    continue
                types: dict[str, str] = {}
                for match in kind:
                    types.setdefault(_key(match.value, ignore_case), match.entity_type)
                body = phrase_trie(tuple(dict.fromkeys(m.value for m in kind)), space=" ")
                pattern = rf"(?<!\w)(?:{body})(?!\w)" if whole_word else body
                flags = regex.IGNORECASE | regex.V0 if ignore_case else regex.V0
                self._searches.append((regex.compile(pattern, flags), types, ignore_case))

    def spans(self, text: str) -> list[Span]:
        """A span for the longest value matching at each position: together they cover every
        occurrence of every value, overlapping ones included. Bounded by the record's deadline."""
        found: list[Span] = []
        for pattern, types, ignore_case in self._searches:
            try:
                for match in pattern.finditer(text, overlapped=True, timeout=seconds_left()):
                    entity = types.get(_key(match.group(), ignore_case), "PERSON")
                    found.append(Span(entity, match.start(), match.end(), 1.0))
            except TimeoutError:
                raise DeadlineExceeded("a value search ran past the record's deadline") from None
        return found


def _key(value: str, ignore_case: bool) -> str:
    return value.casefold() if ignore_case else value
