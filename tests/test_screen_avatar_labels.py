"""The field beside an avatar tile is covered as its label (models/screen_fields.py `avatar_labels`):
the name or login beside a person's tile in a header bar, a menu or a list; ordinary words beside a
tile, fields under it or far from it stay. Unit tests on word boxes, then a header bar and a member
list rendered by Chromium at 1x and 2x through Tesseract, detection and redaction."""
from __future__ import annotations

import pytest

from evaluation.generated.records import Screen
from evaluation.generated.render import Renderer
from models.engine import shared_detector
from models.screen_fields import avatar_labels, field_cues
from tests.conftest import categories_kept
from tests.test_screen_fields import texts, words_at
from tests.test_screen_layout import redacted_screen, rendered_misses

TILE = (100, 0, 131, 31)  # a 32 px tile; words of words_at are 20 px tall


def test_the_name_beside_a_tile_is_covered_and_the_line_under_it_stays():
    words = words_at([("Zsofia", 140, 2), ("Toth", 210, 2), ("deploy", 140, 40), ("done", 210, 40)])
    assert texts(words, avatar_labels(words, [TILE])) == {"Zsofia", "Toth"}


def test_a_login_beside_a_tile_is_covered_at_twice_the_size():
    tile = (200, 0, 263, 63)
    words = words_at([("aytek.turk", 280, 20)])
    assert texts(words, avatar_labels(words, [tile])) == {"aytek.turk"}


@pytest.mark.parametrize("cells", [
    [("Settings", 140, 2)],  # an ordinary word beside a tile (a menu item with an icon)
    [("Sign", 140, 2), ("out", 200, 2)],
    [("12", 140, 2)],
    [("Zsofia", 400, 2)],  # far right of the tile: another panel's word
    [("Zsofia", 140, 60)],  # under the tile, not beside it
    [("Zsofia", 60, 2)],  # left of the tile
    [("Fix", 140, 2), ("flaky", 190, 2), ("retry", 250, 2), ("test", 310, 2)],  # a sentence, not a label
], ids=["ordinary", "ordinary-two", "number", "far", "under", "left", "sentence"])
def test_ordinary_words_fields_away_from_the_tile_and_sentences_are_no_label(cells):
    words = words_at(cells)
    assert avatar_labels(words, [TILE]) == set()


def test_no_tile_no_label():
    assert avatar_labels(words_at([("Zsofia", 140, 2)]), []) == set()


def test_the_label_rule_loads_from_its_file():
    cues = field_cues()
    assert 0 < cues.avatar_label_gap_sides <= 4 and 1 <= cues.avatar_label_words <= 4


def _tile(letters: str, colour: str, radius: str, ink: str = "#ffffff", dot: bool = False) -> str:
    """A 28 px tile; with `dot`, a presence dot at its lower right."""
    badge = ('<span style="position:absolute; right:-2px; bottom:-2px; width:9px; height:9px; border-radius:50%;'
             ' background:#2bac76; border:2px solid #ffffff"></span>') if dot else ""
    return (f'<span style="position:relative; display:inline-block; width:28px; height:28px; line-height:28px;'
            f' border-radius:{radius}; background:{colour}; color:{ink}; text-align:center; font-weight:700;'
            f' font-size:12px"><span data-pii="INITIALS">{letters}</span>{badge}</span>')


# A coloured header bar with the signed-in user's tile and login, and a member list of tiles beside names
# that no cue marks; a menu of ordinary words beside icon-less rows stays.
PAGE = ("""<!doctype html><html><body style="margin:0; font:14px 'DejaVu Sans', sans-serif; color:#1d1c1d; background:#ffffff">
<div style="background:#0052cc; color:#ffffff; display:flex; align-items:center; gap:10px; padding:6px 14px">
<span style="font-weight:700" data-pii="KEEP">Projects</span><span style="flex:1"></span>"""
        + _tile("RW", "#e8912d", "50%") + """<span data-pii="USERNAME">rwanjiru</span></div>
<div style="padding:10px 14px; display:grid; grid-template-columns:auto; row-gap:10px">"""
        + "".join(f'<div style="display:flex; align-items:center; gap:8px">{_tile(t, c, r)}<span data-pii="PERSON">{n}</span></div>'
                  for t, c, r, n in (("TB", "#2bac76", "4px", "Tamar Brodsky"), ("K", "#7b68ee", "50%", "Keoni Kahale"),
                                     ("SE", "#e01e5a", "0", "Søren Egholm")))
        + '<div style="display:flex; align-items:center; gap:8px">' + _tile("EN", "#ffab00", "0", "#1d1c1d")
        + '<span data-pii="PERSON">Eun-ji Nam</span></div><div style="display:flex; align-items:center; gap:8px">'
        + _tile("MO", "#7b68ee", "50%", dot=True) + '<span data-pii="PERSON">Mpho Okonkwo</span></div>'
        + """</div><div style="padding:30px 14px"><div data-pii="KEEP">Settings</div><div data-pii="KEEP">Keyboard shortcuts</div></div>
</body></html>""")


@pytest.fixture(scope="module")
def redacted(ocr, analyzer_settings, policy):
    detector, keep = shared_detector(analyzer_settings), categories_kept(policy)
    return lambda png: redacted_screen(ocr, detector, analyzer_settings, keep, png)


@pytest.mark.parametrize("scale", [1, 2])
def test_on_a_rendered_screen_the_names_and_login_beside_tiles_are_covered_and_menu_words_stay(redacted, scale):
    with Renderer() as browser:
        png, boxes = browser.render(Screen("Jira", "Members", "", PAGE, 640, 330), scale)
    pixels = redacted(png)
    assert rendered_misses(png, pixels, boxes) == (set(), set())


@pytest.mark.parametrize(("cells", "covered"), [
    ([("Kasia", 140, 2), ("Mazur", 200, 2), ("10:42", 270, 2), ("AM", 330, 2)], {"Kasia", "Mazur"}),
    ([("Maria", 140, 2), ("José", 200, 2), ("García", 260, 2), ("López", 330, 2)], {"Maria", "José", "García", "López"}),
    ([("Zsofia", 140, 2), ("Toth", 200, 2), ("replied", 250, 2), ("to", 320, 2), ("you", 350, 2)], {"Zsofia", "Toth"}),
], ids=["name-and-time", "four-names", "name-and-sentence"])
def test_a_line_of_more_words_beside_a_tile_has_its_leading_name_covered(cells, covered):
    words = words_at(cells)
    assert texts(words, avatar_labels(words, [TILE])) == covered
