"""When things happen: slots, relative offsets and recurrences in the site's zone, or in the zone of the
account a post goes out on (a network's ``timezone:``, :meth:`Calendar.zone_of`).

Calendar arithmetic is done on wall-clock time (``+2 weeks`` after a 09:00
publication is 09:00, across a daylight-saving change), then localised; hours
and minutes count elapsed time. Times that fall in a daylight-saving gap or
overlap raise :class:`~edcal.zones.WallClockError`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from calendar import monthrange
from collections.abc import Iterator

from dateutil.rrule import rrulestr

from edcal.dates import calendar_delta
from edcal.model.calendar import MAX_OCCURRENCES, Calendar, Offset, Recurrence, When
from edcal.model.days import as_instant
from edcal.model.network import Network
from edcal.zones import at_offset, localize


def network_slot(day: dt.date, network: Network) -> dt.time | None:
    """The network's posting slot on ``day``'s weekday, if it has one."""
    return next((slot.time for slot in network.slots if slot.matches(day)), None)


def slot_time(day: dt.date, network: Network, calendar: Calendar) -> dt.time:
    """The network's posting slot on ``day``'s weekday, else the site's default time."""
    time = network_slot(day, network)
    return calendar.default_time if time is None else time


def in_site_zone(instant: dt.datetime, calendar: Calendar) -> dt.datetime:
    """An instant as the plan keeps it, in the site's zone: an account's time is read on its clock, its
    item shown on the site's."""
    return instant if instant.tzinfo is calendar.zone else instant.astimezone(calendar.zone)


def when_instant(when: When, network: Network, calendar: Calendar) -> dt.datetime:
    """The instant of a one-off post on a network: its date and time on the account's clock."""
    if when.slot is not None:
        time = calendar.slots[when.slot]
    elif when.time is not None:
        time = when.time
    else:
        time = slot_time(when.date, network, calendar)
    naive = dt.datetime.combine(when.date, time)
    if when.utc_offset is not None:
        return at_offset(naive, when.utc_offset, calendar.zone)
    return in_site_zone(localize(naive, network.zone or calendar.zone), calendar)


def offset_instant(publication: dt.datetime, offset: Offset, network: Network,
                   calendar: Calendar, date_only: bool = False) -> dt.datetime:
    """The instant ``offset`` after (or before) an article's publication, on a network.

    ``at publication`` is the article's instant. Days, weeks and months land on
    the network's posting slot for that weekday (else at the publication's
    wall-clock time) unless ``at`` names a time or a slot.

    An article given a date only (``date_only``, online from midnight) is
    promoted as a post given a date only is: at the network's slot that day,
    else ``default_time``, rather than at 00:00; hours and minutes count from
    that time.
    """
    zone = network.zone or calendar.zone  # the account's clock: `+1 day at 09:00` is 09:00 there
    if date_only:  # the article's day, the site's: at the account's slot (its time) that day
        day = publication.astimezone(calendar.zone).date()
        at_slot = dt.datetime.combine(day, slot_time(day, network, calendar))
        publication = in_site_zone(localize(at_slot, zone), calendar)
    local = publication.astimezone(zone).replace(tzinfo=None)
    if offset.amount == 0 and offset.time is None and offset.slot is None:
        return publication
    if offset.unit in ("minutes", "hours"):  # elapsed time: in UTC, not on the wall clock of the site's zone
        elapsed = publication.astimezone(dt.UTC) + dt.timedelta(**{offset.unit: offset.amount})
        return elapsed.astimezone(calendar.zone)
    moved = local + calendar_delta(offset.amount, offset.unit)
    if offset.slot is not None:
        moved = dt.datetime.combine(moved.date(), calendar.slots[offset.slot])
    elif offset.time is not None:
        moved = dt.datetime.combine(moved.date(), offset.time)
    elif date_only:
        moved = dt.datetime.combine(moved.date(), slot_time(moved.date(), network, calendar))
    else:
        slot = network_slot(moved.date(), network)
        if slot is not None:
            moved = dt.datetime.combine(moved.date(), slot)
    return in_site_zone(localize(moved, zone), calendar)


#: A unit's letters in a promotion step's id.
_UNIT_KEYS = {"minutes": "min", "hours": "h", "days": "d", "weeks": "w", "months": "mo"}


def step_keys(schedule: tuple[Offset, ...] | list[Offset]) -> list[str]:
    """What ends each promotion step's id, from its offset: ``0`` (at publication), ``1w`` (``+1 week``),
    ``1d-before`` (``-1 day``). A step keeps its id when another is added or removed, reordered, or when
    its time changes; a second step with the same offset gets ``-2``.
    """
    keys: list[str] = []
    for offset in schedule:
        key = "0" if offset.amount == 0 else f"{abs(offset.amount)}{_UNIT_KEYS[offset.unit]}"
        if offset.amount < 0:
            key += "-before"
        taken = key
        number = 2
        while taken in keys:
            taken = f"{key}-{number}"
            number += 1
        keys.append(taken)
    return keys


