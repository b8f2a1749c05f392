"""WriteSanitizedRecords and WriteAudit: the only two places the pipeline writes."""
from __future__ import annotations

import json

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems


def sanitized_dir(output: str) -> str:
    """Where the sanitized JSONL shards go."""
    return FileSystems.join(output, "sanitized")


def audit_path(output: str) -> str:
    """The audit summary of a batch run."""
    return FileSystems.join(output, "audit", "summary.json")


class WriteSanitizedRecords(beam.PTransform):
    """JSONL shards `OUTPUT/sanitized/part-SSSSS-of-NNNNN.jsonl`."""

    def __init__(self, output: str):
        super().__init__()
        self._output = output

    def expand(self, sanitized):
        return (sanitized
                | "ToJsonLines" >> beam.Map(lambda record: record.json_line)
                | "WriteShards" >> beam.io.WriteToText(
                    FileSystems.join(sanitized_dir(self._output), "part"), file_name_suffix=".jsonl"))


class WriteAudit(beam.PTransform):
    """`OUTPUT/audit/summary.json`, one file."""

    def __init__(self, output: str):
        super().__init__()
        self._output = output

    def expand(self, summary):
        path = audit_path(self._output)
        return (summary
                | "ToJson" >> beam.Map(lambda doc: json.dumps(doc, indent=2, sort_keys=True))
                | "WriteSummary" >> beam.io.WriteToText(
                    path[: -len(".json")], file_name_suffix=".json", shard_name_template="", num_shards=1))
