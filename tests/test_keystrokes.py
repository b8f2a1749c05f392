"""Typed-text rebuild from key events and the masking of spans back onto the events."""
from __future__ import annotations

from models.keystrokes import UNVERIFIED_TEXT, mask_events, rebuild_typed_text, typed_character
from models.records import KeyEvent, Span


def typing(text: str, start: int = 0) -> list[KeyEvent]:
    return [KeyEvent(start + i, "Enter" if ch == "\n" else ch) for i, ch in enumerate(text)]


def key(name: str, *mods: str) -> KeyEvent:
    return KeyEvent(0, name, tuple(mods))


# Control+V and the paste it made: a Windows or Linux stream, whose Control+letters are commands.
WINDOWS = (key("v", "Control"), KeyEvent(0, None, (), "paste", ""))


def printable_keys(events) -> str:
    """What the events type into the field, placeholders aside."""
    return "".join(c for e in events if (c := typed_character(e)) and not c.startswith("<") and c != "\n")


def test_when_typing_with_backspace_and_enter_then_text_is_the_final_field():
    typed = rebuild_typed_text((*typing("helo"), key("Backspace"), *typing("lo\nok")))
    assert typed.text == "hello\nok" and typed.complete
    assert [o.event for o in typed.deleted] == [3]


def test_when_cursor_moves_back_then_insertion_lands_there():
    events = (*typing("555-123"), key("ArrowLeft"), key("ArrowLeft"), key("ArrowLeft"), *typing("9"),
              key("End"), *typing("4"))
    assert rebuild_typed_text(events).text == "555-9123" + "4"


def test_when_home_and_delete_then_first_character_is_removed():
    events = (*typing("xab"), key("Home"), key("Delete"))
    assert rebuild_typed_text(events).text == "ab"


def test_when_paste_then_its_characters_map_to_offsets_in_the_paste():
    events = (*typing("key="), KeyEvent(5, None, (), "paste", "abc"))
    typed = rebuild_typed_text(events)
    assert typed.text == "key=abc"
    assert [(o.event, o.offset) for o in typed.origins[4:]] == [(4, 0), (4, 1), (4, 2)]


def test_when_shortcut_is_pressed_then_no_text_is_typed_and_stream_stays_complete():
    typed = rebuild_typed_text((*typing("ab"), key("c", "Control"), key("s", "Control")))
    assert typed.text == "ab" and typed.complete
    assert rebuild_typed_text((*typing("ab"), key("c", "Meta"), key("s", "Meta"))).complete


def test_when_a_macos_stream_uses_control_letters_then_they_are_emacs_edits_and_incomplete():
    assert not rebuild_typed_text((*typing("4187"), key("a", "Control"), *typing("ssn "), key("s", "Meta"))).complete


def test_when_a_named_edit_key_is_pressed_then_the_rebuild_is_incomplete():
    assert not rebuild_typed_text((*typing("536-22-abc"), key("Undo"), *typing("4187"))).complete
    assert not rebuild_typed_text((*typing("ab"), key("Insert"))).complete
    assert rebuild_typed_text((*typing("ab"), key("Escape"), key("F5"), key("CapsLock"))).complete


def test_when_a_key_has_several_code_points_then_offsets_stay_aligned():
    events = (key("👍🏽"), *typing(" ssn 536-22-4187"))
    typed = rebuild_typed_text(events)
    start = typed.text.index("536")
    masked = mask_events(events, typed, [Span("US_SSN", start, start + 11, 0.85)])
    assert printable_keys(masked) == "👍🏽 ssn "


def test_when_all_is_selected_and_typed_over_then_the_old_text_is_deleted():
    typed = rebuild_typed_text((*WINDOWS, *typing("secret"), key("a", "Control"), *typing("ok")))
    assert typed.text == "ok" and typed.deleted_text == "secret" and typed.complete


def test_when_shift_arrows_select_then_backspace_deletes_the_selection():
    events = (*typing("hello world"), key("ArrowLeft", "Shift"), key("ArrowLeft", "Shift"), key("Backspace"))
    assert rebuild_typed_text(events).text == "hello wor"


def test_when_word_modifiers_delete_and_move_then_words_go():
    assert rebuild_typed_text((*typing("call 555 0100"), key("Backspace", "Control"))).text == "call 555 "
    assert rebuild_typed_text((*typing("one two"), key("ArrowLeft", "Alt"), *typing("x"))).text == "one xtwo"
    assert rebuild_typed_text((*typing("a b"), key("Home"), key("ArrowRight", "Control"), *typing("!"))).text \
        == "a !b"
    assert rebuild_typed_text((*typing("a b"), key("Home"), key("ArrowRight", "Alt"), *typing("!"))).text == "a! b"


