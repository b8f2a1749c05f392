"""Streaming windows: lines are windowed once, by arrival, and every later stage keeps their window.

Event time is the arrival time the source stamps (the poll of MatchContinuously that found the
file, the Pub/Sub publish time), never the record's own `ts`: a line that is not JSON has no `ts`,
a device clock set to next year would hold its records out of the sink until then, and buffered
uploads would arrive behind the watermark. Stamped by arrival, a line is never late from these
sources. Should a source still deliver late data, windows never expire (`NEVER_EXPIRE`): a late
line and its outcome fire again in their own window, so nothing is dropped for lateness.
"""
from __future__ import annotations

from typing import Any

import apache_beam as beam
from apache_beam.transforms.trigger import AccumulationMode, AfterCount, AfterWatermark
from apache_beam.transforms.window import BoundedWindow, WindowFn
from apache_beam.utils.timestamp import Duration
from apache_beam.utils.windowed_value import PaneInfo, PaneInfoTiming

# Allowed lateness "forever" (a century): every finite horizon is one past which a runner drops
# data without a trace. The cost is state kept per window after it fired: trigger bookkeeping per
# key, and the audit's running totals (about 1 KB a window), until the job is drained.
NEVER_EXPIRE = Duration(seconds=100 * 365 * 24 * 3600)


def window_by_arrival(windowfn: WindowFn, accumulation_mode: int = AccumulationMode.DISCARDING) -> beam.WindowInto:
    """Windows that fire once when the watermark passes their end, then once more per late element,
    and never expire."""
    return beam.WindowInto(windowfn, trigger=AfterWatermark(late=AfterCount(1)), accumulation_mode=accumulation_mode,
                           allowed_lateness=NEVER_EXPIRE)


def window_name(window: BoundedWindow) -> str:
    """`20260609T120000Z-20260609T120500Z`: a window's bounds in UTC, for file names that sort by time."""
    return "-".join(f"{bound.to_utc_datetime():%Y%m%dT%H%M%SZ}" for bound in (window.start, window.end))


def window_fields(window: BoundedWindow, pane: PaneInfo) -> dict[str, Any]:
    """The window's bounds (RFC 3339) and which of its firings this is (`on_time`, then `late` ones)."""
    return {"window_start": window.start.to_rfc3339(), "window_end": window.end.to_rfc3339(),
            "pane": {"index": pane.index, "timing": PaneInfoTiming.to_string(pane.timing).lower()}}
