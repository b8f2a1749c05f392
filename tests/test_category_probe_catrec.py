"""The catrec category probe (evaluation/category_probe_catrec.py): its halves hold whole situations apart, both
have hard negatives, and every record it builds is a contract record the pipeline parses."""
from __future__ import annotations

import json

from evaluation.category_probe_catrec import HELD_OUT_SEED, TUNE_SEED, probe_records
from models.parse import parse_line


def test_the_halves_hold_whole_situations_apart_and_both_have_hard_negatives():
    _, tuning_gold, tuning_where = probe_records(TUNE_SEED)
    _, held_gold, held_where = probe_records(HELD_OUT_SEED)
    situations = [{where.split(":")[0] for where in half.values()} for half in (tuning_where, held_where)]
    assert situations[0] and situations[1] and not situations[0] & situations[1]
    for gold in (tuning_gold, held_gold):
        assert any(hard for _, hard in gold.values()) and any(not hard for _, hard in gold.values())


def test_every_probe_record_parses_without_template_marks():
    for seed in (TUNE_SEED, HELD_OUT_SEED):
        records, _, _ = probe_records(seed)
        for record in records:
            raw = {k: v for k, v in record.items() if k != "ocr_words"}
            assert parse_line(json.dumps(raw).encode(), "probe.jsonl").record_id == record["record_id"]
            assert "{n}" not in json.dumps(raw) and "{m}" not in json.dumps(raw)
