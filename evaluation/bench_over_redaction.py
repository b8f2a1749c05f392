"""`python -m evaluation.bench_over_redaction`: over-redaction on public text nobody on the team wrote.

The generated splits are written by the team and saturate; this builds the three kinds of text
records from ../shared/data instead and passes them through the real text path (parse, text views,
batched detection, policy): short window titles and URLs ("<IRC or banking77 phrase> - <app>",
documentation, wiki, help-centre and issue URLs), keystroke records (the Aalto typing test's real
key events with their Backspaces, and IRC, DailyDialog and presidio-research lines typed with the
generator's typing plus uncorrected typos and bursts cut mid-word) and transcripts. IRC nicks and
presidio-research spans are gold; every other word is non-PII. It prints, per kind, the share of
non-PII words lost (as `make eval` counts it), the lost words by class of word (lower-case or
capitalised, English or one edit from English, with digits, camel case, app name) and by the
entity type of the span that took them; never the words or records. IRC and presidio-research
items of the test family's third are left out (see evaluation/generated/public.py).
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.generated.families import load_family
from evaluation.generated.public import SHARED_DATA, share_of
from evaluation.generated.records import typing_events
from evaluation.generated.spans import Filled, Span
from evaluation.scoring import _WORD, output_field, score_text, words_outside

SEED = 20261206
APPS = ("Slack", "Google Chrome", "Visual Studio Code", "Notion", "Jira", "Figma", "Zoom", "Microsoft Teams",
        "Outlook", "Firefox", "Terminal", "iTerm2", "Postman", "Confluence", "Discord", "Trello", "Asana",
        "GitHub Desktop", "IntelliJ IDEA", "PyCharm", "Excel", "Word", "PowerPoint", "Safari", "Linear",
        "Obsidian", "Spotify", "WhatsApp", "Telegram", "Signal", "Calendar", "Finder", "Salesforce", "HubSpot",
        "Zendesk", "Miro", "Dropbox", "1Password", "Docker Desktop", "Xcode", "Android Studio", "Google Docs",
        "Google Sheets", "Gmail", "Revolut", "PayPal", "Monzo", "Stripe Dashboard")
KEYSTROKE_CONTEXTS = (("Slack", "#help | Ubuntu"), ("Google Chrome", "New Tab"), ("Terminal", "bash"),
                      ("Notion", "Notes"), ("Microsoft Teams", "Chat"), ("Visual Studio Code", "notes.md"))
DOC_PAGES = ("os", "pathlib", "asyncio", "subprocess", "json", "logging")
ISSUE_REPOS = (("torvalds", "linux"), ("canonical", "snapd"), ("python", "cpython"), ("ubuntu", "ubuntu-docs"))
TYPO_RATE = 0.06  # share of words typed with an uncorrected typo
CUT_RATE = 0.2  # share of typed bursts that end mid-word
_IRC_LINE = re.compile(r"^\[\d\d:\d\d\] <([^>]+)> (.+)$")


@dataclass
class Sources:
    """Public lines, each with its gold spans as (start, end, label)."""

    irc: list[tuple[str, list[tuple[int, int, str]]]]
    banking: list[str]
    dialog: list[str]
    presidio: list[tuple[str, list[tuple[int, int, str]]]]
    aalto: list[list[dict]] = field(default_factory=list)


def load_sources(root: Path, rng: random.Random) -> Sources:
    """Every source, shuffled; IRC and presidio-research items of the test family's third left out."""
    shares = {load_family("dev").public_share, load_family("train").public_share}
    irc = [item for path in sorted((root / "benign_ubuntu_irc").glob("*.raw.txt")) for item in _irc(path, shares)]
    rows = json.loads((root / "pii_presidio_synth" / "synth_dataset_v2.json").read_text(encoding="utf-8"))
    presidio = [(row["full_text"], [(s["start_position"], s["end_position"], s["entity_type"]) for s in row["spans"]])
                for n, row in enumerate(rows) if share_of(f"presidio:{n}") in shares]
    with (root / "finance_banking77" / "test.csv").open(encoding="utf-8") as handle:
        banking = [row["text"] for row in csv.DictReader(handle)]
    dialog = [re.sub(r" ([,.?!'’])", r"\1", turn.strip()) for line in
              (root / "chat_dailydialog" / "test_dialogues.txt").read_text(encoding="utf-8").splitlines()
              for turn in line.split("__eou__") if turn.strip()]
    for items in (irc, banking, dialog, presidio):
        rng.shuffle(items)
    return Sources(irc, banking, dialog, presidio, _aalto(root))


