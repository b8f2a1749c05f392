"""Safe decoding (PNG/JPEG only, pixel limit, no truncated files) and opaque covering."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from models.images import UnsafeImage, cover_words, decode_image, encode_png
from models.records import OcrWord


def encoded(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def test_when_png_or_jpeg_then_decoded_as_rgb():
    for fmt in ("PNG", "JPEG"):
        assert decode_image(encoded(Image.new("L", (8, 6), 200), fmt), 1000).size == (8, 6)


@pytest.mark.parametrize("data, reason", [
    (encoded(Image.new("RGB", (4, 4)), "GIF"), "not_png_or_jpeg"),
    (encoded(Image.new("RGB", (4, 4)), "BMP"), "not_png_or_jpeg"),
    (b"not an image", "not_png_or_jpeg"),
    (encoded(Image.new("RGB", (100, 100)), "PNG"), "too_many_pixels"),
    (encoded(Image.effect_noise((64, 64), 50).convert("RGB"), "PNG")[:-200], "truncated_or_corrupt"),
])
def test_when_image_is_unsafe_then_it_is_refused_with_a_reason(data, reason):
    with pytest.raises(UnsafeImage) as error:
        decode_image(data, max_pixels=5000)
    assert error.value.reason == reason


def test_when_words_are_covered_then_their_padded_boxes_are_solid_and_size_is_kept():
    image = Image.new("RGB", (100, 50), (255, 255, 255))
    covered = cover_words(image, [OcrWord("x", 20, 10, 30, 20, 0)], min_padding=2, height_ratio=0.25)
    assert covered.size == image.size
    assert {covered.getpixel((x, y)) for x in range(15, 56) for y in range(5, 36)} == {(0, 0, 0)}
    assert covered.getpixel((60, 10)) == (255, 255, 255)
    assert image.getpixel((30, 20)) == (255, 255, 255)  # the input is not modified


def test_when_encoded_then_output_is_png_without_the_input_metadata():
    from PIL import PngImagePlugin
    exif = Image.Exif()
    exif[0x010E] = "Jane Doe's screen"  # ImageDescription
    jpeg = io.BytesIO()
    Image.new("RGB", (8, 8)).save(jpeg, format="JPEG", exif=exif)
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Jane Doe")
    png = io.BytesIO()
    Image.new("RGB", (8, 8)).save(png, format="PNG", pnginfo=text)
    for data in (jpeg.getvalue(), png.getvalue()):
        assert b"Jane Doe" in data
        out = encode_png(decode_image(data, 10**6))
        assert out.startswith(b"\x89PNG") and b"Jane Doe" not in out
