"""`python -m pipeline.run` on the bundled sample, offline: nothing planted survives anywhere in OUTPUT/."""
from __future__ import annotations

import base64
import gzip
import json
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from models.images import decode_image
from models.ocr import ocr_text
from models.pseudonyms import pseudonymize
from tests.conftest import ROOT, carried

pytestmark = pytest.mark.slow  # whole runs on Beam's runners or Chromium: make test-fast leaves them out

SAMPLE = ROOT / "sample" / "records.jsonl"
PLANTED = [value for values in json.loads((ROOT / "sample" / "planted_pii.json").read_text()).values()
           for value in values]
KEY = "cli-test-key-0123456789abcdef"


def guard_attempts(tmp_path: Path) -> list[str]:
    """Network attempts the guard recorded (its own "loaded" lines aside)."""
    log = tmp_path / "network.log"
    return [line for line in log.read_text().splitlines() if line != "loaded"] if log.exists() else []


def run_cli(tmp_path: Path, *args: str, key: str | None = KEY) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "REDACT_PSEUDONYM_KEY"}
    env.update(PYTHONPATH=f"{ROOT / 'tests' / 'netguard'}{os.pathsep}{ROOT}",
               NETGUARD_LOG=str(tmp_path / "network.log"))
    if key:
        env["REDACT_PSEUDONYM_KEY"] = key
    return subprocess.run([sys.executable, "-m", "pipeline.run", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("cli")
    result = run_cli(tmp_path, "--input", str(SAMPLE), "--output", str(tmp_path / "out"))
    return tmp_path, result


def test_when_sample_runs_offline_then_it_completes_without_network(sample_run):
    tmp_path, result = sample_run
    assert result.returncode == 0, result.stderr[-2000:]
    assert "records in: 15" in result.stdout and "elapsed:" in result.stdout
    assert (tmp_path / "network.log").read_text().split("\n").count("loaded") >= 1
    assert guard_attempts(tmp_path) == []


def test_when_sample_is_sanitized_then_no_planted_pii_is_in_any_output_file(sample_run, ocr):
    tmp_path, _ = sample_run
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert {p.parent.name for p in files} == {"sanitized", "audit"}
    for path in files:
        content = path.read_bytes().decode("utf-8")
        assert not [p for p in PLANTED if p in content], path.name
    keystrokes = [json.loads(line) for path in files if path.parent.name == "sanitized"
                  for line in path.read_text().splitlines() if '"keystrokes"' in line]
    assert keystrokes and not [p for doc in keystrokes for p in PLANTED if p in carried(doc)]
    screenshots = [json.loads(line) for path in files if path.parent.name == "sanitized"
                   for line in path.read_text().splitlines() if '"screenshot"' in line]
    assert len(screenshots) == 2
    for doc in screenshots:
        text = ocr_text(ocr.read(decode_image(base64.b64decode(doc["image_b64"]), 10**8))).replace(" ", "")
        assert not [p for p in PLANTED if p.replace(" ", "") in text], doc["record_id"]


def test_when_sample_is_sanitized_then_audit_reconciles_and_holds_no_ids(sample_run):
    tmp_path, result = sample_run
    raw = (tmp_path / "out" / "audit" / "summary.json").read_text()
    summary = json.loads(raw)
    assert summary["records_in"] == 15 == summary["sanitized"] + summary["dropped"] + summary["quarantined"]
    assert summary["sanitized"] == 6 and summary["quarantined"] == 4 and summary["unaccounted"] == 0
    assert {reason: n for reason, n in summary["by_reason"].items() if reason.startswith("dropped:")} == {
        "dropped:category:medical": 1, "dropped:category:performance": 1,
        "dropped:category:private_chat": 1, "dropped:category:tax": 2}
    assert sum(kind["in"] for kind in summary["by_kind"].values()) == 15
    assert "emp-4821" not in raw and "ks-0001" not in raw
    assert not [p for p in PLANTED if p in result.stdout + result.stderr]


def test_when_key_is_given_then_user_ids_are_its_pseudonyms(sample_run):
    tmp_path, _ = sample_run
    lines = [json.loads(line) for path in (tmp_path / "out" / "sanitized").glob("*.jsonl")
             for line in path.read_text().splitlines()]
    assert {doc["user_id"] for doc in lines} == {pseudonymize("emp-4821", KEY.encode())}


def modes_under(output: Path) -> dict[str, set[str]]:
    """Permission bits of OUTPUT itself and everything under it, by files and directories."""
    paths = [output, *output.rglob("*")]
    return {kind: {oct(stat.S_IMODE(p.stat().st_mode)) for p in paths if test(p)}
            for kind, test in (("files", Path.is_file), ("dirs", Path.is_dir))}


def test_when_the_sample_is_written_then_only_its_owner_can_read_the_output(sample_run):
    tmp_path, _ = sample_run
    assert modes_under(tmp_path / "out") == {"files": {"0o600"}, "dirs": {"0o700"}}


def transcript_lines(count: int) -> bytes:
    return b"".join(json.dumps({"record_id": f"r-{n}", "kind": "transcript", "user_id": "emp-1",
                                "ts": "2026-06-09T09:00:00Z", "segments": [
                                    {"speaker": "a", "start": 0.0, "end": 1.0, "text": "the deploy is green"}]}).encode()
                    + b"\n" for n in range(count))


def test_when_an_input_gzip_is_truncated_then_the_run_names_the_file_counts_the_loss_and_exits_3(tmp_path):
    # On two worker processes: they write the shards, so they must write them privately too.
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "whole.jsonl").write_bytes(transcript_lines(2))
    (inputs / "cut.jsonl.gz").write_bytes(gzip.compress(transcript_lines(3))[:-8])  # no CRC32 and size
    result = run_cli(tmp_path, "--input", str(inputs / "*"), "--output", str(tmp_path / "out"),
                     "--direct_num_workers=2", "--direct_running_mode=multi_processing")
    assert result.returncode == 3, result.stderr[-2000:]
    summary = json.loads((tmp_path / "out" / "audit" / "summary.json").read_text())
    assert (summary["records_in"], summary["sanitized"], summary["quarantined"], summary["unaccounted"]) == (6, 5, 1, 0)
    assert summary["files_incomplete"] == 1 and summary["by_reason"] == {"quarantined:unreadable_file": 1}
    assert f"{inputs / 'cut.jsonl.gz'} not read to its end (EOFError)" in result.stderr
    assert "input files not read to their end: 1" in result.stdout and "deploy" not in result.stderr
    assert modes_under(tmp_path / "out") == {"files": {"0o600"}, "dirs": {"0o700"}}


def test_when_a_registry_id_has_blanks_then_the_run_refuses_to_start_naming_the_line(tmp_path):
    registry = tmp_path / "consent.jsonl"
    registry.write_text(json.dumps({"user_id": "emp-4821"}) + "\n" + json.dumps({"user_id": "emp-4822 "}) + "\n")
    result = run_cli(tmp_path, "--input", str(SAMPLE), "--output", str(tmp_path / "out"), "--consent", str(registry))
    assert result.returncode == 2 and f"{registry}:2: user_id has leading or trailing blanks" in result.stderr
    assert "emp-4822" not in result.stderr and not (tmp_path / "out").exists()


def test_when_no_key_is_given_then_the_run_refuses_to_start(tmp_path):
    result = run_cli(tmp_path, "--input", str(SAMPLE), "--output", str(tmp_path / "out"), key=None)
    assert result.returncode == 2 and "REDACT_PSEUDONYM_KEY" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args, message", [
    (["--policy", "POLICY"], "entities.PERSON.action"),
    (["--input", "/nonexistent/*.jsonl"], "matches no file"),
    (["--spacy_model", "en_core_web_lg"], "is not installed"),
    (["--polcy", "strict.yaml"], "'--polcy'"),
    (["--consent", "/nonexistent/registry.jsonl"], "--consent"),
    (["--ocr_timeout_secs", "0"], "--ocr_timeout_secs"),
    (["--runner=PrismRunner"], "downloads its runner binary"),
    (["--runner=BundleBasedDirectRunner"], "cannot run the grouping of a session's screenshots"),
    (["--ocr_language", "Latin+Klingon"], "tesseract-ocr-klingon"),
    (["sample/other.jsonl"], "<argument"),
    ([], "--output"),
])
def test_when_configuration_is_bad_then_the_error_names_it(tmp_path, args, message, in_process, no_network):
    # In this process (pipeline.run's `main`, which the command calls): configuration is checked before any
    # build, so the interpreter's start is all a subprocess would add; the tests above and below run the
    # command itself for exit 2.
    policy = tmp_path / "policy.yaml"
    policy.write_text((ROOT / "models" / "data" / "policy.yaml").read_text().replace("PERSON: {action: mask", "PERSON: {action: blur"))
    args = [str(policy) if a == "POLICY" else a for a in args]
    base = ["--input", str(SAMPLE)] + (["--output", str(tmp_path / "out")] if message != "--output" else [])
    code, _, stderr = in_process(*base, *args)
    assert code == 2 and message in stderr
    assert no_network == [] and not (tmp_path / "out").exists()


