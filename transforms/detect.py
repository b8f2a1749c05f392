"""DetectSensitiveContent: spans (Presidio on spaCy) and the record's category, in batches, with the
engines loaded once per worker process."""
from __future__ import annotations

import logging
from typing import Callable

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.metrics import Metrics
from apache_beam.utils.shared import Shared

from models.detection import detect, detect_batch
from models.engine import AnalyzerSettings, Detector, build_detector
from models.deadline import record_deadline
from models.records import DiscardedRecord, Finding, PreparedRecord
from transforms.dead_letters import FAILED, to_discarded

_LOG = logging.getLogger(__name__)


class DetectBatchFn(beam.DoFn):
    """Holds only settings when pickled; the detector is built in `setup` and shared by the worker's
    threads. A batch that fails is retried record by record, so one bad record costs only itself."""

    def __init__(self, settings: AnalyzerSettings, load_detector: Callable[[AnalyzerSettings], Detector],
                 shared: Shared, record_seconds: float | None = None):
        self._settings = settings
        self._load_detector = load_detector
        self._shared = shared
        self._record_seconds = record_seconds
        self._detector = None
        self._retried = Metrics.counter("redaction", "detect_batches_retried_per_record")

    def setup(self):
        self._detector = self._shared.acquire(lambda: self._load_detector(self._settings),
                                              tag=repr(self._settings))

    def process(self, batch: list[PreparedRecord]):
        try:
            # The whole batch gets one record's time (a batch takes a second or two): past that,
            # each record is retried alone with its own, so a slow record costs only itself.
            with record_deadline(self._record_seconds):
                findings = detect_batch(self._detector, batch, self._settings)
        except Exception as error:  # noqa: BLE001 - narrowed below, record by record
            _LOG.warning("detection failed on a batch of %d records (%s); retrying each", len(batch),
                         type(error).__name__)
            self._retried.inc()
            findings = None
        if findings is not None:
            yield from findings
            return
        for prepared in batch:
            try:
                with record_deadline(self._record_seconds):
                    finding = detect(self._detector, prepared, self._settings)
                yield finding
            except Exception as error:  # noqa: BLE001 - the record is counted as error:detect, never output
                yield pvalue.TaggedOutput(FAILED, DiscardedRecord(prepared.record.kind, "error:detect",
                                                                  error_type=type(error).__name__))


class DetectSensitiveContent(beam.PTransform):
    """Batches of records -> spans per text field and category; a record whose detection fails, or
    runs past `record_seconds`, becomes `error:detect`, never output. Applications given the same
    `shared` handle use one detector per worker process."""

    def __init__(self, settings: AnalyzerSettings,
                 load_detector: Callable[[AnalyzerSettings], Detector] = build_detector,
                 batch_size: int = 128, shared: Shared | None = None, record_seconds: float | None = None):
        super().__init__()
        self._settings = settings
        self._record_seconds = record_seconds
        self._load_detector = load_detector
        self._batch_size = batch_size
        self._shared = shared or Shared()

    def expand(self, prepared):
        # Fixed-size batches (a bundle's last one may be smaller): Beam's adaptive sizing starts at
        # one record and grows slowly, and small batches waste most of what batching saves.
        found = (prepared
                 | "Batch" >> beam.BatchElements(min_batch_size=self._batch_size, max_batch_size=self._batch_size)
                 | "Analyze" >> beam.ParDo(
                     DetectBatchFn(self._settings, self._load_detector, self._shared, self._record_seconds)
                 ).with_output_types(Finding, **{FAILED: DiscardedRecord}).with_outputs(FAILED, main="good").with_exception_handling(dead_letter_tag="crashed", main_tag="good"))
        crashed = (found["crashed"]
                   | "BatchToRecords" >> beam.FlatMap(lambda dead: [(record, dead[1]) for record in dead[0]])
                   | "CrashesToAudit" >> beam.Map(to_discarded, stage="detect"))
        failed = (found[FAILED], crashed) | "Failed" >> beam.Flatten()
        return found["good"], failed
