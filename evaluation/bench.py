"""`make bench`: throughput of the text stage and of the whole pipeline, as ratios measured in one run.

On one seeded synthetic workload shaped like telemetry (keystroke bursts and chat under a few
recurring apps and window titles, long voice transcripts), it measures:
- the text stage (batched detection + redaction) against the naive loop: one Presidio
  `AnalyzerEngine.analyze` per text, full spaCy pipeline, every recognizer, per core;
- their PII recall on the labelled development corpus (span coverage of the gold PII strings);
- the Beam pipeline (FnApiRunner in process, and with one worker process) against a plain Python
  loop doing the same work (read, parse, capture policy, detect in batches, redact, write, audit),
  each timed end to end from a cold start in a fresh process;
- the pipeline with 2 worker processes against 1, and the peak memory of each process;
- screenshots per second through OCR, detection and redaction.
Benchmarks are not tests: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import platform
import random
import resource
import secrets
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY = secrets.token_bytes(32)


def workload(size: int, seed: int) -> list[dict]:
    """`size` raw text records made from the development corpus's texts: 45% keystroke bursts,
    35% chat transcripts of 1-4 segments, 10% voice transcripts of 30-60 segments, 10% short
    typed strings; app, title and URL from the corpus's contexts, Zipf-weighted so a few recur
    most, as the foreground window does in real capture."""
    from evaluation.corpus import CORPUS, TS
    from sample.generate import keys

    rng = random.Random(seed)
    specs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    specs = [spec for spec in specs if spec["kind"] != "screenshot"]
    contexts = sorted({(s.get("app"), s.get("window_title"), s.get("url")) for s in specs}, key=str)
    rng.shuffle(contexts)
    context_weights = [1 / (rank + 1) for rank in range(len(contexts))]
    segments = [seg["text"] for s in specs for seg in s.get("segments", [])]
    typed = [s["typed"] for s in specs if s.get("typed")] + segments

    def fresh(texts: list[str]) -> str:
        """The first half of one text and the second half of another: content does not repeat
        (so no cache sees it twice), only the apps and titles around it do."""
        first, second = rng.choice(texts).split(), rng.choice(texts).split()
        return " ".join(first[:len(first) // 2] + second[len(second) // 2:])

    records = []
    for n in range(size):
        app, title, url = rng.choices(contexts, context_weights)[0]
        record = {"record_id": f"bench-{n:06d}", "user_id": f"emp-{rng.randrange(50):03d}", "ts": TS,
                  **{name: value for name, value in (("app", app), ("window_title", title), ("url", url)) if value}}
        roll = rng.random()
        if roll < 0.45 or roll >= 0.90:
            text = fresh(typed)
            text = text if roll < 0.45 else " ".join(text.split()[:3])
            record.update(kind="keystrokes", field="text", events=keys(text))
        else:
            count = rng.randint(1, 4) if roll < 0.80 else rng.randint(30, 60)
            record.update(kind="transcript", source="chat" if roll < 0.80 else "voice",
                          segments=[{"speaker": f"Speaker {i % 2 + 1}", "start": float(i), "end": float(i + 1),
                                     "text": fresh(segments)} for i in range(count)])
        records.append(record)
    return records


def _prepared(records: list[dict]):
    from models.parse import parse_line
    from models.records import PreparedRecord
    from models.text_views import text_fields

    parsed = [parse_line(json.dumps(raw).encode(), "bench") for raw in records]
    return [PreparedRecord(record, text_fields(record)) for record in parsed]


def text_stage(records: list[dict], batch_size: int) -> dict:
    """Records per second, in this process, of the naive per-text loop and of batched detection +
    redaction: over the whole mix, apart for short records and long voice transcripts, and for the
    records the pipeline keeps."""
    from models.detection import detect_batch
    from models.engine import AnalyzerSettings, build_detector, settings_for_policy
    from models.policy import DEFAULT_POLICY, load_policy
    from models.redaction import apply_policy

    policy = load_policy(DEFAULT_POLICY)
    naive = build_detector(AnalyzerSettings(score_threshold=policy.score_threshold, pruned=False,
                                            cache_entries=0)).analyzer
    settings = settings_for_policy(policy)

    def naive_loop(batch):
        for record in batch:
            for field in record.fields:
                naive.analyze(text=field.text, language="en", score_threshold=policy.score_threshold)

    def batched_loop(detector, batch):
        for finding in detect_batch(detector, batch, settings):
            apply_policy(finding, policy, KEY)

    # Records the pipeline keeps need NER in full; records it drops mostly do not
    # (docs/detection.md, Throughput): the kept ones alone show the gain when nothing is dropped.
    everything = _prepared(records)
    findings = detect_batch(build_detector(settings), everything, settings)
    kept = [record for record, finding in zip(everything, findings) if finding.category is None]
    # Both loops warmed untimed, as the analyzers are built untimed: what each loads once per
    # process on first use (phone metadata; the recognizer file redaction's record-id and login
    # checks read, about 1.5 s) is start-up, not the first timed batch's work.
    for finding in findings:
        apply_policy(finding, policy, KEY)
    naive_loop(everything[:batch_size // 8])
    figures = {}
    for name, prepared in (("all", everything),
                           ("short", [r for r in everything if r.record.source != "voice"]),
                           ("voice", [r for r in everything if r.record.source == "voice"]),
                           ("kept", kept)):
        detector = build_detector(settings)  # a fresh cache: the subsets share texts with the whole
        seconds = {"naive": 0.0, "batched": 0.0}
        # Batch by batch, the two loops taking turns to go first: a drift in the machine's speed
        # (another process, a busy host) then weighs on both alike.
        for number, start in enumerate(range(0, len(prepared), batch_size)):
            batch = prepared[start:start + batch_size]
            turns = [("naive", lambda: naive_loop(batch)), ("batched", lambda: batched_loop(detector, batch))]
            for loop, run in turns if number % 2 == 0 else reversed(turns):
                started = time.perf_counter()
                run()
                seconds[loop] += time.perf_counter() - started
        figures[name] = {"records": len(prepared), "naive_per_s": len(prepared) / seconds["naive"],
                         "batched_per_s": len(prepared) / seconds["batched"]}
    return figures


def recall() -> dict:
    """Share of the development corpus's gold PII strings (text records) wholly covered by spans of
    replaced entity types: the naive analyzer against the pruned, batched detection with NER on
    every record (all strings), and against detection as the pipeline runs it, where a record sure
    to be dropped gets no NER (the strings of the records it keeps; the others leave with their
    record); and the category drop recall."""
    from dataclasses import replace

    from evaluation.corpus import load_development
    from models.detection import detect_batch
    from models.engine import AnalyzerSettings, build_detector, settings_for_policy
    from models.policy import DEFAULT_POLICY, load_policy

    policy = load_policy(DEFAULT_POLICY)
    records, golds = load_development()
    gold = {g.record_id: g for g in golds}
    prepared = _prepared([r for r in records if r["kind"] != "screenshot"])
    naive = build_detector(AnalyzerSettings(score_threshold=policy.score_threshold, pruned=False,
                                            cache_entries=0)).analyzer
    settings = settings_for_policy(policy)
    full_settings = replace(settings, drop_categories=frozenset())
    findings = detect_batch(build_detector(settings), prepared, settings)
    full = detect_batch(build_detector(full_settings), prepared, full_settings)
    counts: Counter = Counter()
    for record, finding, full_finding in zip(prepared, findings, full):
        naive_spans = {field.name: [(r.start, r.end) for r in naive.analyze(
            text=field.text, language="en", score_threshold=policy.score_threshold) if policy.replaces(r.entity_type)]
            for field in record.fields}
        kept = finding.category is None
        for value in gold[record.record.record_id].pii:
            for field in record.fields:
                start = field.text.find(value)
                if start < 0:
                    continue
                naive_covered = _covered(start, start + len(value), naive_spans[field.name])
                counts["pii"] += 1
                counts["naive"] += naive_covered
                counts["full"] += _covered(start, start + len(value), _replaced(full_finding, field.name, policy))
                counts["kept_pii"] += kept
                counts["kept_naive"] += kept and naive_covered
                counts["kept_batched"] += kept and _covered(start, start + len(value),
                                                            _replaced(finding, field.name, policy))
        if gold[record.record.record_id].category != "benign":
            counts["sensitive"] += 1
            counts["sensitive_found"] += finding.category is not None
    return {"pii_strings": counts["pii"], "naive_pii_recall": counts["naive"] / counts["pii"],
            "full_pii_recall": counts["full"] / counts["pii"], "kept_pii_strings": counts["kept_pii"],
            "kept_naive_pii_recall": counts["kept_naive"] / counts["kept_pii"],
            "kept_batched_pii_recall": counts["kept_batched"] / counts["kept_pii"],
            "category_drop_recall": counts["sensitive_found"] / counts["sensitive"]}


def _replaced(finding, field_name: str, policy) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in dict(finding.spans)[field_name] if policy.replaces(s.entity_type)]


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return all(any(s <= i < e for s, e in spans) for i in range(start, end))


def plain_loop(input_path: str, output: str, batch_size: int) -> None:
    """The pipeline's work without Beam: read, parse, capture policy, detect in batches, redact,
    write, audit."""
    from models.audit import add_outcome, empty_audit, finish_audit
    from models.capture import capture_verdict, strip_undisclosed
    from models.detection import detect_batch
    from models.engine import build_detector, settings_for_policy
    from models.parse import ParseError, parse_line
    from models.policy import DEFAULT_POLICY, load_policy
    from models.records import DiscardedRecord, PreparedRecord, SanitizedRecord, StrippedFields
    from models.redaction import apply_policy
    from models.text_views import text_fields

    policy = load_policy(DEFAULT_POLICY)
    settings = settings_for_policy(policy)
    detector = build_detector(settings)
    audit, lines, batch = empty_audit(), 0, []
    Path(output).mkdir(parents=True, exist_ok=True)
    with open(input_path, "rb") as source, open(Path(output) / "sanitized.jsonl", "w", encoding="utf-8") as sink:
        def flush():
            nonlocal audit
            for finding in detect_batch(detector, batch, settings):
                outcome = apply_policy(finding, policy, KEY)
                if isinstance(outcome, SanitizedRecord):
                    sink.write(outcome.json_line + "\n")
                audit = add_outcome(audit, outcome)
            batch.clear()

        for line in source:
            lines += 1
            try:
                record = parse_line(line.rstrip(b"\n"), input_path)
            except ParseError as error:
                audit = add_outcome(audit, DiscardedRecord(error.kind, f"quarantined:{error.reason}"))
                continue
            why = capture_verdict(record, policy)
            if why is not None:
                audit = add_outcome(audit, DiscardedRecord(record.kind, f"dropped:{why}"))
                continue
            record, stripped = strip_undisclosed(record, policy.disclosure)
            if stripped:
                audit = add_outcome(audit, StrippedFields(record.kind, stripped))
            batch.append(PreparedRecord(record, text_fields(record)))
            if len(batch) == batch_size:
                flush()
        flush()
    (Path(output) / "summary.json").write_text(json.dumps(finish_audit(audit, lines, policy.version)))


def pipeline_run(input_path: str, output: str, workers: int) -> None:
    """The real Beam pipeline on FnApiRunner: in this process (`workers` 0, the local default), or
    with `workers` worker processes."""
    from apache_beam.options.pipeline_options import PipelineOptions

    from models.engine import settings_for_policy
    from models.ocr import OcrSettings
    from models.policy import DEFAULT_POLICY, load_policy
    from pipeline.graph import RunSettings, build_pipeline

    policy = load_policy(DEFAULT_POLICY)
    settings = RunSettings(input_path, output, policy, KEY, settings_for_policy(policy),
                           OcrSettings())
    options = PipelineOptions(["--runner=FnApiRunner"] + ([f"--direct_num_workers={workers}",
                                                            "--direct_running_mode=multi_processing"] if workers else []))
    build_pipeline(options, settings).run().wait_until_finish()


def screenshots(count: int) -> dict:
    """Seconds per screenshot through OCR, detection and redaction (the corpus's rendered screens)."""
    from evaluation.corpus import CORPUS, spec_to_record
    from models.detection import detect_batch
    from models.engine import build_detector, settings_for_policy
    from models.images import decode_image
    from models.ocr import OcrSettings, TesseractOcr
    from models.parse import parse_line
    from models.policy import DEFAULT_POLICY, load_policy
    from models.records import PreparedRecord
    from models.redaction import apply_policy
    from models.text_views import text_fields

    policy = load_policy(DEFAULT_POLICY)
    specs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    shots = [parse_line(json.dumps(spec_to_record(spec)).encode(), "bench")
             for spec in specs if spec["kind"] == "screenshot"][:count]
    settings = settings_for_policy(policy)
    detector, ocr = build_detector(settings), TesseractOcr(OcrSettings())
    pixels = 0
    started = time.perf_counter()
    for record in shots:
        data = base64.b64decode(record.image_b64)
        image = decode_image(data, policy.screenshots.max_pixels)
        pixels += image.width * image.height
        words = ocr.read(image)
        finding = detect_batch(detector, [PreparedRecord(record, text_fields(record, words), data, words)],
                               settings)[0]
        apply_policy(finding, policy, KEY)
    seconds = time.perf_counter() - started
    return {"screenshots": len(shots), "per_s": len(shots) / seconds, "megapixels": pixels / len(shots) / 1e6}


def _in_subprocess(*args: str) -> dict:
    """Run `python -m evaluation.bench --child ...` and return its wall time and peak memory."""
    done = subprocess.run([sys.executable, "-m", "evaluation.bench", "--child", *args], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join(done.stderr.splitlines()[-5:])
        raise RuntimeError(f"benchmark step {args[0]} failed (exit {done.returncode}):\n{tail}")
    return json.loads(done.stdout.splitlines()[-1])


def _child(step: str, input_path: str, output: str, number: str) -> None:
    started = time.perf_counter()
    if step == "plain":
        plain_loop(input_path, output, int(number))
    else:
        pipeline_run(input_path, output, int(number))
    seconds = time.perf_counter() - started
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"seconds": seconds, "self_mib": _peak_rss_mib(), "worker_mib": workers.ru_maxrss / 1024}))


