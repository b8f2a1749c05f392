"""`python -m pipeline.run --input PATTERN --output DIR [Beam options]`: check, build, run, report."""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
import secrets
import sys
import threading
import time
from datetime import datetime, timezone

# Beam's BigQuery client module logs this one notice on the root logger when it is imported without
# apitools (a GCP extra the pipeline does not use): dropped here, before Beam is imported; nothing else is.
APITOOLS_NOTICE = "apitools not found"
logging.getLogger().addFilter(lambda record: not str(record.msg).startswith(APITOOLS_NOTICE))

from apache_beam.io.filesystems import FileSystems  # noqa: E402 (after the filter above)
from apache_beam.options.pipeline_options import DirectOptions, PipelineOptions, StandardOptions  # noqa: E402

from models.config_files import ConfigFileError
from models.consent import ConsentError, Registry
from models.engine import ModelNotInstalled, check_model_installed, settings_for_policy
from models.image_source import image_roots
from models.name_initials import initials_shape
from models.normalize import normalize_data
from models.ocr import OcrSettings, OcrUnavailable, check_tesseract
from models.policy import load_policy
from models.recognizers.config import recognizer_data
from models.recognizers.registry import load_registry_configuration
from models.records import KINDS
from models.screen_fields import field_cues
from models.screen_ink import ink_reach
from models.screen_layout import table_shape
from models.screen_tokens import token_shapes
from models.verifier import Canaries, CanaryError, read_canaries, verifier_data
from pipeline.graph import RunSettings, StreamSettings, build_pipeline
from pipeline.keys import ConfigError, read_pseudonym_key
from pipeline.options import KEY_ENV, FlinkCheckpointOptions, RedactionOptions
from pipeline.summary import format_summary, read_summary, verifier_line
from transforms.beam_compat import beam_argument_parser, declare_options
from transforms.consent import read_registry_files
from transforms.write import report_path, sanitized_dir

# Named, not __name__ ("__main__" under `python -m`), so the INFO level set for "pipeline" applies.
_LOG = logging.getLogger("pipeline.run")

# The in-process portable runner: Beam 2.77's DirectRunner first tries to download Prism.
DEFAULT_RUNNER = "FnApiRunner"
# Runners that cannot run an unbounded source (checked on 2.77): FnApiRunner reads the source to its
# end before any later stage runs, so a watched directory writes nothing, ever; BundleBasedDirectRunner
# fails on MatchContinuously's Watch.
BATCH_ONLY_RUNNERS = ("FnApiRunner", "BundleBasedDirectRunner")
# Beam 2.77's DirectRunner tries PrismRunner first, and PrismRunner downloads its binary: nothing may
# download at run time, so DirectRunner runs as the runner it uses for batch pipelines, FnApiRunner.
DOWNLOADING_RUNNERS = ("PrismRunner",)
RUNNER_FOR = {"DirectRunner": DEFAULT_RUNNER}
# Beam 2.77's BundleBasedDirectRunner fails an assertion in the GroupByKey that gathers a session's
# screenshots (checked here on the sample); with session reuse off that step is not in the graph.
SESSION_GROUPING_FAILS_ON = ("BundleBasedDirectRunner",)
SUBSCRIPTION = re.compile(r"^projects/[^/]+/subscriptions/[^/]+$")
# Seconds between two progress lines of the driver, while a runner that returns at once runs the job.
PROGRESS_SECS = 10
# Reasons of records that did not reach the sink start with one of these.
OUTCOME_PREFIXES = ("dropped:", "quarantined:", "error:")
# Exit status of a run whose verifier kept records from the sink, with --strict_verifier.
EXIT_VERIFIER = 4
# Beam's options that a first run needs, shown by --help beside the pipeline's own.
BEAM_ESSENTIALS = ("--runner", "--streaming", "--direct_num_workers", "--direct_running_mode")
# What a run writes on this machine (shards, audit, Beam's and OCR's temporary files, by this process
# and the worker processes it starts) is private: files 0600, directories 0700.
PRIVATE_UMASK = 0o077


def unknown_options(argv: list[str]) -> list[str]:
    """Option names neither Beam nor this pipeline knows; Beam alone would log and ignore them.

    Uses Beam's own parser and option classes (as `PipelineOptions.get_all_options` does), so a
    mistyped `--polcy` stops the run instead of silently running the default policy. Only names
    are returned: a value may be a secret.
    """
    parser = beam_argument_parser(allow_abbrev=False)
    for options_class in {str(c): c for c in PipelineOptions.__subclasses__()}.values():
        declare_options(options_class, parser)
    _, unknown = parser.parse_known_args(argv)
    # A stray word (an unquoted --input pattern the shell expanded) is refused too, by position.
    return [arg.split("=", 1)[0] if arg.startswith("-") else f"<argument {argv.index(arg) + 1}>" for arg in unknown]


