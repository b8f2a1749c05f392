"""Probe of personal names at the start of typed lines and as the object of a verb in speech (issue 15).

    python -m evaluation.probe_names_typed --seed tune|held [--size 600] [--show]

Two classes the test split leaks: a name typed at the start of a line, as the subject or the opener of a
message (`Okonkwo said the build ...`, `Siobhan, can you ...`), in keystroke text rebuilt from key events
with typos corrected by backspace, pastes and shortcuts; and a name said as the object of a verb before a
preposition (`asked Wanjiru about`, `told Thanh to`) in chat and voice turns. Names come from Faker in 25+
locales (surnames alone, given names alone, two- and three-word names, accents, other scripts, romanized
Japanese and Korean). Hard negatives fill the same frames with capitalised work words (tools, teams,
products, places, months, weekdays) and tools as a verb's object; public DailyDialog turns, typed and said, count words lost. The held
seed has its own locales, frames, writers and work words: tune on `tune`, measure `held` only at the end.
Prints figures only; `--show` (tune seed only) lists the synthetic leaks and the lines that lost words.
"""
from __future__ import annotations

import argparse
import random
import re

from faker import Faker

from evaluation.probe_keys import Seg, Values as KeyValues, _events
from evaluation.probe_talk import Builder, recipe_report, transcript_pair
from evaluation.probe_talk_intents import ordinary_turns
from evaluation.probe_titles import _entry

