"""CheckRecordLimits: records over the policy's size limits are quarantined before any work."""
from __future__ import annotations

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.metrics import Metrics

from models.policy import RecordLimits
from models.record_size import TOO_LARGE as REASON, exceeded_limit
from models.records import DiscardedRecord, RawRecord
from transforms.dead_letters import Outcome, guarded

WITHIN, TOO_LARGE = "within", "too_large"


class CheckLimitsFn(beam.DoFn):
    """A record within the limits passes; one over them becomes `quarantined:too_large`, and the
    limit it broke is counted (`redaction/too_large_<limit>`)."""

    def __init__(self, limits: RecordLimits):
        self._limits = limits

    def process(self, record: RawRecord):
        limit = exceeded_limit(record, self._limits)
        if limit is None:
            yield record
            return
        Metrics.counter("redaction", f"too_large_{limit}").inc()
        yield pvalue.TaggedOutput(TOO_LARGE, DiscardedRecord(record.kind, REASON))


class CheckRecordLimits(beam.PTransform):
    """Records -> (records within the limits, discarded ones)."""

    def __init__(self, limits: RecordLimits):
        super().__init__()
        self._limits = limits

    def expand(self, records) -> Outcome:
        checked = guarded(records, "Check", beam.ParDo(CheckLimitsFn(self._limits)).with_output_types(
            RawRecord, **{TOO_LARGE: DiscardedRecord}), "limits", main=WITHIN, discards=(TOO_LARGE,))
        return Outcome(checked.main, checked.discarded)
