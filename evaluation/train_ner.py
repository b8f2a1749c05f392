"""`make train-ner`: fine-tunes the NER of the pinned `en_core_web_sm` on telemetry-shaped text and
saves the whole pipeline (same components) to models/data/ner, with a JSON of how it was made.

Examples: the training template family (`evaluation/generated/templates_train`, its own seed and
templates, never the dev or test ones), optionally (`--shape-texts`, none by default) that family's
name shapes and hard negatives (`templates_train/shapes.py`: names of 53 locales in every casing,
order and glue; UI, product, work and docs words and brand names that are also given names, with no
entity), and the training third of the public data (presidio-research
sentences with their spans, #ubuntu IRC, MTS-Dialog turns), plus banking77 queries and personal
SMS, each text labelled so:
gold people -> PERSON, cities -> GPE, street addresses -> LOC, companies -> ORG; identifiers the
recognizers find (e-mail, phone, logins, tokens...) are no entity at all. Where the gold names
every person and place (templates, presidio), the stock model's other entities (dates, numbers,
groups) are kept as labels so it does not unlearn them; IRC, clinical, banking and SMS text is
rehearsal only (the stock model's own entities), IRC nicks excepted. Template texts whose lines
start in lower case are learnt in both cases. Texts of shared/data/labelled.jsonl are held out. In
prose and transcript texts, stock companies, groups, products and works near a person are dropped.

    python -m evaluation.train_ner [--out DIR]            # build the examples, train, save
    python -m evaluation.train_ner --shape-texts 8000 --out DIR   # a candidate with shape texts
    python -m evaluation.train_ner --shape-texts 2000 --context-texts 8000 --out DIR   # with prose and tables
    python -m evaluation.train_ner --transcript-texts 3000 --rehearsal-share 0.25 --out DIR   # with chat, voice
        # and AI-prompt texts, and stock-annotated DailyDialog and SMS text as a fixed share of the added texts
    python -m evaluation.train_ner --compare dev|test     # stock vs trained through pipeline.run
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from evaluation.generated.build import FULL, Sizes, generate_split, with_fixed_hash_seed
from evaluation.generated.families import Family, load_family
from evaluation.generated.public import SHARED_DATA, public_records, share_of
from evaluation.generated.records import Built, build_text_record
from evaluation.generated.spans import Slots
from evaluation.generated.templates_train.contexts import context_texts
from evaluation.generated.templates_train.shapes import shape_texts
from evaluation.generated.templates_train.transcripts import transcript_texts
from evaluation.generated.values import Values
from models.engine import SHIPPED_MODEL, STOCK_MODEL

MODEL_DIR = SHIPPED_MODEL
INFO_NAME = "training.json"
BASE_MODEL = STOCK_MODEL
SEED = 20261215
FAMILY = "train"
TEMPLATE_RECORDS = 9000
# IRC windows of 5 lines, clinical dialogues of up to 8 turns (rehearsal), all of presidio's third.
PUBLIC_LIMITS = {"irc": 500, "clinical": 250, "presidio": 100000}
BANKING_QUERIES = 1500  # and as many personal SMS
# Shape texts (templates_train/shapes.py) added by default: none in the shipped model. With 8,000
# (`--shape-texts 8000`) a held-out probe improved but dev person zero-leak and presidio-research's
# dev third got worse (docs/detection.md).
SHAPE_TEXTS = 0
# Prose and table texts (templates_train/contexts.py) added by default: none. With 8,000 beside 2,000
# shape texts, the probe and presidio-research's dev third improved but dev person zero-leak, location
# and over-redaction got worse (docs/detection.md).
CONTEXT_TEXTS = 0
# Transcript-shaped texts (templates_train/transcripts.py: chat turns, lower-case voice, AI prompts with a
# pasted table, one in three with no person) added by default: none. With 3,000 (and 1,000 shape, 6,000
# context texts, rehearsal 0.25) the probe and presidio-research's dev third improved, person zero-leak on
# dev held, but dev location and over-redaction got worse (docs/detection.md).
TRANSCRIPT_TEXTS = 0
# Rehearsal: stock-annotated public text (DailyDialog turns of the training third, more personal SMS),
# as many as this share of the generated texts added above, so the stock places and dates are not forgotten.
REHEARSAL_SHARE = 0.0
# In prose and transcripts, stock companies, groups, products and works this close (characters) to a
# person are dropped: near a name they taught lone surnames as companies (ORG is not masked).
NEAR_NAME_CHARS = 40
EPOCHS = 6
BATCH_SIZE = 32
DROPOUT = 0.2
# Gold labels that are names or places, as spaCy labels (Presidio maps GPE and LOC to LOCATION).
NER_LABELS = {"PERSON": "PERSON", "LOCATION": "GPE", "ADDRESS": "LOC", "ORGANIZATION": "ORG"}
# Stock entities dropped where the gold is complete for people and places: there, they are wrong.
GOLD_COMPLETE_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})
# Stock entities dropped from the shape texts too: there, brand, app and work words are no entity at all,
# so a lone capitalised name is not learnt as a company (ORG is not masked).
SHAPE_DROPPED_LABELS = GOLD_COMPLETE_LABELS | {"ORG", "NORP", "PRODUCT", "WORK_OF_ART"}
SCORED_LABELS = ("PERSON", "GPE", "LOC", "ORG")


@dataclass(frozen=True)
class Text:
    """One text to learn from: its gold spans (label, start, end) and whether they name every person and place."""

    text: str
    spans: tuple[tuple[str, int, int], ...]
    gold_complete: bool
    stock_dropped: frozenset[str] = frozenset()  # stock labels never kept in this text
    near_name_dropped: frozenset[str] = frozenset()  # stock labels not kept within NEAR_NAME_CHARS of a person


class _OrgSlots(Slots):
    """Slots whose company names are gold too (as ORGANIZATION), so the model learns them as ORG."""

    def resolve(self, slot: str) -> tuple[str, str | None]:
        value, label = super().resolve(slot)
        return value, ("ORGANIZATION" if slot == "company" else label)


def texts_of(built: Built, gold_complete: bool) -> list[Text]:
    """The record's texts (context fields, typed text, segments) with their gold spans."""
    gold = built.gold
    return [Text(text, tuple((s["label"], s["start"], s["end"]) for s in gold["spans"] if s["field"] == field),
                 gold_complete)
            for field, text in gold["texts"].items() if text.strip()]


