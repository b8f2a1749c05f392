"""Review of the issue-15 text rules: a nick thanked in another language or written word_number, a number that
an order, case or room owns (no phone), and an app greeted by name (no person)."""
from __future__ import annotations

import pytest

from models.recognizers.mention import MentionRecognizer
from models.recognizers.national_phone import NationalPhoneRecognizer
from models.recognizers.salutations import Salutations


@pytest.fixture(scope="module")
def mentions(analyzer) -> MentionRecognizer:
    return next(r for r in analyzer.registry.recognizers if r.name == "MentionRecognizer")


@pytest.fixture(scope="module")
def phones(analyzer) -> NationalPhoneRecognizer:
    return next(r for r in analyzer.registry.recognizers if r.name == "NationalPhoneRecognizer")


@pytest.mark.parametrize("text, value", [
    ("gracias pepito_88", "pepito_88"), ("dzięki kowal_pl", "kowal_pl"), ("obrigado joao_s, funcionou", "joao_s"),
    ("tack svenne_k", "svenne_k"), ("merci jdupont_ pour le patch", "jdupont_"),
    ("hey nick_42", "nick_42"), ("nick_42 wants the logs", "nick_42"), ("yo greta-77", "greta-77")])
def test_a_nick_thanked_in_another_language_or_written_with_its_number_is_found(mentions, text, value):
    assert value in {text[r.start:r.end] for r in mentions.analyze(text, ["USERNAME"])}


@pytest.mark.parametrize("text", ["merci beaucoup", "grazie mille", "danke sehr", "kiitos paljon", "gracias amigo",
                                  "tack mycket", "thanks node_18", "hey python_3"])
def test_what_follows_a_thanks_in_another_language_or_a_things_number_stays(mentions, text):
    assert mentions.analyze(text, ["USERNAME"]) == []


@pytest.mark.parametrize("text", [
    "order number 123 456 789", "Order number: 123 456 789", "Order no.: 123 456 789",
    "case number: 0012 3456 789", "Room: 101 102 103", "Sprint 12 - 100 200 300",
    "the API call took 123 456 789 cycles"])
def test_a_number_an_order_a_case_or_a_room_owns_is_no_phone(phones, text):
    assert phones.analyze(text, ["PHONE_NUMBER"]) == []


@pytest.mark.parametrize("text, number", [
    ("call 612 34 56 78", "612 34 56 78"), ("number: 612 34 56 78", "612 34 56 78"),
    ("Ana Lima - 612 34 56 78", "612 34 56 78"), ("order 5512 shipped, call me on 612 34 56 78", "612 34 56 78"),
    ("Direct line: 886 237 634", "886 237 634"), ("M: 886 237 634", "886 237 634")])
def test_a_phone_after_its_own_cue_or_label_is_still_found(phones, text, number):
    assert number in {text[r.start:r.end] for r in phones.analyze(text, ["PHONE_NUMBER"])}


def _greeted(text: str) -> list[str]:
    rule = Salutations(["hi", "hey", "thanks"], ["thanks", "cheers"], frozenset({"team"}), frozenset(), 3,
                       frozenset({"github", "docker", "copilot", "jenkins"}))
    return [text[start:end] for start, end in rule.names(text)]


@pytest.mark.parametrize("text", ["Thanks GitHub!", "Hi Docker,", "Thanks Copilot", "thanks Jenkins!",
                                  "Cheers,\nGitHub"])
def test_an_app_or_tool_greeted_alone_is_no_name(text):
    assert _greeted(text) == []


@pytest.mark.parametrize("text, name", [("Hi Mason, quick one", "Mason"), ("Hey Ana Docker -", "Ana Docker"),
                                        ("Cheers,\nGrace", "Grace")])
def test_a_person_greeted_is_still_a_name(text, name):
    assert _greeted(text) == [name]


@pytest.mark.parametrize("text, app", [("Thanks Copilot", "Copilot"), ("Hi Docker, the build is red", "Docker"),
                                       ("thanks Jenkins!", "Jenkins")])
def test_the_detector_keeps_an_app_greeted_by_name(analyzer, text, app):
    start = text.index(app)
    assert [r for r in analyzer.analyze(text=text, language="en", score_threshold=0.4)
            if r.start < start + len(app) and start < r.end] == []


@pytest.mark.parametrize("text", ["Shall i come to get pickle", "Oops , cancel that .", "Aight no rush, I'll ask jay",
                                  "Wot u up 2 u weirdo?", "Haf u found him?", "Ok lar i double check",
                                  "Realy sorry-i don't recognise this number", "Whatsup there. Dont u want to sleep"])
def test_texting_words_that_open_a_message_are_no_addressee(mentions, text):
    assert mentions.analyze(text, ["USERNAME"]) == []


def test_a_nick_opening_a_text_message_is_still_found(mentions):
    text = "Yetunde i'm in class can you not run water on it"
    assert "Yetunde" in {text[r.start:r.end] for r in mentions.analyze(text, ["USERNAME"])}


@pytest.mark.parametrize("text, word", [("it's called openssh-server", "openssh-server"),
                                        ("there's a tool called ripgrep for that", "ripgrep"),
                                        ("write to stdout", "stdout"), ("pipe it and send to logstash", "logstash")])
def test_a_thing_named_called_or_written_to_is_no_person(analyzer, text, word):
    start = text.index(word)
    assert [r.entity_type for r in analyzer.analyze(text=text, language="en", score_threshold=0.4)
            if r.start < start + len(word) and start < r.end] == []


@pytest.mark.parametrize("text, name", [("call oyelaran re contract", "oyelaran"), ("reply to jdoe", "jdoe")])
def test_a_person_to_contact_in_a_note_is_still_found(analyzer, text, name):
    start = text.index(name)
    assert [r for r in analyzer.analyze(text=text, language="en", score_threshold=0.4)
            if r.start <= start and start + len(name) <= r.end]
