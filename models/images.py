"""Safe screenshot decoding and opaque box redaction with Pillow."""
from __future__ import annotations

import io
import warnings

from PIL import Image, ImageDraw

from models.records import OcrWord

ALLOWED_FORMATS = ("PNG", "JPEG")
FILL = (0, 0, 0)


class UnsafeImage(ValueError):
    """An image the pipeline refuses to decode; `reason` is a code safe to count."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def decode_image(data: bytes, max_pixels: int, max_side_px: int | None = None,
                 max_aspect_ratio: float | None = None) -> Image.Image:
    """Fully decoded RGB image from PNG or JPEG bytes within `max_pixels`; anything else is refused.

    Sides and aspect ratio are checked from the header too when given (the OCR stage, whose
    normalisation and upscaling are bounded for those shapes only), so a refused image is never decoded.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
            if image.width * image.height > max_pixels:
                raise UnsafeImage("too_many_pixels")
            if not admitted_shape(image.size, max_side_px, max_aspect_ratio):
                raise UnsafeImage("bad_dimensions")
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnsafeImage("too_many_pixels") from None
    except Image.UnidentifiedImageError:
        raise UnsafeImage("not_png_or_jpeg") from None
    except (OSError, SyntaxError, ValueError) as exc:
        if isinstance(exc, UnsafeImage):
            raise
        raise UnsafeImage("truncated_or_corrupt") from None
    return image.convert("RGB")


def admitted_shape(size: tuple[int, int], max_side_px: int | None, max_aspect_ratio: float | None) -> bool:
    """Whether no side is longer than `max_side_px` and long side / short side is at most
    `max_aspect_ratio` (a limit given as None is not checked)."""
    long_side, short_side = max(size), min(size)
    return ((max_side_px is None or long_side <= max_side_px)
            and (max_aspect_ratio is None or long_side <= max_aspect_ratio * short_side))


def cover_words(image: Image.Image, words: list[OcrWord] | tuple[OcrWord, ...],
                min_padding: int, height_ratio: float) -> Image.Image:
    """A copy of `image` with an opaque solid box over each word, grown by max(min_padding, ratio * height)."""
    boxes = []
    for word in words:
        padding = max(min_padding, round(word.height * height_ratio))
        boxes.append((word.left - padding, word.top - padding,
                      word.left + word.width + padding, word.top + word.height + padding))
    return cover_boxes(image.copy(), boxes, 0)


def cover_boxes(image: Image.Image, boxes: list[tuple[int, int, int, int]], padding: int) -> Image.Image:
    """`image` with an opaque solid box over each (left, top, right, bottom) box, grown by `padding`
    and kept within the image; drawn in place (callers pass a copy they own)."""
    draw = ImageDraw.Draw(image)
    for left, top, right, bottom in boxes:
        draw.rectangle((max(0, left - padding), max(0, top - padding),
                        min(image.width - 1, right + padding), min(image.height - 1, bottom + padding)), fill=FILL)
    return image


def encode_png(image: Image.Image) -> bytes:
    """PNG bytes without the input's metadata (EXIF and text chunks can hold content too)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
