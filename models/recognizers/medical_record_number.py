"""Medical record numbers ("MRN: 00482913", "patient ID: PT-004821"): only after a cue, as bare numbers are builds and orders."""
from __future__ import annotations

from models.recognizers.config import RecognizerData
from models.recognizers.cued_value import CuedValueRecognizer


class MedicalRecordNumberRecognizer(CuedValueRecognizer):
    """MEDICAL_RECORD_NUMBER after mrn / medical record / patient id / chart number cues in recognizers.yaml."""

    def __init__(self, data: RecognizerData) -> None:
        super().__init__("MEDICAL_RECORD_NUMBER", data.medical_record_number, data.cue_connector)
