"""The private parts of Presidio and phonenumbers this project relies on, in one place, each checked
against the versions in CHECKED_VERSIONS (tests/test_compat.py fails when another version is installed)."""
from __future__ import annotations

import logging
from collections.abc import Iterable

import regex
from phonenumbers import PhoneNumberMatcher
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import PhoneRecognizer
from spacy.tokens import Doc

from models.recognizers.config import compiled as compiled_pattern
from models.recognizers.gates import GatedRegex, GateSettings, any_admits, check_ungated, gate_for

# The distributions whose private names are used below, at the versions they were read in.
CHECKED_VERSIONS = {"presidio-analyzer": "2.2.366", "phonenumbers": "9.0.43"}


# Where a doc keeps the token-level parts of its first conversion (`doc_to_nlp_artifacts`).
_TOKEN_PARTS = "presidio_token_parts"


def doc_to_nlp_artifacts(nlp_engine: SpacyNlpEngine, doc: Doc, language: str) -> NlpArtifacts:
    """Presidio's own conversion of a spaCy doc into NlpArtifacts (the one `process_batch` applies),
    for docs run through spaCy apart from Presidio; private `_doc_to_nlp_artifact`. A doc converted
    again (screened without NER, then completed after it) reuses its lemmas, token offsets and
    keywords, which NER does not change (keywords cost a vocabulary lookup per token), and only its
    entities are read anew, as Presidio reads them (private `_get_entities`, `_get_scores_for_entities`,
    `_get_updated_entities`)."""
    kept = doc.user_data.get(_TOKEN_PARTS)
    if kept is None or kept[0] != (language, len(doc)):
        artifacts = nlp_engine._doc_to_nlp_artifact(doc, language)  # pylint: disable=protected-access
        doc.user_data[_TOKEN_PARTS] = ((language, len(doc)), tuple(artifacts.lemmas),
                                       tuple(artifacts.tokens_indices), tuple(artifacts.keywords))
        return artifacts
    _, lemmas, indices, keywords = kept
    entities, scores = nlp_engine._get_updated_entities(  # pylint: disable=protected-access
        nlp_engine._get_entities(doc), nlp_engine._get_scores_for_entities(doc))  # pylint: disable=protected-access
    # no engine to the constructor, so it computes no keywords; the doc's own are set after
    artifacts = NlpArtifacts(entities=entities, tokens=doc, tokens_indices=list(indices), lemmas=list(lemmas),
                             nlp_engine=None, language=language, scores=scores)
    artifacts.nlp_engine, artifacts.keywords = nlp_engine, list(keywords)
    return artifacts


def checked_pattern(name: str, pattern: str, score: float) -> Pattern:
    """Presidio's Pattern as its constructor makes it, the regex checked through the process's compile cache:
    Presidio's own check (`__validate_regex`) compiles every pattern again at each detector build, past
    `regex`'s cache of 500, for about a third of a build's CPU time."""
    try:
        compiled_pattern(pattern)
    except regex.error as exc:
        raise ValueError(f"Invalid regex pattern: {exc}") from None
    if not 0 <= score <= 1:
        raise ValueError(f"Invalid score: {score}. Score should be between 0 and 1")
    made = Pattern.__new__(Pattern)
    made.__dict__.update(name=name, regex=pattern, score=score, compiled_regex=None, compiled_with_flags=None)
    return made


def compile_patterns(recognizers: Iterable[EntityRecognizer], gates: GateSettings | None = None) -> None:
    """Compile every pattern of the pattern recognizers now, with the flags they read with, as
    PatternRecognizer does on its first text (`__analyze_patterns` fills `compiled_regex` and
    `compiled_with_flags`): the few hundred patterns cost about 2 s, paid at start-up rather than by the
    first records a worker reads (and again whenever `regex`'s cache of 500 patterns was churned).
    With `gates`, each pattern that has a gate (models/recognizers/gates.py) scans only texts it admits:
    Presidio calls nothing of `compiled_regex` but `finditer`."""
    recognizers = list(recognizers)
    if gates is not None:
        check_ungated(recognizers, gates)
    for recognizer in recognizers:
        if isinstance(recognizer, PatternRecognizer):
            ungated = gates.ungated.get(recognizer.name, ()) if gates is not None else ()
            for pattern in recognizer.patterns:
                pattern.compiled_with_flags = recognizer.global_regex_flags
                compiled = compiled_pattern(pattern.regex, recognizer.global_regex_flags)
                gate = (gate_for(pattern.regex, recognizer.global_regex_flags, gates)
                        if gates is not None and pattern.name not in ungated else None)
                pattern.compiled_regex = compiled if gate is None else GatedRegex(compiled, gate)
            if gates is not None:
                _skip_when_gated_out(recognizer)