def family_texts(family: Family, records: int) -> list[Text]:
    """`records` records of the family's text recipes, drawn as the split builder draws them."""
    rng = random.Random(family.seed)
    values = Values(rng)
    weights = [r.weight for r in family.text_recipes]
    texts: list[Text] = []
    for index in range(records):
        recipe = rng.choices(family.text_recipes, weights=weights)[0]
        built = build_text_record(recipe, _OrgSlots(values), rng, f"{family.name}-t{index:05d}", index)
        texts += texts_of(built, gold_complete=True)
    return texts


def capitalized(item: Text) -> Text | None:
    """`item` with each line's first letter in upper case, as people type it either way ("ask lena" and
    "Ask lena"), so a capitalized word before a name is not learnt as part of it; None if no line
    starts with a lower-case letter outside a gold span."""
    starts = [0] + [i + 1 for i, c in enumerate(item.text) if c == "\n"]
    chars = list(item.text)
    for start in starts:
        if start < len(chars) and chars[start].islower() and not any(s <= start < e for _, s, e in item.spans):
            chars[start] = chars[start].upper()
    text = "".join(chars)
    return None if text == item.text or len(text) != len(item.text) else Text(text, item.spans, item.gold_complete)


def public_texts(family: Family, held_out: set[str], root: Path = SHARED_DATA) -> list[Text]:
    """The family's third of presidio-research (gold complete) and IRC (rehearsal), minus held-out texts."""
    built = public_records(family.public_share, f"{family.name}-pub", PUBLIC_LIMITS, random.Random(family.seed), root)
    texts = [t for b in built for t in texts_of(b, gold_complete=b.gold["recipe"] == "public_presidio")]
    return [t for t in texts if t.text.strip() not in held_out]


def banking_texts(held_out: set[str], rng: random.Random, count: int, root: Path = SHARED_DATA) -> list[Text]:
    """`count` banking77 training queries (rehearsal: no gold of their own)."""
    path = root / "finance_banking77" / "train.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row["text"] for row in csv.DictReader(handle) if row["text"].strip() not in held_out]
    return [Text(text, (), False) for text in rng.sample(rows, min(count, len(rows)))]


