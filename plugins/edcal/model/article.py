"""A blog article as the plan sees it: metadata only, never the rendered body."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from typing import Literal

from edcal.model.calendar import Media
from edcal.model.source import Source

#: Image files (an image field naming a source file of content/ is a mistake).
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"})
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".webm"})
SUBTITLE_SUFFIXES = frozenset({".vtt", ".srt"})


def content_path(written: str) -> str:
    """A file as a path from the content folder, as Pelican copies it: ``{static}/images/a.png``,
    ``images/./a.png`` and ``images\\a.png`` are ``images/a.png`` (one file, one name to compare).
    A URL is no file of the site: it is returned as written (``https://`` kept whole)."""
    if "://" in written:
        return written
    path = written.removeprefix("{static}").removeprefix("{attach}").replace("\\", "/").lstrip("/")
    if not path:
        return ""
    normal = posixpath.normpath(path)
    return normal + "/" if path.endswith("/") and normal != "." else normal  # a page's URL keeps its "/"


#: The first day a blog's article may be dated: the web's first year. An earlier date is a slip, or the
#: placeholder an import writes for none (1900-01-01, 1970-01-01): told by ``implausible-date``, and the
#: blog's default promotions leave the article out (no network to post on then).
WEB_BEGAN = dt.date(1991, 1, 1)

#: What the writer sets in the front matter.
ArticleStatus = Literal["draft", "review", "published", "hidden"]


@dataclass(frozen=True, slots=True)
class SocialOverride:
    """An article's own wishes for one network (``social:`` in the front matter)."""

    text: str | None = None
    skip: bool = False
    image: str | None = None
    alt: str | None = None
    #: Where its text is written (the network's key, or its ``text:``).
    source: Source | None = None
    #: The first comment under its posts there (``first_comment:``), where the network takes one.
    first_comment: str | None = None
    #: Where that first comment is written.
    comment_source: Source | None = None
    #: The replies under its posts there (``thread:``), where the network answers a post with another.
    thread: tuple[str, ...] | None = None
    #: Where each reply is written.
    thread_sources: tuple[Source, ...] = ()
    #: Its video there (``video:``, instead of ``image:``), where it is written.
    video: Media | None = None
    #: The note for whoever posts it there (``note:``): never posted; an entry's own wins.
    note: str | None = None
    #: Who is in charge of its posts there (``owner:``, a team id); an entry's own wins.
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class Social:
    """``social:`` front matter: which networks promote this article, and how."""

    skip: bool = False
    networks: tuple[str, ...] | None = None
    per_network: dict[str, SocialOverride] = field(default_factory=dict)
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class LinkedFile:
    """A file of the content folder an article's body links to (``![…]({static}/images/a.png)``)."""

    #: As written, e.g. ``{static}/images/a.png``.
    written: str
    #: The file's path relative to the content folder, as Pelican resolves it.
    target: str
    source: Source
    #: Whether the body shows it as an image (``![…](…)``, ``<img src="…">``) rather than links to it.
    image: bool = False


#: What an article's text holds that Markdown reads otherwise than the editor it was written in showed it.
MisreadKind = Literal["list-in-paragraph", "bullets", "paren-numbers", "hashtags", "data-image",
                      "link-without-address", "link-without-words", "title-heading", "callout", "shortcode"]


@dataclass(frozen=True, slots=True)
class MisreadMarkup:
    """Markup of an article's text that the blog shows otherwise than the writer saw it: a list run into
    the paragraph above it, a line of hashtags made a heading, an image pasted as data, the title repeated as
    the text's first heading…"""

    kind: MisreadKind
    #: As written (an image pasted as data: its start, ``data:image/png``).
    written: str
    source: Source
    #: An image pasted as data: how many bytes it weighs.
    weight: int = 0


@dataclass(frozen=True, slots=True)
class Article:
    """An article file's metadata, resolved the way Pelican resolves it."""

    slug: str
    title: str
    date: dt.datetime | None
    status: ArticleStatus
    #: Absolute URL the article has (or will have) once published; "" while it has no date and the
    #: URL is made from the date (ARTICLE_URL = "{date:%Y}/{slug}/").
    url: str
    lang: str
    source: Source
    #: True for the article in the site's default language; translations share its slug.
    is_original: bool = True
    summary: str = ""
    tags: tuple[str, ...] = ()
    category: str | None = None
    authors: tuple[str, ...] = ()
    image: str | None = None
    image_alt: str | None = None
    campaign: str | None = None
    owner: str | None = None
    #: ``owner`` is its author's, on the team, not written (``owner:``): a translation takes its original's.
    owner_from_author: bool = False
    social: Social = field(default_factory=Social)
    draft_due: dt.date | None = None
    review_due: dt.date | None = None
    field_sources: dict[str, Source] = field(default_factory=dict)
    #: Checks silenced in the front matter: rule id -> reason.
    silenced: dict[str, str] = field(default_factory=dict)
    #: Files the body links to with Pelican's ``{static}``, ``{attach}`` or ``{filename}``.
    linked_files: tuple[LinkedFile, ...] = ()
    #: The body's other links to the site, or relative ones, as written (Pelican leaves them so).
    page_links: tuple[LinkedFile, ...] = ()
    #: The site's addresses the text names, however (``/images/a.png``): the files of output/ it shows, kept
    #: out while it is not online (:func:`edcal.load.articles.addresses_in`).
    addresses: tuple[str, ...] = ()
    #: Where the body shows an image without alt text (``![](…)``, ``<img>`` without ``alt``).
    unlabelled_images: tuple[Source, ...] = ()
    misread_markup: tuple[MisreadMarkup, ...] = ()
    #: ``date:`` gave a day without a time: online from midnight, promoted at the day's slot.
    date_only: bool = False
    #: The body holds nothing but headings and comments: its page would show a title alone.
    no_text: bool = False

    def where(self, name: str) -> Source:
        """The location of a front-matter field, or of the article when absent."""
        return self.field_sources.get(name, self.source)

    @property
    def before_the_web(self) -> bool:
        """Dated before the web began (:data:`WEB_BEGAN`): a slip, or an import's placeholder date."""
        return self.date is not None and self.date.date() < WEB_BEGAN  # the day as written
