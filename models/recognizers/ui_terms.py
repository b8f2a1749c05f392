"""NER and name patterns without the app and screen words they mistake for people ("Settings",
"Contacts", "Northwind - Slack"): spans trimmed of them where a title separator sets them apart."""
from __future__ import annotations

from collections.abc import Callable
from functools import cache

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from models.config_files import term_list
from models.login_words import is_ordinary_word
from models.recognizers.config import RecognizerData, recognizer_data
from models.recognizers.ner_misreads import person_bounds

# Between the parts of a window title: a dash, bar, slash, dot or colon with blanks around it, or a bar alone.
TITLE_SEPARATOR = regex.compile(r"\s+[-–—|/·•:]\s+|\s*[|·•]\s*")
# Between the parts a span is cut at: a title separator, or a Tab or line break between the cells and
# lines of typed text (a row typed into a sheet: "Ana Lima<Tab>North America<Tab>Q3").
_PART_SEPARATOR = regex.compile(rf"{TITLE_SEPARATOR.pattern}|[^\S\t\n]*[\t\n]\s*")
_LETTERS = regex.compile(r"\p{L}")
# A web address inside a span: a scheme, "www." or a dotted host followed by a path. No person,
# place or group name holds one, so a span with one is the NER reading a whole URL as a name; the
# URL's own identifying parts are the URL recognizers' (slugs, tokens, handles in paths).
_WEB_ADDRESS = regex.compile(r"://|(?<![\w.])www\.\w|\w\.[a-z]{2,24}/", regex.IGNORECASE)
# A word with a version number at its end ("python3", "win32", "java17"): read as the word before it.
_VERSIONED = regex.compile(r"([a-z][a-z+]*?)\d{1,4}")
# Within a part, what words are split at: anything but letters, digits, "'", "&" and "+".
_WORD_SEPARATOR = regex.compile(r"[^\w'&+]+|_")


def load_ui_terms(data: RecognizerData) -> frozenset[str]:
    """The allowlisted app, product and UI words and phrases of `data`'s term list, lower case."""
    return frozenset(term_list(data.ui_terms.terms))


@cache
def shipped_ui_terms() -> frozenset[str]:
    """`load_ui_terms` of the shipped recognizers.yaml, read once per process."""
    return load_ui_terms(recognizer_data())


def only_ui_terms(text: str, terms: frozenset[str], longest: int = 4) -> bool:
    """True when the words of `text`, read left to right, are all listed words or phrases (a phrase
    of up to `longest` words taken whole where one starts: "Google Drive Settings"); a listed word
    may carry a version number ("Python3", "Win32") or be followed by one ("Windows 11")."""
    words = [_unversioned(word, terms) for word in _WORD_SEPARATOR.split(text.lower()) if word]
    position = 0
    while position < len(words):
        size = next((size for size in range(min(longest, len(words) - position), 0, -1)
                     if " ".join(words[position:position + size]) in terms), 0)
        if not size and not (position and words[position].isdigit()):
            return False
        position += size or 1
    return bool(words)


def _unversioned(word: str, terms: frozenset[str]) -> str:
    """`word` without a version number at its end when the rest is a listed word ("python3" -> "python")."""
    match = _VERSIONED.fullmatch(word)
    return match.group(1) if match and match.group(1) in terms else word


