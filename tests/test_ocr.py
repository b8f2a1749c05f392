"""Tesseract (real) reads drawn screens, light and dark, writing no file; word offsets match the OCR text;
RunOcr reads only the image files the run allows."""
from __future__ import annotations

import base64
import gzip
import io
import json
import os
import subprocess
import tempfile

import apache_beam as beam
import numpy as np
import pytesseract
import pytest
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.testing.util import assert_that, equal_to
from PIL import Image, ImageDraw, ImageFont

from models.detection import detect
from models.engine import fitted_to_policy, shared_detector
from models.image_source import UnreadableImage, image_roots
from models.images import FILL, decode_image
from models.ocr import (
    OcrFailed,
    OcrSettings,
    OcrUnavailable,
    TesseractOcr,
    check_tesseract,
    ink_box,
    installed_languages,
    joined_text,
    ocr_text,
    text_lines,
    word_table,
    words_from_data,
)
from models.parse import parse_line
from models.records import DiscardedRecord, OcrWord, PreparedRecord
from models.redaction import sanitize
from models.text_views import text_fields
from pipeline.options import RedactionOptions
from pipeline.run import check_settings
from sample.generate import screen
from tests.conftest import KEY, TS, categories_kept
from tests.rendered_screens import render_screen
from transforms.images import open_on_beam_filesystem
from transforms.ocr import RunOcr


def test_when_screen_is_light_or_dark_then_words_and_boxes_are_read(ocr):
    for dark in (False, True):
        image = decode_image(screen(["Quarterly planning notes", "Deploy window opens Monday"], dark=dark,
                                    size=(900, 200), font_px=22), 10**7)
        words = ocr.read(image)
        text = ocr_text(words)
        assert "Quarterly planning notes" in text and "Deploy window opens Monday" in text
        assert all(0 <= w.left < 900 and 0 <= w.top < 200 and w.width > 0 for w in words)


def test_when_words_span_lines_then_offsets_index_the_joined_text():
    data = {"text": ["From:", "Jane", "", "Subject:"], "conf": [90, 91, -1, 88],
            "block_num": [1, 1, 1, 1], "par_num": [1, 1, 1, 1], "line_num": [1, 1, 1, 2],
            "left": [0, 50, 0, 0], "top": [0, 0, 0, 30], "width": [40, 40, 0, 60], "height": [20, 20, 0, 20]}
    words = words_from_data(data, min_confidence=0)
    text = ocr_text(words)
    assert text == "From: Jane\nSubject:"
    assert all(text[w.start:w.start + len(w.text)] == w.text for w in words)


def test_when_language_data_is_missing_then_the_check_names_the_package():
    check_tesseract(OcrSettings())
    with pytest.raises(OcrUnavailable, match="tesseract-ocr-klingon"):
        check_tesseract(OcrSettings(language="klingon"))


@pytest.mark.parametrize("error, message", [(FileNotFoundError("tesseract"), "not installed"),
                                            (subprocess.TimeoutExpired("tesseract", 30), "did not answer")])
def test_when_tesseract_is_missing_or_hangs_then_the_check_says_so(monkeypatch, error, message):
    def fail(*args, **kwargs):
        raise error
    monkeypatch.setattr(subprocess, "run", fail)
    with pytest.raises(OcrUnavailable, match=message):
        check_tesseract(OcrSettings())


def test_when_script_data_is_installed_then_the_check_finds_it():
    assert "Latin" in installed_languages()  # pytesseract's own list leaves capitalised script names out
    check_tesseract(OcrSettings(language="eng+Latin"))


def test_when_a_word_is_hyphenated_across_lines_then_the_joined_text_reads_it_whole():
    words = (OcrWord("mail", 0, 0, 40, 10, 0, 0), OcrWord("jane.doe@exam-", 50, 0, 90, 10, 5, 0),
             OcrWord("ple.com", 0, 20, 60, 10, 20, 1), OcrWord("today", 70, 20, 40, 10, 28, 1))
    text, owners = joined_text(words)
    assert text == "mail jane.doe@example.com today"
    start = text.index("jane")
    assert {owners[i] for i in range(start, start + len("jane.doe@example.com"))} == {1, 2}


