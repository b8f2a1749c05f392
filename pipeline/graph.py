"""build_pipeline: the whole graph, unrun, so a test can build it for any runner's options."""
from __future__ import annotations

from dataclasses import dataclass, field

import apache_beam as beam
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions
from apache_beam.transforms.window import TimestampedValue
from apache_beam.utils.timestamp import Timestamp

from models.audit import as_canary_outcome
from models.consent import Registry
from models.engine import AnalyzerSettings
from models.ocr import OcrSettings
from models.policy import Policy
from models.verifier import Canaries, VerifierData, verifier_data
from pipeline.report import key_fingerprint, render_report
from transforms.audit import SummarizeAudit
from transforms.capture import ApplyCapturePolicy
from transforms.consent import ApplyConsent, RefreshRegistry, RefreshSchedule
from transforms.handlers import DetectorHandler
from transforms.read import ReadPubSubLines, ReadRawRecords, WatchFileLines
from transforms.sanitize import SanitizeRecords, detector_handler
from transforms.verify import VerifyRecords
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
    verifier: VerifierData = field(default_factory=verifier_data)
    canaries: Canaries | None = None  # records with known secrets, sanitized beside the input, never written


def line_source(settings: RunSettings) -> beam.PTransform | None:
    """Where lines come from in streaming (files landing under the pattern, or Pub/Sub); None in
    batch, where ReadRawRecords reads the pattern's files as they are."""
    stream = settings.stream
    if stream is None:
        return None
    if stream.subscription:
        return ReadPubSubLines(stream.subscription)
    return WatchFileLines(settings.input_pattern, stream.poll_interval_secs, stream.stop_polling_at,
                          settings.policy.limits.max_line_bytes)


def consent_check(settings: RunSettings, registry: beam.PTransform | None) -> ApplyConsent:
    """Batch: the registry read at start-up, as it is. Streaming: re-read on the workers at the start
    of every refresh window, or `registry`'s timestamped snapshots instead (in tests)."""
    stream = settings.stream
    if stream is None:
        return ApplyConsent(beam.Create([settings.consent]))
    schedule = RefreshSchedule(stream.consent_refresh_secs, stream.launched_at)
    return ApplyConsent(registry or RefreshRegistry(settings.consent_pattern, schedule, stream.stop_polling_at),
                        schedule)


def canary_outcomes(pipeline: beam.Pipeline, settings: RunSettings, detector: DetectorHandler) -> beam.PCollection:
    """The canary records through the same stages as the input (parse, capture policy, sanitize,
    verify, with one detector per worker for both), each ending as a CanaryOutcome for the audit:
    nothing of this branch reaches a sink. In streaming they arrive at launch, in its window."""
    canaries, stream = settings.canaries, settings.stream
    source = beam.Create([(canaries.name, line) for line in canaries.lines])
    if stream is not None:
        source = source | "StampLaunch" >> beam.Map(TimestampedValue, stream.launched_at)
    read = pipeline | "ReadCanaries" >> ReadRawRecords(
        source=source, window_secs=stream.window_secs if stream else None)
    captured = read.passed | "CanaryCapturePolicy" >> ApplyCapturePolicy(settings.policy)
    sanitized = captured.passed | "SanitizeCanaries" >> SanitizeRecords(
        settings.policy, settings.pseudonym_key, settings.analyzer, settings.ocr, detector=detector)
    verified = sanitized.passed | "VerifyCanaries" >> VerifyRecords(settings.verifier, canaries.secrets)
    return ((verified.passed, read.discarded, captured.discarded, sanitized.discarded, verified.discarded)
            | "CanaryOutcomes" >> beam.Flatten()
            | "AsCanaryOutcomes" >> beam.Map(as_canary_outcome))


def run_facts(options: PipelineOptions, settings: RunSettings) -> dict[str, str]:
    """What the audit says of the run besides counts: the runner, and the key's fingerprint (never the key)."""
    return {"runner": options.view_as(StandardOptions).runner or "FnApiRunner",
            "pseudonym_key_fingerprint": key_fingerprint(settings.pseudonym_key)}


def build_pipeline(options: PipelineOptions, settings: RunSettings, lines: beam.PTransform | None = None,
                   registry: beam.PTransform | None = None) -> beam.Pipeline:
    """Read -> consent (when a registry is given) -> capture policy and disclosure -> sanitize ->
    verify -> encode -> write, with an audit that accounts for every line read: one graph for batch and
    streaming, where the lines are windowed by arrival as they are read and every stage keeps their
    window. Canary records, when given, take the same stages beside it and end in the audit only.

    `lines` replaces the settings' source of (name, line) pairs, and in streaming `registry` the
    re-reads of the consent registry (timestamped registries, UNAVAILABLE for a failed read): a
    TestStream and fixed snapshots, in tests.
    """
    stream = settings.stream
    pipeline = beam.Pipeline(options=options)
    read = pipeline | "ReadRawRecords" >> ReadRawRecords(
        settings.input_pattern, source=lines or line_source(settings),
        window_secs=stream.window_secs if stream else None, max_line_bytes=settings.policy.limits.max_line_bytes)
    records, refused = read.passed, []
    if settings.consent is not None:
        consented = records | "ApplyConsent" >> consent_check(settings, registry)
        records = consented.passed
        refused.append(consented.discarded)
    captured = records | "ApplyCapturePolicy" >> ApplyCapturePolicy(settings.policy)
    detector = detector_handler(settings.policy, settings.analyzer)  # one per worker, canaries included
    sanitized = captured.passed | "SanitizeRecords" >> SanitizeRecords(
        settings.policy, settings.pseudonym_key, settings.analyzer, settings.ocr, detector=detector)
    # The verifier reads each line as the sink would write it; a canary secret is a finding here too.
    secrets = settings.canaries.secrets if settings.canaries else ()
    verified = sanitized.passed | "VerifyRecords" >> VerifyRecords(settings.verifier, secrets)
    # The sink and the audit both take what got through encoding: a record counts as sanitized only
    # if its line can be written.
    encoded = verified.passed | "EncodeLines" >> EncodeLines()
    discarded = ((read.discarded, *refused, captured.discarded, sanitized.discarded, verified.discarded,
                  encoded.discarded)
                 | "AllDiscarded" >> beam.Flatten())
    run_id = stream.run_id if stream else None
    _ = encoded.lines | "WriteSanitizedRecords" >> WriteSanitizedRecords(settings.output, run_id)
    canaries = [canary_outcomes(pipeline, settings, detector)] if settings.canaries else []
    summary = ((encoded.written, discarded, read.line_count, captured.stripped, *canaries)
               | "SummarizeAudit" >> SummarizeAudit(settings.policy.version, run_facts(options, settings),
                                                    canaries=bool(canaries)))
    _ = summary | "WriteAudit" >> WriteAudit(settings.output, run_id, render=render_report)
    return pipeline
