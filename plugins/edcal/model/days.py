"""Where a day begins in a time zone (the model's one rule about days, used by its sort order too)."""

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
