"""A probe of one class of transcript miss (issue 15): a login, handle, password, PIN, one-time code or
invite code standing as one bare token inside a running sentence, words on both sides (`can you add
jsmith42 to the channel`, `I reset it to tulip88 for now`), in the voices of support agents, engineers,
non-native writers, voice-to-text, chat shorthand and AI prompts, in several languages; and the same
frames holding ordinary work words (`use py311 when it asks`, `add the tests to the channel`), code
identifiers, version strings, ticket keys and file names, plus #ubuntu and DailyDialog lines, that must stay.

Values come from Faker in many locales (user names, initial + surname, first name + digits, short
logins, passwords with and without symbols, bothify codes) and real #ubuntu nicks. `--seed tune` uses
two thirds of each frame list; `--seed heldout` only the other third, other values and other IRC logs:
measure it only at the end. Prints figures only, unless `--show` (tuning seed only).
"""
from __future__ import annotations

import argparse
import random
import re
import string

from faker import Faker

from evaluation.probe_talk import Builder, locale_faker, report, transcript_pair
from evaluation.probe_talk_intents import LOCALES, Voice, fold, irc, ordinary_turns

SEEDS = {"tune": 1513, "heldout": 2624}

# Frames of a login or handle with words on both sides; `{v}` the value.
LOGIN_FRAMES = (
    "can you add {v} to the channel",
    "log in as {v} then run the script again",
    "pls give {v} access to the repo",
    "I think {v} already has admin on that box",
    "DM {v} about the invoice when you can",
    "ping {v} when the build is done",
    "assign it to {v} and close yours",
    "the account {v} got locked again this morning",
    "remove {v} from the billing group please",
    "user {v} cannot see the dashboard since friday",
    "I'm logged in as {v} on the staging box right now",
    "invite {v} to the workspace too",
    "could you unlock {v} for me before the demo",
    "we need to offboard {v} by the end of the month",
    "tag {v} on the PR so they see it",
    "switch to {v} before you deploy",
    "message {v} on teams and ask about it",
    "give {v} read access on the bucket",
    "the ticket says {v} cannot reset mfa",
    "rewrite this: please add {v} to the oncall rotation starting monday",
    "write a polite email asking IT to unlock {v} before the audit",
    "please to add {v} in group, he is new colleague",
    "kindly reset the account of {v} it is blocked since yesterday",
    "he connect with {v} but nothing happen",
    "yeah so add {v} to the admins list and then we're good",
    "can u add {v} to #infra thx",
    "lmk if {v} still cant get in",
    "is {v} still in the group or did we remove them",
    "kannst du {v} zum Kanal hinzufügen",
    "ajoute {v} au canal stp",
    "agrega a {v} al grupo por favor",
    "adiciona o {v} no grupo pfv",
    "aggiungi {v} al canale per favore",
    "kun je {v} toevoegen aan de groep",
    "dodaj {v} do kanału proszę",
    "sign in with {v} and the temp pw I sent",
    "the contractor uses {v} for the vpn",
    "transfer the repo to {v} please",
    "revoke {v} from prod asap, they left",
    "my username on there is {v} if you need it",
    "cc {v} on that thread too",
    "the new hire is {v} on slack, say hi",
    "I'll share the doc with {v} after lunch",
    "why can't {v} push to main anymore",
    "set the owner to {v} in the form and submit",
    "help me write a message to {v} about the late invoice",
)

# Frames of a password, PIN, one-time code, invite code or short token with words on both sides.
SECRET_FRAMES = (
    "I reset it to {v} for now",
    "use {v} when it asks for the password",
    "the password is {v} but change it after",
    "type {v} at the prompt and hit enter",
    "try {v} it should work now",
    "changed the wifi to {v} yesterday",
    "the pin is {v} dont tell anyone",
    "enter {v} as the code and wait",
    "the code they sent is {v} can you put it in",
    "my passcode is {v} i think",
    "set the admin pw to {v} on the new router",
    "it's {v} all lowercase no spaces",
    "the invite code is {v} use it before friday",
    "use invite code {v} to join the server",
    "otp is {v} quick before it expires",
    "rewrite this: the temporary password {v} will expire in 24 hours",
    "you have to type {v} twice and then confirm",
    "das Passwort ist {v} aber ändere es bald",
    "le mot de passe c'est {v} pour le moment",
    "la contraseña es {v} cámbiala luego",
    "a senha é {v} por enquanto",
    "het wachtwoord is {v} voorlopig",
    "hasło to {v} na razie",
    "the door code is {v} btw",
    "the guest network key is {v} if anyone asks",
    "i put {v} as the password and it says too weak",
    "for the vault its {v} then press unlock",
    "token {v} was exposed in the log, rotate it",
    "the pairing code {v} shows on the tv",
    "she said the pw was {v} lol",
    "I changed my password to {v} yesterday and now outlook keeps asking",
    "login with admin and {v} then go to settings",
    "please the password {v} is not accepted, what I do wrong",
    "got a text with {v} but the page already timed out",
    "we share the account, pass is {v} so dont lock it",
    "tell the agent the verification code is {v} and nothing else",
)

