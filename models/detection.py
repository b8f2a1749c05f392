"""Batched detection over records: spaCy once per batch, records screened without NER where their
category is settled without it, and each disguised text detected with its normalized view."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from models.categories import TextFeatures
from models.compat import doc_to_nlp_artifacts
from models.deadline import check_deadline
from models.engine import AnalyzerSettings, Detector, TextResult
from models.normalize import View
from models.recognizers.ui_terms import shipped_ui_terms, without_ui_parts
from models.records import Finding, PreparedRecord, Span, TextField
from models.text_views import CONTEXT_FIELDS


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
        results[text] = TextResult(_spans(found), detector.classifier.features(artifacts.tokens, text))
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
    distinct = list(dict.fromkeys(texts))
    # `nlp.pipe` keeps the order of its texts; `Doc.text` would rebuild each from its tokens.
    for text, doc in zip(distinct, nlp.pipe(distinct, disable=["ner"], batch_size=settings.nlp_batch_size)):
        check_deadline()
        results[text] = TextResult(_analyze_doc(detector, doc, text, detector.other_entities, settings),
                                   detector.classifier.features(doc, text))
        docs[text] = doc
    return results, docs


def complete_texts(detector: Detector, screened: dict[str, TextResult], docs: dict[str, Doc],
                   settings: AnalyzerSettings) -> dict[str, TextResult]:
    """What NER adds to screened texts: entities on the same docs, the recognizers of the types it
    finds, and its labels in the features; the same results as `analyze_texts`, and cached alike."""
    results = {}
    for text, doc in zip(screened, detector.ner.pipe((docs[text] for text in screened),
                                                      batch_size=settings.nlp_batch_size)):
        check_deadline()
        spans = screened[text].spans + _analyze_doc(detector, doc, text, detector.ner_entities, settings)
        results[text] = TextResult(tuple(sorted(spans, key=_span_order)),
                                   detector.classifier.with_ner_labels(screened[text].features, doc))
        detector.remember(settings, text, results[text])
    return results


def _analyze_doc(detector: Detector, doc: Doc, text: str, entities: frozenset[str], settings: AnalyzerSettings
                 ) -> tuple[Span, ...]:
    if not entities:  # Presidio reads no types as every type
        return ()
    artifacts = doc_to_nlp_artifacts(detector.analyzer.nlp_engine, doc, settings.language)
    found = detector.analyzer.analyze(text=text, language=settings.language, nlp_artifacts=artifacts,
                                      entities=sorted(entities), score_threshold=settings.score_threshold)
    return _spans(result for result in found if result.entity_type in entities)


def _span_order(span: Span) -> tuple[int, int, str, float]:
    """Spans in text order; equal ones by score, so the order never depends on hashing."""
    return span.start, span.end, span.entity_type, -span.score


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


@dataclass(frozen=True)
class Piece:
    """A chunk of an analysis unit's text, and where it starts in the unit."""

    offset: int
    text: str


@dataclass(frozen=True)
class UnitLayout:
    """An analysis unit and the pieces its text is analysed in."""

    unit: AnalysisUnit
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class ScreeningPlan:
    """How a batch's texts are detected: `screened` ones (a record's own texts not seen before) first
    without NER, `full` ones (context fields, texts cached or also another record's context) in full;
    `screened_records` tells, per record of the batch, whether it holds a screened text."""

    screened: tuple[str, ...]
    full: tuple[str, ...]
    screened_records: tuple[bool, ...]


def record_layout(prepared: PreparedRecord, settings: AnalyzerSettings) -> tuple[UnitLayout, ...]:
    """A record's analysis units, each cut into pieces of at most `chunk_chars`."""
    return tuple(UnitLayout(unit, tuple(Piece(offset, piece) for offset, piece in
                                        chunks(unit.text, settings.chunk_chars, settings.chunk_overlap)))
                 for unit in analysis_units(prepared.fields))


def plan_screening(detector: Detector, layouts: Sequence[tuple[UnitLayout, ...]], views: dict[str, View | None],
                   settings: AnalyzerSettings) -> ScreeningPlan:
    """Which texts are screened and which analysed in full. Nothing is screened without NER in the
    pipeline or without a category the policy drops: there, every text is analysed in full."""
    context = {text: None for layout in layouts for part in layout if _is_context(part.unit)
               for piece in part.pieces for text in _with_view(piece.text, views)}
    own = [text for layout in layouts for part in layout if not _is_context(part.unit)
           for piece in part.pieces for text in _with_view(piece.text, views)]
    if detector.ner is None or not settings.drop_categories:
        screened = {}
    else:
        screened = {text: None for text in own if text not in context and detector.cached(settings, text) is None}
    return ScreeningPlan(
        screened=tuple(screened),
        full=tuple(text for text in [*context, *own] if text not in screened),
        screened_records=tuple(any(text in screened for text in _layout_texts(layout, views)) for layout in layouts))


