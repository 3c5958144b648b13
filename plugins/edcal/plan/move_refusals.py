"""What ``edcal move`` refuses: the moves it cannot make without moving what it must not.

:mod:`edcal.plan.moves` says which written dates a move changes; this module
says when nothing is to be written at all (located errors, exit code 2).
Before the move, from the selection: a key date filtered, over or under way,
written as a YAML alias or anchor, or moved before today; a selection with
nothing to come. After it, comparing the plan with the plan the moved files
give (:func:`refuse_what_must_not_move`): something already out that would
move, something that would land before now, a freeze, a campaign or a
recurring post under way whose start would move, a time written with a UTC
offset that would slide across a daylight-saving change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from edcal.errors import InputError, InputErrors
from edcal.i18n import say, say_count, utc_offset
from edcal.model.calendar import FreezeWindow, KeyDate
from edcal.model.days import as_instant
from edcal.model.plan import Item, Plan
from edcal.model.source import Source
from edcal.plan.moves import Move, Selection, Shift, is_past, where_written
from edcal.plan.status import freeze_start
from edcal.zones import zones_keeping

#: Where errors about the selection as a whole point (the ids given, the filters).
SELECTION = Source("ID", 1, 1)


def check_key_dates(plan: Plan, key_dates: list[KeyDate], selection: Selection) -> None:
    """A key date moves with everything written relative to it, on every network: filters cannot
    apply, and one that has begun has posts already out.

    :raises InputErrors: for each key date named that cannot move so.
    """
    today = plan.day_of(plan.now)
    filters = [f"--{name}" for name, given in (("network", selection.networks),
                                               ("campaign", selection.campaign),
                                               ("owner", selection.owner)) if given]
    errors = []
    for key_date in key_dates:
        if filters:
            # Option names joined by "and"/"or": a list of words of the user's (`--network and --owner`).
            errors.append(InputError(SELECTION, say("{filters} cannot select part of key date '{id}': "
                                                    "everything written relative to it moves with it",
                                                    filters=_joined(filters, say("and")), id=key_date.id),
                                     say("move it without {filters}, or move the posts by their own ids",
                                         filters=_joined(filters, say("or")))))
        elif key_date.end < today:
            errors.append(InputError(key_date.source, say("key date '{id}' is over (it ended on {day})",
                                                          id=key_date.id, day=key_date.end.isoformat()),
                                     say("name key dates still to come")))
        elif key_date.start <= today:
            errors.append(InputError(key_date.source, say("key date '{id}' began on {day}: it is under way",
                                                          id=key_date.id, day=key_date.start.isoformat()),
                                     say("change its dates by hand")))
    if errors:
        raise InputErrors(errors)


def check_key_dates_shifted(plan: Plan, key_dates: list[KeyDate], shift: Shift,
                            shared: Callable[[Source], str | None]) -> None:
    """A key date's day written as a YAML alias, or an anchor other values repeat, cannot move alone;
    and a key date may not begin before today.

    :param shared: the YAML anchor or alias the value at a source is, when other values share its day.
    :raises InputErrors: the days written so, else the key dates that would begin before today.
    """
    errors = [InputError(source, say("key date '{id}' has its `{name}:` written as the YAML {shared}, which "
                                    "other values share", id=key_date.id, name=name, shared=anchor),
                         say("write the date itself in each place first"))
              for key_date in key_dates for name, source in key_date.field_sources.items()
              if (anchor := shared(source)) is not None]
    if errors:
        raise InputErrors(errors)
    late = [key_date for key_date in key_dates if shift(key_date.start) < plan.day_of(plan.now)]
    if late:
        raise InputErrors([InputError(key_date.source,
                                      say("key date '{id}' would begin on {day}, before today",
                                          id=key_date.id, day=shift(key_date.start).isoformat()),
                                      say("move it by fewer days, or forward")) for key_date in late])


def nothing_selected(plan: Plan, selection: Selection, given: list[str], past: int,
                     late: int = 0) -> InputErrors:
    """Why the selection holds nothing to move, in the terms the user gave.

    :param given: the selection as the user wrote it (``'voeux-2027'``, ``--since 2027-01-18``).
    :param past: how many items it holds that are already past.
    :param late: how many it holds that were due and are not out, which the move leaves due (Move.late).
    """
    named = set(selection.ids)
    undated = [a.slug for a in plan.articles if a.slug in named and a.date is None]
    if undated:
        return InputErrors([InputError(
            SELECTION, say("article '{slug}' has no date: nothing to move", slug=undated[0]),
            say("give it a `date:` in its front matter (edcal move moves dates)"))])
    ideas = [i.id for i in plan.calendar.ideas if {i.id, f"idea-{i.id}"} & named and not i.publish]
    if ideas:
        return InputErrors([InputError(SELECTION, say("idea '{id}' has no `publish:` day: nothing to move",
                                                      id=ideas[0]),
                                       say("its deadlines move by their own ids (see edcal agenda --ids)"))])
    matches = _joined(given, say("and"))
    if late:
        return InputErrors([InputError(
            SELECTION, say_count(late, "found no item to come that matches {given}; {count} is late (due, "
                                 "never out), and the move would leave it in the past",
                                 "found no item to come that matches {given}; {count} are late (due, "
                                 "never out), and the move would leave them in the past", given=matches),
            say("move them further, or name them (edcal move SLUG --to DAY)"))])
    message = say("found no item to come that matches {given}; {count} already past", given=matches,
                  count=past) if past else say("found no item to come that matches {given}", given=matches)
    return InputErrors([InputError(SELECTION, message,
                                   say("edcal agenda --ids lists what is planned, with the ids to name"))])


def _before_now(plan: Plan, item: Item) -> bool:
    """Whether the item is dated before now (out or not)."""
    if item.start is None:
        return False
    if isinstance(item.start, dt.datetime):
        return as_instant(item.start) < as_instant(plan.now)
    return item.start < plan.day_of(plan.now)


def refuse_what_must_not_move(before: Plan, after: Plan, moved: Move,
                              offset_written: Callable[[Source], dt.timedelta | None]) -> None:
    """Compare the plans: nothing already out may move (a promotion out before its article, a post of a
    key date under way, a freeze or a campaign that has begun), nothing may land before now, and a
    time written with a UTC offset may not slide across a daylight-saving change.

    :param after: the plan the moved files give.
    :param offset_written: the UTC offset the time at a source is written with (None: none).
    :raises InputErrors: for everything the move may not do.
    """
    now = after.by_id()
    direct = {item.id: change.source for change in moved.moves for item in change.items}
    zone = before.calendar.zone
    errors = _begun_spans(before, after)
    for was in before.items:
        item = now.get(was.id)
        if item is None or was.start is None or item.start is None or item.start == was.start:
            continue
        if is_past(before, was):
            errors.append(InputError(where_written(before, was),
                                     say("'{id}' is already past ({was}): the move would move it to {now}",
                                         id=was.id, was=_instant(was.start, zone),
                                         now=_instant(item.start, zone)),
                                     say("it follows what you move: leave that where it is, or make this "
                                         "post an entry of its own with `at:`")))
        elif _before_now(before, item):  # not is_past: a draft (a teaser of an article in review) is never
            errors.append(InputError(where_written(before, was),
                                     say("'{id}' would move to {now}, before now: it would never go out",
                                         id=was.id, now=_instant(item.start, zone)),
                                     say("move by fewer days, or forward")))
        elif was.id in direct and isinstance(was.start, dt.datetime) and isinstance(item.start, dt.datetime):
            # Judged on the account's clock (its network's `timezone:`), else the site's.
            errors.extend(_offset_kept(was, item, offset_written(direct[was.id]), direct[was.id],
                                       before.calendar.zone_of(was.network).key,
                                       before.calendar.zoned(was.network)))
    if errors:
        raise InputErrors(errors)


def _offset_kept(was: Item, item: Item, written: dt.timedelta | None, source: Source,
                 timezone: str, account: bool = False) -> list[InputError]:
    """A time written with a UTC offset keeps it as it moves. The site's (``10:00+01:00`` in Paris) would show
    another hour across the site's change of the clocks. Another zone's (``09:00-05:00``, Montréal's, on a
    Paris site) is judged by the clocks that keep it, not the site's: where they keep it on its day and change
    by the new one (Montréal on 14 March), it would go out an hour off, though Paris's do not change that
    week; where none change (Bogotá's -05:00 across Paris's 28 March), it is the same hour there.
    ``timezone`` is the zone of the post's account when its network has its own (``account``), whose messages
    name it so, else the site's."""
    assert isinstance(was.start, dt.datetime) and isinstance(item.start, dt.datetime)
    zone = ZoneInfo(timezone)
    site_start = was.start.astimezone(zone)
    if written is None:
        return []
    if written != site_start.utcoffset():
        return _another_zones_clock_change(was.id, site_start, item.start, written, source, timezone, account)
    if site_start.time() == item.start.astimezone(zone).time():
        return []
    return [InputError(source,
                       say("'{id}' has its time written with a UTC offset: moved, {was} would become {now}",
                           id=was.id, was=_instant(was.start, zone)[-5:],
                           now=_instant(item.start, zone)[-5:]),
                       say("leave the offset out (its account's zone, {zone}, settles the time), or change "
                           "this date by hand", zone=timezone) if account else
                       say("leave the offset out (the site's zone settles the time), or change this date by "
                           "hand"))]


