"""Lone given names from a term list: capitalised whole words, as PERSON."""
from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from models.compat import checked_pattern
from models.config_files import term_list
from models.recognizers.config import RecognizerData


class FirstNameRecognizer(PatternRecognizer):
    """Case-sensitive (no IGNORECASE): "Priya" is a name, "priya" in a URL slug or handle is left to others."""

    def __init__(self, data: RecognizerData) -> None:
        rule = data.first_names
        names = "|".join(regex.escape(name.capitalize()) for name in term_list(rule.terms))
        super().__init__(supported_entity="PERSON", name="FirstNameRecognizer", supported_language="en",
                         patterns=[checked_pattern("given name", rf"(?<![\w@.\-])(?:{names})(?![\w@\-]|\.\w)", rule.score)],
                         global_regex_flags=regex.MULTILINE)