def sms_texts(held_out: set[str], rng: random.Random, count: int, root: Path = SHARED_DATA) -> list[Text]:
    """`count` personal SMS (SMS Spam Collection, ham; rehearsal: names in casual English)."""
    path = root / "chat_sms_spam_collection" / "SMSSpamCollection"
    if not path.exists():
        return []
    rows = [line.split("\t", 1)[1].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("ham\t")]
    rows = [row for row in rows if row and row not in held_out]
    return [Text(text, (), False) for text in rng.sample(rows, min(count, len(rows)))]


def held_out_texts(root: Path = SHARED_DATA) -> set[str]:
    """Texts of the public evaluation corpus (shared/data/labelled.jsonl), never trained on."""
    path = root / "labelled.jsonl"
    if not path.exists():
        return set()
    return {json.loads(line)["text"].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def entities_for(nlp: Language, item: Text, stock: list[tuple[int, int, str]]) -> list[tuple[int, int, str]] | None:
    """Entity offsets (spaCy's) for `item`: gold names and places as their NER label, identifiers as no
    entity, the stock model's other entities where they touch no gold span (and, where the gold
    names every person and place, not a person or place). None when a gold entity does not start
    and end on token boundaries (the example is left out rather than taught wrong)."""
    doc = nlp.make_doc(item.text)
    entities = []
    for label, start, end in item.spans:
        if label in NER_LABELS:
            if doc.char_span(start, end) is None:
                return None
            entities.append((start, end, NER_LABELS[label]))
    for start, end, label in stock:
        if any(start < g_end and g_start < end for _, g_start, g_end in item.spans):
            continue
        if (item.gold_complete and label in GOLD_COMPLETE_LABELS) or label in item.stock_dropped:
            continue
        if label in item.near_name_dropped and _near_person(item, start, end):
            continue
        entities.append((start, end, label))
    return sorted(entities)


def _near_person(item: Text, start: int, end: int) -> bool:
    """Whether [start, end) lies within NEAR_NAME_CHARS of a gold person span of `item`."""
    return any(start < p_end + NEAR_NAME_CHARS and p_start - NEAR_NAME_CHARS < end
               for label, p_start, p_end in item.spans if label == "PERSON")


def context_item(text: str, spans: tuple[tuple[str, int, int], ...], kind: str) -> Text:
    """A prose or table text of templates_train/contexts.py: a table's cells drop the stock companies and
    products as the shape texts do; prose keeps them (dropping them all lost lone surnames in prose)
    except near a person (keeping them there taught lone surnames as companies)."""
    if kind == "table":
        return Text(text, spans, True, SHAPE_DROPPED_LABELS)
    return Text(text, spans, True, near_name_dropped=SHAPE_DROPPED_LABELS)


def dailydialog_turns(held_out: set[str], root: Path = SHARED_DATA) -> list[str]:
    """Pairs of consecutive DailyDialog turns from the training third of its dialogues, detokenized."""
    path = root / "chat_dailydialog" / "test_dialogues.txt"
    if not path.exists():
        return []
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if share_of(f"dailydialog:{number}") != 2:
            continue
        turns = [re.sub(r" ([,.?!;:%)])|([(]) |(’) ", r"\1\2\3", t.strip()) for t in line.split("__eou__")]
        turns = [t for t in turns if t]
        pairs += ["\n".join(turns[i:i + 2]) for i in range(0, len(turns), 2)]
    return [p for p in pairs if p not in held_out]


def rehearsal_texts(held_out: set[str], rng: random.Random, count: int, root: Path = SHARED_DATA) -> list[Text]:
    """`count` stock-annotated public texts (rehearsal only): DailyDialog turn pairs, then personal SMS."""
    pool = dailydialog_turns(held_out, root)
    rng.shuffle(pool)
    texts = pool[:count]
    if len(texts) < count:  # SMS already drawn for sms_texts are left out by the examples' de-duplication
        texts += [t.text for t in sms_texts(held_out, rng, count - len(texts), root)]
    return [Text(text, (), False) for text in texts]


def build_examples(nlp: Language, seed: int = SEED, template_records: int = TEMPLATE_RECORDS,
                   banking: int = BANKING_QUERIES, root: Path = SHARED_DATA,
                   shapes: int = SHAPE_TEXTS, contexts: int = CONTEXT_TEXTS, transcripts: int = TRANSCRIPT_TEXTS,
                   rehearsal_share: float = REHEARSAL_SHARE) -> tuple[list[tuple[str, list]], dict]:
    """(text, entity offsets) pairs in a fixed order, and counts of where they came from."""
    family = load_family(FAMILY)
    held_out = held_out_texts(root)
    templates = family_texts(family, template_records)
    sources = {"templates": templates + [v for v in map(capitalized, templates) if v is not None],
               "shapes": [Text(text, spans, True, SHAPE_DROPPED_LABELS)
                          for text, spans in shape_texts(random.Random(seed), shapes)],
               "contexts": [context_item(*triple) for triple in context_texts(random.Random(seed + 1), contexts)],
               "transcripts": [Text(text, spans, True, near_name_dropped=SHAPE_DROPPED_LABELS)
                               for text, spans in transcript_texts(random.Random(seed + 2), transcripts)],
               "rehearsal": rehearsal_texts(held_out, random.Random(seed + 3),
                                            round(rehearsal_share * (shapes + contexts + transcripts)), root),
               "public": public_texts(family, held_out, root),
               "banking77": banking_texts(held_out, random.Random(seed), banking, root),
               "sms": sms_texts(held_out, random.Random(seed), banking, root)}
    examples: dict[str, list] = {}
    counts: dict[str, int] = {}
    for name, texts in sources.items():
        kept = 0
        with nlp.select_pipes(enable="ner"):
            docs = nlp.pipe((t.text for t in texts), batch_size=256)
            for item, doc in zip(texts, docs):
                stock = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
                entities = entities_for(nlp, item, stock)
                if entities is not None and item.text not in examples:
                    examples[item.text] = entities
                    kept += 1
        counts[name] = kept
        counts[f"{name}_misaligned"] = sum(1 for t in texts if entities_for(nlp, t, []) is None)
    ordered = list(examples.items())
    random.Random(seed).shuffle(ordered)
    return ordered, counts


def examples_hash(examples: list[tuple[str, list]]) -> str:
    """sha256 of the examples' canonical JSON: the same seed and data give the same hash."""
    return hashlib.sha256(json.dumps(examples, ensure_ascii=False).encode()).hexdigest()


def train(nlp: Language, examples: list[tuple[str, list]], seed: int = SEED, epochs: int = EPOCHS) -> list[float]:
    """Fine-tune `nlp`'s NER on the examples (other components untouched); the loss of each epoch."""
    fix_random_seed(seed)
    rng = random.Random(seed)
    data = [Example.from_dict(nlp.make_doc(text), {"entities": entities}) for text, entities in examples]
    losses_by_epoch = []
    with nlp.select_pipes(enable="ner"):
        optimizer = nlp.resume_training()
        for _ in range(epochs):
            rng.shuffle(data)
            losses: dict[str, float] = {}
            for batch in minibatch(data, size=BATCH_SIZE):
                nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses)
            losses_by_epoch.append(round(float(losses.get("ner", 0.0)), 1))
    return losses_by_epoch


