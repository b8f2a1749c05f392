"""OCR reach classes (evaluation/bench_ocr.py): a gold value is read as the evaluation counts it, or
missed for its script, for letters outside the language data, for look-alike glyphs, or unread."""
from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from evaluation.bench_ocr import reach_class, screen_reach
from models.ocr import OcrSettings


@pytest.mark.parametrize("value, text, expected", [
    ("Jane Doe", "From: jane  doe\nSubject: rollout", "read"),             # case and spacing aside
    ("Radoslav Tomanová", "Radoslav Tomanová", "read"),
    ("Radoslav Tomanová", "Owner: Radoslav Tomanova", "letters"),           # accent dropped
    ("Paweł Buława", "Pawel Bulawa", "letters"),                            # ł has no glyph in eng
    ("Weiß", "Weiss", "letters"),
    ("Ionescu, Carolina", "lonescu, Carolina", "look_alike"),               # capital I read as l
    ("glpat-E0ycrpvY6", "glpat-EOycrpvY6", "look_alike"),                   # zero read as O
    ("Иван Петров", "Ivan Petrov", "other_script"),
    ("Иван Петров", "Иван Петров", "read"),                                 # another script, read
])
def test_when_a_value_is_or_is_not_in_the_ocr_text_then_its_reach_class_says_why(value, text, expected):
    assert reach_class(value, text) == expected


@pytest.mark.parametrize("value, text", [
    ("Radoslav Tomanová", "Radoslav Tomanovb"),   # another letter, not an accent
    ("Paweł Buława", "Pawet Butawa"),             # ł read as t: misread, not folded
    ("Ionescu, Carolina", "Tonescu, Carolina"),   # T is no look-alike of I
    ("Jane Doe", "Jane"),                         # half a name
    ("Jane Doe", ""),
])
def test_when_ocr_misreads_beyond_folding_or_look_alikes_then_the_value_is_unread(value, text):
    assert reach_class(value, text) == "unread"


def test_when_a_rendered_screen_is_read_then_each_span_gets_its_class_from_real_tesseract(tmp_path):
    image = Image.new("RGB", (900, 140), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=24)
    draw.text((20, 20), "Owner: Quentin Marlowe", fill=(20, 20, 20), font=font)
    draw.rectangle((0, 80, 900, 140), fill=(37, 99, 235))                 # a blue bar, white text
    draw.text((20, 95), "Reviewer: Harriet Osgood", fill=(255, 255, 255), font=font)
    path = tmp_path / "screen.png"
    image.save(path)
    spans = [{"region": "body", "label": "PERSON", "value": "Quentin Marlowe"},
             {"region": "header", "label": "PERSON", "value": "Harriet Osgood"},
             {"region": "header", "label": "PERSON", "value": "Dmitri Volkonsky"},   # not on screen
             {"region": "body", "label": "PERSON", "value": "Дмитрий"}]
    assert screen_reach((str(path), spans, OcrSettings())) == [
        ("body", "PERSON", "read", "screen#0"), ("header", "PERSON", "read", "screen#1"),
        ("header", "PERSON", "unread", "screen#2"), ("body", "PERSON", "other_script", "screen#3")]
