"""A user mentioned inside a chat sentence with no login word, `@` or account verb to prove it ("thanks jrib",
"as bazhang said", "you and mkowalski should sync", "idefix try alt+tab", "!grub | kizza", "committed as jdoe42"):
the sentence treats the token as a person (recognizers.yaml `mentions` names how) and the token is no English, app,
UI, chat, code or tool word, so "thanks gparted" or "apt said" stay. Each frame is one bounded regex scan: linear
cost."""
from __future__ import annotations

from collections.abc import Iterator

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from models.config_files import term_list
from models.recognizers.config import Mentions
from models.recognizers.inline_value import InlineValueRecognizer
from models.recognizers.phrases import phrase_trie

_S = r"[ \t]{1,3}"
# A nick or login: letters first, then letters, digits and `_ | ^ - .` (IRC wraps nicks in `_ | ^`).
_TOKEN = (r"(?<![\w@./\-|^`'’])(?P<token>[_|^`]{0,2}[A-Za-z][A-Za-z0-9_|^`\-]{1,30}(?:\.[A-Za-z0-9_]{1,20})?)"
          r"(?![\w@/|^`\-]|\.\w)")
# The end of a token, and the token that ends where a frame after it starts.
_TOKEN_ENDS = r"(?<=[A-Za-z0-9_|^`])"
_TOKEN_BEFORE = regex.compile(_TOKEN + r"\Z")
# Where a message begins: the text's start, a new line, or after an IRC line's own `<nick> `.
_START = r"(?:^|(?<=\n)|(?<=(?:^|\n)[ \t]{0,4}(?:\[?\d{1,2}:\d\d(?::\d\d)?\]?[ \t]{1,3})?<[@+%&~]?[^>\s]{1,32}>[ \t]))[ \t]{0,4}"
# What may end a message after its last word: punctuation and an emoticon.
_TO_END = r"[ \t]{0,2}[,!.?…]{0,3}[ \t]{0,3}(?:[:;]-?[()DPp/]|\^\^|<3)?[ \t]{0,3}(?:$|\n)"
# A pause between an addressee and the rest: a comma, stop, or a dash ("yeah ActionParsnip -- i did that").
_DASH = r"(?:[ \t]{0,2}(?:[,!.:;]{1,3}|[\-–—]{1,2}))?"
# Plain small letters before a colon or comma at a line's start name a log's source or start a sentence as often as
# they address a user ("kubelet: node ready", "rebased, then ..."): the addressee recognizer decides those, with the
# lines around them.
_LOG_SOURCE = regex.compile(r"[a-z]+")
_HELD = regex.compile(r"([A-Za-z])\1{2,}")
_NICK_MARK = regex.compile(r"[|^`]")
# ... joined to its number by `_` or `-` too ("nick_42", "greta-77")
_WORD_NUMBER = regex.compile(r"([a-z]{4,24})[_\-]?\d{1,4}")
_ADVERB = r"(?:[ \t]{1,3}(?i:just|already|also|even|probably|obviously|clearly))?"
# A token in a person's slot at work may start with a digit (leet: `4nn4l3n44`).
# A dotted login may start with one initial (`j.doe`).
_SLOT_TOKEN = (r"(?<![\w@./\-|^`'’])(?P<token>[_|^`]{0,2}[A-Za-z0-9]"
               r"(?:[A-Za-z0-9_|^`\-]{1,30}(?:\.[A-Za-z0-9_]{1,20})?|\.[A-Za-z0-9_]{2,20}))"
               r"(?![\w@/|^`\-]|\.\w)")
