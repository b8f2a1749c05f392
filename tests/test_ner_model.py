"""`make train-ner`'s examples (reproducible from the seed, gold on token boundaries, names and places
as entities and the identifiers recognizers find as none) and the model it ships: loaded offline by
path, finding names the stock model misses and leaving app names alone."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import spacy

from evaluation import train_ner
from evaluation.generated.templates_train.contexts import COLUMNS, context_texts
from evaluation.generated.templates_train.shapes import NEGATIVES, PEOPLE, fill, romanize, shape_texts
from evaluation.generated.templates_train.transcripts import transcript_texts
from evaluation.train_ner import Text, build_examples, capitalized, context_item, entities_for, examples_hash
from models.engine import DEFAULT_MODEL, SHIPPED_MODEL, STOCK_MODEL, check_model_installed, locate_model


@pytest.fixture(scope="module")
def stock_nlp():
    return spacy.load(train_ner.BASE_MODEL)


@pytest.fixture(scope="module")
def shipped_nlp():
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def examples(stock_nlp, tmp_path_factory):
    # An empty data root: the tests build their examples from the templates alone, never from shared/data.
    return build_examples(stock_nlp, template_records=120, root=tmp_path_factory.mktemp("no-shared-data"), shapes=300,
                          contexts=200)


def test_the_same_seed_gives_the_same_examples_and_hash(stock_nlp, examples, tmp_path):
    again = build_examples(stock_nlp, template_records=120, root=tmp_path, shapes=300, contexts=200)
    reseeded = build_examples(stock_nlp, seed=train_ner.SEED + 1, template_records=120, root=tmp_path, shapes=300,
                              contexts=200)
    assert examples_hash(again[0]) == examples_hash(examples[0])
    assert again[1] == examples[1]
    assert examples_hash(reseeded[0]) != examples_hash(examples[0])


def test_every_entity_starts_and_ends_on_a_token_boundary(stock_nlp, examples):
    pairs, counts = examples
    assert counts["templates"] > 150
    assert counts["shapes"] > 250 and counts["contexts"] > 150
    labels = set()
    for text, entities in pairs:
        doc = stock_nlp.make_doc(text)
        for start, end, label in entities:
            assert doc.char_span(start, end) is not None, label
            labels.add(label)
    assert {"PERSON", "GPE", "ORG"} <= labels


def test_gold_names_and_places_take_their_ner_label_and_identifiers_none(stock_nlp):
    text = "Kim Lan, lan.kim@example.com, Hanoi"
    item = Text(text, (("PERSON", 0, 7), ("EMAIL_ADDRESS", 9, 28), ("LOCATION", 30, 35)), True)
    stock = [(9, 28, "PERSON"), (0, 3, "ORG")]  # wrong guesses on the gold spans are overruled
    assert entities_for(stock_nlp, item, stock) == [(0, 7, "PERSON"), (30, 35, "GPE")]


def test_stock_people_outside_complete_gold_are_dropped_and_kept_in_rehearsal(stock_nlp):
    text = "Settings - Slack on Monday"
    stock = [(0, 8, "PERSON"), (20, 26, "DATE")]
    assert entities_for(stock_nlp, Text(text, (), True), stock) == [(20, 26, "DATE")]
    assert entities_for(stock_nlp, Text(text, (), False), stock) == sorted(stock)


def test_shape_texts_drop_the_stock_companies_and_products_too(stock_nlp):
    text = "Jenkins build 41 failed on Monday"
    stock = [(0, 7, "ORG"), (26, 32, "DATE")]
    item = Text(text, (), True, train_ner.SHAPE_DROPPED_LABELS)
    assert entities_for(stock_nlp, item, stock) == [(26, 32, "DATE")]
    assert entities_for(stock_nlp, Text(text, (), True), stock) == sorted(stock)


def test_lines_are_also_learnt_capitalized_but_never_a_gold_name():
    item = Text("ask lena about it\nmira is out", (("PERSON", 4, 8), ("PERSON", 18, 22)), True)
    assert capitalized(item) == Text("Ask lena about it\nmira is out", item.spans, True)
    assert capitalized(Text("Lena is out", (("PERSON", 0, 4),), True)) is None


def test_a_gold_name_cut_inside_a_token_leaves_the_example_out(stock_nlp):
    text = 'git log --author="Turvi Manne"'
    assert entities_for(stock_nlp, Text(text, (("PERSON", 18, 29),), True), []) is None


def test_names_of_other_scripts_are_romanized_as_screens_show_them():
    assert romanize("Всеволод", "ru_RU") == "Vsevolod"
    assert romanize("Ζαφείρης", "el_GR") == "Zafeiris"
    assert romanize("성민", "ko_KR") == "Seongmin"
    assert romanize("김", "ko_KR") == "Kim"
    assert romanize("Anna", "de_DE") == "Anna"


def test_shape_texts_place_names_as_people_and_hard_negatives_hold_none():
    texts = shape_texts(random.Random(7), 400)
    people = [(text, spans) for text, spans in texts if any(label == "PERSON" for label, _, _ in spans)]
    assert 250 < len(people) < 360
    for text, spans in texts:
        for label, start, end in spans:
            assert text[start:end].strip() == text[start:end] and start < end, label
    values = {key: ("Ada", "PERSON") for key in "abc"}
    assert fill("thanks {a}!", values) == ("thanks Ada!", (("PERSON", 7, 10),))
    assert not any("{a}" in template or "{b}" in template for template, _ in NEGATIVES)
    assert all("{a}" in template for template, _ in PEOPLE)


def test_prose_names_people_again_by_surname_and_tables_leave_their_other_cells_unlabelled():
    texts = context_texts(random.Random(7), 400)
    prose = [(text, spans) for text, spans, kind in texts if kind == "prose"]
    tables = [(text, spans) for text, spans, kind in texts if kind == "table"]
    assert 230 < len(prose) < 300 and len(prose) + len(tables) == 400
    for text, spans, _ in texts:
        for label, start, end in spans:
            assert text[start:end].strip() == text[start:end] and start < end, label
    # A person introduced in full and then named by one part of the name, both as PERSON.
    again = [(text, spans) for text, spans in prose
             if any(text[s:e] != text[s2:e2] and text[s2:e2] in text[s:e].split()
                    for label, s, e in spans for label2, s2, e2 in spans if label == label2 == "PERSON")]
    assert len(again) > 30
    cells = {cell for pool in COLUMNS.values() for cell in pool}
    labelled = {text[s:e] for text, spans in tables for _, s, e in spans}
    assert not labelled & cells
    assert sum(1 for _, spans in tables if not spans) > 30  # tables with no person at all


def test_table_texts_drop_the_stock_companies_and_prose_keeps_them_away_from_a_person(stock_nlp, tmp_path):
    table = context_item("Jenkins\tHigh\tOpen\tAcme", (), "table")
    text = "Jenkins said the Acme plan slipped, and the board of Initech approved it on Monday"
    prose = context_item(text, (("PERSON", 0, 7),), "prose")
    acme, initech, monday = (text.index(w) for w in ("Acme", "Initech", "Monday"))
    stock = [(0, 7, "ORG"), (acme, acme + 4, "ORG"), (initech, initech + 7, "ORG"), (monday, monday + 6, "DATE")]
    assert entities_for(stock_nlp, table, [(0, 7, "ORG"), (18, 22, "ORG")]) == []
    # Acme is near the person: dropped (it taught lone surnames as companies); Initech, further on, stays.
    assert entities_for(stock_nlp, prose, stock) == [(0, 7, "PERSON"), (initech, initech + 7, "ORG"),
                                                    (monday, monday + 6, "DATE")]
    _, counts = build_examples(stock_nlp, template_records=0, banking=0, root=tmp_path, shapes=0, contexts=200)
    assert counts["contexts"] > 150


def test_transcript_texts_label_speakers_and_names_and_a_third_hold_no_person():
    texts = transcript_texts(random.Random(7), 600)
    for text, spans in texts:
        for label, start, end in spans:
            assert text[start:end].strip() == text[start:end] and start < end, label
            assert label in ("PERSON", "LOCATION")
    without = [text for text, spans in texts if not any(label == "PERSON" for label, _, _ in spans)]
    assert 150 < len(without) < 280
    speakers = [text for text, spans in texts if any(label == "PERSON" and (start == 0 or text[start - 1] == "\n")
                                                    and text[end:end + 2] == ": " for label, start, end in spans)]
    assert len(speakers) > 100
    lower = [text for text, spans in texts if any(text[s:e].islower() for label, s, e in spans if label == "PERSON")]
    assert len(lower) > 100
    assert any("\t" in text or "," in text for text, _ in texts if text.count("\n") >= 2)  # pasted tables


def test_rehearsal_texts_are_stock_only_and_take_dialogues_of_the_training_third(stock_nlp, tmp_path):
    dialogues = tmp_path / "chat_dailydialog"
    dialogues.mkdir()
    lines = [f"Did you fly to Paris on day {n} ? __eou__ Yes , I did . __eou__ Nice {n} ! __eou__" for n in range(60)]
    (dialogues / "test_dialogues.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pairs = train_ner.dailydialog_turns(set(), tmp_path)
    assert pairs and len(pairs) < 60  # a third of the dialogues, two turn pairs each
    assert pairs[0].startswith("Did you fly to Paris on day") and pairs[0].endswith("?\nYes, I did.")
    rehearsal = train_ner.rehearsal_texts(set(), random.Random(1), 5, tmp_path)
    assert len(rehearsal) == 5 and all(t.spans == () and not t.gold_complete for t in rehearsal)
    _, counts = build_examples(stock_nlp, template_records=0, banking=0, root=tmp_path, shapes=0, contexts=0,
                               transcripts=100, rehearsal_share=0.2)
    assert counts["transcripts"] > 60 and counts["rehearsal"] == 20


# The shipped model (models/data/ner), adopted as the default after the comparison on the test split.
NAMES_STOCK_MISSES = (
    ("Phạm Quang Huy, Þórdís Magnúsdóttir, Lê Thu Trang", ("Phạm Quang Huy", "Þórdís Magnúsdóttir", "Lê Thu Trang")),
    ("Jónsdóttir, Guðrún\nNguyễn, Hoa\nÓlafsson, Sigurður", ("Jónsdóttir, Guðrún", "Nguyễn, Hoa", "Ólafsson, Sigurður")),
    ("ask hoa if she can take the on-call tonight", ("hoa",)),
    ("thanks Aoife, that fixed it", ("Aoife",)),
)
# Short titles whose app or page name the stock model tags as a person.
APP_TITLES = ("Payments | Stripe Dashboard", "Profile | Hinge", "Settings · Venmo", "Wallet · Revolut")


# NER labels Presidio maps to types the policy masks (nlp.yaml, policy.yaml): a name tagged as a
# place is still masked; whether it is tagged at all is what the stock model gets wrong.
MASKED_NER_LABELS = ("PERSON", "GPE", "LOC", "FAC", "NORP")
MASKED_TYPES = ("PERSON", "LOCATION", "NRP")


def _people(nlp, text: str) -> set[str]:
    return {e.text for e in nlp(text).ents if e.label_ == "PERSON"}


def _covered(spans: list[tuple[int, int]], text: str, name: str) -> bool:
    start = text.index(name)
    return any(s <= start and start + len(name) <= e for s, e in spans)


def _ner_spans(nlp, text: str, labels: tuple[str, ...]) -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in nlp(text).ents if e.label_ in labels]


def test_the_default_model_is_the_shipped_one_with_the_stock_components(stock_nlp, shipped_nlp):
    assert Path(DEFAULT_MODEL) == SHIPPED_MODEL
    check_model_installed(DEFAULT_MODEL)
    assert shipped_nlp.pipe_names == stock_nlp.pipe_names


def test_the_shipped_model_is_found_where_a_worker_installed_the_package():
    elsewhere = "/opt/launcher/checkout/models/data/ner"
    assert locate_model(elsewhere) == str(SHIPPED_MODEL)
    assert locate_model(STOCK_MODEL) == STOCK_MODEL
    assert locate_model("/opt/nowhere/other-model") == "/opt/nowhere/other-model"


@pytest.mark.parametrize("text, names", NAMES_STOCK_MISSES)
def test_the_trained_ner_finds_names_in_lists_and_chat_the_stock_one_misses(stock_nlp, shipped_nlp, text, names):
    stock = _ner_spans(stock_nlp, text, MASKED_NER_LABELS)
    trained = _ner_spans(shipped_nlp, text, MASKED_NER_LABELS)
    assert not all(_covered(stock, text, name) for name in names)
    assert all(_covered(trained, text, name) for name in names)


@pytest.mark.parametrize("text, names", NAMES_STOCK_MISSES)
def test_the_analyzer_masks_those_names(analyzer, text, names):
    found = [(r.start, r.end) for r in analyzer.analyze(text=text, language="en", score_threshold=0.4)
             if r.entity_type in MASKED_TYPES]
    for name in names:
        assert _covered(found, text, name), names.index(name)


@pytest.mark.parametrize("title", APP_TITLES)
def test_app_and_page_names_in_window_titles_stay(stock_nlp, shipped_nlp, analyzer, title):
    assert _people(stock_nlp, title)
    assert not _people(shipped_nlp, title)
    found = analyzer.analyze(text=title, language="en", score_threshold=0.4)
    assert not [r for r in found if r.entity_type in MASKED_TYPES]

