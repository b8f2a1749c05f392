"""Erasure requests: one user's records removed from a real run's output, with a receipt of counts only."""
from __future__ import annotations

import gzip
import json
import shutil

from models.erasure import erase_from_shard
from models.pseudonyms import pseudonymize
from pipeline.erase import main
from pipeline.options import KEY_ENV
from tests.conftest import KEY

USER, OTHER = "emp-0001", "emp-0002"


def shard_docs(out) -> list[dict]:
    return [json.loads(line) for path in sorted((out / "sanitized").glob("*.jsonl"))
            for line in path.read_text().splitlines()]


def test_when_a_user_is_erased_then_only_their_records_go_and_the_receipt_counts_them(capture_run, tmp_path, capsys):
    out = tmp_path / "out"
    shutil.copytree(capture_run, out)
    shards = sorted((out / "sanitized").glob("*.jsonl"))
    holding_user = sum(pseudonymize(USER, KEY) in path.read_text() for path in shards)
    before = shard_docs(out)
    assert {doc["user_id"] for doc in before} == {pseudonymize(USER, KEY), pseudonymize(OTHER, KEY)}

    assert main(["--output", str(out), "--user_id", USER], environ={KEY_ENV: KEY.decode()}) == 0

    after = shard_docs(out)
    assert {doc["user_id"] for doc in after} == {pseudonymize(OTHER, KEY)}
    assert sorted(doc["record_id"] for doc in after) == ["other-1", "other-2"]
    assert after == [doc for doc in before if doc["user_id"] == pseudonymize(OTHER, KEY)]
    receipts = list((out / "audit").glob("erasure-*.json"))
    assert len(receipts) == 1
    text = receipts[0].read_text()
    receipt = json.loads(text)
    assert {k: v for k, v in receipt.items() if k != "erased_at"} == {
        "shards_scanned": len(shards), "shards_rewritten": holding_user, "records_removed": 3, "records_kept": 2}
    assert holding_user >= 1 and receipt["erased_at"].endswith("Z")
    printed = capsys.readouterr()
    for secret in (USER, pseudonymize(USER, KEY)):
        assert secret not in text and secret not in printed.out + printed.err
    assert not list((out / "sanitized").glob(".*"))   # no temporary file left behind

    assert main(["--output", str(out), "--user_id", USER], environ={KEY_ENV: KEY.decode()}) == 0
    again = max((out / "audit").glob("erasure-*.json"))
    assert json.loads(again.read_text())["records_removed"] == 0 and shard_docs(out) == after


def test_when_no_key_is_given_then_erasure_refuses_with_exit_2(tmp_path, capsys):
    (tmp_path / "out" / "sanitized").mkdir(parents=True)
    assert main(["--output", str(tmp_path / "out"), "--user_id", USER], environ={}) == 2
    error = capsys.readouterr().err
    assert KEY_ENV in error and USER not in error
    assert not (tmp_path / "out" / "audit").exists()


def test_when_the_output_directory_is_missing_then_erasure_refuses_with_exit_2(tmp_path, capsys):
    assert main(["--output", str(tmp_path / "nothing"), "--user_id", USER], environ={KEY_ENV: KEY.decode()}) == 2
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["--output", str(tmp_path / "empty"), "--user_id", USER], environ={KEY_ENV: KEY.decode()}) == 2
    assert "no sanitized/" in capsys.readouterr().err


def test_when_a_shard_is_gzipped_then_it_is_rewritten_gzipped_without_the_user(tmp_path):
    shard = tmp_path / "part-00000-of-00001.jsonl.gz"
    lines = [json.dumps({"record_id": f"r-{i}", "user_id": pseudonymize(user, KEY)}) + "\n"
             for i, user in enumerate([USER, OTHER, USER])]
    shard.write_bytes(gzip.compress("".join(lines).encode()))
    assert erase_from_shard(shard, pseudonymize(USER, KEY)) == (2, 1)
    assert gzip.decompress(shard.read_bytes()).decode() == lines[1]
    assert [p.name for p in tmp_path.iterdir()] == [shard.name]