def resumed_publication(original: dt.datetime, live_at: dt.datetime, network: Network,
                        calendar: Calendar, date_only: bool = False) -> dt.datetime:
    """Where "at publication" lands on a network when a freeze deferred the article.

    The article goes live when the freeze ends (often midnight); its posts go
    out at the network's first posting slot from then on, else at the
    article's own time of day, never in the middle of the night.
    """
    zone = network.zone or calendar.zone
    first = live_at.astimezone(zone)
    for days in range(8):
        day = (first + dt.timedelta(days=days)).date()
        times = sorted(s.time for s in network.slots if s.matches(day))
        if not network.slots:  # the article's time of day; for a date only, the default time
            times = [calendar.default_time if date_only else original.astimezone(zone).time()]
        for time in times:
            candidate = localize(dt.datetime.combine(day, time), zone)
            if as_instant(candidate) >= as_instant(live_at):
                return in_site_zone(candidate, calendar)
    return live_at


class TooManyOccurrences(Exception):
    """A recurring entry's rule gives more than :data:`MAX_OCCURRENCES` days."""


def occurrences(recurrence: Recurrence, calendar: Calendar, now: dt.datetime) -> Iterator[dt.date]:
    """The days a recurring post happens, up to its end or the planning horizon.

    :raises TooManyOccurrences: past :data:`MAX_OCCURRENCES` days.
    """
    horizon = now.astimezone(calendar.zone).date() + calendar.horizon
    # A rule with an end (a date or a count) is finite; only open-ended ones stop at the horizon.
    if recurrence.until is not None:
        last = recurrence.until
    elif recurrence.count is not None:
        last = dt.date.max
    else:
        last = horizon
    start = dt.datetime.combine(recurrence.start, dt.time())
    rule = rrulestr(recurrence.rrule, dtstart=start)
    if recurrence.count is not None:
        rule = rule.replace(count=recurrence.count)  # type: ignore[union-attr]
    previous, given = None, 0
    for moment in rule:
        day = moment.date()
        if day > last:
            return
        if day == previous:  # a rule of several moments a day: one post
            continue
        given += 1
        if given > MAX_OCCURRENCES:
            raise TooManyOccurrences
        previous = day
        if day not in recurrence.skipped:  # left out, but counted (RFC 5545: COUNT before EXDATE)
            yield day


def months_it_skips(recurrence: Recurrence, calendar: Calendar,
                    now: dt.datetime) -> tuple[list[int], list[tuple[int, int]], set[tuple[int, int]]]:
    """The days of the month (29 to 31, or -29 to -31 from its end) a recurring post's rule names, the months
    (year, month) of its span that lack one, up to its end or the planning horizon, and those of them that
    lack every day the rule names: RFC 5545 gives those days no post, silently (``BYMONTHDAY=30`` in
    February; a yearly rule from 29 February three years in four), and a month with none of them no post at
    all (``BYMONTHDAY=15,31`` still posts on 15 February). Nothing for a rule whose days are weekdays
    (``BYDAY``), which have no such gap."""
    parts = dict(part.strip().upper().partition("=")[::2]
                 for part in recurrence.rrule.split(";") if "=" in part)
    if parts.get("FREQ") not in ("MONTHLY", "YEARLY") or parts.keys() & {"BYDAY", "BYSETPOS", "BYWEEKNO",
                                                                       "BYYEARDAY"}:
        return [], [], set()
    try:
        named = [int(day) for day in parts["BYMONTHDAY"].split(",")] if "BYMONTHDAY" in parts \
            else [recurrence.start.day]
    except ValueError:
        return [], [], set()
    wanted = sorted((day for day in named if abs(day) >= 29), key=abs)  # -30: the 30th from the end
    planned = list(itertools.islice(occurrences(recurrence, calendar, now), MAX_OCCURRENCES))
    if not wanted or not planned:
        return [], [], set()
    # The months the rule visits: the same rule on their first day, up to its last post (or the horizon).
    visiting = {**{name: value for name, value in parts.items() if name not in ("COUNT", "UNTIL")},
                "BYMONTHDAY": "1"}
    if parts["FREQ"] == "YEARLY" and "BYMONTH" not in parts:
        visiting["BYMONTH"] = str(recurrence.start.month)
    first = dt.datetime(recurrence.start.year, recurrence.start.month, 1)
    ended = recurrence.until is not None or recurrence.count is not None or parts.keys() & {"COUNT", "UNTIL"}
    last = planned[-1] if ended else now.astimezone(calendar.zone).date() + calendar.horizon
    months: list[tuple[int, int]] = []
    emptied: set[tuple[int, int]] = set()
    for moment in rrulestr(";".join(f"{name}={value}" for name, value in visiting.items()), dtstart=first):
        if moment.date() > last:
            break
        length = monthrange(moment.year, moment.month)[1]
        if any(length < abs(day) and moment.date().replace(day=length) >= recurrence.start for day in wanted):
            months.append((moment.year, moment.month))
            if all(abs(day) > length for day in named):  # -1 is in every month, -30 not in February
                emptied.add((moment.year, moment.month))
    return wanted, months, emptied


def recurrence_instant(day: dt.date, recurrence: Recurrence, network: Network,
                       calendar: Calendar) -> dt.datetime:
    """The instant of one occurrence on one network."""
    return when_instant(When(day, recurrence.time, recurrence.slot), network, calendar)
