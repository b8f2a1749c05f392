"""`python -m evaluation.category_probe_plain`: the category decision on a specific person's performance said in plain
words (no review vocabulary) and on tax portals and notices of many countries read by OCR with no IBAN, against the
same plain words about projects, vendors and builds and the screens of tax-software builders
(evaluation/category_probe_plain_texts.py). Figures only, never a record's text.

Whole situations are held out: `--seed 1601` (tuning) scores half 0, `--seed 1609` (held out, other situations,
countries and phrasings, measured once at the end) half 1, recorded in the apps of category_probe_owned's halves.

    python -m evaluation.category_probe_plain [--seed 1601|1609] [--by-situation] [--json FILE] [--detail FILE]
"""
from __future__ import annotations

import sys

from evaluation.category_probe_owned import run_probe, situation_records
from evaluation.category_probe_plain_texts import SITUATIONS

TUNE_SEED, HELD_OUT_SEED = 1601, 1609


def probe_records(seed: int) -> tuple[list[dict], dict[str, tuple[str, bool]], dict[str, str]]:
    """The half `seed` draws: its records, their (category, hard negative) and situation:tool."""
    return situation_records(SITUATIONS, "plain", seed, HELD_OUT_SEED)


def main(argv: list[str] | None = None) -> int:
    """Scores the half at `--seed`; prints figures only (per situation with --by-situation)."""
    return run_probe("evaluation.category_probe_plain", __doc__, "plain", probe_records, (TUNE_SEED, HELD_OUT_SEED),
                     argv)

if __name__ == "__main__":
    sys.exit(main())
