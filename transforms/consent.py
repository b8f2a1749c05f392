"""ApplyConsent: records of users without consent for them are dropped before any other stage.

In batch the registry is the one read at start-up. In streaming it is re-read on the workers at the
start of every refresh window (`RefreshRegistry`, Beam's slowly-updating side input with windowing),
and each record is checked against the read of the refresh window its arrival window starts in, so
all records of one audit window are checked against one read, whichever worker checks them.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics
from apache_beam.transforms.periodicsequence import PeriodicImpulse
from apache_beam.transforms.window import FixedWindows, IntervalWindow, WindowFn
from apache_beam.utils.timestamp import MAX_TIMESTAMP, Timestamp

from models.consent import UNAVAILABLE, ConsentError, Registry, consent_verdict, read_registry
from models.records import DiscardedRecord, RawRecord
from transforms.audit import NAMESPACE
from transforms.beam_compat import map_side_input_windows
from transforms.dead_letters import Outcome, guarded

CONSENTED, DROPPED = "consented", "dropped"

_LOG = logging.getLogger(__name__)


def read_registry_files(pattern: str) -> Registry:
    """The registry from every file the pattern matches (any Beam filesystem, `.gz` by its name), in
    path order, so the latest line across files wins. A pattern that matches nothing, a file that
    cannot be read and an unusable line all raise ConsentError naming the pattern or file:line only."""
    try:
        files = sorted(m.path for m in FileSystems.match([pattern])[0].metadata_list)
        lines = []
        for path in files:
            with FileSystems.open(path) as stream:
                lines += [(path, number, line) for number, line in enumerate(stream.read().splitlines(), start=1)]
    except Exception as exc:  # noqa: BLE001 - any filesystem's error (GCS, S3 raise their own); only its type is kept
        raise ConsentError(f"--consent {pattern!r}: cannot read ({type(exc).__name__})") from None
    if not files:
        raise ConsentError(f"--consent {pattern!r} matches no file")
    return read_registry(lines)


@dataclass(frozen=True)
class RefreshSchedule:
    """Refresh windows: fixed, `every_secs` long and aligned to the epoch like the audit windows; the
    first read is at the start of the one that holds `launched_at`."""

    every_secs: int
    launched_at: Timestamp

    def windows(self) -> WindowFn:
        return FixedWindows(self.every_secs)

    def _window_at(self, moment: Timestamp) -> IntervalWindow:
        (window,) = self.windows().assign(WindowFn.AssignContext(moment))
        return window

    @property
    def first_read_at(self) -> Timestamp:
        return self._window_at(self.launched_at).start

    def read_for(self, main_window: IntervalWindow) -> IntervalWindow:
        """The refresh window whose read a main window is checked against: the one holding the main
        window's start, whose read is made before the window's first line arrives (Beam's default,
        the window's end, would hold a window's lines back for a later read); the first refresh
        window for a main window that started before it (a Pub/Sub backlog from before the launch)."""
        return self._window_at(max(main_window.start, self.first_read_at))


class _AsReadFor(pvalue.AsSingleton):
    """The snapshot of the refresh window `RefreshSchedule.read_for` names; UNAVAILABLE when it holds
    none. Beam takes no mapping argument, but every Python side input's mapping is a pickled function
    that runners hand back to the SDK (MapWindows), so this one runs wherever the default one does."""

    def __init__(self, snapshots: beam.PCollection, schedule: RefreshSchedule):
        super().__init__(snapshots, default_value=UNAVAILABLE)
        map_side_input_windows(self, schedule.read_for)


class ReadRegistryFn(beam.DoFn):
    """One refresh: the registry as the files hold it now, or UNAVAILABLE when it cannot be used
    (logged with the pattern or file:line and counted, never with content)."""

    def __init__(self, pattern: str):
        self._pattern = pattern
        self._failed = Metrics.counter(NAMESPACE, "consent_registry_read_failed")

    def process(self, _impulse):
        try:
            registry = read_registry_files(self._pattern)
        except Exception as exc:  # noqa: BLE001 - whatever fails, the read is unavailable, never retried for ever
            why = exc if isinstance(exc, ConsentError) else f"consent registry read failed ({type(exc).__name__})"
            _LOG.warning("%s: records checked against this read are dropped as "
                         "dropped:consent:registry_unavailable", why)
            self._failed.inc()
            yield UNAVAILABLE
            return
        _LOG.info("consent registry read: %d users", len(registry.consents))
        yield registry


class RefreshRegistry(beam.PTransform):
    """The registry re-read at the start of every refresh window (PeriodicImpulse; the first read at
    once, for the window of the launch), each read stamped with its window's start; reads stop at
    `stop_at` (a bounded run, in tests) or never. Once an impulse is out, PeriodicImpulse moves its
    watermark on to the next one, so a refresh window's read is ready as soon as it is done."""

    def __init__(self, pattern: str, schedule: RefreshSchedule, stop_at: Timestamp | None = None):
        super().__init__()
        self._pattern = pattern
        self._schedule = schedule
        self._stop_at = stop_at

    def expand(self, pbegin):
        return (pbegin
                | "PeriodicImpulse" >> PeriodicImpulse(
                    start_timestamp=self._schedule.first_read_at, fire_interval=self._schedule.every_secs,
                    stop_timestamp=MAX_TIMESTAMP if self._stop_at is None else self._stop_at)
                | "ReadRegistry" >> beam.ParDo(ReadRegistryFn(self._pattern)))


class ConsentFn(beam.DoFn):
    """Looks the raw user id up in the registry side input; the id is pseudonymized only later."""

    def process(self, record: RawRecord, registry: Registry | None):
        why = consent_verdict(record, registry)
        yield record if why is None else pvalue.TaggedOutput(DROPPED, DiscardedRecord(record.kind, f"dropped:consent:{why}"))


class ApplyConsent(beam.PTransform):
    """(records) -> (consented records, discarded); the registry is a side input and goes nowhere else.

    `registry` yields the registry: in batch a Create of the one read at start-up (global window);
    in streaming, with `schedule`, timestamped snapshots (`RefreshRegistry`, or a test's), one per
    refresh window.
    """

    def __init__(self, registry: beam.PTransform, schedule: RefreshSchedule | None = None):
        super().__init__()
        self._registry = registry
        self._schedule = schedule

    def expand(self, records) -> Outcome:
        snapshots = records.pipeline | "Registry" >> self._registry
        if self._schedule is None:
            registry = pvalue.AsSingleton(snapshots)
        else:
            registry = _AsReadFor(snapshots | "RefreshWindows" >> beam.WindowInto(self._schedule.windows()),
                                  self._schedule)
        checked = guarded(records, "Check", beam.ParDo(ConsentFn(), registry=registry).with_output_types(
            RawRecord, **{DROPPED: DiscardedRecord}), "consent", main=CONSENTED, discards=(DROPPED,))
        return Outcome(checked.main, checked.discarded)
