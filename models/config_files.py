"""YAML configuration files validated by pydantic models, with errors that name the file and the key."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TypeVar

import pydantic
import yaml

# libyaml's parser when PyYAML was built with it: the same documents, about ten times faster to read.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DATA_DIR = Path(__file__).parent / "data"


class StrictModel(pydantic.BaseModel):
    """Unknown keys are errors (a typo must not silently fall back to a default); values are frozen."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)


class ConfigFileError(ValueError):
    """A configuration file that cannot be used; the message names the file and the bad key."""


Model = TypeVar("Model", bound=StrictModel)


def read_yaml_file(path: str | Path) -> object:
    """`path` read as safe YAML; an unreadable file or bad YAML raises ConfigFileError naming where."""
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)
    except OSError as exc:
        raise ConfigFileError(f"{path}: cannot read ({type(exc).__name__})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigFileError(f"{path}: not valid YAML{where} ({getattr(exc, 'problem', None) or 'unreadable'})") from None


def load_yaml_file(path: str | Path, model: type[Model]) -> Model:
    """Read `path` as safe YAML and validate it as `model`."""
    raw = read_yaml_file(path)
    try:
        return model.model_validate(raw)
    except pydantic.ValidationError as exc:
        error = exc.errors(include_input=False)[0]
        key = ".".join(str(part) for part in error["loc"]) or "(top level)"
        raise ConfigFileError(f"{path}: {key}: {error['msg']}") from None


@cache
def term_list(relative_path: str) -> tuple[str, ...]:
    """Terms of a list under models/data/: one a line, lower case, `#` comments and blank lines skipped."""
    path = DATA_DIR / relative_path
    if not path.is_file():
        raise ConfigFileError(f"term list {path} does not exist")
    terms: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        term = " ".join(line.split("#")[0].split())
        if not term:
            continue
        if term != term.lower() or term in terms:
            raise ConfigFileError(f"{path}:{number}: {term!r} is not lower case or is listed twice")
        terms.append(term)
    return tuple(terms)
