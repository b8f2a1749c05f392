"""The redaction policy: a versioned YAML file, validated before the first record is read."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import pydantic

from models.config_files import ConfigFileError, StrictModel, load_yaml_file

DEFAULT_POLICY = Path(__file__).parent / "data" / "policy.yaml"

Action = Literal["mask", "keep"]


class PolicyError(ConfigFileError):
    """A policy file that cannot be used; the message names the file and the bad key."""


class EntityRule(StrictModel):
    """What to do with spans of one entity type."""

    action: Action


class ScreenshotRules(StrictModel):
    """How detected words are covered on a screenshot."""

    box_padding_px: int = pydantic.Field(ge=0, le=50)
    box_padding_height_ratio: float = pydantic.Field(ge=0, le=2)
    max_pixels: int = pydantic.Field(gt=0)


class KeystrokeRules(StrictModel):
    """Input fields whose every typed character is masked, whatever detection finds."""

    secure_fields: frozenset[str]


class Policy(StrictModel):
    """Everything the redaction stage decides by: versioned, immutable, picklable."""

    version: str = pydantic.Field(min_length=1)
    score_threshold: float = pydantic.Field(ge=0.0, le=1.0)
    default_action: Action
    propagate_min_chars: int = pydantic.Field(ge=2)
    entities: dict[str, EntityRule]
    keystrokes: KeystrokeRules
    screenshots: ScreenshotRules

    def masks(self, entity_type: str) -> bool:
        """Whether spans of this type are replaced by a placeholder."""
        rule = self.entities.get(entity_type)
        return (rule.action if rule else self.default_action) == "mask"


def load_policy(path: str | Path) -> Policy:
    """Read and validate a policy file; any problem raises PolicyError naming the file and key."""
    try:
        return load_yaml_file(path, Policy)
    except ConfigFileError as exc:
        raise PolicyError(f"policy {exc}") from None
