"""iCalendar feeds that community managers subscribe to (RFC 5545, RFC 7986).

``planning/calendar.ics`` holds every dated item that is not withheld (an
article a freeze holds back is there when the freeze lets it go online);
``calendars/<network>.ics``, ``calendars/blog.ics``,
``calendars/people/<person>.ics`` and ``calendars/campaigns/<campaign>.ics``
hold subsets (which feeds there are and what each holds: :mod:`edcal.plan.feeds`; this module writes
them). The rules the feeds follow (``../shared/reference/ical-feeds.md``):

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
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from icalendar import Calendar as VCalendar
from icalendar import vDuration, vText, vUri

from edcal.i18n import clock_time, long_date, number, say_count, say_duration, translator
from edcal.model.calendar import Absence, FreezeWindow, KeyDate, Person
from edcal.model.days import as_instant, start_of_day
from edcal.model.plan import (
    Item,
    Plan,
    absence_event_id,
    freeze_event_id,
    key_date_event_id,
    passed,
    status_word,
)
from edcal.outputs._files import write_file
from edcal.outputs.context import OutputContext
from edcal.outputs.pages import (
    AGENDA_FOLDER,
    copy_media,
    freeze_described,
    french_title,
    item_link,
    shown_title,
)
from edcal.plan.absences import cover_mark
from edcal.plan.feeds import ALL_DAY_REMINDER, Feed, feeds, rings_at
from edcal.plan.report import LOG_WORDS, first_logged_month, log_said, unconfirmed
from edcal.zones import account_clock, zone_time

PRODID = "-//edcal//edcal editorial calendar//EN"
_LIMIT = 75

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
    # A freeze's reason stays with the team: the public copies' events of freezes leave it out.
    reasons = any(feed.freezes for feed in found) and not calendar.planning.publish
    if paths or reasons or plan.public_feeds_url() != plan.feeds_url():  # SOURCE: where it is refreshed from
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
    # Public copies of the feeds alone (`feeds: publish:`): no freeze reason, a crisis stays with the team.
    public = published and not plan.calendar.planning.publish
    body += b"".join(events.freeze(window, posts, public) for window, posts in feed.freezes)
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


def _reminder(item: Item, reminder: int | None) -> int | None:
    """The feed's reminder, but for an idea: its date is a wish for the article, not a task due that day
    (its own deadlines, "Remise du texte", ring)."""
    return None if item.kind == "idea" else reminder


def _no_name(way: str, _: Callable[[str], str]) -> str:
    """What a freeze's event says of a post that no name moves alone: a promotion follows its article (its
    name would move the article); a series' day that other networks post on moves on them all."""
    if way == "shared":
        said = _("its series posts that day on other networks too, and {move} moves a day on them all: to "
                 "send it alone, write it as a post of its own, with {at}")
        return said.format(move="edcal move", at="at:")
    return _("it follows its article: to send it, write it as a post of its own, with {at}").format(at="at:")


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
        self._freezes: dict[tuple[int, bool], bytes] = {}
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
        "Absence: Malik Haddad — Congés", its description naming who stands in (a dash, not brackets: a
        reason often holds its own, "Congés d'été (atelier fermé)")."""
        _ = self._
        title = _("Absence: {person}").format(person=person.name)
        if absence.reason:
            title += f" — {absence.reason}"
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

    def freeze(self, window: FreezeWindow, posts: list[Item], public: bool = False) -> bytes:
        """A freeze as one event over its window, free time (it blocks nothing), without an alarm: "Gel des
        publications : <reason>", its description saying when, why, on which networks, how many posts it
        withholds and the first of them, as the planning pages' notice does. Written with days, all day;
        with times, timed. Until further notice, it runs to the day of the last post it withholds (its first
        day at least): where a subscriber looks for the posts that left. ``public`` (a copy in the public
        site): without its reason nor the posts' titles."""
        key = (id(window), public)
        cached = self._freezes.get(key)
        if cached is not None:
            return cached
        _, zone, lang = self._, self.plan.calendar.zone, self.plan.lang
        notice = freeze_described(self.plan, window, posts)
        start = window.start.astimezone(zone)
        end = window.end.astimezone(zone) if window.end is not None else None
        if end is None:  # until further notice: to the last day it withholds a post on
            last = max([start.date(), *(p.start.astimezone(zone).date() for p in posts
                                        if isinstance(p.start, dt.datetime))])
            end = start_of_day(last + dt.timedelta(days=1), zone)
        all_day = all((moment.hour, moment.minute, moment.second) == (0, 0, 0) for moment in (start, end))
        if all_day:
            span = [f"DTSTART;VALUE=DATE:{start:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"]
        else:
            span = [f"DTSTART:{start.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}",
                    f"DTEND:{end.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"]
        open_ended = window.end is None
        if notice.networks:
            title = (_("Publishing freeze on {networks} until further notice") if open_ended
                     else _("Publishing freeze on {networks}")).format(networks=notice.networks)
        else:
            title = _("Publishing freeze until further notice") if open_ended else _("Publishing freeze")
        if not public:
            title = _("{freeze}: {reason}").format(freeze=title, reason=window.reason)
        when = _("From {start} until {end}.") if notice.until else _("From {start}, until further notice.")
        lines = [when.format(start=notice.since, end=notice.until)]
        if not public:
            lines.append(f"{_('Reason:')} {window.reason}")
        lines.append(_("Networks: {names}.").format(names=notice.networks) if notice.networks
                     else _("Networks: all."))
        lines.append(_("Articles due in it wait too.") if window.blog else _("The blog goes on."))
        # Lifted, it holds nothing any more: said in the past, as the planning pages' "Freeze lifted" notice.
        lifted = window.end is not None and as_instant(window.end) <= as_instant(self.plan.now)
        if posts:
            forms = (("It withheld {count} post ({networks}): it is not in the feeds.",
                      "It withheld {count} posts ({networks}): they are not in the feeds.") if lifted else
                     ("It withholds {count} post ({networks}): it is not in the feeds.",
                      "It withholds {count} posts ({networks}): they are not in the feeds."))
            lines.append(say_count(len(posts), *forms, networks=notice.by_network).translated(_))
            # Not in a public copy: nothing withheld may reach the public site, not even a title.
            listed = () if public else notice.first
            ways = (way for way, _command in notice.ways)
            lines += [" · ".join((when, network, title, name or _no_name(way, _)))
                      for (when, network, title, name), way in zip(listed, ways, strict=False)]
            if len(posts) > len(listed) and listed:
                lines.append(say_count(len(posts) - len(listed), "And {count} more post.",
                                       "And {count} more posts.").translated(_))
        else:
            lines.append(_("It withheld no post.") if lifted else _("It withholds no post."))
        lines.append(f"{_('Source:')} {window.source.path}")
        event = self._freezes[key] = _lines([
            "BEGIN:VEVENT",
            f"UID:{uuid.uuid5(self.namespace, freeze_event_id(window, zone))}",
            f"DTSTAMP:{self.stamp}",
            f"LAST-MODIFIED:{self.stamp}",
            *span,
            "TRANSP:TRANSPARENT",
            "STATUS:CONFIRMED",
            f"SUMMARY:{_text(french_title(title, lang))}",
            f"DESCRIPTION:{_text(chr(10).join(lines))}",
            f"CATEGORIES:{_text(_('Freeze'))}",
            "END:VEVENT",
        ])
        return event

    @staticmethod
    def _before(item: Item, reminder: int) -> dt.timedelta:
        """How long before its start an item's reminder rings. A deadline (all day) rings the day before
        at 09:00: "minutes before" midnight is no time to be reminded of a text to hand in."""
        return dt.timedelta(minutes=reminder) if isinstance(item.start, dt.datetime) else ALL_DAY_REMINDER

    def _trigger(self, item: Item, reminder: int) -> dt.datetime:
        """When the item's reminder rings, in UTC (:func:`edcal.plan.feeds.rings_at`)."""
        assert item.start is not None
        return rings_at(item.start, self._before(item, reminder), self.plan.calendar)

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
        network = calendar.networks.get(item.network or "")
        if network is not None and network.title_limit is not None:  # a field of its own: a video's, a pin's
            lines += [_("Title:"), item.title, ""]  # as written, as title-too-long counts it
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
        if network is not None:
            account = f" ({network.account})" if network.account else ""
            lines.append(f"{_('Network:')} {network.name}{account}")
        if isinstance(item.start, dt.datetime):
            # The event is an instant, shown where the phone is; a scheduler is set in the site's zone, and
            # its day there may be another one (00:30 in Paris is the evening before in Montréal).
            local, lang = item.start.astimezone(calendar.zone), self.plan.lang
            time = _("Time: {time}, {day} ({zone})").format(
                time=clock_time(local, lang), day=long_date(local.date(), lang),
                zone=zone_time(calendar.timezone, lang, local.year))
            if network is not None and network.timezone is not None and calendar.zoned(network):
                # An account on another clock (its `timezone:`): the time its own scheduler asks, its day
                # there.
                account = account_clock(item.start, local.date(), calendar.zone_of(network),
                                        network.timezone, _)
                time = _("{time}; on the account's clock: {account}").format(time=time, account=account)
            lines.append(time)
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
        said = log_said(item, self.plan, self.log_start)
        # As the agenda's badge: "published" says only that its time passed, beside what the log says.
        status = (_("online after the freeze") if self.plan.released(item)
                  else _(LOG_WORDS[said]) if said is not None
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
            # The line to log it with: from a phone, its id was only in the fragment of the event's address.
            return _("Not confirmed: the log of what went out does not name it (if it went out, the line "
                     "to add there: {id}).").format(id=item.id)
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


#: The one component of a feed with no event (RFC 5545 3.6: a calendar holds one at least; strict
#: validators and some clients refuse an empty one): UTC's time zone, which the events' times are in.
EMPTY_BODY = _lines(["BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                     "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "TZNAME:UTC", "END:STANDARD", "END:VTIMEZONE"])
