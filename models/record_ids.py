"""The record id as written to the sink: as given when it cannot say who the record is about,
else a keyed pseudonym. Ids are the one free-form value the sink needs whole (readers join and
deduplicate on them), so each is checked rather than masked in part."""
from __future__ import annotations

from functools import cache
from typing import Iterable

import regex

from models.config_files import term_list
from models.pseudonyms import pseudonymize
from models.recognizers.config import recognizer_data
from models.value_search import ValueSearch

PREFIX = "rid-"
# Seven or more digits, separators allowed between them: a phone, SSN, card or account number.
_DIGIT_RUN = regex.compile(r"\d(?:[\s._:/\-]?\d){6,}")
# Two capitalised words run together or joined by a separator: a "Firstname.Lastname" handle.
_NAME_PAIR = regex.compile(r"\p{Lu}\p{Ll}+[\s._:/\-]?\p{Lu}\p{Ll}+")
_LETTER_RUN = regex.compile(r"\p{L}+")
_SEPARATORS = regex.compile(r"[._:/\-]")


def written_record_id(record_id: str, holder_ids: Iterable[str | None], values: ValueSearch, key: bytes) -> str:
    """`record_id` itself, or `rid-` and its keyed digest when it may identify someone: it holds
    the record's raw user or session id, a value masked elsewhere in the record, a known given
    name, a name-shaped pair of words, or a long run of digits."""
    if not identifying(record_id, holder_ids, values):
        return record_id
    return PREFIX + pseudonymize(record_id, key, domain="record_id")[:32]


def identifying(record_id: str, holder_ids: Iterable[str | None], values: ValueSearch) -> bool:
    """Whether `record_id` may say who the record is about (see `written_record_id`)."""
    folded = record_id.casefold()
    if any(holder and len(holder.strip()) >= 3 and holder.strip().casefold() in folded for holder in holder_ids):
        return True
    if _DIGIT_RUN.search(record_id) or _NAME_PAIR.search(record_id):
        return True
    if values.spans(_SEPARATORS.sub(" ", record_id)):
        return True
    names = _given_names()
    return any(word.casefold() in names for word in _LETTER_RUN.findall(record_id))


@cache
def _given_names() -> frozenset[str]:
    return frozenset(term_list(recognizer_data().first_names.terms))
