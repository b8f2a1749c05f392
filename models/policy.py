"""The redaction policy: a versioned YAML file, validated before the first record is read."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

import pydantic

from models.avatars import AvatarShape
from models.config_files import ConfigFileError, StrictModel, load_yaml_file
from models.unreadable import OtherScript, UnreadableText

DEFAULT_POLICY = Path(__file__).parent / "data" / "policy.yaml"

CATEGORIES = ("medical", "tax", "private_chat", "performance")
Category = Literal["medical", "tax", "private_chat", "performance"]
EntityAction = Literal["drop_record", "mask", "hash", "keep"]
# A category's `mask` keeps the record's structure and timing but masks all of its text.
CategoryAction = Literal["drop_record", "mask", "keep"]
Sensitivity = pydantic.conint(ge=1, le=4)
Kind = Literal["keystrokes", "transcript", "screenshot"]
# The contract's optional fields, per kind. Required fields and a kind's own content (events,
# segments, the image) cannot be undisclosed: without them the kind itself is not disclosed.
_COMMON = ("session_id", "app", "window_title", "url")
OPTIONAL_FIELDS = {"keystrokes": (*_COMMON, "field"), "transcript": (*_COMMON, "source"), "screenshot": _COMMON}
_HOST_PATTERN = re.compile(r"^[a-z0-9*?\[\]!-][a-z0-9*?\[\]!.-]*$")


def _app_pattern(value: str) -> str:
    """A blank pattern is refused: it would silently match nothing."""
    if not value.strip():
        raise ValueError("an app pattern must not be blank")
    return value


def _host_pattern(value: str) -> str:
    """Lower case; a host name, a domain (matching its subdomains too) or a glob, never a URL."""
    value = value.strip().lower()
    if not _HOST_PATTERN.match(value):
        raise ValueError("not a host pattern: write a host or domain such as chase.com, or a glob such as "
                         "*.chase.com or mychart.*, with no scheme, port or path")
    return value


AppPattern = Annotated[pydantic.StrictStr, pydantic.AfterValidator(_app_pattern)]
HostPattern = Annotated[pydantic.StrictStr, pydantic.AfterValidator(_host_pattern)]


class CaptureRules(StrictModel):
    """Apps and sites whose records are never kept, what a secure input field does to a record, and
    the only kinds kept from some apps. Apps and hosts are matched ignoring case."""

    denied_apps: tuple[AppPattern, ...]
    denied_domains: tuple[HostPattern, ...]
    on_secure_field: Literal["mask", "drop_record"]
    app_kinds: dict[AppPattern, Annotated[tuple[Kind, ...], pydantic.Field(min_length=1)]]


class Disclosure(StrictModel):
    """The record kinds disclosed to employees, each with its disclosed optional fields; a kind left
    out is not disclosed, so its records are dropped."""

    keystrokes: tuple[pydantic.StrictStr, ...] | None = None
    transcript: tuple[pydantic.StrictStr, ...] | None = None
    screenshot: tuple[pydantic.StrictStr, ...] | None = None

    @pydantic.field_validator("keystrokes", "transcript", "screenshot", mode="before")
    @classmethod
    def _listed(cls, names: object) -> object:
        """`keystrokes:` with nothing after it would quietly undisclose the kind: say which was meant."""
        if names is None:
            raise ValueError("list the disclosed fields ([] for none), or leave the kind out to drop its records")
        return names

    @pydantic.field_validator("keystrokes", "transcript", "screenshot")
    @classmethod
    def _optional_fields_only(cls, names: tuple[str, ...] | None,
                              info: pydantic.ValidationInfo) -> tuple[str, ...] | None:
        unknown = sorted(set(names or ()) - set(OPTIONAL_FIELDS[info.field_name]))
        if unknown:
            raise ValueError(f"{unknown} are not optional fields of {info.field_name} records "
                             f"(those are {list(OPTIONAL_FIELDS[info.field_name])})")
        return names


class PolicyError(ConfigFileError):
    """A policy file that cannot be used; the message names the file and the bad key."""


class EntityRule(StrictModel):
    """What to do with spans of one entity type, and how sensitive a record holding one is."""

    action: EntityAction
    sensitivity: Sensitivity


class CategoryRule(StrictModel):
    """What to do with a record of one sensitive-content category."""

    action: CategoryAction
    sensitivity: Sensitivity


class ScreenshotRules(StrictModel):
    """How detected words are covered on a screenshot, and which image files and shapes are read at all."""

    box_padding_px: int = pydantic.Field(ge=0, le=50)
    box_padding_height_ratio: float = pydantic.Field(ge=0, le=2)
    max_pixels: int = pydantic.Field(gt=0)
    max_side_px: int = pydantic.Field(gt=0)
    max_aspect_ratio: float = pydantic.Field(ge=1)
    max_image_bytes: int = pydantic.Field(gt=0)
    image_read_timeout_secs: float = pydantic.Field(gt=0)
    avatars: AvatarShape
    unreadable_text: UnreadableText
    other_script: OtherScript


class KeystrokeRules(StrictModel):
    """Where every typed character is masked, whatever detection finds: secure input fields, and
    windows or pages that show a login, unlock or password-manager context."""

    secure_fields: frozenset[str]
    secure_contexts: tuple[str, ...]

    def is_secure_field(self, field: str | None) -> bool:
        """The field, or a run of its words joined by nothing, `-` or `_`, is listed in lower case;
        words split at other characters, camelCase humps and digits ("Password", "current-password",
        "newPassword", "userPIN", "otpCode", "ccNumber", "cvc2", "my2faCode")."""
        name = field or ""
        words = [word.lower() for word in re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+", name)]
        return name.lower() in self.secure_fields or any(
            joint.join(words[start:end]) in self.secure_fields
            for start in range(len(words)) for end in range(start + 1, len(words) + 1) for joint in ("", "-", "_"))

    def is_secure(self, field: str | None, window_title: str | None = None, url: str | None = None) -> bool:
        """A secure field, or a title or URL holding a listed context phrase as whole words."""
        if self.is_secure_field(field):
            return True
        context = f"{window_title or ''} {url or ''}".lower().replace("+", " ")  # a query's `sign+in` too
        return any(re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", context)
                   for phrase in self.secure_contexts)


class RecordLimits(StrictModel):
    """Bounds on one record: a larger one is quarantined unread (`quarantined:too_large`), one whose
    work at a stage runs past `max_record_seconds` fails closed there (`error:<stage>`)."""

    max_line_bytes: int = pydantic.Field(gt=0)
    max_events: int = pydantic.Field(gt=0)
    max_segments: int = pydantic.Field(gt=0)
    max_text_chars: int = pydantic.Field(gt=0)
    max_duration_secs: float = pydantic.Field(gt=0)
    max_record_seconds: float = pydantic.Field(gt=0, le=3600)


class WrittenNames(StrictModel):
    """The names a capture client chooses that are copied to the sink (a transcript's `source`, a
    keystroke record's `field`): written as listed when listed, else as `other`, since a
    free-form name can hold anything, a person's name or an id among them."""

    other: str = pydantic.Field(pattern=r"^[a-z][a-z0-9_\-]{0,39}$")
    sources: frozenset[pydantic.constr(pattern=r"^[a-z][a-z0-9_\-]{0,39}$")]
    fields: frozenset[pydantic.constr(pattern=r"^[a-z0-9][a-z0-9_\-]{0,39}$")]

    def source(self, value: str) -> str:
        """`value` in lower case when it is a listed source, else `other`."""
        return value.lower() if value.lower() in self.sources else self.other

    def field(self, value: str) -> str:
        """`value` in lower case when it is a listed input field kind, else `other`."""
        return value.lower() if value.lower() in self.fields else self.other


class Policy(StrictModel):
    """Everything the redaction stage decides by: versioned, immutable, picklable."""

    version: str = pydantic.Field(min_length=1)
    score_threshold: float = pydantic.Field(ge=0.0, le=1.0)
    base_sensitivity: Sensitivity
    default_entity: EntityRule
    propagate_min_chars: int = pydantic.Field(ge=2)
    categories: dict[Category, CategoryRule]
    entities: dict[str, EntityRule]
    keystrokes: KeystrokeRules
    screenshots: ScreenshotRules
    limits: RecordLimits
    written_names: WrittenNames
    capture: CaptureRules
    disclosure: Disclosure

    @pydantic.field_validator("categories")
    @classmethod
    def _every_category_has_a_rule(cls, rules: dict[str, CategoryRule]) -> dict[str, CategoryRule]:
        missing = [name for name in CATEGORIES if name not in rules]
        if missing:
            raise ValueError(f"no rule for categories {missing}")
        return rules

    def entity_rule(self, entity_type: str) -> EntityRule:
        """The rule of a type; types the file does not list take `default_entity` (mask: fail closed)."""
        return self.entities.get(entity_type, self.default_entity)

    def replaces(self, entity_type: str) -> bool:
        """Whether spans of this type are replaced in the output (masked, or hashed for joins)."""
        return self.entity_rule(entity_type).action in ("mask", "hash")


def load_policy(path: str | Path) -> Policy:
    """Read and validate a policy file; any problem raises PolicyError naming the file and key."""
    try:
        return load_yaml_file(path, Policy)
    except ConfigFileError as exc:
        raise PolicyError(f"policy {exc}") from None
