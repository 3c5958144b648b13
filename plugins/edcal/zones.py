"""Wall-clock times in the site's zone, with daylight-saving traps made errors.

A time that does not exist (the clocks jump from 02:00 to 03:00) or exists
twice (they fall back from 03:00 to 02:00) is never guessed: the user gets a
located error saying how to write it unambiguously.

The system's time zone database is read here too: the zone the computer's clock keeps
(:func:`machine_zone`), a country's zone and a zone's country (:func:`country_zone`, :func:`zone_country`),
for `edcal init`'s defaults.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

from edcal.errors import closest, did_you_mean
from edcal.i18n import Message, Translator, clock_time, language, long_date, say, utc_offset


class WallClockError(ValueError):
    """A local time that does not exist, or exists twice, in the zone."""

    def __init__(self, message: str, hint: str, choices: tuple[str, ...] = (), twice: bool = False):
        super().__init__(message)
        #: The message as made (a translatable Message; ``str(exc)`` is its English text only).
        self.message = message
        self.hint = hint
        #: What to write instead, as a date and time: the two instants with their UTC offsets
        #: (``twice``), or the time the clocks jump to.
        self.choices = choices
        self.twice = twice


def localize(naive: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The aware datetime for a wall-clock time in ``zone``.

    :raises WallClockError: in a daylight-saving gap or overlap.
    """
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first
    stamp = naive.strftime("%Y-%m-%d %H:%M")
    round_trip = first.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive:
        later = (naive + (second.utcoffset() or dt.timedelta()) - (first.utcoffset() or dt.timedelta()))
        raise WallClockError(
            say("{stamp} does not exist in {zone}: the clocks go forward that night",
                stamp=stamp, zone=zone.key),
            say("choose another time, e.g. {time}", time=later.strftime("%H:%M")),
            (later.strftime("%Y-%m-%d %H:%M"),),
        )
    choices = (f"{stamp}{utc_offset(first)}", f"{stamp}{utc_offset(second)}")
    raise WallClockError(
        say("{stamp} happens twice in {zone}: the clocks go back that night", stamp=stamp, zone=zone.key),
        say("write the UTC offset: {first} (the first) or {second} (the second)",
            first=choices[0], second=choices[1]),
        choices, twice=True,
    )


def at_offset(naive: dt.datetime, offset: dt.timedelta, zone: ZoneInfo) -> dt.datetime:
    """A time written with an explicit UTC offset, expressed in ``zone``."""
    return naive.replace(tzinfo=dt.timezone(offset)).astimezone(zone)


def zone_named(name: str) -> ZoneInfo:
    """The zone for an IANA name; ``ValueError`` naming the closest one when unknown."""
    import zoneinfo

    if name in FIXED_ABBREVIATIONS:  # valid names, but the place's clock would be an hour off all summer
        raise ValueError(say("found time zone '{name}', a fixed offset without summer time, expected a "
                             "place's IANA name like 'Europe/Paris'", name=name))
    try:
        if not name or name != name.strip() or ".." in name or name.startswith("/"):
            raise zoneinfo.ZoneInfoNotFoundError(name)
        return ZoneInfo(name)
    # OSError: a folder of the database (America), or a name longer than a file's
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        message = say("found time zone '{name}', expected an IANA name like 'Europe/Paris'", name=name)
        raise ValueError(message) from None


#: Abbreviations people write for a zone, which are no IANA names (or, as ``EST``, one without summer
#: time), and the zone most of them mean.
ABBREVIATIONS = {
    "EST": "America/New_York", "MST": "America/Denver",
    "CST": "America/Chicago", "CDT": "America/Chicago", "EDT": "America/New_York",
    "PDT": "America/Los_Angeles", "PST": "America/Los_Angeles", "MDT": "America/Denver",
    "AKST": "America/Anchorage", "BST": "Europe/London",
    "CEST": "Europe/Paris", "EEST": "Europe/Athens", "WEST": "Europe/Lisbon",
    "JST": "Asia/Tokyo", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland", "HNE": "America/Toronto", "HAE": "America/Toronto",
}


#: Abbreviations of several zones, each with its place: ``IST`` is Irish time in Dublin, Indian in Kolkata.
AMBIGUOUS_ABBREVIATIONS = {
    "IST": (("Europe/Dublin", say("Ireland")), ("Asia/Kolkata", say("India")),
            ("Asia/Jerusalem", say("Israel"))),
}


