"""The OCR's colour-contrast normalisation: text that differs from its background in colour more than
in luminance (white on a light blue bar, a teal name on white) reads as dark on white; plain
screens and flat bars gain no ink."""
from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from models.ocr import OcrSettings, TesseractOcr, dark_text_on_light, ocr_text

GAIN = OcrSettings.colour_ink_gain
TILE, ROWS = OcrSettings.polarity_tile_px, OcrSettings.polarity_tile_rows_px


def line_on(background: tuple[int, int, int], ink: tuple[int, int, int], text: str, font_px: int = 16) -> Image.Image:
    """`text` in `ink` on a `background` band, as a UI bar or row draws it."""
    image = Image.new("RGB", (32 * len(text) // 2 + 40, 3 * font_px + 12), background)
    ImageDraw.Draw(image).text((20, font_px), text, fill=ink, font=ImageFont.load_default(size=font_px))
    return image


def test_when_white_text_sits_on_a_light_blue_bar_then_only_the_colour_rule_makes_it_dark():
    image = Image.new("RGB", (96, 48), (120, 170, 240))  # light enough that the luminance rule keeps it
    image.paste((255, 255, 255), (40, 20, 44, 24))        # a white stroke
    luminance_only = dark_text_on_light(image, TILE, ROWS)
    with_colour = dark_text_on_light(image, TILE, ROWS, GAIN)
    assert luminance_only.getpixel((42, 22)) >= 250 and luminance_only.getpixel((10, 10)) >= 250
    assert with_colour.getpixel((42, 22)) < 170 and with_colour.getpixel((10, 10)) >= 250


def test_when_a_coloured_name_sits_on_white_then_it_is_darker_than_its_luminance_alone():
    image = Image.new("RGB", (96, 48), (255, 255, 255))
    image.paste((26, 188, 156), (40, 20, 44, 24))  # a teal sender name
    assert (dark_text_on_light(image, TILE, ROWS, GAIN).getpixel((42, 22))
            < dark_text_on_light(image, TILE, ROWS).getpixel((42, 22)) - 25)


@pytest.mark.parametrize("background, ink", [((255, 255, 255), (30, 30, 30)), ((30, 34, 40), (220, 220, 220)),
                                             ((243, 244, 246), (90, 90, 90))])
def test_when_text_is_grey_on_grey_then_the_colour_rule_changes_nothing(background, ink):
    image = line_on(background, ink, "Quarterly planning notes")
    assert np.abs(np.asarray(dark_text_on_light(image, TILE, ROWS, GAIN), dtype=int)
                  - np.asarray(dark_text_on_light(image, TILE, ROWS), dtype=int)).max() <= 1


@pytest.mark.parametrize("colour", [(46, 125, 50), (120, 170, 240), (178, 34, 34), (255, 214, 0)])
def test_when_a_flat_coloured_bar_holds_no_text_then_it_stays_white(colour):
    image = Image.new("RGB", (160, 48), colour)
    assert np.asarray(dark_text_on_light(image, TILE, ROWS, GAIN)).min() >= 250


def test_when_a_grayscale_frame_is_normalised_then_the_colour_rule_is_skipped_and_memory_stays_bounded():
    image = Image.new("L", (2000, 1000), 250)
    image.paste(20, (0, 0, 1000, 1000))
    tracemalloc.start()
    try:
        normalised = dark_text_on_light(image, TILE, ROWS, GAIN)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert normalised.getpixel((0, 0)) == 255 and peak <= 3 * image.width * image.height


def test_when_a_colour_frame_is_normalised_then_memory_stays_near_its_pixel_count():
    image = Image.new("RGB", (2000, 1000), (120, 170, 240))
    image.paste((255, 255, 255), (0, 0, 1000, 1000))
    tracemalloc.start()
    try:
        dark_text_on_light(image, TILE, ROWS, GAIN)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The RGB frame's copy (3 bytes a pixel), the gray frame and its image (1 each), and a strip.
    assert peak <= 6 * image.width * image.height


def test_when_tesseract_reads_white_text_on_a_light_blue_bar_then_the_name_is_read_now():
    image = line_on((120, 170, 240), (255, 255, 255), "Assigned to Marisol Quintero")
    before = ocr_text(TesseractOcr(OcrSettings(colour_ink_gain=0.0)).read(image))
    after = ocr_text(TesseractOcr(OcrSettings()).read(image))
    assert "Marisol Quintero" not in before and "Marisol Quintero" in after


@pytest.mark.parametrize("background", [(120, 170, 240), (46, 125, 50), (243, 244, 246)])
def test_when_tesseract_reads_a_bar_without_text_then_no_word_is_made_up(background):
    image = Image.new("RGB", (900, 40), background)
    ImageDraw.Draw(image).rectangle((0, 40 - 2, 900, 40), fill=(200, 200, 200))  # the bar's lower edge
    assert TesseractOcr(OcrSettings()).read(image) == ()


def test_when_a_bar_ends_inside_a_row_of_tiles_then_the_page_below_its_edge_gains_no_ink():
    image = Image.new("RGB", (480, 96), (246, 247, 249))
    image.paste((37, 99, 235), (0, 0, 480, 41))  # the edge at row 41: tiles 36-47 hold both colours
    normalised = np.asarray(dark_text_on_light(image, TILE, ROWS, GAIN))
    assert normalised[41:].min() >= 250


def test_when_dark_text_has_coloured_fringes_then_it_is_not_made_bolder():
    image = Image.new("RGB", (96, 48), (255, 255, 255))
    image.paste((20, 20, 20), (40, 20, 42, 30))   # a dark stroke
    image.paste((250, 120, 40), (42, 20, 43, 30))  # its subpixel fringes, orange and blue
    image.paste((60, 120, 250), (39, 20, 40, 30))
    assert np.array_equal(np.asarray(dark_text_on_light(image, TILE, ROWS, GAIN)),
                          np.asarray(dark_text_on_light(image, TILE, ROWS)))
