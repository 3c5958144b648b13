"""Parsers for the time expressions people write in calendar.yaml and front matter.

Each parser takes the text as typed and returns a value, or raises
``ValueError`` with a message that says what was found and what was expected (a
:class:`~edcal.i18n.Message`, its ``args[0]``: keep it whole to translate it).
Weekday names and periods are accepted in English and French.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from dateutil.relativedelta import relativedelta

from edcal.dates import calendar_delta, figures_0_to_9, parse_date
from edcal.i18n import Message, say, say_cadence
from edcal.model.calendar import Offset, TimeUnit, When
from edcal.model.network import MOST_PER_DAY, Cadence, Slot

WEEKDAYS: dict[str, int] = {}
for _index, _names in enumerate(
    [
        ("mon", "monday", "lun", "lundi"),
        ("tue", "tues", "tuesday", "mar", "mardi"),  # Tues, Weds, Thur(s): English shortened otherwise
        ("wed", "weds", "wednesday", "mer", "mercredi"),
        ("thu", "thur", "thurs", "thursday", "jeu", "jeudi"),
        ("fri", "friday", "ven", "vendredi"),
        ("sat", "saturday", "sam", "samedi"),
        ("sun", "sunday", "dim", "dimanche"),
    ]
):
    for _name in _names:
        WEEKDAYS[_name] = _index
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_GROUPS = {
    "daily": frozenset(range(7)),
    "everyday": frozenset(range(7)),
    "weekdays": frozenset(range(5)),
    "weekends": frozenset({5, 6}),
}

_PERIODS = {
    "day": "day",
    "days": "day",
    "jour": "day",
    "jours": "day",
    "week": "week",
    "weeks": "week",
    "semaine": "week",
    "semaines": "week",
    "month": "month",
    "months": "month",
    "mois": "month",
}
_OFFSET_UNITS: dict[str, TimeUnit] = {
    "minute": "minutes",
    "minutes": "minutes",
    "min": "minutes",
    "hour": "hours",
    "hours": "hours",
    "h": "hours",
    "heure": "hours",
    "heures": "hours",
    "day": "days",
    "days": "days",
    "d": "days",
    "jour": "days",
    "jours": "days",
    "week": "weeks",
    "weeks": "weeks",
    "w": "weeks",
    "semaine": "weeks",
    "semaines": "weeks",
    "month": "months",
    "months": "months",
    "mois": "months",
}

#: ``09:30``, ``09:30:00``, ``09:30:00.000`` (what Decap CMS writes: the fraction is dropped), ``9h30``,
#: ``9H30``, ``10 h 30`` (French typography's spaced "h").
_TIME_RE = re.compile(r"^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?"
                      r"|[ \u00a0\u202f]?[hH][ \u00a0\u202f]?(\d{2})?)$")
#: "à 9h30", "at 09:30" between a date and its time, as people write them.
_AT_WORD = re.compile(r"^(?:à|at)\s+", re.IGNORECASE)
_DATETIME_RE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})(?:[T ]+(?P<rest>.+))?$",
)
_OFFSET_TZ_RE = re.compile(r"^(?P<time>[^+Z-]+?)(?P<tz>Z|[+-]\d{2}:?\d{2})?$")
_SLOT_NAME_RE = re.compile(r"^[^\W\d_][\w-]*\Z")


def parse_time(text: str) -> dt.time:
    """``HH:MM`` (or ``HH:MM:SS``), or the French ``12h30`` / ``9h``."""
    figures_0_to_9(text)
    text = text.strip()
    match = _TIME_RE.match(text)
    if not match:
        raise ValueError(say("found '{text}', expected a time as HH:MM (e.g. 09:30)", text=text))
    hour = int(match.group(1))
    minute = int(match.group(2) or match.group(4) or 0)
    second = int(match.group(3) or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(say("found '{text}', expected a time between 00:00 and 23:59", text=text))
    return dt.time(hour, minute, second)


def parse_utc_offset(text: str) -> dt.timedelta:
    if text == "Z":
        return dt.timedelta(0)
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        raise ValueError(say("found UTC offset '{text}', expected one between -12:00 and +14:00", text=text))
    return sign * dt.timedelta(hours=hours, minutes=minutes)


def parse_when(text: str, slot_names: frozenset[str] | None = None) -> When:
    """A publication time: ``2027-01-12``, ``2027-01-12 09:00``, ``2027-01-12T09:00+01:00``
    or ``2027-01-12 midi`` (a slot named in ``slots:``).

    :param slot_names: the slots the time may name; ``None`` where none may be named (an article's date).
    """
    figures_0_to_9(text)
    raw = text.strip()
    match = _DATETIME_RE.match(raw)
    if not match:
        raise ValueError(say("found '{text}', expected a date, YYYY-MM-DD, or a date and time, YYYY-MM-DD "
                             "HH:MM (e.g. 2027-01-12 or 2027-01-12 09:00)", text=raw))
    day = parse_date(match.group("date"))
    rest = _AT_WORD.sub("", (match.group("rest") or "").strip())
    if not rest:
        return When(day)
    if rest.lower() in (slot_names or frozenset()):
        return When(day, slot=rest.lower())
    tz_match = _OFFSET_TZ_RE.match(rest)
    if tz_match and _TIME_RE.match(tz_match.group("time").strip()):
        time = parse_time(tz_match.group("time"))
        offset = parse_utc_offset(tz_match.group("tz")) if tz_match.group("tz") else None
        return When(day, time=time, utc_offset=offset)
    if _SLOT_NAME_RE.match(rest.lower()):
        if slot_names is None:  # an article's date: a slot is the networks', not the blog's
            raise ValueError(say("found '{text}' after the date, expected a time (HH:MM)", text=rest))
        known = ", ".join(sorted(slot_names)) or say("none are defined")
        raise ValueError(say("found '{text}' after the date, expected a time (HH:MM) or a slot named in "
                             "slots: ({known})", text=rest, known=known))
    raise ValueError(say("found '{text}', expected YYYY-MM-DD HH:MM (e.g. 2027-01-12 09:00)", text=raw))


def parse_anchored(day: dt.date, rest: str, slot_names: frozenset[str] | None = None) -> When:
    """What follows a key date's id in a post's time: nothing (its first day, at each network's
    slot), a time or a slot (``09:00``, ``midi``), or an offset in days, weeks or months with an
    optional time (``-7 days``, ``+1 day at 18:00``).

    :param day: the key date's first day.
    """
    rest = " ".join(rest.split())
    if not rest:
        return When(day)
    refused = say("found '{text}', expected a time (HH:MM), a slot ({slots}) or an offset such as '-7 days' "
                  "or '-1 day at 18:00'", text=rest, slots=", ".join(sorted(slot_names))) if slot_names \
        else say("found '{text}', expected a time (HH:MM), a slot or an offset such as '-7 days' or '-1 day "
                 "at 18:00'", text=rest)
    if rest[0] not in "+-":
        try:
            return parse_when(f"{day.isoformat()} {rest}", slot_names)
        except ValueError:
            raise ValueError(refused) from None
    try:
        offset = parse_offset(rest, slot_names)
    except OffsetTooFar:
        raise
    except ValueError:
        slip = unit_slip(rest)
        if slip is not None:
            raise UnitSlip(refused, *slip) from None
        raise ValueError(refused) from None
    if offset.unit in ("minutes", "hours"):
        raise ValueError(say("found '{text}', expected an offset in days, weeks or months (a key date is a "
                             "day)", text=rest))
    moved = day + calendar_delta(offset.amount, offset.unit)
    return When(moved, time=offset.time, slot=offset.slot)


def parse_weekdays(text: str) -> frozenset[int]:
    """``tue``, ``mon-fri``, ``tue,thu``, ``weekdays``, ``daily`` (English or French); a day two of its parts
    give (``thu, thu``, ``mon-fri, wed``) is an error: it would be read once, the other dropped."""
    written = text.strip()
    if written.lower() in DAY_GROUPS:
        return DAY_GROUPS[written.lower()]
    days: dict[int, str] = {}  # each day, and the part that gave it first
    for part in (part.strip() for part in written.split(",")):
        given = _weekdays_of_part(part.lower())
        again = next((days[day] for day in given if day in days), None)
        if again is not None:
            raise ValueError(say("found '{part}' in '{text}', a day given already by '{first}'", part=part,
                                 text=written, first=again), say("remove it: each day is written once"))
        days.update(dict.fromkeys(given, part))
    return frozenset(days)


def _weekdays_of_part(part: str) -> list[int]:
    """One day (``tue``) or a range of them (``mon-fri``) of a list of weekdays."""
    if "-" not in part:
        return [_weekday(part)]
    first, _, last = part.partition("-")
    if not first.strip() or not last.strip():  # -1, mon-: no range; told as written, not as ''
        raise ValueError(say("found '{text}', expected a weekday (mon, tue, wed, thu, fri, sat, sun)",
                             text=part))
    index, end = _weekday(first), _weekday(last)
    days = [index]
    while index != end:
        index = (index + 1) % 7
        days.append(index)
    return days


def _weekday(name: str) -> int:
    name = name.strip().lower().rstrip(".")
    if name not in WEEKDAYS:
        close = difflib.get_close_matches(name, [*WEEKDAYS, *DAY_GROUPS], n=1, cutoff=0.7)
        if close:
            raise ValueError(say("found '{text}', expected a weekday (mon, tue, wed, thu, fri, sat, sun); "
                                 "did you mean '{match}'?",
                                 text=name, match=close[0]))
        raise ValueError(say("found '{text}', expected a weekday (mon, tue, wed, thu, fri, sat, sun)",
                             text=name))
    return WEEKDAYS[name]


def parse_slot(text: str) -> Slot:
    """A default posting slot: ``tue 09:00``, ``mon-fri 08:30``, ``daily 12h``."""
    figures_0_to_9(text)
    raw = " ".join(text.split())
    days, _, time = raw.rpartition(" ")
    if not days:
        raise ValueError(say("found '{text}', expected weekdays and a time, e.g. 'tue 09:00' or 'mon-fri "
                             "08:30'", text=raw))
    weekdays = parse_weekdays(days)
    if re.fullmatch(r"[^\W\d_]+", time):  # `weekdays midi`: a named slot of the site
        raise ValueError(say("found '{text}' in a network's slot, expected a time as HH:MM (e.g. 12:15): a "
                             "network's slots take times, not the site's named slots", text=time))
    return Slot(weekdays, parse_time(time), raw)


#: Counts written in words: ``twice a week``, ``deux fois par semaine``.
_COUNT_WORDS = {
    "once": 1, "twice": 2, "thrice": 3,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10,
}
#: Words that count times (a cadence's ``twice a week``), not lengths (no ``+twice weeks``).
_TIMES_WORDS = frozenset({"once", "twice", "thrice"})
#: ``a week``, an offset's; a cadence's ``a`` is "per" (``twice a week``), never a count (no ``a/week``).
_ARTICLES = {"a": 1, "an": 1}


def count_of(written: str, offset: bool = False) -> int | None:
    """A count written in figures or in words (``2``, ``une``, ``two``), or None: a cadence's (``twice``
    too), or an ``offset``'s (``a`` too: ``a week``)."""
    if written.isdecimal():  # not isdigit(): int() refuses a superscript figure (²)
        return int(written)
    word = written.lower()
    if offset:
        return _ARTICLES.get(word) or (None if word in _TIMES_WORDS else _COUNT_WORDS.get(word))
    return _COUNT_WORDS.get(word)
