"""Keyed HMAC-SHA256 pseudonyms for user ids: stable for one key, unlinkable without it."""
from __future__ import annotations

import hashlib
import hmac

MIN_KEY_BYTES = 16


def pseudonymize(value: str, key: bytes, domain: str = "") -> str:
    """The hex HMAC-SHA256 of `value` under `key`. User ids use the empty domain; other values
    (session ids, hashed entities) name theirs, so equal strings of different kinds never link."""
    if len(key) < MIN_KEY_BYTES:
        raise ValueError(f"pseudonym key must be at least {MIN_KEY_BYTES} bytes")
    message = f"{domain}\x00{value}" if domain else value
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()