@pytest.fixture
def in_process(monkeypatch, capsys):
    """`pipeline.run.main` here with the key set, returning (exit status, stdout, stderr); the root logger's
    handlers and levels `main` configures are put back afterwards."""
    from pipeline.run import main

    root = logging.getLogger()
    kept = [(logger, logger.level, list(logger.handlers))
            for logger in (root, logging.getLogger("pipeline"), logging.getLogger("transforms"))]
    monkeypatch.setenv("REDACT_PSEUDONYM_KEY", KEY)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    yield run
    for logger, level, handlers in kept:
        logger.setLevel(level)
        logger.handlers[:] = handlers


@pytest.fixture(scope="module")
def consent_run(tmp_path_factory):
    """Transcripts of users in, out, unknown and paused in a consent registry, run with --runner=DirectRunner:
    one command run read by the consent test and the runner test."""
    tmp_path = tmp_path_factory.mktemp("consent")
    inputs = tmp_path / "in.jsonl"
    base = {"kind": "transcript", "ts": "2026-06-09T09:00:00Z", "source": "chat",
            "segments": [{"speaker": "a", "start": 0.0, "end": 1.0, "text": "the deploy is green"}]}
    # emp-in paused capture over [12:00:00, 14:30:00): a record whose one-second span ends at
    # 11:59:59 and one from 14:30:01 are one second outside the pause; one at 13:00 is inside.
    timed = {"before-pause": "2026-06-09T11:59:58Z", "in-pause": "2026-06-09T13:00:00Z",
             "after-pause": "2026-06-09T14:30:01Z"}
    inputs.write_text("".join(json.dumps({**base, "record_id": f"r-{user.removeprefix('emp-')}", "user_id": user}) + "\n"
                              for user in ("emp-in", "emp-out", "emp-unknown", "EMP-IN"))
                      + "".join(json.dumps({**base, "record_id": name, "user_id": "emp-in", "ts": ts}) + "\n"
                                for name, ts in timed.items()))
    registry = tmp_path / "consent.jsonl"
    registry.write_text(json.dumps({"user_id": "emp-in", "consent_from": "2026-01-01T00:00:00Z", "pauses": [
                            {"start": "2026-06-09T12:00:00Z", "end": "2026-06-09T14:30:00Z"}]}) + "\n"
                        + json.dumps({"user_id": "emp-out", "opted_out": True}) + "\n")
    result = run_cli(tmp_path, "--input", str(inputs), "--output", str(tmp_path / "out"), "--consent", str(registry),
                     "--runner=DirectRunner")
    return tmp_path, result


