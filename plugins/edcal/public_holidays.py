"""Public holidays of the site's country, or of an account's (a network's ``country:``), from the maintained
``holidays`` library (its tables cached per country, region, years and language)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from edcal.lazy_packages import submodule
from edcal.model.calendar import Calendar, plain_name

if TYPE_CHECKING:
    from holidays.holiday_base import HolidayBase


def holidays_between(calendar: Calendar, first: dt.date, last: dt.date, lang: str,
                     uncounted: tuple[str, ...] = (), network: str | None = None) -> dict[dt.date, str]:
    """Holiday names by day, in the site's language when the library has it.

    :param uncounted: holidays the site does not count (public-holiday's ``except:``), by name in the
        country's own language or in ``lang``, case aside; a holiday's observed day goes with it.
    :param network: the id of the network whose posts they are for: its country's and region's holidays
        (``country:``, ``subdivision:`` under ``networks.<id>``), else the site's.
    """
    country, subdivision = calendar.holiday_place(network)
    if not country:
        return {}
    years = tuple(range(first.year, last.year + 1))
    found = _holidays(country, subdivision, years, lang)
    if uncounted:
        skipped = frozenset(name.casefold() for name in uncounted)
        own = _holidays(country, subdivision, years, None)
        found = {day: kept for day, names in found.items()
                 if (kept := _counted(names, own.get(day, ""), skipped))}
    return {day: name for day, name in found.items() if first <= day <= last}


def holiday_names(country: str, subdivision: str | None, years: tuple[int, ...],
                  lang: str | None) -> tuple[str, ...]:
    """The names of a country's holidays over ``years``, in its own language and in ``lang`` (when the
    library has it), sorted; an observed day goes by its holiday's name (:func:`named_for`)."""
    tables = [_holidays(country, subdivision, years, None), *([_holidays(country, subdivision, years, lang)]
                                                              if lang else [])]
    names = {name for table in tables for names in table.values() for name in _split(names)}
    return tuple(sorted(name for name in names if named_for(name, names) == name))


def named_for(name: str, names: Collection[str]) -> str:
    """The holiday a day is named for, among ``names``: "Veterans Day" for "Veterans Day (observed)", the
    day off in its place; else the name itself."""
    base = name.partition(" (")[0]
    return base if base in names else name


def holiday_named(country: str, subdivision: str | None, words: str,
                  today: dt.date) -> tuple[str, dt.date] | None:
    """The holiday ``words`` name and its next day from ``today``: its name in the country's language, in
    English or in French, case, accents and a leading article aside (``Noël``, ``le 1er mai`` no, ``the
    Christmas Day``), or its first words (``Thanksgiving`` for "Thanksgiving Day"). None when they name none,
    or the first words of several ("Lundi" of "Lundi de Pâques" and "Lundi de Pentecôte")."""
    if not known_country(country) or (subdivision is not None and subdivision not in subdivisions(country)):
        return None  # the calendar's loader says what is wrong with them
    written = re.sub(r"^(?:the|le|la|les|l['’])\s*", "", plain_name(words))
    if not written:
        return None
    years = (today.year, today.year + 1)
    whole: dict[str, tuple[str, dt.date]] = {}
    first_words: dict[str, tuple[str, dt.date]] = {}
    for lang in (None, "en", "fr"):
        for day, names in sorted(_holidays(country, subdivision, years, lang).items()):
            for name in _split(names):
                name = name.partition(" (")[0]  # "Christmas Day (observed)" is Christmas Day's
                folded = plain_name(name)
                found = whole if folded == written else first_words if folded.startswith(f"{written} ") \
                    else None
                if found is not None and day >= today:
                    found.setdefault(folded, (name, day))
    meant = whole or first_words
    return next(iter(meant.values())) if len(meant) == 1 else None


#: How the library joins the names of a day's holidays.
HOLIDAYS_OF_A_DAY = "; "


def _split(names: str) -> list[str]:
    return names.split(HOLIDAYS_OF_A_DAY)


def _counted(names: str, own: str, skipped: frozenset[str]) -> str:
    """The day's holidays (``names``) the site counts, given their names in the country's language
    (``own``, in the same order); the library writes an observed day "Veterans Day (observed)"."""
    def skipped_name(name: str) -> bool:
        folded = name.casefold()
        return folded in skipped or folded.partition(" (")[0] in skipped

    written, native = _split(names), _split(own)
    if len(written) != len(native):  # cannot pair them: the day is not counted if any is left out
        return "" if any(map(skipped_name, written + native)) else names
    return HOLIDAYS_OF_A_DAY.join(name for name, other in zip(written, native, strict=True)
                                  if not skipped_name(name) and not skipped_name(other))


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
def _holidays(country: str, subdivision: str | None, years: tuple[int, ...],
              lang: str | None) -> dict[dt.date, str]:
    """The holidays of ``years`` by day, named in ``lang`` when the library has it, else (and for None) in
    the country's own language."""
    cls = _country_class(country)
    assert cls is not None, f"unknown country {country}: the calendar's loader checks it"
    languages = getattr(cls, "supported_languages", ())
    language = next((code for code in languages if lang and code.split("_")[0] == lang.split("-")[0]), None)
    # Without a language, holidays follows LANGUAGE, LC_ALL… of the machine: not reproducible.
    table = cls(subdiv=subdivision, years=years, language=language or cls.default_language)
    return dict(table.items())


def first_year(country: str) -> int:
    """The first year whose holidays the library knows for a country (1803 for France, 1991 for Slovenia)."""
    cls = _country_class(country)
    return int(getattr(cls, "start_year", 1900))


def last_year(country: str) -> int:
    """The last year whose holidays the library knows for a country (2100 for most)."""
    cls = _country_class(country)
    return int(getattr(cls, "end_year", 2100))


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

