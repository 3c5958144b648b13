"""The network registry: built-in networks, then a site's overrides and declarations.

Built-in networks are read from ``edcal/networks/builtin.yaml`` with the same
schema a site uses in calendar.yaml, so a site-declared network is exactly as
capable as a built-in one.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
import urllib.parse
from collections.abc import Callable
from importlib import resources
from typing import Any

from edcal.addresses import host_name, url_host
from edcal.errors import ErrorCollector, closest, listed_twice
from edcal.i18n import Message, say, say_cadence, say_duration
from edcal.ids import slugify
from edcal.load import timeparse
from edcal.load.colors import css_color
from edcal.load.schema import ID_RE, NetworkSpec
from edcal.load.validate import validate_spec
from edcal.load.yamlfile import LOC_KEY, Loc, decode, load_yaml
from edcal.model.network import MOST_PER_DAY, SHARE_FORM_FIELDS, Cadence, Network, TextLimit
from edcal.model.source import Source

#: Rule fields copied from a spec onto a network when set.
_RULE_FIELDS = (
    "name", "url_length", "link_display", "links_clickable", "link_field", "facets", "mention_counting",
    "handles", "mentions_picked", "media", "max_images", "max_hashtags", "max_links", "title_limit",
    "alt_limit", "max_image_bytes", "image_aspect", "hashtag_case", "forbidden_characters", "share_form",
    "color", "template", "content_warning", "comment_limit", "replies", "poll_options", "poll_option_limit",
    "poll_question_limit", "poll_min_duration", "poll_max_duration", "poll_durations", "poll_media", "hosts",
)  # fmt: skip
_ACCOUNT_FIELDS = ("account", "slots", "cadence", "max_per_day", "objective", "utm_source", "utm_medium",
                   "lang", "since", "until", "in_first_comment")


#: Letters of other scripts that look like Latin ones (from Unicode's confusables, in lower case): a network's
#: name typed on a keyboard left in Russian or Greek, or pasted, looks right and names nothing (`х`,
#: `linkedіn`).
_LOOK_ALIKES = str.maketrans({
    **dict(zip("авсеһіјкмнорԛѕтуүхԝӏ", "abcehijkmhopqstyyxwl", strict=True)),  # Cyrillic
    **dict(zip("αβεηικνορτυχγω", "abeniknoptuxyw", strict=True)),  # Greek
    **dict(zip("օսհոց", "ouhng", strict=True)),  # Armenian
    "ı": "i",  # Turkish dotless i
})


class Registry:
    """Networks by id, with aliases (``twitter`` is ``x``)."""

    def __init__(self, networks: dict[str, Network]):
        self.networks = networks
        self.aliases = {alias: n.id for n in networks.values() for alias in n.aliases}

    def canonical(self, name: str) -> str | None:
        name = name.strip().lower()
        if name in self.networks:
            return name
        return self.aliases.get(name)

    def names(self) -> list[str]:
        return sorted([*self.networks, *self.aliases])

    def meant(self, name: str) -> str | None:
        """The id of the network an unknown name most likely means, or None: a nickname (``fb``), a
        name of several words that holds one (``X/Twitter``, ``Linked In``), else the closest id or alias
        (``tweeter``: ``x``, through ``twitter``)."""
        words, written, pieces = self._read(name)
        for candidate in (written, "".join(pieces), *pieces):
            if candidate in words:
                return words[candidate]
        match = closest(written, words)
        return words[match] if match else None

    def did_you_mean(self, name: str) -> Message | None:
        """The hint naming the network an unknown name most likely means (:meth:`meant`), or the networks
        of a name that holds several (``linkedin et x``: one per item), or None."""
        words, written, pieces = self._read(name)
        several = list(dict.fromkeys(words[piece] for piece in pieces if piece in words))
        if len(several) > 1 and written not in words and "".join(pieces) not in words:
            return say("'{found}' names several networks: one per item, [{ids}]", found=name,
                       ids=", ".join(several))
        meant = self.meant(name)
        if meant is None:
            return None
        letter = next((char for char in unicodedata.normalize("NFKC", name)
                       if len(lower := char.lower()) == 1 and ord(lower) in _LOOK_ALIKES), None)
        if letter is not None:  # the writer sees the network's name: say which letter is not what it looks
            return say("did you mean '{match}'? Its '{letter}' is a look-alike from another script ({name}): "
                       "retype it", match=meant, letter=letter, name=unicodedata.name(letter, "?").lower())
        return say("did you mean '{match}'?", match=meant)

    def _read(self, name: str) -> tuple[dict[str, str], str, list[str]]:
        """The names read or suggested (ids, aliases, nicknames) with their network's id, and ``name`` as
        compared with them: whole, and in its words."""
        read = {network_id: network_id for network_id in self.networks} | self.aliases
        nicknames = {nickname: network.id for network in self.networks.values()
                     for nickname in network.nicknames if nickname not in read}
        # full-width ｘ, Roman numeral Ⅹ, Cyrillic х: x
        written = unicodedata.normalize("NFKC", name).strip().lower().translate(_LOOK_ALIKES)
        return nicknames | read, written, [piece for piece in re.split(r"[^a-z0-9]+", written) if piece]

    def __contains__(self, name: str) -> bool:
        return self.canonical(name) is not None

    def __getitem__(self, network_id: str) -> Network:
        return self.networks[network_id]


def given_twice(written: str, network: str, first: Source, section: str) -> tuple[Message, Message]:
    """The error of a network's second key in a mapping by network (``linkedin:`` then ``LinkedIn:``, ``x:``
    then ``twitter:``): one of the two would be dropped."""
    return (say("found '{written}', the network '{network}' given already in `{section}:` ({path}:{line})",
                written=written, network=network, section=section, path=first.path, line=first.line),
            say("keep one entry per network: merge the two"))


def listed_network_twice(written: str, network: str, first: Source, field: str) -> tuple[Message, Message]:
    """The error of a network named again in a list of networks (``[linkedin, LinkedIn]``, ``[x,
    twitter]``): it would be read once, the second name dropped."""
    return (given_twice(written, network, first, field)[0],
            say("remove it: a list names each network once"))


@functools.cache
def builtin_registry() -> Registry:
    """The networks edcal knows without configuration."""
    path = "edcal/networks/builtin.yaml"
    data = resources.files("edcal.networks").joinpath("builtin.yaml").read_bytes()
    raw = load_yaml(decode(data, path), path)
    errors = ErrorCollector()
    networks: dict[str, Network] = {}
    for network_id, entry in raw.items():
        if network_id == LOC_KEY:
            continue
        nicknames = _nicknames(entry)
        spec = validate_spec(NetworkSpec, entry, errors)
        if spec is None:
            continue
        limits = tuple(TextLimit(lim.counting, lim.max) for lim in spec.limits or ())
        base = Network(id=network_id, name=spec.name or network_id, limits=limits, nicknames=nicknames,
                       template=f"{network_id}.txt.j2")
        networks[network_id] = apply_spec(base, spec, aliases=spec_aliases(entry))
    errors.raise_if_any()
    return Registry(networks)


def spec_aliases(entry: dict[str, Any]) -> tuple[str, ...]:
    aliases = entry.get("aliases") or ()
    return tuple(str(a).lower() for a in aliases)


def _alias_names(spec: NetworkSpec) -> tuple[str, ...]:
    """A site's aliases of a network as posts' names are compared with them: in lower case, without the
    spaces around them (an empty one, told, names nothing)."""
    return tuple(dict.fromkeys(name for alias in spec.aliases or () if (name := alias.strip().lower())))


def _nicknames(entry: dict[str, Any]) -> tuple[str, ...]:
    """A built-in network's ``nicknames:``, taken out of its entry: no site sets them (builtin.yaml)."""
    return tuple(str(nickname).lower() for nickname in entry.pop("nicknames", None) or ())


