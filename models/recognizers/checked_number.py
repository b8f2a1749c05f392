"""National ids found with no cue: a number of a country's shape whose check digits python-stdnum accepts
(a CPF, a codice fiscale, a PESEL written alone in a row), or of a shape strict enough alone (a UK NI number),
unless a word before it names an order or a build, or one after it makes it a count ("... bytes")."""
from __future__ import annotations

import importlib
from collections.abc import Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from models.recognizers.config import CheckedNumbers
from models.recognizers.phrases import phrase_trie

# Characters before a number searched for a blocker word ("order no. 88031412379").
_BLOCKER_REACH = 24


class CheckedNumberRecognizer(EntityRecognizer):
    """The `checked_numbers` section of recognizers.yaml: per entity type, shapes kept when a check accepts them
    (or always, for a shape that lists no check)."""

    def __init__(self, rule: CheckedNumbers) -> None:
        self._shapes: list[tuple[str, regex.Pattern, tuple[Callable[[str], bool], ...], float]] = [
            (entity, regex.compile(shape.regex),
             tuple(importlib.import_module(f"stdnum.{check}").is_valid for check in shape.checks), shape.score)
            for entity, shapes in rule.shapes.items() for shape in shapes.values()]
        self._blocked = regex.compile(rf"(?i:(?<![\w\-])(?:{phrase_trie(rule.blockers, space=' ')})"
                                      rf"(?:[\s\-_]{{0,3}}(?:no\.?|nr\.?|n°|number|num|id|#|:))*[\s\-_]{{0,3}}[#:=]?\s{{0,3}}"
                                      rf"(?:\d{{1,4}}\s{{0,2}}[x×]\s{{0,2}})?)$")
        self._blocked_after = regex.compile(rf"(?i:\s{{1,3}}(?:{phrase_trie(rule.blockers_after, space=' ')})(?![\w\-]))"
                                            if rule.blockers_after else r"(?!)")
        super().__init__(supported_entities=sorted({entity for entity, *_ in self._shapes}), supported_language="en",
                         name="CheckedNumberRecognizer")

    def load(self) -> None:
        """Nothing to load: the shapes and checks come with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Every shaped number a check accepts and no blocker word precedes, of the types asked for."""
        results = []
        for entity, pattern, checks, score in self._shapes:
            if entity not in entities:
                continue
            for match in pattern.finditer(text):
                before = text[max(0, match.start() - _BLOCKER_REACH):match.start()]
                if self._blocked.search(before) or self._blocked_after.match(text, match.end()):
                    continue
                if not checks or any(check(match.group()) for check in checks):
                    results.append(RecognizerResult(entity, match.start(), match.end(), score))
        return results
