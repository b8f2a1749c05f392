"""Categories in typed text and conversation: terms typed with a slip, the person spoken to in a call
or chat, and "your" outside a conversation."""
from __future__ import annotations

import pytest

from models.categories import CategoryClassifier, category_data, load_text_classifier
from models.category_signals import _one_edit
from models.records import KeyEvent, RawRecord


@pytest.fixture(scope="module")
def classifier(analyzer):
    return CategoryClassifier(analyzer.nlp_engine.nlp["en"], category_data(), load_text_classifier(category_data()))


def features(classifier, analyzer, text):
    return classifier.features(analyzer.nlp_engine.nlp["en"](text))


def transcript(app="Zoom", source="voice"):
    return RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app=app, source=source)


def typing(text):
    return tuple(KeyEvent(i, "Enter" if char == "\n" else char, (), "keydown", None) for i, char in enumerate(text))


def hits(classifier, analyzer, text):
    return {label for label, _ in features(classifier, analyzer, text).terms}


@pytest.mark.parametrize("a, b, expected", [
    ("migranes", "migraines", True), ("perscription", "prescription", True), ("withholdnig", "withholding", True),
    ("diagnosis", "diagnosis", False), ("migrants", "migraines", False), ("calibrates", "calibrated", True),
])
def test_one_edit_is_a_letter_missing_added_changed_or_two_swapped(a, b, expected):
    assert _one_edit(a, b) == expected


@pytest.mark.parametrize("text, label", [
    ("still getting migranes 3 times a week", "medical:strong"),
    ("can you send the perscription to my pharmacy", "medical:strong"),
    ("they put me on a perfromance improvement plan", "performance:strong"),
])
def test_a_long_term_typed_with_a_slip_still_matches(classifier, analyzer, text, label):
    assert label in hits(classifier, analyzer, text)


@pytest.mark.parametrize("text, label", [
    ("the script calibrates the sensor every hour", "performance:strong"),  # an inflection, not a slip
    ("migrants crossing the border, the news tonight", "medical:strong"),  # two edits away
    ("the tumour board meets on tuesday", "performance:strong"),
])
def test_a_word_that_is_not_a_slip_of_a_term_does_not_match(classifier, analyzer, text, label):
    assert label not in hits(classifier, analyzer, text)


def test_in_a_call_the_person_spoken_to_owns_a_term_and_elsewhere_they_do_not(classifier, analyzer):
    said = [features(classifier, analyzer, "so calibration landed your rating at partially meets this cycle")]
    call = classifier.explain(transcript(), said, ())
    prompt = classifier.explain(transcript("ChatGPT", "ai_prompt"), said, ())
    assert call["owned_term_hits"].get("performance:weak", 0) >= 1
    assert "performance:weak" not in prompt["owned_term_hits"]
    assert call["scores"]["performance"]["score"] > prompt["scores"]["performance"]["score"]


@pytest.mark.parametrize("text, source, expected", [
    ("you'll owe about nine hundred on your state return because your withholding was too low", "voice", "tax"),
    ("I'm sorry but you won't be promoted this round, and your rating is partially meets", "voice", "performance"),
    ("they put me on a PIP today and the goals are impossible", "chat", "performance"),
])
def test_a_persons_own_tax_or_hr_matter_in_a_call_or_chat_is_its_category(classifier, analyzer, text, source,
                                                                            expected):
    record = transcript("Zoom" if source == "voice" else "Slack", source)
    assert classifier.decide(record, [features(classifier, analyzer, text)], ()).category == expected


@pytest.mark.parametrize("text, app, source", [
    ("PAY-311 please review the fix for the self-assessment reminder email sent twice", "Outlook", None),
    ("def withholding_for(w4, gross):\n    return federal_tax(w4.filing_status, gross)", "Visual Studio Code", None),
    ("the enrollment flow needs a dependents step before we launch the benefits feature", "Zoom", "voice"),
])
def test_work_about_tax_or_hr_typed_or_talked_is_kept(classifier, analyzer, text, app, source):
    record = (RawRecord("r", "keystrokes", "u", "2026-06-09T09:00:00Z", app=app, events=typing(text))
              if source is None else transcript(app, source))
    assert classifier.decide(record, [features(classifier, analyzer, text)], ()).category is None


def test_outside_a_conversation_terms_only_your_owns_are_capped_as_at_work(classifier, analyzer):
    record = RawRecord("r", "keystrokes", "u", "2026-06-09T09:00:00Z", app="Outlook")
    yours = classifier.explain(record, [features(classifier, analyzer, "upload your W-2 and your 1099-INT here")], ())
    plain = classifier.explain(record, [features(classifier, analyzer, "upload the W-2 and the 1099-INT here")], ())
    said = classifier.explain(transcript(), [features(classifier, analyzer, "upload your W-2 and your 1099-INT here")], ())
    weights = category_data().weights
    assert yours["term_hits"]["tax:strong"] > weights.max_unowned_at_work
    assert yours["scores"]["tax"]["parts"]["strong_terms"] == weights.strong_term * weights.max_unowned_at_work
    assert plain["scores"]["tax"]["parts"]["strong_terms"] > yours["scores"]["tax"]["parts"]["strong_terms"]
    assert said["scores"]["tax"]["parts"]["owned_terms"] > 0  # in a call, "your" is the person spoken to


@pytest.mark.parametrize("text, expected", [
    ("Hi Maria, your biopsy results came back positive. Your oncologist will go over chemotherapy and your "
     "prescription for ondansetron on Monday.", "medical"),
    ("Hi Dan, your W-2 and your 1099-INT came in; your refund is smaller because your withholding was too low.",
     "tax"),
])
def test_a_message_written_to_a_person_about_their_own_matter_keeps_its_category(classifier, analyzer, text,
                                                                                  expected):
    record = RawRecord("r", "keystrokes", "u", "2026-06-09T09:00:00Z", app="Gmail", events=typing(text))
    assert classifier.decide(record, [features(classifier, analyzer, text)], ()).category == expected
