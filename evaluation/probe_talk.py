"""A probe of transcripts written apart from the project's templates (issue 15): chat exports, meeting
captions, AI-prompt pastes and voice-to-text in other apps' formats, with people and logins from Faker
locales the generated splits use little, real IRC nicks addressed in real #ubuntu lines, Presidio's own
synthetic PII sentences, and PII-free DailyDialog and SMS lines as hard negatives.

`--seed tune` and `--seed heldout` draw from disjoint IRC logs, Presidio templates and random seeds;
tune on the first, measure the second only at the end. `--dev DIR` scores a built split's transcripts
the same way (categories kept, so only detection is measured). Prints figures only, never record text,
unless `--show` (tuning seed only) lists the leaked values of the synthetic records.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
from collections import Counter
from pathlib import Path

from faker import Faker

DATA = Path("/work/shared/data")
SEEDS = {"tune": 1511, "heldout": 2622}
LOCALES = ("da_DK", "nb_NO", "sk_SK", "hr_HR", "lt_LT", "lv_LV", "et_EE", "bg_BG", "ka_GE", "fa_IR",
           "th_TH", "he_IL", "sl_SI", "az_AZ", "hy_AM", "ne_NP", "ta_IN", "en_NZ", "en_AU", "pt_PT", "es_AR",
           "es_CO", "fr_CA", "de_AT", "en_US", "de_DE", "pl_PL", "tr_TR", "vi_VN", "id_ID", "yo_NG", "zu_ZA")
PRESIDIO_LABELS = {"PERSON": "PERSON", "EMAIL_ADDRESS": "EMAIL_ADDRESS", "PHONE_NUMBER": "PHONE_NUMBER",
                   "CREDIT_CARD": "CREDIT_CARD", "IBAN_CODE": "ACCOUNT_NUMBER", "US_SSN": "NATIONAL_ID",
                   "IP_ADDRESS": "IP_ADDRESS", "STREET_ADDRESS": "ADDRESS", "US_DRIVER_LICENSE": "NATIONAL_ID"}
_IRC_LINE = re.compile(r"^\[\d\d:\d\d\] <([^>\s]+)> (.*)$")


def locale_faker(rng: random.Random, locales: tuple[str, ...], fakers: dict[str, Faker]) -> Faker:
    """A Faker of a random one of `locales`, made once per locale in `fakers` and seeded from `rng`."""
    locale = rng.choice(locales)
    if locale not in fakers:
        try:
            fakers[locale] = Faker(locale)
        except AttributeError:
            fakers[locale] = Faker("en_US")
        fakers[locale].seed_instance(rng.randrange(1 << 30))
    return fakers[locale]


class People:
    """Names, logins and passwords from a random Faker locale, as people write them in chat."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.fakers: dict[str, Faker] = {}
        self.en = Faker("en_US")
        self.en.seed_instance(rng.randrange(1 << 30))

    def faker(self) -> Faker:
        """A Faker of a random locale of LOCALES, seeded from the probe's seed."""
        return locale_faker(self.rng, LOCALES, self.fakers)

    def person(self) -> tuple[str, str]:
        """A first and a last name."""
        fake = self.faker()
        return fake.first_name(), fake.last_name()

    def login(self) -> str:
        """A login made from a name as companies and sites make them (first.last, flast, first42...)."""
        first, last = (re.sub(r"[^a-z]", "", _fold(p)) for p in self.person())
        if len(first) < 2 or len(last) < 2:  # a script Faker does not romanize: an English name instead
            first, last = self.en.first_name().lower(), self.en.last_name().lower()
        shape = self.rng.randrange(6)
        digits = str(self.rng.randrange(2, 999))
        return [f"{first}.{last}", f"{first}_{last}", f"{first[0]}{last}", f"{first}{digits}",
                f"{last}{first[0]}", self.en.user_name()][shape]

    def password(self) -> str:
        """A password people pick (word and digits) or a generated one."""
        word = self.en.word()
        digits = str(self.rng.randrange(10, 9999))
        shape = self.rng.randrange(4)
        return [f"{word}{digits}", f"{word.capitalize()}{digits}", f"{word}{digits}!",
                self.en.password(length=self.rng.randrange(9, 15))][shape]


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii()).lower()


