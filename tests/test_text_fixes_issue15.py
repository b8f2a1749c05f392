"""The text detectors' known wrong calls of issue 15, each a class with a positive and a hard negative:
speaker labels after list markers or in capitals, lower-case places after place cues, logins given
without "is", postal codes after a city beside a street, and the lookalikes that must stay (meeting-notes headings, spreadsheet formulas, date
stamps shaped like a personnummer, numbers that pass a national id check in work contexts, product
codes in the UK NI layout). Run on the real spaCy model and Presidio through the pipeline's detection."""
from __future__ import annotations

import re

import pytest
from spacy.lookups import Lookups

from models.login_words import LOOKUPS_DIR, is_ordinary_word
from models.recognizers.checked_number import CheckedNumberRecognizer
from models.recognizers.config import recognizer_data
from models.recognizers.ner_misreads import is_heading, without_cell_references
from models.recognizers.pattern_family import pattern_family_recognizers
from models.recognizers.place_cue import PlaceCueRecognizer, nouns_only
from tests.conftest import keystrokes, transcript, written_text

PESEL = "44051401359"  # passes the PESEL check (the format's published example)
STAMP = "20240315-0135"  # a date and time that passes the personnummer's Luhn digit


def _still(value: str, written: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", written) is not None


def _written(detector, settings, policy, text: str, typed: bool = False) -> str:
    return written_text(detector, settings, policy, keystrokes(text) if typed else transcript(text))


GONE = [
    ("- Jane Okafor: I think we should ship it Friday\n- Ana Lima: agreed", ["Okafor", "Lima"], False),
    ("• ZELMA JOHNSEN: can we revisit the budget numbers\n• MADE RUDZĪTE: yes", ["JOHNSEN", "RUDZĪTE"], False),
    ("2) Turan T.: not sure, let me check with legal", ["Turan"], False),
    ("HENRY BERRY: we still need sign-off from finance", ["HENRY", "BERRY"], False),
    ("▪ Timotej Hrovat - sounds good to me", ["Timotej", "Hrovat"], False),
    ("i live in leeds", ["leeds"], False),
    ("btw moved to porto last year", ["porto"], False),
    ("grew up in vila do conde", ["vila", "conde"], False),
    ("ich wohne in uelzen", ["uelzen"], False),
    ("commuting from Valpovo today", ["Valpovo"], False),
    ("username jdoe42, can you reset it?", ["jdoe42"], False),
    ("try Benutzer artur_bartel", ["artur_bartel"], False),
    ("connecté en tant que amy_moore", ["amy_moore"], False),
    ("nombre de usuario josette292", ["josette292"], True),
    ("ingelogd als dudikovaj\nthanks!", ["dudikovaj"], False),
    (f"PESEL: {PESEL}", [PESEL], True),
    ("NI number: AB123456C", ["AB123456C"], False),
    ("Ana Lima,AB123456C,2026-03-01", ["AB123456C"], True),
    ("Ana Lima\t=SUM(C2:C14)", ["Lima"], True),
    ("email: merle.delange@example.com\nMerle de Lange\nAbelpad 78, 6515 JR, Schagerbrug", ["Merle", "Lange"], True),
    ("pick me up at Calle Ebro 12, Granada, 05525", ["Ebro", "05525"], False),
    ("we moved to pl. Słoneczna 5\n58-509 Piastów", ["Słoneczna", "58-509"], True),
]


@pytest.mark.parametrize("text, values, typed", GONE, ids=[t[:30] for t, *_ in GONE])
def test_when_a_value_of_the_classes_is_written_then_it_is_masked(detector, analyzer_settings, policy, text, values,
                                                                   typed):
    written = _written(detector, analyzer_settings, policy, text, typed)
    assert not any(_still(value, written) for value in values)


KEPT = [
    ("Action Items:\n- update the runbook\nNext Steps: ship the hotfix\n## Open Questions\n- owner TBD",
     ["Action", "Items", "Next", "Steps", "Open", "Questions"], False),
    ("1. Key Takeaways:\n• nothing blocking\nKnown Issues: none\nLessons Learned: owner TBD",
     ["Key", "Takeaways", "Known", "Issues", "Lessons", "Learned"], False),
    ("ACTION ITEMS:\n- NEXT STEPS: draft the Q3 plan", ["ACTION", "ITEMS", "NEXT", "STEPS"], False),
    ("i live in fear of the monday deploy", ["fear", "monday"], False),
    ("moved to production last night", ["production"], False),
    ("i'm from the data team", ["data", "team"], False),
    ("based in part on the old design", ["part", "design"], False),
    ("user guide is outdated, login page returns 500", ["guide", "page"], False),
    ("logged in as myself", ["myself"], False),
    ("user data.csv is attached", ["data", "csv"], False),
    (f"snapshot {STAMP} is the last good one", [STAMP.split("-")[0], STAMP.split("-")[1]], True),
    (f"pedido {PESEL} enviado", [PESEL], False),
    (f"parcel {PESEL} delivered", [PESEL], True),
    (f"{PESEL} bytes written", [PESEL], False),
    ("SKU: AB123456C is back in stock", ["AB123456C"], True),
    ("Art.-Nr. CE123456A", ["CE123456A"], False),
    ("=SUM(B2:B48)", ["B2", "B48"], True),
    ("select B42:J22 and paste values", ["B42", "J22"], True),
]


@pytest.mark.parametrize("text, words, typed", KEPT, ids=[t[:30] for t, *_ in KEPT])
def test_when_work_text_looks_like_the_classes_then_its_words_stay(detector, analyzer_settings, policy, text, words,
                                                                   typed):
    written = _written(detector, analyzer_settings, policy, text, typed)
    assert all(_still(word, written) for word in words)


def test_when_a_word_follows_a_place_cue_then_a_noun_only_word_or_no_word_is_a_place():
    listed = frozenset()
    recognizer = PlaceCueRecognizer(recognizer_data().place_cues, is_ordinary_word,
                                    nouns_only(Lookups().from_disk(LOOKUPS_DIR)), listed)
    assert recognizer.is_place_word("leeds") and recognizer.is_place_word("komiža")
    assert not recognizer.is_place_word("fear") and not recognizer.is_place_word("town")
    spans = recognizer.analyze("we live in pec pod sněžkou now", ["LOCATION"])
    assert [("we live in pec pod sněžkou now"[r.start:r.end]) for r in spans] == ["pec pod sněžkou"]


def test_when_an_ner_person_holds_cell_references_then_only_its_name_piece_is_left():
    assert without_cell_references("B42", 0, 3) is None
    assert without_cell_references("GL471723A", 0, 9) is None
    text = 'B90,"Ana Lima"'
    start, end = without_cell_references(text, 0, len(text))
    assert text[start:end] == "Ana Lima"
    assert without_cell_references("jdoe42", 0, 6) == (0, 6)
    row = "Tóth, Benedek;Stade;AC1188-2129"
    start, end = without_cell_references(row, 0, len(row))
    assert row[start:end] == "Tóth, Benedek;Stade"


def test_when_a_label_of_words_starts_its_line_then_it_is_a_heading_unless_a_given_name_is_in_it():
    given = frozenset({"henry"})
    text = "- Next Steps: ship it\nHenry Berry: ok"
    assert is_heading(text, 2, 12, is_ordinary_word, given)
    assert not is_heading(text, 22, 33, is_ordinary_word, given)
    card = "email: m@x.example\nMerle de Lange\n## Open Questions"
    assert not is_heading(card, 19, 33, is_ordinary_word, given)
    assert is_heading(card, 37, 51, is_ordinary_word, given)


def test_when_a_count_word_follows_a_checked_number_then_it_is_no_id():
    recognizer = CheckedNumberRecognizer(recognizer_data().checked_numbers)
    assert not recognizer.analyze(f"{PESEL} rows loaded", ["NATIONAL_ID"])
    assert recognizer.analyze(f"{PESEL} Warszawa", ["NATIONAL_ID"])


def test_when_a_city_and_a_year_follow_a_street_then_only_a_postal_code_joins_the_address():
    streets = [r for r in pattern_family_recognizers(recognizer_data()) if "STREET_ADDRESS" in r.supported_entities]

    def spans(text: str) -> list[str]:
        return [text[r.start:r.end] for recognizer in streets for r in recognizer.analyze(text, ["STREET_ADDRESS"])]
    assert spans("Cuesta Ambrosio Porta 19\nCuenca, 48286") == ["Cuesta Ambrosio Porta 19\nCuenca, 48286"]
    assert spans("the store at Via Roma 12, Milano, 2026 lease renewal") == ["Via Roma 12"]