def help_text(beam_options: bool = False) -> str:
    """`--help`: this pipeline's options by group, then the few Beam options a first run needs;
    `--help_beam`: every option Beam declares."""
    parser = argparse.ArgumentParser(prog="python -m pipeline.run", add_help=False, allow_abbrev=False,
                                     usage="%(prog)s --input 'PATTERN' --output DIR [options] [Beam options]")
    if beam_options:
        for options_class in {str(c): c for c in PipelineOptions.__subclasses__()}.values():
            declare_options(options_class, parser)
        return parser.format_help()
    declare_options(RedactionOptions, parser)
    beam = beam_argument_parser(add_help=False)
    for options_class in (StandardOptions, DirectOptions, FlinkCheckpointOptions):
        declare_options(options_class, beam)
    group = parser.add_argument_group("Beam (a few; every one with --help_beam)",
                                      f"Without --runner the pipeline runs on {DEFAULT_RUNNER}, and "
                                      f"--runner=DirectRunner does too.")
    for action in beam._actions:  # pylint: disable=protected-access
        if set(action.option_strings) & {*BEAM_ESSENTIALS, "--checkpointing_interval"}:
            group._add_action(action)  # pylint: disable=protected-access
    return parser.format_help() + ("\nExit status: 0 completed (records dropped or quarantined included), "
                                   "1 run failed or a line unaccounted for, 2 configuration error, 3 an input "
                                   "file not read to its end, 4 verifier findings with --strict_verifier.\n")


def load_pseudonym_key(options: RedactionOptions, environ: dict[str, str]) -> tuple[bytes, list[str]]:
    """The key from --pseudonym_key_file or $REDACT_PSEUDONYM_KEY; a random one only with the dev flag."""
    key = read_pseudonym_key(options.pseudonym_key_file, environ)
    if key is not None:
        return key, []
    if options.dev_random_pseudonym_key:
        return secrets.token_bytes(32), ["pseudonym key: RANDOM for this run (--dev_random_pseudonym_key); "
                                         "not for production data"]
    raise ConfigError(f"no pseudonym key: set ${KEY_ENV} or --pseudonym_key_file "
                      "(or --dev_random_pseudonym_key for development runs)")


def load_consent(pattern: str) -> Registry:
    """The consent registry, read and validated here before anything else is read; any unusable
    line stops the run (skipping it could let an older consent stand). Batch hands this read to the
    workers; streaming re-reads the files there (transforms/consent.py)."""
    try:
        return read_registry_files(pattern)
    except ConsentError as exc:
        raise ConfigError(str(exc)) from None


def load_canaries(path: str) -> Canaries:
    """The canary file, read and validated before anything else is read; any unusable line stops the run."""
    try:
        with FileSystems.open(path) as stream:
            lines = stream.read().splitlines()
    except Exception as exc:  # Beam's filesystems raise their own types; the path is the operator's
        raise ConfigError(f"--canary_file {path}: cannot read ({type(exc).__name__})") from None
    try:
        return read_canaries(lines, path)
    except CanaryError as exc:
        raise ConfigError(str(exc)) from None


def new_run_id() -> str:
    """`20260609T120301Z-1a2b`: the launch time and a random part, which keep a streaming run's file
    names apart from those of any earlier run writing to the same output."""
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{secrets.token_hex(2)}"


def check_stream(options: RedactionOptions, runner: str) -> StreamSettings:
    """The streaming options: a runner that runs unbounded sources, one input, a subscription the
    installed packages can read, a positive window, poll interval and registry refresh."""
    if runner in BATCH_ONLY_RUNNERS:
        raise ConfigError(f"--streaming needs a runner that runs unbounded sources (DataflowRunner, FlinkRunner, "
                          f"PortableRunner with a Flink job server); {runner} cannot (docs/production-runners.md)")
    if bool(options.input) == bool(options.input_subscription):
        raise ConfigError("--streaming reads either --input PATTERN (files as they land) or "
                          "--input_subscription projects/P/subscriptions/S: give exactly one")
    if options.input_subscription:
        if not SUBSCRIPTION.match(options.input_subscription):
            raise ConfigError(f"--input_subscription {options.input_subscription!r} is not "
                              "projects/PROJECT/subscriptions/NAME")
        try:
            importlib.import_module("google.cloud.pubsub")
        except ImportError:
            raise ConfigError("--input_subscription needs the google-cloud-pubsub package, which is not installed: "
                              "pip install 'apache-beam[gcp]==2.77.0' (the worker image has it)") from None
    if not options.poll_interval_secs or options.poll_interval_secs <= 0:
        raise ConfigError("--poll_interval_secs must be above 0")
    if not options.audit_window_secs or options.audit_window_secs <= 0:
        raise ConfigError("--audit_window_secs must be a whole number of seconds above 0")
    if not options.consent_refresh_secs or options.consent_refresh_secs <= 0:
        raise ConfigError("--consent_refresh_secs must be a whole number of seconds above 0")
    if options.consent and options.consent_refresh_secs % options.audit_window_secs:
        raise ConfigError(f"--consent_refresh_secs ({options.consent_refresh_secs}) must be a multiple of "
                          f"--audit_window_secs ({options.audit_window_secs}): each audit window is checked against "
                          "the registry read at its start, so reads in between would apply to no record")
    return StreamSettings(run_id=new_run_id(), window_secs=options.audit_window_secs,
                          poll_interval_secs=options.poll_interval_secs, subscription=options.input_subscription,
                          consent_refresh_secs=options.consent_refresh_secs)