#: ``weekly``, ``hebdomadaire``: once per period.
_EVERY_PERIOD = {
    "daily": "day", "weekly": "week", "monthly": "month",
    "every day": "day", "every week": "week", "every month": "month",
    "each day": "day", "each week": "week", "each month": "month",
    "quotidien": "day", "quotidienne": "day", "hebdomadaire": "week",
    "mensuel": "month", "mensuelle": "month",
    "tous les jours": "day", "toutes les semaines": "week", "tous les mois": "month",
    "chaque jour": "day", "chaque semaine": "week", "chaque mois": "month",
}
_CADENCE_RE = re.compile(
    r"^(?P<count>\d+|[a-z]+)\s*"
    r"(?:(?:x|fois|times?)\s*)?"                        # 2 fois, 2 times, 2x
    r"(?:/|(?:per|par|a|an|each|every|chaque|la|le)\s)\s*"  # per week, par semaine, a week, la semaine
    r"(?P<period>[a-z]+)$"
)
#: ``every 2 weeks``, ``toutes les deux semaines``, ``tous les 15 jours``, ``une fois toutes les deux
#: semaines``, ``once every two weeks``: a span between posts, not a count.
_SPAN_RE = re.compile(r"^(?:(?:\d+|[a-z]+)\s+(?:fois|times?)\s+|once\s+)?"
                      r"(?:every|tou(?:te)?s les)\s+(?:\d+|[a-z]+)\s+[a-z]+$")

