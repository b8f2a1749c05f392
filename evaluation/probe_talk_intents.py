"""A phrasing matrix of transcripts (issue 15): for each situation in which a person states an
identifier in speech or chat (a login, a platform handle, a password or PIN, an API key or recovery
code, a phone number, where they live or travel, a value spelled out) many independent phrasings in
the voices of different writers, filled with Faker values from many locales and real #ubuntu nicks;
pasted speaker lines (`Name Surname: ...`, `[16:57] Name Surname`); and hard negatives (the same cue
words with no value, DailyDialog turns, SMS ham, #ubuntu lines).

`--seed tune` uses two thirds of each situation's phrasings; `--seed heldout` only the other third,
with other values and other IRC logs: measure it only at the end. Prints figures only, unless
`--show` (tuning seed only) lists the leaked values and lost words of the synthetic records.
"""
from __future__ import annotations

import argparse
import random
import re
import string
import unicodedata
from pathlib import Path

from faker import Faker

from evaluation.probe_talk import Builder, locale_faker, report, transcript_pair

DATA = Path("/work/shared/data")
SEEDS = {"tune": 1512, "heldout": 2623}
LOCALES = ("en_US", "en_GB", "en_IN", "en_AU", "de_DE", "de_CH", "fr_FR", "fr_CA", "es_ES", "es_MX", "it_IT",
           "pt_BR", "pt_PT", "nl_NL", "pl_PL", "cs_CZ", "sk_SK", "ro_RO", "hu_HU", "fi_FI", "sv_SE", "da_DK",
           "tr_TR", "uk_UA", "ru_RU", "el_GR", "ja_JP", "zh_CN", "ko_KR", "vi_VN", "id_ID", "th_TH", "hi_IN",
           "ar_AA", "he_IL", "fa_IR", "nl_BE", "en_NZ", "hr_HR", "lt_LT", "bg_BG", "et_EE")
_IRC_LINE = re.compile(r"^\[\d\d:\d\d\] <([^>\s]+)> (.*)$")

