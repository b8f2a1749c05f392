"""Conversation and typing as people speak and write it: names after a caller's or writer's cue in
lower case and in lists, names spelled letter by letter, spoken e-mail addresses and handles; the
name recognizer alone (real word test), the normalized view, and the real detector and redaction
on voice, chat and typed records, with the ordinary talk beside them kept."""
from __future__ import annotations

import re

import pytest

from models.engine import RegexTimedOut, english_word_test
from models.normalize import NORMALIZE_FILE
from models.recognizers.config import load_recognizer_data
from models.recognizers.name_context import NameContextRecognizer, name_context_recognizer
from models.recognizers.ui_terms import load_ui_terms
from tests.conftest import keystrokes, transcript, written_text


@pytest.fixture(scope="module")
def names(analyzer) -> NameContextRecognizer:
    data = load_recognizer_data()
    return name_context_recognizer(data, load_ui_terms(data), english_word_test(analyzer.nlp_engine.nlp["en"]))


def _found(names: NameContextRecognizer, text: str) -> list[str]:
    return sorted(text[r.start:r.end] for r in names.analyze(text, ["PERSON"], None))


@pytest.mark.parametrize("text, found", [
    # a caller saying who they are, or whom they want, in speech recognition's lower case
    ("hi this is amarachi ihejirika calling about my order", ["amarachi ihejirika"]),
    ("yeah my name is oluwaseun adeyemi", ["oluwaseun adeyemi"]),
    ("can you put me through to siobhan in billing please", ["siobhan"]),
    ("i spoke with elisabet neureuther yesterday", ["elisabet neureuther"]),
    ("uh it's zeynep and my number is on file", ["zeynep"]),
    # names listed after a cued one
    ("ping wojtek, bao and chidi about the release", ["bao", "chidi", "wojtek"]),
    ("so the meeting is with arnheiður and phuong at three", ["arnheiður", "phuong"]),
    # an English given name of the list, which the lemma tables also hold
    ("hi this is john okafor calling", ["john okafor"]),
    # a lower-case name before a cue, over the slot words before it
    ("ismet mende wrote: can we move standup", ["ismet mende"]),
    ("so um zeynep okafor is out today", ["zeynep okafor"]),
    # a greeting or sign-off with its comma
    ("cheers, eilidh", ["eilidh"]),
    ("Thanks,\nOyelaran", ["Oyelaran"]),
    # a name spelled letter by letter
    ("its k o w a l s k i with a k", ["k o w a l s k i"]),
    ("last name K-A-T-O", ["K-A-T-O"]),
])
def test_a_name_a_caller_gives_lists_or_spells_is_a_name(names, text, found):
    assert _found(names, text) == found


@pytest.mark.parametrize("text", [
    # English, chat and contraction words after the same cues
    "thanks, great work everyone", "i'm gonna be late", "this is ridiculous", "it's fine, thats all",
    "hi this is the support line calling", "cheers, all", "ping legal and finance about it",
    "the deploy is out today", "lol the new intern wrote it", "to be frank, the build is broken",
    "this is grace under pressure",
    # single letters that spell no name: the alphabet, weekday initials, a stutter, two letters
    "options a b c d", "S M T W T F S", "i i i think so", "the x y z axes", "A B testing",
])
def test_words_contractions_and_letters_that_spell_no_name_are_left(names, text):
    assert _found(names, text) == []


@pytest.mark.parametrize("text, found", [
    ("hi this is dang ngoc dung calling about my order", ["dang ngoc dung"]),
    ("yeah my name is oluwaseun sales thats it", ["oluwaseun sales"]),
])
def test_a_name_someone_gives_for_themselves_takes_one_english_word_after_it(names, analyzer, text, found):
    artifacts = analyzer.nlp_engine.process_text(text, "en")
    assert sorted(text[r.start:r.end] for r in names.analyze(text, ["PERSON"], artifacts)) == found


@pytest.mark.parametrize("text, found", [
    ("hi this is oluwaseun calling about my order", ["oluwaseun"]),
    ("this is oluwaseun team lead at acme", ["oluwaseun"]),
    ("i'm oluwaseun today", ["oluwaseun"]),
    ("hi this is oluwaseun again", ["oluwaseun"]),
    ("ping oluwaseun sales are up", ["oluwaseun"]),
])
def test_a_verb_form_stop_work_or_time_word_or_another_cue_takes_no_english_word(names, analyzer, text, found):
    artifacts = analyzer.nlp_engine.process_text(text, "en")
    assert sorted(text[r.start:r.end] for r in names.analyze(text, ["PERSON"], artifacts)) == found


@pytest.mark.parametrize("text", ["a b " * 25_000, "a-b-" * 25_000, "k o w a l s k " * 7_000, "ping x, " * 12_000,
                                  "this is ana " * 8_000, "ana and " * 12_000, "x wrote " * 12_000,
                                  "jo at x dot " * 8_000, "a underscore " * 7_000,
                                  "x as in alpha " * 7_000, "alpha b 1 " * 9_000])
