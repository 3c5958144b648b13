"""What staff may share from their own accounts (employee advocacy), with words for each network.

Only what is online is suggested: articles that went online in the last
``ambassadors.days`` days, and what the team chose under ``ambassadors:
suggestions:`` (an article once it is online, any other page such as a job
offer between its ``from`` and ``until``). So the page can be handed to every
employee: it holds nothing the public cannot see.

The words come from the drafts folder's ``ambassador.txt.j2``, rendered and
fitted per network like the company's own drafts; links carry
``utm_medium=ambassador`` so that staff's shares are measured apart.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import urllib.parse
from collections.abc import Callable

from edcal.errors import ErrorCollector, did_you_mean
from edcal.ids import slugify
from edcal.model.article import Article
from edcal.model.calendar import Calendar, ShareSuggestion
from edcal.model.network import Network
from edcal.model.plan import Share, ShareText, pasted_text
from edcal.plan.compose import Composer, PostParts, absolute, track
from edcal.plan.status import article_state

#: The draft template of the words suggested to staff.
AMBASSADOR_TEMPLATE = "ambassador.txt.j2"


def check_suggestions(calendar: Calendar, by_slug: dict[str, Article], errors: ErrorCollector) -> None:
    """Every suggested article exists (a typo would leave it out of the page silently)."""
    for suggestion in calendar.ambassadors.suggestions:
        if suggestion.article is not None and suggestion.article not in by_slug:
            where = suggestion.field_sources.get("article", suggestion.source)
            errors.add(where, f"unknown article '{suggestion.article}'",
                       did_you_mean(suggestion.article, sorted(by_slug)) or "give the slug of an article")


def suggested_shares(calendar: Calendar, by_slug: dict[str, Article],
                     article_at: Callable[[str], Article | None], now: dt.datetime, site_url: str,
                     composer: Composer) -> tuple[Share, ...]:
    """What staff may share at ``now``: the team's suggestions first, in the order written, then the
    articles online in the last ``days`` days, newest first.

    :param article_at: the article a site address belongs to, if any (a `link:` to one is that article).
    """
    settings = calendar.ambassadors
    zone = calendar.zone
    today = now.astimezone(zone).date()
    tracking = dataclasses.replace(calendar.tracking, medium=settings.medium)

    def online(article: Article) -> dt.datetime | None:
        """When the article went online, if it is online now."""
        state = article_state(article, calendar, now)
        return state.live_at if state.live else None

    def words(share_id: str, url: str, networks: tuple[Network, ...], article: Article | None,
              text: str | None, title: str, campaign_id: str | None) -> tuple[ShareText, ...]:
        texts = []
        campaign = calendar.campaigns.get(campaign_id or (article.campaign if article else None) or "")
        for network in networks:
            values = {"network": network.utm_source or network.id,
                      "campaign": (campaign.utm_campaign or campaign.id) if campaign
                      else (article.slug if article else share_id),
                      "article": article.slug if article else "", "item": f"share-{share_id}"}
            tracked = track(url, values, tracking, site_url)
            composed = composer.compose(PostParts(
                network=network, item_id=f"share-{share_id}", text=text, title=title, url=tracked,
                article=article, campaign=campaign, template=AMBASSADOR_TEMPLATE,
            ))
            primary = composed.measures[0]
            pasted = pasted_text(composed.text, composed.links)
            texts.append(ShareText(
                network=network.id, network_name=network.name, text=composed.text, pasted=pasted,
                length=primary.length,
                limit=primary.limit, counting=primary.counting, fits=composed.fits, url=tracked,
                share_href=_share_href(network, pasted, tracked),
                share_form=_share_href(network, "{text}", tracked, keep_text=True),
            ))
        return tuple(texts)

    shares: list[Share] = []
    for suggestion in settings.suggestions:
        shown = _shown(suggestion, by_slug, article_at, online, today, zone, settings.days, site_url)
        if shown is None:
            continue
        share_id, url, article, since, until = shown
        title = suggestion.title or (article.title if article else url)
        shares.append(Share(
            id=share_id, title=title, url=url, source=suggestion.source,
            texts=words(share_id, url, suggestion.networks or settings.networks, article, suggestion.text,
                        title, suggestion.campaign),
            online=since, until=until, summary=article.summary if article else "",
            image=suggestion.image or (article.image if article else None),
            image_alt=suggestion.alt if suggestion.image else (article.image_alt if article else None),
            article=article.slug if article else None, chosen=True,
        ))
    chosen = {s.article for s in settings.suggestions if s.article} | {s.article for s in shares if s.article}
    recent = []
    for article in by_slug.values():
        since = online(article)
        if since is None or article.slug in chosen or article.social.skip or article.status == "hidden" \
                or not settings.days:
            continue
        until = since.astimezone(zone).date() + dt.timedelta(days=settings.days - 1)
        if until < today:
            continue
        recent.append(Share(
            id=article.slug, title=article.title, url=article.url, source=article.source,
            texts=words(article.slug, article.url, settings.networks, article, None, article.title, None),
            online=since, until=until, summary=article.summary, image=article.image,
            image_alt=article.image_alt, article=article.slug,
        ))
    recent.sort(key=lambda share: (-share.online.timestamp() if share.online else 0, share.id))
    return (*shares, *recent)


def _shown(suggestion: ShareSuggestion, by_slug: dict[str, Article],
           article_at: Callable[[str], Article | None], online: Callable[[Article], dt.datetime | None],
           today: dt.date, zone: dt.tzinfo, days: int, site_url: str,
           ) -> tuple[str, str, Article | None, dt.datetime | None, dt.date | None] | None:
    """A suggestion the team wrote, if it is shown today: its id, address, article, when the article
    went online, and its last day."""
    link = absolute(suggestion.link, site_url) if suggestion.link else None
    article = by_slug.get(suggestion.article or "") or (article_at(link) if link else None)
    since = None
    if article is not None:  # an article only once it is online: the page must leak nothing
        since = online(article)
        if since is None:
            return None
    start = suggestion.start or (since.astimezone(zone).date() if since else None)
    end = suggestion.end
    if end is None and suggestion.article is not None and since is not None:
        end = since.astimezone(zone).date() + dt.timedelta(days=max(days, 1) - 1)
    if (start is not None and today < start) or (end is not None and end < today):
        return None
    url = link or (article.url if article else "")
    share_id = article.slug if article else slugify(suggestion.title or url) or "suggestion"
    return share_id, url, article, since, end


def _share_href(network: Network, pasted: str, url: str | None, keep_text: bool = False) -> str | None:
    """The network's share form with the words (``{text}``) and the link (``{url}``) filled in.

    :param keep_text: leave ``{text}`` as it is, for the page's script to fill with edited words.
    """
    form = network.share_form
    if not form or ("{url}" in form and "{text}" not in form and not url):
        return None
    quote = urllib.parse.quote
    text = pasted if keep_text else quote(pasted, safe="")
    return form.replace("{url}", quote(url or "", safe="")).replace("{text}", text)

