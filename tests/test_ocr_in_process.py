"""Tesseract in process through its C API (models/tess_api.py) against the `tesseract` command."""
from __future__ import annotations

import threading
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


@pytest.mark.parametrize("config", ["--psm 11 --user-words words.txt", "--psm eleven", "-c no_value", "-l eng",
                                    "--psm 99", "--oem 7", "-c debug_file=/dev/stderr", "-c tessedit_pageseg_mode=6",
                                    "--psm 11 -c tessedit_ocr_engine_mode=0"])
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


class FakeLibrary:
    """libtesseract's functions as recorders: Recognize succeeds and GetTsvText returns a null pointer."""

    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        def call(*args):
            self.calls.append((name, args))
            return {"TessBaseAPICreate": 1, "TessMonitorCreate": 2}.get(name, None if name.startswith("TessBaseAPIGet") else 0)
        return call


def fake_engine(monkeypatch, variables=()):
    from models import tess_api
    library = FakeLibrary()
    monkeypatch.setattr(tess_api, "_library", lambda: library)
    monkeypatch.setattr(tess_api.atexit, "register", lambda function: None)
    return tess_api.Engine("Latin", 3, variables), library


def test_when_a_config_sets_variables_then_they_are_given_at_init_as_the_command_gives_them(monkeypatch):
    # load_system_dawg and the like take effect only at Init; after it they are accepted and ignored
    _, library = fake_engine(monkeypatch, (("load_system_dawg", "0"), ("load_freq_dawg", "0")))
    (name, args), = [call for call in library.calls if call[0].startswith("TessBaseAPIInit")]
    assert name == "TessBaseAPIInit4"
    count = args[8]
    assert [args[6][index] for index in range(count)] == [b"debug_file", b"load_system_dawg", b"load_freq_dawg"]
    assert [args[7][index] for index in range(count)][1:] == [b"0", b"0"]
    assert not [call for call in library.calls if call[0] == "TessBaseAPISetVariable"]


def test_when_tesseract_returns_no_word_table_then_the_read_fails(monkeypatch):
    from models.tess_api import ReadFailed
    engine_, library = fake_engine(monkeypatch)
    with pytest.raises(ReadFailed):
        engine_.table(Image.new("L", (40, 20), 255), {"psm": 11, "variables": ()}, 5.0)
    assert [call[0] for call in library.calls].count("TessMonitorDelete") == 1


def test_when_a_process_forks_while_the_engine_cache_is_locked_then_the_child_still_loads_its_engine(monkeypatch):
    import os

    from models import tess_api
    fake_engine(monkeypatch)
    with tess_api._engines_lock:  # another thread loading an engine at the fork
        child = os.fork()
        if child == 0:
            code = 1
            try:
                done = threading.Event()
                threading.Thread(target=lambda: (tess_api.engine("Latin", 3), done.set()), daemon=True).start()
                code = 0 if done.wait(10) else 2
            finally:
                os._exit(code)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
