"""Streaming: lines windowed by arrival, an audit per window that counts late lines in their own
window, sinks that write per window and firing, and the same sanitized records as a batch run."""
from __future__ import annotations

import gzip
import importlib
import json
from pathlib import Path

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing import test_stream
from apache_beam.testing.util import assert_that, equal_to
from apache_beam.transforms.window import TimestampedValue
from apache_beam.utils.timestamp import Timestamp

from models.consent import UNAVAILABLE, Registry, read_registry
from models.ocr import OcrSettings
from models.records import DiscardedRecord
from pipeline.graph import RunSettings, StreamSettings, build_pipeline
from pipeline.run import main, unknown_options
from tests.conftest import KEY, capture_test_policy, keystrokes, transcript
from transforms.read import ReadRawRecords, WatchFileLines

pytestmark = pytest.mark.slow  # whole runs on Beam's runners or Chromium: make test-fast leaves them out

DAY = 24 * 3600
CONSENTED = {"user_id": "emp-0001", "consent_from": "2026-01-01T00:00:00Z"}
TOTALS = ("records_in", "sanitized", "dropped", "quarantined", "unaccounted", "by_reason", "by_kind",
          "entities_masked", "sanitized_by_sensitivity", "fields_stripped", "policy_version")


def line(record: dict | bytes) -> tuple[str, bytes]:
    return "in.jsonl", record if isinstance(record, bytes) else json.dumps(record).encode()


def arriving_at(seconds: int, *records: dict | bytes) -> list[TimestampedValue]:
    """Lines as a source stamps them: with their arrival time."""
    return [TimestampedValue(line(record), seconds) for record in records]


def consenting(*entries: dict) -> Registry:
    return read_registry([("registry.jsonl", i, json.dumps(entry).encode()) for i, entry in enumerate(entries, 1)])


def registry_reads(*reads: tuple[int, Registry | None]) -> beam.PTransform:
    """Registry reads as RefreshRegistry stamps them, at the start of their refresh window."""
    return beam.Create(reads) | "StampReads" >> beam.MapTuple(lambda seconds, registry: TimestampedValue(registry, seconds))


def window_audits(output: Path) -> dict[str, dict]:
    """Audit documents by window start."""
    return {doc["window_start"]: doc for doc in
            (json.loads(path.read_text()) for path in (output / "audit").glob("window-*.json"))}


def sanitized_files(output: Path) -> dict[str, list[str]]:
    """Record ids of each sanitized file, by file name."""
    return {path.name: [json.loads(text)["record_id"] for text in path.read_text().splitlines()]
            for path in (output / "sanitized").glob("*.jsonl")}


