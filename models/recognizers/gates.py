"""Cheap preconditions ("gates") for pattern regexes, derived from each pattern's own syntax: the literal
strings one of which every match needs in the text (a cue word, `@`, `://`). A text without them cannot
match, so its scan is skipped; the findings stay the same while most texts skip most cue patterns.

Derived rather than written by hand, so a gate follows every edit to a pattern or its word lists. Texts and
literals are compared case-folded (`fold`): never stricter than the pattern, whatever its case flags."""
from __future__ import annotations

import heapq
import itertools
import re
import re._constants as sre_constants
import re._parser as sre_parse
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pydantic

from models.config_files import DATA_DIR, StrictModel, load_yaml_file

GATES_FILE = DATA_DIR / "pattern_gates.yaml"

# Characters that `regex`'s case-insensitive matching pairs with an ASCII letter but `str.casefold` does not.
_FOLD_EXTRA = str.maketrans({"\u0130": "i", "\u0131": "i"})
# Syntax of the `regex` module that Python's parser reads differently or not at all: no gate for these.
_UNSAFE = re.compile(r"\(\?V1|\(\?[a-zA-Z]*[rfw]|\{e[<=]|\{[idse]\s*[<=]|\\[LmMXGNR]|\(\?\||\(\?\(|\(\?&|\(\?P>|\(\?R|\[:\^?[a-z]+:\]")
# `\K` only moves where the reported match starts; what stands before it is still in the text.
_KEEP_OUT = re.compile(r"(?<!\\)((?:\\\\)*)\\K")
# A Unicode property (`\p{L}`, `\PN`) matches many characters: read as `\w`, which no gate takes a literal from.
_PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])")


class GateSettings(StrictModel):
    """How large a derived gate may grow, and the patterns left without one (by recognizer and pattern name)."""

    max_strings: int = pydantic.Field(ge=1, le=5000)
    max_clauses: int = pydantic.Field(ge=1, le=8)
    min_length: int = pydantic.Field(ge=1, le=8)
    rare_characters: str = ""  # characters selective enough to be a gate's clause alone
    ungated: dict[str, tuple[str, ...]] = {}


@cache
def gate_settings() -> GateSettings:
    """models/data/pattern_gates.yaml, validated."""
    return load_yaml_file(GATES_FILE, GateSettings)


def fold(text: str) -> str:
    """Case-folded text for gate checks: a per-character mapping, so a literal in a text stays one once folded."""
    return text.translate(_FOLD_EXTRA).casefold()


GRAM = 5  # the longest piece of a literal a gate looks for: longer ones are rarer in ordinary text


def grams(folded: str) -> frozenset[str]:
    """Every piece of 1 to GRAM characters of a folded text: a literal holds one, so the text does too.
    Sliced by `map` over kept slice objects (one C loop per length, not a Python step per piece)."""
    found = set(folded)
    for size in range(2, GRAM + 1):
        count = len(folded) - size + 1
        if count > 0:
            found.update(map(folded.__getitem__, _slices(size, count)))
    return frozenset(found)


_SLICE_LIMIT = 16384  # slices kept per length: a longer text's slices are made for it


@cache
def _kept_slices(size: int) -> tuple[slice, ...]:
    return tuple(slice(i, i + size) for i in range(_SLICE_LIMIT))


def _slices(size: int, count: int):
    """The first `count` slices of `size` characters, one a position."""
    if count <= _SLICE_LIMIT:
        return itertools.islice(_kept_slices(size), count)
    return (slice(i, i + size) for i in range(count))


def _pieces(literal: str) -> set[str]:
    """The pieces of GRAM characters inside a literal (the literal itself when shorter)."""
    return {literal[i:i + GRAM] for i in range(max(1, len(literal) - GRAM + 1))}


