"""The OCR's small-fill step: light text in a small dark shape on a light page (an avatar's
initials, a badge) reads as dark on white; bold text, dark panels and empty shapes are left as
the tile inversion made them."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from models.ocr import OcrSettings, TesseractOcr, dark_text_on_light, ocr_text, tile_runs

TILE, ROWS = OcrSettings.polarity_tile_px, OcrSettings.polarity_tile_rows_px
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"  # Debian's fonts-dejavu-core
ON = {"fill_contrast": OcrSettings.fill_contrast, "fill_max_tiles": OcrSettings.fill_max_tiles}


def avatar_page(initials: str = "", size: int = 32, fill: tuple[int, int, int] = (120, 120, 120)) -> Image.Image:
    """A white page with a filled circle holding `initials` in white, as chat and mail lists draw avatars."""
    image = Image.new("RGB", (8 * size, 4 * size), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((2 * size, size, 3 * size, 2 * size), fill=fill)
    if initials:
        draw.text((2.5 * size, 1.5 * size), initials, fill=(255, 255, 255), anchor="mm",
                  font=ImageFont.load_default(size=size * 0.45))
    return image


def test_when_a_circle_holds_white_initials_then_they_turn_dark_and_the_fill_white():
    image = avatar_page("GW")
    before = np.asarray(dark_text_on_light(image, TILE, ROWS)).astype(int)
    after = np.asarray(dark_text_on_light(image, TILE, ROWS, **ON)).astype(int)
    circle = np.s_[40:56, 70:90]  # the initials' band inside the circle
    assert after[circle].min() < 60 and np.median(after[circle]) >= 250  # dark glyphs on white
    assert np.median(before[circle]) < 200 or before[circle].min() > 60  # not so before: a grey (or inverted) fill


def test_when_a_circle_holds_no_text_then_the_step_leaves_the_frame_as_it_was():
    image = avatar_page("")
    assert np.array_equal(np.asarray(dark_text_on_light(image, TILE, ROWS, **ON)),
                          np.asarray(dark_text_on_light(image, TILE, ROWS)))


@pytest.mark.parametrize("font_px", [15, 22, 40])
def test_when_bold_dark_text_sits_on_white_then_its_counters_are_not_filled(font_px):
    image = Image.new("RGB", (40 * font_px, 3 * font_px), (255, 255, 255))
    ImageDraw.Draw(image).text((10, font_px), "Gary Williams bold Meadow", fill=(20, 20, 20),
                               font=ImageFont.truetype(BOLD, font_px))
    assert np.array_equal(np.asarray(dark_text_on_light(image, TILE, ROWS, **ON)),
                          np.asarray(dark_text_on_light(image, TILE, ROWS)))


def test_when_a_dark_panel_is_larger_than_a_shape_then_only_the_tile_inversion_applies():
    image = Image.new("RGB", (600, 400), (255, 255, 255))
    image.paste((40, 40, 40), (100, 50, 500, 350))
    ImageDraw.Draw(image).text((150, 150), "Release notes", fill=(230, 230, 230), font=ImageFont.load_default(size=20))
    assert np.array_equal(np.asarray(dark_text_on_light(image, TILE, ROWS, **ON)),
                          np.asarray(dark_text_on_light(image, TILE, ROWS)))


def test_tile_runs_join_a_shape_split_by_one_tile_and_leave_out_panels():
    tiles = np.zeros((20, 20), dtype=bool)
    tiles[1, 1] = tiles[3, 1] = True   # one shape, its middle row holding text
    tiles[10:20, 5] = True             # a tall rule: more than 4 tiles tall
    assert tile_runs(tiles, 4) == [(1, 4, 1, 2)]


def test_when_tesseract_reads_white_initials_and_a_badge_on_a_light_page_then_they_are_read_now():
    image = Image.new("RGB", (700, 200), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=13)
    for top, initials, name in ((20, "KM", "Kasia Mazur"), (80, "TO", "Tomasz Olek")):
        draw.ellipse((20, top, 52, top + 32), fill=(99, 102, 106))
        draw.text((36, top + 16), initials, fill=(255, 255, 255), anchor="mm", font=font)
        draw.text((64, top + 9), f"{name} replied to the release thread", fill=(30, 30, 30), font=font)
    draw.rounded_rectangle((400, 150, 500, 172), radius=11, fill=(194, 65, 12))
    draw.text((450, 161), "Holloway", fill=(255, 255, 255), anchor="mm", font=font)
    plain = ocr_text(TesseractOcr(OcrSettings(fill_max_tiles=0)).read(image)).split()
    read = ocr_text(TesseractOcr(OcrSettings()).read(image)).split()
    shapes = ("KM", "TO", "Holloway")
    assert not all(word in plain for word in shapes) and all(word in read for word in shapes)


def test_when_a_shape_sits_in_a_light_grey_bar_then_the_bar_around_it_keeps_its_normalisation():
    # The step once put the whole box around a shape back to its raw pixels: a hard edge of grey
    # through the bar's next word ("Nowakowska" read as "Wowakowska").
    image = Image.new("RGB", (600, 260), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=13)
    draw.rectangle((0, 138, 600, 190), fill=(150, 150, 150))
    draw.rounded_rectangle((40, 150, 140, 172), radius=11, fill=(20, 20, 20))
    draw.text((90, 161), "Holloway", fill=(255, 255, 255), anchor="mm", font=font)
    draw.text((150, 154), "Nowakowska", fill=(255, 255, 255), font=font)
    before = np.asarray(dark_text_on_light(image, TILE, ROWS, 1.0, 128)).astype(int)
    after = np.asarray(dark_text_on_light(image, TILE, ROWS, 1.0, 128, **ON)).astype(int)
    pill = np.s_[155:168, 60:120]
    assert np.median(after[pill]) >= 250 and after[pill].min() < 80  # the step ran: dark text on white
    assert np.array_equal(after[:, 143:], before[:, 143:])  # the bar's next word as the tile step left it


@pytest.mark.parametrize("fill", [45, 80])
def test_when_a_pill_holds_grey_text_beside_white_text_then_the_grey_text_is_not_erased(fill):
    # Grey text in a shape (a login or a time beside a name) lies between the fill and the light
    # threshold: it once joined the fill and turned white with it, neither read nor covered.
    image = Image.new("RGB", (600, 200), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=13)
    draw.rounded_rectangle((40, 150, 190, 172), radius=11, fill=(fill, fill, fill))
    draw.text((48, 161), "Jane Holloway", fill=(255, 255, 255), anchor="lm", font=font)
    draw.text((142, 161), "jho", fill=(130, 130, 130), anchor="lm", font=font)
    after = np.asarray(dark_text_on_light(image, TILE, ROWS, **ON)).astype(int)
    assert np.median(after[155:168, 50:130]) >= 250 and after[155:168, 50:130].min() < 80  # the step ran
    assert after[153:170, 142:170].min() < 200  # the grey word is still drawn


@pytest.mark.parametrize("update", [{"fill_contrast": 0}, {"fill_contrast": -5}, {"fill_contrast": 300},
                                    {"fill_max_tiles": -1}])
def test_a_fill_setting_out_of_range_is_refused(update):
    # fill_contrast 0 or less would take every tile for a shape's fill (the page turned white round
    # whatever its light pixels enclose); off is fill_max_tiles 0.
    with pytest.raises(ValueError):
        OcrSettings(**update)
