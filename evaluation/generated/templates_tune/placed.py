"""Ninth screen tuning family (`tune_placed`, held-out drawings `tune_placed_held`): the signed-in
user's and colleagues' initials placed where real apps put them, not only at the far right of the top
bar; written before reading the screen cover rules. A monogram followed or preceded by a caret, a
name, a status dot, a count or a menu; at the foot of a left rail, in a second toolbar's presence
list, in a sidebar's workspace switcher, a reading-pane header, a comment thread, a board card's
corner, a call's tiles and a task table's assignee column (GitHub, GitLab, Jira, Confluence, Slack,
Teams, Zoom, Gmail, Outlook, Google Docs, Notion, Figma, Linear, Asana, Trello, Salesforce, Zendesk);
one to three Latin capitals or a glyph of another script (Cyrillic, Greek, Han, Hangul, kana,
Devanagari, Arabic); light and dark, half the screens at 2x, 11-22 px type. Hard negatives put UI
acronyms and short words in the same boxes and chips (EN, AI, PR, QA, UTC, PDF, CSV, OK, Go, New,
Pro, Beta, v2, counts, weekday abbreviations, file-type chips, keyboard shortcuts), labelled
`UI_KEEP`: covering them is over-redaction. Each situation has a tuning drawing and a held-out one
(placed_held.py: other apps' layouts, other locales, another seed). Score with
`python -m evaluation.evaluate --splits tune_placed`.
"""
from __future__ import annotations

import html
import random
from dataclasses import dataclass

from faker import Faker

from evaluation.generated.records import Screen, ScreenRecipe as S
from evaluation.generated.spans import Slots

SEED = 20261221
PUBLIC_SHARE = None
TEXT_RECIPES: tuple = ()
OPAQUE_IDS = True
__all__ = ["SCREEN_RECIPES", "draw_look", "recipes"]
KEEP = "UI_KEEP"
_TUNE_LOCALES = ("en_US", "en_US", "de_DE", "fr_FR", "es_ES", "pl_PL", "ru_RU", "el_GR", "zh_CN", "ko_KR", "ja_JP", "ar_AA")
_HELD_LOCALES = ("en_GB", "en_GB", "it_IT", "pt_BR", "nl_NL", "tr_TR", "uk_UA", "bg_BG", "zh_TW", "ko_KR", "hi_IN", "he_IL")
_FAMILY_FIRST = ("zh_CN", "zh_TW", "ja_JP", "ko_KR")
_FONTS = ('"Liberation Sans", "Noto Sans CJK SC", sans-serif', '"DejaVu Sans", "Noto Sans CJK KR", sans-serif',
          'system-ui, "Noto Sans CJK JP", sans-serif', '"Noto Sans", "DejaVu Sans", sans-serif')
_BARS = (("#24292f", "#f0f6fc"), ("#f6f8fa", "#1f2328"), ("#0052cc", "#ffffff"), ("#3f0e40", "#ffffff"),
         ("#464eb8", "#ffffff"), ("#ffffff", "#37352f"), ("#2c2c2c", "#ffffff"), ("#f1f3f4", "#202124"),
         ("#fc6d26", "#ffffff"), ("#032d60", "#ffffff"), ("#17494d", "#ffffff"), ("#5e6ad2", "#ffffff"))
_FILLS = ("#1a73e8", "#d93025", "#188038", "#e37400", "#9334e6", "#0052cc", "#e01e5a", "#8250df", "#0969da",
          "#00875a", "#6554c0", "#bf3989", "#5e6ad2", "#f06a6a", "#0b6a0b")
_PASTEL = (("#e8ebfa", "#4f52b2"), ("#fde7e9", "#a4262c"), ("#dff6dd", "#0b6a0b"), ("#fff4ce", "#8a6a00"),
           ("#e0f4fd", "#005b70"), ("#ececec", "#37352f"))
# UI words and acronyms drawn in the same chips and circles as initials (hard negatives).
_UI_CHIPS = ("EN", "AI", "PR", "QA", "UTC", "PDF", "CSV", "OK", "Go", "New", "Pro", "Beta", "v2", "DE", "FAQ",
             "API", "DOC", "XLS", "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "Mon", "Tue", "Wed", "Fri", "Jan", "Feb",
             "Dec", "ON", "OFF", "ID", "HR", "IT", "US", "UK", "EU", "SQL", "JS", "PY", "MD", "ZIP", "PNG")
