"""Objectives: the figures a manager checks the plan against (a network's, a campaign's ``objective:``).

edcal measures nothing: ``current:`` and ``measured:`` are noted by hand from the networks' statistics.
These rules say when that note is missing once the objective's period has begun, when it cannot be right
(measured on a day still to come), when it has grown old while the objective is still ahead, and when the objective's date has passed without the figure reaching
its target: the one thing about the past a manager wants to hear, once (for a while after the date, not in
every check for ever: a campaign kept in calendar.yaml as history is not nagged about).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from edcal.checks import rule_settings
from edcal.checks.registry import CheckContext, Option, Problem, rule
from edcal.i18n import Message, say, say_count
from edcal.load import timeparse
from edcal.model.network import Objective
from edcal.model.source import Source


@dataclass(frozen=True, slots=True)
class _Owned:
    """An objective and what it is the objective of."""

    objective: Objective
    #: How messages name its owner: the network's name, or the campaign in quotes.
    name: Message | str
    kind: str  # "network" or "campaign"
    id: str
    #: Where the owner is set up, when the objective has no location of its own (written as a text).
    source: Source
    #: The day the objective is due: its ``by``, else a campaign's last day; None for a network's without ``by``.
    deadline: dt.date | None
    #: The first day its figure is worth measuring (a campaign's first day), if any.
    begins: dt.date | None = None


def objectives(ctx: CheckContext) -> Iterator[_Owned]:
    """Every objective of the calendar, networks first (by id), then campaigns (by start)."""
    calendar = ctx.plan.calendar
    for network_id, network in sorted(calendar.networks.items()):
        if network.objective is not None and network.source is not None:
            yield _Owned(network.objective, network.name, "network", network_id, network.source,
                         network.objective.by)
    for campaign in sorted(calendar.campaigns.values(), key=lambda c: (c.start, c.id)):
        if campaign.objective is not None:
            yield _Owned(campaign.objective, say("campaign '{campaign}'", campaign=campaign.name), "campaign",
                         campaign.id, campaign.source, campaign.objective_due, campaign.start)


def _where(owned: _Owned, name: str) -> Source:
    return owned.objective.where(name) or owned.source


def _data(owned: _Owned) -> tuple[tuple[str, str | int | float | None], ...]:
    objective = owned.objective
    return ((owned.kind, owned.id), ("target", objective.target), ("current", objective.current),
            ("by", objective.by.isoformat() if objective.by else None),
            ("measured", objective.measured.isoformat() if objective.measured else None))


@rule("measured-in-future", "warning", "An objective's figure is dated on a day still to come")
def measured_in_future(ctx: CheckContext) -> Iterator[Problem]:
    """A figure read in the statistics next month is a slip: the month and the day swapped, a year mistyped.
    A warning, not an input error: the same calendar.yaml is read at other "nows" (``EDCAL_NOW`` pinned to
    an earlier morning, the sample site's tests) and must not become unreadable there."""
    today = ctx.now.astimezone(ctx.plan.calendar.zone).date()
    for owned in objectives(ctx):
        day = owned.objective.measured
        if day is None or day <= today:
            continue
        swapped = _swapped(day)
        if swapped is not None and swapped <= today:
            hint = say("did you mean `measured: {date:%Y-%m-%d}`? (the month and the day swapped)", date=swapped)
        elif owned.kind == "network":
            hint = say("write the day the figure was read in the network's statistics, e.g. `measured: "
                       "{today:%Y-%m-%d}` for today", today=today)
        else:  # a campaign's figure is counted wherever it is (applications, appointments)
            hint = say("write the day the figure was counted, e.g. `measured: {today:%Y-%m-%d}` for today",
                       today=today)
        yield Problem(_where(owned, "measured"),
                      say("{owner}: the objective's figure is dated {day:%Y-%m-%d}, a day still to come (today "
                          "is {today:%Y-%m-%d})", owner=owned.name, day=day, today=today),
                      hint, when=ctx.now, data=_data(owned))


def _swapped(day: dt.date) -> dt.date | None:
    """2027-03-01 read the other way, 2027-01-03; None when that is no day or the same one."""
    if day.day > 12 or day.day == day.month:
        return None
    try:
        return dt.date(day.year, day.day, day.month)
    except ValueError:
        return None


def _figure(value: int | float, unit: str | None) -> Message:
    """``1,180 abonnés``, ``12.5 %``; in French ``1 180 abonnés``, ``12,5 %``: the figure with its unit."""
    return say("{figure:,} {unit}", figure=value, unit=unit) if unit else say("{figure:,}", figure=value)


@rule("objective-missed", "warning", "An objective's date has passed and its figure is below the target",
      options=(Option("window", 30, timeparse.parse_days, "How long after the objective's date it is reported "
                      "(default 30 days).", unit="days"),))
def objective_missed(ctx: CheckContext) -> Iterator[Problem]:
    today = ctx.now.astimezone(ctx.plan.calendar.zone).date()
    window = int(ctx.options["window"])
    for owned in objectives(ctx):
        objective, deadline = owned.objective, owned.deadline
        if objective.target is None or objective.current is None or deadline is None:
            continue
        if not deadline < today <= deadline + dt.timedelta(days=window) or objective.current >= objective.target:
            continue
        figures = {"owner": owned.name, "current": _figure(objective.current, None),
                   "target": _figure(objective.target, objective.unit), "by": deadline}
        if objective.measured is not None and objective.measured < deadline:
            message = say("{owner}: the objective's date, {by:%Y-%m-%d}, has passed, and its last figure, {current} "
                          "of {target}, was measured before it ({measured:%Y-%m-%d})", measured=objective.measured,
                          **figures)
            hint = say("note the figure reached by {by:%Y-%m-%d} in `current:` and `measured:`; then set the next "
                       "objective (a new `target:` and `by:`), or remove this one", by=deadline)
        else:
            message = say("{owner}: objective missed, {current} of {target} by {by:%Y-%m-%d}", **figures)
            hint = say("set the next objective (a new `target:` and `by:`), or remove this one; this is said for "
                       "{days} days after its date (`checks: {{objective-missed: {{window: …}}}}`)", days=window)
        yield Problem(_where(owned, "by" if objective.by is not None else "target"), message, hint, when=ctx.now,
                      data=_data(owned))


@rule("objective-past", "warning", "A network's objective is past its date: the network has no objective ahead")
def objective_past(ctx: CheckContext) -> Iterator[Problem]:
    """A network's objective outlives its date: the network goes on, and the planning page and the report keep
    judging it against a target whose date is gone. Said once objective-missed has had its say (the day after
    the date for an objective reached; after its window for the others), for as long as it stays. A
    campaign's is its history: not judged. A figure measured after the date suggests a mistyped year."""
    today = ctx.now.astimezone(ctx.plan.calendar.zone).date()
    missed_severity, missed_options = rule_settings(ctx.plan.calendar, "objective-missed")
    window = 0 if missed_severity == "off" else int(missed_options["window"])
    for owned in objectives(ctx):
        objective, deadline = owned.objective, owned.deadline
        if owned.kind != "network" or deadline is None or deadline >= today:
            continue
        current, target = objective.current, objective.target
        reached = target is not None and current is not None and current >= target
        if not reached and today <= deadline + dt.timedelta(days=window):  # objective-missed's, -unmeasured's
            continue
        ago = say_count((today - deadline).days, "{count} day ago", "{count} days ago")
        if current is not None and target is not None and reached:
            message = say("{owner}: objective reached, {current} of {target} by {by:%Y-%m-%d}: the network has no "
                          "objective ahead", owner=owned.name, current=_figure(current, None),
                          target=_figure(target, objective.unit), by=deadline)
        else:
            message = say("{owner}: the objective's date, {by:%Y-%m-%d}, passed {ago}: the network has no "
                          "objective ahead", owner=owned.name, by=deadline, ago=ago)
        later = _a_year_later(deadline)
        if objective.measured is not None and objective.measured > deadline and later is not None and later > today:
            hint = say("its figure was measured after that date ({measured:%Y-%m-%d}): did you mean `by: "
                       "{later:%Y-%m-%d}`? Else set the next objective (a new `target:` and `by:`)",
                       measured=objective.measured, later=later)
        else:
            hint = say("set the next objective (a new `target:` and `by:`), or remove `by:` for an objective "
                       "without a date")
        yield Problem(_where(owned, "by"), message, hint, when=ctx.now, data=_data(owned))


def _a_year_later(day: dt.date) -> dt.date | None:
    """The same day a year later (28 February for a 29th), or None past the calendar's years."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28) if day.month == 2 else None


@rule("objective-stale", "warning", "An objective still ahead is judged on a figure measured long ago",
      options=(Option("after", 30, timeparse.parse_days, "How old a figure may be before it is reported "
                      "(default 30 days).", unit="days"),))
def objective_stale(ctx: CheckContext) -> Iterator[Problem]:
    today = ctx.now.astimezone(ctx.plan.calendar.zone).date()
    after = int(ctx.options["after"])
    for owned in objectives(ctx):
        objective = owned.objective
        if objective.target is None or objective.current is None or objective.measured is None:
            continue
        if objective.current >= objective.target:  # reached: an old figure changes nothing
            continue
        if owned.deadline is not None and owned.deadline < today:  # objective-missed's business
            continue
        if owned.begins is not None and owned.begins > today:  # a campaign not begun: nothing to measure yet
            continue
        age = (today - objective.measured).days
        if age <= after:
            continue
        figures = {"owner": owned.name, "current": _figure(objective.current, None),
                   "target": _figure(objective.target, objective.unit), "measured": objective.measured,
                   "ago": say_count(age, "{count} day ago", "{count} days ago")}
        message = (say("{owner}: the objective's last figure, {current} of {target} by {by:%Y-%m-%d}, was measured "
                       "{measured:%Y-%m-%d}, {ago}", by=owned.deadline, **figures)
                   if owned.deadline is not None else
                   say("{owner}: the objective's last figure, {current} of {target}, was measured "
                       "{measured:%Y-%m-%d}, {ago}", **figures))
        hint = (say("note today's figure from the network's statistics in `current:` and `measured:`, or allow "
                    "older figures: `checks: {{objective-stale: {{after: 60 days}}}}`") if owned.kind == "network" else
                say("note today's figure in `current:` and `measured:`, or allow older figures: `checks: "
                    "{{objective-stale: {{after: 60 days}}}}`"))
        yield Problem(_where(owned, "measured"), message, hint, when=ctx.now, data=_data(owned))


@rule("objective-unmeasured", "warning", "An objective with a target has no figure noted since its period began")
def objective_unmeasured(ctx: CheckContext) -> Iterator[Problem]:
    """A target without ``current:`` is a figure nobody compares with anything: the planning page shows no
    progress, objective-stale never finds it old, objective-missed never judges it. Said from the day there
    is a figure to read (a network's always: its followers exist today; a campaign's from its first day) up
    to the objective's date, and after it for as long as objective-missed speaks of a missed date."""
    today = ctx.now.astimezone(ctx.plan.calendar.zone).date()
    missed_severity, missed_options = rule_settings(ctx.plan.calendar, "objective-missed")
    after_date = 0 if missed_severity == "off" else int(missed_options["window"])
    for owned in objectives(ctx):
        objective, deadline = owned.objective, owned.deadline
        if objective.target is None or objective.current is not None:
            continue
        if owned.begins is not None and owned.begins > today:  # a campaign not begun: nothing counted yet
            continue
        if deadline is not None and today > deadline + dt.timedelta(days=after_date):  # history
            continue
        target = _figure(objective.target, objective.unit)
        if deadline is not None and deadline < today:
            message = say("{owner}: the objective's date, {by:%Y-%m-%d}, has passed, and no figure was noted "
                          "against its target of {target}", owner=owned.name, by=deadline, target=target)
            hint = say("note the figure reached by {by:%Y-%m-%d}: add `current: …` and `measured: "
                       "{today:%Y-%m-%d}` to its `objective:`; then set the next objective, or remove this one",
                       by=deadline, today=today)
        else:
            message = (say("{owner}: no figure noted yet against the objective of {target} by {by:%Y-%m-%d}",
                           owner=owned.name, target=target, by=deadline) if deadline is not None else
                       say("{owner}: no figure noted yet against the objective of {target}", owner=owned.name,
                           target=target))
            hint = (say("read today's figure in the network's statistics and add it to its `objective:`: "
                        "`current: …` and `measured: {today:%Y-%m-%d}`", today=today) if owned.kind == "network"
                    else say("count the figure reached so far (0 if none yet) and add it to its `objective:`: "
                             "`current: …` and `measured: {today:%Y-%m-%d}`", today=today))
        yield Problem(_where(owned, "target"), message, hint, when=ctx.now, data=_data(owned))
