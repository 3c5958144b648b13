"""Self-promotion: how many of a network's posts in a month are promotional.

Shared by the ``self-promotion`` check and the planning page, which shows this month's share per network.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from edcal.model.plan import Plan
from edcal.plan.status import counts_as_posted

#: A network's month: (network id, year, month), in the site's zone.
Month = tuple[str, int, int]


@dataclass(frozen=True, slots=True)
class MonthShare:
    """The posts that go out (not withheld) on a network in a month, and how many are promotional."""

    network: str
    year: int
    month: int
    total: int
    promotional: int

    @property
    def percent(self) -> int | None:
        """The promotional share in whole percent; None for a month without posts."""
        return round(100 * self.promotional / self.total) if self.total else None

    def above(self, ceiling: float) -> bool:
        """Whether the promotional posts are more than ``ceiling`` (0 to 1) of the month's posts."""
        return self.promotional > ceiling * self.total

    def reported(self, ceiling: float, minimum: int) -> bool:
        """Whether the ``self-promotion`` rule reports this month: above ``ceiling``, with ``minimum`` posts
        or more (a month of fewer is not judged)."""
        return self.total >= minimum and self.above(ceiling)


def ceiling_percent(ceiling: float) -> int | float:
    """The self-promotion ceiling (0 to 1) in percent, as written: 0.2 is 20, 0.125 is 12.5 (it read 12)."""
    percent = round(100 * ceiling, 6)
    return int(percent) if percent.is_integer() else percent


def promotion_by_month(plan: Plan, months: Iterable[Month]) -> dict[Month, MonthShare]:
    """Each month asked for, judged whole: every post of the plan in it, those already out included."""
    counts = {month: [0, 0] for month in months}
    if not counts:
        return {}
    zone = plan.calendar.zone
    # (a cheap bound first: the day in UTC is at most one off the day in the site's zone)
    earliest = min(dt.date(year, month, 1) for _, year, month in counts) - dt.timedelta(days=1)
    for post in plan.items:
        start = post.start
        if not isinstance(start, dt.datetime) or start.date() < earliest \
                or not counts_as_posted(post, plan.now):
            continue
        local = start.astimezone(zone)
        count = counts.get((post.network or "", local.year, local.month))
        if count is not None:
            count[0] += 1
            count[1] += 1 if post.promotional else 0
    return {key: MonthShare(*key, total, promotional) for key, (total, promotional) in counts.items()}
