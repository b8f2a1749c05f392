"""The OCR normalisation's cheaper steps give the same pixels: tile medians a block of strips at a
time, and the colour rule skipping one-colour tiles (most of a frame), where it changes nothing."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from models.ocr import OcrSettings, TesseractOcr, dark_text_on_light, flat_tiles, ocr_text, strip_medians, tile_medians

TILE, ROWS = OcrSettings.polarity_tile_px, OcrSettings.polarity_tile_rows_px


def strip_by_strip(pixels: np.ndarray) -> np.ndarray:
    """The tile medians one strip at a time (the reference the block-wise medians must equal)."""
    return np.stack([strip_medians(pixels[row:row + ROWS], TILE, ROWS) for row in range(0, pixels.shape[0], ROWS)])


@pytest.mark.parametrize("shape", [(1080, 1920), (245, 333), (11, 15), (400, 7), (37, 16), (300, 500, 3), (13, 70, 3)])
def test_when_tile_medians_are_taken_block_by_block_then_they_equal_the_strip_by_strip_medians(shape):
    pixels = np.random.default_rng(sum(shape)).integers(0, 256, shape, dtype=np.uint8)
    assert np.array_equal(tile_medians(pixels, TILE, ROWS), strip_by_strip(pixels))


def test_when_a_tile_holds_one_colour_then_it_is_flat_and_a_pixel_of_another_hue_makes_it_not():
    strip = np.full((ROWS, 3 * TILE, 3), (37, 99, 235), dtype=np.uint8)
    strip[5, TILE + 3] = (99, 37, 235)  # same luminance order of magnitude, another hue: colour ink
    assert flat_tiles(strip, np.arange(0, 3 * TILE, TILE)).tolist() == [True, False, True]


def test_when_a_name_differs_from_the_page_in_colour_only_then_it_is_still_darkened_and_read():
    # a green name whose luminance is close to its light grey row: only the colour rule makes it ink
    image = Image.new("RGB", (420, 60), (200, 200, 200))
    ImageDraw.Draw(image).text((20, 18), "Ingrid Halvorsen", fill=(120, 215, 120),
                               font=ImageFont.load_default(size=18))
    gray = np.asarray(dark_text_on_light(image, TILE, ROWS, OcrSettings.colour_ink_gain))
    assert gray[:, :15].min() >= 250 and gray.min() < 200  # the blank margin stays white, the name is ink
    assert "Ingrid Halvorsen" in ocr_text(TesseractOcr(OcrSettings()).read(image))


def test_when_a_plain_work_screen_is_normalised_then_the_blank_page_stays_white_and_its_words_read():
    image = Image.new("RGB", (640, 120), (255, 255, 255))
    ImageDraw.Draw(image).text((20, 40), "quarterly roadmap review notes", fill=(40, 40, 40),
                               font=ImageFont.load_default(size=16))
    gray = np.asarray(dark_text_on_light(image, TILE, ROWS, OcrSettings.colour_ink_gain))
    assert gray[80:].min() == 255 and gray[:, 500:].min() == 255
    assert "quarterly roadmap review notes" in ocr_text(TesseractOcr(OcrSettings()).read(image))
