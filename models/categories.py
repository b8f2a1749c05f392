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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pydantic
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from models.capture import hostname
from models.category_signals import (
    PERSON_LABEL,
    ArtefactSignals,
    PersonSignals,
    TolerantTerms,
    TypoSignals,
    artefacts,
    compile_all,
    compiled,
    of_work,
    owned_terms,
    person_pattern_matches,
)
from models.config_files import DATA_DIR, StrictModel, load_yaml_file, term_list
from models.policy import CATEGORIES
from models.recognizers.gates import gated_compile
from models.records import RawRecord

CATEGORIES_FILE = DATA_DIR / "categories.yaml"
# The artefact name under which category terms naming a part of a product are counted (see `of_work`).
TERM_OF_WORK = "term_of_work"
# Pattern scores of this many (category, text) pairs are kept (`CategoryClassifier._pattern_score`).
KEPT_PATTERN_SCORES = 1024
# Category scores are rounded to this many decimals before the threshold is applied.
SCORE_DECIMALS = 3


class TermFiles(StrictModel):
    """Term list files of one category, relative to models/data/."""

    strong: str
    weak: str


class CategorySignals(StrictModel):
    """Everything that points to one category."""

    terms: TermFiles
    entities: dict[str, float]
    ner_labels: dict[str, float] = {}
    # Regular expressions over the text; each distinct matched string adds the weight (at work, only
    # one string per pattern counts, as only a few unowned terms do).
    patterns: dict[str, float] = {}
    # Named regular expressions of a person's own matter that count only when a person owns the match
    # (`person`: "Ravi missed his targets", "can I take ibuprofen", "you were late eight times" in a
    # call): each pattern with an owned match adds weights.person_pattern.
    person_patterns: dict[str, str] = {}
    apps: tuple[str, ...]
    domains: tuple[str, ...]
    # App, title and domain together count at most this (weights.max_context when not given).
    max_context: float | None = pydantic.Field(default=None, ge=0)

    @pydantic.field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: dict[str, float]) -> dict[str, float]:
        compile_all(patterns)
        return patterns

    @pydantic.field_validator("person_patterns")
    @classmethod
    def _person_patterns_compile(cls, patterns: dict[str, str]) -> dict[str, str]:
        compile_all(patterns.values())
        return patterns


class WorkSignals(StrictModel):
    """What marks a record as ordinary work."""

    terms: str
    apps: tuple[str, ...]
    # Work apps named in a browser's window title, as written ("PLAT-12 ... - Jira").
    title_apps: tuple[str, ...] = ()
    host_labels: frozenset[str]
    title_patterns: tuple[str, ...]
    code_token_shapes: tuple[str, ...] = pydantic.Field(min_length=1)
    max_code_tokens: int = pydantic.Field(ge=0)

    @pydantic.field_validator("code_token_shapes", "title_patterns")
    @classmethod
    def _shapes_compile(cls, shapes: tuple[str, ...]) -> tuple[str, ...]:
        compile_all(shapes)
        return shapes


class Weights(StrictModel):
    """How much each kind of signal counts."""

    strong_term: float = pydantic.Field(gt=0)
    weak_term: float = pydantic.Field(ge=0)
    max_weak_terms: int = pydantic.Field(ge=0)
    app: float = pydantic.Field(ge=0)
    title_app: float = pydantic.Field(ge=0)
    title_term: float = pydantic.Field(ge=0)
    domain: float = pydantic.Field(ge=0)
    max_context: float = pydantic.Field(ge=0)
    work_term: float = pydantic.Field(ge=0)
    work_app: float = pydantic.Field(ge=0)
    artefact: float = pydantic.Field(ge=0)
    max_work_penalty: float = pydantic.Field(ge=0)
    owned_term: float = pydantic.Field(ge=0)
    # An owned weak term counts this instead of owned_term: one alone ("my return") stays below the threshold.
    owned_weak_term: float = pydantic.Field(ge=0)
    person_pattern: float = pydantic.Field(ge=0)
    max_unowned_at_work: int = pydantic.Field(ge=0)
    # At work, weak terms no one owns count up to this many ("the enrollment form handles dependents").
    max_unowned_weak_at_work: int = pydantic.Field(ge=0)


