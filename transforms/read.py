"""ReadRawRecords: JSON Lines (plain or gzip) on any Beam filesystem, files landing in a directory, or
Pub/Sub messages -> RawRecords and quarantined lines."""
from __future__ import annotations

import bz2
import contextlib
import gzip
import logging
import lzma
import zlib
from typing import BinaryIO, Iterator, NamedTuple

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.io import fileio
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.io.gcp.pubsub import ReadFromPubSub
from apache_beam.metrics import Metrics
from apache_beam.transforms.window import FixedWindows
from apache_beam.utils.timestamp import MAX_TIMESTAMP, Timestamp

from models.audit import UNREADABLE_FILE
from models.parse import ParseError, message_lines, parse_line, without_newline
from models.record_size import TOO_LARGE
from models.records import DiscardedRecord, RawRecord
from transforms.dead_letters import guarded
from transforms.windows import window_by_arrival

PARSED, QUARANTINED = "parsed", "quarantined"
# The line a file that cannot be read to its end (truncated or corrupt, gone before it was read)
# stands for: counted and quarantined as `unreadable_file`, where failing would retry it forever in
# a streaming job.
UNREADABLE = None
# Decompressors that check a file to its end (a gzip member's CRC32 and length, the end of a bz2 or
# xz stream): Beam's return what they could decompress of a truncated file without an error.
CHECKED_OPENERS = {CompressionTypes.GZIP: gzip.open, CompressionTypes.BZIP2: bz2.open,
                   CompressionTypes.LZMA: lzma.open}
# What reading a file that is gone, truncated or corrupt raises.
READ_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)

_LOG = logging.getLogger(__name__)


class ParseLineFn(beam.DoFn):
    """One line -> RawRecord, or a DiscardedRecord naming why the line is unusable; a line longer
    than `max_line_bytes` is `quarantined:too_large` unparsed (JSON and images cost memory many
    times a line's size)."""

    def __init__(self, max_line_bytes: int | None = None):
        self._max_line_bytes = max_line_bytes

    def process(self, file_and_line: tuple[str, bytes | None]):
        file_name, line = file_and_line
        if line is UNREADABLE:
            yield pvalue.TaggedOutput(QUARANTINED, DiscardedRecord("unknown", UNREADABLE_FILE))
            return
        if self._max_line_bytes is not None and len(line) > self._max_line_bytes:
            yield pvalue.TaggedOutput(QUARANTINED, DiscardedRecord("unknown", TOO_LARGE))
            return
        try:
            yield parse_line(line, file_name)
        except ParseError as error:
            yield pvalue.TaggedOutput(QUARANTINED, DiscardedRecord(error.kind, f"quarantined:{error.reason}"))


@contextlib.contextmanager
def open_checked(path: str) -> Iterator[BinaryIO]:
    """A file's bytes, decompressed by its name (Beam's suffixes); a gzip, bz2 or xz file that is
    truncated or fails its checksum raises one of READ_ERRORS when the reader gets there."""
    opener = CHECKED_OPENERS.get(CompressionTypes.detect_compression_type(path))
    if opener is None:  # plain, or a compression Python has no reader for (.deflate, .zst): Beam's
        with FileSystems.open(path) as stream:
            yield stream
        return
    with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as raw, opener(raw) as stream:
        yield stream


def bounded_lines(stream: BinaryIO, max_line_bytes: int | None) -> Iterator[bytes]:
    """The stream's lines without their newlines; a line longer than `max_line_bytes` is read
    past in pieces and given as its first `max_line_bytes + 1` bytes, so no more is ever held and
    the parse step can tell it is too long."""
    size = -1 if max_line_bytes is None else max_line_bytes + 1
    for line in iter(lambda: stream.readline(size), b""):
        if not line.endswith(b"\n") and len(line) == size:
            for rest in iter(lambda: stream.readline(size), b""):
                if rest.endswith(b"\n"):
                    break
        yield without_newline(line)


