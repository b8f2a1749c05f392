"""The graph builds for each runner's options; record types survive Beam's default coder."""
from __future__ import annotations

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from models.analyzer import AnalyzerSettings
from models.ocr import OcrSettings
from models.records import DiscardedRecord, LinesRead, RawRecord, SanitizedRecord, StrippedFields
from pipeline.graph import RunSettings, StreamSettings, build_pipeline
from tests.conftest import KEY, ROOT
from transforms.windows import NEVER_EXPIRE

LABELS = ["ReadRawRecords", "ApplyCapturePolicy", "SanitizeRecords", "WriteSanitizedRecords", "SummarizeAudit", "WriteAudit"]


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
                           OcrSettings(), stream=StreamSettings(run_id="run-1", subscription=subscription))
    proto = build_pipeline(PipelineOptions([*runner_args, "--streaming"]), settings).to_runner_api()
    labels = {t.unique_name for t in proto.components.transforms.values()}
    assert set(LABELS) <= labels
    assert {f"ReadRawRecords/ReadLines/{source}", "ReadRawRecords/WindowByArrival",
            "WriteSanitizedRecords/WriteWindowShards", "WriteAudit/WriteWindowSummaries"} <= labels
    # In the graph the runner receives, every fixed window never expires: no runner drops a late line.
    fixed = [strategy for strategy in proto.components.windowing_strategies.values()
             if strategy.window_fn.urn == "beam:window_fn:fixed_windows:v1"]
    assert fixed and {strategy.allowed_lateness for strategy in fixed} == {NEVER_EXPIRE.micros // 1000}


def test_round_trip_of_record_types_through_the_default_coder():
    coder = beam.coders.registry.get_coder(object)
    for value in (RawRecord("r", "keystrokes", "u", "t"), DiscardedRecord("screenshot", "error:ocr", "OSError"),
                  StrippedFields("keystrokes", ("window_title", "url")), LinesRead(3),
                  SanitizedRecord("keystrokes", "{}", (("PERSON", 1),), 2, "r")):
        assert coder.decode(coder.encode(value)) == value

