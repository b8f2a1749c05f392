"""The audit summary as the contract defines it, accumulated from record outcomes: counts only."""
from __future__ import annotations

from collections import Counter
from typing import Any

from models.records import DiscardedRecord, LinesRead, SanitizedRecord, StrippedFields

OUTCOMES = ("sanitized", "dropped", "quarantined")
# The reason of the one line an input file not read to its end (truncated, corrupt, gone) stands for.
UNREADABLE_FILE = "quarantined:unreadable_file"


def empty_audit() -> dict[str, Any]:
    """An accumulator with nothing counted."""
    return {"by_reason": Counter(), "by_kind": {}, "entities_masked": Counter(), "by_sensitivity": Counter(),
            "fields_stripped": Counter(), "lines_read": 0, **{outcome: 0 for outcome in OUTCOMES}}


def add_outcome(audit: dict[str, Any],
                outcome: SanitizedRecord | DiscardedRecord | StrippedFields | LinesRead) -> dict[str, Any]:
    """Count one record's outcome into `audit` (mutated and returned, as a CombineFn accumulator is);
    a note of stripped fields counts the field names, and a count of lines read adds to the lines
    the outcomes must account for: neither is an outcome of its own."""
    if isinstance(outcome, LinesRead):
        audit["lines_read"] += outcome.count
        return audit
    if isinstance(outcome, StrippedFields):
        audit["fields_stripped"].update(outcome.fields)
        return audit
    if isinstance(outcome, SanitizedRecord):
        status = "sanitized"
        audit["entities_masked"].update(dict(outcome.entity_counts))
        audit["by_sensitivity"][str(outcome.sensitivity)] += 1
    else:
        status = outcome.outcome
        audit["by_reason"][outcome.reason] += 1
    audit[status] += 1
    kind = audit["by_kind"].setdefault(outcome.kind, Counter())
    kind["in"] += 1
    kind[status] += 1
    return audit


def merge_audits(audits: list[dict[str, Any]]) -> dict[str, Any]:
    """Sum accumulators."""
    merged = empty_audit()
    for audit in audits:
        for total in ("lines_read", *OUTCOMES):
            merged[total] += audit[total]
        merged["by_reason"].update(audit["by_reason"])
        merged["entities_masked"].update(audit["entities_masked"])
        merged["by_sensitivity"].update(audit["by_sensitivity"])
        merged["fields_stripped"].update(audit["fields_stripped"])
        for kind, counts in audit["by_kind"].items():
            merged["by_kind"].setdefault(kind, Counter()).update(counts)
    return merged


def finish_audit(audit: dict[str, Any], lines_read: int, policy_version: str) -> dict[str, Any]:
    """The summary.json document; `unaccounted` is the input lines with no outcome (must be 0), and
    `files_incomplete` the input files not read to their end, whose unread lines no count can hold."""
    accounted = sum(audit[outcome] for outcome in OUTCOMES)
    return {
        "records_in": lines_read,
        **{outcome: audit[outcome] for outcome in OUTCOMES},
        "unaccounted": lines_read - accounted,
        "files_incomplete": audit["by_reason"].get(UNREADABLE_FILE, 0),
        "by_reason": dict(sorted(audit["by_reason"].items())),
        "by_kind": {kind: {key: counts[key] for key in ("in", *OUTCOMES)}
                    for kind, counts in sorted(audit["by_kind"].items())},
        "entities_masked": dict(sorted(audit["entities_masked"].items())),
        "sanitized_by_sensitivity": dict(sorted(audit["by_sensitivity"].items())),
        "fields_stripped": dict(sorted(audit["fields_stripped"].items())),
        "policy_version": policy_version,
    }
