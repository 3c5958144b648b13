"""Hints for a value that was refused, when the reason is a common slip: a date written day first, a time
on 12 hours, a month in words, typographic quotes, a character that looks like a space.

Message helpers shared by the loader, the plan, the clock and the commands; they depend on none of them.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import re
import unicodedata
from typing import Any

import regex
from unidecode import unidecode

from edcal.i18n import DAYS, MONTHS, Message, date_order, say

#: Characters that look like a space, or like nothing, in an editor (text pasted from a word processor).
INVISIBLE = {"\u00a0": say("a no-break space"), "\u202f": say("a narrow no-break space"),
             "\u2009": say("a thin space"), "\u200b": say("a zero-width space"),
             "\u200c": say("a zero-width non-joiner"), "\u200d": say("a zero-width joiner"),
             "\u2060": say("a word joiner"), "\ufeff": say("a byte-order mark"),
             "\u00ad": say("a soft hyphen")}
#: A zero-width joiner that makes one emoji of two (👩‍👩‍👧, 👩‍❤️‍👨): after an emoji (its skin tone, its
#: variation selector) and before another, it is part of the text, not a slip (Unicode's rule GB11).
_EMOJI_JOINER = regex.compile(r"\p{Extended_Pictographic}[\p{Emoji_Modifier}\uFE0F]*(\u200D)"
                              r"(?=\p{Extended_Pictographic})")
#: Quotes a word processor types, which are text to YAML.
TYPOGRAPHIC_QUOTES = "“”«»‘’„"

#: ``15/03/2027``, ``15.03.2027``, ``15-03-2027 9h``: the day or the month first, then the year.
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(.*)$")
#: ``19/01``, ``19/01 9h``: a day and a month, without the year.
_NO_YEAR = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?![/.\d])(.*)$")
_UNPADDED = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(\b.*)$")
#: ``2027-19-01T09:40``: a date and a time joined by ISO 8601's T.
_UNPADDED_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(T\d.*)$")
_DATE_WITH_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]+\d")
#: ``9am``, ``10:00 AM``, ``2026-12-22 12:30 p.m.``: edcal reads times on the 24-hour clock.
_AM_PM = re.compile(r"^(?P<date>\d{4}-\d\d-\d\d[ T]+)?(?P<hour>\d{1,2})(?::(?P<minute>\d\d))?\s*"
                    r"(?P<half>[ap])\.?\s*m\.?$", re.IGNORECASE)
#: ``4pm``, ``6 PM``, ``9:30 a.m.`` anywhere in a value (``salon -1 day at 6 PM``): a 12-hour time.
_AM_PM_ANYWHERE = re.compile(r"(?<![\w:.])(?P<hour>\d{1,2})(?::(?P<minute>\d\d))?\s*"
                             r"(?P<half>[ap])\.?\s*m\.?(?!\w)", re.IGNORECASE)
#: ``10.30``, ``2027-01-05 9.00``, ``tue 18.15``: a time with a dot, as Irish and British writers put it
#: (not a date's ``06.01.2027``, whose numbers touch another dot).
_DOT_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")
#: ``2026/11/12``, ``2026.11.12``: year first, with slashes or dots.
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(.*)$")
#: ``2026-11-12 09``: an hour without minutes.
_HOUR_ONLY = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]+(\d{1,2})$")
#: ``12 janvier 2027``, ``mardi 1er mars 2027 9h``, ``January 12, 2027``: a date in words.
_WORDS_DAY_FIRST = re.compile(r"^(?:([^\W\d_]+)\.?,?\s+)?(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+)\.?,?"
                              r"(?:\s+(\d{4}))?(.*)$")
#: ``March 16``, ``Thursday, March 16, 2027``: the month first, as English writes it.
_WORDS_MONTH_FIRST = re.compile(r"^(?:([^\W\d_]+)\.?,?\s+)?([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?"
                                r"(?:\s+(\d{4}))?(.*)$")
#: Noon said in words, where a time is written in figures (a slot of that name is the site's, and read first).
#: ``12 noon`` and ``12:00 noon`` are noon once (not the day of ``2027-01-12 noon``).
_NOON = re.compile(r"\b(?:(?<![\w:-])12(?::00)?\s*)?(?:noon|midday|midi)\b", re.IGNORECASE)

#: Weekdays alone, where a slot wants a time after them: ``[tue,thu 17:00]`` split by YAML at its comma.
_WEEKDAYS_ONLY = re.compile(r"^[a-zé.,-]+$", re.IGNORECASE)


def emoji_joiners(text: str) -> set[int]:
    """Where the joiners that make one emoji of two (👩‍👩‍👧) are in ``text``: part of it, no slip."""
    return {match.start(1) for match in _EMOJI_JOINER.finditer(text)} if "\u200d" in text else set()


def other_figures(text: str) -> tuple[Message, Message] | None:
    """The error and hint for a date, a time, a count or a cadence written with figures of another script
    (Arabic-Indic ``٣``, Persian ``۳``, full-width ``３``), which Python reads as 0 to 9 where a regular
    expression's ``\\d`` matches them and pydantic does not: told, with the value in the figures 0 to 9 that
    the team's reviewers read, rather than read here and refused there; None for a text without them."""
    if text.isascii():  # nearly every value: no character read one by one
        return None
    figure = next((char for char in text if char.isdecimal() and not char.isascii()), None)
    if figure is None:
        return None
    written = text.strip()
    meant = "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in written)
    return (say("found '{text}', written with the figure '{figure}' of another script, expected the figures "
                "0 to 9", text=written, figure=figure),
            say("write '{meant}'", meant=meant))