def _irc(path: Path, shares: set[int]) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """IRC messages with the nicks of the log in them as USERNAME spans (blocks of 5 as public.py cuts them)."""
    lines = [m.groups() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
             if (m := _IRC_LINE.match(line))]
    nicks = sorted({nick for nick, _ in lines if len(nick) >= 2}, key=len, reverse=True)
    mention = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, nicks)) + r")(?![\w-])")
    for n, (_, text) in enumerate(lines[:len(lines) - len(lines) % 5]):
        if share_of(f"{path.name}:{n - n % 5}") in shares:
            yield text.strip(), [(m.start(), m.end(), "USERNAME") for m in mention.finditer(text.strip())]


def _aalto(root: Path) -> list[list[dict]]:
    """The typing test's sentences as key events: letters, Backspace and arrows (Shift and Caps Lock
    are already in the letters' case)."""
    sections: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for path in sorted((root / "keystrokes_aalto136m_sample").glob("*_keystrokes.txt")):
        with path.open(encoding="utf-8", errors="replace") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                sections[(row["PARTICIPANT_ID"], row["TEST_SECTION_ID"])].append(row)
    named = {"BKSP": "Backspace", "ARW_LEFT": "ArrowLeft", "ARW_RIGHT": "ArrowRight"}
    streams = []
    for rows in sections.values():
        rows.sort(key=lambda row: int(row["PRESS_TIME"]))
        keys = [(int(row["PRESS_TIME"]), named.get(row["LETTER"], row["LETTER"])) for row in rows]
        streams.append([{"t": t - keys[0][0] + 1, "key": key, "type": "keydown"} for t, key in keys
                        if len(key) == 1 or key in named.values()])
    return streams


def phrase(text: str, spans: list[tuple[int, int, str]], rng: random.Random) -> str | None:
    """A run of 2 to 6 words of `text` with no gold span and no URL in it, or None."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    if len(words) < 2:
        return None
    size = rng.randint(2, min(6, len(words)))
    first = rng.randint(0, len(words) - size)
    start, end = words[first][0], words[first + size - 1][1]
    if any(a < end and b > start for a, b, _ in spans) or "http" in text[start:end]:
        return None
    return text[start:end].strip(" ,.;:!?") or None


def title_records(sources: Sources, rng: random.Random, count: int) -> list[tuple[dict, dict]]:
    """Short titles and URLs: a phrase beside an app's name, and a documentation, wiki, help or issue URL."""
    pages = sorted({word for text, _ in sources.irc for word in re.findall(r"\b[A-Z][A-Za-z0-9+]{3,}\b", text)})
    built = []
    while len(built) < count:
        text, spans = rng.choice(sources.irc) if rng.random() < 0.6 else (rng.choice(sources.banking), [])
        words = phrase(text, spans, rng)
        if not words:
            continue
        app = rng.choice(APPS)
        title = rng.choice((f"{words} - {app}", f"{words.title()} | {app}", f"{rng.choice(pages)} - {app}",
                            f"{app} — {words[:1].upper()}{words[1:]}"))
        slug = re.sub(r"\W+", "-", words.lower()).strip("-")
        page = re.sub(r"\W+", "", words.title())
        owner, repo = rng.choice(ISSUE_REPOS)
        url = rng.choice((f"https://docs.python.org/3/library/{rng.choice(DOC_PAGES)}.html",
                          f"https://en.wikipedia.org/wiki/{rng.choice(pages)}",
                          f"https://help.ubuntu.com/community/{page}",
                          f"https://support.revolut.com/help/{slug}",
                          f"https://github.com/{owner}/{repo}/issues/{rng.randint(100, 99999)}"))
        texts = {"app": app, "window_title": title, "url": url}
        built.append(({"kind": "keystrokes", **texts, "field": "text",
                       "events": [{"t": 0, "key": "s", "mods": ["Control"], "type": "keydown"}]},
                      {"kind_of_text": "title_url", "spans": [], "texts": texts}))
    return built


def typo(word: str, rng: random.Random) -> str:
    """`word` with two letters swapped, one dropped or one doubled (words of 4 letters or more)."""
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randint(1, len(word) - 2)
    return rng.choice((word[:i] + word[i + 1] + word[i] + word[i + 2:], word[:i] + word[i + 1:],
                       word[:i] + word[i] + word[i:]))


