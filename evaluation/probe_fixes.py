"""Probe of the text detectors' known wrong calls (issue 15), each a class of input in many forms:
speaker labels after list markers or in capitals, lower-case places after place cues, logins stated
without `is` (several languages), house numbers and postcodes beside an address; and the lookalikes
they must leave alone: date stamps shaped like a personnummer, ordinary 11- and 13-digit numbers that
happen to pass a check digit, product codes shaped like a UK NI number, meeting-notes headings and
spreadsheet formulas.

    python -m evaluation.probe_fixes --seed tune|held [--n 30] [--show]

`--n` records per class and polarity (positive / hard negative), transcripts and keystrokes. The held
seed draws other Faker locales and also a third of the phrasings the tuning seed never uses; tune on
`tune`, measure `held` only at the end. Prints figures only; `--show` (tuning seed only) lists the
synthetic leaks and lost words.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Callable

from faker import Faker

from evaluation.probe_talk import Builder, People, sanitized

DATA = Path("/work/shared/data")
SEEDS = {"tune": 31301, "held": 42407}
PLACE_LOCALES = {"tune": ("de_DE", "es_ES", "pt_PT", "pl_PL", "sv_SE", "fi_FI", "hr_HR", "de_CH", "es_CO", "cs_CZ"),
                 "held": ("nl_NL", "da_DK", "de_AT", "sl_SI", "es_AR", "sk_SK")}
ADDRESS_LOCALES = {"tune": ("en_US", "de_DE", "es_ES", "pt_PT", "pl_PL", "sv_SE", "fi_FI", "en_GB", "fr_FR", "hr_HR"),
                   "held": ("nl_NL", "da_DK", "de_AT", "de_CH", "it_IT", "cs_CZ", "sl_SI", "en_AU", "en_CA")}


class Draw:
    """The seed's random source, Faker per locale, and phrasings: a third of every list is held out."""

    def __init__(self, seed: str) -> None:
        self.seed = seed
        self.rng = random.Random(SEEDS[seed])
        self.people = People(self.rng)
        self.fakers: dict[str, Faker] = {}
        self.irc: list[str] = []

    def pick(self, options: tuple | list):
        """One of `options`; the tuning seed never sees every third one."""
        pool = [o for i, o in enumerate(options) if self.seed == "held" or i % 3 != 2]
        return self.rng.choice(pool)

    def faker(self, locales: dict[str, tuple[str, ...]]) -> Faker:
        """A seeded Faker of one of the seed's locales."""
        locale = self.rng.choice(locales[self.seed])
        if locale not in self.fakers:
            self.fakers[locale] = Faker(locale)
            self.fakers[locale].seed_instance(self.rng.randrange(1 << 30))
        return self.fakers[locale]


Case = tuple[str, list[Builder], bool]  # kind ("transcript" | "keystrokes"), segments, hard negative


def _fill(draw: Draw, template: str, slots: dict[str, tuple[str | None, str]]) -> Builder:
    """`template` with `{slot}` pieces written as gold values (label None: ordinary text)."""
    b = Builder()
    for piece in re.split(r"(\{\w+\})", template):
        if piece.startswith("{") and piece[1:-1] in slots:
            label, value = slots[piece[1:-1]]
            b.add(value, label)
        else:
            b.add(piece)
    return b


# ---- speaker labels after list markers, and in capitals
MARKERS = ("- ", "• ", "* ", "1. ", "· ", "– ", "> ", "2) ", "◦ ", "▪ ", "o ", "→ ")
SEPARATORS = (": ", " - ", ": ", " — ", ":  ", " – ")
UTTERANCES = ("I think we should ship it Friday", "can we revisit the budget numbers", "agreed, I'll take the follow-up",
              "the migration is done on staging", "not sure, let me check with legal", "sounds good to me",
              "we still need sign-off from finance", "I'll send the deck after this", "blocked on the vendor again",
              "let's move that to next week", "yes, the numbers match now", "the customer asked for a discount")


