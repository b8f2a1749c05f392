"""Values introduced by a label (`SSN: ...`, `password=...`), masked as the label's entity type."""
from __future__ import annotations

import regex
from presidio_analyzer import PatternRecognizer

from models.compat import checked_pattern
from models.recognizers.config import RecognizerData

SCORE = 0.85
MAX_BLANKS = 16


def _cue_pattern(cues: tuple[str, ...], value_shape: str) -> str:
    alternatives = "|".join(regex.escape(cue).replace(r"\ ", r"[\s_\-]?") for cue in cues)
    # Variable-length lookbehind (the `regex` module Presidio uses): the span is the value alone.
    # Its blanks are bounded: tried at every position, an unbounded `\s*` scans back over a whole
    # run of blanks each time (quadratic in the run).
    return (rf"(?<=(?<![a-z])(?:{alternatives})\s{{0,{MAX_BLANKS}}}(?:#|no\.?|number)?\s{{0,{MAX_BLANKS}}}[:=]"
            rf"\s{{0,{MAX_BLANKS}}})(?:{value_shape})")


def labelled_value_recognizers(data: RecognizerData) -> list[PatternRecognizer]:
    """One recognizer per entity type listed under `labelled_values` in recognizers.yaml."""
    return [
        PatternRecognizer(
            supported_entity=entity,
            name=f"LabelledValue{entity.title().replace('_', '')}Recognizer",
            patterns=[checked_pattern(f"{entity.lower()} after label",
                              _cue_pattern(rule.cues, data.value_shapes[rule.value]), SCORE)],
            supported_language="en")
        for entity, rule in data.labelled_values.items()
    ]
