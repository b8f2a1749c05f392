"""Training-only NER examples written from shapes rather than records, so the model learns what a name
looks like and not one template: names from many locales (romanized where screens romanize them) in
every casing and order, glued to punctuation, in lists, rows, headers, turns, titles and git lines;
and hard negatives (UI and product words, capitalised work phrases, brand names that are also given
names, documentation titles, cities as places) with no person in them.

`shape_texts(rng, count)` gives (text, spans) pairs, spans as (label, start, end) in the gold labels
of `evaluation.generated.spans` (PERSON, LOCATION, EMAIL_ADDRESS, USERNAME).
"""
from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

from evaluation.generated.values import Fakers, ascii_fold

# Faker locales names are drawn from; non-Latin scripts are romanized (Faker's providers, or the
# tables below) most of the time, as work screens show them, and kept in their script otherwise.
NAME_LOCALES = ("is_IS", "vi_VN", "yo_NG", "ig_NG", "ha_NG", "en_NG", "tw_GH", "zu_ZA", "sw", "tr_TR", "az_AZ",
                "pl_PL", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "hr_HR", "sl_SI", "lt_LT", "lv_LV", "et_EE", "fi_FI",
                "en_IN", "en_PK", "es_ES", "es_MX", "es_AR", "es_CO", "es_CL", "pt_BR", "pt_PT", "fr_FR", "fr_CA",
                "it_IT", "nl_NL", "nl_BE", "de_DE", "de_AT", "da_DK", "no_NO", "sv_SE", "ga_IE", "en_GB", "en_US",
                "id_ID", "ja_JP", "zh_CN", "zh_TW", "ko_KR", "ru_RU", "uk_UA", "bg_BG", "el_GR")
_ROMANIZED = ("ja_JP", "zh_CN", "zh_TW")
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                     ("a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i yi ye g"
                      .replace("_", "").split(" "))))
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω", "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split()))
_HANGUL_INITIAL = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_HANGUL_MEDIAL = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_HANGUL_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
                 "ng", "t", "t", "k", "t", "p", "t"]
_KOREAN_SURNAMES = {"김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang", "조": "Cho",
                    "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh", "서": "Seo", "신": "Shin",
                    "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song", "류": "Ryu", "홍": "Hong", "유": "Yoo"}
# Surname particles and how they join, by the locales that use them.
_PARTICLES = {("nl_NL", "nl_BE"): ("van ", "van der ", "van den ", "de "), ("de_DE", "de_AT"): ("von ", "zu "),
              ("es_ES", "es_MX", "es_AR", "es_CO", "es_CL", "fr_FR", "fr_CA", "it_IT"): ("de ", "de la ", "del ", "di "),
              ("pt_BR", "pt_PT"): ("da ", "dos ", "de "), ("en_PK", "ha_NG", "en_IN"): ("bin ", "al-", "ibn ", "el-"),
              ("ga_IE", "en_GB"): ("O'", "Mac", "Mc")}
_DOUBLE_SURNAME = ("es_ES", "es_MX", "es_AR", "es_CO", "es_CL", "pt_BR", "pt_PT")
_FAMILY_FIRST = ("ja_JP", "zh_CN", "zh_TW", "ko_KR", "vi_VN", "hu_HU")
_UI_TERMS = Path(__file__).resolve().parents[3] / "models" / "data" / "ui_terms.txt"

# Capitalised phrases of work and product names that hold no person (some are also given names).
WORK_PHRASES = ("Quarterly Planning", "Release Notes", "Terraform Cloud", "Incident Review", "Sprint Retro",
                "Onboarding Checklist", "Design System", "Team Offsite", "Roadmap Review", "Budget Forecast",
                "Security Training", "Brand Guidelines", "Customer Journey", "Data Platform", "Growth Experiments",
                "Hiring Plan", "Launch Readiness", "Office Hours", "Pricing Page", "Product Spec", "Risk Register",
                "Service Level Objectives", "Town Hall", "Vendor Assessment", "Weekly Sync", "All Hands",
                "Annual Report", "Cost Explorer", "Feature Flags", "Load Balancers", "Access Requests",
                "Expense Report", "Travel Policy", "Style Guide", "Knowledge Base", "Status Page", "Audit Log",
                "Billing Overview", "Usage Limits", "Getting Started", "Migration Guide", "Known Issues")
