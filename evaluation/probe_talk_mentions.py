"""A probe of users mentioned mid-sentence in chat (issue 15): real #ubuntu lines in which a token equals a
nick that speaks in the same log (`like madsy says`, `ask ikonia`, `thanks dpkg`) are natural gold written by
thousands of people; the records carry no speaker that would give the nick away. Nicks that are English
words or terms of the other logs (`ubuntu`, `grub`) are counted apart, never as gold. Hard negatives: the
same logs' lines that mention nobody, DailyDialog and SMS ham. A second, smaller check puts Faker logins of
many locales into mention frames of our own.

`--seed tune` reads the even-numbered logs and two thirds of the frames; `--seed heldout` the odd logs and
the other third: measure it only at the end. Prints figures only, unless `--show` (tuning seed only).
"""
from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from dataclasses import dataclass

from evaluation.probe_talk import DATA, Builder, english_words, locale_faker, recipe_report, transcript_pair
from evaluation.probe_talk_intents import fold, ordinary_turns

SEEDS = {"tune": 1531, "heldout": 2641}
LOCALES = ("en_US", "en_GB", "en_IN", "de_DE", "fr_FR", "es_ES", "es_MX", "it_IT", "pt_BR", "nl_NL", "pl_PL",
           "cs_CZ", "ro_RO", "hu_HU", "fi_FI", "sv_SE", "da_DK", "tr_TR", "vi_VN", "id_ID", "hr_HR", "sk_SK",
           "fr_CA", "de_AT", "en_AU", "lt_LT", "no_NO", "et_EE")
_IRC_LINE = re.compile(r"^\[\d\d:\d\d\] <([^>\s]+)> (.*)$")
_TOKEN = re.compile(r"[\w\-|^`\[\]{}\\]+")

# Mention frames of our own, `{v}` a login; a different writer's ways of talking about or to a user.
FRAMES = (
    "i think {v} fixed that last week",
    "ask {v} about it, they wrote the script",
    "as {v} said, the mirror is down",
    "thanks {v}, that worked",
    "ping {v} when the build is done",
    "cc {v} on this one",
    "you and {v} should sync before friday",
    "{v} and me are looking at the logs now",
    "did {v} ever get back to you?",
    "talked to {v} yesterday, same error on their side",
    "not sure, maybe {v} knows",
    "{v} says the patch is in proposed",
    "i'll let {v} handle the review",
    "{v}'s laptop has the same issue",
    "waiting on {v} for the keys",
    "he's right, {v} had the same thing with the driver",
    "blame {v} lol",
    "what did {v} mean by that",
)


@dataclass
class Log:
    """One #ubuntu log: its message lines and the nicks that speak in it."""

    lines: list[tuple[str, str]]
    nicks: dict[str, str]


def read_logs(part: int) -> list[Log]:
    """The even (0) or odd (1) logs by file name, each with its speakers' nicks keyed by lower case."""
    logs = []
    for path in sorted((DATA / "benign_ubuntu_irc").glob("*.raw.txt"))[part::2]:
        lines = [(m.group(1), m.group(2)) for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                 if (m := _IRC_LINE.match(line))]
        nicks = {n.lstrip("@+").lower(): n.lstrip("@+") for n, _ in lines}
        logs.append(Log(lines, nicks))
    return logs


def common_terms() -> set[str]:
    """Lower-case words of DailyDialog and tokens used in at least three #ubuntu logs where nobody of that name
    speaks: a nick equal to one of these is as much a word as a user, and is counted apart."""
    words = english_words()
    seen: Counter = Counter()
    for part in (0, 1):
        for log in read_logs(part):
            tokens = {t.lower() for _, text in log.lines for t in _TOKEN.findall(text)}
            seen.update(tokens - set(log.nicks))
    return words | {t for t, n in seen.items() if n >= 3}


