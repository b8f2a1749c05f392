"""The text a record holds, as named fields for detection: the same names key spans back to places."""
from __future__ import annotations

import dataclasses
import re
from urllib.parse import unquote

from models.keystrokes import shortcut_text, typed_text
from models.ocr import joined_text, ocr_text
from models.placeholders import replace_spans
from models.records import OcrWord, RawRecord, Span, TextField
from models.screen_text import line_text, paragraph_text

TYPED = "typed"
DELETED = "deleted"
ERASED = "erased"
PASTED = "pasted"
SHORTCUTS = "shortcuts"
OCR = "ocr"
OCR_JOINED = "ocr_joined"
OCR_LINES = "ocr_lines"
OCR_PARAGRAPHS = "ocr_paragraphs"
# Fields that describe where a record was captured rather than what it holds.
CONTEXT_FIELDS = ("app", "window_title", "url")
# A run of percent-escapes: the bytes `unquote` decodes together.
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def segment_field(index: int) -> str:
    """Field name of one transcript segment's text."""
    return f"segments/{index}"


def context_text(record: RawRecord, name: str) -> str | None:
    """`app`, `window_title` or `url` as scanned and written; a URL is percent-decoded first, so an
    address in `?q=jane.doe%40example.com` is seen (and written back) as what it is. A `+` stays:
    it is part of `john.smith+work@example.com`; the normalized view reads `q=jane+doe` as a name."""
    value = getattr(record, name)
    return unquote(value) if name == "url" and value else value


def written_context(record: RawRecord, name: str, spans: list[Span]) -> str | None:
    """`app`, `window_title` or `url` as written to the sink: `context_text` with `spans` (found on it)
    replaced by placeholders. A URL keeps its own percent-encoding ("Q3%20plan.docx" stays so, as the
    app wrote it): each span is moved onto the escapes its characters were decoded from, widened to
    whole runs of escapes, so no decoded character of it is written."""
    value = getattr(record, name)
    if name != "url" or not value:
        return value if not spans else replace_spans(value, spans)
    decoded, origins = _decoded_with_origins(value)
    if decoded != context_text(record, name):  # cannot happen with unquote's rules; fail closed if it does
        return replace_spans(context_text(record, name), spans)
    return replace_spans(value, [dataclasses.replace(span, start=origins[span.start][0], end=origins[span.end - 1][1])
                                 for span in spans if span.end > span.start])


def _decoded_with_origins(value: str) -> tuple[str, list[tuple[int, int]]]:
    """`unquote(value)` and, per decoded character, the characters of `value` it came from: itself, or
    the whole run of escapes it was decoded with (a UTF-8 letter is several escapes)."""
    chars: list[str] = []
    origins: list[tuple[int, int]] = []
    position = 0
    for run in [*_PERCENT_RUN.finditer(value), None]:
        end = run.start() if run else len(value)
        chars.append(value[position:end])
        origins.extend((index, index + 1) for index in range(position, end))
        if run:
            decoded = unquote(run.group())
            chars.append(decoded)
            origins.extend([run.span()] * len(decoded))
            position = run.end()
    return "".join(chars), origins


def text_fields(record: RawRecord, ocr_words: tuple[OcrWord, ...] = ()) -> tuple[TextField, ...]:
    """Context fields of every kind, then the kind's own text: segments; typed, deleted and pasted
    text and the keys of shortcuts; or OCR text (and, when a word is hyphenated across lines, the
    text with it joined; the fields of a row as one line; wrapped lines of prose as one)."""
    fields = [TextField(name, value) for name in CONTEXT_FIELDS
              if (value := context_text(record, name))]
    if record.kind == "transcript":
        fields += [TextField(segment_field(i), s.text) for i, s in enumerate(record.segments) if s.text]
    elif record.kind == "keystrokes":
        typed = typed_text(record.events)
        views = ((TYPED, typed.text), (DELETED, typed.deleted_text), (ERASED, typed.erased_text),
                 (PASTED, typed.pasted(record.events)[0]), (SHORTCUTS, shortcut_text(record.events)[0]))
        fields += [TextField(name, text) for name, text in views if text]
    elif ocr_words:
        text = ocr_text(ocr_words)
        fields.append(TextField(OCR, text))
        joined = joined_text(ocr_words)[0]
        if joined != text:  # a word hyphenated across lines, read whole here
            fields.append(TextField(OCR_JOINED, joined))
        lines = line_text(ocr_words)[0]
        if lines != text:  # fields of a row a few characters apart (a terminal's columns), as one line
            fields.append(TextField(OCR_LINES, lines))
        paragraphs = paragraph_text(ocr_words)[0]
        if paragraphs != lines:  # wrapped lines of prose, which a side panel's rows interleave, as one
            fields.append(TextField(OCR_PARAGRAPHS, paragraphs))
    return tuple(fields)
