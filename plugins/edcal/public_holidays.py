"""Public holidays of the site's country, from the maintained ``holidays`` library."""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from edcal.lazy_packages import submodule
from edcal.model.calendar import Calendar

if TYPE_CHECKING:
    from holidays.holiday_base import HolidayBase


def holidays_between(calendar: Calendar, first: dt.date, last: dt.date, lang: str) -> dict[dt.date, str]:
    """Holiday names by day, in the site's language when the library has it."""
    if not calendar.country:
        return {}
    found = _holidays(calendar.country, calendar.subdivision, tuple(range(first.year, last.year + 1)), lang)
    return {day: name for day, name in found.items() if first <= day <= last}


@functools.cache
def _country_class(country: str) -> type[HolidayBase] | None:
    """The holidays class of a country code (``FR``, ``FRA``), or None for an unknown code.

    Only the country's own module is imported: ``holidays.country_holidays``
    imports the modules of all 250 countries the library knows (0.12 s).
    """
    from holidays.registry import COUNTRIES

    for module, names in COUNTRIES.items():
        if country in names[1:]:  # names[0] is the class name; then the codes
            found: type[HolidayBase] = getattr(submodule("holidays.countries", module), country)
            return found
    return None


@functools.cache
def _holidays(country: str, subdivision: str | None, years: tuple[int, ...], lang: str) -> dict[dt.date, str]:
    cls = _country_class(country)
    assert cls is not None, f"unknown country {country}: the calendar's loader checks it"
    languages = getattr(cls, "supported_languages", ())
    language = next((code for code in languages if code.split("_")[0] == lang.split("-")[0]), None)
    # Without a language, holidays follows LANGUAGE, LC_ALL… of the machine: not reproducible.
    table = cls(subdiv=subdivision, years=years, language=language or cls.default_language)
    return dict(table.items())


def known_country(country: str) -> bool:
    return _country_class(country) is not None


def subdivisions(country: str) -> list[str]:
    cls = _country_class(country)
    return list(getattr(cls, "subdivisions", ())) if cls is not None else []


def countries() -> list[str]:
    import holidays

    return sorted(holidays.list_supported_countries())


#: Country names French writers type, and their ISO 3166 codes (English names come from the library).
_FRENCH_NAMES = {"allemagne": "DE", "autriche": "AT", "belgique": "BE", "canada": "CA", "espagne": "ES",
                 "etatsunis": "US", "étatsunis": "US", "irlande": "IE", "italie": "IT", "luxembourg": "LU",
                 "maroc": "MA", "paysbas": "NL", "portugal": "PT", "royaumeuni": "GB", "sénégal": "SN",
                 "senegal": "SN", "suisse": "CH", "tunisie": "TN", "algérie": "DZ", "algerie": "DZ",
                 "québec": "CA", "quebec": "CA", "côtedivoire": "CI", "cotedivoire": "CI", "monaco": "MC"}


def code_for_name(name: str) -> str | None:
    """The two-letter code of a country written by name (``France``, ``Belgique``), or None."""
    from holidays.registry import COUNTRIES

    key = "".join(char for char in name.lower() if char.isalnum())
    if key in _FRENCH_NAMES:
        return _FRENCH_NAMES[key]
    for module, names in COUNTRIES.items():
        if key in (module.replace("_", ""), names[0].lower()):
            return names[1]
    return None

