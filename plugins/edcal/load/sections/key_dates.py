"""Key dates: the `key_dates:` section, and the dates and times entries write, which may be relative
to a key date (``salon-industrie -7 days at 18:00``, ``salon-industrie end``); a key date named by its
name rather than its id, or mistyped, gets a hint."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re

from edcal import clock, public_holidays
from edcal.errors import did_you_mean, message_of
from edcal.hints import dot_time_hint, twelve_hour_hint, value_hint
from edcal.i18n import say
from edcal.load import timeparse
from edcal.load.sections._reading import (
    Document,
    Reading,
    collision,
    first_at,
    key_of,
    left_out,
    source_of,
    value_of,
)
from edcal.model.calendar import Calendar, KeyDate, When, plain_name
from edcal.model.source import Source
from edcal.zones import WallClockError, at_offset, localize

#: A key date id that a date would be read as (``2027-01-19``): refused.
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}(?:-\d{1,2})?$|^\d{1,2}-\d{1,2}-\d{4}$|^\d{8}$")


def read_key_dates(reading: Reading, documents: list[Document]) -> None:
    calendar = reading.calendar
    for doc in documents:
        for spec in doc.spec.key_dates:
            source = source_of(spec.loc)
            if spec.id in calendar.key_dates:
                collision(source, say("key date '{id}' is defined twice (first at {path}:{line})",
                                      id=spec.id, **first_at(calendar.key_dates[spec.id].source)),
                          reading.errors)
                continue
            if _DATE_LIKE.match(spec.id):
                reading.errors.add(value_of(spec.loc, "id"),
                                   say("found key date id '{id}', which reads as a date: posts' dates would "
                                       "mean it", id=spec.id),
                                   say("give it a name, e.g. salon-2027"))
                continue
            # After an error of its own, the key date is kept with the days it seems to mean (`on:`
            # read as `from:`; `from` and `until` swapped), so that the posts written relative to it
            # are read, and report their own errors only; the build stops on its error anyway.
            if spec.on is not None and (spec.from_ is not None or spec.until is not None):
                both = "from" if spec.from_ is not None else "until"
                reading.errors.add(key_of(spec.loc, both),
                                   say("found both `on:` and `{field}:`, expected `on:` alone, or `from:` "
                                       "and `until:`", field=both),
                                   say("on: for one day; from: and until: for several"))
            start = spec.from_ or spec.on
            if start is None and any(left_out(reading, spec.loc, name) for name in ("on", "from")):
                reading.failed_key_dates.add(spec.id.lower())  # its day was refused and told where written
                continue
            if start is None:
                reading.errors.add(source, say("key date '{id}' has no day", id=spec.id),
                                   say("add `on: YYYY-MM-DD`, or `from:` and `until:` for several days"))
                reading.failed_key_dates.add(spec.id.lower())
                continue
            end = spec.until or start
            # `on:` with `until:` before it is the error above, said once: there is no `from` to swap.
            if end < start and (spec.from_ is not None or spec.on is None):
                reading.errors.add(value_of(spec.loc, "until"),
                                   say("key date '{id}' ends ({end:%Y-%m-%d}) before it starts "
                                       "({start:%Y-%m-%d})",
                                       id=spec.id, end=end, start=start),
                                   say("swap `from` and `until`"))
            if end < start:
                start, end = end, start
            bounds = (("on", spec.on), ("from", spec.from_), ("until", spec.until))
            written = {name: value_of(spec.loc, name) for name, value in bounds if value is not None}
            calendar.key_dates[spec.id] = KeyDate(spec.id, spec.name, start, end, source,
                                                  spec.description, written)


def read_when(reading: Reading, text: str | None, where: Source) -> When | None:
    """A date and time as :func:`_parse_when` reads it; None (after an error at ``where``) for another
    value."""
    if text is None:
        return None
    try:
        return _parse_when(reading, text)
    except KeyDateError as exc:
        if exc.message is not None:
            reading.errors.add(where, exc.message, exc.hint)
        return None
    except ValueError as exc:
        reading.errors.add(where, message_of(exc), value_hint(text, str(exc)))
        return None


def instant_of(reading: Reading, when: When, where: Source) -> dt.datetime | None:
    """The instant a day written with a time or a slot stands for, in the site's zone (or at its written
    UTC offset); None, after an error at ``where``, for a wall-clock time the day skips or repeats."""
    calendar = reading.calendar
    naive = dt.datetime.combine(when.date, when.time or calendar.slots[when.slot or ""])
    try:
        if when.utc_offset is not None:
            return at_offset(naive, when.utc_offset, calendar.zone)
        return localize(naive, calendar.zone)
    except WallClockError as exc:
        reading.errors.add(where, message_of(exc), exc.hint)
        return None


def _parse_when(reading: Reading, text: str) -> When:
    """A date and time as :func:`timeparse.parse_when` reads it, or a key date's id (``end`` for
    its last day) with a time, a slot or an offset in days, weeks or months:
    ``salon-industrie -7 days at 18:00``, ``salon-industrie end +1 day``.

    :raises ValueError: a value that is neither.
    """
    calendar = reading.calendar
    word, _, rest = text.strip().partition(" ")
    key_date = calendar.key_dates.get(word.lower())
    if key_date is None and word.lower() in reading.failed_key_dates:
        # A key date with no day (its error said so): what follows its id is still read.
        key_date = KeyDate(word.lower(), word, _SOME_DAY, _SOME_DAY, Source("", 0))
    if key_date is not None:
        day = key_date.start
        first, _, after = rest.strip().partition(" ")
        if first.lower() in ("end", "fin"):
            day, rest = key_date.end, after
        try:
            when = timeparse.parse_anchored(day, rest, frozenset(calendar.slots))
        except ValueError as exc:
            name = key_date.id
            examples = say("e.g. {id} -7 days, {id} -1 day at 18:00, {id} 09:00, {id} end +1 day",
                           id=name)
            if isinstance(exc, timeparse.UnitSlip):  # `launch -1 wek`
                head = text.strip()[:text.strip().rfind(rest.strip())].strip()
                examples = say("did you mean '{unit}'? write '{step}'", unit=exc.unit,
                               step=f"{head} {exc.step}")
            raise KeyDateError(say("after key date '{id}': {problem}", id=key_date.id,
                                   problem=message_of(exc)),
                               exc.hint if isinstance(exc, timeparse.OffsetTooFar)
                               else _named_key_date(text, calendar) or twelve_hour_hint(text.strip())
                               or dot_time_hint(text.strip()) or examples) from None
        if key_date.id not in calendar.key_dates:
            raise KeyDateError(None, None)  # the key date's own error is reported
        return dataclasses.replace(when, key_date=key_date.id)
    try:
        return timeparse.parse_when(text, frozenset(calendar.slots))
    except ValueError as exc:
        meant = _key_date_hint(text, calendar)
        named, after = _written_name(text)
        holiday = _holiday_hint(reading, named, after)
        # A word no date starts with (a letter), or a key date's id mistyped (14-juillett); not a
        # date written otherwise ("mardi 2 mars 2027 9h", "2027-02-30"): its own message and hint.
        if not ((_KEY_DATE_LIKE.match(word) and not value_hint(text, "expected a date")) or meant):
            if holiday is not None:  # `at: Noël`
                raise KeyDateError(message_of(exc), holiday) from None
            raise
        raise KeyDateError(say("unknown key date '{id}'", id=named or word), meant or holiday
                           or say("dates are written YYYY-MM-DD; name a day under `key_dates:` to "
                                  "schedule posts relative to it")) from None


#: A word that ends a key date's name as written: an offset (``-7``, ``+1``) or a time (``09:00``, ``9h``).
_AFTER_NAME_RE = re.compile(r"[+-]\d.*|\d{1,2}(?::\d\d|[hH]\d{0,2})")


def _written_name(text: str) -> tuple[str, str]:
    """The words naming a day (``Christmas Eve`` of ``Christmas Eve at 09:00``), and what follows them."""
    words = text.split()
    count = next((index for index, word in enumerate(words)
                  if _AFTER_NAME_RE.fullmatch(word) or word.lower() in _AFTER_NAME), len(words))
    return " ".join(words[:count]), " ".join(words[count:])


def _holiday_hint(reading: Reading, named: str, after: str) -> str | None:
    """A public holiday of the site's country written by its name (``Christmas Day at 09:00``): the date to
    write, its next day from now, with the time written if any; None for no holiday's name."""
    calendar = reading.calendar
    if not calendar.country or not named:
        return None
    found = public_holidays.holiday_named(calendar.country, calendar.subdivision, named,
                                          clock.now(calendar.zone).date())
    if found is None:
        return None
    name, day = found
    date = f"{day:%Y-%m-%d}"
    time = re.sub(r"^(?:at|à|a)\s+", "", after, flags=re.IGNORECASE)
    try:
        when = timeparse.parse_when(f"{date} {time}", frozenset(calendar.slots)) if time else None
    except ValueError:
        when = None
    if when is not None and when.time is not None:
        date = f"{date} {when.time:%H:%M}"
    return say("'{name}' is a public holiday: write its date, {date}", name=name, date=date)


