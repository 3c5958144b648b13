"""What staff may share from their own accounts (employee advocacy), with words for each network.

Only what is online is suggested: articles that went online in the last
``ambassadors.days`` days, and what the team chose under ``ambassadors:
suggestions:`` (an article once it is online, any other page such as a job
offer between its ``from`` and ``until``). So the page can be handed to every
employee: it holds nothing the public cannot see. A freeze covering "now"
empties it (or drops the networks it names): in a crisis nobody is asked to
share cheerful news.

The words come from the drafts folder's ``ambassador.txt.j2``, rendered and
fitted per network like the company's own drafts; links carry
``utm_medium=ambassador`` so that staff's shares are measured apart.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import urllib.parse
from collections.abc import Callable, Sequence
from pathlib import PurePosixPath

from edcal.addresses import absolute, blog_path, on_other_port
from edcal.errors import ErrorCollector
from edcal.i18n import same_language, say
from edcal.ids import slugify
from edcal.model.article import IMAGE_SUFFIXES, Article, content_path
from edcal.model.calendar import AmbassadorSettings, Calendar, FreezeWindow, ShareSuggestion
from edcal.model.days import as_instant, start_of_day
from edcal.model.network import Network, fill_share_form
from edcal.model.plan import Item, Share, ShareKit, ShareText, pasted_text
from edcal.model.source import Source
from edcal.plan.compose import (
    URL_IN_TEXT,
    Composer,
    PostParts,
    track,
    track_text,
    tracking_values,
)
from edcal.plan.linked import slug_hint
from edcal.plan.status import (
    LIFTED_DAYS,
    article_state,
    explicitly_promoted,
    freeze_at,
    media_kept,
    offered_to_staff,
)

#: The draft template of the words suggested to staff.
AMBASSADOR_TEMPLATE = "ambassador.txt.j2"


def check_suggestions(calendar: Calendar, by_slug: dict[str, Article], errors: ErrorCollector) -> None:
    """Every suggested article exists (a typo would leave it out of the page silently)."""
    for suggestion in calendar.ambassadors.suggestions:
        if suggestion.article is not None and suggestion.article not in by_slug:
            where = suggestion.field_sources.get("article", suggestion.source)
            errors.add(where, say("unknown article '{slug}'", slug=suggestion.article),
                       slug_hint(suggestion.article, by_slug)
                       or say("give the slug of an article"))


def suggestion_window(suggestion: ShareSuggestion, online: dt.date | None,
                      days: int) -> tuple[dt.date | None, dt.date | None]:
    """The first and last days a suggestion is shown (None: no bound), ``online`` being the day its
    article went (or goes) online: from the later of that day and ``from``; until ``until``, else for
    an article ``days`` days."""
    start = max((day for day in (suggestion.start, online) if day is not None), default=None)
    end = suggestion.end
    if end is None and start is not None and online is not None and days:
        end = start + dt.timedelta(days=days - 1)
    return start, end


def page_networks(settings: AmbassadorSettings) -> dict[str, Network]:
    """The networks the ambassadors' page suggests words for, by id: ``ambassadors: networks:`` and its
    suggestions'. A freeze of others pauses nothing for staff, and its end resumes nothing."""
    suggested = (n for s in settings.suggestions for n in s.networks or ())
    return {n.id: n for n in (*settings.networks, *suggested)}


