"""Social networks as data: how each one counts text and what a post may hold.

The built-in registry (``edcal/networks/builtin.yaml``) and a site's own
declarations in calendar.yaml produce the same :class:`Network` objects; no
code elsewhere branches on a network's id.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal
from zoneinfo import ZoneInfo

from edcal.model.source import Source

CountingRule = Literal["twitter", "graphemes", "characters", "utf16", "utf8-bytes", "threads"]
MediaRule = Literal["required", "video", "optional", "none"]
LinkDisplay = Literal["full", "shortened"]
MentionCounting = Literal["full", "local-part"]
Handles = Literal["plain", "dotted", "domain", "fediverse"]
HashtagCase = Literal["camel", "lower", "as-is"]
Period = Literal["day", "week", "month"]


@dataclass(frozen=True, slots=True)
class TextLimit:
    """A maximum under one counting rule (Bluesky has two: graphemes and bytes)."""

    counting: CountingRule
    max: int


#: The days as calendar.yaml's slots write them, Monday first.
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Slot:
    """A default posting time on some weekdays (0 = Monday), e.g. ``tue 09:00``."""

    weekdays: frozenset[int]
    time: dt.time
    label: str

    def matches(self, day: dt.date) -> bool:
        return day.weekday() in self.weekdays

    def written(self, day_names: Sequence[str] = DAY_NAMES) -> str:
        """The slot in one form whatever the writer typed (``lun-ven 9h`` -> ``mon-fri 09:00``).

        :param day_names: the names of the days, Monday first (a language's abbreviations).
        """
        days = sorted(self.weekdays)
        if len(days) == 7:
            return f"{day_names[0]}-{day_names[6]} {self.time:%H:%M}"
        runs: list[list[int]] = []
        for day in days:
            if runs and runs[-1][-1] == day - 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        parts = [f"{day_names[run[0]]}-{day_names[run[-1]]}" if len(run) >= 3
                 else ",".join(day_names[d] for d in run) for run in runs]
        return f"{','.join(parts)} {self.time:%H:%M}"


#: The most posts a cadence or a `max_per_day:` may ask of one day: a post a minute, day and night. edcal
#: plans to the minute; more is no plan a team writes, but a slip of the keyboard (``20000/week``).
MOST_PER_DAY = 1440


@dataclass(frozen=True, slots=True)
class Cadence:
    """A regularity target, e.g. 2 per week."""

    count: int
    per: Period
    label: str

    def most(self, per_day: int) -> Cadence:
        """The most posts ``per_day`` lets into every period of this cadence's: a month's target is asked
        of February too, so a month holds 28 days."""
        most = per_day * {"day": 1, "week": 7, "month": 28}[self.per]
        return Cadence(most, self.per, f"{most}/{self.per}")


@dataclass(frozen=True, slots=True)
class Objective:
    """What a network or a campaign is for, with a figure to check it against."""

    text: str
    target: int | float | None = None
    unit: str | None = None
    by: dt.date | None = None
    #: The figure last measured (followers, leads…), noted by hand, and the day it was measured.
    current: int | float | None = None
    measured: dt.date | None = None
    #: Where the objective is written (its ``objective:`` mapping), and each of its fields (``by``,
    #: ``measured``…), for the checks; None and empty for an objective written as a text alone.
    source: Source | None = field(default=None, compare=False)
    field_sources: Mapping[str, Source] = field(default_factory=dict, compare=False)

    def where(self, name: str) -> Source | None:
        """Where a field is written, else where the objective is."""
        return self.field_sources.get(name, self.source)

    @property
    def progress(self) -> int | None:
        """``current`` as a share of ``target``, in percent (None without both)."""
        if self.current is None or not self.target:
            return None
        return round(100 * self.current / self.target)


@dataclass(frozen=True, slots=True)
class Network:
    """A network's rules, merged with the site's account settings when in use."""

    id: str
    name: str
    limits: tuple[TextLimit, ...]
    aliases: tuple[str, ...] = ()
    #: What a team abbreviates it to (``fb``, ``ig``): suggested for an unknown network, never read as it.
    nicknames: tuple[str, ...] = ()
    #: Each URL costs this many units whatever its length (X and Mastodon: 23);
    #: None when a URL counts as the text shown.
    url_length: int | None = None
    link_display: LinkDisplay = "full"
    links_clickable: bool = True
    #: The post's link has a field of its own, apart from its text (a pin's link on Pinterest).
    link_field: bool = False
    #: Links and hashtags are clickable only through facets sent beside the text (Bluesky's API).
    facets: bool = False
    mention_counting: MentionCounting = "full"
    #: How its accounts are named, so that another network's address is told (``mention-elsewhere``):
    #: ``plain`` (``@name``, no dot: X), ``dotted`` (``@atelier.morel``: Instagram), ``domain``
    #: (``@lea.bsky.social``: Bluesky), ``fediverse`` (``@lea@piaille.fr``: Mastodon); None: not judged.
    handles: Handles | None = None
    #: A mention is made only by picking the account from the composer's list as one types: a pasted
    #: ``@Name`` stays words, tagging no one (LinkedIn, Facebook: ``mention-not-tagged``).
    mentions_picked: bool = False
    media: MediaRule = "optional"
    max_images: int | None = None
    max_hashtags: int | None = None
    max_links: int | None = None
    title_limit: int | None = None
    alt_limit: int | None = None
    #: Largest image file, in bytes (Bluesky: 1,000,000 through its API).
    max_image_bytes: int | None = None
    #: Narrowest and widest image shapes, as written (``("4:5", "1.91:1")``): see :func:`aspect_ratio`.
    image_aspect: tuple[str, str] | None = None
    hashtag_case: HashtagCase = "camel"
    #: The address of the network's share form, with ``{text}`` (the words, link included) and/or
    #: ``{url}`` (the link alone): staff share from their own accounts through it.
    share_form: str | None = None
    #: Characters the network refuses in a text (YouTube: ``<`` and ``>``).
    forbidden_characters: str = ""
    #: Whether a post can carry a content warning (``cw:``), counted with its text (Mastodon).
    content_warning: bool = False
    #: The longest first comment (``first_comment:``) a scheduler posts under a post, counted as the
    #: text is (LinkedIn: 1,250); None: the network takes no first comment.
    comment_limit: int | None = None
    #: Whether the account can answer its own post with more posts, a thread (``thread:``): X, Mastodon,
    #: Bluesky and Threads. Each reply is a post of its own, under the network's limits.
    replies: bool = False
    #: The most answers a poll (``poll:``) takes; None: the network takes no poll (Bluesky, Instagram).
    poll_options: int | None = None
    #: The longest answer of a poll, in characters (X: 25, LinkedIn: 30).
    poll_option_limit: int | None = None
    #: The longest question a poll asks apart from the text (LinkedIn: 140); None: the text asks it.
    poll_question_limit: int | None = None
    #: How long a poll may be open, in minutes: the shortest and longest (X: 5 to 10,080), or the only
    #: durations it takes (LinkedIn: 1 day, 3 days, 1 week, 2 weeks); unset: not checked (Threads sets none).
    poll_min_duration: int | None = None
    poll_max_duration: int | None = None
    poll_durations: tuple[int, ...] = ()
    #: Whether a post with a poll may also show images or a video (none of the built-in networks).
    poll_media: bool = False
    #: The hosts a post's address is on (``linkedin.com``, their subdomains too): a log line's ``url:``
    #: elsewhere names another post. None: not given (a Mastodon instance, an intranet), an address is judged
    #: on the other networks' hosts only (see plan.posted); empty (``hosts: []``): no address is judged.
    hosts: tuple[str, ...] | None = None
    color: str = "gray"
    template: str = "default.txt.j2"
    #: Where the site named the template (``template:``), which must then exist; None for the default.
    template_source: Source | None = None
    builtin: bool = True
    #: The built-in network a site's network is `like:` (another LinkedIn page: "linkedin"); None otherwise.
    like: str | None = None
    # What the site sets for its account on this network.
    account: str | None = None
    slots: tuple[Slot, ...] = ()
    cadence: Cadence | None = None
    max_per_day: int | None = None
    objective: Objective | None = None
    utm_source: str | None = None
    #: The day the site began posting on this account: default promotions leave out older articles.
    since: dt.date | None = None
    #: The last day the site posts on this account: default promotions stop, later posts are reported.
    until: dt.date | None = None
    #: utm_medium of the links posted here, instead of ``tracking: medium:`` (an intranet is not social).
    utm_medium: str | None = None
    #: The account's language (``lang:``): promotions post the article's version in it; None: the site's.
    lang: str | None = None
    #: What the drafts put in each post's first comment instead of its text (``in_first_comment:``):
    #: ``link`` (the tracked link, LinkedIn's practice), ``hashtags`` (Instagram's).
    in_first_comment: tuple[str, ...] = ()
    #: The account's time zone (``timezone:``, an IANA name as written) and its zone: the wall clock
    #: its posts' times are written in; None: the site's.
    timezone: str | None = None
    zone: ZoneInfo | None = field(default=None, compare=False)
    #: The country and region whose public holidays its posts are judged against (``country:``,
    #: ``subdivision:``); None: the site's (see :meth:`Calendar.holiday_place`).
    country: str | None = None
    subdivision: str | None = None
    #: Where the site sets up this network in calendar.yaml (None for unused built-ins).
    source: Source | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def platform(self) -> str | None:
        """The built-in network it posts to: its own id, or the one it is `like:`; None for an intranet."""
        return self.id if self.builtin else self.like

    @property
    def links_through_bio(self) -> bool:
        """Whether readers reach a post's link only through the profile's one link ("link in bio"): its text
        makes no link clickable and it has no field for one (Instagram, TikTok; a pin has its own link)."""
        return not self.links_clickable and not self.link_field

    @property
    def finds_links_as_mastodon(self) -> bool:
        """Whether its links are those Mastodon's servers find (twitter-text's expression as Mastodon changes
        it): a URL costs the same whatever its length (``url_length``), its text is not counted as X counts
        it (which finds its links with twitter-text itself) and it shows links in full."""
        return (self.url_length is not None and self.link_display == "full"
                and all(limit.counting != "twitter" for limit in self.limits))

    @property
    def limit(self) -> TextLimit:
        """The primary limit: the one plan.json reports as ``length``/``limit``."""
        return self.limits[0]


#: What a share form (``share_form``) may ask for: the words (link included), the link, the page's title.
SHARE_FORM_FIELDS = ("{text}", "{url}", "{title}")


def fill_share_form(form: str, values: dict[str, str], keep: str | None = None) -> str:
    """A share form's address with each ``{text}``, ``{url}``, ``{title}`` replaced by its value,
    percent-encoded; ``keep`` (e.g. ``"{text}"``) is left for a script to fill."""
    def value(match: re.Match[str]) -> str:
        if match.group(0) == keep:
            return keep
        return urllib.parse.quote(values.get(match.group(0)[1:-1], ""), safe="")

    return re.sub(r"\{(?:text|url|title)\}", value, form)


def aspect_ratio(shape: str) -> float | None:
    """Width over height of a shape written ``4:5``, ``1.91:1`` or ``0.8``; None when it is none."""
    width, colon, height = shape.strip().partition(":")
    try:
        value = float(width) / float(height) if colon else float(width)
    except (ValueError, ZeroDivisionError):
        return None
    return value if value > 0 and value != float("inf") else None