def check_input(options: RedactionOptions) -> None:
    """A batch run: a pattern that matches files now, and an output without shards of an earlier run."""
    if options.input_subscription:
        raise ConfigError("--input_subscription needs --streaming (a subscription has no end)")
    if not options.input:
        raise ConfigError("--input PATTERN is required")
    if not FileSystems.match([options.input])[0].metadata_list:
        raise ConfigError(f"--input {options.input!r} matches no file")
    if FileSystems.match([FileSystems.join(sanitized_dir(options.output), "*")])[0].metadata_list:
        raise ConfigError(f"--output {options.output!r} already holds sanitized shards; use a new directory")


def check_settings(options: RedactionOptions, environ: dict[str, str],
                   local: bool = True) -> tuple[RunSettings, list[str]]:
    """Everything that can be wrong before a record is read: options, input, output, policy, key.

    With a local runner the workers are this machine, so the model and Tesseract are checked too.
    A streaming run writes beside earlier runs' files (its own carry its run id), so its input may
    match nothing yet and its output may hold shards.
    """
    standard = options.view_as(StandardOptions)
    if not options.output:
        raise ConfigError("--output DIR is required")
    if not options.ocr_timeout_secs or options.ocr_timeout_secs <= 0:
        raise ConfigError("--ocr_timeout_secs must be above 0 (0 would mean no limit)")
    stream = check_stream(options, standard.runner or DEFAULT_RUNNER) if standard.streaming else None
    if stream is None:
        check_input(options)
    try:
        policy = load_policy(options.policy)
        recognizer_data()
        table_shape()
        field_cues()
        initials_shape()
        ink_reach()
        token_shapes()
        load_registry_configuration()
        normalize_data()
        verifier = verifier_data()
    except ConfigFileError as exc:
        raise ConfigError(str(exc)) from None
    key, notes = load_pseudonym_key(options, environ)
    consent = load_consent(options.consent) if options.consent else None
    canaries = load_canaries(options.canary_file) if options.canary_file else None
    if canaries is not None:
        notes.append(f"canaries: {len(canaries.lines)} records with {len(canaries.secrets)} secrets, never written")
    if consent is None:
        notes.append("consent: no --consent registry given, so no consent rule was applied")
    elif stream is None:
        notes.append(f"consent: registry of {len(consent.consents)} users applied")
    else:
        notes.append(f"consent: registry of {len(consent.consents)} users at launch, re-read by the workers every "
                     f"{stream.consent_refresh_secs} s")
    settings = RunSettings(
        input_pattern=options.input or "", output=options.output, policy=policy, pseudonym_key=key,
        analyzer=settings_for_policy(policy, model_name=options.spacy_model),
        ocr=OcrSettings(language=options.ocr_language, config=options.ocr_config, timeout_secs=options.ocr_timeout_secs,
                        reuse_max_sessions=max(0, options.ocr_reuse_sessions),
                        image_roots=image_roots(options.image_roots, options.input)),
        consent=consent, consent_pattern=options.consent, stream=stream, verifier=verifier, canaries=canaries)
    if local:
        try:
            check_model_installed(options.spacy_model)
            check_tesseract(settings.ocr)
        except (ModelNotInstalled, OcrUnavailable) as exc:
            raise ConfigError(str(exc)) from None
    return settings, notes


def is_outcome_counter(name: str) -> bool:
    """`<kind>.sanitized` or `<kind>.<reason>`: one count per finished record (transforms/audit.py)."""
    kind, _, outcome = name.partition(".")
    return kind in (*KINDS, "unknown") and (outcome == "sanitized" or outcome.startswith(OUTCOME_PREFIXES))


