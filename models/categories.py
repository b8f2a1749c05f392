"""Record-level category decision: is this record someone's medical, tax, private or HR content?

Weighs the whole record: term lists matched with spaCy's PhraseMatcher on words and lemmas, the
entity types detection found, and the record's context (app, URL domain). Work signals (code,
engineering vocabulary, developer tools) pull every score down, so work that only mentions a
trigger word ("patient_id column", "performance regression") stays work.
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
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from models.config_files import StrictModel, load_yaml_file
from models.policy import CATEGORIES
from models.records import RawRecord

DATA_DIR = Path(__file__).parent / "data"
CATEGORIES_FILE = DATA_DIR / "categories.yaml"


class TermFiles(StrictModel):
    """Term list files of one category, relative to models/data/."""

    strong: str
    weak: str


class CategorySignals(StrictModel):
    """Everything that points to one category."""

    terms: TermFiles
    entities: dict[str, float]
    apps: tuple[str, ...]
    domains: tuple[str, ...]


class WorkSignals(StrictModel):
    """What marks a record as ordinary work."""

    terms: str
    apps: tuple[str, ...]


class Weights(StrictModel):
    """How much each kind of signal counts."""

    strong_term: float = pydantic.Field(gt=0)
    weak_term: float = pydantic.Field(ge=0)
    app: float = pydantic.Field(ge=0)
    domain: float = pydantic.Field(ge=0)
    work_term: float = pydantic.Field(ge=0)
    work_app: float = pydantic.Field(ge=0)
    max_work_penalty: float = pydantic.Field(ge=0)


class CategoryData(StrictModel):
    """models/data/categories.yaml."""

    threshold: float = pydantic.Field(gt=0)
    weights: Weights
    categories: dict[str, CategorySignals]
    work: WorkSignals

    @pydantic.field_validator("categories")
    @classmethod
    def _known_categories(cls, categories: dict[str, CategorySignals]) -> dict[str, CategorySignals]:
        if set(categories) != set(CATEGORIES):
            raise ValueError(f"must list exactly {list(CATEGORIES)}")
        return categories


@cache
def category_data(path: Path = CATEGORIES_FILE) -> CategoryData:
    """The validated file; a bad file raises ConfigFileError naming the key."""
    return load_yaml_file(path, CategoryData)


def read_terms(relative_path: str) -> list[str]:
    """Phrases of a term file: one a line, `#` comments and blank lines skipped, lower-cased."""
    path = DATA_DIR / relative_path
    if not path.is_file():
        raise FileNotFoundError(f"term list {path} named in {CATEGORIES_FILE.name} does not exist")
    lines = (line.split("#")[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


@dataclass(frozen=True)
class CategoryDecision:
    """The winning category (None for ordinary content) and every category's score."""

    category: str | None
    scores: tuple[tuple[str, float], ...]


class CategoryClassifier:
    """Built once per worker with the analyzer's spaCy pipeline; `decide` is pure given its inputs."""

    def __init__(self, nlp: Language, data: CategoryData):
        self._data = data
        self._by_word = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._by_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        for category, signals in data.categories.items():
            self._add(nlp, f"{category}:strong", read_terms(signals.terms.strong))
            self._add(nlp, f"{category}:weak", read_terms(signals.terms.weak))
        self._add(nlp, "work:term", read_terms(data.work.terms))

    def _add(self, nlp: Language, label: str, terms: list[str]) -> None:
        self._by_word.add(label, [nlp.make_doc(term) for term in terms])
        self._by_lemma.add(label, list(nlp.pipe(terms)))

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
        """Score every category over the record's text docs, detected entity types and context."""
        weights = self._data.weights
        terms = self.matched_terms(docs)
        entities = set(entity_types)
        app = (record.app or "").lower()
        host = (urlparse(record.url).hostname or "") if record.url else ""
        work = weights.work_term * (len(terms.get("work:term", ())) + _code_tokens(docs))
        if _app_matches(app, self._data.work.apps):
            work += weights.work_app
        penalty = min(work, weights.max_work_penalty)
        scores = []
        for category, signals in self._data.categories.items():
            score = (weights.strong_term * len(terms.get(f"{category}:strong", ()))
                     + weights.weak_term * len(terms.get(f"{category}:weak", ()))
                     + sum(weight for entity, weight in signals.entities.items() if entity in entities)
                     + (weights.app if _app_matches(app, signals.apps) else 0.0)
                     + (weights.domain if host and _host_matches(host, signals.domains) else 0.0))
            scores.append((category, round(score - penalty, 3)))
        best, best_score = max(scores, key=lambda item: item[1])
        return CategoryDecision(best if best_score >= self._data.threshold else None, tuple(scores))


def _app_matches(app: str, names: tuple[str, ...]) -> bool:
    return bool(app) and any(name.lower() == app or name.lower() in app.split(" - ")[0] for name in names)


def _host_matches(host: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(host.lower(), pattern) for pattern in patterns)


_CODE_TOKEN = re.compile(
    r"^(?:\w*[a-z0-9]_[a-z0-9]\w*"          # snake_case
    r"|[a-z]{2,}[A-Z][A-Za-z0-9]*"           # camelCase
    r"|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+"      # dotted.path or file.ext
    r"|\w+\(\)?)$"                           # call()
)


def _code_tokens(docs: Iterable[Doc]) -> int:
    """Identifiers and calls in the text (snake_case, camelCase, dotted.paths, f()): typed code is work."""
    count = sum(1 for doc in docs for token in doc
                if not (token.like_email or token.like_url) and _CODE_TOKEN.match(token.text))
    return min(count, 4)
