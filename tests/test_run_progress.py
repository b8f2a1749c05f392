"""The driver's wait for a batch job: it ends with the job, and logs progress (counts only) meanwhile."""
from __future__ import annotations

import logging
import threading
from types import SimpleNamespace

import apache_beam as beam
import pytest
from apache_beam.metrics import Metrics
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.runners.runner import PipelineState

import pipeline.run as run


def _counter(name: str, value: int) -> SimpleNamespace:
    return SimpleNamespace(key=SimpleNamespace(metric=SimpleNamespace(name=name)), committed=value, attempted=value)


class HeldJob:
    """A job that runs until its metrics have been asked for `queries` times, then ends (or fails)."""

    def __init__(self, queries: int, error: Exception | None = None):
        self._left, self._error, self._end = queries, error, threading.Event()

    def metrics(self):
        self._left -= 1
        if self._left <= 0:
            self._end.set()
        counters = [_counter("lines_read", 7), _counter("transcript.sanitized", 4), _counter("keystrokes.dropped:x", 1)]
        return SimpleNamespace(query=lambda: {"counters": counters})

    def wait_until_finish(self):
        self._end.wait(30)
        if self._error is not None:
            raise self._error


def test_when_a_job_runs_then_progress_is_logged_with_counts_only_and_once_per_change(caplog):
    with caplog.at_level(logging.INFO, logger="pipeline"):
        run.wait_with_progress(HeldJob(queries=3), every_secs=0.01)
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("progress:")]
    assert len(lines) == 1  # the counts did not change between the looks
    assert lines[0].startswith("progress: 7 lines read, 5 records finished (")


def test_when_the_job_fails_then_its_error_reaches_the_driver():
    with pytest.raises(RuntimeError, match="job failed"):
        run.wait_with_progress(HeldJob(queries=1, error=RuntimeError("job failed")), every_secs=0.01)


def test_when_the_runner_changes_state_only_in_its_wait_then_the_wait_still_ends_with_the_job():
    class Count(beam.DoFn):
        def process(self, element):
            Metrics.counter("test", "lines_read").inc()
            yield element

    pipe = beam.Pipeline(options=PipelineOptions(["--runner=BundleBasedDirectRunner"]))
    _ = pipe | beam.Create(range(50)) | beam.ParDo(Count())
    result = pipe.run()
    assert result.state == PipelineState.RUNNING  # BundleBasedDirectRunner returns before the end
    run.wait_with_progress(result, every_secs=0.01)
    assert result.state == PipelineState.DONE
    assert result.metrics().query()["counters"][0].committed == 50


def test_when_the_runner_has_no_live_metrics_then_the_wait_still_ends_with_the_job():
    class NoMetrics(HeldJob):
        def metrics(self):
            threading.Timer(0.05, self._end.set).start()
            raise NotImplementedError("no live metrics")

    run.wait_with_progress(NoMetrics(queries=1), every_secs=0.01)
