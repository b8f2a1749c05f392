"""Speakers' names in pasted chat lines (`Simen Rønning: got it`, `[16:57] Eugenia Dobre`): NER misses
names of other locales at a line's start, where a paste puts them, after a bullet or a list number, or
in capitals (`- Jane Doe: ...`, `• ZOÉ HÉBERT: ...`). A label counts when one of its words is a listed
given name or no English, app or UI word, so a heading such as "Build Status:" or "ACTION ITEMS:" stays."""
from __future__ import annotations

from collections.abc import Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from models.recognizers.config import SpeakerLabels

_PARTS = regex.compile(r"[\s\-'’]+")


class SpeakerLabelRecognizer(EntityRecognizer):
    """PERSON for the speaker of a pasted chat line (the forms of recognizers.yaml `speaker_labels`)."""

    def __init__(self, rule: SpeakerLabels, is_known_word: Callable[[str], bool], given_names: frozenset[str]) -> None:
        self._rule = rule
        self._forms = rule.compiled()
        self._is_known_word = is_known_word
        # Word names count in a label, but not those that also start headings ("Max Retries: 3").
        self._given_names = given_names | (frozenset(rule.word_names) - frozenset(rule.heading_word_names))
        super().__init__(supported_entities=["PERSON"], supported_language="en", name="SpeakerLabelRecognizer")

    def load(self) -> None:
        """Nothing to load: the forms and the word test come with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Each speaker label whose name is not made of words only."""
        found: dict[tuple[int, int], RecognizerResult] = {}
        for form in self._forms:
            for match in form.finditer(text):
                start, end = match.span("name")
                if (start, end) not in found and self.is_name(match.group("name")):
                    found[(start, end)] = RecognizerResult("PERSON", start, end, self._rule.score)
        return list(found.values())

    def is_name(self, label: str) -> bool:
        """Whether one part of `label` is a listed given name (or a word name such as "Grace") or no known word
        (English, app or UI): "HENRY BERRY", "Ana Lima" and "Grace Wood" are names, "ACTION ITEMS" and "Build
        Status" are not."""
        parts = [part.lower() for part in _PARTS.split(label) if len(part) > 1]
        return any(part in self._given_names or not self._is_known_word(part) for part in parts)
