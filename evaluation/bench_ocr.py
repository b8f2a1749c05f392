"""`make bench-ocr`: seconds per screenshot of the pipeline's OCR against a plain full-frame
`pytesseract.image_to_data`, on 1920x1080 (1x) and 3840x2160 (2x) screens, light and dark.

Both run single-threaded (OMP_THREAD_LIMIT=1, as on the pipeline's workers), on the same seeded
frames, in one run. The ratio is pipeline time over plain time: above 1 is the cost of reading
dark panels and 1x text reliably.
"""
from __future__ import annotations

import os
import random
import time

import pytesseract

from models.images import decode_image
from models.ocr import OcrSettings, TesseractOcr
from sample.generate import screen

WORDS = ("deploy release merge review ticket schema latency dashboard quarterly planning notes customer "
         "roadmap incident on-call staging canary rollback budget forecast vendor contract").split()


def frame(rng: random.Random, dark: bool, scale: int) -> bytes:
    """A full-HD screen (or its 2x capture) filled with lines of UI-sized text."""
    lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))) for _ in range(22)]
    return screen(lines, dark=dark, size=(1920 * scale, 1080 * scale), font_px=16 * scale)


def seconds_per_frame(read, images) -> float:
    started = time.perf_counter()
    for image in images:
        read(image)
    return (time.perf_counter() - started) / len(images)


def main() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    rng = random.Random(20261125)
    engine = TesseractOcr(OcrSettings())
    print("| frames | pipeline s/frame | plain image_to_data s/frame | ratio |\n|---|---|---|---|")
    for scale in (1, 2):
        images = [decode_image(frame(rng, dark, scale), 10**9) for dark in (False, True, False, True)]
        ours = seconds_per_frame(engine.read, images)
        plain = seconds_per_frame(lambda image: pytesseract.image_to_data(image), images)
        print(f"| {1920 * scale}x{1080 * scale}, 2 light + 2 dark | {ours:.2f} | {plain:.2f} | {ours / plain:.2f} |")


if __name__ == "__main__":
    main()
