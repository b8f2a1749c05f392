"""Tuning family of app screens, written apart from the detectors and from the dev and test families:
layouts of real web and desktop apps the dev family lacks (pull requests, two-line mail lists, meeting
panels, role-coloured chat, wiki page headers, boards with assignee chips, contact cards, profile
headers, coloured shell prompts, filled login forms), in five looks (light, dark, a coloured header
bar, highlighted rows with blue text, high contrast) at 1x and 2x. Build and score it with
`python -m evaluation.evaluate --splits tune`; never trained on.
"""
from __future__ import annotations

import random

from evaluation.generated.records import Screen, ScreenRecipe as S
from evaluation.generated.spans import Slots

SEED = 20261216
PUBLIC_SHARE = None  # screens only: no third of the public data (the test split's is 1)
TEXT_RECIPES: tuple = ()
OPAQUE_IDS = True
THEMES = ("light", "dark", "colour_bar", "selected", "high_contrast")
SCALE_2X_SHARE = 0.5
_BARS = (("#0f6cbd", "#ffffff"), ("#5b5fc7", "#ffffff"), ("#107c41", "#ffffff"), ("#4a154b", "#ffffff"),
         ("#1a73e8", "#ffffff"), ("#6f42c1", "#ffffff"), ("#0b6a5e", "#f4fffd"))
# Palettes: background, text, muted text, side panel, rules, header bar, highlighted row, links, unread.
_LIGHT = {"bg": "#ffffff", "fg": "#1f2328", "muted": "#656d76", "panel": "#f6f8fa", "panel_fg": "#1f2328",
          "line": "#d0d7de", "bar": "#f6f8fa", "bar_fg": "#1f2328", "sel": "#e9ecef", "sel_fg": "#1f2328",
          "link": "#0969da", "unread": "#1f2328", "card": "#ffffff"}
_DARK = {"bg": "#0d1117", "fg": "#e6edf3", "muted": "#7d8590", "panel": "#161b22", "panel_fg": "#c9d1d9",
         "line": "#30363d", "bar": "#161b22", "bar_fg": "#e6edf3", "sel": "#1c2d41", "sel_fg": "#e6edf3",
         "link": "#4493f8", "unread": "#ffffff", "card": "#161b22"}
_HIGH_CONTRAST = {"bg": "#101010", "fg": "#ffffff", "muted": "#ffffff", "panel": "#101010", "panel_fg": "#ffffff",
                  "line": "#ffffff", "bar": "#101010", "bar_fg": "#ffff00", "sel": "#1aebff", "sel_fg": "#101010",
                  "link": "#ffff00", "unread": "#3ff23f", "card": "#101010"}
_FONTS = ('"Liberation Sans", "Noto Sans CJK JP", sans-serif', '"DejaVu Sans", "Noto Sans CJK KR", sans-serif',
          '"DejaVu Sans Condensed", "Noto Sans CJK SC", sans-serif')
_MONO = ('"DejaVu Sans Mono", "Noto Sans Mono CJK JP", monospace', '"Liberation Mono", monospace')
_VIEWPORTS = ((1280, 800), (1440, 900), (1536, 864), (1366, 768))
ROLE_COLOURS = ("#e91e63", "#f1c40f", "#3498db", "#2ecc71", "#9b59b6", "#e67e22", "#1abc9c", "#eb459e")
AVATAR_COLOURS = ("#bf3989", "#8250df", "#0550ae", "#1a7f37", "#9a6700", "#cf222e", "#57606a", "#116329")
_AGO = ("2 hours ago", "yesterday", "3 days ago", "last week", "5 minutes ago", "on Mar 4")


def draw_look(rng: random.Random) -> tuple[str, int]:
    """A theme and a device scale for one screen."""
    return rng.choice(THEMES), 2 if rng.random() < SCALE_2X_SHARE else 1


