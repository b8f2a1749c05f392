"""`python -m evaluation.bench --stages`: where the plain loop's CPU time goes, stage by stage.

Runs `bench.plain_loop` (read, parse, capture policy, detect in batches, redact, write, audit) on the bench
workload in this process with a clock around each stage (`time.process_time`, exclusive: a stage's time
excludes the stages it calls), and prints ms per record of each: parse, capture, text views, normalized
views, spaCy, Presidio's engine, each recognizer, the gate checks, the category features, the text
classifier, the decision, redaction, audit, and the rest (the loop itself, JSON, writing). The detector's
build is timed apart (start-up, not per record). Measurement only: the stages are wrapped in this process.
"""
from __future__ import annotations

import functools
import json
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

BUILD = "start-up: detector build"
REST = "the rest: loop, JSON, write"
WARM_UP = 50  # records of an untimed first run


class StageClock:
    """CPU seconds per stage, exclusive of the stages nested inside it."""

    def __init__(self) -> None:
        self.seconds: Counter = Counter()
        self._stack: list[str] = []
        self._mark = time.process_time()

    def enter(self, stage: str) -> None:
        """Charge the time so far to the running stage and start `stage`."""
        now = time.process_time()
        if self._stack:
            self.seconds[self._stack[-1]] += now - self._mark
        self._stack.append(stage)
        self._mark = now

    def leave(self) -> None:
        """Charge the time so far to the stage that ends."""
        now = time.process_time()
        self.seconds[self._stack.pop()] += now - self._mark
        self._mark = now

    def timed(self, stage: str, function: Callable) -> Callable:
        """`function`, its calls charged to `stage`."""
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            self.enter(stage)
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()
        return wrapper

    def timed_iterator(self, stage: str, function: Callable) -> Callable:
        """`function` returning an iterator (spaCy's `pipe`): each step it takes charged to `stage`."""
        def wrapper(*args, **kwargs) -> Iterator:
            self.enter(stage)
            try:
                items = iter(function(*args, **kwargs))
            finally:
                self.leave()
            while True:
                self.enter(stage)
                try:
                    item = next(items)
                except StopIteration:
                    return
                finally:
                    self.leave()
                yield item
        return wrapper


class _TimedNer:
    """The detector's NER component with its `pipe` timed (a spaCy component takes no new attributes)."""

    def __init__(self, ner, pipe: Callable) -> None:
        self._ner = ner
        self.pipe = pipe

    def __getattr__(self, name: str):
        return getattr(self._ner, name)


def instrument(detector, clock: StageClock) -> None:
    """Wrap a built detector's stages: spaCy, Presidio's engine, each recognizer, normalized views, categories."""
    analyzer = detector.analyzer
    nlp = analyzer.nlp_engine.nlp["en"]
    nlp.pipe = clock.timed_iterator("spaCy", nlp.pipe)
    if detector.ner is not None:
        detector.ner = _TimedNer(detector.ner, clock.timed_iterator("spaCy", detector.ner.pipe))
    analyzer.analyze = clock.timed("Presidio engine (context, merge)", analyzer.analyze)
    for recognizer in analyzer.registry.recognizers:
        recognizer.analyze = clock.timed(f"recognizer {recognizer.name}", recognizer.analyze)
    detector.normalizer.view = clock.timed("normalized views", detector.normalizer.view)
    classifier = detector.classifier
    classifier.features = clock.timed("categories: features", classifier.features)
    classifier.probabilities = clock.timed("categories: text classifier", classifier.probabilities)
    classifier.decide_with = clock.timed("categories: decision", classifier.decide_with)


