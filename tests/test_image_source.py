"""Image files a record names are read only under the run's roots, only when regular, within a size
and a read-time limit; refusals carry a reason code, never the path."""
from __future__ import annotations

import io
import os

import pytest

from models.image_source import (
    READ_CHUNK_BYTES,
    UnreadableImage,
    confine,
    default_image_roots,
    image_roots,
    read_image_file,
    read_within,
)
from models.policy import DEFAULT_POLICY, PolicyError, load_policy


def no_remote(uri):
    raise AssertionError("a local path was sent to the remote opener")


class Clock:
    """A monotonic clock that moves `step` seconds each time it is read."""

    def __init__(self, step: float):
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.mark.parametrize("pattern, roots", [
    ("gs://bucket/raw/2026-06-09/*.jsonl.gz", ("gs://bucket/raw/2026-06-09",)),
    ("gs://bucket/raw/day-*/records.jsonl", ("gs://bucket/raw",)),
    ("s3://bucket/*.jsonl", ("s3://bucket",)),
    ("gs://bucket/raw/records.jsonl", ("gs://bucket/raw",)),
    ("gs://buck*/raw/records.jsonl", ()),       # a glob in the bucket: no tree to confine to
    ("/*.jsonl", ()),                           # never the whole local filesystem
    ("/data*/records.jsonl", ()),
    ("/data/in/*.jsonl", (os.path.abspath("/data/in"),)),
    ("records-[0-9].jsonl", (os.path.abspath("."),)),
    (None, ()),                                 # Pub/Sub: only --image_roots allows image files
    ("", ()),
])
def test_when_no_roots_are_given_then_the_input_patterns_directory_tree_is_the_root(pattern, roots):
    assert default_image_roots(pattern) == roots
    assert image_roots(None, pattern) == roots


def test_when_roots_are_given_then_they_replace_the_default_and_empty_entries_are_ignored():
    assert image_roots("gs://shots/a, /srv/shots,", "gs://bucket/raw/*.jsonl") == ("gs://shots/a", "/srv/shots")
    assert image_roots("shots", None) == (os.path.abspath("shots"),)
    assert image_roots("", "gs://bucket/raw/*.jsonl") == ()


@pytest.mark.parametrize("uri, allowed", [
    ("gs://bucket/raw/shots/a.png", True),
    ("gs://bucket/raw/shots/../b.png", True),
    ("gs://bucket/raw/../other/a.png", False),
    ("gs://bucket/raw/../../other-bucket/a.png", False),
    ("gs://bucket/rawish/a.png", False),         # a root is a directory, not a name prefix
    ("gs://other/raw/a.png", False),
    ("s3://bucket/raw/a.png", False),            # another filesystem
    ("file:///etc/hostname", False),
    ("/etc/hostname", False),
    ("bucket/raw/a.png", False),                 # a local path is not under a bucket
])
def test_when_a_uri_is_checked_then_only_normalised_paths_under_a_root_pass(uri, allowed):
    if allowed:
        assert confine(uri, ("gs://bucket/raw/",)).startswith("gs://bucket/raw/")
    else:
        with pytest.raises(UnreadableImage) as error:
            confine(uri, ("gs://bucket/raw/",))
        assert error.value.reason == "outside_image_roots" and str(error.value) == "outside_image_roots"


@pytest.fixture
def tree(tmp_path):
    """root/in/ (the input's tree, holding a.png), and a file beside it that must stay unreadable."""
    inside = tmp_path / "in"
    (inside / "screens").mkdir(parents=True)
    (inside / "screens" / "a.png").write_bytes(b"PNG-BYTES")
    (tmp_path / "other-capture.png").write_bytes(b"OTHER-USER-PIXELS")
    return inside


def read(uri, root, max_bytes=1000, remote=no_remote, clock=None):
    return read_image_file(str(uri), (str(root),), max_bytes, 60.0, remote, **({"clock": clock} if clock else {}))


def test_when_a_local_file_lies_under_the_root_then_it_is_read(tree):
    assert read(tree / "screens" / "a.png", tree) == b"PNG-BYTES"
    assert read(tree / "screens" / ".." / "screens" / "a.png", tree) == b"PNG-BYTES"


@pytest.mark.parametrize("escape", ["../other-capture.png", "screens/../../other-capture.png", "/etc/hostname"])
def test_when_a_local_path_leaves_the_root_then_it_is_refused_unread(tree, escape):
    uri = escape if escape.startswith("/") else f"{tree}/{escape}"
    with pytest.raises(UnreadableImage) as error:
        read(uri, tree)
    assert error.value.reason == "outside_image_roots"


