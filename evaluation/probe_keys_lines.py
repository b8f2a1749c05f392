"""Probe of typed lines that open with a person, or carry a phone or national id in a local format
(issue 15), and of ordinary typed work that must keep its words: greetings, signatures, notes and
to-dos that start with a name, contact lines, ids in forms and chat, typed with real habits.

    python -m evaluation.probe_keys_lines --seed tune|held [--n 400] [--show 20]
    python -m evaluation.probe_keys_lines --aalto      # words lost on the public Aalto typing sample

Names come from Faker in the seed's locales (tune and held share none), phones are written in each
country's own formats, national ids as probe_keys writes them. The held seed has its own locales,
situations and writers, not only other values; tune on `tune`, measure `held` only at the end. A
third of the records are hard negatives: ordinary typed work whose line-start words are verbs,
months, days, products or sentence starts. Prints figures only; `--show` (tune seed only) lists the
synthetic misses.
"""
from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from faker import Faker

from evaluation.probe_keys import Seg, Values, _events, national_id
from evaluation.probe_titles import _entry, report, run
from evaluation.scoring import _WORD, leaked, output_field, words_outside

SEEDS = {"tune": 20261407, "held": 20261413}
LOCALES = {
    "tune": ("en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR", "en_IN", "sv_SE",
             "fi_FI", "tr_TR", "ro_RO", "yo_NG", "ja_JP", "ga_IE"),
    "held": ("de_AT", "fr_CH", "es_MX", "es_AR", "nl_BE", "pt_PT", "hu_HU", "cs_CZ", "da_DK", "no_NO", "en_AU",
             "en_NZ", "ko_KR", "el_GR", "uk_UA", "vi_VN", "id_ID", "ha_NG", "en_PH"),
}
# national ids by locale where the probe writes the country's own id (others fall back to these)
ID_LOCALES = {"tune": ("en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR", "en_IN"),
              "held": ("fr_CH", "es_MX", "no_NO", "ko_KR", "hu_HU", "de_CH", "de_AT")}


def _d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


