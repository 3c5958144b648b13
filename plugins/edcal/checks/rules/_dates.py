"""Dates a post's text names, in the site's language: "mardi 16 mars", "du 16 au 19 mars", "March 16–19".

Only a day with its month is a date here (a weekday and a year may come with
them, a second day makes a range): a bare number, "mardi prochain" or "24/7"
is none. Addresses and hashtags are left out (``/2027/03/16/``, ``#16mars``).
A day and month without a year are read in the year that puts them nearest
the day the post goes out.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from edcal.dates import MONTH_FIRST_COUNTRIES
from edcal.i18n import DAYS, MONTHS
from edcal.plan.compose import HASHTAG, URL_IN_TEXT


@dataclass(frozen=True, slots=True)
class Written:
    """A date as a text writes it, before it is given a year."""

    #: The words, as written ("du 16 au 19 mars").
    text: str
    #: (day, month, year or None, weekday or None) of the first day, and of the last one of a range.
    first: tuple[int, int, int | None, int | None]
    last: tuple[int, int, int | None, int | None] | None = None


@dataclass(frozen=True, slots=True)
class NamedDate:
    """A date (or range of days) a text names, with its year."""

    text: str
    first: dt.date
    last: dt.date
    #: The days the text gives another weekday than their own ("mardi 18 mars" when the 18th is a Thursday).
    wrong_days: tuple[dt.date, ...] = ()


def _numbered(names: tuple[str, ...], first: int) -> dict[str, int]:
    """Each name's number, from ``first``, written in lower case with and without its accents."""
    plain = str.maketrans("éèêëûôâàîïç", "eeeeuoaaiic")
    return {spelling: number for number, name in enumerate(names, first)
            for spelling in (name.lower(), name.lower().translate(plain))}


