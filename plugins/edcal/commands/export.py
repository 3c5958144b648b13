"""``edcal export``: one file for a bulk scheduler, filtered by network and dates."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from edcal.clock import parse_window
from edcal.commands.choices import network_choice, owner_and_campaign
from edcal.errors import InputError, InputErrors
from edcal.files import os_reason, write_all
from edcal.i18n import say, say_count
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
    #: What else the user is told: no post matched, earlier files removed.
    notes: list[str] = field(default_factory=list)
    #: Numbered files an earlier, longer Hootsuite export of the same name wrote, which this one does not:
    #: removed once its own files are written (someone could upload their posts).
    stale: list[Path] = field(default_factory=list)


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
    held = sum(1 for post in exports.upcoming(plan, network, start, end, withheld=True)
               if (owner is None or post.owner == owner) and (campaign is None or post.campaign == campaign))
    if held:  # a crisis: not "nothing planned", and what a scheduler given them already still posts
        notes.append(say_count(
            held,
            "{count} post of this selection is withheld by a freeze and left out: uploaded to a scheduler "
            "before the freeze, it would still go out there: pause it",
            "{count} posts of this selection are withheld by a freeze and left out: uploaded to a scheduler "
            "before the freeze, they would still go out there: pause them"))
    stale = [] if fmt != "hootsuite" or output is None else \
        _earlier_parts(output, {path for path, _ in files}, plan.calendar.exports.hootsuite_date_format)
    return Export(files, warnings, notes, stale)


def write(result: Export, output: Path) -> list[str]:
    """Write the export's files, all or none; then remove the files of an earlier export it replaces.

    :returns: what to tell the user (the notes, and what was removed).
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
    notes = list(result.notes)
    removed: list[Path] = []
    kept: list[str] = []
    for path in result.stale:
        try:
            path.unlink()
        except OSError as exc:
            kept.append(say("{file} ({reason})", file=str(path), reason=os_reason(exc)))
        else:
            removed.append(path)
    if removed:
        notes.append(say_count(len(removed), "removed {files}, left by an earlier export of this name: this "
                               "one replaces it", "removed {files}, left by an earlier export of this name: "
                               "this one replaces them", files=", ".join(str(path) for path in removed)))
    if kept:
        notes.append(say("could not remove {files}, left by an earlier export of this name: remove them "
                         "before an upload", files=", ".join(kept)))
    return notes


def _earlier_parts(output: Path, written: set[Path], date_format: str) -> list[Path]:
    """The numbered files beside ``output`` (``linkedin-3.csv`` for ``-o linkedin.csv``) that an earlier
    Hootsuite export split into more files wrote and this one does not: only files that read as
    Hootsuite's rows (date-time, message, link), never a file of someone else's that shares the name."""
    pattern = re.compile(re.escape(output.stem) + r"-([1-9][0-9]*)" + re.escape(output.suffix))
    folder = output.parent
    try:
        numbered = sorted((int(found.group(1)), folder / entry.name) for entry in folder.iterdir()
                          if (found := pattern.fullmatch(entry.name)))
    except OSError:  # no folder yet: nothing earlier (the write says why it cannot be made)
        return []
    # Only the parts that follow the last one written, without a gap: `linkedin-2026.csv`, an archive
    # beside `linkedin.csv`, is no part of it (it was removed).
    parts, expected = [], max((number for number, path in numbered if path in written), default=0) + 1
    for number, path in numbered:
        if number < expected:
            continue
        if number != expected:
            break
        parts.append(path)
        expected += 1
    return [path for path in parts if _hootsuite_rows(path, date_format)]  # numbered past what was written


def _hootsuite_rows(path: Path, date_format: str) -> bool:
    """Whether ``path`` is a regular file of Hootsuite's rows, as edcal writes them."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > 10_000_000:
            return False
        text = path.read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except (OSError, UnicodeDecodeError, csv.Error):
        return False
    if not rows or len(rows) > exports.HOOTSUITE_MAX_ROWS:
        return False
    for row in rows:
        if len(row) != 3:
            return False
        try:
            dt.datetime.strptime(row[0], date_format)
        except ValueError:
            return False
    return True
