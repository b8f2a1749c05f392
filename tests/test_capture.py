"""Capture policy and disclosure: matching, verdicts, and the real pipeline dropping and stripping."""
from __future__ import annotations

import json

import pytest

from models.capture import app_matches, capture_verdict, domain_matches, hostname, strip_undisclosed
from models.parse import parse_line
from models.text_views import context_text
from tests.conftest import capture_test_policy, keystrokes, record, transcript


def parsed(raw: dict):
    return parse_line(json.dumps(raw).encode(), "in.jsonl")


@pytest.mark.parametrize("host, pattern, expected", [
    ("chase.com", "chase.com", True),
    ("secure.chase.com", "chase.com", True),
    ("purchase.com", "chase.com", False),             # a suffix only at a label boundary
    ("chase.com.evil.example", "chase.com", False),
    ("my.team.1password.com", "*.1password.com", True),
    ("1password.com", "*.1password.com", False),      # a glob matches the whole host
    ("mychart.examplehealth.org", "mychart.*", True),
    ("notmychart.examplehealth.org", "mychart.*", False),
    ("staging.portal.examplehealth.org", "mychart.*", False),
])
def test_when_a_host_is_matched_then_domains_are_suffixes_and_globs_whole(host, pattern, expected):
    assert domain_matches(host, pattern) is expected


@pytest.mark.parametrize("url, host", [
    ("https://Secure.Chase.COM.:443/web?x=1", "secure.chase.com"),
    ("https://jdoe:pw@vault.bitwarden.com/#/vault", "vault.bitwarden.com"),
    ("https://chase.com@evil.example/login", "evil.example"),   # credentials are not the host
    ("mail.google.com/mail/u/0", "mail.google.com"),            # no scheme
    # No scheme, and a `//` later in the query: the host is what comes before the first / ? #.
    ("secure.example-bank.com/login?next=https://other.example/x", "secure.example-bank.com"),
    ("SECURE.Example-Bank.com?next=//other.example", "secure.example-bank.com"),
    ("secure.example-bank.com#//other.example", "secure.example-bank.com"),
    ("jdoe@secure.example-bank.com:8443/login", "secure.example-bank.com"),   # userinfo and port, no scheme
    ("http://[2001:db8::1]:8080/admin", "2001:db8::1"),                        # IPv6 in brackets
    ("https:\\\\secure.chase.com\\web", "secure.chase.com"),             # backslashes, as browsers read them
    ("https://evil.example\\@secure.chase.com/", "evil.example"),           # a backslash ends the host
    ("https://bänk.example/login", "xn--bnk-qla.example"),                     # IDNA, as patterns are written
    ("xn--bnk-qla.example./x", "xn--bnk-qla.example"),
    ("secure.chase\u3002com/x", "secure.chase.com"),                            # an ideographic full stop
    ("//secure.chase.com/x", "secure.chase.com"),
    # Schemes wrapping another URL, as browsers show them: the host is the wrapped URL's.
    ("view-source:https://secure.chase.com/accounts", "secure.chase.com"),
    ("blob:https://secure.chase.com/6f1c-44e2", "secure.chase.com"),
    ("jar:https://secure.chase.com/lib/app.jar!/index.html", "secure.chase.com"),
    ("filesystem:https://secure.chase.com/temporary/x.png", "secure.chase.com"),
    ("View-Source:blob:HTTPS://Secure.Chase.com/x", "secure.chase.com"),   # nested, any case
    ("view-source:https:secure.chase.com/x", "secure.chase.com"),
    ("view-source:secure.chase.com/x", "secure.chase.com"),
    ("view-source:" * 2000 + "https://secure.chase.com/x", "secure.chase.com"),
    ("secure.chase.com:8443/x", "secure.chase.com"),                     # a port is not a wrapper
    ("jdoe:pw@secure.chase.com/x", "secure.chase.com"),
    ("", None),
    ("https://", None),
])
def test_when_a_url_is_read_then_its_host_is_lower_case_without_port_or_credentials(url, host):
    assert hostname(url) == host


