"""The composite stages on real spaCy, Presidio and Tesseract, in a TestPipeline on FnApiRunner."""
from __future__ import annotations

import base64
import json
import logging

import apache_beam as beam
import pytest
from apache_beam.testing.util import BeamAssertException, assert_that, equal_to

from models.engine import Detector, shared_detector
from models.images import decode_image
from models.ocr import OcrSettings, TesseractOcr, ocr_text
from models.records import DiscardedRecord
from sample.generate import keys
from tests.conftest import KEY, carried, keystrokes, record, screenshot, transcript, write_jsonl
from transforms.audit import SummarizeAudit
from transforms.read import ReadRawRecords
from transforms.sanitize import SanitizeRecords

pytestmark = pytest.mark.slow  # whole runs on Beam's runners or Chromium: make test-fast leaves them out

FAILURE_MARKER = "TRIGGER-DETECTION-FAILURE"
PLANTED = ["Marcus Whitfield", "m.whitfield@globex-mail.com", "(415) 555-0172", "212-555-0198",
           "sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE", "priya.raman@example.org"]


class _FailsOnMarker:
    """The real analyzer, raising (with content in its message) on a marker, as a crashing recognizer would."""

    def __init__(self, real):
        self._real = real

    def __getattr__(self, name):
        return getattr(self._real, name)

    def analyze(self, text, **kwargs):
        if FAILURE_MARKER in text:
            raise RuntimeError(f"cannot analyze {text}")
        return self._real.analyze(text=text, **kwargs)


def failing_detector(settings):
    detector = shared_detector(settings)
    return Detector(_FailsOnMarker(detector.analyzer), detector.classifier)


def records_with_planted_pii() -> list[dict]:
    return [
        keystrokes("ping m.whitfield@globex-mail.com about the rollout", record_id="k-1", app="Slack"),
        transcript("Marcus Whitfield here, call me on (415) 555-0172",
                   "or ring the office line 212-555-0198 about the rollout", record_id="t-1", source="voice"),
        record("keystrokes", record_id="k-2", events=[{"t": 0, "type": "paste",
                                                       "text": "sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE"}]),
        record("keystrokes", record_id="k-3", app="Slack", events=[  # typed, then erased entirely
            *keys("mail priya.raman@example.org"), *[{"t": 5000, "key": "Backspace"}] * 28, *keys("see you at 3")]),
        record("keystrokes", record_id="k-4", app="Slack", events=[  # the @ typed with AltGr
            *keys("ping m.whitfield"), {"t": 3000, "key": "@", "mods": ["Control", "Alt"]}, *keys("globex-mail.com")]),
        screenshot(["Expense report for Marcus Whitfield", "Email: m.whitfield@globex-mail.com",
                    "Phone: (415) 555-0172"], record_id="s-1"),
        screenshot(["$ export API_KEY=sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE", "mail priya.raman@example.org"],
                   dark=True, record_id="s-2"),
    ]


def leaked(json_lines: list[str]) -> list[str]:
    """Planted strings in the JSON text, in the characters keystroke events still carry, or, for
    screenshots, in a fresh OCR of the output image."""
    engine = TesseractOcr(OcrSettings())
    found = [p for line in json_lines for p in PLANTED if p in line]
    found += [p for line in json_lines if json.loads(line)["kind"] == "keystrokes"
              for p in PLANTED if p in carried(json.loads(line))]
    for line in json_lines:
        doc = json.loads(line)
        if doc["kind"] == "screenshot":
            text = ocr_text(engine.read(decode_image(base64.b64decode(doc["image_b64"]), 10**8))).replace(" ", "")
            found += [p for p in PLANTED if p.replace(" ", "") in text]
    return found


def run_sanitize(pipeline, path, policy, analyzer_settings, load_detector=shared_detector):
    records, quarantined, line_count = pipeline | "Read" >> ReadRawRecords(str(path))
    sanitized, failed = records | "Sanitize" >> SanitizeRecords(
        policy, KEY, analyzer_settings, OcrSettings(), load_detector)
    discarded = (quarantined, failed) | "AllDiscarded" >> beam.Flatten()
    summary = (sanitized, discarded, line_count) | "Audit" >> SummarizeAudit(policy.version)
    return sanitized, discarded, summary


def test_when_every_kind_holds_planted_pii_then_none_reaches_the_sink(pipeline, tmp_path, policy,
                                                                      analyzer_settings):
    path = write_jsonl(tmp_path / "in.jsonl", records_with_planted_pii())

    def no_leaks(sanitized):
        lines = [s.json_line for s in sanitized]
        if sorted(json.loads(line)["record_id"] for line in lines) != ["k-1", "k-2", "k-3", "k-4", "s-1", "s-2", "t-1"]:
            raise BeamAssertException("not every record was sanitized")
        if leaked(lines):
            raise BeamAssertException(f"{len(leaked(lines))} planted strings leaked")

    with pipeline as p:
        sanitized, discarded, _ = run_sanitize(p, path, policy, analyzer_settings)
        assert_that(sanitized, no_leaks, label="NoPlantedPii")
        assert_that(discarded, equal_to([]), label="NothingDiscarded")


