"""DetectSensitiveContent: spans (Presidio on spaCy) and the record's category, in batches, through
RunInference with the detector loaded once per worker process (transforms/handlers.py)."""
from __future__ import annotations

import apache_beam as beam

from models.records import Finding
from transforms.dead_letters import Outcome
from transforms.handlers import DetectorHandler, RunGuardedInference


class DetectSensitiveContent(beam.PTransform):
    """Prepared records -> Outcome(findings, discarded): a record whose detection fails, or runs past
    the handler's `record_seconds`, becomes `error:detect`, never output. Applications given the same
    handler use one detector per worker process."""

    def __init__(self, handler: DetectorHandler):
        super().__init__()
        self._handler = handler

    def expand(self, prepared) -> Outcome:
        return prepared | "Analyze" >> RunGuardedInference(self._handler, "detect", Finding)