def read_day(reading: Reading, text: str, where: Source) -> dt.date | None:
    """A day: a date, or a key date with an offset in days (``salon-industrie end +1 day``)."""
    when = read_day_when(reading, text, where)
    return when.date if when is not None else None


def read_day_when(reading: Reading, text: str, where: Source) -> When | None:
    """A day as :func:`read_day` reads it, with the key date it is written relative to, if any."""
    when = read_when(reading, text, where)
    if when is None:
        return None
    if when.time is not None or when.slot is not None or when.utc_offset is not None:
        reading.errors.add(where, say("found '{value}', a time, expected a day", value=text),
                           say("write the date alone, e.g. 2027-01-29 or salon-industrie end"))
        return None
    return when


#: A word where a date was expected that can only be a key date's id (a date starts with a digit).
_KEY_DATE_LIKE = re.compile(r"^[a-z][a-z0-9-]*$", re.IGNORECASE)


def _named_key_date(text: str, calendar: Calendar) -> str | None:
    """A key date written by its name rather than its id: ``Salon Industrie -7 days``, or by the first words
    of it (``Salon Métal Expo -7 days`` for "Salon Métal Expo, Lyon Eurexpo"), case and accents aside."""
    written = _name_words(text)
    # The words before the offset, the time or `end`: "salon metal expo" of "Salon Métal Expo -7 days".
    named = list(itertools.takewhile(lambda w: not (w[0] in "+-" or w[0].isdigit() or w in _AFTER_NAME),
                                     written))
    first = text.split()[0].lower() if text.split() else ""
    covered: list[tuple[int, KeyDate]] = []  # how many of the words written each name accounts for
    for key_date in calendar.key_dates.values():
        name = _name_words(key_date.name)
        if first == key_date.id and len(named) <= 1:
            continue  # its id, then what is wrong ("noel 25h" for Noël): its name is no hint
        if name and written[:len(name)] == name:  # the whole name ("14 Juillet -1 day", "Salon 2027 -7 days")
            covered.append((len(name), key_date))
        elif named and name[:len(named)] == named and len(named) >= 2:
            covered.append((len(named), key_date))
    most = max((count for count, _key_date in covered), default=0)
    meant = [key_date for count, key_date in covered if count == most]
    if len(meant) > 1:  # the first words of several names ("Journée portes ouvertes" of March's and June's)
        return say("write the id of the key date meant, one of: {key_dates}",
                   key_dates=", ".join(f"'{k.id}' ({k.name})" for k in meant))
    if not meant:
        return None
    key_date = meant[0]
    return say("'{name}' is the name of '{id}': write its id", name=key_date.name, id=key_date.id)