# phone numbers as people in each country write them: (country, formatter)
PHONE_FORMS = {
    "GB": (lambda r: f"+44 20 7946 {_d(r, 4)}", lambda r: f"0151 {_d(r, 3)} {_d(r, 4)}",
           lambda r: f"07{r.randint(400, 999)} {_d(r, 6)}", lambda r: f"+44 7{r.randint(400, 999)} {_d(r, 3)} {_d(r, 3)}"),
    "FR": (lambda r: f"06 {_d(r, 2)} {_d(r, 2)} {_d(r, 2)} {_d(r, 2)}", lambda r: f"+33 6 {_d(r, 2)} {_d(r, 2)} {_d(r, 2)} {_d(r, 2)}",
           lambda r: f"01.{_d(r, 2)}.{_d(r, 2)}.{_d(r, 2)}.{_d(r, 2)}"),
    "DE": (lambda r: f"+49 30 {_d(r, 7)}", lambda r: f"0171 {_d(r, 7)}", lambda r: f"030/{_d(r, 8)}",
           lambda r: f"+49 (0) 89 {_d(r, 3)} {_d(r, 4)}"),
    "ES": (lambda r: f"6{_d(r, 2)} {_d(r, 2)} {_d(r, 2)} {_d(r, 2)}", lambda r: f"+34 91 {_d(r, 3)} {_d(r, 2)} {_d(r, 2)}"),
    "IT": (lambda r: f"+39 333 {_d(r, 3)} {_d(r, 4)}", lambda r: f"347 {_d(r, 7)}", lambda r: f"02 {_d(r, 4)} {_d(r, 4)}"),
    "NL": (lambda r: f"06-{_d(r, 8)}", lambda r: f"+31 6 {_d(r, 8)}", lambda r: f"020 {_d(r, 3)} {_d(r, 4)}"),
    "PL": (lambda r: f"5{_d(r, 2)} {_d(r, 3)} {_d(r, 3)}", lambda r: f"+48 6{_d(r, 2)} {_d(r, 3)} {_d(r, 3)}"),
    "BR": (lambda r: f"(11) 9{_d(r, 4)}-{_d(r, 4)}", lambda r: f"+55 21 9{_d(r, 4)}-{_d(r, 4)}"),
    "IN": (lambda r: f"+91 98{_d(r, 3)} {_d(r, 5)}", lambda r: f"9{_d(r, 4)} {_d(r, 5)}", lambda r: f"080-{_d(r, 8)}"),
    "JP": (lambda r: f"090-{_d(r, 4)}-{_d(r, 4)}", lambda r: f"03-{_d(r, 4)}-{_d(r, 4)}", lambda r: f"+81 80 {_d(r, 4)} {_d(r, 4)}"),
    "US": (lambda r: f"({r.randint(201, 989)}) {r.randint(200, 989)}-{_d(r, 4)}", lambda r: f"{r.randint(201, 989)}.{r.randint(200, 989)}.{_d(r, 4)}",
           lambda r: f"+1 {r.randint(201, 989)} {r.randint(200, 989)} {_d(r, 4)}"),
    "AT": (lambda r: f"+43 664 {_d(r, 7)}", lambda r: f"0660 {_d(r, 3)} {_d(r, 4)}"),
    "CH": (lambda r: f"+41 79 {_d(r, 3)} {_d(r, 2)} {_d(r, 2)}", lambda r: f"044 {_d(r, 3)} {_d(r, 2)} {_d(r, 2)}"),
    "MX": (lambda r: f"55 {_d(r, 4)} {_d(r, 4)}", lambda r: f"+52 1 33 {_d(r, 4)} {_d(r, 4)}"),
    "AU": (lambda r: f"04{_d(r, 2)} {_d(r, 3)} {_d(r, 3)}", lambda r: f"+61 2 {_d(r, 4)} {_d(r, 4)}"),
    "KR": (lambda r: f"010-{_d(r, 4)}-{_d(r, 4)}", lambda r: f"+82 10 {_d(r, 4)} {_d(r, 4)}"),
    "BE": (lambda r: f"0470 {_d(r, 2)} {_d(r, 2)} {_d(r, 2)}", lambda r: f"+32 2 {_d(r, 3)} {_d(r, 2)} {_d(r, 2)}"),
    "PT": (lambda r: f"91{_d(r, 1)} {_d(r, 3)} {_d(r, 3)}", lambda r: f"+351 21 {_d(r, 3)} {_d(r, 4)}"),
    "NG": (lambda r: f"0803 {_d(r, 3)} {_d(r, 4)}", lambda r: f"+234 80{_d(r, 1)} {_d(r, 3)} {_d(r, 4)}"),
}
PHONE_COUNTRIES = {"tune": ("GB", "FR", "DE", "ES", "IT", "NL", "PL", "BR", "IN", "JP", "US"),
                   "held": ("AT", "CH", "MX", "AU", "KR", "BE", "PT", "NG", "GB", "FR", "DE", "US")}


class Draw:
    """The seed's names, phones and ids, and its random source."""

    def __init__(self, seed: str):
        self.seed = seed
        self.v = Values("tune" if seed == "tune" else "held")
        self.rng = random.Random(SEEDS[seed])
        self.v.rng = self.rng
        self.fakers = []
        for i, loc in enumerate(LOCALES[seed]):
            f = Faker(loc)
            f.seed_instance(SEEDS[seed] + i)
            self.fakers.append(f)
        self.id_fakers = []
        for i, loc in enumerate(ID_LOCALES[seed]):
            f = Faker(loc)
            f.seed_instance(SEEDS[seed] + 100 + i)
            self.id_fakers.append(f)

    def first(self) -> str:
        """A given name of one of the seed's locales."""
        return self.rng.choice(self.fakers).first_name()

    def last(self) -> str:
        """A family name of one of the seed's locales."""
        return self.rng.choice(self.fakers).last_name()

    def full(self) -> str:
        """Given and family name of one locale."""
        f = self.rng.choice(self.fakers)
        return f"{f.first_name()} {f.last_name()}"

    def phone(self) -> str:
        """A phone number in one country's own written form."""
        country = self.rng.choice(PHONE_COUNTRIES[self.seed])
        return self.rng.choice(PHONE_FORMS[country])(self.rng)

    def nid(self) -> str:
        """A national id as its country writes it."""
        return national_id(self.rng.choice(self.id_fakers), self.rng)

    def pick(self, options: tuple) -> str:
        """One of `options`."""
        return self.rng.choice(options)


