"""Person names NER misses or masks in part: words in a name slot (after "thx", "pairing with", before
"is out"; the first part of a people app's window title), short runs of another script in English
text, and every name found grown over the name-like words beside it ("Listalín <PERSON>",
"<PERSON>, Erika") and masked where its parts recur. A word counts when it is no English word, app,
UI or chat word (or a listed given name, or of another script), so "thx team" and "Settings | Slack"
stay as they are."""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import Lookups

from models.config_files import term_list
from models.login_words import LOOKUPS_DIR
from models.recognizers.config import PersonNames, RecognizerData
from models.recognizers.name_openers import NameOpeners, VerbForms
from models.recognizers.ner_misreads import person_bounds
from models.recognizers.salutations import Salutations
from models.recognizers.ui_terms import TITLE_SEPARATOR, holds_web_address, only_ui_terms, without_ui_parts

# A word: letters of any script with their marks, joined by an apostrophe or a hyphen ("O'Neil",
# "Jean-Luc"); not part of an identifier, a path, an address or a URL ("eth1", "jane.doe@", "x.com").
_WORD = regex.compile(r"(?<![\w@./\\#&=~+\-'’])\p{L}[\p{L}\p{M}]*+(?:['’\-]\p{L}[\p{L}\p{M}]*+)*+"
                      r"(?![\w@/\\]|\.\w)")
# A contraction or possessive ending ("I'm", "Ana's"): the word is read without it.
_ENDING = regex.compile(r"['’](?:s|m|d|ll|re|ve|t)$", regex.IGNORECASE)
_JOINS = regex.compile(r"['’\-]")
_LATIN = regex.compile(r"\p{Latin}")
_LETTER = regex.compile(r"\p{L}")
# Scripts written without spaces between words: a run of them is a name only when short.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
# What may stand between the words of one name: a space or two (a tab separates columns).
_BLANK = regex.compile(r" {1,2}")
# Between the names of a list: a comma, "and", "or" or "&" ("ana, bao and chidi", "ana & bao").
_LIST_JOIN = regex.compile(r"(?:,[ \t]{0,2}(?:(?:and|or|&)[ \t]{1,2})?|[ \t]{1,2}(?:and|or|&)[ \t]{1,2})",
                           regex.IGNORECASE)
# "Surname, Given": a comma and at most one blank between them.
_COMMA = regex.compile(r",[ \t]?")
# Where a field or a list item ends after a name: a delimiter, a title separator or the end of the text.
_FIELD_END = regex.compile(r"[ \t]*(?:[;\t|\n),\"'/<>]|$)|[ \t]+[-–—|·•][ \t]")
# ... and where one starts before a name.
_FIELD_STARTS = frozenset(";\t|\n(\"'/>")
# ... and where a field of a table row starts.
_ROW_STARTS = _FIELD_STARTS | {","}
# Messages of a transcript are joined by a blank line (models/detection.UNIT_SEPARATOR).
_TURN_SEPARATOR = "\n\n"
_TURN = regex.compile(r"(?:^|(?<=\n\n))[^\n]{1,80}+(?=\n\n|$)")
# What may stand beside the words of a message that is only a name: blanks, punctuation, symbols (emoji).
_NOT_NAME_CHARACTER = regex.compile(r"[\p{L}\p{N}]")
_POSSESSIVE = regex.compile(r"['’]s$")
_NER_PERSON = frozenset({"PERSON", "PER"})
# A window title, not a message: one line of at most this many characters.
_TITLE_CHARS = 200


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    latin: bool
    # Of another script in a text not mostly Latin: no English text, so no slot of ours.
    foreign: bool