# Each situation: a label and phrasings, `{v}` the value; `{n}` a short number that is no gold.
SITUATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "login": ("USERNAME", (
        "my username is {v}",
        "Username: {v}",
        "hi, I can't log in, my login is {v} and it says account locked",
        "the account name is {v}, could you reset it please",
        "um so my user id is uh {v} i think",
        "I sign in as {v} on the portal",
        "rewrite this more formally: hey it's {v} here, i forgot my pw again",
        "User {v} cannot reach the VPN since this morning, escalating",
        "login = {v}",
        "you'll find me in the system under {v}",
        "Customer confirmed their user name as {v}.",
        "mi usuario es {v} pero no me deja entrar",
        "mein Benutzername ist {v}",
        "mon identifiant c'est {v}",
        "I registered with {v} back in 2019, not sure if it still works",
        "the login they gave me was {v} but it doesn't work",
        "log in with {v} and the temp password I sent you",
        "okay so it's {v}, all lowercase",
    )),
    "handle": ("USERNAME", (
        "add me on discord, I'm {v}",
        "my gamertag is {v}",
        "hit me up on telegram @{v}",
        "my github is {v} if you want to look at the repo",
        "skype: {v}",
        "DM me on slack, I'm @{v} there",
        "PSN id is {v}, send me a friend request",
        "my steam name is {v}",
        "insta is @{v} lol",
        "follow {v} on twitch, I stream on fridays",
        "my xbox tag is {v}",
        "add {v} on snap",
        "sono {v} su telegram",
        "mein Discord ist {v}",
        "ping me on matrix, {v}",
        "can you write a short bio for my twitter, handle is @{v}",
        "yo its {v} on discord",
        "you can reach me at {v} on Teams",
    )),
    "password": ("SECRET", (
        "my password is {v}",
        "pw: {v}",
        "the passcode is {v}",
        "I set it to {v} for now",
        "try {v} as the password",
        "wifi password is {v}",
        "rewrite this: the password {v} expires tomorrow, please change it",
        "contraseña: {v}",
        "das Passwort ist {v}",
        "mot de passe {v}",
        "the temporary password I gave you is {v}",
        "uh the password is {v} with a capital at the start",
        "passphrase: {v}",
        "new pass is {v} dont share it",
        "Agent: I have reset it, your new password is {v}",
        "I keep typing {v} and it says the password is wrong",
        "password for the shared mailbox: {v}",
        "it's {v}, the same as the old one",
    )),
    "pin": ("SECRET", (
        "my pin is {v}",
        "PIN: {v}",
        "the door code is {v}",
        "the verification code they texted me is {v}",
        "um my passcode is {v}",
        "the code for the safe is {v}",
        "OTP {v}, it expires in 5 minutes",
        "it's asking for a pin, I typed {v}",
        "el pin es {v}",
        "my voicemail pin is {v}",
        "security code {v}",
        "unlock code is {v}",
    )),
    "api_key": ("SECRET", (
        "here's my api key {v}",
        "use this token: {v}",
        "OPENAI_API_KEY={v} why is this failing",
        "backup code {v}",
        "the secret is {v}",
        "can you check why the key {v} is rejected",
        "export GITHUB_TOKEN={v}",
        "Authorization: Bearer {v}",
        "my 2FA recovery code is {v}",
        "the client secret they sent is {v}",
        "fix this curl: curl -H 'X-Api-Key: {v}' https://api.example.com/v1/items",
        "I pasted {v} into the config and it still says unauthorized",
        "recovery codes: {v}",
        "token {v}",
        "api_key: \"{v}\"",
        "hey can you rotate {v}, I leaked it in a screenshot",
    )),
    "phone": ("PHONE_NUMBER", (
        "call me at {v}",
        "my number is {v} ext. {n}",
        "you can reach me on {v}",
        "my cell is {v}",
        "the direct line is {v}, extension {n}",
        "ring me on {v} after 5",
        "Tel.: {v}",
        "phone {v} x{n}",
        "mi número es {v}",
        "meine Nummer ist {v}",
        "whatsapp me {v}",
        "text me at {v}",
        "update my phone to {v} please",
        "the callback number is {v}",
        "uh it's {v} that's my mobile",
        "Caller gave a contact number of {v}.",
        "mon numéro c'est le {v}",
        "best number to reach me is {v}",
    )),
    "city": ("LOCATION", (
        "I live in {v}",
        "I'm based in {v}",
        "we're moving to {v} next month",
        "I'm flying to {v} on Friday",
        "I'm from {v} originally",
        "vivo en {v}",
        "ich wohne in {v}",
        "j'habite à {v}",
        "currently travelling through {v}, so replies may be slow",
        "um I'm calling from {v}",
        "my hometown is {v}",
        "rewrite this: I'll be in {v} all of next week for the offsite",
        "I relocated to {v} last year",
        "can you plan a weekend trip, I'm staying in {v}",
        "the customer is located in {v}",
        "heading back to {v} tomorrow",
    )),
    "address": ("ADDRESS", (
        "my address is {v}",
        "ship it to {v}",
        "I'm at {v}",
        "home is {v}",
        "please send the documents to {v}",
        "uh the address is {v}",
        "I live on {v}",
        "meine Adresse ist {v}",
        "mi dirección es {v}",
        "deliver to {v}, ring the bell twice",
        "write a complaint letter to my landlord, I live at {v}",
        "the new office is at {v}",
        "Caller's address on file: {v}.",
        "we moved, it's {v} now",
        "pick me up from {v}",
        "my billing address is {v}",
    )),
    "spelled": ("USERNAME", (
        "it's {v}",
        "that's {v}",
        "my username, let me spell it: {v}",
        "spelled {v}",
        "so the login is {v}",
        "okay that's {v} all one word",
        "the handle is {v}",
        "my user id is {v}",
        "let me spell it for you {v}",
        "yes {v}",
        "it should be {v}",
        "I'll spell that: {v}",
    )),
}

