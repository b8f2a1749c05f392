"""`python -m evaluation.category_probe_work`: the category decision on what engineers of payroll, HR, tax and
health products type and say (hard negatives: code, SQL, commits, tickets, reviews, on-call chat, planning
calls, specs, HL7/FHIR) and on a person's own matter told in the same tools (evaluation/category_probe_work_texts.py).
Figures only, never a record's text.

Whole registers and tools are held out: `--seed 1201` (tuning) scores the registers not in HELD_REGISTERS,
written in the tuning tools; `--seed 1213` (held out, measured once at the end) scores the held-out registers
in other tools.

    python -m evaluation.category_probe_work [--seed 1201|1213] [--json FILE] [--detail FILE]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from evaluation.category_probe import by_source
from evaluation.category_probe_work_texts import WORK
from evaluation.generated.build import with_fixed_hash_seed
from evaluation.generated.records import base_record
from evaluation.tune_categories import figures, ocr_words, predicted
from sample.generate import keys

TUNE_SEED, HELD_OUT_SEED = 1201, 1213
HELD_REGISTERS = frozenset({"test", "review_comment", "release_notes", "support_macro", "es_work", "pt_work",
                            "dm_terse", "formal_letter", "voice_call", "es_own", "pt_own"})
COPIES = 3
NAMES = ("Priya Raman", "Jonas Becker", "Lucía Fernández", "Tomasz Nowak", "Aiko Tanaka", "Kwame Mensah")
# (app, window title, url) of each tool, per half (0 tuning, 1 held out).
TOOLS: dict[tuple[str, int], tuple[tuple[str, str, str], ...]] = {
    ("code", 0): (("Visual Studio Code", "withholding.py - payroll-engine - Visual Studio Code", ""),
                  ("iTerm2", "zsh - ~/src/hr-platform", "")),
    ("code", 1): (("IntelliJ IDEA", "hr-platform - ReviewService.java", ""), ("Terminal", "bash - ehr-sync - 120x40", "")),
    ("ticket", 0): (("Google Chrome", "PAY-4412 Withholding rounding - Jira", "https://acme.atlassian.net/browse/PAY-4412"),),
    ("ticket", 1): (("Firefox", "Fix review export by mkaur - Pull Request #812 - acme/hr-platform - GitHub",
                     "https://github.com/acme/hr-platform/pull/812"),
                    ("Google Chrome", "HR-311 Leave accrual - Linear", "https://linear.app/acme/issue/HR-311")),
    ("msg", 0): (("Slack", "Slack | {n} | Acme", ""),),
    ("msg", 1): (("Microsoft Teams", "Chat | {n} | Microsoft Teams", ""),),
    ("doc", 0): (("Google Chrome", "Untitled document - Google Docs", "https://docs.google.com/document/d/1x/edit"),),
    ("doc", 1): (("Microsoft Outlook", "Untitled - Message (HTML)", ""), ("Notion", "Notes - Notion", "")),
    ("search", 0): (("Google Chrome", "New Tab", ""),),
    ("search", 1): (("Microsoft Edge", "New tab - Microsoft Edge", ""),),
    ("chat", 0): (("Slack", "Slack | {n} | Acme", ""),),
    ("chat", 1): (("Microsoft Teams", "Chat | {n} | Microsoft Teams", ""), ("Google Chrome", "Google Chat", "https://chat.google.com/dm/x")),
    ("voice", 0): (("Zoom", "Zoom Meeting", ""),),
    ("voice", 1): (("Google Chrome", "Meet - abc-defg-hij", "https://meet.google.com/abc-defg-hij"),
                   ("Microsoft Teams", "Meeting with {n} | Microsoft Teams", "")),
    ("screen", 0): (("Google Chrome", "", ""),),
    ("screen", 1): (("Microsoft Edge", "", ""), ("Firefox", "", "")),
}


def make_record(record_id: str, tool: str, text: str, held: int, rng: random.Random, index: int) -> dict:
    """One contract record saying `text` as `tool` records it, in one of the half's apps."""
    name = rng.choice(NAMES)
    text = text.replace("{n}", name.split()[0])
    app, title, url = rng.choice(TOOLS[(tool, held)])
    title = title.replace("{n}", name)
    if tool == "screen":
        title, _, lines = text.partition(" || ")
        record = base_record(record_id, "screenshot", index, app, f"{title} - {app}", url)
        record["image_b64"] = "AA=="
        record["ocr_words"] = ocr_words("\n".join([title] + lines.split(" / ")))
        return record
    if tool in ("chat", "voice"):
        record = base_record(record_id, "transcript", index, app, title, url)
        record["source"] = tool
        speakers = (name, rng.choice([n for n in NAMES if n != name]))
        record["segments"] = [{"speaker": speakers[i % 2], "start": float(i * 5), "end": float(i * 5 + 4), "text": said}
                              for i, said in enumerate(text.split(" | "))]
        return record
    record = base_record(record_id, "keystrokes", index, app, title, url)
    record["field"] = "text"
    record["events"] = keys(text)
    return record


def probe_records(seed: int) -> tuple[list[dict], dict[str, tuple[str, bool]], dict[str, str]]:
    """The half of the probe `seed` draws: its records, their (category, hard negative) and register:tool."""
    held = int(seed == HELD_OUT_SEED)
    rng = random.Random(seed)
    records, gold, where = [], {}, {}
    for category, register, tool, text in WORK:
        if (register in HELD_REGISTERS) != bool(held):
            continue
        for _ in range(COPIES):
            rid = f"work-{len(records):05d}"
            records.append(make_record(rid, tool, text, held, rng, len(records)))
            gold[rid], where[rid] = (category, category == "benign"), f"{register}:{tool}"
    return records, gold, where


def _print(name: str, result: dict) -> None:
    print(f"## {name}")
    for key, figure in result.items():
        print(f"  {key:<44} {figure['value']:.3f} [{figure['low']:.3f}, {figure['high']:.3f}] n={figure['n']}", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Scores the probe's half at `--seed`; prints figures only (per register with --by-register)."""
    with_fixed_hash_seed("evaluation.category_probe_work", sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=TUNE_SEED, choices=(TUNE_SEED, HELD_OUT_SEED))
    parser.add_argument("--by-register", action="store_true", help="also print figures per register and tool")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--detail", help="write each record's id, register, gold and decided category here")
    args = parser.parse_args(argv)
    records, gold, where = probe_records(args.seed)
    decided = predicted(records)
    kinds = {record["record_id"]: record["kind"] for record in records}
    results = {f"work probe seed {args.seed}": figures(gold, decided, kinds)}
    if args.by_register:
        results[f"work probe seed {args.seed}, by register"] = by_source(gold, decided, where)
    for name, result in results.items():
        _print(name, result)
    if args.detail:
        Path(args.detail).write_text("".join(json.dumps({"id": rid, "where": where[rid], "gold": gold[rid][0],
                                                         "decided": decided[rid]}) + "\n" for rid in gold))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
