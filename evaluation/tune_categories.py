"""`python -m evaluation.tune_categories`: the category decision on the tuning family
(evaluation/generated/templates_tune, each batch apart) and, with --corpora, on the hand-written development corpus
and the public labelled corpus: drop recall per category and false categories on ordinary work,
with 95% bootstrap intervals. In-process, through the same detection functions the pipeline runs.

The tuning family's misses are counted by recipe name (its own templates); the corpora are reported
in aggregate only, never record by record.

    python -m evaluation.tune_categories [--per-recipe N] [--batch NAME] [--corpora] [--seed N]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter

from evaluation.corpus import load_development, load_public
from evaluation.generated.build import with_fixed_hash_seed
from evaluation.generated.records import base_record, build_text_record
from evaluation.generated.spans import Slots
from evaluation.generated.templates_tune import BATCHES, SCRIPTED, SEED, SEEDS
from evaluation.generated.templates_tune.talked import ScreenText, Script, ocr_noise, spoken_or_written
from evaluation.generated.values import Values
from evaluation.handwritten import predicted_categories
from evaluation.scoring import bootstrap
from models.detection import detect
from models.engine import build_detector, settings_for_policy
from models.parse import parse_line
from models.policy import CATEGORIES, DEFAULT_POLICY, load_policy
from models.records import OcrWord, PreparedRecord
from models.text_views import text_fields

PER_RECIPE = 40


def tuning_records(per_recipe: int, batch: str, seed: int | None = None) -> tuple[list[dict], dict[str, tuple[str, str, bool]]]:
    """One batch of the tuning family's records, and each record's (recipe, category, hard negative) by id;
    `seed` draws them apart from the batch's own seed (a held-out draw of the same templates)."""
    rng = random.Random(SEEDS.get(batch, SEED) if seed is None else seed)
    slots = Slots(Values(rng))
    records, gold = [], {}
    for number, recipe in enumerate(BATCHES[batch]):
        for index in range(per_recipe):
            built = build_text_record(recipe, slots, rng, f"tune-{batch}-{number}-{index}", index)
            records.append(built.record)
            gold[built.record["record_id"]] = (recipe.name, recipe.category, recipe.hard_negative)
    for number, recipe in enumerate(SCRIPTED.get(batch, ()), start=len(BATCHES[batch])):
        build = scripted_record if isinstance(recipe, Script) else screen_record
        for index in range(per_recipe):
            record = build(recipe, Slots(Values(rng)), rng, f"tune-{batch}-{number}-{index}", index)
            records.append(record)
            gold[record["record_id"]] = (recipe.name, recipe.category, recipe.hard_negative)
    return records, gold


def scripted_record(recipe: Script, slots: Slots, rng: random.Random, record_id: str, index: int) -> dict:
    """A transcript whose turns follow one dialogue of `recipe`, each labelled as the recipe's tool labels speakers."""
    app, title, url = (slots.fill(t).text for t in rng.choice(recipe.contexts))
    record = base_record(record_id, "transcript", index, app, title, url)
    record["source"] = recipe.source
    turns = rng.choice(recipe.dialogues)
    label = rng.choice(recipe.labels) if recipe.labels else "{p{n}.full}"
    record["segments"] = [{"speaker": slots.fill(label.replace("{n}", str(speaker))).text, "start": float(i * 5),
                           "end": float(i * 5 + 4), "text": slots.fill(spoken_or_written(said, rng)).text}
                          for i, (speaker, said) in enumerate(turns)]
    return record


def screen_record(recipe: ScreenText, slots: Slots, rng: random.Random, record_id: str, index: int) -> dict:
    """A screenshot record without an image, its OCR words (what the category step reads) under `ocr_words`."""
    app, title, url = (slots.fill(t).text for t in rng.choice(recipe.contexts))
    record = base_record(record_id, "screenshot", index, app, title, url)
    record["image_b64"] = "AA=="
    record["ocr_words"] = ocr_words((recipe.noise or ocr_noise)(slots.fill(rng.choice(recipe.screens)).text, rng))
    return record