def speaker_labels(draw: Draw) -> Case:
    """Meeting notes or a transcript pasted with a speaker per line after a bullet, or in capitals."""
    style = draw.rng.randrange(4)
    segment = Builder()
    if draw.rng.random() < 0.4:
        segment.add(draw.pick(("Meeting notes\n", "Transcript (auto-generated)\n", "Notes from the call:\n",
                               "Summary of today's sync\n", "Attendees' comments\n", "raw notes\n")))
    marker = draw.pick(MARKERS)
    sep = draw.pick(SEPARATORS)
    for _ in range(draw.rng.randint(2, 4)):
        first, last = draw.people.person()
        name = draw.pick((f"{first} {last}", f"{first} {last}", first, f"{first} {last[0]}."))
        if style >= 2 or draw.rng.random() < 0.3:
            name = name.upper()
        lead = marker if style != 3 else ""
        segment.add(lead).add(name, "PERSON").add(sep + draw.rng.choice(UTTERANCES) + "\n")
    return "transcript", [segment], False


HEADINGS = ("Action Items", "Next Steps", "Open Questions", "Key Decisions", "Discussion Items", "Follow Ups",
            "Parking Lot", "Key Takeaways", "Meeting Notes", "Release Notes", "Known Issues", "Status Update",
            "Sprint Goals", "Lessons Learned", "What Went Well", "Team Updates", "Risks Identified", "Budget Review",
            "Customer Feedback", "Success Metrics", "Blocked Items", "Done Today", "Decisions Made", "Agenda Items",
            "Project Status", "Weekly Sync", "Open Risks", "Product Updates", "Launch Plan", "Discussion Topics")
BULLET_ITEMS = ("update the runbook", "ship the hotfix by Friday", "review the pricing page copy", "none this week",
                "confirm the vendor contract", "move the retro to Thursday", "owner TBD", "close the stale tickets",
                "check the dashboard numbers", "draft the Q3 plan", "migrate the staging database", "nothing blocking")


def headings(draw: Draw) -> Case:
    """Meeting-notes layouts of Confluence, Notion and Google Docs: headings with a colon, bullets under them."""
    segment = Builder()
    for _ in range(draw.rng.randint(2, 4)):
        head = draw.pick(HEADINGS)
        shape = draw.rng.randrange(4)
        if shape == 1:
            head = head.upper()
        elif shape == 2:
            head = head.capitalize()
        lead = draw.pick(("", "", "- ", "• ", "## ", "* ", "1. "))
        if draw.rng.random() < 0.5:
            segment.add(f"{lead}{head}:\n")
            for _ in range(draw.rng.randint(1, 3)):
                segment.add(f"{draw.pick(MARKERS)}{draw.rng.choice(BULLET_ITEMS)}\n")
        else:
            segment.add(f"{lead}{head}: {draw.rng.choice(BULLET_ITEMS)}\n")
    return "transcript", [segment], True


# ---- places after a place cue, written in lower case
PLACE_CUES = ("i live in {c}", "moved to {c} last year", "i'm from {c} originally", "based in {c} these days",
              "grew up in {c}", "flying to {c} tomorrow", "we relocated to {c} in march", "my parents are in {c}",
              "i'm in {c} till friday", "visiting family in {c} next week", "born in {c}", "heading back to {c} tonight",
              "i live near {c}", "commuting from {c} today", "our office is in {c}", "ich wohne in {c}",
              "je vis à {c} depuis 2019", "vivo en {c}", "moro em {c}", "ik woon in {c}", "bor i {c}",
              "just landed in {c}", "we're staying in {c} for the summer", "working remotely from {c} this month")
PLACE_LOOKALIKES = ("i live in fear of the monday deploy", "moved to prod last night", "i'm from the data team",
                    "based in part on the old design", "grew up in a small town", "flying to the offsite tomorrow",
                    "we relocated to azure in march", "my parents are in town", "i'm in meetings till friday",
                    "visiting family next week", "born in the 90s lol", "heading back to the office tonight",
                    "i live near the station", "commuting from home today", "our office is in building 4",
                    "moved to done", "we're staying in sync on this", "working remotely from home this month",
                    "moved the ticket to review", "just landed in staging", "i'm from support, can you help",
                    "moved to kubernetes last year", "based in europe mostly", "back in five")


def places(draw: Draw) -> Case:
    """A chat line or voice turn naming where someone lives or travels, the place in lower case."""
    city = draw.faker(PLACE_LOCALES).city()
    if draw.rng.random() < 0.8:
        city = city.lower()
    line = draw.pick(PLACE_CUES)
    pre = draw.rng.choice(("", "yeah ", "btw ", "ok so ", "haha ", ""))
    return "transcript", [_fill(draw, pre + line, {"c": ("LOCATION", city)})], False


