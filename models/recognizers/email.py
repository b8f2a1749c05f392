"""Presidio's e-mail recognizer, validating domains against tldextract's bundled suffix snapshot."""
from __future__ import annotations

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

# No URLs and no cache directory: tldextract reads the snapshot shipped in its package and never
# reaches the network (the stock recognizer's module-level extractor fetches the list on first use).
_OFFLINE_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


class OfflineEmailRecognizer(EmailRecognizer):
    """EmailRecognizer with the same patterns and context, minus the suffix-list download."""

    def validate_result(self, pattern_text: str) -> bool:
        """An address counts when its domain has a known public suffix."""
        return _OFFLINE_EXTRACT(pattern_text).fqdn != ""
