"""Public holidays of the site's country, from the maintained ``holidays`` library."""

from __future__ import annotations

import datetime as dt
import functools

import holidays

from edcal.model.calendar import Calendar


def holidays_between(calendar: Calendar, first: dt.date, last: dt.date, lang: str) -> dict[dt.date, str]:
    """Holiday names by day, in the site's language when the library has it."""
    if not calendar.country:
        return {}
    found = _holidays(calendar.country, calendar.subdivision, tuple(range(first.year, last.year + 1)), lang)
    return {day: name for day, name in found.items() if first <= day <= last}


@functools.cache
def _holidays(country: str, subdivision: str | None, years: tuple[int, ...], lang: str) -> dict[dt.date, str]:
    cls = holidays.country_holidays(country).__class__
    languages = getattr(cls, "supported_languages", ())
    language = next((code for code in languages if code.split("_")[0] == lang.split("-")[0]), None)
    table = cls(subdiv=subdivision, years=years, language=language)
    return dict(table.items())


def known_country(country: str) -> bool:
    try:
        holidays.country_holidays(country)
    except NotImplementedError:
        return False
    return True


def subdivisions(country: str) -> list[str]:
    try:
        cls = holidays.country_holidays(country).__class__
    except NotImplementedError:
        return []
    return list(getattr(cls, "subdivisions", ()))


def countries() -> list[str]:
    return sorted(holidays.list_supported_countries())
