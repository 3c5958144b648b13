"""The resolved plan: concrete, dated items that every output is a function of."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from edcal.model.article import Article, LinkedFile
from edcal.model.calendar import Calendar, FreezeWindow, Media, Poll, PostEntry
from edcal.model.days import as_instant, start_of_day
from edcal.model.network import MediaRule, fill_share_form
from edcal.model.source import Source

ItemKind = Literal["article", "post", "idea", "deadline"]
ItemStatus = Literal["idea", "writing", "review", "draft", "scheduled", "published", "withheld"]
#: A post's statuses while it may not go out: its text (or its article) is not ready ("draft"), or it is
#: written and awaits approval ("review"). Its time passing, it did not go out.
WAITING: frozenset[str] = frozenset({"draft", "review"})


def status_word(kind: str, status: str, past: bool = False) -> str:
    """The word (a message to translate) that pages, feeds and the agenda show for a status: a post's
    "review" is written and awaits approval ("à valider"); an article's is being read ("en relecture").
    A post still waiting when its time has ``past`` did not go out: said so, not "à valider"."""
    if kind == "post" and past and status in WAITING:
        return "not approved, not gone out" if status == "review" else "still a draft, not gone out"
    return "awaiting approval" if kind == "post" and status == "review" else status


def passed(item: Item, now: dt.datetime) -> bool:
    """Whether a dated post's time has passed at ``now`` (as instants)."""
    return isinstance(item.start, dt.datetime) and item.start <= as_instant(now)  # one side in UTC: instants


@dataclass(frozen=True, slots=True)
class Posted:
    """What the team logged of a post that went out (``posted:``)."""

    #: When it went out: an instant, or a day when the log gives no time.
    at: dt.datetime | dt.date
    #: Its address on the network.
    url: str | None
    #: The log's line.
    source: Source


class Measured:
    """A text measured as its network counts it: ``lengths``, the primary first (counting, length, limit)."""

    __slots__ = ()
    lengths: tuple[tuple[str, int, int], ...]

    @property
    def counting(self) -> str:
        return self.lengths[0][0]

    @property
    def length(self) -> int:
        return self.lengths[0][1]

    @property
    def limit(self) -> int:
        return self.lengths[0][2]

    @property
    def fits(self) -> bool:
        return all(length <= limit for _, length, limit in self.lengths)


@dataclass(frozen=True, slots=True)
class Reply(Measured):
    """One reply of a post's thread, as the network shows it: a post of its own, under its limits."""

    text: str
    #: Every length the network checks, as for a post: (counting, length, limit).
    lengths: tuple[tuple[str, int, int], ...]
    #: Every link it shows shortened (Bluesky): (where it starts in ``text``, the shown text, the full URL).
    links: tuple[tuple[int, str, str], ...] = ()

    @property
    def pasted(self) -> str:
        """The text to paste into the network's composer: see :func:`pasted_text`."""
        return pasted_text(self.text, self.links)

    def link_spans(self) -> list[tuple[int, int, str]]:
        """Where each shortened link sits in ``text``: (start, end, full URL), in order."""
        return link_spans(self.text, self.links)


