"""SummarizeAudit: Metrics counters while the run goes, and the audit summary computed from the outcomes."""
from __future__ import annotations

import logging

import apache_beam as beam
from apache_beam.metrics import Metrics

from models.audit import add_outcome, empty_audit, finish_audit, merge_audits
from models.records import DiscardedRecord, SanitizedRecord

NAMESPACE = "redaction"
PROGRESS_EVERY = 1000

_LOG = logging.getLogger(__name__)


class CountOutcomesFn(beam.DoFn):
    """Counter names come from closed vocabularies (kind, reason, entity type), never from content."""

    def setup(self):
        self._finished = 0

    def process(self, outcome: SanitizedRecord | DiscardedRecord):
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


class SummarizeAudit(beam.PTransform):
    """(sanitized, discarded, lines read) -> the one summary document of the run."""

    def __init__(self, policy_version: str):
        super().__init__()
        self._policy_version = policy_version

    def expand(self, inputs):
        sanitized, discarded, line_count = inputs
        counts = ((sanitized, discarded)
                  | "Outcomes" >> beam.Flatten()
                  | "CountOutcomes" >> beam.ParDo(CountOutcomesFn())
                  | "Combine" >> beam.CombineGlobally(AuditCombineFn()))
        return counts | "Finish" >> beam.Map(
            finish_audit, lines_read=beam.pvalue.AsSingleton(line_count), policy_version=self._policy_version)
