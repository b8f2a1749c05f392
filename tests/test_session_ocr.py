"""Session OCR reuse: unchanged tiles keep the previous frame's words, changed ones are read again."""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from models.ocr import ocr_text
from models.session_ocr import SessionOcr, changed_bands, merge_boxes, quiet_box

LINES = ["Sprint board: PLAT-1423 in review", "Deploy window opens Monday at nine",
         "Retro notes are in the shared drive", "Standup moved to ten tomorrow"]


def frame(extra: list[str], clock: str = "10:00") -> Image.Image:
    image = Image.new("RGB", (1280, 420), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=18)
    draw.text((1180, 10), clock, fill=(0, 0, 0), font=font)
    for i, line in enumerate(LINES + extra):
        draw.text((40, 50 + 40 * i), line, fill=(20, 20, 20), font=font)
    return image


class CountingEngine:
    """A real engine wrapper that records the size of every image it is asked to read."""

    def __init__(self, engine):
        self.engine, self.reads = engine, []

    def read(self, image, upscale=None, normalised=False):
        self.reads.append(image.size)
        return self.engine.read(image, upscale=upscale, normalised=normalised)

    def upscales(self, image):
        return self.engine.upscales(image)

    def normalise(self, image):
        return self.engine.normalise(image)


def words(text: str) -> list[str]:
    return sorted(text.split())


def test_when_frames_of_a_session_change_then_only_changes_are_read_and_nothing_is_missed(ocr):
    frames = [frame([]), frame(["mail jane.doe@example.com about the rollout"]),
              frame(["mail jane.doe@example.com about the rollout"], clock="10:01"),
              frame(["mail jane.doe@example.com about the rollout"], clock="10:01")]
    counting = CountingEngine(ocr)
    session = SessionOcr(counting, tile_px=64, max_sessions=4)
    for image in frames:
        reused = ocr_text(session.read(image, "s-1"))
        assert words(reused) == words(ocr_text(ocr.read(image)))
    assert "jane.doe@example.com" in reused
    assert counting.reads[0] == (1280, 420) and len(counting.reads) == 3  # the identical last frame: no read
    assert all(w * h < 1280 * 420 / 4 for w, h in counting.reads[1:])


def test_when_sessions_differ_or_frames_change_size_then_nothing_is_reused(ocr):
    counting = CountingEngine(ocr)
    session = SessionOcr(counting, tile_px=64, max_sessions=1)
    session.read(frame([]), "a")
    session.read(frame([]), "b")            # another session: full read
    session.read(frame([]), "a")            # evicted (max_sessions=1): full read
    session.read(frame([]).resize((640, 210)), "a")  # another size: full read
    session.read(frame([]), None)           # no session: full read
    assert len(counting.reads) == 5 and all(size in ((1280, 420), (640, 210)) for size in counting.reads)


def test_changed_rows_group_into_runs():
    assert changed_bands([0, 1, 2, 5, 7, 8]) == [(0, 3), (5, 6), (7, 9)]


def test_overlapping_boxes_merge_and_separate_ones_stay():
    assert merge_boxes([(0, 0, 10, 10), (5, 5, 20, 20), (30, 30, 40, 40)]) == [(0, 0, 20, 20), (30, 30, 40, 40)]


def test_a_box_grows_until_no_glyph_crosses_its_edges():
    image = Image.new("L", (600, 120), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=28)
    draw.text((40, 40), "https://intranet.example.com/very/long/path", fill=0, font=font)
    ink_rows, ink_cols = np.nonzero(np.asarray(image) < 255)
    left, top, right, bottom = quiet_box(np.asarray(image), (250, 48, 300, 60))  # a box inside the text
    assert left <= ink_cols.min() and top <= ink_rows.min() and right > ink_cols.max() and bottom > ink_rows.max()


def test_when_a_word_shrinks_into_unchanged_tiles_then_its_new_text_is_still_read(ocr):
    def caret_frame(caret: bool) -> Image.Image:
        image = Image.new("RGB", (640, 120), (255, 255, 255))
        draw = ImageDraw.Draw(image)
        font = ImageFont.load_default(size=18)
        draw.text((20, 40), "Contact jane.doe@example.com", fill=(20, 20, 20), font=font)
        if caret:
            end = 20 + draw.textlength("Contact jane.doe@example.com", font=font)
            draw.line((end + 6, 38, end + 6, 62), fill=(0, 0, 0), width=2)
        return image
    session = SessionOcr(ocr, tile_px=64, max_sessions=2)
    session.read(caret_frame(True), "s")
    assert "jane.doe@example.com" in ocr_text(session.read(caret_frame(False), "s"))


def test_when_a_changed_line_sits_in_a_dark_panel_then_it_is_read_as_in_a_full_read(ocr):
    def panel_frame(clock: str, line: str) -> Image.Image:
        image = Image.new("RGB", (900, 300), (255, 255, 255))
        draw = ImageDraw.Draw(image)
        font = ImageFont.load_default(size=14)
        draw.text((820, 8), clock, fill=(0, 0, 0), font=font)
        draw.rectangle((0, 140, 900, 300), fill=(30, 30, 30))
        draw.text((42, 200), line, fill=(215, 215, 215), font=font)
        return image
    session = SessionOcr(ocr, tile_px=64, max_sessions=2)
    session.read(panel_frame("10:00", "build 2.14 is green"), "s")
    reused = ocr_text(session.read(panel_frame("10:01", "mail jane.doe@example.com or 415-555-0172"), "s"))
    assert "jane.doe@example.com" in reused and "415-555-0172" in reused
