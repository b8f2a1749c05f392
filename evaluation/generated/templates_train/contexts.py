"""Training-only NER texts of the two shapes the name-shape texts lacked: prose, where a person is
introduced and then named by surname or first name alone ("... Since then Okafor has ..."), and
tables (header and rows, tab, pipe, comma or semicolon separated, or `Key: value` records) whose
name cells are people and whose capitalised cells (regions, quarters, statuses, teams, products)
are no entity; a table holds no person two times in five.

`context_texts(rng, count)` gives (text, spans, kind) triples, spans as (label, start, end) in the
gold labels of `evaluation.generated.spans`, kind "prose" or "table".
"""
from __future__ import annotations

import random
import re

from evaluation.generated.templates_train.shapes import APPS, BRAND_NAMES, CITY_LOCALES, WORK_PHRASES, draw_name
from evaluation.generated.values import Fakers

# Slots: {a}..{d} full names, {a_last} {a_first} one part alone (the same person), {work}, {city}, {app}.
# A template's casing "lower" writes its names in lower case (voice turns, casual chat).
PROSE = (
    ("{a} took over the vendor review last month. Since then {a_last} has cut the backlog in half.", ""),
    ("Notes from Monday: {a} walked us through the forecast. {b_last} asked about hiring, and {a_last} "
     "promised numbers by Thursday.", ""),
    ("Hello all,\n\n{a} will be covering for me next week. Please send anything urgent to {a_first} directly.\n\n"
     "Best", ""),
    ("We interviewed {a} yesterday. {a_last} has strong SQL but little finance background.", ""),
    ('"The rollout went fine," says {a_last}, who ran the pilot in {city}.', ""),
    ("The draft from {a_last} is in the shared folder; {b_first} added the appendix.", ""),
    ("{a_first} can you check whether {b_first} got the invite?", ""),
    ("Mr. {a_last} asked to reschedule the call to Wednesday.", ""),
    ("Ms {a_last} confirmed the booking for two nights.", ""),
    ("In her email, {a} wrote that the shipment left {city} on time. {a_last} expects it on Monday.", ""),
    ("Thanks to {a_last} and {b_last} for the quick turnaround on the audit.", ""),
    ("{a_last}'s team owns the billing service, so ask {a_first} first.", ""),
    ("I've copied {a} here. {a_first}, could you confirm the delivery address?", ""),
    ("Following up on my call with {a_last}: the contract renewal is approved.", ""),
    ("Yesterday {a} presented the roadmap. {a_last} said the {work} cycle moves to May.", ""),
    ("{a} and {b} met with the {city} team; {b_last} will send the summary.", ""),
    ("hey {a_first}, did you see what {b_first} posted in the {work} channel?", ""),
    ("In {a_last}'s view, the {work} doc is out of date.", ""),
    ("Professor {a_last} gives the keynote and {b} chairs the session.", ""),
    ("{a} replied that she would handle it. Later that day {a_first} sent the fix.", ""),
    ("Spoke to {a_last} in accounting about the refund. She says it is processed.", ""),
    ("Please welcome {a}, who joins the {work} group from {city}. {a_first} starts Monday.", ""),
    ("The {work} slides were reviewed by {a_last}, {b_last} and the {app} admins.", ""),
    ("{a}, a nurse at the clinic, said the results came back normal. {a_last} will call again on Friday.", ""),
    ("Her manager, {a}, signed the form; {a_last} also approved the travel to {city}.", ""),
    ("Minutes: {a_last} opened the meeting. {b_last} reported on {work}. {a_last} closed at 11:40.", ""),
    ("We still owe {a_first} the {work} numbers, and {b_first} is waiting on the invoice.", ""),
    ("Not sure {a_last} agrees, but {b_last} wants to ship {work} before the holidays.", ""),
    ("thanks {a_first} that fixed it", ""),
    ("{a_first} said the {app} export is broken again", ""),
    ("so basically {a} wants the numbers by end of day and {b} disagrees", "lower"),
    ("i was talking to {a_first} earlier and she said the server is fine", "lower"),
    ("uh yeah {a_first} and me went over the logs and um it's the cache", "lower"),
    ("right so {a} from finance is joining and um {a_first} has the budget sheet", "lower"),
    ("okay so {b_first} asked if {a} could take the {city} trip", "lower"),
    ("let me check with {a_last} and get back to you", "lower"),
    ("Have you read the {a_last} memo? It covers the {work} changes.", ""),
    ("The {a_last} estimate was too low; {b_last} redid it.", ""),
    ("we had four on the call: {a_first}, {b_first}, {c_first} and {d_first}", "lower"),
    ("Invited: {a_first}, {b_first}, {c_first}. {d_first} declined.", ""),
    ("{a_last} had asked {b_last} for the keys.", ""),
)
# Prose built from parts: a sentence that introduces a person, then one that names them again alone.
INTRODUCTIONS = ("Last week I met {a} at the {city} office.", "{a} runs the {work} project.",
                 "Our new auditor is {a}.", "{a} called about the late payment.", "I had lunch with {a} today.",
                 "The ticket was raised by {a}.", "{a} from legal reviewed the draft.", "We hired {a} in March.",
                 "{a} sent the signed copy this morning.", "My contact there is {a}.")