def test_when_a_line_arrives_a_day_after_its_window_closed_then_its_window_counts_it_and_reconciles(
        tmp_path, policy, analyzer_settings):
    # Window [0, 60): two records to sanitize, one the capture policy drops, one malformed line;
    # window [60, 120): two records and one of a user without consent (the registry, a side input,
    # reaches windowed records); then, long after both closed, a late line for the first window.
    stream = (test_stream.TestStream()
              .add_elements(arriving_at(10, transcript("the deploy is green", record_id="w0-a"),
                                        transcript("review the rollout plan", record_id="w0-b"), b'{"record_id": '))
              .add_elements(arriving_at(20, keystrokes("correct horse battery", record_id="w0-vault",
                                                       app="1Password 8")))
              .advance_watermark_to(60)
              .add_elements(arriving_at(70, transcript("the build is green", record_id="w1-a"),
                                        keystrokes("git status", record_id="w1-b", app="Terminal"),
                                        {**transcript("the build is red", record_id="w1-c"), "user_id": "emp-9999"}))
              .advance_watermark_to(120 + DAY)
              .add_elements(arriving_at(30, transcript("the deploy is green again", record_id="w0-late")))
              .advance_watermark_to_infinity())
    settings = RunSettings("", str(tmp_path / "out"), policy, KEY, analyzer_settings, OcrSettings(),
                           consent=consenting(CONSENTED),
                           stream=StreamSettings(run_id="run-a", window_secs=60, launched_at=Timestamp(0)))
    build_pipeline(PipelineOptions(["--runner=BundleBasedDirectRunner", "--streaming"]), settings,
                   lines=stream, registry=registry_reads((0, settings.consent))).run().wait_until_finish()

    audits = window_audits(tmp_path / "out")
    assert sorted(audits) == ["1970-01-01T00:00:00Z", "1970-01-01T00:01:00Z"]
    first, second = audits["1970-01-01T00:00:00Z"], audits["1970-01-01T00:01:00Z"]
    assert (first["records_in"], first["sanitized"], first["dropped"], first["quarantined"]) == (5, 3, 1, 1)
    assert first["by_reason"] == {"dropped:capture_policy:denied_app": 1, "quarantined:malformed_json": 1}
    assert first["pane"]["timing"] == "late" and first["window_end"] == "1970-01-01T00:01:00Z"
    assert (second["records_in"], second["sanitized"], second["dropped"]) == (3, 2, 1)
    assert second["by_reason"] == {"dropped:consent:no_consent": 1}
    assert second["pane"] == {"index": 0, "timing": "on_time"}
    assert all(doc["unaccounted"] == 0 for doc in audits.values())
    assert "emp-0001" not in "".join(path.read_text() for path in (tmp_path / "out" / "audit").iterdir())

    files = sanitized_files(tmp_path / "out")
    by_window = {window: sorted(rid for name, ids in files.items() if name.startswith(f"window-{window}")
                                for rid in ids)
                 for window in ("19700101T000000Z-19700101T000100Z", "19700101T000100Z-19700101T000200Z")}
    assert by_window == {"19700101T000000Z-19700101T000100Z": ["w0-a", "w0-b", "w0-late"],
                         "19700101T000100Z-19700101T000200Z": ["w1-a", "w1-b"]}
    # w0-late shares its window, run and shard with w0-b: only the firing in the name kept the late
    # file from being renamed over the on-time one.
    late_file, on_time_file = (next(name for name, ids in files.items() if rid in ids) for rid in ("w0-late", "w0-b"))
    assert files[late_file] == ["w0-late"] and late_file.endswith("-1.jsonl") and on_time_file.endswith("-0.jsonl")
    assert late_file.rsplit("-", 1)[0] == on_time_file.rsplit("-", 1)[0]


def run_with_registry_reads(tmp_path: Path, policy, analyzer_settings, stream: test_stream.TestStream,
                            *reads: tuple[int, Registry | None]) -> tuple[dict[str, dict], dict[str, list[str]]]:
    """The real graph with 60 s audit and refresh windows, launched at 60 s: (audits by window start,
    sorted sanitized record ids by the window start in file names)."""
    settings = RunSettings("", str(tmp_path / "out"), policy, KEY, analyzer_settings, OcrSettings(),
                           consent=reads[0][1], stream=StreamSettings(
                               run_id="run-c", window_secs=60, consent_refresh_secs=60, launched_at=Timestamp(60)))
    build_pipeline(PipelineOptions(["--runner=BundleBasedDirectRunner", "--streaming"]), settings,
                   lines=stream, registry=registry_reads(*reads)).run().wait_until_finish()
    audits = window_audits(tmp_path / "out")
    for doc in audits.values():
        assert doc["records_in"] == doc["sanitized"] + doc["dropped"] + doc["quarantined"] and doc["unaccounted"] == 0
    assert "emp-000" not in "".join(path.read_text() for path in (tmp_path / "out").rglob("*.json*"))
    ids: dict[str, list[str]] = {}
    for name, record_ids in sanitized_files(tmp_path / "out").items():
        start = name.split("-")[1]  # window-<start>-<end>-<run id>-<shard>-<pane>.jsonl
        ids[start] = sorted(ids.get(start, []) + record_ids)
    return audits, ids


def users_arriving_at(seconds: int, name: str) -> list[TimestampedValue]:
    """One record of emp-0001 and one of emp-0002, ids `<name>-1` and `<name>-2`."""
    return arriving_at(seconds, *({**transcript("the deploy is green", record_id=f"{name}-{n}"), "user_id": f"emp-000{n}"}
                                  for n in (1, 2)))


