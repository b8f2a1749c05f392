"""`make bench-ocr`: seconds per screenshot of the pipeline's OCR against a plain full-frame
`pytesseract.image_to_data`, on 1920x1080 (1x) and 3840x2160 (2x) screens, light and dark, and
per frame of a session stream (consecutive frames of one screen where a chat line and the clock
change), where the pipeline reads only what changed; then the pipeline's OCR stage (RunOcr on
FnApiRunner, 2 worker processes) over a stream of 40 frames of 2 sessions, with and without reuse.

`python -m evaluation.bench_ocr --unreadable out/eval/dev` measures the unreadable-text and
other-script covers (models/unreadable.py, after the OCR's second read of suspicious words with
other scripts' data, models/script_read.py) on the same screens, apart from detection: the share of gold values (in
Latin and in other scripts) whose drawn text the cover alone hides, and its cost, the share of
OCR words that hold no gold value and are covered.

`python -m evaluation.bench_ocr --reach out/eval/dev` measures instead the OCR's reach on the
evaluation's rendered screens (docs/evaluation.md; development split only): the share of gold span
texts that the pipeline's OCR reads at all (as the evaluation's `ocr_reach` counts it), by kind
of region, by label and by look (theme and scale), apart from detection, and why the others were
not: another script, letters outside the language data, look-alike glyphs, or not read; and for the
Latin values missed, from the words read inside the value's box, whether Tesseract found no text
there, cut it apart, or misread it, with the commonest misread characters. `--language` reads with other
Tesseract language data (e.g. `eng`; the pipeline's default is `Latin`, Debian's tesseract-ocr-script-latn); `--quick` times
only the per-frame cost.

All run single-threaded (OMP_THREAD_LIMIT=1, as on the pipeline's workers), on the same seeded
frames, in one run. The ratio is pipeline time over plain time: above 1 is the cost of reading
dark panels and 1x text reliably; below 1 is a saving. The session row also counts the words
the reuse read differently from a full read of each frame (must be 0: the same leak result).
"""
from __future__ import annotations

import argparse
import base64
import difflib
import io
import json
import multiprocessing
import os
import random
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

import apache_beam as beam
import numpy as np
import pytesseract
from apache_beam.options.pipeline_options import PipelineOptions
from PIL import Image, ImageDraw, ImageFont

from evaluation.scoring import box_covered, squash
from models.images import cover_words, decode_image
from models.ocr import OcrSettings, TesseractOcr, ocr_text
from models.policy import DEFAULT_POLICY, load_policy
from models.records import OcrWord, RawRecord
from models.session_ocr import SessionOcr
from models.unreadable import other_script_indices, unreadable_indices
from sample.generate import screen
from transforms.ocr import RunOcr

SESSION_FRAMES = 12
STREAM_SESSIONS, STREAM_FRAMES = 2, 20
TWO_WORKERS = ["--runner=FnApiRunner", "--direct_num_workers=2", "--direct_running_mode=multi_processing"]

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
    """Mean seconds `read` takes per image."""
    started = time.perf_counter()
    for image in images:
        read(image)
    return (time.perf_counter() - started) / len(images)


def cpu_seconds_per_frame(read, images) -> float:
    """Mean CPU seconds (this process and its Tesseract children) `read` takes per image: unlike wall
    time, it holds on a machine whose cores other work shares."""
    before = os.times()
    for image in images:
        read(image)
    after = os.times()
    used = sum(getattr(after, f) - getattr(before, f) for f in ("user", "system", "children_user", "children_system"))
    return used / len(images)


def stream_records(rng: random.Random) -> list[RawRecord]:
    """STREAM_SESSIONS sessions of STREAM_FRAMES frames each, interleaved and shuffled as a source
    may deliver them; `ts` gives each frame's place in its session."""
    records = []
    for session in range(STREAM_SESSIONS):
        for index, image in enumerate(session_stream(rng, STREAM_FRAMES)):
            png = io.BytesIO()
            image.save(png, format="PNG")
            records.append(RawRecord(f"s{session}-{index}", "screenshot", f"emp-{session}",
                                     f"2026-06-09T09:{index:02d}:00Z", session_id=f"session-{session}",
                                     image_b64=base64.b64encode(png.getvalue()).decode("ascii")))
    rng.shuffle(records)
    return records


