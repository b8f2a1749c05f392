"""The sixth screen tuning family (`tune_shells`, held-out seed `tune_shells_held`): registered as
screens-only families with opaque ids and seeds of their own; Chromium draws its call panels with gold
boxes over drawn text, names in other scripts included, and its settings page with none."""
from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image

from evaluation.generated.build import SCREEN_FAMILIES, screen_record_id, split_sizes
from evaluation.generated.families import FAMILIES, load_family
from evaluation.generated.render import Renderer
from evaluation.generated.spans import Slots
from evaluation.generated.templates_tune import shells
from evaluation.generated.values import Values
from evaluation.scoring import ink


def test_the_shells_families_are_screens_only_with_seeds_of_their_own_and_the_same_recipes():
    tune, held = load_family("tune_shells"), load_family("tune_shells_held")
    others = {load_family(name).seed for name in FAMILIES if name not in ("tune_shells", "tune_shells_held", "test")}
    assert tune.seed != held.seed and not {tune.seed, held.seed} & others
    assert {"tune_shells", "tune_shells_held"} <= set(SCREEN_FAMILIES) and split_sizes("tune_shells_held", False).text == 0
    assert tune.screen_recipes == held.screen_recipes and held.opaque_ids
    assert screen_record_id(held, 3).startswith("tune-")
    assert [r.name for r in tune.screen_recipes if r.hard_negative] == ["settings"]


def test_chromium_draws_call_panels_with_gold_over_ink_and_settings_with_none():
    rng = random.Random(7)
    with Renderer() as browser:
        png, boxes = browser.render(shells.call_panel(Slots(Values(rng)), rng, "dark"), 2)
        _, none = browser.render(shells.settings(Slots(Values(rng)), rng, "light"), 1)
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    assert {box["label"] for box in boxes} == {"PERSON", "INITIALS"}
    assert all(ink(pixels, box["box"]) is not None for box in boxes)
    assert none == []


def test_every_screen_tuning_family_has_a_seed_of_its_own():
    seeds = [load_family(name).seed for name in SCREEN_FAMILIES if name != "test"]
    assert len(seeds) == len(set(seeds))
