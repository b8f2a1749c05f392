"""Large initials tiles (a video call's camera-off participants, 2x captures) are avatars; a square
note or card holding lines of text, however large, is not (models/avatars.py `one_line_from_px`)."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from models.avatars import _one_glyph_line, find_avatars

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _found(box, boxes, slack: int = 3) -> bool:
    return any(f[0] - slack <= box[0] and f[1] - slack <= box[1] and f[2] + slack >= box[2]
               and f[3] + slack >= box[3] for f in boxes)


def _colours(image: Image.Image) -> np.ndarray:
    shifted = (np.asarray(image.convert("RGB"), dtype=np.uint8) >> 3).astype(np.int32)
    return (shifted[..., 0] << 10) | (shifted[..., 1] << 5) | shifted[..., 2]


def test_one_glyph_line_tells_initials_with_an_accent_from_lines_of_text():
    image = Image.new("RGB", (300, 150), (40, 90, 200))
    draw = ImageDraw.Draw(image)
    draw.text((75, 75), "ÉL", fill=(255, 255, 255), font=ImageFont.truetype(FONT, 56), anchor="mm")
    draw.text((160, 30), "Ship the", fill=(255, 255, 255), font=ImageFont.truetype(FONT, 18))
    draw.text((160, 62), "release", fill=(255, 255, 255), font=ImageFont.truetype(FONT, 18))
    draw.text((160, 94), "notes now", fill=(255, 255, 255), font=ImageFont.truetype(FONT, 18))
    colours = _colours(image)
    blue = int(colours[2, 2])
    assert _one_glyph_line(colours, (0, 0, 149, 149), blue)
    assert not _one_glyph_line(colours, (150, 0, 299, 149), blue)


@pytest.mark.parametrize("side", [110, 144, 200])
def test_a_large_initials_disc_is_an_avatar_and_a_large_text_note_is_not(policy, side):
    image = Image.new("RGB", (2 * side + 120, side + 40), (60, 64, 67))
    draw = ImageDraw.Draw(image)
    disc = (20, 20, 20 + side - 1, 20 + side - 1)
    draw.ellipse(disc, fill=(94, 53, 177))
    draw.text((20 + side / 2, 20 + side / 2), "FT", fill=(255, 255, 255), font=ImageFont.truetype(FONT, round(side * 0.4)),
              anchor="mm")
    note = (side + 60, 20, 2 * side + 59, 20 + side - 1)
    draw.rounded_rectangle(note, radius=6, fill=(249, 220, 92))
    font = ImageFont.truetype(FONT, max(10, side // 9))
    for i, line in enumerate(("Retro:", "ship docs", "fix deploy")):
        draw.text((note[0] + side // 8, note[1] + side // 6 + i * side // 4), line, fill=(40, 40, 40), font=font)
    found = find_avatars(image, policy.screenshots.avatars)
    assert _found(disc, found)
    assert not _found(note, found)


@pytest.mark.slow
def test_a_call_panel_rendered_by_chromium_at_2x_has_its_large_tiles_covered_and_its_buttons_kept(policy):
    from evaluation.generated import render
    from evaluation.generated.records import Screen

    tiles = "".join(
        f'<div class="cam"><span class="av" style="background:{colour}" data-pii="INITIALS">{letters}</span></div>'
        for colour, letters in (("#5e35b1", "FT"), ("#188038", "AA"), ("#d93025", "W"), ("#b06000", "赵")))
    page = ("<!doctype html><html><head><meta charset='utf-8'><style>body{margin:0;background:#202124;"
            "font-family:'DejaVu Sans','Noto Sans CJK SC',sans-serif} .grid{display:grid;grid-template-columns:1fr 1fr;"
            "gap:8px;padding:12px} .cam{background:#3c4043;border-radius:8px;height:200px;display:flex;align-items:center;"
            "justify-content:center} .av{display:inline-block;width:72px;height:72px;line-height:72px;border-radius:50%;"
            "color:#fff;text-align:center;font-weight:700;font-size:30px} .btn{display:inline-block;margin:10px;"
            "padding:0 14px;height:72px;line-height:72px;border-radius:36px;background:#8ab4f8;color:#202124}"
            ".note{display:inline-block;width:110px;height:110px;background:#fdd663;color:#202124;margin:10px;"
            "padding:12px;font-size:13px;vertical-align:top}</style></head><body>"
            f"<div class='grid'>{tiles}</div><span class='btn' data-ui='1'>Join now</span>"
            "<span class='note' data-ui='1'>Retro notes: ship docs, fix the deploy, plan Q3</span></body></html>")
    with render.Renderer() as browser:
        png, boxes = browser.render(Screen("zoom.us", "Meeting", "", page, 900, 700), 2)
    found = find_avatars(Image.open(io.BytesIO(png)), policy.screenshots.avatars)
    tiles_found = [b for b in found if b[2] - b[0] > 96]
    assert len(tiles_found) == 4
    assert all(b[1] < 2 * 450 for b in tiles_found)  # the button and the note below the grid stay
