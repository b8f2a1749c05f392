"""Screenshot bytes, inline or from any Beam filesystem, read and decoded within the policy's limits."""
from __future__ import annotations

import base64
import binascii
from typing import BinaryIO

from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from PIL import Image

from models.image_source import UnreadableImage, read_image_file
from models.images import decode_image
from models.ocr import OcrSettings
from models.policy import ScreenshotRules
from models.records import DiscardedRecord, RawRecord


def open_on_beam_filesystem(uri: str) -> tuple[BinaryIO, int]:
    """A non-local image file opened as it is stored (never decompressed by its name), and its size."""
    matched = [found for found in FileSystems.match([uri])[0].metadata_list if found.path == uri]
    if not matched:
        raise UnreadableImage("image_uri_unreadable")
    return FileSystems.open(uri, compression_type=CompressionTypes.UNCOMPRESSED), matched[0].size_in_bytes


def image_bytes(record: RawRecord, roots: tuple[str, ...], rules: ScreenshotRules) -> bytes:
    """The screenshot's bytes: inline base64, or the file `image_uri` names under `roots` (any Beam
    filesystem), within the policy's size and read-time limits."""
    if record.image_b64:
        if len(record.image_b64) // 4 * 3 > rules.max_image_bytes:
            raise UnreadableImage("too_large")
        try:
            return base64.b64decode(record.image_b64, validate=True)
        except (binascii.Error, ValueError):
            raise UnreadableImage("bad_base64") from None
    try:
        return read_image_file(record.image_uri, roots, rules.max_image_bytes, rules.image_read_timeout_secs,
                               open_on_beam_filesystem)
    except OSError:  # BeamIOError, which wraps every filesystem's errors, is an OSError too.
        raise UnreadableImage("image_uri_unreadable") from None


def decoded(record: RawRecord, settings: OcrSettings, rules: ScreenshotRules) -> tuple[bytes, Image.Image]:
    """The screenshot's bytes and its decoded image, or UnreadableImage/UnsafeImage naming why not."""
    data = image_bytes(record, settings.image_roots, rules)
    return data, decode_image(data, rules.max_pixels, rules.max_side_px, rules.max_aspect_ratio)


def refused_image(record: RawRecord, reason: str) -> DiscardedRecord:
    """An image refused on its way in, quarantined by its reason code."""
    return DiscardedRecord(record.kind, f"quarantined:image:{reason}")
