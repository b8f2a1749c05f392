"""Packages the pipeline for Beam workers (`--setup_file ./setup.py`) and for local installs."""
from pathlib import Path

from setuptools import find_packages, setup

ROOT = Path(__file__).parent


def pinned(name: str) -> list[str]:
    """Requirement lines of a requirements file, without comments and hash continuation lines."""
    lines = (line.split("#")[0].strip().rstrip("\\").strip() for line in (ROOT / name).read_text().splitlines())
    return [line for line in lines if line and not line.startswith("--")]


setup(
    name="pii-redaction-pipeline",
    version="0.1.0",
    description="Beam pipeline that sanitizes computer-activity telemetry before agent training",
    python_requires=">=3.11",
    packages=find_packages(include=["pipeline", "pipeline.*", "transforms", "transforms.*", "models", "models.*"]),
    package_data={"models": ["data/*.yaml", "data/*.txt", "data/terms/*.txt", "data/textcat/*", "data/textcat/*/*",
                            "data/ner/*", "data/ner/*/*", "data/ner/*/*/*"]},
    install_requires=[r for r in pinned("requirements.txt") if not r.startswith(("pytest", "hypothesis", "ruff"))]
    + pinned("requirements-model.txt"),
)
