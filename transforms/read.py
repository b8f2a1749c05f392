"""ReadRawRecords: JSON Lines (plain or gzip) on any Beam filesystem, files landing in a directory, or
Pub/Sub messages -> RawRecords and quarantined lines."""
from __future__ import annotations

import logging
import zlib

import apache_beam as beam
from apache_beam import coders, pvalue
from apache_beam.io import fileio
from apache_beam.io.gcp.pubsub import ReadFromPubSub
from apache_beam.io.textio import ReadFromTextWithFilename
from apache_beam.metrics import Metrics
from apache_beam.transforms.window import FixedWindows
from apache_beam.utils.timestamp import MAX_TIMESTAMP, Timestamp

from models.parse import ParseError, message_lines, parse_line, without_newline
from models.records import DiscardedRecord, RawRecord
from transforms.dead_letters import FAILED, to_discarded
from transforms.windows import window_by_arrival

PARSED, QUARANTINED = "parsed", "quarantined"
# The line a file that cannot be read (corrupt gzip, gone before it was read) stands for: counted
# and quarantined as `unreadable_file`, where failing would retry it forever in a streaming job.
UNREADABLE = None

_LOG = logging.getLogger(__name__)


class ParseLineFn(beam.DoFn):
    """One line -> RawRecord, or a DiscardedRecord naming why the line is unusable."""

    def process(self, file_and_line: tuple[str, bytes | None]):
        file_name, line = file_and_line
        if line is UNREADABLE:
            yield pvalue.TaggedOutput(QUARANTINED, DiscardedRecord("unknown", "quarantined:unreadable_file"))
            return
        try:
            yield parse_line(line, file_name)
        except ParseError as error:
            yield pvalue.TaggedOutput(QUARANTINED, DiscardedRecord(error.kind, f"quarantined:{error.reason}"))


class ReadFileLinesFn(beam.DoFn):
    """A matched file -> (path, line) pairs as bytes, gzip decompressed by extension; the lines keep
    the file's timestamp (the poll that found it)."""

    def __init__(self):
        self._unreadable = Metrics.counter("redaction", "unreadable_files")

    def process(self, readable: fileio.ReadableFile):
        path = readable.metadata.path
        try:
            with readable.open() as stream:
                for line in iter(stream.readline, b""):
                    yield path, without_newline(line)
        except (OSError, EOFError, zlib.error) as error:
            _LOG.warning("a file could not be read to its end (%s); counted as unreadable_file", type(error).__name__)
            self._unreadable.inc()
            yield path, UNREADABLE


class WatchFileLines(beam.PTransform):
    """Files that land under a pattern (each read once) -> (path, line) pairs, stamped with the poll
    that found the file; polling stops at `stop_polling_at` (a bounded run, in tests) or never."""

    def __init__(self, file_pattern: str, poll_interval_secs: float, stop_polling_at: Timestamp | None = None):
        super().__init__()
        self._file_pattern = file_pattern
        self._poll_interval_secs = poll_interval_secs
        self._stop_polling_at = stop_polling_at

    def expand(self, pbegin):
        return (pbegin
                | "MatchContinuously" >> fileio.MatchContinuously(
                    self._file_pattern, interval=self._poll_interval_secs, start_timestamp=Timestamp.now(),
                    stop_timestamp=MAX_TIMESTAMP if self._stop_polling_at is None else self._stop_polling_at)
                | "ReadMatches" >> fileio.ReadMatches()
                | "ReadFileLines" >> beam.ParDo(ReadFileLinesFn()))


def named_lines(data: bytes, source: str) -> list[tuple[str, bytes]]:
    """A message's lines, each paired with where it came from, as file lines are with their file."""
    return [(source, line) for line in message_lines(data)]


class ReadPubSubLines(beam.PTransform):
    """Pub/Sub messages of JSON Lines -> (subscription, line) pairs, stamped with the publish time.

    The subscription stands in for the file name, so a relative `image_uri` resolves to nothing
    readable and is quarantined: records sent this way carry images inline or by absolute URI.
    """

    def __init__(self, subscription: str):
        super().__init__()
        self._subscription = subscription

    def expand(self, pbegin):
        return (pbegin
                | "ReadFromPubSub" >> ReadFromPubSub(subscription=self._subscription)
                | "SplitLines" >> beam.FlatMap(named_lines, source=self._subscription))


class ReadRawRecords(beam.PTransform):
    """Read, spread over the workers and validate every line; returns (records, discarded, count of lines read).

    `source` replaces the batch read of `file_pattern` with any source of (name, line) pairs
    (`WatchFileLines`, `ReadPubSubLines`, a TestStream); with `window_secs` the lines are windowed
    by arrival there, and the line count is one per window and firing.
    """

    def __init__(self, file_pattern: str = "", source: beam.PTransform | None = None,
                 window_secs: int | None = None):
        super().__init__()
        self._file_pattern = file_pattern
        self._source = source
        self._window_secs = window_secs

    def expand(self, pbegin):
        # Bytes, not str: one line that is not UTF-8 must be quarantined, not fail the source.
        lines = pbegin | "ReadLines" >> (
            self._source or ReadFromTextWithFilename(self._file_pattern, coder=coders.BytesCoder()))
        # A file is read as one bundle by one worker: shuffled as raw lines (cheap to encode),
        # every later stage, detection and OCR above all, is shared by all workers.
        spread = lines | "SpreadLines" >> beam.Reshuffle()
        count = beam.combiners.Count.Globally()
        if self._window_secs is not None:
            # Windowed once, here, and kept by every later stage (batching, the sink), so a line
            # and its outcome are counted in the same window. After the Reshuffle, not before:
            # the direct runner's Reshuffle drops late elements of a windowed input.
            spread = spread | "WindowByArrival" >> window_by_arrival(FixedWindows(self._window_secs))
            count = count.without_defaults()
        parsed = spread | "Parse" >> beam.ParDo(ParseLineFn()).with_output_types(
            RawRecord, **{QUARANTINED: DiscardedRecord}).with_outputs(
            QUARANTINED, main=PARSED).with_exception_handling(dead_letter_tag=FAILED, main_tag=PARSED)
        failed = parsed[FAILED] | "ParseFailuresToAudit" >> beam.Map(to_discarded, stage="parse")
        discarded = (parsed[QUARANTINED], failed) | "Discarded" >> beam.Flatten()
        line_count = spread | "CountLines" >> count
        return parsed[PARSED], discarded, line_count
