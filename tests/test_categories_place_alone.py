"""The place alone (a work app, a `#channel` or a work tool's title) never cancels a strong term when the text
itself shows no work (issue 17), and a tab or a line break ends a term's noun phrase as a cell does."""
from __future__ import annotations

import pytest

from models.categories import CategoryClassifier, category_data, load_text_classifier
from models.records import RawRecord


@pytest.fixture(scope="module")
def classifier(analyzer):
    return CategoryClassifier(analyzer.nlp_engine.nlp["en"], category_data(), load_text_classifier(category_data()))


def decide(classifier, analyzer, text, app, title):
    nlp = analyzer.nlp_engine.nlp["en"]
    record = RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app=app, window_title=title)
    features = [classifier.features(nlp(text)), classifier.features(nlp(title))]
    return classifier.decide(record, features, ()).category


@pytest.mark.parametrize("text, app, title, expected", [
    ("ooo thurs pm, colonoscopy prep is a whole thing 🙃 back fri", "Slack", "Slack | #eng-infra", "medical"),
    ("colonoscopy prep tomorrow so ooo", "Microsoft Teams", "#platform-team | Microsoft Teams", "medical"),
    ("out friday morning for my mammogram", "Slack", "Slack | #design", "medical"),
    ("Colonoscopy tmrw so OOO", "Slack", "Slack | #eng-infra", "medical"),
    ("on a PIP since march, not sure what to do", "Slack", "Slack | #random", "performance"),
    ("Nguyen, Linh\t2\tPartially meets\tflag for PIP", "Google Sheets",
     "H2 calibration - Infra - Google Sheets", "performance"),
])
def test_a_strong_term_of_a_text_that_shows_no_work_is_not_cancelled_by_the_place_alone(
        classifier, analyzer, text, app, title, expected):
    assert decide(classifier, analyzer, text, app, title) == expected


@pytest.mark.parametrize("text, app, title", [
    ("termination handler SIGTERM graceful shutdown worker", "Confluence", "Search - Confluence"),
    ("PLAT-88: colonoscopy prep reminder template renders twice on staging", "Slack", "Slack | #eng-infra"),
    ("the PIP status flag column migration is merged, deploying after standup", "Slack", "Slack | #eng-hr-tools"),
])
def test_work_about_a_category_in_a_work_place_stays_work(classifier, analyzer, text, app, title):
    assert decide(classifier, analyzer, text, app, title) is None
