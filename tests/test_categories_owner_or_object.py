"""Who a matter belongs to, on the real spaCy model: a term naming a part of a product is no one's
(`person.work_heads`), a consequence put to a person is performance (`consequence`), writing for many
readers is work (`audience`), and one owned weak term alone stays below the threshold."""
from __future__ import annotations

import json

import pytest

from models.categories import TERM_OF_WORK, CategoryClassifier, category_data, load_text_classifier
from models.category_signals import artefacts, compiled
from models.records import RawRecord
from pipeline.explain import main
from tests.conftest import transcript


@pytest.fixture(scope="module")
def classifier(analyzer):
    return CategoryClassifier(analyzer.nlp_engine.nlp["en"], category_data(), load_text_classifier(category_data()))


def features(classifier, analyzer, text):
    return classifier.features(analyzer.nlp_engine.nlp["en"](text))


def decision(classifier, analyzer, text, app="Zoom", source="voice", kind="transcript"):
    record = RawRecord("r", kind, "u", "2026-06-09T09:00:00Z", app=app, source=source)
    return classifier.decide(record, [features(classifier, analyzer, text)], ())


def decide(classifier, analyzer, text, **context):
    return decision(classifier, analyzer, text, **context).category


def owned_labels(classifier, analyzer, text):
    return {label for label, _ in features(classifier, analyzer, text).owned}


@pytest.mark.parametrize("text", [
    "Yesterday I finished the withholding calculator for the new brackets",
    "I'm still stuck on the 1099 PDF export",
])
def test_when_a_work_noun_follows_a_term_then_no_one_owns_it_and_it_is_an_artefact(classifier, analyzer, text):
    found = features(classifier, analyzer, text)
    assert not {"tax:strong", "tax:weak"} & {label for label, _ in found.owned}
    assert dict(found.artefacts).get(TERM_OF_WORK, 0) >= 1


@pytest.mark.parametrize("text", ["my W-2 form has the wrong address", "I still haven't filed my 1099. Export is slow"])
def test_when_a_life_noun_or_a_clause_end_follows_a_term_then_the_person_still_owns_it(classifier, analyzer, text):
    found = features(classifier, analyzer, text)
    assert "tax:strong" in {label for label, _ in found.owned}
    assert TERM_OF_WORK not in dict(found.artefacts)


def test_when_builders_talk_in_a_standup_then_it_is_work_but_their_own_tax_matter_is_tax(classifier, analyzer):
    standup = ("Yesterday I finished the withholding calculator for the new state brackets. "
               "I'm still stuck on the 1099 export, the PDF library chokes on the box labels.")
    assert decide(classifier, analyzer, standup) is None
    assert decide(classifier, analyzer, "I still haven't got my 1099 and my withholding was way off this year") == "tax"


@pytest.mark.parametrize("text", [
    "I need to see a change in how you handle the Acme account by March or we'll have to talk about next steps",
    "you walked out of the client meeting halfway through, that can't happen again or I'll take it further",
    "that's the third time you did that, and next time it goes in writing",
])
def test_when_a_consequence_is_put_to_the_person_spoken_to_then_it_is_performance(classifier, analyzer, text):
    decided = decision(classifier, analyzer, text)
    assert decided.category is not None and dict(decided.scores)["performance"] >= category_data().threshold


@pytest.mark.parametrize("text", [
    "the vendor has to fix the flaky deploys by March or we'll have to talk about next steps with them",
    "the outage last night can't happen again, let's add an alert on the queue depth",
])
def test_when_a_consequence_is_about_a_system_or_vendor_then_no_category(classifier, analyzer, text):
    assert decide(classifier, analyzer, text) is None


def test_writing_for_many_readers_is_an_audience_artefact_but_a_letter_to_one_manager_is_not():
    patterns = compiled(category_data().artefacts)
    assert "audience" in artefacts("Draft a reminder email to all managers that self-reviews are due", patterns)
    assert "audience" in artefacts("Create a checklist for our support team about late filing penalties", patterns)
    assert "audience" not in artefacts("Draft an email to my manager that I'll miss Friday", patterns)


def test_when_an_assistant_is_asked_to_draft_for_many_then_work_but_for_ones_own_matter_then_dropped(
        classifier, analyzer):
    work = "Draft a reminder email to all managers that self-reviews and peer feedback are due by Friday"
    own = "Draft an email to my manager saying I'll be out next week after my gallbladder surgery"
    assert decide(classifier, analyzer, work, app="ChatGPT", source=None, kind="keystrokes") is None
    assert decide(classifier, analyzer, own, app="ChatGPT", source=None, kind="keystrokes") == "medical"


def test_one_owned_weak_term_alone_stays_below_the_threshold_at_work_and_with_a_strong_one_reaches_it(
        classifier, analyzer):
    data = category_data()
    record = RawRecord("r", "keystrokes", "u", "2026-06-09T09:00:00Z", app="Jira")
    weak = classifier._parts(record, [features(classifier, analyzer, "my refund")], set(), {})["tax"]
    assert weak["owned_terms"] == data.weights.owned_weak_term
    assert sum(weak.values()) < data.threshold
    both = classifier._parts(record, [features(classifier, analyzer, "my refund and my W-2")], set(), {})["tax"]
    assert sum(both.values()) >= data.threshold


def test_one_owned_weak_term_outside_work_counts_as_an_owned_term(classifier, analyzer):
    """Away from work the lighter weight would leave a person's own matter readable whenever the text
    classifier is unsure ("my pay got docked", "my headache won't stop" in a chat): fail closed."""
    data = category_data()
    record = RawRecord("r", "keystrokes", "u", "2026-06-09T09:00:00Z", app="Notes")
    weak = classifier._parts(record, [features(classifier, analyzer, "my refund")], set(), {})["tax"]
    assert weak["owned_terms"] == data.weights.owned_term
    assert sum(weak.values()) >= data.threshold


