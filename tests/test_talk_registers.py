"""Identifiers in the registers of pasted and spoken talk: log lines, env files, IRC logs, meeting and chat-export
timestamps, support chats that ask for a number in one turn and get it in the next, codes and keys shared in chat."""
from __future__ import annotations

import re

import pytest

from models.engine import RegexTimedOut
from models.recognizers.config import recognizer_data
from models.recognizers.pattern_family import pattern_family_recognizers
from tests.conftest import transcript, written_text


def _still(value: str, written: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", written) is not None


# (turns, values that must be gone, words that must stay)
PASTED_AND_SAID = [
    (["2024-05-02 11:04:17 WARN auth: failed login for user=imller47 from 10.2.3.4 (attempt 3)"], ["imller47"],
     ["WARN", "failed", "attempt"]),
    (['psycopg2.OperationalError: FATAL: password authentication failed for user "ana.lima"'], ["ana.lima"],
     ["FATAL", "authentication"]),
    (["fix this please\nDB_HOST=db.internal\nDB_USER=witkama\nPORT=5432"], ["witkama"], ["DB_HOST", "PORT"]),
    (["<JaneD> anyone seen the build break?\n<c_jepsen> yeah, reverting"], ["JaneD", "c_jepsen"], ["build", "reverting"]),
    (["[10:02] <@frost_byte> ok deploying"], ["frost_byte"], ["deploying"]),
    (["new hire starts monday, gh: u_akay"], ["u_akay"], ["hire", "monday"]),
    (["can you add radosaw-grzegorzak to the channel?"], ["radosaw-grzegorzak"], ["add", "channel"]),
    (["[00:51:24] Seppo: let's sync tomorrow"], ["Seppo"], ["sync", "tomorrow"]),
    (["03/09/24, 11:42 - Constanța Dinu: running late"], ["Constanța", "Dinu"], ["running", "late"]),
    (["getting auth errors with\ndocker login -u zoltnvar -p 1o@2YeV*rWwEM registry.acme.io"],
     ["zoltnvar", "1o@2YeV*rWwEM"], ["registry"]),
    (["creds are admin / Sunshine2022?"], ["Sunshine2022?"], ["creds", "admin"]),
    (["log in with battery-tiger-orange-tiger"], ["battery-tiger-orange-tiger"], ["log"]),
    (["running late, send me the code 371780"], ["371780"], ["late", "code"]),
    (["use this key for now: 9e9f814147713e3d48c931574beb8a6c (expires friday)"],
     ["9e9f814147713e3d48c931574beb8a6c"], ["key", "expires"]),
    (["my pgp fingerprint: F562 3AB8 9C62 7053 96DD C694 69C5 3C1A D12B BB10"], ["F562", "BB10"], ["fingerprint"]),
    (["the wifi password is maple one seven all lower case"], ["maple", "one seven"], ["wifi", "lower"]),
    (["Agent: Thanks for contacting support, can I have your member ID?", "sure it's MBR5205990290"],
     ["MBR5205990290"], ["support", "sure"]),
    (["Agent: can I have your policy number?", "It is 194063748225"], ["194063748225"], ["policy"]),
    (["Agent: and your date of birth and the last four of the card?", "1990 and 4202"], ["4202"], ["birth"]),
    (["Agent: What's the username on the account?", "it's lengyelm"], ["lengyelm"], ["username", "account"]),
    (["my login there is witkama"], ["witkama"], ["login"]),
    (["frost_byte7 — Today at 10:15 PM\nanyone up for ranked?"], ["frost_byte7"], ["Today", "ranked"]),
    (["my .pgpass is\ndb.internal:5432:app:ana.lima:S3cret77\nand psql still asks"], ["ana.lima", "S3cret77"],
     ["still"]),
    (["WIFI:S:HomeNet;T:WPA;P:maple-river-77;; is the qr text"], ["maple-river-77"], ["qr"]),
    (["Pass - Kx9!mQ2z"], ["Kx9!mQ2z"], ["Pass"]),
    (["Konto 8154405357 BLZ 37040044 bitte"], ["8154405357", "37040044"], ["bitte"]),
    (["10:15:02 From ngozi okafor to Everyone: hi\n10:16:40 From ngozi okafor to thandiwe dube (Direct Message): ok"],
     ["ngozi", "okafor", "thandiwe", "dube"], ["Everyone", "Direct"]),
    (["09:02 witkama (DM)\nhey, got a minute?"], ["witkama"], ["minute"]),
    (["10:15 AM lengyelm | Direct message"], ["lengyelm"], ["AM"]),
    (["card no 578613208607 exp 08/26"], ["578613208607"], ["card", "exp"]),
    (["ok the card number is 4111 1111 1111 1111 999"], ["4111 1111 1111 1111 999"], ["card"]),
    (["On Tue, Mar 5, 2024 at 10:12 AM Zoé Hébert <zh@x.fr> wrote:\n> ok"], ["Zoé", "Hébert"], ["AM", "wrote"]),
    (["Le mar. 5 mars 2024 à 10:12, Ngozi Okafor <n@x.io> a écrit :\n> oui"], ["Ngozi", "Okafor"], ["mars", "écrit"]),
    (["user: jdoe pass: hunter2x"], ["jdoe", "hunter2x"], ["user", "pass"]),
    (["login jdoe / pass Tr0ub4dor"], ["jdoe", "Tr0ub4dor"], ["login", "pass"]),
    (["the admin account is a.lima and the pw is Spring2024"], ["a.lima", "Spring2024"], ["admin", "account"]),
    (["hey its me, ana_lima99 from the forum"], ["ana_lima99"], ["forum"]),
    (["customer #: 004-88213-7 please"], ["004-88213-7"], ["customer", "please"]),
    (["policy ABC-123-456-789 on file"], ["ABC-123-456-789"], ["policy", "file"]),
    (["my frequent flyer number is UA8812377"], ["UA8812377"], ["frequent", "flyer"]),
    (["Best,\nMaja\nSenior Engineer | Persson AB\nM: 42 62 83 43"], ["42 62 83 43"], ["Senior", "Engineer"]),
]
# The same registers with nothing of anyone's in them.
LOOKALIKES = [
    ["2024-05-02 11:04:17 WARN auth: failed login for user=$USER (attempt 3)"],
    ['FATAL: password authentication failed for user "postgres"'],
    ["DB_USER=root\nMAX_USERS=500\nUSER_AGENT_HEADER=true"],
    ["<p> the first paragraph\n<build-bot> deploy 3f2a9c1 finished in 12m"],
    ["github: the repo is archived"],
    ["add the new dashboard to the channel"],
    ["[00:19:50] Speaker 1: let's review the roadmap"],
    ["11:04:17 WARN: disk almost full"],
    ["the pod exited with code 137, error code is 5001"],
    ["resource 9d5e6c44-d3c1-1836-c4da-4cb111aa6e6c was deleted, commit 922349d4a68d5fab050f8e1702bc2666 reverted"],
    ["log in with Google or with single-sign-on"],
    ["Agent: your ticket number is 48213377, anything else?", "no thanks, all good"],
    ["what's the last four of the sprint?", "we shipped 3 features"],
    ["Mode: 2 workers, T: 30 s"],
    ["the login there is broken"],
    ["card number 3 of the deck, credit card fees 2.5%"],
    ["Release notes — Today at 10:15 PM"],
    ["WIFI:S:HomeNet;T:nopass;;"],
    ["what's your login?", "no idea, I forgot it"],
    ["User: how do I reset the password?"],
    ["the login page / password reset flow is broken"],
    ["the account is locked, it's me again"],
    ["customer #: 12 in the queue, the order number is 112-4839201-3321"],
]


@pytest.mark.parametrize("turns, gone, kept", PASTED_AND_SAID, ids=[t[0][:30] for t, _, _ in PASTED_AND_SAID])
def test_the_real_detector_masks_identifiers_of_pasted_and_spoken_registers(
        detector, analyzer_settings, policy, turns, gone, kept):
    written = written_text(detector, analyzer_settings, policy, transcript(*turns, source="chat"))
    assert [value for value in gone if _still(value, written)] == []
    assert all(_still(word, written) for word in kept)


@pytest.mark.parametrize("turns", LOOKALIKES, ids=[t[0][:30] for t in LOOKALIKES])
def test_lookalikes_in_the_same_registers_stay(detector, analyzer_settings, policy, turns):
    assert written_text(detector, analyzer_settings, policy, transcript(*turns, source="chat")) == " ".join(turns)


@pytest.mark.parametrize("text, kept", [
    ("10:15:02 From the team to Everyone: standup in 5", ["the", "team", "Everyone", "standup"]),
    ("at 10:12 AM <noreply@github.com> wrote:", ["AM", "wrote"]),
])
def test_lines_with_a_time_and_no_one_in_particular_keep_their_words(detector, analyzer_settings, policy, text, kept):
    written = written_text(detector, analyzer_settings, policy, transcript(text, source="chat"))
    assert all(_still(word, written) for word in kept)


@pytest.mark.parametrize("text", ["user=" * 2_000, '<a_b> <' * 1_200, "[00:00] " * 1_000, "docker login -u " * 600,
                                  "creds are x / " * 700, "send me the code " * 500, "key " * 2_000,
                                  "F562 " * 1_700, "member ID?\n" * 800, "last four\n" * 900, "M: 1 " * 1_700,
                                  "DB_USER_" * 1_000, "password is maple one " * 400,
                                  "user: ab " * 1_000, "username?\n" * 900, "account is a." * 700, "its me, a_" * 800,
                                  "login there is " * 600, "a \u2014 Today at " * 500, "1:00 From a to " * 600,
                                  "h:1:d:" * 1_500, "WIFI:S:a;" * 1_000, "Pass - " * 1_200, "A A A A <a@b> " * 500])
def test_hostile_registers_are_scanned_within_the_regex_limits(analyzer, text):
    """No pattern of these families runs into its regex time limit on crafted repeats; how their cost
    grows with the size is measured by `make bench-scaling` (the "talk register" shapes)."""
    recognizers = [r for r in pattern_family_recognizers(recognizer_data())
                   if r.name.startswith(("TalkRegisters", "PhoneNumbers"))]
    assert len(recognizers) >= 5
    try:
        for recognizer in recognizers:
            recognizer.analyze(text, recognizer.supported_entities, None)
    except RegexTimedOut:
        pytest.fail("a regular expression timed out")
