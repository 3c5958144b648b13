"""The plan's iCalendar feeds: which there are, what each holds, and when they change by themselves.

``planning/calendar.ics`` holds every dated item that is not withheld (an article a freeze holds back is
there when the freeze lets it go online); ``calendars/<network>.ics``, ``calendars/blog.ics``,
``calendars/people/<person>.ics`` and ``calendars/campaigns/<campaign>.ics`` hold subsets. Long past
events leave them (``feeds: past:``). :mod:`edcal.outputs.ics` writes them; the planning page lists
them, and ``edcal next-change`` and ``edcal diff`` ask here what they hold, without the writer.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

from edcal.i18n import translator
from edcal.model.calendar import Absence, Calendar, Campaign, FreezeWindow, KeyDate, Person, PostEntry
from edcal.model.days import as_instant, start_of_day
from edcal.model.plan import Item, Plan, made_by
from edcal.plan.absences import concerns, covers, team_absences
from edcal.plan.status import withheld_by_each_freeze

CALENDAR_FILE = "calendar.ics"
FOLDER = "calendars"


@dataclass(slots=True)
class Feed:
    """One .ics file: where it goes, what it is called, and which items it holds."""

    path: str
    family: str
    key: str
    #: What it holds ("LinkedIn", a person's name), as the planning page lists it.
    label: str
    #: The calendar's name in apps: its label first, then the site ("LinkedIn · Le blog…").
    name: str
    description: str
    color: str | None = None
    items: list[Item] = field(default_factory=list)
    #: The key dates it shows (the fair the posts are about), each as an all-day event over its days.
    key_dates: list[KeyDate] = field(default_factory=list)
    #: The team's absences it shows (the whole plan's; a person's own and those they stand in for), each as
    #: an all-day event over its days.
    absences: list[tuple[Person, Absence]] = field(default_factory=list)
    #: Posts it holds for someone away (a stand-in's feed), by item id: the absent person's name.
    stood_in: dict[str, str] = field(default_factory=dict)
    #: The freezes it shows, each with every post it withholds (the whole plan's, in time order), as one event
    #: over its window: its posts left the feed, the event says why.
    freezes: list[tuple[FreezeWindow, list[Item]]] = field(default_factory=list)


def feeds(plan: Plan) -> list[Feed]:
    """Every feed of the plan, items in plan order. Empty feeds are kept: a subscription must not break."""
    _ = translator(plan.lang)
    site = plan.site_name or _("Editorial plan")
    calendar = plan.calendar
    # Long past items leave (`feeds: past:`): years of daily posts made feeds of megabytes that Google's
    # fetcher is reported to give up on. Subscribers' apps drop them at their next poll.
    # One rule for events and key dates: kept until `past` after they end (a day ends where the next
    # day starts, in the site's zone); gone at that moment, which `edcal next-change` names (changes()).
    # Far items to come wait (`feeds: future:`): a year of thousands of posts made feeds of megabytes too.
    # Each enters `future` before it begins, another moment changes() names.
    kept, come = _kept(plan), _come(plan)
    items = [item for item in plan.items
             if _in_feeds(item, plan) and kept(_over_at(item.start, calendar))  # type: ignore[arg-type]
             and come(_begins_at(item.start, calendar))]  # type: ignore[arg-type]
    key_dates = [k for k in calendar.key_dates_in_order()
                 if kept(_over_at(k.end, calendar)) and come(_begins_at(k.start, calendar))]
    absences = [(person, absence) for person, absence in team_absences(calendar)
                if kept(_over_at(absence.last, calendar)) and come(_begins_at(absence.first, calendar))]
    freezes = _freezes(plan, kept, come)
    # Its own name first: a calendar app's narrow list shows "LinkedIn · Le blog…", not "Le blog de l'Ate…".
    everything = Feed(CALENDAR_FILE, "calendar", "all", _("Publishing schedule"), "",
                      _("Every post, article and deadline of the editorial plan."), "dimgray", items,
                      key_dates, absences, freezes=freezes)
    people_colors = _people_colors(calendar)
    found = [everything]
    for network in sorted(calendar.networks.values(), key=lambda n: n.id):
        found.append(Feed(f"{FOLDER}/{network.id}.ics", "networks", network.id, network.name, "",
                          _("Posts planned on {network}.").format(network=network.name), network.color,
                          [i for i in items if i.network == network.id or network.id in i.networks],
                          freezes=[(w, posts) for w, posts in freezes
                                   if w.networks is None or network.id in w.networks]))
    # An idea for posts (`networks:` on an idea) is its networks' (its date, a wish), not the blog's.
    found.append(Feed(f"{FOLDER}/blog.ics", "blog", "blog", _("Blog"), "",
                      _("Articles going live, and their writing and review deadlines."), "slategray",
                      [i for i in items if i.kind != "post" and not i.networks],
                      freezes=[(w, posts) for w, posts in freezes if w.blog]))  # articles wait
    # The posts of someone away that who stands in for them is to post, marked for whom: as `edcal agenda
    # --owner` and the planning page's person filter show them (one selection, plan.absences.covers).
    standing_in: dict[str, dict[str, str]] = {}
    for item_id, cover in covers(plan, items).items():
        standing_in.setdefault(cover.stand_in.id, {})[item_id] = cover.person.name
    for person in sorted(calendar.team.values(), key=lambda p: p.id):
        # Their own items, and the posts of someone away they stand in for (the one who will post them).
        stood_in = standing_in.get(person.id, {})
        found.append(Feed(f"{FOLDER}/people/{person.id}.ics", "people", person.id, person.name, "",
                          _("What {person} owns in the editorial plan.").format(person=person.name),
                          people_colors[person.id],
                          [i for i in items if i.owner == person.id or i.id in stood_in], [],
                          [(p, a) for p, a in absences if concerns(p, a, person.id)], stood_in,
                          # Only the freezes that withhold their posts: theirs are the posts gone from it.
                          [(w, posts) for w, posts in freezes if any(p.owner == person.id for p in posts)]))
    entries = {entry.id: entry for entry in calendar.posts}
    for campaign in sorted(calendar.campaigns.values(), key=lambda c: c.id):
        held = [i for i in items if i.campaign == campaign.id]
        named = _campaign_key_dates(campaign, held, entries)
        found.append(Feed(f"{FOLDER}/campaigns/{campaign.id}.ics", "campaigns", campaign.id,
                          campaign.name, "",
                          _("Posts and articles of the campaign {campaign}.").format(campaign=campaign.name),
                          campaign.color, held, [k for k in key_dates if k.id in named],
                          freezes=[(w, posts) for w, posts in freezes
                                   if any(p.campaign == campaign.id for p in posts)]))
    for feed in found:
        feed.name = f"{feed.label} · {site}"
    return found


def _freezes(plan: Plan, kept: Callable[[dt.datetime], bool],
             come: Callable[[dt.datetime], bool]) -> list[tuple[FreezeWindow, list[Item]]]:
    """The freezes the feeds show, each with every post it withholds in the plan (past ones too: the event
    says the same thing whatever the day): kept until ``past`` after they end (one until further notice
    stays), entering ``future`` before they start, as every event does. Each counts the withheld posts of
    its own window and networks, though another freeze covers them too: an event stands alone in a
    calendar app, as each freeze's notice on the planning pages."""
    calendar = plan.calendar
    if not calendar.freezes:
        return []
    withheld = sorted((item for item in plan.items if item.kind == "post" and item.status == "withheld"
                       and isinstance(item.start, dt.datetime)), key=lambda item: as_instant(item.start))  # type: ignore[arg-type]
    held = {id(window): posts for window, posts in withheld_by_each_freeze(calendar, withheld)}
    return [(window, held.get(id(window), [])) for window in calendar.freezes
            if (window.end is None or kept(window.end)) and come(_begins_at(window.start, calendar))]


