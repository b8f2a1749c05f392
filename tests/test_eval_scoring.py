"""The evaluation's per-record scoring on small synthetic outputs: leaks, covered boxes, words lost,
drops, intervals, and the report that puts dev and test side by side."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from evaluation.evaluate import check_joined, recorded_test_hash
from evaluation.report import render_report, render_screen_report
from evaluation.scoring import (
    RecordScore,
    bootstrap,
    box_covered,
    contains,
    ocr_reach,
    score_screen,
    score_text,
    summarize,
    zero_leak,
)


def _gold(spans, texts, kind="transcript", category="benign", hard_negative=False):
    return {"record_id": "r1", "kind_of_text": kind, "category": category, "hard_negative": hard_negative,
            "spans": spans, "texts": texts}


TEXT = "ask Ana Lima about the deploy"
SPANS = [{"field": "segments.0.text", "label": "PERSON", "start": 4, "end": 13, "value": "Ana Lima"}]


def test_a_value_left_in_its_field_is_a_leak_and_a_placeholder_is_not():
    gold = _gold(SPANS, {"segments.0.text": TEXT})
    leaked = score_text(gold, {"segments": [{"speaker": "speaker_1", "text": TEXT}]})
    masked = score_text(gold, {"segments": [{"speaker": "speaker_1", "text": "ask <PERSON> about the <URL>"}]})
    dropped = score_text(gold, None)
    assert leaked.core_leak and leaked.leaked_spans == 1 and leaked.words_lost == 0
    assert not masked.core_leak and masked.words == 4 and masked.words_lost == 1  # "deploy" was lost
    assert not dropped.kept and not dropped.core_leak


def test_a_name_with_one_part_left_is_a_leak():
    gold = _gold(SPANS, {"segments.0.text": TEXT})
    assert score_text(gold, {"segments": [{"text": "ask <PERSON> Lima about the deploy"}]}).core_leak
    assert not score_text(gold, {"segments": [{"text": "ask <PERSON> about the Limassol deploy"}]}).core_leak


def test_a_value_is_found_as_a_whole_token_only():
    assert contains("ping Ana now", "Ana") and not contains("ping Anastasia now", "Ana")
    assert contains("key=sk_live_abc1", "sk_live_abc1") and not contains(None, "x")


def test_keystroke_leaks_are_read_from_the_typed_text_the_sanitized_events_rebuild():
    gold = _gold([{"field": "typed", "label": "USERNAME", "start": 3, "end": 8, "value": "jdoe1"}], {"typed": "cd jdoe1"},
                 kind="keystrokes")
    typed = [{"t": i, "key": ch, "type": "keydown"} for i, ch in enumerate("cd jdoe1")]
    masked = typed[:3] + [{"t": 9, "type": "paste", "text": "<USERNAME>"}]
    assert score_text(gold, {"events": typed}).core_leak
    assert not score_text(gold, {"events": masked}).core_leak


def _screen_with_text() -> tuple[Image.Image, list[float]]:
    image = Image.new("RGB", (300, 60), (240, 240, 245))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=20)
    draw.text((20, 20), "Ana Lima", fill=(30, 30, 30), font=font)
    return image, list(draw.textbbox((20, 20), "Ana Lima", font=font))


def test_a_box_counts_as_covered_only_when_its_ink_is_under_the_fill():
    before, box = _screen_with_text()
    covered, half = before.copy(), before.copy()
    ImageDraw.Draw(covered).rectangle([box[0] - 2, box[1] - 2, box[2] + 2, box[3] + 2], fill=(0, 0, 0))
    ImageDraw.Draw(half).rectangle([box[0] - 2, box[1] - 2, (box[0] + box[2]) / 2, box[3] + 2], fill=(0, 0, 0))
    px = np.asarray
    assert box_covered(px(before), px(covered), box) is True
    assert box_covered(px(before), px(half), box) is False
    assert box_covered(px(before), px(before), box) is False
    assert box_covered(px(before), px(before), [250, 5, 290, 15]) is None  # nothing drawn there
    gold = _gold([{"field": "image", "label": "PERSON", "value": "Ana Lima", "region": "body", "box": box}], {},
                 kind="screenshot")
    assert score_screen(gold, before, half).leaked_regions == {"body"}
    assert not score_screen(gold, before, covered).core_leak
    assert not score_screen(gold, before, None).kept


def _dev_and_test(figures: dict, records: int, sanitized: int) -> dict:
    """The same figures as both splits of a report, with a split description and audit counts."""
    split = {"records": records, "sizes": "s", "seed": 1, "sha256": "a" * 64}
    audit = {"records_in": records, "sanitized": sanitized, "dropped": records - sanitized, "quarantined": 0}
    return {name: figures | {"ocr_reach": {}, "split": split, "seconds": 1, "audit": audit} for name in ("dev", "test")}


def test_bootstrap_interval_holds_the_point_estimate():
    figure = bootstrap([1, 0, 1, 1, 0, 1, 1, 1, 0, 1], [1] * 10)
    assert figure["value"] == 0.7 and figure["low"] <= 0.7 <= figure["high"] and figure["n"] == 10
    assert figure["low"] < figure["high"]
    assert bootstrap([], [])["value"] is None


def test_zero_leak_counts_dropped_records_as_clean_over_all_and_leaves_them_out_over_kept():
    def record(kept, leaked, category="benign"):
        return RecordScore("r", "transcript", category, False, kept, labels={"PERSON"},
                           leaked_labels={"PERSON"} if leaked else set())
    records = [record(True, True), record(True, False), record(False, False, "medical"), record(True, False)]
    assert zero_leak(records)["value"] == 0.75
    assert zero_leak(records, kept_only=True)["value"] == round(2 / 3, 4)
    figures = summarize(records)
    assert figures["drop_recall"]["medical"]["value"] == 1.0
    assert figures["false_drops"]["ordinary work"]["value"] == 0.0


def test_zero_leak_by_label_and_kind_counts_each_label_within_one_kind_of_text():
    def record(kind, leaked):
        return RecordScore("r", kind, "benign", False, True, labels={"USERNAME"},
                           leaked_labels={"USERNAME"} if leaked else set())
    figures = summarize([record("transcript", True), record("transcript", False), record("keystrokes", False)])
    by = figures["zero_leak_by_label_and_kind"]
    assert by["USERNAME, transcript"]["value"] == 0.5 and by["USERNAME, keystrokes"]["value"] == 1.0
    assert "USERNAME, title_url" not in by


def test_ocr_reach_counts_whole_values_in_the_ocr_text():
    gold = {"spans": [{"region": "header", "label": "PERSON", "value": "Ana Lima"},
                      {"region": "body", "label": "SECRET", "value": "sk_live_x9"}]}
    reach = ocr_reach([(gold, "Signed in as ana  lima\nsk_live_x0")])
    assert reach["all"]["value"] == 0.5 and reach["by_region"]["header"]["value"] == 1.0


def test_report_puts_dev_and_test_side_by_side_and_records_the_test_hash(tmp_path):
    figures = summarize([RecordScore("r", "transcript", "benign", False, True, labels={"PERSON"})])
    results = _dev_and_test(figures, records=1, sanitized=1)
    text = render_report(results, [], "make eval", "2026-12-01", 5, None)
    assert "| headline | dev | test |" in text
    assert "100.0% [100.0, 100.0] n=1" in text
    (tmp_path / "EVALUATION.md").write_text(text)
    assert recorded_test_hash(tmp_path / "EVALUATION.md") == "a" * 64


def test_a_sanitized_record_whose_id_the_gold_lacks_stops_the_evaluation():
    golds = [{"record_id": "dev-t00001"}]
    check_joined({"dev-t00001": {}}, golds)
    with pytest.raises(SystemExit, match="1 sanitized records"):
        check_joined({"dev-t00001": {}, "rid-3f2a": {}}, golds)


def _screen(record_id, theme, scale, leaked):
    score = RecordScore(record_id, "screenshot", "benign", False, True, labels={"PERSON"}, regions={"header"},
                        leaked_labels={"PERSON"} if leaked else set(), leaked_regions={"header"} if leaked else set())
    score.look = {"theme": theme, "scale": scale}
    return score


def test_screens_are_scored_by_theme_and_by_scale_and_text_records_are_not():
    records = [_screen("a", "dark", "2x", True), _screen("b", "dark", "1x", False), _screen("c", "light", "1x", False),
               RecordScore("t", "transcript", "benign", False, True, labels={"PERSON"}, leaked_labels={"PERSON"})]
    figures = summarize(records)
    assert figures["zero_leak_by_theme"]["dark"]["value"] == 0.5 and figures["zero_leak_by_theme"]["light"]["value"] == 1.0
    assert figures["zero_leak_by_scale"]["2x"]["value"] == 0.0 and figures["zero_leak_by_scale"]["1x"]["n"] == 2
    assert set(figures["zero_leak_by_theme"]) == {"dark", "light"}
    gold = {"record_id": "s", "category": "benign", "hard_negative": False, "spans": [], "theme": "high_contrast", "scale": 2}
    image = Image.new("RGB", (4, 4), (250, 250, 250))
    assert score_screen(gold, image, image).look == {"theme": "high_contrast", "scale": "2x"}


def test_reports_show_zero_leak_by_theme_and_scale():
    figures = summarize([_screen("a", "dark", "2x", True), _screen("b", "light", "1x", False)])
    results = _dev_and_test(figures, records=2, sanitized=2)
    text = render_report(results, [], "make eval", "2026-12-01", 5, None)
    assert "| zero-leak by screen theme (kept screens) | dev | test |" in text
    assert "| 2x | 0.0% [0.0, 0.0] n=1 | 0.0% [0.0, 0.0] n=1 |" in text
    screens = render_screen_report({"tune": results["dev"]}, "--splits tune")
    assert "| zero-leak by theme (kept screens) | tune |" in screens and "| light | 100.0% [100.0, 100.0] n=1 |" in screens


def test_drop_recall_and_false_drops_are_given_by_kind_of_text():
    def record(kind: str, category: str, kept: bool, hard: bool = False) -> RecordScore:
        return RecordScore(f"{kind}-{category}-{kept}", kind, category, hard, kept)

    figures = summarize([record("title_url", "tax", True), record("title_url", "tax", False),
                         record("keystrokes", "tax", False), record("transcript", "benign", False, hard=True),
                         record("transcript", "benign", True)])
    assert figures["drop_recall_by_kind"]["tax, title_url"]["value"] == 0.5
    assert figures["drop_recall_by_kind"]["tax, keystrokes"]["value"] == 1.0
    assert "tax, transcript" not in figures["drop_recall_by_kind"]
    assert figures["false_drops_by_kind"]["hard negatives, transcript"]["value"] == 1.0
    assert figures["false_drops_by_kind"]["ordinary work, transcript"]["value"] == 0.0
    results = _dev_and_test(figures, records=5, sanitized=2)
    text = render_report(results, [], "make eval", "2026-12-01", 5, None)
    assert "| tax, title_url | 50.0% [0.0, 100.0] n=2 | 50.0% [0.0, 100.0] n=2 |" in text