def test_when_a_consent_registry_is_given_then_opted_out_unknown_and_paused_records_never_reach_the_sink(consent_run):
    tmp_path, result = consent_run
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [json.loads(line) for path in (tmp_path / "out" / "sanitized").glob("*.jsonl")
             for line in path.read_text().splitlines()]
    assert sorted(doc["record_id"] for doc in lines) == ["after-pause", "before-pause", "r-in"]
    summary = json.loads((tmp_path / "out" / "audit" / "summary.json").read_text())
    # EMP-IN may be another user than emp-in: never given emp-in's consent, and named as such.
    assert summary["by_reason"] == {"dropped:consent:no_consent": 1, "dropped:consent:opted_out": 1,
                                    "dropped:consent:paused": 1, "dropped:consent:id_case_or_blanks": 1}
    assert summary["records_in"] == 7 == summary["sanitized"] + summary["dropped"] + summary["quarantined"]
    assert "registry of 2 users" in result.stdout
    audit_text = (tmp_path / "out" / "audit" / "summary.json").read_text()
    assert "emp-out" not in audit_text and "emp-in" not in audit_text.lower()


def test_when_the_direct_runner_is_asked_for_then_the_run_uses_fnapirunner_and_downloads_nothing(consent_run):
    tmp_path, result = consent_run
    assert result.returncode == 0, result.stderr[-2000:]
    assert "runner: FnApiRunner (for --runner=DirectRunner" in result.stdout and "records in: 7" in result.stdout
    assert guard_attempts(tmp_path) == []