def invisible_hint(found: Any) -> str | None:
    """A character that looks like a space or like nothing, named with its place; not a zero-width joiner
    inside an emoji (an error about a control character pointed at the one of 👩‍👩‍👧)."""
    text = found if isinstance(found, str) else ""
    joining = emoji_joiners(text)
    for index, char in enumerate(text):
        if char in INVISIBLE and index not in joining:
            return say("it contains {char} (U+{code:04X}) at character {index}, which looks like a space or "
                       "like nothing: retype it as a plain space, or delete it", char=INVISIBLE[char],
                       code=ord(char), index=index + 1)
    return None


def _clock_24(time: re.Match[str]) -> str | None:
    """A match of ``_AM_PM`` or ``_AM_PM_ANYWHERE`` (``4 PM``, ``12:30 a.m.``) on the 24-hour clock,
    ``16:00``, ``00:30``; None for an hour no 12-hour clock shows (``13 pm``)."""
    if not 1 <= int(time["hour"]) <= 12:
        return None
    hour = int(time["hour"]) % 12 + (12 if time["half"].lower() == "p" else 0)
    return f"{hour:02d}:{time['minute'] or '00'}"


def _on_24_hours(text: str) -> str:
    """``4:00 PM`` as ``16:00``, ``2026-12-22 12:30 p.m.`` as ``2026-12-22 12:30``; anything else as is."""
    am_pm = _AM_PM.match(text)
    clock = _clock_24(am_pm) if am_pm is not None else None
    return text if am_pm is None or clock is None else " ".join(f"{am_pm.group('date') or ''}{clock}".split())


def twelve_hour_hint(found: str) -> str | None:
    """The value with its times on the 24-hour clock, as calendar.yaml writes them in every language (``salon
    -1 day at 6 PM`` -> ``salon -1 day at 18:00``); None when it has no time with AM or PM."""
    written = _AM_PM_ANYWHERE.sub(lambda time: _clock_24(time) or time[0], found)
    return say("times are written on the 24-hour clock: {time}", time=written) if written != found else None


def noon_hint(found: str) -> str | None:
    """The value with noon written ``12:00`` (``2027-01-05 noon``, ``at: midday``); None without it."""
    if _NOON.search(found) is None:
        return None
    return say("noon is written 12:00: {time}", time=_NOON.sub("12:00", found))


