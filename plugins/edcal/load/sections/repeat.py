"""`repeat:`: a recurring post's rule (`every:` and `on:`, or an RFC 5545 `rrule:`), its first and last
days, the days it leaves out (`except:`) and the occurrences it moves (`moved:`)."""

from __future__ import annotations

import calendar as _calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrule, rrulestr

from edcal.errors import ErrorCollector, listed_twice, message_of, repeats
from edcal.hints import day_without_year, dot_time_hint, hint_today, noon_hint, twelve_hour_hint
from edcal.i18n import say
from edcal.load import timeparse
from edcal.load.schema import RepeatSpec, describe
from edcal.load.sections._reading import Reading, item_of, key_of, value_of
from edcal.load.sections.key_dates import read_day, read_when
from edcal.load.yamlfile import LOC_KEY, Loc
from edcal.model.calendar import MAX_OCCURRENCES, MovedOccurrence, Recurrence, When
from edcal.model.source import Source

#: How far ahead open-ended recurrences are expanded when `horizon:` is not set.
DEFAULT_HORIZON = relativedelta(years=1)
#: How far ahead open-ended recurrences may be expanded (`horizon:`).
MAX_HORIZON_DAYS = timeparse.MAX_HORIZON_DAYS


@dataclass(frozen=True, slots=True)
class _Span:
    """The days a rule may give: from ``first``, up to ``last`` (`until:`) or ``count`` of them."""

    first: dt.date
    last: dt.date | None
    count: int | None


@dataclass(frozen=True, slots=True)
class _Moved:
    """One entry of a rule's ``moved:``, as read."""

    day: dt.date
    when: When
    key_source: Source
    source: Source


