"""Avatars as design systems draw them (models/avatars.py): discs overlapped in a stacked presence
group, initials on a two-colour gradient, 16 px coloured tiles at 1x, found by shape whatever OCR
reads; bold grey text at 2x, a gradient button with a label and a plain banner are not avatars.
Also the seventh screen tuning family (templates_tune/avatars.py) is registered with its held-out
phrasings."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from evaluation.generated.build import SCREEN_FAMILIES, split_sizes
from evaluation.generated.families import FAMILIES, load_family
from models.avatars import _glyph_contrast, find_avatars, without_overflow_chips
from models.records import OcrWord

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
WHITE = (255, 255, 255)


@pytest.fixture(scope="module")
def shape(policy):
    return policy.screenshots.avatars


def _found(box, boxes, slack: int = 3) -> bool:
    return any(f[0] - slack <= box[0] and f[1] - slack <= box[1] and f[2] + slack >= box[2]
               and f[3] + slack >= box[3] for f in boxes)


def _letters(draw: ImageDraw.ImageDraw, box, text: str, fill=WHITE, share: float = 0.42) -> None:
    side = box[3] - box[1] + 1
    font = ImageFont.truetype(FONT, max(7, round(side * share)))
    draw.text(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), text, fill=fill, font=font, anchor="mm")


def _stack(draw: ImageDraw.ImageDraw, left: int, top: int, side: int, colours, letters, page) -> list[tuple]:
    """Discs overlapping by a quarter of their side, each ringed in the page colour, later ones on top."""
    boxes = []
    for i, (colour, text) in enumerate(zip(colours, letters)):
        x = left + i * (side - side // 4)
        box = (x, top, x + side - 1, top + side - 1)
        draw.ellipse((box[0] - 2, box[1] - 2, box[2] + 2, box[3] + 2), fill=page)
        draw.ellipse(box, fill=colour)
        _letters(draw, box, text)
        boxes.append(box)
    return boxes


@pytest.mark.parametrize("side", [24, 32, 48, 64])
@pytest.mark.parametrize("page", [WHITE, (32, 33, 36)], ids=["light", "dark"])
def test_every_disc_of_a_stacked_presence_group_is_an_avatar(shape, side, page):
    image = Image.new("RGB", (480, 160), page)
    boxes = _stack(ImageDraw.Draw(image), 40, 40, side, [(217, 48, 37), (26, 115, 232), (24, 128, 56)],
                   ["AK", "M", "JD"], page)
    found = find_avatars(image, shape)
    # the hidden side of a disc is under its neighbour: the box found is the part that shows
    shown = [(b[0], b[1], b[2] - side // 4 - 2 if i < 2 else b[2], b[3]) for i, b in enumerate(boxes)]
    assert [_found(b, found) for b in shown] == [True] * 3


def _gradient_tile(image: Image.Image, box, start, end, radius: int) -> None:
    """A tile shaded from `start` (top left) to `end` (bottom right), rounded by `radius`."""
    left, top, right, bottom = box
    side = right - left + 1
    ramp = (np.add.outer(np.arange(side), np.arange(side)) / (2 * side - 2))[..., None]
    shade = (np.array(start) * (1 - ramp) + np.array(end) * ramp).astype(np.uint8)
    mask = Image.new("L", (side, side), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, side - 1, side - 1), radius=radius, fill=255)
    image.paste(Image.fromarray(shade, "RGB"), (left, top), mask)


@pytest.mark.parametrize("side,radius", [(20, 10), (32, 16), (40, 8), (64, 12), (96, 48)])
@pytest.mark.parametrize("colours", [((246, 211, 101), (253, 160, 133)), ((102, 126, 234), (118, 75, 162)),
                                     ((132, 250, 176), (143, 211, 244))], ids=["sunset", "violet", "mint"])
def test_initials_on_a_gradient_tile_are_an_avatar(shape, side, radius, colours):
    image = Image.new("RGB", (320, 200), WHITE)
    box = (40, 40, 40 + side - 1, 40 + side - 1)
    _gradient_tile(image, box, *colours, radius)
    _letters(ImageDraw.Draw(image), box, "TN", fill=WHITE if sum(colours[0]) < 500 else (31, 35, 40))
    assert _found(box, find_avatars(image, shape))


@pytest.mark.parametrize("colour", [(0, 82, 204), (255, 86, 48), (101, 84, 192)])
def test_a_16_px_coloured_disc_at_1x_is_an_avatar(shape, colour):
    image = Image.new("RGB", (200, 80), WHITE)
    draw = ImageDraw.Draw(image)
    box = (40, 30, 55, 45)
    draw.ellipse(box, fill=colour)
    _letters(draw, box, "PT", share=0.45)
    assert _found(box, find_avatars(image, shape))


@pytest.mark.parametrize("ink", [(95, 99, 104), (32, 33, 36), (232, 234, 237)], ids=["grey", "black", "white"])
def test_bold_words_at_2x_are_not_avatars(shape, ink):
    page = (32, 33, 36) if ink[0] > 200 else WHITE
    image = Image.new("RGB", (900, 120), page)
    ImageDraw.Draw(image).text((20, 30), "Assignee planning agenda", fill=ink, font=ImageFont.truetype(FONT, 28))
    assert find_avatars(image, shape) == []


def test_a_gradient_button_with_a_label_and_a_gradient_banner_are_not_avatars(shape):
    image = Image.new("RGB", (640, 240), WHITE)
    for box in ((40, 40, 199, 79), (40, 120, 599, 219)):  # a pill button and a banner, both gradients
        left, top, right, bottom = box
        ramp = np.linspace(0, 1, right - left + 1)[None, :, None]
        shade = (np.array((102, 126, 234)) * (1 - ramp) + np.array((118, 75, 162)) * ramp).astype(np.uint8)
        image.paste(Image.fromarray(np.repeat(shade, bottom - top + 1, axis=0), "RGB"), (left, top))
    draw = ImageDraw.Draw(image)
    draw.text((120, 60), "Upgrade", fill=WHITE, font=ImageFont.truetype(FONT, 16), anchor="mm")
    draw.text((320, 170), "Welcome back", fill=WHITE, font=ImageFont.truetype(FONT, 30), anchor="mm")
    assert find_avatars(image, shape) == []


def test_the_glyph_contrast_is_that_of_the_glyphs_inner_half_not_of_its_anti_aliased_edge():
    luminance = np.array([[100.0, 100.0, 100.0, 100.0], [255.0, 120.0, 110.0, 100.0]])
    glyph = np.array([[False, False, False, False], [True, True, True, False]])
    assert _glyph_contrast(luminance, glyph) == pytest.approx(155.0 * 0.5 + 20.0 * 0.5)
    assert _glyph_contrast(200.0 - luminance, glyph) < 0


@pytest.mark.parametrize("text,confidence,stays", [("+3", 91.0, True), ("12+", 88.0, True), ("+3", 40.0, False),
                                                  ("13", 95.0, False), ("B", 95.0, False), ("+3 more", 95.0, False)])
def test_an_overflow_chip_read_as_plus_n_stays_and_anything_else_on_a_tile_is_covered(shape, text, confidence, stays):
    chip, tile = (100, 10, 131, 41), (60, 10, 91, 41)
    words = [OcrWord(text, 106, 18, 20, 14, 0, confidence=confidence), OcrWord("Share", 150, 18, 40, 14, 4, confidence=96.0)]
    assert without_overflow_chips([tile, chip], words, shape) == ([tile] if stays else [tile, chip])
    assert without_overflow_chips([tile, chip], words, shape.model_copy(update={"overflow_pattern": ""})) == [tile, chip]


def test_the_avatar_families_are_screens_only_with_seeds_of_their_own_and_other_drawings():
    tune, held = load_family("tune_avatars"), load_family("tune_avatars_held")
    others = {load_family(name).seed for name in FAMILIES if name not in ("tune_avatars", "tune_avatars_held", "test")}
    assert tune.seed != held.seed and not {tune.seed, held.seed} & others
    assert {"tune_avatars", "tune_avatars_held"} <= set(SCREEN_FAMILIES) and split_sizes("tune_avatars_held", False).text == 0
    assert [r.name for r in tune.screen_recipes] == [r.name for r in held.screen_recipes]
    assert [r.build for r in tune.screen_recipes] != [r.build for r in held.screen_recipes]
    assert [r.name for r in held.screen_recipes if r.hard_negative] == ["controls"]


@pytest.mark.slow
def test_a_presence_toolbar_rendered_by_chromium_at_2x_has_its_initials_covered_and_its_text_kept(policy):
    import random

    from evaluation.generated.render import Renderer
    from evaluation.generated.spans import Slots
    from evaluation.generated.templates_tune import avatars
    from evaluation.generated.values import Values

    rng = random.Random(11)
    with Renderer() as browser:
        png, boxes = browser.render(avatars.presence_tune(avatars.Kit(Slots(Values(rng)), rng, "light",
                                                                       avatars._TUNE_DESIGNS[:2])), 2)
    found = find_avatars(Image.open(io.BytesIO(png)), policy.screenshots.avatars)
    initials = [b["box"] for b in boxes if b["label"] == "INITIALS"]
    assert len(initials) >= 3 and all(_found(b, found) for b in initials)
    assert all(b[1] < 2 * 50 for b in found)  # the prose below the toolbar stays


def _chip(text: str, read: str, colour=(95, 99, 104)):
    """A 40 px disc holding `text`, and the OCR word `read` over the part of it that `read` draws."""
    image = Image.new("RGB", (200, 80), WHITE)
    draw = ImageDraw.Draw(image)
    box = (60, 20, 99, 59)
    draw.ellipse(box, fill=colour)
    font = ImageFont.truetype(FONT, 13)
    draw.text((80, 40), text, fill=WHITE, font=font, anchor="mm")
    full = draw.textbbox((80, 40), text, font=font, anchor="mm")
    part = draw.textbbox((full[0], 40), read, font=font, anchor="lm")  # `read` is the start of `text`
    word = OcrWord(read, part[0], part[1], part[2] - part[0] + 1, part[3] - part[1] + 1, 0, confidence=92.0)
    return image, box, [word]


@pytest.mark.parametrize("text,read,stays", [("+3", "+3", True), ("99+", "99+", True), ("+1 JD", "+1", False),
                                             ("+2 A", "+2", False), ("+0", "+0", False), ("0+", "0+", False)])
def test_a_chip_stays_only_when_it_holds_nothing_but_the_overflow_count(shape, text, read, stays):
    image, box, words = _chip(text, read)
    assert without_overflow_chips([box], words, shape, image) == ([] if stays else [box])
    dark_image, box, words = _chip(text, read, colour=(60, 64, 67))
    assert without_overflow_chips([box], words, shape, dark_image) == ([] if stays else [box])


@pytest.mark.parametrize("read", ["1+", "+3"])
def test_a_coloured_disc_read_as_an_overflow_count_is_initials_misread_and_covered(shape, read):
    image, box, words = _chip(read, read, colour=(26, 115, 232))  # "IT" read "1+", "TS" read "+3"
    assert without_overflow_chips([box], words, shape, image) == [box]


def test_an_overflow_count_in_other_digits_is_not_a_chip(shape):
    words = [OcrWord("+\u0663", 106, 18, 20, 14, 0, confidence=95.0)]  # Arabic-Indic three
    chip = (100, 10, 131, 41)
    assert without_overflow_chips([chip], words, shape) == [chip]
