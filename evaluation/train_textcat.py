"""`make train-textcat`: trains the small text classifier the category decision uses, from shared/data.

Sources (all CC BY 4.0, read in place, never copied into the repository): MTS-Dialog and
ACI-BENCH doctor-patient dialogues (medical), banking77 customer queries (tax / personal
finance), SMS Spam Collection personal messages labelled ham (private_chat) and #ubuntu IRC
support chat (benign). Dialogues are cut into runs of one to three turns so the examples are as
short as telemetry records. Held out: every text of shared/data/labelled.jsonl (the public
evaluation corpus), and of MTS-Dialog and the IRC logs all but the training family's third (the
other two thirds go into the generated dev and test splits). No public performance-review or
workplace-chat text has a usable licence: the templates in evaluation/training/ (written for this
project, independently of evaluation/corpus.jsonl) give the performance class, add own medical,
tax and private matters in the registers of work tools (speech without punctuation, form fields,
searches, assistant prompts; other countries' systems) to their classes, and office chat and work
about those subjects to the benign one; the training template family adds records as the pipeline sees them (app,
window title, URL and text), its own TEXT_RECIPES and CATEGORY_RECIPES: a person's own medical,
tax, HR and private matters in work tools, and work about those subjects (hard negatives).

    python -m evaluation.train_textcat [--out DIR] [--epochs N]
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from evaluation.generated.build import with_fixed_hash_seed
from evaluation.generated.families import load_family
from evaluation.generated.public import share_of
from evaluation.generated.records import TextRecipe, build_text_record
from evaluation.generated.spans import Slots
from evaluation.generated.templates_train.categories import CATEGORY_RECIPES
from evaluation.generated.values import Values

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "data" / "textcat"
LABELS = ("medical", "tax", "private_chat", "performance", "benign")
PER_LABEL = 3000
# Public texts a label gets at least (when it has that many), however many family records it has.
PUBLIC_MIN = 1000
# Records drawn per recipe of the training template family (category recipes, then its other ones).
PER_CATEGORY_RECIPE = 150
PER_TEXT_RECIPE = 25
FAMILY = "train"
CONTEXT_FIELDS = ("app", "window_title", "url")
TEMPLATES = Path(__file__).resolve().parent / "training"
VARIANTS_PER_TEMPLATE = 20
# The template file of each label under evaluation/training/ (the label's own name when not listed).
TEMPLATE_FILES = {"benign": "work"}
FILLERS = {
    "name": ["Jordan", "Priya", "Sam", "Alex", "Mei", "Tom", "Aisha", "Diego", "Hannah", "Kwame", "Lena", "Ravi"],
    "name2": ["Chris", "Nora", "Omar", "Julia", "Ben", "Fatima", "Leo", "Grace"],
    "level": ["L4", "L5", "L6", "senior", "staff", "principal", "manager"],
    "period": ["cycle", "half", "quarter", "year", "review period"],
    "rating": ["meets", "exceeds", "partially meets", "a 2", "a 3", "a 4", "strong", "below expectations"],
    "amount": ["$142k", "$168k", "$185k", "$12,000", "8%", "$5k"],
    "ticket": ["PLAT-1423", "API-88", "WEB-2210", "DATA-17", "OPS-301", "INFRA-9"],
    "version": ["2.14.3", "v1.8.0", "3.0.1-rc2", "build 4471", "r512"],
    "service": ["checkout", "auth-service", "the billing api", "search", "the ingest worker", "payments"],
}
SEED = 20261125
TRAINING_SHARE = load_family(FAMILY).public_share
_IRC_LINE = re.compile(r"^\[\d\d:\d\d\] <[^>]+> (.+)$")
_ADDRESSED = re.compile(r"^[\w|\-\[\]^`{}]+[:,] ")


def dialogue_chunks(dialogue: str, rng: random.Random) -> list[str]:
    """A dialogue cut into runs of one to three turns, speaker labels removed."""
    turns = [re.sub(r"^\s*\[?\w+\]?:\s*", "", t).strip() for t in re.split(r"\n+|(?=\[(?:doctor|patient)\])", dialogue)]
    turns = [t for t in turns if len(t) > 15]
    chunks, i = [], 0
    while i < len(turns):
        size = rng.randint(1, 3)
        chunks.append(" ".join(turns[i:i + size]))
        i += size
    return chunks


def expand_templates(name: str, rng: random.Random) -> list[str]:
    """Each template line of evaluation/training/<name>.txt, filled in VARIANTS_PER_TEMPLATE ways
    (a line's literal backslash-n is a line break: form fields, one per line)."""
    lines = [line.strip() for line in (TEMPLATES / name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return [re.sub(r"\{(\w+)\}", lambda m: rng.choice(FILLERS[m.group(1)]), line).replace("\\n", "\n")
            for line in lines for _ in range(VARIANTS_PER_TEMPLATE)]


def load_examples(held_out: set[str], rng: random.Random) -> dict[str, list[str]]:
    """Texts per label from the shared data sets, minus anything in the held-out public corpus."""
    texts: dict[str, list[str]] = {"medical": [], "tax": [], "private_chat": [], "benign": []}
    for name in ("MTS-Dialog-TrainingSet.csv", "MTS-Dialog-ValidationSet.csv"):
        with open(DATA / "medical_mts_dialog" / name, encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                if row["dialogue"].strip() not in held_out and _training_share(f"mts:{row['ID']}", name):
                    texts["medical"] += dialogue_chunks(row["dialogue"], rng)
    for name in ("train.csv", "valid.csv"):
        with open(DATA / "medical_aci_bench" / name, encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                texts["medical"] += dialogue_chunks(row["dialogue"], rng)
    with open(DATA / "finance_banking77" / "train.csv", encoding="utf-8") as stream:
        texts["tax"] += [row["text"] for row in csv.DictReader(stream)]
    with open(DATA / "chat_sms_spam_collection" / "SMSSpamCollection", encoding="utf-8") as stream:
        texts["private_chat"] += [line.split("\t", 1)[1].strip() for line in stream
                                  if line.startswith("ham\t") and len(line) > 12]
    for path in sorted((DATA / "benign_ubuntu_irc").glob("*.raw.txt")):
        said = [match.group(1) for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                if (match := _IRC_LINE.match(line))]
        texts["benign"] += [_ADDRESSED.sub("", line) for n, line in enumerate(said)
                            if len(line) > 20 and share_of(f"{path.name}:{n // 5 * 5}") == TRAINING_SHARE]
    return {label: [t for t in items if t.strip() not in held_out] for label, items in texts.items()}


def _training_share(item_id: str, file_name: str) -> bool:
    """Whether an MTS-Dialog row may be trained on: the generated splits draw the training set's
    rows by third (evaluation/generated/public.py), so only the training family's third is used."""
    return "Training" not in file_name or share_of(item_id) == TRAINING_SHARE


def family_examples(seed: int) -> dict[str, list[str]]:
    """Texts per label of the training template family, as the classifier reads a record: its own
    texts one per line, without its app, window title and URL (weighed apart from the classifier)."""
    family = load_family(FAMILY)
    rng = random.Random(seed)
    slots = Slots(Values(rng))
    recipes: list[tuple[TextRecipe, int]] = ([(recipe, PER_CATEGORY_RECIPE) for recipe in CATEGORY_RECIPES]
                                             + [(recipe, PER_TEXT_RECIPE) for recipe in family.text_recipes])
    texts: dict[str, list[str]] = {label: [] for label in LABELS}
    for number, (recipe, count) in enumerate(recipes):
        for index in range(count):
            built = build_text_record(recipe, slots, rng, f"train-cat-{number}-{index}", index)
            own = "\n".join(text for field, text in built.gold["texts"].items() if field not in CONTEXT_FIELDS)
            if own.strip():
                texts[recipe.category].append(own)
    return texts


def train(out_dir: Path, epochs: int) -> dict[str, int]:
    """Train a bag-of-words textcat (unigrams and bigrams) and save it to `out_dir`."""
    fix_random_seed(SEED)
    rng = random.Random(SEED)
    held_out = {json.loads(line)["text"].strip()
                for line in (DATA / "labelled.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    texts = load_examples(held_out, rng)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
        "no_output_layer": False, "length": 262144}})
    for label in LABELS:
        textcat.add_label(label)
    templated = {label: expand_templates(f"{TEMPLATE_FILES.get(label, label)}.txt", rng) for label in LABELS}
    family = family_examples(SEED)
    examples, counts = [], {}
    for label in LABELS:
        # The template files add to a label's public text; the template family's records take its place.
        own, public = templated[label] + family[label], texts.get(label, [])
        chosen = own + rng.sample(public, min(len(public), max(PUBLIC_MIN, PER_LABEL - len(family[label]))))
        counts[label] = len(chosen)
        examples += [Example.from_dict(nlp.make_doc(text), {"cats": {l: float(l == label) for l in LABELS}})
                     for text in chosen]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=64):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out_dir)
    return counts


def main() -> None:
    """Builds the training text, trains the classifier and saves it under models/data/textcat."""
    with_fixed_hash_seed("evaluation.train_textcat", sys.argv[1:])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(MODEL_DIR))
    parser.add_argument("--epochs", type=int, default=6)
    args = parser.parse_args()
    counts = train(Path(args.out), args.epochs)
    print(f"trained on {counts}; saved to {args.out}")


if __name__ == "__main__":
    main()