def apply_spec(base: Network, spec: NetworkSpec, aliases: tuple[str, ...] = ()) -> Network:
    """A network with every value the spec sets replacing the base's."""
    changes: dict[str, Any] = {}
    for name in (*_RULE_FIELDS, *_ACCOUNT_FIELDS):
        value = getattr(spec, name)
        if value is None or (name == "slots" and not value):
            continue
        if name == "slots":
            value = tuple(value)
        if name == "poll_durations":
            value = tuple(sorted({timeparse.parse_poll_duration(written) for written in value}))
        if name == "hosts":
            value = tuple(dict.fromkeys(host_name(host.strip()) for host in value))
        if name == "in_first_comment":
            value = tuple(dict.fromkeys(value))
        if name == "objective":
            value = spec.objective.to_model()  # type: ignore[union-attr]
        changes[name] = value
    if spec.limits:
        changes["limits"] = tuple(TextLimit(lim.counting, lim.max) for lim in spec.limits)
    elif spec.limit is not None or spec.counting is not None:
        first = base.limits[0] if base.limits else TextLimit("characters", spec.limit or 0)
        primary = TextLimit(spec.counting or first.counting, spec.limit or first.max)
        changes["limits"] = (primary, *base.limits[1:])
    if aliases:
        changes["aliases"] = aliases
    return dataclasses.replace(base, **changes)


