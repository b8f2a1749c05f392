"""Identifiers people state in speech and chat (issue 15, evaluation/probe_talk_intents.py): a login after
"my user id is uh", "the login they gave me was", "identifiant c'est"; a handle with its platform in
other languages; a password after a cue of another language or "the password I gave you is"; what
someone typed for a PIN; a phone number after "call me at"; a place after "based in"; speakers' names of
pasted chat lines in any script. Each with ordinary work chat that must stay, on the real detector."""
from __future__ import annotations

import re

import pytest

from models.recognizers.config import SpeakerLabels, recognizer_data
from models.recognizers.speaker_label import SpeakerLabelRecognizer
from tests.conftest import transcript, written_text


def _still(value: str, written: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", written) is not None


GONE = [
    ("um so my user id is uh tomasz_kowal81 i think", "tomasz_kowal81"),
    ("the login they gave me was pbergstrom but it doesn't work", "pbergstrom"),
    ("Agent confirmed the user name as hnakamura.", "hnakamura"),
    ("mon identifiant c'est lmartineau", "lmartineau"),
    ("mein Benutzername ist jo-weber", "jo-weber"),
    ("sono dario_pic su telegram", "dario_pic"),
    ("yo its frostbyte_ on discord", "frostbyte_"),
    ("follow kestrel42 on twitch, I stream on fridays", "kestrel42"),
    ("mi discord es lunaroja#4521", "lunaroja"),
    ("hey it's mdiallo7 here, locked out again", "mdiallo7"),
    ("that's k-o-w-a-l-s-k-i-7", "k-o-w-a-l-s-k-i-7"),
    ("mot de passe soleil2024", "soleil2024"),
    ("contraseña 7731", "7731"),
    ("the temporary password I sent you is brightfield88", "brightfield88"),
    ("password for the shared inbox harbor-light-17", "harbor-light-17"),
    ("I keep typing maple4417 and it says the password is wrong", "maple4417"),
    ("it's asking for a pin, I typed 8264", "8264"),
    ("call me at 4915112345678", "4915112345678"),
    ("meine Nummer ist 01511 2345678", "01511 2345678"),
    ("phone 4420794600123 x204", "4420794600123"),
    ("the contact number he gave is 261-4409", "261-4409"),
    ("I'm based in Oosterbeek these days", "Oosterbeek"),
    ("um I'm calling from Saint-Genis-Pouilly", "Saint-Genis-Pouilly"),
    ("Simen Rønning: got it\nAda Okafor: thanks, merging now", "Rønning"),
    ("[16:57] Eugenia Dobre\nsounds good to me", "Dobre"),
    ("**Eugenia Dobre** 16:57\nsounds good", "Dobre"),
    ("Đặng Thị Hoa: ok em\nNguyễn Văn An: ok", "Nguyễn"),
    # "is" followed by a colon or dash, a German "lautet", who signed up with it, a number named by its app,
    # a speaker quoted in a reply
    ("my user name is: aoyelaran_5", "aoyelaran_5"),
    ("my login is - pnovak_22", "pnovak_22"),
    ("the username I registered with is aoyelaran_5", "aoyelaran_5"),
    ("passwort lautet Sommer2024", "Sommer2024"),
    ("mein Benutzername lautet jo-weber", "jo-weber"),
    ("my whatsapp number is 612345678", "612345678"),
    ("> Simen Rønning: got it\nthanks", "Rønning"),
]


@pytest.mark.parametrize("text, value", GONE, ids=[t[:32] for t, _ in GONE])
def test_when_an_identifier_is_stated_in_chat_or_speech_then_it_is_masked(detector, analyzer_settings, policy,
                                                                          text, value):
    assert not _still(value, written_text(detector, analyzer_settings, policy, transcript(text)))


KEPT = [
    ("the username field is greyed out on the form", ["username", "greyed"]),
    ("the login they gave me is wrong, can you check", ["login", "wrong"]),
    ("follow the guide on github", ["guide", "github"]),
    ("I'm working on discord integration", ["working", "discord"]),
    ("my number one priority is the migration", ["number", "priority"]),
    ("call me at 5 tomorrow", ["5", "tomorrow"]),
    ("the password for the wifi is on the fridge", ["wifi", "fridge"]),
    ("I typed the password twice", ["typed", "twice"]),
    ("I'm from Finance", ["Finance"]),
    ("we're moving to the new office next month", ["moving", "office"]),
    ("I'm based in Slack most of the day", ["Slack"]),
    ("its python3 again, pinned to 3.11", ["python3"]),
    ("this is build_42 from the nightly job", ["build_42"]),
    ("then login as root and restart nginx", ["root"]),
    ("Username: required", ["Username"]),
    ("Release Notes (16:57): deployed to staging", ["Release", "Notes"]),
    ("[16:57] Deploy Bot\nbuild passed", ["Deploy", "Bot"]),
    ("I tried 2.6.32 and it says the password is wrong", ["2.6.32"]),
    ("the login is: required for the api", ["required"]),
    ("> Build Status: green", ["Build", "Status"]),
    ("my work number is growing, 12 tickets today", ["12", "tickets"]),
]


@pytest.mark.parametrize("text, words", KEPT, ids=[t[:32] for t, _ in KEPT])
def test_when_work_chat_uses_the_cue_words_without_a_value_then_its_words_stay(detector, analyzer_settings, policy,
                                                                               text, words):
    written = written_text(detector, analyzer_settings, policy, transcript(text))
    assert all(_still(word, written) for word in words)


def test_when_a_speaker_label_is_made_of_words_only_then_it_is_no_name():
    recognizer = SpeakerLabelRecognizer(recognizer_data().speaker_labels, {"build", "status", "ada"}.__contains__,
                                        frozenset())
    assert not recognizer.is_name("Build Status")
    assert recognizer.is_name("Ada Okafor")


@pytest.mark.parametrize("text, name", [("Ravi Menon: medication NER recall is 0.72", "Ravi Menon"),
                                        ("Leo Martins 8:58 AM morning all", "Leo Martins")])
def test_when_a_pasted_line_starts_with_its_speaker_then_the_name_is_masked(detector, analyzer_settings, policy,
                                                                           text, name):
    written = written_text(detector, analyzer_settings, policy, transcript(text))
    assert not any(_still(part, written) for part in name.split())


def test_when_a_speaker_form_has_no_name_then_the_file_is_refused():
    rule = recognizer_data().speaker_labels.model_dump()
    with pytest.raises(ValueError):
        SpeakerLabels(**{**rule, "forms": {"no name": "^{time}:"}})


def test_when_a_login_cue_goes_to_a_service_then_the_service_is_no_login(detector, analyzer_settings, policy):
    for text in ("can you login to jira_cloud and check", "switch the handle from slack to teams_v2"):
        written = written_text(detector, analyzer_settings, policy, transcript(text))
        assert _still("jira_cloud" if "jira" in text else "teams_v2", written), text
