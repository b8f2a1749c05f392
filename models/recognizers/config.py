"""Loads models/data/recognizers.yaml: cue lists, value shapes and thresholds, validated on load."""
from __future__ import annotations

import importlib
from functools import cache, lru_cache
from pathlib import Path
from typing import Annotated

import phonenumbers
import pydantic
import regex

from models.config_files import DATA_DIR, StrictModel, load_yaml_file, term_list
from models.recognizers.phrases import phrase_trie

RECOGNIZERS_FILE = DATA_DIR / "recognizers.yaml"


@lru_cache(maxsize=4096)
def compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    """`regex.compile`, kept for the process: the load's validation and every detector built in the process
    share one compile of a pattern (the parser is pure Python; a few hundred patterns cost seconds). Unlike
    `regex`'s own cache of 500, this one holds the whole shipped set; patterns are data, not record text."""
    return regex.compile(pattern, flags)


def _compiles(pattern: str) -> str:
    try:
        compiled(pattern)
    except regex.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from None
    return pattern


Regex = Annotated[str, pydantic.AfterValidator(_compiles)]
Score = Annotated[float, pydantic.Field(gt=0, le=1)]


class LabelledValue(StrictModel):
    """Cue phrases of one entity type, and the name of the shape its value takes."""

    cues: tuple[str, ...] = pydantic.Field(min_length=1)
    value: str


class HighEntropy(StrictModel):
    """When a token is random enough to be a secret."""

    min_length: int = pydantic.Field(ge=8)
    min_digits: int = pydantic.Field(ge=0)
    min_bits_per_char: float = pydantic.Field(gt=0)
    score: float = pydantic.Field(gt=0, le=1)


class CueConnector(StrictModel):
    """What may stand between a cue and its value: separator characters and filler words, a few in all."""

    separators: str = pydantic.Field(min_length=1)
    words: tuple[str, ...]
    max_parts: int = pydantic.Field(ge=1, le=20)


class BareShape(StrictModel):
    """A value shape distinctive enough to count without a cue, at its own score."""

    regex: Regex
    score: Score


class CuedValue(StrictModel):
    """A value that counts after one of its cues; its bare shapes count alone."""

    cues: tuple[str, ...] = pydantic.Field(min_length=1)
    cue_blockers: tuple[str, ...] = ()
    value: Regex
    case_sensitive: bool = False
    value_lists: bool = False
    cue_score: Score
    bare_shapes: dict[str, BareShape] = {}


def term_list_exists(terms: str) -> str:
    """`terms` when it names a term list under models/data/, else a ValueError naming it."""
    if not (DATA_DIR / terms).is_file():
        raise ValueError(f"term list {terms!r} not found under {DATA_DIR}")
    return terms


# The name of a term list under models/data/, checked to exist.
TermList = Annotated[str, pydantic.AfterValidator(term_list_exists)]


class DrugNames(StrictModel):
    """Medication names from a term list, with an optional dose after the name."""

    terms: TermList
    dose: Regex
    score: Score


class FirstNames(StrictModel):
    """Given names matched capitalised, as PERSON."""

    terms: TermList
    score: Score


_PLACEHOLDER = regex.compile(r"\{\{(\w+)(!?)\}\}")
# A word list fills many patterns, and `expanded` runs at validation and again for the recognizers: each
# distinct list becomes a prefix tree once (seconds of start-up; word lists are data, not record text).
_word_trie = lru_cache(maxsize=512)(phrase_trie)


class FamilyPattern(StrictModel):
    """A pattern of a family, compiled once its word lists are filled in, and its score."""

    regex: str = pydantic.Field(min_length=1)
    score: Score


