"""The second-pass verifier: strict shapes and canary secrets searched in each sanitized line before
it is written. It shares no code with the main detectors (Python's `re`, its own patterns, no
Presidio or spaCy), so a miss of theirs is not a miss of its own."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Callable, Iterator, Literal

import pydantic

from models.config_files import DATA_DIR, StrictModel, load_yaml_file
from models.parse import ParseError, parse_line
from models.record_ids import PREFIX as PSEUDONYM_ID_PREFIX

VERIFIER_FILE = DATA_DIR / "verifier.yaml"
CANARY = "CANARY"
REASON_PREFIX = "quarantined:verifier:"
MIN_SECRET_CHARS = 6


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from None
    return pattern


Regex = Annotated[str, pydantic.AfterValidator(_compiles)]


def luhn(digits: str) -> bool:
    """The Luhn checksum of a card number holds."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def mod97(iban: str) -> bool:
    """The ISO 13616 check of an IBAN holds: country and check digits moved to the end, letters as numbers."""
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(char, 36)) for char in moved)) % 97 == 1


def phone_digits(digits: str) -> bool:
    """A plausible international number: 8 to 15 digits (E.164's maximum)."""
    return 8 <= len(digits) <= 15


CHECKS: dict[str, Callable[[str], bool]] = {
    "none": lambda _: True,
    "luhn": lambda match: luhn(re.sub(r"\D", "", match)),
    "mod97": lambda match: mod97(re.sub(r"[^A-Z0-9]", "", match)),
    "phone_digits": lambda match: phone_digits(re.sub(r"\D", "", match)),
}


class Pattern(StrictModel):
    """One strict shape: the type it reports, its regex, the check on what matched, and examples
    that must (and must not) be found, checked when the file is loaded."""

    type: str = pydantic.Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    regex: Regex
    check: Literal["none", "luhn", "mod97", "phone_digits"] = "none"
    matches: tuple[str, ...] = pydantic.Field(min_length=1)
    rejects: tuple[str, ...] = ()


class VerifierData(StrictModel):
    """models/data/verifier.yaml."""

    placeholder: Regex
    patterns: tuple[Pattern, ...] = pydantic.Field(min_length=1)

    @pydantic.model_validator(mode="after")
    def _examples_hold(self) -> "VerifierData":
        for index, pattern in enumerate(self.patterns):
            found = _Shape(pattern.type, re.compile(pattern.regex), CHECKS[pattern.check]).found
            if not all(found(example) for example in pattern.matches):
                raise ValueError(f"patterns.{index} ({pattern.type}): a `matches` example is not found")
            if any(found(example) for example in pattern.rejects):
                raise ValueError(f"patterns.{index} ({pattern.type}): a `rejects` example is found")
        return self


@cache
def verifier_data(path: str | Path = VERIFIER_FILE) -> VerifierData:
    """The verifier's patterns, validated (ConfigFileError names the file and the key)."""
    return load_yaml_file(path, VerifierData)


@dataclass(frozen=True)
class _Shape:
    type: str
    regex: re.Pattern
    check: Callable[[str], bool]

    def found(self, text: str) -> bool:
        return any(self.check(match.group(0)) for match in self.regex.finditer(text))


def _folded(text: str) -> str:
    """Case and blanks do not hide a canary secret."""
    return "".join(text.casefold().split())


class Verifier:
    """Finds strict shapes and canary secrets in the content fields of a sanitized JSON line."""

    def __init__(self, data: VerifierData, secrets: tuple[str, ...] = ()):
        self._placeholder = re.compile(data.placeholder)
        self._shapes = tuple(_Shape(p.type, re.compile(p.regex), CHECKS[p.check]) for p in data.patterns)
        folded = sorted({_folded(secret) for secret in secrets}, key=len, reverse=True)
        self._canaries = re.compile("|".join(map(re.escape, folded))) if folded else None

    def findings(self, json_line: str) -> tuple[str, ...]:
        """Types found in the line's content fields (CANARY first, then in the data file's order); empty when clean."""
        texts = [self._placeholder.sub(" ", text) for text in content_texts(json.loads(json_line))]
        found: list[str] = []
        if self._canaries is not None and any(self._canaries.search(_folded(text)) for text in texts):
            found.append(CANARY)
        for shape in self._shapes:
            if shape.type not in found and any(shape.found(text) for text in texts):
                found.append(shape.type)
        return tuple(found)


