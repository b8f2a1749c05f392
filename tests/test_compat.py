"""The compatibility shims: each pinned to the library version it was read against, and each run on the real library."""
from __future__ import annotations

import logging
from importlib.metadata import version

import apache_beam as beam
import phonenumbers
import pytest
from apache_beam.testing import test_pipeline
from apache_beam.testing.util import assert_that, equal_to
from apache_beam.transforms import window
from presidio_analyzer import Pattern, PatternRecognizer
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from models.compat import (
    CHECKED_VERSIONS,
    FilteredPhoneNumberMatcher,
    checked_pattern,
    compile_patterns,
    doc_to_nlp_artifacts,
    is_regex_timeout,
    phone_result,
)
from models.engine import build_analyzer
from pipeline.options import RedactionOptions
from transforms.beam_compat import CHECKED_BEAM_VERSION, beam_argument_parser, declare_options, map_side_input_windows

PHONE_TEXT = "call (415) 555-0172 or +44 20 7946 0958 at 10:30, build 1.2.3"


@pytest.mark.parametrize("distribution, checked", [*CHECKED_VERSIONS.items(), ("apache-beam", CHECKED_BEAM_VERSION)])
def test_the_installed_library_is_the_version_the_shims_were_checked_against(distribution, checked):
    assert version(distribution) == checked, (
        f"{distribution} {version(distribution)} is installed, but the shims in models/compat.py and "
        f"transforms/beam_compat.py were checked against {checked}: re-read the private APIs they use, "
        "run tests/test_compat.py, then update the pinned version")


def test_doc_to_nlp_artifacts_gives_what_presidio_gives_for_the_same_text(analyzer):
    text = "Jane Doe met Dr. Smith in Paris on 3 May; call 415-555-0172."
    engine = analyzer.nlp_engine
    ours = doc_to_nlp_artifacts(engine, engine.nlp["en"](text), "en")
    stock = engine.process_text(text, "en")
    assert ours.to_json() == stock.to_json() and [e.text for e in ours.entities] == [e.text for e in stock.entities]


def test_is_regex_timeout_recognizes_presidios_warning_of_a_skipped_pattern(monkeypatch):
    import presidio_analyzer.pattern_recognizer as pattern_module
    logger = logging.getLogger("presidio-analyzer")
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    monkeypatch.setattr(pattern_module, "REGEX_TIMEOUT_SECONDS", 0.05)
    monkeypatch.setattr(logger, "filters", [])  # without the guard, which raises on this warning
    logger.addHandler(handler)
    try:
        slow = PatternRecognizer(supported_entity="SLOW", patterns=[Pattern("slow", r"(a|aa)+$", 0.9)])
        slow.analyze("a" * 60 + "!", ["SLOW"])
        PatternRecognizer(supported_entity="FAST", patterns=[Pattern("fast", r"a+", 0.9)]).analyze("aaa", ["FAST"])
    finally:
        logger.removeHandler(handler)
    assert [is_regex_timeout(record) for record in records] == [True]


# LemmaContextEnhancer: scored as Presidio's and its hooks consulted in
# tests/test_analyzer.py::test_context_words_raise_scores_as_with_presidios_enhancer.


def test_the_filtered_phone_matcher_matches_as_phonenumbers_unless_its_hook_refuses():
    def spans(matcher):
        return [(match.start, match.end) for match in matcher]

    class RefusesAll(FilteredPhoneNumberMatcher):
        def accepts(self, candidate):
            return False

    stock = spans(phonenumbers.PhoneNumberMatcher(PHONE_TEXT, "US", leniency=1))
    assert spans(FilteredPhoneNumberMatcher(PHONE_TEXT, "US", leniency=1)) == stock and stock
    assert spans(RefusesAll(PHONE_TEXT, "US", leniency=1)) == []


