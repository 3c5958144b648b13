"""The site's editorial plan as written in calendar.yaml, before resolution.

These are the validated inputs; :mod:`edcal.plan` turns them, with the
articles, into concrete dated items.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from edcal.model.network import Cadence, Network, Objective
from edcal.model.source import Source

IdeaStatus = Literal["idea", "writing", "review"]
PostStatus = Literal["draft", "review", "scheduled"]


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    email: str | None
    source: Source
    #: The day they left the team (``left:``): items of theirs from then on are to hand over.
    left: dt.date | None = None
    #: The times they are away (``away:``), in order: what they own then has no one to answer for it.
    away: tuple[Absence, ...] = ()

    def away_on(self, day: dt.date) -> Absence | None:
        """The absence ``day`` falls in, if any."""
        return next((absence for absence in self.away if absence.first <= day <= absence.last), None)

    def there_on(self, day: dt.date) -> bool:
        """Whether they can answer for something on ``day``: in the team still, and not away."""
        return (self.left is None or day < self.left) and self.away_on(day) is None


@dataclass(frozen=True, slots=True)
class Absence:
    """A time someone is away (``away:`` under ``team:``), its days included."""

    first: dt.date
    last: dt.date
    source: Source
    reason: str | None = None
    #: Who stands in for them then (``stand_in:``, an id of ``team:``): their feed holds the absence's posts.
    stand_in: str | None = None


@dataclass(frozen=True, slots=True)
class KeyDate:
    """A day (or days) the plan revolves around: a trade fair, an open day, a world day.

    Posts can be scheduled relative to it (``at: salon-industrie -7 days``): moving it moves them.
    """

    id: str
    name: str
    start: dt.date
    #: The last day, included (``start`` for a one-day date).
    end: dt.date
    source: Source
    description: str | None = None
    #: Where ``on``, ``from`` and ``until`` are written (``edcal move`` rewrites them).
    field_sources: Mapping[str, Source] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Campaign:
    id: str
    name: str
    start: dt.date
    end: dt.date
    source: Source
    hashtags: tuple[str, ...] = ()
    objective: Objective | None = None
    utm_campaign: str | None = None
    owner: str | None = None
    color: str | None = None
    description: str | None = None
    #: Posts of a promotional campaign count against the self-promotion ceiling.
    promotional: bool = False
    #: Where its first and last days are written (``from:``, ``until:``): edcal move changes them.
    from_source: Source | None = field(default=None, compare=False)
    until_source: Source | None = field(default=None, compare=False)
    #: The key dates its ``from`` and ``until`` are written relative to (``until: salon-industrie end``).
    key_dates: tuple[str, ...] = ()
    #: How often it posts while it runs: on each of ``networks``, else on all networks together.
    cadence: Cadence | None = None
    #: The networks it runs on (ids); empty when it does not say.
    networks: tuple[str, ...] = ()
    #: Where its ``cadence:`` is written (a gap points there).
    cadence_source: Source | None = field(default=None, compare=False)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def objective_due(self) -> dt.date | None:
        """The day its objective is due: its ``by``, else the campaign's last day (None without one)."""
        if self.objective is None:
            return None
        return self.objective.by or self.end


@dataclass(frozen=True, slots=True)
class FreezeWindow:
    """The crisis switch: nothing goes out between ``start`` and ``end``."""

    start: dt.datetime
    end: dt.datetime | None
    reason: str
    source: Source
    #: Limit the freeze to these networks; None freezes every network.
    networks: frozenset[str] | None = None
    #: Also hold back articles whose publication falls in the window.
    blog: bool = True
    #: The frozen networks' names (a network the company does not post on is frozen for its staff).
    network_names: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: Where its start is written (``from:``), for a message asking to change it.
    from_source: Source | None = field(default=None, compare=False)

    def covers(self, instant: dt.datetime, network: str | None = None) -> bool:
        if network is not None and self.networks is not None and network not in self.networks:
            return False
        # In UTC: times of one zone compare as wall clocks, and 02:30 happens twice as the clocks go back.
        instant = instant.astimezone(dt.UTC)
        return self.start <= instant and (self.end is None or instant < self.end)


