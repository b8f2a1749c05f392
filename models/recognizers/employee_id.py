"""Employee ids: "EMP-004821" on its shape, a bare number ("badge #10492", "Employee No. 3391") only after a cue."""
from __future__ import annotations

from models.recognizers.config import RecognizerData
from models.recognizers.cued_value import CuedValueRecognizer


class EmployeeIdRecognizer(CuedValueRecognizer):
    """EMPLOYEE_ID from the employee_id section of recognizers.yaml."""

    def __init__(self, data: RecognizerData) -> None:
        super().__init__("EMPLOYEE_ID", data.employee_id, data.cue_connector)
