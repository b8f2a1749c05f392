"""sanitize(): spans -> placeholders in every field, pseudonyms, masked events, covered boxes."""
from __future__ import annotations

import base64
import dataclasses
import io
import json

from PIL import Image, ImageDraw, ImageFont

from models.parse import parse_line
from models.pseudonyms import pseudonymize
from models.records import DiscardedRecord, Finding, OcrWord, PreparedRecord, Span
from models.redaction import _marked, sanitize
from models.text_views import text_fields
from tests.conftest import KEY, keystrokes, record, transcript


def finding(raw: dict, spans: dict[str, list[Span]], **prepared) -> Finding:
    parsed = parse_line(json.dumps(raw).encode(), "in.jsonl")
    fields = text_fields(parsed, prepared.get("ocr_words", ()))
    return Finding(PreparedRecord(parsed, fields, **prepared),
                   tuple((name, tuple(s)) for name, s in spans.items()))


def test_when_transcript_is_sanitized_then_spans_become_placeholders_and_speakers_labels(policy):
    raw = transcript("call Jane Doe on 555-0100", "ok, Jane will call", window_title="Chat with Jane Doe")
    out = sanitize(finding(raw, {"segments/0": [Span("PERSON", 5, 13, 0.85), Span("PHONE_NUMBER", 17, 25, 0.4)]}),
                   policy, KEY)
    doc = json.loads(out.json_line)
    assert [s["text"] for s in doc["segments"]] == ["call <PERSON> on <PHONE_NUMBER>", "ok, <PERSON> will call"]
    assert doc["window_title"] == "Chat with <PERSON>"  # a masked value is masked wherever it occurs
    assert [s["speaker"] for s in doc["segments"]] == ["speaker_1", "speaker_2"]
    assert doc["user_id"] == pseudonymize("emp-0001", KEY) and "emp-0001" not in out.json_line
    assert doc["policy_version"] == policy.version
    assert dict(out.entity_counts) == {"PERSON": 3, "PHONE_NUMBER": 1}


def test_when_policy_keeps_a_type_then_its_spans_stay(policy):
    raw = transcript("see https://wiki.example.com tomorrow")
    out = sanitize(finding(raw, {"segments/0": [Span("URL", 4, 28, 0.5), Span("DATE_TIME", 29, 37, 0.85)]}),
                   policy, KEY)
    assert json.loads(out.json_line)["segments"][0]["text"] == "see https://wiki.example.com tomorrow"


def test_when_email_is_first_dot_last_then_the_name_parts_are_masked_elsewhere(policy):
    raw = transcript("write to jane.doe@example.com", "Doe said yes", "doesn't matter")
    out = sanitize(finding(raw, {"segments/0": [Span("EMAIL_ADDRESS", 9, 29, 1.0)]}), policy, KEY)
    texts = [s["text"] for s in json.loads(out.json_line)["segments"]]
    assert texts == ["write to <EMAIL_ADDRESS>", "<PERSON> said yes", "doesn't matter"]


def test_when_a_login_is_user_at_host_then_each_side_is_masked_wherever_it_recurs(policy):
    raw = transcript("mdc_teran@mdc-laptop:~/src$ git log", "Author: M. Teran <MDC_Teran@holmes.com>",
                     "ssh to mdc-laptop.local, then see the teran docs")
    out = sanitize(finding(raw, {"segments/0": [Span("USERNAME", 0, 20, 0.85)]}), policy, KEY)
    texts = [s["text"] for s in json.loads(out.json_line)["segments"]]
    assert texts == ["<USERNAME>:~/src$ git log", "Author: M. Teran <<USERNAME>@holmes.com>",
                     "ssh to <USERNAME>.local, then see the teran docs"]  # parts of a handle, not of it


def test_when_a_login_side_is_letters_alone_then_it_is_not_searched_alone(policy):
    raw = transcript("deploy@bastion-01:~$ make", "the deploy failed on bastion-01", "restart localhost")
    out = sanitize(finding(raw, {"segments/0": [Span("USERNAME", 0, 17, 0.85)]}), policy, KEY)
    texts = [s["text"] for s in json.loads(out.json_line)["segments"]]
    assert texts == ["<USERNAME>:~$ make", "the deploy failed on <USERNAME>", "restart localhost"]


