"""Reading input files: compressed files are checked to their end, and a file cut short is counted."""
from __future__ import annotations

import bz2
import gzip
import io
import json
import logging
import lzma

import apache_beam as beam
import pytest
from apache_beam.testing.util import assert_that, equal_to

from models.records import DiscardedRecord
from tests.conftest import record, transcript
from transforms.read import READ_ERRORS, ReadRawRecords, bounded_lines, open_checked

LINES = b"".join(json.dumps(transcript("the deploy is green", record_id=f"r-{n}")).encode() + b"\n"
                 for n in range(200))
COMPRESSORS = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
@pytest.mark.parametrize("damage", ["trailer_cut", "half_cut", "checksum_flipped"])
def test_when_a_compressed_file_is_cut_or_corrupt_then_reading_it_raises(tmp_path, suffix, damage):
    data = bytearray(COMPRESSORS[suffix](LINES))
    if damage == "trailer_cut":
        data = data[:-4]  # every line is still in it: only the end-of-stream check can tell
    elif damage == "half_cut":
        data = data[:len(data) // 2]
    else:
        data[-6] ^= 0xFF  # inside the gzip CRC32, the xz index or the bz2 stream CRC
    path = tmp_path / f"in.jsonl{suffix}"
    path.write_bytes(bytes(data))
    with pytest.raises(READ_ERRORS):
        with open_checked(str(path)) as stream:
            while stream.readline():
                pass


def test_when_a_gzip_file_has_several_members_then_every_one_is_read(tmp_path):
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(LINES[:1000]) + gzip.compress(LINES[1000:]))
    with open_checked(str(path)) as stream:
        assert stream.read() == LINES


def test_when_a_batch_input_gzip_is_truncated_then_its_lines_before_the_cut_are_read_and_the_loss_counted(
        tmp_path, pipeline, caplog):
    (tmp_path / "good.jsonl").write_bytes(b"".join(LINES.splitlines(keepends=True)[:3]))
    (tmp_path / "cut.jsonl.gz").write_bytes(gzip.compress(LINES)[:-8])  # the trailer (CRC32, size) is gone
    with caplog.at_level(logging.WARNING, logger="transforms.read"):
        records, discarded, line_count = pipeline | ReadRawRecords(str(tmp_path / "*"))
        assert_that(records | beam.combiners.Count.Globally(), equal_to([203]),
                    label="Records")
        assert_that(discarded, equal_to([DiscardedRecord("unknown", "quarantined:unreadable_file")]),
                    label="Discarded")
        assert_that(line_count, equal_to([204]), label="Lines")
        pipeline.run().wait_until_finish()
    assert "cut.jsonl.gz not read to its end (EOFError)" in caplog.text
    assert "deploy" not in caplog.text and "r-1" not in caplog.text


@pytest.mark.parametrize("limit", [None, 4, 5, 6, 100])
def test_bounded_lines_hold_no_more_than_one_byte_past_the_limit(limit):
    data = b"abcd\nabcde\n\nabcdefghijklmnopqrstuvwxyz\nxy"
    lines = list(bounded_lines(io.BytesIO(data), limit))
    full = [b"abcd", b"abcde", b"", b"abcdefghijklmnopqrstuvwxyz", b"xy"]
    assert len(lines) == len(full)
    for line, whole in zip(lines, full):
        assert line == (whole if limit is None or len(whole) <= limit else whole[:limit + 1])


def test_when_a_line_is_over_the_limit_then_it_is_quarantined_as_too_large(pipeline, tmp_path):
    (tmp_path / "in.jsonl").write_bytes(b"\n".join([
        json.dumps(record("keystrokes", record_id="small", events=[{"t": 0, "key": "a"}])).encode(),
        json.dumps(record("keystrokes", record_id="big", events=[{"t": 0, "key": "a"}] * 200)).encode(),
    ]) + b"\n")
    with pipeline as p:
        records, discarded, line_count = p | ReadRawRecords(str(tmp_path / "*.jsonl"), max_line_bytes=1000)
        assert_that(records | beam.Map(lambda r: r.record_id), equal_to(["small"]), label="Records")
        assert_that(discarded, equal_to([DiscardedRecord("unknown", "quarantined:too_large")]), label="Discarded")
        assert_that(line_count, equal_to([2]), label="Lines")
