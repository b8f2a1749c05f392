"""Families of identifiers that sit in a place rather than a sentence (prompts, home paths, URLs,
assignments, addresses): one recognizer per family and entity type, patterns from recognizers.yaml."""
from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from models.compat import checked_pattern
from models.recognizers.config import RecognizerData


def _camel(name: str) -> str:
    return "".join(part.title() for part in name.split("_"))


def pattern_family_recognizers(data: RecognizerData) -> list[PatternRecognizer]:
    """A PatternRecognizer per family under `work_identifiers` and entity type, word lists filled in.
    Case-sensitive unless a pattern says otherwise: capitals tell a name from a word."""
    return [
        PatternRecognizer(
            supported_entity=entity, supported_language="en",
            name=f"{_camel(family_name)}{_camel(entity.lower())}Recognizer",
            patterns=[checked_pattern(name, shape.regex, shape.score) for name, shape in shapes.items()],
            global_regex_flags=regex.MULTILINE)
        for family_name, family in data.work_identifiers.items()
        for entity, shapes in family.expanded().items()
    ]
