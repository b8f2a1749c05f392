"""Layout rules on OCR word boxes: a table column holds one kind of value, so when most of its cells
are covered the rest are too (a name in another script, a misread id go with their column); and
capitals standing alone in the top bar, or alone in their field anywhere, are a person's initials."""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import pydantic
import regex

from models.config_files import DATA_DIR, StrictModel, load_yaml_file, term_list
from models.login_words import is_ordinary_word
from models.recognizers.config import Regex, compiled, recognizer_data
from models.recognizers.ui_terms import shipped_ui_terms
from models.records import OcrWord

# The counts, in the audit's masked entities, of words covered with their table column and of top-bar initials.
TABLE_COLUMN = "TABLE_COLUMN"
INITIALS = "INITIALS"


class TableShape(StrictModel):
    """models/data/screen_layout.yaml: what a table's header row and its rows look like, and when a
    column is covered whole."""

    min_columns: int = pydantic.Field(ge=2)
    min_rows: int = pydantic.Field(ge=2)
    max_header_words: int = pydantic.Field(ge=1)
    max_header_chars: int = pydantic.Field(ge=2)
    header_cell: Regex
    max_row_pitch: float = pydantic.Field(gt=1)
    align_heights: float = pydantic.Field(gt=0)
    column_share: float = pydantic.Field(gt=0, le=1)
    min_column_hits: int = pydantic.Field(ge=1)
    top_bar_initials_gap_chars: float = pydantic.Field(gt=0)
    # The right-most field of the top bar, a word alone, is the signed-in user's badge when it has this
    # shape (one capital, 1-3 letters of a script with no case), or has at most `top_bar_badge_chars`
    # characters read with less confidence than `top_bar_badge_confidence` (a monogram misread).
    top_bar_badge: Regex
    top_bar_badge_chars: int = pydantic.Field(ge=0, le=4)
    top_bar_badge_confidence: float = pydantic.Field(ge=0, le=100)
    # Capitals a menu's caret after the badge is read as ("V", Greek "Υ"); a short unsure word of these
    # or lower-case glyphs after the badge is the caret.
    top_bar_caret_capitals: str = pydantic.Field(max_length=12)
    # Capitals alone in their field below the top bar that are UI words, not initials: language
    # switchers, weekday and month headers of calendars, acronyms in chips (2-3 capitals each).
    lone_initials_keep: frozenset[str]

    @pydantic.field_validator("lone_initials_keep")
    @classmethod
    def _capitals(cls, words: frozenset[str]) -> frozenset[str]:
        if not all(word.isalpha() and word.isupper() and 2 <= len(word) <= 3 for word in words):
            raise ValueError("lone_initials_keep holds 2-3 capital letters a word")
        return words


@functools.cache
def table_shape() -> TableShape:
    """The table shape shipped with the package."""
    return load_yaml_file(DATA_DIR / "screen_layout.yaml", TableShape)


@dataclass(frozen=True)
class Table:
    """A header row's cells (word indices) and, per row under it, the word indices in each column."""

    header: tuple[tuple[int, ...], ...]
    rows: tuple[tuple[tuple[int, ...], ...], ...]


def same_row(before: OcrWord, word: OcrWord) -> bool:
    """Whether two boxes share a visual row: they overlap vertically by half the lower one's height."""
    overlap = min(before.top + before.height, word.top + word.height) - max(before.top, word.top)
    return overlap * 2 >= min(before.height, word.height)


def visual_rows(words: Sequence[OcrWord]) -> list[list[list[int]]]:
    """The words (in `text_lines` order: row by row, a field per line number) as rows of cells, a
    cell being the indices of one field's words."""
    rows: list[list[list[int]]] = []
    for index, word in enumerate(words):
        before = words[index - 1] if index else None
        if before is not None and before.line == word.line:
            rows[-1][-1].append(index)
        elif before is not None and same_row(before, word):
            rows[-1].append([index])
        else:
            rows.append([[index]])
    return rows


def find_tables(words: Sequence[OcrWord], shape: TableShape | None = None) -> list[Table]:
    """Tables: a header row of `min_columns` or more short cells of words only, and the
    `min_rows` or more rows under it, spaced evenly (each at most `max_row_pitch` times the first
    row's distance below the one above), with cells in two columns or more that start or end within
    `align_heights` word heights of where their header does, and at most one cell that does not.
    A word belongs to the column its left edge falls in; columns part halfway between header cells."""
    shape = shape or table_shape()
    header_cell = regex.compile(shape.header_cell)
    rows = visual_rows(words)
    tables, index = [], 0
    while index < len(rows):
        header = rows[index]
        body = _rows_under(words, rows, index, shape) if _is_header(words, header, shape, header_cell) else []
        if len(body) >= shape.min_rows:
            tables.append(Table(tuple(tuple(cell) for cell in header), tuple(body)))
            index += len(body)
        index += 1
    return tables


