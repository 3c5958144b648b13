"""``edcal import``: posts planned in a spreadsheet (or a Hootsuite bulk file) into a calendar.d/ file.

The site is read; the CSV's rows become one-off post entries
(:mod:`edcal.load.spreadsheet`), written as a new calendar.d/ file in
memory; the site is read again with that file, in a child process
(:mod:`edcal.commands._child`), by the real loader. Its errors, rows already
planned or already past, are shown at the spreadsheet's cells; only a file
that loads is written. What the checks find new in the plan follows, at the
cells too. ``--dry-run`` stops before writing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from edcal.checks import Finding
from edcal.commands._child import now_pinned, read_edited
from edcal.errors import InputError, InputErrors
from edcal.i18n import Message, clock_time, long_date, say, say_count, team_language, translator
from edcal.ids import slugify
from edcal.load.calendar_files import CALENDAR_DIR
from edcal.load.spreadsheet import CalendarText, ImportOptions, article_names, calendar_text, posts_from_table
from edcal.load.table import read_table
from edcal.model.calendar import PostEntry
from edcal.model.plan import Item, Plan
from edcal.model.source import Source

#: Exit code when the checks find errors the imported posts bring (they are written, unless a dry run).
EXIT_FINDINGS = 1


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What ``edcal import`` says, and its exit code."""

    text: str
    code: int


def import_posts(site: Path, settings_file: str, file: Path, into: str | None, options: ImportOptions,
                 encoding: str | None = None, delimiter: str | None = None,
                 dry_run: bool = False) -> ImportOutcome:
    """Import the file's rows as post entries into a new calendar.d/ file (unless ``dry_run``).

    :param into: the file to write: in the site's calendar.d/, relative to the site or to the current
        folder (default ``calendar.d/<file's name>.yaml``).
    :raises InputErrors: invalid options or cells, a file that would not load, rows already planned or
        past (nothing is written then).
    """
    from edcal.checks import run_checks
    from edcal.pelican_plugin.metadata import NOW, read_plan

    target, target_shown = _target(site, file, into)
    with now_pinned():  # one "now" for both reads
        plan = read_plan(site, settings_file, compose_from=NOW)
        table = read_table(file, str(file), encoding, delimiter)
        known = article_names((a.slug, a.url, a.title) for a in plan.articles)
        posts = posts_from_table(table, plan.calendar, dataclasses.replace(options, articles=known),
                                 plan.named_ids())
        written = calendar_text(posts, file.name, plan.lang)
        after = _read_with(site, settings_file, target, written, target_shown)
    _refuse(plan, after, written, target_shown)
    before = set(run_checks(plan))
    findings = sorted((_at_cell(finding, written, target_shown) for finding in run_checks(after)
                       if finding not in before), key=Finding.sort_key)
    if not dry_run:
        _write(target, written.text, target_shown)
    return ImportOutcome(_report(plan, after, len(posts), target_shown, findings, written, dry_run),
                         EXIT_FINDINGS if any(f.severity == "error" for f in findings) else 0)


def _target(site: Path, file: Path, into: str | None) -> tuple[Path, str]:
    """The calendar.d/ file to write, and its name as messages show it."""
    folder = site / CALENDAR_DIR
    default = f"{CALENDAR_DIR}/{slugify(file.stem) or 'import'}.yaml"
    name = into or default
    # Relative to the site, as the docs write it, or to where the command runs (as a shell completes it).
    found = next((place for place in (site / name, Path.cwd() / name)
                  if os.path.realpath(place.parent) == os.path.realpath(folder)), None)
    if found is None or found.suffix not in (".yaml", ".yml") or found.name.startswith("."):
        raise InputErrors([InputError(Source("--into", 1, 1),
                                      say("found '{name}', expected a file of the site's {folder}/ named "
                                          "*.yaml (the calendar reads its entries there)", name=name,
                                          folder=CALENDAR_DIR),
                                      say("e.g. --into {file}", file=default))])
    shown = f"{CALENDAR_DIR}/{found.name}"
    if found.exists() or found.is_symlink():
        raise InputErrors([InputError(Source(shown, 1, 1), say("this file exists already"), say(
            "it holds an earlier import: to import the sheet again, delete it first; to add other posts, "
            "name another file with --into") if into is None
            else say("name another file: an import never changes a file already there"))])
    if folder.exists() and not folder.is_dir():
        raise InputErrors([InputError(Source(CALENDAR_DIR, 1, 1),
                                      say("found a file where the folder {folder}/ was expected",
                                          folder=CALENDAR_DIR),
                                      say("rename that file"))])
    return site / CALENDAR_DIR / found.name, shown