BODY = ("can you send me the updated deck before Thursday?", "the invoice is attached, let me know if anything is off.",
        "quick one: is the staging deploy still blocked?", "thanks for covering the on-call shift last night.",
        "I moved our sync to 3pm, hope that works.", "the contract draft is in the shared folder now.",
        "following up on the vendor review from last week.", "Monday works for me, I'll book the room.")
BODY_HELD = ("just checking whether the budget sheet is final.", "the release notes need one more pass before Friday.",
             "attached are the slides from the workshop.", "could we push the demo to next sprint?",
             "Sounds good, I will update the ticket.", "the migration finished overnight without errors.")
TASKS = ("re contract", "about the Q3 numbers", "to confirm the offsite dates", "re: renewal pricing", "for the access request")


def _greeting(d: Draw) -> list[Seg]:
    lead = d.pick(("", "Hi ", "Hey ", "Hello "))
    name = d.first() if d.rng.random() < 0.7 else d.full()
    return [(lead, None), (name, "PERSON"), (d.pick((",\n\n", "\n\n", " -\n", "!\n\n")), None), (d.pick(BODY) + "\n", None)]


def _greeting_held(d: Draw) -> list[Seg]:
    lead = d.pick(("Dear ", "Good morning ", "Morning ", "Hallo ", "Bonjour ", "Hola "))
    name = d.full() if lead == "Dear " and d.rng.random() < 0.5 else d.first()
    return [(lead, None), (name, "PERSON"), (d.pick((",\n\n", "!\n", ",\n")), None), (d.pick(BODY_HELD) + "\n", None)]


def _opens_with_person(d: Draw) -> list[Seg]:
    tail = d.pick((" asked for the deck by Friday\n", " is out until the 14th\n", " will own the rollout\n",
                   " said the numbers look fine\n", " needs access to the billing repo\n"))
    return [(d.pick(BODY) + "\n", None), (d.first() if d.rng.random() < 0.6 else d.full(), "PERSON"), (tail, None)]


def _opens_with_person_held(d: Draw) -> list[Seg]:
    tail = d.pick((" joined the call late, recap below\n", " and I went through the backlog\n",
                   " - prefers async updates\n", " approved the budget\n", " (finance) wants a revised quote\n"))
    return [(d.full() if d.rng.random() < 0.5 else d.first(), "PERSON"), (tail, None)]


def _todo(d: Draw) -> list[Seg]:
    verb = d.pick(("Call ", "- Call ", "Email ", "[ ] ping ", "Ask ", "* Remind "))
    return [(verb, None), (d.last() if d.rng.random() < 0.5 else d.first(), "PERSON"), (" " + d.pick(TASKS) + "\n", None)]


def _todo_held(d: Draw) -> list[Seg]:
    verb = d.pick(("TODO: email ", "follow up w/ ", "- [ ] chase ", "1. Phone ", "Meet "))
    return [(verb, None), (d.full() if d.rng.random() < 0.4 else d.last(), "PERSON"),
            (d.pick((" on pricing\n", " tomorrow re budget\n", " about the lease\n")), None)]


def _signature(d: Draw) -> list[Seg]:
    sign = d.pick(("Thanks,\n", "Cheers\n", "Best,\n", "Regards,\n"))
    segs: list[Seg] = [(d.pick(BODY) + "\n\n" + sign, None), (d.first() if d.rng.random() < 0.5 else d.full(), "PERSON"),
                       ("\n", None)]
    if d.rng.random() < 0.5:
        segs += [(d.pick(("M: ", "Mob ", "", "Tel: ")), None), (d.phone(), "PHONE_NUMBER"), ("\n", None)]
    return segs


def _signature_held(d: Draw) -> list[Seg]:
    sign = d.pick(("Kind regards\n", "Mit freundlichen Grüßen\n", "-- \n", "Saludos,\n", "BR\n"))
    return [(d.pick(BODY_HELD) + "\n\n" + sign, None), (d.full(), "PERSON"), ("\n", None), (d.phone(), "PHONE_NUMBER"),
            ("\n", None)]


