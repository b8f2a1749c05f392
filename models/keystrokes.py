"""Typed text rebuilt from key events, and detected spans mapped back onto those events.

The rebuild models a text field with a cursor: printable keys, Enter, Tab, Backspace, Delete,
ArrowLeft/Right, Home/End and paste events. Edits it does not follow (selections, word-wise
deletion, undo, vertical moves) mark the result incomplete, and an incomplete stream is masked
whole: a guess at the text could split a secret so that detection misses it.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from models.placeholders import placeholder, replace_spans
from models.records import KeyEvent, Span

# Placeholder entity for every character of a stream whose edits the rebuild could not follow.
UNVERIFIED_TEXT = "UNVERIFIED_TEXT"

_TEXT_KEYS = {"Enter": "\n", "Tab": "\t"}
# W3C `KeyboardEvent.key` names of non-printing keys are PascalCase words, maybe with a number
# ("ArrowLeft", "F5", "AudioVolumeUp"); anything else longer than one character is refused.
_NAMED_KEY = re.compile(r"^(?:[A-Z][a-z]+)+[0-9]*$|^F[0-9]{1,2}$")
MODIFIERS = frozenset({"Control", "Alt", "Meta", "Shift", "AltGraph", "CapsLock", "Fn", "FnLock", "Hyper",
                       "NumLock", "ScrollLock", "Super", "Symbol", "SymbolLock", "OS"})
_COMMAND_MODS = frozenset({"Control", "Meta"})
_NAVIGATION_KEYS = frozenset({"ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End",
                              "PageUp", "PageDown"})
_VERTICAL_KEYS = frozenset({"ArrowUp", "ArrowDown", "PageUp", "PageDown"})
# Shortcuts known to leave the field's text and cursor alone (copy, save, find, print, new or
# reopened tab, reload, open, address bar, quit, dev tools, zoom, tab switching). Any other
# shortcut may edit or move (select all, cut, undo, word deletion, emacs and terminal keys), so
# it makes the rebuild incomplete.
_HARMLESS_SHORTCUT_KEYS = frozenset({"c", "s", "f", "g", "p", "t", "n", "r", "o", "l", "q", "j", "i", "m",
                                     "tab", "escape", "+", "-", "=", "0", "1", "2", "3", "4", "5", "6", "7",
                                     "8", "9", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10",
                                     "f11", "f12", "shift", "control", "meta", "alt"})


@dataclass(frozen=True)
class Origin:
    """Which event produced a character: its index, and the offset inside a paste's text (0 for keys)."""

    event: int
    offset: int = 0


@dataclass(frozen=True)
class TypedText:
    """The field's final text and each character's origin; the deleted characters, in typing order."""

    text: str
    origins: tuple[Origin, ...]
    deleted_text: str
    deleted: tuple[Origin, ...]
    complete: bool


def is_valid_key(key: str) -> bool:
    """One character (a grapheme of up to four code points, for emoji) or a W3C named key."""
    return len(key) == 1 or bool(_NAMED_KEY.match(key)) or (len(key) <= 4 and not key.isascii())


def is_shortcut(event: KeyEvent) -> bool:
    """A key pressed with Control or Meta: a command, not text. Control+Alt is AltGr on Windows
    (it types "@" on many layouts) and Alt alone types characters on macOS, so both are text."""
    mods = set(event.mods)
    return bool(_COMMAND_MODS & mods) and not ({"Control", "Alt"} <= mods or "AltGraph" in mods)


def typed_character(event: KeyEvent) -> str | None:
    """The character a keydown event types into the field, or None for commands and named keys."""
    if event.type != "keydown" or event.key is None or is_shortcut(event):
        return None
    if event.key in _TEXT_KEYS:
        return _TEXT_KEYS[event.key]
    return None if _NAMED_KEY.match(event.key) else event.key


