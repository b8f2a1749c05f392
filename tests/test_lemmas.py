"""Lemmas without tags, from the model's rule tables: the readings Presidio's context words and the
category term lists need, and close agreement with the tagger-based lemmatizer they replace."""
from __future__ import annotations

import json

import pytest
import spacy

from evaluation.corpus import CORPUS
from models.engine import DEFAULT_MODEL
from models.lemmas import PosFreeLemmatizer


@pytest.fixture(scope="module")
def full_nlp():
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def lemmatizer(full_nlp):
    return PosFreeLemmatizer(full_nlp.get_pipe("lemmatizer").lookups)


@pytest.mark.parametrize("word, lemma", [
    ("diagnosed", "diagnose"), ("prescribed", "prescribe"), ("refunds", "refund"), ("paid", "pay"),
    ("drawn", "draw"), ("left", "leave"), ("children", "child"), ("numbers", "number"),
    ("number", "number"), ("rent", "rent"), ("ssns", "ssn"), ("marcus", "marcus"), ("7.9", "7.9"),
])
def test_inflected_words_take_their_base_form_and_base_forms_stay(lemmatizer, word, lemma):
    assert lemmatizer.lemma(word) == lemma


def test_stop_words_take_only_exceptions_and_verb_rules(lemmatizer):
    assert [lemmatizer.lemma(word, stop_word=True) for word in ("was", "does", "as", "this")] == \
           ["be", "do", "as", "this"]


def test_in_the_pruned_pipeline_tokens_carry_lower_case_lemmas(analyzer):
    doc = analyzer.nlp_engine.nlp["en"]("Refunds were Denied for two Patients")
    assert [token.lemma_ for token in doc] == ["refund", "be", "deny", "for", "two", "patient"]


def test_on_the_development_corpus_lemmas_agree_with_the_tagger_based_lemmatizer(full_nlp, lemmatizer):
    specs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [text for spec in specs for text in
             [segment["text"] for segment in spec.get("segments", [])] + [spec.get("typed") or ""] + spec.get("lines", [])]
    pairs = [(token.lemma_.lower(), lemmatizer.lemma(token.lower_, token.is_stop))
             for doc in full_nlp.pipe(texts) for token in doc if token.is_alpha]
    agreeing = sum(tagged == untagged for tagged, untagged in pairs) / len(pairs)
    assert agreeing >= 0.95, f"{agreeing:.3f} of {len(pairs)} tokens"


def test_when_the_model_has_no_lemmatizer_tables_then_the_component_is_refused():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="lemmatizer"):
        nlp.add_pipe("pos_free_lemmatizer")
