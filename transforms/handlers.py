"""RunInference model handlers: the detector (Presidio on spaCy) and the OCR engine (Tesseract),
loaded by Beam once per worker process, batched by Beam, with Beam's model-load and batch metrics.

An inference is the record's outcome: a Finding or PreparedRecord, or a payload-free
DiscardedRecord for a record refused or failed inside the batch, so one bad record costs only itself."""
from __future__ import annotations

import logging
from typing import Callable, Iterable, Sequence

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.ml.inference.base import ModelHandler, PredictionResult, RunInference
from apache_beam.utils.shared import Shared

from models.deadline import record_deadline
from models.detection import detect, detect_batch
from models.engine import AnalyzerSettings, Detector, shared_detector
from models.image_source import UnreadableImage
from models.images import UnsafeImage
from models.ocr import OcrSettings, TesseractOcr
from models.policy import ScreenshotRules
from models.records import DiscardedRecord, Finding, PreparedRecord, RawRecord
from models.text_views import text_fields
from transforms.dead_letters import Outcome, batch_to_discarded, failed_record
from transforms.images import decoded, refused_image

DETECT_BATCH = 128
DISCARDED = "discarded"

_LOG = logging.getLogger(__name__)


class DetectorHandler(ModelHandler[PreparedRecord, Finding | DiscardedRecord, Detector]):
    """Spans and category per record, on fixed batches of `batch_size`: Beam's adaptive sizing starts
    at one record and grows slowly, and small batches waste most of what batching saves (a bundle's
    last batch may be smaller). A batch that fails, or runs past one record's `record_seconds`, is
    retried record by record, each with its own; a record that still fails is `error:detect`.

    RunInference keeps one model per application; the handler's own `Shared` handle, pickled with
    it, makes every application of one handler (the text and the screenshot paths) share one
    detector per worker process."""

    def __init__(self, settings: AnalyzerSettings,
                 load_detector: Callable[[AnalyzerSettings], Detector] = shared_detector, batch_size: int = DETECT_BATCH, record_seconds: float | None = None):
        super().__init__(min_batch_size=batch_size, max_batch_size=batch_size)
        self._settings = settings
        self._load_detector = load_detector
        self._record_seconds = record_seconds
        self._shared = Shared()

    def load_model(self) -> Detector:
        return self._shared.acquire(lambda: self._load_detector(self._settings), tag=repr(self._settings))

    def run_inference(self, batch: Sequence[PreparedRecord], model: Detector,
                      inference_args: dict | None = None) -> Iterable[PredictionResult]:
        return [PredictionResult(prepared, outcome) for prepared, outcome in zip(batch, self._detect(batch, model))]

    def _detect(self, batch: Sequence[PreparedRecord], detector: Detector) -> list[Finding | DiscardedRecord]:
        try:
            # The whole batch gets one record's time (a batch takes a second or two): past that,
            # each record is retried alone with its own, so a slow record costs only itself.
            with record_deadline(self._record_seconds):
                return detect_batch(detector, list(batch), self._settings)
        except Exception as error:  # noqa: BLE001 - narrowed below, record by record
            _LOG.warning("detection failed on a batch of %d records (%s); retrying each", len(batch),
                         type(error).__name__)
            beam.metrics.Metrics.counter("redaction", "detect_batches_retried_per_record").inc()
        return [self._detect_one(prepared, detector) for prepared in batch]

    def _detect_one(self, prepared: PreparedRecord, detector: Detector) -> Finding | DiscardedRecord:
        try:
            with record_deadline(self._record_seconds):
                return detect(detector, prepared, self._settings)
        except Exception as error:  # noqa: BLE001 - the record is counted as error:detect, never output
            return failed_record(prepared.record.kind, "detect", error)


class OcrHandler(ModelHandler[RawRecord, PreparedRecord | DiscardedRecord, TesseractOcr]):
    """Words and boxes of one screenshot at a time (seconds each: nothing to gain from batching, and
    a batch of one fails alone as `error:ocr`); an image refused on its way in (size, format,
    source) is `quarantined:image:<reason>`. Tesseract runs single-threaded (`OMP_THREAD_LIMIT`):
    the worker processes already use every core."""

    def __init__(self, settings: OcrSettings, rules: ScreenshotRules, record_seconds: float | None = None):
        super().__init__(min_batch_size=1, max_batch_size=1, env_vars={"OMP_THREAD_LIMIT": "1"})
        self._settings = settings
        self._rules = rules
        self._record_seconds = record_seconds

    def load_model(self) -> TesseractOcr:
        return TesseractOcr(self._settings)

    def run_inference(self, batch: Sequence[RawRecord], model: TesseractOcr,
                      inference_args: dict | None = None) -> Iterable[PredictionResult]:
        return [PredictionResult(record, self._read(record, model)) for record in batch]

    def _read(self, record: RawRecord, engine: TesseractOcr) -> PreparedRecord | DiscardedRecord:
        try:
            data, image = decoded(record, self._settings, self._rules)
        except (UnreadableImage, UnsafeImage) as refused:
            return refused_image(record, refused.reason)
        with record_deadline(self._record_seconds):  # Tesseract's own timeout is cut to what is left
            words = engine.read(image)
        return PreparedRecord(record, text_fields(record, words), image=data, ocr_words=words)


class SplitInferenceFn(beam.DoFn):
    """PredictionResult -> its inference: the record's outcome, or tagged DISCARDED."""

    def process(self, result: PredictionResult):
        outcome = result.inference
        yield pvalue.TaggedOutput(DISCARDED, outcome) if isinstance(outcome, DiscardedRecord) else outcome


class RunGuardedInference(beam.PTransform):
    """RunInference(handler) -> Outcome(records' outcomes, discarded): what the handler discarded,
    and one `error:<stage>` per record of a batch whose inference raised (Beam's dead letters)."""

    def __init__(self, handler: ModelHandler, stage: str, output_type: type):
        super().__init__()
        self._handler = handler
        self._stage = stage
        self._output_type = output_type

    def expand(self, examples) -> Outcome:
        results, dead = examples | "RunInference" >> RunInference(self._handler).with_exception_handling()
        crashed = dead.failed_inferences | "FailedBatchesToAudit" >> beam.FlatMap(batch_to_discarded, stage=self._stage)
        split = results | "Outcomes" >> beam.ParDo(SplitInferenceFn()).with_output_types(
            self._output_type, **{DISCARDED: DiscardedRecord}).with_outputs(DISCARDED, main="passed")
        return Outcome(split.passed, (split[DISCARDED], crashed) | "Discarded" >> beam.Flatten())
