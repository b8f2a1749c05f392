"""Speakers' names in pasted chat lines (`Simen Rønning: got it`, `[16:57] Eugenia Dobre`): NER misses
names of other locales at a line's start, where a paste puts them. A label counts when one of its words
is no English, app or UI word, so a heading such as "Build Status:" stays."""
from __future__ import annotations

from collections.abc import Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from models.recognizers.config import SpeakerLabels

_PARTS = regex.compile(r"[\s\-'’]+")


class SpeakerLabelRecognizer(EntityRecognizer):
    """PERSON for the speaker of a pasted chat line (the forms of recognizers.yaml `speaker_labels`)."""

    def __init__(self, rule: SpeakerLabels, is_known_word: Callable[[str], bool]) -> None:
        self._rule = rule
        self._forms = rule.compiled()
        self._is_known_word = is_known_word
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
        """Whether one part of `label` is no known word (English, app or UI)."""
        return any(not self._is_known_word(part.lower()) for part in _PARTS.split(label) if len(part) > 1)
