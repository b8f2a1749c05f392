"""A login standing alone as a part of a window title ("Slack | rafael.lopez | Acme", "filip10's team -
Figma", "михаилина_голик - Duolingo"), and the display name bracketed after it ("faith.uche (Faith
B. Uche) · GitHub"): apps title a person's page or DM with the person's handle."""
from __future__ import annotations

from collections.abc import Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from models.recognizers.config import TitleHandles
from models.recognizers.email import registered_domain
from models.recognizers.ui_terms import TITLE_SEPARATOR

# What may follow a handle in its part: the part's end, a possessive ("'s team") or a bracket ("(Keybase)").
_AFTER = regex.compile(r"\s*$|['’]s\b|\s+\(")
_PIECE = regex.compile(r"[^\W\d_]+")
# A display name in brackets after a handle ("jdoe (Jane Doe) · GitHub", "kravel (Kritika L. Ravel)", "mic_p
# (Lundberg)"): one to four capitalised words, initials or words of a script without case. A bare word is a
# handle only before one.
_WORD = regex.compile(r"[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{M}\d]{2,31}")
_BRACKETED = regex.compile(r"\s+\(((?:\p{Lu}[\p{Ll}\p{M}'’\-]*\.?|\p{Lo}[\p{Lo}\p{M}]*)"
                           r"(?:\s(?:\p{Lu}[\p{Ll}\p{M}'’\-]*\.?|\p{Lo}[\p{Lo}\p{M}]*)){0,3})\)")


class TitleHandleRecognizer(EntityRecognizer):
    """USERNAME for a title part that is one handle (`title_handles.handle`: letters joined by "." or "_" (or
    "-" beside a listed given name),
    or letters with a number after them; or a given name and more letters written as one word), unless its letters are words (`is_word`: English, app or UI
    words; "node_modules", "python3") and none a listed given name (`first_names`), or it is a file
    name ("retry.py") or a domain ("cal.com")."""

    def __init__(self, rule: TitleHandles, is_word: Callable[[str], bool], file_types: frozenset[str],
                 first_names: frozenset[str]) -> None:
        self._rule = rule
        self._is_word = is_word
        self._file_types = file_types
        self._first_names = first_names
        self._handle = regex.compile(rf"(?:{rule.handle})(?![\w.@\-])")
        super().__init__(supported_entities=["USERNAME", "PERSON"], supported_language="en",
                         name="TitleHandleRecognizer")

    def load(self) -> None:
        """Nothing to load: the rule and the word test come with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Each title part that opens with a handle and holds nothing else but a possessive or a bracket,
        and the display name in that bracket when it has a word that is no English, app or UI word."""
        if not {"USERNAME", "PERSON"} & set(entities) or len(text) > self._rule.max_title_length or not TITLE_SEPARATOR.search(text):
            return []
        results, start = [], 0
        for bound in [*(m.span() for m in TITLE_SEPARATOR.finditer(text)), (len(text), len(text))]:
            part = text[start:bound[0]]
            offset = len(part) - len(part.lstrip())
            match = self._handle.match(part, offset) or _WORD.match(part, offset)
            if not match or not _AFTER.match(part, match.end()):
                start = bound[1]
                continue
            named = _BRACKETED.fullmatch(part, match.end())
            named = named if named and self._is_display_name(named.group(1)) else None
            if self._is_handle(match.group()) and (named or self._handle.fullmatch(match.group())
                                                   or self._joined_login(match.group())):
                results.append(RecognizerResult("USERNAME", start + match.start(), start + match.end(),
                                                self._rule.score))
                if named:
                    results.append(RecognizerResult("PERSON", start + named.start(1), start + named.end(1),
                                                    self._rule.score))
            start = bound[1]
        return [result for result in results if result.entity_type in entities]

    def _is_display_name(self, words: str) -> bool:
        """A word in it that is no English, app or UI word ("(Faith B. Uche)"; not "(External)"); one word
        alone of three letters or more ("(Lundberg)"; not "(X)")."""
        parts = words.split()
        if len(parts) == 1 and len(parts[0].rstrip(".")) < 3:
            return False
        return not all(self._is_word(word.lower().rstrip(".")) for word in parts)

    def _joined_login(self, token: str) -> bool:
        """Small letters that open with a listed given name (`joined_min_given` letters or more) and go on
        with `joined_min_rest` letters or more that are no word ("mariagomez"; not "markdown"): one
        set look-up per given-name length."""
        if not token.isalpha() or not token.islower() or self._is_word(token):
            return False
        least_given, least_rest = self._rule.joined_min_given, self._rule.joined_min_rest
        return any(token[:size] in self._first_names and not self._is_word(token[size:])
                   for size in range(least_given, len(token) - least_rest + 1))

    def _is_handle(self, token: str) -> bool:
        """No file name, no domain, and a given name or a letter run that is no word ("snake_case", "report2" are
        not); joined by "-", a given name among its pieces."""
        pieces = _PIECE.findall(token.lower())
        # A given name and a two-letter surname read as a country's domain ("kevin.ng", "wei.li") is a login.
        given_and_short = len(pieces) == 2 and pieces[0] in self._first_names and len(pieces[1]) == 2
        if "." in token and (pieces[-1] in self._file_types or (registered_domain(token) and not given_and_short)):
            return False
        if "-" in token and not any(piece in self._first_names for piece in pieces):
            return False  # "eng-backend", "follow-up": a hyphen joins words far more often than names
        return bool(pieces) and any(piece in self._first_names or not self._is_word(piece) for piece in pieces)
