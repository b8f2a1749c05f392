"""Scores of the generated splits, as screen-PII benchmarks report them: per-record zero-leak (a
record counts only if every gold value is gone), over-redaction, category drops, screen boxes
checked by pixels, and the OCR's own reach, each with a bootstrap 95% interval over records.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from evaluation.generated.spans import CORE_LABELS
from evaluation.miss_classes import screen_aspects, tally, text_aspects
from models.images import FILL
from models.keystrokes import rebuild_typed_text
from models.records import KeyEvent

_WORD = re.compile(r"\w+")
INK_DISTANCE = 60  # summed RGB difference from the box's background that counts as drawn text
COVERED_SHARE = 0.95  # share of a value's ink pixels that must be the fill colour
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 20261201


@dataclass
class RecordScore:
    """What happened to one record's gold: kept or dropped, which values leaked, words lost."""

    record_id: str
    kind: str
    category: str | None
    hard_negative: bool
    kept: bool
    labels: set[str] = field(default_factory=set)
    leaked_labels: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    leaked_regions: set[str] = field(default_factory=set)
    spans: int = 0
    leaked_spans: int = 0
    words: int = 0
    words_lost: int = 0
    leaked_fields: list[str] = field(default_factory=list)
    look: dict[str, str] = field(default_factory=dict)  # a screen's theme and scale ("1x", "2x")
    span_rows: list[tuple[str, bool, dict[str, str]]] = field(default_factory=list)  # kept: (label, leaked, class)

    @property
    def has_core(self) -> bool:
        """Whether the record holds a core identifier at all."""
        return bool(self.labels & CORE_LABELS)

    @property
    def core_leak(self) -> bool:
        """Whether at least one core identifier is still in the output (never for a dropped record)."""
        return bool(self.leaked_labels & CORE_LABELS)


def output_field(doc: dict, name: str) -> str | None:
    """The sanitized text of field `name` (app, window_title, url, segments.I.text|speaker, typed)."""
    if name in ("app", "window_title", "url"):
        return doc.get(name)
    if name == "typed":
        events = tuple(KeyEvent(e.get("t", 0), e.get("key"), tuple(e.get("mods", ())), e.get("type", "keydown"),
                                e.get("text")) for e in doc.get("events", ()))
        return rebuild_typed_text(events).text
    _, index, part = name.split(".")
    segments = doc.get("segments", [])
    return segments[int(index)].get(part) if int(index) < len(segments) else None


def contains(text: str | None, value: str) -> bool:
    """Whether `value` is still in `text` as a whole token (not inside a longer word)."""
    if not text or not value:
        return False
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text) is not None


def leaked(text: str | None, value: str, label: str) -> bool:
    """Whether a gold value is still readable in `text`: whole, or for a person's name any part of
    three or more letters ("<PERSON> Lima" still names Lima)."""
    if contains(text, value):
        return True
    parts = [p for p in re.split(r"[\s,]+", value) if len(p) >= 3] if label == "PERSON" else []
    return len(parts) > 1 and any(contains(text, part) for part in parts)


def words_outside(text: str, spans: list[dict]) -> Counter:
    """The words of `text` that are not inside a gold span."""
    kept = list(text)
    for span in spans:
        kept[span["start"]:span["end"]] = " " * (span["end"] - span["start"])
    return Counter(_WORD.findall("".join(kept)))


def score_text(gold: dict, doc: dict | None) -> RecordScore:
    """One text record: each gold span looked up in its output field, and non-PII words lost."""
    score = RecordScore(gold["record_id"], gold["kind_of_text"], gold["category"], gold["hard_negative"], doc is not None)
    score.labels = {s["label"] for s in gold["spans"]}
    score.spans = len(gold["spans"])
    if doc is None:
        return score
    for span in gold["spans"]:
        is_leaked = leaked(output_field(doc, span["field"]), span["value"], span["label"])
        score.span_rows.append((span["label"], is_leaked, text_aspects(gold["texts"], span)))
        if is_leaked:
            score.leaked_labels.add(span["label"])
            score.leaked_spans += 1
            score.leaked_fields.append(f"{span['label']}@{span['field']}")
    for name, text in gold["texts"].items():
        words = words_outside(text, [s for s in gold["spans"] if s["field"] == name])
        out = Counter(_WORD.findall(output_field(doc, name) or ""))
        score.words += sum(words.values())
        score.words_lost += sum((words - out).values())
    return score


