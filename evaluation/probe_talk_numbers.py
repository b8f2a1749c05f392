"""A probe of number- and string-shaped values said in talk (issue 15): digits-only address parts (a house
number or a postcode said apart from the street or city, in the address orders of 20 countries' Faker
providers), phone numbers said as bare digit runs, and lower-case keys (hex, base32, base36) after a product
or secret name and a colon; with hard negatives on the same frames (ticket, PR, port, version, build, room,
order numbers, years, amounts; long lower-case identifiers; commit hashes counted apart) and public lines.

`--seed tune` and `--seed heldout` use countries, frames, products and public rows written apart (the
held-out half: other locales, phrasings and products, the other half of the #ubuntu logs, the training
third of presidio-research's sentences): measure the held-out seed only at the end. Prints figures only,
unless `--show` (tuning seed only).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import string
import sys

from faker import Faker

from evaluation.generated.build import with_fixed_hash_seed
from evaluation.generated.public import share_of
from evaluation.probe_talk import DATA, Builder, locale_faker, padded_pairs, recipe_report
from evaluation.probe_talk_intents import irc, ordinary_turns

SEEDS = {"tune": 1611, "heldout": 2712}
LOCALES = {"tune": ("de_DE", "fr_FR", "it_IT", "es_ES", "nl_NL", "pl_PL", "sv_SE", "fi_FI", "pt_BR", "ja_JP",
                    "en_GB", "en_US"),
           "heldout": ("de_AT", "de_CH", "nl_BE", "da_DK", "no_NO", "pt_PT", "es_MX", "en_IN", "en_CA", "en_AU",
                       "cs_CZ", "fr_CH")}
PRESIDIO_SHARE = {"tune": 0, "heldout": 2}  # the dev and training thirds; the test third is never read

# Slots: {s} street name, {n} house number, {c} city, {z} postcode, {k} country, {p} a person (gold
# ADDRESS for {s} {n} {z}, LOCATION for {c} {k}, PERSON for {p}). The number and the postcode are values of
# their own, as presidio-research marks them, so a digits-only part is measured as its own class.
ADDRESS_FRAMES = {
    "tune": (
        "it's on {s}, number {n}",
        "the postcode for {c} is {z}",
        "{p}\n{n} {s}\n{c}\n{k} {z}",
        "ship it to {s} {n}\n{z} {c}",
        "we moved, new place is {s} {n} in {c}, {z}",
        "my address? {n} {s}, {c}",
        "the office is {s} {n}\n{c} {z}",
        "uh it's {s} and the house number is {n}",
        "deliver to {n} {s}, {z} {c} please",
        "Billing address: {p}\n  {n} {s}\n  {c}\n  {z}",
        "can you send the samples to {s} {n}, {c} {z}",
        "she lives in {c}, postcode {z}",
    ),
    "heldout": (
        "we're at {s}... {n}, the blue door",
        "Address: {s} {n}, {z} {c}",
        "> {p}\n> {n} {s}\n> {c}\n> {k} {z}",
        "I'm staying near {c} {z} this week",
        "postal code there is {z} I think",
        "the street is {s} and the number is {n}",
        "{p}, {n} {s}, {c} {z}",
        "send the contract to {n}, {s}\n{z} {c}\n{k}",
        "rewrite my address for the form: {s} {n} {z} {c}",
        "it's {n} {s} in {c}",
        "zip {z}, {c}",
    ),
}
PHONE_FRAMES = {
    "tune": (
        "call me at {v}", "you can reach her on {v}.", "text {v} when you land", "my cell is {v}",
        "Fax: {v}", "ring the front desk on {v}, ask for the manager", "send it to {v} via whatsapp",
        "her number is {v}!", "Mobile: {v}\nOffice: {v}", "I'm reachable at {v} till 6",
    ),
    "heldout": (
        "dial {v} and press 2", "I'm on {v} all day", "can you reach the hotline at {v}?", "whatsapp me at {v}",
        "the number to call is {v}.", "phone him on {v}", "leave a voicemail at {v}.", "Tel: {v}",
        "contact the driver on {v} when you arrive", "it's {v}, ask for me",
    ),
}
SECRET_FRAMES = {
    "tune": ("{x} {y}: {v}", "here's the {x} {y}: {v}", "{x} {y}:\n{v}", "new {x} {y}: {v}",
             "why does this fail? {x} {y}: {v}"),
    "heldout": ("{x} {y} -> {v}", "the {x} {y} is {v}", "{x} {y} = {v}", "use this {x} {y}: {v}",
                "rotated the {x} {y}, it's now {v}"),
}
PRODUCTS = {
    "tune": ("Stripe", "Vault", "Twilio", "Datadog", "Sentry", "Mailgun", "Heroku", "Algolia", "Cloudflare", "Postmark"),
    "heldout": ("PagerDuty", "New Relic", "Okta", "Netlify", "Vercel", "Linear", "Notion", "Airtable", "Mapbox",
                "Contentful"),
}
SECRET_KINDS = {"tune": ("test key", "token", "api key", "secret", "auth token"),
                "heldout": ("access key", "webhook secret", "live key", "API token", "client secret")}
# Hard negatives: `{d}` a number that is no gold, in work talk on the same frames.
NUMBER_NEGATIVES = {
    "tune": (
        "Jira {d4} is blocked on the API change", "PR {d5} needs one more approval", "postgres listens on port 5432",
        "we're still on Python 3.12", "build {date} failed on the linux runner", "meeting moved to room 4.12",
        "order {d6} shipped yesterday", "the invoice came to 1450 EUR", "it took 45 minutes to restore",
        "we have 12000 users on the old plan", "Berlin 2026 offsite is confirmed", "ticket {d4} is done",
        "call me at 5, I'm in a meeting", "see you on Monday 14", "Kubernetes 1.29 drops that flag",
        "Sprint 42 retro notes are up", "the job id is {d10}", "Windows 11 update broke the VPN",
        "moved the cron to run at 0300", "release {d8} is tagged",
    ),
    "heldout": (
        "INC{d6} got escalated to sev2", "merged MR {d4} into main", "redis runs on 6379 in staging",
        "upgraded node to 20.11", "pipeline {d6} is green now", "we're in meeting room 3.05",
        "case {d8} reopened by the customer", "budget is 23000 for Q3", "standup runs 15 minutes over",
        "Lisbon 2025 recap deck is in the drive", "issue {d4} duplicates the older one", "Office 365 login is slow",
        "epoch was {d10} when it crashed", "the batch has 8400 rows", "iPhone 15 users see the bug",
        "gate B 22 for the flight", "Q4 2026 roadmap draft", "incident at 1730, resolved at 1815",
    ),
}
IDENT_NEGATIVES = {
    "tune": ("Datadog metric: kubernetescpuusagetotal", "Sentry project: paymentsbackend", "Stripe mode: testmode",
             "Heroku stack: heroku22", "Docker tag: release20261207", "Vault path: secretproductiondatabase",
             "Twilio region: ie1", "GCP region: europewest3", "Algolia index: productsstagingv2",
             "Sentry release: backend20261207"),
    "heldout": ("Okta group: engineeringcontractors", "Netlify site: marketingsitepreview", "Linear team: platformcore",
                "Vercel project: dashboardnextjs14", "Notion page: onboardingchecklist2026",
                "PagerDuty service: checkoutapiprimary", "Mapbox style: streetsv12", "Airtable base: hiringpipeline",
                "Contentful space: websiteproduction", "build image: ubuntu2204lts"),
}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


class Places:
    """Street names, house numbers, cities, postcodes and countries of the seed's locales."""

    def __init__(self, rng: random.Random, seed_name: str) -> None:
        self.rng, self.locales, self.fakers = rng, LOCALES[seed_name], {}

    def faker(self) -> Faker:
        """A Faker of one of the seed's locales."""
        return locale_faker(self.rng, self.locales, self.fakers)

    def slots(self) -> dict[str, tuple[str, str]]:
        """One place's values with their gold labels."""
        fake = self.faker()
        street = getattr(fake, "street_name", fake.street_address)()
        street = re.sub(r"\s*\d+\w*$", "", street) or fake.last_name()
        number = _digits(fake.building_number()) or str(self.rng.randrange(1, 300))
        postcode = fake.postcode()
        country = fake.current_country() if self.rng.random() < 0.5 else fake.country()
        return {"s": (street, "ADDRESS"), "n": (number.lstrip("0") or "7", "ADDRESS"), "c": (fake.city(), "LOCATION"),
                "z": (postcode, "ADDRESS"), "k": (country, "LOCATION"), "p": (fake.name(), "PERSON")}

    def phone(self) -> str:
        """A phone number of the seed's locales as a bare run of 9 to 16 digits."""
        for _ in range(20):
            digits = _digits(self.faker().phone_number().split("x")[0])
            if 9 <= len(digits) <= 16:
                return digits
        return "0" + "".join(self.rng.choice(string.digits) for _ in range(9))