def test_hostile_talk_is_scanned_in_linear_time(names, normalizer, text):
    try:
        names.analyze(text, ["PERSON"], None)
        normalizer.view(text)
    except RegexTimedOut:
        pytest.fail("a regular expression timed out")


@pytest.mark.parametrize("text, expected", [
    ("email me at jo dot li at gmail dot com", "email me at jo.li@gmail.com"),
    ("my username is jay underscore smith", "my username is jay_smith"),
    ("jay underscore smith at outlook dot com", "jay_smith@outlook.com"),
])
def test_a_spoken_address_or_handle_reads_whole_in_the_view(normalizer, text, expected):
    view = normalizer.view(text)
    assert view is not None and view.text == expected


@pytest.mark.parametrize("text", ["send it to ana at example dot com at noon",
                                  "mail ana at example dot com at 5pm thanks"])
def test_an_at_of_the_sentence_after_a_spoken_address_keeps_it_whole(normalizer, text):
    """Review: any "at" after the domain made the address's own "at" a sentence's, and it stayed spelled."""
    view = normalizer.view(text)
    assert view is not None and "ana@example.com" in view.text.lower()


@pytest.mark.parametrize("text, expected", [
    ("PAN N y as in yellow uniform charlie S four three seven nine charlie thanks", "PAN NYUCS4379C thanks"),
    ("codice fiscale t as in tom romeo N november T N nine one delta two zero E three two six v as in victor",
     "codice fiscale TRNNTN91D20E326V"),
    ("pan no golf w as in william X p as in peter x as in x-ray six seven nine three c as in cat",
     "pan no GWXPX6793C"),
])
def test_an_id_spelled_with_phonetic_letters_reads_as_its_characters_in_the_view(normalizer, text, expected):
    view = normalizer.view(text)
    assert view is not None and view.text == expected


@pytest.mark.parametrize("text", ["we stayed at the hotel in lima with mike", "echo 5 times then exit",
                                  "alpha release on may 5, beta after", "a as in the plan, b as in budget"])
def test_phonetic_words_in_ordinary_talk_spell_nothing(normalizer, text):
    view = normalizer.view(text)
    assert view is None or view.text.lower() == text.lower()


def test_a_bad_letter_word_fails_naming_the_key(tmp_path):
    from models.config_files import ConfigFileError
    from models.normalize import normalize_data
    path = tmp_path / "normalize.yaml"
    text = NORMALIZE_FILE.read_text(encoding="utf-8")
    assert "alpha: a," in text
    path.write_text(text.replace("alpha: a,", "alpha: ab,"), encoding="utf-8")
    with pytest.raises(ConfigFileError, match="letter_words"):
        normalize_data(path)


@pytest.mark.parametrize("text", ["we met at the office at noon", "the underscore is a character"])
def test_a_sentences_at_and_a_lone_underscore_word_make_no_address(normalizer, text):
    view = normalizer.view(text)
    assert view is None or "@" not in view.text


def test_a_bad_join_word_fails_naming_the_key(tmp_path):
    from models.config_files import ConfigFileError
    from models.normalize import normalize_data
    path = tmp_path / "normalize.yaml"
    text = NORMALIZE_FILE.read_text(encoding="utf-8")
    assert 'join_words: {underscore: "_"}' in text
    path.write_text(text.replace('join_words: {underscore: "_"}', 'join_words: {underscore: "__"}'), encoding="utf-8")
    with pytest.raises(ConfigFileError, match="join_words"):
        normalize_data(path)



TALK = [
    ("hi this is amarachi ihejirika calling about my order", ["amarachi", "ihejirika"], ["calling", "order"]),
    ("you can email me at durante dot offredi at hotmail dot org thanks", ["durante", "offredi", "hotmail"],
     ["email", "thanks"]),
    ("its k o w a l s k i last name", ["k o w a l s k i"], ["last", "name"]),
    ("my username is jay underscore smith", ["jay", "smith"], ["username"]),
    ("ping wojtek, bao and chidi about the release", ["wojtek", "bao", "chidi"], ["release"]),
    ("dm'd dung_pham about it", ["dung_pham"], ["about"]),
    ("hi this is mary okafor calling about my order", ["mary", "okafor"], ["calling", "order"]),
]


@pytest.mark.parametrize("where", ["voice", "chat", "typed"])
@pytest.mark.parametrize("text, gone, kept", TALK, ids=[text[:24] for text, _, _ in TALK])
def test_the_real_detector_masks_talk_and_keeps_the_words_around_it(detector, analyzer_settings, policy,
                                                                     where, text, gone, kept):
    raw = keystrokes(text, app="Slack") if where == "typed" else transcript(text, source=where)
    written = written_text(detector, analyzer_settings, policy, raw)
    assert not [value for value in gone if re.search(rf"(?<!\w){re.escape(value)}(?!\w)", written)]
    assert all(word in written for word in kept)
