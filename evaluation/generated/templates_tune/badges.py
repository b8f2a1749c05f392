"""Eleventh screen tuning family (`tune_badges`, held-out drawings `tune_badges_held`): initials
with no name beside them, and names in CJK script, as real apps' header bars draw them; written
before reading the screen cover rules (issue 16). The signed-in user's monogram at the account end of
a top bar (a filled or ringed circle, a pill, a square, plain `JD ▾` text), assignee and reviewer
chips in an issue or page header, presence badges in a call or document bar; the person's name is
elsewhere on the screen (a list, a thread) or nowhere. CJK/Hangul/kana names (1-4 glyphs) in member
lists, chat senders and the bar's account button. Hard negatives put UI codes in the same chips and
places (`EN`, `US`, `AI`, `PR`, `QA`, `HR`, `IT`, `OK`, `BETA`, `NEW`, `PRO`, workspace codes, counts),
labelled `UI_KEEP`. Light and dark, half the screens at 2x. Tuning drawings (Gmail, Google Docs,
Jira, GitHub, Slack, Notion, Figma, Zoom, Confluence) and held-out drawings (Outlook, Teams, Linear,
GitLab, Salesforce, Zendesk, HubSpot, Google Calendar, Asana) with other locales and another seed.
Score with `python -m evaluation.evaluate --splits tune_badges`.
"""
from __future__ import annotations

from faker import Faker

from evaluation.generated.records import Screen, ScreenRecipe as S
from evaluation.generated.templates_tune.placed import _BARS, Kit, count, draw_look, keep, page, pii, situation_recipes

SEED = 20270401
PUBLIC_SHARE = None
TEXT_RECIPES: tuple = ()
OPAQUE_IDS = True
__all__ = ["SCREEN_RECIPES", "draw_look", "recipes"]
_TUNE_LOCALES = ("en_US", "en_US", "en_US", "de_DE", "fr_FR", "es_ES", "pl_PL", "zh_CN", "ja_JP", "ko_KR")
_HELD_LOCALES = ("en_GB", "en_GB", "en_CA", "it_IT", "pt_BR", "nl_NL", "sv_SE", "zh_TW", "ko_KR", "ja_JP")
_CJK_TUNE = ("zh_CN", "ja_JP", "ko_KR")
_CJK_HELD = ("zh_TW", "ko_KR", "ja_JP")
_FAMILY_FIRST = ("zh_CN", "zh_TW", "ja_JP", "ko_KR")
# UI codes apps draw in the same chips and places as a user's initials (hard negatives).
_UI_CODES = ("EN", "US", "AI", "PR", "QA", "HR", "IT", "OK", "BETA", "NEW", "PRO", "DE", "UK", "FR", "EU", "API",
             "DEV", "OPS", "MKT", "ENG", "CS", "TEAM", "FREE", "PLUS", "ADMIN", "SSO", "v3", "2FA", "QA1", "PRD")
_COUNTS = ("3", "12", "99+", "1", "7", "24", "+2", "+5")


def monogram(k: Kit) -> str:
    """A user's monogram (Kit.monogram: Latin capitals, one glyph, or CJK glyphs)."""
    return k.monogram()


def cjk_name(k: Kit, locales: tuple[str, ...]) -> tuple[str, str]:
    """A CJK/Hangul/kana name as apps list it (family name first, no space; sometimes the given or family
    name alone) and the glyph an avatar draws from it."""
    faker = Faker(k.rng.choice(locales))
    faker.seed_instance(k.rng.getrandbits(32))
    first, last = faker.first_name(), faker.last_name()
    form = k.rng.random()
    name = first if form < 0.15 else last if form < 0.25 else f"{last}{first}"
    return name, k.rng.choice((last[:1], first[-2:] if len(first) > 1 else first))


def badge(k: Kit, inner: str, size: int, style: str) -> str:
    """A monogram drawn as real apps draw it: filled circle, ring, pill, square or plain text."""
    bg, fg = k.fill()
    font = max(9, round(size * k.rng.choice((0.4, 0.44, 0.5))))
    base = (f"display:inline-flex; flex:none; align-items:center; justify-content:center; height:{size}px;"
            f" font-size:{font}px; font-weight:{k.rng.choice((500, 600, 700))};")
    if style == "ring":
        ring = k.rng.choice(("#1a73e8", "#34a853", "#fbbc04", "#ea4335", "#ffffff"))
        return (f'<span style="{base} width:{size}px; border-radius:50%; background:{bg}; color:{fg};'
                f' box-shadow:0 0 0 2px {ring}">{inner}</span>')
    if style == "pill":
        return f'<span style="{base} padding:0 {size // 3}px; border-radius:{size}px; background:{bg}; color:{fg}">{inner}</span>'
    if style == "outline":
        return (f'<span style="{base} width:{size}px; border-radius:50%; border:1.5px solid currentColor;'
                f' background:transparent">{inner}</span>')
    if style == "text":
        return f'<span style="font-weight:600">{inner}</span>'
    return f'<span style="{base} width:{size}px; border-radius:{k.rng.choice(("50%", "4px", "6px"))}; background:{bg}; color:{fg}">{inner}</span>'


