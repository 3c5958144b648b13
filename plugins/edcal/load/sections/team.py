"""`team:`: the people of the plan, whom entries name as their `owner:`."""

from __future__ import annotations

from edcal.errors import ErrorCollector
from edcal.i18n import say
from edcal.load.schema import AbsenceSpec
from edcal.load.sections._reading import Document, Reading, collision, first_at, source_of, value_of
from edcal.load.validate import reference_hint
from edcal.model.calendar import Absence, Person
from edcal.model.source import Source


def read_team(reading: Reading, documents: list[Document]) -> None:
    calendar, errors = reading.calendar, reading.errors
    stand_ins: list[tuple[str, AbsenceSpec]] = []
    for doc in documents:
        for person in doc.spec.team:
            source = source_of(person.loc)
            if person.id in calendar.team:
                collision(source, say("person '{id}' is defined twice (first at {path}:{line})",
                                      id=person.id, **first_at(calendar.team[person.id].source)), errors)
                continue
            calendar.team[person.id] = Person(person.id, person.name, person.email, source, person.left,
                                              _absences(person.away, errors))
            stand_ins += [(person.id, spec) for spec in person.away if spec.stand_in is not None]
    # Once the whole team is known (a stand-in may be written below, or in another file).
    for person_id, spec in stand_ins:
        _stand_in(reading, person_id, spec)


def _stand_in(reading: Reading, person_id: str, spec: AbsenceSpec) -> None:
    """Check an absence's `stand_in:`: someone of the team, not the person away; else a located error."""
    team, stand_in = reading.calendar.team, spec.stand_in
    assert stand_in is not None
    where = value_of(spec.loc, "stand_in")
    if stand_in not in team:
        reading.errors.add(where, say("unknown person '{person}'", person=stand_in),
                           reference_hint(stand_in, team, "stand_in")
                           or say("`stand_in:` names who stands in for them, by their id under `team:`"))
    elif stand_in == person_id:
        reading.errors.add(where, say("'{person}' cannot stand in for themself", person=stand_in),
                           say("name someone else of `team:` who is there, or leave `stand_in:` out"))


def _absences(specs: list[AbsenceSpec], errors: ErrorCollector) -> tuple[Absence, ...]:
    """A person's `away:` times, in order; one that ends before it starts is an error at its `until:`."""
    found = []
    for spec in specs:
        where = source_of(spec.loc)
        if spec.until < spec.from_:
            errors.add(value_of(spec.loc, "until"),
                       say("found an absence until {until:%Y-%m-%d}, before its first day {first:%Y-%m-%d}",
                           until=spec.until, first=spec.from_),
                       say("`until:` is the last day away, on or after `from:`"))
            continue
        found.append(Absence(spec.from_, spec.until, where, spec.reason, spec.stand_in))
    return tuple(sorted(found, key=lambda absence: absence.first))


def person_ref(reading: Reading, person: str | None, where: Source) -> str | None:
    """The person an `owner:` names: one under `team:`."""
    if person is None:
        return None
    team = reading.calendar.team
    if person not in team:
        reading.errors.add(where, say("unknown person '{person}'", person=person),
                           reference_hint(person, team, "owner")
                           or say("add them under `team:` (someone who left stays there with `left:` and the "
                                  "day, so that what they did keeps their name)"))
        return None
    return person
