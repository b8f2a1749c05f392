"""Opaque ids in URL and file paths: document ids, meeting and invite codes, conversation ids."""
from __future__ import annotations

from collections.abc import Callable

import regex
from presidio_analyzer import Pattern, PatternRecognizer

from models.recognizers.config import RecognizerData

# A camel-case piece: a run of capitals not followed by a small letter, or a capital and small letters.
_PIECE = regex.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
_DIGIT_BETWEEN_LETTERS = regex.compile(r"[A-Za-z]\d+[A-Za-z]")
_CASE_CHANGE = regex.compile(r"(?<=[a-z])[A-Z]|(?<=[A-Z])[a-z]")
_BOTH_CASES = regex.compile(r"(?=.*[a-z])(?=.*[A-Z])")
# A camel hump ("tU") or a run of capitals going on in small letters ("BUFp"): a word written in
# capitals or capitalised ("README", "Albert_Einstein") has neither.
_HUMP = regex.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")


def camel_pieces(segment: str) -> list[str]:
    """The letters of `segment` split as camel case is read: "getElementById" -> get, Element, By, Id;
    digits and dashes split pieces but are none ("Fail2ban" -> Fail, ban)."""
    return _PIECE.findall(segment)


class UrlPathTokenRecognizer(PatternRecognizer):
    """A path segment with capitals and small letters that reads as random: camel-case pieces short on
    average (`ttjXDyVOcTYnrPPf`, unlike `getElementById` or `JSONParser`), or digits inside the letters
    with several digits or case changes (`Pvs3hfu4`, `zt7Osxaqzw`, unlike `Fail2ban` or `S3Bucket`), or
    with a camel hump and no piece that is a word (`XvcFETDwda`, `BUFpuzu3`, unlike `OAuthCallback`);
    `is_word` tells an English, app or UI word."""

    def __init__(self, data: RecognizerData, is_word: Callable[[str], bool]) -> None:
        self._rule = data.url_path_tokens
        self._is_word = is_word
        pattern = rf"(?<=/)[A-Za-z0-9_\-]{{{self._rule.min_length},128}}(?=[/?#&;\s\"'<>)\]]|$)"
        super().__init__(supported_entity="SECRET", supported_language="en", global_regex_flags=regex.MULTILINE,
                         patterns=[Pattern("random path segment", pattern, self._rule.score)])

    def validate_result(self, pattern_text: str) -> bool | None:
        """False (dropped) unless the segment reads as random; None keeps the pattern's score."""
        if not _BOTH_CASES.match(pattern_text):
            return False
        pieces = camel_pieces(pattern_text)
        short_pieces = (len(pieces) >= self._rule.min_pieces
                        and sum(map(len, pieces)) / len(pieces) <= self._rule.max_mean_piece)
        mixed = (_DIGIT_BETWEEN_LETTERS.search(pattern_text) is not None
                 and (sum(char.isdigit() for char in pattern_text) >= self._rule.mixed_min_digits
                      or len(_CASE_CHANGE.findall("".join(pieces))) >= self._rule.mixed_min_case_changes))
        return None if short_pieces or mixed or self._wordless(pattern_text, pieces) else False

    def _wordless(self, segment: str, pieces: list[str]) -> bool:
        """A camel hump, and no piece of wordless_min_piece letters or more that is a word."""
        return (_HUMP.search(segment) is not None
                and not any(len(piece) >= self._rule.wordless_min_piece and self._is_word(piece.lower())
                            for piece in pieces)
                and not self._is_word(segment.lower()))
