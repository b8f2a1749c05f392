"""Cues of a screen's layout (models/screen_fields.py): person headers mark their column, labels mark
their value, inline labels the rest of their field, and a name is covered whole. Unit tests on word
boxes, then real screens rendered by Chromium through Tesseract, detection and redaction."""
from __future__ import annotations

import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from evaluation.generated.records import Screen
from evaluation.generated.render import Renderer
from models import screen_fields
from models.engine import shared_detector
from models.ocr import text_lines
from models.records import OcrWord
from models.screen_fields import cued_fields, field_cues, name_parts
from pipeline.keys import ConfigError
from pipeline.options import RedactionOptions
from pipeline.run import check_settings
from tests.conftest import categories_kept
from tests.test_screen_layout import redacted_screen, rendered_misses


def words_at(cells: list[tuple[str, int, int]]) -> tuple[OcrWord, ...]:
    """One word per (text, left, top), 20 px tall and 10 px a letter, grouped as OCR groups them."""
    return text_lines(OcrWord(text, left, top, 10 * len(text), 20, 0) for text, left, top in cells)


def texts(words: tuple[OcrWord, ...], indices) -> set[str]:
    return {words[index].text for index in indices}


OWNER_TABLE = [("Product", 10, 0), ("Price", 300, 0), ("Owner", 500, 0),
               ("Desk", 10, 40), ("$120.00", 300, 40), ("Zsofia", 500, 40), ("Toth", 570, 40),
               ("Lamp", 10, 80), ("$30.00", 300, 80), ("Wanjiru", 500, 80), ("Otieno", 580, 80),
               ("Chair", 10, 120), ("$99.00", 300, 120), ("Kalani", 500, 120)]


def test_a_column_under_a_person_header_is_covered_and_a_product_column_stays():
    words = words_at(OWNER_TABLE)
    assert texts(words, cued_fields(words)) == {"Zsofia", "Toth", "Wanjiru", "Otieno", "Kalani"}


def test_a_table_without_a_person_header_marks_nothing():
    words = words_at([("Product", 10, 0), ("Price", 300, 0), ("Name", 500, 0),
                      ("Desk", 10, 40), ("$120.00", 300, 40), ("Oak", 500, 40),
                      ("Lamp", 10, 80), ("$30.00", 300, 80), ("Brass", 500, 80)])
    assert cued_fields(words) == set()


def test_the_field_after_a_label_on_its_row_is_covered_with_a_badge_before_it():
    words = words_at([("Assignee", 10, 0), ("HL", 200, 0), ("Hadiza", 260, 0), ("Lawal", 330, 0),
                      ("Priority", 10, 40), ("High", 200, 40)])
    assert texts(words, cued_fields(words)) == {"HL", "Hadiza", "Lawal"}


def test_the_field_under_a_label_alone_on_its_row_is_covered():
    words = words_at([("password", 10, 0), ("x7#Qm!ra2", 12, 30), ("website", 10, 80), ("vpn.example", 10, 110)])
    assert texts(words, cued_fields(words)) == {"x7#Qm!ra2"}


def test_a_field_far_below_or_away_from_a_label_is_not_its_value():
    words = words_at([("password", 10, 0), ("Forgot", 400, 30), ("help", 10, 200)])
    assert cued_fields(words) == set()


def test_an_inline_label_marks_the_rest_of_its_field_but_a_sentence_with_to_does_not():
    words = words_at([("To:", 10, 0), ("Ana", 45, 0), ("Lima;", 85, 0), ("Jo", 145, 0), ("Park", 175, 0),
                      ("Welcome", 10, 60), ("to", 90, 60), ("the", 115, 60), ("team", 150, 60)])
    assert texts(words, cued_fields(words)) == {"Ana", "Lima;", "Jo", "Park"}


def test_the_header_row_of_a_table_is_not_read_as_labels():
    words = words_at([("Name", 10, 0), ("Email", 200, 0), ("Stage", 500, 0),
                      ("Ana", 10, 40), ("ana@x.io", 200, 40), ("New", 500, 40),
                      ("Jo", 10, 80), ("jo@x.io", 200, 80), ("Won", 500, 80)])
    assert texts(words, cued_fields(words)) == {"ana@x.io", "jo@x.io"}


def test_a_label_then_a_gap_wider_than_a_space_marks_the_rest_of_its_field_and_a_space_does_not():
    words = words_at([("Reporter", 10, 0), ("drao", 112, 0), ("Password", 10, 40), ("reset", 97, 40), ("sent", 150, 40)])
    assert texts(words, cued_fields(words)) == {"drao"}


def test_under_an_identifiers_header_only_words_with_a_digit_are_covered():
    words = words_at([("Account", 10, 0), ("Branch", 300, 0), ("Balance", 700, 0),
                      ("CUST-498133", 10, 40), ("Lisbon", 300, 40), ("1,204.00", 700, 40),
                      ("Savings", 10, 80), ("Porto", 300, 80), ("96.10", 700, 80)])
    assert texts(words, cued_fields(words)) == {"CUST-498133"}


