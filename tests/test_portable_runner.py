"""The Fn API path Flink and Dataflow workers use: Beam's job service and an external SDK worker
pool on loopback, the pipeline submitted with PortableRunner, the sink and audit checked."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # whole runs on Beam's runners or Chromium: make test-fast leaves them out

SAMPLE = ROOT / "sample" / "records.jsonl"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        return probe.getsockname()[1]


def start(args: list[str], ready: str, env: dict[str, str]) -> subprocess.Popen:
    """Start a Beam service and wait (at most two minutes) until it logs `ready`."""
    process = subprocess.Popen([sys.executable, "-m", *args], env=env, cwd=ROOT, text=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = threading.Event()

    def watch() -> None:
        for line in process.stderr:  # read to the end: a full pipe would block the service mid-run
            if ready in line:
                seen.set()

    threading.Thread(target=watch, daemon=True).start()
    if not seen.wait(timeout=120):
        process.kill()
        raise RuntimeError(f"{args[0]} did not start")
    return process


@pytest.fixture(scope="module")
def services():
    # The workers start the SDK harness with the venv's python, found on PATH.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(ROOT)}
    job_port, worker_port = free_port(), free_port()
    processes = [start(["apache_beam.runners.portability.local_job_service_main", "--port", str(job_port)],
                       "Listening for beam jobs", env),
                 start(["apache_beam.runners.worker.worker_pool_main", "--service_port", str(worker_port)],
                       "Started worker pool servicer", env)]
    yield job_port, worker_port, env
    for process in processes:
        process.terminate()
        process.wait(timeout=60)


def test_when_run_on_the_portable_runner_with_external_workers_then_sink_and_audit_match(services, tmp_path):
    job_port, worker_port, env = services
    result = subprocess.run(
        [sys.executable, "-m", "pipeline.run", "--input", str(SAMPLE), "--output", str(tmp_path / "out"),
         "--runner=PortableRunner", f"--job_endpoint=localhost:{job_port}", "--environment_type=EXTERNAL",
         f"--environment_config=localhost:{worker_port}"],
        cwd=ROOT, env={**env, "REDACT_PSEUDONYM_KEY": "portable-test-key-0123456789"},
        capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    summary = json.loads((tmp_path / "out" / "audit" / "summary.json").read_text())
    assert (summary["records_in"], summary["sanitized"], summary["dropped"], summary["quarantined"]) == (15, 6, 5, 4)
    lines = [json.loads(line) for path in (tmp_path / "out" / "sanitized").glob("*.jsonl")
             for line in path.read_text().splitlines()]
    assert len(lines) == 6 and all(doc["policy_version"] for doc in lines)