def palette(theme: str, rng: random.Random) -> dict[str, str]:
    """The colours of a theme; a coloured-bar theme draws its bar, a selected theme its highlight."""
    if theme == "dark":
        return dict(_DARK)
    if theme == "high_contrast":
        return dict(_HIGH_CONTRAST)
    colours = dict(_LIGHT)
    if theme == "colour_bar":
        colours["bar"], colours["bar_fg"] = rng.choice(_BARS)
        colours["sel"], colours["sel_fg"] = colours["bar"], colours["bar_fg"]
    elif theme == "selected":
        colours["sel"], colours["sel_fg"] = rng.choice((("#cfe4fa", "#0f548c"), ("#e8eaed", "#1a56c4"),
                                                        ("#d3e3fd", "#0b57d0"), ("#dde1e6", "#0969da")))
        colours["unread"] = colours["sel_fg"]
    return colours


def _screen(rng: random.Random, theme: str, app: str, title: str, url: str, body: str, css: str = "") -> Screen:
    c = palette(theme, rng)
    width, height = rng.choice(_VIEWPORTS)
    size = rng.choice((12, 13, 14, 14, 15, 16))
    variables = "".join(f"--{name.replace('_', '-')}:{value};" for name, value in c.items())
    document = f"""<!doctype html><html><head><meta charset="utf-8"><style>
:root {{ {variables} }}
* {{ box-sizing:border-box; }}
html, body {{ margin:0; height:100%; background:var(--bg); color:var(--fg); font-family:{rng.choice(_FONTS)};
  font-size:{size}px; line-height:1.5; }}
.pii {{ white-space:nowrap; }}
.top {{ background:var(--bar); color:var(--bar-fg); display:flex; align-items:center; gap:18px; padding:8px 16px;
  border-bottom:1px solid var(--line); }}
.top .grow {{ flex:1; }}
.panel {{ background:var(--panel); color:var(--panel-fg); border-right:1px solid var(--line); padding:10px 0; height:100%; }}
.row {{ padding:4px 16px; white-space:nowrap; overflow:hidden; }}
.row.sel, .mail.sel, .person.sel {{ background:var(--sel); color:var(--sel-fg); }}
.muted {{ color:var(--muted); }}
.link {{ color:var(--link); }}
.b {{ font-weight:700; }}
.av {{ display:inline-block; width:2.2em; height:2.2em; line-height:2.2em; border-radius:50%; text-align:center;
  color:#ffffff; font-weight:700; font-size:0.8em; vertical-align:middle; margin-right:8px; }}
.mail {{ display:grid; grid-template-columns:230px 1fr 80px; gap:12px; padding:7px 16px; border-bottom:1px solid var(--line);
  white-space:nowrap; overflow:hidden; }}
.mail.unread .from, .mail.unread .subj {{ font-weight:700; color:var(--unread); }}
.card {{ background:var(--card); border:1px solid var(--line); border-radius:6px; padding:10px 12px; margin:8px; }}
.chip {{ display:inline-flex; align-items:center; border:1px solid var(--line); border-radius:12px; padding:1px 8px 1px 2px;
  font-size:0.9em; }}
.mono {{ font-family:{rng.choice(_MONO)}; white-space:pre; }}
.fieldl {{ color:var(--muted); font-size:0.85em; margin-top:10px; }}
.input {{ border:1px solid var(--line); border-radius:4px; padding:7px 10px; min-width:320px; background:var(--card); }}
.btn {{ background:var(--bar); color:var(--bar-fg); border:1px solid var(--line); border-radius:6px; padding:5px 12px; }}
{css}
</style></head><body>{body}</body></html>"""
    return Screen(app, title, url, document, width, height)


def _grid(columns: str, *cells: str) -> str:
    return (f'<div style="display:grid; grid-template-columns:{columns}; height:100%">'
            + "".join(f"<div>{cell}</div>" for cell in cells) + "</div>")


def _av(s: Slots, key: str, rng: random.Random) -> str:
    """An avatar: initials on a colour, or a plain coloured disc (a photo), as apps show either."""
    colour = rng.choice(AVATAR_COLOURS)
    inner = s.html(f"{{{key}.initials}}", "avatar") if rng.random() < 0.6 else "&nbsp;"
    return f'<span class="av" style="background:{colour}">{inner}</span>'


