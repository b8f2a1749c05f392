"""Probe of keystroke records as other people type them (issue 15): national ids, phones, names,
addresses and one-case URL tokens typed into real targets with real typing habits, scored in process
with the project's scoring (per-record zero-leak and over-redaction).

    python -m evaluation.probe_keys --seed tune|held [--n 400] [--show-leaks 30]

Habits: typos fixed at once or noticed late (backspace bursts drawn from the Aalto keystroke sample
in /work/shared/data), a forgotten character inserted with the arrows, select-all and retype, pasted
values (with or without the Control+V keydown), CapsLock, values split over boxes with Tab. Targets:
web forms (sign-up, checkout, HR, bank, tax), terminals, search boxes, spreadsheets, chat boxes, the
address bar. The held-out seed has its own locales, targets and phrasings, not only other values.
"""
from __future__ import annotations

import argparse
import random
import string
from collections import Counter
from pathlib import Path
from typing import Callable

from faker import Faker

from evaluation.probe_titles import _entry, report, run
from evaluation.scoring import _WORD, leaked, output_field, words_outside
from models.keystrokes import rebuild_typed_text
from models.records import KeyEvent

DATA = Path("/work/shared/data")
SEEDS = {"tune": 20261221, "held": 20261229}
LOCALES = {
    "tune": ("en_US", "fr_FR", "it_IT", "es_ES", "nl_NL", "sv_SE", "pl_PL", "en_IN", "pt_BR", "en_GB", "en_CA",
             "zh_CN", "fi_FI", "ro_RO", "ko_KR", "es_MX", "tr_TR"),
    "held": ("de_DE", "de_CH", "no_NO", "nl_BE", "es_AR", "zh_TW", "th_TH", "lv_LV", "et_EE", "el_GR", "he_IL",
             "hr_HR", "de_AT", "hu_HU", "da_DK", "en_AU", "ja_JP", "uk_UA", "cs_CZ"),
}
Seg = tuple[str, str | None]  # (text, gold label or None)
Made = dict  # app, window_title, url, field, segs, and the url's gold spans


def _aalto_bursts() -> list[int]:
    """Lengths of the Backspace runs real typists made in the Aalto keystroke sample."""
    runs: list[int] = []
    for path in sorted((DATA / "keystrokes_aalto136m_sample").glob("*_keystrokes.txt")):
        n = 0
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) > 7 and cols[7] == "BKSP":
                n += 1
            elif n:
                runs.append(n)
                n = 0
    return runs or [1, 1, 2, 3]


# ---- national ids with their check digits (Faker's where it computes them, else the format's own rule)
def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def _steuer_id(rng: random.Random) -> str:
    """A German tax id (Steuer-IdNr): 11 digits, the last by ISO 7064 MOD 11,10."""
    body = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(9))
    product = 10
    for ch in body:
        s = (int(ch) + product) % 10 or 10
        product = (2 * s) % 11
    check = (11 - product) % 10
    return body + str(check)


def _norway_fnr(rng: random.Random) -> str:
    """A Norwegian fødselsnummer with both mod-11 check digits (redrawn until valid)."""
    while True:
        base = f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(50, 99):02d}{rng.randint(0, 499):03d}"
        w1, w2 = (3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
        k1 = 11 - sum(int(a) * b for a, b in zip(base, w1)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        k2 = 11 - sum(int(a) * b for a, b in zip(base + str(k1), w2)) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 != 10:
            return base + str(k1) + str(k2)


def _ch_ahv(rng: random.Random) -> str:
    body = "756" + "".join(rng.choice(string.digits) for _ in range(9))
    check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body)) % 10) % 10
    s = body + str(check)
    return f"{s[:3]}.{s[3:7]}.{s[7:11]}.{s[11:]}"


