#!/usr/bin/env python3
"""Time the iCalendar feeds against the naive way of writing them with the same library.

    python scripts/bench_feeds.py [--articles 1000] [--posts 10000] [--repeat 3] [--keep DIR]

Writes a synthetic corpus (scripts/make_corpus.py), resolves its plan once,
then times, in this one process:

- edcal's writer (``edcal.outputs.ics.write``): each event serialised once,
  its bytes reused in every feed that holds it;
- the naive way: for each feed, an ``icalendar.Calendar`` with one
  ``icalendar.Event`` per item, serialised with ``to_ical()``.

Prints the best of ``--repeat`` runs of each, the event count and the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def naive(plan, folder: Path) -> int:  # type: ignore[no-untyped-def]
    """One calendar object per feed, one Event per item and feed: what a first version would do."""
    import icalendar

    from edcal.outputs import ics
    from edcal.plan.feeds import feeds

    writer = ics.EventWriter(plan)
    count = 0
    for feed in feeds(plan):
        cal = icalendar.Calendar()
        cal.add("PRODID", ics.PRODID)
        cal.add("VERSION", "2.0")
        cal.add("NAME", feed.name)
        cal.add("X-WR-CALNAME", feed.name)
        for item in feed.items:
            event = icalendar.Event()
            event.add("UID", str(uuid.uuid5(writer.namespace, item.id)))
            event.add("DTSTAMP", plan.generated_at)
            event.add("LAST-MODIFIED", plan.generated_at)
            if isinstance(item.start, dt.datetime):
                event.add("DTSTART", item.start.astimezone(dt.UTC))
                event.add("DTEND", item.start.astimezone(dt.UTC) + writer.duration)
            else:
                event.add("DTSTART", item.start)
                event.add("DTEND", item.start + dt.timedelta(days=1))
            event.add("SUMMARY", writer.summary(item))
            event.add("DESCRIPTION", writer.description(item))
            event.add("TRANSP", "TRANSPARENT")
            cal.add_component(event)
            count += 1
        path = folder / feed.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(cal.to_ical())
    return count


def best(function, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT / "plugins"))
    from edcal.outputs import ics
    from edcal.outputs.context import OutputContext
    from edcal.pelican_plugin.metadata import read_plan
    from edcal.plan.feeds import feeds as plan_feeds

    with tempfile.TemporaryDirectory() as scratch:
        site = args.keep or Path(scratch) / "corpus"
        if not (site / "calendar.yaml").exists():
            subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(site),
                            "--articles", str(args.articles), "--posts", str(args.posts)], check=True)
        plan = read_plan(site, "pelicanconf.py")
        context = OutputContext(plan=plan, findings=())
        feeds = plan_feeds(plan)
        events = len(feeds[0].items)
        written = sum(len(f.items) for f in feeds)
        ours = best(lambda: ics.write(context, Path(tempfile.mkdtemp(dir=scratch))), args.repeat)
        theirs = best(lambda: naive(plan, Path(tempfile.mkdtemp(dir=scratch))), args.repeat)
    print(f"corpus: {args.articles} articles, {args.posts} posts; {len(feeds)} feeds, "
          f"{events} events in calendar.ics, {written} events written in all")
    print(f"edcal feeds (each event serialised once): {ours:.2f} s")
    print(f"naive (one icalendar object per feed):    {theirs:.2f} s")
    print(f"ratio: {ours / theirs:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
