"""`python -m pipeline.explain` on the real models: the signals behind a record's category, on stdout
only, in names and counts, never the record's text."""
from __future__ import annotations

import json
import logging

from pipeline.explain import main
from tests.conftest import keystrokes, transcript, write_jsonl

SAID = "sorry, I can't make standup, my MRI got moved to 9 and Quillon Abernathy-Voss says my bloods are due"


def test_explain_names_the_deciding_signals_and_prints_no_record_text(capsys, caplog):
    record = transcript(SAID, app="Slack", window_title="Quillon Abernathy-Voss (direct) · Acme")
    with caplog.at_level(logging.DEBUG):
        assert main([json.dumps(record), "--json"]) == 0
    out = capsys.readouterr().out
    explained = json.loads(out)
    assert explained["decided"] == "medical" and explained["policy_action"] == "drop_record"
    assert explained["scores"]["medical"]["score"] >= explained["threshold"]
    assert explained["owned_term_hits"]["medical:strong"] >= 1 and explained["term_hits"]["work:term"] >= 1
    assert explained["app"] == "Slack" and set(explained["probabilities"]) >= {"medical", "benign"}
    assert "medical" in explained["evidenced"]
    for secret in ("Quillon", "Abernathy", "MRI", "bloods", "standup"):
        assert secret not in out
        assert all(secret not in message for message in caplog.messages)


def test_explain_reads_a_line_of_a_file_and_shows_work_keeping_a_record(tmp_path, capsys):
    path = write_jsonl(tmp_path / "records.jsonl", [
        transcript("lunch?", app="Slack"),
        transcript("PAY-2210: the W-4 withholding calculator rounds state tax wrong for 340 tenants", app="Slack",
                   window_title="#team-payroll · Acme")])
    assert main(["--file", str(path), "--line", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("category: none -> keep")
    evidenced = out.split("(with evidence in the text first: ", 1)[1].split(")", 1)[0]
    assert "tax" in evidenced.split(", ")
    assert "ticket_key 1" in out and "population 1" in out and "W-4" not in out


def test_explain_refuses_an_invalid_record_by_its_reason_code(capsys):
    assert main(['{"kind": "transcript"}']) == 2
    assert "not a valid record" in capsys.readouterr().err


def test_explain_reads_a_record_from_standard_input(monkeypatch, capsys):
    import io
    import sys
    line = json.dumps(transcript("PAY-2210: the W-4 calculator rounds wrong", app="Slack")) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode("utf-8"))))
    assert main(["-"]) == 0
    assert capsys.readouterr().out.startswith("category: none -> keep")


def test_explain_names_an_owned_person_pattern_and_not_its_words(capsys):
    record = keystrokes("Tomasz missed his Q2 targets again, PIP discussion Friday", app="Notion")
    assert main([json.dumps(record), "--json"]) == 0
    out = capsys.readouterr().out
    explained = json.loads(out)
    assert explained["decided"] == "performance"
    assert explained["owned_term_hits"]["performance:person:missed_targets"] == 1
    assert explained["scores"]["performance"]["parts"]["person_patterns"] > 0
    assert "Tomasz" not in out and "Q2" not in out and "discussion" not in out
    assert main([json.dumps(record)]) == 0
    assert "performance:person:missed_targets 1" in capsys.readouterr().out


def test_explain_leaves_the_process_shared_detector_as_it_was():
    from models.engine import settings_for_policy, shared_detector
    from models.policy import DEFAULT_POLICY, load_policy

    shared = shared_detector(settings_for_policy(load_policy(DEFAULT_POLICY)))
    classifier = shared.classifier
    assert main([json.dumps(transcript("lunch at 12?", app="Slack")), "--json"]) == 0
    assert shared.classifier is classifier
