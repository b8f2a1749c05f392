"""Hostile and careless input, as properties: any byte line, and any JSON value in any field of a
valid record, ends in exactly one outcome, and no planted identifier reaches the sink.

The stages run here as the graph runs them (parse, capture, limits, extract, detect, redact, the
sink's encoding), on the real spaCy model and Presidio; an exception at a stage is that stage's
`error:<stage>`, as its exception handler makes it. tests/test_cli.py runs hostile lines through
the real command line.
"""
from __future__ import annotations

import base64
import io
import json
import os
import re
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PIL import Image

from models.capture import capture_verdict, strip_undisclosed
from models.detection import detect
from models.images import UnsafeImage, decode_image
from models.parse import ParseError, parse_line
from models.record_size import exceeded_limit
from models.records import DiscardedRecord, SanitizedRecord
from models.redaction import apply_policy
from tests.conftest import keystrokes, record, transcript
from tests.test_cli import run_cli
from transforms.extract import prepare_text_record

REASON = re.compile(r"^[a-z_]+(?::[a-z_]+)?$")
PLANTED = ("m.whitfield@globex-mail.com", "4111 1111 1111 1111", "priya.raman@example.org")
_ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
_ANY_TEXT = st.text(_ANY_CHAR, max_size=30)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_ANY_TEXT, inner, max_size=3), max_leaves=6)
PLANTED_TEXT = st.builds(lambda before, value, after: f"{before} {value} {after}",
                         _ANY_TEXT, st.sampled_from(PLANTED), _ANY_TEXT)
BASES = (
    keystrokes("ship the fix", app="VS Code", window_title="parser.py", url="https://example.com/x", field="text"),
    transcript("standup in five", "sure", app="Zoom", window_title="Daily", source="voice"),
    record("keystrokes", app="Slack", events=[{"t": 0, "type": "paste", "text": "see the doc"},
                                              {"t": 5, "key": "c", "mods": ["Control"]}]),
)
# Where a value may be put: top-level fields and the fields of an event or a segment.
TOP_FIELDS = ("record_id", "kind", "user_id", "ts", "session_id", "app", "window_title", "url", "field",
              "events", "source", "segments", "image_b64", "image_uri", "unknown_extra")
EVENT_FIELDS = ("t", "key", "mods", "type", "text")
SEGMENT_FIELDS = ("speaker", "start", "end", "text")


def outcome(line: bytes, detector, policy, analyzer_settings) -> DiscardedRecord | SanitizedRecord:
    """The one outcome of a line, stage by stage as the graph takes it."""
    try:
        raw = parse_line(line, "in.jsonl")
    except ParseError as error:
        return DiscardedRecord(error.kind, f"quarantined:{error.reason}")
    stage = "capture"
    try:
        why = capture_verdict(raw, policy)
        if why is not None:
            return DiscardedRecord(raw.kind, f"dropped:{why}")
        raw = strip_undisclosed(raw, policy.disclosure)[0]
        stage = "limits"
        if exceeded_limit(raw, policy.limits):
            return DiscardedRecord(raw.kind, "quarantined:too_large")
        if raw.kind == "screenshot":
            return DiscardedRecord(raw.kind, "screenshot: tested on real images elsewhere")
        stage = "extract"
        prepared = prepare_text_record(raw, policy.limits.max_record_seconds)
        stage = "detect"
        finding = detect(detector, prepared, analyzer_settings)
        stage = "redact"
        verdict = apply_policy(finding, policy, b"hostile-input-test-key-0123456789")
        if isinstance(verdict, SanitizedRecord):
            stage = "write"
            verdict.json_line.encode("utf-8")
        return verdict
    except Exception as error:  # noqa: BLE001 - each stage's exception handler does the same
        return DiscardedRecord(raw.kind, f"error:{stage}", type(error).__name__)


def _mutated(base: dict, where: tuple, value) -> dict:
    doc = json.loads(json.dumps(base))
    name, index, inner = where
    if index is None:
        doc[name] = value
    elif isinstance(doc.get(name), list) and doc[name]:
        doc[name][index % len(doc[name])][inner] = value
    return doc


