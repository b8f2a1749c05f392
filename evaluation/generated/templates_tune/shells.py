"""Sixth screen tuning family (`tune_shells`, held-out seed `tune_shells_held`): the people around
the work as other apps draw them, written before reading the screen cover rules: video-call
participant panels ("Name (she/her)", "(Host, me)", name plates on video tiles), terminals with
coloured `login@host` prompts and `git log` authors, document comment threads with @mention chips,
boards whose cards show only an assignee's initials, admin user tables with a name and an e-mail in
one cell, code-review pages, mail headers with recipient chips wrapped over lines; names in Latin,
Cyrillic, Greek and CJK/Hangul scripts; light and dark at 1x and 2x (half the screens). Settings
pages of the same apps with no personal value are the hard negatives. Score it with
`python -m evaluation.evaluate --splits tune_shells`; never trained on.
"""
from __future__ import annotations

import html
import random

from faker import Faker

from evaluation.generated.records import Screen, ScreenRecipe as S
from evaluation.generated.spans import Slots

SEED = 20261231
PUBLIC_SHARE = None
TEXT_RECIPES: tuple = ()
OPAQUE_IDS = True
__all__ = ["SCREEN_RECIPES", "draw_look"]
# Locales whose names are written in a script other than Latin and render with the machine's fonts.
_SCRIPT_LOCALES = ("ru_RU", "uk_UA", "el_GR", "bg_BG", "ko_KR", "zh_CN", "zh_TW", "ja_JP")
_TILES = ("#d93025", "#1a73e8", "#188038", "#e37400", "#9334e6", "#c5221f", "#007b83", "#b06000", "#5e35b1")
_PRONOUNS = ("he/him", "she/her", "they/them", "she/they")
_FONTS = ('"Liberation Sans", "Noto Sans CJK SC", sans-serif', '"DejaVu Sans", "Noto Sans CJK KR", sans-serif',
          '"DejaVu Sans Condensed", "Noto Sans CJK JP", sans-serif')
_MONO = ('"DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace', '"Liberation Mono", monospace')


def draw_look(rng: random.Random) -> tuple[str, int]:
    """Light or dark, half the screens at 2x."""
    return ("dark" if rng.random() < 0.45 else "light"), (2 if rng.random() < 0.5 else 1)


def _pii(value: str, label: str, region: str) -> str:
    return f'<span class="pii" data-pii="{label}" data-region="{region}">{html.escape(value)}</span>'


def _script_name(rng: random.Random) -> str:
    """A full name in a non-Latin script, as the locale writes it."""
    locale = rng.choice(_SCRIPT_LOCALES)
    faker = Faker(locale)
    faker.seed_instance(rng.getrandbits(32))
    first, last = faker.first_name(), faker.last_name()
    if locale in ("zh_CN", "zh_TW", "ja_JP"):
        return last + first
    return f"{last} {first}" if locale == "ko_KR" else f"{first} {last}"


def _page(rng: random.Random, theme: str, app: str, title: str, body: str, css: str = "") -> Screen:
    dark = theme == "dark"
    c = ({"bg": "#202124", "fg": "#e8eaed", "soft": "#9aa0a6", "panel": "#2d2e31", "line": "#3c4043", "chip": "#394457",
          "chip_fg": "#aecbfa"} if dark else
         {"bg": "#ffffff", "fg": "#202124", "soft": "#5f6368", "panel": "#f8f9fa", "line": "#dadce0", "chip": "#e8f0fe",
          "chip_fg": "#1967d2"})
    variables = "".join(f"--{k}:{v};" for k, v in c.items())
    width, height = rng.choice(((1280, 800), (1440, 900), (1366, 768)))
    document = f"""<!doctype html><html><head><meta charset="utf-8"><style>
:root {{ {variables} }}
* {{ box-sizing:border-box; }}
html, body {{ margin:0; height:100%; background:var(--bg); color:var(--fg); font-family:{rng.choice(_FONTS)};
  font-size:{rng.choice((12, 13, 14))}px; line-height:1.45; }}
.pii {{ white-space:nowrap; }}
.soft {{ color:var(--soft); }}
.b {{ font-weight:700; }}
.panel {{ background:var(--panel); border-left:1px solid var(--line); }}
.row {{ display:flex; align-items:center; gap:8px; padding:5px 12px; }}
.tile {{ display:inline-block; flex:none; border-radius:50%; color:#ffffff; text-align:center; font-weight:600; }}
.chip {{ background:var(--chip); color:var(--chip_fg); border-radius:12px; padding:1px 8px; white-space:nowrap; }}
.mono {{ font-family:{rng.choice(_MONO)}; white-space:pre; }}
.top {{ display:flex; align-items:center; gap:14px; padding:8px 14px; border-bottom:1px solid var(--line); }}
table {{ border-collapse:collapse; width:100%; }}
td, th {{ border-bottom:1px solid var(--line); padding:6px 10px; text-align:left; white-space:nowrap; }}
th {{ color:var(--soft); font-weight:600; }}
{css}
</style></head><body>{body}</body></html>"""
    return Screen(app, title, "", document, width, height)


