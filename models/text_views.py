"""The text a record holds, as named fields for detection: the same names key spans back to places."""
from __future__ import annotations

from models.keystrokes import rebuild_typed_text
from models.ocr import ocr_text
from models.records import OcrWord, RawRecord, TextField

TYPED = "typed"
OCR = "ocr"


def segment_field(index: int) -> str:
    """Field name of one transcript segment's text."""
    return f"segments/{index}"


def text_fields(record: RawRecord, ocr_words: tuple[OcrWord, ...] = ()) -> tuple[TextField, ...]:
    """Context fields of every kind, then the kind's own text: segments, typed text, or OCR text."""
    fields = [TextField(name, value) for name in ("app", "window_title", "url")
              if (value := getattr(record, name))]
    if record.kind == "transcript":
        fields += [TextField(segment_field(i), s.text) for i, s in enumerate(record.segments) if s.text]
    elif record.kind == "keystrokes":
        typed = rebuild_typed_text(record.events).text
        if typed:
            fields.append(TextField(TYPED, typed))
    elif ocr_words:
        fields.append(TextField(OCR, ocr_text(ocr_words)))
    return tuple(fields)
