"""Initials beside the name they abbreviate (models/name_initials.py): a chip's letters OCR reads in
the same row as a found name ("JD  Jane Doe ▾", "Anika Kapoor  AK") are covered, and capitals that spell
the initials of the capitalised words after them make a name of those words ("AK  Anika Kapoor ·
Admin"); UI acronyms beside the label they stand for ("PR  Pull requests", "EN  English") stay. Unit
tests on word boxes, then screens rendered by Chromium at 1x and 2x through Tesseract, detection and
redaction."""
from __future__ import annotations

import pytest
import regex

from evaluation.generated.records import Screen
from evaluation.generated.render import Renderer
from models import name_initials
from models.config_files import ConfigFileError
from models.engine import shared_detector
from models.name_initials import _spells, initials_beside_names, initials_shape
from tests.conftest import categories_kept
from tests.test_screen_fields import texts, words_at
from tests.test_screen_layout import redacted_screen, rendered_misses


def _found(cells: list[tuple[str, int, int]], names: set[str]) -> tuple[set[str], set[str]]:
    words = words_at(cells)
    chips, spelled = initials_beside_names(words, {i for i, w in enumerate(words) if w.text.rstrip(",") in names})
    return texts(words, chips), texts(words, spelled)


@pytest.mark.parametrize("cells, names, chip", [
    ([("JD", 10, 0), ("Jane", 50, 0), ("Doe", 100, 0), ("▾", 140, 0)], {"Jane", "Doe"}, "JD"),
    ([("Anika", 10, 60), ("Kapoor", 70, 60), ("AK", 160, 60)], {"Anika", "Kapoor"}, "AK"),  # chip after the name
    ([("(PR)", 10, 60), ("Priya", 60, 60), ("Rao", 120, 60)], {"Priya", "Rao"}, "(PR)"),  # a listed word, spelled
    ([("J", 10, 60), ("•", 30, 60), ("Jane", 50, 60), ("Doe", 100, 60)], {"Jane", "Doe"}, "J"),  # a status dot between
    ([("DJ", 10, 60), ("Doe,", 50, 60), ("Jane", 100, 60)], {"Doe", "Jane"}, "DJ"),  # Last, First
    ([("(ak)", 10, 60), ("Anika", 50, 60), ("Kapoor", 110, 60)], {"Anika", "Kapoor"}, "(ak)"),  # a ring read as brackets
    ([("刘", 10, 60), ("刘金凤", 40, 60)], {"刘金凤"}, "刘"),  # a Han family name
    ([("김민준", 10, 60), ("민준", 80, 60)], {"김민준"}, "민준"),  # a Hangul given name after the name
    ([("ВК", 10, 60), ("Всеволод", 50, 60), ("Кузнецов", 150, 60)], {"Всеволод", "Кузнецов"}, "ВК"),
])
def test_a_chip_spelling_the_initials_of_the_found_name_beside_it_is_covered(cells, names, chip):
    assert _found(cells, names) == ({chip}, set())


@pytest.mark.parametrize("chip", ["AK", "(Ak)", "ak)"])
def test_capitals_that_spell_the_capitalised_words_after_them_make_a_name_of_them(chip):
    cells = [(chip, 10, 60), ("Anika", 50, 60), ("Kapoor", 110, 60), ("·", 180, 60), ("Admin", 190, 60)]
    assert _found(cells, set()) == ({chip}, {"Anika", "Kapoor"})


@pytest.mark.parametrize("cells, names", [
    ([("PR", 10, 60), ("Pull", 50, 60), ("requests", 100, 60)], set()),
    ([("EN", 10, 60), ("English", 50, 60)], set()), ([("AI", 10, 60), ("Assistant", 50, 60)], set()),
    ([("QA", 10, 60), ("Staging", 50, 60)], set()), ([("v2", 10, 60), ("Release", 50, 60)], set()),
    ([("CI", 10, 60), ("Continuous", 50, 60), ("Integration", 170, 60)], set()),  # ordinary words spelled
    ([("AWS", 10, 60), ("Amazon", 60, 60), ("Web", 130, 60), ("Services", 170, 60)], set()),  # a listed acronym
    ([("QA", 10, 60), ("Jane", 50, 60), ("Doe", 100, 60)], {"Jane", "Doe"}),  # letters not the name's
    ([("(En)", 10, 60), ("English", 50, 60)], set()), ([("(mi)", 10, 60), ("Assistant", 50, 60)], set()),
    ([("jd", 10, 60), ("Jane", 50, 60), ("Doe", 100, 60)], {"Jane", "Doe"}),  # lower case with no ring: a word
    ([("JD", 10, 60), ("Jane", 400, 60), ("Doe", 450, 60)], {"Jane", "Doe"}),  # far from the name
    ([("JD", 10, 60), ("Jane", 50, 120), ("Doe", 100, 120)], {"Jane", "Doe"}),  # another row
])
def test_acronyms_beside_labels_and_capitals_that_are_not_the_names_initials_stay(cells, names):
    assert _found(cells, names) == (set(), set())


