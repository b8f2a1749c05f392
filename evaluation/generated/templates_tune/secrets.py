"""Fourth screen tuning family (`tune_secrets`): screens that show credentials and avatars, written
before reading the screen cover rules: settings pages with API keys and tokens (shown in monospace boxes
with copy buttons, or partly masked), SSH key pages with fingerprints and a public key wrapped over lines,
terminals printing `.env`, a kubeconfig and a public key, password managers with a revealed password,
2FA recovery codes, Wi-Fi passwords, invite links with tokens, and member lists with avatars of many
shapes (circles with one or two initials, square tiles, stacked groups with "+3", flat-colour photos);
release and CI pages with commit hashes, build ids, UUIDs, versions and checksums as hard negatives.
Looks and scales of screens.py. Build and score it with `python -m evaluation.evaluate --splits
tune_secrets`; never trained on.
"""
from __future__ import annotations

import html
import random
import string
import uuid

from evaluation.generated.records import Screen, ScreenRecipe as S
from evaluation.generated.spans import Slots
from evaluation.generated.templates_tune.screens import AVATAR_COLOURS, _grid, _screen, draw_look

SEED = 20261219
PUBLIC_SHARE = None
TEXT_RECIPES: tuple = ()
OPAQUE_IDS = True
__all__ = ["SCREEN_RECIPES", "draw_look"]
_WHEN = ("Mar 4, 2026", "Jan 17, 2026", "2 days ago", "Feb 28, 2026", "last week", "Never used")
_KEY_NAMES = ("CI deploy", "Local dev", "Billing webhook", "Zapier", "Staging", "Data export", "Mobile app")
_SAT = ("#d93025", "#1a73e8", "#188038", "#e37400", "#9334e6", "#c5221f", "#007b83", "#b80672")
_WRAP_CSS = (".wrap { white-space:normal; word-break:break-all; } .wrap .pii { white-space:normal; }"
             " .term .pii { white-space:pre-wrap; }")


def _value(label: str, value: str, region: str) -> str:
    """A gold value drawn here (masked tokens, recovery codes, invite tokens), marked as Slots.html marks one."""
    return f'<span class="pii" data-pii="{label}" data-region="{region}">{html.escape(value)}</span>'


