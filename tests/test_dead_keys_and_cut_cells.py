"""Dead keys that compose nothing, and names cut at Tabs: the stream fails closed, a surname in the next cell stays covered."""
from __future__ import annotations

import json

from models.detection import detect
from models.engine import fitted_to_policy
from models.keystrokes import typed_text
from models.parse import parse_line
from models.records import KeyEvent, PreparedRecord
from models.redaction import sanitize
from models.text_views import text_fields
from tests.conftest import KEY, carried, categories_kept, record, transcript


def _written(detector, settings, policy, raw: dict) -> dict:
    kept = categories_kept(policy)
    parsed = parse_line(json.dumps(raw).encode(), "in.jsonl")
    finding = detect(detector, PreparedRecord(parsed, text_fields(parsed)), fitted_to_policy(settings, kept))
    return json.loads(sanitize(finding, kept, KEY).json_line)


def _events(*keys: str) -> tuple[KeyEvent, ...]:
    return tuple(KeyEvent(index * 100, key, (), "keydown", None) for index, key in enumerate(keys))


def test_a_dead_key_not_followed_by_a_letter_leaves_the_stream_incomplete():
    # Backspace after a dead key cancels the pending accent (macOS, IBus): the letter before stays in
    # the field, but a replay would erase it. Dead at the end, before Tab or before another key: the
    # field may hold an accent the replay does not, and edits after it land elsewhere.
    for tail in (("Dead", "Backspace", "1"), ("Dead",), ("Dead", "Tab", "x"), ("Dead", "ArrowLeft", "x"),
                 ("Dead", "Dead", "e"), ("Dead", "Delete")):
        assert not typed_text(_events(*"ab", *tail)).complete, tail
    assert typed_text(_events(*"ab", "Dead", "Shift", "é")).complete


def test_a_card_typed_with_a_cancelled_dead_key_is_not_written(detector, analyzer_settings, policy):
    keys = [*"card 4111 1111 1111 111", "Dead", "Backspace", "1", *" thanks"]
    events = [{"t": i * 100, "key": key, "mods": []} for i, key in enumerate(keys)]
    doc = _written(detector, analyzer_settings, policy, record("keystrokes", events=events, app="Chrome"))
    digits = "".join(ch for ch in carried(doc) if ch.isdigit())
    assert len(digits) < 8, "a card number typed around a cancelled dead key was written"


def test_a_surname_that_is_a_ui_word_in_the_next_cell_keeps_its_cover(detector, analyzer_settings, policy):
    # A name split over a sheet's first- and last-name cells, or over two lines of a signature: the
    # surname ("Page", "Close", "Wise") is a UI word too, and was cut from the name's span
    # (the view reads the row as one line, "Larry Page", and NER's span on it was cut at the Tab).
    for text, surname in (("Larry\tPage", "Page"), ("Glenn\tClose", "Close"), ("Jimmy\tPage\tEMEA\tQ3", "Page"),
                          ("Owner\tSarah\tWise\tpending", "Wise")):
        doc = _written(detector, analyzer_settings, policy, transcript(text))
        assert surname not in doc["segments"][0]["text"], text


def test_table_words_beside_a_whole_name_are_still_cut(detector, analyzer_settings, policy):
    doc = _written(detector, analyzer_settings, policy, transcript("Ana Lima\tNorth America\tQ3\tAt risk"))
    assert doc["segments"][0]["text"].endswith("\tNorth America\tQ3\tAt risk")


def test_a_surname_in_capitals_in_the_next_cell_keeps_its_cover():
    from models.recognizers.config import load_recognizer_data
    from models.recognizers.ui_terms import load_ui_terms, without_ui_parts
    terms = load_ui_terms(load_recognizer_data())
    assert without_ui_parts("JIMMY\tPAGE", terms) == (0, 10)
    assert without_ui_parts("Larry\nPage\tQ3", terms) == (0, 10)
    assert without_ui_parts("Ana Lima\tActive", terms) == (0, 8)
