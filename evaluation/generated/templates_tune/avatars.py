"""Seventh screen tuning family (`tune_avatars`, held-out phrasings `tune_avatars_held`): initials
avatars as real design systems draw them, written before reading the screen cover rules. Tiles 16
to 128 CSS pixels, circles and rounded squares, solid, pastel and gradient fills, one or two letters
in Latin, Cyrillic, Greek, CJK and Hangul, light to bold weights; the signed-in user at the right of
coloured header bars, stacked presence groups with a "+N" overflow chip, inbox and chat lists,
video tiles with name plates, assignee circles in tables; light and dark at 1x and 2x (half the
screens). Each situation has two drawings and two sets of tile designs: the tuning seed uses one,
the held-out module (avatars_held.py) the other, so a rule fitted to one drawing is measured on the
other. UI glyphs that must stay (count badges, "+N" chips, file-type tiles, formatting buttons,
step numbers, toggles) are marked with the label `UI_KEEP`: for that label a covered box is
over-redaction, not a leak. Score with `python -m evaluation.evaluate --splits tune_avatars`.
"""
from __future__ import annotations

import html
import random
from dataclasses import dataclass
from typing import Callable

from faker import Faker

from evaluation.generated.records import Screen, ScreenRecipe as S
from evaluation.generated.spans import Slots

SEED = 20261207
PUBLIC_SHARE = None
TEXT_RECIPES: tuple = ()
OPAQUE_IDS = True
__all__ = ["SCREEN_RECIPES", "draw_look", "recipes"]
# Label of UI glyphs that must stay visible: scored as over-redaction when covered.
KEEP = "UI_KEEP"
_SCRIPT_LOCALES = ("ru_RU", "uk_UA", "el_GR", "bg_BG", "ko_KR", "zh_CN", "ja_JP")
_ONE_CHAR = ("ko_KR", "zh_CN", "ja_JP")
_FONTS = ('"Liberation Sans", "Noto Sans CJK SC", sans-serif', '"DejaVu Sans", "Noto Sans CJK KR", sans-serif',
          '"DejaVu Sans Condensed", "Noto Sans CJK JP", sans-serif')
# Solid brand fills (Material, Atlassian, Slack, GitHub orgs): white letters on them.
_SOLID = ("#1a73e8", "#d93025", "#188038", "#e37400", "#9334e6", "#0052cc", "#ff5630", "#00875a", "#6554c0",
          "#e01e5a", "#2eb67d", "#ecb22e", "#36c5f0", "#8250df", "#bf3989", "#0969da")
# Pastel fills with dark letters of the same hue (Fluent, Teams, Outlook, Notion).
_PASTEL = (("#e8ebfa", "#4f52b2"), ("#fde7e9", "#a4262c"), ("#dff6dd", "#0b6a0b"), ("#fff4ce", "#8a6a00"),
           ("#e0f4fd", "#005b70"), ("#f1e6f9", "#5c2e91"), ("#ececec", "#37352f"), ("#fbe4d8", "#8e3c12"))
_GRADIENT = (("#f6d365", "#fda085"), ("#84fab0", "#8fd3f4"), ("#a18cd1", "#fbc2eb"), ("#5ee7df", "#b490ca"),
             ("#667eea", "#764ba2"), ("#f093fb", "#f5576c"), ("#43e97b", "#38f9d7"), ("#fa709a", "#fee140"))


@dataclass(frozen=True)
class TileDesign:
    """How one design system draws an initials avatar."""

    name: str
    sizes: tuple[int, ...]
    radius: Callable[[int], str]
    fill: str  # solid, pastel, gradient, ring
    weights: tuple[int, ...]
    letters: int  # 1, 2, or 0 for either
    scale: float  # letter size / tile size


