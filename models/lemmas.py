"""Lemmas without part-of-speech tags, from the model's own rule tables: with them the tagger, the
attribute ruler and the rule lemmatizer (half of spaCy's time per token) can be switched off while
Presidio's context words and the category term lists still match inflected forms."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc

FACTORY = "pos_free_lemmatizer"
PARTS_OF_SPEECH = ("verb", "noun", "adj", "adv")


class PosFreeLemmatizer:
    """The readings the tagger would mostly choose, without tags. Inflections first: an irregular
    form takes its exception ("paid" -> "pay", "was" -> "be"; not a word that is itself a verb:
    "rent" stays, not "rend"), else the first verb, then noun, rule that gives a known base form
    ("diagnosed" -> "diagnose", "refunds" -> "refund"). Else a base form of any part of speech is
    its own lemma ("number", not the comparative of "numb"); else adjective and adverb forms; else an
    unknown plural loses its "s" ("ssns", not "marcus"). Stop words take only exceptions and verb
    rules ("does" -> "do", "as" stays). Lemmas are lower case, as Presidio and the phrase matcher
    compare them."""

    def __init__(self, lookups: Lookups, max_cached: int = 200_000):
        index, exceptions, rules = (lookups.get_table(name) for name in ("lemma_index", "lemma_exc", "lemma_rules"))
        self._index = {pos: frozenset(index.get(pos, ())) for pos in PARTS_OF_SPEECH}
        self._exceptions = {pos: exceptions.get(pos, {}) for pos in PARTS_OF_SPEECH}
        self._rules = {pos: [tuple(rule) for rule in rules.get(pos, ())] for pos in PARTS_OF_SPEECH}
        self._cache: dict[int, int] = {}  # lower-case form's hash -> lemma's hash
        self._max_cached = max_cached

    def lemma(self, word: str, stop_word: bool = False) -> str:
        """The lemma of a lower-case word."""
        if not word.isalpha():
            return word
        found = (None if word in self._index["verb"] else self._excepted(word, ("verb",))) \
            or self._excepted(word, ("noun",))
        if found or stop_word:
            return found or self._ruled(word, ("verb",)) or word
        found = self._ruled(word, ("verb", "noun"))
        if found:
            return found
        if any(word in self._index[pos] for pos in PARTS_OF_SPEECH):
            return word
        found = self._excepted(word, ("adj", "adv")) or self._ruled(word, ("adj", "adv"))
        if found:
            return found
        return word[:-1] if len(word) > 3 and word[-1] == "s" and word[-2] not in "siu" else word

    def known(self, word: str) -> bool:
        """Whether a lower-case word is an English word of the tables, as written or inflected."""
        if any(word in self._index[pos] or word in self._exceptions[pos] for pos in PARTS_OF_SPEECH):
            return True
        lemma = self.lemma(word)
        return lemma != word and any(lemma in self._index[pos] for pos in PARTS_OF_SPEECH)

    def _excepted(self, word: str, parts: tuple[str, ...]) -> str | None:
        return next((forms[0] for pos in parts if (forms := self._exceptions[pos].get(word))), None)

    def _ruled(self, word: str, parts: tuple[str, ...]) -> str | None:
        return next((form for pos in parts for old, new in self._rules[pos] if word.endswith(old)
                     and (form := word[:len(word) - len(old)] + new) and form in self._index[pos]), None)

    def __call__(self, doc: Doc) -> Doc:
        """Sets every token's lemma, cached by its lower-case form."""
        if len(self._cache) > self._max_cached:  # a worker that runs for weeks sees ever new tokens
            self._cache.clear()
        strings = doc.vocab.strings
        for token in doc:
            lemma = self._cache.get(token.lower)
            if lemma is None:
                lemma = self._cache[token.lower] = strings.add(self.lemma(token.lower_, token.is_stop))
            token.lemma = lemma
        return doc


def lemma_table_words(lookups: Lookups, stop_words: Iterable[str]) -> Callable[[str], bool]:
    """Whether a lower-case word is English: a stop word, or a word of the lemma tables `lookups`."""
    lemmatizer = PosFreeLemmatizer(lookups)
    stops = frozenset(stop_words)
    return lambda word: word in stops or lemmatizer.known(word)


@Language.factory(FACTORY)
def make_pos_free_lemmatizer(nlp: Language, name: str, tables_from: str = "lemmatizer") -> PosFreeLemmatizer:
    """The component, with the rule tables of the model's own (switched-off) lemmatizer `tables_from`."""
    if tables_from not in nlp.component_names:
        raise ValueError(f"{FACTORY} takes its tables from the model's {tables_from!r} component, which it lacks "
                         f"(components: {nlp.component_names})")
    return PosFreeLemmatizer(nlp.get_pipe(tables_from).lookups)