def assert_covered(png: bytes, boxes: dict, ocr, analyzer_settings, policy) -> None:
    """The screen through the real OCR, detection and redaction: every box is under opaque fill."""
    record = parse_line(json.dumps({"record_id": "s", "kind": "screenshot", "user_id": "u", "ts": TS,
                                    "image_b64": base64.b64encode(png).decode()}).encode(), "in.jsonl")
    words = ocr.read(decode_image(png, 10**8))
    keep = categories_kept(policy)
    finding = detect(shared_detector(analyzer_settings), PreparedRecord(record, text_fields(record, words), png, words),
                     fitted_to_policy(analyzer_settings, keep))
    out = json.loads(sanitize(finding, keep, KEY).json_line)
    pixels = np.asarray(Image.open(io.BytesIO(base64.b64decode(out["image_b64"]))).convert("RGB"))
    for x0, y0, x1, y1 in boxes.values():
        assert (pixels[int(y0):int(y1), int(x0):int(x1)] == FILL).all(axis=2).mean() == 1.0


def test_when_an_email_is_hyphenated_on_screen_then_both_halves_are_covered(ocr, analyzer_settings, policy):
    png, boxes = render_screen(["please mail jane.doe@exam-", "ple.com before noon"], ["jane.doe@exam-", "ple.com"],
                               dark=False, scale=1, font_px=18)
    assert_covered(png, boxes, ocr, analyzer_settings, policy)


def test_when_an_address_wraps_after_the_at_sign_then_the_joined_text_reads_it_whole():
    words = (OcrWord("mail", 0, 0, 40, 10, 0, 0), OcrWord("jane.doe@", 50, 0, 90, 10, 5, 0),
             OcrWord("example.com", 0, 20, 60, 10, 15, 1))
    assert joined_text(words)[0] == "mail jane.doe@example.com"


def _line(*pieces: tuple[str, int, int]) -> tuple[OcrWord, ...]:
    """Words of one line from (text, left, width), 20 px tall, offsets as ocr_text gives them."""
    words, start = [], 0
    for text, left, width in pieces:
        words.append(OcrWord(text, left, 0, width, 20, start, 0))
        start += len(text) + 1
    return tuple(words)


@pytest.mark.parametrize("pieces, joined", [
    ((("<jane_teran@holmes.", 0, 180), ("com>", 183, 40)), "<jane_teran@holmes.com>"),  # split after a dot
    ((("jane_", 0, 50), ("teran@jane-dev:~$", 56, 150)), "jane_teran@jane-dev:~$"),  # after an underscore
    ((("DATABASE", 0, 80), ("URL=postgres://db", 81, 160)), "DATABASEURL=postgres://db"),  # touching
    ((("xoxb-1604", 0, 90), ("5819159", 60, 70)), "xoxb-16045819159"),  # overlapping reads of one token
    ((("min8@mins", 0, 90), ("-MacBook-Pro:~$", 97, 130)), "min8@mins-MacBook-Pro:~$"),  # before a hyphen
    ((("xoxb-", 0, 50), ("1604581", 57, 70)), "xoxb-1604581"),  # after one
])
def test_when_ocr_splits_one_token_on_a_line_then_the_joined_text_reads_it_whole(pieces, joined):
    words = _line(*pieces)
    text, owners = joined_text(words)
    assert text == joined
    assert set(owners) == set(range(len(words)))


@pytest.mark.parametrize("pieces", [
    (("Hello.", 0, 50), ("World", 56, 50)),  # a sentence's end before a capital, proportional space
    (("Customer:", 0, 80), ("Jane", 86, 40)),  # a label and its value
    (("git", 0, 30), ("log", 45, 30)),  # monospace words
    (("jane_teran@host", 0, 150), ("docs", 165, 40)),  # a connector away from the split
    (("see", 0, 30), ("@jane", 40, 50)),  # a mention a space away
    (("Comment", 0, 70), ("-", 75, 8), ("Lisa", 88, 40)),  # a dash between words
])
def test_when_words_of_a_line_are_a_space_apart_then_the_joined_text_keeps_them_apart(pieces):
    words = _line(*pieces)
    assert joined_text(words)[0] == " ".join(w.text for w in words)


