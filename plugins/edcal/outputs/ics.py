"""iCalendar feeds that community managers subscribe to (RFC 5545, RFC 7986).

``planning/calendar.ics`` holds every dated item that is not withheld (an
article a freeze holds back is there when the freeze lets it go online);
``calendars/<network>.ics``, ``calendars/blog.ics``,
``calendars/people/<person>.ics`` and ``calendars/campaigns/<campaign>.ics``
hold subsets. The rules the feeds follow (``../shared/reference/ical-feeds.md``):

- one stable UID per item, a UUIDv5 of the site and the item's id, so an edit
  of its text or time, or an entry inserted above it, never duplicates it;
- times in UTC (no VTIMEZONE needed), all-day deadlines as DATE values with an
  exclusive end; no METHOD; DTSTAMP and LAST-MODIFIED are the inputs' revision
  time, never "now": the same input gives the same bytes;
- withheld and removed items are simply absent, which every client
  understands as a deletion on its next poll;
- VEVENT only, VALARM only where a site asks for reminders.
- no calendar UID, although rule 7 asks for one: vdirsyncer took it for every event's (:func:`header`).

Each event is serialised once; a feed is its header's bytes followed by the
bytes of its events. The header is built with the ``icalendar`` library. The
events, 10,000 and more on a big site, are written as content lines by the
few functions at the end of this module (UTC date-times, TEXT escaping,
folding at 75 octets on UTF-8 boundaries): the library's property objects
cost about 25 µs per value, which made feeds of 10,000 posts take 3.5 s
instead of 1 s. Three independent parsers and khal read every feed in the
tests (tests/test_feeds.py).
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dateutil.relativedelta import relativedelta
from icalendar import Calendar as VCalendar
from icalendar import vDuration, vText, vUri

from edcal.i18n import clock_time, long_date, number, say_duration, translator
from edcal.model.calendar import Absence, Calendar, Campaign, KeyDate, Person, PostEntry
from edcal.model.days import as_instant, start_of_day
from edcal.model.plan import Item, Plan, absence_event_id, key_date_event_id, made_by, passed, status_word
from edcal.outputs._files import write_file
from edcal.outputs.context import OutputContext
from edcal.outputs.pages import AGENDA_FOLDER, copy_media, french_title, item_link, shown_title
from edcal.plan.absences import concerns, cover_mark, covers, team_absences
from edcal.plan.report import first_logged_month, log_said, unconfirmed

PRODID = "-//edcal//edcal editorial calendar//EN"
CALENDAR_FILE = "calendar.ics"
FOLDER = "calendars"
_LIMIT = 75
#: The heaviest feed Google Calendar is known to read whole (its help gives 1 MB for an imported file; a
#: subscribed feed beyond it is reported to lose events, silently). Outlook.com publishes no limit.
FEED_LIMIT_BYTES = 1_000_000



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


def feeds(plan: Plan) -> list[Feed]:
    """Every feed of the plan, items in plan order. Empty feeds are kept: a subscription must not break."""
    _ = translator(plan.lang)
    site = plan.site_name or _("Editorial plan")
    calendar = plan.calendar
    # Long past items leave (`feeds: past:`): years of daily posts made feeds of megabytes that Google's
    # fetcher is reported to give up on. Subscribers' apps drop them at their next poll.
    # One rule for events and key dates: kept until `past` after they end (a day ends where the next
    # day starts, in the site's zone); gone at that moment, which `edcal next-change` names (changes()).
    kept = _kept(plan)
    items = [item for item in plan.items
             if _in_feeds(item, plan) and kept(_over_at(item.start, calendar))]  # type: ignore[arg-type]
    key_dates = [k for k in calendar.key_dates_in_order() if kept(_over_at(k.end, calendar))]
    absences = [(person, absence) for person, absence in team_absences(calendar)
                if kept(_over_at(absence.last, calendar))]
    # Its own name first: a calendar app's narrow list shows "LinkedIn · Le blog…", not "Le blog de l'Ate…".
    everything = Feed(CALENDAR_FILE, "calendar", "all", _("Publishing schedule"), "",
                      _("Every post, article and deadline of the editorial plan."), "dimgray", items,
                      key_dates, absences)
    people_colors = _people_colors(calendar)
    found = [everything]
    for network in sorted(calendar.networks.values(), key=lambda n: n.id):
        found.append(Feed(f"{FOLDER}/{network.id}.ics", "networks", network.id, network.name, "",
                          _("Posts planned on {network}.").format(network=network.name), network.color,
                          [i for i in items if i.network == network.id or network.id in i.networks]))
    # An idea for posts (`networks:` on an idea) is its networks' (its date, a wish), not the blog's.
    found.append(Feed(f"{FOLDER}/blog.ics", "blog", "blog", _("Blog"), "",
                      _("Articles going live, and their writing and review deadlines."), "slategray",
                      [i for i in items if i.kind != "post" and not i.networks]))
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
                          [(p, a) for p, a in absences if concerns(p, a, person.id)], stood_in))
    entries = {entry.id: entry for entry in calendar.posts}
    for campaign in sorted(calendar.campaigns.values(), key=lambda c: c.id):
        held = [i for i in items if i.campaign == campaign.id]
        named = _campaign_key_dates(campaign, held, entries)
        found.append(Feed(f"{FOLDER}/campaigns/{campaign.id}.ics", "campaigns", campaign.id,
                          campaign.name, "",
                          _("Posts and articles of the campaign {campaign}.").format(campaign=campaign.name),
                          campaign.color, held, [k for k in key_dates if k.id in named]))
    for feed in found:
        feed.name = f"{feed.label} · {site}"
    return found


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


#: The copies ``feeds: publish:`` puts into the public site, when they differ from the team's feeds:
#: staged in planning/ and moved out by :func:`edcal.outputs.publish_into`.
PUBLISHED_FEEDS = ".edcal-published-feeds"


def write(context: OutputContext, folder: Path) -> list[str]:
    """Write every feed under ``folder``; each event is serialised once (twice with images when the
    feeds are published alone: see :data:`PUBLISHED_FEEDS`)."""
    plan = context.plan
    found = feeds(plan)
    events = EventWriter(plan, image_addresses(context, folder, found[0].items))
    for feed in found:
        write_file(folder / feed.path, serialise(feed, plan, events))
    calendar = plan.calendar
    if not calendar.feeds.publish:
        return []
    # Published without the planning site (`feeds: publish:` alone copies the .ics files, not media/): the
    # public copies give the images' paths; the team's feeds keep their addresses.
    paths = bool(events.images) and not calendar.planning.publish
    if paths or plan.public_feeds_url() != plan.feeds_url():  # its SOURCE: where it is refreshed from
        public = EventWriter(plan, shared=events) if paths else events
        for feed in found:
            write_file(folder / PUBLISHED_FEEDS / feed.path, serialise(feed, plan, public, published=True))
    return []


def image_addresses(context: OutputContext, folder: Path, items: list[Item]) -> dict[str, str]:
    """Each image of the feeds' posts at its full address, where a phone can open it: copied into
    planning/media/ and served under ``planning.url``. None without a planning site: the descriptions
    keep the images' paths."""
    base = context.plan.planning_site_url()
    if not base:
        return {}
    shown = (path for item in items for media in item.media for path in media.files())
    copied = copy_media(dict.fromkeys(shown), context, folder)
    return {path: local if "://" in local else base + local for path, local in copied.items()}