_SHORTCUTS = ("Ctrl K", "⌘K", "⌘⇧P", "Alt F", "Esc", "Tab", "F2", "Shift")


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

    def _names(self) -> tuple[str, str, str]:
        locale = self.rng.choice(self.locales)
        faker = Faker(locale)
        faker.seed_instance(self.rng.getrandbits(32))
        return locale, faker.first_name(), faker.last_name()

    def name(self) -> str:
        """A full name as a list shows it (East Asian order without a space)."""
        locale, first, last = self._names()
        return f"{last}{first}" if locale in _FAMILY_FIRST else f"{first} {last}"

    def monogram(self) -> str:
        """Initials as an avatar shows them: two or three Latin capitals, one capital, a family-name glyph,
        two given-name glyphs (Chinese and Korean apps), or the first letters in another script."""
        locale, first, last = self._names()
        if locale in _FAMILY_FIRST:
            return self.rng.choice((last[:1], first[-2:], last[:1]))
        if first[:1].isascii():
            roll = self.rng.random()
            if roll < 0.15:
                return first[:1].upper()
            if roll < 0.25:
                return (first[:1] + self.rng.choice("ABCDEFGHJKLMNPRSTW") + last[:1]).upper()
            return (first[:1] + last[:1]).upper()
        return (first[:1] + last[:1]).upper() if self.rng.random() < 0.7 else first[:1].upper()

    def person(self, region: str) -> str:
        """A gold PERSON span."""
        return pii(self.name(), "PERSON", region)

    def fill(self) -> tuple[str, str]:
        """A tile's background and letter colour: solid brand fills or pastel pairs."""
        if self.rng.random() < 0.3:
            return self.rng.choice(_PASTEL)
        return self.rng.choice(_FILLS), "#ffffff"

    def chip(self, inner: str, size: int, shape: str = "") -> str:
        """A round or square tile holding `inner` (a marked span)."""
        bg, fg = self.fill()
        radius = shape or self.rng.choice(("50%", "50%", "4px", "6px"))
        font = max(9, round(size * self.rng.choice((0.38, 0.42, 0.46, 0.5))))
        return (f'<span style="display:inline-flex; flex:none; align-items:center; justify-content:center; width:{size}px;'
                f' height:{size}px; border-radius:{radius}; background:{bg}; color:{fg}; font-size:{font}px;'
                f' font-weight:{self.rng.choice((400, 500, 600, 700))}">{inner}</span>')

    def tile(self, region: str, size: int, shape: str = "") -> str:
        """An initials tile: a gold INITIALS span on a fill."""
        return self.chip(pii(self.monogram(), "INITIALS", region), size, shape)

    def ui_tile(self, size: int) -> str:
        """A UI acronym in the same kind of tile (hard negative)."""
        return self.chip(keep(self.rng.choice(_UI_CHIPS)), size)

    def size(self) -> int:
        """An avatar's CSS size."""
        return self.rng.choice((18, 20, 22, 24, 28, 32, 36))

    def after(self, fg: str) -> str:
        """What real apps draw after the user's monogram: a caret, a status dot, a count or a menu (or nothing)."""
        return self.rng.choice((f'<span style="color:{fg}; margin-left:2px">&#9662;</span>',
                                f'<span style="color:{fg}">&#8964;</span>',
                                '<span style="width:8px; height:8px; border-radius:50%; background:#2eb67d"></span>',
                                f'<span style="color:{fg}">&#8942;</span>', count(self), ""))


def pii(value: str, label: str, region: str) -> str:
    """A marked value the renderer boxes; UI glyphs to keep go in a region of their own ("ui")."""
    region = "ui" if label == KEEP else region
    return f'<span class="pii" data-pii="{label}" data-region="{region}">{html.escape(value)}</span>'


def keep(value: str) -> str:
    """A UI word or count that must stay visible."""
    return pii(value, KEEP, "ui")


def count(k: Kit) -> str:
    """A notification count badge (kept)."""
    return ('<span style="background:#d93025; color:#fff; border-radius:9px; padding:0 6px; font-size:11px; font-weight:700">'
            + keep(k.rng.choice(("3", "12", "99+", "1", "7", "24"))) + "</span>")


def draw_look(rng: random.Random) -> tuple[str, int]:
    """Light or dark, half the screens at 2x."""
    return ("dark" if rng.random() < 0.45 else "light"), (2 if rng.random() < 0.5 else 1)


