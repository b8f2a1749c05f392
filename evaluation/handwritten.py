"""The hand-written development corpus and the public labelled index, scored as before the
generated splits existed (string recall over kept records; categories). Run by `evaluate.py`.

Two passes over the same records: the real Beam pipeline (what reaches the sink: drops, leaks,
words kept), and the same detection functions in-process for each record's predicted category
(the audit holds counts only, so it cannot say which record got which category).
"""
from __future__ import annotations

import base64
import json
import re
import secrets
from collections import Counter
from pathlib import Path

from apache_beam.options.pipeline_options import PipelineOptions

from evaluation.corpus import Gold, load_development, load_public
from models.detection import detect
from models.engine import build_detector, settings_for_policy
from models.images import decode_image
from models.keystrokes import rebuild_typed_text
from models.ocr import OcrSettings, TesseractOcr, ocr_text
from models.parse import parse_line
from models.policy import CATEGORIES, DEFAULT_POLICY, load_policy
from models.records import KeyEvent, PreparedRecord
from models.text_views import text_fields
from pipeline.graph import RunSettings, build_pipeline
from pipeline.summary import read_summary

_WORD = re.compile(r"[A-Za-z0-9']+")
_PII_TYPES = [
    ("EMAIL_ADDRESS", re.compile(r"^[^@\s]+@[^@\s]+\.\w+$")),
    ("US_SSN", re.compile(r"^\d{3}-\d{2}-\d{4}$")),
    ("CREDIT_CARD", re.compile(r"^(?:\d[ -]?){13,19}$")),
    ("PHONE_NUMBER", re.compile(r"^\+?[\d\s().-]{7,}$")),
    ("SECRET", re.compile(r"^(?=.*\d)\S{12,}$")),
    ("ADDRESS", re.compile(r"^\d+\s+\w+")),
    ("OTHER_ID", re.compile(r"\d")),
]


def pii_type(value: str) -> str:
    """A coarse type for a gold PII string, for recall by type (names are what matches no shape)."""
    return next((name for name, shape in _PII_TYPES if shape.search(value)), "PERSON")


def run_pipeline(records: list[dict], out_dir: Path, runner_args: list[str]) -> tuple[dict[str, dict], dict]:
    """The real pipeline on `records`: sanitized documents by record id, and the audit summary."""
    input_path = out_dir / "input" / "records.jsonl"
    input_path.parent.mkdir(parents=True, exist_ok=True)
    input_path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    policy = load_policy(DEFAULT_POLICY)
    settings = RunSettings(str(input_path), str(out_dir / "output"), policy, secrets.token_bytes(32),
                           settings_for_policy(policy), OcrSettings())
    build_pipeline(PipelineOptions(runner_args), settings).run().wait_until_finish()
    docs = {}
    for shard in (out_dir / "output" / "sanitized").glob("*.jsonl"):
        for line in shard.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            docs[doc["record_id"]] = doc
    return docs, read_summary(str(out_dir / "output"))


def predicted_categories(records: list[dict]) -> dict[str, str | None]:
    """Each record's category from the same detection functions the pipeline runs."""
    policy = load_policy(DEFAULT_POLICY)
    settings = settings_for_policy(policy)
    detector, ocr = build_detector(settings), TesseractOcr(OcrSettings())
    predicted = {}
    for raw in records:
        record = parse_line(json.dumps(raw).encode(), "corpus.jsonl")
        if record.kind == "screenshot":
            data = base64.b64decode(record.image_b64)
            words = ocr.read(decode_image(data, policy.screenshots.max_pixels))
            prepared = PreparedRecord(record, text_fields(record, words), data, words)
        else:
            prepared = PreparedRecord(record, text_fields(record))
        predicted[record.record_id] = detect(detector, prepared, settings).category
    return predicted