#: Names of Greenwich time, which people write for London's, Dublin's or Lisbon's clock: UTC all year.
GREENWICH_NAMES = frozenset({"GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich"})

#: The places whose winter clock is Greenwich time.
GREENWICH_PLACES = (("Europe/London", say("United Kingdom")), ("Europe/Dublin", say("Ireland")),
                    ("Europe/Lisbon", say("Portugal")))

#: IANA names that are fixed offsets all year (``EST`` is -05:00 in July too, ``GMT`` is London's winter
#: time only): refused, with the place meant. ``UTC`` and ``Etc/GMT+5`` still say "this offset all year"
#: on purpose; ``CET`` and ``WET`` are taken, as they change in summer.
FIXED_ABBREVIATIONS = frozenset({"EST", "MST", *GREENWICH_NAMES})


#: ``GMT+1``, ``UTC-05:00``: an offset written as a zone.
_OFFSET_NAME = re.compile(r"^(?:GMT|UTC|UT)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d\d))?$",
                          re.IGNORECASE)


def _offset_hint(name: str) -> str | None:
    """For ``GMT+1``: the place's zone, or the ``Etc/`` name of the same offset all year (its sign reversed,
    as POSIX writes it), which the closest name (``GMT+0``, ``UTC``) is not."""
    written = _OFFSET_NAME.match(name.strip())
    if written is None:
        return None
    hours, minutes = int(written["hours"]), int(written["minutes"] or 0)
    if hours == minutes == 0:
        return None  # GMT+0, UTC+0: Greenwich's names, or UTC's closest
    place = say("'{name}' is an offset from UTC, not a place; write the place's zone, like 'Europe/Paris' "
                "(its clock changes when the place's does)", name=name)
    if minutes or hours > (14 if written["sign"] == "+" else 12):  # Etc/GMT-14 … Etc/GMT+12, whole hours
        return place
    etc = f"Etc/GMT{'-' if written['sign'] == '+' else '+'}{hours}"
    return say("'{name}' is an offset from UTC, not a place; write the place's zone, like 'Europe/Paris' "
               "(its clock changes when the place's does), or '{etc}' for UTC{offset} all year", name=name,
               etc=etc, offset=f"{written['sign']}{hours:02d}:00")


def zone_hint(name: str) -> str | None:
    """A hint for a time zone edcal does not know: the zone an abbreviation stands for (``CST`` is not
    ``UCT``), else the closest name."""
    if (offset := _offset_hint(name)) is not None:
        return offset
    if _greenwich(name) or _greenwich(closest(name, known_zones()) or ""):  # `Greenwhich`, `GMT 0` too
        (first, first_place), (second, second_place), (third, third_place) = GREENWICH_PLACES
        return say("'{name}' has no summer time; write the place's zone: '{first}' ({first_place}), "
                   "'{second}' ({second_place}) or '{third}' ({third_place}), or 'UTC' for the same offset "
                   "all year", name=name, first=first, first_place=first_place, second=second,
                   second_place=second_place, third=third, third_place=third_place)
    places = AMBIGUOUS_ABBREVIATIONS.get(name.strip().upper())
    if places:
        (first, first_place), (second, second_place), (third, third_place) = places
        return say("'{name}' is an abbreviation of several zones; write the place's zone: '{first}' "
                   "({first_place}), '{second}' ({second_place}) or '{third}' ({third_place})", name=name,
                   first=first, first_place=first_place, second=second, second_place=second_place,
                   third=third, third_place=third_place)
    meant = ABBREVIATIONS.get(name.strip().upper())
    if meant:
        return say("'{name}' is an abbreviation; write the place's zone, e.g. '{meant}' (its clock changes "
                   "when the place's does)", name=name, meant=meant)
    # Not a name refused in its turn (`EST` for `ESTT`)
    return did_you_mean(name, known_zones() - FIXED_ABBREVIATIONS)


def _greenwich(name: str) -> bool:
    """Whether the name is one of Greenwich time's (``gmt``, ``Etc/GMT0``, ``Etc/Greenwich``)."""
    return name.strip().upper().removeprefix("ETC/") in {greenwich.upper() for greenwich in GREENWICH_NAMES}


