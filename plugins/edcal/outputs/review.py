"""The drafts review: every upcoming draft, shown the way its network shows it.

One page per month of the site's time zone (``planning/drafts/2027-01.html``),
so that a plan of thousands of posts stays quick to open; ``drafts/index.html``
gives the months with their counts and the drafts of the next days. Grouped
by day; each card has the exact text (line breaks, hashtags, the link as the
network shows it), the image with its alt text, a link preview built from the
article's sharing data, the counted length against the limit, what
``edcal check`` says about it and, apart, about the article it promotes or
links to, and a button to copy the text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edcal.addresses import absolute
from edcal.checks import Finding, articles_with, items_with
from edcal.model.article import Article
from edcal.model.days import as_instant
from edcal.model.plan import WAITING, Item, Plan, article_item_id, made_by
from edcal.model.source import Source
from edcal.networks.counting import counting_description
from edcal.outputs._files import draft_path, drafted, write_file
from edcal.outputs.context import OutputContext
from edcal.outputs.pages import (
    AGENDA_FOLDER,
    ITEM_MONTHS,
    REVIEW_FOLDER,
    UpcomingPosts,
    by_month,
    copy_assets,
    copy_media,
    environment,
    freeze_notices,
    french_title,
    item_link,
    item_months,
    month_file,
    neighbours,
    person_filter,
    shown_cover,
)
from edcal.plan.absences import Cover, covers
from edcal.plan.linked import articles_by_page, post_article
from edcal.plan.report import first_logged_month
from edcal.zones import zone_time

FILENAME = f"{REVIEW_FOLDER}/index.html"
#: The overview page shows the drafts of this many days from now, and the months.
SOON_DAYS = 7
#: The person filter's choice for the drafts nobody owns (no id starts with "_"; _macros.html.j2, planning.js
#: read it so).
NOBODY = "_none"


@dataclass(frozen=True, slots=True)
class Month:
    """One month's review page, as the months' navigation shows it."""

    first: dt.date
    href: str  # from planning/drafts/
    drafts: int
    errors: int
    warnings: int
    #: The findings about the articles its drafts promote or link to, each counted once however many
    #: drafts show it.
    article_errors: int
    article_warnings: int
    #: [drafts, errors, warnings, article_errors, article_warnings] by network id, "" for all, by owner
    #: ("/camille") and by owner on a network ("linkedin/camille"): the counts follow the filters (a draft
    #: a stand-in covers counts for its owner and for them, as each one's filter shows it).
    counts: dict[str, list[int]]


@dataclass(frozen=True, slots=True)
class Card:
    item: Item
    network: Any
    local: dt.datetime
    draft: str
    calendar: str  # the item in its month's agenda, from planning/
    images: tuple[tuple[str, str | None], ...]
    preview: dict[str, str] | None
    findings: tuple[Finding, ...]
    counting: str
    #: The article the post promotes or links to when `edcal check` says something about it (shown apart
    #: from the post's own findings), its title as the page shows it, and those findings.
    article: Article | None = None
    article_title: str = ""
    article_findings: tuple[Finding, ...] = ()
    #: Why a draft is one: the line of its entry that says ``status: draft``, and the articles it waits for,
    #: still drafts or in review: (title as the page shows it, status, review due date).
    draft_entry: Source | None = None
    draft_articles: tuple[tuple[str, str, dt.date | None], ...] = ()
    #: What its entry's ``status:`` says when it keeps the post from going out: "draft" or "review".
    draft_status: str | None = None
    #: A post of today whose time has passed that the log does not name (yet): "unconfirmed" where the
    #: site keeps a log, "passed" where it keeps none; kept on the overview for the day, for whoever posts
    #: it by hand a few minutes late (the build at its time, which `next-change` asks for, took it away).
    passed: str | None = None
    #: Its video, as the page shows it: file, cover and subtitles (addresses from the page; None when not
    #: copied) and alt text.
    video: Video | None = None
    #: A post of someone away: the id of who stands in for them (the person filter on them shows it, and
    #: their counts count it), and what marks it then, for whom ("[pour Malik Haddad]").
    covered_by: str | None = None
    cover: str | None = None
    #: The link-in-bio page's address when it lists the network's posts (`link_in_bio:`): the profile's one
    #: link is that page, which lists the post once it has gone out; no link of its own goes in the bio.
    bio_page: str | None = None
    #: Whether the card points to `link_in_bio:`, which the site does not set and whose page would list the
    #: network's posts (Instagram, TikTok: their drafts say "Link in bio").
    bio_hint: bool = False
    #: Its time on its account's clock (its network's `timezone:`), which that account's scheduler asks, and
    #: that zone as the page says it ("heure de Toronto"); None where the account keeps the site's time.
    account_local: dt.datetime | None = None
    account_zone: str = ""


@dataclass(frozen=True, slots=True)
class Video:
    src: str
    cover: str | None
    subtitles: str | None
    alt: str | None


def write(context: OutputContext, folder: Path) -> list[str]:
    plan = context.plan
    upcoming = [i for i in drafted(plan) if as_instant(i.start) >= as_instant(plan.now)]  # type: ignore[arg-type]
    earlier = earlier_today(plan)
    images = [path for item in (*earlier, *upcoming) for m in item.media for path in m.files()]
    images += [a.image for a in (plan.article_of(i) for i in (*earlier, *upcoming)) if a and a.image]
    media = copy_media(images, context, folder)
    findings = items_with(context.findings)
    about = articles_with(context.findings, plan)
    by_page = articles_by_page(plan)
    entries = {entry.id: entry for entry in plan.calendar.posts}
    covered = covers(plan, (*earlier, *upcoming))
    cards = [card(item, plan, media, findings.get(item.id, []), about, by_page, entries, covered.get(item.id))
             for item in upcoming]
    grouped = by_month(cards, lambda c: c.local.date())
    months = []
    for first, group in grouped:
        counts = _counts(group)
        drafts, errors, warnings, article_errors, article_warnings = counts[""]
        months.append(Month(first, month_file(first), drafts, errors, warnings, article_errors,
                            article_warnings, counts))
    copy_assets(context, folder)
    template = environment(context).get_template("drafts.html.j2")
    common = {"plan": plan, "months": months, "root": "../",
              "networks": sorted(plan.calendar.networks.values(), key=lambda n: n.name),
              "statuses": _statuses(cards), **person_filter(plan)}
    to_come = UpcomingPosts(plan)
    for index, (month, (_first, group)) in enumerate(zip(months, grouped, strict=True)):
        html = template.render(common, month=month, days=_days(group), total=month.drafts,
                               errors=month.errors, article_errors=month.article_errors, counts=month.counts,
                               freezes=freeze_notices(plan, month.first, upcoming_posts=to_come),
                               **neighbours(months, index))
        write_file(folder / REVIEW_FOLDER / month.href, html)
    today = plan.now.astimezone(plan.calendar.zone).date()
    passed = "unconfirmed" if first_logged_month(plan) is not None else "passed"
    soon = [dataclasses.replace(card(item, plan, media, [], about, by_page, entries, covered.get(item.id)),
                                passed=passed) for item in earlier]
    soon += [c for c in cards if c.local.date() < today + dt.timedelta(days=SOON_DAYS)]
    counts = _counts(cards)
    # Findings on no draft of these pages (a week below cadence, a post held by a freeze, an article no
    # draft is about, an idea): counted apart, so that the page's figures add up to what `edcal check` and
    # the build report.
    on_cards = {id(finding) for c in cards for finding in (*c.findings, *c.article_findings)}
    others = sum(1 for f in context.findings if id(f) not in on_cards)
    total, errors, _warnings, article_errors, _article_warnings = counts[""]
    html = template.render(common, month=None, days=_days(soon), total=total, errors=errors,
                           article_errors=article_errors, counts=counts, soon_days=SOON_DAYS,
                           period_findings=others, freezes=freeze_notices(plan, upcoming_posts=to_come))
    write_file(folder / FILENAME, html)
    # A bookmark of a post of today whose time has passed opens its card on the overview, not the calendar.
    write_file(folder / REVIEW_FOLDER / ITEM_MONTHS, item_months(((c.item.id, c.local.date()) for c in cards),
                                                                 (item.id for item in earlier)))
    return []


def earlier_today(plan: Plan) -> list[Item]:
    """Today's posts whose time has passed and that the log names neither as gone out nor as skipped:
    whoever posts by hand at 09:05 still finds the 09:00 card on the overview."""
    today = plan.now.astimezone(plan.calendar.zone).date()
    return [i for i in drafted(plan)
            if isinstance(i.start, dt.datetime) and as_instant(i.start) < as_instant(plan.now)
            and plan.day_of(i.start) == today and i.status == "published" and i.posted is None
            and i.skipped is None]


#: The status filter's choices on the drafts pages, in this order, with their words: what a post to come
#: waits for (approval, its text or article), or that it is ready.
POST_STATUSES = {"review": "awaiting approval", "draft": "draft", "scheduled": "scheduled",
                 "published": "published"}


def _statuses(cards: list[Card]) -> dict[str, str]:
    """The status filter's choices: the statuses of the posts to come, the same on every month's page (an
    address's ``status=`` means the same on each), none when all have one status (nothing to choose)."""
    found = {c.item.status for c in cards}
    if len(found) < 2:
        return {}
    return {status: word for status, word in POST_STATUSES.items() if status in found}


def _days(cards: list[Card]) -> list[tuple[dt.date, list[Card]]]:
    return [(day, list(group)) for day, group in itertools.groupby(cards, key=lambda c: c.local.date())]


def _count(cards: list[Card], severity: str) -> int:
    """The cards' findings, each once: nine promotions of an article set back to draft, one error."""
    return len({id(f) for c in cards for f in c.findings if f.severity == severity})


def _count_articles(cards: list[Card], severity: str) -> int:
    """The findings about the cards' articles, each once: ten promotions of one empty article, one error."""
    return len({id(f) for c in cards for f in c.article_findings if f.severity == severity})


def _counts(cards: list[Card]) -> dict[str, list[int]]:
    """[drafts, errors, warnings, article errors, article warnings] of all ``cards`` (key "") and of each
    choice of the three filters together: a network's (its id), an owner's ("/camille"), a status's
    ("@review"), and any of them together ("linkedin/camille@review", in that order; planning.js builds the
    same key); "_none" for the cards nobody owns (the person filter's choice for them). A choice that leaves
    no card has no key (0s).

    A card a stand-in covers counts for its owner and for the stand-in: each one's filter shows it
    (planning.js), and the counts say what the filters show, the stand-in's the drafts they are to post and
    what is wrong with them. All of them (key "") count it once."""
    groups: dict[str, list[Card]] = {}
    for c in cards:
        network, status = c.item.network or "", c.item.status
        owners = ("", f"/{c.item.owner or NOBODY}", *((f"/{c.covered_by}",) if c.covered_by else ()))
        for key in {n + o + s for n in ("", network) for o in owners for s in ("", f"@{status}")}:
            groups.setdefault(key, []).append(c)
    groups[""] = cards
    return {key: [len(group), _count(group, "error"), _count(group, "warning"),
                  _count_articles(group, "error"), _count_articles(group, "warning")]
            for key, group in sorted(groups.items())}


def card(item: Item, plan: Plan, media: dict[str, str], findings: list[Finding],
         about: dict[str, list[Finding]], by_page: dict[str, Article],
         entries: dict[str, Any] | None = None, cover: Cover | None = None) -> Card:
    """A draft's card.

    :param about: the findings about each article (:func:`edcal.checks.articles_with`).
    :param by_page: the articles by the path of their URL (:func:`edcal.plan.linked.articles_by_page`).
    :param entries: calendar.yaml's post entries by id (a post's ``parent``).
    :param cover: who stands in for its owner, away (:func:`edcal.plan.absences.covers`).
    """
    network = plan.calendar.networks[item.network or ""]
    article = post_article(item, plan, by_page)
    article_findings = tuple(about.get(article_item_id(article), ())) if article is not None else ()
    local = item.start.astimezone(plan.calendar.zone)  # type: ignore[union-attr]
    account = local.astimezone(network.zone) if network.zone is not None and plan.calendar.zoned(network) \
        else None

    def shown(path: str | None) -> str | None:
        """A file's address from the review page: its copy in media/, or its own address."""
        found = media.get(path) if path else None
        return None if found is None else found if "://" in found else f"../{found}"

    images = tuple((f"../{media[m.path]}" if "://" not in media[m.path] else media[m.path], m.alt)
                   for m in item.media if not m.is_video and m.path in media)
    video = next((Video(src, shown(m.cover), shown(m.subtitles), m.alt) for m in item.media
                  if m.is_video and (src := shown(m.path)) is not None), None)
    return Card(
        item=item, network=network, local=local,
        draft=draft_path(item, plan).removeprefix("drafts/") + ".txt",
        calendar=item_link(AGENDA_FOLDER, item, plan),
        images=images, video=video, preview=preview(item, plan, media), findings=tuple(findings),
        counting=counting_description(item.counting or "", network),
        article=article if article_findings else None, article_findings=article_findings,
        article_title=french_title(article.title, article.lang or plan.lang)
        if article is not None and article_findings else "",
        covered_by=cover.stand_in.id if cover is not None else None, cover=shown_cover(cover, plan.lang),
        bio_page=bio_page(plan, network.id),
        bio_hint=plan.calendar.link_in_bio is None and network.links_through_bio,
        account_local=account,
        account_zone="" if account is None else zone_time(network.timezone or "", plan.lang, account.year),
        **(_why_draft(item, plan, entries or {}) if item.status in WAITING else {}),
    )


def bio_page(plan: Plan, network: str) -> str | None:
    """The link-in-bio page's address, when it lists the posts of ``network`` (`link_in_bio: networks`)."""
    settings = plan.calendar.link_in_bio
    if settings is None or network not in settings.networks:
        return None
    return absolute(f"/{settings.path.strip('/')}/", plan.site_url)


def _why_draft(item: Item, plan: Plan, entries: dict[str, Any]) -> dict[str, Any]:
    """Why a post is a draft, for its card: its entry says ``status: draft`` (where), or ``status: review``
    (awaiting approval), or the article it promotes (its original, and the translation it posts) is a draft
    or still in review."""
    entry = entries.get(item.parent or "")
    entry = entry if entry is not None and made_by(entry, item) else None  # not a default promotion's
    said = entry.field_sources.get("status", entry.source) \
        if entry is not None and entry.status in WAITING else None
    waited: list[tuple[str, str, dt.date | None]] = []
    original = plan.articles_by_slug().get(item.article or "")
    version = plan.article_of(item)  # the translation a post on an account of another language gives
    for article in (original, version if version is not original else None):
        if article is not None and article.status in ("draft", "review"):
            waited.append((french_title(article.title, article.lang or plan.lang), article.status,
                           article.review_due if article.status == "review" else None))
    return {"draft_entry": said, "draft_articles": tuple(waited),
            "draft_status": entry.status if entry is not None else None}


def preview(item: Item, plan: Plan, media: dict[str, str]) -> dict[str, str] | None:
    """The link card a network builds from the article's OpenGraph data."""
    network = plan.calendar.networks[item.network or ""]
    if not item.url or not network.links_clickable or item.media:
        return None
    if item.link_in_comment or item.link_in_thread:
        return None  # the post itself shows no card
    article = plan.article_of(item)  # a translation, on an account of its language
    host = item.url.split("/")[2] if "://" in item.url else plan.site_url
    if article is None:
        return {"title": host, "description": "", "image": "", "image_alt": "", "host": host}
    image = ""
    if article.image:
        local = media.get(article.image)
        if local and "://" not in local:
            image = f"../{local}"
        elif "://" in article.image:
            image = article.image
    # The card shows the article's image: its alt text too (empty, as decorative, only where it has none).
    return {"title": article.title, "description": article.summary, "image": image,
            "image_alt": (article.image_alt or "") if image else "", "host": host}
