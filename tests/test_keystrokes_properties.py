"""Property tests: the gap-buffer rebuild against a plain-string text field, and masking invariants."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from models import keystrokes
from models.keystrokes import mask_events, rebuild_typed_text
from models.records import KeyEvent, Span


class ReferenceField:
    """A text field as a string, a cursor and an anchor: slow, obvious, and written apart from the model."""

    def __init__(self) -> None:
        self.text, self.cursor, self.anchor = "", 0, None

    def selection(self):
        if self.anchor is None or self.anchor == self.cursor:
            return None
        return min(self.anchor, self.cursor), max(self.anchor, self.cursor)

    def cut(self, start, end):
        self.text, self.cursor, self.anchor = self.text[:start] + self.text[end:], start, None

    def delete_selection(self):
        selected, self.anchor = self.selection(), None
        if selected:
            self.cut(*selected)
        return selected is not None

    def insert(self, chars):
        self.delete_selection()
        self.text = self.text[:self.cursor] + chars + self.text[self.cursor:]
        self.cursor += len(chars)

    def line_start(self, p):
        return self.text.rfind("\n", 0, p) + 1

    def line_end(self, p):
        end = self.text.find("\n", p)
        return len(self.text) if end < 0 else end

    def word_left(self, p):
        return len(re.sub(r"\w*\W*$", "", self.text[:p]))

    def word_right(self, p, windows):
        rest = self.text[p:]
        match = re.match(r"\w*\W*" if windows else r"\W*\w*", rest)
        return p + match.end()

    def away(self, direction, mods):
        p = self.cursor
        if "Meta" in mods:
            return self.line_start(p) if direction < 0 else self.line_end(p)
        if mods & {"Control", "Alt"}:
            return self.word_left(p) if direction < 0 else self.word_right(p, "Control" in mods)
        return max(0, min(len(self.text), p + direction))

    def apply(self, event: KeyEvent) -> None:
        mods = set(event.mods)
        if event.type == "paste":
            self.insert(event.text)
        elif mods & {"Control", "Meta"} and event.key in ("a", "x", "v"):
            if event.key == "v":
                pass  # the paste that follows carries the text
            elif event.key == "a":
                self.anchor, self.cursor = 0, len(self.text)
            else:
                self.delete_selection()
        elif event.key in ("Backspace", "Delete"):
            if not self.delete_selection():
                end = self.away(-1 if event.key == "Backspace" else +1, mods)
                self.cut(min(end, self.cursor), max(end, self.cursor))
        elif event.key in ("ArrowLeft", "ArrowRight", "Home", "End", "ArrowUp", "ArrowDown"):
            self.navigate(event.key, mods)
        else:
            self.insert("\n" if event.key == "Enter" else event.key)

    def navigate(self, key, mods):
        selected = self.selection()
        if selected and "Shift" not in mods and key in ("ArrowLeft", "ArrowRight") and not mods - {"Shift"}:
            self.cursor, self.anchor = (selected[0] if key == "ArrowLeft" else selected[1]), None
            return
        if "Shift" in mods:
            self.anchor = self.cursor if self.anchor is None else self.anchor
        else:
            self.anchor = None
        p = self.cursor
        if key == "Home":
            self.cursor = 0 if mods & {"Control", "Meta"} else self.line_start(p)
        elif key == "End":
            self.cursor = len(self.text) if mods & {"Control", "Meta"} else self.line_end(p)
        elif key in ("ArrowUp", "ArrowDown"):
            self.cursor = self.vertical(p, -1 if key == "ArrowUp" else +1, mods)
        else:
            self.cursor = self.away(-1 if key == "ArrowLeft" else +1, mods)

    def vertical(self, p, direction, mods):
        if "Meta" in mods:
            return 0 if direction < 0 else len(self.text)
        start, column = self.line_start(p), p - self.line_start(p)
        if direction < 0:
            return 0 if start == 0 else min(self.line_start(start - 1) + column, start - 1)
        end = self.line_end(p)
        return end if end == len(self.text) else min(end + 1 + column, self.line_end(end + 1))


PRINTABLE = st.sampled_from(list("abc xyz019@.-_"))
MODS = st.sets(st.sampled_from(["Shift", "Control", "Alt", "Meta"]), max_size=2).map(tuple)


# Control+V and the paste it made: how Windows and Linux paste, so the stream is read as theirs.
WINDOWS_PASTE = [KeyEvent(0, "v", ("Control",)), KeyEvent(0, None, (), "paste", "")]


def one_platform(events):
    """A stream is typed on one platform: with Meta in use (macOS), Control+letter is not a Windows
    command; without it, a Control+V paste shows the platform is Windows or Linux."""
    if not any("Meta" in e.mods for e in events):
        return WINDOWS_PASTE + events if any("Control" in e.mods for e in events) else events
    mac = {"a": "Meta", "x": "Meta"}  # select all and cut; every other Control edit is Alt on macOS
    return [KeyEvent(e.t, e.key, tuple(sorted({mac.get(e.key, "Alt") if m == "Control" else m for m in e.mods})),
                     e.type, e.text) for e in events]


EDIT = st.one_of(
    PRINTABLE.map(lambda ch: KeyEvent(0, ch)),
    st.just(KeyEvent(0, "Enter")),
    st.builds(lambda k, m: KeyEvent(0, k, tuple(x for x in m if x != "Shift")),
              st.sampled_from(["Backspace", "Delete"]), MODS),
    st.builds(lambda k, m: KeyEvent(0, k, m), st.sampled_from(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown",
                                                                "Home", "End"]), MODS),
    st.sampled_from(["a", "x"]).map(lambda k: KeyEvent(0, k, ("Control",))),
    st.text(alphabet="ab1 @.", min_size=1, max_size=5).map(lambda t: KeyEvent(0, None, (), "paste", t)),
)
# Character-level edits only: placeholders change neither lengths nor positions under these.
SIMPLE_EDIT = st.one_of(
    PRINTABLE.map(lambda ch: KeyEvent(0, ch)),
    st.just(KeyEvent(0, "Enter")),
    st.sampled_from(["Backspace", "Delete", "ArrowLeft", "ArrowRight", "Home", "End"]).map(lambda k: KeyEvent(0, k)),
    st.sampled_from(["ArrowLeft", "ArrowRight"]).map(lambda k: KeyEvent(0, k, ("Shift",))),
)


def timed(events):
    return tuple(KeyEvent(i * 10, e.key, e.mods, e.type, e.text) for i, e in enumerate(events))


def produced(events, origin) -> str:
    event = events[origin.event]
    return event.text[origin.offset] if event.type == "paste" else ("\n" if event.key == "Enter" else event.key)


@settings(max_examples=300, deadline=None)
@given(st.lists(EDIT, max_size=60).map(one_platform).map(timed))
def test_rebuild_matches_the_reference_field_and_every_character_has_its_origin(events):
    check_against_reference(events)


@settings(max_examples=300, deadline=None)
@given(st.lists(EDIT, max_size=60).map(one_platform).map(timed))
def test_rebuild_over_tiny_blocks_matches_the_reference_field(events):
    """The same with the text split into many blocks, so moves, searches and deletions cross them."""
    block = keystrokes._BLOCK
    keystrokes._BLOCK = 1
    try:
        check_against_reference(events)
    finally:
        keystrokes._BLOCK = block


def check_against_reference(events):
    reference = ReferenceField()
    for event in events:
        reference.apply(event)
    typed = rebuild_typed_text(events)
    assert typed.complete and typed.text == reference.text
    assert [produced(events, o) for o in typed.origins] == list(typed.text)
    assert [produced(events, o) for o in typed.deleted] == list(typed.deleted_text)
    assert [produced(events, o) if o.event >= 0 else "\n" for o in typed.erased] == list(typed.erased_text)
    assert sorted((o.event, o.offset) for o in typed.erased if o.event >= 0) == \
        sorted((o.event, o.offset) for o in typed.deleted)
    inserted = sum(len(e.text) if e.type == "paste" else e.key not in (
        "Backspace", "Delete", "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End") and not e.mods
        for e in events)
    assert len(typed.text) + len(typed.deleted_text) == inserted


@settings(max_examples=300, deadline=None)
@given(st.lists(SIMPLE_EDIT, min_size=1, max_size=60).map(timed), st.data())
def test_masked_events_replay_to_the_text_with_the_span_replaced_and_hide_its_characters(events, data):
    typed = rebuild_typed_text(events)
    if not typed.text:
        return
    start = data.draw(st.integers(0, len(typed.text) - 1))
    end = data.draw(st.integers(start + 1, len(typed.text)))
    masked = mask_events(events, typed, [Span("SECRET", start, end, 1.0)])
    replayed = re.sub(r"(<SECRET>)+", "<SECRET>", "".join(
        produced(masked, origin) for origin in rebuild_typed_text(masked).origins))
    # Enter and Tab inside a span stay: they are layout, not content.
    expected = re.sub(r"(<SECRET>)+", "<SECRET>", "".join(
        "<SECRET>" if start <= i < end and ch not in "\n\t" else ch for i, ch in enumerate(typed.text)))
    assert replayed == expected
    for origin in typed.origins[start:end]:
        assert masked[origin.event].key in ("<SECRET>", "Enter")


def test_a_long_stream_rebuilds_in_one_pass():
    events = timed([KeyEvent(0, ch) for ch in "x" * 20000] + [KeyEvent(0, "Home")] * 3
                   + [KeyEvent(0, "y")] * 20000 + [KeyEvent(0, "Backspace")] * 100)
    typed = rebuild_typed_text(events)
    assert len(typed.text) == 39900 and len(typed.deleted) == 100
