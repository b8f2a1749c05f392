"""The OCR's normalisation of 2x (high-DPI) captures: tiles twice as large, so avatars and badges
read as on a 1x frame (real Tesseract), while 1x frames and plain text are normalised as before."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from models.ocr import OcrSettings, TesseractOcr, ocr_text

# Chat and mail lists' avatar fills (Google, Slack, Jira, GitHub palettes) and the initials in them.
FILLS = ((26, 115, 232), (217, 48, 37), (24, 128, 56), (227, 116, 0), (147, 52, 230), (0, 82, 204),
         (224, 30, 90), (99, 102, 106))
INITIALS = ("KM", "TO", "RD", "JS", "AL", "PW", "HB", "CN")


def avatar_list(scale: int) -> Image.Image:
    """A message list at `scale` (2: a Retina capture, wider than the 1x width rule): a 32 px (at 1x)
    circle of colour holding white 13 px initials beside each line of ordinary text."""
    image = Image.new("RGB", (1300 * scale, 60 * len(INITIALS) * scale), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=13 * scale)
    for index, (initials, fill) in enumerate(zip(INITIALS, FILLS)):
        top = (20 + 55 * index) * scale
        draw.ellipse((20 * scale, top, 52 * scale, top + 32 * scale), fill=fill)
        draw.text((36 * scale, top + 16 * scale), initials, fill=(255, 255, 255), anchor="mm", font=font)
        draw.text((62 * scale, top + 9 * scale), "replied to the release thread on Tuesday", fill=(30, 30, 30),
                  font=font)
    return image


def read_words(image: Image.Image, tile_scale: int) -> list[str]:
    """The words the pipeline's OCR reads off `image` with `high_dpi_tile_scale` set to `tile_scale`."""
    return ocr_text(TesseractOcr(OcrSettings(high_dpi_tile_scale=tile_scale)).read(image)).split()


def test_when_a_2x_capture_shows_initials_in_coloured_circles_then_they_are_read_as_at_1x():
    image = avatar_list(2)
    before = [initials for initials in INITIALS if initials in read_words(image, 1)]
    after = [initials for initials in INITIALS if initials in read_words(image, 2)]
    assert len(before) <= 2 and len(after) >= 6


def test_when_a_2x_capture_holds_plain_work_text_then_the_same_words_are_read():
    image = Image.new("RGB", (2560, 400), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 400, 400), fill=(32, 33, 36))  # a dark sidebar beside the page
    font = ImageFont.load_default(size=28)
    draw.text((30, 40), "Inbox", fill=(230, 230, 230), font=font)
    lines = ("Quarterly planning notes for the staging rollback", "Review the canary dashboard before Friday")
    for row, line in enumerate(lines):
        draw.text((440, 40 + 60 * row), line, fill=(30, 30, 30), font=font)
    words = read_words(image, 2)
    assert words == read_words(image, 1)
    assert {"Inbox", "Quarterly", "planning", "canary", "dashboard"} <= set(words)


def test_a_1x_frame_is_normalised_with_1x_tiles_whatever_the_high_dpi_scale():
    image = avatar_list(1)
    one, two = (TesseractOcr(OcrSettings(high_dpi_tile_scale=scale)).normalise(image) for scale in (1, 2))
    assert np.array_equal(np.asarray(one), np.asarray(two))


def test_a_high_dpi_tile_scale_below_one_is_refused():
    with pytest.raises(ValueError, match="high_dpi_tile_scale"):
        OcrSettings(high_dpi_tile_scale=0)
