"""Where a name stands by its sentence's shape rather than a cue word (issue 15): a name that opens a
typed line or a said turn as its subject or the one addressed ("Okonkwo said the build ...", "Siobhan,
can you ...", "Nguyen Van An will ..."), and a name said as the object of a verb before a preposition
("briefed Thanh on the incident"). The verb is read from the model's lemma tables, not the tagger
(switched off for speed), so each test is a set look-up per word: linear in the text."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import regex
from spacy.lookups import Lookups

from models.recognizers.config import NameOpenerRule

# Where a line's first word may start: the text's start or a line break, then blanks and at most one
# list bullet, list number or quote mark ("- Ana said", "2) Ana:", "> Ana wrote").
_LINE_START = regex.compile(r"(?m)^[ \t]*+(?:(?:[-*•>]|\d{1,2}[.)])[ \t]++)?+")
# A sentence's start inside a line: after a word or number and the marks that end a sentence ("hey team. Okonkwo
# might be late", "done! Mareš: pushed the fix").
_SENTENCE_START = regex.compile(r"(?<=[\p{Ll}\p{N})\]][.!?]{1,3}[ \t]{1,2})(?=\p{Lu})")
# Between the words of one name, and between a name and the word after it.
_BLANK = regex.compile(r"[ \t]{1,2}")


class Word(Protocol):
    """A word of the text: its offsets and its characters."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class VerbForms:
    """The lemma tables' verbs: base forms, and the finite forms a subject takes (irregular forms of
    the exceptions table, and -ed or -s forms whose rule gives a listed verb); -ing forms are left out."""

    bases: frozenset[str]
    irregular: frozenset[str]
    rules: tuple[tuple[str, str], ...]

    @classmethod
    def from_lookups(cls, lookups: Lookups) -> VerbForms:
        """The verb readings of the model's rule tables `lookups`."""
        index, exceptions, rules = (lookups.get_table(name) for name in ("lemma_index", "lemma_exc", "lemma_rules"))
        irregular = frozenset(form for form in exceptions.get("verb", {}) if form.isalpha() and not form.endswith("ing"))
        return cls(frozenset(index.get("verb", ())), irregular,
                   tuple((old, new) for old, new in rules.get("verb", ()) if old in ("ed", "d", "s", "es", "ies")))

    def finite(self, word: str) -> bool:
        """Whether a lower-case word is a past or third-person form of a listed verb ("said", "agreed", "needs")."""
        if word in self.irregular:
            return True
        return any(word.endswith(old) and word[:len(word) - len(old)] + new in self.bases for old, new in self.rules
                   if len(word) > len(old) + 1)

    def verb(self, word: str) -> bool:
        """A finite form or a base form of a listed verb ("remind", "briefed")."""
        return word in self.bases or self.finite(word)


class NameOpeners:
    """Seeds (first, last word index) of names that open a line or follow a verb before a preposition."""

    def __init__(self, rule: NameOpenerRule, verbs: VerbForms, max_words: int) -> None:
        self._auxiliaries = frozenset(rule.auxiliaries)
        self._not_verbs = frozenset(rule.not_verbs)
        self._prepositions = frozenset(rule.prepositions)
        self._verbs = verbs
        self._max_words = max_words
        joined = "|".join(r"[ \t]{1,2}".join(regex.escape(part) for part in phrase.split()) for phrase in rule.joined)
        marks = "".join(regex.escape(mark) for mark in rule.marks)
        # after the name: a mark or a dash between blanks, then prose of lower-case words ("Siobhan, can you",
        # "Mareš: pushed the fix", "Okafor - can you"; not a screen's "Stauts: active"), a mark ending the
        # line ("Siobhan,"), or "and I"
        prose = r"(?=\p{Ll}[\p{L}\p{M}'’]*+[ \t]{1,2}\p{L})"
        self._after = regex.compile(rf"(?:[ \t]{{0,2}}[{marks}]|[ \t]{{1,2}}[-–—])[ \t]{{1,2}}{prose}"
                                    rf"|[ \t]{{0,2}}[{marks}][ \t]*(?:\n|$)|[ \t]{{1,2}}(?i:{joined})(?!\w)")

    def seeds(self, text: str, words: Sequence[Word], opener_word: Callable[[int], bool],
              name_word: Callable[[int], bool]) -> Iterable[tuple[int, int]]:
        """Runs of one to `max_words` words, the first a `name_word`, the others `opener_word` (a capitalised
        word that is no app, UI or chat word, or a particle), at a line's or sentence's start before a verb, auxiliary
        or mark, or after a verb and before a preposition."""
        starts = {word.start: index for index, word in enumerate(words)}
        for at in sorted({match.end() for pattern in (_LINE_START, _SENTENCE_START) for match in pattern.finditer(text)}):
            first = starts.get(at)
            if first is not None:
                last = self._run(text, words, first, opener_word, name_word)
                if last is not None and self._opens(text, words, last):
                    yield first, last
        for first in range(1, len(words)):
            if (words[first].text[:1].isupper() and _BLANK.fullmatch(text[words[first - 1].end:words[first].start])
                    and self._is_verb(words[first - 1].text)):
                last = self._run(text, words, first, opener_word, name_word)
                if (last is not None and last + 1 < len(words)
                        and _BLANK.fullmatch(text[words[last].end:words[last + 1].start])
                        and words[last + 1].text.lower() in self._prepositions):
                    yield first, last

    def _run(self, text: str, words: Sequence[Word], first: int, opener_word: Callable[[int], bool],
             name_word: Callable[[int], bool]) -> int | None:
        """The last word of the name run starting at `first` (a name word: "Newly-signed Tony Simmons" is
        not one), or None."""
        if not name_word(first):
            return None
        last = first
        while (last + 1 < len(words) and last + 1 - first < self._max_words and opener_word(last + 1)
               and _BLANK.fullmatch(text[words[last].end:words[last + 1].start])):
            last += 1
        return last

    def _opens(self, text: str, words: Sequence[Word], last: int) -> bool:
        """Whether what follows word `last` makes the run a line's subject or the one it addresses."""
        if self._after.match(text, words[last].end):
            return True
        after = last + 1
        if after >= len(words) or not _BLANK.fullmatch(text[words[last].end:words[after].start]):
            return False
        word = words[after].text.lower()
        return word in self._auxiliaries or (word not in self._not_verbs and self._verbs.finite(word))

    def _is_verb(self, word: str) -> bool:
        """A lower-case verb form before an object ("asked", "briefed", "remind"), no auxiliary."""
        return word.islower() and word not in self._auxiliaries and word not in self._not_verbs and self._verbs.verb(word)