@pytest.mark.parametrize("text, category", [
    ("my pay got docked", "performance"),
    ("my headache won't stop", "medical"),
    ("my leave got denied", "performance"),
])
def test_one_owned_weak_term_in_a_chat_between_people_is_dropped(classifier, analyzer, text, category):
    assert decide(classifier, analyzer, text, app="Slack", source="chat") == category


def test_explain_names_the_consequence_pattern_and_a_term_of_work_without_their_words(capsys):
    said = transcript("I need to see a change in how you handle the Zubrowka account or we'll talk about next steps",
                      app="Zoom", source="voice")
    assert main([json.dumps(said), "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["owned_term_hits"].get("performance:person:consequence", 0) >= 1
    assert "Zubrowka" not in out and "next steps" not in out
    built = transcript("I shipped the withholding calculator for Quarnby Ltd", app="Zoom", source="voice")
    assert main([json.dumps(built), "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["artefacts"].get(TERM_OF_WORK) == 1 and "Quarnby" not in out


def test_a_work_head_counts_across_a_noun_phrase_but_not_past_a_stop_word(classifier, analyzer):
    compound = features(classifier, analyzer, "I was on the biopsy result status enum all day")
    assert dict(compound.artefacts).get(TERM_OF_WORK) == 1 and not compound.owned
    phrase = features(classifier, analyzer, "I asked about my refund for the export team")
    assert "tax:weak" in {label for label, _ in phrase.owned} and TERM_OF_WORK not in dict(phrase.artefacts)


def titled(classifier, analyzer, title):
    record = RawRecord("r", "keystrokes", "u", "2026-06-09T09:00:00Z", app="Google Chrome", window_title=title)
    return classifier.decide(record, [features(classifier, analyzer, title)], ()).category


def test_a_work_items_title_counts_its_subject_once_but_ones_own_document_title_counts_again(classifier, analyzer):
    assert titled(classifier, analyzer, "PLAT-7457 Emergency tax code not applied to starters - Jira") is None
    assert titled(classifier, analyzer, "My emergency tax code is wrong - letter to HMRC - Google Docs") == "tax"


@pytest.mark.parametrize("text, category", [
    ("my HIV status flag", "medical"),
    ("my insulin pump sync failed again and my sugar was at 300", "medical"),
    ("my HIV medication refill queue is stuck at the pharmacy", "medical"),
    ("my depression medication dosage calculator says I should double it", "medical"),
])
def test_when_my_stands_before_a_term_and_a_work_noun_then_the_person_still_owns_it(classifier, analyzer, text,
                                                                                      category):
    """A possessive before the phrase owns it whatever noun ends it: "my HIV status flag" is the
    speaker's own matter, not a part of a product (fail closed)."""
    found = features(classifier, analyzer, text)
    assert f"{category}:strong" in {label for label, _ in found.owned}
    assert TERM_OF_WORK not in dict(found.artefacts)
    assert decide(classifier, analyzer, text, app="Slack", source="chat") == category


@pytest.mark.parametrize("text, category, app, source, kind", [
    ("To all managers: my leave got denied and nobody told me why", "performance", "Gmail", "chat", "transcript"),
    ("Email to all staff: my pay got docked this month without any explanation", "performance", "Gmail", None,
     "keystrokes"),
    ("for our team: I'll be out today, my infection is back", "medical", "Slack", "chat", "transcript"),
])
def test_ones_own_matter_sent_to_many_readers_is_no_audience_artefact(classifier, analyzer, text, category, app,
                                                                      source, kind):
    """Writing for many readers is work only when the writer owns no category term in it: a personal
    complaint or sick note sent "to all managers" is still the writer's own matter."""
    assert decide(classifier, analyzer, text, app=app, source=source, kind=kind) == category


def titled_with(classifier, analyzer, app, title, text):
    record = RawRecord("r", "keystrokes", "u", "2026-06-09T09:00:00Z", app=app, window_title=title)
    found = [features(classifier, analyzer, title), features(classifier, analyzer, text)]
    return classifier.decide(record, found, ()).category


@pytest.mark.parametrize("app, title, text", [
    ("Slack", "#chemo-buddies - Slack", "round 3 tomorrow, wish me luck"),
    ("Google Chrome", "Therapy session notes - Jira", "felt anxious all week again"),
])
def test_a_work_tools_title_naming_no_work_item_counts_its_term_again(classifier, analyzer, app, title, text):
    """Only a title that names a work item (a ticket key, a PR number) counts its owned terms alone: a
    support channel or a personal note in a work tool still counts one unowned title term again."""
    assert titled_with(classifier, analyzer, app, title, text) == "medical"
    assert titled(classifier, analyzer, "PLAT-7457 Emergency tax code not applied to starters - Jira") is None


def test_an_abortion_said_in_a_chat_is_medical(classifier, analyzer):
    assert decide(classifier, analyzer, "I had an abortion last week", app="Slack", source="chat") == "medical"


@pytest.mark.parametrize("text, category", [
    ("your insulin pump sync failed again", "medical"),
    ("so your HIV medication refill queue is stuck?", "medical"),
])
def test_when_your_stands_before_a_term_and_a_work_noun_in_a_call_then_the_person_spoken_to_owns_it(
        classifier, analyzer, text, category):
    assert decide(classifier, analyzer, text) == category