class TextClassifier(StrictModel):
    """The trained text classifier (a spaCy textcat under models/data/) and how much its probabilities count."""

    model: str
    weights: dict[str, float]
    # A record's own text with fewer letters than this ("s" from a Ctrl+S) gives the classifier
    # nothing to judge: it gets no probabilities, as a record with no text of its own.
    min_letters: int = pydantic.Field(default=1, ge=1)


class CategoryData(StrictModel):
    """models/data/categories.yaml."""

    threshold: float = pydantic.Field(gt=0)
    precedence: tuple[str, ...]
    weights: Weights
    classifier: TextClassifier
    categories: dict[str, CategorySignals]
    work: WorkSignals
    person: PersonSignals
    artefacts: ArtefactSignals
    typos: TypoSignals

    @pydantic.field_validator("categories")
    @classmethod
    def _known_categories(cls, categories: dict[str, CategorySignals]) -> dict[str, CategorySignals]:
        if set(categories) != set(CATEGORIES):
            raise ValueError(f"must list exactly {list(CATEGORIES)}")
        return categories

    @pydantic.model_validator(mode="after")
    def _context_never_decides_alone(self) -> "CategoryData":
        for category, signals in self.categories.items():
            if (self.weights.max_context if signals.max_context is None else signals.max_context) >= self.threshold:
                raise ValueError(f"categories.{category}.max_context: must stay below the threshold")
        return self

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
class TextFeatures:
    """One text's share of the decision: its text, matched term phrases per label, those of them a
    person owns ("my W-2"), spaCy NER labels, how many of its tokens are shaped like code, its work
    artefacts by pattern name, and the term phrases the person spoken to owns ("you owe", "your
    rating"), and of those, the ones "your" stands before."""

    text: str
    terms: tuple[tuple[str, frozenset[str]], ...]
    ner_labels: frozenset[str]
    code_tokens: int
    owned: tuple[tuple[str, frozenset[str]], ...] = ()
    artefacts: tuple[tuple[str, int], ...] = ()
    addressed: tuple[tuple[str, frozenset[str]], ...] = ()
    yours: tuple[tuple[str, frozenset[str]], ...] = ()


# Score parts that are evidence of a category in the record itself: the classifier's guess, NER
# labels and where the record was written are not.
EVIDENCE_PARTS = ("strong_terms", "title_terms", "weak_terms", "owned_terms", "person_patterns", "entities", "patterns")


