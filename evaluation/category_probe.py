"""`python -m evaluation.category_probe`: the category decision on text other people wrote, cut into the
shapes the pipeline sees (a call transcript of a few turns, a chat DM, a typed line, a window title with
screen text), and on the built dev split. Scored with the decision the pipeline makes
(`evaluation.tune_categories.predicted`); figures only, never a record's text.

Sources (read in place from shared/data, never copied): MTS-Dialog rows of the dev third and no
training use (medical), banking77 test queries and the IRS 1040 instructions (tax), DailyDialog and
the held-out SMS of labelled.jsonl (private chat), #ubuntu IRC of the dev third (ordinary work), and
the probe's own performance, tax-notice and hard-negative texts (evaluation/category_probe_texts.py).
Every source is halved by a stable hash: `--seed 1101` (tuning) draws one half, `--seed 1117`
(held out, measured once at the end) the other.

    python -m evaluation.category_probe [--seed 1101|1117] [--dev DIR] [--json FILE]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from evaluation.category_probe_texts import HARD_NEGATIVE, PERFORMANCE, TAX
from evaluation.generated.build import with_fixed_hash_seed
from evaluation.generated.public import share_of
from evaluation.generated.records import base_record
from evaluation.scoring import bootstrap
from evaluation.tune_categories import figures, ocr_words, predicted
from sample.generate import keys

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
TUNE_SEED, HELD_OUT_SEED = 1101, 1117
DEV_SHARE = 0  # the dev split's third of MTS-Dialog and the IRC logs (never trained on, never in test)
PER_SOURCE = 60
NAMES = ("Priya Raman", "Jonas Becker", "Lucía Fernández", "Sanne de Vries", "Tomasz Nowak", "Aiko Tanaka",
         "Kwame Mensah", "Chloé Martin", "Rafael Souza", "Emma Lindqvist", "Omar Haddad", "Grace O'Neill")
CHAT_APPS = (("Slack", "Slack | {n} | Acme", ""), ("Microsoft Teams", "Chat | {n} | Microsoft Teams", ""),
             ("Google Chrome", "Google Chat", "https://chat.google.com/dm/x"))
VOICE_APPS = (("Zoom", "Zoom Meeting", ""), ("Microsoft Teams", "Meeting with {n} | Microsoft Teams", ""),
              ("Google Chrome", "Meet - abc-defg-hij", "https://meet.google.com/abc-defg-hij"))
TYPED_APPS = (("Notepad", "Untitled - Notepad", ""), ("Google Chrome", "New Tab", ""),
              ("Microsoft Word", "Document1 - Word", ""), ("Visual Studio Code", "notes.md - Visual Studio Code", ""))
SCREEN_APPS = ("Google Chrome", "Microsoft Edge", "Firefox")
_IRC = re.compile(r"^\[\d\d:\d\d\] <[^>]+> (.+)$")


def _half(item_id: str, seed: int) -> bool:
    """Whether an item belongs to the half `seed` draws (tuning and held-out seeds never share one)."""
    bit = int(hashlib.sha256(f"probe:{item_id}".encode()).hexdigest()[:8], 16) % 2
    return seed not in (TUNE_SEED, HELD_OUT_SEED) or bit == (seed == HELD_OUT_SEED)


def public_items() -> dict[str, list[tuple[str, str, list[str]]]]:
    """(item id, category, turns) per source, from the public sets."""
    items: dict[str, list] = defaultdict(list)
    with open(DATA / "medical_mts_dialog" / "MTS-Dialog-TrainingSet.csv", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if share_of(f"mts:{row['ID']}") == DEV_SHARE:
                turns = [line.split(":", 1)[1].strip() for line in row["dialogue"].splitlines() if ":" in line]
                items["mts_dialog"].append((f"mts:{row['ID']}", "medical", [t for t in turns if t]))
                items["mts_note"].append((f"mtsnote:{row['ID']}", "medical", [row["section_text"]]))
    with open(DATA / "finance_banking77" / "test.csv", encoding="utf-8") as stream:
        for n, row in enumerate(csv.DictReader(stream)):
            items["banking77"].append((f"b77:{n}", "tax", [row["text"]]))
    toc = [line.strip() for line in (DATA / "tax_irs_1040_instructions_toc").glob("*.md").__next__()
           .read_text(encoding="utf-8").splitlines() if len(line.strip()) > 12 and "\t" in line]
    toc = [line.split("\t", 1)[1] for line in toc if line.split("\t", 1)[1].strip()]
    items["irs_1040"] = [(f"irs:{n}", "tax", toc[n:n + 4]) for n in range(40, len(toc) - 4, 4)]
    dialogues = (DATA / "chat_dailydialog" / "test_dialogues.txt").read_text(encoding="utf-8").splitlines()
    items["dailydialog"] = [(f"dd:{n}", "private_chat", [t.strip() for t in line.split("__eou__") if t.strip()])
                            for n, line in enumerate(dialogues)]
    for n, line in enumerate((DATA / "labelled.jsonl").read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        if row["category"] == "PRIVATE_CHAT":
            items["sms_ham"].append((f"sms:{n}", "private_chat", [row["text"]]))
    for path in sorted((DATA / "benign_ubuntu_irc").glob("*.raw.txt")):
        said = [m.group(1) for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                if (m := _IRC.match(line))]
        for start in range(0, len(said) - 5, 5):
            if share_of(f"{path.name}:{start}") == DEV_SHARE:
                items["ubuntu_irc"].append((f"{path.name}:{start}", "benign", said[start:start + 5]))
    return items


def own_items() -> dict[str, list[tuple[str, str, str, bool, str]]]:
    """(item id, category, shape, hard negative, text) per own source."""
    return {name: [(f"{name}:{n}", category, shape, category == "benign", text) for n, (shape, text) in enumerate(texts)]
            for name, category, texts in (("own_performance", "performance", PERFORMANCE), ("own_tax", "tax", TAX),
                                          ("own_hard_negative", "benign", HARD_NEGATIVE))}


def make_record(record_id: str, shape: str, turns: list[str], rng: random.Random, index: int) -> dict:
    """One contract record of `shape` saying `turns` (a screen's first turn is its window title)."""
    name = rng.choice(NAMES)
    turns = [t.replace("{n}", name) for t in turns]
    if shape == "screen":
        record = base_record(record_id, "screenshot", index, rng.choice(SCREEN_APPS), turns[0], "")
        record["image_b64"] = "AA=="
        record["ocr_words"] = ocr_words("\n".join([turns[0]] + turns[1:]))
        return record
    if shape == "typed":
        app, title, url = rng.choice(TYPED_APPS)
        record = base_record(record_id, "keystrokes", index, app, title, url)
        record["field"] = "text"
        record["events"] = keys(" ".join(turns))
        return record
    app, title, url = rng.choice(VOICE_APPS if shape == "voice" else CHAT_APPS)
    record = base_record(record_id, "transcript", index, app, title.replace("{n}", name), url)
    record["source"] = shape
    speakers = (name, rng.choice(NAMES))
    record["segments"] = [{"speaker": speakers[i % 2], "start": float(i * 5), "end": float(i * 5 + 4), "text": text}
                          for i, text in enumerate(turns)]
    return record


def probe_records(seed: int, per_source: int = PER_SOURCE) -> tuple[list[dict], dict[str, tuple[str, bool]], dict[str, str]]:
    """The probe's records for `seed`, their (category, hard negative) and their source:shape by id."""
    rng = random.Random(seed)
    records, gold, where = [], {}, {}
    shapes = {"mts_dialog": ("voice", "chat"), "mts_note": ("typed", "screen"), "banking77": ("chat", "typed", "screen"),
              "irs_1040": ("screen",), "dailydialog": ("voice", "chat"), "sms_ham": ("chat", "typed"),
              "ubuntu_irc": ("chat", "typed", "screen")}
    for source, items in sorted(public_items().items()):
        chosen = [item for item in items if _half(item[0], seed)]
        rng.shuffle(chosen)
        for item_id, category, turns in chosen[:per_source]:
            shape = rng.choice(shapes[source])
            if shape in ("typed", "chat") and source in ("mts_dialog", "dailydialog", "ubuntu_irc"):
                start = rng.randrange(max(1, len(turns) - 2))
                turns = turns[start:start + (1 if shape == "typed" else 3)]
            elif shape == "voice":
                start = rng.randrange(max(1, len(turns) - 4))
                turns = turns[start:start + rng.randint(3, 5)]
            elif shape == "screen" and source != "irs_1040":
                turns = [rng.choice(("Inbox - Outlook", "New Tab", "Notes", "Untitled document - Google Docs"))] + turns
            elif shape == "screen":
                turns = ["Instructions for Form 1040 (2024) | Internal Revenue Service"] + turns
            rid = f"probe-{len(records):05d}"
            records.append(make_record(rid, shape, turns, rng, len(records)))
            gold[rid], where[rid] = (category, False), f"{source}:{shape}"
    for source, items in sorted(own_items().items()):
        for item_id, category, shape, hard, text in items:
            if not _half(item_id, seed):
                continue
            for _ in range(2):
                title, _, lines = text.partition(" || ")
                turns = [title] + lines.split(" / ") if shape == "screen" else text.split(" | ")
                rid = f"probe-{len(records):05d}"
                records.append(make_record(rid, shape, turns, rng, len(records)))
                gold[rid], where[rid] = (category, hard), f"{source}:{shape}"
    return records, gold, where


def by_source(gold: dict[str, tuple[str, bool]], decided: dict[str, str | None], where: dict[str, str]) -> dict:
    """Share of records given any category, per source:shape (recall for categories, false drops for benign)."""
    groups: dict[str, list[float]] = defaultdict(list)
    for rid, (category, _) in gold.items():
        groups[f"{category} {where[rid]}"].append(float(decided[rid] is not None))
    return {name: bootstrap(hits, [1.0] * len(hits)) for name, hits in sorted(groups.items())}


def dev_records(split: Path) -> tuple[list[dict], dict[str, tuple[str, bool]], dict[str, str]]:
    """The built dev split's records (screens as their OCR words, read once and cached beside the
    probe's working directory), their gold (category, hard negative) and kind."""
    from models.images import decode_image
    from models.ocr import OcrSettings, TesseractOcr
    from models.policy import DEFAULT_POLICY, load_policy
    from models.records import OcrWord

    cache_path = Path("/tmp") / f"category_probe_ocr_{hashlib.sha256(str(split.resolve()).encode()).hexdigest()[:10]}.json"
    cache = json.loads(cache_path.read_text()) if cache_path.exists() else {}
    ocr, max_pixels = None, load_policy(DEFAULT_POLICY).screenshots.max_pixels
    records, gold, kinds = [], {}, {}
    golds = {g["record_id"]: g for g in map(json.loads, (split / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    for line in (split / "input" / "records.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["kind"] == "screenshot":
            if record["record_id"] not in cache:
                ocr = ocr or TesseractOcr(OcrSettings())
                data = (split / "input" / record["image_uri"]).read_bytes()
                cache[record["record_id"]] = [list(vars(w).values()) for w in ocr.read(decode_image(data, max_pixels))]
            record["ocr_words"] = [OcrWord(*w) for w in cache[record["record_id"]]]
            record.pop("image_uri", None)
            record["image_b64"] = "AA=="
        entry = golds[record["record_id"]]
        records.append(record)
        gold[record["record_id"]] = (entry["category"] or "benign", bool(entry["hard_negative"]))
        kinds[record["record_id"]] = record["kind"]
    cache_path.write_text(json.dumps(cache))
    return records, gold, kinds


def _print(name: str, result: dict) -> None:
    print(f"## {name}")
    for key, figure in result.items():
        print(f"  {key:<50} {figure['value']:.3f} [{figure['low']:.3f}, {figure['high']:.3f}] n={figure['n']}", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Scores the probe at `--seed` (and the dev split with `--dev`); prints figures only."""
    with_fixed_hash_seed("evaluation.category_probe", sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=TUNE_SEED)
    parser.add_argument("--per-source", type=int, default=PER_SOURCE)
    parser.add_argument("--dev", type=Path, help="also score a built dev split (its gold.jsonl and input/)")
    parser.add_argument("--no-probe", action="store_true", help="score only the dev split")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--detail", help="write each probe record's id, source, gold and decided category here")
    args = parser.parse_args(argv)
    results = {}
    if not args.no_probe:
        records, gold, where = probe_records(args.seed, args.per_source)
        decided = predicted(records)
        kinds = {record["record_id"]: record["kind"] for record in records}
        results[f"probe seed {args.seed}"] = figures(gold, decided, kinds)
        results[f"probe seed {args.seed}, by source"] = by_source(gold, decided, where)
        if args.detail:
            Path(args.detail).write_text("".join(json.dumps({"id": rid, "where": where[rid], "gold": gold[rid][0],
                                                             "decided": decided[rid]}) + "\n" for rid in gold))
        for name in (f"probe seed {args.seed}", f"probe seed {args.seed}, by source"):
            _print(name, results[name])
    if args.dev:
        records, gold, kinds = dev_records(args.dev)
        results["dev split"] = figures(gold, predicted(records), kinds)
        _print("dev split", results["dev split"])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