def pipeline_run(records: list[RawRecord], reuse: bool) -> tuple[float, dict[str, list[str]]]:
    """Wall seconds of RunOcr over `records` on 2 worker processes, and the words read per record
    (written by the workers to a private temporary directory and read back)."""
    settings = OcrSettings(reuse_max_sessions=OcrSettings.reuse_max_sessions if reuse else 0)
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        with beam.Pipeline(options=PipelineOptions(TWO_WORKERS)) as pipeline:
            read, _ = pipeline | beam.Create(records) | RunOcr(settings, load_policy(DEFAULT_POLICY).screenshots)
            _ = (read | beam.Map(lambda prepared: json.dumps([prepared.record.record_id,
                                                              sorted(ocr_text(prepared.ocr_words).split())]))
                 | beam.io.WriteToText(os.path.join(out, "words")))
        seconds = time.perf_counter() - started
        words = dict(json.loads(line) for shard in Path(out).iterdir() for line in shard.read_text().splitlines())
    return seconds, words


# Letters `eng` language data has no glyph for, as the nearest it reads (after accents are dropped).
PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe"})
# Glyphs that look alike in UI fonts: capital I, small l, digit 1 and a bar; O and zero.
LOOK_ALIKE = str.maketrans({"i": "l", "1": "l", "|": "l", "0": "o"})
MISS_CLASSES = ("other_script", "letters", "look_alike", "unread")


def folded(text: str) -> str:
    """Text as the evaluation compares it (case and white space dropped), accents dropped too and
    letters outside `eng` written as the nearest it has."""
    return "".join(c for c in unicodedata.normalize("NFKD", squash(text)) if not unicodedata.combining(c)
                   ).translate(PLAIN_LETTERS)


def latin(text: str) -> bool:
    """Whether every letter of `text` is Latin script (what `eng` language data can read)."""
    return all("LATIN" in unicodedata.name(c, "") for c in text if c.isalpha())


def reach_class(value: str, text: str) -> str:
    """How a screen's OCR `text` holds a gold `value`: `read` as the evaluation counts it (case and
    white space aside); else why not: `other_script` (letters of a script other than Latin),
    `letters` (read once accents and letters outside `eng` are folded: `ó`, `ł`, `ß`),
    `look_alike` (read once I/l/1 and O/0 count as one), or `unread`."""
    if squash(value) in squash(text):
        return "read"
    if not latin(value):
        return "other_script"
    if folded(value) in folded(text):
        return "letters"
    return "look_alike" if folded(value).translate(LOOK_ALIKE) in folded(text).translate(LOOK_ALIKE) else "unread"


# A word OCR read belongs to a gold value when at least this share of the word's box lies in the value's box.
WORD_IN_BOX = 0.25
MISS_CAUSES = ("not_segmented", "split", "other_script_read", "misread")


def words_in_box(words: tuple[OcrWord, ...], box: list[float]) -> list[OcrWord]:
    """The OCR words with at least WORD_IN_BOX of their box inside the gold `box` (x0, y0, x1, y1), in reading order."""
    x0, y0, x1, y1 = box
    inside = []
    for word in words:
        across = min(x1, word.left + word.width) - max(x0, word.left)
        down = min(y1, word.top + word.height) - max(y0, word.top)
        if across > 0 and down > 0 and across * down >= WORD_IN_BOX * max(1, word.width * word.height):
            inside.append(word)
    return inside


def miss_cause(value: str, inside: list[OcrWord]) -> str:
    """Why a value the OCR text does not hold was missed, from the words read inside its box:
    `not_segmented` (none: Tesseract found no text there), `split` (those words hold it, but other
    text falls between them in the OCR text: boxes cut apart), `other_script_read` (a Latin value
    whose words hold letters of another script: the second read with other scripts' data took
    them, and the other-script cover hides the words mostly in another script), or `misread`."""
    if not inside:
        return "not_segmented"
    read = "".join(word.text for word in inside)
    if squash(value) in squash(read):
        return "split"
    return "other_script_read" if latin(value) and not latin(read) else "misread"


def confusions(value: str, inside: list[OcrWord]) -> Counter:
    """The characters of a misread `value` (folded, as `reach_class` compares) and what the words
    read inside its box hold in their place: (gold characters, read characters) -> count; a
    character dropped or added pairs with ''."""
    gold, read = folded(value), folded("".join(word.text for word in inside))
    pairs: Counter = Counter()
    for tag, g0, g1, r0, r1 in difflib.SequenceMatcher(None, gold, read, autojunk=False).get_opcodes():
        if tag == "replace" and g1 - g0 == r1 - r0:
            pairs.update(zip(gold[g0:g1], read[r0:r1]))
        elif tag != "equal":
            pairs[(gold[g0:g1], read[r0:r1])] += 1
    return pairs


