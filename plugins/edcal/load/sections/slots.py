"""`slots:`: the times of day a site names (``midi: 12:15``), which entries write instead of a time."""

from __future__ import annotations

import re

from edcal.i18n import say
from edcal.load.sections._reading import Document, Reading, collision, first_at
from edcal.load.yamlfile import LOC_KEY, Loc
from edcal.model.source import Source

#: Words of dates a slot may not be named: ``salon-industrie end``, ``+2 days at midi``, ``at publication``.
_NOT_SLOT_NAMES = frozenset({"end", "fin", "at", "publication", "day", "days", "week", "weeks", "month",
                             "months"})


#: A slot's name: a word, starting with a letter (``midi``, ``fin-de-journee``).
_SLOT_NAME = re.compile(r"^[^\W\d_][\w-]*$")


def read_slots(reading: Reading, documents: list[Document]) -> None:
    calendar, errors = reading.calendar, reading.errors
    seen: dict[str, Source] = {}
    for doc in documents:
        slots_raw = doc.raw.get("slots") or {}
        slots_loc: Loc | None = slots_raw.get(LOC_KEY) if isinstance(slots_raw, dict) else None
        for name, time in doc.spec.slots.items():
            where = slots_loc.key(name) if slots_loc else doc.raw[LOC_KEY].source
            key = name.lower()
            if key in seen:
                collision(where, say("slot '{name}' is defined twice (first at {path}:{line})",
                                     name=name, **first_at(seen[key])), errors)
                continue
            if not _SLOT_NAME.match(key):
                from edcal.ids import slugify

                meant = slugify(name, max_length=40)  # `l’apéro`: 'l-apero'; `12 h`: none ('12-h' is no name)
                hint = say("write it with letters, digits and dashes, e.g. '{meant}', and the same in the "
                           "entries that name it", meant=meant) \
                    if _SLOT_NAME.match(meant) and meant not in _NOT_SLOT_NAMES else None
                errors.add(where, say("found slot name '{name}', expected a word such as 'lunch'", name=name),
                           hint)
                continue
            if key in _NOT_SLOT_NAMES:  # `salon-industrie end` would read either way
                errors.add(where, say("found slot name '{name}', a word dates are written with "
                                      "(`salon-industrie end`, `at publication`)", name=name),
                           say("choose another name, e.g. 'evening'"))
                continue
            seen[key] = where
            calendar.slots[key] = time
