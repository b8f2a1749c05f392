"""Avatars on screenshots: small discs, rounded squares or square tiles of one colour holding a contrasting glyph,
as chat, mail and calendar apps draw a person's initials. OCR seldom reads two letters on a coloured
circle, so avatars are found by shape and covered whatever detection finds.

Cost is linear in the pixels: the image is cut into runs of one (coarsened) colour per row, runs of
adjacent rows that touch and share a colour are joined (union-find), and each joined shape is
judged by its box, how much of the box it fills, its corners and the glyph at its centre. A disc
narrower than tall whose rim is whole round the side that shows is one of a stacked group (presence
chips, a card's members), its neighbour over its other side. Tiles shaded by a gradient are found the
same way on runs of coloured pixels that change smoothly from one to the next.
"""
from __future__ import annotations

import bisect
import re
from typing import Sequence

import numpy as np
import pydantic
from PIL import Image

from models.config_files import StrictModel
from models.deadline import check_deadline
from models.records import OcrWord

_RUNS_PER_DEADLINE_CHECK = 1 << 16
# The count of covered avatars in the audit's masked entities.
AVATAR = "AVATAR"
# Colours are compared with their 3 low bits of each channel dropped: a flat fill stays one colour,
# and anti-aliased edges fall off it.
_COLOUR_SHIFT = 3