_SLOT_TOKEN_BEFORE = regex.compile(_SLOT_TOKEN + r"\Z")
# The same token after an opening quote or `@` ("posted as 'rk_dev2'", "logged in as “jdoe42”"): the quote stands
# where the token's look-behind would refuse it.
_QUOTED_SLOT_TOKEN = r"(?:@|[\"'‘’“«`])" + _SLOT_TOKEN.removeprefix(r"(?<![\w@./\-|^`'’])")
# Short logins a slot lets through: a few letters (`tzh`), initials and digits (`jr61`).
_SHORT_LETTERS = regex.compile(r"[a-z]{2,4}")
_SHORT_WORD = regex.compile(r"[a-z]{2,3}")
_INITIALS_DIGITS = regex.compile(r"(?P<letters>[a-z]{1,3})\d{1,3}")
_ALTERNATION = regex.compile(r"(?<=[A-Za-z])\d|(?<=\d)[A-Za-z]")
_AS_AFTER = regex.compile(r"[ \t]{1,3}(?i:as)(?!\w)")
# Code around the word: a bracket before it ("open(p) as fh"), a block's colon after the token ("as exc:").
_CODE_BEFORE = regex.compile(r"[)\]}][ \t]{0,3}\Z")
# (bounded, and matched with an end bound: an unbounded match scans ahead for its colon, to the text's end each time)
_CODE_AFTER = regex.compile(r"[ \t]{0,8}:[ \t]{0,8}(?:$|\n)")
_CODE_AFTER_REACH = 20
_LINE_START = regex.compile(r"(?:^|\n)[ \t>]*(?P<first>[A-Za-z]+)[^\n]*\Z")


