"""Case-sensitive pattern sets from recognizers.yaml: one recognizer per entity type (chat names, @-mentions)."""
from __future__ import annotations

import regex
from presidio_analyzer import Pattern, PatternRecognizer

from models.recognizers.config import recognizer_data
from models.recognizers.ui_terms import trimmed


class PatternSetRecognizer(PatternRecognizer):
    """A pattern set whose person spans are cut free of app and UI words ("- Slack" is no sign-off)."""

    def analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None):
        """The pattern matches, person spans trimmed by `trimmed`."""
        return trimmed(super().analyze(text, entities, nlp_artifacts, regex_flags), text, frozenset({"PERSON"}))


def pattern_set_recognizers() -> list[PatternRecognizer]:
    """One PatternRecognizer per entity under `pattern_sets`; no IGNORECASE, as capitals carry the signal."""
    return [
        PatternSetRecognizer(
            supported_entity=entity, supported_language="en",
            name=f"PatternSet{entity.title().replace('_', '')}Recognizer",
            patterns=[Pattern(name, shape.regex, shape.score) for name, shape in shapes.items()],
            global_regex_flags=regex.MULTILINE)
        for entity, shapes in recognizer_data().pattern_sets.items()
    ]