@pytest.mark.parametrize("app, pattern, expected", [
    ("1Password 8", "1Password*", True),
    ("1PASSWORD", "1password*", True),
    ("bitwarden", "Bitwarden*", True),
    ("keychain access", "Keychain Access", True),
    ("Signal", "Signal", True),
    ("Signal Desktop Helper", "Signal", False),   # no glob: the whole name
    ("Slack", "Signal", False),
])
def test_when_an_app_is_matched_then_globs_ignore_case(app, pattern, expected):
    assert app_matches(app, pattern) is expected


@pytest.mark.parametrize("raw, expected", [
    (keystrokes("hi", app="1Password 7"), "capture_policy:denied_app"),
    (record("screenshot", image_b64="aGk=", app="KeePassXC"), "capture_policy:denied_app"),
    (transcript("hi", app="Telegram Desktop"), "capture_policy:denied_app"),
    (keystrokes("hi", app="Chrome", url="https://secure.chase.com/dashboard"), "capture_policy:denied_domain"),
    (keystrokes("hi", app="Chrome", url="https://mail.google.com/mail/u/0/#inbox"), "capture_policy:denied_domain"),
    (keystrokes("hi", app="Chrome", url="https://mychart.examplehealth.org/app"), "capture_policy:denied_domain"),
    (keystrokes("hi", app="Chrome", url="secure.chase.com/login?next=https://www.example.com/x"),
     "capture_policy:denied_domain"),
    (keystrokes("hi", app="Chrome", url="view-source:https://secure.chase.com/dashboard"),
     "capture_policy:denied_domain"),
    (record("screenshot", image_b64="aGk=", app="Chrome", url="blob:https://mail.google.com/3b9e-41d0"),
     "capture_policy:denied_domain"),
    (keystrokes("hi", app="Chrome", url="https://www.purchase.com/cart"), None),
    (keystrokes("hi", app="Chrome", url="https://staging.portal.examplehealth.org/login"), None),
    (keystrokes("hi", app="Slack"), None),
    (keystrokes("hunter2", app="Chrome", field="password"), None),     # masked as <SECRET>, as before
    (record("screenshot", image_b64="aGk=", app="Terminal"), None),    # no per-app kinds by default
])
def test_default_capture_rules(raw, expected, policy):
    assert capture_verdict(parsed(raw), policy) == expected


@pytest.mark.parametrize("raw, expected", [
    (record("screenshot", image_b64="aGk=", app="terminal"), "capture_policy:kind_not_allowed_for_app"),
    (keystrokes("ls", app="Terminal"), None),
    (keystrokes("hunter2", app="Chrome", field="current-password"), "capture_policy:secure_field"),
    (keystrokes("dwhitaker", app="Chrome", window_title="Sign in - Okta"), "capture_policy:secure_field"),
    (transcript("hi", app="Slack"), "undisclosed:kind"),
])
def test_rules_a_policy_can_add(raw, expected, policy):
    assert capture_verdict(parsed(raw), capture_test_policy(policy)) == expected


def test_when_a_secure_title_is_undisclosed_then_the_record_is_dropped_rather_than_unmasked(policy):
    masking = capture_test_policy(policy)
    masking = masking.model_copy(update={"capture": masking.capture.model_copy(update={"on_secure_field": "mask"})})
    login = parsed(keystrokes("dwhitaker", app="Chrome", window_title="Sign in - Okta"))
    assert capture_verdict(login, policy) is None                       # disclosed: kept, typing masked
    assert capture_verdict(login, masking) == "capture_policy:secure_field"


def test_when_fields_are_undisclosed_then_they_are_stripped_and_named(policy):
    raw = parsed(keystrokes("hi", app="Slack", window_title="Slack | Priya Raman", session_id="s-1"))
    stripped, names = strip_undisclosed(raw, capture_test_policy(policy).disclosure)
    assert names == ("window_title",) and stripped.window_title is None and stripped.app == "Slack"
    assert strip_undisclosed(raw, policy.disclosure) == (raw, ())


