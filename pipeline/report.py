"""The audit report page: one run's (or window's) summary.json as a self-contained HTML page of
bar charts (inline SVG drawn here: no script, font or request), and the trend across many runs.

`python -m pipeline.report 'OUTPUT_GLOB' --out trend.html` renders the trend. The page holds only
what the summary holds: counts by closed names, never content.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from html import escape
from typing import Any

from apache_beam.io.filesystems import FileSystems

OUTCOME_COLOURS = {"sanitized": "#2e7d32", "dropped": "#f9a825", "quarantined": "#c62828"}
BAR_COLOUR = "#1565c0"
ROW_PX, LABEL_PX, BAR_PX = 22, 260, 360
STYLE = """body{font-family:sans-serif;margin:2em;color:#222;max-width:60em}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}
table.facts td{padding:.15em 1em .15em 0}
.banner{padding:.6em 1em;border-radius:4px;margin:1em 0;font-weight:bold}
.ok{background:#e8f5e9;color:#1b5e20}.alert{background:#ffebee;color:#b71c1c}
figure{margin:1em 0}figcaption{font-weight:bold;margin-bottom:.3em}svg text{font-size:12px}
.empty{color:#777;font-style:italic}"""


def key_fingerprint(key: bytes) -> str:
    """12 hex characters that tell two keys apart in an audit without revealing either."""
    return hashlib.sha256(b"fingerprint" + key).hexdigest()[:12]


def bar_chart(title: str, counts: dict[str, int], colours: dict[str, str] | None = None) -> str:
    """Horizontal bars, one per name, scaled to the largest count; an empty table says so."""
    if not counts:
        return f'<figure><figcaption>{escape(title)}</figcaption><p class="empty">none</p></figure>'
    top = max(max(counts.values()), 1)
    rows = []
    for index, (name, count) in enumerate(counts.items()):
        y = index * ROW_PX
        width = max(round(BAR_PX * count / top), 1 if count else 0)
        colour = (colours or {}).get(name, BAR_COLOUR)
        rows.append(f'<text x="{LABEL_PX - 6}" y="{y + 15}" text-anchor="end">{escape(name)}</text>'
                    f'<rect x="{LABEL_PX}" y="{y + 3}" width="{width}" height="{ROW_PX - 6}" fill="{colour}">'
                    f'<title>{escape(name)}: {count}</title></rect>'
                    f'<text x="{LABEL_PX + width + 4}" y="{y + 15}">{count}</text>')
    return _figure(title, "".join(rows), len(counts))


def stacked_chart(title: str, rows: dict[str, dict[str, int]], colours: dict[str, str]) -> str:
    """One horizontal bar per row, split into the `colours`' series, scaled to the largest row total."""
    if not rows:
        return f'<figure><figcaption>{escape(title)}</figcaption><p class="empty">none</p></figure>'
    top = max(max(sum(counts.get(s, 0) for s in colours) for counts in rows.values()), 1)
    parts = []
    for index, (name, counts) in enumerate(rows.items()):
        y, x = index * ROW_PX, LABEL_PX
        parts.append(f'<text x="{LABEL_PX - 6}" y="{y + 15}" text-anchor="end">{escape(name)}</text>')
        for series, colour in colours.items():
            width = round(BAR_PX * counts.get(series, 0) / top)
            if width:
                parts.append(f'<rect x="{x}" y="{y + 3}" width="{width}" height="{ROW_PX - 6}" fill="{colour}">'
                             f'<title>{escape(name)} {escape(series)}: {counts[series]}</title></rect>')
                x += width
        total = sum(counts.get(s, 0) for s in colours)
        parts.append(f'<text x="{x + 4}" y="{y + 15}">{total}</text>')
    legend = " ".join(f'<span style="color:{c}">&#9632;</span> {escape(s)}' for s, c in colours.items())
    return _figure(title, "".join(parts), len(rows), legend)


def _figure(title: str, body: str, rows: int, legend: str = "") -> str:
    height = rows * ROW_PX + 4
    return (f'<figure><figcaption>{escape(title)}</figcaption>{legend and f"<div>{legend}</div>"}'
            f'<svg role="img" width="{LABEL_PX + BAR_PX + 60}" height="{height}" '
            f'viewBox="0 0 {LABEL_PX + BAR_PX + 60} {height}">{body}</svg></figure>')


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{STYLE}</style></head><body><h1>{escape(title)}</h1>{body}</body></html>\n")


def verifier_banner(summary: dict[str, Any]) -> str:
    """The verifier's and the canaries' result in one line each, alarming when anything was caught."""
    verifier = summary.get("verifier") or {"quarantined": 0, "by_type": {}}
    if verifier["quarantined"]:
        types = ", ".join(f"{name} {count}" for name, count in verifier["by_type"].items())
        lines = [("alert", f"Verifier: {verifier['quarantined']} records kept from the sink ({types})")]
    else:
        lines = [("ok", "Verifier: no finding in any written record")]
    canaries = summary.get("canaries")
    if canaries is None:
        lines.append(("ok", "Canaries: none given"))
    elif canaries["missed_by_main_detectors"]:
        lines.append(("alert", f"Canaries: {canaries['missed_by_main_detectors']} of {canaries['records_in']} "
                               "canary records reached the verifier with a finding: the main detectors missed them"))
    else:
        lines.append(("ok", f"Canaries: {canaries['sanitized_clean']} of {canaries['records_in']} sanitized clean, "
                            "none caught by the verifier"))
    return "".join(f'<div class="banner {cls}">{escape(text)}</div>' for cls, text in lines)


def _facts(summary: dict[str, Any]) -> str:
    run = summary.get("run", {})
    facts = {"policy version": summary.get("policy_version", ""), "runner": run.get("runner", "unknown"),
             "pseudonym key fingerprint": run.get("pseudonym_key_fingerprint", "unknown"),
             "records in": summary["records_in"], "unaccounted": summary["unaccounted"],
             "input files not read to their end": summary.get("files_incomplete", 0)}
    if "window_start" in summary:
        facts["window"] = f"{summary['window_start']} to {summary['window_end']}"
        facts["firing"] = f"{summary['pane']['index']} ({summary['pane']['timing']})"
    cells = "".join(f"<tr><td>{escape(name)}</td><td>{escape(str(value))}</td></tr>" for name, value in facts.items())
    return f'<table class="facts">{cells}</table>'


def render_report(summary: dict[str, Any]) -> str:
    """One summary.json as the report page."""
    reasons = summary["by_reason"]
    canaries = summary.get("canaries")
    charts = [
        bar_chart("Records by outcome", {o: summary[o] for o in OUTCOME_COLOURS}, OUTCOME_COLOURS),
        bar_chart("Records not written, by reason", reasons,
                  {r: OUTCOME_COLOURS["quarantined" if r.startswith("quarantined:") else "dropped"] for r in reasons}),
        stacked_chart("Records by kind", summary["by_kind"], OUTCOME_COLOURS),
        bar_chart("Entities masked, by type", summary["entities_masked"]),
        bar_chart("Sanitized records by sensitivity level",
                  {f"level {level}": n for level, n in summary.get("sanitized_by_sensitivity", {}).items()}),
        bar_chart("Consent drops", {r: n for r, n in reasons.items() if r.startswith("dropped:consent:")}),
        bar_chart("Verifier findings, by type", (summary.get("verifier") or {}).get("by_type", {})),
        bar_chart("Undisclosed fields stripped", summary.get("fields_stripped", {})),
    ]
    if canaries is not None:
        charts.append(bar_chart("Canary records", {
            "sanitized clean": canaries["sanitized_clean"],
            **{f"caught: {t}": n for t, n in canaries["caught_by_verifier"].items()},
            **canaries["other_outcomes"]}))
    body = _facts(summary) + verifier_banner(summary) + "".join(charts)
    return _page("Redaction audit report", body)


def _trend_label(summary: dict[str, Any], path: str) -> str:
    """A window's start, else the name of the run's output directory (`.../NAME/audit/summary.json`)."""
    return summary.get("window_start") or path.rsplit("/audit/", 1)[0].rstrip("/").rsplit("/", 1)[-1]


def render_trend(summaries: list[tuple[str, dict[str, Any]]]) -> str:
    """Many summaries (path, document) as one page, in time order (window start, else path): records
    by outcome, verifier findings and canaries caught per run or window."""
    ordered = sorted(summaries, key=lambda item: (item[1].get("window_start", ""), item[0]))
    rows = {_trend_label(doc, path): {o: doc[o] for o in OUTCOME_COLOURS} for path, doc in ordered}
    caught = {_trend_label(doc, path): (doc.get("verifier") or {}).get("quarantined", 0) for path, doc in ordered}
    missed = {_trend_label(doc, path): doc["canaries"]["missed_by_main_detectors"]
              for path, doc in ordered if "canaries" in doc}
    body = (f"<p>{len(ordered)} summaries.</p>"
            + stacked_chart("Records by outcome, over time", rows, OUTCOME_COLOURS)
            + bar_chart("Records the verifier kept from the sink", caught)
            + bar_chart("Canary records the main detectors missed", missed))
    return _page("Redaction audit trend", body)


def read_summaries(pattern: str) -> list[tuple[str, dict[str, Any]]]:
    """Every audit summary under the output directories `pattern` matches (or the JSON files it matches)."""
    patterns = [pattern, FileSystems.join(pattern, "audit", "summary.json"),
                FileSystems.join(pattern, "audit", "window-*.json")]
    paths = sorted({meta.path for result in FileSystems.match(patterns) for meta in result.metadata_list
                    if meta.path.endswith(".json")})
    summaries = []
    for path in paths:
        with FileSystems.open(path) as stream:
            doc = json.loads(stream.read().decode("utf-8"))
        if isinstance(doc, dict) and "records_in" in doc:
            summaries.append((path, doc))
    return summaries


def main(argv: list[str] | None = None) -> int:
    """Write the trend page of the summaries OUTPUT_GLOB matches; exit 2 when it matches none."""
    parser = argparse.ArgumentParser(prog="python -m pipeline.report", description=__doc__.splitlines()[0])
    parser.add_argument("pattern", help="output directories (or audit JSON files), any Beam filesystem; quote it")
    parser.add_argument("--out", required=True, help="where to write the trend page")
    args = parser.parse_args(argv)
    summaries = read_summaries(args.pattern)
    if not summaries:
        print(f"error: no audit summary under {args.pattern!r}", file=sys.stderr)
        return 2
    with FileSystems.create(args.out) as stream:
        stream.write(render_trend(summaries).encode("utf-8"))
    print(f"{len(summaries)} summaries -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
