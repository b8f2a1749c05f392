"""Test family: generated from its own seed and templates; read only in aggregate, never record by record."""
from evaluation.generated.templates_test.screens import SCREEN_RECIPES
from evaluation.generated.templates_test.text import TEXT_RECIPES

SEED = 7_340_611
# Which third of the public data (shared/data) this family takes: 0 dev, 1 test, 2 left for training.
PUBLIC_SHARE = 1

__all__ = ["SEED", "PUBLIC_SHARE", "TEXT_RECIPES", "SCREEN_RECIPES"]
