"""Over-redaction of tools, platforms and devices written with a version or unit number ("python3",
"win32", "eth0", "oauth2"): a listed word with a number is that word, for NER trimming and for the
bare-handle test, while a handle with a number stays a handle. Real analyzer built from the shipped files."""
from __future__ import annotations

import pytest

from models.recognizers.config import load_recognizer_data
from models.recognizers.ui_terms import load_ui_terms, only_ui_terms

TERMS = load_ui_terms(load_recognizer_data())


def _found(analyzer, text: str) -> list[tuple[str, str]]:
    return sorted((r.entity_type, text[r.start:r.end]) for r in analyzer.analyze(text, "en", score_threshold=0.4)
                  if r.entity_type in ("PERSON", "LOCATION", "NRP", "USERNAME"))


@pytest.mark.parametrize("text", ["oauth2", "python3", "gtk3", "eth0", "sda1", "aarch64", "win32", "amd64",
                                  "java17", "jdk17", "rhel9", "ddr5", "pip install oauth2 for python3"])
def test_a_tool_platform_or_device_with_a_number_is_no_person_place_or_handle(analyzer, text):
    assert _found(analyzer, text) == []


@pytest.mark.parametrize("text, expected", [
    ("jsmith2", ("USERNAME", "jsmith2")),
    ("tomasz77", ("USERNAME", "tomasz77")),
    ("Ana 2 - Slack", ("PERSON", "Ana 2")),
])
def test_a_handle_or_a_name_with_a_number_is_still_found(analyzer, text, expected):
    assert expected in _found(analyzer, text)


def test_a_listed_word_with_or_before_a_version_number_is_a_ui_term_and_other_words_are_not():
    assert only_ui_terms("Python3", TERMS) and only_ui_terms("Windows 11", TERMS)
    assert not only_ui_terms("Ana2", TERMS) and not only_ui_terms("Ana 2", TERMS) and not only_ui_terms("11", TERMS)
