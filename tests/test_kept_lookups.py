"""Answers kept rather than computed again give what computing them gives: the registry's recognizers for a
request (models/engine.py) and a category's pattern score for a text (models/categories.py)."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerRegistry

import models.categories as categories
from models.engine import KeptLookupRegistry


def _recognizers() -> list[PatternRecognizer]:
    return [PatternRecognizer(supported_entity=entity, name=f"{entity}Recognizer",
                              patterns=[Pattern(entity.lower(), rf"\b{entity.lower()}\s*#?\d+", 0.6)])
            for entity in ("CUSTOMER_ID", "ACCOUNT_NUMBER", "EMPLOYEE_ID")]


def test_the_kept_registry_answers_as_presidios_for_every_request_and_after_a_change():
    recognizers = _recognizers()
    kept = KeptLookupRegistry(recognizers=recognizers, supported_languages=["en"])
    stock = RecognizerRegistry(recognizers=recognizers, supported_languages=["en"])
    requests = [dict(entities=["CUSTOMER_ID"]), dict(entities=["EMPLOYEE_ID", "ACCOUNT_NUMBER"]),
                dict(entities=None, all_fields=True)]
    for _ in range(2):  # asked again: the kept answer
        for request in requests:
            assert kept.get_recognizers("en", **request) == stock.get_recognizers("en", **request)
    answer = kept.get_recognizers("en", entities=["CUSTOMER_ID"])
    answer.clear()  # a caller's change to its list does not reach the kept one
    assert kept.get_recognizers("en", entities=["CUSTOMER_ID"]) == stock.get_recognizers("en", entities=["CUSTOMER_ID"])
    extra = PatternRecognizer(supported_entity="CUSTOMER_ID", name="MoreCustomers",
                              patterns=[Pattern("cust", r"\bcust\s*\d+", 0.5)])
    kept.add_recognizer(extra)
    assert extra in kept.get_recognizers("en", entities=["CUSTOMER_ID"])


def test_a_kept_pattern_score_is_the_score_of_the_text(detector, monkeypatch):
    classifier = detector.classifier
    monkeypatch.setattr(classifier, "_pattern_scores", {})
    monkeypatch.setattr(categories, "KEPT_PATTERN_SCORES", 3)
    texts = ["raise from 172k -> 185k and 190k -> 205k next cycle",
             "moved me from 50 mg to 100 mg of sertraline",
             "Merged the release branch, rebuilt the staging images and closed the sprint."]
    for _ in range(2):
        for text in texts:
            for category in classifier._patterns:  # noqa: SLF001
                for most in (None, 1):
                    expected = categories._pattern_score(text, classifier._patterns[category], most)  # noqa: SLF001
                    assert classifier._pattern_score(text, category, most) == expected  # noqa: SLF001
    assert len(classifier._pattern_scores) <= 3  # noqa: SLF001
    assert any(categories._pattern_score(text, patterns, None) for text in texts  # noqa: SLF001
               for patterns in classifier._patterns.values())  # noqa: SLF001
