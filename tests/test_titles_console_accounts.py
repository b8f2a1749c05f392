"""Accounts and logins where consoles, billing, CRM and ERP pages and remote sessions put them in a title
or URL (`work_identifiers.console_accounts`, issue 15), each beside the page names, versions, dates and
counts of the same apps that must stay. Real analyzer built from the shipped files."""
from __future__ import annotations

import pytest
import regex

from models.recognizers.config import recognizer_data


def _found(analyzer, text: str) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start:r.end]) for r in analyzer.analyze(text, "en", score_threshold=0.4)}


def _masked(analyzer, text: str, value: str) -> bool:
    """Whether a span found in `text` covers `value` whole."""
    start = text.index(value)
    return any(r.start <= start and start + len(value) <= r.end
               for r in analyzer.analyze(text, "en", score_threshold=0.4))


@pytest.mark.parametrize("text, value", [
    ("https://claims.example.com/policy?policyNumber=648M27176", "648M27176"),
    ("https://qbo.intuit.com/app/customerdetail?nameId=58393907", "58393907"),
    ("https://console.cloud.google.com/home/dashboard?project=559506948036", "559506948036"),
    ("https://bank.example.com/accounts?account=acct_xloG2RGNKPhrsiYj&view=summary", "acct_xloG2RGNKPhrsiYj"),
    ("https://dashboard.stripe.com/customers/979T47130", "979T47130"),
    ("https://billing.example.com/app#/customers/acct-4412345", "acct-4412345"),
    ("https://portal.azure.com/#resource/subscriptions/66fe166f-b211-43a0-232d-3414465e8076/overview",
     "66fe166f-b211-43a0-232d-3414465e8076"),
    ("https://483355500873.signin.aws.amazon.com/console", "483355500873"),
    ("Account 4833-5550-0873 - AWS Organizations", "4833-5550-0873"),
    ("Policy 648M27176 – Claims Center", "648M27176"),
    ("Project 559506948036 – Google Cloud console", "559506948036"),
    ("Customer Kipepeo Kamau (acct acct_wR1IiTeIYa9OLybx) called", "acct_wR1IiTeIYa9OLybx"),
    ("368A67352", "368A67352"),
    ("Tasnim Putra\t94390430", "94390430"),
    ("M12345678", "M12345678"),
])
def test_an_account_id_of_a_console_or_billing_page_is_masked(analyzer, text, value):
    assert _masked(analyzer, text, value)


@pytest.mark.parametrize("text, login", [
    ("iprada80 @ 872970402877 | AWS", "iprada80"),
    ("https://console.aws.amazon.com/iam/home#/users/martinsen.aud", "martinsen.aud"),
    ("main.py - web-app [SSH: stephanie357@10.2.0.14] - Visual Studio Code", "stephanie357"),
    ("main.py - ledger [SSH: condoleop@build-07] - Visual Studio Code", "condoleop"),
    ("mitraaryani / ml-notebooks · GitLab", "mitraaryani"),
    ("https://gitlab.example.com/mitraaryani/ml-notebooks/-/merge_requests", "mitraaryani"),
    ("10.2.0.14 - jmacedo - Remote Desktop Connection", "jmacedo"),
    ("Cisco AnyConnect | vpn.example.com | rscholtz", "rscholtz"),
])
def test_a_login_of_a_console_code_host_or_remote_session_is_masked(analyzer, text, login):
    assert _masked(analyzer, text, login)


