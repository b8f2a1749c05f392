"""Window titles and URLs as other apps write them (issue 15, evaluation/probe_titles.py): a phone in a
query, a login after a console's view word, a remote-support id, a CRM record's id after its object
type, customer cues of other languages, a slug's words named in the title; and the pages of a person's
record, a dashboard's time range, product names the NER reads as people, which must stay. Real analyzer
and detector built from the shipped files."""
from __future__ import annotations

import json

import pytest

from models.detection import detect
from models.engine import fitted_to_policy
from models.parse import parse_line
from models.records import PreparedRecord
from models.redaction import _slug_parts, sanitize
from models.text_views import text_fields
from tests.conftest import KEY, categories_kept, record


def _by(analyzer, text: str, recognizer: str) -> set[tuple[str, str]]:
    """(entity, value) of the spans one recognizer of the analyzer's registry finds in `text`, alone."""
    found = next(r for r in analyzer.registry.recognizers if r.name == recognizer)
    return {(r.entity_type, text[r.start:r.end]) for r in found.analyze(text, found.supported_entities, None)
            if r.score >= 0.4}


def _found(analyzer, text: str) -> set[str]:
    return {text[r.start:r.end] for r in analyzer.analyze(text, "en", score_threshold=0.4)}


def _written(detector, settings, policy, **fields) -> dict:
    """A title record through detection and sanitizing, every category kept."""
    kept = categories_kept(policy)
    raw = record("keystrokes", events=[{"t": 0, "key": "s", "mods": ["Control"], "type": "keydown"}], **fields)
    parsed = parse_line(json.dumps(raw).encode(), "in.jsonl")
    finding = detect(detector, PreparedRecord(parsed, text_fields(parsed)), fitted_to_policy(settings, kept))
    return json.loads(sanitize(finding, kept, KEY).json_line)


PHONES = "PhoneNumbersPhoneNumberRecognizer"
CONSOLE_USERNAME = "ConsoleAccountsUsernameRecognizer"
CONSOLE_ACCOUNT = "ConsoleAccountsAccountNumberRecognizer"
PERSONAL_URL_USERNAME = "PersonalUrlUsernameRecognizer"


@pytest.mark.parametrize("url, phone", [
    ("https://web.whatsapp.com/send?phone=233880876856&text=hi", "233880876856"),
    ("https://console.twilio.com/us1/develop/phone-numbers/manage/incoming?phoneNumber=%2B14155550134", "%2B14155550134"),
    ("https://crm.example.com/contacts/new?mobile_no=0151-2345678&src=call", "0151-2345678"),
    ("https://crm.example.com/contacts/new?Phone=(415)%20555-0134&src=call", "(415)%20555-0134"),
])
def test_a_phone_in_a_query_named_for_it_is_a_phone(analyzer, url, phone):
    assert ("PHONE_NUMBER", phone) in _by(analyzer, url, PHONES)


@pytest.mark.parametrize("url", ["https://www.booking.com/hotel/de/x.html?hotel_id=1234567&checkin=2026-06-09",
                                 "https://app.example.com/settings?phone=true&tel=1",
                                 "https://grafana.acme.io/d/abc/x?orgId=1&from=1700000000000&to=1700003600000"])
def test_ids_and_flags_under_other_parameters_are_no_phone(analyzer, url):
    assert not _by(analyzer, url, PHONES)


@pytest.mark.parametrize("url, login", [
    ("https://170337093605.signin.aws.amazon.com/console/iam/home#/users/details/chaos_", "chaos_"),
    ("https://admin.example.com/admin/users/view/wsangha", "wsangha"),
])
def test_a_login_after_a_profile_path_and_a_view_word_is_a_login(analyzer, url, login):
    assert ("USERNAME", login) in _by(analyzer, url, CONSOLE_USERNAME)


@pytest.mark.parametrize("url", ["https://console.aws.amazon.com/iam/home#/users/details",
                                 "https://acme.example.com/admin/users/view/all",
                                 "https://acme.example.com/admin/users/details/overview"])
def test_a_view_of_the_user_list_names_nobody(analyzer, url):
    assert not _by(analyzer, url, CONSOLE_USERNAME)
    assert not _by(analyzer, url, PERSONAL_URL_USERNAME)