@dataclass(frozen=True, slots=True)
class PostedRecord:
    """A line of ``posted:``: a post the team says went out, and when and where."""

    item: str
    #: When it went out (a day when written without a time); None: at its planned time.
    at: dt.datetime | dt.date | None
    #: The post's address on the network.
    url: str | None
    source: Source
    #: Where the id (``item``) is written.
    item_source: Source
    #: The line says the post did not go out (``skipped: true``): it had no ``at`` nor ``url``.
    skipped: bool = False
    #: Where the address (``url``) is written.
    url_source: Source | None = None


@dataclass(frozen=True, slots=True)
class Idea:
    """An article not written yet, or a post (``networks:``): the backlog."""

    id: str
    title: str
    status: IdeaStatus
    source: Source
    owner: str | None = None
    draft_due: dt.date | None = None
    review_due: dt.date | None = None
    publish: dt.date | None = None
    campaign: str | None = None
    notes: str | None = None
    field_sources: dict[str, Source] = field(default_factory=dict)
    silenced: dict[str, str] = field(default_factory=dict)
    #: An idea for a post, not an article: the networks it is meant for (``networks:``), and its words so far.
    networks: tuple[str, ...] = ()
    text: str | None = None


@dataclass(frozen=True, slots=True)
class When:
    """A publication time as written: a date with a time, a named slot, or nothing.

    With no time and no slot, each network's own posting slot for that weekday
    is used (or the site's default time).
    """

    date: dt.date
    time: dt.time | None = None
    slot: str | None = None
    #: An explicit UTC offset written by the user, to settle a DST ambiguity.
    utc_offset: dt.timedelta | None = None
    #: The key date it is written relative to (``salon-industrie -7 days``): it moves with it.
    key_date: str | None = None


#: The units of an offset: minutes and hours count elapsed time, days, weeks and months the calendar's.
TimeUnit = Literal["minutes", "hours", "days", "weeks", "months"]


@dataclass(frozen=True, slots=True)
class Offset:
    """A time relative to an article's publication: ``+2 days at 12:00``."""

    label: str
    amount: int = 0
    unit: TimeUnit = "days"
    time: dt.time | None = None
    slot: str | None = None
    source: Source | None = None


#: The most posts one recurring entry plans (ten years of daily posts): a rule that ends in 9999, or
#: runs every minute, would keep a build busy for hours. The loader refuses a larger `count:`, the
#: plan a rule that gives more.
MAX_OCCURRENCES = 3660


@dataclass(frozen=True, slots=True)
class Recurrence:
    """A weekly, monthly or daily rule between two dates (RFC 5545 semantics)."""

    rrule: str
    start: dt.date
    until: dt.date | None
    count: int | None
    time: dt.time | None = None
    slot: str | None = None
    label: str = ""
    #: The key dates its ``from``/``until`` name (``from: salon-industrie``): its days follow them.
    key_dates: tuple[str, ...] = ()
    #: Days the rule leaves out (``except:``, RFC 5545's EXDATE: they still count towards ``count``).
    skipped: frozenset[dt.date] = frozenset()
    #: Occurrences given another day or time (``moved:``, RFC 5545's RECURRENCE-ID): each keeps its
    #: place in the rule (its id, its text in turn, its count).
    moved: tuple[MovedOccurrence, ...] = ()
    #: Where the ``moved:`` mapping starts (its ``{``, or its first key), when the rule has one.
    moved_source: Source | None = field(default=None, compare=False)

    def moved_occurrence(self, day: dt.date) -> MovedOccurrence | None:
        """The rule's occurrence of ``day``, when ``moved:`` gives it another time."""
        return next((occurrence for occurrence in self.moved if occurrence.day == day), None)


@dataclass(frozen=True, slots=True)
class MovedOccurrence:
    """One occurrence of a recurring post at another time: ``moved: {2027-01-21: 2027-01-22}``."""

    #: The rule's day (the occurrence's identity).
    day: dt.date
    #: When it happens instead; with no time or slot written, the rule's ``at:``.
    when: When
    #: Where that new day is written.
    source: Source = field(compare=False)
    #: Where the rule's day is written (its key under ``moved:``).
    key_source: Source | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Media:
    """An image or a video a post or an article shows: its path in content/ (or a URL), its alt text,
    where it is named; a video's cover (the still shown before it plays) and subtitles file, each where it
    is written."""

    path: str
    alt: str | None
    source: Source | None = None
    kind: Literal["image", "video"] = "image"
    cover: str | None = None
    subtitles: str | None = None
    cover_source: Source | None = field(default=None, compare=False)
    subtitles_source: Source | None = field(default=None, compare=False)

    @property
    def is_video(self) -> bool:
        return self.kind == "video"

    def files(self) -> tuple[str, ...]:
        """Every file it shows: the image, or the video with its cover and subtitles."""
        return tuple(path for path in (self.path, self.cover, self.subtitles) if path)


