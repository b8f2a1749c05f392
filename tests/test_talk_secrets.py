"""Secrets and logins said or pasted without the usual cue: passwords by their shape, codes in groups,
digits and letters read out, passphrases, login/password pairs, directory and git names (issue 15)."""
from __future__ import annotations

import re

import pytest

from models.engine import RegexTimedOut
from models.recognizers.config import recognizer_data
from models.recognizers.pattern_family import pattern_family_recognizers
from tests.conftest import transcript, written_text

FAMILY = [r for r in pattern_family_recognizers(recognizer_data()) if r.name.startswith("SaidAndPastedSecrets")]


def found(text: str) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start:r.end]) for recognizer in FAMILY
            for r in recognizer.analyze(text, recognizer.supported_entities)}


FOUND = [
    ("use Tr0ub4dor&3 for the staging box", "SECRET", "Tr0ub4dor&3"),
    ("c#8Bd1qze@34hG+ gets you into the build vm", "SECRET", "c#8Bd1qze@34hG+"),
    ("root on db-2 is On#298 fyi", "SECRET", "On#298"),
    ("[12:02] <kara> try z+PC6PvM", "SECRET", "z+PC6PvM"),
    ("new one for the shared mailbox: Fin1sh_213", "SECRET", "Fin1sh_213"),
    ("guest wifi: Rainy-day42! ok", "SECRET", "Rainy-day42!"),
    ("le mot de passe est (6nOb)@g", "SECRET", "(6nOb)@g"),
    ("join with x7Kp2QmZ9w today", "SECRET", "x7Kp2QmZ9w"),
    ("serial 3RWRQ-0P0VN-VB7LU-OG076 for the seat", "SECRET", "3RWRQ-0P0VN-VB7LU-OG076"),
    ("keep these: pezn4-hp21m tutzb-qqbm3", "SECRET", "tutzb-qqbm3"),
    ("its four nine nine five six eight for the side door", "SECRET", "four nine nine five six eight"),
    ("ok so password w five c nine capital b l six oscar lima", "SECRET", "w five c nine capital b l six oscar lima"),
    ("the passphrase is teacher result amount study", "SECRET", "teacher result amount study"),
    ("u: svanorsdottira p: Impact&147", "SECRET", "Impact&147"),
    ("u: svanorsdottira p: Impact&147", "USERNAME", "svanorsdottira"),
    ("creds are filip20 / hunter22", "USERNAME", "filip20"),
    ("acct anna.wallgren / pwd Summer", "USERNAME", "anna.wallgren"),
    ("user ilmari71 pass What391", "SECRET", "What391"),
    ("dn: uid=castos,ou=people,dc=corp,dc=example", "USERNAME", "castos"),
    ("CN=kyle.campbell,OU=Users,DC=corp,DC=local", "USERNAME", "kyle.campbell"),
    ("Merge pull request #412 from elisar/fix-login", "USERNAME", "elisar"),
    ("remote: Permission to acme/infra.git denied to zsetty.", "USERNAME", "zsetty"),
    ("sudo: aron-devries is not in the sudoers file.", "USERNAME", "aron-devries"),
    ('{\n  "host": "db.internal",\n  "user": "singhe"\n}', "USERNAME", "singhe"),
]


@pytest.mark.parametrize("text, entity, value", FOUND, ids=[f"{t[:30]}-{e}" for t, e, _ in FOUND])
def test_when_a_secret_or_login_is_said_or_pasted_then_it_is_found(text, entity, value):
    assert (entity, value) in found(text)


# Hard negatives: words, code and identifiers that look like these values and are none.
KEPT = [
    "reset your password in settings", "the password policy needs 12 characters and a symbol",
    "call get_token() before the request", "fixed in commit 3f9a1c2 on main, see PR#412 and issue#12",
    "see PLAT-2231 and 2026-03-02 and 123e4567-e89b-12d3-a456-426614174000", "bumped to version 2.14.3, python3!",
    "press Ctrl+F5 or Cmd+Shift+R", "ping jdoe@build01 about react@^18.2.0", "mail ana.lima@example.com",
    "echo $HOME2 and $PATH", "the door was open so i didn't need the code", "one or two of them, maybe three",
    "the passphrase is too short", "the login page / password reset flow is broken", "curl -u flag takes user colon password",
    '{"user": "postgres", "author": "unknown"}', "CN and OU fields are mandatory in the cert request",
    "iPhone15Pro and S3Bucket2 and EC2Instance1", "see Fig.12 and No.12", "build-main and fix-login",
    "the hotel in lima was great", "the account ending with 0702",
]