def sanitized_docs(out) -> dict[str, dict]:
    return {doc["record_id"]: doc for path in (out / "sanitized").glob("*.jsonl")
            for doc in map(json.loads, path.read_text().splitlines())}


def test_in_the_pipeline_denied_records_are_dropped_by_rule_and_the_audit_reconciles(capture_run):
    summary = json.loads((capture_run / "audit" / "summary.json").read_text())
    assert sorted(sanitized_docs(capture_run)) == ["lookalike", "other-1", "other-2", "stripped", "terminal-keys"]
    assert summary["by_reason"] == {
        "dropped:capture_policy:denied_app": 2, "dropped:capture_policy:denied_domain": 1,
        "dropped:capture_policy:kind_not_allowed_for_app": 1, "dropped:capture_policy:secure_field": 1,
        "dropped:undisclosed:kind": 1, "quarantined:malformed_json": 1}
    assert summary["records_in"] == 12 == summary["sanitized"] + summary["dropped"] + summary["quarantined"]
    assert summary["unaccounted"] == 0
    assert summary["by_kind"]["screenshot"] == {"in": 2, "sanitized": 0, "dropped": 2, "quarantined": 0}


def test_in_the_pipeline_an_undisclosed_field_is_stripped_and_counted(capture_run):
    doc = sanitized_docs(capture_run)["stripped"]
    assert "window_title" not in doc and doc["app"] == "Slack" and "session_id" in doc
    raw = (capture_run / "audit" / "summary.json").read_text()
    assert json.loads(raw)["fields_stripped"] == {"window_title": 1}
    assert "platform-eng" not in raw and "1Password" not in raw and "chase" not in raw


@pytest.mark.parametrize("url", ["https://mychart.examplehealth.org/app",
                                 "mychart.examplehealth.org/app?next=https://www.example.com/home"])
def test_the_category_decision_reads_the_url_host_as_the_capture_rules_do(analyzer, url):
    from models.categories import CategoryClassifier, category_data, load_text_classifier
    from models.records import RawRecord
    nlp = analyzer.nlp_engine.nlp["en"]
    classifier = CategoryClassifier(nlp, category_data(), load_text_classifier(category_data()))
    record = RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app="Chrome", url=url)
    scores = dict(classifier.decide(record, [classifier.features(nlp("checking my upcoming appointment"))], ()).scores)
    plain = RawRecord("r", "transcript", "u", "2026-06-09T09:00:00Z", app="Chrome")
    unhosted = dict(classifier.decide(plain, [classifier.features(nlp("checking my upcoming appointment"))], ()).scores)
    data = category_data()  # the domain's weight, within the medical context cap (context never decides alone)
    assert scores["medical"] - unhosted["medical"] == pytest.approx(
        min(data.weights.domain, data.categories["medical"].max_context or data.weights.max_context))


@pytest.mark.parametrize("url, scanned", [
    ("https://app.example.com/invite?email=john.smith+work@example.com",
     "https://app.example.com/invite?email=john.smith+work@example.com"),
    ("https://crm.example.org/?to=jane%2Bsales%40example.com&q=a%20b",
     "https://crm.example.org/?to=jane+sales@example.com&q=a b"),
])
def test_a_url_is_scanned_percent_decoded_with_plus_signs_kept(url, scanned):
    assert context_text(parsed(transcript("hi", url=url)), "url") == scanned


@pytest.mark.parametrize("url", ["https://accounts.example.com/flow?step=sign+in",
                                 "https://id.example.com/?q=enter%20pin", "https://id.example.com/?q=verification+code"])
def test_a_query_phrase_written_with_plus_signs_is_a_secure_context(policy, url):
    record = parsed(keystrokes("dwhitaker", app="Chrome", url=url))
    assert policy.keystrokes.is_secure(record.field, record.window_title, context_text(record, "url"))
