"""Over-redaction of web addresses: a NER person, place or group span that holds a URL is no name
(the whole of "https://docs.python.org/3/library/os.html" read as PERSON), while a URL's personal
parts and names beside a URL are still found. Real analyzer built from the shipped files."""
from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from models.recognizers.ui_terms import holds_web_address, trimmed

NAMES = ("PERSON", "LOCATION", "NRP")


def _found(analyzer, text: str, entities: tuple[str, ...]) -> list[tuple[str, str]]:
    return sorted((r.entity_type, text[r.start:r.end]) for r in analyzer.analyze(text, "en", score_threshold=0.4)
                  if r.entity_type in entities)


@pytest.mark.parametrize("text", [
    "https://docs.python.org/3/library/os.html",
    "https://docs.python.org/3/library/pathlib.html",
    "www.kernel.org/doc/html/latest",
])
def test_a_documentation_url_holds_no_person_place_or_group(analyzer, text):
    assert _found(analyzer, text, NAMES) == []


@pytest.mark.parametrize("text, expected", [
    ("https://calendly.com/jsmith/30min", ("USERNAME", "jsmith")),
    ("https://www.linkedin.com/in/maria-lopez-4a1b", ("USERNAME", "maria-lopez-4a1b")),
])
def test_a_personal_part_of_a_url_is_still_found(analyzer, text, expected):
    assert expected in _found(analyzer, text, ("USERNAME", *NAMES))


def test_a_name_beside_a_url_is_still_found(analyzer):
    text = "see www.example.org for Maria Lopez"
    assert ("PERSON", "Maria Lopez") in _found(analyzer, text, NAMES)


def test_a_span_over_a_web_address_is_dropped_and_one_beside_it_kept():
    text = "Maria Lopez https://docs.python.org/3/"
    spans = [RecognizerResult("PERSON", 0, len(text), 0.85), RecognizerResult("PERSON", 0, 11, 0.85)]
    assert [(r.start, r.end) for r in trimmed(spans, text, frozenset(NAMES), frozenset())] == [(0, 11)]
    assert holds_web_address(text, 12, len(text)) and not holds_web_address(text, 0, 11)
    assert not holds_web_address("Dr. Ana M. Lima", 0, 15)


def test_a_wiki_page_of_a_listed_product_is_no_url_token_and_a_random_segment_is(analyzer):
    def secrets(text: str) -> list[str]:
        return [text[r.start:r.end] for r in analyzer.analyze(text, "en", score_threshold=0.4)
                if r.entity_type == "SECRET"]

    assert secrets("https://en.wikipedia.org/wiki/PostgreSQL") == []
    assert secrets("https://wiki.archlinux.org/title/PostgreSQL") == []
    assert secrets("https://docs.google.com/document/d/XvcFETDwda/edit") == ["XvcFETDwda"]
