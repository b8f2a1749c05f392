"""What keeps a detector build cheap without changing what it finds: one compile of each pattern per process
(models/recognizers/config.py `compiled`) and the covering pieces of a gate chosen from kept counts
(models/recognizers/gates.py), equal to the plain greedy choice on the shipped pattern set."""
from __future__ import annotations

import pytest
import regex
from presidio_analyzer import PatternRecognizer

import models.recognizers.gates as gates
from models.recognizers.config import RECOGNIZERS_FILE, _compiles, compiled, load_recognizer_data
from models.recognizers.gates import GatedRegex, derive_gate, fold, gate_settings, grams


def plain_greedy_cover(literals: frozenset[str]) -> frozenset[str]:
    """The reference: recount every piece of the literals not yet covered, take the most held (least on ties)."""
    pieces = {literal: {literal[i:i + gates.GRAM] for i in range(max(1, len(literal) - gates.GRAM + 1))}
              for literal in literals}
    chosen: set[str] = set()
    while pieces:
        counts: dict[str, int] = {}
        for options in pieces.values():
            for piece in options:
                counts[piece] = counts.get(piece, 0) + 1
        best = min(counts, key=lambda piece: (-counts[piece], piece))
        chosen.add(best)
        pieces = {literal: options for literal, options in pieces.items() if best not in options}
    return frozenset(chosen)


def shipped_patterns(detector) -> list[tuple[str, int]]:
    return [(pattern.regex, recognizer.global_regex_flags) for recognizer in detector.analyzer.registry.recognizers
            if isinstance(recognizer, PatternRecognizer) for pattern in recognizer.patterns]


def test_every_gate_of_the_shipped_patterns_covers_with_the_plain_greedy_choice(detector, monkeypatch):
    clauses: list[frozenset[str]] = []
    fast = gates._covering_grams

    def recorded(literals):
        clauses.append(literals)
        return fast(literals)

    monkeypatch.setattr(gates, "_covering_grams", recorded)
    for pattern, flags in shipped_patterns(detector):
        derive_gate(pattern, flags, gate_settings())
    assert len(clauses) > 200 and max(map(len, clauses)) > 500
    assert [fast(clause) for clause in clauses] == [plain_greedy_cover(clause) for clause in clauses]


@pytest.mark.parametrize("literals", [
    frozenset({"password", "passwd", "passphrase", "pwd", "pass"}),  # shared starts, short ones
    frozenset({"abcdefgh", "bcdefghi", "cdefghij", "xbcdey"}),  # ties broken by the least piece
    frozenset({f"{word}{n}" for word in ("kontonummer", "account", "konto") for n in range(40)}),
    frozenset({"@", "~", "ab"}),
])
def test_covering_pieces_equal_the_plain_greedy_choice_and_every_literal_holds_one(literals):
    cover = gates._covering_grams(literals)
    assert cover == plain_greedy_cover(literals)
    assert all(any(piece in literal for piece in cover) for literal in literals)


def test_a_gated_pattern_still_admits_its_cue_and_skips_ordinary_work_text(detector):
    cue = [pattern.compiled_regex for recognizer in detector.analyzer.registry.recognizers
           if isinstance(recognizer, PatternRecognizer) for pattern in recognizer.patterns
           if isinstance(pattern.compiled_regex, GatedRegex)]
    work = "Merged the release branch, rebuilt the staging images and closed the sprint."
    assert sum(not compiled.gate.admits(grams(fold(work))) for compiled in cue) > len(cue) // 2
    assert list(compiled("(?i)password\\s*[:=]\\s*(\\S+)").finditer("password: Tq7mLp2x"))


def test_a_second_load_of_the_recognizer_data_compiles_no_pattern_again(monkeypatch):
    load_recognizer_data(RECOGNIZERS_FILE)
    calls: list[str] = []
    real = regex.compile

    def counted(pattern, flags=0, *args, **kwargs):
        calls.append(pattern)
        return real(pattern, flags, *args, **kwargs)

    monkeypatch.setattr(regex, "compile", counted)
    load_recognizer_data(RECOGNIZERS_FILE)
    assert calls == []


def test_the_detector_reads_the_shared_compile_of_each_pattern_with_its_recognizers_flags(detector):
    for recognizer in detector.analyzer.registry.recognizers:
        for pattern in getattr(recognizer, "patterns", None) or ():
            held = pattern.compiled_regex
            held = held.compiled if isinstance(held, GatedRegex) else held
            assert held is compiled(pattern.regex, recognizer.global_regex_flags)
            assert held.flags & recognizer.global_regex_flags == recognizer.global_regex_flags


def test_a_bad_pattern_fails_validation_every_time_it_is_read():
    for _ in range(2):  # a failed compile is not kept as a success
        with pytest.raises(ValueError, match="not a valid regular expression"):
            _compiles("(?P<x>unclosed")
