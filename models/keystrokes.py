"""Typed text rebuilt from key events, and detected spans mapped back onto those events.

The rebuild replays the events on a model of a text field with a cursor and a selection:
printable keys, Enter, Tab, paste, Backspace/Delete (character-, word- and line-wise), arrows,
Home/End, Shift-extended selections, select-all, cut, and typing or pasting over a selection.
Word moves follow the modifier's platform: Control as on Windows and Linux (to the start of the
next word), Alt as on macOS (to the end of the word); Meta+arrows are line and document moves.
Edits it cannot follow (undo, redo, a Control+V whose paste was not captured, page moves, any
shortcut not known to leave the text alone) mark the result incomplete, and an incomplete stream
is masked whole: a guess at the text could split a secret so that detection misses it; so is a
stream whose Control keys mean different edits on the platforms it may come from. The keys of
shortcuts form a text of their own (`shortcut_text`), and an entry typed after Tab or Enter may
have gone to a password field (`focus_secrets`).
"""
from __future__ import annotations

import dataclasses
import re
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from models.config_files import DATA_DIR, ConfigFileError
from models.deadline import check_deadline
from models.login_words import is_ordinary_word
from models.placeholders import placeholder, replace_spans
from models.records import KeyEvent, Span

# Placeholder entity for every character of a stream whose edits the rebuild could not follow.
UNVERIFIED_TEXT = "UNVERIFIED_TEXT"
# Placeholder entity for a typed entry that may have gone to a password field (`focus_secrets`).
SECRET = "SECRET"
# Placeholder entity for the entry typed right before a `focus_secrets` password: the login's name.
LOGIN_NAME = "USERNAME"
# Placeholder entity for a run of three or more digits pressed with Control or Meta.
SHORTCUT_DIGITS = "SHORTCUT_DIGITS"
NAMED_KEYS_FILE = DATA_DIR / "w3c_keys.txt"

_TEXT_KEYS = {"Enter": "\n", "Tab": "\t"}
MODIFIERS = frozenset({"Control", "Alt", "Meta", "Shift", "AltGraph", "CapsLock", "Fn", "FnLock", "Hyper",
                       "NumLock", "ScrollLock", "Super", "Symbol", "SymbolLock", "OS"})