def typed_line(text: str, spans: list[tuple[int, int, str]], rng: random.Random) -> Filled:
    """`text` with uncorrected typos in words after its last span, and cut mid-word now and then."""
    tail = max((end for _, end, _ in spans), default=0)
    head, rest = text[:tail], re.sub(r"\S+", lambda m: typo(m.group(), rng) if rng.random() < TYPO_RATE else m.group(),
                                     text[tail:])
    words = rest.split(" ")
    if rng.random() < CUT_RATE and len(words) > 3 and len(words[-1]) > 4:
        words[-1] = words[-1][:rng.randint(2, len(words[-1]) - 2)]
    typed = head + " ".join(words)
    return Filled(typed, tuple(Span(label, start, end, typed[start:end]) for start, end, label in spans))


def keystroke_records(sources: Sources, rng: random.Random, count: int) -> list[tuple[dict, dict]]:
    """The Aalto streams as recorded, then public lines typed with typos fixed and left."""
    from models.keystrokes import rebuild_typed_text
    from models.records import KeyEvent

    def typed_text(events: list[dict]) -> str:
        return rebuild_typed_text(tuple(KeyEvent(e["t"], e.get("key"), tuple(e.get("mods", ())),
                                                 e.get("type", "keydown"), e.get("text")) for e in events)).text

    built = [({"kind": "keystrokes", "app": "Google Chrome", "window_title": "Typing test", "field": "text",
               "events": events}, {"kind_of_text": "keystrokes", "spans": [], "texts": {"typed": typed_text(events)}})
             for events in sources.aalto]
    lines = sources.irc[:3000] + [(turn, []) for turn in sources.dialog[:2000]] + sources.presidio[:800]
    while len(built) < count:
        text, spans = rng.choice(lines)
        if not text or len(text) > 300:
            continue
        filled = typed_line(text, spans, rng)
        events = typing_events(filled, rng)
        app, title = rng.choice(KEYSTROKE_CONTEXTS)
        built.append(({"kind": "keystrokes", "app": app, "window_title": title, "field": "text", "events": events},
                      {"kind_of_text": "keystrokes", "texts": {"typed": typed_text(events)},
                       "spans": [{"field": "typed", **s.to_json()} for s in filled.spans]}))
    return built


def transcript_records(sources: Sources, rng: random.Random, count: int) -> list[tuple[dict, dict]]:
    """One to four turns of IRC, presidio-research or DailyDialog text."""
    built = []
    for _ in range(count):
        source = rng.choice((sources.irc, sources.presidio, [(turn, []) for turn in sources.dialog[:3000]]))
        turns = [rng.choice(source) for _ in range(rng.randint(1, 4))]
        segments = [{"speaker": "user" if i % 2 == 0 else "assistant", "start": float(i * 4),
                     "end": float(i * 4 + 3), "text": text} for i, (text, _) in enumerate(turns)]
        spans = [{"field": f"segments.{i}.text", "label": label, "start": a, "end": b, "value": text[a:b]}
                 for i, (text, found) in enumerate(turns) for a, b, label in found]
        built.append(({"kind": "transcript", "app": "Zoom", "window_title": "Zoom Meeting", "source": "voice",
                       "segments": segments},
                      {"kind_of_text": "transcript", "spans": spans,
                       "texts": {f"segments.{i}.text": text for i, (text, _) in enumerate(turns)}}))
    return built


def build(root: Path, titles: int, keystrokes: int, transcripts: int) -> list[tuple[dict, dict]]:
    """The records and gold entries of all three kinds, numbered."""
    rng = random.Random(SEED)
    sources = load_sources(root, rng)
    pairs = [*title_records(sources, rng, titles), *keystroke_records(sources, rng, keystrokes),
             *transcript_records(sources, rng, transcripts)]
    return [({"record_id": f"pub-{n}", "user_id": "bench", "ts": "2026-06-09T09:00:00Z", **raw},
             {"record_id": f"pub-{n}", "category": None, "hard_negative": False, "recipe": "public", **gold})
            for n, (raw, gold) in enumerate(pairs)]


def word_class(word: str, is_english: Callable[[str], bool], app_words: frozenset[str]) -> str:
    """What kind of word a lost word is (see the module's docstring)."""
    if any(char.isdigit() for char in word):
        return "with digits"
    if word in app_words:
        return "app name"
    if word.isupper() and len(word) > 1:
        return "all capitals"
    if any(char.isupper() for char in word[1:]):
        return "camel case"
    lower = word.lower()
    kind = ("English" if is_english(lower) else
            "one edit from English" if any(is_english(v) for v in _one_edit(lower)) else "other")
    return f"{'capitalised' if word[0].isupper() else 'lower-case'} {kind}"


