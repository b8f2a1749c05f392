"""Keystroke streams typed as people type (word deletes, select and retype, spreadsheet rows), through
the real detector: ordinary words stay, and what identifies a person is still masked."""
from __future__ import annotations

import json
import re

import pytest

from models.detection import detect_batch
from models.keystrokes import UNVERIFIED_TEXT, focus_secrets, mask_events, rebuild_typed_text
from models.parse import parse_line
from models.records import Finding, KeyEvent, PreparedRecord, Span
from models.redaction import apply_policy, sanitize
from models.text_views import ERASED, text_fields
from tests.conftest import KEY, record


def typing(text: str) -> list[KeyEvent]:
    return [KeyEvent(i, {"\n": "Enter", "\t": "Tab"}.get(ch, ch)) for i, ch in enumerate(text)]


def key(name: str, *mods: str) -> KeyEvent:
    return KeyEvent(0, name, tuple(mods))


def output_text(events, detector, analyzer_settings, policy, **fields) -> str:
    """The typed text rebuilt from the sanitized events, as the evaluation reads it."""
    raw = [{"t": i, "type": e.type, **({"key": e.key} if e.key is not None else {}),
            **({"mods": list(e.mods)} if e.mods else {}), **({"text": e.text} if e.text is not None else {})}
           for i, e in enumerate(events)]
    parsed = parse_line(json.dumps(record("keystrokes", events=raw, **fields)).encode(), "in.jsonl")
    finding = detect_batch(detector, [PreparedRecord(parsed, text_fields(parsed))], analyzer_settings)[0]
    doc = json.loads(apply_policy(finding, policy, KEY).json_line)
    out = tuple(KeyEvent(e["t"], e.get("key"), tuple(e.get("mods", ())), e["type"], e.get("text")) for e in doc["events"])
    return rebuild_typed_text(out).text


# Control word edits are how Windows and Linux users edit; macOS takes them with Option.

def test_when_control_backspace_deletes_a_word_then_the_stream_is_read_as_windows():
    typed = rebuild_typed_text((*typing("merge the retry fix"), key("Backspace", "Control"), *typing("patch")))
    assert typed.complete and typed.text == "merge the retry patch" and typed.deleted_text == "fix"


def test_when_control_shift_arrow_selects_a_word_then_typing_replaces_it():
    typed = rebuild_typed_text((*typing("SELECT id FROM ordrs"), key("ArrowLeft", "Control", "Shift"),
                                *typing("orders")))
    assert typed.complete and typed.text == "SELECT id FROM orders"


def test_when_a_macos_stream_presses_control_backspace_then_it_is_still_unverified():
    events = (*typing("call 555 0100"), key("Backspace", "Control"), key("c", "Meta"))
    assert not rebuild_typed_text(events).complete


def test_when_a_word_deleting_stream_holds_no_pii_then_its_words_stay(detector, analyzer_settings, policy):
    events = (*typing("kubectl get pods -n billing | grep "), *typing("apu"), key("Backspace", "Control"),
              *typing("api"))
    out = output_text(events, detector, analyzer_settings, policy, app="Terminal")
    assert out == "kubectl get pods -n billing | grep api" and UNVERIFIED_TEXT not in out


def test_when_a_word_deleting_stream_holds_a_phone_and_an_address_then_they_are_masked(
        detector, analyzer_settings, policy):
    events = (*typing("call me at tomorow "), key("Backspace", "Control"), *typing("415-555-0172 or mail "),
              *typing("dana.whitfield@example.com"), key("ArrowLeft", "Control", "Shift"), *typing("com thanks"))
    out = output_text(events, detector, analyzer_settings, policy, app="Slack")
    assert "415-555-0172" not in out and "0172" not in out and "whitfield" not in out
    assert out.startswith("call me at ")


# A masked key's placeholder reads as a word character when the sanitized stream is replayed.

def test_when_a_masked_word_is_word_deleted_then_the_replay_keeps_the_words_before_it():
    events = (*typing("cd ~/projects/pipeline"), key("Backspace", "Control"), *typing("ledger"))
    typed = rebuild_typed_text(events)
    masked = mask_events(events, typed, [], erased_spans=[Span("PERSON", 0, 8, 1.0)])
    assert typed.erased_text == "pipeline"
    assert rebuild_typed_text(masked).text == "cd ~/projects/ledger"


def test_when_a_masked_word_is_word_deleted_then_none_of_its_characters_come_back():
    events = (*typing("pay jane "), key("Backspace", "Control"), *typing("ok"))
    typed = rebuild_typed_text(events)
    masked = mask_events(events, typed, [], deleted_spans=[Span("PERSON", 0, 4, 1.0)])
    assert rebuild_typed_text(masked).text == "pay ok"
    assert "jane" not in "".join(e.key or "" for e in masked)


