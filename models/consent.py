"""The consent registry (contract: one JSON object per user, the latest line wins) and its rules."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pydantic

from models.records import RawRecord


class ConsentError(ValueError):
    """A registry line that cannot be used; the message names the place, never the content."""


class _Pause(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="ignore", frozen=True)
    start: datetime
    end: datetime


class _Entry(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="ignore", frozen=True)
    user_id: str = pydantic.Field(min_length=1)
    consent_from: datetime | None = None
    opted_out: bool = False
    opted_out_kinds: tuple[str, ...] = ()
    pauses: tuple[_Pause, ...] = ()


@dataclass(frozen=True)
class Consent:
    """What one user agreed to: from when, which kinds not, and when capture was paused."""

    consent_from: datetime | None
    opted_out: bool
    opted_out_kinds: frozenset[str]
    pauses: tuple[tuple[datetime, datetime], ...]


def read_registry(lines: list[tuple[str, int, bytes]]) -> dict[str, Consent]:
    """(file, line number, bytes) in file order -> consent by raw user id; a later line replaces an
    earlier one. Any unusable line stops the run: skipping it could let an older consent stand."""
    registry: dict[str, Consent] = {}
    for place, number, line in lines:
        if not line.strip():
            continue
        try:
            entry = _Entry.model_validate(json.loads(line.decode("utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError, pydantic.ValidationError) as exc:
            raise ConsentError(f"consent registry {place}:{number}: unusable line ({type(exc).__name__})") from None
        registry[entry.user_id] = Consent(
            _aware(entry.consent_from) if entry.consent_from else None, entry.opted_out,
            frozenset(entry.opted_out_kinds), tuple((_aware(p.start), _aware(p.end)) for p in entry.pauses))
    return registry


def record_span(record: RawRecord) -> tuple[datetime, datetime]:
    """From `ts` to the last key event or segment end: the time the record covers."""
    start = _aware(datetime.fromisoformat(record.ts.replace("z", "Z")))
    millis = max((event.t for event in record.events), default=0)
    seconds = max((segment.end for segment in record.segments), default=0.0)
    return start, start + max(timedelta(milliseconds=millis), timedelta(seconds=seconds))


def consent_verdict(record: RawRecord, registry: dict[str, Consent]) -> str | None:
    """Why the record must be dropped (`no_consent`, `opted_out`, `opted_out_kind`,
    `before_consent`, `paused`), or None when consent holds."""
    consent = registry.get(record.user_id)
    if consent is None:
        return "no_consent"
    if consent.opted_out:
        return "opted_out"
    if record.kind in consent.opted_out_kinds:
        return "opted_out_kind"
    start, end = record_span(record)
    if consent.consent_from and start < consent.consent_from:
        return "before_consent"
    if any(pause_start <= start < pause_end or (start < pause_end and pause_start < end)
           for pause_start, pause_end in consent.pauses):
        return "paused"
    return None


def _aware(moment: datetime) -> datetime:
    """Times without an offset are taken as UTC, so every comparison is between aware times."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
