"""The held-out drawings of the eleventh screen tuning family (`tune_badges_held`): the same situations
as templates_tune/badges.py drawn as other apps draw them, with other locales, from another seed;
measured only at the end of a tuning round."""
from __future__ import annotations

from evaluation.generated.templates_tune.badges import OPAQUE_IDS, PUBLIC_SHARE, TEXT_RECIPES, draw_look, recipes

SEED = 20270409
SCREEN_RECIPES = recipes(held=True)
__all__ = ["OPAQUE_IDS", "PUBLIC_SHARE", "SCREEN_RECIPES", "SEED", "TEXT_RECIPES", "draw_look"]