def ink(before: np.ndarray, box: list[float]) -> tuple[tuple[slice, slice], np.ndarray] | None:
    """The pixel window of `box` and which of its pixels are drawn text: far from the window's most
    common colour in the input. None when nothing is drawn there (no text to leak)."""
    x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
    x1, y1 = min(before.shape[1], int(np.ceil(box[2]))), min(before.shape[0], int(np.ceil(box[3])))
    window = (slice(y0, y1), slice(x0, x1))
    flat = before[window].reshape(-1, 3).astype(int)
    if not len(flat):
        return None
    colours, counts = np.unique(flat, axis=0, return_counts=True)
    mask = np.abs(flat - colours[counts.argmax()]).sum(axis=1) > INK_DISTANCE
    return (window, mask) if mask.any() else None


def box_covered(before: np.ndarray, after: np.ndarray, box: list[float]) -> bool | None:
    """Whether the text drawn in `box` is gone: at least COVERED_SHARE of its ink pixels are the
    fill colour in the output. None when the box holds no ink."""
    found = ink(before, box)
    if found is None:
        return None
    window, mask = found
    filled = (after[window].reshape(-1, 3) == np.array(FILL)).all(axis=1)
    return bool(filled[mask].mean() >= COVERED_SHARE)


def score_screen(gold: dict, before: Image.Image, after: Image.Image | None, read: str | None = None) -> RecordScore:
    """One screen: every gold box with ink checked by pixels in the output PNG (a dropped screen leaks nothing);
    `read`, the OCR's text of the input, tells which values were read at all."""
    score = RecordScore(gold["record_id"], "screenshot", gold["category"], gold["hard_negative"], after is not None)
    score.look = {"theme": str(gold.get("theme")), "scale": f"{gold.get('scale')}x"}
    before_px = np.asarray(before.convert("RGB"))
    after_px = np.asarray(after.convert("RGB")) if after is not None else None
    if after_px is not None and after_px.shape != before_px.shape:
        raise ValueError("output screen size differs from input")
    for span in gold["spans"]:
        if ink(before_px, span["box"]) is None:
            continue
        score.spans += 1
        score.labels.add(span["label"])
        score.regions.add(span["region"])
        if after_px is None:
            continue
        is_leaked = not box_covered(before_px, after_px, span["box"])
        was_read = None if read is None else squash(span["value"]) in squash(read)
        score.span_rows.append((span["label"], is_leaked, screen_aspects(gold, span, was_read)))
        if is_leaked:
            score.leaked_spans += 1
            score.leaked_labels.add(span["label"])
            score.leaked_regions.add(span["region"])
            score.leaked_fields.append(f"{span['label']}@{span['region']}")
    return score


def bootstrap(numerators: list[float], denominators: list[float], samples: int = BOOTSTRAP_SAMPLES,
              seed: int = BOOTSTRAP_SEED) -> dict:
    """sum(num)/sum(den) and its 95% percentile interval, resampling records with replacement."""
    num, den = np.asarray(numerators, float), np.asarray(denominators, float)
    if den.sum() == 0:
        return {"value": None, "low": None, "high": None, "n": len(den)}
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(den), size=(samples, len(den)))
    sums = den[picks].sum(axis=1)
    ratios = np.divide(num[picks].sum(axis=1), sums, out=np.full(samples, np.nan), where=sums > 0)
    low, high = np.nanpercentile(ratios, [2.5, 97.5])
    return {"value": round(float(num.sum() / den.sum()), 4), "low": round(float(low), 4), "high": round(float(high), 4),
            "n": int((den > 0).sum())}


def share(records: list[RecordScore], hit) -> dict:
    """Share of `records` for which `hit(record)` holds, with its interval."""
    return bootstrap([float(bool(hit(r))) for r in records], [1.0] * len(records))


def zero_leak(records: list[RecordScore], label: str | None = None, region: str | None = None,
              kept_only: bool = False) -> dict:
    """Share of records holding the gold (core labels, or `label`, or `region`) in which none of it leaked."""
    def holds(r: RecordScore) -> bool:
        if label:
            return label in r.labels
        if region:
            return region in r.regions
        return r.has_core

    def clean(r: RecordScore) -> bool:
        if label:
            return label not in r.leaked_labels
        if region:
            return region not in r.leaked_regions
        return not r.core_leak

    return share([r for r in records if holds(r) and (r.kept or not kept_only)], clean)


