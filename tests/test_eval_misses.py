"""The evaluation's aggregate of misses by class: each gold value's shape and context, the tally of
leaked values by class, the cells that leak beyond their label's rate, the report's tables (with no
record content in them), and `--rescore` of a split already run."""
from __future__ import annotations

import json

import pytest
from PIL import Image, ImageDraw, ImageFont

from evaluation.evaluate import main as evaluate
from evaluation.generated.build import HASH_SEED
from evaluation.miss_classes import (
    after,
    before,
    case,
    digits,
    first_name,
    script,
    separators,
    tally,
    text_aspects,
    word_before,
)
from evaluation.report import render_misses
from evaluation.scoring import score_screen, score_text, summarize
from transforms.write import audit_path


def test_a_value_is_classed_by_script_case_digits_and_separators():
    assert [script("Ana Lima"), script("Zoë Brontë"), script("김 예준")] == ["ascii", "latin", "other"]
    assert [case("jdoe42"), case("ANA LIMA"), case("Ana Lima"), case("McKay"), case("4821")] == \
        ["lower", "upper", "title", "mixed", "no cased letters"]
    assert [digits("jdoe"), digits("jdoe42"), digits("+44 20 7946 0018")] == ["none", "some", "only digits"]
    assert [separators("jdoe42"), separators("Ana Lima"), separators("a.b@c.io"), separators("Lima, Ana")] == \
        ["none", "space", "@+punctuation", "punctuation+space"]


def test_the_word_before_a_value_is_classed_by_its_closed_class_and_the_value_by_the_name_list():
    assert [word_before("thanks "), word_before("talk to "), word_before("ask the "), word_before("me and "),
            word_before("ping "), word_before("logged in as "), word_before("moved into "), word_before("login: "), word_before("")] == \
        ["greeting or thanks", "preposition", "pronoun or article", "conjunction", "another word",
         "as, than or like", "another English stop word", "no word just before", "no word just before"]
    assert [first_name("Aaron"), first_name("jdoe42"), first_name("Ana Lima")] == \
        ["a listed first name", "not a listed first name", "several words"]


def test_a_value_is_classed_by_what_stands_before_and_after_it_on_its_line():
    assert [before(""), before("  "), before("user: "), before("token="), before("see https://x.io/u/"),
            before("ask "), before("- ")] == \
        ["line start", "line start", "after ':'", "after '='", "in a path or URL", "after a word", "after a dash"]
    assert [after(""), after(": hi"), after(" said"), after(", ok")] == ["line end", "before ':'", "before a word",
                                                                        "before punctuation"]
    text = "notes\nlogin: jdoe42\nbye"
    span = {"field": "segments.0.text", "start": 13, "end": 19, "value": "jdoe42"}
    aspects = text_aspects({"segments.0.text": text}, span)
    assert aspects["field"] == "segment text" and aspects["before"] == "after ':'" and aspects["after"] == "line end"
    assert aspects["line"] == "part of a line"
    assert aspects["word before"] == "no word just before" and aspects["first name"] == "not a listed first name"
    assert aspects["part of speech before"] == "NOUN" and aspects["part of speech after"] == "none"
    whole = text_aspects({"typed": "jdoe42"}, {"field": "typed", "start": 0, "end": 6, "value": "jdoe42"})
    assert whole["line"] == "the whole line" and whole["field"] == "typed"


def _gold(spans: list[dict], text: str) -> dict:
    return {"record_id": "r1", "kind_of_text": "transcript", "category": "benign", "hard_negative": False,
            "spans": spans, "texts": {"segments.0.text": text}}


