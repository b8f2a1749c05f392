"""Span merging and placeholder replacement."""
from __future__ import annotations

from models.placeholders import merge_spans, replace_spans
from models.records import Span


def test_when_spans_overlap_then_they_merge_under_the_higher_score():
    merged = merge_spans([Span("URL", 0, 10, 0.5), Span("EMAIL_ADDRESS", 3, 12, 1.0), Span("PERSON", 20, 24, 0.8)])
    assert merged == [Span("EMAIL_ADDRESS", 0, 12, 1.0), Span("PERSON", 20, 24, 0.8)]


def test_when_spans_are_replaced_then_text_between_them_is_kept():
    text = "mail jane@x.io or call 555-0100 today"
    spans = [Span("PHONE_NUMBER", 23, 31, 0.7), Span("EMAIL_ADDRESS", 5, 14, 1.0)]
    assert replace_spans(text, spans) == "mail <EMAIL_ADDRESS> or call <PHONE_NUMBER> today"


def test_when_no_spans_then_text_is_unchanged():
    assert replace_spans("nothing here", []) == "nothing here"
