"""Digits-only address parts, bare phone digits and lower-case keys said in talk (issue 15, probe_talk_numbers):
a postal code after a country or a place, or ending an address block's line, a building number before a street
and its number, a house number said after the street; a run of 9 to 15 digits after a verb of calling or a phone
cue; a key on the line after its cue's colon. Beside each, the work numbers and identifiers that stay."""
from __future__ import annotations

import re

import pytest

from tests.conftest import transcript, written_text


@pytest.fixture(scope="module")
def streets(analyzer) -> list:
    return [r for r in analyzer.registry.recognizers if r.name.startswith("StreetAddresses")]


@pytest.fixture(scope="module")
def phones(analyzer) -> list:
    return [r for r in analyzer.registry.recognizers if r.name.startswith("PhoneNumbers")]


@pytest.fixture(scope="module")
def secrets(analyzer) -> list:
    return [r for r in analyzer.registry.recognizers if r.name == "PatternSetSecretRecognizer"]


def _found(recognizers: list, text: str) -> set[str]:
    return {text[r.start:r.end] for x in recognizers for r in x.analyze(text, x.supported_entities)}


def _covered(recognizers: list, text: str, value: str) -> bool:
    start = text.rindex(value)
    return any(r.start <= start and start + len(value) <= r.end
               for x in recognizers for r in x.analyze(text, x.supported_entities))


