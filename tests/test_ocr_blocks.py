"""The OCR reads a frame block by block (`ink_blocks`): the blank beside a short band of ink is
not upscaled and read, and the words are those of one read of the whole ink box."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

import models.ocr
from models.ocr import OcrSettings, TesseractOcr, ink_blocks, ocr_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def test_when_rows_of_ink_are_far_apart_then_each_band_gets_its_own_box():
    pixels = np.full((300, 1000), 255, dtype=np.uint8)
    pixels[20:24, :] = 200  # a bar's edge across the whole frame
    pixels[100:112, 40:300] = 30  # a column of text lines below it
    pixels[130:142, 40:260] = 30
    assert ink_blocks(Image.fromarray(pixels), 255, 6, 20_000) == [(0, 20, 1000, 24), (40, 100, 300, 142)]


def test_when_ink_is_a_glyph_and_its_dot_then_it_stays_one_band():
    # The dot of an `i` or an accent stands a row or two above its letter: never cut apart.
    pixels = np.full((60, 200), 255, dtype=np.uint8)
    pixels[20:22, 50:52] = 0
    pixels[24:34, 50:52] = 0
    assert ink_blocks(Image.fromarray(pixels), 255, 6, 20_000) == [(50, 20, 52, 34)]


def test_when_joining_two_bands_adds_little_blank_then_they_are_read_together():
    pixels = np.full((200, 400), 255, dtype=np.uint8)
    pixels[10:20, 10:300] = 0
    pixels[40:50, 10:280] = 0
    assert ink_blocks(Image.fromarray(pixels), 255, 6, 20_000) == [(10, 10, 300, 50)]
    assert ink_blocks(Image.fromarray(pixels), 255, 6, 0) == [(10, 10, 300, 20), (10, 40, 280, 50)]
    assert ink_blocks(Image.fromarray(np.full((20, 20), 255, dtype=np.uint8)), 255, 6, 0) == []


def bar_and_column() -> Image.Image:
    """A 1x app frame: a grey title bar across the top and a short column of mail rows below it."""
    image = Image.new("RGB", (1600, 700), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1600, 40), fill=(230, 230, 235))
    font = ImageFont.truetype(FONT, 13)
    for row, line in enumerate(["Marta Kowalczyk  Quarterly budget review", "Jonas Lindqvist  Re: staging rollback",
                                "jonas.lindqvist@example.org  09:41", "deploy the canary to staging first"]):
        draw.text((40, 90 + 30 * row), line, fill=(30, 30, 30), font=font)
    return image


@pytest.fixture
def read_sizes(monkeypatch):
    """The sizes of the images handed to Tesseract's first reads."""
    sizes: list[tuple[int, int]] = []
    table = models.ocr.word_table

    def recording(image, settings):
        sizes.append(image.size)
        return table(image, settings)
    monkeypatch.setattr("models.ocr.word_table", recording)
    return sizes


def test_when_a_bar_spans_the_frame_above_short_text_then_the_blank_beside_the_text_is_not_read(read_sizes):
    words = TesseractOcr(OcrSettings()).read(bar_and_column())
    assert "Kowalczyk" in ocr_text(words)
    # the text's box, upscaled twice, and the bar's edge: far less than the 1600-wide box of both
    assert sum(w * h for w, h in read_sizes) < 0.5 * (1600 * 2) * (160 * 2)


def test_when_read_block_by_block_then_the_words_and_boxes_are_those_of_one_read_of_the_ink_box():
    image = bar_and_column()
    blocks = TesseractOcr(OcrSettings()).read(image)
    whole = TesseractOcr(OcrSettings(block_gap_px=0)).read(image)
    assert ocr_text(blocks) == ocr_text(whole)
    assert [(w.left, w.top, w.width, w.height) for w in blocks] == [(w.left, w.top, w.width, w.height) for w in whole]
    assert "jonas.lindqvist@example.org" in ocr_text(blocks) and "deploy the canary to staging first" in ocr_text(blocks)