def place_lookalikes(draw: Draw) -> Case:
    """The same cues before work words and phrases."""
    pre = draw.rng.choice(("", "yeah ", "btw ", "ok so ", "haha ", ""))
    return "transcript", [Builder().add(pre + draw.pick(PLACE_LOOKALIKES))], True


# ---- logins stated without "is"
LOGIN_CUES = ("login: {u}", "login {u}", "user {u}", "user: {u}", "username {u}", "username: {u}", "user name {u}",
              "my handle on slack's {u}", "logged in as {u}", "signed in as {u}", "handle: {u}", "log in as {u}",
              "user id {u}", "my login's {u}", "account: {u}", "Benutzername: {u}", "angemeldet als {u}",
              "nom d'utilisateur : {u}", "identifiant : {u}", "connecté en tant que {u}", "usuario: {u}",
              "nombre de usuario {u}", "conectado como {u}", "nome utente: {u}", "gebruikersnaam: {u}",
              "ingelogd als {u}", "nazwa użytkownika: {u}", "zalogowany jako {u}", "användarnamn: {u}",
              "inloggad som {u}", "brukernavn: {u}", "käyttäjätunnus: {u}", "kullanıcı adı: {u}", "логин: {u}",
              "имя пользователя: {u}", "ユーザー名: {u}", "用户名：{u}", "nome de usuário: {u}", "logado como {u}",
              "Benutzer {u}", "usuario {u}", "utente {u}")
LOGIN_FRAMES = ("{l}", "{l}, can you reset it?", "hey, {l} - still locked out", "{l} (the staging box)",
                "it says {l} but the page is blank", "{l} / pw in the vault", "try {l}", "{l}\nthanks!")
LOGIN_LOOKALIKES = ("login: failed after 3 attempts", "user settings are broken again", "username field is required",
                    "logged in as admin", "logged in as root and ran the script", "user guide is outdated",
                    "User: how do I revert a commit?", "user story for the checkout flow", "login page returns 500",
                    "user feedback was mostly positive", "login shell is zsh", "username and password please",
                    "handle: the error before retrying", "logged in as a guest", "signed in as another user",
                    "user interface review at 3", "user research notes attached", "login flow is slow on mobile",
                    "user count dropped 4% this week", "user error lol", "signed in as the service account",
                    "Benutzer Handbuch aktualisiert", "usuario nuevo en el sistema", "login: timeout after 30s",
                    "user agent string changed", "account: settings page", "user: null in the payload",
                    "logged in as myself", "username: required", "log in as usual")


def logins(draw: Draw) -> Case:
    """A login given after a cue with no `is`, in chat or typed into a chat box."""
    login = draw.people.login()
    line = draw.pick(LOGIN_FRAMES).replace("{l}", draw.pick(LOGIN_CUES))
    b = _fill(draw, line, {"u": ("USERNAME", login)})
    return ("keystrokes" if draw.rng.random() < 0.3 else "transcript"), [b], False


def login_lookalikes(draw: Draw) -> Case:
    """The cues before ordinary words."""
    return ("keystrokes" if draw.rng.random() < 0.3 else "transcript"), [Builder().add(draw.pick(LOGIN_LOOKALIKES))], True


# ---- addresses: every part with a digit must go with the street
ADDRESS_FRAMES = ("ship it to {a} please", "my address is {a}", "new address: {a}", "we moved to {a}",
                  "deliver to {a}, ring twice", "{a}", "Address\n{a}", "send the contract to {a} by Friday",
                  "I'm at {a} if you need me", "billing address {a}", "pick me up at {a}")


def _address(draw: Draw) -> tuple[str, Faker]:
    fake = draw.faker(ADDRESS_LOCALES)
    text = fake.address()
    joiner = draw.rng.choice((", ", ", ", " ", "\n"))
    return joiner.join(p.strip() for p in text.splitlines()), fake


def addresses(draw: Draw) -> Case:
    """A postal address in a locale's own layout, each of its numbers also a gold part."""
    address, _ = _address(draw)
    b = Builder()
    pre, _, post = draw.pick(ADDRESS_FRAMES).partition("{a}")
    b.add(pre).add(address, "ADDRESS").add(post)
    base = len(pre)
    for m in re.finditer(r"\S*\d\S*", address):
        token = m.group(0).strip(",.")
        b.spans.append(("ADDRESS", base + m.start(), base + m.start() + len(token), token))
    return ("keystrokes" if draw.rng.random() < 0.35 else "transcript"), [b], False


