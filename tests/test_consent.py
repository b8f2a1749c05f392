"""The consent registry: parsing, latest-line-wins, and each rule of the contract."""
from __future__ import annotations

import json

import apache_beam as beam
import pytest
from apache_beam.testing.util import assert_that, equal_to

from models.consent import UNAVAILABLE, ConsentError, consent_verdict, read_registry
from models.parse import parse_line
from models.records import DiscardedRecord
from tests.conftest import keystrokes, record, transcript
from transforms.consent import ApplyConsent


def registry(*entries: dict):
    return read_registry([("registry.jsonl", i, json.dumps(e).encode()) for i, e in enumerate(entries, 1)])


def parsed(raw: dict):
    return parse_line(json.dumps(raw).encode(), "in.jsonl")


BASE = {"user_id": "emp-0001", "consent_from": "2026-05-01T00:00:00Z", "opted_out": False,
        "opted_out_kinds": ["screenshot"],
        "pauses": [{"start": "2026-06-09T12:00:00Z", "end": "2026-06-09T14:30:00Z"}]}


@pytest.mark.parametrize("raw, expected", [
    (transcript("hi", ts="2026-06-09T09:00:00Z"), None),
    (transcript("hi", ts="2026-04-30T23:59:59Z"), "before_consent"),
    (record("screenshot", image_b64="aGk=", ts="2026-06-09T09:00:00Z"), "opted_out_kind"),
    (transcript("hi", ts="2026-06-09T12:00:00Z"), "paused"),
    (transcript("hi", ts="2026-06-09T14:29:59Z"), "paused"),
    (transcript("hi", ts="2026-06-09T14:30:00Z"), None),          # one second after the last paused one
    (record("transcript", ts="2026-06-09T11:59:59Z", segments=[  # one second before, zero length
        {"speaker": "a", "start": 0.0, "end": 0.0, "text": "hi"}]), None),
    (transcript("hi", ts="2026-06-09T11:59:59Z"), "paused"),      # its one-second segment reaches the pause
    (keystrokes("x" * 10, ts="2026-06-09T11:59:59Z"), "paused"),  # its last key (t=1080 ms) is inside the pause
    ({**transcript("hi"), "user_id": "emp-9999"}, "no_consent"),
])
def test_each_rule_of_the_contract(raw, expected):
    assert consent_verdict(parsed(raw), registry(BASE)) == expected


def test_when_the_read_a_record_is_checked_against_failed_then_it_is_dropped_whatever_the_user():
    assert consent_verdict(parsed(transcript("hi")), UNAVAILABLE) == "registry_unavailable"


def test_the_latest_line_for_a_user_wins():
    assert consent_verdict(parsed(transcript("hi")), registry(BASE, {**BASE, "opted_out": True})) == "opted_out"
    assert consent_verdict(parsed(transcript("hi")), registry({**BASE, "opted_out": True}, BASE)) is None


@pytest.mark.parametrize("entry", [
    {"user_id": "emp-1", "opt_out": True},                                   # a misspelt key
    {"user_id": "emp-1", "opted_out_kinds": ["screenshots"]},                # an unknown kind
    {"user_id": "emp-1", "pauses": [{"start": "2026-06-09T14:00:00Z", "end": "2026-06-09T12:00:00Z"}]},
    {"user_id": "emp-1", "consent_from": "2026-05-01"},                     # no time, no offset
    {"user_id": "emp-1", "consent_from": 1780000000},
    {"user_id": "emp-1", "opted_out": "no"},
])
def test_an_entry_that_could_be_misread_stops_the_run(entry):
    with pytest.raises(ConsentError):
        registry(entry)


def test_a_record_whose_last_event_lands_on_a_pause_start_is_paused():
    raw = keystrokes("x" * 10, ts="2026-06-09T11:59:58.920Z")  # the last key, at t=1080 ms, is 12:00:00
    assert consent_verdict(parsed(raw), registry(BASE)) == "paused"


def test_an_unusable_line_stops_the_run_without_quoting_it():
    with pytest.raises(ConsentError) as error:
        read_registry([("r.jsonl", 1, json.dumps(BASE).encode()), ("r.jsonl", 2, b'{"user_id": "jane.doe@x.io", "opted_out": "maybe"}')])
    assert "r.jsonl:2" in str(error.value) and "jane" not in str(error.value)


def test_in_a_pipeline_records_without_consent_are_dropped_by_reason(pipeline):
    records = [parsed(transcript("hi", record_id="ok")), parsed({**transcript("hi"), "record_id": "gone",
                                                                  "user_id": "emp-9999"})]
    with pipeline as p:
        kept, discarded = p | beam.Create(records) | ApplyConsent(registry(BASE))
        assert_that(kept | beam.Map(lambda r: r.record_id), equal_to(["ok"]), label="Kept")
        assert_that(discarded, equal_to([DiscardedRecord("transcript", "dropped:consent:no_consent")]),
                    label="Dropped")
