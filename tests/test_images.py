"""Safe decoding (PNG/JPEG only, pixel, side and aspect limits, no truncated files) and opaque covering."""
from __future__ import annotations

import io

import pytest
from PIL import Image, ImageFile

from models.images import UnsafeImage, admitted_shape, cover_words, decode_image, encode_png
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


@pytest.mark.parametrize("size, admitted", [
    ((16384, 2048), True), ((2048, 16384), True), ((16384, 2047), False), ((16385, 4000), False),
    ((1, 8), True), ((1, 9), False), ((1, 4_000_000), False), ((1920, 1080), True),
])
def test_when_a_shape_is_checked_then_sides_and_aspect_ratio_are_bounded(size, admitted):
    assert admitted_shape(size, max_side_px=16384, max_aspect_ratio=8) is admitted
    assert admitted_shape(size, max_side_px=None, max_aspect_ratio=None)


def test_when_a_tall_strip_fits_the_pixel_limit_then_it_is_refused_from_its_header(monkeypatch):
    strip = encoded(Image.new("L", (1, 4_000_000), 255), "PNG")
    assert len(strip) < 50_000  # a few KB of input, and within the pixel limit below

    def no_decoding(self):
        raise AssertionError("pixels decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    with pytest.raises(UnsafeImage) as error:
        decode_image(strip, 5_000_000, max_side_px=16384, max_aspect_ratio=8)
    assert error.value.reason == "bad_dimensions"
