"""Training-only NER texts shaped like transcripts: chat turns (`Speaker: message` lines), voice turns in
lower case without punctuation, and AI prompts with a pasted table; one in three holds no person at
all (turns about capitalised work words, apps, statuses and cities), so work words in turns are not
learnt as people.

`transcript_texts(rng, count)` gives (text, spans) pairs, spans as (label, start, end) in the gold labels
of `evaluation.generated.spans`.
"""
from __future__ import annotations

import random

from evaluation.generated.templates_train.contexts import COLUMNS, fill_slots
from evaluation.generated.templates_train.shapes import APPS, BRAND_NAMES, CITY_LOCALES, WORK_PHRASES, draw_name
from evaluation.generated.values import Fakers

# Slots: {a}..{c} full names, {a_first} {a_last} one part alone (the same person), {work}, {app}, {city},
# {brand}, {status}, {team}.
CHAT_TURNS = (
    "{a_first} can u check the {app} export", "ok will do", "np", "did {b_first} reply yet?",
    "not yet, {b_first} is in the {work} meeting", "who owns the {team} dashboard now",
    "i think {a} does", "{a_first} pls review my PR when free", "lgtm", "ty {a_first}!",
    "can we move the {work} to thursday", "sure", "{b_first} and {c_first} are out today",
    "status is {status} btw", "the {brand} build broke again", "ping {a_last} about the invoice",
    "sent it to {a} this morning", "brb", "anyone seen {b_first}?", "{a_first} said it's fixed in {app}",
    "ask {c_first}, she set up the {team} alerts", "thx all", "meeting w/ {a} at 3",
    "{a_first}: the {city} office is closed friday",
)
NEGATIVE_TURNS = (
    "the {work} deck is in {app}", "status is {status} for the {team} ticket", "moving {work} to next week",
    "can someone update the {brand} docs", "the {team} board says {status}", "{app} is down again",
    "who has the {work} notes", "ok {status} now", "sync after {work}?", "the {city} office has no wifi today",
    "FYI {work} starts at 10", "{brand} upgrade is {status}", "Open {app} and go to Settings", "ack",
    "the {team} channel moved to {app}", "{work} postponed", "Can you share the {work} link",
)
VOICE_TURNS = (
    "yeah so {a} called and um she wants the report by friday",
    "okay can you tell {a_first} the {work} thing is pushed",
    "uh i'll loop in {b_first} and {c_first} on that",
    "so {a_first} was saying the numbers look off",
    "right and then {a} from {team} said no",
    "send a note to {a_first} that we're running late",
    "i think {a_last} mentioned it last week",
    "hey it's {a_first} just calling about the {work}",
    "so yeah {b} is gonna take over from {a_first}",
    "um the {work} is on thursday and {b_first} is presenting",
)
NEGATIVE_VOICE = (
    "okay so the {work} is moved to next week", "um can you open {app} and check the {team} queue",
    "yeah the {brand} release is {status}", "so we're flying to {city} on monday for the {work}",
    "let's just put it in the {work} doc", "uh the {team} numbers came in low",
)
PROMPTS = (
    "can you turn this into a summary for my boss:\n{table}", "clean up this table and sort it by name:\n{table}",
    "Find the duplicate rows:\n{table}", "what's the total per {header}?\n{table}",
    "Write an email to {a} explaining the attached numbers:\n{table}", "Convert to markdown:\n{table}",
    "why does this CSV fail to import\n{table}", "Rewrite this more formally: hey {a_first}, the {work} slipped again",
    "Write a short thank-you note to {a} for covering the {work}", "Proofread: {a_first} and {b_first} will lead {work}.",
)


def _fill(template: str, people: dict[str, tuple[str, str]], others: dict[str, str],
          lower: bool) -> tuple[str, list[tuple[str, int, int]]]:
    """The template with its slots filled (`fill_slots`), names and other words in small letters when `lower`."""
    forms = {key: {"": f"{first} {surname}", "_first": first, "_last": surname} for key, (first, surname) in people.items()}
    return fill_slots(template, forms, others, lower_names=lower, lower_others=lower)


