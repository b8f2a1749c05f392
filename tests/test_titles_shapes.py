"""Window titles, URLs and typed text as other apps and capture tools write them (issue 15): a
Chromium profile's name at a title's end, a name before a bracketed role, a name of another script
before a possessive, a signature after a sign-off, a given name and an initial as a title part, a
login inside a query's filter, a given name with a hyphened word or a number as a path part, a
hyphened login as a title part, a small-letter name typed alone, table cells cut from NER spans,
logins made of a name found elsewhere in the record, a URL kept as its app wrote it, dead keys.
Each with the words that must stay; real analyzer and detector built from the shipped files."""
from __future__ import annotations

import json
from urllib.parse import unquote

import pytest

from models.detection import detect
from models.engine import fitted_to_policy
from models.keystrokes import typed_text
from models.name_forms import folded, joined_forms
from models.parse import parse_line
from models.recognizers.config import load_recognizer_data
from models.recognizers.ui_terms import load_ui_terms, without_ui_parts
from models.records import KeyEvent, PreparedRecord
from models.redaction import sanitize
from models.text_views import _decoded_with_origins, text_fields
from tests.conftest import KEY, carried, categories_kept, keystrokes, record


def _by(analyzer, text: str, recognizer: str) -> set[tuple[str, str]]:
    """(entity, value) of the spans one recognizer of the analyzer's registry finds in `text`, alone
    (the analyzer itself keeps one of two equal spans, so another recognizer's could hide it)."""
    found = next(r for r in analyzer.registry.recognizers if r.name == recognizer)
    return {(r.entity_type, text[r.start:r.end]) for r in found.analyze(text, found.supported_entities, None)
            if r.score >= 0.4}


def _found(analyzer, text: str) -> set[str]:
    return {text[r.start:r.end] for r in analyzer.analyze(text, "en", score_threshold=0.4)}


def _written(detector, settings, policy, raw: dict) -> dict:
    kept = categories_kept(policy)
    parsed = parse_line(json.dumps(raw).encode(), "in.jsonl")
    finding = detect(detector, PreparedRecord(parsed, text_fields(parsed)), fitted_to_policy(settings, kept))
    return json.loads(sanitize(finding, kept, KEY).json_line)


TITLE_PEOPLE_PERSON = "TitlePeoplePersonRecognizer"
TITLE_PEOPLE_USERNAME = "TitlePeopleUsernameRecognizer"


@pytest.mark.parametrize("title, name", [
    ("[PAY-110] Refund fails - Jira - Google Chrome - Geirhildur", "Geirhildur"),
    ("New Tab - Google Chrome - İlmafer", "İlmafer"),
    ("Inbox - Brave - Ana Lima", "Ana Lima"),
])
def test_a_chromium_profile_name_at_a_titles_end_is_a_person(analyzer, title, name):
    assert ("PERSON", name) in _by(analyzer, title, TITLE_PEOPLE_PERSON)


@pytest.mark.parametrize("title", ["New Tab - Google Chrome - Work", "Docs - Google Chrome - Profile 2",
                                   "Google Chrome - Settings", "Refund fails - Jira - Microsoft Edge"])
def test_a_listed_profile_word_or_another_browser_names_nobody(analyzer, title):
    assert not _by(analyzer, title, TITLE_PEOPLE_PERSON)


@pytest.mark.parametrize("text, name", [
    ("Twan Cant (External) | Microsoft Teams", "Twan Cant"),
    ("Chat | Ngozi Okafor (Guest) | Microsoft Teams", "Ngozi Okafor"),
    ("Zoom - 王伟 (Host)", "王伟"),
    ("Wei Chen (he/him)", "Wei Chen"),
])
def test_a_name_before_a_bracketed_role_is_a_person(analyzer, text, name):
    assert ("PERSON", name) in _by(analyzer, text, TITLE_PEOPLE_PERSON)


@pytest.mark.parametrize("text", ["Design review (draft) | Notion", "Q3 plan (Copy) - Google Docs",
                                  "general (Channel) - Acme - Slack", "see the notes (external) from Ana"])
def test_a_bracket_that_is_no_persons_role_names_nobody(analyzer, text):
    assert not _by(analyzer, text, TITLE_PEOPLE_PERSON)


def test_a_name_of_another_script_before_a_possessive_is_a_person(analyzer):
    title = "Copy of นิติยา's onboarding plan - Google Docs"
    assert ("PERSON", "นิติยา") in _by(analyzer, title, TITLE_PEOPLE_PERSON)
    assert {"Copy", "onboarding", "Google Docs"}.isdisjoint(_found(analyzer, title))


def test_a_latin_possessive_is_left_to_the_ner(analyzer):
    assert not _by(analyzer, "Copy of the team's onboarding plan - Google Docs", TITLE_PEOPLE_PERSON)


