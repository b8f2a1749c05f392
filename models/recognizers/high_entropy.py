"""Long random-looking tokens: secrets of unknown providers and keys that OCR has split or garbled."""
from __future__ import annotations

import math
import re
from collections import Counter

from presidio_analyzer import PatternRecognizer

from models.compat import checked_pattern
from models.recognizers.config import RecognizerData

_TOKEN = r"(?<![A-Za-z0-9_\-+])[A-Za-z0-9_\-+]{%d,}(?![A-Za-z0-9_\-+])"
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)


def bits_per_char(token: str) -> float:
    """Shannon entropy of the token's characters."""
    counts = Counter(token)
    return -sum(n / len(token) * math.log2(n / len(token)) for n in counts.values())


class HighEntropyRecognizer(PatternRecognizer):
    """Mixed-case tokens with digits and high character entropy; snake_case names and UUIDs are not secrets."""

    def __init__(self, data: RecognizerData) -> None:
        self._rule = data.high_entropy
        super().__init__(supported_entity="SECRET", supported_language="en",
                         patterns=[checked_pattern("high entropy token", _TOKEN % self._rule.min_length, self._rule.score)])

    def validate_result(self, pattern_text: str) -> bool:
        """A token counts when it has digits, both cases and enough entropy, and is no UUID."""
        if _UUID.match(pattern_text):
            return False
        digits = sum(ch.isdigit() for ch in pattern_text)
        mixed_case = any(ch.islower() for ch in pattern_text) and any(ch.isupper() for ch in pattern_text)
        return (digits >= self._rule.min_digits and mixed_case
                and bits_per_char(pattern_text) >= self._rule.min_bits_per_char)
