"""Names in other scripts on screens: the Latin read's suspicious words are read again with other
scripts' data and covered when that read is in another script; English UI labels stay. Unit tests
on the choice of words and the stack, and real Tesseract and Chromium on rendered panels."""
from __future__ import annotations

import base64
import io
import json

import numpy as np
import pydantic
import pytest
from PIL import Image

from evaluation.generated.records import Screen
from evaluation.generated.render import Renderer
from models import ocr as ocr_module
from models.images import FILL, cover_words
from models.ocr import OcrSettings, OcrUnavailable, TesseractOcr, check_tesseract
from models.parse import parse_line
from models.records import Finding, OcrWord, PreparedRecord
from models.redaction import sanitize
from models.script_read import ScriptRead, other_script_share, reread, script_read_rules, stacked, suspicious
from models.text_views import text_fields
from models.unreadable import OTHER_SCRIPT, OtherScript, other_script_indices, unreadable_indices
from tests.conftest import KEY, TS, categories_kept
from tests.test_ocr_unreadable import DEJAVU, ink_filled, panel


@pytest.fixture(scope="module")
def rules() -> ScriptRead:
    return script_read_rules()


def word(text: str, confidence: float, left: int = 10, line: int = 0) -> OcrWord:
    return OcrWord(text, left, 10, 8 * len(text), 12, 0, line, confidence)


def english(text: str) -> bool:
    return text.lower() in {"review", "settings", "from", "on", "call"}


@pytest.mark.parametrize("text,confidence", [("Onekca", 78), ("Jlapnca", 84), ("3a6apa", 87), ("IMEF", 38),
                                                    ("on-Onekca", 80), ("Onekca:", 80), ("@Onekca", 80)])
def test_when_a_word_may_be_another_script_misread_then_it_is_read_again(text, confidence, rules):
    assert suspicious(word(text, confidence), rules, english)


@pytest.mark.parametrize("text,confidence", [
    ("Review", 80),              # an English word
    ("Onekca", 96),              # read surer than a misread is
    ("jane@example.com", 70),    # Latin structure: an address, a path, a time
    ("~/src/app", 70), ("10:42", 60),
    ("2024", 60), ("&", 88),     # no letters
    ("on-call", 80),             # English parts of a hyphenated word
    ("(409)675-4608x989", 70),   # mostly digits: a phone's extension `x` came back Cyrillic `х`
    ("ID4471k", 70),
])
def test_when_a_word_is_latin_text_then_it_is_not_read_again(text, confidence, rules):
    assert not suspicious(word(text, confidence), rules, english)


def test_the_share_of_letters_in_other_scripts_ignores_digits_and_marks():
    assert other_script_share("Олекса,") == 1.0
    assert other_script_share("윤민수") == 1.0
    assert other_script_share("Ko") == 0.0 and other_script_share("12:40") == 0.0
    assert other_script_share("Ξx") == 0.5


def table(rows: dict[int, tuple[str, float]]):
    """A fake Tesseract table reading `rows` (crop index -> text, confidence) off a stack."""
    def read(stack: Image.Image, language: str, config: str) -> dict[str, list]:
        assert language == script_read_rules().languages and config == script_read_rules().config
        read.stacks.append(stack)
        out = {"text": [], "conf": [], "left": [], "top": [], "height": []}
        for index, (text, confidence) in rows.items():
            top, bottom = read.rows[index]
            for part in text.split():
                out["text"].append(part), out["conf"].append(confidence), out["left"].append(20)
                out["top"].append(top + 2), out["height"].append(bottom - top - 4)
        return out
    read.stacks, read.rows = [], []
    return read


def test_when_the_second_read_is_sure_and_in_another_script_then_the_word_takes_it(rules):
    words = (word("Review", 96), word("Onekca", 78, left=100), word("Bondar", 93, left=200))
    image = Image.new("L", (400, 60), 255)
    reader = table({0: ("Олекса", 91), 1: ("Bondar", 90)})
    reader.rows = stacked(image, [words[1], words[2]], 1, rules)[1]
    out = reread(image, words, 1, reader, english, rules)
    assert [w.text for w in out] == ["Review", "Олекса", "Bondar"]  # a Latin second read changes nothing
    assert out[1].confidence == 91 and out[1].left == 100 and len(reader.stacks) == 1


@pytest.mark.parametrize("second", [("Олекса", 40), ("", -1)])
def test_when_the_second_read_is_unsure_or_empty_then_the_latin_read_stays(second, rules):
    words = (word("Onekca", 88),)
    image = Image.new("L", (200, 40), 255)
    reader = table({0: second} if second[0] else {})
    reader.rows = stacked(image, list(words), 1, rules)[1]
    assert reread(image, words, 1, reader, english, rules) == words


