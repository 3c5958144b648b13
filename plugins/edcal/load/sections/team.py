"""`team:`: the people of the plan, whom entries name as their `owner:`."""

from __future__ import annotations

from edcal.i18n import say
from edcal.load.sections._reading import Document, Reading, collision, first_at, source_of
from edcal.load.validate import reference_hint
from edcal.model.calendar import Person
from edcal.model.source import Source


def read_team(reading: Reading, documents: list[Document]) -> None:
    calendar, errors = reading.calendar, reading.errors
    for doc in documents:
        for person in doc.spec.team:
            source = source_of(person.loc)
            if person.id in calendar.team:
                collision(source, say("person '{id}' is defined twice (first at {path}:{line})",
                                      id=person.id, **first_at(calendar.team[person.id].source)), errors)
                continue
            calendar.team[person.id] = Person(person.id, person.name, person.email, source, person.left)


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
