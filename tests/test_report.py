"""The audit report page: charts from a summary, content-free, self-contained; the trend command."""
from __future__ import annotations

import json
import re

from pipeline.report import key_fingerprint, main, read_summaries, render_report, render_trend

SUMMARY = {
    "records_in": 9, "sanitized": 4, "dropped": 3, "quarantined": 2, "unaccounted": 0, "files_incomplete": 0,
    "by_reason": {"dropped:category:medical": 1, "dropped:consent:opted_out": 2, "quarantined:verifier:CANARY": 1,
                  "quarantined:malformed_json": 1},
    "by_kind": {"keystrokes": {"in": 5, "sanitized": 2, "dropped": 2, "quarantined": 1},
                "transcript": {"in": 4, "sanitized": 2, "dropped": 1, "quarantined": 1}},
    "entities_masked": {"PERSON": 7, "EMAIL_ADDRESS": 2}, "sanitized_by_sensitivity": {"2": 3, "4": 1},
    "fields_stripped": {"url": 1}, "verifier": {"quarantined": 1, "by_type": {"CANARY": 1}},
    "policy_version": "2026-11-25.3", "run": {"runner": "FnApiRunner", "pseudonym_key_fingerprint": "0123456789ab"},
    "canaries": {"records_in": 2, "sanitized_clean": 1, "caught_by_verifier": {"PHONE_NUMBER": 1},
                 "missed_by_main_detectors": 1, "other_outcomes": {}},
}


def test_when_a_summary_is_rendered_then_every_chart_has_bars_and_the_facts_are_shown():
    page = render_report(SUMMARY)
    svgs = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(svgs) == 9 and all("<rect" in svg for svg in svgs)  # every table of SUMMARY is non-empty
    for fact in ("2026-11-25.3", "FnApiRunner", "0123456789ab", "dropped:consent:opted_out", "level 4"):
        assert fact in page
    assert "Verifier: 1 records kept from the sink (CANARY 1)" in page
    assert "the main detectors missed them" in page


def test_when_a_page_is_rendered_then_it_fetches_nothing_and_escapes_names():
    page = render_report({**SUMMARY, "entities_masked": {"<script>": 1}})
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert not re.search(r"(?i)(src|href)\s*=|https?:|@import|url\(", page)


def test_when_nothing_was_caught_then_the_banners_say_so():
    clean = {**SUMMARY, "verifier": {"quarantined": 0, "by_type": {}}}
    del clean["canaries"]
    page = render_report(clean)
    assert "Verifier: no finding" in page and "Canaries: none given" in page


def test_key_fingerprint_tells_keys_apart_without_showing_them():
    first, second = key_fingerprint(b"k" * 32), key_fingerprint(b"j" * 32)
    assert re.fullmatch(r"[0-9a-f]{12}", first) and first != second and first == key_fingerprint(b"k" * 32)


def write_summary(path, **fields):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**SUMMARY, **fields}))


def test_when_the_trend_command_runs_then_it_reads_runs_and_windows_in_time_order(tmp_path, capsys):
    write_summary(tmp_path / "run-b" / "audit" / "summary.json", records_in=11)
    write_summary(tmp_path / "run-a" / "audit" / "summary.json")
    write_summary(tmp_path / "stream" / "audit" / "window-2-x.json", window_start="2026-06-09T12:05:00Z")
    write_summary(tmp_path / "stream" / "audit" / "window-1-x.json", window_start="2026-06-09T12:00:00Z")
    summaries = read_summaries(str(tmp_path / "*"))
    assert len(summaries) == 4
    page = render_trend(summaries)
    labels = re.findall(r'text-anchor="end">([^<]+)<', page.split("Records the verifier")[0])
    assert labels == ["run-a", "run-b", "2026-06-09T12:00:00Z", "2026-06-09T12:05:00Z"]
    out = tmp_path / "trend.html"
    assert main([str(tmp_path / "*"), "--out", str(out)]) == 0
    assert out.read_text().count("<svg") == 3
    assert main([str(tmp_path / "nothing-*"), "--out", str(out)]) == 2