def mentions(text: str, log: Log) -> list[tuple[int, int]]:
    """Offsets of tokens of `text` that equal a nick of the log, whatever the case."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text) if m.group(0).lower() in log.nicks]


def irc_groups(part: int, rng: random.Random, common: set[str], count: int) -> list[tuple[str, list[Builder], bool]]:
    """Records of one mention line each (`lead`: only an addressee opening the line; `mid`: a mention inside it;
    `word_nick`: only nicks that are common terms, not gold), an earlier line of the log before it half the time,
    and `irc_none`: lines that mention no nick of the log."""
    by_recipe: dict[str, list[tuple[str, list[Builder], bool]]] = {"lead": [], "mid": [], "word_nick": [], "irc_none": []}
    for log in read_logs(part):
        quiet = [text for _, text in log.lines if not mentions(text, log) and len(text) > 3]
        for _, text in log.lines:
            found = mentions(text, log)
            if not found:
                continue
            gold = [(a, z) for a, z in found if len(text[a:z]) >= 3 and text[a:z].lower() not in common]
            if not gold:
                by_recipe["word_nick"].append(("word_nick", [Builder().add(text)], True))
                continue
            lead = all(a == len(text) - len(text.lstrip()) and re.match(r"\s*[:,>]|\s*$", text[z:]) for a, z in gold)
            b, last = Builder(), 0
            for a, z in gold:
                b.add(text[last:a]).add(text[a:z], "USERNAME")
                last = z
            b.add(text[last:])
            segments = [b] if rng.random() < 0.5 or not quiet else [Builder().add(rng.choice(quiet)), b]
            by_recipe["lead" if lead else "mid"].append(("lead" if lead else "mid", segments, False))
        by_recipe["irc_none"] += [("irc_none", [Builder().add(t)], True) for t in quiet]
    shares = {"mid": 0.45, "lead": 0.15, "word_nick": 0.1, "irc_none": 0.3}
    out = []
    for recipe, share in shares.items():
        pool = by_recipe[recipe]
        out += rng.sample(pool, min(len(pool), int(count * share)))
    return out


class Logins:
    """Logins of many Faker locales: site user names, short 3-4 letter logins, first name and digits."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.fakers: dict = {}

    def __call__(self) -> str:
        """One login."""
        fake = locale_faker(self.rng, LOCALES, self.fakers)
        first, last = fold(fake.first_name()), fold(fake.last_name())
        if len(first) < 2 or len(last) < 2:
            first, last = "mara", "olsen"
        shape = self.rng.randrange(4)
        if shape == 0:
            name = fake.user_name()
            return name if name.isascii() else f"{first}{last[:3]}"
        if shape == 1:
            return (first[0] + last[:self.rng.choice((2, 3))]) if self.rng.random() < 0.6 else first[:2] + last[:2]
        if shape == 2:
            return f"{first}{self.rng.randrange(1, 999)}"
        return self.rng.choice((f"{first[0]}{last}", f"{first}_{last[0]}", f"{last}{first[0]}"))


def faker_groups(held: bool, rng: random.Random, count: int) -> list[tuple[str, list[Builder], bool]]:
    """The seed's third or two thirds of FRAMES, each with a Faker login as gold."""
    frames = [f for i, f in enumerate(FRAMES) if (i % 3 == 2) == held]
    login = Logins(rng)
    out = []
    for _ in range(count):
        b = Builder()
        for piece in re.split(r"(\{v\})", rng.choice(frames)):
            if piece == "{v}":
                b.add(login(), "USERNAME")
            else:
                b.add(piece)
        out.append(("faker", [b], False))
    return out


def probe(seed_name: str, size: int) -> tuple[list[dict], list[dict]]:
    """Raw transcript records and their gold: the seed's IRC half, Faker frames and public chat negatives."""
    rng = random.Random(SEEDS[seed_name])
    held = seed_name == "heldout"
    groups = irc_groups(int(held), rng, common_terms(), size * 7 // 10)
    groups += faker_groups(held, rng, size * 15 // 100)
    turns = ordinary_turns(rng)
    groups += [("public_chat", [Builder().add(rng.choice(turns))], True) for _ in range(size - len(groups))]
    records, golds = [], []
    for i, (recipe, segments, hard) in enumerate(groups):
        record, gold = transcript_pair(f"mention-{seed_name}-{i:04d}", "chat", recipe, segments, hard)
        records.append(record)
        golds.append(gold)
    return records, golds



def cost(seed_name: str) -> None:
    """The mention recognizer's time per character on the seed's public lines (its IRC half, DailyDialog, SMS),
    and the time ratio of the same lines joined four times longer (linear cost: about 4)."""
    import time

    from models.engine import build_analyzer, settings_for_policy
    from models.policy import DEFAULT_POLICY, load_policy

    analyzer = build_analyzer(settings_for_policy(load_policy(DEFAULT_POLICY)))
    recognizer = next(r for r in analyzer.registry.recognizers if r.name == "MentionRecognizer")
    lines = [text for log in read_logs(int(seed_name == "heldout")) for _, text in log.lines]
    lines += ordinary_turns(random.Random(0))
    text = "\n".join(lines)

    def timed(body: str) -> float:
        start = time.perf_counter()
        recognizer.analyze(body, ["USERNAME"])
        return time.perf_counter() - start

    per_line = min(sum(timed(line) for line in lines) for _ in range(3))
    one, four = min(timed(text) for _ in range(3)), min(timed("\n".join([text] * 4)) for _ in range(3))
    print(f"lines={len(lines)} chars={len(text)} per line: {1e6 * per_line / len(text):.3f} us/char;"
          f" joined: {1e6 * one / len(text):.3f} us/char; 4x input time ratio {four / one:.2f}")


def main(argv: list[str] | None = None) -> int:
    """Build the seed's records, sanitize them as the pipeline does and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", choices=sorted(SEEDS), default="tune")
    parser.add_argument("--size", type=int, default=800)
    parser.add_argument("--show", action="store_true", help="print the tuning seed's leaks and lost words")
    parser.add_argument("--cost", action="store_true", help="time the recognizer on the seed's public lines instead")
    args = parser.parse_args(argv)
    if args.cost:
        cost(args.seed)
        return 0
    records, golds = probe(args.seed, args.size)
    recipe_report(records, golds, ("mid", "lead", "faker", "word_nick", "irc_none", "public_chat"),
                  args.show and args.seed == "tune", "mentions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