def with_colons(text: str) -> str:
    """``2027-01-05 10.30`` as ``2027-01-05 10:30``: its times written with a colon, not a dot."""
    def colon(time: re.Match[str]) -> str:
        hour, minute = int(time[1]), int(time[2])
        return f"{hour:02d}:{time[2]}" if hour <= 23 and minute <= 59 else time[0]

    return _DOT_TIME.sub(colon, text)


def dot_time_hint(found: str) -> str | None:
    """The value with its times written ``10:30`` rather than ``10.30``; None when it has no such time."""
    written = with_colons(found)
    return say("times are written with a colon: {time}", time=written) if written != found else None


def _swapped_hint(found: str) -> str | None:
    """``2027-19-01 09:40``: no month 19, the day written before the month; the date meant when the
    other reading is one (not for ``2027-13-13`` or ``2027-14-30``)."""
    written = _UNPADDED.match(found) or _UNPADDED_ISO.match(found)  # `2027-19-01T09:40` too
    if written is None:
        return None
    year, month, day, rest = written.groups()
    if 1 <= int(month) <= 12:
        return None
    try:
        meant = dt.date(int(year), int(day), int(month))
    except ValueError:
        return None
    return say("the month comes before the day: {date}", date=f"{meant:%Y-%m-%d}{rest}")


def value_hint(found: Any, message: str = "", past: bool = False) -> str | None:
    """What to change in a text value that was refused, when the reason is a common slip.

    :param past: the value says when something happened (the log's ``at:``): a date written without its
        year is the last such day, not the coming one.
    """
    if not isinstance(found, str):
        return None
    if (invisible := invisible_hint(found)) is not None:
        return invisible
    if (figures := other_figures(found)) is not None:
        return figures[1]
    if found and (found[0] in TYPOGRAPHIC_QUOTES or found[-1] in TYPOGRAPHIC_QUOTES):
        return say("typographic quotes {first}…{last} are part of the text to YAML: write straight quotes "
                   "\"…\" or none", first=found[:1], last=found[-1:])
    if (slashed := _DAY_FIRST.match(found.strip())) is not None:
        first, second, year, rest = slashed.groups()
        # 03/15/2027 4:00 PM, 15.03.2027 10.30: the date and the time at once
        rest = " " + with_colons(_on_24_hours(rest.strip())) if rest.strip() else rest
        if int(first) > 12 and int(second) <= 12:  # 24/11/2026: day first
            return say("dates are written year first: {date}",
                       date=f"{year}-{int(second):02d}-{int(first):02d}{rest}")
        if int(second) > 12 and int(first) <= 12:  # 11/24/2026: month first
            return say("dates are written year first: {date}",
                       date=f"{year}-{int(first):02d}-{int(second):02d}{rest}")
        if int(first) <= 12 and int(second) <= 12:  # 02/03/2027: 2 March in Paris, February 3 in New York
            day_first = f"{year}-{int(second):02d}-{int(first):02d}{rest}"
            month_first = f"{year}-{int(first):02d}-{int(second):02d}{rest}"
            if day_first == month_first or date_order() is not None:  # French: the day first; US: the month
                return say("dates are written year first: {date}",
                           date=month_first if date_order() == "month" else day_first)
            return say("dates are written year first: {day_first} if the day comes first, {month_first} if "
                       "the month does", day_first=day_first, month_first=month_first)
    if (swapped := _swapped_hint(found.strip())) is not None:  # 2027-19-01: the day before the month
        return swapped
    dated = "YYYY-MM-DD" in message or "expected a date" in message
    if dated and (short := _NO_YEAR.match(found.strip())) is not None:  # not `2.5` for a figure
        first, second, rest = short.groups()
        return _without_year(first, second, rest, past)
    if _on_24_hours(found.strip()) != found.strip():
        return say("times are written on the 24-hour clock: {time}", time=_on_24_hours(found.strip()))
    quoted = re.match(r"found '([^']+)'", message)  # `tuesday 9am`: the message names the time alone
    if quoted and quoted.group(1) != found and _on_24_hours(quoted.group(1)) != quoted.group(1):
        time = quoted.group(1)
        return say("times are written on the 24-hour clock: {time}",
                   time=found.strip().replace(time, _on_24_hours(time)))
    timed = "HH:MM" in message or "a time" in message
    # `2027-01-05 noon`, `tue midday`; not a site's slot named so, in a network's slots (`midi` may be 12:15)
    if timed and "named slots" not in message and (noon := noon_hint(found.strip())) is not None:
        return noon
    clocked = twelve_hour_hint(found.strip()) if timed else None
    if clocked is not None:  # `2027-01-12 at 4 p.m.`, `tue 9am`
        return clocked
    dotted = dot_time_hint(found.strip()) if timed else None
    if dotted is not None:  # `2027-01-05 10.30`, `tue 9.00`
        return dotted
    if "expected weekdays and a time" in message and _WEEKDAYS_ONLY.match(found.strip()):
        return say("a slot needs a time after its weekdays; in a [ … ] list a comma separates slots, so "
                   "quote a slot on several days: [\"tue,thu 17:00\"]")
    unpadded = _UNPADDED.match(found.strip())
    if unpadded is not None and min(len(unpadded.group(2)), len(unpadded.group(3))) == 1:
        year, month, day, rest = unpadded.groups()
        return say("write months and days with two digits: {date}",
                   date=f"{year}-{int(month):02d}-{int(day):02d}{rest}")
    if "expected a date as" in message and _DATE_WITH_TIME.match(found.strip()):
        return say("this is a whole day, without a time: {date}", date=found.strip()[:10])
    if "expected a language code" in message:
        return _language_hint(found.strip())
    if dated and (period := _period_hint(found.strip())) is not None:
        return period
    if dated:
        return _date_spelt_otherwise(found.strip(), past)
    return None