# Pasted chat lines: {p} a speaker's name, {t} a time, {m} an ordinary message.
SPEAKER_LINES = (
    "{p}: {m}",
    "{p}  {t} PM\n{m}",
    "[{t}] {p}\n{m}",
    "[{t}] {p}: {m}",
    "{t} {p}: {m}",
    "{p} ({t}): {m}",
    "{p}, {t}\n{m}",
    "{p} — 07/12/2026 {t}\n{m}",
    "**{p}** {t}\n{m}",
    "{p} wrote:\n> {m}",
    "{t} - {p}: {m}",
    "{p} [{t}]: {m}",
)

# The same cue words with no value: what must stay.
CUE_NEGATIVES = (
    "my login isn't working since the update", "what's the password policy for contractors?",
    "I forgot my password again lol", "call me when you're free", "I live for these Friday deploys",
    "where are you based these days?", "the username field is greyed out on the form",
    "can you spell that for me?", "pin the message so people see it", "the key point is we ship on time",
    "the token expired, I'll regenerate it", "handle the edge case where the list is empty",
    "my number one priority this week is the migration", "I'm at lunch, back in 20",
    "the address bar shows the old domain", "I'm from the platform team", "it's on the second floor",
    "add me to the calendar invite", "my user story is blocked by the API change",
    "so the code is in the utils folder", "text me when you land", "the login page redirects twice",
    "reset the password for the test account in the sandbox", "the phone screen went well",
    "we're moving to the new office next month", "I'm flying back on Friday",
)


