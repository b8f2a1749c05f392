"""ExtractText: keystroke and transcript records -> their text fields, ready for detection."""
from __future__ import annotations

import apache_beam as beam

from models.deadline import record_deadline
from models.records import PreparedRecord, RawRecord
from models.text_views import text_fields
from transforms.dead_letters import Outcome, guarded


def prepare_text_record(record: RawRecord, record_seconds: float | None = None) -> PreparedRecord:
    """A record whose text is in its own fields (no image to read), within its deadline."""
    with record_deadline(record_seconds):
        return PreparedRecord(record, text_fields(record))


class ExtractText(beam.PTransform):
    """Typed text from key events, segment texts, and app/title/url for every kind; a record past
    `record_seconds` becomes `error:extract`."""

    def __init__(self, record_seconds: float | None = None):
        super().__init__()
        self._record_seconds = record_seconds

    def expand(self, records) -> Outcome:
        prepared = guarded(records, "TextFields", beam.Map(prepare_text_record, record_seconds=self._record_seconds),
                           "extract")
        return Outcome(prepared.main, prepared.discarded)
