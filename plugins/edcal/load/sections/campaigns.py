"""`campaigns:`: campaigns and their days, owner, hashtags and networks; and an entry's `campaign:`."""

from __future__ import annotations

from edcal.errors import listed_twice, repeats
from edcal.i18n import say
from edcal.ids import folded_hashtag
from edcal.load.colors import css_color
from edcal.load.network_registry import cadence_over_maximum
from edcal.load.schema import CampaignSpec
from edcal.load.sections._reading import Document, Reading, collision, first_at, item_of, source_of, value_of
from edcal.load.sections.key_dates import read_day_when
from edcal.load.sections.networks import setup_networks
from edcal.load.sections.team import person_ref
from edcal.load.validate import reference_hint
from edcal.model.calendar import Campaign
from edcal.model.source import Source


def read_campaigns(reading: Reading, documents: list[Document]) -> None:
    calendar = reading.calendar
    for doc in documents:
        for spec in doc.spec.campaigns:
            source = source_of(spec.loc)
            if spec.id in calendar.campaigns:
                collision(source, say("campaign '{id}' is defined twice (first at {path}:{line})",
                                      id=spec.id, **first_at(calendar.campaigns[spec.id].source)),
                          reading.errors)
                continue
            first = read_day_when(reading, spec.from_, value_of(spec.loc, "from"))
            last = read_day_when(reading, spec.until, value_of(spec.loc, "until"))
            if first is None or last is None:
                reading.failed_campaigns.add(spec.id)
                continue
            start, end = first.date, last.date
            key_dates = tuple(dict.fromkeys(w.key_date for w in (first, last) if w.key_date))
            if end < start:
                reading.errors.add(value_of(spec.loc, "until"),
                                   say("campaign '{id}' ends ({end:%Y-%m-%d}) before it starts "
                                       "({start:%Y-%m-%d})",
                                       id=spec.id, end=end, start=start),
                                   say("swap `from` and `until`"))
            owner = person_ref(reading, spec.owner, value_of(spec.loc, "owner"))
            color = css_color(spec.color, value_of(spec.loc, "color"), reading.errors)
            hashtags = _hashtags(reading, spec)
            networks = setup_networks(reading, spec.networks or [], spec.loc, "networks") \
                if spec.networks is not None else ()
            for network in networks:  # the first the cadence is too many for: one error is enough
                over = cadence_over_maximum(spec.cadence, calendar.networks[network], spec.id)
                if over is not None:
                    reading.errors.add(value_of(spec.loc, "cadence"), *over)
                    break
            calendar.campaigns[spec.id] = Campaign(
                id=spec.id, name=spec.name, start=start, end=end, source=source,
                hashtags=hashtags,
                objective=spec.objective.to_model() if spec.objective else None,
                utm_campaign=spec.utm_campaign, owner=owner, color=color,
                description=spec.description, promotional=spec.promotional,
                from_source=value_of(spec.loc, "from"), until_source=value_of(spec.loc, "until"),
                key_dates=key_dates, cadence=spec.cadence, networks=networks,
                cadence_source=value_of(spec.loc, "cadence") if spec.cadence is not None else None,
            )


def campaign_ref(reading: Reading, campaign: str | None, where: Source) -> str | None:
    """The campaign a `campaign:` names: one under `campaigns:`."""
    if campaign is None:
        return None
    if campaign not in reading.calendar.campaigns:
        if campaign in reading.failed_campaigns:
            return None  # its own error is reported
        reading.errors.add(where, say("unknown campaign '{campaign}'", campaign=campaign),
                           reference_hint(campaign, reading.calendar.campaigns, "campaign")
                           or say("add it under `campaigns:`"))
        return None
    return campaign


def _hashtags(reading: Reading, spec: CampaignSpec) -> tuple[str, ...]:
    """A campaign's hashtags, each once: one written again (``#Salon``, ``#salon``: networks tell no case
    nor accent apart) is an error, where drafts dropped it without a word."""
    tags = [_hashtag(h) for h in spec.hashtags]
    again = dict(repeats(folded_hashtag(tag) for tag in tags))
    for index, first in again.items():
        reading.errors.add(item_of(spec.loc, "hashtags", index),
                           *listed_twice(tags[index], tags[first], item_of(spec.loc, "hashtags", first),
                                         "hashtags"))
    return tuple(tag for index, tag in enumerate(tags) if index not in again)


def _hashtag(text: str) -> str:
    text = text.strip()
    return text if text.startswith("#") else f"#{text}"