def screen_reach(screen: tuple[str, list[dict], OcrSettings]) -> list[tuple[str, str, str, str, str, Counter]]:
    """(region, label, reach class, span key, miss cause, character confusions) for each gold span
    of one screen, from the text of the pipeline's OCR of the whole screen (as the evaluation's
    `ocr_reach` reads it). The cause (`miss_cause`) and confusions need the span's `box`: without
    one, or for a value read, they are '' and empty."""
    path, spans, settings = screen
    words = TesseractOcr(settings).read(decode_image(Path(path).read_bytes(), 10**9))
    text = ocr_text(words)
    rows = []
    for index, span in enumerate(spans):
        kind = reach_class(span["value"], text)
        inside = words_in_box(words, span["box"]) if kind != "read" and "box" in span else None
        cause = "" if inside is None else miss_cause(span["value"], inside)
        rows.append((span["region"], span["label"], kind, f"{Path(path).stem}#{index}", cause,
                     confusions(span["value"], inside) if cause == "misread" else Counter()))
    return rows


def reach(split: Path, settings: OcrSettings, keys: Path | None = None) -> None:
    """OCR reach on a generated split's screens (2 processes): the share of gold values read, and
    of those not read, why, by kind of region and by label. `keys`: a JSON file that holds, from an
    earlier run, the keys of the spans it read; the spans read then but not now (and the reverse) are
    counted, and the file is written when it does not exist yet."""
    golds = [json.loads(line) for line in (split / "gold.jsonl").read_text().splitlines()]
    screens = [(str(split / "input" / "screens" / f"{gold['record_id']}.png"), gold["spans"], settings)
               for gold in golds if gold["kind_of_text"] == "screenshot"]
    looks = {gold["record_id"]: f"{gold.get('theme', '?')} {gold.get('scale', '?')}x" for gold in golds}
    with multiprocessing.Pool(2) as pool:
        results = [(*r, looks[r[3].split("#")[0]]) for rs in pool.map(screen_reach, screens, chunksize=1) for r in rs]
    for by, column in (("region", 0), ("label", 1), ("look", 6)):
        print(f"\n| {by} | spans | read | {' | '.join(MISS_CLASSES)} |\n|---|---|---|{'---|' * len(MISS_CLASSES)}")
        for key in sorted({r[column] for r in results}) + ["all"]:
            rows = [r for r in results if key in ("all", r[column])]
            shares = [f"{sum(r[2] == c for r in rows) / len(rows):.3f}" for c in ("read", *MISS_CLASSES)]
            print(f"| {key} | {len(rows)} | {' | '.join(shares)} |")
    print_causes(results)
    if keys is not None:
        read_now = {r[3] for r in results if r[2] == "read"}
        if keys.exists():
            read_then = set(json.loads(keys.read_text()))
            print(f"\nread then, not now: {len(read_then - read_now)}; read now, not then: {len(read_now - read_then)}")
        else:
            keys.write_text(json.dumps(sorted(read_now)))


def print_causes(results: list[tuple]) -> None:
    """Of the Latin-script values missed (not `read`, not `other_script`) that have a box: by region
    and by look, the share of each `miss_cause`; then the commonest character confusions of the misread."""
    missed = [r for r in results if r[2] not in ("read", "other_script") and r[4]]  # Latin values only
    print(f"\n| Latin values missed, by | missed | {' | '.join(MISS_CAUSES)} |\n|---|---|{'---|' * len(MISS_CAUSES)}")
    for column in (0, 6):
        for key in sorted({r[column] for r in missed}):
            rows = [r for r in missed if r[column] == key]
            print(f"| {key} | {len(rows)} | {' | '.join(f'{sum(r[4] == c for r in rows) / len(rows):.2f}' for c in MISS_CAUSES)} |")
    pairs = sum((r[5] for r in missed), Counter())
    print("\nmisread characters (gold -> read: count): " + ", ".join(
        f"{gold or '∅'}->{read or '∅'}: {count}" for (gold, read), count in pairs.most_common(CONFUSIONS_SHOWN)))


# How many of the commonest character confusions `--reach` prints.
CONFUSIONS_SHOWN = 20


def screen_unreadable(screen: tuple[str, list[dict], OcrSettings]) -> tuple[list[tuple[str, bool]], int, int]:
    """For one screen: (script, hidden by the covers alone) per gold value with ink, and how many
    OCR words hold no gold value, and how many of those the covers hide."""
    path, spans, settings = screen
    image = decode_image(Path(path).read_bytes(), 10**9)
    rules = load_policy(DEFAULT_POLICY).screenshots
    words = TesseractOcr(settings).read(image)
    covered = [words[i] for i in sorted(unreadable_indices(words, rules.unreadable_text)
                                        | other_script_indices(words, rules.other_script))]
    before = np.asarray(image)
    after = np.asarray(cover_words(image, covered, rules.box_padding_px, rules.box_padding_height_ratio))
    values = [("latin" if latin(span["value"]) else "other", bool(hidden)) for span in spans
              if (hidden := box_covered(before, after, span["box"])) is not None]
    boxes = [span["box"] for span in spans]
    free = [word for word in words if not any(
        word.left < x1 and x0 < word.left + word.width and word.top < y1 and y0 < word.top + word.height
        for x0, y0, x1, y1 in boxes)]
    hidden_words = set(covered)
    return values, len(free), sum(word in hidden_words for word in free)


