"""The held-out seed of the sixth screen tuning family (`tune_shells_held`): the recipes of
templates_tune/shells.py drawn from another seed, measured only at the end of a tuning round."""
from __future__ import annotations

from evaluation.generated.templates_tune.shells import OPAQUE_IDS, PUBLIC_SHARE, SCREEN_RECIPES, TEXT_RECIPES, draw_look

SEED = 20270117
__all__ = ["OPAQUE_IDS", "PUBLIC_SHARE", "SCREEN_RECIPES", "SEED", "TEXT_RECIPES", "draw_look"]
