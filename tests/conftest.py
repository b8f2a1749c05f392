"""Session-wide real engines (spaCy via Presidio, Tesseract), record builders and a network guard."""
from __future__ import annotations

import base64
import contextlib
import json
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.test_pipeline import TestPipeline

from models.detection import detect
from models.engine import (
    AnalyzerSettings,
    Detector,
    build_analyzer,
    fitted_to_policy,
    settings_for_policy,
    shared_detector,
)
from models.normalize import Normalizer, build_normalizer
from models.ocr import OcrSettings, TesseractOcr
from models.parse import parse_line
from models.policy import DEFAULT_POLICY, CategoryRule, Disclosure, Policy, load_policy
from models.records import PreparedRecord
from models.redaction import sanitize
from models.text_views import text_fields
from pipeline.graph import RunSettings, build_pipeline
from sample.generate import keys, screen

ROOT = Path(__file__).resolve().parent.parent
KEY = b"test-pseudonym-key-0123456789abcdef"
TS = "2026-06-09T09:00:00Z"


@pytest.fixture(scope="session")
def analyzer_settings() -> AnalyzerSettings:
    return settings_for_policy(load_policy(DEFAULT_POLICY))


@pytest.fixture(scope="session")
def analyzer(analyzer_settings):
    return build_analyzer(analyzer_settings)


@pytest.fixture(scope="session")
def detector(analyzer_settings) -> Detector:
    """The process's detector for the default policy (the one the pipeline's handlers share)."""
    return shared_detector(analyzer_settings)


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    return build_normalizer()


@pytest.fixture(scope="session")
def ocr() -> TesseractOcr:
    return TesseractOcr(OcrSettings())


@pytest.fixture(scope="session")
def policy():
    return load_policy(DEFAULT_POLICY)


@contextlib.contextmanager
def beam_temp_dirs_removed() -> Iterator[None]:
    """Beam makes a `beam-pipeline-temp*` directory in TMPDIR for every pipeline and removes it only when the
    pipeline runs: a test that builds a graph only to read it would leave one. Removed on leaving."""
    made: list[beam.Pipeline] = []
    real_init = beam.Pipeline.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        made.append(self)

    beam.Pipeline.__init__ = init
    try:
        yield
    finally:
        beam.Pipeline.__init__ = real_init
        for built in made:
            shutil.rmtree(built.local_tempdir, ignore_errors=True)


@pytest.fixture(autouse=True)
def _beam_temp_dirs():
    with beam_temp_dirs_removed():
        yield


@pytest.fixture
def pipeline() -> TestPipeline:
    """FnApiRunner: the DirectRunner of Beam 2.77 would first try to download Prism."""
    return TestPipeline(runner="FnApiRunner")


def record(kind: str, record_id: str = "r-1", **fields) -> dict:
    """A valid raw record of `kind` with the given extra fields."""
    return {"record_id": record_id, "kind": kind, "user_id": "emp-0001", "ts": TS, **fields}


def keystrokes(text: str, **fields) -> dict:
    return record("keystrokes", events=keys(text), **fields)


def transcript(*texts: str, **fields) -> dict:
    segments = [{"speaker": f"person {i}", "start": float(i), "end": float(i + 1), "text": text}
                for i, text in enumerate(texts)]
    return record("transcript", segments=segments, **{"source": "chat", **fields})


def screenshot(lines: list[str], dark: bool = False, **fields) -> dict:
    png = screen(lines, dark=dark, size=(1000, 80 + 44 * len(lines)), font_px=22)
    return record("screenshot", image_b64=base64.b64encode(png).decode("ascii"), **fields)


def carried(doc: dict) -> str:
    """Every character a sanitized keystroke record's events still carry: one-character keys and pasted texts."""
    return "".join(e.get("text") or (e["key"] if len(e.get("key", "")) == 1 else "") for e in doc["events"])


