"""EncodeLines, WriteSanitizedRecords and WriteAudit: the last checked step, and the only two places
the pipeline writes (the audit: its summary and the report page rendered from it)."""
from __future__ import annotations

import dataclasses
import json
import uuid
import zlib
from typing import Any, Callable, NamedTuple

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.io import fileio
from apache_beam.io.filesystems import FileSystems
from apache_beam.options.value_provider import StaticValueProvider
from apache_beam.transforms.window import BoundedWindow
from apache_beam.utils.windowed_value import PaneInfo

from models.records import SanitizedRecord
from transforms.dead_letters import guarded
from transforms.windows import window_name

ENCODED, WRITTEN = "encoded", "written"

# Files per window and firing in streaming: records are spread over them by record_id.
STREAM_SHARDS = 4


def sanitized_dir(output: str) -> str:
    """Where the sanitized JSONL shards go."""
    return FileSystems.join(output, "sanitized")


def audit_path(output: str) -> str:
    """The audit summary of a batch run."""
    return FileSystems.join(output, "audit", "summary.json")


def report_path(output: str) -> str:
    """The audit report page of a batch run, beside its summary."""
    return FileSystems.join(output, "audit", "report.html")


def write_replacing(directory: str, final: str, data: bytes) -> None:
    """Write `data` to a temporary file in `directory` and rename it over `final`, so a reader sees
    the old file or the new one, never a partial file."""
    temporary = FileSystems.join(directory, f".tmp-{uuid.uuid4().hex}")
    with FileSystems.create(temporary) as stream:
        stream.write(data)
    FileSystems.rename([temporary], [final])


def window_audit_name(window: BoundedWindow, run_id: str) -> str:
    """`window-<start>-<end>-<run id>.json`: the audit of one window of one streaming run."""
    return f"window-{window_name(window)}-{run_id}.json"


@dataclasses.dataclass(frozen=True)
class EncodedLine:
    """A sanitized record's JSON line as the sink writes it, and the record_id a streaming sink shards by."""

    record_id: str
    data: bytes


def encode_line(record: SanitizedRecord) -> EncodedLine:
    """The line as UTF-8 bytes; raises UnicodeEncodeError for a string no UTF-8 file can hold."""
    return EncodedLine(record.record_id, record.json_line.encode("utf-8"))


class EncodeLineFn(beam.DoFn):
    """A sanitized record -> its encoded line for the sink and, tagged WRITTEN, the record without its
    line for the audit (which reads no line): both or, when encoding fails, neither."""

    def process(self, record: SanitizedRecord):
        yield encode_line(record)
        yield pvalue.TaggedOutput(WRITTEN, dataclasses.replace(record, json_line=""))


class Encoded(NamedTuple):
    """EncodeLines' outputs."""

    lines: beam.PCollection  # EncodedLines for the sink
    written: beam.PCollection  # SanitizedRecords without their line, counted as sanitized by the audit
    discarded: beam.PCollection  # error:write


class EncodeLines(beam.PTransform):
    """(sanitized records) -> Encoded(lines for the sink, records the audit counts as sanitized, discarded).

    The sinks only write bytes: whatever could fail in turning a record into a line fails here,
    where the record is counted as `error:write` like a failure of any other stage, rather than in
    a sink that would fail the run without an audit.
    """

    def expand(self, sanitized) -> Encoded:
        encoded = guarded(sanitized, "Encode", beam.ParDo(EncodeLineFn()).with_output_types(
            EncodedLine, **{WRITTEN: SanitizedRecord}), "write", main=ENCODED, tags=(WRITTEN,))
        return Encoded(encoded.main, encoded.tagged[WRITTEN], encoded.discarded)


def shard_of(line: EncodedLine) -> str:
    """The streaming shard a record goes to: fixed by its record_id, so a record delivered twice
    lands in the same shard, where a reader can drop the repeat by record_id."""
    return f"{zlib.crc32(line.record_id.encode('utf-8')) % STREAM_SHARDS:02d}"


class JsonLineSink(fileio.TextSink):
    """Writes an encoded JSON line as it is."""

    def write(self, record: EncodedLine):
        self._fh.write(record.data)
        self._fh.write(b"\n")


