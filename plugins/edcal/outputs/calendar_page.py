"""planning/index.html: the team's home page, blog and social posts on one calendar.

The page is static and works from ``file://``: the agenda of the coming weeks
(each dated item with its text and links) and the backlog are HTML; the month
and week views are drawn by a small script from the JSON the page embeds,
which has the dated items of the months around today (``planning: past:`` and
``future:``), what they share (a network's name and colour, an owner's name)
said once. The agenda of every month is on its own page,
``planning/agenda/2027-01.html``, where the views lead beyond those months, so
that a plan of thousands of items, over years, stays quick to open. Every item
element carries ``data-item-id`` (plan.json's id) and the ``data-network``,
``data-owner``, ``data-campaign`` and ``data-status`` the filters use; a post whose owner is away carries its
stand-in's id (``data-covered-by``), which the person filter shows it with,
marked for whom, as their feed holds it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

from markupsafe import Markup

from edcal.checks import cadence_horizon, rule_settings
from edcal.i18n import (
    DAYS,
    MONTHS,
    Message,
    clock_time,
    day_span,
    first_weekday,
    language,
    long_date,
    month_first,
    month_name,
    say,
    say_cadence,
    say_count,
    say_list,
    translated,
    translator,
)
from edcal.model.calendar import Calendar, Idea
from edcal.model.days import as_instant
from edcal.model.plan import WAITING, Item, Plan, passed, status_word
from edcal.outputs._files import draft_path, heavy_feeds, write_file
from edcal.outputs.context import OutputContext
from edcal.outputs.pages import (
    AGENDA_FOLDER,
    ITEM_MONTHS,
    REVIEW_FOLDER,
    by_month,
    copy_assets,
    environment,
    freeze_notices,
    french_title,
    item_link,
    item_months,
    month_file,
    neighbours,
    objective_alerts,
    other_language,
    person_filter,
    shown_cover,
    shown_title,
    title_language,
)
from edcal.plan.absences import Cover, absence_label, covers, stand_in_for, team_absences
from edcal.plan.cadence import Gap, MonthTally, cadence_gaps, campaign_gaps, month_tallies
from edcal.plan.feeds import feed_links
from edcal.plan.promotion import MonthShare, ceiling_percent, promotion_by_month
from edcal.plan.report import LOG_WORDS, first_logged_month, log_said
from edcal.plan.status import late_items, outcome, posts_by_network, said_by_network
from edcal.public_holidays import holidays_between

FILENAME = "index.html"
#: The calendar page's agenda shows this many weeks from the current one; the months' pages show the rest.
AGENDA_WEEKS = 6
STATUSES = ("idea", "writing", "review", "draft", "scheduled", "published", "withheld")


@dataclass(frozen=True, slots=True)
class AgendaMonth:
    """One month's agenda page, as the months' links show it."""

    first: dt.date
    href: str  # from planning/agenda/
    items: int
    #: Among the months the calendar page's month view holds (its *Calendrier* link opens it there).
    held: bool = True


@dataclass(frozen=True, slots=True)
class CampaignRow:
    """A campaign against its objective: what is planned in it, what is out already (``published``: gone out,
    as the report counts it, by the log's word where the site keeps one)."""

    campaign: Any
    owner: str | None
    posts: int
    published: int
    withheld: int
    articles: int
    state: str  # "coming", "running" or "ended"
    #: Posts of the campaign dated outside its dates (the outside-campaign check names them).
    outside: int = 0
    #: Its cadence ("1/week"), and the periods below it over the horizon (cadence-gap's).
    cadence: Any = None
    gaps: int = 0
    #: The names of the networks it runs on, when it says.
    networks: str = ""
    #: What the objectives' checks say of its objective (missed, measured long ago…).
    alerts: tuple[Any, ...] = ()
    #: Its posts still to come: drafts (text not final, or an article not ready) and scheduled ones.
    drafts: int = 0
    scheduled: int = 0
    #: Its posts on each network, the most first ("10 on LinkedIn, 2 on X"); None without posts.
    by_network: Any = None
    #: Its posts the log says did not go out, and those whose time passed that it does not name.
    skipped: int = 0
    unconfirmed: int = 0
    #: The first periods below its cadence, named with what each has (a Message), or None.
    gap_periods: Any = None
    #: This month's and next month's posts against its cadence (:func:`said_months`).
    months: tuple[tuple[Message, int | None, Message | None], ...] = ()
    #: Shorter than its cadence's period: held to it over its whole run, which ``gaps`` counts (not weeks).
    whole_run: bool = False
    #: Its posts still drafts (or awaiting approval) when their time passed: never made ready ("pas prêtes",
    #: the report's word); ``withheld`` are those a freeze held back ("gelées").
    unready: int = 0


@dataclass(frozen=True, slots=True)
class PersonRow:
    """What a team member has on their plate over the horizon: posts, articles, deadlines."""

    id: str
    name: str
    posts: int
    #: Articles going online, ideas of the backlog due to (their ``publish:`` date) included.
    articles: int
    deadlines: int
    #: Of those articles, the ones still ideas: to be written before they go online.
    ideas: int = 0
    #: The week of the horizon with the most of their posts, said with its count (a Message), or None.
    busiest: Any = None
    #: Their posts of days they are away, with those nobody stands in for (what `owner-away` tells), said (a
    #: Message), or None; and those they post standing in for someone away, said for whom.
    away: Any = None
    standing_in: Any = None
    #: The same for their articles going online (ideas due to) and their deadlines, of days they are away.
    away_articles: Any = None
    away_deadlines: Any = None


@dataclass(frozen=True, slots=True)
class ShareCell:
    """A month's share of promotional posts on a network, against the self-promotion ceiling."""

    posts: int
    promotional: int
    share: int | None
    over_ceiling: bool
    #: Over the ceiling in a month of fewer posts than the check judges (it stays silent).
    unjudged: bool


@dataclass(frozen=True, slots=True)
class NetworkRow:
    """A network against its targets: cadence, objective, and this month's share of self-promotion."""

    network: Any
    cadence: Any  # a Message ("2/week"), or None
    month_posts: int
    month_promotional: int
    share: int | None
    over_ceiling: bool
    gaps: int
    #: Posts to come within the horizon (withheld ones left out).
    planned: int = 0
    #: Periods below the cadence from today to the objective's date, when that is beyond the horizon
    #: (counted up to ``gaps_until``: the objective's date, or the end of the plan's horizon before it).
    gaps_to_objective: int | None = None
    gaps_until: dt.date | None = None
    #: Of ``gaps_to_objective``, those within the horizon (the near count, ``gaps``, said first).
    gaps_near: int = 0
    #: Over the ceiling in a month of fewer posts than the check judges (it stays silent).
    unjudged: bool = False
    #: What the objectives' checks say of its objective (missed, measured long ago…).
    alerts: tuple[Any, ...] = ()
    #: Next month's share, as planned so far: a manager plans ahead.
    next_month: ShareCell | None = None
    #: The first periods below its cadence, named with what each has (a Message), or None.
    gap_periods: Any = None
    #: This month's and next month's posts against its cadence (:func:`said_months`).
    months: tuple[tuple[Message, int | None, Message | None], ...] = ()


@dataclass(frozen=True, slots=True)
class Entry:
    """An item as the agenda shows it, with its links resolved."""

    item: Item
    local: dt.datetime | dt.date
    time: str | None
    network_name: str | None
    color: str
    owner_name: str | None
    campaign_name: str | None
    draft: str | None
    article: str | None
    source: str | None
    past: bool
    #: A deadline passed with its step undone, or the article or idea it is of (idea-overdue's): "late".
    late: bool = False
    #: A post of someone away: the id of who stands in for them (their feed holds it), and what marks it in
    #: the views of the stand-in ("[pour Malik Haddad]", the feed's words).
    covered_by: str | None = None
    cover: str | None = None


def write(context: OutputContext, folder: Path) -> list[str]:
    plan = context.plan
    today = plan.now.astimezone(plan.calendar.zone).date()
    late = late_items(plan.items, today)
    covered = covers(plan)
    entries = [entry(item, plan, context, item.id in late, covered.get(item.id))
               for item in plan.items if item.dated]
    # By local day: all-day items sort at midnight UTC, which is another day west of Greenwich.
    entries.sort(key=lambda e: (_day(e.local), _clock(e.local), e.item.id))
    week_start = today - dt.timedelta(days=(today.weekday() - first_weekday(plan.lang)) % 7)
    key_dates_by_day = plan.calendar.key_dates_by_day(dt.date.min, dt.date.max)
    by_day = {day: list(group) for day, group in itertools.groupby(entries, key=lambda e: _day(e.local))}
    for day in key_dates_by_day:  # a fair's last day shows, with nothing planned on it
        by_day.setdefault(day, [])
    shown_absences = absences(plan)
    absences_by_day: dict[dt.date, list[dict[str, Any]]] = defaultdict(list)
    for absence in shown_absences:
        first, last = dt.date.fromisoformat(absence["first"]), dt.date.fromisoformat(absence["last"])
        for offset in range((last - first).days + 1):
            absences_by_day[first + dt.timedelta(days=offset)].append(absence)
        # Its first and last days show, with nothing planned on them (not every day between: weeks of
        # "Nothing planned"); the days between that have items say it too.
        by_day.setdefault(first, [])
        by_day.setdefault(last, [])
    days = sorted(by_day.items(), key=lambda d: d[0])
    grouped = by_month(days, lambda d: d[0])
    held = calendar_months(plan, today)
    months = [AgendaMonth(first, month_file(first), sum(len(entries) for _day, entries in group),
                          (held[0] is None or first >= held[0]) and (held[1] is None or first <= held[1]))
              for first, group in grouped]
    copy_assets(context, folder)
    env = environment(context)
    common = {
        "plan": plan, "today": today, "months": months, "statuses": STATUSES,
        "networks": sorted(plan.calendar.networks.values(), key=lambda n: n.name),
        **person_filter(plan),
        "campaigns": sorted(plan.calendar.campaigns.values(), key=lambda c: c.start),
        "key_dates_by_day": key_dates_by_day,
        "absences_by_day": absences_by_day,
    }
    # In force or just lifted: each month's agenda says it at its top, as the calendar does.
    freezes = freeze_notices(plan, coming=False)
    template = env.get_template("agenda.html.j2")
    shares = month_shares(plan, [month.first for month in months])
    ceiling, minimum, _judged = promotion_settings(plan.calendar)
    for index, (month, (_first, group)) in enumerate(zip(months, grouped, strict=True)):
        html = template.render(common, root="../", month=month, days=group, freezes=freezes,
                               shares=shares.get(month.first, []), ceiling=ceiling_percent(ceiling),
                               minimum=minimum, **neighbours(months, index))
        write_file(folder / AGENDA_FOLDER / month.href, html)
    write_file(folder / AGENDA_FOLDER / ITEM_MONTHS, item_months((e.item.id, _day(e.local)) for e in entries))
    window_end = week_start + dt.timedelta(weeks=AGENDA_WEEKS)
    shown_gaps = cadence_page_gaps(plan, campaigns=True)  # the calendar's ⚠, the campaigns' too
    gaps = [gap for gap in shown_gaps if gap.campaign is None]
    links = feed_links(plan)  # the feeds are written by now (ics comes first): too heavy ones are said so
    html = env.get_template("index.html.j2").render(
        common, root="", total=len(entries), agenda_weeks=AGENDA_WEEKS, week_start=week_start,
        days=[(day, group) for day, group in days if week_start <= day < window_end],
        backlog=backlog(plan), feeds=links, heavy_feeds=heavy_feeds(folder, (link[1] for link in links)),
        objectives=objectives(plan, today, gaps, context.findings),
        data=Markup(_script_json(data(plan, entries, today, shown_gaps, shown_absences, held,
                                      [month.first for month in months]))),
        repository=plan.calendar.planning.repository_url,
        has_key_dates=bool(plan.calendar.key_dates), freezes=freezes,
        judges_cadence=cadence_horizon(plan.calendar) is not None,  # cadence-gap off: no ⚠ in the legend
    )
    write_file(folder / FILENAME, html)
    return []


def calendar_months(plan: Plan, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The first days of the first and last months the calendar page's views hold (``planning: past:``,
    ``future:``); None on a side that holds every month."""
    settings = plan.calendar.planning
    return ((today - settings.past).replace(day=1) if settings.past is not None else None,
            (today + settings.future).replace(day=1) if settings.future is not None else None)


def cadence_page_gaps(plan: Plan, campaigns: bool = False) -> list[Gap]:
    """The periods below a cadence target that the page marks: cadence-gap's, over its horizon, the networks'
    and the blog's (and, with ``campaigns``, the campaigns' after them)."""
    severity, options = rule_settings(plan.calendar, "cadence-gap")
    if severity == "off":  # a rule the site turned off warns nowhere
        return []
    horizon = int(options["horizon"])
    found = list(cadence_gaps(plan, plan.now, horizon))
    return found + list(campaign_gaps(plan, plan.now, horizon)) if campaigns else found


#: The team table's columns: posts, articles going online (an idea due to, too), deadlines.
_PLATE_COLUMNS = {"post": 0, "article": 1, "idea": 1, "deadline": 2}

def objectives(plan: Plan, today: dt.date, page_gaps: list[Gap],
               findings: tuple[Any, ...] = ()) -> dict[str, Any]:
    """What a manager checks the plan against: each campaign's objective, each network's targets."""
    calendar = plan.calendar
    alerts = objective_alerts(findings)
    zone = calendar.zone
    # One pass over the items (a plan of 10,000 posts), per campaign: its posts (counted by status and
    # network below), its articles, its posts outside its dates.
    campaign_posts: dict[str, list[Item]] = defaultdict(list)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    gap_severity, gap_options = rule_settings(calendar, "cadence-gap")
    horizon = int(gap_options["horizon"])
    # The posts planned ahead and the team's load are counted over cadence-gap's horizon, which the lines
    # below the cadence share; with the rule off (no such line), over the next six weeks from now (the
    # agenda's length: it starts at this week's first day, so it ends a few days before them).
    ahead_days = horizon if gap_severity != "off" else AGENDA_WEEKS * 7
    horizon_end = plan.now + dt.timedelta(days=ahead_days)
    planned: dict[str, int] = defaultdict(int)
    # Per person, over the same horizon as the networks' planned posts (from now to the minute; a deadline,
    # a day, from today to the horizon's day): posts (not withheld), articles going online (an idea whose
    # `publish:` date falls there is one, still to write), deadlines; and which of the articles are ideas.
    plates: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    # And their posts by the calendar's weeks, for the busiest: 24 posts in six weeks may be 8 in one.
    weeks: dict[str, Counter[dt.date]] = defaultdict(Counter)
    # And what they own of days they are away (posts, articles, deadlines): a stand-in's load, or nobody's.
    away_items: list[Item] = []
    first_day = first_weekday(plan.lang)
    today_start, horizon_day = plan.now.astimezone(zone).date(), horizon_end.astimezone(zone).date()
    for item in plan.items:
        if item.owner and item.start is not None and item.status != "withheld" \
                and (as_instant(plan.now) <= as_instant(item.start) < as_instant(horizon_end)
                     if isinstance(item.start, dt.datetime)
                     else today_start <= item.start < horizon_day):
            plate = plates[item.owner]
            plate[_PLATE_COLUMNS[item.kind]] += 1
            plate[3] += item.kind == "idea"
            on = plan.day_of(item.start)
            if item.kind == "post":
                weeks[item.owner][on - dt.timedelta(days=(on.weekday() - first_day) % 7)] += 1
            owner = calendar.team.get(item.owner)
            if owner is not None and owner.away_on(on) is not None:
                away_items.append(item)
        if item.campaign:
            count = counts[item.campaign]
            if item.kind == "post":
                campaign_posts[item.campaign].append(item)
                campaign = calendar.campaigns.get(item.campaign)
                start = item.start
                day = start.astimezone(zone).date() if isinstance(start, dt.datetime) else start
                count[1] += campaign is not None and day is not None and not campaign.contains(day)
            elif item.kind == "article":
                count[0] += 1
        if item.kind == "post" and item.status != "withheld" and isinstance(item.start, dt.datetime) \
                and as_instant(plan.now) <= as_instant(item.start) < as_instant(horizon_end):
            planned[item.network or ""] += 1
    campaign_gaps_found: dict[str, list[Gap]] = defaultdict(list)
    if gap_severity != "off":
        for gap in campaign_gaps(plan, plan.now, horizon):
            campaign_gaps_found[gap.campaign or ""].append(gap)
    following = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    log_start = first_logged_month(plan)
    tallies: dict[tuple[str | None, str | None], list[MonthTally]] = defaultdict(list)
    for tally in month_tallies(plan, plan.now, cadence_horizon(plan.calendar), log_start):
        tallies[(tally.network, tally.campaign)].append(tally)
    campaigns = []

    def became(post: Item) -> str:
        """As the report counts it: gone out (by the log's word where it keeps one), skipped, not confirmed,
        withheld by a freeze, unready (a draft whose time passed), or to come as a draft or scheduled."""
        logged = log_start is not None and post.start is not None and plan.day_of(post.start) >= log_start
        said = outcome(post, plan.now, logged)
        return ("draft" if post.status in WAITING else "scheduled") if said == "to_come" else said

    for campaign in sorted(calendar.campaigns.values(), key=lambda c: (c.start, c.id)):
        articles, outside = counts[campaign.id]
        posts = campaign_posts[campaign.id]
        statuses = Counter(became(post) for post in posts)
        owner = calendar.team.get(campaign.owner or "")
        state = "coming" if today < campaign.start else "ended" if today > campaign.end else "running"
        campaigns.append(CampaignRow(campaign, owner.name if owner else campaign.owner, len(posts),
                                     statuses["done"], statuses["withheld"], articles, state, outside,
                                     say_cadence(campaign.cadence) if campaign.cadence else None,
                                     len(campaign_gaps_found[campaign.id]),
                                     ", ".join(calendar.networks[n].name for n in campaign.networks),
                                     tuple(alerts[("campaign", campaign.id)]),
                                     statuses["draft"], statuses["scheduled"],
                                     said_by_network(posts_by_network(posts), calendar) if posts else None,
                                     statuses["skipped"], statuses["unconfirmed"],
                                     gap_periods(campaign_gaps_found[campaign.id], plan.lang,
                                                 {n.id: n.name for n in calendar.networks.values()}),
                                     said_months([tally for network in campaign.networks or (None,)
                                                  for tally in tallies[(network, campaign.id)]], plan),
                                     any(gap.whole_run for gap in campaign_gaps_found[campaign.id]),
                                     unready=statuses["unready"]))
    people = []
    away, standing_in = _absent_load(plan, away_items)
    for person in sorted(calendar.team.values(), key=lambda p: (p.name.lower(), p.id)):
        on_plate, articles, deadlines, ideas = plates[person.id]
        people.append(PersonRow(person.id, person.name, on_plate, articles, deadlines, ideas,
                                busiest_week(weeks[person.id], plan.lang), away.get((person.id, "post")),
                                standing_in.get(person.id), away.get((person.id, "article")),
                                away.get((person.id, "deadline"))))
    ceiling, minimum, promotion_judged = promotion_settings(calendar)
    gaps: dict[str, list[Gap]] = defaultdict(list)
    for gap in page_gaps:
        gaps[gap.network or ""].append(gap)
    to_objective = _gaps_to_objectives(plan, today, horizon) if gap_severity != "off" else {}
    this_month = promotion_by_month(plan, [(n, day.year, day.month) for n in calendar.networks
                                           for day in (today, following)])

    networks = []
    for network in sorted(calendar.networks.values(), key=lambda n: n.name):
        month, ahead = (share_cell(this_month[(network.id, day.year, day.month)], ceiling, minimum,
                                   promotion_judged) for day in (today, following))
        cadence = say_cadence(network.cadence) if network.cadence else None
        counted, until, near = to_objective.get(network.id, (None, None, 0))
        networks.append(NetworkRow(network, cadence, month.posts, month.promotional, month.share,
                                   month.over_ceiling, len(gaps[network.id]), planned[network.id], counted,
                                   until,
                                   unjudged=month.unjudged,
                                   alerts=tuple(alerts[("network", network.id)]),
                                   next_month=ahead, gap_periods=gap_periods(gaps[network.id], plan.lang),
                                   months=said_months(tallies[(network.id, None)], plan), gaps_near=near))
    blog = calendar.blog.cadence
    return {"campaigns": campaigns, "networks": networks, "people": people,
            "ceiling": ceiling_percent(ceiling), "minimum": minimum,
            "blog_cadence": blog, "blog_gaps": len(gaps[""]),
            "blog_gap_periods": gap_periods(gaps[""], plan.lang),
            "blog_months": said_months(tallies[(None, None)], plan),
            "blog_period": blog.per if blog else None,
            "horizon_days": ahead_days, "agenda_weeks": AGENDA_WEEKS if gap_severity == "off" else None,
            "this_month": today.replace(day=1), "next_month": following}


def promotion_settings(calendar: Calendar) -> tuple[float, int, bool]:
    """The self-promotion rule's ceiling (0 to 1) and minimum, and whether the site judges it (not off)."""
    severity, options = rule_settings(calendar, "self-promotion")
    return float(options["ceiling"]), int(options["minimum"]), severity != "off"


def share_cell(share: MonthShare, ceiling: float, minimum: int, judged: bool) -> ShareCell:
    """A network-month against the ceiling, as the self-promotion rule judges it: over it (the check reports
    it: ⚠) from ``minimum`` posts on, not judged below that."""
    return ShareCell(share.total, share.promotional, share.percent,
                     judged and share.reported(ceiling, minimum),
                     judged and share.above(ceiling) and 0 < share.total < minimum)


def month_shares(plan: Plan, months: list[dt.date]) -> dict[dt.date, list[tuple[Any, ShareCell]]]:
    """Each month's self-promotion (``months``: their first days), per network that has posts going out in
    it (not withheld, not skipped), by name: what its agenda page shows; empty with the rule off."""
    calendar = plan.calendar
    ceiling, minimum, judged = promotion_settings(calendar)
    if not judged:
        return {}
    networks = sorted(calendar.networks.values(), key=lambda n: (n.name, n.id))
    found = promotion_by_month(plan, [(n.id, month.year, month.month) for month in months for n in networks])
    return {month: [(network, share_cell(share, ceiling, minimum, judged)) for network in networks
                    if (share := found[(network.id, month.year, month.month)]).total]
            for month in months}


#: The objectives' table names this many periods below a cadence, then says how many more.
SHOWN_GAPS = 3


def _absent_load(plan: Plan, away_items: list[Item]
                 ) -> tuple[dict[tuple[str, str], Message], dict[str, Message]]:
    """By person and column ("post", "article": ideas due to go online too, "deadline"): their items of
    days they are away (``away_items``), said with those nobody stands in for, where `owner-away` is on
    ("3 publications pendant ses absences, dont 1 sans remplaçant"); and by person, what they post standing
    in for someone away ("+ 2 publications en remplacement de Camille")."""
    away: dict[tuple[str, str], Message] = {}
    if rule_settings(plan.calendar, "owner-away")[0] != "off":
        owned: Counter[tuple[str, str]] = Counter()
        alone: Counter[tuple[str, str]] = Counter()
        for item in away_items:
            column: str = "article" if item.kind == "idea" else item.kind
            key = (item.owner or "", column)
            owned[key] += 1
            alone[key] += stand_in_for(plan, item) is None
        for key, count in owned.items():
            said = _while_away(key[1], count)
            if alone[key] == count:  # not "1 article while away, of which 1 has no stand-in"
                said = say("{said}, with no stand-in", said=said)
            elif alone[key]:
                said = say("{said}, {alone}", said=said, alone=say_count(
                    alone[key], "of which {count} has no stand-in", "of which {count} have no stand-in"))
            away[key] = said
    covering: dict[str, Counter[str]] = defaultdict(Counter)
    for cover in covers(plan, away_items).values():
        covering[cover.stand_in.id][cover.person.name] += 1
    standing_in = {stand_in: say_list([say_count(count, "+ {count} post standing in for {person}",
                                                 "+ {count} posts standing in for {person}", person=name)
                                       for name, count in sorted(names.items())])
                   for stand_in, names in covering.items()}
    return away, standing_in


def _while_away(column: str, count: int) -> Message:
    """How many of a person's posts, articles or deadlines (``column``) fall on days they are away."""
    if column == "article":
        return say_count(count, "{count} article while away", "{count} articles while away")
    if column == "deadline":
        return say_count(count, "{count} deadline while away", "{count} deadlines while away")
    return say_count(count, "{count} post while away", "{count} posts while away")


def busiest_week(posts_by_week: Counter[dt.date], lang: str | None) -> Message | None:
    """A person's week with the most posts ("semaine la plus chargée : 4, du 11 au 17 janvier 2027"), the
    first of equals; None without posts."""
    if not posts_by_week:
        return None
    most = max(posts_by_week.values())
    start = min(week for week, count in posts_by_week.items() if count == most)
    first, last = day_span(start, start + dt.timedelta(days=6), lang)
    return say("busiest week: {count}, {first} to {last}", count=most, first=first, last=last)


def gap_periods(gaps: list[Gap], lang: str | None, names: dict[str, str] | None = None) -> Message | None:
    """The first periods below a cadence, each with what it has ("du 18 au 24 janvier 2027 : 0 publication"),
    and how many more: which weeks to fill, where the count alone sent the reader through the calendar. A
    campaign's gaps on several networks say each one's network (``names``: the networks' names by id), where
    two periods read alike ("LinkedIn : du 3 au 5 février 2027 : 0 publication")."""
    if not gaps:
        return None
    said: list[Message] = []
    several = names is not None and len({gap.network for gap in gaps}) > 1
    for gap in sorted(gaps, key=lambda g: (g.first, g.network or ""))[:SHOWN_GAPS]:
        if several and gap.network is not None and names is not None:
            said.append(say("{network}: {period}", network=names.get(gap.network, gap.network),
                            period=_gap_period(gap, lang)))
        else:
            said.append(_gap_period(gap, lang))
    listed = say_list(said)
    more = len(gaps) - SHOWN_GAPS
    if more <= 0:
        return listed
    return say_count(more, "{periods} and {count} other", "{periods} and {count} others", periods=listed)


def _gap_period(gap: Gap, lang: str | None) -> Message:
    """One period below a cadence and what it has: "du 18 au 24 janvier 2027 : 0 publication"."""
    articles = gap.network is None and gap.campaign is None  # the blog's cadence counts articles
    day, (first, last) = long_date(gap.first, lang), day_span(gap.first, gap.last, lang)
    if gap.first == gap.last and articles:
        return say_count(gap.found, "{day}: {count} article", "{day}: {count} articles", day=day)
    if gap.first == gap.last:
        return say_count(gap.found, "{day}: {count} post", "{day}: {count} posts", day=day)
    if articles:
        return say_count(gap.found, "{first} to {last}: {count} article",
                         "{first} to {last}: {count} articles", first=first, last=last)
    return say_count(gap.found, "{first} to {last}: {count} post", "{first} to {last}: {count} posts",
                     first=first, last=last)


def said_months(tallies: list[MonthTally], plan: Plan
                ) -> tuple[tuple[Message, int | None, Message | None], ...]:
    """Each month's posts (or the blog's articles) against its cadence, with how many of its periods fall
    below it (None when cadence-gap is off: no mark) and which (:func:`short_periods`): "janvier 2027 (4
    semaines) : 3 publications pour 8"; this month's says what of them is out already ("(1 publiée, 2
    prévues)"), by the log's word where it keeps one, as the report and the campaigns' line count ("(0
    publiée, 3 non confirmées, 7 prévues)"); a campaign on several networks says which ("LinkedIn : …")."""
    said = []
    several = len({tally.network for tally in tallies}) > 1
    this_month = plan.now.astimezone(plan.calendar.zone).date().replace(day=1)
    for tally in sorted(tallies, key=lambda t: (t.network or "", t.month)):
        month = month_name(tally.month, plan.lang)
        articles = tally.network is None and tally.campaign is None  # the blog's cadence counts articles
        span: Message | None = None  # a month's periods are the month
        if tally.run_days is not None:  # a campaign shorter than a week (a month): its run, not "(1 week)"
            span = say_count(tally.run_days, "its one day", "its {count} days")
        elif tally.cadence.per == "week":
            span = say_count(tally.periods, "{count} week", "{count} weeks")
        elif tally.cadence.per == "day":
            span = say_count(tally.periods, "{count} day", "{count} days")
        if span is None and articles:
            text = say_count(tally.found, "{month}: {count} article for {target}",
                             "{month}: {count} articles for {target}", month=month, target=tally.target)
        elif span is None:
            text = say_count(tally.found, "{month}: {count} post for {target}",
                             "{month}: {count} posts for {target}", month=month, target=tally.target)
        elif articles:
            text = say_count(tally.found, "{month} ({span}): {count} article for {target}",
                             "{month} ({span}): {count} articles for {target}", month=month, span=span,
                             target=tally.target)
        else:
            text = say_count(tally.found, "{month} ({span}): {count} post for {target}",
                             "{month} ({span}): {count} posts for {target}", month=month, span=span,
                             target=tally.target)
        if tally.month == this_month and tally.found:  # mid-month, a manager asks what is out already
            left = tally.found - tally.gone
            if articles:
                gone = say_count(tally.gone, "{count} article published", "{count} articles published")
                to_come = say_count(left, "{count} article planned", "{count} articles planned")
            else:
                gone = say_count(tally.gone - tally.unconfirmed, "{count} post published",
                                 "{count} posts published")
                to_come = say_count(left, "{count} post planned", "{count} posts planned")
            if tally.unconfirmed:  # their time has passed, and the log does not name them
                text = say("{said} ({gone}, {unconfirmed}, {to_come})", said=text, gone=gone, to_come=to_come,
                           unconfirmed=say_count(tally.unconfirmed, "{count} post not confirmed",
                                                 "{count} posts not confirmed"))
            else:
                text = say("{said} ({gone}, {to_come})", said=text, gone=gone, to_come=to_come)
        if several and tally.network is not None:
            text = say("{network}: {months}", network=plan.calendar.networks[tally.network].name, months=text)
        said.append((text, tally.below, short_periods(tally, plan)))
    return tuple(said)


def short_periods(tally: MonthTally, plan: Plan) -> Message | None:
    """A month's periods below the cadence, each with what it has and lacks, those over said so, and the first
    beyond cadence-gap's horizon (the check judges those before it; those after it lie beyond too, which it
    says once rather than at each): "below the cadence: December 20 to 26, 2026 (over): 1 post (1 missing);
    …; February 8 to 14, 2027 (beyond edcal check's 42 days, from this week on): 0 posts (2 missing);
    February 15 to 21, 2027: 0 posts (2 missing)"; a month's ⚠ alone left the reader to find the week, or to
    take a week before edcal for one to fill, and the check's silence over a week it does not look at for a
    plan on target."""
    gaps = tally.short
    if not gaps:
        return None
    today = plan.now.astimezone(plan.calendar.zone).date()
    if gaps[0].whole_run or gaps[0].cadence.per == "month":  # the period is the month (the run) said already
        missing = sum(gap.cadence.count - gap.found for gap in gaps)
        if tally.reach is not None and all(tally.beyond_check(gap) for gap in gaps):
            return say("{missing} missing (beyond edcal check's {days} days)", missing=missing,
                       days=(tally.reach - today).days)
        return say("{missing} missing", missing=missing)
    said = []
    beyond = [gap for gap in gaps if gap.after > today and tally.beyond_check(gap)]
    for gap in gaps:
        if gap.first == gap.last:
            period: Message | str = long_date(gap.first, plan.lang)
        else:
            first, last = day_span(gap.first, gap.last, plan.lang)
            period = say("{first} to {last}", first=first, last=last)
        if gap.network is None and gap.campaign is None:  # the blog's cadence counts articles
            found = say_count(gap.found, "{count} article", "{count} articles")
        else:
            found = say_count(gap.found, "{count} post", "{count} posts")
        if gap.unconfirmed:  # over, judged on what the log names: those it does not, said beside
            found = say("{found}, {unconfirmed}", found=found, unconfirmed=say_count(
                gap.unconfirmed, "{count} post not confirmed", "{count} posts not confirmed"))
        missing = gap.cadence.count - gap.found
        if gap.after <= today:
            said.append(say("{period} (over): {found} ({missing} missing)", period=period, found=found,
                            missing=missing))
        elif beyond and gap is beyond[0] and tally.reach is not None:
            # Said once, at the first period beyond the horizon: those after it (in order) lie beyond it too.
            days = (tally.reach - today).days
            if len(beyond) == 1:
                said.append(say("{period} (beyond edcal check's {days} days): {found} ({missing} missing)",
                                period=period, days=days, found=found, missing=missing))
            elif gap.cadence.per == "day":
                said.append(say("{period} (beyond edcal check's {days} days, from this day on): {found} "
                                "({missing} missing)", period=period, days=days, found=found,
                                missing=missing))
            else:
                said.append(say("{period} (beyond edcal check's {days} days, from this week on): {found} "
                                "({missing} missing)", period=period, days=days, found=found,
                                missing=missing))
        else:
            said.append(say("{period}: {found} ({missing} missing)", period=period, found=found,
                            missing=missing))
    # (semicolons between them: a period's dates hold commas, "December 27, 2026 to January 2, 2027")
    periods = said[-1]
    for before in reversed(said[:-1]):
        periods = say("{first}; {rest}", first=before, rest=periods)
    return say("below the cadence: {periods}", periods=periods)


def _gaps_to_objectives(plan: Plan, today: dt.date, horizon: int) -> dict[str, tuple[int, dt.date, int]]:
    """Per network whose objective is dated beyond the horizon: its periods below cadence until that date,
    the date counted to, and how many of them begin within the horizon (the near count the page gives first:
    the longer view holds them).

    The check looks a few weeks ahead; a manager asks whether the plan keeps the
    rhythm all the way to the objective ("1,500 followers by 30 June"). The plan
    itself ends at its horizon (``horizon:``, where open-ended repetitions stop):
    beyond it every week would look empty, so the count stops there.
    """
    plan_end = today + plan.calendar.horizon
    dated = {n.id: min(n.objective.by, plan_end) for n in plan.calendar.networks.values()
             if n.cadence is not None and n.objective is not None and n.objective.by is not None
             and (n.objective.by - today).days > horizon}
    if not dated:
        return {}
    counts = dict.fromkeys(dated, 0)
    near = dict.fromkeys(dated, 0)
    reach = today + dt.timedelta(days=horizon)
    for gap in cadence_gaps(plan, plan.now, (max(dated.values()) - today).days + 1):
        # (a period running past the plan's end is not judged: what lies beyond is not expanded)
        if gap.network in dated and gap.first <= dated[gap.network] and gap.last <= plan_end:
            counts[gap.network] += 1
            near[gap.network] += gap.first < reach
    return {network: (counts[network], until, near[network]) for network, until in dated.items()}


def _day(value: dt.datetime | dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _clock(value: dt.datetime | dt.date) -> tuple[int, int]:
    """A day's order: all-day items first, then by the minute they go out (the shown "9:30 AM" does not
    sort, nor a wall clock, which put 02:10 of a repeated hour's second pass before 02:40 of its first)."""
    return (1, int(value.timestamp()) // 60) if isinstance(value, dt.datetime) else (0, 0)


def entry(item: Item, plan: Plan, context: OutputContext, late: bool = False,
          cover: Cover | None = None) -> Entry:
    """:param cover: who stands in for its owner, away (:func:`edcal.plan.absences.covers`)."""
    calendar = plan.calendar
    zone = calendar.zone
    start = item.start
    local: dt.datetime | dt.date = (
        start.astimezone(zone) if isinstance(start, dt.datetime) else start  # type: ignore[assignment]
    )
    network = calendar.networks.get(item.network or "")
    person = calendar.team.get(item.owner or "")
    campaign = calendar.campaigns.get(item.campaign or "")
    today = plan.now.astimezone(zone).date()
    past = (as_instant(start) < as_instant(plan.now) if isinstance(start, dt.datetime)
            else start < today)  # type: ignore[operator]
    draft = None
    if item.kind == "post" and item.status != "withheld":
        draft = item_link(REVIEW_FOLDER, item, plan) if not past else draft_path(item, plan) + ".txt"
    article = None
    if item.article:
        found = plan.article_of(item)
        if found is not None and found.status == "published" and found.date \
                and as_instant(found.date) <= as_instant(plan.now):
            article = found.url
    repository = calendar.planning.repository_url
    source = f"{repository}{item.source.path}#L{item.source.line}" if repository else None
    return Entry(
        item=item, local=local,
        time=clock_time(local, plan.lang) if isinstance(local, dt.datetime) else None,
        # An idea for posts: its networks' names ("LinkedIn, Instagram"), not "Blog".
        network_name=network.name if network else ", ".join(
            calendar.networks[n].name if n in calendar.networks else n for n in item.networks) or None,
        color=network.color if network else ("slategray" if item.kind != "post" else "gray"),
        owner_name=person.name if person else item.owner,
        campaign_name=campaign.name if campaign else item.campaign,
        draft=draft, article=article, source=source, past=past, late=late,
        covered_by=cover.stand_in.id if cover is not None else None,
        cover=shown_cover(cover, plan.lang),
    )


class Due(TypedDict):
    """An idea's due date on the backlog, and whether it has passed with the step undone."""

    date: dt.date
    late: bool


class BacklogRow(TypedDict):
    """An idea on the backlog."""

    idea: Idea
    id: str
    owner: str | None
    draft_due: Due | None
    review_due: Due | None
    #: Its target publication, passed (``late``) while it is still an idea of the backlog.
    publish: Due | None
    undated: bool
    next: dt.date | None
    #: An idea for a post: its networks' names ("LinkedIn, Instagram"); empty for an article's.
    networks: str


def backlog(plan: Plan) -> list[BacklogRow]:
    """Ideas, undated first, then by their next date; late due dates flagged."""
    today = plan.now.astimezone(plan.calendar.zone).date()
    team = plan.calendar.team

    def due(idea: Idea, day: dt.date | None, done_when: tuple[str, ...]) -> Due | None:
        if day is None:
            return None
        return {"date": day, "late": day < today and idea.status not in done_when}

    ideas: list[BacklogRow] = []
    for idea in plan.calendar.ideas:
        dates = [d for d in (idea.draft_due, idea.review_due, idea.publish) if d]
        ideas.append({
            "idea": idea, "id": f"idea-{idea.id}",
            "owner": team[idea.owner].name if idea.owner in team else idea.owner,
            "draft_due": due(idea, idea.draft_due, ("review",)),
            "review_due": due(idea, idea.review_due, ()),
            "publish": due(idea, idea.publish, ()),
            "undated": not dates, "next": min(dates) if dates else None,
            "networks": ", ".join(plan.calendar.networks[n].name for n in idea.networks),
        })
    ideas.sort(key=lambda i: (not i["undated"], i["next"] or dt.date.min, i["idea"].title))
    return ideas


def absences(plan: Plan) -> list[dict[str, Any]]:
    """The team's absences (``away:``) as the calendar shows them on each of their days, by first day:
    "Malik Haddad away from 2 to 20 August 2027 (Congés) — Julien Morel stands in"
    (:func:`~edcal.plan.absences.absence_label`); ``people``: the ids the person filter shows it with (the
    person away, and who stands in)."""
    calendar = plan.calendar
    found = []
    for person, absence in team_absences(calendar):
        stand_in = calendar.team.get(absence.stand_in or "")
        found.append({"first": absence.first.isoformat(), "last": absence.last.isoformat(),
                      "label": absence_label(person, absence, calendar, plan.lang), "person": person.id,
                      "people": " ".join([person.id, *([stand_in.id] if stand_in is not None else [])])})
    return found


def data(plan: Plan, entries: list[Entry], today: dt.date, page_gaps: list[Gap],
         shown_absences: list[dict[str, Any]] | None = None,
         held: tuple[dt.date | None, dt.date | None] = (None, None),
         pages: list[dt.date] | None = None) -> dict[str, Any]:
    """What the month and week views are drawn from: the items of the months ``held`` (first days of the
    first and last, :func:`calendar_months`), with the days of the weeks they start and end in; ``pages``:
    the months that have an agenda page, where the views lead beyond them."""
    _ = translator(plan.lang)
    code = language(plan.lang)
    calendar = plan.calendar
    zone = calendar.zone
    start = first_weekday(plan.lang)
    first_held, last_held = held
    if first_held is not None:
        first_held -= dt.timedelta(days=(first_held.weekday() - start) % 7)
        entries = [e for e in entries if _day(e.local) >= first_held]
    if last_held is not None:
        month_end = (last_held + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        last_held = month_end + dt.timedelta(days=(start - month_end.weekday() - 1) % 7)
        entries = [e for e in entries if _day(e.local) <= last_held]
    dates = [_day(e.local) for e in entries] or [today]
    first = min(min(dates), today) - dt.timedelta(days=62)
    last = max(max(dates), today) + dt.timedelta(days=62)
    gaps = []
    for gap in page_gaps:
        target = _("{count}, cadence {target}").format(count=gap.found, target=translated(gap.target, _))
        name = translated(gap.name, _)
        message = _("{name}: {text}").format(name=name, text=target)
        # A campaign's on all its networks together has no network: it shows whichever is chosen.
        gaps.append({"network": gap.network or ("" if gap.campaign else "blog"), "name": name,
                     "first": gap.first.isoformat(), "last": gap.last.isoformat(), "message": message,
                     **({"campaign": gap.campaign} if gap.campaign else {})})
    freezes = []
    for window in calendar.freezes:
        end = window.end.astimezone(zone) - dt.timedelta(microseconds=1) if window.end else None
        networks = sorted(window.networks) if window.networks is not None else None
        names = ", ".join(window.network_names.get(n, n) for n in networks or ())
        freezes.append({"first": window.start.astimezone(zone).date().isoformat(),
                        "last": end.date().isoformat() if end else last.isoformat(), "reason": window.reason,
                        "networks": networks,
                        "label": _("{name}: {text}").format(name=names, text=window.reason) if networks
                        else window.reason})
    columns = [DAYS[code][(start + index) % 7] for index in range(7)]  # the week's days, from its first
    labels: dict[str, Any] = {
        "months": list(MONTHS[code]), "longDays": columns,
        "first": "1er" if code == "fr" else "",
        "days": [name[:3] + "." if code == "fr" else name[:3] for name in columns],
        # "Semaine du 18 au 24 janvier", "Week of 18 – 24 January", "Week of January 17 – 23, 2027"
        "week": _("Week of"), "weekTo": "au" if code == "fr" else "–",
        "agenda": _("Agenda"), "blog": _("Blog"), "late": _("late"),
        # What the period buttons open, for screen readers: "Mois précédent : décembre 2026".
        "steps": {"monthBefore": _("Previous month: {period}"), "monthAfter": _("Next month: {period}"),
                  "weekBefore": _("Previous week: {period}"), "weekAfter": _("Next week: {period}")},
        # A busy day of the month view: its button for the tiles it folds (2 or more), and to fold them again.
        "more": _("+{count} more"), "fewer": _("Show fewer"),
        "statuses": {status: _(status) for status in STATUSES},
    }
    if start != 0:  # as JavaScript's getUTCDay() counts (Sunday 0); without it, weeks start on Monday (1)
        labels["weekStart"] = (start + 1) % 7
    if month_first(plan.lang):  # "Sunday, January 17" (US English); without it, "Sunday 17 January"
        labels["monthFirst"] = True
    log_start = first_logged_month(plan)
    if log_start is not None:  # a past post's badge says what the log of what went out says
        labels["log"] = {key: _(word) for key, word in LOG_WORDS.items()}
    untitled = frozenset(entry.id for entry in calendar.posts if not entry.title)
    # A title in another language than the page's (a blog in two languages): planning.js marks it `lang`.
    other = {e.item.id: tag for e in entries
             if (tag := other_language(title_language(e.item, plan, untitled), plan.lang))}
    # What items share is said once (18,147 items gave 5.9 MB, half of it names, colours and nulls): an item
    # gives its network's name and colour, its owner's and campaign's names and its status's word only where
    # they differ from these, and no empty field.
    network_looks = {n.id: {"name": n.name, "color": n.color} for n in calendar.networks.values()}
    people = {person.id: person.name for person in calendar.team.values()}
    campaign_names = {c.id: c.name for c in calendar.campaigns.values()}

    def item(e: Entry) -> dict[str, Any]:
        network = e.item.network or " ".join(e.item.networks)
        shared = network_looks.get(network)
        said = {
            "id": e.item.id, "kind": e.item.kind, "title": shown_title(e.item, plan),
            "date": _day(e.local).isoformat(), "time": e.time, "status": e.item.status,
            # Its status's word: "à valider" for a post's "review", "non validée, pas partie" once past.
            "word": _(status_word(e.item.kind, e.item.status, passed(e.item, plan.now))),
            # An idea for posts: its networks, space-separated, as the network filter matches them.
            "network": network, "network_name": e.network_name, "color": e.color,
            "owner": e.item.owner, "owner_name": e.owner_name,
            "campaign": e.item.campaign, "campaign_name": e.campaign_name,
        }
        defaults = {"word": labels["statuses"][e.item.status],
                    "network_name": shared["name"] if shared else None,
                    "color": shared["color"] if shared else "slategray",
                    "owner_name": people.get(e.item.owner or ""),
                    "campaign_name": campaign_names.get(e.item.campaign or "")}
        return {key: value for key, value in said.items()
                if value not in (None, "") and (key not in defaults or value != defaults[key])}

    named = {e.item.campaign for e in entries}

    def held_days(first: dt.date, last: dt.date) -> bool:
        return (first_held is None or last >= first_held) and (last_held is None or first <= last_held)

    return {
        "today": today.isoformat(),
        "timezone": calendar.timezone,
        "labels": labels,
        **({"held": {key: month.strftime("%Y-%m") for key, month in zip(("first", "last"), held, strict=True)
                     if month is not None}} if held != (None, None) else {}),
        "pages": [month.strftime("%Y-%m") for month in pages or ()],
        "networks": network_looks, "people": people,
        "items": [{
            **item(e),
            **({"log": said} if (said := log_said(e.item, plan, log_start)) else {}),
            **({"late": True} if e.late else {}),
            # A post of someone away: shown with who stands in for them chosen, marked for whom.
            **({"covered_by": e.covered_by, "cover": e.cover} if e.covered_by else {}),
            **({"lang": other[e.item.id]} if e.item.id in other else {}),
        } for e in entries],
        "campaigns": [{"id": c.id, "name": c.name, "start": c.start.isoformat(), "end": c.end.isoformat(),
                       "color": c.color or "dimgray"}
                      for c in sorted(calendar.campaigns.values(), key=lambda c: (c.start, c.id))
                      if held_days(c.start, c.end) or c.id in named],  # a band on the days held, or a name
        "freezes": freezes,
        "key_dates": [{"first": k.start.isoformat(), "last": k.end.isoformat(),
                       "name": french_title(k.name, plan.lang)}
                      for k in calendar.key_dates_in_order()],
        # A holiday the site does not count (public-holiday's `except:`: its audience works) is not shaded.
        "holidays": {day.isoformat(): name
                     for day, name in sorted(holidays_between(calendar, first, last, plan.lang,
                                                              _uncounted_holidays(calendar)).items())},
        "gaps": gaps,
        "absences": shown_absences or [],
    }


def _uncounted_holidays(calendar: Calendar) -> tuple[str, ...]:
    """The holidays the site does not count (public-holiday's ``except:``), by name, as its check reads."""
    return tuple(rule_settings(calendar, "public-holiday")[1]["except"])


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no ``<``, ``>`` or ``&`` that HTML could read."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