_ROUND = lambda size: "50%"  # noqa: E731
_TUNE_DESIGNS = (
    TileDesign("material", (24, 32, 40), _ROUND, "solid", (400, 500), 1, 0.5),
    TileDesign("atlassian", (16, 24, 32), _ROUND, "solid", (600, 700), 2, 0.42),
    TileDesign("slack", (20, 36, 48), lambda size: f"{max(3, size // 6)}px", "solid", (700,), 0, 0.45),
    TileDesign("docs_chip", (24, 28, 32), _ROUND, "ring", (500,), 1, 0.5),
    TileDesign("github_org", (20, 32, 64), lambda size: f"{max(4, size // 5)}px", "gradient", (600,), 0, 0.4),
)
_HELD_DESIGNS = (
    TileDesign("fluent", (24, 32, 40, 56), _ROUND, "pastel", (600,), 2, 0.4),
    TileDesign("zoom", (64, 96, 128), lambda size: f"{size // 8}px", "solid", (300, 400), 0, 0.38),
    TileDesign("linear", (16, 18, 20), _ROUND, "gradient", (500, 600), 2, 0.45),
    TileDesign("notion", (20, 24, 28), lambda size: "3px", "pastel", (400, 500), 1, 0.55),
    TileDesign("outlook", (28, 32, 36), _ROUND, "pastel", (300, 400), 2, 0.4),
)


@dataclass
class Kit:
    """One screen's drawing kit: its rng, slots, theme colours and the family's tile designs."""

    s: Slots
    rng: random.Random
    theme: str
    designs: tuple[TileDesign, ...]

    @property
    def dark(self) -> bool:
        """Dark theme or not."""
        return self.theme == "dark"

    def letters(self, key: str, count: int) -> str:
        """A person's initials as avatars show them: one or two letters, one character for CJK and
        Hangul names, sometimes a name in another script."""
        if self.rng.random() < 0.3:
            locale = self.rng.choice(_SCRIPT_LOCALES)
            faker = Faker(locale)
            faker.seed_instance(self.rng.getrandbits(32))
            first, last = faker.first_name(), faker.last_name()
            if locale in _ONE_CHAR:
                return last[:1]
            return (first[:1] + last[:1]) if count != 1 else first[:1]
        person = self.s.person(key)
        return person.initials[:count] if count else person.initials[:self.rng.choice((1, 2, 2))]

    def tile(self, key: str, region: str, size: int | None = None, design: TileDesign | None = None,
             extra: str = "") -> str:
        """An initials tile of one of the family's designs; its letters are gold INITIALS."""
        d = design or self.rng.choice(self.designs)
        size = size or self.rng.choice(d.sizes)
        letters = self.letters(key, d.letters)
        ink = "#ffffff"
        if d.fill == "solid":
            background = self.rng.choice(_SOLID)
        elif d.fill == "pastel":
            background, ink = self.rng.choice(_PASTEL)
            if self.dark:
                background, ink = ink, background
        elif d.fill == "gradient":
            a, b = self.rng.choice(_GRADIENT)
            background = f"linear-gradient({self.rng.choice((135, 45, 180))}deg, {a}, {b})"
            ink = self.rng.choice(("#ffffff", "#1f2328"))
        else:
            background = self.rng.choice(_SOLID)
            extra += f" box-shadow:0 0 0 2px {'#202124' if self.dark else '#ffffff'}, 0 0 0 4px {background};"
        return (f'<span style="display:inline-flex; flex:none; align-items:center; justify-content:center; width:{size}px;'
                f' height:{size}px; border-radius:{d.radius(size)}; background:{background}; color:{ink};'
                f' font-weight:{self.rng.choice(d.weights)}; font-size:{max(7, round(size * d.scale))}px; {extra}">'
                + pii(letters, "INITIALS", region) + "</span>")

    def stack(self, keys: list[str], region: str, more: int) -> str:
        """Overlapping avatars of one size with a grey "+N" overflow chip."""
        d = self.rng.choice(self.designs)
        size = self.rng.choice(tuple(x for x in d.sizes if x <= 40) or (28,))
        ring = "#202124" if self.dark else "#ffffff"
        tiles = "".join(self.tile(k, region, size, d, f"margin-left:{-size // 4 if i else 0}px; border:2px solid {ring};")
                        for i, k in enumerate(keys))
        chip = (f'<span style="display:inline-flex; align-items:center; justify-content:center; width:{size}px; height:{size}px;'
                f' margin-left:{-size // 4}px; border-radius:50%; border:2px solid {ring}; background:{"#3c4043" if self.dark else "#e8eaed"};'
                f' color:{"#e8eaed" if self.dark else "#3c4043"}; font-size:{max(7, round(size * 0.4))}px">'
                + pii(f"+{more}", KEEP, region) + "</span>")
        return f'<span style="display:inline-flex; align-items:center">{tiles}{chip if more else ""}</span>'


