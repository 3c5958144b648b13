"""``edcal agenda``: what is coming, as a table in the terminal."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from edcal.clock import parse_window
from edcal.commands.choices import network_choice, owner_and_campaign
from edcal.i18n import Message, Translator, clock_time, long_date, team_language, translator
from edcal.model.days import as_instant, start_of_day
from edcal.model.plan import Item, Plan, passed, status_word
from edcal.pelican_plugin.metadata import NOTHING, read_plan
from edcal.plan.absences import absence_label, concerns, cover_mark, covers, days_said, team_absences
from edcal.plan.moves import agenda_name
from edcal.plan.report import LOG_WORDS, first_logged_month, log_said
from edcal.plan.status import freeze_said, lifted_said, withheld_and_past
from edcal.zones import account_clock, other_machine_zone, zone_time


def upcoming(plan: Plan, days: int, network: str | None = None, owner: str | None = None,
             campaign: str | None = None, since: dt.datetime | None = None,
             until: dt.datetime | None = None) -> list[Item]:
    """Dated items from now (or ``since``) to ``days`` days ahead (or ``until``), filtered. ``owner``'s are
    theirs, and the posts of someone away they stand in for (as their calendar feed holds them). Days are
    the site's, or ``network``'s account's (:func:`agenda_zone`)."""
    network = network_choice(plan, network)
    owner, campaign = owner_and_campaign(plan, owner, campaign)
    covered = covers(plan) if owner else {}
    zone = agenda_zone(plan, network)
    start = (since or plan.now).astimezone(zone)
    first, last = days_shown(plan, days, since, until, zone)
    result = []
    for item in plan.items:
        if item.start is None:
            continue
        local = item.start.astimezone(zone) if isinstance(item.start, dt.datetime) else None
        day = local.date() if local else item.start
        if local is not None and (as_instant(local) < as_instant(start)
                                  or (until is not None and as_instant(local) >= as_instant(until))):
            continue
        if not (first <= day <= last):  # type: ignore[operator]
            continue
        if network and item.network != network:
            continue
        cover = covered.get(item.id)
        if owner and item.owner != owner and (cover is None or cover.stand_in.id != owner):
            continue
        if campaign and item.campaign != campaign:
            continue
        result.append(item)
    return result


def agenda_zone(plan: Plan, network: str | None) -> ZoneInfo:
    """The clock the agenda reads: the site's, or the account's of the one network asked for when it keeps
    another (its `timezone:`): its owner in Montréal reads her week on her clock, not on Paris's."""
    return plan.calendar.zone_of(network) if plan.calendar.zoned(network) else plan.calendar.zone


def days_shown(plan: Plan, days: int, since: dt.datetime | None = None,
               until: dt.datetime | None = None, zone: ZoneInfo | None = None) -> tuple[dt.date, dt.date]:
    """The first and last days the agenda covers, in ``zone`` (the site's unless given)."""
    zone = zone or plan.calendar.zone
    first = (since or plan.now).astimezone(zone).date()
    last = (until - dt.timedelta(microseconds=1)).astimezone(zone).date() if until is not None \
        else first + dt.timedelta(days=days - 1)
    return first, last


@dataclass(frozen=True, slots=True)
class Shown:
    """What the agenda shows beside the items: the team's absences, and the posts marked for whom."""

    #: The absences of the days shown, in words (first day, last day, label; ``--owner``'s, theirs and those
    #: they stand in for): said under each day's heading within them.
    absences: tuple[tuple[dt.date, dt.date, str], ...] = ()
    #: Days with a heading even with nothing planned: an absence's first and last days in the period.
    days: frozenset[dt.date] = frozenset()
    #: By item id: the post of someone away ``--owner`` stands in for, and its mark ("[for Malik Haddad]").
    marks: dict[str, str] = field(default_factory=dict)