def site_network(
    network_id: str,
    spec: NetworkSpec,
    registry: Registry,
    key_source: Source,
    errors: ErrorCollector,
    written: str | None = None,
) -> Network | None:
    """Merge a site's ``networks.<id>`` entry with the registry, or declare a new network.

    :param written: the key as the file writes it (``Insta``), for the error of a network edcal does not know.
    """
    canonical = registry.canonical(network_id)
    where = spec.loc
    if canonical is not None and not spec.custom and spec.like is None:
        builtin = registry[canonical]  # a site's aliases add to the built-in ones (they were dropped)
        extra = tuple(alias for alias in _alias_names(spec) if alias not in builtin.aliases)
        network = apply_spec(builtin, spec, aliases=builtin.aliases + extra)
    elif spec.custom or spec.like is not None:
        if not ID_RE.match(network_id):  # it names the network's feed and drafts folder
            errors.add(key_source, say("found network id '{network}', expected a-z, digits and dashes (80 "
                                       "at most): it names the network's feed and drafts folder",
                                       network=network_id[:80]),
                       say("e.g. {example}", example=slugify(network_id)[:40] or "intranet"))
            return None
        if canonical is not None:
            errors.add(key_source, say("'{network}' is already a built-in network", network=network_id),
                       say("remove `custom`/`like` to configure the built-in one, or choose another id"))
            return None
        base = Network(id=network_id, name=network_id, limits=(), builtin=False,
                       template="default.txt.j2")
        if spec.like is not None:
            like = registry.canonical(spec.like)
            if like is None:
                source = where.value("like") if where else key_source
                errors.add(source, say("unknown network '{network}' in `like`", network=spec.like),
                           registry.did_you_mean(spec.like))
                return None
            model = registry[like]  # a built-in network, or a network of the site's own like one
            base = dataclasses.replace(model, id=network_id, aliases=(), nicknames=(), builtin=False,
                                       like=model.id if model.builtin else model.like)
        network = apply_spec(base, spec, aliases=_alias_names(spec))
        if not network.limits:
            errors.add(key_source, say("network '{network}' has no text limit", network=network_id),
                       say("add `limit: 3000` (and `counting: characters`) or `like: linkedin`"))
            return None
        if spec.name is None:
            errors.add(key_source, say("network '{network}' has no name", network=network_id),
                       say("add `name:`, e.g. name: Intranet"))
            return None
    else:
        meant = registry.meant(network_id)
        hint = say("did you mean '{match}'? To declare a network of your own, add `custom: true` (or `like: "
                   "linkedin`), `name:` and `limit:`.", match=meant) if meant \
            else say("To declare a network of your own, add `custom: true` (or `like: linkedin`), `name:` "
                     "and `limit:`.")
        errors.add(key_source, say("unknown network '{network}'", network=written or network_id), hint)
        return None
    color = css_color(network.color, where.value("color") if where else key_source, errors)
    if spec.share_form is not None:
        _check_share_form(spec.share_form, where.value("share_form") if where else key_source, errors)
    if spec.hosts:
        located = where
        _check_hosts(spec.hosts, (lambda index: located.item("hosts", index)) if located
                     else (lambda _index: key_source), errors)
    elif spec.hosts is None and where is not None and "hosts" in where.fields:  # `hosts:` written empty
        own = say("{network}'s own ({hosts})", network=network.name, hosts=", ".join(network.hosts)) \
            if network.hosts else say("the other networks' hosts")
        errors.add(where.value("hosts"), say("`hosts:` is empty on {network}, expected the hosts its posts' "
                                             "addresses are on", network=network.name),
                   say("write `hosts: []` to judge no address, or leave the line out for {own}", own=own))
    if where is not None:
        _each_once(spec, where, errors)
    if network.in_first_comment:
        _check_first_comment(network, where.value("in_first_comment") if where else key_source, errors)
    _check_poll_durations(network, spec, where.value if where else (lambda _name: key_source), errors)
    if network.max_per_day is not None and network.max_per_day > MOST_PER_DAY:
        errors.add(where.value("max_per_day") if where else key_source,
                   say("found max_per_day: {found} on {network}, expected at most {most}: a post a minute, "
                       "day and night", found=network.max_per_day, network=network.name, most=MOST_PER_DAY),
                   say("max_per_day is the most posts the account may have on one day, e.g. 2"))
    over = cadence_over_maximum(network.cadence, network)
    if over is not None:
        errors.add(where.value("cadence" if spec.cadence is not None else "max_per_day") if where
                   else key_source, *over)
    if network.since is not None and network.until is not None and network.until < network.since:
        errors.add(where.value("until") if where else key_source,
                   say("found until: {until}, before since: {since} on {network}", until=network.until,
                       since=network.since, network=network.name),
                   say("`since:` is the first day the site posts on this account, `until:` the last"))
    template_source = where.value("template") if where and spec.template is not None else None
    return dataclasses.replace(network, color=color or network.color, source=key_source,
                               template_source=template_source)