def known_zones() -> set[str]:
    import zoneinfo

    return zoneinfo.available_timezones()


#: Names of UTC itself (``Etc/GMT+5`` and the like are fixed offsets, told apart below).
_UTC_NAMES = {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "GMT",
              "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT0", "GMT+0", "GMT-0", "Etc/Greenwich",
              "Greenwich"}

#: The zones' cities whose h is aspirated: "heure de Hong Kong".
_ASPIRATED_H = {"Hong Kong"}


def account_clock(start: dt.datetime, site_day: dt.date, zone: ZoneInfo, name: str, _: Translator) -> str:
    """A post's time on its account's clock (``zone``, its network's ``timezone:`` ``name``), as the feeds'
    *Heure :* line and the agenda give it after the site's: "09:00 (heure de Toronto)", its day too when it
    is another than the site's ``site_day`` ("20:00, jeudi 20 mai 2027 (heure de Toronto)")."""
    own = start.astimezone(zone)
    said = _("{time} ({zone})") if own.date() == site_day else _("{time}, {day} ({zone})")
    return said.format(time=clock_time(own, _.tag), day=long_date(own.date(), _.tag),
                       zone=zone_time(name, _.tag, own.year))


def zone_time(name: str, lang: str, year: int = 2027) -> str:
    """What the times of a site in zone ``name`` are, as its pages say it: "Paris time", "heure de Paris",
    "heure d'Amsterdam", "UTC", "UTC−5" (``Etc/GMT+5``: POSIX's sign, the other way round), "CET/CEST"
    (a zone named by its abbreviation, with its clocks' in ``year``)."""
    if name in _UTC_NAMES:
        return "UTC" if language(lang) != "fr" else "heure UTC"
    if name.startswith("Etc/GMT") and name[7:8] in "+-" and name[8:].isdigit():
        offset = f"UTC{'−' if name[7] == '+' else '+'}{int(name[8:])}"
        return offset if language(lang) != "fr" else f"heure {offset}"
    if "/" not in name and name[:3].isupper():  # an abbreviation, as UTC: CET, EST5EDT
        said = _clock_names(name, year)
        return said if language(lang) != "fr" else f"heure {said}"
    if name.partition("/")[0] not in _CITY_AREAS:  # Canada/Eastern, US/Eastern: no city's name
        name = _canonical_zone(name)
    city = zone_city(name, lang)
    if language(lang) != "fr":
        return f"{city} time"
    for article, contracted in _FRENCH_ARTICLES:  # "Le Caire": "heure du Caire"
        if city.startswith(article):
            return f"heure {contracted}{city.removeprefix(article)}"
    # French elides "de" before a vowel or a mute h: "heure d'Amsterdam", "heure d'Helsinki"; not before a
    # y sounded as a consonant (Yakutat) nor an aspirated h (Hong Kong).
    elided = city[:1].lower() in "aeiouàâéèêëîïôöûüh" and city not in _ASPIRATED_H
    return f"heure d'{city}" if elided else f"heure de {city}"


#: A French city's leading article, and what "de" and it become: "heure du Caire", "heure des îles Canaries".
_FRENCH_ARTICLES = (("Le ", "du "), ("La ", "de la "), ("Les ", "des "), ("Îles ", "des îles "),
                    ("Île ", "de l'île "))


def zone_city(name: str, lang: str) -> str:
    """The city a zone is named by, as the reader's language writes it: CLDR's (``Europe/London`` is
    "Londres" in French, ``America/Bogota`` "Bogotá" in both), else the database's, in English without
    accents (``Europe/Paris``: "Paris")."""
    return _zone_cities().get(language(lang), {}).get(name) or name.rsplit("/", 1)[-1].replace("_", " ")


@functools.cache
def _zone_cities() -> dict[str, dict[str, str]]:
    """zone_cities.json: by language, the cities CLDR writes otherwise than the database
    (scripts/zone_cities.py writes it, from Babel's copy of CLDR: 8 KB here, where Babel is 35 MB)."""
    import json

    text = resources.files("edcal").joinpath("zone_cities.json").read_text(encoding="utf-8")
    return {lang: cities for lang, cities in json.loads(text).items() if isinstance(cities, dict)}


