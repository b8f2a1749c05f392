"""Fifth screen tuning family (`tune_headers`): the signed-in user and their colleagues as other
designers draw them, written before reading the screen cover rules: saturated header bars with the
user's name, handle and avatar, open profile menus, in-page URL bars and breadcrumbs with `login/repo`
paths, commit and blame lists, chat member lists with presence dots and @mentions in message bodies,
initials tiles of many sizes, shapes and colours (one or two letters, status dots), a name in bold
beside a lighter job title, and names wrapped over two lines in narrow cards; light, dark and tinted
themes at 1x and 2x (half the screens). Menus and settings of the same apps with no personal value are
the hard negatives. Build and score it with `python -m evaluation.evaluate --splits tune_headers`;
never trained on.
"""
from __future__ import annotations

import random

from evaluation.generated.records import Screen, ScreenRecipe as S
from evaluation.generated.spans import Slots

SEED = 20261220
PUBLIC_SHARE = None
TEXT_RECIPES: tuple = ()
OPAQUE_IDS = True
__all__ = ["SCREEN_RECIPES", "draw_look"]
_THEMES = ("light", "dark", "tinted")
# Header bars: (background, text) of brand colours, none of them black (the pipeline's fill).
_BARS = (("#24292f", "#f0f6fc"), ("#292961", "#ffffff"), ("#0052cc", "#ffffff"), ("#3f0e40", "#ffffff"),
         ("#464eb8", "#ffffff"), ("#c5221f", "#ffffff"), ("#0078d4", "#ffffff"), ("#e8eaed", "#202124"),
         ("#2c2c2c", "#ffffff"), ("#032d60", "#ffffff"), ("#005cb9", "#ffffff"), ("#fc6d26", "#ffffff"))
_TILE = ("#e8912d", "#2bac76", "#e01e5a", "#36c5f0", "#7b68ee", "#ff5630", "#00b8d9", "#6554c0", "#ffab00",
         "#8a3ffc", "#4caf50", "#795548")
_FONTS = ('"Liberation Sans", sans-serif', '"DejaVu Sans", sans-serif', '"DejaVu Sans Condensed", sans-serif',
          '"Liberation Serif", serif')
_PRESENCE = ("#2bac76", "#e8912d", "#e01e5a", "#9e9e9e")
_TITLES = ("Staff Engineer", "Product Designer", "Engineering Manager", "Account Executive", "Data Analyst",
           "HR Business Partner", "Support Lead", "Recruiter", "QA Engineer", "VP Sales")
_REPOS = ("payments", "web-console", "infra-live", "ml-serving", "docs-site", "android-app", "etl-jobs")
_COMMITS = ("Fix flaky retry test", "Bump deps", "Add rate limiter to gateway", "Refactor auth middleware",
            "Update README", "Handle empty payload", "Merge branch 'main'", "Speed up cold start")


def draw_look(rng: random.Random) -> tuple[str, int]:
    """A theme and a device scale: half the screens at 2x."""
    return rng.choice(_THEMES), 2 if rng.random() < 0.5 else 1


def _palette(theme: str) -> dict[str, str]:
    if theme == "dark":
        return {"bg": "#1a1d21", "fg": "#d1d2d3", "soft": "#9a9b9e", "side": "#19171d", "side_fg": "#cfc3cf",
                "line": "#35373b", "card": "#222529", "menu": "#2b2d31", "url": "#2b2d31"}
    if theme == "tinted":
        return {"bg": "#f4f5f7", "fg": "#172b4d", "soft": "#6b778c", "side": "#deebff", "side_fg": "#0747a6",
                "line": "#c1c7d0", "card": "#ffffff", "menu": "#ffffff", "url": "#ebecf0"}
    return {"bg": "#ffffff", "fg": "#1d1c1d", "soft": "#616061", "side": "#f8f8f8", "side_fg": "#1d1c1d",
            "line": "#dddddd", "card": "#ffffff", "menu": "#ffffff", "url": "#f1f3f4"}