def _covering_grams(literals: frozenset[str]) -> frozenset[str]:
    """Few pieces, one inside each literal (its own first GRAM characters at the least): the text holds one of
    them whenever it holds one of the literals; chosen greedily, the piece in most literals not yet covered
    first (ties: the least piece). Counts are kept up to date as literals are covered and read from a heap,
    so a clause of thousands of literals costs about its number of pieces, not pieces times choices."""
    holders: dict[str, list[str]] = {}
    for literal in literals:
        for piece in _pieces(literal):
            holders.setdefault(piece, []).append(literal)
    counts = {piece: len(held) for piece, held in holders.items()}
    heap = [(-count, piece) for piece, count in counts.items()]
    heapq.heapify(heap)
    covered: set[str] = set()
    chosen: set[str] = set()
    while len(covered) < len(literals):
        negative, piece = heapq.heappop(heap)
        if -negative != counts[piece]:  # counts only fall: an entry is stale when its literals were covered since
            heapq.heappush(heap, (-counts[piece], piece))
            continue
        chosen.add(piece)
        for literal in holders[piece]:
            if literal not in covered:
                covered.add(literal)
                for other in _pieces(literal):
                    counts[other] -= 1
    return frozenset(chosen)


class _PieceIndex:
    """Every piece some gate of the process looks for, each with its own bit: a clause is the mask of its
    pieces, a text the mask of the pieces it holds, and a clause holds when the two share a bit. A text's
    mask is kept for the last texts checked (every gated pattern of every recognizer reads the same text,
    then the category patterns), and made again once pieces were added since (a new gate's pieces)."""

    KEPT_TEXTS = 256

    def __init__(self) -> None:
        self._bits: dict[str, int] = {}
        self._pieces: frozenset[str] = frozenset()
        self._texts: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def mask(self, pieces: frozenset[str]) -> int:
        """The mask of a clause's pieces, giving a bit to each piece not seen before."""
        with self._lock:
            for piece in sorted(pieces - self._pieces):
                self._bits[piece] = 1 << len(self._bits)
            self._pieces = frozenset(self._bits)
            return sum(self._bits[piece] for piece in pieces)

    def text_mask(self, text: str) -> int:
        """The mask of the pieces a text holds, once folded."""
        pieces = self._pieces  # a snapshot: pieces only grow, so one of the same size is the same set
        kept = self._texts.get(text)
        if kept is not None and kept[0] == len(pieces):
            return kept[1]
        bits, held = self._bits, pieces.intersection(grams(fold(text)))
        mask = 0
        for piece in held:
            mask |= bits[piece]
        if len(self._texts) >= self.KEPT_TEXTS:
            self._texts = {}
        self._texts[text] = (len(pieces), mask)
        return mask


_INDEX = _PieceIndex()


@dataclass(frozen=True)
class Gate:
    """Clauses that must all hold: each a set of pieces of 1 to GRAM folded characters, one of which a text holds.
    `masks` are the clauses as masks of the process's piece index (`admits_text`)."""

    clauses: tuple[frozenset[str], ...]
    masks: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "masks", tuple(_INDEX.mask(clause) for clause in self.clauses))

    def admits(self, text_grams: frozenset[str]) -> bool:
        """Whether a text, by its `grams`, could hold a match."""
        return all(not clause.isdisjoint(text_grams) for clause in self.clauses)

    def admits_text(self, text: str) -> bool:
        """`admits` of the text's grams, by masks: one check per clause, the text's mask made once per text."""
        held = _INDEX.text_mask(text)
        for mask in self.masks:
            if not mask & held:
                return False
        return True


@dataclass(frozen=True)
class _Info:
    """What a regex node can match: its strings when few and fixed (`exact`), required clauses besides, and
    when not fixed, the strings one of which every match begins with (`starts`): a cue list kept as a
    prefix tree (`p(?:in|w(?:d)?|ass phrase)`) then still gives its whole words, not a lone `p`."""

    exact: frozenset[str] | None
    clauses: tuple[frozenset[str], ...] = ()
    starts: frozenset[str] | None = None

    @property
    def begins(self) -> frozenset[str] | None:
        """The strings every match begins with: its exact strings, or its known starts."""
        return self.exact if self.exact is not None else self.starts


