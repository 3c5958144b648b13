"""``edcal import``: posts planned in a spreadsheet (or a Hootsuite bulk file) into a calendar.d/ file.

The site is read; the CSV's rows become one-off post entries
(:mod:`edcal.load.spreadsheet`), written as a new calendar.d/ file in
memory; the site is read again with that file, in a child process
(:mod:`edcal.commands._child`), by the real loader. Its errors, rows already
planned, and rows already past (unless ``--past`` leaves them out, or logs
what the sheet says went out: the file is then read once more), are shown at
the spreadsheet's cells; only a file that loads is written. What the checks
find new in the plan follows, at the cells too. ``--dry-run`` stops before
writing; over an earlier import's file, it reads the new file in its place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from edcal.checks import Finding
from edcal.commands._child import now_pinned, read_edited, spare_readers
from edcal.errors import InputError, InputErrors, shown_path, typed_path
from edcal.files import bad_name, make_folders, os_reason, said_when_interrupted, write_new
from edcal.i18n import Message, day_and_time, say, say_count, team_language, translator
from edcal.ids import slugify
from edcal.load.calendar_files import CALENDAR_DIR
from edcal.load.spreadsheet import (
    CalendarText,
    ImportedPost,
    ImportOptions,
    LogLine,
    article_names,
    calendar_text,
    posts_from_table,
)
from edcal.load.table import read_table
from edcal.model.calendar import PostEntry
from edcal.model.days import as_instant
from edcal.model.plan import WAITING, Item, Plan, status_word
from edcal.model.source import Source
from edcal.plan.report import LOG_WORDS, first_logged_month, log_said

#: Exit code when the checks find errors the imported posts bring (they are written, unless a dry run).
EXIT_FINDINGS = 1


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What ``edcal import`` says, and its exit code."""

    text: str
    code: int


def import_posts(site: Path, settings_file: str, file: Path, into: str | None, options: ImportOptions,
                 encoding: str | None = None, delimiter: str | None = None,
                 dry_run: bool = False, past: str | None = None) -> ImportOutcome:
    """Import the file's rows as post entries into a new calendar.d/ file (unless ``dry_run``).

    :param into: the file to write: in the site's calendar.d/, relative to the site or to the current
        folder (default ``calendar.d/<file's name>.yaml``).
    :param past: what becomes of rows whose time has passed: ``"skip"`` (left out), ``"log"`` (imported,
        with the log of those the sheet marks published or cancelled), or None (refused).
    :raises InputErrors: invalid options or cells, a file that would not load, rows already planned or
        past (nothing is written then).
    """
    from edcal.checks import run_checks
    from edcal.pelican_plugin.metadata import NOW, read_plan

    target, target_shown, replacing = _target(site, file, into, dry_run)
    # The child that reads the site with the import forked before this process reads the site as it is.
    with spare_readers(1), now_pinned():  # one "now" for every read
        plan = read_plan(site, settings_file, compose_from=NOW)
        table = read_table(file, typed_path(file), encoding, delimiter)
        known = article_names((a.slug, a.url, a.title) for a in plan.articles)
        # A dry run over an earlier import: its file is read as the new one, its ids are taken again.
        posts = posts_from_table(table, plan.calendar, dataclasses.replace(options, articles=known),
                                 plan.named_ids() - _ids_in(plan, target_shown))
        written = calendar_text(posts, file.name, plan.lang)
        after = _read_with(site, settings_file, target, written, target_shown)
        rows = _rows(after, written, target_shown)
        gone = _past(plan, posts, rows, past)
        _refuse(plan, after, posts, rows, gone, target_shown)
        if gone.left_out or gone.log:  # the file as it is written, read again
            posts = [post for post in posts if post.row not in gone.left_out]
            if not posts:
                raise InputErrors([InputError(Source(table.path, 1, 1), say_count(
                    len(gone.left_out), "found no row to come: its one row is past (--past skip)",
                    "found no row to come: the {count} rows are past (--past skip)"),
                    say("there is nothing to import; to import the past rows with what went out: "
                        "--past log"))])
            written = calendar_text(posts, file.name, plan.lang, gone.log)
            after = _read_with(site, settings_file, target, written, target_shown)
    before = {finding for finding in run_checks(plan) if finding.source.path != target_shown}
    findings = sorted((_at_cell(_in_sheet_terms(finding, after, posts, written, target_shown), written,
                                target_shown)
                       for finding in run_checks(after) if finding not in before), key=Finding.sort_key)
    # Ctrl-C once the file is written, while the report is made: said, or the team would take it for an
    # import that did not happen.
    imported = say("the rows were imported before Ctrl-C, into {file}: do not run the import again "
                   "(edcal check checks the file)", file=target_shown)
    with said_when_interrupted({} if dry_run else {target: written.text},
                               lambda: imported.translated(translator(team_language(plan.lang)))):
        if not dry_run:
            _write(target, written.text, target_shown)
        return ImportOutcome(_report(plan, after, len(posts), target_shown, findings, written, dry_run, gone,
                                     replacing),
                             EXIT_FINDINGS if any(f.severity == "error" for f in findings) else 0)