def page(k: Kit, app: str, title: str, body: str) -> Screen:
    """The screen's HTML document at one of three window sizes."""
    width, height = k.rng.choice(((1280, 800), (1440, 900), (1366, 768)))
    document = f"""<!doctype html><html><head><meta charset="utf-8"><style>
* {{ box-sizing:border-box; }}
html, body {{ margin:0; height:100%; background:{k.c("bg")}; color:{k.c("fg")}; font-family:{k.rng.choice(_FONTS)};
  font-size:{k.rng.choice((11, 12, 13, 14, 15, 16, 18))}px; line-height:1.45; }}
.pii {{ white-space:nowrap; }}
.soft {{ color:{k.c("soft")}; }}
.b {{ font-weight:700; }}
.row {{ display:flex; align-items:center; gap:10px; padding:6px 14px; }}
.fill {{ flex:1; }}
.panel {{ background:{k.c("panel")}; }}
.line {{ border-bottom:1px solid {k.c("line")}; }}
table {{ border-collapse:collapse; width:100%; }}
td, th {{ border-bottom:1px solid {k.c("line")}; padding:6px 8px; text-align:left; white-space:nowrap; }}
th {{ color:{k.c("soft")}; font-weight:600; }}
</style></head><body>{body}</body></html>"""
    return Screen(app, title, "", document, width, height)


def bar(k: Kit, left: str, right: str) -> str:
    """A coloured top bar."""
    colour, fg = k.rng.choice(_BARS)
    return (f'<div class="row" style="background:{colour}; color:{fg}; padding:{k.rng.choice((4, 6, 8, 10))}px 14px">'
            f'{left}<span class="fill"></span>{right}</div>')


def lines(k: Kit, n: int) -> str:
    """Ordinary work rows under a bar."""
    items = ("Release checklist", "Onboarding guide", "Q4 roadmap", "Incident review", "Pricing page copy",
             "Migrate billing jobs", "Fix flaky test", "Design tokens v2")
    return "".join(f'<div class="row line"><span style="width:260px">{t}</span><span class="soft">Updated today</span></div>'
                   for t in k.rng.sample(items, n))


# Situations: a tuning drawing and a held-out drawing each.

def rail_tune(k: Kit) -> Screen:
    """A left rail (Slack, Teams, Discord): workspace tiles at the top, the user's monogram with a status dot at its foot."""
    spaces = "".join(k.chip(keep(w), 36, "8px") + "<br><br>" for w in k.rng.sample(("A", "Go", "Pro", "QA", "Beta"), 2))
    user = k.tile("sidebar", k.rng.choice((28, 32, 36))) + k.after(k.c("soft"))
    rail = (f'<div class="panel" style="width:68px; height:100%; display:flex; flex-direction:column; align-items:center;'
            f' padding:12px 0">{spaces}<span class="fill"></span>{user}</div>')
    return page(k, "Slack", "Slack", f'<div style="display:flex; height:100%">{rail}<div style="flex:1">{lines(k, 5)}</div></div>')


def rail_held(k: Kit) -> Screen:
    """A design tool's left panel (Figma, Linear): the workspace switcher at the top, the user's monogram then a name and caret."""
    top = (f'<div class="row line">{k.tile("sidebar", k.rng.choice((20, 24)), "4px")}'
           f'<span class="b">{k.person("sidebar")}</span><span class="soft">&#9662;</span></div>')
    nav = "".join(f'<div class="row soft">{t}</div>' for t in ("Inbox", "My issues", "Views", "Teams"))
    side = f'<div class="panel" style="width:240px; height:100%">{top}{nav}</div>'
    return page(k, "Linear", "Linear", f'<div style="display:flex; height:100%">{side}<div style="flex:1">{lines(k, 5)}</div></div>')


def topbar_tune(k: Kit) -> Screen:
    """A top bar (GitLab, Jira, Salesforce) where the user's monogram is followed by a caret, a count or a menu."""
    colour, fg = k.rng.choice(_BARS)
    right = (f'<span style="border:1px solid {fg}55; border-radius:6px; padding:2px 40px; opacity:.8">Search</span>'
             f'<span>&#128276;</span>{k.tile("header", k.size())}{k.after(fg)}'
             + (f'<span style="color:{fg}">{keep("Help")}</span>' if k.rng.random() < 0.3 else ""))
    top = (f'<div class="row" style="background:{colour}; color:{fg}; padding:{k.rng.choice((4, 8))}px 14px">'
           f'<span class="b">{k.rng.choice(("GitLab", "Jira", "Salesforce", "Zendesk"))}</span>'
           f'<span>{keep("Projects")}</span><span class="fill"></span>{right}</div>')
    return page(k, "Google Chrome", "Projects", top + lines(k, 6))


