"""`networks:`: the networks a site posts on, with its own settings and aliases; and the networks
entries name, set up or not."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from edcal import public_holidays
from edcal.errors import ErrorCollector, did_you_mean, listed_twice
from edcal.hints import TYPOGRAPHIC_QUOTES
from edcal.i18n import Message, say
from edcal.load.network_registry import (
    Registry,
    builtin_registry,
    listed_network_twice,
    registry_with,
    site_network,
)
from edcal.load.sections._reading import Document, Reading, collision, first_at, item_of, key_of, value_of
from edcal.load.sections.places import check_country, read_zone
from edcal.load.yamlfile import LOC_KEY, Loc
from edcal.model.network import Network
from edcal.model.source import Source

#: Ids a network cannot take: the blog's feed (calendars/blog.ics) and filters use them.
RESERVED_NETWORK_IDS = frozenset({"blog"})


def read_networks(reading: Reading, documents: list[Document]) -> None:
    calendar = reading.calendar
    seen: dict[str, Source] = {}
    declared: list[tuple[Network, Any]] = []
    for doc in documents:
        networks_loc: Loc = doc.raw.get("networks", {}).get(LOC_KEY) or doc.raw[LOC_KEY]
        if "networks" in doc.raw:  # a network with a refused value (told) is left out: posts on it go untold
            reading.failed_networks |= {str(name).lower() for name in networks_loc.fields
                                        if name not in doc.spec.networks}
        for name, spec in doc.spec.networks.items():
            key_source = networks_loc.key(name)
            if name.lower() in RESERVED_NETWORK_IDS:
                reading.errors.add(key_source, say("found network '{name}', a name edcal keeps for its own "
                                                   "feeds and filters", name=name),
                                   say("give the network another id, e.g. 'blog-interne'"))
                continue
            written_id = str(name).strip().lower()
            if name != written_id and reading.registry.canonical(written_id) is not None:
                # `linkedIn:` or "linkedin ": a network is set up by its id as written (docs/calendar.md);
                # a post names it in any case.
                reading.errors.add(key_source,
                                   say("found network '{name}', expected its id, in lower case and without "
                                       "spaces", name=name),
                                   say("did you mean '{match}'?", match=written_id))
                reading.failed_networks |= {written_id, reading.registry.canonical(written_id) or ""}
                continue
            network = site_network(name.lower(), spec, reading.registry, key_source, reading.errors, name)
            if network is None:  # reported at its key: the posts on it are not told again
                meant = reading.registry.meant(name)
                reading.failed_networks |= {name.lower(), meant or ""}
                continue
            if network.id in seen:
                collision(key_source, say("network '{id}' is defined twice (first at "
                                          "{path}:{line})", id=network.id,
                                          **first_at(seen[network.id])), reading.errors)
                continue
            seen[network.id] = key_source
            network = _placed(reading, network, spec)
            calendar.networks[network.id] = network
            declared.append((network, spec))
    custom = {n.id: n for n in calendar.networks.values() if not n.builtin}
    _aliases_apart(declared, reading.errors)
    reading.registry = registry_with(custom)
    # A built-in network's aliases the site adds (`linkedin: {aliases: [li]}`) name it too.
    reading.registry.aliases.update({alias: network.id for network in calendar.networks.values()
                                     if network.builtin for alias in network.aliases})


def _placed(reading: Reading, network: Network, spec: Any) -> Network:
    """The network with its account's time zone, country and region (`timezone:`, `country:`,
    `subdivision:`), read as the site's are; those refused (told) are left unset: the site's."""
    errors, where = reading.errors, spec.loc
    changes: dict[str, Any] = {}
    if spec.timezone is not None:
        zone = read_zone(spec.timezone, value_of(where, "timezone"), errors)
        if zone is not None:
            changes.update(timezone=spec.timezone, zone=zone)
    country = spec.country.strip().upper() if spec.country else None
    if country is not None or spec.subdivision is not None:
        site_country = reading.calendar.country
        if country is None and site_country is None:
            errors.add(key_of(where, "subdivision"), say("`subdivision` needs `country`"),
                       say("add `country:` to {network}, or to the site", network=network.id))
        elif country is None and not public_holidays.known_country(site_country or ""):
            pass  # the site's country is refused where it is written (told)
        elif check_country(country or site_country or "", spec.country or site_country or "",
                           spec.subdivision, errors, value_of(where, "country"),
                           value_of(where, "subdivision")):
            changes.update(country=country, subdivision=spec.subdivision)
    return dataclasses.replace(network, **changes) if changes else network


def _aliases_apart(declared: list[tuple[Network, Any]], errors: ErrorCollector) -> None:
    """A site network's alias may be no network's id nor another network's alias: a post on `intra`
    went to one network, `edcal agenda --network intra` looked at the other."""
    builtin = builtin_registry()
    owners: dict[str, str] = dict(builtin.aliases)
    ids = {*builtin.networks, *(network.id for network, _spec in declared)}
    for network, spec in declared:
        own: dict[str, int] = {}  # this network's aliases, each at its index
        for index, alias in enumerate(spec.aliases or ()):
            name = str(alias).strip().lower()
            where = item_of(spec.loc, "aliases", index)
            if not name:  # `aliases: [masto2, '']`: a comma too many; no post can write it
                errors.add(where, say("found an empty alias on network '{network}', expected another name it "
                                      "is written with", network=network.id),
                           say("write the name, e.g. '{example}', or remove the empty item",
                               example=network.nicknames[0]) if network.nicknames
                           else say("write the name, or remove the empty item"))
                continue
            if name in own:  # `aliases: [li, LI]`: read once, the second dropped
                errors.add(where, *listed_twice(alias, (spec.aliases or [])[own[name]],
                                                item_of(spec.loc, "aliases", own[name]), "aliases"))
                continue
            own[name] = index
            if name == network.id:  # `mastodon: {aliases: [mastodon]}`: no name added, a slip for another
                errors.add(where, say("found alias '{alias}' on network '{network}', its own id", alias=alias,
                                      network=network.id),
                           say("remove it: the id names the network already"))
            elif builtin.aliases.get(name) == network.id:  # `x: {aliases: [twitter]}`
                errors.add(where, say("found alias '{alias}' on network '{network}', one of its built-in "
                                      "aliases", alias=alias, network=network.id),
                           say("remove it: it names the network already"))
            elif name in RESERVED_NETWORK_IDS:
                errors.add(where, say("found alias '{alias}' on network '{network}', a name edcal "
                                      "keeps for its own feeds and filters",
                                      alias=alias, network=network.id),
                           say("give another alias"))
            elif name in ids:
                errors.add(where, say("found alias '{alias}' on network '{network}', which is the "
                                      "id of the network '{other}'",
                                      alias=alias, network=network.id, other=name),
                           say("remove it, or give another alias"))
            elif owners.get(name, network.id) != network.id:
                errors.add(where, say("found alias '{alias}' on network '{network}', an alias of "
                                      "the network '{other}' already",
                                      alias=alias, network=network.id, other=owners[name]),
                           say("give each network aliases of its own"))
            else:
                owners[name] = network.id


def network_ref(reading: Reading, name: str, where: Source) -> str | None:
    """A network a post may use: known to edcal *and* set up under ``networks:``."""
    calendar = reading.calendar
    canonical = reading.registry.canonical(name)
    if canonical is None and name.lower() in reading.failed_networks:
        return None  # refused where it is set up (told)
    if canonical is None:
        reading.errors.add(where, say("unknown network '{name}'", name=name),
                           unknown_network_hint(name, calendar.networks, reading.registry))
        return None
    if canonical not in calendar.networks:
        if canonical in reading.failed_networks or name.lower() in reading.failed_networks:
            return None
        reading.errors.add(where, *not_set_up(canonical, calendar.networks,
                                              None if name.lower() == canonical else name))
        return None
    return canonical


def unknown_network_hint(name: str, set_up: Iterable[str], registry: Registry,
                         extra: Iterable[str] = ()) -> str:
    """The hint for a network edcal does not know: the one it most likely means (``fb``: facebook), else
    the networks the site sets up.

    :param extra: other words the place takes (`social:`'s ``skip``), suggested first.
    """
    set_up = sorted(set_up)
    bare = name.strip(TYPOGRAPHIC_QUOTES + " \u00a0\u202f").lower()
    if bare != name.lower() and (bare in set_up or bare in registry):  # `“x”`, as Word quotes a name
        return say("did you mean '{match}'? remove the quotes",
                   match=bare if bare in set_up else registry.canonical(bare))
    return did_you_mean(name.lower(), extra) or registry.did_you_mean(name) or (
        say("set up: {networks}", networks=", ".join(set_up)) if set_up else say("set up: none"))


def not_set_up(network: str, set_up: Iterable[str], written: str | None = None) -> tuple[Message, Message]:
    """The error and hint for a network edcal knows that calendar.yaml does not set up (``facebook``, or
    ``written`` another way, ``Facebook (Meta)``): add it under ``networks:``."""
    message = say("network '{network}' is not set up under `networks:`", network=network) if written is None \
        else say("network '{name}' (that is, '{network}') is not set up under `networks:`", name=written,
                 network=network)
    return message, say("add `{network}: {{}}` under `networks:` to post there (set up: {networks})",
                        network=network, networks=", ".join(sorted(set_up)) or say("none"))


def setup_networks(reading: Reading, names: list[str], loc: Loc | None,
                   field_name: str, empty_hint: Message | None = None) -> tuple[str, ...]:
    """The ids of networks set up under `networks:` (aliases read, each once); an error for any other.

    :param empty_hint: the hint for an empty list (default: what leaving `networks` out means on a post).
    """
    if not names:
        reading.errors.add(loc.value(field_name) if loc else reading.calendar.source,
                           say("found no network, expected at least one"),
                           empty_hint
                           or say("e.g. networks: [linkedin]; leave `networks` out for every network"))
    return set_up_ids(reading, names, lambda index: item_of(loc, field_name, index), field_name)


def set_up_ids(reading: Reading, names: list[str], where: Callable[[int], Source],
               field_name: str = "networks") -> tuple[str, ...]:
    """The ids of the networks ``names`` names (aliases read) that are set up under `networks:`; an error
    at ``where(index)`` for any other, and for one named twice (located only then: it costs something)."""
    result: dict[str, int] = {}  # each network, and the index of the name that gave it
    for index, name in enumerate(names):
        canonical = reading.registry.canonical(name)
        if canonical is None or canonical not in reading.calendar.networks:
            canonical = network_ref(reading, name, where(index))
        if canonical is None:
            continue
        if canonical in result:
            reading.errors.add(where(index), *listed_network_twice(name.strip(), canonical,
                                                                   where(result[canonical]), field_name))
            continue
        result[canonical] = index
    return tuple(result)


def known_networks(reading: Reading, names: list[str], loc: Loc | None, field_name: str,
                   empty_hint: str | None = None, every: frozenset[str] = frozenset()) -> tuple[Network, ...]:
    """Any network edcal knows, set up under `networks:` or not: staff share on their own accounts
    (`ambassadors:`), and a freeze may be about those networks too.

    :param every: words meaning "every network" (``all``), whose error gets ``empty_hint``.
    """
    if not names:
        reading.errors.add(loc.value(field_name) if loc else reading.calendar.source,
                           say("found no network, expected at least one"),
                           empty_hint
                           or say("e.g. networks: [linkedin]; leave `networks` out for the default"))
    found: dict[str, Network] = {}
    first: dict[str, int] = {}  # the index of the name that gave each network
    for index, name in enumerate(names):
        canonical = reading.registry.canonical(name)
        if canonical is None and name.lower() in reading.failed_networks:
            continue  # refused where it is set up (told)
        if canonical is None:
            reading.errors.add(item_of(loc, field_name, index), say("unknown network '{name}'", name=name),
                               empty_hint if name.lower() in every else
                               reading.registry.did_you_mean(name))
            continue
        network = reading.calendar.networks.get(canonical) or reading.registry[canonical]
        if network.id in found:
            reading.errors.add(item_of(loc, field_name, index),
                               *listed_network_twice(name.strip(), network.id,
                                                     item_of(loc, field_name, first[network.id]), field_name))
            continue
        found[network.id], first[network.id] = network, index
    return tuple(found.values())
