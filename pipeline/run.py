"""`python -m pipeline.run --input PATTERN --output DIR [Beam options]`: check, build, run, report."""
from __future__ import annotations

import logging
import os
import secrets
import sys
import time
from pathlib import Path

from apache_beam.io.filesystems import FileSystems
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions, _BeamArgumentParser

from models.analyzer import AnalyzerSettings, ModelNotInstalled, check_model_installed
from models.ocr import OcrSettings, OcrUnavailable, check_tesseract
from models.config_files import ConfigFileError
from models.consent import Consent, ConsentError, read_registry
from models.policy import load_policy
from models.pseudonyms import MIN_KEY_BYTES
from models.recognizers.config import recognizer_data
from pipeline.graph import RunSettings, build_pipeline
from pipeline.options import KEY_ENV, RedactionOptions
from pipeline.summary import format_summary, read_summary
from transforms.write import sanitized_dir

_LOG = logging.getLogger(__name__)

# The in-process portable runner: Beam 2.77's DirectRunner first tries to download Prism.
DEFAULT_RUNNER = "FnApiRunner"


class ConfigError(ValueError):
    """A run that must not start; the message says which option or file is wrong."""


def unknown_options(argv: list[str]) -> list[str]:
    """Option names neither Beam nor this pipeline knows; Beam alone would log and ignore them.

    Uses Beam's own parser and option classes (as `PipelineOptions.get_all_options` does), so a
    mistyped `--polcy` stops the run instead of silently running the default policy. Only names
    are returned: a value may be a secret.
    """
    parser = _BeamArgumentParser(allow_abbrev=False)
    for options_class in {str(c): c for c in PipelineOptions.__subclasses__()}.values():
        options_class._add_argparse_args(parser)  # pylint: disable=protected-access
    _, unknown = parser.parse_known_args(argv)
    # A stray word (an unquoted --input pattern the shell expanded) is refused too, by position.
    return [arg.split("=", 1)[0] if arg.startswith("-") else f"<argument {argv.index(arg) + 1}>" for arg in unknown]


def load_pseudonym_key(options: RedactionOptions, environ: dict[str, str]) -> tuple[bytes, list[str]]:
    """The key from --pseudonym_key_file or $REDACT_PSEUDONYM_KEY; a random one only with the dev flag."""
    if options.pseudonym_key_file:
        try:
            key = Path(options.pseudonym_key_file).read_bytes().strip()
        except OSError as exc:
            raise ConfigError(f"--pseudonym_key_file {options.pseudonym_key_file}: "
                              f"cannot read ({type(exc).__name__})") from None
        source = "--pseudonym_key_file"
    elif environ.get(KEY_ENV):
        key, source = environ[KEY_ENV].encode("utf-8"), f"${KEY_ENV}"
    elif options.dev_random_pseudonym_key:
        return secrets.token_bytes(32), ["pseudonym key: RANDOM for this run (--dev_random_pseudonym_key); "
                                         "not for production data"]
    else:
        raise ConfigError(f"no pseudonym key: set ${KEY_ENV} or --pseudonym_key_file "
                          "(or --dev_random_pseudonym_key for development runs)")
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"pseudonym key from {source} is shorter than {MIN_KEY_BYTES} bytes")
    return key, []


def load_consent(pattern: str) -> dict[str, Consent]:
    """The consent registry, read once here and handed to the workers as a side input; any
    unusable line stops the run (skipping it could let an older consent stand)."""
    files = sorted(m.path for m in FileSystems.match([pattern])[0].metadata_list)
    if not files:
        raise ConfigError(f"--consent {pattern!r} matches no file")
    lines = []
    for path in files:
        with FileSystems.open(path) as stream:
            lines += [(path, number, line) for number, line in enumerate(stream.read().splitlines(), start=1)]
    try:
        return read_registry(lines)
    except ConsentError as exc:
        raise ConfigError(str(exc)) from None


def check_settings(options: RedactionOptions, environ: dict[str, str],
                   local: bool = True) -> tuple[RunSettings, list[str]]:
    """Everything that can be wrong before a record is read: options, input, output, policy, key.

    With a local runner the workers are this machine, so the model and Tesseract are checked too.
    """
    if not options.input or not options.output:
        raise ConfigError("both --input PATTERN and --output DIR are required")
    if not options.ocr_timeout_secs or options.ocr_timeout_secs <= 0:
        raise ConfigError("--ocr_timeout_secs must be above 0 (0 would mean no limit)")
    if not FileSystems.match([options.input])[0].metadata_list:
        raise ConfigError(f"--input {options.input!r} matches no file")
    if FileSystems.match([FileSystems.join(sanitized_dir(options.output), "*")])[0].metadata_list:
        raise ConfigError(f"--output {options.output!r} already holds sanitized shards; use a new directory")
    try:
        policy = load_policy(options.policy)
        recognizer_data()
    except ConfigFileError as exc:
        raise ConfigError(str(exc)) from None
    key, notes = load_pseudonym_key(options, environ)
    consent = load_consent(options.consent) if options.consent else None
    notes.append(f"consent: registry of {len(consent)} users applied" if consent is not None
                 else "consent: no --consent registry given, so no consent rule was applied")
    settings = RunSettings(
        input_pattern=options.input, output=options.output, policy=policy, pseudonym_key=key,
        analyzer=AnalyzerSettings(model_name=options.spacy_model, score_threshold=policy.score_threshold),
        ocr=OcrSettings(config=options.ocr_config, timeout_secs=options.ocr_timeout_secs,
                        reuse_max_sessions=max(0, options.ocr_reuse_sessions)),
        consent=consent)
    if local:
        try:
            check_model_installed(options.spacy_model)
            check_tesseract(settings.ocr)
        except (ModelNotInstalled, OcrUnavailable) as exc:
            raise ConfigError(str(exc)) from None
    return settings, notes


def main(argv: list[str] | None = None) -> int:
    """Exit 0 when the run completed and every input line is accounted for, non-zero otherwise."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for ours in ("pipeline", "transforms"):
        logging.getLogger(ours).setLevel(logging.INFO)
    argv = argv if argv is not None else sys.argv[1:]
    unknown = unknown_options(argv)
    if unknown:
        print(f"error: unknown options or stray arguments {unknown} (quote --input patterns); "
              "see README.md for this pipeline's options", file=sys.stderr)
        return 2
    options = PipelineOptions(argv)
    standard = options.view_as(StandardOptions)
    standard.runner = standard.runner or DEFAULT_RUNNER
    try:
        settings, notes = check_settings(options.view_as(RedactionOptions), dict(os.environ),
                                         local=standard.runner in StandardOptions.LOCAL_RUNNERS)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    notes.append(f"runner: {standard.runner}")
    started = time.monotonic()
    try:
        build_pipeline(options, settings).run().wait_until_finish()
    except Exception as exc:  # A worker's message may quote a record: report the type only.
        _LOG.error("pipeline run failed: %s (message withheld: it may quote record content)", type(exc).__name__)
        return 1
    summary = read_summary(settings.output)
    print(format_summary(summary, time.monotonic() - started, notes))
    if summary["unaccounted"]:
        print(f"error: {summary['unaccounted']} input lines have no outcome", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
