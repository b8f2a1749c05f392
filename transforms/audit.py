"""SummarizeAudit: Metrics counters while the run goes, and the audit summary computed from the outcomes."""
from __future__ import annotations

import logging
import time

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.transforms.trigger import AccumulationMode
from apache_beam.transforms.window import GlobalWindows

from models.audit import CanaryOutcome, add_outcome, empty_audit, finish_audit, merge_audits
from models.records import DiscardedRecord, LinesRead, SanitizedRecord, StrippedFields
from transforms.windows import window_by_arrival, window_fields

NAMESPACE = "redaction"
# Seconds between two progress lines of a worker (the driver cannot log it on FnApiRunner, whose
# run() returns only at the end).
PROGRESS_SECS = 10.0

_LOG = logging.getLogger(__name__)


class CountOutcomesFn(beam.DoFn):
    """Counter names come from closed vocabularies (kind, reason, entity type, field name), never from content."""

    def setup(self):
        self._finished = 0
        self._started = self._logged = time.monotonic()

    def process(self, outcome: SanitizedRecord | DiscardedRecord | StrippedFields | LinesRead | CanaryOutcome):
        if isinstance(outcome, CanaryOutcome):
            Metrics.counter(NAMESPACE, f"canary.{outcome.reason}").inc()
            yield outcome
            return
        if isinstance(outcome, LinesRead):
            Metrics.counter(NAMESPACE, "lines_read").inc(outcome.count)
            yield outcome
            return
        if isinstance(outcome, StrippedFields):
            for name in outcome.fields:
                Metrics.counter(NAMESPACE, f"field_stripped.{name}").inc()
            yield outcome
            return
        self._finished += 1
        now = time.monotonic()
        if now - self._logged >= PROGRESS_SECS:
            _LOG.info("progress: %d records finished by this worker (%.1f/s)", self._finished,
                      self._finished / (now - self._started))
            self._logged = now
        if isinstance(outcome, SanitizedRecord):
            Metrics.counter(NAMESPACE, f"{outcome.kind}.sanitized").inc()
            for entity_type, count in outcome.entity_counts:
                Metrics.counter(NAMESPACE, f"entity.{entity_type}").inc(count)
        else:
            Metrics.counter(NAMESPACE, f"{outcome.kind}.{outcome.reason}").inc()
        yield outcome


class AuditCombineFn(beam.CombineFn):
    """Folds outcomes into the counts of `models.audit`."""

    def create_accumulator(self):
        return empty_audit()

    def add_input(self, accumulator, outcome):
        return add_outcome(accumulator, outcome)

    def merge_accumulators(self, accumulators):
        return merge_audits(list(accumulators))

    def extract_output(self, accumulator):
        return accumulator


class FinishAuditFn(beam.DoFn):
    """The summary document and what is known of the run (runner, key fingerprint); in streaming
    also its window and which firing of the window it is."""

    def __init__(self, policy_version: str, windowed: bool, run: dict[str, str], canaries: bool):
        self._policy_version = policy_version
        self._windowed = windowed
        self._run = run
        self._canaries = canaries

    def process(self, audit, window=beam.DoFn.WindowParam, pane=beam.DoFn.PaneInfoParam):
        summary = finish_audit(audit, audit["lines_read"], self._policy_version, self._canaries)
        if self._run:
            summary["run"] = dict(self._run)
        yield {**summary, **window_fields(window, pane)} if self._windowed else summary


class SummarizeAudit(beam.PTransform):
    """(sanitized, discarded, lines read[, stripped-field notes, canary outcomes]) -> the summary
    document of the run, or in streaming one per window and firing, each with the window's totals
    so far. `run` (runner, key fingerprint) is copied into it; with `canaries`, their block too."""

    def __init__(self, policy_version: str, run: dict[str, str] | None = None, canaries: bool = False):
        super().__init__()
        self._policy_version = policy_version
        self._run = run or {}
        self._canaries = canaries

    def expand(self, inputs):
        sanitized, discarded, line_count, *others = inputs
        lines = line_count | "LinesRead" >> beam.Map(LinesRead)
        outcomes = ((sanitized, discarded, *others, lines)
                    | "Outcomes" >> beam.Flatten()
                    | "CountOutcomes" >> beam.ParDo(CountOutcomesFn()))
        windowfn = outcomes.windowing.windowfn
        windowed = not isinstance(windowfn, GlobalWindows)
        combine = beam.CombineGlobally(AuditCombineFn())
        if windowed:
            # Accumulating: a late firing carries the whole window's totals, so the window's one
            # file, rewritten, always holds them all.
            outcomes = outcomes | "AccumulateFirings" >> window_by_arrival(
                windowfn, AccumulationMode.ACCUMULATING)
            combine = combine.without_defaults()
        return (outcomes
                | "Combine" >> combine
                | "Finish" >> beam.ParDo(FinishAuditFn(self._policy_version, windowed, self._run, self._canaries)))