def _contact_line(d: Draw) -> list[Seg]:
    sep = d.pick((" ", " - ", ", ", ": ", "\t"))
    return [(d.full(), "PERSON"), (sep, None), (d.phone(), "PHONE_NUMBER"), ("\n", None)]


def _contact_line_held(d: Draw) -> list[Seg]:
    return [(d.pick(("Tel. ", "Ring ", "Mobile: ", "")), None), (d.phone(), "PHONE_NUMBER"),
            (d.pick((" (ask for ", " - ")), None), (d.first(), "PERSON"), (d.pick((")\n", "\n")), None)]


def _phone_chat(d: Draw) -> list[Seg]:
    lead, tail = d.pick((("call me on ", " after lunch"), ("my mobile is ", ""), ("new number: ", ""),
                         ("reach the courier at ", " before 6")))
    return [(lead, None), (d.phone(), "PHONE_NUMBER"), (tail + "\n", None)]


def _phone_chat_held(d: Draw) -> list[Seg]:
    lead, tail = d.pick((("", " is the landlord's number"), ("ring reception on ", ""), ("sms ", " when you're here"),
                         ("the plumber: ", "")))
    return [(lead, None), (d.phone(), "PHONE_NUMBER"), (tail + "\n", None)]


def _id_form(d: Draw) -> list[Seg]:
    lead = d.pick(("", "ID ", "tax id: ", "national id ", "personal no. "))
    return [(lead, None), (d.nid(), "NATIONAL_ID"), (d.pick(("\n", "\t", " - pls double check\n")), None)]


def _id_form_held(d: Draw) -> list[Seg]:
    return [(d.full(), "PERSON"), (d.pick((";", ",", "\t", " | ")), None), (d.nid(), "NATIONAL_ID"), ("\n", None)]


SITUATIONS = {
    "tune": (_greeting, _opens_with_person, _todo, _signature, _contact_line, _phone_chat, _id_form),
    "held": (_greeting_held, _opens_with_person_held, _todo_held, _signature_held, _contact_line_held, _phone_chat_held,
             _id_form_held),
}
APPS = {"tune": (("Microsoft Outlook", "RE: vendor review - Message (HTML)"), ("Slack", "#ops - Slack"),
                 ("Notion", "Weekly notes"), ("Google Chrome", "Inbox - Gmail - Google Chrome"), ("Notes", "To do")),
        "held": (("Thunderbird", "Write: budget"), ("Microsoft Teams", "Chat | Microsoft Teams"), ("Obsidian", "daily.md"),
                 ("Microsoft Word", "minutes.docx - Word"), ("Google Chrome", "Contacts - Google Chrome"))}

WORK = {
    "tune": ("Call the API with the new token and check the 401s.\n", "Mark as done once the PR is merged.\n",
             "Will do, thanks!\n", "Monday works for me.\nTuesday is packed.\n", "March numbers are in the sheet.\n",
             "Chrome keeps crashing on the staging build.\n", "Review the migration plan before standup.\n",
             "Grant read access to the billing dashboard.\n", "Sure, sending it now.\n",
             "Thanks for the quick turnaround.\n\nBest,\nThe platform team\n", "Hi all,\n\nthe deploy is done.\n",
             "Jenkins is green again, Terraform plan attached.\n", "Ping me if the cron fails again.\n",
             "Ship it.\n", "Agenda:\n1. Roadmap\n2. Hiring\n3. Budget\n", "Will check with Legal and get back.\n",
             "Update the README and bump the version.\n", "Invoice paid on Friday, August 14.\n",
             "Salesforce sync is paused until Wednesday.\n", "Note to self: renew the SSL cert in May.\n"),
    "held": ("Fix the flaky test in CI before the release.\n", "Call it a day, we resume tomorrow.\n",
             "Merge after review.\nDeploy on Thursday.\n", "June is the deadline for the audit.\n",
             "Figma file updated with the new icons.\n", "Hope you're well!\n\nQuick question about the quote.\n",
             "Move the standup to 10:30.\n", "Cheers,\nOps\n", "Kubernetes upgrade went fine overnight.\n",
             "Add retries to the webhook handler.\n", "Sounds good to me.\n", "Book the room for Friday afternoon.\n",
             "Will review tonight.\n", "Check the logs in Datadog for the 500s.\n", "Send the slides to the client.\n",
             "Dear team,\n\nplease submit expenses by the 5th.\n"),
}


