"""Initials with no name beside them in header bars (a presence stack, a ringed badge, a badge with its
caret read as a glyph, a bar under a dash OCR read from its edge) are covered, and UI codes in the same
places stay; the cover of a name in another script read as a glyph or two grows over the rest of the
name, not over the next word. Unit tests on word boxes, and real Tesseract on drawn panels."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from evaluation.evaluate import SPLITS
from evaluation.generated.build import SCREEN_FAMILIES, split_sizes
from evaluation.generated.families import FAMILIES, load_family
from models.records import OcrWord
from models.screen_ink import grown_words
from models.screen_layout import lone_initials, top_bar_initials
from models.unreadable import other_script_indices, unreadable_indices

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def word(text: str, confidence: float, line: int, left: int = 0, top: int = 0) -> OcrWord:
    return OcrWord(text, left, top, 9 * len(text), 12, 0, line, confidence)


def bar(cells: list[tuple[str, float]], above: bool = False) -> list[OcrWord]:
    """A top bar (app name, nav, then `cells` close together at its right), a page line under it; with
    `above`, a dash read from the bar's edge at the very top."""
    words = [word("—", 34, 0, 1100, 0)] if above else []
    line = len(words)
    words += [word("Notion", 96, line, 10, 20), word("Projects", 96, line, 100, 20)]
    left = 1200
    for text, confidence in cells:
        words.append(word(text, confidence, line + 1, left, 20))
        left += 9 * len(text) + 6
    return words + [word("Weekly", 96, line + 2, 10, 90), word("report", 96, line + 2, 80, 90)]


def test_when_a_dash_is_read_above_the_bar_then_the_badge_ending_the_bar_is_still_covered():
    words = bar([("Create", 93), (")", 11), ("GT", 96)], above=True)
    assert 5 in top_bar_initials(words)


@pytest.mark.parametrize("cells, expected", [([("(Fa)", 87), ("~", 66)], {2}), ([("MAC", 95), ("{v", 44)], {2, 3}),
                                             ([("[jd", 70)], {2}), ([("Js", 73), ("Υ", 80)], {2, 3})])
def test_when_the_badge_is_ringed_or_its_caret_is_read_as_a_glyph_then_it_is_covered(cells, expected):
    assert top_bar_initials(bar(cells)) == expected


@pytest.mark.parametrize("cells", [[("Help", 96), ("v", 40)], [("Share", 95), ("~", 66)], [("(Docs)", 92)],
                                   [("UTC", 95), ("v", 44)]])
def test_when_the_bar_ends_in_a_word_then_a_caret_read_after_it_does_not_make_it_a_badge(cells):
    assert top_bar_initials(bar(cells)) == set()


@pytest.mark.parametrize("texts", [("BC", "MM"), ("(JD)", "AK", "+3"), ("KD", "PR")])
def test_when_a_field_holds_only_initials_then_all_of_them_are_covered(texts):
    words = [word("Docs", 96, 0, 10, 20)] + [word(t, 94, 1, 900 + 30 * i, 20) for i, t in enumerate(texts)]
    found = lone_initials(words)
    assert {i + 1 for i, t in enumerate(texts) if t != "+3"} <= found


@pytest.mark.parametrize("texts", [("EN", "US"), ("US", "UK"), ("THE", "END"), ("DEV", "OPS"), ("SSO", "JD"),
                                   ("AM", "PM")])
def test_when_a_field_holds_ui_codes_or_words_then_it_stays(texts):
    words = [word("Docs", 96, 0, 10, 20)] + [word(t, 94, 1, 900 + 40 * i, 20) for i, t in enumerate(texts)]
    assert lone_initials(words) == set()


def test_when_a_word_is_covered_then_it_grows_over_the_glyphs_beside_it_and_stops_at_a_space():
    image = Image.new("RGB", (300, 40), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for x in (20, 34, 48):  # three glyphs 2 px apart, then a word a space away
        draw.rectangle((x, 10, x + 11, 24), fill=(20, 20, 20))
    draw.rectangle((66, 10, 90, 24), fill=(20, 20, 20))
    words = [OcrWord("x", 20, 10, 12, 15, 0, 0, 20.0), OcrWord("next", 66, 10, 25, 15, 0, 0, 95.0)]
    grown = grown_words(image, words, {0})
    assert (grown[0].left, grown[0].left + grown[0].width) == (20, 60)
    assert set(grown) == {0}


def test_a_rule_under_the_line_does_not_grow_a_cover():
    image = Image.new("RGB", (300, 40), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 10, 31, 24), fill=(20, 20, 20))
    draw.line((0, 27, 299, 27), fill=(120, 120, 120))
    grown = grown_words(image, [OcrWord("x", 20, 10, 12, 15, 0, 0, 20.0)], {0})
    assert (grown[0].left, grown[0].width) == (20, 12)


