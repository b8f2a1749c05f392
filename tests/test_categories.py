"""The record-level category decision on the real spaCy pipeline: positives and hard negatives."""
from __future__ import annotations

import pytest

from models.categories import CategoryClassifier, category_data, load_text_classifier
from models.config_files import ConfigFileError, term_list
from models.records import RawRecord


@pytest.fixture(scope="module")
def classifier(analyzer):
    return CategoryClassifier(analyzer.nlp_engine.nlp["en"], category_data(), load_text_classifier(category_data()))


def decide(classifier, analyzer, text, app=None, url=None, entities=(), title=None):
    nlp = analyzer.nlp_engine.nlp["en"]
    record = RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app=app, url=url, window_title=title)
    return classifier.decide(record, [classifier.features(nlp(text))], entities).category


@pytest.mark.parametrize("text, app, url, expected", [
    ("A1C came back at 7.9, endo wants to bump the metformin", "Slack", None, "medical"),
    ("can't make standup, need to get bloods drawn before 9", "Slack", None, "medical"),
    ("my refund still hasn't come, I filed my 1040 in Feb", "Chrome", "https://www.irs.gov/refunds", "tax"),
    ("updating my direct deposit to the new checking account", "Chrome", None, "tax"),
    ("miss you babe, dinner at your mom's on sunday?", "Messages", None, "private_chat"),
    ("ok see you there", "WhatsApp", None, "private_chat"),
    ("She keeps underperforming; we should put her on a PIP after calibration", "Slack", None, "performance"),
    ("Overall rating: meets expectations. Growth areas: delegation", "Chrome",
     "https://acme.latticehq.com/reviews", "performance"),
])
def test_when_record_is_sensitive_then_its_category_is_found(classifier, analyzer, text, app, url, expected):
    assert decide(classifier, analyzer, text, app, url) == expected


@pytest.mark.parametrize("text, app", [
    ("add an index on the patient_id column in the encounters table", "DataGrip"),
    ("write unit tests for calculate_withholding() using the W-2 fixture", "PyCharm"),
    ("can we grab 30 min Thursday for the design review?", "Slack"),
    ("p99 latency performance regression after the deploy", "Grafana"),
    ("pip install -r requirements.txt failed on the build", "Terminal"),
    ("the doctor subcommand checks your env before the release", "Terminal"),
    ("LGTM, promote this build to prod", "GitHub"),
])
def test_when_work_only_mentions_a_trigger_word_then_no_category(classifier, analyzer, text, app):
    assert decide(classifier, analyzer, text, app) is None


def test_when_a_note_holds_pay_changes_then_it_is_performance(classifier, analyzer):
    assert decide(classifier, analyzer, "band 168k - 212k\nPriya 172k -> 185k\nTom 158k -> 158k (hold)",
                  "Numbers") == "performance"


def test_when_two_people_are_handed_ratings_then_it_is_performance_but_one_number_alone_is_not(
        classifier, analyzer):
    assert decide(classifier, analyzer, "so I'm the one who gets the 3 so Mei gets a 5?", "Notes") == "performance"
    assert decide(classifier, analyzer, "can you give a 5 minute demo at the sync?", "Notes") is None


def test_when_the_title_uses_a_messenger_name_as_a_word_then_it_is_not_that_messenger(classifier, analyzer):
    nlp = analyzer.nlp_engine.nlp["en"]
    features = classifier.features(nlp("calibrate the sensor thresholds on the rigs before the firmware push"))

    def private_chat_score(title):
        record = RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app="Zoom", window_title=title)
        return dict(classifier.decide(record, [features], ()).scores)["private_chat"]

    assert private_chat_score("Zoom - Line 3 firmware") == private_chat_score("Zoom - Rig 3 firmware")
    assert private_chat_score("LINE - Rig 3 firmware") > private_chat_score("Zoom - Rig 3 firmware")