def test_when_keystrokes_are_sanitized_then_masked_keys_keep_their_timing(policy):
    raw = keystrokes("mail a@b.io", field="text", app="Slack")
    out = json.loads(sanitize(finding(raw, {"typed": [Span("EMAIL_ADDRESS", 5, 11, 1.0)]}), policy, KEY).json_line)
    assert [e["key"] for e in out["events"]] == list("mail ") + ["<EMAIL_ADDRESS>"] * 6
    assert [e["t"] for e in out["events"]] == [e["t"] for e in raw["events"]]
    assert out["field"] == "text" and out["app"] == "Slack"


def test_when_field_is_secure_then_nothing_typed_or_pasted_survives(policy):
    raw = record("keystrokes", field="password", events=[
        {"t": 0, "key": "h"}, {"t": 1, "key": "2"}, {"t": 2, "type": "paste", "text": "pw!"},
        {"t": 3, "key": "Enter"}, {"t": 4, "key": "v", "mods": ["Control"]}])
    out = sanitize(finding(raw, {}), policy, KEY)
    events = json.loads(out.json_line)["events"]
    assert [e.get("key", e.get("text")) for e in events] == ["<SECRET>", "<SECRET>", "<SECRET>", "Enter", "v"]
    assert dict(out.entity_counts) == {"SECRET": 1}


def test_when_screenshot_is_sanitized_then_words_of_spans_are_filled_and_size_kept(policy):
    image = Image.new("RGB", (200, 60), (255, 255, 255))
    png = io.BytesIO()
    image.save(png, format="PNG")
    words = (OcrWord("Name:", 5, 10, 40, 14, 0), OcrWord("Jane", 60, 10, 30, 14, 6), OcrWord("Doe", 95, 10, 25, 14, 11))
    raw = record("screenshot", image_b64=base64.b64encode(png.getvalue()).decode())
    out = sanitize(finding(raw, {"ocr": [Span("PERSON", 6, 14, 0.85)]}, image=png.getvalue(), ocr_words=words),
                   policy, KEY)
    result = Image.open(io.BytesIO(base64.b64decode(json.loads(out.json_line)["image_b64"])))
    assert result.format == "PNG" and result.size == (200, 60)
    assert result.getpixel((75, 17)) == (0, 0, 0) and result.getpixel((107, 17)) == (0, 0, 0)
    assert result.getpixel((20, 17)) == (255, 255, 255)


def test_when_screenshot_is_sanitized_then_avatars_are_covered_and_counted(policy):
    image = Image.new("RGB", (200, 80), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 55, 55), fill=(196, 40, 40))
    draw.text((38, 38), "KW", fill=(255, 255, 255), anchor="mm",
              font=ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 14))
    png = io.BytesIO()
    image.save(png, format="PNG")
    raw = record("screenshot", image_b64=base64.b64encode(png.getvalue()).decode())
    out = sanitize(finding(raw, {}, image=png.getvalue(), ocr_words=()), policy, KEY)
    result = Image.open(io.BytesIO(base64.b64decode(json.loads(out.json_line)["image_b64"]))).convert("RGB")
    assert result.getpixel((38, 38)) == (0, 0, 0) and result.getpixel((20, 20)) == (0, 0, 0)
    assert result.getpixel((150, 40)) == (255, 255, 255)
    assert dict(out.entity_counts) == {"AVATAR": 1}


def test_when_fields_are_not_in_the_contract_then_output_omits_them(policy):
    raw = keystrokes("hi", clipboard="secret stuff")
    assert "clipboard" not in json.loads(sanitize(finding(raw, {}), policy, KEY).json_line)


def test_pseudonyms_are_stable_per_key_and_differ_across_keys():
    # Known answer, from `printf emp-4821 | openssl dgst -sha256 -hmac test-pseudonym-key-0123456789abcdef`.
    assert pseudonymize("emp-4821", KEY) == "b64d42a608295aca269dd128b77c1599f70a52d8988e37cb3587aae85178b2d8"
    assert pseudonymize("emp-1", KEY) == pseudonymize("emp-1", KEY)
    assert pseudonymize("emp-1", KEY) != pseudonymize("emp-1", KEY[::-1])
    assert pseudonymize("emp-1", KEY) != pseudonymize("emp-2", KEY)


