"""`ideas:`: articles not written yet, with their due dates; and ideas for posts (`networks:`)."""

from __future__ import annotations

from typing import Any

from edcal.i18n import say
from edcal.ids import IdAllocator, slugify
from edcal.load.sections._reading import Document, Reading, collision, first_at, key_of, source_of, value_of
from edcal.load.sections.campaigns import campaign_ref
from edcal.load.sections.checks import parse_silence
from edcal.load.sections.networks import setup_networks
from edcal.load.sections.team import person_ref
from edcal.model.calendar import Idea
from edcal.model.source import Source


def read_ideas(reading: Reading, documents: list[Document]) -> None:
    ids = IdAllocator()
    pending: list[tuple[Any, Source]] = []
    for doc in documents:
        for spec in doc.spec.ideas:
            pending.append((spec, source_of(spec.loc)))
    for spec, source in pending:
        if spec.id is not None:
            other = ids.explicit(spec.id, source)
            if other is not None:
                collision(source, say("idea id '{id}' is defined twice (first at {path}:{line})",
                                      id=spec.id, **first_at(other)), reading.errors)  # type: ignore[arg-type]
    for spec, source in pending:
        if spec.text is not None and spec.networks is None:
            reading.errors.add(key_of(spec.loc, "text"),
                               say("found `text:` on an idea with no `networks:`: an idea for an article "
                                   "has no text yet"),
                               say("an idea for a post names its networks (networks: [linkedin]); an "
                                   "article's angle goes in `notes:`"))
        idea_id = spec.id or ids.derived(slugify(spec.title) or "idea", source)
        fields = {name: value_of(spec.loc, name)
                  for name in ("draft_due", "review_due", "publish", "owner")}
        reading.calendar.ideas.append(
            Idea(
                id=idea_id, title=spec.title, status=spec.status, source=source,
                owner=person_ref(reading, spec.owner, fields["owner"]),
                draft_due=spec.draft_due, review_due=spec.review_due, publish=spec.publish,
                campaign=campaign_ref(reading, spec.campaign, value_of(spec.loc, "campaign")),
                notes=spec.notes, field_sources=fields,
                silenced=parse_silence(spec.silence, value_of(spec.loc, "silence"), reading.errors,
                                       reading.rules),
                networks=setup_networks(reading, spec.networks, spec.loc, "networks",
                                        say("e.g. networks: [linkedin]; leave `networks` out for an idea for "
                                            "an article"))
                if spec.networks is not None else (),
                text=spec.text,
            )
        )