def pii(value: str, label: str, region: str) -> str:
    """A marked value the renderer boxes; UI glyphs to keep go in a region of their own ("ui"), apart
    from the regions whose leaks are scored."""
    region = "ui" if label == KEEP else region
    return f'<span class="pii" data-pii="{label}" data-region="{region}">{html.escape(value)}</span>'


def draw_look(rng: random.Random) -> tuple[str, int]:
    """Light or dark, half the screens at 2x."""
    return ("dark" if rng.random() < 0.45 else "light"), (2 if rng.random() < 0.5 else 1)


def _page(k: Kit, app: str, title: str, body: str) -> Screen:
    c = ({"bg": "#202124", "fg": "#e8eaed", "soft": "#9aa0a6", "panel": "#2d2e31", "line": "#3c4043"} if k.dark else
         {"bg": "#ffffff", "fg": "#202124", "soft": "#5f6368", "panel": "#f6f8fa", "line": "#dadce0"})
    variables = "".join(f"--{name}:{value};" for name, value in c.items())
    width, height = k.rng.choice(((1280, 800), (1440, 900), (1366, 768)))
    document = f"""<!doctype html><html><head><meta charset="utf-8"><style>
:root {{ {variables} }}
* {{ box-sizing:border-box; }}
html, body {{ margin:0; height:100%; background:var(--bg); color:var(--fg); font-family:{k.rng.choice(_FONTS)};
  font-size:{k.rng.choice((12, 13, 14))}px; line-height:1.45; }}
.pii {{ white-space:nowrap; }}
.soft {{ color:var(--soft); }}
.b {{ font-weight:700; }}
.row {{ display:flex; align-items:center; gap:10px; padding:6px 14px; }}
.fill {{ flex:1; }}
.panel {{ background:var(--panel); }}
.line {{ border-bottom:1px solid var(--line); }}
table {{ border-collapse:collapse; width:100%; }}
td, th {{ border-bottom:1px solid var(--line); padding:6px 10px; text-align:left; white-space:nowrap; }}
th {{ color:var(--soft); font-weight:600; }}
</style></head><body>{body}</body></html>"""
    return Screen(app, title, "", document, width, height)


_BARS = (("#1a73e8", "#ffffff"), ("#464eb8", "#ffffff"), ("#0052cc", "#ffffff"), ("#3f0e40", "#ffffff"),
         ("#0078d4", "#ffffff"), ("#24292f", "#f0f6fc"), ("#032d60", "#ffffff"), ("#fc6d26", "#ffffff"),
         ("#f1f3f4", "#202124"), ("#5e35b1", "#ffffff"))


def _badge(rng: random.Random, region: str) -> str:
    count = rng.choice(("3", "12", "99+", "1", "7"))
    return ('<span style="display:inline-flex; align-items:center; justify-content:center; min-width:18px; height:18px;'
            ' padding:0 5px; border-radius:9px; background:#d93025; color:#ffffff; font-size:11px; font-weight:700">'
            + pii(count, KEEP, region) + "</span>")


def _icon_button(glyph: str, region: str, dark: bool, round_: bool = True) -> str:
    bg = "#3c4043" if dark else "#e8eaed"
    return (f'<span style="display:inline-flex; align-items:center; justify-content:center; width:32px; height:32px;'
            f' border-radius:{"50%" if round_ else "6px"}; background:{bg}; font-weight:700">' + pii(glyph, KEEP, region) + "</span>")


def header_tune(k: Kit) -> Screen:
    """A coloured app bar, the signed-in user at its right: the avatar alone, or with the name."""
    bar, fg = k.rng.choice(_BARS)
    who = k.s.html(k.rng.choice(("{p1.full}", "{p1.first}", "{p1.email}")), "header") if k.rng.random() < 0.5 else ""
    top = (f'<div class="row" style="background:{bar}; color:{fg}; padding:8px 16px"><span class="b">'
           f'{k.rng.choice(("Drive", "Confluence", "Jira", "Calendar", "Admin"))}</span><span>Home</span><span>Projects</span>'
           f'<span class="fill"></span><span>Search</span>{_badge(k.rng, "header")}{who}' + k.tile("p1", "header") + "</div>")
    rows = "".join(f'<div class="row line"><span class="b" style="width:260px">{t}</span><span class="soft">{d}</span></div>'
                   for t, d in (("Roadmap 2027", "Updated yesterday"), ("Hiring plan", "Shared with you"),
                                ("Incident review", "Edited 3 hours ago"), ("Budget", "Owned by finance")))
    return _page(k, "Google Chrome", "Home", top + rows)


