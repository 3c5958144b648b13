"""`freeze:`: the windows in which nothing is posted (on some networks, or on all of them)."""

from __future__ import annotations

import datetime as dt

from edcal import clock
from edcal.i18n import say
from edcal.ids import slugify
from edcal.load.sections._reading import Document, Reading, source_of, value_of
from edcal.load.sections.key_dates import instant_of, names_key_date, read_when
from edcal.load.sections.networks import known_networks
from edcal.model.calendar import FreezeWindow
from edcal.model.days import as_instant, start_of_day
from edcal.model.source import Source


def read_freeze(reading: Reading, documents: list[Document]) -> None:
    for doc in documents:
        for spec in doc.spec.freeze:
            source = source_of(spec.loc)
            start = _instant(reading, spec.from_, value_of(spec.loc, "from"), end=False)
            end = None
            if spec.until is not None:
                end = _instant(reading, spec.until, value_of(spec.loc, "until"), end=True)
            # Any network edcal knows: staff share on networks the company does not post on. Read even
            # after a wrong date, so that one run tells every mistake of the entry.
            frozen = known_networks(reading, spec.networks, spec.loc, "networks",
                                    say("leave `networks` out to freeze every network"), _EVERY_NETWORK) \
                if spec.networks is not None else None
            if start is None or (spec.until is not None and end is None):
                continue
            if end is not None and as_instant(end) <= as_instant(start):
                reading.errors.add(value_of(spec.loc, "until"),
                                   say("the freeze ends ({end}) before it starts ({start})",
                                       end=spec.until, start=spec.from_),
                                   say("write an end after the start, or leave `until:` out for a freeze "
                                       "until further notice"))
                continue
            reading.calendar.freezes.append(
                # A freeze of some networks leaves the blog alone unless it says otherwise.
                FreezeWindow(start, end, spec.reason, source,
                             frozenset(n.id for n in frozen) if frozen is not None else None,
                             spec.blog if spec.blog is not None else spec.networks is None,
                             network_names={n.id: n.name for n in frozen or ()},
                             from_source=value_of(spec.loc, "from"))
            )


#: What a team writes for "every network" in a hurry: the hint says to leave `networks` out.
_EVERY_NETWORK = frozenset({"all", "every", "everything", "tous", "toutes", "tout", "*"})


def _instant(reading: Reading, text: str, where: Source, end: bool) -> dt.datetime | None:
    """A freeze bound: a date means its first minute (from) or its whole day (until)."""
    calendar = reading.calendar
    if not any(character.isdigit() for character in text) and not names_key_date(reading, text):
        _words_for_a_moment(reading, text, where, end)
        return None
    when = read_when(reading, text, where)
    if when is None:
        return None
    day = when.date
    if when.time is None and when.slot is None:
        # A day's first instant, or (until) the next day's: 01:00 where the clocks skip midnight.
        return start_of_day(day + dt.timedelta(days=1) if end else day, calendar.zone)
    return instant_of(reading, when, where)


#: Words for "now" (as slugs: case, accents and punctuation left out) that a `from:` takes in a hurry.
_NOW = frozenset({"now", "right-now", "from-now", "from-now-on", "immediately", "asap", "today", "maintenant",
                  "des-maintenant", "a-partir-de-maintenant", "immediatement", "tout-de-suite", "aujourd-hui",
                  "des-aujourd-hui"})
#: Words for "until further notice" that a freeze's `until:` takes.
_FURTHER_NOTICE = frozenset({"jusqu-a-nouvel-ordre", "a-nouvel-ordre", "nouvel-ordre", "until-further-notice",
                             "further-notice", "indefiniment", "indefinitely", "never", "jamais", "none",
                             "tbd"})


def _words_for_a_moment(reading: Reading, text: str, where: Source, end: bool) -> None:
    """``from: maintenant``, ``until: jusqu'à nouvel ordre``: words where a moment goes, as a freeze is
    written in a hurry. The hint says what to write instead (the time it is, for a start). Other words name
    a day (``from: Christmas Eve``, over the holidays): the hint says how a day is written."""
    found = text.strip()
    words = slugify(found)
    today = f"{clock.now(reading.calendar.zone):%Y-%m-%d}"
    if end:
        reading.errors.add(where, say("found '{found}', expected the day the freeze ends", found=found),
                           say("leave `until:` out for a freeze until further notice, and write it when "
                               "the freeze is lifted") if words in _FURTHER_NOTICE else
                           say("calendar.yaml holds no \"now\", which would move at every build: write the "
                               "last day, `until: {today}` for today (the day included)", today=today)
                           if words in _NOW else
                           say("a day's name is no date: write the last day as today is written, `until: "
                               "{today}` (the day included), or the id of a day under `key_dates:`; leave "
                               "`until:` out for a freeze until further notice", today=today))
        return
    if words not in _NOW:
        reading.errors.add(where,
                           say("found '{found}', expected the day the freeze starts, a date (and a time if "
                               "need be)", found=found),
                           say("a day's name is no date: write the day as today is written, `from: "
                               "{today}` (a time after it for a moment of the day, `{today} 18:00`), or the "
                               "id of a day under `key_dates:`", today=today))
        return
    now = f"{clock.now(reading.calendar.zone):%Y-%m-%d %H:%M}"
    reading.errors.add(where,
                       say("found '{found}', expected the moment the freeze starts, a date and a time",
                           found=found),
                       say("calendar.yaml holds no \"now\", which would move at every build: write the "
                           "moment, `from: {now}` for now", now=now))
