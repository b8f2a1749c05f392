"""Template filling with gold bookkeeping: `{slot}` placeholders become values, and every personal
value's label and character offsets are recorded as it is placed (in text) or marked (in HTML).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from evaluation.generated.values import Person, Values

_SLOT = re.compile(r"\{([a-z_0-9]+(?:\.[a-z_]+)?)\}")
# Person slots: attribute -> gold label.
PERSON_FORMS = {"full": "PERSON", "first": "PERSON", "first_lower": "PERSON", "last": "PERSON", "last_first": "PERSON",
                "initials": "INITIALS", "email": "EMAIL_ADDRESS", "login": "USERNAME", "handle": "USERNAME",
                "slug": "USERNAME", "host": "USERNAME"}
# Other slots: name -> (gold label or None for ordinary text, how the value is drawn).
VALUE_SLOTS = {
    "phone": ("PHONE_NUMBER", lambda v: v.phone()),
    "address": ("ADDRESS", lambda v: v.address()),
    "national_id": ("NATIONAL_ID", lambda v: v.national_id()),
    "iban": ("ACCOUNT_NUMBER", lambda v: v.iban()),
    "account": ("ACCOUNT_NUMBER", lambda v: v.account_number()),
    "token": ("SECRET", lambda v: v.api_token()),
    "password": ("SECRET", lambda v: v.password()),
    "invite": ("SECRET", lambda v: v.invite_code()),
    "private_key": ("SECRET", lambda v: v.private_key_body()),
    "ssh_key": ("KEY_ID", lambda v: v.ssh_public_key()),
    "fingerprint": ("KEY_ID", lambda v: v.ssh_fingerprint()),
    "ip": ("IP_ADDRESS", lambda v: v.ip()),
    "city": ("LOCATION", lambda v: v.city()),
    "word": (None, lambda v: v.word()),
    "company": (None, lambda v: v.company()),
    "ticket": (None, lambda v: f"{v.rng.choice(('PLAT', 'OPS', 'WEB', 'DATA', 'INFRA', 'BILL'))}-{v.rng.randint(100, 9999)}"),
    "num": (None, lambda v: str(v.rng.randint(2, 999))),
    "pct": (None, lambda v: f"{v.rng.randint(1, 99)}%"),
    "date": (None, lambda v: v.fakers.get("en_US").date_between("-1y", "+1y").isoformat()),
    "time": (None, lambda v: f"{v.rng.randint(8, 18)}:{v.rng.choice(('00', '15', '30', '45'))}"),
    "repo": (None, lambda v: v.rng.choice(("billing-api", "web-app", "infra", "data-pipeline", "mobile", "auth-service",
                                           "search", "ledger", "payroll-engine", "claims-etl"))),
    "server": (None, lambda v: f"{v.rng.choice(('db', 'api', 'worker', 'cache', 'build'))}-{v.rng.choice(('prod', 'stg', 'dev'))}-{v.rng.randint(1, 12)}"),
}
# Labels counted in the headline zero-leak: identifiers of a person or a secret on their own.
CORE_LABELS = frozenset({"PERSON", "EMAIL_ADDRESS", "USERNAME", "PHONE_NUMBER", "ADDRESS", "NATIONAL_ID",
                         "ACCOUNT_NUMBER", "SECRET", "IP_ADDRESS", "CREDIT_CARD"})


@dataclass(frozen=True)
class Span:
    """One gold value placed in a text: its label and character offsets."""

    label: str
    start: int
    end: int
    value: str

    def to_json(self) -> dict:
        """The span as stored in a gold file."""
        return {"label": self.label, "start": self.start, "end": self.end, "value": self.value}


@dataclass(frozen=True)
class Filled:
    """A filled template: its text and the gold spans in it."""

    text: str
    spans: tuple[Span, ...]


class Slots:
    """The slot values of one record: its people stay the same across every template it fills."""

    def __init__(self, values: Values):
        self.values = values
        self.domain = values.company_domain()
        self._people: dict[str, Person] = {}

    def person(self, key: str) -> Person:
        """Person `key` (p1, p2, ...) of this record."""
        if key not in self._people:
            self._people[key] = self.values.person(self.domain)
        return self._people[key]

    def resolve(self, slot: str) -> tuple[str, str | None]:
        """The value for `slot` and its gold label (None for ordinary text)."""
        if "." in slot:
            key, form = slot.split(".")
            if form not in PERSON_FORMS:
                raise KeyError(slot)
            return getattr(self.person(key), form), PERSON_FORMS[form]
        if slot == "domain":
            return self.domain, None
        label, draw = VALUE_SLOTS[slot]
        return draw(self.values), label

    def fill(self, template: str) -> Filled:
        """`template` with each slot replaced, and the spans of the personal values."""
        parts: list[str] = []
        spans: list[Span] = []
        position = 0
        for piece in _pieces(template):
            if isinstance(piece, str):
                parts.append(piece)
                position += len(piece)
                continue
            value, label = self.resolve(piece[0])
            if label:
                spans.append(Span(label, position, position + len(value), value))
            parts.append(value)
            position += len(value)
        return Filled("".join(parts), tuple(spans))

    def html(self, template: str, region: str) -> str:
        """`template` as escaped HTML, each personal value in a span the renderer finds by its data-pii."""
        out = []
        for piece in _pieces(template):
            if isinstance(piece, str):
                out.append(html.escape(piece))
                continue
            value, label = self.resolve(piece[0])
            out.append(f'<span class="pii" data-pii="{label}" data-region="{region}">{html.escape(value)}</span>'
                       if label else html.escape(value))
        return "".join(out)


def _pieces(template: str) -> list[str | tuple[str]]:
    """Literal strings and (slot,) tuples, in order."""
    pieces: list[str | tuple[str]] = []
    last = 0
    for match in _SLOT.finditer(template):
        if match.start() > last:
            pieces.append(template[last:match.start()])
        pieces.append((match.group(1),))
        last = match.end()
    if last < len(template):
        pieces.append(template[last:])
    return pieces


def slot_names(template: str) -> list[str]:
    """The slots a template uses (for checking a family's templates at load)."""
    return [m.group(1) for m in _SLOT.finditer(template)]