def header_held(k: Kit) -> Screen:
    """A title bar with search in the middle and, at the right, presence-dotted avatar and a menu caret."""
    bar, fg = k.rng.choice(_BARS)
    dot = ('<span style="display:inline-block; width:9px; height:9px; border-radius:50%; background:#6bb700;'
           ' margin-left:-10px; margin-top:18px; border:2px solid ' + bar + '"></span>')
    top = (f'<div class="row" style="background:{bar}; color:{fg}; padding:6px 12px; gap:14px">'
           f'<span>&#8942;&#8942;&#8942;</span><span class="b">{k.rng.choice(("Teams", "Outlook", "Salesforce", "Workday"))}</span>'
           '<span class="fill"></span><span style="background:rgba(255,255,255,.85); color:#444; border-radius:4px;'
           ' padding:3px 80px">Search</span><span class="fill"></span>'
           + _icon_button(k.rng.choice(("?", "&#8943;")), "header", k.dark) + k.tile("p1", "header") + dot + "</div>")
    cards = "".join(f'<div class="panel" style="margin:12px; padding:12px; border-radius:8px"><div class="b">{t}</div>'
                    f'<div class="soft">{d}</div></div>' for t, d in (("Your tasks", "4 due this week"),
                                                                       ("Approvals", "2 expense reports"),
                                                                       ("Time off", "Balance: 12 days")))
    return _page(k, "Google Chrome", "Home", top + cards)


def presence_tune(k: Kit) -> Screen:
    """A document editor's toolbar with the viewers' presence chips stacked, a "+N" chip and Share."""
    more = k.rng.choice((0, 2, 3, 7))
    tools = "".join(_icon_button(g, "header", k.dark, False) for g in ("B", "I", "U"))
    top = ('<div class="row line"><span class="b">Q3 planning</span><span class="soft">File Edit View Insert Format</span>'
           '<span class="fill"></span>' + k.stack(["p2", "p3", "p4"], "header", more)
           + '<span style="background:#c2e7ff; color:#001d35; border-radius:16px; padding:6px 16px">Share</span>'
           + k.tile("p1", "header") + "</div>")
    prose = ("<p>The plan covers the migration of the billing service, the new reporting pipeline and the "
             "support rota. Owners are listed in section 4.</p>") * 3
    return _page(k, "Google Chrome", "Q3 planning - Google Docs",
                 top + f'<div class="row line">{tools}</div><div style="padding:30px 80px">{prose}</div>')


def presence_held(k: Kit) -> Screen:
    """A project list whose rows end with a member stack and an overflow count, as Figma and Linear draw them."""
    rows = ""
    for i, project in enumerate(("Design system", "Mobile onboarding", "Billing revamp", "Marketing site")):
        keys = [f"p{j}" for j in range(i + 1, i + 1 + k.rng.randint(2, 4))]
        rows += (f'<div class="row line"><span class="b" style="width:240px">{project}</span><span class="soft" style="width:160px">'
                 f'Edited {k.rng.randint(2, 9)} days ago</span>' + k.stack(keys, "table", k.rng.choice((0, 1, 4, 12)))
                 + "</div>")
    top = '<div class="row line"><span class="b">Recent projects</span><span class="fill"></span>' + k.tile("p1", "header") + "</div>"
    return _page(k, "Figma", "Recent", top + rows)


def inbox_tune(k: Kit) -> Screen:
    """A mail list whose senders show as one-letter avatars, sender name, subject and time."""
    rows = ""
    for i in range(2, 8):
        rows += ('<div class="row line">' + k.tile(f"p{i}", "table") + '<span class="b" style="width:180px">'
                 + k.s.html(f"{{p{i}.full}}", "table") + '</span><span class="fill">'
                 f'{k.rng.choice(("Invoice approved", "Re: offsite", "Weekly report", "Your order shipped", "Agenda"))}'
                 f'</span><span class="soft">{k.rng.randint(8, 11)}:{k.rng.randint(10, 59)} AM</span></div>')
    return _page(k, "Gmail", "Inbox", '<div class="row line"><span class="b">Inbox</span>' + _badge(k.rng, "header") + "</div>" + rows)