# Chat messages with slots: {first} a first name alone, {handle} a login after a verb, {pw} a password
# with no cue, {pair} login:password, {spoken} an e-mail read out. Ordinary ones carry no slot.
MESSAGES = (
    "thanks {first}!", "{first} can you take a look when you get a sec", "ok {first}, merging now",
    "lol {first} that's the third time today", "morning {first} :)", "did {first} ever reply about the invoice?",
    "I'll loop in {first} and {first2}", "{first}: pushed a fix, pls retest", "np {first}",
    "shared it with {handle}", "ping @{handle} about the flaky test", "cc {handle}", "looping in {handle} here",
    "assigned the ticket to {handle}", "just DM'd {handle}", "ask {handle}, they own the runner",
    "@{handle} @{handle2} standup moved to 10", "/invite {handle}", "added {handle} to #infra",
    "use {pw} for the box", "it's {pw} now, I rotated it", "try {pw}", "changed it to {pw} this morning",
    "the new one is {pw}", "here: {pair}", "{pair} works for the staging db", "creds {pair}",
    "my email is {spoken} at gmail dot com", "send it to {spoken} at outlook dot com",
    "deploy is green again", "can someone restart the runner?", "lgtm, ship it", "standup in 5",
    "the build broke on main after the merge", "who owns the billing service these days?",
    "I'm out tomorrow, back Thursday", "rebased, CI is running", "sounds good to me",
    "did anyone else get the 502 on staging", "closing this, dup of the other issue",
)


