"""`make bench-scaling`: does a crafted text record cost more than linear time in its size?

Each hostile shape (runs of one punctuation character, tabs, "1 " * n, digit runs, one huge token,
long URLs, many e-mails, handles or capitalised words, nested brackets, combining marks, zero-width
and bidi controls, mixed scripts, long keystroke streams and transcripts) is built at a size N and at
4N characters and taken through the whole text stage a record goes through (parse, capture policy,
size limits, text views, detection in full, redaction, the verifier), in one process on the real model. The
CPU-time ratio 4N / N is printed per shape: about 4 is linear; above FLAG it is flagged.
Benchmarks are not tests: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import json
import string
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from models.capture import capture_verdict, strip_undisclosed
from models.detection import detect
from models.engine import build_detector, settings_for_policy
from models.parse import parse_line
from models.policy import DEFAULT_POLICY, load_policy
from models.record_size import exceeded_limit
from models.records import SanitizedRecord
from models.redaction import apply_policy
from models.verifier import Verifier, verifier_data
from sample.generate import keys
from transforms.extract import prepare_text_record

FLAG = 6.0
SIZE, QUICK_SIZE = 2_000, 1_000
KEY = b"bench-scaling-key-0123456789abcdef"
TS = "2026-11-02T09:00:00Z"
REPORT = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"
SECTION = "## Per-record cost of hostile text shapes"


@dataclass(frozen=True)
class Shape:
    """A hostile text of about `size` characters, and where a record carries it."""

    name: str
    text: Callable[[int], str]
    place: str = "segment"  # segment | segments | typed | url | title


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _words(make: Callable[[int], str]) -> Callable[[int], str]:
    """Space-separated words `make(i)` up to `size` characters."""
    def build(size: int) -> str:
        out, total, i = [], 0, 0
        while total < size:
            word = make(i)
            out.append(word)
            total += len(word) + 1
            i += 1
        return " ".join(out)
    return build


def _surname(number: int) -> str:
    """A distinct surname per number: its digits as consonants ("Bbcdson")."""
    return "".join("bcdfghkmnprstvz"[int(digit)] for digit in f"{number:05d}").title() + "son"


def _nested(size: int) -> str:
    depth = size // 4
    return "(" * depth + "[x]" + ")" * depth


SHAPES: tuple[Shape, ...] = (
    *(Shape(f"run of {char!r}", _repeat(char)) for char in string.punctuation),
    # Runs that differ from chunk to chunk: identical chunks of one long run are detected once.
    Shape("numbered comma runs", lambda size: "".join(f"{i}{',' * 4000}" for i in range(size // 4000 + 1))[:size]),
    Shape("tabs", _repeat("\t")),
    Shape("tabs between digits", _repeat("1\t")),
    Shape("newlines", _repeat("\n")),
    Shape("spaces", lambda size: "a" + " " * size + "b"),
    Shape("'1 ' * n", _repeat("1 ")),
    Shape("digit run", _repeat("1234567890")),
    Shape("digits and dashes", _repeat("12-")),
    Shape("digits and dots", _repeat("1.")),
    Shape("one huge token", _repeat("abcdefghij")),
    Shape("one huge mixed token", _repeat("aB3xQ9zK")),
    Shape("long URL query", lambda size: "https://example.com/p?" + _repeat("a=1&")(size)),
    Shape("long URL path", lambda size: "https://example.com/" + _repeat("ab/")(size), place="url"),
    Shape("long window title", _words(lambda i: "Settings" if i % 3 else "-"), place="title"),
    Shape("many e-mails", _words(lambda i: f"user{i}@example.com")),
    Shape("many @", _repeat("@")),
    Shape("a@a chain", _repeat("a@")),
    Shape("dotted chain", _repeat("a.")),
    Shape("many handles", _words(lambda i: f"@user_{i}")),
    Shape("many capitalised words", _words(lambda i: ("Anna", "Berg", "Carl", "Dana")[i % 4])),
    Shape("capitalised hyphen chain", _repeat("Ab-")),
    Shape("apostrophe chain", _repeat("a'")),
    Shape("'s chain", _repeat("'s")),
    Shape("colon chain", _repeat(":a")),
    Shape("nested brackets", _nested),
    Shape("nested quotes", _repeat("\"'")),
    Shape("combining marks", lambda size: "a" + "\u0301" * size),
    Shape("zero-width joiners", _repeat("a\u200b")),
    Shape("bidi controls", _repeat("\u202ea\u202c")),
    Shape("mixed scripts", _repeat("aб中ع1")),
    Shape("fullwidth", _repeat("ａ１＠．")),
    Shape("key=value chain", _repeat("k=v;")),
    Shape("label chain", _repeat("ssn: ")),
    Shape("digit groups", _repeat("1234 ")),
    Shape("many phone numbers", _words(lambda i: f"415-555-{i % 10_000:04d}")),
    Shape("spelled dots", _repeat("a dot ")),
    Shape("spelled at and dot", _repeat("x at y dot ")),
    Shape("spelled digits", _repeat("one two ")),
    Shape("percent escapes", _repeat("%25")),
    Shape("plus and blanks", _repeat("+ ")),
    Shape("lower-case names", _words(lambda i: ("anna", "maria", "john")[i % 3])),
    # Each name masked is searched in every field with its login forms (models/name_forms.py).
    Shape("many distinct full names", _words(lambda i: f"ping {('Grace', 'Mindy', 'Priya')[i % 3]} {_surname(i)} about the deploy.")),
    Shape("password cue chain", _words(lambda i: "password")),
    # Spoken and pasted registers (models/data/recognizers.yaml, talk_registers) and owned category
    # patterns (models/data/categories.yaml, person_patterns).
    *(Shape(f"talk register {unit.strip()!r}", _repeat(unit)) for unit in (
        "user=", "<a_b> <", "[00:00] ", "docker login -u ", "creds are x / ", "send me the code ", "key ",
        "member ID?\n", "last four\n", "DB_USER_", "password is maple one ", "username?\n", "its me, a_",
        "login there is ", "a \u2014 Today at ", "1:00 From a to ", "WIFI:S:a;", "Pass - ", "A A A A <a@b> ")),
    Shape("owned result chain", _repeat("my results "), place="segments"),
    Shape("long keystroke stream", _words(lambda i: ("ship", "the", "fix", "now")[i % 4]), place="typed"),
    Shape("long transcript", _words(lambda i: ("we", "met", "Anna", "at", "noon.")[i % 5]), place="segments"),
)


def raw_line(shape: Shape, size: int) -> bytes:
    """A JSON line whose record carries `shape` at `size` characters."""
    text = shape.text(size)
    base = {"record_id": "bench", "user_id": "emp-0001", "ts": TS, "app": "Notes"}
    if shape.place == "typed":
        doc = {**base, "kind": "keystrokes", "events": keys(text)}
    elif shape.place in ("url", "title"):
        doc = {**base, "kind": "keystrokes", "events": keys("ok"),
               **({"url": text} if shape.place == "url" else {"window_title": text})}
    else:
        pieces = [text[i:i + 200] for i in range(0, len(text), 200)] if shape.place == "segments" else [text]
        doc = {**base, "kind": "transcript", "source": "chat",
               "segments": [{"speaker": "a", "start": float(i), "end": float(i + 1), "text": piece}
                            for i, piece in enumerate(pieces)]}
    return json.dumps(doc).encode("utf-8")


class TextStage:
    """The pure functions the text path's DoFns call, in the graph's order."""

    def __init__(self):
        self.policy = load_policy(DEFAULT_POLICY)
        # Every record detected in full (NER included), as one of a category the policy keeps is:
        # a record screened out early would hide what the detection of its shape costs.
        self.settings = replace(settings_for_policy(self.policy), drop_categories=frozenset())
        self.detector = build_detector(self.settings)
        self.verifier = Verifier(verifier_data())

    def outcome(self, line: bytes) -> str:
        """The record's outcome: sanitized, verifier-quarantined, or the reason it was discarded."""
        raw = parse_line(line, "bench.jsonl")
        why = capture_verdict(raw, self.policy)
        if why is not None:
            return f"dropped:{why}"
        raw = strip_undisclosed(raw, self.policy.disclosure)[0]
        if exceeded_limit(raw, self.policy.limits):
            return "quarantined:too_large"
        finding = detect(self.detector, prepare_text_record(raw), self.settings)
        verdict = apply_policy(finding, self.policy, KEY)
        if not isinstance(verdict, SanitizedRecord):
            return verdict.reason
        return "verifier" if self.verifier.findings(verdict.json_line) else "sanitized"