def national_id(f: Faker, rng: random.Random) -> str:
    """The locale's national id as people write it."""
    loc = f.locales[0]
    special: dict[str, Callable[[], str]] = {
        "de_DE": lambda: rng.choice((_steuer_id(rng), " ".join((lambda s: (s[:2], s[2:5], s[5:8], s[8:]))(_steuer_id(rng))))),
        "es_ES": lambda: rng.choice((f.nif(), f.nie())),
        "en_IN": lambda: rng.choice((f.aadhaar_id(), " ".join((lambda s: (s[:4], s[4:8], s[8:]))(f.aadhaar_id())))),
        "pt_BR": lambda: rng.choice((f.cpf(), f.cpf().replace(".", "").replace("-", ""))),
        "pl_PL": lambda: f.pesel(),
        "no_NO": lambda: _norway_fnr(rng),
        "de_CH": lambda: _ch_ahv(rng),
        "es_MX": lambda: rng.choice((f.curp(), f.ssn())),
        "nl_NL": lambda: f.ssn(),
        "en_GB": lambda: rng.choice((f.ssn(), f.ssn().replace(" ", ""))).replace("ZZ", rng.choice(("AB", "JG", "NP", "SK", "CE"))),
    }
    if loc in special:
        return special[loc]()
    return f.ssn()


class Values:
    """Random values of one seed's locales."""

    def __init__(self, seed: str):
        self.rng = random.Random(SEEDS[seed])
        self.fakers = []
        for i, loc in enumerate(LOCALES[seed]):
            f = Faker(loc)
            f.seed_instance(SEEDS[seed] + i)
            self.fakers.append(f)
        self.bursts = _aalto_bursts()
        self.us = Faker("en_US")
        self.us.seed_instance(SEEDS[seed])

    def faker(self) -> Faker:
        """One locale's Faker."""
        return self.rng.choice(self.fakers)

    def person(self) -> tuple[str, str, Faker]:
        """A first and last name of one locale, and that locale's Faker."""
        f = self.faker()
        return f.first_name(), f.last_name(), f

    def phone(self, f: Faker | None = None) -> str:
        """A phone number of a locale in its local or international form."""
        f = f or self.faker()
        if self.rng.random() < 0.15:
            return "+" + f.msisdn()[:12]
        return f.phone_number()

    def nid(self, f: Faker | None = None) -> str:
        """A national id of a locale."""
        return national_id(f or self.faker(), self.rng)

    def address(self, f: Faker | None = None) -> tuple[str, str, str]:
        """Street line, postcode and city of a locale."""
        f = f or self.faker()
        street = f.street_address()
        try:
            return street, f.postcode(), f.city()
        except AttributeError:
            return street, "", f.city()

    def iban(self, f: Faker | None = None) -> str:
        """A bank account: the locale's IBAN, sometimes in groups of four."""
        raw = (f or self.faker()).iban()
        return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4)) if self.rng.random() < 0.4 else raw

    def token(self, n: int, alphabet: str = string.ascii_lowercase + string.digits) -> str:
        """A random token of one alphabet with at least two digits and two letters."""
        while True:
            t = "".join(self.rng.choice(alphabet) for _ in range(n))
            if sum(c.isdigit() for c in t) >= 2 and sum(c.isalpha() for c in t) >= 2 or alphabet == string.digits:
                return t

    def hex(self, n: int) -> str:
        """Lower-case hex."""
        return self.token(n, "0123456789abcdef")

    def org(self) -> str:
        """A company's short name as it appears in hosts."""
        return self.rng.choice(("northwind", "acme", "globex", "initech", "umbrella", "hooli", "contoso", "vandelay",
                                "stark", "wayne", "tyrell", "cyberdyne"))


# ---- targets: each returns the record's fields and the typed segments
def _form(app: str, title: str, url: str | None, field: str, segs: list[Seg], url_spans=()) -> Made:
    return {"app": app, "window_title": title, "url": url, "field": field, "segs": segs, "url_spans": list(url_spans)}


def _tab_join(parts: list[Seg]) -> list[Seg]:
    out: list[Seg] = []
    for i, p in enumerate(parts):
        if i:
            out.append(("\t", None))
        out.append(p)
    return out