def _target(site: Path, file: Path, into: str | None, dry_run: bool = False) -> tuple[Path, str, bool]:
    """The calendar.d/ file to write, its name as messages show it, and whether it exists (a dry run
    may preview importing the sheet again; an import never writes over it)."""
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
    bad = bad_name(found.name)
    if bad is not None:  # calendar.d/ would not read it: the new file was said "read without its edits"
        raise InputErrors([InputError(Source("--into", 1, 1), bad[1],
                                      say("e.g. --into {file}", file=default))])
    shown = f"{CALENDAR_DIR}/{found.name}"
    exists = found.exists() or found.is_symlink()
    if exists and not (dry_run and found.is_file()):
        raise InputErrors([InputError(Source(shown, 1, 1), say("this file exists already"), say(
            "it holds an earlier import: to import the sheet again, delete it first (--dry-run shows what "
            "the import would then write); to add other posts, name another file with --into")
            if into is None else say("name another file: an import never changes a file already there"))])
    if folder.exists() and not folder.is_dir():
        raise InputErrors([InputError(Source(CALENDAR_DIR, 1, 1),
                                      say("found a file where the folder {folder}/ was expected",
                                          folder=CALENDAR_DIR),
                                      say("rename that file"))])
    return site / CALENDAR_DIR / found.name, shown, exists


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
    the file's lines named in its words become cells too. One at a line no cell gives (`posts:`) is the
    sheet's, and says the line of the file it is in."""
    table = next(iter(written.lines.values()), None)

    def cell(source: Source) -> Source:
        found = written.cell_of(source)
        return found or (Source(table.path, 1, 1) if table else source)

    def words(text: str | None) -> str | None:
        if text is None:
            return None
        if isinstance(text, Message):  # the same words in each language: rewrite what fills them
            values = {name: words(value) if isinstance(value, str) else value
                      for name, value in text.values.items()}
            line = text.values.get("line")
            if values.get("path") == shown and isinstance(line, int):  # "{path}:{line}", given apart
                where = cell(Source(shown, line, 1))
                values.update(path=where.path, line=where.line)
            return Message(text.template, values, text.forms)
        return re.sub(rf"{re.escape(shown)}:(\d+)(?::(\d+))?",
                      lambda m: str(cell(Source(shown, int(m.group(1)), int(m.group(2) or 1)))), text)

    message = words(said.message) or ""
    source = said.source
    if source.path == shown and table is not None and written.cell_of(source) is None:
        lines = written.text.splitlines()
        line = lines[source.line - 1].strip() if 0 < source.line <= len(lines) else ""
        message = say("{error} (in {file} as the import would write it, line {line}, `{text}`, which no cell "
                      "of the sheet gives)", error=message, file=shown, line=source.line, text=line)
        source = Source(table.path, 0, 0) if isinstance(said, InputError) else Source(table.path, 1, 1)
    elif source.path == shown:
        source = cell(source)
    return dataclasses.replace(said, source=source, message=message, hint=words(said.hint))


