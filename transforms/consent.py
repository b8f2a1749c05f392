"""ApplyConsent: records of users without consent for them are dropped before any other stage."""
from __future__ import annotations

import apache_beam as beam
from apache_beam import pvalue

from models.consent import Consent, consent_verdict
from models.records import DiscardedRecord, RawRecord
from transforms.dead_letters import FAILED, to_discarded

CONSENTED, DROPPED = "consented", "dropped"


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
