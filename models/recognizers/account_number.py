"""Customer, member and policy numbers and account numbers: a number counts only after its cue."""
from __future__ import annotations

from models.recognizers.config import RecognizerData
from models.recognizers.cued_value import CuedValueRecognizer


class CustomerIdRecognizer(CuedValueRecognizer):
    """CUSTOMER_ID from the customer_id section of recognizers.yaml ("order for customer 48213")."""

    def __init__(self, data: RecognizerData) -> None:
        super().__init__("CUSTOMER_ID", data.customer_id, data.cue_connector)


class AccountNumberRecognizer(CuedValueRecognizer):
    """ACCOUNT_NUMBER from the account_number section of recognizers.yaml ("acct 004417823")."""

    def __init__(self, data: RecognizerData) -> None:
        super().__init__("ACCOUNT_NUMBER", data.account_number, data.cue_connector)