def _in_sheet_terms(finding: Finding, after: Plan, posts: list[ImportedPost], written: CalendarText,
                    shown: str) -> Finding:
    """A finding the import's file brings, told as the sheet is edited: a post before its article names
    the row's date columns, not `at:`; the posts to confirm are told at the oldest of them, not at a line
    of the log the sheet's statuses wrote."""
    items = dict(finding.data).get("items")
    named = finding.item or (items[0] if isinstance(items, tuple) and items else None)
    item = after.by_id().get(str(named)) if named is not None else None
    row = written.cell_of(item.source) if item is not None and item.source.path == shown else None
    post = next((post for post in posts if post.row == row), None) if row is not None else None
    message = finding.message
    if finding.rule == "post-before-article" and finding.source.path == shown and post is not None \
            and isinstance(message, Message) and "live" in message.values and "date" in post.letters:
        live = message.values["live"]
        hint = say("move the row to {live:%Y-%m-%d %H:%M} or later, once the article is online (its date and "
                   "time in columns {date} and {time}); or take the article out of the row", live=live,
                   date=post.letters["date"], time=post.letters["time"]) if "time" in post.letters else \
            say("move the row to {live:%Y-%m-%d %H:%M} or later, once the article is online (its date in "
                "column {date}); or take the article out of the row", live=live, date=post.letters["date"])
        return dataclasses.replace(finding, hint=hint)
    if finding.rule == "posted-unconfirmed" and finding.source.path == shown and item is not None:
        if post is None:  # the oldest is the plan's own: told at its entry, where the log's line is written
            return dataclasses.replace(finding, source=item.source)
        hint = say("mark those that went out published, and those that did not cancelled, in the status "
                   "column ({letter}); then delete {file} and import the sheet again (--past log)",
                   letter=post.letters["status"], file=shown) if "status" in post.letters else \
            say("add a status column: published for those that went out, cancelled for those that did not; "
                "then delete {file} and import the sheet again (--past log)", file=shown)
        return dataclasses.replace(finding, source=item.source, hint=hint)
    return finding


def _ids_in(plan: Plan, shown: str) -> set[str]:
    """The ids an earlier import's file gives (none when there is no such file)."""
    items = [item for item in plan.items if item.source.path == shown]
    return {entry.id for entry in plan.calendar.posts if entry.source.path == shown} \
        | {item.id for item in items} | {item.parent for item in items if item.parent}


def _rows(after: Plan, written: CalendarText, shown: str) -> dict[Source, list[Item]]:
    """The posts each imported row gives, by the row, in the order of the file."""
    rows: dict[Source, list[Item]] = {}
    for item in sorted((i for i in after.items if i.source.path == shown and i.kind == "post"),
                       key=lambda i: (i.source.line, i.network or "")):
        rows.setdefault(written.cell_of(item.source) or item.source, []).append(item)
    return rows


@dataclass(frozen=True, slots=True)
class _Gone:
    """The rows whose time has passed (one of their posts at now or before), and what ``--past`` makes of
    them."""

    mode: str | None
    #: Each past row, with its first post's time.
    rows: dict[Source, dt.datetime]
    #: The rows left out (``--past skip``).
    left_out: frozenset[Source] = frozenset()
    #: The log's lines written with the posts (``--past log``), and the rows they log, by what became of them.
    log: tuple[LogLine, ...] = ()
    published: tuple[Source, ...] = ()
    cancelled: tuple[Source, ...] = ()
    #: The past rows still drafts in the sheet: held back, never to confirm.
    drafts: tuple[Source, ...] = ()


def _past(before: Plan, posts: list[ImportedPost], rows: dict[Source, list[Item]], mode: str | None) -> _Gone:
    now = before.now
    past = {row: min(starts) for row, items in rows.items()
            if (starts := [i.start for i in items
                           if isinstance(i.start, dt.datetime) and as_instant(i.start) <= as_instant(now)])}
    if not past or mode is None:
        return _Gone(mode, past)
    if mode == "skip":
        return _Gone(mode, past, frozenset(past))
    log: list[LogLine] = []
    published: list[Source] = []
    cancelled: list[Source] = []
    for post in posts:
        if post.row in past and post.marked is not None:
            (published if post.marked == "published" else cancelled).append(post.row)
            cell = post.cells["marked"]
            log += [LogLine(item.id, post.marked == "cancelled", cell) for item in rows[post.row]]
    said_of = set(published) | set(cancelled)  # sets: a year's sheet has thousands of rows
    drafts = tuple(row for row in past
                   if row not in said_of and all(item.status in WAITING for item in rows[row]))
    return _Gone(mode, past, log=tuple(log), published=tuple(published), cancelled=tuple(cancelled),
                 drafts=drafts)


