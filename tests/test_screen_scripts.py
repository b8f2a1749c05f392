"""Short names in scripts the Latin read cannot read (Han, Hangul, Hebrew, Arabic) in list rows, and the
signed-in user's badge at the end of the top bar, are covered; dates, counts, tab labels and English UI
text read well stay. Unit tests on word boxes, and real Tesseract on drawn panels."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from evaluation.evaluate import SPLITS
from evaluation.generated.build import SCREEN_FAMILIES, split_sizes
from evaluation.generated.families import FAMILIES, load_family
from models.images import FILL, cover_words
from models.records import OcrWord
from models.screen_layout import top_bar_initials
from models.unreadable import UnreadableText, short_unsure_indices, unreadable_indices
from tests.test_screen_fields import texts

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def word(text: str, confidence: float, line: int, left: int = 0, top: int = 0) -> OcrWord:
    return OcrWord(text, left, top, 9 * len(text), 12, 0, line, confidence)


@pytest.fixture(scope="module")
def rules(policy) -> UnreadableText:
    return policy.screenshots.unreadable_text


@pytest.mark.parametrize("text, confidence", [("HER", 46), ("als", 56), ("25", 60), ("E", 68), ("HEL", 63), ("B-", 68)])
def test_when_a_short_word_of_a_short_field_is_read_unsurely_then_it_is_unreadable(text, confidence, rules):
    assert short_unsure_indices([word(text, confidence, 0)], rules) == [0]
    assert 0 in unreadable_indices([word(text, confidence, 0)], rules)


@pytest.mark.parametrize("field", [[("Oct", 80), ("28", 80)], [("9:17", 76)], [("Nov", 75), ("3", 75)],
                                   [("Inbox", 96)], [("Jira", 95)], [("3", 95)], [("Weekly", 70)]])
def test_when_a_short_field_is_a_date_a_sure_word_or_a_long_word_then_it_stays(field, rules):
    words = [word(text, confidence, 0, 60 * i) for i, (text, confidence) in enumerate(field)]
    assert short_unsure_indices(words, rules) == []


def test_when_an_unsure_short_word_stands_in_a_long_line_of_text_then_it_stays(rules):
    words = [word(text, 93, 0, 60 * i) for i, text in enumerate(("Review", "the", "report", "by", "Friday"))]
    words[3] = word("by", 70, 0, 180)
    assert short_unsure_indices(words, rules) == []


def test_when_a_word_stands_between_two_unreadable_words_of_its_field_then_it_is_covered(rules):
    # An Arabic name read as `aidi JĪ slao`: the particle in the middle is read surer than the spread takes.
    words = [word("aidi", 10, 0, 0), word("JĪ", 84, 0, 80), word("slao", 25, 0, 160), word("Offsite", 95, 1, 400)]
    assert unreadable_indices(words, rules) == {0, 1, 2}


def test_when_short_chars_is_zero_then_the_short_field_rule_is_off(rules):
    off = rules.model_copy(update={"short_chars": 0})
    assert short_unsure_indices([word("HER", 46, 0)], off) == []


def bar(end: str, confidence: float) -> list[OcrWord]:
    """A top bar: app name, tabs, search, and `end` alone at its right; a page line under it."""
    return [word("Gmail", 96, 0, 10, 10), word("Inbox", 96, 1, 120, 10), word("Search", 95, 2, 500, 10),
            word(end, confidence, 3, 1200, 10), word("Weekly", 96, 4, 10, 80), word("report", 96, 4, 80, 80)]


@pytest.mark.parametrize("end, confidence", [("A", 93), ("秀", 90), ("민준", 88), ("&", 56), ("ER", 45), ("र", 80)])
def test_when_the_top_bar_ends_in_a_badge_then_it_is_covered_as_initials(end, confidence):
    assert top_bar_initials(bar(end, confidence)) == {3}


@pytest.mark.parametrize("end, confidence", [("3", 95), ("99+", 96), ("?", 92), ("Help", 96), ("Share", 95), ("Beta", 94)])
def test_when_the_top_bar_ends_in_a_count_an_icon_or_a_word_read_surely_then_it_stays(end, confidence):
    assert top_bar_initials(bar(end, confidence)) == set()


def test_when_a_row_further_down_ends_in_capitals_then_they_stay():
    words = [word("Jira", 96, 0, 10, 5), word("Projects", 96, 1, 100, 5)]
    words += [word(f"Row{i}", 96, 2 + 2 * i, 10, 40 + 30 * i) for i in range(4)]
    words += [word("JD", 92, 20, 1200, 160)]
    assert top_bar_initials(words) == set()


def list_panel(names: list[str], font_px: int) -> tuple[Image.Image, list[tuple[int, int, int, int]], list]:
    """A member list as a chat app draws it: one short name a row, a time at the row's right; English
    rows under it. The boxes of the names and of the English words."""
    image = Image.new("RGB", (700, 60 + 34 * (len(names) + 2)), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    cjk, latin = ImageFont.truetype(str(NOTO_CJK), font_px), ImageFont.truetype(str(DEJAVU), font_px)
    boxes, english = [], []
    for i, name in enumerate(names):
        y = 20 + 34 * i
        draw.text((24, y), name, fill=(29, 28, 29), font=cjk)
        boxes.append(draw.textbbox((24, y), name, font=cjk))
        draw.text((560, y), f"{9 + i}:{10 + 7 * i}", fill=(97, 96, 97), font=latin)
    for j, text in enumerate(("Weekly report", "Deploy is green")):
        y = 20 + 34 * (len(names) + j)
        draw.text((24, y), text, fill=(29, 28, 29), font=latin)
        english.append(draw.textbbox((24, y), text, font=latin))
    return image, boxes, english


def filled(before: Image.Image, after: Image.Image, box: tuple[int, int, int, int]) -> float:
    x0, y0, x1, y1 = box
    ink = (np.asarray(before.convert("L"))[y0:y1, x0:x1] < 160)
    return float((np.asarray(after)[y0:y1, x0:x1] == FILL).all(axis=2)[ink].mean())


@pytest.mark.skipif(not (DEJAVU.exists() and NOTO_CJK.exists()), reason="fonts-dejavu-core and fonts-noto-cjk")
def test_when_a_list_shows_short_cjk_names_then_the_unreadable_cover_takes_them_and_english_stays(ocr, policy):
    names = ["黄秀英", "莊佳玲", "김순자", "王军", "陽子", "林詩涵", "고수진", "謝美娟"]
    screens = policy.screenshots
    off = screens.unreadable_text.model_copy(update={"short_chars": 0})
    shown, hidden = [], []
    for font_px in (13, 15):
        image, boxes, english = list_panel(names, font_px)
        words = ocr.read(image)
        for rules, out in ((off, shown), (screens.unreadable_text, hidden)):
            covered = [words[i] for i in sorted(unreadable_indices(words, rules))]
            after = cover_words(image, covered, screens.box_padding_px, screens.box_padding_height_ratio)
            out.append(([filled(image, after, box) for box in boxes], [filled(image, after, box) for box in english]))
    before_names = [share for names_filled, _ in shown for share in names_filled]
    after_names = [share for names_filled, _ in hidden for share in names_filled]
    assert min(before_names) < 0.95  # names the other rules leave readable
    assert sum(share >= 0.95 for share in after_names) > sum(share >= 0.95 for share in before_names)
    assert max(share for _, english_filled in hidden for share in english_filled) == 0.0


def test_the_scripts_families_are_screens_only_with_seeds_of_their_own_and_other_drawings():
    tune, held = load_family("tune_scripts"), load_family("tune_scripts_held")
    others = {load_family(name).seed for name in FAMILIES if name not in ("tune_scripts", "tune_scripts_held", "test")}
    assert tune.seed != held.seed and not {tune.seed, held.seed} & others
    assert {"tune_scripts", "tune_scripts_held"} <= set(SCREEN_FAMILIES) and split_sizes("tune_scripts_held", False).text == 0
    assert {"tune_scripts", "tune_scripts_held"} <= set(SPLITS)
    assert [r.name for r in tune.screen_recipes] == [r.name for r in held.screen_recipes]
    assert [r.build for r in tune.screen_recipes] != [r.build for r in held.screen_recipes]
    assert [r.name for r in held.screen_recipes if r.hard_negative] == ["header_negative"]


@pytest.mark.parametrize("end, stays", [("RD", False), ("OB", False), ("L", False), ("Docs", True), ("HR", True),
                                        ("XLS", True), ("12", True)])
def test_when_a_badge_is_drawn_close_after_the_title_then_it_is_covered_and_a_title_word_stays(end, stays):
    words = [word(text, 95, 0, 10 + 60 * i, 10) for i, text in enumerate(("Kickoff", "notes", "-", "Google", "Docs"))]
    words += [word(end, 95, 0, 320, 10), word("Notes", 96, 1, 10, 60), word("from", 96, 1, 70, 60)]
    assert top_bar_initials(words) == (set() if stays else {5})


def bar_with(cells: list[tuple[str, float]]) -> list[OcrWord]:
    """`bar` with its right-most field made of `cells`, each word set close after the one before."""
    words = bar("x", 96)[:3]
    left = 1200
    for text, confidence in cells:
        words.append(word(text, confidence, 3, left, 10))
        left += 9 * len(text) + 6
    return words + [word("Weekly", 96, 4, 10, 80), word("report", 96, 4, 80, 80)]


@pytest.mark.parametrize("cells", [[("RD.", 85)], [("RD", 92), ("▾", 70)], [("RD", 88), ("“", 13)], [("J.D.", 90)]])
def test_when_the_bar_ends_in_initials_with_a_caret_read_as_a_mark_then_the_initials_are_covered(cells):
    assert texts(bar_with(cells), top_bar_initials(bar_with(cells))) == {cells[0][0]}


@pytest.mark.parametrize("end", ["UTC", "PDF", "CSV", "NEW"])
def test_when_the_bar_ends_in_a_listed_word_of_three_letters_read_surely_then_it_stays(end):
    assert top_bar_initials(bar(end, 95)) == set()


@pytest.mark.parametrize("end", ["PR", "HR", "AM"])
def test_when_the_bar_ends_alone_in_two_capitals_that_are_also_a_listed_word_then_they_are_covered(end):
    assert top_bar_initials(bar(end, 95)) == {3}  # "Priya Rao": badges are mostly two letters


def test_when_the_bar_ends_in_a_listed_word_read_unsurely_then_it_is_covered():
    assert top_bar_initials(bar("OK", 60)) == {3}


@pytest.mark.parametrize("end, left, covered", [("B", 230, False), ("D", 231, False), ("L", 250, True), ("A", 256, True)])
def test_when_a_title_ends_in_one_capital_a_space_after_its_last_word_then_it_stays(end, left, covered):
    # "Roadmap - Plan B": a space (4 px) after the title's last word; a badge is set apart by a wider gap.
    words = [word(text, 95, 0, 10 + 60 * i, 10) for i, text in enumerate(("Roadmap", "-", "Kickoff", "Plan"))]
    words += [word(end, 95, 0, left, 10), word("Notes", 96, 1, 10, 60), word("from", 96, 1, 70, 60)]
    assert top_bar_initials(words) == ({4} if covered else set())
