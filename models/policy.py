"""The redaction policy: a versioned YAML file, validated before the first record is read."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import pydantic
import yaml

DEFAULT_POLICY = Path(__file__).parent / "data" / "policy.yaml"

Action = Literal["mask", "keep"]


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names the file and the bad key."""


class _Strict(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)


class EntityRule(_Strict):
    """What to do with spans of one entity type."""

    action: Action


class ScreenshotRules(_Strict):
    """How detected words are covered on a screenshot."""

    box_padding_px: int = pydantic.Field(ge=0, le=50)
    box_padding_height_ratio: float = pydantic.Field(ge=0, le=2)
    max_pixels: int = pydantic.Field(gt=0)


class KeystrokeRules(_Strict):
    """Input fields whose every typed character is masked, whatever detection finds."""

    secure_fields: frozenset[str]


class Policy(_Strict):
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
    """Read and validate a policy file; any problem raises PolicyError naming the key."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyError(f"policy {path}: cannot read ({type(exc).__name__})") from None
    except yaml.YAMLError as exc:
        raise PolicyError(f"policy {path}: not valid YAML ({exc})") from None
    try:
        return Policy.model_validate(raw)
    except pydantic.ValidationError as exc:
        error = exc.errors(include_input=False)[0]
        key = ".".join(str(part) for part in error["loc"]) or "(top level)"
        raise PolicyError(f"policy {path}: {key}: {error['msg']}") from None
