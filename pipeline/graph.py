"""build_pipeline: the whole graph, unrun, so a test can build it for any runner's options."""
from __future__ import annotations

from dataclasses import dataclass

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions

from models.analyzer import AnalyzerSettings
from models.consent import Consent
from models.ocr import OcrSettings
from models.policy import Policy
from transforms.audit import SummarizeAudit
from transforms.consent import ApplyConsent
from transforms.read import ReadRawRecords
from transforms.sanitize import SanitizeRecords
from transforms.write import WriteAudit, WriteSanitizedRecords


@dataclass(frozen=True)
class RunSettings:
    """Everything the graph needs beyond Beam's own options, checked before the graph is built."""

    input_pattern: str
    output: str
    policy: Policy
    pseudonym_key: bytes
    analyzer: AnalyzerSettings
    ocr: OcrSettings
    consent: dict[str, Consent] | None = None


def build_pipeline(options: PipelineOptions, settings: RunSettings) -> beam.Pipeline:
    """Read -> consent (when a registry is given) -> sanitize -> write, with an audit that accounts
    for every line read."""
    pipeline = beam.Pipeline(options=options)
    records, quarantined, line_count = pipeline | "ReadRawRecords" >> ReadRawRecords(settings.input_pattern)
    refused = []
    if settings.consent is not None:
        records, no_consent = records | "ApplyConsent" >> ApplyConsent(settings.consent)
        refused.append(no_consent)
    sanitized, failed = records | "SanitizeRecords" >> SanitizeRecords(
        settings.policy, settings.pseudonym_key, settings.analyzer, settings.ocr)
    discarded = (quarantined, *refused, failed) | "AllDiscarded" >> beam.Flatten()
    _ = sanitized | "WriteSanitizedRecords" >> WriteSanitizedRecords(settings.output)
    summary = (sanitized, discarded, line_count) | "SummarizeAudit" >> SummarizeAudit(settings.policy.version)
    _ = summary | "WriteAudit" >> WriteAudit(settings.output)
    return pipeline
