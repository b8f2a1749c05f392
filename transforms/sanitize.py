"""SanitizeRecords: parsed records -> sanitized records and discarded ones, every stage fail-closed."""
from __future__ import annotations

from typing import Callable

import apache_beam as beam
from apache_beam.utils.shared import Shared

from models.engine import AnalyzerSettings, Detector, build_detector, fitted_to_policy
from models.ocr import OcrSettings
from models.policy import Policy
from transforms.detect import DetectSensitiveContent
from transforms.extract import ExtractText
from transforms.limits import CheckRecordLimits
from transforms.ocr import RunOcr
from transforms.redact import ApplyRedactionPolicy


def is_screenshot(record, _partitions: int) -> int:
    """Partition function: screenshots (1) take the OCR path, other kinds (0) carry their text."""
    return int(record.kind == "screenshot")


class SanitizeRecords(beam.PTransform):
    """Text views (OCR for screenshots) -> detection -> redaction; returns (sanitized, discarded).
    `shared` is the detector's handle: give two instances the same one to load one detector per worker."""

    def __init__(self, policy: Policy, pseudonym_key: bytes, analyzer: AnalyzerSettings, ocr: OcrSettings,
                 load_detector: Callable[[AnalyzerSettings], Detector] = build_detector,
                 shared: Shared | None = None):
        super().__init__()
        self._policy = policy
        self._key = pseudonym_key
        self._analyzer = fitted_to_policy(analyzer, policy)  # never skips what this policy reads
        self._ocr = ocr
        self._load_detector = load_detector
        self._shared = shared

    def expand(self, records):
        seconds = self._policy.limits.max_record_seconds
        records, too_large = records | "CheckRecordLimits" >> CheckRecordLimits(self._policy.limits)
        text_records, screenshots = records | "SplitByKind" >> beam.Partition(is_screenshot, 2)
        from_text, extract_failed = text_records | "ExtractText" >> ExtractText(seconds)
        from_ocr, ocr_discarded = screenshots | "RunOcr" >> RunOcr(self._ocr, self._policy.screenshots, seconds)
        # Each path is detected where it is (one detector per worker for both): flattening the
        # two first would end the text path's stage there, and FnApiRunner hands a flattened
        # input to its workers in whole data chunks, a few large ones each, so one worker could
        # get most records (measured: 7,704 of 9,119 with 2 workers).
        shared = self._shared if self._shared is not None else Shared()
        text_findings, text_failed = from_text | "DetectText" >> DetectSensitiveContent(
            self._analyzer, self._load_detector, shared=shared, record_seconds=seconds)
        screen_findings, screen_failed = from_ocr | "DetectScreens" >> DetectSensitiveContent(
            self._analyzer, self._load_detector, shared=shared, record_seconds=seconds)
        findings = (text_findings, screen_findings) | "Findings" >> beam.Flatten()
        sanitized, redact_failed = findings | "ApplyRedactionPolicy" >> ApplyRedactionPolicy(self._policy, self._key)
        discarded = ((too_large, extract_failed, ocr_discarded, text_failed, screen_failed, redact_failed)
                     | "Discarded" >> beam.Flatten())
        return sanitized, discarded
