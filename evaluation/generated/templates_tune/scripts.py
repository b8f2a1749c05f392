"""Eighth screen tuning family (`tune_scripts`, held-out drawings `tune_scripts_held`): short names in
other scripts (Han, kana, Hangul, Devanagari, Arabic, Thai, Hebrew, Bengali, Tamil) in name positions,
and the signed-in user's initials at the right of header bars; written before reading the screen cover
rules. Member lists, chat senders, mail lists, org charts, calendar attendees and spreadsheets as real
apps draw them (selected rows, coloured bars, 11-22 px, Noto CJK and DejaVu/Liberation fallbacks), and
header bars in the manner of GitHub, Gmail, Jira, Slack, Teams, Notion and Figma with icons, bells,
counts and the user's monogram. Each situation has a tuning drawing and a held-out one
(scripts_held.py: other apps' layouts and other locales' draw order), so a rule fitted to one drawing
is measured on the other. UI glyphs that must stay (counts, tab labels, language chips, short menu
words) carry the label `UI_KEEP`: covering them is over-redaction. Score with
`python -m evaluation.evaluate --splits tune_scripts`.
"""
from __future__ import annotations

import html
import random
from dataclasses import dataclass

from faker import Faker

from evaluation.generated.records import Screen, ScreenRecipe as S
from evaluation.generated.spans import Slots
from evaluation.generated.templates_tune.placed import situation_recipes

SEED = 20261213
PUBLIC_SHARE = None
TEXT_RECIPES: tuple = ()
OPAQUE_IDS = True
__all__ = ["SCREEN_RECIPES", "draw_look", "recipes"]
KEEP = "UI_KEEP"
_TUNE_LOCALES = ("zh_CN", "ja_JP", "ko_KR", "hi_IN", "ar_SA", "th_TH", "he_IL", "zh_TW", "en_US", "de_DE")
_HELD_LOCALES = ("zh_TW", "ja_JP", "ko_KR", "ne_NP", "fa_IR", "bn_BD", "ta_IN", "zh_CN", "fr_FR", "en_GB")
_FAMILY_FIRST = ("zh_CN", "zh_TW", "ja_JP", "ko_KR")
_FONTS = ('"Liberation Sans", "Noto Sans CJK SC", sans-serif', '"DejaVu Sans", "Noto Sans CJK KR", sans-serif',
          'system-ui, "Noto Sans CJK JP", sans-serif', '"Noto Sans CJK TC", "DejaVu Sans", sans-serif')
_BARS = (("#24292f", "#f0f6fc"), ("#f6f8fa", "#1f2328"), ("#0052cc", "#ffffff"), ("#3f0e40", "#ffffff"),
         ("#464eb8", "#ffffff"), ("#ffffff", "#37352f"), ("#2c2c2c", "#ffffff"), ("#f1f3f4", "#202124"),
         ("#1d1c1d", "#d1d2d3"), ("#0078d4", "#ffffff"))
_FILLS = ("#1a73e8", "#d93025", "#188038", "#e37400", "#9334e6", "#0052cc", "#e01e5a", "#8250df", "#0969da",
          "#00875a", "#6554c0", "#bf3989")