def t_signup(v: Values) -> Made:
    """A shop's sign-up form: first name, last name, e-mail, phone, with Tab between fields."""
    first, last, f = v.person()
    phone = v.phone(f)
    mail = f"{first}.{last}@{f.free_email_domain()}".lower().replace(" ", "")
    return _form("Google Chrome", "Create your account – Shopify - Google Chrome", "https://accounts.shopify.com/signup",
                 "text", _tab_join([(first, "PERSON"), (last, "PERSON"), (mail, "EMAIL_ADDRESS"), (phone, "PHONE_NUMBER")]))


def t_checkout(v: Values) -> Made:
    """A checkout's address form: name, street, postcode, city, phone."""
    first, last, f = v.person()
    street, post, city = v.address(f)
    phone = v.phone(f)
    return _form("Google Chrome", "Checkout - Zalando - Google Chrome", "https://www.zalando.de/checkout/address",
                 "text", _tab_join([(f"{first} {last}", "PERSON"), (street, "ADDRESS"), (post, None), (city, None),
                                    (phone, "PHONE_NUMBER")]))


def t_hr_onboarding(v: Values) -> Made:
    """An HR onboarding form: names, national id, bank account."""
    first, last, f = v.person()
    nid, iban = v.nid(f), v.iban(f)
    return _form("Google Chrome", "Personal Information - Onboarding - Workday - Google Chrome",
                 "https://wd3.myworkday.com/northwind/d/task/2997$2734.htmld", "text",
                 _tab_join([(first, "PERSON"), (last, "PERSON"), (nid, "NATIONAL_ID"), (iban, "ACCOUNT_NUMBER")]))


def t_bank_transfer(v: Values) -> Made:
    """A bank transfer: payee, IBAN, amount, reference."""
    first, last, f = v.person()
    iban = v.iban(f)
    ref = v.rng.choice(("Rent March", "Invoice 2291", "Deposit", "Miete", "Loyer"))
    return _form("Google Chrome", "New transfer – Online Banking - Google Chrome", "https://banking.example-bank.eu/transfer/new",
                 "text", _tab_join([(f"{first} {last}", "PERSON"), (iban, "ACCOUNT_NUMBER"), ("120.00", None), (ref, None)]))


def t_tax_portal(v: Values) -> Made:
    """A tax portal's identification: national id, surname."""
    first, last, f = v.person()
    nid = v.nid(f)
    return _form("Google Chrome", "Identify yourself - Tax Portal - Google Chrome", None, "text",
                 _tab_join([(nid, "NATIONAL_ID"), (last, "PERSON")]))


def t_ssn_boxes(v: Values) -> Made:
    """A US SSN typed into three boxes."""
    ssn = v.us.ssn()
    a, b, c = ssn.split("-") if "-" in ssn else (ssn[:3], ssn[3:5], ssn[5:])
    return _form("Google Chrome", "Employment Eligibility - I-9 - Google Chrome", None, "text",
                 [(f"{a}\t{b}\t{c}", "NATIONAL_ID")])


def t_crm_search(v: Values) -> Made:
    """A CRM's search box: a phone, a national id or a name."""
    first, last, f = v.person()
    what = v.rng.choice(((v.phone(f), "PHONE_NUMBER"), (v.nid(f), "NATIONAL_ID"), (f"{first} {last}", "PERSON")))
    return _form("Google Chrome", "Contacts | HubSpot - Google Chrome", "https://app.hubspot.com/contacts/4812/objects/0-1/views/all/list",
                 "search", [what])


def t_sheet(v: Values) -> Made:
    """Spreadsheet rows typed with Tab and Enter: name, national id, phone."""
    segs: list[Seg] = []
    for _ in range(v.rng.randint(1, 3)):
        first, last, f = v.person()
        segs += [(f"{first} {last}", "PERSON"), ("\t", None), (v.nid(f), "NATIONAL_ID"), ("\t", None),
                 (v.phone(f), "PHONE_NUMBER"), ("\n", None)]
    return _form("Microsoft Excel", "employees_2026.xlsx - Excel", None, "text", segs)