def _refuse(before: Plan, after: Plan, posts: list[ImportedPost], rows: dict[Source, list[Item]],
            gone: _Gone, shown: str) -> None:
    """Rows planned already (in the plan or higher in the sheet: the same network, minute and text),
    rows already past without ``--past`` (they would be shown as out when nobody logged them), and rows
    a status says are published or cancelled while their time is to come."""
    planned: dict[tuple[object, ...], str] = {}
    entries_before = {entry.id: entry for entry in before.calendar.posts}
    entries_after = {entry.id: entry for entry in after.calendar.posts}
    for item in before.items:  # an earlier import's file (a dry run) is the one the new import replaces
        if item.kind == "post" and item.network is not None and item.source.path != shown:
            # A text unknown (a promotion's, past) is no text: None matched a past row's, at its minute.
            for text in {item.text, _written_text(entries_before, item)} - {None}:
                planned[(item.network, item.start, text)] = f"'{item.parent or item.id}' ({item.source})"
    twins: dict[Source, dict[str, list[str]]] = {}
    networks_of: dict[Source, set[str]] = {}
    for row, items in rows.items():
        if row in gone.left_out:
            continue
        for item in items:
            network = after.calendar.networks[item.network].name if item.network in after.calendar.networks \
                else str(item.network)
            networks_of.setdefault(row, set()).add(network)
            texts = (item.text, _written_text(entries_after, item))
            keys = [(item.network, item.start, text) for text in texts if text is not None]
            twin = next((planned[key] for key in keys if key in planned), None)
            if twin is not None:
                twins.setdefault(row, {}).setdefault(twin, []).append(network)
            for key in keys:
                planned.setdefault(key, say("line {line}", line=row.line))
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
    now = before.now.astimezone(zone)
    errors += _marked_to_come(posts, rows, gone, zone)
    if gone.rows and gone.mode is None:
        errors.append(_past_refused(gone, posts, now, zone))
    if errors:
        raise InputErrors(sorted(errors, key=InputError.sort_key))


def _marked_to_come(posts: list[ImportedPost], rows: dict[Source, list[Item]], gone: _Gone,
                    zone: dt.tzinfo) -> list[InputError]:
    """Rows whose status says published or cancelled, and whose time is to come."""
    errors = []
    for post in posts:
        if post.marked is None or post.row in gone.rows or post.row not in rows:
            continue
        cell = post.cells["marked"]
        if post.marked == "cancelled":
            errors.append(InputError(cell, say("found status '{value}': a row cancelled is no post to plan",
                                               value=post.marked_word), say("delete the row")))
            continue
        start = rows[post.row][0].start
        assert isinstance(start, dt.datetime)
        errors.append(InputError(cell, say("found status '{value}' on a row still to come "
                                           "({when:%Y-%m-%d %H:%M}): a post goes out at its time",
                                           value=post.marked_word, when=start.astimezone(zone)),
                                 say("check its date and its year, or its status")))
    return errors


def _past_refused(gone: _Gone, posts: list[ImportedPost], now: dt.datetime, zone: dt.tzinfo) -> InputError:
    """One error for every row whose time has passed, at the first of them, naming ``--past``."""
    first = min(gone.rows)
    marked = any(post.marked is not None for post in posts if post.row in gone.rows)
    if len(gone.rows) == 1 and not marked:
        when = gone.rows[first].astimezone(zone)
        return InputError(first, say("this row is not to come ({when:%Y-%m-%d %H:%M}; now is "
                                     "{now:%Y-%m-%d %H:%M}): it would be planned as out, and nobody "
                                     "posted it", when=when, now=now),
                          say("check its year; or leave the row out: --past skip"))
    lines = [row.line for row in sorted(gone.rows)]
    return InputError(first, say_count(len(lines), "{count} row is not to come (line {lines}; now is "
                                       "{now:%Y-%m-%d %H:%M}): it would be planned as out, and the log does "
                                       "not say it went out",
                                       "{count} rows are not to come (lines {lines}; now is "
                                       "{now:%Y-%m-%d %H:%M}): they would be planned as out, and the log "
                                       "does not say they went out",
                                       lines=line_ranges(lines, most=6), now=now),
                      say("to import the rows to come alone: --past skip; to import the past ones too, "
                          "logging those marked published as gone out: --past log"))


def line_ranges(lines: list[int], most: int | None = None) -> str:
    """Line numbers as ranges, ``2-30, 33, 35-46``; ``most`` ranges, then ``…``."""
    ranges: list[list[int]] = []
    for line in sorted(set(lines)):
        if ranges and line == ranges[-1][1] + 1:
            ranges[-1][1] = line
        else:
            ranges.append([line, line])
    said = [str(first) if first == last else f"{first}-{last}" for first, last in ranges]
    return ", ".join(said[:most]) + (", …" if most is not None and len(said) > most else "")


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
        make_folders(target.parent)
        write_new(target, text.encode("utf-8"))  # also on a disk without hard links (FAT, exFAT)
    except OSError as exc:
        if created and target.parent.is_dir() and not any(target.parent.iterdir()):
            target.parent.rmdir()
        hint = {errno.EEXIST: say("it appeared meanwhile: name another file with --into"),
                errno.ENAMETOOLONG: say("name a shorter file with --into")}.get(
            exc.errno or 0, say("check the folder's permissions and free space"))  # edcal move's too
        raise InputErrors([InputError(Source(shown, 1, 1),
                                      say("cannot write the file: {reason}", reason=os_reason(exc)),
                                      hint)]) from None


