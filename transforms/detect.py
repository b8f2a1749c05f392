"""DetectSensitiveContent: spans (Presidio on spaCy) and the record's category, engines loaded once per worker."""
from __future__ import annotations

from typing import Callable

import apache_beam as beam
from apache_beam.utils.shared import Shared

from models.analyzer import AnalyzerSettings, Detector, build_detector, detect
from models.records import PreparedRecord
from transforms.dead_letters import FAILED, to_discarded


class DetectFn(beam.DoFn):
    """Holds only settings when pickled; the detector is built in `setup` and shared by the worker's threads."""

    def __init__(self, settings: AnalyzerSettings, load_detector: Callable[[AnalyzerSettings], Detector]):
        self._settings = settings
        self._load_detector = load_detector
        self._shared = Shared()
        self._detector = None

    def setup(self):
        self._detector = self._shared.acquire(lambda: self._load_detector(self._settings),
                                              tag=repr(self._settings))

    def process(self, prepared: PreparedRecord):
        yield detect(self._detector, prepared, self._settings)


class DetectSensitiveContent(beam.PTransform):
    """Spans per text field; a record whose detection fails becomes `error:detect`, never output."""

    def __init__(self, settings: AnalyzerSettings,
                 load_detector: Callable[[AnalyzerSettings], Detector] = build_detector):
        super().__init__()
        self._settings = settings
        self._load_detector = load_detector

    def expand(self, prepared):
        found = prepared | "Analyze" >> beam.ParDo(
            DetectFn(self._settings, self._load_detector)).with_exception_handling(dead_letter_tag=FAILED)
        failed = found[FAILED] | "FailuresToAudit" >> beam.Map(to_discarded, stage="detect")
        return found["good"], failed
