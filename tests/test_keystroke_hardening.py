"""Hostile and careless keystroke input: long edit streams, focus moves, platform guesses, key names,
shortcut keys and secure field names."""
from __future__ import annotations

import json
import pickle
import random

import pytest

from models import keystrokes
from models.config_files import ConfigFileError
from models.keystrokes import (
    LOGIN_NAME,
    SECRET,
    SHORTCUT_DIGITS,
    UNVERIFIED_TEXT,
    focus_secrets,
    load_named_keys,
    mask_events,
    mask_shortcuts,
    rebuild_typed_text,
    shortcut_digit_spans,
    shortcut_text,
    typed_text,
)
from models.parse import ParseError, parse_line
from models.records import Finding, KeyEvent, PreparedRecord, Span
from models.redaction import sanitize
from models.text_views import SHORTCUTS, text_fields
from tests.conftest import KEY, record


def typing(text: str) -> list[KeyEvent]:
    return [KeyEvent(i, {"\n": "Enter", "\t": "Tab"}.get(ch, ch)) for i, ch in enumerate(text)]


def key(name: str, *mods: str) -> KeyEvent:
    return KeyEvent(0, name, tuple(mods))


def raw_events(events) -> list[dict]:
    return [{"t": i, "type": e.type, **({"key": e.key} if e.key is not None else {}),
             **({"mods": list(e.mods)} if e.mods else {}), **({"text": e.text} if e.text is not None else {})}
            for i, e in enumerate(events)]


def sanitized(events, spans: dict[str, list[Span]] | None = None, policy=None, **fields) -> dict:
    """The sanitized record of a keystroke record with these events, given the detected spans."""
    parsed = parse_line(json.dumps(record("keystrokes", events=raw_events(events), **fields)).encode(), "in.jsonl")
    finding = Finding(PreparedRecord(parsed, text_fields(parsed)),
                      tuple((name, tuple(s)) for name, s in (spans or {}).items()))
    return json.loads(sanitize(finding, policy, KEY).json_line)


def kept_keys(doc: dict) -> str:
    """The one-character keys and pasted texts a sanitized record still carries."""
    return "".join(e.get("text") or (e["key"] if len(e.get("key", "")) == 1 else "") for e in doc["events"])


WINDOWS = (key("v", "Control"), KeyEvent(0, None, (), "paste", ""))  # Control+V pasting: Windows or Linux


# Item 1: cursor jumps cost what local edits cost, and a record is replayed once.

def test_when_home_and_end_alternate_over_long_lines_then_the_text_is_what_a_plain_string_gives():
    rng, events, text, cursor = random.Random(7), [*WINDOWS], "", 0
    for _ in range(6000):
        roll = rng.random()
        if roll < 0.2:
            events.append(key("Home"))
            cursor = text.rfind("\n", 0, cursor) + 1
        elif roll < 0.4:
            events.append(key("End"))
            cursor = len(text) if text.find("\n", cursor) < 0 else text.find("\n", cursor)
        elif roll < 0.45:
            events.append(key("Home", "Control"))
            cursor = 0
        else:
            char = rng.choice("ab1 .\n")
            events.append(key("Enter" if char == "\n" else char))
            text, cursor = text[:cursor] + char + text[cursor:], cursor + 1
    typed = rebuild_typed_text(tuple(events))
    assert typed.complete and typed.text == text


def test_when_text_views_and_redaction_read_a_stream_then_it_is_replayed_once(policy, monkeypatch):
    replays = []
    replay = keystrokes._replay
    monkeypatch.setattr(keystrokes, "_replay", lambda events, platform: replays.append(platform) or
                        replay(events, platform))
    sanitized(typing("call 555 0100 now"), policy=policy)
    assert replays == ["windows"]


def test_when_a_stream_comes_back_serialized_then_its_rebuild_is_reused_and_another_is_not_taken(monkeypatch):
    replays = []
    replay = keystrokes._replay
    monkeypatch.setattr(keystrokes, "_replay", lambda events, platform: replays.append(platform) or
                        replay(events, platform))
    events = tuple(typing("meet at 10 tomorrow"))
    first = typed_text(events)
    assert typed_text(pickle.loads(pickle.dumps(events))) is first and len(replays) == 1
    other = typed_text((*events[:-1], key("X")))
    assert other.text.endswith("X") and len(replays) == 2