def _page(rng: random.Random, theme: str, app: str, title: str, body: str) -> Screen:
    c = _palette(theme)
    bar, bar_fg = rng.choice(_BARS)
    variables = "".join(f"--{k}:{v};" for k, v in c.items()) + f"--bar:{bar}; --bar-fg:{bar_fg};"
    width, height = rng.choice(((1280, 800), (1440, 900), (1366, 768), (1600, 900)))
    document = f"""<!doctype html><html><head><meta charset="utf-8"><style>
:root {{ {variables} }}
* {{ box-sizing:border-box; }}
html, body {{ margin:0; height:100%; background:var(--bg); color:var(--fg); font-family:{rng.choice(_FONTS)};
  font-size:{rng.choice((12, 13, 14, 15))}px; line-height:1.4; }}
.pii {{ white-space:nowrap; }}
.hdr {{ background:var(--bar); color:var(--bar-fg); display:flex; align-items:center; gap:14px; padding:6px 14px; }}
.hdr .fill {{ flex:1; }}
.url {{ background:var(--url); color:var(--soft); border-radius:14px; padding:3px 14px; margin:6px 14px; font-size:0.9em; }}
.side {{ background:var(--side); color:var(--side-fg); padding:8px 0; height:100%; }}
.it {{ padding:3px 14px; white-space:nowrap; display:flex; align-items:center; gap:6px; }}
.soft {{ color:var(--soft); }}
.strong {{ font-weight:700; }}
.card {{ background:var(--card); border:1px solid var(--line); border-radius:8px; padding:10px 12px; margin:8px; }}
.menu {{ position:absolute; right:12px; top:44px; width:260px; background:var(--menu); color:var(--fg);
  border:1px solid var(--line); border-radius:8px; box-shadow:0 4px 14px rgba(60,60,60,.25); padding:8px 0; }}
.menu .it {{ padding:5px 16px; }}
.mono {{ font-family:"DejaVu Sans Mono", "Liberation Mono", monospace; }}
.crumb {{ padding:8px 16px; font-size:1.05em; }}
</style></head><body style="position:relative">{body}</body></html>"""
    return Screen(app, title, "", document, width, height)


def _tile(s: Slots, key: str, rng: random.Random, region: str, dot: bool | None = None) -> str:
    """An initials tile: a circle, rounded or plain square, 16 to 44 CSS pixels, one or two letters,
    white or dark letters on a saturated colour, sometimes with a presence dot at its corner."""
    size = rng.choice((16, 20, 24, 28, 32, 36, 44))
    radius = rng.choice(("50%", "50%", "4px", "8px", "0"))
    colour = rng.choice(_TILE)
    ink = rng.choice(("#ffffff", "#ffffff", "#1d1c1d"))
    person = s.person(key)
    if rng.random() < 0.35:
        letters = (f'<span class="pii" data-pii="INITIALS" data-region="{region}">{person.initials[:1]}</span>')
    else:
        letters = s.html(f"{{{key}.initials}}", region)
    show_dot = rng.random() < 0.4 if dot is None else dot
    badge = (f'<span style="position:absolute; right:-2px; bottom:-2px; width:{max(6, size // 4)}px; height:{max(6, size // 4)}px;'
             f' border-radius:50%; background:{rng.choice(_PRESENCE)}; border:2px solid var(--bg)"></span>') if show_dot else ""
    return (f'<span style="position:relative; display:inline-block; flex:none; width:{size}px; height:{size}px;'
            f' line-height:{size}px; border-radius:{radius}; background:{colour}; color:{ink}; text-align:center;'
            f' font-weight:700; font-size:{max(8, int(size * 0.42))}px">{letters}{badge}</span>')


def _dot(rng: random.Random) -> str:
    return f'<span style="display:inline-block; width:8px; height:8px; border-radius:50%; background:{rng.choice(_PRESENCE)}"></span>'


def _header(s: Slots, rng: random.Random, brand: str, links: tuple[str, ...]) -> str:
    """A brand header bar; the user at its right as a tile with the name, the handle, or both."""
    who = rng.choice(("{p1.full}", "{p1.login}", "{p1.first}", "{p1.full} ({p1.login})"))
    nav = "".join(f"<span>{link}</span>" for link in links)
    return (f'<div class="hdr"><span class="strong">{brand}</span>{nav}<span class="fill"></span><span>Search</span>'
            + _tile(s, "p1", rng, "header", dot=False) + s.html(who, "header") + " &#9662;</div>")


