"""OCR engine interface and its Tesseract implementation: image -> words with boxes."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Protocol

import pytesseract
from PIL import Image, ImageOps, ImageStat

from models.records import OcrWord


@dataclass(frozen=True)
class OcrSettings:
    """How Tesseract reads a screen; `config` holds its page segmentation and engine flags."""

    language: str = "eng"
    config: str = "--psm 11"
    timeout_secs: float = 60.0
    min_confidence: float = 0.0


class OcrUnavailable(RuntimeError):
    """Tesseract or its language data is missing on this machine."""


def check_tesseract(settings: OcrSettings) -> None:
    """Raise OcrUnavailable, naming the Debian package, unless Tesseract can read `settings.language`."""
    try:
        languages = set(pytesseract.get_languages(config=""))
    except pytesseract.TesseractNotFoundError:
        raise OcrUnavailable("tesseract is not installed (Debian package tesseract-ocr)") from None
    missing = sorted(set(settings.language.split("+")) - languages)
    if missing:
        raise OcrUnavailable(f"Tesseract language data {missing} is not installed "
                             f"(Debian packages tesseract-ocr-{missing[0]}, ...)")


class OcrEngine(Protocol):
    """Anything that reads words and their boxes off an image."""

    def read(self, image: Image.Image) -> tuple[OcrWord, ...]: ...


class TesseractOcr:
    """One `pytesseract.image_to_data` call per image; dark screens are inverted first."""

    def __init__(self, settings: OcrSettings):
        self._settings = settings
        # Tesseract's OpenMP threads fight Beam's worker processes for the same cores.
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")

    def read(self, image: Image.Image) -> tuple[OcrWord, ...]:
        gray = image.convert("L")
        if ImageStat.Stat(gray).mean[0] < 128:  # light text on a dark theme
            gray = ImageOps.invert(gray)
        data = pytesseract.image_to_data(
            gray, lang=self._settings.language, config=self._settings.config,
            timeout=self._settings.timeout_secs, output_type=pytesseract.Output.DICT)
        return words_from_data(data, self._settings.min_confidence)


def words_from_data(data: dict[str, list], min_confidence: float) -> tuple[OcrWord, ...]:
    """Tesseract's table -> words in reading order, each with its line number and its offset in `ocr_text`."""
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
        words.append(OcrWord(text, int(data["left"][i]), int(data["top"][i]),
                             int(data["width"][i]), int(data["height"][i]), start, line))
        start += len(text)
    return tuple(words)


def ocr_text(words: tuple[OcrWord, ...]) -> str:
    """The words as one text, a line per OCR line, matching each word's `start` offset."""
    pieces: list[str] = []
    for i, word in enumerate(words):
        if i:
            pieces.append("\n" if word.line != words[i - 1].line else " ")
        pieces.append(word.text)
    return "".join(pieces)
