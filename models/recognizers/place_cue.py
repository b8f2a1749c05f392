"""Places named after a cue of where someone lives, comes from or travels (`i live in leeds`, `moved to
porto last year`, `ich wohne in uelzen`): NER misses places written in lower case, as chat and speech
recognition write them. A word counts when it is no English word, or a noun only (the lemma tables list
cities: `leeds`, `porto`), and is no app, UI, chat or listed ordinary word (`in town`, `to production`)."""
from __future__ import annotations

from collections.abc import Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lookups import Lookups

from models.recognizers.config import PlaceCues
from models.recognizers.phrases import phrase_trie

_BLANKS = r"[ \t]{1,3}"
# A word after a cue: not the letters of a name with a number or a dot in it (`libpython3.5`, `node_modules`).
_WORD = regex.compile(r"[ \t]{1,3}(\p{L}[\p{L}\p{M}'’\-]{0,40})(?![\p{L}\p{M}\d_@/]|[.\-]\w)")
# The word before a cue, past the verbs and adverbs between a subject and it ("the service is now based in").
_SUBJECT = regex.compile(r"(\p{L}+)[ \t]{1,3}(?:(?:is|are|was|were|has|have|had|been|being|all|now|also|just|"
                         r"already|still|actually|mostly|originally|currently|usually|always|probably|should|will|"
                         r"would|could|can|may|might|must)[ \t]{1,3}){0,3}$", regex.IGNORECASE)
_SUBJECT_REACH = 80


class PlaceCueRecognizer(EntityRecognizer):
    """LOCATION for the words after a place cue of recognizers.yaml `place_cues`."""

    def __init__(self, rule: PlaceCues, is_word: Callable[[str], bool], nouns_only: frozenset[str],
                 listed: frozenset[str]) -> None:
        self._rule = rule
        cues = phrase_trie(rule.cues, space=_BLANKS)
        self._cue = regex.compile(rf"(?i:(?<![\w\-])(?:{cues}))(?![\w\-])")
        self._is_word, self._nouns_only = is_word, nouns_only
        self._not_places = listed | frozenset(rule.not_places)
        self._particles = frozenset(rule.particles)
        self._things = frozenset(rule.things_before)
        super().__init__(supported_entities=["LOCATION"], supported_language="en", name="PlaceCueRecognizer")

    def load(self) -> None:
        """Nothing to load: the cues and word tests come with the constructor."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        """The place after each cue: its first word, and more after a particle ("vila do conde") or when no
        English word ("milton keynes"), up to `max_words` in all."""
        results = []
        for cue in self._cue.finditer(text):
            if self.thing_before(text, cue.start()):
                continue
            start = end = None
            position, words, after_particle = cue.end(), 0, False
            while words < self._rule.max_words and (word := _WORD.match(text, position)):
                lower = word.group(1).lower()
                if start is not None and not after_particle and lower in self._particles:
                    after_particle, position = True, word.end()
                    continue
                # Another word of a place's kind goes on ("milton keynes", "san sebastián"); any other word ends
                # the name ("porto last year").
                if not self.is_place_word(lower):
                    break
                start = word.start(1) if start is None else start
                end, position, words, after_particle = word.end(1), word.end(), words + 1, False
            if start is not None:
                results.append(RecognizerResult("LOCATION", start, end, self._rule.score))
        return results

    def thing_before(self, text: str, position: int) -> bool:
        """Whether the cue ending its subject at `position` has a thing as its subject ("the logs live in")."""
        subject = _SUBJECT.search(text, max(0, position - _SUBJECT_REACH), position)
        return subject is not None and subject.group(1).lower() in self._things

    def is_place_word(self, word: str) -> bool:
        """Whether a lower-case word after a cue can be (part of) a place's name."""
        if len(word) < 3 or word in self._not_places:
            return False
        return not self._is_word(word) or word in self._nouns_only


def nouns_only(lookups: Lookups) -> frozenset[str]:
    """The words the lemma tables list as nouns and as nothing else: place names are among them."""
    index = lookups.get_table("lemma_index")
    others = {word for pos in ("verb", "adj", "adv") for word in index.get(pos, ())}
    return frozenset(word for word in index.get("noun", ()) if word.isalpha() and word not in others)