def topbar_held(k: Kit) -> Screen:
    """A suite bar (Outlook, Asana, Trello) with the monogram in the middle of the right group, then the name and a menu."""
    colour, fg = k.rng.choice(_BARS)
    right = (f'{k.tile("header", k.size())}<span>{k.person("header")}</span><span>&#8942;</span>'
             f'<span>{keep(k.rng.choice(("Upgrade", "Share", "Invite")))}</span>')
    top = (f'<div class="row" style="background:{colour}; color:{fg}; padding:6px 14px">&#8942;&#8942; '
           f'<span class="b">{k.rng.choice(("Outlook", "Asana", "Trello"))}</span><span class="fill"></span>{right}</div>')
    return page(k, "Microsoft Edge", "Home", top + lines(k, 6))


def presence_tune(k: Kit) -> Screen:
    """A document's second toolbar (Google Docs, Sheets): title, menus, then a presence list of collaborators and Share."""
    heads = "".join(k.tile("header", k.rng.choice((24, 28, 32)), "50%") for _ in range(k.rng.randint(2, 4)))
    more = f'<span class="soft">{keep("+" + str(k.rng.randint(2, 9)))}</span>' if k.rng.random() < 0.5 else ""
    first = (f'<div class="row"><span class="b" style="font-size:18px">Quarterly plan</span><span class="fill"></span>'
             f'{heads}{more}<span style="background:#c2e7ff; color:#001d35; border-radius:16px; padding:4px 14px">Share</span></div>')
    menus = "".join(f'<span class="soft">{m}</span>' for m in ("File", "Edit", "View", "Insert", "Format", "Tools"))
    return page(k, "Google Docs", "Quarterly plan", first + f'<div class="row line">{menus}</div>'
                '<p style="padding:20px 60px">Goals for the quarter: ship the importer, cut p95 latency, hire two engineers.</p>')


def presence_held(k: Kit) -> Screen:
    """A design tool's top bar (Figma, Miro): file name in the middle, stacked avatars with a "+N" overflow, Share and zoom."""
    colour, fg = k.rng.choice(_BARS)
    stack = "".join(f'<span style="margin-left:-6px; border:2px solid {colour}; border-radius:50%; display:inline-flex">'
                    f'{k.tile("header", 24, "50%")}</span>' for _ in range(k.rng.randint(2, 4)))
    right = f'{stack}<span>{keep("+" + str(k.rng.randint(2, 9)))}</span><span>{keep("Share")}</span><span>{keep("100%")}</span>'
    return page(k, "Figma", "Wireframes", bar(k, '<span class="b">Wireframes</span><span class="soft">Drafts</span>', right)
                + '<div style="padding:30px" class="soft">Frame 12 - Checkout</div>')


def thread_tune(k: Kit) -> Screen:
    """A comment thread (Confluence, Google Docs): a monogram circle, the author, a time, the comment."""
    items = ""
    for _ in range(k.rng.randint(3, 4)):
        items += (f'<div class="row" style="align-items:flex-start">{k.tile("body", k.rng.choice((24, 28, 32)), "50%")}'
                  f'<div><span class="b">{k.person("body")}</span> <span class="soft">{k.rng.randint(1, 11)}h ago</span><br>'
                  f'{k.rng.choice(("Can we reword this?", "Agreed, ship it.", "Link the spec here.", "Resolved in v2."))}</div></div>')
    return page(k, "Confluence", "Spec", f'<div class="row line b">Comments</div><div style="width:420px">{items}</div>')


def thread_held(k: Kit) -> Screen:
    """An issue's activity feed (Linear, GitHub): a small chip, then the name, an action and a time on one line."""
    items = ""
    for _ in range(k.rng.randint(3, 5)):
        items += (f'<div class="row soft">{k.tile("body", k.rng.choice((16, 18, 20)), "50%")}'
                  f'<span>{k.person("body")}</span><span>{k.rng.choice(("changed status to Done", "added label bug", "assigned the issue"))}'
                  f'</span><span>&#183; {k.rng.randint(2, 30)} min ago</span></div>')
    return page(k, "GitHub", "Issue", f'<div class="row line b">Activity</div>{items}')


