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
from typing import NamedTuple

import pydantic
from spacy.tokens import Doc

from models.config_files import StrictModel
from models.recognizers.gates import GatedRegex, gated_compile


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
    # A person pattern (an evaluation, "missed his targets") looks this far back in its clause, and a
    # name anywhere there owns it ("Mei is great technically but often misses deadlines").
    pattern_window: int = pydantic.Field(default=8, ge=1, le=12)
    pattern_owners: frozenset[str] = frozenset()
    # Articles and determiners of the languages patterns are written in: no name ("Las ventas", "Les résultats");
    # and those after which a capitalized word is a noun, not a name (German's: "Die Latenz liegt").
    articles: frozenset[str] = frozenset()
    noun_articles: frozenset[str] = frozenset()
    # The person spoken to in a conversation ("you owe about 2,400", "your rating this cycle"): their
    # own matter in a call or chat between people, though product copy says "your W-2" of every user.
    addressees: frozenset[str] = frozenset()
    addressee_possessives: frozenset[str] = frozenset()
    # The record sources (transcript `source`) that are conversations between people.
    conversation_sources: frozenset[str] = frozenset()
    # Nouns of work objects: a category term just before one names a part of a product, not anyone's
    # matter ("I finished the withholding calculator", "the 1099 export"), so no one owns it, unless a
    # possessive opens the phrase ("my HIV status flag" stays the speaker's own).
    work_heads: frozenset[str] = frozenset()
    # How many tokens after the term a work head may stand ("the 1099 PDF export").
    work_head_window: int = pydantic.Field(default=2, ge=1, le=4)


class ArtefactSignals(StrictModel):
    """Regular expressions (case kept) of strings that are objects of work, not of someone's life."""

    patterns: dict[str, str] = pydantic.Field(min_length=1)
    # Artefacts that say whose matter it is (many readers) and so count for nothing when the writer owns a
    # category term in the text: "To all managers: my leave got denied" is one's own (fail closed).
    yield_to_owner: frozenset[str] = frozenset()

    @pydantic.field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: dict[str, str]) -> dict[str, str]:
        compile_all(patterns.values())
        return patterns

    @pydantic.model_validator(mode="after")
    def _yielding_are_patterns(self) -> "ArtefactSignals":
        if not self.yield_to_owner <= set(self.patterns):
            raise ValueError(f"yield_to_owner: {sorted(self.yield_to_owner - set(self.patterns))} are not artefact patterns")
        return self


class Ownership(NamedTuple):
    """Matched terms by label: those a person owns ("my 1040", "Jordan is getting a PIP"), those the
    person spoken to owns ("your rating", "you owe"), and those "your" stands before alone."""

    owned: dict[str, set[str]]
    addressed: dict[str, set[str]]
    yours: dict[str, set[str]]


def owned_terms(doc: Doc, matches: Iterable[tuple[str, int, int]], person: PersonSignals) -> Ownership:
    """Who owns each matched term (label, start token, end token), from the clause before it, read once
    per term: "my 1040" and "she is on a PIP" are owned, "the 1040 parser" and "the engine is on
    payroll" are not; "your self-assessment" is `yours`, "thank you for the plan" nothing."""
    found = Ownership({}, {}, {})
    for label, start, end in matches:
        pattern = PERSON_LABEL in label
        if not pattern and of_work(doc, start, end, person):
            continue
        before = doc[max(0, start - (person.pattern_window if pattern else person.window)):start]
        clause = list(before)[_last_boundary(before) + 1:]
        # A person pattern may hold its owner ("can I take", "missed his targets"): its own words count.
        inside = {token.lower_ for token in doc[start:end]} if pattern else set()
        words = {token.lower_ for token in clause} | inside
        near = {token.lower_ for token in clause[-person.possessive_window:]} | inside
        your = not near.isdisjoint(person.addressee_possessives)
        term = doc[start:end].text.lower()
        if (not words.isdisjoint(person.owners) or not near.isdisjoint(person.possessives)
                or pattern and not words.isdisjoint(person.pattern_owners)
                or _named_subject(clause, person.predicates)
                or pattern and _names_in(clause, person)):
            found.owned.setdefault(label, set()).add(term)
        if your or not words.isdisjoint(person.addressees):
            found.addressed.setdefault(label, set()).add(term)
        if your and not pattern:
            found.yours.setdefault(label, set()).add(term)
    return found


def of_work(doc: Doc, start: int, end: int, person: PersonSignals) -> bool:
    """Whether a work head follows a term spanning tokens `start` to `end`, within `work_head_window`
    words of its noun phrase ("withholding calculator", "biopsy result status enum"; not "1099. Export
    ...", nor "my refund for the export": a stop word or punctuation ends the phrase), and no possessive
    owns the phrase: "my HIV status flag", "her insulin pump sync" stay someone's own (fail closed)."""
    if _possessed(doc, start, person):
        return False
    for token in doc[end:end + person.work_head_window]:
        # a tab or line break ends the phrase as a cell does ("Partially meets\tflag for PIP": two cells)
        if _BOUNDARY.fullmatch(token.text) or token.is_punct or token.is_stop or token.is_space:
            return False
        if token.lower_ in person.work_heads or token.lemma_.lower() in person.work_heads:
            return True
    return False


