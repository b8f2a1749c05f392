"""Rendered screens (light and dark, 1x and 2x, 11-22 px) through real OCR and detection: every
planted string must end under opaque fill, checked on the output's pixels, not on our own boxes."""
from __future__ import annotations

import base64
import io
import json
import tracemalloc

import numpy as np
import pytest
from PIL import Image

from models.detection import detect
from models.engine import fitted_to_policy
from models.images import FILL, admitted_shape, decode_image
from models.ocr import OcrSettings, TesseractOcr, dark_text_on_light
from models.parse import parse_line
from models.records import PreparedRecord
from models.redaction import sanitize
from models.text_views import text_fields
from tests.conftest import KEY, TS, categories_kept
from tests.rendered_screens import render_screen

PLANTED = ["Marcus Whitfield", "jane.doe@example.com", "(415) 555-0172", "536-22-4187",
           "sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE"]
LINES = ["From: Marcus Whitfield <jane.doe@example.com>", "Subject: quarterly planning notes",
         "Call me at (415) 555-0172 after lunch", "SSN: 536-22-4187",
         "export OPENAI_API_KEY=sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE"]


@pytest.mark.parametrize("font_px", [11, 14, 18, 22])
@pytest.mark.parametrize("scale", [1, 2])
@pytest.mark.parametrize("dark", [False, True])
def test_when_a_screen_holds_pii_then_every_planted_string_is_under_opaque_fill(
        dark, scale, font_px, detector, analyzer_settings, ocr, policy):
    png, boxes = render_screen(LINES, PLANTED, dark, scale, font_px)
    record = parse_line(json.dumps({"record_id": "s", "kind": "screenshot", "user_id": "u", "ts": TS,
                                    "image_b64": base64.b64encode(png).decode()}).encode(), "in.jsonl")
    words = ocr.read(decode_image(png, policy.screenshots.max_pixels))
    keep = categories_kept(policy)
    finding = detect(detector, PreparedRecord(record, text_fields(record, words), png, words),
                     fitted_to_policy(analyzer_settings, keep))
    out = json.loads(sanitize(finding, keep, KEY).json_line)
    pixels = np.asarray(Image.open(io.BytesIO(base64.b64decode(out["image_b64"]))).convert("RGB"))
    assert pixels.shape[:2] == (decode_image(png, 10**9).height, decode_image(png, 10**9).width)
    uncovered = {value: round(float((pixels[int(y0):int(y1), int(x0):int(x1)] == FILL).all(axis=2).mean()), 2)
                 for value, (x0, y0, x1, y1) in boxes.items()}
    assert {value: share for value, share in uncovered.items() if share < 1.0} == {}


def test_when_a_screen_mixes_dark_and_light_panels_then_both_become_dark_text_on_light():
    image = Image.new("L", (96, 48), 255)
    image.paste(0, (0, 0, 48, 48))  # a dark panel on the left
    image.putpixel((10, 10), 255)   # light text in it
    image.putpixel((70, 10), 0)     # dark text on the light side
    normalised = dark_text_on_light(image.convert("RGB"), tile_px=48)
    assert normalised.getpixel((5, 5)) == 255 and normalised.getpixel((10, 10)) == 0
    assert normalised.getpixel((80, 40)) == 255 and normalised.getpixel((70, 10)) == 0


def test_when_ocr_reads_an_upscaled_copy_then_boxes_are_in_input_pixels():
    png, boxes = render_screen(["Quarterly planning notes"], ["planning"], dark=False, scale=1, font_px=12)
    words = TesseractOcr(OcrSettings()).read(decode_image(png, 10**8))
    (word,) = [w for w in words if w.text == "planning"]
    x0, y0, x1, y1 = boxes["planning"]
    assert abs(word.left - x0) <= 3 and abs(word.left + word.width - x1) <= 3 and word.top <= y0 + 3