def test_when_an_address_is_corrected_by_a_word_delete_then_the_word_before_it_stays(
        detector, analyzer_settings, policy):
    events = (*typing("mail dana.whitfield@example.com"), key("Backspace", "Control"), *typing("org today"))
    out = output_text(events, detector, analyzer_settings, policy, app="Slack")
    assert out.startswith("mail <") and out.endswith(" today") and "whitfield" not in out and "dana" not in out


# A table typed with Tab and Enter is cells, not a login: its word and figure cells stay.

def test_when_a_table_is_typed_then_its_word_and_figure_cells_are_not_taken_for_passwords():
    typed = rebuild_typed_text(tuple(typing("Region\tQ1\tQ2\tQ3\nCentral\t1133\t630\t1,114.50\nEast\t98\t965\t12")))
    assert focus_secrets(typed) == ([], [])


def test_when_a_table_holds_passwords_or_a_login_is_typed_then_they_stay_secret():
    typed = rebuild_typed_text(tuple(typing("site\tuser\tpass\ngithub\tjdoe\tHunter2!x\ngitlab\tjdoe\tS3cret-99\n"
                                            "jdoe\tsunshine")))
    masked = {typed.text[span.start:span.end] for span in focus_secrets(typed)[0]}
    assert {"Hunter2!x", "S3cret-99", "sunshine"} <= masked


def test_when_a_table_is_typed_then_its_figures_reach_the_output(detector, analyzer_settings, policy):
    events = typing("item\tqty\tprice\nwidget\t4\t2.50\ngadget\t10\t7.25")
    out = output_text(events, detector, analyzer_settings, policy, app="Microsoft Excel")
    assert "qty" in out and "2.50" in out and "7.25" in out and "<SECRET>" not in out


def test_when_a_login_follows_a_table_then_its_password_is_masked(detector, analyzer_settings, policy):
    events = typing("item\tqty\tprice\nwidget\t4\t2.50\ngadget\t10\t7.25\nmkowalski\tsunshine")
    out = output_text(events, detector, analyzer_settings, policy, app="Google Chrome")
    assert "sunshine" not in out and "2.50" in out


# Words of code and shells typed alone or in lower case are not names (models/data/ui_terms.txt).

def test_when_code_and_shell_words_are_typed_then_they_stay(detector, analyzer_settings, policy):
    events = typing("def calculate_total(rows):\n# the key fingerprint\nexport AWS_PROFILE=staging")
    out = output_text(events, detector, analyzer_settings, policy, app="Terminal")
    assert out.startswith("def calculate_total") and "key fingerprint" in out and "export AWS_PROFILE" in out


def test_when_a_name_is_typed_among_code_words_then_it_is_masked(detector, analyzer_settings, policy):
    events = typing("def notify(user):\n    return send('Priya Raman', user)\nexport REVIEWER='Kenji Watanabe'")
    out = output_text(events, detector, analyzer_settings, policy, app="Visual Studio Code")
    assert out.startswith("def notify") and not {"Priya", "Raman", "Kenji", "Watanabe"} & set(re.findall(r"\w+", out))


# The entry before a password that a focus move may have sent to a password field is the login's name.

def test_when_a_login_is_typed_then_its_user_name_is_masked_with_the_password(detector, analyzer_settings, policy):
    events = typing("rosalind\tKx9#mLq2vT\n")
    out = output_text(events, detector, analyzer_settings, policy, app="Google Chrome", window_title="Jira")
    assert "rosalind" not in out and "Kx9" not in out and "<USERNAME>" in out


def test_when_chat_lines_hold_spaces_then_no_line_is_taken_for_a_login(detector, analyzer_settings, policy):
    events = typing("merging now\nthe dashboard is back up")
    out = output_text(events, detector, analyzer_settings, policy, app="Slack")
    assert out == "merging now\nthe dashboard is back up"


# A value detected among deleted characters is searched in the rest of the record as a whole word.

def sanitized_text(events, spans: dict[str, list[Span]], policy) -> str:
    """The typed text of the sanitized record, given the detected spans per view."""
    raw = [{"t": i, "type": e.type, **({"key": e.key} if e.key is not None else {})} for i, e in enumerate(events)]
    parsed = parse_line(json.dumps(record("keystrokes", events=raw)).encode(), "in.jsonl")
    finding = Finding(PreparedRecord(parsed, text_fields(parsed)), tuple((name, tuple(s)) for name, s in spans.items()))
    doc = json.loads(sanitize(finding, policy, KEY).json_line)
    return rebuild_typed_text(tuple(KeyEvent(e["t"], e.get("key")) for e in doc["events"])).text