def _peak_rss_mib() -> float:
    """Peak resident memory of this process (VmHWM; getrusage's ru_maxrss survives exec, so a
    child would report its parent's peak)."""
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")) / 1024


def machine() -> str:
    """CPU model, cores, memory, Python and Beam versions."""
    import apache_beam

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) / 2**20 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0.0)
    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, apache-beam {apache_beam.__version__}")


def report(args: argparse.Namespace, figures: dict) -> str:
    """The figures as BENCHMARKS.md."""
    text, plain, inproc, one, two = (figures[k] for k in ("text", "plain", "in_process", "one", "two"))
    rec, shots, n = figures["recall"], figures["screenshots"], figures["records"]

    def rate(run: dict) -> str:
        return f"{n / run['seconds']:.0f} records/s ({run['seconds']:.1f} s)"

    subsets = {"all": "all", "short": "short records", "voice": "voice transcripts",
               "kept": "records kept (no category: all need NER)"}
    rows = [(f"Text stage per core, {subsets[name]} ({t['records']}): batched detection + redaction vs naive "
             "per-text Presidio", f"{t['batched_per_s']:.1f} vs {t['naive_per_s']:.1f} records/s",
             f"{t['batched_per_s'] / t['naive_per_s']:.2f}x", ">= 5x" if name == "all" else "")
            for name, t in text.items()]
    rows += [
        ("Whole machine: pipeline with 2 workers vs the naive loop on one core",
         f"{n / two['seconds']:.1f} vs {text['all']['naive_per_s']:.1f} records/s",
         f"{n / two['seconds'] / text['all']['naive_per_s']:.2f}x", ""),
        ("PII recall on the dev corpus, batched detection with NER on every record vs naive",
         f"{rec['full_pii_recall']:.3f} vs {rec['naive_pii_recall']:.3f} of {rec['pii_strings']} strings",
         f"{rec['full_pii_recall'] - rec['naive_pii_recall']:+.3f}", ">= 0"),
        ("PII recall on the dev corpus in the records the pipeline keeps, batched (as run) vs naive",
         f"{rec['kept_batched_pii_recall']:.3f} vs {rec['kept_naive_pii_recall']:.3f} of {rec['kept_pii_strings']} "
         f"strings (the other {rec['pii_strings'] - rec['kept_pii_strings']} leave with their records)",
         f"{rec['kept_batched_pii_recall'] - rec['kept_naive_pii_recall']:+.3f}", ">= 0"),
        ("Beam pipeline (FnApiRunner in process) vs plain batched loop, end to end",
         f"{rate(inproc)} vs {rate(plain)}", f"{plain['seconds'] / inproc['seconds']:.2f}x", ">= 0.85x"),
        ("Beam pipeline (1 worker process) vs plain batched loop, end to end",
         f"{rate(one)} vs {rate(plain)}", f"{plain['seconds'] / one['seconds']:.2f}x", ""),
        ("Pipeline, 2 worker processes vs 1", f"{rate(two)} vs {rate(one)}",
         f"{one['seconds'] / two['seconds']:.2f}x", ">= 1.7x"),
        ("Peak memory per worker process (1 / 2 workers); runner; plain loop",
         f"{one['worker_mib']:.0f} / {two['worker_mib']:.0f} MiB; {two['self_mib']:.0f} MiB; "
         f"{plain['self_mib']:.0f} MiB", "", "<= 1536 MiB"),
        (f"Screenshots, one process ({shots['screenshots']} corpus screens, {shots['megapixels']:.2f} MP)",
         f"{shots['per_s']:.2f} screenshots/s (OCR + detection + redaction)", "", ""),
    ]
    lines = ["# Benchmarks", "",
             f"Produced by `{args.command}` on {time.strftime('%Y-%m-%d')}, in one run of "
             f"{figures['seconds']:.0f} s on: {machine()}. BLAS and OpenMP limited to one thread per process, "
             "so one process is one core.", "",
             f"Workload: {n} text records (seed {args.seed}, `evaluation/bench.py`): 45% keystroke bursts, 35% chat "
             "transcripts of 1-4 segments, 10% short typed strings, all under apps, titles and URLs that recur "
             "(Zipf-weighted), and 10% voice transcripts of 30-60 segments; segment and typed texts never repeat. "
             f"The text-stage rows use the first {text['all']['records']} records. End-to-end runs (read, parse, "
             "detect, redact, write, audit) each start cold in their own process, model loading included; "
             f"their times are the mean of {args.rounds} runs each, in alternating order. "
             f"Category drop recall of the batched detector on the dev corpus: {rec['category_drop_recall']:.3f}.", "",
             "| measure | figures | ratio | goal |", "|---|---|---|---|",
             *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows], "",
             "OCR alone: `make bench-ocr` (docs/kinds.md, Screenshots).", ""]
    return "\n".join(lines)


