"""`python -m evaluation.tune_categories`: the category decision on the tuning family
(evaluation/generated/templates_tune, each batch apart) and, with --corpora, on the hand-written development corpus
and the public labelled corpus: drop recall per category and false categories on ordinary work,
with 95% bootstrap intervals. In-process, through the same detection functions the pipeline runs.

The tuning family's misses are counted by recipe name (its own templates); the corpora are reported
in aggregate only, never record by record.

    python -m evaluation.tune_categories [--per-recipe N] [--batch NAME] [--corpora]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter

from evaluation.corpus import load_development, load_public
from evaluation.generated.build import with_fixed_hash_seed
from evaluation.generated.records import build_text_record
from evaluation.generated.spans import Slots
from evaluation.generated.templates_tune import BATCHES, SEED, SEEDS
from evaluation.generated.values import Values
from evaluation.handwritten import predicted_categories
from evaluation.scoring import bootstrap
from models.policy import CATEGORIES

PER_RECIPE = 40


def tuning_records(per_recipe: int, batch: str) -> tuple[list[dict], dict[str, tuple[str, str, bool]]]:
    """One batch of the tuning family's records, and each record's (recipe, category, hard negative) by id."""
    rng = random.Random(SEEDS.get(batch, SEED))
    slots = Slots(Values(rng))
    records, gold = [], {}
    for number, recipe in enumerate(BATCHES[batch]):
        for index in range(per_recipe):
            built = build_text_record(recipe, slots, rng, f"tune-{batch}-{number}-{index}", index)
            records.append(built.record)
            gold[built.record["record_id"]] = (recipe.name, recipe.category, recipe.hard_negative)
    return records, gold


def figures(gold: dict[str, tuple[str, bool]], predicted: dict[str, str | None]) -> dict:
    """Drop recall of each category (its records given any category, hence dropped), and false drops on
    ordinary work and on hard negatives, each with its interval."""
    result: dict = {}
    for category in CATEGORIES:
        hits = [float(predicted[rid] is not None) for rid, (label, _) in gold.items() if label == category]
        if hits:
            result[f"recall:{category}"] = bootstrap(hits, [1.0] * len(hits))
    for name, hard in (("false drops: ordinary", False), ("false drops: hard negatives", True)):
        drops = [float(predicted[rid] is not None) for rid, (label, h) in gold.items() if label == "benign" and h == hard]
        if drops:
            result[name] = bootstrap(drops, [1.0] * len(drops))
    return result


def _print(name: str, result: dict) -> None:
    print(f"## {name}")
    for key, figure in result.items():
        print(f"  {key:<30} {figure['value']:.3f} [{figure['low']:.3f}, {figure['high']:.3f}] n={figure['n']}")


def main(argv: list[str] | None = None) -> int:
    """Scores the tuning family (and the corpora with --corpora); prints figures, and misses by recipe."""
    with_fixed_hash_seed("evaluation.tune_categories", sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-recipe", type=int, default=PER_RECIPE)
    parser.add_argument("--batch", choices=sorted(BATCHES), action="append",
                        help="a batch of the tuning family (repeatable; every batch when not given)")
    parser.add_argument("--corpora", action="store_true", help="also the hand-written and public corpora")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args(argv)
    results, wrong = {}, Counter()
    for batch in args.batch or sorted(BATCHES):
        records, gold = tuning_records(args.per_recipe, batch)
        predicted = predicted_categories(records)
        results[f"tuning family: {batch}"] = figures({rid: (c, h) for rid, (_, c, h) in gold.items()}, predicted)
        wrong.update(recipe for rid, (recipe, category, _) in gold.items() if (predicted[rid] or "benign") != category)
    if args.corpora:
        for name, load in (("development corpus", load_development), ("public corpus", load_public)):
            corpus, golds = load()
            if corpus:
                results[name] = figures({g.record_id: (g.category, False) for g in golds}, predicted_categories(corpus))
    for name, result in results.items():
        _print(name, result)
    print("## tuning family, wrong decisions by recipe")
    for recipe, count in sorted(wrong.items()):
        print(f"  {recipe:<34} {count}/{args.per_recipe}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as stream:
            json.dump(results, stream, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