def test_when_records_are_sensitive_then_each_is_dropped_by_its_category(pipeline, tmp_path, policy,
                                                                          analyzer_settings):
    path = write_jsonl(tmp_path / "in.jsonl", [
        transcript("A1C came back at 7.9, endo wants to bump the metformin", record_id="med", app="Slack"),
        keystrokes("filing my 1040 tonight, refund should cover the trip", record_id="tax", app="TurboTax"),
        transcript("miss you! dinner at your mom's sunday?", record_id="chat", app="WhatsApp"),
        screenshot(["H1 performance review: Dana Whitaker", "Overall rating: below expectations",
                    "Recommendation: performance improvement plan"], record_id="perf", app="Lattice"),
        keystrokes("add an index on the patient_id column of the encounters table", record_id="work",
                   app="DataGrip"),
    ])

    def only_work(sanitized):
        if [json.loads(s.json_line)["record_id"] for s in sanitized] != ["work"]:
            raise BeamAssertException("a sensitive record was kept or the work record was dropped")

    with pipeline as p:
        sanitized, discarded, _ = run_sanitize(p, path, policy, analyzer_settings)
        assert_that(sanitized, only_work, label="OnlyWork")
        assert_that(discarded, equal_to([
            DiscardedRecord("transcript", "dropped:category:medical"),
            DiscardedRecord("keystrokes", "dropped:category:tax"),
            DiscardedRecord("transcript", "dropped:category:private_chat"),
            DiscardedRecord("screenshot", "dropped:category:performance"),
        ]), label="DroppedByCategory")


def test_when_lines_are_malformed_then_they_are_quarantined_and_counted(pipeline, tmp_path, policy,
                                                                        analyzer_settings):
    path = write_jsonl(tmp_path / "in.jsonl", [transcript("hello team", record_id="ok-1")], (
        b'{"record_id": "x", "kind": "transcript", "text": "Marcus Whitfield',
        b'\xff\xfeMarcus Whitfield',
        json.dumps(record("clipboard", text="Marcus Whitfield")).encode(),
        json.dumps(record("screenshot", image_b64="bm90IGFuIGltYWdl")).encode(),
    ))

    def reconciles(summaries):
        (summary,) = summaries
        expected = {"records_in": 5, "sanitized": 1, "dropped": 0, "quarantined": 4, "unaccounted": 0}
        if {k: summary[k] for k in expected} != expected or "Marcus" in json.dumps(summary):
            raise BeamAssertException("audit does not reconcile")

    with pipeline as p:
        sanitized, discarded, summary = run_sanitize(p, path, policy, analyzer_settings)
        assert_that(discarded, equal_to([
            DiscardedRecord("unknown", "quarantined:malformed_json"),
            DiscardedRecord("unknown", "quarantined:bad_encoding"),
            DiscardedRecord("unknown", "quarantined:unknown_kind"),
            DiscardedRecord("screenshot", "quarantined:image:not_png_or_jpeg"),
        ]), label="Quarantined")
        assert_that(summary, reconciles, label="Reconciles")


def test_when_detection_fails_for_a_record_then_it_is_kept_out_and_counted(pipeline, tmp_path, policy,
                                                                           analyzer_settings, caplog):
    path = write_jsonl(tmp_path / "in.jsonl", [
        transcript(f"{FAILURE_MARKER} Marcus Whitfield 536-22-4187", record_id="bad"),
        transcript("the deploy is green", record_id="good"),
    ])

    def only_good(sanitized):
        if [json.loads(s.json_line)["record_id"] for s in sanitized] != ["good"]:
            raise BeamAssertException("a failed record reached the sink")

    with caplog.at_level(logging.DEBUG), pipeline as p:
        sanitized, discarded, _ = run_sanitize(p, path, policy, analyzer_settings, failing_detector)
        assert_that(sanitized, only_good, label="OnlyGood")
        assert_that(discarded, equal_to([DiscardedRecord("transcript", "error:detect", "RuntimeError")]),
                    label="Failed")
    assert "Marcus" not in caplog.text and "536-22-4187" not in caplog.text


def test_when_input_is_gzip_jsonl_then_it_is_read_like_plain(pipeline, tmp_path):
    import gzip
    path = tmp_path / "day.jsonl.gz"
    with gzip.open(path, "wb") as stream:
        stream.write(json.dumps(transcript("hello", record_id="gz-1")).encode() + b"\n{broken\n")
    with pipeline as p:
        records, discarded, line_count = p | "Read" >> ReadRawRecords(str(tmp_path / "*.jsonl.gz"))
        assert_that(records | "Ids" >> beam.Map(lambda r: r.record_id), equal_to(["gz-1"]), label="Records")
        assert_that(discarded, equal_to([DiscardedRecord("unknown", "quarantined:malformed_json")]), label="Bad")
        assert_that(line_count, equal_to([2]), label="Lines")


DETECTORS_LOADED = []


def counting_detector(settings):
    DETECTORS_LOADED.append(settings)
    return shared_detector(settings)


def test_text_records_and_screenshots_are_detected_by_one_detector_per_worker(pipeline, tmp_path, policy,
                                                                              analyzer_settings):
    DETECTORS_LOADED.clear()
    path = write_jsonl(tmp_path / "in.jsonl", [transcript("the deploy is green", record_id="t"),
                                               screenshot(["Deploy dashboard", "all checks green"], record_id="s")])
    with pipeline as p:
        sanitized, _, _ = run_sanitize(p, path, policy, analyzer_settings, counting_detector)
        assert_that(sanitized | beam.Map(lambda s: json.loads(s.json_line)["record_id"]), equal_to(["t", "s"]))
    assert len(DETECTORS_LOADED) == 1