#: Once every two weeks, as English and French teams say it: ``fortnightly``, ``quinzaine``.
FORTNIGHTLY = frozenset({"fortnight", "fortnightly", "every fortnight",
                         "once a fortnight", "once per fortnight", "each fortnight", "every other week",
                         "quinzaine", "par quinzaine", "une fois par quinzaine"})

#: Every two months, and twice a month: ``bimestriel`` is the one, ``semi-monthly`` the other, ``bimonthly``
#: either (English dictionaries give both readings).
EVERY_OTHER_MONTH = frozenset({"bimestriel", "bimestrielle", "every other month", "every two months"})
TWICE_A_MONTH = frozenset({"semi-monthly", "semimonthly", "twice monthly", "twice a month"})
BIMONTHLY = frozenset({"bimonthly", "bi-monthly", "bi monthly"})
#: Every two weeks, and twice a week: English dictionaries give both readings.
BIWEEKLY = frozenset({"biweekly", "bi-weekly", "bi weekly"})
#: Twice a week and twice a month by French dictionaries, and said for every two weeks and every two months
#: (``bimensuel`` for ``bimestriel``) as often.
BIHEBDOMADAIRE = frozenset({"bihebdomadaire", "bi-hebdomadaire", "bihebdo"})
BIMENSUEL = frozenset({"bimensuel", "bimensuelle", "bi-mensuel", "bi-mensuelle"})
#: A year as said (``every: year``, ``repeat: tous les ans``, ``once a year``).
YEAR_WORDS = frozenset({"year", "years", "yearly", "annual", "annually", "an", "ans", "année", "années",
                        "annee", "annees", "annuel", "annuelle", "annuellement"})