def read_recurrence(reading: Reading, spec: RepeatSpec, where: Source) -> Recurrence | None:
    """A post's `repeat:` (``where``) as its rule and days; None after an error."""
    loc = spec.loc
    # Days, or key dates (`from: salon-industrie`, `until: salon-industrie end`): the rule follows them.
    first = _first_day(reading, spec)
    last = read_day(reading, spec.until, value_of(loc, "until")) if spec.until is not None else None
    if first is None or (spec.until is not None and last is None):
        return None
    anchors = [word for text in (spec.from_, spec.until or "")
               if (word := text.strip().partition(" ")[0].lower()) in reading.calendar.key_dates]
    span = _Span(first, last, spec.count)
    left_out = [(day, source) for index, text in enumerate(spec.except_ or ())
                if (day := read_day(reading, text, source := item_of(loc, "except", index))) is not None]
    if len(left_out) != len(spec.except_ or ()) or not _each_day_once(reading, spec, left_out):
        return None
    moved = _moved(reading, spec, left_out)
    if moved is None:
        return None
    if spec.rrule is not None and (spec.every is not None or spec.on is not None):
        reading.errors.add(key_of(loc, "rrule"), say("found both `rrule:` and `every:`/`on:`, expected one"))
        return None
    if spec.until is not None and spec.count is not None:
        reading.errors.add(key_of(loc, "count"), say("found both `until:` and `count:`, expected one"))
        return None
    if spec.count is not None and spec.count > MAX_OCCURRENCES:
        reading.errors.add(value_of(loc, "count"),
                           say("found count {count}, expected at most {limit:,}", count=spec.count,
                               limit=MAX_OCCURRENCES),
                           say("a recurring entry plans at most that many posts: split it, or end it "
                               "sooner"))
        return None
    if last is not None and last < first:
        reading.errors.add(value_of(loc, "until"),
                           say("the rule ends ({end}) before it starts ({start})", end=last, start=first))
        return None
    if spec.rrule is not None:
        rule = spec.rrule.strip().removeprefix("RRULE:")
        if re.search(r"DTSTART|UNTIL=.*T|BYHOUR|BYMINUTE|BYSECOND", rule, re.IGNORECASE):
            reading.errors.add(value_of(loc, "rrule"),
                               say("found DTSTART or a time inside `rrule:`, expected the rule alone"),
                               say("give the first day in `from:` and the time in `at:`"))
            return None
        if _never_fires(rule):  # the rule library would search every day up to year 9999 (7 s)
            reading.errors.add(value_of(loc, "rrule"),
                               say("found rule '{rule}', whose days never exist (a day of the month that "
                                   "its months do not have)", rule=rule),
                               say("check BYMONTH and BYMONTHDAY, e.g. BYMONTH=2;BYMONTHDAY=-1 for the last "
                                   "day"))
            return None
        frequent = re.search(r"FREQ=(HOURLY|MINUTELY|SECONDLY)", rule, re.IGNORECASE)
        if frequent:  # a recurring post happens on days: millions of moments of one day each
            reading.errors.add(value_of(loc, "rrule"),
                               say("found FREQ={freq}, expected DAILY, WEEKLY, MONTHLY or YEARLY: a "
                                   "recurring post happens once a day at most",
                                   freq=frequent.group(1).upper()),
                               say("give its time in `at:`, and one entry per time of day"))
            return None
        if "\n" in rule or "\r" in rule:  # EXDATE/RDATE lines made a rule set (a traceback)
            reading.errors.add(value_of(loc, "rrule"),
                               say("found several lines in `rrule:`, expected the rule alone"),
                               say("leave days out with `except:`, and add days as posts of their own"))
            return None
        # A 0 in a list of days: the rule library drops it (BYMONTHDAY=0 made a monthly rule daily).
        zero = re.search(r"(?:^|;)\s*(BYMONTHDAY|BYYEARDAY|BYWEEKNO|BYSETPOS)\s*=\s*(?:[^;]*,)?\s*[+-]?0+\s*"
                         r"(?:,|;|$)", rule, re.IGNORECASE)
        if zero:
            reading.errors.add(value_of(loc, "rrule"),
                               say("found {part}=0 in rule '{rule}', expected 1 or more, or -1 or less "
                                   "counted from the end (RFC 5545 has no 0)", part=zero.group(1).upper(),
                                   rule=rule[:80]),
                               say("e.g. BYMONTHDAY=1 for the first day of the month, BYMONTHDAY=-1 for the "
                                   "last"))
            return None
        # Every INTERVAL and COUNT: the rule library takes the last one written.
        for interval in re.findall(r"(?:^|;)\s*INTERVAL\s*=\s*([^;]*)", rule, re.IGNORECASE):
            if not re.fullmatch(r"0*[1-9]\d{0,3}", interval.strip()):
                # INTERVAL=0 never moves on: the rule library searched forever, every command hung.
                reading.errors.add(value_of(loc, "rrule"),
                                   say("found INTERVAL={interval}, expected a whole number from 1 to 9999",
                                       interval=interval.strip()[:20]),
                                   say("e.g. FREQ=WEEKLY;INTERVAL=2 for every other week"))
                return None
        for counted in re.findall(r"(?:^|;)\s*COUNT\s*=\s*([^;]*)", rule, re.IGNORECASE):
            if not counted.strip().isdigit() or not 1 <= int(counted) <= MAX_OCCURRENCES:
                reading.errors.add(value_of(loc, "rrule"),
                                   say("found COUNT={count}, expected 1 to {limit:,}",
                                       count=counted.strip()[:20], limit=MAX_OCCURRENCES),
                                   say("a recurring entry plans at most that many posts: split it, or end "
                                       "it sooner"))
                return None
    elif spec.every is None:
        reading.errors.add(where, say("missing `every:` (day, week or month) or `rrule:` in `repeat:`"))
        return None
    else:
        made = _rule_from_every(spec, span, reading.errors)
        if made is None:
            return None
        rule = made
    try:
        parsed = rrulestr(rule, dtstart=dt.datetime.combine(first, dt.time()))
    except (ValueError, TypeError):
        reading.errors.add(value_of(loc, "rrule"), _rule_problem(rule),
                           say("see RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TU"))
        return None
    if spec.rrule is not None and not _gives_a_day(parsed, span, value_of(loc, "rrule"), rule,
                                                   reading.errors):
        return None
    time = slot = None
    if spec.at is not None:
        time, slot = _time_or_slot(reading, spec.at, value_of(loc, "at"))
    label = spec.rrule or f"every {spec.every}"
    named = [(day, source, "except") for day, source in left_out]
    named += [(occurrence.day, occurrence.key_source, "moved") for occurrence in moved]
    if not _days_of_rule(rule, span, named, reading.errors) \
            or not _moved_onto_free_days(rule, span, left_out, moved, reading.errors):
        return None
    # A new day alone keeps the rule's time (or, without one, takes the network's slot that day).
    instead = tuple(MovedOccurrence(m.day, m.when if m.when.time or m.when.slot
                                    else dataclasses.replace(m.when, time=time, slot=slot), m.source,
                                    m.key_source)
                    for m in moved)
    return Recurrence(rule, first, last, spec.count, time, slot, label,
                      tuple(dict.fromkeys(anchors)), frozenset(day for day, _source in left_out),
                      instead, value_of(loc, "moved") if isinstance(spec.moved, dict) else None)