def policy_with(policy, **changes):
    """The default policy with some entity or category rules replaced."""
    return policy.model_copy(update=changes)


def test_when_entity_action_is_hash_then_placeholder_carries_a_keyed_digest(policy):
    from models.policy import EntityRule
    hashing = policy_with(policy, entities={**policy.entities, "EMPLOYEE_ID": EntityRule(action="hash", sensitivity=2)})
    raw = transcript("ticket for EMP-004821", "EMP-004821 again")
    spans = {"segments/0": [Span("EMPLOYEE_ID", 11, 21, 0.6)]}
    first = json.loads(sanitize(finding(raw, spans), hashing, KEY).json_line)
    texts = [s["text"] for s in first["segments"]]
    assert texts[0].startswith("ticket for <EMPLOYEE_ID#") and "004821" not in texts[0]
    assert texts[1].split()[0] == texts[0].split()[-1]  # same value, same digest: joinable
    other_key = json.loads(sanitize(finding(raw, spans), hashing, KEY[::-1]).json_line)
    assert other_key["segments"][0]["text"] != texts[0]


def test_when_entity_action_is_drop_record_then_the_record_is_dropped(policy):
    from models.policy import EntityRule
    from models.redaction import apply_policy
    dropping = policy_with(policy, entities={**policy.entities, "US_SSN": EntityRule(action="drop_record", sensitivity=4)})
    verdict = apply_policy(finding(transcript("ssn 536-22-4187"), {"segments/0": [Span("US_SSN", 4, 15, 0.85)]}),
                           dropping, KEY)
    assert verdict == DiscardedRecord("transcript", "dropped:entity:US_SSN")


def test_when_category_action_is_mask_then_all_text_goes_and_structure_stays(policy):
    from models.policy import CategoryRule
    from models.redaction import apply_policy
    masking = policy_with(policy, categories={**policy.categories,
                                              "medical": CategoryRule(action="mask", sensitivity=4)})
    raw = keystrokes("A1C is 7.9", app="Slack", window_title="DM with Priya")
    found = dataclasses.replace(finding(raw, {}), category="medical")
    doc = json.loads(apply_policy(found, masking, KEY).json_line)
    assert {e["key"] for e in doc["events"]} == {"<MEDICAL>"} and len(doc["events"]) == len(raw["events"])
    assert doc["window_title"] == "<MEDICAL>" and doc["app"] == "Slack" and doc["sensitivity"] == 4


def test_when_category_is_dropped_by_policy_then_verdict_names_it(policy):
    from models.redaction import apply_policy
    found = dataclasses.replace(finding(transcript("A1C is 7.9"), {}), category="medical")
    assert apply_policy(found, policy, KEY) == DiscardedRecord("transcript", "dropped:category:medical")


def test_sensitivity_is_the_highest_level_found(policy):
    plain = json.loads(sanitize(finding(transcript("deploy is green"), {}), policy, KEY).json_line)
    card = json.loads(sanitize(finding(transcript("card 4111 1111 1111 1111"),
                                       {"segments/0": [Span("CREDIT_CARD", 5, 24, 1.0)]}), policy, KEY).json_line)
    assert plain["sensitivity"] == policy.base_sensitivity and card["sensitivity"] == 4


def test_when_field_name_only_contains_a_secure_word_then_it_is_still_secure(policy):
    for field in ("Password", "current-password", "cc-csc", "one-time-code"):
        raw = record("keystrokes", field=field, events=[{"t": 0, "key": "h"}, {"t": 1, "key": "@", "mods": ["Alt"]}])
        events = json.loads(sanitize(finding(raw, {}), policy, KEY).json_line)["events"]
        assert [e["key"] for e in events] == ["<SECRET>", "<SECRET>"], field
    assert not policy.keystrokes.is_secure("shipping-address")


def test_when_session_id_is_given_then_it_is_pseudonymized_apart_from_user_ids(policy):
    doc = json.loads(sanitize(finding(transcript("hi", session_id="emp-0001"), {}), policy, KEY).json_line)
    assert doc["session_id"] == pseudonymize("emp-0001", KEY, domain="session") != doc["user_id"]


