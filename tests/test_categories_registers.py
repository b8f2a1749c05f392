"""A person's own matter in the registers of work tools (speech, terse chat, forms, portal titles),
under other countries' systems and in indirect wording, is its category; the work of people who
build software about the same subjects is kept. On the real spaCy pipeline and text classifier."""
from __future__ import annotations

import pytest

from models.categories import CategoryClassifier, category_data, load_text_classifier
from models.records import RawRecord


@pytest.fixture(scope="module")
def classifier(analyzer):
    return CategoryClassifier(analyzer.nlp_engine.nlp["en"], category_data(), load_text_classifier(category_data()))


def decide(classifier, analyzer, text: str, app: str, title: str | None = None, url: str | None = None) -> str | None:
    nlp = analyzer.nlp_engine.nlp["en"]
    record = RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app=app, window_title=title, url=url)
    texts = [t for t in (text, title) if t]
    return classifier.decide(record, [classifier.features(nlp(t)) for t in texts], ()).category


@pytest.mark.parametrize("text, app, expected", [
    ("the GP signed me off for a fortnight, fit note attached", "Slack", "medical"),
    ("ich bin krankgeschrieben bis Mittwoch, sorry", "Microsoft Teams", "medical"),
    ("my results came back and I need to start the meds Monday", "Slack", "medical"),
    ("HMRC wants the balancing payment by the 31st and I haven't got it", "Slack", "tax"),
    ("my HECS debt ate the whole refund this year", "Google Chat", "tax"),
    ("they want the missing paperwork from 2023 or I pay the penalty", "Slack", "tax"),
    ("they handed me a settlement agreement and want it signed by Friday", "Outlook", "performance"),
    ("the childminder cancelled so I'm home with the twins", "Slack", "private_chat"),
])
def test_an_own_matter_in_other_systems_or_indirect_words_is_its_category(classifier, analyzer, text, app, expected):
    assert decide(classifier, analyzer, text, app) == expected


@pytest.mark.parametrize("title, url", [
    ("Your Self Assessment account - GOV.UK", "https://www.tax.service.gov.uk/self-assessment"),
    ("Mein ELSTER - Bescheide", "https://www.elster.de/eportal/meinelster"),
])
def test_a_persons_page_in_a_foreign_tax_portal_is_tax(classifier, analyzer, title, url):
    assert decide(classifier, analyzer, "", "Google Chrome", title, url) == "tax"


@pytest.mark.parametrize("text, app", [
    ("write a pytest for the fit note upload endpoint, it returns a 500", "ChatGPT"),
    ("the ELSTER developer docs list the error codes for rejected submissions", "Firefox"),
    ("the settlement agreement template in the contract tool needs a new clause, see LEGAL-88", "Slack"),
    ("Summary: sick note import drops the end date\nComponent: absence\nPriority: P2", "Jira"),
])
def test_work_about_sick_notes_foreign_tax_systems_and_settlements_is_kept(classifier, analyzer, text, app):
    assert decide(classifier, analyzer, text, app) is None