def fold(text: str) -> str:
    """`text` as plain lower-case ASCII letters."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and c.isalpha()).lower()


class Values:
    """Gold values of every situation from random Faker locales and real #ubuntu nicks."""

    def __init__(self, rng: random.Random, nicks: list[str]) -> None:
        self.rng = rng
        self.nicks = nicks
        self.fakers: dict[str, Faker] = {}

    def fake(self) -> Faker:
        """A Faker of a random locale, seeded from the probe's seed."""
        return locale_faker(self.rng, LOCALES, self.fakers)

    def name(self) -> str:
        """A first and last name."""
        fake = self.fake()
        return f"{fake.first_name()} {fake.last_name()}"

    def login(self) -> str:
        """A login as sites and companies make them, or a real IRC nick."""
        fake = self.fake()
        first, last = fold(fake.first_name()), fold(fake.last_name())
        if len(first) < 2 or len(last) < 2:
            return fake.user_name() if fake.user_name().isascii() else self.rng.choice(self.nicks)
        digits = str(self.rng.randrange(1, 9999))
        return self.rng.choice((fake.user_name(), f"{first}.{last}", f"{first}_{last}{digits[:2]}", f"{first[0]}{last}",
                                f"{last}{first[0]}{digits[:1]}", f"{first}{digits}", self.rng.choice(self.nicks),
                                self.rng.choice(self.nicks)))

    def handle(self) -> str:
        """A gamer tag or platform handle."""
        fake = Faker("en_US")
        fake.seed_instance(self.rng.randrange(1 << 30))
        word, other = fake.word(), fake.word()
        return self.rng.choice((self.login(), f"xX{word.capitalize()}Xx", f"{word.capitalize()}{other.capitalize()}{self.rng.randrange(10, 999)}",
                                f"{word}_{other}", f"the_{word}{self.rng.randrange(1, 99)}", f"{word}{other}#{self.rng.randrange(1000, 9999)}",
                                self.rng.choice(self.nicks), f"{fold(fake.first_name())}.{word}"))

    def password(self) -> str:
        """A password people pick or a generated one."""
        fake = Faker("en_US")
        fake.seed_instance(self.rng.randrange(1 << 30))
        word, digits = fake.word(), str(self.rng.randrange(10, 9999))
        return self.rng.choice((f"{word}{digits}", f"{word.capitalize()}{digits}!", f"{word.capitalize()}@{digits}",
                                fake.password(length=self.rng.randrange(8, 16)), f"{word}-{fake.word()}-{fake.word()}",
                                f"{fold(self.fake().first_name())}{digits}", fake.password(length=12, special_chars=False)))

    def pin(self) -> str:
        """A PIN or one-time code."""
        return "".join(self.rng.choice(string.digits) for _ in range(self.rng.choice((4, 4, 5, 6, 6, 8))))

    def api_key(self) -> str:
        """An API key, token or recovery code in a provider's shape."""
        def run(n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
            return "".join(self.rng.choice(alphabet) for _ in range(n))
        lower = string.ascii_lowercase + string.digits
        return self.rng.choice((f"sk-proj-{run(32)}", f"ghp_{run(36)}", f"AKIA{run(16, string.ascii_uppercase + string.digits)}",
                                f"xoxb-{run(11, string.digits)}-{run(12, string.digits)}-{run(24)}", run(32, "0123456789abcdef"),
                                f"{run(4, lower)}-{run(4, lower)}", f"{run(5, lower)}-{run(5, lower)}",
                                f"{run(4, string.digits)} {run(4, string.digits)}", run(40), f"AIza{run(35)}",
                                f"glpat-{run(20)}", f"{run(8, lower)}-{run(4, lower)}-{run(4, lower)}-{run(4, lower)}-{run(12, lower)}"))

    def phone(self) -> str:
        """A phone number in a country's own format, or international."""
        fake = self.fake()
        return self.rng.choice((fake.phone_number(), fake.phone_number(), f"+{fake.msisdn()[:12]}", fake.msisdn()))

    def city(self) -> str:
        """A city or town."""
        return self.fake().city()

    def address(self) -> str:
        """A street address, sometimes with the city."""
        fake = self.fake()
        street = fake.street_address().replace("\n", ", ")
        return street if self.rng.random() < 0.6 else f"{street}, {fake.city()}"

    def spelled(self) -> tuple[str, str]:
        """A login read out: letter by letter, with dashes, or with "dot" and "underscore"."""
        login = self.login().lower()
        words = {".": " dot ", "_": " underscore ", "-": " dash ", "#": " hash "}
        shape = self.rng.randrange(4)
        if shape == 0:
            return " ".join(words.get(c, c).strip() for c in login), login
        if shape == 1:
            return "-".join(c for c in login if c.isalnum()), login
        if shape == 2:
            return "".join(words.get(c, c) for c in login), login
        return " ".join(c.upper() if c.isalpha() else words.get(c, c).strip() for c in login), login


class Voice:
    """The voice of a record's writer: voice-to-text, chat shorthand, or as written."""

    FILLERS = ("um ", "uh ", "so ", "yeah ", "okay so ", "like ")

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self) -> str:
        """One writer's voice for a whole record."""
        return self.rng.choice(("written", "written", "speech", "shorthand"))

    def apply(self, voice: str, piece: str) -> str:
        """Template text in `voice`: speech loses case and punctuation, shorthand loses case."""
        if voice == "speech":
            piece = re.sub(r"[,.;!?:\"']", "", piece.lower())
        elif voice == "shorthand":
            piece = piece.lower().replace("you", "u").replace("please", "pls")
        return piece


def ordinary_turns(rng: random.Random) -> list[str]:
    """Real PII-free chat turns: DailyDialog and SMS ham."""
    dialogs = (DATA / "chat_dailydialog" / "test_dialogues.txt").read_text(encoding="utf-8").splitlines()
    turns = [t.strip() for d in dialogs for t in d.split("__eou__") if 3 < len(t.strip()) < 160]
    sms = [line.split("\t", 1)[1] for line in
           (DATA / "chat_sms_spam_collection" / "SMSSpamCollection").read_text(encoding="utf-8", errors="replace").splitlines()
           if line.startswith("ham\t") and len(line) < 170]
    return turns + sms


