"""RunOcr groups a session's frames by key, reads them in capture order against the session's last
frame kept in Beam state (across batches, per window, with several workers), and fails closed per frame."""
from __future__ import annotations

import base64
import io
import random

import apache_beam as beam
import pytest
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.portability.api import beam_runner_api_pb2
from apache_beam.testing import test_pipeline, test_stream
from apache_beam.testing.util import assert_that, equal_to
from apache_beam.transforms.window import FixedWindows, TimestampedValue
from PIL import Image, ImageDraw, ImageFont

from models.engine import AnalyzerSettings
from models.ocr import OcrSettings, ocr_text
from models.records import DiscardedRecord, RawRecord
from models.session_ocr import capture_order
from pipeline.graph import RunSettings, StreamSettings, build_pipeline
from tests.conftest import KEY
from transforms.dead_letters import FAILED
from transforms.ocr import REJECTED, RunOcr, SessionOcrFn

pytestmark = pytest.mark.slow  # whole runs on Beam's runners or Chromium: make test-fast leaves them out

TWO_WORKERS = ["--runner=FnApiRunner", "--direct_num_workers=2", "--direct_running_mode=multi_processing"]
LINES = {"a": ["Sprint board PLAT-1423 in review", "Deploy window opens Monday", "Retro notes are shared",
               "Standup moved to ten", "Budget review on Friday"],
         "b": ["Invoice 2231 approved", "Vendor contract renewed", "Quarterly forecast sent",
               "Roadmap draft attached", "Canary rollback finished"]}


def frame_png(session: str, index: int) -> bytes:
    """Frame `index` of a chat-like screen: one more line than the frame before, and a clock."""
    image = Image.new("RGB", (760, 260), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=18)
    draw.text((680, 8), f"10:{index:02d}", fill=(0, 0, 0), font=font)
    for row, line in enumerate(LINES[session][:index + 1]):
        draw.text((30, 40 + 40 * row), line, fill=(20, 20, 20), font=font)
    png = io.BytesIO()
    image.save(png, format="PNG")
    return png.getvalue()


def frame_record(session: str | None, index: int, user: str = "emp-0001", image_b64: str | None = None) -> RawRecord:
    b64 = image_b64 or base64.b64encode(frame_png(session or "a", index)).decode("ascii")
    return RawRecord(record_id=f"{session}-{index}", kind="screenshot", user_id=user,
                     ts=f"2026-06-09T09:00:{index:02d}Z", session_id=session, image_b64=b64)


def full_read_words(ocr, record: RawRecord) -> list[str]:
    image = Image.open(io.BytesIO(base64.b64decode(record.image_b64)))
    return sorted(ocr_text(ocr.read(image)).split())


def reused_frames(result) -> int:
    counters = result.metrics().query(MetricsFilter().with_name("ocr_frames_reused"))["counters"]
    return sum(counter.committed for counter in counters)


def test_frames_sort_by_capture_time_whatever_their_offset():
    stamps = ["2026-06-09t11:00:00z", "2026-06-09T12:30:00+02:00", "2026-06-09T10:59:59.5Z"]
    assert capture_order(stamps, lambda ts: ts) == [stamps[1], stamps[2], stamps[0]]


@pytest.mark.parametrize("batch_frames", [2, 16])
def test_when_sessions_arrive_shuffled_on_two_workers_then_each_frame_reuses_its_own_session_and_reads_as_in_full(
        ocr, policy, batch_frames):
    records = [frame_record(session, i) for session in ("a", "b") for i in range(5)] + [frame_record(None, 2)]
    random.Random(7).shuffle(records)
    expected = [(record.record_id, full_read_words(ocr, record)) for record in records]
    settings = OcrSettings(session_batch_frames=batch_frames)
    pipeline = test_pipeline.TestPipeline(options=PipelineOptions(TWO_WORKERS))
    read, discarded = pipeline | beam.Create(records) | RunOcr(settings, policy.screenshots)
    assert_that(read | beam.Map(lambda prepared: (prepared.record.record_id,
                                                  sorted(ocr_text(prepared.ocr_words).split()))),
                equal_to(expected), label="Words")
    assert_that(discarded, equal_to([]), label="Discarded")
    result = pipeline.run()
    result.wait_until_finish()
    # Each session is read in full once, whatever batches it came in; every later frame reuses it.
    assert reused_frames(result) == 8


def test_when_frames_fall_in_two_windows_then_each_window_starts_its_session_afresh(ocr, policy):
    records = [frame_record("a", i) for i in range(4)]
    pipeline = test_pipeline.TestPipeline(runner="FnApiRunner")
    read, _ = (pipeline | beam.Create(list(enumerate(records)))
               | beam.MapTuple(lambda i, record: TimestampedValue(record, 30 * i))  # windows [0, 60), [60, 120)
               | beam.WindowInto(FixedWindows(60))
               | RunOcr(OcrSettings(), policy.screenshots))
    assert_that(read | beam.Map(lambda prepared: prepared.record.record_id), equal_to([r.record_id for r in records]))
    result = pipeline.run()
    result.wait_until_finish()
    assert reused_frames(result) == 2


