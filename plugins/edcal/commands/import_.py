"""``edcal import``: posts planned in a spreadsheet (or a Hootsuite bulk file) into a calendar.d/ file.

The site is read; the CSV's rows become one-off post entries
(:mod:`edcal.load.spreadsheet`), written as a new calendar.d/ file in
memory; the site is read again with that file, in a child process
(:mod:`edcal.commands._child`), by the real loader. Its errors, and rows
already planned, are shown at the spreadsheet's cells; only a file that
loads is written. The checks' findings on the imported posts follow, at
their cells too. ``--dry-run`` stops before writing.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from edcal.checks import Finding
from edcal.commands._child import now_pinned, read_edited
from edcal.errors import InputError, InputErrors
from edcal.i18n import long_date, say_count, translator
from edcal.ids import slugify
from edcal.load.calendar import CALENDAR_DIR
from edcal.load.spreadsheet import CalendarText, ImportOptions, calendar_text, posts_from_table
from edcal.load.table import read_table
from edcal.model.plan import Item, Plan, article_item_id
from edcal.model.source import Source

#: Exit code when the posts were imported but checks find errors in them (as ``edcal check``).
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

    :param into: the file to write, relative to the site (default ``calendar.d/<file's name>.yaml``).
    :raises InputErrors: invalid options or cells, a file that would not load, rows already planned
        (nothing is written then).
    """
    from edcal.pelican_plugin.metadata import NOW, read_plan

    shown = str(file)
    target, target_shown = _target(site, file, into)
    with now_pinned():  # one "now" for both reads
        plan = read_plan(site, settings_file, compose_from=NOW)
        table = read_table(file, shown, encoding, delimiter)
        posts = posts_from_table(table, plan.calendar, options, _taken_ids(plan))
        written = calendar_text(posts, file.name)
        after = _read_with(site, settings_file, target, written, target_shown)
    _refuse_planned(plan, after, written, target_shown)
    findings = _findings(after, written, target_shown)
    if not dry_run:
        _write(target, written.text, target_shown)
    return ImportOutcome(_report(plan, after, len(posts), target_shown, findings, written, dry_run),
                         EXIT_FINDINGS if any(f.severity == "error" for f in findings) else 0)


def _target(site: Path, file: Path, into: str | None) -> tuple[Path, str]:
    """The calendar.d/ file to write, and its name as messages show it."""
    name = into or f"{CALENDAR_DIR}/{slugify(file.stem) or 'import'}.yaml"
    relative = Path(name)
    option = Source("--into", 1, 1)
    if relative.is_absolute() or relative.parent.as_posix() != CALENDAR_DIR or relative.suffix != ".yaml" \
            or relative.name.startswith("."):
        raise InputErrors([InputError(option, f"found '{name}', expected a file of {CALENDAR_DIR}/ named "
                                      "*.yaml (the calendar reads its entries there)",
                                      f"e.g. --into {CALENDAR_DIR}/{slugify(file.stem) or 'import'}.yaml")])
    target = site / relative
    if target.exists() or target.is_symlink():
        hint = ("it holds an earlier import: choose another name with --into, or remove the file first"
                if into is None else "choose another name: an import never changes a file already there")
        raise InputErrors([InputError(Source(relative.as_posix(), 1, 1), "this file exists already", hint)])
    if (site / CALENDAR_DIR).exists() and not (site / CALENDAR_DIR).is_dir():
        raise InputErrors([InputError(Source(CALENDAR_DIR, 1, 1), "found a file where the folder "
                                      f"{CALENDAR_DIR}/ was expected", "rename that file")])
    return target, relative.as_posix()


def _taken_ids(plan: Plan) -> set[str]:
    calendar = plan.calendar
    return {entry.id for entry in calendar.posts} | {item.id for item in plan.items} \
        | {article.slug for article in plan.articles} | {article_item_id(a) for a in plan.articles} \
        | {idea.id for idea in calendar.ideas} | set(calendar.key_dates)


