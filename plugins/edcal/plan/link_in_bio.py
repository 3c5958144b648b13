"""The "link in bio" page: the links of the latest posts on networks whose captions link nowhere.

An Instagram or TikTok caption cannot carry a clickable link; the profile has
one, to a page listing the links of the latest posts ("lien en bio"). The
page is public (``output/<path>/``, :mod:`edcal.pelican_plugin.link_in_bio`),
so it holds only what is out: posts on ``link_in_bio: networks`` that went out
at the build's "now" by themselves (approved, their time passed, no freeze
holding them, not marked ``skipped`` in the log), whose link is online (an
article to come, or its translation, leaves the post out; so does a link of
the site to a file the build does not write, ``Plan.blog_files``: a page that
does not exist, a tag page the theme does not write, a mistyped slug),
newest first, one entry per link. Each shows its image (a video's cover), if a file of content/
that no unpublished article shows, and the tracked link the post carries
(``utm_source`` the network).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from edcal.addresses import article_key, blog_path
from edcal.model.article import Article, content_path
from edcal.model.calendar import LinkInBioSettings, PostEntry
from edcal.model.days import as_instant
from edcal.model.plan import Item, Plan
from edcal.plan.compose import URL_IN_TEXT
from edcal.plan.status import article_files, article_state

#: Longest label taken from a post's own words, in characters.
LABEL_LENGTH = 90


@dataclass(frozen=True, slots=True)
class BioLink:
    """One entry of the page."""

    #: The post's id (the newest post with this link): the entry's anchor.
    id: str
    network: str
    #: The promoted article's title, else the post's first line.
    label: str
    #: The link the post carries, tracked for its network.
    url: str
    #: When the post went out, in the calendar's time zone.
    at: dt.datetime
    #: An image of content/ (a path there) and its alt text; None without one.
    image: str | None = None
    alt: str | None = None
    #: The label's language (the article's, or the post's text's), as a BCP 47 tag: a title of an English
    #: translation is read as English on a French page.
    lang: str = ""

    def without_image(self) -> BioLink:
        """The entry without its image (one the blog does not publish: it would be broken)."""
        return dataclasses.replace(self, image=None, alt=None)


@dataclass(frozen=True, slots=True)
class BioPage:
    """The page's entries, and the posts it leaves out that it would have listed."""

    links: tuple[BioLink, ...]
    #: Posts gone out, newer than its last entry, whose link opens no page of the site the build writes
    #: (a page that does not exist, a tag page the theme does not write, a mistyped slug).
    dead: tuple[DeadLink, ...] = ()


@dataclass(frozen=True, slots=True)
class DeadLink:
    """A post the page leaves out: its link opens no page the build writes."""

    post: str
    link: str
    #: The article whose address the link is in other capitals (``/2027/A/``, ``/2027/a/INDEX.HTML``), if
    #: any, by its title and address: its page to edcal (:func:`edcal.addresses.article_key`), "not found"
    #: to the web server.
    title: str = ""
    meant: str = ""


def link_in_bio(plan: Plan) -> tuple[BioLink, ...] | None:
    """The page's entries at ``plan.now``, newest first; None when calendar.yaml asks for no page."""
    page = bio_page(plan)
    return page.links if page is not None else None


def bio_page(plan: Plan) -> BioPage | None:
    """The page at ``plan.now`` (:func:`link_in_bio`), with what it leaves out; None without the setting."""
    settings = plan.calendar.link_in_bio
    if settings is None:
        return None
    online = _Online(plan)
    found: dict[str, BioLink] = {}  # by the page they open: one link tracked for Instagram and TikTok is one
    dead: dict[str, DeadLink] = {}
    untracked = plan.calendar.tracking.untracked
    for item in sorted(_listed(plan, settings), key=lambda item: (_went_out(item), item.id), reverse=True):
        page = untracked(item.url or "")
        if page in found or page in {left.link for left in dead.values()} or not online.link(item):
            continue
        if not online.written(item):
            meant = online.article(item)
            dead[item.id] = DeadLink(item.id, page, *((meant[0].title, meant[0].url) if meant else ()))
            continue
        image, alt = online.image(item)
        label, lang = online.label(item)
        found[page] = BioLink(id=item.id, network=item.network or "", label=label,
                              url=item.url or "", at=_went_out(item).astimezone(plan.calendar.zone),
                              image=image, alt=alt, lang=lang.replace("_", "-"))
        if len(found) == settings.count:
            break
    return BioPage(tuple(found.values()), tuple(dead.values()))