def _in_feeds(item: Item, plan: Plan) -> bool:
    """Whether the feeds show an item, however far past: dated, and not withheld (but for an article a
    freeze lets go online when it ends). What :func:`feeds` shows and what :func:`changes` counts."""
    return item.dated and (item.status != "withheld" or plan.released(item))


def _campaign_key_dates(campaign: Campaign, items: list[Item], entries: dict[str, PostEntry]) -> set[str]:
    """The key dates a campaign refers to: those its ``from``/``until`` are written relative to
    (``until: salon-industrie end``), and those its posts are (``at: salon-industrie -7 days``, a
    variant's ``at``, a repetition's ``from``/``until``, a ``moved:`` day). A key date that merely
    falls within the campaign's dates is another matter (a fair in the middle of a recruiting drive)."""
    named = set(campaign.key_dates)
    for item in items:
        entry = entries.get(item.parent or "") if item.kind == "post" else None
        if entry is None or not made_by(entry, item):  # not a default promotion of a namesake
            continue
        whens = [entry.when, *(v.when for v in entry.variants.values())]
        if entry.recurrence is not None:
            named.update(entry.recurrence.key_dates)
            whens += [moved.when for moved in entry.recurrence.moved]
        named.update(w.key_date for w in whens if w is not None and w.key_date)
    return named


