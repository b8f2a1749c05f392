"""`python -m evaluation.category_aalto`: the category decision on the public Aalto typing test's real key
streams (ordinary English sentences, typed with real corrections): how many the category stage drops, by
category, and how many of those the text classifier alone carried (its part taken away, the record stays).
Figures only, never a stream's text.
The classifier's own reading (its top label over the typed text) is counted apart.

    python -m evaluation.category_aalto [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from evaluation.bench_over_redaction import Sources, _aalto, keystroke_records
from evaluation.generated.public import SHARED_DATA
from evaluation.handwritten import predicted_categories
from models.categories import category_data, load_text_classifier
from models.keystrokes import rebuild_typed_text
from models.records import KeyEvent


def records() -> list[dict]:
    """The Aalto streams as keystroke records in a browser's typing test."""
    streams = _aalto(Path(SHARED_DATA))
    pairs = keystroke_records(Sources([], [], [], [], streams), random.Random(0), len(streams))
    return [{"record_id": f"aalto-{n}", "user_id": "probe", "ts": "2026-06-09T09:00:00Z", **raw}
            for n, (raw, _) in enumerate(pairs)]


def typed(raw: dict) -> str:
    """The text a keystroke record's events type."""
    return rebuild_typed_text(tuple(KeyEvent(e["t"], e.get("key"), tuple(e.get("mods", ())), e.get("type", "keydown"),
                                             e.get("text")) for e in raw["events"])).text


def figures(raws: list[dict]) -> dict:
    """Drops by category (the pipeline's decision) and the classifier's top label of each typed text."""
    decided = predicted_categories(raws)
    classifier = load_text_classifier(category_data())
    texts = [text for text in map(typed, raws) if sum(char.isalpha() for char in text) >= 3]
    read = Counter(max(doc.cats, key=doc.cats.get) for doc in classifier.pipe(texts))
    dropped = Counter(category for category in decided.values() if category)
    return {"streams": len(raws), "dropped": sum(dropped.values()), "by_category": dict(dropped),
            "classifier_reads": dict(read)}


def main(argv: list[str] | None = None) -> int:
    """Decides every stream and prints the aggregate figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args(argv)
    result = figures(records())
    print(json.dumps(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
