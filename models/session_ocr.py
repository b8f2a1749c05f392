"""OCR for a session's consecutive frames: only the rows of tiles that changed are read again.

Frames of one capture session are mostly identical (a new chat line, a blinking cursor, a clock).
Each frame is cut into square tiles and each tile hashed (BLAKE2b over its pixels). Against the
last frame seen from the same session, each run of rows holding a changed tile gives a box over
its changed columns, grown until every edge lies on a flat strip of one colour, so no glyph of a
changed line is cut; the boxes are stacked into one image and read in one Tesseract call (its
start-up costs as much as reading a small region). Words of the previous frame that touch no
changed tile are kept as they were: their pixels are identical. A frame of another size, or the
first of a session, is read in full. Nothing is reused across sessions.
"""
from __future__ import annotations

import hashlib
import math
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Callable, Iterable, TypeVar

import numpy as np
from PIL import Image

from models.ocr import OcrEngine, text_lines
from models.records import OcrWord

# Empty pixels between stacked regions, so no word or line joins two of them.
BAND_GAP_PX = 24
# How far a region's edge moves at a time while looking for a flat strip to cut along.
QUIET_STEP_PX = 8
R = TypeVar("R")


@dataclass(frozen=True)
class Frame:
    """What is remembered of a session's last frame: its size, tile hashes and words."""

    size: tuple[int, int]
    hashes: np.ndarray
    words: tuple[OcrWord, ...]


def tile_hashes(image: Image.Image, tile_px: int) -> np.ndarray:
    """A (rows, cols) array of 8-byte BLAKE2b digests of each tile's RGB pixels."""
    pixels = np.asarray(image.convert("RGB"))
    rows, cols = math.ceil(image.height / tile_px), math.ceil(image.width / tile_px)
    digests = np.empty((rows, cols), dtype="S8")
    for row in range(rows):
        for col in range(cols):
            tile = pixels[row * tile_px:(row + 1) * tile_px, col * tile_px:(col + 1) * tile_px]
            digests[row, col] = hashlib.blake2b(np.ascontiguousarray(tile).tobytes(), digest_size=8).digest()
    return digests


