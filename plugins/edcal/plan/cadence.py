"""Cadence gaps: periods ahead with fewer posts or articles than a target.

Shared by the ``cadence-gap`` check and the planning page, which flags the
same periods on the calendar.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from edcal.i18n import MONTHS, Message, first_weekday, say, say_cadence
from edcal.model.calendar import Calendar
from edcal.model.days import as_instant, start_of_day
from edcal.model.network import Cadence
from edcal.model.plan import Item, Plan
from edcal.model.source import Source
from edcal.plan.status import counts_as_posted, freeze_at


@dataclass(frozen=True, slots=True)
class Gap:
    """A period [first, after) of a target (a network, or the blog when ``network`` is None)."""

    name: str | Message
    network: str | None
    cadence: Cadence
    source: Source
    first: dt.date
    after: dt.date
    found: int
    #: The campaign whose cadence this is (its posts on ``network``, or on every network when None).
    campaign: str | None = None
    #: The period is the campaign's whole run: it is half of none of its cadence's periods.
    whole_run: bool = False
    #: A period over in the log's months: its posts whose time passed that the log does not name, which
    #: ``found`` leaves out (the report's "non confirmé": not known to have gone out).
    unconfirmed: int = 0

    @property
    def last(self) -> dt.date:
        return self.after - dt.timedelta(days=1)

    @property
    def label(self) -> Message:
        """The period, for messages: "in the week of 2025-06-16 to 2025-06-22", "in June 2025"."""
        if self.cadence.per == "day":
            return say("on {first:%Y-%m-%d}", first=self.first)
        if self.cadence.per == "week" and self.first.year != self.last.year:
            # The same English, another template: French writes the week's first day without its year
            # ("du 04/01 au 10/01/2027"), which across the new year read as the 28th of December to come.
            return say("in the week of {start:%Y-%m-%d} to {end:%Y-%m-%d}", start=self.first, end=self.last)
        if self.cadence.per == "week":
            return say("in the week of {first:%Y-%m-%d} to {last:%Y-%m-%d}", first=self.first, last=self.last)
        return say("in {month} {year}", month=month_word(self.first.month), year=self.first.year)

    @property
    def target(self) -> Message:
        return say_cadence(self.cadence)


def month_word(month: int) -> Message:
    """A month's name as a message: each language says its own (``%B`` follows the machine's locale)."""
    return say(MONTHS["en"][month - 1])


def month_of(first: dt.date, after: dt.date) -> dt.date:
    """The first day of the month a period [first, after) counts in: the one holding its middle day, most of
    its days. A week is one month's (4 January to 31 January 2027 for Monday weeks), so that a month owes four
    or five times a weekly cadence: the planning page's month figures, plan.json's and the report's alike."""
    return (first + dt.timedelta(days=((after - first).days - 1) // 2)).replace(day=1)


def periods(cadence: Cadence, start: dt.date, end: dt.date, week_start: int = 0
            ) -> Iterator[tuple[dt.date, dt.date]]:
    """Calendar periods (day, week, month) overlapping [start, end).

    :param week_start: the weeks' first day, as ``date.weekday()`` counts: Monday (0), Sunday (6) on a US
        English site, as its planning calendar's rows (:func:`edcal.i18n.first_weekday`).
    """
    if cadence.per == "day":
        first = start
    elif cadence.per == "week":
        first = start - dt.timedelta(days=(start.weekday() - week_start) % 7)
    else:
        first = start.replace(day=1)
    while first < end:
        if cadence.per == "day":
            after = first + dt.timedelta(days=1)
        elif cadence.per == "week":
            after = first + dt.timedelta(days=7)
        else:
            after = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        yield first, after
        first = after


@dataclass(frozen=True, slots=True)
class _Target:
    """A cadence to hold something to: a network, the blog, or a campaign (on a network, or on all)."""

    name: str | Message
    network: str | None
    cadence: Cadence
    source: Source
    #: The local days of what counts towards it.
    days: list[dt.date]
    #: The days judged: [first, after).
    first: dt.date
    after: dt.date
    campaign: str | None = None
    #: The days an account is used, when its `since:` or `until:` bound them: a period it is used less than
    #: half of is not judged (an account given up on a Wednesday owes that week nothing).
    used: tuple[dt.date, dt.date] | None = None
    #: The local days of what counts towards it whose time has passed (at the ``now`` counted at): gone out.
    gone: tuple[dt.date, ...] = ()
    #: A network's (the blog's): the periods over by this day are judged only from its first planned post
    #: (article) on: the weeks before a site took edcal up are not below its cadence (:func:`_begins`).
    begins: dt.date | None = None
    #: Of ``gone``, the posts in the log's months that the log does not name (:func:`_days`).
    unconfirmed: tuple[dt.date, ...] = ()


def cadence_gaps(plan: Plan, now: dt.datetime, horizon_days: int) -> Iterator[Gap]:
    """Every period from today to ``horizon_days`` ahead that misses a network's or the blog's target.

    Withheld posts do not count; periods overlapping a freeze window are not gaps
    (the freeze explains the silence).
    """
    today = now.astimezone(plan.calendar.zone).date()
    targets = _network_targets(plan, now, today, today + dt.timedelta(days=horizon_days))
    return _shortfalls(plan.calendar, targets, first_weekday(plan.lang))


def _network_targets(plan: Plan, now: dt.datetime, start: dt.date, end: dt.date,
                     log_start: dt.date | None = None) -> list[_Target]:
    """Each network's cadence and the blog's, judged over [start, end): what counts towards each (as of
    ``now``), on which days; ``log_start``: from when the log says what went out (:func:`_days`)."""
    calendar = plan.calendar
    zone = calendar.zone
    today = now.astimezone(zone).date()
    planned = first_planned(plan)
    targets: list[_Target] = []
    for network in calendar.networks.values():
        if network.cadence is not None:
            posts = [i for i in plan.items if i.network == network.id
                     and isinstance(i.start, dt.datetime) and counts_as_posted(i, now)]
            days, gone, unconfirmed = _days(posts, now, zone, log_start)
            where = network.source or calendar.source
            # An account opened later or given up (`since:`, `until:`) is judged over the days it is used.
            used = (network.since or dt.date.min,
                    network.until + dt.timedelta(days=1) if network.until is not None else dt.date.max)
            first, after = max(start, used[0]), min(end, used[1])
            if first < after:
                targets.append(_Target(network.name, network.id, network.cadence, where, days, first, after,
                                       used=used if network.since or network.until else None, gone=gone,
                                       begins=_begins(planned.get(network.id), today),
                                       unconfirmed=unconfirmed))
    if calendar.blog.cadence is not None:
        # An article a freeze holds back goes online when the freeze ends, its item's start: it counts then
        # (an open-ended freeze gives it no day).
        articles = [i for i in plan.items
                    if i.kind == "article" and isinstance(i.start, dt.datetime) and plan.listed(i)
                    and (i.status in ("published", "scheduled", "review")
                         or (i.status == "withheld"
                             and freeze_at(calendar, i.start, None, blog=True) is None))]
        days, gone, _ = _days(articles, now, zone)
        where = calendar.blog.source or calendar.source
        targets.append(_Target(say("Blog"), None, calendar.blog.cadence, where, days, start, end, gone=gone,
                               begins=_begins(planned.get(None), today)))
    return targets


def first_planned(plan: Plan) -> dict[str | None, dt.date]:
    """The day of each network's first planned post, whatever became of it, and of the blog's (None) first
    article: from which a site uses edcal there."""
    first: dict[str | None, dt.date] = {}
    for item in plan.items:
        if item.start is None or not (item.kind == "post" or (item.kind == "article" and plan.listed(item))):
            continue
        key = item.network if item.kind == "post" else None
        day = plan.day_of(item.start)
        first[key] = min(day, first.get(key, day))
    return first


def _begins(first_planned: dt.date | None, today: dt.date) -> dt.date | None:
    """From when a network's (the blog's) periods over are judged: its first planned post (article), if any
    (one with a cadence and nothing planned yet is behind it from this month on, the only month it has)."""
    return None if first_planned is None else min(first_planned, today)


#: Periods [first, after), by network (the blog's under None).
Periods = dict[str | None, list[tuple[dt.date, dt.date]]]


def judged_periods(plan: Plan, start: dt.date, end: dt.date) -> Periods:
    """Each network's cadence periods (the blog's, under None) overlapping [start, end) that are judged, as
    cadence-gap and the planning page's month figures judge them: not those mostly frozen, nor those its
    account is used less than half of (`since:`, `until:`), nor those over before its first planned post
    (article). Each counts in the month :func:`month_of` gives it."""
    week_start = first_weekday(plan.lang)
    return {target.network: [(first, after) for first, after, _ in _judged(plan.calendar, target, week_start)]
            for target in _network_targets(plan, plan.now, start, end)}


def _days(items: list[Item], now: dt.datetime, zone: dt.tzinfo, log_start: dt.date | None = None
          ) -> tuple[list[dt.date], tuple[dt.date, ...], tuple[dt.date, ...]]:
    """The local days of what counts towards a cadence (dated items), all of them, those gone out by
    ``now`` (their time has passed, or the log says they went out, early), and of those the posts from
    ``log_start`` on (:func:`edcal.plan.report.first_logged_month`) that the log does not name: "non
    confirmé", as the report and the calendar say."""
    instant = as_instant(now)
    days = [item.start.astimezone(zone).date() for item in items]  # type: ignore[union-attr]
    gone = [(item, day) for item, day in zip(items, days, strict=True)
            if item.posted is not None or as_instant(item.start) <= instant]  # type: ignore[arg-type]
    return days, tuple(day for _, day in gone), tuple(
        day for item, day in gone
        if log_start is not None and day >= log_start and item.kind == "post" and item.posted is None)


def campaign_gaps(plan: Plan, now: dt.datetime, horizon_days: int) -> Iterator[Gap]:
    """Every period from today to ``horizon_days`` ahead in which a campaign with a ``cadence:`` posts less
    than it: on each of its ``networks:``, else on all networks together.

    Only the periods the campaign runs at least half of are judged (a campaign starting on a Saturday does
    not owe that week its two posts); withheld posts do not count, and a period mostly frozen is no gap.
    """
    calendar = plan.calendar
    today = now.astimezone(calendar.zone).date()
    targets = _campaign_targets(plan, now, today, today + dt.timedelta(days=horizon_days))
    week_start = first_weekday(plan.lang)
    for target in targets:
        if target.first < target.after and _runs_half_of_none(calendar, target, week_start):
            yield from _whole_run_shortfall(calendar, target)
    yield from _shortfalls(calendar, [target for target in targets
                                      if not _runs_half_of_none(calendar, target, week_start)], week_start)


def _campaign_targets(plan: Plan, now: dt.datetime, start: dt.date, end: dt.date,
                      log_start: dt.date | None = None) -> list[_Target]:
    """Each campaign's cadence running on or after ``start``, on each of its networks (or on all together),
    judged over the part of [start, end) it runs; ``log_start``: as :func:`_network_targets`'s."""
    calendar = plan.calendar
    zone = calendar.zone
    posts: dict[str, list[Item]] = {}
    for item in plan.items:
        if item.campaign and counts_as_posted(item, now) and isinstance(item.start, dt.datetime):
            posts.setdefault(item.campaign, []).append(item)
    targets: list[_Target] = []
    for campaign in sorted(calendar.campaigns.values(), key=lambda c: (c.start, c.id)):
        if campaign.cadence is None or campaign.end < start:
            continue
        name = say("campaign '{campaign}'", campaign=campaign.name)
        for network_id in campaign.networks or (None,):
            days, gone, unconfirmed = _days([item for item in posts.get(campaign.id, ())
                                             if network_id in (None, item.network)], now, zone, log_start)
            label = name if network_id is None else \
                say("{campaign} on {network}", campaign=name, network=calendar.networks[network_id].name)
            where = campaign.cadence_source or campaign.source
            first, after = max(start, campaign.start), min(end, campaign.end + dt.timedelta(days=1))
            targets.append(_Target(label, network_id, campaign.cadence, where, days, first, after,
                                   campaign.id, gone=gone, unconfirmed=unconfirmed))
    return targets


@dataclass(frozen=True, slots=True)
class MonthTally:
    """What a cadence's periods that a month holds have, against the cadence: a network's, the blog's
    (``network`` None), or a campaign's (on ``network``, or on all networks when None).

    A period belongs to the month that holds its middle day (:func:`month_of`). Only the periods cadence-gap
    would judge count (not those mostly frozen, nor those an account or a campaign is used less than half
    of), past ones too, but for those over before a network's (the blog's) first planned post (article): the
    weeks before a site took edcal up are not below its cadence, as the report judges them.
    """

    network: str | None
    campaign: str | None
    cadence: Cadence
    #: The month's first day.
    month: dt.date
    #: The periods counted, what they have (gone out or to go out, as cadence-gap counts), and how many of
    #: them fall below the cadence (None when cadence-gap is off: the site judges no period, and ``short`` is
    #: empty; the figures stay); a period over in the log's months is judged on what the log names, as the
    #: report judges it.
    periods: int
    found: int
    below: int | None
    #: Of what they have, what has gone out by the ``now`` counted at (the rest is to come).
    gone: int
    #: A campaign's days, when its whole run is its one period (shorter than its cadence's: "its 3 days").
    run_days: int | None = None
    #: The periods below the cadence, in order: which to fill (those over by ``now`` are history).
    short: tuple[Gap, ...] = ()
    #: The first day cadence-gap does not look at (its ``horizon`` from today), None when it is off: a period
    #: of ``short`` beginning on or after it is below the cadence, and ``edcal check`` does not say so.
    reach: dt.date | None = None
    #: Of ``gone``, the posts in the log's months that the log does not name: "non confirmées".
    unconfirmed: int = 0

    def beyond_check(self, gap: Gap) -> bool:
        """Whether ``edcal check`` does not look as far as this period of ``short``."""
        return self.reach is not None and gap.first >= self.reach

    @property
    def target(self) -> int:
        return self.cadence.count * self.periods


def month_tallies(plan: Plan, now: dt.datetime, horizon: int | None, log_start: dt.date | None = None
                  ) -> list[MonthTally]:
    """Each cadence (networks', the blog's, campaigns') over this month and the next (``now``'s in the
    site's zone), as cadence-gap counts its periods; a month holding none of a cadence's periods has no
    tally. ``horizon``: how many days ahead cadence-gap looks (None: it is off), for the periods short
    beyond it (:func:`edcal.checks.cadence_horizon`); when it is off, no tally says which periods fall below
    the cadence, nor how many (the team turned that warning off: no view of the plan gives it).
    ``log_start``: from when the team's log says what went out (:func:`edcal.plan.report.first_logged_month`):
    there, a post whose time has passed and that the log does not name is not confirmed, and a period over
    counts only what the log names, as the report counts it."""
    calendar = plan.calendar
    today = now.astimezone(calendar.zone).date()
    reach = None if horizon is None else today + dt.timedelta(days=horizon)
    this_month = today.replace(day=1)
    months = [this_month, (this_month + dt.timedelta(days=31)).replace(day=1)]
    start = months[0] - dt.timedelta(days=31)  # the whole week or month whose middle is in the first month
    end = months[-1] + dt.timedelta(days=62)
    week_start = first_weekday(plan.lang)
    tallies: dict[tuple[str | None, str | None, dt.date], list[int]] = {}
    runs: dict[str | None, int] = {}  # by campaign whose whole run is its period: its days
    short: dict[tuple[str | None, str | None, dt.date], list[Gap]] = {}
    targets = _network_targets(plan, now, start, end, log_start) \
        + _campaign_targets(plan, now, start, end, log_start)
    for target in targets:
        whole_run = target.campaign is not None and _runs_half_of_none(calendar, target, week_start)
        if whole_run:
            campaign = calendar.campaigns[target.campaign or ""]
            after = campaign.end + dt.timedelta(days=1)
            runs[target.campaign] = (after - campaign.start).days
            judged = [] if _networks_frozen(calendar, target.network, campaign.start, after) else \
                [(campaign.start, after, sum(1 for day in target.days if campaign.start <= day < after))]
        else:
            judged = list(_judged(calendar, target, week_start))
        for first, after, found in judged:
            month = month_of(first, after)
            if month in months:
                key = (target.network, target.campaign, month)
                tally = tallies.setdefault(key, [0, 0, 0, 0, 0])
                unconfirmed = sum(1 for day in target.unconfirmed if first <= day < after)
                # A period over is judged on what went out, by the log's word where there is one.
                over = unconfirmed if after <= today else 0
                tally[0] += 1
                tally[1] += found
                tally[2] += found - over < target.cadence.count
                tally[3] += sum(1 for day in target.gone if first <= day < after)
                tally[4] += unconfirmed
                if found - over < target.cadence.count:
                    short.setdefault(key, []).append(Gap(target.name, target.network, target.cadence,
                                                         target.source, first, after, found - over,
                                                         target.campaign, whole_run, over))
    cadences = {(t.network, t.campaign): t.cadence for t in targets}
    judging = reach is not None
    return [MonthTally(network, campaign, cadences[(network, campaign)], month, periods, found,
                       below if judging else None, gone, runs.get(campaign),
                       tuple(short.get((network, campaign, month), ())) if judging else (), reach, unsure)
            for (network, campaign, month), (periods, found, below, gone, unsure) in tallies.items()]


def _judged(calendar: Calendar, target: _Target, week_start: int) -> Iterator[tuple[dt.date, dt.date, int]]:
    """The periods [first, after) of a target that are judged, each with what it has: not those mostly
    frozen, nor (a campaign's) those it runs less than half of, nor those an account is used less than half
    of, nor those over before a network's (the blog's) first planned post; weeks from ``week_start``
    (:func:`periods`)."""
    days = sorted(target.days)  # (the report judges years of weeks: each counted by bisection)
    for first, after in periods(target.cadence, target.first, target.after, week_start):
        if target.begins is not None and after <= target.begins:
            continue
        if target.campaign is not None:
            campaign = calendar.campaigns[target.campaign]
            running = _running(campaign.start, campaign.end + dt.timedelta(days=1), first, after)
            if running * 2 < (after - first).days \
                    or _networks_frozen(calendar, target.network, first, after):
                continue
        elif frozen(calendar, target.network, first, after) or _little_used(target, first, after):
            continue
        yield first, after, bisect.bisect_left(days, after) - bisect.bisect_left(days, first)


def _runs_half_of_none(calendar: Calendar, target: _Target, week_start: int) -> bool:
    """Whether a campaign runs less than half of each period of its cadence (a 5-day one with `1/month`,
    Friday to Tuesday with `2/week`): none would be judged, so its whole run is its period."""
    campaign = calendar.campaigns[target.campaign or ""]
    after = campaign.end + dt.timedelta(days=1)
    return all(_running(campaign.start, after, first, last) * 2 < (last - first).days
               for first, last in periods(target.cadence, campaign.start, after, week_start))


def _running(start: dt.date, after: dt.date, first: dt.date, last: dt.date) -> int:
    """The days of [start, after) in the period [first, last)."""
    return (min(after, last) - max(first, start)).days


def _whole_run_shortfall(calendar: Calendar, target: _Target) -> Iterator[Gap]:
    """A campaign shorter than its cadence's period, held to the cadence over its whole run, unless its
    networks are frozen over half of it."""
    campaign = calendar.campaigns[target.campaign or ""]
    after = campaign.end + dt.timedelta(days=1)
    if _networks_frozen(calendar, target.network, campaign.start, after):
        return
    found = sum(1 for day in target.days if campaign.start <= day < after)
    if found < target.cadence.count:
        yield Gap(target.name, target.network, target.cadence, target.source, campaign.start, after, found,
                  target.campaign, whole_run=True)


def _shortfalls(calendar: Calendar, targets: list[_Target], week_start: int) -> Iterator[Gap]:
    """The periods of each target with fewer than its cadence, but those not judged (:func:`_judged`)."""
    for target in targets:
        for first, after, found in _judged(calendar, target, week_start):
            if found < target.cadence.count:
                yield Gap(target.name, target.network, target.cadence, target.source, first, after, found,
                          target.campaign)


def _little_used(target: _Target, first: dt.date, after: dt.date) -> bool:
    """Whether an account bounded by `since:`/`until:` is used less than half of a period."""
    if target.used is None:
        return False
    return (min(after, target.used[1]) - max(first, target.used[0])).days * 2 < (after - first).days


def _networks_frozen(calendar: Calendar, network_id: str | None, first: dt.date, after: dt.date) -> bool:
    """True when a campaign's network (or, for one on all networks together, every network) is frozen
    over at least half of the period. ``frozen`` reads a None network as the blog, which a campaign's
    posts are not."""
    if network_id is not None:
        return frozen(calendar, network_id, first, after)
    return bool(calendar.networks) and all(frozen(calendar, n, first, after) for n in calendar.networks)


def frozen(calendar: Calendar, network_id: str | None, first: dt.date, after: dt.date) -> bool:
    """True when freeze windows (for this network, or the blog) cover at least half of the period.

    A two-day closure does not excuse a month of silence; a freeze over most
    of a week does excuse that week.
    """
    start, end = start_of_day(first, calendar.zone), start_of_day(after, calendar.zone)
    spans = _frozen_spans(calendar, network_id, start, end)
    covered = sum((last - first_instant for first_instant, last in spans), dt.timedelta())
    return covered * 2 >= end - start


def free_days(calendar: Calendar, network_id: str | None, first: dt.date, after: dt.date
              ) -> list[tuple[dt.date, dt.date]]:
    """The days of [first, after) that no freeze window (for this network, or the blog) covers whole, as
    runs of (first, last) days: where a post a freeze holds may go instead."""
    spans = _frozen_spans(calendar, network_id, start_of_day(first, calendar.zone),
                          start_of_day(after, calendar.zone))
    runs: list[tuple[dt.date, dt.date]] = []
    day, zone = first, calendar.zone
    while day < after:
        begins, ends = start_of_day(day, zone), start_of_day(day + dt.timedelta(days=1), zone)
        if not any(span_start <= begins and ends <= span_end for span_start, span_end in spans):
            if runs and runs[-1][1] == day - dt.timedelta(days=1):
                runs[-1] = (runs[-1][0], day)
            else:
                runs.append((day, day))
        day += dt.timedelta(days=1)
    return runs


def _frozen_spans(calendar: Calendar, network_id: str | None, start: dt.datetime, end: dt.datetime
                  ) -> list[tuple[dt.datetime, dt.datetime]]:
    """The parts of [start, end) that freeze windows for this network (or the blog, for None) cover, in order,
    overlapping windows (a global freeze and a network's) made one."""
    spans: list[tuple[dt.datetime, dt.datetime]] = []
    for window in calendar.freezes:
        if network_id is None and not window.blog:
            continue
        if network_id is not None and window.networks is not None and network_id not in window.networks:
            continue
        first_instant, last_instant = max(start, window.start), min(end, window.end or end)
        if last_instant > first_instant:
            spans.append((first_instant, last_instant))
    merged: list[tuple[dt.datetime, dt.datetime]] = []
    for first_instant, last_instant in sorted(spans):
        if merged and first_instant <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last_instant))
        else:
            merged.append((first_instant, last_instant))
    return merged
