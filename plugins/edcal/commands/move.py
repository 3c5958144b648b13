"""``edcal move``: move a selection of the plan by days, weeks or months, in the files people write.

The options are parsed and the site is read; the selection becomes written
dates to change (:mod:`edcal.plan.moves`); the files are edited in memory
(:mod:`edcal.load.edits`) and the site is read again as the edits would
leave it, in a child process (:mod:`edcal.commands._child`). Only when that
reads without error, and nothing refuses the move
(:mod:`edcal.plan.move_refusals`), are the files written, and the plan's
changes are shown as ``edcal diff`` shows them. ``--dry-run`` stops before
writing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edcal.commands._child import now_pinned, read_edited, spare_readers
from edcal.commands.choices import nearest, network_error
from edcal.errors import InputError, InputErrors, did_you_mean, message_of, shown_path, shown_paths_in
from edcal.files import os_reason, said_when_interrupted
from edcal.hints import value_hint
from edcal.i18n import (
    DAYS,
    Message,
    clock_time,
    long_date,
    say,
    say_count,
    team_language,
    translated,
    translator,
)
from edcal.load import timeparse
from edcal.load.edits import (
    Change,
    DayEdit,
    MovedDaysEdit,
    MovedEntryRemoval,
    WrittenText,
    edited_files,
    where_after,
    where_before,
    write_texts,
)
from edcal.load.sections.repeat import MAX_HORIZON_DAYS
from edcal.load.yamlfile import read_text
from edcal.model.calendar import MovedOccurrence
from edcal.model.plan import Item, Plan, article_item_id, made_by
from edcal.model.source import Source
from edcal.plan.move_refusals import (
    SELECTION,
    check_key_dates,
    check_key_dates_shifted,
    nothing_selected,
    refuse_what_must_not_move,
)
from edcal.plan.moves import (
    Move,
    Selection,
    Shift,
    Unmoved,
    first_day_moving,
    move_campaign,
    move_name,
    plan_move,
    selected,
    where_written,
    written_start,
)
from edcal.plan.status import LIFTED_DAYS, withheld_and_past
from edcal.plan.timing import network_slot

#: Exit code when some selected items could not be moved (the others were).
EXIT_UNMOVED = 1
WARNINGS_SHOWN = 10  # a campaign moved whole may bring many: the first ones, and edcal check for the rest


@dataclass(frozen=True, slots=True)
class MoveOutcome:
    """What ``edcal move`` says, and its exit code."""

    text: str
    code: int


def move(site: Path, settings_file: str, ids: tuple[str, ...], since: str | None, until: str | None,
         networks: tuple[str, ...], campaign: str | None, owner: str | None, by: str | None,
         to: str | None, dry_run: bool = False, withheld: bool = False) -> MoveOutcome:
    """Move the selected items and write the files (unless ``dry_run``).

    :raises InputErrors: invalid options, nothing selected, or a move that would leave the site
        invalid or move what is already out (nothing is written then).
    """
    # The child that reads the moved site forked before this process reads the site as it is.
    with spare_readers(1), now_pinned():  # one "now" for the read of the site as it is and as moved
        return _move(site, settings_file, ids, since, until, networks, campaign, owner, by, to, dry_run,
                     withheld)


def _move(site: Path, settings_file: str, ids: tuple[str, ...], since: str | None, until: str | None,
          networks: tuple[str, ...], campaign: str | None, owner: str | None, by: str | None,
          to: str | None, dry_run: bool, withheld: bool) -> MoveOutcome:
    from edcal.load.calendar import hint_zone_of
    from edcal.pelican_plugin.metadata import NOW, read_plan

    hint_zone_of(site)  # the options are read first: a day without its year is the site's coming one
    first, last = _day(since, "--since"), _day(until, "--until")
    # Every option's error, then the selection's: `--by tomorrow` alone was told "found no selection" only.
    errors: list[InputError] = []
    if first is not None and last is not None and last < first:
        errors.append(InputError(
            Source("--until", 1, 1),
            say("--until {until} is before --since {since}", until=until, since=since),
            say("swap the two dates")))
    shift = None
    if (by is None) == (to is None):
        errors.append(InputError(
            Source("--by", 1, 1), say("expected --by or --to (one of them)"),
            say("--by '+7 days' (or -2 days, +1 week, +1 month), or --to 2027-01-19 for the selection's "
                "first day")))
    elif by is not None:
        try:
            shift = _shift_by(by)
        except InputErrors as exc:
            errors.extend(exc.errors)
    if not (ids or first or last or campaign is not None or owner is not None or withheld):
        errors.append(InputError(
            SELECTION, say("found no selection"),
            say("name items (an entry's id, an article's slug, a key date's id), or give days with "
                "--since/--until, or --campaign, --owner or --withheld")))
    if errors:
        raise InputErrors(errors)
    plan = read_plan(site, settings_file, compose_from=NOW)
    selection = _selection(plan, ids, first, last, networks, campaign, owner)
    if withheld:
        by_days = first is not None or last is not None
        selection = dataclasses.replace(selection, withheld=_withheld(plan, by_days))
    chosen, past, key_dates = selected(plan, selection)
    check_key_dates(plan, key_dates, selection)
    # The selection as the user wrote it, for a refusal of it.
    given = [*(f"'{name}'" for name in ids), *(f"{option} {value}" for option, value in (
        ("--since", since), ("--until", until), ("--campaign", campaign), ("--owner", owner)) if value),
        *(f"--network {network}" for network in networks), *(["--withheld"] if withheld else [])]
    if not chosen and not key_dates:
        raise nothing_selected(plan, selection, given, len(past))
    days = _DayReader(site)

    def planned(shift: Shift) -> Move:
        return plan_move(plan, chosen, key_dates, shift, days, days.shared, days.extensible, selection.ids,
                         days.removable)

    if shift is None:  # --to: from the first day of what moves (not of what follows or stays)
        assert to is not None
        # Tried far enough to land ahead: an article late in review, tried a day on, stayed, and --to
        # counted from its teaser's day (a day early).
        late = [(plan.day_of(plan.now) - plan.day_of(start)).days + 1 for item in chosen
                if (start := written_start(plan, item)) is not None]
        trial = planned(Shift(max([1, *late]), "days"))
        shift = _shift_to(to, first_day_moving(plan, chosen, key_dates, trial), plan.calendar.slots)
    check_key_dates_shifted(plan, key_dates, shift, days.shared)
    moved = planned(shift)
    moved.past = past
    if moved.late and not (moved.moves or moved.occurrences or moved.returned or moved.unmoved or key_dates):
        raise nothing_selected(plan, selection, given, len(past), late=len(moved.late))
    if selection.whole_campaign:
        assert selection.campaign is not None
        move_campaign(plan, moved, plan.calendar.campaigns[selection.campaign], shift, days, days.shared)
    texts, read, changes = edited_files(site, [*(DayEdit(m.source, m.before, m.after) for m in moved.moves),
                                *(MovedDaysEdit(m.source, m.into_moved, m.days) for m in moved.occurrences),
                                *(_removal(m.occurrence) for m in moved.returned)])
    after = None
    if texts:
        after = _read_moved(site, settings_file, texts, read, changes)
        refuse_what_must_not_move(plan, after, moved, days.offset_written)
    # Ctrl-C once the files are written (the changes compared and checked take seconds on a large plan):
    # said, or the move run again would move the dates twice. The files tell: written all or none.
    def moved_already() -> str:
        return say("the dates were moved before Ctrl-C, in {files}: do not run the move again "
                   "(edcal diff shows what it changed, edcal check checks it)",
                   files=", ".join(shown_path(_in_site(site, path)) for path in texts)).translated(
                       translator(team_language(plan.lang)))

    with said_when_interrupted({} if dry_run else texts, moved_already):
        if texts and not dry_run:
            _write(site, texts, read)
        # The checks' errors the move brings (a post moved before its article): the build would refuse the
        # plan; said, and the exit code says it too, as `edcal import`'s does.
        brought = _findings_brought(plan, after) if after is not None else []
        places = _Places(site, read, texts, changes, written=bool(texts) and not dry_run,
                         _=translator(team_language(plan.lang)))
        return MoveOutcome(_report(plan, after, moved, shift, to, dry_run, brought, places),
                           EXIT_UNMOVED if moved.unmoved or _errors(brought) else 0)


def _removal(occurrence: MovedOccurrence) -> MovedEntryRemoval:
    assert occurrence.key_source is not None  # the loader gives it
    return MovedEntryRemoval(occurrence.key_source, occurrence.source)


def _read_moved(site: Path, settings_file: str, texts: dict[Path, str], read: dict[Path, str],
                changes: dict[str, list[Change]]) -> Plan:
    """The site read as the edits would leave it, in a child process (its own plugins' state); its errors
    located in the files as they are (where the edits add a line, the lines below are one further down)."""
    plan, errors = read_edited(site, settings_file, texts, say("the moved site"))
    if plan is None:
        places = _Places(site, read, texts, changes, written=False, _=None)
        raise InputErrors([_as_written(error, site, read, texts, changes, places) for error in errors],
                          outcome=say("moved so, the site would not load; nothing was written"))
    return plan  # type: ignore[no-any-return]


def _as_written(error: InputError, site: Path, read: dict[Path, str], texts: dict[Path, str],
                changes: dict[str, list[Change]], places: _Places) -> InputError:
    """An error of the moved site at its place in the file as the user has it, and so the line its words
    name ("first at line 45"); one in the words the move adds (a day under `moved:`) says them, and where
    they would go."""
    if error.source.path not in changes or not error.source.in_file:
        return error
    path = site / error.source.path
    source, change = where_before(error.source, read[path], texts[path], changes[error.source.path])
    said = places.relined(error.message, error.source.path, True)
    if change is None:
        return InputError(source, said, error.hint)
    values = {"error": said, "written": change.words.strip().lstrip(",").strip()}
    if change.words.startswith(("\r", "\n")):
        message = say("{error} (in `{written}`, the line the move would add after this one)", **values)
    else:
        message = say("{error} (in `{written}`, which the move would add here)", **values)
    return InputError(source, message, error.hint)


class _Places:
    """The lines the report quotes, in the files as they are on disk when it is read: as the user has them
    after a dry run (a line the move would add above a place of the moved plan: one line further up), as
    moved after a move that writes (a place of the plan before it: one line further down)."""

    def __init__(self, site: Path, read: dict[Path, str], texts: dict[Path, str],
                 changes: dict[str, list[Change]], written: bool, _: Any):
        self.site, self.read, self.texts, self.changes, self.written = site, read, texts, changes, written
        self._ = _

    def before(self, source: Source) -> str:
        """A place of the plan before the move."""
        if self.written and self._edited(source):
            path = self.site / source.path
            source = where_after(source, self.read[path], self.texts[path], self.changes[source.path])
        return _at(source)

    def after(self, source: Source) -> str:
        """A place of the plan as moved; one in what a dry run would add says so."""
        if self.written or not self._edited(source):
            return _at(source)
        path = self.site / source.path
        source, change = where_before(source, self.read[path], self.texts[path], self.changes[source.path])
        if change is None:
            return _at(source)
        if change.words.startswith(("\r", "\n")):
            return say("{place}, the line the move would add after it", place=_at(source)).translated(self._)
        return say("{place}, in what the move would add to that line", place=_at(source)).translated(self._)

    def relined(self, message: str, path: str, moved: bool) -> str:
        """A message that names a line of ``path`` in its words ("first at line 44"), of the plan as moved
        (``moved``) or as it was, with that line as on disk."""
        if not isinstance(message, Message) or not isinstance(message.values.get("line"), int):
            return message
        path = str(message.values.get("path") or path)  # "first at {path}:{line}": that file's line
        if not self._edited(Source(path, 1, 1)):
            return message
        source = Source(path, message.values["line"], 1)
        if moved and not self.written:
            file = self.site / path
            source = where_before(source, self.read[file], self.texts[file], self.changes[path])[0]
        elif not moved and self.written:
            file = self.site / path
            source = where_after(source, self.read[file], self.texts[file], self.changes[path])
        return Message(message.template, {**message.values, "line": source.line}, message.forms)

    def of(self, source: Source, moved: bool) -> str:
        """A place of the plan as moved (``moved``) or as it was."""
        return self.after(source) if moved else self.before(source)

    def _edited(self, source: Source) -> bool:
        return source.in_file and source.path in self.changes


def _write(site: Path, texts: dict[Path, str], read: dict[Path, str]) -> None:
    """Write the moved files: every new text beside its file first, then each file replaced; none when one
    was saved since it was read."""
    try:
        changed = write_texts(texts, read)
    except OSError as exc:
        name = Path(exc.filename or next(iter(texts)))
        read_only = isinstance(exc, PermissionError) and name.is_file() and not os.access(name, os.W_OK)
        hint = (say("the file is read-only: give it write permission (chmod u+w), then run the move again")
                if read_only else say("check the folder's permissions and free space"))
        raise InputErrors([InputError(Source(_in_site(site, name), 1, 1),
                                      say("cannot write the file: {reason}", reason=os_reason(exc)),
                                      hint)]) from None
    if changed is not None:
        raise InputErrors([InputError(Source(_in_site(site, changed), 1, 1),
                                      say("the file changed while the move was prepared"),
                                      say("run the command again: it moves the dates in the file as it is "
                                          "now"))])



def _in_site(site: Path, path: Path) -> str:
    """A file's path as the site's sources name it (``calendar.yaml``)."""
    return path.relative_to(site).as_posix() if path.is_relative_to(site) else str(path)


def _day(text: str | None, option: str, slots: Iterable[str] = ()) -> dt.date | None:
    if text is None:
        return None
    try:
        return timeparse.parse_date(text.strip())
    except ValueError as exc:
        hint = value_hint(text.strip(), str(exc)) or _slot_hint(text.strip(), slots) \
            or say("a day, e.g. 2027-01-18")  # 12/10/2026: year first
        raise InputErrors([InputError(Source(option, 1, 1), message_of(exc), hint)]) from None


def _slot_hint(text: str, slots: Iterable[str]) -> Message | None:
    """``--to midi``, ``--to "2027-03-11 soir"``: one of the site's slots, where the option takes a day."""
    found = re.fullmatch(r"(\d{4}-\d{2}-\d{2}\s+)?([^\W\d_]+)", text)
    if found is None or found.group(2).lower() not in {slot.lower() for slot in slots}:
        return None
    if found.group(1):
        return say("a day alone: {day}; a move keeps each post's time or slot (to change it, edit its `at:`)",
                   day=found.group(1).strip())
    return say("a day, e.g. 2027-01-18; a move keeps each post's time or slot (to give a post another one, "
               "such as '{slot}', edit its `at:`)", slot=found.group(2))


#: The longest move: as far as the plan ever looks ahead, ten years (a longer one is a typo).
MAX_SHIFT_DAYS = MAX_HORIZON_DAYS
_UNITS = ("days", "weeks", "months")


def _shift_by(by: str) -> Shift:
    text = " ".join(by.split())
    expected = (say("found '{by}', expected an offset in days, weeks or months (a sign is optional)", by=by),
                say("e.g. --by '+7 days', --by -2d, --by '+1 week', --by '+1 month' (a move keeps each "
                    "item's time)"))
    try:
        # A sign is optional: `7 days`, `une semaine`, `a week` move later.
        offset = timeparse.parse_offset(text if text[:1] in "+-" else f"+{text}")
    except timeparse.OffsetTooFar:
        raise InputErrors([InputError(Source("--by", 1, 1),
                                      say("found '{given}', a move of more than ten years", given=by),
                                      say("move by days, weeks or months (at most ten years)"))]) from None
    except ValueError:
        raise InputErrors([InputError(Source("--by", 1, 1), *expected)]) from None
    if offset.unit not in _UNITS or offset.time or offset.slot:
        raise InputErrors([InputError(Source("--by", 1, 1), *expected)])
    return _bounded(Shift(offset.amount, offset.unit), by, "--by")  # type: ignore[arg-type]


def _shift_to(to: str, first: dt.date, slots: Iterable[str] = ()) -> Shift:
    day = _day(to, "--to", slots)
    assert day is not None
    return _bounded(Shift((day - first).days, "days"), to, "--to")


def _bounded(shift: Shift, given: str, option: str) -> Shift:
    if shift.amount == 0:
        raise InputErrors([InputError(Source(option, 1, 1),
                                      say("found '{given}', which moves nothing", given=given),
                                      say("e.g. --by '+7 days'"))])
    reference = dt.date(2000, 1, 1)
    try:
        too_far = abs((shift(reference) - reference).days) > MAX_SHIFT_DAYS
    except (OverflowError, ValueError):  # beyond year 9999
        too_far = True
    if too_far:
        raise InputErrors([InputError(Source(option, 1, 1),
                                      say("found '{given}', a move of more than ten years", given=given),
                                      say("move by days, weeks or months (at most ten years)"))])
    return shift


def _selection(plan: Plan, ids: tuple[str, ...], first: dt.date | None, last: dt.date | None,
               networks: tuple[str, ...], campaign: str | None, owner: str | None) -> Selection:
    """The selection, its names checked against the plan (a typo is an error, not an empty move)."""
    calendar = plan.calendar
    known_ids = plan.named_ids()
    errors = [network_error(plan, name) for name in networks if calendar.network_id(name) is None]
    networks = tuple(calendar.network_id(name) or name for name in networks)  # `twitter` is `x`
    named: list[str] = []
    for option, names, known in (("ID", ids, known_ids),
                                 ("--campaign", () if campaign is None else (campaign,), calendar.campaigns),
                                 ("--owner", () if owner is None else (owner,), calendar.team)):
        for name in names:
            name = name.strip()
            found = (calendar.person_id(name) if option == "--owner" else calendar.campaign_id(name)
                     if option == "--campaign" else name if name in known
                     else name.lower() if name.lower() in known else None)
            if found is None:
                listing = (say("edcal agenda --ids lists items with their ids") if option == "ID"
                           else say("known: {names}", names=", ".join(sorted(known))))
                # campaigns and people by id or name; items by id
                hint = (nearest(name, known) if isinstance(known, Mapping)
                        else did_you_mean(name.lower(), known))
                errors.append(InputError(Source(option, 1, 1), _unknown(option, name), hint or listing))
            elif option == "ID":
                named.append(found)
            elif option == "--campaign":
                campaign = found
            elif option == "--owner":
                owner = found
    if errors:
        raise InputErrors(errors)
    slugs = {article_item_id(a): a.slug for a in plan.articles}
    return Selection(tuple(slugs.get(name, name) for name in named), first, last, frozenset(networks),
                     campaign, owner)


def _withheld(plan: Plan, by_days: bool) -> frozenset[str]:
    """The posts ``--withheld`` selects: those a lifted freeze withheld that never went out, their time gone
    (``withheld-now-past``'s): of the freezes lifted in the last week, or of any, ``by_days`` (--since/--until
    say which). None is an error: there is nothing to bring back."""
    recent = None if by_days else dt.timedelta(days=LIFTED_DAYS)
    found = frozenset(post.id for _window, posts in withheld_and_past(plan.calendar, plan.items, plan.now,
                                                                      recent) for post in posts)
    if found:
        return found
    in_force = [window for window in plan.calendar.freezes if window.covers(plan.now)]
    hint = (say("a freeze in force holds its posts: give it its `until:` first ({path}:{line})",
                path=in_force[0].source.path, line=in_force[0].source.line) if in_force else
            say("a freeze lifted more than {days} days ago: give its days with --since and --until",
                days=LIFTED_DAYS) if not by_days else
            say("edcal agenda --ids lists what is planned, with the ids to name"))
    raise InputErrors([InputError(Source("--withheld", 1, 1),
                                  say("found no post that a lifted freeze withheld and that never went out"),
                                  hint)])


def _unknown(option: str, name: str) -> str:
    """"unknown campaign 'x'": a name that the option's kind of thing does not have."""
    if option == "ID":
        return say("unknown id '{name}'", name=name)
    if option == "--campaign":
        return say("unknown campaign '{name}'", name=name)
    return say("unknown owner '{name}'", name=name)


class _DayReader:
    """The day written at a value's start, each file read once."""

    def __init__(self, site: Path):
        self.site = site
        self.texts: dict[str, WrittenText] = {}

    def __call__(self, source: Source) -> dt.date | None:
        return self._text(source).day_at(source)[1]

    def offset_written(self, source: Source) -> dt.timedelta | None:
        return self._text(source).offset_written(source)

    def shared(self, source: Source) -> str | None:
        return self._text(source).shared(source)

    def removable(self, occurrence: MovedOccurrence) -> bool:
        """Whether an occurrence's ``moved:`` entry can be removed (its new day written alone)."""
        return occurrence.key_source is not None and self._text(occurrence.source).removal(
            MovedEntryRemoval(occurrence.key_source, occurrence.source)) is not None

    def extensible(self, source: Source) -> bool:
        """Whether a key can be added to the mapping that starts at ``source``."""
        probe = MovedDaysEdit(source, True, ((dt.date.min, dt.date.min),))
        return self._text(source).insertion(probe) is not None

    def _text(self, source: Source) -> WrittenText:
        if source.path not in self.texts:
            self.texts[source.path] = WrittenText(read_text(self.site / source.path, source.path))
        return self.texts[source.path]


def _report(before: Plan, after: Plan | None, moved: Move, shift: Shift, to: str | None,
            dry_run: bool, brought: list[Any], places: _Places) -> str:
    from edcal.commands.diff import change_lines
    from edcal.plan.changes import compare_plans

    _ = translator(team_language(before.lang))
    asked = shift.words.translated(_)
    asked = f"--to {to}, {asked}" if to else asked
    lines = []
    if moved.moves or moved.occurrences or moved.returned:
        files = len({m.source.path for m in moved.moves} | {o.source.path for o in moved.occurrences}
                    | {r.occurrence.source.path for r in moved.returned})
        count = len(moved.moves) + sum(len(m.days) for m in moved.occurrences) + len(moved.returned)
        lines.append(say_count(count, "Would move {count} date ({asked}):" if dry_run else
                               "Moved {count} date ({asked}):",
                               "Would move {count} dates ({asked}):" if dry_run else
                               "Moved {count} dates ({asked}):", asked=asked).translated(_))
        changes: list[tuple[Source, str]] = []
        for change in moved.moves:
            named = _("key date {id}").format(id=change.key_date) if change.key_date \
                else _("campaign {id}").format(id=change.campaign) if change.campaign \
                else _("modified: of {slug}, with its date").format(slug=change.modified_of) \
                if change.modified_of \
                else _named(before, change.items)
            changes.append((change.source, f"  {places.before(change.source)}  {change.before.isoformat()} → "
                                           f"{change.after.isoformat()}  ({named})"
                                           + _times_changed(before, after, change.items, _)
                                           + _promotions_changed(before, after, change.items, _)))
        for occurrence in moved.occurrences:
            for day, new_day in occurrence.days:
                items = [i for i in occurrence.items if i.id.endswith(f"{day:%Y%m%d}")]
                added, named = _("added under moved:"), _named(before, items)
                where = places.before(occurrence.source)
                changes.append((occurrence.source, f"  {where}  {day.isoformat()} → "
                                                   f"{new_day.isoformat()}  ({named}, {added})"
                                                   + _times_changed(before, after, items, _)))
        for back in moved.returned:
            source, removed = back.occurrence.source, _("back on its rule, removed from moved:")
            days = f"{back.before.isoformat()} → {back.occurrence.day.isoformat()}"
            named = _named(before, back.items)
            changes.append((source, f"  {places.before(source)}  {days}  ({named}, {removed})"
                                   + _times_changed(before, after, back.items, _)))
        changes.sort(key=lambda change: (change[0].path, change[0].line, change[0].column))
        lines += [line for _source, line in changes]
        if dry_run:
            lines.append(say_count(files, "Nothing written (--dry-run): {count} file to change.",
                                   "Nothing written (--dry-run): {count} files to change.").translated(_))
    else:
        lines.append(_("Nothing would move.") if dry_run else _("Nothing moved."))
    if after is not None:
        plan_changes = compare_plans(before, after, before.now)
        lines += ["", _("What it does to the plan:"),
                  *change_lines(plan_changes, before, after, None, places.of)]
        stale = _dates_left_behind(before, after)
        if stale:
            said = say_count(len(stale), "{count} text names a date the move leaves behind (date-in-text):",
                             "{count} texts name dates the move leaves behind (date-in-text):")
            lines += ["", said.translated(_)]
            for finding in stale:
                message = places.relined(finding.message, finding.source.path, True)
                lines.append(f"  {places.after(finding.source)}  {shown_paths_in(translated(message, _))}")
        errors = _errors(brought)  # date-in-text's warnings are said above, each with the date it names
        warnings = [finding for finding in brought
                    if finding.severity != "error" and finding.rule != "date-in-text"]
        if errors:  # a post moved before its article: the build would refuse the plan
            said = say_count(len(errors), "{count} error of edcal check the move brings (edcal build "
                             "refuses to build while it stays):",
                             "{count} errors of edcal check the move brings (edcal build refuses to build "
                             "while they stay):")
            lines += ["", said.translated(_), *_finding_lines(errors, _, places)]
        if warnings:  # a day over a network's maximum, a post outside its slots: what edcal check will say
            said = say_count(len(warnings), "{count} warning of edcal check the move brings or changes:",
                             "{count} warnings of edcal check the move brings or changes:")
            lines += ["", said.translated(_), *_finding_lines(warnings[:WARNINGS_SHOWN], _, places)]
            if len(warnings) > WARNINGS_SHOWN:
                more = say_count(len(warnings) - WARNINGS_SHOWN, "… and {count} more (edcal check shows it)",
                                 "… and {count} more (edcal check shows them all)")
                lines.append(f"  {more.translated(_)}")
    if moved.unmoved:  # counted as listed: an entry's networks and days left for one reason are one line
        lines += ["", say_count(len(_grouped(moved.unmoved)), "{count} selected item not moved:",
                                "{count} selected items not moved:").translated(_)]
        lines += _unmoved_lines(before, moved.unmoved, _, places)
    if moved.own_date:
        lines += ["", say_count(len(moved.own_date),
                                "{count} post keeps a date of its own, while its entry follows the key date:",
                                "{count} posts keep a date of their own, while their entries follow the key "
                                "date:").translated(_)]
        lines += _unmoved_lines(before, moved.own_date, _, places, at_date=True)
    if moved.campaign_kept:
        lines += ["", say("The campaign '{campaign}' keeps its days: some of its items stay where they are.",
                          campaign=moved.campaign_kept).translated(_)]
    if moved.past:
        lines += ["", say_count(len(moved.past),
                                "{count} item of the selection is already past: left as it is.",
                                "{count} items of the selection are already past: left as they are.")
                  .translated(_)]
    if moved.late:
        lines += ["", say_count(len(moved.late),
                                "{count} item of the selection, due already and not out, would still be "
                                "due before now: left as it is (name it to move it further).",
                                "{count} items of the selection, due already and not out, would still be "
                                "due before now: left as they are (name them to move them further).")
                  .translated(_)]
    if (moved.moves or moved.occurrences or moved.returned) and not dry_run:
        lines += ["", _("edcal check tells whether the new dates keep the plan's rules.")]
    return "\n".join(lines) + "\n"


def _times_changed(before: Plan, after: Plan | None, items: Iterable[Item], _: Any) -> str:
    """The lines under a changed date for its posts whose time of day changes with their day, and why: a post
    written with a date alone takes its network's slot of the new weekday, else the site's default time
    (a post at 18:00 moved to 09:00 without a word, where no network had a slot)."""
    if after is None:
        return ""
    moved = {item.id: item for item in after.items}
    said: list[str] = []
    for item in items:
        line = _time_change(before, item, moved.get(item.id))
        if line is not None and (text := f"\n    {line.translated(_)}") not in said:  # an entry's networks,
            said.append(text)                                                       # each said once
    return "".join(said)


def _promotions_changed(before: Plan, after: Plan | None, items: Iterable[Item], _: Any) -> str:
    """The lines under an article's changed date for its promotions whose time of day changes with their
    day, and why: a step without a time of its own takes its network's slot of the new weekday, else the
    article's time (a promotion from Thursday's 12:30 to a Sunday's 09:00, said only in the plan's changes).
    Each says its network and new day: an article has several (``+2 days`` on LinkedIn and Mastodon)."""
    slugs = {item.article for item in items if item.kind == "article" and item.article}
    if after is None or not slugs:
        return ""
    zone, lang = before.calendar.zone, team_language(before.lang)
    entries = {entry.id: entry for entry in before.calendar.posts}
    articles = {item.article: item.start for item in after.items if item.kind == "article"}
    moved = {item.id: item for item in after.items}
    said: list[tuple[dt.datetime, str, str]] = []
    for item in before.items:
        entry = entries.get(item.parent or "")
        if (item.kind != "post" or item.article not in slugs
                or (entry is not None and made_by(entry, item) and entry.kind != "promote")):
            continue  # a post of its own that names the article: its date is written, and said on its line
        new = moved.get(item.id)
        line = _time_change(before, item, new, articles.get(item.article))
        if line is None or new is None or not isinstance(new.start, dt.datetime):
            continue
        new_start = new.start.astimezone(zone)
        network = before.calendar.networks.get(item.network or "")
        whose = say("its {network} promotion of {day}: {change}", network=network.name if network else
                    item.network, day=long_date(new_start.date(), lang), change=line)
        said.append((new_start, item.network or "", f"\n    {whose.translated(_)}"))
    return "".join(text for _start, _network, text in sorted(said))


def _time_change(before: Plan, item: Item, new: Item | None,
                 article_start: dt.datetime | dt.date | None = None) -> Message | None:
    """"at 09:00, no longer 18:00" and why, for a post whose time of day the move changes; else None.
    ``article_start``: the promoted article's new start, for a promotion (its time where no slot is)."""
    if (item.kind != "post" or new is None or not isinstance(item.start, dt.datetime)
            or not isinstance(new.start, dt.datetime)):
        return None
    zone, lang = before.calendar.zone, team_language(before.lang)
    old_time, new_start = item.start.astimezone(zone), new.start.astimezone(zone)
    if old_time.time() == new_start.time():
        return None
    values = {"time": clock_time(new_start, lang), "before": clock_time(old_time, lang)}
    network = before.calendar.networks.get(item.network or "")
    weekday = say(DAYS["en"][new_start.weekday()])
    slot = network_slot(new_start.date(), network) if network is not None else None
    article_time = article_start.astimezone(zone).time() if isinstance(article_start, dt.datetime) else None
    if network is not None and slot == new_start.time():
        return say("at {time}, no longer {before} (the {weekday} slot on {network})",
                   weekday=weekday, network=network.name, **values)
    if network is not None and slot is None and new_start.time() == article_time:
        return say("at {time}, no longer {before} ({network} has no slot on {weekday}; the article's time)",
                   weekday=weekday, network=network.name, **values)
    if network is not None and slot is None and new_start.time() == before.calendar.default_time:
        return say("at {time}, no longer {before} ({network} has no slot on {weekday}; the site's "
                   "default time)", weekday=weekday, network=network.name, **values)
    return say("at {time}, no longer {before}", **values)


def _at(source: Source) -> str:
    """A line of the site as the terminal shows it: from the current folder (``blog/calendar.yaml:52``)."""
    return f"{shown_path(source.path)}:{source.line}"


def _unmoved_lines(before: Plan, unmoved: list[Unmoved], _: Any, places: _Places,
                   at_date: bool = False) -> list[str]:
    """Items left where they are, each with why and what to do: an entry's networks and occurrences left for
    one reason on one line, at the entry's line (``at_date``: at the line of the date they keep)."""
    zone = before.calendar.zone
    lines = []
    for group in sorted(_grouped(unmoved), key=lambda g: min(u.item.sort_key(zone) for u in g)):
        items = sorted((u.item for u in group), key=lambda item: item.sort_key(zone))
        where = places.before(where_written(before, items[0]) if at_date else items[0].source)
        lines.append(f"  {_days(before, items, _)} · {items[0].title} · {_named(before, items)}  [{where}]")
        path = items[0].source.path
        lines.append(f"    {translated(places.relined(group[0].reason, path, False), _)}")
        lines.append(f"    → {translated(places.relined(group[0].hint, path, False), _)}")
    return lines


def _grouped(unmoved: list[Unmoved]) -> list[list[Unmoved]]:
    """Items left where they are, by entry and reason: one line of the report each."""
    groups: dict[tuple[Any, ...], list[Unmoved]] = {}
    for one in unmoved:
        groups.setdefault((one.item.parent or one.item.id, one.reason, one.hint), []).append(one)
    return list(groups.values())


def _dates_left_behind(before: Plan, after: Plan) -> list[Any]:
    """The texts the move makes wrong: a post whose text names dates (a weekday, the key date's days)
    that date-in-text reports after the move and did not before. The files' texts do not move."""
    from edcal.checks import run_checks

    # By what each finding says of its post, not by the post alone: a text already wrong before (a weekday
    # typo) may name, besides, a date the move leaves behind.
    already = {(finding.item, finding.message) for finding in run_checks(before, only=("date-in-text",))}
    return [finding for finding in run_checks(after, only=("date-in-text",))
            if (finding.item, finding.message) not in already]


def _findings_brought(before: Plan, after: Plan) -> list[Any]:
    """The errors and warnings of the checks after the move that no item had before it, by rule and item, and
    a period's figures (a post moved before its article, onto a day over a network's maximum, or onto one
    over it already): errors would stop the build, warnings are what edcal check will say of the new dates
    (a trial moved two Instagram posts to one minute and learnt it only from a later check)."""
    from edcal.checks import Finding, run_checks

    def key(finding: Finding) -> tuple[object, ...]:  # a period's figures too: a crowded day one post more
        return (finding.severity, finding.rule, finding.item or "", "" if finding.item else finding.message,
                finding.data)

    already = {key(finding) for finding in run_checks(before)}
    return sorted((finding for finding in run_checks(after)
                   if finding.severity in ("error", "warning") and key(finding) not in already),
                  key=Finding.sort_key)


def _errors(findings: list[Any]) -> list[Any]:
    return [finding for finding in findings if finding.severity == "error"]


def _finding_lines(findings: list[Any], _: Any, places: _Places) -> list[str]:
    """Each finding at its place in the files as the move leaves them, its rule named, its hint under it."""
    lines = []
    for finding in findings:
        message = places.relined(finding.message, finding.source.path, True)
        lines.append(f"  {places.after(finding.source)}  {shown_paths_in(translated(message, _))}"
                     f" [{finding.rule}]")
        if finding.hint:
            lines.append(f"    → {shown_paths_in(translated(finding.hint, _))}")
    return lines


def _days(plan: Plan, items: list[Item], _: Any) -> str:
    """"mardi 19 janvier 2027", or "… et 13 autres, jusqu'au …" for the occurrences of a series."""
    days = list(dict.fromkeys(plan.day_of(item.start) for item in items if item.start is not None))
    if not days:
        return ""
    first = long_date(days[0], _.tag)
    if len(days) == 1:
        return first
    return say_count(len(days) - 1, "{first} and one more, until {last}",
                     "{first} and {count} more, until {last}",
                     first=first, last=long_date(days[-1], _.tag)).translated(_)


def _named(plan: Plan, items: Iterable[Item]) -> str:
    """Items as people find them in calendar.yaml: an entry's id and its networks, an article's slug."""
    by_parent: dict[str, list[str]] = {}
    for item in items:
        if item.kind == "post" and item.parent:
            network = plan.calendar.networks.get(item.network or "")
            names = by_parent.setdefault(item.parent, [])
            name = network.name if network else item.network or ""
            if name not in names:
                names.append(name)
        else:
            by_parent.setdefault(move_name(item), [])
    return "; ".join(f"{name} ({', '.join(networks)})" if networks else name
                     for name, networks in by_parent.items())
