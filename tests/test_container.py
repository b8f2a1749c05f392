"""The worker image cannot drift from what is tested here: its Beam and Python versions, the
hash-pinned model, Tesseract, and the package data it installs."""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import apache_beam

from models.script_read import script_languages

ROOT = Path(__file__).resolve().parent.parent


def dockerfile_instructions() -> list[str]:
    """The Dockerfile's instructions, continuation lines joined, comments left out."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_worker_image_is_beams_sdk_image_for_the_installed_beam_and_python():
    (base,) = [line.split()[1] for line in dockerfile_instructions() if line.startswith("FROM ")]
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert base == f"apache/beam_python{python}_sdk:{apache_beam.__version__}"
    assert f"apache-beam=={apache_beam.__version__}" in (ROOT / "requirements.txt").read_text().splitlines()


def test_worker_image_installs_tesseract_the_pins_and_the_model_only_by_its_hash():
    runs = [line for line in dockerfile_instructions() if line.startswith("RUN ")]
    assert any("apt-get install" in run and "tesseract-ocr tesseract-ocr-eng" in run for run in runs)
    # Every script the OCR reads with, or the worker's start-up check refuses to run.
    installs = " ".join(run for run in runs if "apt-get install" in run)
    debian = {"Latin": "latn", "Cyrillic": "cyrl", "Greek": "grek", "Hangul": "hang", "HanS": "hans", "Arabic": "arab"}
    wanted = {"Latin"} | script_languages()
    assert {f"tesseract-ocr-script-{debian[name]}" for name in wanted} <= set(installs.split())
    assert any("pip install --no-cache-dir -r requirements.txt" in run for run in runs)
    assert any("--no-deps --require-hashes -r requirements-model.txt" in run for run in runs)
    assert any("pip install --no-cache-dir --no-deps ." in run for run in runs)


def test_package_data_globs_cover_every_file_under_models_data():
    setup_call = next(node for node in ast.walk(ast.parse((ROOT / "setup.py").read_text()))
                      if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "setup")
    package_data = ast.literal_eval(next(k.value for k in setup_call.keywords if k.arg == "package_data"))
    shipped = {path for pattern in package_data["models"] for path in (ROOT / "models").glob(pattern)}
    assert {path for path in (ROOT / "models" / "data").rglob("*") if path.is_file()} <= shipped
