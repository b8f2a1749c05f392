"""Whether a part of a `user@host` login is an ordinary word: such a part is not searched across the
record alone ("deploy@bastion-01": "the deploy failed" stays), a name-like one is ("vargaz")."""
from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import Lookups

from models.config_files import DATA_DIR, term_list
from models.lemmas import lemma_table_words
from models.recognizers.config import recognizer_data

# The lemma tables of the shipped model: the recognizers' English-word test (models/engine.py) on them.
LOOKUPS_DIR = DATA_DIR / "ner" / "lemmatizer" / "lookups"


@cache
def _ordinary_words() -> tuple[Callable[[str], bool], frozenset[str]]:
    data = recognizer_data()
    listed = {*term_list(data.ui_terms.terms), *term_list(data.addressees.chat_words), *data.bare_handles.code_words,
              *data.work_identifiers["usernames"].word_list("system_accounts"),
              *data.work_identifiers["credentials"].word_list("service_accounts")}
    return lemma_table_words(Lookups().from_disk(LOOKUPS_DIR), STOP_WORDS), frozenset(w.lower() for w in listed)


def is_ordinary_word(part: str) -> bool:
    """Whether a letters-only login part is an English, app, UI, chat or system word (any case)."""
    is_english, listed = _ordinary_words()
    word = part.lower()
    return word in listed or is_english(word)
