"""The consent registry (contract: one JSON object per user, the latest line wins) and its rules."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Literal

import pydantic

from models.parse import RFC3339
from models.records import RawRecord


class ConsentError(ValueError):
    """A registry that cannot be used; the message names the place (pattern, file:line), never the content."""


# The registry a failed re-read stands for in streaming: every record checked against it is dropped
# as `registry_unavailable`, never checked against an older read that could miss an opt-out.
UNAVAILABLE = None


def _rfc3339(value: object) -> datetime:
    """Only RFC 3339 date-times with an offset: a bare date or a number could be read many ways."""
    if not isinstance(value, str) or not RFC3339.match(value):
        raise ValueError("not an RFC 3339 date-time with an offset")
    return datetime.fromisoformat(value.replace("z", "Z"))


Moment = Annotated[datetime, pydantic.BeforeValidator(_rfc3339)]


class _Pause(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    start: Moment
    end: Moment

    @pydantic.model_validator(mode="after")
    def _ordered(self) -> "_Pause":
        if self.end <= self.start:
            raise ValueError("a pause must end after it starts")
        return self


class _Entry(pydantic.BaseModel):
    """One registry line; unknown keys are errors: a misspelt `opt_out` must not read as consent."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    user_id: str = pydantic.Field(min_length=1)
    consent_from: Moment | None = None
    opted_out: pydantic.StrictBool = False
    opted_out_kinds: tuple[Literal["keystrokes", "transcript", "screenshot"], ...] = ()
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
        except (ValueError, RecursionError) as exc:  # undecodable, not JSON, invalid, too deep or too long a number
            raise ConsentError(f"consent registry {place}:{number}: unusable line ({type(exc).__name__})") from None
        registry[entry.user_id] = Consent(entry.consent_from, entry.opted_out, frozenset(entry.opted_out_kinds),
                                          tuple((p.start, p.end) for p in entry.pauses))
    return registry


def record_span(record: RawRecord) -> tuple[datetime, datetime]:
    """From `ts` to the last key event or segment end: the time the record covers."""
    start = datetime.fromisoformat(record.ts.replace("z", "Z"))
    millis = max((event.t for event in record.events), default=0)
    seconds = max((segment.end for segment in record.segments), default=0.0)
    return start, start + max(timedelta(milliseconds=millis), timedelta(seconds=seconds))


def consent_verdict(record: RawRecord, registry: dict[str, Consent] | None) -> str | None:
    """Why the record must be dropped (`registry_unavailable` when the read it is checked against
    failed, `no_consent`, `opted_out`, `opted_out_kind`, `before_consent`, `paused`), or None when
    consent holds."""
    if registry is UNAVAILABLE:
        return "registry_unavailable"
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
    if any(start < pause_end and pause_start <= end for pause_start, pause_end in consent.pauses):
        return "paused"
    return None
