"""Rendered screens (light and dark, 1x and 2x, 11-22 px) through real OCR and detection: every
planted string must end under opaque fill, checked on the output's pixels, not on our own boxes."""
from __future__ import annotations

import base64
import io
import json

import numpy as np
import pytest
from PIL import Image

from models.analyzer import build_detector, detect, fitted_to_policy
from models.images import FILL, decode_image
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


@pytest.fixture(scope="module")
def detector(analyzer_settings):
    return build_detector(analyzer_settings)


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
