"""RedactionOptions: the pipeline's own command-line options, beside Beam's."""
from __future__ import annotations

from apache_beam.options.pipeline_options import PipelineOptions

from models.engine import DEFAULT_MODEL
from models.ocr import OcrSettings
from models.policy import DEFAULT_POLICY
from pipeline.graph import StreamSettings

KEY_ENV = "REDACT_PSEUDONYM_KEY"


class RedactionOptions(PipelineOptions):
    """No option is `required=True`: that would exit every options parse in the process; run.py checks.
    Options are declared in groups, which `--help` prints in this order, before any of Beam's."""

    @classmethod
    def _add_argparse_args(cls, parser):
        io = parser.add_argument_group("input and output")
        io.add_argument("--input", default=None,
                        help="JSONL file pattern (plain or .gz) on any Beam filesystem; with --streaming, "
                             "files that land under it are read as they appear")
        io.add_argument("--output", default=None, help="output directory: sanitized/ and audit/ go under it")
        io.add_argument("--image_roots", default=None,
                        help="comma-separated directories or bucket prefixes an image_uri may point "
                             "into (default: the --input pattern's directory tree; with "
                             "--input_subscription, none); any other image file is quarantined")
        policy = parser.add_argument_group("policy and pseudonyms")
        policy.add_argument("--policy", default=str(DEFAULT_POLICY), help="versioned redaction policy YAML")
        policy.add_argument("--spacy_model", default=DEFAULT_MODEL,
                            help="installed spaCy model package or path (never downloaded)")
        policy.add_argument("--pseudonym_key_file", default=None,
                            help=f"file holding the user-id pseudonym key; else ${KEY_ENV} is used")
        policy.add_argument("--dev_random_pseudonym_key", action="store_true", default=False,
                            help="DEVELOPMENT ONLY: run without a key, using a random one per run "
                                 "(pseudonyms then differ between runs)")
        consent = parser.add_argument_group("consent")
        consent.add_argument("--consent", default=None,
                             help="consent registry, JSONL on any Beam filesystem (contract); without it no "
                                  "consent rule is applied")
        consent.add_argument("--consent_refresh_secs", type=int, default=StreamSettings.consent_refresh_secs,
                             help="with --streaming and --consent: seconds between two reads of the registry on "
                                  "the workers, at the start of each refresh window (fixed, like the audit windows)")
        ocr = parser.add_argument_group("OCR")
        ocr.add_argument("--ocr_config", default=OcrSettings.config, help="Tesseract flags, e.g. '--psm 11'")
        ocr.add_argument("--ocr_language", default=OcrSettings.language,
                         help="Tesseract language or script data, e.g. 'Latin' or 'Latin+Cyrillic' (each must be "
                              "installed: Debian packages tesseract-ocr-script-latn, -cyrl, ...)")
        ocr.add_argument("--ocr_reuse_sessions", type=int, default=OcrSettings.reuse_max_sessions,
                         help="above 0: a session's frames are grouped by session_id and read in capture order, "
                              "each against its session's last frame kept in Beam state, so only what changed "
                              "is read again (0: read every frame in full, ungrouped)")
        ocr.add_argument("--ocr_timeout_secs", type=float, default=OcrSettings.timeout_secs,
                         help="a screenshot whose OCR takes longer is dropped as error:ocr")
        stream = parser.add_argument_group("streaming (with Beam's --streaming)")
        stream.add_argument("--input_subscription", default=None,
                            help="with --streaming, instead of --input: Pub/Sub subscription "
                                 "(projects/P/subscriptions/S) whose messages hold JSONL records")
        stream.add_argument("--poll_interval_secs", type=float, default=StreamSettings.poll_interval_secs,
                            help="with --streaming and --input: seconds between two listings of the pattern")
        stream.add_argument("--audit_window_secs", type=int, default=StreamSettings.window_secs,
                            help="with --streaming: length of the windows (by arrival time) the audit is "
                                 "counted in, one audit file per window")
        verifier = parser.add_argument_group("verifier and canaries")
        verifier.add_argument("--canary_file", default=None,
                              help="JSONL of canary records with their secrets, on any Beam filesystem: sanitized "
                                   "beside the input, never written, their result in the audit")
        verifier.add_argument("--strict_verifier", action="store_true", default=False,
                              help="exit 4 when the verifier kept any record from the sink (default: exit 0, "
                                   "with a warning)")


class FlinkCheckpointOptions(PipelineOptions):
    """Flink's checkpoint interval, which Beam's Python SDK passes on to the Flink job server without
    declaring it; declared here so the pipeline, which refuses undeclared options, accepts it."""

    @classmethod
    def _add_argparse_args(cls, parser):
        parser.add_argument("--checkpointing_interval", type=int, default=None,
                            help="FlinkRunner: milliseconds between checkpoints; restarts resume from the last one")