FOLLOW_UPS = ("{x} thinks we should wait.", "{x} believes the figures are right.", "{x} expects an answer soon.",
              "{x} wants a second opinion.", "{x} suggested moving the deadline.", "{x} argued for a smaller scope.",
              "{x} noted two errors in the totals.", "{x} reckons it will take a week.", "According to {x} it is done.",
              "Ask {x} if anything is unclear.", "{x} was asking about the budget.", "I told {x} we agree.",
              "{x} will present on Friday.", "{x}'s notes are attached.", "It was {x} who found the bug.")
# Cell pools of table columns holding no person; "city" cells are places.
COLUMNS = {
    "Region": ("North", "South", "East", "West", "Central", "EMEA", "APAC", "LATAM", "Northeast", "Midwest",
               "Pacific", "Nordics", "DACH", "Benelux", "Southwest"),
    "Quarter": ("Q1", "Q2", "Q3", "Q4", "FY24", "FY25", "H1", "H2", "Q1 2025", "Q3 FY24"),
    "Status": ("Open", "Closed", "Active", "Pending", "Done", "Blocked", "In Review", "Approved", "Rejected", "Draft",
               "On Hold", "Shipped", "Cancelled", "In Progress", "New", "Resolved"),
    "Team": ("Finance", "Sales", "Marketing", "Operations", "Engineering", "Legal", "Support", "Platform", "Payments",
             "Procurement", "Treasury", "HR", "Security", "Design", "Data", "Facilities"),
    "Priority": ("High", "Medium", "Low", "Critical", "P1", "P2", "P3", "Urgent", "Normal"),
    "Category": ("Hardware", "Software", "Services", "Travel", "Meals", "Office Supplies", "Training", "Licenses",
                 "Consulting", "Equipment", "Subscriptions"),
    "Role": ("Analyst", "Manager", "Designer", "Engineer", "Director", "Controller", "Coordinator", "Intern",
             "Team Lead", "Account Executive", "Recruiter"),
    "Stage": ("Discovery", "Proposal", "Negotiation", "Closed Won", "Closed Lost", "Qualified", "Prospect"),
    "Channel": ("Email", "Phone", "Chat", "Web", "Partner", "Retail", "Direct"),
}
NAME_HEADERS = ("Name", "Owner", "Assignee", "Employee", "Contact", "Full name", "Rep", "Reviewer", "Approver",
                "Customer", "Account owner", "Manager", "Submitted by")
OTHER_HEADERS = ("Product", "Amount", "Count", "Due", "City", "Project")
SEPARATORS = ("\t", "\t", " | ", ",", ";")


def _names(rng: random.Random, fakers: Fakers) -> dict[str, str]:
    """Full name, surname and first name of one person."""
    first, last, _, _ = draw_name(rng, fakers)
    return {"": f"{first} {last}", "_last": last, "_first": first}


def fill_slots(template: str, people: dict[str, dict[str, str]], others: dict[str, str], lower_names: bool = False,
               lower_others: bool = False) -> tuple[str, list[tuple[str, int, int]]]:
    """`template` with {a}, {a_last}, {a_first} from `people` (PERSON spans) and other slots from
    `others` ({city} a LOCATION span), in small letters where asked."""
    parts: list[str] = []
    spans = []
    last = 0
    for match in re.finditer(r"\{(\w+)\}", template):
        parts.append(template[last:match.start()])
        slot = match.group(1)
        position = sum(map(len, parts))
        if slot[0] in people and (len(slot) == 1 or slot[1] == "_"):  # {a}, {a_last}, {a_first}
            value = people[slot[0]][slot[1:]]
            value = value.lower() if lower_names else value
            spans.append(("PERSON", position, position + len(value)))
        else:
            value = others[slot].lower() if lower_others else others[slot]
            if slot == "city":
                spans.append(("LOCATION", position, position + len(value)))
        parts.append(value)
        last = match.end()
    parts.append(template[last:])
    return "".join(parts), spans


