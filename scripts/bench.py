#!/usr/bin/env python3
"""Benchmark: plain Pelican, `edcal build` and `edcal check`, side by side on growing corpora.

    python scripts/bench.py [--sizes 250x1250,1000x5000,4000x20000] [--repeat 3] [--work DIR]

For each size (articles x posts) it writes a synthetic site with
scripts/make_corpus.py, then runs in turn, ``--repeat`` times each:

- ``pelican content -s plainconf.py`` (the same site without edcal),
- ``edcal build`` (the blog and planning/),
- ``edcal check``,

each in its own process, and prints the best wall time, the peak memory
(maximum resident set size) and the ratios to plain Pelican. Run it on a
quiet machine; the figures of one run compare with each other only.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ENV = {**os.environ, "EDCAL_NOW": "2025-06-02T10:00:00+02:00", "SOURCE_DATE_EPOCH": "1748851200"}


@dataclass
class Run:
    seconds: float
    peak_mib: float


def measure(command: list[str], cwd: Path) -> Run:
    """Wall time and peak RSS of one command (and its children), in a fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # `edcal check` exits 1 when the synthetic plan has errors
        raise SystemExit(f"{' '.join(command)} failed ({code}):\n{stderr[-2000:]}")
    return Run(elapsed, usage.ru_maxrss / 1024)


def best(command: list[str], cwd: Path, repeat: int, clean: list[Path]) -> Run:
    runs = []
    for _ in range(repeat):
        for folder in clean:
            shutil.rmtree(folder, ignore_errors=True)
        runs.append(measure(command, cwd))
    return Run(min(r.seconds for r in runs), max(r.peak_mib for r in runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250x1250,1000x5000,4000x20000",
                        help="comma-separated ARTICLESxPOSTS (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, help="keep the corpora here (default: a temporary folder)")
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes.split(",")]

    work = args.work or Path(tempfile.mkdtemp(prefix="edcal-bench-"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")
    print(f"{'articles':>8} {'posts':>6} | {'pelican':>8} {'MiB':>5} | {'build':>7} {'MiB':>5} {'ratio':>5} "
          f"{'mem':>5} | {'check':>6} {'MiB':>5} {'ratio':>5}")
    for articles, posts in sizes:
        site = work / f"corpus-{articles}-{posts}"
        if not (site / "calendar.yaml").exists():
            subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(site),
                            "--articles", str(articles), "--posts", str(posts)], check=True,
                           stdout=subprocess.DEVNULL)
        plain = best([str(BIN / "pelican"), "content", "-s", "plainconf.py", "-o", "plain-output", "-q"],
                     site, args.repeat, [site / "plain-output"])
        build = best([str(BIN / "edcal"), "build", "-q"], site, args.repeat,
                     [site / "output", site / "planning"])
        check = best([str(BIN / "edcal"), "check", "-q"], site, args.repeat, [])
        print(f"{articles:>8} {posts:>6} | {plain.seconds:>7.2f}s {plain.peak_mib:>5.0f} | "
              f"{build.seconds:>6.2f}s {build.peak_mib:>5.0f} {build.seconds / plain.seconds:>5.2f} "
              f"{build.peak_mib / plain.peak_mib:>5.2f} | {check.seconds:>5.2f}s {check.peak_mib:>5.0f} "
              f"{check.seconds / plain.seconds:>5.2f}", flush=True)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
