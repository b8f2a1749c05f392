"""One raw JSON line -> RawRecord, or ParseError carrying a reason code (never the offending value)."""
from __future__ import annotations

import dataclasses
import json
import math
import posixpath
import re
from datetime import datetime

import pydantic

from models.keystrokes import MODIFIERS, is_valid_key
from models.records import KINDS, KeyEvent, RawRecord

_RAW_RECORD = pydantic.TypeAdapter(RawRecord)

# Fields a record of each kind cannot be sanitized without (the contract's "required" column covers
# only the common ones; a keystroke record without events has nothing to train on either).
_KIND_REQUIRED = {"keystrokes": ("events",), "transcript": ("segments",), "screenshot": ()}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$")
# Ids and closed-vocabulary names are copied to the output unscanned, so only plain tokens pass:
# a name or an e-mail address in them is refused rather than trusted.
_RECORD_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/\-]{0,127}$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,39}$")
# JSON can spell a lone UTF-16 surrogate (`"\ud800"`), which no UTF-8 sink can write: it can only
# come from such an escape, so only lines holding one are checked in full.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


class ParseError(ValueError):
    """An unusable input line; `reason` is a code like `missing_field:ts`, safe to count and log."""

    def __init__(self, reason: str, kind: str = "unknown"):
        super().__init__(reason)
        self.reason = reason
        self.kind = kind


def parse_line(line: bytes, source_file: str) -> RawRecord:
    """Decode, parse and validate one JSONL line; relative `image_uri`s resolve against `source_file`."""
    if not line.strip():
        raise ParseError("empty_line")
    try:
        obj = json.loads(line.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise ParseError("bad_encoding") from None
    except (json.JSONDecodeError, RecursionError):
        raise ParseError("malformed_json") from None
    if not isinstance(obj, dict):
        raise ParseError("not_an_object")
    kind = obj.get("kind")
    if kind not in KINDS:
        raise ParseError("missing_field:kind" if "kind" not in obj else "unknown_kind")
    if _SURROGATE_ESCAPE.search(line) and not _encodable(obj):
        raise ParseError("bad_encoding", kind)
    try:
        record = _RAW_RECORD.validate_python(obj)
    except pydantic.ValidationError as exc:
        # The exception text quotes the input: only the first error's type and top-level field survive.
        error = exc.errors(include_input=False)[0]
        field = str(error["loc"][0]) if error["loc"] else "record"
        raise ParseError(f"{'missing_field' if error['type'] == 'missing' else 'bad_field'}:{field}",
                         kind) from None
    _check_fields(record)
    for name in _KIND_REQUIRED[record.kind]:
        if name not in obj:
            raise ParseError(f"missing_field:{name}", kind)
    if record.kind == "screenshot":
        if not (record.image_b64 or record.image_uri):
            raise ParseError("missing_field:image_b64", kind)
        if record.image_uri and not record.image_b64:
            return _with_resolved_uri(record, source_file)
    return record


def without_newline(line: bytes) -> bytes:
    r"""A line without its `\n` or `\r\n`, as Beam's text source gives lines of a file."""
    if line.endswith(b"\n"):
        line = line[:-1]
    return line[:-1] if line.endswith(b"\r") else line


def message_lines(data: bytes) -> list[bytes]:
    """The JSON Lines of one message (one record or several); an empty message is one empty line,
    so it is counted and quarantined like an empty line in a file rather than vanishing."""
    lines = data.split(b"\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # what follows the newline that ends the last line
    return [without_newline(line) for line in lines]


def _reject_constant(name: str) -> float:
    """NaN and Infinity are not JSON; a record holding them could not be written back as JSON."""
    raise json.JSONDecodeError(f"non-finite number {name}", name, 0)


def _encodable(obj: dict) -> bool:
    """Every string of the object, keys included, encodes as UTF-8 (none holds a lone surrogate)."""
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_fields(record: RawRecord) -> None:
    """What pydantic's types do not say: RFC 3339 times, plain ids, and the contract's event vocabulary."""
    if not RFC3339.match(record.ts) or not _parses_as_time(record.ts):
        raise ParseError("bad_field:ts", record.kind)
    if not _RECORD_ID.match(record.record_id) or "@" in record.record_id:
        raise ParseError("bad_field:record_id", record.kind)
    for name in ("source", "field"):
        value = getattr(record, name)
        if value is not None and not _NAME.match(value):
            raise ParseError(f"bad_field:{name}", record.kind)
    if any(not (math.isfinite(s.start) and math.isfinite(s.end) and 0 <= s.start <= s.end) for s in record.segments):
        raise ParseError("bad_field:segments", record.kind)
    if not all(_valid_event(event) for event in record.events):
        raise ParseError("bad_field:events", record.kind)


def _parses_as_time(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return False
    return True


def _valid_event(event: KeyEvent) -> bool:
    """A keydown carries a key and no text; a paste carries text and no key; mods are modifier names.
    A key is one character or grapheme, or a W3C named key from models/data/w3c_keys.txt: a longer
    key ("JohnSmith") would be copied to the sink unscanned, so its record is refused."""
    if not MODIFIERS.issuperset(event.mods) or event.t < 0:
        return False
    if event.type == "paste":
        return event.key is None and event.text is not None
    return event.type == "keydown" and event.text is None and event.key is not None and is_valid_key(event.key)


def _with_resolved_uri(record: RawRecord, source_file: str) -> RawRecord:
    uri = record.image_uri or ""
    if "://" in uri or posixpath.isabs(uri):
        return record
    resolved = posixpath.join(posixpath.dirname(source_file), uri)
    return dataclasses.replace(record, image_uri=resolved)
