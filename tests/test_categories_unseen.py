"""Kinds of tax and performance matter beyond the US return and the PIP (tax authorities' notices
and other countries' forms; probation, capability and disciplinary processes, a named person let
go), the work about the same subjects, form names matched as written, and precedence that puts
categories with evidence in the text first. On the real spaCy pipeline and text classifier."""
from __future__ import annotations

import pytest

from models.categories import CategoryClassifier, CategoryDecision, category_data, load_text_classifier
from models.records import RawRecord


@pytest.fixture(scope="module")
def classifier(analyzer):
    return CategoryClassifier(analyzer.nlp_engine.nlp["en"], category_data(), load_text_classifier(category_data()))


def features(classifier, analyzer, text):
    return classifier.features(analyzer.nlp_engine.nlp["en"](text))


def record(app="Slack"):
    return RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app=app)


def decide(classifier, analyzer, text, app="Slack"):
    return classifier.decide(record(app), [features(classifier, analyzer, text)], ()).category


@pytest.mark.parametrize("text, expected", [
    ("HMRC says I still owe on my self assessment, the deadline is the 31st", "tax"),
    ("my P60 shows the wrong tax code, I've been on emergency tax for months", "tax"),
    ("got a CP2000 notice, apparently I underreported my side income", "tax"),
    ("the county reassessed the house and our property tax went up a lot", "tax"),
    ("ich muss noch meine Steuererklärung machen, das Finanzamt hat gemahnt", "tax"),
    ("HR booked a disciplinary meeting with me for Monday, can I bring someone?", "performance"),
    ("they extended my probation by three months after the probation review", "performance"),
    ("I was told my role is at risk of redundancy, consultation starts next week", "performance"),
    ("we're letting Jorge go at the end of the month, keep it quiet", "performance"),
    ("I need to fire Paolo after three no-call no-shows", "performance"),
    ("my company is doing a reduction in force and I'm on the list", "performance"),
    ("HR put Marco on administrative leave pending investigation", "performance"),
    ("I need to do my income tax return before the 31st", "tax"),
    ("the inheritance tax on my dad's house is going to be brutal", "tax"),
])
def test_a_persons_tax_notice_or_hr_process_beyond_the_us_return_and_the_pip_is_its_category(
        classifier, analyzer, text, expected):
    assert decide(classifier, analyzer, text) == expected


@pytest.mark.parametrize("text, app", [
    ("draft a changelog entry for the HMRC self assessment deadline banner", "ChatGPT"),
    ("summarize the open issues on the probation period field in the HRIS", "ChatGPT"),
    ("can someone pair on the redundancy of the primary database? failover is flaky", "Slack"),
    ("PLAT-812 the VAT return export template drops the last row, fixed in v2.3.1", "Slack"),
    ("let it go to the default queue, we need to fire alerts less often", "Slack"),
    ("demoted the old primary to a replica, failover test passed", "Slack"),
    ("the income tax calculation module fails for negative adjustments, see PAY-551", "Slack"),
    ("stamp duty calculator in the mortgage app rounds wrong for first-time buyers", "Slack"),
])
def test_work_about_tax_authorities_and_hr_processes_is_kept(classifier, analyzer, text, app):
    assert decide(classifier, analyzer, text, app) is None


@pytest.mark.parametrize("text, found", [
    ("I still have to file my schedule a", True),
    ("HR scheduled a call with the vendor", False),
    ("she scheduled a sync about the schedules", False),
])
def test_a_form_name_matches_as_written_never_by_lemma(classifier, analyzer, text, found):
    terms = dict(features(classifier, analyzer, text).terms)
    assert ("schedule a" in terms.get("tax:strong", frozenset())) is found


def test_a_named_person_let_go_or_fired_counts_but_letting_a_thing_go_does_not(classifier, analyzer):
    def patterns(text):
        explained = classifier.explain(record("Notes"), [features(classifier, analyzer, text)], ())
        return explained["scores"]["performance"]["parts"]["patterns"]

    assert patterns("we are letting Jorge go on Friday") > 0 and patterns("I have to fire Paolo") > 0
    assert patterns("let it go, the queue will fire retries") == 0
    assert patterns("let me go first, then fire off the build") == 0


def test_a_category_only_the_classifier_carries_never_outranks_one_the_text_names(classifier, analyzer):
    text = [features(classifier, analyzer, "HR booked a disciplinary meeting with me for Monday")]
    # The classifier certain of tax (ahead of performance in precedence), with no tax term in the text.
    [decision] = classifier.decide_with([(record(), text, ())], [{"tax": 1.0}])
    scores = dict(decision.scores)
    data = category_data()
    assert scores["tax"] >= data.threshold and scores["performance"] >= data.threshold
    assert decision.evidenced == {"performance"} and decision.category == "performance"


def test_without_evidence_in_the_text_precedence_alone_still_decides(classifier, analyzer):
    text = [features(classifier, analyzer, "ok, talk later")]
    [decision] = classifier.decide_with([(record(), text, ())], [{"tax": 1.0, "performance": 1.0}])
    assert decision.evidenced == frozenset() and decision.category == "tax"


def test_a_winner_without_evidence_is_settled_only_when_no_other_category_can_reach_the_threshold(classifier):
    scores = (("medical", 3.0), ("tax", 1.0), ("private_chat", 0.0), ("performance", 0.0))
    ssn = frozenset({"US_SSN"})  # NER could still find one, and a tax entity would carry tax over
    assert classifier.settled(CategoryDecision("medical", scores, frozenset({"medical"})), ssn)
    assert not classifier.settled(CategoryDecision("medical", scores, frozenset()), ssn)