def ner_scores(nlp: Language, family_name: str, records: int = 600) -> dict[str, dict]:
    """Precision, recall and F of `nlp`'s entities on a family's text records, by label (dev only while tuning)."""
    texts = family_texts(load_family(family_name), records)
    data = []
    for item in texts:
        entities = entities_for(nlp, item, [])
        if entities is not None:
            data.append(Example.from_dict(nlp.make_doc(item.text), {"entities": entities}))
    by_type = nlp.evaluate(data)["ents_per_type"] or {}
    return {label: {k: round(v, 3) for k, v in by_type.get(label, {}).items()} for label in SCORED_LABELS}


def main_train(out: Path, shapes: int = SHAPE_TEXTS, contexts: int = CONTEXT_TEXTS,
               transcripts: int = TRANSCRIPT_TEXTS, rehearsal_share: float = REHEARSAL_SHARE) -> dict:
    """Build the examples, train, save the pipeline and its training.json."""
    started = time.monotonic()
    nlp = spacy.load(BASE_MODEL)
    examples, counts = build_examples(nlp, shapes=shapes, contexts=contexts, transcripts=transcripts,
                                      rehearsal_share=rehearsal_share)
    print(f"examples: {len(examples)} {counts}", file=sys.stderr)
    stock_dev = ner_scores(nlp, "dev")
    losses = train(nlp, examples)
    trained_dev = ner_scores(nlp, "dev")
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    info = {"base_model": BASE_MODEL, "base_model_version": nlp.meta.get("version"), "spacy_version": spacy.__version__,
            "seed": SEED, "family": FAMILY, "template_records": TEMPLATE_RECORDS, "shape_texts": shapes,
            "context_texts": contexts, "transcript_texts": transcripts, "rehearsal_share": rehearsal_share,
            "near_name_chars": NEAR_NAME_CHARS, "examples": len(examples),
            "sources": counts, "examples_sha256": examples_hash(examples), "epochs": EPOCHS, "batch_size": BATCH_SIZE,
            "dropout": DROPOUT, "losses": losses, "dev_ner_stock": stock_dev, "dev_ner_trained": trained_dev,
            "seconds": round(time.monotonic() - started)}
    (out / INFO_NAME).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def compare(split: str, model: Path, work: Path) -> dict:
    """Stock and trained model through `python -m pipeline.run` on the split's text records (no
    screens): zero-leak by label and kind and over-redaction, aggregates only."""
    from evaluation.evaluate import DEFAULT_RUNNER_ARGS, run_pipeline_cli, score_split
    from evaluation.scoring import summarize

    split_dir = work / split
    shutil.rmtree(split_dir, ignore_errors=True)
    generate_split(load_family(split), split_dir, Sizes(FULL.text, 0, FULL.public))
    figures = {}
    for name, spacy_model in (("stock", BASE_MODEL), ("trained", str(model))):
        shutil.rmtree(split_dir / "output", ignore_errors=True)  # the pipeline refuses an output holding shards
        docs, _ = run_pipeline_cli(split_dir, [*DEFAULT_RUNNER_ARGS, f"--spacy_model={spacy_model}"])
        summary = summarize(score_split(split_dir, docs))
        figures[name] = {key: summary[key] for key in ("records", "zero_leak", "zero_leak_by_kind", "zero_leak_by_label",
                                                        "over_redaction", "over_redaction_by_kind", "drop_recall",
                                                        "false_drops")}
    return figures