CHAT_TUNE = (
    ("call me at ", "PHONE_NUMBER", " after 5"), ("my number is ", "PHONE_NUMBER", ""),
    ("you can reach her on ", "PHONE_NUMBER", " tomorrow"), ("her ssn is ", "NATIONAL_ID", ", can you update payroll?"),
    ("id number: ", "NATIONAL_ID", ""), ("here's the file: ", "SECRET_URL", ""),
    ("new deck is up ", "SECRET_URL", " pls review"), ("meine Nummer ist ", "PHONE_NUMBER", ""),
    ("employee id for the tax form is ", "NATIONAL_ID", ""),
)
CHAT_HELD = (
    ("", "PHONE_NUMBER", " is my cell"), ("text me: ", "PHONE_NUMBER", ""), ("pls whatsapp ", "PHONE_NUMBER", " when you land"),
    ("mon numéro : ", "PHONE_NUMBER", ""), ("national id ", "NATIONAL_ID", " (for the visa letter)"),
    ("he sent his personal number ", "NATIONAL_ID", " over email, please delete it"), ("link → ", "SECRET_URL", ""),
    ("", "SECRET_URL", " (view only)"), ("fyi the reset link ", "SECRET_URL", " expires in 1h"),
)


def _secret_url(v: Values) -> tuple[str, str]:
    """A share or reset link of a real service and its token."""
    kind = v.rng.randrange(9)
    if kind == 0:
        key = v.token(22, string.ascii_lowercase + string.digits)
        return f"https://www.figma.com/design/{key}/Onboarding-flow?node-id=12-34", key
    if kind == 1:
        key = v.token(21)
        return f"https://www.dropbox.com/scl/fi/{key}/Q3-report.pdf?dl=0", key
    if kind == 2:
        key = v.hex(32)
        return f"https://accounts.{v.org()}.com/reset-password?token={key}", key
    if kind == 3:
        key = v.hex(32)
        return f"https://www.loom.com/share/{key}", key
    if kind == 4:
        key = v.token(8)
        return f"https://www.booking.com/mybooking.html?pincode={v.token(4, string.digits)}&bn={key}", key
    if kind == 5:
        key = v.token(16)
        return f"https://docsend.com/view/{key}", key
    if kind == 6:
        key = v.hex(32)
        return f"https://www.notion.so/{v.org()}/Offsite-plan-{key}", key
    if kind == 7:
        key = v.token(10)
        return f"https://{v.org()}.zoom.us/j/{v.token(11, string.digits)}?pwd={key}", key
    key = v.token(12)
    return f"https://hackmd.io/s/{key}", key


def _chat(v: Values, table) -> Made:
    lead, label, tail = v.rng.choice(table)
    first, last, f = v.person()
    if label == "SECRET_URL":
        url, key = _secret_url(v)
        i = url.index(key)
        segs = [(lead, None), (url[:i], None), (key, "SECRET"), (url[i + len(key):], None), (tail + "\n", None)]
    else:
        value = v.phone(f) if label == "PHONE_NUMBER" else v.nid(f)
        segs = [(lead, None), (value, label), (tail + "\n", None)]
    app, title = v.rng.choice((("Slack", f"{first} {last} (DM) - Slack"), ("Microsoft Teams", "Chat | Microsoft Teams"),
                               ("WhatsApp", "WhatsApp"), ("Google Chrome", "Messenger - Google Chrome")))
    spans = [("PERSON", "window_title", f"{first} {last}")] if "(DM)" in title else []
    made = _form(app, title, None, "text", segs)
    made["title_spans"] = spans
    return made


def t_chat_tune(v: Values) -> Made:
    """A chat line of the tuning phrasings."""
    return _chat(v, CHAT_TUNE)


def t_chat_held(v: Values) -> Made:
    """A chat line of the held-out phrasings."""
    return _chat(v, CHAT_HELD)


def t_terminal(v: Values) -> Made:
    """A share or reset link opened from a terminal."""
    url, key = _secret_url(v)
    lead = v.rng.choice(("curl -sL '", "wget '", "open '", "xdg-open '"))
    i = url.index(key)
    return _form("Terminal", "zsh — 120×40", None, "text",
                 [(lead + url[:i], None), (key, "SECRET"), (url[i + len(key):] + "'\n", None)])


