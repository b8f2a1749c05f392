"""Tenth screen tuning family (`tune_initials`, held-out drawings `tune_initials_held`): an initials
chip drawn in the same line as the person's own name, e-mail, role or status, as real apps' account
menus, headers, presence lists, comment threads and reading panes draw it (Google Workspace, Microsoft
365, Slack, Jira, GitLab, Notion, Figma, Zoom, Salesforce; held out: Teams, Outlook, Asana, Linear,
Zendesk, HubSpot, Discord, Webex, Confluence, Miro), so that the OCR groups the chip's letters with
the words beside it; written before reading the screen cover rules. The chip's letters are the
person's own initials (Latin, Cyrillic, Greek, Han, Hangul, kana, Arabic, Hebrew, Devanagari). Hard
negatives put UI acronyms and short words in the same chips beside ordinary labels (`PR  Pull
requests`, `EN  English`, `AI  Assistant`, `QA  Staging`, `v2  Release`), labelled `UI_KEEP`. Light
and dark, half the screens at 2x. Score with `python -m evaluation.evaluate --splits tune_initials`.
"""
from __future__ import annotations

from faker import Faker

from evaluation.generated.records import Screen, ScreenRecipe as S
from evaluation.generated.templates_tune.placed import _BARS, Kit, draw_look, keep, page, pii, situation_recipes

SEED = 20270321
PUBLIC_SHARE = None
TEXT_RECIPES: tuple = ()
OPAQUE_IDS = True
__all__ = ["SCREEN_RECIPES", "draw_look", "recipes"]
_TUNE_LOCALES = ("en_US", "en_US", "en_US", "de_DE", "fr_FR", "es_ES", "pl_PL", "ru_RU", "zh_CN", "ko_KR", "ar_AA", "hi_IN")
_HELD_LOCALES = ("en_GB", "en_GB", "en_CA", "it_IT", "pt_BR", "nl_NL", "sv_SE", "uk_UA", "bg_BG", "zh_TW", "ja_JP",
                 "he_IL", "fa_IR", "el_GR")
_FAMILY_FIRST = ("zh_CN", "zh_TW", "ja_JP", "ko_KR")
_DOMAINS = ("example.com", "acme.io", "contoso.com", "northwind.dev", "globex.org")
_ROLES = ("Admin", "Owner", "Member", "Guest", "Editor", "Viewer", "Billing admin", "Workspace owner", "Host")
_STATUSES = ("Active", "Away", "In a meeting", "Do not disturb", "Online", "Offline", "Presenting", "Busy")
# UI words in the same chips, beside the label they abbreviate (hard negatives).
_UI_PAIRS = (("PR", "Pull requests"), ("EN", "English"), ("AI", "Assistant"), ("QA", "Staging"), ("v2", "Release"),
             ("DE", "Deutsch"), ("API", "Keys"), ("CSV", "Export"), ("HR", "Handbook"), ("IT", "Helpdesk"),
             ("UX", "Research"), ("OK", "Approved"), ("PDF", "Invoice"), ("FR", "Français"), ("JS", "Console"),
             ("DB", "Backups"), ("CI", "Pipelines"), ("MR", "Merge requests"), ("SSO", "Settings"), ("KB", "Articles"))


class Person:
    """One person: a name as apps show it, the initials they draw from it, and an e-mail login."""

    def __init__(self, k: Kit) -> None:
        locale = k.rng.choice(k.locales)
        faker = Faker(locale)
        faker.seed_instance(k.rng.getrandbits(32))
        first, last = faker.first_name(), faker.last_name()
        self.latin = first[:1].isascii()
        if locale in _FAMILY_FIRST:
            self.name = f"{last}{first}" if locale != "ko_KR" or k.rng.random() < 0.7 else f"{last} {first}"
            self.initials = k.rng.choice((last[:1], first[-2:])) if locale in ("ko_KR", "zh_CN", "zh_TW") else last[:1]
        else:
            self.name = f"{first} {last}"
            roll = k.rng.random()
            self.initials = (first[:1] if roll < 0.15 or not first[:1].isalpha() else
                             (first[:1] + last[:1]) if roll < 0.9 or not self.latin else first[:2])
            self.initials = self.initials.upper()
        login = Faker("en_US")
        login.seed_instance(k.rng.getrandbits(32))
        plain = "".join(c for c in (first + "." + last).lower() if c.isascii() and (c.isalnum() or c == "."))
        self.email = f"{plain.strip('.') or login.user_name()}@{k.rng.choice(_DOMAINS)}"