def _possessed(doc: Doc, start: int, person: PersonSignals) -> bool:
    """Whether a possessive ("my", "his", "her", "your") opens the noun phrase token `start` stands in: at most
    `possessive_window` + `work_head_window` tokens before it, with no stop word or punctuation between
    ("my HIV medication refill queue" owns "medication" too)."""
    for token in reversed(doc[max(0, start - person.possessive_window - person.work_head_window):start]):
        if (token.lower_ in person.possessives or token.lower_ in person.addressee_possessives
                or token.tag_ == "PRP$" and token.lower_ in person.owners):
            return True
        if _BOUNDARY.fullmatch(token.text) or token.is_punct or token.is_stop:
            return False
    return False


# The label part of a person pattern's matches ("performance:person:missed_targets").
PERSON_LABEL = ":person:"


def person_pattern_matches(doc: Doc, text: str, patterns: Iterable[tuple[str, re.Pattern]]
                           ) -> list[tuple[str, int, int]]:
    """(label, start token, end token) of each match of the labelled `patterns` in `text` (the doc's
    text), for `owned_terms` to weigh who it is about."""
    found = []
    for label, pattern in patterns:
        for match in pattern.finditer(text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and len(span):
                found.append((label, span.start, span.end))
    return found


def _named_subject(clause: list, predicates: frozenset[str]) -> bool:
    """Whether a name stands before one of the `predicates` in the clause ("Mei is", "재현 got")."""
    return any(token.lower_ in predicates and _name_like(previous.text)
               for previous, token in zip(clause, clause[1:]))


def _names_in(clause: list, person: PersonSignals) -> bool:
    """Whether a name stands in the clause: a name-like word that is no stop word nor article and follows no
    German article ("Mei", "o João"; not "Las" of "Las ventas" nor "Latenz" of "Die Latenz": a German noun keeps
    its capital)."""
    return any(_name_like(token.text) and not token.is_stop and token.lower_ not in person.articles
               and not (index and clause[index - 1].lower_ in person.noun_articles)
               for index, token in enumerate(clause))


def _name_like(word: str) -> bool:
    """A capitalized word ("Mei"), or a word of another script (whose vowel signs are marks, not letters); a
    lower-case Latin word with accents ("están", "évaluation") is an ordinary word of its language."""
    letters = all(char.isalpha() or unicodedata.category(char).startswith("M") for char in word)
    return letters and word[:1].isalpha() and (word[0].isupper() and word[1:].islower() or not _latin(word))


def _latin(word: str) -> bool:
    """Whether every letter of `word` is a Latin one, accented or not ("están", not "재현")."""
    return all(char.isascii() or unicodedata.name(char, "").startswith("LATIN") for char in word if char.isalpha())


def artefacts(text: str, patterns: dict[str, re.Pattern | GatedRegex]) -> dict[str, int]:
    """Distinct strings each artefact pattern matched in `text`, counted by pattern name."""
    found = {name: len({match.group(0) for match in pattern.finditer(text)}) for name, pattern in patterns.items()}
    return {name: count for name, count in found.items() if count}


def compiled(signals: ArtefactSignals) -> dict[str, re.Pattern | GatedRegex]:
    """The artefact patterns, compiled once (gated: a text without what a match needs is not scanned)."""
    return {name: gated_compile(pattern) for name, pattern in signals.patterns.items()}


_BOUNDARY = re.compile(r"[.!?;:()\[\]]+|\s*\n\s*")


def _last_boundary(tokens) -> int:
    """The index of the last token in `tokens` that ends a sentence or clause, or -1 (the shipped
    pipeline has no parser, so sentences are cut at punctuation and line breaks)."""
    return max((i for i, token in enumerate(tokens) if _BOUNDARY.fullmatch(token.text)), default=-1)


class TypoSignals(StrictModel):
    """Single-word category terms of at least `min_chars` letters also match a typed word one edit
    away ("migranes", "perscription"), whose first letter is right and which is not a form of the term."""

    min_chars: int = pydantic.Field(ge=5)
    max_chars: int = pydantic.Field(default=30, ge=5)


class TolerantTerms:
    """The typo-tolerant match of long single-word terms: an index of each term and its one-letter
    deletions, so a word is looked up by its own deletions (cost linear in the word's length)."""

    def __init__(self, terms: Iterable[tuple[str, str]], typos: TypoSignals):
        self._typos = typos
        self._words = {term for _, term in terms}
        self._index: dict[str, set[tuple[str, str]]] = {}
        for label, term in terms:
            if typos.min_chars <= len(term) <= typos.max_chars and term.isalpha():
                for key in {term, *_deletions(term)}:
                    self._index.setdefault(key, set()).add((label, term))

    def matches(self, doc: Doc, lemma_of: dict[str, str]) -> list[tuple[str, int, int]]:
        """(label, start token, end token) of each word one edit from a term; `lemma_of` gives a
        term's lemma, so an inflection ("calibrates" of "calibrated") is not taken for a typo."""
        found = []
        for token in doc:
            word = token.lower_
            if (not self._typos.min_chars - 1 <= len(word) <= self._typos.max_chars or not word.isalpha()
                    or word in self._words):
                continue
            candidates = set().union(*(self._index.get(key, ()) for key in {word, *_deletions(word)}))
            found += [(label, token.i, token.i + 1) for label, term in sorted(candidates)
                      if term[0] == word[0] and _one_edit(word, term) and lemma_of.get(term) != token.lemma_.lower()]
        return found


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one letter missing, added or changed, or two adjacent letters swapped."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) == 1 and short in _deletions(long)