def shown_absences(plan: Plan, first: dt.date, last: dt.date, owner: str | None, lang: str) -> Shown:
    """The absences from ``first`` to ``last`` (``owner``'s and those they stand in for, all without one), and
    the marks of the posts ``owner`` covers: as the planning page's person filter and their feed show them."""
    calendar = plan.calendar
    owner = owner_and_campaign(plan, owner, None)[0]
    found: list[tuple[dt.date, dt.date, str]] = []
    days: set[dt.date] = set()
    for person, absence in team_absences(calendar):
        if absence.last < first or absence.first > last or (owner and not concerns(person, absence, owner)):
            continue
        found.append((absence.first, absence.last, absence_label(person, absence, calendar, lang)))
        days.update(days_said(absence, first, last))
    marks = {item_id: cover_mark(cover.person.name, lang) for item_id, cover in covers(plan).items()
             if owner and cover.stand_in.id == owner}
    return Shown(tuple(found), frozenset(days), marks)


def render(plan: Plan, items: list[Item], days: int, console: Console, key_days: dict[dt.date, list[str]],
           window: bool = False, ids: bool = False, earlier_today: bool = False,
           shown: Shown = Shown(), next_day: dt.date | None = None, next_filters: str = "",
           zone: ZoneInfo | None = None) -> None:
    """A heading per day, then one aligned row per item; today is highlighted.

    :param key_days: the key dates' names by day (``Calendar.key_dates_by_day``): those days get their
        heading, even with nothing planned.
    :param shown: the absences said under the headings of their days, and the posts marked for whom.
    :param window: the items are of a window given by ``--since``/``--until``, not "from now".
    :param ids: add the name ``edcal move`` selects each item by.
    :param earlier_today: items went out earlier today: "nothing more planned today", not "nothing planned".
    :param next_day: the first day with an item after the days shown (None: none), named when they have none;
        ``next_filters`` the filters given, for the command that shows it.
    :param zone: the clock of the days and times shown (:func:`agenda_zone`), the site's unless given.
    """
    _ = translator(team_language(plan.lang))
    nothing_today = _("Nothing more planned today.") if earlier_today else _("Nothing planned today.")
    zone = zone or plan.calendar.zone
    today = plan.now.astimezone(zone).date()
    if not items and not key_days and not shown.days:
        if window:
            console.print(_("Nothing planned in that period."))
        elif days == 1:  # "in the next 1 days"
            console.print(nothing_today)
        elif next_day is None:  # a new site's first agenda: say where the plan is written
            console.print(_("Nothing planned in the next {days} days, nor after: posts are added under "
                            "posts: in calendar.yaml.").format(days=days), soft_wrap=True)
        else:  # a plan that starts next month: when, and how to see it
            console.print(_("Nothing planned in the next {days} days.").format(days=days))
            console.print(_("Next: {day} ({command}).").format(
                day=long_date(next_day, _.tag), command=escape(f"edcal agenda --since {next_day.isoformat()}"
                                                               f"{next_filters}")), soft_wrap=True)
        return
    rows: list[tuple[dt.date, tuple[str, ...]]] = []
    log_start = first_logged_month(plan)
    for item in items:
        local = item.start.astimezone(zone) if isinstance(item.start, dt.datetime) else None
        day = local.date() if local else item.start
        network = plan.calendar.networks.get(item.network or "")
        # Names and titles are the team's text, not rich markup: "[brouillon]" stays as written.
        where = f"[{network.color}]●[/] {escape(network.name)}" if network else _(_KIND_LABELS[item.kind])
        owner = plan.calendar.team[item.owner].name if item.owner in plan.calendar.team else ""
        when = clock_time(local, _.tag) if local else _("all day")
        if local is not None and network is not None and plan.calendar.zoned(network) \
                and plan.calendar.zone_of(network).key != zone.key:
            # An account on another clock (its `timezone:`): the time its team reads, as the feeds say it.
            when = _("{time}; on the account's clock: {account}").format(time=when, account=account_clock(
                local, local.date(), plan.calendar.zone_of(network), network.timezone or "", _))
        status = _log_status(item, plan, log_start, _) or _(status_word(item.kind, item.status,
                                                                       passed(item, plan.now)))
        if plan.released(item):
            status = _("online after the freeze")  # shown when it goes online: "gelé" read as still frozen
        elif plan.waits_for_original(item):
            status = _("waits for its original")  # "gelé" read as a freeze
        title = escape(f"{shown.marks[item.id]} {item.title}" if item.id in shown.marks else item.title)
        row: tuple[str, ...] = (when, where, title, status, escape(owner))
        rows.append((day, (*row, f"[dim]{escape(agenda_name(item))}[/]") if ids else row))  # type: ignore[arg-type]
    widths = [max((Text.from_markup(row[i]).cell_len for _, row in rows), default=0)
              for i in range(6 if ids else 5)]
    if not console.is_terminal:
        # Piped or redirected: one line per item and per absence, whatever the width (rich assumes 80).
        said = max((Text(label).cell_len + 2 for _first, _last, label in shown.absences), default=0)
        console.width = max(console.width, sum(widths) + 2 * len(widths) + 2, said)
    by_day = {day: list(group) for day, group in itertools.groupby(rows, key=lambda r: r[0])}
    headed = sorted(by_day.keys() | key_days | shown.days)
    if headed[0] != today and not window and today not in key_days and today not in shown.days:
        heading = long_date(today, _.tag)
        console.print(f"[bold reverse] {heading[:1].upper() + heading[1:]} — {_('today')} [/]")
        console.print(f"  {nothing_today}")
    for day in headed:
        group = by_day.get(day, [])
        heading = long_date(day, _.tag)
        heading = heading[:1].upper() + heading[1:]
        if day == today:
            heading += f" — {_('today')}"
        for name in key_days.get(day, ()):  # the salon, the open day: why the day is busy
            heading += f" — ◆ {escape(name)}"
        console.print(f"[bold reverse] {heading} [/]" if day == today else f"[bold]{heading}[/]")
        for first, last, label in shown.absences:  # someone away, and who stands in
            if first <= day <= last:
                console.print(f"  [italic]{escape(label)}[/]")
        if not group:
            console.print(f"  {nothing_today if day == today and not window else _('Nothing planned.')}")
            continue
        table = Table(box=None, show_header=False, padding=(0, 1), pad_edge=True)
        for index, width in enumerate(widths):
            table.add_column(min_width=width if index != 2 or not console.is_terminal else None,
                             ratio=1 if index == 2 else None,
                             overflow="fold", no_wrap=index != 2)
        for _day, row in group:
            table.add_row(*row, style="bold" if day == today else None)
        console.print(table)