class PatternFamily(StrictModel):
    """Patterns of one family of identifiers, per entity type and name. `{{name}}` in a regex stands
    for the word list `name`: listed inline or the name of a term list under models/data/, matched as
    phrases in any letter case (`{{name!}}`: as written), longest first (as a prefix tree), a space
    matching any blanks."""

    words: dict[str, tuple[str, ...] | str] = {}
    patterns: dict[str, dict[str, FamilyPattern]] = pydantic.Field(min_length=1)

    @pydantic.model_validator(mode="after")
    def _placeholders_resolve(self) -> "PatternFamily":
        for entity, shapes in self.expanded().items():
            for name, shape in shapes.items():
                try:
                    compiled(shape.regex)
                except regex.error as exc:
                    raise ValueError(f"patterns.{entity}.{name}: not a valid regular expression once its "
                                     f"word lists are filled in ({exc})") from None
        return self

    def word_list(self, name: str) -> tuple[str, ...]:
        """The words of list `name`, from the section or its term-list file."""
        listed = self.words[name]
        return term_list(listed) if isinstance(listed, str) else listed

    def expanded(self) -> dict[str, dict[str, FamilyPattern]]:
        """The patterns with every `{{name}}` replaced by its word list; an unknown name raises ValueError."""
        def fill(entity: str, name: str, pattern: str) -> str:
            def alternation(match: regex.Match) -> str:
                if match.group(1) not in self.words:
                    raise ValueError(f"patterns.{entity}.{name}: unknown word list {match.group(1)!r}")
                flags = "" if match.group(2) else "i"
                # A prefix tree matches what the longest-first alternation does, a few times faster.
                return f"(?{flags}:" + _word_trie(self.word_list(match.group(1)), space=r"\s+") + ")"
            return _PLACEHOLDER.sub(alternation, pattern)

        return {entity: {name: FamilyPattern(regex=fill(entity, name, shape.regex), score=shape.score)
                         for name, shape in shapes.items()}
                for entity, shapes in self.patterns.items()}


class UrlPathTokens(StrictModel):
    """When a path segment is random enough to be a capability id: its length and camel-case pieces."""

    min_length: int = pydantic.Field(ge=6, le=64)
    min_pieces: int = pydantic.Field(ge=2)
    max_mean_piece: float = pydantic.Field(gt=1)
    mixed_min_digits: int = pydantic.Field(ge=1)
    mixed_min_case_changes: int = pydantic.Field(ge=1)
    wordless_min_piece: int = pydantic.Field(ge=2)
    one_case_min_digits: int = pydantic.Field(ge=1)
    one_case_min_letters: int = pydantic.Field(ge=1)
    one_case_max_word_share: float = pydantic.Field(ge=0, le=1)
    score: Score


class TitleHandles(StrictModel):
    """A login standing as a window title's part: its shape, the given name and rest of a login written
    as one word, the longest title looked at, the score."""

    handle: Regex
    joined_min_given: int = pydantic.Field(ge=3)
    joined_min_rest: int = pydantic.Field(ge=3)
    max_title_length: int = pydantic.Field(ge=20)
    score: Score


class TitleNames(StrictModel):
    """A name in small letters as a window title's part: how many words, how long, particles, the score."""

    min_words: int = pydantic.Field(ge=2)
    max_words: int = pydantic.Field(ge=2)
    min_letters: int = pydantic.Field(ge=3)
    particles: tuple[str, ...]
    max_title_length: int = pydantic.Field(ge=20)
    score: Score

    @pydantic.model_validator(mode="after")
    def _words_in_order(self) -> TitleNames:
        if self.min_words > self.max_words:  # no title part could match: the rule would be off unseen
            raise ValueError(f"min_words {self.min_words} is above max_words {self.max_words}")
        return self


class FileNames(StrictModel):
    """Names and logins in document file names: the document types, the shortest name piece, the score."""

    doc_types: tuple[str, ...] = pydantic.Field(min_length=1)
    min_letters: int = pydantic.Field(ge=3)
    score: Score


class UiTerms(StrictModel):
    """App, product and UI words (a term list): a NER person span made only of them is not a person."""

    terms: TermList


def _known_phone_regions(regions: tuple[str, ...]) -> tuple[str, ...]:
    """Raise ValueError (reported under the key) for region codes phonenumbers does not know."""
    unknown = sorted(set(regions) - phonenumbers.SUPPORTED_REGIONS)
    if unknown:
        raise ValueError(f"unknown phone regions {unknown} (ISO 3166 codes, e.g. US, GB)")
    return regions


