"""A probe of logins said between two words (issue 15): a user as the object or subject of a work verb or
role noun (`ping jdoe about`, `reviewer rmoss approved`, `assign tzh this`) in chat, voice and AI-prompt
turns, with hard negatives of the same verbs whose object is a host, service, tool, model, ticket key,
branch, package or ordinary word (`ping the gateway`, `ssh prod3`, `ask claude`), public lines that name
nobody (#ubuntu lines without a nick, DailyDialog), and a small section of digits-only address parts said
apart from the street (`it's number 42 on ...`, `zip is 94107`).

`--seed tune` and `--seed heldout` use frames written apart (other situations, verbs and nouns, other
objects, the other half of the #ubuntu logs): measure the held-out seed only at the end. Prints figures
only, unless `--show` (tuning seed only).
"""
from __future__ import annotations

import argparse
import random
import re

from evaluation.probe_talk import Builder, locale_faker, padded_pairs, recipe_report
from evaluation.probe_talk_intents import fold, irc, ordinary_turns

SEEDS = {"tune": 1551, "heldout": 2661}
LOCALES = ("en_US", "en_GB", "en_IN", "en_AU", "de_DE", "fr_FR", "es_ES", "es_MX", "it_IT", "pt_BR", "nl_NL",
           "pl_PL", "cs_CZ", "ro_RO", "hu_HU", "fi_FI", "sv_SE", "da_DK", "tr_TR", "vi_VN", "id_ID", "hr_HR",
           "sk_SK", "fr_CA", "de_AT", "no_NO", "et_EE", "lt_LT")

# `{v}` a login (gold); `{o}` a thing of the frame's kind (no gold). Tuning frames: ticket assignment,
# review requests, on-call handoffs; held-out frames: access requests, pairing, escalation, HR-ish admin.
USER_FRAMES = {
    "tune": (
        "ping {v} about the flaky test",
        "can you ask {v} to rerun the pipeline",
        "I DM'd {v} the logs an hour ago",
        "reviewer {v} approved it this morning",
        "owner {v} said it can wait",
        "assign {v} this one, they know the parser",
        "user {v} can't open the dashboard",
        "teammate {v} has the context on that",
        "hand it over to on-call, {v} is primary tonight",
        "{v} approved the PR so merge away",
        "tag {v} as reviewer pls",
        "loop {v} in, it touches billing",
        "summarize this thread for {v} who was out",
        "uh so ping {v} and uh ask about the cert",
        "reassigning to {v} since I'm out friday",
        "escalated, {v} owns the incident now",
        "write a polite reminder to {v} that the review is overdue",
        "{v} merged it yesterday",
        "author {v} wants a second look",
        "swap shifts with {v} next week?",
        "mention {v} in the release notes",
        "assignee {v} hasn't picked it up",
        "nudge {v} re the budget sheet",
        "pinging {v} again, no answer",
    ),
    "heldout": (
        "grant {v} read access to the bucket",
        "please add {v} into the admins group",
        "requester {v} needs VPN by monday",
        "pair with {v} tomorrow on the migration",
        "invite {v} over to the standup",
        "manager {v} signed off",
        "contractor {v} left last month, revoke everything",
        "so um {v} will shadow me during the handover",
        "remove {v} off the rota",
        "intern {v} starts next week, set up a laptop",
        "draft an email telling {v} their access expires",
        "{v} signed it off already",
        "new hire {v} needs onboarding buddy",
        "buddy up {v} with someone from infra",
        "approver {v} rejected the change",
        "escalate via {v} since the lead is away",
        "{v} pushed a fix, can you verify",
        "lead {v} will decide",
        "ok so {v} is covering for me",
        "offboard {v} today please",
    ),
}
THING_FRAMES = {
    "tune": (
        "ping {o} about the flaky test",
        "can you ask {o} to rerun the pipeline",
        "assign {o} to this one",
        "reviewer said {o} approved it",
        "ssh {o} and check the disk",
        "review {o} before lunch",
        "ping the {o} from the bastion",
        "tag {o} as blocked pls",
        "restart {o} after the deploy",
        "summarize this thread for the {o} channel",
        "loop {o} in the retry",
        "mention {o} in the release notes",
    ),
    "heldout": (
        "grant {o} read access to the bucket",
        "please add {o} into the config",
        "pair {o} with the new schema",
        "invite {o} over to the channel",
        "remove {o} off the list",
        "draft an email about {o} going down",
        "upgrade {o} tonight",
        "escalate via {o} since the pager is down",
        "deploy {o} to staging",
        "roll back {o} first",
    ),
}
THINGS = {
    "tune": ("gateway1", "prod3", "QA-412", "pr 42", "claude", "redis", "nginx", "main", "feature/login", "numpy",
             "the gateway", "it", "QA", "the team", "kafka", "db2", "the build", "grafana", "lint", "copilot"),
    "heldout": ("web04", "JIRA-88", "gpt-4o", "postgres", "the cluster", "release/2.3", "pandas", "them", "infra",
                "the vm", "staging", "the runner", "terraform", "eu-west", "cache01", "the api"),
}
# Digits-only address parts after a spoken cue; `{d}` the value (gold) and `{n}` a number that is no gold.
ADDRESS_FRAMES = {
    "tune": ("it's number {d} on the high street", "zip is {d}", "the postcode, uh, {d}", "house number {d}",
             "we moved, the new zip code is {d}", "PLZ {d}, Berlin", "I live at number {d}, by the park",
             "code postal {d}"),
    "heldout": ("postal code {d} I think", "my pin code is {d} in Pune", "flat {d} on the second floor",
                "the zip there is {d}", "we're at {d}, the blue door", "CAP {d}"),
}
NUMBER_FRAMES = {
    "tune": ("ticket number {n} on the board", "port is {n}", "the build number, uh, {n}", "give me {n} minutes",
             "it's number {n} on the list"),
    "heldout": ("error code {n} again", "version {n} is out", "room {n} at three", "order of {n} units"),
}


