"""The one failure route of every stage: Beam's dead letters -> payload-free DiscardedRecords, so a
failed record is counted as `error:<stage>`, never written, and no stage routes its failures by hand."""
from __future__ import annotations

from typing import Any, Iterable, NamedTuple

import apache_beam as beam

from models.records import DiscardedRecord

# Tag of the dead-letter output of every guarded step.
FAILED = "failed"


class Outcome(NamedTuple):
    """What a stage returns: the records that passed it, and the DiscardedRecords it dropped,
    quarantined or failed (`error:<stage>`)."""

    passed: beam.PCollection
    discarded: beam.PCollection


class Guarded(NamedTuple):
    """A guarded step's outputs: main, the other tagged ones by tag, and everything discarded."""

    main: beam.PCollection
    tagged: dict[str, beam.PCollection]
    discarded: beam.PCollection


def failed_record(kind: str, stage: str, error: BaseException) -> DiscardedRecord:
    """`error:<stage>` for a record of `kind`, keeping only the exception's type name (its message is content)."""
    return DiscardedRecord(kind, f"error:{stage}", error_type=type(error).__name__)


def to_discarded(dead_letter: tuple[Any, tuple[type, str, Any]], stage: str) -> DiscardedRecord:
    """Keep the stage and the exception's type name; drop the element, the message and the traceback."""
    element, (exc_type, _message, _trace) = dead_letter
    return DiscardedRecord(kind=_kind_of(element), reason=f"error:{stage}", error_type=exc_type.__name__)


def batch_to_discarded(dead_letter: tuple[Iterable[Any], tuple[type, str, Any]], stage: str) -> list[DiscardedRecord]:
    """A failed batch -> one DiscardedRecord per record in it, so the counts still reconcile."""
    batch, error = dead_letter
    return [to_discarded((element, error), stage) for element in batch]


def _kind_of(element: Any) -> str:
    for attribute in ("kind", "record", "prepared"):
        inner = getattr(element, attribute, None)
        if isinstance(inner, str):
            return inner
        if inner is not None:
            return _kind_of(inner)
    return "unknown"


def guarded(pcoll: beam.PCollection, label: str, step: beam.PTransform, stage: str, *, main: str = "good",
            discards: tuple[str, ...] = (), tags: tuple[str, ...] = (),
            failures_label: str = "FailuresToAudit") -> Guarded:
    """Apply `step` (a ParDo or Map) as `label` with Beam's exception handling: an element that
    raises leaves no output (Beam buffers them until it succeeds) and becomes `error:<stage>`.
    The step's outputs tagged `discards` hold DiscardedRecords and are flattened with the failures
    (as `Discarded`); those tagged `tags` are returned as they are."""
    if discards or tags:
        step = step.with_outputs(*discards, *tags, main=main)
    out = pcoll | label >> step.with_exception_handling(dead_letter_tag=FAILED, main_tag=main)
    failed = out[FAILED] | failures_label >> beam.Map(to_discarded, stage=stage)
    discarded = failed
    if discards:
        discarded = (*(out[tag] for tag in discards), failed) | "Discarded" >> beam.Flatten()
    return Guarded(out[main], {tag: out[tag] for tag in tags}, discarded)