@dataclass(frozen=True, slots=True)
class Poll:
    """A poll the post carries (``poll:``): its answers, and how long it is open."""

    options: tuple[str, ...]
    #: How long it is open, in minutes, and as written (``3 jours``: ``72h`` is the same poll).
    minutes: int
    duration: str = field(compare=False)
    #: The question, where a network asks it apart from the text (LinkedIn); elsewhere the text asks it.
    question: str | None = None
    #: Where ``poll:`` is written, each option, the duration and the question, for messages.
    source: Source | None = field(default=None, compare=False)
    option_sources: tuple[Source, ...] = field(default=(), compare=False)
    duration_source: Source | None = field(default=None, compare=False)
    question_source: Source | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Variant:
    """What a post says or shows differently on one network."""

    text: str | None = None
    link: str | None = None
    #: Its own images, in order (``image:``, or ``images:`` for several); none: the entry's.
    images: tuple[Media, ...] = ()
    when: When | None = None
    skip: bool = False
    #: Where each field is written (``text`` → its line under ``variants:``), for messages.
    field_sources: Mapping[str, Source] = field(default_factory=dict, compare=False)
    #: Where its network is written under ``variants:`` (``instagram:``), for findings about that network.
    source: Source | None = field(default=None, compare=False)
    #: Its own content warning (``cw:``); none: the entry's.
    cw: str | None = None
    #: Its own note for whoever posts it (``note:``); none: the entry's; empty: none on this network.
    note: str | None = None
    #: Who is in charge of it on this network (``owner:``, a team id); none: the entry's.
    owner: str | None = None
    #: Its own first comment (``first_comment:``); none: the entry's.
    first_comment: str | None = None
    #: Its own thread (``thread:``; an empty one: none on this network); None: the entry's.
    thread: tuple[str, ...] | None = None
    #: Where each reply of its thread is written.
    thread_sources: tuple[Source, ...] = field(default=(), compare=False)
    #: Its own video (``video:``), instead of images; none: the entry's.
    video: Media | None = None
    #: Its own poll (``poll:``); none: the entry's.
    poll: Poll | None = None
    #: ``poll: null`` (or ``poll:`` with nothing after it): no poll on this network, whatever the entry's.
    no_poll: bool = False


@dataclass(frozen=True, slots=True)
class PostEntry:
    """One entry of ``posts:``; resolution turns it into one item per network and date."""

    id: str
    #: "once", "promote" or "repeat".
    kind: Literal["once", "promote", "repeat"]
    networks: tuple[str, ...]
    source: Source
    #: The entry that derived the same id first (this one got ``-2``): reordering them swaps their ids.
    id_shared_with: Source | None = None
    title: str | None = None
    text: str | None = None
    link: str | None = None
    article: str | None = None
    #: The images, in order (``image:``, or ``images:`` for several), each where it is written.
    images: tuple[Media, ...] = ()
    #: The video (``video:``), instead of images.
    video: Media | None = None
    campaign: str | None = None
    owner: str | None = None
    status: PostStatus = "scheduled"
    promotional: bool | None = None
    variants: dict[str, Variant] = field(default_factory=dict)
    when: When | None = None
    schedule: tuple[Offset, ...] = ()
    recurrence: Recurrence | None = None
    texts: tuple[str, ...] = ()
    #: A content warning (``cw:``): shown before the text, which stays folded until opened (Mastodon).
    cw: str | None = None
    #: A note for whoever posts it (``note:``): what to do beyond pasting the text; never posted.
    note: str | None = None
    #: A comment posted under the post once it is out (``first_comment:``), where the network takes one.
    first_comment: str | None = None
    #: The replies posted under the post, in order, each a post of its own (``thread:``), where the
    #: network answers a post with another (X, Mastodon, Bluesky, Threads).
    thread: tuple[str, ...] = ()
    #: Where each reply is written.
    thread_sources: tuple[Source, ...] = field(default=(), compare=False)
    #: A poll (``poll:``): its answers and how long it is open, where the network takes one.
    poll: Poll | None = None
    field_sources: Mapping[str, Source] = field(default_factory=dict)
    #: Checks silenced on this entry: rule id -> the reason given.
    silenced: dict[str, str] = field(default_factory=dict)
    #: Set for promotions that come from ``blog.promote`` rather than an entry.
    implicit: bool = False


