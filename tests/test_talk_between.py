"""Logins said between two words (issue 15, probe_talk_between): a user in a slot only a person fills at work (a
role noun or a colleague's verb before it, a person's act or "who" after it, a work thing after its possessive),
short logins, initials and digits and leet included; the same verbs with hosts, tools, models, tickets and
ordinary words, which stay; and digits of an address said apart from the street."""
from __future__ import annotations

import re

import pytest

from models.recognizers.mention import MentionRecognizer
from tests.conftest import transcript, written_text


@pytest.fixture(scope="module")
def recognizer(analyzer) -> MentionRecognizer:
    return next(r for r in analyzer.registry.recognizers if r.name == "MentionRecognizer")


@pytest.fixture(scope="module")
def streets(analyzer) -> list:
    return [r for r in analyzer.registry.recognizers if r.name.startswith("StreetAddresses")]


def _still(value: str, written: str) -> bool:
    return re.search(rf"(?<![\w|^]){re.escape(value)}(?![\w|^])", written) is not None


FOUND = [
    ("approver qzv signed the change", "qzv"),
    ("colleague tkw has the keys", "tkw"),
    ("nudged ywb twice about the invoice", "ywb"),
    ("can you sync with dkrol tomorrow", "dkrol"),
    ("xr52 reverted the migration", "xr52"),
    ("hand off to p3tr4k tonight", "p3tr4k"),
    ("forward it to hgo who runs payroll", "hgo"),
    ("ulm7's PR still needs a look", "ulm7"),
    ("contractor wjz left on friday", "wjz"),
]


@pytest.mark.parametrize("text, value", FOUND, ids=[t[:30] for t, _ in FOUND])
def test_a_login_in_a_slot_only_a_person_fills_is_found(recognizer, text, value):
    assert value in {text[r.start:r.end] for r in recognizer.analyze(text, ["USERNAME"])}


KEPT = [
    "ping the gateway about it", "ssh prod3 and check", "ask claude to rerun the tests", "assign QA-412 to me",
    "review pr 42 before lunch", "ping db2 from the bastion", "reviewer eu1 approved", "tag lint as blocked",
    "nginx started fine", "escalate via the pager", "sync with upstream tomorrow", "the owner is on leave",
    "mention it in the notes", "assign pr42 to the sprint", "ask gpt to summarize", "h264 merged into the codec",
]


@pytest.mark.parametrize("text", KEPT, ids=[f"kept-{i}" for i in range(len(KEPT))])
def test_things_and_words_in_the_same_slots_stay(recognizer, text):
    assert recognizer.analyze(text, ["USERNAME"]) == []


@pytest.mark.parametrize("token, expected", [
    ("tzh", True), ("jr61", True), ("m4t4s4", True), ("vrakoto", True), ("the", False), ("db2", False),
    ("h264", False), ("QA", False), ("nginx", False), ("gateway", False), ("mp3", False), ("k8s", False)])
def test_a_slot_takes_short_logins_but_no_word_or_thing(recognizer, token, expected):
    assert recognizer.fills_slot(token) is expected


@pytest.mark.parametrize("text, value", [("approver rs signed it off", "rs"), ("nudge mas about the invoice", "mas"),
                                         ("reviewer lad approved the change", "lad")])
def test_a_short_word_closed_in_by_a_persons_slot_is_a_login(recognizer, text, value):
    assert value in {text[r.start:r.end] for r in recognizer.analyze(text, ["USERNAME"])}


@pytest.mark.parametrize("text", ["ask hr to check", "ping ops about it", "ask it to rerun", "loop lint in the retry",
                                  "tag bug as blocked", "reviewer said the build approved", "ask ai to summarize"])
def test_teams_tools_and_words_in_a_closed_slot_stay(recognizer, text):
    assert recognizer.analyze(text, ["USERNAME"]) == []


ADDRESSES = [("zip is 60614, I think", "60614"), ("the postcode, um, 28013", "28013"), ("PLZ 50667 Köln", "50667"),
             ("house number 19", "19"), ("it's number 8 on the main road", "8"), ("flat 12b above the shop", "12b")]


@pytest.mark.parametrize("text, value", ADDRESSES, ids=[t[:25] for t, _ in ADDRESSES])
def test_digits_of_an_address_after_a_spoken_cue_are_found(streets, text, value):
    assert value in {text[r.start:r.end] for x in streets for r in x.analyze(text, x.supported_entities)}


@pytest.mark.parametrize("text", ["zip 2 files please", "it's number 3 on the list", "ticket number 42 on the board",
                                  "we're at 80 now", "flat 5 minutes late", "the zip code field is required",
                                  "a flat 50 dollars fee"])
def test_numbers_that_are_no_address_stay(streets, text):
    assert [r for x in streets for r in x.analyze(text, x.supported_entities)] == []


def test_the_real_detector_masks_users_between_words_and_keeps_the_work(detector, analyzer_settings, policy):
    turns = ["reviewer qzv approved it, ping ywb about the rollout", "swap shifts with dkrol next week?",
             "ssh prod3 and ask claude to rerun", "zip is 60614"]
    written = written_text(detector, analyzer_settings, policy, transcript(*turns))
    assert [value for value in ("qzv", "ywb", "dkrol", "60614") if _still(value, written)] == []
    assert [word for word in ("reviewer", "approved", "rollout", "shifts", "prod3", "claude", "rerun")
            if not _still(word, written)] == []


