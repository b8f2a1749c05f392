"""Audit accumulation: outcomes add up, and lines without an outcome show as unaccounted."""
from __future__ import annotations

from models.audit import CanaryOutcome, add_outcome, as_canary_outcome, empty_audit, finish_audit, merge_audits
from models.records import DiscardedRecord, SanitizedRecord, StrippedFields


def test_when_outcomes_are_counted_then_totals_reconcile_by_kind_and_reason():
    first, second = empty_audit(), empty_audit()
    add_outcome(first, SanitizedRecord("transcript", "{}", (("PERSON", 2),), 2))
    add_outcome(first, DiscardedRecord("unknown", "quarantined:malformed_json"))
    add_outcome(second, DiscardedRecord("screenshot", "error:ocr", "RuntimeError"))
    add_outcome(second, SanitizedRecord("transcript", "{}", (("PERSON", 1), ("EMAIL_ADDRESS", 1))))
    add_outcome(first, StrippedFields("transcript", ("window_title", "url")))
    add_outcome(second, StrippedFields("keystrokes", ("window_title",)))
    summary = finish_audit(merge_audits([first, second]), lines_read=4, policy_version="v1")
    assert summary["records_in"] == 4 == summary["sanitized"] + summary["dropped"] + summary["quarantined"]
    assert summary["unaccounted"] == 0
    assert summary["by_reason"] == {"error:ocr": 1, "quarantined:malformed_json": 1}
    assert summary["by_kind"]["transcript"] == {"in": 2, "sanitized": 2, "dropped": 0, "quarantined": 0}
    assert summary["entities_masked"] == {"EMAIL_ADDRESS": 1, "PERSON": 3}
    assert summary["sanitized_by_sensitivity"] == {"1": 1, "2": 1}
    assert summary["fields_stripped"] == {"url": 1, "window_title": 2}  # notes, not outcomes
    assert summary["policy_version"] == "v1"


def test_when_a_line_has_no_outcome_then_it_is_unaccounted():
    audit = add_outcome(empty_audit(), SanitizedRecord("keystrokes", "{}"))
    assert finish_audit(audit, lines_read=2, policy_version="v1")["unaccounted"] == 1


def test_when_a_file_was_not_read_to_its_end_then_the_summary_counts_it_apart():
    audit = add_outcome(empty_audit(), DiscardedRecord("unknown", "quarantined:unreadable_file"))
    add_outcome(audit, DiscardedRecord("unknown", "quarantined:malformed_json"))
    summary = finish_audit(audit, lines_read=2, policy_version="v1")
    assert summary["files_incomplete"] == 1 and summary["unaccounted"] == 0
    assert finish_audit(empty_audit(), lines_read=0, policy_version="v1")["files_incomplete"] == 0


def test_when_canaries_and_verifier_findings_are_counted_then_canaries_stay_outside_records_in():
    first, second = empty_audit(), empty_audit()
    add_outcome(first, DiscardedRecord("transcript", "quarantined:verifier:EMAIL_ADDRESS"))
    add_outcome(first, as_canary_outcome(SanitizedRecord("transcript", "{}")))
    add_outcome(second, as_canary_outcome(DiscardedRecord("transcript", "quarantined:verifier:CANARY")))
    add_outcome(second, CanaryOutcome("keystrokes", "dropped:category:medical"))
    summary = finish_audit(merge_audits([first, second]), lines_read=1, policy_version="v1", canaries=True)
    assert (summary["records_in"], summary["quarantined"], summary["unaccounted"]) == (1, 1, 0)
    assert summary["verifier"] == {"quarantined": 1, "by_type": {"EMAIL_ADDRESS": 1}}
    assert summary["canaries"] == {"records_in": 3, "sanitized_clean": 1, "caught_by_verifier": {"CANARY": 1},
                                   "missed_by_main_detectors": 1, "other_outcomes": {"dropped:category:medical": 1}}
    assert "canaries" not in finish_audit(empty_audit(), lines_read=0, policy_version="v1")