def _skip_when_gated_out(recognizer: PatternRecognizer) -> None:
    """When every pattern of the recognizer is gated, its pattern loop (private `__analyze_patterns`, which
    `analyze` calls, a subclass's through `super()`) returns no results at once for a text none of the
    gates admits, as the loop would after asking each pattern in turn (two clock reads, a log call and a
    `finditer` each). Any other case (a pattern ungated or replaced, other flags, which Presidio would
    compile ungated) runs the loop itself."""
    patterns = list(recognizer.patterns)
    if not patterns or not all(isinstance(pattern.compiled_regex, GatedRegex) for pattern in patterns):
        return
    loop = recognizer._PatternRecognizer__analyze_patterns  # pylint: disable=protected-access
    regexes = tuple(pattern.compiled_regex for pattern in patterns)
    pattern_gates = tuple(compiled.gate for compiled in regexes)
    flags = recognizer.global_regex_flags

    def analyze_patterns(text: str, regex_flags: int | None = None) -> list[RecognizerResult]:
        if ((regex_flags or flags) == flags and len(recognizer.patterns) == len(regexes)
                and all(pattern.compiled_regex is compiled and pattern.compiled_with_flags == flags
                        for pattern, compiled in zip(recognizer.patterns, regexes))
                and not any_admits(pattern_gates, text)):
            return []
        return loop(text, regex_flags)

    recognizer._PatternRecognizer__analyze_patterns = analyze_patterns  # pylint: disable=protected-access


def is_regex_timeout(record: logging.LogRecord) -> bool:
    """Whether a log record is PatternRecognizer's warning that a pattern timed out and was skipped:
    Presidio only logs it, so the message is the one sign (`pattern_recognizer.py`, `analyze`)."""
    return isinstance(record.msg, str) and record.msg.startswith("Regex pattern") and "timed out" in record.msg


def phone_result(recognizer: PhoneRecognizer, match, text: str, region: str,
                 nlp_artifacts: NlpArtifacts | None) -> RecognizerResult:
    """PhoneRecognizer's result for one phonenumbers match (score, explanation, context), as its
    `analyze` builds it; private `_get_recognizer_result`."""
    return recognizer._get_recognizer_result(match, text, region, nlp_artifacts)  # pylint: disable=protected-access


class LemmaContextEnhancer(LemmaContextAwareEnhancer):
    """Presidio's lemma context enhancer with its two private steps opened as hooks to override:
    `match_token_index` (the token a match starts in) and `surrounding_words` (the words read around it)."""

    def match_token_index(self, word: str, start: int, tokens, tokens_indices: list[int]) -> int:
        """Stock: the first token holding `start` or ending after it, found by a walk from the first."""
        return LemmaContextAwareEnhancer._find_index_of_match_token(  # pylint: disable=protected-access
            word, start, tokens, tokens_indices)

    def surrounding_words(self, nlp_artifacts: NlpArtifacts, word: str, start: int) -> list[str]:
        """Stock: the lemmas of the words before and after the match's token."""
        return LemmaContextAwareEnhancer._extract_surrounding_words(  # pylint: disable=protected-access
            self, nlp_artifacts, word, start)

    # Presidio calls these private names (`enhance_using_context`, `_extract_surrounding_words`).
    def _find_index_of_match_token(self, word, start, tokens, tokens_indices):
        return self.match_token_index(word, start, tokens, tokens_indices)

    def _extract_surrounding_words(self, nlp_artifacts, word, start):
        return self.surrounding_words(nlp_artifacts, word, start)


class FilteredPhoneNumberMatcher(PhoneNumberMatcher):
    """phonenumbers' matcher with a hook, `accepts`, that passes over a candidate before it is
    parsed; its private step `_extract_match` is where a candidate is parsed."""

    def accepts(self, candidate: str) -> bool:
        """Stock: every candidate is parsed."""
        return True

    def _extract_match(self, candidate, offset):
        if not self.accepts(candidate):
            return None
        return super()._extract_match(candidate, offset)  # pylint: disable=protected-access
