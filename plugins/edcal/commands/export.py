"""``edcal export``: one file for a bulk scheduler, filtered by network and dates."""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path

from edcal.clock import parse_window
from edcal.commands.choices import network_choice, owner_and_campaign
from edcal.errors import InputError, InputErrors
from edcal.files import os_reason, write_all
from edcal.i18n import say
from edcal.model.source import Source
from edcal.outputs import exports
from edcal.pelican_plugin.metadata import NOW, read_plan


@dataclass
class Export:
    """What an export writes, and what it says of it."""

    #: Its files (one, unless Hootsuite's is split), each with its bytes.
    files: list[tuple[Path, bytes]]
    #: Notes on Hootsuite's unconfirmed rules, and on the posts left out.
    warnings: list[str]
    #: What else the user is told: no post matched.
    notes: list[str] = field(default_factory=list)


def export(site: Path, settings_file: str, fmt: str, network: str | None, since: str | None,
           until: str | None, output: Path | None = None, owner: str | None = None,
           campaign: str | None = None) -> Export:
    """The export's files (one, unless Hootsuite's is split), its warnings and notes.

    :param owner: only the posts of this person (id, name or e-mail).
    :param campaign: only the posts of this campaign (id or name).
    :raises InputErrors: on an unknown network, person or campaign or an invalid date, or when a
        Hootsuite export too long for one file is to go to standard output
        (``output`` None).
    """
    plan = read_plan(site, settings_file, compose_from=NOW if since is None else since)
    zone = plan.calendar.zone
    network = network_choice(plan, network)
    if fmt == "hootsuite" and network is not None and plan.calendar.networks[network].platform is None:
        name = plan.calendar.networks[network].name
        raise InputErrors([InputError(Source("--network", 1, 1),
                                      say("{name} is a network of the site's own (custom: true), which "
                                          "Hootsuite cannot post to", name=name),
                                      say("export csv or json for it"))])
    if fmt == "hootsuite" and network is None:
        eligible = sorted(n.id for n in plan.calendar.networks.values() if n.platform is not None)
        if len(eligible) != 1:
            raise InputErrors([InputError(
                Source("--network", 1, 1), say("Hootsuite takes one network per file") if eligible
                else say("no network of the site is one Hootsuite posts to (they are all custom)"),
                say("choose one with --network: {networks}", networks=", ".join(eligible)) if eligible
                else say("export csv or json"))])
        network = eligible[0]
    owner, campaign = owner_and_campaign(plan, owner, campaign)
    start, end = parse_window(since, until, zone, plan.now)
    posts = [post for post in exports.upcoming(plan, network, start, end)
             if (owner is None or post.owner == owner) and (campaign is None or post.campaign == campaign)]
    if fmt == "hootsuite" and output is None:  # standard output is one file: refused before anything is made
        parts = exports.hootsuite_files(posts, Path("-"))
        if len(parts) > 1:
            raise InputErrors([InputError(
                Source("--output", 1, 1),
                say("{count} posts for Hootsuite, which takes at most {limit} per upload",
                    count=sum(len(rows) for _, rows in parts), limit=exports.HOOTSUITE_MAX_ROWS),
                say("write them to files, e.g. -o {network}.csv: they are split into {network}-1.csv, "
                    "{network}-2.csv…; or narrow with --since and --until", network=network))])
    files, warnings = exports.render(fmt, posts, plan, output or Path("-"))  # "-": standard output
    rows = sum(1 for post in posts if post.status == "scheduled") if fmt == "hootsuite" else len(posts)
    notes: list[str] = []
    if not rows:  # `--since 2030-01-01`, a network without posts: an empty file, said so
        notes.append(say("no post matched: {file} holds none", file=str(output)) if output is not None
                     else say("no post matched: the export holds none"))
    return Export(files, warnings, notes)


def write(result: Export, output: Path) -> list[str]:
    """Write the export's files, all or none.

    :returns: what to tell the user (the notes).
    :raises InputErrors: at ``--output`` when a file cannot be written (nothing is).
    """
    try:
        write_all(result.files)
    except OSError as exc:
        path = Path(exc.filename) if isinstance(exc.filename, str) else output
        folder = path.parent if str(path.parent) not in ("", ".") else Path.cwd()
        if not folder.is_dir():
            hint = say("the folder {folder} does not exist: create it first", folder=str(folder))
        elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
            hint = say("free some space on its disk, or write the export elsewhere")
        else:
            hint = say("choose a file you may write")
        raise InputErrors([InputError(Source("--output", 1, 1),
                                      say("cannot write {file}: {reason}", file=str(path),
                                          reason=os_reason(exc)), hint)]) from None
    return list(result.notes)