def _less_than_monthly(lowered: str) -> bool:
    """``bimestriel``, ``tous les deux mois``, ``once a year``, ``6/year``: fewer posts than a cadence
    counts."""
    words = lowered.replace("/", " / ").split()
    if lowered in EVERY_OTHER_MONTH or lowered in YEAR_WORDS:
        return True
    if not words:
        return False
    if words[-1] in YEAR_WORDS:  # once a year, tous les ans, 6 fois par an; not 52 fois par an
        return (count_of(words[0]) or 1) < 12
    return bool(_SPAN_RE.match(lowered)) and words[-1] in ("month", "months", "mois") \
        and (count_of(words[-2]) or 0) > 1


def _per_year_hint(count: int) -> str:
    """What ``52 fois par an`` is as a cadence counts: per day, week or month (a post a month or more: less is
    told by :func:`_less_than_monthly`), rounded to the nearest whole count."""
    days, period = next((days, period) for days, period in ((365, "day"), (52, "week"), (12, "month"))
                        if count >= days)
    per = max(1, int(count / days + 0.5))
    written = {"day": say("'{count}/day'", count=per), "week": say("'{count}/week'", count=per),
               "month": say("'{count}/month'", count=per)}[period]
    if per * days == count:
        return say("a cadence counts posts per day, week or month: {count} a year is {written}", count=count,
                   written=written)
    return say("a cadence counts posts per day, week or month: {count} a year is about {written}",
               count=count, written=written)