def github_pr(s: Slots, rng: random.Random, theme: str) -> Screen:
    """GitHub pull request: conversation with avatars, handles and "commented", reviewers sidebar."""
    n = rng.randint(120, 9800)
    head = (f'<div style="padding:14px 24px"><div style="font-size:1.6em">Retry uploads on 503 <span class="muted">#{n}</span></div>'
            '<div><span class="btn" style="background:#1f883d;color:#ffffff;border:none">Open</span> '
            + s.html("{p2.login}", "body") + " wants to merge 3 commits into <span class=link>main</span> from "
            + s.html("{p2.login}", "body") + "<span class=link>:fix-retry</span></div></div>")
    comments = ""
    for key, text in (("p2", "Adds exponential backoff to the uploader. cc {p3.handle}"),
                      ("p3", "Looks good, one nit on the jitter. {p4.first} do you want to check the metrics?"),
                      ("p4", "LGTM once CI is green.")):
        comments += (f'<div style="display:flex; margin:10px 24px">{_av(s, key, rng)}<div class="card" style="flex:1; margin:0">'
                     f'<div class="muted" style="border-bottom:1px solid var(--line)"><span class="b" style="color:var(--fg)">'
                     + s.html(f"{{{key}.login}}", "body") + f"</span> commented {rng.choice(_AGO)}</div><div>"
                     + s.html(text, "body") + "</div></div></div>")
    side = ('<div style="padding:14px"><div class="muted b">Reviewers</div>'
            + "".join(f'<div class="row">{_av(s, k, rng)}' + s.html(f"{{{k}.login}}", "sidebar") + "</div>" for k in ("p3", "p4"))
            + '<div class="muted b" style="margin-top:12px">Assignees</div><div class="row">' + s.html("{p2.login}", "sidebar")
            + "</div></div>")
    top = ('<div class="top"><span class="b">github</span><span>northwind / ' + s.html("{repo}", "header")
           + '</span><span class="grow"></span>' + f'<span class="av" style="background:{rng.choice(AVATAR_COLOURS)}">'
           + s.html("{p1.initials}", "header") + "</span></div>")
    return _screen(rng, theme, "Google Chrome", f"Retry uploads on 503 · Pull Request #{n}",
                   f"https://github.com/northwind/app/pull/{n}", top + head + _grid("1fr 260px", comments, side))


