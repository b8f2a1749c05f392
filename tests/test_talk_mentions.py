"""A user mentioned inside a chat sentence with no login word, `@` or account verb (issue 15, probe_talk_mentions):
thanked, quoted, spoken of as the one who says or wants, joined to a pronoun, owning a question, addressed at a
message's start or end, or sent a bot's answer; and tools, commands and ordinary words in the same frames, which
must stay."""
from __future__ import annotations

import re

import pytest

from models.recognizers.mention import MentionRecognizer
from tests.conftest import transcript, written_text


@pytest.fixture(scope="module")
def recognizer(analyzer) -> MentionRecognizer:
    return next(r for r in analyzer.registry.recognizers if r.name == "MentionRecognizer")


def _still(value: str, written: str) -> bool:
    return re.search(rf"(?<![\w|^]){re.escape(value)}(?![\w|^])", written) is not None


FOUND = [
    ("i think vrakoto fixed that last week", "vrakoto"),
    ("ask tembisa about it, they wrote the script", "tembisa"),
    ("as okonkwo_j said, the mirror is down", "okonkwo_j"),
    ("like hrvoje9 says, reboot first", "hrvoje9"),
    ("thanks qpx, that worked", "qpx"),
    ("cheers lindqvst", "lindqvst"),
    ("cc mwanjiru on this one", "mwanjiru"),
    ("you and kmaurer should sync before friday", "kmaurer"),
    ("zoltanb and me are looking at the logs", "zoltanb"),
    ("blame greta77 lol", "greta77"),
    ("talked to ptakac yesterday, same error", "ptakac"),
    ("ragnvald wants the old driver back", "ragnvald"),
    ("on xoan_m's behalf: is the patch in?", "xoan_m"),
    ("jvuori try the backports", "jvuori"),
    ("|kestrel| do you have the log?", "|kestrel|"),
    ("dzmitry_k → check dmesg", "dzmitry_k"),
    ("!paste | saanvi_r", "saanvi_r"),
    ("yeah tbrdl -- i did that", "tbrdl"),
    ("the mirror is not synced yet aoife_ :)", "aoife_"),
    ("thank you @ wkr and mbeki", "mbeki"),
]


@pytest.mark.parametrize("text, value", FOUND, ids=[t[:30] for t, _ in FOUND])
def test_a_user_the_sentence_treats_as_a_person_is_found(recognizer, text, value):
    assert value in {text[r.start:r.end] for r in recognizer.analyze(text, ["USERNAME"])}


KEPT = [
    "thanks gparted, the resize worked", "apt said the package is broken", "ndiswrapper is a driver wrapper",
    "sudo apt-get install xchat", "try lspci then", "dmesg says the disk failed", "as the docs said, reboot",
    "thanks everyone", "ask ubuntu forums about it", "grub can boot it", "xorg didn't start after the update",
    "ok install compiz then", "like python3 says in the docs", "ping server2 now", "ping node18",
    "you and the team should sync", "ask the oncall", "thanks for the help", "cc finance on this",
    "the wiki said to use fdisk", "well, it works now", "lol yes", "wine didn't run it", "compiz can crash gnome",
    "is it NTFS or FAT?", "yeah USB -- i did that", "Hey Siri, set a timer", "morning standup moved to 10",
    "pushed a fix, pls retest", "rebased, then redeploy", "Deploy started 10:15\nkubelet: node ready",
    "how can i make it bootable?", "4% merit, no promo", "anybody knows how to fix it?", "hmmm, you could",
]


@pytest.mark.parametrize("text", KEPT, ids=[f"kept-{i}" for i in range(len(KEPT))])
def test_tools_commands_and_words_in_the_same_frames_stay(recognizer, text):
    assert recognizer.analyze(text, ["USERNAME"]) == []


@pytest.mark.parametrize("token, expected", [
    ("vrakoto", True), ("kelly113", True), ("|kestrel|", True), ("node18", False), ("gparted", False),
    ("NTFS", False), ("the_one", False), ("ab", False), ("server", False)])
def test_a_user_is_no_word_tool_acronym_or_thing_with_a_number(recognizer, token, expected):
    assert recognizer.is_user(token) is expected


GONE = [
    (["i think vrakoto fixed that last week"], ["vrakoto"], ["fixed", "week"]),
    (["ask tembisa about it, they wrote the script"], ["tembisa"], ["wrote", "script"]),
    (["you and kmaurer should sync before friday"], ["kmaurer"], ["sync", "friday"]),
    (["jvuori try the backports"], ["jvuori"], ["try", "backports"]),
]


@pytest.mark.parametrize("turns, gone, kept", GONE, ids=[f"gone-{i}" for i in range(len(GONE))])
def test_the_real_detector_masks_a_user_mentioned_mid_sentence(detector, analyzer_settings, policy, turns, gone, kept):
    written = written_text(detector, analyzer_settings, policy, transcript(*turns))
    assert [value for value in gone if _still(value, written)] == []
    assert [word for word in kept if not _still(word, written)] == []


STAYS = [
    ["the wiki said to use fdisk", "wine didn't run it, grub can boot it"],
    ["yeah USB -- i did that", "ok install compiz then"],
    ["as the docs said, ping server2 and ask the oncall"],
]


@pytest.mark.parametrize("turns", STAYS, ids=[f"stays-{i}" for i in range(len(STAYS))])
def test_the_real_detector_keeps_tools_and_commands_in_technical_chat(detector, analyzer_settings, policy, turns):
    written = written_text(detector, analyzer_settings, policy, transcript(*turns))
    words = [w for turn in turns for w in re.findall(r"[A-Za-z][\w.:\-]*[A-Za-z0-9]", turn)]
    assert [word for word in words if not _still(word, written)] == []


@pytest.mark.parametrize("text", ["thanks " * 14_286, "as abc " * 14_286, "ok, " * 25_000, "!a | " * 20_000,
                                  "abcd: " * 16_667, "you and " * 12_500])
def test_hostile_repeats_of_the_frames_are_scanned_whole(recognizer, text):
    """100,000 characters of crafted frames are scanned to the end (every frame's token is bounded: linear)."""
    assert len(text) >= 99_990
    recognizer.analyze(text, ["USERNAME"])