def stage_seconds(records: list[dict], batch_size: int) -> tuple[Counter, float]:
    """CPU seconds per stage of one plain loop over `records`, and its whole CPU time."""
    import models.audit
    import models.capture
    import models.compat
    import models.engine
    import models.parse
    import models.redaction
    import models.text_views
    from evaluation.bench import plain_loop
    from models.recognizers.gates import GatedRegex

    clock = StageClock()
    build = models.engine.build_detector

    def built(settings):
        detector = clock.timed(BUILD, build)(settings)
        instrument(detector, clock)
        return detector

    patches = [mock.patch.object(models.engine, "build_detector", built),
               mock.patch.object(models.parse, "parse_line", clock.timed("parse", models.parse.parse_line)),
               mock.patch.object(models.capture, "capture_verdict",
                                 clock.timed("capture policy", models.capture.capture_verdict)),
               mock.patch.object(models.capture, "strip_undisclosed",
                                 clock.timed("capture policy", models.capture.strip_undisclosed)),
               mock.patch.object(models.text_views, "text_fields",
                                 clock.timed("text views", models.text_views.text_fields)),
               mock.patch.object(models.redaction, "apply_policy",
                                 clock.timed("redaction", models.redaction.apply_policy)),
               mock.patch.object(models.audit, "add_outcome", clock.timed("audit", models.audit.add_outcome)),
               mock.patch.object(GatedRegex, "finditer", clock.timed("gate checks", GatedRegex.finditer)),
               mock.patch.object(models.compat, "any_admits", clock.timed("gate checks", models.compat.any_admits))]
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "workload.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        warm = Path(work) / "warm.jsonl"
        warm.write_text("".join(json.dumps(r) + "\n" for r in records[:WARM_UP]), encoding="utf-8")
        # untimed: what a process loads once (compiled patterns, gates, phone metadata, suffix list)
        plain_loop(str(warm), f"{work}/warm", batch_size)
        for patch in patches:
            patch.start()
        try:
            clock.enter(REST)
            started = time.process_time()
            plain_loop(str(path), f"{work}/out", batch_size)
            total = time.process_time() - started
            clock.leave()
        finally:
            for patch in reversed(patches):
                patch.stop()
    return clock.seconds, total


def table(seconds: Counter, total: float, records: int, top: int = 15) -> str:
    """The stages as a Markdown table of ms per record and share of the per-record time, largest first;
    recognizers past the `top` largest stages summed in one row."""
    per_record = {stage: s for stage, s in seconds.items() if stage != BUILD}
    ranked = sorted(per_record.items(), key=lambda item: -item[1])
    shown = ranked[:top]
    others = [(stage, s) for stage, s in ranked[top:]]
    if others:
        shown.append((f"{len(others)} other stages (recognizers mostly)", sum(s for _, s in others)))
    work = sum(per_record.values())
    lines = [f"{records} records; CPU {total:.2f} s in all, {seconds[BUILD]:.2f} s of it the detector build; "
             f"per record {1000 * work / records:.2f} ms", "",
             "| stage | ms per record | share |", "|---|---|---|"]
    lines += [f"| {stage} | {1000 * s / records:.3f} | {s / work:.1%} |" for stage, s in shown]
    return "\n".join(lines)


def plain_ms_per_record(records: list[dict], batch_size: int, small: int = 200) -> dict:
    """CPU ms per record of the plain loop, start-up cancelled out: (t(all) - t(small)) / (all - small), after
    one untimed run that builds what a process builds once (compiled patterns, gates, phone metadata)."""
    from evaluation.bench import plain_loop

    with tempfile.TemporaryDirectory() as work:
        def run(size: int) -> float:
            path = Path(work) / f"w{size}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in records[:size]), encoding="utf-8")
            started = time.process_time()
            plain_loop(str(path), f"{work}/out{size}", batch_size)
            return time.process_time() - started

        run(small)  # warm-up, untimed
        times = {small: run(small), len(records): run(len(records))}
    return {"records": len(records), "small": small, "t_small": times[small], "t_all": times[len(records)],
            "ms_per_record": 1000 * (times[len(records)] - times[small]) / (len(records) - small)}