def irc(part: int) -> tuple[list[str], list[str]]:
    """Nicks and nick-free message lines of half of the #ubuntu logs."""
    nicks, lines = set(), []
    for path in sorted((DATA / "benign_ubuntu_irc").glob("*.raw.txt"))[part::2]:
        matched = [m for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if (m := _IRC_LINE.match(line))]
        names = {m.group(1).lstrip("@+") for m in matched}
        nicks |= {n for n in names if len(n) >= 4 and re.fullmatch(r"[\w\-|^`\[\]{}]+", n)}
        lines += [m.group(2) for m in matched if not any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", m.group(2)) for n in names)]
    return sorted(nicks), [line for line in lines if len(line) > 15]


def statement(situation: str, phrasing: str, values: Values, voice: str, rng: random.Random) -> Builder:
    """One phrasing of a situation with its value in place."""
    label, _ = SITUATIONS[situation]
    b = Builder()
    pieces = re.split(r"(\{\w\})", phrasing)
    for i, piece in enumerate(pieces):
        if piece == "{v}":
            if situation == "spelled":
                said, _ = values.spelled()
                b.add(said, label)
            else:
                b.add(getattr(values, situation)(), label)
        elif piece == "{n}":
            b.add(str(rng.randrange(10, 9999)))
        else:
            text = Voice(rng).apply(voice, piece)
            if i == 0 and voice == "speech" and rng.random() < 0.5:
                text = rng.choice(Voice.FILLERS) + text
            b.add(text)
    return b


def probe(seed_name: str, size: int) -> tuple[list[dict], list[dict]]:
    """Raw transcript records and their gold: every situation's phrasings of the seed's share."""
    rng = random.Random(SEEDS[seed_name])
    part = 0 if seed_name == "tune" else 1
    nicks, irc_lines = irc(part)
    values = Values(rng, nicks)
    turns = ordinary_turns(rng)
    held = seed_name == "heldout"
    groups: list[tuple[str, list[Builder], bool]] = []
    per = max(1, size // (len(SITUATIONS) + 3))
    for situation, (_, phrasings) in SITUATIONS.items():
        mine = [p for i, p in enumerate(phrasings) if (i % 3 == 2) == held]
        for k in range(per):
            segments = [statement(situation, mine[k % len(mine)], values, Voice(rng).pick(), rng)]
            if rng.random() < 0.4:
                segments.insert(rng.randrange(2), Builder().add(rng.choice(turns)))
            groups.append((situation, segments, False))
    forms = [f for i, f in enumerate(SPEAKER_LINES) if (i % 3 == 2) == held]
    for _ in range(per):
        groups.append(("speaker_lines", [speaker_paste(values, turns, rng, forms)], False))
    cues = [c for i, c in enumerate(CUE_NEGATIVES) if (i % 3 == 2) == held]
    for _ in range(per):
        groups.append(("cue_negative", [Builder().add(rng.choice(cues)), Builder().add(rng.choice(turns))], True))
    for _ in range(per):
        groups.append(("plain_chat", [Builder().add(rng.choice(irc_lines if rng.random() < 0.5 else turns)) for _ in range(2)], True))
    records, golds = [], []
    for i, (recipe, segments, hard) in enumerate(groups):
        record_id = f"intent-{seed_name}-{i:04d}"
        record, gold = transcript_pair(record_id, "chat", recipe, segments, hard)
        records.append(record)
        golds.append(gold)
    return records, golds


def speaker_paste(values: Values, turns: list[str], rng: random.Random, forms: list[str]) -> Builder:
    """A speaker paste in one of `forms` (the seed's share of SPEAKER_LINES)."""
    form = rng.choice(forms)
    people = [values.name() for _ in range(rng.randint(1, 3))]
    b = Builder()
    for _ in range(rng.randint(2, 5)):
        time = f"{rng.randrange(7, 19)}:{rng.randrange(60):02d}"
        for piece in re.split(r"(\{\w\})", form):
            if piece == "{p}":
                b.add(rng.choice(people), "PERSON")
            elif piece == "{t}":
                b.add(time)
            elif piece == "{m}":
                b.add(rng.choice(turns))
            else:
                b.add(piece)
        b.add("\n")
    return b


def main(argv: list[str] | None = None) -> int:
    """Score the probe's seed and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", choices=sorted(SEEDS), default="tune")
    parser.add_argument("--size", type=int, default=480)
    parser.add_argument("--show", action="store_true", help="print the tuning seed's leaks and lost words")
    args = parser.parse_args(argv)
    records, golds = probe(args.seed, args.size)
    report(records, golds, args.show and args.seed == "tune")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
