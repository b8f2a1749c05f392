"""The audit summary as the contract defines it, accumulated from record outcomes: counts only."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from models.records import DiscardedRecord, LinesRead, SanitizedRecord, StrippedFields
from models.verifier import REASON_PREFIX as VERIFIER_PREFIX

OUTCOMES = ("sanitized", "dropped", "quarantined")
# The reason of the one line an input file not read to its end (truncated, corrupt, gone) stands for.
UNREADABLE_FILE = "quarantined:unreadable_file"
# What a canary record that got through every stage and the verifier is counted as.
CANARY_CLEAN = "sanitized"


@dataclass(frozen=True)
class CanaryOutcome:
    """The outcome of a canary record (`sanitized`, or a DiscardedRecord's reason): counted apart
    from the input's records, never written."""

    kind: str
    reason: str


def as_canary_outcome(outcome: SanitizedRecord | DiscardedRecord) -> CanaryOutcome:
    """A canary record's outcome: `sanitized` when it got through the verifier, else its reason."""
    return CanaryOutcome(outcome.kind, CANARY_CLEAN if isinstance(outcome, SanitizedRecord) else outcome.reason)


def empty_audit() -> dict[str, Any]:
    """An accumulator with nothing counted."""
    return {"by_reason": Counter(), "by_kind": {}, "entities_masked": Counter(), "by_sensitivity": Counter(),
            "fields_stripped": Counter(), "canaries": Counter(), "lines_read": 0,
            **{outcome: 0 for outcome in OUTCOMES}}


def add_outcome(audit: dict[str, Any],
                outcome: SanitizedRecord | DiscardedRecord | StrippedFields | LinesRead | CanaryOutcome
                ) -> dict[str, Any]:
    """Count one record's outcome into `audit` (mutated and returned, as a CombineFn accumulator is);
    a note of stripped fields counts the field names, and a count of lines read adds to the lines
    the outcomes must account for: neither is an outcome of its own, nor is a canary's."""
    if isinstance(outcome, CanaryOutcome):
        audit["canaries"][outcome.reason] += 1
        return audit
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
        merged["canaries"].update(audit["canaries"])
        for kind, counts in audit["by_kind"].items():
            merged["by_kind"].setdefault(kind, Counter()).update(counts)
    return merged


def finish_audit(audit: dict[str, Any], lines_read: int, policy_version: str,
                 canaries: bool = False) -> dict[str, Any]:
    """The summary.json document; `unaccounted` is the input lines with no outcome (must be 0),
    `files_incomplete` the input files not read to their end, whose unread lines no count can hold,
    `verifier` what the second-pass verifier kept from the sink, and with `canaries` their block."""
    accounted = sum(audit[outcome] for outcome in OUTCOMES)
    caught = _verifier_types(audit["by_reason"])
    summary = {
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
        "verifier": {"quarantined": sum(caught.values()), "by_type": caught},
        "policy_version": policy_version,
    }
    if canaries:
        summary["canaries"] = canary_block(audit["canaries"])
    return summary


def _verifier_types(reasons: Counter) -> dict[str, int]:
    return {reason[len(VERIFIER_PREFIX):]: count for reason, count in sorted(reasons.items())
            if reason.startswith(VERIFIER_PREFIX)}


def canary_block(outcomes: Counter) -> dict[str, Any]:
    """The canaries' results, outside the records_in accounting: any the verifier caught is a secret
    the main detectors missed."""
    caught = _verifier_types(outcomes)
    return {
        "records_in": sum(outcomes.values()),
        "sanitized_clean": outcomes.get(CANARY_CLEAN, 0),
        "caught_by_verifier": caught,
        "missed_by_main_detectors": sum(caught.values()),
        "other_outcomes": {reason: count for reason, count in sorted(outcomes.items())
                           if reason != CANARY_CLEAN and not reason.startswith(VERIFIER_PREFIX)},
    }