def parse_cadence(text: str) -> Cadence:
    """A regularity target: a count per day, week or month, as people write it: ``2/week``, ``2 per week``,
    ``twice a week``, ``once a month``, ``weekly``; ``2 fois par semaine``, ``3 par mois``, ``une fois par
    jour``, ``2/semaine``.

    :raises ValueError: with the message, and a hint as its second argument.
    """
    figures_0_to_9(text)
    raw = " ".join(str(text).split())
    lowered = raw.lower().rstrip(".")
    if lowered in _EVERY_PERIOD:
        period = _EVERY_PERIOD[lowered]
        return Cadence(1, period, f"1/{period}")  # type: ignore[arg-type]
    negative = lowered.startswith("-")  # -2/week: told as 0/week is
    match = _CADENCE_RE.match(lowered.removeprefix("-").lstrip())
    written = match.group("count") if match else ""
    # 5,000 digits: more than any ceiling, read without Python's limit on converting them (its zeros ahead
    # are no digits of its count).
    too_long = written.isdecimal() and len(written.lstrip("0")) > 9
    count = MOST_PER_DAY * 28 + 1 if too_long else count_of(written)
    none_per_period = match is not None and count is not None and (count < 1 or negative)
    if none_per_period and match is not None and match.group("period") in (*_PERIODS, *YEAR_WORDS):
        raise ValueError(say("found '{text}', expected at least 1 per period", text=raw),
                         say("to set no regularity target, remove `cadence:`"))
    if match is None or count is None or match.group("period") not in _PERIODS:
        message = say("found '{text}', expected a count per day, week or month", text=raw)
        if lowered in BIWEEKLY:
            raise ValueError(message, say("'{found}' is said for every two weeks and for twice a week: write "
                                          "'2/month' for every two weeks, '2/week' for twice a week",
                                          found=raw))
        if lowered in BIHEBDOMADAIRE:
            raise ValueError(message, say("'{found}' means twice a week, and is said for every two weeks "
                                          "too: write '2/week' for twice a week, '2/month' for every two "
                                          "weeks", found=raw))
        if lowered in BIMENSUEL:
            raise ValueError(message, say("'{found}' means twice a month, and is said for every two months "
                                          "too: write '2/month' for twice a month; every two months is less "
                                          "than a post a month, which a cadence does not count: leave "
                                          "cadence: out", found=raw))
        if _less_than_monthly(lowered):
            raise ValueError(message, say("'{found}' is less than a post a month, which a cadence does not "
                                          "count: leave cadence: out", found=raw))
        if match is not None and count is not None and not too_long and match.group("period") in YEAR_WORDS:
            raise ValueError(message, _per_year_hint(count))
        if _SPAN_RE.match(lowered) or lowered in FORTNIGHTLY:
            raise ValueError(message, say("a cadence counts posts per day, week or month, not the time "
                                          "between them: for every two weeks, write '2/month'"))
        raise ValueError(message, say("write it as 'twice a week', 'once a month', '2 per week' or "
                                      "'2/week'"))
    period = _PERIODS[match.group("period")]
    cadence = Cadence(count, period, f"{count}/{period}")  # type: ignore[arg-type]
    most = cadence.most(MOST_PER_DAY)
    if count > most.count:
        raise ValueError(say("found cadence '{text}', expected at most {most}: a post a minute, day and "
                             "night", text=raw if len(raw) <= 40 else raw[:40] + "…", most=say_cadence(most)),
                         say("a cadence is the posts the team plans per day, week or month, e.g. '2/week' or "
                             "'3 per day'"))
    return cadence


#: ``+2 days``, ``-1 day at 18:00``; the count in words too, as cadences take it (``+une semaine``).
_OFFSET_RE = re.compile(
    r"^(?P<sign>[+-])\s*(?:(?P<amount>\d+)\s*|(?P<word>[a-z]+)\s+)(?P<unit>[a-z]+)"
    r"(?:\s+(?:at|à|a)\s+(?P<at>\S+))?$"
)
_AT_PUBLICATION = {"at publication", "publication", "à la publication", "a la publication", "+0"}
#: Publication itself as people say it, told to write ``at publication``.
_PUBLICATION_SAID = {"on publication", "upon publication", "when published", "on release", "at launch",
                     "on the day", "same day", "immediately", "now", "dès publication", "dès la publication",
                     "à publication", "a publication", "lors de la publication", "le jour de la publication",
                     "à la parution", "dès parution", "immédiatement", "le jour même"}
#: An offset as said, unsigned: ``3 days later``, ``in 3 days``, ``2 days after publication``,
#: ``a week later at 12:00``, ``1 day before``; ``3 jours plus tard``, ``dans 2 semaines à 12h``.
_OFFSET_SAID = re.compile(
    r"^(?:(?P<ahead>in|dans)\s+)?(?P<count>\d+|[^\W\d_]+)\s+(?P<unit>[^\W\d_]+)"
    r"(?:\s+(?P<way>later|after|afterwards|plus tard|après|apres|before|earlier|avant|plus tôt))?"
    r"(?:\s+(?:the\s+|la\s+)?(?:publication|publishing|release|launch|parution))?"
    r"(?:\s+(?P<at_word>at|à|a)\s+(?P<at>\S+))?$"
)
_BEFORE = {"before", "earlier", "avant", "plus tôt"}
#: As far as the plan ever looks ahead, ten years: a longer offset or recurrence horizon is a typo.
MAX_HORIZON_DAYS = 3660