def test_phone_result_is_the_result_presidios_phone_recognizer_gives():
    recognizer = PhoneRecognizer(supported_regions=("US",))
    ours = [phone_result(recognizer, match, PHONE_TEXT, "US", None)
            for match in phonenumbers.PhoneNumberMatcher(PHONE_TEXT, "US", leniency=recognizer.leniency)]
    stock = recognizer.analyze(PHONE_TEXT, ["PHONE_NUMBER"])
    assert [(r.start, r.end, r.score) for r in ours] == [(r.start, r.end, r.score) for r in stock] and stock


def test_beams_parser_takes_every_options_class_and_ours():
    parser = beam_argument_parser(allow_abbrev=False)
    for options_class in {str(c): c for c in beam.options.pipeline_options.PipelineOptions.__subclasses__()}.values():
        declare_options(options_class, parser)
    known, unknown = parser.parse_known_args(["--policy", "p.yaml", "--runner", "FnApiRunner", "--polcy", "x"])
    assert (known.policy, known.runner, unknown) == ("p.yaml", "FnApiRunner", ["--polcy", "x"])
    assert issubclass(RedactionOptions, beam.options.pipeline_options.PipelineOptions)


def test_a_mapped_side_input_is_read_in_the_window_the_mapping_gives():
    first = window.IntervalWindow(0, 10)
    with test_pipeline.TestPipeline(runner="FnApiRunner") as pipeline:
        side = (pipeline | "Side" >> beam.Create([("read", 5)])
                | "StampSide" >> beam.Map(lambda kv: window.TimestampedValue(kv[0], kv[1]))
                | "WindowSide" >> beam.WindowInto(window.FixedWindows(10)))
        main = (pipeline | "Main" >> beam.Create([5, 15])
                | "StampMain" >> beam.Map(lambda t: window.TimestampedValue(t, t))
                | "WindowMain" >> beam.WindowInto(window.FixedWindows(10)))
        mapped = beam.pvalue.AsSingleton(side, default_value="none")
        map_side_input_windows(mapped, lambda _main_window: first)
        plain = beam.pvalue.AsSingleton(side, default_value="none")
        seen = main | "Read" >> beam.Map(lambda t, m, p: (t, m, p), mapped, plain)
        assert_that(seen, equal_to([(5, "read", "read"), (15, "read", "none")]))


def test_patterns_compiled_ahead_are_the_ones_presidio_reads_with():
    recognizer = PatternRecognizer("USERNAME", patterns=[Pattern("login", r"\blogin: (\w+)", 0.6)],
                                   global_regex_flags=0)
    compile_patterns([recognizer])
    pattern = recognizer.patterns[0]
    assert pattern.compiled_regex is not None and pattern.compiled_with_flags == 0
    compiled = pattern.compiled_regex
    results = recognizer.analyze("the login: jdoe42", ["USERNAME"])
    assert [(r.start, r.end) for r in results] == [(4, 17)]
    assert pattern.compiled_regex is compiled  # Presidio read with it and did not compile again


def test_the_analyzer_starts_with_every_pattern_compiled(analyzer_settings):
    fresh = build_analyzer(analyzer_settings)  # one no text has gone through yet
    patterns = [pattern for recognizer in fresh.registry.recognizers if isinstance(recognizer, PatternRecognizer)
                for pattern in recognizer.patterns]
    assert len(patterns) > 100
    assert all(pattern.compiled_regex is not None and pattern.compiled_with_flags is not None for pattern in patterns)


def test_a_checked_pattern_is_the_pattern_presidios_constructor_makes_and_rejects_what_it_rejects():
    assert vars(checked_pattern("zip", r"\b\d{5}\b", 0.4)) == vars(Pattern("zip", r"\b\d{5}\b", 0.4))
    assert type(checked_pattern("zip", r"\d", 0.4)) is Pattern
    for bad_regex, bad_score in ((r"(\d", 0.4), (r"\d", 1.5)):
        with pytest.raises(ValueError):
            Pattern("bad", bad_regex, bad_score)
        with pytest.raises(ValueError):
            checked_pattern("bad", bad_regex, bad_score)

