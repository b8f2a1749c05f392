"""RunOcr: screenshot records -> words and boxes from one Tesseract call, and their text fields."""
from __future__ import annotations

import base64
import binascii
from typing import BinaryIO, Iterable

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.coders import PickleCoder
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics import Metrics
from apache_beam.options.pipeline_options import StandardOptions
from apache_beam.transforms.timeutil import TimeDomain
from apache_beam.transforms.userstate import ReadModifyWriteStateSpec, TimerSpec, on_timer
from PIL import Image

from models.image_source import UnreadableImage, read_image_file
from models.deadline import record_deadline
from models.images import UnsafeImage, decode_image
from models.ocr import OcrSettings, TesseractOcr
from models.policy import ScreenshotRules
from models.session_ocr import Frame, capture_order, read_frame, reusable
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


def decoded(record: RawRecord, settings: OcrSettings, rules: ScreenshotRules) -> tuple[bytes, Image.Image]:
    """The screenshot's bytes and its decoded image, or UnreadableImage/UnsafeImage naming why not."""
    data = image_bytes(record, settings.image_roots, rules)
    return data, decode_image(data, rules.max_pixels, rules.max_side_px, rules.max_aspect_ratio)


def rejected(record: RawRecord, reason: str) -> pvalue.TaggedOutput:
    """An image refused on its way in, quarantined by its reason code."""
    return pvalue.TaggedOutput(REJECTED, DiscardedRecord(record.kind, f"quarantined:image:{reason}"))


def session_key(record: RawRecord) -> tuple[str, str]:
    """Frames share OCR state only within one capture session of one user."""
    return record.user_id, record.session_id


def in_session(record: RawRecord, _partitions: int) -> int:
    """Partition function: frames of a session (1) are grouped for reuse, others (0) read alone."""
    return int(bool(record.session_id))


class OcrFn(beam.DoFn):
    """Read and decode within the policy's limits, then read words and boxes of the whole frame; an
    image refused on the way is quarantined."""

    def __init__(self, settings: OcrSettings, rules: ScreenshotRules, record_seconds: float | None = None):
        self._settings = settings
        self._rules = rules
        self._record_seconds = record_seconds
        self._engine = None

    def setup(self):
        self._engine = TesseractOcr(self._settings)

    def process(self, record: RawRecord):
        try:
            data, image = decoded(record, self._settings, self._rules)
        except (UnreadableImage, UnsafeImage) as refused:
            yield rejected(record, refused.reason)
            return
        with record_deadline(self._record_seconds):  # Tesseract's own timeout is cut to what is left
            words = self._engine.read(image)
        yield PreparedRecord(record, text_fields(record, words), image=data, ocr_words=words)


class SessionOcrFn(beam.DoFn):
    """A batch of one session's frames, in capture order: each read only where it differs from the
    session's last frame, kept in Beam state (per session and window) so reuse outlasts the batch.
    A frame that fails costs only itself: it is discarded as error:ocr, and the next frame is
    compared with the last frame read."""

    LAST_FRAME = ReadModifyWriteStateSpec("last_frame", PickleCoder())
    EXPIRY = TimerSpec("expiry", TimeDomain.WATERMARK)

    def __init__(self, settings: OcrSettings, rules: ScreenshotRules, record_seconds: float | None = None):
        self._settings = settings
        self._rules = rules
        self._record_seconds = record_seconds
        self._engine = None
        self._reused = Metrics.counter("redaction", "ocr_frames_reused")  # read against the session's last frame

    def setup(self):
        self._engine = TesseractOcr(self._settings)

    def process(self, batch: tuple[tuple[str, str], Iterable[RawRecord]], window=beam.DoFn.WindowParam,
                last_frame=beam.DoFn.StateParam(LAST_FRAME), expiry=beam.DoFn.TimerParam(EXPIRY)):
        previous: Frame | None = last_frame.read()
        for record in capture_order(batch[1], lambda record: record.ts):
            try:
                data, image = decoded(record, self._settings, self._rules)
                reuses = reusable(previous, image)
                with record_deadline(self._record_seconds):
                    frame = read_frame(self._engine, image, previous, self._settings.reuse_tile_px)
            except (UnreadableImage, UnsafeImage) as refused:
                yield rejected(record, refused.reason)
                continue
            except Exception as error:  # pylint: disable=broad-except  # what with_exception_handling catches
                yield pvalue.TaggedOutput(FAILED, DiscardedRecord(record.kind, "error:ocr",
                                                                  error_type=type(error).__name__))
                continue
            previous = frame
            self._reused.inc(int(reuses))
            yield PreparedRecord(record, text_fields(record, frame.words), image=data, ocr_words=frame.words)
        last_frame.write(previous)
        expiry.set(window.max_timestamp())  # the window's state is dropped when it closes

    @on_timer(EXPIRY)
    def expire(self, last_frame=beam.DoFn.StateParam(LAST_FRAME)):
        last_frame.clear()


class RunOcr(beam.PTransform):
    """Words and boxes per screenshot. Frames of a session are keyed by it and read in capture order
    in bounded batches on one worker at a time, reusing the previous frame's words (unless
    `reuse_max_sessions` is 0); other frames are read alone, as ReadRawRecords spread them."""

    def __init__(self, settings: OcrSettings, rules: ScreenshotRules, record_seconds: float | None = None):
        super().__init__()
        self._settings = settings
        self._rules = rules
        self._record_seconds = record_seconds

    def expand(self, screenshots):
        settings, seconds = self._settings, self._record_seconds
        if settings.reuse_max_sessions:
            alone, grouped = screenshots | "SplitBySession" >> beam.Partition(in_session, 2)
        else:
            alone, grouped = screenshots, None
        read = (alone
                | "ReadWords" >> beam.ParDo(OcrFn(settings, self._rules, seconds)).with_output_types(
                    PreparedRecord, **{REJECTED: DiscardedRecord}).with_outputs(
                    REJECTED, main=READ).with_exception_handling(dead_letter_tag=FAILED, main_tag=READ))
        failed = read[FAILED] | "FailuresToAudit" >> beam.Map(to_discarded, stage="ocr")
        prepared, discarded = [read[READ]], [read[REJECTED], failed]
        if grouped is not None:
            streaming = screenshots.pipeline.options.view_as(StandardOptions).streaming
            sessions = (grouped
                        | "KeyBySession" >> beam.Map(lambda record: (session_key(record), record)).with_output_types(
                            tuple[tuple[str, str], RawRecord])
                        | "BatchPerSession" >> beam.GroupIntoBatches(
                            settings.session_batch_frames,
                            settings.session_buffer_secs if streaming else None)
                        | "ReadSessionWords" >> beam.ParDo(SessionOcrFn(settings, self._rules, seconds)).with_outputs(
                            REJECTED, FAILED, main=READ))
            prepared.append(sessions[READ])
            discarded += [sessions[REJECTED], sessions[FAILED]]
        return (tuple(prepared) | "Prepared" >> beam.Flatten(),
                tuple(discarded) | "Discarded" >> beam.Flatten())