def beyond_horizon(amount: int, unit: TimeUnit) -> bool:
    """Whether ``amount`` units reach further than ten years, as the calendar counts them from a day."""
    if unit in ("minutes", "hours"):
        return abs(amount) / (1440 if unit == "minutes" else 24) > MAX_HORIZON_DAYS
    reference = dt.date(2000, 1, 1)
    try:
        return abs((reference + calendar_delta(amount, unit) - reference).days) > MAX_HORIZON_DAYS
    except (OverflowError, ValueError):  # beyond year 9999
        return True


class OffsetTooFar(ValueError):
    """An offset beyond ten years (``+3000000 days``): a typo, which no date could be moved by."""

    def __init__(self, message: Message, hint: Message):
        super().__init__(message)
        self.hint = hint


class UnitSlip(ValueError):
    """An offset whose unit is a slip of one edcal reads (``-1 wek``): the unit, and the offset with it."""

    def __init__(self, message: Message, unit: str, step: str):
        super().__init__(message)
        self.unit = unit
        self.step = step


#: The units an offset's misspelt one is compared with (one letter, ``w``, is no word to suggest).
_UNIT_WORDS = tuple(unit for unit in _OFFSET_UNITS if len(unit) > 2)


def unit_slip(text: str) -> tuple[str, str] | None:
    """The unit a signed offset's unknown one is a slip of (``-1 wek``: ``week``), and the offset with it."""
    match = _OFFSET_RE.match(" ".join(text.split()).lower())
    if match is None or match.group("unit") in _OFFSET_UNITS:
        return None
    found = difflib.get_close_matches(match.group("unit"), _UNIT_WORDS, n=1, cutoff=0.6)
    if not found:
        return None
    written = match.group(0)
    return found[0], written[:match.start("unit")] + found[0] + written[match.end("unit"):]


def parse_offset(text: str, slot_names: frozenset[str] | None = None) -> Offset:
    """A time relative to an article's publication.

    ``at publication``, ``+2 days``, ``+2 days at 12:00``, ``+1 week at midi``,
    ``-1 day at 18:00``, ``+3 hours``; the count in words as a cadence's (``+une semaine``,
    ``+a week``). Days, weeks and months keep the
    wall-clock time across a daylight-saving change; hours and minutes count
    elapsed time.
    """
    figures_0_to_9(text)
    raw = " ".join(text.split())
    lowered = raw.lower()
    if lowered in _AT_PUBLICATION:
        return Offset(label="at publication")
    match = _OFFSET_RE.match(lowered)
    amount = count_of(match.group("amount") or match.group("word"), offset=True) if match else None
    if not match or match.group("unit") not in _OFFSET_UNITS or amount is None:
        message = say("found '{text}', expected 'at publication' or a signed offset such as '+2 days', "
                      "'+2 days at 12:00', '+1 week' or '-1 day at 18:00'", text=raw)
        hint = _offset_hint(lowered, slot_names)
        raise ValueError(message, hint) if hint else ValueError(message)
    unit = _OFFSET_UNITS[match.group("unit")]
    if beyond_horizon(amount, unit):  # a typo: added to a date, it could leave the calendar
        raise OffsetTooFar(say("found '{text}', an offset of more than ten years", text=raw),
                           say("an offset is in days, weeks or months, of ten years at most: e.g. '+2 days'"))
    if match.group("sign") == "-":
        amount = -amount
    at = match.group("at")
    time = slot = None
    if at:
        if unit in ("minutes", "hours"):
            raise ValueError(say("found '{text}': 'at' only follows days, weeks or months", text=raw))
        if at in (slot_names or frozenset()):
            slot = at
        else:
            time = parse_time(at)
    return Offset(label=raw, amount=amount, unit=unit, time=time, slot=slot)