def prose_text(rng: random.Random, fakers: Fakers) -> tuple[str, tuple[tuple[str, int, int], ...]]:
    """One prose template filled: every full name, surname and first name a PERSON span."""
    if rng.random() < 0.4:
        follow = rng.choice(FOLLOW_UPS).replace("{x}", rng.choice(("{a_last}", "{a_last}", "{a_first}")))
        template, casing = f"{rng.choice(INTRODUCTIONS)} {follow}", ""
    else:
        template, casing = rng.choice(PROSE)
    people = {key: _names(rng, fakers) for key in "abcd"}
    others = {"work": rng.choice(WORK_PHRASES), "app": rng.choice(APPS),
              "city": fakers.get(rng.choice(CITY_LOCALES)).city()}
    text, spans = fill_slots(template, people, others, lower_names=casing == "lower")
    return text, tuple(spans)


def _cell(rng: random.Random, fakers: Fakers, header: str) -> tuple[str, str | None]:
    """A value of the column `header` and its gold label (None: no entity)."""
    if header in COLUMNS:
        return rng.choice(COLUMNS[header]), None
    if header == "Product":
        return rng.choice(BRAND_NAMES + APPS), None
    if header == "Project":
        return rng.choice(WORK_PHRASES), None
    if header == "City":
        return fakers.get(rng.choice(CITY_LOCALES)).city(), "LOCATION"
    if header == "Due":
        return rng.choice(("2025-03-31", "Mar 14", "Friday", "EOW", "06/30", "next sprint")), None
    return str(rng.choice((rng.randint(1, 99), rng.randint(100, 99999)))), None


def table_text(rng: random.Random, fakers: Fakers) -> tuple[str, tuple[tuple[str, int, int], ...]]:
    """A small table (header and 1-4 rows) or `Key: value` record; a name column three times in five."""
    headers = rng.sample(list(COLUMNS) + list(OTHER_HEADERS), rng.randint(2, 4))
    if rng.random() < 0.6:
        headers.insert(rng.randint(0, len(headers)), rng.choice(NAME_HEADERS))
    rows = []
    for _ in range(rng.randint(1, 4)):
        row = []
        for header in headers:
            if header in NAME_HEADERS:
                first, last, _, _ = draw_name(rng, fakers)
                form = rng.choices((f"{first} {last}", f"{last}, {first}", f"{last.upper()} {first}", first),
                                   weights=(6, 1, 1, 1))[0]
                row.append((form.lower() if rng.random() < 0.1 else form, "PERSON"))
            else:
                row.append(_cell(rng, fakers, header))
        rows.append(row)
    parts: list[str] = []
    spans = []

    def put(value: str, label: str | None) -> None:
        position = sum(map(len, parts))
        if label:
            spans.append((label, position, position + len(value)))
        parts.append(value)

    if rng.random() < 0.2:  # a record: `Key: value` pairs on lines or in one line
        joiner = rng.choice(("\n", "    ", " · "))
        for index, (header, (value, label)) in enumerate(zip(headers, rows[0])):
            parts.append((joiner if index else "") + f"{header}: ")
            put(value, label)
        return "".join(parts), tuple(spans)
    separator = rng.choice(SEPARATORS)
    quoted = separator == "," and rng.random() < 0.5
    piped = separator == " | "
    lines = ([[(h, None) for h in headers]] if rng.random() < 0.8 else []) + rows
    for line_index, line in enumerate(lines):
        parts.append(("\n" if line_index else "") + ("| " if piped else ""))
        for index, (value, label) in enumerate(line):
            parts.append(separator if index else "")
            if quoted or (separator == "," and "," in value):
                parts.append('"')
                put(value, label)
                parts.append('"')
            else:
                put(value, label)
        parts.append(" |" if piped else "")
    return "".join(parts), tuple(spans)


def context_texts(rng: random.Random, count: int) -> list[tuple[str, tuple[tuple[str, int, int], ...], str]]:
    """`count` texts, two in three prose, one in three tables, drawn from `rng`."""
    fakers = Fakers(rng)
    out = []
    for _ in range(count):
        if rng.random() < 2 / 3:
            out.append((*prose_text(rng, fakers), "prose"))
        else:
            out.append((*table_text(rng, fakers), "table"))
    return out