def stream_file_naming(run_id: str) -> Callable[..., str]:
    """File names unique per run, window, shard and firing: `window-<start>-<end>-<run id>-<shard>-<pane>.jsonl`.

    Without the firing in the name a late firing would be renamed over the window's first file,
    and without the run a job restarted after a drain over the last window of the drained one.
    The same firing always gets the same name, so a retried rename writes the same file again.
    """

    def name(window: BoundedWindow, pane: PaneInfo, _shard_index: int, _total_shards: int, _compression: str,
             shard: str) -> str:
        return f"window-{window_name(window)}-{run_id}-{shard}-{pane.index}.jsonl"

    return name


class WriteSanitizedRecords(beam.PTransform):
    """EncodedLines -> JSONL shards: `OUTPUT/sanitized/part-SSSSS-of-NNNNN.jsonl` in batch; with a
    `run_id` (streaming), files per window and firing, each written to a temporary file and then renamed."""

    def __init__(self, output: str, run_id: str | None = None):
        super().__init__()
        self._output = output
        self._run_id = run_id

    def expand(self, lines):
        if self._run_id is not None:
            # max_writers_per_bundle=0 sends every record through the grouped write, the one that
            # knows the firing (pane) a file belongs to; shards=1: one file per shard and firing.
            # Temporary files go beside the output (not to --temp_location), one directory per run.
            return lines | "WriteWindowShards" >> fileio.WriteToFiles(
                sanitized_dir(self._output), file_naming=stream_file_naming(self._run_id), destination=shard_of,
                sink=JsonLineSink, shards=1, max_writers_per_bundle=0,
                temp_directory=StaticValueProvider(str, FileSystems.join(self._output, ".temp", self._run_id)))
        return (lines
                | "ToJsonLines" >> beam.Map(lambda line: line.data)
                | "WriteShards" >> beam.io.WriteToText(
                    FileSystems.join(sanitized_dir(self._output), "part"), file_name_suffix=".jsonl"))


class WriteWindowAuditFn(beam.DoFn):
    """Writes a window's summary (and its report page, `.html` beside it) to temporary files renamed
    over the window's files, so a reader sees one firing's totals or the next one's, never a partial file."""

    def __init__(self, output: str, run_id: str, render: Callable[[dict[str, Any]], str] | None = None):
        self._output = output
        self._run_id = run_id
        self._render = render

    def process(self, summary: dict[str, Any], window=beam.DoFn.WindowParam):
        directory = FileSystems.join(self._output, "audit")
        final = FileSystems.join(directory, window_audit_name(window, self._run_id))
        write_replacing(directory, final, json.dumps(summary, indent=2, sort_keys=True).encode("utf-8"))
        if self._render is not None:
            write_replacing(directory, final[: -len(".json")] + ".html", self._render(summary).encode("utf-8"))
        yield final


class WriteAudit(beam.PTransform):
    """`OUTPUT/audit/summary.json`, one file, and with `render` the page it renders to,
    `OUTPUT/audit/report.html`; with a `run_id` (streaming), one of each per window,
    `OUTPUT/audit/window-<start>-<end>-<run id>.json` and `.html`, rewritten by each later firing."""

    def __init__(self, output: str, run_id: str | None = None, render: Callable[[dict[str, Any]], str] | None = None):
        super().__init__()
        self._output = output
        self._run_id = run_id
        self._render = render

    def expand(self, summary):
        if self._run_id is not None:
            return summary | "WriteWindowSummaries" >> beam.ParDo(
                WriteWindowAuditFn(self._output, self._run_id, self._render))
        path = audit_path(self._output)
        written = (summary
                   | "ToJson" >> beam.Map(lambda doc: json.dumps(doc, indent=2, sort_keys=True))
                   | "WriteSummary" >> beam.io.WriteToText(
                       path[: -len(".json")], file_name_suffix=".json", shard_name_template="", num_shards=1))
        if self._render is not None:
            page = report_path(self._output)
            _ = (summary
                 | "RenderReport" >> beam.Map(self._render)
                 | "WriteReport" >> beam.io.WriteToText(
                     page[: -len(".html")], file_name_suffix=".html", shard_name_template="", num_shards=1))
        return written
