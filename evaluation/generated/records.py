"""Recipes a template family declares, and the contract records and gold entries built from them.

Gold never goes into a record: it is a side entry per record (spans with field and offsets, or
screen boxes; category; hard negative; kind of text), written to its own file.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from evaluation.generated.spans import Filled, Slots, Span

TS = "2026-06-09T{:02d}:{:02d}:00Z"
_PASTED_LABELS = frozenset({"SECRET", "KEY_ID"})
_NAMED = {"\n": "Enter", "\t": "Tab"}


@dataclass(frozen=True)
class TextRecipe:
    """How one family writes one sort of text record: where it is captured and what it says."""

    name: str
    kind: str  # title_url, transcript or keystrokes
    category: str  # benign, medical, tax, private_chat or performance
    contexts: tuple[tuple[str, str, str], ...]  # (app, window_title, url) templates; "" leaves a field out
    lines: tuple[str, ...] = ()
    hard_negative: bool = False
    source: str = "chat"
    speakers: str = "full"  # person form of speaker names, or "roles"
    turns: tuple[int, int] = (2, 4)
    weight: float = 1.0
    field: str = "text"


@dataclass(frozen=True)
class Screen:
    """One app screen as HTML, with where it was captured."""

    app: str
    title: str
    url: str
    html: str
    width: int
    height: int


@dataclass(frozen=True)
class ScreenRecipe:
    """How one family draws one kind of app screen: `build(slots, rng, theme)` returns the Screen."""

    name: str
    app_kind: str
    category: str
    build: Callable[[Slots, random.Random, str], Screen]
    hard_negative: bool = False
    weight: float = 1.0


@dataclass
class Built:
    """A contract record and its gold entry."""

    record: dict
    gold: dict


def base_record(record_id: str, kind: str, index: int, app: str, title: str, url: str) -> dict:
    """Common contract fields; empty context fields are left out, as agents leave them out."""
    record = {"record_id": record_id, "kind": kind, "user_id": f"emp-eval-{index % 97:03d}",
              "ts": TS.format(8 + index // 60 % 10, index % 60), "session_id": f"sess-{record_id}"}
    record.update({name: value for name, value in (("app", app), ("window_title", title), ("url", url)) if value})
    return record


def gold_entry(record_id: str, recipe_name: str, kind_of_text: str, category: str | None, hard_negative: bool,
               spans: list[dict], texts: dict[str, str]) -> dict:
    """The side entry the scorer reads: what should be gone, what should stay, what should be dropped."""
    return {"record_id": record_id, "recipe": recipe_name, "kind_of_text": kind_of_text, "category": category,
            "hard_negative": hard_negative, "spans": spans, "texts": texts}


def build_text_record(recipe: TextRecipe, slots: Slots, rng: random.Random, record_id: str, index: int) -> Built:
    """One record of `recipe`: a context filled, then the body its kind carries."""
    app_t, title_t, url_t = rng.choice(recipe.contexts)
    context = {name: slots.fill(t) for name, t in (("app", app_t), ("window_title", title_t), ("url", url_t)) if t}
    spans = [_span_json(name, s) for name, filled in context.items() for s in filled.spans]
    texts = {name: filled.text for name, filled in context.items()}
    kind = "keystrokes" if recipe.kind in ("title_url", "keystrokes") else "transcript"
    record = base_record(record_id, kind, index, *(context[n].text if n in context else ""
                                                   for n in ("app", "window_title", "url")))
    if recipe.kind == "title_url":
        record["field"] = "text"
        record["events"] = [{"t": 0, "key": "s", "mods": ["Control"], "type": "keydown"}]
    elif recipe.kind == "keystrokes":
        typed = _join([slots.fill(t) for t in rng.sample(recipe.lines, min(len(recipe.lines), rng.randint(1, 2)))], "\n")
        record["field"] = recipe.field
        record["events"] = typing_events(typed, rng)
        spans += [_span_json("typed", s) for s in typed.spans]
        texts["typed"] = typed.text
    else:
        record["source"] = recipe.source
        record["segments"] = []
        count = rng.randint(*recipe.turns)
        lines = [rng.choice(recipe.lines) for _ in range(count)]
        for i, template in enumerate(lines):
            speaker = _speaker(recipe, slots, i)
            said = slots.fill(template)
            record["segments"].append({"speaker": speaker.text, "start": float(i * 4), "end": float(i * 4 + 3),
                                       "text": said.text})
            spans += [_span_json(f"segments.{i}.speaker", s) for s in speaker.spans]
            spans += [_span_json(f"segments.{i}.text", s) for s in said.spans]
            texts[f"segments.{i}.text"] = said.text
    return Built(record, gold_entry(record_id, recipe.name, recipe.kind, recipe.category, recipe.hard_negative,
                                    spans, texts))


def _speaker(recipe: TextRecipe, slots: Slots, turn: int) -> Filled:
    if recipe.speakers == "roles":
        return Filled("user" if turn % 2 == 0 else "assistant", ())
    return slots.fill(f"{{p{turn % 2 + 1}.{recipe.speakers}}}")


def _join(parts: list[Filled], sep: str) -> Filled:
    text, spans, position = [], [], 0
    for i, part in enumerate(parts):
        if i:
            text.append(sep)
            position += len(sep)
        text.append(part.text)
        spans += [Span(s.label, s.start + position, s.end + position, s.value) for s in part.spans]
        position += len(part.text)
    return Filled("".join(text), tuple(spans))


def _span_json(field_name: str, span: Span) -> dict:
    return {"field": field_name, **span.to_json()}


def typing_events(typed: Filled, rng: random.Random, step_ms: int = 110) -> list[dict]:
    """Key events that type `typed.text`: a keydown per character with the odd typo fixed by
    Backspace, Enter and Tab for newlines and tabs, and secrets mostly pasted, as people paste them."""
    pasted = {s.start: s.end for s in typed.spans if s.label in _PASTED_LABELS and rng.random() < 0.7}
    events: list[dict] = []
    t = 0
    position = 0
    text = typed.text
    while position < len(text):
        t += step_ms + rng.randint(0, 90)
        if position in pasted:
            events.append({"t": t, "key": "v", "mods": ["Control"], "type": "keydown"})
            events.append({"t": t + 5, "type": "paste", "text": text[position:pasted[position]]})
            position = pasted[position]
            continue
        char = text[position]
        if char.isalpha() and rng.random() < 0.02:
            events.append({"t": t, "key": rng.choice("asdfghjkl"), "type": "keydown"})
            events.append({"t": t + 80, "key": "Backspace", "type": "keydown"})
            t += 160
        events.append({"t": t, "key": _NAMED.get(char, char), "type": "keydown"})
        position += 1
    return events