def timed(stage: TextStage, line: bytes) -> tuple[float, str]:
    """CPU seconds of one line through the stage, and its outcome. Timed once: a second run would
    find the line's tokens in spaCy's tokenizer cache, as a new crafted line would not."""
    started = time.process_time()
    result = stage.outcome(line)
    return time.process_time() - started, result


def rows(stage: TextStage, size: int, only: str | None) -> Iterator[str]:
    """One table row per shape: CPU seconds at N and 4N, their ratio, the outcome, a flag above FLAG."""
    for shape in SHAPES:
        if only and only not in shape.name:
            continue
        small, _ = timed(stage, raw_line(shape, size))
        large, result = timed(stage, raw_line(shape, 4 * size))
        ratio = large / max(small, 1e-3)
        flag = "**flagged**" if ratio > FLAG and large > 0.05 else ""
        yield f"| {shape.name.replace('|', '&#124;')} | {small:.3f} | {large:.3f} | {ratio:.1f} | {result} | {flag} |"


def with_section(report: str, section: str) -> str:
    """`report` with its SECTION replaced by `section` (added at the end when it has none)."""
    start = report.find(SECTION)
    if start < 0:
        return report.rstrip("\n") + "\n\n" + section
    end = report.find("\n## ", start + len(SECTION))
    return report[:start] + section + (report[end:] if end >= 0 else "")