def me(k: Kit, region: str = "header", size: int | None = None) -> str:
    """The signed-in user's monogram badge (gold INITIALS) with what apps draw after it."""
    style = k.rng.choice(("fill", "fill", "ring", "pill", "outline", "text"))
    inner = pii(monogram(k), "INITIALS", region)
    tail = k.rng.choice(("&#9662;", "&#8964;", "", "", "&#8942;"))
    return badge(k, inner, size or k.size(), style) + (f"<span>{tail}</span>" if tail else "")


def ui_badge(k: Kit, size: int | None = None) -> str:
    """A UI code in the same kind of badge (hard negative)."""
    return badge(k, keep(k.rng.choice(_UI_CODES)), size or k.size(), k.rng.choice(("fill", "ring", "pill", "outline", "text")))


def topbar(k: Kit, app: str, left: str, right: str) -> str:
    """A coloured top bar with the app's name, a left part and a right part."""
    colour, fg = k.rng.choice(_BARS)
    return (f'<div class="row" style="background:{colour}; color:{fg}; padding:{k.rng.choice((4, 6, 8, 10))}px 14px">'
            f'<span class="b">{app}</span>{left}<span class="fill"></span>{right}</div>')


def search(k: Kit) -> str:
    """A search field in a bar."""
    return (f'<span style="border:1px solid #8888; border-radius:8px; padding:3px {k.rng.choice((40, 80, 140))}px 3px 10px;'
            f' opacity:.8">{k.rng.choice(("Search", "Search mail", "Search or jump to...", "Find"))}</span>')


def work_rows(k: Kit, n: int) -> str:
    """Ordinary work rows under a bar."""
    items = ("Release checklist", "Onboarding guide", "Q4 roadmap", "Incident review", "Pricing page copy",
             "Migrate billing jobs", "Fix flaky test", "Design tokens v2", "Vendor contract", "Sprint retro notes")
    return "".join(f'<div class="row line"><span style="width:280px">{t}</span><span class="soft">'
                   f'{k.rng.choice(("Updated today", "Edited 2h ago", "Yesterday", "Owned by me"))}</span></div>'
                   for t in k.rng.sample(items, n))


# Situations: a tuning drawing and a held-out drawing each.

def account_tune(k: Kit) -> Screen:
    """Gmail / Drive / Calendar: search, help and apps icons, then the account monogram alone at the bar's end."""
    app = k.rng.choice(("Gmail", "Drive", "Calendar", "Docs"))
    right = f'<span>&#63;</span><span>&#9881;</span><span>&#8943;</span>{me(k)}'
    return page(k, "Google Chrome", app, topbar(k, app, search(k), right) + work_rows(k, 6))


def account_held(k: Kit) -> Screen:
    """Outlook / Teams suite bar: waffle, app name, search, bell with a count, then the monogram with a presence dot."""
    app = k.rng.choice(("Outlook", "Microsoft Teams", "OneDrive"))
    dot = '<span style="width:8px; height:8px; border-radius:50%; background:#6bb700; margin-left:-6px"></span>'
    right = f'<span>&#128276;</span>{count(k)}<span>&#9881;</span>{me(k)}{dot}'
    return page(k, "Microsoft Edge", app, topbar(k, f"&#8942;&#8942;&#8942; {app}", search(k), right) + work_rows(k, 6))


def menu_tune(k: Kit) -> Screen:
    """Jira / Confluence / Notion: the bar's nav words, Create, then a profile button of monogram and caret;
    the user's full name appears only further down, as an item's owner."""
    app = k.rng.choice(("Jira", "Confluence", "Notion"))
    nav = "".join(f"<span>{keep(w)}</span>" for w in k.rng.sample(("Projects", "Filters", "Dashboards", "Teams", "Spaces", "Apps"), 3))
    right = f'<span style="background:#0c66e4; color:#fff; border-radius:4px; padding:2px 10px">Create</span>{me(k)}'
    body = work_rows(k, 3) + (f'<div class="row line"><span style="width:280px">Owner</span>{k.person("body")}</div>'
                              if k.rng.random() < 0.5 else "") + work_rows(k, 2)
    return page(k, "Google Chrome", app, topbar(k, app, nav, right) + body)