def test_when_an_erased_typo_run_is_detected_then_the_word_retyped_over_it_stays(policy):
    events = (*typing("the dashbo"), *typing("ard"), *[key("Backspace")] * 3, *typing("ard is back up"))
    assert rebuild_typed_text(events).erased_text == "ard"
    assert sanitized_text(events, {ERASED: [Span("PERSON", 0, 3, 0.85)]}, policy) == "the dashboard is back up"


def test_when_an_erased_name_is_typed_again_as_a_word_then_it_is_masked(policy):
    events = (*typing("jdoe"), *[key("Backspace")] * 4, *typing("ping jdoe now"))
    out = sanitized_text(events, {ERASED: [Span("USERNAME", 0, 4, 0.85)]}, policy)
    assert "jdoe" not in out and out.startswith("ping <USERNAME>") and out.endswith(" now")


def test_when_typos_are_retyped_then_the_words_reach_the_output(detector, analyzer_settings, policy):
    events = (*typing("merging now\nthe pipeline"), key("ArrowLeft", "Control", "Shift"), *typing("dashbo"),
              *typing("ard"), *[key("Backspace")] * 3, *typing("ard is back up, thanks all"))
    out = output_text(events, detector, analyzer_settings, policy, app="Slack")
    assert out == "merging now\nthe dashboard is back up, thanks all"


def test_when_a_table_row_holds_a_login_and_a_word_password_then_the_password_stays_secret():
    # a typed credentials sheet: a dictionary-word password after a user name is no header cell
    typed = rebuild_typed_text(tuple(typing("site\tuser\tpass\ngithub\tjdoe\tsunshine\ngitlab\tmkowalski\tfootball\n"
                                            "Region\tQ1\tQ2\tQ3\nCentral\t1133\t630\t12")))
    masked = {typed.text[span.start:span.end] for span in focus_secrets(typed)[0]}
    assert {"sunshine", "football"} <= masked
    assert not {"Region", "Q1", "Central", "1133", "site", "user", "pass"} & masked


def test_when_an_erased_secret_with_digits_recurs_inside_a_word_then_it_is_masked(policy):
    # only a run of letters (a typo's "ard") is held to whole words; a number or a password is found anywhere
    events = (*typing("Hunter2x9"), *[key("Backspace")] * 9, *typing("pw_Hunter2x9 now"))
    out = sanitized_text(events, {ERASED: [Span("SECRET", 0, 9, 0.85)]}, policy)
    assert "Hunter2x9" not in out and out.endswith(" now")


def test_when_a_bare_control_arrow_is_pressed_without_meta_then_the_stream_stays_unverified():
    # macOS switches Spaces with Control+ArrowLeft and the cursor stays: read as a Windows word move,
    # "reach me at ana.lee@example.com" would be scanned as "ana.@example.comlee"
    events = (*typing("reach me at ana.lee"), key("ArrowLeft", "Control"), *typing("@example.com"))
    assert not rebuild_typed_text(events).complete


# Values typed as other people type them (issue 15): a late-noticed typo inside a share link's token, a pasted
# row under a header naming its columns, a phone with no trunk prefix typed in pieces.

def late_typo(text: str, at: int, wrong: str) -> list[KeyEvent]:
    """`text` typed with a wrong key at `at` noticed two keys later: three Backspaces, then the rest."""
    return [*typing(text[:at]), KeyEvent(0, wrong), *typing(text[at + 1:at + 3]),
            *(key("Backspace"),) * 3, *typing(text[at:])]


@pytest.mark.parametrize("events, gone, kept", [
    (late_typo("new deck https://www.figma.com/design/3l61lik4ngri9wqjfemzha/Onboarding-flow pls review\n", 45, "x"),
     "3l61lik4ngri9wqjfemzha", "new deck https://www.figma.com/design/"),
    ((*typing("Nachname;Vorname;Telefon\n"), KeyEvent(0, None, (), "paste", "Broeshart;Kyan;(094) 7884207\n")),
     "Broeshart", "Nachname;Vorname;Telefon\n"),
    ((*typing("Ana Souza,ana@x.com,886 23"), key("Backspace"), *typing("37 634\n")), "886 237 634", ""),
])
def test_when_a_token_row_or_phone_is_typed_with_habits_then_it_is_masked(events, gone, kept, detector,
                                                                          analyzer_settings, policy):
    out = output_text(events, detector, analyzer_settings, policy, app="Slack")
    assert gone not in out and out.startswith(kept)


@pytest.mark.parametrize("text", ["git cherry-pick 3f2a9c1e7b\n", "see https://example.com/blog/release-notes-2024\n",
                                  "ssh deploy@k8s1node2cluster.internal uptime\n"])
def test_when_work_links_and_hashes_are_typed_then_they_stay(text, detector, analyzer_settings, policy):
    assert output_text(typing(text), detector, analyzer_settings, policy, app="Terminal") == text
