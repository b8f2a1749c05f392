"""DetectSensitiveContent: Presidio on spaCy over every text field, the engine loaded once per worker."""
from __future__ import annotations

from typing import Callable

import apache_beam as beam
from apache_beam.utils.shared import Shared
from presidio_analyzer import AnalyzerEngine

from models.analyzer import AnalyzerSettings, analyze_fields, build_analyzer
from models.records import Finding, PreparedRecord
from transforms.dead_letters import FAILED, to_discarded


class DetectFn(beam.DoFn):
    """Holds only settings when pickled; the engine is built in `setup` and shared by the worker's threads."""

    def __init__(self, settings: AnalyzerSettings, load_analyzer: Callable[[AnalyzerSettings], AnalyzerEngine]):
        self._settings = settings
        self._load_analyzer = load_analyzer
        self._shared = Shared()
        self._analyzer = None

    def setup(self):
        self._analyzer = self._shared.acquire(lambda: self._load_analyzer(self._settings),
                                              tag=repr(self._settings))

    def process(self, prepared: PreparedRecord):
        yield Finding(prepared, analyze_fields(self._analyzer, prepared.fields, self._settings))


class DetectSensitiveContent(beam.PTransform):
    """Spans per text field; a record whose detection fails becomes `error:detect`, never output."""

    def __init__(self, settings: AnalyzerSettings,
                 load_analyzer: Callable[[AnalyzerSettings], AnalyzerEngine] = build_analyzer):
        super().__init__()
        self._settings = settings
        self._load_analyzer = load_analyzer

    def expand(self, prepared):
        found = prepared | "Analyze" >> beam.ParDo(
            DetectFn(self._settings, self._load_analyzer)).with_exception_handling(dead_letter_tag=FAILED)
        failed = found[FAILED] | "FailuresToAudit" >> beam.Map(to_discarded, stage="detect")
        return found["good"], failed
