"""EVALUATION.md from the scored splits: dev and test side by side, each figure with its 95% interval."""
from __future__ import annotations

from evaluation.generated.spans import CORE_LABELS

_INTRO = """Generated splits: records written by template families apart from the detectors (Faker people from
35 locales, the identifier shapes of computer work, public text from ../shared/data, and app screens
rendered by headless Chromium), run through `python -m pipeline.run` as a user runs it (default
runner, random development pseudonym key, no consent registry). See evaluation/GENERATED.md.
The test split is generated from its own seed and templates and is read in aggregate only.

- **zero-leak**: share of records holding at least one core identifier ({core}) in which none is
  left: text records by the value's absence (as a whole token; for a name, each part of three or
  more letters too) from the sanitized field it was in (keystrokes: the typed text rebuilt from the
  sanitized events); screens by pixels, a value's box
  counting as covered when at least 95% of its ink pixels are the fill colour (0,0,0). A dropped
  record leaks nothing: *all* counts it as clean, *kept* leaves it out.
- **by label / kind / region**: the same, among records holding that label (any label, core or not),
  that kind of text, or a value in that screen region.
- **over-redaction**: share of the non-PII words of kept text records that are gone from the output.
- **drop recall**: share of a sensitive category's records that did not reach the sink;
  **false drops**: share of benign records that did not (ordinary work; hard negatives); both also by
  kind of text, where a category is missed or over-dropped.
- **OCR reach**: share of gold values on the input screens that the pipeline's OCR (Tesseract,
  no session reuse) reads at all, whole, apart from any detection.
- Intervals: 95% percentile bootstrap, 1,000 resamples of records (screens for OCR reach), seed fixed.
"""


def cell(figure: dict | None, percent: bool = True) -> str:
    """'82.3% [80.1, 84.4] n=512', or n/a."""
    if not figure or figure.get("value") is None:
        return "n/a"
    scale, unit = (100, "%") if percent else (1, "")
    return (f"{figure['value'] * scale:.1f}{unit} [{figure['low'] * scale:.1f}, {figure['high'] * scale:.1f}] "
            f"n={figure['n']}")


def _rows(title: str, keys: list[str], get, results: dict) -> list[str]:
    lines = [f"| {title} | dev | test |", "|---|---|---|"]
    lines += [f"| {key} | {cell(get(results['dev'], key))} | {cell(get(results['test'], key))} |" for key in keys]
    return lines + [""]


def _keys(results: dict, *path: str) -> list[str]:
    keys: set[str] = set()
    for figures in results.values():
        node = figures
        for step in path:
            node = node.get(step, {})
        keys |= set(node)
    return sorted(keys)


def _dig(figures: dict, *path: str) -> dict | None:
    node = figures
    for step in path:
        node = node.get(step) if isinstance(node, dict) else None
        if node is None:
            return None
    return node


