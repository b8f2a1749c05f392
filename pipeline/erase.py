"""`python -m pipeline.erase --output DIR --user_id ID`: remove one user's records from a run's output.

The user's pseudonym is computed with the run's key, exactly as the pipeline does; the receipt and
the printed line hold counts only, never the raw id or the pseudonym.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from models.erasure import ErasureCounts, erase_user
from models.pseudonyms import pseudonymize
from pipeline.keys import ConfigError, read_pseudonym_key
from pipeline.options import KEY_ENV

_LOG = logging.getLogger(__name__)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The options; unknown ones are refused by name only (a value could be the raw user id)."""
    parser = argparse.ArgumentParser(prog="python -m pipeline.erase", description=__doc__, allow_abbrev=False)
    parser.add_argument("--output", required=True, help="output directory of a pipeline run (local)")
    parser.add_argument("--user_id", required=True, help="the raw user id, as in the input records")
    parser.add_argument("--pseudonym_key_file", default=None,
                        help=f"file holding the run's pseudonym key; else ${KEY_ENV} is used")
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        raise ConfigError(f"unknown options or stray arguments "
                          f"{[a.split('=', 1)[0] if a.startswith('-') else '<argument>' for a in unknown]}")
    return args


def check(args: argparse.Namespace, environ: dict[str, str]) -> tuple[Path, str]:
    """The sanitized directory and the user's pseudonym, or a ConfigError naming what is wrong."""
    if "://" in args.output:
        raise ConfigError(f"--output {args.output!r}: only local directories are supported "
                          "(docs/operations.md: erasure requests, for the production sink)")
    sanitized = Path(args.output) / "sanitized"
    if not Path(args.output).is_dir():
        raise ConfigError(f"--output {args.output!r} does not exist or is not a directory")
    if not sanitized.is_dir():
        raise ConfigError(f"--output {args.output!r} holds no sanitized/ directory")
    if not args.user_id.strip():
        raise ConfigError("--user_id is empty")
    key = read_pseudonym_key(args.pseudonym_key_file, environ)
    if key is None:
        raise ConfigError(f"no pseudonym key: set ${KEY_ENV} or --pseudonym_key_file to the key of the run")
    return sanitized, pseudonymize(args.user_id, key)


def write_receipt(output: Path, counts: ErasureCounts, now: datetime) -> Path:
    """OUTPUT/audit/erasure-<UTC time>.json, never overwriting an earlier receipt."""
    path = output / "audit" / f"erasure-{now:%Y%m%dT%H%M%S.%fZ}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    receipt = {"erased_at": now.isoformat(timespec="seconds").replace("+00:00", "Z"), **dataclasses.asdict(counts)}
    with open(path, "x", encoding="utf-8") as stream:
        json.dump(receipt, stream, indent=2, sort_keys=True)
    return path


def main(argv: list[str] | None = None, environ: dict[str, str] | None = None) -> int:
    """Exit 0 when every shard was scanned, 2 for a configuration error, 1 when the erasure failed."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
        sanitized, pseudonym = check(args, dict(os.environ) if environ is None else environ)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        counts = erase_user(sanitized, pseudonym)
        receipt = write_receipt(Path(args.output), counts, datetime.now(timezone.utc))
    except Exception as exc:  # A message may quote a shard's line: report the type only.
        _LOG.error("erasure failed: %s (message withheld: it may quote record content)", type(exc).__name__)
        return 1
    print(f"erasure: {counts.records_removed} records removed from {counts.shards_rewritten} of "
          f"{counts.shards_scanned} shards, {counts.records_kept} kept; receipt {receipt}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