def inbox_held(k: Kit) -> Screen:
    """A chat list: avatar with a presence dot, name over the last message preview, unread counts."""
    rows = ""
    for i in range(2, 8):
        unread = _badge(k.rng, "sidebar") if k.rng.random() < 0.4 else ""
        rows += ('<div class="row">' + k.tile(f"p{i}", "sidebar") + '<span class="fill"><span class="b">'
                 + k.s.html(f"{{p{i}.first}}", "sidebar") + '</span><br><span class="soft">'
                 f'{k.rng.choice(("Sounds good", "Can you review?", "Sent a file", "See you at 3"))}</span></span>{unread}</div>')
    side = f'<div class="panel" style="height:100%">{rows}</div>'
    chat = '<div style="padding:20px"><p>Let us move the standup to 10:00 tomorrow.</p><p>Works for me.</p></div>'
    return _page(k, "Microsoft Teams", "Chat",
                 f'<div style="display:grid; grid-template-columns:320px 1fr; height:100%">{side}{chat}</div>')


def tiles_tune(k: Kit) -> Screen:
    """Video-call tiles with cameras off: a large avatar in the middle and the name plate at the bottom left."""
    cells = ""
    for i in range(1, 5):
        cells += ('<div style="position:relative; background:#3c4043; border-radius:8px; height:220px; display:flex;'
                  ' align-items:center; justify-content:center">' + k.tile(f"p{i}", "avatar", k.rng.choice((64, 96, 128)))
                  + '<span style="position:absolute; left:8px; bottom:8px; color:#ffffff; background:rgba(0,0,0,.45);'
                  ' padding:2px 8px; border-radius:4px">' + k.s.html(f"{{p{i}.full}}", "avatar") + "</span></div>")
    bar = "".join(_icon_button(g, "body", True) for g in ("&#127908;", "&#9632;", "&#8943;"))
    return _page(k, "zoom.us", "Zoom Meeting", '<div style="display:grid; grid-template-columns:1fr 1fr; gap:8px; padding:10px;'
                 f' background:#1f1f1f">{cells}</div><div class="row" style="justify-content:center; background:#1f1f1f">{bar}</div>')


def tiles_held(k: Kit) -> Screen:
    """A gallery of participants with cameras off as a strip of mid-size avatars and first names under them."""
    cells = "".join('<div style="display:flex; flex-direction:column; align-items:center; gap:6px; padding:16px;'
                    ' background:var(--panel); border-radius:12px">' + k.tile(f"p{i}", "avatar", k.rng.choice((48, 56, 72, 80)))
                    + k.s.html(f"{{p{i}.first}}", "avatar") + "</div>" for i in range(1, 7))
    return _page(k, "Microsoft Teams", "Meeting", '<div class="row line"><span class="b">Standup</span><span class="soft">'
                 '12:04</span></div><div style="display:grid; grid-template-columns:repeat(3, 1fr); gap:12px; padding:16px">'
                 f"{cells}</div>")


def assignees_tune(k: Kit) -> Screen:
    """An issue table: key, summary, status lozenge and an assignee circle with no name."""
    rows = ""
    for _ in range(7):
        status = k.rng.choice(("TO DO", "IN PROGRESS", "DONE"))
        rows += (f'<tr><td class="soft">PLAT-{k.rng.randint(100, 999)}</td><td>{k.rng.choice(("Fix CSV export", "Add SSO", "Rate limit webhooks", "Update docs"))}'
                 f'</td><td><span style="background:{"#dfe1e6" if status == "TO DO" else "#deebff" if status != "DONE" else "#e3fcef"};'
                 f' color:#253858; border-radius:3px; padding:0 4px; font-size:11px; font-weight:700">{status}</span></td>'
                 f'<td>{k.tile("p" + str(k.rng.randint(1, 6)), "table")}</td></tr>')
    return _page(k, "Google Chrome", "Issues - Jira", '<div style="padding:16px"><table><tr><th>Key</th><th>Summary</th>'
                 f"<th>Status</th><th>Assignee</th></tr>{rows}</table></div>")