@dataclass(frozen=True, slots=True)
class PromotionDefaults:
    """How every article is promoted when calendar.yaml says nothing about it."""

    networks: tuple[str, ...]
    schedule: tuple[Offset, ...]
    source: Source
    #: Articles dated before this day are not promoted by default (a site's old archive).
    since: dt.date | None = None


@dataclass(frozen=True, slots=True)
class BlogSettings:
    cadence: Cadence | None = None
    promote: PromotionDefaults | None = None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Tracking:
    """UTM parameters added to every link to the site."""

    enabled: bool = True
    source: str = "{network}"
    medium: str = "social"
    campaign: str = "{campaign}"
    content: str | None = None
    parameters: tuple[tuple[str, str], ...] = (
        ("source", "utm_source"),
        ("medium", "utm_medium"),
        ("campaign", "utm_campaign"),
        ("content", "utm_content"),
    )

    @property
    def names(self) -> frozenset[str]:
        """The parameters' names in a URL (``utm_source``…): what a link edcal tracked carries."""
        return frozenset(name for _, name in self.parameters)

    def untracked(self, url: str) -> str:
        """``url`` without the parameters edcal adds, where it adds them (:func:`untracked`)."""
        return untracked(url, self.names) if self.enabled else url


@dataclass(frozen=True, slots=True)
class ExportSettings:
    """How files for bulk schedulers are written."""

    #: strftime pattern of Hootsuite's date column, as chosen in its upload dialog; month first in the
    #: United States (load.sections.site_wide).
    hootsuite_date_format: str = "%d/%m/%Y %H:%M"


#: How far back feeds keep past items by default (`feeds: past:`): a year, as the calendar counts it.
FEED_PAST = relativedelta(years=1)


@dataclass(frozen=True, slots=True)
class FeedSettings:
    """How the iCalendar feeds are written."""

    #: Length of a timed event (a post, an article going live), in minutes.
    duration: int = 15
    #: How often subscribers should poll (REFRESH-INTERVAL, X-PUBLISHED-TTL), in minutes.
    refresh: int = 60
    #: Feed family -> minutes before each timed event for an alarm (VALARM); opt-in.
    reminders: dict[str, int] = field(default_factory=dict)
    #: A folder of output/ that also receives the feeds (public!); None keeps them private.
    publish: str | None = None
    publish_source: Source | None = None
    #: How far back feeds keep past items (`past:`), on the calendar (3 months before 15 May is 15
    #: February); None keeps them all.
    past: relativedelta | None = FEED_PAST
    #: How far ahead feeds show items to come (`future:`), on the calendar; None shows them all.
    future: relativedelta | None = None


#: The calendar page's months by default (`planning: past:`, `future:`): from 6 months back to a year ahead.
PLANNING_PAST = relativedelta(months=6)
PLANNING_FUTURE = relativedelta(years=1)


@dataclass(frozen=True, slots=True)
class PlanningSettings:
    """Where the planning site lives, for links in feeds and pages."""

    #: Public address of planning/ (https://...), ending with "/"; None when not served.
    url: str | None = None
    url_source: Source | None = None
    #: Web address of the repository's files (".../blob/main/"), ending with "/".
    repository_url: str | None = None
    #: A folder of output/ that also receives the whole planning site (public!).
    publish: str | None = None
    publish_source: Source | None = None
    #: The months around today the calendar page holds (`past:`, `future:`), on the calendar; None for every
    #: month. Its weight stays that of a few months, however many years the plan spans.
    past: relativedelta | None = PLANNING_PAST
    future: relativedelta | None = PLANNING_FUTURE


#: How many days an article stays on the ambassadors' page once online (`ambassadors: days:`).
AMBASSADOR_DAYS = 30


