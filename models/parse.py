"""One raw JSON line -> RawRecord, or ParseError carrying a reason code (never the offending value)."""
from __future__ import annotations

import dataclasses
import json
import posixpath
from datetime import datetime

import pydantic

from models.records import KINDS, RawRecord

_RAW_RECORD = pydantic.TypeAdapter(RawRecord)

# Fields a record of each kind cannot be sanitized without (the contract's "required" column covers
# only the common ones; a keystroke record without events has nothing to train on either).
_KIND_REQUIRED = {"keystrokes": ("events",), "transcript": ("segments",), "screenshot": ()}


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
        obj = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise ParseError("bad_encoding") from None
    except json.JSONDecodeError:
        raise ParseError("malformed_json") from None
    if not isinstance(obj, dict):
        raise ParseError("not_an_object")
    kind = obj.get("kind")
    if kind not in KINDS:
        raise ParseError("missing_field:kind" if "kind" not in obj else "unknown_kind")
    try:
        record = _RAW_RECORD.validate_python(obj)
    except pydantic.ValidationError as exc:
        # The exception text quotes the input: only the first error's type and top-level field survive.
        error = exc.errors(include_input=False)[0]
        field = str(error["loc"][0]) if error["loc"] else "record"
        raise ParseError(f"{'missing_field' if error['type'] == 'missing' else 'bad_field'}:{field}",
                         kind) from None
    try:
        datetime.fromisoformat(record.ts)
    except ValueError:
        raise ParseError("bad_field:ts", kind) from None
    for name in _KIND_REQUIRED[record.kind]:
        if name not in obj:
            raise ParseError(f"missing_field:{name}", kind)
    if record.kind == "screenshot":
        if not (record.image_b64 or record.image_uri):
            raise ParseError("missing_field:image_b64", kind)
        if record.image_uri and not record.image_b64:
            return _with_resolved_uri(record, source_file)
    return record


def _with_resolved_uri(record: RawRecord, source_file: str) -> RawRecord:
    uri = record.image_uri or ""
    if "://" in uri or posixpath.isabs(uri):
        return record
    resolved = posixpath.join(posixpath.dirname(source_file), uri)
    return dataclasses.replace(record, image_uri=resolved)
