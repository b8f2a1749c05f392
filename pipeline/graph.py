"""build_pipeline: the whole graph, unrun, so a test can build it for any runner's options."""
from __future__ import annotations

from dataclasses import dataclass, field

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.utils.timestamp import Timestamp

from models.analyzer import AnalyzerSettings
from models.consent import Registry
from models.ocr import OcrSettings
from models.policy import Policy
from transforms.audit import SummarizeAudit
from transforms.capture import ApplyCapturePolicy
from transforms.consent import ApplyConsent, RefreshRegistry, RefreshSchedule
from transforms.read import ReadPubSubLines, ReadRawRecords, WatchFileLines
from transforms.sanitize import SanitizeRecords
from transforms.write import EncodeLines, WriteAudit, WriteSanitizedRecords


@dataclass(frozen=True)
class StreamSettings:
    """What `--streaming` adds: where lines arrive (files under the input pattern, or a Pub/Sub
    subscription), the audit window, how often the consent registry is re-read, and the run's id,
    which keeps its file names apart from any other run's writing to the same output."""

    run_id: str
    window_secs: int = 300
    poll_interval_secs: float = 60.0
    subscription: str | None = None
    consent_refresh_secs: int = 300
    launched_at: Timestamp = field(default_factory=Timestamp.now)  # the first registry read is for its window
    stop_polling_at: Timestamp | None = None  # a bounded run (tests); None: watch files and registry forever


@dataclass(frozen=True)
class RunSettings:
    """Everything the graph needs beyond Beam's own options, checked before the graph is built."""

    input_pattern: str
    output: str
    policy: Policy
    pseudonym_key: bytes
    analyzer: AnalyzerSettings
    ocr: OcrSettings
    consent: Registry | None = None  # the registry read at start-up; None: no consent rule
    consent_pattern: str | None = None  # where it was read; streaming re-reads it there
    stream: StreamSettings | None = None


def line_source(settings: RunSettings) -> beam.PTransform | None:
    """Where lines come from in streaming (files landing under the pattern, or Pub/Sub); None in
    batch, where ReadRawRecords reads the pattern's files as they are."""
    stream = settings.stream
    if stream is None:
        return None
    if stream.subscription:
        return ReadPubSubLines(stream.subscription)
    return WatchFileLines(settings.input_pattern, stream.poll_interval_secs, stream.stop_polling_at)


def consent_check(settings: RunSettings, registry: beam.PTransform | None) -> ApplyConsent:
    """Batch: the registry read at start-up, as it is. Streaming: re-read on the workers at the start
    of every refresh window, or `registry`'s timestamped snapshots instead (in tests)."""
    stream = settings.stream
    if stream is None:
        return ApplyConsent(beam.Create([settings.consent]))
    schedule = RefreshSchedule(stream.consent_refresh_secs, stream.launched_at)
    return ApplyConsent(registry or RefreshRegistry(settings.consent_pattern, schedule, stream.stop_polling_at),
                        schedule)


def build_pipeline(options: PipelineOptions, settings: RunSettings, lines: beam.PTransform | None = None,
                   registry: beam.PTransform | None = None) -> beam.Pipeline:
    """Read -> consent (when a registry is given) -> capture policy and disclosure -> sanitize ->
    encode -> write, with an audit that accounts for every line read: one graph for batch and streaming,
    where the lines are windowed by arrival as they are read and every stage keeps their window.

    `lines` replaces the settings' source of (name, line) pairs, and in streaming `registry` the
    re-reads of the consent registry (timestamped registries, UNAVAILABLE for a failed read): a
    TestStream and fixed snapshots, in tests.
    """
    stream = settings.stream
    pipeline = beam.Pipeline(options=options)
    records, quarantined, line_count = pipeline | "ReadRawRecords" >> ReadRawRecords(
        settings.input_pattern, source=lines or line_source(settings),
        window_secs=stream.window_secs if stream else None)
    refused = []
    if settings.consent is not None:
        records, no_consent = records | "ApplyConsent" >> consent_check(settings, registry)
        refused.append(no_consent)
    records, not_captured, stripped = records | "ApplyCapturePolicy" >> ApplyCapturePolicy(settings.policy)
    sanitized, failed = records | "SanitizeRecords" >> SanitizeRecords(
        settings.policy, settings.pseudonym_key, settings.analyzer, settings.ocr)
    # The sink and the audit both take what got through encoding: a record counts as sanitized only
    # if its line can be written.
    encoded, written, unwritable = sanitized | "EncodeLines" >> EncodeLines()
    discarded = (quarantined, *refused, not_captured, failed, unwritable) | "AllDiscarded" >> beam.Flatten()
    run_id = stream.run_id if stream else None
    _ = encoded | "WriteSanitizedRecords" >> WriteSanitizedRecords(settings.output, run_id)
    summary = (written, discarded, line_count, stripped) | "SummarizeAudit" >> SummarizeAudit(settings.policy.version)
    _ = summary | "WriteAudit" >> WriteAudit(settings.output, run_id)
    return pipeline