def content_texts(doc: dict[str, Any]) -> Iterator[str]:
    """The strings of a sanitized record that carry content: app, window_title, url, field, source,
    segment speakers and texts, the characters key events still carry (one-character keys and
    pasted texts, in order; a masked key as a blank), and record_id unless it is a pseudonym.
    Pseudonymized ids, `ts`, numbers and the screenshot's image are not read."""
    for name in ("app", "window_title", "url", "field", "source"):
        if isinstance(doc.get(name), str):
            yield doc[name]
    record_id = doc.get("record_id")
    if isinstance(record_id, str) and not record_id.startswith(PSEUDONYM_ID_PREFIX):
        yield record_id
    for segment in doc.get("segments") or ():
        yield from (segment[name] for name in ("speaker", "text") if isinstance(segment.get(name), str))
    if doc.get("events"):
        yield "".join(_carried(event) for event in doc["events"])


def _carried(event: dict[str, Any]) -> str:
    if isinstance(event.get("text"), str):
        return event["text"]
    key = event.get("key")
    if not isinstance(key, str):
        return ""
    return key if len(key) == 1 else " " if key.startswith("<") and key.endswith(">") else ""


def verifier_reason(finding_type: str) -> str:
    """`quarantined:verifier:<TYPE>`: the audit reason of a record the verifier kept from the sink."""
    return f"{REASON_PREFIX}{finding_type}"


class CanaryError(ValueError):
    """An unusable canary file; the message names file:line and what is wrong, never a secret."""


@dataclass(frozen=True)
class Canaries:
    """Canary records as raw JSON lines (they go through the same parse as any input) and their secrets."""

    lines: tuple[bytes, ...] = ()
    secrets: tuple[str, ...] = ()
    name: str = ""  # the file they were read from, which a relative image_uri resolves against


def read_canaries(lines: list[bytes], name: str) -> Canaries:
    """Validate a canary file's lines: `{"record": {...}, "secrets": [...]}` each, the record one the
    pipeline parses, its record_id starting `canary-`, each secret 6+ characters and in the record's text."""
    records, secrets = [], []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            entry = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise CanaryError(f"{where}: not a JSON object in UTF-8") from None
        if not isinstance(entry, dict) or set(entry) != {"record", "secrets"}:
            raise CanaryError(f"{where}: needs exactly the keys `record` and `secrets`")
        record_line = json.dumps(entry["record"], ensure_ascii=False).encode("utf-8")
        try:
            record = parse_line(record_line, name)
        except ParseError as error:
            raise CanaryError(f"{where}: record: {error.reason}") from None
        if not record.record_id.startswith("canary-"):
            raise CanaryError(f"{where}: record_id must start with `canary-`")
        texts = _folded(" ".join(content_texts(entry["record"])))
        if not isinstance(entry["secrets"], list) or not entry["secrets"]:
            raise CanaryError(f"{where}: secrets: a non-empty list is needed")
        for index, secret in enumerate(entry["secrets"]):
            if not isinstance(secret, str) or len(secret.strip()) < MIN_SECRET_CHARS:
                raise CanaryError(f"{where}: secrets.{index}: a string of at least {MIN_SECRET_CHARS} characters")
            if _folded(secret) not in texts:
                raise CanaryError(f"{where}: secrets.{index}: not in the record's text, so it would prove nothing")
        records.append(record_line)
        secrets += entry["secrets"]
    if not records:
        raise CanaryError(f"{name}: no canary record")
    return Canaries(tuple(records), tuple(secrets), name)