def secret_body(rng: random.Random) -> str:
    """A lower-case key body with digits and no separator: hex, base32, base36 or a provider body."""
    alphabet, length = rng.choice(((string.hexdigits[:16], rng.choice((32, 40, 64))),
                                   (string.ascii_lowercase + "234567", rng.choice((16, 26, 32, 52))),
                                   (string.ascii_lowercase + string.digits, rng.randrange(17, 41))))
    while True:
        body = "".join(rng.choice(alphabet) for _ in range(length))
        if re.search(r"\d", body) and re.search(r"[a-z]", body):
            return body


def filled(frame: str, slots: dict[str, tuple[str, str | None]], voice: bool = False) -> Builder:
    """`frame` with each `{x}` slot written as its value and gold label."""
    b = Builder()
    for piece in re.split(r"(\{\w+\})", frame):
        key = piece[1:-1]
        if piece.startswith("{") and key in slots:
            b.add(*slots[key])
        else:
            b.add(piece.lower() if voice else piece)
    return b


def presidio_rows(seed_name: str, rng: random.Random, count: int) -> list[list[Builder]]:
    """presidio-research sentences of the seed's third holding a digits-only address part or a bare phone."""
    rows = json.loads((DATA / "pii_presidio_synth" / "synth_dataset_v2.json").read_text(encoding="utf-8"))
    labels = {"STREET_ADDRESS": "ADDRESS", "GPE": "LOCATION", "PERSON": "PERSON", "PHONE_NUMBER": "PHONE_NUMBER",
              "EMAIL_ADDRESS": "EMAIL_ADDRESS", "CREDIT_CARD": "CREDIT_CARD", "IBAN_CODE": "ACCOUNT_NUMBER"}
    picked = [r for n, r in enumerate(rows) if share_of(f"presidio:{n}") == PRESIDIO_SHARE[seed_name]
              and any(s["entity_type"] in ("STREET_ADDRESS", "PHONE_NUMBER") and s["entity_value"].isdigit()
                      for s in r["spans"])]
    out = []
    for row in rng.sample(picked, min(count, len(picked))):
        b, text, last = Builder(), row["full_text"], 0
        for span in sorted(row["spans"], key=lambda s: s["start_position"]):
            if span["start_position"] < last:
                continue
            b.add(text[last:span["start_position"]]).add(text[span["start_position"]:span["end_position"]],
                                                          labels.get(span["entity_type"], "ORGANIZATION"))
            last = span["end_position"]
        out.append([b.add(text[last:])])
    return out