def test_when_no_word_is_suspicious_or_no_languages_are_set_then_tesseract_is_not_called_again(rules):
    def never(*_):
        raise AssertionError("read again")
    image = Image.new("L", (200, 40), 255)
    assert reread(image, (word("Review", 80),), 1, never, english, rules)
    off = rules.model_copy(update={"languages": ""})
    assert reread(image, (word("Onekca", 70),), 1, never, english, off)


def test_the_stack_holds_each_crop_on_its_own_rows_in_order(rules):
    image = Image.new("L", (400, 80), 255)
    image.paste(0, (100, 20, 150, 32))
    stack, rows = stacked(image, [word("Onekca", 70, left=100), word("&", 70, left=300)], 1, rules)
    assert len(rows) == 2 and rows[0][1] < rows[1][0] and stack.height > rows[1][1]
    ink = np.asarray(stack) < 128
    assert ink[rows[0][0]:rows[0][1]].any() and not ink[rows[1][0]:rows[1][1]].any()


@pytest.mark.parametrize("key,value", [("languages", "Cyrillic;rm -rf"), ("other_share", 0), ("config", "--psm 3 -c x=1"),
                                       ("max_confidence", 101)])
def test_when_a_script_read_setting_is_out_of_range_then_it_is_refused(key, value, rules):
    with pytest.raises(pydantic.ValidationError):
        ScriptRead(**{**rules.model_dump(), key: value})


def test_when_a_word_is_in_another_script_then_it_and_its_unsure_neighbours_are_covered(policy):
    other = policy.screenshots.other_script
    words = [word("From:", 96, 0), word("Олекса", 91, 60), word("Bo", 50, 120), word("Review", 95, 300, line=1)]
    assert other_script_indices(words, other) == {1, 2}
    assert other_script_indices(words, other.model_copy(update={"cover": False})) == set()
    latin = [word("Bondarenko", 95), word("Žofia", 95, 100), word("Ærø", 95, 200)]
    assert other_script_indices(latin, other) == set()
    with pytest.raises(pydantic.ValidationError):
        OtherScript(cover=True, other_share=0, neighbour_confidence=70)


def test_when_the_cover_asks_more_other_script_letters_than_the_second_read_gives_then_it_is_refused(rules):
    """Review: a word the second read took (share >= script_read's) but below the policy's share was
    neither other-script nor unsure any more, and stayed visible."""
    OtherScript(cover=True, other_share=rules.other_share, neighbour_confidence=70)
    with pytest.raises(pydantic.ValidationError):
        OtherScript(cover=True, other_share=min(1.0, rules.other_share + 0.1), neighbour_confidence=70)


def test_when_the_cover_is_off_while_the_second_read_runs_then_the_policy_is_refused(rules):
    """Review: with the cover off, the second read swaps a Latin look-alike name for Cyrillic letters,
    which no English detector checks, so the name stayed visible (fail open)."""
    assert rules.languages
    with pytest.raises(pydantic.ValidationError, match="second read"):
        OtherScript(cover=False, other_share=rules.other_share, neighbour_confidence=70)


# Names in each script the second read has data for, beside English UI labels.
NAMES = {"cyrillic": "Олекса Бондаренко", "greek": "Μαύρα Παπαδάκη", "hangul": "윤민수", "han": "王秀英",
         "arabic": "سارة الحسيني", "devanagari": "सुरेश मल्होत्रा", "hebrew": "נועה כהן"}
LABELS = ["Inbox", "Review", "Settings", "Archive"]


def names_screen(dark: bool) -> Screen:
    """A mail list: each row an English label, a name in another script and a time."""
    fg, bg, bar = ("#e6e6e6", "#1e1f22", "#2b2d31") if dark else ("#1f2328", "#ffffff", "#f3f4f6")
    rows = "".join(f'<div class="row"><span class="label">{LABELS[i % len(LABELS)]}</span>'
                   f'<span data-pii="PERSON" data-region="{script}">{name}</span><span>10:{i:02d}</span></div>'
                   for i, (script, name) in enumerate(NAMES.items()))
    html = (f"<html><body style='margin:0;background:{bg};color:{fg};font:14px \"DejaVu Sans\",\"Noto Sans CJK SC\","
            f"sans-serif'><div style='background:{bar};padding:8px 16px'>Mail</div>"
            f"<style>.row{{display:flex;gap:28px;padding:8px 16px}}.label{{width:90px}}</style>{rows}</body></html>")
    return Screen("Mail", "Inbox", "https://mail.example.com", html, 720, 40 + 34 * len(NAMES))


@pytest.fixture(scope="module")
def renders():
    with Renderer() as renderer:  # Chromium is installed by `make install`: its absence fails here
        return [(dark, scale, *renderer.render(names_screen(dark), scale)) for dark in (False, True) for scale in (1, 2)]


