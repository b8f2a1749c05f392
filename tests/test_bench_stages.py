"""The speed work's measuring tools: the stage clock of `bench --stages` (evaluation/bench_stages.py) and the
equivalence digests (evaluation/bench_equivalence.py). No times are asserted, only what is charged where."""
from __future__ import annotations

import json
from collections import Counter

import evaluation.bench_stages as stages
from evaluation.bench_equivalence import compare, digests, public_records, public_texts
from evaluation.bench_stages import BUILD, StageClock, table


def test_a_stage_is_charged_its_own_time_not_that_of_the_stages_it_calls(monkeypatch):
    ticks = iter(range(100))
    monkeypatch.setattr(stages.time, "process_time", lambda: float(next(ticks)))
    clock = StageClock()  # its mark: 0
    inner = clock.timed("inner", lambda: None)

    def outer():
        inner()
        return "done"

    assert clock.timed("outer", outer)() == "done"  # enter outer 1, enter inner 2, leave inner 3, leave outer 4
    pieces = list(clock.timed_iterator("spaCy", lambda: iter("ab"))())  # 5-6, 7-8, 9-10, 11-12 (the end)
    monkeypatch.undo()
    assert pieces == ["a", "b"]
    assert clock.seconds == Counter({"outer": 2.0, "inner": 1.0, "spaCy": 4.0})


def test_the_table_leaves_the_build_out_of_the_per_record_time():
    seconds = Counter({BUILD: 10.0, "spaCy": 2.0, "parse": 1.0, "recognizer A": 0.5, "recognizer B": 0.5})
    text = table(seconds, 14.0, 1000, top=2)
    assert "per record 4.00 ms" in text and "| spaCy | 2.000 | 50.0% |" in text
    assert "2 other stages" in text and BUILD not in text.split("\n", 1)[1]


def test_public_lines_become_chat_turns_and_typed_records(tmp_path):
    (tmp_path / "benign_ubuntu_irc").mkdir()
    (tmp_path / "benign_ubuntu_irc" / "a.raw.txt").write_text("[12:18] <ana> try the backports\n\n[12:19] <bo> ok\n")
    (tmp_path / "chat_sms_spam_collection").mkdir()
    (tmp_path / "chat_sms_spam_collection" / "SMSSpamCollection").write_text("Label\tSMS\nham\tsee you at 5\n")
    texts = public_texts(8, tmp_path)
    assert texts == ["[12:18] <ana> try the backports", "[12:19] <bo> ok", "see you at 5"]
    records = [json.loads(line) for line in public_records(texts)]
    assert [r["kind"] for r in records] == ["transcript", "transcript", "keystrokes"]
    assert [s["text"] for s in records[1]["segments"]] == texts[:2]


def test_digests_are_per_workload_and_compare_names_what_differs():
    before = {"bench:1:r1": {"spans": [["text", "PERSON", 0, 3, "0.85"]], "outcome": "a"},
              "public:0:p0": {"spans": [], "outcome": "b"}}
    after = {**before, "public:0:p0": {"spans": [["text", "EMAIL_ADDRESS", 4, 20, "1.0"]], "outcome": "c"}}
    assert digests(before)["bench"] == digests(after)["bench"]
    assert digests(before)["public"] != digests(after)["public"]
    assert compare(before, after) == ["public:0:p0: spans, outcome (spans lost 0, gained 1)"]