BRAND_NAMES = ("Ruby", "Jenkins", "Ada", "Julia", "Flask", "Hugo", "Jasmine", "Karma", "Mocha", "Celery", "Django",
               "Travis CI", "Alexa", "Siri", "Cassandra", "Luigi", "Ansible", "Sage", "Kafka", "Jekyll", "Sphinx",
               "Chef", "Puppet", "Devin", "Claude", "Gemini", "Copilot", "Ollama", "Rails", "Elixir", "Crystal",
               "Dart", "Kotlin", "Swift", "Mercurial", "Loki", "Thanos", "Jaeger", "Tempo", "Vault", "Consul",
               "Nomad", "Heroku", "Vercel", "Sentry", "Bruno", "Insomnia", "Harvest", "Ivy", "Maven", "Gradle")
APPS = ("Slack", "Microsoft Teams", "Zoom", "Gmail", "Outlook", "Notion", "Jira", "Confluence", "GitHub", "GitLab",
        "Figma", "Linear", "Asana", "Workday", "Rippling", "LinkedIn", "Discord", "WhatsApp", "Telegram", "Signal",
        "Google Docs", "Google Sheets", "HubSpot", "Salesforce", "Zendesk", "Intercom", "Calendly", "Venmo")
CITY_LOCALES = ("de_DE", "fr_FR", "es_ES", "it_IT", "pl_PL", "nl_NL", "pt_BR", "pt_PT", "sv_SE", "cs_CZ")

# Contexts with people. Slots: {a} {b} {c} names, {ea} {eb} their e-mail addresses, {la} a login,
# {app}, {ui}, {work}, {brand}, {n}, {city}. A context's casing ("lower", "upper") overrides the name's.
PEOPLE = (
    ("@{a} can you take a look?", ""), ("cc @{a} @{b}", ""), ("({a})", ""), ("{a}'s PR is green", ""),
    ("per {a}'s comment above", ""), ("<{a}> ok merging now", ""), ("[{a}] out today", ""),
    ('"{a}" was added to the channel', ""), ("{a}: sounds good", ""), ("{a}, {b}, {c}", ""),
    ("{a}; {b}; {c}", ""), ("{a} / {b}", ""), ("- {a}\n- {b}\n- {c}", ""), ("{a} & {b}", ""),
    ("Attendees: {a}, {b} and {c}", ""), ("ATTENDEES: {a}, {b}", "upper"), ("OWNER: {a}", "upper"),
    ("{n},{a},{ui},active", ""), ("{a}\t{work}\t{city}", ""), ("\"{a}\",\"{ea}\",\"{n}\"", ""),
    ("| {a} | {ui} | {n} |", ""), ("{a} | {b} | {c}", ""), ("id;name;team\n{n};{a};{work}", ""),
    ("From: {a} <{ea}>", ""), ("To: {a} <{ea}>, {b} <{eb}>", ""), ("Reply-To: {a}", ""),
    ("Sent on behalf of {a}", ""), ("--\n{a}\n{work} lead", ""), ("Best regards,\n{a}", ""),
    ("Thanks,\n{a}\nSent from my iPhone", ""), ("[10:{n}] {a}: pushed the fix", ""), ("{a} joined the call", ""),
    ("{a} reacted with 👍", ""), ("{a} is typing…", ""), ("{a} changed the topic to {work}", ""),
    ("{a} shared {work} with you", ""), ("{a} commented on {work}", ""), ("{a} assigned {ui} to {b}", ""),
    ("{a} - Profile - {app}", ""), ("{a} | {app}", ""), ("Chat with {a} - {app}", ""), ("{a} (You) - {app}", ""),
    ("{a}, {b} - {app}", ""), ("Message {a} · {app}", ""), ("{a} - Direct message - {app}", ""),
    ("Author: {a} <{ea}>", ""), ("Signed-off-by: {a} <{ea}>", ""), ("Co-authored-by: {a} <{ea}>", ""),
    ("Merge pull request #{n} from {la}/fix by {a}", ""), ("Reviewed-by: {a}", ""), ("Approved by {a}", ""),
    ("{a} committed {n} minutes ago", ""), ("git shortlog: {a} ({n})", ""),
    ("uh so {a} said we should wait", "lower"), ("thanks {a} um can you share your screen", "lower"),
    ("yeah i talked to {a} and {b} yesterday", "lower"), ("okay {a} you're up next", "lower"),
    ("hey {a} quick question", "lower"), ("{a} are you still there", "lower"), ("ping {a} about it", "lower"),
    ("Hi {a}, hope you're well", ""), ("Dear {a},", ""), ("Thanks {a}!", ""), ("cheers {a}", ""),
    ("Meeting with {a} - {app}", ""), ("1:1 {a} / {b}", ""), ("Interview: {a} ({work})", ""),
    ("Emergency contact: {a}", ""), ("Name: {a}\nCity: {city}", ""), ("NAME: {a}", "upper"),
    ("{a} ({la})", ""), ("{a} <{ea}>", ""), ("Dr. {a} will see you now", ""), ("Prof. {a}, {work}", ""),
    ("Welcome aboard, {a}!", ""), ("{a} and {b} are on call this week", ""), ("who is {a}?", ""),
)
# Contexts without a person: app, UI and work words, brand names that are also given names, docs titles, cities.
NEGATIVES = (
    ("{ui} - {app}", ""), ("{ui} · {ui2} | {app}", ""), ("Settings > {ui} > {ui2}", ""), ("{work} - Google Docs", ""),
    ("{work} | {app}", ""), ("{work} ({n}) - {app}", ""),
    ("Open {work} in {app}", ""), ("{app} - {ui}", ""), ("{ui2}: {ui}", ""), ("{UI} | {app}", ""),
    ("bump {brand} to {n}.{n}", ""), ("{brand} build #{n} failed", ""), ("pip install {brand_lower}", ""),
    ("{brand} docs - Getting started", ""), ("Migrating from {brand} {n} to {n}", ""), ("{brand} vs {brand2}", ""),
    ("Getting Started — {brand} Documentation", ""), ("{brand} {n}.{n} documentation", ""),
    ("API Reference | {brand} Docs", ""), ("{ui} — {brand} {n} documentation", ""), ("Installation · {brand}", ""),
    ("{brand} on {app}: {ui}", ""), ("restart {brand} after the upgrade", ""), ("is {brand} down again?", ""),
    ("Weather in {city}", ""), ("{city} office - Floor plan", ""), ("Flights to {city} | Google Flights", ""),
    ("{city} (GMT+1)", ""), ("Team offsite {city} {n}", ""), ("moving the {city} servers to {brand}", ""),
    ("{work} review moved to {city}", ""), ("{ui} · {work} · {app}", ""), ("{work} / {ui}", ""),
)


