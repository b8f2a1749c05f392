"""VerifyRecords: the second-pass verifier on each sanitized line before the sink; a record with a
finding is never written, but quarantined as `quarantined:verifier:<TYPE>`."""
from __future__ import annotations

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.metrics import Metrics

from models.records import DiscardedRecord, SanitizedRecord
from models.verifier import Verifier, VerifierData, verifier_reason
from transforms.dead_letters import Outcome, guarded

VERIFIED, QUARANTINED = "verified", "quarantined"


class VerifyFn(beam.DoFn):
    """`models.verifier` on the record's JSON line, exactly as the sink will write it."""

    def __init__(self, data: VerifierData, secrets: tuple[str, ...]):
        self._data = data
        self._secrets = secrets

    def setup(self):
        self._verifier = Verifier(self._data, self._secrets)

    def process(self, record: SanitizedRecord):
        findings = self._verifier.findings(record.json_line)
        if not findings:
            yield record
            return
        for finding in findings:  # counter names from the data file's closed list of types
            Metrics.counter("redaction", f"verifier.{finding}").inc()
        yield pvalue.TaggedOutput(QUARANTINED, DiscardedRecord(record.kind, verifier_reason(findings[0])))


class VerifyRecords(beam.PTransform):
    """(sanitized records) -> (records fit for the sink, discarded: verifier findings and `error:verify`)."""

    def __init__(self, data: VerifierData, secrets: tuple[str, ...] = ()):
        super().__init__()
        self._data = data
        self._secrets = secrets

    def expand(self, sanitized) -> Outcome:
        verified = guarded(sanitized, "Verify", beam.ParDo(VerifyFn(self._data, self._secrets)).with_output_types(
            SanitizedRecord, **{QUARANTINED: DiscardedRecord}), "verify", main=VERIFIED, discards=(QUARANTINED,))
        return Outcome(verified.main, verified.discarded)
