"""Identifier values for generated records: people from Faker in many locales, in the forms they
take on screens, and the identifier shapes of computer work (logins, paths, tokens, accounts).

Shared by every template family; a family differs by its seed and its templates, never by this.
"""
from __future__ import annotations

import random
import string
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from faker import Faker

# Locales people are drawn from (Faker's own name lists). Weighted toward Latin scripts, as most
# screens of an English-speaking workplace are, with non-Latin scripts present as they are there.
PEOPLE_LOCALES = ("is_IS", "vi_VN", "yo_NG", "ig_NG", "ha_NG", "ja_JP", "ko_KR", "zh_CN", "es_ES", "es_MX",
                  "fr_FR", "de_DE", "pl_PL", "ar_AA", "hi_IN", "pt_BR", "it_IT", "nl_NL", "sv_SE", "tr_TR",
                  "ru_RU", "uk_UA", "cs_CZ", "fi_FI", "en_US", "en_GB", "en_IN", "ga_IE", "el_GR", "sw",
                  "zu_ZA", "fil_PH", "id_ID", "ro_RO", "hu_HU")
# Locales whose Faker address provider writes the local format (others fall back to US shapes).
ADDRESS_LOCALES = ("de_DE", "fr_FR", "pl_PL", "nl_NL", "es_ES", "it_IT", "pt_BR", "en_GB", "sv_SE",
                   "cs_CZ", "fi_FI", "vi_VN", "de_CH", "da_DK", "no_NO", "pt_PT", "en_IE", "en_IN")
# Locales whose Faker writes phone numbers (fil_PH has names but no phone provider).
PHONE_LOCALES = tuple(locale for locale in PEOPLE_LOCALES if locale != "fil_PH")
ID_LOCALES = ("is_IS", "pl_PL", "fr_FR", "it_IT", "es_ES", "nl_NL", "sv_SE", "fi_FI", "pt_BR", "en_GB", "ko_KR", "zh_CN")
IBAN_LOCALES = ("de_DE", "fr_FR", "nl_NL", "es_ES", "pl_PL", "it_IT")
_ROMANIZED = ("ja_JP", "zh_CN")
_FAMILY_FIRST = ("ja_JP", "ko_KR", "zh_CN", "hu_HU", "vi_VN")


def ascii_fold(text: str) -> str:
    """Latin letters without accents, lower case, other characters dropped ('Þórsson' -> 'orsson')."""
    folded = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("Þ", "Th").replace("þ", "th")
                                   .replace("Ð", "D").replace("ð", "d").replace("Ł", "L").replace("ł", "l"))
    return "".join(c for c in folded if c in string.ascii_letters).lower()


class Fakers:
    """One seeded Faker per locale, created on first use."""

    def __init__(self, rng: random.Random):
        self._rng = rng
        self._by_locale: dict[str, Faker] = {}

    def get(self, locale: str) -> Faker:
        """The Faker of `locale`, seeded from the family's random stream on first use."""
        if locale not in self._by_locale:
            faker = Faker(locale)
            faker.seed_instance(self._rng.getrandbits(32))
            self._by_locale[locale] = faker
        return self._by_locale[locale]


@dataclass
class Person:
    """One generated person and the forms their name and logins take on screens."""

    first: str
    last: str
    locale: str
    rng: random.Random
    domain: str

    @property
    def full(self) -> str:
        """The name as the locale writes it (family name first in East Asian and Hungarian use)."""
        if self.locale in _FAMILY_FIRST and not self.first.isascii():
            return f"{self.last}{'' if self.locale in ('ja_JP', 'zh_CN') else ' '}{self.first}"
        return f"{self.first} {self.last}"

    @property
    def first_lower(self) -> str:
        """The first name in lower case, as people type it in chat."""
        return self.first.lower()

    @property
    def last_first(self) -> str:
        """'Last, First', as directories and spreadsheets list people."""
        return f"{self.last}, {self.first}"

    @property
    def initials(self) -> str:
        """Two letters, as avatars show them."""
        return (self.first[:1] + self.last[:1]).upper()

    @cached_property
    def _ascii(self) -> tuple[str, str]:
        first, last = ascii_fold(self.first), ascii_fold(self.last)
        if not first or not last:  # a non-Latin script: a romanized stand-in, as logins are
            first = first or self.rng.choice(("an", "min", "lei", "ravi", "omar", "yuki", "sasha", "dara"))
            last = last or self.rng.choice(("kim", "wang", "rao", "haddad", "sato", "ivanov", "nair", "tran"))
        return first, last

    @cached_property
    def login(self) -> str:
        """A login name built from the name, in one of the usual company schemes."""
        first, last = self._ascii
        scheme = self.rng.randrange(5)
        return (f"{first[0]}{last}", f"{first}.{last}", f"{first}_{last}", f"{first}{self.rng.randint(1, 99)}",
                f"{last}{first[0]}")[scheme]

    @property
    def email(self) -> str:
        """A work address with the person's own local part."""
        first, last = self._ascii
        return f"{(first + '.' + last) if self.rng.random() < 0.6 else self.login}@{self.domain}"

    @property
    def handle(self) -> str:
        """A chat handle, with the @ chat apps show."""
        return "@" + self.login.replace(".", "")

    @property
    def slug(self) -> str:
        """A personal URL slug ('jon-thorsson-4b2a')."""
        first, last = self._ascii
        return f"{first}-{last}" + (f"-{self.rng.randrange(16**4):04x}" if self.rng.random() < 0.5 else "")

    @property
    def host(self) -> str:
        """A personal machine name, as shell prompts show it."""
        first, _ = self._ascii
        return self.rng.choice((f"{first}s-MacBook-Pro", f"{first}-laptop", f"{self.login.replace('.', '-')}-dev"))


