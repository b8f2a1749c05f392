"""A person's own matter vs work about it: owned terms, work artefacts, and decisions on both sides."""
from __future__ import annotations

import pytest

from models.categories import CategoryClassifier, TextFeatures, category_data, load_text_classifier
from models.category_signals import artefacts, compiled
from models.records import RawRecord


@pytest.fixture(scope="module")
def classifier(analyzer):
    return CategoryClassifier(analyzer.nlp_engine.nlp["en"], category_data(), load_text_classifier(category_data()))


def features(classifier, analyzer, text):
    return classifier.features(analyzer.nlp_engine.nlp["en"](text))


def decide(classifier, analyzer, text, app="Slack", title=None):
    record = RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app=app, window_title=title)
    return classifier.decide(record, [features(classifier, analyzer, text)], ()).category


@pytest.mark.parametrize("text, owned", [
    ("my refund still has not come", {"refund"}),
    ("she is on a PIP since march", {"pip"}),
    ("Jordan is getting a PIP next week", {"pip"}),
    ("재현 got a final warning today", {"final warning"}),
])
def test_when_a_person_word_or_a_named_subject_stands_before_a_term_then_the_term_is_owned(
        classifier, analyzer, text, owned):
    found = {phrase for _, phrases in features(classifier, analyzer, text).owned for phrase in phrases}
    assert owned <= found


@pytest.mark.parametrize("text", [
    "the refund endpoint returns 500 for partial captures",
    "the payroll engine is on PIP review mode. my PR fixes the flag",
    "add a withholding column; the user uploads their W-2",
    "Upload your W-2 to continue",
])
def test_when_no_one_stands_before_a_term_then_it_is_not_owned(classifier, analyzer, text):
    owned = {label for label, _ in features(classifier, analyzer, text).owned if not label.startswith("work")}
    assert "tax:strong" not in owned and "tax:weak" not in owned and "performance:weak" not in owned


@pytest.mark.parametrize("text, names", [
    ("PAY-1423 breaks the W-4 calculator in withholding.py", {"ticket_key", "code_file"}),
    ("rolled out to 1,200 tenants in v2.4.1, see PR #881", {"population", "version", "change_ref"}),
    ("scope it for Sprint 14", {"sprint"}),
])
def test_work_artefacts_are_found_by_pattern(text, names):
    assert set(artefacts(text, compiled(category_data().artefacts))) == names


@pytest.mark.parametrize("text", ["I tested positive for COVID-19 this morning", "my W-2 came, box 12 is wrong",
                                  "she has an I-9 appointment"])
def test_forms_and_diseases_are_not_ticket_keys(text):
    assert "ticket_key" not in artefacts(text, compiled(category_data().artefacts))


@pytest.mark.parametrize("text, expected", [
    ("sorry, my dad had a stroke last night, I'll be out today", "medical"),
    ("heads up, I owe the IRS about 3k and my refund from last year never came", "tax"),
    ("I want to report Dana for yelling at me in front of the team again", "performance"),
    ("can you pick up the kids at 4? mom's flight is late and I'm stuck", "private_chat"),
])
def test_a_persons_own_matter_in_a_work_tool_is_its_category(classifier, analyzer, text, expected):
    assert decide(classifier, analyzer, text) == expected


@pytest.mark.parametrize("text, app", [
    ("PAY-2210: the W-4 withholding calculator rounds state tax wrong for 340 tenants", "Slack"),
    ("draft a reminder to the managers that the review cycle closes on Friday", "ChatGPT"),
    ("added unit tests for the prescription refill API in refill_service.py", "Slack"),
    ("vendor onboarding: please send the signed W-9 and the billing contact for the PO", "Outlook"),
    ("my work number is +1 415 555 0100, call me if the deploy stalls", "Zoom"),
])
def test_work_about_a_categorys_subject_is_kept(classifier, analyzer, text, app):
    assert decide(classifier, analyzer, text, app) is None


def test_an_app_alone_never_decides(classifier, analyzer):
    data = category_data()
    assert data.weights.max_context < data.threshold
    assert decide(classifier, analyzer, "the build is green, merging the fix now", app="WhatsApp") is None


def test_weak_terms_count_up_to_their_cap(classifier, analyzer):
    record = RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app="Notes")
    explained = classifier.explain(record, [features(classifier, analyzer, "pay review cycle performance calibration")], ())
    weights = category_data().weights
    assert explained["term_hits"]["performance:weak"] > weights.max_weak_terms
    assert explained["scores"]["performance"]["parts"]["weak_terms"] == weights.weak_term * weights.max_weak_terms