class ReadFileLinesFn(beam.DoFn):
    """A matched file -> (path, line) pairs as bytes, decompressed and checked by `open_checked`; a
    file not read to its end adds one UNREADABLE line after those read before the error. The lines
    keep the file's timestamp (in streaming, the poll that found it)."""

    def __init__(self, max_line_bytes: int | None = None):
        self._max_line_bytes = max_line_bytes
        self._unreadable = Metrics.counter("redaction", "unreadable_files")

    def process(self, readable: fileio.ReadableFile):
        path = readable.metadata.path
        try:
            with open_checked(path) as stream:
                for line in bounded_lines(stream, self._max_line_bytes):
                    yield path, line
        except READ_ERRORS as error:
            # The path is the operator's; the error's message could quote the file, so only its type.
            _LOG.warning("input file %s not read to its end (%s): the rest of it is lost, counted as one "
                         "%s line and in files_incomplete", path, type(error).__name__, UNREADABLE_FILE)
            self._unreadable.inc()
            yield path, UNREADABLE


class ReadFileLines(beam.PTransform):
    """The files a pattern matches now -> (path, line) pairs: the batch source."""

    def __init__(self, file_pattern: str, max_line_bytes: int | None = None):
        super().__init__()
        self._file_pattern = file_pattern
        self._max_line_bytes = max_line_bytes

    def expand(self, pbegin):
        return (pbegin
                | "MatchFiles" >> fileio.MatchFiles(self._file_pattern)
                | "ReadMatches" >> fileio.ReadMatches()
                | "ReadFileLines" >> beam.ParDo(ReadFileLinesFn(self._max_line_bytes)))


class WatchFileLines(beam.PTransform):
    """Files that land under a pattern (each read once) -> (path, line) pairs, stamped with the poll
    that found the file; polling stops at `stop_polling_at` (a bounded run, in tests) or never."""

    def __init__(self, file_pattern: str, poll_interval_secs: float, stop_polling_at: Timestamp | None = None,
                 max_line_bytes: int | None = None):
        super().__init__()
        self._file_pattern = file_pattern
        self._poll_interval_secs = poll_interval_secs
        self._stop_polling_at = stop_polling_at
        self._max_line_bytes = max_line_bytes

    def expand(self, pbegin):
        return (pbegin
                | "MatchContinuously" >> fileio.MatchContinuously(
                    self._file_pattern, interval=self._poll_interval_secs, start_timestamp=Timestamp.now(),
                    stop_timestamp=MAX_TIMESTAMP if self._stop_polling_at is None else self._stop_polling_at)
                | "ReadMatches" >> fileio.ReadMatches()
                | "ReadFileLines" >> beam.ParDo(ReadFileLinesFn(self._max_line_bytes)))


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


class Read(NamedTuple):
    """ReadRawRecords' outputs."""

    passed: beam.PCollection  # RawRecords
    discarded: beam.PCollection
    line_count: beam.PCollection  # lines read (one count per window and firing in streaming)


class ReadRawRecords(beam.PTransform):
    """Read, spread over the workers and validate every line; returns Read(records, discarded, count of lines read).

    `source` replaces the batch read of `file_pattern` with any source of (name, line) pairs
    (`WatchFileLines`, `ReadPubSubLines`, a TestStream); with `window_secs` the lines are windowed
    by arrival there, and the line count is one per window and firing. A line longer than
    `max_line_bytes` is quarantined as too large, and the batch read never holds more of it.
    """

    def __init__(self, file_pattern: str = "", source: beam.PTransform | None = None,
                 window_secs: int | None = None, max_line_bytes: int | None = None):
        super().__init__()
        self._file_pattern = file_pattern
        self._source = source
        self._window_secs = window_secs
        self._max_line_bytes = max_line_bytes

    def expand(self, pbegin) -> Read:
        # Bytes, not str: one line that is not UTF-8 must be quarantined, not fail the source.
        lines = pbegin | "ReadLines" >> (self._source or ReadFileLines(self._file_pattern, self._max_line_bytes))
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
        parsed = guarded(spread, "Parse", beam.ParDo(ParseLineFn(self._max_line_bytes)).with_output_types(
            RawRecord, **{QUARANTINED: DiscardedRecord}), "parse", main=PARSED, discards=(QUARANTINED,),
            failures_label="ParseFailuresToAudit")
        line_count = spread | "CountLines" >> count
        return Read(parsed.main, parsed.discarded, line_count)
