"""A login, handle or secret standing as one bare token inside a running sentence (issue 15, probe_talk_inline):
after a login frame ("log in as jsmi"), a verb done to an account ("add skristiansen to the channel"), a frame of
setting or typing a code ("I reset it to jgn-129 for now"); and the same frames holding ordinary work words,
products, versions, tickets, files and code, which must stay."""
from __future__ import annotations

import re

import pytest

from models.recognizers.inline_value import InlineValueRecognizer
from tests.conftest import transcript, written_text


@pytest.fixture(scope="module")
def recognizer(analyzer) -> InlineValueRecognizer:
    return next(r for r in analyzer.registry.recognizers if r.name == "InlineValueRecognizer")


def _still(value: str, written: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(value)}(?!\w)", written) is not None


FOUND = [
    ("switch to astrid343 before u deploy", "USERNAME", "astrid343"),
    ("pls add skristiansen to the oncall rotation starting monday", "USERNAME", "skristiansen"),
    ("agrega a matilde_c al grupo por favor", "USERNAME", "matilde_c"),
    ("we need to offboard traviss by the end of the month", "USERNAME", "traviss"),
    ("log in as jsmi then run it again", "USERNAME", "jsmi"),
    ("user obrienr cannot see the dashboard since friday", "USERNAME", "obrienr"),
    ("can you unlock dina.schelvis for me before the demo", "USERNAME", "dina.schelvis"),
    ("dodaj jake143 do kanału proszę", "USERNAME", "jake143"),
    ("i changed my password to Success3797! yesterday", "SECRET", "Success3797!"),
    ("hasło to Nation6359! na razie", "SECRET", "Nation6359!"),
    ("u have to type 2N9Q5I twice and then confirm the code", "SECRET", "2N9Q5I"),
    ("token anny2204 was exposed in the log, rotate it", "SECRET", "anny2204"),
    ("the pairing code 6t4j4Z shows on the tv", "SECRET", "6t4j4Z"),
    ("use invite code 4v2e7A to join the server", "SECRET", "4v2e7A"),
    ("i put EE38BY as the password and it says too weak", "SECRET", "EE38BY"),
    ("I reset it to jgn-129 for now", "SECRET", "jgn-129"),
    ("the door code is 4821 btw", "SECRET", "4821"),
    ("my pin is now 0457 so dont forget", "SECRET", "0457"),
    ("the wifi password is 88213940 for guests", "SECRET", "88213940"),
    ("kannst du bitte den Benutzer kmueller7 entsperren", "USERNAME", "kmueller7"),
    ("why can't juana30 push to main anymore", "USERNAME", "juana30"),
    ("transfer the repo to ilona381 please", "USERNAME", "ilona381"),
]


@pytest.mark.parametrize("text, entity, value", FOUND, ids=[f"{t[:28]}-{e}" for t, e, _ in FOUND])
def test_a_login_or_secret_between_words_is_found_after_its_frame(recognizer, text, entity, value):
    assert (entity, value) in {(r.entity_type, text[r.start:r.end]) for r in recognizer.analyze(text, [entity])}


KEPT = [
    "log in as admin then run the script", "add the tests to the channel", "use py311 when it asks for the password",
    "deploy to k8s then copy it to s3 and spin up an ec2 box", "call get_user2 first", "add lodash to the project",
    "disable selinux on the box", "the ticket JIRA-1234 is blocked", "reset it to v2 for now",
    "the password must be 12chars and use sha256", "open config_v3.yaml and edit it", "upgrade to node18 then set the pw",
    "I set it to x86_64 for now", "set it to 1080p and utf8", "type yes at the prompt", "the code is in the utils folder",
    "assign it to the backend team", "ping the oncall when the build is done", "switch to main before you deploy",
    "the user story is blocked", "message everyone on teams", "use oauth2 for the token", "the key point is 24h uptime",
    "set the pin to 4 digits", "give qa access to staging", "the wifi is down on floor 3", "user report_final.xlsx",
    "add python3 to the path", "enable 2fa on the account", "my password expires in 2 days",
    "My zip code is 12345", "my W-2 from Wernecke GmbH has the wrong state withholding", "is this the claim area from KL17 ?",
    "In e msg jus now", "an appointment with Dr.Cooper.Could you arrange it", "Checking for texture_from_pixmap now",
    "go to google.com and type in the title", "1 pm lor", "error code 4012 when I type the password",
    "the pod exited with code 137, error code is 5001",
]


