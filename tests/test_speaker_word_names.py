"""Speakers whose given name is an English word too ("Grace Wood: ok", "Rose Hill:", "Amber Stone:"), left out of
first_names.txt: a pasted chat line's label and an NER person at a heading's place are still masked, while
headings of notes made of words ("Action Items:", "Grant Access:", "May Release:") stay."""
from __future__ import annotations

import re

import pytest

from models.recognizers.config import recognizer_data
from models.recognizers.speaker_label import SpeakerLabelRecognizer
from tests.conftest import transcript, written_text


def _still(value: str, written: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", written) is not None


GONE = [
    ("Grace Wood: can you check the deploy?", ["Grace", "Wood"]),
    ("Rose Hill: yes on it", ["Rose", "Hill"]),
    ("Amber Stone: merged, thanks", ["Amber", "Stone"]),
    ("Grace Wood: ok\nRose Hill: done\nAmber Stone: cool", ["Grace", "Wood", "Rose", "Hill", "Amber", "Stone"]),
    ("Mark Hunter: I'll review it tomorrow", ["Mark", "Hunter"]),
    ("Will Smith: on my way", ["Will", "Smith"]),
    ("- Holly Brook: agreed", ["Holly", "Brook"]),
]


@pytest.mark.parametrize("text, names", GONE, ids=[t[:24] for t, _ in GONE])
def test_when_a_speaker_s_given_name_is_a_word_then_the_label_is_still_masked(detector, analyzer_settings, policy,
                                                                             text, names):
    written = written_text(detector, analyzer_settings, policy, transcript(text))
    assert not [name for name in names if _still(name, written)], written


KEPT = [
    ("Action Items: fix the build", ["Action", "Items"]),
    ("Next Steps: ship it on friday", ["Next", "Steps"]),
    ("Grant Access: admins only", ["Grant", "Access"]),
    ("May Release: on track", ["May", "Release"]),
    ("Build Status: green", ["Build", "Status"]),
]


@pytest.mark.parametrize("text, words", KEPT, ids=[t[:24] for t, _ in KEPT])
def test_when_a_heading_starts_with_a_word_name_of_headings_then_it_stays(detector, analyzer_settings, policy,
                                                                           text, words):
    written = written_text(detector, analyzer_settings, policy, transcript(text))
    assert all(_still(word, written) for word in words), written


def test_a_word_name_makes_a_label_a_name_but_not_one_that_starts_headings():
    recognizer = SpeakerLabelRecognizer(recognizer_data().speaker_labels, lambda word: True, frozenset())
    assert recognizer.is_name("Grace Wood") and recognizer.is_name("AMBER STONE")
    assert not recognizer.is_name("Max Retries") and not recognizer.is_name("Grant Access")


def test_word_names_of_headings_are_word_names():
    rule = recognizer_data().speaker_labels
    assert set(rule.heading_word_names) <= set(rule.word_names)
