"""Development family: the split to tune detectors against (its failures may be read one by one)."""
from evaluation.generated.templates_dev.screens import SCREEN_RECIPES
from evaluation.generated.templates_dev.text import TEXT_RECIPES

SEED = 20261201
# Which third of the public data (shared/data) this family takes: 0 dev, 1 test, 2 left for training.
PUBLIC_SHARE = 0

__all__ = ["SEED", "PUBLIC_SHARE", "TEXT_RECIPES", "SCREEN_RECIPES"]