@dataclass(frozen=True, slots=True)
class Item:
    """One thing on the calendar: an article going live, a post, an idea, a deadline."""

    id: str
    kind: ItemKind
    title: str
    #: A timezone-aware datetime, a date for all-day items, None for undated ideas.
    start: dt.datetime | dt.date | None
    status: ItemStatus
    source: Source
    network: str | None = None
    text: str | None = None
    length: int | None = None
    limit: int | None = None
    counting: str | None = None
    url: str | None = None
    campaign: str | None = None
    owner: str | None = None
    #: Slug of the article a post links to or promotes, or an article/idea's own slug.
    article: str | None = None
    media: tuple[Media, ...] = ()
    #: The post entry (posts) or article/idea (deadlines) this item comes from.
    parent: str | None = None
    promotional: bool = False
    #: Why an item is withheld (the freeze's reason).
    withheld_reason: str | None = None
    #: A post that is not ready besides: "draft" (its text, or its article, is not) or "review" (awaiting
    #: approval); a freeze that covers it held back nothing, it would not have gone out either.
    waiting: ItemStatus | None = None
    #: Per-rule silences written on the entry: rule id -> reason.
    silenced: dict[str, str] = field(default_factory=dict)
    #: Every length the network checks (Bluesky: graphemes and bytes).
    lengths: tuple[tuple[str, int, int], ...] = ()
    #: The text was shortened to fit (its summary cut at a word boundary).
    fitted: bool = False
    #: An article's language (its ``lang:``, else the site's); None for other items.
    lang: str | None = None
    #: How the link appears in the text (shortened on some networks); ``url`` is the full link.
    link_text: str | None = None
    #: The draft template the text was rendered with.
    template: str | None = None
    #: Every link the text shows shortened (Bluesky), in the order of the text: (where it starts in
    #: ``text``, the shown text, the full URL).
    links: tuple[tuple[int, str, str], ...] = ()
    #: The log's word that the post went out (``posted:``); None when it has none.
    posted: Posted | None = None
    #: The log's line saying the post did not go out (``skipped: true``); None when it says nothing so.
    skipped: Source | None = None
    #: A post's content warning (``cw:``), on a network that shows one (Mastodon); counted in ``length``.
    cw: str | None = None
    #: The comment posted under the post once it is out (``first_comment:``, and what the network's
    #: ``in_first_comment:`` moves there), on a network that takes one; None without one.
    first_comment: str | None = None
    #: The first comment's length, counted as the text is, and the network's ``comment_limit``.
    comment_length: int | None = None
    comment_limit: int | None = None
    #: The replies posted under the post, in order (``thread:``), on a network that answers a post with
    #: another; each a post of its own.
    thread: tuple[Reply, ...] = ()
    #: An idea for posts (``networks:`` on an idea): the networks it is meant for; its words are ``text``.
    networks: tuple[str, ...] = ()
    #: A note for whoever posts it (``note:``, its network's under ``variants:`` first): never posted.
    note: str | None = None
    #: A poll (``poll:``, its network's under ``variants:`` first): its answers and how long it is open.
    poll: Poll | None = None
    #: The language of a post's words when it is not its account's or the site's: the translation its entry
    #: names (``article:``, ``promote:``) gives its title and summary. Not that of a page its text links to.
    text_lang: str | None = field(default=None, compare=False)

    @property
    def link_in_comment(self) -> bool:
        """Whether the post's link is in its first comment, not in its text (``in_first_comment: link``)."""
        return bool(self.url and self.first_comment and self.url in self.first_comment
                    and self.url not in self.pasted)

    @property
    def link_in_thread(self) -> bool:
        """Whether the post's link is in a reply of its thread, not in its text."""
        return bool(self.url and self.url not in self.pasted
                    and any(self.url in reply.pasted for reply in self.thread))

    def link_spans(self) -> list[tuple[int, int, str]]:
        """Where each shortened link sits in ``text``: (start, end, full URL), in order."""
        return link_spans(self.text or "", self.links)

    @property
    def pasted(self) -> str:
        """The text to paste into the network's composer or a scheduler: see :func:`pasted_text`."""
        return pasted_text(self.text or "", self.links)

    @property
    def all_day(self) -> bool:
        return self.start is not None and not isinstance(self.start, dt.datetime)

    @property
    def dated(self) -> bool:
        return self.start is not None

    def sort_key(self, zone: ZoneInfo) -> tuple[int, str, str]:
        """Items sort by start instant, then id; all-day items at their day's start in ``zone`` (the
        plan's: a deadline in Los Angeles sorts after the day before's evening posts)."""
        if self.start is None:
            return (1, "", self.id)
        return (0, instant_key(self.start, zone), self.id)


def link_spans(text: str, links: tuple[tuple[int, str, str], ...]) -> list[tuple[int, int, str]]:
    """Where each shortened link sits in ``text``: (start, end, full URL), in order."""
    return [(start, start + len(shown), url) for start, shown, url in links
            if text[start:start + len(shown)] == shown]


