"""Cues a screen's layout gives about its fields, on OCR word boxes: a column headed "Email" or "Owner",
a value beside or under a "Password" or "Account number" label, the rest of a "To:" row, and the other
parts of a name one part of which was found: covered with them, as detection reads each alone."""
from __future__ import annotations

import functools
from collections.abc import Sequence

import pydantic
import regex

from models.config_files import DATA_DIR, StrictModel, load_yaml_file
from models.login_words import is_ordinary_word
from models.recognizers.config import Regex
from models.records import OcrWord
from models.screen_layout import visual_rows

# The count, in the audit's masked entities, of words covered by a header's or a label's cue.
CUED_FIELD = "CUED_FIELD"
# The count of words covered as further parts of a name.
NAME_PART = "NAME_PART"


class FieldCues(StrictModel):
    """models/data/screen_fields.yaml: the headers and labels that mark a personal value, where the
    value stands from its label, and what a further part of a name looks like."""

    value_headers: frozenset[str] = pydantic.Field(min_length=1)
    id_headers: frozenset[str] = pydantic.Field(min_length=1)
    value_labels: frozenset[str] = pydantic.Field(min_length=1)
    inline_labels: frozenset[str] = pydantic.Field(min_length=1)
    max_label_words: int = pydantic.Field(ge=1, le=4)
    label_gap_heights: float = pydantic.Field(gt=0)
    max_beside_heights: float = pydantic.Field(gt=0)
    max_row_pitch: float = pydantic.Field(gt=1)
    min_header_fields: int = pydantic.Field(ge=2)
    below_left_heights: float = pydantic.Field(gt=0)
    below_top_heights: float = pydantic.Field(gt=0)
    max_badge_chars: int = pydantic.Field(ge=0)
    name_neighbours: int = pydantic.Field(ge=1, le=4)
    name_word: Regex


@functools.cache
def field_cues() -> FieldCues:
    """The cues shipped with the package."""
    return load_yaml_file(DATA_DIR / "screen_fields.yaml", FieldCues)


def _label(text: str) -> str:
    return text.strip().rstrip(":").strip().lower()


def cued_fields(words: Sequence[OcrWord], cues: FieldCues | None = None) -> set[int]:
    """Indices of the words a header or a label marks as a personal value: the words under a person
    header of a table's header row (those with a digit under an identifier's header); the field
    after a label on its row (close to it), or right under a label with nothing after it; the rest
    of a field that opens with a label."""
    cues = cues or field_cues()
    rows = visual_rows(words)
    marked: set[int] = set()
    for number, row in enumerate(rows):
        if _is_header_row(words, row, cues):
            marked |= _header_columns(words, rows, number, cues)
            continue
        # Three fields of letters or more are a table's header row: "Name" over a column of products is no label.
        header_like = len(row) >= cues.min_header_fields and _letter_fields(words, row) == len(row)
        for position, cell in enumerate(row):
            marked |= _inline_value(words, cell, cues)
            if not _is_label(_text(words, cell), cues):
                continue
            if position + 1 < len(row):
                marked |= _beside(words, cell, row[position + 1:], cues)
            elif not header_like:
                marked |= _under(words, cell, rows[number + 1:], cues)
    return marked


def _is_label(text: str, cues: FieldCues) -> bool:
    """A value label, or a person header standing as a form's label ("Employee   Lei Zhou")."""
    return text in cues.value_labels or text in cues.value_headers


def _text(words: Sequence[OcrWord], cell: Sequence[int]) -> str:
    return _label(" ".join(words[index].text for index in cell))


def _cue_runs(words: Sequence[OcrWord], row: list[list[int]], cues: FieldCues) -> list[tuple[int, int, bool]]:
    """Runs of a row's words (in order, across its fields) that name a header: (first, last position
    in the row's words, whether an identifier's header)."""
    order = [index for cell in row for index in cell]
    runs: list[tuple[int, int, bool]] = []
    for first in range(len(order)):
        if runs and first <= runs[-1][1]:
            continue
        for last in reversed(range(first, min(first + cues.max_label_words, len(order)))):  # the longest ("Customer no.")
            text = _text(words, order[first:last + 1])
            if text in cues.value_headers or text in cues.id_headers:
                runs.append((first, last, text not in cues.value_headers))
                break
    return runs


def _is_header_row(words: Sequence[OcrWord], row: list[list[int]], cues: FieldCues) -> bool:
    """A table's header row: two fields or more of at most `max_label_words` words of letters (after
    a row number), a header cue among them, and no label with its value first."""
    numbered = words[row[0][0]].text.isdigit() and len(row[0]) == 1  # a spreadsheet's row number
    labels = row[1:] if numbered else row
    if (len(labels) < 2 or _letter_fields(words, labels) < len(labels) or not _cue_runs(words, row, cues)
            or any(len(cell) > cues.max_label_words for cell in labels)):
        return False
    # "Assignee | HL | Hadiza Lawal" is a form's row: a label, then its value (after a badge), no other header.
    second = _text(words, row[1])
    value_fields = 2 if len(second) <= cues.max_badge_chars else 1
    return (not _is_label(_text(words, row[0]), cues) or len(row) > 1 + value_fields
            or second in cues.value_headers or second in cues.value_labels)


