"""Equivalence check for speed work: what batched detection finds, record by record, saved once and compared
after a change, so a faster detector is shown to find exactly what the slower one did.

For each text record of a records file (the pipeline's parse, capture policy and text views), of the bench
workload and of a few hundred public lines others wrote (/work/shared/data: #ubuntu IRC, SMS, DailyDialog and
presidio-research's synthetic sentences, as chat turns and keystroke bursts), it keeps the category, its scores, whether detection was complete, every span (field, entity, start,
end, score) and a digest of the outcome `apply_policy` gives (the sanitized line, or the drop reason). Only
digests and counts are printed, never record text: one digest per workload, so two commits compare at a glance.

    python -m evaluation.bench_equivalence --records /tmp/d11-dev/input/records.jsonl --save /tmp/before.json
    python -m evaluation.bench_equivalence --records /tmp/d11-dev/input/records.jsonl --compare /tmp/before.json
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

PUBLIC_DATA = Path("/work/shared/data")
# A fixed pseudonym key: the same record must give the same sanitized line in both runs.
KEY = b"bench-equivalence-fixed-key-0000"


def _prepared_records(lines: list[bytes], source: str) -> Iterator[tuple[str, object]]:
    """(record id, PreparedRecord) of each text record the pipeline would detect, as `bench.plain_loop` builds them."""
    from models.capture import capture_verdict, strip_undisclosed
    from models.parse import ParseError, parse_line
    from models.policy import DEFAULT_POLICY, load_policy
    from models.records import PreparedRecord
    from models.text_views import text_fields

    policy = load_policy(DEFAULT_POLICY)
    for number, line in enumerate(lines):
        try:
            record = parse_line(line, source)
        except ParseError:
            continue
        if record.kind == "screenshot" or capture_verdict(record, policy) is not None:
            continue
        record, _ = strip_undisclosed(record, policy.disclosure)
        yield f"{source}:{number}:{record.record_id}", PreparedRecord(record, text_fields(record))


def public_texts(count: int, data: Path = PUBLIC_DATA) -> list[str]:
    """Up to `count` lines others wrote, a quarter from each source, in file order (read in place; a
    missing source gives none)."""
    sources: list[list[str]] = []
    irc = sorted((data / "benign_ubuntu_irc").glob("*.raw.txt"))
    sources.append([line for path in irc for line in path.read_text(encoding="utf-8", errors="replace").splitlines()])
    sms = data / "chat_sms_spam_collection" / "SMSSpamCollection"
    sources.append([line.split("\t", 1)[-1] for line in sms.read_text(encoding="utf-8", errors="replace")
                    .splitlines()[1:]] if sms.exists() else [])
    dialogues = data / "chat_dailydialog" / "test_dialogues.txt"
    sources.append([turn.strip() for line in dialogues.read_text(encoding="utf-8", errors="replace").splitlines()
                    for turn in line.split("__eou__") if turn.strip()] if dialogues.exists() else [])
    synth = data / "pii_presidio_synth" / "synth_dataset_v2.json"
    sources.append([item["full_text"] for item in json.loads(synth.read_text(encoding="utf-8"))]
                   if synth.exists() else [])
    share = count // len(sources)
    return [text for lines in sources for text in [line for line in lines if line.strip()][:share]]


def public_records(texts: list[str]) -> list[bytes]:
    """Each public text as a raw record: chat turns of up to three lines, and every third text typed as keys."""
    from evaluation.corpus import TS
    from sample.generate import keys

    lines = []
    for number, text in enumerate(texts):
        record = {"record_id": f"public-{number:05d}", "user_id": "emp-001", "ts": TS, "app": "Slack"}
        if number % 3 == 2:
            record.update(kind="keystrokes", field="text", events=keys(text))
        else:
            record.update(kind="transcript", source="chat", segments=[
                {"speaker": f"Speaker {i % 2 + 1}", "start": float(i), "end": float(i + 1), "text": line}
                for i, line in enumerate(texts[max(0, number - 2):number + 1])])
        lines.append(json.dumps(record).encode())
    return lines


def digests(results: dict[str, dict]) -> dict[str, str]:
    """One digest per workload (the part of the key before its first `:`) over its records' results."""
    by_source: dict[str, hashlib._Hash] = {}
    for key in sorted(results):
        source = key.split(":", 1)[0]
        digest = by_source.setdefault(source, hashlib.sha256())
        digest.update(json.dumps([key, results[key]], sort_keys=True).encode("utf-8"))
    return {source: digest.hexdigest()[:16] for source, digest in by_source.items()}


