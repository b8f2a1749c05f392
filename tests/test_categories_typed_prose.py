"""Typed text is read less surely by the text classifier (issue 17): in a keystroke record its reading of a
private chat alone no longer drops ordinary prose typed at work, and a private chat typed into a messenger,
or one naming its own terms, is still dropped."""
from __future__ import annotations

import pytest

from models.categories import CategoryClassifier, TextClassifier, category_data, load_text_classifier
from models.records import RawRecord


@pytest.fixture(scope="module")
def classifier(analyzer):
    return CategoryClassifier(analyzer.nlp_engine.nlp["en"], category_data(), load_text_classifier(category_data()))


def decide(classifier, analyzer, text, app, title, kind="keystrokes"):
    nlp = analyzer.nlp_engine.nlp["en"]
    record = RawRecord("r", kind, "u", "2026-06-09T09:00:00Z", app=app, window_title=title)
    features = [classifier.features(nlp(text)), classifier.features(nlp(title))]
    return classifier.decide(record, features, ()).category


def test_a_kind_weight_replaces_the_label_weight_for_that_kind_only():
    weights = TextClassifier(model="m", weights={"private_chat": 3.0, "tax": 3.0},
                             kind_weights={"keystrokes": {"private_chat": 2.0}})
    assert weights.weight("keystrokes", "private_chat") == 2.0
    assert weights.weight("keystrokes", "tax") == 3.0
    assert weights.weight("transcript", "private_chat") == 3.0
    assert weights.weight("keystrokes", "benign") == 0.0


@pytest.mark.parametrize("text, app, title", [
    ("we can go over the plan again later if you want", "Google Chrome", "Untitled document - Google Docs"),
    ("can you send me the file when you get a chance", "Microsoft Word", "Notes.docx - Word"),
    ("lets get together and finish this before the weekend", "Notepad", "todo.txt - Notepad"),
])
def test_ordinary_prose_typed_at_work_is_kept(classifier, analyzer, text, app, title):
    assert decide(classifier, analyzer, text, app, title) is None


@pytest.mark.parametrize("text, app, title", [
    ("my sister is coming over tonight, can't wait to see her", "WhatsApp", "WhatsApp"),
    ("hey babe are we still on for dinner", "Signal", "Signal"),
])
def test_a_private_chat_typed_into_a_messenger_is_still_dropped(classifier, analyzer, text, app, title):
    assert decide(classifier, analyzer, text, app, title) == "private_chat"


def test_the_same_prose_said_in_a_call_keeps_the_classifier_weight(classifier, analyzer):
    assert decide(classifier, analyzer, "my sister is coming over tonight, can't wait to see her",
                  "Zoom", "Zoom Meeting", kind="transcript") == "private_chat"
