"""YAML configuration files validated by pydantic models, with errors that name the file and the key."""
from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import pydantic
import yaml


class StrictModel(pydantic.BaseModel):
    """Unknown keys are errors (a typo must not silently fall back to a default); values are frozen."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)


class ConfigFileError(ValueError):
    """A configuration file that cannot be used; the message names the file and the bad key."""


Model = TypeVar("Model", bound=StrictModel)


def load_yaml_file(path: str | Path, model: type[Model]) -> Model:
    """Read `path` with yaml.safe_load and validate it as `model`."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigFileError(f"{path}: cannot read ({type(exc).__name__})") from None
    except yaml.YAMLError as exc:
        raise ConfigFileError(f"{path}: not valid YAML ({exc})") from None
    try:
        return model.model_validate(raw)
    except pydantic.ValidationError as exc:
        error = exc.errors(include_input=False)[0]
        key = ".".join(str(part) for part in error["loc"]) or "(top level)"
        raise ConfigFileError(f"{path}: {key}: {error['msg']}") from None