SEEDS = {"tune": 16011, "held": 16029}
LOCALES = {
    "tune": ("is_IS", "vi_VN", "yo_NG", "ga_IE", "pl_PL", "tr_TR", "es_ES", "fr_FR", "pt_BR", "cs_CZ", "fi_FI", "lv_LV",
             "hr_HR", "sw", "en_IE", "it_IT", "ro_RO", "ru_RU", "el_GR"),
    "held": ("ig_NG", "ha_NG", "en_NG", "tw_GH", "zu_ZA", "pt_PT", "hu_HU", "sk_SK", "sl_SI", "lt_LT", "et_EE", "az_AZ",
             "es_CO", "es_CL", "fr_CA", "de_CH", "da_DK", "id_ID", "uk_UA", "ka_GE"),
}
# romanized names of scripts Faker writes natively (ja on tune, ko on held), built from real syllables
KO_SURNAMES = ("Kim", "Park", "Choi", "Jung", "Kang", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang")
KO_SYLLABLES = ("ji", "min", "seo", "hyun", "woo", "jae", "yeon", "soo", "eun", "hye", "jun", "young", "ha", "do", "yun")


def _vietnamese(f: Faker) -> str:
    return f"{f.last_name()} {f.first_name()}"


class Names:
    """People's names of the seed's locales, in the shapes people type and say them."""

    def __init__(self, seed: str, rng: random.Random):
        self.seed, self.rng = seed, rng
        self.fakers = []
        for i, loc in enumerate(LOCALES[seed]):
            f = Faker(loc)
            f.seed_instance(SEEDS[seed] + i)
            self.fakers.append((loc, f))
        self.ja = Faker("ja_JP")
        self.ja.seed_instance(SEEDS[seed])

    def _romanized(self) -> tuple[str, str]:
        if self.seed == "tune":
            return self.ja.first_romanized_name(), self.ja.last_romanized_name()
        given = "".join(self.rng.sample(KO_SYLLABLES, 2))
        return (given if self.rng.random() < 0.5 else f"{given[:2]}-{given[2:]}").capitalize(), self.rng.choice(KO_SURNAMES)

    def __call__(self) -> str:
        """A surname alone (40%), a given name alone (25%), or a full name (35%) of one locale."""
        if self.rng.random() < 0.12:
            first, last = self._romanized()
        else:
            loc, f = self.rng.choice(self.fakers)
            if loc == "vi_VN" and self.rng.random() < 0.6:
                return _vietnamese(f)
            first, last = f.first_name(), f.last_name()
        r = self.rng.random()
        return last if r < 0.4 else first if r < 0.65 else f"{first} {last}"


# ---- typed lines that open with a person; `{n}` the name
TYPED_FRAMES = {
    "tune": ("{n} said the build is green again", "{n}, can you review the PR when you get a sec?",
             "{n} will send the slides tomorrow", "{n} is out sick today", "{n} asked about the Q3 numbers",
             "{n}: pushed the fix to staging", "{n} - can you check the invoice?", "{n} thinks we should wait",
             "{n} has the keys for the lab", "{n} and I will cover the demo", "{n} mentioned the vendor call moved",
             "{n} please approve the expense report", "{n} just joined the call", "{n} from finance wants the report",
             "{n} might be late to standup", "{n} owns the rollout now", "{n} agreed to take the ticket",
             "{n}, thanks for the quick fix!", "{n} can you send me the link", "{n} needs access to the repo"),
    "held": ("{n} confirmed the venue for Friday", "{n} — quick q about the budget", "{n} would like a copy of the minutes",
             "{n} can't make it, apologies", "{n}! long time, how are you?", "{n} reckons the timeout is wrong",
             "{n} was right about the cache", "{n} on leave until Monday", "{n} should have the final numbers",
             "{n} (legal) flagged clause 4", "{n}; thanks for the notes", "{n} wrote the original parser",
             "{n} did the migration last year", "{n} told me the server is down", "{n} - see below",
             "{n} could you double check the totals", "{n} left a comment on the doc", "{n} hasn't replied yet",
             "{n}... any update on the quote?", "{n} to follow up with the supplier"),
}
TYPED_THINGS = {
    "tune": ("Jenkins", "Postgres", "Deploy", "Terraform", "Grafana", "Docker", "Figma", "Jira", "Copilot", "Finance",
             "Legal", "Design", "Support", "Monday", "Friday", "March", "Berlin", "Staging", "Outlook", "Security",
             "Kubernetes", "Marketing", "Tomorrow", "Everyone", "Nobody", "Procurement"),
    "held": ("Datadog", "Sentry", "Airflow", "Redis", "Kafka", "Zoom", "Confluence", "Salesforce", "Payroll", "Sales",
             "Ops", "Platform", "Accounts", "Tuesday", "Thursday", "September", "Lagos", "Dublin", "Production",
             "Gemini", "Teams", "Github", "Procurement", "Reception", "Management", "Customer Success"),
}
TYPED_BEFORE = {"tune": ("", "", "ok\n", "Morning all\n", "Hi team,\n\n", "Notes 12/03\n", "re the release:\n",
                         "thanks for the update\n"),
                "held": ("", "", "Hello,\n\n", "Update:\n", "fyi\n", "Minutes - weekly sync\n", "Status\n\n", "sure\n")}
TYPED_AFTER = {"tune": ("\n", "\n", "\nlet me know\n", "\nthanks\n"),
               "held": ("\n", "\n", "\nCheers\n", "\nMore soon.\n")}
APPS = {"tune": (("Slack", "#eng - Slack"), ("Microsoft Outlook", "RE: release - Message (HTML)"), ("Notion", "Weekly notes"),
                 ("Google Chrome", "Inbox - Gmail - Google Chrome")),
        "held": (("Microsoft Teams", "Chat | Microsoft Teams"), ("Thunderbird", "Write: budget"),
                 ("Microsoft Word", "minutes.docx - Word"), ("Obsidian", "daily.md"))}

# ---- a name said as the object of a verb before a preposition; `{n}` the name
SAID_FRAMES = {
    "tune": ("so I asked {n} about the rollout and they said next week", "I told {n} to hold off on the merge",
             "we paired {n} on the migration", "I thanked {n} for covering the shift", "can you remind {n} about the invoice",
             "I emailed {n} about the contract yesterday", "let's invite {n} to the review", "I met {n} at the offsite",
             "we'll need to ask {n} for the numbers", "I called {n} about the outage", "I pinged {n} on the thread",
             "they introduced {n} to the vendor", "yeah so I asked {n} for an update", "I'll tell {n} about the change",
             "uh we sent {n} to the client site", "we nudged {n} about the release", "I'll brief {n} on the plan",
             "they promoted {n} to team lead", "we hired {n} from the agency", "I copied {n} on the email"),
    "held": ("yeah I messaged {n} after the standup", "we should loop {n} into the budget talk",
             "I warned {n} about the deadline", "I'll text {n} before the call", "she briefed {n} on the incident",
             "I helped {n} with the slides", "we've assigned {n} to the audit", "I'll connect {n} with the design team",
             "um I saw {n} at the airport", "we should thank {n} for the write-up", "I've put {n} on the rota",
             "they moved {n} from the night shift", "honestly I'd trust {n} with the keys", "did you ping {n} about it",
             "I caught {n} after lunch"),
}
SAID_THINGS = {
    "tune": ("Copilot", "QA", "Jenkins", "Support", "Finance", "Legal", "Gemini", "Monday", "Chrome", "Siri", "Design",
             "Marketing", "Slack", "Friday", "IT"),
    "held": ("ChatGPT", "Ops", "Accounts", "HR", "Security", "Datadog", "Tuesday", "Firefox", "Alexa", "Procurement",
             "Sales", "Zoom", "Compliance", "Thursday", "Reception"),
}


# tools and services as a verb's object before a preposition; `{n}` the tool
TOOL_FRAMES = {
    "tune": ("we upgraded {n} to the new version", "I deployed {n} on the cluster", "they moved {n} to the new region",
             "I configured {n} with three nodes", "we swapped {n} for something lighter"),
    "held": ("we pinned {n} to the old release", "I benchmarked {n} against the old one",
             "they replaced {n} with a managed service", "I restarted {n} after the patch"),
}
TOOLS = {"tune": ("Nginx", "Numpy", "Kafka", "Airflow", "Pandas", "Django", "Postgres", "Grafana", "Redis", "Vite"),
         "held": ("Flask", "Pulumi", "Mistral", "Ollama", "Fastly", "Laravel", "Kotlin", "Consul", "Nomad", "Kibana")}


def _detached(text: str) -> str:
    """DailyDialog's detached punctuation (`man , you`) as people type it."""
    return re.sub(r" ([,.?!;:’'])", r"\1", text).replace("’ ", "'")


def _filled(frame: str, value: str, label: str | None) -> list[Seg]:
    head, tail = frame.split("{n}")
    return [(head, None), (value, label), (tail, None)]


def _typed(rng: random.Random, seed: str, keys: KeyValues, rid: str, segs: list[Seg], hard: bool, recipe: str) -> tuple[dict, dict]:
    segs = [s for s in segs if s[0]]
    text, events = _events(keys, segs)
    app, title = rng.choice(APPS[seed])
    fields = {"app": app, "window_title": title, "field": "text", "_typed": text,
              "_spans": [(label, "typed", s) for s, label in segs if label]}
    raw, gold = _entry("keystrokes", rid, fields, events, hard)
    gold["recipe"] = recipe
    return raw, gold


def probe(seed: str, size: int) -> tuple[list[dict], list[dict]]:
    """Raw records and gold: typed names (35%), said names (25%), both frames with work words (25%), public turns."""
    rng = random.Random(SEEDS[seed])
    names = Names(seed, rng)
    keys = KeyValues("tune" if seed == "tune" else "held")
    keys.rng = rng
    turns = [t for t in (_detached(t) for t in ordinary_turns(rng)) if t.isascii()]
    rng.shuffle(turns)
    turns = turns[:len(turns) // 2] if seed == "tune" else turns[len(turns) // 2:]
    pairs: list[tuple[dict, dict]] = []
    for i in range(size):
        rid = f"names-typed-{seed}-{i:04d}"
        slot = i % 20
        if slot < 7 or 12 <= slot < 15:
            hard = slot >= 12
            value, label = (rng.choice(TYPED_THINGS[seed]), None) if hard else (names(), "PERSON")
            segs = [(rng.choice(TYPED_BEFORE[seed]), None), *_filled(rng.choice(TYPED_FRAMES[seed]), value, label),
                    (rng.choice(TYPED_AFTER[seed]), None)]
            pairs.append(_typed(rng, seed, keys, rid, segs, hard, "typed_things" if hard else "typed_names"))
        elif slot < 12 or 15 <= slot < 17:
            hard = slot >= 15
            value, label = (rng.choice(SAID_THINGS[seed]), None) if hard else (names(), "PERSON")
            frame = rng.choice(SAID_FRAMES[seed])
            if hard and rng.random() < 0.5:
                value, frame = rng.choice(TOOLS[seed]), rng.choice(TOOL_FRAMES[seed])
            b = Builder()
            for piece, lab in _filled(frame, value, label):
                b.add(piece, lab)
            segments = [Builder().add(_detached(rng.choice(turns))), b] if rng.random() < 0.5 else [b]
            pairs.append(transcript_pair(rid, rng.choice(("voice", "chat")), "said_things" if hard else "said_names",
                                         segments, hard))
        elif slot < 19:
            lines = [rng.choice(turns) for _ in range(rng.randint(1, 3))]
            pairs.append(_typed(rng, seed, keys, rid, [("\n".join(lines) + "\n", None)], True, "typed_public"))
        else:
            pairs.append(transcript_pair(rid, "chat", "said_public", [Builder().add(rng.choice(turns))], True))
    return [p[0] for p in pairs], [p[1] for p in pairs]


def main(argv: list[str] | None = None) -> int:
    """Builds the seed's records, sanitizes them as the pipeline does (categories kept) and prints the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", choices=sorted(SEEDS), default="tune")
    parser.add_argument("--size", type=int, default=600)
    parser.add_argument("--show", action="store_true", help="print the tuning seed's leaks and lost words")
    args = parser.parse_args(argv)
    records, golds = probe(args.seed, args.size)
    recipe_report(records, golds, ("typed_names", "typed_things", "typed_public", "said_names", "said_things",
                                   "said_public"), args.show and args.seed == "tune")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