def _first_day(reading: Reading, spec: RepeatSpec) -> dt.date | None:
    """`from:`, as :func:`read_day` reads it. A day written without its year that is today (`from: 2 mars`
    on 2 March) is told the rule's first day after today, as a rule said in words is: today's hours have
    begun, and its time may be past."""
    where = value_of(spec.loc, "from")
    told = ErrorCollector()
    first = read_day(dataclasses.replace(reading, errors=told), spec.from_, where)
    today = hint_today()
    ahead = _day_after(spec, today) if first is None and day_without_year(spec.from_) == today else None
    for error in told.errors:
        hint = error.hint
        if ahead is not None and error.source == where:
            hint = say("dates are written with digits, year first, and with their year: {date}, the rule's "
                       "first day after today ({today}, whose hours have begun)", date=ahead, today=today)
        reading.errors.add(error.source, error.message, hint)
    return first


def _day_after(spec: RepeatSpec, today: dt.date) -> dt.date | None:
    """The first of the rule's days after ``today``, were it to start today; None when the rule is not
    read (its own errors are told where they are written)."""
    if spec.rrule is not None:
        rule: str | None = spec.rrule.strip().removeprefix("RRULE:")
    elif spec.every is not None:
        rule = _rule_from_every(spec, _Span(today, None, None), ErrorCollector())
    else:
        return None
    # read before the checks on `rrule:` below: only a rule of days, each INTERVAL moving on, within ten years
    written = (rule or "").upper()
    if not re.fullmatch(r"FREQ=(?:DAILY|WEEKLY|MONTHLY|YEARLY)(?:;[A-Z]+=[\w,+-]+)*", written) \
            or any(not re.fullmatch(r"0*[1-9]\d{0,3}", interval)
                   for interval in re.findall(r"INTERVAL=([^;]*)", written)) \
            or re.search(r"DTSTART|UNTIL|COUNT|BYHOUR|BYMINUTE|BYSECOND", written):
        return None
    start = dt.datetime.combine(today, dt.time())
    try:
        parsed = rrulestr(written, dtstart=start)
        found = parsed.replace(until=start + dt.timedelta(days=MAX_HORIZON_DAYS)).after(start) \
            if isinstance(parsed, rrule) else None
    except (ValueError, TypeError):
        return None
    return found.date() if found is not None else None


def _each_day_once(reading: Reading, spec: RepeatSpec, left_out: list[tuple[dt.date, Source]]) -> bool:
    """Whether ``except:`` leaves each day out once: a day written again (``2027-01-05`` twice, or as a date
    and as a key date's id) would be read once, the second dropped without a word."""
    written = spec.except_ or []
    twice = list(repeats(day for day, _source in left_out))
    for index, first in twice:
        reading.errors.add(left_out[index][1], *listed_twice(str(written[index]).strip(),
                                                             str(written[first]).strip(), left_out[first][1],
                                                             "except"))
    return not twice


