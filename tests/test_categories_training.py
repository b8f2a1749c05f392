"""The category classifier's training text from the training template family: every label, own
matters and hard negatives, reproducible, the record's context left out, apart from dev and test."""
from __future__ import annotations

import random
import re

from evaluation.generated.families import FAMILIES, load_family
from evaluation.generated.templates_train.categories import CATEGORY_RECIPES
from evaluation.generated.templates_tune import BATCHES, CATEGORY_RECIPES as TUNING, SCRIPTED
from evaluation.train_textcat import (
    LABELS,
    TEMPLATE_FILES,
    TEMPLATES,
    TRAINING_SHARE,
    expand_templates,
    family_examples,
)


def test_category_recipes_give_every_category_own_matters_and_work_about_it_hard_negatives():
    by_category = {recipe.category for recipe in CATEGORY_RECIPES if not recipe.hard_negative}
    assert by_category == set(LABELS) - {"benign"}
    assert sum(recipe.hard_negative and recipe.category == "benign" for recipe in CATEGORY_RECIPES) >= 10


def test_family_examples_are_reproducible_and_leave_out_app_title_and_url():
    first, second = family_examples(7), family_examples(7)
    assert first == second and all(first[label] for label in LABELS)
    apps = {app for recipe in CATEGORY_RECIPES for app, _, _ in recipe.contexts}
    assert not any(line in apps for texts in first.values() for text in texts for line in text.splitlines())


def test_only_the_training_familys_third_of_the_public_data_is_trained_on():
    shares = [load_family(name).public_share for name in FAMILIES]
    drawn = [share for share in shares if share is not None]
    assert TRAINING_SHARE == load_family("train").public_share and len(set(drawn)) == len(drawn)
    assert load_family("tune").public_share is None  # screens only: never the test split's third


def test_the_tuning_family_is_kept_apart_from_the_training_familys_text():
    trained = {line for recipe in CATEGORY_RECIPES for line in recipe.lines}
    assert not trained & {line for recipe in TUNING for line in recipe.lines}
    assert {r.category for r in BATCHES["notices_hr"] if not r.hard_negative} == {"tax", "performance"}
    assert {r.category for r in BATCHES["registers"] if not r.hard_negative} == set(LABELS)
    assert all(r.category == "benign" for r in TUNING if r.hard_negative)
    names = [r.name for r in TUNING]
    assert len(names) == len(set(names))
    first, second, third = ({line for r in BATCHES[name] for line in r.lines} for name in ("notices_hr", "registers", "desk"))
    assert not first & second and not (first | second) & third
    assert {r.category for r in BATCHES["desk"]} == set(LABELS)


def test_a_batch_with_a_seed_of_its_own_draws_its_records_with_it():
    from evaluation.generated.templates_tune import SEED, SEEDS
    from evaluation.tune_categories import tuning_records
    assert SEEDS["desk"] != SEED
    first, second = tuning_records(2, "desk"), tuning_records(2, "desk")
    assert first == second and len(first[0]) == 2 * len(BATCHES["desk"])


def test_tuning_figures_count_any_category_as_a_drop_and_split_false_drops_by_hard_negative():
    from evaluation.tune_categories import figures
    gold = {"a": ("tax", False), "b": ("tax", False), "c": ("benign", True), "d": ("benign", False)}
    result = figures(gold, {"a": "performance", "b": None, "c": "tax", "d": None})
    assert result["recall:tax"]["value"] == 0.5 and result["recall:tax"]["n"] == 2
    assert result["false drops: hard negatives"]["value"] == 1.0 and result["false drops: ordinary"]["value"] == 0.0


def test_every_label_has_template_text_and_a_literal_newline_in_a_template_breaks_the_line():
    for label in LABELS:
        assert expand_templates(f"{TEMPLATE_FILES.get(label, label)}.txt", random.Random(1))
    assert any("\n" in text for text in expand_templates("medical.txt", random.Random(1)))


def test_the_tuning_family_shares_no_line_with_the_training_templates():
    def shape(line: str) -> str:
        return re.sub(r"\{[\w.]+\}", "{}", line.replace("\\n", "\n")).lower()

    templates = {shape(line) for path in TEMPLATES.glob("*.txt") for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")}
    tuning = {shape(part) for recipe in TUNING for line in recipe.lines for part in [line, *line.split("\n")]}
    tuning |= {shape(said) for recipes in SCRIPTED.values() for recipe in recipes for lines in getattr(recipe, "dialogues", ())
               for _, said in lines}
    assert len(templates) > 200 and not templates & tuning


def test_the_talked_batch_builds_scripted_turns_and_screens_as_ocr_words_and_figures_split_by_kind():
    from evaluation.tune_categories import figures, tuning_records
    records, gold = tuning_records(2, "talked")
    assert len(records) == 2 * (len(BATCHES["talked"]) + len(SCRIPTED["talked"]))
    screens = [r for r in records if r["kind"] == "screenshot"]
    assert screens and all(r["ocr_words"] for r in screens)
    assert {gold[r["record_id"]][1] for r in screens} == {"tax", "benign"}
    turns = [r for r in records if r["kind"] == "transcript"]
    assert all(len(r["segments"]) >= 3 and r["segments"][0]["speaker"] for r in turns)
    kinds = {"a": "screenshot", "b": "transcript"}
    result = figures({"a": ("tax", False), "b": ("tax", False)}, {"a": "tax", "b": None}, kinds)
    assert result["recall:tax:screenshot"]["value"] == 1.0 and result["recall:tax:transcript"]["value"] == 0.0