def _read_with(site: Path, settings_file: str, target: Path, written: CalendarText, shown: str) -> Plan:
    """The site read with the new file, in a child process; the loader's errors shown at the cells."""
    read = read_edited(site, settings_file, {target: written.text}, "the site with the import")
    if isinstance(read, list):
        raise InputErrors([_at_cell(error, written, shown) for error in read])
    return read  # type: ignore[no-any-return]


def _at_cell(error: InputError, written: CalendarText, shown: str) -> InputError:
    """An error in the file not written yet, shown at the spreadsheet's cell it came from."""
    cell = written.cell_of(error.source) if error.source.path == shown else None
    return error if cell is None else replace(error, source=cell)


def _refuse_planned(before: Plan, after: Plan, written: CalendarText, shown: str) -> None:
    """Rows planned already: on the same network at the same minute, with the same text, as written
    (a campaign's hashtags added to one of them do not make it another post) or as composed."""
    planned: dict[tuple[object, ...], Item] = {}
    for item in before.items:
        if item.kind == "post" and item.network is not None:
            for text in (item.text, _written_text(before, item)):
                planned[(item.network, item.start, text)] = item
    twins: dict[Source, dict[str, list[str]]] = {}
    for item in after.items:
        if item.source.path != shown or item.kind != "post":
            continue
        twin = planned.get((item.network, item.start, item.text)) \
            or planned.get((item.network, item.start, _written_text(after, item)))
        if twin is not None:
            row = written.cell_of(item.source) or item.source
            names = twins.setdefault(row, {}).setdefault(f"'{twin.parent or twin.id}' ({twin.source})", [])
            names.append(after.calendar.networks[item.network].name if item.network in after.calendar.networks
                         else str(item.network))
    errors = [InputError(row, f"this row is planned already: {entry} on {', '.join(networks)}, at the same "
                         "time, with the same text", "delete the row: it would be posted twice")
              for row, entries in sorted(twins.items()) for entry, networks in entries.items()]
    if errors:
        raise InputErrors(errors)


def _written_text(plan: Plan, item: Item) -> str | None:
    """The text an item's entry gives, whitespace made even (None for a promotion's template)."""
    entry = next((e for e in plan.calendar.posts if e.id == item.parent), None) if item.parent else None
    text = entry.variants[item.network].text if entry is not None and item.network in entry.variants \
        and entry.variants[item.network].text else entry.text if entry is not None else None
    return " ".join(text.split()) if text else None


def _findings(after: Plan, written: CalendarText, shown: str) -> list[Finding]:
    """The checks' findings on the imported posts, at their cells."""
    from edcal.checks import run_checks

    found = []
    for finding in run_checks(after):
        if finding.source.path == shown:
            cell = written.cell_of(finding.source)
            found.append(replace(finding, source=cell) if cell is not None else finding)
    return sorted(found, key=Finding.sort_key)


def _write(target: Path, text: str, shown: str) -> None:
    """Write the new file whole, or not at all; never over a file."""
    try:
        target.parent.mkdir(exist_ok=True)
        handle_number, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(handle_number, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            os.chmod(temporary, 0o666 & ~_umask())
            os.link(temporary, target)  # fails if the file appeared meanwhile
        finally:
            os.unlink(temporary)
    except OSError as exc:
        raise InputErrors([InputError(Source(shown, 1, 1), f"cannot write the file: {exc.strerror}",
                                      "check the folder's permissions and free space")]) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _report(before: Plan, after: Plan, rows: int, shown: str, findings: list[Finding], written: CalendarText,
            dry_run: bool) -> str:
    """The rows imported, each with its posts' day, time and networks, then the checks' findings."""
    from edcal.checks.report import text as findings_text

    _ = translator(before.lang)
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
            lines.append(f"  {row.path}:{row.line}  {long_date(local.date(), before.lang)} {local:%H:%M} · "
                         f"{networks} · {items[0].title}{state}")
    if findings:
        lines += ["", _("edcal check finds, in the imported rows:"), findings_text(findings).rstrip("\n")]
    if dry_run:
        lines += ["", _("Nothing written (--dry-run). The file would read:"), "", written.text.rstrip("\n")]
    elif not findings:
        lines += ["", _("edcal check finds nothing to say about them.")]
    return "\n".join(lines) + "\n"
