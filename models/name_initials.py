"""Initials drawn beside the name they abbreviate: an avatar chip whose letters OCR reads in the same
row as the person's name ("JD  Jane Doe ▾", "Anika Kapoor  AK", "김민준  민준"). The letters spelling
the initials of a found name next to them are INITIALS, whatever word list they are also in ("PR" for
Priya Rao); capitals that spell the initials of the capitalised, not all ordinary, words after them
("AK  Anika Kapoor · Admin") make a name of those words too, found by detection or not."""
from __future__ import annotations

import functools
from collections.abc import Sequence

import pydantic
import regex

from models.config_files import DATA_DIR, StrictModel, load_yaml_file
from models.login_words import is_ordinary_word
from models.recognizers.config import Regex, recognizer_data
from models.records import OcrWord
from models.screen_fields import field_cues
from models.screen_layout import CHIP_MARKS, listed_acronym, table_shape, visual_rows


class InitialsShape(StrictModel):
    """models/data/screen_initials.yaml: what a chip's word is, and how near its name it stands."""

    chip_word: Regex
    ringed_word: Regex
    caseless: Regex
    max_gap_heights: float = pydantic.Field(gt=0)
    mark_steps: int = pydantic.Field(ge=0, le=4)
    spelled_min_letters: int = pydantic.Field(ge=2, le=3)


@functools.cache
def initials_shape() -> InitialsShape:
    """The shape shipped with the package."""
    return load_yaml_file(DATA_DIR / "screen_initials.yaml", InitialsShape)


def initials_beside_names(words: Sequence[OcrWord], names: set[int], shape: InitialsShape | None = None
                          ) -> tuple[set[int], set[int]]:
    """(initials, spelled names): indices of chip words next to a found name (`names`) whose letters
    are its initials, and of chip words with the capitalised words after them whose initials they spell
    (those words in the second set). One pass over the rows: each chip word looks at its nearest
    neighbours only."""
    shape = shape or initials_shape()
    chip, ring, caseless = regex.compile(shape.chip_word), regex.compile(shape.ringed_word), regex.compile(shape.caseless)
    name_word = regex.compile(field_cues().name_word)
    rule, keep = recognizer_data().bare_handles, table_shape().lone_initials_keep
    row_of = {index: number for number, row in enumerate(visual_rows(words)) for cell in row for index in cell}
    initials: set[int] = set()
    spelled: set[int] = set()
    for index, word in enumerate(words):
        core = word.text.strip(CHIP_MARKS)
        ringed = core != word.text and (word.text[0] in _RIMS or word.text[-1] in _RIMS)
        if index in names or not (chip.fullmatch(core) or ringed and ring.fullmatch(core)):
            continue
        for step in (-1, 1):
            near = _neighbours(words, index, step, row_of, shape)
            if near and near[0] in names:
                run = _run(near, names)
                if _spells(core, [words[i].text for i in (run if step > 0 else run[::-1])], caseless):
                    initials.add(index)
        letters = core.replace(".", "").upper()
        if index in initials or len(letters) < shape.spelled_min_letters or letters in rule.not_initials \
                or letters in keep or listed_acronym(letters) or caseless.fullmatch(letters):
            continue
        after = _neighbours(words, index, 1, row_of, shape)[:len(letters)]
        texts = [words[i].text.rstrip(",.;:") for i in after]
        if (len(after) == len(letters) and all(name_word.fullmatch(t) for t in texts)
                and not all(is_ordinary_word(t) for t in texts) and _spells(letters, texts, caseless)):
            initials.add(index)
            spelled.update(after)
    return initials, spelled - names


# Marks OCR reads for a ring or a disc's rim around a chip's letters ("(ak)", "[Hs").
_RIMS = "()[]{}|"


def _neighbours(words: Sequence[OcrWord], index: int, step: int, row_of: dict[int, int],
                shape: InitialsShape) -> list[int]:
    """The words after (step 1) or before (-1) `index` on its visual row, marks skipped (at most
    `mark_steps`), the first within `max_gap_heights` of the chip word; [] when none."""
    out: list[int] = []
    marks, edge, other = 0, index, index + step
    while 0 <= other < len(words) and row_of.get(other) == row_of[index] and len(out) < 3:
        if not any(char.isalnum() for char in words[other].text):
            marks += 1
            if marks > shape.mark_steps:
                break
        else:
            if not out and _gap(words[edge], words[other], step) > shape.max_gap_heights * words[index].height:
                break
            out.append(other)
        edge, other = other, other + step
    return out


def _gap(a: OcrWord, b: OcrWord, step: int) -> int:
    """Horizontal space between two words, `b` after `a` (step 1) or before it (-1)."""
    return b.left - (a.left + a.width) if step > 0 else a.left - (b.left + b.width)


def _run(near: list[int], names: set[int]) -> list[int]:
    """The leading words of `near` that are all in `names`."""
    out = []
    for index in near:
        if index not in names:
            break
        out.append(index)
    return out


def _spells(core: str, name: list[str], caseless: regex.Pattern) -> bool:
    """Whether `core` is initials of the name read as words `name`: the first letters of its words in
    order (the first word's first, then later ones', "JD", "JAD", "J"), or of `Last, First` ("DJ"); a
    part of the name's own text in a script with no case (a family name, a given name)."""
    letters = core.replace(".", "").casefold()
    if caseless.fullmatch(letters):
        return letters in "".join(name).casefold()
    firsts = [part.lstrip("(\"'")[:1].casefold() for part in name if part.lstrip("(\"'")[:1].isalpha()]
    if not firsts or len(letters) > len(firsts):
        return False
    return _leads(letters, firsts) or (name[0].endswith(",") and _leads(letters, firsts[1:] + firsts[:1]))


def _leads(letters: str, firsts: list[str]) -> bool:
    """`letters` start with the first word's letter and go on with later words' letters, in order."""
    if not letters or letters[0] != firsts[0]:
        return False
    rest = iter(firsts[1:])
    return all(any(letter == first for first in rest) for letter in letters[1:])