@pytest.mark.parametrize("text", ["reviewer " * 11_112, "ab approved " * 8_334, "x's pr " * 14_286])
def test_hostile_repeats_of_the_slots_are_scanned_whole(recognizer, text):
    """100,000 characters of crafted slots are scanned to the end (each slot's token is bounded: linear)."""
    assert len(text) >= 99_990
    recognizer.analyze(text, ["USERNAME"])


# Review (issue 15, rvtext): a dotted login with a one-letter first part, a role said with "is", and the slot's
# verbs typed without their accent or with a particle; teams, environments and severities the slot must not take.
REVIEW_FOUND = [
    ("thanks to j.doe who fixed it", "j.doe"), ("reviewer a.kowal approved", "a.kowal"),
    ("the owner is jx3", "jx3"), ("reviewer is tzh", "tzh"), ("on-call is abk tonight", "abk"),
    ("demande a jdu de valider", "jdu"), ("pídele a lpz que revise", "lpz"), ("frag mal mkw", "mkw"),
    ("pergunte ao jdu amanhã", "jdu"),
]


@pytest.mark.parametrize("text, value", REVIEW_FOUND, ids=[t[:30] for t, _ in REVIEW_FOUND])
def test_review_logins_in_slots_the_first_rules_missed(recognizer, text, value):
    assert value in {text[r.start:r.end] for r in recognizer.analyze(text, ["USERNAME"])}


REVIEW_KEPT = [
    "ping eng about it", "tell devs about it", "escalated to sev2", "ping stg about it", "ping uat3 about it",
    "ping prd1 about it", "ping prd about it", "frag mal nach", "the owner is tbd", "reviewer is needed",
    "ask i.e. the team", "the owner is the platform team",
]


@pytest.mark.parametrize("text", REVIEW_KEPT, ids=[f"review-kept-{i}" for i in range(len(REVIEW_KEPT))])
def test_review_teams_environments_and_severities_in_a_slot_stay(recognizer, text):
    assert recognizer.analyze(text, ["USERNAME"]) == []


@pytest.mark.parametrize("text", ["memory stays at 80 all day", "the count stayed at 3", "staying at 4 replicas"])
def test_review_a_value_that_stays_at_a_number_is_no_address(streets, text):
    assert [r for x in streets for r in x.analyze(text, x.supported_entities)] == []


@pytest.mark.parametrize("text, value", [("I'm staying at number 14", "14"), ("she lives at 22 with her mum", "22")])
def test_review_where_someone_stays_or_lives_is_still_found(streets, text, value):
    assert value in {text[r.start:r.end] for x in streets for r in x.analyze(text, x.supported_entities)}


@pytest.mark.parametrize("text", ["frag ihn morgen", "frag doch mal nach", "demande à tous de valider",
                                  "pregunta a todos", "ping ops about it"])
def test_review_pronouns_and_particles_after_another_languages_slot_verb_stay(recognizer, text):
    assert recognizer.analyze(text, ["USERNAME"]) == []


@pytest.mark.parametrize("text", ["move ubuntu to a new hdd making it my primary hdd and old hdd secondary",
                                  "looks like you're missing a dev pkg for python", "when mtr starts, hit d",
                                  "after playing with plymouth, vesafb broke", "imgburn has the most options",
                                  "add dexter to the admin grp", "the backup nas is full"])
def test_review_tools_and_disks_after_an_adjective_or_before_a_tools_verb_stay(recognizer, text):
    assert recognizer.analyze(text, ["USERNAME"]) == []


@pytest.mark.parametrize("text, value", [("primary is tzh tonight", "tzh"), ("intern wjz starts monday", "wjz"),
                                         ("kt3 merged it", "kt3")])
def test_review_a_person_still_found_with_those_words(recognizer, text, value):
    assert value in {text[r.start:r.end] for r in recognizer.analyze(text, ["USERNAME"])}


@pytest.mark.parametrize("text, value", [("postcode SW1A 1AA", "SW1A 1AA"), ("my postcode is m1 1ae", "m1 1ae"),
                                         ("postal code: K1A 0B1", "K1A 0B1"), ("zip code 94107-1234", "94107-1234"),
                                         ("PLZ 80331 München", "80331")])
def test_review_british_canadian_and_zip4_postcodes_after_their_name_are_found(streets, text, value):
    assert value in {text[r.start:r.end] for x in streets for r in x.analyze(text, x.supported_entities)}


@pytest.mark.parametrize("text", ["a flat 1 hour fee", "flat 1 day turnaround", "apartment 3 bedrooms",
                                  "flat 2 bed for rent", "rates are flat 2 months in a row", "plz 500 words max",
                                  "postcode field validation fails", "zip the 3 files"])
def test_review_a_count_after_flat_or_please_is_no_address(streets, text):
    assert [r for x in streets for r in x.analyze(text, x.supported_entities)] == []


@pytest.mark.parametrize("text, value", [("Ella , it's been such a long week", "Ella")])
def test_review_a_capitalised_name_spelled_like_a_pronoun_is_still_found(recognizer, text, value):
    assert value in {text[r.start:r.end] for r in recognizer.analyze(text, ["USERNAME"])}
