"""Logins and secrets in transcripts as other apps and people write them (issue 15, probe_talk): a bare
`login:password` pair, a word-and-number password after `use`/`try`/`it's`, the nick an IRC line addresses,
the login of an sshd auth-log line, and a plain login after a hand-over cue ("shared it with jamesdunn");
each with lookalikes of ordinary engineering chat that must stay."""
from __future__ import annotations

import re

import pytest

from models.engine import RegexTimedOut
from models.recognizers.config import recognizer_data
from models.recognizers.pattern_family import pattern_family_recognizers
from tests.conftest import transcript, written_text

FAMILIES = [r for r in pattern_family_recognizers(recognizer_data())
            if r.name.startswith(("SaidAndPastedSecrets", "TalkRegisters"))]


def found(text: str) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start:r.end]) for recognizer in FAMILIES
            for r in recognizer.analyze(text, recognizer.supported_entities)}


def _still(value: str, written: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", written) is not None


FOUND = [
    ("here: aaron.stewart:could5401", "SECRET", "could5401"),
    ("rita_haiden:voice4963 works for the staging db", "SECRET", "voice4963"),
    ("creds nicole95:left3351!", "SECRET", "left3351!"),
    ("creds Ana.Lima:pass123word here", "SECRET", "pass123word"),
    ("use college570 for the box", "SECRET", "college570"),
    ("it's Animal3460 now, I rotated it", "SECRET", "Animal3460"),
    ("changed it to help9010 this morning", "SECRET", "help9010"),
    ("Try By6636", "SECRET", "By6636"),
    ("[12:41] <ana> Sputn1k: ubuntu uses the grub bootloader", "USERNAME", "Sputn1k"),
    ("[23:56] <kb> SirTheSurfer, you can hold alt", "USERNAME", "SirTheSurfer"),
    ("[12:41] <ana> mark__: sudo apt-get install cfdisk", "USERNAME", "mark__"),
    ("sshd[2231]: Failed password for martin_oun from 10.2.3.4 port 52144 ssh2", "USERNAME", "martin_oun"),
    ("sshd[9]: Failed password for invalid user kmueller from 10.2.3.4", "USERNAME", "kmueller"),
    ("pam_unix(sshd:session): session opened for user ana.lima(uid=1000) by (uid=0)", "USERNAME", "ana.lima"),
    ("use $hH5ejv5132 for the box", "SECRET", "$hH5ejv5132"),
    ("use &4ON6D(axOB7l for the box", "SECRET", "&4ON6D(axOB7l"),
    ("I set it to *2Pk)tDn5Rt for now", "SECRET", "*2Pk)tDn5Rt"),
    ("use %5Jd8NG(YU for the box", "SECRET", "%5Jd8NG(YU"),
    ("1\n00:00:12.000 --> 00:00:15.500\nயூவரானி ராஜசேகர்: cc the team", "PERSON", "யூவரானி ராஜசேகர்"),
    ("<v Ana Lima>hi all</v>", "PERSON", "Ana Lima"),
    ("12/04/26, 15:44 - რამაზ ქარჩავა: here", "PERSON", "რამაზ ქარჩავა"),
]


@pytest.mark.parametrize("text, entity, value", FOUND, ids=[f"{t[:28]}-{e}" for t, e, _ in FOUND])
def test_when_a_login_or_secret_is_written_as_others_write_it_then_it_is_found(text, entity, value):
    assert (entity, value) in found(text)


KEPT = [
    "docker run node:18-alpine, golang:v1.22 or python:3.11-slim", "is:open label:p1 author:jdoe milestone:v2",
    "host:db01 port:5432 sha1:abc123def", "see https://example.com:8443/abc1 and localhost:8080 at 10:30",
    "mail ana@example.com:abc12 and std::vec1", "it's build4021 now, use python3 or office365 on web001",
    "try rtx3090 and win2019", "use the 2024 budget", "[12:00] <y> OK, that works", "[12:00] <y> GitHub: down again?",
    "[10:00] <z> i386: works, x86_64, amd64", "[10:00] <z> eth0: no carrier", "[10:00] <z> yes, it works",
    "sshd[1]: Accepted publickey for root from 1.2.3.4", "test:e2e and build:prod2 scripts",
    "branch feature:login2fa and hotfix:oauth2fix, then origin:main2",
    "ResNet-50 on Ctrl+Alt+F2", "a disk (146Gig) and use mpg123 for it", "getUser(id1) and Foo(Bar2)", "@Ana_Li2 can you look", "HTTP_2xx and MyClass_v2",
    "00:00:12.000 --> 00:00:15.500\nSpeaker 1: hi all", "<v Speaker>hi all</v>",
]


@pytest.mark.parametrize("text", KEPT, ids=[f"kept-{i}" for i in range(len(KEPT))])
def test_code_versions_hosts_and_chat_words_are_not_logins_or_secrets(text):
    assert found(text) == set()


@pytest.mark.parametrize("text, login", [("here: aaron.stewart:could5401", "aaron.stewart"),
                                         ("rita_haiden:voice4963 works for the staging db", "rita_haiden"),
                                         ("creds nicole95:left3351!", "nicole95"),
                                         ("creds Ana.Lima:pass123word here", "Ana.Lima"),
                                         ("branch feature:login2fa and hotfix:oauth2fix", None),
                                         ("label:p1 host:db01 node:v18x python:3.11 redis:al7x", None),
                                         ("see https://example.com:8443/abc1 at 10:30", None)])
def test_the_login_of_a_bare_pair_is_found_from_its_colon_and_keys_of_code_stay(analyzer, text, login):
    recognizer = next(r for r in analyzer.registry.recognizers if r.name == "BareHandleRecognizer")
    found_logins = [text[r.start:r.end] for r in recognizer.analyze(text, ["USERNAME"])]
    assert found_logins == ([login] if login else [])


GONE = [
    (["here: aaron.stewart:could5401"], ["aaron.stewart", "could5401"], ["here"]),
    (["use college570 for the box"], ["college570"], ["use", "box"]),
    (["[12:13] <kb> ixion: err, which kernel?\n[12:14] <ixion> the 2.6 one"], ["ixion"], ["which", "kernel"]),
    (["[12:41] <ana> Sputn1k: ubuntu uses the grub bootloader"], ["Sputn1k"], ["ubuntu", "grub"]),
    (["why does this fail?\nsshd[2231]: Failed password for martin_oun from 10.2.3.4 port 52144 ssh2"],
     ["martin_oun"], ["Failed", "password", "port"]),
    (["12/05/26, 14:03 - Ana Lima: shared it with jamesdunn"], ["jamesdunn"], ["shared"]),
    (["assigned the ticket to kujundzicf"], ["kujundzicf"], ["assigned", "ticket"]),
    (["/invite dukejeffrey"], ["dukejeffrey"], ["invite"]),
    (["Ana Lima  10:15 AM\nNomathalente: pushed a fix, pls retest"], ["Nomathalente"], ["pushed", "retest"]),
    (["[10:06 AM] Lima, Ana\nNomathalente: pushed a fix"], ["Nomathalente"], ["pushed"]),
    (["ana_l \u2014 Today at 12:27 PM\nBesey: pushed a fix"], ["Besey"], ["pushed"]),
    (["12/06/26, 14:19 - Ana Lima: cc michael_lee"], ["michael_lee"], []),
    (["morning Matija :)"], ["Matija"], ["morning"]),
    (["np S'fiso"], ["S'fiso"], []),
]


@pytest.mark.parametrize("turns, gone, kept", GONE, ids=[f"gone-{i}" for i in range(len(GONE))])
def test_the_real_detector_masks_logins_and_secrets_written_by_others(
        detector, analyzer_settings, policy, turns, gone, kept):
    written = written_text(detector, analyzer_settings, policy, transcript(*turns))
    assert [value for value in gone if _still(value, written)] == []
    assert [word for word in kept if not _still(word, written)] == []


# Ordinary engineering chat, in the #ubuntu log's and a team chat's shapes: every word stays.
STAYS = [
    ["[07:35] <ana> yes, gparted can resize it", "[07:36] <kb> well, try the live cd first"],
    ["[10:00] <kb> hmm, which driver?"],
    ["use python3 for the script and node:18-alpine for the image"],
    ["it's build4021 now, the runner picked it up"],
    ["shared it with marketing", "cc finance on the invoice", "ping oncall if it breaks again"],
    ["assigned the ticket to devops", "looping in everyone here"],
    ["morning standup moved to 10", "np, the deploy can wait", "congrats team, great job on the release"],
    ["cc max_length and node.js folks", "ping @here about the outage"],
    ["9:30 AM\nupdate: the release is out, then the flaky tests"],
    ["Deploy started 10:15\nkubelet: node ready, pods scheduled", "standup at 9:30\ntodo: review the PR"],
    ["web01 sshd[2231]: Accepted publickey for root from 10.0.0.5 port 52144 ssh2"],
]


@pytest.mark.parametrize("turns", STAYS, ids=[f"stays-{i}" for i in range(len(STAYS))])
def test_the_real_detector_keeps_every_word_of_ordinary_engineering_chat(detector, analyzer_settings, policy, turns):
    written = written_text(detector, analyzer_settings, policy, transcript(*turns))
    words = [w for turn in turns for w in re.findall(r"[A-Za-z][\w.:\-]*[A-Za-z0-9]", re.sub(r"<\w+>", "", turn))]
    assert [word for word in words if not _still(word, written)] == []


HOSTILE = ["a:a1" * 25_000, "a.b:c1d " * 12_500, "use a123 " * 11_111, "[1:00] <a> " * 9_091, "[1:00] <a> a1" * 7_693,
           "00:00:01.000 --> 00:00:02.000\n" * 3_449, "<v " * 33_334, "Failed password for " * 5_000, "Aa1!" * 25_000,
           "aA1(" * 25_000, "_Aa1" * 25_000, "10:15 AM\n" * 11_112, "1:00 - \u10e0\u10d0 " * 10_000]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile-{i}" for i in range(len(HOSTILE))])
def test_hostile_repeats_of_these_shapes_are_scanned_within_the_regex_limits(analyzer, text):
    """No pattern of the two families, nor the addressee and bare-handle recognizers, runs into its regex
    time limit on 100,000 characters of crafted repeats."""
    assert len(text) >= 99_990
    recognizers = [*FAMILIES, *(r for r in analyzer.registry.recognizers
                                if r.name in ("AddresseeRecognizer", "BareHandleRecognizer"))]
    assert len(recognizers) == len(FAMILIES) + 2
    try:
        for recognizer in recognizers:
            recognizer.analyze(text, recognizer.supported_entities, None)
    except RegexTimedOut:
        pytest.fail("a regular expression timed out")
