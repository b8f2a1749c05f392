"""Beam's dead letters -> payload-free DiscardedRecords, so a failed record is counted, never written."""
from __future__ import annotations

from typing import Any

from models.records import DiscardedRecord

# Tag of the dead-letter output of every `with_exception_handling` in this package.
FAILED = "failed"


def to_discarded(dead_letter: tuple[Any, tuple[type, str, Any]], stage: str) -> DiscardedRecord:
    """Keep the stage and the exception's type name; drop the element, the message and the traceback."""
    element, (exc_type, _message, _trace) = dead_letter
    return DiscardedRecord(kind=_kind_of(element), reason=f"error:{stage}", error_type=exc_type.__name__)


def _kind_of(element: Any) -> str:
    for attribute in ("kind", "record", "prepared"):
        inner = getattr(element, attribute, None)
        if isinstance(inner, str):
            return inner
        if inner is not None:
            return _kind_of(inner)
    return "unknown"
