"""Keystroke-typed identifiers as other writers type them (issue 15): one-case tokens in web addresses
judged by their letters not being words, and national ids of more countries kept by their check digits."""
from __future__ import annotations

import pytest

from models.login_words import is_ordinary_word
from models.recognizers.checked_number import CheckedNumberRecognizer
from models.recognizers.column_header import ColumnHeaderRecognizer
from models.recognizers.config import recognizer_data
from models.recognizers.national_phone import NationalPhoneRecognizer
from models.recognizers.url_token import UrlPathTokenRecognizer

DATA = recognizer_data()
URL_TOKENS = UrlPathTokenRecognizer(DATA, is_ordinary_word)
CHECKED = CheckedNumberRecognizer(DATA.checked_numbers)
PHONES = NationalPhoneRecognizer(DATA.national_phones)
COLUMNS = ColumnHeaderRecognizer(DATA.column_headers, is_ordinary_word)


def secrets(text: str) -> list[str]:
    return [text[r.start:r.end] for r in URL_TOKENS.analyze(text, ["SECRET"])]


def ids(text: str) -> list[str]:
    return [text[r.start:r.end] for r in CHECKED.analyze(text, ["NATIONAL_ID"])]


@pytest.mark.parametrize("text, token", [
    ("https://www.figma.com/design/3l61lik4ngri9wqjfemzha/Onboarding-flow?node-id=12-34", "3l61lik4ngri9wqjfemzha"),
    ("open 'https://docsend.com/view/j8v8za8otiwtel3l'", "j8v8za8otiwtel3l"),
    ("https://www.booking.com/mybooking.html?pincode=0913&bn=5572noqu", "5572noqu"),
    ("https://www.dropbox.com/scl/fi/q8x2mz0v7kd1wl4nt3bya/deck.pdf?dl=0", "q8x2mz0v7kd1wl4nt3bya"),
    ("see www.example-travel.com/trip?ref=k2m9x7q4pz", "k2m9x7q4pz"),
    ("HTTPS://DOCS.EXAMPLE.COM/D/3L61LIK4NGRI9WQJFEMZHA", "3L61LIK4NGRI9WQJFEMZHA"),   # a link typed in capitals
    ("https://example.com/trip?ref=K2M9X7Q4PZ", "K2M9X7Q4PZ"),
])
def test_a_one_case_token_in_a_web_address_is_a_secret(text, token):
    assert secrets(text) == [token]


@pytest.mark.parametrize("text", [
    "https://k8s1node2cluster.internal/api/v1/k8s1node2cluster",
    "https://example.com/blog/release-notes-2024",
    "https://github.com/acme/infra/commit/3f2a9c1e7b0d4e5fa1b2c3d4e5f6071812345678",
    "https://s3.console.aws.amazon.com/s3/buckets/s3bucket01?region=us-east-1",
    "https://github.com/apache/airflow/releases/tag/2.9.3",
    "https://docs.python.org/3.12/library/asyncio-task.html",
    "ls -l /dev/nvme0n1p1 /tmp/tmpa8x9k2lq",
    "https://app.example.com/reports?quarter=q3report2024&page=2",
    "HTTPS://EXAMPLE.COM/BLOG/RELEASE-NOTES-2024/KB5034441",
    "https://app.example.com/reports?quarter=Q3REPORT2024&page=2",
])
def test_ordinary_addresses_slugs_hashes_and_file_paths_keep_their_parts(text):
    assert secrets(text) == []


@pytest.mark.parametrize("valid, invalid", [
    ("870807-6065", "870807-6066"),              # Swedish personnummer
    ("756.9456.7801.31", "756.9456.7801.32"),    # Swiss AHV number
    ("23-42802225-4", "23-42802225-5"),          # Argentine CUIL
    ("5-5517-03802-60-4", "5-5517-03802-60-5"),  # Thai citizen id
    ("060281-18703", "060281-18704"),            # Latvian personal code
    ("45501237591", "45501237592"),              # Estonian isikukood
    ("05061876040", "05061876042"),              # Belgian national number, unformatted
    ("1581 180605", "1582 180605"),              # Austrian social insurance number
    ("120174-3399", "120174-3398"),              # Icelandic kennitala
    ("18724467014", "18724467015"),              # Brazilian CPF, unformatted
])
def test_a_national_id_of_more_countries_counts_only_when_its_check_digits_pass(valid, invalid):
    assert ids(f"Pia Samuelsson\t{valid}\t+46 8 123 456") == [valid]
    assert ids(f"Pia Samuelsson\t{invalid}\t+46 8 123 456") == []


@pytest.mark.parametrize("number", ["AB 12 34 56 C", "JG103759A", "ZZ 79 88 44 T"])
def test_a_uk_national_insurance_number_counts_by_its_prefix_letters(number):
    assert ids(f"Timothy Evans\t{number}\t(028) 9018 0737") == [number]


@pytest.mark.parametrize("text", ["DA123456C", "GB123456A", "model AB123456C", "ab123456c", "ISO27001"])
def test_a_code_with_letters_no_insurance_number_takes_is_none(text):
    assert ids(text) == []


@pytest.mark.parametrize("text, phone", [
    ("Ana Souza,ana@x.com,886 237 634", "886 237 634"),
    ("Anna\t612 34 56 78\tSales", "612 34 56 78"),
    ("Kallas;Maria;24800 97 704", "24800 97 704"),
    ("Ivan Petrov\n8 588 289 90 43\n", "8 588 289 90 43"),
    ("call me on 886 237 634 after five", "886 237 634"),
])
def test_digit_groups_with_no_trunk_prefix_are_a_phone_as_a_field_of_their_own(text, phone):
    assert phone in {text[r.start:r.end] for r in PHONES.analyze(text, ["PHONE_NUMBER"])}


