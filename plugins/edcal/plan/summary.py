"""What a build tells the person who ran it about the plan: counts, small enough to pass around."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from edcal.model.days import as_instant
from edcal.model.plan import Item, Plan
from edcal.plan.link_in_bio import DeadLink


@dataclass(frozen=True, slots=True)
class PlanSummary:
    items: int
    kinds: dict[str, int]
    #: Articles by status (published, scheduled, draft…).
    articles: dict[str, int]
    posts: int
    networks: tuple[str, ...]
    withheld: int
    #: Withheld posts still to come: a scheduler they were uploaded to before the freeze would post them.
    withheld_ahead: int
    #: Posts with a draft (not withheld), and those of them still to come.
    drafted: int
    upcoming: int
    #: Articles online by their own date since the inputs last changed (``Plan.generated_at``, also given),
    #: the latest first: (title, moment). A scheduled build's log names what went online without a commit.
    went_online: tuple[tuple[str, dt.datetime], ...] = ()
    revised: dt.datetime | None = None
    #: What the ambassadors' page (planning/share/) offers staff now: none in a freeze.
    shares: int = 0
    #: Posts to come still awaiting approval (`status: review`): left out of the schedulers' files.
    awaiting_ahead: int = 0
    #: The links the link-in-bio page lists, and its folder in output/; None without ``link_in_bio:``.
    bio_links: int | None = None
    bio_path: str = ""
    #: The posts it leaves out, their link of the site opening no file the build writes.
    bio_dead: tuple[DeadLink, ...] = ()
    #: Whether the feeds have an address to subscribe to (``planning.url``, or their public copies').
    feeds_subscribable: bool = True
    #: The networks on another clock than the site's whose Hootsuite file the build writes, its rows in
    #: their account's wall time: (id, name, zone, rows), by id.
    zoned_exports: tuple[tuple[str, str, str, int], ...] = ()


def summarize(plan: Plan, links: Sequence[object] | None = None,
              dead: tuple[DeadLink, ...] = ()) -> PlanSummary:
    """The build's counts; ``links``, the link-in-bio page's entries (:func:`edcal.plan.link_in_bio`), and
    ``dead``, the posts it leaves out for a dead link (:class:`edcal.plan.link_in_bio.BioPage`)."""
    posts = [i for i in plan.items if i.kind == "post"]
    drafted = [i for i in posts if i.status != "withheld"]
    ahead = [i for i in posts if i.start is not None and as_instant(i.start) >= as_instant(plan.now)]  # type: ignore[arg-type]
    return PlanSummary(
        items=len(plan.items),
        kinds=dict(Counter(item.kind for item in plan.items)),
        # A hidden article is online at its address, in no list: the blog's published articles leave it out.
        articles=dict(Counter("hidden" if item.status == "published" and _hidden(plan, item) else item.status
                              for item in plan.items if item.kind == "article")),
        posts=len(posts),
        networks=tuple(sorted({i.network for i in posts if i.network})),
        withheld=len(posts) - len(drafted),
        withheld_ahead=sum(1 for i in ahead if i.status == "withheld"),
        drafted=len(drafted),
        upcoming=sum(1 for i in ahead if i.status != "withheld"),
        went_online=_went_online(plan),
        revised=plan.generated_at.astimezone(plan.calendar.zone),
        shares=len(plan.sharing.shares),
        awaiting_ahead=sum(1 for i in ahead if i.status == "review"),
        bio_links=len(links) if links is not None else None,
        bio_path=plan.calendar.link_in_bio.path if plan.calendar.link_in_bio is not None else "",
        bio_dead=dead,
        feeds_subscribable=plan.feeds_url() is not None,
        zoned_exports=_zoned_exports(plan),
    )


def _zoned_exports(plan: Plan) -> tuple[tuple[str, str, str, int], ...]:
    """The networks on their account's clock that get a Hootsuite file (:mod:`edcal.outputs.exports`: posts
    to come, scheduled, without a poll), with their rows."""
    calendar = plan.calendar
    rows = Counter(item.network for item in plan.items
                   if item.kind == "post" and item.status == "scheduled" and item.poll is None
                   and isinstance(item.start, dt.datetime) and as_instant(item.start) > as_instant(plan.now))
    return tuple((network.id, network.name, network.timezone or "", rows[network.id])
                 for network in sorted(calendar.networks.values(), key=lambda n: n.id)
                 if network.platform is not None and rows[network.id] and calendar.zoned(network))


def _went_online(plan: Plan) -> tuple[tuple[str, dt.datetime], ...]:
    """Articles online by their own date since the inputs last changed, the latest first."""
    found: list[tuple[str, dt.datetime]] = []
    for item in plan.items:
        start = item.start
        if (item.kind == "article" and item.status == "published" and isinstance(start, dt.datetime)
                and as_instant(plan.generated_at) < as_instant(start) <= as_instant(plan.now)):
            found.append((item.title, start))
    return tuple(sorted(found, key=lambda row: as_instant(row[1]), reverse=True))


def _hidden(plan: Plan, item: Item) -> bool:
    article = plan.article_of(item)
    return article is not None and article.status == "hidden"