_EMPTY = _Info(frozenset({""}))
_ANYTHING = _Info(None)


def derive_gate(pattern: str, flags: int, settings: GateSettings) -> Gate | None:
    """The gate of a pattern, or None when its syntax is not understood or it needs nothing selective."""
    if _UNSAFE.search(pattern):
        return None
    try:
        readable = _PROPERTY.sub(r"\1\\w", _KEEP_OUT.sub(r"\1", pattern))
        parsed = sre_parse.parse(readable, flags & (re.VERBOSE | re.IGNORECASE))
    except (re.error, RecursionError, OverflowError, ValueError):
        return None
    info = _sequence(list(parsed), settings)
    clauses = [clause for clause in [*info.clauses, *_as_clause(info.exact)]
               if clause and len(clause) <= settings.max_strings and not any("{" in literal for literal in clause)
               and all(len(literal) >= settings.min_length or literal in settings.rare_characters
                       for literal in clause)]
    if not clauses:
        return None
    covers = {_covering_grams(clause) for clause in clauses}
    best = sorted(covers, key=lambda clause: (-min(map(len, clause)), len(clause), sorted(clause)))
    return Gate(tuple(best[:settings.max_clauses]))


def _as_clause(exact: frozenset[str] | None) -> list[frozenset[str]]:
    return [] if exact is None or "" in exact else [exact]


def _sequence(items: list, settings: GateSettings) -> _Info:
    """A run of nodes: adjacent fixed strings joined while their combinations stay few."""
    current: frozenset[str] | None = frozenset({""})
    whole = True  # whether `current` spans the whole run, not only its end
    starts: frozenset[str] | None = None  # what the run begins with, once it is no longer fixed
    clauses: list[frozenset[str]] = []
    for op, value in items:
        info = _node(op, value, settings)
        clauses.extend(info.clauses)
        if info.exact is None:
            # the fixed run so far, then the start of this node: one longer string of the two
            joined = _joined(current, info.starts, settings)
            clauses.extend(_as_clause(joined if joined is not None else current))
            if whole:  # the run begins with its fixed part, and with this node's start when known
                starts = joined if joined is not None else current
            current, whole = None, False
        elif current is None:
            current = info.exact
        elif len(current) * len(info.exact) <= settings.max_strings:
            current = frozenset(a + b for a in current for b in info.exact)
        else:
            clauses.extend(_as_clause(current))
            if whole:
                starts = current
            current, whole = info.exact, False
    if whole:
        return _Info(current, tuple(clauses))
    return _Info(None, (*clauses, *_as_clause(current)), starts)


def _joined(current: frozenset[str] | None, starts: frozenset[str] | None,
            settings: GateSettings) -> frozenset[str] | None:
    """Each fixed string followed by each start, when both are known and their combinations few."""
    if current is None or starts is None or len(current) * len(starts) > settings.max_strings:
        return None
    return frozenset(a + b for a in current for b in starts)


def _node(op, value, settings: GateSettings) -> _Info:  # noqa: C901 - one case per node kind
    if op is sre_constants.LITERAL:
        return _Info(frozenset({fold(chr(value))}))
    if op is sre_constants.IN:
        return _class(value)
    if op in (sre_constants.SUBPATTERN,):
        return _sequence(list(value[-1]), settings)
    if op is sre_constants.ATOMIC_GROUP:
        return _sequence(list(value), settings)
    if op is sre_constants.BRANCH:
        return _branch([_sequence(list(branch), settings) for branch in value[1]], settings)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, high, item = value
        inner = _sequence(list(item), settings)
        if low == 0:
            return _Info(inner.exact | {""}) if high == 1 and inner.exact is not None else _ANYTHING
        if low == high == 1:
            return inner
        return _Info(None, (*inner.clauses, *_as_clause(inner.exact)), inner.begins)
    if op is sre_constants.ASSERT:
        inner = _sequence(list(value[1]), settings)
        return _Info(frozenset({""}), (*inner.clauses, *_as_clause(inner.exact)))
    if op in (sre_constants.ASSERT_NOT, sre_constants.AT):
        return _EMPTY
    return _ANYTHING