@pytest.mark.parametrize("text, name", [
    ("Hi team,\n\nnumbers attached.\n\nBest,\nZinhle Nontanda\nSenior PM | Acme", "Zinhle Nontanda"),
    ("thanks again\n\nKind regards,\nDr. Ngozi Okonkwo-Adeyemi", "Dr. Ngozi Okonkwo-Adeyemi"),
    ("Viele Grüße\nJörg Weiß", "Jörg Weiß"),
])
def test_the_line_after_a_sign_off_is_a_signature(analyzer, text, name):
    assert ("PERSON", name) in _by(analyzer, text, TITLE_PEOPLE_PERSON)


@pytest.mark.parametrize("text", ["Thanks,\nThe Payments Team", "Regards,\nAcme Support",
                                  "Best,\nsee you at standup", "Best practices\nKeep It Simple"])
def test_a_teams_sign_off_or_a_sentence_is_no_signature(analyzer, text):
    assert not _by(analyzer, text, TITLE_PEOPLE_PERSON)


@pytest.mark.parametrize("title, handle", [("Slack | ivant | Initech", "ivant"),
                                           ("Profile - danielb - GitLab", "danielb")])
def test_a_given_name_and_an_initial_as_a_title_part_is_a_login(analyzer, title, handle):
    assert ("USERNAME", handle) in _by(analyzer, title, TITLE_PEOPLE_USERNAME)


@pytest.mark.parametrize("title", ["Slack | daniels | Initech", "Slack | Danielb | Acme",
                                   "Slack | general | Acme", "Profile - danielb2024 - GitLab"])
def test_a_plural_a_capitalised_word_or_a_word_is_no_initialled_login(analyzer, title):
    assert not _by(analyzer, title, TITLE_PEOPLE_USERNAME)


@pytest.mark.parametrize("url, login", [
    ("https://contoso.atlassian.net/issues/?jql=assignee=gbergvinsson", "gbergvinsson"),
    ("https://acme.atlassian.net/issues/?jql=project = PAY AND assignee = jdoe ORDER BY created", "jdoe"),
    ("https://acme.atlassian.net/issues/?jql=project+=+PAY+AND+reporter+in+(jdoe)", None),
    ("https://acme.atlassian.net/issues/?jql=assignee+in+(marta.k)", "marta.k"),
])
def test_a_login_inside_a_querys_filter_is_found(analyzer, url, login):
    found = _by(analyzer, url, "PersonalUrlUsernameRecognizer")
    if login:
        assert any(login in value for _, value in found)
    assert not any("atlassian" in value or "issues" in value for _, value in found)


@pytest.mark.parametrize("text", ["the assignee = whoever is on call", "user = request.user.name",
                                  "https://grafana.acme.com/d/abc?from=now-6h&to=now"])
def test_a_filter_outside_a_query_or_a_dashboards_time_is_no_login(analyzer, text):
    assert not _by(analyzer, text, "PersonalUrlUsernameRecognizer")


@pytest.mark.parametrize("url, login", [("https://www.notion.so/daniel8", "daniel8"),
                                        ("https://wiki.acme.io/henry-handler/notes", "henry-handler")])
def test_a_given_name_with_a_hyphened_word_or_a_number_as_a_path_part_is_a_login(analyzer, url, login):
    assert ("USERNAME", login) in _by(analyzer, url, "PersonalUrlUsernameRecognizer")


@pytest.mark.parametrize("url", ["https://docs.acme.io/release-notes/2024", "https://acme.io/blog/follow-up",
                                 "https://acme.io/daniel-the-bot-manual/intro"])
def test_a_path_of_words_is_no_login(analyzer, url):
    assert not {value for _, value in _by(analyzer, url, "PersonalUrlUsernameRecognizer")
                if "release" in value or "follow" in value or "manual" in value}


def test_a_hyphened_login_with_a_given_name_as_a_title_part_is_found(analyzer):
    assert ("USERNAME", "henry-handler") in _by(analyzer, "Slack | henry-handler | Wayne-Ent",
                                                "TitleHandleRecognizer")


@pytest.mark.parametrize("title", ["Slack | eng-backend | Acme", "Slack | follow-up | Acme",
                                   "design-system - Figma"])
def test_hyphened_words_are_no_title_login(analyzer, title):
    assert not _by(analyzer, title, "TitleHandleRecognizer")


@pytest.mark.parametrize("text, name", [("renata rodriguez\n", "renata rodriguez"),
                                        ("ok\nleke olukotun", "leke olukotun")])
def test_a_small_letter_name_typed_alone_on_a_line_is_a_person(analyzer, text, name):
    assert ("PERSON", name) in _by(analyzer, text, "TitleNameRecognizer")


@pytest.mark.parametrize("text", ["thanks ana", "vpn setup guide", "kubectl get pods", "ask dmitri if he can cover"])
def test_a_line_with_an_english_word_is_no_name_alone(analyzer, text):
    assert not _by(analyzer, text, "TitleNameRecognizer")


