"""The gates' fast paths give the same answers as the plain checks (models/recognizers/gates.py, models/compat.py):
a text's pieces as a mask, kept per text and made again when a new gate adds pieces; a recognizer whose every
pattern is gated skipping its pattern loop; a doc converted again after NER reusing its token parts."""
from __future__ import annotations

import json

import pytest
import regex
from presidio_analyzer import Pattern, PatternRecognizer

from evaluation.corpus import CORPUS
from models.compat import compile_patterns, doc_to_nlp_artifacts
from models.recognizers.gates import GatedRegex, GateSettings, derive_gate, fold, gate_settings, grams

SETTINGS = GateSettings(max_strings=2000, max_clauses=2, min_length=2, rare_characters="@~")
WORK = "Merged the release branch, rebuilt the staging images and closed the sprint."


def naive_grams(folded: str) -> frozenset[str]:
    return frozenset(folded[i:i + n] for n in range(1, 6) for i in range(len(folded) - n + 1))


@pytest.mark.parametrize("text", ["", "a", "ab", "Straße İstanbul", WORK, "x" * 20000 + "passwd"])
def test_grams_are_every_piece_of_one_to_five_characters(text):
    # the last text is longer than the slices kept per length: its own are made for it
    assert grams(fold(text)) == naive_grams(fold(text))


def test_a_texts_mask_admits_what_its_grams_admit():
    patterns = [r"(?i)pass(?:word|wd)?\s*[:=]\s*\S+", r"\w+@[a-z]+\.(?:com|org)", r"(?i)customer\s+#?\d{4,}",
                r"(?i)(?:kontonummer|account no\.?)\s*\d+", r"sign(?:ed)? in as \S+"]
    gates = [derive_gate(pattern, 0, SETTINGS) for pattern in patterns]
    texts = [WORK, "PASSWORD: hunter22", "mail ravi@example.org", "Customer #48213 called", "signed in as jdoe",
             "Kontonummer 12345", "account no. 99", ""]
    for gate in gates:
        for text in texts:
            assert gate.admits_text(text) == gate.admits(grams(fold(text))), (gate, text)


def test_a_new_gates_pieces_are_found_in_a_text_whose_mask_was_kept_before():
    text = "the zyxwq token is qq1234"
    first = derive_gate(r"(?i)password\s*[:=]\s*\S+", 0, SETTINGS)
    assert not first.admits_text(text)  # the text's mask is now kept, before the next gate's pieces exist
    later = derive_gate(r"(?i)zyxwq\s+token\s+is\s+\S+", 0, SETTINGS)
    assert later.admits_text(text)
    assert not later.admits_text(WORK)


def test_gated_regex_finds_what_the_pattern_finds():
    pattern = regex.compile(r"(?i)pass(?:word|wd)?\s*[:=]\s*(\S+)")
    compiled = GatedRegex(pattern, derive_gate(pattern.pattern, 0, SETTINGS))
    for text in ["Password: Tq7mLp2x and passwd=abc", WORK]:
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in pattern.finditer(text)]


def _recognizer() -> PatternRecognizer:
    return PatternRecognizer(supported_entity="SECRET", name="TestSecrets", patterns=[
        Pattern("password after cue", r"(?i)(?<![\w\-])pass(?:word|wd)?\s*[:=]\s*\S+", 0.9),
        Pattern("token after cue", r"(?i)\btoken\s*[:=]\s*\S{8,}", 0.8)])


def _found(recognizer: PatternRecognizer, text: str, flags: int | None = None) -> list[tuple]:
    return sorted((r.entity_type, r.start, r.end, r.score) for r in recognizer.analyze(text, ["SECRET"], None, flags))


@pytest.mark.parametrize("text", ["password: Tq7mLp2x, token=abcdefgh12", "the TOKEN: 9f8e7d6c5b", WORK,
                                  "pass the salt, the token of thanks"])
def test_a_recognizer_of_gated_patterns_finds_what_the_stock_loop_finds(text):
    stock, gated = _recognizer(), _recognizer()
    compile_patterns([stock])
    compile_patterns([gated], gate_settings())
    assert all(isinstance(pattern.compiled_regex, GatedRegex) for pattern in gated.patterns)
    assert _found(gated, text) == _found(stock, text)