#: Words that follow a key date's id, not part of its name.
_AFTER_NAME = frozenset(("end", "fin", "at", "a", "à"))


def _name_words(text: str) -> list[str]:
    """The words of a name, without case, accents or punctuation ("Salon Métal Expo, Lyon": salon metal expo
    lyon)."""
    return re.findall(r"[+-]?\w[\w'’-]*", plain_name(text))


def names_key_date(reading: Reading, text: str) -> bool:
    """Whether ``text`` starts with a key date's id, or one near it (``salon`` for ``salon-industrie``)."""
    word = text.split()[0].casefold() if text.split() else ""
    return (word in reading.calendar.key_dates or word in reading.failed_key_dates
            or _key_date_hint(text, reading.calendar) is not None)


def _key_date_hint(text: str, calendar: Calendar) -> str | None:
    """The key date meant: by its name, by the start of its id (``salon`` for ``salon-industrie``),
    or the closest id; None when none is near."""
    named = _named_key_date(text, calendar)
    if named is not None:
        return named
    word = text.split()[0].casefold() if text.split() else ""
    starting = [key for key in calendar.key_dates if key.startswith(word)]
    if word and len(starting) == 1:
        return say("did you mean '{match}'?", match=starting[0])
    return did_you_mean(word, calendar.key_dates)


class KeyDateError(ValueError):
    """A post's time naming a key date that does not exist, or followed by what is not an offset."""

    def __init__(self, message: str | None, hint: str | None):
        super().__init__(message)
        #: A Message (str(self) would lose its translation); None when the error is reported already.
        self.message = message
        self.hint = hint


#: The day a key date without one is read with, to read what follows its id (an offset, a time).
_SOME_DAY = dt.date(2000, 1, 3)