#: A month alone (``2027-03``), a quarter (``T1 2027``, ``Q1 2027``, ``2027-Q1``, ``1er trimestre 2027``).
_MONTH_ALONE = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(?:[TQ]([1-4])\s*[-/ ]?\s*(\d{4})|(\d{4})\s*[-/ ]?\s*[TQ]([1-4])"
                      r"|([1-4])(?:er|e|ème|st|nd|rd|th)?\s+(?:trimestre|quarter)\s+(\d{4}))$", re.IGNORECASE)


def _period_hint(found: str) -> str | None:
    """A month or a quarter where a date was expected: its first and last days, to choose from."""
    month = _MONTH_ALONE.match(found)
    quarter = _QUARTER.match(found)
    if month is not None and 1 <= int(month.group(2)) <= 12:
        year, first_month, last_month = int(month.group(1)), int(month.group(2)), int(month.group(2))
    elif quarter is not None:
        number, year_text = next((q, y) for q, y in ((quarter.group(1), quarter.group(2)),
                                                     (quarter.group(4), quarter.group(3)),
                                                     (quarter.group(5), quarter.group(6))) if q)
        year, first_month = int(year_text), 3 * int(number) - 2
        last_month = first_month + 2
    else:
        return None
    last_day = calendar.monthrange(year, last_month)[1]
    return say("a date names its day: {last} for the last day of that period, {first} for its first",
               last=f"{year}-{last_month:02d}-{last_day:02d}", first=f"{year}-{first_month:02d}-01")


#: Languages named in words, and their code.
_LANGUAGE_NAMES = {
    **dict.fromkeys(("français", "francais", "french", "française"), "fr"),
    **dict.fromkeys(("anglais", "english", "anglaise"), "en"),
    **dict.fromkeys(("allemand", "german", "deutsch"), "de"),
    **dict.fromkeys(("espagnol", "spanish", "español"), "es"),
    **dict.fromkeys(("italien", "italian", "italiano"), "it"),
    **dict.fromkeys(("néerlandais", "neerlandais", "dutch", "nederlands"), "nl"),
    **dict.fromkeys(("portugais", "portuguese", "português"), "pt"),
}


def _language_hint(found: str) -> str | None:
    """``EN`` or ``anglais`` where a language code was expected."""
    code = _LANGUAGE_NAMES.get(found.lower())
    if code is None and re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", found):
        first, *rest = re.split(r"[-_]", found)
        code = "-".join([first.lower(), *(part.upper() if len(part) == 2 else part for part in rest)])
    return say("write {code}", code=code) if code and code != found else None