@pytest.mark.parametrize("core, name, spelled", [
    ("JD", ["Jane", "Doe"], True), ("JAD", ["Jane", "A.", "Doe"], True), ("JD", ["Jane", "Anne", "Doe"], True),
    ("J.D.", ["Jane", "Doe"], True), ("DJ", ["Jane", "Doe"], False), ("JDX", ["Jane", "Doe"], False),
    ("金凤", ["刘金凤"], True), ("王", ["刘金凤"], False),
])
def test_spelled_initials(core, name, spelled):
    assert _spells(core, name, regex.compile(initials_shape().caseless)) is spelled


def _chip(inner: str, size: int = 28) -> str:
    """A monogram in an outlined circle (no fill: the avatar finder's discs need one, so only the OCR'd letters tell)."""
    return (f'<span style="display:inline-flex; align-items:center; justify-content:center; width:{size}px; height:{size}px;'
            f' border:1px solid #9aa0a6; border-radius:50%; font-size:12px; font-weight:600">{inner}</span>')


def _row(chip: str, name: str, tail: str) -> str:
    return (f'<div style="display:flex; align-items:center; gap:6px; padding:6px 14px">{_chip(chip)}{name}'
            f'<span style="color:#5f6368">{tail}</span></div>')


POSITIVE = ("""<!doctype html><html><body style="margin:0; font:14px 'Liberation Sans', sans-serif; background:#ffffff; color:#202124">
<div style="display:flex; align-items:center; gap:6px; padding:8px 14px; background:#f6f8fa">
<b data-pii="KEEP">Projects</b><span style="flex:1"></span>""" + _chip('<span data-pii="INITIALS">AK</span>')
            + '<span data-pii="PERSON">Anika Kapoor</span><span>&#183;</span><span>Admin</span></div>'
            + '<div style="width:320px"><div style="padding:6px 14px">Participants</div>'
            + _row('<span data-pii="INITIALS">MW</span>', '<span data-pii="PERSON">Marta Wiśniewska</span>', "Away")
            + _row('<span data-pii="INITIALS">TO</span>', '<span data-pii="PERSON">Tunde Okafor</span>', "In a meeting")
            + _row('<span data-pii="INITIALS">HS</span>', '<span data-pii="PERSON">Hannah Schmidt</span>', "Presenting")
            + "</div></body></html>")

NEGATIVE = ("""<!doctype html><html><body style="margin:0; font:14px 'Liberation Sans', sans-serif; background:#ffffff; color:#202124">
<div style="display:flex; align-items:center; gap:6px; padding:8px 14px; background:#f6f8fa">
<b data-pii="KEEP">Console</b><span style="flex:1"></span>""" + _chip('<span data-pii="KEEP">AI</span>')
            + '<span data-pii="KEEP">Assistant</span></div><div style="width:320px">'
            + "".join(_row(f'<span data-pii="KEEP">{a}</span>', f'<span data-pii="KEEP">{b}</span>', "")
                      for a, b in (("PR", "Pull requests"), ("EN", "English"), ("QA", "Staging"), ("CI", "Continuous Integration")))
            + "</div></body></html>")


@pytest.fixture(scope="module")
def redacted(ocr, analyzer_settings, policy):
    detector, keep = shared_detector(analyzer_settings), categories_kept(policy)
    return lambda png: redacted_screen(ocr, detector, analyzer_settings, keep, png)


@pytest.mark.parametrize("scale", [1, 2])
def test_on_a_rendered_header_and_presence_list_chips_beside_their_names_are_covered(redacted, scale):
    with Renderer() as browser:
        png, boxes = browser.render(Screen("Google Chrome", "Projects", "", POSITIVE, 900, 260), scale)
    assert rendered_misses(png, redacted(png), boxes) == (set(), set())


@pytest.mark.parametrize("scale", [1, 2])
def test_on_a_rendered_console_acronym_chips_beside_their_labels_get_no_cover_from_this_rule(redacted, scale, monkeypatch):
    """The page is redacted the same with the rule and without it (other rules' covers of these chips, an
    avatar tile among them, are theirs)."""
    with Renderer() as browser:
        png, _ = browser.render(Screen("Google Chrome", "Console", "", NEGATIVE, 900, 260), scale)
    with_rule = redacted(png)
    monkeypatch.setattr("models.redaction.initials_beside_names", lambda words, names: (set(), set()))
    assert (redacted(png) == with_rule).all()


@pytest.mark.parametrize("text", ["max_gap_heights: 6.0\n", "chip_word: '(?:'\ncaseless: 'x'\nringed_word: 'x'\n"
                                  "max_gap_heights: 6.0\nmark_steps: 2\nspelled_min_letters: 2\n"])
def test_a_bad_initials_file_fails_naming_the_file(tmp_path, monkeypatch, text):
    (tmp_path / "screen_initials.yaml").write_text(text)
    monkeypatch.setattr(name_initials, "DATA_DIR", tmp_path)
    name_initials.initials_shape.cache_clear()
    try:
        with pytest.raises(ConfigFileError, match="screen_initials.yaml"):
            name_initials.initials_shape()
    finally:
        name_initials.initials_shape.cache_clear()