class Builder:
    """A text assembled piece by piece, with the offsets of its gold values."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: list[tuple[str, int, int, str]] = []

    def add(self, piece: str, label: str | None = None) -> Builder:
        """Append `piece`, as a gold value of `label` when one is given."""
        if label:
            self.spans.append((label, len(self.text), len(self.text) + len(piece), piece))
        self.text += piece
        return self


def fill(builder: Builder, template: str, people: People) -> None:
    """Write a message template with its slots filled by gold values."""
    first_names = [people.person()[0], people.person()[0]]
    logins = [people.login(), people.login()]
    for piece in re.split(r"(\{\w+\})", template):
        slot = piece[1:-1] if piece.startswith("{") else None
        if slot in ("first", "first2"):
            builder.add(first_names[slot == "first2"], "PERSON")
        elif slot in ("handle", "handle2"):
            builder.add(logins[slot == "handle2"], "USERNAME")
        elif slot == "pw":
            builder.add(people.password(), "SECRET")
        elif slot == "pair":
            builder.add(logins[0], "USERNAME").add(":").add(people.password(), "SECRET")
        elif slot == "spoken":
            first, last = (_fold(p) for p in people.person())
            builder.add(first, "PERSON").add(" dot ").add(last, "PERSON")
        else:
            builder.add(piece)


def chat_export(people: People, rng: random.Random) -> list[Builder]:
    """Several messages in one app's copy-paste format, authors' names in the headers."""
    style = rng.choice(("slack", "teams", "whatsapp", "telegram", "discord", "meet", "zoom_vtt", "otter"))
    segments = []
    for turn in range(rng.randint(1, 4)):
        first, last = people.person()
        minute = f"{rng.randrange(8, 18)}:{rng.randrange(60):02d}"
        b = Builder()
        if style == "slack":
            b.add(f"{first} {last}", "PERSON").add(f"  {minute} AM\n")
        elif style == "teams":
            b.add(f"[{minute} AM] ").add(f"{last}, {first}", "PERSON").add("\n")
        elif style == "whatsapp":
            b.add(f"12/0{rng.randrange(1, 9)}/26, {minute} - ").add(f"{first} {last}", "PERSON").add(": ")
        elif style == "telegram":
            b.add(f"{first} {last}", "PERSON").add(f", [07.12.26 {minute}]\n")
        elif style == "discord":
            b.add(people.login(), "USERNAME").add(f" — Today at {minute} PM\n")
        elif style == "meet":
            b.add(f"{first} {last}", "PERSON").add(f"\n{minute}\n")
        elif style == "zoom_vtt":
            b.add(f"{turn + 1}\n00:0{turn}:12.000 --> 00:0{turn}:15.500\n").add(f"{first} {last}", "PERSON").add(": ")
        else:
            b.add(f"{first} {last}", "PERSON").add(f"  {turn}:{rng.randrange(60):02d}\n")
        fill(b, rng.choice(MESSAGES), people)
        segments.append(b)
    return segments


def voice(people: People, rng: random.Random) -> list[Builder]:
    """Voice-to-text turns: values read out, names alone, a login or password said plainly."""
    b = Builder()
    first, last = people.person()
    login = people.login()
    shape = rng.randrange(6)
    if shape == 0:
        b.add("yeah so my username is ").add(login, "USERNAME").add(" and I still can't get in")
    elif shape == 1:
        b.add("okay ").add(first, "PERSON").add(" I'll send you the deck after the call")
    elif shape == 2:
        b.add("it's ").add(_fold(first), "PERSON").add(" dot ").add(_fold(last), "PERSON").add(" at company dot com")
    elif shape == 3:
        b.add("I set it to ").add(people.password(), "SECRET").add(" for now, change it later")
    elif shape == 4:
        b.add("hi this is ").add(f"{first} {last}", "PERSON").add(" calling about my order")
    else:
        b.add("let me check with ").add(first, "PERSON").add(" and get back to you")
    return [b]


def prompt_paste(people: People, rng: random.Random) -> list[Builder]:
    """An AI prompt holding a pasted CSV, list, log, config or e-mail."""
    b = Builder()
    shape = rng.randrange(6)
    if shape == 0:
        b.add(rng.choice(("Summarize this CSV:\n", "Clean up these rows:\n", "turn this into a table\n")))
        b.add("name,team,start_date\n")
        for _ in range(rng.randint(2, 4)):
            first, last = people.person()
            b.add(f"{first} {last}", "PERSON").add(f",{rng.choice(('Sales', 'Ops', 'Finance'))},2026-0{rng.randrange(1, 9)}-1{rng.randrange(9)}\n")
    elif shape == 1:
        b.add("write a short thank-you note to the team: ")
        names = [people.person()[0] for _ in range(rng.randint(2, 4))]
        for i, name in enumerate(names):
            b.add(name, "PERSON").add(", " if i < len(names) - 2 else (" and " if i == len(names) - 2 else ""))
        b.add(" for the migration")
    elif shape == 2:
        login = people.login()
        b.add("why does this fail?\n")
        b.add(f"Dec  7 08:{rng.randrange(60):02d}:11 web01 sshd[2231]: Failed password for ").add(login, "USERNAME")
        b.add(" from 10.2.3.4 port 52144 ssh2")
    elif shape == 3:
        login = people.login()
        b.add("fix my config:\n[database]\nhost = db.internal\nuser = ").add(login, "USERNAME")
        b.add("\npassword = ").add(people.password(), "SECRET").add("\n")
    elif shape == 4:
        first, last = people.person()
        other = people.person()[0]
        b.add("Rewrite this email more politely:\nHi ").add(other, "PERSON").add(",\nthe report is late again.\nBest,\n")
        b.add(f"{first} {last}", "PERSON")
    else:
        b.add("assign these: ")
        for i in range(rng.randint(2, 3)):
            b.add(f"{i + 1}) ").add(people.login(), "USERNAME").add(" -> review  ")
    return [b]


def english_words() -> set[str]:
    """Lower-case words of DailyDialog (public), to tell a nick that is a plain word."""
    text = (DATA / "chat_dailydialog" / "test_dialogues.txt").read_text(encoding="utf-8", errors="replace")
    counts = Counter(w.lower() for w in re.findall(r"[A-Za-z]+", text))
    return {w for w, n in counts.items() if n >= 2}


def irc_windows(part: int, rng: random.Random, words: set[str], count: int) -> list[list[Builder]]:
    """Windows of real #ubuntu lines; every nick of the log that is no plain word is a gold login."""
    files = sorted((DATA / "benign_ubuntu_irc").glob("*.raw.txt"))[part::2]
    out = []
    for path in rng.sample(files, len(files)) * 40:
        if len(out) >= count:
            break
        lines = [m for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                 if (m := _IRC_LINE.match(line))]
        nicks = {m.group(1).lstrip("@+") for m in lines}
        nicks = {n for n in nicks if len(n) >= 3 and n.lower() not in words}
        start = rng.randrange(max(1, len(lines) - 5))
        window = lines[start:start + rng.randint(1, 4)]
        segment = Builder()
        for m in window:
            line = m.group(0)
            pattern = re.compile(r"(?<![\w/.@\-])(" + "|".join(re.escape(n) for n in sorted(nicks, key=len, reverse=True))
                                 + r")(?![\w/@\-]|\.\w)")
            last = 0
            for hit in pattern.finditer(line):
                segment.add(line[last:hit.start()]).add(hit.group(1), "USERNAME")
                last = hit.end()
            segment.add(line[last:] + "\n")
        out.append([segment])
    return out


