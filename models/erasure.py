"""One user's records removed from sanitized JSONL shards (plain or gzip), each shard rewritten atomically."""
from __future__ import annotations

import contextlib
import gzip
import json
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

SHARD_SUFFIXES = (".jsonl", ".jsonl.gz")


@dataclass(frozen=True)
class ErasureCounts:
    """What an erasure did, for its receipt: counts only, never an id or a pseudonym."""

    shards_scanned: int
    shards_rewritten: int
    records_removed: int
    records_kept: int


def erase_user(sanitized_dir: Path, pseudonym: str) -> ErasureCounts:
    """Remove every record whose `user_id` is `pseudonym` from the shards of `sanitized_dir`.

    Shards are rewritten one at a time; running it again after an interruption finishes the job.
    """
    shards = sorted(path for path in sanitized_dir.iterdir()
                    if path.is_file() and path.name.endswith(SHARD_SUFFIXES) and not path.name.startswith("."))
    removed = kept = rewritten = 0
    for shard in shards:
        shard_removed, shard_kept = erase_from_shard(shard, pseudonym)
        removed, kept, rewritten = removed + shard_removed, kept + shard_kept, rewritten + bool(shard_removed)
    return ErasureCounts(len(shards), rewritten, removed, kept)


def erase_from_shard(path: Path, pseudonym: str) -> tuple[int, int]:
    """(records removed, records kept). A shard holding none of the user's records is left as it is;
    otherwise a copy without them is written beside it and renamed over it, so a reader sees the
    old shard or the new one, never a partial one."""
    with _open(path) as stream:
        counts = [_is_users(line, pseudonym) for line in stream if line.strip()]
    removed = sum(counts)
    if removed:
        _rewrite_without(path, pseudonym)
    return removed, len(counts) - removed


def _is_users(line: bytes, pseudonym: str) -> bool:
    """A substring test first (most lines are other users'), confirmed on the parsed `user_id`."""
    return pseudonym.encode("ascii") in line and json.loads(line)["user_id"] == pseudonym


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")


def _rewrite_without(path: Path, pseudonym: str) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".erasing")
    try:
        with os.fdopen(handle, "wb") as raw:
            gzipped = path.name.endswith(".gz")
            with gzip.GzipFile(fileobj=raw, mode="wb") if gzipped else contextlib.nullcontext(raw) as out, \
                    _open(path) as stream:
                out.writelines(line for line in stream if not _is_users(line, pseudonym))
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(temp, stat.S_IMODE(path.stat().st_mode))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)  # the rename itself survives a crash
    finally:
        os.close(directory)
