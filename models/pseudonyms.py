"""Keyed HMAC-SHA256 pseudonyms for user ids: stable for one key, unlinkable without it."""
from __future__ import annotations

import hashlib
import hmac

MIN_KEY_BYTES = 16


def pseudonymize(user_id: str, key: bytes) -> str:
    """The hex HMAC-SHA256 of the id under `key`."""
    if len(key) < MIN_KEY_BYTES:
        raise ValueError(f"pseudonym key must be at least {MIN_KEY_BYTES} bytes")
    return hmac.new(key, user_id.encode("utf-8"), hashlib.sha256).hexdigest()