def chip(k: Kit, p: Person, region: str, size: int, gap: int) -> str:
    """The person's initials tile, `gap` px before whatever follows it."""
    return f'<span style="margin-right:{gap}px; display:inline-flex">{k.chip(pii(p.initials, "INITIALS", region), size)}</span>'


def gap(k: Kit) -> int:
    """Space between a chip and the name: tight enough that the OCR often reads them as one field."""
    return k.rng.choice((4, 6, 8, 10, 12))


def caret(k: Kit) -> str:
    """A caret, a status word or nothing after the name."""
    return k.rng.choice(("&#9662;", "&#8964;", "", "&#8942;"))


def account_menu_tune(k: Kit) -> Screen:
    """Google Workspace's account card: the bar's chip, then a card with a large chip, the name and e-mail, and
    Manage your account."""
    p = Person(k)
    colour, fg = k.rng.choice(_BARS)
    top = (f'<div class="row" style="background:{colour}; color:{fg}"><span class="b">Drive</span><span class="fill"></span>'
           f'{chip(k, p, "header", k.size(), gap(k))}<span>{pii(p.name, "PERSON", "header")}</span>{caret(k)}</div>')
    card = (f'<div class="panel" style="width:360px; margin:10px 0 0 auto; padding:14px; border-radius:12px">'
            f'<div class="row">{chip(k, p, "body", k.rng.choice((40, 48)), gap(k))}<div>'
            f'<div class="b">{pii(p.name, "PERSON", "body")}</div><div class="soft">{pii(p.email, "EMAIL_ADDRESS", "body")}'
            f'</div></div></div><div class="row soft">Manage your account</div><div class="row soft">Sign out</div></div>')
    return page(k, "Google Chrome", "My Drive", top + card)


def account_menu_held(k: Kit) -> Screen:
    """Outlook's account manager: the suite bar's chip beside the name and role; a card with chip, name, e-mail."""
    p = Person(k)
    top = (f'<div class="row" style="background:#0f6cbd; color:#fff"><span class="b">Outlook</span><span class="fill"></span>'
           f'<span>{pii(p.name, "PERSON", "header")} &#183; {keep(k.rng.choice(_ROLES))}</span>'
           f'{chip(k, p, "header", k.size(), gap(k))}</div>')
    card = (f'<div style="width:340px; margin-left:auto; padding:12px; border:1px solid {k.c("line")}">'
            f'<div class="row">{chip(k, p, "body", 44, gap(k))}<span class="b">{pii(p.name, "PERSON", "body")}</span></div>'
            f'<div class="row soft">{pii(p.email, "EMAIL_ADDRESS", "body")}</div><div class="row">View account</div></div>')
    return page(k, "Microsoft Edge", "Mail", top + card)


def header_role_tune(k: Kit) -> Screen:
    """A top bar (Jira, GitLab, Salesforce) whose right end is the chip, the name, a dot and the role."""
    p = Person(k)
    colour, fg = k.rng.choice(_BARS)
    right = (f'{chip(k, p, "header", k.size(), gap(k))}<span>{pii(p.name, "PERSON", "header")}'
             f' &#183; {keep(k.rng.choice(_ROLES))}</span>{caret(k)}')
    top = (f'<div class="row" style="background:{colour}; color:{fg}"><span class="b">'
           f'{k.rng.choice(("Jira", "GitLab", "Salesforce", "Notion"))}</span><span>{keep("Projects")}</span>'
           f'<span class="fill"></span>{right}</div>')
    rows = "".join(f'<div class="row line">{t}</div>' for t in ("Backlog", "Sprint 14", "Release notes", "Runbooks"))
    return page(k, "Google Chrome", "Projects", top + rows)


def header_role_held(k: Kit) -> Screen:
    """A workspace switcher (Linear, Asana, HubSpot): chip, name's workspace, then the name and e-mail in the same row."""
    p = Person(k)
    side = (f'<div class="panel" style="width:300px; height:100%"><div class="row line">{chip(k, p, "sidebar", 22, gap(k))}'
            f'<span class="b">{pii(p.name, "PERSON", "sidebar")}</span>{caret(k)}</div>'
            f'<div class="row soft" style="font-size:12px">{pii(p.email, "EMAIL_ADDRESS", "sidebar")}</div>'
            + "".join(f'<div class="row soft">{t}</div>' for t in ("Inbox", "My issues", "Projects", "Views")) + "</div>")
    return page(k, "Linear", "Inbox", f'<div style="display:flex; height:100%">{side}<div style="flex:1"></div></div>')