class MentionRecognizer(EntityRecognizer):
    """USERNAME for a token the sentence treats as a person and that is no word (see the module's docstring)."""

    def __init__(self, rule: Mentions, inline: InlineValueRecognizer) -> None:
        self._rule = rule
        self._inline = inline
        self._tools = frozenset(w.lower() for w in term_list(rule.tool_words)) | frozenset(rule.chat_words)

        def words(phrases: tuple[str, ...]) -> str:
            return f"(?i:{phrase_trie(phrases, space=_S)})"

        after_address = rf"{_S}{words(rule.after_address)}(?![\w'’])"
        self._cued = regex.compile(rf"(?<![\w@./\-]){words(rule.person_cues)}(?:(?<=@)[ \t]{{0,2}}|[,:!.]{{0,2}}{_S}){_TOKEN}")
        # Frames written after the token are found by what follows it, then the token is read back from there:
        # trying a token at every word first costs more than the whole rest of the scan.
        joiners, pronouns = words(rule.joiners), words(rule.pronouns)
        self._after_token = [regex.compile(rf"{_TOKEN_ENDS}{pattern}(?![\w'’])") for pattern in (
            rf"{_ADVERB}{_S}{words(rule.subject_verbs)}", rf"['’]s{_S}{words(rule.owned)}", rf"{_S}{joiners}{_S}{words(rule.pronouns_after)}")]
        self._quoted = regex.compile(rf"(?<![\w'’]){words(rule.quote_before)}{_S}{_TOKEN}{_ADVERB}{_S}{words(rule.quote_verbs)}(?![\w'’])")
        self._joined = regex.compile(rf"(?<![\w'’]){pronouns}{_S}{joiners}{_S}{_TOKEN}")
        self._addressed = regex.compile(rf"{_START}[(<]?{_TOKEN}[)>]?(?=[ \t]{{0,2}}[:,→»>~][ \t]|{after_address})")
        self._next_addressed = regex.compile(rf"[:,][ \t]{{1,3}}{_TOKEN}(?=[ \t]{{0,2}}[:,][ \t]|{after_address})")
        self._after_interjection = regex.compile(rf"(?<![\w'’]){words(rule.interjections)}[,!.]{{0,3}}{_S}{_TOKEN}"
                                                 rf"(?={_DASH}(?:{after_address})|{_TO_END})")
        self._closing = regex.compile(rf"(?<![\w'’]){words(rule.clause_ends)}[,.!]{{0,3}}{_S}{_TOKEN}(?={_TO_END})")
        self._redirect = regex.compile(rf"(?<![\w!]){rule.redirect}{_TOKEN}")
        # A message that only calls someone: "thiebaude?"
        self._called = regex.compile(rf"{_START}{_TOKEN}[ \t]{{0,2}}\?{{1,3}}[ \t]*(?:$|\n)")
        self._slot_before = regex.compile(rf"(?<![\w'’]){words(rule.slot_before)}[,:]?{_S}@?{_SLOT_TOKEN}")
        self._slot_after = [regex.compile(rf"(?<=[A-Za-z0-9_|^`]){pattern}(?![\w'’])") for pattern in (
            rf"[,]?{_ADVERB}{_S}{words(rule.slot_after)}", rf"['’]s{_S}{words(rule.slot_owned)}")]
        self._not_users = frozenset(rule.slot_not_users) | STOP_WORDS
        self._slot_closed = regex.compile(rf"{_S}(?:{words(rule.slot_after)}|{words(rule.slot_particles)})(?![\w'’])")
        self._compared = regex.compile(rf"(?<![\w'’@.\-])(?P<word>{words(rule.compared_words)})[ \t]{{1,3}}"
                                    rf"(?:{_SLOT_TOKEN}|{_QUOTED_SLOT_TOKEN})")
        self._compared_not_after = regex.compile(rf"(?<![\w'’]){words(rule.compared_not_after)}{_S}\Z")
        self._code_starts = frozenset(w.lower() for w in rule.compared_code_starts)
        self._compared_person = regex.compile(rf"(?<![\w'’]){words(rule.compared_person_before)}"
                                              rf"(?:{_S}[\w'’\-]{{1,24}}){{0,3}}?{_S}\Z")
        self._chained = regex.compile(rf"(?:[ \t]{{0,2}},|{_S}(?i:and|or|&)){_S}{_TOKEN}")
        super().__init__(supported_entities=["USERNAME"], supported_language="en", name="MentionRecognizer")

    def load(self) -> None:
        """Nothing to load: the rule and the login test come with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Each user the text mentions, any word a bot's answer is sent to, and users listed right after one
        ("stefg and ubottu")."""
        if "USERNAME" not in entities:
            return []
        found = {span for span in self._spans(text) if self.is_user(text[span[0]:span[1]])
                 and text[span[0]:span[1]] not in self._not_users}  # "ping eng about", not "Ella, ..."
        found |= {span for span in self._slot_spans(text) if self.fills_slot(text[span[0]:span[1]])}
        found |= {span for span in self._closed_slots(text) if self.short_word_user(text[span[0]:span[1]])}
        found |= set(self._compared_spans(text))
        found |= {match.span("token") for match in self._redirect.finditer(text)
                  if match.group("token").strip("_|^`").lower() not in self._tools}
        for _, end in sorted(found):
            match = self._chained.match(text, end)
            if match and self.is_user(match.group("token")):
                found.add(match.span("token"))
        return [RecognizerResult("USERNAME", start, end, self._rule.score) for start, end in sorted(found)]

    def is_user(self, token: str) -> bool:
        """A login's shape (the inline recognizer's test), a word in a nick's `_ | ^` wrapping, or a word of four
        letters or more with a number that names no thing (`kelly113`, not `node18`); three characters or more
        inside the wrapping, not in capitals (an acronym), no tool's name and no chat word."""
        core = token.strip("_|^`")
        if len(core) < 3 or core.isupper() or core.lower() in self._tools or self._elongated_word(core):
            return False
        if self._inline.is_login(token, False) or _NICK_MARK.search(token) or (
                token != core and core.isalnum() and not token.startswith("__")):
            return True  # a nick's IRC marks are no word's shape (`|kestrel|`, `yogi_`, `nimrod|king`)
        worded = _WORD_NUMBER.fullmatch(core.lower())
        return worded is not None and not self._inline.names_a_thing(worded.group(1)) and worded.group(1) not in self._tools

    def fills_slot(self, token: str) -> bool:
        """A user in a slot only a person fills: a user by `is_user`, or, in small letters, a short login of two to
        four letters, initials and digits, or leet (letters and digits alternating three times), none a word."""
        core = token.strip("_|^`")
        lower = core.lower()
        if lower in self._tools or core in self._not_users or self._inline.ordinary(core) or len(core) < 2:
            return False
        if core[0].isalpha() and self.is_user(token):
            return True
        if core != lower or self._elongated_word(core):
            return False
        if _SHORT_LETTERS.fullmatch(core):
            return True
        initials = _INITIALS_DIGITS.fullmatch(core)
        if initials:
            return not self._inline.names_a_thing(initials.group("letters"))
        return (len(_ALTERNATION.findall(core)) >= 3 and len(core) >= 5 and sum(c.isalpha() for c in core) >= 2
                and self._inline.is_secret(core))

    def short_word_user(self, token: str) -> bool:
        """Two or three small letters that a dictionary lists as a word or abbreviation (`rs`, `mas`) count only in
        a closed slot, and never as a stop word, a team, role, tool or a thing's name (`it`, `ops`, `pm`, `js`)."""
        return (bool(_SHORT_WORD.fullmatch(token)) and token not in self._not_users and token not in self._tools
                and not self._inline.names_a_thing(token))

    def _compared_spans(self, text: str) -> Iterator[tuple[int, int]]:
        """Users after `as`, `than` or `like` (`compared_*` in recognizers.yaml): a strict login after any of them,
        plain small letters after `as`, any login a person's slot lets through after a person's context."""
        for match in self._compared.finditer(text):
            start, token = match.start(), match.group("token")
            core = token.strip("_|^`")
            if (core in self._not_users or core.lower() in self._tools
                    or self._compared_not_after.search(text, max(0, start - 30), start) or self._in_code(text, match)
                    or self._code_name(text, match, core)):
                continue
            strict = (self._inline.is_login(token.strip("`"), True)
                      or (not core[0].isalpha() and self.fills_slot(token)))
            # "as X as" compares a quality ("just as dorky as"), not an account
            plain = (match.group("word").lower() == "as" and core.islower() and core.isalpha() and self.is_user(token)
                     and not _AS_AFTER.match(text, match.end()))
            if strict or plain or (self._compared_person.search(text, max(0, start - 120), start)
                                   and self.fills_slot(token)):
                yield match.span("token")

    @staticmethod
    def _code_name(text: str, match: regex.Match, core: str) -> bool:
        """Whether the token is a name of code in backticks, words joined by `_` with no number ("same as
        'prod_db'" written with backticks, "registered as 'user_id'"); a login there has a number ("rk_dev2")."""
        at = match.start("token")
        marked = match.group("token").startswith("`") or text[max(0, at - 1):at] == "`"
        return marked and "_" in core and not any(char.isdigit() for char in core)

    def _in_code(self, text: str, match: regex.Match) -> bool:
        """Whether the word names an alias in code or a query: after a bracket, before a block's colon, or on a
        line that starts with a code keyword (`compared_code_starts`; the line looked at up to 200 characters)."""
        start = match.start()
        end = match.end()
        if _CODE_BEFORE.search(text, max(0, start - 8), start) or _CODE_AFTER.match(text, end, end + _CODE_AFTER_REACH):
            return True
        line = _LINE_START.search(text, max(0, start - 200), start)
        return line is not None and line.group("first").lower() in self._code_starts

    def _closed_slots(self, text: str) -> Iterator[tuple[int, int]]:
        """Tokens between a person's slot before them and a person's act or a particle after them ("reviewer rs
        approved", "ask pa to")."""
        for match in self._slot_before.finditer(text):
            if self._slot_closed.match(text, match.end()):
                yield match.span("token")

    def _slot_spans(self, text: str) -> Iterator[tuple[int, int]]:
        for match in self._slot_before.finditer(text):
            yield match.span("token")
        for pattern in self._slot_after:
            for match in pattern.finditer(text):
                token = _SLOT_TOKEN_BEFORE.search(text, max(0, match.start() - 40), match.start())
                if token is not None:
                    yield token.span("token")

    def _elongated_word(self, token: str) -> bool:
        """A chat word with a letter held ("hmmm", "sooo", "yesss")."""
        if not _HELD.search(token):
            return False
        return any(self._inline.ordinary(_HELD.sub(kept, token)) for kept in (r"\1", r"\1\1"))

    def _spans(self, text: str) -> Iterator[tuple[int, int]]:
        for pattern in (self._cued, self._quoted, self._joined, self._after_interjection, self._closing, self._called):
            for match in pattern.finditer(text):
                yield match.span("token")
        for pattern in self._after_token:
            for match in pattern.finditer(text):
                token = _TOKEN_BEFORE.search(text, max(0, match.start() - 40), match.start())
                if token is not None:
                    yield token.span("token")
        for match in self._addressed.finditer(text):
            if not _LOG_SOURCE.fullmatch(text, *match.span("token")) or text[match.end():match.end() + 1] not in (":", ","):
                yield match.span("token")
            end = match.end()
            while (more := self._next_addressed.match(text, end)) is not None:
                yield more.span("token")
                end = more.end()
