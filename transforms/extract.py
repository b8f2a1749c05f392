"""ExtractText: keystroke and transcript records -> their text fields, ready for detection."""
from __future__ import annotations

import apache_beam as beam

from models.records import PreparedRecord, RawRecord
from models.text_views import text_fields
from transforms.dead_letters import FAILED, to_discarded


def prepare_text_record(record: RawRecord) -> PreparedRecord:
    """A record whose text is in its own fields (no image to read)."""
    return PreparedRecord(record, text_fields(record))


class ExtractText(beam.PTransform):
    """Typed text from key events, segment texts, and app/title/url for every kind."""

    def expand(self, records):
        prepared = records | "TextFields" >> beam.Map(prepare_text_record).with_exception_handling(
            dead_letter_tag=FAILED)
        failed = prepared[FAILED] | "FailuresToAudit" >> beam.Map(to_discarded, stage="extract")
        return prepared["good"], failed
