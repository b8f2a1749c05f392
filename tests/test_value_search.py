"""ValueSearch: one pass per kind of match finds what one regex per value finds, and masked-value
propagation stays one compiled search however many values a record holds."""
import re

import pytest
import regex
from hypothesis import example, given, settings, strategies as st

from models.deadline import DeadlineExceeded, record_deadline
from models.name_forms import joined_forms
from models.placeholders import merge_spans
from models.value_search import PREFIX_CHARS, ValueMatch, ValueSearch

_ALPHABET = "abAB .-_@é1"


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
    matches |= {ValueMatch(f"Name.{i}", "PERSON", ignore_case=True, whole_word=True) for i in range(4000)}
    search = ValueSearch(matches)
    assert len(search._searches) == 2  # noqa: SLF001 - the cost model is what is tested
    assert _covered(search.spans("from user3999@example.com to name.17")) == set(range(5, 25)) | set(range(29, 36))


def _surname(number: int) -> str:
    return "".join("bcdfghkmnprstvz"[int(digit)] for digit in f"{number:04d}").title() + "son"


def test_when_a_record_holds_thousands_of_names_then_their_login_forms_compile_to_no_pattern():
    names = [f"Grace {_surname(i)}" for i in range(4800)]
    matches = {ValueMatch(form, "USERNAME", ignore_case=True, whole_word=True)
               for name in names for form in joined_forms(name)}
    matches |= {ValueMatch(part, "PERSON", ignore_case=True, whole_word=True) for name in names
                for part in name.split()}
    search = ValueSearch(matches)
    assert len(matches) > 40_000 and search.compiled_values == 0
    text = f"see gitlab.acme.io/g{_surname(4799).lower()} and grace_{_surname(17)} or gracezzzzson"
    assert {(s.entity_type, text[s.start:s.end]) for s in search.spans(text)} == {
        ("USERNAME", f"g{_surname(4799).lower()}"), ("USERNAME", f"grace_{_surname(17)}")}


def test_when_a_value_is_not_one_or_two_hyphenated_words_then_it_is_compiled():
    search = ValueSearch({ValueMatch("priya.raman", "PERSON", True, True), ValueMatch("vargaz-pc-01", "USERNAME", True, True),
                          ValueMatch("okafor", "PERSON", True, True), ValueMatch("jane@example.com", "EMAIL_ADDRESS")})
    assert search.compiled_values == 3
    text = "Priya.Raman on vargaz-pc-01 with okafor, not okaforx or x_okafor"
    assert [text[s.start:s.end] for s in search.spans(text)] == ["Priya.Raman", "vargaz-pc-01", "okafor"]


def test_at_one_start_the_longest_value_wins_whether_looked_up_or_compiled():
    search = ValueSearch({ValueMatch("grace", "PERSON", True, True), ValueMatch("grace-okafor", "USERNAME", True, True),
                          ValueMatch("grace-okafor.dev", "URL", True, True)})
    text = "grace-okafor.dev, Grace-Okafor and GRACE"
    assert [(s.entity_type, s.start, s.end) for s in search.spans(text)] == [
        ("URL", 0, 16), ("USERNAME", 18, 30), ("PERSON", 35, 40)]


def test_building_a_search_past_the_deadline_fails_the_record():
    matches = {ValueMatch(f"name{i}", "PERSON", True, True) for i in range(5000)}
    with record_deadline(0.0), pytest.raises(DeadlineExceeded):
        ValueSearch(matches)


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


def test_when_case_is_ignored_then_a_looked_up_word_matches_as_the_regex_would():
    search = ValueSearch({ValueMatch("ilkay", "PERSON", True, True), ValueMatch("ilkay-demir", "USERNAME", True, True),
                          ValueMatch("Ozan", "PERSON", False, True)})
    text = "İLKAY, İlkay-Demir, ılkay, OZAN, Ozan"
    assert sorted(text[s.start:s.end] for s in search.spans(text)) == ["Ozan", "İLKAY", "İlkay-Demir"]


def test_when_case_is_ignored_then_a_looked_up_word_with_a_dotless_i_is_found_in_capitals():
    search = ValueSearch({ValueMatch("Aydın", "PERSON", True, True), ValueMatch("ılgın-ışık", "USERNAME", True, True)})
    text = "AYDIN and ILGIN-IŞIK wrote to aydın"
    assert [text[s.start:s.end] for s in search.spans(text)] == ["AYDIN", "ILGIN-IŞIK", "aydın"]
    # A value with a dotted capital I is held as it is, whose capital I the regex matches with "ı".
    search = ValueSearch({ValueMatch("İLKIN", "PERSON", True, True), ValueMatch("Ingrid", "PERSON", True, True)})
    text = "ilkın and INGRID"
    assert [text[s.start:s.end] for s in search.spans(text)] == ["ilkın", "INGRID"]
    assert search.compiled_values == 1


def test_when_case_is_ignored_then_a_looked_up_word_is_found_wherever_the_regex_would_find_it():
    # Every letter the regex folds together with another (its Unicode may be newer than Python's).
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    cased = "".join(regex.findall(r"[\p{Cased}\p{Changes_When_Casemapped}\p{Changes_When_Casefolded}]", every))
    missed = []
    for char in cased:
        if not regex.fullmatch(r"\w", char):
            continue
        value = f"q{char}q"
        literal = char.lower() if len(char.lower()) == 1 else char  # as the prefix tree holds it
        text = " ".join(f"q{other}q" for other in regex.findall(regex.escape(literal), cased, flags=regex.I | regex.V0))
        found = {text[s.start:s.end] for s in ValueSearch({ValueMatch(value, "PERSON", True, True)}).spans(text)}
        if found != set(text.split(" ")):
            missed.append(f"U+{ord(char):04X}")
    assert missed == []
