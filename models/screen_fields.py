"""Cues a screen's layout gives about its fields, on OCR word boxes: a column headed "Email" or "Owner",
a value beside or under a "Password" or "Account number" label, the rest of a "To:" row, and the other
parts of a name one part of which was found: covered with them, as detection reads each alone."""
from __future__ import annotations

import functools
from collections.abc import Sequence

import pydantic
import regex

from models.config_files import DATA_DIR, StrictModel, load_yaml_file, term_list
from models.login_words import is_ordinary_word
from models.recognizers.config import Regex, recognizer_data
from models.records import OcrWord
from models.screen_hosts import host_login_words
from models.screen_layout import visual_rows

# The count, in the audit's masked entities, of words covered by a header's or a label's cue.
CUED_FIELD = "CUED_FIELD"
# The count of words covered as further parts of a name.
NAME_PART = "NAME_PART"
# The count of words covered as shaped like a login (`first.last`, `name42`, a bare login in the top bar).
LOGIN_SHAPE = "LOGIN_SHAPE"
# The count of words covered as the label of an avatar (the name or login beside a person's tile).
AVATAR_LABEL = "AVATAR_LABEL"
# Fields are bucketed on a grid of this many pixels to find those beside an avatar in time linear
# in the fields (an avatar's window spans a bounded number of cells: its side is bounded).
_CELL_PX = 32


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
    login_shapes: bool
    min_login_chars: int = pydantic.Field(ge=3, le=32)
    top_bar_logins: bool
    avatar_label_gap_sides: float = pydantic.Field(ge=0, le=4)
    avatar_label_words: int = pydantic.Field(ge=1, le=4)


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


def avatar_labels(words: Sequence[OcrWord], avatars: Sequence[tuple[int, int, int, int]],
                  cues: FieldCues | None = None) -> set[int]:
    """Indices of the words of the field that labels each avatar: the top-most field with a word
    starting right of the tile, within `avatar_label_gap_sides` of its side, that word's middle within
    the tile's height (the name or login beside a person's tile in a header, a menu, a list or a
    message); its words right of the tile, at most `avatar_label_words` of them, not all ordinary
    words or numbers ("Settings"); of a longer line, its leading capitalised or name-like words, before
    a lower-case ordinary word or a number, not all ordinary ("Kasia Mazur 10:42 AM"; "Fix flaky retry
    test" stays). A glyph OCR read on the tile itself may open the field."""
    cues = cues or field_cues()
    grid: dict[tuple[int, int], list[int]] = {}
    for index, word in enumerate(words):
        grid.setdefault((word.left // _CELL_PX, (word.top + word.height // 2) // _CELL_PX), []).append(index)
    found: set[int] = set()
    for left, top, right, bottom in avatars:
        reach = right + cues.avatar_label_gap_sides * (bottom - top + 1)
        beside = [index for x in range(right // _CELL_PX, int(reach) // _CELL_PX + 1)
                  for y in range(top // _CELL_PX, bottom // _CELL_PX + 1) for index in grid.get((x, y), ())
                  if right <= words[index].left <= reach and top <= words[index].top + words[index].height / 2 <= bottom]
        if not beside:
            continue
        first = min(beside, key=lambda i: (words[i].top, words[i].left))
        label = [first]
        while label[-1] + 1 < len(words) and words[label[-1] + 1].line == words[first].line:
            label.append(label[-1] + 1)
            if len(label) > cues.avatar_label_words:
                break
        if len(label) <= cues.avatar_label_words and not all(_plain(words[i].text) for i in label):
            found.update(label)
        elif len(label) > cues.avatar_label_words:  # a longer line ("Kasia Mazur 10:42 AM"): its leading
            lead = []       # capitalised or name-like words, up to a lower-case ordinary word or a number
            for i in label:
                if _plain(words[i].text) and not words[i].text[:1].isupper():
                    break
                lead.append(i)
            if not all(_plain(words[i].text) for i in lead):
                found.update(lead)
    return found


def _plain(text: str) -> bool:
    """An ordinary word, a number or punctuation: no part of a name or a login."""
    bare = text.strip("()[]{}<>,.;:!?'\"\u2022\u25be\u25bc")
    return not any(c.isalpha() for c in bare) or is_ordinary_word(bare)


def login_words(words: Sequence[OcrWord], cues: FieldCues | None = None) -> set[int]:
    """Indices of the words shaped as a login wherever they stand: lower-case name parts joined by a
    dot or an underscore (`milos.tomanova`, `veeti_kokko`, with a middle initial or a final number:
    `jan.m.kowalski`, `jan.kowalski2`) or letters and a final number (`omar65`), a letter part being no
    English, code or UI word or the first a given name (`john.smith`) (so `max_len`, `retry.py`,
    `python3`, `utf8` stay); and in the screen's top bar, where apps show the signed-in user, a lone lower-case word
    that is no such word (`kmardhiyah`); and `user@host` logins however OCR split them (models/screen_hosts.py)."""
    cues = cues or field_cues()
    if not cues.login_shapes:
        return set()
    rule = recognizer_data().bare_handles
    code, files = frozenset(rule.code_words), frozenset(rule.file_types)
    digit = regex.compile(rule.digit_handle)
    given = _given_names()
    found = host_login_words(words)
    for index, word in enumerate(words):
        text = word.text.strip(_LOGIN_STRIP).rstrip(".!?")  # a sentence's end: "assigned to jan.kowalski."
        if len(text) < cues.min_login_chars:
            continue
        parts = _JOINED.fullmatch(text)
        first, last = (parts.group(1), parts.group(3)) if parts else ("", "")
        if parts and not (parts.group(2) == "." and {last, last + parts.group(4)} & files) and (
                any(len(p) >= 3 and _name_part(p, code) for p in (first, last))
                or first in given and len(last) >= 2 and last not in code):  # john.smith: both English words
            found.add(index)
        elif digit.fullmatch(text) and _name_part(text.rstrip("0123456789"), code):
            found.add(index)
    rows = visual_rows(words)
    if cues.top_bar_logins and rows:
        bottom = max(words[i].top + words[i].height for cell in rows[0] for i in cell)
        found |= {i for row in rows for cell in row for i in cell
                  if words[i].top + words[i].height / 2 <= bottom and _PLAIN_LOGIN.fullmatch(t := words[i].text.strip(_LOGIN_STRIP))
                  and len(t) >= cues.min_login_chars and _name_part(t, code)}
    return found


_LOGIN_STRIP = "@()[]{}<>,;:'\"\u2022\u25be\u25bc"
# first.last, first_last, with a middle initial (jan.m.kowalski) and a final number (jan.kowalski2).
_JOINED = regex.compile(r"([a-z]{1,24})([._])(?:[a-z]\2)?([a-z]{1,24})(\d{0,4})")


@functools.cache
def _given_names() -> frozenset[str]:
    """The given names of models/data/first_names.txt (those that are also English words left out)."""
    return frozenset(term_list("first_names.txt"))
_PLAIN_LOGIN = regex.compile(r"[a-z]{3,24}")


def _name_part(text: str, code: frozenset[str]) -> bool:
    """A letters-only part of a login that is no English, app, UI or code word."""
    return text not in code and not is_ordinary_word(text)
