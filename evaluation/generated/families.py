"""Template families by name: each a package with its own seed, text recipes and screen recipes.

A new family (say, one that generates training data for a NER model) is a new package and one
line here; it never touches another family's templates.
"""
from __future__ import annotations

import importlib
import random
from dataclasses import dataclass
from typing import Callable

from evaluation.generated.records import ScreenRecipe, TextRecipe
from evaluation.generated.spans import PERSON_FORMS, VALUE_SLOTS, slot_names

FAMILIES = {"dev": "evaluation.generated.templates_dev", "test": "evaluation.generated.templates_test",
            "train": "evaluation.generated.templates_train", "tune": "evaluation.generated.templates_tune.screens",
            "tune_apps": "evaluation.generated.templates_tune.apps", "tune_body": "evaluation.generated.templates_tune.body",
            "tune_secrets": "evaluation.generated.templates_tune.secrets",
            "tune_headers": "evaluation.generated.templates_tune.headers",
            "tune_shells": "evaluation.generated.templates_tune.shells",
            "tune_shells_held": "evaluation.generated.templates_tune.shells_held",
            "tune_avatars": "evaluation.generated.templates_tune.avatars",
            "tune_avatars_held": "evaluation.generated.templates_tune.avatars_held",
            "tune_scripts": "evaluation.generated.templates_tune.scripts",
            "tune_scripts_held": "evaluation.generated.templates_tune.scripts_held",
            "tune_placed": "evaluation.generated.templates_tune.placed",
            "tune_placed_held": "evaluation.generated.templates_tune.placed_held",
            "tune_initials": "evaluation.generated.templates_tune.initials",
            "tune_initials_held": "evaluation.generated.templates_tune.initials_held",
            "tune_badges": "evaluation.generated.templates_tune.badges",
            "tune_badges_held": "evaluation.generated.templates_tune.badges_held"}


@dataclass(frozen=True)
class Family:
    """A family's seed, its share of the public data, and its recipes."""

    name: str
    seed: int
    # Which third of the public data the family draws (None: a screens-only family draws none).
    public_share: int | None
    text_recipes: tuple[TextRecipe, ...]
    screen_recipes: tuple[ScreenRecipe, ...]
    # (theme, device scale) of one screen; None keeps the default draw (35% dark, 30% at 2x).
    draw_look: Callable[[random.Random], tuple[str, int]] | None = None
    # Screen ids as opaque digests ("tune-3f2a..."), which the pipeline writes as given: a readable id
    # may be pseudonymised when a fragment of a masked value occurs in it, and then cannot be scored.
    opaque_ids: bool = False


class FamilyError(ValueError):
    """A family's templates use a slot nobody draws, or the family is unknown."""


def load_family(name: str) -> Family:
    """The family `name`, its text templates checked for unknown slots."""
    if name not in FAMILIES:
        raise FamilyError(f"unknown template family {name!r} (known: {sorted(FAMILIES)})")
    module = importlib.import_module(FAMILIES[name])
    family = Family(name, module.SEED, module.PUBLIC_SHARE, module.TEXT_RECIPES, module.SCREEN_RECIPES,
                    getattr(module, "draw_look", None), getattr(module, "OPAQUE_IDS", False))
    for recipe in family.text_recipes:
        for template in text_templates(recipe):
            for slot in slot_names(template):
                if not _known(slot):
                    raise FamilyError(f"family {name}, recipe {recipe.name}: unknown slot {{{slot}}}")
    return family


def text_templates(recipe: TextRecipe) -> list[str]:
    """Every template string of a text recipe (contexts and lines)."""
    return [t for context in recipe.contexts for t in context if t] + list(recipe.lines)


def _known(slot: str) -> bool:
    if "." in slot:
        key, form = slot.split(".", 1)
        return key.startswith("p") and key[1:].isdigit() and form in PERSON_FORMS
    return slot == "domain" or slot in VALUE_SLOTS