def _day_in(start: dt.datetime | dt.date, zone: ZoneInfo) -> dt.date:
    """An item's day on the clock the agenda reads (an all-day item's is its own)."""
    return start.astimezone(zone).date() if isinstance(start, dt.datetime) else start


#: How far ahead an empty agenda looks for the next day planned: as far as a recurring post is ever planned.
_AHEAD_DAYS = 3660

_KIND_LABELS = {"article": "Blog", "deadline": "Deadline", "idea": "Idea", "post": "Post"}


def _log_status(item: Item, plan: Plan, log_start: dt.date | None, _: Translator) -> str | None:
    """What the log says of a post whose time has passed, as the report counts it: gone out (at another
    time, when it says so), skipped, or not confirmed; None where there is no log to go by."""
    if item.kind != "post" or item.start is None:
        return None
    if item.posted is not None:
        at = item.posted.at
        if at == item.start or (not isinstance(at, dt.datetime) and at == plan.day_of(item.start)):
            return _("gone out")
        if not isinstance(at, dt.datetime):
            return _("gone out on {day:%Y-%m-%d}").format(day=at)
        at = at.astimezone(plan.calendar.zone)
        if plan.day_of(at) == plan.day_of(item.start):
            return _.fill("gone out {time:%H:%M}", time=at)
        # Another day is written as the site's language writes a day: "parti le 19/12/2026 à 09:30".
        return _.fill("gone out on {day:%Y-%m-%d} at {day:%H:%M}", day=at)
    said = log_said(item, plan, log_start)
    return _(LOG_WORDS[said]) if said is not None else None


