"""Development family: app screens (layouts, palettes and texts of its own). Tune against these."""
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

ACCENTS = (("#4a154b", "#f8f0fa"), ("#1264a3", "#ffffff"), ("#2e7d32", "#ffffff"), ("#b3261e", "#fff5f4"),
           ("#f2c94c", "#2b2100"), ("#5b5fc7", "#ffffff"), ("#e8eaed", "#202124"))
SIZES = (11, 22)
_VIEWPORTS = ((1024, 640), (1280, 720), (1100, 700))


def _screen(rng: random.Random, theme: str, app: str, title: str, url: str, body: str, css: str = "") -> Screen:
    width, height = rng.choice(_VIEWPORTS)
    return Screen(app, title, url, page(pick_style(rng, theme, ACCENTS, SIZES), body, css), width, height)


def _avatar(s: Slots, key: str, rng: random.Random) -> str:
    return avatar(s.html(f"{{{key}.initials}}", "avatar"), rng.choice(AVATAR_COLOURS))


def mail(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Mail client: folder list, message list with a selected row, reading pane."""
    rows = [[s.html(f"{{p{i}.full}}", "selected" if i == 3 else "table"), s.html("{repo} invoice {ticket}", "table"),
             "09:1" + str(i)] for i in range(2, 7)]
    body = bar(s.html("Inbox - {p1.email}", "header"), css="justify-content:space-between") + grid(
        "180px 1fr", side_list(["Inbox", "Sent", "Drafts", "Vendors"], 0, {0: rng.randint(1, 40)}),
        table(["From", "Subject", ""], rows, selected=1)
        + message(_avatar(s, "p3", rng), s.html("{p3.full} <{p3.email}>", "body"), "09:13",
                  s.html("Hi {p1.first}, please find attached the signed PO. Call me on {phone}.", "body")))
    return _screen(rng, theme, "Outlook", "Inbox - Outlook", "", body)


def team_chat(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Team chat: workspace bar with the signed-in user, channels and DMs, a conversation."""
    dms = [s.html(f"{{p{i}.full}}", "sidebar") for i in range(2, 6)]
    messages = "".join(message(_avatar(s, f"p{i}", rng), s.html(f"{{p{i}.full}}", "body"), f"10:{i}2",
                               s.html(text, "body")) for i, text in (
        (2, "can you ask {p4.first} about {ticket}?"), (3, "sure, {p4.handle} is on it"),
        (2, "temporary password is {password} btw")))
    body = bar(s.html("Northwind", "header"), s.html("{p1.full}", "header"), css="justify-content:space-between") + grid(
        "230px 1fr", side_list(["# general", "# eng-{}".format("infra")] + dms, 3, {4: 2}, heading="Channels & DMs"),
        bar(s.html("{p2.full}", "header"), css="background:var(--side); color:var(--fg)") + messages)
    return _screen(rng, theme, "Slack", "Slack", "", body)


def terminal(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Terminal: prompt with user and host, commands and their output."""
    prompt = "{p1.login}@{p1.host}:~/src/{repo}$ "
    lines = [s.html(prompt + "git log -1", "terminal"), s.html("Author: {p1.full} <{p1.email}>", "terminal"),
             s.html(prompt + "cat .env", "terminal"), s.html("DATABASE_URL=postgres://svc:{password}@{server}:5432/app", "terminal"),
             s.html("API_TOKEN={token}", "terminal"), s.html(prompt + "ssh-keygen -lf ~/.ssh/id_ed25519.pub", "terminal"),
             s.html("256 {fingerprint} {p1.login}@{p1.host} (ED25519)", "terminal")]
    body = bar(s.html("{p1.login}@{p1.host}: ~/src", "header")) + mono_lines(lines, "padding:10px 14px")
    return _screen(rng, theme, "Terminal", "Terminal", "", body)


def ide(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Code editor: file tree, a config file with credentials, blame annotations."""
    code = [s.html('DB_PASSWORD = "{password}"', "code"), s.html('OWNER = "{p2.email}"', "code"),
            s.html('HOME = "/home/{p1.login}/src/{repo}"', "code"), s.html("# reviewed by {p2.full}", "code"),
            s.html('SENTRY_TOKEN = "{token}"', "code")]
    body = bar(s.html("{repo} - Visual Studio Code", "header")) + grid(
        "200px 1fr", side_list(["src", "settings.py", "tests", ".env"], 1, {}),
        mono_lines(code, "padding:8px") + '<div class="muted">' + s.html("{p2.full}, 3 days ago", "muted") + "</div>")
    return _screen(rng, theme, "Visual Studio Code", "settings.py - Visual Studio Code", "", body)


def issue_tracker(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Issue tracker: list of issues with assignees, one open issue."""
    rows = [[s.html("{ticket}", "table"), s.html("Retry on timeout", "table"), s.html(f"{{p{i}.full}}", "table")]
            for i in range(2, 6)]
    detail = form([("Assignee", s.html("{p2.full}", "body")), ("Reporter", s.html("{p3.login}", "body")),
                   ("Customer", s.html("{company} ({account})", "body"))])
    body = bar(s.html("Jira", "header"), s.html("{p1.initials}", "header")) + table(["Key", "Summary", "Assignee"], rows, 2) + detail
    return _screen(rng, theme, "Google Chrome", "Jira", "https://northwind.atlassian.net/browse/OPS-12", body)


def crm(s: Slots, rng: random.Random, theme: str) -> Screen:
    """CRM contact page: header with the contact's name, details form, activity."""
    details = form([("Name", s.html("{p2.full}", "form")), ("Email", s.html("{p2.email}", "form")),
                    ("Phone", s.html("{phone}", "form")), ("Mailing address", s.html("{address}", "form")),
                    ("Account number", s.html("{account}", "form")), ("Owner", s.html("{p1.full}", "form"))])
    body = bar(s.html("Contact: {p2.full}", "header")) + grid("1fr 1fr", details,
                                                               "<p>" + s.html("Call logged by {p1.first} at {time}", "body") + "</p>")
    return _screen(rng, theme, "Google Chrome", "Contact | Salesforce", "https://northwind.lightning.force.com/lightning/r/Contact/003x/view", body)


def calendar(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Calendar week: events with attendees."""
    events = table(["Time", "Event", "With"], [[f"{h}:00", s.html(what, "table"), s.html(f"{{p{i}.full}}", "table")]
                                             for h, what, i in ((9, "1:1", 2), (11, "Design review {repo}", 3),
                                                                (14, "Interview: {p6.full}", 4), (16, "Vendor call", 5))], 1)
    body = bar(s.html("Calendar - {p1.email}", "header")) + events
    return _screen(rng, theme, "Google Chrome", "Google Calendar", "https://calendar.google.com/calendar/r/week", body)


def doc_editor(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Document editor: title bar with the author, text with names and a comment."""
    text = ("<p>" + s.html("Notes from the kickoff with {p2.full} and {p3.full}. {p3.first} owns the rollout.", "body")
            + "</p><p>" + s.html("Shipping address for the devices: {address}.", "body") + "</p>")
    comment = '<div class="muted">' + s.html("Comment - {p4.full}: check with {p2.first}", "muted") + "</div>"
    body = bar(s.html("Kickoff notes - Google Docs", "header"), s.html("{p1.initials}", "header")) + grid("1fr 260px", text, comment)
    return _screen(rng, theme, "Google Chrome", "Kickoff notes - Google Docs", "https://docs.google.com/document/d/1x/edit", body)


def spreadsheet(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Spreadsheet: a contacts table with a selected row."""
    rows = [[str(i), s.html(f"{{p{i}.last_first}}", "table"), s.html(f"{{p{i}.email}}", "table"), s.html("{phone}", "table")]
            for i in range(2, 8)]
    body = bar(s.html("vendors.xlsx", "header")) + table(["", "Name", "Email", "Phone"], rows, 2)
    return _screen(rng, theme, "Microsoft Excel", "vendors.xlsx - Excel", "", body)


def hr_tool(s: Slots, rng: random.Random, theme: str) -> Screen:
    """HR tool: an employee directory with a profile (directory work, not a review)."""
    rows = [[s.html(f"{{p{i}.full}}", "table"), s.html("Engineer", "table"), s.html(f"{{p{i}.email}}", "table")] for i in range(2, 6)]
    profile = form([("Employee", s.html("{p3.full}", "form")), ("Home address", s.html("{address}", "form")),
                    ("Emergency contact", s.html("{p6.full}, {phone}", "form"))])
    body = bar(s.html("Workday", "header"), s.html("{p1.full}", "header")) + table(["Name", "Title", "Email"], rows, 1) + profile
    return _screen(rng, theme, "Google Chrome", "Directory - Workday", "https://wd5.myworkday.com/northwind/d/home.htmld", body)


def bank(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Bank back office: a customer's accounts, as a support agent sees them."""
    accounts = table(["Account", "IBAN", "Balance"], [[s.html("{account}", "table"), s.html("{iban}", "table"), "1,204.00"]
                                                      for _ in range(3)], 0)
    body = bar(s.html("Customer: {p2.full}", "header")) + form([("Customer no.", s.html("{account}", "form")),
                                                                ("Address", s.html("{address}", "form"))]) + accounts
    return _screen(rng, theme, "Google Chrome", "Customer 360", "https://backoffice.northwind-bank.example/customers/view", body)


def patient_portal(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Patient portal: a patient's visit summary and messages."""
    body = bar(s.html("Welcome, {p1.full}", "header")) + form([
        ("Patient", s.html("{p1.full}", "form")), ("Date of birth", "1984-03-12"), ("Provider", s.html("Dr. {p2.last}", "form")),
        ("Phone", s.html("{phone}", "form"))]) + "<p>Visit summary: follow-up for hypertension, lisinopril 10 mg daily.</p>"
    return _screen(rng, theme, "Google Chrome", "Visit summary - MyChart", "https://mychart.northwellclinic.example/visits", body)


def tax_software(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Tax software: a personal return's identity and dependants pages."""
    body = bar(s.html("2025 return - {p1.full}", "header")) + form([
        ("Taxpayer", s.html("{p1.full}", "form")), ("ID number", s.html("{national_id}", "form")),
        ("Spouse", s.html("{p2.full}", "form")), ("Refund to", s.html("{iban}", "form")), ("Address", s.html("{address}", "form"))])
    return _screen(rng, theme, "Google Chrome", "TurboTax", "https://myturbotax.intuit.com/return/identity", body)


def messenger(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Personal messenger: chat list and a private conversation."""
    chats = [s.html(f"{{p{i}.first}}", "sidebar") for i in range(2, 7)]
    conversation = "".join(message(_avatar(s, key, rng), s.html(f"{{{key}.first}}", "body"), "21:0" + str(n), s.html(text, "body"))
                           for n, (key, text) in enumerate((("p2", "are you home? dinner at mom's at 7"),
                                                            ("p1", "yes! bringing {p3.first}"),
                                                            ("p2", "her new number is {phone}"))))
    body = grid("220px 1fr", side_list(chats, 0, {1: 3, 3: 1}), bar(s.html("{p2.full}", "header")) + conversation)
    return _screen(rng, theme, "WhatsApp", "WhatsApp", "", body)


SCREEN_RECIPES = (
    S("mail", "mail", "benign", mail), S("team_chat", "team_chat", "benign", team_chat),
    S("terminal", "terminal", "benign", terminal), S("ide", "ide", "benign", ide),
    S("issue_tracker", "issue_tracker", "benign", issue_tracker), S("crm", "crm", "benign", crm, hard_negative=True),
    S("calendar", "calendar", "benign", calendar), S("doc_editor", "doc_editor", "benign", doc_editor),
    S("spreadsheet", "spreadsheet", "benign", spreadsheet), S("hr_tool", "hr_tool", "benign", hr_tool, hard_negative=True),
    S("bank", "bank", "benign", bank, hard_negative=True), S("patient_portal", "patient_portal", "medical", patient_portal),
    S("tax_software", "tax_software", "tax", tax_software), S("messenger", "messenger", "private_chat", messenger),
)