def test_when_a_terminal_shows_a_login_then_every_place_its_user_recurs_is_covered(ocr, analyzer_settings, policy):
    lines = ["mdc_teran@mdc-laptop:~/src$ ls", "build 2291 started by mdc_teran ok"]  # the last "mdc_teran" is boxed
    png, boxes = render_screen(lines, ["mdc_teran@mdc-laptop", "mdc_teran"], dark=True, scale=1, font_px=18)
    assert_covered(png, boxes, ocr, analyzer_settings, policy)


def test_when_ocr_reads_a_screen_then_no_file_is_written_for_it(tmp_path, monkeypatch):
    # pytesseract wrote the screen and its words to TMPDIR (0644, left behind by a killed worker):
    # with no temp directory to write to, the read must still work, and nothing may appear anywhere.
    missing, cwd = tmp_path / "no-tmp", tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.setenv("TMPDIR", str(missing))
    monkeypatch.setattr(tempfile, "tempdir", str(missing))
    monkeypatch.chdir(cwd)
    image = decode_image(screen(["Quarterly planning notes"], dark=False, size=(700, 120), font_px=22), 10**7)
    assert "Quarterly planning notes" in ocr_text(TesseractOcr(OcrSettings()).read(image))
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["cwd"]


@pytest.mark.parametrize("script, timeout, reason", [
    ("echo 'Marcus Whitfield' >&2; echo 'Marcus Whitfield'; exit 1", 60.0, "tesseract exit status 1"),
    ("exec sleep 60", 0.5, "timeout"),
])
def test_when_tesseract_fails_or_overruns_then_the_error_holds_none_of_its_output(tmp_path, monkeypatch, script,
                                                                                   timeout, reason):
    fake = tmp_path / "tesseract"
    fake.write_text(f"#!/bin/sh\ncat >/dev/null\n{script}\n")
    fake.chmod(0o700)
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(fake))
    with pytest.raises(OcrFailed) as error:
        word_table(Image.new("L", (40, 20), 255), OcrSettings(timeout_secs=timeout, in_process=False))
    assert str(error.value) == reason


@pytest.fixture
def image_tree(tmp_path, policy):
    """An input directory whose records name image files: one readable screen, a FIFO, a 1 x 4,000,000
    strip, a sparse file over the size limit, and a file beside the tree (another capture)."""
    inputs = tmp_path / "in"
    (inputs / "screens").mkdir(parents=True)
    (inputs / "screens" / "ok.png").write_bytes(screen(["Deploy window opens Monday"], dark=False,
                                                       size=(700, 120), font_px=22))
    os.mkfifo(inputs / "screens" / "pipe.png")
    strip = io.BytesIO()
    Image.new("L", (1, 4_000_000), 255).save(strip, format="PNG")
    (inputs / "screens" / "strip.png").write_bytes(strip.getvalue())
    with open(inputs / "screens" / "huge.png", "wb") as huge:
        huge.truncate(policy.screenshots.max_image_bytes + 1)
    (tmp_path / "other-capture.png").write_bytes(screen(["Other user"], dark=False, size=(300, 80)))
    return inputs