@dataclass
class Kit:
    """One screen's drawing kit: rng, slots, theme and the locales names are drawn from."""

    s: Slots
    rng: random.Random
    theme: str
    locales: tuple[str, ...]

    @property
    def dark(self) -> bool:
        """Dark theme or not."""
        return self.theme == "dark"

    def c(self, name: str) -> str:
        """A theme colour."""
        dark = {"bg": "#1e1f22", "fg": "#e8eaed", "soft": "#9aa0a6", "panel": "#2b2d31", "line": "#3c4043", "sel": "#35373c"}
        light = {"bg": "#ffffff", "fg": "#202124", "soft": "#5f6368", "panel": "#f6f8fa", "line": "#dadce0", "sel": "#e8f0fe"}
        return (dark if self.dark else light)[name]

    def _faker(self, locale: str) -> Faker:
        faker = Faker(locale)
        faker.seed_instance(self.rng.getrandbits(32))
        return faker

    def name(self, form: str = "") -> str:
        """A person's name as a list shows it: full, given or family name; East Asian order without space."""
        locale = self.rng.choice(self.locales)
        faker = self._faker(locale)
        first, last = faker.first_name(), faker.last_name()
        form = form or self.rng.choice(("full", "full", "full", "first", "last"))
        if form == "first":
            return first
        if form == "last":
            return last
        if locale in _FAMILY_FIRST:
            return f"{last}{' ' if locale == 'ko_KR' and self.rng.random() < 0.2 else ''}{first}"
        return f"{first} {last}"

    def monogram(self) -> str:
        """The initials an avatar shows: two Latin capitals, one Han or Hangul glyph, two given-name glyphs
        (as Chinese and Korean apps draw them), or a first letter of another script."""
        locale = self.rng.choice(self.locales)
        faker = self._faker(locale)
        first, last = faker.first_name(), faker.last_name()
        if locale in _FAMILY_FIRST:
            return self.rng.choice((last[:1], first[-2:], first[:1]))
        if first.isascii():
            return self.rng.choice(((first[:1] + last[:1]).upper(), first[:1].upper(), (first[:1] + last[:1]).upper()))
        return first[:1]

    def person(self, region: str, form: str = "") -> str:
        """A gold PERSON span."""
        return pii(self.name(form), "PERSON", region)

    def tile(self, region: str, size: int, round_: bool = True, extra: str = "") -> str:
        """An initials tile: a gold INITIALS span on a fill."""
        return (f'<span style="display:inline-flex; flex:none; align-items:center; justify-content:center; width:{size}px;'
                f' height:{size}px; border-radius:{"50%" if round_ else "4px"}; background:{self.rng.choice(_FILLS)};'
                f' color:#ffffff; font-size:{max(9, round(size * self.rng.choice((0.4, 0.45, 0.5))))}px; font-weight:'
                f'{self.rng.choice((400, 500, 600))}; {extra}">' + pii(self.monogram(), "INITIALS", region) + "</span>")


def pii(value: str, label: str, region: str) -> str:
    """A marked value the renderer boxes; UI glyphs to keep go in a region of their own ("ui")."""
    region = "ui" if label == KEEP else region
    return f'<span class="pii" data-pii="{label}" data-region="{region}">{html.escape(value)}</span>'


def keep(value: str) -> str:
    """A UI word or count that must stay visible."""
    return pii(value, KEEP, "ui")


def draw_look(rng: random.Random) -> tuple[str, int]:
    """Light or dark, half the screens at 2x."""
    return ("dark" if rng.random() < 0.45 else "light"), (2 if rng.random() < 0.5 else 1)


def _page(k: Kit, app: str, title: str, body: str) -> Screen:
    width, height = k.rng.choice(((1280, 800), (1440, 900), (1366, 768)))
    document = f"""<!doctype html><html><head><meta charset="utf-8"><style>
* {{ box-sizing:border-box; }}
html, body {{ margin:0; height:100%; background:{k.c("bg")}; color:{k.c("fg")}; font-family:{k.rng.choice(_FONTS)};
  font-size:{k.rng.choice((11, 12, 13, 14, 15))}px; line-height:1.45; }}
.pii {{ white-space:nowrap; }}
.soft {{ color:{k.c("soft")}; }}
.b {{ font-weight:700; }}
.row {{ display:flex; align-items:center; gap:10px; padding:6px 14px; }}
.fill {{ flex:1; }}
.panel {{ background:{k.c("panel")}; }}
.line {{ border-bottom:1px solid {k.c("line")}; }}
.sel {{ background:{k.c("sel")}; }}
table {{ border-collapse:collapse; width:100%; }}
td, th {{ border:1px solid {k.c("line")}; padding:4px 8px; text-align:left; white-space:nowrap; }}
th {{ color:{k.c("soft")}; font-weight:600; background:{k.c("panel")}; }}
</style></head><body>{body}</body></html>"""
    return Screen(app, title, "", document, width, height)


def _icon(glyph: str, k: Kit, fg: str) -> str:
    return f'<span style="display:inline-flex; width:28px; justify-content:center; color:{fg}">{glyph}</span>'


def _count(k: Kit) -> str:
    return ('<span style="background:#d93025; color:#fff; border-radius:9px; padding:0 6px; font-size:11px; font-weight:700">'
            + keep(k.rng.choice(("3", "12", "99+", "1", "7"))) + "</span>")


# Headers: the signed-in user's monogram at the right among icons.