def ocr_words(text: str) -> list[OcrWord]:
    """Words with boxes as Tesseract gives them for `text`, a line per line of it."""
    words, start = [], 0
    for line_number, line in enumerate(text.split("\n")):
        left = 12
        for word in line.split():
            words.append(OcrWord(word, left, 20 + 22 * line_number, 9 * len(word), 16, start, line_number, 91.0))
            start += len(word) + 1
            left += 9 * len(word) + 8
    return words


def predicted(records: list[dict]) -> dict[str, str | None]:
    """Each record's category: text records as the pipeline decides them, screens from their OCR words."""
    screens = [r for r in records if "ocr_words" in r]
    result = predicted_categories([r for r in records if "ocr_words" not in r])
    if screens:
        settings = settings_for_policy(load_policy(DEFAULT_POLICY))
        detector = build_detector(settings)
        for raw in screens:
            words = tuple(raw["ocr_words"])
            record = parse_line(json.dumps({k: v for k, v in raw.items() if k != "ocr_words"}).encode(), "tune.jsonl")
            prepared = PreparedRecord(record, text_fields(record, words), b"", words)
            result[record.record_id] = detect(detector, prepared, settings).category
    return result


def figures(gold: dict[str, tuple[str, bool]], predicted: dict[str, str | None],
            kinds: dict[str, str] | None = None) -> dict:
    """Drop recall of each category (its records given any category, hence dropped), and false drops on
    ordinary work and on hard negatives, each with its interval; with `kinds`, also per record kind."""
    result: dict = {}
    for category in CATEGORIES:
        hits = [float(predicted[rid] is not None) for rid, (label, _) in gold.items() if label == category]
        if hits:
            result[f"recall:{category}"] = bootstrap(hits, [1.0] * len(hits))
        for kind in sorted(set((kinds or {}).values())):
            hits = [float(predicted[rid] is not None) for rid, (label, _) in gold.items()
                    if label == category and kinds[rid] == kind]
            if hits:
                result[f"recall:{category}:{kind}"] = bootstrap(hits, [1.0] * len(hits))
    for name, hard in (("false drops: ordinary", False), ("false drops: hard negatives", True)):
        drops = [float(predicted[rid] is not None) for rid, (label, h) in gold.items() if label == "benign" and h == hard]
        if drops:
            result[name] = bootstrap(drops, [1.0] * len(drops))
        for kind in sorted(set((kinds or {}).values())):
            drops = [float(predicted[rid] is not None) for rid, (label, h) in gold.items()
                     if label == "benign" and h == hard and kinds[rid] == kind]
            if drops:
                result[f"{name}:{kind}"] = bootstrap(drops, [1.0] * len(drops))
    return result


def _print(name: str, result: dict) -> None:
    print(f"## {name}")
    for key, figure in result.items():
        print(f"  {key:<44} {figure['value']:.3f} [{figure['low']:.3f}, {figure['high']:.3f}] n={figure['n']}")


def main(argv: list[str] | None = None) -> int:
    """Scores the tuning family (and the corpora with --corpora); prints figures, and misses by recipe."""
    with_fixed_hash_seed("evaluation.tune_categories", sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-recipe", type=int, default=PER_RECIPE)
    parser.add_argument("--batch", choices=sorted(BATCHES), action="append",
                        help="a batch of the tuning family (repeatable; every batch when not given)")
    parser.add_argument("--corpora", action="store_true", help="also the hand-written and public corpora")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--seed", type=int, help="draw every batch with this seed instead of its own (held-out draw)")
    args = parser.parse_args(argv)
    results, wrong = {}, Counter()
    for batch in args.batch or sorted(BATCHES):
        records, gold = tuning_records(args.per_recipe, batch, args.seed)
        decided = predicted(records)
        kinds = {record["record_id"]: record["kind"] for record in records}
        results[f"tuning family: {batch}"] = figures({rid: (c, h) for rid, (_, c, h) in gold.items()}, decided, kinds)
        wrong.update(recipe for rid, (recipe, category, _) in gold.items() if (decided[rid] or "benign") != category)
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
