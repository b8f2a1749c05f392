"""evaluation.category_aalto: the typed text of a stream and the Aalto streams as keystroke records."""
from __future__ import annotations

from evaluation.category_aalto import records, typed


def test_the_typed_text_of_a_stream_keeps_its_corrections():
    keys = ["h", "e", "l", "p", "Backspace", "l", "o"]
    assert typed({"events": [{"t": n + 1, "key": key, "type": "keydown"} for n, key in enumerate(keys)]}) == "hello"


def test_every_stream_is_a_keystroke_record_of_its_own():
    built = records()
    assert len(built) > 100
    assert {raw["kind"] for raw in built} == {"keystrokes"}
    assert len({raw["record_id"] for raw in built}) == len(built)
