"""Values that count only after a cue (`MRN: ...`, `EIN ...`) plus shapes that count alone, as Presidio patterns."""
from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from models.compat import checked_pattern
from models.recognizers.config import CueConnector, CuedValue
from models.recognizers.phrases import phrase_trie

# phrase_trie lives in phrases.py (config.py needs it too, and cued_value.py imports config.py).
__all__ = ["CuedValueRecognizer", "cue_lookbehind", "phrase_alternation", "phrase_trie"]

# Between a list's values ("E11.9, I10 and Z79.4").
_LIST_SEPARATOR = r"(?:\s*[,;/]\s*|\s+and\s+|\s+)"


def phrase_alternation(phrases: tuple[str, ...]) -> str:
    """Escaped phrases, longest first, a space in one also matching "_", "-" or nothing."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(regex.escape(phrase).replace(r"\ ", r"[\s_\-]?") for phrase in ordered)


def cue_lookbehind(rule: CuedValue, connector: CueConnector) -> str:
    """A lookbehind that holds where a value may start: after a cue, its connector and any listed values."""
    cue = rf"(?<![A-Za-z0-9])(?:{phrase_alternation(rule.cues)})"
    if rule.cue_blockers:
        cue = rf"(?<!(?<![A-Za-z0-9])(?:{phrase_alternation(rule.cue_blockers)})[\s_\-]?){cue}"
    words = "|".join(regex.escape(word) for word in connector.words)
    between = rf"(?:[\s{regex.escape(connector.separators)}]|\b(?:{words})\b){{1,{connector.max_parts}}}"
    listed = rf"(?:(?:{rule.value}){_LIST_SEPARATOR})*" if rule.value_lists else ""
    # Cues are case-insensitive even where the value is not (ICD-10 codes are upper case).
    return rf"(?<=(?i:{cue}{between}){listed})"


class CuedValueRecognizer(PatternRecognizer):
    """One recognizers.yaml section as patterns: the value after a cue at cue_score, each bare shape at its own."""

    def __init__(self, entity: str, rule: CuedValue, connector: CueConnector) -> None:
        # The value's own shape first, as a lookahead: it fails at once at most positions, where the
        # cue lookbehind would be tried backwards through every cue (same matches, a fraction of the time).
        patterns = [checked_pattern(f"{entity.lower()} after cue",
                            f"(?=(?:{rule.value}))" + cue_lookbehind(rule, connector) + rule.value, rule.cue_score)]
        patterns += [checked_pattern(name, shape.regex, shape.score) for name, shape in rule.bare_shapes.items()]
        flags = regex.DOTALL | regex.MULTILINE | (0 if rule.case_sensitive else regex.IGNORECASE)
        super().__init__(supported_entity=entity, patterns=patterns, supported_language="en",
                         global_regex_flags=flags)