def cadence_over_maximum(cadence: Cadence | None, network: Network,
                         campaign: str | None = None) -> tuple[Message, Message] | None:
    """The error and hint for a cadence (a network's own, or a ``campaign``'s on it) more than the network's
    ``max_per_day:`` lets it post in a period: a target no plan could meet."""
    if cadence is None or network.max_per_day is None:
        return None
    most = cadence.most(network.max_per_day)
    if cadence.count <= most.count:
        return None
    values = {"target": say_cadence(cadence), "limit": network.max_per_day, "network": network.name,
              "most": say_cadence(most)}
    message = say("found cadence {target} on {network}, more than max_per_day: {limit} lets it post ({most})",
                  **values) if campaign is None else \
        say("found cadence {target} on campaign '{campaign}', more than max_per_day: {limit} lets {network} "
            "post ({most})", campaign=campaign, **values)
    if campaign is not None:
        hint = say("lower the campaign's `cadence:`, or raise {network}'s `max_per_day:` in `networks:`: a "
                   "campaign's cadence is asked of each network its `networks:` names (without `networks:`, "
                   "of its posts on all networks together)", network=network.name)
    else:
        hint = say("lower `cadence:`, or raise `max_per_day:`")
    if cadence.per == "month":
        return message, say("{hint} (a month's target is asked of February too: 28 days)", hint=hint)
    return message, hint


