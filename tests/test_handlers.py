"""RunInference handlers and their one failure route: a batch whose inference raises becomes one
payload-free `error:<stage>` per record; refused and failed records come out of the handler itself."""
from __future__ import annotations

from dataclasses import replace

import apache_beam as beam
from apache_beam.ml.inference.base import ModelHandler
from apache_beam.testing.util import assert_that, equal_to

from models.engine import Detector, shared_detector
from models.ocr import OcrSettings
from models.records import DiscardedRecord, RawRecord
from transforms.handlers import DetectorHandler, OcrHandler, RunGuardedInference


class _Model:
    """Something weak-referenceable for Beam's Shared to hold."""


class _CrashingHandler(ModelHandler):
    """Raises, with record content in its message, on every batch."""

    def __init__(self):
        super().__init__(min_batch_size=2, max_batch_size=2)

    def load_model(self):
        return _Model()

    def run_inference(self, batch, model, inference_args=None):
        raise RuntimeError(f"cannot read {batch[0].record_id}")


def raw(record_id: str, kind: str) -> RawRecord:
    return RawRecord(record_id, kind, "u", "2026-06-09T12:00:00Z")


def test_when_inference_raises_then_every_record_of_the_batch_is_error_of_the_stage_and_nothing_else(pipeline):
    records = [raw("a", "screenshot"), raw("b", "screenshot"), raw("c", "transcript")]
    with pipeline as p:
        outcome = p | beam.Create(records) | RunGuardedInference(_CrashingHandler(), "ocr", RawRecord)
        assert_that(outcome.passed, equal_to([]), label="Nothing")
        assert_that(outcome.discarded, equal_to([DiscardedRecord("screenshot", "error:ocr", "RuntimeError")] * 2 + [
            DiscardedRecord("transcript", "error:ocr", "RuntimeError")]), label="Failed")


def test_handlers_fix_their_batches_and_ocr_runs_tesseract_single_threaded(analyzer_settings, policy):
    assert DetectorHandler(analyzer_settings).batch_elements_kwargs() == {"min_batch_size": 128, "max_batch_size": 128}
    ocr = OcrHandler(OcrSettings(), policy.screenshots)
    assert ocr.batch_elements_kwargs() == {"min_batch_size": 1, "max_batch_size": 1}
    assert ocr._env_vars == {"OMP_THREAD_LIMIT": "1"}


LOADS = []


def counting_detector(settings) -> Detector:
    LOADS.append(settings)
    return shared_detector(settings)


def test_copies_of_one_detector_handler_load_one_detector_per_process(analyzer_settings):
    import pickle
    LOADS.clear()
    handler = DetectorHandler(analyzer_settings, counting_detector)
    first, second = pickle.loads(pickle.dumps(handler)), pickle.loads(pickle.dumps(handler))
    assert first.load_model() is second.load_model() and len(LOADS) == 1


def test_a_process_builds_one_detector_per_settings_and_its_handlers_share_it(analyzer_settings):
    no_cache = replace(analyzer_settings, cache_entries=0)
    assert shared_detector(analyzer_settings) is shared_detector(analyzer_settings)
    assert shared_detector(no_cache) is not shared_detector(analyzer_settings)
    assert DetectorHandler(analyzer_settings).load_model() is shared_detector(analyzer_settings)