def pasted_text(text: str, links: tuple[tuple[int, str, str], ...]) -> str:
    """The full links where the network shows short ones (Bluesky's app shortens a pasted link
    itself, and a short text pasted as such would link nowhere); ``text`` is what the network shows.

    :param links: (where it starts in ``text``, the shown text, the full URL), in order.
    """
    parts, position = [], 0
    for start, shown, url in links:
        if text[start:start + len(shown)] != shown:
            continue
        parts += [text[position:start], url]
        position = start + len(shown)
    return "".join(parts) + text[position:]


def instant_key(start: dt.datetime | dt.date, zone: ZoneInfo) -> str:
    """A sortable UTC key; an all-day date sorts at its day's first instant in ``zone``."""
    if not isinstance(start, dt.datetime):
        start = start_of_day(start, zone)
    # isoformat() is several times faster than strftime()
    return start.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0).isoformat()


@dataclass(frozen=True, slots=True)
class ShareText(Measured):
    """The words suggested to staff for one network, as that network counts them."""

    network: str
    network_name: str
    #: What the network shows (Bluesky shows links shortened).
    text: str
    #: What to paste into the network's composer, full links included.
    pasted: str
    #: Every length the network checks, the primary first: (counting rule, length, limit).
    lengths: tuple[tuple[str, int, int], ...]
    #: The link, tracked (utm_medium=ambassador) when it is the site's and tracking is on.
    url: str
    #: The share form with the link filled in and ``{text}`` left for the words (edited on the page).
    share_form: str | None = None
    #: What the network needs beside the words (``required``: an image; ``video``), for the card to say.
    media: MediaRule = "optional"
    #: Where the link goes when the network makes none in the text clickable, so the words have none:
    #: ``bio`` (Instagram, TikTok: a story's link sticker, or the profile's link), ``field`` (a pin's own
    #: link); None when it is in the words.
    link_apart: str | None = None

    @property
    def form_takes_text(self) -> bool:
        """Whether the share form takes the words; LinkedIn's and Facebook's take only the link."""
        return "{text}" in (self.share_form or "")

    @property
    def share_href(self) -> str | None:
        """The network's share form, filled with the suggested words (or the link alone)."""
        return fill_share_form(self.share_form, {"text": self.pasted}) if self.share_form else None


@dataclass(frozen=True, slots=True)
class Share:
    """Something staff may share from their own accounts: an online article or a page the team chose."""

    id: str
    title: str
    #: The page's address, untracked.
    url: str
    source: Source
    texts: tuple[ShareText, ...]
    #: When the article went online; None for a page that is not an article.
    online: dt.datetime | None = None
    #: First day it is suggested, for a suggestion with a ``from``; None otherwise.
    start: dt.date | None = None
    #: Last day it is suggested (included); None for no end.
    until: dt.date | None = None
    summary: str = ""
    #: An image staff may attach: a path in content/ or an absolute URL.
    image: str | None = None
    image_alt: str | None = None
    #: The article's slug, for an article.
    article: str | None = None
    #: True when the team wrote it under ``ambassadors: suggestions:``.
    chosen: bool = False
    #: The image named for it that the page leaves off (only content not online yet shows it), and where
    #: it is named: the check ``share-image-left`` says so.
    image_left: str | None = None
    image_left_source: Source | None = None


@dataclass(frozen=True, slots=True)
class ShareKit:
    """The ambassadors' page: what staff may share now, or why nothing is (a freeze's reason)."""

    shares: tuple[Share, ...] = ()
    paused: str | None = None
    #: When the freeze of every network that pauses it started: the feed's notice is dated from it.
    paused_since: dt.datetime | None = None
    #: Networks a freeze of some networks covers now: (network's name, the freeze's reason).
    frozen: tuple[tuple[str, str], ...] = ()
    #: The same by freeze: (its start, the networks' ids, their names, its reason), for the feed's notices.
    paused_networks: tuple[tuple[dt.datetime, tuple[str, ...], str, str], ...] = ()


