"""The category probe's own machinery (evaluation/category_probe.py): its tuning and held-out halves never
share an item, and every shape it builds is a contract record the pipeline parses."""
from __future__ import annotations

import json
import random

import pytest

from evaluation.category_probe import HELD_OUT_SEED, TUNE_SEED, _half, make_record
from models.parse import parse_line


def test_the_tuning_and_held_out_seeds_draw_disjoint_halves_that_cover_every_item():
    ids = [f"src:{n}" for n in range(500)]
    tuning = {i for i in ids if _half(i, TUNE_SEED)}
    held_out = {i for i in ids if _half(i, HELD_OUT_SEED)}
    assert not tuning & held_out and tuning | held_out == set(ids)
    assert 150 < len(tuning) < 350


@pytest.mark.parametrize("shape", ["voice", "chat", "typed", "screen"])
def test_every_shape_is_a_record_the_pipeline_parses(shape):
    record = make_record("probe-1", shape, ["Notes", "a line {n} wrote", "another"], random.Random(3), 1)
    raw = {k: v for k, v in record.items() if k != "ocr_words"}
    parsed = parse_line(json.dumps(raw).encode(), "probe.jsonl")
    assert parsed.record_id == "probe-1" and "{n}" not in json.dumps(raw)
