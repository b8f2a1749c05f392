"""Custom recognizers on their own: positives and the hard negatives they must leave alone."""
from __future__ import annotations

import pytest

from models.config_files import ConfigFileError
from models.recognizers.config import RECOGNIZERS_FILE, load_recognizer_data, recognizer_data
from models.recognizers.first_name import FirstNameRecognizer
from models.recognizers.high_entropy import HighEntropyRecognizer, bits_per_char
from models.recognizers.labelled_value import labelled_value_recognizers
from models.recognizers.pattern_sets import pattern_set_recognizers
from models.recognizers.registry import declared_recognizers, load_registry_configuration
from models.recognizers.ui_terms import load_ui_terms

DATA = recognizer_data()
API_KEYS = next(r for r in declared_recognizers(load_registry_configuration()) if r.name == "ApiKeyRecognizer")
RECOGNIZERS = [API_KEYS, HighEntropyRecognizer(DATA), *labelled_value_recognizers(DATA)]


def found(text: str) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start:r.end])
            for recognizer in RECOGNIZERS for r in recognizer.analyze(text, recognizer.supported_entities)}


@pytest.mark.parametrize("text, entity, value", [
    ("export KEY=sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE", "API_KEY", "sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE"),
    ("aws AKIAIOSFODNN7EXAMPLE here", "API_KEY", "AKIAIOSFODNN7EXAMPLE"),
    ("ghp_1234567890abcdefghijABCDEFGHIJ123456", "API_KEY", "ghp_1234567890abcdefghijABCDEFGHIJ123456"),
    ("SSN: 36-22-4187", "US_SSN", "36-22-4187"),
    ("social security number = 536 22 4187", "US_SSN", "536 22 4187"),
    ("Card no: 4111 111111111111", "CREDIT_CARD", "4111 111111111111"),
    ("routing number: 021000021", "US_BANK_NUMBER", "021000021"),
    ("password: hunter22", "SECRET", "hunter22"),
    ("DB_PASSWORD=Tr0ub4dor&3", "SECRET", "Tr0ub4dor&3"),
    ("garbled 1nL8pR3tY6wZ0aCdE tail", "SECRET", "1nL8pR3tY6wZ0aCdE"),
])
def test_when_value_is_sensitive_then_it_is_found(text, entity, value):
    assert (entity, value) in found(text)


@pytest.mark.parametrize("text", [
    "the card is on the table",
    "def test_user_login_v2_handler(): pass",
    "trace 123e4567-e89b-12d3-a456-426614174000 at 2026-06-09T09:01:00Z",
    "release 2.14.0 deployed to staging; see /home/build/artifacts2024/output",
    "spin the wheel",
    "password reset flow ticket",
    # a masked password and a form's note after the label are no password
    "Password: ********", "password: required", "PIN: optional",
])
def test_when_text_is_ordinary_work_then_nothing_is_found(text):
    assert found(text) == set()


def test_a_phrase_trie_matches_what_the_longest_first_alternation_matches():
    import regex

    from models.recognizers.cued_value import phrase_alternation, phrase_trie
    phrases = ("insulin", "insulin glargine", "insulin lispro", "metformin", "met", "metoprolol", "b12")
    text = ("Insulin glargine 10 units, insulin, METFORMIN 500 mg, metoprolol and met; insulin lisp, "
            "b12 b123 xmetformin insulin  lispro")
    names = phrase_alternation(phrases).replace(r"[\s_\-]?", r"\s+")
    alternation = regex.compile(r"(?<!\w)(?:" + names + r")(?!\w)", regex.IGNORECASE)
    trie = regex.compile(r"(?<!\w)(?:" + phrase_trie(phrases, space=r"\s+") + r")(?!\w)", regex.IGNORECASE)
    matches = [m.group(0) for m in trie.finditer(text)]
    assert matches == [m.group(0) for m in alternation.finditer(text)]
    assert matches == ["Insulin glargine", "insulin", "METFORMIN", "metoprolol", "met", "insulin", "b12",
                       "insulin  lispro"]


def test_the_phone_recognizer_that_skips_short_candidates_finds_what_presidios_finds():
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    from evaluation.corpus import CORPUS
    from models.recognizers.phone import ShortCandidatesSkippedPhoneRecognizer, fewest_digits
    regions = recognizer_data().phone_regions
    texts = CORPUS.read_text(encoding="utf-8").splitlines() + [
        "call +49 30 1234 or 030 1234, (415) 555-0172, +44 20 7946 0958, +1-800-555-0199 ext. 12, 4155550172",
        "+683 4002, +290 22222, 0800 123 4567, 02 1234 5678, +972-3-123-4567, 98765 43210, at 10:30 on 2026-06-09"]

    def found(recognizer):
        return [sorted((r.start, r.end, r.score) for r in recognizer.analyze(text, ["PHONE_NUMBER"])) for text in texts]

    stock = found(PhoneRecognizer(supported_regions=regions))
    assert found(ShortCandidatesSkippedPhoneRecognizer(supported_regions=regions)) == stock
    assert len(stock[-2]) == 6 and len(stock[-1]) == 6  # the formats above are all found
    assert fewest_digits("DE") == 4 and fewest_digits("US") == 6  # "+49 1234" is a valid length


