"""Initials after a title in a screen's top bar ("Kickoff notes - Google Docs   RD", "Jira  MD") are the
signed-in user's badge when a wide gap sets them apart (models/screen_layout.py `top_bar_initials`);
capitals a space apart inside a title ("Q3 OKR review", "Export XLS") stay. Unit tests on word boxes,
then a header bar rendered by Chromium at 1x and 2x through Tesseract, detection and redaction."""
from __future__ import annotations

import pytest

from evaluation.generated.records import Screen
from evaluation.generated.render import Renderer
from models.engine import shared_detector
from models.screen_layout import table_shape, top_bar_initials
from tests.conftest import categories_kept
from tests.test_screen_fields import texts, words_at
from tests.test_screen_layout import redacted_screen, rendered_misses


def test_initials_set_apart_after_a_title_in_the_top_bar_are_a_badge():
    words = words_at([("Kickoff", 10, 0), ("notes", 90, 0), ("Docs", 150, 0), ("RD", 215, 0), ("Notes", 10, 40)])
    assert texts(words, top_bar_initials(words)) == {"RD"}


@pytest.mark.parametrize("cells", [
    [("Q3", 10, 0), ("OKR", 40, 0), ("review", 80, 0)],  # capitals a space apart inside a title
    [("Export", 10, 0), ("XLS", 80, 0)],
    [("Kickoff", 10, 0), ("notes", 90, 0), ("Docs", 150, 0), ("PDF", 215, 0)],  # a file type
    [("Title", 10, 0), ("Notes", 10, 40), ("RD", 120, 40)],  # below the bar
])
def test_capitals_a_space_apart_in_a_title_file_types_and_words_below_the_bar_stay(cells):
    assert top_bar_initials(words_at(cells)) == set()


@pytest.mark.parametrize("badge, kept", [("XLS", True), ("SSO", True), ("AWS", True), ("VPN", True), ("MKR", False), ("MD", False)])
def test_an_app_or_file_type_acronym_set_apart_after_a_title_stays_and_initials_do_not(badge, kept):
    words = words_at([("Release", 10, 0), ("checklist", 90, 0), ("Docs", 190, 0), (badge, 255, 0), ("Notes", 10, 40)])
    assert texts(words, top_bar_initials(words)) == (set() if kept else {badge})


def test_the_gap_is_read_from_the_layout_file():
    assert 1.0 < table_shape().top_bar_initials_gap_chars < 3.0


PAGE = ("""<!doctype html><html><body style="margin:0; font:15px 'Liberation Sans', sans-serif; background:#ffffff; color:#202124">
<div style="background:#2e7d32; color:#ffffff; padding:10px 14px">Kickoff notes - <span data-pii="KEEP">Google Docs</span>
<span style="margin-left:14px" data-pii="INITIALS">RD</span></div>
<div style="padding:16px">Agenda for the <span data-pii="KEEP">planning review</span></div></body></html>""")


@pytest.fixture(scope="module")
def redacted(ocr, analyzer_settings, policy):
    detector, keep = shared_detector(analyzer_settings), categories_kept(policy)
    return lambda png: redacted_screen(ocr, detector, analyzer_settings, keep, png)


@pytest.mark.parametrize("scale", [1, 2])
def test_on_a_rendered_header_the_badge_after_the_title_is_covered_and_the_title_stays(redacted, scale):
    with Renderer() as browser:
        png, boxes = browser.render(Screen("Google Chrome", "Kickoff notes", "", PAGE, 900, 200), scale)
    pixels = redacted(png)
    assert rendered_misses(png, pixels, boxes) == (set(), set())


def bar_end_page(end: str) -> str:
    """A header bar: the title left, `end` at the bar's right end."""
    return ("""<!doctype html><html><body style="margin:0; font:15px 'Liberation Sans', sans-serif; background:#ffffff; color:#202124">
<div style="background:#2e7d32; color:#ffffff; padding:10px 14px; display:flex; justify-content:space-between">
<span>Kickoff notes - <span data-pii="KEEP">Google Docs</span></span><span>""" + end + """</span></div>
<div style="padding:16px">Agenda for the <span data-pii="KEEP">planning review</span></div></body></html>""")


@pytest.mark.parametrize("end", [
    '<span data-pii="INITIALS">RD</span> <span style="font-size:11px">&#8964;</span>',  # a caret, read as "RD."
    '<span data-pii="KEEP">UTC</span>', '<span data-pii="INITIALS">PR</span>',  # a listed word; initials that are one
    '<span data-pii="KEEP">Plan B</span>',  # a title that ends in one capital
])
@pytest.mark.parametrize("scale", [1, 2])
def test_on_a_rendered_header_the_bar_end_badge_is_covered_and_listed_words_and_titles_stay(redacted, end, scale):
    with Renderer() as browser:
        png, boxes = browser.render(Screen("Google Chrome", "Kickoff notes", "", bar_end_page(end), 900, 160), scale)
    assert rendered_misses(png, redacted(png), boxes) == (set(), set())
