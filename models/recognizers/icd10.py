"""ICD-10-CM diagnosis codes (E11.9, I10, F32.A): after a cue, in a list after one, or weakly as a bare dotted code."""
from __future__ import annotations

from models.recognizers.config import RecognizerData
from models.recognizers.cued_value import CuedValueRecognizer


class Icd10Recognizer(CuedValueRecognizer):
    """ICD10_CODE, upper case only, so versions ("v1.2") and instance types ("m5.xlarge") stay out."""

    def __init__(self, data: RecognizerData) -> None:
        super().__init__("ICD10_CODE", data.icd10, data.cue_connector)