def test_when_records_name_image_files_then_only_regular_files_under_the_roots_within_limits_are_read(
        pipeline, image_tree, policy):
    uris = {"ok": "screens/ok.png", "escape": "../other-capture.png", "system": "/etc/hostname",
            "fifo": "screens/pipe.png", "strip": "screens/strip.png", "huge": "screens/huge.png"}
    records = [parse_line(json.dumps({"record_id": rid, "kind": "screenshot", "user_id": "u", "ts": TS,
                                      "image_uri": uri}).encode(), str(image_tree / "records.jsonl"))
               for rid, uri in uris.items()]
    settings = OcrSettings(image_roots=image_roots(None, str(image_tree / "*.jsonl")))
    with pipeline as p:
        read, discarded = p | beam.Create(records) | RunOcr(settings, policy.screenshots)
        assert_that(read | beam.Map(lambda prepared: prepared.record.record_id), equal_to(["ok"]), label="Read")
        assert_that(discarded, equal_to([DiscardedRecord("screenshot", f"quarantined:image:{reason}") for reason in (
            "outside_image_roots", "outside_image_roots", "not_a_regular_file", "bad_dimensions", "too_large")]),
            label="Quarantined")


def test_when_an_image_is_opened_on_a_beam_filesystem_then_it_is_read_as_stored_and_only_by_its_own_name(tmp_path):
    stored = gzip.compress(b"PNG-BYTES")
    (tmp_path / "a.png.gz").write_bytes(stored)
    stream, size = open_on_beam_filesystem(str(tmp_path / "a.png.gz"))
    with stream:
        assert stream.read() == stored and size == len(stored)  # never decompressed by its name
    for uri in (tmp_path / "missing.png", tmp_path / "*.png.gz"):  # a pattern is not a file name
        with pytest.raises(UnreadableImage) as error:
            open_on_beam_filesystem(str(uri))
        assert error.value.reason == "image_uri_unreadable"


@pytest.mark.parametrize("extra, roots", [
    ([], lambda tmp: (str(tmp / "in"),)),
    (["--image_roots", "gs://shots/a,gs://shots/b"], lambda tmp: ("gs://shots/a", "gs://shots/b")),
])
def test_when_the_command_is_checked_then_the_image_roots_travel_in_the_ocr_settings(tmp_path, extra, roots):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "records.jsonl").write_text("")
    argv = ["--input", str(tmp_path / "in" / "*.jsonl"), "--output", str(tmp_path / "out"), *extra]
    options = PipelineOptions(argv).view_as(RedactionOptions)
    settings, _ = check_settings(options, {"REDACT_PSEUDONYM_KEY": KEY.decode()}, local=False)
    assert settings.ocr.image_roots == roots(tmp_path)


def test_when_words_lie_on_one_visual_line_then_close_ones_form_a_field_and_far_ones_another():
    # Tesseract put the two halves of a name on lines of their own; a time sits far to the right.
    words = [OcrWord("Garba", 62, 11, 40, 14, 0, 1), OcrWord("Ahmad", 10, 10, 48, 16, 0, 0),
             OcrWord("09:12", 400, 10, 36, 15, 0, 2), OcrWord("Subject", 10, 40, 60, 15, 0, 3)]
    laid = text_lines(words)
    text = ocr_text(laid)
    assert text == "Ahmad Garba\n09:12\nSubject"
    assert all(text[w.start:w.start + len(w.text)] == w.text for w in laid)


def test_when_a_bold_first_name_and_a_regular_last_name_are_read_then_the_whole_name_is_one_span_and_covered(
        ocr, analyzer_settings, policy):
    image = Image.new("RGB", (900, 120), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    bold = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 16)
    regular = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 14)
    draw.text((20, 40), "Marcus", fill=(20, 20, 20), font=bold)
    draw.text((20 + draw.textlength("Marcus ", font=bold), 42), "Whitfield", fill=(90, 90, 200), font=regular)
    draw.text((700, 42), "09:14", fill=(120, 120, 120), font=regular)
    png = io.BytesIO()
    image.save(png, format="PNG")
    png = png.getvalue()
    words = ocr.read(decode_image(png, 10**7))
    assert "Marcus Whitfield" in ocr_text(words).splitlines()
    record = parse_line(json.dumps({"record_id": "s", "kind": "screenshot", "user_id": "u", "ts": TS,
                                    "image_b64": base64.b64encode(png).decode()}).encode(), "in.jsonl")
    keep = categories_kept(policy)
    finding = detect(shared_detector(analyzer_settings), PreparedRecord(record, text_fields(record, words), png, words),
                     fitted_to_policy(analyzer_settings, keep))
    out = json.loads(sanitize(finding, keep, KEY).json_line)
    pixels = np.asarray(Image.open(io.BytesIO(base64.b64decode(out["image_b64"]))).convert("RGB"))
    for word in words:
        if word.text in ("Marcus", "Whitfield"):
            box = pixels[word.top:word.top + word.height, word.left:word.left + word.width]
            assert (box == FILL).all(axis=2).mean() == 1.0