@pytest.mark.parametrize("text", KEPT, ids=[t[:30] for t in KEPT])
def test_when_text_only_looks_like_a_secret_or_login_then_nothing_is_found(text):
    assert found(text) == set()


def test_a_symbol_ending_a_sentence_does_not_make_a_word_a_password():
    assert found("we moved to Python3! yay") == set()
    assert ("SECRET", "Python3!x") in found("the key is Python3!x")


@pytest.mark.parametrize("unit", ["a1#", "Aa1", "one ", "capital a ", "u: x p: ", "ab1cd-", "passphrase is word ",
                                  "user jdoe / ", "uid=a,", '"user": "', "Ab_", "a b "])
def test_each_pattern_scans_8000_crafted_characters_within_the_regex_timeout(unit):
    text = (unit * (8000 // len(unit) + 1))[:8000]
    try:
        for recognizer in FAMILY:
            recognizer.analyze(text, recognizer.supported_entities)
    except RegexTimedOut:
        pytest.fail("a pattern of the family timed out on a crafted repeat")


def _still(value: str, written: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", written) is not None


def test_the_real_detector_masks_said_and_pasted_secrets_and_keeps_the_talk(detector, analyzer_settings, policy):
    record = transcript("anyone have the creds for the old grafana?", "use Tr0ub4dor&3 for the staging box",
                        "and the guest one?", "it's the same as before but with a 7 at the end",
                        "u: svanorsdottira p: Impact&147", source="chat")
    written = written_text(detector, analyzer_settings, policy, record)
    assert not [v for v in ("Tr0ub4dor&3", "Impact&147", "svanorsdottira") if _still(v, written)]
    assert "it's the same as before but with a 7 at the end" in written
    assert "anyone have the creds for the old grafana?" in written
    voice = transcript("yeah the door code is four nine nine five six eight then the green button",
                       "the passphrase is teacher result amount study", source="voice")
    said = written_text(detector, analyzer_settings, policy, voice)
    assert "four nine nine five" not in said and "teacher result amount" not in said
    assert "the green button" in said


def test_a_type_name_after_a_login_key_is_no_login_and_a_login_is(analyzer, analyzer_settings):
    def logins(text: str) -> set[str]:
        return {text[r.start:r.end] for r in analyzer.analyze(text=text, language="en",
                                                              score_threshold=analyzer_settings.score_threshold)
                if r.entity_type == "USERNAME"}

    assert "str" not in logins("user_id: int\nusername: str")
    assert "jdoe42" in logins("username: jdoe42")


SAID_SECRETS_IN_CODE_SHAPES = [
    ("the wifi password is Purple.Monkey.Dishwasher", "Purple.Monkey.Dishwasher"),
    ("password: correct.horse.battery.staple", "correct.horse.battery.staple"),
    ("the password is Tiger.Lily", "Tiger.Lily"),
    ("db_password: Purple.Monkey.Dishwasher", "Purple.Monkey.Dishwasher"),
    ("password: Passw0rd(!)", "Passw0rd(!)"),
    ("password: abc123[xyz]", "abc123[xyz]"),
    ("the password is Summer(2024) now", "Summer(2024"),
    ("password: pass(word)1", "pass(word)1"),
]


@pytest.mark.parametrize("text, value", SAID_SECRETS_IN_CODE_SHAPES, ids=[t for t, _ in SAID_SECRETS_IN_CODE_SHAPES])
def test_a_password_with_dots_or_brackets_is_still_a_secret_and_code_is_not(analyzer, analyzer_settings, text, value):
    def secrets(said: str) -> set[str]:
        return {said[r.start:r.end] for r in analyzer.analyze(text=said, language="en",
                                                              score_threshold=analyzer_settings.score_threshold)
                if r.entity_type == "SECRET"}

    assert any(value in secret for secret in secrets(text))
    # (not "password = settings.API_KEY": the rule for a value right after the word "password" does not tell code)
    for code in ('password = os.environ["DB_PASSWORD"]', "password: process.env.X", "password = config.db.password",
                 "db_pass = self.password", "password = getpass()", "password: str"):
        assert secrets(code) == set(), code


def test_login_to_a_service_names_no_login_and_a_polish_login_cue_does(analyzer, analyzer_settings):
    def logins(text: str) -> set[str]:
        return {text[r.start:r.end] for r in analyzer.analyze(text=text, language="en",
                                                              score_threshold=analyzer_settings.score_threshold)
                if r.entity_type == "USERNAME"}

    for text in ("can you login to jira and check", "login to staging.acme.io first", "the handle to grab is red"):
        assert logins(text) == set(), text
    assert "jkowalski" in logins("mój login to jkowalski")
    assert "jkowalski" in logins("nazwa użytkownika to jkowalski")
