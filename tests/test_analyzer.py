"""The real Presidio + spaCy analyzer: built and run offline, with our recognizers registered."""
from __future__ import annotations

import pytest

from models.engine import AnalyzerSettings, ModelNotInstalled, build_analyzer


def spans_of(analyzer, settings, text):
    results = analyzer.analyze(text=text, language="en", score_threshold=settings.score_threshold)
    return {(r.entity_type, text[r.start:r.end]) for r in results}


def test_when_network_is_unreachable_then_analyzer_builds_and_detects(no_network, analyzer_settings):
    analyzer = build_analyzer(analyzer_settings)
    text = "Ask Jane Doe at jane.doe@example.com or (415) 555-0172, key sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE"
    found = spans_of(analyzer, analyzer_settings, text)
    assert {("PERSON", "Jane Doe"), ("EMAIL_ADDRESS", "jane.doe@example.com"),
            ("PHONE_NUMBER", "(415) 555-0172")} <= found
    assert any(entity in ("API_KEY", "SECRET") and "sk-proj" in value for entity, value in found)
    assert no_network == []


@pytest.mark.parametrize("text, entity, value", [
    ("SSN 536-22-4187 on file", "US_SSN", "536-22-4187"),
    ("card 4111 1111 1111 1111 expires", "CREDIT_CARD", "4111 1111 1111 1111"),
    ("ssh deploy@10.20.30.40 now", "IP_ADDRESS", "10.20.30.40"),
    ("IBAN DE89 3704 0044 0532 0130 00", "IBAN_CODE", "DE89 3704 0044 0532 0130 00"),
])
def test_when_text_holds_pii_then_the_stock_recognizers_find_it(analyzer, analyzer_settings, text, entity, value):
    assert (entity, value) in spans_of(analyzer, analyzer_settings, text)


def test_when_model_is_not_installed_then_build_refuses_instead_of_downloading(no_network):
    with pytest.raises(ModelNotInstalled):
        build_analyzer(AnalyzerSettings(model_name="en_core_web_trf_not_installed"))
    assert no_network == []


def test_long_texts_are_cut_into_overlapping_chunks_that_cover_everything():
    from models.detection import chunks
    text = "".join(chr(97 + i % 26) for i in range(2500))
    pieces = chunks(text, size=1000, overlap=100)
    assert [offset for offset, _ in pieces] == [0, 900, 1800]
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)
    assert pieces[-1][0] + len(pieces[-1][1]) == len(text)
    assert chunks("short", 1000, 100) == [(0, "short")]


def test_when_an_entity_sits_on_a_chunk_edge_then_it_is_still_found(analyzer_settings):
    import json
    from dataclasses import replace

    from models.detection import detect
    from models.engine import shared_detector
    from models.parse import parse_line
    from models.records import PreparedRecord
    from models.text_views import text_fields
    text = "x " * 495 + "mail jane.doe@example.com now " + "y " * 600
    settings = replace(analyzer_settings, chunk_chars=1000, chunk_overlap=100)
    record = parse_line(json.dumps({"record_id": "r", "kind": "transcript", "user_id": "u",
                                    "ts": "2026-06-09T09:00:00Z", "segments": [
                                        {"speaker": "a", "start": 0, "end": 1, "text": text}]}).encode(), "f")
    finding = detect(shared_detector(settings), PreparedRecord(record, text_fields(record)), settings)
    emails = [text[s.start:s.end] for _, spans in finding.spans for s in spans if s.entity_type == "EMAIL_ADDRESS"]
    assert emails == ["jane.doe@example.com"]


def test_presidio_log_messages_keep_their_pattern_but_not_the_text_they_quote(analyzer, caplog):
    import logging
    with caplog.at_level(logging.WARNING, logger="presidio-analyzer"):
        logging.getLogger("presidio-analyzer").error("Failed to validate text %s", "DE89 jane.doe secret")
    assert "Failed to validate text" in caplog.text and "jane.doe" not in caplog.text


