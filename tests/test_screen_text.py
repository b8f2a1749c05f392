"""Lines and paragraphs of a screen's OCR words (models/screen_text.py): a row's fields a few
characters apart joined, wrapped lines of prose chained down their column, list rows and side panels
left apart, spans over a cell's edge dropped; then an `ls -l` listing rendered by Chromium through
Tesseract, detection and redaction."""
from __future__ import annotations

import pydantic
import pytest

from evaluation.generated.records import Screen
from evaluation.generated.render import Renderer
from models.config_files import DATA_DIR, read_yaml_file
from models.engine import shared_detector
from models.ocr import ocr_text, text_lines
from models.records import Finding, OcrWord, PreparedRecord, RawRecord, Span, TextField
from models.redaction import masked_spans
from models.screen_text import ParagraphShape, line_text, paragraph_text, paragraphs
from models.text_views import OCR, OCR_LINES, OCR_PARAGRAPHS, text_fields
from tests.conftest import categories_kept
from tests.test_screen_fields import words_at
from tests.test_screen_layout import filled, redacted_screen

# A side panel of short rows beside a mail body whose sentence wraps after "with".
MAIL = [("Inbox", 10, 0), ("Thanks", 300, 0), ("for", 370, 0), ("the", 410, 0), ("notes.", 450, 0), ("I", 520, 0),
        ("spoke", 540, 0), ("with", 600, 0),
        ("Drafts", 10, 28), ("Ingrid", 300, 28), ("Halvorsen", 370, 28), ("this", 470, 28), ("morning.", 520, 28),
        ("Archive", 10, 56)]


def test_when_a_sentence_wraps_beside_a_panel_then_its_lines_are_one_paragraph_and_the_panel_apart():
    words = words_at(MAIL)
    text, owners = paragraph_text(words)
    assert text.splitlines() == ["Inbox", "Thanks for the notes. I spoke with Ingrid Halvorsen this morning.", "Drafts",
                                 "Archive"]
    assert all(owner == -1 or text[p] in words[owner].text for p, owner in enumerate(owners))
    assert "with\nDrafts\nIngrid" in ocr_text(words)  # what detection saw before: the name cut from its sentence


def test_when_rows_are_short_or_far_apart_then_they_stay_apart():
    # A list of names (short rows), and a paragraph whose next one starts after a blank line.
    words = words_at([("Ingrid", 10, 0), ("Halvorsen", 80, 0), ("Tomás", 10, 28), ("Ruiz", 80, 28),
                      ("The", 300, 0), ("pilot", 340, 0), ("starts", 400, 0), ("in", 470, 0), ("April.", 490, 0),
                      ("Budget", 300, 60), ("is", 370, 60), ("approved", 390, 60), ("now.", 480, 60)])
    assert [" ".join(words[i].text for i in p) for p in paragraphs(words)] == [
        "Ingrid Halvorsen", "The pilot starts in April.", "Tomás Ruiz", "Budget is approved now."]
    # List items: the first word of the item below would have fitted after the one above, so no wrap.
    items = words_at([("Faster", 0, 0), ("search", 70, 0), ("for", 140, 0), ("drives", 180, 0),
                      ("Improved", 0, 28), ("retry", 90, 28), ("policy", 150, 28), ("for", 220, 28), ("webhooks", 260, 28)])
    assert len(paragraphs(items)) == 2


def test_when_the_line_below_starts_elsewhere_or_is_taller_then_it_is_no_continuation():
    # A heading over its text (taller words), and text under an avatar's indent.
    words = words_at([("Launch", 10, 0), ("plan", 80, 0), ("for", 130, 0), ("April", 170, 0),
                      ("owner", 60, 28), ("is", 120, 28), ("Ana", 140, 28)])
    assert len(paragraphs(words)) == 2
    tall = text_lines([OcrWord("Quarterly", 10, 0, 90, 30, 0), OcrWord("plan", 110, 0, 40, 30, 0),
                          OcrWord("for", 160, 0, 30, 30, 0), OcrWord("review", 200, 0, 60, 30, 0),
                          OcrWord("Signed", 10, 40, 60, 20, 0), OcrWord("off", 80, 40, 30, 20, 0)])
    assert len(paragraphs(tall)) == 2


def test_when_no_line_wraps_then_no_paragraph_view_is_added():
    record = RawRecord("s", "screenshot", "u", "2026-01-01T00:00:00Z")
    names = {field.name for field in text_fields(record, words_at([("Inbox", 10, 0), ("Drafts", 10, 28)]))}
    assert OCR_PARAGRAPHS not in names
    assert OCR_PARAGRAPHS in {field.name for field in text_fields(record, words_at(MAIL))}


@pytest.fixture(scope="module")
def redacted(ocr, analyzer_settings, policy):
    """A screen through the real Tesseract, detection and redaction -> the output's pixels."""
    detector, keep = shared_detector(analyzer_settings), categories_kept(policy)
    return lambda png: redacted_screen(ocr, detector, analyzer_settings, keep, png)


