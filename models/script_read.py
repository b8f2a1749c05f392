"""A second, targeted read of the words a Latin read may have made of another script (Олекса read as
`Onekca`, Αφροδίτη as `Agpoôítn`), with Tesseract's data for those scripts, so they can be covered.

Only suspicious words are read again (letters that make no English, UI or work word, read less
than surely), cropped from the image the first read saw and stacked into one image: one more
Tesseract call per frame that has any, its size linear in those words' crops."""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from functools import cache
from typing import Callable

import numpy as np
import pydantic
from PIL import Image

from models.config_files import DATA_DIR, StrictModel, load_yaml_file
from models.login_words import is_ordinary_word
from models.records import OcrWord


class ScriptRead(StrictModel):
    """Which words are read again and with what (models/data/script_read.yaml)."""

    languages: str = pydantic.Field(pattern=r"^([A-Za-z_]+(\+[A-Za-z_]+)*)?$")
    max_confidence: float = pydantic.Field(ge=0, le=100)
    min_letter_share: float = pydantic.Field(ge=0, le=1)
    min_confidence: float = pydantic.Field(ge=0, le=100)
    margin: float = pydantic.Field(ge=0, le=100)
    other_share: float = pydantic.Field(gt=0, le=1)
    latin_marks: str = pydantic.Field(max_length=20)
    padding_heights: float = pydantic.Field(ge=0, le=2)
    gap_heights: float = pydantic.Field(ge=0.2, le=4)
    config: str = pydantic.Field(pattern=r"^--psm (6|7|11|13)$")


@cache
def script_read_rules() -> ScriptRead:
    """The shipped rules, validated once per process."""
    return load_yaml_file(DATA_DIR / "script_read.yaml", ScriptRead)


def script_languages() -> frozenset[str]:
    """The Tesseract data the second read needs (checked at start-up with the first read's)."""
    return frozenset(filter(None, script_read_rules().languages.split("+")))


def other_script_share(text: str) -> float:
    """The share of `text`'s letters in a script other than Latin (0 when it has none)."""
    letters = [c for c in text if c.isalpha()]
    return sum(not unicodedata.name(c, "LATIN").startswith("LATIN") for c in letters) / max(1, len(letters))


def suspicious(word: OcrWord, rules: ScriptRead, ordinary: Callable[[str], bool]) -> bool:
    """Whether the Latin read of `word` may be another script misread: not sure (below
    `max_confidence`), mostly letters (`min_letter_share`), no Latin structure in it, and letters
    that make no English, UI or work word (`ordinary`; each part of a hyphenated word)."""
    # A speaker's or a mention's mark at an end ("Олекса:" read `Onekca:`, "@Олекса") is no structure.
    text = word.text.strip(".,;:!?()'\"@")
    letters = sum(c.isalpha() for c in text)
    if (not letters or letters < rules.min_letter_share * len(text) or word.confidence >= rules.max_confidence
            or any(c in rules.latin_marks for c in text)):
        return False
    parts = text.split("-")
    return not all(part.isalpha() and ordinary(part) for part in parts)


def reread(image: Image.Image, words: tuple[OcrWord, ...], scale: int, table: Callable[[Image.Image, str, str], dict],
           ordinary: Callable[[str], bool] = is_ordinary_word, rules: ScriptRead | None = None) -> tuple[OcrWord, ...]:
    """`words` (read off `image`, `scale` times their boxes) with each suspicious word whose second
    read, by `table` (Tesseract's word table of an image, given languages and flags), is surer by
    `margin` and in another script taking that read's text and confidence. `image` is the grayscale image
    the first read saw."""
    rules = rules or script_read_rules()
    picked = [i for i, word in enumerate(words) if suspicious(word, rules, ordinary)] if rules.languages else []
    if not picked:
        return words
    stack, rows = stacked(image, [words[i] for i in picked], scale, rules)
    second = row_reads(table(stack, rules.languages, rules.config), rows)
    out = list(words)
    for i, (text, confidence) in zip(picked, second):
        first = words[i].confidence
        if (text and confidence >= rules.min_confidence and confidence >= first + rules.margin
                and other_script_share(text) >= rules.other_share and not lost_capitals(words[i].text, text)):
            out[i] = replace(words[i], text=text, confidence=confidence)
    return tuple(out)


