"""HTML building blocks for app mock-ups: bars, lists, messages, tables, forms, terminals.

Families compose them into their own layouts with their own palettes; the blocks take HTML already
filled by `Slots.html`, so every personal value stays inside its marked span. No colour here is
pure black: black is the pipeline's fill, and the scorer looks for it.
"""
from __future__ import annotations

import html
import random
from dataclasses import dataclass

FONTS = ('"DejaVu Sans", "Noto Sans CJK JP", sans-serif', '"Liberation Sans", "Noto Sans CJK JP", sans-serif',
         '"Liberation Serif", "Noto Serif CJK JP", serif', '"DejaVu Sans Condensed", "Noto Sans CJK JP", sans-serif')
MONO = ('"DejaVu Sans Mono", monospace', '"Liberation Mono", monospace')
LIGHT = {"bg": "#ffffff", "fg": "#1d1f23", "muted": "#8a8f98", "side": "#f3f4f6", "side_fg": "#30343b",
         "line": "#e3e5e8", "sel": "#dbe7ff", "sel_fg": "#14213d"}
DARK = {"bg": "#1e1f22", "fg": "#dcdde0", "muted": "#80848e", "side": "#2b2d31", "side_fg": "#b5bac1",
        "line": "#3a3c41", "sel": "#404249", "sel_fg": "#f2f3f5"}


@dataclass(frozen=True)
class Style:
    """A screen's look: theme colours, accent (bars, badges), font and size in CSS pixels."""

    theme: str
    accent: str
    accent_fg: str
    font: str
    mono: str
    size: int

    @property
    def colours(self) -> dict[str, str]:
        """The theme's palette."""
        return DARK if self.theme == "dark" else LIGHT


def pick_style(rng: random.Random, theme: str, accents: tuple[tuple[str, str], ...], sizes: tuple[int, int]) -> Style:
    """A style drawn from a family's accents and size range."""
    accent, accent_fg = rng.choice(accents)
    return Style(theme, accent, accent_fg, rng.choice(FONTS), rng.choice(MONO), rng.randint(*sizes))


def page(style: Style, body: str, extra_css: str = "") -> str:
    """A whole HTML document: the style's palette as CSS variables, then `body`."""
    c = style.colours
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
:root {{ --bg:{c['bg']}; --fg:{c['fg']}; --muted:{c['muted']}; --side:{c['side']}; --side-fg:{c['side_fg']};
  --line:{c['line']}; --sel:{c['sel']}; --sel-fg:{c['sel_fg']}; --accent:{style.accent}; --accent-fg:{style.accent_fg}; }}
* {{ box-sizing: border-box; }}
html, body {{ margin:0; height:100%; background:var(--bg); color:var(--fg); font-family:{style.font};
  font-size:{style.size}px; line-height:1.45; }}
.pii {{ white-space:nowrap; }}
.bar {{ background:var(--accent); color:var(--accent-fg); padding:6px 14px; display:flex; gap:16px; align-items:center; }}
.side {{ background:var(--side); color:var(--side-fg); padding:8px 0; }}
.item {{ padding:3px 14px; white-space:nowrap; }}
.item.sel {{ background:var(--sel); color:var(--sel-fg); font-weight:600; }}
.badge {{ background:var(--accent); color:var(--accent-fg); border-radius:9px; padding:0 6px; font-size:0.8em; margin-left:6px; }}
.avatar {{ display:inline-block; min-width:2.2em; height:2.2em; line-height:2.2em; text-align:center; border-radius:50%;
  color:#ffffff; font-weight:700; font-size:0.85em; }}
.muted {{ color:var(--muted); }}
.msg {{ display:flex; gap:10px; padding:6px 16px; }}
.name {{ font-weight:700; }}
table {{ border-collapse:collapse; }}
td, th {{ border-bottom:1px solid var(--line); padding:4px 10px; text-align:left; white-space:nowrap; }}
th {{ color:var(--muted); font-weight:600; }}
tr.sel td {{ background:var(--sel); color:var(--sel-fg); }}
.mono {{ font-family:{style.mono}; white-space:pre; }}
.form td:first-child {{ color:var(--muted); }}
{extra_css}
</style></head><body>{body}</body></html>"""


def bar(*cells: str, css: str = "") -> str:
    """A coloured bar (title bar, header) holding `cells`."""
    return f'<div class="bar" style="{css}">' + "".join(f"<div>{cell}</div>" for cell in cells) + "</div>"


def side_list(items: list[str], selected: int, badges: dict[int, int], heading: str = "", css: str = "") -> str:
    """A sidebar list with one selected row and unread badges."""
    rows = [f'<div class="item muted" style="font-size:0.85em">{html.escape(heading)}</div>'] if heading else []
    for i, item in enumerate(items):
        badge = f'<span class="badge">{badges[i]}</span>' if i in badges else ""
        bold = ' style="font-weight:700"' if i in badges else ""
        rows.append(f'<div class="item{" sel" if i == selected else ""}"{bold}>{item}{badge}</div>')
    return f'<div class="side" style="{css}">' + "".join(rows) + "</div>"


def avatar(initials: str, colour: str) -> str:
    """A round avatar with initials."""
    return f'<span class="avatar" style="background:{colour}">{initials}</span>'


def message(avatar_html: str, name: str, when: str, text: str) -> str:
    """One chat or mail message: avatar, name, time and text."""
    return (f'<div class="msg">{avatar_html}<div><div><span class="name">{name}</span> '
            f'<span class="muted">{html.escape(when)}</span></div><div>{text}</div></div></div>')


def table(headers: list[str], rows: list[list[str]], selected: int = -1, css: str = "") -> str:
    """A table with a header row and one selected row."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(f'<tr{" class=sel" if i == selected else ""}>' + "".join(f"<td>{cell}</td>" for cell in row)
                   + "</tr>" for i, row in enumerate(rows))
    return f'<table style="{css}"><tr>{head}</tr>{body}</table>'


def form(rows: list[tuple[str, str]], css: str = "") -> str:
    """Label/value rows, as detail pages show them."""
    return f'<table class="form" style="{css}">' + "".join(
        f"<tr><td>{html.escape(label)}</td><td>{value}</td></tr>" for label, value in rows) + "</table>"


def mono_lines(lines: list[str], css: str = "") -> str:
    """Lines in a monospace block (terminal, editor)."""
    return f'<div class="mono" style="{css}">' + "\n".join(lines) + "</div>"


def grid(columns: str, *cells: str, css: str = "") -> str:
    """Cells side by side in a CSS grid with `columns` (e.g. '220px 1fr')."""
    return (f'<div style="display:grid; grid-template-columns:{columns}; height:100%; {css}">'
            + "".join(f"<div>{cell}</div>" for cell in cells) + "</div>")


AVATAR_COLOURS = ("#c0392b", "#8e44ad", "#2471a3", "#17a589", "#d68910", "#7b7d7d", "#1e8449", "#a04000")
