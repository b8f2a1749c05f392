"""Provider API keys, access tokens and private-key headers; the patterns are data, the class wires them."""
from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer


class ApiKeyRecognizer(PatternRecognizer):
    """Well-known key shapes (OpenAI, AWS, GitHub, Slack, Google, Stripe, JWT) score high on their own."""

    PATTERNS = [
        Pattern("openai-style sk- key", r"\bsk-(?:proj-|live-|test-)?[A-Za-z0-9_\-]{20,}", 0.9),
        Pattern("aws access key id", r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b", 0.9),
        Pattern("github token", r"\bgh[pousr]_[A-Za-z0-9]{30,}\b", 0.9),
        Pattern("slack token", r"\bxox[abpr]-[A-Za-z0-9\-]{10,}", 0.9),
        Pattern("google api key", r"\bAIza[0-9A-Za-z_\-]{35}\b", 0.9),
        Pattern("stripe key", r"\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b", 0.9),
        Pattern("jwt", r"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}", 0.9),
        Pattern("private key header", r"-----BEGIN [A-Z ]*PRIVATE KEY-----", 0.9),
    ]
    CONTEXT = ["api key", "apikey", "token", "secret", "bearer", "key", "credential"]

    def __init__(self) -> None:
        super().__init__(supported_entity="API_KEY", patterns=self.PATTERNS, context=self.CONTEXT,
                         supported_language="en")
