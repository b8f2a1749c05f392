"""parse_line: valid records of each kind, and a reason code for every kind of bad line."""
from __future__ import annotations

import json

import pytest

from models.parse import ParseError, parse_line
from models.records import KeyEvent, Segment
from tests.conftest import keystrokes, record, transcript


def line(obj) -> bytes:
    return json.dumps(obj).encode()


def test_when_keystrokes_are_valid_then_events_are_typed():
    parsed = parse_line(line(record("keystrokes", events=[
        {"t": 0, "key": "a"}, {"t": 5, "key": "c", "mods": ["Control"]},
        {"t": 9, "type": "paste", "text": "hi"}])), "in.jsonl")
    assert parsed.events == (KeyEvent(0, "a"), KeyEvent(5, "c", ("Control",)),
                             KeyEvent(9, None, (), "paste", "hi"))


def test_when_transcript_is_valid_then_segments_are_typed():
    parsed = parse_line(line(transcript("hello")), "in.jsonl")
    assert parsed.segments == (Segment("person 0", 0.0, 1.0, "hello"),)
    assert parsed.source == "chat"


def test_when_keys_are_named_or_single_graphemes_then_they_are_accepted():
    events = [{"t": 0, "key": k} for k in ("ArrowLeft", "F5", "AudioVolumeUp", "é", "😀", " ")]
    assert len(parse_line(line(record("keystrokes", events=events)), "in.jsonl").events) == 6


def test_when_fields_are_not_in_contract_then_they_are_dropped():
    parsed = parse_line(line(keystrokes("x", clipboard_history=["secret"])), "in.jsonl")
    assert not hasattr(parsed, "clipboard_history")


@pytest.mark.parametrize("uri, expected", [
    ("shots/a.png", "gs://bucket/day/shots/a.png"),
    ("/abs/a.png", "/abs/a.png"),
    ("s3://other/a.png", "s3://other/a.png"),
])
def test_when_image_uri_is_relative_then_it_resolves_against_the_input_file(uri, expected):
    parsed = parse_line(line(record("screenshot", image_uri=uri)), "gs://bucket/day/records.jsonl")
    assert parsed.image_uri == expected


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty_line"),
    (b"\xff\xfe{}", "bad_encoding"),
    (b'{"record_id": "x",', "malformed_json"),
    (b"[1, 2]", "not_an_object"),
    (line({"record_id": "x"}), "missing_field:kind"),
    (line(record("clipboard")), "unknown_kind"),
    (line({k: v for k, v in keystrokes("a").items() if k != "ts"}), "missing_field:ts"),
    (line(keystrokes("a", ts="yesterday")), "bad_field:ts"),
    (line(record("keystrokes")), "missing_field:events"),
    (line(record("transcript")), "missing_field:segments"),
    (line(record("screenshot")), "missing_field:image_b64"),
    (line(record("keystrokes", events=[{"t": "soon", "key": "a"}])), "bad_field:events"),
    (line({**keystrokes("a"), "user_id": 42}), "bad_field:user_id"),
    (line(keystrokes("a", ts="2026-06-09")), "bad_field:ts"),
    (b'{"record_id": "x", "kind": "transcript", "user_id": "u", "ts": "2026-06-09T09:00:00Z", '
     b'"segments": [{"speaker": "a", "start": NaN, "end": 1, "text": "hi"}]}', "malformed_json"),
    (line(keystrokes("a", record_id="jane.doe@example.com")), "bad_field:record_id"),
    (line(transcript("hi", source="Jane Doe's phone")), "bad_field:source"),
    (line(record("keystrokes", events=[{"t": 0, "key": "a", "type": "keyup"}])), "bad_field:events"),
    (line(record("keystrokes", events=[{"t": 0, "key": "a", "text": "jane@x.io"}])), "bad_field:events"),
    (line(record("keystrokes", events=[{"t": 0, "key": "jane.doe@example.com"}])), "bad_field:events"),
    (line(record("keystrokes", events=[{"t": 0, "type": "paste", "key": "v", "text": "x"}])), "bad_field:events"),
    (line(record("keystrokes", events=[{"t": 0, "key": "a", "mods": ["jane"]}])), "bad_field:events"),
    (line(record("keystrokes", events=[{"t": -5, "key": "a"}])), "bad_field:events"),
    (line(transcript("hi") | {"segments": [{"speaker": "a", "start": 2.0, "end": 1.0, "text": "hi"}]}),
     "bad_field:segments"),
])
def test_when_line_is_unusable_then_reason_is_named(raw, reason):
    with pytest.raises(ParseError) as error:
        parse_line(raw, "in.jsonl")
    assert error.value.reason == reason


def test_when_a_field_is_bad_then_the_error_does_not_quote_it():
    with pytest.raises(ParseError) as error:
        parse_line(line(record("keystrokes", events=[{"t": "jane.doe@example.com"}])), "in.jsonl")
    assert "jane" not in str(error.value) and error.value.__cause__ is None
    assert error.value.kind == "keystrokes"


@pytest.mark.parametrize("obj", [
    record("keystrokes", events=[{"t": 0, "key": "\ud800", "mods": ["Control"]}]),
    transcript("fine", app="Sl\udfffck"),
    {**transcript("fine"), "unknown_field": {"nested": ["\udc00"]}},
    {**transcript("fine"), "\ud83d": "a key"},
])
def test_when_a_string_holds_a_lone_surrogate_then_the_line_is_quarantined_as_bad_encoding(obj):
    with pytest.raises(ParseError) as error:
        parse_line(json.dumps(obj).encode(), "in.jsonl")  # json.dumps escapes it as \udxxx, as an agent would
    assert error.value.reason == "bad_encoding" and error.value.kind == obj["kind"]


def test_when_surrogates_pair_up_or_escapes_only_look_alike_then_the_line_parses():
    escaped = json.dumps(record("keystrokes", events=[{"t": 0, "key": "😀"}, {"t": 1, "key": "\\"}],
                                app="C:\\ud800 folder"))
    assert "\\ud83d\\ude00" in escaped and "\\\\ud800" in escaped
    parsed = parse_line(escaped.encode(), "in.jsonl")
    assert parsed.events[0].key == "😀" and parsed.app == "C:\\ud800 folder"
