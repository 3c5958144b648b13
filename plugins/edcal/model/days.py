"""Where a day begins in a time zone (the model's one rule about days, used by its sort order too), and
times compared as instants."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo


def start_of_day(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """The first instant of ``day`` in ``zone``: its midnight, else the end of a daylight-saving gap at
    00:00 (2026-09-06 starts at 01:00 in America/Santiago, where the clocks skip midnight).

    Never raises: a date alone names a day, whose start always exists.
    """
    # fold=0 reads a skipped midnight at the offset before the change: the very instant the clocks jump.
    first = dt.datetime.combine(day, dt.time(), zone)
    return dt.datetime.fromtimestamp(first.timestamp(), zone)


def as_instant(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC, to compare or subtract as an instant.

    Python compares and subtracts two datetimes of one zone by their wall clocks, fold and offset aside
    (PEP 495): the night the clocks go back, 02:40 +02:00 came after 02:10 +01:00, which is half an hour
    later. Compared in UTC, each is the instant it names. Two datetimes of different zones compare as
    instants already: one side in UTC is enough, and in a loop, the constant side converted once.
    """
    return moment.astimezone(dt.UTC)
