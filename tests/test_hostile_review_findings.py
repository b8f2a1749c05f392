"""Hostile inputs a second review found around the first hardening: long detected values, digit
shortcuts split by named keys, wrapped URLs, respelt raw ids in record ids, invisible characters
in consent ids, and card numbers grouped with Unicode blanks.

Each test states a guarantee of the hostile-input issue; assertion messages carry codes and counts
only, never the planted values.
"""
from __future__ import annotations

import json

import pytest

from models.capture import hostname
from models.consent import ConsentError, read_registry
from models.keystrokes import shortcut_digit_spans, shortcut_text
from models.normalize import build_normalizer
from models.record_ids import identifying
from models.records import KeyEvent
from models.value_search import ValueMatch, ValueSearch


def test_value_search_accepts_a_long_detected_value():
    """A detected value of 1,500 characters (a pasted bearer token) must not fail its record:
    the prefix-tree pattern is built by recursion one level per character (RecursionError,
    so the record becomes error:redact)."""
    token = "eyJ" + "Ab1_" * 375
    search = ValueSearch(frozenset({ValueMatch(token, "SECRET")}))
    assert len(search.spans(f"x {token} y")) == 1, "long value not found"


@pytest.mark.parametrize("separator", ["Escape", "F5"])
def test_digit_shortcuts_split_by_named_keys_are_masked(separator):
    """Control+digits spelling a number, with a named key pressed between them, must still be a
    run of digit shortcuts (docs/kinds.md: every run of three or more is masked)."""
    events = []
    for digit in "4155550199":
        events.append(KeyEvent(t=1, key=digit, mods=("Control",)))
        events.append(KeyEvent(t=2, key=separator, mods=("Control",) if separator == "F5" else ()))
    spans = shortcut_digit_spans(shortcut_text(tuple(events))[0])
    assert sum(span.end - span.start for span in spans) >= 10, "digit shortcuts left unmasked"


@pytest.mark.parametrize("prefix", ["view-source:", "blob:"])
def test_wrapped_url_host_is_the_inner_host(prefix):
    """Browsers show `view-source:` and `blob:` URLs in the address bar; the denied-domain rule must
    read the host they wrap, not the wrapper's name."""
    assert hostname(f"{prefix}https://secure.chase.com/accounts") == "secure.chase.com", "wrapper read as host"


@pytest.mark.parametrize("record_id", ["emp.4821-a1", "emp4821-a1"])
def test_record_id_holding_the_raw_user_id_respelt_is_pseudonymized(record_id):
    """The raw user id with its separator changed or removed still names the user beside the
    pseudonymized user_id."""
    assert identifying(record_id, ("emp-4821", None), ValueSearch(frozenset())), "raw id passed"


def test_record_id_shaped_like_a_phone_number_is_pseudonymized():
    """Digits of a phone number with doubled separators between the groups."""
    assert identifying("r-415--555--0199", (None, None), ValueSearch(frozenset())), "digit run passed"


def test_consent_opt_out_with_an_invisible_character_is_refused():
    """An opt-out whose user_id differs from an earlier consent only by a zero-width space would
    never apply, leaving the earlier consent standing: refused at start-up like case and blanks."""
    consent = {"user_id": "emp-2", "consent_from": "2026-01-01T00:00:00Z", "opted_out": False}
    opt_out = {"user_id": "emp-2\u200b", "consent_from": "2026-01-01T00:00:00Z", "opted_out": True}
    lines = [("registry.jsonl", 1, json.dumps(consent).encode()), ("registry.jsonl", 2, json.dumps(opt_out).encode())]
    with pytest.raises(ConsentError):
        read_registry(lines)


@pytest.mark.parametrize("separator", ["\u00a0", "\u2009", "  "])
def test_card_number_with_unicode_or_doubled_blanks_gets_a_view(separator):
    """Card digits grouped with a no-break space, a thin space or two blanks: the view must give the
    detectors the groups with one ASCII blank (Presidio's card pattern allows only that)."""
    groups = ["4532", "0151", "1283", "0366"]
    view = build_normalizer().view("ref " + separator.join(groups) + " ok")
    assert view is not None and " ".join(groups) in view.text, "no view with ASCII blanks"