def _offset_hint(lowered: str, slot_names: frozenset[str] | None) -> Message | None:
    """The step to write for an offset said in words (``on publication``, ``3 days later``), or with its
    unit misspelt (``+1 wek``), when it is one edcal takes."""
    if lowered in _PUBLICATION_SAID:
        return say("write 'at publication'")
    slip = unit_slip(lowered)
    if slip is not None:
        return say("did you mean '{unit}'? write '{step}'", unit=slip[0], step=slip[1])
    said = _OFFSET_SAID.match(lowered)
    if said is None or (said.group("ahead") and said.group("way") in _BEFORE):
        return None
    amount = count_of(said.group("count"), offset=True)
    if amount is None:
        return None
    sign = "-" if said.group("way") in _BEFORE else "+"
    step = f"{sign}{amount} {said.group('unit')}"
    if said.group("at"):
        step += f" {said.group('at_word')} {said.group('at')}"
    try:
        parse_offset(step, slot_names)
    except ValueError:
        return None
    return say("write '{step}'", step=step)


#: The last day of the month as a monthly rule's ``on:`` takes it in words, as ``-1``.
LAST_DAY_WORDS = frozenset({"last", "last day", "the last day", "dernier", "dernier jour", "le dernier jour"})


def parse_monthly_position(text: str) -> tuple[int, int | None]:
    """``first tue``, ``last fri``, ``2nd mon``, a day of the month ``15``, or the last one (``-1``,
    ``last``).

    Returns ``(position, weekday)`` for a weekday, ``(day, None)`` for a day.
    """
    figures_0_to_9(text)
    raw = " ".join(str(text).split()).lower()
    if raw.isdigit() or (raw.startswith("-") and raw[1:].isdigit()):
        day = int(raw)
        if not (1 <= day <= 31 or -31 <= day <= -1):
            raise ValueError(say("found '{text}', expected a day of the month between 1 and 31", text=raw))
        return day, None
    if raw in LAST_DAY_WORDS:  # the day a writer told that February has no 31st reaches for
        return -1, None
    positions = {
        "first": 1, "1st": 1, "premier": 1, "second": 2, "2nd": 2, "deuxième": 2,
        "third": 3, "3rd": 3, "troisième": 3, "fourth": 4, "4th": 4, "quatrième": 4,
        "last": -1, "dernier": -1,
    }  # fmt: skip
    words = raw.split()
    if len(words) == 2 and words[0] in positions:
        return positions[words[0]], _weekday(words[1])
    message = say("found '{text}', expected a day of the month (15) or a weekday position ('first tue', "
                  "'last fri')", text=raw)
    ordinal = _DAY_ORDINAL.fullmatch(raw)
    day = int(ordinal.group("day") or 1) if ordinal else 0
    if 1 <= day <= 31:  # `1st`, `the 15th`, `1er`: a day of the month as English and French write it
        raise ValueError(message, say("a day of the month is written as a number: on: {day} (a weekday's "
                                      "place in the month, the first Tuesday, is on: first tue)", day=day))
    raise ValueError(message)


#: A day of the month written as an ordinal: ``1st``, ``the 15th``, ``1er``, ``first``, ``the first day``.
_DAY_ORDINAL = re.compile(r"(?:the |le )?(?:(?P<day>\d{1,2})(?:st|nd|rd|th|er|e|ème)|first|premier)"
                          r"(?: day| jour)?(?: of the month| du mois)?")


#: The longest duration (a reminder, an event's length) and span (a horizon, a window) a setting takes:
#: 99999999999 hours overflowed Python's dates, a traceback in the middle of writing the feeds.
MAX_DURATION_MINUTES = 366 * 24 * 60
MAX_SPAN_DAYS = 1000 * 366


def parse_duration_minutes(text: str) -> int:
    """``15 minutes``, ``1 hour``, ``30m``, ``PT15M``: a short duration in minutes (a year at most)."""
    figures_0_to_9(text)
    raw = str(text).strip().lower()
    iso = re.match(r"^pt(?:(\d+)h)?(?:(\d+)m)?$", raw)
    match = re.match(r"^(\d+)\s*([a-z]+)$", raw)
    if iso and (iso.group(1) or iso.group(2)):
        minutes = int(iso.group(1) or 0) * 60 + int(iso.group(2) or 0)
    elif match and _OFFSET_UNITS.get(match.group(2)) in ("minutes", "hours"):
        minutes = int(match.group(1)) * (60 if _OFFSET_UNITS[match.group(2)] == "hours" else 1)
    elif match and match.group(2) == "m":
        minutes = int(match.group(1))
    else:
        raise ValueError(say("found '{text}', expected a duration such as '15 minutes' or '1 hour'",
                             text=text))
    if minutes > MAX_DURATION_MINUTES:
        raise ValueError(say("found '{text}', expected a year at most", text=text))
    return minutes


