"""Performance matters talked through (attainment, calibration placements, HR cases, how one is treated),
tax forms on screens (a tax label or a form's box with its amount, a taxpayer id label, a form name
with OCR's dash), and weak terms at work: each with its hard negative, on the real spaCy model (and
real Tesseract for a drawn screen)."""
from __future__ import annotations

import base64
import json

import pytest

from models.categories import CategoryClassifier, category_data, load_text_classifier
from models.detection import detect
from models.images import decode_image
from models.parse import parse_line
from models.records import OcrWord, PreparedRecord
from models.text_views import text_fields
from pipeline.explain import main
from tests.conftest import keystrokes, record, screenshot, transcript


@pytest.fixture(scope="module")
def classifier(analyzer):
    return CategoryClassifier(analyzer.nlp_engine.nlp["en"], category_data(), load_text_classifier(category_data()))


def person_patterns(classifier, analyzer, text):
    """The person patterns someone owns in `text`: by a person word or name, or as the person spoken to."""
    feature = classifier.features(analyzer.nlp_engine.nlp["en"](text))
    return {label for label, _ in (*feature.owned, *feature.addressed) if ":person:" in label}


def decide(detector, analyzer_settings, raw, words=()):
    parsed = parse_line(json.dumps(raw).encode(), "t.jsonl")
    return detect(detector, PreparedRecord(parsed, text_fields(parsed, words), b"", words), analyzer_settings).category


def ocr_words(lines: list[str]) -> tuple[OcrWord, ...]:
    """Words as OCR gives them for a screen of `lines`, with boxes and offsets."""
    words, start = [], 0
    for number, line in enumerate(lines):
        for index, word in enumerate(line.split()):
            words.append(OcrWord(word, 10 + 60 * index, 20 + 22 * number, 50, 16, start, number, 90.0))
            start += len(word) + 1
    return tuple(words)


@pytest.mark.parametrize("text, label", [
    ("so you were at sixty percent of quota again", "performance:person:attainment"),
    ("she only hit 55% of her quota this half", "performance:person:attainment"),
    ("I've got her at strong, the rewrite was basically her", "performance:person:rating_placed"),
    ("then we should rate him below bar so it's consistent", "performance:person:rating_placed"),
    ("he keeps talking over me in meetings", "performance:person:mistreated"),
    ("we've finished looking into the concerns raised about you", "performance:person:hr_case"),
    ("there'll be a note on your file", "performance:person:hr_case"),
    ("I was passed over twice and never got an answer", "performance:person:promotion_outcome"),
    ("I have to put you on a documented plan", "performance:person:formal_step"),
])
def test_when_a_person_owns_a_talked_evaluation_or_hr_case_then_its_person_pattern_counts(
        classifier, analyzer, text, label):
    assert label in person_patterns(classifier, analyzer, text)


@pytest.mark.parametrize("text", [
    "we're at 60% of target on the migration",
    "keep them at two replicas until the load test is done",
    "the vendor complaint about the invoice was resolved",
    "put the plan on hold until Q3",
    "the p95 went from 180 to 420 ms after the deploy",
])
def test_when_no_one_owns_attainment_or_a_placement_then_no_person_pattern_counts(classifier, analyzer, text):
    assert not person_patterns(classifier, analyzer, text)


def test_a_talked_one_on_one_about_attainment_is_performance_and_a_perf_triage_call_is_kept(
        detector, analyzer_settings):
    one_on_one = transcript("hey so the numbers for this quarter you were at sixty percent of quota",
                            "that's the second quarter in a row so I have to put you on a documented plan",
                            source="voice", app="Zoom")
    triage = transcript("the p95 on checkout went from 180 to 420 milliseconds after Tuesday's deploy",
                        "did we miss the latency goal for the quarter then", source="voice", app="Zoom")
    assert decide(detector, analyzer_settings, one_on_one) == "performance"
    assert decide(detector, analyzer_settings, triage) is None


def test_a_spoken_count_of_employees_is_a_work_artefact(classifier, analyzer):
    text = "I'll patch the tax class mapping and rerun payroll for the two hundred affected employees"
    found = dict(classifier.features(analyzer.nlp_engine.nlp["en"](text)).artefacts)
    assert found.get("population") == 1
    assert "population" not in dict(classifier.features(analyzer.nlp_engine.nlp["en"]("two employees complained")).artefacts)


W2_SCREEN = ["Box 1 84211.50 Box 2 11902.33", "W\u20142 2025 Copy B"]
TAX_PORTAL = ["Your tax account", "Unique Taxpayer Reference (UTR): 48210 33917", "Tax deducted \u00a36,201.40"]
FIXTURE = ["def test_refund_when_withheld_exceeds_liability():",
           "    ret = TaxReturn(wages=Decimal('84211.50'), withheld=Decimal('11902.33'))",
           "    assert compute_refund(ret) == Decimal('1842.00')"]


@pytest.mark.parametrize("lines, fields, expected", [
    (W2_SCREEN, {"app": "Preview", "window_title": "IMG_4471.png"}, "tax"),
    (TAX_PORTAL, {"app": "Safari"}, "tax"),
    (FIXTURE, {"app": "Visual Studio Code", "window_title": "test_refund.py - payroll-engine"}, None),
])
def test_tax_form_fields_on_a_screen_are_tax_and_a_test_fixture_with_amounts_is_kept(
        detector, analyzer_settings, lines, fields, expected):
    raw = record("screenshot", image_b64="AA==", **fields)
    assert decide(detector, analyzer_settings, raw, ocr_words(lines)) == expected


def test_a_drawn_tax_form_read_by_tesseract_is_tax(detector, analyzer_settings, ocr):
    raw = screenshot(["Form W-2 Wage and Tax Statement 2025", "1 Wages, tips, other compensation 84,211.50",
                      "2 Federal income tax withheld 11,902.33"], app="Preview", window_title="scan.png")
    words = ocr.read(decode_image(base64.b64decode(raw["image_b64"]), 10 ** 8))
    assert decide(detector, analyzer_settings, raw, words) == "tax"


def test_at_work_weak_terms_no_one_owns_are_capped_and_explain_names_the_capped_category(capsys):
    planning = keystrokes("so for the benefits feature we need the enrollment form to handle dependents first;"
                          " the tax engine team says the new withholding tables land in the next sprint",
                          app="Slack", window_title="#payroll-squad")
    assert main([json.dumps(planning), "--json"]) == 0
    out = capsys.readouterr().out
    explained = json.loads(out)
    assert explained["decided"] is None and "tax" in explained["at_work"]
    weights = category_data().weights
    assert explained["term_hits"]["tax:weak"] > weights.max_unowned_weak_at_work
    assert explained["scores"]["tax"]["parts"]["weak_terms"] == weights.weak_term * weights.max_unowned_weak_at_work
    assert "enrollment" not in out and "withholding" not in out
    assert main([json.dumps(planning)]) == 0
    assert "at work (terms no one owns capped): " in capsys.readouterr().out


def test_one_stray_work_word_does_not_cap_the_weak_terms_of_a_search(classifier, analyzer):
    own = keystrokes("lump under armpit painful no fever", app="Firefox", window_title="DuckDuckGo")
    parsed = parse_line(json.dumps(own).encode(), "t.jsonl")
    nlp = analyzer.nlp_engine.nlp["en"]
    explained = classifier.explain(parsed, [classifier.features(nlp(f.text), f.text) for f in text_fields(parsed)], ())
    assert "medical" not in explained["at_work"]
