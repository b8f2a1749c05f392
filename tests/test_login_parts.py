"""The parts of a `user@host` login searched across the record: a name-like part of letters alone is,
an ordinary word (English, app, UI, chat, system account, word of code) is not."""
from __future__ import annotations

import json

import pytest

from models.login_words import is_ordinary_word
from models.records import Span
from models.redaction import sanitize
from tests.conftest import KEY, transcript
from tests.test_redaction import finding


@pytest.mark.parametrize("word", ["deploy", "laptop", "Build", "admin", "ubuntu", "localhost", "dev", "slack", "lol"])
def test_an_english_app_system_or_code_word_is_ordinary(word):
    assert is_ordinary_word(word)


@pytest.mark.parametrize("word", ["vargaz", "kowalski", "Tomasz", "oadeyemi", "mbp"])
def test_a_name_or_handle_is_not_ordinary(word):
    assert not is_ordinary_word(word)


def test_when_a_login_side_is_a_name_of_letters_alone_then_it_is_masked_wherever_it_recurs(policy):
    raw = transcript("vargaz@laptop:~/api$ git log", "Author: Vargaz <vargaz@example.com>",
                     "ping vargaz about the laptop", "the deploy failed")
    out = sanitize(finding(raw, {"segments/0": [Span("USERNAME", 0, 13, 0.85)]}), policy, KEY)
    texts = [s["text"] for s in json.loads(out.json_line)["segments"]]
    assert texts == ["<USERNAME>:~/api$ git log", "Author: <USERNAME> <<USERNAME>@example.com>",
                     "ping <USERNAME> about the laptop", "the deploy failed"]


def test_when_a_login_side_is_an_ordinary_word_then_it_is_not_searched_alone(policy):
    raw = transcript("admin@kowalski-pc:~$ ls", "ask the admin", "kowalski-pc is slow", "runner@ci-7:~$ make")
    out = sanitize(finding(raw, {"segments/0": [Span("USERNAME", 0, 17, 0.85)],
                                 "segments/3": [Span("USERNAME", 0, 11, 0.85)]}), policy, KEY)
    texts = [s["text"] for s in json.loads(out.json_line)["segments"]]
    assert texts == ["<USERNAME>:~$ ls", "ask the admin", "<USERNAME> is slow", "<USERNAME>:~$ make"]
