"""Category shapes that text written by other hands showed (issue 17, evaluation/category_probe.py): tax
notices in other languages' wording, low ratings in a review form's fields, a consequence for a person
that names HR or their record; each with work about the same subject that must stay."""
from __future__ import annotations

import re

import pytest

from models.categories import CategoryClassifier, category_data, load_text_classifier
from models.records import RawRecord


@pytest.fixture(scope="module")
def classifier(analyzer):
    return CategoryClassifier(analyzer.nlp_engine.nlp["en"], category_data(), load_text_classifier(category_data()))


def decide(classifier, analyzer, text, app=None, title=None, source="chat", kind="transcript"):
    nlp = analyzer.nlp_engine.nlp["en"]
    record = RawRecord("r", kind, "u", "2026-06-09T09:00:00Z", app=app, window_title=title, source=source)
    return classifier.decide(record, [classifier.features(nlp(text))], ()).category


@pytest.mark.parametrize("text, app, title, expected", [
    ("Voorlopige aanslag 2026. Te betalen: € 980, uiterlijk 1 juli", "Google Chrome", "Mijn Belastingdienst", "tax"),
    ("Borrador de la declaración listo. Resultado a devolver 233,10 €", "Firefox", "Inicio", "tax"),
    ("Prélèvement à la source: votre taux passe à 7,5 % en septembre", "Firefox", "Espace particulier", "tax"),
    ("Overall rating: 2 - Needs improvement. Comments: estimates were off most of the half", "Google Chrome",
     "Mid-year review", "performance"),
    ("Beoordelingsgesprek: verbeterplan van zes weken afgesproken", "Microsoft Word", "Document1", "performance"),
    ("please get the onboarding docs done by Thursday or this goes into your review", "Slack", "Slack", "performance"),
    ("your tickets keep slipping and the client noticed; if this doesn't turn around by the end of the month "
     "I'll have to involve HR", "Microsoft Teams", "Chat", "performance"),
    ("honestly, the quality of your last two releases was not acceptable", "Microsoft Teams", "Chat", "performance"),
    ("wir müssen reden: deine Ziele aus dem Quartal sind nicht erreicht", "Zoom", "Zoom Meeting", "performance"),
    ("DNR and healthcare proxy on file, palliative care consult requested", "Microsoft Word", "Document1", "medical"),
    ("Antibiotics for a left heel ulcer, rule out osteomyelitis", "Google Chrome", "Notes", "medical"),
    # review 3: other languages' own matters, and "gerd" left the terms for its long name
    ("Imposto a restituir: R$ 1.240,00", "Google Chrome", "Receita Federal", "tax"),
    ("Valutazione: insufficiente", "Google Chrome", "Review", "performance"),
    ("no cumples los objetivos desde hace dos trimestres, Ana", "Microsoft Teams", "Chat", "performance"),
    ("Évaluation annuelle: objectifs non atteints", "Google Chrome", "Entretien annuel", "performance"),
    ("fix it by Friday or we will have to formalise this", "Microsoft Teams", "Chat", "performance"),
    ("ugh my acid reflux is flaring again, skipping the team lunch", "WhatsApp", "WhatsApp", "medical"),
    ("Avis d'impôt 2026 — montant restant à payer : 860 €", "Firefox", "impots.gouv.fr", "tax"),
    ("Rating: 2 (Needs improvement)", "Google Chrome", "Review", "performance"),
    ("Se acuerda un plan de mejora con seguimiento quincenal para Ana", "Microsoft Word", "Document1", "performance"),
])
def test_when_another_hand_writes_an_own_matter_then_its_category_is_found(classifier, analyzer, text, app, title,
                                                                          expected):
    assert decide(classifier, analyzer, text, app, title) == expected


@pytest.mark.parametrize("text, app, title", [
    ("PLAT-88 the belastingdienst XML export fails schema validation for aanslag files", "Jira", "PLAT-88 - Jira"),
    ("PERF-12 rating dropdown: the Needs improvement option is missing in the DE locale", "Jira", "PERF-12 - Jira"),
    ("finish the migration by Friday or it goes into the review queue next sprint", "Slack", "#platform"),
    ("corregir cálculo de retenciones IRPF para nóminas de marzo", "Visual Studio Code", "payroll.py"),
    ("we need to improve the build time by Friday or the release slips", "Slack", "#eng"),
    ("the quality of the PDF export is not acceptable, customers see blank pages", "Slack", "#support"),
    ("die Sprintziele wurden nicht erreicht, weil der Build zwei Tage kaputt war", "Slack", "#team-payroll"),
    ("Leistungsbeurteilung Formular: Pflichtfeld Zielerreichung wird nicht validiert", "Google Chrome", "New Tab"),
    ("CLIN-44 the sepsis alert rule fires twice for every encounter after the deploy", "Jira", "CLIN-44 - Jira"),
    ("the discharge summary template loses its header in the PDF export", "Slack", "#ehr-team"),
    # review 3: a colleague named Gerd, a system's targets, process improvement, work formalised later
    ("Hi Gerd, can we move our 1:1 to Thursday?", "Zoom", "Zoom Meeting"),
    ("Gerd Müller hat den Termin auf Donnerstag verschoben", "Microsoft Outlook", "Inbox"),
    ("ok let's lock the schema now, otherwise we'll have to formalise it after launch", "Zoom", "Zoom Meeting"),
    ("rebase before Friday, otherwise it goes into your review queue", "Slack", "Slack"),
    ("Die Performance-Ziele (p99 unter 200 ms) wurden nicht erreicht", "Slack", "Slack"),
    ("El servicio no cumple los objetivos de latencia del SLO", "Slack", "Slack"),
    ("SLO mensuel: objectifs non atteints pour la latence p99", "Slack", "Slack"),
    ("plan de mejora continua del proceso de despliegue", "Microsoft Word", "Document1"),
    ("plano de melhoria do sistema de pagamentos, fase 2", "Microsoft Word", "Document1"),
    # a shop's checkout or refund, an invoice, a ticket quoting a rating field's string
    ("Montant à payer : 89,90 € — Montant dû après remise : 79,90 €", "Google Chrome", "Panier"),
    ("Importe a devolver: 49,95 € por la devolución del pedido 4471", "Google Chrome", "Mis pedidos"),
    ("Te betalen: € 49,95 — nog te betalen € 10,00", "Google Chrome", "Winkelwagen"),
    ("INV-2291 amount owed 1,240.00 and amount owed 980.00 overdue, send reminder", "Google Chrome", "Invoices"),
    ('QA: the Needs improvement rating shows as "Rating: 2 - Needs improvement" in DE', "Jira", "PERF-3 - Jira"),
])
def test_when_work_is_about_the_same_subject_then_it_stays(classifier, analyzer, text, app, title):
    assert decide(classifier, analyzer, text, app, title) is None


def test_the_new_rating_field_and_notice_patterns_match_fields_not_a_named_scale():
    """Pure pattern checks: a field with a low rating matches, the scale named in prose does not."""
    data = category_data()
    performance = [re.compile(p, re.IGNORECASE) for p in data.categories["performance"].patterns]
    tax = [re.compile(p, re.IGNORECASE) for p in data.categories["tax"].patterns]
    assert any(p.search("Calificación: insuficiente") for p in performance)
    assert not any(p.search("open the review, pick Needs improvement, save") for p in performance)
    assert any(p.search("Du får tillbaka 3 214 kr") for p in tax)
    assert not any(p.search("u moet de pagina verversen") for p in tax)
