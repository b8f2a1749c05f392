"""Loads models/data/recognizers.yaml: cue lists, value shapes and thresholds, validated on load."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pydantic

from models.config_files import StrictModel, load_yaml_file

RECOGNIZERS_FILE = Path(__file__).parent.parent / "data" / "recognizers.yaml"


class LabelledValue(StrictModel):
    """Cue phrases of one entity type, and the name of the shape its value takes."""

    cues: tuple[str, ...] = pydantic.Field(min_length=1)
    value: str


class HighEntropy(StrictModel):
    """When a token is random enough to be a secret."""

    min_length: int = pydantic.Field(ge=8)
    min_digits: int = pydantic.Field(ge=0)
    min_bits_per_char: float = pydantic.Field(gt=0)
    score: float = pydantic.Field(gt=0, le=1)


class RecognizerData(StrictModel):
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
    """The validated file; a bad file raises ConfigFileError naming the key."""
    return load_yaml_file(path, RecognizerData)
