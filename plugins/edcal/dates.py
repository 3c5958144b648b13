"""A day as people write it, YYYY-MM-DD, the years a date may have, and days, weeks or months added
to a date as a calendar counts them.

Read by the loader (``at: 2027-01-12``), the clock (``EDCAL_NOW=2027-01-12``) and the plan (``+1 month``):
it depends on none of them.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from edcal.hints import other_figures
from edcal.i18n import MONTHS, Message, say

if TYPE_CHECKING:
    from edcal.model.calendar import TimeUnit

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\Z")

#: Countries whose people write the month first (03/02/2027 is March 2nd).
MONTH_FIRST_COUNTRIES = frozenset({"US", "PH", "FM", "MH", "PW"})
#: Hootsuite's date and time patterns (its upload dialog offers both orders), as strftime patterns.
DAY_FIRST, MONTH_FIRST = "%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M"

#: The years a date may have.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def in_whole_minutes(moment: dt.datetime) -> dt.datetime:
    """The instant, in UTC when its zone's offset then had seconds: a local mean time's (Paris until 1911,
    +00:09:21; Amsterdam until 1937), which HTML's ``datetime``, sitemaps, Atom and RSS cannot write."""
    offset = moment.utcoffset()
    return moment.astimezone(dt.UTC) if offset is not None and offset.seconds % 60 else moment


def iso_stamp(moment: dt.datetime | dt.date) -> str:
    """ISO 8601, with a UTC offset in whole minutes (:func:`in_whole_minutes`): ``1900-03-01T08:50:39Z``
    rather than ``1900-03-01T09:00:00+00:09:21``; a day as it is."""
    if not isinstance(moment, dt.datetime) or in_whole_minutes(moment) is moment:
        return moment.isoformat()
    return in_whole_minutes(moment).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_date(text: str) -> dt.date:
    """``YYYY-MM-DD``, checked against the calendar (no 30 February)."""
    text = text.strip()
    figures_0_to_9(text)
    match = _DATE_RE.match(text)
    if not match:
        raise ValueError(say("found '{text}', expected a date as YYYY-MM-DD (e.g. 2027-01-12)", text=text))
    year, month, day = (int(g) for g in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:  # 0001 and 9999 overflow once a time zone or a duration applies
        raise ValueError(say("found '{text}': year {year} is out of range; expected a year from {first} to "
                             "{last}", text=text, year=year, first=FIRST_YEAR, last=LAST_YEAR))
    if not 1 <= month <= 12:
        raise ValueError(say("found '{text}': there is no month {month}; expected YYYY-MM-DD",
                             text=text, month=month))
    last = _calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(say("found '{text}': {month} {year} has {last} days; expected a real date as "
                             "YYYY-MM-DD",
                             text=text, month=say(_calendar.month_name[month]), year=year, last=last))
    return dt.date(year, month, day)


def day_problem(year: int, month: int, day: int) -> Message | None:
    """Why ``year``-``month``-``day`` is no day a date may have (``February 2027 has 28 days``), None for a
    real one."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return say("year {year} is out of range ({first} to {last})", year=year, first=FIRST_YEAR,
                   last=LAST_YEAR)
    if not 1 <= month <= 12:
        return say("there is no month {month}", month=month)
    if not 1 <= day <= _calendar.monthrange(year, month)[1]:
        return say("{month} {year} has {days} days", month=say(MONTHS["en"][month - 1]), year=year,
                   days=_calendar.monthrange(year, month)[1])
    return None


def figures_0_to_9(text: str) -> None:
    """Refuse a value written with figures of another script (:func:`edcal.hints.other_figures`)."""
    told = other_figures(text)
    if told is not None:
        raise ValueError(*told)


def calendar_delta(amount: int, unit: TimeUnit) -> relativedelta:
    """``amount`` units as the calendar counts them: +1 month from 31 January is 28 February."""
    # mypy checks a ``**`` mapping's values against every parameter (dt1 too), whatever its keys.
    return relativedelta(**{unit: amount})  # type: ignore[arg-type]