@pytest.mark.parametrize("text, value", [("TeamViewer - 802 552 992", "802 552 992"),
                                         ("AnyDesk - 1 234 567 890", "1 234 567 890"),
                                         ("Partner ID: 482117903 - Remote support", "482117903")])
def test_a_remote_support_id_is_an_account(analyzer, text, value):
    assert ("ACCOUNT_NUMBER", value) in _by(analyzer, text, CONSOLE_ACCOUNT)


@pytest.mark.parametrize("text", ["TeamViewer - Remote Control", "TeamViewer 15.52.3 - What's new",
                                  "AnyDesk - 2 sessions", "Build 2026 123 456 - Jenkins"])
def test_a_remote_clients_own_words_and_versions_stay(analyzer, text):
    assert not {v for e, v in _by(analyzer, text, CONSOLE_ACCOUNT)}


def test_a_crm_records_id_after_its_object_type_is_an_account(analyzer):
    url = "https://app.hubspot.com/contacts/2534906/record/0-1/30949206329"
    assert ("ACCOUNT_NUMBER", "30949206329") in _by(analyzer, url, CONSOLE_ACCOUNT)
    assert ("ACCOUNT_NUMBER", "1234") not in _by(analyzer, "https://x.example.com/records/0-1/1234", CONSOLE_ACCOUNT)


@pytest.mark.parametrize("text, value", [("Kunde C15804185 - SAP Fiori", "C15804185"),
                                         ("Klantnummer 48213377 | Exact Online", "48213377")])
def test_a_customer_cue_of_another_language_is_an_account_cue(analyzer, text, value):
    assert ("ACCOUNT_NUMBER", value) in _by(analyzer, text, CONSOLE_ACCOUNT)


def test_a_year_after_a_customer_cue_of_another_language_stays(analyzer):
    assert not _by(analyzer, "Kunde 2024 - Umsatz", CONSOLE_ACCOUNT)


@pytest.mark.parametrize("url", ["https://acme.zendesk.com/agent/users/34712345678/requested_tickets",
                                 "https://stackoverflow.com/users/5528158/activity"])
def test_the_pages_of_a_persons_record_are_no_login(analyzer, url):
    page = url.rsplit("/", 1)[1]
    assert ("USERNAME", page) not in _by(analyzer, url, PERSONAL_URL_USERNAME)


def test_a_slug_after_a_profile_id_is_still_a_login(analyzer):
    url = "https://stackoverflow.com/users/5528158/ana-souza"
    assert ("USERNAME", "ana-souza") in _by(analyzer, url, PERSONAL_URL_USERNAME)


@pytest.mark.parametrize("title", ["Microsoft Entra admin center", "Flight search results - London to Lisbon - Skyscanner",
                                   "Account 4417823 - Online Banking", "TeamViewer - Remote Control"])
def test_product_and_page_names_are_no_person(analyzer, title):
    found = _found(analyzer, title)
    assert not {"Entra", "Microsoft Entra", "Skyscanner", "Online Banking", "Remote Control"} & found


def test_slug_parts_are_the_slugs_letter_words_that_are_no_ordinary_word():
    assert {m.value for m in _slug_parts("irinel-gheorghiu", 3)} == {"irinel", "gheorghiu"}
    assert {m.value for m in _slug_parts("requested_tickets", 3)} == set()
    assert {m.value for m in _slug_parts("david27", 3)} == set()  # searched as the value itself
    assert all(m.ignore_case and m.whole_word for m in _slug_parts("florence", 3))


def test_a_persons_page_slug_masks_the_name_the_title_gives(detector, analyzer_settings, policy):
    doc = _written(detector, analyzer_settings, policy, app="Google Chrome",
                   window_title="30 Minute Meeting - Iorwerth — Mozilla Firefox",
                   url="https://calendly.com/iorwerth/30min")
    assert "Iorwerth" not in doc["window_title"] and "iorwerth" not in doc["url"]
    assert doc["window_title"].startswith("30 Minute Meeting - ")


