"""Avatars found by shape: initials on discs and rounded squares, drawn by Pillow and rendered by
headless Chromium, are found and covered; letters, badges, buttons and dots are not."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from models.avatars import AvatarShape, _runs, _shapes, find_avatars
from models.config_files import ConfigFileError
from models.policy import load_policy

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


@pytest.fixture(scope="module")
def shape(policy) -> AvatarShape:
    return policy.screenshots.avatars


def _canvas(background=(255, 255, 255)) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (640, 200), background)
    return image, ImageDraw.Draw(image)


def _avatar(draw: ImageDraw.ImageDraw, left: int, top: int, side: int, colour, initials: str,
            rounded: int | None = None) -> tuple[int, int, int, int]:
    box = (left, top, left + side - 1, top + side - 1)
    if rounded is None:
        draw.ellipse(box, fill=colour)
    else:
        draw.rounded_rectangle(box, radius=rounded, fill=colour)
    font = ImageFont.truetype(FONT, round(side * 0.4))
    draw.text((left + side / 2, top + side / 2), initials, fill=(255, 255, 255), font=font, anchor="mm")
    return box


def _found(box, boxes, slack: int = 2) -> bool:
    return any(f[0] - slack <= box[0] and f[1] - slack <= box[1] and f[2] + slack >= box[2]
               and f[3] + slack >= box[3] for f in boxes)


@pytest.mark.parametrize("side", [20, 28, 36, 48, 72])
@pytest.mark.parametrize("colour", [(29, 112, 184), (120, 120, 120), (196, 40, 40), (30, 130, 76)])
def test_initials_on_a_disc_are_an_avatar(shape, side, colour):
    image, draw = _canvas()
    box = _avatar(draw, 40, 40, side, colour, "JD")
    assert _found(box, find_avatars(image, shape))


def test_initials_on_a_rounded_square_and_on_a_dark_page_are_avatars(shape):
    image, draw = _canvas(background=(26, 29, 33))
    square = _avatar(draw, 40, 40, 36, (97, 31, 105), "AS", rounded=8)
    disc = _avatar(draw, 120, 40, 36, (18, 140, 120), "M")
    assert [b for b in (square, disc) if _found(b, find_avatars(image, shape))] == [square, disc]


@pytest.mark.parametrize("initials", ["JD", "M", "KŁ"])
def test_white_initials_on_a_square_tile_are_an_avatar(shape, initials):
    image, draw = _canvas()
    tile = _avatar(draw, 40, 40, 32, (154, 103, 0), initials, rounded=0)
    assert _found(tile, find_avatars(image, shape))


def test_a_light_square_key_with_a_dark_letter_is_no_avatar(shape):
    image, draw = _canvas()
    draw.rectangle((40, 40, 75, 75), fill=(235, 235, 235))
    draw.text((58, 58), "K", fill=(30, 30, 30), font=ImageFont.truetype(FONT, 16), anchor="mm")
    assert find_avatars(image, shape) == []


@pytest.mark.parametrize("draw_it", [
    # Open letters and digits, drawn large and bold (closed ones such as "o" or "0" can pass for a
    # disc at that size: docs/known-limits.md).
    lambda d: d.text((40, 40), "ceg3 scan", fill=(20, 20, 20), font=ImageFont.truetype(FONT, 40)),
    lambda d: d.text((40, 40), "Cecily 2356", fill=(20, 20, 20), font=ImageFont.truetype(FONT, 28)),
    lambda d: d.rounded_rectangle((40, 40, 90, 62), radius=11, fill=(90, 80, 200)),  # a pill badge...
    lambda d: d.rectangle((40, 40, 76, 76), fill=(29, 112, 184)),  # a plain square
    lambda d: d.ellipse((40, 40, 76, 76), fill=(40, 180, 90)),  # a status dot: nothing on it
    lambda d: d.rectangle((40, 40, 66, 66), outline=(60, 60, 60), width=2),  # a checkbox
], ids=["letters", "words", "pill", "square", "dot", "checkbox"])
def test_letters_badges_squares_dots_and_boxes_are_not_avatars(shape, draw_it):
    image, draw = _canvas()
    draw_it(draw)
    if "pill" in repr(draw_it):
        draw.text((65, 51), "34", fill=(255, 255, 255), font=ImageFont.truetype(FONT, 13), anchor="mm")
    assert find_avatars(image, shape) == []


def test_with_cover_off_nothing_is_found(shape):
    image, draw = _canvas()
    _avatar(draw, 40, 40, 36, (29, 112, 184), "JD")
    assert find_avatars(image, shape.model_copy(update={"cover": False})) == []


def test_a_policy_whose_avatar_ranges_are_inverted_fails_naming_the_key(tmp_path):
    text = open("models/data/policy.yaml", encoding="utf-8").read().replace("min_fill: 0.52", "min_fill: 0.95")
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigFileError, match="avatars"):
        load_policy(path)


@pytest.mark.slow
def test_avatars_rendered_by_chromium_are_found_and_nothing_else_is(shape, tmp_path):
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    avatars = "".join(
        f'<div class="av" style="width:{side}px;height:{side}px;background:{colour};'
        f'border-radius:{radius};font-size:{round(side * 0.4)}px">{initials}</div>'
        for side, colour, radius, initials in [(24, "#1d70b8", "50%", "JD"), (32, "#6b6b6b", "50%", "AK"),
                                               (40, "#c42828", "50%", "M"), (48, "#1e824c", "50%", "ÉL"),
                                               (36, "#611f69", "8px", "SO")])
    others = ('<span class="other" style="background:#5a50c8;color:#fff;border-radius:10px;padding:2px 8px">34</span>'
              '<span class="other" style="font:bold 40px sans-serif">ceg3 scan</span>'
              '<button class="other" style="width:40px;height:40px">OK</button>'
              '<span class="other" style="display:inline-block;width:24px;height:24px;border-radius:50%;'
              'background:#2ea043"></span>')
    page_file = tmp_path / "page.html"
    page_file.write_text(
        "<html><body style='margin:20px;font-family:sans-serif'><style>.av{display:inline-flex;"
        "align-items:center;justify-content:center;color:#fff;font-weight:bold;margin:8px}</style>"
        f"<div>{avatars}</div><div style='margin-top:20px'>{others}</div></body></html>", encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 800, "height": 300}, device_scale_factor=1)
        page.goto(page_file.as_uri())
        shot = page.screenshot()
        boxes = {name: [page.locator(selector).nth(i).bounding_box() for i in range(page.locator(selector).count())]
                 for name, selector in (("avatars", ".av"), ("others", ".other"))}
        browser.close()
    found = find_avatars(Image.open(io.BytesIO(shot)), shape)

    def pixels(b):
        return (round(b["x"]), round(b["y"]), round(b["x"] + b["width"]) - 1, round(b["y"] + b["height"]) - 1)

    assert [_found(pixels(b), found) for b in boxes["avatars"]] == [True] * 5
    assert len(found) == 5


def test_a_crafted_image_of_many_short_runs_stops_at_the_records_deadline(shape):
    from models.deadline import DeadlineExceeded, record_deadline
    stripes = Image.new("RGB", (600, 600), (255, 255, 255))
    draw = ImageDraw.Draw(stripes)
    for x in range(0, 600, 4):
        draw.line((x, 0, x + 1, 599), fill=(200, 0, 0))  # runs of 2 px, 90,000 of them
    with pytest.raises(DeadlineExceeded), record_deadline(1e-6):
        find_avatars(stripes, shape)


@pytest.mark.parametrize("rounded", [None, 0, 6], ids=["disc", "square", "rounded"])
@pytest.mark.parametrize("side", [20, 32, 64])
def test_a_tile_with_a_presence_dot_at_its_lower_right_is_an_avatar(shape, rounded, side):
    image, draw = _canvas()
    tile = _avatar(draw, 40, 40, side, (123, 104, 238), "KS", rounded=rounded)
    dot = max(6, side // 4)
    draw.ellipse((tile[2] - dot + 2, tile[3] - dot + 2, tile[2] + 2, tile[3] + 2), fill=(43, 172, 118),
                 outline=(255, 255, 255), width=2)
    assert _found(tile, find_avatars(image, shape), slack=3)


def test_with_status_dots_off_a_dotted_tile_is_not_found(shape):
    image, draw = _canvas()
    tile = _avatar(draw, 40, 40, 32, (123, 104, 238), "KS", rounded=0)
    draw.ellipse((tile[2] - 8, tile[3] - 8, tile[2] + 2, tile[3] + 2), fill=(43, 172, 118))
    assert find_avatars(image, shape.model_copy(update={"status_dots": False})) == []


def test_dark_initials_on_a_saturated_square_tile_are_an_avatar(shape):
    image, draw = _canvas()
    tile = (40, 40, 71, 71)
    draw.rectangle(tile, fill=(255, 171, 0))
    draw.text((56, 56), "EN", fill=(29, 28, 29), font=ImageFont.truetype(FONT, 13), anchor="mm")
    assert _found(tile, find_avatars(image, shape))


@pytest.mark.parametrize("face", [(235, 235, 235), (200, 205, 210), (250, 240, 200)], ids=["grey", "steel", "cream"])
def test_a_dark_label_on_a_grey_or_pale_square_stays(shape, face):
    image, draw = _canvas()
    draw.rectangle((40, 40, 71, 71), fill=face)
    draw.text((56, 56), "EN", fill=(29, 28, 29), font=ImageFont.truetype(FONT, 13), anchor="mm")
    assert find_avatars(image, shape) == []


def test_runs_of_one_colour_are_joined_to_every_run_they_touch_in_the_row_above_however_many_stripes_between():
    # a row of two-colour stripes (the many runs of one colour a crafted image puts in a row are looked
    # up in order, not each against all): the long run below touches three runs of its colour above
    colours = np.array([[1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 3, 3],
                        [2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 3]], dtype=np.int32)
    shapes = sorted(tuple(s) for s in _shapes(_runs(colours, 256)))
    assert shapes == [(0, 0, 9, 1, 14, 1), (2, 0, 3, 0, 2, 2), (6, 0, 7, 0, 2, 2), (10, 0, 11, 1, 4, 3)]