def test_tesseract_runs_single_threaded_unless_the_operator_says_otherwise(monkeypatch):
    from models.ocr import _tesseract_env
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    assert _tesseract_env()["OMP_THREAD_LIMIT"] == "1" and "OMP_THREAD_LIMIT" not in os.environ
    monkeypatch.setenv("OMP_THREAD_LIMIT", "2")
    assert _tesseract_env()["OMP_THREAD_LIMIT"] == "2"


def test_when_ink_lies_in_one_part_of_a_frame_then_the_box_holds_it_and_a_margin_within_the_frame():
    pixels = np.full((100, 200), 255, dtype=np.uint8)
    pixels[40:50, 120:150] = 30
    pixels[45, 190] = 200  # faint ink counts too
    assert ink_box(Image.fromarray(pixels), 250, 8) == (112, 32, 199, 58)
    assert ink_box(Image.fromarray(pixels), 250, 50) == (70, 0, 200, 100)  # clipped to the frame


def test_when_a_frame_holds_no_ink_then_there_is_no_box_and_nothing_is_read(ocr, monkeypatch):
    blank = Image.fromarray(np.full((60, 80), 252, dtype=np.uint8))
    assert ink_box(blank, 250, 8) is None

    def no_read(*args, **kwargs):
        raise AssertionError("a blank frame needs no Tesseract read")
    monkeypatch.setattr("models.ocr.word_table", no_read)
    assert ocr.read(Image.new("RGB", (80, 60), (255, 255, 255))) == ()


def test_when_text_fills_part_of_a_rendered_screen_then_its_ink_box_read_gives_the_whole_frames_words(ocr):
    # A 1x mail list in the lower right of a wide frame, light panel beside a dark one: the read of the
    # ink box must give the words, boxes and lines the read of the whole frame gives.
    image = Image.new("RGB", (1400, 800), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 13)
    draw.rectangle((700, 300, 1400, 800), fill=(32, 34, 40))
    for row, line in enumerate(["Marta Kowalczyk  Quarterly budget review", "Jonas Lindqvist  Re: staging rollback",
                                "jonas.lindqvist@example.org  09:41"]):
        draw.text((420, 360 + 40 * row), line, fill=(30, 30, 30), font=font)
        draw.text((760, 360 + 40 * row), line, fill=(220, 220, 220), font=font)
    whole = TesseractOcr(OcrSettings(ink_margin_px=10**6))  # a margin this wide keeps the whole frame
    cropped = ocr.read(image)
    assert ink_box(ocr.normalise(image), 250, 16) != (0, 0, 1400, 800)
    assert cropped == whole.read(image)
    assert "Marta Kowalczyk" in ocr_text(cropped) and "@example.org 09:41" in ocr_text(cropped)


def test_when_a_frame_holds_only_text_a_shade_off_white_then_it_is_still_read(ocr):
    # Text drawn at 251 on white is read on the whole frame: the ink box must not call such a frame blank.
    image = Image.new("RGB", (700, 300), (255, 255, 255))
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 16)
    ImageDraw.Draw(image).text((380, 240), "Marta Kowalczyk 415 555 0199", fill=(251, 251, 251), font=font)
    assert "Kowalczyk" in ocr_text(ocr.read(image))


def test_when_the_ink_settings_are_out_of_range_then_they_are_refused():
    for bad in ({"ink_level": 0}, {"ink_level": 300}, {"ink_margin_px": -1}):
        with pytest.raises(ValueError):
            OcrSettings(**bad)