def presidio_sentences(part: int, rng: random.Random, count: int) -> list[list[Builder]]:
    """Presidio's synthetic sentences (other people's templates), pasted into a prompt or chat line."""
    rows = json.loads((DATA / "pii_presidio_synth" / "synth_dataset_v2.json").read_text(encoding="utf-8"))
    rows = [r for r in rows if r["template_id"] % 2 == part and len(r["full_text"]) < 400]
    out = []
    for row in rng.sample(rows, min(count, len(rows))):
        b = Builder().add(rng.choice(("", "can you rephrase this: ", "Translate to French:\n", "fyi ")))
        text, last = row["full_text"], 0
        for span in sorted(row["spans"], key=lambda s: s["start_position"]):
            label = PRESIDIO_LABELS.get(span["entity_type"])
            if not label or span["start_position"] < last:
                continue
            b.add(text[last:span["start_position"]]).add(text[span["start_position"]:span["end_position"]], label)
            last = span["end_position"]
        b.add(text[last:])
        out.append([b])
    return out


def plain_chat(rng: random.Random, count: int) -> list[list[Builder]]:
    """PII-free conversation (DailyDialog turns, SMS ham) as hard negatives for lost words."""
    dialogs = (DATA / "chat_dailydialog" / "test_dialogues.txt").read_text(encoding="utf-8").splitlines()
    sms = [line.split("\t", 1)[1] for line in
           (DATA / "chat_sms_spam_collection" / "SMSSpamCollection").read_text(encoding="utf-8", errors="replace").splitlines()
           if line.startswith("ham\t")]
    out = []
    for _ in range(count):
        if rng.random() < 0.5:
            turns = [t.strip() for t in rng.choice(dialogs).split("__eou__") if t.strip()][:4]
        else:
            turns = rng.sample(sms, 2)
        out.append([Builder().add(t) for t in turns])
    return out


def transcript_pair(record_id: str, source: str, recipe: str, segments: list[Builder], hard: bool) -> tuple[dict, dict]:
    """One probe transcript (speakers `Speaker N`, one segment per builder) and its gold, in the generated
    splits' formats."""
    record = {"record_id": record_id, "kind": "transcript", "user_id": "emp-probe", "ts": "2026-12-07T09:00:00Z",
              "source": source, "app": "Slack",
              "segments": [{"speaker": f"Speaker {n + 1}", "start": float(n), "end": n + 0.9, "text": s.text}
                           for n, s in enumerate(segments)]}
    gold = {"record_id": record_id, "kind_of_text": "transcript", "category": "benign", "hard_negative": hard,
            "recipe": recipe,
            "spans": [{"field": f"segments.{n}.text", "label": label, "start": a, "end": z, "value": value}
                      for n, s in enumerate(segments) for label, a, z, value in s.spans],
            "texts": {f"segments.{n}.text": s.text for n, s in enumerate(segments)}}
    return record, gold