def assignees_held(k: Kit) -> Screen:
    """An issue list: priority icon, identifier, title, labels, and a tiny assignee avatar at the row's end."""
    rows = ""
    for _ in range(8):
        rows += (f'<div class="row line"><span class="soft">&#9650;</span><span class="soft" style="width:70px">ENG-{k.rng.randint(10, 999)}</span>'
                 f'<span class="fill">{k.rng.choice(("Cache warmup on deploy", "Flaky login test", "Dark mode tokens", "Queue backpressure"))}</span>'
                 f'<span style="border:1px solid var(--line); border-radius:10px; padding:0 8px" class="soft">{k.rng.choice(("Bug", "Feature", "Infra"))}</span>'
                 + k.tile("p" + str(k.rng.randint(1, 6)), "table") + "</div>")
    return _page(k, "Linear", "My issues", '<div class="row line"><span class="b">My issues</span></div>' + rows)


def controls_tune(k: Kit) -> Screen:
    """Hard negative: a toolbar of formatting buttons, count badges, step numbers and toggles; no person."""
    tools = "".join(_icon_button(g, "header", k.dark, False) for g in ("B", "I", "U", "S"))
    steps = "".join(f'<span style="display:inline-flex; align-items:center; justify-content:center; width:28px; height:28px;'
                    f' border-radius:50%; background:{"#1a73e8" if n < 3 else "#9aa0a6"}; color:#ffffff; font-weight:600">'
                    + pii(str(n), KEEP, "body") + f'</span><span style="margin-right:18px">{t}</span>'
                    for n, t in ((1, "Details"), (2, "Review"), (3, "Confirm")))
    nav = "".join(f'<div class="row">{t}<span class="fill"></span>{_badge(k.rng, "sidebar")}</div>'
                  for t in ("Inbox", "Mentions", "Drafts"))
    body = (f'<div class="row line">{tools}<span class="fill"></span>{_icon_button("+", "header", k.dark)}</div>'
            f'<div style="display:grid; grid-template-columns:220px 1fr"><div class="panel">{nav}</div>'
            f'<div style="padding:20px"><div class="row">{steps}</div><p>Choose the report format and the schedule.</p></div></div>')
    return _page(k, "Google Chrome", "New report", body)


def controls_held(k: Kit) -> Screen:
    """Hard negative: a file list with type tiles (PDF, DOC, XLS), a language chip, a help button; no person."""
    kinds = (("PDF", "#d93025"), ("DOC", "#1a73e8"), ("XLS", "#188038"), ("ZIP", "#e37400"))
    rows = ""
    for name in ("Quarterly report", "Travel policy", "Budget 2027", "Assets"):
        kind, colour = k.rng.choice(kinds)
        rows += (f'<div class="row line"><span style="display:inline-flex; align-items:center; justify-content:center;'
                 f' width:32px; height:32px; border-radius:6px; background:{colour}; color:#ffffff; font-size:10px; font-weight:700">'
                 + pii(kind, KEEP, "table") + f'</span><span class="fill">{name}</span><span class="soft">{k.rng.randint(1, 900)} KB</span></div>')
    top = ('<div class="row line"><span class="b">Files</span><span class="fill"></span>'
           + _icon_button(k.rng.choice(("EN", "DE")), "header", k.dark) + _icon_button("?", "header", k.dark) + "</div>")
    return _page(k, "Google Chrome", "Files", top + rows)


_SITUATIONS = (("header", "workspace", header_tune, header_held), ("presence", "docs", presence_tune, presence_held),
               ("inbox", "mail", inbox_tune, inbox_held), ("tiles", "meeting", tiles_tune, tiles_held),
               ("assignees", "tracker", assignees_tune, assignees_held), ("controls", "settings", controls_tune, controls_held))


def recipes(held: bool) -> tuple[S, ...]:
    """The family's recipes: one drawing per situation and one set of tile designs (the held-out ones or not)."""
    designs = _HELD_DESIGNS if held else _TUNE_DESIGNS
    out = []
    for name, kind, tune, other in _SITUATIONS:
        draw = other if held else tune

        def build(s: Slots, rng: random.Random, theme: str, draw=draw) -> Screen:
            return draw(Kit(s, rng, theme, designs))
        out.append(S(name, kind, "benign", build, hard_negative=name == "controls"))
    return tuple(out)


SCREEN_RECIPES = recipes(held=False)