def test_when_arrow_up_and_down_move_between_lines_then_the_column_is_kept():
    events = (*typing("abc\nde"), key("ArrowUp"), *typing("X"), key("ArrowDown"), *typing("Y"))
    assert rebuild_typed_text(events).text == "abXc\ndeY"


def test_when_an_edit_cannot_be_followed_then_the_rebuild_is_incomplete():
    assert not rebuild_typed_text((*typing("ab"), key("z", "Control"))).complete
    assert not rebuild_typed_text((*typing("ab"), key("v", "Meta"), *typing("c"))).complete  # paste not captured
    assert rebuild_typed_text((*typing("ab"), key("v", "Meta"), KeyEvent(5, None, (), "paste", "c"))).complete
    assert not rebuild_typed_text((*typing("ab"), key("PageUp"))).complete


def test_when_span_is_masked_then_no_character_of_it_survives_in_any_event():
    events = (*typing("ssn 536-22-41"), KeyEvent(20, "9"), key("Backspace"), *typing("87 ok", 30))
    typed = rebuild_typed_text(events)
    start = typed.text.index("536")
    masked = mask_events(events, typed, [Span("US_SSN", start, start + 11, 0.9)])
    assert printable_keys(masked) == "ssn  ok"
    assert sum(e.key == "<US_SSN>" for e in masked) == 12  # eleven kept characters and the typo
    assert [e.t for e in masked] == [e.t for e in events]  # timing and event count survive
    assert any(e.key == "Backspace" for e in masked)


def test_when_span_covers_part_of_a_paste_then_only_that_part_is_replaced():
    events = (*typing("token "), KeyEvent(9, None, (), "paste", "sk-abc and more"))
    typed = rebuild_typed_text(events)
    masked = mask_events(events, typed, [Span("API_KEY", 6, 12, 0.9)])
    assert masked[-1].text == "<API_KEY> and more"


def test_when_stream_is_incomplete_then_every_printable_key_and_paste_is_masked():
    events = (*typing("ab"), key("z", "Control"), *typing("cd"), KeyEvent(9, None, (), "paste", "xyz"))
    masked = mask_events(events, rebuild_typed_text(events), [])
    assert printable_keys(masked) == ""
    assert masked[2] == events[2]  # the shortcut itself is the training signal
    assert masked[-1].text == f"<{UNVERIFIED_TEXT}>"


def test_when_altgr_types_a_character_then_it_is_text_not_a_shortcut():
    events = (*typing("jane"), key("@", "Control", "Alt"), *typing("x.io"), key("q", "AltGraph"))
    assert rebuild_typed_text(events).text == "jane@x.ioq"


def test_when_a_shortcut_is_not_known_to_be_harmless_then_the_rebuild_is_incomplete():
    assert rebuild_typed_text((*typing("ab"), key("c", "Control"), key("s", "Control"))).complete
    assert not rebuild_typed_text((*typing("ab"), key("b", "Control"), *typing("."))).complete
    assert not rebuild_typed_text((*typing("ab"), key("e", "Control"))).complete


def test_when_text_is_typed_and_deleted_then_deleted_spans_mask_its_keys():
    events = (*typing("ssn 123-45-6789"), *[key("Backspace")] * 15, *typing("hello team"))
    typed = rebuild_typed_text(events)
    assert typed.text == "hello team" and typed.deleted_text == "ssn 123-45-6789"
    start = typed.deleted_text.index("123")
    masked = mask_events(events, typed, [], [Span("US_SSN", start, start + 11, 0.85)])
    assert printable_keys(masked) == "ssn hello team"


def test_when_text_typed_out_of_order_is_deleted_then_the_erased_view_reads_it_as_it_stood():
    events = (*WINDOWS, *typing("4187"), key("Home"), *typing("ssn 536-22-"), key("a", "Control"), key("Backspace"))
    typed = rebuild_typed_text(events)
    assert typed.text == "" and typed.erased_text == "ssn 536-22-4187"
    start = typed.erased_text.index("536")
    masked = mask_events(events, typed, [], erased_spans=[Span("US_SSN", start, start + 11, 0.85)])
    assert printable_keys(masked) == "ssn "


def test_when_a_tool_writes_the_base_letter_with_shift_then_the_capital_is_typed():
    events = (key("j", "Shift"), *typing("ane "), key("d", "Shift"), *typing("oe"), key("ß", "Shift"))
    assert rebuild_typed_text(events).text == "Jane Doeß"


def test_when_a_w3c_key_already_holds_the_shifted_character_then_shift_changes_nothing():
    events = (key("J", "Shift"), key("@", "Shift"), key("7", "Shift"), key("é"))
    assert rebuild_typed_text(events).text == "J@7é"