def serialise(feed: Feed, plan: Plan, events: EventWriter, published: bool = False) -> bytes:
    """The feed's bytes; ``published``: its copy in the public site (``feeds: publish:``), whose SOURCE
    is its public address."""
    minutes = plan.calendar.feeds.reminders.get(feed.family)
    # The calendar was revised when its latest event was: an item gone out since the commit is later.
    latest = max((events.revised_at(item, minutes) for item in feed.items), default=events.generated_at)
    head = header(feed, plan, latest, plan.public_feeds_url() if published else plan.feeds_url())
    # Only the whole plan colours its events, by network: a client that honours an event's COLOR (ICSx⁵,
    # Evolution) showed a person's or a campaign's feed in the networks' colours, not in its own.
    colored = feed.family == "calendar"
    stood_in = feed.stood_in
    body = b"".join(events.event(item, minutes, colored, stood_in.get(item.id)) for item in feed.items)
    body += b"".join(events.key_date(key_date) for key_date in feed.key_dates)
    body += b"".join(events.absence(person, absence) for person, absence in feed.absences)
    return head + (body or EMPTY_BODY) + b"END:VCALENDAR\r\n"


def header(feed: Feed, plan: Plan, last_modified: dt.datetime, source: str | None) -> bytes:
    """The VCALENDAR properties (RFC 5545 and 7986, with the X-WR- names older clients read); ``source``:
    the address of the folder the feed is served from (SOURCE: where a client refreshes it from)."""
    settings = plan.calendar.feeds
    refresh = dt.timedelta(minutes=settings.refresh)
    cal = VCalendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    # No calendar UID (RFC 7986 allows one): vdirsyncer names each event after the first UID line of
    # the file it writes for it, header included, and kept one event of a whole feed.
    # TEXT values: icalendar does not know the X-WR- names and would write them unescaped.
    cal.add("NAME", vText(feed.name))
    cal.add("X-WR-CALNAME", vText(feed.name))
    cal.add("DESCRIPTION", vText(feed.description))
    cal.add("X-WR-CALDESC", vText(feed.description))
    if feed.color:
        cal.add("COLOR", feed.color)
    cal.add("LAST-MODIFIED", max(last_modified, plan.generated_at).astimezone(dt.UTC))
    cal.add("REFRESH-INTERVAL", vDuration(refresh), parameters={"VALUE": "DURATION"})
    cal.add("X-PUBLISHED-TTL", vDuration(refresh))
    if source:  # the public copies' own address: a public subscriber cannot refresh from a private host
        cal.add("SOURCE", vUri(source + feed.path), parameters={"VALUE": "URI"})
    site = plan.planning_site_url()
    if site:
        cal.add("URL", vUri(site + "index.html"), parameters={"VALUE": "URI"})
    text = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert text.endswith(end)
    return text[: -len(end)]