def test_scoring_tallies_kept_values_by_class_and_names_the_cells_that_leak_beyond_their_label():
    text = "login: jdoe42 and ask Ana Lima"
    spans = [{"field": "segments.0.text", "label": "USERNAME", "start": 7, "end": 13, "value": "jdoe42"},
             {"field": "segments.0.text", "label": "PERSON", "start": 22, "end": 30, "value": "Ana Lima"}]
    leaked_login = score_text(_gold(spans, text), {"segments": [{"text": "login: jdoe42 and ask <PERSON>"}]})
    dropped = score_text(_gold(spans, text), None)
    misses = summarize([leaked_login, dropped])["misses"]["transcript"]["by_class"]
    assert misses["label"] == {"PERSON": {"leaked": 0, "values": 1}, "USERNAME": {"leaked": 1, "values": 1}}
    assert misses["before"]["after ':'"] == {"leaked": 1, "values": 1}  # the dropped record counts nowhere
    rows = [("USERNAME", i < 6, {"before": "after ':'" if i < 8 else "line start"}) for i in range(16)]
    cells = tally(rows)["top_cells"]
    assert cells[0] == {"label": "USERNAME", "aspect": "before", "class": "after ':'", "leaked": 6, "values": 8,
                        "excess": 3.0}
    assert all(c["class"] != "line start" for c in cells)  # no leaks there, so no excess
    even = [("PERSON", i % 2 == 0, {"case": "title" if i < 20 else "upper"}) for i in range(40)]
    assert tally(even)["top_cells"] == []  # each class leaks at the label's own rate: nothing beyond it


def test_a_screen_value_is_classed_by_region_look_and_whether_the_ocr_read_it():
    image = Image.new("RGB", (300, 60), (240, 240, 245))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=20)
    draw.text((20, 20), "Ana Lima", fill=(30, 30, 30), font=font)
    gold = {"record_id": "s", "kind_of_text": "screenshot", "category": "benign", "hard_negative": False, "scale": 2,
            "theme": "dark", "spans": [{"field": "image", "label": "PERSON", "value": "Ana Lima", "region": "header",
                                        "box": list(draw.textbbox((20, 20), "Ana Lima", font=font))}]}
    read = score_screen(gold, image, image, "Signed in as Ana  Lima")
    unread = score_screen(gold, image, image, "Signed in as")
    (_, leaked, aspects), = read.span_rows
    assert leaked and aspects["region"] == "header" and aspects["scale"] == "2x" and aspects["read by the OCR"] == "yes"
    assert unread.span_rows[0][2]["read by the OCR"] == "no"
    assert "read by the OCR" not in score_screen(gold, image, image).span_rows[0][2]


def test_the_report_lists_misses_by_class_side_by_side_and_shows_no_value():
    text = "login: jdoe42"
    spans = [{"field": "segments.0.text", "label": "USERNAME", "start": 7, "end": 13, "value": "jdoe42"}]
    figures = summarize([score_text(_gold(spans, text), {"segments": [{"text": text}]})])
    lines = "\n".join(render_misses({"dev": figures, "test": figures}))
    assert "### transcript" in lines and "| class | dev | test |" in lines
    assert "| before: after ':' | 1/1 (100.0%) | 1/1 (100.0%) |" in lines
    assert "jdoe42" not in lines


@pytest.mark.parametrize("name", ["dev", "test"])  # either split alone gets the split report (no dev/test table)
def test_rescore_scores_a_split_already_run_without_running_anything(tmp_path, capsys, monkeypatch, name):
    monkeypatch.setenv("PYTHONHASHSEED", HASH_SEED)  # else the command runs itself again in place of pytest
    split = tmp_path / name
    output = split / "output"
    (output / "sanitized").mkdir(parents=True)
    text = "login: jdoe42"
    gold = _gold([{"field": "segments.0.text", "label": "USERNAME", "start": 7, "end": 13, "value": "jdoe42"}], text)
    (split / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    (split / "split.json").write_text(json.dumps({"records": 1, "sizes": "1", "seed": 1, "sha256": "b" * 64}))
    (output / "sanitized" / "part-00000.jsonl").write_text(json.dumps({"record_id": "r1", "segments": [{"text": text}]}))
    (output / "audit").mkdir()
    with open(audit_path(str(output)), "w") as stream:
        json.dump({"records_in": 1, "sanitized": 1, "dropped": 0, "quarantined": 0}, stream)
    assert evaluate(["--rescore", "--out", str(tmp_path), "--splits", name, "--report", str(tmp_path / "r.md")]) == 0
    scores = json.loads((split / "scores.json").read_text())
    assert scores["misses"]["transcript"]["by_class"]["label"]["USERNAME"] == {"leaked": 1, "values": 1}
    assert "| before: after ':' | 1/1 (100.0%) |" in (tmp_path / "r.md").read_text()
    assert "jdoe42" not in capsys.readouterr().out