def reference_normalisation(pixels: np.ndarray, tile_px: int, rows_px: int) -> np.ndarray:
    """The rule written plainly, tile by tile: every other pixel's median per tile, a tile dark by the
    median of its 3x3 neighbourhood (edges repeated), dark tiles inverted, backgrounds stretched."""
    rows, cols = -(-pixels.shape[0] // rows_px), -(-pixels.shape[1] // tile_px)
    step = 2 if rows_px > 2 else 1
    tile = lambda r, c: pixels[r * rows_px:(r + 1) * rows_px, c * tile_px:(c + 1) * tile_px]
    medians = np.array([[np.median(tile(r, c)[::step, ::2]) for c in range(cols)] for r in range(rows)])
    clamp = lambda r, c: medians[min(max(r, 0), rows - 1), min(max(c, 0), cols - 1)]
    out = pixels.astype(np.float64)
    for r in range(rows):
        for c in range(cols):
            dark = np.median([clamp(r + dr, c + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)]) < 128
            background = 255 - medians[r, c] if dark else medians[r, c]
            stretch = min(max(255 / max(background, 1), 1), 2) if background >= 128 else 1
            block = (slice(r * rows_px, (r + 1) * rows_px), slice(c * tile_px, (c + 1) * tile_px))
            out[block] = ((255 - out[block]) if dark else out[block]) * stretch
    return np.clip(out, 0, 255).astype(np.uint8)


@pytest.mark.parametrize("rows_px", [16, 4])
@pytest.mark.parametrize("size", [(96, 48), (100, 37), (7, 300), (1, 1), (145, 145), (49, 200)])
def test_when_a_frame_is_normalised_then_it_matches_the_plain_tile_rule_at_any_size(size, rows_px):
    rng = np.random.default_rng(sum(size))
    pixels = rng.integers(0, 90, size=size[::-1], dtype=np.uint8)
    pixels[:, size[0] // 2:] += 150  # a dark panel on the left, a greyish light one on the right
    normalised = np.asarray(dark_text_on_light(Image.fromarray(pixels), 16, rows_px)).astype(int)
    assert np.abs(normalised - reference_normalisation(pixels, 16, rows_px).astype(int)).max() <= 1  # float32 rounding


def test_when_a_coloured_bar_ends_just_above_text_then_the_bar_and_the_text_below_both_read_dark_on_white():
    image = Image.new("RGB", (480, 96), (255, 255, 255))
    image.paste((46, 125, 50), (0, 0, 480, 28))  # a green header bar, 28 px tall
    image.putpixel((100, 14), (255, 255, 255))   # white text on it
    image.putpixel((100, 40), (30, 30, 30))      # dark text 12 px under it
    settings = OcrSettings()
    normalised = dark_text_on_light(image, settings.polarity_tile_px, settings.polarity_tile_rows_px)
    assert normalised.getpixel((200, 10)) == 255 and normalised.getpixel((100, 14)) == 0
    assert normalised.getpixel((200, 40)) == 255 and normalised.getpixel((100, 40)) < 64


def admitted_extremes(rules) -> list[tuple[int, int]]:
    """The largest frames of the most elongated shapes the policy admits, both ways round."""
    side, ratio = rules.max_side_px, rules.max_aspect_ratio
    shapes = [(side, min(rules.max_pixels // side, side)), (side, -(-side // int(ratio)))]
    return [shape for wide in shapes for shape in (wide, wide[::-1])
            if admitted_shape(shape, side, ratio) and shape[0] * shape[1] <= rules.max_pixels]


def test_when_the_largest_admitted_frames_are_normalised_then_memory_stays_near_their_pixel_count(policy):
    shapes = admitted_extremes(policy.screenshots)
    assert len(shapes) == 4
    for width, height in shapes:
        image = Image.new("L", (width, height), 250)
        image.paste(20, (0, 0, width // 2, height))  # half dark: the path that rewrites every pixel
        tracemalloc.start()
        try:
            normalised = dark_text_on_light(image, OcrSettings.polarity_tile_px, OcrSettings.polarity_tile_rows_px)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert normalised.getpixel((0, 0)) == 255
        # The frame itself (8 bits a pixel) twice, plus a strip: padding to tiles and float64 grids
        # took 22 bytes a pixel, and 460 on a 1 x 4,000,000 strip.
        assert peak <= 3 * width * height, (width, height, peak)


def test_when_text_starts_just_inside_a_coloured_bar_beside_a_light_sidebar_then_it_reads_dark_on_white():
    image = Image.new("RGB", (800, 120), (243, 244, 246))
    image.paste((178, 34, 34), (220, 0, 800, 40))  # a red bar right of a light sidebar
    image.putpixel((234, 20), (255, 255, 255))     # white text 14 px inside the bar's edge
    image.putpixel((100, 20), (30, 30, 30))        # dark text in the sidebar
    settings = OcrSettings()
    normalised = dark_text_on_light(image, settings.polarity_tile_px, settings.polarity_tile_rows_px)
    assert normalised.getpixel((234, 20)) < 64 and normalised.getpixel((240, 30)) == 255
    assert normalised.getpixel((100, 20)) < 64 and normalised.getpixel((120, 30)) == 255