def column_mates(words: Sequence[OcrWord], covered: set[int], shape: TableShape | None = None) -> set[int]:
    """Indices of the words to cover with their column: in each table column where at least
    `min_column_hits` cells, and `column_share` of its cells, are covered (half their words or
    more), every word of the column under its header."""
    shape = shape or table_shape()
    mates: set[int] = set()
    for table in find_tables(words, shape):
        for column in range(len(table.header)):
            cells = [row[column] for row in table.rows if row[column]]
            hits = sum(2 * sum(index in covered for index in cell) >= len(cell) for cell in cells)
            if hits >= shape.min_column_hits and hits >= shape.column_share * len(cells):
                mates.update(index for cell in cells for index in cell)
    return mates - covered


def _is_header(words: Sequence[OcrWord], cells: list[list[int]], shape: TableShape,
               header_cell: regex.Pattern) -> bool:
    return len(cells) >= shape.min_columns and all(
        len(cell) <= shape.max_header_words and len(text := _text(words, cell)) <= shape.max_header_chars
        and header_cell.fullmatch(text) for cell in cells)


def _rows_under(words: Sequence[OcrWord], rows: list[list[list[int]]], index: int, shape: TableShape
                ) -> list[tuple[tuple[int, ...], ...]]:
    header = rows[index]
    edges = [(words[a[-1]].left + words[a[-1]].width + words[b[0]].left) / 2 for a, b in zip(header, header[1:])]
    start = words[header[0][0]].left - words[header[0][0]].height  # words left of this are not in the table
    body: list[tuple[tuple[int, ...], ...]] = []
    top, pitch = _top(words, header), None
    for row in rows[index + 1:]:
        distance = _top(words, row) - top
        if pitch is not None and distance > shape.max_row_pitch * pitch:
            break
        columns: list[list[int]] = [[] for _ in header]
        for cell in row:
            for word_index in cell:
                word = words[word_index]
                if word.left + word.width > start:
                    columns[sum(word.left >= edge for edge in edges)].append(word_index)
        filled = [(cell, head) for cell, head in zip(columns, header) if cell]
        aligned = sum(_aligned(words, cell, head, shape) for cell, head in filled)
        if aligned < 2 or aligned < len(filled) - 1:
            break
        body.append(tuple(tuple(column) for column in columns))
        top, pitch = _top(words, row), pitch or distance
    return body


def _aligned(words: Sequence[OcrWord], cell: list[int], head: list[int], shape: TableShape) -> bool:
    """Whether a cell's words start or end where its header cell does (left- or right-aligned)."""
    tolerance = shape.align_heights * max(words[index].height for index in head)
    left, right = _extent(words, cell)
    head_left, head_right = _extent(words, head)
    return abs(left - head_left) <= tolerance or abs(right - head_right) <= tolerance


def _extent(words: Sequence[OcrWord], cell: Sequence[int]) -> tuple[int, int]:
    return (min(words[index].left for index in cell),
            max(words[index].left + words[index].width for index in cell))


def _top(words: Sequence[OcrWord], row: list[list[int]]) -> int:
    return min(words[index].top for cell in row for index in cell)


def _text(words: Sequence[OcrWord], cell: list[int]) -> str:
    return " ".join(words[index].text for index in cell)


def top_bar_initials(words: Sequence[OcrWord], shape: TableShape | None = None) -> set[int]:
    """Indices of initials standing alone in the screen's top bar: a word shaped as initials
    (recognizers.yaml `bare_handles.initials`, none of its `not_initials`) whose vertical centre lies
    within the first visual row, where apps show the signed-in user's badge ("Jira  AR"), alone in its
    field or set apart from the words beside it by `top_bar_initials_gap_chars` character widths (the wider of
    the two words') or
    more ("Kickoff notes - Google Docs   RD": a badge placed after the title, which a space does not)."""
    rows = visual_rows(words)
    bar = next((row for row in rows if any(_has_alnum(words[index].text) for cell in row for index in cell)), None)
    if bar is None:
        return set()
    shape = shape or table_shape()
    rule = recognizer_data().bare_handles
    initials = regex.compile(rule.initials)
    # The bar is the first row holding letters or digits: a bar's edge or shadow above it is read as a dash.
    bottom = max(words[index].top + words[index].height for cell in bar for index in cell)

    def apart(left: int, right: int) -> bool:
        a, b = words[left], words[right]
        char = max(a.width / max(1, len(a.text)), b.width / max(1, len(b.text)))  # a dash is no measure
        return b.left - (a.left + a.width) >= shape.top_bar_initials_gap_chars * char

    found = {index for row in rows for cell in row for position, index in enumerate(cell)
             if words[index].top + words[index].height / 2 <= bottom
             and initials.fullmatch(text := words[index].text) and text.replace(".", "") not in rule.not_initials
             and (len(cell) == 1 or not listed_acronym(text))
             and (position == 0 or apart(cell[position - 1], index))
             and (position == len(cell) - 1 or apart(index, cell[position + 1]))}
    return found | _bar_end_badges(words, rows, bottom, shape, initials, rule.not_initials)