def _class(items: list) -> _Info:
    """A character class of a few plain characters is a choice of strings; any other matches too much."""
    if len(items) > 8 or any(op is not sre_constants.LITERAL for op, _ in items):
        return _ANYTHING
    return _Info(frozenset(fold(chr(value)) for _, value in items))


def _branch(branches: list[_Info], settings: GateSettings) -> _Info:
    """Alternatives: their strings when all are fixed and few, else one clause that every branch implies."""
    if all(branch.exact is not None for branch in branches):
        strings = frozenset().union(*(branch.exact for branch in branches))
        if len(strings) <= settings.max_strings:
            return _Info(strings)
    begins = [branch.begins for branch in branches]
    starts = (frozenset().union(*begins) if all(begin is not None for begin in begins) else None)
    starts = starts if starts is not None and len(starts) <= settings.max_strings else None
    union: set[str] = set()
    for branch in branches:
        options = [clause for clause in [*branch.clauses, *_as_clause(branch.exact), *_as_clause(branch.starts)]
                   if clause]
        if not options:
            return _Info(None, (), starts)
        union |= max(options, key=lambda clause: (min(map(len, clause)), -len(clause)))
    return _Info(None, (frozenset(union),) if len(union) <= settings.max_strings else (), starts)


def pattern_names(recognizers) -> Iterator[tuple[str, str]]:
    """(recognizer name, pattern name) of every pattern of the pattern recognizers."""
    for recognizer in recognizers:
        for pattern in getattr(recognizer, "patterns", None) or ():
            yield recognizer.name, pattern.name


def check_ungated(recognizers, settings: GateSettings) -> None:
    """Start-up check: every pattern the gates file leaves ungated exists."""
    known = set(pattern_names(recognizers))
    missing = [f"{name}/{pattern}" for name, patterns in settings.ungated.items() for pattern in patterns
               if (name, pattern) not in known]
    if missing:
        raise ValueError(f"{GATES_FILE.name}: ungated patterns that no recognizer has: {', '.join(missing)}")


def gated_compile(pattern: str, flags: int = 0):
    """`re.compile(pattern, flags)`, scanning only the texts its gate admits when it has one (same matches)."""
    compiled = re.compile(pattern, flags)
    gate = _gate_of(pattern, flags)
    return compiled if gate is None else GatedRegex(compiled, gate)


def gate_for(pattern: str, flags: int, settings: GateSettings) -> Gate | None:
    """`derive_gate`, kept for the process under the gates file's own settings (gates are immutable): a
    detector built again, by another worker thread or a test, does not derive its few hundred gates again."""
    return _gate_of(pattern, flags) if settings is gate_settings() else derive_gate(pattern, flags, settings)


@lru_cache(maxsize=4096)
def _gate_of(pattern: str, flags: int) -> Gate | None:
    return derive_gate(pattern, flags, gate_settings())


class GatedRegex:
    """A compiled pattern that scans only texts its gate admits; every other attribute is the pattern's own."""

    def __init__(self, compiled, gate: Gate) -> None:
        self.compiled = compiled
        self.gate = gate

    def finditer(self, text: str, *args, **kwargs):
        """The pattern's matches, or none at once when the text lacks what every match needs."""
        held = _INDEX.text_mask(text)
        for mask in self.gate.masks:
            if not mask & held:
                return iter(())
        return self.compiled.finditer(text, *args, **kwargs)


def any_admits(gates: tuple[Gate, ...], text: str) -> bool:
    """Whether one of `gates` admits the text: a recognizer whose every pattern is gated scans nothing when none does."""
    held = _INDEX.text_mask(text)
    for gate in gates:
        for mask in gate.masks:
            if not mask & held:
                break
        else:
            return True
    return False

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)