def unreadable(split: Path, settings: OcrSettings) -> None:
    """The unreadable-text and other-script covers on a generated split's screens (2 processes), apart
    from detection."""
    golds = [json.loads(line) for line in (split / "gold.jsonl").read_text().splitlines()]
    screens = [(str(split / "input" / "screens" / f"{gold['record_id']}.png"), gold["spans"], settings)
               for gold in golds if gold["kind_of_text"] == "screenshot"]
    with multiprocessing.Pool(2) as pool:
        results = pool.map(screen_unreadable, screens, chunksize=1)
    values = [value for result in results for value in result[0]]
    print("| gold values | count | hidden by the cover alone |\n|---|---|---|")
    for script in ("latin", "other"):
        hidden = [h for s, h in values if s == script]
        print(f"| {script} script | {len(hidden)} | {sum(hidden) / max(1, len(hidden)):.3f} |")
    free, covered = sum(r[1] for r in results), sum(r[2] for r in results)
    print(f"\nOCR words holding no gold value: {free}, covered: {covered} ({covered / max(1, free):.4f})")


def cost(rng: random.Random, engine: TesseractOcr) -> None:
    """Seconds per 1x and 2x frame of the pipeline's OCR against a plain `image_to_data` read."""
    print("| frames | pipeline s/frame | plain image_to_data s/frame | ratio | CPU s/frame, pipeline / plain | CPU ratio |\n"
          "|---|---|---|---|---|---|")
    for scale in (1, 2):
        images = [decode_image(frame(rng, dark, scale), 10**9) for dark in (False, True, False, True)]
        ours = seconds_per_frame(engine.read, images)
        plain = seconds_per_frame(lambda image: pytesseract.image_to_data(image), images)
        ours_cpu = cpu_seconds_per_frame(engine.read, images)
        plain_cpu = cpu_seconds_per_frame(lambda image: pytesseract.image_to_data(image), images)
        print(f"| {1920 * scale}x{1080 * scale}, 2 light + 2 dark | {ours:.2f} | {plain:.2f} | {ours / plain:.2f} | "
              f"{ours_cpu:.2f} / {plain_cpu:.2f} | {ours_cpu / plain_cpu:.2f} |")


def main() -> None:
    """The OCR benchmark's command line: session reuse against full reads, or OCR reach."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    parser = argparse.ArgumentParser()
    parser.add_argument("--reach", type=Path, help="a generated split's directory, e.g. out/eval/dev")
    parser.add_argument("--unreadable", type=Path, help="a generated split's directory: the unreadable-text cover")
    parser.add_argument("--language", default=OcrSettings.language,
                        help="Tesseract language data the pipeline's OCR reads with (plain reads use eng)")
    parser.add_argument("--keys", type=Path, help="with --reach: the read spans' keys, written on a first run "
                        "and compared with on later ones (values read before but not after)")
    parser.add_argument("--quick", action="store_true", help="only the per-frame cost against a plain read")
    args = parser.parse_args()
    settings = OcrSettings(language=args.language)
    if args.reach:
        reach(args.reach, settings, args.keys)
        return
    if args.unreadable:
        unreadable(args.unreadable, settings)
        return
    rng = random.Random(20261125)
    engine = TesseractOcr(settings)
    cost(rng, engine)
    if args.quick:
        return
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
    records = stream_records(rng)
    full_seconds, full_words = pipeline_run(records, reuse=False)
    reuse_seconds, reuse_words = pipeline_run(records, reuse=True)
    differing = sum(len(set(full_words[rid]) ^ set(reuse_words.get(rid, []))) for rid in full_words)
    print(f"\n| RunOcr, {len(records)} frames of {STREAM_SESSIONS} sessions, 2 workers | wall s | per frame |\n"
          f"|---|---|---|\n| without reuse (--ocr_reuse_sessions=0) | {full_seconds:.1f} | "
          f"{full_seconds / len(records):.2f} |\n| with reuse (sessions keyed, state per session) | "
          f"{reuse_seconds:.1f} | {reuse_seconds / len(records):.2f} ({full_seconds / reuse_seconds:.1f}x faster; "
          f"{differing} words differ from full reads) |")


if __name__ == "__main__":
    main()
