"""Detected spans -> `<ENTITY_TYPE>` placeholders in text.

One merge of overlapping spans drives text, key-event and box masking alike, so the three kinds
can never disagree about what was covered.
"""
from __future__ import annotations

from models.records import Span


def placeholder(entity_type: str) -> str:
    """The text that stands in for a masked span, e.g. `<EMAIL_ADDRESS>`."""
    return f"<{entity_type}>"


def merge_spans(spans: list[Span] | tuple[Span, ...]) -> list[Span]:
    """Union overlapping or touching spans; the merged span takes the type of its highest-scoring part."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start <= merged[-1].end:
            last = merged[-1]
            best = last if last.score >= span.score else span
            merged[-1] = Span(best.entity_type, last.start, max(last.end, span.end), best.score)
        else:
            merged.append(span)
    return merged


def replace_spans(text: str, spans: list[Span] | tuple[Span, ...]) -> str:
    """Replace every span of `text` by its placeholder; overlapping spans are merged first."""
    pieces, position = [], 0
    for span in merge_spans(spans):
        pieces.append(text[position:span.start])
        pieces.append(placeholder(span.entity_type))
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)
