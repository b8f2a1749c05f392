"""US employer identification numbers (12-3456789), only after a cue: the bare shape is also dates and part numbers."""
from __future__ import annotations

from models.recognizers.config import RecognizerData
from models.recognizers.cued_value import CuedValueRecognizer


class UsEinRecognizer(CuedValueRecognizer):
    """US_EIN after ein / fein / employer id / federal tax id / tin cues in recognizers.yaml."""

    def __init__(self, data: RecognizerData) -> None:
        super().__init__("US_EIN", data.ein, data.cue_connector)