def namespace(plan: Plan) -> uuid.UUID:
    """The UUIDv5 namespace of a site: its name, so UIDs do not depend on where it is built."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"edcal:{plan.site_name}")


def changes(plan: Plan, after: dt.datetime) -> list[dt.datetime]:
    """Moments after ``after`` at which the feeds change by themselves, for ``edcal next-change`` when
    they are published: a timed item's start (a post reads "published", or what the log says of it, from
    then on), its reminders' moments (a reminder that has rung is no longer written), a log line's
    moment, and the moment an event or a key date leaves the feeds (``past:``). An article going online
    and its deadlines change with it: :func:`edcal.plan.next_change.next_change` names those."""
    calendar = plan.calendar
    reminders = calendar.feeds.reminders
    past = calendar.feeds.past
    found = []
    for item in plan.items:
        start = item.start
        if not _in_feeds(item, plan) or start is None:  # a withheld post's time, reminder, leaving: no change
            continue
        minutes = {reminders[family] for family in _families(item) if family in reminders}
        if item.kind == "idea":  # no reminder (_reminder)
            minutes = set()
        if isinstance(start, dt.datetime):
            found += [start, *(_rings_at(start, dt.timedelta(minutes=m), calendar) for m in minutes)]
        elif minutes:  # all day: nothing changes as its day starts, but its reminder rings the day before
            found.append(_rings_at(start, ALL_DAY_REMINDER, calendar))
        if past is not None:
            found.append(_leaves_at(_over_at(start, calendar), calendar, past))
        logged = item.posted.at if item.posted is not None else None
        if logged is not None:
            found.append(logged if isinstance(logged, dt.datetime) else start_of_day(logged, calendar.zone))
    if past is not None:
        found += [_leaves_at(_over_at(key_date.end, calendar), calendar, past)
                  for key_date in calendar.key_dates_in_order()]
        found += [_leaves_at(_over_at(absence.last, calendar), calendar, past)
                  for _person, absence in team_absences(calendar)]
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


def _rings_at(start: dt.datetime | dt.date, before: dt.timedelta, calendar: Calendar) -> dt.datetime:
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


def _reminder(item: Item, reminder: int | None) -> int | None:
    """The feed's reminder, but for an idea: its date is a wish for the article, not a task due that day
    (its own deadlines, "Remise du texte", ring)."""
    return None if item.kind == "idea" else reminder


#: When an all-day item's reminder rings: the day before, at 09:00 in the subscriber's day.
ALL_DAY_REMINDER = dt.timedelta(hours=15)


class EventWriter:
    """Serialises each item's VEVENT once, and its alarm block once per reminder delay."""

    def __init__(self, plan: Plan, images: dict[str, str] | None = None,
                 shared: EventWriter | None = None) -> None:
        self.plan = plan
        #: An image's full address by its path (:func:`image_addresses`); an image not there keeps its path.
        self.images = images or {}
        #: A writer whose events this one takes as they are, but for those showing an image's address.
        self.shared = shared
        self._ = translator(plan.lang)
        self.namespace = namespace(plan)
        #: The planning site's address, for each item's link to its agenda page (Plan.planning_site_url).
        self.planning = plan.planning_site_url()
        self.generated_at = plan.generated_at.astimezone(dt.UTC)
        self.stamp = f"{self.generated_at:%Y%m%dT%H%M%SZ}"
        self.duration = dt.timedelta(minutes=plan.calendar.feeds.duration)
        self._bodies: dict[tuple[str, dt.datetime, str | None], bytes] = {}
        self._alarms: dict[tuple[str, int, str | None], bytes] = {}
        self._items: dict[str, Item] | None = None
        self.log_start = first_logged_month(plan)

    def event(self, item: Item, reminder: int | None = None, colored: bool = False,
              stood_in: str | None = None) -> bytes:
        """The item's VEVENT, with its network's colour when ``colored`` (the whole plan's feed);
        ``stood_in``: the name of its owner, away, in the feed of who stands in ("[for Malik Haddad] …")."""
        shared = self.shared
        shown = (path for media in item.media for path in media.files())
        if shared is not None and not any(path in shared.images for path in shown):
            return shared.event(item, reminder, colored, stood_in)
        reminder = _reminder(item, reminder)
        revision = self.revised_at(item, reminder)
        body = self._bodies.get((item.id, revision, stood_in))
        if body is None:
            body = self._bodies[item.id, revision, stood_in] = self._body(item, revision, stood_in)
        if colored:
            body += self._color(item)
        if reminder is None or self._rang(item, reminder):  # it would ring as "missed" on subscribing
            return body + b"END:VEVENT\r\n"
        key = (item.id, reminder, stood_in)
        alarm = self._alarms.get(key)
        if alarm is None:  # the reminder says what the event says: the one line a phone shows
            alarm = self._alarms[key] = _lines([
                "BEGIN:VALARM", "ACTION:DISPLAY",
                f"TRIGGER:-{vDuration(self._before(item, reminder)).to_ical().decode()}",
                f"DESCRIPTION:{_text(self._title(item, stood_in))}", "END:VALARM",
            ])
        return body + alarm + b"END:VEVENT\r\n"

    def _color(self, item: Item) -> bytes:
        """``COLOR:`` of the item's network (RFC 7986), as the planning page's legend colours it; none for
        an article or a deadline (the feed's own colour)."""
        network = self.plan.calendar.networks.get(item.network or "")
        return f"COLOR:{network.color}\r\n".encode() if network is not None and network.color else b""

    def key_date(self, key_date: KeyDate) -> bytes:
        """A key date as an all-day event over its days, without an alarm: a fair is not a task."""
        _ = self._
        lines = [f"{key_date.description}", ""] if key_date.description else []
        lines.append(f"{_('Source:')} {key_date.source.path}")
        return _lines([
            "BEGIN:VEVENT",
            f"UID:{uuid.uuid5(self.namespace, key_date_event_id(key_date.id))}",
            f"DTSTAMP:{self.stamp}",
            f"LAST-MODIFIED:{self.stamp}",
            f"DTSTART;VALUE=DATE:{key_date.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{key_date.end + dt.timedelta(days=1):%Y%m%d}",
            "TRANSP:TRANSPARENT",
            "STATUS:CONFIRMED",
            f"SUMMARY:{_text('◆ ' + french_title(key_date.name, self.plan.lang))}",
            f"DESCRIPTION:{_text(chr(10).join(lines))}",
            f"CATEGORIES:{_text(_('Key date'))}",
            "END:VEVENT",
        ])

    def absence(self, person: Person, absence: Absence) -> bytes:
        """An absence as an all-day event over its days, free time (it blocks nothing), without an alarm:
        "Absence: Malik Haddad (Congés)", its description naming who stands in."""
        _ = self._
        title = _("Absence: {person}").format(person=person.name)
        if absence.reason:
            title += f" ({absence.reason})"
        stand_in = self.plan.calendar.team.get(absence.stand_in or "")
        lines = [_("Stands in: {person}").format(person=stand_in.name) if stand_in is not None
                 else _("Nobody stands in for them (`stand_in:`)."),
                 f"{_('Source:')} {absence.source.path}"]
        return _lines([
            "BEGIN:VEVENT",
            f"UID:{uuid.uuid5(self.namespace, absence_event_id(person.id, absence.first))}",
            f"DTSTAMP:{self.stamp}",
            f"LAST-MODIFIED:{self.stamp}",
            f"DTSTART;VALUE=DATE:{absence.first:%Y%m%d}",
            f"DTEND;VALUE=DATE:{absence.last + dt.timedelta(days=1):%Y%m%d}",
            "TRANSP:TRANSPARENT",
            "STATUS:CONFIRMED",
            f"SUMMARY:{_text(french_title(title, self.plan.lang))}",
            f"DESCRIPTION:{_text(chr(10).join(lines))}",
            f"CATEGORIES:{_text(_('Absence'))}",
            "END:VEVENT",
        ])

    @staticmethod
    def _before(item: Item, reminder: int) -> dt.timedelta:
        """How long before its start an item's reminder rings. A deadline (all day) rings the day before
        at 09:00: "minutes before" midnight is no time to be reminded of a text to hand in."""
        return dt.timedelta(minutes=reminder) if isinstance(item.start, dt.datetime) else ALL_DAY_REMINDER

    def _trigger(self, item: Item, reminder: int) -> dt.datetime:
        """When the item's reminder rings, in UTC (:func:`_rings_at`)."""
        assert item.start is not None
        return _rings_at(item.start, self._before(item, reminder), self.plan.calendar)

    def _rang(self, item: Item, reminder: int) -> bool:
        """Whether the reminder's moment has come (the item's start too, then): written, it would ring
        as "missed" on subscribing."""
        return self._trigger(item, reminder) <= self.plan.now

    def summary(self, item: Item) -> str:
        """What a month view shows: ``[LinkedIn] Salon Industrie : J-7``, with a no-break space before
        the colon in a French title (:func:`~edcal.outputs.pages.shown_title`)."""
        _ = self._
        title = shown_title(item, self.plan)
        networks = self.plan.calendar.networks
        if item.kind == "post":
            network = networks.get(item.network or "")
            label = f"[{network.name if network else item.network}] {title}"
        elif item.networks:  # an idea for posts: its networks', not the blog's
            label = f"[{', '.join(networks[n].name if n in networks else n for n in item.networks)}] {title}"
        else:
            label = f"[{_('Blog')}] {title}"
        if item.skipped is not None:  # the log says it did not go out (a draft too): seen in a month view
            label += f" ({_('skipped')})"
        elif item.status in ("idea", "writing", "review", "draft"):
            label += f" ({_(status_word(item.kind, item.status, passed(item, self.plan.now)))})"
        return label

    def description(self, item: Item) -> str:
        _ = self._
        calendar = self.plan.calendar
        lines: list[str] = []
        if item.cw:  # first, as the network shows it: the text folded under it
            lines.append(f"{_('Content warning:')} {item.cw}")
        if item.text:
            lines += [item.pasted, ""]  # what to paste: a link the network shows shortened is whole here
        elif item.kind == "article":
            article = self.plan.article_of(item)
            if article and article.summary:
                lines += [article.summary, ""]
        if item.first_comment:  # pasted as a comment once the post is out
            lines += [_("First comment:"), item.first_comment, ""]
        if item.poll is not None:  # its answers go in the network's poll fields, not in the text
            poll = item.poll
            lines += [f"{_('Poll:')} {poll.question}" if poll.question else _("Poll:"),
                      *(f"- {option}" for option in poll.options),
                      f"{_('Open for:')} {say_duration(poll.minutes).translated(_)}", ""]
        if item.note:  # for whoever posts it: never posted
            lines += [f"{_('Note for whoever posts it:')} {item.note}", ""]
        for place, reply in enumerate(item.thread, start=1):  # posted as replies, in order, once it is out
            lines += [_("Thread, reply {number}:").format(number=place), reply.pasted, ""]
        if item.url:
            lines.append(f"{_('Link:')} {item.url}")
        if item.network:
            network = calendar.networks.get(item.network)
            if network:
                account = f" ({network.account})" if network.account else ""
                lines.append(f"{_('Network:')} {network.name}{account}")
        if item.media:
            for media in item.media:
                alt = f" — {_('Alt text:')} {media.alt}" if media.alt else ""
                address = self.images.get(media.path, media.path)
                lines.append(f"{_('Video:') if media.is_video else _('Image:')} {address}{alt}")
                if media.cover:
                    lines.append(f"{_('Cover:')} {self.images.get(media.cover, media.cover)}")
                if media.subtitles:
                    lines.append(f"{_('Subtitles:')} {self.images.get(media.subtitles, media.subtitles)}")
        if item.owner:
            person = calendar.team.get(item.owner)
            lines.append(f"{_('Owner:')} {person.name if person else item.owner}")
        if item.campaign:
            campaign = calendar.campaigns.get(item.campaign)
            lines.append(f"{_('Campaign:')} {campaign.name if campaign else item.campaign}")
        status = (_("online after the freeze") if self.plan.released(item)
                  else _("skipped") if item.skipped is not None  # "published" says only that its time passed
                  else _(status_word(item.kind, item.status, passed(item, self.plan.now))))
        lines.append(f"{_('Status:')} {status}")
        logged = self._logged(item)
        if logged:
            lines.append(logged)
        # The file, not its line: one entry added above would otherwise revise every event below it.
        lines.append(f"{_('Source:')} {item.source.path}")
        if item.length is not None and item.limit is not None:
            lang = self.plan.lang  # "157 / 5,000", "157 / 5 000": as the drafts page writes it
            lines.append(f"{_('Length:')} {number(item.length, lang)} / {number(item.limit, lang)}")
        base = self.planning
        if base:  # URL: is not shown by Google Calendar or Outlook
            lines.append(f"{_('In the plan:')} {base}{item_link(AGENDA_FOLDER, item, self.plan)}")
        return "\n".join(lines)

    def _logged(self, item: Item) -> str | None:
        """What the log of what went out says of a post whose time has passed: gone out (when, its address
        on the network), skipped, or not confirmed; None where there is no log to go by."""
        _ = self._
        posted = item.posted
        if posted is not None:
            at, lang = posted.at, self.plan.lang
            if isinstance(at, dt.datetime):
                local = at.astimezone(self.plan.calendar.zone)
                when = f"{long_date(local.date(), lang)}, {clock_time(local, lang)}"
            else:
                when = long_date(at, lang)
            return f"{_('Gone out, as the log says:')} {when}" + (f" · {posted.url}" if posted.url else "")
        said = log_said(item, self.plan, self.log_start)
        if said == "skipped":
            # Without the log's line, as the event's source: a line added above would revise the event.
            return _("Skipped: the log of what went out says it did not go out.")
        if said == "unconfirmed":
            return _("Not confirmed: the log of what went out does not name it.")
        return None

    def revised_at(self, item: Item, reminder: int | None = None) -> dt.datetime:
        """When the event last changed: the inputs' time, or a later moment the event changed at by
        itself: when it went out (it reads "published" from then on; a deadline when its article
        did), or, in a feed with reminders, when its reminder rang and left it.

        RFC 5545: with no METHOD, DTSTAMP is the last revision. It stays reproducible: it depends on
        the inputs and "now" only.
        """
        reminder = _reminder(item, reminder)
        moments = [self.generated_at]
        went_out = self._went_out(item)
        if went_out is not None:
            moments.append(went_out)
        if item.posted is not None or item.skipped is not None:  # a line takes effect at its moment
            at = item.posted.at if item.posted is not None else item.start  # (a day: at its start)
            assert at is not None
            taken = at if isinstance(at, dt.datetime) else start_of_day(at, self.plan.calendar.zone)
            moments.append(taken.astimezone(dt.UTC))
        elif isinstance(item.start, dt.datetime) and unconfirmed(item, self.plan, self.log_start):
            moments.append(item.start.astimezone(dt.UTC))  # "not confirmed" from its time on (a draft: held)
        if reminder is not None and self._rang(item, reminder):
            moments.append(self._trigger(item, reminder).astimezone(dt.UTC))
        return max(moments)

    def _went_out(self, item: Item) -> dt.datetime | None:
        if item.status != "published":
            return None
        if item.kind == "deadline":  # it takes its article's status: it changed when the article went out
            if self._items is None:
                self._items = {other.id: other for other in self.plan.items}
            parent = self._items.get(item.parent or "")
            start = parent.start if parent is not None else None
        else:
            start = item.start
        return start.astimezone(dt.UTC) if isinstance(start, dt.datetime) else None

    def _title(self, item: Item, stood_in: str | None) -> str:
        """The event's SUMMARY and its reminder's text: :meth:`summary`, and in the feed of who stands in
        for its owner, away, for whom they post it ("[for Malik Haddad] [LinkedIn] …")."""
        summary = self.summary(item)
        if stood_in is None:
            return summary
        return f"{french_title(cover_mark(stood_in, self.plan.lang), self.plan.lang)} {summary}"

    def _body(self, item: Item, revision: dt.datetime, stood_in: str | None = None) -> bytes:
        calendar = self.plan.calendar
        start = item.start
        stamp = self.stamp if revision == self.generated_at else f"{revision:%Y%m%dT%H%M%SZ}"
        lines = [
            "BEGIN:VEVENT",
            f"UID:{uuid.uuid5(self.namespace, item.id)}",
            f"DTSTAMP:{stamp}",
            f"LAST-MODIFIED:{stamp}",
        ]
        if isinstance(start, dt.datetime):
            begin = start.astimezone(dt.UTC)
            lines.append(f"DTSTART:{begin:%Y%m%dT%H%M%SZ}")
            lines.append(f"DTEND:{begin + self.duration:%Y%m%dT%H%M%SZ}")
        else:
            assert isinstance(start, dt.date)
            lines.append(f"DTSTART;VALUE=DATE:{start:%Y%m%d}")
            lines.append(f"DTEND;VALUE=DATE:{start + dt.timedelta(days=1):%Y%m%d}")
        lines.append("TRANSP:TRANSPARENT")
        confirmed = item.status in ("scheduled", "published") or self.plan.released(item)
        if item.skipped is not None:  # the log says it did not go out (its title says "cancelled")
            lines.append("STATUS:CANCELLED")
        else:
            lines.append(f"STATUS:{'CONFIRMED' if confirmed else 'TENTATIVE'}")
        lines.append(f"SUMMARY:{_text(self._title(item, stood_in))}")
        lines.append(f"DESCRIPTION:{_text(self.description(item))}")
        categories = []
        if item.network and item.network in calendar.networks:
            categories.append(calendar.networks[item.network].name)
        elif item.kind != "post":
            categories.append(self._("Blog"))
        if item.campaign and item.campaign in calendar.campaigns:
            categories.append(calendar.campaigns[item.campaign].name)
        if categories:
            lines.append("CATEGORIES:" + ",".join(_text(c) for c in categories))
        base = self.planning
        if base:
            lines.append(f"URL;VALUE=URI:{base}{item_link(AGENDA_FOLDER, item, self.plan)}")
        return _lines(lines)


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


