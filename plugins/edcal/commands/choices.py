"""The ``--network``, ``--owner`` and ``--campaign`` options of commands that list items (agenda, export)."""

from __future__ import annotations

from collections.abc import Mapping

from edcal.errors import InputError, InputErrors, closest
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


def network_choice(plan: Plan, name: str | None) -> str | None:
    """The id of a network set up for the site, named by its id or an alias (``twitter``).

    :raises InputErrors: :func:`network_error`'s.
    """
    if name is None:
        return None
    found = plan.calendar.network_id(name)
    if found is None:
        raise InputErrors([network_error(plan, name)])
    return found


def network_error(plan: Plan, name: str) -> InputError:
    """The error of ``--network`` naming no network set up for the site: one edcal knows that the site has
    not set up is "not set up" (as calendar.yaml says it); another is unknown, with the nearest one."""
    from edcal.load.network_registry import Registry, builtin_registry

    known = builtin_registry().canonical(name)
    set_up = ", ".join(sorted(plan.calendar.networks))
    if known is not None:
        message = say("network '{network}' is not set up under `networks:`", network=known)
        return InputError(Source("--network", 1, 1), message, say("networks: {names}", names=set_up))
    meant = Registry({**builtin_registry().networks, **plan.calendar.networks}).meant(name)
    if meant in plan.calendar.networks:
        hint = say("did you mean '{match}'?", match=meant)
    elif meant is not None:  # `fb`: a network edcal knows, not the site's
        hint = say("'{name}' would be {network}, which is not set up under `networks:` (networks: {names})",
                   name=name, network=meant, names=set_up)
    else:
        hint = say("networks: {names}", names=set_up)
    return InputError(Source("--network", 1, 1), say("unknown network '{name}'", name=name), hint)


def check_choice(option: str, value: str | None, known: Mapping[str, object]) -> None:
    """An error for an option's value that is not among ``known``, with the nearest id or name, or the
    list."""
    if value is not None and value not in known:
        raise InputErrors([InputError(Source(option, 1, 1),
                                      say("unknown value '{value}' for {option}", value=value, option=option),
                                      nearest(value, known)
                                      or say("known: {names}", names=", ".join(sorted(known))))])


def nearest(value: str, known: Mapping[str, object]) -> str | None:
    """"did you mean 'lea'?", or, nearest a person's or a campaign's name, "did you mean 'lea' (Léa
    Martin)?"."""
    names = {str(name).casefold(): (key, str(name)) for key, thing in known.items()
             if (name := getattr(thing, "name", None))}
    match = closest(value.casefold(), [*known, *names])
    if match is None:
        return None
    if match in known:
        return say("did you mean '{match}'?", match=match)
    key, name = names[match]
    return say("did you mean '{match}' ({name})?", match=key, name=name)