@dataclass(frozen=True)
class CategoryDecision:
    """The winning category (None for ordinary content), every category's score, and the categories
    with evidence of their own in the record (terms, entities, patterns)."""

    category: str | None
    scores: tuple[tuple[str, float], ...]
    evidenced: frozenset[str] = frozenset()


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
        self._lemma_of: dict[str, str] = {}
        category_terms = []
        for category, signals in data.categories.items():
            for strength in ("strong", "weak"):
                terms = term_list(getattr(signals.terms, strength))
                self._add(nlp, f"{category}:{strength}", terms)
                category_terms += [(f"{category}:{strength}", term) for term in terms]
        self._tolerant = TolerantTerms(category_terms, data.typos)
        self._add(nlp, "work:term", term_list(data.work.terms))
        self._artefacts = compiled(data.artefacts)
        self._code_shapes = re.compile("|".join(f"(?:{shape})" for shape in data.work.code_token_shapes))
        self._work_titles = re.compile("|".join(f"(?:{pattern})" for pattern in data.work.title_patterns))
        self._patterns = {category: [(gated_compile(pattern, re.IGNORECASE), weight)
                                     for pattern, weight in signals.patterns.items()]
                          for category, signals in data.categories.items()}
        self._pattern_scores: dict[tuple[str, int | None, str], float] = {}
        # A person's own words (owners, possessives): with one in the text, patterns count in full at work.
        self._person_words = _names_pattern(tuple(data.person.owners | data.person.possessives), re.IGNORECASE)
        self._person_patterns = [(f"{category}:person:{name}", gated_compile(pattern, re.IGNORECASE))
                                 for category, signals in data.categories.items()
                                 for name, pattern in signals.person_patterns.items()]
        # App names as whole words: any case in the app field, as written in a window title
        # (brands keep their case there, and "LINE" or "Signal" must not match "Line 3 firmware").
        self._apps = {name: _names_pattern(names, re.IGNORECASE)
                      for name, names in [("work", data.work.apps)]
                      + [(category, signals.apps) for category, signals in data.categories.items()]}
        self._titles = {category: _names_pattern(signals.apps, 0) for category, signals in data.categories.items()}
        self._work_title_apps = _names_pattern(data.work.title_apps, 0)

    def _add(self, nlp: Language, label: str, terms: tuple[str, ...]) -> None:
        self._by_word.add(label, [nlp.make_doc(term) for term in _elided(_dash_variants(terms))])
        # Only base forms match by lemma ("diagnose" matches "diagnosed"); an inflected term
        # matches as written, so "calibrated" (a rating) does not match "calibrate the sensor";
        # and so does a form name ("schedule a", "w-2"), so "scheduled a call" is no tax form.
        docs = list(nlp.pipe(terms))
        self._by_lemma.add(label, [doc for term, doc in zip(terms, docs)
                                   if " ".join(token.lemma_.lower() for token in doc) == term
                                   and not any(_form_part(token.text) for token in doc)])
        self._lemma_of.update((term, doc[0].lemma_.lower()) for term, doc in zip(terms, docs) if len(doc) == 1)

    def features(self, doc: Doc, text: str | None = None) -> TextFeatures:
        """What the decision needs from one analysed text; small, so it can be cached per text. `text`
        is the doc's text when the caller has it (`Doc.text` rebuilds it from the tokens)."""
        text = doc.text if text is None else text
        terms: dict[str, set[str]] = {}
        matches = [(doc.vocab.strings[match_id], start, end)
                   for matcher in (self._by_word, self._by_lemma) for match_id, start, end in matcher(doc)]
        matches += self._tolerant.matches(doc, self._lemma_of)
        evaluations = person_pattern_matches(doc, text, self._person_patterns)
        # A weak term inside another category's person pattern that a person owns is a word of its phrase,
        # not a term: "he's not pulling his weight" is about work done, not body weight. A pattern no
        # one owns counts for nothing, so the term inside it stays ("missed estimated tax deadlines").
        taken = [match for match in evaluations if owned_terms(doc, [match], self._data.person).owned]
        matches = _outside_others(matches, taken, len(doc)) + evaluations
        for label, start, end in matches:
            terms.setdefault(label, set()).add(doc[start:end].text.lower())
        category_matches = [match for match in matches if not match[0].startswith("work:")]
        owned, addressed, yours = owned_terms(doc, category_matches, self._data.person)
        code = sum(1 for token in doc
                   if not (token.like_email or token.like_url) and self._code_shapes.fullmatch(token.text))
        found = artefacts(text, self._artefacts)
        # a category term naming a part of a product ("the withholding calculator") is an object of work
        parts_of_work = {doc[start:end].text.lower() for label, start, end in category_matches
                         if PERSON_LABEL not in label and of_work(doc, start, end, self._data.person)}
        if parts_of_work:
            found[TERM_OF_WORK] = len(parts_of_work)
        return TextFeatures(text, _frozen(terms), frozenset(entity.label_ for entity in doc.ents), code,
                            _frozen(owned), tuple(sorted(found.items())),
                            _frozen(addressed), _frozen(yours))

    def with_ner_labels(self, screened: TextFeatures, doc: Doc) -> TextFeatures:
        """`features` of a doc screened without NER once NER has run on it: NER's labels are the only part
        NER changes (terms, owners, code tokens and artefacts read the tokens, lemmas and text), so the rest
        is kept rather than matched again."""
        return replace(screened, ner_labels=frozenset(entity.label_ for entity in doc.ents))

    def decide(self, record: RawRecord, features: Sequence[TextFeatures],
               entity_types: Iterable[str]) -> CategoryDecision:
        """One record's decision (see `decide_with`)."""
        item = (record, features, entity_types)
        return self.decide_with([item], self.probabilities([item]))[0]

    def probabilities(self, items: Sequence[tuple[RawRecord, Sequence[TextFeatures], Iterable[str]]]
                      ) -> list[dict[str, float]]:
        """The text classifier's probabilities for each record's own text, in one pass over the batch.
        Its app, window title and URL are left out: context is weighed on its own (and never decides
        alone), so the classifier judges what was said, not where. A record with no text of its own
        (or fewer letters of it than `classifier.min_letters`) gets none."""
        least = self._data.classifier.min_letters
        texts = [_content(record, features) for record, features, _ in items]
        texts = [text if sum(char.isalpha() for char in text) >= least else "" for text in texts]
        cats = iter(doc.cats for doc in self._text_classifier.pipe(text for text in texts if text))
        return [next(cats) if text else {} for text in texts]

    def decide_with(self, items: Sequence[tuple[RawRecord, Sequence[TextFeatures], Iterable[str]]],
                    probabilities: Sequence[dict[str, float]]) -> list[CategoryDecision]:
        """Score every category of each record over its texts' features, detected entity types,
        context and the text classifier's `probabilities` for it; of the categories that reach the
        threshold, the first in precedence order with evidence in the record (terms, entities,
        patterns) wins, or else the first in precedence order."""
        return [self._decide(record, features, set(entity_types), _joined(features), cats)
                for (record, features, entity_types), cats in zip(items, probabilities)]

    def settled(self, decision: CategoryDecision, unseen_entities: frozenset[str]) -> bool:
        """Whether the decision holds whatever NER would add: its labels and the `unseen_entities`
        (the types looked for with NER) change a score by at most their weights, so the winner stays at the
        threshold and no category ahead of it in precedence can reach it (with a margin for the
        scores' rounding)."""
        if decision.category is None:
            return False
        scores = dict(decision.scores)

        def bound(category: str, sign: float) -> float:
            signals = self._data.categories[category]
            weights = [*signals.ner_labels.values(),
                       *(weight for entity, weight in signals.entities.items() if entity in unseen_entities)]
            return sum(weight for weight in weights if weight * sign > 0)

        threshold, margin = self._data.threshold, 10 ** -SCORE_DECIMALS
        # A winner with evidence of its own yields only to one ahead of it; one without, to any.
        rivals = (self._data.precedence[:self._data.precedence.index(decision.category)]
                  if decision.category in decision.evidenced
                  else [category for category in self._data.precedence if category != decision.category])
        return (scores[decision.category] + bound(decision.category, -1) >= threshold + margin
                and all(scores[category] + bound(category, 1) < threshold - margin for category in rivals))

    def explain(self, record: RawRecord, features: Sequence[TextFeatures], entity_types: Iterable[str]) -> dict:
        """Every signal behind one record's decision, as counts and names (never the text or the
        terms themselves): for an operator's `python -m pipeline.explain`."""
        entities = set(entity_types)
        cats = self.probabilities([(record, features, entities)])[0]
        parts = self._parts(record, features, entities, cats)
        decision = self._decide(record, features, entities, _joined(features), cats)
        merged = _merged(features, self._conversation(record))
        return {"category": decision.category, "threshold": self._data.threshold,
                "precedence": list(self._data.precedence), "evidenced": sorted(decision.evidenced),
                "scores": {category: {"score": score, "parts": parts[category]} for category, score in decision.scores},
                "work": parts["work"], "at_work": sorted(category for category, flag in parts["at_work"].items() if flag),
                "term_hits": {label: len(found) for label, found in sorted(merged["terms"].items())},
                "owned_term_hits": {label: len(found) for label, found in sorted(merged["owned"].items())},
                "artefacts": merged["artefacts"], "entity_types": sorted(entities),
                "ner_labels": sorted({label for feature in features for label in feature.ner_labels}),
                "app": record.app, "url_host": (hostname(record.url) or None) if record.url else None,
                "probabilities": {label: round(p, 4) for label, p in sorted(cats.items())}}

    def _pattern_score(self, text: str, category: str, most: int | None) -> float:
        """`_pattern_score` of a category's patterns, kept for the last texts: a record screened without NER
        is decided again after it, on the same text."""
        key = (category, most, text)
        score = self._pattern_scores.get(key)
        if score is None:
            score = _pattern_score(text, self._patterns[category], most)
            if len(self._pattern_scores) >= KEPT_PATTERN_SCORES:
                self._pattern_scores = {}
            self._pattern_scores[key] = score
        return score

    def _conversation(self, record: RawRecord) -> bool:
        """Whether the record is a conversation between people (a call or a chat), where "you" is someone."""
        return record.kind == "transcript" and record.source in self._data.person.conversation_sources

    def _decide(self, record: RawRecord, features: Sequence[TextFeatures], entities: set[str], text: str,
                probabilities: dict[str, float]) -> CategoryDecision:
        parts = self._parts(record, features, entities, probabilities, text)
        penalty = parts["work"]["penalty"]
        scores = [(category, round(sum(parts[category].values()) - penalty, SCORE_DECIMALS))
                  for category in self._data.categories]
        reached = {category for category, score in scores if score >= self._data.threshold}
        evidenced = frozenset(category for category in self._data.categories
                              if any(parts[category][part] for part in EVIDENCE_PARTS))
        # Precedence orders the categories with evidence of their own first: one that only the
        # classifier (or the context) carried over the threshold never outranks one the text names.
        ranked = ([category for category in self._data.precedence if category in evidenced]
                  + [category for category in self._data.precedence if category not in evidenced])
        winner = next((category for category in ranked if category in reached), None)
        return CategoryDecision(winner, tuple(scores), evidenced)

    def _parts(self, record: RawRecord, features: Sequence[TextFeatures], entities: set[str],
               probabilities: dict[str, float], text: str | None = None) -> dict[str, dict[str, float]]:
        """Each category's score by signal (before the work penalty), and the work signals with the
        penalty they make (under "work")."""
        weights = self._data.weights
        text = _joined(features) if text is None else text
        merged = _merged(features, self._conversation(record))
        terms, owned = merged["terms"], merged["owned"]
        # Outside a conversation, terms only "your" owns are everyone's ("write your self-assessment").
        generic = set() if self._conversation(record) else {
            label.split(":")[0] for label, phrases in merged["yours"].items() if phrases - owned.get(label, set())}
        ner_labels = {label for feature in features for label in feature.ner_labels}
        # Writing for many readers is a document about a subject, unless its writer owns a category term
        # in it: "To all managers: my leave got denied" is one's own matter sent to many (fail closed).
        self_owned = any(phrases for label, phrases in owned.items() if label.split(":")[0] in self._data.categories)
        app = (record.app or "").lower()
        title = record.window_title or ""
        # The title names the document ("Promo case - ..."): its strong terms count once more.
        title_feature = next((feature for feature in features if title and feature.text == title), None)
        title_terms = dict(title_feature.terms) if title_feature else {}
        # a title that names a work item (a ticket key, a PR number: "PLAT-12 ... - Jira")
        work_item_title = bool(title_feature and title_feature.artefacts)
        host = (hostname(record.url) or "") if record.url else ""
        code = min(sum(feature.code_tokens for feature in features), self._data.work.max_code_tokens)
        # A title naming a channel or a work tool ("#team-pay", "PLAT-12 ... - Jira") is a work page.
        work_title = bool(self._work_titles.search(title.lower()) or self._work_title_apps.search(title))
        work_place = bool(self._apps["work"].search(app) or self._data.work.host_labels.intersection(host.split("."))
                          or work_title)
        work = {"terms": weights.work_term * (len(terms.get("work:term", ())) + code),
                "artefacts": weights.artefact * sum(count for name, count in merged["artefacts"].items()
                                                    if not (name in self._data.artefacts.yield_to_owner and self_owned)),
                "app": weights.work_app if work_place else 0.0,
                # the classifier's confidence that the text is ordinary work
                "classifier": self._data.classifier.weights.get("benign", 0.0) * probabilities.get("benign", 0.0)}
        work["penalty"] = min(sum(work.values()), weights.max_work_penalty)
        parts: dict[str, dict[str, float]] = {"work": work}
        capped: dict[str, float] = {}
        personal = bool(self._person_words.search(text))
        worded = work["terms"] + work["artefacts"] >= 2 * weights.work_term
        channel = bool(self._work_titles.search(title.lower()))
        # the penalty's share that only the place (work app, title, host) makes
        place_share = work["penalty"] - min(work["terms"] + work["artefacts"] + work["classifier"],
                                            weights.max_work_penalty)
        for category, signals in self._data.categories.items():
            in_place = ((weights.app if self._apps[category].search(app) else 0.0)
                        + (weights.domain if host and _host_matches(host, signals.domains) else 0.0))
            # A title naming the category's app says where, unless it is a work page about the app.
            named = (weights.title_app if not in_place and not work_title and self._titles[category].search(title)
                     else 0.0)
            context = min(weights.max_context if signals.max_context is None else signals.max_context, in_place + named)
            strong = terms.get(f"{category}:strong", set())
            mine = strong & owned.get(f"{category}:strong", set())
            # At work, terms no one owns are the subject of the work: only a few of them count, in
            # the text and again in the title (in the category's own app or site, such as a bank or
            # a patient portal, all of them; a title that only names it, "MyChart SSO bug - Jira", is no such place).
            at_work = ((work["terms"] or work["artefacts"] or work["app"] or category in generic)
                       and not in_place)
            unowned = min(len(strong - mine), weights.max_unowned_at_work) if at_work else len(strong - mine)
            weak = terms.get(f"{category}:weak", set())
            weak_mine = weak & owned.get(f"{category}:weak", set())
            # weak terms only when the text itself shows work (two work signals or more, not one stray
            # word, nor a work channel alone: "fyi promo denied" in #general is still one's own) and
            # names no one (a PIP or promo case of a named person, written in Notion, is theirs)
            weak_at_work = at_work and (worded or category in generic) and "PERSON" not in entities
            weak_count = len(weak_mine) + (min(len(weak - weak_mine), weights.max_unowned_weak_at_work)
                                           if weak_at_work else len(weak - weak_mine))
            capped[category] = 1.0 if weak_at_work else 0.0
            person = f"{category}:person:"
            titled = title_terms.get(f"{category}:strong", set())
            # a work tool's title naming a work item ("PLAT-12 Emergency tax code not applied - Jira"): only
            # its owned terms count again, its subject already counts as a term of the text; a document
            # at work ("Promo case - draft" in Notion), a channel or note naming no work item ("#chemo-buddies")
            # still counts one unowned term again
            titled_count = (len(titled & mine) if work_title and work_item_title and at_work
                            else len(titled & mine) + min(len(titled - mine), weights.max_unowned_at_work) if at_work
                            else len(titled))
            parts[category] = {
                "strong_terms": weights.strong_term * (len(mine) + unowned),
                "title_terms": weights.title_term * titled_count,
                "weak_terms": weights.weak_term * min(weak_count, weights.max_weak_terms),
                # an owned weak term alone stays below the threshold only at work ("my review" beside a
                # ticket); elsewhere it counts as a strong one ("my pay got docked" in a chat is dropped)
                "owned_terms": (weights.owned_term * len(owned.get(f"{category}:strong", set()))
                                + (weights.owned_weak_term if at_work else weights.owned_term)
                                * len(owned.get(f"{category}:weak", set()) - owned.get(f"{category}:strong", set()))),
                # in the category's own app or site (a review tool), an evaluation with no owner counts too
                "person_patterns": weights.person_pattern * sum(1 for label in (terms if in_place else owned)
                                                                if label.startswith(person)),
                "entities": sum(weight for entity, weight in signals.entities.items() if entity in entities),
                "ner_labels": sum(weight for label, weight in signals.ner_labels.items() if label in ner_labels),
                # at work by the text itself (work terms, code, artefacts: a work app alone is where a
                # "dose log: 50 mg mon, 100 mg tue" is kept too) and with no person word in it
                # ("doc moved me from 50 mg to 100 mg" is one's own)
                "patterns": self._pattern_score(text, category, 1 if at_work and worded and not personal else None),
                "context": context,
                "classifier": self._data.classifier.weights.get(category, 0.0) * probabilities.get(category, 0.0),
                # a work channel alone (a `#channel` title, where people also write of their own lives) never
                # cancels a strong term of the text when the text itself shows no work ("ooo thurs pm, colonoscopy
                # prep" in #eng-infra): the place's share of the penalty is given back (issue 17: the place
                # counts, but never decides alone); in a work tool (Jira, Confluence) the tool is the work
                "place_alone": place_share if strong and channel and not worded and not work["artefacts"] else 0.0}
        # the categories whose unowned terms were capped as at work (1.0), for the audit's explanation
        parts["at_work"] = capped
        return parts


