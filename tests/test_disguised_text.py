"""Disguised identifiers (full-width, zero-width, percent-escaped, spelled-out, spaced, look-alike,
lower-case): normalized views and their maps back, and the real analyzer + redaction masking them
in every kind of text field, without masking ordinary text the views touch."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest

from models.config_files import ConfigFileError
from models.detection import _piece_spans, detect
from models.engine import Detector, TextResult, fitted_to_policy
from models.normalize import NORMALIZE_FILE, View, confusables
from models.parse import parse_line
from models.records import OcrWord, PreparedRecord, Span
from models.redaction import sanitize
from models.text_views import OCR, text_fields
from tests.conftest import KEY, carried, categories_kept, keystrokes, record, transcript

# (case id, text, view text)
VIEWS = [
    ("full-width address", "mail ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ now", "mail john@example.com now"),
    ("full-width digits", "call ４１５ ５５５ ０１７２", "call 415 555 0172"),
    ("zero-width characters", "mail jo\u200bhn@exa\u200cmple.com or Pri\u200dya or 41\u206055\ufeff5",
     "mail john@example.com or Priya or 41555"),
    ("soft hyphen", "ask Mar\u00adcus", "ask Marcus"),
    ("percent escape", "mail jane%40example.com", "mail jane@example.com"),
    ("double percent escape", "mail jane%2540example.com", "mail jane@example.com"),
    ("bracketed at and dot", "jane(at)example(dot)com, jane [at] example [dot] com",
     "jane@example.com, jane@example.com"),
    ("spelled at and dot", "write john dot smith at example dot com", "write john.smith@example.com"),
    ("spelled at, bracketed dot", "write jane at example(dot)co(dot)uk", "write jane@example.co.uk"),
    ("spaced digits", "paid with 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 today", "paid with 4111111111111111 today"),
    ("dashed single digits", "ssn 5-3-6-2-2-4-1-8-7", "ssn 536224187"),
    ("spelled digits", "my number is five five five, one two three, four five six seven", "my number is 5551234567"),
    ("oh and double", "it is four one five, double five five, oh one seven two", "it is 4155550172"),
    ("lower-case name", "thanks priya, see you at standup", "thanks Priya, see you at standup"),
    ("homoglyph domain", "mail jane@exаmple.cоm now", "mail jane@example.com now"),
    ("no-break and thin spaces", "card 4532\u00a00151\u20091283\u202f0366 ok", "card 4532 0151 1283 0366 ok"),
    ("doubled blanks and tabs", "card 4532  0151\t1283 \u00a00366, Jane  Doe", "card 4532 0151 1283 0366, Jane Doe"),
    ("Arabic-Indic digits", "card ٤٥٣٢ ٠١٥١ ١٢٨٣ ٠٣٦٦ ok", "card 4532 0151 1283 0366 ok"),
    ("Devanagari digits", "call ४१५ ५५५ ०१७२", "call 415 555 0172"),
    ("card in pairs", "card 45 32 01 51 12 83 03 66 ok", "card 4532015112830366 ok"),
    ("dotted card", "card 4532.0151.1283.0366 ok", "card 4532-0151-1283-0366 ok"),
    ("dashes between blanks", "ssn 536 - 22 - 8790 ok", "ssn 536-22-8790 ok"),
    ("mixed short groups", "card 45 32 0151 1283 0366 ok", "card 4532015112830366 ok"),
    ("variation selector", "call 4\ufe0f15-555-0199 now", "call 415-555-0199 now"),
    ("keycap digits", "call 4\ufe0f\u20e31\ufe0f\u20e35\ufe0f\u20e3", "call 415"),
    ("combining marks", "mail j\u0336a\u0336n\u0336e\u0336@example.com", "mail jane@example.com"),
    ("spelled and written digits", "call four one five 555 0199 now", "call 4155550199 now"),
    ("bracketed symbols", "mail jane.doe[@]example.com or jane.doe(@)example(.)com",
     "mail jane.doe@example.com or jane.doe@example.com"),
    ("percent escapes decoded again", "mail jane%25%34%30example.com", "mail jane@example.com"),
    ("spaced address", "mail j a n e . d o e @ e x a m p l e . c o m now", "mail jane.doe@example.com now"),
    ("plus between letters", "search?q=jane+doe&email=john.smith+work@example.com",
     "search?q=jane doe&email=john.smith+work@example.com"),
]


@pytest.mark.parametrize("case, text, expected", VIEWS, ids=[case for case, _, _ in VIEWS])
def test_a_disguised_text_gets_a_view_with_the_disguise_undone(normalizer, case, text, expected):
    view = normalizer.view(text)
    assert view is not None and view.text == expected, case  # synthetic text, no record content


@pytest.mark.parametrize("case, text, expected", VIEWS, ids=[case for case, _, _ in VIEWS])
def test_every_view_character_maps_back_to_an_ordered_range_of_the_original(normalizer, case, text, expected):
    view = normalizer.view(text)
    ranges = list(zip(view.starts, view.ends))
    assert all(0 <= start < end <= len(text) for start, end in ranges), case
    assert all(a <= b for a, b in zip(view.starts, view.starts[1:])), case
    assert all(a <= b for a, b in zip(view.ends, view.ends[1:])), case
    assert view.original(0, len(view.text)) == (0, len(text)), case


@pytest.mark.parametrize("text, target, original", [
    ("mail jo\u200bhn@exa\u200cmple.com now", "john@example.com", "jo\u200bhn@exa\u200cmple.com"),
    ("mail \u200bjohn@example.com now", "john@example.com", "\u200bjohn@example.com"),
    ("mail jane%2540example.com now", "jane@example.com", "jane%2540example.com"),
    ("mail jane [at] example [dot] com now", "jane@example.com", "jane [at] example [dot] com"),
    ("is five five five, one two three, four five six seven.", "5551234567",
     "five five five, one two three, four five six seven"),
    ("card 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 ok", "4111111111111111", "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1"),
    ("mail ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ now", "john@example.com", "ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
    ("ask 5 about jane(at)example(dot)com", "example", "example"),
    ("card 45 32 01 51 12 83 03 66 ok", "4532015112830366", "45 32 01 51 12 83 03 66"),
    ("mail jane%25%34%30example.com now", "jane@example.com", "jane%25%34%30example.com"),
    ("mail j a n e . d o e @ e x a m p l e . c o m now", "jane.doe@example.com",
     "j a n e . d o e @ e x a m p l e . c o m"),
    ("call 4\ufe0f\u20e31\ufe0f\u20e35\ufe0f\u20e3 now", "415", "4\ufe0f\u20e31\ufe0f\u20e35\ufe0f\u20e3"),
    ("card 4532\u00a0\u00a00151 ok", "4532 0151", "4532\u00a0\u00a00151"),
])
def test_a_span_of_the_view_covers_the_whole_original_it_came_from(normalizer, text, target, original):
    view = normalizer.view(text)
    start = view.text.index(target)
    mapped = view.original(start, start + len(target))
    assert mapped == (text.index(original), text.index(original) + len(original))


@pytest.mark.parametrize("text", [
    "Ping Jane Doe about the rollout, then deploy at 5pm.",
    "meet me at noon, then look at the plot, dot the i's",
    "one of the five tests failed, two passed",
    "we sold at amazon.com and at target",
    "card 4111 1111 1111 1111 and 10-12-2024 and 10.20.30.40 and 1 2 3",
    "100% of the 20 tests, 50%off",
    "wait… what’s that — “quoted” text",
    "emoji 👨\u200d👩\u200d👧 family",
    "will you mark the may release for june",
    "pick a b c or d, then e",
    "upgrade 1.2.3.4 to 10.20.30.40 on 2026-12-06 at 14:30:05",
    "from 192.168.100.200 to 10.0.0.12 port 8443",
    "2026-12-06 - 2026-12-09 and 12 14 16",
    "call 415 555 0172 or 536-22-8790 or 4532 0151 1283 0366",
    "g++ and C++ builds, +1 415 555 0172",
    "reach us at support, jane@example.com or the . key",
    "❤\ufe0f it, देवनागरी and ไทย",
])
def test_a_text_without_disguises_gets_no_view(normalizer, text):
    viewed = normalizer.view(text) is not None
    assert not viewed


def test_a_russian_word_of_look_alike_letters_stays_as_written(normalizer):
    viewed = normalizer.view("сор и рано") is not None
    assert not viewed


def test_views_compose_in_one_pass_and_keep_maps_across_steps(normalizer):
    text = "reach ｐｒｉｙａ at pr\u200biya(at)exаmple(dot)com or ｆｉｖｅ five five five"
    view = normalizer.view(text)
    assert view.text == "reach Priya at priya@example.com or 5555"
    start = view.text.index("priya@")
    assert text[slice(*view.original(start, start + len("priya@example.com")))] == "pr\u200biya(at)exаmple(dot)com"


def test_when_the_normalize_file_is_bad_then_loading_fails_naming_the_key(tmp_path):
    from models.normalize import normalize_data
    path = tmp_path / "normalize.yaml"
    path.write_text(NORMALIZE_FILE.read_text(encoding="utf-8").replace("min_spaced_digits: 7", "min_spaced_digits: 2"),
                    encoding="utf-8")
    with pytest.raises(ConfigFileError, match="min_spaced_digits"):
        normalize_data(path)
    path.write_text(NORMALIZE_FILE.read_text(encoding="utf-8").replace('six: "6"', 'six: "66"'), encoding="utf-8")
    with pytest.raises(ConfigFileError, match="digit_words"):
        normalize_data(path)
    path.write_text(NORMALIZE_FILE.read_text(encoding="utf-8").replace("max_grouped_digits: 19", "max_grouped_digits: 8"),
                    encoding="utf-8")
    with pytest.raises(ConfigFileError, match="max_grouped_digits"):
        normalize_data(path)
    path.write_text(NORMALIZE_FILE.read_text(encoding="utf-8").replace("percent_rounds: 4", "percent_rounds: 0"),
                    encoding="utf-8")
    with pytest.raises(ConfigFileError, match="percent_rounds"):
        normalize_data(path)


def test_when_a_confusables_line_is_bad_then_loading_fails_naming_the_line(tmp_path, monkeypatch):
    import models.normalize as normalize
    (tmp_path / "bad.txt").write_text("# comment\n0430 a\n0061 a\n", encoding="utf-8")
    (tmp_path / "first_names.txt").write_text("priya\n", encoding="utf-8")
    path = tmp_path / "normalize.yaml"
    path.write_text(NORMALIZE_FILE.read_text(encoding="utf-8").replace("confusables: confusables.txt",
                                                                       "confusables: bad.txt"), encoding="utf-8")
    monkeypatch.setattr(normalize, "DATA_DIR", tmp_path)
    with pytest.raises(ConfigFileError, match=r"confusables: .*bad.txt:3"):
        normalize.normalize_data.__wrapped__(path)


def test_the_shipped_confusables_are_letters_of_other_scripts_that_fold_to_latin():
    table = confusables("confusables.txt")
    assert table["а"] == "a" and table["ο"] == "o"  # Cyrillic a, Greek omicron
    assert all(not char.isascii() and latin.isascii() for char, latin in table.items())


# (case id, text, what must not survive, folded as the check reads it)
DISGUISED = [
    ("full-width address", "mail ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ now", ["john", "example"]),
    ("full-width digits", "call me on ４１５ ５５５ ０１７２ later", ["415", "555", "0172"]),
    ("zero-width address", "mail jo\u200bhn.sm\u200cith@exa\ufeffmple.com now", ["john", "smith", "example"]),
    ("zero-width digits", "call me on 415\u200b555\u200b0172 later", ["415", "555", "0172"]),
    ("zero-width name", "thanks Pri\u200bya, see you", ["priya"]),
    ("soft hyphen first name", "thanks Pri\u00adya, see you", ["priya"]),
    ("soft hyphen name", "I spoke with Jane Do\u00adno\u00advan yesterday", ["donovan"]),
    ("percent address", "mail jane%40example.com now", ["jane", "example"]),
    ("double percent address", "mail jane%2540example.com now", ["jane", "example"]),
    ("bracketed at", "mail jane(at)example(dot)com now", ["jane", "example"]),
    ("square bracketed at", "mail jane [at] example [dot] com now", ["jane", "example"]),
    ("spelled address", "mail jane at example dot com now", ["jane", "example"]),
    ("bracketed at after a sentence's at", "reach me at m.whitfield (at) globex-mail (dot) com",
     ["whitfield", "globex"]),
    ("spaced card", "card 4111 1111 1111 1111 now", ["4111"]),
    ("dashed card", "card 4111-1111-1111-1111 now", ["4111"]),
    ("digit by digit card", "paid with 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 yesterday", ["4111", "1111"]),
    ("spelled phone", "my number is five five five, one two three, four five six seven",
     ["five", "one", "two", "three", "four", "six", "seven"]),
    ("spelled phone with oh", "call four one five, five five five, oh one seven two please",
     ["four", "five", "one", "seven", "two"]),
    ("lower-case name", "thanks priya, see you tomorrow", ["priya"]),
    ("homoglyph domain", "mail jane@example.cоm now", ["jane", "example"]),
    ("no-break spaced card", "card 4532\u00a00151\u00a01283\u00a00366 now", ["4532", "0151", "1283", "0366"]),
    ("thin spaced card", "card 4532\u20090151\u20091283\u20090366 now", ["4532", "0151", "1283", "0366"]),
    ("double spaced card", "card 4532  0151  1283  0366 now", ["4532", "0151", "1283", "0366"]),
    ("Arabic-Indic card", "card ٤٥٣٢ ٠١٥١ ١٢٨٣ ٠٣٦٦ now", ["4532", "0151", "1283", "0366"]),
    ("card in pairs", "card 45 32 01 51 12 83 03 66 now", ["45320151", "12830366"]),
    ("dotted card", "card 4532.0151.1283.0366 now", ["4532", "0151", "1283", "0366"]),
    ("ssn with spaced dashes", "it is 536 - 22 - 8790 now", ["536", "8790"]),
    ("ssn with no-break spaces", "it is 536\u00a022\u00a08790 now", ["536", "8790"]),
    ("phone with a variation selector", "call me on 4\ufe0f15-555-0172 later", ["415", "555", "0172"]),
    ("phone spelled and written", "call four one five 555 0172 please", ["four", "one", "five", "555", "0172"]),
    ("bracketed at symbol", "mail jane.doe[@]example.com now", ["jane", "doe", "example"]),
    ("bracketed at and dot symbols", "mail jane.doe(@)example(.)com now", ["jane", "doe", "example"]),
    ("percent escapes of percent escapes", "mail jane%25%34%30example.com now", ["jane", "example"]),
    ("spaced address", "mail j a n e . d o e @ e x a m p l e . c o m now", ["janedoe", "example"]),
    ("struck-through address", "mail j\u0336a\u0336n\u0336e\u0336@example.com now", ["jane", "example"]),
]


def _fold(text: str) -> str:
    """What a reader reads, placeholders left out: full-width and look-alike letters as Latin, lower
    case, and only letters and digits ("4 1 1 1" reads as "4111")."""
    unmasked = re.sub(r"<[A-Z_]+>", " ", text)
    latin = unicodedata.normalize("NFKC", unmasked).translate(str.maketrans("аеорсух", "aeopcyx")).lower()
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in latin if char.isalnum())


def _sanitized(detector, settings, policy, raw: dict) -> dict:
    """The record as written, under the policy with every category kept (so it is written at all)."""
    kept = categories_kept(policy)
    parsed = parse_line(json.dumps(raw).encode(), "in.jsonl")
    finding = detect(detector, PreparedRecord(parsed, text_fields(parsed)), fitted_to_policy(settings, kept))
    return json.loads(sanitize(finding, kept, KEY).json_line)


def _written_texts(doc: dict) -> list[str]:
    return [doc.get("window_title", ""), *(segment["text"] for segment in doc.get("segments", ())),
            carried(doc) if "events" in doc else ""]


@pytest.mark.parametrize("where", ["chat", "voice", "typed", "window_title"])
@pytest.mark.parametrize("case, text, fragments", DISGUISED, ids=[case for case, _, _ in DISGUISED])
def test_no_disguised_identifier_survives_detection_and_redaction(detector, analyzer_settings, policy,
                                                                  where, case, text, fragments):
    raw = {"chat": lambda: transcript(text, source="chat"), "voice": lambda: transcript(text, source="voice"),
           "typed": lambda: keystrokes(text, app="Slack"),
           "window_title": lambda: transcript("ok", window_title=text)}[where]()
    doc = _sanitized(detector, analyzer_settings, policy, raw)
    survived = [fragment for fragment in fragments if any(fragment in _fold(out) for out in _written_texts(doc))]
    assert not survived, f"{case} in {where}: {len(survived)} fragments survived"


def test_a_disguised_address_in_a_url_is_masked_where_the_url_is_written(detector, analyzer_settings, policy):
    raw = transcript("ok", url="https://crm.example.org/contacts?to=jane%2540example.com&x=1")
    doc = _sanitized(detector, analyzer_settings, policy, raw)
    assert "jane" not in doc["url"]


@pytest.mark.parametrize("url, fragments", [
    # `+` is part of the address: read as a blank, "john.smith" would stay in front of a masked "work@...".
    ("https://app.example.com/invite?email=john.smith+work@example.com", ["john", "smith", "work"]),
    ("https://app.example.com/invite?email=john.smith%2Bwork%40example.com", ["john", "smith", "work"]),
    # A query's `+` between words and digits is a blank to the detectors (the view), kept in the URL written.
    ("https://www.google.com/search?q=call+415+555+0172+now", ["415", "555", "0172"]),
    ("https://www.google.com/search?q=view-source:4532+0151+1283+0366", ["4532", "0151", "1283", "0366"]),
])
def test_a_plus_in_a_url_stays_in_an_address_and_reads_as_a_blank_between_words(detector, analyzer_settings,
                                                                                  policy, url, fragments):
    written = _sanitized(detector, analyzer_settings, policy, transcript("ok", url=url))["url"]
    survived = [fragment for fragment in fragments if fragment in _fold(written)]
    assert not survived, f"{len(survived)} fragments survived"


def test_typing_under_a_url_whose_query_spells_sign_in_with_plus_signs_is_masked_whole(detector, analyzer_settings,
                                                                                      policy):
    raw = keystrokes("dwhitaker", app="Chrome", url="https://accounts.example.com/flow?step=sign+in")
    assert "whitaker" not in carried(_sanitized(detector, analyzer_settings, policy, raw))


def test_a_url_is_written_with_its_own_percent_escapes_and_plus_signs(detector, analyzer_settings, policy):
    raw = transcript("ok", url="https://docs.example.com/a%20b/c+d?tag=x%2By")
    assert _sanitized(detector, analyzer_settings, policy, raw)["url"] == "https://docs.example.com/a%20b/c+d?tag=x%2By"


def test_a_value_found_decoded_in_a_url_is_masked_over_its_escapes(detector, analyzer_settings, policy):
    raw = transcript("ok", url="https://app.example.com/Shared%20Files/?email=jane.doe%40example.com&view=Q3%20plan")
    written = _sanitized(detector, analyzer_settings, policy, raw)["url"]
    assert written.endswith("/Shared%20Files/?email=<EMAIL_ADDRESS>&view=Q3%20plan")


def test_a_disguised_address_in_ocr_text_is_found_over_all_of_its_words(detector, analyzer_settings):
    words = ["mail", "jane(at)example", "(dot)", "com", "today"]
    ocr_words, start = [], 0
    for index, word in enumerate(words):
        ocr_words.append(OcrWord(word, left=10 + 90 * index, top=10, width=80, height=20, start=start))
        start += len(word) + 1
    parsed = parse_line(json.dumps(record("screenshot", image_b64="aGk=")).encode(), "in.jsonl")
    fields = text_fields(parsed, tuple(ocr_words))
    finding = detect(detector, PreparedRecord(parsed, fields, ocr_words=tuple(ocr_words)), analyzer_settings)
    text = dict((field.name, field.text) for field in fields)[OCR]
    emails = [text[s.start:s.end] for name, spans in finding.spans if name == OCR for s in spans
              if s.entity_type == "EMAIL_ADDRESS"]
    assert emails == ["jane(at)example (dot) com"]


# Ordinary text each step of the view rewrites: its view must add no span.
HARD_NEGATIVES = [
    "meet me at noon, then look at the dot plot on the dashboard",
    "one of the five tests failed, then one two three four went green",
    "the 1 2 3 4 5 6 7 8 steps are done",
    "add 20%2C or 30%25 more, 100% done",
    "会议：下午三点，地点：Ａ座，第１２号房间",
    "我们在会议室（Ｂ座三楼）见面，好吗？谢谢！",
    "pick a b c or d  then e, f\u00a0g",
    "upgraded 1.2.3.4 to 10.15.7.2200 at 14:30, build 2026.12.06.1450",
    "10.0.0.12\t192.168.100.200\tGET /index.html 200 5120",
    "2026-12-06  14:30:05 INFO worker 3 done",
    "السعر ٢٥٠ ريال والخصم ١٥٪ حتى ٢٠٢٦/١٢/٠٦",
    "scores 88 92 75 64 81 today, rooms 12 14 16 18 20 22",
    "g++ vs C+D, a+b and rock+roll",
    "the cafe\u0301 menu, nai\u0308ve re\u0301sume\u0301s",
    "press 1\ufe0f\u20e3 then 2\ufe0f\u20e3",
    "at 14\u00a0h\u00a030 on 6\u00a0Dec\u00a02026",
    "chapter 12 one two three",
]


class _NoViews:
    """A normalizer that finds nothing to normalize: detection as it was before views."""

    def view(self, text: str) -> View | None:
        return None


@pytest.mark.parametrize("text", HARD_NEGATIVES)
@pytest.mark.parametrize("source", ["chat", "voice"])
def test_ordinary_text_the_views_touch_is_masked_no_more_than_without_views(detector, analyzer_settings, policy,
                                                                           text, source):
    viewed = detector.normalizer.view(text) is not None
    assert viewed  # the case exercises a view
    plain = Detector(detector.analyzer, detector.classifier, normalizer=_NoViews())
    raw = transcript(text, source=source)
    assert _sanitized(detector, analyzer_settings, policy, raw) == _sanitized(plain, analyzer_settings, policy, raw)


def _result(*spans: Span) -> TextResult:
    return TextResult(spans, None)


def test_a_view_span_of_a_name_type_over_rewritten_digits_is_not_taken():
    piece = "scores 88 92 75 64 81 today"
    view = View("scores 8892756481 today", *_joined_map(piece, "scores 8892756481 today"))
    results = {piece: _result(), view.text: _result(Span("LOCATION", 7, 23, 0.85), Span("PHONE_NUMBER", 7, 17, 0.7))}
    taken = _piece_spans(piece, results, view, frozenset({"PERSON", "LOCATION"}))
    assert [(span.entity_type, piece[span.start:span.end]) for span in taken] == [("PHONE_NUMBER", "88 92 75 64 81")]


def test_a_view_span_of_a_name_type_with_its_digits_as_written_is_taken(normalizer):
    piece = "ask Pri\u200dya at 12 Main St"
    view = normalizer.view(piece)
    start = view.text.index("Priya")
    results = {piece: _result(), view.text: _result(Span("PERSON", start, start + 5, 0.85),
                                                      Span("LOCATION", view.text.index("12"), len(view.text), 0.85))}
    taken = _piece_spans(piece, results, view, frozenset({"PERSON", "LOCATION"}))
    assert sorted(piece[span.start:span.end] for span in taken) == ["12 Main St", "Pri\u200dya"]


def _joined_map(original: str, joined: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A view map for `joined`, the original with the blanks of its digit run removed."""
    starts, ends, index = [], [], 0
    for char in joined:
        while original[index] != char:
            index += 1
        starts.append(index)
        ends.append(index + 1)
        index += 1
    return tuple(starts), tuple(ends)
