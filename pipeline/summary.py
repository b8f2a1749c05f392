"""The end-of-run report for a person, read back from OUTPUT/audit/summary.json."""
from __future__ import annotations

import json
from typing import Any

from apache_beam.io.filesystems import FileSystems

from transforms.write import audit_path


def read_summary(output: str) -> dict[str, Any]:
    """The audit summary the run wrote."""
    with FileSystems.open(audit_path(output)) as stream:
        return json.loads(stream.read().decode("utf-8"))


def verifier_line(summary: dict[str, Any]) -> str:
    """One prominent line when the verifier kept records from the sink (how many, of which types); else ''."""
    verifier = summary.get("verifier") or {}
    if not verifier.get("quarantined"):
        return ""
    types = ", ".join(f"{name} {count}" for name, count in verifier["by_type"].items())
    return (f"VERIFIER: {verifier['quarantined']} records held a finding after sanitizing and were quarantined, "
            f"not written ({types}): a miss of the main detectors (or a harmless text of a strict shape)")


def canary_lines(summary: dict[str, Any]) -> list[str]:
    """The canaries' result: how many came out clean, and any the verifier caught (a miss of the main detectors)."""
    canaries = summary.get("canaries")
    if canaries is None:
        return []
    lines = [f"canaries: {canaries['records_in']} in, {canaries['sanitized_clean']} sanitized clean, "
             f"{canaries['missed_by_main_detectors']} caught by the verifier, "
             f"{sum(canaries['other_outcomes'].values())} dropped or quarantined for other reasons"]
    if canaries["missed_by_main_detectors"]:
        types = ", ".join(f"{name} {count}" for name, count in canaries["caught_by_verifier"].items())
        lines.append(f"CANARIES MISSED BY THE MAIN DETECTORS: {canaries['missed_by_main_detectors']} ({types})")
    return lines


def format_summary(summary: dict[str, Any], elapsed_secs: float, notes: list[str]) -> str:
    """Counts by outcome, reason, kind, entity type and stripped field, and how long it took: no content."""
    lines = [
        f"records in: {summary['records_in']}   sanitized: {summary['sanitized']}   "
        f"dropped: {summary['dropped']}   quarantined: {summary['quarantined']}   "
        f"unaccounted: {summary['unaccounted']}",
    ]
    if summary["files_incomplete"]:
        lines.append(f"input files not read to their end: {summary['files_incomplete']} (the rest of each is lost; "
                     "the log names them)")
    for title, table in (("by reason", summary["by_reason"]), ("entities masked", summary["entities_masked"]),
                         ("undisclosed fields stripped", summary["fields_stripped"])):
        if table:
            lines.append(f"{title}:")
            lines += [f"  {name:<40} {count:>8}" for name, count in table.items()]
    lines.append("by kind:")
    lines += [f"  {kind:<12} " + "  ".join(f"{key} {value}" for key, value in counts.items())
              for kind, counts in summary["by_kind"].items()]
    lines.append(f"policy version: {summary['policy_version']}")
    lines += canary_lines(summary)
    lines += notes
    lines.append(f"elapsed: {elapsed_secs:.1f} s")
    caught = verifier_line(summary)
    if caught:
        lines += ["", "!" * 72, caught, "!" * 72]
    return "\n".join(lines)