def test_a_person_header_as_a_forms_label_marks_its_value_not_the_rows_under_it():
    words = words_at([("Employee", 10, 0), ("Lei", 250, 0), ("Zhou", 290, 0),
                      ("Department", 10, 40), ("Finance", 250, 40), ("Location", 10, 80), ("Remote", 250, 80)])
    assert texts(words, cued_fields(words)) == {"Lei", "Zhou"}


def test_name_parts_beside_a_found_name_are_covered_and_ordinary_words_stop_them():
    words = words_at([("Hadiza", 10, 0), ("Lawal", 80, 0), ("Accepted", 150, 0), ("Fekete", 10, 40),
                      ("Károly", 80, 40), ("Maybe", 10, 80)])
    person = {index for index, word in enumerate(words) if word.text in ("Hadiza", "Károly")}
    assert texts(words, name_parts(words, person)) == {"Lawal", "Fekete"}


@pytest.mark.parametrize("text", ["commented", "Today", "3:42", "Design"])
def test_a_lower_case_or_ordinary_or_numeric_neighbour_is_no_name_part(text):
    words = words_at([("Hadiza", 10, 0), (text, 80, 0)])
    assert name_parts(words, {0}) == set()


def test_the_cue_lists_load():
    cues = field_cues()
    assert "assignee" in cues.value_headers and "password" in cues.value_labels and "cc" in cues.inline_labels


# A details panel (labels beside their values, a passphrase under its label) and a table with an Owner
# and an Account column beside a product column, as a browser draws them: values detection alone misses
# (a bare login, a passphrase of words, customer numbers).
_CELL = 'style="text-align:left; padding:4px 14px"'
PAGE = f"""<!doctype html><html><body style="margin:0; font:15px 'DejaVu Sans', sans-serif; color:#1f2328; background:#ffffff">
<div style="display:grid; grid-template-columns:120px 1fr; width:460px; padding:16px; row-gap:10px">
<span style="color:#656d76">Reporter</span><span data-pii="USERNAME">drao</span>
<span style="color:#656d76">Priority</span><span data-pii="KEEP">High</span></div>
<div style="padding:0 16px"><div style="color:#656d76; font-size:13px">password</div>
<div style="font-family:'DejaVu Sans Mono', monospace" data-pii="SECRET">purple monkey dishwasher</div></div>
<table style="margin:16px; border-collapse:collapse">
<tr><th {_CELL}>Product</th><th {_CELL}>Account</th><th {_CELL}>Owner</th></tr>
<tr><td {_CELL} data-pii="KEEP">Standing desk</td><td {_CELL} data-pii="ACCOUNT_NUMBER">CUST-498133</td>
<td {_CELL} data-pii="PERSON">Nguyen Thi Lan</td></tr>
<tr><td {_CELL} data-pii="KEEP">Monitor arm</td><td {_CELL} data-pii="ACCOUNT_NUMBER">CUST-698909</td>
<td {_CELL} data-pii="PERSON">Bjarnheiður Ólafsdóttir</td></tr>
<tr><td {_CELL} data-pii="KEEP">Cable tray</td><td {_CELL} data-pii="ACCOUNT_NUMBER">CUST-970221</td>
<td {_CELL} data-pii="PERSON">Kwame Mensah</td></tr></table></body></html>"""


@pytest.fixture(scope="module")
def redacted(ocr, analyzer_settings, policy):
    """A screen through the real Tesseract, detection and redaction -> the output's pixels."""
    detector, keep = shared_detector(analyzer_settings), categories_kept(policy)
    return lambda png: redacted_screen(ocr, detector, analyzer_settings, keep, png)


@pytest.mark.parametrize("scale", [1, 2])
def test_on_a_rendered_screen_labelled_values_and_an_owner_column_are_covered_and_products_stay(redacted, scale):
    with Renderer() as browser:
        png, boxes = browser.render(Screen("Jira", "Issue", "", PAGE, 700, 420), scale)
    pixels = redacted(png)
    assert rendered_misses(png, pixels, boxes) == (set(), set())


def test_a_bad_screen_fields_file_stops_the_run_at_start_up_naming_the_file(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "screen_fields.yaml").write_text("value_headers: []\n")
    (tmp_path / "in.jsonl").write_text("")
    monkeypatch.setattr(screen_fields, "DATA_DIR", data)
    screen_fields.field_cues.cache_clear()
    options = PipelineOptions(["--input", str(tmp_path / "in.jsonl"), "--output", str(tmp_path / "out")]
                              ).view_as(RedactionOptions)
    try:
        with pytest.raises(ConfigError, match="screen_fields.yaml"):
            check_settings(options, {"REDACT_PSEUDONYM_KEY": "k" * 40}, local=False)
    finally:
        screen_fields.field_cues.cache_clear()