def test_a_strong_term_in_the_window_title_counts_once_more_as_the_title_names_the_document(classifier, analyzer):
    nlp = analyzer.nlp_engine.nlp["en"]
    texts = [classifier.features(nlp("Promo case - draft")), classifier.features(nlp("led the auth rewrite"))]

    def title_part(title):
        record = RawRecord("r", "keystrokes", "u", "2026-06-09T09:00:00Z", app="Notion", window_title=title)
        return classifier.explain(record, texts, ())["scores"]["performance"]["parts"]["title_terms"]

    # The same texts; only whether the one holding "promo case" is the window title differs.
    assert title_part("Promo case - draft") == pytest.approx(category_data().weights.title_term)
    assert title_part("Untitled") == 0


def test_a_decision_is_settled_without_ner_only_when_no_ner_signal_could_change_it(classifier):
    from models.categories import CategoryDecision
    threshold = category_data().threshold
    money = category_data().categories["tax"].ner_labels["MONEY"]

    def decision(winner, **scores):
        return CategoryDecision(winner, tuple({"medical": -1.0, "tax": -1.0, "private_chat": -1.0, "performance": -1.0,
                                               **scores}.items()))

    assert classifier.settled(decision("medical", medical=threshold + 1), frozenset({"PERSON"}))
    assert classifier.settled(decision("performance", performance=threshold + 1, tax=threshold - money - 0.5),
                              frozenset())
    # tax is ahead of performance and NER's MONEY label could lift it over the threshold
    assert not classifier.settled(decision("performance", performance=threshold + 1, tax=threshold - money / 2),
                                  frozenset())
    # within the rounding of the scores (3 decimals) of reaching it: not settled either
    assert not classifier.settled(decision("performance", performance=threshold + 1, tax=threshold - money - 0.0005),
                                  frozenset())
    assert not classifier.settled(decision(None), frozenset())


def test_when_detected_entities_point_to_a_category_then_they_count_and_tax_identifiers_decide(classifier, analyzer):
    nlp = analyzer.nlp_engine.nlp["en"]
    record = RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app="Notes")
    features = [classifier.features(nlp("here you go: 536-22-4187"))]
    with_ssn, without = (classifier.decide(record, features, entities) for entities in ({"US_SSN"}, ()))
    assert dict(with_ssn.scores)["tax"] - dict(without.scores)["tax"] == pytest.approx(
        category_data().categories["tax"].entities["US_SSN"])
    assert max(category_data().categories["medical"].entities.values()) < category_data().threshold
    assert category_data().categories["tax"].entities["US_SSN"] >= category_data().threshold
    assert decide(classifier, analyzer, "my new SSN card came: 536-22-4187, can you update my W-4?", "Notes",
                  entities={"US_SSN"}) == "tax"


def test_when_categories_file_names_an_unknown_category_then_loading_fails(tmp_path):
    path = tmp_path / "categories.yaml"
    from models.categories import CATEGORIES_FILE
    path.write_text(CATEGORIES_FILE.read_text().replace("  performance:\n", "  perfomance:\n"))
    with pytest.raises(ConfigFileError, match="categories"):
        category_data.__wrapped__(path)


def test_term_files_are_lower_case_phrases_without_comments():
    terms = term_list("terms/medical.strong.txt")
    assert "a1c" in terms and all(t == t.lower() and not t.startswith("#") for t in terms)


def test_context_matches_whole_app_names_and_domain_suffixes(classifier, analyzer):
    assert decide(classifier, analyzer, "ok see you there", app="WhatsApp Desktop") == "private_chat"
    assert decide(classifier, analyzer, "fixed the sidebar spacing", app="Outline") is None
    assert decide(classifier, analyzer, "checkout page copy updated", app="Chrome",
                  url="https://www.purchase.com/cart") is None


def test_when_a_category_pattern_does_not_compile_then_loading_fails_naming_the_key(tmp_path):
    from models.categories import CATEGORIES_FILE
    path = tmp_path / "categories.yaml"
    path.write_text(CATEGORIES_FILE.read_text().replace("    patterns:\n", "    patterns:\n      '(unclosed': 1.0\n"))
    with pytest.raises(ConfigFileError, match="categories.medical.patterns"):
        category_data.__wrapped__(path)
