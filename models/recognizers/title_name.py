"""A person's name as a whole part of a window title ("marika drozdowicz - Google Meet", "Skype -
Norbert Müller", "Ticket #78495 - Margarida Henriques - Freshdesk"): apps title DMs, calls, mails,
tickets and profiles with the name, and the NER misses names in small letters and after an app's name."""
from __future__ import annotations

from collections.abc import Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from models.recognizers.config import TitleNames
from models.recognizers.ui_terms import TITLE_SEPARATOR

# A word of a name, all in small letters or capitalised ("hubbard-patel", "Wieloch-Krebs", "O'Neil").
_SMALL = regex.compile(r"\p{Ll}[\p{Ll}\p{M}'’]*(?:-\p{Ll}[\p{Ll}\p{M}'’]*)?")
_CAPITALISED = regex.compile(r"\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?")
# A middle initial ("B."), no word of its own.
_INITIAL = regex.compile(r"\p{Lu}\.")
# One line of a text (a typed search, a title).
_LINE = regex.compile(r"[^\n]+")


def reads_as_name(words: list[str], english: int, first_names: frozenset[str], min_letters: int) -> bool:
    """Whether the words of a candidate name, `english` of them English words, read as a name: one
    English word at most beside a listed given name or a letter outside ASCII, else none and every
    word `min_letters` long. Shared by the title and file-name rules, so the two agree."""
    if any(word.lower() in first_names for word in words) or not "".join(words).isascii():
        return english <= 1
    return english == 0 and all(len(word) >= min_letters for word in words)


class TitleNameRecognizer(EntityRecognizer):
    """PERSON for a title part of `min_words`..`max_words` words, all small or all capitalised, besides
    initials and the particles of names ("van", "de", "ó"), none an app, UI or code word (`known_words`),
    that reads as a name: with no
    English word (`is_word`), every word `min_letters` long; or a listed given name (`first_names`) or a
    letter outside ASCII in it, and one English word at most ("andrea hudson", "stuart ó míodhcháin")."""

    def __init__(self, rule: TitleNames, is_word: Callable[[str], bool], known_words: frozenset[str],
                 first_names: frozenset[str], particles: frozenset[str]) -> None:
        self._rule = rule
        self._is_word = is_word
        self._known = known_words
        self._first_names = first_names
        self._particles = particles | frozenset(rule.particles)
        super().__init__(supported_entities=["PERSON"], supported_language="en", name="TitleNameRecognizer")

    def load(self) -> None:
        """Nothing to load: the rule and the word test come with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Each title part whose words read as a name in small letters; and each line without a title
        separator that is a name alone with no English word in it (a people search typed as "renata
        rodriguez", a typed "leke olukotun"), read line by line."""
        if "PERSON" not in entities or len(text) > self._rule.max_title_length:
            return []
        results = []
        for line in _LINE.finditer(text):
            bounds = [m.span() for m in TITLE_SEPARATOR.finditer(text, line.start(), line.end())]
            start = line.start()
            for bound in [*bounds, (line.end(), line.end())]:
                part = text[start:bound[0]]
                words = part.split()
                if words and self._is_name(words, alone=not bounds):
                    first = start + len(part) - len(part.lstrip())
                    results.append(RecognizerResult("PERSON", first, start + len(part.rstrip()), self._rule.score))
                start = bound[1]
        return results

    def _is_name(self, words: list[str], alone: bool = False) -> bool:
        """Words of a name, all small or all capitalised (initials and particles aside; "Last, First"
        read as two words): no other word, at least two that are not particles; `alone` (a line with
        no title part beside it): no English word either."""
        if len(words) == 2 and words[0].endswith(","):
            words = [words[0][:-1], words[1]]
        words = [word for word in words if not (_INITIAL.fullmatch(word) and len(words) > 2)]
        shape = _CAPITALISED if words and words[0][:1].isupper() else _SMALL
        if not all(shape.fullmatch(word) or word in self._particles for word in words):
            return False
        words = [word.lower() for word in words]
        named = [word for word in words if word not in self._particles]
        if not self._rule.min_words <= len(named) <= self._rule.max_words:
            return False
        pieces = [piece for word in named for piece in word.split("-")]
        if any(piece in self._known for piece in pieces):
            return False
        english = sum(word not in self._first_names and any(self._is_word(piece) for piece in word.split("-"))
                      for word in named)
        return (not alone or not english) and reads_as_name(named, english, self._first_names, self._rule.min_letters)
