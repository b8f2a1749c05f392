"""Handles, initials and ids written with no cue in front of them: cells of a table row about a person
("JH,jamie.hawkins,2026-04-28", "Souza, Ana;Lisboa;CU-48213"), a handle made from a name or e-mail of the same text ("Kim Swanson
... swansonk"), a handle typed alone on its line (a search box or people picker: "omar.haddad"), and a name or word with a
number, or a handle joined by "_" or ".", after a chat cue ("ping jsmith2", "thanks maria88", "dm'd lan_le"), and the
login of a bare `login:password` pair ("jdoe:could5401")."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from models.config_files import term_list
from models.recognizers.config import BareHandles
from models.recognizers.phrases import phrase_trie

# Latin letters NFKD does not take apart.
_FOLDED = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th"})
_LETTER_PARTS = regex.compile(r"[a-z]+")
# "Kim Swanson", "Ana Maria Souza" (first and last kept) and "Swanson, Kim", in any cased script.
_FULL_NAME = regex.compile(r"(?<!\w)(\p{Lu}\p{Ll}++)(?:[ \t]\p{Lu}\p{Ll}++)?[ \t](\p{Lu}\p{Ll}++)(?!\w)")
_LAST_FIRST = regex.compile(r"(?<!\w)(\p{Lu}\p{Ll}++),[ \t]{0,2}(\p{Lu}\p{Ll}++)(?!\w)")
_LOCAL_PART = regex.compile(r"(?<![\w.%+\-])([A-Za-z0-9][\w.%+\-]{0,63})@[A-Za-z0-9\-]{1,63}\.")
_TRAILING = regex.compile(r"[\d._\-]+$")
_MARKED = regex.compile(r"[._\-]|\d$")
_JOINED = regex.compile(r"[._]")
# An initial joined to a name, either way round ("j.smith", "smith_j"): a handle even where the name is a word.
_INITIAL_HANDLE = regex.compile(r"[a-z][._][a-z]{2,30}|[a-z]{2,30}[._][a-z]")


def folded(word: str) -> str:
    """`word` in small Latin letters without accents ("Mojmír" -> "mojmir", "Łukasz" -> "lukasz")."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_FOLDED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def name_keys(text: str, is_common: Callable[[str], bool]) -> set[str]:
    """The letters a handle made from a name or e-mail in `text` is written with: first+last, last+first,
    initial+last, last+initial, first+initial, first, last, and each e-mail's local part. Two capitalised
    words that are both common words (`is_common`: "Google Drive", "Pull Request") are no name."""
    keys = set()
    pairs = [(m.group(1), m.group(2)) for m in _FULL_NAME.finditer(text)]
    pairs += [(m.group(2), m.group(1)) for m in _LAST_FIRST.finditer(text)]
    for first, last in pairs:
        first, last = folded(first), folded(last)
        if first.isascii() and last.isascii() and not (is_common(first) and is_common(last)):
            keys |= {first + last, last + first, first[0] + last, last + first[0], first + last[0], first, last}
    keys |= {"".join(_LETTER_PARTS.findall(folded(m.group(1)))) for m in _LOCAL_PART.finditer(text)}
    return {key for key in keys if len(key) >= 2}