def test_the_bisecting_context_enhancer_finds_the_token_of_every_offset_as_presidios_loop(analyzer):
    from models.compat import LemmaContextEnhancer
    from models.context_words import BisectingContextEnhancer
    text = "  Call  me at (415) 555-0172,\n\nthen e-mail jane.doe@example.com   "
    artifacts = analyzer.nlp_engine.process_text(text, "en")

    def token_at(enhancer, start):
        try:
            return enhancer.match_token_index("w", start, artifacts.tokens, artifacts.tokens_indices)
        except ValueError:
            return None

    stock = [token_at(LemmaContextEnhancer(), start) for start in range(len(text) + 1)]
    assert [token_at(BisectingContextEnhancer(), start) for start in range(len(text) + 1)] == stock
    assert stock[-1] is None and stock[0] == 0  # past the last token nothing; leading space: the first


def test_context_words_raise_scores_as_with_presidios_enhancer(analyzer):
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from models.compat import LemmaContextEnhancer
    from models.context_words import BisectingContextEnhancer
    text = "my phone number is 212-555-0199 and the patient's MRN 4481920; ssn 536-22-4187 on file"
    artifacts = analyzer.nlp_engine.process_text(text, "en")
    recognizers = analyzer.registry.get_recognizers("en", all_fields=True)
    raw = [result for recognizer in recognizers for result in recognizer.analyze(text, recognizer.supported_entities,
                                                                                  artifacts)]

    def scores(enhancer):
        return sorted((r.entity_type, r.start, r.end, r.score)
                      for r in enhancer.enhance_using_context(text, raw, artifacts, recognizers))

    class NoContext(LemmaContextEnhancer):  # the compat hook is what Presidio's enhancer consults
        def surrounding_words(self, nlp_artifacts, word, start):
            return []

    unenhanced = sorted((r.entity_type, r.start, r.end, r.score) for r in raw)
    assert scores(BisectingContextEnhancer()) == scores(LemmaContextAwareEnhancer()) == scores(LemmaContextEnhancer())
    assert scores(BisectingContextEnhancer()) != unenhanced and scores(NoContext()) == unenhanced


@pytest.mark.slow
def test_every_context_word_raises_a_score_in_the_pruned_analyzer_as_in_the_full_pipeline(analyzer_settings, policy):
    from dataclasses import replace

    from models.engine import build_analyzer
    pruned, full = build_analyzer(analyzer_settings), build_analyzer(replace(analyzer_settings, pruned=False))
    values = ("D1234567 K7654321 912803456 123-45-6789 4111111111111111 021000021 GB82WEST12345698765432 "
              "AB123456C 943 476 5919 12-3456789 9123456780")
    texts = [f"our {form} on file: {values}" for recognizer in full.registry.recognizers
             for word in recognizer.context or [] for form in (word, word + "s", word.upper(), word.title() + "s")]
    texts += ["our DLs on file: D1234567 and K7654321", "CDLs: D1234567", "United States 912803456"]

    def replaced(analyzer, text):
        return {(r.entity_type, r.start, r.end) for r in analyzer.analyze(text, "en", score_threshold=0.4)
                if policy.replaces(r.entity_type)}

    assert len(texts) > 300
    assert [text for text in texts if replaced(full, text) - replaced(pruned, text)] == []


def test_when_a_recognizer_regex_times_out_then_detection_fails_instead_of_keeping_a_partial_scan(monkeypatch):
    import presidio_analyzer.pattern_recognizer as pattern_module
    from presidio_analyzer import Pattern, PatternRecognizer

    from models.engine import RegexTimedOut
    monkeypatch.setattr(pattern_module, "REGEX_TIMEOUT_SECONDS", 0.05)
    backtracking = PatternRecognizer(supported_entity="SLOW", patterns=[Pattern("slow", r"(a|aa)+$", 0.9)])
    with pytest.raises(RegexTimedOut):
        backtracking.analyze("a" * 60 + "!", ["SLOW"])


def test_a_registry_file_of_its_own_decides_which_presidio_recognizers_run(tmp_path, analyzer_settings):
    from dataclasses import replace

    from models.recognizers.registry import REGISTRY_FILE
    path = tmp_path / "presidio_registry.yaml"
    path.write_text(REGISTRY_FILE.read_text(encoding="utf-8").replace(
        "- {name: IbanRecognizer, type: predefined}", "- {name: IbanRecognizer, type: predefined, enabled: false}"),
        encoding="utf-8")
    names = {r.name for r in build_analyzer(replace(analyzer_settings, registry_file=str(path))).registry.recognizers}
    assert "IbanRecognizer" not in names and {"IpRecognizer", "ApiKeyRecognizer", "SpacyRecognizer"} <= names
