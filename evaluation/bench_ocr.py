"""`make bench-ocr`: seconds per screenshot of the pipeline's OCR against a plain full-frame
`pytesseract.image_to_data`, on 1920x1080 (1x) and 3840x2160 (2x) screens, light and dark, and
per frame of a session stream (consecutive frames of one screen where a chat line and the clock
change), where the pipeline reads only what changed.

All run single-threaded (OMP_THREAD_LIMIT=1, as on the pipeline's workers), on the same seeded
frames, in one run. The ratio is pipeline time over plain time: above 1 is the cost of reading
dark panels and 1x text reliably; below 1 is a saving. The session row also counts the words
the reuse read differently from a full read of each frame (must be 0: the same leak result).
"""
from __future__ import annotations

import os
import random
import time

import pytesseract

from PIL import Image, ImageDraw, ImageFont

from models.images import decode_image
from models.ocr import OcrSettings, TesseractOcr, ocr_text
from models.session_ocr import SessionOcr
from sample.generate import screen

SESSION_FRAMES = 12

WORDS = ("deploy release merge review ticket schema latency dashboard quarterly planning notes customer "
         "roadmap incident on-call staging canary rollback budget forecast vendor contract").split()


def frame(rng: random.Random, dark: bool, scale: int) -> bytes:
    """A full-HD screen (or its 2x capture) filled with lines of UI-sized text."""
    lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))) for _ in range(22)]
    return screen(lines, dark=dark, size=(1920 * scale, 1080 * scale), font_px=16 * scale)


def session_stream(rng: random.Random, frames: int) -> list[Image.Image]:
    """A dense chat screen filling up: one new message and a clock tick per frame."""
    history = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 10))) for _ in range(18)]
    font = ImageFont.load_default(size=16)
    images = []
    for index in range(frames):
        image = Image.new("RGB", (1920, 1080), (255, 255, 255))
        draw = ImageDraw.Draw(image)
        draw.text((1780, 12), f"10:{index:02d}", fill=(0, 0, 0), font=font)
        history.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 10))))
        for row, line in enumerate(history[:30]):  # no scrolling: a scrolled screen changes every tile
            draw.text((60, 50 + 36 * row), line, fill=(20, 20, 20), font=font)
        images.append(image)
    return images


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
    stream = session_stream(rng, SESSION_FRAMES)
    session = SessionOcr(engine, OcrSettings.reuse_tile_px, OcrSettings.reuse_max_sessions)
    reused: list[str] = []
    first = seconds_per_frame(lambda image: reused.append(ocr_text(session.read(image, "s"))), stream[:1])
    later = seconds_per_frame(lambda image: reused.append(ocr_text(session.read(image, "s"))), stream[1:])
    plain = seconds_per_frame(lambda image: pytesseract.image_to_data(image), stream)
    differing = sum(len(set(text.split()) ^ set(ocr_text(engine.read(image)).split()))
                    for text, image in zip(reused, stream))
    mean = (first + later * (len(stream) - 1)) / len(stream)
    print(f"| session of {SESSION_FRAMES} 1920x1080 frames, all frames | {mean:.2f} | {plain:.2f} | "
          f"{mean / plain:.2f} ({plain / mean:.1f}x faster) |")
    print(f"| same session, frames after the first | {later:.2f} | {plain:.2f} | {later / plain:.2f} "
          f"({plain / later:.1f}x faster; {differing} words differ from full reads) |")


if __name__ == "__main__":
    main()
