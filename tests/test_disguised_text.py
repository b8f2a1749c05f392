"""Disguised identifiers (full-width, zero-width, percent-escaped, spelled-out, spaced, look-alike,
lower-case): normalized views and their maps back, and the real analyzer + redaction masking them
in every kind of text field, without masking ordinary text the views touch."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest

from models.analyzer import Detector, build_detector, detect, fitted_to_policy
from models.config_files import ConfigFileError
from models.normalize import NORMALIZE_FILE, Normalizer, View, build_normalizer, confusables
from models.parse import parse_line
from models.records import OcrWord, PreparedRecord
from models.redaction import sanitize
from models.text_views import OCR, text_fields
from tests.conftest import KEY, carried, categories_kept, keystrokes, record, transcript


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    return build_normalizer()


@pytest.fixture(scope="module")
def detector(analyzer_settings) -> Detector:
    return build_detector(analyzer_settings)


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
]


def _fold(text: str) -> str:
    """What a reader reads, placeholders left out: full-width and look-alike letters as Latin, lower
    case, and only letters and digits ("4 1 1 1" reads as "4111")."""
    unmasked = re.sub(r"<[A-Z_]+>", " ", text)
    latin = unicodedata.normalize("NFKC", unmasked).translate(str.maketrans("аеорсух", "aeopcyx")).lower()
    return "".join(char for char in latin if char.isalnum())


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
