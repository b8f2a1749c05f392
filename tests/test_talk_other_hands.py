"""Transcripts as other generators write them: chats in other languages, names alone in a turn or after
a greeting in another language, handles in a chat export, numbers said with fillers or given alone."""
from __future__ import annotations

import re

import pytest

from tests.conftest import transcript, written_text


def _still(value: str, written: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", written) is not None


# (turns, values that must be gone, words that must stay)
GONE = [
    (["merci Régulo"], ["Régulo"], ["merci"]),
    (["dziękuję Calixto"], ["Calixto"], []),
    (["bedankt Evie, tot morgen"], ["Evie"], []),
    (["zapytaj Konrad o ten ticket"], ["Konrad"], ["ticket"]),
    (["Jaruthip ha detto che il ticket è chiuso"], ["Jaruthip"], []),
    (["Falak here, running 5 min late"], ["Falak"], ["running", "late"]),
    (["sounds good", "Marcia"], ["Marcia"], ["sounds", "good"]),
    (["on it", "👋 Delia"], ["Delia"], ["on", "it"]),
    (["Chelsey - can you review?"], ["Chelsey"], ["review"]),
    (["sounds good", "Olavi - Can you review?"], ["Olavi"], ["review"]),
    (["Summarise this Slack export:\n[17:35] mika.partanen: deploy is done\n[10:10] aytöz.bilir: lgtm"],
     ["mika.partanen", "aytöz.bilir"], ["Summarise", "deploy"]),
    (["[15:43] KWAME42: deploy is done\n[15:44] dion.koning: ok"], ["KWAME42", "dion.koning"], ["deploy"]),
    (["@승민 can you take a look"], ["승민"], ["look"]),
    (["mitt personnummer är 531118-3395"], ["531118-3395"], []),
    (["meine Steuer-ID ist 13778633034"], ["13778633034"], []),
    (["can you send me your member number?", "sure one sec", "97837522155"], ["97837522155"], ["sure"]),
    (["what's the account?", "12 3456 7890 1234 5678 9012 3456"], ["3456", "9012"], []),
    (['{"assigned_to":"ngozi.eze","author":"ana.lima","state":"open"}'], ["ngozi.eze", "ana.lima"], ["open"]),
    (["cześć, mój numer to 889 406 642"], ["889 406 642"], []),
    (["¿Emigdio sigue de vacaciones?"], ["Emigdio"], ["vacaciones"]),
    (["Jen is handling it"], ["Jen"], ["handling"]),
    (["sounds good", "thanks Mira", "Mira is out today"], ["Mira"], ["thanks"]),
    (["sounds good", "Dai: can you look at the logs"], ["Dai"], ["logs"]),
]


@pytest.mark.parametrize("turns, gone, kept", GONE, ids=[f"gone-{i}" for i in range(len(GONE))])
def test_the_real_detector_masks_what_other_generators_write_and_keeps_the_words_around(
        detector, analyzer_settings, policy, turns, gone, kept):
    written = written_text(detector, analyzer_settings, policy, transcript(*turns))
    assert [value for value in gone if _still(value, written)] == []
    assert [word for word in kept if not _still(word, written)] == []


# Lookalikes: the same shapes with no one in them.
KEPT = [
    (["merci à tous"], ["merci", "tous"]),
    (["obrigado pessoal"], ["obrigado", "pessoal"]),
    (["grazie mille per la review"], ["mille", "review"]),
    (["the docs are here"], ["docs", "here"]),
    (["ok", "Done ✅"], ["Done"]),
    (["ok", "Docker 👍"], ["Docker"]),
    (["Update - the build is green"], ["Update", "build"]),
    (["@here standup in 5"], ["here", "standup"]),
    (["10:03 build: passed\n10:04 INFO: started"], ["build", "INFO", "passed"]),
    (["ok", "20240518", "that's the build date"], ["20240518"]),
    (["ok", "2024-05-18", "that's the build date"], ["2024-05-18"]),
    (["ok", "18-05-2024"], ["18-05-2024"]),
    (["ok", "1234", "fine"], ["1234"]),
    (["uh the build number is five five two, uh, one one"], ["five", "build"]),
    (["I have five, um, six tickets open"], ["five", "six"]),
    (["the order number is 889 406 642"], ["889 406 642"]),
    (["oye, the deploy is green"], ["oye", "deploy"]),
    (["the team pushed the fix"], ["team", "pushed"]),
]


@pytest.mark.parametrize("turns, kept", KEPT, ids=[f"kept-{i}" for i in range(len(KEPT))])
def test_the_real_detector_leaves_lookalikes_of_those_shapes(detector, analyzer_settings, policy, turns, kept):
    written = written_text(detector, analyzer_settings, policy, transcript(*turns))
    assert [word for word in kept if not _still(word, written)] == []


@pytest.mark.parametrize("text, digits", [
    ("my number is five three nine uh, five seven two um zero seven seven four", "5395720774"),
    ("account number four two zero um zero four seven", "420047"),
])
def test_a_filler_between_spoken_digits_stays_inside_the_run(normalizer, text, digits):
    view = normalizer.view(text)
    assert view is not None and digits in view.text


def test_spoken_digits_with_too_few_digits_around_a_filler_get_no_view(normalizer):
    assert normalizer.view("I have five, um, six tickets open") is None


def test_a_filler_alone_between_words_is_no_digit_run(normalizer):
    view = normalizer.view("uh one thing, um, before we start")
    assert view is None or "um" in view.text


PASTED = [
    ('Triage these:\n{"assigned_to": "ngozi.eze", "status": "open"}', ["ngozi.eze"], ["status", "open"]),
    ("author: ana.lima\ntitle: fix the build", ["ana.lima"], ["title", "build"]),
    ("numer konta 12 3456 7890 1234 5678 9012 3456", ["3456", "9012"], ["konta"]),
]


@pytest.mark.parametrize("text, gone, kept", PASTED, ids=[f"pasted-{i}" for i in range(len(PASTED))])
def test_the_real_detector_masks_people_keys_and_long_accounts_in_a_pasted_prompt(
        detector, analyzer_settings, policy, text, gone, kept):
    written = written_text(detector, analyzer_settings, policy, transcript(text, source="ai_prompt"))
    assert [value for value in gone if _still(value, written)] == []
    assert [word for word in kept if not _still(word, written)] == []


def test_a_people_key_whose_value_is_no_one_stays(detector, analyzer_settings, policy):
    written = written_text(detector, analyzer_settings, policy,
                           transcript('{"author": "unknown", "assigned_to": "none"}', source="ai_prompt"))
    assert _still("unknown", written) and _still("none", written)


def _chat(*turns: tuple[str, str]) -> dict:
    record = transcript(*(text for _, text in turns))
    for segment, (speaker, _) in zip(record["segments"], turns):
        segment["speaker"] = speaker
    return record


def test_a_speakers_nick_with_digits_is_masked_where_another_turn_names_it(detector, analyzer_settings, policy):
    written = written_text(detector, analyzer_settings, policy,
                           _chat(("bjrohan", "zykotick9 there is nothing in my fstab"), ("zykotick9", "are you on unity?")))
    assert not _still("zykotick9", written) and _still("fstab", written)


def test_a_numbered_role_as_speaker_leaves_the_same_word_in_the_text(detector, analyzer_settings, policy):
    written = written_text(detector, analyzer_settings, policy,
                           _chat(("user1", "the user1 account has no quota"), ("guest3", "ok the guest3 wifi works")))
    assert _still("user1", written) and _still("guest3", written)


def test_a_role_word_with_more_digits_than_a_role_number_is_a_nick(detector, analyzer_settings, policy):
    written = written_text(detector, analyzer_settings, policy,
                           _chat(("user1984", "ask user1984 about the quota"), ("agent007", "agent007 will check it")))
    assert not _still("user1984", written) and not _still("agent007", written) and _still("quota", written)