def menu_held(k: Kit) -> Screen:
    """GitLab / Linear / Asana: a left rail of icons with the user's monogram at its head, no name anywhere."""
    app = k.rng.choice(("GitLab", "Linear", "Asana"))
    rail = (f'<div class="panel" style="width:{k.rng.choice((56, 64))}px; height:100%; display:flex; flex-direction:column;'
            f' align-items:center; gap:14px; padding:10px 0">{me(k, "header", k.rng.choice((28, 32)))}'
            '<span>&#8962;</span><span>&#9993;</span><span>&#9776;</span></div>')
    head = topbar(k, app, "", f'{search(k)}<span>&#128276;</span>')
    return page(k, "Firefox", app, f'<div style="display:flex; height:100%">{rail}<div style="flex:1">{head}{work_rows(k, 6)}</div></div>')


def assignee_tune(k: Kit) -> Screen:
    """An issue page header (Jira, GitHub): key and title, then Assignee and Reporter chips with no names."""
    fields = "".join(f'<span class="soft">{label}</span>{badge(k, pii(monogram(k), "INITIALS", "header"), k.rng.choice((20, 24)), k.rng.choice(("fill", "ring")))}'
                     for label in k.rng.sample(("Assignee", "Reporter", "Reviewers", "Watchers"), 2))
    head = (f'<div class="row line" style="padding:10px 14px"><span class="soft">{keep("WEB-" + str(k.rng.randint(100, 999)))}</span>'
            f'<span class="b">{k.rng.choice(("Fix login redirect", "Cache headers", "Audit export"))}</span><span class="fill"></span>{fields}</div>')
    return page(k, "Google Chrome", "Issue", topbar(k, k.rng.choice(("Jira", "GitHub")), "", me(k)) + head + work_rows(k, 4))


def assignee_held(k: Kit) -> Screen:
    """A CRM record header (Salesforce, HubSpot, Zendesk): record name, then an Owner chip and followers stack."""
    stack = "".join(badge(k, pii(monogram(k), "INITIALS", "header"), 24, "fill") for _ in range(k.rng.randint(2, 3)))
    head = (f'<div class="row line" style="padding:12px 14px"><span class="b">{k.rng.choice(("Acme renewal", "Globex pilot", "Initech"))}'
            f'</span><span class="soft">{keep(k.rng.choice(("Open", "Proposal", "Closed won")))}</span><span class="fill"></span>'
            f'<span class="soft">Owner</span>{badge(k, pii(monogram(k), "INITIALS", "header"), 24, k.rng.choice(("fill", "pill")))}'
            f'<span class="soft">Followers</span>{stack}</div>')
    app = k.rng.choice(("Salesforce", "HubSpot", "Zendesk"))
    return page(k, "Microsoft Edge", app, topbar(k, app, search(k), me(k)) + head + work_rows(k, 4))


def presence_tune(k: Kit) -> Screen:
    """A document or call bar (Google Docs, Figma, Zoom): collaborators' badges in a row, a "+N", Share."""
    heads = "".join(badge(k, pii(monogram(k), "INITIALS", "header"), k.rng.choice((24, 28, 32)), k.rng.choice(("fill", "ring")))
                    for _ in range(k.rng.randint(2, 4)))
    more = f'<span>{keep(k.rng.choice(_COUNTS))}</span>' if k.rng.random() < 0.5 else ""
    right = f'{heads}{more}<span style="background:#c2e7ff; color:#001d35; border-radius:16px; padding:3px 14px">Share</span>{me(k)}'
    app = k.rng.choice(("Google Docs", "Figma", "Zoom"))
    return page(k, app, "Plan", topbar(k, app, '<span class="soft">Quarterly plan</span>', right)
                + '<p style="padding:20px 60px">Goals: ship the importer, cut p95 latency, hire two engineers.</p>')


def presence_held(k: Kit) -> Screen:
    """A meeting header (Teams, Google Calendar event): attendees' badges after a label, then Join."""
    heads = "".join(badge(k, pii(monogram(k), "INITIALS", "header"), 26, k.rng.choice(("fill", "outline")))
                    for _ in range(k.rng.randint(3, 5)))
    head = (f'<div class="row line" style="padding:10px 14px"><span class="b">Weekly sync</span><span class="soft">10:00 - 10:30</span>'
            f'<span class="fill"></span><span class="soft">Attendees</span>{heads}'
            '<span style="background:#5b5fc7; color:#fff; border-radius:4px; padding:2px 12px">Join</span></div>')
    app = k.rng.choice(("Microsoft Teams", "Calendar"))
    return page(k, "Microsoft Edge", app, topbar(k, app, "", me(k)) + head + work_rows(k, 4))


