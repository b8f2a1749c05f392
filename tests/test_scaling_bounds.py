"""Per-record cost stays linear: the texts spaCy's tokenizers are handed are bounded (chunks, and runs of
punctuation and long tokens cut by `broken_runs` and `broken_tokens`) while the recognizers read the
text as written, and the patterns that scanned back or forward over a whole run are bounded. Cost is
tested by counting work, never by timing."""
from __future__ import annotations

import json
import re
import string
from dataclasses import replace

import pytest

from models.bounded_tokens import broken_runs, broken_tokens
from models.detection import chunks, detect
from models.normalize import build_normalizer
from models.parse import parse_line
from models.records import PreparedRecord
from models.text_views import text_fields

PUNCTUATION_RUN = re.compile(r"(?:_|[^\w\s])+")
FILLER = "We shipped the release today and the build is green again. "


def longest_run(text: str) -> int:
    return max((len(run) for run in PUNCTUATION_RUN.findall(text)), default=0)


def transcript_record(*texts: str) -> PreparedRecord:
    record = parse_line(json.dumps({"record_id": "r", "kind": "transcript", "user_id": "u", "ts": "2026-06-09T09:00:00Z",
                                    "segments": [{"speaker": "a", "start": i, "end": i + 1, "text": text}
                                                 for i, text in enumerate(texts)]}).encode(), "f")
    return PreparedRecord(record, text_fields(record))


def found(finding, entity_type: str) -> list[str]:
    """The texts of a finding's spans of one type, read back from the record's own segment texts."""
    segments = finding.prepared.record.segments
    return [segments[int(name.split("/")[1])].text[span.start:span.end] for name, spans in finding.spans
            if name.startswith("segments/") for span in spans if span.entity_type == entity_type]


@pytest.mark.parametrize("char", list(string.punctuation) + ["\u0301", "\u200b", "\u202e", "＠"])
def test_when_a_run_of_punctuation_is_long_then_it_is_cut_in_place_into_bounded_runs(char):
    text = "mail " + char * 1000 + " jane.doe@example.com " + char * 40
    cut = broken_runs(text, 32)
    assert len(cut) == len(text) and longest_run(cut) <= 32
    # Only characters of the long runs become blanks: every other offset reads the same character.
    assert all(a == b or (b == " " and a == char) for a, b in zip(text, cut))
    assert cut[:5] == "mail " and " jane.doe@example.com " in cut


@pytest.mark.parametrize("text", [
    "see https://example.com/a?b=c&d=e -- done... (really?!)", "a ------------------------------- b",
    "```python``` [[x]] {{y}} 'q' \"r\" ~/.ssh/id_rsa", "",
])
def test_when_punctuation_runs_are_short_then_the_text_is_left_as_it_is(text):
    assert broken_runs(text, 32) == text


@pytest.mark.parametrize("unit", ["'s", ":a", "%25", "a.b-", "x/"])
def test_when_a_token_with_affixes_is_long_then_it_is_cut_in_place_at_them(unit):
    text = "see " + unit * 2000 + " done"
    cut = broken_tokens(text, 256)
    assert len(cut) == len(text) and max(map(len, cut.split(" "))) <= 256
    assert all(a == b or (b == " " and not a.isalnum()) for a, b in zip(text, cut))


@pytest.mark.parametrize("text", [
    "a" * 5000, "key sk-" + "Ab3" * 80, "https://example.com/" + "a" * 200 + "?q=1", "plain words, short ones.",
])
def test_when_tokens_are_short_or_letters_and_digits_alone_then_they_are_left_as_they_are(text):
    assert broken_tokens(text, 256) == text


def test_chunks_are_bounded_and_map_back_onto_the_text():
    text = "".join(chr(0x61 + i % 26) for i in range(10_000))
    pieces = chunks(text, 1000, 100)
    assert max(len(piece) for _, piece in pieces) <= 1000
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)
    covered = set()
    for offset, piece in pieces:
        covered.update(range(offset, offset + len(piece)))
    assert covered == set(range(len(text)))


def test_when_an_email_follows_a_long_punctuation_run_then_it_is_found_at_its_own_offsets(detector,
                                                                                          analyzer_settings):
    text = "," * 3000 + " write to jane.doe@example.com " + "(" * 2000 + "ok"
    finding = detect(detector, transcript_record(text), analyzer_settings)
    assert found(finding, "EMAIL_ADDRESS") == ["jane.doe@example.com"]


