"""The configuration error and the pseudonym key read shared by the run (pipeline/run.py) and the
erasure command (pipeline/erase.py), which must compute the same pseudonyms."""
from __future__ import annotations

from pathlib import Path

from models.pseudonyms import MIN_KEY_BYTES
from pipeline.options import KEY_ENV


class ConfigError(ValueError):
    """A run that must not start; the message says which option or file is wrong."""


def read_pseudonym_key(key_file: str | None, environ: dict[str, str]) -> bytes | None:
    """The key from `key_file`, else from $REDACT_PSEUDONYM_KEY; None when neither is given."""
    if key_file:
        try:
            key = Path(key_file).read_bytes().strip()
        except OSError as exc:
            raise ConfigError(f"--pseudonym_key_file {key_file}: cannot read ({type(exc).__name__})") from None
        source = "--pseudonym_key_file"
    elif environ.get(KEY_ENV):
        key, source = environ[KEY_ENV].encode("utf-8"), f"${KEY_ENV}"
    else:
        return None
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"pseudonym key from {source} is shorter than {MIN_KEY_BYTES} bytes")
    return key