def _month_number(word: str) -> int | None:
    """1 to 12 for a month's name or its start in French or English (``janv``, ``févr``, ``Sept``)."""
    typed = unidecode(word.lower())
    if len(typed) < 3:
        return None
    for names in MONTHS.values():
        for number, name in enumerate(names, start=1):
            if unidecode(name.lower()).startswith(typed):
                return number
    return None


def _weekday_number(word: str | None) -> int | None:
    """0 (Monday) to 6 for a weekday's name or its start in French or English (``mar``, ``Tue``)."""
    typed = unidecode((word or "").lower())
    if len(typed) < 3:
        return None
    for names in DAYS.values():
        for number, name in enumerate(names):
            if unidecode(name.lower()).startswith(typed):
                return number
    return None


#: The site's time zone (calendar.yaml's ``timezone:``) once the command has read it: a hint's "today".
_SITE_ZONE: str | None = None


def hint_zone(name: str | None) -> None:
    """Take a hint's "today" in the zone ``name`` (the site's) from now on; None: in UTC."""
    global _SITE_ZONE
    _SITE_ZONE = name


def hint_today() -> dt.date:
    """Today in the site's zone, for a hint's dates (``EDCAL_NOW`` pins it): from 23:00 to midnight in UTC,
    Paris is on the next day already."""
    from zoneinfo import ZoneInfo

    from edcal import clock
    from edcal.errors import InputErrors
    from edcal.zones import zone_named

    try:
        zone = zone_named(_SITE_ZONE) if _SITE_ZONE else ZoneInfo("UTC")
    except ValueError:  # said at the zone's own line
        zone = ZoneInfo("UTC")
    try:
        return clock.now(zone).date()
    except InputErrors:  # said where EDCAL_NOW is read; a hint must not fail
        return dt.datetime.now(zone).date()


def nearest_day(month: int, day: int, weekday: int | None = None, past: bool = False,
                after_today: bool = False) -> dt.date | None:
    """The next such day from now (``EDCAL_NOW`` pins it), for a date written without its year: the
    29th of February in the next leap year, ``mardi 19 janvier`` in the next year it is a Tuesday
    (the coming one when none is near); with ``after_today``, from tomorrow on (a rule's first day); with
    ``past``, the last such day up to today; None for a day no month has (``31 avril``)."""
    today = hint_today()
    coming = []
    years = range(today.year, today.year - 12, -1) if past else range(today.year, today.year + 12)
    for year in years:  # a day is on each weekday within 12 years
        with contextlib.suppress(ValueError):
            date = dt.date(year, month, day)
            if (date <= today) if past else (date > today if after_today else date >= today):
                coming.append(date)
    on_weekday = [date for date in coming[:8] if date.weekday() == weekday]
    nearest = on_weekday or coming
    return nearest[0] if nearest else None


def day_without_year(found: str) -> dt.date | None:
    """The coming day a date written without its year names, as its hint writes it (``2 mars``, ``mardi 2
    mars``, ``March 2``, ``02/03`` where the order is certain); None for anything else."""
    found = found.strip()
    if (short := _NO_YEAR.match(found)) is not None:
        day_month = _day_and_month(short.group(1), short.group(2))
        return nearest_day(day_month[1], day_month[0]) if day_month and 1 <= day_month[1] <= 12 else None
    words = _date_in_words(found)
    if words is None or words[3] is not None:
        return None
    weekday, day, month, _year, _rest = words
    return nearest_day(month, day, _weekday_number(weekday))


def _date_in_words(found: str) -> tuple[str | None, int, int, str | None, str] | None:
    """A date written in words, ``mardi 12 janvier 2027 à 9h``, ``March 16``: its weekday's word, its day,
    its month, its year and the rest, as written; None for anything else (``12 janvier2027``)."""
    day_first, month_first = _WORDS_DAY_FIRST.match(found), _WORDS_MONTH_FIRST.match(found)
    if day_first is not None:
        weekday, day, month_name, year, rest = day_first.groups()
    elif month_first is not None:
        weekday, month_name, day, year, rest = month_first.groups()
    else:
        return None
    month = _month_number(month_name)
    if month is None or not 1 <= int(day) <= 31 or rest[:1].isalnum():  # `12 janvier2027`: not a date
        return None
    return weekday, int(day), month, year, rest