def rebuild_typed_text(events: tuple[KeyEvent, ...]) -> TypedText:
    """Replay the events on an empty text field."""
    chars: list[str] = []
    origins: list[Origin] = []
    deleted: list[tuple[Origin, str]] = []
    cursor, complete = 0, True
    for index, event in enumerate(events):
        if event.type == "paste":
            inserted = [(char, Origin(index, offset)) for offset, char in enumerate(event.text or "")]
        elif event.key is None:
            continue
        elif is_shortcut(event):
            complete = complete and event.key.lower() in _HARMLESS_SHORTCUT_KEYS
            continue
        elif event.key in _VERTICAL_KEYS or (event.key in _NAVIGATION_KEYS and "Shift" in event.mods):
            complete = False
            continue
        elif event.key in _NAVIGATION_KEYS:
            cursor = _move_cursor(event.key, chars, cursor)
            continue
        elif event.key == "Backspace" or event.key == "Delete":
            position = cursor - 1 if event.key == "Backspace" else cursor
            if 0 <= position < len(chars):
                deleted.append((origins.pop(position), chars.pop(position)))
                cursor = position
            continue
        else:
            char = typed_character(event)
            if char is None:
                continue
            inserted = [(char, Origin(index))]
        chars[cursor:cursor] = [char for char, _ in inserted]
        origins[cursor:cursor] = [origin for _, origin in inserted]
        cursor += len(inserted)
    deleted.sort(key=lambda item: (item[0].event, item[0].offset))
    return TypedText("".join(chars), tuple(origins), "".join(char for _, char in deleted),
                     tuple(origin for origin, _ in deleted), complete)


def _move_cursor(key: str, chars: list[str], cursor: int) -> int:
    if key == "ArrowLeft":
        return max(0, cursor - 1)
    if key == "ArrowRight":
        return min(len(chars), cursor + 1)
    if key == "Home":
        while cursor > 0 and chars[cursor - 1] != "\n":
            cursor -= 1
        return cursor
    while cursor < len(chars) and chars[cursor] != "\n":  # End
        cursor += 1
    return cursor


def mask_events(events: tuple[KeyEvent, ...], typed: TypedText, spans: list[Span] | tuple[Span, ...],
                deleted_spans: list[Span] | tuple[Span, ...] = ()) -> tuple[KeyEvent, ...]:
    """Events with every character of a detected span replaced by its placeholder.

    `spans` index the final text, `deleted_spans` the deleted text (what was typed and erased is
    still in the raw events). A masked key keeps its event and timing; only `key` becomes
    `<ENTITY_TYPE>`. Characters typed and deleted between a span's first and last event (typos
    inside a number) are masked too. A stream the rebuild could not follow is masked whole, as
    UNVERIFIED_TEXT.
    """
    if not typed.complete:
        return mask_all_typing(events, UNVERIFIED_TEXT)
    marks: dict[Origin, str] = {origin: span.entity_type for span in deleted_spans
                                for origin in typed.deleted[span.start:span.end]}
    for span in spans:
        covered = typed.origins[span.start:span.end]
        if not covered:
            continue
        first = min(origin.event for origin in covered)
        last = max(origin.event for origin in covered)
        retyped = [origin for origin in typed.deleted if first <= origin.event <= last]
        for origin in (*covered, *retyped):
            marks[origin] = span.entity_type
    return _apply_marks(events, marks)


def mask_all_typing(events: tuple[KeyEvent, ...], entity_type: str) -> tuple[KeyEvent, ...]:
    """Every printable key and pasted character masked; shortcuts and navigation keys stay."""
    marks = {Origin(index, offset): entity_type for index, event in enumerate(events)
             for offset in (range(len(event.text or "")) if event.type == "paste" else (0,))}
    return _apply_marks(events, marks)


def _apply_marks(events: tuple[KeyEvent, ...], marks: dict[Origin, str]) -> tuple[KeyEvent, ...]:
    return tuple(_masked_event(index, event, marks) for index, event in enumerate(events))


def _masked_event(index: int, event: KeyEvent, marks: dict[Origin, str]) -> KeyEvent:
    if event.type == "paste":
        text = event.text or ""
        spans = [Span(marks[Origin(index, offset)], offset, offset + 1, 1.0)
                 for offset in range(len(text)) if Origin(index, offset) in marks]
        return dataclasses.replace(event, text=replace_spans(text, spans)) if spans else event
    if Origin(index) in marks and typed_character(event) not in (None, "\n", "\t"):
        return dataclasses.replace(event, key=placeholder(marks[Origin(index)]))
    return event

