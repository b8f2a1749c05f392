"""Cells of a typed table under a header that names their column ("Nachname;Vorname;Telefon", "Name<Tab>SSN"):
a column's header says what its cells hold, in any language, where a lone surname or a bare number says nothing."""
from __future__ import annotations

from collections.abc import Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from models.recognizers.config import ColumnHeaders

_DELIMITERS = ("\t", ";", "|", ",")
_LETTER = regex.compile(r"\p{L}")
_DIGIT = regex.compile(r"\d")


def _normal(cell: str) -> str:
    """A header cell as the term lists write it: lower case, inner blanks, `_` and `-` as one blank."""
    return " ".join(regex.split(r"[\s_\-]+", cell.strip().strip("\"'*:#.№").lower())).strip()


def _split(line: str, delimiter: str) -> list[tuple[int, str]]:
    """The cells of a line and where each starts: a delimiter inside double quotes (`"Souza, Ana"`) splits
    nothing; a line whose quotes do not pair is split at every delimiter."""
    if delimiter == '"' or line.count('"') % 2:
        cells, start = [], 0
        for cell in line.split(delimiter):
            cells.append((start, cell))
            start += len(cell) + len(delimiter)
        return cells
    cells, start, quoted = [], 0, False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            cells.append((start, line[start:index]))
            start = index + 1
    cells.append((start, line[start:]))
    return cells


class ColumnHeaderRecognizer(EntityRecognizer):
    """The `column_headers` section of recognizers.yaml: a line of cells whose header terms name personal
    columns, and under it, in the rows that keep its delimiter, each cell of those columns of a plausible
    shape (letters for a name, enough digits for a number, an "@" for an e-mail address). A name cell of
    small-letter ordinary words only (`is_word`: "thanks", "see you") is a line of chat, not a name."""

    def __init__(self, rule: ColumnHeaders, is_word: Callable[[str], bool]) -> None:
        self._rule = rule
        self._is_word = is_word
        self._columns = {_normal(term): entity for entity, terms in rule.columns.items() for term in terms}
        self._generic = frozenset(_normal(term) for term in rule.generic)
        super().__init__(supported_entities=sorted(rule.columns), supported_language="en", name="ColumnHeaderRecognizer")

    def load(self) -> None:
        """Nothing to load: the header terms come with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Each plausible cell under a personal column's header, in one pass over the lines."""
        results: list[RecognizerResult] = []
        header: tuple[str, list[str | None]] | None = None
        offset = 0
        for line in text.split("\n"):
            found = self._header(line)
            if found is not None:
                header = found
            elif header is not None and len(_split(line, header[0])) == len(header[1]):
                self._cells(line, offset, header, entities, results)
            else:
                header = None
            offset += len(line) + 1
        return results

    def _header(self, line: str) -> tuple[str, list[str | None]] | None:
        """The delimiter and per-column entity of a header line, or None when the line is none: one with
        two cells or more and a personal column; a generic one ("name", "address") counts only beside another."""
        counts = [(line.count(delimiter), delimiter) for delimiter in _DELIMITERS]
        count, delimiter = max(counts)
        if count == 0 or len(line) > self._rule.max_header_length:
            return None
        cells = [_normal(cell) for _, cell in _split(line, delimiter)]
        kinds = [self._columns.get(cell) for cell in cells]
        specific = [cell for cell, kind in zip(cells, kinds) if kind and cell not in self._generic]
        if not specific:
            return None
        return delimiter, kinds

    def _cells(self, line: str, offset: int, header: tuple[str, list[str | None]], entities: list[str],
               results: list[RecognizerResult]) -> None:
        """The plausible cells of one row, by the column each stands in, added to `results`."""
        delimiter, kinds = header
        for index, (start, cell) in enumerate(_split(line, delimiter)):
            kind = kinds[index] if index < len(kinds) else None
            stripped = cell.strip().strip("\"'")
            if kind in entities and stripped and self._plausible(kind, stripped):
                begin = offset + start + cell.index(stripped)
                results.append(RecognizerResult(kind, begin, begin + len(stripped), self._rule.score))

    def _plausible(self, entity: str, cell: str) -> bool:
        """Whether a cell can hold its column's value: a name has letters and few words, a number enough
        digits, an e-mail address an "@", a login or password is one token; anything too long for a cell of
        its kind is not taken."""
        if len(cell) > self._rule.max_cell_length:
            return False
        if entity == "PERSON":
            words = cell.split()
            return (_LETTER.search(cell) is not None and len(words) <= self._rule.max_name_words
                    and not all(word.islower() and self._is_word(word) for word in words))
        if entity == "EMAIL_ADDRESS":
            return "@" in cell
        if entity in ("USERNAME", "SECRET"):
            return len(cell) >= 3 and not any(char.isspace() for char in cell)
        if entity == "STREET_ADDRESS":
            return _LETTER.search(cell) is not None
        return len(_DIGIT.findall(cell)) >= self._rule.min_number_digits