def _read_with(site: Path, settings_file: str, target: Path, written: CalendarText, shown: str) -> Plan:
    """The site read with the new file, in a child process; the loader's errors shown at the cells."""
    plan, errors = read_edited(site, settings_file, {target: written.text}, say("the site with the import"))
    if plan is None:
        raise InputErrors(sorted((_at_cell(error, written, shown) for error in errors),
                                 key=InputError.sort_key))
    return plan


#: An error or a finding, given back as the same kind.
_Located = TypeVar("_Located", InputError, Finding)


def _at_cell(said: _Located, written: CalendarText, shown: str) -> _Located:
    """An error or a finding about the file not written yet, at the spreadsheet's cell it comes from;
    the file's lines named in its words become cells too."""
    table = next(iter(written.lines.values()), None)

    def cell(source: Source) -> Source:
        found = written.cell_of(source)
        return found or (Source(table.path, 1, 1) if table else source)

    def words(text: str | None) -> str | None:
        if text is None:
            return None
        if isinstance(text, Message):  # the same words in each language: rewrite what fills them
            return Message(text.template, {name: words(value) if isinstance(value, str) else value
                                           for name, value in text.values.items()}, text.forms)
        return re.sub(rf"{re.escape(shown)}:(\d+)(?::(\d+))?",
                      lambda m: str(cell(Source(shown, int(m.group(1)), int(m.group(2) or 1)))), text)

    source = cell(said.source) if said.source.path == shown else said.source
    return dataclasses.replace(said, source=source, message=words(said.message) or "",
                               hint=words(said.hint))


def _refuse(before: Plan, after: Plan, written: CalendarText, shown: str) -> None:
    """Rows planned already (in the plan or higher in the sheet: the same network, minute and text)
    and rows already past: they would be posted twice, or shown as out when nobody posted them."""
    planned: dict[tuple[object, ...], str] = {}
    entries_before = {entry.id: entry for entry in before.calendar.posts}
    entries_after = {entry.id: entry for entry in after.calendar.posts}
    for item in before.items:
        if item.kind == "post" and item.network is not None:
            for text in {item.text, _written_text(entries_before, item)}:
                planned[(item.network, item.start, text)] = f"'{item.parent or item.id}' ({item.source})"
    twins: dict[Source, dict[str, list[str]]] = {}
    networks_of: dict[Source, set[str]] = {}
    past: dict[Source, Item] = {}
    for item in sorted((i for i in after.items if i.source.path == shown and i.kind == "post"),
                       key=lambda i: (i.source.line, i.network or "")):
        row = written.cell_of(item.source) or item.source
        network = after.calendar.networks[item.network].name if item.network in after.calendar.networks \
            else str(item.network)
        networks_of.setdefault(row, set()).add(network)
        keys = [(item.network, item.start, text) for text in (item.text, _written_text(entries_after, item))]
        twin = next((planned[key] for key in keys if key in planned), None)
        if twin is not None:
            twins.setdefault(row, {}).setdefault(twin, []).append(network)
        for key in keys:
            planned.setdefault(key, say("line {line}", line=row.line))
        if isinstance(item.start, dt.datetime) and item.start <= before.now:  # at now: out already
            past.setdefault(row, item)
    errors = []
    for row, found in twins.items():
        for twin, networks in found.items():
            everywhere = set(networks) == networks_of[row]
            names = ", ".join(networks)
            errors.append(InputError(row, say("this row is planned already: {twin} on {networks}, at the "
                                              "same time, with the same text", twin=twin, networks=names),
                                     say("delete the row: it would be posted twice") if everywhere else
                                     say("take {networks} out of the row's networks: it would be posted "
                                         "twice there", networks=names)))
    zone = after.calendar.zone
    for row, item in past.items():
        assert isinstance(item.start, dt.datetime)
        when, now = item.start.astimezone(zone), before.now.astimezone(zone)
        errors.append(InputError(row, say("this row is not to come ({when:%Y-%m-%d %H:%M}; now is "
                                          "{now:%Y-%m-%d %H:%M}): it would be planned as out, and nobody "
                                          "posted it",
                                          when=when, now=now),
                                 say("delete the row, or check its year")))
    if errors:
        raise InputErrors(sorted(errors, key=InputError.sort_key))