#: Months' and weekdays' abbreviations, as calendars and agendas print them ("jeu. 18 mars", "16 janv.",
#: "Thu, Mar 18"). A French weekday's takes its dot: "mer" or "jeu" alone is a word.
_SHORT_MONTHS = {
    "fr": {"janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "déc": 12},
    "en": {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
           "Oct": 10, "Nov": 11, "Dec": 12},
}
_SHORT_WEEKDAYS = {
    "fr": {"lun": 0, "mar": 1, "mer": 2, "jeu": 3, "ven": 4, "sam": 5, "dim": 6},
    "en": {"Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3, "Fri": 4, "Sat": 5,
           "Sun": 6},
}


def _with_short(names: dict[str, int], short: dict[str, int]) -> dict[str, int]:
    plain = str.maketrans("éû", "eu")
    return {**names, **{spelling: number for name, number in short.items()
                        for spelling in (name.lower(), name.lower().translate(plain))}}


#: Months (1 to 12) and weekdays (0 for Monday) by name or abbreviation, without accents too ("fevrier",
#: "aout", "fevr"), by language.
_MONTHS = {code: _with_short(_numbered(names, 1), _SHORT_MONTHS[code]) for code, names in MONTHS.items()}
_WEEKDAYS = {code: _with_short(_numbered(names, 0), _SHORT_WEEKDAYS[code]) for code, names in DAYS.items()}

#: What the text holds that is no date of its: links (with or without ``https://``), hashtags, handles.
_NOT_WORDS = re.compile(URL_IN_TEXT.pattern + r"|(?<![\w@])[\w-]+(?:\.[\w-]+)+/\S*|" + HASHTAG.pattern
                        + r"|(?<![\w@/])@[\w.@-]+", re.IGNORECASE)


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


@functools.cache
def _patterns(code: str, month_first: bool) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """(quick looks for anything like a date, the dates) of a language."""
    full_months = {name: number for name, number in _MONTHS[code].items()
                   if name not in {short.lower() for short in _SHORT_MONTHS[code]}
                   and name not in {short.lower().replace("é", "e") for short in _SHORT_MONTHS[code]}}
    # "16 sept." (not "16 sept ans": seven); "16 sept 2027" too
    months = f"{_alternation(full_months)}|(?:{_alternation(_with_short({}, _SHORT_MONTHS[code]))})(?=\\.|\\s+\\d{{4}})"
    full_days = {name: number for name, number in _WEEKDAYS[code].items()
                 if name.rstrip(".") not in {short.lower() for short in _SHORT_WEEKDAYS[code]}}
    if code == "en":  # English writes its months with a capital: "we march 16 miles" names no day
        names = sorted((*MONTHS["en"], *_SHORT_MONTHS["en"]), key=len, reverse=True)
        months = "(?-i:" + "|".join(f"{name}|{name.upper()}" for name in names) + ")"
        shorts = sorted(_SHORT_WEEKDAYS["en"], key=len, reverse=True)
        weekdays = f"{_alternation(full_days)}|(?-i:{'|'.join(shorts)})\\.?"
    else:
        weekdays = f"{_alternation(full_days)}|(?:{_alternation(_SHORT_WEEKDAYS[code])})\\."
    numbers = 0

    the, of = (r"(?:the\s+)?", r"(?:of\s+)?") if code == "en" else ("", "")

    def parts(side: str, order: str, dated: bool = True) -> str:
        """A date written in ``order`` ("dm", "md", "d": no month), perhaps with a year (``dated``), its
        groups named by side (s, e) and number."""
        nonlocal numbers
        numbers += 1
        tag = f"{side}{numbers}"
        weekday = rf"(?:\b(?P<w{tag}>{weekdays}),?\s+)?"
        ordinal = "" if code == "fr" else "(?:st|nd|rd|th)?"
        day = rf"(?<![\w/:.,])(?P<d{tag}>{'1er|' if code == 'fr' else ''}3[01]|[12]\d|0?[1-9]){ordinal}"
        month = rf"(?P<m{tag}>{months})\b\.?"
        year = rf"(?:,?\s+(?P<y{tag}>\d{{4}})(?![\w/]))?" if dated else ""
        if order == "d":
            return weekday + the + day + r"(?![\w/])" + year
        if order == "md":
            return weekday + month + r"\s+" + day + r"(?![\w/]|:\d)" + year
        return weekday + the + day + r"\s+" + of + month + year

    # "16 et 17 mars" is a range, "le 16 mars et le 23 mars" two days.
    joining = (r"(?:\s*[-–—]\s*|\s+(?:au|et)\s+(?:le\s+)?)" if code == "fr" else
               r"(?:\s*[-–—]\s*|\s+(?:to|through|until|and)\s+)")
    between_dates = (r"(?:\s*[-–—]\s*|\s+au\s+(?:le\s+)?)" if code == "fr" else
                     r"(?:\s*[-–—]\s*|\s+(?:to|through|until)\s+)")
    opening = r"(?:\b(?:du|from|between)\s+)?"  # of a range: "du 16 au 19 mars", said whole
    forms = []
    if code == "en":  # "March 16–19, 2027" before "March 16": the longest date at a place
        forms.append(opening + parts("s", "md", dated=False) + joining + parts("e", "d"))
        forms.append(parts("s", "md") + f"(?:{between_dates}" + parts("e", "md") + ")?")
    # "16 mars", "16 mars au 2 avril"; "16 au 19 mars", "16–19 March"
    forms.append(parts("s", "dm") + f"(?:{between_dates}" + parts("e", "dm") + ")?")
    forms.append(opening + parts("s", "d", dated=False) + joining + parts("e", "dm"))
    numbers += 1  # a day and a month in figures: 16/03, 16/03/2027 (03/16 where the month comes first)
    first, second = ("m", "d") if month_first else ("d", "m")
    forms.append(rf"(?:\b(?P<ws{numbers}>{weekdays}),?\s+)?(?<![\w/.:,-])(?P<{first}s{numbers}>\d{{1,2}})/"
                 rf"(?P<{second}s{numbers}>\d{{1,2}})(?:/(?P<ys{numbers}>\d{{4}}))?(?![\w/])")
    dates = re.compile("|".join(f"(?:{form})" for form in forms), re.IGNORECASE)
    # A day in figures before a word or "/" and figures (or, in English, after a month): a scan for digits,
    # fast on the texts without any; then a closer look at what follows them (not "/2027/03/" in a link).
    suffix = "er" if code == "fr" else "st|nd|rd|th"
    digits = [re.compile(rf"[0-9](?:{suffix})?(?:\s+[^\W\d_]|/[0-9])")] + (
        [re.compile(rf"(?:{months})\.?\s+[0-9]")] if code == "en" else [])  # "Jan. 16" too
    of = r"(?:of\s+)?" if code == "en" else ""
    closer = re.compile(rf"[0-9](?:{suffix})?\s+{of}(?:{months})|(?<![\w/.])[0-9]{{1,2}}/[0-9]"
                        + (rf"|(?:{months})\.?\s+[0-9]" if code == "en" else ""), re.IGNORECASE)
    return (*digits, closer), dates


def written_dates(text: str, lang: str, country: str | None = None) -> tuple[Written, ...]:
    """The dates ``text`` writes, in language ``lang`` ("fr", "en"; another names none)."""
    code = lang.split("-")[0].split("_")[0].lower()
    if code not in ("fr", "en"):
        return ()
    return _written(text, code, (country or "").upper() in MONTH_FIRST_COUNTRIES)


def _written(text: str, code: str, month_first: bool) -> tuple[Written, ...]:
    (*digits, closer), dates = _patterns(code, month_first)
    if not any(digit.search(text) for digit in digits) or closer.search(text) is None:
        return ()
    text = _NOT_WORDS.sub(" ¤ ", text)
    found = []
    for match in dates.finditer(text):
        sides: dict[str, dict[str, str]] = {"s": {}, "e": {}}
        for name, value in match.groupdict().items():
            if value is not None:
                sides[name[1]][name[0]] = value
        first, last = _side(sides["s"], code), _side(sides["e"], code) if sides["e"] else None
        if first is None or (sides["e"] and last is None):
            continue
        if "m" in sides["s"] and not sides["s"]["m"].isalpha() and "y" not in sides["s"] \
                and not (len(sides["s"]["m"]) == 2 and len(sides["s"]["d"]) == 2):
            continue  # "9/10", "24/7": a score, a rate; a date in figures without a year is written 16/03
        found.append(Written(" ".join(match.group().split()), first, last))
    return tuple(found)


def _side(parts: dict[str, str], code: str) -> tuple[int, int, int | None, int | None] | None:
    """(day, month or 0 when the range's other side gives it, year or None, weekday or None)."""
    day = int(parts["d"].lower().removesuffix("er")) if "d" in parts else 0
    month_word = parts.get("m", "").lower()
    month = int(month_word) if month_word.isdigit() else _MONTHS[code].get(month_word.rstrip("."), 0)
    if not day or (month_word and not 1 <= month <= 12):
        return None
    weekday = _WEEKDAYS[code].get(parts["w"].lower().rstrip(".")) if "w" in parts else None
    return day, month, int(parts["y"]) if "y" in parts else None, weekday


def named_dates(text: str, lang: str, near: dt.date, country: str | None = None) -> list[NamedDate]:
    """The dates ``text`` names, each with its year: the one given, else the one nearest ``near``."""
    return with_years(written_dates(text, lang, country), near)


def with_years(found: tuple[Written, ...], near: dt.date) -> list[NamedDate]:
    """Dates as written, each with its year: the one given, else the one nearest ``near``."""
    result = []
    for written in found:
        first, last = written.first, written.last or written.first
        if not last[1] and last[0] <= first[0]:  # "March 16 and 3 others": one day
            written, last = Written(written.text, first), first
        # "du 16 au 19 mars": the first day takes the last one's month ("du 30 au 2 avril": the one before).
        month_first = first[1] or (last[1] if first[0] <= last[0] else last[1] - 1 or 12)
        month_last = last[1] or (month_first if last[0] >= first[0] else month_first % 12 + 1)
        year_last = last[2] if written.last else None
        year_first = first[2]
        wraps = (month_last, last[0]) < (month_first, first[0])
        if year_first is None and year_last is not None:
            year_first = year_last - wraps
        start = _day(year_first, month_first, first[0], near)
        if start is None:
            continue
        end = start if written.last is None else \
            _day(year_last or start.year + wraps, month_last, last[0], near)
        if end is None or end < start or (end - start).days > 366:
            continue
        wrong = tuple(day for (_, _, _, weekday), day in ((first, start), (last, end))
                      if weekday is not None and weekday != day.weekday())
        result.append(NamedDate(written.text, start, end, tuple(dict.fromkeys(wrong))))
    return result


def _day(year: int | None, month: int, day: int, near: dt.date) -> dt.date | None:
    """The day, in ``year`` or else the year that puts it nearest ``near``; None for no such day."""
    candidates = [year] if year is not None else [near.year - 1, near.year, near.year + 1]
    days = []
    for candidate in candidates:
        try:
            days.append(dt.date(candidate, month, day))
        except ValueError:
            continue
    return min(days, key=lambda d: abs((d - near).days)) if days else None
