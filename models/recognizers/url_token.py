"""Opaque ids in URL and file paths and in query values: document ids, meeting and invite codes,
conversation ids, share links, booking codes."""
from __future__ import annotations

from collections.abc import Callable

import regex
from presidio_analyzer import PatternRecognizer
from presidio_analyzer.nlp_engine import NlpArtifacts

from models.compat import RecognizerResult, checked_pattern
from models.recognizers.config import RecognizerData

# A camel-case piece: a run of capitals not followed by a small letter, or a capital and small letters.
_PIECE = regex.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
_DIGIT_BETWEEN_LETTERS = regex.compile(r"[A-Za-z]\d+[A-Za-z]")
_CASE_CHANGE = regex.compile(r"(?<=[a-z])[A-Z]|(?<=[A-Z])[a-z]")
_BOTH_CASES = regex.compile(r"(?=.*[a-z])(?=.*[A-Z])")
# A camel hump ("tU") or a run of capitals going on in small letters ("BUFp"): a word written in
# capitals or capitalised ("README", "Albert_Einstein") has neither.
_HUMP = regex.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_ONE_CASE = regex.compile(r"[a-z0-9_\-]+")
# A web address, and in it a path segment or query value in small letters and digits, or in capitals and
# digits (a link typed or shown in capitals: "HTTPS://DOCS.EXAMPLE.COM/D/3L61LIK4NGRI9WQJFEMZHA").
_URL = regex.compile(r"(?i:https?://|www\.)[^\s\"'<>]+")
_URL_PART = regex.compile(r"(?<=[/=])(?:[a-z0-9_\-]+|[A-Z0-9_\-]+)(?=[/?#&;)\]]|$)")
_HEX = regex.compile(r"[0-9a-f]+")
_RUN = regex.compile(r"[a-z]+|\d+")


def camel_pieces(segment: str) -> list[str]:
    """The letters of `segment` split as camel case is read: "getElementById" -> get, Element, By, Id;
    digits and dashes split pieces but are none ("Fail2ban" -> Fail, ban)."""
    return _PIECE.findall(segment)


class UrlPathTokenRecognizer(PatternRecognizer):
    """A path segment, or in a web address a query value, that reads as random. With capitals and small letters: camel-case
    pieces short on average (`ttjXDyVOcTYnrPPf`, unlike `getElementById` or `JSONParser`), or digits inside
    the letters with several digits or case changes (`Pvs3hfu4`, `zt7Osxaqzw`, unlike `Fail2ban` or
    `S3Bucket`), or a camel hump and no piece that is a word (`XvcFETDwda`, `BUFpuzu3`, unlike
    `OAuthCallback`). In small letters only: a piece with digits and letters, not all hex, whose letters
    are mostly in no word (`3l61lik4ngri9wqjfemzha`, `5572noqu`, unlike `k8s1node2cluster` or
    `release-notes-2024`). `is_word` tells an English, app or UI word."""

    def __init__(self, data: RecognizerData, is_word: Callable[[str], bool]) -> None:
        self._rule = data.url_path_tokens
        self._is_word = is_word
        pattern = rf"(?<=/)[A-Za-z0-9_\-]{{{self._rule.min_length},128}}(?=[/?#&;\s\"'<>)\]]|$)"
        super().__init__(supported_entity="SECRET", supported_language="en", global_regex_flags=regex.MULTILINE,
                         patterns=[checked_pattern("random path segment", pattern, self._rule.score)])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
                regex_flags: int | None = None) -> list[RecognizerResult]:
        """The segments of both cases anywhere after a "/", and the one-case ones inside web addresses
        (a file path's `nvme0n1p1` or `tmpa8x9k2lq` is no link anyone shares)."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if "SECRET" not in entities:
            return results
        for url in _URL.finditer(text):
            for part in _URL_PART.finditer(url.group()):
                if self._one_case_random(part.group().lower()):
                    start = url.start() + part.start()
                    results.append(RecognizerResult(
                        "SECRET", start, start + len(part.group()), self._rule.score,
                        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                              RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return results

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

    def _one_case_random(self, segment: str) -> bool:
        """Small letters and digits only, with a piece (between "-" and "_") of min_length or more that
        has enough digits and letters, is not all hex, and whose word runs hold few of its letters."""
        if not _ONE_CASE.fullmatch(segment):
            return False
        rule = self._rule
        for piece in regex.split(r"[_\-]", segment):
            if len(piece) < rule.min_length or _HEX.fullmatch(piece):
                continue
            letters = sum(char.isalpha() for char in piece)
            if sum(char.isdigit() for char in piece) < rule.one_case_min_digits or letters < rule.one_case_min_letters:
                continue
            in_words = sum(len(run) for run in _RUN.findall(piece)
                           if run.isalpha() and len(run) >= rule.wordless_min_piece and self._is_word(run))
            if in_words / letters < rule.one_case_max_word_share:
                return True
        return False