def share_page_changes(calendar: Calendar, articles: list[Article], now: dt.datetime) -> list[dt.datetime]:
    """The moments the ambassadors' page changes by itself: midnight on a suggestion's ``from``, the day
    after its ``until`` and the day after an article's ``days`` are over; a freeze's start and end, and
    :data:`LIFTED_DAYS` after its end, when the feed's "Sharing resumed" entry leaves (articles going online
    are moments of their own)."""
    days = calendar.ambassadors.days
    online = {}
    for article in articles:
        live_at = article_state(article, calendar, now).live_at
        if live_at is not None and article.is_original:
            online[article.slug] = live_at.astimezone(calendar.zone).date()
    changes: set[dt.date] = set()
    named = set()
    for suggestion in calendar.ambassadors.suggestions:
        start, end = suggestion_window(suggestion, online.get(suggestion.article or ""), days)
        changes |= {day for day in (start, end and end + dt.timedelta(days=1)) if day}
        named.add(suggestion.article)
    if days:
        changes |= {day + dt.timedelta(days=days) for slug, day in online.items() if slug not in named}
    # A day's first instant: 01:00 where the clocks skip midnight (Santiago).
    moments = {as_instant(start_of_day(day, calendar.zone)) for day in changes}
    # A freeze empties the page (or drops its networks) from its start, and gives it back at its end.
    moments |= {as_instant(instant) for window in calendar.freezes for instant in (window.start, window.end)
                if instant}
    moments |= {as_instant(window.end + dt.timedelta(days=LIFTED_DAYS)) for window in calendar.freezes
                if window.end is not None}
    return [moment.astimezone(calendar.zone) for moment in sorted(moments)]  # as instants (as_instant)


def site_addresses(text: str, site_url: str, paths: bool = True) -> list[str]:
    """The site's addresses a text holds, as a browser would open them: written in full, without their
    scheme (``www.example.fr/2027/a/``: LinkedIn links it), or as a path (``/2027/a/``; not with
    ``paths=False``: a post's text, where a path is no link)."""
    found = list(URL_IN_TEXT.findall(text))
    host = urllib.parse.urlsplit(site_url).netloc.removeprefix("www.")
    if host:
        bare = rf"(?<![\w.@/-])(?:www\.)?{re.escape(host)}(?::\d+)?(/[^\s<>\"]*)?"
        found += [f"https://{host}{m.group(1) or '/'}" for m in re.finditer(bare, text, re.IGNORECASE)]
    if paths:
        found += [absolute(m.group(0), site_url) for m in re.finditer(r"(?<![\w/.:-])/[\w\-./%~]+", text)]
    return [address.rstrip(".,;:!?)»'\"") for address in found]