PhoneRegions = Annotated[tuple[str, ...], pydantic.Field(min_length=1), pydantic.AfterValidator(_known_phone_regions)]


class NationalPhones(StrictModel):
    """recognizers.yaml `national_phones`: the regions a number is tried for, and its scores."""

    regions: PhoneRegions
    cues: tuple[str, ...] = pydantic.Field(min_length=1)
    valid_score: float = pydantic.Field(gt=0, le=1)
    cued_score: float = pydantic.Field(gt=0, le=1)
    book_number: Regex
    north_american: Regex
    bare_grouped: Regex
    bare_min_digits: int = pydantic.Field(ge=7)
    bare_max_digits: int = pydantic.Field(le=15)
    bare_max_last_group: int = pydantic.Field(ge=2)
    # Things numbered that are no phone: a cue right after one ("order number", "API call") names no phone, nor
    # does a label made of one ("Order no.: 123 456 789").
    numbered_things: tuple[str, ...] = ()


class Addressees(StrictModel):
    """recognizers.yaml `addressees`: the score of a handle that addresses a message."""

    score: float = pydantic.Field(gt=0, le=1)
    # A term list under models/data/: chat words that are no dictionary words ("lol", "btw").
    chat_words: TermList


class BareHandles(StrictModel):
    """recognizers.yaml `bare_handles`: what a handle, initials and a table row about a person look like."""

    handle: Regex
    code_words: tuple[str, ...]
    file_types: tuple[str, ...]
    cell_separators: tuple[str, ...] = pydantic.Field(min_length=1)
    min_cells: int = pydantic.Field(ge=2)
    row_evidence: Regex
    row_id: Regex
    initials: Regex
    not_initials: tuple[str, ...]
    alone_max_lines: int = pydantic.Field(ge=1)
    digit_handle: Regex
    handle_cues: tuple[str, ...] = pydantic.Field(min_length=1)
    cued_score: Score
    plain_cued_min_length: int = pydantic.Field(ge=4, le=32)  # a login of plain small letters after a cue
    pair_login: Regex  # a bare `login:password` pair, from its `:`; the login is the group `login`
    pair_not_logins: str  # term list file
    pair_score: Score
    row_score: Score
    initials_score: Score
    derived_score: Score
    alone_score: Score


class NonLatinNames(StrictModel):
    """A short run of words of another script in mostly Latin text, read as a name."""

    max_words: int = pydantic.Field(ge=1, le=5)
    min_letters: int = pydantic.Field(ge=1)
    max_word_letters: int = pydantic.Field(ge=2, le=40)
    # ... and of a word in Chinese or Japanese characters, written without spaces between words.
    max_unspaced_letters: int = pydantic.Field(ge=2, le=40)
    # Latin words over all words, or Latin letters over all letters, of the text: at least this share in
    # one of them, or the text is no English text.
    min_latin_share: float = pydantic.Field(ge=0, le=1)


class SpelledNames(StrictModel):
    """A name spelled out letter by letter ("k o w a l s k i", "K-A-T-O"), as callers spell one."""

    min_letters: int = pydantic.Field(ge=2, le=10)
    max_letters: int = pydantic.Field(ge=3, le=40)
    # Runs that are part of these letter sequences spell no name: the alphabet ("a b c", "x y z"),
    # weekday initials of a calendar ("S M T W T F S"), keyboard rows.
    sequences: tuple[Annotated[str, pydantic.StringConstraints(pattern=r"^[a-z]{3,}$")], ...]