def agenda(site: Path, settings_file: str, days: int, network: str | None, owner: str | None,
           campaign: str | None, console: Console, since: str | None = None,
           until: str | None = None, ids: bool = False, days_given: bool = True) -> int:
    """:param days_given: ``--days`` was given: it counts from ``--since``; without it (nor ``--until``), the
    agenda from a day gone by runs on to its usual horizon from today ("since last Monday" reaches today)."""
    # The agenda shows titles, never texts: no post needs composing.
    plan = read_plan(site, settings_file, compose_from=NOTHING)
    chosen = network_choice(plan, network)
    zone = agenda_zone(plan, chosen)
    start, end = parse_window(since, until, zone, plan.now)
    if start is not None and end is None and not days_given:
        days += max((plan.now.astimezone(zone).date() - start.astimezone(zone).date()).days, 0)
    items = upcoming(plan, days, network, owner, campaign, start, end)
    first, last = days_shown(plan, days, start, end, zone)
    key_days = plan.calendar.key_dates_by_day(first, last, ids=ids)
    shown = shown_absences(plan, first, last, owner, team_language(plan.lang))
    window = since is not None or until is not None
    midnight = start_of_day(plan.now.astimezone(zone).date(), zone)
    earlier = not window and any(isinstance(item.start, dt.datetime)  # gone out already today
                                 for item in upcoming(plan, 1, network, owner, campaign, midnight, plan.now))
    next_day = None
    if not items and not window:
        later = start_of_day(days_shown(plan, days, zone=zone)[1] + dt.timedelta(days=1), zone)
        following = upcoming(plan, _AHEAD_DAYS, network, owner, campaign, later)
        next_day = _day_in(following[0].start, zone) if following and following[0].start is not None else None
    filters = "".join(f" --{name} {shlex.quote(value)}" for name, value in
                      (("network", network), ("owner", owner), ("campaign", campaign)) if value)
    account = plan.calendar.networks[chosen] if chosen and plan.calendar.zoned(chosen) else None
    machine = other_machine_zone(plan.calendar.timezone, os.environ, plan.now)
    if account is not None:  # one account on its own clock: its days and times, said so
        _ = translator(team_language(plan.lang))
        said = _("Times: {account_zone}, the {network} account's (the site keeps {site_zone}).")
        console.print(escape(said.format(account_zone=zone_time(account.timezone or "", _.tag, plan.now.year),
                                         network=account.name,
                                         site_zone=zone_time(plan.calendar.timezone, _.tag, plan.now.year))),
                      soft_wrap=True)
    elif machine is not None:  # a teammate abroad read the site's 15:00 as their own
        _ = translator(team_language(plan.lang))
        year = plan.now.year
        said = _("Times: {site_zone}, the site's (this computer keeps {machine_zone}).")
        console.print(said.format(site_zone=zone_time(plan.calendar.timezone, _.tag, year),
                                  machine_zone=zone_time(machine, _.tag, year)), soft_wrap=True)
    # A crisis: since when, until when and why every line says "withheld", before the days.
    lower = as_instant(start or plan.now)
    upper = as_instant(end or start_of_day(days_shown(plan, days, start, zone=zone)[1] + dt.timedelta(days=1),
                                           zone))
    _ = translator(team_language(plan.lang))
    freezes: list[tuple[int, dt.datetime, Message]] = []  # in force first, then lifted, then to come
    for freeze in plan.calendar.freezes:
        if as_instant(freeze.start) < upper and (freeze.end is None or as_instant(freeze.end) > lower) \
                and (network is None or freeze.networks is None or network in freeze.networks):
            freezes.append((0 if freeze.covers(plan.now) else 2, as_instant(freeze.start),
                            freeze_said(freeze, plan.calendar, plan.now)))
    # The week after a crisis: what it withheld whose time passed never went out; no line of the days says it.
    for lifted, posts in [] if since is not None else withheld_and_past(plan.calendar, plan.items, plan.now):
        held = [post for post in posts if network is None or post.network == network]
        if held:
            freezes.append((1, as_instant(lifted.start), lifted_said(lifted, held, plan.calendar)))
    for _rank, _start, line in sorted(freezes, key=lambda row: row[:2]):
        console.print(f"[bold]{escape(line.translated(_))}[/]", soft_wrap=True)
    render(plan, items, days, console, key_days, window=window, ids=ids, earlier_today=earlier, shown=shown,
           next_day=next_day, next_filters=filters, zone=zone)
    return len(items)