def output_text(doc: dict, ocr: TesseractOcr) -> str:
    """What a reader of the sanitized record sees: its texts, typed text, or the OCR of its image."""
    parts = [doc.get(name) or "" for name in ("app", "window_title", "url")]
    if doc["kind"] == "transcript":
        parts += [s["text"] for s in doc["segments"]]
    elif doc["kind"] == "keystrokes":
        events = tuple(KeyEvent(e["t"], e.get("key"), tuple(e.get("mods", ())), e["type"], e.get("text"))
                       for e in doc["events"])
        parts.append(rebuild_typed_text(events).text)
    else:
        parts.append(ocr_text(ocr.read(decode_image(base64.b64decode(doc["image_b64"]), 10**9))))
    return "\n".join(parts)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def score(golds: list[Gold], docs: dict[str, dict], predicted: dict[str, str | None]) -> dict:
    """Drop precision/recall per category, benign drops, PII recall and leaks, non-PII words kept."""
    ocr = TesseractOcr(OcrSettings())
    result: dict = {"records": len(golds), "categories": {}}
    for category in CATEGORIES:
        gold = [g for g in golds if g.category == category]
        labelled = [g for g in golds if predicted.get(g.record_id) == category]
        correct = [g for g in labelled if g.category == category]
        result["categories"][category] = {
            "records": len(gold),
            "drop_recall": _share(sum(g.record_id not in docs for g in gold), len(gold)),
            "category_precision": _share(len(correct), len(labelled)),
            "category_recall": _share(len(correct), len(gold)),
        }
    benign = [g for g in golds if g.category == "benign"]
    result["benign"] = {"records": len(benign),
                        "wrongly_dropped": _share(sum(g.record_id not in docs for g in benign), len(benign))}
    by_type: dict[str, Counter] = {}
    leaks: list[tuple[str, str]] = []
    words_in = words_kept = 0
    for gold in golds:
        if gold.record_id not in docs:
            continue
        seen = _squash(output_text(docs[gold.record_id], ocr))
        for value in gold.pii:
            counts = by_type.setdefault(pii_type(value), Counter())
            counts["total"] += 1
            if _squash(value) in seen:
                leaks.append((gold.record_id, pii_type(value)))
            else:
                counts["removed"] += 1
        if gold.kind != "screenshot":
            pii_words = Counter(w.lower() for value in gold.pii for w in _WORD.findall(value))
            words = Counter(w.lower() for w in _WORD.findall(gold.text)) - pii_words
            out_words = Counter(w.lower() for w in _WORD.findall(output_text(docs[gold.record_id], ocr)))
            words_in += sum(words.values())
            words_kept += sum((words & out_words).values())
    result["pii_recall"] = {t: _share(c["removed"], c["total"]) | {"strings": c["total"]}
                            for t, c in sorted(by_type.items())}
    result["leaked_pii_strings"] = len(leaks)
    result["leaks_by_type"] = dict(Counter(t for _, t in leaks))
    result["non_pii_words_kept"] = _share(words_kept, words_in)
    return result


def _share(part: int, whole: int) -> dict:
    return {"value": round(part / whole, 4) if whole else None, "of": whole}


def to_markdown(name: str, result: dict, summary: dict) -> str:
    """One corpus's figures as Markdown tables."""
    lines = [f"### {name}: {result['records']} records", "",
             "| category | records | drop recall | category precision | category recall |", "|---|---|---|---|---|"]
    for category, figures in result["categories"].items():
        lines.append(f"| {category} | {figures['records']} | {_fmt(figures['drop_recall'])} | "
                     f"{_fmt(figures['category_precision'])} | {_fmt(figures['category_recall'])} |")
    lines += ["", f"- benign records wrongly dropped: {_fmt(result['benign']['wrongly_dropped'])} "
                  f"of {result['benign']['records']}",
              f"- leaked PII strings in kept records: {result['leaked_pii_strings']} "
              f"{result['leaks_by_type'] or ''}",
              f"- non-PII words kept (transcripts and keystrokes): {_fmt(result['non_pii_words_kept'])}",
              f"- audit: {summary['sanitized']} sanitized, {summary['dropped']} dropped, "
              f"{summary['quarantined']} quarantined, by reason {summary['by_reason']}"]
    if result["pii_recall"]:
        lines += ["", "| PII type (gold strings in kept records) | strings | removed |", "|---|---|---|"]
        lines += [f"| {t} | {f['strings']} | {_fmt(f)} |" for t, f in result["pii_recall"].items()]
    return "\n".join(lines)


def _fmt(figure: dict) -> str:
    return "n/a" if figure["value"] is None else f"{figure['value']:.3f}"


CORPORA = (("development corpus (evaluation/corpus.jsonl)", load_development),
           ("public corpus (shared/data/labelled.jsonl, text only)", load_public))


def run_handwritten(out_root: Path, runner_args: list[str]) -> list[str]:
    """Both hand-written corpora through the pipeline, scored: one Markdown section each."""
    sections = []
    for name, load in CORPORA:
        records, golds = load()
        if not records:
            continue
        out_dir = out_root / name.split()[0]
        docs, summary = run_pipeline(records, out_dir, runner_args)
        if set(docs) - {g.record_id for g in golds}:
            raise SystemExit(f"{name}: sanitized record ids absent from the gold; the scores would be wrong")
        result = score(golds, docs, predicted_categories(records))
        (out_dir / "scores.json").write_text(json.dumps(result, indent=2))
        sections.append(to_markdown(name, result, summary))
    return sections