def test_when_the_registry_changes_between_windows_then_each_window_is_checked_against_its_own_read(
        tmp_path, policy, analyzer_settings):
    # Launched at 60 s: the read at 60 covers [60, 120) and the backlog window [0, 60) before it;
    # by the read at 120, emp-0001 has opted out and emp-0002 has been added.
    stream = (test_stream.TestStream()
              .add_elements(users_arriving_at(30, "backlog")).advance_watermark_to(60)
              .add_elements(users_arriving_at(70, "first")).advance_watermark_to(120)
              .add_elements(users_arriving_at(130, "second")).advance_watermark_to_infinity())
    audits, sanitized = run_with_registry_reads(
        tmp_path, policy, analyzer_settings, stream,
        (60, consenting(CONSENTED)),
        (120, consenting({**CONSENTED, "opted_out": True}, {**CONSENTED, "user_id": "emp-0002"})))

    assert {start: doc["by_reason"] for start, doc in audits.items()} == {
        "1970-01-01T00:00:00Z": {"dropped:consent:no_consent": 1},
        "1970-01-01T00:01:00Z": {"dropped:consent:no_consent": 1},
        "1970-01-01T00:02:00Z": {"dropped:consent:opted_out": 1}}
    assert sanitized == {"19700101T000000Z": ["backlog-1"], "19700101T000100Z": ["first-1"],
                         "19700101T000200Z": ["second-2"]}


def test_when_a_registry_read_fails_then_the_records_checked_against_it_are_dropped_and_counted(
        tmp_path, policy, analyzer_settings):
    # The read at 120 failed (UNAVAILABLE); the one at 180 worked again.
    stream = (test_stream.TestStream()
              .add_elements(users_arriving_at(70, "first")).advance_watermark_to(120)
              .add_elements(users_arriving_at(130, "failed")).advance_watermark_to(180)
              .add_elements(users_arriving_at(190, "recovered")).advance_watermark_to_infinity())
    both = consenting(CONSENTED, {**CONSENTED, "user_id": "emp-0002"})
    audits, sanitized = run_with_registry_reads(tmp_path, policy, analyzer_settings, stream,
                                                (60, both), (120, UNAVAILABLE), (180, both))

    assert {start: (doc["sanitized"], doc["dropped"], doc["by_reason"]) for start, doc in audits.items()} == {
        "1970-01-01T00:01:00Z": (2, 0, {}),
        "1970-01-01T00:02:00Z": (0, 2, {"dropped:consent:registry_unavailable": 2}),
        "1970-01-01T00:03:00Z": (2, 0, {})}
    assert sanitized == {"19700101T000100Z": ["first-1", "first-2"],
                         "19700101T000300Z": ["recovered-1", "recovered-2"]}


def test_when_files_land_in_a_watched_directory_then_streaming_writes_what_batch_writes(
        tmp_path, capture_run, policy, analyzer_settings):
    lines = (capture_run.parent / "in.jsonl").read_bytes().splitlines(keepends=True)
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "part-1.jsonl").write_bytes(b"".join(lines[:6]))
    (landing / "part-2.jsonl.gz").write_bytes(gzip.compress(b"".join(lines[6:])))
    now = Timestamp.now()
    settings = RunSettings(str(landing / "*"), str(tmp_path / "out"), capture_test_policy(policy), KEY,
                           analyzer_settings, OcrSettings(),
                           stream=StreamSettings(run_id="run-b", poll_interval_secs=0.2, stop_polling_at=now + 5))
    # (5 s: the watch must start before its stop time, and a busy machine takes seconds to get there)
    # FnApiRunner runs MatchContinuously to its stop time and then every window; see docs/streaming.md.
    build_pipeline(PipelineOptions(["--runner=FnApiRunner", "--streaming"]), settings).run().wait_until_finish()

    def jsonl(directory: Path) -> list[str]:
        return sorted(text for path in directory.glob("*.jsonl") for text in path.read_text().splitlines())

    assert jsonl(tmp_path / "out" / "sanitized") == jsonl(capture_run / "sanitized")
    batch = json.loads((capture_run / "audit" / "summary.json").read_text())
    (window,) = window_audits(tmp_path / "out").values()  # one poll, one window
    assert {key: window[key] for key in TOTALS} == {key: batch[key] for key in TOTALS}


