"""The fifth screen tuning family (`tune_headers`): registered as a screens-only family with opaque ids
and a seed of its own; Chromium draws its header bars, menus and tiles with gold boxes over drawn text."""
from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image

from evaluation.generated.build import SCREEN_FAMILIES, screen_record_id, split_sizes
from evaluation.generated.families import FAMILIES, load_family
from evaluation.generated.render import Renderer
from evaluation.generated.spans import Slots
from evaluation.generated.templates_tune import headers
from evaluation.generated.values import Values
from evaluation.scoring import ink


def test_the_headers_family_is_a_screens_only_family_with_a_seed_of_its_own():
    family = load_family("tune_headers")
    others = {load_family(name).seed for name in FAMILIES if name not in ("tune_headers", "test")}
    assert family.seed not in others and "tune_headers" in SCREEN_FAMILIES and split_sizes("tune_headers", False).text == 0
    assert family.opaque_ids and screen_record_id(family, 3).startswith("tune-")
    assert [r.name for r in family.screen_recipes if r.hard_negative] == ["app_menus"]


def test_chromium_draws_header_users_and_tiles_with_gold_boxes_over_ink_and_menus_with_none():
    rng = random.Random(5)
    with Renderer() as browser:
        png, boxes = browser.render(headers.chat_members(Slots(Values(rng)), rng, "dark"), 2)
        _, menu_boxes = browser.render(headers.app_menus(Slots(Values(rng)), rng, "light"), 1)
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    assert {box["label"] for box in boxes} >= {"PERSON", "USERNAME", "INITIALS"}
    assert {box["region"] for box in boxes} >= {"header", "sidebar", "body"}
    assert all(ink(pixels, box["box"]) is not None for box in boxes)
    assert menu_boxes == []
