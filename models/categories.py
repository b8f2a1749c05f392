"""Record-level category decision: is this record someone's medical, tax, private or HR content?

Weighs the whole record: term lists matched with spaCy's PhraseMatcher on words and lemmas, text
patterns (pay changes, ratings), the entity types detection found, the record's context (app, window
title, URL domain), and the probability a small trained text classifier (spaCy textcat, bag of
words) gives each category. Work signals (code, engineering vocabulary, developer tools) pull every
score down, so work that only mentions a trigger word ("patient_id column", "performance
regression") stays work.
"""
from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

import pydantic
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from models.config_files import DATA_DIR, StrictModel, load_yaml_file, term_list
from models.policy import CATEGORIES
from models.records import RawRecord

CATEGORIES_FILE = DATA_DIR / "categories.yaml"


def _compile_all(patterns: Iterable[str]) -> None:
    """Raise ValueError (which pydantic reports under the key) for the first pattern that does not compile."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"pattern {pattern!r} does not compile: {error}") from None


class TermFiles(StrictModel):
    """Term list files of one category, relative to models/data/."""

    strong: str
    weak: str


class CategorySignals(StrictModel):
    """Everything that points to one category."""

    terms: TermFiles
    entities: dict[str, float]
    ner_labels: dict[str, float] = {}
    # Regular expressions over the text; each distinct matched string adds the weight.
    patterns: dict[str, float] = {}
    apps: tuple[str, ...]
    domains: tuple[str, ...]

    @pydantic.field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: dict[str, float]) -> dict[str, float]:
        _compile_all(patterns)
        return patterns


class WorkSignals(StrictModel):
    """What marks a record as ordinary work."""

    terms: str
    apps: tuple[str, ...]
    host_labels: frozenset[str]
    title_patterns: tuple[str, ...]
    code_token_shapes: tuple[str, ...] = pydantic.Field(min_length=1)
    max_code_tokens: int = pydantic.Field(ge=0)

    @pydantic.field_validator("code_token_shapes", "title_patterns")
    @classmethod
    def _shapes_compile(cls, shapes: tuple[str, ...]) -> tuple[str, ...]:
        _compile_all(shapes)
        return shapes


class Weights(StrictModel):
    """How much each kind of signal counts."""

    strong_term: float = pydantic.Field(gt=0)
    weak_term: float = pydantic.Field(ge=0)
    app: float = pydantic.Field(ge=0)
    title_app: float = pydantic.Field(ge=0)
    domain: float = pydantic.Field(ge=0)
    work_term: float = pydantic.Field(ge=0)
    work_app: float = pydantic.Field(ge=0)
    max_work_penalty: float = pydantic.Field(ge=0)


class TextClassifier(StrictModel):
    """The trained text classifier (a spaCy textcat under models/data/) and how much its probabilities count."""

    model: str
    weights: dict[str, float]


class CategoryData(StrictModel):
    """models/data/categories.yaml."""

    threshold: float = pydantic.Field(gt=0)
    precedence: tuple[str, ...]
    weights: Weights
    classifier: TextClassifier
    categories: dict[str, CategorySignals]
    work: WorkSignals

    @pydantic.field_validator("categories")
    @classmethod
    def _known_categories(cls, categories: dict[str, CategorySignals]) -> dict[str, CategorySignals]:
        if set(categories) != set(CATEGORIES):
            raise ValueError(f"must list exactly {list(CATEGORIES)}")
        return categories

    @pydantic.field_validator("precedence")
    @classmethod
    def _precedence_orders_every_category(cls, precedence: tuple[str, ...]) -> tuple[str, ...]:
        if sorted(precedence) != sorted(CATEGORIES):
            raise ValueError(f"must order exactly {list(CATEGORIES)}")
        return precedence


@cache
def category_data(path: Path = CATEGORIES_FILE) -> CategoryData:
    """The validated file; a bad file raises ConfigFileError naming the key."""
    return load_yaml_file(path, CategoryData)


@dataclass(frozen=True)
class CategoryDecision:
    """The winning category (None for ordinary content) and every category's score."""

    category: str | None
    scores: tuple[tuple[str, float], ...]


def load_text_classifier(data: CategoryData) -> Language:
    """The trained textcat pipeline named in categories.yaml (`make train-textcat` rebuilds it)."""
    path = DATA_DIR / data.classifier.model
    if not path.is_dir():
        raise FileNotFoundError(f"text classifier {path} named in {CATEGORIES_FILE.name} does not exist")
    return spacy.load(path)