def lost_capitals(first: str, second: str) -> bool:
    """Whether a word read in capitals (two or more letters, all upper case: initials in an avatar, an
    acronym) came back from the second read with no capital: a glyph's case is its height, which no
    script changes, so `CD` read as Cyrillic `ср` or `GW` as Greek `ονν` is a look-alike, not a name."""
    before = [c for c in first if c.isalpha()]
    after = [c for c in second if c.isalpha()]
    return len(before) >= 2 and all(c.isupper() for c in before) and not any(c.isupper() for c in after)


# The stack may hold at most this many times the read image's pixels (or `MIN_STACK_PIXELS`, for a
# small image): the second read then costs a bounded multiple of the first, whatever boxes it gave.
MAX_STACK_IMAGES = 4
MIN_STACK_PIXELS = 1 << 24


class StackTooLarge(RuntimeError):
    """The words to read again make a stack larger than allowed (`MAX_STACK_IMAGES`): the frame
    is failed (dropped and counted) rather than read unbounded or left unread. Holds no content."""


def stacked(image: Image.Image, words: list[OcrWord], scale: int, rules: ScriptRead
            ) -> tuple[Image.Image, list[tuple[int, int]]]:
    """The words' crops (boxes grown by `padding_heights`) one under another on white, and each
    crop's top and bottom row in the stack. Each gap is `gap_heights` of the taller crop beside it
    (not of the tallest crop of all: one tall box, a logo read as a word, would put its height
    between every pair of crops and make the stack quadratic in the words)."""
    pixels = np.asarray(image.convert("L"))
    crops = []
    for word in words:
        pad = round(rules.padding_heights * word.height * scale)
        left, top = max(0, word.left * scale - pad), max(0, word.top * scale - pad)
        right = min(pixels.shape[1], (word.left + word.width) * scale + pad)
        bottom = min(pixels.shape[0], (word.top + word.height) * scale + pad)
        crops.append(pixels[top:bottom, left:right])
    heights = [crop.shape[0] for crop in crops]
    gaps = [max(8, round(rules.gap_heights * max(above, below)))
            for above, below in zip([0, *heights], [*heights, 0])]
    margin = max(8, round(rules.gap_heights * sorted(heights)[len(heights) // 2]))
    width = max(crop.shape[1] for crop in crops) + 2 * margin
    height = sum(heights) + sum(gaps)
    if width * height > max(MIN_STACK_PIXELS, MAX_STACK_IMAGES * pixels.size):
        raise StackTooLarge(f"second-read stack of {len(crops)} words is {width}x{height} pixels")
    sheet = np.full((height, width), 255, dtype=np.uint8)
    rows, y = [], gaps[0]
    for crop, gap in zip(crops, gaps[1:]):
        sheet[y:y + crop.shape[0], margin:margin + crop.shape[1]] = crop
        rows.append((y, y + crop.shape[0]))
        y += crop.shape[0] + gap
    return Image.fromarray(sheet), rows


def row_reads(data: dict[str, list], rows: list[tuple[int, int]]) -> list[tuple[str, float]]:
    """Per crop row, the words the table read whose vertical centre falls in it, joined in reading
    order (one word was cropped: no space), and the least confidence among them (("", -1) when none)."""
    found: list[list[tuple[int, str, float]]] = [[] for _ in rows]
    tops = [top for top, _ in rows]
    for i, text in enumerate(data["text"]):
        text, confidence = str(text).strip(), float(data["conf"][i])
        if not text or confidence < 0:
            continue
        centre = int(data["top"][i]) + int(data["height"][i]) / 2
        row = int(np.searchsorted(tops, centre, side="right")) - 1
        if 0 <= row and centre <= rows[row][1]:
            found[row].append((int(data["left"][i]), text, confidence))
    return [("".join(text for _, text, _ in sorted(row)), min((c for _, _, c in row), default=-1)) for row in found]
