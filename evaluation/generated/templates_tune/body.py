"""Third screen tuning family (`tune_body`): body-heavy screens of real apps, written before looking at
the detectors: mail reading panes whose prose names people, with signatures (phone, a one-line non-US
address) and quoted replies; chat channels and DMs with coloured names, first names and @handles in
messages; document pages with @mention chips, comment and suggestion sidebars and "Last edited by";
HR, clinic and bank portal messages in prose; terminals with `user@host` prompts, `git log` authors,
`ls -l` owners and e-mails printed plainly; in the looks and scales of screens.py. Build and score it
with `python -m evaluation.evaluate --splits tune_body`; never trained on.
"""
from __future__ import annotations

import random

from evaluation.generated.records import Screen, ScreenRecipe as S
from evaluation.generated.spans import Slots
from evaluation.generated.templates_tune.screens import ROLE_COLOURS, _av, _grid, _screen, draw_look

SEED = 20261218
PUBLIC_SHARE = None
TEXT_RECIPES: tuple = ()
OPAQUE_IDS = True
__all__ = ["SCREEN_RECIPES", "draw_look"]
_WHEN = ("Tue, Mar 4, 9:12 AM", "Yesterday, 16:40", "Feb 28, 2026, 11:05", "Mon 10:21", "Jan 17 at 08:55")
_TOPICS = ("the vendor contract", "the onboarding plan", "the Q3 forecast", "the office move", "the incident review",
           "the hiring panel", "the audit checklist")


def _p(text: str) -> str:
    return f'<p style="margin:0 0 10px 0">{text}</p>'