def changed_bands(changed_rows: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive changed tile rows, as half-open (first, last + 1) row ranges."""
    bands: list[tuple[int, int]] = []
    for row in changed_rows:
        if bands and row == bands[-1][1]:
            bands[-1] = (bands[-1][0], row + 1)
        else:
            bands.append((row, row + 1))
    return bands


def read_frame(engine: OcrEngine, image: Image.Image, previous: Frame | None, tile_px: int) -> Frame:
    """What `image` holds, as a Frame: read in full without a previous frame of its size, else only
    where its tiles differ from `previous` (the last frame of the same session, never another's)."""
    hashes = tile_hashes(image, tile_px)
    if not reusable(previous, image):
        return Frame(image.size, hashes, engine.read(image))
    return Frame(image.size, hashes, read_changes(engine, image, hashes, previous, tile_px))


def reusable(previous: Frame | None, image: Image.Image) -> bool:
    """Whether `image` can be read against `previous`: a frame of the same size."""
    return previous is not None and previous.size == image.size


def capture_order(records: Iterable[R], ts: Callable[[R], str]) -> list[R]:
    """Records by capture time (`ts`, RFC 3339 with an offset, as parsing checked), so each frame is
    compared with the one before it; equal times keep their order."""
    return sorted(records, key=lambda record: datetime.fromisoformat(ts(record).replace("z", "Z")))


class SessionOcr:
    """An OCR engine that remembers the last frame of up to `max_sessions` sessions (in one process;
    the pipeline keeps them in Beam state per session instead, transforms/ocr.py)."""

    def __init__(self, engine: OcrEngine, tile_px: int, max_sessions: int):
        self._engine = engine
        self._tile_px = tile_px
        self._max_sessions = max_sessions
        self._frames: OrderedDict[str, Frame] = OrderedDict()

    def read(self, image: Image.Image, session: str | None) -> tuple[OcrWord, ...]:
        """Words and boxes of `image`; with a session, unchanged tiles come from its previous frame."""
        if not (session and self._max_sessions):  # nothing to remember: no hashing either
            return self._engine.read(image)
        frame = read_frame(self._engine, image, self._frames.get(session), self._tile_px)
        self._frames[session] = frame
        self._frames.move_to_end(session)
        while len(self._frames) > self._max_sessions:
            self._frames.popitem(last=False)
        return frame.words


def read_changes(engine: OcrEngine, image: Image.Image, hashes: np.ndarray, previous: Frame, tile: int
                 ) -> tuple[OcrWord, ...]:
    """Words of `image`: the previous frame's where no tile changed, the rest read again (one call)."""
    changed = hashes != previous.hashes
    if not changed.any():
        return previous.words

    def tiles(word: OcrWord) -> tuple[slice, slice]:
        return (slice(word.top // tile, (word.top + max(word.height, 1) - 1) // tile + 1),
                slice(word.left // tile, (word.left + max(word.width, 1) - 1) // tile + 1))

    # An old word reaching into a change is read again, and so is every tile it covered: what
    # stands there now (a shorter word, the rest of a line) may lie in unchanged tiles only.
    words = list(previous.words)
    while dropped := [word for word in words if changed[tiles(word)].any()]:
        for word in dropped:
            changed[tiles(word)] = True
        words = [word for word in words if not changed[tiles(word)].any()]
    normal = engine.normalise(image)
    boxes = merge_boxes([quiet_box(np.asarray(normal), box) for box in change_boxes(changed, tile, image.size)])
    stacked, placed = stack_regions(normal, boxes)
    for word in engine.read(stacked, upscale=engine.upscales(image), normalised=True):
        centre_x, centre_y = word.left + word.width / 2, word.top + word.height / 2
        region = next((i for i, ((x, y), (left, top, right, bottom)) in enumerate(zip(placed, boxes))
                       if x <= centre_x < x + right - left and y <= centre_y < y + bottom - top), None)
        if region is None:  # a word the regions cannot place: read the frame whole instead
            return engine.read(image)
        (x, y), (left, top, _, _) = placed[region], boxes[region]
        moved = replace(word, left=word.left - x + left, top=word.top - y + top)
        if changed[tiles(moved)].any():
            words.append(moved)
    return text_lines(words)


def change_boxes(changed: np.ndarray, tile: int, size: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """For each run of changed tile rows, the box over its changed columns, as (left, top, right,
    bottom) pixels; `quiet_box` then grows it until no glyph crosses an edge."""
    width, height = size
    boxes = []
    for first, last in changed_bands([int(r) for r in np.flatnonzero(changed.any(axis=1))]):
        cols = np.flatnonzero(changed[first:last].any(axis=0))
        boxes.append((int(cols[0]) * tile, first * tile, min(width, (int(cols[-1]) + 1) * tile),
                      min(height, last * tile)))
    return boxes


def quiet_box(gray: np.ndarray, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """`box` grown until each edge lies on a strip of one flat colour, so no glyph crosses it:
    a word cut at a crop edge could hide what it holds from detection."""
    height, width = gray.shape
    left, top, right, bottom = box
    while True:
        step = QUIET_STEP_PX
        grown = (left - step if left > 0 and np.ptp(gray[top:bottom, max(0, left - step):left]) else left,
                 top - step if top > 0 and np.ptp(gray[max(0, top - step):top, left:right]) else top,
                 right + step if right < width and np.ptp(gray[top:bottom, right:right + step]) else right,
                 bottom + step if bottom < height and np.ptp(gray[bottom:bottom + step, left:right]) else bottom)
        grown = (max(0, grown[0]), max(0, grown[1]), min(width, grown[2]), min(height, grown[3]))
        if grown == (left, top, right, bottom):
            return grown
        left, top, right, bottom = grown


def merge_boxes(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Overlapping boxes joined, so no word is read twice."""
    merged = list(boxes)
    joined = True
    while joined:
        joined = False
        for i, a in enumerate(merged):
            for j in range(i + 1, len(merged)):
                b = merged[j]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                    merged[i] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                    del merged[j]
                    joined = True
                    break
            if joined:
                break
    return sorted(merged, key=lambda box: (box[1], box[0]))


def stack_regions(image: Image.Image, boxes: list[tuple[int, int, int, int]]
                  ) -> tuple[Image.Image, list[tuple[int, int]]]:
    """The boxes of a normalised (dark text on white) frame one under the other with white gaps,
    and where each one landed."""
    width = max(right - left for left, _, right, _ in boxes)
    height = sum(bottom - top for _, top, _, bottom in boxes) + BAND_GAP_PX * (len(boxes) - 1)
    stacked = Image.new("L", (width, height), 255)
    placed, y = [], 0
    for left, top, right, bottom in boxes:
        stacked.paste(image.crop((left, top, right, bottom)), (0, y))
        placed.append((0, y))
        y += bottom - top + BAND_GAP_PX
    return stacked, placed
