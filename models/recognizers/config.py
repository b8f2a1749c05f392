"""Loads models/data/recognizers.yaml: cue lists, value shapes and thresholds, validated on load."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pydantic
import yaml

RECOGNIZERS_FILE = Path(__file__).parent.parent / "data" / "recognizers.yaml"


class _Strict(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)


class LabelledValue(_Strict):
    """Cue phrases of one entity type, and the name of the shape its value takes."""

    cues: tuple[str, ...] = pydantic.Field(min_length=1)
    value: str


class HighEntropy(_Strict):
    """When a token is random enough to be a secret."""

    min_length: int = pydantic.Field(ge=8)
    min_digits: int = pydantic.Field(ge=0)
    min_bits_per_char: float = pydantic.Field(gt=0)
    score: float = pydantic.Field(gt=0, le=1)


class RecognizerData(_Strict):
    """The whole file."""

    labelled_values: dict[str, LabelledValue]
    value_shapes: dict[str, str]
    high_entropy: HighEntropy

    @pydantic.model_validator(mode="after")
    def _shapes_exist(self) -> "RecognizerData":
        for entity, rule in self.labelled_values.items():
            if rule.value not in self.value_shapes:
                raise ValueError(f"labelled_values.{entity}.value: unknown shape {rule.value!r}")
        return self


@cache
def recognizer_data(path: Path = RECOGNIZERS_FILE) -> RecognizerData:
    """The validated file; a bad file raises ValueError naming the key."""
    try:
        return RecognizerData.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except pydantic.ValidationError as exc:
        error = exc.errors(include_input=False)[0]
        key = ".".join(str(part) for part in error["loc"]) or "(top level)"
        raise ValueError(f"{path}: {key}: {error['msg']}") from None
