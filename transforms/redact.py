"""ApplyRedactionPolicy: findings -> sanitized records; a record that fails here is counted, never written."""
from __future__ import annotations

import apache_beam as beam

from models.policy import Policy
from models.redaction import sanitize
from transforms.dead_letters import FAILED, to_discarded


class ApplyRedactionPolicy(beam.PTransform):
    """Mask, pseudonymize and re-encode; Beam buffers each record's output until it fully succeeds."""

    def __init__(self, policy: Policy, pseudonym_key: bytes):
        super().__init__()
        self._policy = policy
        self._key = pseudonym_key

    def expand(self, findings):
        out = findings | "Sanitize" >> beam.Map(
            sanitize, policy=self._policy, key=self._key).with_exception_handling(dead_letter_tag=FAILED)
        failed = out[FAILED] | "FailuresToAudit" >> beam.Map(to_discarded, stage="redact")
        return out["good"], failed