def _text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, ``;`` and ``,`` escaped, line breaks as ``\\n``."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _lines(lines: Iterable[str]) -> bytes:
    return b"".join(fold(line.encode()) + b"\r\n" for line in lines)


def fold(line: bytes, limit: int = _LIMIT) -> bytes:
    """Fold a content line at ``limit`` octets, never inside a UTF-8 sequence or a ``\\`` escape.

    Continuation lines start with a space, which counts in their 75 octets.
    """
    if len(line) <= limit:
        return line
    parts: list[bytes] = []
    start = 0
    width = limit
    while len(line) - start > width:
        cut = start + width
        while line[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: move back to the character's start
            cut -= 1
        if line[cut - 1] == 0x5C and _escaped(line, cut - 1):  # keep "\n", "\;" and "\," whole
            cut -= 1
        parts.append(line[start:cut])
        start = cut
        width = limit - 1
    parts.append(line[start:])
    return b"\r\n ".join(parts)


def _escaped(line: bytes, index: int) -> bool:
    """True when the backslash at ``index`` starts an escape (an even run of backslashes before it)."""
    run = 0
    while index - run - 1 >= 0 and line[index - run - 1] == 0x5C:
        run += 1
    return run % 2 == 0


def heavy_feeds(folder: Path, paths: Iterable[str]) -> dict[str, tuple[float, int]]:
    """The feeds written under ``folder`` heavier than :data:`FEED_LIMIT_BYTES`: each path's size in MB
    (rounded up to a tenth) and its events."""
    heavy = {}
    for path in paths:
        try:
            size = (folder / path).stat().st_size
        except OSError:
            continue
        if size > FEED_LIMIT_BYTES:
            events = (folder / path).read_bytes().count(b"BEGIN:VEVENT")
            heavy[path] = (math.ceil(size / 100_000) / 10, events)
    return heavy


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


#: The one component of a feed with no event (RFC 5545 3.6: a calendar holds one at least; strict
#: validators and some clients refuse an empty one): UTC's time zone, which the events' times are in.
EMPTY_BODY = _lines(["BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                     "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "TZNAME:UTC", "END:STANDARD", "END:VTIMEZONE"])