ADDRESS_NEIGHBOURS = ("3 boxes go to {a}, 2 more next week", "{a}, 2nd floor, ask for the front desk",
                      "Ticket 4521: {a} reopened after the renovation", "{a}, 10 minutes from the station",
                      "store {a}, 2026 lease renewal attached", "order shipped to {a}, 14 items")


def address_neighbours(draw: Draw) -> Case:
    """Ordinary numbers right before and after an address (gold: the address); the numbers must stay."""
    address, _ = _address(draw)
    pre, _, post = draw.pick(ADDRESS_NEIGHBOURS).partition("{a}")
    b = Builder().add(pre).add(address.replace("\n", ", "), "ADDRESS").add(post)
    return "transcript", [b], True


# ---- date stamps shaped like a Swedish personnummer, and the real thing
def _stamp(draw: Draw) -> str:
    y, m, d = draw.rng.randint(2019, 2026), draw.rng.randint(1, 12), draw.rng.randint(1, 28)
    h, mi = draw.rng.randint(0, 23), draw.rng.randint(0, 59)
    tail = draw.rng.choice((f"{h:02d}{mi:02d}", f"{h:02d}{mi:02d}", f"{h:02d}{mi:02d}{draw.rng.randint(0, 59):02d}"))
    return f"{y}{m:02d}{d:02d}-{tail}"


STAMP_FRAMES = ("backup_{s}.tar.gz restored", "snapshot {s} is the last good one", "release-{s} is on staging",
                "{s} deploy started", "run id {s} failed again", "nightly-{s} has the fix", "see logs/{s}.log",
                "pg_dump -f db_{s}.sql", "the export from {s} is missing rows", "tag v{s} please",
                "build {s} green", "IMG_{s}.jpg is the screenshot", "rollback to {s}", "report_{s}.pdf attached",
                "ls /var/backups/{s}/", "{s} INFO worker started")
PNR_FRAMES = ("mitt personnummer är {p}", "personnummer: {p}", "personnummer {p}", "pnr {p}", "my personnummer is {p}",
              "personnr: {p}")


def stamps(draw: Draw) -> Case:
    """A date and time stamp in a file name, tag, log or chat line; no identifier."""
    line = draw.pick(STAMP_FRAMES).replace("{s}", _stamp(draw))
    return ("keystrokes" if draw.rng.random() < 0.5 else "transcript"), [Builder().add(line)], True


def personnummer(draw: Draw) -> Case:
    """A Swedish personal identity number after its cue."""
    fake = draw.fakers.setdefault("sv_SE", Faker("sv_SE"))
    value = fake.ssn(long=draw.rng.random() < 0.5)
    return "transcript", [_fill(draw, draw.pick(PNR_FRAMES), {"p": ("NATIONAL_ID", value)})], False


# ---- numbers that pass a national id's check digit by chance, in work contexts
def _checked(draw: Draw, length: int) -> str:
    from stdnum.de import idnr
    from stdnum.no import fodselsnummer
    from stdnum.pl import pesel
    from stdnum.ro import cnp
    from stdnum.tr import tckimlik
    from stdnum.za import idnr as za_idnr

    checks = (pesel, fodselsnummer, tckimlik, idnr) if length == 11 else (cnp, za_idnr)
    while True:
        lead = draw.rng.choice(("1", "2", "4", "7", "9", "3"))
        number = lead + "".join(str(draw.rng.randrange(10)) for _ in range(length - 1))
        if any(c.is_valid(number) for c in checks):
            return number


NUMBER_FRAMES = ("order {n} shipped this morning", "Order ID: {n}", "invoice {n} is overdue", "tracking {n}",
                 "shipment {n} is stuck in customs", "build {n} failed on arm64", "job {n} timed out",
                 "ticket {n} reopened", "case {n}, escalated", "transaction {n} was declined", "txn {n} refunded",
                 "ref {n}", "trace id {n}", "ts={n}", "epoch ms {n}", "msg id {n}", "batch {n} loaded",
                 "request {n} returned 502", "PO {n} approved", "run #{n} passed", "Bestellnummer {n}",
                 "pedido {n} enviado", "commande n° {n}", "the dashboard shows {n} events", "item {n} out of stock",
                 "parcel {n} delivered", "row {n} has a null", "{n} bytes written", "counter at {n}",
                 "confirmation number {n}", "booking {n}", "membership renewal {n}")


