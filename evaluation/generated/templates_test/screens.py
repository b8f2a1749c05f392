"""Test family: app screens with layouts, palettes and texts of their own. Never tune against these."""
from __future__ import annotations

import random

from evaluation.generated.records import Screen, ScreenRecipe as S
from evaluation.generated.screen_parts import (
    AVATAR_COLOURS,
    avatar,
    bar,
    form,
    grid,
    message,
    mono_lines,
    page,
    pick_style,
    side_list,
    table,
)
from evaluation.generated.spans import Slots

ACCENTS = (("#0f766e", "#ecfeff"), ("#7c2d12", "#fff7ed"), ("#334155", "#f8fafc"), ("#be185d", "#fdf2f8"),
           ("#ca8a04", "#1c1917"), ("#4338ca", "#eef2ff"), ("#d1d5db", "#111827"), ("#15803d", "#f0fdf4"))
SIZES = (11, 22)
_VIEWPORTS = ((1366, 768), (1200, 750), (960, 600))
_EXTRA = ".bar { border-bottom: 3px solid rgba(127,127,127,0.35); } .item.sel { border-left: 4px solid var(--accent); }"


def _screen(rng: random.Random, theme: str, app: str, title: str, url: str, body: str) -> Screen:
    width, height = rng.choice(_VIEWPORTS)
    return Screen(app, title, url, page(pick_style(rng, theme, ACCENTS, SIZES), body, _EXTRA), width, height)


def _face(s: Slots, key: str, rng: random.Random) -> str:
    return avatar(s.html(f"{{{key}.initials}}", "avatar"), rng.choice(AVATAR_COLOURS))


def _tabs(s: Slots, names: list[str], active: int) -> str:
    cells = [f'<span style="{"font-weight:700; text-decoration:underline" if i == active else "opacity:0.8"}">{n}</span>'
             for i, n in enumerate(names)]
    return bar(*cells, css="background:var(--side); color:var(--fg)")


