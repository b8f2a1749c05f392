"""Tables on screens from OCR word boxes, and columns covered whole when most of their cells are: unit
tests on word boxes, and rendered tables through the real Tesseract, detection and redaction,
checked on the output's pixels."""
from __future__ import annotations

import base64
import io
import json

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from evaluation.scoring import box_covered
from models.detection import detect
from models.engine import fitted_to_policy, shared_detector
from models.images import FILL, decode_image, encode_png
from models.ocr import text_lines
from models.parse import parse_line
from models.records import OcrWord, PreparedRecord, Span
from models.redaction import sanitize
from models.screen_layout import INITIALS, TABLE_COLUMN, column_mates, find_tables, top_bar_initials, visual_rows
from models.text_views import OCR, text_fields
from tests.conftest import KEY, TS, categories_kept
from tests.test_redaction import finding

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def words_at(cells: list[tuple[str, int, int]]) -> tuple[OcrWord, ...]:
    """One word per (text, left, top), 20 px tall and 10 px a letter, grouped as OCR groups them."""
    return text_lines(OcrWord(text, left, top, 10 * len(text), 20, 0) for text, left, top in cells)


TABLE = [("Name", 10, 0), ("Balance", 300, 0),
         ("Kim", 10, 40), ("1,204.00", 300, 40),
         ("Lee", 10, 80), ("96.10", 320, 80),  # right-aligned under "Balance"
         ("Ola", 10, 120), ("5.00", 330, 120),
         ("Notes", 10, 300), ("none", 300, 300)]  # far below: no row of the table


def texts(words: tuple[OcrWord, ...], indices) -> set[str]:
    return {words[index].text for index in indices}


def test_when_rows_line_up_under_a_header_row_then_they_are_a_table_column_by_column():
    words = words_at(TABLE)
    assert [len(row) for row in visual_rows(words)] == [2, 2, 2, 2, 2]
    (table,) = find_tables(words)
    assert [texts(words, cell) for cell in table.header] == [{"Name"}, {"Balance"}]
    assert [[texts(words, cell) for cell in row] for row in table.rows] == [
        [{"Kim"}, {"1,204.00"}], [{"Lee"}, {"96.10"}], [{"Ola"}, {"5.00"}]]


@pytest.mark.parametrize("cells", [
    # the first row holds digits: no header
    [("Q3", 10, 0), ("Total", 300, 0), ("Kim", 10, 40), ("1,204.00", 300, 40), ("Lee", 10, 80), ("96.10", 300, 80)],
    # one row under the header only
    TABLE[:4],
    # a list beside a message pane: the pane's lines do not line up with its title
    [("Channels", 10, 0), ("Release notes", 300, 0), ("general", 10, 40), ("AO Ana Lima 10:22", 310, 40),
     ("random", 10, 80), ("can you ask Kim", 352, 80), ("Ana Lima", 10, 120), ("sure, on it", 352, 120)],
])
def test_when_rows_have_no_header_row_lined_up_over_them_then_no_table_is_found(cells):
    assert find_tables(words_at(cells)) == []


def test_when_most_cells_of_a_column_are_covered_then_the_rest_of_the_column_is_too():
    words = words_at(TABLE)
    covered = {index for index, word in enumerate(words) if word.text in ("Kim", "Ola")}
    assert texts(words, column_mates(words, covered)) == {"Lee"}  # neither the header nor the far row


def test_when_few_cells_of_a_column_are_covered_then_no_other_cell_is():
    words = words_at(TABLE)
    covered = {index for index, word in enumerate(words) if word.text in ("Kim", "96.10")}
    assert column_mates(words, covered) == set()


def test_when_capitals_stand_alone_in_the_top_bar_then_they_are_initials():
    words = words_at([("Jira", 10, 0), ("AR", 900, 2), ("PDF", 600, 0), ("Key", 10, 40), ("KM", 900, 40)])
    assert texts(words, top_bar_initials(words)) == {"AR"}  # not a file type, not below the bar


def test_when_capitals_share_a_field_in_the_top_bar_then_they_are_no_badge():
    assert top_bar_initials(words_at([("Export", 10, 0), ("XLS", 80, 0)])) == set()


def test_words_covered_by_their_column_or_as_initials_are_counted_in_the_audit(policy):
    words = words_at([("Jira", 10, 0), ("AR", 900, 2), *[(text, left, top + 40) for text, left, top in TABLE]])
    spans = [Span("PERSON", word.start, word.start + len(word.text), 0.85) for word in words if word.text in ("Kim", "Ola")]
    raw = {"record_id": "s", "kind": "screenshot", "user_id": "u", "ts": TS,
           "image_b64": base64.b64encode(encode_png(Image.new("RGB", (1000, 400), "white"))).decode()}
    out = sanitize(finding(raw, {OCR: spans}, ocr_words=words, image=base64.b64decode(raw["image_b64"])), policy, KEY)
    counts = dict(out.entity_counts)
    assert (counts.get(TABLE_COLUMN), counts.get(INITIALS), counts.get("PERSON")) == (1, 1, 2)


