"""Probe of window titles, URLs and typed identifiers as other apps write them (issue 15), scored
in process with the project's scoring: per-record zero-leak and over-redaction.

    python -m evaluation.probe_titles --seed tune|held [--n 400] [--show-leaks 30]
    python -m evaluation.probe_titles --split /tmp/d11-dev [--kinds title_url keystrokes]

Values come from Faker in many locales and from the public sets in /work/shared/data (PERSON spans of
presidio-research's synthetic sentences, nicks and hosts of #ubuntu IRC logs), split between the
tuning and held-out seeds by a stable hash, so the held-out seed shows values the tuning never did.
Title and URL shapes are those real apps and browsers write, not this project's templates.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import zlib
from collections import Counter
from pathlib import Path
from typing import Callable

from faker import Faker

from evaluation.scoring import RecordScore, score_text, summarize

DATA = Path("/work/shared/data")
SEEDS = {"tune": 20261207, "held": 20261213}
LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "pl_PL", "nl_NL", "sv_SE", "fi_FI",
           "tr_TR", "ru_RU", "uk_UA", "cs_CZ", "hu_HU", "ro_RO", "da_DK", "no_NO", "ja_JP", "zh_CN", "ko_KR",
           "hi_IN", "en_IN", "vi_VN", "id_ID", "el_GR", "he_IL", "es_MX", "fil_PH")
BROWSERS = (" - Google Chrome", " — Mozilla Firefox", " - Microsoft\u200b Edge", "", " - Brave", " - Work - Microsoft\u200b Edge")
Probe = tuple[dict, dict]  # (raw record, gold entry)
HOST = "HOSTNAME"  # a login's host: not a core label (its leak is not scored), but its words are not ordinary work


def _half(value: str, seed: str) -> bool:
    """Whether a public value belongs to this seed's half (tune: even hash, held: odd)."""
    return zlib.crc32(value.encode()) % 2 == (0 if seed == "tune" else 1)


def _public_people(seed: str) -> list[str]:
    """PERSON values of presidio-research's synthetic sentences, this seed's half."""
    rows = json.loads((DATA / "pii_presidio_synth" / "synth_dataset_v2.json").read_text(encoding="utf-8"))
    names = {s["entity_value"].strip() for r in rows for s in r["spans"] if s["entity_type"] == "PERSON"}
    return sorted(n for n in names if 3 <= len(n) <= 40 and "\n" not in n and _half(n, seed))