def without_ui_parts(text: str, terms: frozenset[str]) -> tuple[int, int] | None:
    """Where `text` is left once its leading and trailing parts (title parts, or cells and lines of
    typed text) made only of UI words, or holding no letter, are cut ("Pedro - Northwind - Slack" ->
    "Pedro - Northwind"; "Ana Lima<Tab>EMEA<Tab>Q3" -> "Ana Lima"); None when nothing is left.
    Words within one part are never cut: "Ana Page" stays whole."""
    parts, cell_breaks, start = [], [], 0
    for separator in _PART_SEPARATOR.finditer(text):
        parts.append((start, separator.start()))
        cell_breaks.append(TITLE_SEPARATOR.fullmatch(separator.group()) is None)
        start = separator.end()
    parts.append((start, len(text)))
    kept = [index for index, (first, last) in enumerate(parts)
            if _LETTERS.search(text, first, last) and not only_ui_terms(text[first:last], terms)]
    if not kept:
        return None
    low, high = kept[0], kept[-1]
    # A one-word name typed or shown across a cell or line break has its other word in the next cell
    # ("Jimmy<Tab>Page", "Glenn<newline>Close"): a capitalised word a UI word too stays with it.
    if low > 0 and cell_breaks[low - 1] and _one_word(text, *parts[low]) and _capitalised_word(text, *parts[low - 1]):
        low -= 1
    if high + 1 < len(parts) and cell_breaks[high] and _one_word(text, *parts[high]) \
            and _capitalised_word(text, *parts[high + 1]):
        high += 1
    return parts[low][0], parts[high][1]


_ONE_WORD = regex.compile(r"\s*[\p{L}\p{M}'’.\-]+\s*")
_CAPITALISED_WORD = regex.compile(r"\s*\p{Lu}[\p{L}\p{M}'’\-]+\s*")  # "Page", "PAGE" (a scanned form)


def _one_word(text: str, first: int, last: int) -> bool:
    return _ONE_WORD.fullmatch(text, first, last) is not None


def _capitalised_word(text: str, first: int, last: int) -> bool:
    return _CAPITALISED_WORD.fullmatch(text, first, last) is not None


def holds_web_address(text: str, start: int, end: int) -> bool:
    """Whether characters start..end of `text` hold a web address (a span that cannot be a name)."""
    return _WEB_ADDRESS.search(text, start, end) is not None


def trimmed(results: list[RecognizerResult], text: str, entities: frozenset[str],
            terms: frozenset[str]) -> list[RecognizerResult]:
    """`results` with spans of `entities` cut down by `without_ui_parts`, and dropped when only UI
    words or when they hold a web address."""
    kept = []
    for result in results:
        if result.entity_type in entities:
            if holds_web_address(text, result.start, result.end):
                continue
            bounds = without_ui_parts(text[result.start:result.end], terms)
            if bounds is None:
                continue
            result.start, result.end = result.start + bounds[0], result.start + bounds[1]
        kept.append(result)
    return kept


class UiTermsFilteredSpacyRecognizer(SpacyRecognizer):
    """Presidio's spaCy recognizer with its person, place and group spans cut free of app and UI words (`ui_terms`)."""

    TRIMMED = frozenset({"PERSON", "LOCATION", "NRP"})

    def __init__(self, ui_terms: frozenset[str], **kwargs) -> None:
        super().__init__(name="SpacyRecognizer", **kwargs)
        self._ui_terms = ui_terms

    def analyze(self, text: str, entities, nlp_artifacts=None) -> list[RecognizerResult]:
        """The spaCy entities, trimmed by `trimmed`; people cut free of cell references, none that is a heading."""
        is_word, given_names, groups = _heading_words()
        kept = []
        for result in trimmed(super().analyze(text, entities, nlp_artifacts), text, self.TRIMMED, self._ui_terms):
            if result.entity_type == "PERSON":
                bounds = person_bounds(text, result.start, result.end, is_word, given_names, groups)
                if bounds is None:
                    continue
                result.start, result.end = bounds
            kept.append(result)
        return kept


@cache
def _heading_words() -> tuple[Callable[[str], bool], frozenset[str], frozenset[str]]:
    """The ordinary-word test of logins (English, app, UI, chat and code words) and the listed given names, with
    the given names that are words too ("Grace Wood:" is a speaker, not a heading); and the words that name a
    group or a team, no person alone ("check with Legal")."""
    data = recognizer_data()
    return (is_ordinary_word, frozenset(term_list(data.first_names.terms)) | frozenset(data.speaker_labels.word_names),
            frozenset(data.person_names.salutations.audience))
