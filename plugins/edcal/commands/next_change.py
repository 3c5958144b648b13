"""``edcal next-change``: when the public site will next change by itself, for CI (ISO 8601)."""

from __future__ import annotations

from pathlib import Path

from edcal import clock
from edcal.pelican_plugin.metadata import NOTHING, read_plan
from edcal.plan.next_change import next_change as first_change


def next_change(site: Path, settings_file: str, after: str | None = None) -> str | None:
    """The first instant after ``after`` (default: now) at which the public site changes by itself, in
    the site's zone; None when no change is planned.

    :raises InputErrors: for invalid input or an invalid ``after``.
    """
    plan = read_plan(site, settings_file, compose_from=NOTHING)  # articles only: no post is composed
    # An empty --after (an empty file read in CI) is an error: taken as "now", nothing would ever be due.
    since = clock.parse_instant(after, plan.calendar.zone, "--after") if after is not None else plan.now
    moment = first_change(plan, since)
    return None if moment is None else moment.astimezone(plan.calendar.zone).isoformat(timespec="seconds")