def main(argv: list[str] | None = None) -> int:
    """Builds the examples, trains and saves the NER, or compares stock and trained."""
    with_fixed_hash_seed("evaluation.train_ner", sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(MODEL_DIR), help="where the trained pipeline is saved")
    parser.add_argument("--compare", choices=("dev", "test"), help="compare stock and trained on a split instead")
    parser.add_argument("--work", default="out/ner", help="working directory of --compare")
    parser.add_argument("--shape-texts", type=int, default=SHAPE_TEXTS,
                        help="name-shape and hard-negative texts to add (a candidate; the shipped model has none)")
    parser.add_argument("--context-texts", type=int, default=CONTEXT_TEXTS,
                        help="prose and table texts to add (templates_train/contexts.py; a candidate, none shipped)")
    parser.add_argument("--transcript-texts", type=int, default=TRANSCRIPT_TEXTS,
                        help="chat, voice and AI-prompt texts to add (templates_train/transcripts.py; a candidate)")
    parser.add_argument("--rehearsal-share", type=float, default=REHEARSAL_SHARE,
                        help="stock-annotated public texts to add, as a share of the generated texts added")
    args = parser.parse_args(argv)
    if args.compare:
        figures = compare(args.compare, Path(args.out), Path(args.work))
        path = Path(args.work) / f"compare-{args.compare}.json"
        path.write_text(json.dumps(figures, indent=2), encoding="utf-8")
        print(json.dumps(figures, indent=2))
        return 0
    info = main_train(Path(args.out), args.shape_texts, args.context_texts, args.transcript_texts,
                      args.rehearsal_share)
    print(json.dumps(info, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