class NameOpenerRule(StrictModel):
    """recognizers.yaml `person_names.openers`: a name that opens a line before a verb or a mark, or is the
    object of a verb before a preposition (models/recognizers/name_openers.py)."""

    # Auxiliaries and modals after a name that opens a line ("Tobin might", "Naoko has").
    auxiliaries: tuple[str, ...] = pydantic.Field(min_length=1)
    # Words the lemma tables read as verbs that a line's subject or a verb's object never stands beside.
    not_verbs: tuple[str, ...]
    # Words that join the one typing to the name ("Honoré and I will").
    joined: tuple[str, ...]
    # Marks after a name that opens a line, before a lower-case word or the line's end ("Siobhan, can").
    marks: tuple[Annotated[str, pydantic.StringConstraints(min_length=1, max_length=1)], ...] = pydantic.Field(min_length=1)
    # Prepositions after a verb's object ("briefed Thanh on").
    prepositions: tuple[str, ...] = pydantic.Field(min_length=1)
    # Words of one name run, particles included.
    max_words: int = pydantic.Field(ge=1, le=5)

    @pydantic.field_validator("auxiliaries", "not_verbs", "joined", "prepositions")
    @classmethod
    def _lower_case(cls, terms: tuple[str, ...]) -> tuple[str, ...]:
        bad = [term for term in terms if term != term.lower() or not term.strip()]
        if bad:
            raise ValueError(f"{bad[0]!r}: terms are written in lower case, not blank")
        return terms


class Salutations(StrictModel):
    """recognizers.yaml `person_names.salutations`: greetings and closings that set a name's place, and the
    words that address a group instead."""

    greetings: tuple[str, ...] = pydantic.Field(min_length=1)
    closings: tuple[str, ...] = pydantic.Field(min_length=1)
    audience: tuple[str, ...] = pydantic.Field(min_length=1)
    max_words: int = pydantic.Field(ge=1, le=4)

    @pydantic.field_validator("greetings", "closings", "audience")
    @classmethod
    def _lower_case(cls, terms: tuple[str, ...]) -> tuple[str, ...]:
        bad = [term for term in terms if term != term.lower() or not term.strip()]
        if bad:
            raise ValueError(f"{bad[0]!r}: terms are written in lower case, not blank")
        return terms


class PersonNames(StrictModel):
    """recognizers.yaml `person_names`: the slots a name stands in, and how a name found grows."""

    score: Score
    # A term list under models/data/: work words that are never a name (teams, roles, tools).
    stop_words: TermList
    cues_before: tuple[str, ...] = pydantic.Field(min_length=1)
    cues_after: tuple[str, ...] = pydantic.Field(min_length=1)
    # Cues before a name someone gives for themselves, and endings of the English words that do not end
    # such a name when written in lower case ("this is mike hunter calling").
    introductions: tuple[str, ...]
    not_surname_endings: tuple[str, ...]
    particles: tuple[str, ...]
    people_apps: tuple[str, ...] = pydantic.Field(min_length=1)
    people_views: tuple[str, ...]
    max_growth_words: int = pydantic.Field(ge=1, le=6)
    # Names listed after a cued one ("ping ana, bao and chidi"): at most this many more.
    max_listed_names: int = pydantic.Field(ge=0, le=8)
    min_recurring_letters: int = pydantic.Field(ge=2)
    non_latin: NonLatinNames
    spelled: SpelledNames
    salutations: Salutations
    openers: NameOpenerRule

    @pydantic.field_validator("cues_before", "cues_after", "introductions", "not_surname_endings", "particles",
                              "people_apps", "people_views")
    @classmethod
    def _lower_case(cls, terms: tuple[str, ...]) -> tuple[str, ...]:
        bad = [term for term in terms if term != term.lower() or not term.strip()]
        if bad:
            raise ValueError(f"{bad[0]!r}: terms are written in lower case, not blank")
        return terms


def _checks_numbers(module: str) -> str:
    """`module` when it names a python-stdnum module with an `is_valid` check (`pl.pesel`, `br.cpf`)."""
    try:
        checker = importlib.import_module(f"stdnum.{module}")
    except ImportError:
        raise ValueError(f"no python-stdnum module {module!r}") from None
    if not callable(getattr(checker, "is_valid", None)):
        raise ValueError(f"python-stdnum module {module!r} has no is_valid")
    return module


class CheckedShape(StrictModel):
    """A number shape that counts alone when one of its python-stdnum checks accepts the number, or by its
    shape alone when it lists none (a number with no check digit whose rules the regex holds)."""

    regex: Regex
    checks: tuple[Annotated[str, pydantic.AfterValidator(_checks_numbers)], ...]
    score: Score