def detect_batch(detector: Detector, batch: Sequence[PreparedRecord], settings: AnalyzerSettings) -> list[Finding]:
    """Spans per text field and the category of every record in `batch`, with one spaCy pass and
    one text-classifier pass over the whole batch. A record's own texts are first screened without
    NER; a record whose category the policy drops and that NER could not change
    (`CategoryClassifier.settled`) is decided there, and only the others get NER, on the same docs:
    every record kept or masked is detected in full, and every record dropped is dropped for the
    reason the full detection would give. Each piece of text that holds a disguise is detected
    together with its normalized view (models/normalize.py), and the view's spans are mapped back
    onto it."""
    layouts = [record_layout(prepared, settings) for prepared in batch]
    views = {piece: detector.normalizer.view(piece)
             for piece in dict.fromkeys(piece.text for layout in layouts for part in layout for piece in part.pieces)}
    plan = plan_screening(detector, layouts, views, settings)
    screened, docs = screen_texts(detector, plan.screened, settings) if plan.screened else ({}, {})
    results = {**screened, **analyze_texts(detector, plan.full, settings)}
    assembled = [_assembled(prepared, layout, results, views, detector.ner_entities)
                 for prepared, layout in zip(batch, layouts)]
    items = [_decision_input(prepared, spans, features) for prepared, (spans, features) in zip(batch, assembled)]
    probabilities = detector.classifier.probabilities(items)
    decisions = detector.classifier.decide_with(items, probabilities)
    # A screened record gets NER unless its category is one the policy drops and NER could not change it.
    needs_ner = [screened_record and not (decision.category in settings.drop_categories
                                          and detector.classifier.settled(decision, detector.ner_entities))
                 for screened_record, decision in zip(plan.screened_records, decisions)]
    pending = [index for index, needed in enumerate(needs_ner) if needed]
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
    return [Finding(prepared, spans, decision.category, decision.scores, complete=needed or not screened_record,
                    unsought=unsought)
            for prepared, (spans, _), decision, screened_record, needed
            in zip(batch, assembled, decisions, plan.screened_records, needs_ner)]


def _decision_input(prepared: PreparedRecord, spans, features: list[TextFeatures]):
    """What the category decision weighs of a record: the record, its texts' features, the entity types found."""
    return prepared.record, features, {span.entity_type for _, field_spans in spans for span in field_spans}


def _is_context(unit: AnalysisUnit) -> bool:
    return unit.fields[0][0] in CONTEXT_FIELDS


def _with_view(piece: str, views: dict[str, View | None]) -> tuple[str, ...]:
    """The piece, and its normalized view when it has one: the texts detected for it."""
    view = views[piece]
    return (piece,) if view is None else (piece, view.text)


def _layout_texts(layout: tuple[UnitLayout, ...], views: dict[str, View | None]) -> list[str]:
    """Every text detected for a record: its pieces and their views."""
    return [text for part in layout for piece in part.pieces for text in _with_view(piece.text, views)]


def _piece_spans(piece: str, results: dict[str, TextResult], view: View | None,
                 name_types: frozenset[str]) -> tuple[Span, ...]:
    """A piece's spans, and those found in its view mapped back onto the characters they came from.
    A view's span of a type NER finds (`name_types`) is not taken where the view rewrote digits in
    it: joining or spelling out digits exposes identifiers, and NER reads a joined run of numbers
    and the words beside it as a name or a place. Where such a span runs over a Tab or a line break
    of the piece (the view reads a typed row's cells as one line: "Ana Lima North America"), the
    cells of UI and table words at its ends are cut off, as they are from NER's spans on the piece."""
    if view is None:
        return results[piece].spans
    mapped = []
    for span in results[view.text].spans:
        start, end = view.original(span.start, span.end)
        if (span.entity_type in name_types
                and _digit_runs(view.text[span.start:span.end]) != _digit_runs(piece[start:end])):
            continue
        if span.entity_type in name_types and _CELL_BREAK.search(piece, start, end):
            bounds = without_ui_parts(piece[start:end], shipped_ui_terms())
            if bounds is None:
                continue
            start, end = start + bounds[0], start + bounds[1]
        mapped.append(Span(span.entity_type, start, end, span.score))
    return results[piece].spans + tuple(mapped)


_DIGIT_RUN = re.compile(r"\d+")
_CELL_BREAK = re.compile(r"[\t\n]")


def _digit_runs(text: str) -> list[int]:
    """The lengths of a text's runs of decimal digits, of any script."""
    return [len(run) for run in _DIGIT_RUN.findall(text)]


def _assembled(prepared: PreparedRecord, layout: tuple[UnitLayout, ...], results: dict[str, TextResult],
               views: dict[str, View | None], name_types: frozenset[str]):
    """A record's spans per field, mapped back from its units' pieces and their views, and its
    texts' features (of the pieces as written: a view adds spans, not category terms)."""
    by_field: dict[str, set[Span]] = {field.name: set() for field in prepared.fields}
    features = []
    for part in layout:
        for piece in part.pieces:
            features.append(results[piece.text].features)
            for span in _piece_spans(piece.text, results, views[piece.text], name_types):
                start, end = piece.offset + span.start, piece.offset + span.end
                for name, field_start, field_end in part.unit.fields:
                    if start < field_end and end > field_start:
                        by_field[name].add(Span(span.entity_type, max(start, field_start) - field_start,
                                                min(end, field_end) - field_start, span.score))
    spans = tuple((field.name, tuple(sorted(by_field[field.name], key=_span_order))) for field in prepared.fields)
    return spans, features


def detect(detector: Detector, prepared: PreparedRecord, settings: AnalyzerSettings) -> Finding:
    """Spans per text field and the category of one record."""
    return detect_batch(detector, [prepared], settings)[0]
