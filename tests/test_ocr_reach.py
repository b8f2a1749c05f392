"""OCR reach classes (evaluation/bench_ocr.py): a gold value is read as the evaluation counts it, or
missed for its script, for letters outside the language data, for look-alike glyphs, or unread."""
from __future__ import annotations

from collections import Counter

import pytest
from PIL import Image, ImageDraw, ImageFont

from evaluation.bench_ocr import confusions, miss_cause, reach_class, screen_reach, words_in_box
from models.ocr import OcrSettings
from models.records import OcrWord


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
        ("body", "PERSON", "read", "screen#0", "", Counter()), ("header", "PERSON", "read", "screen#1", "", Counter()),
        ("header", "PERSON", "unread", "screen#2", "", Counter()),        # no box: no cause
        ("body", "PERSON", "other_script", "screen#3", "", Counter())]


def word(text: str, left: int, top: int = 10, width: int = 60, height: int = 16, line: int = 0) -> OcrWord:
    """An OCR word for the miss-cause tests."""
    return OcrWord(text, left, top, width, height, 0, line, 90.0)


@pytest.mark.parametrize("value, inside, expected", [
    ("Harriet Osgood", [], "not_segmented"),                                 # nothing read in its box
    ("Harriet Osgood", [word("Harriot", 0), word("Osgood", 70)], "misread"),
    ("Harriet Osgood", [word("Harriet", 0), word("Osgood", 70)], "split"),   # read, but text fell between
    ("KF", [word("KE", 0)], "misread"),
    ("Jane Oakes", [word("Јапе", 0), word("Oakes", 70)], "other_script_read"),   # Cyrillic look-alikes
    ("Олекса", [word("Onekca", 0)], "misread"),                                 # not a Latin value
])
def test_when_a_value_is_missed_then_the_words_in_its_box_say_whether_it_was_segmented(value, inside, expected):
    assert miss_cause(value, inside) == expected


def test_words_in_a_box_are_those_mostly_inside_it_not_a_neighbouring_field_that_touches_it():
    words = (word("Harriet", 100), word("Osgood", 170), word("10:42", 300), word("Reviewer:", 10, width=88))
    # the label ends 2 px inside the value's box: a neighbour, not part of it; the time is outside
    assert [w.text for w in words_in_box(words, [96, 8, 240, 28])] == ["Harriet", "Osgood"]


@pytest.mark.parametrize("value, read, expected", [
    ("GW", "cw", {("g", "c"): 1}),                        # case aside, as the reach compares
    ("sk_live_0aZ", "sk_live_OaZ", {("0", "o"): 1}),
    ("Osgood", "Osgod", {("o", ""): 1}),                   # a letter dropped
    ("Harriet", "Harriet", {}),                            # no confusion in a value read whole
])
def test_confusions_pair_each_misread_character_with_what_was_read_in_its_place(value, read, expected):
    assert confusions(value, [word(read, 0)]) == Counter(expected)


def test_when_real_tesseract_reads_a_screen_then_a_missed_value_gets_its_cause_from_its_box(tmp_path):
    image = Image.new("RGB", (900, 140), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=24)
    draw.text((20, 20), "Reviewer: Harriet Osgood", fill=(20, 20, 20), font=font)
    path = tmp_path / "screen.png"
    image.save(path)
    drawn = list(draw.textbbox((20 + draw.textlength("Reviewer: ", font=font), 20), "Harriet Osgood", font=font))
    spans = [{"region": "body", "label": "PERSON", "value": "Harriot Osgood", "box": drawn},   # not what is drawn
             {"region": "body", "label": "PERSON", "value": "Dmitri Volkonsky", "box": [20, 80, 300, 110]},
             {"region": "body", "label": "PERSON", "value": "Harriet Osgood", "box": drawn}]   # hard negative: read
    rows = screen_reach((str(path), spans, OcrSettings()))
    assert [(row[2], row[4]) for row in rows] == [("unread", "misread"), ("unread", "not_segmented"), ("read", "")]
    assert rows[0][5] == Counter({("o", "e"): 1}) and rows[2][5] == Counter()   # gold `o` read as `e`
