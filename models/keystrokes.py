"""Typed text rebuilt from key events, and detected spans mapped back onto those events.

The rebuild replays the events on a model of a text field with a cursor and a selection:
printable keys, Enter, Tab, paste, Backspace/Delete (character-, word- and line-wise), arrows,
Home/End, Shift-extended selections, select-all, cut, and typing or pasting over a selection.
Word moves follow the modifier's platform: Control as on Windows and Linux (to the start of the
next word), Alt as on macOS (to the end of the word); Meta+arrows are line and document moves.
Edits it cannot follow (undo, redo, a Control+V whose paste was not captured, page moves, any
shortcut not known to leave the text alone) mark the result incomplete, and an incomplete stream
is masked whole: a guess at the text could split a secret so that detection misses it.
"""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
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
# Named keys that never change a field's text or cursor; any other named key the model does not
# follow (Undo, Redo, Insert, Paste, Cut, Clear, ...) makes the rebuild incomplete.
_INERT_NAMED_KEYS = frozenset({"Shift", "Control", "Alt", "Meta", "AltGraph", "CapsLock", "NumLock", "ScrollLock",
                               "Fn", "FnLock", "Hyper", "Super", "Symbol", "SymbolLock", "OS", "Escape",
                               "ContextMenu", "PrintScreen", "Pause", "Help",
                               *(f"F{n}" for n in range(1, 25)),
                               "AudioVolumeUp", "AudioVolumeDown", "AudioVolumeMute", "MediaPlayPause",
                               "MediaTrackNext", "MediaTrackPrevious", "MediaStop", "BrightnessUp",
                               "BrightnessDown"})
_NAVIGATION_KEYS = frozenset({"ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End",
                              "PageUp", "PageDown"})
# Shortcuts known to leave the field's text and cursor alone (copy, save, find, print, new or
# reopened tab, reload, open, address bar, quit, dev tools, zoom, tab switching). Select all,
# cut, paste and word or line moves are followed; any other shortcut may edit or move unseen
# (undo, redo, emacs and terminal line editing), so it makes the rebuild incomplete.
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
    # The deleted characters again, as the runs they were deleted in, each in text order (a
    # number typed out of order, then selected and deleted, reads here as it stood).
    erased_text: str = ""
    erased: tuple[Origin, ...] = ()

    def pasted(self, events: tuple[KeyEvent, ...]) -> tuple[str, tuple[Origin, ...]]:
        """Every pasted text, one a line, and each character's origin (newlines between map nowhere)."""
        chars: list[str] = []
        origins: list[Origin] = []
        for index, event in enumerate(events):
            if event.type == "paste" and event.text:
                if chars:
                    chars.append("\n")
                    origins.append(Origin(-1))
                chars += event.text
                origins += [Origin(index, offset) for offset in range(len(event.text))]
        return "".join(chars), tuple(origins)


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
    """Replay the events on an empty text field; linear in the events and the characters they move."""
    field = _Field()
    complete = True
    # A stream whose shortcuts use Meta comes from macOS, where Control+letter is an emacs-style
    # edit (Control+A: line start, Control+T: swap), not the Windows command the model follows.
    macos = any("Meta" in event.mods for event in events)
    for index, event in enumerate(events):
        if event.type == "paste":
            field.insert([(char, Origin(index, offset)) for offset, char in enumerate(event.text or "")])
        elif event.key is None:
            continue
        elif is_shortcut(event):
            windows_style = not (macos and "Control" in event.mods and "Meta" not in event.mods)
            complete = windows_style and field.shortcut(event, _next_is_paste(events, index)) and complete
        elif event.key in _NAVIGATION_KEYS:
            complete = field.navigate(event.key, set(event.mods)) and complete
        elif event.key in ("Backspace", "Delete"):
            field.erase(event.key, set(event.mods))
        elif (char := typed_character(event)) is not None:
            # One item per code point, so text offsets and items stay aligned for keys like 👍🏽
            # (input keys have at most four; a longer key is a placeholder replayed from output).
            field.insert([(point, Origin(index)) for point in char] if len(char) <= 4 else [(char, Origin(index))])
        elif event.key not in _INERT_NAMED_KEYS:  # Undo, Redo, Insert (overwrite), Paste, Cut, Clear...
            complete = False
    field.deleted.sort(key=lambda item: (item[0].event, item[0].offset))
    chars = field.chars()
    erased = [item for index, (_, run) in enumerate(field.erasures)
              for item in ([("\n", Origin(-1))] if index else []) + run]
    return TypedText("".join(char for char, _ in chars), tuple(origin for _, origin in chars),
                     "".join(char for _, char in field.deleted), tuple(origin for origin, _ in field.deleted),
                     complete, "".join(char for char, _ in erased), tuple(origin for _, origin in erased))


