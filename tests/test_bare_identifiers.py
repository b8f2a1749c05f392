"""Handles and initials with no cue (table rows about a person, handles made from a name or e-mail of the
same text, a handle alone in a search box): positives and hard negatives on the recognizer, then
through the real analyzer built from the shipped data."""
from __future__ import annotations

import pytest
import spacy

from models.config_files import ConfigFileError, term_list
from models.engine import RegexTimedOut, english_word_test, locate_model
from models.recognizers.bare_handle import BareHandleRecognizer, folded, name_keys
from models.recognizers.config import RECOGNIZERS_FILE, load_recognizer_data
from models.recognizers.registry import system_accounts
from models.recognizers.ui_terms import load_ui_terms


@pytest.fixture(scope="module")
def recognizer(analyzer_settings) -> BareHandleRecognizer:
    data = load_recognizer_data()
    is_word = english_word_test(spacy.load(locate_model(analyzer_settings.model_name)))
    return BareHandleRecognizer(data.bare_handles, is_word, load_ui_terms(data) | system_accounts(data),
                                frozenset(term_list(data.first_names.terms)))


def found(recognizer: BareHandleRecognizer, text: str) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start:r.end]) for r in recognizer.analyze(text, recognizer.supported_entities)}


@pytest.mark.parametrize("text, expected", [
    # cells of a row about a person: a date, an e-mail, a phone number or a full name beside them
    ("KO,kwame.mensah,2025-11-03", {("PERSON", "KO"), ("USERNAME", "kwame.mensah")}),
    ("AS;asouza;ana@example.org;Lisboa", {("PERSON", "AS"), ("USERNAME", "asouza")}),
    ("ΘΚ\tthanos_k\t03/11/2025", {("PERSON", "ΘΚ"), ("USERNAME", "thanos_k")}),
    ("ДП | dpetrov81 | +7 912 555 0101", {("PERSON", "ДП"), ("USERNAME", "dpetrov81")}),
    ("سع,saad22,2026-02-14", {("PERSON", "سع"), ("USERNAME", "saad22")}),
    ("Mensah, Kwame;kmensah;Accra", {("USERNAME", "kmensah")}),
    ("J.M.,jmorales,2024-05-05", {("PERSON", "J.M."), ("USERNAME", "jmorales")}),
    # ids in a row whose person is named, has a handle or an e-mail
    ("Souza, Ana;Lisboa;QK4410-2093", {("ACCOUNT_NUMBER", "QK4410-2093")}),
    ("Kwame Mensah,kwame@example.org,CU-48213", {("ACCOUNT_NUMBER", "CU-48213")}),
    ("jmorales\t00417723\t2024-05-05", {("USERNAME", "jmorales"), ("ACCOUNT_NUMBER", "00417723")}),
    # a handle made from a name or e-mail local part of the same text
    ("morales.j\nJulia Morales", {("USERNAME", "morales.j")}),
    ("Priyanka Chopde\nsee pchopde for access", {("USERNAME", "pchopde")}),
    ("add tkowalczyk to the group\nTomasz Kowalczyk", {("USERNAME", "tkowalczyk")}),
    ("Łukasz Żurek\nlukasz7", {("USERNAME", "lukasz7")}),
    ("wx9\nwx9@corp-mail.example", {("USERNAME", "wx9")}),
    # a handle alone in a short text (search box, people picker)
    ("thandiwe.nkosi", {("USERNAME", "thandiwe.nkosi")}),
    ("  oyelaran_b  ", {("USERNAME", "oyelaran_b")}),
    ("zanele82", {("USERNAME", "zanele82")}),
    # letters and a number whose letters are a given name, even one that is also a word ("maria": seas)
    ("maria88", {("USERNAME", "maria88")}),
    # a name or word with a number after a chat cue
    ("ping jsmith2 about it", {("USERNAME", "jsmith2")}),
    ("thanks maria88", {("USERNAME", "maria88")}),
    ("cc: tomasz77", {("USERNAME", "tomasz77")}),
    ("hey Sarah12, can you look", {("USERNAME", "Sarah12")}),
    # a handle joined by "_" or ".", or an initial joined to a name, after a chat cue
    ("dm'd dung_pham about it", {("USERNAME", "dung_pham")}),
    ("thanks j.smith for the review", {("USERNAME", "j.smith")}),
    ("invited brown_k to the call", {("USERNAME", "brown_k")}),
])
def test_a_bare_handle_or_initials_next_to_a_person_is_found(recognizer, text, expected):
    assert expected <= found(recognizer, text)