def padded_pairs(groups: list[tuple[str, list[Builder], bool]], size: int, quiet: list[str], turns: list[str],
                 rng: random.Random, prefix: str) -> tuple[list[dict], list[dict]]:
    """A probe's (recipe, segments, hard negative) groups filled up to `size` with public lines (IRC lines that
    name no one and ordinary chat turns, in turn) and made into chat transcripts `prefix-N` and their gold."""
    while len(groups) < size:
        pool, recipe = (quiet, "irc_none") if len(groups) % 2 else (turns, "public_chat")
        groups.append((recipe, [Builder().add(rng.choice(pool))], True))
    records, golds = [], []
    for i, (recipe, segments, hard) in enumerate(groups):
        record, gold = transcript_pair(f"{prefix}-{i:04d}", "chat", recipe, segments, hard)
        records.append(record)
        golds.append(gold)
    return records, golds

def probe(seed_name: str, size: int) -> tuple[list[dict], list[dict]]:
    """Raw transcript records and their gold, in the generated splits' formats."""
    rng = random.Random(SEEDS[seed_name])
    part = 0 if seed_name == "tune" else 1
    people = People(rng)
    groups: list[tuple[str, list[Builder], bool]] = []
    for _ in range(size * 4 // 10):
        groups.append(("chat_export", chat_export(people, rng), False))
    for _ in range(size // 10):
        groups.append(("voice", voice(people, rng), False))
    for _ in range(size // 10):
        groups.append(("prompt_paste", prompt_paste(people, rng), False))
    groups += [("irc", g, False) for g in irc_windows(part, rng, english_words(), size // 10)]
    groups += [("presidio_synth", g, False) for g in presidio_sentences(part, rng, size // 10)]
    groups += [("plain_chat", g, True) for g in plain_chat(rng, size - len(groups))]
    records, golds = [], []
    for i, (recipe, segments, hard) in enumerate(groups):
        record_id = f"probe-{seed_name}-{i:04d}"
        record, gold = transcript_pair(record_id, "voice" if recipe == "voice" else "chat", recipe, segments, hard)
        records.append(record)
        golds.append(gold)
    return records, golds


def sanitized(records: list[dict]) -> list[dict]:
    """Each record detected and masked as the pipeline does, with every category kept."""
    from models.detection import detect_batch
    from models.engine import build_detector, fitted_to_policy, settings_for_policy
    from models.parse import parse_line
    from models.policy import DEFAULT_POLICY, CategoryRule, load_policy
    from models.records import PreparedRecord
    from models.redaction import sanitize
    from models.text_views import text_fields

    policy = load_policy(DEFAULT_POLICY)
    policy = policy.model_copy(update={"categories": {name: CategoryRule(action="keep", sensitivity=rule.sensitivity)
                                                      for name, rule in policy.categories.items()}})
    settings = fitted_to_policy(settings_for_policy(policy), policy)
    detector = build_detector(settings)
    out = []
    for start in range(0, len(records), 32):
        prepared = [PreparedRecord(p, text_fields(p)) for p in
                    (parse_line(json.dumps(r).encode(), "probe.jsonl") for r in records[start:start + 32])]
        for finding in detect_batch(detector, prepared, settings):
            out.append(json.loads(sanitize(finding, policy, b"probe-key-0123456789abcdef0123456789").json_line))
    return out


def recipe_report(records: list[dict], golds: list[dict], recipes: tuple[str, ...], show: bool,
                  found: str = "found") -> list:
    """Per recipe: records, zero-leak, gold values found, words lost per 1,000; with `show` (tuning seeds of
    synthetic and public lines only), each leaked value and each record that lost words. Returns the records'
    scores, for a probe's own figures."""
    from evaluation.scoring import output_field, score_text

    docs = sanitized(records)
    scores = [score_text(g, d) for g, d in zip(golds, docs)]
    for recipe in recipes:
        rows = [(g, d, s) for g, d, s in zip(golds, docs, scores) if g["recipe"] == recipe]
        spans = sum(s.spans for _, _, s in rows)
        leaked = sum(s.leaked_spans for _, _, s in rows)
        clean = sum(not s.leaked_labels for _, _, s in rows)
        words, lost = sum(s.words for _, _, s in rows), sum(s.words_lost for _, _, s in rows)
        gold = f"zero-leak={100 * clean / len(rows):5.1f}% {found}={spans - leaked}/{spans}" if spans else "no gold" + " " * 22
        print(f"{recipe:12s} n={len(rows):4d} {gold} lost={lost}/{words} ({1000 * lost / max(words, 1):.1f} per 1,000)")
        if not show:
            continue
        for g, d, s in rows:
            for span in g["spans"]:
                text = output_field(d, span["field"])
                if text and f"{span['label']}@{span['field']}" in s.leaked_fields and span["value"] in text:
                    print(f"  LEAK {span['value']!r} in {text[:150]!r}")
            if s.words_lost:
                print("  LOST " + " | ".join(repr(output_field(d, name)[:150]) for name in g["texts"]))
    return scores


def report(records: list[dict], golds: list[dict], show: bool) -> None:
    """Zero-leak and lost words, overall, by recipe and by label."""
    from evaluation.scoring import output_field, score_text, zero_leak

    docs = sanitized(records)
    scores = [score_text(g, d) for g, d in zip(golds, docs)]
    def line(name: str, group: list) -> None:
        value = zero_leak(group)["value"]
        words, lost = sum(s.words for s in group), sum(s.words_lost for s in group)
        shown = "  -  " if value is None else f"{100 * value:5.1f}%"
        print(f"{name:16s} n={len(group):4d} zero-leak={shown} lost={lost}/{words} ({100 * lost / max(words, 1):.1f}%)")
    line("all", scores)
    for recipe in sorted({g.get("recipe", g["kind_of_text"]) for g in golds}):
        line(recipe, [s for s, g in zip(scores, golds) if g.get("recipe", g["kind_of_text"]) == recipe])
    for label in sorted({lab for s in scores for lab in s.labels}):
        z = zero_leak(scores, label=label)
        print(f"  {label:16s} n={sum(label in s.labels for s in scores):4d} zero-leak={100 * z['value']:.1f}%")
    if show:
        for g, d, s in zip(golds, docs, scores):
            for span in g["spans"]:
                text = output_field(d, span["field"])
                if f"{span['label']}@{span['field']}" in s.leaked_fields and text and span["value"] in text:
                    print(f"LEAK {g.get('recipe')} {span['label']}: {span['value']!r} in {text[:160]!r}")
            if s.words_lost:
                for name, text in g["texts"].items():
                    print(f"LOST {g.get('recipe')} {output_field(d, name)[:160]!r}")


def main(argv: list[str] | None = None) -> int:
    """Score the probe's seed or a built split's transcripts and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", choices=sorted(SEEDS), default="tune")
    parser.add_argument("--size", type=int, default=400)
    parser.add_argument("--dev", help="score this built split's transcripts instead of the probe")
    parser.add_argument("--show", action="store_true", help="print the tuning seed's leaks and lost words")
    args = parser.parse_args(argv)
    if args.dev:
        split = Path(args.dev)
        golds = [g for g in map(json.loads, (split / "gold.jsonl").read_text().splitlines())
                 if g["kind_of_text"] == "transcript"]
        ids = {g["record_id"] for g in golds}
        records = [r for r in map(json.loads, (split / "input" / "records.jsonl").read_text().splitlines())
                   if r.get("record_id") in ids]
        by_id = {r["record_id"]: r for r in records}
        golds = [g for g in golds if g["record_id"] in by_id]
        records = [by_id[g["record_id"]] for g in golds]
    else:
        records, golds = probe(args.seed, args.size)
    report(records, golds, args.show and (args.seed == "tune" or bool(args.dev)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