def pane_tune(k: Kit) -> Screen:
    """A reading-pane header (Outlook, Gmail): a large monogram, the sender's name, the date."""
    head = (f'<div class="row" style="padding:16px">{k.tile("body", k.rng.choice((36, 40, 48)), "50%")}<div>'
            f'<div class="b">{k.person("body")}</div><div class="soft">Tue 10:42</div></div></div>')
    return page(k, "Outlook", "Mail", f'<div class="row line b">Budget review</div>{head}<p style="padding:0 20px">Numbers attached.</p>')


def pane_held(k: Kit) -> Screen:
    """A support ticket (Zendesk, Salesforce): the requester's square monogram, then the name with a status chip."""
    head = (f'<div class="row" style="padding:14px">{k.tile("body", k.rng.choice((32, 40)), "6px")}'
            f'<span class="b">{k.person("body")}</span><span style="background:#e0f4fd; color:#005b70; border-radius:4px;'
            f' padding:0 6px">{keep(k.rng.choice(("Open", "New", "Pending")))}</span></div>')
    return page(k, "Zendesk", "Ticket", f'<div class="row line b">Ticket 4821</div>{head}<p style="padding:0 20px">Refund requested.</p>')


def board_tune(k: Kit) -> Screen:
    """Board cards (Trello, Jira): a title and the assignee's chip in the card's corner, next to a key and a points count."""
    cols = ""
    for column in ("To do", "Doing", "Done"):
        cards = "".join(f'<div style="background:{k.c("bg")}; border-radius:6px; padding:8px; margin:8px 0">'
                        f'{k.rng.choice(("Fix login", "Draft FAQ", "Price page", "Audit logs"))}<div class="row" style="padding:4px 0">'
                        f'<span class="soft">{keep("OPS-" + str(k.rng.randint(10, 999)))}</span><span class="fill"></span>'
                        f'<span class="soft">{keep(str(k.rng.randint(1, 8)))}</span>{k.tile("table", k.rng.choice((20, 24)), "50%")}'
                        '</div></div>' for _ in range(k.rng.randint(2, 3)))
        cols += f'<div class="panel" style="width:260px; padding:8px; border-radius:8px"><b>{column}</b>{cards}</div>'
    return page(k, "Jira", "Board", f'<div style="display:flex; gap:12px; padding:16px">{cols}</div>')


def board_held(k: Kit) -> Screen:
    """A task table (Asana, monday): task, an assignee column of chips with the name, a due date, a priority chip."""
    rows = "".join(f'<tr><td>{k.rng.choice(("Draft brief", "Vendor call", "Update deck", "QA pass"))}</td>'
                   f'<td><span class="row" style="padding:0">{k.tile("table", 20, "50%")}{k.person("table")}</span></td>'
                   f'<td class="soft">{k.rng.choice(("Mon", "Fri", "Dec 12"))}</td>'
                   f'<td>{keep(k.rng.choice(("High", "Low", "P1", "P2")))}</td></tr>' for _ in range(k.rng.randint(5, 7)))
    return page(k, "Asana", "My tasks", f'<div style="padding:16px"><table><tr><th>Task</th><th>Assignee</th><th>Due</th>'
                f'<th>Priority</th></tr>{rows}</table></div>')


def call_tune(k: Kit) -> Screen:
    """Call tiles (Zoom, Teams) with cameras off: a large monogram in each tile and a name plate at its foot."""
    tiles = "".join(f'<div style="background:#3c4043; width:300px; height:180px; border-radius:8px; display:flex;'
                    f' flex-direction:column; align-items:center; justify-content:center; color:#fff">'
                    f'{k.tile("body", k.rng.choice((56, 64, 72)), "50%")}<div style="margin-top:8px">{k.person("body")}</div></div>'
                    for _ in range(k.rng.randint(2, 4)))
    return page(k, "Zoom", "Meeting", f'<div style="display:flex; flex-wrap:wrap; gap:10px; padding:16px; background:#202124;'
                f' height:100%">{tiles}</div>')