@pytest.mark.parametrize("text", [
    # rows with no person in them, and header rows
    "id,name,created\n1,north,2024-01-01\n2,sales,2024-02-01",
    "US,EUR,2024-01-01,OK",
    "Initials,Username,Created",
    "QA,PR,ID,HR",
    "GET,/api/v2/users,200,2024-01-01",
    "kmensah,asouza,jmorales",
    # ids, amounts and dates in a row with no person in it
    "2024-01-01,ORD-55123,12500", "Kwame Mensah,42,1299.00,2024-05-05,2024",
    # file names, code words, English words and system accounts typed alone
    "config.yaml", "report_final.docx", "python3", "max_length", "node18", "utf8", "root", "ubuntu",
    "sales_report", "readme.md", "relay.example.be", "mirror.internal", "ext4",
    # a code listing: a lone identifier line is no search box
    "def f(x):\n    return x\nresult_df\nprint(result_df)",
    # words that are also a name's parts
    "Will Smith said he will call", "Grace Park\npark the car",
    # paths, URLs and e-mail addresses are other rules' business
    "ls -la /home/ubuntu", "see https://example.com/kmensah", "mail kwame.mensah@example.org",
    "kwame\n", "thandiwe",
    # two capitalised common words are no name to make a handle of
    "Pull Request\npullr opened", "Google Drive;gdrive;Lisboa",
    # words of code, products, versions and units with a number, after a chat cue or alone
    "ping python3 oauth2 eth0 utf8 k8s h264 mp4 ipv6 x86 arm64 sha256 win32 es2015 vue3 web3 covid19 log4j md5",
    "thanks rc1 v2 beta3 office365 windows11 iphone15 250ms 4gb", "with gpt4", "thx ubuntu22 works",
    "covid19", "iphone15", "office365", "beta3",
    # code words and file names joined by "_" or "." after a chat cue
    "ping max_length in the config", "thanks config.yaml works", "ask node.js folks", "cc e.g. legal",
])
def test_ordinary_text_holds_no_bare_handle(recognizer, text):
    assert found(recognizer, text) == set()


def test_names_and_local_parts_give_the_letters_a_handle_is_made_of():
    assert folded("Mojmír") == "mojmir" and folded("Łukasz") == "lukasz" and folded("Æsa") == "aesa"
    common = frozenset({"google", "drive"}).__contains__
    keys = name_keys("Julia Morales, jm1@corp.example", common)
    assert {"juliamorales", "moralesjulia", "jmorales", "moralesj", "juliam", "julia", "morales", "jm"} <= keys
    assert name_keys("nothing here", common) == set()
    assert name_keys("open Google Drive", common) == set()


def test_only_the_types_asked_for_are_returned(recognizer):
    text = "KO,kwame.mensah,2025-11-03"
    assert {r.entity_type for r in recognizer.analyze(text, ["USERNAME"])} == {"USERNAME"}
    assert {r.entity_type for r in recognizer.analyze(text, ["PERSON"])} == {"PERSON"}


@pytest.mark.parametrize("text", ["a" * 100_000, "a." * 50_000, "a,b," * 25_000, "Aa Bb " * 16_667,
                                  "x@y.z " * 16_667, "ab1\n" * 25_000, "JH,jd,2024-01-01\n" * 6_000])
def test_hostile_input_is_scanned_in_linear_time(recognizer, text):
    try:
        recognizer.analyze(text, ["USERNAME", "PERSON"])
    except RegexTimedOut:
        pytest.fail("a regular expression timed out")


def test_when_the_handle_shape_is_not_a_regex_then_loading_fails_naming_the_key(tmp_path):
    path = tmp_path / "recognizers.yaml"
    text = RECOGNIZERS_FILE.read_text(encoding="utf-8")
    original = "  handle: '[a-z][a-z0-9]{0,31}"
    assert original in text
    path.write_text(text.replace(original, "  handle: '([a-z][a-z0-9]{0,31}"), encoding="utf-8")
    with pytest.raises(ConfigFileError, match="bare_handles.handle"):
        load_recognizer_data(path)


def test_the_real_analyzer_masks_a_person_row_and_a_searched_handle_but_not_a_data_row(analyzer, analyzer_settings):
    def masked(text: str) -> set[str]:
        """The words of `text` inside a person or username span (NER may take a row's first cells into one
        person span; its DATE_TIME spans are kept by the policy)."""
        results = [r for r in analyzer.analyze(text=text, language="en",
                                               score_threshold=analyzer_settings.score_threshold)
                   if r.entity_type in {"PERSON", "USERNAME"}]
        return {word for word in text.replace(",", " ").replace("\n", " ").split()
                if any(r.start <= text.index(word) and text.index(word) + len(word) <= r.end for r in results)}

    assert {"KO", "kwame.mensah"} <= masked("KO,kwame.mensah,2025-11-03")
    assert "tkowalczyk" in masked("tkowalczyk\nTomasz Kowalczyk")
    assert "thandiwe.nkosi" in masked("thandiwe.nkosi")
    assert "sales" not in masked("2,sales,2024-02-01")
    assert "jsmith2" in masked("ping jsmith2 about it") and "maria88" in masked("maria88")
    assert not masked("thanks python3 and oauth2 on eth0")
