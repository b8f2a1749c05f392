"""`make bench-propagation`: seconds per segment of masked-value propagation as transcripts grow.

Each transcript has one distinct e-mail address per segment, the worst case for propagation:
every detected value is searched in every field. Per-segment time staying flat as the transcript
grows shows that the cost is linear in the record, not in segments times values.
"""
from __future__ import annotations

import time

from models.policy import DEFAULT_POLICY, load_policy
from models.records import Finding, PreparedRecord, RawRecord, Segment, Span
from models.redaction import masked_spans
from models.text_views import text_fields

SIZES = (1_000, 2_000, 4_000, 8_000)
REPEATS = 3  # the fastest run of each size is kept: the machine is shared


def finding(segments: int) -> Finding:
    """A transcript of `segments` segments, each holding one address detected as EMAIL_ADDRESS."""
    prefix = "please write to "
    texts = [f"{prefix}user{i}.person{i}@example.com today" for i in range(segments)]
    record = RawRecord("bench", "transcript", "u", "2026-01-01T00:00:00Z", source="chat",
                       segments=tuple(Segment("speaker", i, i + 1, text) for i, text in enumerate(texts)))
    prepared = PreparedRecord(record, text_fields(record))
    spans = tuple((field.name, (Span("EMAIL_ADDRESS", len(prefix), len(field.text) - len(" today"), 1.0),))
                  for field in prepared.fields)
    return Finding(prepared, spans)


def main() -> None:
    """Prints microseconds per segment at each size, and each size's ratio to the smallest."""
    policy = load_policy(DEFAULT_POLICY)
    baseline = None
    print("segments  us/segment  ratio to smallest")
    for size in SIZES:
        case = finding(size)
        best = min(_timed(case, policy) for _ in range(REPEATS))
        per_segment = best / size * 1e6
        baseline = baseline or per_segment
        print(f"{size:8,d}  {per_segment:10.1f}  {per_segment / baseline:6.2f}x")


def _timed(case: Finding, policy) -> float:
    start = time.process_time()
    masked_spans(case.prepared, case, policy)
    return time.process_time() - start


if __name__ == "__main__":
    main()