def _letter_fields(words: Sequence[OcrWord], row: list[list[int]]) -> int:
    return sum(all(_LABEL_WORD.fullmatch(words[index].text) for index in cell) for cell in row)


_LABEL_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}.\-/&#:]*")


def _header_columns(words: Sequence[OcrWord], rows: list[list[list[int]]], number: int, cues: FieldCues) -> set[int]:
    """The words of the rows under a header row that start in a cued header's column: from its left
    edge (less a word height) to where the next header word starts; rows go on while each holds a
    word in the column and they stay evenly spaced."""
    order = sorted((index for cell in rows[number] for index in cell), key=lambda index: words[index].left)
    marked: set[int] = set()
    for first, last, identifier in _cue_runs(words, [[index] for index in order], cues):
        head = words[order[first]]
        left = head.left - head.height
        right = words[order[last + 1]].left - head.height / 2 if last + 1 < len(order) else float("inf")
        top, pitch = _row_top(words, rows[number]), None
        for row in rows[number + 1:]:
            distance = _row_top(words, row) - top
            inside = [index for cell in row for index in cell if left <= words[index].left < right]
            if not inside or (pitch is not None and distance > cues.max_row_pitch * pitch):
                break
            marked.update(index for index in inside if not identifier or _has_digit(words[index].text))
            top, pitch = _row_top(words, row), pitch or distance
    return marked


def _row_top(words: Sequence[OcrWord], row: list[list[int]]) -> int:
    return min(words[index].top for cell in row for index in cell)


def _has_digit(text: str) -> bool:
    return any(character.isdigit() for character in text)


def _inline_value(words: Sequence[OcrWord], cell: list[int], cues: FieldCues) -> set[int]:
    """The rest of a field that opens with a label: one with its colon ("To:", "Password:"), or a
    value label followed by a gap wider than a space ("Reporter   drao": a form's two columns close
    enough for OCR to read as one field)."""
    for length in range(1, min(len(cell), cues.max_label_words + 1)):
        label, after = [words[index] for index in cell[:length]], words[cell[length]]
        text = " ".join(word.text for word in label)
        gap = after.left - (label[-1].left + label[-1].width)
        if ((text.endswith(":") and _label(text) in cues.inline_labels)
                or (_label(text) in cues.value_labels
                    and gap >= cues.label_gap_heights * max(word.height for word in label))):
            return set(cell[length:])
    return set()


def _beside(words: Sequence[OcrWord], label: list[int], after: list[list[int]], cues: FieldCues) -> set[int]:
    """The field after a label, when close to it and no label itself; and the one after that when
    the first is a short badge (an avatar's initials)."""
    end = words[label[-1]].left + words[label[-1]].width
    height = max(words[index].height for index in label)
    gap = words[after[0][0]].left - end
    if not 0 <= gap <= cues.max_beside_heights * height or _text(words, after[0]) in cues.value_labels:
        return set()
    value = set(after[0])
    if len(after) > 1 and len(" ".join(words[index].text for index in after[0])) <= cues.max_badge_chars:
        value |= set(after[1])
    return value


def _under(words: Sequence[OcrWord], label: list[int], below: list[list[list[int]]], cues: FieldCues) -> set[int]:
    """The first field below the label that starts under its left edge, close below it (another
    panel's rows may come between), unless it is a label itself."""
    head = words[label[0]]
    height = max(words[index].height for index in label)
    bottom = max(words[index].top + words[index].height for index in label)
    for row in below:
        if _row_top(words, row) - bottom > cues.below_top_heights * height:
            break
        for cell in row:
            if abs(words[cell[0]].left - head.left) <= cues.below_left_heights * height:
                return set() if _text(words, cell) in cues.value_labels else set(cell)
    return set()


def name_parts(words: Sequence[OcrWord], person: set[int], cues: FieldCues | None = None) -> set[int]:
    """Indices of the words beside a PERSON word, on its line, that look like further parts of the
    name (capitalised, not an ordinary word): "Lawal" after a found "Hadiza"; "Accepted" stays."""
    cues = cues or field_cues()
    name_word = regex.compile(cues.name_word)
    parts: set[int] = set()
    for index in sorted(person):
        for step in (-1, 1):
            other = index + step
            for _ in range(cues.name_neighbours):
                if not 0 <= other < len(words) or words[other].line != words[index].line or other in person:
                    break
                text = words[other].text.rstrip(",.;:")
                if not name_word.fullmatch(text) or is_ordinary_word(text):
                    break
                parts.add(other)
                other += step
    return parts - person
