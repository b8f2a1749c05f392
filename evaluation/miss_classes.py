"""Leaked gold values counted by the shape of the value and its context (field, script, case, digits,
separators, length, what stands before and after it on its line; for screens region, scale, theme
and whether the OCR read it): the aggregate the evaluation may read of the split it is judged on, to
say which classes its misses fall in without looking at a record.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

MIN_LEAKS = 5  # a (label, class) cell is listed among the top misses only from this many leaked values
TOP_CELLS = 15
_PUNCT_BEFORE = {":": "after ':'", "=": "after '='", "@": "after '@'", "/": "in a path or URL", "?": "in a path or URL",
                 "&": "in a path or URL", "#": "after '#'", "-": "after a dash", "(": "after a bracket or quote",
                 "[": "after a bracket or quote", "<": "after a bracket or quote", '"': "after a bracket or quote",
                 "'": "after a bracket or quote", "*": "after a list mark", "•": "after a list mark",
                 ",": "after ','", ".": "after '.'"}


def script(value: str) -> str:
    """'ascii', 'latin' (accented Latin letters) or 'other' (any letter of another script)."""
    letters = [c for c in value if c.isalpha()]
    if all(c.isascii() for c in letters):
        return "ascii"
    return "latin" if all("LATIN" in unicodedata.name(c, "") for c in letters) else "other"


def case(value: str) -> str:
    """How the value's cased letters are written: lower, upper, title (each word capitalised), mixed, none."""
    words = [w for w in re.findall(r"[^\W\d_]+", value) if any(c.isupper() or c.islower() for c in w)]
    if not words:
        return "no cased letters"
    if all(w.islower() for w in words):
        return "lower"
    if all(w.isupper() for w in words):
        return "upper"
    if all(w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words):
        return "title"
    return "mixed"


def digits(value: str) -> str:
    """Whether the value's letters and digits hold no digit, some, or only digits."""
    alnum = [c for c in value if c.isalnum()]
    count = sum(c.isdigit() for c in alnum)
    return "none" if count == 0 else "only digits" if count == len(alnum) else "some"


def separators(value: str) -> str:
    """The kinds of non-alphanumeric characters inside the value: none, space, '@', punctuation, or a mix."""
    kinds = {"space" if c.isspace() else "@" if c == "@" else "punctuation" for c in value if not c.isalnum()}
    return "+".join(sorted(kinds)) or "none"


def length(value: str) -> str:
    """The value's length in characters, bucketed."""
    size = len(value)
    return "1-4" if size <= 4 else "5-8" if size <= 8 else "9-16" if size <= 16 else "17+"


def words(value: str) -> str:
    """How many words the value has: 1, 2, or 3+."""
    count = len(value.split())
    return "3+" if count >= 3 else str(count)


def before(line_before: str) -> str:
    """What stands before the value on its line: nothing, a punctuation mark of a class, or a word."""
    stripped = line_before.rstrip()
    if not stripped:
        return "line start"
    mark = _PUNCT_BEFORE.get(stripped[-1])
    if mark:
        return mark
    return "after a word" if stripped[-1].isalnum() else "after another mark"


def after(line_after: str) -> str:
    """What follows the value on its line: nothing, a colon, other punctuation, or a word."""
    stripped = line_after.lstrip()
    if not stripped:
        return "line end"
    if stripped[0] == ":":
        return "before ':'"
    return "before a word" if stripped[0].isalnum() else "before punctuation"


def field_part(name: str) -> str:
    """The field a text value sits in, without a segment's index (segment text, speaker)."""
    return {"text": "segment text", "speaker": "speaker"}.get(name.rsplit(".", 1)[-1], name)


def value_aspects(value: str) -> dict[str, str]:
    """The shape of a value, whatever kind of record holds it."""
    return {"script": script(value), "case": case(value), "digits": digits(value), "separators": separators(value),
            "length": length(value), "words": words(value)}


def text_aspects(texts: dict[str, str], span: dict) -> dict[str, str]:
    """A text record's gold value: its shape, its field and its neighbours on its line."""
    text = texts.get(span["field"], "")
    line_start = text.rfind("\n", 0, span["start"]) + 1
    line_end = text.find("\n", span["end"])
    line_end = len(text) if line_end < 0 else line_end
    whole = not text[line_start:span["start"]].strip() and not text[span["end"]:line_end].strip()
    return {"field": field_part(span["field"]), **value_aspects(span["value"]),
            "before": before(text[line_start:span["start"]]), "after": after(text[span["end"]:line_end]),
            "line": "the whole line" if whole else "part of a line"}


def screen_aspects(gold: dict, span: dict, read: bool | None) -> dict[str, str]:
    """A screen's gold value: its shape, region, the screen's look, and whether the OCR read it whole."""
    aspects = {"region": span.get("region", "?"), "scale": f"{gold.get('scale')}x", "theme": str(gold.get("theme")),
               **value_aspects(span["value"])}
    if read is not None:
        aspects["read by the OCR"] = "yes" if read else "no"
    return aspects


def tally(rows: list[tuple[str, bool, dict[str, str]]]) -> dict:
    """Leaked and total values by aspect and class, from (label, leaked, aspects) rows; and the (label, aspect,
    class) cells that hold more leaks than their label's own leak rate predicts, most excess first."""
    by_class: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    by_cell: Counter = Counter()
    cell_totals: Counter = Counter()
    for label, leaked, aspects in rows:
        for aspect, value in (("label", label), *aspects.items()):
            counts = by_class[aspect][value]
            counts[0] += leaked
            counts[1] += 1
            if aspect != "label":
                cell_totals[(label, aspect, value)] += 1
                by_cell[(label, aspect, value)] += leaked
    labels = by_class.get("label", {})

    def excess(cell: tuple[str, str, str]) -> float:
        leaked, values = labels[cell[0]]
        return by_cell[cell] - cell_totals[cell] * leaked / values

    cells = sorted((c for c in by_cell if by_cell[c] >= MIN_LEAKS and excess(c) > 0),
                   key=lambda c: (-excess(c), c))[:TOP_CELLS]
    return {"by_class": {aspect: {value: {"leaked": c[0], "values": c[1]} for value, c in sorted(values.items())}
                         for aspect, values in by_class.items()},
            "top_cells": [{"label": c[0], "aspect": c[1], "class": c[2], "leaked": by_cell[c], "values": cell_totals[c],
                           "excess": round(excess(c), 1)} for c in cells]}
