"""Test runs leave no empty `beam-pipeline-temp*` directories in TMPDIR (tests/conftest.py)."""
from __future__ import annotations

import tempfile

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions

from tests.conftest import beam_temp_dirs_removed


def test_a_pipeline_built_only_to_read_its_graph_leaves_no_temp_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with beam_temp_dirs_removed():
        pipeline = beam.Pipeline(options=PipelineOptions(["--runner=FnApiRunner"]))
        _ = pipeline | beam.Create(["the deploy is green"])
        assert pipeline.to_runner_api().components.transforms
        assert len(list(tmp_path.glob("beam-pipeline-temp*"))) == 1  # Beam's own, never run so never removed
    assert list(tmp_path.glob("beam-pipeline-temp*")) == []


def test_a_pipeline_that_runs_still_writes_its_output_and_leaves_no_temp_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with beam_temp_dirs_removed():
        with beam.Pipeline(options=PipelineOptions(["--runner=FnApiRunner"])) as pipeline:
            _ = pipeline | beam.Create(["the deploy is green"]) | beam.io.WriteToText(str(tmp_path / "out"))
    assert [path.read_text() for path in tmp_path.glob("out*")] == ["the deploy is green\n"]
    assert list(tmp_path.glob("beam-pipeline-temp*")) == []