def t_address_bar(v: Values) -> Made:
    """A share or reset link typed into the address bar."""
    url, key = _secret_url(v)
    i = url.index(key)
    return _form("Google Chrome", "New Tab - Google Chrome", None, "text",
                 [(url[:i], None), (key, "SECRET"), (url[i + len(key):] + "\n", None)])


def t_browser_url(v: Values) -> Made:
    """A share page open in the browser, its address holding the token; typed text is a comment."""
    url, key = _secret_url(v)
    return {**_form("Google Chrome", "Shared with you - Google Chrome", url, "text", [("looks good, ship it\n", None)]),
            "url_spans": [("SECRET", "url", key)]}


def t_insurance(v: Values) -> Made:
    """An insurance claim form: name, national id, phone, address."""
    first, last, f = v.person()
    street, post, city = v.address(f)
    return _form("Google Chrome", "File a claim – Allianz - Google Chrome", None, "text",
                 _tab_join([(f"{first} {last}", "PERSON"), (v.nid(f), "NATIONAL_ID"), (v.phone(f), "PHONE_NUMBER"),
                            (street, "ADDRESS"), (post, None), (city, None)]))


def t_payroll_sheet(v: Values) -> Made:
    """Payroll rows in a sheet: national id, IBAN, 'Last, First'."""
    segs: list[Seg] = []
    for _ in range(v.rng.randint(1, 3)):
        first, last, f = v.person()
        segs += [(v.nid(f), "NATIONAL_ID"), ("\t", None), (v.iban(f), "ACCOUNT_NUMBER"), ("\t", None),
                 (f"{last}, {first}", "PERSON"), ("\n", None)]
    return _form("Google Chrome", "Payroll Dec - Google Sheets - Google Chrome",
                 "https://docs.google.com/spreadsheets/d/1xQ/edit#gid=0", "text", segs)


def t_notes(v: Values) -> Made:
    """A note with a venue contact's name, phone and address."""
    first, last, f = v.person()
    street, post, city = v.address(f)
    phone = v.phone(f)
    return _form("Notion", "Offsite logistics", None, "text",
                 [("venue contact: ", None), (f"{first} {last}", "PERSON"), (", ", None), (phone, "PHONE_NUMBER"),
                  ("\naddress: ", None), (street, "ADDRESS"), (f", {post} {city}\n", None)])


def t_psql(v: Values) -> Made:
    """An UPDATE typed into psql with a phone and a tax id."""
    first, last, f = v.person()
    phone, nid = v.phone(f), v.nid(f)
    return _form("Terminal", "psql — prod", None, "text",
                 [("UPDATE customers SET phone = '", None), (phone, "PHONE_NUMBER"), ("', tax_id = '", None),
                  (nid, "NATIONAL_ID"), (f"' WHERE id = {v.rng.randint(1000, 99999)};\n", None)])


def t_visa_form(v: Values) -> Made:
    """A visa application form: surname in capitals, given name, national id, phone."""
    first, last, f = v.person()
    return _form("Google Chrome", "Application form - VFS Global - Google Chrome", None, "text",
                 _tab_join([(last.upper(), "PERSON"), (first, "PERSON"), (v.nid(f), "NATIONAL_ID"), (v.phone(f), "PHONE_NUMBER")]))


def t_contact_card(v: Values) -> Made:
    """A phone's or CRM's new-contact card: first, last, company, mobile, e-mail."""
    first, last, f = v.person()
    mail = f"{first[0]}{last}@{v.org()}.com".lower().replace(" ", "")
    return _form("Contacts", "New Contact", None, "text",
                 _tab_join([(first, "PERSON"), (last, "PERSON"), (f.company(), None), (v.phone(f), "PHONE_NUMBER"),
                            (mail, "EMAIL_ADDRESS")]))


def t_signature(v: Values) -> Made:
    """An e-mail signature typed at the end of a message."""
    first, last, f = v.person()
    street, post, city = v.address(f)
    return _form("Microsoft Outlook", "RE: Q3 vendor review - Message (HTML)", None, "text",
                 [("Thanks for the quick turnaround.\n\nBest regards,\n", None), (f"{first} {last}", "PERSON"),
                  ("\nProcurement Lead\nM: ", None), (v.phone(f), "PHONE_NUMBER"), ("\n", None), (street, "ADDRESS"),
                  (f", {post} {city}\n", None)])


