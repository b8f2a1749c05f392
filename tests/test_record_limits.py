"""Size limits and the per-record deadline: an oversized or slow record costs only itself."""
from __future__ import annotations

import json

import apache_beam as beam
import pytest
from apache_beam.testing.util import assert_that, equal_to

from models.deadline import DeadlineExceeded, check_deadline, record_deadline, seconds_left
from models.parse import parse_line
from models.record_size import exceeded_limit, text_chars
from models.records import DiscardedRecord
from tests.conftest import keystrokes, record, transcript, write_jsonl
from tests.test_sanitize_transform import run_sanitize


def _parsed(raw: dict):
    return parse_line(json.dumps(raw).encode(), "in.jsonl")


def _limits(policy, **changes):
    return policy.limits.model_copy(update=changes)


def test_a_record_within_every_limit_passes(policy):
    assert exceeded_limit(_parsed(transcript("hello", "there")), policy.limits) is None


@pytest.mark.parametrize("raw, changes, broken", [
    (keystrokes("abcdef"), {"max_events": 5}, "max_events"),
    (transcript("a", "b", "c"), {"max_segments": 2}, "max_segments"),
    (transcript("x" * 30, app="y" * 30), {"max_text_chars": 59}, "max_text_chars"),
    (record("keystrokes", events=[{"t": 0, "type": "paste", "text": "p" * 100}]), {"max_text_chars": 99},
     "max_text_chars"),
    (record("keystrokes", events=[{"t": 4111111111111111, "key": "a"}]), {}, "max_duration_secs"),
    (transcript("a", "b"), {"max_duration_secs": 1.5}, "max_duration_secs"),
])
def test_a_record_over_a_limit_names_it(policy, raw, changes, broken):
    assert exceeded_limit(_parsed(raw), _limits(policy, **changes)) == broken


def test_text_chars_counts_every_text_a_record_carries():
    raw = transcript("abc", app="Slack", window_title="t", url="u")
    assert text_chars(_parsed(raw)) == 3 + len("person 0") + 5 + 1 + 1


def test_deadline_raises_only_once_passed_and_nests_to_the_tighter():
    check_deadline()  # no deadline set: free
    assert seconds_left() is None
    with record_deadline(3600):
        check_deadline()
        with record_deadline(7200):
            assert seconds_left() <= 3600
        with record_deadline(0.0), pytest.raises(DeadlineExceeded):
            check_deadline()
        check_deadline()  # the outer deadline is back


def test_when_records_break_a_limit_then_they_are_quarantined_and_the_rest_sanitized(
        pipeline, tmp_path, policy, analyzer_settings):
    small = policy.model_copy(update={"limits": _limits(policy, max_events=40, max_segments=3)})
    path = write_jsonl(tmp_path / "in.jsonl", [
        keystrokes("a" * 41, record_id="many-events", app="VS Code"),
        transcript("one", "two", "three", "four", record_id="many-segments", app="Zoom"),
        keystrokes("refactor the parser", record_id="fine", app="VS Code"),
    ])
    with pipeline as p:
        sanitized, discarded, _ = run_sanitize(p, path, small, analyzer_settings)
        assert_that(sanitized | beam.Map(lambda s: json.loads(s.json_line)["record_id"]), equal_to(["fine"]),
                    label="Kept")
        assert_that(discarded, equal_to([DiscardedRecord("keystrokes", "quarantined:too_large"),
                                         DiscardedRecord("transcript", "quarantined:too_large")]), label="Quarantined")


def test_when_a_record_runs_past_its_deadline_then_it_fails_closed_and_nothing_is_written(
        pipeline, tmp_path, policy, analyzer_settings):
    hasty = policy.model_copy(update={"limits": _limits(policy, max_record_seconds=1e-9)})
    path = write_jsonl(tmp_path / "in.jsonl", [
        transcript("ping Marcus Whitfield about the rollout", record_id="t-1", app="Slack"),
        keystrokes("ping m.whitfield@globex-mail.com", record_id="k-1", app="Slack"),
    ])
    with pipeline as p:
        sanitized, discarded, _ = run_sanitize(p, path, hasty, analyzer_settings)
        assert_that(sanitized, equal_to([]), label="NothingWritten")
        assert_that(discarded | beam.Map(lambda d: (d.reason.split(":")[0], d.error_type)),
                    equal_to([("error", "DeadlineExceeded")] * 2), label="FailedClosed")
