"""Ids and client-chosen names reach the sink only when they cannot say who a record is about."""
from __future__ import annotations

import json
import random
import uuid

import pytest

from models.parse import parse_line
from models.record_ids import PREFIX, identifying, written_record_id
from models.records import Finding, PreparedRecord, Span
from models.redaction import sanitize
from models.text_views import text_fields
from models.value_search import ValueMatch, ValueSearch
from tests.conftest import KEY, keystrokes, transcript

NOTHING = ValueSearch(set())


@pytest.mark.parametrize("record_id", ["ks-0001", "terminal-keys", "w0-vault", "3f2b8c1e-9a4d-4c2b-8e1f-0a9b8c7d6e5f",
                                       "01ARZ3NDEKTSV4RRFFQ69G5FAV", "rec-00042", "med-imp-001"])
def test_opaque_ids_are_written_as_given(record_id):
    assert written_record_id(record_id, ("emp-0001", "sess-9"), NOTHING, KEY) == record_id


@pytest.mark.parametrize("record_id", [
    "Firstname.Lastname-415-555-0199",   # a phone number
    "JaneDoe-0001",                      # a name-shaped pair of words
    "rec-123-45-6789",                   # an SSN shape
    "rec-20261201-00042",                # a date run cannot be told from a phone number
    "emp-0001-000017",                   # the raw user id
    "EMP-0001_000017",                   # the raw user id, in another case
    "sess-9-frame-3",                    # the raw session id
    "priya-2026-01",                     # a known given name
    "emp.4821-a1", "emp4821-a1",         # the raw user id respelt (holder emp-4821)
    "r-415--555--0199",                  # a phone number with doubled separators
    "AKIAIOSFODNN7EXAMPLE",              # a key shape
])
def test_identifying_ids_are_pseudonymized(record_id):
    holders = ("emp-0001", "sess-9", "EMP-4821")
    written = written_record_id(record_id, holders, NOTHING, KEY)
    assert written.startswith(PREFIX) and written == written_record_id(record_id, holders, NOTHING, KEY)
    assert written != written_record_id(record_id + "x", holders, NOTHING, KEY)


def test_random_uuids_are_written_as_given_though_their_digits_run_long():
    ids = [str(uuid.UUID(int=random.Random(seed).getrandbits(128), version=4)) for seed in range(500)]
    assert [i for i in ids if written_record_id(i, ("emp-0001",), NOTHING, KEY) != i] == []


def test_an_id_holding_a_value_masked_elsewhere_in_the_record_is_pseudonymized():
    values = ValueSearch({ValueMatch("whitfield", "PERSON", ignore_case=True, whole_word=True)})
    assert identifying("whitfield_notes", (), values)
    assert not identifying("build_notes", (), values)


def _sanitized(raw: dict, policy, spans=()) -> dict:
    record = parse_line(json.dumps(raw).encode(), "in.jsonl")
    prepared = PreparedRecord(record, text_fields(record))
    return json.loads(sanitize(Finding(prepared, tuple(spans)), policy, KEY).json_line)


def test_sanitize_writes_a_checked_id_and_only_listed_source_and_field_names(policy):
    doc = _sanitized(transcript("standup notes", record_id="Marcus.Whitfield-01", source="JohnSmith"), policy)
    assert doc["record_id"].startswith(PREFIX) and doc["source"] == "other"
    doc = _sanitized(transcript("standup notes", record_id="t-1", source="Voice"), policy)
    assert doc["record_id"] == "t-1" and doc["source"] == "voice"
    doc = _sanitized(keystrokes("ls", record_id="k-1", field="PriyaRaman"), policy)
    assert doc["field"] == "other"
    assert _sanitized(keystrokes("ls", record_id="k-1", field="search"), policy)["field"] == "search"


def test_a_name_found_in_the_record_makes_its_id_a_pseudonym(policy):
    raw = transcript("call Marcus Whitfield", record_id="whitfield_call")
    doc = _sanitized(raw, policy, spans=(("segments/0", (Span("PERSON", 5, 21, 0.9),)),))
    assert doc["record_id"].startswith(PREFIX) and "Whitfield" not in json.dumps(doc)


def test_times_are_written_to_the_millisecond(policy):
    raw = transcript("standup notes", ts="2026-06-09T12:00:00.4111111111111111Z")
    raw["segments"][0].update(start=1.23456789, end=2.4111111111)
    doc = _sanitized(raw, policy)
    assert doc["ts"] == "2026-06-09T12:00:00.411Z"
    assert (doc["segments"][0]["start"], doc["segments"][0]["end"]) == (1.235, 2.411)
