"""Logins after `as`, `than` or `like` (issue 15, probe_talk_as): a user someone works, posts or shows up as, a
colleague compared with or held up as an example; the same words with what ordinary work talk puts there (`as
root`, `as json`, `more than 5`, `like prod`, `same as staging`, `as a cron job`), which stays."""
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
    # a login's strict shape after any of the words
    ("the hotfix went out as rk_dev2 at midnight", "rk_dev2"),
    ("it was tagged as m.osei by the bot", "m.osei"),
    ("way more pages than tl7 this month", "tl7"),
    ("get someone like 4nn4l3n to pair", "4nn4l3n"),
    # plain small letters that are no word after `as`: an account one acts under
    ("the backup cron still runs as okowalczyk", "okowalczyk"),
    ("why does the audit trail list it as bhernandez", "bhernandez"),
    # short logins with a person's context before the word
    ("pushed as jq by accident", "jq"),
    ("we need folks like zbw on this", "zbw"),
    ("he merged more PRs than ffk last sprint", "ffk"),
    ("she is listed as ahm in the rota", "ahm"),
    # the login quoted or marked after the word
    ("posted as 'rk_dev2' in the channel", "rk_dev2"),
    ('logged in as "jdoe42" on the box', "jdoe42"),
    ("way more pages than “tl7” this month", "tl7"),
    ("pushed as «jq» by accident", "jq"),
    ("the backup cron still runs as 'okowalczyk'", "okowalczyk"),
    ("the hotfix went out as `rk_dev2` again", "`rk_dev2`"),
]


@pytest.mark.parametrize("text, value", FOUND, ids=[t[:30] for t, _ in FOUND])
def test_a_login_after_as_than_or_like_is_found(recognizer, text, value):
    assert value in {text[r.start:r.end] for r in recognizer.analyze(text, ["USERNAME"])}


KEPT = [
    "run it as root", "works as admin", "we decided as a team", "works as expected", "I'll check as well",
    "as soon as it's green", "as of today", "save it as json", "run it as sudo", "as shown above",
    "run it as a cron job", "more than 5 retries", "better than before", "like this one", "like prod but smaller",
    "like postgres does", "same as staging", "as the service account", "login as the deploy user",
    "tools such as ansible", "faster than nginx", "better than virtualbox", "looks like kubectl", "as usual",
    "export as pdf", "logged in as v2", "running as www-data", "just as slow as before", "not as yourself",
    "do it urself, not as urself", "someone like you", "more commits than last week", "as well as jq",
    # words of code, data and trackers, bare or quoted
    "mounted as readonly", "marked as wontfix", "piped as stdin", "exported as jsonl", "stored as varchar",
    "set as nullable", "treat it as noop", "registered as cronjob", "shows as offline", "closed as dup",
    "labelled as pii", "save it as 'json'", 'run it as "root"', "marked as 'done'", "tagged as 'v2'",
    # a name of code in code marks
    "it is registered as `user_id`", "same as `prod_db`", "run it as `deploy_bot`",
]


@pytest.mark.parametrize("text", KEPT, ids=[f"kept-{i}" for i in range(len(KEPT))])
def test_things_and_words_after_the_same_words_stay(recognizer, text):
    assert recognizer.analyze(text, ["USERNAME"]) == []


CODE = ["import matplotlib.pyplot as plt", "except ValueError as exc:", "with tempfile.TemporaryDirectory() as tmpdir:",
        "from utils import loader as ldr_v2", "SELECT name AS usr_name FROM t", "cast(x as varchar)",
        "total = sum(a) as tot_v2"]


@pytest.mark.parametrize("text", CODE, ids=[f"code-{i}" for i in range(len(CODE))])
def test_aliases_in_code_and_queries_stay(recognizer, text):
    assert recognizer.analyze(text, ["USERNAME"]) == []


@pytest.mark.parametrize("text", ["it's as fast as lightning", "i am as dorky as mikeyb is"])
def test_as_a_quality_as_is_no_account(recognizer, text):
    assert "dorky" not in {text[r.start:r.end] for r in recognizer.analyze(text, ["USERNAME"])}


def test_the_real_detector_masks_users_after_as_and_keeps_the_work(detector, analyzer_settings, policy):
    turns = ["the deploy ran as dvasquez42 again, not as the service account", "nobody closes more tickets than hqr",
             "someone like kt3 could review it", "run it as root, save it as json, more than 5 retries like prod"]
    written = written_text(detector, analyzer_settings, policy, transcript(*turns))
    assert [value for value in ("dvasquez42", "hqr", "kt3") if _still(value, written)] == []
    assert [word for word in ("deploy", "service", "account", "tickets", "review", "root", "json", "retries", "prod")
            if not _still(word, written)] == []


@pytest.mark.parametrize("text", ["as " * 33_334, "more commits than " * 5_556, "someone like ab " * 6_250])
def test_hostile_repeats_of_the_words_are_scanned_whole(recognizer, text):
    """100,000 characters of crafted frames are scanned to the end (each look-back is bounded: linear)."""
    assert len(text) >= 99_990
    recognizer.analyze(text, ["USERNAME"])
