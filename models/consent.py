"""The consent registry (contract: one JSON object per user, the latest line wins) and its rules."""
from __future__ import annotations

import json
import unicodedata
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
    """One registry line; unknown keys are errors: a misspelt `opt_out` must not read as consent.
    `user_id` must be the id exactly as the records carry it (checked in `read_registry`)."""

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


def folded_id(user_id: str) -> str:
    """A user id as it reads: compatibility forms folded (NFKC: full-width letters, no-break spaces),
    invisible characters dropped (format characters such as zero-width spaces and direction marks,
    variation selectors), surrounding blanks and case ignored: how ids that only look alike are told apart."""
    visible = "".join(char for char in unicodedata.normalize("NFKC", user_id) if not _invisible(char))
    return unicodedata.normalize("NFKC", visible.strip().casefold())


def _invisible(char: str) -> bool:
    """A format character (category Cf) or a variation selector: nothing a reader of the id sees."""
    return unicodedata.category(char) == "Cf" or "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"


@dataclass(frozen=True)
class Registry:
    """Consent by raw user id, matched exactly (as pseudonyms and erasure match ids), and the ids
    folded, which name a record whose id differs from a registered one only in how it is written
    (case, surrounding blanks, compatibility forms, invisible characters)."""

    consents: dict[str, Consent]
    folded: frozenset[str]


def read_registry(lines: list[tuple[str, int, bytes]]) -> Registry:
    """(file, line number, bytes) in file order -> consent by raw user id; a later line replaces an
    earlier one. Any unusable line stops the run: skipping it could let an older consent stand.

    So does an id with surrounding blanks, or one that differs from an earlier line's only in case,
    compatibility forms or invisible characters (`folded_id`): matched exactly, such a line would
    never apply to the records, and an opt-out written so would leave the earlier consent standing;
    matched loosely, two users would become one. Errors name the line, never the id.
    """
    consents: dict[str, Consent] = {}
    spelt_at: dict[str, tuple[str, str]] = {}  # folded id -> (raw id, place of its first line)
    for place, number, line in lines:
        if not line.strip():
            continue
        try:
            entry = _Entry.model_validate(json.loads(line.decode("utf-8")))
        except (ValueError, RecursionError) as exc:  # undecodable, not JSON, invalid, too deep or too long a number
            raise ConsentError(f"consent registry {place}:{number}: unusable line ({type(exc).__name__})") from None
        if entry.user_id != entry.user_id.strip():
            raise ConsentError(f"consent registry {place}:{number}: user_id has leading or trailing blanks")
        spelling, first = spelt_at.setdefault(folded_id(entry.user_id), (entry.user_id, f"{place}:{number}"))
        if spelling != entry.user_id:
            raise ConsentError(f"consent registry {place}:{number}: user_id differs only in case, compatibility "
                               f"forms or invisible characters from the one at {first}")
        consents[entry.user_id] = Consent(entry.consent_from, entry.opted_out, frozenset(entry.opted_out_kinds),
                                          tuple((p.start, p.end) for p in entry.pauses))
    return Registry(consents, frozenset(spelt_at))


def record_span(record: RawRecord) -> tuple[datetime, datetime]:
    """From `ts` to the last key event or segment end: the time the record covers."""
    start = datetime.fromisoformat(record.ts.replace("z", "Z"))
    millis = max((event.t for event in record.events), default=0)
    seconds = max((segment.end for segment in record.segments), default=0.0)
    return start, start + max(timedelta(milliseconds=millis), timedelta(seconds=seconds))


def consent_verdict(record: RawRecord, registry: Registry | None) -> str | None:
    """Why the record must be dropped (`registry_unavailable` when the read it is checked against
    failed, `no_consent`, `id_case_or_blanks` when the registry holds the user only under an id
    differing in how it is written (`folded_id`), `opted_out`, `opted_out_kind`, `before_consent`,
    `paused`), or None when consent holds."""
    if registry is UNAVAILABLE:
        return "registry_unavailable"
    consent = registry.consents.get(record.user_id)
    if consent is None:
        return "id_case_or_blanks" if folded_id(record.user_id) in registry.folded else "no_consent"
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