def ordinary_numbers(draw: Draw) -> Case:
    """An 11- or 13-digit number that passes a national id check, where work names it something else."""
    number = _checked(draw, draw.rng.choice((11, 11, 11, 13)))
    line = draw.pick(NUMBER_FRAMES).replace("{n}", number)
    return ("keystrokes" if draw.rng.random() < 0.5 else "transcript"), [Builder().add(line)], True


ID_FRAMES = ("PESEL: {n}", "mój PESEL to {n}", "fødselsnummer {n}", "TC kimlik no {n}", "Steuer-ID: {n}",
             "CNP {n}", "my id number is {n}", "ID: {n}", "kimlik numaram {n}", "Personnummer (NO): {n}")


def checked_ids(draw: Draw) -> Case:
    """The same numbers as the national ids they are, after an id cue."""
    from stdnum.pl import pesel

    while True:
        number = _checked(draw, 11)
        if pesel.is_valid(number) or draw.rng.random() < 0.5:
            break
    return ("keystrokes" if draw.rng.random() < 0.5 else "transcript"), [
        _fill(draw, draw.pick(ID_FRAMES), {"n": ("NATIONAL_ID", number)})], False


# ---- product codes in the UK NI layout, and NI numbers
NI_PREFIXES = ("AB", "CE", "JK", "TW", "PR", "HN", "SL", "WR", "MA", "EH", "GL", "LS")
SKU_FRAMES = ("SKU {c}", "SKU: {c} is back in stock", "part no. {c}", "Part #{c} ordered", "Model: {c}",
              "item {c} x2", "product code {c}", "Art.-Nr. {c}", "réf. {c}", "catalog number {c}",
              "replacement filter {c}", "order line: 3 x {c}", "mfr part {c}", "MPN {c}", "spare part {c} arrived")
NI_FRAMES = ("NI number: {c}", "my national insurance number is {c}", "NINO {c}", "NI no. {c}", "ni number {c}",
             "National Insurance No: {c}")


def _ni(draw: Draw, spaced: bool) -> str:
    digits = "".join(str(draw.rng.randrange(10)) for _ in range(6))
    prefix, suffix = draw.rng.choice(NI_PREFIXES), draw.rng.choice("ABCD")
    if spaced:
        return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
    return f"{prefix}{digits}{suffix}"


def skus(draw: Draw) -> Case:
    """A product or part code of the NI layout after a product cue."""
    line = draw.pick(SKU_FRAMES).replace("{c}", _ni(draw, False))
    return ("keystrokes" if draw.rng.random() < 0.5 else "transcript"), [Builder().add(line)], True


def ni_numbers(draw: Draw) -> Case:
    """A UK National Insurance number after its cue."""
    value = _ni(draw, draw.rng.random() < 0.4)
    return ("keystrokes" if draw.rng.random() < 0.5 else "transcript"), [
        _fill(draw, draw.pick(NI_FRAMES), {"c": ("NATIONAL_ID", value)})], False


# ---- spreadsheet formulas and ranges
def _cell(draw: Draw) -> str:
    return f"{draw.rng.choice('ABCDEFGHJK')}{draw.rng.randint(1, 60)}"


FORMULAS = ("=SUM({r})", "=AVERAGE({r})", "=VLOOKUP({c},Sheet2!A:B,2,FALSE)", '=IF({c}>100,"high","low")',
            '=COUNTIF({r},"Done")', "=INDEX({r},MATCH({c},{r},0))", "=ROUND({c}*1.2,2)", '=TEXT({c},"yyyy-mm-dd")',
            '=SUMIFS({r},{r},"EMEA")', "=MAX({r})-MIN({r})", "=XLOOKUP({c},{r},{r})", "=Sheet1!$A$1",
            '=QUERY({r},"select A, sum(D) group by A")', "=ARRAYFORMULA({r}*2)", "=COUNTA({r})", "=MEDIAN({r})")
FORMULA_FRAMES = ("{f}", "{f}", "the total is off, it should be {f}", "select {r} and paste values",
                  "can you fix {f} in the budget tab", "merge {r} for the header", "{f}\t{f}", "use {f} instead")


