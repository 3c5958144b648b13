#!/usr/bin/env python3
"""Benchmark: plain Pelican, `edcal build` and `edcal check`, side by side on growing corpora.

    python scripts/bench.py [--sizes 250x1250,1000x5000,4000x20000] [--repeat 3] [--work DIR]
                            [--now ISO-INSTANT] [--delete-before] [--timed-sampling]

For each size (articles x posts) it writes a synthetic site with
scripts/make_corpus.py, then runs in turn, ``--repeat`` times each:

- ``pelican content -s plainconf.py`` (the same site without edcal),
- ``edcal build`` (the blog and planning/; the plan in a worker process on a
  machine with two cores),
- ``EDCAL_JOBS=1 edcal build`` (the same build in one process),
- ``edcal check``,

each in its own process, from no output (the previous run's is moved aside,
and deleted at the end: see ``Cleaner``), and prints the best wall time, the
peak memory and the ratios to plain Pelican. Run it on a quiet machine; the figures of one
run compare with each other only.

Peak memory is the largest sum, over the command's process and its
children, of their proportional set size (PSS: a page shared by two
processes counts half in each), sampled every 20 ms. ``edcal build`` runs
the plan in a worker process beside Pelican's: both count. The largest
single process's resident set (``ru_maxrss``) is printed too ("RSS").
Memory is measured in one more run of each command, not timed: sampling
costs a core's time (reading /proc, and the kernel walking each process's
page tables for its PSS), which a command of one process never misses on a
two-core machine but a build of three processes does (0.6 to 0.8 s of
``edcal build`` on 1,000 + 5,000, 2026-12-05; ``--timed-sampling`` times
the sampled runs, as the script did until then).

edcal's modules are compiled to bytecode first, as an installed package's
are: the editable install leaves them as source, and where the environment
forbids writing bytecode (PYTHONDONTWRITEBYTECODE) every run would compile
them again, which Pelican's (compiled at its install) never pay.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
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
    #: The largest single process's maximum resident set size.
    rss_mib: float = 0.0


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as stat:
                    ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, ()))
    return found


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class PeakMemory(threading.Thread):
    """Samples the summed PSS of a process tree every 20 ms; ``peak_kib`` is the largest sum."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(pid) for pid in _tree(self.pid)))
            self.done.wait(0.02)


def measure(command: list[str], cwd: Path, env: dict[str, str], sample: bool = True) -> Run:
    """Wall time, and peak memory when ``sample``, of one command (and its children), in a fresh process."""
    # stderr into a file, not a pipe: a chatty command would block on a full pipe.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        sampler = PeakMemory(process.pid)
        if sample:
            sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if sample:
            sampler.done.set()
            sampler.join()
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # `edcal check` exits 1 when the synthetic plan has errors
        raise SystemExit(f"{' '.join(command)} failed ({code}):\n{stderr[-2000:]}")
    return Run(elapsed, sampler.peak_kib / 1024, usage.ru_maxrss / 1024)


class Cleaner:
    """Each run starts without the folders the previous one wrote, as a fresh CI checkout does.

    They are moved aside and deleted once every run is over: on an ext4 without a journal (this project's
    machine) the kernel does not reuse an inode freed in the last 30 seconds and scans past each of them
    for every file it creates, so a build of 20,000 files right after 20,000 were deleted paid seconds of
    kernel time that neither a fresh checkout nor a journaled disk pays (``--delete-before`` measures
    that way, as this script did until 2026-12-05).
    """

    def __init__(self, work: Path, delete_before: bool) -> None:
        self.trash = work / ".bench-trash"
        self.delete_before = delete_before
        self.moved = 0
        self.empty()  # an interrupted run's (--work): its "1-output" would refuse this run's

    def clean(self, folders: list[Path]) -> None:
        for folder in folders:
            if self.delete_before:
                shutil.rmtree(folder, ignore_errors=True)
            elif folder.exists():
                self.trash.mkdir(exist_ok=True)
                self.moved += 1
                folder.rename(self.trash / f"{self.moved}-{folder.name}")

    def empty(self) -> None:
        shutil.rmtree(self.trash, ignore_errors=True)


