"""How large a record is, against the policy's limits, before any stage spends time on it."""
from __future__ import annotations

from models.policy import RecordLimits
from models.records import RawRecord

# The reason of a record or line over a size limit.
TOO_LARGE = "quarantined:too_large"


def text_chars(record: RawRecord) -> int:
    """Characters of every text a record carries: context fields, segment texts and speakers,
    key names and pasted text (an image is bounded by the screenshot limits instead)."""
    context = sum(len(value) for value in (record.app, record.window_title, record.url) if value)
    segments = sum(len(segment.text) + len(segment.speaker) for segment in record.segments)
    events = sum(len(event.key or "") + len(event.text or "") for event in record.events)
    return context + segments + events


def exceeded_limit(record: RawRecord, limits: RecordLimits) -> str | None:
    """The name of the first limit `record` is over (`max_events`, `max_segments`,
    `max_text_chars`, `max_duration_secs`), or None when it is within all of them."""
    if len(record.events) > limits.max_events:
        return "max_events"
    if len(record.segments) > limits.max_segments:
        return "max_segments"
    if text_chars(record) > limits.max_text_chars:
        return "max_text_chars"
    if duration_secs(record) > limits.max_duration_secs:
        return "max_duration_secs"
    return None


def duration_secs(record: RawRecord) -> float:
    """How long after `ts` the record's last key event or segment end lies, in seconds."""
    last_event = max((event.t for event in record.events), default=0) / 1000
    return max(last_event, max((segment.end for segment in record.segments), default=0.0))
