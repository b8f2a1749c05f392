"""Tuning family for the category decision: a person's own tax and performance matters of kinds the
train and dev families do not hold (estimated payments, notices, audits, non-US tax authorities;
probation, capability and disciplinary processes, denied promotions, notes on a named employee),
and work about the same subjects (hard negatives). Scored by `python -m evaluation.tune_categories`;
never trained on: the training family phrases these matters its own way."""
from evaluation.generated.templates_tune.categories import CATEGORY_RECIPES

SEED = 20261206

__all__ = ["SEED", "CATEGORY_RECIPES"]