def presence_tune(k: Kit) -> Screen:
    """A presence list (Slack's huddle, Zoom's participants): chip, name, status or role, one person a row."""
    rows = ""
    for i in range(k.rng.randint(4, 6)):
        p = Person(k)
        tail = k.rng.choice(_STATUSES + ("(Host, me)", "(Guest)")) if k.rng.random() < 0.7 else ""
        rows += (f'<div class="row">{chip(k, p, "sidebar", k.rng.choice((20, 24, 28)), gap(k))}'
                 f'<span>{pii(p.name, "PERSON", "sidebar")}</span><span class="soft">{keep(tail) if tail else ""}</span></div>')
    side = f'<div class="panel" style="width:{k.rng.choice((260, 300))}px; height:100%"><div class="row b">Participants</div>{rows}</div>'
    return page(k, "Zoom", "Meeting", f'<div style="display:flex; height:100%"><div style="flex:1"></div>{side}</div>')


def presence_held(k: Kit) -> Screen:
    """A Teams chat list / Discord member list: chip, name, then a role chip or an activity on the same line."""
    rows = ""
    for _ in range(k.rng.randint(4, 6)):
        p = Person(k)
        rows += (f'<div class="row">{chip(k, p, "sidebar", k.rng.choice((18, 22, 32)), gap(k))}'
                 f'<span class="b">{pii(p.name, "PERSON", "sidebar")}</span>'
                 f'<span class="soft">{keep(k.rng.choice(_ROLES + _STATUSES))}</span></div>')
    side = f'<div class="panel" style="width:280px; height:100%"><div class="row b">Members</div>{rows}</div>'
    return page(k, "Discord", "general", f'<div style="display:flex; height:100%">{side}<div style="flex:1"></div></div>')


def thread_tune(k: Kit) -> Screen:
    """A comment thread (Figma, Google Docs, GitLab): chip, name and time on one line, the comment below."""
    items = ""
    for _ in range(k.rng.randint(3, 4)):
        p = Person(k)
        items += (f'<div style="padding:6px 14px"><div class="row" style="padding:0">{chip(k, p, "body", k.rng.choice((20, 24)), gap(k))}'
                  f'<span class="b">{pii(p.name, "PERSON", "body")}</span><span class="soft">{k.rng.randint(1, 11)}h</span></div>'
                  f'<div>{k.rng.choice(("Can we reword this?", "Agreed, ship it.", "Link the spec here.", "Resolved in v2."))}</div></div>')
    return page(k, "Figma", "Comments", f'<div class="row line b">Comments</div><div style="width:440px">{items}</div>')


def thread_held(k: Kit) -> Screen:
    """A Confluence / Miro thread: name first, then the chip after it with a reply count."""
    items = ""
    for _ in range(k.rng.randint(3, 4)):
        p = Person(k)
        items += (f'<div class="row"><span class="b">{pii(p.name, "PERSON", "body")}</span>'
                  f'{chip(k, p, "body", 20, gap(k))}<span class="soft">{keep(str(k.rng.randint(1, 9)))} replies</span></div>'
                  f'<div style="padding:0 14px">{k.rng.choice(("Looks good.", "See the draft.", "Moved to Q3."))}</div>')
    return page(k, "Confluence", "Page", f'<div class="row line b">Inline comments</div>{items}')


def pane_tune(k: Kit) -> Screen:
    """A mail reading pane (Gmail, Outlook): chip, then `Name <e-mail>` on the same line, then the date."""
    p = Person(k)
    head = (f'<div class="row" style="padding:14px">{chip(k, p, "body", k.rng.choice((32, 40)), gap(k))}'
            f'<span class="b">{pii(p.name, "PERSON", "body")}</span><span class="soft">&lt;{pii(p.email, "EMAIL_ADDRESS", "body")}&gt;'
            f'</span><span class="fill"></span><span class="soft">Tue 10:42</span></div>')
    return page(k, "Gmail", "Inbox", f'<div class="row line b">Budget review</div>{head}<p style="padding:0 20px">Numbers attached.</p>')