def _gives_a_day(parsed: Any, span: _Span, where: Source, rule: str,
                 errors: ErrorCollector) -> bool:
    """Whether the rule gives a day before its end (or within ten years): one that never does
    (``BYDAY=5FR;BYSETPOS=7``) would plan nothing, silently."""
    start = dt.datetime.combine(span.first, dt.time())
    bound = start + dt.timedelta(days=MAX_HORIZON_DAYS)
    if span.last is not None:
        bound = min(bound, dt.datetime.combine(span.last, dt.time()))
    own_until = getattr(parsed, "_until", None)  # the rule's own UNTIL= ends it sooner
    if own_until is not None:
        bound = min(bound, own_until.replace(tzinfo=None))
    if next(iter(parsed.replace(count=None, until=bound)), None) is not None:
        return True
    errors.add(where, say("found rule '{rule}', which gives no day from {start} to {end}",
                          rule=rule, start=span.first, end=bound.date()),
               say("check its BYMONTHDAY, BYDAY and BYSETPOS parts against the months they fall in"))
    return False


def _moved(reading: Reading, spec: RepeatSpec,
           left_out: list[tuple[dt.date, Source]]) -> list[_Moved] | None:
    """The occurrences under ``moved:`` ({rule's day: new date}), None after an error."""
    raw = spec.moved
    where = value_of(spec.loc, "moved")
    if raw is None:
        return []
    if not isinstance(raw, dict):
        reading.errors.add(where, say("found {value} in `moved:`, expected the rule's days with the date "
                                      "each moves to", value=describe(raw)),
                           say("e.g. moved: {{2027-01-21: 2027-01-22, 2027-02-04: 2027-02-05 16:00}}"))
        return None
    loc: Loc = raw[LOC_KEY]
    skipped = {day: source for day, source in left_out}
    result: list[_Moved] = []
    failed = False
    seen: dict[dt.date, Source] = {}
    for key, value in raw.items():
        if key == LOC_KEY:
            continue
        key_source = loc.key(key)
        value_source = loc.value(key)
        day = read_day(reading, str(key), key_source)
        if not isinstance(value, str) or not value.strip():
            after = (day + dt.timedelta(days=1)).isoformat() if day is not None else "2027-01-22"
            reading.errors.add(value_source, say("found {value} for {key} in `moved:`, expected the date it "
                                                 "moves to", value=describe(value), key=key),
                               say("e.g. {key}: {after}, or with a time: {key}: \"{after} 16:00\"",
                                   key=key, after=after))
            failed = True
            continue
        when = read_when(reading, value, value_source)
        if day is None or when is None:
            failed = True
            continue
        if day in skipped:
            reading.errors.add(key_source, say("found {day} under `moved:`, and under `except:` (line "
                                               "{line}), expected one", day=day.isoformat(),
                                               line=skipped[day].line),
                               say("a day under `except:` is not posted at all: remove it from one of them"))
            failed = True
            continue
        if day in seen:  # the same day written two ways (2027-01-21 and a key date's id)
            reading.errors.add(key_source, say("found {day} twice under `moved:` (first at line {line})",
                                               day=day.isoformat(), line=seen[day].line),
                               say("move each occurrence once"))
            failed = True
            continue
        seen[day] = key_source
        result.append(_Moved(day, when, key_source, value_source))
    return None if failed else result


def _days_of_rule(rule: str, span: _Span, named: list[tuple[dt.date, Source, str]],
                  errors: ErrorCollector) -> bool:
    """Whether each day under ``except:`` and ``moved:`` is one of the rule's (a day it never gives
    would leave nothing out or move nothing, silently: a typo, or a rule changed since)."""
    if not named:
        return True
    last = max(day for day, _source, _name in named) + dt.timedelta(days=31)  # and days after it, to hint
    given = _rule_days(rule, span, last)
    days = set(given)
    for day, source, name in named:
        if day not in days and len(given) > MAX_OCCURRENCES and day > given[MAX_OCCURRENCES - 1]:
            # Where the plan stops, not where the rule does: 2150-01-01 was told no day of a weekly rule.
            errors.add(source, say("found {day} under `{field}:`, after {last}, the last of the {limit:,} "
                                   "days a recurring entry may plan", day=day.isoformat(), field=name,
                                   last=given[MAX_OCCURRENCES - 1].isoformat(), limit=MAX_OCCURRENCES),
                       say("check the year: the plan stops at that many posts of one entry"))
        elif day not in days:
            near = sorted(given, key=lambda other: abs((other - day).days))[:2]
            shown = ", ".join(other.isoformat() for other in sorted(near))
            errors.add(source, say("found {day} under `{field}:`, which is not a day of this rule",
                                   day=day.isoformat(), field=name),
                       say("its days near it: {days}", days=shown) if near else
                       say("the rule gives no day up to then"))
    return all(day in days for day, _source, _name in named)


