"""`make bench-keystrokes`: seconds per event of the keystroke rebuild and masking as streams grow.

Two seeded random streams of each size are rebuilt and masked: an edit stream (typing, Backspace,
arrows, Shift selections, Enter), and a Home/End-heavy one (long lines, the cursor jumping to line
and text ends and typing there). Per-event time staying flat as the streams grow shows that the
cost is linear (or n log n) in the stream, cursor jumps included.
"""
from __future__ import annotations

import random
import time
from typing import Callable

from models.keystrokes import mask_events, rebuild_typed_text
from models.records import KeyEvent, Span

SIZES = (5_000, 10_000, 20_000, 40_000, 80_000)
# Each size is timed this many times and the fastest run kept: the machine is shared.
REPEATS = 3


def edit_stream(size: int, rng: random.Random) -> tuple[KeyEvent, ...]:
    """Mostly typing, with corrections, cursor moves, selections and new lines."""
    events = []
    for t in range(size):
        roll = rng.random()
        if roll < 0.75:
            events.append(KeyEvent(t, rng.choice("abcdefgh 0123@.")))
        elif roll < 0.85:
            events.append(KeyEvent(t, "Backspace"))
        elif roll < 0.93:
            events.append(KeyEvent(t, rng.choice(["ArrowLeft", "ArrowRight"])))
        elif roll < 0.97:
            events.append(KeyEvent(t, "Enter"))
        else:
            events.append(KeyEvent(t, rng.choice(["ArrowLeft", "ArrowRight"]), ("Shift",)))
    return tuple(events)


def home_end_stream(size: int, rng: random.Random) -> tuple[KeyEvent, ...]:
    """A pasted template, then typing on lines thousands of characters long with the cursor sent to
    the line's start or end (Home, End), or the text's (Control+Home, Control+End), every few keys:
    each jump crosses the whole line or text."""
    events = [KeyEvent(0, "v", ("Control",)), KeyEvent(1, None, (), "paste", "Dear team,\n")]
    for t in range(2, size):
        roll = rng.random()
        if roll < 0.60:
            events.append(KeyEvent(t, rng.choice("abcdefgh 0123@.")))
        elif roll < 0.75:
            events.append(KeyEvent(t, "Home"))
        elif roll < 0.90:
            events.append(KeyEvent(t, "End"))
        elif roll < 0.95:
            events.append(KeyEvent(t, rng.choice(["Home", "End"]), ("Control",)))
        elif roll < 0.9995:
            events.append(KeyEvent(t, "Backspace"))
        else:
            events.append(KeyEvent(t, "Enter"))
    return tuple(events)


def bench(name: str, stream: Callable[[int, random.Random], tuple[KeyEvent, ...]]) -> None:
    """One table row per size: rebuild and mask CPU times (best of REPEATS), microseconds per event,
    ratio to the smallest."""
    rng = random.Random(20261125)
    base = None
    print(f"\n{name}\n\n| events | longest line | rebuild ms | mask ms | us per event | ratio to smallest |\n"
          "|---|---|---|---|---|---|")
    for size in SIZES:
        events = stream(size, rng)
        rebuild_s = mask_s = float("inf")
        for _ in range(REPEATS):
            started = time.process_time()
            typed = rebuild_typed_text(events)
            rebuilt = time.process_time()
            spans = [Span("SECRET", i, i + 8, 1.0) for i in range(0, max(0, len(typed.text) - 8), 400)]
            mask_events(events, typed, spans)
            rebuild_s, mask_s = min(rebuild_s, rebuilt - started), min(mask_s, time.process_time() - rebuilt)
        per_event = (rebuild_s + mask_s) / size * 1e6
        base = base or per_event
        longest = max(len(line) for line in typed.text.split("\n"))
        print(f"| {size} | {longest} | {rebuild_s * 1e3:.1f} | {mask_s * 1e3:.1f} | "
              f"{per_event:.2f} | {per_event / base:.2f} |")


def main() -> None:
    """Times each keystroke workload as it grows and prints the ratios."""
    bench("Edit stream", edit_stream)
    bench("Home/End-heavy stream", home_end_stream)


if __name__ == "__main__":
    main()