_COMMAND_MODS = frozenset({"Control", "Meta"})
# Named keys that never change a field's text or cursor; any other named key the model does not
# follow (Undo, Redo, Insert, Paste, Cut, Clear, ...) makes the rebuild incomplete. A dead key
# ("Dead": the accent of ´ then e on an international layout) is one: the character it composes
# comes as the next key's own value ("é"). An IME's "Process" keys are not: the text they compose
# reaches the field as no key at all.
_INERT_NAMED_KEYS = frozenset({"Shift", "Control", "Alt", "Meta", "AltGraph", "CapsLock", "NumLock", "ScrollLock",
                               "Fn", "FnLock", "Hyper", "Super", "Symbol", "SymbolLock", "OS", "Escape", "Dead",
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
# Control+letter in macOS text fields (the emacs bindings of Cocoa's standard key bindings):
# moves and deletions the emacs reading follows; the other bound letters (t transpose, o open
# line, y yank, v page down) edit or move unseen; unbound ones do nothing.
_EMACS_MOVES = {"a": "Home", "e": "End", "b": "ArrowLeft", "f": "ArrowRight", "p": "ArrowUp", "n": "ArrowDown"}
_EMACS_ERASES = {"d": "Delete", "h": "Backspace"}
_EMACS_INERT_KEYS = (_HARMLESS_SHORTCUT_KEYS | {"x"}) - {"a", "b", "d", "e", "f", "h", "k", "n", "o", "p", "t",
                                                          "v", "y"}
_WINDOWS, _MACOS, _EMACS = "windows", "macos", "emacs"
# Keys that Control makes word-wise on Windows and Linux (`_windows_habits`): word deletes, and word
# moves only while Shift-selecting (a bare Control+arrow switches Spaces on macOS, and the cursor stays).
_CONTROL_WORD_DELETES = frozenset({"Backspace", "Delete"})
_CONTROL_WORD_MOVES = frozenset({"ArrowLeft", "ArrowRight"})
# An entry (text between Tabs and newlines) that looks like an e-mail address or a user name:
# these characters only, with a letter among them (two linear checks, no backtracking).
_IDENTIFIER_CHARS = re.compile(r"[\w.+\-@\\]+")
_LETTER = re.compile(r"[^\W\d_]")
_ENTRY = re.compile(r"[^\t\n]+")
# Rebuilds kept per worker process, so text views and redaction replay each stream once (at about
# 300 bytes an event, the events bound holds the memory to some 60 MB).
_CACHE_RECORDS = 1024
_CACHE_EVENTS = 200_000


def load_named_keys(path: Path = NAMED_KEYS_FILE) -> frozenset[str]:
    """The W3C `KeyboardEvent.key` names of non-printing keys, one a line (`#` comments); a line that
    is not one name of letters and digits, or a name listed twice, raises ConfigFileError naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigFileError(f"{path}: cannot read ({type(exc).__name__})") from None
    names: set[str] = set()
    for number, line in enumerate(lines, start=1):
        name = line.split("#")[0].strip()
        if not name:
            continue
        if not re.fullmatch(r"[A-Z][A-Za-z0-9]+", name) or name in names:
            raise ConfigFileError(f"{path}:{number}: not a key name of letters and digits, or listed twice")
        names.add(name)
    missing = sorted((_INERT_NAMED_KEYS | _NAVIGATION_KEYS | MODIFIERS | set(_TEXT_KEYS)) - names)
    if missing:
        raise ConfigFileError(f"{path}: lacks key names the rebuild relies on: {missing}")
    return frozenset(names)


# Loaded once, when the module is imported: before any record is read.
NAMED_KEYS = load_named_keys()


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
    """One character, a W3C named key (`NAMED_KEYS`), or one grapheme of up to four code points
    outside ASCII (an emoji, an accented letter): a character is typed text, scanned as such."""
    return len(key) == 1 or key in NAMED_KEYS or (len(key) <= 4 and not key.isascii())


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
    if event.key in NAMED_KEYS:
        return None
    # Some capture tools write the base key with Shift held ("j" + Shift for "J"); a W3C key already
    # holds the shifted letter, so this changes nothing for them, and names keep their capitals.
    shifted = event.key.upper()
    return shifted if "Shift" in event.mods and event.key.islower() and len(shifted) == 1 else event.key


def shortcut_text(events: tuple[KeyEvent, ...]) -> tuple[str, tuple[Origin, ...]]:
    """The characters of keys pressed as shortcuts (Control+4, Meta+J), each run of shortcuts on its
    own line (only a typed character or a paste ends a run), and each character's event: Control+J,
    o, h, n spells a name that no typed text holds, so this text is scanned like typed text
    (separators map nowhere)."""
    chars: list[str] = []
    origins: list[Origin] = []
    follows = False
    for index, event in enumerate(events):
        if event.type == "keydown" and (event.key in MODIFIERS or event.key in NAMED_KEYS):
            # Modifier, function and navigation keys, with modifiers or without, type no character:
            # Control+4, Escape, Control+1 is still one run.
            continue
        shortcut = is_shortcut(event) and event.key is not None
        if shortcut:
            if chars and not follows:
                chars.append("\n")
                origins.append(Origin(-1))
            chars.append(event.key or "")
            origins.append(Origin(index))
        follows = shortcut
    return "".join(chars), tuple(origins)


def shortcut_digit_spans(shortcuts: str) -> list[Span]:
    """Runs of three or more digits in `shortcut_text`: tab switching does not need them, and they
    can spell a number, so they are masked whatever detection finds."""
    return [Span(SHORTCUT_DIGITS, m.start(), m.end(), 1.0) for m in re.finditer(r"\d{3,}", shortcuts)]


def rebuild_typed_text(events: tuple[KeyEvent, ...]) -> TypedText:
    """Replay the events on an empty text field; O(n log n) in the events and the characters they move.

    Control+letter means different edits by platform: a command on Windows and Linux (Control+A
    selects all), an emacs-style edit in macOS text fields (Control+A goes to the line start). A
    stream that uses Meta is from macOS, where the model does not follow Control edits (incomplete);
    one with a Windows or Linux habit (`_windows_habits`) is from there. For any other stream both
    readings are replayed, and unless they give the same text, deletions and origins the result is
    incomplete, so a guess never decides what is scanned.
    """
    if any("Meta" in event.mods for event in events):
        return _replay(events, _MACOS)
    typed = _replay(events, _WINDOWS)
    if (typed.complete and not _windows_habits(events)
            and any(_control_only(event) for event in events) and _replay(events, _EMACS) != typed):
        return dataclasses.replace(typed, complete=False)
    return typed


_cache: OrderedDict[tuple[int, int], tuple[tuple[KeyEvent, ...], TypedText]] = OrderedDict()
_cache_lock = threading.Lock()


def typed_text(events: tuple[KeyEvent, ...]) -> TypedText:
    """`rebuild_typed_text`, replayed once per stream in this worker while it is among the latest
    kept: the text views for detection and the masking in redaction read the same rebuild, also
    when the stream was serialized between them. Kept by value (a hit is compared in full), so a
    record never gets another stream's rebuild."""
    key = (hash(events), len(events))
    with _cache_lock:
        hit = _cache.get(key)
    if hit is not None and hit[0] == events:
        with _cache_lock:
            if key in _cache:
                _cache.move_to_end(key)
        return hit[1]
    typed = rebuild_typed_text(events)
    with _cache_lock:
        _cache[key] = (events, typed)
        _cache.move_to_end(key)
        held = sum(len(kept) for kept, _ in _cache.values())
        while len(_cache) > _CACHE_RECORDS or (held > _CACHE_EVENTS and len(_cache) > 1):
            held -= len(_cache.popitem(last=False)[1][0])
    return typed


def _replay(events: tuple[KeyEvent, ...], platform: str) -> TypedText:
    field = _Field()
    complete = True
    for index, event in enumerate(events):
        if index % 1024 == 0:
            check_deadline()
        if event.type == "paste":
            field.insert([(char, Origin(index, offset)) for offset, char in enumerate(event.text or "")])
        elif event.key is None:
            continue
        elif is_shortcut(event):
            if platform == _WINDOWS or not _control_only(event):
                followed = field.shortcut(event, _next_is_paste(events, index))
            else:  # Control+key on macOS: followed in the emacs reading, else an edit not followed
                followed = platform == _EMACS and field.emacs(event)
            complete = followed and complete
        elif event.key in _NAVIGATION_KEYS:
            complete = field.navigate(event.key, set(event.mods)) and complete
        elif event.key in ("Backspace", "Delete"):
            field.erase(event.key, set(event.mods))
        elif event.key == "Dead":
            complete = _dead_key_composes(events, index) and complete
        elif (char := typed_character(event)) is not None:
            # One item per code point, so text offsets and items stay aligned for keys like 👍🏽
            # (input keys have at most four; a longer key is a placeholder replayed from output).
            field.insert([(point, Origin(index)) for point in char] if len(char) <= 4 else [(char, Origin(index))])
        elif event.key not in _INERT_NAMED_KEYS:  # Undo, Redo, Insert (overwrite), Paste, Cut, Clear...
            complete = False
    field.deleted.sort(key=lambda item: (item[0].event, item[0].offset))
    chars = field.text.items()
    erased = [item for index, (_, run) in enumerate(field.erasures)
              for item in ([("\n", Origin(-1))] if index else []) + run]
    return TypedText("".join(char for char, _ in chars), tuple(origin for _, origin in chars),
                     "".join(char for _, char in field.deleted), tuple(origin for origin, _ in field.deleted),
                     complete, "".join(char for char, _ in erased), tuple(origin for _, origin in erased))


def _dead_key_composes(events: tuple[KeyEvent, ...], index: int) -> bool:
    """Whether the dead key at `index` is followed (modifiers aside) by a key that types a printable
    character, the one it composes. Anything else leaves the field in a state the replay does not
    follow: Backspace cancels the pending accent and leaves the letter before it (macOS, IBus), and
    an accent left standing at the end, before Tab, Enter, a move or another dead key is a character
    the replay does not hold, so edits after it land elsewhere; incomplete, masked whole."""
    for event in events[index + 1:]:
        if event.type == "keydown" and event.key is not None and event.key not in MODIFIERS:
            char = typed_character(event)
            return char is not None and not char.isspace()
        if event.type == "paste":
            return False
    return False


def _control_only(event: KeyEvent) -> bool:
    return is_shortcut(event) and "Meta" not in event.mods


def _windows_habits(events: tuple[KeyEvent, ...]) -> bool:
    """Edits only Windows and Linux users make with Control: a paste right after Control+V (macOS
    pastes with Meta+V), word deletes (Control+Backspace) and word selections (Control+Shift+ArrowLeft);
    macOS takes those with Option. A bare Control+arrow is none: it switches Spaces on macOS, where
    the cursor stays and what is typed next goes where it was, so it leaves the stream ambiguous."""
    return any(_control_only(event) and (
        ((event.key or "").lower() == "v" and _next_is_paste(events, index))
        or (event.key in _CONTROL_WORD_DELETES and set(event.mods) <= {"Control", "Shift"})
        or (event.key in _CONTROL_WORD_MOVES and set(event.mods) == {"Control", "Shift"}))
        for index, event in enumerate(events))


def _next_is_paste(events: tuple[KeyEvent, ...], index: int) -> bool:
    return index + 1 < len(events) and events[index + 1].type == "paste"


def focus_secrets(typed: TypedText) -> tuple[list[Span], list[Span]]:
    r"""SECRET spans over the text and over the deleted text for entries that may have been typed
    into a password field after Tab or Enter moved focus there.

    The capture names the field focused when the record began, and Tab, or Enter in a single-line
    field, can move focus to the next field of a form without the stream saying where. So the
    text is also read as entries, split at Tabs and newlines (empty ones skipped). An entry is
    masked when it is one token (no whitespace) and the entry before it is identifier-like: one
    token of letters, digits and `. _ + - @ \` with a letter in it, as an e-mail address or a
    user name is. That is a login's shape: user name, Tab or Enter, password. Ordinary text keeps
    its shape apart: prose and code hold spaces or other punctuation (`if x:`, `a = 1`), so neither
    such an entry nor the one after it matches, and an indenting Tab follows nothing on its line.
    The first entry, when a Tab or Enter came before it, is masked too when it is one token of
    at least six characters (its user name was typed in an earlier record of the session).
    A lone token after a lone identifier is masked even where it was a spreadsheet cell or a
    one-word chat line: whether focus moved cannot be told, so it is taken to have (fail closed).
    Rows of a table are the exception (`_grid_lines`): a cell there that is an ordinary word or a
    short plain number ("Region", "Email", "1133") is a cell, not a password, unless the cell before
    it on its row is a user name or an address (`github`, `jdoe`, `sunshine`: a typed sheet of
    logins, whose word passwords stay masked); any other stays masked.
    The identifier-like entry before a masked one is masked too, as the login's user name
    (`LOGIN_NAME`): a user name is identifying, and `jdoe`, Tab, a password names its owner.
    Characters typed and deleted while such an entry was being typed are masked with it.
    """
    entries = [match for match in _ENTRY.finditer(typed.text) if match.group().strip()]
    spans, deleted = [], []
    deleted_events = [origin.event for origin in typed.deleted]
    grid = _grid_lines(typed.text)
    newlines = [match.start() for match in re.finditer("\n", typed.text)]
    for before, entry, after in zip([None, *entries], entries, [*entries[1:], None]):
        if re.search(r"\s", entry.group().strip()):
            continue
        line = bisect_left(newlines, entry.start())
        if line in grid and _plain_cell(entry.group().strip()) and not (
                before is not None and bisect_left(newlines, before.start()) == line
                and _is_identifier(before.group().strip()) and not _plain_cell(before.group().strip())):
            continue
        if before is None:
            # The record began in a field before this one (a Tab or Enter came first): its user
            # name is in an earlier record, so a password-length token here is taken as a secret.
            if entry.start() == 0 or len(entry.group().strip()) < _MIN_FOCUS_SECRET_CHARS:
                continue
        elif not _is_identifier(before.group().strip()):
            continue
        else:  # the identifier-like entry before a password is the login's user name or e-mail address
            spans.append(Span(LOGIN_NAME, before.start(), before.end(), 1.0))
        spans.append(Span(SECRET, entry.start(), entry.end(), 1.0))
        # Deletions made between the separators around the entry were made in the same field.
        covered = [origin.event for origin in typed.origins[entry.start():entry.end()]]
        low = min(min(covered), typed.origins[entry.start() - 1].event + 1)
        if after is not None:
            high = max(max(covered), typed.origins[after.start() - 1].event - 1)
        else:  # the last entry: every later deletion too
            high = max([*covered, *deleted_events[-1:]])
        start, end = bisect_left(deleted_events, low), bisect_right(deleted_events, high)
        if start < end:
            deleted.append(Span(SECRET, start, end, 1.0))
    return spans, deleted


# A first entry after a focus move shorter than this is taken as an ordinary word, not a password.
_MIN_FOCUS_SECRET_CHARS = 6
_PLAIN_NUMBER = re.compile(r"\d{1,6}(?:[.,]\d{1,6}){0,2}")


def _grid_lines(text: str) -> frozenset[int]:
    """Indexes of the lines that are rows of a table typed with Tab and Enter: a line of three or
    more Tab-separated cells next to another such line. A login (user name, Tab, password) is one
    line of two entries, and stays apart."""
    rows = [line.count("\t") >= 2 for line in text.split("\n")]
    return frozenset(index for index, row in enumerate(rows)
                     if row and ((index and rows[index - 1]) or (index + 1 < len(rows) and rows[index + 1])))


def _plain_cell(cell: str) -> bool:
    """Shorter than any password a login takes (three characters: "Q1", "NY"), an ordinary word of
    letters (English, app, UI or chat word) or a number of up to six digits with `,` or `.` between
    them: what a table's header and figure cells hold, and no password's shape."""
    if len(cell) <= 3:
        return True
    if _PLAIN_NUMBER.fullmatch(cell):
        return sum(char.isdigit() for char in cell) <= 6
    return cell.isalpha() and is_ordinary_word(cell)


def _is_identifier(token: str) -> bool:
    return bool(_IDENTIFIER_CHARS.fullmatch(token) and _LETTER.search(token))


# Item kinds, one byte per character in a block's `kinds`: a word character, a newline, another.
_WORD_KIND, _NEWLINE_KIND, _OTHER_KIND = b"w"[0], b"n"[0], b"o"[0]
_WORD, _NONWORD, _NEWLINE = (_WORD_KIND,), (_NEWLINE_KIND, _OTHER_KIND), (_NEWLINE_KIND,)
# Characters per block after a split; a block splits when it grows past twice this.
_BLOCK = 512


def _kind(char: str) -> int:
    return _NEWLINE_KIND if char == "\n" else _WORD_KIND if _is_word(char) else _OTHER_KIND


class _Fenwick:
    """Prefix sums of per-block counts: add, prefix and search each in O(log blocks)."""

    def __init__(self, values: list[int]) -> None:
        self.tree = [0, *values]
        for index in range(1, len(self.tree)):
            parent = index + (index & -index)
            if parent < len(self.tree):
                self.tree[parent] += self.tree[index]
        self.total = sum(values)
        self.top = 1 << (len(values).bit_length() - 1) if values else 0

    def add(self, index: int, delta: int) -> None:
        self.total += delta
        index += 1
        while index < len(self.tree):
            self.tree[index] += delta
            index += index & -index

    def prefix(self, index: int) -> int:
        """The sum of the first `index` values."""
        total = 0
        while index > 0:
            total += self.tree[index]
            index -= index & -index
        return total

    def find(self, rank: int) -> int:
        """The index of the value holding unit `rank` (0-based): the first i with prefix(i + 1) > rank."""
        position, step = 0, self.top
        while step:
            if position + step < len(self.tree) and self.tree[position + step] <= rank:
                position += step
                rank -= self.tree[position]
            step >>= 1
        return position


class _Text:
    """The field's characters with their origins, in blocks of a few hundred, each with a byte per
    character giving its kind; Fenwick trees over the blocks' sizes and counts of word characters,
    other characters and newlines find a position, or the nearest newline or word edge on either
    side of it, in O(log n) steps plus a C-level scan of one block. So a cursor jump (Home, End,
    Control+Home, select all) costs what a local edit costs, whatever the text's length."""

    def __init__(self) -> None:
        self.blocks: list[list[tuple[str, Origin]]] = [[]]
        self.kinds: list[bytearray] = [bytearray()]
        self._index()

    def _index(self) -> None:
        self.sizes = _Fenwick([len(block) for block in self.blocks])
        self.counts = {kinds: _Fenwick([sum(block.count(kind) for kind in kinds) for block in self.kinds])
                       for kinds in (_WORD, _NONWORD, _NEWLINE)}

    def __len__(self) -> int:
        return self.sizes.total

    def items(self) -> list[tuple[str, Origin]]:
        return list(chain.from_iterable(self.blocks))

    def _locate(self, position: int) -> tuple[int, int]:
        """The block holding `position` and the offset in it (the end of the last block for the end)."""
        if position >= self.sizes.total:
            return len(self.blocks) - 1, len(self.blocks[-1])
        block = self.sizes.find(position)
        return block, position - self.sizes.prefix(block)

    def _count(self, block: int, kinds: bytes | bytearray, sign: int) -> None:
        words, newlines = kinds.count(_WORD_KIND), kinds.count(_NEWLINE_KIND)
        self.sizes.add(block, sign * len(kinds))
        for group, count in ((_WORD, words), (_NONWORD, len(kinds) - words), (_NEWLINE, newlines)):
            if count:
                self.counts[group].add(block, sign * count)

    def insert(self, position: int, items: list[tuple[str, Origin]]) -> None:
        block, offset = self._locate(position)
        kinds = bytes(_kind(char) for char, _ in items)
        self.blocks[block][offset:offset] = items
        self.kinds[block][offset:offset] = kinds
        if len(self.blocks[block]) <= 2 * _BLOCK:
            self._count(block, kinds, +1)
            return
        items_, kinds_ = self.blocks[block], self.kinds[block]
        cuts = range(0, len(items_), _BLOCK)
        self.blocks[block:block + 1] = [items_[cut:cut + _BLOCK] for cut in cuts]
        self.kinds[block:block + 1] = [kinds_[cut:cut + _BLOCK] for cut in cuts]
        self._index()

    def delete(self, start: int, end: int) -> list[tuple[str, Origin]]:
        """Remove and return the characters from `start` to `end`."""
        removed: list[tuple[str, Origin]] = []
        block, offset = self._locate(start)
        while len(removed) < end - start:
            take = min(end - start - len(removed), len(self.blocks[block]) - offset)
            removed += self.blocks[block][offset:offset + take]
            self._count(block, self.kinds[block][offset:offset + take], -1)
            del self.blocks[block][offset:offset + take]
            del self.kinds[block][offset:offset + take]
            block, offset = block + 1, 0
        if len(self.blocks) > 1 and not all(self.blocks):
            kept = [index for index, items in enumerate(self.blocks) if items] or [0]
            self.blocks = [self.blocks[index] for index in kept]
            self.kinds = [self.kinds[index] for index in kept]
            self._index()
        return removed

    def before(self, position: int, kinds: tuple[int, ...]) -> int:
        """The last position before `position` holding a character of these kinds, or -1."""
        if position <= 0:
            return -1
        block, offset = self._locate(position - 1)
        found = max(self.kinds[block].rfind(kind, 0, offset + 1) for kind in kinds)
        if found < 0:
            tree = self.counts[kinds]
            rank = tree.prefix(block)
            if not rank:
                return -1
            block = tree.find(rank - 1)
            found = max(self.kinds[block].rfind(kind) for kind in kinds)
        return self.sizes.prefix(block) + found

    def after(self, position: int, kinds: tuple[int, ...]) -> int:
        """The first position at or after `position` holding a character of these kinds, or the end."""
        if position >= self.sizes.total:
            return self.sizes.total
        block, offset = self._locate(position)
        found = [index for kind in kinds if (index := self.kinds[block].find(kind, offset)) >= 0]
        if not found:
            tree = self.counts[kinds]
            rank = tree.prefix(block + 1)
            if rank >= tree.total:
                return self.sizes.total
            block = tree.find(rank)
            found = [index for kind in kinds if (index := self.kinds[block].find(kind)) >= 0]
        return self.sizes.prefix(block) + min(found)


class _Field:
    """A text field: its characters (`_Text`), a cursor, and a selection from `anchor` to the
    cursor; moves only set the cursor, and an edit costs O(log n) plus the characters it adds or
    deletes."""

    def __init__(self) -> None:
        self.text = _Text()
        self.cursor = 0
        self.anchor: int | None = None
        self.deleted: list[tuple[Origin, str]] = []
        self.erasures: list[tuple[int, list[tuple[str, Origin]]]] = []

    def size(self) -> int:
        return len(self.text)

    def move_to(self, position: int) -> None:
        self.cursor = max(0, min(position, self.size()))

    def selection(self) -> tuple[int, int] | None:
        if self.anchor is None or self.anchor == self.cursor:
            return None
        return min(self.anchor, self.cursor), max(self.anchor, self.cursor)

    def delete_range(self, start: int, end: int) -> None:
        removed = self.text.delete(start, end)
        self.cursor = start
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
        self.text.insert(self.cursor, items)
        self.cursor += len(items)

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
        position, text = self.cursor, self.text
        if unit == "char":
            return max(0, min(self.size(), position + direction))
        if unit == "line":
            return text.before(position, _NEWLINE) + 1 if direction < 0 else text.after(position, _NEWLINE)
        if direction < 0:  # to the start of this or the previous word, on every platform
            return text.before(text.before(position, _WORD) + 1, _NONWORD) + 1
        if windows_words:  # past this word and the spaces after it: the start of the next word
            return text.after(text.after(position, _NONWORD), _WORD)
        return text.after(text.after(position, _WORD), _NONWORD)  # macOS: to the end of the word

    def vertical(self, direction: int) -> int:
        """The same column on the line above or below (clamped), or the start or end of the text."""
        line_start = self.text.before(self.cursor, _NEWLINE) + 1
        column = self.cursor - line_start
        if direction < 0:
            if line_start == 0:
                return 0
            above = self.text.before(line_start - 1, _NEWLINE) + 1
            return min(above + column, line_start - 1)
        line_end = self.text.after(self.cursor, _NEWLINE)
        if line_end == self.size():
            return line_end
        return min(line_end + 1 + column, self.text.after(line_end + 1, _NEWLINE))

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

    def emacs(self, event: KeyEvent) -> bool:
        """Control+key as a macOS text field reads it: line, character and line-to-line moves,
        character deletion and Control+K (delete to the line end, or the newline there); False
        for other bound keys, which edit or move unseen. Unbound keys do nothing."""
        key = event.key or ""
        if set(event.mods) != {"Control"}:
            return key.lower() in _EMACS_INERT_KEYS
        if key in _EMACS_MOVES:
            return self.navigate(_EMACS_MOVES[key], set())
        if key in _EMACS_ERASES:
            self.erase(_EMACS_ERASES[key], set())
            return True
        if key == "k":
            self.anchor = None
            line_end = self.text.after(self.cursor, _NEWLINE)
            self.delete_range(self.cursor, line_end if line_end > self.cursor else min(self.cursor + 1, self.size()))
            return True
        return key.lower() in _EMACS_INERT_KEYS


def _is_word(char: str) -> bool:
    """A letter, digit or `_`; or a masked key's placeholder (the only item longer than one code
    point), which reads as the word characters it stands for, so a word delete or word move in a
    sanitized stream spans what it spanned in the input, not the words before a masked one."""
    return char.isalnum() or char == "_" or len(char) > 1


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
    retyped: list[tuple[int, int, str]] = []
    for span in spans:
        covered = typed.origins[span.start:span.end]
        if not covered:
            continue
        for origin in covered:
            marks[origin] = span.entity_type
        first = min(origin.event for origin in covered)
        last = max(origin.event for origin in covered)
        retyped.append((bisect_left(deleted_events, first), bisect_right(deleted_events, last), span.entity_type))
    for index, entity_type in _painted(retyped, len(deleted_events)).items():
        marks[typed.deleted[index]] = entity_type
    return _apply_marks(events, marks)


def _painted(ranges: list[tuple[int, int, str]], size: int) -> dict[int, str]:
    """Each index under one of the ranges, with the type of the last range over it; every index is
    painted once (ranges taken last first, skipping painted runs), so overlapping ranges cost no
    more than their union."""
    after = list(range(size + 1))  # after[i]: an index at or past i that may be unpainted

    def unpainted(index: int) -> int:
        root = index
        while after[root] != root:
            root = after[root]
        while after[index] != root:
            after[index], index = root, after[index]
        return root

    painted: dict[int, str] = {}
    for start, end, entity_type in reversed(ranges):
        index = unpainted(start)
        while index < end:
            painted[index] = entity_type
            after[index] = index + 1
            index = unpainted(index + 1)
    return painted


def mask_shortcuts(events: tuple[KeyEvent, ...], spans: list[Span] | tuple[Span, ...]) -> tuple[KeyEvent, ...]:
    """Events with the shortcut keys under spans of `shortcut_text` replaced by their placeholder;
    the modifiers stay, so the event still reads as a shortcut."""
    origins = shortcut_text(events)[1]
    marks = {origin: span.entity_type for span in spans for origin in origins[span.start:span.end]
             if origin.event >= 0}
    return _apply_marks(events, marks) if marks else events


def mask_all_typing(events: tuple[KeyEvent, ...], entity_type: str) -> tuple[KeyEvent, ...]:
    """Every printable key and pasted character masked; shortcuts and navigation keys stay."""
    marks = {Origin(index, offset): entity_type for index, event in enumerate(events)
             for offset in (range(len(event.text or "")) if event.type == "paste" else (0,))
             if event.type == "paste" or typed_character(event) is not None}
    return _apply_marks(events, marks)


def _apply_marks(events: tuple[KeyEvent, ...], marks: dict[Origin, str]) -> tuple[KeyEvent, ...]:
    return tuple(_masked_event(index, event, marks) for index, event in enumerate(events))


def _masked_event(index: int, event: KeyEvent, marks: dict[Origin, str]) -> KeyEvent:
    if event.type == "paste":
        text = event.text or ""
        spans = [Span(marks[Origin(index, offset)], offset, offset + 1, 1.0)
                 for offset in range(len(text)) if Origin(index, offset) in marks]
        return dataclasses.replace(event, text=replace_spans(text, spans)) if spans else event
    # A typed or shortcut character; Enter and Tab inside a span stay (named keys, layout).
    if Origin(index) in marks and event.key is not None and event.key not in NAMED_KEYS:
        return dataclasses.replace(event, key=placeholder(marks[Origin(index)]))
    return event