class CheckedNumbers(StrictModel):
    """recognizers.yaml `checked_numbers`: shapes per entity type, and words before a number that make it
    no person's (an order, invoice or build number that happens to pass a check) or after it (a count)."""

    blockers: tuple[str, ...]
    blockers_after: tuple[str, ...] = ()
    shapes: dict[str, dict[str, CheckedShape]] = pydantic.Field(min_length=1)


class ColumnHeaders(StrictModel):
    """recognizers.yaml `column_headers`: header terms per entity type, the generic ones that count only beside
    another, and the limits of a header line and its cells."""

    columns: dict[str, tuple[str, ...]] = pydantic.Field(min_length=1)
    generic: tuple[str, ...]
    max_header_length: int = pydantic.Field(ge=20)
    max_cell_length: int = pydantic.Field(ge=8)
    max_name_words: int = pydantic.Field(ge=1)
    min_number_digits: int = pydantic.Field(ge=4)
    score: Score


class PlaceCues(StrictModel):
    """recognizers.yaml `place_cues`: phrases before a place someone lives in, comes from or travels to, the
    ordinary words such a phrase is followed by, particles inside a place's name, and the longest name."""

    cues: tuple[str, ...] = pydantic.Field(min_length=1)
    not_places: tuple[str, ...]
    things_before: tuple[str, ...] = ()
    particles: tuple[str, ...]
    max_words: int = pydantic.Field(ge=1, le=4)
    score: Score


class SpeakerLabels(StrictModel):
    """recognizers.yaml `speaker_labels`: the forms of a pasted chat line's speaker, `{name}`, `{lead}`, `{time}`
    and `{date}` in each standing for those shapes, the name as the group `name`."""

    name: Regex
    lead: Regex
    word_names: tuple[str, ...] = ()
    heading_word_names: tuple[str, ...] = ()
    time: Regex
    date: Regex
    forms: dict[str, str] = pydantic.Field(min_length=1)
    score: Score

    def compiled(self) -> list[regex.Pattern]:
        """Each form with its shapes filled in, multi-line."""
        return [compiled(form.replace("{name}", f"(?P<name>{self.name})").replace("{lead}", f"(?:{self.lead})")
                         .replace("{time}", f"(?:{self.time})")
                         .replace("{date}", f"(?:{self.date})"), regex.MULTILINE) for form in self.forms.values()]

    @pydantic.model_validator(mode="after")
    def _forms_compile(self) -> "SpeakerLabels":
        try:
            self.compiled()
        except regex.error as exc:
            raise ValueError(f"forms: not a valid regular expression once its shapes are filled in ({exc})") from None
        if any("{name}" not in form for form in self.forms.values()):
            raise ValueError("forms: every form needs {name}")
        return self


class InlineValues(StrictModel):
    """recognizers.yaml `inline_values`: frames that name a login or a secret standing inside a sentence."""

    login_frames: tuple[str, ...] = pydantic.Field(min_length=1)
    person_verbs: tuple[str, ...] = pydantic.Field(min_length=1)
    person_only_verbs: tuple[str, ...]
    plain_min_length: int = pydantic.Field(ge=3, le=32)
    member_places: tuple[str, ...] = pydantic.Field(min_length=1)
    secret_frames: tuple[str, ...] = pydantic.Field(min_length=1)
    set_frames: tuple[str, ...] = pydantic.Field(min_length=1)
    not_secret_kinds: tuple[str, ...] = pydantic.Field(min_length=1)
    typed_frames: tuple[str, ...] = pydantic.Field(min_length=1)
    to_words: tuple[str, ...] = pydantic.Field(min_length=1)
    subject_frames: tuple[str, ...] = pydantic.Field(min_length=1)
    secret_words: tuple[str, ...] = pydantic.Field(min_length=1)
    pin_words: tuple[str, ...] = pydantic.Field(min_length=1)
    after_frames: tuple[str, ...] = pydantic.Field(min_length=1)
    number_stems: tuple[str, ...]
    login_score: Score
    secret_score: Score

    @pydantic.model_validator(mode="after")
    def _person_only_are_verbs(self) -> "InlineValues":
        unknown = sorted(set(self.person_only_verbs) - set(self.person_verbs))
        if unknown:
            raise ValueError(f"person_only_verbs: not in person_verbs: {unknown[0]!r}")
        return self