def probe(seed_name: str, size: int) -> tuple[list[dict], list[dict]]:
    """Raw transcript records and their gold for one seed."""
    rng = random.Random(SEEDS[seed_name])
    places = Places(rng, seed_name)
    groups: list[tuple[str, list[Builder], bool]] = []
    for _ in range(size * 25 // 100):
        frame = rng.choice(ADDRESS_FRAMES[seed_name])
        segments = [filled(frame, places.slots(), voice=rng.random() < 0.3)]
        if rng.random() < 0.3:
            segments.insert(0, Builder().add(rng.choice(("what's the address?", "where do I send it?", "address pls"))))
        groups.append(("address", segments, False))
    for _ in range(size * 12 // 100):
        number = places.phone()
        groups.append(("phone", [filled(rng.choice(PHONE_FRAMES[seed_name]), {"v": (number, "PHONE_NUMBER")})], False))
    for _ in range(size * 12 // 100):
        slots = {"x": (rng.choice(PRODUCTS[seed_name]), None), "y": (rng.choice(SECRET_KINDS[seed_name]), None),
                 "v": (secret_body(rng), "SECRET")}
        groups.append(("secret", [filled(rng.choice(SECRET_FRAMES[seed_name]), slots)], False))
    groups += [("presidio", g, False) for g in presidio_rows(seed_name, rng, size * 8 // 100)]
    for _ in range(size * 12 // 100):
        numbers = {"d4": str(rng.randrange(1000, 9999)), "d5": str(rng.randrange(10000, 99999)),
                   "d6": str(rng.randrange(100000, 999999)), "d8": str(rng.randrange(10**7, 10**8)),
                   "d10": str(rng.randrange(1_700_000_000, 1_800_000_000)),
                   "date": f"2026{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"}
        groups.append(("numbers", [filled(rng.choice(NUMBER_NEGATIVES[seed_name]), {k: (v, None) for k, v in numbers.items()})], True))
    for _ in range(size * 6 // 100):
        groups.append(("identifiers", [Builder().add(rng.choice(IDENT_NEGATIVES[seed_name]))], True))
    for _ in range(size * 3 // 100):
        sha = "".join(rng.choice("0123456789abcdef") for _ in range(40))
        line = rng.choice(("reverted {h}, it broke the build", "commit: {h}", "cherry-pick {h} onto release"))
        groups.append(("commit_hash", [Builder().add(line.format(h=sha))], True))
    _, quiet = irc(int(seed_name == "heldout"))
    turns = ordinary_turns(rng)
    return padded_pairs(groups, size, quiet, turns, rng, f"numbers-{seed_name}")


def target(label: str, value: str) -> str | None:
    """The class a gold value is measured in, or None when it is context (a street, a city, a person)."""
    if label == "ADDRESS" and value.isdigit():
        return f"address digits {'1-4' if len(value) <= 4 else '5-8'}"
    if label == "ADDRESS" and re.fullmatch(r"[\dA-Z][\dA-Z \-]{2,9}", value) and re.search(r"\d", value):
        return "address postcode (mixed)"
    if label == "PHONE_NUMBER" and value.isdigit():
        return "phone digits"
    if label == "SECRET":
        return "secret lower-case"
    return None


def report(records: list[dict], golds: list[dict], show: bool) -> None:
    """Per recipe: zero-leak and words lost per 1,000 (probe_talk.recipe_report); per class: values found."""
    scores = recipe_report(records, golds, tuple(dict.fromkeys(g["recipe"] for g in golds)), show)
    classes: dict[str, list[int]] = {}
    for g, s in zip(golds, scores):
        for span, (_, is_leaked, _) in zip(g["spans"], s.span_rows):
            if name := target(span["label"], span["value"]):
                classes.setdefault(name, [0, 0])[0] += not is_leaked
                classes[name][1] += 1
    for name, (found, total) in sorted(classes.items()):
        print(f"  {name:26s} found {found}/{total} ({100 * found / total:.1f}%)")


def main(argv: list[str] | None = None) -> int:
    """Build the seed's records, sanitize them as the pipeline does and print the figures."""
    # Faker's Italian cities come out of a set: a fixed hash seed makes the seed's records the same in every run.
    with_fixed_hash_seed("evaluation.probe_talk_numbers", sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", choices=sorted(SEEDS), default="tune")
    parser.add_argument("--size", type=int, default=500)
    parser.add_argument("--show", action="store_true", help="print the tuning seed's leaks and lost words")
    args = parser.parse_args(argv)
    records, golds = probe(args.seed, args.size)
    report(records, golds, args.show and args.seed == "tune")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