def t_delivery(v: Values) -> Made:
    """Courier instructions in a delivery app's note box."""
    first, last, f = v.person()
    street, post, city = v.address(f)
    lead = v.rng.choice(("please leave it with the neighbour at ", "deliver to ", "new address: "))
    return _form("Google Chrome", "Track your parcel - DHL - Google Chrome", None, "text",
                 [(lead, None), (street, "ADDRESS"), (f", {post} {city}. ring ", None), (last, "PERSON"),
                  (" if nobody answers\n", None)])


def t_git_identity(v: Values) -> Made:
    """A commit identity set in a terminal."""
    first, last, f = v.person()
    mail = f"{first}.{last}@{v.org()}.io".lower().replace(" ", "")
    return _form("Terminal", "bash — 80×24", None, "text",
                 [('git config --global user.name "', None), (f"{first} {last}", "PERSON"),
                  ('"\ngit config --global user.email ', None), (mail, "EMAIL_ADDRESS"), ("\n", None)])


def t_csv_semicolons(v: Values) -> Made:
    """A European CSV typed with semicolons: surname, given name, national id, phone."""
    segs: list[Seg] = [("Nachname;Vorname;ID;Telefon\n", None)]
    for _ in range(v.rng.randint(1, 3)):
        first, last, f = v.person()
        segs += [(last, "PERSON"), (";", None), (first, "PERSON"), (";", None), (v.nid(f), "NATIONAL_ID"), (";", None),
                 (v.phone(f), "PHONE_NUMBER"), ("\n", None)]
    return _form("Notepad", "import.csv - Notepad", None, "text", segs)


def t_id_search(v: Values) -> Made:
    """A national id or phone looked up in a web search box."""
    first, last, f = v.person()
    value, label = v.rng.choice(((v.nid(f), "NATIONAL_ID"), (v.phone(f), "PHONE_NUMBER")))
    return _form("Google Chrome", "Google - Google Chrome", "https://www.google.com/", "search",
                 [(value, label), (v.rng.choice(("\n", " who is this\n", " lookup\n")), None)])


TARGETS = {
    "tune": (t_signup, t_checkout, t_hr_onboarding, t_bank_transfer, t_ssn_boxes, t_crm_search, t_sheet, t_chat_tune,
             t_terminal, t_browser_url, t_contact_card, t_signature, t_delivery, t_git_identity, t_csv_semicolons,
             t_id_search),
    "held": (t_tax_portal, t_insurance, t_payroll_sheet, t_notes, t_psql, t_visa_form, t_chat_held, t_address_bar,
             t_browser_url),
}

WORK_TUNE = (
    "git cherry-pick 3f2a9c1e7b\n", "git checkout -b fix/login-timeout\n", "docker run -p 8080:80 nginx:1.25.3\n",
    "SELECT id, created_at FROM invoices WHERE total > 1200 ORDER BY 2 DESC LIMIT 50;\n", "=SUM(B2:B48)\n",
    "=VLOOKUP(A2,Sheet2!A:D,4,FALSE)\n", "bumped to v2.14.3, release notes in the wiki\n",
    "PLAT-2291 due 2026-01-15, est $4,200\n", "fix(auth): refresh token expiry off by one (#4821)\n",
    "def parse_amount(value: str) -> Decimal:\n", "order 100234871 shipped, tracking in the ticket\n",
    "https://github.com/apache/airflow/releases/tag/2.9.3\n", "kubectl -n payments rollout restart deploy/api\n",
    "see https://example.com/blog/release-notes-2024 for the changes\n",
)
WORK_HELD = (
    "git show a1b2c3d4e5f6 --stat\n", "git rebase -i HEAD~4\n", "pip install requests==2.31.0 urllib3==2.2.1\n",
    "UPDATE jobs SET retries = 3 WHERE queue = 'billing' AND created_at < '2026-11-30';\n", "=IFERROR(C2/D2,0)\n",
    "release 2024.11.0-rc2 is on staging\n", "invoice INV-20931 for €1.299,00 approved\n",
    "standup moved to 10:30 tomorrow, room 4B\n", "ssh deploy@k8s1node2cluster.internal 'uptime'\n",
    "const maxRetries = 3; // was 5\n", "PO 4500012345 covers 12 licences at $39/seat\n",
    "npm i lodash@4.17.21 --save-exact\n", "docs at https://docs.python.org/3.12/library/asyncio-task.html\n",
    "build 4812 is green, merging OPS-771\n",
)