class AvatarShape(StrictModel):
    """What counts as an avatar (policy `screenshots.avatars`); `cover: false` leaves them as drawn."""

    cover: bool
    min_side_px: int = pydantic.Field(ge=8)
    max_side_px: int = pydantic.Field(le=512)
    # |width - height| at most this share of the longer side.
    max_side_difference: float = pydantic.Field(ge=0, le=1)
    # The shape's pixels over its box: a disc is 0.785 of it, less its glyph; a square is 1.
    min_fill: float = pydantic.Field(gt=0, le=1)
    max_fill: float = pydantic.Field(gt=0, le=1)
    # Share of the box's middle (half its width and height) that is not the shape's colour: the glyph.
    min_glyph: float = pydantic.Field(gt=0, lt=1)
    max_glyph: float = pydantic.Field(gt=0, lt=1)
    # Mean difference of luminance (0-255) between the glyph and the shape.
    min_contrast: float = pydantic.Field(ge=0, le=255)
    # Square tiles (sharp corners) count too when their glyph is lighter than the tile (white initials
    # on a colour; a button's dark label on a light face is no avatar), filling up to this share.
    square_tiles: bool
    max_square_fill: float = pydantic.Field(gt=0, le=1)
    # A presence dot at the lower right (online, away) may cut the rim and a tile's corner there.
    status_dots: bool
    # Square tiles of a saturated colour (its channels this far apart, 0-255) count with a darker
    # glyph too (dark initials on orange or cyan); a grey key or a light button never does.
    min_dark_glyph_chroma: float = pydantic.Field(ge=0, le=255)
    # A shape whose longer side is this many pixels or more must hold one line of glyphs: a video
    # call's large initials tile does, a square sticky note or card with lines of text does not.
    one_line_from_px: int = pydantic.Field(ge=8)
    # A disc narrower than tall down to this share of its height is one of a stacked group whose
    # neighbour hides its side; 1 turns stacked discs off.
    stacked_min_width: float = pydantic.Field(gt=0, le=1)
    # A shape smaller than this (a 16 px tile at 1x, its edge anti-aliased) counts only in a colour
    # whose channels are this far apart: a bold letter's ink is grey, black or white.
    small_side_px: int = pydantic.Field(ge=8)
    small_min_chroma: float = pydantic.Field(ge=0, le=255)
    # Gradient tiles: shapes of pixels whose channels are this far apart, shading smoothly; 0 turns
    # them off.
    gradient_min_chroma: int = pydantic.Field(ge=0, le=255)
    # A disc whose glyphs OCR reads whole as this pattern at `overflow_min_confidence` or more is the
    # "+3" chip of a stacked group and stays; nobody's initials hold a "+" ("" turns it off).
    overflow_pattern: str
    overflow_min_confidence: float = pydantic.Field(ge=0, le=100)

    @pydantic.field_validator("overflow_pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        re.compile(pattern)
        return pattern

    @pydantic.model_validator(mode="after")
    def _ranges(self) -> "AvatarShape":
        for low, high in (("min_side_px", "max_side_px"), ("min_side_px", "small_side_px"), ("min_fill", "max_fill"),
                          ("min_glyph", "max_glyph")):
            if getattr(self, low) > getattr(self, high):
                raise ValueError(f"{low} must not be above {high}")
        return self


Box = tuple[int, int, int, int]  # left, top, right, bottom (inclusive)


def find_avatars(image: Image.Image, shape: AvatarShape) -> list[Box]:
    """Boxes of the avatars on `image`, top to bottom (none when `shape.cover` is off)."""
    if not shape.cover:
        return []
    pixels = np.asarray(image.convert("RGB"), dtype=np.uint8)
    height, width = pixels.shape[:2]
    if height < shape.min_side_px or width < shape.min_side_px:
        return []
    shifted = (pixels >> _COLOUR_SHIFT).astype(np.int32)
    colours = (shifted[..., 0] << 10) | (shifted[..., 1] << 5) | shifted[..., 2]
    runs = _runs(colours, shape.max_side_px)
    boxes = []
    for left, top, right, bottom, count, colour in _shapes(runs):
        box = (left, top, right, bottom)
        if _is_avatar(pixels, colours, box, count, colour, shape):
            boxes.append(box)
    boxes += [box for box in _gradient_avatars(pixels, shape) if not any(_overlap(box, other) for other in boxes)]
    return sorted(boxes, key=lambda b: (b[1], b[0]))


def without_overflow_chips(avatars: Sequence[Box], words: Sequence[OcrWord], shape: AvatarShape,
                           image: Image.Image | None = None) -> list[Box]:
    """The avatars but the overflow chips of stacked groups: a shape holding exactly one word OCR
    read, which matches `overflow_pattern` with enough confidence ("+3", "99+"), and, given the
    `image`, whose glyphs all lie in that word's box (a chip "+1 JD" whose "JD" OCR dropped is covered)."""
    if not shape.overflow_pattern:
        return list(avatars)
    pattern = re.compile(shape.overflow_pattern)
    pixels = None if image is None else np.asarray(image.convert("RGB"), dtype=np.uint8)
    kept = []
    for box in avatars:
        inside = [w for w in words if box[0] <= w.left + w.width / 2 <= box[2] and box[1] <= w.top + w.height / 2 <= box[3]]
        if not (len(inside) == 1 and inside[0].confidence >= shape.overflow_min_confidence
                and pattern.fullmatch(inside[0].text)
                and (pixels is None or _glyphs_within(pixels, box, inside[0], shape.small_min_chroma))):
            kept.append(box)
    return kept


# Ink this far in luminance from the middle of a chip is a glyph's; a glyph pixel this share of the
# word's height (at least 2 px) outside the word's box is one of a glyph OCR did not read.
_CHIP_INK = 48.0
_CHIP_WORD_MARGIN = 0.25


def _glyphs_within(pixels: np.ndarray, box: Box, word: OcrWord, max_chroma: float) -> bool:
    """Whether the shape is grey (its ground's channels less than `max_chroma` apart: overflow chips
    are; a coloured disc read "1+" is initials "IT" misread) and every strongly contrasting pixel inside
    it (its inset square, clear of a disc's rim) lies within `word`'s box: the chip holds nothing but
    the word OCR read."""
    left, top, right, bottom = box
    inset_x, inset_y = max(1, round(0.2 * (right - left + 1))), max(1, round(0.2 * (bottom - top + 1)))
    y0, y1, x0, x1 = top + inset_y, bottom - inset_y + 1, left + inset_x, right - inset_x + 1
    if y0 >= y1 or x0 >= x1 or y1 > pixels.shape[0] or x1 > pixels.shape[1]:
        return False
    luminance = pixels[y0:y1, x0:x1].astype(np.float32) @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    ink = np.abs(luminance - float(np.median(luminance))) > _CHIP_INK
    if ink.all():
        return False
    ground = np.median(pixels[y0:y1, x0:x1][~ink].astype(np.int16), axis=0)
    if float(ground.max() - ground.min()) >= max_chroma:
        return False
    ys, xs = np.nonzero(ink)
    margin = max(2, round(_CHIP_WORD_MARGIN * word.height))
    ys, xs = ys + y0, xs + x0
    return bool(((xs >= word.left - margin) & (xs <= word.left + word.width - 1 + margin)
                 & (ys >= word.top - margin) & (ys <= word.top + word.height - 1 + margin)).all())


def _overlap(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


# Gradient tiles (Linear, Vercel, GitHub organisations draw initials on a two-colour gradient) are no
# one colour: their pixels are coloured (channels `gradient_min_chroma` apart) and change by at most
# _SMOOTH_STEP per channel from one pixel to the next, where a glyph's or a tile's edge jumps.
_SMOOTH_STEP = 12
_GRADIENT_MARGIN = 3


def _gradient_avatars(pixels: np.ndarray, shape: AvatarShape) -> list[Box]:
    """Avatars on smoothly shaded coloured shapes: runs of coloured pixels with smooth steps between
    them, joined to the runs of the next row where they touch smoothly, judged as one-colour shapes are."""
    if not shape.gradient_min_chroma:
        return []
    red, green, blue = (pixels[..., channel].astype(np.int16) for channel in range(3))
    height, width = red.shape
    member = (np.maximum(np.maximum(red, green), blue) - np.minimum(np.minimum(red, green), blue)
              >= shape.gradient_min_chroma)
    smooth_x = member[:, 1:] & member[:, :-1]
    for channel in (red, green, blue):
        smooth_x &= np.abs(channel[:, 1:] - channel[:, :-1]) <= _SMOOTH_STEP
    starts = member.copy()
    starts[:, 1:] &= ~smooth_x
    rows, first = np.nonzero(starts)
    if not len(rows):
        return []
    run_of = np.cumsum(starts.ravel(), dtype=np.int32).reshape(height, width) - 1
    run_of[~member] = -1
    lengths = np.bincount(run_of[member], minlength=len(rows))
    last = first + lengths - 1
    valid = (lengths >= 2) & (lengths <= shape.max_side_px)
    # two runs of adjacent rows that overlap share the first column of one of them
    pairs = []
    for upper, lower in ((rows - 1, rows), (rows, rows + 1)):
        inside = (upper >= 0) & (lower < height)
        upper, lower, column = upper[inside], lower[inside], first[inside]
        a, b = run_of[upper, column], run_of[lower, column]
        keep = (a >= 0) & (b >= 0) & (np.abs(pixels[upper, column].astype(np.int16)
                                              - pixels[lower, column].astype(np.int16)).max(axis=1) <= _SMOOTH_STEP)
        pairs.append(np.stack([a[keep], b[keep]], axis=1))
    joined = np.concatenate(pairs)
    joined = joined[valid[joined[:, 0]] & valid[joined[:, 1]]]
    keys = np.unique(joined[:, 0].astype(np.int64) * len(rows) + joined[:, 1])  # 1-D: a row-wise unique sorts far slower
    joined = np.stack([keys // len(rows), keys % len(rows)], axis=1)
    roots = _join(len(rows), joined)
    boxes = {}
    candidates = np.flatnonzero(valid)
    left, right = np.full(len(rows), width), np.full(len(rows), -1)
    top, bottom = np.full(len(rows), height), np.full(len(rows), -1)
    np.minimum.at(left, roots[candidates], first[candidates])
    np.maximum.at(right, roots[candidates], last[candidates])
    np.minimum.at(top, roots[candidates], rows[candidates])
    np.maximum.at(bottom, roots[candidates], rows[candidates])
    sides = np.minimum(right - left + 1, bottom - top + 1)
    longer = np.maximum(right - left + 1, bottom - top + 1)
    fits = (right >= 0) & (sides >= shape.min_side_px) & (longer <= shape.max_side_px) \
        & (right - left + 1 <= (bottom - top + 1) * (1 + shape.max_side_difference))
    for index in candidates[fits[roots[candidates]]].tolist():
        boxes.setdefault(int(roots[index]), []).append(index)
    found = []
    for root, members in boxes.items():
        check_deadline()
        y0, x0 = max(0, int(top[root]) - _GRADIENT_MARGIN), max(0, int(left[root]) - _GRADIENT_MARGIN)
        y1, x1 = min(height, int(bottom[root]) + _GRADIENT_MARGIN + 1), min(width, int(right[root]) + _GRADIENT_MARGIN + 1)
        local = np.zeros((y1 - y0, x1 - x0), dtype=np.int32)
        for index in members:
            local[rows[index] - y0, first[index] - x0:last[index] - x0 + 1] = 1
        box = (int(left[root]) - x0, int(top[root]) - y0, int(right[root]) - x0, int(bottom[root]) - y0)
        if _is_avatar(pixels[y0:y1, x0:x1], local, box, int(lengths[members].sum()), 1, shape, coloured=True):
            found.append((int(left[root]), int(top[root]), int(right[root]), int(bottom[root])))
    return found


def _join(count: int, pairs: np.ndarray) -> np.ndarray:
    """The root of each of `count` items once `pairs` of them are joined (union-find)."""
    parent = list(range(count))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for number, (a, b) in enumerate(pairs.tolist()):
        if number % _RUNS_PER_DEADLINE_CHECK == 0:
            check_deadline()
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb
    return np.array([root(index) for index in range(count)], dtype=np.int64)


def _runs(colours: np.ndarray, max_length: int) -> tuple[np.ndarray, ...]:
    """Runs of one colour per row no longer than `max_length` and at least 2 px: row, first and
    last column, colour; in row order."""
    height, width = colours.shape
    starts = np.ones((height, width), dtype=bool)
    starts[:, 1:] = colours[:, 1:] != colours[:, :-1]
    rows, first = np.nonzero(starts)
    following = np.append(first[1:], width)
    same_row = np.append(rows[1:] == rows[:-1], False)
    last = np.where(same_row, following, width) - 1
    length = last - first + 1
    keep = (length >= 2) & (length <= max_length)
    rows, first, last = rows[keep], first[keep], last[keep]
    return rows, first, last, colours[rows, first]


def _shapes(runs: tuple[np.ndarray, ...]):
    """Runs joined where they share a colour and touch from one row to the next: for each shape,
    its box, its pixel count and its colour."""
    rows, first, last, colour = (array.tolist() for array in runs)
    parent = list(range(len(rows)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    previous: dict[int, list[int]] = {}  # colour -> runs of the previous row
    current: dict[int, list[int]] = {}
    row = -1
    for index, (y, x0, x1, c) in enumerate(zip(rows, first, last, colour)):
        if index % _RUNS_PER_DEADLINE_CHECK == 0:
            check_deadline()  # a crafted image of millions of short runs costs its record, not the run
        if y != row:
            previous = current if y == row + 1 else {}
            current, row = {}, y
        above = previous.get(c, ())
        # a row's runs of one colour are apart and in order: those touching this one follow the first
        # that ends at or after its start (a row of thousands of two-colour stripes costs no more)
        for position in range(bisect.bisect_left(above, x0, key=last.__getitem__), len(above)):
            other = above[position]
            if first[other] > x1:
                break
            a, b = root(index), root(other)
            if a != b:
                parent[a] = b
        current.setdefault(c, []).append(index)
    shapes: dict[int, list[int]] = {}
    for index, (y, x0, x1) in enumerate(zip(rows, first, last)):
        box = shapes.setdefault(root(index), [x0, y, x1, y, 0, colour[index]])
        box[0], box[1] = min(box[0], x0), min(box[1], y)
        box[2], box[3] = max(box[2], x1), max(box[3], y)
        box[4] += x1 - x0 + 1
    return shapes.values()


def _is_avatar(pixels: np.ndarray, colours: np.ndarray, box: Box, count: int, colour: int,
               shape: AvatarShape, coloured: bool = False) -> bool:
    left, top, right, bottom = box
    box_width, box_height = right - left + 1, bottom - top + 1
    longer = max(box_width, box_height)
    if not shape.min_side_px <= min(box_width, box_height) <= longer <= shape.max_side_px:
        return False
    if min(box_width, box_height) < shape.small_side_px and not coloured and _chroma(colour) < shape.small_min_chroma:
        return False  # a bold "e" or "a" at 2x has that size too, in grey, black or white ink
    if abs(box_width - box_height) <= shape.max_side_difference * longer and \
            _is_whole_tile(pixels, colours, box, count, colour, shape):
        return True
    # a stacked disc is coloured: a bold "e" or "a" in grey, black or white ink is a narrow ring too
    return (coloured or _chroma(colour) >= shape.small_min_chroma) and \
        _is_stacked_disc(pixels, colours, box, count, colour, shape)


def _chroma(colour: int) -> int:
    """The spread of a coarsened colour's channels, 0-255."""
    channels = ((colour >> 10) & 31, (colour >> 5) & 31, colour & 31)
    return (max(channels) - min(channels)) << _COLOUR_SHIFT


def _is_whole_tile(pixels: np.ndarray, colours: np.ndarray, box: Box, count: int, colour: int,
                   shape: AvatarShape) -> bool:
    """A disc, rounded or square tile shown whole, its rim of its colour and a glyph at its middle."""
    left, top, right, bottom = box
    box_width, box_height = right - left + 1, bottom - top + 1
    longer = max(box_width, box_height)
    inset = max(1, round(0.06 * longer))
    corners = colours[[top + inset, top + inset, bottom - inset, bottom - inset],
                      [left + inset, right - inset, left + inset, right - inset]] == colour
    # top-left, top-right and bottom-left of the tile's colour: a square tile (its bottom-right a status dot)
    square = bool(corners[:3].all() and (corners[3] or shape.status_dots))
    if square and not shape.square_tiles or not square and corners.any():
        return False
    if not shape.min_fill <= count / (box_width * box_height) <= (shape.max_square_fill if square else shape.max_fill):
        return False
    if not _solid_rim(colours, box, colour, shape.status_dots):
        return False
    return _has_glyph(pixels, colours, box, colour, shape, square)


def _is_stacked_disc(pixels: np.ndarray, colours: np.ndarray, box: Box, count: int, colour: int,
                     shape: AvatarShape) -> bool:
    """A disc whose one side is hidden under its neighbour in a stacked group of avatars (Docs presence
    chips, a card's members, "+3"): narrower than tall by at most `stacked_min_width`, its rim whole
    round the side that shows (the disc being as wide as tall) and a glyph in what shows."""
    left, top, right, bottom = box
    box_width, box_height = right - left + 1, bottom - top + 1
    if not shape.stacked_min_width * box_height <= box_width < box_height:
        return False
    if not shape.min_fill <= count / (box_width * box_height) <= shape.max_fill:
        return False
    inset = max(1, round(0.06 * box_height))
    for disc, edge in (((left, top, left + box_height - 1, bottom), left + inset),
                       ((right - box_height + 1, top, right, bottom), right - inset)):
        if disc[0] < 0 or disc[2] >= colours.shape[1] or (colours[[top + inset, bottom - inset], edge] == colour).any():
            continue  # a disc's corners on the side that shows are not its colour; a band's or a card's are
        # the points whose outermost ring shows: a glyph's gap in the rim is closed there
        xs = np.rint((disc[0] + disc[2]) / 2 + _OUTER_RADII[-1] * (box_height - 1) / 2 * np.cos(_RIM_ANGLES)).astype(int)
        shown = (xs >= left + 1) & (xs <= right - 1)
        if int(shown.sum()) >= _STACKED_MIN_RIM and _solid_rim(colours, disc, colour, angles=_RIM_ANGLES[shown]):
            return _has_glyph(pixels, colours, box, colour, shape, False)
    return False


def _has_glyph(pixels: np.ndarray, colours: np.ndarray, box: Box, colour: int, shape: AvatarShape,
               square: bool) -> bool:
    """Whether the middle of the shape holds one line of glyphs contrasting with it."""
    left, top, right, bottom = box
    box_width, box_height = right - left + 1, bottom - top + 1
    longer = max(box_width, box_height)
    middle = (slice(top + box_height // 4, bottom - box_height // 4 + 1),
              slice(left + box_width // 4, right - box_width // 4 + 1))
    glyph = colours[middle] != colour
    if not shape.min_glyph <= glyph.mean() <= shape.max_glyph:
        return False
    if longer >= shape.one_line_from_px and not _one_glyph_line(colours, box, colour):
        return False
    luminance = pixels[middle].astype(np.float32) @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    contrast = _glyph_contrast(luminance, glyph)
    if square and contrast < 0:  # a dark glyph on a square: only on a saturated tile, not a grey key
        tile = pixels[middle][~glyph].astype(np.float32).mean(axis=0)
        return float(tile.max() - tile.min()) >= shape.min_dark_glyph_chroma and -contrast >= shape.min_contrast
    return (contrast if square else abs(contrast)) >= shape.min_contrast


def _glyph_contrast(luminance: np.ndarray, glyph: np.ndarray) -> float:
    """Luminance of the glyph less the shape's, over the glyph's inner half (the pixels farthest from
    the shape's luminance): a thin or small glyph is mostly anti-aliased edge, which would halve a
    plain mean."""
    ground = float(luminance[~glyph].mean())
    ink = luminance[glyph] - ground
    if not len(ink):
        return 0.0
    sign = 1.0 if float(ink.mean()) >= 0 else -1.0
    strong = np.sort(ink * sign)[len(ink) // 2:]
    return sign * float(strong.mean())


# A band of glyph rows at least this share of the tallest band's height is a line of text (an
# accent or an i's dot above a letter is a smaller band).
_LINE_BAND_SHARE = 0.35


def _one_glyph_line(colours: np.ndarray, box: Box, colour: int) -> bool:
    """Whether the glyphs inside the shape (rows 10-90% of its height, its middle half of columns,
    inside a disc's edge) form one line: one band of rows holding glyph pixels at least
    _LINE_BAND_SHARE as tall as the tallest band."""
    left, top, right, bottom = box
    height, width = bottom - top + 1, right - left + 1
    inner = colours[top + height // 10:bottom - height // 10 + 1, left + width // 4:right - width // 4 + 1]
    rows = (inner != colour).any(axis=1)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], rows.astype(np.int8), [0]))))
    bands = edges[1::2] - edges[::2]
    return not len(bands) or int((bands >= _LINE_BAND_SHARE * bands.max()).sum()) == 1


# Points on the ellipse inscribed in a shape's box, at these shares of its radii: a disc or rounded
# square is its colour all round near its edge. Its glyph may reach the inner ring at a few points (a
# wide "MW"), with the shape's colour again outside it; a letter such as "c", "e" or "3" opens there
# to the outside.
_RIM_RADIUS = 0.88
_OUTER_RADII = (0.93, 0.97)
_RIM_ANGLES = np.linspace(0, 2 * np.pi, 24, endpoint=False)
_MAX_RIM_MISSES = 4
# A stacked disc shows at least this many of the rim's points.
_STACKED_MIN_RIM = 14


def _solid_rim(colours: np.ndarray, box: Box, colour: int, status_dots: bool = False,
               angles: np.ndarray = _RIM_ANGLES) -> bool:
    """Whether the shape's colour runs all round its rim (at `angles`), but where a glyph reaches the
    inner ring (or, with `status_dots`, where a presence dot of another colour than the page cuts it at
    the lower right: a "c" or an "e" opens there onto the page)."""
    missed = _rim(colours, box, _RIM_RADIUS, angles) != colour
    if int(missed.sum()) > _MAX_RIM_MISSES:
        return False
    angles = angles[missed]
    closed = np.zeros(len(angles), dtype=bool)
    for radius in _OUTER_RADII:
        closed |= _rim(colours, box, radius, angles) == colour
    if status_dots:  # image rows grow downwards: the lower right; a dot is no hole to the page around
        left, top, _, bottom = box
        page = colours[(top + bottom) // 2, max(0, left - 2)]
        closed |= (angles > 0) & (angles < np.pi / 2) & (_rim(colours, box, _RIM_RADIUS, angles) != page)
    return bool(closed.all())


def _rim(colours: np.ndarray, box: Box, radius: float, angles: np.ndarray) -> np.ndarray:
    """The colours at `angles` on the ellipse inscribed in `box`, scaled by `radius`."""
    left, top, right, bottom = box
    centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
    xs = np.rint(centre_x + radius * (right - left) / 2 * np.cos(angles)).astype(int)
    ys = np.rint(centre_y + radius * (bottom - top) / 2 * np.sin(angles)).astype(int)
    return colours[ys, xs]