def link_in_bio_changes(plan: Plan) -> list[dt.datetime]:
    """The moments the page changes by itself: each post it would list going out (articles going online
    are moments of their own). ``edcal next-change`` composes no post: a post not composed counts when
    it names an article or its entry writes a link."""
    settings = plan.calendar.link_in_bio
    if settings is None:
        return []
    entries = {entry.id: entry for entry in plan.calendar.posts}
    # As instants: a set of one zone's times holds 02:10 +02:00 and 02:10 +01:00 as one (as_instant).
    instants = {as_instant(item.start) for item in plan.items  # type: ignore[arg-type]
                if item.kind == "post" and item.network in settings.networks and item.skipped is None
                and item.status == "scheduled" and isinstance(item.start, dt.datetime)
                and (item.url or item.article or _writes_a_link(entries.get(item.parent or ""), item))}
    return [instant.astimezone(plan.calendar.zone) for instant in sorted(instants)]


def _writes_a_link(entry: PostEntry | None, item: Item) -> bool:
    if entry is None:
        return False
    variant = entry.variants.get(item.network or "")
    if entry.link or (variant is not None and variant.link):
        return True
    written = [entry.text, *entry.texts, entry.first_comment, *entry.thread,
               variant.text if variant else None]
    return any(URL_IN_TEXT.search(text) for text in written if text)  # at worst, a rebuild changing nothing


def _candidate(item: Item, settings: LinkInBioSettings) -> bool:
    return item.kind == "post" and item.network in settings.networks and bool(item.url) \
        and item.skipped is None


def _listed(plan: Plan, settings: LinkInBioSettings) -> list[Item]:
    """Posts that went out by themselves: approved, their time passed, no freeze holding them."""
    return [item for item in plan.items if _candidate(item, settings) and item.status == "published"
            and isinstance(item.start, dt.datetime)]


def _went_out(item: Item) -> dt.datetime:
    posted = item.posted.at if item.posted is not None else None
    start = posted if isinstance(posted, dt.datetime) else item.start
    assert isinstance(start, dt.datetime)
    return start.astimezone(dt.UTC)


class _Online:
    """What of the blog is online at the plan's "now": articles by address, and images."""

    def __init__(self, plan: Plan):
        self.plan = plan
        by_slug = plan.articles_by_slug()
        self.by_path: dict[str, tuple[Article, bool]] = {}
        public: set[str] = set()
        private: set[str] = set()
        for article in plan.articles:
            live = article_state(article, plan.calendar, plan.now, by_slug).live
            path = blog_path(article.url, plan.site_url, base=plan.site_url.rstrip("/") + "/") \
                if article.url else None  # "" while undated
            if path is not None:
                self.by_path[article_key(path)] = (article, live)
            (public if live else private).update(article_files(article, plan.site_url))
        self.unpublished_images = private - public

    def article(self, item: Item) -> tuple[Article, bool] | None:
        """The article the post's link opens, with whether it is online."""
        path = blog_path(item.url or "", self.plan.site_url)
        return None if path is None else self.by_path.get(article_key(path))

    def written(self, item: Item) -> bool:
        """Whether the post's link opens a file the build writes, when it is an address of the site (a link
        elsewhere is the other site's); not an image kept out until what shows it is online."""
        path = blog_path(item.url or "", self.plan.site_url)
        files = self.plan.blog_files
        return path is None or files is None or files.holds_now(path)

    def link(self, item: Item) -> bool:
        """Whether the post's link may be listed: not to an article (or translation) not online."""
        found = self.article(item)
        if found is not None and not found[1]:
            return False
        # The article it promotes: listed once a version of it is online (a post before it is an error too).
        return item.article is None or any(live for article, live in self.by_path.values()
                                           if article.slug == item.article)

    def label(self, item: Item) -> tuple[str, str]:
        """The entry's words, and their language: the title of the article its link opens (or it
        promotes), else the first line of its text."""
        found = self.article(item)
        if found is not None:
            return found[0].title, found[0].lang
        promoted = self.plan.articles_by_slug().get(item.article or "")
        if promoted is not None:
            return promoted.title, promoted.lang
        return first_line(item.text or item.title), self.plan.language_of(item)

    def image(self, item: Item) -> tuple[str | None, str | None]:
        """The post's first image (a video's cover), if it is a file of content/ no unpublished article
        shows: none otherwise (a later image of a carousel is not what the post showed first)."""
        if not item.media:
            return None, None
        media = item.media[0]
        path = media.cover if media.is_video else media.path
        if path and "://" not in path and content_path(path) not in self.unpublished_images:
            return content_path(path), media.alt
        return None, None


def first_line(text: str) -> str:
    """A post's first line, without its links and the hashtags that end it, cut at a word."""
    line = next((line for line in text.splitlines() if line.strip()), "")
    line = URL_IN_TEXT.sub("", line)
    line = re.sub(r"(\s*#\w+)+\s*$", "", line).strip()
    if len(line) <= LABEL_LENGTH:
        return line
    cut = line[:LABEL_LENGTH - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"