def write_section(path: Path, section: str) -> None:
    """Writes `section` into the report at `path`, which is started when it does not exist yet."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(with_section(old, section).lstrip("\n"), encoding="utf-8")


def main() -> None:
    """Times every shape at N and 4N, prints the table and, for a run of every shape, writes it
    as its section of BENCHMARKS.md (`make bench` keeps it when it rewrites its own table)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"N = {QUICK_SIZE} instead of {SIZE}")
    parser.add_argument("--size", type=int, default=None, help="N, in characters")
    parser.add_argument("--only", default=None, help="only the shapes whose name holds this (nothing written)")
    parser.add_argument("--report", default=str(REPORT))
    args = parser.parse_args()
    size = args.size or (QUICK_SIZE if args.quick else SIZE)
    stage = TextStage()
    for shape in SHAPES[::8]:  # warm-up: lazy loads are no shape's cost
        stage.outcome(raw_line(shape, 100))
    command = "make bench-scaling" + (" BENCH_ARGS=--quick" if args.quick else "")
    lines = [SECTION, "", f"Produced by `{command}` on {time.strftime('%Y-%m-%d')}: N = {size} characters; CPU "
             f"seconds of the whole text stage (detection in full); a ratio above {FLAG} is flagged.", "",
             "| shape | N s | 4N s | ratio | outcome at 4N | |", "|---|---|---|---|---|---|"]
    print("\n".join(lines))
    for row in rows(stage, size, args.only):
        lines.append(row)
        print(row, flush=True)
    if not args.only:
        write_section(Path(args.report), "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
