"""BENCHMARKS.md is written by two commands: each keeps the other's part."""

from __future__ import annotations

from evaluation import bench, bench_scaling


def test_make_bench_keeps_the_sections_other_benchmarks_wrote(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(f"# Benchmarks\n\nold table\n\n{bench_scaling.SECTION}\n\nscaling rows\n", encoding="utf-8")
    assert bench._other_sections(path) == f"{bench_scaling.SECTION}\n\nscaling rows\n"
    assert bench._other_sections(tmp_path / "missing.md") == ""


def test_bench_scaling_replaces_only_its_own_section():
    report = f"# Benchmarks\n\ntable\n\n{bench_scaling.SECTION}\n\nold rows\n\n## Later\n\nkept\n"
    updated = bench_scaling.with_section(report, f"{bench_scaling.SECTION}\n\nnew rows\n")
    assert "old rows" not in updated and "new rows" in updated
    assert updated.startswith("# Benchmarks\n\ntable\n") and updated.endswith("## Later\n\nkept\n")


def test_bench_scaling_starts_a_report_that_does_not_exist_yet(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    bench_scaling.write_section(path, f"{bench_scaling.SECTION}\n\nrows\n")
    assert path.read_text(encoding="utf-8") == f"{bench_scaling.SECTION}\n\nrows\n"
    bench_scaling.write_section(path, f"{bench_scaling.SECTION}\n\nnew rows\n")
    assert path.read_text(encoding="utf-8") == f"{bench_scaling.SECTION}\n\nnew rows\n"
