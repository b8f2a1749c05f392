"""OCR engine interface and its Tesseract implementation: image -> words with boxes."""
from __future__ import annotations

import io
import math
import os
import shlex
import subprocess
import time
from dataclasses import dataclass, replace
from typing import Iterable, Protocol

import numpy as np
import pytesseract
from PIL import Image

from models.deadline import seconds_left
from models.records import OcrWord
from models.script_read import reread, script_languages
from models.tess_api import EngineUnavailable, ReadFailed, check_library, engine, engine_flags


@dataclass(frozen=True)
class OcrSettings:
    """How Tesseract reads a screen; `config` holds its page segmentation and engine flags."""

    # Tesseract's Latin-script data reads the accented and extra letters of names from many locales
    # (ł, ß, ð, ő) that `eng` has no glyphs for: on the evaluation's dev screens it reads 0.818 of gold
    # values against 0.742, and leaves 5 points fewer screens with a leak, at about twice eng's time.
    language: str = "Latin"
    config: str = "--psm 11"
    timeout_secs: float = 60.0
    # Tesseract runs in the worker's process through its C API (models/tess_api.py), its language
    # data loaded once (0.4 s of CPU a call for `Latin`, about a third of a 1x frame's read); False,
    # or flags other than --psm/--oem/--dpi/-c in `config`: a `tesseract` command per read.
    in_process: bool = True
    min_confidence: float = 0.0
    # 1x captures (no wider than this) are read at twice their size: UI text is often 11-14 px,
    # below the x-height Tesseract reads reliably. 2x (high-DPI) captures are read as they are.
    upscale_max_width: int = 2200
    upscale_factor: int = 2
    # ... unless the frame is this large already (a tall full-page capture): what Tesseract reads
    # stays within about upscale_factor**2 times this many pixels, bounding its memory.
    upscale_max_pixels: int = 8_000_000
    # Only the box around the normalised frame's ink (pixels darker than `ink_level`), grown by
    # `ink_margin_px` of white, is handed to Tesseract: a blank margin or panel holds no word, and
    # an upscaled read pays for every pixel it is given (thresholding, layout). On bench_ocr's 1x
    # frames, whose text fills a fifth of the frame, the read costs 0.88 of the whole frame's.
    # Any pixel short of white is ink: Tesseract reads text drawn at 251 on a white frame, so a higher
    # level would leave such a frame, or such text beside a blank margin, unread and uncovered.
    ink_level: int = 255
    ink_margin_px: int = 16
    # Tiles whose background is dark are inverted, so a dark sidebar beside a light page, a
    # coloured bar or a selected row (or the reverse) is read as dark text on light, all in one
    # Tesseract call. Tiles this wide and tall place a bar's or panel's edge within a few pixels of
    # the text beside it; a tile's 3x3 neighbourhood (48 x 36 px) is more than a bold heading fills.
    polarity_tile_px: int = 16
    polarity_tile_rows_px: int = 12
    # ... and ink is also what differs in colour from its tile's background: a pixel's distance
    # from it (RGB, 0-255) times this gain, where that is darker than the luminance rule's, so a
    # teal sender name, a green `user@host` prompt or blue text on a grey selected row (close in
    # luminance to their backgrounds) read as dark on white. 0: luminance only. Only tiles the
    # luminance rule leaves faint (no pixel darker than `colour_ink_faint`) take it: dark text's
    # coloured anti-aliasing fringes (Chromium's subpixel text) would otherwise make it bolder.
    colour_ink_gain: float = 1.0
    colour_ink_faint: int = 128
    # Light text in a small dark shape on a light page (an avatar's initials, a badge, a pill, a
    # button) is smaller than a tile's neighbourhood, so its tiles are not inverted (or only some
    # are): a run of flat tiles at least `fill_contrast` darker than their neighbourhood, at most
    # `fill_max_tiles` tiles tall and wide, is read as its fill turned white and the light pixels it
    # encloses turned dark (`small_fills`, `light_text_in_fills`). fill_max_tiles 0: off.
    fill_contrast: int = 64
    fill_max_tiles: int = 12
    # A 2x (high-DPI) capture, wider than `upscale_max_width`, draws the same UI at this many times
    # the pixels, so its tiles are this many times wider and taller: a tile covers what it covers on a
    # 1x frame, and an avatar or badge is small against its neighbourhood at either scale (with 1x
    # tiles a 2x avatar's own tiles make its neighbourhood, so it is inverted whole and its initials
    # lost). On the dev split's 2x screens: values read 432 -> 439 of 499 (avatar initials 14 -> 22
    # of 30), 0.8x the normalisation and read time. 1: 2x captures use 1x tiles.
    high_dpi_tile_scale: int = 2
    # Session reuse (models/session_ocr.py): tile size of the change check, and how many sessions'
    # last frames `SessionOcr` remembers in one process (0: no reuse; the pipeline keeps each
    # session's last frame in Beam state instead).
    reuse_tile_px: int = 64
    reuse_max_sessions: int = 32
    # The pipeline reads a session's frames in batches of at most this many, in capture order, so
    # no session holds a worker for long; in streaming a batch waits at most this many seconds.
    session_batch_frames: int = 16
    session_buffer_secs: float = 10.0
    # Where a record's image_uri may point (models/image_source.py); none: image files are never read.
    image_roots: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 1 <= self.ink_level <= 256 or self.ink_margin_px < 0:
            raise ValueError("OcrSettings.ink_level must be 1-256 and ink_margin_px at least 0")
        if not 1 <= self.fill_contrast <= 255 or self.fill_max_tiles < 0:
            raise ValueError("OcrSettings.fill_contrast must be 1-255 and fill_max_tiles at least 0 (0: off)")
        if self.high_dpi_tile_scale < 1:
            raise ValueError("OcrSettings.high_dpi_tile_scale must be at least 1")


