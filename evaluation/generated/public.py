"""Public text with real people's kinds of content in it, from ../shared/data, as contract records.

Each family takes its own third of every source (by a hash of the item's id), so the dev and test
splits never share a row. Sources: #ubuntu IRC logs (nicks as usernames), MTS-Dialog clinical
dialogues (medical), presidio-research's synthetic PII sentences (character spans, no category).
"""
from __future__ import annotations

import csv
import hashlib
import json
import random
import re
from pathlib import Path

from evaluation.generated.records import Built, base_record, gold_entry

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
_IRC_LINE = re.compile(r"^\[\d\d:\d\d\] <([^>]+)> (.+)$")
_PRESIDIO_LABELS = {"PERSON": "PERSON", "STREET_ADDRESS": "ADDRESS", "GPE": "LOCATION", "CREDIT_CARD": "CREDIT_CARD",
                    "PHONE_NUMBER": "PHONE_NUMBER", "EMAIL_ADDRESS": "EMAIL_ADDRESS", "IBAN_CODE": "ACCOUNT_NUMBER",
                    "US_SSN": "NATIONAL_ID", "IP_ADDRESS": "IP_ADDRESS", "US_DRIVER_LICENSE": "NATIONAL_ID"}
PARTS = 3


def share_of(item_id: str) -> int:
    """Which family's third an item belongs to (stable across runs and machines)."""
    return int(hashlib.sha256(item_id.encode()).hexdigest()[:8], 16) % PARTS


def public_records(share: int, prefix: str, limits: dict[str, int], rng: random.Random,
                   root: Path = SHARED_DATA) -> list[Built]:
    """Up to `limits[source]` records of each public source from third `share`; none if the data is absent."""
    built: list[Built] = []
    for source, reader in (("irc", _irc), ("clinical", _clinical), ("presidio", _presidio)):
        if not limits.get(source):
            continue
        items = [item for item in reader(root) if share_of(item[0]) == share]
        rng.shuffle(items)
        for n, (_, make) in enumerate(items[:limits.get(source, 0)]):
            built.append(make(f"{prefix}-{source}-{n:04d}", len(built)))
    return built


def _irc(root: Path) -> list[tuple[str, object]]:
    items = []
    for path in sorted((root / "benign_ubuntu_irc").glob("*.raw.txt")):
        lines = [m.groups() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                 if (m := _IRC_LINE.match(line))]
        nicks = {nick for nick, _ in lines if len(nick) >= 3}
        for start in range(0, len(lines) - 5, 5):
            items.append((f"{path.name}:{start}", _irc_maker(lines[start:start + 5], nicks)))
    return items


def _irc_maker(lines: list[tuple[str, str]], nicks: set[str]):
    def make(record_id: str, index: int) -> Built:
        record = base_record(record_id, "transcript", index, "HexChat", "#ubuntu - HexChat", "")
        record["source"] = "chat"
        record["segments"] = [{"speaker": nick, "start": float(i), "end": float(i) + 0.5, "text": text}
                              for i, (nick, text) in enumerate(lines)]
        spans, texts = [], {}
        for i, (nick, text) in enumerate(lines):
            spans.append({"field": f"segments.{i}.speaker", "label": "USERNAME", "start": 0, "end": len(nick), "value": nick})
            texts[f"segments.{i}.text"] = text
            for other in sorted(nicks):
                for m in re.finditer(rf"(?<![\w|\\^`\[\]{{}}-]){re.escape(other)}(?![\w|\\^`\[\]{{}}-])", text):
                    spans.append({"field": f"segments.{i}.text", "label": "USERNAME", "start": m.start(),
                                  "end": m.end(), "value": other})
        return Built(record, gold_entry(record_id, "public_irc", "transcript", "benign", False, spans, texts))
    return make


def _clinical(root: Path) -> list[tuple[str, object]]:
    path = root / "medical_mts_dialog" / "MTS-Dialog-TrainingSet.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(f"mts:{row['ID']}", _clinical_maker(row["dialogue"])) for row in rows if row["dialogue"].count("\n") >= 2]


def _clinical_maker(dialogue: str):
    def make(record_id: str, index: int) -> Built:
        turns = [line.split(":", 1) for line in dialogue.splitlines() if ":" in line][:8]
        record = base_record(record_id, "transcript", index, "Zoom", "Zoom Meeting", "")
        record["source"] = "voice"
        record["segments"] = [{"speaker": who.strip(), "start": float(i), "end": float(i) + 0.9, "text": said.strip()}
                              for i, (who, said) in enumerate(turns)]
        texts = {f"segments.{i}.text": s["text"] for i, s in enumerate(record["segments"])}
        return Built(record, gold_entry(record_id, "public_clinical", "transcript", "medical", False, [], texts))
    return make


def _presidio(root: Path) -> list[tuple[str, object]]:
    path = root / "pii_presidio_synth" / "synth_dataset_v2.json"
    if not path.exists():
        return []
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [(f"presidio:{n}", _presidio_maker(row)) for n, row in enumerate(rows)]


def _presidio_maker(row: dict):
    def make(record_id: str, index: int) -> Built:
        text = row["full_text"]
        record = base_record(record_id, "transcript", index, "Google Chrome", "ChatGPT", "https://chatgpt.com/")
        record["source"] = "ai_prompt"
        record["segments"] = [{"speaker": "user", "start": 0.0, "end": 1.0, "text": text}]
        spans = [{"field": "segments.0.text", "label": _PRESIDIO_LABELS[s["entity_type"]], "start": s["start_position"],
                  "end": s["end_position"], "value": text[s["start_position"]:s["end_position"]]}
                 for s in row["spans"] if s["entity_type"] in _PRESIDIO_LABELS]
        return Built(record, gold_entry(record_id, "public_presidio", "transcript", None, False, spans,
                                        {"segments.0.text": text}))
    return make
