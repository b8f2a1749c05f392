"""RunOcr: screenshot records -> words and boxes from one Tesseract call, and their text fields."""
from __future__ import annotations

import base64
import binascii

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.io.filesystems import FileSystems

from models.images import UnsafeImage, decode_image
from models.ocr import OcrSettings, TesseractOcr
from models.session_ocr import SessionOcr
from models.records import DiscardedRecord, PreparedRecord, RawRecord
from models.text_views import text_fields
from transforms.dead_letters import FAILED, to_discarded

READ, REJECTED = "read", "rejected"


class UnreadableImage(ValueError):
    """The image bytes could not be obtained; `reason` is a code safe to count."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def image_bytes(record: RawRecord) -> bytes:
    """The screenshot's bytes: inline base64, or the file `image_uri` names on any Beam filesystem."""
    if record.image_b64:
        try:
            return base64.b64decode(record.image_b64, validate=True)
        except (binascii.Error, ValueError):
            raise UnreadableImage("bad_base64") from None
    try:
        with FileSystems.open(record.image_uri) as stream:
            return stream.read()
    except OSError:  # BeamIOError, which wraps every filesystem's errors, is an OSError too.
        raise UnreadableImage("image_uri_unreadable") from None


class OcrFn(beam.DoFn):
    """Decode safely, then read words and boxes; an image refused by the decoder is quarantined."""

    def __init__(self, settings: OcrSettings, max_pixels: int):
        self._settings = settings
        self._max_pixels = max_pixels
        self._engine = None

    def setup(self):
        # One memory of recent sessions per DoFn instance: it pays off when a session's frames
        # reach the same worker (README: grouping frames by session).
        self._engine = SessionOcr(TesseractOcr(self._settings), self._settings.reuse_tile_px,
                                  self._settings.reuse_max_sessions)

    def process(self, record: RawRecord):
        try:
            data = image_bytes(record)
            image = decode_image(data, self._max_pixels)
        except (UnreadableImage, UnsafeImage) as rejected:
            yield pvalue.TaggedOutput(REJECTED, DiscardedRecord(
                record.kind, f"quarantined:image:{rejected.reason}"))
            return
        words = self._engine.read(image, record.session_id)
        yield PreparedRecord(record, text_fields(record, words), image=data, ocr_words=words)


class RunOcr(beam.PTransform):
    """Words and boxes per screenshot (ReadRawRecords has already spread the records over the workers)."""

    def __init__(self, settings: OcrSettings, max_pixels: int):
        super().__init__()
        self._settings = settings
        self._max_pixels = max_pixels

    def expand(self, screenshots):
        read = (screenshots
                | "ReadWords" >> beam.ParDo(OcrFn(self._settings, self._max_pixels)).with_output_types(
                    PreparedRecord, **{REJECTED: DiscardedRecord}).with_outputs(
                    REJECTED, main=READ).with_exception_handling(dead_letter_tag=FAILED, main_tag=READ))
        failed = read[FAILED] | "FailuresToAudit" >> beam.Map(to_discarded, stage="ocr")
        return read[READ], (read[REJECTED], failed) | "Discarded" >> beam.Flatten()
