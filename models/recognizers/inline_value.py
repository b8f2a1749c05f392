"""A login, handle or secret said as one bare token inside a running sentence ("log in as mkowalski then",
"can you add jsmith42 to the channel", "I reset it to tulip88 for now"): the cues of other recognizers want a
colon, a line start or an "is"; here a frame of recognizers.yaml `inline_values` names the slot and the token
needs a shape no ordinary word, product, version or unit has, so "log in as admin" or "use py311" stay."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from models.recognizers.config import InlineValues
from models.recognizers.phrases import phrase_trie

_SPACE = r"[ \t]{1,3}"
# The token after a frame: no spaces or quotes; a final `.,;:)` is the sentence's, not the token's.
# A closing quote may follow it, as an opening one may stand before (`reset it to "Tulip88"`, `use ‘ab12cd’`).
_TOKEN = r"@?(?P<token>[^\s\"'`<>()\[\]{},;‘’“”«»]{2,64}?)(?=[\"'`’”»]?[.,;:)\]]{0,3}[\"'`’”»]?(?:\s|$))"
_SENTENCE_END = regex.compile(r"[.!?](?:\s|$)|\n")
_LETTERS = regex.compile(r"[a-z]+")
_DIGITS = regex.compile(r"\d")
_JOINED = regex.compile(r"[._]")
# A version inside a name makes it a package or a library (`gstreamer0.8-lame`, `libpython3.5-stdlib`), no login.
_VERSION_INSIDE = regex.compile(r"\d\.\d")
# Not a secret nor a login though letters and digits mix: a version, a number with a unit or an ordinal (24h,
# 2fa, 3rd, 10am), a size (1280x1024), a date or a time, an amount.
_NOT_VALUE = regex.compile(r"(?i)v?\d+(?:[._\-]\d+)+[a-z]{0,4}|\d+[a-z]{1,3}|\d+x\d+|\d+(?:[.,:]\d+)*|[a-z]\d{1,4}[a-z]{0,3}")
# A login: letters and digits, parts joined by `.`, `_` or `-`; IRC nicks add `|`, `^` and `_` at either end.
_LOGIN = regex.compile(r"[_|^]{0,2}[A-Za-z][A-Za-z0-9|^]{0,31}(?:[._\-][A-Za-z0-9|^]{1,31}){0,3}[_|^]{0,2}")
_LOGIN_CHARS = r"[\w.\-|^]{3,40}+"
# What a strict login (a digit, or letters joined by `. _ | ^`) or any secret needs somewhere in the text: texts
# without it skip those frames.
_STRICT_MARK = regex.compile(r"\d|[A-Za-z0-9][._|^][A-Za-z0-9]|_")
_RUN_ON = regex.compile(r"[A-Za-z]\.[A-Z]")
_MARKS = regex.compile(r"[._|^]")
# Letters of any script: a password may hold an accented letter (`Tülip88`).
_SECRET = regex.compile(r"(?=[^\s]{0,63}\d)(?=[^\s]{0,63}\p{L})[\p{L}\p{M}0-9!#$%&*+\-=?@^_~.]{4,64}")
_PIN = regex.compile(r"\d{4,8}")
_ALTERNATION = regex.compile(r"(?<=[A-Za-z])\d|(?<=\d)[A-Za-z]")


class InlineValueRecognizer(EntityRecognizer):
    """USERNAME for a login-shaped token after a login frame or a verb done to an account, SECRET for a token
    of letters and digits after a frame of setting, typing or naming a code, in a sentence about a secret."""

    def __init__(self, rule: InlineValues, is_word: Callable[[str], bool], known_words: frozenset[str],
                 first_names: frozenset[str] = frozenset(), file_types: frozenset[str] = frozenset()) -> None:
        self._rule = rule
        self._file_types = file_types
        self._is_word = is_word
        self._known = known_words
        self._first_names = first_names
        self._stems = frozenset(rule.number_stems) | known_words
        self._person_only = frozenset(rule.person_only_verbs)
        lead = r"(?<![\w@./\-])"
        self._login_frame = regex.compile(rf"{lead}(?i:{phrase_trie(rule.login_frames, space=_SPACE)}){_SPACE}{_TOKEN}")
        self._verb_frame = regex.compile(rf"{lead}(?P<verb>(?i:{phrase_trie(rule.person_verbs, space=_SPACE)})){_SPACE}{_TOKEN}")
        kinds = phrase_trie(rule.not_secret_kinds, space=_SPACE)
        self._secret_frame = regex.compile(rf"{lead}(?<!(?i:{kinds})[ \t\-]{{1,3}})"
                                           rf"(?i:{phrase_trie(rule.secret_frames, space=_SPACE)})[ \t]{{0,3}}[:=]?"
                                           rf"{_SPACE}[\"'`‘“«]?{_TOKEN}")
        self._place_after = regex.compile(rf"{_SPACE}(?i:to|from|in|into|on|out{_SPACE}of|al|à|au|a|zum|zur|do|z|na|no|aan|uit)"
                                          rf"(?:{_SPACE}(?i:the|our|this|that|my|your|their|el|la|le|les|il|lo|o|a|de|den|der|die|das|het))?"
                                          rf"(?:{_SPACE}[#\w\-]{{1,30}})?{_SPACE}#?(?i:{phrase_trie(rule.member_places, space=_SPACE)})(?!\w)"
                                          rf"|{_SPACE}(?i:access|permissions|rights)(?!\w)"
                                          # a channel by its name: "add jkowalski to #general"
                                          rf"|{_SPACE}(?i:to|from|in|into|on|out{_SPACE}of){_SPACE}#[\w\-]")
        self._set_frame = regex.compile(rf"{lead}(?i:{phrase_trie(rule.set_frames, space=_SPACE)}){_SPACE}[\"'`‘“«]?{_TOKEN}")
        self._typed_frame = regex.compile(rf"{lead}(?i:{phrase_trie(rule.typed_frames, space=_SPACE)}){_SPACE}[\"'`‘“«]?{_TOKEN}")
        self._to_frame = regex.compile(rf"{lead}(?i:{phrase_trie(rule.to_words, space=_SPACE)}){_SPACE}{_TOKEN}")
        self._subject = regex.compile(rf"(?<![\w@./\-|^])@?(?P<token>{_LOGIN_CHARS})(?={_SPACE}"
                                      rf"(?i:{phrase_trie(rule.subject_frames, space=_SPACE)})(?![\w'’]))")
        self._before_place = regex.compile(rf"(?<![\w@./\-|^])@?(?P<token>{_LOGIN_CHARS})(?=(?:{self._place_after.pattern}))")
        self._secret_word = regex.compile(rf"(?<![\w\-])(?<!(?i:{kinds})[ \t\-]{{1,3}})(?i:{phrase_trie(rule.secret_words, space=_SPACE)})(?![\w\-])")
        self._pin_named = regex.compile(rf"(?<![\w\-])(?i:{phrase_trie(rule.pin_words, space=_SPACE)})(?:[ \t]*[:=])?"
                                        rf"(?:{_SPACE}\w+){{0,2}}{_SPACE}$")
        self._after_frame = regex.compile(rf"{_SPACE}(?i:{phrase_trie(rule.after_frames, space=_SPACE)})(?!\w)")
        super().__init__(supported_entities=["USERNAME", "SECRET"], supported_language="en", name="InlineValueRecognizer")

    def load(self) -> None:
        """Nothing to load: the rule and the word test come with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Logins and secrets standing inside sentences, of the types asked for."""
        marked = _STRICT_MARK.search(text) is not None
        results = [*self._logins(text, marked), *(self._secrets(text) if marked else ())]
        found = {(r.entity_type, r.start, r.end): r for r in results}
        return [result for result in found.values() if result.entity_type in entities]

    def ordinary(self, word: str) -> bool:
        """An English, app, UI, code or system word (any case)."""
        lower = word.lower()
        return lower in self._known or self._is_word(lower)

    def is_login(self, token: str, strict: bool) -> bool:
        """A login's shape: letters (and digits, `.`, `_`, `-`) with a letter part that is no ordinary word and no
        name of a thing with a number. `strict` (after a verb) wants a digit or a joiner too (a hump is a product's:
        GmbH, iPhone); a plain word of small letters is then the caller's to allow."""
        if (not _LOGIN.fullmatch(token) or len(token) < 3 or self.ordinary(token) or _NOT_VALUE.fullmatch(token)
                or _VERSION_INSIDE.search(token)):
            return False
        lower = token.lower()
        parts = _LETTERS.findall(lower)
        if not parts:
            return False
        if "." in token and parts[-1] in self._file_types or _RUN_ON.search(token):
            return False  # a file or a host (report.pdf, api.internal), sentences run together (Dr.Cooper.Could)
        if len([part for part in token.split("_") if part]) >= 3 or strict and not any(c.islower() for c in token):
            return False  # a code identifier (texture_from_pixmap); a flight or a part number (KL17, GF7)
        if _DIGITS.search(token) and parts and parts[0] in self._stems and len(parts) == 1:
            return False  # py311, node18, win11, gpt4
        strange = [p for p in parts if len(p) >= 2 and (not self.ordinary(p) or "." in token and p in self._first_names)]
        if not strange and not (parts and parts[0] in self._first_names and _DIGITS.search(token)):
            return bool(_JOINED.search(token)) and any(len(p) == 1 for p in parts) and not strict
        if not strict:
            return True
        return bool(_DIGITS.search(token) or _MARKS.search(token))

    def names_a_thing(self, letters: str) -> bool:
        """Whether a token's letter part is a thing named with a number or an app, code or system word (py, node,
        win, server): `kelly113` may be a login, `node18` is not."""
        return letters in self._stems

    def is_secret(self, token: str) -> bool:
        """Letters and digits mixed (a symbol allowed), not a version, unit, size, time or a thing's name."""
        core = token.rstrip("!?")
        if not _SECRET.fullmatch(token) or _NOT_VALUE.fullmatch(core) or self.ordinary(core):
            return False
        parts = _LETTERS.findall(core.lower())
        if len(parts) == 1 and parts[0] in self._stems and core.lower().startswith(parts[0]):
            return False
        # A thing's name with a number and a suffix: `utf8mb4`, `sha256sum`, `gpt4o` (a stem of three letters
        # or more first, then only short parts or words).
        return not (len(parts) <= 3 and len(parts[0]) >= 3 and parts[0] in self._stems
                    and core.lower().startswith(parts[0])
                    and all(len(part) <= 2 or self.ordinary(part) for part in parts[1:]))

    def is_random(self, token: str) -> bool:
        """Random-looking: letters and digits alternate three times (2L4i8W), or a letter part that is no word
        nor a thing's name comes with three digits or more (ouxo0046)."""
        core = token.rstrip("!?")
        if len(_ALTERNATION.findall(core)) >= 3:
            return True
        parts = _LETTERS.findall(core.lower())
        return (len(_DIGITS.findall(core)) >= 3 and len(parts) == 1 and len(parts[0]) >= 3
                and parts[0] not in self._stems and not self.ordinary(parts[0]))

    def _logins(self, text: str, marked: bool) -> Iterator[RecognizerResult]:
        for match in self._login_frame.finditer(text, overlapped=True):
            if self.is_login(match.group("token"), strict=False):
                yield RecognizerResult("USERNAME", *match.span("token"), self._rule.login_score)
        for match in self._verb_frame.finditer(text, overlapped=True):
            token = match.group("token")
            if self.is_login(token, strict=True) or (
                    token.isalpha() and token.islower() and len(token) >= self._rule.plain_min_length
                    and self.is_login(token, strict=False)
                    and (match.group("verb").lower() in self._person_only or self._place_after.match(text, match.end()))):
                yield RecognizerResult("USERNAME", *match.span("token"), self._rule.login_score)

        if not marked:
            return
        for pattern in (self._subject, self._before_place):
            for match in pattern.finditer(text):
                if self.is_login(match.group("token"), strict=True):
                    yield RecognizerResult("USERNAME", *match.span("token"), self._rule.login_score)
        for match in self._to_frame.finditer(text, overlapped=True):
            start, end = match.span("token")
            if self.is_login(match.group("token"), strict=True) and not self._about_secret(text, start, end):
                yield RecognizerResult("USERNAME", start, end, self._rule.login_score)

    def _secrets(self, text: str) -> Iterator[RecognizerResult]:
        for match in self._set_frame.finditer(text, overlapped=True):
            if self.is_secret(match.group("token")):
                yield RecognizerResult("SECRET", *match.span("token"), self._rule.secret_score)
        for match in self._typed_frame.finditer(text, overlapped=True):
            if self.is_secret(match.group("token")) and self.is_random(match.group("token")):
                yield RecognizerResult("SECRET", *match.span("token"), self._rule.secret_score)
        for match in self._secret_frame.finditer(text, overlapped=True):
            token = match.group("token")
            start, end = match.span("token")
            pin = _PIN.fullmatch(token) and self._pin_named.search(text[max(0, start - 60):start])
            if (self.is_secret(token) or pin) and self._about_secret(text, start, end):
                yield RecognizerResult("SECRET", *match.span("token"), self._rule.secret_score)

    def _about_secret(self, text: str, start: int, end: int) -> bool:
        """Whether the token's sentence (up to 80 characters each side) names a secret, or the token is
        followed by `as the password`."""
        if self._after_frame.match(text, end):
            return True
        left = text[max(0, start - 80):start]
        ends = list(_SENTENCE_END.finditer(left))
        left = left[ends[-1].end():] if ends else left
        right = text[end:end + 80]
        stop = _SENTENCE_END.search(right)
        right = right[:stop.start()] if stop else right
        return bool(self._secret_word.search(left) or self._secret_word.search(right))