def test_when_a_categorys_context_could_decide_alone_then_loading_fails_naming_it(tmp_path):
    from models.categories import CATEGORIES_FILE
    from models.config_files import ConfigFileError
    path = tmp_path / "categories.yaml"
    path.write_text(CATEGORIES_FILE.read_text().replace("    max_context: 2.0", "    max_context: 3.0", 1))
    with pytest.raises(ConfigFileError, match="medical.max_context"):
        category_data.__wrapped__(path)


@pytest.mark.parametrize("app, text, capped", [
    ("Notes", "W-2 wages, 1099-INT interest and the 1098 statement", False),  # no work signal: all count
    ("Slack", "PAY-12: parse W-2 wages, 1099-INT interest and the 1098 statement", True),  # at work
    ("TurboTax", "PAY-12: parse W-2 wages, 1099-INT interest and the 1098 statement", False),  # its own app
])
def test_unowned_strong_terms_are_capped_only_at_work_outside_the_categorys_own_app(
        classifier, analyzer, app, text, capped):
    record = RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app=app)
    explained = classifier.explain(record, [features(classifier, analyzer, text)], ())
    weights, found = category_data().weights, explained["term_hits"]["tax:strong"]
    assert found > weights.max_unowned_at_work
    counted = weights.max_unowned_at_work if capped else found
    assert explained["scores"]["tax"]["parts"]["strong_terms"] == weights.strong_term * counted


@pytest.mark.parametrize("text, owned", [
    ("my 2025 W-2 has the wrong address", True),
    ("his written warning is on file", True),
    ("ask my team whether the W-2 export is done", False),
    ("draft a note to my reports that written warning templates moved", False),
])
def test_a_possessive_owns_only_the_term_it_stands_before(classifier, analyzer, text, owned):
    found = {label for label, _ in features(classifier, analyzer, text).owned}
    assert bool(found & {"tax:strong", "performance:strong"}) == owned


@pytest.mark.parametrize("title, expected", [
    ("OPS-311 MyChart login loops after SSO change - Jira", None),  # work about the portal, in a browser
    ("Test results - MyChart", "medical"),  # a person's own page of it
])
def test_a_work_tool_named_in_a_browser_title_is_a_work_place_and_naming_a_portal_is_not_being_in_it(
        classifier, analyzer, title, expected):
    record = RawRecord("r", "keystrokes", "u", "2026-06-09T09:00:00Z", app="Google Chrome", window_title=title,
                       url="https://mychart.example-health.org/MyChart/" if expected else None)
    assert classifier.decide(record, [features(classifier, analyzer, title)], ()).category == expected


@pytest.mark.parametrize("host, matches", [
    ("www.doctolib.fr", True), ("doctolib.de", True), ("mydoctolib.fr", False), ("doctolib-clone.dev", False),
])
def test_a_host_glob_matches_the_host_or_the_host_without_its_leading_labels(host, matches):
    from models.categories import _host_matches
    assert _host_matches(host, ("doctolib.*",)) == matches


@pytest.mark.parametrize("text, expected", [
    ("got shingles, working from bed today", "medical"),
    ("promotion denied for the second year running", "performance"),
    ("need to sort out my crypto gains before April", "tax"),
])
def test_a_short_line_about_ones_own_matter_is_its_category(classifier, analyzer, text, expected):
    assert decide(classifier, analyzer, text, app="Messages") == expected


def test_a_stray_key_under_a_window_title_gives_the_text_classifier_nothing_to_judge(classifier, analyzer):
    record = RawRecord("r", "keystrokes", "u", "2026-06-09T09:00:00Z", app="Discord", window_title="@mei - Discord")
    title = features(classifier, analyzer, "@mei - Discord")
    assert classifier.probabilities([(record, [title, features(classifier, analyzer, "s")], ())]) == [{}]
    assert classifier.probabilities([(record, [title, features(classifier, analyzer, "see you at 6")], ())])[0]


@pytest.mark.parametrize("text, matched", [
    ("calibration knocked me down to a 2", True), ("they bumped her up to a 4 this cycle", True),
    ("we scaled down to a 2-node cluster", False), ("cut the timeout down to 2 seconds", False),
])
def test_a_rating_moved_to_a_number_is_a_performance_pattern(classifier, text, matched):
    record = RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app="Notes")
    feature = TextFeatures(text, (), frozenset(), 0)
    parts = classifier.explain(record, [feature], ())["scores"]["performance"]["parts"]
    assert (parts["patterns"] > 0) == matched