class NameContextRecognizer(EntityRecognizer):
    """PERSON spans from name slots, other scripts, growth and recurrence (see the module's docstring)."""

    def __init__(self, rule: PersonNames, first_names: frozenset[str], is_word: Callable[[str], bool],
                 known: frozenset[str], word_names: frozenset[str] = frozenset(),
                 stop_words: frozenset[str] = frozenset(), verbs: VerbForms | None = None) -> None:
        self._rule = rule
        self._first_names = first_names
        # An NER person holding one of these is no heading ("Grace Wood: ok"), though each is a word.
        self._heading_names = first_names | word_names
        self._is_word = is_word
        self._known = known
        self._particles = frozenset(rule.particles)
        self._apps = frozenset(rule.people_apps)
        self._views = frozenset(rule.people_views)
        self._cue_before = _cue_pattern(rule.cues_before, before=True)
        self._cue_after = _cue_pattern(rule.cues_after, before=False)
        self._introduction = _cue_pattern(rule.introductions, before=True)
        self._not_surname_endings = tuple(rule.not_surname_endings)
        greet = rule.salutations
        self._groups = frozenset(greet.audience)
        # an app's, tool's or UI's name greeted alone is no person ("Thanks GitHub!", "Hey Google,"), a given name is
        self._salutations = Salutations(greet.greetings, greet.closings, frozenset(greet.audience) | stop_words,
                                        self._particles, greet.max_words, known - first_names)
        self._openers = NameOpeners(rule.openers, verbs or _verb_forms(), rule.openers.max_words)
        spelled = rule.spelled
        self._spelled_run = regex.compile(rf"(?<![\w\-'’])\p{{L}}(?P<sep>[ \-])\p{{L}}"
                                          rf"(?:(?P=sep)\p{{L}}){{{spelled.min_letters - 2},{spelled.max_letters - 2}}}"
                                          r"(?![\w\-'’])")
        super().__init__(supported_entities=["PERSON"], supported_language="en", name="NameContextRecognizer")

    def load(self) -> None:
        """Nothing to load: the rule and the word test come with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """Every name found, grown and with its recurring parts, as PERSON."""
        found = [(m.start(), m.end(), m.group(), bool(_LATIN.search(m.group()))) for m in _WORD.finditer(text)]
        if not found:
            return []
        # English text: mostly Latin by words or by letters (a short title names an app in more
        # letters than a person; a Greek name in a short request has more letters than its words).
        letters = [len(_LETTER.findall(word)) for _, _, word, _ in found]
        share = self._rule.non_latin.min_latin_share
        english = (sum(latin for *_, latin in found) >= share * len(found)
                   or sum(count for count, (*_, latin) in zip(letters, found) if latin) >= share * sum(letters))
        words = [_Word(start, end, word, latin, not (latin or english)) for start, end, word, latin in found]
        seeds = [*self._ner_seeds(text, words, nlp_artifacts), *self._listed_seeds(words),
                 *self._title_seeds(text, words), *self._script_seeds(text, words), *self._field_seeds(text, words),
                 *self._turn_seeds(text, words), *self._opener_seeds(text, words)]
        introduced = self._introduced(text, words, nlp_artifacts)
        starts = {word.start: index for index, word in enumerate(words)}
        cued = [name for first, last in self._cued_seeds(text, words)
                for name in self._listed(text, words, starts, (first, last), introduced)]
        grown = [self._grown(text, words, first, last) for first, last in [*seeds, *cued]]
        grown += self._recurring(words, grown, cued)
        # A greeting's or sign-off's name is whole as found (the greeting beside it is no part of it), and
        # masked where it recurs written the same way ("Hi Mason, ... Mason said").
        greeted = [seed for start, end in self._salutations.names(text) for seed in _covering(words, start, end)]
        parts = {words[index].text for first, last in greeted for index in range(first, last + 1)
                 if len(words[index].text) >= self._rule.min_recurring_letters}
        grown += greeted + [(index, index) for index, word in enumerate(words) if word.text in parts]
        return [*(RecognizerResult("PERSON", words[first].start, _name_end(words[last]), self._rule.score)
                  for first, last in _merged(grown)),
                *(RecognizerResult("PERSON", start, end, self._rule.score) for start, end in self._spelled(text))]

    def known_word(self, word: str) -> bool:
        """An English, app, UI, chat or work word (lower case), read without a contraction or
        possessive ending, or made of them joined by hyphens or apostrophes ("follow-up", not
        "jean-luc" or "o'neil")."""
        word = _ENDING.sub("", word)
        if word in self._known:
            return True
        return word not in self._first_names and all(
            part in self._known or self._is_word(part) for part in _JOINS.split(word) if part)

    def slot_word(self, word: _Word) -> bool:
        """A word that is a name where a cue sets a name's place: any case, of any script; not all
        capitals, and no hyphen-joined part of capitals ("Linux-Apache-MySQL-PHP")."""
        if not word.latin:
            rule = self._rule.non_latin
            limit = rule.max_unspaced_letters if _UNSPACED.search(word.text) else rule.max_word_letters
            return not word.foreign and len(_LETTER.findall(word.text)) <= limit
        parts = _JOINS.split(_ENDING.sub("", word.text))
        return (len(word.text) > 1 and len(parts) <= 3 and not any(len(part) > 1 and part.isupper() for part in parts)
                and not self.known_word(word.text.lower()))

    def name_like(self, word: _Word) -> bool:
        """A slot word that is capitalised when Latin: a name wherever it stands beside another."""
        return self.slot_word(word) and (not word.latin or _capitalised(word.text))

    def _ner_seeds(self, text: str, words: list[_Word], nlp_artifacts: NlpArtifacts | None
                   ) -> Iterable[tuple[int, int]]:
        """NER's person spans, cut free of app and UI words as the NER recognizer cuts them (and
        none that holds a web address or is a heading; cell references cut off)."""
        for entity in (nlp_artifacts.entities if nlp_artifacts else ()):
            if entity.label_ not in _NER_PERSON or holds_web_address(text, entity.start_char, entity.end_char):
                continue
            person = person_bounds(text, entity.start_char, entity.end_char, self.known_word, self._heading_names,
                                   self._groups)
            bounds = without_ui_parts(text[person[0]:person[1]], self._known) if person else None
            if bounds is not None:
                yield from _covering(words, person[0] + bounds[0], person[0] + bounds[1])

    def _listed_seeds(self, words: list[_Word]) -> Iterable[tuple[int, int]]:
        """Capitalised given names of the list."""
        return ((index, index) for index, word in enumerate(words)
                if word.latin and word.text[0].isupper() and word.text.lower() in self._first_names)

    def _introduced(self, text: str, words: list[_Word], nlp_artifacts: NlpArtifacts | None) -> dict[int, int]:
        """Where a name someone gives for themselves in lower case may end ("this is mike hunter
        calling"): by the index of its first word, the index of the one word after its lower-case
        slot words that is English but no stop, UI, chat or work word and has none of the endings
        of `not_surname_endings` ("calling"); the tokenizer's stop words are needed."""
        tokens = {token.idx: token for token in (getattr(nlp_artifacts, "tokens", None) or ())}
        if not tokens:
            return {}
        starts = {word.start: index for index, word in enumerate(words)}
        found = {}
        for match in self._introduction.finditer(text):
            first = starts.get(match.end())
            if first is None or not words[first].text.islower() or not self.slot_word(words[first]):
                continue
            last = first
            while (last - first < self._rule.max_growth_words and last + 1 < len(words)
                   and words[last + 1].text.islower() and self.slot_word(words[last + 1])
                   and _BLANK.fullmatch(text[words[last].end:words[last + 1].start])):
                last += 1
            after = last + 1
            if (after < len(words) and _BLANK.fullmatch(text[words[last].end:words[after].start])
                    and (token := tokens.get(words[after].start)) is not None and not token.is_stop
                    and words[after].text.islower() and _bare(words[after].text) not in self._known
                    and not words[after].text.endswith(self._not_surname_endings)):
                found[first] = after
        return found

    def _listed(self, text: str, words: list[_Word], starts: dict[int, int], seed: tuple[int, int],
                introduced: dict[int, int]) -> list[tuple[int, int]]:
        """A cued name and the names listed after it ("ping ana, bao and chidi"): each a slot word,
        grown over the slot words after it when written in lower case, as speech recognition writes
        names ("spoke with elisabet neureuther yesterday"), where capitals tell nothing; a name
        someone gives for themselves also over one English word after it (`_introduced`)."""
        names: list[tuple[int, int]] = []
        first, seed_last = seed
        index: int | None = first
        while index is not None and len(names) <= self._rule.max_listed_names:
            last = seed_last if index == first else index
            while (words[last].text.islower() and last - index < self._rule.max_growth_words
                   and last + 1 < len(words) and words[last + 1].text.islower()
                   and _BLANK.fullmatch(text[words[last].end:words[last + 1].start])
                   and not _ENDING.search(words[last].text) and self.slot_word(words[last + 1])):
                last += 1
            last = max(last, introduced.get(index, last))
            names.append((index, last))
            joined = _LIST_JOIN.match(text, words[last].end)
            index = starts.get(joined.end()) if joined and not _ENDING.search(words[last].text) else None
            if index is not None and not self.slot_word(words[index]):
                index = None
        return names

    def _spelled(self, text: str) -> Iterable[tuple[int, int]]:
        """Names spelled letter by letter ("k o w a l s k i", "K-A-T-O"): single letters, one blank
        or one hyphen between each, not all the same and no run of the alphabet, weekday initials
        or a keyboard row."""
        for match in self._spelled_run.finditer(text):
            letters = match.group()[::2].lower()
            if len(set(letters)) > 1 and not any(letters in sequence for sequence in self._rule.spelled.sequences):
                yield match.span()

    def _cued_seeds(self, text: str, words: list[_Word]) -> Iterable[tuple[int, int]]:
        """The slot word right after a cue before a name, or right before a cue after one."""
        starts = {word.start: index for index, word in enumerate(words)}
        ends = {word.end: index for index, word in enumerate(words)}
        for match in self._cue_before.finditer(text):
            index = starts.get(match.end())
            if index is not None and self.slot_word(words[index]):
                yield index, index
        for match in self._cue_after.finditer(text):
            index = ends.get(match.start())
            if index is not None and self.slot_word(words[index]):
                yield self._lower_start(text, words, index), index

    def _lower_start(self, text: str, words: list[_Word], last: int) -> int:
        """Where a lower-case name before a cue starts: over the lower-case slot words before it, as
        speech recognition writes names ("ismet mende wrote", "ana lima is out")."""
        first = last
        while (words[last].text.islower() and last - first < self._rule.max_growth_words and first > 0
               and words[first - 1].text.islower() and self.slot_word(words[first - 1])
               and _BLANK.fullmatch(text[words[first - 1].end:words[first].start])):
            first -= 1
        return first

    def _title_seeds(self, text: str, words: list[_Word]) -> Iterable[tuple[int, int]]:
        """In a people app's title, the name-like words of its first part that is not app or UI
        words; a part whose words are all capitalised is taken whole once one of them is name-like.
        A part that also holds an English word ("Product Roadmap", "Kanban Board") is left to NER:
        one unknown word beside known ones is more often a product's term than a name."""
        if len(text) > _TITLE_CHARS or "\n" in text:
            return
        parts, start = [], 0
        for separator in TITLE_SEPARATOR.finditer(text):
            parts.append((start, separator.start()))
            start = separator.end()
        parts.append((start, len(text)))
        if not any(text[first:last].strip().lower() in self._apps for first, last in parts):
            return
        first, last = self._named_part(text, parts)
        inside = [index for index, word in enumerate(words) if word.start >= first and word.end <= last]
        found = [index for index in inside if self.name_like(words[index])]
        if any(words[index].latin and _bare(words[index].text).lower() in self._known
               and words[index].text.lower() not in self._particles for index in inside):
            return
        if found and all(not words[index].latin or _capitalised(words[index].text) for index in inside):
            found = inside
        yield from ((index, index) for index in found)

    def _field_seeds(self, text: str, words: list[_Word]) -> Iterable[tuple[int, int]]:
        """A field of a table row or a line that is only a name: two to four name-like words
        (particles between them allowed) from a delimiter or line start to a delimiter or line
        end ("Ana Lima,ana@x.com", "Koivisto Aapo;Tampere")."""
        index = 0
        while index < len(words):
            last = index
            while last + 1 < len(words) and _BLANK.fullmatch(text[words[last].end:words[last + 1].start]):
                last += 1
            run = words[index:last + 1]
            names = sum(self.name_like(word) for word in run)
            if (2 <= len(run) <= 4 and names + sum(word.text in self._particles for word in run) == len(run)
                    and not any(_ENDING.search(word.text) for word in run)
                    and names >= 2 and _starts_field(text, run[0].start, _ROW_STARTS)
                    and _FIELD_END.match(text, run[-1].end)):
                yield index, last
            index = last + 1

    def _turn_seeds(self, text: str, words: list[_Word]) -> Iterable[tuple[int, int]]:
        """A message of a joined transcript that is only a name, emoji and punctuation aside ("Marcia",
        "👋 Delia", "Sorana 👍"): one to three words, each name-like or a particle, at least one name-like.
        Only where the text joins several messages (a window title is never one)."""
        if _TURN_SEPARATOR not in text:
            return
        index = 0
        for match in _TURN.finditer(text):
            while index < len(words) and words[index].start < match.start():
                index += 1
            last = index
            while last < len(words) and words[last].end <= match.end():
                last += 1
            run = words[index:last]
            if (1 <= len(run) <= 3 and any(self.name_like(word) for word in run)
                    and all(self.name_like(word) or word.text in self._particles for word in run)
                    and _only_words(text, match.start(), match.end(), run)):
                yield index, last - 1
            index = last

    def _opener_seeds(self, text: str, words: list[_Word]) -> Iterable[tuple[int, int]]:
        """Names that open a line or follow a verb before a preposition (`NameOpeners`): runs of capitalised
        words that are no app, UI, chat or stop word, or particles inside, one at least name-like."""
        def opener(index: int) -> bool:
            word = words[index]
            if not word.latin:
                return self.slot_word(word)
            bare = _ENDING.sub("", word.text).lower()
            # a capitalised stop word only inside a run, as Vietnamese given names are ("Nguyen Van An")
            stop = bare in STOP_WORDS and (len(bare) < 2 or index == 0 or not _capitalised(words[index - 1].text)
                                           or not _BLANK.fullmatch(text[words[index - 1].end:word.start]))
            return (_capitalised(word.text) and bare not in self._known and not stop) or word.text in self._particles

        return self._openers.seeds(text, words, opener, lambda index: self.name_like(words[index]))

    def _named_part(self, text: str, parts: list[tuple[int, int]]) -> tuple[int, int]:
        """The title part that names the person: the first, or the one after a people view
        ("Chat | Wu Feng | Teams"); "Search - Northwind - Slack" names none. (0, 0) for none."""
        for index, (first, last) in enumerate(parts):
            if not only_ui_terms(text[first:last], self._known):
                return first, last
            if text[first:last].strip().lower() not in self._views:
                return 0, 0
        return 0, 0

    def _script_seeds(self, text: str, words: list[_Word]) -> Iterable[tuple[int, int]]:
        """Short runs of non-Latin words standing alone in a text mostly of Latin words."""
        rule = self._rule.non_latin
        index = 0
        while index < len(words):
            if words[index].latin:
                index += 1
                continue
            last = index
            while (last + 1 < len(words) and not words[last + 1].latin
                   and _BLANK.fullmatch(text[words[last].end:words[last + 1].start])):
                last += 1
            run = words[index:last + 1]
            if (len(run) <= rule.max_words and all(self.slot_word(word) for word in run)
                    and sum(len(_LETTER.findall(word.text)) for word in run) >= rule.min_letters):
                yield index, last
            index = last + 1

    def _grown(self, text: str, words: list[_Word], first: int, last: int) -> tuple[int, int]:
        """A name widened over the name-like words beside it on its line: blank-separated, with
        particles between ("Kai van Bruchem"), and "Surname, Given" where the pair is a field."""
        for _ in range(self._rule.max_growth_words):
            step = self._step_right(text, words, last)
            if step is None:
                break
            last = step
        for _ in range(self._rule.max_growth_words):
            step = self._step_left(text, words, first)
            if step is None:
                break
            first = step
        return first, last

    def _step_right(self, text: str, words: list[_Word], last: int) -> int | None:
        """The last word of the name one step on to the right, or None."""
        after = last + 1
        if after < len(words) and _COMMA.fullmatch(text[words[last].end:words[after].start]):
            return after if self.name_like(words[after]) and _FIELD_END.match(text, words[after].end) else None
        return self._beside(text, words, last, 1)

    def _step_left(self, text: str, words: list[_Word], first: int) -> int | None:
        """The first word of the name one step on to the left, or None."""
        before = first - 1
        if before >= 0 and _COMMA.fullmatch(text[words[before].end:words[first].start]):
            return before if self.name_like(words[before]) and _starts_field(text, words[before].start, _FIELD_STARTS) else None
        return self._beside(text, words, first, -1)

    def _beside(self, text: str, words: list[_Word], edge: int, direction: int) -> int | None:
        """The name-like word a space away from word `edge` in `direction`, across at most two
        particles ("van der"); after a particle, any capitalised word that is no app or UI word
        ("van der Berg"). None when there is none."""
        index = edge
        for _ in range(3):
            following = index + direction
            if not 0 <= following < len(words):
                return None
            left, right = sorted((index, following))
            # A possessive ends a name: "Ana's Team", "Acme's Ana Lima" do not run on.
            if not _BLANK.fullmatch(text[words[left].end:words[right].start]) or _ENDING.search(words[left].text):
                return None
            word = words[following]
            if self.name_like(word) or (index != edge and word.text[0].isupper() and not word.text.isupper()
                                        and word.text.lower() not in self._known):
                return following
            if words[following].text not in self._particles:
                return None
            index = following
        return None

    def _recurring(self, words: list[_Word], names: list[tuple[int, int]], cued: list[tuple[int, int]]
                   ) -> list[tuple[int, int]]:
        """Each other place a part of a name found recurs, in any case and possessive or not: its
        name-like words, and the words found in a slot."""
        minimum = self._rule.min_recurring_letters
        parts = {_bare(words[index].text) for first, last in names for index in range(first, last + 1)
                 if len(_LETTER.findall(words[index].text)) >= minimum and self.name_like(words[index])}
        parts |= {_bare(words[index].text) for index, _ in cued}
        return [(index, index) for index, word in enumerate(words) if _bare(word.text) in parts]


def name_context_recognizer(data: RecognizerData, ui_terms: frozenset[str],
                            is_word: Callable[[str], bool]) -> NameContextRecognizer:
    """The recognizer with `data`'s rule and given names; app, UI, chat and work words are no names."""
    stop_words = frozenset(term_list(data.person_names.stop_words))
    known = {*ui_terms, *term_list(data.addressees.chat_words), *stop_words}
    return NameContextRecognizer(data.person_names, frozenset(term_list(data.first_names.terms)), is_word,
                                 frozenset(known), frozenset(data.speaker_labels.word_names), stop_words)


@cache
def _verb_forms() -> VerbForms:
    """The verbs of the shipped model's lemma tables (read once)."""
    return VerbForms.from_lookups(Lookups().from_disk(LOOKUPS_DIR))


def _capitalised(word: str) -> bool:
    """A capital first letter and not all capitals ("Ana", not "DM" or "ana")."""
    return word[0].isupper() and not (len(word) > 1 and word.isupper())


def _name_end(word: _Word) -> int:
    """Where a name ends in the word: before a possessive or contraction ending ("Ana's")."""
    ending = _ENDING.search(word.text)
    return word.end - (len(ending.group()) if ending else 0)


def _bare(word: str) -> str:
    """A word in lower case without a possessive "'s"."""
    return _POSSESSIVE.sub("", word.lower())


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Word ranges with those that overlap joined."""
    merged: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def _only_words(text: str, start: int, end: int, run: list[_Word]) -> bool:
    """Whether characters start..end of `text` hold no letter or digit outside the words of `run`."""
    bounds = [start, *(edge for word in run for edge in (word.start, word.end)), end]
    return not any(_NOT_NAME_CHARACTER.search(text, bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2))


def _starts_field(text: str, position: int, delimiters: frozenset[str]) -> bool:
    """Whether only spaces stand between `position` and the start of the text or one of `delimiters`."""
    while position > 0 and text[position - 1] == " ":
        position -= 1
    return position == 0 or text[position - 1] in delimiters


def _covering(words: list[_Word], start: int, end: int) -> Iterable[tuple[int, int]]:
    """The first and last word wholly inside characters start..end, if any (by bisection: words are in
    order), a possessive ending aside. A span of part of a word ("Linux" of "Linux-Apache-MySQL") does
    not take the word."""
    first = bisect.bisect_left(words, start, key=lambda word: word.start)
    last = bisect.bisect_right(words, end, key=_name_end) - 1
    if first <= last:
        yield first, last


def _cue_pattern(cues: tuple[str, ...], before: bool) -> regex.Pattern:
    """The cues as whole words, case-insensitive; a blank or two where the name stands next to them."""
    phrases = "|".join(r"[ \t]{1,3}".join(regex.escape(part) for part in cue.split())
                       for cue in sorted(cues, key=len, reverse=True))
    if before:  # a sign-off or greeting may end in a comma ("cheers, kana", "Thanks,\nAna")
        return regex.compile(rf"(?<![\w@#])(?:{phrases})(?:[ \t]{{1,2}}|,[ \t]{{0,2}}\n?[ \t]{{0,2}})(?=\S)",
                             regex.IGNORECASE)
    return regex.compile(rf"[ \t]{{1,2}}(?:{phrases})(?!\w)", regex.IGNORECASE)
