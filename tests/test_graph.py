"""The graph builds for each runner's options; record types survive Beam's default coder."""
from __future__ import annotations

import json
from pathlib import Path

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.pipeline import PipelineVisitor
from apache_beam.portability.api import standard_window_fns_pb2
from apache_beam.testing.util import assert_that, equal_to
from apache_beam.transforms.core import CallableWrapperDoFn, _ExceptionHandlingWrapperDoFn
from apache_beam.transforms.window import IntervalWindow
from apache_beam.utils.timestamp import Timestamp

from models.audit import CanaryOutcome
from models.consent import read_registry
from models.engine import AnalyzerSettings
from models.ocr import OcrSettings
from models.records import DiscardedRecord, LinesRead, RawRecord, SanitizedRecord, StrippedFields
from models.verifier import Canaries
from pipeline.graph import RunSettings, StreamSettings, build_pipeline
from tests.conftest import KEY, ROOT
from transforms.audit import SummarizeAudit
from transforms.windows import NEVER_EXPIRE
from transforms.write import EncodedLine, EncodeLines, WriteAudit, WriteSanitizedRecords, WriteWindowAuditFn

LABELS = ["ReadRawRecords", "ApplyCapturePolicy", "SanitizeRecords", "VerifyRecords", "EncodeLines",
          "WriteSanitizedRecords", "SummarizeAudit", "WriteAudit"]
CANARY_LABELS = ["ReadCanaries", "CanaryCapturePolicy", "SanitizeCanaries", "VerifyCanaries", "AsCanaryOutcomes"]


@pytest.mark.parametrize("runner_args", [
    ["--runner=FnApiRunner"],
    ["--runner=DirectRunner", "--direct_num_workers=2", "--direct_running_mode=multi_processing"],
    ["--runner=PortableRunner", "--job_endpoint=localhost:8099", "--environment_type=EXTERNAL",
     "--environment_config=localhost:50000"],
])
def test_when_options_name_a_runner_then_the_graph_builds_with_every_stage(runner_args, policy, tmp_path):
    settings = RunSettings(str(ROOT / "sample" / "records.jsonl"), str(tmp_path), policy, KEY,
                           AnalyzerSettings(), OcrSettings())
    pipeline = build_pipeline(PipelineOptions(runner_args), settings)
    labels = {t.unique_name for t in pipeline.to_runner_api().components.transforms.values()}
    assert set(LABELS) <= labels


DATAFLOW = ["--runner=DataflowRunner", "--project=example-project", "--region=europe-west1",
            "--temp_location=gs://example-bucket/tmp", "--sdk_container_image=europe-docker.pkg.dev/p/r/redaction:1"]