def render_report(results: dict, handwritten: list[str], command: str, date: str, seconds: int,
                  recorded_hash: str | None) -> str:
    """The whole report as Markdown."""
    test_hash = results["test"]["split"]["sha256"]
    lines = ["# Evaluation", "", f"Produced by `{command}` (`python -m evaluation.evaluate`) on {date}, in {seconds} s.", "",
             _INTRO.format(core=", ".join(sorted(CORE_LABELS))), "## Generated splits", ""]
    lines += ["| headline | dev | test |", "|---|---|---|"]
    headline = (("zero-leak, all records", ("zero_leak", "all")), ("zero-leak, kept records", ("zero_leak", "kept")),
                ("screen boxes covered (kept screens)", ("boxes_covered",)),
                ("over-redaction (non-PII words lost)", ("over_redaction",)),
                ("false drops, ordinary work", ("false_drops", "ordinary work")),
                ("false drops, hard negatives", ("false_drops", "hard negatives")),
                ("OCR reach (values read on input screens)", ("ocr_reach", "all")),
                ("unlabelled public records dropped", ("unlabelled_dropped",)))
    lines += [f"| {name} | {cell(_dig(results['dev'], *path))} | {cell(_dig(results['test'], *path))} |"
              for name, path in headline] + [""]
    kinds = _keys(results, "zero_leak_by_kind")
    lines += _rows("zero-leak by kind of text (all records)", kinds, lambda f, k: _dig(f, "zero_leak_by_kind", k, "all"), results)
    lines += _rows("zero-leak by kind of text (kept records)", kinds, lambda f, k: _dig(f, "zero_leak_by_kind", k, "kept"), results)
    lines += _rows("over-redaction by kind of text", _keys(results, "over_redaction_by_kind"),
                   lambda f, k: _dig(f, "over_redaction_by_kind", k), results)
    labels = _keys(results, "zero_leak_by_label")
    lines += _rows("zero-leak by label (kept records)", labels, lambda f, k: _dig(f, "zero_leak_by_label", k, "kept"), results)
    lines += _rows("zero-leak by label and kind of text (kept records)", _keys(results, "zero_leak_by_label_and_kind"),
                   lambda f, k: _dig(f, "zero_leak_by_label_and_kind", k), results)
    lines += _rows("zero-leak by screen theme (kept screens)", _keys(results, "zero_leak_by_theme"),
                   lambda f, k: _dig(f, "zero_leak_by_theme", k), results)
    lines += _rows("zero-leak by screen scale (kept screens)", _keys(results, "zero_leak_by_scale"),
                   lambda f, k: _dig(f, "zero_leak_by_scale", k), results)
    lines += _rows("zero-leak by screen region (kept screens)", _keys(results, "zero_leak_by_region"),
                   lambda f, k: _dig(f, "zero_leak_by_region", k), results)
    lines += _rows("OCR reach by screen region", _keys(results, "ocr_reach", "by_region"),
                   lambda f, k: _dig(f, "ocr_reach", "by_region", k), results)
    lines += _rows("OCR reach by label", _keys(results, "ocr_reach", "by_label"),
                   lambda f, k: _dig(f, "ocr_reach", "by_label", k), results)
    lines += _rows("drop recall by category", _keys(results, "drop_recall"), lambda f, k: _dig(f, "drop_recall", k), results)
    lines += _rows("drop recall by category and kind of text", _keys(results, "drop_recall_by_kind"),
                   lambda f, k: _dig(f, "drop_recall_by_kind", k), results)
    lines += _rows("false drops by kind of text", _keys(results, "false_drops_by_kind"),
                   lambda f, k: _dig(f, "false_drops_by_kind", k), results)
    lines += ["| split | dev | test |", "|---|---|---|"]
    for name, get in (("records", lambda f: f["split"]["records"]), ("sizes", lambda f: f["split"]["sizes"]),
                      ("family seed", lambda f: f["split"]["seed"]),
                      ("audit (in / sanitized / dropped / quarantined)",
                       lambda f: " / ".join(str(f["audit"][k]) for k in ("records_in", "sanitized", "dropped", "quarantined"))),
                      ("seconds (generate, run, score)", lambda f: f["seconds"])):
        lines.append(f"| {name} | {get(results['dev'])} | {get(results['test'])} |")
    lines += ["", f"- test split sha256 (full): `{test_hash}`" if "--quick" not in command else
              f"- test split sha256 (quick): `{test_hash}`", f"- dev split sha256: `{results['dev']['split']['sha256']}`"]
    if recorded_hash and recorded_hash != test_hash:
        lines.append(f"- **The test split changed** since the last recorded run (was `{recorded_hash}`): "
                     "its figures are not comparable with earlier ones.")
    lines += ["- The hash covers records, gold and PNGs; the PNGs depend on Chromium's version and Debian's fonts.", ""]
    lines += render_misses(results)
    if handwritten:
        lines += ["## Hand-written corpora (kept for comparison)", "",
                  "String recall over kept records, as measured before the generated splits. The development corpus "
                  "was written with the detectors: it measures their agreement, not unseen data.", ""]
        lines += "\n\n".join(handwritten).splitlines() + [""]
    return "\n".join(lines)


