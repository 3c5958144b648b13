"""``edcal move``: move a selection of the plan by days, weeks or months, in the files people write.

The site is read; the selection becomes written dates to change
(:mod:`edcal.plan.moves`); the files are edited in memory
(:mod:`edcal.load.edits`) and the site is read again as the edits would
leave it. Only when that reads without error are the files written (each
replaced whole), and the plan's changes are shown as ``edcal diff`` shows
them. ``--dry-run`` stops before writing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from edcal.errors import InputError, InputErrors, did_you_mean
from edcal.i18n import long_date, say_count, translator
from edcal.load import timeparse
from edcal.load.edits import DayEdit, edited_files, write_texts, written_day
from edcal.load.yamlfile import read_text, reading_edited
from edcal.model.plan import Item, Plan, article_item_id
from edcal.model.source import Source
from edcal.plan.moves import (
    Move,
    Selection,
    Shift,
    Unmoved,
    local_day,
    move_name,
    named_key_dates,
    plan_move,
    selected,
)

#: Exit code when some selected items could not be moved (the others were).
EXIT_UNMOVED = 1


@dataclass(frozen=True, slots=True)
class MoveOutcome:
    """What ``edcal move`` says, and its exit code."""

    text: str
    code: int


def move(site: Path, settings_file: str, ids: tuple[str, ...], since: str | None, until: str | None,
         networks: tuple[str, ...], campaign: str | None, owner: str | None, by: str | None,
         to: str | None, dry_run: bool = False) -> MoveOutcome:
    """Move the selected items and write the files (unless ``dry_run``).

    :raises InputErrors: invalid options, nothing selected, or a site the move would leave invalid
        (nothing is written then).
    """
    from edcal.pelican_plugin.metadata import NOW, read_plan
    from edcal.plan.changes import compare_plans

    if (by is None) == (to is None):
        raise InputErrors([InputError(Source("--by", 1, 1), "expected --by or --to (one of them)",
                                      "--by '+7 days' (or -2 days, +1 week, +1 month), or --to 2027-01-19 "
                                      "for the selection's first day")])
    first, last = _day(since, "--since"), _day(until, "--until")
    if first is not None and last is not None and last < first:
        raise InputErrors([InputError(Source("--until", 1, 1), f"--until {until} is before --since {since}",
                                      "swap the two dates")])
    if not (ids or first or last or campaign or owner):
        raise InputErrors([InputError(Source("--since", 1, 1), "found no selection",
                                      "name items (an entry's id, an article's slug), or give days with "
                                      "--since/--until, or --campaign or --owner")])
    plan = read_plan(site, settings_file, compose_from=NOW)
    selection = _selection(plan, ids, first, last, networks, campaign, owner)
    chosen, past = selected(plan, selection)
    key_dates = named_key_dates(plan, selection)
    today = local_day(plan, plan.now)
    begun = [key_date for key_date in key_dates if key_date.start < today]
    if begun:
        raise InputErrors([InputError(key_date.source, f"key date '{key_date.id}' began on "
                                      f"{key_date.start.isoformat()}: what is written relative to it is "
                                      "partly out", "change its dates by hand") for key_date in begun])
    if not chosen and not key_dates:
        already = f" ({len(past)} already out)" if past else ""
        raise InputErrors([InputError(Source("--since" if first or last else "ID", 1, 1),
                                      f"found no item to come in the selection{already}",
                                      "edcal agenda --ids lists what is planned, with the ids to name")])
    shift = _shift(by, to, min([*(local_day(plan, item.start) for item in chosen if item.start is not None),
                                *(key_date.start for key_date in key_dates)]))
    days = _DayReader(site)
    moved = plan_move(plan, selection, shift, days)
    texts = edited_files(site, [DayEdit(m.source, m.before, m.after) for m in moved.moves])
    after = None
    if texts:
        with reading_edited(texts):
            try:
                after = read_plan(site, settings_file, compose_from=NOW)
            except InputErrors as exc:
                raise InputErrors(exc.errors, outcome="moved so, the site would not load; nothing was "
                                  "written") from None
        if not dry_run:
            _write(site, texts)
    return MoveOutcome(_report(plan, after, moved, shift, by or f"--to {to}", dry_run, compare_plans),
                       EXIT_UNMOVED if moved.unmoved else 0)


def _write(site: Path, texts: dict[Path, str]) -> None:
    written: list[str] = []
    for path, text in texts.items():
        name = path.relative_to(site).as_posix()
        try:
            write_texts({path: text})
        except OSError as exc:
            raise InputErrors([InputError(Source(name, 1, 1), f"cannot write the file: {exc.strerror}",
                                          "check its permissions, then run the command again")],
                              outcome=f"written before it: {', '.join(written)}" if written
                              else "nothing was written") from None
        written.append(name)


def _day(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return timeparse.parse_date(text.strip())
    except ValueError as exc:
        raise InputErrors([InputError(Source(option, 1, 1), f"{exc}", "a day, e.g. 2027-01-18")]) from None


def _shift(by: str | None, to: str | None, first: dt.date) -> Shift:
    if to is not None:
        day = _day(to, "--to")
        assert day is not None
        return Shift((day - first).days, "days")
    assert by is not None
    text = by.strip()
    if text[:1].isdigit():
        text = f"+{text}"
    try:
        offset = timeparse.parse_offset(text)
    except ValueError as exc:
        raise InputErrors([InputError(Source("--by", 1, 1), str(exc).replace("'at publication' or ", ""),
                                      "e.g. --by '+7 days', --by -2d, --by '+1 week', --by '+1 month'")]) \
            from None
    if offset.unit not in ("days", "weeks", "months") or offset.time or offset.slot:
        raise InputErrors([InputError(Source("--by", 1, 1), f"found '{by}', expected days, weeks or months",
                                      "a move keeps each item's time: change a time by hand")])
    if offset.amount == 0:
        raise InputErrors([InputError(Source("--by", 1, 1), f"found '{by}', which moves nothing",
                                      "e.g. --by '+7 days'")])
    return Shift(offset.amount, offset.unit)  # type: ignore[arg-type]


def _selection(plan: Plan, ids: tuple[str, ...], first: dt.date | None, last: dt.date | None,
               networks: tuple[str, ...], campaign: str | None, owner: str | None) -> Selection:
    """The selection, its names checked against the plan (a typo is an error, not an empty move)."""
    calendar = plan.calendar
    known_ids = {item.id for item in plan.items} | {item.parent for item in plan.items if item.parent} \
        | {a.slug for a in plan.articles} | {article_item_id(a) for a in plan.articles} \
        | {idea.id for idea in calendar.ideas} | set(calendar.key_dates)
    errors = []
    for option, names, known in (("ID", ids, known_ids), ("--network", networks, calendar.networks),
                                 ("--campaign", (campaign,) if campaign else (), calendar.campaigns),
                                 ("--owner", (owner,) if owner else (), calendar.team)):
        errors += [InputError(Source(option, 1, 1), f"unknown {option.strip('-').lower()} '{name}'",
                              did_you_mean(name, known) or "edcal agenda --ids lists items with their ids")
                   for name in names if name not in known]
    if errors:
        raise InputErrors(errors)
    slugs = {article_item_id(a): a.slug for a in plan.articles}
    return Selection(tuple(slugs.get(name, name) for name in ids), first, last, frozenset(networks),
                     campaign, owner)


class _DayReader:
    """The day written at a value's start, each file read once."""

    def __init__(self, site: Path):
        self.site = site
        self.texts: dict[str, str] = {}

    def __call__(self, source: Source) -> dt.date | None:
        if source.path not in self.texts:
            self.texts[source.path] = read_text(self.site / source.path, source.path)
        return written_day(self.texts[source.path], source)[1]


