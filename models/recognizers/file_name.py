"""Names and logins inside document file names ("Raghavan-Kar_Patrick-passport.jpg",
"offer-letter-mariagomez.docx", "expenses-kimberley12-2025.xlsx"): HR, finance and scan files are named
after their person, and neither NER nor the handle rules read words joined by "_" and "-"."""
from __future__ import annotations

from collections.abc import Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from models.recognizers.config import FileNames
from models.recognizers.title_name import reads_as_name

_PIECE = regex.compile(r"[^\W_]+")
_CAPITALISED = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]+")
_HANDLE = regex.compile(r"[\p{Ll}\p{M}]+\d{0,4}")
# Up to three words and blanks right before a file name: a title writes a file name with blanks
# ("Offer letter - Eckard Trub.docx"); a dash, bar or colon standing alone ends the file name.
_WORDS_BEFORE = regex.compile(r"(?<!\S)(?:\p{L}[\p{L}\p{M}\p{N}'’.\-]{0,40} ){1,3}\Z")
_WORDS_REACH = 130


class FileNameRecognizer(EntityRecognizer):
    """In a file name of a document type (`file_names.doc_types`) whose stem has two pieces or more
    (with up to three words and blanks before it for a name, as titles write file names):
    PERSON for a run of two or three capitalised pieces that are no English, app or UI words (one
    may be, beside a listed given name or a letter outside ASCII); USERNAME for the one piece that is
    no word among words and numbers when it is small letters (`min_letters` or more) with a number
    after them or opening with a listed given name ("kimberley12", "mariagomez"; not "screenshot")."""

    def __init__(self, rule: FileNames, is_word: Callable[[str], bool], known_words: frozenset[str],
                 first_names: frozenset[str]) -> None:
        self._rule = rule
        self._is_word = is_word
        self._known = known_words
        self._first_names = first_names
        # The lengths of the given names: a piece's openings of those lengths are looked up, not each name tried.
        self._name_lengths = sorted({len(name) for name in first_names})
        types = "|".join(regex.escape(kind) for kind in rule.doc_types)
        self._file = regex.compile(rf"(?<![\w.\-])[^\s/\\:*?\"<>|]{{1,200}}?\.(?i:{types})(?![\w.\-])")
        super().__init__(supported_entities=["PERSON", "USERNAME"], supported_language="en",
                         name="FileNameRecognizer")

    def load(self) -> None:
        """Nothing to load: the rule and the word tests come with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """The person and login pieces of each document file name in `text`."""
        results = []
        for match in self._file.finditer(text):
            stem_end = match.start() + match.group().rindex(".")
            pieces = list(_PIECE.finditer(text, match.start(), stem_end))
            before = _WORDS_BEFORE.search(text, max(0, match.start() - _WORDS_REACH), match.start())
            named = list(_PIECE.finditer(text, before.start(), stem_end)) if before else []
            # The stem's own pieces are read as well: words before can pair its first name with one of
            # theirs ("Notes Ana Souza Kwame_Mensah.pdf": "Ana Souza Kwame"), leaving its surname.
            results += self._people(named) if len(named) >= 2 else []
            results += self._people(pieces) + self._login(pieces) if len(pieces) >= 2 else []
        return [result for result in results if result.entity_type in entities]

    def _word(self, piece: str) -> bool:
        lower = piece.lower()
        return lower in self._known or (self._is_word(lower) and lower not in self._first_names)

    def _named(self, run: list[regex.Match]) -> bool:
        words = [piece.group() for piece in run]
        english = sum(self._word(word) for word in words)
        return (not any(word.lower() in self._known for word in words)
                and reads_as_name(words, english, self._first_names, self._rule.min_letters))

    def _people(self, pieces: list[regex.Match]) -> list[RecognizerResult]:
        """Runs of two or three capitalised pieces that read as a name, longest first."""
        found, index = [], 0
        while index < len(pieces):
            size = next((size for size in (3, 2) if index + size <= len(pieces)
                         and all(_CAPITALISED.fullmatch(p.group()) for p in pieces[index:index + size])
                         and self._named(pieces[index:index + size])), 0)
            if size:
                found.append(RecognizerResult("PERSON", pieces[index].start(), pieces[index + size - 1].end(),
                                              self._rule.score))
            index += size or 1
        return found

    def _login(self, pieces: list[regex.Match]) -> list[RecognizerResult]:
        """The one piece that is no word among words and numbers, when it reads as a login (see the class)."""
        unknown = [p for p in pieces if not p.group().isdigit() and not self._word(p.group())]
        if len(unknown) != 1:
            return []
        piece = unknown[0]
        value = piece.group()
        letters = value.rstrip("0123456789")
        if (_HANDLE.fullmatch(value) and len(letters) >= self._rule.min_letters and letters not in self._known
                and (letters != value or self._opens_with_name(letters))):
            return [RecognizerResult("USERNAME", piece.start(), piece.end(), self._rule.score)]
        return []

    def _opens_with_name(self, letters: str) -> bool:
        """Whether `letters` opens with a listed given name: one set look-up per name length, so a file
        name costs its own length, not the list's."""
        return any(letters[:size] in self._first_names for size in self._name_lengths if size <= len(letters))