class OcrUnavailable(RuntimeError):
    """Tesseract or its language data is missing on this machine."""


def check_tesseract(settings: OcrSettings) -> None:
    """Raise OcrUnavailable, naming the Debian package, unless Tesseract can read `settings.language`."""
    try:
        languages = installed_languages()
    except OSError:
        raise OcrUnavailable("tesseract is not installed (Debian package tesseract-ocr)") from None
    except subprocess.TimeoutExpired:
        raise OcrUnavailable(f"tesseract --list-langs did not answer within {LIST_LANGUAGES_SECS} s") from None
    missing = sorted((set(settings.language.split("+")) | script_languages()) - languages)
    if settings.in_process:
        try:
            check_library()
        except EngineUnavailable as exc:
            raise OcrUnavailable(str(exc)) from None
    if missing:
        raise OcrUnavailable(f"Tesseract language data {missing} is not installed (Debian packages "
                             f"tesseract-ocr-{missing[0].lower()} for a language, tesseract-ocr-script-<code> for a "
                             f"script, e.g. tesseract-ocr-script-latn for Latin)")


# Seconds `tesseract --list-langs` may take at start-up before the check gives up on it.
LIST_LANGUAGES_SECS = 30


def installed_languages() -> frozenset[str]:
    """The language and script data Tesseract finds (`--list-langs`). pytesseract's own list keeps
    only lower-case names, so it leaves out script data such as `Latin`."""
    listed = subprocess.run([pytesseract.pytesseract.tesseract_cmd, "--list-langs"], capture_output=True,
                            check=False, timeout=LIST_LANGUAGES_SECS, env=_tesseract_env())
    lines = listed.stdout.decode("utf-8", "replace").splitlines()
    return frozenset(line.strip() for line in lines[1:] if line.strip())  # the first line names the folder


class OcrEngine(Protocol):
    """Anything that reads words and their boxes off an image."""

    def read(self, image: Image.Image, upscale: bool | None = None, normalised: bool = False
             ) -> tuple[OcrWord, ...]:
        """Words with boxes read from `image`."""

    def upscales(self, image: Image.Image) -> bool:
        """Whether `image` is read at twice its size."""

    def normalise(self, image: Image.Image) -> Image.Image:
        """`image` as dark text on a light background, tile by tile."""


class TesseractOcr:
    """One `pytesseract.image_to_data` call per image, on a normalised copy: dark regions inverted,
    cropped to the box around its ink, 1x captures upscaled. Boxes are mapped back to the input's pixels."""

    def __init__(self, settings: OcrSettings):
        self._settings = settings

    def upscales(self, image: Image.Image) -> bool:
        """Whether a frame this wide is a 1x capture, read at `upscale_factor` times its size (a
        frame of more than `upscale_max_pixels` is read as it is)."""
        return (image.width <= self._settings.upscale_max_width
                and image.width * image.height <= self._settings.upscale_max_pixels)

    def normalise(self, image: Image.Image) -> Image.Image:
        """The grayscale, dark-text-on-white copy that is read (see `dark_text_on_light`), its tiles
        `high_dpi_tile_scale` times larger on a 2x capture."""
        settings = self._settings
        grid = settings.high_dpi_tile_scale if image.width > settings.upscale_max_width else 1
        return dark_text_on_light(image, settings.polarity_tile_px * grid, settings.polarity_tile_rows_px * grid,
                                  settings.colour_ink_gain, settings.colour_ink_faint,
                                  settings.fill_contrast, settings.fill_max_tiles)

    def read(self, image: Image.Image, upscale: bool | None = None, normalised: bool = False) -> tuple[OcrWord, ...]:
        """Words and boxes; `upscale` overrides the width rule (a crop of a frame follows its frame),
        and `normalised` says the image already went through `normalise` (with its frame's grid)."""
        settings = self._settings
        gray = image.convert("L") if normalised else self.normalise(image)
        upscale = self.upscales(image) if upscale is None else upscale
        scale = settings.upscale_factor if upscale else 1
        box = ink_box(gray, settings.ink_level, settings.ink_margin_px)
        if box is None:  # no pixel darker than the background: nothing drawn that could be read
            return ()
        gray = gray.crop(box)
        if scale > 1:
            gray = gray.resize((gray.width * scale, gray.height * scale), Image.Resampling.LANCZOS)
        words = words_from_data(word_table(gray, settings), settings.min_confidence, scale)
        # Words that may be another script misread are read again with that script's data.
        words = reread(gray, words, scale, lambda image, language, config: word_table(
            image, replace(settings, language=language, config=config)))
        return text_lines(replace(word, left=word.left + box[0], top=word.top + box[1]) for word in words)


