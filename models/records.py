"""Every type that crosses a pipeline stage, as frozen dataclasses.

Beam's default coder round-trips frozen dataclasses exactly; tuples (not lists)
keep them hashable and immutable as Beam requires of PCollection elements.
"""
from __future__ import annotations

from dataclasses import dataclass

KINDS = ("keystrokes", "transcript", "screenshot")


@dataclass(frozen=True)
class KeyEvent:
    """One W3C key event, or a paste (`type="paste"`, `text` set, no `key`)."""

    t: int
    key: str | None = None
    mods: tuple[str, ...] = ()
    type: str = "keydown"
    text: str | None = None


@dataclass(frozen=True)
class Segment:
    """One transcript segment: who spoke, when, and what."""

    speaker: str
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class RawRecord:
    """A validated input record; only the fields the contract names survive parsing."""

    record_id: str
    kind: str
    user_id: str
    ts: str
    session_id: str | None = None
    app: str | None = None
    window_title: str | None = None
    url: str | None = None
    field: str | None = None
    events: tuple[KeyEvent, ...] = ()
    source: str | None = None
    segments: tuple[Segment, ...] = ()
    image_b64: str | None = None
    image_uri: str | None = None


@dataclass(frozen=True)
class TextField:
    """One piece of a record's text to scan; `name` says where it came from (`url`, `segments/2`, ...)."""

    name: str
    text: str


@dataclass(frozen=True)
class OcrWord:
    """A word OCR read, its box in pixels, where it starts in the record's OCR text, and its line."""

    text: str
    left: int
    top: int
    width: int
    height: int
    start: int
    line: int = 0
    # Tesseract's confidence in the word, 0-100; -1 when the reader gives none.
    confidence: float = -1


@dataclass(frozen=True)
class PreparedRecord:
    """A record with its text views ready for detection; screenshots carry decoded image bytes and words."""

    record: RawRecord
    fields: tuple[TextField, ...]
    image: bytes | None = None
    ocr_words: tuple[OcrWord, ...] = ()


@dataclass(frozen=True)
class Span:
    """A detected entity: a half-open character range of one text field."""

    entity_type: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Finding:
    """A prepared record, the spans detected in each text field (by field name), and its category."""

    prepared: PreparedRecord
    spans: tuple[tuple[str, tuple[Span, ...]], ...]
    category: str | None = None
    category_scores: tuple[tuple[str, float], ...] = ()
    # False: decided before NER, for a category the detection settings drop; not fit for output.
    complete: bool = True
    # Entity types the detection did not look for (the settings' unused ones).
    unsought: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SanitizedRecord:
    """A record fit for the training sink: its JSON line and what was masked in it."""

    kind: str
    json_line: str
    entity_counts: tuple[tuple[str, int], ...] = ()
    sensitivity: int = 1
    record_id: str = ""  # copied from the input as the output line holds it; a streaming sink shards by it


@dataclass(frozen=True)
class StrippedFields:
    """Names of the undisclosed fields stripped from one record, for the audit: names only, never values."""

    kind: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class LinesRead:
    """How many input lines a part of the input held, for the audit's `records_in`: a count, no content."""

    count: int


@dataclass(frozen=True)
class DiscardedRecord:
    """What the audit keeps of a record that did not reach the sink: never text, images or raw ids."""

    kind: str
    reason: str
    error_type: str = ""

    @property
    def outcome(self) -> str:
        """`quarantined` for unusable input, `dropped` for policy decisions and processing errors."""
        return "quarantined" if self.reason.startswith("quarantined:") else "dropped"
