"""`python -m pipeline.explain`: why one record gets the category it gets, for the operator who gave it.

    python -m pipeline.explain --file records.jsonl --line 12 [--policy policy.yaml] [--json]
    python -m pipeline.explain - < record.json        # one record on standard input
    python -m pipeline.explain '{"record_id": "r-1", "kind": "transcript", ...}'

Prefer `--file` or standard input for real records: a command line's arguments are visible to
every user of the machine (`ps`, /proc/*/cmdline) while the command runs.

The record goes through the same detection as in `python -m pipeline.run` (spaCy, Presidio, the
category decision, OCR for a screenshot), and what decided its category is printed: each category's
score by signal against the threshold, term hits by list and count, owned terms, patterns, entity
types, app and URL host, the text classifier's probabilities, work signals and artefacts, and what
the policy does with the winner. Only names and counts are printed, never the record's text, and
only to stdout: nothing is logged or written anywhere else.
"""
from __future__ import annotations

import argparse
import base64
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from models.categories import CategoryClassifier, CategoryDecision, TextFeatures, category_data
from models.detection import detect
from models.engine import Detector, bounded_text_classifier, settings_for_policy, shared_detector
from models.image_source import UnreadableImage, read_image_file
from models.images import decode_image
from models.ocr import OcrSettings, TesseractOcr
from models.parse import ParseError, parse_line
from models.policy import DEFAULT_POLICY, Policy, load_policy
from models.records import PreparedRecord, RawRecord
from models.text_views import text_fields


class RecordingClassifier(CategoryClassifier):
    """The category classifier, keeping what the last decision of each record weighed (the detection
    may decide a record twice: before and after NER)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.weighed: dict[str, tuple[RawRecord, Sequence[TextFeatures], frozenset[str]]] = {}

    def decide_with(self, items, probabilities) -> list[CategoryDecision]:
        """As the parent's; each record's inputs are kept by record id."""
        for record, features, entity_types in items:
            self.weighed[record.record_id] = (record, features, frozenset(entity_types))
        return super().decide_with(items, probabilities)


def record_line(args: argparse.Namespace) -> tuple[bytes, str]:
    """The record's JSON line and the file it is resolved against (image paths are relative to it)."""
    if args.file:
        with open(args.file, "rb") as stream:
            for number, line in enumerate(stream, start=1):
                if number == args.line:
                    return line, str(Path(args.file).resolve())
        raise SystemExit(f"{args.file} has no line {args.line}")
    if not args.record:
        raise SystemExit("give a record as a JSON argument, - for standard input, or --file and --line")
    if args.record == "-":
        return sys.stdin.buffer.readline(), str(Path.cwd() / "stdin.jsonl")
    return args.record.encode("utf-8"), str(Path.cwd() / "argument.jsonl")


def prepared(record: RawRecord, source_file: str, policy: Policy) -> PreparedRecord:
    """The record's text fields, with OCR words for a screenshot (inline, or a local file beside the input)."""
    if record.kind != "screenshot":
        return PreparedRecord(record, text_fields(record))
    rules = policy.screenshots
    if record.image_b64:
        data = base64.b64decode(record.image_b64, validate=True)
    else:
        data = read_image_file(record.image_uri, (str(Path(source_file).parent),), rules.max_image_bytes,
                               rules.image_read_timeout_secs, _no_remote)
    image = decode_image(data, rules.max_pixels, rules.max_side_px, rules.max_aspect_ratio)
    words = TesseractOcr(OcrSettings()).read(image)
    return PreparedRecord(record, text_fields(record, words), data, words)


def _no_remote(location: str):
    raise UnreadableImage("remote images are not read here")


def explain_record(line: bytes, source_file: str, policy: Policy) -> dict:
    """The decision on one record and every signal behind it (names and counts only)."""
    record = parse_line(line, source_file)
    settings = settings_for_policy(policy)
    # The process's analyzer with a recording classifier of its own, in a detector of its own: the shared
    # detector is never changed (a pipeline of the same process goes on using it) and no result cached
    # under another classifier stands in for this one's decision.
    shared = shared_detector(settings)
    nlp = shared.analyzer.nlp_engine.nlp[settings.language]
    data = category_data()
    detector = Detector(shared.analyzer, RecordingClassifier(nlp, data, bounded_text_classifier(settings, data)),
                        0, settings.language, shared.normalizer)
    finding = detect(detector, prepared(record, source_file, policy), settings)
    weighed_record, features, entity_types = detector.classifier.weighed[record.record_id]
    explained = detector.classifier.explain(weighed_record, features, entity_types)
    explained["decided"] = finding.category
    explained["decided_before_ner"] = not finding.complete
    explained["policy_action"] = policy.categories[finding.category].action if finding.category else None
    return explained


def render(explained: dict) -> str:
    """A short report for a person: the winner, then each category's score by signal."""
    action = explained["policy_action"] or "keep (identifiers masked)"
    lines = [f"category: {explained['decided'] or 'none'} -> {action}"
             f"{' (decided before NER: settled without it)' if explained['decided_before_ner'] else ''}",
             f"threshold {explained['threshold']}; precedence {' > '.join(explained['precedence'])}"
             f" (with evidence in the text first: {', '.join(explained['evidenced']) or 'none'})", "scores:"]
    for category, score in explained["scores"].items():
        parts = ", ".join(f"{name} {value:+.2f}" for name, value in score["parts"].items() if value)
        mark = ">=" if score["score"] >= explained["threshold"] else "< "
        lines.append(f"  {category:<13}{score['score']:>7.3f} {mark} threshold   [{parts or 'no signal'}]")
    work = explained["work"]
    lines += [f"work signals: terms {work['terms']:+.2f}, artefacts {work['artefacts']:+.2f}, app/title/host "
              f"{work['app']:+.2f} -> penalty {work['penalty']:.2f} (taken from every category)",
              f"term hits (distinct, by list): {_counts(explained['term_hits'])}",
              f"owned term hits (a person's own matter): {_counts(explained['owned_term_hits'])}",
              f"work artefacts: {_counts(explained['artefacts'])}",
              f"at work (terms no one owns capped): {', '.join(explained['at_work']) or 'none'}",
              f"entity types: {', '.join(explained['entity_types']) or 'none'}; "
              f"NER labels: {', '.join(explained['ner_labels']) or 'none'}",
              f"app: {explained['app'] or '-'}; url host: {explained['url_host'] or '-'}",
              f"classifier probabilities: {_counts(explained['probabilities'])}"]
    return "\n".join(lines)


def _counts(values: dict) -> str:
    return ", ".join(f"{name} {value}" for name, value in values.items()) or "none"


def main(argv: list[str] | None = None) -> int:
    """The command line: prints the signals that decided the record given, and exits 0 (2 on a bad record)."""
    parser = argparse.ArgumentParser(prog="python -m pipeline.explain", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("record", nargs="?", help="one record as a JSON line, or - to read it from standard input")
    parser.add_argument("--file", help="a JSON Lines file holding the record")
    parser.add_argument("--line", type=int, default=1, help="the record's line number in --file (from 1)")
    parser.add_argument("--policy", default=str(DEFAULT_POLICY), help="the redaction policy (YAML)")
    parser.add_argument("--json", action="store_true", help="print the signals as JSON")
    args = parser.parse_args(argv)
    line, source_file = record_line(args)
    try:
        explained = explain_record(line, source_file, load_policy(args.policy))
    except ParseError as error:
        print(f"not a valid record: {error}", file=sys.stderr)
        return 2
    print(json.dumps(explained, indent=2) if args.json else render(explained))
    return 0


if __name__ == "__main__":
    sys.exit(main())