def _written_text(entries: dict[str, PostEntry], item: Item) -> str | None:
    """The text an item's entry gives, whitespace made even (None for a promotion's template)."""
    entry = entries.get(item.parent) if item.parent else None
    variant = entry.variants.get(item.network or "") if entry is not None else None
    text = variant.text if variant is not None and variant.text else entry.text if entry is not None else None
    return " ".join(text.split()) if text else None


def _write(target: Path, text: str, shown: str) -> None:
    """Write the new file whole, or not at all; never over a file."""
    created = not target.parent.exists()
    try:
        target.parent.mkdir(exist_ok=True)
        handle_number, temporary = tempfile.mkstemp(prefix=".import.", dir=target.parent)
        try:
            with os.fdopen(handle_number, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, 0o666 & ~_umask())
            os.link(temporary, target)  # fails if the file appeared meanwhile
        finally:
            os.unlink(temporary)
    except OSError as exc:
        if created and target.parent.is_dir() and not any(target.parent.iterdir()):
            target.parent.rmdir()
        # The last hint is edcal move's too, which tests/test_move.py pins in English on a French site:
        # it becomes say() with move's errors.
        hint = {errno.EEXIST: say("it appeared meanwhile: name another file with --into"),
                errno.ENAMETOOLONG: say("name a shorter file with --into")}.get(
            exc.errno or 0, "check the folder's permissions and free space")
        raise InputErrors([InputError(Source(shown, 1, 1),
                                      say("cannot write the file: {reason}", reason=exc.strerror),
                                      hint)]) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _report(before: Plan, after: Plan, rows: int, shown: str, findings: list[Finding], written: CalendarText,
            dry_run: bool) -> str:
    """The rows imported, each with its posts' day, time and networks, then the checks' findings."""
    from edcal.checks.report import text as findings_text

    _ = translator(team_language(before.lang))
    if dry_run:
        said = say_count(rows, "Would import {count} row into {file}:",
                         "Would import {count} rows into {file}:", file=shown)
    else:
        said = say_count(rows, "Imported {count} row into {file}:", "Imported {count} rows into {file}:",
                         file=shown)
    lines = [said.translated(_)]
    by_row: dict[Source, dict[tuple[object, str], list[Item]]] = {}
    for item in after.items:
        if item.source.path == shown and item.kind == "post":
            row = written.cell_of(item.source) or item.source
            by_row.setdefault(row, {}).setdefault((item.start, item.status), []).append(item)
    calendar = after.calendar
    for row, times in sorted(by_row.items()):
        for (start, status), items in times.items():
            assert isinstance(start, dt.datetime)
            local = start.astimezone(calendar.zone)
            networks = ", ".join(calendar.networks[i.network].name for i in items
                                 if i.network in calendar.networks)
            state = f" ({_(status)})" if status != "scheduled" else ""
            when = f"{long_date(local.date(), _.tag)} {clock_time(local, _.tag)}"
            lines.append(f"  {row.path}:{row.line}  {when} · {networks} · {items[0].title}{state}")
    if findings:
        lines += ["", _("edcal check finds, in what the import brings:"),
                  findings_text(findings).rstrip("\n")]
        if any(finding.severity == "error" for finding in findings) and not dry_run:
            lines += ["", _("edcal build refuses to build while these errors stay: fix them in {file}, or "
                            "delete it and import the sheet again.").format(file=shown)]
    else:
        lines += ["", _("edcal check finds nothing new to say.")]
    if dry_run:
        lines += ["", _("Nothing written (--dry-run). The file would read:"), "", written.text.rstrip("\n")]
    return "\n".join(lines) + "\n"
