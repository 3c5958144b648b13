"""Instants as the outputs write them (plan.json, the drafts' sidecars, the exports): one format each."""

from __future__ import annotations

import datetime as dt

from edcal.model.calendar import Calendar


def local_stamp(instant: dt.datetime, calendar: Calendar) -> str:
    """ISO 8601 in the site's zone with its offset: ``2027-01-12T08:00:00+01:00``."""
    return instant.astimezone(calendar.zone).isoformat(timespec="seconds")


def utc_stamp(instant: dt.datetime) -> str:
    return instant.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