def test_when_a_symlink_under_the_root_points_outside_then_it_is_refused(tree):
    (tree / "screens" / "link.png").symlink_to(tree.parent / "other-capture.png")
    (tree / "screens" / "dir-link").symlink_to(tree.parent)
    for uri in (tree / "screens" / "link.png", tree / "screens" / "dir-link" / "other-capture.png"):
        with pytest.raises(UnreadableImage) as error:
            read(uri, tree)
        assert error.value.reason == "outside_image_roots"


def test_when_a_path_holds_a_nul_byte_then_it_is_refused(tree):
    with pytest.raises(UnreadableImage) as error:
        read(f"{tree}/screens/a.png\x00.png", tree)
    assert error.value.reason == "outside_image_roots"


def test_when_the_file_is_a_fifo_or_a_directory_then_it_is_refused_without_blocking(tree):
    os.mkfifo(tree / "screens" / "pipe.png")  # no writer: a blocking open or read would hang here
    for uri in (tree / "screens" / "pipe.png", tree / "screens"):
        with pytest.raises(UnreadableImage) as error:
            read(uri, tree)
        assert error.value.reason == "not_a_regular_file"


def test_when_a_local_file_is_missing_then_it_is_unreadable(tree):
    with pytest.raises(UnreadableImage) as error:
        read(tree / "screens" / "missing.png", tree)
    assert error.value.reason == "image_uri_unreadable"


def test_when_a_file_is_larger_than_the_limit_then_it_is_refused(tree):
    with pytest.raises(UnreadableImage) as error:
        read(tree / "screens" / "a.png", tree, max_bytes=8)
    assert error.value.reason == "too_large"
    assert read(tree / "screens" / "a.png", tree, max_bytes=9) == b"PNG-BYTES"


class Unread(io.BytesIO):
    def read(self, *args):
        raise AssertionError("read although the size was known to be too large")


def test_when_a_remote_file_is_larger_than_the_limit_then_nothing_of_it_is_read():
    opened = []

    def remote(uri):
        opened.append(uri)
        return Unread(), 2000

    with pytest.raises(UnreadableImage) as error:
        read("gs://bucket/raw/x/../a.png", "gs://bucket/raw", remote=remote)
    assert error.value.reason == "too_large" and opened == ["gs://bucket/raw/a.png"]  # the normalised URI


def test_when_a_stream_outgrows_its_limit_or_size_then_reading_stops_at_the_limit():
    stream = io.BytesIO(b"x" * (3 * READ_CHUNK_BYTES))
    with pytest.raises(UnreadableImage) as error:
        read_within(stream, READ_CHUNK_BYTES + 10, 60.0)
    assert error.value.reason == "too_large" and stream.tell() == READ_CHUNK_BYTES + 11
    assert read("gs://bucket/raw/a.png", "gs://bucket/raw", remote=lambda uri: (io.BytesIO(b"abc"), None)) == b"abc"


def test_when_a_read_outlasts_its_deadline_then_it_is_abandoned_between_chunks():
    stream = io.BytesIO(b"x" * (3 * READ_CHUNK_BYTES))
    with pytest.raises(UnreadableImage) as error:
        read_within(stream, 10 * READ_CHUNK_BYTES, timeout_secs=60.0, clock=Clock(step=61.0))
    assert error.value.reason == "read_timeout" and stream.tell() == READ_CHUNK_BYTES
    assert read_within(io.BytesIO(b"x" * 10), 100, timeout_secs=60.0, clock=Clock(step=1.0)) == b"x" * 10


@pytest.mark.parametrize("edit, key", [
    (("max_side_px: 16384", "max_side_px: 0"), "screenshots.max_side_px"),
    (("max_aspect_ratio: 8", "max_aspect_ratio: 0.5"), "screenshots.max_aspect_ratio"),
    (("max_image_bytes: 16000000", "max_image_bytes: -1"), "screenshots.max_image_bytes"),
    (("image_read_timeout_secs: 60", "image_read_timeout_secs: 0"), "screenshots.image_read_timeout_secs"),
    (("  max_side_px: 16384\n", ""), "screenshots.max_side_px"),
])
def test_when_an_image_limit_is_bad_or_missing_then_the_policy_error_names_it(tmp_path, edit, key):
    path = tmp_path / "policy.yaml"
    text = DEFAULT_POLICY.read_text()
    assert edit[0] in text
    path.write_text(text.replace(*edit, 1))
    with pytest.raises(PolicyError) as error:
        load_policy(path)
    assert key in str(error.value)