@pytest.mark.parametrize("text", ["token limit is 4096 for this model", "fyi code 1603 again thx",
                                  "the password reset flow fails after 3 tries, ticket 4821 is open"])
def test_digits_a_sentence_only_shares_with_a_secret_word_are_no_pin(recognizer, text):
    assert not recognizer.analyze(text, ["SECRET"])


@pytest.mark.parametrize("text", KEPT, ids=[f"kept-{i}" for i in range(len(KEPT))])
def test_ordinary_work_words_in_the_same_frames_are_no_login_or_secret(recognizer, text):
    assert recognizer.analyze(text, ["USERNAME", "SECRET"]) == []


@pytest.mark.parametrize("token, strict, expected", [
    ("jsmith42", True, True), ("ana.lima", True, True), ("kowalskim", False, True), ("kowalskim", True, False),
    ("python3", True, False), ("report.pdf", False, False), ("admin", False, False), ("v2", False, False),
    ("24h", False, False), ("covid19", True, False), ("j.smith", False, True), ("get_user2", True, False)])
def test_the_login_shape_wants_a_part_that_is_no_ordinary_word(recognizer, token, strict, expected):
    assert recognizer.is_login(token, strict) is expected


@pytest.mark.parametrize("token, expected", [
    ("tulip88", True), ("ab12cd", True), ("Xk2-pp9", True), ("Success3797!", True), ("sha256", False), ("1.2.3", False),
    ("1280x1024", False), ("10am", False), ("h264", False), ("node18", False), ("4821", False), ("sunflower", False)])
def test_the_secret_shape_mixes_letters_and_digits_that_no_version_or_unit_has(recognizer, token, expected):
    assert recognizer.is_secret(token) is expected


GONE = [
    (["can you add skristiansen to the oncall rotation"], ["skristiansen"], ["oncall", "rotation"]),
    (["why can't juana30 push to main anymore"], ["juana30"], ["push", "main"]),
    (["log in as mkowalski then restart the service"], ["mkowalski"], ["restart", "service"]),
    (["I reset it to tulip88 for now"], ["tulip88"], ["reset", "now"]),
    (["use ab12cd when it asks for the code"], ["ab12cd"], ["asks", "code"]),
    (["u have to type 2L4i8W twice and then confirm"], ["2L4i8W"], ["twice", "confirm"]),
]


@pytest.mark.parametrize("turns, gone, kept", GONE, ids=[f"gone-{i}" for i in range(len(GONE))])
def test_the_real_detector_masks_a_login_or_secret_standing_inside_a_sentence(
        detector, analyzer_settings, policy, turns, gone, kept):
    written = written_text(detector, analyzer_settings, policy, transcript(*turns))
    assert [value for value in gone if _still(value, written)] == []
    assert [word for word in kept if not _still(word, written)] == []


STAYS = [
    ["use py311 for the venv and add pytest to the requirements"],
    ["log in as root, then switch to main and deploy to k8s"],
    ["reset it to default for now, the v2 config is broken"],
    ["add the qa team to the channel and ping the oncall"],
    ["call get_user2 first, then open config_v3.yaml"],
    ["try again, it should work now", "type yes at the prompt and hit enter"],
]


@pytest.mark.parametrize("turns", STAYS, ids=[f"stays-{i}" for i in range(len(STAYS))])
def test_the_real_detector_keeps_every_word_of_the_same_frames_in_ordinary_work(detector, analyzer_settings, policy, turns):
    written = written_text(detector, analyzer_settings, policy, transcript(*turns))
    words = [w for turn in turns for w in re.findall(r"[A-Za-z][\w.:\-]*[A-Za-z0-9]", turn)]
    assert [word for word in words if not _still(word, written)] == []


@pytest.mark.parametrize("text", ["log in as " * 10_000, "add a1 to the " * 7_143, "reset it to a1 " * 6_667,
                                  "the password is " * 6_250, "use " + "a1!" * 33_333])
def test_hostile_repeats_of_the_frames_are_scanned_whole(recognizer, text):
    """100,000 characters of crafted frames are scanned to the end (a frame's token is bounded: linear)."""
    assert len(text) >= 99_990
    recognizer.analyze(text, ["USERNAME", "SECRET"])