def _report(before: Plan, after: Plan | None, moved: Move, shift: Shift, asked: str, dry_run: bool,
            compare) -> str:  # type: ignore[no-untyped-def]
    from edcal.commands.diff import Revision, change_lines

    _ = translator(before.lang)
    lines = []
    if moved.moves:
        files = len({m.source.path for m in moved.moves})
        lines.append(say_count(len(moved.moves), "Would move {count} date ({asked}):" if dry_run else
                               "Moved {count} date ({asked}):",
                               "Would move {count} dates ({asked}):" if dry_run else
                               "Moved {count} dates ({asked}):", asked=asked).translated(_))
        for change in moved.moves:
            named = _("key date {id}").format(id=change.key_date) if change.key_date \
                else _named(before, change.items)
            lines.append(f"  {change.source}  {change.before.isoformat()} → {change.after.isoformat()}  "
                         f"({named})")
        if dry_run:
            lines.append(say_count(files, "Nothing written (--dry-run): {count} file to change.",
                                   "Nothing written (--dry-run): {count} files to change.").translated(_))
    else:
        lines.append(_("Nothing moved."))
    if after is not None:
        changes = compare(before, after, before.now)
        lines += ["", _("What it does to the plan:"),
                  *change_lines(changes, before, after, Revision(_("before the move"), ""))]
    if moved.unmoved:
        lines += ["", say_count(len(moved.unmoved), "{count} selected item not moved:",
                                "{count} selected items not moved:").translated(_)]
        groups: dict[tuple[str, ...], list[Unmoved]] = {}
        for unmoved in moved.unmoved:  # the networks of one entry on one day, for one reason: one line
            item = unmoved.item
            key = (str(local_day(before, item.start)) if item.start else "", item.parent or item.id,
                   unmoved.reason, unmoved.hint)
            groups.setdefault(key, []).append(unmoved)
        for group in groups.values():
            item, first = group[0].item, group[0]
            when = long_date(local_day(before, item.start), before.lang) if item.start is not None else ""
            lines.append(f"  {when} · {item.title} · {_named(before, [u.item for u in group])}  "
                         f"[{item.source}]")
            lines.append(f"    {first.reason.translated(_)}")
            lines.append(f"    → {first.hint.translated(_)}")
    if moved.past:
        lines += ["", say_count(len(moved.past),
                                "{count} item of the selection is already out: left as it is.",
                                "{count} items of the selection are already out: left as they are.")
                  .translated(_)]
    if moved.moves and not dry_run:
        lines += ["", _("edcal check tells whether the new dates keep the plan's rules.")]
    return "\n".join(lines) + "\n"


def _named(plan: Plan, items: Iterable[Item]) -> str:
    """Items as people find them in calendar.yaml: an entry's id and its networks, an article's slug."""
    by_parent: dict[str, list[str]] = {}
    for item in items:
        if item.kind == "post" and item.parent:
            network = plan.calendar.networks.get(item.network or "")
            by_parent.setdefault(item.parent, []).append(network.name if network else item.network or "")
        else:
            by_parent.setdefault(move_name(item), [])
    return "; ".join(f"{name} ({', '.join(networks)})" if networks else name
                     for name, networks in by_parent.items())