def _tile(letters: str, rng: random.Random, region: str, size: int | None = None) -> str:
    """A round initials tile; the letters are gold INITIALS."""
    size = size or rng.choice((22, 26, 32, 40))
    return (f'<span class="tile" style="width:{size}px; height:{size}px; line-height:{size}px; background:{rng.choice(_TILES)};'
            f' font-size:{max(9, int(size * 0.42))}px">{_pii(letters, "INITIALS", region)}</span>')


def _who(s: Slots, key: str, rng: random.Random) -> tuple[str, str]:
    """A person's display name (sometimes in another script) and their initials."""
    if rng.random() < 0.3:
        name = _script_name(rng)
        return name, name[:1]
    person = s.person(key)
    return person.full, person.initials


def call_panel(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Zoom, Teams or Meet: a grid of video tiles with name plates, and the participants panel with
    initials, 'Name (pronouns)', '(Host, me)' and mute states."""
    people = [_who(s, f"p{i}", rng) for i in range(1, 7)]
    tiles = ""
    for name, letters in people[:4]:
        tiles += ('<div style="position:relative; background:#3c4043; border-radius:8px; height:200px; display:flex;'
                  ' align-items:center; justify-content:center">' + _tile(letters, rng, "body", 72)
                  + '<span style="position:absolute; left:8px; bottom:8px; background:rgba(32,33,36,.75); color:#ffffff;'
                  ' padding:2px 8px; border-radius:4px">' + _pii(name, "PERSON", "body") + "</span></div>")
    rows = ""
    for i, (name, letters) in enumerate(people):
        suffix = " (Host, me)" if i == 0 else (f" ({rng.choice(_PRONOUNS)})" if rng.random() < 0.5 else "")
        state = rng.choice(("Muted", "", "Presenting", ""))
        rows += ('<div class="row">' + _tile(letters, rng, "sidebar") + "<span>" + _pii(name, "PERSON", "sidebar")
                 + f'<span class="soft">{html.escape(suffix)}</span></span><span style="flex:1"></span><span class="soft">{state}</span></div>')
    panel = (f'<div class="panel" style="height:100%"><div class="row b">Participants ({len(people)})</div>{rows}'
             '<div class="row"><span class="chip">Invite</span><span class="chip">Mute all</span></div></div>')
    body = (f'<div style="display:grid; grid-template-columns:1fr 300px; height:100%"><div style="display:grid;'
            f' grid-template-columns:1fr 1fr; gap:8px; padding:12px; background:#202124">{tiles}</div>{panel}</div>')
    return _page(rng, theme, rng.choice(("zoom.us", "Microsoft Teams", "Google Chrome")), "Weekly sync", body)


def terminal(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A terminal: coloured `login@host:path$` prompts, `git log` with authors and e-mails, `ls -l` owners."""
    p1, p2, p3 = s.person("p1"), s.person("p2"), s.person("p3")
    user, host = (rng.choice(("#8ae234", "#50fa7b", "#26a269")), rng.choice(("#729fcf", "#8be9fd", "#12488b")))
    prompt = (f'<span style="color:{user}">' + _pii(p1.login, "USERNAME", "body") + "@" + _pii(p1.host, "USERNAME", "body")
              + f'</span>:<span style="color:{host}">~/src/ledger</span>$ ')
    lines = [prompt + "git log --format='%h %an &lt;%ae&gt; %s' -3"]
    for person, subject in ((p2, "Fix rounding in invoice totals"), (p3, "Add retry to export job"), (p1, "Bump version")):
        lines.append(f'<span style="color:#c4a000">{rng.randrange(16 ** 7):07x}</span> ' + _pii(person.full, "PERSON", "body")
                     + " &lt;" + _pii(person.email, "EMAIL_ADDRESS", "body") + f"&gt; {subject}")
    lines.append(prompt + "ls -l reports/")
    for name in ("q3.csv", "summary.md"):
        lines.append("-rw-r--r--  1 " + _pii(rng.choice((p1, p2)).login, "USERNAME", "body")
                     + f"  staff  {rng.randint(900, 90000):>6} Nov {rng.randint(1, 28):>2} 10:{rng.randint(10, 59)} {name}")
    lines.append(prompt + "whoami")
    lines.append(_pii(p1.login, "USERNAME", "body"))
    lines.append(prompt)
    bg = "#300a24" if rng.random() < 0.3 else ("#1e1e1e" if theme == "dark" else "#fdf6e3")
    fg = "#eeeeec" if bg != "#fdf6e3" else "#586e75"
    body = ('<div class="top soft">Terminal — ' + _pii(p1.login, "USERNAME", "header") + "@" + _pii(p1.host, "USERNAME", "header")
            + "</div>"
            + f'<div class="mono" style="background:{bg}; color:{fg}; padding:10px 14px; height:100%">' + "\n".join(lines) + "</div>")
    return _page(rng, theme, rng.choice(("gnome-terminal", "iTerm2", "Windows Terminal")), "Terminal", body)


def doc_comments(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Google Docs or Word: a page of prose and a comment thread with tiles, names, times, @mention
    chips and 'Assigned to' lines."""
    thread = ""
    for key, text in (("p2", "Can we cite the Q3 numbers here?"), ("p3", "Agreed, moving this to the appendix."),
                      ("p4", "Resolved in the latest draft.")):
        name, letters = _who(s, key, rng)
        other = s.person(rng.choice(("p1", "p5")))
        mention = rng.choice(("+" + other.email, "@" + other.full, other.full))
        label = "EMAIL_ADDRESS" if "@" in mention[1:] and "." in mention else "PERSON"
        thread += ('<div style="padding:8px 12px; border-bottom:1px solid var(--line)"><div class="row" style="padding:0">'
                   + _tile(letters, rng, "sidebar") + '<span><span class="b">' + _pii(name, "PERSON", "sidebar")
                   + f'</span><br><span class="soft">{rng.randint(1, 12)}:{rng.randint(10, 59)} PM Today</span></span></div>'
                   f'<div>{text} <span class="chip">' + _pii(mention, label, "sidebar") + "</span></div>"
                   + ('<div class="soft">Assigned to ' + _pii(other.full, "PERSON", "sidebar") + "</div>" if rng.random() < 0.5 else "")
                   + "</div>")
    prose = ("<p>The quarterly review covers revenue, churn and the migration of the billing service. "
             "Section 3 lists the open risks and the owners agreed in the planning meeting.</p>") * 3
    body = ('<div class="top"><span class="b">Q3 review draft</span><span class="soft">File Edit View Insert Format</span>'
            '<span style="flex:1"></span><span class="chip">Share</span>' + _tile(s.person("p1").initials, rng, "header", 28)
            + '</div><div style="display:grid; grid-template-columns:1fr 320px; height:100%"><div style="padding:30px 60px">'
            + prose + f'</div><div class="panel">{thread}</div></div>')
    return _page(rng, theme, "Google Chrome", "Q3 review draft - Google Docs", body)


def board(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Jira, Linear or Trello: columns of cards whose assignee is only an initials tile, a reporter
    line on a few, and a filter bar of people tiles at the top."""
    filters = "".join(_tile(s.person(f"p{i}").initials, rng, "header", 28) for i in range(1, 5))
    columns = ""
    for title in ("To do", "In progress", "In review", "Done"):
        cards = ""
        for _ in range(rng.randint(2, 3)):
            key = f"p{rng.randint(1, 6)}"
            reporter = ('<div class="soft">Reporter: ' + _pii(s.person(key).full, "PERSON", "card") + "</div>"
                        if rng.random() < 0.3 else "")
            cards += ('<div style="background:var(--bg); border:1px solid var(--line); border-radius:6px; padding:8px; margin:8px 0">'
                      f'<div>{rng.choice(("Migrate billing cron", "Add SSO to admin", "Fix CSV export", "Rate limit webhooks", "Update onboarding docs"))}</div>'
                      f'<div class="row" style="padding:4px 0 0 0"><span class="soft">{rng.choice(("PLAT", "WEB", "OPS"))}-{rng.randint(100, 999)}</span>'
                      '<span style="flex:1"></span>' + _tile(s.person(key).initials, rng, "card", 24) + f"</div>{reporter}</div>")
        columns += f'<div class="panel" style="padding:8px; border-radius:6px"><div class="b soft">{title.upper()}</div>{cards}</div>'
    body = ('<div class="top"><span class="b">Sprint 42</span><span class="soft">Quick filters:</span>' + filters
            + '<span class="chip">Only my issues</span></div>'
            f'<div style="display:grid; grid-template-columns:repeat(4, 1fr); gap:10px; padding:12px">{columns}</div>')
    return _page(rng, theme, "Google Chrome", "Sprint 42 - Board", body)


def admin_users(s: Slots, rng: random.Random, theme: str) -> Screen:
    """An admin console's user table: 'Name <e-mail>' or name over e-mail in one cell, names in
    other scripts, roles and last sign-in."""
    rows = ""
    for i in range(1, 8):
        person = s.person(f"p{i}")
        name = _script_name(rng) if rng.random() < 0.35 else person.full
        if rng.random() < 0.5:
            who = _pii(name, "PERSON", "table") + ' <span class="soft">' + _pii(person.email, "EMAIL_ADDRESS", "table") + "</span>"
        else:
            who = _pii(name, "PERSON", "table") + '<br><span class="soft">' + _pii(person.email, "EMAIL_ADDRESS", "table") + "</span>"
        rows += (f'<tr><td>{_tile(name[:1] if not name[:1].isascii() else person.initials, rng, "table", 28)}</td><td>{who}</td>'
                 f'<td>{rng.choice(("Admin", "Member", "Billing", "Viewer"))}</td><td class="soft">{rng.randint(1, 30)} Nov 2026</td>'
                 f'<td>{rng.choice(("Active", "Suspended", "Invited"))}</td></tr>')
    body = ('<div class="top"><span class="b">Admin console</span><span class="soft">Users &gt; All users</span></div>'
            '<div style="padding:12px"><table><tr><th></th><th>Name</th><th>Role</th><th>Last sign-in</th><th>Status</th></tr>'
            f"{rows}</table></div>")
    return _page(rng, theme, "Google Chrome", "Users - Admin console", body)


def review_page(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A pull request: the author's login in the title line, reviewers with tiles and states, a
    timeline of comments by login with @mentions."""
    p1, p2, p3 = s.person("p1"), s.person("p2"), s.person("p3")
    reviewers = "".join('<div class="row">' + _tile(p.initials, rng, "sidebar", 20) + _pii(p.login, "USERNAME", "sidebar")
                        + f'<span style="flex:1"></span><span class="soft">{state}</span></div>'
                        for p, state in ((p2, "Approved"), (p3, "Changes requested")))
    timeline = ""
    for p, text in ((p2, "LGTM, one nit below."), (p3, "Please add a test for the empty case, cc @" + p1.login)):
        text_html = html.escape(text).replace("@" + html.escape(p1.login), _pii("@" + p1.login, "USERNAME", "body"))
        timeline += ('<div style="border:1px solid var(--line); border-radius:6px; margin:10px 0"><div class="row panel" '
                     'style="border-left:0">' + _tile(p.initials, rng, "body", 22) + '<span class="b">' + _pii(p.login, "USERNAME", "body")
                     + f'</span><span class="soft">commented {rng.randint(2, 9)} hours ago</span></div><div style="padding:8px 12px">{text_html}</div></div>')
    body = ('<div class="top"><span class="b">acme / ledger</span><span class="soft">Code Issues Pull requests Actions</span></div>'
            f'<div style="padding:12px 20px"><div style="font-size:1.6em">Handle empty invoices #{rng.randint(100, 999)}</div>'
            '<div class="soft"><span class="chip">Open</span> ' + _pii(p1.login, "USERNAME", "body")
            + ' wants to merge 3 commits into main from ' + _pii(p1.login, "USERNAME", "body") + '/empty-invoices</div>'
            f'<div style="display:grid; grid-template-columns:1fr 260px; gap:20px"><div>{timeline}</div>'
            f'<div><div class="b">Reviewers</div>{reviewers}<div class="b">Assignees</div><div class="row">'
            + _tile(p1.initials, rng, "sidebar", 20) + _pii(p1.login, "USERNAME", "sidebar") + "</div></div></div></div>")
    return _page(rng, theme, "Google Chrome", "Pull request", body)


def mail_header(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Outlook or Gmail reading pane: From 'Last, First <e-mail>', To and Cc chips wrapping over two
    lines in a narrow pane, a signature with the sender's name."""
    p1 = s.person("p1")
    chips = " ".join('<span class="chip">' + _pii(s.person(f"p{i}").full, "PERSON", "body") + "</span>" for i in range(2, 7))
    sender = _pii(p1.last_first, "PERSON", "header") if rng.random() < 0.5 else _pii(p1.full, "PERSON", "header")
    body = ('<div class="top"><span class="b">Outlook</span><span class="soft">Inbox</span></div>'
            '<div style="display:grid; grid-template-columns:300px 380px 1fr; height:100%"><div class="panel"></div>'
            '<div style="padding:14px">' + '<div class="row" style="padding:0">' + _tile(p1.initials, rng, "header", 40)
            + "<span>" + sender + ' <span class="soft">&lt;' + _pii(p1.email, "EMAIL_ADDRESS", "header") + "&gt;</span></span></div>"
            + f'<div style="white-space:normal">To: {chips}</div>'
            + '<p>Hi all, the offsite agenda is attached. Please confirm by Friday.</p><p>Thanks,<br>'
            + _pii(p1.first, "PERSON", "body") + "</p></div><div></div></div>")
    return _page(rng, theme, "Outlook", "Offsite agenda", body)


def settings(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Hard negative: settings of the same apps, full of people-related UI words but no person."""
    rows = "".join(f'<tr><td class="b">{k}</td><td class="soft">{v}</td></tr>' for k, v in (
        ("Participants", "Allow participants to unmute themselves"), ("Host controls", "Only the host can share screen"),
        ("Assignee", "Unassigned issues go to the triage queue"), ("Reviewers", "Require 2 approvals from Code Owners"),
        ("Display name", "Shown on your profile and in mentions"), ("Pronouns", "Optional, visible to your organization"),
        ("Sign-in", "Single sign-on with SAML"), ("Terminal", "Bash, zsh or PowerShell"), ("Mention chips", "Show names as chips")))
    body = ('<div class="top"><span class="b">Settings</span><span class="soft">General · Members · Security · Billing</span></div>'
            f'<div style="padding:16px"><table>{rows}</table><p class="soft">Changes apply to new meetings and issues. '
            "Admins can override these defaults for each workspace.</p></div>")
    return _page(rng, theme, "Google Chrome", "Settings", body)


SCREEN_RECIPES = (
    S("call_panel", "meeting", "benign", call_panel),
    S("terminal", "terminal", "benign", terminal),
    S("doc_comments", "docs", "benign", doc_comments),
    S("board", "tracker", "benign", board),
    S("admin_users", "admin", "benign", admin_users),
    S("review_page", "code_review", "benign", review_page),
    S("mail_header", "mail", "benign", mail_header),
    S("settings", "settings", "benign", settings, hard_negative=True),
)
