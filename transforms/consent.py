"""ApplyConsent: records of users without consent for them are dropped before any other stage."""
from __future__ import annotations

import zlib

import apache_beam as beam
from apache_beam import pvalue
from apache_beam.io.filesystems import FileSystems

from models.consent import Consent, ConsentError, consent_verdict, read_registry
from models.records import DiscardedRecord, RawRecord
from transforms.dead_letters import FAILED, to_discarded

CONSENTED, DROPPED = "consented", "dropped"


def read_registry_files(pattern: str) -> dict[str, Consent]:
    """The registry from every file the pattern matches (any Beam filesystem, `.gz` by its name), in
    path order, so the latest line across files wins. A pattern that matches nothing, a file that
    cannot be read and an unusable line all raise ConsentError naming the pattern or file:line only."""
    try:
        files = sorted(m.path for m in FileSystems.match([pattern])[0].metadata_list)
        if not files:
            raise ConsentError(f"--consent {pattern!r} matches no file")
        lines = []
        for path in files:
            with FileSystems.open(path) as stream:
                lines += [(path, number, line) for number, line in enumerate(stream.read().splitlines(), start=1)]
    except (OSError, EOFError, zlib.error) as exc:
        raise ConsentError(f"--consent {pattern!r}: cannot read ({type(exc).__name__})") from None
    return read_registry(lines)


class ConsentFn(beam.DoFn):
    """Looks the raw user id up in the registry side input; the id is pseudonymized only later."""

    def process(self, record: RawRecord, registry: dict[str, Consent]):
        why = consent_verdict(record, registry)
        yield record if why is None else pvalue.TaggedOutput(DROPPED, DiscardedRecord(record.kind, f"dropped:consent:{why}"))


class ApplyConsent(beam.PTransform):
    """(records) -> (consented records, discarded); the registry is a side input and goes nowhere else."""

    def __init__(self, registry: dict[str, Consent]):
        super().__init__()
        self._registry = registry

    def expand(self, records):
        registry = records.pipeline | "Registry" >> beam.Create([self._registry])
        out = records | "Check" >> beam.ParDo(ConsentFn(), registry=beam.pvalue.AsSingleton(registry)).with_output_types(
            RawRecord, **{DROPPED: DiscardedRecord}).with_outputs(DROPPED, main=CONSENTED).with_exception_handling(
            dead_letter_tag=FAILED, main_tag=CONSENTED)
        failed = out[FAILED] | "FailuresToAudit" >> beam.Map(to_discarded, stage="consent")
        return out[CONSENTED], (out[DROPPED], failed) | "Discarded" >> beam.Flatten()
