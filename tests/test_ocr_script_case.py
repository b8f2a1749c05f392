"""The other-script second read keeps a word read in capitals when its second read has none: a glyph's
case is its height, so avatar initials `GW` read again as Greek `ονν` (or `CD` as Cyrillic `ср`) are
look-alikes; names in other scripts read in capitals, or in mixed case, still take the second read."""
from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from models.ocr import OcrSettings, TesseractOcr, ocr_text
from models.script_read import lost_capitals, reread, script_read_rules, stacked
from tests.test_script_read import english, table, word

BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


@pytest.mark.parametrize("first,second,lost", [("GW", "ονν", True), ("CD", "ср", True), ("KF", "кф", True),
                                               ("ONEKCA", "ОЛЕКСА", False), ("Onekca", "Олекса", False),
                                               ("I", "і", False), ("PN", "ΡΝ", False), ("A1", "а1", False)])
def test_a_word_loses_its_capitals_only_when_all_its_letters_were_capitals_and_none_are_left(first, second, lost):
    assert lost_capitals(first, second) is lost


def test_when_initials_read_in_capitals_come_back_lower_case_in_another_script_then_the_latin_read_stays():
    rules = script_read_rules()
    words = (word("GW", 80), word("Onekca", 78, left=100))
    image = Image.new("L", (300, 60), 255)
    reader = table({0: ("ονν", 95), 1: ("Олекса", 91)})
    reader.rows = stacked(image, list(words), 1, rules)[1]
    assert [w.text for w in reread(image, words, 1, reader, english, rules)] == ["GW", "Олекса"]


def test_when_a_name_in_capitals_is_read_again_in_capitals_of_another_script_then_it_takes_that_read():
    rules = script_read_rules()
    words = (word("ONEKCA", 70),)
    image = Image.new("L", (200, 40), 255)
    reader = table({0: ("ОЛЕКСА", 92)})
    reader.rows = stacked(image, list(words), 1, rules)[1]
    assert [w.text for w in reread(image, words, 1, reader, english, rules)] == ["ОЛЕКСА"]


def avatar_row(initials: str, name: str) -> Image.Image:
    """A chat row on a light page: a grey avatar with white bold initials, then the sender's name."""
    image = Image.new("RGB", (420, 56), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((12, 12, 44, 44), fill=(110, 118, 125))
    font = ImageFont.truetype(BOLD, 12)
    width = draw.textlength(initials, font=font)
    draw.text((28 - width / 2, 21), initials, fill=(255, 255, 255), font=font)
    draw.text((60, 19), name, fill=(30, 30, 30), font=ImageFont.truetype(BOLD.replace("-Bold", ""), 14))
    return image


@pytest.mark.parametrize("initials,name", [("KF", "Kai Fischer"), ("PN", "Pia Nowak")])
def test_when_an_avatar_shows_latin_initials_then_the_pipeline_reads_them_in_latin(initials, name):
    text = ocr_text(TesseractOcr(OcrSettings()).read(avatar_row(initials, name)))
    assert name in text and initials.lower() in text.lower().split()