def _moved_onto_free_days(rule: str, span: _Span, left_out: list[tuple[dt.date, Source]],
                          moved: list[_Moved], errors: ErrorCollector) -> bool:
    """Whether each moved occurrence lands on a day the series does not post on already: on one of
    its days (or where another occurrence moved), two posts would go out that day, at one minute."""
    if not moved:
        return True
    targets = [(m.when.date, m) for m in moved]
    taken = set(_rule_days(rule, span, max(day for day, _m in targets))) - {day for day, _s in left_out}
    taken -= {m.day for m in moved}
    landed: dict[dt.date, _Moved] = {}
    fine = True
    for day, occurrence in targets:
        if day in taken:
            errors.add(occurrence.source, say("found {day} as the new day of {old} in `moved:`, a "
                                              "day this series posts on already",
                                              day=day.isoformat(), old=occurrence.day.isoformat()),
                       say("move it to another day, or leave that day out first with `except:`"))
            fine = False
        elif day in landed:
            errors.add(occurrence.source, say("found {day} as the new day of {old} in `moved:`, "
                                              "where {other} moves too (line {line})",
                                              day=day.isoformat(), old=occurrence.day.isoformat(),
                                              other=landed[day].day.isoformat(),
                                              line=landed[day].source.line),
                       say("a series posts once a day: move one of them to another day"))
            fine = False
        else:
            landed[day] = occurrence
    return fine


#: The parts of an RFC 5545 RRULE (``FREQ=WEEKLY;BYDAY=TU``).
_RULE_PARTS = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS", "BYWEEKNO",
               "BYYEARDAY", "BYHOUR", "BYMINUTE", "BYSECOND", "WKST")


def _rule_problem(rule: str) -> str:
    """What is wrong with a rule the rule library refused, in the user's words: its own message was
    Python's ("not enough values to unpack (expected 2, got 1)" for ``hello``)."""
    from edcal.errors import closest

    for part in (p.strip() for p in rule.removeprefix("RRULE:").split(";") if p.strip()):
        name, equals, _value = part.partition("=")
        if not equals:
            return say("found rule '{rule}': '{part}' is no NAME=VALUE part", rule=rule[:80], part=part[:40])
        if name.strip().upper() not in _RULE_PARTS:
            near = closest(name.strip().upper(), _RULE_PARTS)
            return say("found rule '{rule}': {name} is no part of a rule{near}", rule=rule[:80],
                       name=name.strip()[:40], near=say(" (did you mean {near}?)", near=near) if near else "")
    if not re.search(r"(?:^|;)\s*FREQ\s*=", rule, re.IGNORECASE):
        return say("found rule '{rule}', without FREQ=", rule=rule[:80])
    for part in (p.strip() for p in rule.removeprefix("RRULE:").split(";") if p.strip()):
        alone = part if part.upper().startswith("FREQ") else f"FREQ=DAILY;{part}"
        try:
            rrulestr(alone, dtstart=dt.datetime(2027, 1, 1))
        except (ValueError, TypeError):
            return say("found rule '{rule}': {part} is not a value its part takes", rule=rule[:80],
                       part=part[:40])
    return say("found rule '{rule}', whose parts do not go together", rule=rule[:80])