def _one_edit(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ({a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in letters} | {a + c + b for a, b in splits for c in letters})


@dataclass
class Tally:
    """Per kind of text: words, words lost, lost and seen by word class, lost by entity type, dropped."""

    words: Counter = field(default_factory=Counter)
    lost: Counter = field(default_factory=Counter)
    seen_by_class: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    lost_by_class: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    lost_by_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    dropped: Counter = field(default_factory=Counter)


def measure(pairs: list[tuple[dict, dict]], batch_size: int = 32) -> Tally:
    """Every record through detection and the default policy, scored and its lost words classified."""
    from models.detection import detect_batch
    from models.engine import build_detector, english_word_test, settings_for_policy
    from models.parse import parse_line
    from models.policy import DEFAULT_POLICY, load_policy
    from models.records import PreparedRecord
    from models.redaction import apply_policy
    from models.text_views import text_fields

    policy = load_policy(DEFAULT_POLICY)
    settings = settings_for_policy(policy)
    detector = build_detector(settings)
    is_english = english_word_test(detector.analyzer.nlp_engine.nlp[settings.language])
    app_words = frozenset(word for app in APPS for word in app.split())
    records = [parse_line(json.dumps(raw).encode(), "bench") for raw, _ in pairs]
    prepared = [PreparedRecord(record, text_fields(record)) for record in records]
    tally = Tally()
    for start in range(0, len(prepared), batch_size):
        for (_, gold), finding in zip(pairs[start:start + batch_size],
                                      detect_batch(detector, prepared[start:start + batch_size], settings)):
            outcome = apply_policy(finding, policy, b"bench-pseudonym-key-0123456789ab")
            if not hasattr(outcome, "json_line"):
                tally.dropped[gold["kind_of_text"]] += 1
                continue
            _count(tally, gold, json.loads(outcome.json_line), dict(finding.spans), is_english, app_words)
    return tally


def _count(tally: Tally, gold: dict, doc: dict, spans: dict, is_english, app_words) -> None:
    kind = gold["kind_of_text"]
    score = score_text(gold, doc)
    tally.words[kind] += score.words
    tally.lost[kind] += score.words_lost
    for name, text in gold["texts"].items():
        kept = words_outside(text, [s for s in gold["spans"] if s["field"] == name])
        lost = kept - Counter(_WORD.findall(output_field(doc, name) or ""))
        for word, count in kept.items():
            tally.seen_by_class[kind][word_class(word, is_english, app_words)] += count
        field_spans = spans.get(name.replace(".text", "").replace(".", "/"), ())
        for word, count in lost.items():
            tally.lost_by_class[kind][word_class(word, is_english, app_words)] += count
            places = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
            types = sorted({s.entity_type for s in field_spans for a, b in places if s.start < b and s.end > a})
            tally.lost_by_type[kind]["+".join(types) or "(masked elsewhere)"] += count


def report(tally: Tally) -> str:
    """The tally as Markdown: aggregates only."""
    lines = ["| kind | non-PII words | lost | share lost | records dropped |", "|---|---|---|---|---|"]
    lines += [f"| {kind} | {tally.words[kind]} | {tally.lost[kind]} | {tally.lost[kind] / max(tally.words[kind], 1):.2%} "
              f"| {tally.dropped[kind]} |" for kind in tally.words]
    for kind in tally.words:
        classes = ", ".join(f"{name} {lost}/{tally.seen_by_class[kind][name]}"
                            for name, lost in tally.lost_by_class[kind].most_common())
        types = ", ".join(f"{name} {lost}" for name, lost in tally.lost_by_type[kind].most_common(8))
        lines += ["", f"{kind}: lost/seen by class of word: {classes or 'none'}",
                  f"{kind}: lost by entity type of the span: {types or 'none'}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Builds the records, measures them and prints the report."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(SHARED_DATA), help="the shared public data directory")
    parser.add_argument("--titles", type=int, default=400)
    parser.add_argument("--keystrokes", type=int, default=250, help="at least the Aalto streams (about 140)")
    parser.add_argument("--transcripts", type=int, default=150)
    args = parser.parse_args(argv)
    print(report(measure(build(Path(args.data), args.titles, args.keystrokes, args.transcripts))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
