"""ApplyRedactionPolicy: findings -> sanitized records, or records dropped by the policy, counted by reason."""
from __future__ import annotations

import apache_beam as beam
from apache_beam import pvalue

from models.deadline import record_deadline
from models.policy import Policy
from models.records import DiscardedRecord, Finding, SanitizedRecord
from models.redaction import apply_policy
from transforms.dead_letters import Outcome, guarded

SANITIZED, DROPPED = "sanitized", "dropped"


class ApplyPolicyFn(beam.DoFn):
    """The verdict of `models.redaction.apply_policy`, routed to the main or the dropped output."""

    def __init__(self, policy: Policy, pseudonym_key: bytes):
        self._policy = policy
        self._key = pseudonym_key

    def process(self, finding: Finding):
        with record_deadline(self._policy.limits.max_record_seconds):
            verdict = apply_policy(finding, self._policy, self._key)
        yield pvalue.TaggedOutput(DROPPED, verdict) if isinstance(verdict, DiscardedRecord) else verdict


class ApplyRedactionPolicy(beam.PTransform):
    """Mask, pseudonymize and re-encode, or drop; Beam buffers each record's output until it fully succeeds."""

    def __init__(self, policy: Policy, pseudonym_key: bytes):
        super().__init__()
        self._policy = policy
        self._key = pseudonym_key

    def expand(self, findings) -> Outcome:
        decided = guarded(findings, "Decide", beam.ParDo(ApplyPolicyFn(self._policy, self._key)).with_output_types(
            SanitizedRecord, **{DROPPED: DiscardedRecord}), "redact", main=SANITIZED, discards=(DROPPED,))
        return Outcome(decided.main, decided.discarded)
