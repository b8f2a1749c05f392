"""The second-pass verifier: strict shapes and canaries in the content of each line, placeholders and
pseudonyms ignored; its data validated on load; in the graph, a record the main detectors are made to
miss is quarantined, never written, and canary records never reach the sink."""
from __future__ import annotations

import json

import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from models.config_files import ConfigFileError
from models.engine import AnalyzerSettings
from models.ocr import OcrSettings
from models.policy import EntityRule
from models.verifier import VERIFIER_FILE, CanaryError, Verifier, luhn, mod97, read_canaries, verifier_data
from pipeline.graph import RunSettings, build_pipeline
from tests.conftest import KEY, TS, categories_kept, keystrokes, transcript, write_jsonl

SECRET = "plumtree velvet harbor"


def line(**fields) -> str:
    return json.dumps({"record_id": "r-1", "kind": "transcript", "user_id": "0" * 64, "ts": TS, **fields})


def segments(*texts: str) -> list[dict]:
    return [{"speaker": "speaker_1", "start": 0.0, "end": 1.0, "text": text} for text in texts]


@pytest.fixture(scope="module")
def verifier() -> Verifier:
    return Verifier(verifier_data(), (SECRET,))


@pytest.mark.parametrize("text, found", [
    ("mail jane.doe@example.com now", "EMAIL_ADDRESS"),
    ("call (415) 555-0172", "PHONE_NUMBER"),
    ("call 415-555-0172", "PHONE_NUMBER"),
    ("london +44 20 7946 0958", "PHONE_NUMBER"),
    ("e164 +14155550172", "PHONE_NUMBER"),
    ("card 4111 1111 1111 1111 exp 05/27", "CREDIT_CARD"),
    ("ssn 078-05-1120", "US_SSN"),
    ("iban GB82 WEST 1234 5698 7654 32", "IBAN_CODE"),
    ("key AKIAIOSFODNN7EXAMPLE", "AWS_ACCESS_KEY"),
    ("ghs_" + "a1B2" * 9, "GITHUB_TOKEN"),
    ("xoxp-2048-abcdefghijkl", "SLACK_TOKEN"),
    ("sk-" + "Ab3" * 12, "OPENAI_KEY"),
    ("AIza" + "x" * 35, "GOOGLE_API_KEY"),
    ("rk_live_" + "9Zq" * 8, "STRIPE_KEY"),
    ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "JWT"),
    ("-----BEGIN OPENSSH PRIVATE KEY-----", "PRIVATE_KEY"),
    ("we said PlumTree  Velvet harbor", "CANARY"),
])
def test_when_a_segment_holds_a_strict_shape_then_its_type_is_found(verifier, text, found):
    assert found in verifier.findings(line(segments=segments(text)))


@pytest.mark.parametrize("text", [
    "card 4111 1111 1111 1112",  # fails Luhn
    "iban GB82 WEST 1234 5698 7654 33",  # fails mod 97
    "ssn 666-05-1120 and 000-12-3456",  # impossible areas
    "login root@buildhost and <EMAIL_ADDRESS> at <PHONE_NUMBER#a1b2c3>",
    "version 2026-06-09 build 1234567",
])
def test_when_text_holds_no_strict_shape_then_nothing_is_found(verifier, text):
    assert verifier.findings(line(segments=segments(text))) == ()


def test_when_ids_and_numbers_hold_shapes_then_only_content_fields_are_read(verifier):
    doc = line(segments=segments("fine"), session_id="415-555-0172", ts="2026-06-09T09:00:00Z", sensitivity=4111111111111111)
    assert verifier.findings(doc) == ()
    pseudonym_id = json.dumps({"record_id": "rid-4111111111111111", "kind": "transcript", "events": []})
    assert verifier.findings(pseudonym_id) == ()
    assert verifier.findings(line(record_id="jane.doe@example.com")) == ("EMAIL_ADDRESS",)


@pytest.mark.parametrize("field", ["app", "window_title", "url", "field", "source"])
def test_when_a_context_field_holds_a_shape_then_it_is_found(verifier, field):
    assert verifier.findings(line(**{field: "ops 415-555-0172"})) == ("PHONE_NUMBER",)


def test_when_key_events_still_carry_a_shape_then_their_characters_are_read_in_order(verifier):
    events = [{"t": i, "key": c, "type": "keydown"} for i, c in enumerate("ssn 078-05")]
    events += [{"t": 20, "key": "Shift", "type": "keydown"}, {"t": 21, "type": "paste", "text": "-1120"}]
    assert verifier.findings(json.dumps({"record_id": "k", "kind": "keystrokes", "events": events})) == ("US_SSN",)
    masked = [{"t": 0, "key": "4"}, {"t": 1, "key": "<CREDIT_CARD>"}, {"t": 2, "key": "1"}]
    assert verifier.findings(json.dumps({"record_id": "k", "kind": "keystrokes", "events": masked})) == ()