def _public_nicks(seed: str) -> tuple[list[str], list[str]]:
    """Nicks and host names of the #ubuntu IRC logs, this seed's half."""
    nicks, hosts = set(), set()
    for path in sorted((DATA / "benign_ubuntu_irc").glob("*.raw.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        nicks.update(re.findall(r"^\[\d\d:\d\d\] <([A-Za-z][\w\-]{2,15})>", text, re.M))
        hosts.update(re.findall(r"\[~?[\w.\-]+@([\w.\-]+\.[a-z]{2,})\]", text))
    return (sorted(n for n in nicks if _half(n, seed)), sorted(h for h in hosts if _half(h, seed)))


class Values:
    """Random values of one seed: names, handles, hosts, account numbers, phones."""

    def __init__(self, seed: str):
        self.rng = random.Random(SEEDS[seed])
        self.fakers = [Faker(loc) for loc in LOCALES]
        for i, f in enumerate(self.fakers):
            f.seed_instance(SEEDS[seed] + i)
        self.people = _public_people(seed)
        self.nicks, self.hosts = _public_nicks(seed)

    def faker(self) -> Faker:
        """One locale's Faker."""
        return self.rng.choice(self.fakers)

    def name(self) -> str:
        """A full name: a public set's PERSON value or a Faker locale's."""
        if self.rng.random() < 0.3 and self.people:
            return self.rng.choice(self.people)
        f = self.faker()
        return f"{f.first_name()} {f.last_name()}"

    def first(self) -> str:
        """A given name of a Faker locale."""
        return self.faker().first_name()

    def handle(self) -> str:
        """A login: an IRC nick or a Faker user name."""
        roll = self.rng.random()
        if roll < 0.4 and self.nicks:
            return self.rng.choice(self.nicks)
        user = re.sub(r"[^\w.\-]", "", self.faker().user_name()) or "user"
        return user

    def host(self) -> str:
        """A host name: an IRC host or a Faker one."""
        if self.rng.random() < 0.5 and self.hosts:
            return self.rng.choice(self.hosts)
        return self.faker().hostname()

    def email(self) -> str:
        """An e-mail address of a Faker locale."""
        return self.faker().email()

    def phone(self) -> str:
        """A phone number as a Faker locale writes it, or an international one."""
        f = self.faker()
        if not hasattr(f, "phone_number") or self.rng.random() < 0.3:
            return "+" + self.rng.choice("1234679") + self.digits(9, 11)
        return f.phone_number()

    def iban(self) -> str:
        """An IBAN, compact or in groups of four."""
        iban = self.faker().iban()
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if self.rng.random() < 0.5 else iban

    def digits(self, low: int, high: int) -> str:
        """A number of `low` to `high` digits, not starting with 0."""
        n = self.rng.randint(low, high)
        return self.rng.choice("123456789") + "".join(self.rng.choice("0123456789") for _ in range(n - 1))

    def alnum(self, n: int, alphabet: str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") -> str:
        """`n` characters of `alphabet`."""
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def slug(self, name: str) -> str:
        """A URL slug of `name`."""
        return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or self.handle().lower()

    def org(self) -> str:
        """An organisation's short name as URLs write it."""
        word = self.fakers[0].word() + self.rng.choice(("", "labs", "hq", "io", "-eng", "corp"))
        return re.sub(r"[^a-z0-9\-]+", "", word.lower()) or "acme"

    def browser(self) -> str:
        """A browser's title suffix (or none, as Safari)."""
        return self.rng.choice(BROWSERS)


def _title(app: str, title: str, url: str | None, spans: list[tuple[str, str, str]]) -> dict:
    """A title record's fields and gold spans (label, field, value)."""
    return {"app": app, "window_title": title, **({"url": url} if url else {}), "_spans": spans}


# Each template: Values -> fields with "_spans" [(label, field, value)]; a value absent from its field is a bug.
def _t_gmail(v: Values) -> dict:
    mail = v.email()
    return _title("Google Chrome", f"Inbox ({v.rng.randint(1, 99)}) - {mail} - Gmail{v.browser()}",
                  "https://mail.google.com/mail/u/0/#inbox", [("EMAIL_ADDRESS", "window_title", mail)])


def _t_outlook(v: Values) -> dict:
    name = v.name()
    return _title("Microsoft Edge", f"Mail - {name} - Outlook{v.browser()}", "https://outlook.office.com/mail/inbox",
                  [("PERSON", "window_title", name)])


def _t_jira_profile(v: Values) -> dict:
    name, acc = v.name(), v.alnum(24, "0123456789abcdef")
    return _title("Google Chrome", f"{name} - Jira{v.browser()}", f"https://{v.org()}.atlassian.net/jira/people/{acc}",
                  [("PERSON", "window_title", name), ("ACCOUNT_NUMBER", "url", acc)])


def _t_github_pr(v: Values) -> dict:
    h = v.handle()
    n = v.rng.randint(10, 9999)
    return _title("Google Chrome", f"Fix flaky retry in scheduler by {h} · Pull Request #{n} · {v.org()}/pipeline · GitHub{v.browser()}",
                  f"https://github.com/{v.org()}/pipeline/pull/{n}", [("USERNAME", "window_title", h)])


def _t_github_profile(v: Values) -> dict:
    h, name = v.handle(), v.name()
    return _title("Safari", f"{h} ({name}) · GitHub", f"https://github.com/{h}",
                  [("USERNAME", "window_title", h), ("PERSON", "window_title", name), ("USERNAME", "url", h)])


def _t_gitlab(v: Values) -> dict:
    h, name = v.handle(), v.name()
    return _title("Mozilla Firefox", f"{name} · GitLab — Mozilla Firefox", f"https://gitlab.com/{h}",
                  [("PERSON", "window_title", name), ("USERNAME", "url", h)])


def _t_azure_devops(v: Values) -> dict:
    name = v.name()
    return _title("Microsoft Edge", f"Work items assigned to {name} - Boards{v.browser()}",
                  f"https://dev.azure.com/{v.org()}/Platform/_workitems/assignedtome/", [("PERSON", "window_title", name)])


def _t_aws_user(v: Values) -> dict:
    h = v.handle()
    acct = v.digits(12, 12).rjust(12, "1")
    return _title("Google Chrome", f"{h} | IAM | Global{v.browser()}",
                  f"https://{acct}.signin.aws.amazon.com/console/iam/home#/users/details/{h}",
                  [("USERNAME", "window_title", h), ("ACCOUNT_NUMBER", "url", acct), ("USERNAME", "url", h)])


def _t_aws_account(v: Values) -> dict:
    acct = v.digits(12, 12).rjust(12, "4")
    dashed = f"{acct[:4]}-{acct[4:8]}-{acct[8:]}"
    return _title("Google Chrome", f"Billing and Cost Management | Account {dashed}{v.browser()}",
                  "https://us-east-1.console.aws.amazon.com/billing/home#/account", [("ACCOUNT_NUMBER", "window_title", dashed)])


def _t_gcp(v: Values) -> dict:
    mail = v.email()
    return _title("Google Chrome", f"IAM – IAM & Admin – {v.org()}-prod – Google Cloud console{v.browser()}",
                  f"https://console.cloud.google.com/iam-admin/iam/principal/{mail}?project={v.org()}-prod",
                  [("EMAIL_ADDRESS", "url", mail)])


def _t_entra(v: Values) -> dict:
    name = v.name()
    return _title("Microsoft Edge", f"{name} - Microsoft Entra admin center{v.browser()}",
                  "https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade",
                  [("PERSON", "window_title", name)])


def _t_salesforce(v: Values) -> dict:
    name, rid = v.name(), "003" + v.alnum(12) + v.alnum(3, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return _title("Google Chrome", f"{name} | Contact | Salesforce{v.browser()}",
                  f"https://{v.org()}.lightning.force.com/lightning/r/Contact/{rid}/view",
                  [("PERSON", "window_title", name), ("ACCOUNT_NUMBER", "url", rid)])


def _t_hubspot(v: Values) -> dict:
    name, mail = v.name(), v.email()
    cid = v.digits(9, 11)
    return _title("Google Chrome", f"{name} ({mail}) | HubSpot{v.browser()}",
                  f"https://app.hubspot.com/contacts/{v.digits(7, 8)}/record/0-1/{cid}",
                  [("PERSON", "window_title", name), ("EMAIL_ADDRESS", "window_title", mail), ("ACCOUNT_NUMBER", "url", cid)])


def _t_zendesk(v: Values) -> dict:
    name, uid = v.name(), v.digits(11, 13)
    return _title("Google Chrome", f"{name} – Customer – Zendesk{v.browser()}",
                  f"https://{v.org()}.zendesk.com/agent/users/{uid}/requested_tickets",
                  [("PERSON", "window_title", name), ("ACCOUNT_NUMBER", "url", uid)])


def _t_intercom(v: Values) -> dict:
    name = v.name()
    return _title("Google Chrome", f"Conversation with {name} | Intercom{v.browser()}",
                  f"https://app.intercom.com/a/inbox/{v.alnum(8, 'abcdefghijklmnopqrstuvwxyz0123456789')}/inbox/conversation/{v.digits(14, 15)}",
                  [("PERSON", "window_title", name)])


def _t_stripe(v: Values) -> dict:
    cus = "cus_" + v.alnum(14)
    mail = v.email()
    return _title("Google Chrome", f"{mail} – Customers – Stripe{v.browser()}", f"https://dashboard.stripe.com/customers/{cus}",
                  [("EMAIL_ADDRESS", "window_title", mail), ("ACCOUNT_NUMBER", "url", cus)])


def _t_shopify(v: Values) -> dict:
    name, cid = v.name(), v.digits(13, 13)
    return _title("Google Chrome", f"{name} · Customers · {v.org()} · Shopify{v.browser()}",
                  f"https://admin.shopify.com/store/{v.org()}/customers/{cid}",
                  [("PERSON", "window_title", name), ("ACCOUNT_NUMBER", "url", cid)])


def _t_bank(v: Values) -> dict:
    iban = v.iban()
    word = v.rng.choice(("Kontoübersicht", "Account details", "Détail du compte", "Rekening", "Cuenta"))
    return _title("Google Chrome", f"{word} {iban} – Online Banking{v.browser()}", None, [("ACCOUNT_NUMBER", "window_title", iban)])


def _t_bank_account(v: Values) -> dict:
    acct = v.digits(8, 10)
    word = v.rng.choice(("Checking", "Savings", "Current account", "Girokonto", "Everyday Account"))
    return _title("Google Chrome", f"{word} ({acct}) - Accounts{v.browser()}", "https://secure.examplebank.com/accounts/summary",
                  [("ACCOUNT_NUMBER", "window_title", acct)])


def _t_zoom(v: Values) -> dict:
    name, mid = v.name(), v.digits(10, 11)
    return _title("zoom.us", f"Zoom Meeting - {name}'s Personal Meeting Room", f"https://zoom.us/j/{mid}",
                  [("PERSON", "window_title", name), ("SECRET", "url", mid)])


def _t_teams(v: Values) -> dict:
    name = v.name()
    shape = v.rng.choice(("Chat | {n} | Microsoft Teams", "{n} (External) | Microsoft Teams", "Call with {n} | Microsoft Teams"))
    return _title("Microsoft Teams", shape.format(n=name), None, [("PERSON", "window_title", name)])


def _t_slack_dm(v: Values) -> dict:
    h = v.handle()
    return _title("Slack", f"{h} (DM) - {v.org()} - Slack", None, [("USERNAME", "window_title", h)])


def _t_discord(v: Values) -> dict:
    h = v.handle()
    return _title("Discord", f"Discord | @{h}", f"https://discord.com/channels/@me/{v.digits(17, 18)}",
                  [("USERNAME", "window_title", h)])


def _t_whatsapp(v: Values) -> dict:
    phone = v.digits(11, 12)
    return _title("Google Chrome", f"WhatsApp{v.browser()}", f"https://web.whatsapp.com/send?phone={phone}&text=hi",
                  [("PHONE_NUMBER", "url", phone)])


def _t_telegram(v: Values) -> dict:
    name, h = v.name(), v.handle()
    return _title("Google Chrome", f"{name} – Telegram Web{v.browser()}", f"https://web.telegram.org/k/#@{h}",
                  [("PERSON", "window_title", name), ("USERNAME", "url", h)])


def _t_notion(v: Values) -> dict:
    name = v.name()
    return _title("Notion", f"1:1 {name} / Weekly notes", f"https://www.notion.so/{v.org()}/1-1-notes-{v.alnum(32, '0123456789abcdef')}",
                  [("PERSON", "window_title", name)])


def _t_confluence(v: Values) -> dict:
    name, acc = v.name(), f"{v.digits(6, 6)}:{v.alnum(8, '0123456789abcdef')}-{v.alnum(4, '0123456789abcdef')}"
    return _title("Google Chrome", f"{name} - Confluence{v.browser()}", f"https://{v.org()}.atlassian.net/wiki/people/{acc}",
                  [("PERSON", "window_title", name), ("ACCOUNT_NUMBER", "url", acc)])


def _t_calendly(v: Values) -> dict:
    name = v.name()
    slug = v.slug(name)
    return _title("Google Chrome", f"30 Minute Meeting - {name}{v.browser()}", f"https://calendly.com/{slug}/30min",
                  [("PERSON", "window_title", name), ("USERNAME", "url", slug)])


def _t_linkedin(v: Values) -> dict:
    name = v.name()
    slug = f"{v.slug(name)}-{v.alnum(8, '0123456789abcdef')}"
    return _title("Google Chrome", f"({v.rng.randint(1, 9)}) {name} | LinkedIn{v.browser()}", f"https://www.linkedin.com/in/{slug}/",
                  [("PERSON", "window_title", name), ("USERNAME", "url", slug)])


def _t_password_manager(v: Values) -> dict:
    mail = v.email()
    shape = v.rng.choice(("1Password — {m}", "Bitwarden Web vault | {m}", "LastPass - {m}", "Dashlane - {m}"))
    return _title("1Password", shape.format(m=mail), None, [("EMAIL_ADDRESS", "window_title", mail)])


def _t_rdp(v: Values) -> dict:
    h = v.handle()
    shape = v.rng.choice(("{h}@{host} - PuTTY", "{host} - {h} - Remote Desktop Connection", "{h}@{host}: ~", "ssh {h}@{host}"))
    host = v.host()
    return _title("PuTTY", shape.format(h=h, host=host), None, [("USERNAME", "window_title", h), (HOST, "window_title", host)])


def _t_teamviewer(v: Values) -> dict:
    tid = " ".join(v.digits(3, 3).rjust(3, "5") for _ in range(3))
    return _title("TeamViewer", f"TeamViewer - {tid}", None, [("ACCOUNT_NUMBER", "window_title", tid)])


def _t_mac_terminal(v: Values) -> dict:
    h = v.handle()
    shape = v.rng.choice(("{h} — -zsh — 80×24", "{h} — ssh {h}@{host} — 120×40", "{h}@{host}: ~/src (zsh)",
                          "MINGW64:/c/Users/{h}/source/repos", "Administrator: C:\\Users\\{h}\\Downloads"))
    host = v.host()
    spans = [("USERNAME", "window_title", h)] + ([(HOST, "window_title", host)] if "{host}" in shape else [])
    return _title("Terminal", shape.format(h=h, host=host), None, spans)


def _t_vscode_remote(v: Values) -> dict:
    h = v.handle()
    host = v.host()
    return _title("Visual Studio Code", f"main.py - pipeline [SSH: {h}@{host}] - Visual Studio Code", None,
                  [("USERNAME", "window_title", h), (HOST, "window_title", host)])


def _t_hr(v: Values) -> dict:
    name = v.name()
    shape = v.rng.choice(("{n} - Workday", "{n} - Employee - BambooHR", "Time off request · {n} · Personio", "{n} | Gusto"))
    return _title("Google Chrome", shape.format(n=name) + v.browser(), None, [("PERSON", "window_title", name)])


def _t_customer_id(v: Values) -> dict:
    cid = v.rng.choice((v.digits(6, 10), "C" + v.digits(6, 8), v.digits(3, 3) + "-" + v.digits(6, 7)))
    word = v.rng.choice(("Customer", "Kunde", "Client", "Debitor", "Member"))
    return _title("Google Chrome", f"{word} {cid} - SAP Fiori{v.browser()}", None, [("ACCOUNT_NUMBER", "window_title", cid)])


def _t_phone_app(v: Values) -> dict:
    phone = v.phone()
    shape = v.rng.choice(("Call with {p} - Dialpad", "{p} - RingCentral", "Google Voice - {p}", "Incoming call: {p}"))
    return _title("Google Chrome", shape.format(p=phone), None, [("PHONE_NUMBER", "window_title", phone)])


TITLES: tuple[Callable[[Values], dict], ...] = (
    _t_gmail, _t_outlook, _t_jira_profile, _t_github_pr, _t_github_profile, _t_gitlab, _t_azure_devops, _t_aws_user,
    _t_aws_account, _t_gcp, _t_entra, _t_salesforce, _t_hubspot, _t_zendesk, _t_intercom, _t_stripe, _t_shopify,
    _t_bank, _t_bank_account, _t_zoom, _t_teams, _t_slack_dm, _t_discord, _t_whatsapp, _t_telegram, _t_notion,
    _t_confluence, _t_calendly, _t_linkedin, _t_password_manager, _t_rdp, _t_teamviewer, _t_mac_terminal,
    _t_vscode_remote, _t_hr, _t_customer_id, _t_phone_app)

# Ordinary work titles (no PII): every word lost counts as over-redaction.
WORK_TITLES = (
    ("Google Chrome", "[PLAT-{n}] Migrate billing cron to Airflow - Jira{b}", "https://{o}.atlassian.net/browse/PLAT-{n}"),
    ("Google Chrome", "Pull requests · apache/airflow · GitHub{b}", "https://github.com/apache/airflow/pulls"),
    ("Google Chrome", "Bump lodash from 4.17.20 to 4.17.21 by dependabot · Pull Request #{n} · {o}/web · GitHub{b}",
     "https://github.com/{o}/web/pull/{n}"),
    ("Google Chrome", "Commit 3f2a9c1 · {o}/infra · GitHub{b}", "https://github.com/{o}/infra/commit/3f2a9c1e7b"),
    ("Google Chrome", "EC2 Management Console{b}", "https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:"),
    ("Google Chrome", "Orders · {o} · Shopify{b}", "https://admin.shopify.com/store/{o}/orders"),
    ("Google Chrome", "Invoice INV-{n} – QuickBooks{b}", "https://app.qbo.intuit.com/app/invoice?txnId={n}"),
    ("Google Chrome", "Q3 Roadmap - Product - Confluence{b}", "https://{o}.atlassian.net/wiki/spaces/PROD/pages/{n}/Q3+Roadmap"),
    ("Microsoft Teams", "General (Platform) | Microsoft Teams", None),
    ("Slack", "#incident-{n} - {o} - Slack", None),
    ("Zoom", "Zoom Meeting", None),
    ("Terminal", "kubectl get pods -n payments — 120×40", None),
    ("Google Chrome", "Build #{n} - release-pipeline - Azure DevOps Services{b}", "https://dev.azure.com/{o}/Platform/_build/results?buildId={n}"),
    ("Google Chrome", "Dashboards - Grafana{b}", "https://grafana.{o}.io/dashboards"),
    ("Google Chrome", "Sales Pipeline Report | Salesforce{b}", "https://{o}.lightning.force.com/lightning/o/Report/home"),
    ("Figma", "Design System v2 – Figma", None),
    ("Google Chrome", "Flight search results - London to Lisbon - Skyscanner{b}", "https://www.skyscanner.net/transport/flights/lond/lis/"),
    ("Visual Studio Code", "settings.py - billing-service - Visual Studio Code", None),
    ("Google Chrome", "Ticket #{n}: Refund not applied – Zendesk{b}", "https://{o}.zendesk.com/agent/tickets/{n}"),
    ("Notion", "Sprint 42 retro", None),
)


# ---- keystrokes
def _typed_events(v: Values, text: str, noisy: bool = True) -> list[dict]:
    """Key events typing `text`: sometimes a typo fixed with Backspace, a capital as Shift + small letter,
    a digit from the numpad (the same key value)."""
    events, t = [], 0
    for ch in text:
        t += v.rng.randint(60, 200)
        if noisy and ch.isalnum() and v.rng.random() < 0.06:
            events.append({"t": t, "key": v.rng.choice("qwertyuiop"), "type": "keydown"})
            t += 90
            events.append({"t": t, "key": "Backspace", "type": "keydown"})
            t += 90
        if ch == "\n":
            events.append({"t": t, "key": "Enter", "type": "keydown"})
        elif ch.isupper() and ch.lower() != ch and noisy and v.rng.random() < 0.4:
            events.append({"t": t, "key": ch.lower(), "mods": ["Shift"], "type": "keydown"})
        else:
            events.append({"t": t, "key": ch, "type": "keydown"})
    return events


def _k(app: str, title: str, field: str, text: str, spans: list[tuple[str, str]], url: str | None = None) -> dict:
    return {"app": app, "window_title": title, "field": field, "_typed": text, **({"url": url} if url else {}),
            "_spans": [(label, "typed", value) for label, value in spans]}


def _k_transfer(v: Values) -> dict:
    iban, name = v.iban(), v.name()
    return _k("Google Chrome", "New transfer – Online Banking - Google Chrome", "text", f"{name}\t{iban}\t120.00\tRent",
              [("PERSON", name), ("ACCOUNT_NUMBER", iban)])


def _k_account_field(v: Values) -> dict:
    acct = v.rng.choice((v.digits(8, 12), v.digits(4, 4) + " " + v.digits(4, 4) + " " + v.digits(2, 4)))
    field = v.rng.choice(("account_number", "accountNumber", "acct", "text", "input"))
    return _k("Google Chrome", "Add payee - Bank - Google Chrome", field, acct, [("ACCOUNT_NUMBER", acct)])


def _k_phone_form(v: Values) -> dict:
    phone = v.phone()
    field = v.rng.choice(("phone", "tel", "mobile", "text", "guest_phone"))
    return _k("Google Chrome", "Guest details – Booking.com - Google Chrome", field, phone, [("PHONE_NUMBER", phone)])


def _k_phone_chat(v: Values) -> dict:
    phone = v.phone()
    lead = v.rng.choice(("call me at {p}", "my cell: {p}", "reach me on {p} after 5", "ring {p} if the build breaks", "{p}"))
    return _k("Slack", f"{v.handle()} (DM) - {v.org()} - Slack", "text", lead.format(p=phone), [("PHONE_NUMBER", phone)])


def _k_customer_search(v: Values) -> dict:
    cid = v.rng.choice(("cus_" + v.alnum(14), v.digits(7, 10), "CUST" + v.digits(5, 7)))
    return _k("Google Chrome", "Search – Customers – Stripe - Google Chrome", "search", cid, [("ACCOUNT_NUMBER", cid)])


def _k_slack_search(v: Values) -> dict:
    h = v.handle()
    text = v.rng.choice((f"from:@{h} deploy", f"in:@{h}", f"@{h} can you check the deploy"))
    return _k("Slack", f"#ops - {v.org()} - Slack", "text", text, [("USERNAME", h)])


def _k_ssh(v: Values) -> dict:
    h, host = v.handle(), v.host()
    text = v.rng.choice((f"ssh {h}@{host}\n", f"scp build.tar.gz {h}@{host}:/tmp/\n", f"sudo -u {h} -i\n"))
    return _k("Terminal", "bash — 80×24", "text", text, [("USERNAME", h)] + ([(HOST, host)] if host in text else []))


def _k_to_field(v: Values) -> dict:
    name, mail = v.name(), v.email()
    return _k("Microsoft Outlook", "Untitled - Message (HTML)", "to", f"{name} <{mail}>; ",
              [("PERSON", name), ("EMAIL_ADDRESS", mail)])


def _k_login(v: Values) -> dict:
    h = v.handle()
    return _k("Google Chrome", "Sign in - Google Accounts - Google Chrome", "identifier", h, [("USERNAME", h)])


def _k_title_only(v: Values) -> dict:
    made = v.rng.choice(TITLES)(v)
    return {**made, "field": "text", "_typed": "thanks, looking now\n"}


KEYSTROKES: tuple[Callable[[Values], dict], ...] = (
    _k_transfer, _k_account_field, _k_phone_form, _k_phone_chat, _k_customer_search, _k_slack_search, _k_ssh,
    _k_to_field, _k_login, _k_title_only)

WORK_TYPED = ("merged the hotfix, redeploying to staging now\n", "SELECT count(*) FROM orders WHERE status = 'open';\n",
              "git rebase -i HEAD~3\n", "Q3 revenue up 4.2% on Q2; churn flat\n", "order 10482 shipped, tracking in the ticket\n",
              "port 5432 is blocked on the build box\n", "meeting moved to 14:30, room 4B\n")


def _entry(kind: str, rid: str, fields: dict, events: list[dict] | None, hard_negative: bool) -> Probe:
    """The raw record and its gold entry, offsets found in the field texts."""
    spans = fields.pop("_spans", [])
    typed = fields.pop("_typed", None)
    raw = {"record_id": rid, "kind": "keystrokes", "user_id": "emp-probe", "ts": "2026-06-09T08:00:00Z",
           "field": fields.pop("field", "text"), **fields,
           "events": events if events is not None else [{"t": 0, "key": "s", "mods": ["Control"], "type": "keydown"}]}
    texts = {name: raw[name] for name in ("app", "window_title", "url") if name in raw}
    if typed is not None:
        texts["typed"] = typed
    gold_spans = []
    for label, field, value in spans:
        start = texts[field].find(value)
        if start < 0:
            raise ValueError(f"probe bug: a {label} value is absent from {field}")
        gold_spans.append({"label": label, "field": field, "start": start, "end": start + len(value), "value": value})
    gold = {"record_id": rid, "kind_of_text": kind, "category": "benign", "hard_negative": hard_negative,
            "recipe": kind, "spans": gold_spans, "texts": texts}
    return raw, gold


def generate(seed: str, n: int) -> list[Probe]:
    """`n` title records and `n` keystroke records of `seed`, a fifth of each ordinary work."""
    v = Values(seed)
    out: list[Probe] = []
    for i in range(n):
        if i % 5 == 4:
            app, title, url = v.rng.choice(WORK_TITLES)
            fields = {"app": app, "window_title": title.format(n=v.rng.randint(100, 9999), o=v.org(), b=v.browser())}
            if url:
                fields["url"] = url.format(n=v.rng.randint(100, 9999), o=v.org())
            out.append(_entry("title_url", f"probe-t{i:04d}", fields, None, True))
        else:
            out.append(_entry("title_url", f"probe-t{i:04d}", v.rng.choice(TITLES)(v), None, False))
    for i in range(n):
        if i % 5 == 4:
            text = v.rng.choice(WORK_TYPED)
            fields = {"app": "Slack", "window_title": f"#eng - {v.org()} - Slack", "_typed": text}
            out.append(_entry("keystrokes", f"probe-k{i:04d}", fields, _typed_events(v, text), True))
            continue
        fields = v.rng.choice(KEYSTROKES)(v)
        out.append(_entry("keystrokes", f"probe-k{i:04d}", fields, _typed_events(v, fields["_typed"]), False))
    return out


def run(raws: list[dict], batch: int = 32) -> dict[str, dict | None]:
    """Each raw record through the pipeline's own detection and policy, in process: the sanitized doc
    by id, None when dropped."""
    from models.detection import detect_batch
    from models.engine import build_detector, fitted_to_policy, settings_for_policy
    from models.parse import ParseError, parse_line
    from models.policy import DEFAULT_POLICY, load_policy
    from models.records import PreparedRecord
    from models.redaction import apply_policy
    from models.text_views import text_fields

    policy = load_policy(DEFAULT_POLICY)
    settings = fitted_to_policy(settings_for_policy(policy), policy)
    detector = build_detector(settings)
    docs: dict[str, dict | None] = {}
    for i in range(0, len(raws), batch):
        prepared = []
        for raw in raws[i:i + batch]:
            try:
                parsed = parse_line(json.dumps(raw, ensure_ascii=False).encode(), "probe.jsonl")
            except ParseError:  # quarantined: nothing written
                continue
            prepared.append(PreparedRecord(parsed, text_fields(parsed)))
        for finding in detect_batch(detector, prepared, settings):
            result = apply_policy(finding, policy, b"probe-pseudonym-key-0123456789abcdef")
            rid = finding.prepared.record.record_id
            docs[rid] = json.loads(result.json_line) if hasattr(result, "json_line") else None
    return docs


def report(golds: list[dict], docs: dict[str, dict | None], show: int) -> None:
    """Zero-leak and over-redaction by kind, labels' zero-leak, and the leaked fields of the first misses."""
    scores: list[RecordScore] = []
    for gold in golds:
        scores.append(score_text(gold, docs.get(gold["record_id"])))
    figures = summarize(scores)
    for kind, fig in figures["zero_leak_by_kind"].items():
        over = figures["over_redaction_by_kind"].get(kind, {})
        print(f"{kind}: zero-leak kept {fig['kept']['value']} (n={fig['kept']['n']}), over-redaction {over.get('value')}")
    for key, fig in figures["zero_leak_by_label_and_kind"].items():
        print(f"  {key}: {fig['value']} (n={fig['n']})")
    misses = Counter(f for s in scores for f in s.leaked_fields)
    print("leaked:", dict(misses.most_common()))
    shown = 0
    by_id = {g["record_id"]: g for g in golds}
    for s in scores:
        if s.leaked_fields and shown < show:
            shown += 1
            print(" LEAK", s.leaked_fields, json.dumps(by_id[s.record_id]["texts"], ensure_ascii=False)[:300])
    lost = [s for s in scores if s.words_lost and shown < show * 2]
    for s in lost[:show]:
        doc = docs.get(s.record_id) or {}
        print(" LOST", s.words_lost, json.dumps({k: doc.get(k) for k in ("window_title", "url")}, ensure_ascii=False)[:300])


def main(argv: list[str] | None = None) -> int:
    """Generates the probe (or reads a built split), runs it in process and prints its figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", choices=sorted(SEEDS), default="tune")
    parser.add_argument("--n", type=int, default=400, help="records of each kind")
    parser.add_argument("--split", help="a built split's directory (gold.jsonl, input/records.jsonl) instead of the probe")
    parser.add_argument("--kinds", nargs="+", default=["title_url", "keystrokes"])
    parser.add_argument("--show-leaks", type=int, default=0)
    args = parser.parse_args(argv)
    if args.split:
        split = Path(args.split)
        golds = [g for g in map(json.loads, (split / "gold.jsonl").read_text(encoding="utf-8").splitlines())
                 if g["kind_of_text"] in args.kinds]
        wanted = {g["record_id"] for g in golds}
        raws = [r for r in map(json.loads, (split / "input" / "records.jsonl").read_text(encoding="utf-8").splitlines())
                if r.get("record_id") in wanted]
    else:
        probes = generate(args.seed, args.n)
        raws, golds = [p[0] for p in probes], [p[1] for p in probes]
    docs = run(raws)
    report(golds, docs, args.show_leaks)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