def _report(before: Plan, after: Plan, rows: int, shown: str, findings: list[Finding], written: CalendarText,
            dry_run: bool, gone: _Gone, replacing: bool) -> str:
    """The rows imported, each with its posts' day, time and networks, what became of the rows past, then
    the checks' findings."""
    from edcal.checks.report import text as findings_text
    _ = translator(team_language(before.lang))
    if dry_run:
        said = say_count(rows, "Would import {count} row into {file}:",
                         "Would import {count} rows into {file}:", file=shown)
    else:
        said = say_count(rows, "Imported {count} row into {file}:", "Imported {count} rows into {file}:",
                         file=shown)
    lines = [said.translated(_)]
    log_start = first_logged_month(after)
    by_row: dict[Source, dict[tuple[object, str], list[Item]]] = {}
    for item in after.items:
        if item.source.path == shown and item.kind == "post":
            row = written.cell_of(item.source) or item.source
            state = _state(item, after, log_start)
            by_row.setdefault(row, {}).setdefault((item.start, state), []).append(item)
    calendar = after.calendar
    for row, times in sorted(by_row.items()):
        for (start, status), items in times.items():
            assert isinstance(start, dt.datetime)
            local = start.astimezone(calendar.zone)
            networks = ", ".join(calendar.networks[i.network].name for i in items
                                 if i.network in calendar.networks)
            state = f" ({_(status_word('post', status))})" if status != "scheduled" else ""
            when = day_and_time(local, _.tag)
            lines.append(f"  {shown_path(row.path)}:{row.line}  {when} · {networks} · "
                         f"{items[0].title}{state}")
    lines += _past_report(gone, _)
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
    if replacing:  # a dry run: the file is there
        lines += ["", _("{file} exists: this is what importing the sheet again would write, once it is "
                        "deleted (an import never changes a file).").format(file=shown)]
    return "\n".join(lines) + "\n"


def _state(item: Item, plan: Plan, log_start: dt.date | None) -> str:
    """A post's status, or, once its time has passed, what the log says of it as the report counts it."""
    said = log_said(item, plan, log_start)
    return LOG_WORDS[said] if said is not None else item.status


def _past_report(gone: _Gone, _: Callable[[str], str]) -> list[str]:
    """What ``--past`` made of the rows whose time has passed, by their lines."""
    logged = gone.mode == "log"
    said_of = set(gone.published) | set(gone.cancelled) | set(gone.drafts)
    others = sorted(set(gone.rows) - said_of) if logged else []
    said = [say_count(len(rows), one, many, lines=line_ranges([row.line for row in rows]))
            for rows, one, many in (
                (gone.left_out, "Left out {count} row whose time has passed (--past skip): line {lines}.",
                 "Left out {count} rows whose time has passed (--past skip): lines {lines}."),
                (gone.published, "Logged under posted: as gone out, {count} row marked published: "
                 "line {lines}.",
                 "Logged under posted: as gone out, {count} rows marked published: lines {lines}."),
                (gone.cancelled, "Logged under posted: as not gone out (skipped), {count} row marked "
                 "cancelled: line {lines}.",
                 "Logged under posted: as not gone out (skipped), {count} rows marked cancelled: "
                 "lines {lines}."),
                (others, "Not logged, {count} past row the sheet marks neither published nor cancelled: the "
                 "planning report counts it as not confirmed until the log says: line {lines}.",
                 "Not logged, {count} past rows the sheet marks neither published nor cancelled: the "
                 "planning report counts them as not confirmed until the log says: lines {lines}."),
                (gone.drafts, "Not logged, {count} past row still a draft in the sheet: the planning report "
                 "counts it as not ready, never gone out: line {lines}.",
                 "Not logged, {count} past rows still drafts in the sheet: the planning report counts them "
                 "as not ready, never gone out: lines {lines}."))
            if rows]
    return ["", *(message.translated(_) for message in said)] if said else []