def test_when_reuse_is_off_then_no_frame_is_grouped_or_reused(ocr, policy):
    records = [frame_record("a", i) for i in range(3)]
    pipeline = test_pipeline.TestPipeline(runner="FnApiRunner")
    read, _ = pipeline | beam.Create(records) | RunOcr(OcrSettings(reuse_max_sessions=0), policy.screenshots)
    assert_that(read | beam.Map(lambda prepared: prepared.record.record_id), equal_to([r.record_id for r in records]))
    result = pipeline.run()
    result.wait_until_finish()
    assert reused_frames(result) == 0
    labels = {t.unique_name for t in pipeline.to_runner_api().components.transforms.values()}
    assert not any("BatchPerSession" in label for label in labels)


class State:
    """The part of Beam's state and timer API the DoFn uses, held in memory."""

    def __init__(self):
        self.value, self.timer = None, None

    def read(self):
        return self.value

    def write(self, value):
        self.value = value

    def set(self, timestamp):
        self.timer = timestamp


class FailingOn:
    """A real engine that fails on frames of one width, as Tesseract failing on one frame would."""

    def __init__(self, engine, width: int):
        self.engine, self.width = engine, width

    def read(self, image, upscale=None, normalised=False):
        if image.width == self.width and not normalised:
            raise RuntimeError("simulated engine failure")
        return self.engine.read(image, upscale=upscale, normalised=normalised)

    def upscales(self, image):
        return self.engine.upscales(image)

    def normalise(self, image):
        return self.engine.normalise(image)


def test_when_one_frame_of_a_batch_fails_then_only_it_is_discarded_and_the_next_reuses_the_last_good_one(ocr, policy):
    odd = Image.open(io.BytesIO(frame_png("a", 2))).resize((700, 240))
    png = io.BytesIO()
    odd.save(png, format="PNG")
    records = [frame_record("a", 0), frame_record("a", 1, image_b64="bm90IGFuIGltYWdl"),
               frame_record("a", 2, image_b64=base64.b64encode(png.getvalue()).decode("ascii")),
               frame_record("a", 3)]
    fn = SessionOcrFn(OcrSettings(), policy.screenshots)
    fn.setup()
    fn._engine = FailingOn(fn._engine, 700)
    state = State()
    outputs = list(fn.process((("emp-0001", "a"), list(reversed(records))), window=beam.window.GlobalWindow(),
                              last_frame=state, expiry=state))
    tags = [(getattr(out, "tag", None), getattr(out, "value", out)) for out in outputs]
    assert [tag for tag, _ in tags] == [None, REJECTED, FAILED, None]
    assert tags[1][1] == DiscardedRecord("screenshot", "quarantined:image:not_png_or_jpeg")
    assert tags[2][1] == DiscardedRecord("screenshot", "error:ocr", error_type="RuntimeError")
    assert sorted(ocr_text(tags[3][1].ocr_words).split()) == full_read_words(ocr, records[3])
    assert state.value.words == tags[3][1].ocr_words and state.timer is not None


def test_when_streaming_then_windowed_frames_are_batched_per_session_with_a_buffering_bound(ocr, policy):
    records = [frame_record("a", i) for i in range(3)]
    stream = (test_stream.TestStream().add_elements([TimestampedValue(record, 10 + i) for i, record in enumerate(records)])
              .advance_watermark_to(120).advance_watermark_to_infinity())
    options = PipelineOptions(["--runner=BundleBasedDirectRunner", "--streaming"])
    pipeline = test_pipeline.TestPipeline(options=options)
    read, _ = pipeline | stream | beam.WindowInto(FixedWindows(60)) | RunOcr(OcrSettings(), policy.screenshots)
    assert_that(read | beam.Map(lambda prepared: (prepared.record.record_id,
                                                  sorted(ocr_text(prepared.ocr_words).split()))),
                equal_to([(record.record_id, full_read_words(ocr, record)) for record in records]))
    batching = next(t for t in pipeline.to_runner_api().components.transforms.values()
                    if t.unique_name.endswith("BatchPerSession"))
    assert beam_runner_api_pb2.GroupIntoBatchesPayload.FromString(batching.spec.payload).max_buffering_duration_millis == 10_000
    pipeline.run().wait_until_finish()


@pytest.mark.parametrize("runner_args", [
    ["--runner=DataflowRunner", "--project=example-project", "--region=europe-west1",
     "--temp_location=gs://example-bucket/tmp", "--streaming"],
    ["--runner=FlinkRunner", "--flink_master=flink-jobmanager:8081", "--environment_type=EXTERNAL",
     "--environment_config=localhost:50000", "--streaming"],
])
def test_when_the_graph_is_built_for_a_production_runner_then_session_frames_are_batched_by_key_before_ocr(
        runner_args, policy, tmp_path):
    settings = RunSettings(str(tmp_path / "landing" / "*.jsonl"), str(tmp_path), policy, KEY, AnalyzerSettings(),
                           OcrSettings(), stream=StreamSettings(run_id="run-1"))
    proto = build_pipeline(PipelineOptions(runner_args), settings).to_runner_api()
    labels = {t.unique_name: t for t in proto.components.transforms.values()}
    batching = labels["SanitizeRecords/RunOcr/BatchPerSession"]
    payload = beam_runner_api_pb2.GroupIntoBatchesPayload.FromString(batching.spec.payload)
    assert payload.batch_size == OcrSettings.session_batch_frames and payload.max_buffering_duration_millis > 0
    assert "SanitizeRecords/RunOcr/ReadSessionWords" in labels and "SanitizeRecords/RunOcr/ReadWords" in labels
