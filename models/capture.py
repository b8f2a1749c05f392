"""Capture policy and disclosure applied to a record: what must never be captured, and what employees
were told is.

Both are sections of the policy file, declared with the rest of its schema in models/policy.py. A
denied record is dropped whole before detection (a mask could miss what a password manager or a bank
page shows); a field not disclosed is stripped.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import re
from urllib.parse import unquote

from models.policy import OPTIONAL_FIELDS, Disclosure, Policy
from models.records import RawRecord
from models.text_views import context_text

# A URL's scheme: any `scheme://`, or a web scheme with fewer slashes or backslashes, which browsers
# accept (`https:secure.chase.com`); after it, the authority ends at a path, query or fragment.
_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.\-]*://|(?:https?|wss?|ftp):[/\\]*)", re.IGNORECASE)
# Schemes that wrap another URL (`view-source:`, `blob:`, `jar:`, `filesystem:`): a `scheme:` followed
# by neither a slash (`scheme://host`) nor a digit (`host:port`). All of them at once: each ends at
# its own colon, so the scan is linear.
_WRAPPERS = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:(?![/\\0-9]|$))*", re.IGNORECASE)
_AUTHORITY_END = re.compile(r"[/?#\\]")
_IDNA_DOTS = re.compile("[\u3002\uff0e\uff61]")


def app_matches(app: str, pattern: str) -> bool:
    """Shell-style glob over the whole app name, ignoring case and surrounding blanks."""
    return fnmatch.fnmatchcase(app.strip().casefold(), pattern.strip().casefold())


def hostname(url: str) -> str | None:
    """The host a browser goes to for `url`: lower case, in ASCII (IDNA), without credentials, port,
    IPv6 brackets or trailing dot, inside any wrapping schemes (`view-source:https://host/`). Without
    a `scheme://` at the start (`mail.google.com/u/0`), the text before the first `/`, `?` or `#` is
    the host, whatever `//` comes later in the path or query."""
    text = url.strip()
    text = text[_WRAPPERS.match(text).end():]
    scheme = _SCHEME.match(text)
    rest = text[scheme.end():] if scheme else text.lstrip("/\\")
    authority = _AUTHORITY_END.split(rest, maxsplit=1)[0].rpartition("@")[2]
    if authority.startswith("["):
        host = authority[1:authority.find("]")] if "]" in authority else ""
    else:
        host = authority.partition(":")[0]
    return _ascii_host(unquote(host).strip().lower()) or None


def _ascii_host(host: str) -> str:
    """An internationalized host in its ASCII (punycode) form, as denied domains are written; the
    ideographic full stops IDNA reads as dots count as dots."""
    host = _IDNA_DOTS.sub(".", host).rstrip(".")
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:  # not a valid IDN: compared as written
        return host


def domain_matches(host: str, pattern: str) -> bool:
    """A glob matches the whole host; a plain domain matches itself and its subdomains, at a label
    boundary: `chase.com` matches `secure.chase.com`, not `purchase.com`."""
    if any(char in pattern for char in "*?["):
        return fnmatch.fnmatchcase(host, pattern)
    return host == pattern or host.endswith(f".{pattern}")


def undisclosed_fields(record: RawRecord, disclosure: Disclosure) -> tuple[str, ...]:
    """Optional fields the record holds that are not disclosed for its kind (its kind is disclosed)."""
    disclosed = getattr(disclosure, record.kind) or ()
    return tuple(name for name in OPTIONAL_FIELDS[record.kind]
                 if getattr(record, name) is not None and name not in disclosed)


def strip_undisclosed(record: RawRecord, disclosure: Disclosure) -> tuple[RawRecord, tuple[str, ...]]:
    """The record without its undisclosed fields, and their names: nothing later sees or writes them."""
    names = undisclosed_fields(record, disclosure)
    return (dataclasses.replace(record, **dict.fromkeys(names)) if names else record), names


def capture_verdict(record: RawRecord, policy: Policy) -> str | None:
    """Why the record must be dropped (`undisclosed:kind`, `capture_policy:<rule>`), or None.

    Rules read the record as captured, before stripping: an undisclosed app or URL still counts
    as a reason to drop, never to keep.
    """
    if getattr(policy.disclosure, record.kind) is None:
        return "undisclosed:kind"
    rules = policy.capture
    if record.app and any(app_matches(record.app, pattern) for pattern in rules.denied_apps):
        return "capture_policy:denied_app"
    host = hostname(record.url) if record.url else None
    if host and any(domain_matches(host, pattern) for pattern in rules.denied_domains):
        return "capture_policy:denied_domain"
    if record.app and any(record.kind not in kinds for pattern, kinds in rules.app_kinds.items()
                          if app_matches(record.app, pattern)):
        return "capture_policy:kind_not_allowed_for_app"
    if _secure_field_drops(record, policy):
        return "capture_policy:secure_field"
    return None


def _secure_field_drops(record: RawRecord, policy: Policy) -> bool:
    """A secure field drops the record when the policy says so; so does a secure keystroke record
    whose mask would be lost because stripping removes the field, title or URL that makes it secure."""
    if policy.capture.on_secure_field == "drop_record" and policy.keystrokes.is_secure_field(record.field):
        return True
    if record.kind != "keystrokes" or not _is_secure(record, policy):
        return False
    return not _is_secure(strip_undisclosed(record, policy.disclosure)[0], policy)


def _is_secure(record: RawRecord, policy: Policy) -> bool:
    """As the redaction stage decides it (models/redaction.py), on the URL as scanned."""
    return policy.keystrokes.is_secure(record.field, record.window_title, context_text(record, "url"))
