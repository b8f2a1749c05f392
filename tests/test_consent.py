"""The consent registry: parsing, latest-line-wins, and each rule of the contract."""
from __future__ import annotations

import gzip
import json
import logging

import apache_beam as beam
import pytest
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.util import assert_that, equal_to
from apache_beam.transforms.window import FixedWindows, IntervalWindow, TimestampedValue
from apache_beam.utils.timestamp import Timestamp

from models.consent import UNAVAILABLE, ConsentError, consent_verdict, read_registry
from models.parse import parse_line
from models.records import DiscardedRecord
from tests.conftest import keystrokes, record, transcript
from transforms.consent import ApplyConsent, ReadRegistryFn, RefreshRegistry, RefreshSchedule, read_registry_files


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


ALIKE = "user_id differs only in case, compatibility forms or invisible characters from the one at"


@pytest.mark.parametrize("entries, error", [
    ([{**BASE, "user_id": "emp-0001 "}], "registry.jsonl:1: user_id has leading or trailing blanks"),
    ([{**BASE, "user_id": "\temp-0001"}], "registry.jsonl:1: user_id has leading or trailing blanks"),
    ([{**BASE, "user_id": " "}], "registry.jsonl:1: user_id has leading or trailing blanks"),
    ([BASE, {**BASE, "user_id": "EMP-0001", "opted_out": True}],
     f"registry.jsonl:2: {ALIKE} registry.jsonl:1"),
    ([BASE, {**BASE, "user_id": "emp-0002"}, {**BASE, "user_id": "Emp-0001"}],
     f"registry.jsonl:3: {ALIKE} registry.jsonl:1"),
    # Invisible characters (zero-width space, joiner, direction mark, variation selector) and
    # compatibility forms (full-width letters and digits) read as the same id.
    ([BASE, {**BASE, "user_id": "emp-0001\u200b", "opted_out": True}], f"registry.jsonl:2: {ALIKE} registry.jsonl:1"),
    ([BASE, {**BASE, "user_id": "emp\u200d-0001", "opted_out": True}], f"registry.jsonl:2: {ALIKE} registry.jsonl:1"),
    ([BASE, {**BASE, "user_id": "\u200eemp-0001", "opted_out": True}], f"registry.jsonl:2: {ALIKE} registry.jsonl:1"),
    ([BASE, {**BASE, "user_id": "emp-0001\ufe0f", "opted_out": True}], f"registry.jsonl:2: {ALIKE} registry.jsonl:1"),
    ([BASE, {**BASE, "user_id": "ｅｍｐ-０００１", "opted_out": True}], f"registry.jsonl:2: {ALIKE} registry.jsonl:1"),
    ([{**BASE, "user_id": "emp-0001\u2060"}, BASE], f"registry.jsonl:2: {ALIKE} registry.jsonl:1"),
])
def test_when_registry_ids_differ_only_in_how_they_are_written_then_the_run_stops_naming_the_line_not_the_id(
        entries, error):
    with pytest.raises(ConsentError) as raised:
        registry(*entries)
    assert str(raised.value) == f"consent registry {error}"
    assert "emp" not in str(raised.value).lower().replace("registry.jsonl", "")


def test_an_opt_out_with_a_zero_width_space_in_a_second_registry_file_stops_the_start_up_read(tmp_path):
    # Read as the run reads it at start-up: files in path order, the opt-out in the later one.
    (tmp_path / "a.jsonl").write_text(json.dumps(BASE) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({**BASE, "user_id": "emp-0001\u200b", "opted_out": True}) + "\n",
                                      encoding="utf-8")
    with pytest.raises(ConsentError) as raised:
        read_registry_files(str(tmp_path / "*.jsonl"))
    assert str(raised.value) == f"consent registry {tmp_path / 'b.jsonl'}:1: {ALIKE} {tmp_path / 'a.jsonl'}:1"


@pytest.mark.parametrize("user_id, expected", [
    ("emp-0001", None),
    ("EMP-0001", "id_case_or_blanks"),
    ("emp-0001 ", "id_case_or_blanks"),
    ("emp-0001\u200b", "id_case_or_blanks"),
    ("ｅｍｐ-0001", "id_case_or_blanks"),
    ("emp-00011", "no_consent"),
    ("emp-0001-", "no_consent"),
])
def test_ids_match_exactly_and_a_record_id_differing_only_in_case_or_blanks_is_dropped_by_its_own_reason(
        user_id, expected):
    # Exact, as the pseudonym and erasure match ids: EMP-0001 may be another user, never given
    # emp-0001's consent; the reason tells the operator why it was dropped.
    raw = {**transcript("hi", ts="2026-06-09T09:00:00Z"), "user_id": user_id}
    assert consent_verdict(parsed(raw), registry(BASE)) == expected


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
        kept, discarded = p | beam.Create(records) | ApplyConsent(beam.Create([registry(BASE)]))
        assert_that(kept | beam.Map(lambda r: r.record_id), equal_to(["ok"]), label="Kept")
        assert_that(discarded, equal_to([DiscardedRecord("transcript", "dropped:consent:no_consent")]),
                    label="Dropped")