def formulas(draw: Draw) -> Case:
    """Formulas and cell ranges typed into a sheet or pasted into chat."""
    def rng_ref() -> str:
        a, b = _cell(draw), _cell(draw)
        return f"{a}:{b[0]}{int(b[1:]) + 20}"
    frame = draw.pick(FORMULA_FRAMES)
    text = frame.replace("{f}", draw.pick(FORMULAS)).replace("{r}", "{R}")
    text = re.sub(r"\{R\}|\{r\}", lambda _: rng_ref(), text)
    text = re.sub(r"\{c\}", lambda _: _cell(draw), text)
    return ("keystrokes" if draw.rng.random() < 0.6 else "transcript"), [Builder().add(text)], True


def names_in_formulas(draw: Draw) -> Case:
    """A person's name inside a formula or next to one: still a name."""
    first, last = draw.people.person()
    name = f"{first} {last}"
    template = draw.pick(('=VLOOKUP("{p}",A:C,3,FALSE)', '=COUNTIF(B2:B90,"{p}")', "{p}\t=SUM(C2:C14)",
                          '=IF(A2="{p}","owner","")', "=SUMIF(A:A,\"{p}\",D:D)", "{p}\t{p2}\t=AVERAGE(B2:B9)"))
    b = _fill(draw, template, {"p": ("PERSON", name), "p2": ("PERSON", " ".join(draw.people.person()))})
    return ("keystrokes" if draw.rng.random() < 0.7 else "transcript"), [b], False


_IRC = re.compile(r"^\[\d\d:\d\d\] <([^>\s]+)> (.*)$")
_IRC_CUES = re.compile(r"\b(?:user(?:name)?|login|logged in as|signed in as|handle|live in|moved to|from|based in)\b|"
                       r"^\s*(?:[-*•]|\d+[.)])\s|\b\d{11,13}\b|\b[A-Z]{2}\d{6}[A-D]\b|\b[A-Z]+\d+:[A-Z]+\d+\b|"
                       r"\b\d{8}-\d{4}", re.IGNORECASE)


def irc_lines(draw: Draw) -> Case:
    """A real #ubuntu message that holds one of the classes' cues and none of its log's nicks (public,
    CC BY 4.0; the seeds read disjoint logs)."""
    if not draw.irc:
        files = sorted((DATA / "benign_ubuntu_irc").glob("*.raw.txt"))[draw.seed == "held"::2]
        pool = []
        for path in files:
            lines = [m for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                     if (m := _IRC.match(line))]
            nicks = {m.group(1).lstrip("@+").lower() for m in lines}
            for m in lines:
                words = {w.lower() for w in re.findall(r"[\w\-\[\]`^|]+", m.group(2))}
                if _IRC_CUES.search(m.group(2)) and not words & nicks and "http" not in m.group(2):
                    pool.append(m.group(2))
        draw.irc = pool
    return "transcript", [Builder().add(draw.rng.choice(draw.irc))], True


CLASSES: dict[str, tuple[Callable[[Draw], Case] | None, Callable[[Draw], Case]]] = {
    "speaker_labels": (speaker_labels, headings),
    "places": (places, place_lookalikes),
    "logins": (logins, login_lookalikes),
    "addresses": (addresses, address_neighbours),
    "personnummer": (personnummer, stamps),
    "checked_numbers": (checked_ids, ordinary_numbers),
    "ni_numbers": (ni_numbers, skus),
    "formulas": (names_in_formulas, formulas),
    "irc": (None, irc_lines),
}


def _keystrokes(rid: str, text: str, rng: random.Random) -> dict:
    events, t = [], 0
    for ch in text:
        t += rng.randint(60, 200)
        key = {"\n": "Enter", "\t": "Tab"}.get(ch, ch)
        events.append({"t": t, "key": key, "type": "keydown"})
    app, title = rng.choice((("Slack", "#eng - Slack"), ("Microsoft Excel", "budget.xlsx - Excel"),
                             ("Google Chrome", "Untitled spreadsheet - Google Sheets"), ("Terminal", "zsh")))
    return {"record_id": rid, "kind": "keystrokes", "user_id": "emp-probe", "ts": "2026-12-07T09:00:00Z",
            "app": app, "window_title": title, "field": "text", "events": events}


