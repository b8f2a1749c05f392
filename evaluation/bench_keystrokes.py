"""`make bench-keystrokes`: seconds per event of the keystroke rebuild and masking as streams grow.

A seeded random edit stream (typing, Backspace, arrows, Shift selections, Enter) of each size is
rebuilt and masked; per-event time staying flat as the stream grows 16-fold shows linear time.
"""
from __future__ import annotations

import random
import time

from models.keystrokes import mask_events, rebuild_typed_text
from models.records import KeyEvent, Span

SIZES = (5_000, 10_000, 20_000, 40_000, 80_000)


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


def main() -> None:
    rng = random.Random(20261125)
    base = None
    print("| events | rebuild ms | mask ms | us per event | ratio to smallest |\n|---|---|---|---|---|")
    for size in SIZES:
        events = edit_stream(size, rng)
        started = time.perf_counter()
        typed = rebuild_typed_text(events)
        rebuilt = time.perf_counter()
        spans = [Span("SECRET", i, i + 8, 1.0) for i in range(0, max(0, len(typed.text) - 8), 400)]
        mask_events(events, typed, spans)
        masked = time.perf_counter()
        per_event = (masked - started) / size * 1e6
        base = base or per_event
        print(f"| {size} | {(rebuilt - started) * 1e3:.1f} | {(masked - rebuilt) * 1e3:.1f} | "
              f"{per_event:.2f} | {per_event / base:.2f} |")


if __name__ == "__main__":
    main()