class BareHandleRecognizer(EntityRecognizer):
    """USERNAME for bare handles, PERSON for initials and ACCOUNT_NUMBER for ids in a person's row (see the
    module's docstring); `is_word` tells an English word from a handle, so "max_length" or "sales" stay."""

    def __init__(self, rule: BareHandles, is_word: Callable[[str], bool], known_words: frozenset[str],
                 first_names: frozenset[str] = frozenset()) -> None:
        self._rule = rule
        self._first_names = first_names
        self._is_word = is_word
        self._known = known_words | frozenset(rule.code_words)
        self._handle = regex.compile(rule.handle)
        self._initials = regex.compile(rule.initials)
        self._evidence = regex.compile(rule.row_evidence)
        self._row_id = regex.compile(rule.row_id)
        self._token = regex.compile(rf"(?<![\w@.\-/:\\~])(?:{rule.handle})(?![\w@\-/:\\]|\.\w)")
        self._not_initials = frozenset(rule.not_initials)
        self._digit_handle = regex.compile(rule.digit_handle)
        self._pair = regex.compile(rule.pair_login)
        self._not_pair_logins = frozenset(term_list(rule.pair_not_logins)) | self._known
        cues = phrase_trie(rule.handle_cues, space=r"[ \t]{1,3}")
        self._cued = regex.compile(rf"(?<![\w@./\-])(?i:{cues})"
                                   rf"[:,]?[ \t]{{1,3}}@?([A-Za-z][A-Za-z\d]{{0,30}}(?:[._][A-Za-z\d]{{1,30}}){{0,2}})"
                                   r"(?![\w@\-/]|\.\w)")
        super().__init__(supported_entities=["USERNAME", "PERSON", "ACCOUNT_NUMBER"], supported_language="en",
                         name="BareHandleRecognizer")

    def load(self) -> None:
        """Nothing to load: the rule and the word test come with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Row cells, handles made from the text's names, and lone handles, of the types asked for."""
        results = [*self._row_cells(text), *self._derived(text), *self._alone(text), *self._after_cue(text),
                   *self._pair_logins(text)]
        return [result for result in results if result.entity_type in entities]

    def is_handle(self, token: str) -> bool:
        """Handle-shaped, with a letter part that is no English, code or app word, and not a file name."""
        if not self._handle.fullmatch(token):
            return False
        parts = _LETTER_PARTS.findall(token)
        if "." in token and parts[-1] in self._rule.file_types:
            return False
        return token not in self._known and any(
            len(part) >= 2 and part not in self._known and not self._is_word(part) for part in parts)

    def is_digit_handle(self, token: str) -> bool:
        """Letters and a final number whose letters are a given name, or no English, code or UI word: "maria88",
        "jsmith2", but not "python3", "covid19", "sha256", "office365", "rc1" or "250ms"."""
        if not self._digit_handle.fullmatch(token):
            return False
        letters = token.rstrip("0123456789")
        return token not in self._known and letters not in self._known and (
            letters in self._first_names or not self._is_word(letters))

    def _after_cue(self, text: str) -> Iterator[RecognizerResult]:
        """A word with a final number, or a handle joined by `_` or `.` (or an initial joined to a
        name, or a given name joined to another), right after a chat cue ("ping jsmith2", "dm'd dung_pham",
        "thanks j.smith", "cc michael_lee"); and a
        login of small letters that is no word, long enough not to be a team's or chat's short word
        ("shared it with jamesdunn", "cc kujundzicf"; not "cc finance", "ping oncall")."""
        for match in self._cued.finditer(text):
            token = match.group(1).lower()
            if self.is_digit_handle(token) or (_JOINED.search(token) and (
                    self.is_handle(token) or _INITIAL_HANDLE.fullmatch(token)
                    or _JOINED.split(token)[0] in self._first_names)) or (
                    match.group(1).islower() and match.group(1).isalpha()
                    and len(token) >= self._rule.plain_cued_min_length and self.is_handle(token)):
                yield RecognizerResult("USERNAME", match.start(1), match.end(1), self._rule.cued_score)

    def _pair_logins(self, text: str) -> Iterator[RecognizerResult]:
        """The login of a bare `login:password` pair ("here: jdoe:could5401"); not a key of search or config
        syntax, code or an app (`label:p1`, `host:db01`, `node:v18x`)."""
        if ":" not in text:
            return
        for match in self._pair.finditer(text):
            if match.group("login").lower() not in self._not_pair_logins:
                yield RecognizerResult("USERNAME", match.start("login"), match.end("login"), self._rule.pair_score)

    def _row_cells(self, text: str) -> Iterator[RecognizerResult]:
        for start, line in _lines(text):
            cells = [(start + s, line[s:e]) for s, e in _cells(line, self._rule.cell_separators, self._rule.min_cells)]
            if cells:
                yield from self._person_row(cells)

    def _person_row(self, cells: list[tuple[int, str]]) -> Iterator[RecognizerResult]:
        """A row with an e-mail, a date, a phone number or a name: its handles; and when a handle, a name
        or an e-mail says whose row it is, its initials and its ids (customer or account numbers)."""
        handles = {cell for cell in cells if self.is_handle(cell[1])}
        names = any(self._is_name(value) for _, value in cells)
        evidence = [value for _, value in cells if self._evidence.fullmatch(value)]
        if not (evidence or names):
            return
        person = bool(handles) or names or any("@" in value for value in evidence)
        for offset, value in cells:
            end = offset + len(value)
            if (offset, value) in handles:
                yield RecognizerResult("USERNAME", offset, end, self._rule.row_score)
            elif person and self._initials.fullmatch(value) and value.replace(".", "") not in self._not_initials:
                yield RecognizerResult("PERSON", offset, end, self._rule.initials_score)
            elif person and self._row_id.fullmatch(value):
                yield RecognizerResult("ACCOUNT_NUMBER", offset, end, self._rule.row_score)

    def _common(self, word: str) -> bool:
        return word in self._known or self._is_word(word)

    def _is_name(self, cell: str) -> bool:
        match = _FULL_NAME.fullmatch(cell) or _LAST_FIRST.fullmatch(cell)
        return match is not None and not all(self._common(folded(part)) for part in match.groups())

    def _derived(self, text: str) -> Iterator[RecognizerResult]:
        keys = name_keys(text, self._common)
        if not keys:
            return
        for match in self._token.finditer(text):
            token = match.group()
            key = "".join(_LETTER_PARTS.findall(_TRAILING.sub("", token)))
            marked = token != key
            if key in keys and token not in self._known and (marked or not self._is_word(token)):
                yield RecognizerResult("USERNAME", match.start(), match.end(), self._rule.derived_score)

    def _alone(self, text: str) -> Iterator[RecognizerResult]:
        lines = [(start, line) for start, line in _lines(text) if line.strip()]
        if len(lines) > self._rule.alone_max_lines:
            return
        for start, line in lines:
            token = line.strip()
            if self.is_digit_handle(token) or (_MARKED.search(token) and self.is_handle(token)
                                               and len(_LETTER_PARTS.findall(token)[0]) >= 2):
                offset = start + line.index(token)
                yield RecognizerResult("USERNAME", offset, offset + len(token), self._rule.alone_score)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _cells(line: str, separators: tuple[str, ...], min_cells: int) -> list[tuple[int, int]]:
    """The stripped cells of `line` split on the separator it has most of, when there are enough of them."""
    separator = max(separators, key=line.count)
    if line.count(separator) < min_cells - 1:
        return []
    cells, start = [], 0
    for part in line.split(separator):
        stripped = part.strip()
        if stripped:
            offset = start + part.index(stripped)
            cells.append((offset, offset + len(stripped)))
        start += len(part) + len(separator)
    return cells
