"""Medication names from models/data/drugs.txt, whole words in any case, with an optional dose in the span."""
from __future__ import annotations

from presidio_analyzer import PatternRecognizer

from models.compat import checked_pattern
from models.config_files import term_list
from models.recognizers.config import RecognizerData
from models.recognizers.cued_value import phrase_trie


class DrugNameRecognizer(PatternRecognizer):
    """DRUG_NAME: a listed generic or brand name, plus a dose right after it ("metformin 500 mg")."""

    def __init__(self, data: RecognizerData) -> None:
        rule = data.drug_names
        names = phrase_trie(term_list(rule.terms), space=r"\s+")
        pattern = rf"(?<![\w\-])(?:{names})(?:\s+{rule.dose})?(?![\w\-])"
        super().__init__(supported_entity="DRUG_NAME", supported_language="en",
                         patterns=[checked_pattern("listed drug name", pattern, rule.score)])
