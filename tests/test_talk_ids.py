"""Identifiers people say, paste and type in conversation: codes, passwords, handles, bank and national ids."""
from __future__ import annotations

import re

import pytest

from models.engine import RegexTimedOut
from models.recognizers.config import recognizer_data
from models.recognizers.pattern_sets import pattern_set_recognizers
from tests.conftest import keystrokes, transcript, written_text


def _still(value: str, written: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", written) is not None


# (text, values that must be gone, words that must stay)
SAID = [
    ("OTP 110863", ["110863"], ["OTP"]),
    ("verification code 533 561 thx", ["533 561"], ["verification", "thx"]),
    ("the code they texted me is 022557", ["022557"], ["texted"]),
    ("the code for the door is 5154", ["5154"], ["door"]),
    ("ok pin's 6300 lmk", ["6300"], ["lmk"]),
    ("the gate code is 2019 thx", ["2019"], ["gate", "thx"]),  # a year given as the code is the code
    ("alarm code: 1984 ok", ["1984"], ["alarm", "ok"]),
    ("temp password dRkSC5DnAq", ["dRkSC5DnAq"], ["temp", "password"]),
    ("new pw Seem25@ for the vpn", ["Seem25@"], ["vpn"]),
    ("admin pass NxDj$HWr(DS89LA thanks", ["NxDj$HWr(DS89LA"], ["admin", "thanks"]),
    ("login with outside446 as the password", ["outside446"], ["login", "password"]),
    ("use this key: 5d35c729c5eb57c1912284a95c351b63.", ["5d35c729c5eb57c1912284a95c351b63"], ["use", "key"]),
    ("my gamertag is vpineda08", ["vpineda08"], ["gamertag"]),
    ("twitter handle jedwards", ["jedwards"], ["twitter", "handle"]),
    ("discord is brown_70, got it?", ["brown_70"], ["discord", "got"]),
    ("add me, I'm johntaylor08", ["johntaylor08"], ["add"]),
    ("I'm green_18 on discord", ["green_18"], ["discord"]),
    ("my username's katelyn93", ["katelyn93"], ["username's"]),
    ("my id on the portal is ebrown", ["ebrown"], ["portal"]),
    ("sort code 20-45-77, account number 41992204", ["20-45-77", "41992204"], ["sort", "code"]),
    ("bsb 594-119, acc 359529478 lmk", ["594-119", "359529478"], ["lmk"]),
    ("the account ending with 0702", ["0702"], ["account", "ending"]),
    ("the last four of my social are 0423", ["0423"], ["last", "social"]),
    ("claim # CLM-4200020", ["CLM-4200020"], ["claim"]),
    ("membership # M2794799", ["M2794799"], ["membership"]),
    ("customer ref 20222418", ["20222418"], ["customer"]),
    ("my DL number is D2862766", ["D2862766"], ["number"]),
    ("driving licence number SMITH040544AB9CD", ["SMITH040544AB9CD"], ["driving", "licence"]),
    ("steuerliche Identifikationsnummer 78 503 727 961", ["78 503 727 961"], ["steuerliche"]),
    ("tax file no 930 472 769", ["930 472 769"], ["tax", "file"]),
    ("BSN nummer 364854297", ["364854297"], ["BSN"]),
    ("they sent code 900 945", ["900 945"], ["sent", "code"]),
    ("the passcode's t)30OEHbA0W.", ["t)30OEHbA0W"], ["passcode's"]),
    ("resident reg no 900614-1610516", ["900614-1610516"], ["resident"]),
    ("add me on discord acollins okay", ["acollins"], ["discord", "okay"]),
    ("username garcia.heather thanks", ["garcia.heather"], ["username", "thanks"]),
]
SAID_ALOUD = [
    ("the gate code is four three six six six one", ["four three six six six one"], ["gate", "code"]),
    ("verification code eight eight three four four eight thanks", ["eight eight three four four eight"], ["thanks"]),
    ("bsb eight nine one one six six, acc seven four one three triple nine six nine",
     ["eight nine one one six six", "seven four one three triple nine six nine"], ["bsb"]),
    ("the card ending in four four one seven", ["four four one seven"], ["card", "ending"]),
    ("passport number is november five three two six eight zero eight six",
     ["november five three two six eight zero eight six"], ["passport"]),
    ("yeah so PIN oh double seven double five, got it?", ["oh double seven double five"], ["PIN", "got"]),
    ("PAN N y as in yellow uniform charlie S four three seven nine charlie thanks",
     ["N", "yellow", "uniform", "charlie", "four"], ["PAN", "thanks"]),
]
# Ordinary talk around the same words: nothing in it is anyone's.
TALK = [
    "add me on slack thx", "ping me, I'm around later", "I'm online on discord now", "discord is down again",
    "the handle is broken", "user 12 reported it", "the code is 40 lines", "exit code 1603", "error code is 5001",
    "pin 13 on the board", "use version 2.4.1 as the baseline", "password reset link expired",
    "the key is in the drawer", "token limit is 4096", "ending in a tie 2-1", "last 4 sprints took 2026 hours",
    "license MIT 2.0", "policy 2024 renewal", "the combination of 4 flags", "code review at 1430",
    "the OTP expired after 300 seconds", "2fa is enabled for 1200 users", "the last four digits are missing",
    "fyi code 1603 again thx", "add me on linkedin, got it?", "add me on slack thx",
]


@pytest.mark.parametrize("where", ["voice", "chat", "typed"])
@pytest.mark.parametrize("text, gone, kept", SAID, ids=[text[:28] for text, _, _ in SAID])
def test_the_real_detector_masks_ids_given_in_talk_and_keeps_the_words_around_them(
        detector, analyzer_settings, policy, where, text, gone, kept):
    raw = keystrokes(text, app="Slack") if where == "typed" else transcript(text, source=where)
    written = written_text(detector, analyzer_settings, policy, raw)
    assert [value for value in gone if _still(value, written)] == []
    assert all(_still(word, written) for word in kept)


@pytest.mark.parametrize("text, gone, kept", SAID_ALOUD, ids=[text[:28] for text, _, _ in SAID_ALOUD])
def test_digits_read_out_are_masked_as_the_number_they_spell(detector, analyzer_settings, policy, text, gone, kept):
    written = written_text(detector, analyzer_settings, policy, transcript(text, source="voice"))
    assert [value for value in gone if _still(value, written)] == []
    assert all(_still(word, written) for word in kept)


@pytest.mark.parametrize("text", TALK)
def test_the_same_words_in_ordinary_talk_stay(detector, analyzer_settings, policy, text):
    assert written_text(detector, analyzer_settings, policy, transcript(text, source="chat")) == text


@pytest.mark.parametrize("text", ["code is " * 12_000, "add me, I'm " * 8_000, "last four of my " * 8_000,
                                  "password " * 12_000, "my id on the " * 8_000, "use x as the " * 8_000,
                                  "DL number " * 10_000, "1234 " * 20_000])
def test_hostile_talk_is_scanned_in_linear_time(analyzer, text):
    recognizers = pattern_set_recognizers(recognizer_data(), frozenset())
    try:
        for recognizer in recognizers:
            recognizer.analyze(text, recognizer.supported_entities, None)
    except RegexTimedOut:
        pytest.fail("a regular expression timed out")
