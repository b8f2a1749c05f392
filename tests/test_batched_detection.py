"""Batched, pruned detection: the same findings as record by record, units mapped back to fields,
the cache transparent, and the pruning read from configuration."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from models.config_files import ConfigFileError
from models.detection import UNIT_SEPARATOR, AnalysisUnit, analysis_units, detect, detect_batch
from models.engine import AnalyzerSettings, build_analyzer, settings_for_policy, shared_detector
from models.parse import parse_line
from models.records import PreparedRecord, TextField
from models.text_views import text_fields
from tests.conftest import TS


def prepared(raw: dict) -> PreparedRecord:
    record = parse_line(json.dumps({"user_id": "u", "ts": TS, **raw}).encode(), "f")
    return PreparedRecord(record, text_fields(record))


def chat(record_id: str, *texts: str, **context) -> PreparedRecord:
    return prepared({"record_id": record_id, "kind": "transcript", **context, "segments": [
        {"speaker": "a", "start": float(i), "end": float(i + 1), "text": text} for i, text in enumerate(texts)]})


RECORDS = [
    chat("a", "ping jane.doe@example.com about the rollout", app="Slack", window_title="Slack | #eng-infra"),
    chat("b", "Marcus Whitfield here, call me on (415) 555-0172", "ok, after standup", app="Zoom"),
    chat("c", "A1C came back at 7.9, endo wants to bump the metformin", app="Messages"),
    chat("d", "the deploy is green", app="Slack", window_title="Slack | #eng-infra"),
]


def test_context_fields_are_units_of_their_own_and_a_records_texts_one_unit():
    fields = [TextField("app", "Slack"), TextField("segments/0", "hello"), TextField("segments/1", "there")]
    assert analysis_units(fields) == [
        AnalysisUnit("Slack", (("app", 0, 5),)),
        AnalysisUnit(f"hello{UNIT_SEPARATOR}there", (("segments/0", 0, 5), ("segments/1", 7, 12))),
    ]


@pytest.mark.slow
def test_when_records_are_detected_in_one_batch_then_findings_equal_record_by_record(analyzer_settings):
    batched = detect_batch(shared_detector(analyzer_settings), RECORDS, analyzer_settings)
    one_by_one = [detect(shared_detector(replace(analyzer_settings, cache_entries=0)), record, analyzer_settings)
                  for record in RECORDS]
    assert [(f.spans, f.category, f.category_scores) for f in batched] == \
           [(f.spans, f.category, f.category_scores) for f in one_by_one]
    spans = dict(batched[1].spans)
    text = RECORDS[1].fields[1].text
    assert {text[s.start:s.end] for s in spans["segments/0"]} >= {"Marcus Whitfield", "(415) 555-0172"}
    assert batched[2].category == "medical" and batched[3].category is None


def test_when_a_text_recurs_then_the_cached_result_is_the_same(analyzer_settings):
    detector = shared_detector(analyzer_settings)
    first = detect_batch(detector, RECORDS, analyzer_settings)
    assert detector.cached(analyzer_settings, "Slack | #eng-infra") is not None
    again = detect_batch(detector, RECORDS, analyzer_settings)
    assert [(f.spans, f.category_scores) for f in again] == [(f.spans, f.category_scores) for f in first]


def test_spans_found_in_a_joined_unit_land_in_their_own_segment(analyzer_settings):
    record = chat("s", "see you at noon", "write to jane.doe@example.com", "SSN 536-22-4187 on file", app="Notes")
    by_field = dict(detect_batch(shared_detector(analyzer_settings), [record], analyzer_settings)[0].spans)
    texts = {field.name: field.text for field in record.fields}
    found = {(name, s.entity_type, texts[name][s.start:s.end]) for name, spans in by_field.items() for s in spans}
    assert ("segments/1", "EMAIL_ADDRESS", "jane.doe@example.com") in found
    assert ("segments/2", "US_SSN", "536-22-4187") in found
    assert not any(name == "segments/0" and entity in ("EMAIL_ADDRESS", "US_SSN") for name, entity, _ in found)


DISGUISED = [
    chat("v1", "ok", "thanks priya, can you review the deploy", app="Slack", window_title="mail jane%2540example.com"),
    chat("v2", "my number is five five five, one two three, four five six seven", source="voice"),
    chat("v3", "the deploy is green"),
]


@pytest.mark.slow
def test_views_are_detected_in_the_batch_screened_and_completed_like_their_texts(analyzer_settings):
    """The lower-case name is found by PERSON recognizers, which run with NER: the view of a
    screened text must be completed too. Batched, the findings equal those of one record at a time,
    and those of full detection for every record not decided before NER."""
    batched = detect_batch(shared_detector(analyzer_settings), DISGUISED, analyzer_settings)
    one_by_one = [detect(shared_detector(replace(analyzer_settings, cache_entries=0)), record, analyzer_settings)
                  for record in DISGUISED]
    full_settings = replace(analyzer_settings, drop_categories=frozenset())
    full = detect_batch(shared_detector(full_settings), DISGUISED, full_settings)
    assert [(f.spans, f.category) for f in batched] == [(f.spans, f.category) for f in one_by_one]
    assert [f.category for f in batched] == [f.category for f in full]
    assert [f.spans for f in batched if f.complete] == [f.spans for f, b in zip(full, batched) if b.complete]
    assert batched[0].complete and batched[2].complete
    texts = [{field.name: field.text for field in record.fields} for record in DISGUISED]
    found = [{(name, s.entity_type, text[name][s.start:s.end]) for name, spans in f.spans for s in spans}
             for f, text in zip(batched, texts)]
    assert {("segments/1", "PERSON", "priya"), ("window_title", "EMAIL_ADDRESS", "jane%2540example.com")} <= found[0]
    assert ("segments/0", "PHONE_NUMBER", "five five five, one two three, four five six seven") in found[1]


def test_the_pruned_analyzer_runs_ner_and_lemmas_only_and_finds_the_entities_of_the_full_pipeline(analyzer_settings):
    from models.recognizers.config import recognizer_data
    pruned = build_analyzer(analyzer_settings)
    assert pruned.nlp_engine.nlp["en"].pipe_names == ["ner", "pos_free_lemmatizer"]
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer
    phones = [r for r in pruned.registry.recognizers if isinstance(r, PhoneRecognizer)]
    assert [tuple(r.supported_regions) for r in phones] == [recognizer_data().phone_regions]
    full = build_analyzer(replace(analyzer_settings, pruned=False))
    assert full.nlp_engine.nlp["en"].pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    texts = [field.text for record in RECORDS for field in record.fields]
    assert [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in pruned.nlp_engine.nlp["en"].pipe(texts)] \
        == [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in full.nlp_engine.nlp["en"].pipe(texts)]


def test_recognizers_of_types_that_nothing_reads_are_not_run_and_the_others_are(policy):
    settings = settings_for_policy(policy)
    assert {"URL", "DATE_TIME", "UUID"} <= settings.unused_entities
    assert "DRUG_NAME" not in settings_for_policy(policy.model_copy(update={"entities": {
        **policy.entities, "DRUG_NAME": policy.entities["URL"]}})).unused_entities  # kept, but medical weighs it
    names = {r.name for r in build_analyzer(settings).registry.recognizers}
    assert not names & {"UrlRecognizer", "DateRecognizer", "UuidRecognizer"}
    assert {"SpacyRecognizer", "ShortCandidatesSkippedPhoneRecognizer", "DrugNameRecognizer"} <= names
    masking_urls = policy.model_copy(update={"entities": {**policy.entities, "URL": policy.entities["PERSON"]}})
    assert "UrlRecognizer" in {r.name for r in build_analyzer(settings_for_policy(masking_urls)).registry.recognizers}


def test_when_the_nlp_file_disables_an_unknown_component_then_building_fails_naming_it(tmp_path, monkeypatch):
    import models.engine as analyzer_module
    config = tmp_path / "nlp.yaml"
    config.write_text(analyzer_module.NLP_CONFIG.read_text().replace("disabled_components: [tok2vec, tagger, parser,",
                                                                    "disabled_components: [tok2vec, tagger, parsr,"))
    monkeypatch.setattr(analyzer_module, "NLP_CONFIG", config)
    with pytest.raises(ConfigFileError, match="parsr"):
        build_analyzer(AnalyzerSettings())


def test_when_a_phone_region_is_unknown_then_the_recognizer_file_is_refused(tmp_path):
    from models.recognizers.config import RECOGNIZERS_FILE, load_recognizer_data
    path = tmp_path / "recognizers.yaml"
    path.write_text(RECOGNIZERS_FILE.read_text().replace("phone_regions: [US,", "phone_regions: [XX, US,"))
    with pytest.raises(ConfigFileError, match="phone_regions"):
        load_recognizer_data(path)


@pytest.mark.slow
def test_records_decided_without_ner_get_the_category_of_full_detection_and_kept_ones_the_same_spans(
        analyzer_settings):
    from evaluation.bench import _prepared
    from evaluation.corpus import load_development
    records, _ = load_development()
    prepared_records = _prepared([raw for raw in records if raw["kind"] != "screenshot"])
    full_settings = replace(analyzer_settings, drop_categories=frozenset())  # NER on every record
    screened = detect_batch(shared_detector(analyzer_settings), prepared_records, analyzer_settings)
    full = detect_batch(shared_detector(full_settings), prepared_records, full_settings)
    assert [f.category for f in screened] == [f.category for f in full]
    assert [f.spans for f in screened if f.category is None] == [f.spans for f in full if f.category is None]
    # A finding that lacks what full detection found is marked incomplete, and is one the policy drops.
    assert all(not s.complete and s.category in analyzer_settings.drop_categories
               for s, f in zip(screened, full) if s.spans != f.spans)
    assert all(s.spans == f.spans for s, f in zip(screened, full) if s.complete)
    decided_early = sum(not s.complete for s in screened)
    assert decided_early > 0.2 * len(full)  # dropped records whose names NER was not asked to find


def test_a_record_sure_to_be_dropped_is_not_run_through_ner_and_one_kept_is(analyzer_settings):
    medical = chat("m", "Dr. Marcus Whitfield says the A1C came back at 7.9, bump the metformin to 1000 mg",
                   app="Messages")
    benign = chat("b", "Marcus Whitfield says the deploy is green", app="Slack")
    found = detect_batch(shared_detector(analyzer_settings), [medical, benign], analyzer_settings)
    types = [{s.entity_type for _, spans in f.spans for s in spans} for f in found]
    assert found[0].category == "medical" and "PERSON" not in types[0] and "DRUG_NAME" in types[0]
    assert found[1].category is None and "PERSON" in types[1]


def test_settings_fitted_to_a_policy_skip_no_more_than_it_allows(analyzer_settings, policy):
    from models.engine import fitted_to_policy
    from tests.conftest import categories_kept
    assert analyzer_settings.drop_categories == {"medical", "tax", "private_chat", "performance"}
    assert fitted_to_policy(analyzer_settings, categories_kept(policy)).drop_categories == frozenset()
    masking_urls = policy.model_copy(update={"entities": {**policy.entities, "URL": policy.entities["PERSON"]}})
    assert "URL" not in fitted_to_policy(analyzer_settings, masking_urls).unused_entities
    assert fitted_to_policy(analyzer_settings, policy) == analyzer_settings
