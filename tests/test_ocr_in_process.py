"""Tesseract in process through its C API (models/tess_api.py) against the `tesseract` command."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from PIL import Image

from models.images import decode_image
from models.ocr import OcrFailed, OcrSettings, TesseractOcr, ocr_text, word_table
from models.tess_api import engine, engine_flags
from sample.generate import screen


@pytest.mark.parametrize("config, flags", [
    ("--psm 11", {"psm": 11, "variables": ()}),
    ("--psm 6 --oem 1 --dpi 144 -c preserve_interword_spaces=1",
     {"psm": 6, "oem": 1, "dpi": 144, "variables": (("preserve_interword_spaces", "1"),)}),
])
def test_when_the_config_holds_page_engine_dpi_or_variable_flags_then_the_engine_takes_them(config, flags):
    assert engine_flags(config) == flags


@pytest.mark.parametrize("config", ["--psm 11 --user-words words.txt", "--psm eleven", "-c no_value", "-l eng"])
def test_when_the_config_holds_any_other_flag_then_the_command_reads_instead(config):
    assert engine_flags(config) is None


def frame(dark: bool) -> Image.Image:
    lines = ["Quarterly planning notes from Łukasz Wróbel", "deploy 2291 ok, reviewed by jane.doe@example.com"]
    return decode_image(screen(lines, dark=dark, size=(900, 160), font_px=18), 10**7)


@pytest.mark.parametrize("dark", [False, True])
def test_when_a_frame_is_read_in_process_then_it_reads_as_the_command_does(dark):
    image = frame(dark)
    in_process = TesseractOcr(OcrSettings()).read(image)
    assert in_process == TesseractOcr(replace(OcrSettings(), in_process=False)).read(image)
    assert "Quarterly planning notes" in ocr_text(in_process)
    gray = image.convert("L")
    assert word_table(gray, OcrSettings()) == word_table(gray, replace(OcrSettings(), in_process=False))


def test_when_frames_are_read_from_several_threads_then_each_reads_as_alone():
    images = [frame(dark) for dark in (False, True, False, True)]
    ocr = TesseractOcr(OcrSettings())
    alone = [ocr.read(image) for image in images]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(ocr.read, images)) == alone
    assert engine("Latin", 3) is engine("Latin", 3)  # loaded once in this process


def test_when_a_read_overruns_its_deadline_then_it_fails_as_a_timeout_holding_no_content():
    lines = [f"Marcus Whitfield deploy notes line {row} for the quarterly review" for row in range(40)]
    image = decode_image(screen(lines, dark=False, size=(1800, 1600), font_px=18), 10**8).convert("L")
    with pytest.raises(OcrFailed) as error:
        word_table(image, OcrSettings(timeout_secs=0.001))
    assert str(error.value) == "timeout"


def test_when_a_config_sets_a_variable_then_only_reads_with_that_config_take_it():
    image = decode_image(screen(["Deploy 2291 ok"], dark=False, size=(700, 120), font_px=22), 10**7).convert("L")
    digits = word_table(image, OcrSettings(config="--psm 11 -c tessedit_char_whitelist=0123456789"))
    assert [t.strip() for t in digits["text"] if t.strip()] == ["2291"]
    assert [t.strip() for t in word_table(image, OcrSettings())["text"] if t.strip()] == ["Deploy", "2291", "ok"]