def romanize(text: str, locale: str) -> str:
    """Latin letters for a Cyrillic, Greek or Hangul name (the usual screen spellings); others unchanged."""
    if locale == "ko_KR":
        return _KOREAN_SURNAMES.get(text) or _hangul(text)
    if locale == "el_GR":
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    table = _GREEK if locale == "el_GR" else _CYRILLIC
    out = []
    for char in text:
        mapped = table.get(char.lower(), char)
        out.append(mapped.capitalize() if char.isupper() else mapped)
    return "".join(out)


def _hangul(text: str) -> str:
    parts = []
    for char in text:
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            parts.append(char)
            continue
        initial = _HANGUL_INITIAL[code // 588].replace("-", "")
        parts.append(initial + _HANGUL_MEDIAL[code % 588 // 28] + _HANGUL_FINAL[code % 28])
    return "".join(parts).capitalize()


def draw_name(rng: random.Random, fakers: Fakers) -> tuple[str, str, str, str]:
    """(first, last, second first name, locale) of one person, romanized 80% of the time where not Latin."""
    locale = rng.choice(NAME_LOCALES)
    faker = fakers.get(locale)
    if locale in _ROMANIZED and rng.random() < 0.8:
        first, last, middle = faker.first_romanized_name(), faker.last_romanized_name(), faker.first_romanized_name()
    else:
        first, last, middle = faker.first_name(), faker.last_name(), faker.first_name()
        faker_first = first
        if locale in ("ko_KR", "ru_RU", "uk_UA", "bg_BG", "el_GR") and rng.random() < 0.8:
            hyphenated = locale == "ko_KR" and len(first) == 2 and rng.random() < 0.5  # 'Min-jun'
            first, last, middle = (romanize(part, locale) for part in (first, last, middle))
            if hyphenated:
                first = f"{_hangul(faker_first[0])}-{_hangul(faker_first[1]).lower()}"
    last = _decorate_surname(rng, fakers, locale, last)
    return first, last, middle, locale


def _decorate_surname(rng: random.Random, fakers: Fakers, locale: str, last: str) -> str:
    """Sometimes a particle, a second (double or hyphenated) surname, as the locale writes them."""
    roll = rng.random()
    particles = next((p for locales, p in _PARTICLES.items() if locale in locales), ())
    if roll < 0.15 and particles:
        return rng.choice(particles) + last
    if 0.15 <= roll < 0.3 and locale in _DOUBLE_SURNAME:
        return f"{last} {fakers.get(locale).last_name()}"
    if 0.3 <= roll < 0.36 and last.isalpha():
        return f"{last}-{fakers.get(locale).last_name()}"
    return last


def name_form(rng: random.Random, first: str, last: str, middle: str, locale: str) -> str:
    """One of the forms a name takes on screens, in a random casing."""
    forms = (f"{first} {last}", first, f"{last}, {first}", f"{last.upper()} {first}", f"{first[0]}. {last}",
             f"{first} {last[0]}.", f"{first} {middle} {last}", f"{first[0]}{'.' if rng.random() < 0.5 else ''} {last}")
    weights = (5, 4, 2, 1, 1, 1, 1, 1)
    if locale in _FAMILY_FIRST:
        forms, weights = forms + (f"{last} {first}",), weights + (3,)
    name = " ".join(rng.choices(forms, weights=weights)[0].split())
    roll = rng.random()
    return name.lower() if roll < 0.15 else name.upper() if roll < 0.25 else name


def _email(first: str, last: str) -> str:
    local = ".".join(p for p in (ascii_fold(first), ascii_fold(last)) if p) or "user"
    return f"{local}@example.com"


def fill(template: str, values: dict[str, tuple[str, str | None]]) -> tuple[str, tuple[tuple[str, int, int], ...]]:
    """`template` with its slots filled, and the (label, start, end) of every labelled value."""
    parts, spans, position, last = [], [], 0, 0
    for match in re.finditer(r"\{(\w+)\}", template):
        literal = template[last:match.start()]
        value, label = values[match.group(1)]
        parts += [literal, value]
        position += len(literal)
        if label:
            spans.append((label, position, position + len(value)))
        position += len(value)
        last = match.end()
    parts.append(template[last:])
    return "".join(parts), tuple(spans)


def _title(term: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in term.split())


def ui_terms(path: Path = _UI_TERMS) -> list[str]:
    """The UI and app words of the shipped allowlist (lower case), without comments."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def shape_texts(rng: random.Random, count: int) -> list[tuple[str, tuple[tuple[str, int, int], ...]]]:
    """`count` texts, three in four with people in them, one in four hard negatives, drawn from `rng`."""
    fakers, terms = Fakers(rng), ui_terms()
    out = []
    for _ in range(count):
        template, casing = rng.choice(PEOPLE if rng.random() < 0.75 else NEGATIVES)
        values: dict[str, tuple[str, str | None]] = {}
        for key in "abc":
            first, last, middle, locale = draw_name(rng, fakers)
            name = name_form(rng, first, last, middle, locale)
            name = name.lower() if casing == "lower" else name.upper() if casing == "upper" else name
            values[key] = (name, "PERSON")
            values[f"e{key}"] = (_email(first, last), "EMAIL_ADDRESS")
            if key == "a":
                values["la"] = (_email(first, last).split("@")[0].replace(".", ""), "USERNAME")
        ui, ui2 = rng.choice(terms), rng.choice(terms)
        work, brand = rng.choice(WORK_PHRASES), rng.choice(BRAND_NAMES)
        values.update(ui=(_title(ui), None), ui2=(_title(ui2) if rng.random() < 0.7 else ui2, None),
                      UI=(ui.upper(), None), work=(work, None), WORK=(work.upper(), None), brand=(brand, None),
                      brand2=(rng.choice(BRAND_NAMES), None), brand_lower=(brand.lower().replace(" ", "-"), None),
                      app=(rng.choice(APPS), None), n=(str(rng.randint(2, 99)), None),
                      city=(fakers.get(rng.choice(CITY_LOCALES)).city(), "LOCATION"))
        out.append(fill(template, values))
    return out
