"""Screens drawn with Pillow for OCR tests, with the pixel box of every planted string."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

LIGHT = ((255, 255, 255), (25, 25, 25))
DARK = ((30, 30, 30), (210, 210, 210))


def render_screen(lines: list[str], planted: list[str], dark: bool, scale: int, font_px: int
                  ) -> tuple[bytes, dict[str, tuple[float, float, float, float]]]:
    """A window with a sidebar of the other polarity and `lines` of text; the boxes of `planted`."""
    background, foreground = DARK if dark else LIGHT
    width, height = 900 * scale, (60 + len(lines) * int(font_px * 2.2)) * scale
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=font_px * scale)
    sidebar_background, sidebar_text = LIGHT if dark else DARK
    draw.rectangle((0, 0, 160 * scale, height), fill=sidebar_background)
    draw.text((10 * scale, 20 * scale), "Inbox", fill=sidebar_text, font=font)
    boxes = {}
    y = 20 * scale
    for line in lines:
        x = 180 * scale
        draw.text((x, y), line, fill=foreground, font=font)
        for value in planted:
            if value in line:
                start = x + draw.textlength(line[:line.index(value)], font=font)
                boxes[value] = draw.textbbox((start, y), value, font=font)
        y += int(font_px * scale * 2.2)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue(), boxes
