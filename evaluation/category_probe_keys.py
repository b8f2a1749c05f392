"""`python -m evaluation.category_probe_keys`: the category decision on keystroke records of work about payroll,
HR, tax and health software (code, SQL, shells, ticket fields, search boxes, sheet cells, admin forms, DMs: hard
negatives) and of a person's own matter typed into the same tools, typed with real habits (typos, late fixes,
pastes, shortcuts; evaluation/probe_keys.py's Typist). Public text fills in: banking77 (own money), MTS-Dialog
patient turns (medical), #ubuntu IRC (engineering chat). Figures only, never a record's text.

`--seed 1301` (tuning) scores half 0 of evaluation/category_probe_keys_texts.py in its tools; `--seed 1319`
(held out, measured once at the end) scores half 1: other situations, other tools, other public rows.

    python -m evaluation.category_probe_keys [--seed 1301|1319] [--by-situation] [--json FILE]
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

from evaluation.category_probe import by_source
from evaluation.category_probe_keys_texts import SITUATIONS, TOOLS
from evaluation.generated.build import with_fixed_hash_seed
from evaluation.generated.records import base_record
from evaluation.probe_keys import _aalto_bursts, _events
from evaluation.tune_categories import figures, predicted

TUNE_SEED, HELD_OUT_SEED = 1301, 1319
COPIES = 3
PUBLIC_ROWS = 12
DATA = Path("/work/shared/data")
_NICK = re.compile(r"^\[\d\d:\d\d\] <[^>]+> (?:\w+[:,] )?")


class _Habits:
    """What probe_keys.Typist reads of its values: a random source and real backspace bursts."""

    def __init__(self, rng: random.Random):
        self.rng, self.bursts = rng, _aalto_bursts()


def _banking(held: int, rng: random.Random) -> list[str]:
    """Own money questions of banking77's training rows; intents split by name parity between the halves."""
    with open(DATA / "finance_banking77" / "train.csv", encoding="utf-8") as stream:
        rows = [r["text"] for r in csv.DictReader(stream) if len(r["category"]) % 2 == held]
    return rng.sample(rows, PUBLIC_ROWS)


def _patient(held: int, rng: random.Random) -> list[str]:
    """A patient's first turns of an MTS-Dialog conversation (training set tuned on, validation held out)."""
    name = ("MTS-Dialog-TrainingSet.csv", "MTS-Dialog-ValidationSet.csv")[held]
    with open(DATA / "medical_mts_dialog" / name, encoding="utf-8") as stream:
        dialogues = [r["dialogue"] for r in csv.DictReader(stream)]
    out = []
    for dialogue in rng.sample(dialogues, len(dialogues)):
        said = " ".join(line.split(":", 1)[1].strip() for line in dialogue.splitlines()
                        if line.strip().lower().startswith("patient:"))
        if len(said) >= 40:
            out.append(said[:300])
        if len(out) == PUBLIC_ROWS:
            break
    return out


def _irc(held: int, rng: random.Random) -> list[str]:
    """#ubuntu messages of 40 characters or more (half the logs each)."""
    logs = sorted((DATA / "benign_ubuntu_irc").glob("*.raw.txt"))[held::2]
    lines = [_NICK.sub("", line.rstrip("\n")) for log in logs for line in log.read_text(encoding="utf-8").splitlines()
             if _NICK.match(line)]
    return rng.sample([line for line in lines if len(line) >= 40], PUBLIC_ROWS)


def situations(held: int, rng: random.Random) -> list[tuple[str, bool, str, str, str]]:
    """(category, hard negative, situation, tool, text) of one half, public rows included."""
    out = [(category, category == "benign", name, tool, text)
           for category, name, half, tool, texts in SITUATIONS if half == held for text in texts]
    out += [("tax", False, "banking77", ("search", "dm")[held], t + "\n") for t in _banking(held, rng)]
    out += [("medical", False, "mts_patient", ("admin", "dm")[held], t + "\n") for t in _patient(held, rng)]
    out += [("benign", False, "ubuntu_irc", "dm", t + "\n") for t in _irc(held, rng)]
    return out


def _chunks(text: str) -> list[tuple[str, None]]:
    """The text in word-sized pieces, so typing habits fall anywhere in it."""
    return [(piece, None) for piece in re.findall(r"\S+\s*|\s+", text)]


def make_record(record_id: str, tool: str, text: str, held: int, rng: random.Random, index: int) -> dict:
    """A keystroke record of `text` typed into one of the half's apps for `tool`, with typing habits."""
    app, title, url, field = rng.choice(TOOLS[(tool, held)])
    record = base_record(record_id, "keystrokes", index, app, title, url)
    record["field"] = field
    _, events = _events(_Habits(rng), _chunks(text))
    if rng.random() < 0.3:  # a save or send shortcut at the end
        events.append({"t": events[-1]["t"] + 300, "type": "keydown", "key": "s", "mods": ["Control"]})
    record["events"] = events
    return record


def probe_records(seed: int) -> tuple[list[dict], dict[str, tuple[str, bool]], dict[str, str]]:
    """The half `seed` draws: its records, their (category, hard negative) and their situation:tool."""
    held = int(seed == HELD_OUT_SEED)
    rng = random.Random(seed)
    records, gold, where = [], {}, {}
    for category, hard, name, tool, text in situations(held, rng):
        for _ in range(COPIES):
            rid = f"keys-{len(records):05d}"
            records.append(make_record(rid, tool, text, held, rng, len(records)))
            gold[rid], where[rid] = (category, hard), f"{name}:{tool}"
    return records, gold, where


def main(argv: list[str] | None = None) -> int:
    """Scores the probe's half at `--seed`; prints figures only."""
    with_fixed_hash_seed("evaluation.category_probe_keys", sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=TUNE_SEED, choices=(TUNE_SEED, HELD_OUT_SEED))
    parser.add_argument("--by-situation", action="store_true", help="also print figures per situation and tool")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args(argv)
    records, gold, where = probe_records(args.seed)
    decided = predicted(records)
    results = {f"keystroke work probe seed {args.seed}": figures(gold, decided)}
    if args.by_situation:
        results[f"keystroke work probe seed {args.seed}, by situation"] = by_source(gold, decided, where)
    for name, result in results.items():
        print(f"## {name}")
        for key, figure in result.items():
            print(f"  {key:<44} {figure['value']:.3f} [{figure['low']:.3f}, {figure['high']:.3f}] n={figure['n']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
