"""Tesseract (real) reads drawn screens, light and dark; word offsets match the OCR text."""
from __future__ import annotations

import pytest

from models.images import decode_image
from models.ocr import OcrSettings, OcrUnavailable, check_tesseract, ocr_text, words_from_data
from sample.generate import screen


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
