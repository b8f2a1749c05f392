"""Gates of pattern regexes (models/recognizers/gates.py): derived from the pattern, never stricter than it,
and the findings of the real analyzer the same with them as without."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
import regex
from presidio_analyzer import PatternRecognizer

from evaluation.corpus import CORPUS
from models.recognizers.gates import GatedRegex, GateSettings, check_ungated, derive_gate, fold, gated_compile, grams

SETTINGS = GateSettings(max_strings=2000, max_clauses=2, min_length=2, rare_characters="@~")
TESTS = Path(__file__).resolve().parent


def admits(pattern: str, text: str, flags: int = 0) -> bool:
    gate = derive_gate(pattern, flags, SETTINGS)
    return gate is None or gate.admits(grams(fold(text)))


def test_a_cue_pattern_skips_texts_without_its_cue():
    pattern = r"(?<![\w\-])(?i:pass(?:word|wd)?|pwd)\s*[:=]\s*\S+"
    assert derive_gate(pattern, 0, SETTINGS) is not None
    assert not admits(pattern, "Merged the release branch and rebuilt the staging images.")
    assert admits(pattern, "PASSWORD: hunter22")
    assert admits(pattern, "the Passwd=x9")


def test_a_cue_list_kept_as_a_prefix_tree_gives_its_whole_words():
    # the words' shared first letter alone would gate nothing; the words do
    pattern = r"(?<![\w\-])(?i:p(?:in(?:\s+code)?|w(?:d)?|ass\s+phrase))\s*[:=]\s*\S+"
    assert derive_gate(pattern, 0, SETTINGS) is not None
    assert not admits(pattern, "opened the pipeline, then deployed")
    for text in ("PIN code: 4821", "pwd=x9", "pin:1234", "the pass  phrase = tulip"):
        assert admits(pattern, text), text


def test_a_repeated_or_open_node_still_gives_what_it_begins_with():
    assert not admits(r"(?:ab){2,3}\w+", "a b a b")
    assert admits(r"(?:ab){2,3}\w+", "ababx")
    assert not admits(r"user(?:name)?\s+[a-z]+", "the use case")
    assert admits(r"user(?:name)?\s+[a-z]+", "username jdoe")


def test_gates_read_through_properties_keep_and_lookaheads():
    assert derive_gate(r"\p{Lu}\p{Ll}+ commented", 0, SETTINGS) is not None
    assert not admits(r"\p{Lu}\p{Ll}+ commented", "Ana approved these changes")
    assert admits(r"(?m)^\w+\K@(?=[a-z]+host)", "jdoe@buildhost")
    assert not admits(r"(?m)^\w+\K@(?=[a-z]+host)", "jdoe@build")


def test_an_optional_part_is_never_required():
    assert admits(r"(?:dear\s+)?[A-Z][a-z]+,", "Ana, thanks")
    assert admits(r"colou?r code", "color code")


def test_no_gate_where_the_syntax_is_the_regex_modules_own():
    for pattern in (r"(?:password){e<=1}", r"(?V1)[[a-z]--[aeiou]]+ing", r"\L<words>", r"[[:alpha:]]+key"):
        assert derive_gate(pattern, 0, SETTINGS) is None, pattern


def test_folding_keeps_letters_regex_matches_case_insensitively():
    pattern = r"(?i)kelvin"
    assert admits(pattern, "\u212aelvin")  # KELVIN SIGN folds to k
    assert regex.search(pattern, "\u212aelvin")
    assert admits(r"(?i)istanbul office", "\u0130stanbul office")


def test_gated_compile_matches_as_re_does():
    compiled = gated_compile(r"(?<!\w)(?:my|his|her) (?:diagnosis|prescription)", re.IGNORECASE)
    assert isinstance(compiled, GatedRegex)
    text = "Refilled My Prescription today; the prescription parser is fine"
    assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in compiled.compiled.finditer(text)]
    assert list(compiled.finditer("Rebuilt the prescription parser")) == []


def test_every_ungated_pattern_must_exist(detector):
    recognizers = detector.analyzer.registry.recognizers
    check_ungated(recognizers, SETTINGS)
    with pytest.raises(ValueError, match="NoSuchRecognizer/none"):
        check_ungated(recognizers, GateSettings(**{**SETTINGS.model_dump(), "ungated": {"NoSuchRecognizer": ("none",)}}))


def _test_strings() -> list[str]:
    """Every string literal of the test suite (the patterns' own positive and negative examples) and the
    development corpus's texts."""
    strings = set()
    for path in TESTS.glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and 3 <= len(node.value) <= 5000:
                strings.add(node.value)
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            spec = json.loads(line)
            strings.update(filter(None, [spec.get("typed"), spec.get("window_title"), spec.get("url")]))
            strings.update(segment["text"] for segment in spec.get("segments", []))
    return sorted(strings)


def test_every_gate_admits_every_text_its_pattern_matches(detector):
    gated = [(recognizer.name, pattern.name, pattern.compiled_regex)
             for recognizer in detector.analyzer.registry.recognizers if isinstance(recognizer, PatternRecognizer)
             for pattern in recognizer.patterns if isinstance(pattern.compiled_regex, GatedRegex)]
    classifier = detector.classifier
    category_patterns = [*classifier._person_patterns, *classifier._artefacts.items(),  # noqa: SLF001
                         *((category, pattern) for category, patterns in classifier._patterns.items()  # noqa: SLF001
                           for pattern, _ in patterns)]
    gated += [(label, "", pattern) for label, pattern in category_patterns if isinstance(pattern, GatedRegex)]
    assert len(gated) > 100
    blocked = []
    strings = _test_strings()
    for text in strings:
        text_grams = grams(fold(text))
        for recognizer, name, compiled in gated:
            if not compiled.gate.admits(text_grams) and compiled.compiled.search(text):
                blocked.append(f"{recognizer}/{name}")
    assert len(strings) > 1000
    assert blocked == []


@pytest.mark.parametrize("text", [
    "Sprint review moved to Thursday; please update the Jira board and the release notes.",
    "your temporary password is Tq7#mLp2, change it after you sign in",
    "ssh jdoe@build-box and check /home/jdoe/.bashrc, Ana Lima commented 2 days ago",
    "Sign in as m.kowalska; numer konta 12 3456 7890 1234 5678 9012 3456",
    "call me on (359) 387-2289 or mail ravi.k@example.org",
])
def test_findings_are_the_same_with_and_without_gates(detector, text):
    def found():
        return sorted((r.entity_type, r.start, r.end, r.score)
                      for r in detector.analyzer.analyze(text=text, language="en", score_threshold=0.0))

    with_gates = found()
    gated = {id(pattern): (pattern, pattern.compiled_regex) for recognizer in detector.analyzer.registry.recognizers
             if isinstance(recognizer, PatternRecognizer) for pattern in recognizer.patterns
             if isinstance(pattern.compiled_regex, GatedRegex)}
    assert gated
    try:
        for pattern, compiled in gated.values():
            pattern.compiled_regex = compiled.compiled
        without = found()
    finally:
        for pattern, compiled in gated.values():
            pattern.compiled_regex = compiled
    assert with_gates == without


def test_a_work_text_skips_most_cue_patterns(detector):
    text = "Merged the release branch, rebuilt the staging images and closed the sprint."
    gated = [pattern.compiled_regex for recognizer in detector.analyzer.registry.recognizers
             if isinstance(recognizer, PatternRecognizer) for pattern in recognizer.patterns
             if isinstance(pattern.compiled_regex, GatedRegex)]
    skipped = sum(not compiled.gate.admits(grams(fold(text))) for compiled in gated)
    assert skipped >= len(gated) * 0.8


def test_phone_regions_are_not_read_in_a_text_with_too_few_digits(monkeypatch):
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    from models.recognizers import phone

    recognizer = phone.ShortCandidatesSkippedPhoneRecognizer(supported_regions=["US", "DE"])
    made = []
    original = phone._ShortCandidatesSkipped  # noqa: SLF001

    def counting(text, region, leniency):
        made.append(region)
        return original(text, region, leniency)

    monkeypatch.setattr(phone, "_ShortCandidatesSkipped", counting)
    work = "Release 2 shipped at 9:30; see the notes."  # 4 digits: too few for a US number, not for a DE one
    assert recognizer.analyze(work, ["PHONE_NUMBER"]) == []
    assert made == ["DE"]
    call = "call me on (212) 555-0187 tomorrow"
    stock = PhoneRecognizer(supported_regions=["US", "DE"])
    assert ([(r.start, r.end, r.score) for r in recognizer.analyze(call, ["PHONE_NUMBER"])]
            == [(r.start, r.end, r.score) for r in stock.analyze(call, ["PHONE_NUMBER"])] != [])


def test_gates_of_the_gates_file_are_derived_once_a_process():
    from models.recognizers.gates import gate_for, gate_settings

    pattern = r"(?i)\bpasscode\s*[:=]\s*\S+"
    first = gate_for(pattern, 0, gate_settings())
    assert first is not None and gate_for(pattern, 0, gate_settings()) is first
    # other settings (a test's, a tuning run's) are derived afresh, never served from the cache
    assert gate_for(pattern, 0, SETTINGS) is not first