def _check_poll_durations(network: Network, spec: NetworkSpec, where: Any, errors: ErrorCollector) -> None:
    """A network's poll durations that no poll could meet: an empty list of them, or a shortest time longer
    than the longest (the site's settings, or one of them over the built-in other)."""
    if spec.poll_durations is not None and not spec.poll_durations:
        errors.add(where("poll_durations"),
                   say("found `poll_durations: []`, expected the times a poll may be open there, one at "
                       "least"),
                   say("leave `poll_durations:` out for any time between `poll_min_duration:` and "
                       "`poll_max_duration:`; a network without polls has no `poll_options:`"))
    shortest, longest = network.poll_min_duration, network.poll_max_duration
    if shortest is not None and longest is not None and shortest > longest:
        name = "poll_min_duration" if spec.poll_min_duration is not None else "poll_max_duration"
        errors.add(where(name), say("found a poll's shortest time ({shortest}) longer than its longest "
                                    "({longest}) on {network}", shortest=say_duration(shortest),
                                    longest=say_duration(longest), network=network.name),
                   say("`poll_min_duration:` is the shortest time a poll may be open, `poll_max_duration:` "
                       "the longest"))


def _each_once(spec: NetworkSpec, where: Loc, errors: ErrorCollector) -> None:
    """An error for an item of a network's list that says what an earlier one says (``hosts: [lnkd.in,
    www.lnkd.in]``, ``slots: [tue 09:00, mardi 9h]``): it would be read once, the second dropped."""
    lists: dict[str, list[tuple[str, set[Any]]]] = {  # each item as written, and what it says
        "slots": [(slot.label, {(day, slot.time) for day in slot.weekdays}) for slot in spec.slots],
        "in_first_comment": [(kind, {kind}) for kind in spec.in_first_comment or ()],
        "poll_durations": [(written, {timeparse.parse_poll_duration(written)})
                           for written in spec.poll_durations or ()],
        "hosts": [(host.strip(), {host_name(host.strip())} if host.strip() else set())
                  for host in spec.hosts or ()],
    }
    for name, items in lists.items():
        first: dict[Any, int] = {}
        for index, (written, says) in enumerate(items):
            again = next((first[value] for value in says if value in first), None)
            if again is not None:
                errors.add(where.item(name, index),
                           *listed_twice(written, items[again][0], where.item(name, again), name))
                continue
            first.update({value: index for value in says})


def _check_first_comment(network: Network, where: Source, errors: ErrorCollector) -> None:
    """``in_first_comment:`` needs a network that takes a first comment, and a link one that makes it
    clickable there."""
    if network.comment_limit is None:
        errors.add(where, say("found `in_first_comment:` on {network}, which takes no first comment",
                              network=network.name),
                   say("remove it; a network of your own that takes one sets its limit, e.g. `comment_limit: "
                       "1250` (LinkedIn's)"))
    elif "link" in network.in_first_comment and not network.links_clickable:
        errors.add(where, say("found `link` in `in_first_comment:` on {network}, whose links are not "
                              "clickable, in comments either", network=network.name),
                   say("keep `hashtags` only; readers reach the article through the profile's link"))


def _check_hosts(hosts: list[str], where: Callable[[int], Source], errors: ErrorCollector) -> None:
    """A network's hosts are names of hosts (``bsky.app``, ``atelier-métal.fr``), as an address's is read: no
    scheme, no path. Each wrong one is told at its place in the list."""
    for index, written in enumerate(host.strip() for host in hosts):
        told = _host_error(written)
        if told is not None:
            errors.add(where(index), *told)


