"""Whose matter a record is, on the real spaCy model and the shipped text classifier: the first person's
possessives of other languages own a term as "my" does; "not a promotion year for you" is performance; a
writer's own matter beside a group of people stays theirs."""
from __future__ import annotations

import pytest

from models.categories import CategoryClassifier, category_data, load_text_classifier
from models.category_signals import ArtefactSignals
from models.config_files import ConfigFileError, load_yaml_file
from models.records import RawRecord


@pytest.fixture(scope="module")
def classifier(analyzer):
    return CategoryClassifier(analyzer.nlp_engine.nlp["en"], category_data(), load_text_classifier(category_data()))


def decide(classifier, analyzer, text, app="Zoom", source="voice", kind="transcript"):
    record = RawRecord("r", kind, "u", "2026-06-09T09:00:00Z", app=app, source=source)
    return classifier.decide(record, [classifier.features(analyzer.nlp_engine.nlp["en"](text))], ()).category


def test_a_yielding_artefact_must_be_an_artefact_pattern(tmp_path):
    path = tmp_path / "artefacts.yaml"
    path.write_text("patterns: {ticket_key: 'X-1'}\nyield_to_owner: [audience]\n")
    with pytest.raises(ConfigFileError, match="yield_to_owner"):
        load_yaml_file(path, ArtefactSignals)


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


@pytest.mark.parametrize("text, category", [
    ("ich habe Depressionen und nehme Medikamente", "medical"),
    ("ik heb een burn-out en zit thuis", "medical"),
    ("ich muss morgen zum Bluttest", "medical"),
    ("ik moet morgen een bloedtest doen", "medical"),
    ("mi examen de sangre salió mal", "medical"),
    ("je dois refaire le test sanguin demain", "medical"),
    ("mijn beoordeling was slecht, ik krijg geen promotie dit jaar", "performance"),
])
def test_ones_own_health_and_appraisal_in_other_languages_words_are_their_category(classifier, analyzer, text, category):
    assert decide(classifier, analyzer, text, app="Slack", source="chat") == category


@pytest.mark.parametrize("text", [
    "je lance le test de charge sur le serveur",
    "je pense que le test de performance du serveur est trop lent",
    "mi test de integración falla en CI",
    "the beoordeling module needs a new endpoint for the API",
    "we need a burn-out rate chart for the sprint dashboard",
    "the Bluttest import parser fails on empty rows",
])
def test_a_software_test_named_noun_first_with_je_or_mi_before_it_is_no_category(classifier, analyzer, text):
    assert decide(classifier, analyzer, text, app="Slack", source="chat") is None