class Values:
    """Every value a template slot can ask for, drawn from one seeded random stream."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.fakers = Fakers(rng)

    def person(self, domain: str) -> Person:
        """A person from a random locale; Japanese and Chinese names often romanized, as on work screens."""
        locale = self.rng.choice(PEOPLE_LOCALES)
        faker = self.fakers.get(locale)
        if locale in _ROMANIZED and self.rng.random() < 0.6:
            first, last = faker.first_romanized_name(), faker.last_romanized_name()
        else:
            first, last = faker.first_name(), faker.last_name()
        return Person(first, last, locale, self.rng, domain)

    def company_domain(self) -> str:
        """A company mail domain on a reserved or invented name."""
        name = ascii_fold(self.fakers.get("en_US").company().split()[0]) or "acme"
        return self.rng.choice((f"{name}.com", f"{name}.io", f"{name}.example.com", f"{name}-corp.net"))

    def phone(self) -> str:
        """A phone number in a random locale's format."""
        return self.fakers.get(self.rng.choice(PHONE_LOCALES)).phone_number()

    def address(self) -> str:
        """A street address in a non-US format, on one line."""
        return ", ".join(self.fakers.get(self.rng.choice(ADDRESS_LOCALES)).address().splitlines())

    def national_id(self) -> str:
        """A national identity number of a random locale (kennitala, PESEL, NIR, ...)."""
        return self.fakers.get(self.rng.choice(ID_LOCALES)).ssn()

    def iban(self) -> str:
        """An IBAN of a random European locale."""
        return self.fakers.get(self.rng.choice(IBAN_LOCALES)).iban()

    def account_number(self) -> str:
        """A customer or account number in one of the shapes CRMs and billing systems use."""
        rng = self.rng
        return rng.choice((f"CUST-{rng.randint(100000, 999999)}", f"{rng.randint(10**9, 10**10 - 1)}",
                           f"AC{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
                           f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}-{rng.randint(0, 9)}"))

    def token(self, length: int = 32, alphabet: str = string.ascii_letters + string.digits) -> str:
        """A random token of `length` characters."""
        return "".join(self.rng.choice(alphabet) for _ in range(length))

    def api_token(self) -> str:
        """A provider-shaped credential: GitHub, Slack, AWS, Stripe, a JWT or a bare hex secret."""
        rng, t = self.rng, self.token
        return rng.choice((f"ghp_{t(36)}", f"xoxb-{rng.randint(10**10, 10**11)}-{t(24)}", f"AKIA{t(16, string.ascii_uppercase + string.digits)}",
                           f"sk_live_{t(24)}", f"eyJhbGciOiJIUzI1NiJ9.{t(40)}.{t(43)}", t(40, "0123456789abcdef"),
                           f"glpat-{t(20)}", f"npm_{t(36)}"))

    def password(self) -> str:
        """A password a person would be sent: words and digits, or a random string."""
        faker = self.fakers.get("en_US")
        if self.rng.random() < 0.5:
            return f"{faker.word().capitalize()}-{faker.word()}{self.rng.randint(10, 99)}{self.rng.choice('!#$%?')}"
        return faker.password(length=self.rng.randint(10, 16))

    def invite_code(self) -> str:
        """An invite or meeting code."""
        return self.token(self.rng.choice((8, 10, 12)), string.ascii_letters + string.digits)

    def ssh_public_key(self) -> str:
        """The key body of an ed25519 public key line."""
        return "AAAAC3NzaC1lZDI1NTE5AAAAI" + self.token(43, string.ascii_letters + string.digits + "+/")

    def ssh_fingerprint(self) -> str:
        """A SHA256 key fingerprint as ssh prints it."""
        return "SHA256:" + self.token(43, string.ascii_letters + string.digits + "+/")

    def private_key_body(self) -> str:
        """One line of an OpenSSH private key's base64 body."""
        return "b3BlbnNzaC1rZXktdjEAAAAA" + self.token(46, string.ascii_letters + string.digits + "+/")

    def ip(self) -> str:
        """An IPv4 address."""
        return self.fakers.get("en_US").ipv4_public()

    def word(self) -> str:
        """A harmless English word."""
        return self.fakers.get("en_US").word()

    def company(self) -> str:
        """A company name (not personal data)."""
        return self.fakers.get(self.rng.choice(("en_US", "de_DE", "fr_FR", "en_GB"))).company()

    def city(self) -> str:
        """A city name."""
        return self.fakers.get(self.rng.choice(ADDRESS_LOCALES)).city()
