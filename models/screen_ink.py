"""Covers of unreadable and other-script words grown along the ink beside them: a name in a script
the Latin data lacks (Han, Hangul, kana) is read as one or two garbled glyphs of its 2-5, and a cover
of those alone leaves the rest of the name readable. Each word looks at a band of its own height,
at most `reach_heights` either way: cost linear in the covered words."""
from __future__ import annotations

import functools
from dataclasses import replace
from typing import Iterable, Sequence

import numpy as np
import pydantic
from PIL import Image

from models.config_files import DATA_DIR, StrictModel, load_yaml_file
from models.records import OcrWord


class InkReach(StrictModel):
    """models/data/screen_ink.yaml: the band searched, what ink is, and how far a cover grows."""

    band_heights: float = pydantic.Field(ge=0, le=1)
    min_ink: float = pydantic.Field(gt=0, le=255)
    gap_heights: float = pydantic.Field(ge=0, le=1)
    min_gap_px: int = pydantic.Field(ge=0, le=16)
    reach_heights: float = pydantic.Field(ge=0, le=20)
    max_row_share: float = pydantic.Field(gt=0, le=1)
    max_height_ratio: float = pydantic.Field(gt=0)


@functools.cache
def ink_reach() -> InkReach:
    """The rules shipped with the package."""
    return load_yaml_file(DATA_DIR / "screen_ink.yaml", InkReach)


def grown_words(image: Image.Image, words: Sequence[OcrWord], indices: Iterable[int],
                reach: InkReach | None = None) -> dict[int, OcrWord]:
    """The words at `indices`, each widened over the ink that continues it on its line (gaps narrower
    than `gap_heights` of its height), by index; a word taller than `max_height_ratio` times the
    screen's median word height (a chip's rim, a panel's edge read as a glyph) is left as read."""
    reach = reach or ink_reach()
    picked = sorted(indices)
    if not picked:
        return {}
    tallest = reach.max_height_ratio * float(np.median([word.height for word in words]))
    luminance = np.asarray(image.convert("L"), dtype=np.int16)
    return {index: _grown(luminance, words[index], reach) if words[index].height <= tallest else words[index]
            for index in picked}


def _grown(luminance: np.ndarray, word: OcrWord, reach: InkReach) -> OcrWord:
    height, width = luminance.shape
    pad, span = round(reach.band_heights * word.height), round(reach.reach_heights * word.height)
    y0, y1 = max(0, word.top - pad), min(height, word.top + word.height + pad)
    x0, x1 = max(0, word.left - span), min(width, word.left + word.width + span)
    if y0 >= y1 or x0 >= x1 or word.width <= 0:
        return word
    band = luminance[y0:y1, x0:x1]
    ink = np.abs(band - np.median(band)) > reach.min_ink
    ink = ink[ink.mean(axis=1) <= reach.max_row_share]  # a rule or a border under the line
    columns = ink.any(axis=0) if len(ink) else np.zeros(x1 - x0, dtype=bool)
    gap = max(reach.min_gap_px, round(reach.gap_heights * word.height))
    start, end = word.left - x0, min(x1 - x0, word.left + word.width - x0) - 1
    left, right = _edge(columns, start, -1, gap), _edge(columns, end, 1, gap)
    return replace(word, left=x0 + left, width=right - left + 1)


def _edge(columns: np.ndarray, start: int, step: int, gap: int) -> int:
    """The last inked column reached from `start` going `step`, over blank runs of at most `gap`."""
    edge, blank, position = start, 0, start + step
    while 0 <= position < len(columns):
        if columns[position]:
            edge, blank = position, 0
        else:
            blank += 1
            if blank > gap:
                break
        position += step
    return edge