def _other_sections(path: Path) -> str:
    """The `## ` sections other benchmark commands wrote into the report (`make bench-scaling`), kept as they are."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    start = old.find("\n## ")
    return "" if start < 0 else old[start + 1:]


def main(argv: list[str] | None = None) -> int:
    """The benchmark's command line: runs the rows asked for and writes BENCHMARKS.md."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=20000, help="text records in the workload")
    parser.add_argument("--quick", action="store_true", help="a smaller run (800 records, under 2 minutes)")
    parser.add_argument("--text_records", type=int, default=1000,
                        help="records of the workload timed in the text-stage rows (the naive loop is slow)")
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--batch_size", type=int, default=128)
    parser.add_argument("--rounds", type=int, default=2,
                        help="end-to-end runs of each configuration, alternating in order (quick: 1)")
    parser.add_argument("--screenshots", type=int, default=6)
    parser.add_argument("--report", default=str(ROOT / "BENCHMARKS.md"))
    parser.add_argument("--stages", action="store_true",
                        help="only the plain loop's CPU time per record, stage by stage, on --text_records records "
                             "(evaluation/bench_stages.py); and its ms per record, (t(N) - t(200)) / (N - 200)")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_THREAD_LIMIT"):
        os.environ[variable] = "1"
    if args.child:
        _child(*args.child)
        return 0
    if args.stages:
        from evaluation.bench_stages import plain_ms_per_record, stage_seconds, table

        records = workload(args.text_records, args.seed)
        seconds, total = stage_seconds(records, args.batch_size)
        print(table(seconds, total, len(records)))
        loop = plain_ms_per_record(records, args.batch_size)
        print(f"\nplain loop, CPU: t({loop['small']}) {loop['t_small']:.2f} s, t({loop['records']}) {loop['t_all']:.2f} s: "
              f"{loop['ms_per_record']:.2f} ms per record")
        return 0
    size = 800 if args.quick else args.records
    if args.quick:
        args.text_records, args.rounds = min(args.text_records, 250), 1
    args.command = "make bench" + (" BENCH_ARGS=--quick" if args.quick else
                                   f" BENCH_ARGS='--records {size}'" if size != 20000 else "")
    records = workload(size, args.seed)
    figures: dict = {"records": size}
    started_all = time.perf_counter()
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "workload.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        # Cold runs in subprocesses first, while this process holds no models: a forked child
        # starts from its parent's memory high-water mark, which would inflate theirs. In rounds
        # of the four in turn, every other round in reverse (A B C D D C B A): a drift in the
        # machine's speed over the runs then weighs on each alike.
        runs = {"plain": ("plain", str(args.batch_size)), "in_process": ("pipeline", "0"),
                "one": ("pipeline", "1"), "two": ("pipeline", "2")}
        order = [name for round_ in range(args.rounds) for name in (list(runs) if round_ % 2 == 0 else list(runs)[::-1])]
        for number, name in enumerate(order):
            step, arg = runs[name]
            run = _in_subprocess(step, str(path), f"{work}/{name}-{number}", arg)
            print(f"{name}: {json.dumps(run)}", file=sys.stderr)
            so_far = figures.get(name, {"seconds": 0.0, "self_mib": 0.0, "worker_mib": 0.0})
            figures[name] = {"seconds": so_far["seconds"] + run["seconds"] / args.rounds,
                             "self_mib": max(so_far["self_mib"], run["self_mib"]),
                             "worker_mib": max(so_far["worker_mib"], run["worker_mib"])}
        steps = [("text", lambda: text_stage(records[:args.text_records], args.batch_size)), ("recall", recall),
                 ("screenshots", lambda: screenshots(args.screenshots))]
        for name, step in steps:
            started = time.perf_counter()
            figures[name] = step()
            print(f"{name}: {json.dumps(figures[name])} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    figures["seconds"] = time.perf_counter() - started_all
    markdown = report(args, figures)
    Path(args.report).write_text(markdown + _other_sections(Path(args.report)), encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
