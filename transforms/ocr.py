"""RunOcr: screenshot records -> words and boxes from one Tesseract call, and their text fields."""
from __future__ import annotations

from typing import Iterable

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.coders import PickleCoder
from apache_beam.metrics import Metrics
from apache_beam.options.pipeline_options import StandardOptions
from apache_beam.transforms.timeutil import TimeDomain
from apache_beam.transforms.userstate import ReadModifyWriteStateSpec, TimerSpec, on_timer

from models.deadline import record_deadline
from models.image_source import UnreadableImage
from models.images import UnsafeImage
from models.ocr import OcrSettings
from models.policy import ScreenshotRules
from models.records import PreparedRecord, RawRecord
from models.session_ocr import Frame, capture_order, read_frame, reusable
from models.text_views import text_fields
from transforms.dead_letters import FAILED, Outcome, failed_record
from transforms.handlers import OcrHandler, RunGuardedInference
from transforms.images import decoded, refused_image

READ, REJECTED = "read", "rejected"


def session_key(record: RawRecord) -> tuple[str, str]:
    """Frames share OCR state only within one capture session of one user."""
    return record.user_id, record.session_id


def in_session(record: RawRecord, _partitions: int) -> int:
    """Partition function: frames of a session (1) are grouped for reuse, others (0) read alone."""
    return int(bool(record.session_id))


class SessionOcrFn(beam.DoFn):
    """A batch of one session's frames, in capture order: each read only where it differs from the
    session's last frame, kept in Beam state (per session and window) so reuse outlasts the batch.
    A frame that fails costs only itself: it is discarded as error:ocr, and the next frame is
    compared with the last frame read. (Not a RunInference: its state is per session; nor guarded by
    Beam's exception handling, which drops a whole batch's frames and supports no state.)"""

    LAST_FRAME = ReadModifyWriteStateSpec("last_frame", PickleCoder())
    EXPIRY = TimerSpec("expiry", TimeDomain.WATERMARK)

    def __init__(self, settings: OcrSettings, rules: ScreenshotRules, record_seconds: float | None = None):
        self._settings = settings
        self._rules = rules
        self._record_seconds = record_seconds
        self._handler = OcrHandler(settings, rules, record_seconds)  # the engine as RunInference loads it
        self._engine = None
        self._reused = Metrics.counter("redaction", "ocr_frames_reused")  # read against the session's last frame

    def setup(self):
        self._handler.set_environment_vars()
        self._engine = self._handler.load_model()

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
                yield pvalue.TaggedOutput(REJECTED, refused_image(record, refused.reason))
                continue
            except Exception as error:  # pylint: disable=broad-except  # what with_exception_handling catches
                yield pvalue.TaggedOutput(FAILED, failed_record(record.kind, "ocr", error))
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

    def expand(self, screenshots) -> Outcome:
        settings, seconds = self._settings, self._record_seconds
        if settings.reuse_max_sessions:
            alone, grouped = screenshots | "SplitBySession" >> beam.Partition(in_session, 2)
        else:
            alone, grouped = screenshots, None
        read = alone | "ReadWords" >> RunGuardedInference(OcrHandler(settings, self._rules, seconds), "ocr",
                                                          PreparedRecord)
        prepared, discarded = [read.passed], [read.discarded]
        if grouped is not None:
            streaming = screenshots.pipeline.options.view_as(StandardOptions).streaming
            keyed = grouped | "KeyBySession" >> beam.Map(lambda record: (session_key(record), record)).with_output_types(
                tuple[tuple[str, str], RawRecord])
            if not streaming:
                # A batch runner may fuse the stateful batching below with the steps before it, and
                # FnApiRunner runs a stage holding state on one worker: text detection, parsing and
                # everything else fused there would lose every other worker (measured: 2 workers as
                # slow as 1). A shuffle here ends that stage. Not in streaming, where a runner shuffles
                # before state anyway and the direct runner's Reshuffle may drop late elements.
                keyed = keyed | "SpreadSessions" >> beam.Reshuffle()
            sessions = (keyed
                        | "BatchPerSession" >> beam.GroupIntoBatches(
                            settings.session_batch_frames,
                            settings.session_buffer_secs if streaming else None)
                        | "ReadSessionWords" >> beam.ParDo(SessionOcrFn(settings, self._rules, seconds)).with_outputs(
                            REJECTED, FAILED, main=READ))
            prepared.append(sessions[READ])
            discarded += [sessions[REJECTED], sessions[FAILED]]
        return Outcome(tuple(prepared) | "Prepared" >> beam.Flatten(),
                       tuple(discarded) | "Discarded" >> beam.Flatten())