def generate(seed: str, n: int) -> tuple[list[dict], list[dict]]:
    """Raw records and gold: `n` positives and `n` hard negatives of every class."""
    draw = Draw(seed)
    records, golds = [], []
    for name, (positive, negative) in CLASSES.items():
        for polarity, make in (("pos", positive), ("neg", negative)):
            for i in range(n if make else 0):
                kind, segments, hard = make(draw)
                rid = f"fix-{seed}-{name}-{polarity}-{i:03d}"
                if kind == "keystrokes":
                    text = "".join(s.text for s in segments)
                    records.append(_keystrokes(rid, text, draw.rng))
                    fields = {"typed": segments[0]}
                else:
                    records.append({"record_id": rid, "kind": "transcript", "user_id": "emp-probe",
                                    "ts": "2026-12-07T09:00:00Z", "source": "chat", "app": "Slack",
                                    "segments": [{"speaker": f"Speaker {k + 1}", "start": float(k), "end": k + 0.9,
                                                  "text": s.text} for k, s in enumerate(segments)]})
                    fields = {f"segments.{k}.text": s for k, s in enumerate(segments)}
                golds.append({"record_id": rid, "kind_of_text": kind, "category": "benign", "hard_negative": hard,
                              "recipe": f"{name}/{polarity}",
                              "spans": [{"field": f, "label": lab, "start": a, "end": z, "value": v}
                                        for f, s in fields.items() for lab, a, z, v in s.spans],
                              "texts": {f: s.text for f, s in fields.items()}})
    return records, golds


def report(records: list[dict], golds: list[dict], show: bool) -> None:
    """Zero-leak of the positives and words lost of every class, by class and polarity."""
    from evaluation.scoring import _WORD, leaked, output_field, score_text, words_outside, zero_leak

    docs = sanitized(records)
    scores = [score_text(g, d) for g, d in zip(golds, docs)]
    total_lost = total_words = 0
    for recipe in dict.fromkeys(g["recipe"] for g in golds):
        group = [s for s, g in zip(scores, golds) if g["recipe"] == recipe]
        holds = [s for s in group if s.labels]
        clean = sum(not s.leaked_labels for s in holds)
        words, lost = sum(s.words for s in group), sum(s.words_lost for s in group)
        total_lost, total_words = total_lost + lost, total_words + words
        leak = f"{100 * clean / len(holds):5.1f}%" if holds else "  -   "
        hit = sum(bool(s.words_lost) for s in group)
        print(f"{recipe:24s} n={len(group):3d} zero-leak={leak} lost={lost:3d}/{words:4d} "
              f"({100 * lost / max(words, 1):4.1f}%) records-with-loss={hit}")
    z = zero_leak([s for s in scores if s.labels and not s.hard_negative], kept_only=False)
    allpos = [s for s in scores if s.labels and not s.hard_negative]
    print(f"positives zero-leak {100 * sum(not s.leaked_labels for s in allpos) / len(allpos):.1f}% (n={len(allpos)}; "
          f"core {z['value']}), words lost {total_lost}/{total_words} ({100 * total_lost / total_words:.1f}%)")
    if show:
        for g, d in zip(golds, docs):
            for s in g["spans"]:
                if leaked(output_field(d, s["field"]), s["value"], s["label"]):
                    print(f"LEAK {g['recipe']} {s['label']}: {s['value']!r} in {output_field(d, s['field'])[:140]!r}")
            for name, text in g["texts"].items():
                lost = words_outside(text, [s for s in g["spans"] if s["field"] == name]) - Counter(
                    _WORD.findall(output_field(d, name) or ""))
                if lost:
                    print(f"LOST {g['recipe']} {sorted(lost)} in {output_field(d, name)[:140]!r}")


def main(argv: list[str] | None = None) -> int:
    """Generate the probe's seed, run it through detection in process and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", choices=sorted(SEEDS), default="tune")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--show", action="store_true", help="print the tuning seed's leaks and lost words")
    parser.add_argument("--dump", help="write the records and gold as JSON lines to this directory")
    args = parser.parse_args(argv)
    records, golds = generate(args.seed, args.n)
    if args.dump:
        out = Path(args.dump)
        out.mkdir(parents=True, exist_ok=True)
        (out / "records.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
        (out / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in golds))
    report(records, golds, args.show and args.seed == "tune")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
