"""Phone numbers in other countries' formats and chat addressees: positives and hard negatives on
the recognizers alone, then through the real analyzer built from the shipped data."""
from __future__ import annotations

import pytest
import spacy

from models.config_files import ConfigFileError
from models.engine import english_word_test, locate_model
from models.recognizers.addressee import AddresseeRecognizer
from models.recognizers.config import load_recognizer_data
from models.recognizers.national_phone import NationalPhoneRecognizer


@pytest.fixture(scope="module")
def data():
    return load_recognizer_data()


@pytest.fixture(scope="module")
def phones(data) -> NationalPhoneRecognizer:
    return NationalPhoneRecognizer(data.national_phones)


@pytest.fixture(scope="module")
def addressees(data, analyzer_settings) -> AddresseeRecognizer:
    nlp = spacy.load(locate_model(analyzer_settings.model_name))
    return AddresseeRecognizer(data.addressees, english_word_test(nlp), frozenset(["jira", "slack"]))


def _found(recognizer, text: str, entity: str) -> list[str]:
    return [text[r.start:r.end] for r in recognizer.analyze(text, [entity])]


@pytest.mark.parametrize("text, number", [
    ("Mobile: 0741 386 973", "0741 386 973"),             # GB mobile
    ("ring 030 1234567 after lunch", "030 1234567"),       # DE, Berlin
    ("tel. 06 12 34 56 78", "06 12 34 56 78"),              # FR mobile
    ("+81 3-1234-5678 is the Tokyo desk", "+81 3-1234-5678"),
    ("Laukkanen, Arja\t08802604108", "08802604108"),       # a table row
    ("(028)9018553", "(028)9018553"),
    ("Phone\n+62-50-956-1110", "+62-50-956-1110"),         # possible, and the text names a phone
])
def test_a_phone_number_in_its_countrys_format_is_found(phones, text, number):
    assert _found(phones, text, "PHONE_NUMBER") == [number]


@pytest.mark.parametrize("text", [
    "build 2026.12.06.1450 shipped", "upgraded to v1.2.3.4", "order 0001234567 shipped", "ping 10.0.0.12",
    "total $1,234,567.00", "2026-12-06 14:30:05 INFO done", "INV-0034-2231", "id 000000000123",
    "ratio 0.1234567891", "12:30 - 14:00 - 16:30", "+62-50-956-1110 rows",
])
def test_numbers_that_are_no_phone_anywhere_are_not_found(phones, text):
    assert _found(phones, text, "PHONE_NUMBER") == []


@pytest.mark.parametrize("text", [
    "ISBN 978 0 306 40615 7", "ISBN-10: 0 306 40615 2", "isbn: 978-0-306-40615-7", "see 978 0 306 40615 7 p. 12",
])
def test_a_book_number_after_its_cue_or_with_a_valid_isbn13_check_digit_is_no_phone(phones, text):
    assert _found(phones, text, "PHONE_NUMBER") == []


def test_a_phone_beside_a_book_number_is_still_found(phones):
    assert _found(phones, "Mobile: 0741 386 973 (ISBN 978 0 306 40615 7)", "PHONE_NUMBER") == ["0741 386 973"]


def test_an_unknown_phone_region_fails_naming_the_key(tmp_path):
    text = open("models/data/recognizers.yaml", encoding="utf-8").read().replace("regions: [GB,", "regions: [XX, GB,")
    path = tmp_path / "recognizers.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigFileError, match="national_phones.regions.*XX"):
        load_recognizer_data(path)


@pytest.mark.parametrize("text, handle", [
    ("Seveas: I use debian on my workstation", "Seveas"),
    ("rikva, thanks", "rikva"),
    ("ok then\n\nthoreauputic: !info only searches packages", "thoreauputic"),
    ("dmitri: can you cover the on-call?", "dmitri"),
])
def test_a_message_addressed_to_a_handle_that_is_no_word_masks_the_handle(addressees, text, handle):
    assert _found(addressees, text, "USERNAME") == [handle]


@pytest.mark.parametrize("text", [
    "Thanks, Ana", "Update: the build is green", "NOTE: read-only", "lol, no", "btw: deploy at 5", "pw: correcthorsebatterystaple", "pwd: hunter",
    "Jira: Board", "Slack, again", "systemd: started\nnginx: reloaded",
    "line one\nzsh: command not found: foo",  # a terminal's later line, not a message
    "Hi there", "Seveas is on the channel",
])
def test_words_apps_chat_words_capitals_and_later_lines_are_no_addressees(addressees, text):
    assert _found(addressees, text, "USERNAME") == []


def test_the_analyzer_built_from_the_shipped_files_finds_both(analyzer):
    text = "Seveas: call me on 0741 386 973 after the standup"
    found = {(r.entity_type, text[r.start:r.end]) for r in analyzer.analyze(text=text, language="en")}
    assert {("USERNAME", "Seveas"), ("PHONE_NUMBER", "0741 386 973")} <= found


@pytest.mark.parametrize("text, number", [
    ("Best,\nMaria Lopez\nSenior Analyst | Acme\n550 555 9312\nmaria@acme.example", "550 555 9312"),
    ("name,email,phone\nAna Lima,ana@x.example,593.555.5531", "593.555.5531"),
    ("my cell is 550-555-9312 if anything breaks", "550-555-9312"),
])
def test_a_north_american_number_that_is_a_field_or_named_a_phone_is_found_area_code_in_use_or_not(
        phones, text, number):
    assert number in _found(phones, text, "PHONE_NUMBER")


@pytest.mark.parametrize("text", [
    "order 550 555 9312 shipped today", "build 550.555.9312 is green", "550 555 93120", "550 555-9312 in prose",
])
def test_a_north_american_shape_in_prose_without_a_phone_cue_or_mixed_separators_is_left(phones, text):
    assert _found(phones, text, "PHONE_NUMBER") == []


def test_the_analyzer_masks_a_signature_line_number_whose_area_code_is_not_in_use(analyzer):
    text = "Thanks,\nMaria Lopez\n550 555 9312"
    found = {(r.entity_type, text[r.start:r.end]) for r in analyzer.analyze(text=text, language="en")}
    assert ("PHONE_NUMBER", "550 555 9312") in found