class OcrFailed(RuntimeError):
    """Tesseract failed or ran out of time; the message never holds its output."""


def _tesseract_env() -> dict[str, str]:
    """The environment Tesseract runs in: single-threaded unless the operator set OMP_THREAD_LIMIT,
    as its OpenMP threads fight Beam's worker processes for the same cores."""
    return {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}


def word_table(image: Image.Image, settings: OcrSettings) -> dict[str, list]:
    """Tesseract's TSV word table of `image`, as pytesseract's `image_to_data` gives it, read in
    process (`in_process`) or by a command, within the record's deadline when the stage set one."""
    left = seconds_left()
    seconds = settings.timeout_secs if left is None else min(settings.timeout_secs, left)
    flags = engine_flags(settings.config) if settings.in_process else None
    if flags is None:
        return command_table(image, settings, seconds)
    started = time.monotonic()
    try:
        table = engine(settings.language, int(flags.get("oem", 3)), flags["variables"]).table(image, flags, seconds)
    except EngineUnavailable as exc:
        raise OcrFailed(str(exc)) from None
    except ReadFailed:
        raise OcrFailed("timeout" if time.monotonic() - started >= seconds else "tesseract read failed") from None
    return pytesseract.pytesseract.file_to_dict(table, "\t", -1)


def command_table(image: Image.Image, settings: OcrSettings, seconds: float) -> dict[str, list]:
    """`word_table` by a `tesseract` command: the PNG is piped in and the table read back, so no
    screen content is ever written to a file: pytesseract writes both to TMPDIR with the umask's
    mode (0644) and leaves them when the worker is killed."""
    png = io.BytesIO()
    image.save(png, format="PNG", compress_level=1)
    command = [pytesseract.pytesseract.tesseract_cmd, "stdin", "stdout", "-l", settings.language,
               *shlex.split(settings.config), "-c", "tessedit_create_tsv=1"]
    try:
        done = subprocess.run(command, input=png.getvalue(), capture_output=True, check=False, env=_tesseract_env(),
                              timeout=seconds)
    except subprocess.TimeoutExpired:  # subprocess.run has killed Tesseract by then
        raise OcrFailed("timeout") from None
    if done.returncode:
        raise OcrFailed(f"tesseract exit status {done.returncode}")
    return pytesseract.pytesseract.file_to_dict(done.stdout.decode("utf-8"), "\t", -1)


def dark_text_on_light(image: Image.Image, tile_px: int, tile_rows_px: int | None = None,
                       colour_gain: float = 0.0, faint: int = 128, fill_contrast: int = 64,
                       fill_max_tiles: int = 0) -> Image.Image:
    """Grayscale copy with dark regions (dark themes, dark panels, coloured bars) inverted and every
    background stretched to white, so Tesseract's one global threshold sees dark text on white everywhere.

    Tiles are `tile_px` wide and `tile_rows_px` tall (UI regions are mostly horizontal bands: bars,
    rows, selected lines), and a tile is dark when the median of its 3x3 neighbourhood of tile
    medians is dark, so a tile mostly covered by a bold heading does not flip on its own. With a
    `colour_gain`, a colour image's pixels that differ in colour from their tiles' background are
    darkened too, in tiles left `faint` (`darken_colour_ink`). With `fill_max_tiles`, light text
    in small dark shapes is turned dark too (`small_fills`). Memory stays about the frame's pixels whatever its shape:
    it is rewritten in place, never padded to whole tiles, and only one strip of tiles at a time is
    held as float32.
    """
    pixels = np.array(image.convert("L"))
    rows_px = tile_rows_px or tile_px
    medians = tile_medians(pixels, tile_px, rows_px)  # of the frame as it is: both steps below start from it
    shapes = small_fills(pixels, tile_px, rows_px, fill_contrast, fill_max_tiles, medians) if fill_max_tiles else []
    flip_dark_tiles(pixels, tile_px, rows_px, medians)
    if colour_gain > 0 and image.mode == "RGB":
        darken_colour_ink(pixels, image, tile_px, rows_px, colour_gain, faint)
    light_text_in_fills(pixels, shapes, tile_px, rows_px)  # last: the colour step would draw the fill back
    return Image.fromarray(pixels)