class ZoneClock(Message):
    """A zone's time named in a message, as :func:`zone_time` says it in the reader's language ("Montreal
    time", "heure de Montreal"): an account's clock beside a time of the site's."""

    name: str
    year: int

    def __new__(cls, name: str, year: int = 2027) -> ZoneClock:
        self = cast(ZoneClock, super().__new__(cls, zone_time(name, "en", year).replace("{", "{{")
                                               .replace("}", "}}")))
        self.name, self.year = name, year
        return self

    def __reduce__(self) -> tuple[object, ...]:  # pickled whole (to the build's main process)
        return (ZoneClock, (self.name, self.year))

    def translated(self, translate: Callable[[str], str]) -> str:
        return zone_time(self.name, getattr(translate, "language", "en"), self.year)


def _clock_names(name: str, year: int) -> str:
    """A zone named by an abbreviation, as its clocks name themselves in ``year``, winter's first: "CET/CEST",
    "EST/EDT", "GMT/BST" (``GB``). A page's times span both seasons, and "CET" alone read as UTC+1 in July;
    its name as it is without summer time (``HST``) or where the clocks have no abbreviation (``NZ-CHAT``
    shows "+1245")."""
    try:
        zone = ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return name
    names: dict[bool, str] = {}
    for month in (1, 7):
        instant = dt.datetime(year, month, 15, 12, tzinfo=zone)
        names.setdefault(bool(instant.dst()), instant.tzname() or "")
    if len(names) < 2 or not all(said.isalpha() for said in names.values()):
        return name
    return f"{names[False]}/{names[True]}"


#: Where Linux and macOS keep the computer's zone: a link into the database (``…/zoneinfo/America/New_York``).
LOCAL_TIME = Path("/etc/localtime")


def machine_zone(environ: Mapping[str, str], local_time: Path = LOCAL_TIME,
                 as_named: bool = False) -> str | None:
    """The IANA zone the computer's clock keeps, if it names a place: ``TZ`` (``America/New_York``, or
    ``:America/New_York`` or a file of the database as glibc also takes them), else the zone
    ``/etc/localtime`` links to. None for neither, for a name the database does not know, or for a zone of
    no country (``UTC``, ``Etc/GMT+5``: a server's or a container's clock, not the team's).

    The zone's own name (``US/Eastern`` gives ``America/New_York``, ``America/Montreal`` ``America/Toronto``);
    ``as_named``, the name as the computer gives it where it names a city (``America/Montreal``: Montréal's
    teammate's city, which the database links to Toronto's zone)."""
    name = environ.get("TZ", "").removeprefix(":").strip()
    if name.startswith("/"):  # a file of the database, as glibc takes it: ":/usr/share/zoneinfo/Europe/Paris"
        name = name.partition("/zoneinfo/")[2]
    elif not name and "TZ" not in environ:
        try:
            target = local_time.resolve(strict=True).as_posix()
            # The link's own target names the city: Debian's old names are links too (Montreal to Toronto).
            named = os.readlink(local_time) if local_time.is_symlink() else ""
        except (OSError, RuntimeError):  # RuntimeError: a link to itself, before Python 3.13
            return None
        name = (named if "/zoneinfo/" in named else target).partition("/zoneinfo/")[2]
    # glibc's posix/ and right/ copies of the database (Debian's are links to it): the same zones' names.
    name = name.removeprefix("posix/").removeprefix("right/")
    if not name or name not in known_zones() or not zone_country(name):
        return None
    if as_named and name.partition("/")[0] in _CITY_AREAS:
        return name
    return _canonical_zone(name)  # US/Eastern: America/New_York


#: The database's areas whose names end in a city's (``Europe/Brussels``), not a country's or a rule's
#: (``US/Eastern``, ``Canada/Eastern``, ``GB``).
_CITY_AREAS = frozenset({"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia",
                         "Europe", "Indian", "Pacific"})