# OCR and word processors write a form's hyphen as an en or em dash ("W—2", "1099–NEC").
_DASHES = ("\u2013", "\u2014")


def _dash_variants(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms, and each hyphenated one again with each dash in place of its hyphens."""
    return terms + tuple(term.replace("-", dash) for term in terms if "-" in term for dash in _DASHES)


# French and Italian elide an article before a vowel, and spaCy's English tokenizer keeps the article on the
# word ("d'impôts", "l'arrêt de travail", "l'assicurazione"): as one token, the term would never match.
_ELISIONS = ("d'", "l'", "d\u2019", "l\u2019")
_VOWELS = frozenset("aeiouhàâäéèêëîïôöùûüœ")


def _elided(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms, and each one beginning with a vowel or h again after each elided article."""
    return terms + tuple(article + term for term in terms if term[:1] in _VOWELS for article in _ELISIONS)


def _form_part(word: str) -> bool:
    """A single letter or a word with a digit: part of a form's name ("schedule a", "w-2", "k-1")."""
    return len(word) == 1 and word.isalpha() or any(char.isdigit() for char in word)


def _outside_others(matches: list[tuple[str, int, int]], evaluations: list[tuple[str, int, int]],
                    length: int) -> list[tuple[str, int, int]]:
    """The `matches` but weak category terms lying within a person-pattern match of another category
    ("weight" in "pulling his weight"; a strong term is the matter itself, "missed estimated tax
    deadlines" is tax, and work terms stay: "missed the latency target" is still work), in time linear in the doc's `length`
    tokens: per category, the furthest end of its pattern matches begun at or before each token."""
    reach: dict[str, list[int]] = {}
    for label, first, last in evaluations:
        ends = reach.setdefault(label.split(":")[0], [0] * (length + 1))
        ends[first] = max(ends[first], last)
    for ends in reach.values():
        for index in range(1, length + 1):
            ends[index] = max(ends[index], ends[index - 1])
    kept = []
    for label, start, end in matches:
        category = label.split(":")[0]
        if (category == "work" or not label.endswith(":weak")
                or not any(ends[start] >= end for other, ends in reach.items() if other != category)):
            kept.append((label, start, end))
    return kept


def _frozen(found: dict[str, set[str]]) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((label, frozenset(items)) for label, items in sorted(found.items()))


def _merged(features: Sequence[TextFeatures], conversation: bool = False) -> dict:
    """A record's term phrases and owned term phrases by label (in a `conversation`, those the person
    spoken to owns too), those "your" owns, and artefact counts by pattern, over its texts."""
    terms: dict[str, set[str]] = {}
    owned: dict[str, set[str]] = {}
    yours: dict[str, set[str]] = {}
    found: dict[str, int] = {}
    for feature in features:
        for label, phrases in feature.terms:
            terms.setdefault(label, set()).update(phrases)
        for label, phrases in (*feature.owned, *(feature.addressed if conversation else ())):
            owned.setdefault(label, set()).update(phrases)
        for label, phrases in feature.yours:
            yours.setdefault(label, set()).update(phrases)
        for name, count in feature.artefacts:
            found[name] = found.get(name, 0) + count
    return {"terms": terms, "owned": owned, "yours": yours, "artefacts": found}


def _joined(features: Sequence[TextFeatures]) -> str:
    return "\n".join(feature.text for feature in features)


def _content(record: RawRecord, features: Sequence[TextFeatures]) -> str:
    """A record's own texts, one per line: its texts but those of its app, window title and URL."""
    context = {record.app, record.window_title, record.url}
    return "\n".join(feature.text for feature in features if feature.text not in context)


def _pattern_score(text: str, patterns: list[tuple[re.Pattern, float]], most: int | None = None) -> float:
    """Each pattern's weight times the distinct strings it matched ("172k -> 185k", "190k -> 205k"),
    at most `most` of them per pattern when given (at work: "2.5 mg to 3 mg" in a ticket counts once)."""
    counts = (len({match.group(0).lower() for match in pattern.finditer(text)}) for pattern, _ in patterns)
    return sum(weight * (count if most is None else min(count, most)) for (_, weight), count in zip(patterns, counts))


def _names_pattern(names: tuple[str, ...], flags: int) -> re.Pattern:
    """Any of `names` as a whole word ("WhatsApp Desktop" names WhatsApp; "Outline" does not name LINE)."""
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)" if names else r"(?!)", flags)


def _host_matches(host: str, patterns: tuple[str, ...]) -> bool:
    """Whether the host, or the host without some of its leading labels ("www.doctolib.fr" as
    "doctolib.fr"), matches a pattern: a name matches itself and its subdomains, a glob the whole name."""
    labels = host.lower().split(".")
    suffixes = [".".join(labels[i:]) for i in range(len(labels))]
    return any(any(fnmatch.fnmatch(suffix, pattern) for suffix in suffixes) if "*" in pattern
               else suffixes[0] == pattern or suffixes[0].endswith("." + pattern) for pattern in patterns)