class CategoryClassifier:
    """Built once per worker with the analyzer's spaCy pipeline; `decide` is pure given its inputs."""

    def __init__(self, nlp: Language, data: CategoryData, text_classifier: Language):
        self._data = data
        self._text_classifier = text_classifier
        self._by_word = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._by_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        for category, signals in data.categories.items():
            self._add(nlp, f"{category}:strong", term_list(signals.terms.strong))
            self._add(nlp, f"{category}:weak", term_list(signals.terms.weak))
        self._add(nlp, "work:term", term_list(data.work.terms))
        self._code_shapes = re.compile("|".join(f"(?:{shape})" for shape in data.work.code_token_shapes))
        self._work_titles = re.compile("|".join(f"(?:{pattern})" for pattern in data.work.title_patterns))
        self._patterns = {category: [(re.compile(pattern, re.IGNORECASE), weight)
                                     for pattern, weight in signals.patterns.items()]
                          for category, signals in data.categories.items()}

    def _add(self, nlp: Language, label: str, terms: tuple[str, ...]) -> None:
        self._by_word.add(label, [nlp.make_doc(term) for term in terms])
        # Only base forms match by lemma ("diagnose" matches "diagnosed"); an inflected term
        # matches as written, so "calibrated" (a rating) does not match "calibrate the sensor".
        self._by_lemma.add(label, [doc for term, doc in zip(terms, nlp.pipe(terms))
                                   if " ".join(token.lemma_.lower() for token in doc) == term])

    def matched_terms(self, docs: Iterable[Doc]) -> dict[str, set[str]]:
        """Distinct matched phrases (lower-cased) per label, e.g. {"medical:strong": {"a1c"}}."""
        found: dict[str, set[str]] = {}
        for doc in docs:
            for matcher in (self._by_word, self._by_lemma):
                for match_id, start, end in matcher(doc):
                    label = doc.vocab.strings[match_id]
                    found.setdefault(label, set()).add(doc[start:end].text.lower())
        return found

    def decide(self, record: RawRecord, docs: list[Doc], entity_types: Iterable[str]) -> CategoryDecision:
        """Score every category over the record's text docs, detected entity types and context;
        the first category in precedence order that reaches the threshold wins."""
        weights = self._data.weights
        terms = self.matched_terms(docs)
        entities = set(entity_types)
        ner_labels = {entity.label_ for doc in docs for entity in doc.ents}
        app = (record.app or "").lower()
        title = record.window_title or ""
        host = (urlparse(record.url).hostname or "") if record.url else ""
        code = _code_tokens(docs, self._code_shapes, self._data.work.max_code_tokens)
        work = weights.work_term * (len(terms.get("work:term", ())) + code)
        if (_app_matches(app, self._data.work.apps) or self._data.work.host_labels.intersection(host.split("."))
                or self._work_titles.search(title.lower())):
            work += weights.work_app
        penalty = min(work, weights.max_work_penalty)
        text = "\n".join(doc.text for doc in docs)
        probabilities = self._text_classifier(text).cats
        scores = []
        for category, signals in self._data.categories.items():
            score = (weights.strong_term * len(terms.get(f"{category}:strong", ()))
                     + weights.weak_term * len(terms.get(f"{category}:weak", ()))
                     + sum(weight for entity, weight in signals.entities.items() if entity in entities)
                     + sum(weight for label, weight in signals.ner_labels.items() if label in ner_labels)
                     + _pattern_score(text, self._patterns[category])
                     + (weights.app if _app_matches(app, signals.apps)
                        else weights.title_app if _title_names(title, signals.apps) else 0.0)
                     + (weights.domain if host and _host_matches(host, signals.domains) else 0.0)
                     + self._data.classifier.weights.get(category, 0.0) * probabilities.get(category, 0.0))
            scores.append((category, round(score - penalty, 3)))
        reached = {category for category, score in scores if score >= self._data.threshold}
        winner = next((category for category in self._data.precedence if category in reached), None)
        return CategoryDecision(winner, tuple(scores))


def _pattern_score(text: str, patterns: list[tuple[re.Pattern, float]]) -> float:
    """Each pattern's weight times the distinct strings it matched ("172k -> 185k", "190k -> 205k")."""
    return sum(weight * len({match.group(0).lower() for match in pattern.finditer(text)})
               for pattern, weight in patterns)


def _app_matches(app: str, names: tuple[str, ...]) -> bool:
    """The app is one of `names`, or names one as a whole word ("WhatsApp Desktop"; not "Outline" for LINE)."""
    return bool(app) and any(re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", app) for name in names)


def _title_names(title: str, names: tuple[str, ...]) -> bool:
    """The window title names one of `names` as written: brands keep their case in titles, and a
    name that is also a word ("LINE", "Signal") must not match "Line 3 firmware"."""
    return bool(title) and any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", title) for name in names)


def _host_matches(host: str, patterns: tuple[str, ...]) -> bool:
    host = host.lower()
    return any(fnmatch.fnmatch(host, pattern) if "*" in pattern else host == pattern or host.endswith("." + pattern)
               for pattern in patterns)


def _code_tokens(docs: Iterable[Doc], shapes: re.Pattern, cap: int) -> int:
    """Identifiers and calls in the text (snake_case, camelCase, dotted.paths, f()): typed code is work."""
    count = sum(1 for doc in docs for token in doc
                if not (token.like_email or token.like_url) and shapes.fullmatch(token.text))
    return min(count, cap)