def _next_is_paste(events: tuple[KeyEvent, ...], index: int) -> bool:
    return index + 1 < len(events) and events[index + 1].type == "paste"


class _Field:
    """A gap buffer: characters left of the cursor, and those right of it in reverse order, each
    with its origin; a selection runs from `anchor` to the cursor. An edit costs O(1) plus the
    characters it moves or deletes."""

    def __init__(self) -> None:
        self.left: list[tuple[str, Origin]] = []
        self.right: list[tuple[str, Origin]] = []
        self.anchor: int | None = None
        self.deleted: list[tuple[Origin, str]] = []
        self.erasures: list[tuple[int, list[tuple[str, Origin]]]] = []

    @property
    def cursor(self) -> int:
        return len(self.left)

    def size(self) -> int:
        return len(self.left) + len(self.right)

    def chars(self) -> list[tuple[str, Origin]]:
        return self.left + self.right[::-1]

    def char_at(self, position: int) -> str:
        if position < len(self.left):
            return self.left[position][0]
        return self.right[len(self.right) - 1 - (position - len(self.left))][0]

    def move_to(self, position: int) -> None:
        position = max(0, min(position, self.size()))
        while len(self.left) > position:
            self.right.append(self.left.pop())
        while len(self.left) < position:
            self.left.append(self.right.pop())

    def selection(self) -> tuple[int, int] | None:
        if self.anchor is None or self.anchor == self.cursor:
            return None
        return min(self.anchor, self.cursor), max(self.anchor, self.cursor)

    def delete_range(self, start: int, end: int) -> None:
        self.move_to(end)
        removed = [self.left.pop() for _ in range(end - start)][::-1]
        self.deleted += [(origin, char) for char, origin in removed]
        # Runs of adjacent deletions (Backspace after Backspace, Delete after Delete) in text order.
        if removed and self.erasures and self.erasures[-1][0] == end:
            self.erasures[-1] = (start, removed + self.erasures[-1][1])
        elif removed and self.erasures and self.erasures[-1][0] == start:
            self.erasures[-1] = (start, self.erasures[-1][1] + removed)
        elif removed:
            self.erasures.append((start, removed))
        self.anchor = None

    def delete_selection(self) -> bool:
        selected = self.selection()
        self.anchor = None
        if selected:
            self.delete_range(*selected)
        return selected is not None

    def insert(self, items: list[tuple[str, Origin]]) -> None:
        self.delete_selection()
        self.left.extend(items)

    def erase(self, key: str, mods: set[str]) -> None:
        """Backspace or Delete: the selection, else a character, word (Control/Alt) or line (Meta)."""
        if self.delete_selection():
            return
        unit = "line" if "Meta" in mods else "word" if mods & {"Control", "Alt"} else "char"
        if key == "Backspace":
            self.delete_range(self.boundary(-1, unit, "Control" in mods), self.cursor)
        else:
            self.delete_range(self.cursor, self.boundary(+1, unit, "Control" in mods))

    def navigate(self, key: str, mods: set[str]) -> bool:
        """Arrows, Home and End, extending the selection with Shift; False for page moves."""
        if key in ("PageUp", "PageDown"):
            return False
        extend = "Shift" in mods
        selected = self.selection()
        if selected and not extend and key in ("ArrowLeft", "ArrowRight") and not mods & {"Control", "Alt", "Meta"}:
            self.move_to(selected[0] if key == "ArrowLeft" else selected[1])
            self.anchor = None
            return True
        if extend and self.anchor is None:
            self.anchor = self.cursor
        elif not extend:
            self.anchor = None
        self.move_to(self.target(key, mods))
        return True

    def target(self, key: str, mods: set[str]) -> int:
        """Where a navigation key moves the cursor."""
        if key in ("Home", "End"):
            if "Control" in mods or "Meta" in mods:
                return 0 if key == "Home" else self.size()
            return self.boundary(-1 if key == "Home" else +1, "line", False)
        direction = -1 if key in ("ArrowLeft", "ArrowUp") else +1
        if key in ("ArrowUp", "ArrowDown"):
            if "Meta" in mods:
                return 0 if direction < 0 else self.size()
            return self.vertical(direction)
        unit = "line" if "Meta" in mods else "word" if mods & {"Control", "Alt"} else "char"
        return self.boundary(direction, unit, "Control" in mods)

    def boundary(self, direction: int, unit: str, windows_words: bool) -> int:
        """The position one character, word or line away from the cursor."""
        position, size = self.cursor, self.size()
        if unit == "char":
            return max(0, min(size, position + direction))
        if unit == "line":
            step = (lambda p: p > 0 and self.char_at(p - 1) != "\n") if direction < 0 else \
                (lambda p: p < size and self.char_at(p) != "\n")
            while step(position):
                position += direction
            return position
        if direction < 0:  # to the start of this or the previous word, on every platform
            while position > 0 and not _is_word(self.char_at(position - 1)):
                position -= 1
            while position > 0 and _is_word(self.char_at(position - 1)):
                position -= 1
            return position
        if windows_words:  # past this word and the spaces after it: the start of the next word
            while position < size and _is_word(self.char_at(position)):
                position += 1
            while position < size and not _is_word(self.char_at(position)):
                position += 1
            return position
        while position < size and not _is_word(self.char_at(position)):  # macOS: to the end of the word
            position += 1
        while position < size and _is_word(self.char_at(position)):
            position += 1
        return position

    def vertical(self, direction: int) -> int:
        """The same column on the line above or below (clamped), or the start or end of the text."""
        line_start = self.boundary(-1, "line", False)
        column = self.cursor - line_start
        if direction < 0:
            if line_start == 0:
                return 0
            self.move_to(line_start - 1)
            above = self.boundary(-1, "line", False)
            return min(above + column, line_start - 1)
        line_end = self.boundary(+1, "line", False)
        if line_end == self.size():
            return line_end
        self.move_to(line_end + 1)
        below_end = self.boundary(+1, "line", False)
        return min(line_end + 1 + column, below_end)

    def shortcut(self, event: KeyEvent, paste_follows: bool) -> bool:
        """Select all, cut and paste are followed; False (incomplete) for anything that may edit unseen."""
        key = (event.key or "").lower()
        if key == "a":
            self.move_to(self.size())
            self.anchor = 0
            return True
        if key == "x":
            self.delete_selection()
            return True
        if key == "v":
            return paste_follows
        if key in ("arrowleft", "arrowright", "arrowup", "arrowdown", "home", "end"):
            return self.navigate(event.key or "", set(event.mods))
        if key in ("backspace", "delete"):
            self.erase(event.key or "", set(event.mods))
            return True
        return key in _HARMLESS_SHORTCUT_KEYS


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def mask_events(events: tuple[KeyEvent, ...], typed: TypedText, spans: list[Span] | tuple[Span, ...],
                deleted_spans: list[Span] | tuple[Span, ...] = (),
                pasted_spans: list[Span] | tuple[Span, ...] = (),
                erased_spans: list[Span] | tuple[Span, ...] = ()) -> tuple[KeyEvent, ...]:
    """Events with every character of a detected span replaced by its placeholder.

    `spans` index the final text, `deleted_spans` the deleted text in typing order and
    `erased_spans` in deletion runs (what was typed and erased is still in the raw events),
    `pasted_spans` the pasted texts (`TypedText.pasted`). A masked key
    keeps its event and timing; only `key` becomes `<ENTITY_TYPE>`. Characters typed and deleted
    between a span's first and last event (typos inside a number) are masked too. A stream the
    rebuild could not follow is masked whole, as UNVERIFIED_TEXT.
    """
    if not typed.complete:
        return mask_all_typing(events, UNVERIFIED_TEXT)
    pasted = typed.pasted(events)[1]
    views = ((typed.deleted, deleted_spans), (typed.erased, erased_spans), (pasted, pasted_spans))
    marks: dict[Origin, str] = {origin: span.entity_type for view, view_spans in views
                                for span in view_spans for origin in view[span.start:span.end]}
    deleted_events = [origin.event for origin in typed.deleted]  # sorted: deleted is in typing order
    for span in spans:
        covered = typed.origins[span.start:span.end]
        if not covered:
            continue
        first = min(origin.event for origin in covered)
        last = max(origin.event for origin in covered)
        retyped = typed.deleted[bisect_left(deleted_events, first):bisect_right(deleted_events, last)]
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

