"""`python -m evaluation.category_probe_catrec`: the category decision on the classes of a person's own performance or
tax matter the older probes lack (a manager's voice note on a report's rating, a self-review polished by an AI, a
promotion packet on screen, tax portals and payslips as OCR reads them) against talk about the process and software
(evaluation/category_probe_catrec_texts.py). Figures only, never a record's text.

Whole situations are held out: `--seed 1501` (tuning) scores half 0, `--seed 1509` (held out, measured once at the
end) half 1, recorded in the apps of category_probe_owned's halves.

    python -m evaluation.category_probe_catrec [--seed 1501|1509] [--by-situation] [--detail FILE]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from evaluation.category_probe import by_source
from evaluation.category_probe_catrec_texts import SITUATIONS
from evaluation.category_probe_owned import COPIES, make_record
from evaluation.generated.build import with_fixed_hash_seed
from evaluation.tune_categories import figures, predicted

TUNE_SEED, HELD_OUT_SEED = 1501, 1509


def probe_records(seed: int) -> tuple[list[dict], dict[str, tuple[str, bool]], dict[str, str]]:
    """The half `seed` draws: its records, their (category, hard negative) and situation:tool."""
    held = int(seed == HELD_OUT_SEED)
    rng = random.Random(seed)
    records, gold, where = [], {}, {}
    for category, situation, half, tool, texts in SITUATIONS:
        if half != held:
            continue
        for text in texts:
            for _ in range(COPIES):
                rid = f"catrec-{len(records):05d}"
                records.append(make_record(rid, tool, text, held, rng, len(records)))
                gold[rid], where[rid] = (category, category == "benign"), f"{situation}:{tool}"
    return records, gold, where


def main(argv: list[str] | None = None) -> int:
    """Scores the half at `--seed`; prints figures only (per situation with --by-situation)."""
    with_fixed_hash_seed("evaluation.category_probe_catrec", sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=TUNE_SEED, choices=(TUNE_SEED, HELD_OUT_SEED))
    parser.add_argument("--by-situation", action="store_true", help="also print figures per situation and tool")
    parser.add_argument("--detail", help="write each record's id, situation, gold and decided category here")
    args = parser.parse_args(argv)
    records, gold, where = probe_records(args.seed)
    decided = predicted(records)
    kinds = {record["record_id"]: record["kind"] for record in records}
    results = {f"catrec probe seed {args.seed}": figures(gold, decided, kinds)}
    if args.by_situation:
        results[f"catrec probe seed {args.seed}, by situation"] = by_source(gold, decided, where)
    for name, result in results.items():
        print(f"## {name}")
        for key, figure in result.items():
            print(f"  {key:<44} {figure['value']:.3f} [{figure['low']:.3f}, {figure['high']:.3f}] n={figure['n']}")
    if args.detail:
        Path(args.detail).write_text("".join(json.dumps({"id": rid, "where": where[rid], "gold": gold[rid][0],
                                                         "decided": decided[rid]}) + "\n" for rid in gold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