def _still(value: str, written: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", written) is not None


ADDRESS_DIGITS = [
    ("Stephan Urner\n\n4844 Søndergade 52\n Apt. 656\n Brønderslev\n\n Denmark 35018", "35018"),
    ("??? Csenger Gábor\n??? 78321 Ombù 9091\n??? Suite 967\n??? Uruguay 33963", "78321"),
    ("The bus drops you off at 07576 Magasinsgatan 7 St.", "07576"),
    ("> belgium 97466", "97466"),
    ("Adresse: Kastanienweg 5\nÖsterreich 1010", "1010"),
    ("the postcode for Lyon is 69003", "69003"),
    ("she lives in Yokohama, postcode 240-0001", "240-0001"),
    ("it's on Kastanienallee, number 12", "12"),
    ("the street is Schaubstrasse and the number is 407", "407"),
    ("send the samples to Hauptstraße 12, Hechingen 57161", "57161"),
    ("she lives in Mezzano Scotti, 90025", "90025"),
    ("I'm staying near Bikaner 833185 this week", "833185"),
    ("Billing address: Sophie Lang\n    3482 Via Franscini 71 Suite 838\n   Tujetsch\n    7188", "7188"),
    ("the office is Hauptweg 5\nMuller-sur-Alves 71205", "71205"),
    ("Kiannonkatu 98\nDenmark 35018", "35018"),
    ("Billing address:\nKiannonkatu 98\nApt 5\nPetitjean 82907", "82907"),
    ("Sophie Lang\n4844 Søndergade 52\nBrønderslev\nDenmark 35018\n\nLars Holm\n12 Vestergade 3", "35018"),
]


@pytest.mark.parametrize("text, value", ADDRESS_DIGITS, ids=[t[:28] for t, _ in ADDRESS_DIGITS])
def test_digits_of_an_address_said_apart_are_found(streets, text, value):
    assert _covered(streets, text, value)


ADDRESS_KEPT = [
    "tracked in Jira 45213.", "World Cup winners: Italy 2006", "see you in Berlin 2026", "postgres listens on port 5432",
    "Release notes\nJira 4521\nPort 5432\nAcme 2024", "the invoice came to 1450 EUR", "we're still on Python 3.12",
    "Monday, number 3 is the agenda item", "Thanks, no. 3 is fine", "1 Introduction\n2 Methods", "moved to room 4.12", "build 20261207 failed",
    "the IP address is 10.0.0.1\nPort 5432", "we have 12000 users in Germany", "I was in Spain 10 days",
    # figures of a list or a table by country, a contents page, a ranked table
    "Sales by country\nGermany 12345\nFrance 23456\nChad 4500", "users: India 45000, USA 12000, UK 9000",
    "1 Germany 12345\n2 France 23456\n3 Chad 4500", "Top markets\nCanada 8800\nMexico 6100\nBrazil 5200",
    "Contents\n1 Introduction 3\n2 Background 5\n3 Methods 9", "Total 12000\nUsed 4500\nFree 7500",
]


@pytest.mark.parametrize("text", ADDRESS_KEPT, ids=[f"kept-{i}" for i in range(len(ADDRESS_KEPT))])
def test_work_numbers_beside_capitalised_words_stay(streets, text):
    assert _found(streets, text) == set()


PHONES = [("text 358738108591 when you land", "358738108591"),
          ("ring the front desk on 736370411, ask for the manager", "736370411"),
          ("Fax: 9498777106", "9498777106"), ("her number is 34800649437!", "34800649437"),
          ("can you reach the hotline at 913889924987?", "913889924987"), ("Mobile: 0612345678", "0612345678")]


@pytest.mark.parametrize("text, value", PHONES, ids=[t[:25] for t, _ in PHONES])
def test_a_phone_said_as_a_bare_run_of_digits_is_found(phones, text, value):
    assert _covered(phones, text, value)


@pytest.mark.parametrize("text", ["we reach 150000000 users a month", "message 1733569200123 was dropped",
                                  "call me at 5, I'm in a meeting", "the job id is 1733569200",
                                  "call on 20261207 with the vendor", "order 884213990 shipped"])
def test_counts_ids_and_dates_after_the_same_words_stay(phones, text):
    assert _found(phones, text) == set()


@pytest.mark.parametrize("text, value", [("Vault token:\n3jyahw2dg4uts5zfqfyz2n2xbxbum2i2", "3jyahw2dg4uts5zfqfyz2n2xbxbum2i2"),
                                         ("Stripe test key:\n  b6f7b719744a563d3198bc3314fdc588ab72ef97",
                                          "b6f7b719744a563d3198bc3314fdc588ab72ef97"),
                                         ("Stripe key:\nsk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
                                         ("Deploy token:\ngldt_9f8e7d6c5b4a3f2e1d0c", "gldt_9f8e7d6c5b4a3f2e1d0c")])
def test_a_key_on_the_line_after_its_cue_is_found(secrets, text, value):
    assert _covered(secrets, text, value)


@pytest.mark.parametrize("text", ["Primary key:\nuser_id", "Sentry token:\nsee the vault", "API key:\n\nproducts",
                                  "Datadog metric: kubernetescpuusagetotal", "Primary key:\nuser_id_primary_2024",
                                  "Partition key:\n  event_date_2024_q3"])
def test_words_on_the_line_after_a_key_cue_stay(secrets, text):
    assert _found(secrets, text) == set()


def test_the_real_detector_masks_said_numbers_and_keeps_the_work(detector, analyzer_settings, policy):
    turns = ["Maureen Thibault\n\n41086 Kiannonkatu 98\n Suite 464\n OULU\n\n Finland 80896",
             "text 358738108591 when you land", "Vault token:\n3jyahw2dg4uts5zfqfyz2n2xbxbum2i2",
             "PR 12345 needs one more approval, port 5432 is open, build 20261207 failed"]
    written = written_text(detector, analyzer_settings, policy, transcript(*turns))
    assert [v for v in ("41086", "80896", "358738108591", "3jyahw2dg4uts5zfqfyz2n2xbxbum2i2") if _still(v, written)] == []
    assert [w for w in ("12345", "5432", "20261207", "approval", "failed") if not _still(w, written)] == []


@pytest.mark.parametrize("text", ["Denmark " * 12_500, "1 Ab " * 20_000, "address\n" + "Ab 12345\n" * 11_111,
                                  "text " * 20_000, "key:\n" * 20_000])
def test_hostile_repeats_are_scanned_whole(streets, phones, secrets, text):
    """100,000 characters of crafted repeats are scanned to the end (every lookaround is bounded)."""
    assert len(text) >= 99_990
    _found(streets + phones + secrets, text)
