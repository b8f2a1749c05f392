"""Generates one split from one template family into a directory: input records, screens, gold.

    python -m evaluation.generated.build --family dev --out out/eval/dev [--quick]

Layout: OUT/input/records.jsonl (contract records; screens by `image_uri`), OUT/input/screens/*.png,
OUT/gold.jsonl (one entry per record, never read by the pipeline), OUT/split.json (sizes, hash).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import time_machine

from evaluation.generated.families import Family, load_family
from evaluation.generated.public import public_records
from evaluation.generated.records import Built, TextRecipe, base_record, build_text_record, gold_entry
from evaluation.generated.render import Renderer
from evaluation.generated.spans import Slots
from evaluation.generated.values import Values


@dataclass(frozen=True)
class Sizes:
    """How many records of each source a split gets."""

    text: int
    screens: int
    public: dict

    @property
    def name(self) -> str:
        """A short tag for reports."""
        return f"{self.text} text + {sum(self.public.values())} public (max) + {self.screens} screens"


# Faker builds some value lists from sets (it_IT's cities), whose order follows string hashing,
# which Python randomizes per process: generation runs with this hash seed to be reproducible.
HASH_SEED = "0"
# Faker counts some values from today (dates within a year, the birthdays inside several locales'
# national ids): values are drawn as on this day, so a split is the same whichever day it is built.
REFERENCE_DAY = datetime(2026, 12, 7, 12, 0, tzinfo=timezone.utc)
FULL = Sizes(1100, 160, {"irc": 120, "clinical": 60, "presidio": 160})
QUICK = Sizes(120, 14, {"irc": 12, "clinical": 6, "presidio": 16})
# The screen tuning families (templates_tune/screens.py, apps.py, body.py, secrets.py, headers.py, shells.py): screens only.
TUNE_SCREENS = Sizes(0, 80, {})
TUNE_SCREENS_QUICK = Sizes(0, 20, {})
SCREEN_FAMILIES = ("tune", "tune_apps", "tune_body", "tune_secrets", "tune_headers", "tune_shells", "tune_shells_held",
                   "tune_avatars", "tune_avatars_held", "tune_scripts", "tune_scripts_held",
                   "tune_placed", "tune_placed_held", "tune_initials", "tune_initials_held",
                   "tune_badges", "tune_badges_held")


def split_sizes(family: str, quick: bool) -> Sizes:
    """The sizes of a family's split: a screen tuning family holds screens only."""
    if family in SCREEN_FAMILIES:
        return TUNE_SCREENS_QUICK if quick else TUNE_SCREENS
    return QUICK if quick else FULL


def generate_split(family: Family, out: Path, sizes: Sizes, renderer: Renderer | None = None) -> dict:
    """Writes the split under `out` and returns its description (counts and content hash)."""
    rng = random.Random(family.seed)
    values = Values(rng)
    with on_reference_day():
        built = [text_record(family, values, rng, i) for i in range(sizes.text)] if family.text_recipes else []
        if family.public_share is not None:
            built += public_records(family.public_share, f"{family.name}-pub", sizes.public, rng)
    screens_dir = out / "input" / "screens"
    screens_dir.mkdir(parents=True, exist_ok=True)
    if sizes.screens:
        with (renderer or Renderer()) as browser:
            built += [screen_record(family, values, rng, browser, i, screens_dir) for i in range(sizes.screens)]
    records = "".join(json.dumps(b.record, ensure_ascii=False, sort_keys=True) + "\n" for b in built)
    gold = "".join(json.dumps(b.gold, ensure_ascii=False, sort_keys=True) + "\n" for b in built)
    (out / "input" / "records.jsonl").write_text(records, encoding="utf-8")
    (out / "gold.jsonl").write_text(gold, encoding="utf-8")
    info = {"family": family.name, "seed": family.seed, "records": len(built), "sizes": sizes.name,
            "python_hash_seed": os.environ.get("PYTHONHASHSEED"), "sha256": split_hash(out)}
    (out / "split.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


@contextmanager
def on_reference_day() -> Iterator[None]:
    """Clocks read REFERENCE_DAY while values are drawn; never around the browser, whose waits need time."""
    with time_machine.travel(REFERENCE_DAY, tick=False):
        yield


def text_record(family: Family, values: Values, rng: random.Random, index: int) -> Built:
    """One text record from a recipe of the family drawn by weight."""
    recipe: TextRecipe = rng.choices(family.text_recipes, weights=[r.weight for r in family.text_recipes])[0]
    return build_text_record(recipe, Slots(values), rng, f"{family.name}-t{index:05d}", index)


def screen_record(family: Family, values: Values, rng: random.Random, browser: Renderer, index: int,
                  screens_dir: Path) -> Built:
    """One screen: the recipes in turn, a random theme and scale, rendered; gold boxes in device pixels."""
    recipe = family.screen_recipes[index % len(family.screen_recipes)]
    if family.draw_look:
        theme, scale = family.draw_look(rng)
    else:
        theme = "dark" if rng.random() < 0.35 else "light"
        scale = 2 if rng.random() < 0.3 else 1
    with on_reference_day():
        screen = recipe.build(Slots(values), rng, theme)
    png, boxes = browser.render(screen, scale)
    record_id = screen_record_id(family, index)
    (screens_dir / f"{record_id}.png").write_bytes(png)
    record = base_record(record_id, "screenshot", index, screen.app, screen.title, screen.url)
    record["image_uri"] = f"screens/{record_id}.png"
    spans = [{"field": "image", "label": b["label"], "value": b["value"], "region": b["region"], "box": b["box"]}
             for b in boxes]
    gold = gold_entry(record_id, recipe.name, "screenshot", recipe.category, recipe.hard_negative, spans, {})
    gold.update({"app_kind": recipe.app_kind, "theme": theme, "scale": scale})
    return Built(record, gold)


def screen_record_id(family: Family, index: int) -> str:
    """`dev-s0004`, or for a family with opaque ids `tune-` and a digest: the pipeline writes an id
    as given only when its prefix is a short word (models/record_ids.py), so not `tune_body-`."""
    record_id = f"{family.name}-s{index:04d}"
    if not family.opaque_ids:
        return record_id
    return f"{family.name.split('_')[0]}-{hashlib.sha256(record_id.encode()).hexdigest()[:16]}"


def split_hash(out: Path) -> str:
    """sha256 over the split's canonical JSONL (records, gold) and its PNGs in name order."""
    digest = hashlib.sha256()
    for path in [out / "input" / "records.jsonl", out / "gold.jsonl",
                 *sorted((out / "input" / "screens").glob("*.png"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def with_fixed_hash_seed(module: str, argv: list[str]) -> None:
    """Run `python -m module argv` again in place of this process unless PYTHONHASHSEED is HASH_SEED."""
    if os.environ.get("PYTHONHASHSEED") != HASH_SEED:
        sys.stdout.flush()
        os.execve(sys.executable, [sys.executable, "-m", module, *argv], {**os.environ, "PYTHONHASHSEED": HASH_SEED})


def main(argv: list[str] | None = None) -> int:
    """Writes one family's split (records, gold, screens) to a directory."""
    with_fixed_hash_seed("evaluation.generated.build", sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--family", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--quick", action="store_true", help="a small split for development")
    args = parser.parse_args(argv)
    info = generate_split(load_family(args.family), Path(args.out), split_sizes(args.family, args.quick))
    print(json.dumps(info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