def written_text(detector: Detector, settings: AnalyzerSettings, policy: Policy, raw: dict) -> str:
    """Everything the sanitized record still says, its categories kept (so a tax or medical record is
    not dropped): its segments' text, or the characters its events carry."""
    kept = categories_kept(policy)
    parsed = parse_line(json.dumps(raw).encode(), "in.jsonl")
    doc = json.loads(sanitize(detect(detector, PreparedRecord(parsed, text_fields(parsed)),
                                     fitted_to_policy(settings, kept)), kept, KEY).json_line)
    return carried(doc) if "events" in doc else " ".join(segment["text"] for segment in doc["segments"])


def write_jsonl(path: Path, records: list[dict], extra_lines: tuple[bytes, ...] = ()) -> Path:
    path.write_bytes(b"\n".join([json.dumps(r).encode() for r in records] + list(extra_lines)) + b"\n")
    return path


def categories_kept(policy: Policy) -> Policy:
    """The policy with every category kept, so records reach the sink and their masking can be inspected."""
    return policy.model_copy(update={"categories": {name: CategoryRule(action="keep", sensitivity=rule.sensitivity)
                                                    for name, rule in policy.categories.items()}})


def capture_test_policy(policy: Policy) -> Policy:
    """The default capture lists, plus: Terminal keeps keystrokes only, a secure field drops its record,
    window titles of keystrokes and all transcripts are undisclosed, and categories are kept (so only
    the capture policy decides)."""
    return categories_kept(policy).model_copy(update={
        "capture": policy.capture.model_copy(update={"app_kinds": {"Terminal": ("keystrokes",)},
                                                     "on_secure_field": "drop_record"}),
        "disclosure": Disclosure(keystrokes=("session_id", "app", "url", "field"),
                                 screenshot=("session_id", "app", "window_title", "url"))})


def capture_records() -> list[dict]:
    """One record per capture rule, records the rules must keep, and a second user's records."""
    return [
        keystrokes("correct horse battery staple", record_id="vault-keys", app="1Password 8", window_title="Vault"),
        screenshot(["Personal vault", "github.com  jdoe"], record_id="vault-shot", app="bitwarden"),
        keystrokes("pay the card", record_id="bank", app="Google Chrome", url="https://secure.chase.com/web/auth"),
        keystrokes("order two usb-c docks for the team", record_id="lookalike", app="Google Chrome",
                   url="https://www.purchase.com/cart"),
        screenshot(["$ make deploy"], record_id="terminal-shot", app="Terminal"),
        keystrokes("git status", record_id="terminal-keys", app="Terminal"),
        transcript("the deploy is green", record_id="transcript"),
        keystrokes("the deploy is green", record_id="stripped", app="Slack", window_title="Slack | #platform-eng",
                   session_id="s-9"),
        keystrokes("hunter2hunter2", record_id="password", app="Safari", field="password"),
        {**keystrokes("review the rollout plan", record_id="other-1", app="Slack"), "user_id": "emp-0002"},
        {**keystrokes("git pull", record_id="other-2", app="Terminal"), "user_id": "emp-0002"},
    ]


@pytest.fixture(scope="session")
def capture_run(tmp_path_factory, policy, analyzer_settings) -> Path:
    """`capture_records()` and one malformed line through the real pipeline (build_pipeline, FnApiRunner)
    under `capture_test_policy`; returns the output directory. Tests that change it copy it first."""
    root = tmp_path_factory.mktemp("capture")
    path = write_jsonl(root / "in.jsonl", capture_records(), (b'{"record_id": "broken", ',))
    settings = RunSettings(str(path), str(root / "out"), capture_test_policy(policy), KEY, analyzer_settings,
                           OcrSettings())
    build_pipeline(PipelineOptions(["--runner=FnApiRunner"]), settings).run().wait_until_finish()
    return root / "out"


class NetworkAttempt(AssertionError):
    """Raised where code tried to reach a host that is not this machine."""


@pytest.fixture
def no_network(monkeypatch):
    """Refuse and record every connection and name lookup that leaves the machine."""
    attempts: list[str] = []
    local = ("localhost", "127.0.0.1", "::1", "0.0.0.0", "", None)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if host not in local:
            attempts.append(f"lookup {host}")
            raise NetworkAttempt(f"network lookup of {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    def guarded_connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in local:
            attempts.append(f"connect {host}")
            raise NetworkAttempt(f"connection to {host}")
        return real_connect(self, address)

    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    return attempts