def _folder(url: str) -> tuple[str, str]:
    """A folder's web address as two addresses of it compare: its host in any case, its path without "/"."""
    parts = urlsplit(url)
    return parts.netloc.lower(), parts.path.rstrip("/")


def _output_key(path: str) -> str:
    """An address's path, relative to the site's, as :class:`BlogFiles` keeps paths in output/."""
    path = path.strip("/")
    return posixpath.normpath(path) if path else ""


@dataclass(frozen=True, slots=True)
class BlogFiles:
    """What a build writes in output/, as a reader's address opens it: a link of the site to anything else
    is dead (a page that does not exist, a tag page the theme does not write, a mistyped slug)."""

    #: Paths in output/, as written (``2027/salon/index.html``, ``images/a.png``): a server on Linux, as
    #: most hosts, answers ``A-PROPOS/`` with a 404 where ``a-propos/`` is written.
    files: frozenset[str]
    #: Folders the build fills with files it does not list beforehand (a ``publish:`` folder).
    folders: tuple[str, ...] = ()
    #: What the build writes once the articles and pages held back go online (a draft, an article to come):
    #: their pages, the pages of tags, categories and authors only they have, and the images only they show
    #: (``withheld``), each with the files of the articles and pages that make it (the first of them online
    #: brings it). A post to come may link there once one of them is online.
    later: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    #: Addresses of its pages that are not their files' paths (``tag/inox`` for ``tag/inox.html``, as
    #: ``TAG_URL`` says the host serves it), normalized as ``files``.
    addresses: frozenset[str] = frozenset()
    #: Of ``files``, the static files kept out of output/ until what shows them is online (an image only an
    #: article to come shows): a link to one is dead until then.
    withheld: frozenset[str] = frozenset()
    #: The further pages of the blog's lists that the articles to come add as they go online (the index's
    #: ``index2.html``, a tag's ``tag/inox2.html``), each with the file of the one whose going online makes
    #: it, as ``later`` holds them: worked out when first asked, for an address the build does not write now.
    coming_pages: Callable[[], Mapping[str, tuple[str, ...]]] | None = field(default=None, compare=False)
    #: ``files`` in any capitals, and the folders at output/'s root that hold some (``tag``, ``2027``).
    _folded: frozenset[str] = field(init=False, repr=False, compare=False)
    _top: frozenset[str] = field(init=False, repr=False, compare=False)
    #: The folders of output/ that hold some of ``files``, at any depth (``feeds``, ``2027/salon``).
    _filled: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_folded", frozenset(file.casefold() for file in self.files))
        top = frozenset(file.partition("/")[0] for file in self.files if "/" in file)
        object.__setattr__(self, "_top", top)
        filled = {posixpath.dirname(file) for file in self.files}
        object.__setattr__(self, "_filled", frozenset(folder for folder in filled if folder))

    def writes_in(self, folder: str) -> bool:
        """Whether the build writes files in a folder of output/ (``feeds``, an address's path as
        :meth:`opens` takes it): a file's address there (a feed other settings write) may be the blog's."""
        return _output_key(folder) in self._filled

    def opens_later(self, path: str) -> bool:
        """Whether an address's path (as :meth:`opens` takes it) opens a file the build writes once the
        articles and pages held back are online, and not before."""
        return self._later(path) is not None

    def made_by(self, path: str) -> tuple[str, ...]:
        """The files of the articles and pages held back whose going online makes the page an address's path
        opens (``()`` when it is none of them, or not known)."""
        return self._later(path) or ()

    def _later(self, path: str) -> tuple[str, ...] | None:
        path = _output_key(path)
        keys = (path, posixpath.join(path, "index.html"))
        found = next((self.later[key] for key in keys if key in self.later), None)
        if found is None and self.coming_pages is not None and not self.writes(path):
            pages = self.coming_pages()  # a list's further page, worked out once (most links name none)
            found = next((pages[key] for key in keys if key in pages), None)
        return found

    def writes(self, path: str) -> bool:
        """Whether the build writes the file that an address's path (as :meth:`opens` takes it) opens."""
        path = _output_key(path)
        return path in self.files or posixpath.join(path, "index.html") in self.files \
            or path in self.addresses

    def writes_now(self, path: str) -> bool:
        """Whether the build writes, at this build, the file that an address's path opens: not a file kept out
        until what shows it is online."""
        return self.writes(path) and _output_key(path) not in self.withheld

    def holds_now(self, path: str) -> bool:
        """Whether an address's path (as :meth:`opens` takes it) opens what output/ holds at this build: not a
        file kept out until what shows it is online."""
        return self.opens(path) and _output_key(path) not in self.withheld

    def opens(self, path: str) -> bool:
        """Whether an address's path, relative to the site's (``2027/salon/``, ``pages/a.html``, ``""``
        for the home page), opens a file the build writes (a folder's ``index.html`` too), or may: only an
        address in a folder the blog writes in (``tag/``, ``2027/``, ``images/``, ``theme/``), or a page
        ``.html`` at its root, is the blog's to judge; another one of its host (``boutique/``, a form the
        server answers, a file put there by hand) is taken as it is."""
        path = _output_key(path)
        if self.writes(path):
            return True
        if any(path == folder or path.startswith(folder + "/") for folder in self.folders):
            return True
        if path.casefold() in self._folded or posixpath.join(path, "index.html").casefold() in self._folded:
            return False  # the blog's page in other capitals: "not found" on most hosts
        first, _slash, rest = path.partition("/")
        if rest:
            return first not in self._top
        return not path.endswith(".html")