def header_tune(k: Kit) -> Screen:
    """An app bar (GitHub, Jira, Slack, Gmail, Figma manner): logo, tabs, search, icons, a count, the user's tile."""
    bar, fg = k.rng.choice(_BARS)
    app = k.rng.choice(("GitHub", "Jira", "Slack", "Gmail", "Figma", "Notion"))
    tabs = "".join(f'<span style="margin-right:12px">{keep(t)}</span>'
                   for t in k.rng.sample(("Issues", "Pull requests", "Boards", "Files", "Home", "Docs", "Apps"), 3))
    icons = "".join(_icon(g, k, fg) for g in k.rng.sample(("&#128276;", "&#43;", "&#9881;", "&#9776;", "?", "&#8943;"), 3))
    size = k.rng.choice((20, 24, 28, 32, 36))
    right = (f'<span style="border:1px solid {fg}55; border-radius:6px; padding:2px 40px; opacity:.8">Search</span>'
             f'{icons}{_count(k) if k.rng.random() < 0.5 else ""}{k.tile("header", size, k.rng.random() < 0.7)}')
    top = (f'<div class="row" style="background:{bar}; color:{fg}; padding:{k.rng.choice((4, 8, 10))}px 16px">'
           f'<span class="b">{app}</span>{tabs}<span class="fill"></span>{right}</div>')
    rows = "".join(f'<div class="row line"><span class="b" style="width:280px">{t}</span><span class="soft">{d}</span></div>'
                   for t, d in (("Release checklist", "Updated 2 hours ago"), ("Onboarding guide", "Shared with you"),
                                ("Q4 roadmap", "Edited yesterday"), ("Incident 4211", "Resolved")))
    return _page(k, "Google Chrome", app, top + rows)


def header_held(k: Kit) -> Screen:
    """A suite bar (Teams, Outlook, Confluence manner): waffle, product, centred search, help, settings, the user's
    monogram with a presence dot, and a secondary toolbar under it."""
    bar, fg = k.rng.choice(_BARS)
    size = k.rng.choice((24, 28, 32))
    top = (f'<div class="row" style="background:{bar}; color:{fg}; padding:6px 12px; gap:14px">&#8942;&#8942;'
           f'<span class="b">{k.rng.choice(("Teams", "Outlook", "Confluence", "Asana", "Linear"))}</span><span class="fill"></span>'
           '<span style="background:rgba(255,255,255,.85); color:#444; border-radius:4px; padding:3px 90px">Search</span>'
           f'<span class="fill"></span>{_icon("&#9881;", k, fg)}{_icon("?", k, fg)}'
           + k.tile("header", size) + '<span style="width:8px; height:8px; border-radius:50%; background:#6bb700;'
           ' margin-left:-16px; margin-top:18px"></span></div>')
    tools = "".join(f'<span class="soft" style="margin-right:14px">{keep(t)}</span>' for t in ("New", "Reply", "Archive", "Move"))
    cards = "".join(f'<div class="panel" style="margin:12px; padding:12px; border-radius:8px"><b>{t}</b><div class="soft">{d}</div></div>'
                    for t, d in (("Your tasks", "4 due this week"), ("Approvals", "2 expense reports")))
    return _page(k, "Microsoft Edge", "Home", top + f'<div class="row line">{tools}</div>' + cards)


def header_negative_tune(k: Kit) -> Screen:
    """Hard negative: a header bar with short UI words at its right (language chip, plan badge, AI button, counts)."""
    bar, fg = k.rng.choice(_BARS)
    chips = "".join(f'<span style="border:1px solid {fg}66; border-radius:4px; padding:1px 6px; margin-left:6px">{keep(t)}</span>'
                    for t in k.rng.sample(("EN", "AI", "Pro", "Beta", "New", "PR", "QA", "v2", "DE", "Help"), 3))
    top = (f'<div class="row" style="background:{bar}; color:{fg}; padding:8px 16px"><span class="b">Console</span>'
           f'<span>{keep("Overview")}</span><span>{keep("Logs")}</span><span class="fill"></span>{chips}{_count(k)}'
           f'{_icon("&#9881;", k, fg)}</div>')
    body = "<p style='padding:20px'>Deployments run at 02:00 UTC. Review the failed jobs before the next window.</p>"
    return _page(k, "Google Chrome", "Console", top + body)


def header_negative_held(k: Kit) -> Screen:
    """Hard negative: a toolbar ending in a keyboard hint, a step counter, a zoom level and a short status."""
    bar, fg = k.rng.choice(_BARS)
    right = "".join(f'<span style="margin-left:10px">{keep(t)}</span>'
                    for t in k.rng.sample(("100%", "1/3", "OK", "UTC", "CSV", "PDF", "Ctrl K", "Live"), 3))
    top = (f'<div class="row" style="background:{bar}; color:{fg}; padding:6px 14px"><span class="b">Editor</span>'
           f'<span>{keep("File")}</span><span>{keep("View")}</span><span class="fill"></span>{right}</div>')
    return _page(k, "Google Chrome", "Editor", top + "<p style='padding:20px'>Draft saved. Export when ready.</p>")


