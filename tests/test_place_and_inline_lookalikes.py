"""Review of the lower-case place cues and the inline logins (issue 15): a thing before a place cue ("the config
comes from consul", "the logs live in loki"), a team someone is from ("she's from accounting"), a name with a
version after a cue ("comes from libpython3.5-stdlib") and a package added ("add gstreamer0.8-lame") stay, while
people's places and handles after the same cues are still found."""
from __future__ import annotations

import pytest

from models.recognizers.inline_value import InlineValueRecognizer
from models.recognizers.place_cue import PlaceCueRecognizer


@pytest.fixture(scope="module")
def places(analyzer) -> PlaceCueRecognizer:
    return next(r for r in analyzer.registry.recognizers if r.name == "PlaceCueRecognizer")


@pytest.fixture(scope="module")
def inline(analyzer) -> InlineValueRecognizer:
    return next(r for r in analyzer.registry.recognizers if r.name == "InlineValueRecognizer")


def _found(recognizer, text: str, entity: str) -> set[str]:
    return {text[r.start:r.end] for r in recognizer.analyze(text, [entity])}


PLACES = [("my parents live in uelzen", "uelzen"), ("that guy moved to leeds last year", "leeds"),
          ("the guy that moved to leeds", "leeds"), ("i'm from komiža", "komiža"),
          ("she moved to vila do conde in may", "vila do conde"), ("btw moved to porto last year", "porto")]


@pytest.mark.parametrize("text, place", PLACES, ids=[t for t, _ in PLACES])
def test_a_person_s_place_after_a_cue_is_found(places, text, place):
    assert place in _found(places, text, "LOCATION")


NOT_PLACES = ["the config comes from consul", "the data lives in s3 and the logs live in loki",
              "the service is now based in quarkus", "she's from accounting", "he came from sales",
              "the package comes from libpython3.5-stdlib in 16.04", "it comes from node_modules"]


@pytest.mark.parametrize("text", NOT_PLACES)
def test_a_thing_s_source_or_a_team_after_a_place_cue_is_no_place(places, text):
    assert not _found(places, text, "LOCATION")


def test_a_name_with_a_version_in_it_is_no_login(inline):
    for text in ("if i try to add gstreamer0.8-lame, i get errors", "bz2 comes from libpython3.5-stdlib in 16.04"):
        assert not _found(inline, text, "USERNAME"), text
    assert "astrid343" in _found(inline, "switch to astrid343 before u deploy", "USERNAME")


SECRETS = [('reset it to "Tulip88" for now', "Tulip88"), ("reset it to 'Tulip88'.", "Tulip88"),
           ("the wifi password is “Tulip88”", "Tulip88"), ("set it to Tülip88 for now", "Tülip88")]


@pytest.mark.parametrize("text, secret", SECRETS, ids=[t for t, _ in SECRETS])
def test_a_quoted_or_accented_secret_after_its_frame_is_found(inline, text, secret):
    assert secret in _found(inline, text, "SECRET")


def test_quoted_ordinary_values_after_a_frame_stay(inline):
    for text in ('it\'s "ok" now', 'reset it to "default"', "set it to “v2.1” for now", 'use "python3" for the pw'):
        assert not _found(inline, text, "SECRET"), text


def test_a_handle_added_to_a_channel_by_its_name_is_found(inline):
    assert "jkowalski" in _found(inline, "add jkowalski to #general please", "USERNAME")
    assert not _found(inline, "add eslint to #ci", "USERNAME")


@pytest.mark.parametrize("text, place", [("we live in milton keynes", "milton keynes"),
                                         ("moved to san sebastián last spring", "san sebastián"),
                                         ("vivo en cuenca desde 2020", "cuenca"),
                                         ("btw moved to porto last year", "porto")])
def test_a_place_of_two_words_is_found_whole_and_ends_at_an_ordinary_word(places, text, place):
    assert _found(places, text, "LOCATION") == {place}


def _usernames(analyzer, text: str) -> set[str]:
    return {text[r.start:r.end] for r in analyzer.analyze(text, language="en") if r.entity_type == "USERNAME"}


@pytest.mark.parametrize("text", ["user auth-service fails since the deploy", "login auth-service fails",
                                  "user db-migrations ran twice"])
def test_a_product_part_named_after_a_login_cue_is_no_login(analyzer, text):
    assert not _usernames(analyzer, text)


@pytest.mark.parametrize("text, login", [("username jdoe42 cannot log in", "jdoe42"), ("user id ana-lima7", "ana-lima7"),
                                         ("user mkowalski_2 again", "mkowalski_2"),
                                         ("user obrienr cannot see the dashboard", "obrienr")])
def test_a_login_after_a_login_cue_without_a_colon_is_still_found(analyzer, text, login):
    assert login in _usernames(analyzer, text)


@pytest.mark.parametrize("text", ["set it to utf8mb4 for the password column", "use sha256sum on the key file",
                                  "type gpt4o in the model field, the key is in vault"])
def test_a_thing_named_with_a_number_and_a_suffix_is_no_secret(inline, text):
    assert not _found(inline, text, "SECRET")


@pytest.mark.parametrize("text, secret", [("reset it to x7Kp9Qz2 for now", "x7Kp9Qz2"),
                                          ("the wifi password is Tulip88", "Tulip88"),
                                          ("use pass Zebra772 for the wifi", "Zebra772")])
def test_a_secret_beginning_like_a_thing_s_name_is_still_found(inline, text, secret):
    assert secret in _found(inline, text, "SECRET")
