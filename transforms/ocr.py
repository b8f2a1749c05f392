"""RunOcr: screenshot records -> words and boxes from one Tesseract call, and their text fields."""
from __future__ import annotations

import base64
import binascii
from typing import BinaryIO

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems

from models.image_source import UnreadableImage, read_image_file
from models.deadline import record_deadline
from models.images import UnsafeImage, decode_image
from models.ocr import OcrSettings, TesseractOcr
from models.policy import ScreenshotRules
from models.session_ocr import SessionOcr
from models.records import DiscardedRecord, PreparedRecord, RawRecord
from models.text_views import text_fields
from transforms.dead_letters import FAILED, to_discarded

READ, REJECTED = "read", "rejected"


def open_on_beam_filesystem(uri: str) -> tuple[BinaryIO, int]:
    """A non-local image file opened as it is stored (never decompressed by its name), and its size."""
    matched = [found for found in FileSystems.match([uri])[0].metadata_list if found.path == uri]
    if not matched:
        raise UnreadableImage("image_uri_unreadable")
    return FileSystems.open(uri, compression_type=CompressionTypes.UNCOMPRESSED), matched[0].size_in_bytes


def image_bytes(record: RawRecord, roots: tuple[str, ...], rules: ScreenshotRules) -> bytes:
    """The screenshot's bytes: inline base64, or the file `image_uri` names under `roots` (any Beam
    filesystem), within the policy's size and read-time limits."""
    if record.image_b64:
        if len(record.image_b64) // 4 * 3 > rules.max_image_bytes:
            raise UnreadableImage("too_large")
        try:
            return base64.b64decode(record.image_b64, validate=True)
        except (binascii.Error, ValueError):
            raise UnreadableImage("bad_base64") from None
    try:
        return read_image_file(record.image_uri, roots, rules.max_image_bytes, rules.image_read_timeout_secs,
                               open_on_beam_filesystem)
    except OSError:  # BeamIOError, which wraps every filesystem's errors, is an OSError too.
        raise UnreadableImage("image_uri_unreadable") from None


class OcrFn(beam.DoFn):
    """Read and decode within the policy's limits, then read words and boxes; an image refused on the
    way is quarantined."""

    def __init__(self, settings: OcrSettings, rules: ScreenshotRules, record_seconds: float | None = None):
        self._settings = settings
        self._rules = rules
        self._record_seconds = record_seconds
        self._engine = None

    def setup(self):
        # One memory of recent sessions per DoFn instance: it pays off when a session's frames
        # reach the same worker (README: grouping frames by session).
        self._engine = SessionOcr(TesseractOcr(self._settings), self._settings.reuse_tile_px,
                                  self._settings.reuse_max_sessions)

    def process(self, record: RawRecord):
        rules = self._rules
        try:
            data = image_bytes(record, self._settings.image_roots, rules)
            image = decode_image(data, rules.max_pixels, rules.max_side_px, rules.max_aspect_ratio)
        except (UnreadableImage, UnsafeImage) as rejected:
            yield pvalue.TaggedOutput(REJECTED, DiscardedRecord(
                record.kind, f"quarantined:image:{rejected.reason}"))
            return
        with record_deadline(self._record_seconds):  # Tesseract's own timeout is cut to what is left
            words = self._engine.read(image, record.session_id)
        yield PreparedRecord(record, text_fields(record, words), image=data, ocr_words=words)


class RunOcr(beam.PTransform):
    """Words and boxes per screenshot (ReadRawRecords has already spread the records over the workers)."""

    def __init__(self, settings: OcrSettings, rules: ScreenshotRules, record_seconds: float | None = None):
        super().__init__()
        self._settings = settings
        self._rules = rules
        self._record_seconds = record_seconds

    def expand(self, screenshots):
        read = (screenshots
                | "ReadWords" >> beam.ParDo(OcrFn(self._settings, self._rules, self._record_seconds)).with_output_types(
                    PreparedRecord, **{REJECTED: DiscardedRecord}).with_outputs(
                    REJECTED, main=READ).with_exception_handling(dead_letter_tag=FAILED, main_tag=READ))
        failed = read[FAILED] | "FailuresToAudit" >> beam.Map(to_discarded, stage="ocr")
        return read[READ], (read[REJECTED], failed) | "Discarded" >> beam.Flatten()
