"""Loads models/data/recognizers.yaml: cue lists, value shapes and thresholds, validated on load."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

import phonenumbers
import pydantic
import regex

from models.config_files import DATA_DIR, StrictModel, load_yaml_file

RECOGNIZERS_FILE = DATA_DIR / "recognizers.yaml"


def _compiles(pattern: str) -> str:
    try:
        regex.compile(pattern)
    except regex.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from None
    return pattern


Regex = Annotated[str, pydantic.AfterValidator(_compiles)]
Score = Annotated[float, pydantic.Field(gt=0, le=1)]


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


class CueConnector(StrictModel):
    """What may stand between a cue and its value: separator characters and filler words, a few in all."""

    separators: str = pydantic.Field(min_length=1)
    words: tuple[str, ...]
    max_parts: int = pydantic.Field(ge=1, le=20)


class BareShape(StrictModel):
    """A value shape distinctive enough to count without a cue, at its own score."""

    regex: Regex
    score: Score


class CuedValue(StrictModel):
    """A value that counts after one of its cues; its bare shapes count alone."""

    cues: tuple[str, ...] = pydantic.Field(min_length=1)
    cue_blockers: tuple[str, ...] = ()
    value: Regex
    case_sensitive: bool = False
    value_lists: bool = False
    cue_score: Score
    bare_shapes: dict[str, BareShape] = {}


class DrugNames(StrictModel):
    """Medication names from a term list, with an optional dose after the name."""

    terms: str
    dose: Regex
    score: Score

    @pydantic.field_validator("terms")
    @classmethod
    def _terms_file_exists(cls, terms: str) -> str:
        if not (DATA_DIR / terms).is_file():
            raise ValueError(f"term list {terms!r} not found under {DATA_DIR}")
        return terms


class FirstNames(StrictModel):
    """Given names matched capitalised, as PERSON."""

    terms: str
    score: Score


class RecognizerData(StrictModel):
    """The whole file."""

    labelled_values: dict[str, LabelledValue]
    value_shapes: dict[str, str]
    high_entropy: HighEntropy
    cue_connector: CueConnector
    medical_record_number: CuedValue
    icd10: CuedValue
    ein: CuedValue
    employee_id: CuedValue
    drug_names: DrugNames
    pattern_sets: dict[str, dict[str, BareShape]]
    first_names: FirstNames
    phone_regions: tuple[str, ...] = pydantic.Field(min_length=1)

    @pydantic.field_validator("phone_regions")
    @classmethod
    def _known_regions(cls, regions: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(regions) - phonenumbers.SUPPORTED_REGIONS)
        if unknown:
            raise ValueError(f"unknown phone regions {unknown} (ISO 3166 codes, e.g. US, GB)")
        return regions

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
