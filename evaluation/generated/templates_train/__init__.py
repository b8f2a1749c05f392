"""Training family: text records for fitting models (the NER of `make train-ner`), written apart from
the dev and test families; it has no screens."""
from evaluation.generated.templates_train.text import TEXT_RECIPES

SEED = 55190427
# Which third of the public data (shared/data) this family takes: 0 dev, 1 test, 2 training.
PUBLIC_SHARE = 2
SCREEN_RECIPES = ()

__all__ = ["SEED", "PUBLIC_SHARE", "TEXT_RECIPES", "SCREEN_RECIPES"]