def generate(seed: str, n: int) -> list[tuple[dict, dict]]:
    """`n` keystroke records of `seed`: two thirds with a person, phone or id, one third ordinary work."""
    d = Draw(seed)
    out = []
    for i in range(n):
        rid = f"probe-keys-lines-{seed}-{i:04d}"
        hard = i % 3 == 2
        if hard:
            segs: list[Seg] = [(d.pick(WORK[seed]), None)]
            if d.rng.random() < 0.4:
                segs.append((d.pick(WORK[seed]), None))
        else:
            segs = [s for s in d.pick(SITUATIONS[seed])(d) if s[0]]
        app, title = d.pick(APPS[seed])
        text, events = _events(d.v, segs)
        fields = {"app": app, "window_title": title, "field": "text", "_typed": text,
                  "_spans": [(label, "typed", s) for s, label in segs if label]}
        out.append(_entry("keystrokes", rid, fields, events, hard))
    return out


def _show(golds: list[dict], docs: dict[str, dict | None], limit: int) -> None:
    """The leaked values with their output, and the words the typed text lost (synthetic records)."""
    shown = 0
    for g in golds:
        doc = docs.get(g["record_id"])
        if doc is None or shown >= limit:
            continue
        out = output_field(doc, "typed") or ""
        for s in g["spans"]:
            if leaked(output_field(doc, s["field"]), s["value"], s["label"]):
                shown += 1
                print(f" LEAK {s['label']:<13} {s['value']!r:<32} in {out!r:.150}")
        lost = words_outside(g["texts"]["typed"], g["spans"]) - Counter(_WORD.findall(out))
        if lost:
            shown += 1
            print(f" LOST {sorted(lost)} in {out!r:.150}")


def aalto() -> None:
    """Words lost on the public Aalto typing sample's real key streams, per 1,000 and by class of word."""
    from evaluation.bench_over_redaction import Sources, _aalto, keystroke_records, measure, report as tally_report
    from evaluation.generated.public import SHARED_DATA

    streams = _aalto(Path(SHARED_DATA))
    pairs = keystroke_records(Sources([], [], [], [], streams), random.Random(0), len(streams))
    pairs = [({"record_id": f"aalto-{n}", "user_id": "bench", "ts": "2026-06-09T09:00:00Z", **raw},
              {"record_id": f"aalto-{n}", "category": None, "hard_negative": False, "recipe": "public", **gold})
             for n, (raw, gold) in enumerate(pairs)]
    tally = measure(pairs)
    words, lost = tally.words["keystrokes"], tally.lost["keystrokes"]
    print(f"Aalto streams {len(pairs)}: words lost {lost}/{words} = {1000 * lost / max(words, 1):.1f} per 1,000")
    print(tally_report(tally))


def main(argv: list[str] | None = None) -> int:
    """Generates the probe, runs it in process and prints its figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", choices=sorted(SEEDS), default="tune")
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--aalto", action="store_true")
    args = parser.parse_args(argv)
    if args.aalto:
        aalto()
        return 0
    probes = generate(args.seed, args.n)
    raws, golds = [p[0] for p in probes], [p[1] for p in probes]
    docs = run(raws)
    report(golds, docs, 0)
    hard = [g for g in golds if g["hard_negative"]]
    kept = sum(1 for g in hard if docs.get(g["record_id"]) is not None)
    lost = sum(sum((words_outside(g["texts"]["typed"], g["spans"])
                    - Counter(_WORD.findall(output_field(docs[g["record_id"]], "typed") or ""))).values())
               for g in hard if docs.get(g["record_id"]) is not None)
    print(f"hard negatives kept {kept}/{len(hard)}, their words lost {lost}")
    print("gold spans:", dict(Counter(s["label"] for g in golds for s in g["spans"])))
    if args.show and args.seed == "tune":
        _show(golds, docs, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
