"""A per-record processing deadline, checked in the loops whose cost grows with the record.

Beam runs a DoFn's work in worker threads, where no signal can interrupt it, so the deadline is
cooperative: a stage sets it around one record's work (`record_deadline`), and the pure functions
that loop over a record's events, segments, fields or chunks call `check_deadline`. A record that
runs past it raises `DeadlineExceeded` and fails closed as `error:<stage>`, never stalling the run.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

_EXPIRES: ContextVar[float | None] = ContextVar("record_deadline", default=None)


class DeadlineExceeded(RuntimeError):
    """One record's work ran past its deadline (policy `limits.max_record_seconds`)."""


@contextmanager
def record_deadline(seconds: float | None) -> Iterator[None]:
    """Within the block, `check_deadline` raises once `seconds` have passed (None: no deadline).
    A deadline set inside another never outlasts the outer one."""
    if seconds is None:
        yield
        return
    outer = _EXPIRES.get()
    expires = time.monotonic() + seconds
    token = _EXPIRES.set(expires if outer is None else min(outer, expires))
    try:
        yield
    finally:
        _EXPIRES.reset(token)


def check_deadline() -> None:
    """Raise DeadlineExceeded when the current record's deadline has passed; free when none is set."""
    expires = _EXPIRES.get()
    if expires is not None and time.monotonic() > expires:
        raise DeadlineExceeded("a record ran past its processing deadline")


def seconds_left() -> float | None:
    """Time left before the current deadline (never negative), or None when no deadline is set:
    what a bounded call (a regex, an OCR process) may take at most."""
    expires = _EXPIRES.get()
    return None if expires is None else max(0.0, expires - time.monotonic())