# Name positions in lists, chats, charts and sheets.

def members_tune(k: Kit) -> Screen:
    """A member sidebar (Slack/Discord manner): status dot, small avatar, name, a selected row in colour."""
    sel = k.rng.randint(0, 7)
    rows = ""
    for i in range(9):
        style = ' style="background:#1164a3; color:#fff"' if i == sel else ""
        tile = k.tile("sidebar", 20, False) if k.rng.random() < 0.5 else ""
        rows += f'<div class="row"{style}>{tile}{k.person("sidebar")}</div>'
    side = f'<div class="panel" style="width:260px; height:100%"><div class="row b">Direct messages</div>{rows}</div>'
    return _page(k, "Slack", "Slack", f'<div style="display:flex; height:100%">{side}<div style="padding:20px">Pick a conversation.</div></div>')


def members_held(k: Kit) -> Screen:
    """A roster table (Teams/Workday manner): name, role, location, a status chip; alternating row fills."""
    rows = ""
    for i in range(8):
        fill = f' style="background:{k.c("panel")}"' if i % 2 else ""
        rows += (f'<tr{fill}><td>{k.person("table")}</td><td>{k.rng.choice(("Engineer", "Designer", "Analyst", "Manager"))}</td>'
                 f'<td>{k.rng.choice(("Remote", "Office", "Hybrid"))}</td><td>{keep(k.rng.choice(("Active", "Away", "Busy")))}</td></tr>')
    return _page(k, "Microsoft Teams", "Team", '<div style="padding:16px"><table><tr><th>Name</th><th>Role</th><th>Where</th>'
                 f"<th>Status</th></tr>{rows}</table></div>")


def chat_tune(k: Kit) -> Screen:
    """A chat channel: each message under its sender's name in bold, a time, English text."""
    msgs = ""
    for _ in range(6):
        msgs += (f'<div class="row" style="align-items:flex-start">{k.tile("avatar", 36, False)}<div><span class="b">'
                 f'{k.person("body")}</span> <span class="soft">{k.rng.randint(9, 17)}:{k.rng.randint(10, 59)}</span><br>'
                 f'{k.rng.choice(("Pushed the fix.", "Can we move standup?", "LGTM", "Deploy is green.", "Thanks!"))}</div></div>')
    return _page(k, "Slack", "general", f'<div class="row line b"># general</div>{msgs}')


def chat_held(k: Kit) -> Screen:
    """A messenger thread (WhatsApp/WeChat manner): bubbles with the sender's name in colour above the text."""
    msgs = ""
    for i in range(6):
        side = "flex-end" if i % 3 == 2 else "flex-start"
        msgs += (f'<div style="display:flex; justify-content:{side}; padding:4px 20px"><div style="background:{k.c("panel")};'
                 f' border-radius:8px; padding:6px 10px; max-width:420px"><div style="color:{k.rng.choice(_FILLS)}; font-size:12px">'
                 f'{k.person("body")}</div>{k.rng.choice(("Sent the slides", "On my way", "Room 4B", "Ok"))}</div></div>')
    return _page(k, "WhatsApp", "Project group", f'<div class="row line b">Project group</div>{msgs}')


def mail_tune(k: Kit) -> Screen:
    """A mail list (Gmail manner): checkbox, star, sender, subject and snippet, date; one selected row."""
    rows = ""
    sel = k.rng.randint(0, 6)
    for i in range(7):
        cls = "row line sel" if i == sel else "row line"
        rows += (f'<div class="{cls}"><span class="soft">&#9744; &#9734;</span><span class="b" style="width:200px">'
                 f'{k.person("table")}</span><span class="fill">{k.rng.choice(("Invoice", "Offsite plan", "Weekly report", "Re: contract"))}'
                 f' <span class="soft">- see attached</span></span><span class="soft">{k.rng.choice(("Nov 3", "10:42", "Oct 28"))}</span></div>')
    return _page(k, "Gmail", "Inbox", '<div class="row line"><b>Inbox</b></div>' + rows)