def test_table_cells_and_numbers_are_cut_from_a_span():
    terms = load_ui_terms(load_recognizer_data())
    assert without_ui_parts("Ana Lima\tNorth America\tQ3", terms) == (0, 8)
    assert without_ui_parts("991\nObianuju Onwuka", terms) == (4, 19)
    assert without_ui_parts("575\n", terms) is None
    assert without_ui_parts("Ana Page", terms) == (0, 8)  # words of one part stay together
    assert without_ui_parts("Ana\tLima", terms) == (0, 8)  # a name typed across two fields stays whole


def test_a_typed_sheet_keeps_regions_quarters_and_statuses_and_masks_the_names(detector, analyzer_settings, policy):
    rows = "Anthony Hughes\tNorth America\tQ1\tDone\t991\nRuqayya Kabir\tAPAC\tQ3\tAt risk\t364\n"
    doc = _written(detector, analyzer_settings, policy,
                   keystrokes(rows, app="Google Chrome", window_title="Q3 tracker - Google Sheets"))
    text = carried(doc)
    assert not {"Anthony", "Hughes", "Ruqayya", "Kabir"} & set(text.split())
    for kept in ("North America", "APAC", "Q1", "Q3", "At risk", "991"):
        assert kept in text


def test_joined_forms_of_a_name():
    assert {"graceokafor", "grace_okafor", "grace-okafor", "gokafor", "okaforg", "okaforgrace"} <= joined_forms(
        "Grace Okafor")
    assert {"toivomakinen", "toivomäkinen", "tmakinen"} <= joined_forms("Toivo Mäkinen")
    assert folded("Łukasz Søren") == "lukasz soren"
    assert joined_forms("Grace") == frozenset()
    assert not any(len(form) < 6 for form in joined_forms("Ana Li"))


def test_a_login_made_of_a_name_in_the_title_is_masked_in_the_url(detector, analyzer_settings, policy):
    raw = record("keystrokes", events=[{"t": 0, "key": "s", "mods": ["Control"]}], app="Firefox",
                 window_title="Grace Okafor – Portfolio — Mozilla Firefox", url="https://graceokafor.dev/about")
    doc = _written(detector, analyzer_settings, policy, raw)
    assert "graceokafor" not in doc["url"].lower() and doc["url"].endswith(".dev/about")
    assert "Portfolio" in doc["window_title"]


def test_a_name_alone_in_a_url_masks_no_lookalike(detector, analyzer_settings, policy):
    raw = record("keystrokes", events=[{"t": 0, "key": "s", "mods": ["Control"]}], app="Firefox",
                 window_title="Grace Okafor – Portfolio", url="https://graceful-shutdown.dev/okaforest")
    assert _written(detector, analyzer_settings, policy, raw)["url"] == "https://graceful-shutdown.dev/okaforest"


@pytest.mark.parametrize("url", ["https://x.sharepoint.com/Shared%20Documents/Q3%20plan.docx?e=ana%40x.com",
                                 "a%C3%A4b%zz%", "%E2%82", "plain", "%41%42c%2"])
def test_a_decoded_url_maps_each_character_to_where_it_came_from(url):
    decoded, origins = _decoded_with_origins(url)
    assert decoded == unquote(url)
    assert len(origins) == len(decoded)
    assert all(unquote(url[start:end]) and start < end for start, end in origins)


def _events(*keys: tuple[str, tuple[str, ...]]) -> tuple[KeyEvent, ...]:
    return tuple(KeyEvent(index * 100, key, mods, "keydown", None) for index, (key, mods) in enumerate(keys))


def test_a_dead_key_before_its_composed_letter_leaves_the_stream_complete():
    typed = typed_text(_events(("J", ("Shift",)), ("o", ()), ("s", ()), ("Dead", ()), ("é", ()), (" ", ()),
                               ("Dead", ("Shift",)), ("Ö", ("Shift",)), ("z", ())))
    assert typed.complete and typed.text == "José Öz"


def test_an_ime_composition_still_leaves_the_stream_incomplete():
    typed = typed_text(_events(("Process", ()), ("Process", ()), ("a", ())))
    assert not typed.complete


def test_a_name_typed_with_dead_keys_is_masked_and_the_words_beside_it_kept(detector, analyzer_settings, policy):
    events = [{"t": i * 120, "key": key, "mods": mods} for i, (key, mods) in enumerate(
        [*[(c, []) for c in "please ask "], ("Shift", []), ("J", ["Shift"]), *[(c, []) for c in "os"],
         ("Dead", []), ("é", []), (" ", []), ("Shift", []), ("M", ["Shift"]), *[(c, []) for c in "art"],
         ("Dead", []), ("í", []), *[(c, []) for c in "nez about the invoice"]])]
    doc = _written(detector, analyzer_settings, policy, record("keystrokes", events=events, app="Slack"))
    text = carried(doc)
    assert "José" not in text and "Martínez" not in text and "UNVERIFIED" not in text
    assert text.startswith("please ask ") and text.endswith(" about the invoice")