class Logins:
    """Logins of many shapes: Faker site names, short 2-4 letter logins, initials and digits, first initial and
    surname, leet."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.fakers: dict = {}

    def __call__(self) -> str:
        """One login, mostly lower case."""
        fake = locale_faker(self.rng, LOCALES, self.fakers)
        first, last = fold(fake.first_name()) or "mara", fold(fake.last_name()) or "olsen"
        shape = self.rng.randrange(5)
        if shape == 0:
            name = fake.user_name()
            return name if name.isascii() else f"{first}{last[:3]}"
        if shape == 1:
            return first[:self.rng.choice((1, 2))] + last[:self.rng.choice((1, 2))]
        if shape == 2:
            return f"{first[0]}{last[0]}{self.rng.randrange(1, 99)}"
        if shape == 3:
            return f"{first[0]}{last}"
        return (first + str(self.rng.randrange(10))).translate(str.maketrans("aeio", "4310"))


def filled(frame: str, slots: dict[str, tuple[str, str | None]]) -> Builder:
    """`frame` with each `{x}` slot written as its value and gold label."""
    b = Builder()
    for piece in re.split(r"(\{\w\})", frame):
        if piece[1:-1] in slots and piece.startswith("{"):
            value, label = slots[piece[1:-1]]
            b.add(value, label)
        else:
            b.add(piece)
    return b


def probe(seed_name: str, size: int) -> tuple[list[dict], list[dict]]:
    """Raw transcript records and their gold for one seed."""
    rng = random.Random(SEEDS[seed_name])
    login = Logins(rng)
    groups: list[tuple[str, list[Builder], bool]] = []
    for _ in range(size * 4 // 10):
        groups.append(("between", [filled(rng.choice(USER_FRAMES[seed_name]), {"v": (login(), "USERNAME")})], False))
    for _ in range(size * 15 // 100):
        thing = rng.choice(THINGS[seed_name])
        groups.append(("things", [filled(rng.choice(THING_FRAMES[seed_name]), {"o": (thing, None)})], True))
    for _ in range(size // 10):
        digits = rng.choice((str(rng.randrange(1, 300)), f"{rng.randrange(10000, 99999)}",
                             f"{rng.randrange(1000, 9999)}", f"{rng.randrange(100000, 999999)}"))
        groups.append(("address", [filled(rng.choice(ADDRESS_FRAMES[seed_name]), {"d": (digits, "ADDRESS")})], False))
    for _ in range(size // 20):
        number = str(rng.choice((rng.randrange(1, 99), rng.randrange(1000, 99999))))
        groups.append(("numbers", [filled(rng.choice(NUMBER_FRAMES[seed_name]), {"n": (number, None)})], True))
    _, quiet = irc(int(seed_name == "heldout"))
    turns = ordinary_turns(rng)
    return padded_pairs(groups, size, quiet, turns, rng, f"between-{seed_name}")



def main(argv: list[str] | None = None) -> int:
    """Build the seed's records, sanitize them as the pipeline does and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", choices=sorted(SEEDS), default="tune")
    parser.add_argument("--size", type=int, default=600)
    parser.add_argument("--show", action="store_true", help="print the tuning seed's leaks and lost words")
    args = parser.parse_args(argv)
    records, golds = probe(args.seed, args.size)
    recipe_report(records, golds, ("between", "things", "address", "numbers", "irc_none", "public_chat"),
                  args.show and args.seed == "tune")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