def pane_held(k: Kit) -> Screen:
    """A ticket (Zendesk, Salesforce): the requester's chip, name, e-mail and an organisation on one line."""
    p = Person(k)
    head = (f'<div class="row" style="padding:12px">{chip(k, p, "body", 28, gap(k))}<span>{pii(p.name, "PERSON", "body")}</span>'
            f'<span class="soft">{pii(p.email, "EMAIL_ADDRESS", "body")}</span><span class="soft">Northwind</span></div>')
    return page(k, "Zendesk", "Ticket", f'<div class="row line b">Ticket 7710</div>{head}<p style="padding:0 20px">Refund requested.</p>')


def owner_tune(k: Kit) -> Screen:
    """A record table (Salesforce, Notion): an owner column of chip and name, a stage, an amount."""
    rows = ""
    for _ in range(k.rng.randint(5, 7)):
        p = Person(k)
        rows += (f'<tr><td>{k.rng.choice(("Renewal", "Expansion", "Pilot", "Upsell"))}</td><td><span class="row" style="padding:0;'
                 f' gap:0">{chip(k, p, "table", 20, gap(k))}{pii(p.name, "PERSON", "table")}</span></td>'
                 f'<td>{k.rng.choice(("Proposal", "Closed won", "Discovery"))}</td><td>${k.rng.randint(2, 90)},000</td></tr>')
    return page(k, "Salesforce", "Opportunities", f'<div style="padding:16px"><table><tr><th>Opportunity</th><th>Owner</th>'
                f'<th>Stage</th><th>Amount</th></tr>{rows}</table></div>')


def owner_held(k: Kit) -> Screen:
    """An issue list (Jira, GitHub): key, title, then the assignee's chip and name at the row's end."""
    rows = ""
    for i in range(k.rng.randint(5, 7)):
        p = Person(k)
        rows += (f'<div class="row line"><span class="soft">{keep("WEB-" + str(100 + i))}</span><span style="width:260px">'
                 f'{k.rng.choice(("Fix login", "Audit logs", "Draft FAQ", "Cache headers"))}</span><span class="fill"></span>'
                 f'{chip(k, p, "table", 18, gap(k))}<span>{pii(p.name, "PERSON", "table")}</span></div>')
    return page(k, "Jira", "Issues", rows)


def negative_tune(k: Kit) -> Screen:
    """Hard negative: UI acronyms in chips beside the label they stand for, in a sidebar and a top bar."""
    pairs = k.rng.sample(_UI_PAIRS, 6)
    side = "".join(f'<div class="row">{k.chip(keep(a), k.rng.choice((20, 24, 28)))}<span>{keep(b)}</span></div>' for a, b in pairs[:4])
    colour, fg = k.rng.choice(_BARS)
    top = (f'<div class="row" style="background:{colour}; color:{fg}"><span class="b">Console</span><span class="fill"></span>'
           + "".join(f'{k.chip(keep(a), 24)}<span>{keep(b)}</span>' for a, b in pairs[4:]) + "</div>")
    return page(k, "Google Chrome", "Console", top + f'<div class="panel" style="width:260px">{side}</div>')


def negative_held(k: Kit) -> Screen:
    """Hard negative: a settings list and a language menu: chip, label, a value or a caret on one line."""
    pairs = k.rng.sample(_UI_PAIRS, 6)
    rows = "".join(f'<div class="row line">{k.chip(keep(a), 22, "4px")}<span class="b">{keep(b)}</span>'
                   f'<span class="soft">{keep(k.rng.choice(("Enabled", "Default", "Off", "3 items")))}</span>&#9662;</div>'
                   for a, b in pairs)
    return page(k, "Google Chrome", "Settings", f'<div class="row line b">Settings</div>{rows}')


_SITUATIONS = (("account", "workspace", account_menu_tune, account_menu_held, False),
               ("header_role", "workspace", header_role_tune, header_role_held, False),
               ("presence", "call", presence_tune, presence_held, False), ("thread", "docs", thread_tune, thread_held, False),
               ("pane", "mail", pane_tune, pane_held, False), ("owner", "workspace", owner_tune, owner_held, False),
               ("negative", "settings", negative_tune, negative_held, True))


def recipes(held: bool) -> tuple[S, ...]:
    """The family's recipes: one drawing per situation and one set of locales (the held-out ones or not)."""
    return situation_recipes(_SITUATIONS, _HELD_LOCALES if held else _TUNE_LOCALES, held)


SCREEN_RECIPES = recipes(held=False)