def _another_zones_clock_change(id_: str, was: dt.datetime, now: dt.datetime, written: dt.timedelta,
                                source: Source, timezone: str, account: bool = False) -> list[InputError]:
    """A time written with another zone's offset than the site's, or than its account's (``account``: ``was``
    is then in the account's zone), moved to ``now``: refused where the clocks that keep that offset on its
    day change by the new one."""
    shown = dt.timezone(written)
    old, new = was.astimezone(shown), now.astimezone(shown)
    meant = new.replace(tzinfo=None)  # 09:00 on the new day, as written
    changing = [name for name in zones_keeping(written, was)
                if ZoneInfo(name).utcoffset(meant) != written]
    if not changing:
        return []
    message = say("'{id}' has its time written with a UTC offset, {offset}, not its account's ({zone}, "
                  "{site_offset}): moved, {time} would be {then} where the clocks keep {offset} on "
                  "{was:%Y-%m-%d} and change by {now:%Y-%m-%d} ({zones})" if account else
                  "'{id}' has its time written with a UTC offset, {offset}, not the site's ({zone}, "
                  "{site_offset}): moved, {time} would be {then} where the clocks keep {offset} on "
                  "{was:%Y-%m-%d} and change by {now:%Y-%m-%d} ({zones})",
                  id=id_, offset=utc_offset(old), zone=timezone, site_offset=utc_offset(was),
                  time=f"{old:%H:%M}{utc_offset(old)}", was=old.date(), now=new.date(),
                  then=f"{now.astimezone(ZoneInfo(changing[0])):%H:%M}",
                  zones=", ".join(changing[:3]) + ("…" if len(changing) > 3 else ""))
    hint = say("change this date by hand, with the offset those clocks keep on the new day")
    return [InputError(source, message, hint)]


