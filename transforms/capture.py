"""ApplyCapturePolicy: records never to be captured are dropped, and undisclosed fields stripped."""
from __future__ import annotations

from typing import NamedTuple

import apache_beam as beam
from apache_beam import pvalue

from models.capture import capture_verdict, strip_undisclosed
from models.policy import Policy
from models.records import DiscardedRecord, RawRecord, StrippedFields
from transforms.dead_letters import guarded

CAPTURED, DROPPED, STRIPPED = "captured", "dropped", "stripped"


class CapturePolicyFn(beam.DoFn):
    """The verdict of `models.capture`; a kept record leaves without its undisclosed fields, and
    their names (never values) go to the audit."""

    def __init__(self, policy: Policy):
        self._policy = policy

    def process(self, record: RawRecord):
        why = capture_verdict(record, self._policy)
        if why is not None:
            yield pvalue.TaggedOutput(DROPPED, DiscardedRecord(record.kind, f"dropped:{why}"))
            return
        kept, stripped = strip_undisclosed(record, self._policy.disclosure)
        if stripped:
            yield pvalue.TaggedOutput(STRIPPED, StrippedFields(record.kind, stripped))
        yield kept


class Captured(NamedTuple):
    """ApplyCapturePolicy's outputs."""

    passed: beam.PCollection  # records to sanitize
    discarded: beam.PCollection
    stripped: beam.PCollection  # StrippedFields notes for the audit


class ApplyCapturePolicy(beam.PTransform):
    """(records) -> Captured(records to sanitize, discarded, stripped-field notes for the audit)."""

    def __init__(self, policy: Policy):
        super().__init__()
        self._policy = policy

    def expand(self, records) -> Captured:
        checked = guarded(records, "Check", beam.ParDo(CapturePolicyFn(self._policy)).with_output_types(
            RawRecord, **{DROPPED: DiscardedRecord, STRIPPED: StrippedFields}), "capture", main=CAPTURED,
            discards=(DROPPED,), tags=(STRIPPED,))
        return Captured(checked.main, checked.discarded, checked.tagged[STRIPPED])
