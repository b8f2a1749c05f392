"""`make train-textcat`: trains the small text classifier the category decision uses, from shared/data.

Sources (all CC BY 4.0, read in place, never copied into the repository): MTS-Dialog and
ACI-BENCH doctor-patient dialogues (medical), banking77 customer queries (tax / personal
finance), SMS Spam Collection personal messages labelled ham (private_chat) and #ubuntu IRC
support chat (benign). Dialogues are cut into runs of one to three turns so the examples are as
short as telemetry records. Every text of shared/data/labelled.jsonl is held out, so the public
evaluation corpus is never trained on. No public performance-review or workplace-chat text has a
usable licence: the templates in evaluation/training/ (written for this project, independently
of evaluation/corpus.jsonl) give the performance class and add office chat to the benign one.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "data" / "textcat"
LABELS = ("medical", "tax", "private_chat", "performance", "benign")
PER_LABEL = 3000
TEMPLATES = Path(__file__).resolve().parent / "training"
VARIANTS_PER_TEMPLATE = 20
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
    """Each template line of evaluation/training/<name>.txt, filled in VARIANTS_PER_TEMPLATE ways."""
    lines = [line.strip() for line in (TEMPLATES / name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return [re.sub(r"\{(\w+)\}", lambda m: rng.choice(FILLERS[m.group(1)]), line)
            for line in lines for _ in range(VARIANTS_PER_TEMPLATE)]


def load_examples(held_out: set[str], rng: random.Random) -> dict[str, list[str]]:
    """Texts per label from the shared data sets, minus anything in the held-out public corpus."""
    texts: dict[str, list[str]] = {"medical": [], "tax": [], "private_chat": [], "benign": []}
    for name in ("MTS-Dialog-TrainingSet.csv", "MTS-Dialog-ValidationSet.csv"):
        with open(DATA / "medical_mts_dialog" / name, encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                if row["dialogue"].strip() not in held_out:
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
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            match = _IRC_LINE.match(line)
            if match and len(match.group(1)) > 20:
                texts["benign"].append(_ADDRESSED.sub("", match.group(1)))
    return {label: [t for t in items if t.strip() not in held_out] for label, items in texts.items()}


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
    templated = {"performance": expand_templates("performance.txt", rng), "benign": expand_templates("work.txt", rng)}
    examples, counts = [], {}
    for label in LABELS:
        own, public = templated.get(label, []), texts.get(label, [])
        chosen = own + rng.sample(public, min(len(public), max(0, PER_LABEL - len(own))))
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
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(MODEL_DIR))
    parser.add_argument("--epochs", type=int, default=6)
    args = parser.parse_args()
    counts = train(Path(args.out), args.epochs)
    print(f"trained on {counts}; saved to {args.out}")


if __name__ == "__main__":
    main()