def _host_error(written: str) -> tuple[Message, Message] | None:
    """What is wrong with a host as written, and the hint; None for a host's name."""
    # A name of 254 characters, or of 64 between two dots, is no host's (RFC 1035): no address is on it. Told
    # first: a part with an accent longer than that in Punycode has no ASCII form, and read as no name at all.
    if not written:
        return (say("found an empty host, expected the name of a host its posts' addresses are on"),
                say("write the host's name (bsky.app), or remove the empty item"))
    labels = [(label, _ascii_label(label)) for label in written.lower().removesuffix(".").split(".")]
    label, ascii = next(((label, ascii) for label, ascii in labels if len(ascii) > 63), ("", ""))
    shown = written if len(written) <= 80 else written[:80] + "…"
    copied = say("a host's name is the part of its posts' addresses between `//` and the next `/`: check it "
                 "was copied whole, and alone")
    if label == ascii != "":
        return say("found host '{host}', whose part '{label}' has {length} characters, expected 63 at most "
                   "between two dots", host=shown, label=label, length=len(label)), copied
    if label:
        return say("found host '{host}', whose part '{label}' has {length} characters as addresses write it "
                   "({ascii}…), expected 63 at most between two dots", host=shown, label=label,
                   length=len(ascii), ascii=ascii[:12]), copied
    if (length := len(".".join(ascii for _label, ascii in labels))) > 253:
        return say("found host '{host}' of {length} characters, expected 253 at most", host=shown,
                   length=length), copied
    if _HOST.match(host_name(written)):
        dashed = next((label for label, _ascii in labels if label[:1] == "-" or label[-1:] == "-"), None)
        if dashed is None:
            return None
        # `-bad.fr`: RFC 1123 ends each part with a letter or a digit; no address is on it.
        message = say("found host '{host}', whose part '{label}' starts with a dash, expected letters or "
                      "digits at both ends of each part", host=shown, label=dashed) if dashed[:1] == "-" \
            else say("found host '{host}', whose part '{label}' ends with a dash, expected letters or digits "
                     "at both ends of each part", host=shown, label=dashed)
        return message, copied
    if written and "//" not in written and any(label == "" for label, _ascii in labels):
        return say("found host '{host}', with nothing between two of its dots", host=shown), copied
    message = say("found host '{host}', expected the name of a host its posts' addresses are on",
                  host=written[:80])
    # An address pasted whole, a host with its port (bsky.app:443), a login (me@) or a wildcard (*.bsky.app,
    # whose subdomains are in anyway): its host is what to write.
    address = written if "//" in written else "//" + written.removeprefix("*.")
    inside = url_host(address)
    if inside is not None and _HOST.match(inside):
        return message, say("write its host alone: '{host}' (its subdomains are in)",
                            host=urllib.parse.urlsplit(address).hostname or inside)
    return message, say("write the host alone, e.g. `hosts: [linkedin.com, lnkd.in]` (its subdomains are in)")


def _ascii_label(label: str) -> str:
    """A part of a host's name as addresses carry it: ``atelier-métal`` is ``xn--atelier-mtal-jeb``."""
    return label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")


#: A host's name, as :func:`edcal.addresses.host_name` writes it: labels with a dot between them, or one
#: name with a letter in it (an intranet's ``lefil``; not a number).
_HOST = re.compile(r"^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+|[a-z0-9-]*[a-z][a-z0-9-]*)$")


def _check_share_form(form: str, where: Source, errors: ErrorCollector) -> None:
    """A share form is an https address that takes the words (``{text}``) or the link (``{url}``)."""
    others = sorted(set(re.findall(r"\{[^{}]*\}", form)) - set(SHARE_FORM_FIELDS))
    takes = "{text}" in form or "{url}" in form
    if not form.startswith(("https://", "http://")) or others or not takes:
        found = say("placeholder {placeholder}", placeholder=others[0]) if others \
            else say("share_form '{form}'", form=form[:80])
        errors.add(where, say("found {found}, expected an http(s) address with {{text}} (the words to "
                              "share) or {{url}} (the link), and {{title}} if the form asks for one, where "
                              "the form takes them", found=found),
                   say("e.g. https://mastodon.example/share?text={{text}}"))


def registry_with(site_networks: dict[str, Network]) -> Registry:
    """The built-in registry extended with a site's declared networks."""
    merged = dict(builtin_registry().networks)
    merged.update(site_networks)
    return Registry(merged)