def test_when_speakers_are_named_then_their_names_are_masked_in_the_text(policy):
    raw = record("transcript", source="voice", segments=[
        {"speaker": "Oleksandr Wierzbicki", "start": 0.0, "end": 1.0, "text": "thanks oleksandr, WIERZBICKI here"},
        {"speaker": "user", "start": 1.0, "end": 2.0, "text": "the user guide is updated"}])
    texts = [s["text"] for s in json.loads(sanitize(finding(raw, {}), policy, KEY).json_line)["segments"]]
    assert texts == ["thanks <PERSON>, <PERSON> here", "the user guide is updated"]


def test_when_url_is_percent_encoded_then_it_is_scanned_decoded(policy):
    raw = transcript("hi", url="https://x.example.com/search?q=jane.doe%40example.com")
    decoded = "https://x.example.com/search?q=jane.doe@example.com"
    start = decoded.index("jane")
    doc = json.loads(sanitize(finding(raw, {"url": [Span("EMAIL_ADDRESS", start, len(decoded), 1.0)]}),
                              policy, KEY).json_line)
    assert doc["url"] == "https://x.example.com/search?q=<EMAIL_ADDRESS>"


def test_when_a_type_is_hashed_then_its_digest_differs_from_the_user_pseudonym(policy):
    from models.policy import EntityRule
    hashing = policy_with(policy, entities={**policy.entities, "EMPLOYEE_ID": EntityRule(action="hash", sensitivity=2)})
    raw = transcript("ping emp-0001")
    doc = json.loads(sanitize(finding(raw, {"segments/0": [Span("EMPLOYEE_ID", 5, 13, 0.6)]}), hashing, KEY).json_line)
    assert doc["user_id"][:12] not in doc["segments"][0]["text"]


def test_sensitivity_counts_a_type_hidden_by_an_overlapping_span(policy):
    raw = transcript("call 536-22-4187")
    spans = {"segments/0": [Span("PHONE_NUMBER", 5, 16, 0.7), Span("US_SSN", 5, 16, 0.5)]}
    assert json.loads(sanitize(finding(raw, spans), policy, KEY).json_line)["sensitivity"] == 4


def test_when_speaker_labels_are_formatted_then_each_name_in_them_is_still_masked(policy):
    for speaker in ("Raman, Priya", "Dr. Priya Raman", "priya.raman", "Priya Raman (Guest)"):
        raw = record("transcript", source="voice", segments=[
            {"speaker": speaker, "start": 0.0, "end": 1.0, "text": "thx priya, see you"}])
        text = json.loads(sanitize(finding(raw, {}), policy, KEY).json_line)["segments"][0]["text"]
        assert text == "thx <PERSON>, see you", speaker


def test_when_a_finding_decided_before_ner_reaches_a_policy_that_keeps_its_category_then_it_fails_closed(policy):
    import pytest

    from models.redaction import IncompleteFinding, apply_policy
    from tests.conftest import categories_kept
    early = dataclasses.replace(finding(transcript("Dr. Whitfield moved my metformin dose"), {}),
                                category="medical", complete=False)
    assert apply_policy(early, policy, KEY) == DiscardedRecord("transcript", "dropped:category:medical")
    with pytest.raises(IncompleteFinding):
        apply_policy(early, categories_kept(policy), KEY)


def test_when_a_finding_did_not_look_for_a_type_the_policy_replaces_then_it_fails_closed(policy):
    import pytest

    from models.redaction import IncompleteFinding
    unsought = dataclasses.replace(finding(transcript("see https://wiki.example.com/x"), {}), unsought=frozenset({"URL"}))
    assert json.loads(sanitize(unsought, policy, KEY).json_line)["segments"][0]["text"] == "see https://wiki.example.com/x"
    masking_urls = policy.model_copy(update={"entities": {**policy.entities, "URL": policy.entities["PERSON"]}})
    with pytest.raises(IncompleteFinding, match="URL"):
        sanitize(unsought, masking_urls, KEY)


def test_characters_under_spans_are_marked_once_however_spans_overlap():
    spans = [Span("PERSON", 2, 5, 0.9), Span("USERNAME", 3, 7, 0.9), Span("SECRET", 9, 40, 0.9)]
    assert _marked(spans, 10) == [False, False, True, True, True, True, True, False, False, True]
    assert _marked([], 3) == [False, False, False] and _marked(spans, 0) == []