def test_when_many_streams_are_rebuilt_then_the_kept_rebuilds_stay_bounded(monkeypatch):
    monkeypatch.setattr(keystrokes, "_CACHE_RECORDS", 3)
    streams = [tuple(typing(f"stream {n}")) for n in range(10)]
    for events in streams:
        assert typed_text(events).text == "".join(e.key for e in events)
    assert len(keystrokes._cache) == 3 and typed_text(streams[-1]) is typed_text(streams[-1])


# Item 2: Tab and Enter may move focus from a user name to a password field.

@pytest.mark.parametrize("text, masked", [
    ("alice@example.com\tHunter2!xyz\n", "Hunter2!xyz"),
    ("dwhitaker\nS3cr3t-pass\n", "S3cr3t-pass"),
    ("jdoe\t\tcorrecthorse\t123456", "correcthorse\t123456"),
])
def test_when_a_lone_token_follows_an_identifier_across_tab_or_enter_then_it_is_a_secret(text, masked):
    typed = rebuild_typed_text(tuple(typing(text)))
    spans = [span for span in focus_secrets(typed)[0] if span.entity_type == SECRET]
    start = text.index(masked.split("\t")[0])
    assert spans and spans[0].start == start and spans[-1].end == start + len(masked)
    names = [text[span.start:span.end] for span in focus_secrets(typed)[0] if span.entity_type == LOGIN_NAME]
    assert names[0] == text.split("\t")[0].split("\n")[0]  # the login's user name before it


@pytest.mark.parametrize("text, masked", [
    ("\tTr0ub4dor&3xq\n", "Tr0ub4dor&3xq"),    # the user name was typed in an earlier record
    ("\ncorrecthorse", "correcthorse"),
])
def test_when_a_record_begins_with_a_focus_move_then_a_password_length_token_is_a_secret(text, masked):
    spans = focus_secrets(rebuild_typed_text(tuple(typing(text))))[0]
    assert [(span.start, span.end) for span in spans] == [(text.index(masked), text.index(masked) + len(masked))]


@pytest.mark.parametrize("text", [
    "\tpass",                                # a short word after a leading Tab
    "\tif ok:",                              # an indented line of code
    "Notes\tcall the team at noon",           # several words after Tab
    "def f():\n\treturn x\n\tpass",           # code: an indenting Tab, lines with spaces or colons
    "x = 1\t# one\ny = 2",
    "Hello team,\nthe build is green",
    "ok",
])
def test_when_text_after_tab_or_enter_is_ordinary_then_no_entry_is_taken_for_a_secret(text):
    assert focus_secrets(rebuild_typed_text(tuple(typing(text)))) == ([], [])


def test_when_a_password_follows_an_email_in_an_email_field_then_none_of_it_survives(policy):
    events = [*typing("alice@example.com\tHuntxx"), key("Backspace"), key("Backspace"), *typing("er2!xyz\n")]
    doc = sanitized(events, policy=policy, field="email")
    assert kept_keys(doc) == ""  # no detection asked for here: the address is masked as the login's name
    assert sum(e.get("key") == f"<{LOGIN_NAME}>" for e in doc["events"]) == len("alice@example.com")
    assert sum(e.get("key") == f"<{SECRET}>" for e in doc["events"]) == len("Hunter2!xyz") + 2
    assert [e.get("key") for e in doc["events"]].count("Tab") == 1


# Item 3: secure field names in camelCase.

@pytest.mark.parametrize("field", ["newPassword", "confirmPassword", "userPIN", "otpCode", "ccNumber", "cvc2",
                                   "my2faCode", "current-password"])
def test_when_a_field_name_holds_a_secure_word_in_any_casing_then_it_is_secure(policy, field):
    assert policy.keystrokes.is_secure_field(field)
    doc = sanitized(typing("tr0ub4dor"), policy=policy, field=field)
    assert kept_keys(doc) == ""


@pytest.mark.parametrize("field", ["text", "email", "search", "spinner", "opinion", "username"])
def test_when_a_field_name_holds_no_secure_word_then_it_is_not_secure(policy, field):
    assert not policy.keystrokes.is_secure_field(field)


# Item 4: a Control binding that means different edits on Windows and macOS.

def test_when_the_platform_is_unknown_and_control_a_is_followed_by_typing_then_the_stream_is_unverified():
    events = (*typing("4187"), key("a", "Control"), *typing("ssn 536-22-"))
    typed = rebuild_typed_text(events)
    assert not typed.complete
    masked = mask_events(events, typed, [])
    assert all(e.key == f"<{UNVERIFIED_TEXT}>" for e in masked if e.key != "a")


