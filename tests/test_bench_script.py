"""scripts/bench.py's own bookkeeping (the benchmark itself runs by hand: docs/performance.md)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_bench_run_after_an_interrupted_one_moves_its_output_aside(tmp_path: Path) -> None:
    """`--work` kept the folders an interrupted run had moved aside: the next run's first move stopped on
    them (OSError: Directory not empty), before any figure."""
    spec = importlib.util.spec_from_file_location("bench", ROOT / "scripts" / "bench.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench", bench)  # its dataclasses look their module up
    spec.loader.exec_module(bench)
    left = tmp_path / ".bench-trash" / "1-output"
    left.mkdir(parents=True)
    (left / "index.html").write_text("interrupted", encoding="utf-8")
    output = tmp_path / "site" / "output"
    output.mkdir(parents=True)
    (output / "index.html").write_text("last run", encoding="utf-8")
    cleaner = bench.Cleaner(tmp_path, delete_before=False)
    cleaner.clean([output])
    assert not output.exists()
    assert (tmp_path / ".bench-trash" / "1-output" / "index.html").read_text(encoding="utf-8") == "last run"
    cleaner.empty()
    assert not (tmp_path / ".bench-trash").exists()
