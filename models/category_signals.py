"""Who a category term is about: a person's own matter ("my W-2", "her PIP") or a subject of work
(tickets, files, counts of tenants): the signals that tell them apart, read from one spaCy Doc.

A category term is *owned* when a word naming a person (`my`, `I`, `her`, ...) stands just before it
in its clause; a text's *artefacts* are the distinct strings shaped like work objects (ticket keys,
code files, pull-request numbers, versions, counts of customers). Only token text is read, never NER labels, so the signals are the same before and after NER.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pydantic
from spacy.tokens import Doc

from models.config_files import StrictModel


def compile_all(patterns: Iterable[str]) -> None:
    """Raise ValueError (which pydantic reports under the key) for the first pattern that does not compile."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"pattern {pattern!r} does not compile: {error}") from None


class PersonSignals(StrictModel):
    """What makes a category term someone's own, at most `window` tokens before it in its clause: a
    person word, or a name (a capitalized or non-Latin word) followed by one of the `predicates`.
    A `possessives` word owns only a term at most `possessive_window` tokens after it ("my 2025 W-2",
    not "my team that self reviews")."""

    owners: frozenset[str] = pydantic.Field(min_length=1)
    possessives: frozenset[str] = frozenset()
    predicates: frozenset[str] = pydantic.Field(min_length=1)
    window: int = pydantic.Field(ge=1, le=8)
    possessive_window: int = pydantic.Field(default=2, ge=1, le=8)


class ArtefactSignals(StrictModel):
    """Regular expressions (case kept) of strings that are objects of work, not of someone's life."""

    patterns: dict[str, str] = pydantic.Field(min_length=1)

    @pydantic.field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: dict[str, str]) -> dict[str, str]:
        compile_all(patterns.values())
        return patterns


def owned_terms(doc: Doc, matches: Iterable[tuple[str, int, int]], person: PersonSignals) -> dict[str, set[str]]:
    """The matched terms (label, start token, end token) that a person owns, by label: "my 1040",
    "she is on a PIP", "Jordan is getting a PIP"; not "the 1040 parser" or "the engine is on payroll"."""
    owned: dict[str, set[str]] = {}
    for label, start, end in matches:
        before = doc[max(0, start - person.window):start]
        clause = list(before)[_last_boundary(before) + 1:]
        near = clause[-person.possessive_window:]
        if (any(token.lower_ in person.owners for token in clause)
                or any(token.lower_ in person.possessives for token in near)
                or _named_subject(clause, person.predicates)):
            owned.setdefault(label, set()).add(doc[start:end].text.lower())
    return owned


def _named_subject(clause: list, predicates: frozenset[str]) -> bool:
    """Whether a name stands before one of the `predicates` in the clause ("Mei is", "재현 got")."""
    return any(token.lower_ in predicates and _name_like(previous.text)
               for previous, token in zip(clause, clause[1:]))


def _name_like(word: str) -> bool:
    """A capitalized word ("Mei"), or a word of another script (whose vowel signs are marks, not letters)."""
    letters = all(char.isalpha() or unicodedata.category(char).startswith("M") for char in word)
    return letters and word[:1].isalpha() and (word[0].isupper() and word[1:].islower() or not word.isascii())


def artefacts(text: str, patterns: dict[str, re.Pattern]) -> dict[str, int]:
    """Distinct strings each artefact pattern matched in `text`, counted by pattern name."""
    found = {name: len({match.group(0) for match in pattern.finditer(text)}) for name, pattern in patterns.items()}
    return {name: count for name, count in found.items() if count}


def compiled(signals: ArtefactSignals) -> dict[str, re.Pattern]:
    """The artefact patterns, compiled once."""
    return {name: re.compile(pattern) for name, pattern in signals.patterns.items()}


_BOUNDARY = re.compile(r"[.!?;:()\[\]]+|\s*\n\s*")


def _last_boundary(tokens) -> int:
    """The index of the last token in `tokens` that ends a sentence or clause, or -1 (the shipped
    pipeline has no parser, so sentences are cut at punctuation and line breaks)."""
    return max((i for i, token in enumerate(tokens) if _BOUNDARY.fullmatch(token.text)), default=-1)
