"""Typed lines that open or close with a person, and phones and national ids in local formats (issue 15):
the salutation rule alone, the phone and id recognizers, the analyzer built from the shipped files, whole
keystroke records through detection and redaction, and one run of `pipeline.run`; each with the ordinary
typed work that must keep its words."""
from __future__ import annotations

import json
import logging

import pytest

from models.config_files import term_list
from models.recognizers.config import recognizer_data
from models.recognizers.national_phone import NationalPhoneRecognizer
from models.recognizers.salutations import Salutations
from tests.conftest import KEY, categories_kept, keystrokes, written_text

DATA = recognizer_data()
RULE = DATA.person_names.salutations
SALUTATIONS = Salutations(RULE.greetings, RULE.closings,
                          frozenset(RULE.audience) | frozenset(term_list(DATA.person_names.stop_words)),
                          frozenset(DATA.person_names.particles), RULE.max_words)
PHONES = NationalPhoneRecognizer(DATA.national_phones)


def greeted(text: str) -> list[str]:
    return [text[start:end] for start, end in SALUTATIONS.names(text)]


def phones(text: str) -> list[str]:
    return [text[r.start:r.end] for r in PHONES.analyze(text, ["PHONE_NUMBER"])]


@pytest.mark.parametrize("text, name", [
    ("Hey Mason -\nfollowing up on the review", "Mason"),
    ("Hi Will,\n\nthe deck is attached", "Will"),
    ("Dear Grace Hopper,\n", "Grace Hopper"),
    ("Bonjour Pastor !\n", "Pastor"),
    ("Hi Mason, quick one about the deck", "Mason"),
    ("Good morning Kai van Bruchem!", "Kai van Bruchem"),
    ("Hallo Jörg-Uwe,\n", "Jörg-Uwe"),
    ("Thanks,\nMason\n", "Mason"),
    ("the numbers are in.\n\nKind regards\nHunter Rose\n", "Hunter Rose"),
    ("Cheers\nBill", "Bill"),
])
def test_a_greetings_addressee_or_the_name_under_a_sign_off_is_a_name(text, name):
    assert greeted(text) == [name]


@pytest.mark.parametrize("text", [
    "Hi Team,\n\nthe deploy is done.", "Dear Hiring Manager,", "Hello World!", "Thank You!", "Hi all,",
    "Best,\nThe platform team\n", "Regards,\nIT Support", "Morning Sync:\n- notes", "Hey Jenkins is down again",
    "Thanks,\nOps", "Hi QA, the build is red", "Dear Sir or Madam,", "Thanks Again!", "Will do, thanks",
    "Call the API with the new token", "Hi there,\nMonday works for me.",
])
def test_group_addresses_headings_capitals_and_sentences_are_no_greeted_names(text):
    assert greeted(text) == []


@pytest.mark.parametrize("text, number", [
    ("Ana Lima - 694 04 69 49\n", "694 04 69 49"),
    ("M: 886 237 634", "886 237 634"),
    ("reach the courier at 683 64 88 28 before 6", "683 64 88 28"),
    ("sms 512 345 678 when you are here", "512 345 678"),
])
def test_a_bare_grouped_number_after_a_label_or_a_dash_or_asked_to_be_reached_is_a_phone(text, number):
    assert phones(text) == [number]


@pytest.mark.parametrize("text", [
    "Total: 120 345 678 units", "moved 4 500 000 rows in 12 batches", "build 4812 - 3 tests failed",
    "Q3: revenue 12 400 000, costs 9 100 000 and more",
])
def test_amounts_and_counts_stay_numbers(text):
    assert phones(text) == []


def _types(analyzer, text: str) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start:r.end]) for r in analyzer.analyze(text, language="en")}


def test_a_national_id_after_personal_no_or_tax_id_is_masked(analyzer):
    assert ("NATIONAL_ID", "726840154") in _types(analyzer, "personal no. 726840154\n")
    assert ("NATIONAL_ID", "86095742719") in _types(analyzer, "tax id 86095742719")


def test_a_list_item_ending_in_a_street_suffix_does_not_take_the_next_items_number(analyzer):
    assert not any(kind == "STREET_ADDRESS" for kind, _ in _types(analyzer, "Agenda:\n1. Roadmap\n2. Hiring\n3. Budget\n"))
    assert ("STREET_ADDRESS", "Musterstraße 12") in {(k, v[:15]) for k, v in _types(analyzer, "Musterstraße 12, 10115 Berlin")}


@pytest.mark.parametrize("typed, value", [
    ("Hey Mason -\nfollowing up on the vendor review from last week.\n", "Mason"),
    ("the invoice is attached.\n\nThanks,\nHunter\n", "Hunter"),
    ("Pastor Mason - 694 04 69 49\n", "694 04 69 49"),
    ("personal no. 726840154\n", "726840154"),
    ("check with Grace about it\n", "Grace"),
    ("TODO: email Nnamdi the invoice\n", "Nnamdi"),
    ("- follow up w/ Oyelaran re contract\n", "Oyelaran"),
])
def test_typed_names_phones_and_ids_are_gone_from_the_record(detector, analyzer_settings, policy, typed, value):
    assert value not in written_text(detector, analyzer_settings, policy, keystrokes(typed, app="Notes"))


@pytest.mark.parametrize("typed", [
    "Hi Team,\n\nthe deploy is done. Monday works for me.\n",
    "Will do, thanks!\nMark as done once the PR is merged.\n",
    "Best,\nThe platform team\n",
    "Will check with Legal and get back.\n",
    "Call the API with the new token.\nEmail Jira admins about it.\n",
])
def test_typed_work_keeps_its_words(detector, analyzer_settings, policy, typed):
    assert written_text(detector, analyzer_settings, policy, keystrokes(typed, app="Notes")) == typed.replace("\n", "")


@pytest.mark.slow
def test_pipeline_run_masks_a_greeted_name_and_keeps_a_teams_greeting(tmp_path, monkeypatch, policy):
    from pipeline.run import main

    records = [keystrokes("Hey Mason -\nthe deck is in the folder\n", record_id="greeted", app="Notes"),
               keystrokes("Hi Team,\n\nthe deck is in the folder\n", record_id="team", app="Notes")]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    kept = tmp_path / "policy.yaml"
    kept.write_text(json.dumps(categories_kept(policy).model_dump(mode="json")))
    monkeypatch.setenv("REDACT_PSEUDONYM_KEY", KEY.decode())
    handlers = list(logging.getLogger().handlers)
    try:
        code = main(["--input", str(source), "--output", str(tmp_path / "out"), "--policy", str(kept),
                     "--runner=FnApiRunner"])
    finally:
        logging.getLogger().handlers[:] = handlers
    assert code == 0
    docs = {d["record_id"]: d for part in (tmp_path / "out" / "sanitized").glob("part-*")
            for d in map(json.loads, part.read_text().splitlines())}
    typed = {rid: "".join(e.get("key", "") if len(e.get("key", "")) == 1 else "" for e in doc["events"])
             for rid, doc in docs.items()}
    assert "Mason" not in typed["greeted"] and "thedeckisinthefolder" in typed["greeted"].replace(" ", "")
    assert typed["team"].startswith("Hi Team,")
