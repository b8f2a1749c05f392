"""`make bench-anonymizer`: the pipeline's `replace_spans` against Presidio's `AnonymizerEngine`.

Both replace the spans the analyzer finds in the text fields of the development corpus
(evaluation/corpus.jsonl), hashed types through a custom operator with the pipeline's keyed
digest: does the engine give the same text, and how long does each take per record? The answer
is recorded in docs/design.md (why the pipeline keeps its own replacement).
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from models.engine import build_analyzer, settings_for_policy
from models.placeholders import replace_spans
from models.policy import DEFAULT_POLICY, load_policy
from models.pseudonyms import pseudonymize
from models.records import Span

CORPUS = Path(__file__).resolve().parent / "corpus.jsonl"
KEY = b"bench-anonymizer-key-0123456789"
DIGEST_CHARS = 8
REPEATS = 5  # passes per timing; the fastest of REPEATS timings is kept (the machine is shared)

Fields = list[tuple[str, list[Span]]]


def corpus_texts(doc: dict) -> list[str]:
    """The text fields of one development-corpus record."""
    texts = [doc[name] for name in ("app", "window_title", "url") if isinstance(doc.get(name), str)]
    texts += [segment["text"] for segment in doc.get("segments", []) if segment.get("text")]
    return texts + ([doc["text"]] if isinstance(doc.get("text"), str) else [])


def ours(text: str, spans: list[Span], hashed: frozenset[str]) -> str:
    """The pipeline's replacement, hashed types labelled with the keyed digest."""
    labelled = [Span(f"{s.entity_type}#{_digest(text[s.start:s.end], s.entity_type)}", s.start, s.end, s.score)
                if s.entity_type in hashed else s for s in spans]
    return replace_spans(text, labelled)


def theirs(engine: AnonymizerEngine, text: str, spans: list[Span], hashed: frozenset[str]) -> str:
    """Presidio's replacement: `replace` by default, a custom operator for hashed types."""
    if not spans:
        return text
    operators = {"DEFAULT": OperatorConfig("replace")}
    for entity in {s.entity_type for s in spans} & hashed:
        operators[entity] = OperatorConfig("custom", {"lambda": _hash_operator(entity)})
    results = [RecognizerResult(s.entity_type, s.start, s.end, s.score) for s in spans]
    return engine.anonymize(text, results, operators).text


def main() -> None:
    """Prints how many fields differ and microseconds per record of each replacement."""
    policy = load_policy(DEFAULT_POLICY)
    settings = settings_for_policy(policy)
    analyzer = build_analyzer(settings)
    hashed = frozenset(t for t, rule in policy.entities.items() if rule.action == "hash")
    records: list[Fields] = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        texts = corpus_texts(json.loads(line))
        records.append([(text, [Span(r.entity_type, r.start, r.end, r.score) for r in analyzer.analyze(
            text, language=settings.language, score_threshold=settings.score_threshold)]) for text in texts])
    engine = AnonymizerEngine()
    fields = [field for record in records for field in record]
    differ = sum(ours(t, s, hashed) != theirs(engine, t, s, hashed) for t, s in fields)
    print(f"records {len(records)}, text fields {len(fields)}, with spans {sum(bool(s) for _, s in fields)}, "
          f"outputs differ {differ}")
    timings = {"replace_spans": _per_record(records, lambda t, s: ours(t, s, hashed)),
               "AnonymizerEngine": _per_record(records, lambda t, s: theirs(engine, t, s, hashed))}
    for name, seconds in timings.items():
        print(f"{name}: {seconds * 1e6:.1f} us per record "
              f"({seconds / timings['replace_spans']:.1f}x replace_spans)")


def _per_record(records: list[Fields], replace: Callable[[str, list[Span]], str]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for record in records:
            for text, spans in record:
                replace(text, spans)
        best = min(best, (time.perf_counter() - start) / len(records))
    return best


def _digest(value: str, entity: str) -> str:
    return pseudonymize(value, KEY, domain=entity)[:DIGEST_CHARS]


def _hash_operator(entity: str) -> Callable[[str], str]:
    return lambda value: f"<{entity}#{_digest(value, entity)}>"


if __name__ == "__main__":
    main()