def test_when_the_sample_runs_then_no_import_warning_is_printed(sample_run):
    _, result = sample_run
    assert "apitools" not in result.stderr and "report page:" in result.stdout


def test_when_the_report_page_opens_in_chromium_then_its_charts_render_and_hold_nothing_planted(sample_run):
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    tmp_path, _ = sample_run
    page_file = tmp_path / "out" / "audit" / "report.html"
    assert not [p for p in PLANTED if p in page_file.read_text()]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(page_file.as_uri())
        charts = page.locator("svg")
        boxes = [charts.nth(i).bounding_box() for i in range(charts.count())]
        bars = page.locator("svg rect")
        widths = [bars.nth(i).bounding_box()["width"] for i in range(bars.count())]
        text = page.inner_text("body")
        browser.close()
    assert len(boxes) >= 4 and all(box["width"] > 0 and box["height"] > 0 for box in boxes)
    assert widths and all(width > 0 for width in widths)
    assert requests == [page_file.as_uri()]
    assert "Records by outcome" in text and "Verifier: no finding" in text
    assert not [p for p in PLANTED if p in text]


def test_when_help_is_asked_then_the_pipelines_options_come_first_in_groups_and_beams_apart(tmp_path):
    result = run_cli(tmp_path, "--help")
    assert result.returncode == 0 and "apitools" not in result.stderr
    headings = [line for line in result.stdout.splitlines() if line.endswith(":") and not line.startswith(" ")]
    assert headings[:6] == ["input and output:", "policy and pseudonyms:", "consent:", "OCR:",
                            "streaming (with Beam's --streaming):", "verifier and canaries:"]
    assert "--temp_location" not in result.stdout and "Exit status" in result.stdout
    everything = run_cli(tmp_path, "--help_beam")
    assert everything.returncode == 0 and "--temp_location" in everything.stdout


SECRET = "plumtree velvet harbor"


@pytest.mark.parametrize("strict, code", [(False, 0), (True, 4)])
def test_when_the_verifier_catches_a_record_then_the_summary_says_so_and_strict_runs_exit_4(tmp_path, strict, code):
    inputs = tmp_path / "in.jsonl"
    inputs.write_bytes(b"".join(json.dumps({"record_id": f"r-{n}", "kind": "transcript", "user_id": "emp-1",
                                            "ts": "2026-06-09T09:00:00Z", "segments": [
                                                {"speaker": "a", "start": 0.0, "end": 1.0, "text": text}]}).encode()
                                + b"\n" for n, text in enumerate(["the deploy is green", f"the phrase was {SECRET}"])))
    canaries = tmp_path / "canaries.jsonl"
    canaries.write_text(json.dumps({"record": {"record_id": "canary-1", "kind": "transcript", "user_id": "emp-9",
                                               "ts": "2026-06-09T09:00:00Z", "segments": [
                                                   {"speaker": "a", "start": 0.0, "end": 1.0,
                                                    "text": f"the phrase was {SECRET}"}]},
                                    "secrets": [SECRET]}) + "\n")
    result = run_cli(tmp_path, "--input", str(inputs), "--output", str(tmp_path / "out"), "--canary_file",
                     str(canaries), *(["--strict_verifier"] if strict else []))
    assert result.returncode == code, result.stderr[-2000:]
    assert "VERIFIER: 1 records held a finding" in result.stdout and "CANARY 1" in result.stdout
    assert "CANARIES MISSED BY THE MAIN DETECTORS: 1" in result.stdout
    assert "WARNING pipeline.run: VERIFIER: 1 records" in result.stderr
    everything = "".join(p.read_text() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert "velvet" not in (everything + result.stdout + result.stderr).lower() and "canary-1" not in everything


def test_when_a_canary_file_is_unusable_then_the_run_refuses_to_start_naming_the_line(tmp_path):
    canaries = tmp_path / "canaries.jsonl"
    canaries.write_text(json.dumps({"record": {"record_id": "r-1", "kind": "transcript"}, "secrets": [SECRET]}) + "\n")
    result = run_cli(tmp_path, "--input", str(SAMPLE), "--output", str(tmp_path / "out"), "--canary_file", str(canaries))
    assert result.returncode == 2 and f"{canaries}:1: record: missing_field" in result.stderr
    assert "velvet" not in result.stderr and not (tmp_path / "out").exists()
