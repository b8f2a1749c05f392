"""Whose matter a record is, on the real spaCy model and the shipped text classifier: a product's users named
as a group (`user_group`) make the matter the product's, unless the writer owns a term; the first person's
possessives of other languages own a term as "my" does; "not a promotion year for you" is performance."""
from __future__ import annotations

import pytest

from models.categories import CategoryClassifier, category_data, load_text_classifier
from models.category_signals import ArtefactSignals, artefacts, compiled
from models.config_files import ConfigFileError, load_yaml_file
from models.records import RawRecord


@pytest.fixture(scope="module")
def classifier(analyzer):
    return CategoryClassifier(analyzer.nlp_engine.nlp["en"], category_data(), load_text_classifier(category_data()))


def decide(classifier, analyzer, text, app="Zoom", source="voice", kind="transcript"):
    record = RawRecord("r", kind, "u", "2026-06-09T09:00:00Z", app=app, source=source)
    return classifier.decide(record, [classifier.features(analyzer.nlp_engine.nlp["en"](text))], ()).category


@pytest.mark.parametrize("text", [
    "refill reminders go out twice for patients on the family plan",
    "les salariés à temps partiel ont un mauvais taux",
    "los empleados no pueden descargar el certificado",
    "HR admins asked for a bulk approve button",
])
def test_a_products_users_named_as_a_group_are_a_user_group_artefact(text):
    assert "user_group" in artefacts(text, compiled(category_data().artefacts))


@pytest.mark.parametrize("text", ["my manager said no", "the user_id column is null", "a patient portal login"])
def test_one_person_or_an_identifier_is_no_user_group(text):
    assert "user_group" not in artefacts(text, compiled(category_data().artefacts))


def test_a_yielding_artefact_must_be_an_artefact_pattern(tmp_path):
    path = tmp_path / "artefacts.yaml"
    path.write_text("patterns: {ticket_key: 'X-1'}\nyield_to_owner: [audience]\n")
    with pytest.raises(ConfigFileError, match="yield_to_owner"):
        load_yaml_file(path, ArtefactSignals)


@pytest.mark.parametrize("text", [
    "so the lab results page, patients on the basic plan only see the last twelve months, sales wants it longer",
    "le calcul du prélèvement à la source est faux pour les salariés à temps partiel, je regarde",
])
def test_work_on_a_products_users_matters_said_in_a_call_is_no_category(classifier, analyzer, text):
    assert decide(classifier, analyzer, text) is None


@pytest.mark.parametrize("text, category", [
    ("my doctor says patients like me need the infusion every six weeks", "medical"),
    ("the other patients got seen first and I waited six hours with my broken wrist", "medical"),
    ("all the employees got their bonus except me, my rating came back as partially meets", "performance"),
])
def test_a_writers_own_matter_beside_a_user_group_stays_their_own(classifier, analyzer, text, category):
    assert decide(classifier, analyzer, text, app="Slack", source="chat") == category


@pytest.mark.parametrize("text, category", [
    ("mein Jahresgespräch war schlecht, kein Bonus dieses Jahr", "performance"),
    ("mi evaluación de desempeño salió baja otra vez", "performance"),
    ("I'll be straight with you, this isn't a promotion year for you, the scope isn't there", "performance"),
])
def test_ones_own_review_in_other_languages_or_a_promotion_refused_is_performance(classifier, analyzer, text, category):
    assert decide(classifier, analyzer, text) == category


@pytest.mark.parametrize("text", [
    "ich habe den Lohnsteuer-Export für Teilzeitkräfte repariert",
    "la nómina del mes calcula mal la retención para contratos a tiempo parcial",
    "the promo cycle calibration view ships after the review window closes",
])
def test_work_typed_about_payroll_and_reviews_in_a_ticket_is_no_category(classifier, analyzer, text):
    assert decide(classifier, analyzer, text, app="Jira", source=None, kind="keystrokes") is None