def parse_poll_duration(text: str) -> int:
    """How long a poll is open, in minutes: a duration (``5 minutes``, ``2h``, ``PT30M``), or days and weeks
    (``1 day``, ``3 jours``, ``1 week``, ``2 semaines``, ``P3D``, ``P1W``, ``P1DT12H``); a year at most."""
    figures_0_to_9(text)
    raw = " ".join(str(text).split()).lower()
    iso = re.match(r"^p(?:(\d+)w)?(?:(\d+)d)?(?:t(?:(\d+)h)?(?:(\d+)m)?)?$", raw)
    match = re.match(r"^(\d+)\s*([a-z]+)$", raw)
    if iso and any(iso.groups()) and not (raw.endswith("t")):
        weeks, days, hours, minutes = (int(part or 0) for part in iso.groups())
        total = ((weeks * 7 + days) * 24 + hours) * 60 + minutes
    elif match and _OFFSET_UNITS.get(match.group(2)) in ("days", "weeks"):
        total = int(match.group(1)) * 24 * 60 * (7 if _OFFSET_UNITS[match.group(2)] == "weeks" else 1)
    else:
        try:
            return _positive(parse_duration_minutes(text), text)
        except ValueError:
            raise ValueError(say("found '{text}', expected a duration such as '2 hours', '1 day' or '1 week'",
                                 text=text),
                             say("write a number of minutes, hours, days or weeks, e.g. '3 days' or "
                                 "'1 week' (months and years are not taken: a network keeps a poll open "
                                 "30 days at most)")) from None
    if total > MAX_DURATION_MINUTES:
        raise ValueError(say("found '{text}', expected a year at most", text=text))
    return _positive(total, text)


def _positive(minutes: int, text: str) -> int:
    if minutes <= 0:
        raise ValueError(say("found '{text}', expected a duration such as '2 hours', '1 day' or '1 week'",
                             text=text))
    return minutes


#: Days in a span's unit, for :func:`parse_days` (a window, a distance between two posts) and for bounds.
_SPAN_DAYS = {"days": 1, "weeks": 7, "months": 30, "years": 365}


def parse_days(text: str) -> int:
    """A span in days: ``14 days``, ``2 weeks``, ``6 months`` (30 days each), ``1 year`` (365 days)."""
    amount, unit = _span(text)
    return amount * _SPAN_DAYS[unit]


def parse_span(text: str) -> relativedelta:
    """A span as the calendar counts it, from a given moment: ``14 days``, ``2 weeks``, ``3 months`` (from
    15 May, back to 15 February), ``1 year``. Days and weeks keep the time of day across a change of clocks
    when added in the site's zone."""
    amount, unit = _span(text)
    if unit == "years":
        return relativedelta(years=amount)
    return relativedelta(months=amount) if unit == "months" else relativedelta(days=amount * _SPAN_DAYS[unit])


def _span(text: str) -> tuple[int, str]:
    """A span's amount and unit (``days``, ``weeks``, ``months``, ``years``), bounded."""
    figures_0_to_9(text)
    raw = str(text).strip().lower()
    match = re.match(r"^(\d+)\s*([a-z]+)$", raw)
    if match:
        amount, written = int(match.group(1)), match.group(2)
        unit = "years" if written in ("year", "years", "an", "ans") else _OFFSET_UNITS.get(written, "")
        if unit in _SPAN_DAYS:
            _bounded_span(amount * _SPAN_DAYS[unit], text)
            return amount, unit
    if raw.isdigit():
        _bounded_span(int(raw), text)
        return int(raw), "days"
    raise ValueError(say("found '{text}', expected a span such as '14 days', '2 weeks' or '6 months'",
                         text=text))


def _bounded_span(days: int, text: str) -> int:
    if days > MAX_SPAN_DAYS:
        raise ValueError(say("found '{text}', expected a thousand years at most", text=text))
    return days
