"""Spans the NER model reads as people that no name can be: a spreadsheet cell reference or range
(`=SUM(B2:B48)`, `A1:C10`, `Sheet2!A:B`), a code of letters and digits (`SKU: GL471723A`), and a heading of notes made only of English words
(`Action Items:`, `- Next Steps:`, `## Open Questions`), a label that starts its line and ends at a
colon (or its line's end after `#`), none of whose words is a listed given name; and one word that names a
group or a team (`check with Legal`, `ask Finance`: person_names.salutations.audience)."""
from __future__ import annotations

from collections.abc import Callable

import regex

# A cell or range as spreadsheets write them: column letters and a row number, "$" anchors, a sheet.
# A product or part code is capitals and digits (`GL471723A`, `MA357200B`): no word of a name is.
_CELL_REFERENCE = regex.compile(r"(?<![\w$])(?:\w{1,30}!)?\$?[A-Z]{1,3}\$?\d{1,7}(?::\$?[A-Z]{1,3}\$?\d{0,7})?(?!\w)"
                                r"|(?<![\w$])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?!\w)|=[A-Z]{2,20}\("
                                r"|(?<!\w)(?=[A-Z\d]{0,40}\d\d)(?=[A-Z\d]{0,40}[A-Z])[A-Z\d]{3,40}(?!\w)")
# A piece of a formula or around a code kept as a name: it holds a capital or a letter of a script without case.
_NAME_LETTER = regex.compile(r"\p{Lu}|\p{Lo}")
# The stretches between references, without a formula's punctuation at their ends; and the stretches that
# are a formula's words: a function's name in capitals ("VLOOKUP", "COUNTIF"), a column or a cell.
_STRETCH = regex.compile(r"[^\0\s(),;=\"!:*+/<>&$'](?:[^\0]*[^\0\s(),;=\"!:*+/<>&$'])?")
_FUNCTION = regex.compile(r"[A-Z][A-Z.]{1,19}|[A-Z]{1,3}\d{0,7}")
# Before a heading on its line: indentation, then a Markdown heading mark, a quote, a bullet or a list number.
# A heading ends at a colon, or at its line's end after a Markdown heading mark (a name alone on its line,
# as a contact card or a signature writes it, is no heading).
_HEADING_LEAD = regex.compile(r"(?:^|\n)[ \t]{0,4}(?P<mark>#{1,6}[ \t]{1,3})?(?:(?:>|[\-*+•·◦▪–—→o]|\d{1,2}[.)])[ \t]{1,3})?"
                              r"(?:\*\*)?$")
_HEADING_END = regex.compile(r"(?:\*\*)?[ \t]{0,2}:")
_LINE_END = regex.compile(r"(?:\*\*)?[ \t]{0,2}(?:\n|$)")
_PARTS = regex.compile(r"[\s\-/&]+")


def without_cell_references(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span start..end of `text` cut to its longest stretch between cell references or codes, without
    a formula's punctuation at its ends, that holds a capital or an uncased letter (`B90,"Панда Самсонов` ->
    `Панда Самсонов`, `Tóth, Benedek;Stade;AC1188-2129` -> `Tóth, Benedek;Stade`); the span itself when it
    holds none, None when nothing of it is left (`B42`, `SUM(B2`, `MA357200B ordered`)."""
    if _CELL_REFERENCE.search(text, start, end) is None:
        return start, end
    pieces = []
    for stretch in _STRETCH.finditer(_CELL_REFERENCE.sub(lambda m: "\0" * len(m.group()), text[start:end])):
        if not _FUNCTION.fullmatch(stretch.group()) and _NAME_LETTER.search(stretch.group()):
            pieces.append((start + stretch.start(), start + stretch.end()))
    return max(pieces, key=lambda piece: piece[1] - piece[0], default=None)


def is_heading(text: str, start: int, end: int, is_word: Callable[[str], bool], given_names: frozenset[str]) -> bool:
    """Whether characters start..end of `text` are a heading: at a line's start up to a colon (or the line's
    end after a Markdown `#`), every word English (`is_word`) and none a listed given name."""
    lead = _HEADING_LEAD.search(text, max(0, start - 16), start)
    if not lead or not (_HEADING_END.match(text, end) or (lead.group("mark") and _LINE_END.match(text, end))):
        return False
    words = [w.lower() for w in _PARTS.split(text[start:end]) if w]
    return bool(words) and all(is_word(w) and w not in given_names for w in words)


def person_bounds(text: str, start: int, end: int, is_word: Callable[[str], bool],
                  given_names: frozenset[str], groups: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """An NER person span start..end of `text` without the cell references in it, or None when it is no
    name at all: only references and formula words, a heading, or one word of `groups` (lower case)."""
    bounds = without_cell_references(text, start, end)
    if bounds is None or is_heading(text, *bounds, is_word, given_names) or text[bounds[0]:bounds[1]].lower() in groups:
        return None
    return bounds