def test_when_a_browser_screen_shows_names_in_other_scripts_then_they_are_covered_and_labels_stay(renders, policy):
    rules = policy.screenshots
    hidden, labels_read = {}, []
    for dark, scale, png, boxes in renders:
        image = Image.open(io.BytesIO(png)).convert("RGB")
        words = TesseractOcr(OcrSettings()).read(image)
        covered = other_script_indices(words, rules.other_script) | unreadable_indices(words, rules.unreadable_text)
        after = np.asarray(cover_words(image, [words[i] for i in sorted(covered)], rules.box_padding_px,
                                       rules.box_padding_height_ratio))
        for box in boxes:
            x0, y0, x1, y1 = (round(v) for v in box["box"])
            hidden[(box["region"], dark, scale)] = float((after[y0:y1, x0:x1] == FILL).all(axis=2).mean())
        labels_read += [w.text for i, w in enumerate(words) if w.text in LABELS and i not in covered]
    # Cyrillic and Greek, read again with their data, are covered whole on every render; Hangul,
    # Han, Devanagari and Arabic, read as unsure or round glyphs, on most (an Arabic name on a dark
    # 2x render is not read at all); Hebrew read as `nyn` surely is a known gap (docs/known-limits.md).
    assert min(v for (script, *_), v in hidden.items() if script in ("cyrillic", "greek")) >= 0.95
    for script in ("hangul", "han", "devanagari", "arabic"):
        assert sum(v >= 0.5 for (name, *_), v in hidden.items() if name == script) >= 3, script
    assert len(labels_read) >= len(LABELS) * len(renders)  # the English labels are read and left


def test_when_the_second_reads_script_data_is_missing_then_the_start_up_check_names_it(monkeypatch):
    monkeypatch.setattr(ocr_module, "installed_languages", lambda: frozenset({"Latin", "eng"}))
    with pytest.raises(OcrUnavailable, match="Cyrillic"):
        check_tesseract(OcrSettings())
    monkeypatch.setattr(ocr_module, "installed_languages", lambda: frozenset({"Latin", "eng", "Cyrillic", "Greek"}))
    check_tesseract(OcrSettings())


def test_when_detection_misses_a_name_read_in_another_script_then_it_is_filled_and_counted(ocr, policy):
    png, boxes = panel([("Approved 10:42  Олекса Бондаренко", "Олекса Бондаренко", DEJAVU),
                        ("Review the pull request", "pull request", DEJAVU)], 16)
    record = parse_line(json.dumps({"record_id": "s", "kind": "screenshot", "user_id": "u", "ts": TS,
                                    "image_b64": base64.b64encode(png).decode()}).encode(), "in.jsonl")
    words = ocr.read(Image.open(io.BytesIO(png)).convert("RGB"))
    assert "Олекса" in [w.text for w in words]  # the second read gave the name in its script
    keep = categories_kept(policy)
    missed = Finding(PreparedRecord(record, text_fields(record, words), png, words), ())  # detection found nothing
    out = sanitize(missed, keep, KEY)
    filled = [ink_filled(png, base64.b64decode(json.loads(out.json_line)["image_b64"]), box) for box in boxes]
    assert filled[0] >= 0.95 and filled[1] == 0.0
    assert dict(out.entity_counts).get(OTHER_SCRIPT, 0) == 2
    off = keep.model_copy(update={"screenshots": keep.screenshots.model_copy(update={
        "other_script": keep.screenshots.other_script.model_copy(update={"cover": False})})})
    assert OTHER_SCRIPT not in dict(sanitize(missed, off, KEY).entity_counts)


def test_one_tall_box_does_not_put_its_height_between_every_pair_of_crops(rules):
    """Review: the gap was `gap_heights` of the tallest crop for every pair, so a tall box (a logo read
    as a word) among many small words made a stack of words x its height (gigabytes on a full screen)."""
    image = Image.new("L", (1600, 1000), 255)
    words = [OcrWord("Logo", 0, 0, 1500, 900, 0, 0, 40)] + [word("Onekca", 70, left=10 * i, line=1) for i in range(150)]
    stack, rows = stacked(image, words, 1, rules)
    assert stack.height < 900 * 1.6 + 150 * 40 and len(rows) == 151


def test_when_the_stack_would_exceed_its_bound_then_the_frame_fails_without_content(rules):
    from models.script_read import MIN_STACK_PIXELS, StackTooLarge
    image = Image.new("L", (4000, 1000), 255)
    words = [OcrWord("Onekca", 0, 0, 4000, 900, 0, 0, 40)] * (MIN_STACK_PIXELS // (4000 * 900) + 1)
    with pytest.raises(StackTooLarge) as raised:
        stacked(image, words, 1, rules)
    assert "Onekca" not in str(raised.value)