# ---- typing habits
_NEAR = {c: n for row in ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm") for c, n in zip(row, row[1:] + row[-2])}


class Typist:
    """Key events typing segments with one person's habits."""

    def __init__(self, v: Values):
        self.v, self.t, self.events = v, 0, []
        self.mac = v.rng.random() < 0.4

    def _ev(self, key: str | None = None, mods: tuple[str, ...] = (), kind: str = "keydown", text: str | None = None) -> None:
        self.t += self.v.rng.randint(50, 220)
        e: dict = {"t": self.t, "type": kind}
        if key is not None:
            e["key"] = key
        if mods:
            e["mods"] = list(mods)
        if text is not None:
            e["text"] = text
        self.events.append(e)

    def key(self, ch: str) -> None:
        """One character as its key."""
        if ch == "\n":
            self._ev("Enter")
        elif ch == "\t":
            self._ev("Tab")
        elif ch.isupper() and self.v.rng.random() < 0.5:
            self._ev("Shift")
            self._ev(ch, ("Shift",))
        else:
            self._ev(ch)

    def plain(self, text: str) -> None:
        """Each character as its key."""
        for ch in text:
            self.key(ch)

    def wrong(self, ch: str) -> str:
        """A key next to `ch` on the keyboard."""
        low = ch.lower()
        return _NEAR.get(low, self.v.rng.choice("asdf"))

    def typed(self, text: str) -> None:
        """A value with one of the habits."""
        rng = self.v.rng
        habit = rng.choices(("plain", "typo", "late", "insert", "paste", "paste_keys", "caps", "shortcut"),
                            (30, 14, 16, 8, 10, 6, 4, 6))[0]
        if len(text) < 4 or habit == "plain":
            self.plain(text)
        elif habit == "typo":
            i = rng.randrange(1, len(text))
            self.plain(text[:i])
            self._ev(self.wrong(text[i]))
            self._ev("Backspace")
            self.plain(text[i:])
        elif habit == "late":
            burst = max(1, min(rng.choice(self.v.bursts), len(text) - 1))
            i = rng.randrange(0, len(text) - burst + 1)
            self.plain(text[:i])
            self._ev(self.wrong(text[i]))
            self.plain(text[i + 1:i + burst])
            for _ in range(burst):
                self._ev("Backspace")
            self.plain(text[i:])
        elif habit == "insert":
            i = rng.randrange(1, len(text) - 1)
            self.plain(text[:i] + text[i + 1:])
            back = len(text) - 1 - i
            for _ in range(back):
                self._ev("ArrowLeft")
            self.key(text[i])
            if rng.random() < 0.5:
                self._ev("ArrowRight", ("Meta",)) if self.mac else self._ev("End")
            else:
                for _ in range(back):
                    self._ev("ArrowRight")
        elif habit in ("paste", "paste_keys"):
            if habit == "paste_keys":
                self._ev("v", ("Meta",) if self.mac else ("Control",))
            self._ev(kind="paste", text=text)
        elif habit == "caps" and text == text.upper():
            self._ev("CapsLock")
            for ch in text:
                self._ev(ch)
            self._ev("CapsLock")
        elif habit == "caps":
            self.plain(text)
        else:  # a copy or save shortcut in the middle of the value
            i = rng.randrange(1, len(text))
            self.plain(text[:i])
            self._ev(rng.choice("cs"), ("Meta",) if self.mac else ("Control",))
            self.plain(text[i:])

    def retyped_whole(self, text: str) -> None:
        """A wrong first attempt, select-all, the value again (only at the start of a field)."""
        first = text[: max(2, len(text) // 2)] + self.wrong(text[-1])
        self.plain(first)
        self._ev("a", ("Meta",) if self.mac else ("Control",))
        self.plain(text)


def _events(v: Values, segs: list[Seg]) -> tuple[str, list[dict]]:
    """The typed text and key events for the segments, checked against the project's own rebuild;
    a habit whose events rebuild to another text is replaced by plain typing."""
    text = "".join(s for s, _ in segs)
    for attempt in range(3):
        typist = Typist(v)
        for i, (s, label) in enumerate(segs):
            if attempt == 2:
                typist.plain(s)
            elif i == 0 and label and v.rng.random() < 0.15:
                typist.retyped_whole(s)
            elif label or v.rng.random() < 0.3:
                typist.typed(s)
            else:
                typist.plain(s)
        events = tuple(KeyEvent(e["t"], e.get("key"), tuple(e.get("mods", ())), e["type"], e.get("text"))
                       for e in typist.events)
        rebuilt = rebuild_typed_text(events)
        if rebuilt.text == text and rebuilt.complete:
            return text, typist.events
    raise ValueError("probe bug: plain typing does not rebuild")


def generate(seed: str, n: int) -> list[tuple[dict, dict]]:
    """`n` keystroke records of `seed`, a fifth of them ordinary work."""
    v = Values(seed)
    work = WORK_TUNE if seed == "tune" else WORK_HELD
    out = []
    for i in range(n):
        rid = f"probe-keys-{seed}-{i:04d}"
        if i % 5 == 4:
            segs: list[Seg] = [(v.rng.choice(work), None)]
            app, title = v.rng.choice((("Terminal", "zsh — 120×40"), ("Slack", "#eng - Slack"),
                                       ("Microsoft Excel", "budget.xlsx - Excel"), ("Visual Studio Code", "main.py - api")))
            fields = {"app": app, "window_title": title, "field": "text"}
            spans: list = []
            hard = True
        else:
            made = v.rng.choice(TARGETS[seed])(v)
            segs = [s for s in made["segs"] if s[0]]
            fields = {k: made[k] for k in ("app", "window_title", "field")}
            if made.get("url"):
                fields["url"] = made["url"]
            spans = list(made.get("url_spans", [])) + list(made.get("title_spans", []))
            hard = False
        text, events = _events(v, segs)
        spans += [(label, "typed", s) for s, label in segs if label]
        fields["_typed"] = text
        fields["_spans"] = spans
        out.append(_entry("keystrokes", rid, fields, events, hard))
    return out


def _show(golds: list[dict], docs: dict[str, dict | None]) -> None:
    """Each leaked value with its field's output, and the ordinary words each typed text lost."""
    for g in golds:
        doc = docs.get(g["record_id"])
        if doc is None:
            continue
        for s in g["spans"]:
            if leaked(output_field(doc, s["field"]), s["value"], s["label"]):
                print(f" {s['label']:<14} {s['value']!r:<40} in {output_field(doc, s['field'])!r:.160}")
        for name, text in g["texts"].items():
            lost = words_outside(text, [s for s in g["spans"] if s["field"] == name]) - Counter(
                _WORD.findall(output_field(doc, name) or ""))
            if lost:
                print(f" LOST {name}: {sorted(lost)} in {output_field(doc, name)!r:.160}")


def main(argv: list[str] | None = None) -> int:
    """Generates the probe, runs it in process and prints its figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", choices=sorted(SEEDS), default="tune")
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--show-leaks", type=int, default=0)
    args = parser.parse_args(argv)
    probes = generate(args.seed, args.n)
    raws, golds = [p[0] for p in probes], [p[1] for p in probes]
    docs = run(raws)
    report(golds, docs, args.show_leaks)
    labels = Counter(s["label"] for g in golds for s in g["spans"])
    print("gold spans:", dict(labels))
    if args.show_leaks:
        _show(golds, docs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