def write_registry(path, *entries: dict) -> str:
    path.write_text("".join(json.dumps(entry) + "\n" for entry in entries))
    return str(path)


def test_when_the_registry_file_is_replaced_then_the_next_refresh_reads_the_new_one(tmp_path):
    pattern = write_registry(tmp_path / "consent.jsonl", BASE)
    read = ReadRegistryFn(pattern)
    (before,) = read.process(0)
    write_registry(tmp_path / "consent.jsonl", {**BASE, "opted_out": True}, {**BASE, "user_id": "emp-0002"})
    (after,) = read.process(300)
    assert sorted(before.consents) == ["emp-0001"] and not before.consents["emp-0001"].opted_out
    assert sorted(after.consents) == ["emp-0001", "emp-0002"] and after.consents["emp-0001"].opted_out


def corrupt_gzip(path):
    path.with_suffix(".jsonl.gz").write_bytes(gzip.compress(json.dumps(BASE).encode())[:12] + b"not gzip at all")
    path.unlink()


@pytest.mark.parametrize("pattern, break_it, logged", [
    ("consent.jsonl", lambda path: path.unlink(), "matches no file"),
    ("*.jsonl", lambda path: path.write_text(json.dumps(BASE) + '\n{"user_id": "jane.doe@x.io", "opted_out": "maybe"}\n'),
     "consent.jsonl:2: unusable line"),
    ("consent.jsonl*", corrupt_gzip, "cannot read"),
    ("*.jsonl", lambda path: path.write_text('{"user_id": "jane.doe@x.io", "consent_from": ' + "9" * 5000 + "}\n"),
     "consent.jsonl:1: unusable line"),  # a number Python refuses to read (ValueError)
])
def test_when_a_refresh_cannot_use_the_registry_then_it_reads_as_unavailable_counted_and_logged_without_content(
        tmp_path, pattern, break_it, logged, caplog, pipeline):
    path = tmp_path / "consent.jsonl"
    write_registry(path, BASE)
    break_it(path)
    with caplog.at_level(logging.INFO, logger="transforms.consent"):
        reads = pipeline | beam.Create([0]) | beam.ParDo(ReadRegistryFn(str(tmp_path / pattern)))
        assert_that(reads, equal_to([UNAVAILABLE]))
        result = pipeline.run()
        result.wait_until_finish()
    (failed,) = result.metrics().query(MetricsFilter().with_name("consent_registry_read_failed"))["counters"]
    assert failed.committed == 1 and failed.key.metric.namespace == "redaction"
    assert logged in caplog.text and "registry_unavailable" in caplog.text
    assert "jane" not in caplog.text and "emp-0001" not in caplog.text


def test_an_audit_window_is_checked_against_the_read_at_its_start_and_an_earlier_one_against_the_first():
    schedule = RefreshSchedule(60, Timestamp(130))  # launched at 130 s: the first read is at 120 s
    assert schedule.read_for(IntervalWindow(300, 600)) == IntervalWindow(300, 360)
    assert schedule.read_for(IntervalWindow(100, 160)) == IntervalWindow(120, 180)
    assert schedule.read_for(IntervalWindow(-600, -300)) == IntervalWindow(120, 180)


def test_when_the_registry_is_re_read_on_a_runner_then_every_window_is_checked_against_a_read(tmp_path):
    # Launched two minutes ago: PeriodicImpulse catches up at once with reads for the launch's refresh
    # window and the two after it. A line from before the launch (a Pub/Sub backlog) takes the first.
    pattern = write_registry(tmp_path / "consent.jsonl", BASE)
    now = Timestamp.now()
    schedule = RefreshSchedule(60, now - 120)
    first = schedule.first_read_at.seconds()
    arrivals = [(first - 3600, "backlog"), (first + 10, "first"), (first + 70, "second")]
    raws = [TimestampedValue(parsed({**transcript("hi", ts="2026-06-09T09:00:00Z"), "record_id": f"{name}-{user}",
                                      "user_id": user}), seconds)
            for seconds, name in arrivals for user in ("emp-0001", "emp-9999")]
    with beam.Pipeline(options=PipelineOptions(["--runner=FnApiRunner", "--streaming"])) as p:
        records = (p | beam.Create(raws) | "Stamp" >> beam.Map(lambda stamped: stamped)
                   | beam.WindowInto(FixedWindows(60)))
        kept, discarded = records | ApplyConsent(RefreshRegistry(pattern, schedule, stop_at=now), schedule)
        assert_that(kept | beam.Map(lambda r: r.record_id),
                    equal_to(["backlog-emp-0001", "first-emp-0001", "second-emp-0001"]), label="Kept")
        assert_that(discarded, equal_to([DiscardedRecord("transcript", "dropped:consent:no_consent")] * 3),
                    label="Dropped")
