"""A screen's OCR words as rows and paragraphs, for detection: fields of one visual row a few
characters apart joined (a terminal's `ls -l` columns, a table row), and the rows a wrapped text was
read as (a mail body, a chat message, a document) chained down their column into one line, so a
sentence reaches NER and the context recognizers whole, not cut at each wrap and interleaved with
the rows of a side panel beside it."""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import pydantic
import regex

from models.config_files import DATA_DIR, StrictModel, load_yaml_file, read_yaml_file
from models.recognizers.config import Regex
from models.records import OcrWord
from models.screen_layout import same_row, visual_rows


class ParagraphShape(StrictModel):
    """models/data/screen_text.yaml: when two fields of a row are one line, and when the line under
    another continues its paragraph."""

    max_row_gap_chars: float = pydantic.Field(gt=0)
    min_words: int = pydantic.Field(ge=1)
    align_heights: float = pydantic.Field(ge=0)
    max_gap_heights: float = pydantic.Field(gt=0)
    max_height_ratio: float = pydantic.Field(ge=1)
    max_lines: int = pydantic.Field(ge=2)
    domain_tail: Regex
    fields_read_types: frozenset[str]

    @pydantic.field_validator("fields_read_types")
    @classmethod
    def _ner_types_only(cls, types: frozenset[str]) -> frozenset[str]:
        """Only types NER gives (nlp.yaml's mapping) may be dropped from the line view: a pattern's type
        listed here (USERNAME, EMAIL_ADDRESS) would lose what the joined row finds."""
        mapping = read_yaml_file(DATA_DIR / "nlp.yaml")["ner_model_configuration"]["model_to_presidio_entity_mapping"]
        unknown = sorted(types - set(mapping.values()))
        if unknown:
            raise ValueError(f"{unknown} are not types NER gives (models/data/nlp.yaml)")
        return types


@functools.cache
def paragraph_shape() -> ParagraphShape:
    """The paragraph shape shipped with the package."""
    return load_yaml_file(DATA_DIR / "screen_text.yaml", ParagraphShape)


def _char_width(word: OcrWord) -> float:
    return word.width / max(1, len(word.text))


def word_fields(words: Sequence[OcrWord]) -> list[list[int]]:
    """Word indices by field: `text_lines` gives each field its own line number, in reading order."""
    out: list[list[int]] = []
    for index, word in enumerate(words):
        if out and words[out[-1][0]].line == word.line:
            out[-1].append(index)
        else:
            out.append([index])
    return out


def lines(words: Sequence[OcrWord], shape: ParagraphShape | None = None) -> list[list[int]]:
    """Word indices by line: the fields of a visual row (in `text_lines` order) joined where the gap
    between them is at most `max_row_gap_chars` characters of the words beside it wide (a monospace
    column, a table's padding), not across a screen to another panel."""
    shape = shape or paragraph_shape()
    out: list[list[int]] = []
    for row in visual_rows(words):
        out.append(list(row[0]))
        for cell in row[1:]:
            before, after = words[out[-1][-1]], words[cell[0]]
            gap = after.left - (before.left + before.width)
            if gap <= shape.max_row_gap_chars * (_char_width(before) + _char_width(after)) / 2:
                out[-1] += cell
            else:
                out.append(list(cell))
    return out


@dataclass(frozen=True)
class _Line:
    """Where a line stands: its edges, median word height, and the width of its first word and a space."""

    left: int
    top: int
    right: int
    bottom: int
    height: float
    opening: float


def _line(words: Sequence[OcrWord], line: list[int]) -> _Line:
    heights = sorted(words[i].height for i in line)
    first = words[line[0]]
    return _Line(first.left, min(words[i].top for i in line), max(words[i].left + words[i].width for i in line),
                 max(words[i].top + words[i].height for i in line), float(heights[len(heights) // 2]),
                 first.width + _char_width(first))


def _continues(upper: _Line, lower: _Line, shape: ParagraphShape) -> bool:
    """Whether `lower` is where `upper` wrapped: at its left edge, as tall, a line's spacing below,
    and its first word would not have fitted after `upper` (a list item that would have is a new line)."""
    ratio = max(upper.height, lower.height) / max(1.0, min(upper.height, lower.height))
    return (abs(lower.left - upper.left) <= shape.align_heights * upper.height and ratio <= shape.max_height_ratio
            and 0 <= lower.top - upper.bottom <= shape.max_gap_heights * upper.height
            and lower.right - upper.right <= lower.opening)


def paragraphs(words: Sequence[OcrWord], shape: ParagraphShape | None = None) -> list[list[int]]:
    """Fields (lists of word indices) chained into paragraphs: a field of `min_words` words or more (a
    wrapped line of prose, not a list row, a label or a table's cell) continues with the first field
    below it that `_continues` it. Each field looks at the next few fields only, so the cost stays
    linear in the words. Fields, not `lines`: a table's rows joined would chain down the table."""
    shape = shape or paragraph_shape()
    fields = word_fields(words)
    boxes = [_line(words, field) for field in fields]
    following: dict[int, int] = {}
    chained: set[int] = set()
    for number, field in enumerate(fields):
        if len(field) < shape.min_words:
            continue
        for later in range(number + 1, min(len(fields), number + 1 + shape.max_lines)):
            if later not in chained and _continues(boxes[number], boxes[later], shape):
                following[number] = later
                chained.add(later)
                break
    out = []
    for number in range(len(fields)):
        if number in chained:
            continue
        paragraph, current = list(fields[number]), number
        while current in following:
            current = following[current]
            paragraph += fields[current]
        out.append(paragraph)
    return out


def grouped_text(words: Sequence[OcrWord], groups: list[list[int]],
                 shape: ParagraphShape | None = None) -> tuple[str, tuple[int, ...]]:
    """The words as text, a group (a line, a paragraph) per line; words of one field or of a wrapped
    line's next are parted by a space, two fields of one row by a tab (so NER does not run a name into
    the next cell, and a tab is still blank to a pattern), a domain's tail OCR split off an address by
    nothing ("ana@campos" ".com"); and for each character the index of the word it came from (-1: a separator)."""
    tail = _compiled((shape or paragraph_shape()).domain_tail)
    chars: list[str] = []
    owners: list[int] = []
    for number, group in enumerate(groups):
        if number:
            chars.append("\n")
            owners.append(-1)
        for position, index in enumerate(group):
            before, word = (words[group[position - 1]], words[index]) if position else (None, words[index])
            if before is not None and not ("@" in before.text and tail.fullmatch(word.text)):
                chars.append("\t" if before.line != word.line and same_row(before, word) else " ")
                owners.append(-1)
            chars += word.text
            owners += [index] * len(word.text)
    return "".join(chars), tuple(owners)


@functools.cache
def _compiled(pattern: str) -> regex.Pattern:
    """A shape's pattern compiled once (regex's own cache is churned by per-record value searches)."""
    return regex.compile(pattern)


def line_text(words: Sequence[OcrWord]) -> tuple[str, tuple[int, ...]]:
    """The words a line per visual line (`lines`), and each character's word."""
    return grouped_text(words, lines(words))


def paragraph_text(words: Sequence[OcrWord]) -> tuple[str, tuple[int, ...]]:
    """The words a paragraph per line (`paragraphs`), and each character's word."""
    return grouped_text(words, paragraphs(words))
