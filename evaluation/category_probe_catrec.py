"""`python -m evaluation.category_probe_catrec`: the category decision on the classes of a person's own performance or
tax matter the older probes lack (a manager's voice note on a report's rating, a self-review polished by an AI, a
promotion packet on screen, tax portals and payslips as OCR reads them) against talk about the process and software
(evaluation/category_probe_catrec_texts.py). Figures only, never a record's text.

Whole situations are held out: `--seed 1501` (tuning) scores half 0, `--seed 1509` (held out, measured once at the
end) half 1, recorded in the apps of category_probe_owned's halves.

    python -m evaluation.category_probe_catrec [--seed 1501|1509] [--by-situation] [--json FILE] [--detail FILE]
"""
from __future__ import annotations

import sys

from evaluation.category_probe_catrec_texts import SITUATIONS
from evaluation.category_probe_owned import run_probe, situation_records

TUNE_SEED, HELD_OUT_SEED = 1501, 1509


def probe_records(seed: int) -> tuple[list[dict], dict[str, tuple[str, bool]], dict[str, str]]:
    """The half `seed` draws: its records, their (category, hard negative) and situation:tool."""
    return situation_records(SITUATIONS, "catrec", seed, HELD_OUT_SEED)


def main(argv: list[str] | None = None) -> int:
    """Scores the half at `--seed`; prints figures only (per situation with --by-situation)."""
    return run_probe("evaluation.category_probe_catrec", __doc__, "catrec", probe_records, (TUNE_SEED, HELD_OUT_SEED),
                     argv)

if __name__ == "__main__":
    sys.exit(main())