@dataclass(frozen=True, slots=True)
class NightLeftOut:
    """A night the clocks skip or repeat the time of a recurring post with no end: that night's occurrence is
    not planned, and `edcal check` says so (clock-change-night). The horizon brings such a night into the plan
    a year ahead, on a day nobody edits it: as an input error, it stopped that day's scheduled build."""

    #: The post entry's id.
    entry: str
    #: The rule's day that night.
    day: dt.date
    #: What the clocks do to its time (a WallClockError's message), and what to write under `repeat:`.
    problem: str
    hint: str
    #: The networks' names it would have gone out on.
    networks: tuple[str, ...]
    #: Where the rule is written.
    source: Source


@dataclass(slots=True)
class Plan:
    """The calendar, the articles and every resolved item, at a given "now"."""

    calendar: Calendar
    articles: list[Article]
    items: list[Item]
    now: dt.datetime
    generated_at: dt.datetime
    site_url: str = ""
    lang: str = "en"
    #: The content folder (images are looked up there) and Pelican's ARTICLE_URL.
    content_root: Path | None = None
    article_url_template: str | None = None
    #: Posts before this instant were not composed (a plan for checks only, never written out).
    composed_from: dt.datetime | None = None
    #: The blog's name (Pelican's SITENAME), shown on the planning pages and in feed names.
    site_name: str = ""
    #: Where the settings set SITEURL (``pelicanconf.py:6``), for the check of the address.
    site_url_source: Source | None = None
    #: URLs of the blog's pages (relative to the site, e.g. "a-propos/"), for link checks.
    page_urls: frozenset[str] = frozenset()
    #: Each page's address (``https://…/pages/contact.html``) by its file (``content/pages/contact.md``).
    page_addresses: dict[str, str] = field(default_factory=dict)
    #: What the build writes in output/ (Pelican's pages, feeds, static files), when the plan was read
    #: through Pelican; None otherwise (nothing is judged against it).
    blog_files: BlogFiles | None = None
    #: The settings' DEFAULT_IMAGE (a path in the content folder) and where they set it: every page without an
    #: image of its own shares it.
    default_image: tuple[str, Source] | None = None
    #: The theme's and drafts' words with no translation into the site's language, and where to add them.
    untranslated: tuple[tuple[str, ...], Source] | None = None
    #: The site's THEME when it is a copy of edcal's theme (as written, e.g. ``themes/edcal``), and where the
    #: settings set it: edcal's fixes to its theme do not reach the site.
    theme_copy: tuple[str, Source] | None = None
    #: What of the site's THEME_TEMPLATES_OVERRIDES nothing reads (a folder not there, files laid out as in
    #: the theme's folder): where, what, and the hint.
    override_problems: tuple[tuple[Source, str, str], ...] = ()
    #: The plugins of PLUGINS left out of this read because a package is missing where edcal runs (the
    #: pre-commit hook's environment): where, what, and the hint.
    plugin_problems: tuple[tuple[Source, str, str], ...] = ()
    #: Files of the content folder the texts of pages not in draft link to: (the page's path, LinkedFile).
    page_files: tuple[tuple[str, LinkedFile], ...] = ()
    #: Links the texts of pages not in draft leave as written (addresses): (the page's path, LinkedFile).
    page_links: tuple[tuple[str, LinkedFile], ...] = ()
    #: What staff may share now from their own accounts.
    sharing: ShareKit = field(default_factory=ShareKit)
    #: The nights left out of recurring posts with no end (their time does not exist, or exists twice).
    nights_left_out: tuple[NightLeftOut, ...] = ()
    _by_slug: dict[str, Article] | None = field(default=None, repr=False, compare=False)
    _by_item: dict[str, Article] | None = field(default=None, repr=False, compare=False)

    def by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    def named_ids(self) -> set[str]:
        """Every id a person may name: post entries' and their items' (and one day's occurrence of a
        recurring post), articles' (slug and item id),
        ideas' and key dates' (``edcal move`` selects by them; ``edcal import`` gives none of them)."""
        calendar = self.calendar
        return {entry.id for entry in calendar.posts} | {item.id for item in self.items} \
            | {item.parent for item in self.items if item.parent} \
            | {name for item in self.items if (name := occurrence_name(item))} \
            | {article.slug for article in self.articles} | {article_item_id(a) for a in self.articles} \
            | {idea.id for idea in calendar.ideas} | set(calendar.key_dates)

    def public_feeds_url(self) -> str | None:
        """Where the public site serves the copies of ``feeds: publish:`` (SITEURL, then the folder, ending
        with "/"); None when the feeds are not published, or SITEURL is no web address."""
        folder, site = self.calendar.feeds.publish, self.site_url.rstrip("/")
        return f"{site}/{folder}/" if folder and site.lower().startswith(("https://", "http://")) else None

    def feeds_url(self) -> str | None:
        """Where the team's feeds are subscribed to: ``planning.url``, else their public copies' address."""
        return self.calendar.planning.url or self.public_feeds_url()

    def planning_site_url(self) -> str | None:
        """Where the planning site's pages and media are: ``planning.url``, unless it names the folder that
        ``feeds: publish:`` fills, which holds the feeds alone (no page, no media/: every link there was a
        404; the check ``planning-url-feeds-only`` says so)."""
        url = self.calendar.planning.url
        return None if url is not None and self.planning_url_holds_feeds_only() else url

    def planning_url_holds_feeds_only(self) -> bool:
        """Whether ``planning.url`` is the address of the folder ``feeds: publish:`` fills (scheme and host in
        any case, with or without its final "/")."""
        url, public = self.calendar.planning.url, self.public_feeds_url()
        if url is None or public is None:
            return False
        return _folder(url) == _folder(public)

    def day_of(self, start: dt.datetime | dt.date) -> dt.date:
        """The day an instant (or a day) falls on in the site's time zone."""
        return start.astimezone(self.calendar.zone).date() if isinstance(start, dt.datetime) else start

    def released(self, item: Item) -> bool:
        """Whether the item is an article a freeze holds back that goes online when the freeze ends
        (its start is then, not its own date)."""
        if item.kind != "article" or item.status != "withheld":
            return False
        article = self.article_of(item)
        return article is not None and article.date is not None and item.start != article.date

    def waits_for_original(self, item: Item) -> bool:
        """Whether the item is a translation held back until its original goes online (a draft, in review,
        or held by a freeze with no end): "withheld", without a freeze of its own to say why."""
        if item.kind != "article" or item.status != "withheld" or item.withheld_reason is not None:
            return False
        article = self.article_of(item)
        return article is not None and not article.is_original

    def article_of(self, item: Item) -> Article | None:
        """The article an item is about: an article's item is its own language's version
        (a translation shares its original's slug); a post or deadline names the original, or, a post on
        an account of another language (its `lang`), the translation it posts."""
        if item.kind == "article" or (item.kind == "post" and item.lang is not None):
            if self._by_item is None:
                self._by_item = {article_item_id(a): a for a in self.articles}
            if item.kind == "post":
                return self._by_item.get(article_item_id_for(item.article or "", item.lang))
            return self._by_item.get(item.id)
        return self.articles_by_slug().get(item.article or "")

    def language_of(self, post: Item) -> str:
        """The language a post's text is in, as a BCP 47 tag (what Mastodon's ``language`` and Bluesky's
        ``langs`` take): its account's (``lang:``), else the translation's its entry names (a post giving an
        article's English version), else the site's: a French text linking an English page is French."""
        network = self.calendar.networks.get(post.network or "")
        return ((network.lang if network else None) or post.text_lang or self.lang).replace("_", "-")

    def listed(self, item: Item) -> bool:
        """Whether an article's item is one of the blog's articles, as its lists show them: an original (a
        translation is the same article), not ``status: hidden`` (a page at its address, in no list)."""
        article = self.article_of(item) if item.kind == "article" else None
        return article is not None and article.is_original and article.status != "hidden"

    def articles_by_slug(self) -> dict[str, Article]:
        """Original articles by slug (computed once: the outputs ask for it per item)."""
        if self._by_slug is None:
            self._by_slug = {a.slug: a for a in self.articles if a.is_original}
        return self._by_slug