#: Colours for the people's feeds, in order, after those the networks and campaigns use.
_PEOPLE_COLORS = ("darkcyan", "indigo", "olivedrab", "sienna", "darkmagenta", "cadetblue", "chocolate",
                  "darkolivegreen", "mediumvioletred", "darkgoldenrod", "teal", "rosybrown")


def _people_colors(calendar: Calendar) -> dict[str, str]:
    """Each person's feed colour: one no network or campaign feed has, so that subscribed feeds stay
    apart, chosen from the person's id; when two ids choose one colour, the person written first
    under ``team:`` keeps it. A person added at the end leaves everyone else's colour as it was
    (ordered by their ids' hashes, a newcomer took Julien's colour, chocolate, and Julien's feed
    turned teal)."""
    used = {c.lower() for c in (*(n.color for n in calendar.networks.values()),
                                *(c.color for c in calendar.campaigns.values())) if c}
    palette = [color for color in _PEOPLE_COLORS if color not in used] or list(_PEOPLE_COLORS)
    taken: set[str] = set()
    colors = {}
    for person in calendar.team:  # in the order written
        first = zlib.crc32(person.encode()) % len(palette)
        free = [palette[(first + step) % len(palette)] for step in range(len(palette))]
        colors[person] = next((color for color in free if color not in taken), free[0])
        taken.add(colors[person])
    return colors


def feed_links(plan: Plan) -> list[tuple[Feed, str, str | None, str | None]]:
    """Each feed with its path from planning/, and its https and webcal addresses when known: under
    ``planning.url``, else those of its public copy (``feeds: publish:``)."""
    base = plan.feeds_url()
    links = []
    for feed in feeds(plan):
        https = base + feed.path if base else None
        webcal = "webcal://" + https.split("://", 1)[1] if https else None
        links.append((feed, feed.path, https, webcal))
    return links


def changes(plan: Plan, after: dt.datetime) -> list[dt.datetime]:
    """Moments after ``after`` at which the feeds change by themselves, for ``edcal next-change`` when
    they are published: a timed item's start (a post reads "published", or what the log says of it, from
    then on), its reminders' moments (a reminder that has rung is no longer written), a log line's
    moment, and the moments an event, a key date or a freeze enters the feeds (``future:``) and leaves them
    (``past:``), and a freeze's end (its event then says what it withheld in the past). An article going
    online and its deadlines change with it: :func:`edcal.plan.next_change.next_change` names those."""
    calendar = plan.calendar
    reminders = calendar.feeds.reminders
    past, future = calendar.feeds.past, calendar.feeds.future
    found = []
    for item in plan.items:
        start = item.start
        if not _in_feeds(item, plan) or start is None:  # a withheld post's time, reminder, leaving: no change
            continue
        minutes = {reminders[family] for family in _families(item) if family in reminders}
        if item.kind == "idea":  # no reminder (edcal.outputs.ics writes none for an idea)
            minutes = set()
        if isinstance(start, dt.datetime):
            found += [start, *(rings_at(start, dt.timedelta(minutes=m), calendar) for m in minutes)]
        elif minutes:  # all day: nothing changes as its day starts, but its reminder rings the day before
            found.append(rings_at(start, ALL_DAY_REMINDER, calendar))
        if past is not None:
            found.append(_leaves_at(_over_at(start, calendar), calendar, past))
        if future is not None:
            found.append(_begins_at(start, calendar) - future)
        logged = item.posted.at if item.posted is not None else None
        if logged is not None:
            found.append(logged if isinstance(logged, dt.datetime) else start_of_day(logged, calendar.zone))
    # A freeze's event tells what it withheld in the past tense from its end (lifted).
    found += [window.end for window in calendar.freezes if window.end is not None]
    if past is not None:
        found += [_leaves_at(_over_at(key_date.end, calendar), calendar, past)
                  for key_date in calendar.key_dates_in_order()]
        found += [_leaves_at(_over_at(absence.last, calendar), calendar, past)
                  for _person, absence in team_absences(calendar)]
        found += [_leaves_at(window.end, calendar, past)
                  for window in calendar.freezes if window.end is not None]
    if future is not None:
        found += [_begins_at(key_date.start, calendar) - future for key_date in calendar.key_dates_in_order()]
        found += [_begins_at(absence.first, calendar) - future
                  for _person, absence in team_absences(calendar)]
        found += [_begins_at(window.start, calendar) - future for window in calendar.freezes]
    # A log line still to take effect: its moment changes its post's event, or brings back a post a freeze
    # withheld (or a draft) that went out all the same, which the loop above passed over.
    posts = {item.id: item for item in plan.items if item.kind == "post"} if calendar.posted else {}
    for record in calendar.posted or ():
        post = posts.get(record.item)
        at = record.at if record.at is not None else post.start if post is not None else None
        if at is not None:
            found.append(at if isinstance(at, dt.datetime) else start_of_day(at, calendar.zone))
    # In UTC: two times in one zone compare as wall clocks, and 02:30 happens twice as the clocks go back.
    after = after.astimezone(dt.UTC)
    return [moment for moment in found if moment.astimezone(dt.UTC) > after]