def best(command: list[str], cwd: Path, repeat: int, clean: list[Path], cleaner: Cleaner,
         jobs: str | None = None, timed_sampling: bool = False) -> Run:
    """The best time of ``repeat`` runs left alone, and the memory of one more run, sampled (not timed).

    :param timed_sampling: sample every run, and time those (before 2026-12-05).
    """
    env = {**ENV, "EDCAL_JOBS": jobs} if jobs else ENV
    runs = []
    for _ in range(repeat):
        cleaner.clean(clean)
        runs.append(measure(command, cwd, env, sample=timed_sampling))
    if not timed_sampling:
        cleaner.clean(clean)
        sampled = measure(command, cwd, env)
        return Run(min(r.seconds for r in runs), sampled.peak_mib, max(r.rss_mib for r in [*runs, sampled]))
    return Run(min(r.seconds for r in runs), max(r.peak_mib for r in runs), max(r.rss_mib for r in runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250x1250,1000x5000,4000x20000",
                        help="comma-separated ARTICLESxPOSTS (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, help="keep the corpora here (default: a temporary folder)")
    parser.add_argument("--now", default=ENV["EDCAL_NOW"],
                        help="EDCAL_NOW for every run (default: %(default)s, early in the corpus: most "
                             "articles to come, most posts to compose and check; 2031-01-01T10:00:00+01:00: "
                             "every article online, as plain Pelican publishes them)")
    parser.add_argument("--delete-before", action="store_true",
                        help="delete each run's output just before the next run, as before 2026-12-05 (on a "
                             "disk without a journal, file creation then pays for the files just deleted)")
    parser.add_argument("--timed-sampling", action="store_true",
                        help="time the runs whose memory is sampled, as before 2026-12-05 (sampling takes "
                             "a core's time from commands of several processes)")
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in size.split("x")) for size in args.sizes.split(",")]

    work = args.work or Path(tempfile.mkdtemp(prefix="edcal-bench-"))
    cleaner = Cleaner(work, args.delete_before)
    ENV["EDCAL_NOW"] = args.now
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "plugins")], check=True)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")
    print("memory: MiB, peak summed PSS of all the command's processes (RSS: largest single process)")
    print(f"{'articles':>8} {'posts':>6} | {'pelican':>8} {'MiB':>5} {'RSS':>5} | {'build':>7} {'MiB':>5} "
          f"{'RSS':>5} {'ratio':>5} {'mem':>5} | {'1 proc':>7} {'MiB':>5} {'ratio':>5} {'mem':>5} | "
          f"{'check':>6} {'MiB':>5} {'ratio':>5}")
    for articles, posts in sizes:
        site = work / f"corpus-{articles}-{posts}"
        if not (site / "calendar.yaml").exists():
            subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(site),
                            "--articles", str(articles), "--posts", str(posts)], check=True,
                           stdout=subprocess.DEVNULL)
        sampling = args.timed_sampling
        plain = best([str(BIN / "pelican"), "content", "-s", "plainconf.py", "-o", "plain-output", "-q"],
                     site, args.repeat, [site / "plain-output"], cleaner, timed_sampling=sampling)
        build_command = [str(BIN / "edcal"), "build", "-q"]
        outputs = [site / "output", site / "planning"]
        build = best(build_command, site, args.repeat, outputs, cleaner, timed_sampling=sampling)
        single = best(build_command, site, args.repeat, outputs, cleaner, jobs="1", timed_sampling=sampling)
        check = best([str(BIN / "edcal"), "check", "-q"], site, args.repeat, [], cleaner,
                     timed_sampling=sampling)
        print(f"{articles:>8} {posts:>6} | "
              f"{plain.seconds:>7.2f}s {plain.peak_mib:>5.0f} {plain.rss_mib:>5.0f} | "
              f"{build.seconds:>6.2f}s {build.peak_mib:>5.0f} {build.rss_mib:>5.0f} "
              f"{build.seconds / plain.seconds:>5.2f} {build.peak_mib / plain.peak_mib:>5.2f} | "
              f"{single.seconds:>6.2f}s {single.peak_mib:>5.0f} {single.seconds / plain.seconds:>5.2f} "
              f"{single.peak_mib / plain.peak_mib:>5.2f} | "
              f"{check.seconds:>5.2f}s {check.peak_mib:>5.0f} {check.seconds / plain.seconds:>5.2f}",
              flush=True)
    cleaner.empty()
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
