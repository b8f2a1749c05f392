"""ReadRawRecords: JSON Lines (plain or gzip) on any Beam filesystem -> RawRecords and quarantined lines."""
from __future__ import annotations

import apache_beam as beam
from apache_beam import coders, pvalue
from apache_beam.io.textio import ReadFromTextWithFilename

from models.parse import ParseError, parse_line
from models.records import DiscardedRecord, RawRecord
from transforms.dead_letters import FAILED, to_discarded

PARSED, QUARANTINED = "parsed", "quarantined"


class ParseLineFn(beam.DoFn):
    """One line -> RawRecord, or a DiscardedRecord naming why the line is unusable."""

    def process(self, file_and_line: tuple[str, bytes]):
        file_name, line = file_and_line
        try:
            yield parse_line(line, file_name)
        except ParseError as error:
            yield pvalue.TaggedOutput(QUARANTINED, DiscardedRecord(error.kind, f"quarantined:{error.reason}"))


class ReadRawRecords(beam.PTransform):
    """Read and validate every line; returns (records, discarded, count of lines read)."""

    def __init__(self, file_pattern: str):
        super().__init__()
        self._file_pattern = file_pattern

    def expand(self, pbegin):
        # Bytes, not str: one line that is not UTF-8 must be quarantined, not fail the source.
        lines = pbegin | "ReadLines" >> ReadFromTextWithFilename(self._file_pattern, coder=coders.BytesCoder())
        parsed = lines | "Parse" >> beam.ParDo(ParseLineFn()).with_output_types(
            RawRecord, **{QUARANTINED: DiscardedRecord}).with_outputs(
            QUARANTINED, main=PARSED).with_exception_handling(dead_letter_tag=FAILED, main_tag=PARSED)
        failed = parsed[FAILED] | "ParseFailuresToAudit" >> beam.Map(to_discarded, stage="parse")
        discarded = (parsed[QUARANTINED], failed) | "Discarded" >> beam.Flatten()
        line_count = lines | "CountLines" >> beam.combiners.Count.Globally()
        return parsed[PARSED], discarded, line_count