class Mentions(StrictModel):
    """recognizers.yaml `mentions`: the frames that show a token names a user mentioned in a sentence."""

    tool_words: TermList
    chat_words: tuple[str, ...]
    person_cues: tuple[str, ...] = pydantic.Field(min_length=1)
    subject_verbs: tuple[str, ...] = pydantic.Field(min_length=1)
    quote_before: tuple[str, ...] = pydantic.Field(min_length=1)
    quote_verbs: tuple[str, ...] = pydantic.Field(min_length=1)
    pronouns: tuple[str, ...] = pydantic.Field(min_length=1)
    pronouns_after: tuple[str, ...] = pydantic.Field(min_length=1)
    joiners: tuple[str, ...] = pydantic.Field(min_length=1)
    owned: tuple[str, ...] = pydantic.Field(min_length=1)
    after_address: tuple[str, ...] = pydantic.Field(min_length=1)
    interjections: tuple[str, ...] = pydantic.Field(min_length=1)
    clause_ends: tuple[str, ...] = pydantic.Field(min_length=1)
    redirect: Regex
    slot_before: tuple[str, ...] = pydantic.Field(min_length=1)
    slot_after: tuple[str, ...] = pydantic.Field(min_length=1)
    slot_owned: tuple[str, ...] = pydantic.Field(min_length=1)
    slot_particles: tuple[str, ...] = pydantic.Field(min_length=1)
    slot_not_users: tuple[str, ...] = pydantic.Field(min_length=1)
    compared_words: tuple[str, ...] = pydantic.Field(min_length=1)
    compared_not_after: tuple[str, ...] = ()
    compared_person_before: tuple[str, ...] = pydantic.Field(min_length=1)
    compared_code_starts: tuple[str, ...] = ()
    score: Score


class RecognizerData(StrictModel):
    """The whole file."""

    labelled_values: dict[str, LabelledValue]
    value_shapes: dict[str, str]
    high_entropy: HighEntropy
    cue_connector: CueConnector
    medical_record_number: CuedValue
    icd10: CuedValue
    ein: CuedValue
    employee_id: CuedValue
    drug_names: DrugNames
    pattern_sets: dict[str, dict[str, BareShape]]
    first_names: FirstNames
    customer_id: CuedValue
    account_number: CuedValue
    work_identifiers: dict[str, PatternFamily]
    url_path_tokens: UrlPathTokens
    column_headers: ColumnHeaders
    personal_urls: PatternFamily
    title_handles: TitleHandles
    title_names: TitleNames
    file_names: FileNames
    ui_terms: UiTerms
    phone_regions: PhoneRegions
    national_phones: NationalPhones
    addressees: Addressees
    bare_handles: BareHandles
    person_names: PersonNames
    checked_numbers: CheckedNumbers
    speaker_labels: SpeakerLabels
    place_cues: PlaceCues
    inline_values: InlineValues
    mentions: Mentions

    @pydantic.model_validator(mode="after")
    def _shapes_exist(self) -> "RecognizerData":
        for entity, rule in self.labelled_values.items():
            if rule.value not in self.value_shapes:
                raise ValueError(f"labelled_values.{entity}.value: unknown shape {rule.value!r}")
        return self


def load_recognizer_data(path: str | Path = RECOGNIZERS_FILE) -> RecognizerData:
    """The validated file; a bad file raises ConfigFileError naming the key."""
    return load_yaml_file(path, RecognizerData)


@cache
def recognizer_data() -> RecognizerData:
    """The shipped file, read once: for the start-up check and callers that take no other file;
    recognizers are given theirs (models/recognizers/registry.py)."""
    return load_recognizer_data(RECOGNIZERS_FILE)
