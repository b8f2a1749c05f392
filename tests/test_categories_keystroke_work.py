"""Work typed about HR, tax and health software against a person's own matter typed into the same tools: a term
naming a query or a control of a screen is a part of a product (`person.work_heads`), and a term after an elided
French article matches. Pure functions, and decisions on the real spaCy model and classifier."""
from __future__ import annotations

import json

import pytest

from models.categories import _elided
from models.detection import detect
from models.parse import parse_line
from models.records import PreparedRecord
from models.text_views import text_fields
from tests.conftest import keystrokes


def decide(detector, analyzer_settings, raw):
    parsed = parse_line(json.dumps(raw).encode(), "t.jsonl")
    return detect(detector, PreparedRecord(parsed, text_fields(parsed)), analyzer_settings).category


@pytest.mark.parametrize("text, app, title", [
    ("the diagnosis picker drops the last code when you tab out\n", "Google Chrome", "New issue"),
])
def test_work_typed_about_health_software_is_kept(detector, analyzer_settings, text, app, title):
    assert decide(detector, analyzer_settings, keystrokes(text, app=app, window_title=title, field="text")) is None


@pytest.mark.parametrize("text, app, title", [
    ("on sick leave until monday\n", "Slack", "Slack | Priya Raman | Acme"),
    ("sick leave tomorrow, doctor's orders\n", "Slack", "Slack | #team-pay | Acme"),
    ("my sick leave got rejected by HR\n", "Slack", "Slack | Priya Raman | Acme"),
    ("I need to take medical leave for my surgery\n", "Google Chrome", "Request time off - Workday"),
])
def test_ones_own_sick_leave_typed_into_the_same_tools_is_still_medical(detector, analyzer_settings, text, app, title):
    assert decide(detector, analyzer_settings, keystrokes(text, app=app, window_title=title, field="text")) == "medical"


def test_a_term_after_an_elided_french_article_matches():
    elided = _elided(("impôts", "arrêt maladie", "tax"))
    assert elided[:3] == ("impôts", "arrêt maladie", "tax")
    assert {"d'impôts", "l'impôts", "d\u2019impôts", "l'arrêt maladie"} <= set(elided)
    assert not any(term.endswith("'tax") or term.endswith("\u2019tax") for term in elided)


@pytest.mark.parametrize("text, expected", [
    ("combien d'impôts je vais payer sur ma prime cette année\n", "tax"),
    ("corriger le calcul d'impôts dans le module de paie, PAY-212\n", None),
])
def test_french_tax_typed_with_an_elided_article(detector, analyzer_settings, text, expected):
    raw = keystrokes(text, app="Google Chrome", window_title="Google", field="q")
    assert decide(detector, analyzer_settings, raw) == expected