def small_fills(pixels: np.ndarray, tile_px: int, rows_px: int, contrast: int, max_tiles: int,
                medians: np.ndarray | None = None) -> list[tuple[tuple[int, int, int, int], float, np.ndarray, np.ndarray]]:
    """The small dark shapes of a grayscale frame, before its tiles are inverted: runs of flat tiles
    (at least half their pixels, and three quarters of at least a quarter of their rows, within a
    quarter of the way to white of their median: a fill, where bold glyphs leave few full rows) at least
    `contrast` darker than their 3x3 neighbourhood's median of medians, at most `max_tiles` tall and
    wide, joined across a gap of one tile. Each as (pixel box of the run's tiles, fill level, a copy
    of its pixels in that box grown by a tile, which of those pixels' tiles the tile step inverts).
    `medians`: the frame's `tile_medians`, when the caller has them."""
    medians = tile_medians(pixels, tile_px, rows_px) if medians is None else medians
    around = neighbourhood_medians(medians)
    dark = medians <= around - contrast
    inverted = around < 128  # the tiles `flip_dark_tiles` will invert (same medians, same rule)
    height, width = pixels.shape
    for row, col in zip(*np.nonzero(dark)):
        tile = pixels[row * rows_px:(row + 1) * rows_px, col * tile_px:(col + 1) * tile_px]
        level = medians[row, col]
        near = np.abs(tile.astype(np.float32) - level) <= (255 - level) / 4
        dark[row, col] = near.mean() >= 0.5 and (near.mean(axis=1) >= 0.75).mean() >= 0.25
    shapes = []
    for r0, r1, c0, c1 in tile_runs(dark, max_tiles):
        fill = float(np.median(medians[r0:r1, c0:c1][dark[r0:r1, c0:c1]]))
        grown_box = (max(0, (c0 - 1) * tile_px), max(0, (r0 - 1) * rows_px),
                     min(width, (c1 + 1) * tile_px), min(height, (r1 + 1) * rows_px))
        before = pixels[grown_box[1]:grown_box[3], grown_box[0]:grown_box[2]].copy()
        flipped = np.repeat(np.repeat(inverted[max(0, r0 - 1):r1 + 1, max(0, c0 - 1):c1 + 1], rows_px, axis=0),
                            tile_px, axis=1)[:before.shape[0], :before.shape[1]]
        shapes.append(((c0 * tile_px, r0 * rows_px, min(width, c1 * tile_px), min(height, r1 * rows_px)), fill,
                       before, flipped))
    return shapes


def light_text_in_fills(pixels: np.ndarray, shapes: list[tuple[tuple[int, int, int, int], float, np.ndarray, np.ndarray]],
                        tile_px: int, rows_px: int) -> None:
    """In place, in the dark-text-on-light `pixels`: each of `small_fills`' shapes becomes dark text
    on white, read from its pixels before the tiles were inverted: the fill's pixels (near its level,
    joined to its tiles) turn white and the light pixels it encloses (not joined to its box's edge)
    turn dark with their anti-aliased rim, unless the fill reaches the box's edge (strokes of bold
    text run on from glyph to glyph; a shape ends within a tile of its fill), is not solid (with what
    it encloses, less than SOLID_SHARE of its bounding box: a bold glyph's strokes), or what it
    encloses is not like text (`text_like`: the counters of a bold `a`, `P` or `B`). The box's other pixels (the page around the shape, dark
    text beside it: lighter than the fill, so dark text on light already) get back their values
    from before the inversion in the tiles it inverted (it flips tiles a shape fills in part), and
    keep the tile and colour steps' values elsewhere. Work per shape is bounded by its box."""
    for (x0, y0, x1, y1), fill, before, flipped in shapes:
        gx, gy = max(0, x0 - tile_px), max(0, y0 - rows_px)
        box = pixels[gy:gy + before.shape[0], gx:gx + before.shape[1]]
        level = before.astype(np.float32)
        light = level > (fill + 255) / 2
        edge = np.zeros_like(light)
        edge[[0, -1], :] = edge[:, [0, -1]] = True
        enclosed = light & ~grown(edge & light, light)
        if not enclosed.any():  # a dark shape with no light text in it (an icon, a rule)
            continue
        seed = np.zeros_like(light)
        seed[y0 - gy:y1 - gy, x0 - gx:x1 - gx] = True
        reach = (255 - fill) / 4  # how far from the fill's level its own (anti-aliased) pixels lie
        shape = grown(seed & (np.abs(level - fill) <= reach), ~light & (level >= fill - reach))
        enclosed = grown(dilated(shape) & enclosed, enclosed)  # what this shape encloses, not a neighbour glyph's counters
        rows, cols = np.count_nonzero(shape.any(axis=1)), np.count_nonzero(shape.any(axis=0))
        if ((shape & edge).any() or np.count_nonzero(shape | enclosed) < SOLID_SHARE * rows * cols
                or not text_like(enclosed, rows, cols)):
            continue
        # the glyphs and their anti-aliased rim, and lighter marks inside the fill away from its own
        # anti-aliased edge (grey text, a login beside a name: joined to the fill, never erased with it)
        marks = shape & (level > fill + reach) & ~dilated(dilated(~shape & ~enclosed))
        text = enclosed | (dilated(enclosed) & shape) | marks
        # its surroundings are lighter than its fill: in tiles the tile step inverted, read as they were;
        # elsewhere as the tile and colour steps left them (a raw box there cut a bar's stretch in two)
        box[:] = np.where(shape, 255, np.where(flipped, before, box))
        box[text] = np.clip(255 - (level[text] - fill) * 255 / max(1.0, 255 - fill), 0, 255).astype(np.uint8)