def mail(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Mail client: tabs on top, a message open, the list on the right."""
    listing = side_list([s.html(f"{{p{i}.last_first}}", "sidebar") for i in range(3, 8)], 1, {0: rng.randint(2, 9)},
                        heading="Unread first")
    reading = (f'<h3>{s.html("Quote for {company}", "body")}</h3>'
               + message(_face(s, "p2", rng), s.html("{p2.full}", "body"), "Tue 14:02",
                         s.html("From: {p2.email} — please wire to {iban} and confirm to {p3.first}.", "body")))
    body = (bar(s.html("{p1.email}", "header"), "Thunderbird") + _tabs(s, ["Inbox", "Archive", "Spam"], 0)
            + grid("1fr 260px", reading, listing))
    return _screen(rng, theme, "Thunderbird", "Inbox - Mozilla Thunderbird", "", body)


def team_chat(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Team chat: channel header, thread in the middle, member list on the right."""
    thread = "".join(message(_face(s, key, rng), s.html(f"{{{key}.login}}", "body"), f"{rng.randint(8, 18)}:{rng.randint(10, 59)}",
                             s.html(text, "body")) for key, text in (
        ("p2", "@{p3.login} the release notes need your sign-off"), ("p3", "on it, {p2.first}"),
        ("p4", "fyi the staging db password rotated: {password}")))
    members = side_list([s.html(f"{{p{i}.full}}", "sidebar") for i in range(2, 6)], 2, {}, heading="Members")
    body = bar(s.html("~ releases", "header"), s.html("signed in as {p1.login}", "header")) + grid("1fr 240px", thread, members)
    return _screen(rng, theme, "Mattermost", "releases - Mattermost", "", body)


def terminal(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Terminal: a shell session over ssh, history and a config file."""
    prompt = "[{p1.login}@{server} {repo}]# "
    lines = [s.html(prompt + "whoami", "terminal"), s.html("{p1.login}", "terminal"),
             s.html(prompt + "cat ~/.pgpass", "terminal"), s.html("{server}:5432:*:{p1.login}:{password}", "terminal"),
             s.html(prompt + "tail -1 ~/.ssh/authorized_keys", "terminal"),
             s.html("ssh-ed25519 {ssh_key} {p2.email}", "terminal"), s.html(prompt + "echo $VAULT_TOKEN", "terminal"),
             s.html("{token}", "terminal")]
    body = bar(s.html("{p1.login}@{server}", "header"), css="justify-content:center") + mono_lines(lines, "padding:12px")
    return _screen(rng, theme, "GNOME Terminal", "Terminal", "", body)


def ide(s: Slots, rng: random.Random, theme: str) -> Screen:
    """IDE: tabs of open files, a compose file with secrets, a git panel with authors."""
    code = [s.html("services:", "code"), s.html("  db:", "code"), s.html("    environment:", "code"),
            s.html("      POSTGRES_PASSWORD: {password}", "code"), s.html("      ADMIN_EMAIL: {p2.email}", "code"),
            s.html("    volumes: [/Users/{p1.login}/data:/var/lib/db]", "code")]
    git = side_list([s.html(f"{{p{i}.full}} · fix", "sidebar") for i in (2, 3, 4)], 0, {}, heading="Git log")
    body = _tabs(s, ["docker-compose.yml", "main.py", "README.md"], 0) + grid("1fr 280px", mono_lines(code, "padding:8px"), git)
    return _screen(rng, theme, "PyCharm", "docker-compose.yml – PyCharm", "", body)


def issue_tracker(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Issue tracker: a board of cards with assignees and a reporter's contact."""
    cards = [f'<div style="border:1px solid var(--line); margin:6px; padding:6px">{s.html("{ticket} flaky upload", "body")}<br>'
             f'{_face(s, f"p{i}", rng)} {s.html(f"{{p{i}.first}}", "body")}</div>' for i in range(2, 5)]
    body = (bar("Linear", s.html("{p1.full}", "header")) + grid("1fr 1fr 1fr", *cards)
            + form([("Reported by", s.html("{p5.email}", "form")), ("Customer", s.html("{account}", "form"))]))
    return _screen(rng, theme, "Linear", "Board - Linear", "", body)


def crm(s: Slots, rng: random.Random, theme: str) -> Screen:
    """CRM: a deal with its contact card on the left and notes."""
    card = form([("Contact", s.html("{p2.last_first}", "form")), ("Mobile", s.html("{phone}", "form")),
                 ("Work email", s.html("{p2.email}", "form")), ("Billing", s.html("{address}", "form"))])
    notes = "<p>" + s.html("{p1.first}: {p2.first} wants the renewal quote by friday, customer {account}.", "body") + "</p>"
    body = bar(s.html("Deal: {company}", "header"), s.html("{p1.initials}", "header")) + grid("360px 1fr", card, notes)
    return _screen(rng, theme, "Google Chrome", "Deal - HubSpot", "https://app.hubspot.com/contacts/2/deal/9", body)


def calendar(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Calendar: an open event with its guest list."""
    guests = side_list([s.html(f"{{p{i}.email}}", "sidebar") for i in range(2, 6)], -1, {}, heading="Guests")
    event = form([("Title", s.html("Architecture review ({repo})", "form")), ("Organizer", s.html("{p2.full}", "form")),
                  ("Dial-in", s.html("{phone}", "form")), ("Room", "4.12")])
    body = bar(s.html("{p1.full} — Calendar", "header")) + grid("1fr 300px", event, guests)
    return _screen(rng, theme, "Outlook", "Calendar - Outlook", "", body)


def doc_editor(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Document editor: a page with a mention, a table of owners and who is viewing."""
    owners = table(["Area", "Owner"], [[s.html("{repo}", "table"), s.html(f"{{p{i}.full}}", "table")] for i in (2, 3, 4)], 1)
    text = "<p>" + s.html("Decision: @{p5.full} will run the migration. Contact {p5.email} for access.", "body") + "</p>"
    body = bar("Notion", s.html("{p1.initials} {p2.initials} viewing", "header")) + text + owners
    return _screen(rng, theme, "Notion", "Migration plan", "https://www.notion.so/globex/Migration-plan-{}".format(rng.randint(10**6, 10**7)), body)


def spreadsheet(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Spreadsheet: a payout sheet with names, IBANs and a highlighted row."""
    rows = [[s.html(f"{{p{i}.full}}", "table"), s.html("{iban}", "table"), s.html("{city}", "table")] for i in range(2, 8)]
    body = bar(s.html("payouts - Google Sheets", "header")) + table(["Payee", "IBAN", "City"], rows, 3)
    return _screen(rng, theme, "Google Chrome", "payouts - Google Sheets", "https://docs.google.com/spreadsheets/d/1a/edit", body)


def hr_tool(s: Slots, rng: random.Random, theme: str) -> Screen:
    """HR tool: a performance review form for one employee."""
    body = bar(s.html("BambooHR", "header"), s.html("{p1.full}", "header")) + form([
        ("Employee", s.html("{p2.full}", "form")), ("Manager", s.html("{p1.full}", "form")),
        ("Rating", "2 — below expectations"), ("Summary", s.html("{p2.first} missed three sprint goals", "form"))])
    return _screen(rng, theme, "Google Chrome", "Review - BambooHR", "https://globex.bamboohr.com/performance/reviews", body)


def bank(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Personal online banking: the account holder's statement."""
    rows = [["2026-05-0" + str(i), s.html(f"Transfer to {{p{i + 2}.full}}", "table"), "-120.00"] for i in range(1, 5)]
    body = (bar(s.html("Hello {p1.first}", "header"), s.html("IBAN {iban}", "header"))
            + table(["Date", "Description", "Amount"], rows, 0))
    return _screen(rng, theme, "Google Chrome", "Statement - Online Banking", "https://online.bunq.example/statements", body)


def patient_portal(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Patient portal on staging: engineers checking the layout with made-up patients."""
    rows = [[s.html(f"{{p{i}.full}}", "table"), s.html("{account}", "table"), "QA fixture"] for i in range(2, 6)]
    body = bar("STAGING · Patient list", s.html("{p1.login}", "header")) + table(["Patient", "MRN", "Note"], rows, 1)
    return _screen(rng, theme, "Google Chrome", "Patients - staging", "https://portal-staging.globex-health.dev/patients", body)


def tax_software(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Payroll admin: an employee's tax set-up as the payroll team sees it at work."""
    body = bar(s.html("Payroll admin — {p1.full}", "header")) + form([
        ("Employee", s.html("{p2.last_first}", "form")), ("Tax ID", s.html("{national_id}", "form")),
        ("Pay to", s.html("{iban}", "form")), ("Home address", s.html("{address}", "form"))])
    return _screen(rng, theme, "Google Chrome", "Employee tax setup - Payroll", "https://payroll.globex.dev/employees/tax", body)


def messenger(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Personal messenger: bubbles left and right, contact name on a coloured bar."""
    bubbles = "".join(
        f'<div style="text-align:{side}; padding:4px 16px"><span style="background:var(--sel); padding:4px 10px; border-radius:12px">'
        f'{s.html(text, "body")}</span></div>' for side, text in (
            ("left", "are we still on for {p3.first}'s birthday?"), ("right", "yes!! I'll pick you up"),
            ("left", "my new address is {address}")))
    body = bar(_face(s, "p2", rng), s.html("{p2.full}", "header")) + bubbles
    return _screen(rng, theme, "Telegram", "Telegram", "", body)


SCREEN_RECIPES = (
    S("mail", "mail", "benign", mail), S("team_chat", "team_chat", "benign", team_chat),
    S("terminal", "terminal", "benign", terminal), S("ide", "ide", "benign", ide),
    S("issue_tracker", "issue_tracker", "benign", issue_tracker), S("crm", "crm", "benign", crm, hard_negative=True),
    S("calendar", "calendar", "benign", calendar), S("doc_editor", "doc_editor", "benign", doc_editor),
    S("spreadsheet", "spreadsheet", "benign", spreadsheet), S("hr_tool", "hr_tool", "performance", hr_tool),
    S("bank", "bank", "tax", bank), S("patient_portal", "patient_portal", "benign", patient_portal, hard_negative=True),
    S("tax_software", "tax_software", "benign", tax_software, hard_negative=True),
    S("messenger", "messenger", "private_chat", messenger),
)