def test_a_word_much_taller_than_the_screens_text_is_not_grown_across_a_panel_edge():
    """A rail's edge read as `|` as tall as the bar: its band holds the rail and the page, and it stays as read."""
    image = Image.new("RGB", (400, 60), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 60, 59), fill=(43, 45, 49))
    draw.rectangle((80, 20, 120, 32), fill=(20, 20, 20))
    words = [OcrWord("|", 58, 0, 10, 50, 0, 0, 69.0)] + [OcrWord(t, 80 + 50 * i, 20, 40, 12, 0, 1, 96.0)
                                                        for i, t in enumerate(("Design", "tokens", "v2"))]
    assert grown_words(image, words, {0})[0] == words[0]


@pytest.mark.skipif(not (DEJAVU.exists() and NOTO_CJK.exists()), reason="fonts-dejavu-core and fonts-noto-cjk")
def test_when_tesseract_reads_part_of_a_cjk_name_then_the_grown_cover_takes_all_of_it_and_the_time_stays(ocr, policy):
    """Real Tesseract on a chat list: CJK names with a time after them; the covers of the unreadable words,
    grown, hold every name's ink and none of the time's."""
    names = ["藤田健一", "佐々木加奈", "山口里佳", "高橋聡太郎"]
    image = Image.new("RGB", (500, 40 * len(names) + 20), (30, 31, 34))
    draw = ImageDraw.Draw(image)
    cjk, latin = ImageFont.truetype(str(NOTO_CJK), 18), ImageFont.truetype(str(DEJAVU), 16)
    boxes, times = [], []
    for i, name in enumerate(names):
        y = 10 + 40 * i
        draw.text((20, y), name, fill=(232, 234, 237), font=cjk)
        boxes.append(draw.textbbox((20, y), name, font=cjk))
        right = boxes[-1][2]
        draw.text((right + 12, y + 2), f"1{i}:4{i}", fill=(154, 160, 166), font=latin)
        times.append(draw.textbbox((right + 12, y + 2), f"1{i}:4{i}", font=latin))
    words = ocr.read(image)
    rules = policy.screenshots
    covered = unreadable_indices(words, rules.unreadable_text) | other_script_indices(words, rules.other_script)
    grown = grown_words(image, words, covered)

    def reach(extent: dict[int, OcrWord], box) -> float:
        spans = [(w.left, w.left + w.width) for w in extent.values() if w.top <= box[3] and w.top + w.height >= box[1]]
        columns = np.zeros(box[2] - box[0], dtype=bool)
        for left, right in spans:
            columns[max(0, left - box[0]):max(0, right - box[0])] = True
        return float(columns.mean())

    before = [reach({i: words[i] for i in covered}, box) for box in boxes]
    after = [reach(grown, box) for box in boxes]
    assert sum(after) >= sum(before) and min(after) >= 0.9
    assert all(reach(grown, box) < 0.2 for box in times)


@pytest.mark.skipif(not DEJAVU_BOLD.exists(), reason="fonts-dejavu-core")
def test_when_a_bar_shows_a_stack_of_initials_chips_then_tesseract_reads_them_as_one_field_and_they_are_covered(ocr):
    """Real Tesseract on a drawn top bar: an app name, then two initials discs 10 px apart and a Share button."""
    image = Image.new("RGB", (900, 120), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    bold, plain = ImageFont.truetype(str(DEJAVU_BOLD), 13), ImageFont.truetype(str(DEJAVU), 14)
    draw.rectangle((0, 0, 899, 40), fill=(246, 248, 250))
    draw.text((14, 12), "Docs", fill=(31, 35, 40), font=bold)
    for x, (letters, colour) in zip((600, 638), (("BC", (26, 115, 232)), ("MM", (217, 48, 37)))):
        draw.ellipse((x, 6, x + 28, 34), fill=colour)
        draw.text((x + 14, 20), letters, fill=(255, 255, 255), font=bold, anchor="mm")
    draw.text((720, 12), "Share", fill=(31, 35, 40), font=plain)
    draw.text((14, 70), "Goals for the quarter", fill=(31, 35, 40), font=plain)
    words = ocr.read(image)
    found = {words[i].text.strip("()[]") for i in lone_initials(words) | top_bar_initials(words)}
    assert {"BC", "MM"} <= found
    assert not found & {"Docs", "Share", "Goals"}


def test_the_badges_families_are_screens_only_with_seeds_of_their_own_and_other_drawings():
    tune, held = load_family("tune_badges"), load_family("tune_badges_held")
    others = {load_family(name).seed for name in FAMILIES if name not in ("tune_badges", "tune_badges_held", "test")}
    assert tune.seed != held.seed and not {tune.seed, held.seed} & others
    assert {"tune_badges", "tune_badges_held"} <= set(SCREEN_FAMILIES) and split_sizes("tune_badges_held", False).text == 0
    assert {"tune_badges", "tune_badges_held"} <= set(SPLITS)
    assert [r.name for r in tune.screen_recipes] == [r.name for r in held.screen_recipes]
    assert [r.build for r in tune.screen_recipes] != [r.build for r in held.screen_recipes]