def other_machine_zone(timezone: str, environ: Mapping[str, str], now: dt.datetime,
                       local_time: Path = LOCAL_TIME) -> str | None:
    """The computer's zone (``machine_zone``, as the computer names it: ``America/Montreal``, to be said
    "Montreal time") when its clock keeps another zone's time than ``timezone``, the site's, on some day of
    the year from ``now``: a teammate in Montréal on a Paris site. None on a computer in the site's zone (by
    any of its names: ``America/Montreal`` is ``America/Toronto``), in one whose clocks keep the same time all
    that year (Brussels on a Paris site), or in no place's (a server's UTC)."""
    named = machine_zone(environ, local_time, as_named=True)
    if named is None or (machine := _canonical_zone(named)) == _canonical_zone(timezone):
        return None
    site, computer = ZoneInfo(timezone), ZoneInfo(machine)
    days = (now + dt.timedelta(days=day) for day in range(366))
    return named if any(day.astimezone(site).utcoffset() != day.astimezone(computer).utcoffset()
                        for day in days) else None


def zones_keeping(offset: dt.timedelta, instant: dt.datetime) -> tuple[str, ...]:
    """The places' zones (zone.tab's, in its order: by country) whose clocks keep ``offset`` at ``instant``:
    ``-05:00`` on 9 March 2027 is Toronto's, New York's, Bogotá's…"""
    # In UTC: two times of one zone compare and hash by their wall clock, the two 02:30 of a night the
    # clocks go back alike.
    return _zones_keeping(offset, instant.astimezone(dt.UTC))


@functools.lru_cache(maxsize=1024)  # a post on three networks is three items at the same instant
def _zones_keeping(offset: dt.timedelta, instant: dt.datetime) -> tuple[str, ...]:
    return tuple(zone.key for zone in _place_zones() if instant.astimezone(zone).utcoffset() == offset)


@functools.cache
def _place_zones() -> tuple[ZoneInfo, ...]:
    """zone.tab's zones, each read from its file once a run: ZoneInfo keeps only the last few used, and the
    418 were read again for each post ``edcal move`` judged (12 ms a post)."""
    return tuple(ZoneInfo(name) for _, name in _zone_table())


@functools.cache
def _zone_table() -> tuple[tuple[str, str], ...]:
    """The time zone database's zone.tab: each place's zone with its country (ISO code), by country; none
    without the database."""
    try:
        table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return ()
    return tuple((fields[0], fields[2]) for line in table.splitlines()
                 if not line.startswith("#") and len(fields := line.split("\t")) >= 3)


#: The main zone of a country whose first zone in zone.tab is not (an island's, a far end's): Lord Howe Island
#: for Australia, Newfoundland for Canada, Noronha for Brazil, Kaliningrad for Russia, Crimea for Ukraine.
_MAIN_ZONES = {"AU": "Australia/Sydney", "BR": "America/Sao_Paulo", "CA": "America/Toronto",
               "RU": "Europe/Moscow", "UA": "Europe/Kyiv"}


def country_zone(code: str) -> str | None:
    """The time zone of a country (ISO code): its only one (GB: Europe/London), or its main one, the first
    the database's zone.tab lists for it (DE: Europe/Berlin, "most of Germany"; US: America/New_York, which
    ``init`` then names) but where that is an island's or a far end's (``_MAIN_ZONES``)."""
    zones = [name for country, name in _zone_table() if country == code]
    return _MAIN_ZONES[code] if _MAIN_ZONES.get(code) in zones else next(iter(zones), None)


#: Zones of a region's rule, no place's, that the database links to a city of one country since 2024b (CET
#: and MET to Europe/Brussels, EET to Europe/Athens, WET to Europe/Lisbon): a German server's CET is no
#: Belgian site.
_REGION_RULES = frozenset({"CET", "MET", "EET", "WET"})


def zone_country(timezone: str) -> str | None:
    """The country of an IANA time zone, from the time zone database's zone.tab (None for UTC, and for a
    region's rule such as CET)."""
    if timezone in _REGION_RULES:
        return None
    rows = {name: country for country, name in _zone_table()}
    # The zone's own row first: Indian/Reunion links to Asia/Dubai in the database (same clock), and
    # Europe/Amsterdam to Europe/Brussels, but they are Réunion's and the Netherlands'.
    return rows.get(timezone) or rows.get(_canonical_zone(timezone))


def _canonical_zone(timezone: str) -> str:
    """An old or alias zone name as the zone it links to (``US/Eastern`` -> ``America/New_York``)."""
    try:
        links = resources.files("tzdata.zoneinfo").joinpath("tzdata.zi").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return timezone
    for line in links.splitlines():
        if line.startswith("L "):
            _, target, alias = line.split()[:3]
            if alias == timezone:
                return target
    return timezone