def render(rows: list[list[str]], columns: list[int], font_px: int = 15, dark: bool = False
           ) -> tuple[bytes, dict[str, tuple[float, float, float, float]]]:
    """A screen of `rows` of cells starting at x = `columns`, 36 px apart, and every cell's box."""
    background, ink = ((30, 30, 30), (220, 220, 220)) if dark else ((255, 255, 255), (30, 30, 30))
    image = Image.new("RGB", (1000, 60 + 36 * len(rows)), background)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, font_px)
    boxes = {}
    for index, row in enumerate(rows):
        for x, cell in zip(columns, row):
            draw.text((x, 24 + 36 * index), cell, fill=ink, font=font)
            boxes[cell] = draw.textbbox((x, 24 + 36 * index), cell, font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue(), boxes


def redacted_screen(ocr, detector, analyzer_settings, keep, png: bytes) -> np.ndarray:
    """A screen through the real Tesseract, detection and redaction (under the policy `keep`) -> the output's pixels."""
    record = parse_line(json.dumps({"record_id": "s", "kind": "screenshot", "user_id": "u", "ts": TS,
                                    "image_b64": base64.b64encode(png).decode()}).encode(), "in.jsonl")
    words = ocr.read(decode_image(png, 10**8))
    finding = detect(detector, PreparedRecord(record, text_fields(record, words), png, words),
                     fitted_to_policy(analyzer_settings, keep))
    out = json.loads(sanitize(finding, keep, KEY).json_line)
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(out["image_b64"]))).convert("RGB"))


@pytest.fixture(scope="module")
def redacted(ocr, analyzer_settings, policy):
    """`redacted_screen` with one detector for the module."""
    detector, keep = shared_detector(analyzer_settings), categories_kept(policy)
    return lambda png: redacted_screen(ocr, detector, analyzer_settings, keep, png)


def filled(pixels: np.ndarray, box: tuple[float, float, float, float]) -> float:
    x0, y0, x1, y1 = box
    return float((pixels[int(y0):int(y1), int(x0):int(x1)] == FILL).all(axis=2).mean())


def rendered_misses(png: bytes, pixels: np.ndarray, boxes: list[dict]) -> tuple[set[str], set[str]]:
    """A rendered screen's PII values left visible, and its KEEP values painted over (both empty when right)."""
    before = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    return ({b["value"] for b in boxes if b["label"] != "KEEP" and not box_covered(before, pixels, b["box"])},
            {b["value"] for b in boxes if b["label"] == "KEEP" and filled(pixels, b["box"]) > 0})


# A contact list with one name in Cyrillic, which Tesseract's Latin data reads as other letters.
PEOPLE = [["Name", "Email", "Phone"],
          ["Kowalski, Marta", "marta.kowalski@example.org", "+48 22 555 01 87"],
          ["Кулагина, Селиверст", "s.kulagina@example.org", "+7 495 555-01-43"],
          ["Okafor, Chidi", "chidi.okafor@example.org", "+234 1 555 0192"],
          ["Lindqvist, Sara", "sara.lindqvist@example.org", "+46 8 555 014 21"]]


@pytest.mark.parametrize("dark", [False, True])
def test_when_a_contact_table_holds_a_name_ocr_misreads_then_its_column_covers_it(redacted, dark):
    png, boxes = render(PEOPLE, [20, 280, 620], dark=dark)
    pixels = redacted(png)
    people = [cell for row in PEOPLE[1:] for cell in row]
    assert {value: filled(pixels, boxes[value]) for value in people if filled(pixels, boxes[value]) < 1.0} == {}


PRODUCTS = [["Product", "SKU", "Price", "Status", "Updated"],
            ["Desk lamp", "LMP-2231", "24.99", "In stock", "2026-04-28"],
            ["Office chair", "CHR-1180", "189.00", "Backorder", "2026-05-02"],
            ["Monitor arm", "ARM-0457", "59.50", "Low stock", "2026-05-19"],
            ["Paper tray", "TRY-3310", "12.00", "Discontinued", "2026-05-21"]]


def test_when_a_table_lists_products_prices_and_dates_then_no_column_is_covered_whole(redacted):
    png, boxes = render(PRODUCTS, [20, 220, 400, 540, 720])
    pixels = redacted(png)
    for column in range(len(PRODUCTS[0])):
        cells = [row[column] for row in PRODUCTS[1:]]
        # NER takes a status or two for a name; half a column is no column of names
        assert sum(filled(pixels, boxes[cell]) > 0 for cell in cells) < len(cells), PRODUCTS[0][column]


def test_when_a_top_bar_shows_the_users_initials_then_they_are_covered_and_the_bar_stays(redacted):
    png, boxes = render([["Tracker", "PDF", "JW"], ["Open issues", "Status", "Owner"],
                         ["Retry on timeout", "Open", "payments"]], [20, 700, 940], font_px=16)
    pixels = redacted(png)
    assert filled(pixels, boxes["JW"]) == 1.0
    assert [cell for cell in ("Tracker", "PDF", "Open issues", "Status") if filled(pixels, boxes[cell]) > 0] == []
