"""Second screen tuning family (`tune_apps`): layouts of other real apps than templates_tune/screens.py,
written before looking at the detectors: calendar event popovers with guests, mail reading-pane headers
(From/To/Cc), chat threads with reactions, video-call galleries, CRM record tables, spreadsheets with a
names column, admin user lists, issue detail fields, password managers, banking portals, editors with
git blame and a terminal, file explorers with home folders; in the looks and scales of screens.py. Build
and score it with `python -m evaluation.evaluate --splits tune_apps`; never trained on.
"""
from __future__ import annotations

import random

from evaluation.generated.records import Screen, ScreenRecipe as S
from evaluation.generated.spans import Slots
from evaluation.generated.templates_tune.screens import AVATAR_COLOURS, _av, _grid, _screen, draw_look

SEED = 20261217
PUBLIC_SHARE = None
TEXT_RECIPES: tuple = ()
OPAQUE_IDS = True
__all__ = ["SCREEN_RECIPES", "draw_look"]
_WHEN = ("Mar 4", "Yesterday", "10:42 AM", "Feb 28", "2 days ago", "Jan 17")
_PRODUCTS = ("Starter plan", "Enterprise plan", "Team plan", "Growth add-on", "Support renewal", "Data export")
_DEPARTMENTS = ("Finance", "Engineering", "Sales", "Legal", "Operations", "Marketing", "Support")