def test_when_the_platform_is_unknown_and_both_readings_agree_then_the_stream_is_kept():
    assert rebuild_typed_text((*typing("see you at 5"), key("a", "Control"), key("c", "Control"))).complete
    assert rebuild_typed_text((*typing("draft"), key("s", "Control"), *typing(" v2"))).complete


def test_when_control_v_pastes_then_the_stream_is_read_as_windows():
    typed = rebuild_typed_text((*WINDOWS, *typing("4187"), key("a", "Control"), *typing("ok")))
    assert typed.complete and typed.text == "ok" and typed.deleted_text == "4187"


def test_when_an_unknown_platform_stream_reaches_the_sink_then_no_digit_of_the_number_survives(policy):
    doc = sanitized((*typing("4187"), key("a", "Control"), *typing("my ssn is 536-22-")), policy=policy)
    assert not any(ch.isdigit() for ch in kept_keys(doc))


# Item 5: key names from the W3C list only, and shortcut keys scanned.

@pytest.mark.parametrize("name, accepted", [("ArrowLeft", True), ("Unidentified", True), ("Dead", True),
                                            ("F13", True), ("Soft1", True), ("JohnSmith", False),
                                            ("Password", False), ("F99", False)])
def test_when_a_key_is_not_a_character_or_a_w3c_name_then_its_line_is_quarantined(name, accepted):
    line = json.dumps(record("keystrokes", events=[{"t": 0, "key": name}])).encode()
    if accepted:
        assert parse_line(line, "in.jsonl").events[0].key == name
    else:
        with pytest.raises(ParseError) as error:
            parse_line(line, "in.jsonl")
        assert error.value.reason == "bad_field:events"


def test_when_the_key_list_is_malformed_then_loading_names_the_file_and_line(tmp_path):
    bad = tmp_path / "keys.txt"
    bad.write_text("# names\nArrowLeft\nJohn Smith\n", encoding="utf-8")
    with pytest.raises(ConfigFileError, match=r"keys\.txt:3"):
        load_named_keys(bad)
    bad.write_text("ArrowLeft\n", encoding="utf-8")
    with pytest.raises(ConfigFileError, match=r"keys\.txt: lacks"):
        load_named_keys(bad)
    assert "Enter" in load_named_keys()


def test_when_shortcut_keys_spell_text_then_it_is_a_text_view_of_its_own():
    events = (*typing("hi "), *(key(ch, "Control") for ch in "John"), key("Control", "Control"),
              *typing("x"), key("c", "Meta"), key("T", "Meta", "Shift"), key("ArrowLeft", "Control"))
    text, origins = shortcut_text(events)
    assert text == "John\ncT" and [o.event for o in origins] == [3, 4, 5, 6, -1, 9, 10]
    parsed = parse_line(json.dumps(record("keystrokes", events=raw_events(events))).encode(), "in.jsonl")
    assert dict((f.name, f.text) for f in text_fields(parsed))[SHORTCUTS] == "John\ncT"


def test_when_a_span_covers_shortcut_keys_then_only_those_keys_are_masked():
    events = (key("c", "Control"), *(key(ch, "Control") for ch in "jane@x.io"), key("v", "Control"))
    masked = mask_shortcuts(events, [Span("EMAIL_ADDRESS", 1, 10, 1.0)])
    assert [e.key for e in masked] == ["c", *["<EMAIL_ADDRESS>"] * 9, "v"]
    assert all(e.mods == ("Control",) for e in masked)


def test_when_three_or_more_digit_shortcuts_run_then_they_are_masked_and_ordinary_shortcuts_stay(policy):
    events = (*WINDOWS, key("1", "Control"), key("2", "Control"), *typing("ok"), key("4", "Control"),
              key("1", "Control"), key("5", "Control"), key("9", "Control"), key("c", "Control"),
              key("T", "Control", "Shift"))
    shortcuts = shortcut_text(events)[0]
    assert shortcut_digit_spans(shortcuts) == [Span(SHORTCUT_DIGITS, shortcuts.index("4159"), shortcuts.index("c"), 1.0)]
    doc = sanitized(events, policy=policy)
    assert [e.get("key") for e in doc["events"][2:]] == ["1", "2", "o", "k", *[f"<{SHORTCUT_DIGITS}>"] * 4, "c", "T"]


def test_when_detection_finds_a_name_in_shortcut_keys_then_the_sink_gets_placeholders(policy):
    events = (*typing("hi "), *(key(ch, "Control") for ch in "John"))
    doc = sanitized(events, {SHORTCUTS: [Span("PERSON", 0, 4, 0.85)]}, policy=policy)
    assert [e["key"] for e in doc["events"][3:]] == ["<PERSON>"] * 4