def test_when_a_name_sits_on_a_chunk_edge_then_it_is_still_found(detector, analyzer_settings):
    settings = replace(analyzer_settings, chunk_chars=1000, chunk_overlap=100)
    head = FILLER * (995 // len(FILLER) + 1)
    head = head[:990 - len("Yesterday ")] + " Yesterday "
    text = head + "Margaret Thompson called about the invoice. " + FILLER * 20
    assert text.index("Margaret Thompson") < 1000 < text.index("Margaret Thompson") + len("Margaret Thompson")
    finding = detect(detector, transcript_record(text), settings)
    start = text.index("Margaret Thompson")
    person = [span for _, spans in finding.spans for span in spans if span.entity_type == "PERSON"]
    assert any(span.start <= start and span.end >= start + len("Margaret Thompson") for span in person)


def test_the_longest_punctuation_run_spacy_tokenizes_is_bounded_whatever_the_record_holds(
        detector, analyzer_settings, monkeypatch):
    """Work counted, not timed: spaCy's tokenizer is quadratic in a run of affixes, so the longest run
    of punctuation in any text it is handed bounds its cost per character (the analyzer's and the
    text classifier's tokenizers both)."""
    handed: list[str] = []
    nlp = detector.analyzer.nlp_engine.nlp[analyzer_settings.language]
    for bounded_tokenizer in (nlp.tokenizer, detector.classifier._text_classifier.tokenizer):
        def spy(text, inner=bounded_tokenizer.inner):
            handed.append(text)
            return inner(text)
        monkeypatch.setattr(bounded_tokenizer, "inner", spy)
    texts = [char * 5000 for char in ",\"'(.-_"] + ["\"'" * 3000, "(" * 4000 + "[x]" + ")" * 4000, "'s" * 3000,
                                                     "%25" * 2000]
    detect(detector, transcript_record(*texts), analyzer_settings)
    assert handed and max(map(longest_run, handed)) <= analyzer_settings.max_punctuation_run
    assert max(len(token) for text in handed for token in text.split()) <= analyzer_settings.max_token_chars
    assert max(map(len, handed[:-1])) <= analyzer_settings.chunk_chars  # the last: the classifier's, every text


@pytest.mark.parametrize("text, entity_type, value", [
    ("see " + "x" * 250 + "-jane.doe@example.com today", "EMAIL_ADDRESS", "jane.doe@example.com"),
    ("https://example.com/" + "a/" * 130 + "?email=jane.doe@example.com&x=1", "EMAIL_ADDRESS", "jane.doe@example.com"),
    ("curl 'https://bucket.s3.amazonaws.com/q3.pdf?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240101%2Fus-east-1"
     "%2Fs3%2Faws4_request&X-Amz-Date=20240101T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
     "&X-Amz-Signature=9f2c41d07be6a85e3c1f40d29ab78e65f03c1d2b4a9e87f6c05d31b2e4f7a890'", "SECRET",
     "9f2c41d07be6a85e3c1f40d29ab78e65f03c1d2b4a9e87f6c05d31b2e4f7a890"),
])
def test_when_a_value_sits_in_a_token_longer_than_spacy_is_handed_then_it_is_found_whole(
        detector, analyzer_settings, text, entity_type, value):
    assert len(max(text.split(), key=len)) > analyzer_settings.max_token_chars
    start = text.index(value)
    spans = [span for _, spans in detect(detector, transcript_record(text), analyzer_settings).spans
             for span in spans if span.entity_type == entity_type]
    assert any(span.start <= start and span.end >= start + len(value) for span in spans)


def test_when_a_text_opens_with_a_combining_mark_then_its_view_is_made_without_failing():
    normalizer = build_normalizer()
    assert normalizer.view("\u0301abc") is None
    view = normalizer.view("\u0301\u0301 j\u0301ane.doe@example.com")
    assert view is not None and "jane.doe@example.com" in view.text


@pytest.mark.parametrize("text, value", [
    ("DOB: 1990-04-12", "1990-04-12"),
    ("date of birth :\t\t 04/12/1990", "04/12/1990"),
    ("birthday =        12.04.1990", "12.04.1990"),
])
def test_when_a_date_follows_a_birth_label_then_it_is_found(analyzer, analyzer_settings, text, value):
    results = analyzer.analyze(text=text, language="en", entities=["DATE_OF_BIRTH"],
                               score_threshold=analyzer_settings.score_threshold)
    assert value in {text[r.start:r.end] for r in results}


def test_when_blanks_between_a_label_and_a_date_run_long_then_the_label_is_not_read_as_its_cue(
        analyzer, analyzer_settings):
    text = "DOB:" + "\t" * 40 + "1990-04-12"
    results = analyzer.analyze(text=text, language="en", entities=["DATE_OF_BIRTH"],
                               score_threshold=analyzer_settings.score_threshold)
    assert not [r for r in results if r.score >= 0.85]


def test_labelled_value_patterns_bound_every_blank_in_their_lookbehind(analyzer):
    patterns = [pattern.regex for recognizer in analyzer.registry.recognizers
                if recognizer.name.startswith("LabelledValue") for pattern in recognizer.patterns]
    assert patterns and not [regex for regex in patterns if r"\s*" in regex.split(")(?:")[0]]


def test_work_artefacts_are_counted_by_the_bounded_patterns_and_look_alikes_are_not():
    from models.categories import category_data
    from models.category_signals import artefacts, compiled
    patterns = compiled(category_data().artefacts)
    assert artefacts("12,500 customers hit parser.py and my-long_module-name.test.py", patterns) == {
        "population": 1, "code_file": 2}
    assert artefacts("the parser.pyc of 12,500 customer-facing pages", patterns) == {}