def test_the_skip_gives_way_when_a_pattern_is_replaced_or_the_flags_differ(monkeypatch):
    gated = _recognizer()
    compile_patterns([gated], gate_settings())
    calls = []
    loop = gated._PatternRecognizer__analyze_patterns  # noqa: SLF001
    # a text no gate admits: the loop is not run ...
    monkeypatch.setattr(gated.patterns[0].compiled_regex, "finditer", lambda *a, **k: calls.append(1) or iter(()))
    assert loop(WORK) == [] and calls == []
    # ... unless a pattern was swapped for an ungated one (read as it is) or other flags are asked for
    gated.patterns[1].compiled_regex = regex.compile(r"(?i)closed the (\w+)")
    assert [r.start for r in loop(WORK)] == [WORK.index("closed")]
    other = _recognizer()
    compile_patterns([other], gate_settings())
    assert _found(other, "PASSWORD: x9 then password=Tq7", flags=regex.IGNORECASE) == _found(
        _recognizer(), "PASSWORD: x9 then password=Tq7", flags=regex.IGNORECASE)


def test_the_shipped_recognizers_find_on_corpus_texts_what_they_find_with_every_pattern_asked(detector):
    # every pattern recognizer of the detector, its skip undone: the same results on ordinary and PII texts
    texts = [WORK]
    for line in CORPUS.read_text(encoding="utf-8").splitlines()[:120]:
        spec = json.loads(line) if line.strip() else {}
        texts += [segment["text"] for segment in spec.get("segments", [])] + ([spec["typed"]] if spec.get("typed") else [])
    recognizers = [r for r in detector.analyzer.registry.recognizers if isinstance(r, PatternRecognizer)
                   and "_PatternRecognizer__analyze_patterns" in vars(r)]
    assert len(recognizers) > 20
    for recognizer in recognizers:
        plain = PatternRecognizer._PatternRecognizer__analyze_patterns  # noqa: SLF001
        for text in texts[:200]:
            skipped = recognizer._PatternRecognizer__analyze_patterns(text)  # noqa: SLF001
            asked = plain(recognizer, text)
            assert [(r.start, r.end, r.score) for r in skipped] == [(r.start, r.end, r.score) for r in asked]


def test_a_doc_converted_again_after_ner_is_what_presidio_gives(analyzer):
    engine = analyzer.nlp_engine
    nlp = engine.nlp["en"]
    text = "Jane Doe met Dr. Smith in Paris on 3 May; call 415-555-0172 about the staging deploy."
    doc = next(nlp.pipe([text], disable=["ner"]))
    doc_to_nlp_artifacts(engine, doc, "en")  # screened: no entities yet; token parts kept on the doc
    nlp.get_pipe("ner")(doc)
    again = doc_to_nlp_artifacts(engine, doc, "en")
    fresh = engine._doc_to_nlp_artifact(doc, "en")  # noqa: SLF001
    assert again.to_json() == fresh.to_json() and again.keywords == fresh.keywords
    assert [(e.text, e.label_) for e in again.entities] == [(e.text, e.label_) for e in fresh.entities]
    assert again.entities and again.scores == fresh.scores


def test_features_of_a_screened_doc_with_ner_labels_are_the_features_after_ner(detector):
    # NER's labels are the one part of a text's features NER changes: completing a screened text keeps the rest
    nlp = detector.analyzer.nlp_engine.nlp["en"]
    texts = ["my W-2 from Acme Corp still shows the wrong SSN, Jane Doe said in Paris",
             "Dr. Patel moved my chemo to Tuesday at Mercy Hospital",
             WORK, "PLAT-12 fix the payroll export for Berlin - Jira"]
    for spec in CORPUS.read_text(encoding="utf-8").splitlines()[:60]:
        texts += [segment["text"] for segment in json.loads(spec).get("segments", [])] if spec.strip() else []
    labelled = 0
    for text, doc in zip(texts, nlp.pipe(texts, disable=["ner"])):
        screened = detector.classifier.features(doc, text)
        nlp.get_pipe("ner")(doc)
        assert detector.classifier.with_ner_labels(screened, doc) == detector.classifier.features(doc, text)
        labelled += bool(doc.ents)
    assert labelled >= 3


def test_the_gate_layer_reads_a_text_once_whatever_its_size(detector, monkeypatch):
    # crafted 1x, 4x and 16x texts: the pieces read for the gates grow as the text does, once per text
    import models.recognizers.gates as gates
    read: list[int] = []
    real = gates.grams

    def counted(folded: str) -> frozenset[str]:
        read.append(len(folded))
        return real(folded)

    monkeypatch.setattr(gates, "grams", counted)
    unit = "ping jdoe42 re the deploy, password: Tq7mLp2x; call (359) 387-2289 @ana_l "
    sizes = {}
    for times in (1, 4, 16):
        read.clear()
        text = f"{times}x " + unit * times
        detector.analyzer.analyze(text=text, language="en", score_threshold=0.4)
        sizes[times] = sum(read)
        assert read.count(len(text)) == 1  # the text itself, once, however many patterns ask
    assert sizes[16] <= 16 * sizes[1] * 1.2 and sizes[4] <= 4 * sizes[1] * 1.2