def _day_and_month(first: str, second: str) -> tuple[int, int] | None:
    """The day and the month of ``19/01`` when the reading is certain (:func:`_without_year`)."""
    order = date_order()
    if int(first) > 12 or (order == "day" and int(second) <= 12):
        return int(first), int(second)
    if int(second) > 12 or order == "month":
        return int(second), int(first)
    return None  # 02/03 in plain English: 2 March or February 3


def _without_year(first: str, second: str, rest: str, past: bool) -> str | None:
    """``19/01``, ``19/01 9h``: the coming such day (the last one, with ``past``), when the reading is
    certain: the day first in French and British English, the month first in US English, or a number above
    12 (``01/19``: the month first)."""
    day_month = _day_and_month(first, second)
    if day_month is None:
        return None
    day, month = day_month
    if not 1 <= month <= 12 or (meant := nearest_day(month, day, past=past)) is None:
        return None
    time = _on_24_hours(rest.strip())
    return say("dates are written with digits, year first, and with their year: {date}",
               date=f"{meant.isoformat()} {time}" if time else meant.isoformat())


def _date_spelt_otherwise(found: str, past: bool = False) -> str | None:
    """``2026/11/12``, ``2026-11-12 09``, ``12 janvier 2027``: the date (and time) to write."""
    if (year_first := _YEAR_FIRST.match(found)) is not None:
        year, month, day, rest = year_first.groups()
        return say("dates are written with dashes: {date}",
                   date=f"{year}-{int(month):02d}-{int(day):02d}{rest}")
    if (hour_only := _HOUR_ONLY.match(found)) is not None:
        return say("times are written HH:MM: {time}",
                   time=f"{hour_only.group(1)} {int(hour_only.group(2)):02d}:00")
    words = _date_in_words(found)
    if words is None:
        return None
    weekday, day, month, year, rest = words
    time = _time_of(rest) if rest.strip() else None  # `18 décembre à 11h40`: the time is readable too
    if year is None:  # `19 janvier`: the coming one (the last one, with past) is meant, but write the year
        coming = nearest_day(month, int(day), _weekday_number(weekday), past)
        if coming is None:
            return None
        date = coming.isoformat()
        if time is not None:
            return say("dates are written with digits, year first, and with their year: {date}",
                       date=f"{date} {time}")
        if rest.strip():
            return say("dates are written with digits, year first, and with their year: {date}, then the "
                       "time as HH:MM", date=date)
        return say("dates are written with digits, year first, and with their year: {date}", date=date)
    try:
        date = dt.date(int(year), month, int(day)).isoformat()
    except ValueError:  # `31 avril 2027`: no day to offer
        return None
    if time is not None:
        return say("dates are written with digits, year first: {date}", date=f"{date} {time}")
    if rest.strip():
        return say("dates are written with digits, year first: {date}, then the time as HH:MM", date=date)
    return say("dates are written with digits, year first: {date}", date=date)


#: The time after a date written in words: `à 11h40`, `9h`, `, 10:00`, `at 4:00 PM` (made 16:00 first).
_TIME_AFTER = re.compile(r"^(?:à|a|at)?\s*(\d{1,2})\s*(?:[hH]\s*(\d{2})?|[:.]\s*(\d{2}))\s*$")


def _time_of(rest: str) -> str | None:
    """The time a date in words ends with, as HH:MM; None when there is none to read."""
    found = _TIME_AFTER.match(_on_24_hours(rest.strip().lstrip(",").strip()))
    if found is None or int(found[1]) > 23 or int(found[2] or found[3] or 0) > 59:
        return None
    return f"{int(found[1]):02d}:{found[2] or found[3] or '00'}"
