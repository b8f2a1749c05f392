"""Keystroke-typed identifiers as other writers type them (issue 15): one-case tokens in web addresses
judged by their letters not being words, and national ids of more countries kept by their check digits."""
from __future__ import annotations

import pytest

from models.login_words import is_ordinary_word
from models.recognizers.checked_number import CheckedNumberRecognizer
from models.recognizers.config import recognizer_data
from models.recognizers.url_token import UrlPathTokenRecognizer

DATA = recognizer_data()
URL_TOKENS = UrlPathTokenRecognizer(DATA, is_ordinary_word)
CHECKED = CheckedNumberRecognizer(DATA.checked_numbers)


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
    ("05061876040", "05061876041"),              # Belgian national number, unformatted
    ("1581 180605", "1582 180605"),              # Austrian social insurance number
])
def test_a_national_id_of_more_countries_counts_only_when_its_check_digits_pass(valid, invalid):
    assert ids(f"Pia Samuelsson\t{valid}\t+46 8 123 456") == [valid]
    assert ids(f"Pia Samuelsson\t{invalid}\t+46 8 123 456") == []


@pytest.mark.parametrize("text", ["order 1581180605 shipped", "PO 870807-6065", "ts=1700000000000 ms",
                                  "bumped to v2024.11.0-rc2", "PLAT-2291 due 2026-01-15", "=SUM(B2:B48)"])
def test_order_numbers_timestamps_versions_and_dates_are_no_national_id(text):
    assert ids(text) == []


def test_the_real_analyzer_masks_typed_tokens_and_ids_and_keeps_work_addresses(analyzer, analyzer_settings):
    def found(text: str) -> set[tuple[str, str]]:
        return {(r.entity_type, text[r.start:r.end])
                for r in analyzer.analyze(text=text, language="en", score_threshold=analyzer_settings.score_threshold)}

    chat = "new deck is up https://www.figma.com/design/q2wmyiqtb5e4rda54d30nk/Onboarding-flow pls review\n"
    assert ("SECRET", "q2wmyiqtb5e4rda54d30nk") in found(chat)
    assert ("NATIONAL_ID", "870807-6065") in found("Tyra Lundström\t870807-6065\t08-243 064 93\n")
    work = "see https://example.com/blog/release-notes-2024 and https://k8s1node2cluster.internal/api/v1/pods\n"
    assert not {entity for entity, _ in found(work)} & {"SECRET", "NATIONAL_ID", "USERNAME"}
    crm = "https://app.hubspot.com/contacts/4812/objects/0-1/views/all/list"
    assert ("USERNAME", "objects") not in found(crm)
