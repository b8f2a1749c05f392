"""The held-out phrasings of the seventh screen tuning family (`tune_avatars_held`): the same
situations as templates_tune/avatars.py drawn another way, with other design systems' tiles, from
another seed; measured only at the end of a tuning round."""
from __future__ import annotations

from evaluation.generated.templates_tune.avatars import OPAQUE_IDS, PUBLIC_SHARE, TEXT_RECIPES, draw_look, recipes

SEED = 20270203
SCREEN_RECIPES = recipes(held=True)
__all__ = ["OPAQUE_IDS", "PUBLIC_SHARE", "SCREEN_RECIPES", "SEED", "TEXT_RECIPES", "draw_look"]
