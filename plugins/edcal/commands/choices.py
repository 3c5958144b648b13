"""The ``--owner`` and ``--campaign`` options of commands that list items (agenda, export)."""

from __future__ import annotations

from edcal.errors import InputError, InputErrors, did_you_mean
from edcal.i18n import say
from edcal.model.plan import Plan
from edcal.model.source import Source


def owner_and_campaign(plan: Plan, owner: str | None, campaign: str | None) -> tuple[str | None, str | None]:
    """Their ids: a person named by id in any case, name or e-mail (``Camille``, ``Camille Roux``), a
    campaign by id or name.

    :raises InputErrors: for a name the site does not know (a typo is an error, not an empty list).
    """
    owner = None if owner is None else plan.calendar.person_id(owner.strip()) or owner.strip()
    campaign = None if campaign is None else plan.calendar.campaign_id(campaign.strip()) or campaign.strip()
    check_choice("--owner", owner, plan.calendar.team)
    check_choice("--campaign", campaign, plan.calendar.campaigns)
    return owner, campaign


def check_choice(option: str, value: str | None, known: dict[str, object]) -> None:
    """An error for an option's value that is not among ``known``, with the nearest one or the list."""
    if value is not None and value not in known:
        raise InputErrors([InputError(Source(option, 1, 1),
                                      say("unknown value '{value}' for {option}", value=value, option=option),
                                      did_you_mean(value, known)
                                      or say("known: {names}", names=", ".join(sorted(known))))])