def code_host(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A GitHub or GitLab repository: URL bar and breadcrumb `login / repo`, commit list with authors."""
    repo = rng.choice(_REPOS)
    url = '<div class="url">https://' + rng.choice(("github.com", "gitlab.com", "git.corp.example")) + "/" \
          + s.html("{p2.login}", "url") + f"/{repo}/commits/main</div>"
    crumb = ('<div class="crumb">' + _tile(s, "p2", rng, "body", dot=False) + " " + s.html("{p2.login}", "body")
             + f' / <span class="strong">{repo}</span> <span class="soft">Public</span></div>')
    rows = ""
    for i, key in enumerate(("p2", "p3", "p4", "p2", "p5")):
        form = rng.choice(("{%s.login}" % key, "{%s.full}" % key))
        rows += (f'<div class="it" style="border-bottom:1px solid var(--line); padding:6px 16px">'
                 f'<span style="flex:1">{_COMMITS[(i + len(repo)) % len(_COMMITS)]}<br>'
                 + _tile(s, key, rng, "table", dot=False) + " " + s.html(form, "table")
                 + f' <span class="soft">committed {rng.randint(2, 23)} hours ago</span></span>'
                 f'<span class="mono soft">{rng.randrange(16 ** 7):07x}</span></div>')
    body = _header(s, rng, rng.choice(("GitHub", "GitLab")), ("Pull requests", "Issues", "Explore")) + url + crumb + rows
    return _page(rng, theme, "Google Chrome", f"Commits · {repo}", body)


def blame(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A blame view: author logins and dates beside code lines, a path starting with the owner's login."""
    repo = rng.choice(_REPOS)
    lines = ("def retry(fn, budget):", "    for attempt in range(budget):", "        try:", "            return fn()",
             "        except Timeout:", "            sleep(2 ** attempt)", "    raise BudgetExceeded()")
    rows = ""
    for n, code in enumerate(lines, 1):
        key = rng.choice(("p2", "p3", "p4"))
        rows += ('<div class="it mono" style="font-size:0.9em"><span style="width:210px">' + s.html("{%s.login}" % key, "table")
                 + f' <span class="soft">{rng.randint(1, 28)} Oct</span></span><span class="soft" style="width:28px">{n}</span>'
                 f"<span>{code.replace(' ', '&nbsp;')}</span></div>")
    path = '<div class="crumb">' + s.html("{p2.login}", "body") + f" / {repo} / src / retry.py</div>"
    body = _header(s, rng, "GitHub", ("Code", "Blame", "History")) + path + rows
    return _page(rng, theme, "Google Chrome", "retry.py - blame", body)


def chat_members(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Slack or Teams: a channel with @mentions in message bodies, a sidebar of DMs with presence dots,
    and the channel's member list with tiles, names and handles."""
    dms = "".join('<div class="it">' + _dot(rng) + s.html("{p%d.first_lower}" % i if rng.random() < 0.3 else "{p%d.full}" % i,
                                                          "sidebar") + "</div>" for i in (3, 4, 5))
    side = (f'<div class="side"><div class="it strong">{rng.choice(("Acme Corp", "Platform", "Northwind"))}</div>'
            '<div class="it"># general</div><div class="it"># deploys</div><div class="it soft">Direct messages</div>'
            + dms + "</div>")
    msgs = ""
    for key, text in (("p3", "can you look at the deploy? cc {p4.handle}"), ("p4", "on it, {p3.first} - pinging {p5.handle} too"),
                      ("p5", "thanks {p4.first}!")):
        msgs += ('<div class="it" style="align-items:flex-start; padding:8px 16px; white-space:normal">' + _tile(s, key, rng, "body")
                 + "<div><span class=strong>" + s.html("{%s.full}" % key, "body") + f'</span> <span class="soft">'
                 f'{rng.randint(9, 12)}:{rng.randint(10, 59)} AM</span><br>' + s.html(text, "body") + "</div></div>")
    members = "".join('<div class="it">' + _tile(s, f"p{i}", rng, "sidebar") + s.html(f"{{p{i}.full}}", "sidebar")
                      + ' <span class="soft">' + s.html(f"{{p{i}.handle}}", "sidebar") + "</span></div>" for i in (3, 4, 5, 6))
    right = f'<div class="side" style="border-left:1px solid var(--line)"><div class="it strong">Members</div>{members}</div>'
    grid = (f'<div style="display:grid; grid-template-columns:220px 1fr 260px; height:100%"><div>{side}</div>'
            f"<div>{msgs}</div>{right}</div>")
    return _page(rng, theme, rng.choice(("Slack", "Microsoft Teams")), "deploys", _header(s, rng, rng.choice(("Slack", "Teams")), ()) + grid)


def profile_menu(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Gmail, Outlook or Notion with the account menu open: tile, name, e-mail or handle, menu items."""
    second = rng.choice(("{p1.email}", "{p1.handle}", "{p1.login}"))
    menu = ('<div class="menu"><div class="it">' + _tile(s, "p1", rng, "menu", dot=False) + '<span><span class="strong">'
            + s.html("{p1.full}", "menu") + '</span><br><span class="soft">' + s.html(second, "menu") + "</span></span></div>"
            + "".join(f'<div class="it">{item}</div>' for item in ("Manage your account", "Settings", "Keyboard shortcuts",
                                                                   "Sign out")) + "</div>")
    rows = "".join('<div class="it" style="border-bottom:1px solid var(--line); padding:6px 16px"><span class="strong" style="width:200px">'
                   + s.html(f"{{p{i}.full}}", "table") + f'</span><span>{subj}</span></div>'
                   for i, subj in zip((2, 3, 4), ("Q3 planning notes", "Re: offsite agenda", "Invoice approved")))
    body = _header(s, rng, rng.choice(("Gmail", "Outlook", "Notion", "Figma")), ("Inbox", "Calendar")) + rows + menu
    return _page(rng, theme, "Google Chrome", "Inbox", body)


def people_cards(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Workday or Salesforce: people cards in a narrow grid, the name in bold (sometimes wrapped over two
    lines) and a lighter title under it; an owner field with a tile."""
    width = rng.choice((110, 130, 160))
    cards = "".join(f'<div class="card" style="width:{width + 40}px; text-align:center">' + _tile(s, f"p{i}", rng, "card")
                    + f'<div class="strong" style="width:{width}px; margin:4px auto">'
                    + s.html(f"{{p{i}.first}}", "card") + "<br>" + s.html(f"{{p{i}.last}}", "card") + "</div>"
                    f'<div class="soft">{rng.choice(_TITLES)}</div></div>' for i in (2, 3, 4, 5))
    owner = ('<div class="it" style="padding:8px 16px"><span class="soft" style="width:120px">Record owner</span>'
             + _tile(s, "p6", rng, "form", dot=False) + '<span class="strong">' + s.html("{p6.full}", "form")
             + f'</span> <span class="soft">&middot; {rng.choice(_TITLES)}</span></div>')
    body = (_header(s, rng, rng.choice(("Workday", "Salesforce")), ("Home", "Teams", "Reports")) + owner
            + f'<div style="display:flex; flex-wrap:wrap; padding:8px">{cards}</div>')
    return _page(rng, theme, "Google Chrome", "Team", body)


def tracker(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A Jira-like issue: assignee and reporter fields with tiles, watchers as a stack of small tiles."""
    fields = "".join(f'<div class="it" style="padding:6px 16px"><span class="soft" style="width:110px">{label}</span>'
                     + _tile(s, key, rng, "form", dot=False) + s.html("{%s.full}" % key, "form") + "</div>"
                     for label, key in (("Assignee", "p2"), ("Reporter", "p3")))
    watchers = "".join(_tile(s, f"p{i}", rng, "form") for i in (4, 5, 6))
    issue = (f'<div class="crumb soft">Projects / PLAT / PLAT-{rng.randint(100, 9999)}</div><div class="crumb strong"'
             ' style="font-size:1.4em">Checkout times out under load</div>' + fields
             + f'<div class="it" style="padding:6px 16px"><span class="soft" style="width:110px">Watchers</span>{watchers}</div>'
             '<div class="card">Seen since the 4.2 release; ' + s.html("{p4.first}", "body") + " thinks it is the pool size.</div>")
    return _page(rng, theme, "Google Chrome", "PLAT board", _header(s, rng, "Jira", ("Your work", "Projects", "Filters")) + issue)


def app_menus(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Hard negative: the same apps' menus, settings and product names, no person on screen."""
    brand = rng.choice(("GitHub", "GitLab", "Slack", "Jira", "Outlook", "Notion", "Figma", "Workday"))
    items = rng.sample(("Pull requests", "Issues", "Marketplace", "Settings", "Billing and plans", "Security",
                        "Integrations", "Notifications", "Appearance", "Accessibility", "Keyboard shortcuts",
                        "Help center", "What's new", "Download apps", "Sign out", "Dashboard", "Workflows",
                        "Archived channels", "Saved items", "Templates"), 9)
    side = '<div class="side">' + "".join(f'<div class="it">{item}</div>' for item in items) + "</div>"
    toggles = "".join(f'<div class="card"><span class="strong">{t}</span><br><span class="soft">{d}</span></div>'
                      for t, d in (("Email notifications", "Send me a daily digest"), ("Two-factor authentication",
                                   "Protect your account with an authenticator app"), ("Theme", "Sync with system")))
    top = (f'<div class="hdr"><span class="strong">{brand}</span><span>Home</span><span>Explore</span>'
           '<span class="fill"></span><span>Search</span><span>Help</span></div>')
    grid = f'<div style="display:grid; grid-template-columns:240px 1fr; height:100%"><div>{side}</div><div>{toggles}</div></div>'
    return _page(rng, theme, "Google Chrome", f"Settings - {brand}", top + grid)


SCREEN_RECIPES = (
    S("code_host", "dev_tools", "benign", code_host), S("blame", "dev_tools", "benign", blame),
    S("chat_members", "team_chat", "benign", chat_members), S("profile_menu", "mail", "benign", profile_menu),
    S("people_cards", "hr", "benign", people_cards), S("tracker", "tracker", "benign", tracker),
    S("app_menus", "settings", "benign", app_menus, hard_negative=True),
)