def _tok(s: Slots, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return s.values.token(n, alphabet)


def _masked(s: Slots, rng: random.Random) -> str:
    """A partly masked key as dashboards show one: a prefix, a run of dots, the last four characters."""
    prefix = rng.choice(("sk_live_", "pk_live_", "rk_live_", "ghp_", "xoxb-", "AKIA", "glpat-", ""))
    dots = rng.choice(("\u2022" * rng.randint(8, 20), "*" * rng.randint(8, 16), "\u2026"))
    return prefix + dots + _tok(s, 4)


def _avatar(s: Slots, key: str, rng: random.Random, region: str = "avatar") -> str:
    """One avatar in one of the shapes apps use: a circle or a square tile with one or two initials in
    white on a saturated colour, or a flat-colour photo."""
    colour = rng.choice(AVATAR_COLOURS + _SAT)
    shape = rng.choice(("50%", "50%", "6px", "0"))
    size = rng.choice(("1.8em", "2.2em", "2.6em", "32px"))
    person = s.person(key)
    if rng.random() < 0.2:
        inner = "&nbsp;"
    elif rng.random() < 0.3:
        inner = _value("INITIALS", person.initials[:1], region)
    else:
        inner = s.html(f"{{{key}.initials}}", region)
    return (f'<span style="display:inline-block; width:{size}; height:{size}; line-height:{size}; border-radius:{shape};'
            f' background:{colour}; color:#ffffff; text-align:center; font-weight:700; font-size:0.85em;'
            f' vertical-align:middle; margin-right:8px">{inner}</span>')


def _copy() -> str:
    return '<span class="btn" style="margin-left:8px; font-size:0.85em">Copy</span>'


def _mono_box(inner: str) -> str:
    return (f'<span class="mono" style="display:inline-block; border:1px solid var(--line); border-radius:4px;'
            f' padding:4px 8px; background:var(--panel)">{inner}</span>')


def api_keys(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A developer dashboard's API keys: a new key shown once with a copy button, older keys partly masked."""
    new = ('<div class="card"><div class="b">Your new secret key</div><div class="muted">Copy it now. You will not see it again.</div>'
           + _mono_box(s.html("{token}", "form")) + _copy() + "</div>")
    rows = "".join(f'<tr><td style="padding:6px 10px">{name}</td><td style="padding:6px 10px" class="mono">'
                   + _value("SECRET", _masked(s, rng), "table") + f'</td><td style="padding:6px 10px" class="muted">{rng.choice(_WHEN)}</td>'
                   f'<td style="padding:6px 10px">{_avatar(s, f"p{i}", rng)}' + s.html(f"{{p{i}.full}}", "table") + "</td></tr>"
                   for i, name in zip(range(2, 6), rng.sample(_KEY_NAMES, 4)))
    table = ('<table style="border-collapse:collapse; margin:8px"><tr class="muted"><td style="padding:6px 10px">NAME</td>'
             '<td style="padding:6px 10px">SECRET KEY</td><td style="padding:6px 10px">LAST USED</td>'
             f'<td style="padding:6px 10px">CREATED BY</td></tr>{rows}</table>')
    side = '<div class="panel">' + "".join(f'<div class="row{" sel" if t == "API keys" else ""}">{t}</div>'
                                           for t in ("Overview", "Webhooks", "API keys", "Logs", "Events")) + "</div>"
    top = ('<div class="top"><span class="b">' + rng.choice(("Stripe", "OpenAI", "Twilio", "SendGrid")) + '</span>'
           '<span class="grow"></span>' + _avatar(s, "p1", rng, "header") + s.html("{p1.full}", "header") + "</div>")
    body = f'<div style="padding:16px 24px"><div class="b" style="font-size:1.4em">API keys</div>{new}{table}</div>'
    return _screen(rng, theme, "Google Chrome", "API keys - Dashboard", "", top + _grid("200px 1fr", side, body))


def ssh_keys(s: Slots, rng: random.Random, theme: str) -> Screen:
    """GitHub or GitLab "SSH keys": keys with SHA256 fingerprints, and the add form with a pasted public key."""
    keys = "".join('<div class="card"><span class="b">' + title + '</span> <span class="chip">SSH</span><div class="mono">'
                   + s.html("{fingerprint}", "table") + f'</div><div class="muted">Added on {rng.choice(_WHEN)} · '
                   f'Last used within the last {rng.choice(("week", "2 weeks", "month"))}</div></div>'
                   for title in rng.sample(("MacBook Pro", "work laptop", "build-agent", "home desktop", "yubikey"), 2))
    paste = ('<div class="fieldl">Key</div><div class="card mono wrap" style="max-width:' + str(rng.choice((360, 420, 520)))
             + 'px">ssh-ed25519 ' + s.html("{ssh_key}", "form") + " " + s.html("{p1.login}@{p1.host}", "form") + "</div>")
    form = ('<div class="b" style="font-size:1.2em; margin-top:14px">Add new SSH key</div><div class="fieldl">Title</div>'
            '<div class="input">laptop 2026</div>' + paste + '<span class="btn" style="background:#1f883d; color:#fff">Add SSH key</span>')
    side = ('<div class="panel"><div class="row">' + _avatar(s, "p1", rng, "sidebar") + s.html("{p1.login}", "sidebar")
            + '</div><div class="row">Profile</div><div class="row sel">SSH and GPG keys</div><div class="row">Emails</div></div>')
    body = f'<div style="padding:16px 24px"><div class="b" style="font-size:1.4em">SSH keys</div>{keys}{form}</div>'
    return _screen(rng, theme, "Google Chrome", "SSH and GPG keys", "", _grid("240px 1fr", side, body), _WRAP_CSS)


def terminal_secrets(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A terminal printing `.env`, a kubeconfig user and a public key that wraps at the pane's width."""
    prompt = ('<span style="color:#3fb950">' + s.html("{p1.login}@{p1.host}", "terminal") + "</span>:~/app$ ")
    env = ("DEBUG=false\nDATABASE_URL=postgres://app:" + s.html("{password}", "terminal") + "@db-prod-2:5432/app\n"
           "STRIPE_SECRET_KEY=" + s.html("{token}", "terminal") + "\nAWS_REGION=eu-west-1\nSENTRY_RELEASE=4.12."
           + str(rng.randint(0, 9)) + "\n")
    kube = ("users:\n- name: prod-admin\n  user:\n    token: " + s.html("{token}", "terminal") + "\n    client-key-data: "
            + s.html("{private_key}", "terminal") + "\n")
    pub = "ssh-ed25519 " + s.html("{ssh_key}", "terminal") + " " + s.html("{p1.login}@{p1.host}", "terminal") + "\n"
    log = "".join(f"{rng.randrange(16**7):07x} {msg}\n" for msg in ("Bump version to 4.12", "Fix retry budget"))
    parts = [(prompt + "cat .env\n" + env), (prompt + "kubectl config view --raw\n" + kube),
             (prompt + "cat ~/.ssh/id_ed25519.pub\n" + pub), (prompt + "git log --oneline -2\n" + log)]
    rng.shuffle(parts)
    bg = "#0d1117" if theme != "light" else "#ffffff"
    fg = "#e6edf3" if theme != "light" else "#1f2328"
    width = rng.choice((560, 700, 900))
    return _screen(rng, theme, rng.choice(("Terminal", "iTerm2", "Windows Terminal")), "zsh", "",
                   f'<div class="mono term" style="background:{bg}; color:{fg}; padding:10px 14px; min-height:100%; width:{width}px;'
                   f' white-space:pre-wrap; word-break:break-all">{"".join(parts)}{prompt}</div>', _WRAP_CSS)


def password_manager(s: Slots, rng: random.Random, theme: str) -> Screen:
    """1Password or Bitwarden: an item with login, revealed password and a one-time code; a vault list with avatars."""
    items = "".join(f'<div class="row{" sel" if n == 0 else ""}">{_avatar(s, f"p{i}", rng, "sidebar")}'
                    + s.html(f"{{p{i}.full}}", "sidebar") + "</div>" for n, i in enumerate((2, 3, 4)))
    item = ('<div style="padding:16px 24px"><div class="b" style="font-size:1.4em">' + rng.choice(("Okta", "AWS console", "Router admin"))
            + '</div><div class="fieldl">username</div><div>' + s.html("{p2.email}", "form") + "</div>"
            '<div class="fieldl">password</div><div>' + _mono_box(s.html("{password}", "form")) + _copy()
            + '<span class="btn" style="margin-left:6px">Hide</span></div><div class="fieldl">one-time password</div><div class="mono">'
            + f"{rng.randint(100, 999)} {rng.randint(100, 999)}" + '</div><div class="fieldl">website</div><div class="link">'
            "https://signin.example.com</div></div>")
    app = rng.choice(("1Password", "Bitwarden", "KeePassXC"))
    return _screen(rng, theme, app, f"Logins - {app}", "", _grid("280px 1fr", f'<div class="panel">{items}</div>', item))


def recovery_codes(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Two-factor recovery codes in a grid, with download and print buttons."""
    alphabet = string.ascii_lowercase + string.digits
    shape = rng.choice(((5, 5), (4, 4), (10, 0)))
    codes = "".join('<div class="mono" style="padding:4px 12px">' + _value("SECRET", _tok(s, shape[0], alphabet)
                    + (f"-{_tok(s, shape[1], alphabet)}" if shape[1] else ""), "form") + "</div>" for _ in range(8))
    body = ('<div style="padding:20px 32px; max-width:640px"><div class="b" style="font-size:1.4em">Recovery codes</div>'
            '<div class="muted">Keep these somewhere safe. Each code can be used once.</div>'
            f'<div class="card" style="display:grid; grid-template-columns:1fr 1fr">{codes}</div>'
            '<span class="btn">Download</span> <span class="btn">Print</span> <span class="btn">Copy</span>'
            '<div class="muted" style="margin-top:10px">Signed in as ' + s.html("{p1.email}", "body") + "</div></div>")
    return _screen(rng, theme, "Google Chrome", "Two-factor authentication", "", body)


def wifi_password(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Wi-Fi settings or a router page: the network's password revealed, devices named after their owners."""
    devices = "".join('<div class="row">' + s.html(f"{{p{i}.first}}", "table") + f"'s {d}"
                      f' <span class="muted">192.168.1.{rng.randint(2, 250)}</span></div>'
                      for i, d in ((2, "iPhone"), (3, "MacBook"), (4, "Pixel 8")))
    body = ('<div style="padding:20px 32px"><div class="b" style="font-size:1.4em">Wi-Fi</div><div class="fieldl">Network name</div>'
            f'<div>{rng.choice(("HomeNet-5G", "ACME-Guest", "Office WLAN"))}</div><div class="fieldl">Password</div><div>'
            + _mono_box(s.html("{password}", "form")) + _copy() + '</div><div class="fieldl">Security</div><div>WPA3 Personal</div>'
            '<div style="width:120px; height:120px; background:var(--fg); margin:12px 0"></div>'
            f'<div class="b">Connected devices</div>{devices}</div>')
    return _screen(rng, theme, rng.choice(("System Settings", "Google Chrome")), "Wi-Fi", "", body)


def invite_link(s: Slots, rng: random.Random, theme: str) -> Screen:
    """An invite modal: a link carrying a token, a meeting passcode, and the people already invited."""
    kind = rng.choice(("slack", "zoom", "discord"))
    if kind == "slack":
        link = "https://join.slack.com/t/acme/shared_invite/zt-" + _value("SECRET", f"{_tok(s, 12)}-{_tok(s, 22)}", "form")
    elif kind == "zoom":
        link = (f"https://us02web.zoom.us/j/{rng.randint(10**9, 10**10)}?pwd=" + _value("SECRET", _tok(s, 32), "form"))
    else:
        link = "https://discord.gg/" + s.html("{invite}", "form")
    people = "".join(f'<div class="row">{_avatar(s, f"p{i}", rng)}' + s.html(f"{{p{i}.full}}", "card") + "</div>" for i in (2, 3, 4))
    modal = ('<div class="card" style="max-width:620px; margin:60px auto"><div class="b" style="font-size:1.3em">Invite people</div>'
             f'<div class="fieldl">Invite link</div><div>{_mono_box(link)}{_copy()}</div>'
             '<div class="fieldl">Passcode</div><div>' + s.html("{password}", "form") + f"</div>{people}</div>")
    return _screen(rng, theme, "Google Chrome", "Invite", "", modal, _WRAP_CSS)


def members(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A members page: avatars of many shapes beside names and logins, a stacked avatar group with "+3"."""
    rows = "".join(f'<div class="row">{_avatar(s, f"p{i}", rng)}' + s.html(f"{{p{i}.full}}", "table")
                   + ' <span class="muted">' + s.html(f"@{{p{i}.login}}", "table") + f'</span> <span class="chip">{role}</span></div>'
                   for i, role in zip(range(2, 7), ("Owner", "Admin", "Member", "Member", "Guest")))
    stack = "".join(f'<span style="margin-left:-10px">{_avatar(s, f"p{i}", rng)}</span>' for i in (2, 3, 4))
    group = (f'<div class="row" style="padding-left:26px">{stack}<span class="chip" style="margin-left:-6px">'
             f'+{rng.randint(2, 9)}</span> <span class="muted">are viewing</span></div>')
    top = ('<div class="top"><span class="b">Team settings</span><span class="grow"></span>' + _avatar(s, "p1", rng, "header")
           + "</div>")
    return _screen(rng, theme, "Google Chrome", "Members", "", top + group + rows)


def release_page(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A release page (hard negative): version, commit hash, build id, and a checksum column of assets."""
    version = f"v{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 12)}"
    assets = "".join(f'<tr><td style="padding:4px 10px">app-{version}-{arch}.tar.gz</td><td style="padding:4px 10px" class="mono">'
                     f'{rng.randrange(16**64):064x}</td><td class="muted" style="padding:4px 10px">{rng.randint(8, 90)} MB</td></tr>'
                     for arch in ("linux-amd64", "linux-arm64", "darwin-arm64"))
    body = (f'<div style="padding:16px 28px"><div class="b" style="font-size:1.6em">{version}</div><div>'
            + _avatar(s, "p2", rng) + s.html("{p2.login}", "body") + f' released this · commit <span class="mono">{rng.randrange(16**7):07x}</span>'
            f'</div><div>Build <span class="mono">{rng.randint(10**5, 10**6)}</span> · pipeline <span class="mono">{uuid.UUID(int=rng.getrandbits(128))}</span></div>'
            f'<table style="border-collapse:collapse; margin-top:10px"><tr class="muted"><td style="padding:4px 10px">Asset</td>'
            f'<td style="padding:4px 10px">SHA-256</td><td style="padding:4px 10px">Size</td></tr>{assets}</table>'
            f'<div class="mono" style="margin-top:8px">docker pull ghcr.io/acme/app@sha256:{rng.randrange(16**64):064x}</div></div>')
    return _screen(rng, theme, "Google Chrome", f"Release {version}", "", body)


def ci_run(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A CI run (hard negative): run and job UUIDs, commit SHAs, image digests, one person who started it."""
    jobs = "".join(f'<div class="row mono">{name}  {uuid.UUID(int=rng.getrandbits(128))}  '
                   f'<span class="muted">{rng.randint(12, 300)}s</span></div>' for name in ("build", "test", "lint", "deploy"))
    body = ('<div style="padding:16px 28px"><div class="b" style="font-size:1.4em">Run #' + str(rng.randint(1000, 99999)) + "</div>"
            '<div>Triggered by ' + _avatar(s, "p2", rng) + s.html("{p2.full}", "body") + ' on commit <span class="mono">'
            f'{rng.randrange(16**40):040x}</span></div><div class="muted">Artifact digest sha256:{rng.randrange(16**64):064x}</div>'
            f"{jobs}</div>")
    return _screen(rng, theme, "Google Chrome", "Actions", "", body)


SCREEN_RECIPES = (
    S("api_keys", "settings", "benign", api_keys), S("ssh_keys", "settings", "benign", ssh_keys),
    S("terminal_secrets", "terminal", "benign", terminal_secrets), S("password_manager", "vault", "benign", password_manager),
    S("recovery_codes", "settings", "benign", recovery_codes), S("wifi_password", "settings", "benign", wifi_password),
    S("invite_link", "team_chat", "benign", invite_link), S("members", "settings", "benign", members),
    S("release_page", "dev_tools", "benign", release_page, hard_negative=True),
    S("ci_run", "dev_tools", "benign", ci_run, hard_negative=True),
)