@dataclass(frozen=True, slots=True)
class ShareSuggestion:
    """Something the team asks staff to share: an online article or any page (a job offer)."""

    source: Source
    #: The id the team gave it (``id:``); else the article's slug, or the title as a slug.
    id: str | None = None
    article: str | None = None
    link: str | None = None
    title: str | None = None
    #: The suggested words, in the first person; None lets the ambassador template write them.
    text: str | None = None
    networks: tuple[Network, ...] | None = None
    campaign: str | None = None
    #: Shown from this day to that one (included); an article's from its going online.
    start: dt.date | None = None
    end: dt.date | None = None
    image: str | None = None
    alt: str | None = None
    #: Where each field is written, for messages.
    field_sources: Mapping[str, Source] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class AmbassadorSettings:
    """Ready-to-share suggestions for staff's own accounts (employee advocacy)."""

    #: Articles online in the last ``days`` days are suggested; 0 suggests only ``suggestions``.
    days: int = AMBASSADOR_DAYS
    #: Networks a suggestion is written for (staff's accounts: set up for the company or not).
    networks: tuple[Network, ...] = ()
    #: utm_medium of the links staff share, apart from the company's own posts.
    medium: str = "ambassador"
    suggestions: tuple[ShareSuggestion, ...] = ()
    #: A folder of output/ that also receives the ambassadors' page; None keeps it in planning/.
    publish: str | None = None
    publish_source: Source | None = None


#: How many posts the link-in-bio page lists (`link_in_bio: count:`).
LINK_IN_BIO_COUNT = 12


@dataclass(frozen=True, slots=True)
class LinkInBioSettings:
    """The public page of the links of the latest posts (`link_in_bio:`), for a profile's one link."""

    #: Its folder of output/: the page is ``<path>/index.html``.
    path: str = "links"
    #: Its title; None: the theme's words ("Our links", translated).
    title: str | None = None
    #: The networks whose posts it lists, by id; by default those whose links go through the bio
    #: (:attr:`Network.links_through_bio`: Instagram, TikTok).
    networks: tuple[str, ...] = ()
    #: At most this many posts, newest first.
    count: int = LINK_IN_BIO_COUNT
    source: Source | None = None
    path_source: Source | None = None


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """How calendar.yaml's ``checks:`` runs one rule: its severity (or "off") and the options it sets."""

    severity: str
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Calendar:
    """Everything calendar.yaml (and calendar.d/*.yaml) says, validated."""

    timezone: str
    zone: ZoneInfo
    source: Source
    timezone_source: Source | None = None
    country: str | None = None
    country_source: Source | None = None
    subdivision: str | None = None
    default_time: dt.time = dt.time(9, 0)
    #: How far after "now" open-ended recurrences are expanded (`horizon:`), on the calendar.
    horizon: relativedelta = field(default_factory=lambda: relativedelta(years=1))
    slots: dict[str, dt.time] = field(default_factory=dict)
    team: dict[str, Person] = field(default_factory=dict)
    networks: dict[str, Network] = field(default_factory=dict)
    blog: BlogSettings = field(default_factory=BlogSettings)
    campaigns: dict[str, Campaign] = field(default_factory=dict)
    key_dates: dict[str, KeyDate] = field(default_factory=dict)
    freezes: list[FreezeWindow] = field(default_factory=list)
    ideas: list[Idea] = field(default_factory=list)
    posts: list[PostEntry] = field(default_factory=list)
    #: ``posted:``, the log of what went out; None when no calendar file keeps one.
    posted: list[PostedRecord] | None = None
    #: Where the log's ``posted:`` key is (the last file's that has one): where a log with no line yet is.
    posted_key: Source | None = None
    tracking: Tracking = field(default_factory=Tracking)
    exports: ExportSettings = field(default_factory=ExportSettings)
    feeds: FeedSettings = field(default_factory=FeedSettings)
    planning: PlanningSettings = field(default_factory=PlanningSettings)
    ambassadors: AmbassadorSettings = field(default_factory=AmbassadorSettings)
    #: ``link_in_bio:``: the public page of the latest posts' links; None when calendar.yaml asks for none.
    link_in_bio: LinkInBioSettings | None = None
    #: ``checks:``: rule id -> its settings.
    checks: dict[str, RuleSettings] = field(default_factory=dict)
    #: The ids of the rules the calendar was read against, which an article's ``silence:`` may name too.
    check_ids: tuple[str, ...] = field(default=(), compare=False)
    #: Every file read, relative to the site root, in the order read.
    files: tuple[str, ...] = ()
    #: Sections kept as validated data for the modules that own them
    #: (``checks``, ``planning``, ``feeds``...).
    sections: dict[str, object] = field(default_factory=dict)

    def key_dates_in_order(self) -> list[KeyDate]:
        """The key dates by first day, then id (as every output lists them)."""
        return sorted(self.key_dates.values(), key=lambda k: (k.start, k.id))

    def key_dates_by_day(self, first: dt.date, last: dt.date, ids: bool = False) -> dict[dt.date, list[str]]:
        """The names of the key dates of each day from ``first`` to ``last`` that has one (with their
        ids: ``Salon Industrie (salon-industrie)``)."""
        names: dict[dt.date, list[str]] = {}
        for key_date in self.key_dates_in_order():
            day = max(key_date.start, first)
            while day <= min(key_date.end, last):
                names.setdefault(day, []).append(f"{key_date.name} ({key_date.id})" if ids else key_date.name)
                day += dt.timedelta(days=1)
        return names

    def zone_of(self, network: Network | str | None) -> ZoneInfo:
        """The zone whose wall clock a post on ``network`` (a network or its id) is written in: the
        account's (its ``timezone:``), else the site's."""
        if network is None:
            return self.zone
        if isinstance(network, str):
            found = self.networks.get(network)
            if found is None:
                return self.zone
            network = found
        return network.zone or self.zone

    def zones(self) -> dict[str, ZoneInfo]:
        """Each network's zone (:meth:`zone_of`) by id, for a loop over many posts (a lookup each)."""
        return {network.id: network.zone or self.zone for network in self.networks.values()}

    def zoned(self, network: Network | str | None) -> bool:
        """Whether a post on ``network`` is written on another clock than the site's (its own ``timezone:``,
        another name than the site's)."""
        zone = self.zone_of(network)
        return zone is not self.zone and zone.key != self.zone.key

    def holiday_place(self, network: Network | str | None) -> tuple[str | None, str | None]:
        """The country and region whose public holidays a post on ``network`` is judged against: the
        network's ``country:`` (with its ``subdivision:``), its ``subdivision:`` of the site's country, else
        the site's."""
        found = self.networks.get(network) if isinstance(network, str) else network
        if found is None or (found.country is None and found.subdivision is None):
            return self.country, self.subdivision
        if found.country is None:
            return self.country, found.subdivision
        return found.country, found.subdivision

    def person_id(self, name: str) -> str | None:
        """The id of a team member named by id in any case (``Camille``), name or e-mail; None if none."""
        return id_by_name(name, self.team)

    def campaign_id(self, name: str) -> str | None:
        """The id of a campaign named by id in any case, or by name; None if none."""
        return id_by_name(name, self.campaigns)

    def network_id(self, name: str) -> str | None:
        """The id of a set-up network named by its id or one of its aliases (``twitter`` is ``x``)."""
        wanted = name.strip().lower()
        return next((network.id for network in self.networks.values()
                     if wanted == network.id or wanted in network.aliases), None)