@pytest.mark.parametrize("text", ["see 886 237 634 for the diff", "total 1 250 000", "1,234 567 890",
                                  "10 20 30 40 50", "192 168 1 100", "2026 11 30", "pid 12345 23456 34567",
                                  "550 555 93120"])
def test_digit_groups_in_a_sentence_or_amounts_and_addresses_are_no_phone(text):
    assert PHONES.analyze(text, ["PHONE_NUMBER"]) == []


@pytest.mark.parametrize("text", ["order 1581180605 shipped", "PO 870807-6065", "ts=1700000000000 ms",
                                  "bumped to v2024.11.0-rc2", "PLAT-2291 due 2026-01-15", "=SUM(B2:B48)"])
def test_order_numbers_timestamps_versions_and_dates_are_no_national_id(text):
    assert ids(text) == []


def cells(text: str) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start:r.end]) for r in COLUMNS.analyze(text, COLUMNS.supported_entities)]


@pytest.mark.parametrize("text, expected", [
    ("Nachname;Vorname;Telefon\nScotti;Elena;3894410091\n",
     [("PERSON", "Scotti"), ("PERSON", "Elena"), ("PHONE_NUMBER", "3894410091")]),
    ("Nom\tPrénom\tAdresse\nDupont\tMarie\t12 rue de la Paix\n",
     [("PERSON", "Dupont"), ("PERSON", "Marie"), ("STREET_ADDRESS", "12 rue de la Paix")]),
    ("name,email\nAna Souza,ana@x.com\nthanks, see you\n", [("PERSON", "Ana Souza"), ("EMAIL_ADDRESS", "ana@x.com")]),
    ("Employee | SSN\nPark | 123-45-6789\n", [("PERSON", "Park"), ("NATIONAL_ID", "123-45-6789")]),
    # a header cell ending in "." or "#", a quoted cell holding the delimiter, a login and its password
    ("Full Name,Mobile No.\nAna Souza,612345678\n", [("PERSON", "Ana Souza"), ("PHONE_NUMBER", "612345678")]),
    ("Name;Tel.\nAna Souza;612345678\n", [("PERSON", "Ana Souza"), ("PHONE_NUMBER", "612345678")]),
    ('"Name","Phone"\n"Souza, Ana","612345678"\n', [("PERSON", "Souza, Ana"), ("PHONE_NUMBER", "612345678")]),
    ("username,password\nasouza,Sommer2024\n", [("USERNAME", "asouza"), ("SECRET", "Sommer2024")]),
    ("Benutzername;Passwort\nasouza;Sommer2024\n", [("USERNAME", "asouza"), ("SECRET", "Sommer2024")]),
])
def test_cells_under_a_header_naming_a_personal_column_take_its_entity(text, expected):
    assert cells(text) == expected


@pytest.mark.parametrize("text", [
    "Name\tPrice\tSKU\nWidget Pro\t12.99\tA-1\n",            # a generic "name" alone: a product table
    "Region\tQ1\tQ2\nEMEA\t1200\t1300\n",
    "phone,notes\n2 units,call back\n",                          # too few digits for a number
    "name,email\nAna Souza;ana@x.com\n",                         # a row of another delimiter
    "id,name,created_at\n1,Alice,2024-01-01\n",
    "Pin;Function\nGPIO17;status LED\n",                        # a board's pins, no PIN code
    'Name,Phone\n"Souza, Ana,612345678\n',                      # quotes that do not pair: split as before
    "user,password\nasouza,n/a later\n",                        # a password cell of words
])
def test_tables_with_no_personal_column_or_rows_unlike_their_header_keep_their_cells(text):
    assert cells(text) == []


def test_the_column_recognizer_reads_100k_hostile_characters_in_one_pass():
    for text in ("name;" * 20_000, "name;phone\n" + "a;1\n" * 25_000, ";" * 100_000, "\n" * 100_000):
        COLUMNS.analyze(text, COLUMNS.supported_entities)


def test_the_real_analyzer_masks_typed_tokens_and_ids_and_keeps_work_addresses(analyzer, analyzer_settings):
    def found(text: str) -> set[tuple[str, str]]:
        return {(r.entity_type, text[r.start:r.end])
                for r in analyzer.analyze(text=text, language="en", score_threshold=analyzer_settings.score_threshold)}

    chat = "new deck is up https://www.figma.com/design/q2wmyiqtb5e4rda54d30nk/Onboarding-flow pls review\n"
    assert ("SECRET", "q2wmyiqtb5e4rda54d30nk") in found(chat)
    assert ("NATIONAL_ID", "870807-6065") in found("Tyra Lundström\t870807-6065\t08-243 064 93\n")
    work = "see https://example.com/blog/release-notes-2024 and https://k8s1node2cluster.internal/api/v1/pods\n"
    assert not {entity for entity, _ in found(work)} & {"SECRET", "NATIONAL_ID", "USERNAME"}
    row = "Nachname;Vorname;Telefon\nBroeshart;Kyan;(094) 7884207\n"
    assert {("PERSON", "Broeshart"), ("PERSON", "Kyan")} <= found(row)
    crm = "https://app.hubspot.com/contacts/4812/objects/0-1/views/all/list"
    assert ("USERNAME", "objects") not in found(crm)
