"""Keystroke records through the real pipeline stages: edits, deletions, pastes and secure contexts."""
from __future__ import annotations

import json
import re

from apache_beam.testing.util import BeamAssertException, assert_that

from models.ocr import OcrSettings
from sample.generate import keys
from tests.conftest import KEY, carried, categories_kept, record, write_jsonl
from transforms.read import ReadRawRecords
from transforms.sanitize import SanitizeRecords


def key(name: str, *mods: str, t: int = 0) -> dict:
    return {"t": t, "key": name, "mods": list(mods)}


SCENARIOS = {
    # An SSN typed with a typo, corrected, and a digit inserted after moving the cursor back.
    "ssn": (record("keystrokes", record_id="ssn", app="Chrome", window_title="Benefits enrollment", events=[
        *keys("my ssn is 536-2-41"), key("9"), key("Backspace"), *keys("87"),
        *[key("ArrowLeft")] * 5, key("2"), key("End")]), ["536-22-4187"]),
    # An e-mail address typed, then deleted word by word, then ordinary text.
    "deleted": (record("keystrokes", record_id="deleted", app="Slack", events=[
        *keys("cc jane.doe@example.com"), *[key("Backspace", "Control")] * 8, *keys("see you at standup")]),
        ["jane.doe@example.com"]),
    # An API key pasted over a selection.
    "paste": (record("keystrokes", record_id="paste", app="Terminal", events=[
        *keys("export KEY=placeholder"), *[key("ArrowLeft", "Shift")] * 11, key("v", "Control"),
        {"t": 9000, "type": "paste", "text": "sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE"}]),
        ["sk-proj-4fJ9kQ2mX7vB1nL8pR3tY6wZ0aCdE"]),
    # A password field: nothing detection would find, all of it masked.
    "password": (record("keystrokes", record_id="password", field="current-password", app="Chrome",
                        events=keys("correct horse 42!")), ["correct horse 42!"]),
    # A phone number typed with the cursor moved back to insert a missing digit.
    "phone": (record("keystrokes", record_id="phone", app="Slack", events=[
        *keys("call me at (415) 555-172"), *[key("ArrowLeft")] * 3, key("0"), key("End"), *keys(" tonight")]),
        ["(415) 555-0172"]),
    # A login page: the user name typed there is masked whole.
    "login": (record("keystrokes", record_id="login", app="Chrome", window_title="Sign in - Okta",
                     url="https://example.okta.com/login", events=keys("dwhitaker")), ["dwhitaker"]),
    # An e-mail field, then Tab to a password field the record does not name.
    "focus": (record("keystrokes", record_id="focus", field="email", app="Chrome", window_title="Acme portal",
                     events=[*keys("alice@example.com"), key("Tab"), *keys("Hunter2!xyz"), key("Enter")]),
              ["alice@example.com", "Hunter2!xyz"]),
    # An address and a number spelled with shortcut keys, which no typed text holds.
    "shortcuts": (record("keystrokes", record_id="shortcuts", app="Slack", events=[
        *keys("hi "), *[key(ch, "Control") for ch in "jane.doe@example.com"], *keys(" ok"), key("c", "Control"),
        *[key(ch, "Control") for ch in "4187"]]), ["jane.doe@example.com", "4187"]),
    # A tool that writes the base letter with Shift held: the name reads with its capitals.
    "shifted": (record("keystrokes", record_id="shifted", app="Zendesk", window_title="Ticket 4412", events=[
        *keys("Customer "), key("k", "Shift"), *keys("oðrán "), key("s", "Shift"), *keys("teinbjörnsson called")]),
        ["oðrán", "teinbjörnsson"]),
    # An account id typed alone into a banking form's field, with no cue before it.
    "lone_id": (record("keystrokes", record_id="lone_id", app="Chrome", window_title="Online Banking - Transfer",
                       events=keys("368A67352")), ["368A67352"]),
    # No Meta, no Control+V paste: Control+A is select all on Windows, line start on macOS.
    "platform": (record("keystrokes", record_id="platform", app="Notes", events=[
        *keys("4187"), key("a", "Control"), *keys("my ssn is 536-22-")]), ["536-22-4187", "4187"]),
}


def test_when_sensitive_text_is_edited_deleted_pasted_or_typed_in_secure_contexts_then_none_survives(
        pipeline, tmp_path, policy, analyzer_settings):
    path = write_jsonl(tmp_path / "in.jsonl", [raw for raw, _ in SCENARIOS.values()])

    def nothing_survives(sanitized):
        docs = {json.loads(s.json_line)["record_id"]: (s.json_line, json.loads(s.json_line)) for s in sanitized}
        if sorted(docs) != sorted(SCENARIOS):
            raise BeamAssertException("a keystroke record did not reach the sink")
        for name, (_, secrets) in SCENARIOS.items():
            line, doc = docs[name]
            events = carried(doc)
            for secret in secrets:
                digits = re.sub(r"\D", "", secret)
                if secret in line or secret in events or (len(digits) > 3 and digits in re.sub(r"\D", "", events)):
                    raise BeamAssertException(f"scenario {name}: a secret survived")
            if len(doc["events"]) != len(SCENARIOS[name][0]["events"]):
                raise BeamAssertException(f"scenario {name}: events were dropped, not masked")

    # Categories kept, so every record reaches the sink and its masking can be inspected.
    keep_all = categories_kept(policy)
    with pipeline as p:
        records, _, _ = p | "Read" >> ReadRawRecords(str(path))
        sanitized, _ = records | "Sanitize" >> SanitizeRecords(keep_all, KEY, analyzer_settings, OcrSettings())
        assert_that(sanitized, nothing_survives)