def made_by(entry: PostEntry, item: Item) -> bool:
    """Whether ``entry`` wrote the post ``item``: the blog's default promotions of an article share their
    parent with an entry of calendar.yaml that has the article's slug for id, and are not its. Theirs is
    the article's line; an entry's posts are on lines of the entry's file (its `at:`, a `moved:` day, a
    step of its `schedule:`). Asked of every post by several checks: no expression to match."""
    return item.parent == entry.id and item.source.path == entry.source.path


def occurrence_name(item: Item) -> str | None:
    """The name of one day's occurrence of a recurring post, on all its networks: the entry's id and
    the rule's day (``astuce-du-jeudi-20270121``); None for any other item."""
    if item.kind != "post" or not item.parent or not item.network:
        return None
    day = item.id.removeprefix(f"{item.parent}-{item.network}-")
    return f"{item.parent}-{day}" if len(day) == 8 and day.isdigit() and day != item.id else None


def key_date_event_id(key_date_id: str) -> str:
    """The id a key date's feed event is made from (its UID): no item may have it."""
    return f"key-date-{key_date_id}"


def absence_event_id(person_id: str, first: dt.date) -> str:
    """The id an absence's feed event is made from (its UID): the person and its first day, which no item id
    can be (an id has no ``:``). Its reason, end or stand-in changed, it stays one event."""
    return f"absence:{person_id}:{first:%Y-%m-%d}"


def freeze_event_id(window: FreezeWindow, zone: dt.tzinfo) -> str:
    """The id a freeze's feed event is made from (its UID): its start in the site's zone and its networks, as
    the ambassadors' feed identifies its "Sharing paused" entry, which no item id can be (an id has no
    ``:``). Its reason or end edited, it stays one event; a later freeze is another."""
    start = window.start.astimezone(zone)
    networks = "" if window.networks is None else ":" + "-".join(sorted(window.networks))
    return f"freeze:{start:%Y%m%dT%H%M}{networks}"


def article_item_id(article: Article) -> str:
    """The plan item's id of an article: ``article-<slug>``, and ``-<lang>`` for a translation."""
    return article_item_id_for(article.slug, None if article.is_original else article.lang)


def article_item_id_for(slug: str, translation: str | None) -> str:
    """:func:`article_item_id` from a slug and, for a translation, its language."""
    return f"article-{slug}" + (f"-{translation}" if translation else "")