def test_when_a_watched_file_cannot_be_read_then_it_is_counted_and_quarantined(tmp_path, pipeline):
    (tmp_path / "good.jsonl").write_text(json.dumps(transcript("the deploy is green")) + "\n")
    (tmp_path / "broken.jsonl.gz").write_bytes(gzip.compress(b"{}\n")[:12] + b"not gzip at all")
    source = WatchFileLines(str(tmp_path / "*"), 0.2, Timestamp.now() + 1)
    records, discarded, line_count = pipeline | ReadRawRecords(source=source, window_secs=300)
    assert_that(records | "Ids" >> beam.Map(lambda record: record.record_id), equal_to(["r-1"]), label="Records")
    assert_that(discarded, equal_to([DiscardedRecord("unknown", "quarantined:unreadable_file")]), label="Discarded")
    assert_that(line_count, equal_to([2]), label="Lines")
    pipeline.run().wait_until_finish()


@pytest.mark.parametrize("args, message", [
    (["--streaming", "--input", "sample/*.jsonl"], "FnApiRunner cannot"),
    (["--streaming", "--runner=FlinkRunner"], "give exactly one"),
    (["--streaming", "--runner=FlinkRunner", "--input", "x", "--input_subscription", "projects/p/subscriptions/s"],
     "give exactly one"),
    (["--input_subscription", "projects/p/subscriptions/s"], "needs --streaming"),
    (["--streaming", "--runner=FlinkRunner", "--input_subscription", "p/s"], "projects/PROJECT/subscriptions/NAME"),
    (["--streaming", "--runner=FlinkRunner", "--input", "x", "--audit_window_secs", "0"], "--audit_window_secs"),
    (["--streaming", "--runner=FlinkRunner", "--input", "x", "--poll_interval_secs", "0"], "--poll_interval_secs"),
    (["--streaming", "--runner=FlinkRunner", "--input", "x", "--consent_refresh_secs", "0"], "--consent_refresh_secs"),
    (["--streaming", "--runner=FlinkRunner", "--input", "x", "--consent_refresh_secs", "-300"],
     "--consent_refresh_secs"),
    (["--streaming", "--runner=FlinkRunner", "--input", "x", "--consent", "registry.jsonl", "--audit_window_secs",
      "3600", "--consent_refresh_secs", "300"], "must be a multiple of --audit_window_secs"),
])
def test_when_streaming_options_are_wrong_then_the_run_refuses_to_start(args, message, tmp_path, capsys):
    assert main([*args, "--output", str(tmp_path / "out")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_when_the_registry_is_unusable_at_launch_then_a_streaming_run_refuses_to_start(tmp_path, capsys):
    registry = tmp_path / "consent.jsonl"
    registry.write_text(json.dumps(CONSENTED) + '\n{"user_id": "jane.doe@x.io", "opted_out": "maybe"}\n')
    assert main(["--streaming", "--runner=FlinkRunner", "--input", "x", "--consent", str(registry),
                 "--dev_random_pseudonym_key", "--output", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "consent.jsonl:2" in err and "jane" not in err


def test_when_pubsub_is_not_installed_then_a_subscription_is_refused_naming_the_package(tmp_path, capsys):
    try:
        importlib.import_module("google.cloud.pubsub")
        pytest.skip("google-cloud-pubsub is installed here")
    except ImportError:
        pass
    assert main(["--streaming", "--runner=DataflowRunner", "--input_subscription", "projects/p/subscriptions/s",
                 "--output", str(tmp_path / "out")]) == 2
    assert "google-cloud-pubsub" in capsys.readouterr().err


def test_when_the_readme_launch_options_are_given_then_none_is_refused_as_unknown():
    flink = ["--runner=FlinkRunner", "--flink_master=flink-jobmanager:8081", "--environment_type=EXTERNAL",
             "--environment_config=localhost:50000", "--streaming", "--checkpointing_interval=60000"]
    dataflow = ["--runner=DataflowRunner", "--project=PROJECT", "--region=europe-west1", "--temp_location=gs://B/tmp",
                "--job_name=redaction-live", "--sdk_container_image=IMAGE", "--update",
                "--input_subscription=projects/P/subscriptions/S", "--audit_window_secs=300"]
    assert unknown_options(flink) == [] and unknown_options(dataflow) == []