def _outcome_digest(outcome) -> str:
    body = getattr(outcome, "json_line", None) or f"{type(outcome).__name__}:{getattr(outcome, 'reason', '')}"
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def findings(workloads: dict[str, list[bytes]], batch_size: int) -> dict[str, dict]:
    """What detection and redaction give each record of each workload, by record key."""
    from models.detection import detect_batch
    from models.engine import build_detector, settings_for_policy
    from models.policy import DEFAULT_POLICY, load_policy
    from models.redaction import apply_policy

    policy = load_policy(DEFAULT_POLICY)
    settings = settings_for_policy(policy)
    results: dict[str, dict] = {}
    for source, lines in workloads.items():
        detector = build_detector(settings)  # a fresh cache per workload, as the pipeline starts
        items = list(_prepared_records(lines, source))
        for start in range(0, len(items), batch_size):
            batch = items[start:start + batch_size]
            for (key, _), finding in zip(batch, detect_batch(detector, [p for _, p in batch], settings)):
                results[key] = {
                    "category": finding.category,
                    "scores": [[name, repr(score)] for name, score in finding.category_scores],
                    "complete": finding.complete,
                    "spans": sorted([name, s.entity_type, s.start, s.end, repr(s.score)]
                                    for name, spans in finding.spans for s in spans),
                    "outcome": _outcome_digest(apply_policy(finding, policy, KEY)),
                }
    return results


def compare(before: dict[str, dict], after: dict[str, dict]) -> list[str]:
    """One line per record that differs (its key and which parts), with counts of spans lost and gained."""
    lines = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if old is None or new is None:
            lines.append(f"{key}: only {'after' if old is None else 'before'}")
            continue
        parts = [part for part in old if old[part] != new[part]]
        old_spans, new_spans = {tuple(s) for s in old["spans"]}, {tuple(s) for s in new["spans"]}
        lines.append(f"{key}: {', '.join(parts)} (spans lost {len(old_spans - new_spans)}, "
                     f"gained {len(new_spans - old_spans)})")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Save the findings of the workloads, or compare them with a saved file; exit 1 on any difference."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", action="append", default=[], help="a records.jsonl (repeatable)")
    parser.add_argument("--bench", type=int, default=1000, help="records of the bench workload (0: none)")
    parser.add_argument("--seed", type=int, default=20261125, help="the bench workload's seed")
    parser.add_argument("--public", type=int, default=400, help="lines of public text (0: none)")
    parser.add_argument("--batch_size", type=int, default=128)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save")
    group.add_argument("--compare")
    args = parser.parse_args(argv)
    workloads = {Path(path).parent.parent.name + "/" + Path(path).name: Path(path).read_bytes().splitlines()
                 for path in args.records}
    if args.bench:
        from evaluation.bench import workload

        workloads["bench"] = [json.dumps(raw).encode() for raw in workload(args.bench, args.seed)]
    if args.public:
        workloads["public"] = public_records(public_texts(args.public))
    results = findings(workloads, args.batch_size)
    for source, digest in digests(results).items():
        print(f"{source}: {sum(key.startswith(source + ':') for key in results)} records, digest {digest}")
    if args.save:
        Path(args.save).write_text(json.dumps(results, sort_keys=True), encoding="utf-8")
        print(f"saved {len(results)} records to {args.save}")
        return 0
    differences = compare(json.loads(Path(args.compare).read_text(encoding="utf-8")), results)
    print("\n".join(differences[:50]))
    print(f"compared {len(results)} records: {len(differences)} differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