def by_look(records: list[RecordScore], aspect: str) -> dict[str, dict]:
    """Zero-leak of kept screens by one aspect of their look (theme, or scale)."""
    screens = [r for r in records if aspect in r.look]
    return {value: zero_leak([r for r in screens if r.look[aspect] == value], kept_only=True)
            for value in sorted({r.look[aspect] for r in screens})}


def summarize(records: list[RecordScore]) -> dict:
    """Every figure of one split: zero-leak overall, by kind, by label; over-redaction; drops."""
    kinds = sorted({r.kind for r in records})
    labels = sorted({label for r in records for label in r.labels})
    regions = sorted({region for r in records for region in r.regions})
    text = [r for r in records if r.kind != "screenshot" and r.kept]
    categories = sorted({r.category for r in records if r.category})
    benign = [r for r in records if r.category == "benign"]
    return {
        "records": len(records),
        "zero_leak": {"all": zero_leak(records), "kept": zero_leak(records, kept_only=True)},
        "zero_leak_by_kind": {k: {"all": zero_leak([r for r in records if r.kind == k]),
                                  "kept": zero_leak([r for r in records if r.kind == k], kept_only=True)} for k in kinds},
        "zero_leak_by_label": {label: {"all": zero_leak(records, label=label),
                                       "kept": zero_leak(records, label=label, kept_only=True)} for label in labels},
        "zero_leak_by_label_and_kind": {f"{label}, {k}": zero_leak(group, label=label, kept_only=True)
                                        for label in labels for k in kinds
                                        if (group := [r for r in records if r.kind == k and label in r.labels])},
        "zero_leak_by_region": {region: zero_leak(records, region=region, kept_only=True) for region in regions},
        "zero_leak_by_theme": by_look(records, "theme"),
        "zero_leak_by_scale": by_look(records, "scale"),
        "boxes_covered": bootstrap([r.spans - r.leaked_spans for r in records if r.kind == "screenshot" and r.kept],
                                   [r.spans for r in records if r.kind == "screenshot" and r.kept]),
        "over_redaction": bootstrap([r.words_lost for r in text], [r.words for r in text]),
        "over_redaction_by_kind": {k: bootstrap([r.words_lost for r in text if r.kind == k], [r.words for r in text if r.kind == k])
                                   for k in kinds if k != "screenshot"},
        "drop_recall": {c: share([r for r in records if r.category == c], lambda r: not r.kept)
                        for c in categories if c != "benign"},
        "drop_recall_by_kind": {f"{c}, {k}": share(group, lambda r: not r.kept)
                                for c in categories if c != "benign" for k in kinds
                                if (group := [r for r in records if r.category == c and r.kind == k])},
        "false_drops_by_kind": {f"{name}, {k}": share(group, lambda r: not r.kept)
                                for name, hard in (("ordinary work", False), ("hard negatives", True)) for k in kinds
                                if (group := [r for r in benign if r.hard_negative == hard and r.kind == k])},
        "false_drops": {"ordinary work": share([r for r in benign if not r.hard_negative], lambda r: not r.kept),
                        "hard negatives": share([r for r in benign if r.hard_negative], lambda r: not r.kept)},
        "unlabelled_dropped": share([r for r in records if r.category is None], lambda r: not r.kept),
        "misses": {k: tally([row for r in records if r.kind == k for row in r.span_rows]) for k in kinds},
    }


def squash(text: str) -> str:
    """Lower case without any whitespace, for comparing OCR text with gold values."""
    return re.sub(r"\s+", "", text).lower()


def ocr_reach(entries: list[tuple[dict, str]]) -> dict:
    """Share of gold values on screens that the OCR reads at all (whole value in its text), overall,
    by region and by label; `entries` pairs each screen's gold with the OCR text of its input.
    Intervals resample screens, not values, as values of one screen share its look."""
    rows = []  # per screen: (region, label, found)
    for gold, text in entries:
        seen = squash(text)
        rows.append([(s["region"], s["label"], squash(s["value"]) in seen) for s in gold["spans"]])

    def reach(keep) -> dict:
        picked = [[hit for region, label, hit in screen if keep(region, label)] for screen in rows]
        return bootstrap([sum(p) for p in picked], [len(p) for p in picked])

    regions = sorted({r for screen in rows for r, _, _ in screen})
    labels = sorted({label for screen in rows for _, label, _ in screen})
    return {"all": reach(lambda r, label: True),
            "by_region": {g: reach(lambda r, label, g=g: r == g) for g in regions},
            "by_label": {g: reach(lambda r, label, g=g: label == g) for g in labels}}