def id_by_name(value: str, named: Mapping[str, Any],
               normal: Callable[[str], str] | None = None) -> str | None:
    """An id written as it is, in other case (``Camille``), or as the thing's name (``Camille Roux``,
    accents and case aside) or e-mail, when one thing has it; None if none.

    :param normal: how names are compared (default: without case, accents or spacing differences).
    """
    if value in named or value.lower() in named:
        return value if value in named else value.lower()
    normal = normal or plain_name
    wanted = normal(value)
    if not wanted:
        return None
    by_id = [key for key in named if normal(key) == wanted]  # `Léa` for the id `lea`
    if len(by_id) == 1:
        return by_id[0]
    for attribute in ("name", "email"):
        found = [key for key, thing in named.items()
                 if normal(str(getattr(thing, attribute, "") or "")) == wanted]
        if len(found) == 1:
            return found[0]
    return None


def plain_name(name: str) -> str:
    """A name without case, accents or spacing differences: ``Hélène  Roux`` is ``helene roux``."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def untracked(url: str, names: frozenset[str]) -> str:
    """``url`` without the tracking parameters edcal adds (``&utm_source=linkedin``): the team opening a
    post's link from the planning pages is not counted as a visit from the network. The rest is left as
    written, the fragment whole (``#/offre?id=3``), a ``;`` part whole."""
    address, hash_, fragment = url.partition("#")
    if not names or "?" not in address:
        return url
    head, _, query = address.partition("?")
    parts = query.split("&")
    kept = [part for part in parts if ";" in part or part.split("=", 1)[0] not in names]
    if len(kept) == len(parts):
        return url
    return head + ("?" + "&".join(kept) if any(kept) else "") + hash_ + fragment
