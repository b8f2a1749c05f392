"""The policy file: the default loads; a bad file stops with an error naming the key."""
from __future__ import annotations

import pytest

from models.policy import DEFAULT_POLICY, OPTIONAL_FIELDS, PolicyError, load_policy


def test_when_default_policy_loads_then_pii_is_masked_and_structure_kept():
    policy = load_policy(DEFAULT_POLICY)
    assert policy.version
    assert policy.replaces("PERSON") and policy.replaces("US_SSN") and policy.replaces("SECRET")
    assert not policy.replaces("URL") and not policy.replaces("DATE_TIME")
    assert policy.replaces("SOME_NEW_ENTITY")  # unknown types fail closed
    assert {name: rule.action for name, rule in policy.categories.items()} == {
        "medical": "drop_record", "tax": "drop_record", "private_chat": "drop_record", "performance": "drop_record"}


@pytest.mark.parametrize("edit, key", [
    (("PERSON: {action: mask", "PERSON: {action: blur"), "entities.PERSON.action"),
    (("US_SSN: {action: mask, sensitivity: 4}", "US_SSN: {action: mask, sensitivity: 5}"), "entities.US_SSN.sensitivity"),
    (("medical: {action: drop_record", "medical: {action: hash"), "categories.medical.action"),
    (("  performance: {action: drop_record, sensitivity: 4}\n", ""), "categories"),
    (("score_threshold: 0.4", "score_threshold: 4"), "score_threshold"),
    (("version:", "versoin:"), "version"),
    (("box_padding_px: 4", "box_padding_px: -1"), "screenshots.box_padding_px"),
    (('denied_apps: ["1Password*"', 'denied_apps: [1, "1Password*"'), "capture.denied_apps.0"),
    (("denied_domains: [1password.com", 'denied_domains: ["https://1password.com/"'), "capture.denied_domains.0"),
    (("app_kinds: {}", "app_kinds: {Terminal: [keystroke]}"), "capture.app_kinds.Terminal.0"),
    (("app_kinds: {}", "app_kinds: {Terminal: []}"), "capture.app_kinds.Terminal"),
    (("on_secure_field: mask", "on_secure_field: drop"), "capture.on_secure_field"),
    (("screenshot: [session_id, app, window_title, url]", "screenshot: [session_id, field]"), "disclosure.screenshot"),
    (("screenshot: [session_id, app, window_title, url]", "screenshots: [session_id]"), "disclosure.screenshots"),
    (("screenshot: [session_id, app, window_title, url]", "screenshot:"), "disclosure.screenshot"),
    (("\ncapture:", "\ncapture_policy:"), "capture"),
])
def test_when_a_key_is_bad_then_the_error_names_it(tmp_path, edit, key):
    path = tmp_path / "policy.yaml"
    path.write_text(DEFAULT_POLICY.read_text().replace(*edit, 1))
    with pytest.raises(PolicyError) as error:
        load_policy(path)
    assert key in str(error.value) and str(path) in str(error.value)


def test_when_default_policy_loads_then_every_kind_and_optional_field_of_the_contract_is_disclosed():
    disclosure = load_policy(DEFAULT_POLICY).disclosure
    assert {kind: set(getattr(disclosure, kind)) for kind in OPTIONAL_FIELDS} == {
        kind: set(fields) for kind, fields in OPTIONAL_FIELDS.items()}


def test_when_file_is_not_yaml_or_missing_then_error_says_so(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: [unclosed")
    with pytest.raises(PolicyError, match="not valid YAML"):
        load_policy(bad)
    with pytest.raises(PolicyError, match="cannot read"):
        load_policy(tmp_path / "missing.yaml")
