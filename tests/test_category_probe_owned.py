"""The owned-matter category probe (evaluation/category_probe_owned.py): its halves hold whole situations
apart, and every record it builds is a contract record the pipeline parses."""
from __future__ import annotations

import json

from evaluation.category_probe_owned import HELD_OUT_SEED, TUNE_SEED, probe_records
from models.parse import parse_line


def test_the_halves_hold_whole_situations_apart_and_both_have_hard_negatives():
    tuning, tuning_gold, tuning_where = probe_records(TUNE_SEED)
    held, held_gold, held_where = probe_records(HELD_OUT_SEED)
    situations = [{where.split(":")[0] for where in half.values()} for half in (tuning_where, held_where)]
    assert tuning and held and not situations[0] & situations[1]
    for gold in (tuning_gold, held_gold):
        assert any(hard for _, hard in gold.values()) and any(not hard for _, hard in gold.values())


def test_every_probe_record_parses_without_template_marks():
    records, _, _ = probe_records(HELD_OUT_SEED)
    for record in records:
        raw = {k: v for k, v in record.items() if k != "ocr_words"}
        parsed = parse_line(json.dumps(raw).encode(), "probe.jsonl")
        assert parsed.record_id == record["record_id"] and "{n}" not in json.dumps(raw)
