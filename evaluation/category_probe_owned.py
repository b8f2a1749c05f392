"""`python -m evaluation.category_probe_owned`: the category decision on a person's own review or tax matter against
work on the review process or the tax software, as calls, chats, voice notes, AI-prompt drafts and screens
(evaluation/category_probe_owned_texts.py). Figures only, never a record's text.

Whole situations are held out: `--seed 1401` (tuning) scores half 0, `--seed 1409` (held out, measured once at the
end) half 1, in other apps.

    python -m evaluation.category_probe_owned [--seed 1401|1409] [--by-situation] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

from evaluation.category_probe import by_source
from evaluation.category_probe_owned_texts import SITUATIONS
from evaluation.generated.build import with_fixed_hash_seed
from evaluation.generated.records import base_record
from evaluation.tune_categories import figures, ocr_words, predicted
from sample.generate import keys

TUNE_SEED, HELD_OUT_SEED = 1401, 1409
COPIES = 3
NAMES = ("Dana Whitfield", "Ravi Menon", "Lena Krause", "Marco Bianchi", "Sofia Pereira", "Kenji Sato", "Amara Obi")
# (app, window title, url) per tool and half (0 tuning, 1 held out).
TOOLS: dict[tuple[str, int], tuple[tuple[str, str, str], ...]] = {
    ("voice", 0): (("Zoom", "Zoom Meeting", ""), ("Microsoft Teams", "Meeting with {n} | Microsoft Teams", "")),
    ("voice", 1): (("Google Chrome", "Meet - abc-defg-hij", "https://meet.google.com/abc-defg-hij"), ("Webex", "Webex", "")),
    ("chat", 0): (("Slack", "Slack | {n} | Acme", ""),),
    ("chat", 1): (("Microsoft Teams", "Chat | {n} | Microsoft Teams", ""), ("Google Chrome", "Google Chat", "https://chat.google.com/dm/x")),
    ("note", 0): (("Voice Memos", "Voice Memos", ""),),
    ("note", 1): (("Otter.ai", "Otter.ai - My Conversations", "https://otter.ai/my-notes"),),
    ("prompt", 0): (("Google Chrome", "ChatGPT", "https://chatgpt.com/"),),
    ("prompt", 1): (("Microsoft Edge", "Copilot", "https://copilot.microsoft.com/"), ("Claude", "Claude", "")),
    ("screen", 0): (("Google Chrome", "", ""),),
    ("screen", 1): (("Microsoft Edge", "", ""), ("Safari", "", "")),
}


def make_record(record_id: str, tool: str, text: str, held: int, rng: random.Random, index: int) -> dict:
    """One contract record saying `text` as `tool` records it, in one of the half's apps."""
    name, other = rng.sample(NAMES, 2)
    text = text.replace("{n}", name.split()[0]).replace("{m}", other.split()[0])
    app, title, url = rng.choice(TOOLS[(tool, held)])
    title = title.replace("{n}", name)
    if tool == "screen":
        title, _, lines = text.partition(" || ")
        record = base_record(record_id, "screenshot", index, app, f"{title} - {app}", url)
        record["image_b64"] = "AA=="
        record["ocr_words"] = ocr_words("\n".join([title] + lines.split(" / ")))
        return record
    if tool in ("voice", "chat", "note"):
        record = base_record(record_id, "transcript", index, app, title, url)
        record["source"] = "voice" if tool == "note" else tool
        turns = text.split(" | ")
        speakers = (other, other) if tool == "note" else (other, name)
        record["segments"] = [{"speaker": speakers[i % 2], "start": float(i * 5), "end": float(i * 5 + 4), "text": said}
                              for i, said in enumerate(turns)]
        return record
    record = base_record(record_id, "keystrokes", index, app, title, url)
    record["field"] = "text"
    record["events"] = keys(text)
    return record


def situation_records(situations, prefix: str, seed: int, held_out_seed: int
                      ) -> tuple[list[dict], dict[str, tuple[str, bool]], dict[str, str]]:
    """The half `seed` draws of (category, situation, half, tool, texts) situations: its records (ids `prefix-N`),
    their (category, hard negative) and situation:tool. Shared by every situation probe."""
    held = int(seed == held_out_seed)
    rng = random.Random(seed)
    records, gold, where = [], {}, {}
    for category, situation, half, tool, texts in situations:
        if half != held:
            continue
        for text in texts:
            for _ in range(COPIES):
                rid = f"{prefix}-{len(records):05d}"
                records.append(make_record(rid, tool, text, held, rng, len(records)))
                gold[rid], where[rid] = (category, category == "benign"), f"{situation}:{tool}"
    return records, gold, where


def probe_records(seed: int) -> tuple[list[dict], dict[str, tuple[str, bool]], dict[str, str]]:
    """The half `seed` draws: its records, their (category, hard negative) and situation:tool."""
    return situation_records(SITUATIONS, "owned", seed, HELD_OUT_SEED)


def run_probe(module: str, description: str, label: str,
              probe_records: Callable[[int], tuple[list[dict], dict, dict[str, str]]], seeds: tuple[int, int],
              argv: list[str] | None) -> int:
    """A situation probe's command line: scores the half at `--seed` (tuning or held out), prints figures only
    (per situation with --by-situation); `--json` writes them, `--detail` each record's id, situation, decision."""
    with_fixed_hash_seed(module, sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=seeds[0], choices=seeds)
    parser.add_argument("--by-situation", action="store_true", help="also print figures per situation and tool")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--detail", help="write each record's id, situation, gold and decided category here")
    args = parser.parse_args(argv)
    records, gold, where = probe_records(args.seed)
    decided = predicted(records)
    kinds = {record["record_id"]: record["kind"] for record in records}
    results = {f"{label} probe seed {args.seed}": figures(gold, decided, kinds)}
    if args.by_situation:
        results[f"{label} probe seed {args.seed}, by situation"] = by_source(gold, decided, where)
    for name, result in results.items():
        print(f"## {name}")
        for key, figure in result.items():
            print(f"  {key:<44} {figure['value']:.3f} [{figure['low']:.3f}, {figure['high']:.3f}] n={figure['n']}",
                  flush=True)
    if args.detail:
        Path(args.detail).write_text("".join(json.dumps({"id": rid, "where": where[rid], "gold": gold[rid][0],
                                                         "decided": decided[rid]}) + "\n" for rid in gold))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Scores the half at `--seed`; prints figures only (per situation with --by-situation)."""
    return run_probe("evaluation.category_probe_owned", __doc__, "owned", probe_records, (TUNE_SEED, HELD_OUT_SEED),
                     argv)

if __name__ == "__main__":
    sys.exit(main())