def _has_alnum(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _initials_stacks(words: Sequence[OcrWord], rows: list[list[list[int]]], initials: regex.Pattern,
                     not_initials: frozenset[str] | Sequence[str], keep: frozenset[str]) -> set[int]:
    """The words of a stack: two or more initials side by side on a visual row, in one field or in fields
    next to each other (each holding nothing else but marks and counts) at most `_STACK_GAP_HEIGHTS`
    apart; a presence stack or a row of assignee chips ("BC MM", "(JD) AK +3"). A UI code or app acronym
    in it keeps the whole stack ("EN US"), and so do listed column words only ("US UK") or a word of
    three letters or more ("THE END", "DEV OPS"); among initials a listed one is initials too ("BC MM")."""
    count = compiled(_COUNT)
    found: set[int] = set()
    for row in rows:
        run: list[int] = []
        for cell in row + [[]]:  # an empty cell closes the last run
            alnum = [i for i in cell if _has_alnum(words[i].text) and not count.fullmatch(words[i].text.strip(CHIP_MARKS))]
            if alnum and all(initials.fullmatch(words[i].text.strip(CHIP_MARKS)) for i in alnum) \
                    and (not run or _gap_heights(words[run[-1]], words[alnum[0]]) <= _STACK_GAP_HEIGHTS):
                run += alnum
                continue
            if _is_stack([words[i].text.strip(CHIP_MARKS) for i in run], not_initials, keep):
                found.update(run)
            run = alnum if alnum and all(initials.fullmatch(words[i].text.strip(CHIP_MARKS)) for i in alnum) else []
    return found


# Initials of one stack stand at most this many word heights apart (chips 1-1.5 heights wide, gaps of 0.3).
_STACK_GAP_HEIGHTS = 4.0


def _gap_heights(before: OcrWord, after: OcrWord) -> float:
    return (after.left - (before.left + before.width)) / max(1, before.height, after.height)


def _is_stack(cores: list[str], not_initials: frozenset[str] | Sequence[str], keep: frozenset[str]) -> bool:
    """Whether initials read side by side are a stack of people's initials, not UI codes or words."""
    plain = [core.replace(".", "") for core in cores]
    return (len(cores) >= 2 and not any(listed_acronym(core) or (len(core) > 2 and is_ordinary_word(core.lower()))
                                        for core in cores)
            and not any(text in keep for text in plain) and not all(text in not_initials for text in plain))


def lone_initials(words: Sequence[OcrWord], shape: TableShape | None = None) -> set[int]:
    """Indices of initials standing alone: a word shaped as initials (brackets and stops a chip's rim
    adds aside), no listed word or acronym, with no other word but marks and counts in its field (OCR
    line): a person's monogram in a second toolbar, a left rail's foot, a comment, a card's corner or a
    call tile, followed or preceded by a caret, a status dot or a count ("8  OH", "JD ▾"); and fields of
    initials only (`_initials_stacks`)."""
    keep = (shape or table_shape()).lone_initials_keep
    rule = recognizer_data().bare_handles
    initials, count = compiled(rule.initials), compiled(_COUNT)
    rows = visual_rows(words)
    found = _initials_stacks(words, rows, initials, rule.not_initials, keep)
    for row in rows:
        for cell in row:
            alnum = [index for index in cell if any(char.isalnum() for char in words[index].text)
                     and not count.fullmatch(words[index].text.strip(CHIP_MARKS))]
            if len(alnum) != 1:
                continue
            index = alnum[0]
            core = words[index].text.strip(CHIP_MARKS)
            if (initials.fullmatch(core) and (word := core.replace(".", "")) not in rule.not_initials and word not in keep
                    and not listed_acronym(core)):
                found.add(index)
    return found


def _bar_end_badges(words: Sequence[OcrWord], rows: list[list[list[int]]], bottom: int, shape: TableShape,
                    initials: regex.Pattern, not_initials: frozenset[str] | Sequence[str]) -> set[int]:
    """The word that ends the top bar (the last of the right-most field centred within the first row)
    when shaped as a badge (`top_bar_badge`) or as initials, or, alone in its field, short and unsure."""
    top = [cell for row in rows for cell in row if all(words[i].top + words[i].height / 2 <= bottom for i in cell)]
    if not top:
        return set()
    last = max(top, key=lambda cell: max(words[i].left + words[i].width for i in cell))
    # A menu's chevron or caret drawn after the badge ("RD ▾") is read as a mark of its own, or as a short
    # unsure glyph ("{v", "v"): the badge is the word before it, and the unsure glyph is covered too.
    while len(last) > 1 and not any(char.isalnum() for char in words[last[-1]].text):
        last = last[:-1]
    caret = set()
    if len(last) > 1 and _unsure_caret(words[last[-1]], shape):
        caret, last = {last[-1]}, last[:-1]
    word = words[last[-1]]
    text = word.text.strip()
    core = text.rstrip(_TRAILING_MARKS) or text  # a caret read as a stop or a comma ("RD.")
    badge = regex.compile(shape.top_bar_badge)
    # A disc's rim read as brackets round its letters ("(Fa)", "[JD"): the letters' case is unsure there.
    rimmed = text.strip(CHIP_MARKS)
    ringed = rimmed != text and (text[0] in _RIMS or text[-1] in _RIMS) and regex.fullmatch(_RINGED, rimmed) is not None
    core = rimmed if ringed else core
    shaped = ringed or any(badge.fullmatch(form) or initials.fullmatch(form) for form in {text, core})
    # A listed word ("OK", "HR", "UTC", a file type) is no badge after a title; alone at the bar's end only one
    # of 3 letters or more read surely stays ("UTC", "PDF"): badges are mostly 2 letters, and "PR", "HR" initials.
    listed = core.upper().replace(".", "") in not_initials or listed_acronym(core)
    if len(last) == 1:
        unsure = 0 < len(text) <= shape.top_bar_badge_chars and 0 <= word.confidence < shape.top_bar_badge_confidence
        return {last[-1]} | caret if (shaped and not (listed and len(core) >= 3)) or unsure else set()
    # A badge drawn close after the title ("Kickoff notes - Google Docs  RD"), a listed word aside; one
    # letter a space after the title's last word ends the title ("Roadmap - Plan B"), set apart it is a badge.
    before = words[last[-2]]
    char = max(before.width / max(1, len(before.text)), word.width / max(1, len(word.text)))
    apart = word.left - (before.left + before.width) >= shape.top_bar_initials_gap_chars * char
    return {last[-1]} | caret if shaped and not listed and (len(core) > 1 or apart) else set()


def _unsure_caret(word: OcrWord, shape: TableShape) -> bool:
    """Whether a word is a menu's caret or chevron read as a glyph: at most two characters, no digit and
    no capital but the caret's look-alikes (`top_bar_caret_capitals`), read unsurely ("{v", "v", "Υ")."""
    text = word.text.strip()
    return (0 < len(text) <= 2 and not any(char.isdigit() or char.isupper() and char not in shape.top_bar_caret_capitals
                                           for char in text)
            and 0 <= word.confidence < shape.top_bar_badge_confidence)


_TRAILING_MARKS = ".,;:"
# Marks OCR reads for a disc's rim round a badge's letters, and the letters such a ringed badge holds.
_RIMS = "()[]{}|"
_RINGED = r"\p{L}{1,3}"
# A count or badge number beside a monogram ("3", "+2", "99+").
_COUNT = r"\+?[0-9]{1,3}\+?"
# Marks OCR reads at a chip's or a disc's rim around its letters ("(JD)", "[RK", "AR.").
CHIP_MARKS = ".,;:()[]{}|'\""


@functools.cache
def _acronyms() -> frozenset[str]:
    """The three-letter app, file-type and team words of ui_terms.txt and name_stop_words.txt (`xls`,
    `sso`, `aws`, `vpn`), lower case; two-letter ones (`md`, `po`, `vk`) are initials too often."""
    return frozenset(t for t in shipped_ui_terms() | frozenset(term_list("name_stop_words.txt")) if len(t) == 3 and t.isalpha())


def listed_acronym(text: str) -> bool:
    """Whether capitals sharing a field with a title are an app's or a file type's word ("Docs   XLS")."""
    return text.lower() in _acronyms()