def cjk_list_tune(k: Kit) -> Screen:
    """A chat app (Slack, Lark, LINE WORKS) with CJK names in the member list and senders, and a CJK glyph badge in the bar."""
    rows = ""
    for _ in range(k.rng.randint(4, 6)):
        name, glyph = cjk_name(k, _CJK_TUNE)
        rows += (f'<div class="row">{badge(k, pii(glyph, "INITIALS", "sidebar"), 22, "fill")}'
                 f'<span>{pii(name, "PERSON", "sidebar")}</span></div>')
    name, glyph = cjk_name(k, _CJK_TUNE)
    right = badge(k, pii(glyph, "INITIALS", "header"), k.size(), k.rng.choice(("fill", "ring")))
    side = f'<div class="panel" style="width:240px; height:100%"><div class="row b">{keep("Members")}</div>{rows}</div>'
    msgs = "".join(f'<div class="row"><span class="b">{pii(cjk_name(k, _CJK_TUNE)[0], "PERSON", "body")}</span>'
                   f'<span class="soft">{k.rng.randint(9, 17)}:{k.rng.randint(10, 59)}</span></div>'
                   f'<div style="padding:0 14px 6px">{k.rng.choice(("Deploy is green.", "Can you review?", "资料已上传。", "確認しました。", "감사합니다"))}</div>'
                   for _ in range(3))
    head = topbar(k, k.rng.choice(("Slack", "Lark", "LINE WORKS")), "", right)
    return page(k, "Slack", "general", head + f'<div style="display:flex; height:100%">{side}<div style="flex:1">{msgs}</div></div>')


def cjk_list_held(k: Kit) -> Screen:
    """A mail list and an account button (Outlook, Naver Works, DingTalk): the user's CJK name with a caret in the bar,
    senders' CJK names as the list's first column."""
    name, _ = cjk_name(k, _CJK_HELD)
    right = f'<span>&#128276;</span><span>{pii(name, "PERSON", "header")}</span><span>&#9662;</span>'
    rows = "".join(f'<tr><td>{pii(cjk_name(k, _CJK_HELD)[0], "PERSON", "table")}</td>'
                   f'<td>{k.rng.choice(("Budget review", "周报", "会議メモ", "회의록", "Invoice 4471"))}</td>'
                   f'<td class="soft">{k.rng.choice(("10:42", "Mon", "Dec 3"))}</td></tr>' for _ in range(k.rng.randint(5, 7)))
    app = k.rng.choice(("Outlook", "Naver Works", "DingTalk"))
    return page(k, "Microsoft Edge", app, topbar(k, app, search(k), right)
                + f'<div style="padding:12px"><table><tr><th>From</th><th>Subject</th><th>Received</th></tr>{rows}</table></div>')


def negative_tune(k: Kit) -> Screen:
    """Hard negative: a bar's right end holding a language chip, an environment chip, a plan badge, a count and a
    workspace code in the same circles and pills as initials."""
    right = "".join(ui_badge(k) for _ in range(k.rng.randint(2, 4))) + count(k)
    app = k.rng.choice(("Console", "Admin", "Grafana", "Vercel"))
    return page(k, "Google Chrome", app, topbar(k, app, f"<span>{keep(k.rng.choice(('Deployments', 'Logs', 'Billing')))}</span>", right)
                + work_rows(k, 6))


def negative_held(k: Kit) -> Screen:
    """Hard negative: a workspace switcher and a header with plan and locale chips, a team code tile at the rail's head."""
    rail = (f'<div class="panel" style="width:60px; height:100%; display:flex; flex-direction:column; align-items:center;'
            f' gap:12px; padding:10px 0">{ui_badge(k, 32)}{ui_badge(k, 32)}<span>&#43;</span></div>')
    right = f'{ui_badge(k)}<span>{keep(k.rng.choice(("Upgrade", "Docs", "Help")))}</span>{ui_badge(k)}'
    head = topbar(k, k.rng.choice(("Workspace", "Cloud", "Portal")), "", right)
    return page(k, "Firefox", "Portal", f'<div style="display:flex; height:100%">{rail}<div style="flex:1">{head}{work_rows(k, 6)}</div></div>')


_SITUATIONS = (("account", "workspace", account_tune, account_held, False),
               ("menu", "workspace", menu_tune, menu_held, False),
               ("assignee", "workspace", assignee_tune, assignee_held, False),
               ("presence", "docs", presence_tune, presence_held, False),
               ("cjk", "chat", cjk_list_tune, cjk_list_held, False),
               ("negative", "settings", negative_tune, negative_held, True))


def recipes(held: bool) -> tuple[S, ...]:
    """The family's recipes: one drawing per situation and one set of locales (the held-out ones or not)."""
    return situation_recipes(_SITUATIONS, _HELD_LOCALES if held else _TUNE_LOCALES, held)


SCREEN_RECIPES = recipes(held=False)
