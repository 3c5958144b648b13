"""The team's absences (``away:`` under ``team:``) as every view shows them: who stands in for whom, on
which posts, and the words that say an absence.

One selection for all of them: the stand-in's calendar feed, ``edcal agenda --owner`` and the planning
page's person filter show the same posts of someone away (:func:`covers`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from edcal.i18n import day_span, long_date, translator
from edcal.model.calendar import Absence, Calendar, Person
from edcal.model.plan import Item, Plan


@dataclass(frozen=True, slots=True)
class Cover:
    """A post whose owner is away on its day, that who stands in for them (``stand_in:``) is to post."""

    #: Who stands in, there that day.
    stand_in: Person
    #: The post's owner, away.
    person: Person


def covers(plan: Plan, items: Iterable[Item] | None = None) -> dict[str, Cover]:
    """By item id: the posts of ``items`` (the plan's, by default) that go out while their owner is away,
    with who stands in for them then. A post withheld does not go out: none. A stand-in away that day too,
    or gone from the team, covers none (``owner-away`` says nobody stands in)."""
    team = plan.calendar.team
    found: dict[str, Cover] = {}
    if not any(absence.stand_in for person in team.values() for absence in person.away):
        return found
    for item in plan.items if items is None else items:
        if item.kind == "post" and (cover := stand_in_for(plan, item)) is not None:
            found[item.id] = cover
    return found


def stand_in_for(plan: Plan, item: Item) -> Cover | None:
    """Who stands in for the owner of ``item`` (a post, an article, a deadline…) on its day, when they are
    away then; None when they are there, when nobody does, or the stand-in is away that day too or gone
    from the team (what ``owner-away`` says), or when the item is withheld."""
    team = plan.calendar.team
    person = team.get(item.owner or "")
    if item.start is None or item.status == "withheld" or person is None:
        return None
    day = plan.day_of(item.start)
    absence = person.away_on(day)
    stand_in = team.get(absence.stand_in or "") if absence is not None else None
    return Cover(stand_in, person) if stand_in is not None and stand_in.there_on(day) else None


def cover_mark(person: str, lang: str) -> str:
    """What a post a stand-in covers is marked with in their views and feed, for whom (``person``, the name
    of its owner, away): "[for Malik Haddad]"."""
    return translator(lang)("[for {person}]").format(person=person)


def team_absences(calendar: Calendar) -> list[tuple[Person, Absence]]:
    """Every absence of the team, by its first day, then the person's id."""
    found = [(person, absence) for person in calendar.team.values() for absence in person.away]
    return sorted(found, key=lambda pair: (pair[1].first, pair[0].id))


def concerns(person: Person, absence: Absence, owner: str) -> bool:
    """Whether an absence shows with the person filter (``--owner``) on ``owner``: the person away's, or
    their stand-in's."""
    return owner in (person.id, absence.stand_in)


def absence_label(person: Person, absence: Absence, calendar: Calendar, lang: str) -> str:
    """An absence in words, with its days and who stands in: "Malik Haddad away from 2 to 20 August 2027
    (Congés) — Julien Morel stands in".

    The label gives the absence's days: the agenda shows it on its first and last day (and the days with
    something planned between), which said the same words twice, "Malik Haddad away", as if twice for a
    day; a screen reader in the month's table heard it on a day with no word of until when."""
    _ = translator(lang)
    if absence.first == absence.last:
        label = _("{person} away on {day}").format(person=person.name,
                                                   day=long_date(absence.first, lang, weekday=False))
    else:
        first, last = day_span(absence.first, absence.last, lang)  # "du 2 au 20 août 2027"
        label = _("{person} away from {first} to {last}").format(person=person.name, first=first, last=last)
    if absence.reason:
        label += f" ({absence.reason})"
    stand_in = calendar.team.get(absence.stand_in or "")
    # Someone who left the team before the absence begins stands in for nobody (owner-away says so of the
    # posts it leaves without anyone)
    if stand_in is not None and (stand_in.left is None or stand_in.left > absence.first):
        label += " — " + _("{person} stands in").format(person=stand_in.name)
    return label


def days_said(absence: Absence, first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    """The days from ``first`` to ``last`` a list of days shows an absence on even with nothing planned:
    its first and last days there (not every day between: weeks of "Nothing planned")."""
    start, end = max(absence.first, first), min(absence.last, last)
    return () if start > end else tuple(dict.fromkeys((start, end)))