def wait_with_progress(result, every_secs: float = PROGRESS_SECS) -> None:
    """Wait for a batch run, logging its progress (lines read, records finished, per second: counts
    only) every `every_secs` while the runner reports metrics before the end. The wait itself is the
    runner's `wait_until_finish` in a thread: it returns the moment the job ends, and it is the only
    way to learn the end from runners whose `state` changes only there (BundleBasedDirectRunner).
    FnApiRunner's `run()` returns only when the job is done, so there its workers log their own progress."""
    ended: list[BaseException | None] = []

    def wait() -> None:
        try:
            result.wait_until_finish()
            ended.append(None)
        except BaseException as exc:  # noqa: BLE001 (raised again in the driver's thread below)
            ended.append(exc)

    waiter = threading.Thread(target=wait, name="wait_until_finish", daemon=True)
    waiter.start()
    started, last = time.monotonic(), None
    while waiter.join(every_secs) is None and waiter.is_alive():
        try:
            counters = result.metrics().query()["counters"]
        except Exception:  # a runner without live metrics: waiting is all there is to do
            waiter.join()
            break
        done = sum(c.committed or c.attempted or 0 for c in counters if is_outcome_counter(c.key.metric.name))
        read = sum(c.committed or c.attempted or 0 for c in counters if c.key.metric.name == "lines_read")
        if (read, done) != last:
            _LOG.info("progress: %d lines read, %d records finished (%.1f/s)", read, done,
                      done / (time.monotonic() - started))
            last = (read, done)
    if ended[0] is not None:
        raise ended[0]


def main(argv: list[str] | None = None) -> int:
    """Exit 0 when the run completed and every input line is accounted for (a streaming job: once it
    is submitted), records quarantined by the verifier included unless --strict_verifier (then 4);
    2 for a configuration error, 3 when an input file could not be read to its end, 1 for any other
    failure."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", force=True)
    for ours in ("pipeline", "transforms"):
        logging.getLogger(ours).setLevel(logging.INFO)
    argv = argv if argv is not None else sys.argv[1:]
    if {"-h", "--help", "--help_beam"} & set(argv):
        print(help_text(beam_options="--help_beam" in argv))
        return 0
    unknown = unknown_options(argv)
    if unknown:
        print(f"error: unknown options or stray arguments {unknown} (quote --input patterns); "
              "see docs/command-line.md for this pipeline's options", file=sys.stderr)
        return 2
    options = PipelineOptions(argv)
    standard = options.view_as(StandardOptions)
    asked = standard.runner or DEFAULT_RUNNER
    if asked in DOWNLOADING_RUNNERS:
        print(f"error: --runner={asked} downloads its runner binary, and nothing may download at run time; "
              f"use --runner={DEFAULT_RUNNER} (the default)", file=sys.stderr)
        return 2
    standard.runner = RUNNER_FOR.get(asked, asked)
    if standard.runner in SESSION_GROUPING_FAILS_ON and options.view_as(RedactionOptions).ocr_reuse_sessions > 0:
        print(f"error: --runner={standard.runner} cannot run the grouping of a session's screenshots; use "
              f"--runner={DEFAULT_RUNNER} (the default), or --ocr_reuse_sessions 0", file=sys.stderr)
        return 2
    try:
        settings, notes = check_settings(options.view_as(RedactionOptions), dict(os.environ),
                                         local=standard.runner in StandardOptions.LOCAL_RUNNERS)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    notes.append(f"runner: {standard.runner}" + (f" (for --runner={asked}, which would first download Prism)"
                                                 if asked != standard.runner else ""))
    started = time.monotonic()
    umask = os.umask(PRIVATE_UMASK)
    try:
        result = build_pipeline(options, settings).run()
        if settings.stream is not None:
            # A streaming job runs until it is drained or cancelled: report it and leave it running.
            print(f"streaming job submitted to {standard.runner}, run id {settings.stream.run_id}: sanitized "
                  f"shards and one audit file per {settings.stream.window_secs} s window "
                  f"(audit/window-*-{settings.stream.run_id}.json) under {settings.output}\n" + "\n".join(notes))
            return 0
        wait_with_progress(result)
    except Exception as exc:  # A worker's message may quote a record: report the type only.
        _LOG.error("pipeline run failed: %s (message withheld: it may quote record content)", type(exc).__name__)
        return 1
    finally:
        os.umask(umask)
    summary = read_summary(settings.output)
    notes.append(f"report page: {report_path(settings.output)}")
    print(format_summary(summary, time.monotonic() - started, notes))
    if summary["unaccounted"]:
        print(f"error: {summary['unaccounted']} input lines have no outcome", file=sys.stderr)
        return 1
    if summary["files_incomplete"]:
        # What was read is accounted for, but the lines after each file's break were never counted.
        print(f"error: {summary['files_incomplete']} input files could not be read to their end "
              "(truncated or corrupt; the log names them)", file=sys.stderr)
        return 3
    caught = verifier_line(summary)
    if caught:
        _LOG.warning("%s", caught)
        if options.view_as(RedactionOptions).strict_verifier:
            return EXIT_VERIFIER
    return 0


if __name__ == "__main__":
    sys.exit(main())