@pytest.mark.parametrize("runner_args, subscription, source", [
    (DATAFLOW, "projects/example-project/subscriptions/raw-telemetry", "ReadFromPubSub"),
    (DATAFLOW, None, "MatchContinuously"),
    (["--runner=FlinkRunner", "--flink_master=flink-jobmanager:8081", "--environment_type=EXTERNAL",
      "--environment_config=localhost:50000"], None, "MatchContinuously"),
    (["--runner=PortableRunner", "--job_endpoint=localhost:8099", "--environment_type=EXTERNAL",
      "--environment_config=localhost:50000"], None, "MatchContinuously"),
])
def test_when_streaming_options_name_a_production_runner_then_the_windowed_graph_builds(
        runner_args, subscription, source, policy, tmp_path):
    settings = RunSettings(str(tmp_path / "landing" / "*.jsonl"), str(tmp_path), policy, KEY, AnalyzerSettings(),
                           OcrSettings(), consent=read_registry([]), consent_pattern="gs://example-bucket/consent/*",
                           stream=StreamSettings(run_id="run-1", subscription=subscription, window_secs=300,
                                                 consent_refresh_secs=600))
    proto = build_pipeline(PipelineOptions([*runner_args, "--streaming"]), settings).to_runner_api()
    components = proto.components
    labels = {t.unique_name for t in components.transforms.values()}
    assert set(LABELS) <= labels
    assert {f"ReadRawRecords/ReadLines/{source}", "ReadRawRecords/WindowByArrival",
            "ApplyConsent/Registry/PeriodicImpulse", "ApplyConsent/Registry/ReadRegistry",
            "ApplyConsent/RefreshWindows", "WriteSanitizedRecords/WriteWindowShards",
            "WriteAudit/WriteWindowSummaries"} <= labels
    # In the graph the runner receives, every fixed window of lines never expires: no runner drops a
    # late line. The refresh windows of the registry are not kept for ever: each holds a whole registry.
    registry_steps = [t for t in components.transforms.values() if t.unique_name.startswith("ApplyConsent/R")]
    registry_outputs = {pcoll for step in registry_steps for pcoll in step.outputs.values()}

    def fixed_sizes(pcolls) -> set[tuple[int, int]]:
        strategies = [components.windowing_strategies[components.pcollections[p].windowing_strategy_id] for p in pcolls]
        return {(standard_window_fns_pb2.FixedWindowsPayload.FromString(s.window_fn.payload).size.seconds,
                 s.allowed_lateness) for s in strategies if s.window_fn.urn == "beam:window_fn:fixed_windows:v1"}

    assert fixed_sizes(set(components.pcollections) - registry_outputs) == {(300, NEVER_EXPIRE.micros // 1000)}
    assert fixed_sizes(registry_outputs) == {(600, 0)}


# Our steps that run without Beam's exception handling, and why each may: the failure route itself,
# the file reader (no record yet: a file it cannot read is counted as unreadable_file), the
# stateful session OCR (Beam's exception handling supports no state; it catches per frame), and
# the audit, which takes every outcome.
UNGUARDED = {"transforms.read.ReadFileLinesFn", "transforms.dead_letters.batch_to_discarded",
             "transforms.handlers.SplitInferenceFn", "transforms.ocr.SessionOcrFn",
             "transforms.audit.CountOutcomesFn", "transforms.audit.FinishAuditFn"}


class _OwnSteps(PipelineVisitor):
    """Every ParDo (Map, FlatMap) running our code: (label, our function or DoFn, guarded or not)."""

    def __init__(self):
        self.steps = []

    def visit_transform(self, node):
        fn = getattr(node.transform, "fn", None)
        if not isinstance(node.transform, beam.ParDo):
            return
        guarded = isinstance(fn, _ExceptionHandlingWrapperDoFn) or "/BeamML_RunInference/" in node.full_label
        inner = fn._fn if isinstance(fn, _ExceptionHandlingWrapperDoFn) else fn
        code = inner._fn if isinstance(inner, CallableWrapperDoFn) else type(inner)
        name = f"{getattr(code, '__module__', '')}.{getattr(code, '__qualname__', '')}"
        if name.startswith(("transforms.", "pipeline.", "models.")) or guarded:
            self.steps.append((node.full_label, name, guarded))


def test_every_step_on_records_routes_its_failures_through_the_dead_letters(policy, tmp_path):
    canaries = Canaries((b'{"record_id": "canary-1"}',), ("plumtree velvet",), "c.jsonl")
    settings = RunSettings(str(tmp_path / "*.jsonl"), str(tmp_path), policy, KEY, AnalyzerSettings(), OcrSettings(),
                           consent=read_registry([]), canaries=canaries)
    visitor = _OwnSteps()
    build_pipeline(PipelineOptions(["--runner=FnApiRunner"]), settings).visit(visitor)
    assert {name for _, name, guarded in visitor.steps if not guarded} == UNGUARDED
    guarded_stages = {label.split("/")[0] if not label.startswith("Sanitize") else "/".join(label.split("/")[:2])
                      for label, _, guarded in visitor.steps if guarded}
    assert {"ReadRawRecords", "ApplyConsent", "ApplyCapturePolicy", "SanitizeRecords/CheckRecordLimits",
            "SanitizeRecords/ExtractText", "SanitizeRecords/RunOcr", "SanitizeRecords/DetectText",
            "SanitizeRecords/DetectScreens", "SanitizeRecords/ApplyRedactionPolicy", "VerifyRecords",
            "EncodeLines"} <= guarded_stages


def test_round_trip_of_record_types_through_the_default_coder():
    coder = beam.coders.registry.get_coder(object)
    for value in (RawRecord("r", "keystrokes", "u", "t"), DiscardedRecord("screenshot", "error:ocr", "OSError"),
                  StrippedFields("keystrokes", ("window_title", "url")), LinesRead(3),
                  SanitizedRecord("keystrokes", "{}", (("PERSON", 1),), 2, "r"), EncodedLine("r", b"{}"),
                  CanaryOutcome("transcript", "quarantined:verifier:CANARY")):
        assert coder.decode(coder.encode(value)) == value



def test_when_a_sanitized_line_cannot_be_encoded_then_it_is_counted_as_error_write_and_never_written(tmp_path):
    # A lone surrogate, as a record would carry one that parsing had let through: the sink and the
    # audit both take what got through encoding, so the run completes and reconciles.
    good = SanitizedRecord("transcript", json.dumps({"record_id": "ok", "text": "é"}, ensure_ascii=False),
                           (("PERSON", 1),), 1, "ok")
    bad = SanitizedRecord("keystrokes", json.dumps({"record_id": "bad", "key": "\ud800"}, ensure_ascii=False),
                          (), 1, "bad")
    with beam.Pipeline(options=PipelineOptions(["--runner=FnApiRunner"])) as p:
        encoded = p | beam.Create([good, bad]) | EncodeLines()
        lines, written, unwritable = encoded.lines, encoded.written, encoded.discarded
        assert_that(unwritable, equal_to([DiscardedRecord("keystrokes", "error:write", "UnicodeEncodeError")]),
                    label="Unwritable")
        _ = lines | WriteSanitizedRecords(str(tmp_path))
        lines_read = p | "LinesRead" >> beam.Create([2])
        _ = (written, unwritable, lines_read) | SummarizeAudit("v1") | WriteAudit(str(tmp_path))
    (shard,) = (tmp_path / "sanitized").glob("*.jsonl")
    assert shard.read_bytes() == good.json_line.encode() + b"\n"
    summary = json.loads((tmp_path / "audit" / "summary.json").read_text())
    assert (summary["records_in"], summary["sanitized"], summary["dropped"], summary["unaccounted"]) == (2, 1, 1, 0)
    assert summary["by_reason"] == {"error:write": 1} and summary["entities_masked"] == {"PERSON": 1}


@pytest.mark.parametrize("streaming", [False, True])
def test_when_canaries_are_given_then_their_branch_ends_in_the_audit_and_never_at_a_sink(streaming, policy, tmp_path):
    canaries = Canaries((b'{"record_id": "canary-1"}',), ("plumtree velvet",), "c.jsonl")
    stream = StreamSettings(run_id="run-1") if streaming else None
    settings = RunSettings(str(tmp_path / "*.jsonl"), str(tmp_path), policy, KEY, AnalyzerSettings(), OcrSettings(),
                           stream=stream, canaries=canaries)
    args = [*DATAFLOW, "--streaming"] if streaming else ["--runner=FnApiRunner"]
    components = build_pipeline(PipelineOptions(args), settings).to_runner_api().components
    labels = {t.unique_name for t in components.transforms.values()}
    assert set(LABELS + CANARY_LABELS) <= labels
    outcomes = {pcoll for t in components.transforms.values() if t.unique_name == "AsCanaryOutcomes"
                for pcoll in t.outputs.values()}
    consumers = {t.unique_name for t in components.transforms.values() if set(t.inputs.values()) & outcomes}
    assert consumers and all(name.startswith("SummarizeAudit") for name in consumers)


def test_when_a_window_summary_is_written_then_its_report_page_is_written_beside_it(tmp_path):
    (tmp_path / "audit").mkdir()
    window = IntervalWindow(Timestamp(1_780_000_000), Timestamp(1_780_000_300))
    fn = WriteWindowAuditFn(str(tmp_path), "run-1", render=lambda summary: f"<p>{summary['records_in']}</p>")
    (written,) = list(fn.process({"records_in": 3}, window=window))
    assert written.endswith("-run-1.json")
    assert Path(written[: -len(".json")] + ".html").read_text() == "<p>3</p>"
    assert sorted(p.suffix for p in (tmp_path / "audit").iterdir()) == [".html", ".json"]


def _stateful_stages(pipeline: beam.Pipeline) -> list[set[str]]:
    """The transforms of each stage FnApiRunner would run holding user state (so on one worker)."""
    from apache_beam.runners.portability.fn_api_runner.fn_runner import FnApiRunner

    _, stages = FnApiRunner().create_stages(pipeline.to_runner_api())
    return [{t.unique_name for t in stage.transforms} for stage in stages if stage.is_stateful()]


def test_in_batch_the_stateful_session_ocr_runs_apart_from_parsing_and_text_detection(policy, tmp_path):
    # FnApiRunner runs a stage that holds state on one worker: the session OCR's batching must not be
    # fused with parsing and text detection, or a run with several workers is no faster than one.
    settings = RunSettings(str(tmp_path / "*.jsonl"), str(tmp_path), policy, KEY, AnalyzerSettings(), OcrSettings())
    options = PipelineOptions(["--runner=FnApiRunner", "--direct_num_workers=2",
                               "--direct_running_mode=multi_processing"])
    stateful = _stateful_stages(build_pipeline(options, settings))
    assert any("SanitizeRecords/RunOcr/BatchPerSession" in " ".join(names) for names in stateful)
    for names in stateful:
        assert not any(name.startswith(("ReadRawRecords/Parse", "SanitizeRecords/DetectText",
                                        "SanitizeRecords/ExtractText")) for name in names)