PLACES = (st.tuples(st.sampled_from(TOP_FIELDS), st.none(), st.none())
          | st.tuples(st.just("events"), st.integers(0, 3), st.sampled_from(EVENT_FIELDS))
          | st.tuples(st.just("segments"), st.integers(0, 3), st.sampled_from(SEGMENT_FIELDS)))


def _assert_fit_for_sink(result) -> None:
    assert isinstance(result, (DiscardedRecord, SanitizedRecord))
    if isinstance(result, SanitizedRecord):
        line = result.json_line
        line.encode("utf-8")
        json.loads(line)
        doc_text = json.dumps(json.loads(line), ensure_ascii=False)
        assert not [value for value in PLANTED if value in doc_text or value.replace(" ", "") in doc_text], \
            "a planted identifier reached the sink"
    else:
        assert result.reason.split(":")[0] in ("quarantined", "dropped", "error", "screenshot")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line=st.binary(max_size=200))
def test_any_byte_line_is_a_record_or_a_named_quarantine(line):
    try:
        parse_line(line, "in.jsonl")
    except ParseError as error:
        assert REASON.match(error.reason)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(base=st.sampled_from(BASES), where=PLACES, value=JSON_VALUES | PLANTED_TEXT)
def test_any_value_in_any_field_has_one_outcome_and_leaks_nothing(base, where, value, detector, policy,
                                                                   analyzer_settings):
    line = json.dumps(_mutated(base, where, value)).encode("utf-8")
    _assert_fit_for_sink(outcome(line, detector, policy, analyzer_settings))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(base=st.sampled_from(BASES), places=st.lists(PLACES, min_size=2, max_size=4), texts=st.lists(
    PLANTED_TEXT, min_size=4, max_size=4))
def test_planted_identifiers_in_several_text_fields_never_reach_the_sink(base, places, texts, detector, policy,
                                                                          analyzer_settings):
    doc = base
    for where, text in zip(places, texts):
        doc = _mutated(doc, where, text)
    _assert_fit_for_sink(outcome(json.dumps(doc).encode("utf-8"), detector, policy, analyzer_settings))


# Shapes whose cost grew faster than their size (evaluation/bench_scaling.py), each around planted values.
HOSTILE_SHAPES = {
    **{f"run of {char!r}": char * 1000 for char in ",\"'()[]{}<>=+?:;!#$%&*`_-."},
    "tabs": "\t" * 1000, "newlines": "\n" * 1000, "ones": "1 " * 500, "digits and dots": "1." * 500,
    "nested": "(" * 500 + "[x]" + ")" * 500, "quotes": "\"'" * 500, "marks": "\u0301" * 1000,
    "zero-width": "a\u200b" * 500, "bidi": "\u202ea\u202c" * 350, "fullwidth": "ａ１＠．" * 250,
    "percent escapes": "%25" * 350, "'s chain": "'s" * 500,
}


@pytest.mark.parametrize("shape", sorted(HOSTILE_SHAPES))
def test_a_hostile_shape_around_planted_values_ends_sanitized_or_named_and_keeps_nothing_planted(
        shape, detector, policy, analyzer_settings):
    run = HOSTILE_SHAPES[shape]
    line = json.dumps(transcript(f"{run} mail {PLANTED[0]} {run}", f"card {PLANTED[1]} {run}",
                                 f"{run}\nreach {PLANTED[2]}")).encode("utf-8")
    result = outcome(line, detector, policy, analyzer_settings)
    _assert_fit_for_sink(result)
    assert isinstance(result, SanitizedRecord) or REASON.match(result.reason.split(":", 1)[1])


def _png(width: int, height: int) -> str:
    image = io.BytesIO()
    Image.new("L", (width, height), 255).save(image, format="PNG")
    return base64.b64encode(image.getvalue()).decode("ascii")