def tile_runs(tiles: np.ndarray, max_tiles: int) -> list[tuple[int, int, int, int]]:
    """The (first row, last row + 1, first column, last column + 1) boxes of the groups of True tiles
    (joined across a gap of one tile, as a line of text splits a shape's fill) no more than
    `max_tiles` tiles tall and wide (larger ones are panels, not shapes)."""
    seen = np.zeros_like(tiles)
    boxes = []
    for start in zip(*np.nonzero(tiles)):
        if seen[start]:
            continue
        seen[start] = True
        stack, members = [start], []
        while stack:
            row, col = stack.pop()
            members.append((row, col))
            for r, c in ((row + dr, col + dc) for dr in range(-2, 3) for dc in range(-2, 3)):
                if 0 <= r < tiles.shape[0] and 0 <= c < tiles.shape[1] and tiles[r, c] and not seen[r, c]:
                    seen[r, c] = True
                    stack.append((r, c))
        rows, cols = [m[0] for m in members], [m[1] for m in members]
        if max(rows) - min(rows) < max_tiles and max(cols) - min(cols) < max_tiles:
            boxes.append((min(rows), max(rows) + 1, min(cols), max(cols) + 1))
    return boxes


# A shape with what it encloses fills at least this share of its bounding box (a circle 0.79, a
# rounded badge more); a bold glyph's strokes much less (`G`, `W`, `a`: about half).
SOLID_SHARE = 0.65
# Text in a shape spans at least this share of its width (two initials about 0.55, a badge's word
# more); a bold glyph's counter less (`a`, `e`, `o`: about 0.3).
TEXT_WIDTH_SHARE = 0.4
# Strokes of text in a shape are thinner than this share of the shape's height; a bold glyph's
# counters (the holes of `a`, `e`) are thicker than that share of the glyph's.
STROKE_HEIGHTS = 0.125


def text_like(enclosed: np.ndarray, rows: int, cols: int) -> bool:
    """Whether the light pixels a shape of `rows` by `cols` pixels encloses are text: at least two
    glyphs side by side (two runs of columns), spanning TEXT_WIDTH_SHARE of its width, and thin
    (`thin`). A bold glyph's counters are one run, narrow and thick; a lone initial is left out too."""
    columns = enclosed.any(axis=0)
    runs = np.count_nonzero(columns[1:] & ~columns[:-1]) + int(columns[0])
    return runs >= 2 and np.count_nonzero(columns) >= TEXT_WIDTH_SHARE * cols and thin(enclosed, rows)


def thin(mask: np.ndarray, height: int) -> bool:
    """Whether `mask` is strokes, not blobs: at most a tenth of it is left once it is eroded by
    STROKE_HEIGHTS of `height` pixels (at least one) on every side."""
    eroded = mask
    for _ in range(max(1, round(STROKE_HEIGHTS * height))):
        eroded = ~dilated(~eroded)
    return np.count_nonzero(eroded) <= 0.1 * np.count_nonzero(mask)


def dilated(mask: np.ndarray) -> np.ndarray:
    """`mask` grown by one pixel up, down, left and right."""
    step = mask.copy()
    step[1:] |= mask[:-1]
    step[:-1] |= mask[1:]
    step[:, 1:] |= mask[:, :-1]
    step[:, :-1] |= mask[:, 1:]
    return step


