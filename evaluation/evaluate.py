"""`python -m evaluation.evaluate`: the generated dev and test splits through the pipeline's command
line, scored per record with bootstrap intervals, then the hand-written corpora; writes EVALUATION.md.

    python -m evaluation.evaluate [--quick] [--out out/eval] [--splits dev test tune tune_apps tune_body] [extra pipeline options]

The test split is reported in aggregate only. Per-record detail is written for the dev split alone,
to OUT/dev/detail.jsonl. `--quick` writes small splits and OUT/EVALUATION.quick.md instead.
`--splits tune` runs the screen tuning family (templates_tune/screens.py) as a split of its own, and
`--splits tune_apps` the second one (templates_tune/apps.py: other apps' layouts), `--splits tune_body`
the third (templates_tune/body.py: body-heavy screens: mail prose, chat, documents, terminals), and
`--splits tune_shells` / `tune_shells_held` the sixth and its held-out seed (templates_tune/shells.py); a run
without the test split prints, and with `--report` writes, the screen figures of its splits.
`--rescore` scores the splits already in OUT again (their records, gold and pipeline output), without
generating or running anything (the hand-written corpora are left out): for a change of the scoring
or the report.
"""
from __future__ import annotations

import argparse
import base64
import io
import json
import re
import shutil
import subprocess
import sys
import time
from multiprocessing import Pool
from pathlib import Path

from PIL import Image

from evaluation.generated.build import generate_split, split_sizes, with_fixed_hash_seed
from evaluation.generated.families import load_family
from evaluation.handwritten import run_handwritten
from evaluation.report import cell, render_report, render_screen_report
from evaluation.scoring import RecordScore, ocr_reach, score_screen, score_text, summarize
from models.ocr import OcrSettings, TesseractOcr, ocr_text
from pipeline.summary import read_summary

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "EVALUATION.md"
SPLITS = ("dev", "test", "tune", "tune_apps", "tune_body", "tune_secrets", "tune_headers", "tune_shells",
          "tune_shells_held", "tune_avatars", "tune_avatars_held", "tune_scripts", "tune_scripts_held",
          "tune_placed", "tune_placed_held", "tune_initials", "tune_initials_held",
          "tune_badges", "tune_badges_held")
_RECORDED_HASH = re.compile(r"test split sha256 \(full\): `([0-9a-f]{64})`")
DEFAULT_RUNNER_ARGS = ["--direct_num_workers=2", "--direct_running_mode=multi_processing"]


def run_pipeline_cli(split_dir: Path, runner_args: list[str]) -> tuple[dict[str, dict], dict]:
    """`python -m pipeline.run` on the split's input, as a user runs it: sanitized docs by id, and the audit."""
    output = split_dir / "output"
    command = [sys.executable, "-m", "pipeline.run", "--input", str(split_dir / "input" / "records.jsonl"),
               "--output", str(output), "--dev_random_pseudonym_key", *runner_args]
    with (split_dir / "pipeline.log").open("w") as log:
        result = subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, check=False)
    if result.returncode != 0:
        raise SystemExit(f"pipeline.run exited {result.returncode} on {split_dir.name}; see {split_dir / 'pipeline.log'}")
    return read_output(split_dir)


def check_joined(docs: dict[str, dict], golds: list[dict]) -> None:
    """Stop when a sanitized record cannot be joined with its gold (the pipeline rewrote its id):
    scoring it as dropped would count its leaks as none."""
    unmatched = len(set(docs) - {g["record_id"] for g in golds})
    if unmatched:
        raise SystemExit(f"{unmatched} sanitized records have ids absent from the gold; the scores would be wrong")


def read_output(split_dir: Path) -> tuple[dict[str, dict], dict]:
    """The sanitized docs of a split's pipeline run, by id, and its audit."""
    output = split_dir / "output"
    docs = {}
    for shard in sorted((output / "sanitized").glob("*.jsonl")):
        for line in shard.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            docs[doc["record_id"]] = doc
    return docs, read_summary(str(output))


def score_split(split_dir: Path, docs: dict[str, dict], read: dict[str, str]) -> list[RecordScore]:
    """Every gold entry of the split scored against its sanitized doc (None when dropped); `read` holds
    the OCR's text of each input screen."""
    scores = []
    golds = read_gold(split_dir)
    check_joined(docs, golds)
    for gold in golds:
        doc = docs.get(gold["record_id"])
        if gold["kind_of_text"] != "screenshot":
            scores.append(score_text(gold, doc))
            continue
        before = Image.open(split_dir / "input" / "screens" / f"{gold['record_id']}.png")
        after = Image.open(io.BytesIO(base64.b64decode(doc["image_b64"]))) if doc else None
        scores.append(score_screen(gold, before, after, read.get(gold["record_id"])))
    return scores


def read_split_info(split_dir: Path) -> dict:
    """The description a split was generated with (counts and content hash), for `--rescore`."""
    path = split_dir / "split.json"
    if not path.exists():
        raise SystemExit(f"--rescore: {path} is missing; run the split first")
    return json.loads(path.read_text(encoding="utf-8"))


def run_seconds(split_dir: Path, started: float, rescore: bool) -> int:
    """Seconds the split took to generate, run and score; a rescore keeps those of the run it scores."""
    previous = split_dir / "scores.json"
    if rescore and previous.exists():
        return json.loads(previous.read_text(encoding="utf-8"))["seconds"]
    return round(time.monotonic() - started)