def test_checksums():
    assert luhn("4111111111111111") and not luhn("4111111111111112")
    assert mod97("GB82WEST12345698765432") and not mod97("GB82WEST12345698765433")


def test_when_the_data_file_is_broken_then_the_error_names_the_file_and_key(tmp_path):
    text = VERIFIER_FILE.read_text()
    bad_regex = tmp_path / "bad_regex.yaml"
    bad_regex.write_text(text.replace("(?:AKIA|ASIA)", "(?:AKIA|ASIA", 1))
    with pytest.raises(ConfigFileError, match=r"bad_regex.yaml: patterns\.\d+\.regex"):
        verifier_data(bad_regex)
    unmatched = tmp_path / "unmatched.yaml"
    unmatched.write_text(text.replace('"AKIAIOSFODNN7EXAMPLE"', '"AKIA-NOT-A-KEY"', 1))
    with pytest.raises(ConfigFileError, match=r"unmatched.yaml: .*AWS_ACCESS_KEY.*matches"):
        verifier_data(unmatched)


def canary_line(record: dict, secrets: list) -> bytes:
    return json.dumps({"record": record, "secrets": secrets}).encode()


def test_when_a_canary_file_is_valid_then_its_records_and_secrets_are_read():
    record = transcript(f"the code is {SECRET}", record_id="canary-1")
    canaries = read_canaries([canary_line(record, [SECRET]), b""], "c.jsonl")
    assert canaries.secrets == (SECRET,) and len(canaries.lines) == 1 and canaries.name == "c.jsonl"


@pytest.mark.parametrize("entry, message", [
    (b"{not json", r"c.jsonl:1: not a JSON object"),
    (canary_line(transcript(f"code {SECRET}", record_id="r-1"), [SECRET]), r"c.jsonl:1: record_id must start"),
    (canary_line(transcript(f"code {SECRET}", record_id="canary-1"), ["short"]), r"c.jsonl:1: secrets.0: a string"),
    (canary_line(transcript("nothing here", record_id="canary-1"), [SECRET]), r"c.jsonl:1: secrets.0: not in"),
    (canary_line({"record_id": "canary-1", "kind": "transcript"}, [SECRET]), r"c.jsonl:1: record: missing_field"),
])
def test_when_a_canary_line_is_unusable_then_the_error_names_file_line_and_never_the_secret(entry, message):
    with pytest.raises(CanaryError, match=message) as error:
        read_canaries([entry], "c.jsonl")
    assert SECRET not in str(error.value)


def test_when_the_main_detectors_miss_then_the_verifier_quarantines_and_canaries_never_reach_the_sink(
        tmp_path, policy):
    # E-mail addresses kept by the policy stand for a miss of the main detectors; the canary's
    # secret is plain words no detector masks, and one real record repeats it.
    missing = categories_kept(policy).model_copy(update={"entities": {
        **policy.entities, "EMAIL_ADDRESS": EntityRule(action="keep", sensitivity=1)}})
    records = [transcript("write to jane.doe@example.com please", record_id="r-mail"),
               transcript("nothing to see in this one", record_id="r-clean"),
               transcript(f"i heard {SECRET} today", record_id="r-repeat"),
               keystrokes("meeting notes", record_id="r-keys")]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    canary = transcript(f"the phrase was {SECRET}", record_id="canary-1")
    canaries = read_canaries([canary_line(canary, [SECRET])], str(tmp_path / "canaries.jsonl"))
    out = tmp_path / "out"
    settings = RunSettings(str(source), str(out), missing, KEY, AnalyzerSettings(), OcrSettings(), canaries=canaries)
    build_pipeline(PipelineOptions(["--runner=FnApiRunner"]), settings).run().wait_until_finish()
    written = [json.loads(l) for p in (out / "sanitized").glob("*.jsonl") for l in p.read_text().splitlines()]
    assert sorted(doc["record_id"] for doc in written) == ["r-clean", "r-keys"]
    sink = "".join(p.read_text() for p in (out / "sanitized").glob("*.jsonl"))
    assert "jane.doe" not in sink and "velvet" not in sink.lower() and "canary-1" not in sink
    summary = json.loads((out / "audit" / "summary.json").read_text())
    assert (summary["records_in"], summary["sanitized"], summary["quarantined"], summary["unaccounted"]) == (4, 2, 2, 0)
    assert summary["by_reason"] == {"quarantined:verifier:EMAIL_ADDRESS": 1, "quarantined:verifier:CANARY": 1}
    assert summary["verifier"] == {"quarantined": 2, "by_type": {"CANARY": 1, "EMAIL_ADDRESS": 1}}
    assert summary["canaries"] == {"records_in": 1, "sanitized_clean": 0, "caught_by_verifier": {"CANARY": 1},
                                   "missed_by_main_detectors": 1, "other_outcomes": {}}
    assert "velvet" not in (out / "audit" / "report.html").read_text().lower()