def test_a_slug_of_ordinary_words_masks_nothing_else(detector, analyzer_settings, policy):
    doc = _written(detector, analyzer_settings, policy, app="Google Chrome",
                   window_title="Requested tickets - Zendesk",
                   url="https://acme.zendesk.com/agent/users/34712345678/requested_tickets")
    assert doc["window_title"] == "Requested tickets - Zendesk"
    assert doc["url"].endswith("/requested_tickets")


TITLE_HANDLE = "TitleHandleRecognizer"


def test_a_single_bracketed_surname_after_a_handle_is_a_person(analyzer):
    found = _by(analyzer, "mic_p (Lundberg) · GitHub", TITLE_HANDLE)
    assert {("USERNAME", "mic_p"), ("PERSON", "Lundberg")} <= found


@pytest.mark.parametrize("title", ["ana_l (External) · GitHub", "jdoe (X) · GitHub", "notes (Lundberg) · Notion"])
def test_a_bracketed_role_a_letter_or_a_word_before_it_names_nobody(analyzer, title):
    assert ("PERSON", "Lundberg") not in _by(analyzer, title, TITLE_HANDLE)
    assert not {v for e, v in _by(analyzer, title, TITLE_HANDLE) if e == "PERSON"}


@pytest.mark.parametrize("title, login", [("eper3z — -zsh — 80×24", "eper3z"), ("Srbuntu — -bash — 120×40", "Srbuntu")])
def test_the_folder_of_a_login_shells_terminal_window_is_a_login(analyzer, title, login):
    assert ("USERNAME", login) in _by(analyzer, title, CONSOLE_USERNAME)


@pytest.mark.parametrize("title", ["~ — -zsh — 80×24", "src — -zsh — 80×24", "platform — -zsh — 80×24",
                                   "eper3z — vim — 80×24", "Downloads — -zsh — 80×24"])
def test_a_terminal_windows_work_folder_or_another_process_names_nobody(analyzer, title):
    assert not _by(analyzer, title, CONSOLE_USERNAME)


@pytest.mark.parametrize("title, value", [("Girokonto (39758838) - Accounts", "39758838"),
                                         ("Cuenta corriente 00491500051234 - Banco", "00491500051234")])
def test_an_account_kind_a_bank_titles_is_an_account_cue(analyzer, title, value):
    assert value in _found(analyzer, title)


def test_a_dashboards_time_range_is_no_login_but_a_mail_searchs_sender_is(analyzer):
    assert not _by(analyzer, "https://grafana.acme.io/d/abc/x?orgId=1&from=1700000000000&to=1700003600000",
                   PERSONAL_URL_USERNAME)
    assert ("USERNAME", "ana.lima") in _by(analyzer, "https://mail.example.com/search?from=ana.lima", PERSONAL_URL_USERNAME)


@pytest.mark.parametrize("text, value", [("my ref is ACC-2024-0042719", "ACC-2024-0042719"), ("CUST9315", "CUST9315"),
                                         ("Search: ACCT_00412877 - Stripe", "ACCT_00412877")])
def test_capitals_naming_an_account_before_digits_are_an_account(analyzer, text, value):
    assert value in _found(analyzer, text)


@pytest.mark.parametrize("text", ["[ACC-1234] Fix login timeout - Jira", "CUST-42 escalation", "ACCESS-2024 review",
                                  "CUSTOM-123456 build"])
def test_a_trackers_key_or_a_longer_word_before_digits_stays(analyzer, text):
    assert not {v for v in _found(analyzer, text) if any(c.isdigit() for c in v)}


TITLE_PEOPLE_PERSON = "TitlePeoplePersonRecognizer"


@pytest.mark.parametrize("title, name", [("leonti | Contact | Salesforce - Microsoft\u200b Edge", "leonti"),
                                         ("ana lima | Lead | Salesforce", "ana lima")])
def test_the_name_of_a_persons_crm_record_is_a_person(analyzer, title, name):
    assert ("PERSON", name) in _by(analyzer, title, TITLE_PEOPLE_PERSON)


@pytest.mark.parametrize("title", ["Recently Viewed | Contacts | Salesforce", "New Contact | Salesforce",
                                   "Acme Corp | Account | Salesforce", "Q3 renewal | Opportunity | Salesforce"])
def test_a_list_view_or_a_record_of_no_person_names_nobody(analyzer, title):
    assert not _by(analyzer, title, TITLE_PEOPLE_PERSON)
