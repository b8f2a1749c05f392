"""Tesseract (real) reads drawn screens, light and dark; word offsets match the OCR text."""
from __future__ import annotations

import base64
import io
import json

import numpy as np
import pytest
from PIL import Image

from models.analyzer import build_detector, detect, fitted_to_policy
from models.images import FILL, decode_image
from models.ocr import OcrSettings, OcrUnavailable, check_tesseract, joined_text, ocr_text, words_from_data
from models.parse import parse_line
from models.records import OcrWord, PreparedRecord
from models.redaction import sanitize
from models.text_views import text_fields
from sample.generate import screen
from tests.conftest import KEY, TS, categories_kept
from tests.rendered_screens import render_screen


def test_when_screen_is_light_or_dark_then_words_and_boxes_are_read(ocr):
    for dark in (False, True):
        image = decode_image(screen(["Quarterly planning notes", "Deploy window opens Monday"], dark=dark,
                                    size=(900, 200), font_px=22), 10**7)
        words = ocr.read(image)
        text = ocr_text(words)
        assert "Quarterly planning notes" in text and "Deploy window opens Monday" in text
        assert all(0 <= w.left < 900 and 0 <= w.top < 200 and w.width > 0 for w in words)


def test_when_words_span_lines_then_offsets_index_the_joined_text():
    data = {"text": ["From:", "Jane", "", "Subject:"], "conf": [90, 91, -1, 88],
            "block_num": [1, 1, 1, 1], "par_num": [1, 1, 1, 1], "line_num": [1, 1, 1, 2],
            "left": [0, 50, 0, 0], "top": [0, 0, 0, 30], "width": [40, 40, 0, 60], "height": [20, 20, 0, 20]}
    words = words_from_data(data, min_confidence=0)
    text = ocr_text(words)
    assert text == "From: Jane\nSubject:"
    assert all(text[w.start:w.start + len(w.text)] == w.text for w in words)


def test_when_language_data_is_missing_then_the_check_names_the_package():
    check_tesseract(OcrSettings())
    with pytest.raises(OcrUnavailable, match="tesseract-ocr-klingon"):
        check_tesseract(OcrSettings(language="klingon"))


def test_when_a_word_is_hyphenated_across_lines_then_the_joined_text_reads_it_whole():
    words = (OcrWord("mail", 0, 0, 40, 10, 0, 0), OcrWord("jane.doe@exam-", 50, 0, 90, 10, 5, 0),
             OcrWord("ple.com", 0, 20, 60, 10, 20, 1), OcrWord("today", 70, 20, 40, 10, 28, 1))
    text, owners = joined_text(words)
    assert text == "mail jane.doe@example.com today"
    start = text.index("jane")
    assert {owners[i] for i in range(start, start + len("jane.doe@example.com"))} == {1, 2}


def test_when_an_email_is_hyphenated_on_screen_then_both_halves_are_covered(ocr, analyzer_settings, policy):
    png, boxes = render_screen(["please mail jane.doe@exam-", "ple.com before noon"], ["jane.doe@exam-", "ple.com"],
                               dark=False, scale=1, font_px=18)
    record = parse_line(json.dumps({"record_id": "s", "kind": "screenshot", "user_id": "u", "ts": TS,
                                    "image_b64": base64.b64encode(png).decode()}).encode(), "in.jsonl")
    words = ocr.read(decode_image(png, 10**8))
    keep = categories_kept(policy)
    finding = detect(build_detector(analyzer_settings), PreparedRecord(record, text_fields(record, words), png, words),
                     fitted_to_policy(analyzer_settings, keep))
    out = json.loads(sanitize(finding, keep, KEY).json_line)
    pixels = np.asarray(Image.open(io.BytesIO(base64.b64decode(out["image_b64"]))).convert("RGB"))
    for x0, y0, x1, y1 in boxes.values():
        assert (pixels[int(y0):int(y1), int(x0):int(x1)] == FILL).all(axis=2).mean() == 1.0


def test_when_an_address_wraps_after_the_at_sign_then_the_joined_text_reads_it_whole():
    words = (OcrWord("mail", 0, 0, 40, 10, 0, 0), OcrWord("jane.doe@", 50, 0, 90, 10, 5, 0),
             OcrWord("example.com", 0, 20, 60, 10, 15, 1))
    assert joined_text(words)[0] == "mail jane.doe@example.com"