@pytest.mark.parametrize("text, kept", [
    ("https://console.cloud.google.com/home/dashboard?project=web-app-prod", "web-app-prod"),
    ("https://wiki.example.com/pages/viewpage.action?pageId=123456789", "123456789"),
    ("https://ci.example.com/job/web-app/4512/console", "4512"),
    ("https://dashboard.stripe.com/customers?page=12", "12"),
    ("https://billing.example.com/customers/new", "new"),
    ("https://example.com/?project=my_projectname", "my_projectname"),
    ("https://gitlab.example.com/platform/web-app/-/merge_requests", "platform"),
    ("Merge requests · Platform / web-app · GitLab", "Platform"),
    ("Customer 360 | Salesforce", "360"),
    ("Project 2024 roadmap", "2024"),
    ("Policy v2.10.3 - Docs", "v2.10.3"),
    ("ssh root@10.0.0.5", "root"),
    ("npm install express@4.18.2", "express"),
    ("build-07 - Remote Desktop Connection", "build"),
    ("web01 - admin - Remote Desktop", "admin"),
    ("Cisco AnyConnect | vpn.example.com | Connected", "vpn.example.com"),
    ("Cisco AnyConnect | vpn.example.com | Connected", "Connected"),
    ("PLAT-12345", "PLAT-12345"),
    ("Qty: 12\tSKU-1234\tv1.2.3", "SKU-1234"),
    ("20250314", "20250314"),
    ("03/14/2025", "03/14/2025"),
    ("North\tActive\t1200", "1200"),
])
def test_a_page_name_version_date_or_count_of_the_same_apps_stays(analyzer, text, kept):
    assert not _masked(analyzer, text, kept)


@pytest.mark.parametrize("text, value", [
    ("Customer 12345-ABC - Billing", "12345-ABC"),
    ("Customer ABCDE-12345 - Billing", "ABCDE-12345"),
    ("Member 123456789012345678 | Portal", "123456789012345678"),
    ("Policy POLI-1234567X | Claims", "POLI-1234567X"),
    ("Policy #GH7-88213", "GH7-88213"),
    ("Customer: AB-123456-ZZ", "AB-123456-ZZ"),
    ("Customer A1B2C3D4E5", "A1B2C3D4E5"),
    ("Contact 5512093 - CRM", "5512093"),
    ("Customerdetail 12345678", "12345678"),
    ("Client 5512093 | Salesforce", "5512093"),
    ("Client #AB-88213 - CRM", "AB-88213"),
])
def test_an_id_after_a_customer_cue_in_a_shape_customer_id_misses_is_masked(analyzer, text, value):
    """The family steps aside for customer and account cues only where their own recognizers read the id;
    shapes they miss (letters after the digits, a five-letter prefix, 15+ digits, a cue they lack) stay covered."""
    assert _masked(analyzer, text, value)


@pytest.mark.parametrize("text, value", [
    ("Customer 48213 called", "48213"),
    ("customer #: 004-88213-7", "004-88213-7"),
    ("Member No. 5512093", "5512093"),
])
def test_an_id_customer_id_reads_keeps_its_hashed_type(analyzer, text, value):
    """Where customer_id reads the id too, its span outscores this family's, so the merged span keeps the
    CUSTOMER_ID type (hashed, one customer's records still join)."""
    start = text.index(value)
    covering = [r for r in analyzer.analyze(text, "en", score_threshold=0.4)
                if r.start <= start and start + len(value) <= r.end]
    assert max(covering, key=lambda r: r.score).entity_type == "CUSTOMER_ID"


@pytest.mark.parametrize("name, line", [
    ("login in a VPN client's title", "Cisco AnyConnect" + " - a" * 100 + " | "),
    ("login before a remote client's name", " - ab" * 80),
    ("login at an account id", "a | a | a | " + "x" * 80 + " @ 1234"),
])
def test_a_crafted_title_line_is_scanned_without_backtracking(name, line):
    """Many separators in one title line: the parts between them are read once, not split every way
    (the VPN title's lazy parts cost ~10 µs a character, 400 times the possessive ones)."""
    family = recognizer_data().work_identifiers["console_accounts"].expanded()
    pattern = regex.compile(next(shapes[name].regex for shapes in family.values() if name in shapes), regex.MULTILINE)
    text = "\n".join([line] * (16_000 // len(line)))
    try:
        list(pattern.finditer(text, timeout=0.05))
    except TimeoutError:
        pytest.fail("a console_accounts pattern backtracks on a crafted title line")


def test_twelve_digits_inside_a_sentence_are_no_account_id_and_alone_in_a_title_part_they_are(analyzer):
    assert not _masked(analyzer, "upgraded to build 202612061450 today", "202612061450")
    assert _masked(analyzer, "Billing | 483355500873 | AWS", "483355500873")
    assert _masked(analyzer, "aws account: 4833-5550-0873", "4833-5550-0873")
