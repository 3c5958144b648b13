"""``edcal next-change``: when the public site will next change by itself, for CI (ISO 8601)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from edcal import clock
from edcal.model.days import as_instant, start_of_day
from edcal.pelican_plugin.metadata import NOTHING, read_plan
from edcal.plan.next_change import next_change as first_change


def next_change(site: Path, settings_file: str, after: str | None = None,
                planning: bool = False) -> str | None:
    """The first instant after ``after`` (default: now) at which the public site changes by itself, in
    the site's zone; None when no change is planned. With ``planning``, planning/ counts as published
    (``planning: publish:``): a team serving it from a server of its own rebuilds when it changes.

    :raises InputErrors: for invalid input or an invalid ``after``.
    """
    plan = read_plan(site, settings_file, compose_from=NOTHING)  # no post is composed: dates and images
    # An empty --after (an empty file read in CI) is an error: taken as "now", nothing would ever be due.
    since = clock.parse_instant(after, plan.calendar.zone, "--after") if after is not None else plan.now
    moments = [first_change(plan, since)]
    calendar = plan.calendar
    planning = planning or bool(calendar.planning.publish)
    if calendar.feeds.publish or planning:  # copies of what changes by itself, for others to read
        from edcal.plan.feeds import changes

        moments += changes(plan, since)
    if planning:  # its pages mark today: each new day changes them
        moments.append(start_of_day(since.astimezone(calendar.zone).date() + dt.timedelta(days=1),
                                    calendar.zone))
        # and each item as past from its time, a withheld post too, which no feed has (changes() leaves it)
        moments += [item.start for item in plan.items
                    if isinstance(item.start, dt.datetime) and as_instant(item.start) > as_instant(since)]
    moment = min((m for m in moments if m is not None), key=as_instant, default=None)
    return None if moment is None else moment.astimezone(plan.calendar.zone).isoformat(timespec="seconds")