# The same frames holding what is no PII: ordinary words, products, versions, tickets, files, code.
NEGATIVE_VALUES = (
    "the tests", "the backend team", "admin", "root", "default", "main", "true", "everyone", "the oncall",
    "v2", "py311", "k8s", "s3", "ec2", "node18", "utf8", "x86_64", "arm64", "oauth2", "http2", "ipv6",
    "gpt4", "o365", "win11", "vs2022", "ubuntu22", "4k", "h264", "mp4", "sha256", "md5", "base64",
    "JIRA-1234", "OPS-88", "PR 412", "#4312", "report_final.xlsx", "config_v3.yaml", "setup.py",
    "get_user2", "parse_args", "useEffect", "fetchData", "qa", "staging", "prod", "terraform", "jenkins",
    "the wiki", "Outlook", "Teams", "Zoom", "Jira", "the VPN", "the shared drive", "Q3", "2fa", "sso",
    "wpa2", "aes256", "rsa4096", "tls13", "p95", "m1", "a100", "g4dn", "t3.micro", "log4j", "covid19",
)


class Values:
    """Logins and secrets from random Faker locales and real #ubuntu nicks."""

    def __init__(self, rng: random.Random, nicks: list[str]) -> None:
        self.rng = rng
        self.nicks = nicks
        self.fakers: dict[str, Faker] = {}
        self.en = Faker("en_US")
        self.en.seed_instance(rng.randrange(1 << 30))

    def names(self) -> tuple[str, str]:
        """A first and last name of a random locale folded to ASCII, or English ones."""
        fake = locale_faker(self.rng, LOCALES, self.fakers)
        first, last = fold(fake.first_name()), fold(fake.last_name())
        if len(first) < 2 or len(last) < 2:
            first, last = self.en.first_name().lower(), self.en.last_name().lower()
        return first, last

    def login(self) -> str:
        """A login as sites, companies and people make them."""
        first, last = self.names()
        n = str(self.rng.randrange(1, 999))
        shape = self.rng.randrange(10)
        if shape == 0:
            fake = locale_faker(self.rng, LOCALES, self.fakers)
            name = fake.user_name()
            return name if name.isascii() else self.en.user_name()
        return (None, f"{first[0]}{last}", f"{first}{n}", f"{first[0]}{last[:6]}{n[:2]}", (first[:2] + last[:2])[:self.rng.choice((3, 4))],
                f"{first}.{last}", f"{first}_{last[0]}", self.rng.choice(self.nicks), self.rng.choice(self.nicks),
                f"{last}{first[0]}")[shape]

    def secret(self) -> str:
        """A password people pick, a generated one, a PIN, a one-time or invite code."""
        word, n = self.en.word(), str(self.rng.randrange(10, 9999))
        shape = self.rng.randrange(10)
        return (f"{word}{n}", f"{word.capitalize()}{n}!", self.en.password(length=self.rng.randrange(8, 14)),
                self.en.password(length=self.rng.randrange(8, 14), special_chars=False),
                "".join(self.rng.choice(string.digits) for _ in range(self.rng.choice((4, 6, 6, 8)))),
                self.en.bothify("??##??").upper(), self.en.bothify("????####"), self.en.bothify("#?#?#?"),
                f"{self.names()[0]}{n}", self.en.bothify("???-###").lower())[shape]


