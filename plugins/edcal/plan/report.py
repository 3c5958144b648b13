"""What was planned and what went out, month by month, against the targets: the report page's figures.

A post went out when the team's log (``posted:``) says so, from the month of the log's first post on (and
did not when the log says it was skipped).
Before it (a team starts its log some day), and on a site that keeps no log, the plan is taken at its
word: a post whose time has passed (and that no freeze held, and that is no draft) counts as gone out. An
article went out when it is online. The cadence is judged again on what went out, over the periods already
over, as the ``cadence-gap`` check judges the plan ahead (periods mostly frozen are not judged).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from edcal.i18n import Message, first_weekday, long_date, say, say_cadence
from edcal.model.calendar import Calendar, Campaign, PostedRecord
from edcal.model.network import Cadence
from edcal.model.plan import Item, Plan
from edcal.plan.cadence import first_planned, frozen, judged_periods, month_of, periods
from edcal.plan.status import outcome

#: How far back the list of posts to confirm goes: the log is kept weekly, a month covers a holiday.
CONFIRM_DAYS = 31
#: Where a site without a log is told to start one.
LOG_FILE = "calendar.yaml"


def log_file(calendar: Calendar) -> str:
    """The file the log's next lines go in: its last line's, else its `posted:` key's (a log begun with no
    line yet, in calendar.d/ perhaps), else calendar.yaml."""
    if calendar.posted:
        return calendar.posted[-1].source.path
    return calendar.posted_key.path if calendar.posted_key is not None else LOG_FILE


@dataclass(slots=True)
class Tally:
    """Items of a month (or a campaign), by what became of them; ``planned`` leaves out the withheld and the
    unready."""

    done: int = 0
    #: Time passed without the log's word (posts), or not online (articles).
    unconfirmed: int = 0
    #: Posts the log says did not go out (``skipped: true``).
    skipped: int = 0
    to_come: int = 0
    #: Held back by a freeze ("gelé", as the calendar says).
    withheld: int = 0
    #: Posts still a draft (or awaiting approval) when their time passed: never made ready, they did not go
    #: out ("restée brouillon, pas partie" on the calendar).
    unready: int = 0

    @property
    def planned(self) -> int:
        return self.done + self.unconfirmed + self.skipped + self.to_come


@dataclass(slots=True)
class Channel:
    """The blog (``network`` None) or a network, in one month."""

    network: str | None
    name: str | Message
    cadence: Cadence | None
    tally: Tally = field(default_factory=Tally)
    #: The cadence's periods that the month holds (:func:`edcal.plan.cadence.month_of`) and are over, as
    #: cadence-gap judges them, and those below target on what went out.
    judged: int = 0
    below: int = 0
    #: With a cadence and no period judged: why, in words ("no week of this month is over yet", "not judged:
    #: the account starts on 27 March 2027").
    unjudged: Message | None = None

    @property
    def target(self) -> Message | None:
        """The cadence in words ("2/week", "2/semaine")."""
        return say_cadence(self.cadence) if self.cadence is not None else None


@dataclass(slots=True)
class Month:
    first: dt.date
    #: The month is not over yet.
    current: bool
    channels: list[Channel]
    #: The month is before the log's first: its posts are taken at the plan's word.
    before_log: bool = False


@dataclass(slots=True)
class CampaignTally:
    campaign: Campaign
    #: Its posts and its articles together.
    tally: Tally
    #: Of ``tally``, its articles: said apart, as the planning page's objectives count them.
    articles: Tally = field(default_factory=Tally)


@dataclass(slots=True)
class Report:
    #: The site keeps a log (``posted:`` in a calendar file, even empty).
    logged: bool
    #: The first day of the month of the log's first post: what went out before is taken at the plan's word.
    log_start: dt.date | None
    #: Newest first, from this month back to the first month with a dated post or article.
    months: list[Month]
    campaigns: list[CampaignTally]
    #: Posts whose time passed in the last :data:`CONFIRM_DAYS` days that the log does not name, in order.
    to_confirm: list[Item]
    #: The file the log's last line is in, where the next lines go (calendar.yaml for a site without one).
    log_file: str = LOG_FILE
    #: Posts whose time has passed that the log names with an ``at:`` still to come (a mistyped day, or a
    #: build pinned before it): not gone out yet, nor to paste again. In order, whatever their age.
    logged_ahead: list[tuple[Item, PostedRecord]] = field(default_factory=list)
    #: The month whose row shows each network's objective (by network id; its first day).
    objective_months: dict[str, dt.date] = field(default_factory=dict)


def report(plan: Plan) -> Report:
    calendar = plan.calendar
    zone = calendar.zone
    now = plan.now
    today = now.astimezone(zone).date()
    log_start = first_logged_month(plan)
    counted = [item for item in plan.items if _counted(item, plan)]
    months: dict[dt.date, dict[str | None, Channel]] = {}
    went_out: dict[str | None, list[dt.date]] = {}
    campaigns = {c.id: CampaignTally(c, Tally()) for c in sorted(calendar.campaigns.values(),
                                                                   key=lambda c: (c.start, c.id))}
    to_confirm = []
    first_kept = today - dt.timedelta(days=CONFIRM_DAYS)
    this_month = today.replace(day=1)
    # A line of the log whose post has no Posted yet: its `at:` is still to come (the others are errors).
    lines = {record.item: record for record in calendar.posted or ()}
    logged_ahead = []
    for item in counted:
        assert item.start is not None  # _counted keeps dated items only
        day = plan.day_of(item.start)
        logged = log_start is not None and day >= log_start
        became = outcome(item, now, logged)
        if item.campaign in campaigns:  # a campaign's tally holds its later months' posts too
            _add(campaigns[item.campaign].tally, became)
            if item.kind == "article":
                _add(campaigns[item.campaign].articles, became)
        if day.replace(day=1) > this_month:
            continue
        channel = months.setdefault(day.replace(day=1), {}).get(_key(item))
        if channel is None:
            channel = months[day.replace(day=1)][_key(item)] = _new_channel(_key(item), calendar)
        _add(channel.tally, became)
        if became == "done":
            went_out.setdefault(item.network, []).append(
                plan.day_of(item.posted.at) if item.posted is not None else day)
        elif became == "unconfirmed" and logged and item.id in lines:
            logged_ahead.append((item, lines[item.id]))
        elif became == "unconfirmed" and item.kind == "post" and logged and day >= first_kept:
            to_confirm.append(item)
    # Every month from the first with something dated: a month of silence is a month below its targets, from
    # the channel's first month on (a network opened last year is not judged over the blog's archive).
    began: dict[str | None, dt.date] = {}
    for first_day, channels_in in months.items():
        for key in channels_in:
            began[key] = min(first_day, began.get(key, first_day))
    month = min(months, default=this_month)
    paced: list[str | None] = [None] if calendar.blog.cadence is not None else []
    paced += [network.id for network in calendar.networks.values() if network.cadence is not None]
    while month <= today:
        channels = months.setdefault(month, {})
        for key in paced:
            if month >= began.get(key, this_month) and key not in channels and _used_in(calendar, key, month):
                channels[key] = _new_channel(key, calendar)
        month = _next_month(month)
    # The periods judged, as cadence-gap and the planning page's month figures judge them, counted on what
    # went out in the month holding most of their days.
    # (to the month's end: the month in progress tells its periods still to end from those never judged)
    judged = judged_periods(plan, min(months, default=this_month), _next_month(this_month))
    planned = first_planned(plan)
    for first, channels in months.items():
        for channel in channels.values():
            held = [period for period in judged.get(channel.network, ()) if month_of(*period) == first]
            _judge(channel, [period for period in held if period[1] <= today],
                   went_out.get(channel.network, []))
            if channel.cadence is not None and not channel.judged:
                channel.unjudged = _unjudged(plan, channel, first, bool(held), planned.get(channel.network))
    result = []
    for first in sorted(months, reverse=True):
        channels = months[first]
        if not channels and first != this_month:
            continue  # nothing planned, no cadence begun: an empty table
        order = [None, *calendar.networks]
        result.append(Month(first, first == this_month,
                            sorted(channels.values(), key=lambda c: order.index(c.network)
                                   if c.network in order else len(order)),
                            log_start is not None and first < log_start))
    shown = [c for c in campaigns.values()
             if c.tally.planned or c.tally.withheld or c.tally.unready or c.campaign.start <= today]
    to_confirm.sort(key=lambda item: item.sort_key(zone))
    logged_ahead.sort(key=lambda pair: pair[0].sort_key(zone))
    return Report(calendar.posted is not None, log_start, result, shown, to_confirm,
                  log_file(calendar), logged_ahead,
                  _objective_months(result, calendar, this_month))


def _objective_months(months: list[Month], calendar: Calendar, this_month: dt.date) -> dict[str, dt.date]:
    """Where each network's objective shows: in the month it was measured (the month in progress when it
    never was), else in the first later month the network has a row in, else in its last: a figure measured
    in February shows in March's row when March is the network's first month on the report."""
    shown: dict[str, dt.date] = {}
    for network in calendar.networks.values():
        if network.objective is None:
            continue
        rows = sorted(month.first for month in months if any(c.network == network.id for c in month.channels))
        if not rows:
            continue
        measured = network.objective.measured
        wanted = measured.replace(day=1) if measured is not None else this_month
        shown[network.id] = next((first for first in rows if first >= wanted), rows[-1])
    return shown


def first_logged_month(plan: Plan) -> dt.date | None:
    """The first day of the month of the log's first post, from which a post whose time has passed went out
    only if the log says so; None for a site without a log."""
    start = min((plan.day_of(item.start).replace(day=1) for item in plan.items
                 if (item.posted is not None or item.skipped is not None) and item.start is not None),
                default=None)
    if plan.calendar.posted is not None and start is None:  # a log begun today, still empty
        start = plan.now.astimezone(plan.calendar.zone).date().replace(day=1)
    return start


#: What the log of what went out says of a post whose time has passed, and the word for it (translated
#: where shown: "parti", "annulé", "non confirmé").
LOG_WORDS = {"gone_out": "gone out", "skipped": "skipped", "unconfirmed": "not confirmed"}


def log_said(item: Item, plan: Plan, log_start: dt.date | None) -> str | None:
    """What the log says of a post, as the report counts it: "gone_out" (a line names it), "skipped" (a line
    says it did not go out), "unconfirmed" (its time has passed in the log's months and no line names it),
    or None (no log to go by, not a post, or still to come); ``log_start``: :func:`first_logged_month`."""
    if item.posted is not None:
        return "gone_out"
    if item.skipped is not None:
        return "skipped"
    return "unconfirmed" if unconfirmed(item, plan, log_start) else None


def unconfirmed(item: Item, plan: Plan, log_start: dt.date | None) -> bool:
    """A post whose time has passed in the log's months that the log does not name (the report's "Non
    confirmé"); ``log_start``: :func:`first_logged_month`, computed once for the plan."""
    return (item.kind == "post" and log_start is not None and item.start is not None
            and plan.day_of(item.start) >= log_start and outcome(item, plan.now, True) == "unconfirmed")


def _counted(item: Item, plan: Plan) -> bool:
    """Posts, and articles in the blog's language (a translation is the same article): dated ones."""
    if item.start is None:
        return False
    if item.kind == "post":
        return True
    return item.kind == "article" and plan.listed(item)


def _add(tally: Tally, outcome: str) -> None:
    setattr(tally, outcome, getattr(tally, outcome) + 1)


def _key(item: Item) -> str | None:
    """The channel an item counts on: its network, or the blog (None) for an article."""
    return item.network if item.kind == "post" else None


def _new_channel(key: str | None, calendar: Calendar) -> Channel:
    if key is None:
        return Channel(None, say("Blog"), calendar.blog.cadence)
    network = calendar.networks.get(key)
    return Channel(key, network.name if network else key, network.cadence if network else None)


def _next_month(first: dt.date) -> dt.date:
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _used_in(calendar: Calendar, key: str | None, month: dt.date) -> bool:
    """Whether a network (the blog, None) is used on a day of ``month``: not a month wholly before its
    `since:` or after its `until:`, which has no row of its own unless something is planned in it."""
    network = calendar.networks.get(key or "")
    if network is None:
        return True
    return (network.since is None or network.since < _next_month(month)) \
        and (network.until is None or network.until >= month)


def _unjudged(plan: Plan, channel: Channel, first: dt.date, to_end: bool, first_post: dt.date | None
              ) -> Message:
    """Why a month judges none of a channel's cadence periods, in words: some are still to end (``to_end``,
    the month in progress), the account starts or ends within it (`since:`, `until:`), its first post
    (article) comes later, a freeze covers most of them."""
    assert channel.cadence is not None
    per, lang = channel.cadence.per, plan.lang
    if to_end and per == "week":
        return say("no week of this month is over yet")
    if to_end and per == "day":
        return say("no day of this month is over yet")
    if to_end:
        return say("this month is not over yet")
    network = plan.calendar.networks.get(channel.network or "")
    after = _next_month(first)
    if network is not None and network.since is not None and network.since > first:
        return say("not judged: the account starts on {date}", date=long_date(network.since, lang, False))
    if network is not None and network.until is not None and network.until < after:
        return say("not judged: the account's last day was {date}",
                   date=long_date(network.until, lang, False))
    if first_post is not None and first_post >= first and network is None:
        return say("not judged before the first article, on {date}",
                   date=long_date(first_post, lang, False))
    if first_post is not None and first_post >= first:
        return say("not judged before the first post, on {date}",
                   date=long_date(first_post, lang, False))
    if any(frozen(plan.calendar, channel.network, start, end) for start, end
           in periods(channel.cadence, first, after, first_weekday(lang)) if month_of(start, end) == first):
        return say("not judged: frozen most of the time")
    return say("not judged")


def _judge(channel: Channel, periods: list[tuple[dt.date, dt.date]], days: list[dt.date]) -> None:
    """The cadence's ``periods`` over in the channel's month (:func:`edcal.plan.cadence.judged_periods`), and
    those below target on what went out on ``days``."""
    cadence = channel.cadence
    if cadence is None:
        return
    for first, after in periods:
        channel.judged += 1
        if sum(1 for day in days if first <= day < after) < cadence.count:
            channel.below += 1