def mail_prose(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Gmail or Outlook reading pane: prose naming people, a signature with phone and address, a quoted reply."""
    topic = rng.choice(_TOPICS)
    head = ('<div style="padding:12px 20px; border-bottom:1px solid var(--line)"><div class="b" style="font-size:1.3em">'
            f"Re: {topic}</div>" + _av(s, "p2", rng) + '<span class="b">' + s.html("{p2.full}", "header") + "</span> "
            + '<span class="muted">' + s.html("<{p2.email}>", "header") + f"</span> <span class=\"muted\">{rng.choice(_WHEN)}</span></div>")
    body = ('<div style="padding:14px 20px; max-width:760px">' + _p(s.html("Hi {p1.first},", "body"))
            + _p(s.html(f"Thanks for the notes on {topic}. I spoke with {{p3.full}} this morning and she agrees; "
                        "{p4.first} will send the revised numbers by Friday. Could you loop in {p5.full} from Legal "
                        "before we sign?", "body"))
            + _p(s.html("If anything is unclear, call me on {phone} or write to {p2.email}.", "body"))
            + _p("Kind regards,<br>" + s.html("{p2.full}", "body") + "<br>Procurement Lead<br>" + s.html("{address}", "body")
                 + "<br>" + s.html("Mobile {phone}", "body"))
            + '<div class="muted" style="border-left:3px solid var(--line); padding-left:10px">'
            + _p(s.html(f"On {rng.choice(_WHEN)}, {{p1.full}} <{{p1.email}}> wrote:", "body"))
            + _p(s.html("> {p2.first}, can you check whether {p6.last_first} signed the NDA?", "body")) + "</div></div>")
    rows = "".join(f'<div class="mail{" sel" if i == 2 else ""}" style="grid-template-columns:1fr"><span class="from b">'
                   + s.html(f"{{p{i}.full}}", "selected" if i == 2 else "table") + f'</span><span class="muted">{t}</span></div>'
                   for i, t in ((2, f"Re: {topic}"), (7, "Lunch on Thursday?"), (8, "Badge renewal")))
    app = rng.choice(("Gmail", "Outlook"))
    return _screen(rng, theme, "Google Chrome", f"Re: {topic} - {app}", "", _grid("280px 1fr", rows, head + body))


def chat_channel(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Slack, Teams or Discord channel: coloured author names, messages naming people by first name and
    @handle, one message highlighted because it mentions the viewer."""
    lines = (("p2", "Morning all! {p3.first} and I are pairing on the release today"),
             ("p3", "{p1.handle} can you approve the rollout PR when you get a sec?"),
             ("p4", "FYI {p5.full} is covering support while {p6.first} is out"),
             ("p5", "thanks {p4.first_lower}, ping me or {p6.handle} if the queue grows"),
             ("p2", "Reminder: retro at 3pm, {p7.full} is hosting"))
    msgs = ""
    for n, (key, text) in enumerate(lines):
        colour = rng.choice(ROLE_COLOURS)
        hl = ' style="background:var(--sel); color:var(--sel-fg)"' if n == 1 else ""
        msgs += (f'<div class="row"{hl}>{_av(s, key, rng)}<span class="b" style="color:{colour}">' + s.html(f"{{{key}.full}}", "body")
                 + f'</span> <span class="muted">{rng.randint(8, 11)}:{rng.randint(10, 59)}</span><div style="margin-left:40px; white-space:normal">'
                 + s.html(text, "body") + "</div></div>")
    dms = "".join('<div class="row">● ' + s.html(f"{{p{i}.first}}", "sidebar") + "</div>" for i in (3, 4, 8))
    side = ('<div class="panel"><div class="row b">Acme</div><div class="row"># general</div><div class="row sel"># release</div>'
            '<div class="row muted">Direct messages</div>' + dms + "</div>")
    app = rng.choice(("Slack", "Microsoft Teams", "Discord"))
    return _screen(rng, theme, app, f"release - {app}", "", _grid("220px 1fr", side, '<div class="row b"># release</div>' + msgs))


def chat_dm(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A direct-message conversation: the other person's name in the header, personal details in messages."""
    lines = (("p2", "hey, here is my new number {phone}"), ("p1", "got it, and the address for the parcel?"),
             ("p2", "{address}"), ("p1", "thanks! I'll tell {p3.first} to send it there"),
             ("p2", "use {p2.email} for the invoice please"))
    msgs = ""
    for key, text in lines:
        mine = key == "p1"
        bubble = "background:var(--sel); color:var(--sel-fg)" if mine else "background:var(--panel)"
        msgs += (f'<div style="display:flex; justify-content:{"flex-end" if mine else "flex-start"}; padding:4px 16px">'
                 f'<div style="{bubble}; border-radius:12px; padding:6px 12px; max-width:70%">' + s.html(text, "body") + "</div></div>")
    head = ('<div class="top">' + _av(s, "p2", rng) + '<span class="b">' + s.html("{p2.full}", "header") + "</span>"
            '<span class="muted">Active now</span></div>')
    return _screen(rng, theme, rng.choice(("Slack", "WhatsApp", "Signal")), "Direct message", "", head + msgs)


def doc_comments(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Google Docs or Notion: a page with prose and @mention chips, a comment sidebar, "Last edited by"."""
    chip = '<span class="chip" style="padding:1px 8px">'
    page = ('<div style="padding:20px 40px; max-width:820px"><div class="b" style="font-size:1.6em">Launch plan</div>'
            '<div class="muted">' + s.html("Last edited by {p2.full} · 2 hours ago", "body") + "</div>"
            + _p(s.html("Owner: ", "body") + chip + s.html("@{p3.full}", "body") + "</span> · Reviewer: " + chip
                 + s.html("@{p4.full}", "body") + "</span>")
            + _p(s.html("The pilot starts in April with three customers. {p5.full} will run the kickoff and "
                        "{p3.first} owns the rollout checklist. Questions go to {p6.email}.", "body"))
            + _p(s.html("Open question: does {p4.last} need the legal sign-off before the press date?", "body")) + "</div>")
    comments = ""
    for key, text in (("p4", "Agree, but {p3.first} should confirm the dates"), ("p5", "Suggested: replace \u201cApril\u201d with \u201cMay\u201d"),
                      ("p6", "{p2.first} see my note on the budget line")):
        comments += ('<div class="card">' + _av(s, key, rng) + '<span class="b">' + s.html(f"{{{key}.full}}", "sidebar")
                     + f'</span><div class="muted">{rng.choice(_WHEN)}</div><div style="white-space:normal">' + s.html(text, "sidebar") + "</div></div>")
    app = rng.choice(("Google Docs", "Notion", "Confluence"))
    return _screen(rng, theme, "Google Chrome", f"Launch plan - {app}", "",
                   _grid("1fr 320px", page, f'<div class="panel"><div class="row b">Comments</div>{comments}</div>'))


def portal_message(s: Slots, rng: random.Random, theme: str) -> Screen:
    """An HR, clinic or bank portal: a secure message in prose naming the user, a colleague or doctor, and details."""
    kind = rng.choice(("hr", "clinic", "bank"))
    if kind == "hr":
        text = (_p(s.html("Dear {p1.first} {p1.last},", "body"))
                + _p(s.html("Your leave request for 12–16 May has been approved by {p2.full}. While you are away, "
                            "{p3.full} will cover your open tickets.", "body"))
                + _p(s.html("We have your home address as {address}. If this changed, reply to {p4.email}.", "body")))
        title = "Messages - Workday"
    elif kind == "clinic":
        text = (_p(s.html("Hello {p1.full},", "body"))
                + _p(s.html("Dr. {p2.last} has reviewed your results. Please book a follow-up with {p3.full} at the "
                            "clinic on {address}, or call {phone}.", "body"))
                + _p(s.html("Patient ID {account} · Date of birth on file", "body")))
        title = "Message centre - MyChart"
    else:
        text = (_p(s.html("Dear {p1.full},", "body"))
                + _p(s.html("A transfer of 420.00 EUR to {p2.full} (IBAN {iban}) is waiting for your approval. "
                            "If you did not start it, call us on {phone}.", "body"))
                + _p(s.html("Account {account} · statement address {address}", "body")))
        title = "Secure messages - Online Banking"
    inbox = "".join(f'<div class="row{" sel" if n == 0 else ""}">{subject}</div>'
                    for n, subject in enumerate(("Your request", "Documents available", "Profile update")))
    top = ('<div class="top"><span class="b">' + title.split(" - ")[1] + '</span><span class="grow"></span>Signed in as '
           + s.html("{p1.full}", "header") + "</div>")
    return _screen(rng, theme, "Google Chrome", title, "", top + _grid("240px 1fr", f'<div class="panel">{inbox}</div>',
                                                                       f'<div style="padding:18px 28px; max-width:760px">{text}</div>'))


def terminal_session(s: Slots, rng: random.Random, theme: str) -> Screen:
    """A terminal: coloured `user@host` prompts, `git log` authors, `ls -l` owners, e-mails printed plainly."""
    prompt = ('<span style="color:#3fb950">' + s.html("{p1.login}@{p1.host}", "terminal") + '</span>:<span style="color:#58a6ff">~/src</span>$ ')
    log = "".join(f"commit {rng.randrange(16**12):012x}\n" + s.html(f"Author: {{p{i}.full}} <{{p{i}.email}}>", "terminal")
                  + f"\nDate:   {rng.choice(_WHEN)}\n\n    {msg}\n\n" for i, msg in ((2, "Fix retry budget"), (3, "Add export job")))
    ls = "".join("-rw-r--r--  1 " + s.html(f"{{p{i}.login}}", "terminal") + f"  staff  {rng.randint(100, 9999):>5} Mar  {rng.randint(1, 28)} {name}\n"
                 for i, name in ((1, "notes.md"), (4, "deploy.sh"), (1, "Makefile")))
    cat = "".join(s.html(f"{{p{i}.full}},{{p{i}.email}}", "terminal") + "\n" for i in (5, 6))
    text = (prompt + "git log -2\n" + log + prompt + "ls -l\n" + ls + prompt + "cat owners.csv\nname,email\n" + cat + prompt)
    bg = "#0d1117" if theme != "light" else "#ffffff"
    fg = "#e6edf3" if theme != "light" else "#1f2328"
    return _screen(rng, theme, rng.choice(("Terminal", "iTerm2", "Windows Terminal")), "bash", "",
                   f'<div class="mono" style="background:{bg}; color:{fg}; padding:10px 14px; min-height:100%">{text}</div>')


def release_notes(s: Slots, rng: random.Random, theme: str) -> Screen:
    """Release notes (hard negative): capitalised product and feature words in prose, one author line."""
    items = "".join(f"<li>{t}</li>" for t in rng.sample((
        "Faster Search across Shared Drives", "New Export to PDF for Reports", "Dark Mode for the Admin Console",
        "Single Sign-On with Azure Active Directory", "Audit Log retention raised to 400 days",
        "Bulk Edit in the Pipeline Board", "Improved Retry Policy for Webhooks"), 5))
    page = ('<div style="padding:20px 40px; max-width:820px"><div class="b" style="font-size:1.6em">Release 4.12</div>'
            + _p("This release brings Workflow Automation to every plan, and Quarterly Reports now open in the new Viewer.")
            + f"<ul>{items}</ul>" + _p("Posted by " + s.html("{p2.full}", "body") + " · Product Team") + "</div>")
    return _screen(rng, theme, "Google Chrome", "Release notes", "", page)


SCREEN_RECIPES = (
    S("mail_prose", "mail", "benign", mail_prose), S("chat_channel", "team_chat", "benign", chat_channel),
    S("chat_dm", "team_chat", "benign", chat_dm), S("doc_comments", "docs", "benign", doc_comments),
    S("portal_message", "portal", "benign", portal_message), S("terminal_session", "terminal", "benign", terminal_session),
    S("release_notes", "docs", "benign", release_notes, hard_negative=True),
)