def _rule_from_every(spec: RepeatSpec, span: _Span, errors: ErrorCollector) -> str | None:
    loc = spec.loc
    freq = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY"}[spec.every or "week"]
    parts = [f"FREQ={freq}", f"INTERVAL={spec.interval}"]
    on = spec.on or []
    if spec.every == "month" and not on and span.first.day >= 29:
        on = [str(span.first.day)]  # the day of `from`, as RFC 5545 takes it: judged below
    try:
        if spec.every in ("week", "day") and on:
            weekdays = [_weekdays(value, item_of(loc, "on", index), errors) for index, value in enumerate(on)]
            if None in weekdays:
                return None
            days = _days_once(on, loc, weekdays, errors)  # type: ignore[arg-type]
            if days is None:
                return None
            parts.append("BYDAY=" + ",".join(timeparse.WEEKDAY_CODES[d] for d in sorted(days)))
        elif spec.every == "month" and on:
            by_day, by_month_day = [], []
            written: dict[bool, list[str]] = {True: [], False: []}  # days of the month, weekday positions
            read = [timeparse.parse_monthly_position(value) for value in on]
            if _days_once(on, loc, [frozenset({day}) for day in read], errors) is None:
                return None
            for value, (position, weekday) in zip(on, read, strict=True):
                written[weekday is None].append(str(value).strip())
                if weekday is None:
                    by_month_day.append(str(position))
                else:
                    by_day.append(f"{position}{timeparse.WEEKDAY_CODES[weekday]}")
            if by_day and by_month_day:
                # RFC 5545 keeps only the days that are both (the 15th *and* a Tuesday): rarely meant.
                errors.add(
                    value_of(loc, "on"),
                    say("found days of the month ({days}) and weekday positions ({positions}) in one "
                        "`on:`; expected one kind", days=", ".join(written[True]),
                        positions=", ".join(written[False])),
                    say("a monthly rule would keep only the days that are both: write one entry per "
                        "kind, or use `rrule:` if the intersection is what you mean"))
                return None
            short = [day for day in by_month_day
                     if abs(int(day)) >= 29 and _skips_a_month(span, spec.interval, abs(int(day)))]
            if short:
                # RFC 5545 skips the months without that day (the 30th, or the 30th from the end):
                # February would have no post, silently.
                if int(short[0]) < 0:
                    told = (say("found day {day} of the month, counted from its end, which February (and "
                                "April, June… for -31) does not have; those months would get no post",
                                day=short[0]),
                            say("write `last` (or -1) for the last day of every month, or a day from -2 to "
                                "-28; `rrule:` says it otherwise if skipping is what you mean"))
                else:
                    told = (say("found day {day} of the month, which February (and April, June… for 31) does "
                                "not have; those months would get no post", day=short[0]),
                            say("write `last` (or -1) for the last day of every month (-2 the day before), "
                                "or an earlier day; `rrule:` says it otherwise if skipping is what you mean"))
                errors.add(value_of(loc, "on"), *told)
                return None
            if by_day:
                parts.append("BYDAY=" + ",".join(by_day))
            if by_month_day:
                parts.append("BYMONTHDAY=" + ",".join(by_month_day))
    except ValueError as exc:
        said = (exc.args[0], exc.args[1]) if len(exc.args) == 2 else (message_of(exc),)
        errors.add(value_of(loc, "on"), *said)
        return None
    return ";".join(parts)


def _days_once(on: list[str], loc: Loc | None, read: list[frozenset[Any]],
               errors: ErrorCollector) -> set[Any] | None:
    """The days ``on:`` gives, each of its values ``read`` as its days; None after an error for a value that
    gives a day an earlier one gives (``on: [last, -1]``, ``on: [mon-fri, wed]``): read once, silently."""
    given: dict[Any, int] = {}  # each day, and the index of the value that gave it first
    told = False
    for index, days in enumerate(read):
        again = next((given[day] for day in days if day in given), None)
        if again is not None:
            first = item_of(loc, "on", again)
            errors.add(item_of(loc, "on", index),
                       say("found '{written}' in `on:`, a day given already by '{first}' ({path}:{line})",
                           written=str(on[index]).strip(), first=str(on[again]).strip(), path=first.path,
                           line=first.line),
                       say("remove it: a recurring post goes out once a day"))
            told = True
        given.update({day: index for day in days if day not in given})
    return None if told else set(given)


