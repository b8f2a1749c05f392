"""Labelled corpora -> raw contract records plus gold labels, kept apart so the pipeline never sees gold.

The development corpus (evaluation/corpus.jsonl) is written as compact specs: typed text instead of
key events, screen lines instead of images. The public corpus is shared/data/labelled.jsonl (real
medical dialogues, banking queries, personal SMS and IRC engineering chat), read in place.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

from sample.generate import keys, screen

CORPUS = Path(__file__).parent / "corpus.jsonl"
PUBLIC_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "labelled.jsonl"
USER = "emp-eval"
TS = "2026-06-09T10:00:00Z"
_PUBLIC_CATEGORIES = {"MEDICAL": "medical", "TAX": "tax", "PRIVATE_CHAT": "private_chat", "BENIGN": "benign"}


@dataclass(frozen=True)
class Gold:
    """What the pipeline should do with one record: its category (benign = keep) and its PII strings."""

    record_id: str
    kind: str
    category: str
    pii: tuple[str, ...]
    text: str


def spec_to_record(spec: dict) -> dict:
    """One development-corpus spec -> a raw record in the contract's format."""
    record = {"record_id": spec["id"], "kind": spec["kind"], "user_id": USER, "ts": TS,
              **{name: spec[name] for name in ("app", "window_title", "url") if spec.get(name)}}
    if spec["kind"] == "transcript":
        record["source"] = spec.get("source", "chat")
        record["segments"] = [{"speaker": s["speaker"], "start": float(i), "end": float(i + 1), "text": s["text"]}
                              for i, s in enumerate(spec["segments"])]
    elif spec["kind"] == "keystrokes":
        record["field"] = spec.get("field", "text")
        record["events"] = keys(spec["typed"])
    else:
        png = screen(spec["lines"], dark=bool(spec.get("dark")), size=(1280, 90 + 40 * len(spec["lines"])))
        record["image_b64"] = base64.b64encode(png).decode("ascii")
    return record


def spec_text(spec: dict) -> str:
    """All the text of a spec, as a person would read it."""
    parts = [spec.get(name) or "" for name in ("app", "window_title", "url")]
    parts += [s["text"] for s in spec.get("segments", [])] + [spec.get("typed", "")] + spec.get("lines", [])
    return "\n".join(part for part in parts if part)


def load_development() -> tuple[list[dict], list[Gold]]:
    """The development corpus as raw records and gold labels, under neutral record ids: the
    pipeline writes an id that may name someone (a name, a long digit run) as a keyed pseudonym,
    which could no longer be joined with its gold."""
    specs = [dict(json.loads(line), id=f"hwdev{n:04d}")
             for n, line in enumerate(line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip())]
    return ([spec_to_record(spec) for spec in specs],
            [Gold(spec["id"], spec["kind"], spec["category"], tuple(spec.get("pii", ())), spec_text(spec))
             for spec in specs])


def load_public() -> tuple[list[dict], list[Gold]]:
    """shared/data/labelled.jsonl as chat transcripts with no app context (text alone); empty if absent."""
    if not PUBLIC_CORPUS.exists():
        return [], []
    rows = [json.loads(line) for line in PUBLIC_CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [f"hwpub{n:04d}" for n in range(len(rows))]  # neutral, as in load_development
    records = [{"record_id": rid, "kind": "transcript", "user_id": USER, "ts": TS, "source": "chat",
                "segments": [{"speaker": "a", "start": 0.0, "end": 1.0, "text": row["text"]}]}
               for rid, row in zip(ids, rows)]
    return records, [Gold(rid, "transcript", _PUBLIC_CATEGORIES[row["category"]], (), row["text"])
                     for rid, row in zip(ids, rows)]
