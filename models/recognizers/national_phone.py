"""Phone numbers written the way their own country writes them ("0741 386 973", "(028)9018553",
"+62-50-956-1110"), where the phone recognizer reads text for a few regions only: a phone-shaped
candidate that libphonenumber finds valid for one of many regions, or possible for one when the
text names a phone ("Phone", "tel", "mobile"); a North American 3-3-4 number, area code in use or
not, or digit groups with no trunk prefix ("886 237 634"), when the text names a phone or the number
is a field of its own; never inside a book number (ISBN)."""
from __future__ import annotations

import functools

import phonenumbers
import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from stdnum import isbn

from models.recognizers.config import NationalPhones

# A "+" and a country code, a trunk "0" or an area code in brackets, then digit groups: 9 to 15
# digits in all, standing apart from other digits, letters and version-like dots.
_CANDIDATE = regex.compile(
    r"(?<![\w+\-./])(?:\+\d|\(\+?\d|0(?![.,]))[\d \-.()/]{7,22}\d(?![\w\-]|\.\d)", regex.VERSION1)

# Where a field starts before a number and ends after it: a line's or the text's ends, or a cell delimiter.
_DELIMITERS = frozenset("\n,;|\t")
_FIELD_AFTER = regex.compile(r"[ ]{0,3}(?:$|[\n,;|\t\r])")
# ... or, before a number that ends its line, a label's colon or a dash with a blank before it.
_LABELLED = regex.compile(r"(?::| [\-–—])$")


class NationalPhoneRecognizer(EntityRecognizer):
    """PHONE_NUMBER for numbers in other countries' formats (see the module's docstring)."""

    def __init__(self, rule: NationalPhones) -> None:
        self._rule = rule
        self._judge = functools.lru_cache(maxsize=4096)(self._judge_value)
        words = "|".join(regex.escape(cue) for cue in sorted(rule.cues, key=len, reverse=True))
        self._cue = regex.compile(rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])", regex.IGNORECASE)
        things = "|".join(regex.escape(thing) for thing in sorted(rule.numbered_things, key=len, reverse=True))
        # a numbered thing right before a cue, or naming a label ("Order no.:", "Case #", "Room -")
        self._thing_before = regex.compile(rf"(?<![^\W\d_])(?:{things})[ \t\-]{{0,2}}\Z", regex.IGNORECASE)
        self._thing_label = regex.compile(
            rf"(?<![^\W\d_])(?:{things})(?:[ \t]{{1,2}}(?:number|num|no|nr|id|#)\.?|[ \t]?#)?(?:[ \t]{{1,2}}#?\d{{1,6}})?[ \t]{{0,2}}(?::|[ \t][\-–—])\Z",
            regex.IGNORECASE) if things else None
        self._book_number = regex.compile(rule.book_number)
        self._north_american = regex.compile(rule.north_american)
        self._bare_grouped = regex.compile(rule.bare_grouped)
        super().__init__(supported_entities=["PHONE_NUMBER"], supported_language="en",
                         name="NationalPhoneRecognizer")

    def load(self) -> None:
        """Nothing to load: the rule comes with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Each candidate scored by how sure libphonenumber is of it (none when it is no number anywhere)."""
        results, cued = [], None
        books = _book_numbers(self._book_number, text)
        for match in _CANDIDATE.finditer(text):
            value = match.group().rstrip(" -./(")
            if any(start < match.start() + len(value) and match.start() < end for start, end in books):
                continue
            digits = sum(char.isdigit() for char in value)
            if not 9 <= digits <= 15:
                continue
            valid, possible = self._judge(value)
            if not valid and possible and cued is None:
                cued = self._cued(text)
            score = self._rule.valid_score if valid else self._rule.cued_score if possible and cued else None
            if score is not None:
                results.append(RecognizerResult("PHONE_NUMBER", match.start(), match.start() + len(value), score))
        for match in self._north_american.finditer(text):
            if cued is None:
                cued = self._cued(text)
            if cued or _own_field(text, match.start(), match.end(), self._thing_label):
                results.append(RecognizerResult("PHONE_NUMBER", match.start(), match.end(), self._rule.cued_score))
        for match in self._bare_grouped.finditer(text):
            digits = sum(char.isdigit() for char in match.group())
            last_group = len(match.group()) - len(match.group().rstrip("0123456789"))
            if not self._rule.bare_min_digits <= digits <= self._rule.bare_max_digits or (
                    last_group > self._rule.bare_max_last_group):
                continue
            if not _own_field(text, match.start(), match.end(), self._thing_label):
                if cued is None:
                    cued = self._cued(text)
                if not cued:
                    continue
            results.append(RecognizerResult("PHONE_NUMBER", match.start(), match.end(), self._rule.cued_score))
        return results

    def _cued(self, text: str) -> bool:
        """Whether the text names a phone: a cue not right after a thing numbered otherwise ("order number")."""
        return any(not self._rule.numbered_things
                   or self._thing_before.search(text, max(0, match.start() - 40), match.start()) is None
                   for match in self._cue.finditer(text))

    def _judge_value(self, value: str) -> tuple[bool, bool]:
        """Whether `value` is a valid number of some region, and whether it is a possible one."""
        possible = False
        for region in (None,) if value.startswith("+") else self._rule.regions:
            try:
                number = phonenumbers.parse(value, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return True, True
            possible = possible or phonenumbers.is_possible_number(number)
        return False, possible


def _own_field(text: str, start: int, end: int, thing_label: regex.Pattern | None = None) -> bool:
    """Whether text[start:end] is a field of its own: only blanks between it and the text's or a line's
    ends or a cell delimiter on both sides; or a label's colon or a blank-set dash before it and such an
    end after it, as a contact line types a number ("Ana Lima - 612 34 56 78", "M: 886 237 634"), unless
    that label names a thing numbered otherwise (`thing_label`: "Order no.: 123 456 789")."""
    before = start
    while before > 0 and start - before < 3 and text[before - 1] == " ":
        before -= 1
    if _FIELD_AFTER.match(text, end) is None:
        return False
    return (before == 0 or text[before - 1] in _DELIMITERS
            or (before < start and _LABELLED.search(text, max(0, before - 2), before) is not None
                and (thing_label is None or thing_label.search(text, max(0, before - 40), before) is None)))


def _book_numbers(pattern: regex.Pattern, text: str) -> list[tuple[int, int]]:
    """Spans of ISBNs in `text`: after their cue, or 978/979 numbers with a valid ISBN-13 check digit."""
    return [match.span() for match in pattern.finditer(text)
            if match.group(1) or isbn.is_valid(match.group(2))]