def _weekdays(value: str, where: Source, errors: ErrorCollector) -> frozenset[int] | None:
    """A weekly or daily rule's days in an item of ``on:`` (``where``); None after an error there. A day of
    the month (``-1``, ``15``, ``last fri``) is told the monthly rule it belongs to."""
    try:
        return timeparse.parse_weekdays(value)
    except ValueError as exc:
        said = (exc.args[0], exc.args[1]) if len(exc.args) == 2 else (message_of(exc),)
        try:
            timeparse.parse_monthly_position(value)
        except ValueError:
            errors.add(where, *said)
            return None
        written = " ".join(str(value).split())
        errors.add(where, said[0], say("'{value}' is a day of the month: a rule on it is `every: month, on: "
                                       "{value}`", value=written))
        return None


def _time_or_slot(reading: Reading, text: str, where: Source) -> tuple[dt.time | None, str | None]:
    if text.lower() in reading.calendar.slots:
        return None, text.lower()
    try:
        return timeparse.parse_time(text), None
    except ValueError as exc:
        # parse_time's two messages, with the slots added (compared as English: a Message is its text).
        shown, said = text.strip(), str(exc)
        message: str
        if said == f"found '{shown}', expected a time as HH:MM (e.g. 09:30)":
            message = say("found '{value}', expected a time or a named slot as HH:MM (e.g. 09:30)",
                          value=shown)
        elif said == f"found '{shown}', expected a time between 00:00 and 23:59":
            message = say("found '{value}', expected a time or a named slot between 00:00 and 23:59",
                          value=shown)
        else:
            message = said.replace("expected a time", "expected a time or a named slot")
        # `4:30 PM`, `18.15`, `noon`: the time to write
        hint = twelve_hour_hint(shown) or dot_time_hint(shown) or noon_hint(shown)
        reading.errors.add(where, message, hint)
        return None, None


def _rule_days(rule: str, span: _Span, last: dt.date) -> list[dt.date]:
    """The days a recurring entry's rule gives, up to ``last`` (and its ``until``/``count``)."""
    recurrence = rrulestr(rule, dtstart=dt.datetime.combine(span.first, dt.time()))
    if span.count is not None:
        recurrence = recurrence.replace(count=span.count)  # type: ignore[union-attr]
    given: list[dt.date] = []
    for moment in recurrence:
        if moment.date() > last or (span.last is not None and moment.date() > span.last) \
                or len(given) > MAX_OCCURRENCES:
            break
        given.append(moment.date())
    return given


def _skips_a_month(span: _Span, interval: int, day: int) -> bool:
    """Whether a rule on ``day`` every ``interval`` months meets a month without it before it ends
    (``until``, ``count``; four years for an open rule: every 12 months on 31 January never does)."""
    year, month, kept = span.first.year, span.first.month, 0
    for _ in range(48 * 12 // interval + 1):  # an open rule: four years, a leap year's cycle
        first = dt.date(year, month, 1)
        if span.last is not None and first > span.last:
            return False
        if first.replace(day=_calendar.monthrange(year, month)[1]) >= span.first:
            if _calendar.monthrange(year, month)[1] < day:
                return True
            kept += 1
            if span.count is not None and kept >= span.count:
                return False
        month += interval
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return False


def _never_fires(rule: str) -> bool:
    """A rule whose days of the month exist in none of its months (``BYMONTH=2;BYMONTHDAY=30``)."""
    months = re.search(r"BYMONTH=([\d,]+)", rule, re.IGNORECASE)
    days = re.search(r"BYMONTHDAY=([\d,+]+)(?:;|$)", rule, re.IGNORECASE)
    if not months or not days:
        return False
    longest = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
    try:
        wanted = [int(d) for d in days.group(1).split(",") if d]
        return not any(0 < day <= longest.get(int(month), 31) for month in months.group(1).split(",") if month
                       for day in wanted)
    except ValueError:
        return False
