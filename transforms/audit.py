"""SummarizeAudit: Metrics counters while the run goes, and the audit summary computed from the outcomes."""
from __future__ import annotations

import logging

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.transforms.trigger import AccumulationMode
from apache_beam.transforms.window import GlobalWindows

from models.audit import add_outcome, empty_audit, finish_audit, merge_audits
from models.records import DiscardedRecord, LinesRead, SanitizedRecord, StrippedFields
from transforms.windows import window_by_arrival, window_fields

NAMESPACE = "redaction"
PROGRESS_EVERY = 1000

_LOG = logging.getLogger(__name__)


class CountOutcomesFn(beam.DoFn):
    """Counter names come from closed vocabularies (kind, reason, entity type, field name), never from content."""

    def setup(self):
        self._finished = 0

    def process(self, outcome: SanitizedRecord | DiscardedRecord | StrippedFields | LinesRead):
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
        if self._finished % PROGRESS_EVERY == 0:
            _LOG.info("progress: %d records finished by this worker", self._finished)
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
    """The summary document; in streaming also its window and which firing of the window it is."""

    def __init__(self, policy_version: str, windowed: bool):
        self._policy_version = policy_version
        self._windowed = windowed

    def process(self, audit, window=beam.DoFn.WindowParam, pane=beam.DoFn.PaneInfoParam):
        summary = finish_audit(audit, audit["lines_read"], self._policy_version)
        yield {**summary, **window_fields(window, pane)} if self._windowed else summary


class SummarizeAudit(beam.PTransform):
    """(sanitized, discarded, lines read[, stripped-field notes]) -> the summary document of the run,
    or in streaming one per window and firing, each with the window's totals so far."""

    def __init__(self, policy_version: str):
        super().__init__()
        self._policy_version = policy_version

    def expand(self, inputs):
        sanitized, discarded, line_count, *stripped = inputs
        lines = line_count | "LinesRead" >> beam.Map(LinesRead)
        outcomes = ((sanitized, discarded, *stripped, lines)
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
                | "Finish" >> beam.ParDo(FinishAuditFn(self._policy_version, windowed)))