def test_entropy_of_repeated_character_is_zero_and_of_distinct_characters_is_log2_n():
    assert bits_per_char("aaaa") == 0
    assert bits_per_char("abcd") == pytest.approx(2.0)


def test_when_recognizer_data_names_an_unknown_shape_then_loading_fails_naming_it(tmp_path):
    path = tmp_path / "recognizers.yaml"
    path.write_text(RECOGNIZERS_FILE.read_text().replace("value: digits", "value: digitz", 1))
    with pytest.raises(ConfigFileError, match="labelled_values.US_SSN.value"):
        load_recognizer_data(path)


@pytest.mark.parametrize("line, key", [("terms: first_names.txt", "first_names.terms"),
                                       ("chat_words: chat_words.txt", "addressees.chat_words"),
                                       ("\nui_terms:\n  terms: ui_terms.txt", "ui_terms.terms")])
def test_when_recognizer_data_names_a_missing_term_list_then_loading_fails_naming_it(tmp_path, line, key):
    path = tmp_path / "recognizers.yaml"
    text = RECOGNIZERS_FILE.read_text()
    assert line in text
    path.write_text(text.replace(line, line.replace(".txt", "_missing.txt"), 1))
    with pytest.raises(ConfigFileError, match=key):
        load_recognizer_data(path)


@pytest.mark.parametrize("text, expected", [
    ("#team-platform Leo Martins 8:58 AM morning all", {("PERSON", "Leo Martins")}),
    ("Ines Carvalho 9:01 morning!", {("PERSON", "Ines Carvalho")}),
    ("@ines.carvalho can you take a look?", {("USERNAME", "@ines.carvalho")}),
    ("cc @jdoe (see above)", {("USERNAME", "@jdoe")}),
    ("hey @priya(can you look)", {("USERNAME", "@priya")}),
    ("@app.route('/login', methods=['POST'])", set()),
    ("    @dataclass(frozen=True)", set()),
    ("mail ines@example.com at 9:01 AM", set()),
    ("deploy at 9:30 AM, standup at 10:00", set()),
    ("Subject: Q3 onboarding checklist", set()),
    ("We'll ship v2 to your pilot clinic on 7/1. - Omar", {("PERSON", "Omar")}),
    ("Add jitter to retry backoff by mchen · Pull Request #4821", {("USERNAME", "mchen")}),
    ("Pay from: checking ••0447", {("US_BANK_NUMBER", "0447")}),
    ("Visa ending in 4412", {("US_BANK_NUMBER", "4412")}),
    ("build 2.14 - 3 tests failed", set()),
])
def test_when_apps_print_identifiers_without_a_sentence_then_pattern_sets_find_them(text, expected):
    found = {(r.entity_type, text[r.start:r.end]) for recognizer in pattern_set_recognizers(DATA, load_ui_terms(DATA))
             for r in recognizer.analyze(text, recognizer.supported_entities)}
    assert found == expected



@pytest.mark.parametrize("text, expected", [
    ("thanks Priya, merged", {"Priya"}),
    ("Nia / 190k -> 205k", {"Nia"}),
    ("see priya.raman@example.org and https://x.io/nia-docs", set()),
    ("Will you review it? May be late", set()),
])
def test_when_a_lone_given_name_is_capitalised_then_it_is_found(text, expected):
    recognizer = FirstNameRecognizer(DATA)
    assert {text[r.start:r.end] for r in recognizer.analyze(text, ["PERSON"])} == expected


def test_the_registry_file_names_our_declared_classes_as_predefined_and_the_api_key_patterns_as_data():
    from models.recognizers.registry import DECLARED_CLASSES, REGISTRY_FILE
    entries = {entry["name"]: entry for entry in load_registry_configuration()["recognizers"]}
    assert all(entries[cls.__name__]["type"] == "predefined" for cls in DECLARED_CLASSES)
    assert entries["ApiKeyRecognizer"]["type"] == "custom" and API_KEYS.supported_entities == ["API_KEY"]
    assert "EmailRecognizer" not in entries and "PhoneRecognizer" not in entries  # ours replace them
    assert load_registry_configuration(REGISTRY_FILE) == load_registry_configuration()


@pytest.mark.parametrize("old, new, key", [
    ("- {name: OfflineEmailRecognizer, type: predefined}", "- {name: OfflineEmailRecognizr, type: predefined}",
     "recognizers: .*OfflineEmailRecognizr"),
    ("- {name: IpRecognizer, type: predefined}", "- {name: IpRecognizer, type: predefined, enabeld: false}",
     r"recognizers\.\d+\.enabeld"),
    ("global_regex_flags: 26\n", "", "global_regex_flags: required"),
    ("supported_languages: [en]\n", "supported_languages: [en\n", "not valid YAML"),
])
def test_when_the_registry_file_is_wrong_then_loading_fails_naming_the_file_and_key(tmp_path, old, new, key):
    from models.recognizers.registry import REGISTRY_FILE
    path = tmp_path / "presidio_registry.yaml"
    text = REGISTRY_FILE.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConfigFileError, match=f"{path}: {key}" if key != "not valid YAML" else "not valid YAML"):
        load_registry_configuration(path)