def hostile_lines(directory: Path) -> list[bytes]:
    """One line per class of the hostile-input review, each a record nobody on the team would send."""
    fifo = directory / "images" / "pipe.png"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    (directory.parent / "outside.png").write_bytes(base64.b64decode(_png(40, 20)))
    lines = [
        record("keystrokes", record_id="surrogate", events=[{"t": 0, "key": "\ud800", "mods": ["Control"]}]),
        record("screenshot", record_id="abs-path", image_uri="/etc/hostname"),
        record("screenshot", record_id="escape", image_uri="../outside.png"),
        record("screenshot", record_id="fifo", image_uri="images/pipe.png"),
        record("screenshot", record_id="strip", image_b64=_png(1, 4_000_000)),
        record("keystrokes", record_id="many-events", events=[{"t": i, "key": "a"} for i in range(50_001)]),
        transcript(*[f"mail user{i}.person{i}@example.com" for i in range(3_000)], record_id="many-values"),
        transcript("ship it", record_id="Marcus.Whitfield-415-555-0199", source="MarcusWhitfield"),
        keystrokes("ls -la", record_id="field-name", field="PriyaRaman"),
        transcript("reach me at ｍ．ｗｈｉｔｆｉｅｌｄ＠ｇｌｏｂｅｘ－ｍａｉｌ．ｃｏｍ", record_id="fullwidth"),
        transcript("reach me at m.whitfield\u200b@globex-mail\u200b.com", record_id="zero-width"),
        transcript("reach me at m.whitfield%40globex-mail.com", record_id="percent"),
        transcript("reach me at m.whitfield (at) globex-mail (dot) com", record_id="at-dot"),
        record("keystrokes", record_id="no-scheme", url="secure.chase.com/login?next=https://example.com/x",
               events=[{"t": 0, "key": "a"}]),
    ]
    raw = [json.dumps(line).encode("utf-8") for line in lines]
    return raw + [b"{not json", b"\xff\xfe", b'{"record_id": NaN}', b"[" * 100_000, b""]


DISGUISED = ("m.whitfield", "whitfield", "Whitfield", "415-555-0199", "MarcusWhitfield", "PriyaRaman",
             "person2999@example.com")


@pytest.mark.slow
def test_a_run_over_hostile_lines_exits_0_with_every_line_accounted_and_nothing_planted_kept(tmp_path):
    directory = tmp_path / "in"
    directory.mkdir()
    lines = hostile_lines(directory)
    (directory / "hostile.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    result = run_cli(tmp_path, "--input", str(directory / "hostile.jsonl"), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, "the run failed"
    summary = json.loads((tmp_path / "out" / "audit" / "summary.json").read_text())
    assert summary["records_in"] == len(lines) and summary["unaccounted"] == 0
    assert summary["records_in"] == summary["sanitized"] + summary["dropped"] + summary["quarantined"]
    written = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*") if p.is_file())
    outputs = written + result.stdout + result.stderr
    assert not [value for value in DISGUISED if value.casefold() in outputs.casefold()], "planted text kept"
    reasons = summary["by_reason"]
    assert reasons["quarantined:image:outside_image_roots"] == 2 and reasons["quarantined:bad_encoding"] >= 2
    assert reasons["quarantined:image:not_a_regular_file"] == 1 and reasons["quarantined:image:bad_dimensions"] == 1
    assert reasons["quarantined:too_large"] == 1 and reasons["dropped:capture_policy:denied_domain"] == 1


def _declared_png(width: int, height: int) -> bytes:
    """A PNG of a few dozen bytes whose header declares `width` x `height` pixels (a bomb's shape)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


@pytest.mark.parametrize("width, height, reason", [
    (60_000, 60_000, "too_many_pixels"), (7_000, 7_000, "too_many_pixels"), (16_000, 1_000, "bad_dimensions")])
def test_when_a_tiny_png_declares_huge_dimensions_then_it_is_refused_before_it_is_decoded(width, height, reason,
                                                                                          policy):
    rules = policy.screenshots
    with pytest.raises(UnsafeImage) as refused:
        decode_image(_declared_png(width, height), rules.max_pixels, rules.max_side_px, rules.max_aspect_ratio)
    assert refused.value.reason == reason
