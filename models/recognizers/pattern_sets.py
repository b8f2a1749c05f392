"""Case-sensitive pattern sets from recognizers.yaml: one recognizer per entity type (chat names, @-mentions)."""
from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from models.compat import checked_pattern
from models.recognizers.config import RecognizerData
from models.recognizers.ui_terms import trimmed


class PatternSetRecognizer(PatternRecognizer):
    """A pattern set whose person spans are cut free of app and UI words (`ui_terms`: "- Slack" is no sign-off)."""

    def __init__(self, ui_terms: frozenset[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self._ui_terms = ui_terms

    def analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None):
        """The pattern matches, person spans trimmed by `trimmed`."""
        return trimmed(super().analyze(text, entities, nlp_artifacts, regex_flags), text, frozenset({"PERSON"}),
                       self._ui_terms)


def pattern_set_recognizers(data: RecognizerData, ui_terms: frozenset[str]) -> list[PatternRecognizer]:
    """One PatternRecognizer per entity under `pattern_sets`; no IGNORECASE, as capitals carry the signal."""
    return [
        PatternSetRecognizer(
            ui_terms, supported_entity=entity, supported_language="en",
            name=f"PatternSet{entity.title().replace('_', '')}Recognizer",
            patterns=[checked_pattern(name, shape.regex, shape.score) for name, shape in shapes.items()],
            global_regex_flags=regex.MULTILINE)
        for entity, shapes in data.pattern_sets.items()
    ]