class ShareKitBuilder:
    """The ambassadors' page at ``now``, from the calendar and the articles.

    :param article_at: the article a site address belongs to, if any: a `link:` to one follows it.
    """

    def __init__(self, calendar: Calendar, articles: list[Article], by_slug: dict[str, Article],
                 article_at: Callable[[str], Article | None], now: dt.datetime, site_url: str,
                 composer: Composer, posts: Sequence[Item] = ()):
        self.calendar = calendar
        self.settings = calendar.ambassadors
        self.by_slug = by_slug
        self.article_at = article_at
        self.now = now
        self.today = now.astimezone(calendar.zone).date()
        self.site_url = site_url
        self.composer = composer
        self.tracking = dataclasses.replace(calendar.tracking, medium=self.settings.medium)
        self._ids: set[str] = set()
        # Images only articles that are not online show, or posts not gone out (a video's cover too): Pelican
        # keeps them out of output/, so does the page.
        public: set[str] = set()
        private: set[str] = set(media_kept(posts, now))
        for article in articles:
            paths = {content_path(article.image)} if article.image else set()
            paths |= {f.target for f in article.linked_files}
            (public if article_state(article, calendar, now, by_slug).live else private).update(paths)
        self.unpublished_images = frozenset(private - public)
        # Each article's translations (same slug, another `lang:`): an account in another language shares
        # its own.
        self.translations: dict[str, list[Article]] = {}
        for article in articles:
            if not article.is_original:
                self.translations.setdefault(article.slug, []).append(article)

    def build(self) -> ShareKit:
        """The team's suggestions first, in the order written, then the articles online in the last
        ``days`` days, newest first."""
        pause = next((w for w in self.calendar.freezes if w.networks is None and w.covers(self.now)), None)
        if pause is not None:  # a freeze of every network: nothing for anyone to share
            return ShareKit(paused=pause.reason, paused_since=pause.start)
        shares = [share for s in self.settings.suggestions if (share := self._chosen(s)) is not None]
        named = {s.article for s in self.settings.suggestions if s.article} | {s.article for s in shares}
        recent, promoted = [], explicitly_promoted(self.calendar)
        for article in self.by_slug.values():
            if article.slug in named or not offered_to_staff(article, promoted):
                continue
            share = self._recent(article)
            if share is not None:
                recent.append(share)
        recent.sort(key=lambda share: (-share.online.timestamp() if share.online else 0, share.id))
        networks = page_networks(self.settings)
        frozen: list[tuple[str, str]] = []
        by_window: dict[int, tuple[FreezeWindow, list[Network]]] = {}
        for network in networks.values():
            window = freeze_at(self.calendar, self.now, network.id)
            if window is not None:
                frozen.append((network.name, window.reason))
                by_window.setdefault(id(window), (window, []))[1].append(network)
        paused_networks = tuple((window.start, tuple(n.id for n in held), ", ".join(n.name for n in held),
                                 window.reason) for window, held in by_window.values())
        return ShareKit(shares=tuple(s for s in (*shares, *recent) if s.texts), frozen=tuple(frozen),
                        paused_networks=paused_networks)

    def _online(self, article: Article) -> dt.datetime | None:
        """When the article went online, if it is online now."""
        state = article_state(article, self.calendar, self.now, self.by_slug)
        return state.live_at if state.live else None

    def _day(self, instant: dt.datetime) -> dt.date:
        return instant.astimezone(self.calendar.zone).date()

    def _recent(self, article: Article) -> Share | None:
        since = self._online(article)
        days = self.settings.days
        if since is None or not days:
            return None
        until = self._day(since) + dt.timedelta(days=days - 1)
        if until < self.today:
            return None
        return self._share(article.slug, article.title, article.url, article.source, since, until, article,
                           None, self.settings.networks, None, article.image, article.image_alt, chosen=False)

    def _article_named(self, address: str) -> Article | None:
        """The article an address names: its page, or its address on another scheme's port
        (``http://…:443/a-venir/``, no page, its slug in plain sight all the same)."""
        return self.article_at(on_other_port(address, self.site_url) or address)

    def _chosen(self, suggestion: ShareSuggestion) -> Share | None:
        """A suggestion the team wrote, if it is shown today."""
        link = absolute(suggestion.link, self.site_url) if suggestion.link else None
        article = self.by_slug.get(suggestion.article or "") or (self._article_named(link) if link else None)
        since = None
        if article is not None:  # an article only once it is online: the page must leak nothing
            since = self._online(article)
            if since is None:
                return None
        # Nor an address in its words, its title or its image's alt text: all three are on the page.
        shown = "\n".join(part for part in (suggestion.text, suggestion.title, suggestion.alt) if part)
        for written in site_addresses(shown, self.site_url):
            other = self._article_named(written)
            if other is not None and self._online(other) is None:
                return None
        start, end = suggestion_window(suggestion, self._day(since) if since else None, self.settings.days)
        if (start is not None and self.today < start) or (end is not None and end < self.today):
            return None
        url = link or (article.url if article else "")
        title = suggestion.title or (article.title if article else url)
        image = suggestion.image or (article.image if article else None)
        alt = suggestion.alt or (article.image_alt if article and image == article.image else None)
        wanted_id = suggestion.id or (article.slug if article else slugify(title) or "suggestion")
        return self._share(wanted_id, title, url,
                           suggestion.field_sources.get("text", suggestion.source), since, end, article,
                           suggestion.text,
                           suggestion.networks or self.settings.networks, suggestion.campaign, image, alt,
                           chosen=True, start=start if suggestion.start else None, written=suggestion.link,
                           image_source=suggestion.field_sources.get("image" if suggestion.image
                                                                     else "article"))

    def _share(self, wanted_id: str, title: str, url: str, source: Source, since: dt.datetime | None,
               until: dt.date | None, article: Article | None, text: str | None,
               networks: tuple[Network, ...], campaign_id: str | None, image: str | None,
               alt: str | None, chosen: bool, start: dt.date | None = None,
               written: str | None = None, image_source: Source | None = None) -> Share:
        share_id = wanted_id
        number = 1
        while share_id in self._ids:  # two suggestions for one article, or two of one title
            number += 1
            share_id = f"{wanted_id}-{number}"
        self._ids.add(share_id)
        left = None
        if image and not self._public_image(image):
            image, alt, left = None, None, image
        return Share(
            id=share_id, title=title, url=url, source=source,
            texts=self._words(share_id, url, networks, article, text, title, campaign_id, written),
            online=since, start=start, until=until, summary=article.summary if article else "", image=image,
            image_alt=alt, article=article.slug if article else None, chosen=chosen,
            image_left=left, image_left_source=(image_source or source) if left else None,
        )

    def _public_image(self, image: str) -> bool:
        """An address, or an image file of content/ that no unpublished article alone shows, named by its
        path or by its address on the site (``https://blog…/images/salon.png``: the page printed it)."""
        if "://" in image:
            on_blog = blog_path(image, self.site_url)
            if on_blog is None:
                return True
            image = on_blog
        path = content_path(image)
        return PurePosixPath(path).suffix.lower() in IMAGE_SUFFIXES and path not in self.unpublished_images

    def _version(self, article: Article, network: Network) -> Article | None:
        """The version of an article a network's readers read, as its promotions post it: the original on a
        network in its language (or without `lang:`), else its translation in the network's language if
        that is online (with its original's campaign when it names none); None without one."""
        lang = network.lang
        if lang is None or same_language(lang, article.lang or self.composer.lang, primary=True):
            return article
        versions = [v for v in self.translations.get(article.slug, ()) if self._online(v) is not None]
        found = next((v for v in versions if same_language(v.lang, lang)), None) \
            or next((v for v in versions if same_language(v.lang, lang, primary=True)), None)
        return dataclasses.replace(found, campaign=found.campaign or article.campaign) if found else None

    def _words(self, share_id: str, url: str, networks: tuple[Network, ...], article: Article | None,
               text: str | None, title: str, campaign_id: str | None,
               written: str | None = None) -> tuple[ShareText, ...]:
        """The words for each network; ``written``: the link as the suggestion wrote it (``/a-propos/``)."""
        calendar = self.calendar
        campaign = calendar.campaigns.get(campaign_id or (article.campaign if article else None) or "")
        texts = []
        for network in networks:
            if freeze_at(calendar, self.now, network.id) is not None:
                continue  # a freeze of this network: nothing to share there now
            # An account in another language (`lang:`) shares the article's version in it: its title, address
            # and tags, as the template's words are in that language; none online, and no words of the
            # team's: nothing to share there (as the blog's promotions leave it out).
            version = self._version(article, network) if article is not None else None
            if article is not None and version is None and not text:
                continue
            shown, address = title, url
            if version is not None and version is not article:
                shown = version.title if title == article.title else title  # type: ignore[union-attr]
                address = version.url if url == article.url else url  # type: ignore[union-attr]
            values = tracking_values(network, campaign, version or article, share_id, f"share-{share_id}")
            tracked = track(address, values, self.tracking, self.site_url)
            words = track_text(text, written or address, tracked, values, self.tracking, self.site_url) \
                if text else None
            composed = self.composer.compose(PostParts(
                network=network, item_id=f"share-{share_id}", text=words, title=shown, url=tracked,
                article=version or article, campaign=campaign, template=AMBASSADOR_TEMPLATE, commented=False,
            ))
            form = network.share_form
            texts.append(ShareText(
                network=network.id, network_name=network.name, text=composed.text,
                pasted=pasted_text(composed.text, composed.links),
                lengths=tuple((m.counting, m.length, m.limit) for m in composed.measures), url=tracked,
                share_form=fill_share_form(form, {"url": tracked, "title": shown}, keep="{text}") if form
                else None,
                media=network.media,
                link_apart=None if network.links_clickable else "field" if network.link_field else "bio",
            ))
        return tuple(texts)
