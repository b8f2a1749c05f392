"""Names by their sentence's shape (issue 15): a name that opens a typed line or a said turn before a verb,
an auxiliary or a mark, and a name said as a verb's object before a preposition. Positives and hard
negatives of the same frames on the recognizer (real word test, real lemma tables), then typed through
real key events and detected as the pipeline detects a keystroke record."""
from __future__ import annotations

import json

import pytest
from spacy.lookups import Lookups

from models.detection import detect_batch
from models.engine import english_word_test
from models.keystrokes import rebuild_typed_text
from models.parse import parse_line
from models.recognizers.config import load_recognizer_data
from models.recognizers.name_context import NameContextRecognizer, name_context_recognizer
from models.recognizers.name_openers import VerbForms
from models.recognizers.ui_terms import load_ui_terms
from models.records import KeyEvent, PreparedRecord
from models.redaction import apply_policy
from models.text_views import text_fields
from tests.conftest import KEY, categories_kept, record


@pytest.fixture(scope="module")
def names(analyzer) -> NameContextRecognizer:
    data = load_recognizer_data()
    return name_context_recognizer(data, load_ui_terms(data), english_word_test(analyzer.nlp_engine.nlp["en"]))


def _found(names: NameContextRecognizer, text: str) -> list[str]:
    return sorted(text[r.start:r.end] for r in names.analyze(text, ["PERSON"], None))


def test_verb_forms_read_past_and_third_person_forms_of_listed_verbs_only():
    lookups = Lookups()
    lookups.add_table("lemma_index", {"verb": ["say", "agree", "need", "brief"], "noun": ["log"]})
    lookups.add_table("lemma_exc", {"verb": {"said": ["say"], "saying": ["say"]}})
    lookups.add_table("lemma_rules", {"verb": [["s", ""], ["ed", "e"], ["ed", ""], ["ing", ""]]})
    verbs = VerbForms.from_lookups(lookups)
    assert all(verbs.finite(word) for word in ("said", "agreed", "needs", "briefed"))
    assert not any(verbs.finite(word) for word in ("saying", "say", "logs", "okonkwo", "is"))
    assert verbs.verb("brief") and not verbs.verb("log")


@pytest.mark.parametrize("text, name", [
    ("Okonkwo said the build is green again\n", "Okonkwo"),
    ("ok\nKrausová might be late to standup\n", "Krausová"),
    ("Hi team,\n\nWałaszek: pushed the fix to staging\n", "Wałaszek"),
    ("Nakamura has the keys for the lab", "Nakamura"),
    ("Siobhan - can you check the invoice?", "Siobhan"),
    ("Honoré and I will cover the demo\n", "Honoré"),
    ("- Delfino agreed to take the ticket\n", "Delfino"),
    ("Nguyen Van An will send the slides\n", "Nguyen Van An"),
    ("Mareš,\n\nthe invoice is attached\n", "Mareš"),
    ("so I briefed Thanh on the incident", "Thanh"),
    ("we nudged Wanjiru about the release", "Wanjiru"),
    # a sentence's start inside a line, as chat and voice turns run sentences together
    ("hey team. Vanterpool might be late today", "Vanterpool"),
    ("ok thanks! Okonkwo said the build is green", "Okonkwo"),
])
def test_a_name_opening_a_line_or_a_verbs_object_before_a_preposition_is_a_name(names, text, name):
    assert _found(names, text) == [name]


@pytest.mark.parametrize("text", [
    "Jenkins will restart at five\n",
    "Deploy said the build is green\n",
    "Monday works for me\n",
    "Legal, can you review clause 4?\n",
    "Figma: updated the icons\n",
    "Customer Success will join the call\n",
    "The release notes need one more pass\n",
    "Postgres logs are noisy again\n",
    "Zorblat Settings - Overview",          # a title: no verb, no lower-case word after a mark
    "I told QA to hold off on the merge",
    "we moved Monday to Tuesday",
    "asked Copilot about the regex",
    "set Retries to 3 in the config",
    "Notes 12/03\nAgenda: roadmap, hiring\n",
    "Stauts: active",                      # an OCR misread of a screen label: no prose after the mark
    "Newly-signed Zorblat might ship tonight\n",
    "the deploy is done. Jenkins will restart at five", "we shipped v2. Monday works for me",
    "logs rotate hourly. Postgres logs are noisy again", "thanks! Legal, can you review clause 4?",
    "We will meet soon princess! Ttyl!", "Sry, was afk",   # chat words, not names
])
def test_work_words_tools_teams_days_and_titles_in_the_same_frames_are_no_names(names, text):
    assert _found(names, text) == []


def _typed_output(detector, settings, policy, text: str) -> str:
    """`text` typed with a typo corrected by backspace, detected and masked as the pipeline does; the
    typed text rebuilt from the sanitized events."""
    events = [{"t": 0, "key": "x", "type": "keydown"}, {"t": 1, "key": "Backspace", "type": "keydown"}]
    events += [{"t": i + 2, "key": {"\n": "Enter"}.get(ch, ch), "type": "keydown"} for i, ch in enumerate(text)]
    parsed = parse_line(json.dumps(record("keystrokes", events=events, app="Slack")).encode(), "in.jsonl")
    finding = detect_batch(detector, [PreparedRecord(parsed, text_fields(parsed))], settings)[0]
    doc = json.loads(apply_policy(finding, categories_kept(policy), KEY).json_line)
    out = tuple(KeyEvent(e["t"], e.get("key"), tuple(e.get("mods", ())), e["type"], e.get("text")) for e in doc["events"])
    return rebuild_typed_text(out).text


def test_a_typed_line_opening_with_a_surname_is_masked_and_work_lines_keep_their_words(detector, analyzer_settings,
                                                                                      policy):
    out = _typed_output(detector, analyzer_settings, policy, "thanks for the update\nKrausová might be late\n")
    assert "Krausová" not in out and "might be late" in out
    work = "Jenkins will restart at five\nMonday works for me\nFigma: updated the icons\n"
    assert _typed_output(detector, analyzer_settings, policy, work) == work


def test_a_contraction_opening_the_line_is_no_part_of_the_name(names):
    assert all(not found.startswith("I'm") for found in _found(names, "I'm Zorblat, originally from the coast"))
