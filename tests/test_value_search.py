"""ValueSearch: one pass per kind of match finds what one regex per value finds, and masked-value
propagation stays one compiled search however many values a record holds."""
import re

import pytest
from hypothesis import example, given, settings, strategies as st

from models.deadline import DeadlineExceeded, record_deadline
from models.placeholders import merge_spans
from models.value_search import PREFIX_CHARS, ValueMatch, ValueSearch

_ALPHABET = "abAB .-@é"


def _naive(matches: set[ValueMatch], text: str) -> set[int]:
    """Characters covered by one regex per value, every occurrence, overlapping ones too ('@@' twice in '@@@')."""
    covered = set()
    for match in matches:
        body = re.escape(match.value)
        pattern = rf"(?<!\w)(?=({body})(?!\w))" if match.whole_word else rf"(?=({body}))"
        for found in re.finditer(pattern, text, re.IGNORECASE if match.ignore_case else 0):
            covered.update(range(found.start(1), found.end(1)))
    return covered


def _covered(spans) -> set[int]:
    return {p for span in merge_spans(spans) for p in range(span.start, span.end)}


@settings(max_examples=300, deadline=None)
@example(values={('@@', False, False)}, text='@@@')
@given(values=st.sets(st.tuples(st.text(_ALPHABET, min_size=1, max_size=5), st.booleans(), st.booleans()),
                      max_size=8),
       text=st.text(_ALPHABET, max_size=40))
def test_covers_exactly_what_one_regex_per_value_covers(values, text):
    matches = {ValueMatch(value, "PERSON", ignore_case, whole_word) for value, ignore_case, whole_word in values}
    assert _covered(ValueSearch(matches).spans(text)) == _naive(matches, text)


def test_overlapping_values_are_both_covered():
    search = ValueSearch({ValueMatch("abc", "X"), ValueMatch("bcd", "Y")})
    assert _covered(search.spans("xabcdx")) == {1, 2, 3, 4}


def test_a_match_takes_its_values_entity_type():
    search = ValueSearch({ValueMatch("jane@example.com", "EMAIL_ADDRESS"),
                          ValueMatch("Jane", "PERSON", ignore_case=True, whole_word=True)})
    found = {(s.entity_type, s.start, s.end) for s in search.spans("JANE wrote jane@example.com")}
    assert ("PERSON", 0, 4) in found and ("EMAIL_ADDRESS", 11, 27) in found


def test_thousands_of_values_compile_to_at_most_one_pattern_per_kind():
    matches = {ValueMatch(f"user{i}@example.com", "EMAIL_ADDRESS") for i in range(4000)}
    matches |= {ValueMatch(f"Name{i}", "PERSON", ignore_case=True, whole_word=True) for i in range(4000)}
    search = ValueSearch(matches)
    assert len(search._searches) == 2  # noqa: SLF001 - the cost model is what is tested
    assert _covered(search.spans("from user3999@example.com to name17")) == set(range(5, 25)) | set(range(29, 35))


def test_a_search_past_the_deadline_fails_the_record():
    search = ValueSearch({ValueMatch("a" * 50 + "b", "X")})
    with record_deadline(0.0), pytest.raises(DeadlineExceeded):
        search.spans("a" * 200_000)


def test_a_long_value_is_found_whole_and_its_prefix_alone_is_masked_too():
    token = "eyJ" + "Ab1_" * 4000  # 16,003 characters: deeper than any pattern could nest
    search = ValueSearch({ValueMatch(token, "SECRET"), ValueMatch("Priya", "PERSON", True, True)})
    text = f"a {token} b {token[:100]}Z priya"
    assert _covered(search.spans(text)) == (set(range(2, 2 + len(token)))
                                            | set(range(len(token) + 5, len(token) + 5 + PREFIX_CHARS))
                                            | set(range(len(text) - 5, len(text))))