def read_gold(split_dir: Path) -> list[dict]:
    """The split's gold entries."""
    return [json.loads(line) for line in (split_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines()]


def _ocr_file(path: str) -> str:
    return ocr_text(TesseractOcr(OcrSettings()).read(Image.open(path).convert("RGB")))


def screen_ocr_texts(split_dir: Path) -> dict[str, str]:
    """The pipeline's own OCR (no session reuse) of each input screen, by record id."""
    golds = [g for g in read_gold(split_dir) if g["kind_of_text"] == "screenshot"]
    paths = [str(split_dir / "input" / "screens" / f"{g['record_id']}.png") for g in golds]
    with Pool(2) as pool:
        texts = pool.map(_ocr_file, paths)
    return {g["record_id"]: text for g, text in zip(golds, texts)}


def write_dev_detail(split_dir: Path, scores: list[RecordScore]) -> None:
    """One line per dev record: kept or not, which labels leaked from which field, words lost."""
    with (split_dir / "detail.jsonl").open("w", encoding="utf-8") as out:
        for s in scores:
            out.write(json.dumps({"record_id": s.record_id, "kind": s.kind, "category": s.category,
                                  "hard_negative": s.hard_negative, "kept": s.kept, "leaked": s.leaked_fields,
                                  "words": s.words, "words_lost": s.words_lost}) + "\n")


def recorded_test_hash(report: Path) -> str | None:
    """The full test split's hash recorded in the committed report, if any."""
    found = _RECORDED_HASH.search(report.read_text(encoding="utf-8")) if report.exists() else None
    return found.group(1) if found else None


def category_lines(figures: dict) -> str:
    """The category figures of one split (a dev-only run writes no report)."""
    rows = [*(("drop recall " + name, figure) for name, figure in figures["drop_recall"].items()),
            *(("false drops " + name, figure) for name, figure in figures["false_drops"].items())]
    return "\n".join(f"{name}: {cell(figure)}" for name, figure in rows)


def main(argv: list[str] | None = None) -> int:
    """Generates the splits, runs them through the pipeline, scores them and writes the report."""
    with_fixed_hash_seed("evaluation.evaluate", sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="out/eval", help="working directory (splits, outputs, scores)")
    parser.add_argument("--quick", action="store_true", help="small splits; report to OUT/EVALUATION.quick.md")
    parser.add_argument("--report", help="where to write the report (default EVALUATION.md, or OUT/EVALUATION.quick.md)")
    parser.add_argument("--skip-handwritten", action="store_true", help="leave out the hand-written corpora")
    parser.add_argument("--rescore", action="store_true",
                        help="score the splits already in OUT again, without generating or running them")
    parser.add_argument("--splits", nargs="+", choices=SPLITS, default=["dev", "test"],
                        help="the splits to run (dev, test; tune, tune_apps, tune_body: the screen tuning families; a run without test never touches it)")
    args, runner_args = parser.parse_known_args(argv)
    runner_args = runner_args or DEFAULT_RUNNER_ARGS
    out = Path(args.out)
    report = Path(args.report) if args.report else (out / "EVALUATION.quick.md" if args.quick else REPORT)
    started = time.monotonic()
    results = {}
    for split in args.splits:
        split_dir = out / split
        split_started = time.monotonic()
        if args.rescore:
            info, (docs, audit) = read_split_info(split_dir), read_output(split_dir)
        else:
            shutil.rmtree(split_dir, ignore_errors=True)  # the pipeline refuses an output that holds shards
            info = generate_split(load_family(split), split_dir, split_sizes(split, args.quick))
            docs, audit = run_pipeline_cli(split_dir, runner_args)
        read = screen_ocr_texts(split_dir)
        scores = score_split(split_dir, docs, read)
        if split == "dev":
            write_dev_detail(split_dir, scores)
        golds = [g for g in read_gold(split_dir) if g["kind_of_text"] == "screenshot"]
        figures = summarize(scores) | {"ocr_reach": ocr_reach([(g, read[g["record_id"]]) for g in golds]), "split": info,
                                       "audit": {k: audit[k] for k in ("records_in", "sanitized", "dropped", "quarantined")},
                                       "seconds": run_seconds(split_dir, split_started, args.rescore)}
        (split_dir / "scores.json").write_text(json.dumps(figures, indent=2))
        results[split] = figures
        print(f"{split}: {info['records']} records scored in {figures['seconds']} s", file=sys.stderr)
    if not {"dev", "test"} <= set(results):  # the full report compares dev with test: a run of fewer gets the split report
        for split in ("dev", "test"):
            if split in results:
                print(category_lines(results[split]))
        screens = render_screen_report(results, " ".join(sys.argv[1:] if argv is None else argv))
        print(screens)
        if args.report:
            report.parent.mkdir(parents=True, exist_ok=True)
            report.write_text(screens, encoding="utf-8")
        return 0
    recorded = None if args.quick else recorded_test_hash(REPORT)
    if recorded and recorded != results["test"]["split"]["sha256"]:
        print("=" * 72 + "\nTEST SPLIT CHANGED: its content hash differs from the one recorded in EVALUATION.md.\n"
              "Figures are not comparable with the recorded ones.\n" + "=" * 72, file=sys.stderr)
    skip_handwritten = args.quick or args.skip_handwritten or args.rescore
    handwritten = [] if skip_handwritten else run_handwritten(out / "handwritten", runner_args)
    command = "make eval" + (" EVAL_ARGS=--quick" if args.quick else "")
    text = render_report(results, handwritten, command, time.strftime("%Y-%m-%d"), round(time.monotonic() - started),
                         recorded)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