def rings_at(start: dt.datetime | dt.date, before: dt.timedelta, calendar: Calendar) -> dt.datetime:
    """When a reminder ``before`` an item's start rings, in UTC: elapsed time, as a client counts TRIGGER's
    duration (RFC 5545, 3.3.6). Subtracted in the site's zone, it was a wall-clock sum: 45 minutes before
    03:30 on the night the clocks go forward was a 02:45 that does not exist, read an hour late. An all-day
    item starts at its day's first instant in the site's zone."""
    first = start if isinstance(start, dt.datetime) else start_of_day(start, calendar.zone)
    return first.astimezone(dt.UTC) - before


def _families(item: Item) -> set[str]:
    """The families of the feeds an item is in (:func:`feeds`), whose reminders it may carry."""
    return {"calendar", "networks" if item.kind == "post" else "blog",
            *(["people"] if item.owner else []), *(["campaigns"] if item.campaign else [])}


#: When an all-day item's reminder rings: the day before, at 09:00 in the subscriber's day.
ALL_DAY_REMINDER = dt.timedelta(hours=15)


def _over_at(start: dt.datetime | dt.date, calendar: Calendar) -> dt.datetime:
    """When an event counts as past for ``feeds: past:``: a timed item at its start; an all-day one
    (a deadline, a key date's last day) at the end of its day in the site's zone, where the next
    day starts."""
    if isinstance(start, dt.datetime):
        return start
    return start_of_day(start + dt.timedelta(days=1), calendar.zone)


def _leaves_at(over: dt.datetime, calendar: Calendar, past: relativedelta) -> dt.datetime:
    """When an event over at ``over`` (:func:`_over_at`) leaves the feeds: ``past`` later on the calendar,
    in the site's zone (3 months after 30 November is 28 February; a day keeps its time of day across a
    change of clocks)."""
    return over.astimezone(calendar.zone) + past


#: Beyond this distance from "now" less `past:`, an event is kept or gone whatever the months' lengths.
_CLEARLY = dt.timedelta(days=7)


def _kept(plan: Plan) -> Callable[[dt.datetime], bool]:
    """Whether an event over at a moment is still in the feeds at ``plan.now``: it leaves them at
    :func:`_leaves_at`, the moment :func:`changes` names. Worked out for the events near the edge only: a
    calendar's sum costs microseconds, and a feed may hold 10,000 events."""
    calendar, past, now = plan.calendar, plan.calendar.feeds.past, plan.now
    if past is None:
        return lambda _over: True
    since = now.astimezone(calendar.zone) - past
    low, high = since - _CLEARLY, since + _CLEARLY
    return lambda over: over > high or (over >= low
                                        and as_instant(_leaves_at(over, calendar, past)) > as_instant(now))


def _begins_at(start: dt.datetime | dt.date, calendar: Calendar) -> dt.datetime:
    """When an event begins, for ``feeds: future:``: a timed item at its start, an all-day one as its first
    day starts in the site's zone; in that zone, so that ``future`` before it counts on the calendar."""
    if isinstance(start, dt.datetime):
        return start.astimezone(calendar.zone)
    return start_of_day(start, calendar.zone)


def _come(plan: Plan) -> Callable[[dt.datetime], bool]:
    """Whether an event beginning at a moment (:func:`_begins_at`) is in the feeds at ``plan.now``: it
    enters them ``future`` before, the moment :func:`changes` names. Worked out near the edge only, as
    :func:`_kept` is."""
    calendar, future, now = plan.calendar, plan.calendar.feeds.future, plan.now
    if future is None:
        return lambda _begins: True
    until = now.astimezone(calendar.zone) + future
    low, high = until - _CLEARLY, until + _CLEARLY
    return lambda begins: begins < low or (begins <= high and as_instant(begins - future) <= as_instant(now))