def mail_held(k: Kit) -> Screen:
    """A reading pane header (Outlook manner): a large monogram, the sender, To and Cc lines of names."""
    to = "; ".join(k.person("body") for _ in range(k.rng.randint(1, 3)))
    head = (f'<div class="row" style="align-items:flex-start; padding:16px">{k.tile("avatar", 40)}<div><div class="b">'
            f'{k.person("body")}</div><div class="soft">To: {to}</div><div class="soft">Cc: {k.person("body")}</div></div></div>')
    return _page(k, "Outlook", "Mail", f'<div class="row line"><b>Budget review</b></div>{head}'
                 '<p style="padding:0 20px">Please find the numbers attached.</p>')


def org_tune(k: Kit) -> Screen:
    """An org chart: a manager card over a row of report cards, each a name and a job title."""
    def card(region: str) -> str:
        return (f'<div class="panel" style="border-top:3px solid {k.rng.choice(_FILLS)}; padding:8px 12px; border-radius:6px;'
                f' min-width:140px; text-align:center"><div class="b">{k.person(region)}</div><div class="soft">'
                f'{k.rng.choice(("Director", "Lead", "Engineer", "Designer", "PM"))}</div></div>')
    reports = "".join(card("body") for _ in range(k.rng.randint(3, 5)))
    return _page(k, "Workday", "Org chart", f'<div style="display:flex; justify-content:center; padding:20px">{card("body")}</div>'
                 f'<div style="display:flex; justify-content:center; gap:14px">{reports}</div>')


def org_held(k: Kit) -> Screen:
    """A calendar event panel: title, time, attendees with response chips (Accepted, Maybe, Declined)."""
    rows = "".join(f'<div class="row">{k.tile("body", 24)}{k.person("body")}<span class="fill"></span>'
                   f'<span class="soft">{keep(k.rng.choice(("Accepted", "Maybe", "Declined")))}</span></div>'
                   for _ in range(k.rng.randint(4, 6)))
    return _page(k, "Google Calendar", "Event", '<div style="padding:16px; width:480px"><div class="b" style="font-size:18px">'
                 f'Design review</div><div class="soft">Thu 14:00 - 15:00</div><div class="b" style="margin-top:10px">Guests</div>{rows}</div>')


def sheet_tune(k: Kit) -> Screen:
    """A spreadsheet grid: row numbers, column letters, a names column among departments and extensions."""
    rows = "".join(f'<tr><th>{i}</th><td>{k.person("table")}</td><td>{k.rng.choice(("Sales", "R&D", "Ops", "Legal"))}</td>'
                   f'<td>{k.rng.randint(100, 999)}</td><td>{k.rng.choice(("Yes", "No"))}</td></tr>' for i in range(2, 14))
    return _page(k, "Google Sheets", "Staff", '<table style="font-size:12px"><tr><th></th><th>A</th><th>B</th><th>C</th>'
                 f'<th>D</th></tr><tr><th>1</th><td>Name</td><td>Dept</td><td>Ext</td><td>Remote</td></tr>{rows}</table>')


def sheet_held(k: Kit) -> Screen:
    """A board of cards (Trello/Jira manner): card title, a due chip and the assignee's name at the bottom."""
    cols = ""
    for column in ("To do", "Doing", "Done"):
        cards = "".join(f'<div style="background:{k.c("bg")}; border-radius:6px; padding:8px; margin:8px 0">'
                        f'{k.rng.choice(("Fix login", "Draft FAQ", "Price page", "Audit logs"))}<div class="soft" style="font-size:11px">'
                        f'{k.person("table")}</div></div>' for _ in range(k.rng.randint(2, 4)))
        cols += f'<div class="panel" style="width:260px; padding:8px; border-radius:8px"><b>{column}</b>{cards}</div>'
    return _page(k, "Trello", "Board", f'<div style="display:flex; gap:12px; padding:16px">{cols}</div>')


_SITUATIONS = (("header", "workspace", header_tune, header_held, False),
               ("header_negative", "settings", header_negative_tune, header_negative_held, True),
               ("header_again", "workspace", header_tune, header_held, False),
               ("members", "chat", members_tune, members_held, False), ("chat", "chat", chat_tune, chat_held, False),
               ("mail", "mail", mail_tune, mail_held, False), ("org", "people", org_tune, org_held, False),
               ("sheet", "sheet", sheet_tune, sheet_held, False))


def recipes(held: bool) -> tuple[S, ...]:
    """The family's recipes: one drawing per situation and one set of locales (the held-out ones or not)."""
    return situation_recipes(_SITUATIONS, _HELD_LOCALES if held else _TUNE_LOCALES, held, Kit)


SCREEN_RECIPES = recipes(held=False)