def grown(seed: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """The pixels of `allowed` joined to `seed` (4-connected) through `allowed`: the seed grown a pixel
    at a time, at most the box's height plus width steps (a path's length within it)."""
    reached = seed & allowed
    for _ in range(sum(allowed.shape)):
        step = dilated(reached) & allowed
        if np.array_equal(step, reached):
            break
        reached = step
    return reached


def ink_box(gray: Image.Image, level: int, margin: int) -> tuple[int, int, int, int] | None:
    """The (left, top, right, bottom) box around every pixel of the dark-text-on-light `gray` darker
    than `level`, grown by `margin` pixels within the image; None when no pixel is."""
    ink = np.asarray(gray) < level
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if not len(rows):
        return None
    return (max(0, int(cols[0]) - margin), max(0, int(rows[0]) - margin),
            min(gray.width, int(cols[-1]) + 1 + margin), min(gray.height, int(rows[-1]) + 1 + margin))


def darken_colour_ink(pixels: np.ndarray, image: Image.Image, tile_px: int, rows_px: int, gain: float,
                      faint: int) -> None:
    """In place, in the tiles of `pixels` with no pixel darker than `faint`: each pixel at most 255
    less `gain` times its RGB distance (root mean square over the channels, 0-255) from its tile's
    background colour: the nearest of the per-channel median of its 3x3 neighbourhood of tile
    medians (as in `flip_dark_tiles`) and the medians of the tile and the tiles above and below it,
    so neither side of a bar's edge, where the neighbourhood's median mixes both, is ink. `image` is read a strip of tiles at a time
    (its medians MEDIAN_STRIPS strips at a time), so no RGB copy of the whole frame is made; only
    tiles that are faint and not one colour (`flat_tiles`) are measured."""
    width, height = image.size
    rows = math.ceil(height / rows_px)
    strips = lambda: (np.asarray(image.crop((0, row * rows_px, width, min(height, (row + 1) * rows_px))))
                      for row in range(rows))
    blocks = range(0, height, MEDIAN_STRIPS * rows_px)  # whole strips of tiles, a block at a time
    medians = np.concatenate([tile_medians(np.asarray(image.crop((0, top, width, min(height, top + MEDIAN_STRIPS * rows_px)))),
                                           tile_px, rows_px) for top in blocks])
    cols = medians.shape[1]
    around = np.pad(medians, ((1, 1), (1, 1), (0, 0)), mode="edge")
    background = np.median(np.stack([around[r:r + rows, c:c + cols] for r in range(3) for c in range(3)]), axis=0)
    starts = np.arange(0, width, tile_px)
    for row, strip in enumerate(strips()):
        band = slice(row * rows_px, (row + 1) * rows_px)
        tiles = np.minimum.reduceat(pixels[band].min(axis=0), starts) >= faint
        tiles &= ~flat_tiles(strip, starts)  # one colour: its own median is a candidate, so no pixel changes
        if not tiles.any():
            continue
        columns = np.flatnonzero(np.repeat(tiles, tile_px)[:width])  # the tiles' pixel columns only
        ink = np.min([squared_distance(strip[:, columns], np.repeat(colours, tile_px, axis=0)[columns])
                      for colours in (background[row], *around[row:row + 3, 1:cols + 1])], axis=0)
        ink = 255 - gain * np.sqrt(ink / 3, out=ink)
        view = pixels[band][:, columns]
        pixels[band, columns] = np.minimum(view, np.clip(ink, 0, 255, out=ink)).astype(np.uint8)


def flat_tiles(strip: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Per tile of an RGB `strip` (tiles starting at the columns `starts`), whether all its pixels
    hold one colour (blank page, a bar's fill): most of a frame, and nothing in it differs in colour."""
    low = np.minimum.reduceat(strip.min(axis=0), starts, axis=0)
    high = np.maximum.reduceat(strip.max(axis=0), starts, axis=0)
    return (low == high).all(axis=1)


def squared_distance(strip: np.ndarray, colours: np.ndarray) -> np.ndarray:
    """Per pixel of an RGB `strip`, its squared distance from the colour of its column in `colours`."""
    distance = np.square(strip.astype(np.float32) - colours)
    total = distance[:, :, 0] + distance[:, :, 1]  # channel by channel: a sum over the last axis is slow
    total += distance[:, :, 2]
    return total


def flip_dark_tiles(pixels: np.ndarray, tile_px: int, rows_px: int, medians: np.ndarray | None = None) -> None:
    """In place: invert the tiles whose 3x3 neighbourhood's median of medians (`tile_medians`, given
    or computed) is dark, and stretch each tile's background towards white."""
    medians = tile_medians(pixels, tile_px, rows_px) if medians is None else medians
    dark = neighbourhood_medians(medians) < 128
    background = np.where(dark, 255 - medians, medians)
    stretch = np.where(background >= 128, np.clip(255 / np.maximum(background, 1), 1, 2), 1).astype(np.float32)
    if not dark.any() and (stretch == 1).all():  # already dark text on white: the common case
        return
    width = pixels.shape[1]
    for row in np.flatnonzero(dark.any(axis=1) | (stretch != 1).any(axis=1)):
        band = slice(row * rows_px, (row + 1) * rows_px)
        strip = pixels[band].astype(np.float32)
        np.subtract(255, strip, out=strip, where=np.repeat(dark[row], tile_px)[:width])
        strip *= np.repeat(stretch[row], tile_px)[:width]
        pixels[band] = np.clip(strip, 0, 255, out=strip)


def neighbourhood_medians(medians: np.ndarray) -> np.ndarray:
    """Per tile, the median of its 3x3 neighbourhood of tile medians (edges repeated)."""
    rows, cols = medians.shape
    around = np.pad(medians, 1, mode="edge")
    return np.median(np.stack([around[r:r + rows, c:c + cols] for r in range(3) for c in range(3)]), axis=0)


def tile_medians(pixels: np.ndarray, tile_px: int, rows_px: int) -> np.ndarray:
    """(rows, cols) medians of every other pixel of each `tile_px` wide, `rows_px` tall tile (per
    channel when `pixels` has channels), edge tiles holding what is left of the frame: MEDIAN_STRIPS
    strips of whole tiles at a time (one numpy call each, not one per strip), so no copy of the whole
    frame is made."""
    height, width = pixels.shape[:2]
    rows = math.ceil(height / rows_px)
    full_rows, full_cols = height // rows_px, width // tile_px
    medians = np.empty((rows, math.ceil(width / tile_px), *pixels.shape[2:]), dtype=np.float32)
    every = 2 if rows_px > 2 else 1  # every other row of a strip taller than two, as `strip_medians`
    for first in range(0, full_rows if full_cols else 0, MEDIAN_STRIPS):
        last = min(full_rows, first + MEDIAN_STRIPS)
        block = pixels[first * rows_px:last * rows_px, :full_cols * tile_px]
        tiles = block.reshape(last - first, rows_px, full_cols, tile_px, *pixels.shape[2:])[:, ::every, :, ::2]
        medians[first:last, :full_cols] = np.median(tiles, axis=(1, 3))
    for row in range(rows):  # what whole tiles leave: a last short strip, a last narrow column
        strip = pixels[row * rows_px:(row + 1) * rows_px]
        if row >= full_rows or not full_cols:
            medians[row] = strip_medians(strip, tile_px, rows_px)
        elif full_cols < medians.shape[1]:
            medians[row, full_cols] = np.median(strip[::every, full_cols * tile_px::2], axis=(0, 1))
    return medians


# Strips of tiles whose medians `tile_medians` takes in one call: bounds the copy it makes.
MEDIAN_STRIPS = 16


def strip_medians(strip: np.ndarray, tile_px: int, rows_px: int) -> np.ndarray:
    """The medians of every other pixel of each `tile_px` wide tile of one strip of a frame cut in
    `rows_px` strips (every other row too, when they are taller than two), per channel when `strip`
    has channels."""
    width, full = strip.shape[1], strip.shape[1] // tile_px
    strip = strip[::2] if rows_px > 2 else strip  # every other row of the strip is plenty
    medians = np.empty((math.ceil(width / tile_px), *strip.shape[2:]), dtype=np.float32)
    if full:
        tiles = strip[:, :full * tile_px].reshape(len(strip), full, tile_px, *strip.shape[2:])[:, :, ::2]
        medians[:full] = np.median(tiles, axis=(0, 2))
    if full < len(medians):
        medians[full] = np.median(strip[:, full * tile_px::2], axis=(0, 1))
    return medians


def words_from_data(data: dict[str, list], min_confidence: float, scale: int = 1) -> tuple[OcrWord, ...]:
    """Tesseract's table -> words in reading order, each with its line number and its offset in
    `ocr_text`; boxes read on an image `scale` times larger are mapped back (rounded outwards)."""
    words: list[OcrWord] = []
    lines: dict[tuple[int, int, int], int] = {}
    start = 0
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if not text or float(data["conf"][i]) < min_confidence:
            continue
        line = lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), len(lines))
        if words:
            start += 1  # one separator character: a newline between lines, a space inside one
        left, top = int(data["left"][i]) // scale, int(data["top"][i]) // scale
        right = -(-(int(data["left"][i]) + int(data["width"][i])) // scale)
        bottom = -(-(int(data["top"][i]) + int(data["height"][i])) // scale)
        words.append(OcrWord(text, left, top, right - left, bottom - top, start, line, float(data["conf"][i])))
        start += len(text)
    return tuple(words)


# Words further apart than this many word heights on one visual line belong to different fields
# (table columns, a name beside a time); closer ones are one field, whatever lines Tesseract made.
FIELD_GAP_HEIGHTS = 1.5


def text_lines(words: Iterable[OcrWord]) -> tuple[OcrWord, ...]:
    """Words in reading order, grouped by their boxes: a visual line is the words whose vertical
    centre lies within its height, and it splits into fields where a gap is wider than
    FIELD_GAP_HEIGHTS word heights. Each field gets its own line number and offsets are recomputed,
    so `ocr_text` gives a field per line and a name read as two words (or by two reads) is one span."""
    rows: list[list[OcrWord]] = []
    bottom = -1  # lowest edge of the current row; words come sorted by top, so its top is its first's
    for word in sorted(words, key=lambda w: (w.top, w.left)):
        if rows and word.top + word.height / 2 <= bottom:
            rows[-1].append(word)
        else:
            rows.append([word])
        bottom = max(bottom, word.top + word.height) if len(rows[-1]) > 1 else word.top + word.height
    out: list[OcrWord] = []
    start, line = 0, -1
    for row in rows:
        previous = None
        for word in sorted(row, key=lambda w: w.left):
            if previous is None or word.left - (previous.left + previous.width) > FIELD_GAP_HEIGHTS * max(
                    1, word.height, previous.height):
                line += 1
            if out:
                start += 1
            out.append(replace(word, start=start, line=line))
            start += len(word.text)
            previous = word
    return tuple(out)


def ocr_text(words: tuple[OcrWord, ...]) -> str:
    """The words as one text, a line per OCR line, matching each word's `start` offset."""
    pieces: list[str] = []
    for i, word in enumerate(words):
        if i:
            pieces.append("\n" if word.line != words[i - 1].line else " ")
        pieces.append(word.text)
    return "".join(pieces)


def joined_text(words: tuple[OcrWord, ...]) -> tuple[str, tuple[int, ...]]:
    """The OCR text with words wrapped across a line break joined: a hyphen dropped ("exam-" +
    "ple.com" -> "example.com"), a break after or before `@ . / _` closed ("jane.doe@" + "example.com");
    and words of one line that OCR split inside one token joined (`split_token`): "holmes." + "com>".
    Also, for each character, the index of the word it came from (-1: a separator)."""
    chars: list[str] = []
    owners: list[int] = []
    for i, word in enumerate(words):
        text = word.text
        after = words[i + 1] if i + 1 < len(words) else None
        wraps = after is not None and after.line != word.line and len(text) > 1
        hyphen = wraps and text.endswith("-") and after.text[:1].isalnum()
        joins_next = hyphen or (wraps and (text[-1] in "@./_" or after.text[:1] in "@.")) or (
            after is not None and after.line == word.line and split_token(word, after))
        if hyphen:
            text = text[:-1]
        chars += text
        owners += [i] * len(text)
        if after is not None and not joins_next:
            chars.append("\n" if after.line != word.line else " ")
            owners.append(-1)
    return "".join(chars), tuple(owners)


# OCR splits long tokens (addresses, handles, keys) where a glyph is thin: the two halves then
# stand closer than a space. Gaps are in heights of the taller word: under TOUCHING_HEIGHTS (or
# overlapping) the words touch; under CONNECTED_HEIGHTS they are joined when the split falls at a
# connector (`@ _ /`, a hyphen inside a word, or a `.` before a lower-case letter or digit, as in a domain). A space in
# proportional UI fonts is about 0.25-0.35 of a word's height, in monospace 0.6-1.0 (measured on
# the evaluation's dev screens): "Hello." + "World" and "Customer:" + "Jane" stay apart.
TOUCHING_HEIGHTS = 0.12
CONNECTED_HEIGHTS = 0.4


def split_token(word: OcrWord, after: OcrWord) -> bool:
    """Whether `after`, read next on the same line, continues the token `word` holds."""
    gap = after.left - (word.left + word.width)
    height = max(word.height, after.height, 1)
    if gap <= TOUCHING_HEIGHTS * height:
        return True
    if gap >= CONNECTED_HEIGHTS * height or not word.text or not after.text:
        return False
    ends, starts = word.text[-1], after.text[0]
    hyphen = (ends == "-" and len(word.text) > 1 and starts.isalnum()) or (
        starts == "-" and after.text[1:2].isalnum() and word.text[-1].isalnum())
    return hyphen or ends in "@_/" or starts in "@_" or (ends == "." and (starts.islower() or starts.isdigit()))