def call_held(k: Kit) -> Screen:
    """A call's participant panel (Teams, Meet): a small monogram, the name, mic and camera icons."""
    rows = "".join(f'<div class="row">{k.tile("sidebar", k.rng.choice((24, 28)), "50%")}{k.person("sidebar")}'
                   '<span class="fill"></span><span class="soft">&#127908; &#128249;</span></div>' for _ in range(k.rng.randint(4, 6)))
    side = f'<div class="panel" style="width:300px; height:100%"><div class="row b">People</div>{rows}</div>'
    return page(k, "Microsoft Teams", "Meeting", f'<div style="display:flex; height:100%"><div style="flex:1"></div>{side}</div>')


def negative_tune(k: Kit) -> Screen:
    """Hard negative: UI acronyms and short words in the same chips and circles (a rail, a top bar, a board card)."""
    colour, fg = k.rng.choice(_BARS)
    chips = "".join(k.ui_tile(k.size()) for _ in range(k.rng.randint(2, 3)))
    top = (f'<div class="row" style="background:{colour}; color:{fg}; padding:6px 14px"><span class="b">Console</span>'
           f'<span class="fill"></span>{chips}<span>{keep(k.rng.choice(_SHORTCUTS))}</span>{count(k)}</div>')
    rail = "".join(k.ui_tile(32) + "<br><br>" for _ in range(3))
    cards = "".join(f'<div class="row line"><span style="width:240px">{t}</span>{k.ui_tile(22)}'
                    f'<span class="soft">{keep(k.rng.choice(("Mon", "Tue", "Wed", "Thu", "Fri")))}</span></div>'
                    for t in k.rng.sample(("Export report", "Monthly invoices", "Load test", "Schema", "Backups"), 4))
    body = (f'<div style="display:flex"><div class="panel" style="width:64px; padding:12px; text-align:center">{rail}</div>'
            f'<div style="flex:1">{cards}</div></div>')
    return page(k, "Google Chrome", "Console", top + body)


def negative_held(k: Kit) -> Screen:
    """Hard negative: a calendar's weekday header, file-type tiles in a list and a language chip before a caret."""
    days = "".join(f'<span style="width:40px; text-align:center">{keep(d)}</span>' for d in ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"))
    files = "".join(f'<div class="row line">{k.chip(keep(ext), 28, "4px")}<span>{name}.{ext.lower()}</span>'
                    f'<span class="fill"></span><span class="soft">{k.rng.randint(2, 900)} KB</span></div>'
                    for ext, name in zip(k.rng.sample(("PDF", "CSV", "DOC", "XLS", "ZIP", "PNG", "MD"), 4),
                                         ("report", "export", "minutes", "budget")))
    colour, fg = k.rng.choice(_BARS)
    top = (f'<div class="row" style="background:{colour}; color:{fg}; padding:6px 14px"><span class="b">Drive</span>'
           f'<span class="fill"></span><span>{keep(k.rng.choice(("EN", "DE", "FR", "ES")))}</span><span>&#9662;</span>'
           f'{k.ui_tile(28)}<span>{keep(k.rng.choice(("UTC", "OK", "v2", "Beta")))}</span></div>')
    return page(k, "Google Chrome", "Drive", top + f'<div class="row line">{days}</div>' + files)


_SITUATIONS = (("rail", "chat", rail_tune, rail_held, False), ("topbar", "workspace", topbar_tune, topbar_held, False),
               ("presence", "docs", presence_tune, presence_held, False), ("thread", "docs", thread_tune, thread_held, False),
               ("pane", "mail", pane_tune, pane_held, False), ("board", "workspace", board_tune, board_held, False),
               ("call", "call", call_tune, call_held, False), ("negative", "settings", negative_tune, negative_held, True))


def situation_recipes(situations: tuple, locales: tuple[str, ...], held: bool, kit=None) -> tuple[S, ...]:
    """A screen tuning family's recipes: one drawing per (name, kind, tune drawing, held-out drawing, hard
    negative) situation, each handed a `kit` (this module's `Kit` unless given) of the family's locales."""
    kit = Kit if kit is None else kit
    out = []
    for name, kind, tune, other, negative in situations:
        draw = other if held else tune

        def build(s: Slots, rng: random.Random, theme: str, draw=draw) -> Screen:
            return draw(kit(s, rng, theme, locales))
        out.append(S(name, kind, "benign", build, hard_negative=negative))
    return tuple(out)


def recipes(held: bool) -> tuple[S, ...]:
    """The family's recipes: one drawing per situation and one set of locales (the held-out ones or not)."""
    return situation_recipes(_SITUATIONS, _HELD_LOCALES if held else _TUNE_LOCALES, held)


SCREEN_RECIPES = recipes(held=False)
