"""iCalendar feeds that community managers subscribe to (RFC 5545, RFC 7986).

``planning/calendar.ics`` holds every dated item that is not withheld;
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
import uuid
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from icalendar import Calendar as VCalendar
from icalendar import vDuration, vText, vUri

from edcal.i18n import translator
from edcal.model.calendar import Calendar, KeyDate
from edcal.model.plan import Item, Plan
from edcal.outputs._files import write_file
from edcal.outputs.context import OutputContext
from edcal.outputs.pages import AGENDA_FOLDER, item_link

PRODID = "-//edcal//edcal editorial calendar//EN"
CALENDAR_FILE = "calendar.ics"
FOLDER = "calendars"
_LIMIT = 75



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


def feeds(plan: Plan) -> list[Feed]:
    """Every feed of the plan, items in plan order. Empty feeds are kept: a subscription must not break."""
    _ = translator(plan.lang)
    site = plan.site_name or _("Editorial plan")
    calendar = plan.calendar
    past = calendar.feeds.past_days
    # Long past items leave (`feeds: past:`): years of daily posts made feeds of megabytes that Google's
    # fetcher is reported to give up on. Subscribers' apps drop them at their next poll.
    since = plan.now - dt.timedelta(days=past) if past is not None else None
    items = [item for item in plan.items if item.dated and item.status != "withheld"
             and (since is None or _last_day(item) >= since)]
    key_dates = [k for k in calendar.key_dates_in_order()
                 if since is None or dt.datetime.combine(k.end, dt.time(23, 59), dt.UTC) >= since]
    # Its own name first: a calendar app's narrow list shows "LinkedIn · Le blog…", not "Le blog de l'Ate…".
    everything = Feed(CALENDAR_FILE, "calendar", "all", _("Publishing schedule"), "",
                      _("Every post, article and deadline of the editorial plan."), "dimgray", items,
                      key_dates)
    people_colors = _people_colors(calendar)
    found = [everything]
    for network in sorted(calendar.networks.values(), key=lambda n: n.id):
        found.append(Feed(f"{FOLDER}/{network.id}.ics", "networks", network.id, network.name, "",
                          _("Posts planned on {network}.").format(network=network.name), network.color,
                          [i for i in items if i.network == network.id]))
    found.append(Feed(f"{FOLDER}/blog.ics", "blog", "blog", _("Blog"), "",
                      _("Articles going live, and their writing and review deadlines."), "slategray",
                      [i for i in items if i.kind != "post"]))
    for person in sorted(calendar.team.values(), key=lambda p: p.id):
        found.append(Feed(f"{FOLDER}/people/{person.id}.ics", "people", person.id, person.name, "",
                          _("What {person} owns in the editorial plan.").format(person=person.name),
                          people_colors[person.id],
                          [i for i in items if i.owner == person.id]))
    for campaign in sorted(calendar.campaigns.values(), key=lambda c: c.id):
        found.append(Feed(f"{FOLDER}/campaigns/{campaign.id}.ics", "campaigns", campaign.id,
                          campaign.name, "",
                          _("Posts and articles of the campaign {campaign}.").format(campaign=campaign.name),
                          campaign.color, [i for i in items if i.campaign == campaign.id]))
    for feed in found:
        feed.name = f"{feed.label} · {site}"
    return found


#: Colours for the people's feeds, in order, after those the networks and campaigns use.
_PEOPLE_COLORS = ("darkcyan", "indigo", "olivedrab", "sienna", "darkmagenta", "cadetblue", "chocolate",
                  "darkolivegreen", "mediumvioletred", "darkgoldenrod", "teal", "rosybrown")


def _people_colors(calendar: Calendar) -> dict[str, str]:
    """Each person's feed colour: one no network or campaign feed has, so that subscribed feeds stay
    apart, chosen from the person's id. Adding a person left everyone else's colour as it was (it
    followed their order before, and Malik's feed turned from olivedrab to sienna)."""
    used = {c.lower() for c in (*(n.color for n in calendar.networks.values()),
                                *(c.color for c in calendar.campaigns.values())) if c}
    palette = [color for color in _PEOPLE_COLORS if color not in used] or list(_PEOPLE_COLORS)
    taken: set[str] = set()
    colors = {}
    for person in sorted(calendar.team, key=lambda i: (zlib.crc32(i.encode()), i)):
        first = zlib.crc32(person.encode()) % len(palette)
        free = [palette[(first + step) % len(palette)] for step in range(len(palette))]
        colors[person] = next((color for color in free if color not in taken), free[0])
        taken.add(colors[person])
    return colors


def write(context: OutputContext, folder: Path) -> list[str]:
    """Write every feed under ``folder``; each event is serialised once."""
    plan = context.plan
    events = EventWriter(plan)
    for feed in feeds(plan):
        write_file(folder / feed.path, serialise(feed, plan, events))
    return []


def serialise(feed: Feed, plan: Plan, events: EventWriter) -> bytes:
    minutes = plan.calendar.feeds.reminders.get(feed.family)
    # The calendar was revised when its latest event was: an item gone out since the commit is later.
    latest = max((events.revised_at(item) for item in feed.items), default=events.generated_at)
    head = header(feed, plan, latest)
    body = b"".join(events.event(item, minutes) for item in feed.items)
    body += b"".join(events.key_date(key_date) for key_date in feed.key_dates)
    return head + body + b"END:VCALENDAR\r\n"


def header(feed: Feed, plan: Plan, last_modified: dt.datetime) -> bytes:
    """The VCALENDAR properties (RFC 5545 and 7986, with the X-WR- names older clients read)."""
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
    base = plan.calendar.planning.url
    if base:
        cal.add("SOURCE", vUri(base + feed.path), parameters={"VALUE": "URI"})
        cal.add("URL", vUri(base + "index.html"), parameters={"VALUE": "URI"})
    text = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert text.endswith(end)
    return text[: -len(end)]


def namespace(plan: Plan) -> uuid.UUID:
    """The UUIDv5 namespace of a site: its name, so UIDs do not depend on where it is built."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"edcal:{plan.site_name}")


#: When an all-day item's reminder rings: the day before, at 09:00 in the subscriber's day.
ALL_DAY_REMINDER = dt.timedelta(hours=15)


class EventWriter:
    """Serialises each item's VEVENT once, and its alarm block once per reminder delay."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._ = translator(plan.lang)
        self.namespace = namespace(plan)
        self.generated_at = plan.generated_at.astimezone(dt.UTC)
        self.stamp = f"{self.generated_at:%Y%m%dT%H%M%SZ}"
        self.duration = dt.timedelta(minutes=plan.calendar.feeds.duration)
        self._bodies: dict[str, bytes] = {}
        self._alarms: dict[tuple[str, int], bytes] = {}

    def event(self, item: Item, reminder: int | None = None) -> bytes:
        body = self._bodies.get(item.id)
        if body is None:
            body = self._bodies[item.id] = self._body(item)
        if reminder is None or self._past(item):  # a past item's alarm would ring as "missed" on subscribing
            return body + b"END:VEVENT\r\n"
        key = (item.id, reminder)
        alarm = self._alarms.get(key)
        if alarm is None:
            # A deadline (all day) rings the day before at 09:00: "minutes before" midnight is no time to
            # be reminded of a text to hand in.
            timed = isinstance(item.start, dt.datetime)
            before = dt.timedelta(minutes=reminder) if timed else ALL_DAY_REMINDER
            alarm = self._alarms[key] = _lines([
                "BEGIN:VALARM", "ACTION:DISPLAY",
                f"TRIGGER:-{vDuration(before).to_ical().decode()}",
                f"DESCRIPTION:{_text(self.summary(item))}", "END:VALARM",
            ])
        return body + alarm + b"END:VEVENT\r\n"

    def key_date(self, key_date: KeyDate) -> bytes:
        """A key date as an all-day event over its days, without an alarm: a fair is not a task."""
        _ = self._
        lines = [f"{key_date.description}", ""] if key_date.description else []
        lines.append(f"{_('Source:')} {key_date.source.path}")
        return _lines([
            "BEGIN:VEVENT",
            f"UID:{uuid.uuid5(self.namespace, 'key-date-' + key_date.id)}",
            f"DTSTAMP:{self.stamp}",
            f"LAST-MODIFIED:{self.stamp}",
            f"DTSTART;VALUE=DATE:{key_date.start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{key_date.end + dt.timedelta(days=1):%Y%m%d}",
            "TRANSP:TRANSPARENT",
            "STATUS:CONFIRMED",
            f"SUMMARY:{_text('◆ ' + key_date.name)}",
            f"DESCRIPTION:{_text(chr(10).join(lines))}",
            f"CATEGORIES:{_text(_('Key date'))}",
            "END:VEVENT",
        ])

    def _past(self, item: Item) -> bool:
        start = item.start
        if isinstance(start, dt.datetime):
            return start <= self.plan.now
        return start is not None and start <= self.plan.now.astimezone(self.plan.calendar.zone).date()

    def summary(self, item: Item) -> str:
        """What a month view shows: ``[LinkedIn] Salon Industrie : J-7``."""
        _ = self._
        if item.kind == "post":
            network = self.plan.calendar.networks.get(item.network or "")
            label = f"[{network.name if network else item.network}] {item.title}"
        else:
            label = f"[{_('Blog')}] {item.title}"
        if item.status in ("idea", "writing", "review", "draft"):
            label += f" ({_(item.status)})"
        return label

    def description(self, item: Item) -> str:
        _ = self._
        calendar = self.plan.calendar
        lines: list[str] = []
        if item.text:
            lines += [item.pasted, ""]  # what to paste: a link the network shows shortened is whole here
        elif item.kind == "article":
            article = self.plan.article_of(item)
            if article and article.summary:
                lines += [article.summary, ""]
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
                lines.append(f"{_('Image:')} {media.path}{alt}")
        if item.owner:
            person = calendar.team.get(item.owner)
            lines.append(f"{_('Owner:')} {person.name if person else item.owner}")
        if item.campaign:
            campaign = calendar.campaigns.get(item.campaign)
            lines.append(f"{_('Campaign:')} {campaign.name if campaign else item.campaign}")
        lines.append(f"{_('Status:')} {_(item.status)}")
        # The file, not its line: one entry added above would otherwise revise every event below it.
        lines.append(f"{_('Source:')} {item.source.path}")
        if item.length is not None and item.limit is not None:
            lines.append(f"{_('Length:')} {item.length} / {item.limit}")
        base = calendar.planning.url
        if base:  # URL: is not shown by Google Calendar or Outlook
            lines.append(f"{_('In the plan:')} {base}{item_link(AGENDA_FOLDER, item, self.plan)}")
        return "\n".join(lines)

    def revised(self, item: Item) -> str:
        """:meth:`revised_at` as DTSTAMP and LAST-MODIFIED write it."""
        moment = self.revised_at(item)
        return self.stamp if moment == self.generated_at else f"{moment:%Y%m%dT%H%M%SZ}"

    def revised_at(self, item: Item) -> dt.datetime:
        """When the event last changed: the inputs' time, or the moment it went out if later.

        An item published since the last commit reads "published" from then on
        (RFC 5545: with no METHOD, DTSTAMP is the last revision), and stays
        reproducible: it depends on the inputs and "now" only.
        """
        start = item.start
        if item.status == "published" and isinstance(start, dt.datetime):
            moment = start.astimezone(dt.UTC)
            if moment > self.generated_at:
                return moment
        return self.generated_at

    def _body(self, item: Item) -> bytes:
        calendar = self.plan.calendar
        start = item.start
        lines = [
            "BEGIN:VEVENT",
            f"UID:{uuid.uuid5(self.namespace, item.id)}",
            f"DTSTAMP:{self.revised(item)}",
            f"LAST-MODIFIED:{self.revised(item)}",
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
        lines.append(f"STATUS:{'CONFIRMED' if item.status in ('scheduled', 'published') else 'TENTATIVE'}")
        lines.append(f"SUMMARY:{_text(self.summary(item))}")
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
        color = calendar.networks[item.network].color if item.network in calendar.networks else None
        if color:
            lines.append(f"COLOR:{color}")
        base = calendar.planning.url
        if base:
            lines.append(f"URL;VALUE=URI:{base}{item_link(AGENDA_FOLDER, item, self.plan)}")
        return _lines(lines)


def _last_day(item: Item) -> dt.datetime:
    """When an item is over, as an instant (a deadline's day ends at midnight UTC: close enough to cut)."""
    start = item.start
    if isinstance(start, dt.datetime):
        return start
    return dt.datetime.combine(start + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)  # type: ignore[operator]


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


def feed_links(plan: Plan) -> list[tuple[Feed, str, str | None, str | None]]:
    """Each feed with its path from planning/, and its https and webcal addresses when planning.url is set."""
    base = plan.calendar.planning.url
    links = []
    for feed in feeds(plan):
        https = base + feed.path if base else None
        webcal = "webcal://" + https.split("://", 1)[1] if https else None
        links.append((feed, feed.path, https, webcal))
    return links