def mail_list(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Gmail or Outlook web: folders, a list with unread senders in bold or colour, one selected row, reading pane."""
    subjects = ("Q3 vendor invoices", "Re: onboarding checklist", "Your ticket {ticket} was updated",
                "Lunch on Thursday?", "Contract renewal - {company}", "Fwd: travel booking", "Weekly sync notes")
    selected = rng.randrange(1, 5)
    rows = ""
    for i in range(2, 9):
        classes = "mail" + (" unread" if rng.random() < 0.5 else "") + (" sel" if i - 2 == selected else "")
        region = "selected" if i - 2 == selected else "table"
        rows += (f'<div class="{classes}"><span class="from">' + s.html(f"{{p{i}.full}}", region) + '</span><span><span class="subj">'
                 + s.html(rng.choice(subjects), "table") + '</span> <span class="muted">- please see below</span></span>'
                 + f'<span class="muted">{rng.randint(1, 12)}:{rng.randint(10, 59)} PM</span></div>')
    folders = "".join(f'<div class="row{" sel b" if i == 0 else ""}">{f}</div>'
                      for i, f in enumerate(("Inbox", "Starred", "Sent", "Drafts", "Archive")))
    top = ('<div class="top"><span class="b">Mail</span><span class="grow"></span><span>' + s.html("{p1.email}", "header")
           + "</span></div>")
    pane = ('<div style="padding:14px 18px; border-top:1px solid var(--line)"><div class="b" style="font-size:1.2em">Re: onboarding checklist</div>'
            + '<div>' + s.html("{p4.full} <{p4.email}>", "body")
            + '</div><div class="muted">to ' + s.html("{p1.first}", "body") + "</div><p>"
            + s.html("Hi {p1.first}, I added {p5.full} to the list. Call me at {phone} if anything is missing.", "body")
            + "</p></div>")
    app = rng.choice((("Gmail", "Inbox - Gmail", "https://mail.google.com/mail/u/0/#inbox"),
                      ("Outlook", "Mail - Outlook", "https://outlook.office.com/mail/")))
    return _screen(rng, theme, "Google Chrome", app[1], app[2],
                   top + _grid("200px 1fr", f'<div class="panel">{folders}</div>', rows + pane))


def meeting_panel(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Teams, Zoom or Meet: video tiles with name labels and a participants panel with roles."""
    tiles = "".join(f'<div style="background:{rng.choice(("#3b3a39", "#202124", "#1f2a44"))}; border-radius:8px; position:relative; '
                    f'height:210px; margin:6px"><span style="position:absolute; left:8px; bottom:8px; color:#ffffff; '
                    f'background:rgba(20,20,20,0.6); padding:1px 6px; border-radius:4px">' + s.html(f"{{p{i}.full}}", "tile")
                    + "</span></div>" for i in range(2, 6))
    people = "".join(f'<div class="row person{" sel" if i == 3 else ""}">{_av(s, f"p{i}", rng)}'
                     + s.html(f"{{p{i}.full}}", "selected" if i == 3 else "sidebar")
                     + f' <span class="muted">{role}</span></div>'
                     for i, role in ((1, "(Host, me)"), (2, ""), (3, "(Guest)"), (4, "Presenter"), (5, ""), (6, "External")))
    app = rng.choice(("Microsoft Teams", "Zoom Workplace", "Google Meet"))
    top = f'<div class="top"><span class="b">{app}</span><span>Design review</span><span class="grow"></span><span>37:12</span></div>'
    side = f'<div class="panel"><div class="row b">Participants (6)</div>{people}</div>'
    return _screen(rng, theme, app, f"Meeting | {app}", "",
                   top + _grid("1fr 300px", f'<div style="display:grid; grid-template-columns:1fr 1fr">{tiles}</div>', side))


def discord_chat(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Discord or a Slack-like client: role-coloured display names in messages and the member list."""
    colours = rng.sample(ROLE_COLOURS, 6)
    messages = ""
    for n, (i, text) in enumerate(((2, "anyone seen the deploy logs? {p3.handle}"), (3, "yeah, {p4.first} rolled it back"),
                                   (4, "my bad, the token was {token}"), (2, "rotate it pls"))):
        messages += (f'<div style="display:flex; padding:6px 16px">{_av(s, f"p{i}", rng)}<div><span class="b" style="color:{colours[i - 1]}">'
                     + s.html(f"{{p{i}.full}}", "body") + f'</span> <span class="muted" style="font-size:0.8em">Today at 4:{10 + n}2 PM</span>'
                     + "<div>" + s.html(text, "body") + "</div></div></div>")
    members = "".join(f'<div class="row" style="color:{colours[i - 1]}">' + s.html(f"{{p{i}.full}}", "sidebar") + "</div>"
                      for i in range(2, 7))
    channels = "".join(f'<div class="row{" sel" if i == 1 else ""}"># {c}</div>' for i, c in enumerate(("general", "deploys", "random")))
    me = '<div class="row" style="margin-top:20px">' + _av(s, "p1", rng) + s.html("{p1.handle}", "sidebar") + "</div>"
    body = _grid("220px 1fr 220px", f'<div class="panel">{channels}{me}</div>', messages,
                 '<div class="panel"><div class="row muted b">ONLINE - 5</div>' + members + "</div>")
    return _screen(rng, theme, "Discord", "#deploys | Northwind - Discord", "", body)


def wiki_page(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Notion or Confluence: breadcrumb with a workspace owner, author and "Last edited by", comments."""
    app = rng.choice(("Notion", "Confluence"))
    crumb = s.html("{p1.first}'s workspace", "header") if app == "Notion" else "Spaces / Engineering"
    byline = (s.html("Created by {p2.full}, last modified by {p3.full} on Mar 4, 2026", "muted") if app == "Confluence"
              else s.html("Last edited by {p3.full}", "muted") + f" · {rng.choice(_AGO)}")
    top = f'<div class="top"><span>{crumb} / Projects / Migration plan</span><span class="grow"></span><span>Share</span></div>'
    text = ('<div style="padding:30px 80px"><div class="b" style="font-size:2em">Migration plan</div><div class="muted">' + byline
            + "</div><p>" + s.html("Owner: {p2.full}. Reviewers: {p4.full}, {p5.full}.", "body") + "</p><p>"
            + s.html("Questions go to {p2.email} or the #migration channel.", "body") + "</p>"
            + '<div class="card">' + _av(s, "p4", rng) + s.html("{p4.full}", "body") + " <span class=muted>commented</span><div>"
            + s.html("Can {p5.first} take the database cutover?", "body") + "</div></div></div>")
    return _screen(rng, theme, app, f"Migration plan - {app}", "", top + text)


def board(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Linear or Jira board: columns of cards, each with a ticket and an assignee chip."""
    columns = ""
    for title in ("Todo", "In Progress", "In Review"):
        cards = "".join('<div class="card"><div class="muted">' + s.html("{ticket}", "card") + '</div><div>Fix flaky upload test</div>'
                        + f'<span class="chip">{_av(s, f"p{rng.randint(2, 7)}", rng)}' + s.html(f"{{p{rng.randint(2, 7)}.full}}", "card")
                        + "</span></div>" for _ in range(2))
        columns += f'<div style="background:var(--panel); margin:8px; border-radius:6px"><div class="row b">{title}</div>{cards}</div>'
    top = '<div class="top"><span class="b">Platform</span><span>Board</span><span class="grow"></span>' + s.html("{p1.full}", "header") + "</div>"
    app = rng.choice((("Linear", "https://linear.app/northwind/team/PLAT/board"),
                      ("Google Chrome", "https://northwind.atlassian.net/jira/software/projects/PLAT/boards/3")))
    return _screen(rng, theme, app[0], "Board - Platform", app[1],
                   top + f'<div style="display:grid; grid-template-columns:1fr 1fr 1fr">{columns}</div>')


def contact_card(s: Slots, rng: random.Random, theme: str) -> Screen:
    """HubSpot or Zendesk contact: name, e-mail, phone, a one-line address, owner, recent tickets."""
    fields = "".join(f'<div class="fieldl">{label}</div><div>' + s.html(value, "form") + "</div>" for label, value in (
        ("Email", "{p2.email}"), ("Phone number", "{phone}"), ("Address", "{address}"), ("Contact owner", "{p1.full}"),
        ("Customer ID", "{account}")))
    left = ('<div class="panel" style="padding:16px">' + _av(s, "p2", rng) + '<span class="b" style="font-size:1.3em">'
            + s.html("{p2.full}", "header") + "</span>" + fields + "</div>")
    tickets = "".join('<div class="row" style="border-bottom:1px solid var(--line)">' + s.html("#{num} Login fails after reset - {p2.first}", "table")
                      + f' <span class="muted">{rng.choice(_AGO)}</span></div>' for _ in range(3))
    app = rng.choice(("HubSpot", "Zendesk"))
    top = f'<div class="top"><span class="b">{app}</span><span>Contacts</span><span class="grow"></span>' + s.html("{p1.initials}", "header") + "</div>"
    return _screen(rng, theme, "Google Chrome", f"Contact | {app}", "", top + _grid("340px 1fr", left, tickets))


def profile_header(s: Slots, rng: random.Random, theme: str) -> Screen:
    """LinkedIn-style profile: banner, name, headline, location, mutual connections."""
    banner = f'<div style="height:150px; background:{rng.choice(_BARS)[0]}"></div>'
    card = ('<div class="card" style="margin:-50px 40px 0 40px; position:relative">' + _av(s, "p2", rng)
            + '<div class="b" style="font-size:1.7em">' + s.html("{p2.full}", "header") + "</div><div>Senior Data Engineer at "
            + s.html("{company}", "body") + '</div><div class="muted">' + s.html("{city}", "body") + " · 500+ connections</div>"
            + '<div class="muted">' + s.html("{p3.full}, {p4.full} and 12 other mutual connections", "muted") + "</div>"
            + '<div class="link">' + s.html("linkedin.com/in/{p2.slug}", "body") + "</div></div>")
    top = '<div class="top"><span class="b">in</span><span class="grow"></span>' + s.html("{p1.first}", "header") + "</div>"
    return _screen(rng, theme, "Google Chrome", "Profile | LinkedIn", "", top + banner + card)


def shell(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Terminal with a coloured prompt, `git log` and `ls -l` output, e-mails printed plainly."""
    user, path = rng.choice((("#3fb950", "#58a6ff"), ("#2ea043", "#d29922"), ("#7ee787", "#79c0ff")))
    prompt = (f'<span style="color:{user}" class="b">' + s.html("{p1.login}@{p1.host}", "terminal") + "</span>:"
              + f'<span style="color:{path}">~/src/' + s.html("{repo}", "terminal") + "</span>$ ")
    lines = [prompt + "git log -2 --format='%an &lt;%ae&gt; %s'",
             s.html("{p2.full} <{p2.email}> Fix retry", "terminal"), s.html("{p3.full} <{p3.email}> Bump deps", "terminal"),
             prompt + "ls -l deploy/", s.html("-rw-r--r--  1 {p1.login}  staff  812 Mar  4 10:12 env.sh", "terminal"),
             prompt + "grep -r contact config/", s.html("config/owners.yaml: contact: {p4.email}", "terminal"),
             prompt + "echo $AWS_SECRET_ACCESS_KEY", s.html("{token}", "terminal"), prompt]
    body = ('<div class="top"><span class="grow"></span><span>' + s.html("{p1.login}@{p1.host}: ~/src", "header")
            + '</span><span class="grow"></span></div><div class="mono" style="padding:10px 14px">' + "\n".join(lines) + "</div>")
    return _screen(rng, theme, rng.choice(("iTerm2", "Terminal", "Windows Terminal")), "zsh", "", body)


def login_form(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Sign-in and account forms with filled fields (e-mail, a shown password, phone)."""
    fields = "".join(f'<div class="fieldl">{label}</div><div class="input">' + s.html(value, "form") + "</div>"
                     for label, value in (("Email address", "{p1.email}"), ("Password", "{password}"), ("Mobile phone", "{phone}"),
                                          ("Full name", "{p1.full}")))
    box = (f'<div class="card" style="width:440px; margin:60px auto; padding:24px"><div class="b" style="font-size:1.4em">Create your account</div>'
           f'{fields}<div style="margin-top:16px"><span class="btn">Continue</span></div></div>')
    top = '<div class="top"><span class="b">Northwind Cloud</span><span class="grow"></span><span>Help</span></div>'
    return _screen(rng, theme, "Google Chrome", "Sign up - Northwind Cloud", "https://cloud.northwind.example/signup", top + box)


SCREEN_RECIPES = (
    S("github_pr", "code_review", "benign", github_pr), S("mail_list", "mail", "benign", mail_list),
    S("meeting_panel", "meeting", "benign", meeting_panel), S("discord_chat", "team_chat", "benign", discord_chat),
    S("wiki_page", "wiki", "benign", wiki_page), S("board", "issue_tracker", "benign", board),
    S("contact_card", "crm", "benign", contact_card, hard_negative=True),
    S("profile_header", "profile", "benign", profile_header), S("shell", "terminal", "benign", shell),
    S("login_form", "form", "benign", login_form),
)
