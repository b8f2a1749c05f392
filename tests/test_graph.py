"""The graph builds for each runner's options; record types survive Beam's default coder."""
from __future__ import annotations

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from models.analyzer import AnalyzerSettings
from models.ocr import OcrSettings
from models.records import DiscardedRecord, RawRecord
from pipeline.graph import RunSettings, build_pipeline
from tests.conftest import KEY, ROOT

LABELS = ["ReadRawRecords", "SanitizeRecords", "WriteSanitizedRecords", "SummarizeAudit", "WriteAudit"]


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


def test_round_trip_of_record_types_through_the_default_coder():
    coder = beam.coders.registry.get_coder(object)
    for value in (RawRecord("r", "keystrokes", "u", "t"), DiscardedRecord("screenshot", "error:ocr", "OSError")):
        assert coder.decode(coder.encode(value)) == value