_ASPECT_ORDER = ("label", "field", "region", "scale", "theme", "read by the OCR", "script", "case", "digits",
                 "separators", "length", "words", "before", "after", "line")
_MISSES_INTRO = """Every gold value of a kept record, by one class of its shape or context at a time (where it sits,
its script and case, digits, separators, length, what stands before and after it on its line; for
screens the region, look and whether the OCR read it whole): leaked / values (share leaked). Then the
(label, class) cells holding the most leaks beyond their label's own leak rate. Aggregates only: no
record is shown, so the test split can be read this way to see which classes its misses fall in.
"""


def _miss_cell(counts: dict | None) -> str:
    if not counts:
        return ""
    return f"{counts['leaked']}/{counts['values']} ({100 * counts['leaked'] / counts['values']:.1f}%)"


def render_misses(results: dict) -> list[str]:
    """Markdown tables of leaked values by class, one per kind of record, the splits side by side."""
    splits = list(results)
    lines = ["## Misses by class (kept records)", "", _MISSES_INTRO]
    for kind in _keys(results, "misses"):
        lines += [f"### {kind}", "", f"| class | {' | '.join(splits)} |", "|---|" + "---|" * len(splits)]
        aspects = _keys(results, "misses", kind, "by_class")
        for aspect in sorted(aspects, key=lambda a: (_ASPECT_ORDER + (a,)).index(a)):
            for value in _keys(results, "misses", kind, "by_class", aspect):
                row = [_miss_cell(_dig(results[s], "misses", kind, "by_class", aspect, value)) for s in splits]
                lines.append(f"| {aspect}: {value} | {' | '.join(row)} |")
        for split in splits:
            cells = _dig(results[split], "misses", kind, "top_cells") or []
            if cells:
                lines += ["", f"Most leaks beyond their label's rate, {split}:", "", "| label | class | leaked | beyond |",
                          "|---|---|---|---|"]
                lines += [f"| {c['label']} | {c['aspect']}: {c['class']} | {_miss_cell(c)} | {c['excess']:+.1f} |"
                          for c in cells]
        lines.append("")
    return lines


_SCREEN_ROWS = (("zero-leak by theme (kept screens)", ("zero_leak_by_theme",)),
                ("zero-leak by scale (kept screens)", ("zero_leak_by_scale",)),
                ("zero-leak by region (kept screens)", ("zero_leak_by_region",)),
                ("OCR reach by region", ("ocr_reach", "by_region")), ("OCR reach by label", ("ocr_reach", "by_label")))


def render_screen_report(results: dict, arguments: str) -> str:
    """The screen figures of a run without both dev and test (one of them, the screen tuning families), as Markdown."""
    splits = list(results)
    header = [f"| {{}} | {' | '.join(splits)} |", "|---|" + "---|" * len(splits)]
    lines = ["# Screens", "", f"`python -m evaluation.evaluate {arguments}`", ""]
    lines += [header[0].format("headline"), header[1]]
    for name, path in (("zero-leak, kept screens", ("zero_leak_by_kind", "screenshot", "kept")),
                       ("screen boxes covered (kept screens)", ("boxes_covered",)), ("OCR reach", ("ocr_reach", "all"))):
        lines.append(f"| {name} | " + " | ".join(cell(_dig(results[s], *path)) for s in splits) + " |")
    for title, path in _SCREEN_ROWS:
        lines += ["", header[0].format(title), header[1]]
        for key in _keys(results, *path):
            lines.append(f"| {key} | " + " | ".join(cell(_dig(results[s], *path, key)) for s in splits) + " |")
    return "\n".join(lines + [""] + render_misses(results))