def frame(text: str, value: str, label: str | None, voice: str, rng: random.Random) -> Builder:
    """`text` with `{v}` filled, the rest in `voice`, the value a gold span of `label` if given."""
    b = Builder()
    for i, piece in enumerate(re.split(r"(\{v\})", text)):
        if piece == "{v}":
            b.add(value, label)
            continue
        piece = Voice(rng).apply(voice, piece)
        if i == 0 and voice == "speech" and rng.random() < 0.5:
            piece = rng.choice(Voice.FILLERS) + piece
        b.add(piece)
    return b


def probe(seed_name: str, size: int) -> tuple[list[dict], list[dict]]:
    """Raw transcript records and their gold: the seed's share of frames with values, and negatives."""
    rng = random.Random(SEEDS[seed_name])
    held = seed_name == "heldout"
    nicks, irc_lines = irc(1 if held else 0)
    values = Values(rng, nicks)
    turns = ordinary_turns(rng)
    mine = {name: [f for i, f in enumerate(frames) if (i % 3 == 2) == held]
            for name, frames in (("login", LOGIN_FRAMES), ("secret", SECRET_FRAMES))}
    every = [f for frames in mine.values() for f in frames]
    groups: list[tuple[str, list[Builder], bool]] = []
    per = size // 5
    for name, label in (("login", "USERNAME"), ("secret", "SECRET")):
        for _ in range(per * 3 // 2):
            value = values.login() if name == "login" else values.secret()
            segments = [frame(rng.choice(mine[name]), value, label, Voice(rng).pick(), rng)]
            if rng.random() < 0.3:
                segments.insert(rng.randrange(2), Builder().add(rng.choice(turns)))
            groups.append((name, segments, False))
    for _ in range(per):
        value = rng.choice(NEGATIVE_VALUES)
        groups.append(("frame_negative", [frame(rng.choice(every), value, None, Voice(rng).pick(), rng)], True))
    for _ in range(size - len(groups)):
        groups.append(("plain_chat", [Builder().add(rng.choice(irc_lines if rng.random() < 0.5 else turns)) for _ in range(2)], True))
    records, golds = [], []
    for i, (recipe, segments, hard) in enumerate(groups):
        record_id = f"inline-{seed_name}-{i:04d}"
        record, gold = transcript_pair(record_id, rng.choice(("chat", "voice", "ai_prompt")), recipe, segments, hard)
        records.append(record)
        golds.append(gold)
    return records, golds


def public_hits(seed_name: str, show: bool) -> None:
    """Words the inline recognizer alone takes per 1,000 words of public chat (DailyDialog, SMS ham, the seed's
    half of the #ubuntu logs), IRC nicks apart: what it adds to over-redaction, as an upper bound."""
    from models.engine import build_analyzer, settings_for_policy
    from models.policy import DEFAULT_POLICY, load_policy

    analyzer = build_analyzer(settings_for_policy(load_policy(DEFAULT_POLICY)))
    recognizer = next(r for r in analyzer.registry.recognizers if r.name == "InlineValueRecognizer")
    nicks, irc_lines = irc(1 if seed_name == "heldout" else 0)
    nick_set = set(nicks)
    for name, lines in (("dailydialog+sms", ordinary_turns(random.Random(0))), ("irc", irc_lines)):
        words = hits = nick_hits = 0
        for line in lines:
            words += len(line.split())
            for r in recognizer.analyze(line, ["USERNAME", "SECRET"]):
                value = line[r.start:r.end]
                if value.lstrip("@") in nick_set:
                    nick_hits += 1
                    continue
                hits += 1
                if show:
                    print(f"HIT {name} {r.entity_type}: {value!r} in {line[:140]!r}")
        print(f"{name:16s} lines={len(lines)} words={words} taken={hits} ({1000 * hits / max(words, 1):.2f} per 1,000)"
              f" nicks={nick_hits}")


def main(argv: list[str] | None = None) -> int:
    """Score the probe's seed and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", choices=sorted(SEEDS), default="tune")
    parser.add_argument("--size", type=int, default=400)
    parser.add_argument("--show", action="store_true", help="print the tuning seed's leaks and lost words")
    parser.add_argument("--public", action="store_true", help="words the recognizer takes in public chat instead")
    args = parser.parse_args(argv)
    if args.public:
        public_hits(args.seed, args.show and args.seed == "tune")
        return 0
    records, golds = probe(args.seed, args.size)
    report(records, golds, args.show and args.seed == "tune")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