def calendar_popover(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Google Calendar: a week grid behind an event popover with organizer, guests and their answers."""
    guests = "".join(f'<div class="row">{_av(s, f"p{i}", rng)}' + s.html(f"{{p{i}.full}}", "card")
                     + f'<div class="muted" style="margin-left:40px; font-size:0.85em">{answer}</div></div>'
                     for i, answer in ((2, "Organizer"), (3, "Accepted"), (4, "Maybe"), (5, "Awaiting")))
    pop = ('<div class="card" style="position:absolute; left:380px; top:120px; width:420px; box-shadow:0 4px 18px rgba(60,60,60,0.35)">'
           '<div class="b" style="font-size:1.3em">Quarterly planning</div>'
           f'<div class="muted">Thursday, March {rng.randint(2, 27)} · 2:00 – 3:00pm</div>'
           '<div class="link">meet.google.com/abc-defg-hij</div>'
           f'<div class="b" style="margin-top:8px">4 guests</div><div class="muted">2 yes, 1 maybe, 1 awaiting</div>{guests}'
           '<div style="margin-top:6px">' + s.html("{p2.email}", "card") + "</div></div>")
    days = [f'<div style="border-left:1px solid var(--line); height:600px; padding:4px">{d}</div>'
            for d in ("MON", "TUE", "WED", "THU", "FRI")]
    top = ('<div class="top"><span class="b">Calendar</span><span>Today</span><span>March 2026</span><span class="grow"></span>'
           + s.html("{p1.email}", "header") + "</div>")
    body = f'<div style="position:relative">{_grid("repeat(5, 1fr)", *days)}{pop}</div>'
    return _screen(rng, theme, "Google Chrome", "Google Calendar - Week", "https://calendar.google.com/calendar/u/0/r/week",
                   top + body)


def outlook_reading(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Outlook reading pane: From/To/Cc header rows with names and addresses, a body and a signature."""
    header = ('<div style="padding:14px 20px; border-bottom:1px solid var(--line)"><div class="b" style="font-size:1.3em">'
              "Re: Budget review for Q2</div><div>" + _av(s, "p2", rng) + '<span class="b">'
              + s.html("{p2.full}", "header") + "</span> " + s.html("<{p2.email}>", "header") + "</div>"
              + '<div class="muted">To: ' + s.html("{p1.full}", "header") + "; " + s.html("{p3.full}", "header") + "</div>"
              + '<div class="muted">Cc: ' + s.html("{p4.email}", "header") + "; " + s.html("{p5.last_first}", "header")
              + f'</div><div class="muted">{rng.choice(_WHEN)}</div></div>')
    text = ('<div style="padding:14px 20px">' + "<p>" + s.html("Hi {p1.first},", "body") + "</p><p>"
            + s.html("Attached is the revised budget. {p3.first} will walk us through it on Thursday.", "body") + "</p>"
            + "<p>Best regards,<br>" + s.html("{p2.full}", "body") + "<br>Finance Business Partner<br>"
            + s.html("{phone}", "body") + "</p></div>")
    items = "".join(f'<div class="mail{" sel" if i == 2 else ""}" style="grid-template-columns:1fr"><span class="from b">'
                    + s.html(f"{{p{i}.full}}", "selected" if i == 2 else "table")
                    + '</span><span class="muted">Budget review for Q2</span></div>' for i in (2, 6, 7))
    return _screen(rng, theme, "Outlook", "Re: Budget review for Q2 - Outlook", "https://outlook.office.com/mail/inbox",
                   _grid("300px 1fr", items, header + text))


def slack_thread(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Slack: a thread with reactions, "replied to a thread" and mentions; a DM list with presence."""
    replies = ""
    for key, text in (("p2", "Can someone review the rollout doc? {p3.handle}"), ("p3", "On it. {p4.first} had notes too"),
                      ("p4", "Left comments, mostly on the rollback section")):
        replies += (f'<div style="display:flex; padding:6px 16px">{_av(s, key, rng)}<div><span class="b">'
                    + s.html(f"{{{key}.full}}", "body") + f'</span> <span class="muted">{rng.randint(1, 11)}:{rng.randint(10, 59)} AM</span>'
                    + "<div>" + s.html(text, "body") + '</div><span class="chip">👍 ' + str(rng.randint(1, 6))
                    + '</span> <span class="chip">🎉 2</span></div></div>')
    note = ('<div class="muted" style="padding:4px 16px">' + s.html("{p5.full}", "body") + " replied to a thread: "
            "<i>rollout doc</i></div>")
    dms = "".join('<div class="row">● ' + s.html(f"{{p{i}.full}}", "sidebar") + "</div>" for i in (2, 3, 6))
    side = ('<div class="panel"><div class="row b">Northwind</div><div class="row"># general</div>'
            '<div class="row sel"># release</div><div class="row muted">Direct messages</div>' + dms + "</div>")
    return _screen(rng, theme, "Slack", "release (Channel) - Northwind - Slack", "",
                   _grid("240px 1fr", side, '<div class="row b">Thread · #release</div>' + replies + note))


def zoom_gallery(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Zoom gallery view: video tiles of many sizes with name labels, one as "(Host)", one speaking."""
    tiles = ""
    for i in range(1, 7):
        label = s.html(f"{{p{i}.full}}", "tile") + (" (Host)" if i == 1 else "")
        tiles += (f'<div style="background:{rng.choice(("#242424", "#2d3b4f", "#3a2f2a", "#1b1b1b"))}; position:relative; height:230px;'
                  f' margin:3px; {"outline:3px solid #23d959" if i == 3 else ""}"><span style="position:absolute; left:6px; bottom:6px;'
                  f' color:#ffffff; background:rgba(25,25,25,0.7); padding:1px 6px; font-size:0.9em">🎤 {label}</span></div>')
    bar = ('<div style="background:#1a1a1a; color:#ffffff; padding:8px; display:flex; gap:22px; justify-content:center">'
           "<span>Mute</span><span>Stop Video</span><span>Participants 6</span><span>Share Screen</span><span>Record</span></div>")
    return _screen(rng, theme, "zoom.us", "Zoom Meeting", "",
                   f'<div style="display:grid; grid-template-columns:1fr 1fr 1fr; background:#111111">{tiles}</div>' + bar)


def crm_table(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Salesforce or HubSpot: a record table with a name, e-mail, phone, owner, and a product column."""
    head = "".join(f"<th style='padding:6px 10px; text-align:left'>{h}</th>"
                   for h in ("Name", "Email", "Phone", "Product", "Owner", "Stage"))
    rows = ""
    for n, i in enumerate(range(2, 8)):
        cls = " class='row sel'" if n == 2 else ""
        td = "<td style='padding:4px 10px'>"
        rows += (f"<tr{cls}><td class='link' style='padding:4px 10px'>" + s.html(f"{{p{i}.full}}", "table") + f"</td>{td}"
                 + s.html(f"{{p{i}.email}}", "table") + f"</td>{td}" + s.html("{phone}", "table")
                 + f"</td>{td}{rng.choice(_PRODUCTS)}</td>{td}" + s.html("{p1.full}", "table")
                 + f"</td>{td}{rng.choice(('New', 'Qualified', 'Proposal', 'Won'))}</td></tr>")
    table = f'<table style="border-collapse:collapse; margin:12px">{head}{rows}</table>'
    app = rng.choice(("Salesforce", "HubSpot"))
    top = f'<div class="top"><span class="b">{app}</span><span>Leads</span><span class="grow"></span>' + s.html("{p1.full}", "header") + "</div>"
    return _screen(rng, theme, "Google Chrome", f"Leads | {app}", "", top + '<div class="row b">My open leads · 6 items</div>' + table)


def sheet_names(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Google Sheets: column letters, row numbers, a names column in "Last, First" and a department column."""
    cells = "border:1px solid var(--line); padding:2px 8px"
    head = (f"<tr><th style='{cells}'></th>" + "".join(f"<th style='{cells}'>{c}</th>" for c in "ABCDE") + "</tr>"
            + f"<tr><td style='{cells}'>1</td>" + "".join(f"<td style='{cells}' class='b'>{h}</td>"
                                                           for h in ("Employee", "Department", "Work email", "Start date", "Manager")) + "</tr>")
    rows = "".join(f"<tr><td style='{cells}'>{r + 2}</td><td style='{cells}'>" + s.html(f"{{p{r + 2}.last_first}}", "table")
                   + f"</td><td style='{cells}'>{rng.choice(_DEPARTMENTS)}</td><td style='{cells}'>" + s.html(f"{{p{r + 2}.email}}", "table")
                   + f"</td><td style='{cells}'>2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}</td><td style='{cells}'>"
                   + s.html("{p1.full}", "table") + "</td></tr>" for r in range(7))
    top = ('<div class="top"><span class="b">Headcount 2026</span><span>File Edit View Insert Format Data</span>'
           '<span class="grow"></span>' + s.html("{p1.initials}", "header") + "</div>")
    return _screen(rng, theme, "Google Chrome", "Headcount 2026 - Google Sheets", "https://docs.google.com/spreadsheets/d/1x/edit",
                   top + f'<table style="border-collapse:collapse; font-size:0.9em">{head}{rows}</table>')


def admin_users(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Okta or Google Admin: a user list with e-mail, status and last sign-in."""
    head = "".join(f"<th style='padding:6px 12px; text-align:left'>{h}</th>" for h in ("User", "Email", "Status", "Last sign-in"))
    rows = "".join("<tr><td style='padding:6px 12px'>" + _av(s, f"p{i}", rng) + s.html(f"{{p{i}.full}}", "table")
                   + "</td><td style='padding:6px 12px'>" + s.html(f"{{p{i}.email}}", "table")
                   + f"</td><td style='padding:6px 12px'>{rng.choice(('Active', 'Suspended', 'Pending'))}</td>"
                   + f"<td style='padding:6px 12px'>{rng.choice(_WHEN)}</td></tr>" for i in range(2, 8))
    app = rng.choice(("Okta", "Google Admin"))
    top = f'<div class="top"><span class="b">{app}</span><span>Directory · People</span><span class="grow"></span>' + s.html("{p1.email}", "header") + "</div>"
    return _screen(rng, theme, "Google Chrome", f"People - {app}", "", top + f'<table style="border-collapse:collapse; margin:10px">{head}{rows}</table>')


def jira_issue(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Jira issue detail: description and comments, and a details panel of label/value fields."""
    details = "".join(f'<div style="display:grid; grid-template-columns:110px 1fr; padding:5px 0"><span class="muted">{label}</span>'
                      f"<span>{value}</span></div>" for label, value in (
                          ("Assignee", _av(s, "p2", rng) + s.html("{p2.full}", "form")), ("Reporter", _av(s, "p3", rng) + s.html("{p3.full}", "form")),
                          ("Priority", "High"), ("Labels", "backend"), ("Sprint", "PLAT Sprint 14")))
    main = ('<div style="padding:16px 24px">' + s.html("{ticket}", "body") + '<div class="b" style="font-size:1.5em">Upload retries exhaust the pool</div>'
            '<div class="b" style="margin-top:10px">Description</div><div>' + s.html("Seen by {p4.full} on the EU cluster.", "body")
            + '</div><div class="b" style="margin-top:10px">Activity</div><div class="card">' + _av(s, "p4", rng) + '<span class="b">'
            + s.html("{p4.full}", "body") + "</span> " + f'<span class="muted">{rng.choice(_WHEN)}</span><div>'
            + s.html("{p2.first}, can you pair with {p5.full} on this?", "body") + "</div></div></div>")
    side = f'<div class="panel" style="padding:12px 16px"><div class="b">Details</div>{details}</div>'
    return _screen(rng, theme, "Google Chrome", "PLAT issue - Jira", "https://northwind.atlassian.net/browse/PLAT",
                   _grid("1fr 340px", main, side))


def password_manager(s: Slots, rng: random.Random, theme: str) -> Screen:
    """1Password or Bitwarden: a list of items with their usernames, one item open with its password revealed."""
    items = "".join(f'<div class="row{" sel" if n == 1 else ""}"><div class="b">{site}</div><div class="muted">'
                    + s.html(value, "selected" if n == 1 else "sidebar") + "</div></div>"
                    for n, (site, value) in enumerate((("GitHub", "{p1.login}"), ("Northwind VPN", "{p1.email}"),
                                                        ("AWS console", "{p1.login}"), ("Bank", "{p1.email}"))))
    fields = "".join(f'<div class="fieldl">{label}</div><div class="mono">' + s.html(value, "form") + "</div>"
                     for label, value in (("username", "{p1.email}"), ("password", "{password}"),
                                          ("one-time password", "{num} {num}")))
    detail = (f'<div style="padding:20px"><div class="b" style="font-size:1.4em">Northwind VPN</div>{fields}'
              '<div class="fieldl">website</div><div class="link">vpn.northwind.example</div>'
              '<div class="fieldl">last edited</div><div>' + rng.choice(_WHEN) + "</div></div>")
    app = rng.choice(("1Password", "Bitwarden"))
    return _screen(rng, theme, app, f"{app} - Personal vault", "", _grid("300px 1fr", f'<div class="panel">{items}</div>', detail))


def bank_portal(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A bank or payroll portal: account holder, account and routing numbers, an IBAN, recent transactions."""
    fields = "".join('<div style="display:grid; grid-template-columns:180px 1fr; padding:4px 0"><span class="muted">'
                     f"{label}</span><span>" + s.html(value, "form") + "</span></div>"
                     for label, value in (("Account holder", "{p1.full}"), ("Account number", "{account}"),
                                          ("Routing number", "{account}"), ("IBAN", "{iban}"),
                                          ("Mailing address", "{address}")))
    txs = "".join(f'<div class="row" style="border-bottom:1px solid var(--line)">{rng.choice(_WHEN)} · '
                  + s.html(text, "table") + f' <span class="muted">-{rng.randint(5, 900)}.{rng.randint(10, 99)}</span></div>'
                  for text in ("Transfer to {p2.full}", "Card payment COFFEE HOUSE", "Payroll deposit"))
    top = ('<div class="top"><span class="b">Northwind Bank</span><span>Accounts</span><span class="grow"></span>Welcome, '
           + s.html("{p1.first}", "header") + "</div>")
    card = f'<div class="card" style="margin:16px; padding:16px"><div class="b">Checking ••••{rng.randint(1000, 9999)}</div>{fields}</div>'
    return _screen(rng, theme, "Google Chrome", "Accounts - Northwind Bank", "https://bank.northwind.example/accounts",
                   top + card + '<div class="row b">Recent activity</div>' + txs)


def vscode_blame(s: Slots, rng: random.Random, theme: str) -> Screen:
    """VS Code: code with git blame annotations ("Name, 3 months ago") and a terminal with a prompt."""
    code = ("def retry(call, attempts=3):", "    for n in range(attempts):", "        try:", "            return call()",
            "        except Timeout:", "            sleep(2 ** n)")
    lines = "".join(f'<div><span class="muted" style="display:inline-block; width:3em">{n + 1}</span>{line.replace(" ", "&nbsp;")}'
                    + ('<span class="muted" style="margin-left:40px">' + s.html(f"{{p{2 + n % 2}.full}}", "body")
                       + f', {rng.randint(2, 11)} months ago • tidy retry</span>' if n in (0, 3) else "") + "</div>"
                    for n, line in enumerate(code))
    term = ('<div class="mono" style="border-top:1px solid var(--line); padding:8px 12px">TERMINAL\n'
            + s.html("{p1.login}@{p1.host}", "terminal") + " ~/src/" + s.html("{repo}", "terminal") + " % git config user.email\n"
            + s.html("{p1.email}", "terminal") + "\n" + s.html("{p1.login}@{p1.host}", "terminal") + " ~/src % </div>")
    return _screen(rng, theme, "Code", "retry.py - Visual Studio Code", "",
                   _grid("200px 1fr", '<div class="panel"><div class="row">EXPLORER</div><div class="row">retry.py</div></div>',
                         f'<div class="mono" style="padding:8px">{lines}</div>' + term))


def file_explorer(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Windows Explorer or Finder: a path bar into the user's home folder and files named after people."""
    windows = rng.random() < 0.5
    path = s.html("C:\\Users\\{p1.login}\\Documents", "header") if windows else s.html("/Users/{p1.login}/Documents", "header")
    files = "".join('<div class="row" style="display:grid; grid-template-columns:1fr 160px 90px"><span>' + s.html(name, "table")
                    + f'</span><span class="muted">{rng.choice(_WHEN)}</span><span class="muted">{rng.randint(12, 900)} KB</span></div>'
                    for name in ("Offer letter - {p2.full}.pdf", "{p3.last_first} contract.docx", "Q3 roadmap.pptx", "budget.xlsx"))
    side = ('<div class="panel"><div class="row">Quick access</div><div class="row">Desktop</div><div class="row sel">'
            + s.html("{p1.login}", "selected") + '</div><div class="row">OneDrive</div></div>')
    return _screen(rng, theme, "Explorer" if windows else "Finder", "Documents", "",
                   f'<div class="top"><span>{path}</span></div>' + _grid("200px 1fr", side, files))


def catalogue_table(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A product catalogue (hard negative): products, SKUs, prices and stock, one Owner column of names."""
    head = "".join(f"<th style='padding:6px 12px; text-align:left'>{h}</th>" for h in ("Product", "SKU", "Price", "Stock", "Owner"))
    rows = "".join(f"<tr><td style='padding:6px 12px'>{product}</td><td style='padding:6px 12px'>SK-{rng.randint(1000, 9999)}</td>"
                   f"<td style='padding:6px 12px'>${rng.randint(9, 499)}.00</td><td style='padding:6px 12px'>{rng.randint(0, 800)}</td>"
                   "<td style='padding:6px 12px'>" + s.html(f"{{p{2 + n % 3}.full}}", "table") + "</td></tr>"
                   for n, product in enumerate(rng.sample(("Standing desk", "Monitor arm", "Desk lamp", "Office chair",
                                                           "Laptop stand", "Cable tray", "Footrest"), 6)))
    top = f'<div class="top" style="background:{rng.choice(AVATAR_COLOURS)}; color:#ffffff"><span class="b">Inventory</span></div>'
    return _screen(rng, theme, "Google Chrome", "Catalogue - Inventory", "",
                   top + f'<table style="border-collapse:collapse; margin:10px">{head}{rows}</table>')


SCREEN_RECIPES = (
    S("calendar_popover", "calendar", "benign", calendar_popover), S("outlook_reading", "mail", "benign", outlook_reading),
    S("slack_thread", "team_chat", "benign", slack_thread), S("zoom_gallery", "meeting", "benign", zoom_gallery),
    S("crm_table", "crm", "benign", crm_table), S("sheet_names", "spreadsheet", "benign", sheet_names),
    S("admin_users", "admin", "benign", admin_users), S("jira_issue", "issue_tracker", "benign", jira_issue),
    S("password_manager", "password_manager", "benign", password_manager), S("bank_portal", "banking", "benign", bank_portal),
    S("vscode_blame", "editor", "benign", vscode_blame), S("file_explorer", "file_manager", "benign", file_explorer),
    S("catalogue_table", "inventory", "benign", catalogue_table, hard_negative=True),
)