#: The hint when a moved key date would move what has begun.
_FROM_FIRST = say("write its `from:` as a date first, or leave the key date where it is")


def _begun_spans(before: Plan, after: Plan) -> list[InputError]:
    """A freeze in force, a campaign or a recurring post under way, whose start a moved key date would
    move (a series' occurrences already out would vanish from the plan)."""
    today = before.day_of(before.now)
    errors = []
    series = {entry.id: entry for entry in after.calendar.posts if entry.recurrence is not None}
    for entry in before.calendar.posts:
        now_entry = series.get(entry.id)
        if entry.recurrence is None or now_entry is None or now_entry.recurrence is None:
            continue
        if entry.recurrence.start <= today and now_entry.recurrence.start != entry.recurrence.start:
            errors.append(InputError(entry.field_sources.get("repeat", entry.source),
                                     say("recurring post '{id}' began on {was}: the move would have it "
                                         "begin on {now}",
                                         id=entry.id, was=entry.recurrence.start.isoformat(),
                                         now=now_entry.recurrence.start.isoformat()),
                                     _FROM_FIRST))
    for campaign_id, was in before.calendar.campaigns.items():
        now = after.calendar.campaigns.get(campaign_id)
        if now is not None and was.start <= today and now.start != was.start:
            errors.append(InputError(was.from_source or was.source,
                                     say("campaign '{id}' began on {was}: the move would have it begin "
                                         "on {now}", id=campaign_id, was=was.start.isoformat(),
                                         now=now.start.isoformat()),
                                     _FROM_FIRST))
    for was_window, now_window in _paired_freezes(before, after):
        if now_window is not None and as_instant(was_window.start) <= as_instant(before.now) \
                and now_window.start != was_window.start:
            # As calendar.yaml wrote it and the other freeze messages say it: a day alone, not its midnight.
            since = freeze_start(was_window.start.astimezone(before.calendar.zone))
            errors.append(InputError(was_window.from_source or was_window.source,
                                     say("the freeze from {since} is in force: the move would lift it and "
                                         "start it again later", since=since),
                                     _FROM_FIRST))
    return errors


def _paired_freezes(before: Plan, after: Plan) -> list[tuple[FreezeWindow, FreezeWindow | None]]:
    """Each freeze window before the move with itself after it: in the order the files give them, which
    the edits keep (by its line, one below a line the move adds would be paired with the next, or none)."""
    if len(before.calendar.freezes) == len(after.calendar.freezes):
        return list(zip(before.calendar.freezes, after.calendar.freezes, strict=True))
    now = {window.source: window for window in after.calendar.freezes}
    return [(window, now.get(window.source)) for window in before.calendar.freezes]


def _joined(words: list[str], conjunction: str) -> str:
    """"a and b and c" (``conjunction`` is ``say("and")`` or ``say("or")``), each word as given."""
    joined = words[0]
    for word in words[1:]:
        joined = say("{first} {conjunction} {then}", first=joined, conjunction=conjunction, then=word)
    return joined


def _instant(start: dt.datetime | dt.date, zone: Any) -> str:
    return f"{start.astimezone(zone):%Y-%m-%d %H:%M}" if isinstance(start, dt.datetime) else start.isoformat()
