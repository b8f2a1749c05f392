"""The evaluation's scoring: drops, leaks and kept words counted from gold labels and sink documents."""
from __future__ import annotations

import json

from evaluation.corpus import Gold, spec_to_record
from evaluation.handwritten import pii_type, score
from models.parse import parse_line


def test_specs_become_valid_contract_records():
    for spec in ({"id": "a", "kind": "keystrokes", "typed": "hi\nthere", "category": "benign"},
                 {"id": "b", "kind": "transcript", "segments": [{"speaker": "x", "text": "yo"}], "category": "benign"},
                 {"id": "c", "kind": "screenshot", "lines": ["hello"], "dark": True, "category": "benign"}):
        assert parse_line(json.dumps(spec_to_record(spec)).encode(), "c.jsonl").record_id == spec["id"]


def test_pii_strings_are_typed_by_shape():
    assert [pii_type(v) for v in ("a@b.io", "536-22-4187", "4111 1111 1111 1111", "(415) 555-0172", "Jane Doe")] == [
        "EMAIL_ADDRESS", "US_SSN", "CREDIT_CARD", "PHONE_NUMBER", "PERSON"]


def test_when_scoring_then_drops_leaks_and_kept_words_are_counted():
    golds = [Gold("m1", "transcript", "medical", (), "a1c is high"),
             Gold("m2", "transcript", "medical", (), "bloods drawn"),
             Gold("b1", "transcript", "benign", ("Jane Doe",), "ask Jane Doe about the deploy"),
             Gold("b2", "transcript", "benign", (), "ship it")]
    docs = {"m2": {"kind": "transcript", "segments": [{"text": "bloods drawn"}]},
            "b1": {"kind": "transcript", "segments": [{"text": "ask Jane Doe about the <URL>"}]}}
    result = score(golds, docs, {"m1": "medical", "m2": None, "b1": None, "b2": "private_chat"})
    assert result["categories"]["medical"]["drop_recall"] == {"value": 0.5, "of": 2}
    assert result["categories"]["medical"]["category_precision"] == {"value": 1.0, "of": 1}
    assert result["benign"]["wrongly_dropped"] == {"value": 0.5, "of": 2}
    assert result["leaked_pii_strings"] == 1 and result["leaks_by_type"] == {"PERSON": 1}
    assert result["non_pii_words_kept"]["value"] == round(5 / 6, 4)  # "deploy" was lost
