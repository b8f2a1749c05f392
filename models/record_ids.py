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
_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_ULID = r"[0-9A-HJKMNP-TV-Z]{26}"
# Ids opaque by construction, written as given: a UUID, a ULID or a hex digest, after an optional
# short prefix ("rec-", "ks_"). Their digits can run long by chance (a third of random UUIDs hold
# seven in a row), so the digit check below would otherwise replace them.
_OPAQUE = regex.compile(rf"^(?:[A-Za-z]{{1,8}}[-_:])?(?:{_UUID}|{_ULID}|[0-9a-f]{{16,64}}|[0-9A-F]{{16,64}})$")
# Seven or more digits, separators allowed between them: a phone, SSN, card or account number.
_DIGIT_RUN = regex.compile(r"\d(?:[\s._:/\-]*\d){6,}")
# Two capitalised words run together or joined by a separator: a "Firstname.Lastname" handle.
_NAME_PAIR = regex.compile(r"\p{Lu}\p{Ll}+[\s._:/\-]?\p{Lu}\p{Ll}+")
# A long mixed token between separators: a key or token shape (AKIA..., ghp_...).
_TOKEN = regex.compile(r"(?<![^\W_])(?=[^\W_]*\d)(?=[^\W_]*\p{Lu})[^\W_]{16,}")
_LETTER_RUN = regex.compile(r"\p{L}+")
_SEPARATORS = regex.compile(r"[._:/\-]")
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
# Shorter held ids ("u1") would match too much by chance.
_MIN_HOLDER_CHARS = 4


def written_record_id(record_id: str, holder_ids: Iterable[str | None], values: ValueSearch, key: bytes) -> str:
    """`record_id` itself, or `rid-` and its keyed digest when it may identify someone: it holds
    the record's raw user or session id, a value masked elsewhere in the record, a known given
    name, a name-shaped pair of words, a key-shaped token or a long run of digits. UUIDs, ULIDs
    and hex digests are written as given."""
    if not identifying(record_id, holder_ids, values):
        return record_id
    return PREFIX + pseudonymize(record_id, key, domain="record_id")[:32]


def identifying(record_id: str, holder_ids: Iterable[str | None], values: ValueSearch) -> bool:
    """Whether `record_id` may say who the record is about (see `written_record_id`). The raw
    ids are compared with case and separators ignored (`emp.4821` holds `EMP-4821`)."""
    if _OPAQUE.match(record_id):
        return False
    folded = _NOT_ALNUM.sub("", record_id).casefold()
    held = (_NOT_ALNUM.sub("", holder).casefold() for holder in holder_ids if holder)
    if any(len(holder) >= _MIN_HOLDER_CHARS and holder in folded for holder in held):
        return True
    if _DIGIT_RUN.search(record_id) or _NAME_PAIR.search(record_id) or _TOKEN.search(record_id):
        return True
    if values.spans(_SEPARATORS.sub(" ", record_id)):
        return True
    names = _given_names()
    return any(word.casefold() in names for word in _LETTER_RUN.findall(record_id))


@cache
def _given_names() -> frozenset[str]:
    return frozenset(term_list(recognizer_data().first_names.terms))