LISTING = """<!doctype html><html><body style="margin:0; background:{bg}; color:{fg}">
<pre style="font: 15px 'DejaVu Sans Mono'; padding:10px">{prompt}$ ls -l
-rw-r--r--  1 <span class="pii" data-pii="USERNAME" data-region="terminal">ihughes</span>  staff  5336 Mar 16 deploy.sh
-rw-r--r--  1 <span class="pii" data-pii="USERNAME" data-region="terminal">dara53</span>   staff  8120 Mar 23 notes.md
drwxr-xr-x  5 <span class="pii" data-pii="USERNAME" data-region="terminal">kwame42</span>  staff  1600 Mar 19 src
{prompt}$ </pre></body></html>"""


def test_when_ls_l_owners_are_listed_on_a_real_terminal_screen_then_they_are_covered(redacted):
    # OCR cuts each listing line into fields at the columns' double spaces; the line view rejoins them.
    for bg, fg in (("#ffffff", "#1f2328"), ("#0d1117", "#e6edf3")):
        with Renderer() as browser:
            png, boxes = browser.render(Screen("Terminal", "bash", "", LISTING.format(bg=bg, fg=fg, prompt="build@ci-runner"),
                                               760, 160), 2)
        pixels = redacted(png)
        assert len(boxes) == 3 and [filled(pixels, box["box"]) for box in boxes] == [1.0, 1.0, 1.0]


def test_when_a_terminal_row_is_read_as_several_fields_then_it_is_one_line_and_a_far_panel_is_not():
    # `ls -l` columns two or three characters apart (OCR cuts fields there), and a panel 200 px away.
    words = words_at([("-rw-r--r--", 0, 0), ("1", 135, 0), ("ihughes", 175, 0), ("staff", 275, 0), ("5336", 360, 0),
                      ("Mar", 435, 0), ("16", 500, 0), ("deploy.sh", 550, 0), ("Inbox", 850, 0)])
    assert "-rw-r--r--\n1 ihughes staff" in ocr_text(words)
    # Fields a tab apart (blank to a pattern, a cell's edge to NER), words of one field a space.
    assert line_text(words)[0] == "-rw-r--r--\t1 ihughes staff\t5336\tMar\t16 deploy.sh\nInbox"
    record = RawRecord("s", "screenshot", "u", "2026-01-01T00:00:00Z")
    assert OCR_LINES in {field.name for field in text_fields(record, words)}


def test_when_ocr_splits_a_domain_off_an_address_then_the_line_joins_it_and_other_dots_stay_apart():
    words = words_at([("Author:", 0, 0), ("Ana", 80, 0), ("<ana.ruiz@campos", 120, 0), (".com>", 290, 0),
                      ("see", 0, 30), ("notes", 40, 30), (".txt", 100, 30)])
    assert line_text(words)[0] == "Author: Ana <ana.ruiz@campos.com>\nsee notes .txt"


def test_when_a_line_view_span_adds_nothing_the_ocr_view_could_not_then_it_is_dropped(policy):
    # "Owner   ihughes" read as two fields of a row, and a ticket key on a line of its own.
    words = words_at([("Owner", 0, 0), ("ihughes", 85, 0), ("WEB-9915", 0, 40)])
    record = RawRecord("s", "screenshot", "u", "2026-01-01T00:00:00Z")
    fields = text_fields(record, words)
    lines = next(field.text for field in fields if field.name == OCR_LINES)
    assert lines == "Owner\tihughes\nWEB-9915"
    row = lines.index("\n")
    across = Span("PERSON", 0, row, 0.85)  # NER past a cell's edge
    echo = Span("USERNAME", lines.index("WEB"), len(lines), 0.7)  # on a line the OCR text holds as it is
    by_ner = Span("PERSON", lines.index("ihughes"), row, 0.85)  # a type NER reads field by field
    prepared = PreparedRecord(record, fields, None, words)
    assert masked_spans(prepared, Finding(prepared, ((OCR_LINES, (across, echo, by_ner)),)), policy)[0] == {}
    within = Span("USERNAME", lines.index("ihughes"), row, 0.75)
    kept = masked_spans(prepared, Finding(prepared, ((OCR_LINES, (within,)),)), policy)[0]
    assert [lines[s.start:s.end] for s in kept[OCR_LINES]] == ["ihughes"]


def test_when_a_paragraph_view_holds_many_spans_then_each_is_judged_by_its_own_line(policy):
    """A long wrapped text with a span every three characters (each line is looked up once, not once
    per span: every span cut its whole line out of the view again): all are kept, as none lies on a
    line the OCR text holds as it is. Spans of two characters are too short to be searched as values."""
    record = RawRecord("s", "screenshot", "u", "2026-01-01T00:00:00Z")
    text = "x\n" + "ab " * 40_000 + "\nx"
    spans = tuple(Span("USERNAME", start, start + 2, 0.7) for start in range(2, len(text) - 5, 3))
    prepared = PreparedRecord(record, (TextField(OCR, "x"), TextField(OCR_PARAGRAPHS, text)), None, ())
    kept = masked_spans(prepared, Finding(prepared, ((OCR_PARAGRAPHS, spans),)), policy)[0]
    assert len(kept[OCR_PARAGRAPHS]) == len(spans)


def test_when_the_line_view_would_drop_a_type_ner_does_not_give_then_the_shape_is_refused():
    raw = read_yaml_file(DATA_DIR / "screen_text.yaml")
    ParagraphShape.model_validate(raw)
    with pytest.raises(pydantic.ValidationError, match="not types NER gives"):
        ParagraphShape.model_validate({**raw, "fields_read_types": ["PERSON", "USERNAME"]})
