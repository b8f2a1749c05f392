"""Customer, member and policy numbers and account numbers: a number counts only after its cue."""
from __future__ import annotations

from models.recognizers.config import recognizer_data
from models.recognizers.cued_value import CuedValueRecognizer


class CustomerIdRecognizer(CuedValueRecognizer):
    """CUSTOMER_ID from the customer_id section of recognizers.yaml ("order for customer 48213")."""

    def __init__(self) -> None:
        super().__init__("CUSTOMER_ID", recognizer_data().customer_id)


class AccountNumberRecognizer(CuedValueRecognizer):
    """ACCOUNT_NUMBER from the account_number section of recognizers.yaml ("acct 004417823")."""

    def __init__(self) -> None:
        super().__init__("ACCOUNT_NUMBER", recognizer_data().account_number)