def _table(rng: random.Random, people: dict[str, tuple[str, str]]) -> tuple[str, str, list[tuple[str, int, int]]]:
    """A pasted table (header and 2-4 rows, tab, comma or pipe separated) with a name column and its header."""
    header = rng.choice(list(COLUMNS))
    other = rng.choice([h for h in COLUMNS if h != header])
    separator = rng.choice(("\t", ",", " | "))
    lines = [separator.join((rng.choice(("Name", "Owner", "Employee", "Rep")), header, other, "Amount"))]
    spans = []
    offset = len(lines[0]) + 1
    for key in rng.sample(sorted(people), rng.randint(2, len(people))):
        first, surname = people[key]
        full = f"{first} {surname}"
        spans.append(("PERSON", offset, offset + len(full)))
        line = separator.join((full, rng.choice(COLUMNS[header]), rng.choice(COLUMNS[other]), str(rng.randint(5, 9999))))
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), header, spans


def _people(rng: random.Random, fakers: Fakers) -> dict[str, tuple[str, str]]:
    return {key: draw_name(rng, fakers)[:2] for key in "abcd"}


def _others(rng: random.Random, fakers: Fakers) -> dict[str, str]:
    return {"work": rng.choice(WORK_PHRASES), "app": rng.choice(APPS), "brand": rng.choice(BRAND_NAMES),
            "city": fakers.get(rng.choice(CITY_LOCALES)).city(), "status": rng.choice(COLUMNS["Status"]),
            "team": rng.choice(COLUMNS["Team"])}


def chat_text(rng: random.Random, fakers: Fakers, negative: bool) -> tuple[str, tuple[tuple[str, int, int], ...]]:
    """2-5 `Speaker: message` turns (speakers are people, by first name; none in a negative)."""
    people, others = _people(rng, fakers), _others(rng, fakers)
    turns = NEGATIVE_TURNS if negative else CHAT_TURNS + NEGATIVE_TURNS
    text, spans = "", []
    for _ in range(rng.randint(2, 5)):
        body, body_spans = _fill(rng.choice(turns), people, others, rng.random() < 0.3)
        speaker = "" if negative else rng.choice((people["a"][0], people["b"][0], people["d"][0]))
        prefix = f"{speaker}: " if speaker else rng.choice(("", "> ", "- "))
        start = len(text) + (1 if text else 0)
        if speaker:
            spans.append(("PERSON", start, start + len(speaker)))
        spans += [(label, s + start + len(prefix), e + start + len(prefix)) for label, s, e in body_spans]
        text += ("\n" if text else "") + prefix + body
    return text, tuple(spans)


def transcript_texts(rng: random.Random, count: int) -> list[tuple[str, tuple[tuple[str, int, int], ...]]]:
    """`count` chat, voice and prompt texts drawn from `rng`; one in three with no person."""
    fakers = Fakers(rng)
    out = []
    for _ in range(count):
        negative = rng.random() < 1 / 3
        kind = rng.choice(("chat", "chat", "voice", "prompt"))
        if kind == "chat":
            out.append(chat_text(rng, fakers, negative))
            continue
        people, others = _people(rng, fakers), _others(rng, fakers)
        if kind == "voice":
            template = rng.choice(NEGATIVE_VOICE if negative else VOICE_TURNS)
            text, spans = _fill(template, people, others, lower=True)
        elif negative:
            text, spans = _fill(rng.choice(NEGATIVE_TURNS), people, others, lower=False)
        else:
            template = rng.choice(PROMPTS)
            table, header, table_spans = _table(rng, people)
            before, _, after = template.partition("{table}")
            text, spans = _fill(before.replace("{header}", header), people, others, lower=False)
            spans += [(label, s + len(text), e + len(text)) for label, s, e in table_spans]
            text += table + after
        out.append((text, tuple(spans)))
    return out
