"""Whether an article or a post is live, scheduled, withheld or not ready.

The Pelican adapter asks :func:`article_state` what may go to ``output/``; the
plan uses the same answer for plan.json, so the blog and the plan never
disagree about what is published.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

from edcal.i18n import Message, say, say_count, say_list
from edcal.model.article import Article, content_path
from edcal.model.calendar import Calendar, FreezeWindow
from edcal.model.days import as_instant
from edcal.model.plan import WAITING, Item, ItemStatus


@dataclass(frozen=True, slots=True)
class ArticleState:
    status: ItemStatus
    #: True when the article belongs in output/ now.
    live: bool
    #: The freeze holding it back, if any.
    freeze: FreezeWindow | None = None
    #: When it goes (or went) live by itself; None for drafts and undated articles.
    live_at: dt.datetime | None = None
    #: A translation held back until its original is online: the original.
    waits_for: Article | None = None


def freeze_at(calendar: Calendar, instant: dt.datetime, network: str | None,
              blog: bool = False) -> FreezeWindow | None:
    """The first freeze window covering ``instant`` (for a network, or for the blog)."""
    for window in calendar.freezes:
        if blog and not window.blog:
            continue
        if window.covers(instant, None if blog else network):
            return window
    return None


def outcome(item: Item, now: dt.datetime, logged: bool) -> str:
    """What became of an item: "done", "unconfirmed", "skipped", "to_come", "withheld" (by a freeze) or
    "unready" (a post still a draft, or not approved, when its time came); ``logged``: the log covers its
    day."""
    if item.posted is not None:
        return "done"
    if item.skipped is not None:
        return "skipped"
    if item.status == "withheld":
        return "withheld"
    start = item.start
    # In UTC: two times of the site's zone compare by their wall clocks, and 02:30 happens twice as the clocks
    # go back (a post at 02:30 +01:00 had passed at 02:40 +02:00, an hour before it).
    passed = (start <= now.astimezone(dt.UTC) if isinstance(start, dt.datetime)
              else start is not None and start <= now.date())
    if not passed:
        return "to_come"
    if item.kind == "post" and item.status in WAITING:  # never scheduled (nor approved): it did not go out
        return "unready"
    if item.kind == "article" or not logged:  # the plan's word: a draft on its day did not go out
        return "done" if item.status == "published" else "unconfirmed"
    return "unconfirmed"


def counts_as_posted(post: Item, now: dt.datetime) -> bool:
    """Whether a post counts among a network's posts (its cadence, its share of promotional posts, a
    campaign's rhythm): it went out, or is to go out, as the report counts it (:func:`outcome`). Not one a
    freeze withholds, nor one the log says did not go out, nor a draft whose time has passed (held back: it
    never went out), unless the log says it went out."""
    return post.kind == "post" and isinstance(post.start, dt.datetime) \
        and outcome(post, now, logged=False) not in ("skipped", "withheld", "unready")


def overdue_deadlines(items: Iterable[Item], today: dt.date) -> Iterator[tuple[Item, Item]]:
    """The deadlines before ``today`` whose step is not done, each with the article or idea it is of: a
    draft due while its parent is still an idea, being written or a draft; a review due while it is still
    in review too. What the ``idea-overdue`` check reports, and what the planning pages call late."""
    listed = list(items)
    by_id = {item.id: item for item in listed}
    for deadline in listed:
        if deadline.kind != "deadline" or not isinstance(deadline.start, dt.date) or deadline.start >= today:
            continue
        parent = by_id.get(deadline.parent or "")
        if parent is None:
            continue
        pending = {"idea", "writing", "draft"} if deadline.id.endswith("-draft-due") else \
            {"idea", "writing", "draft", "review"}
        if parent.status in pending:
            yield deadline, parent


def late_items(items: Iterable[Item], today: dt.date) -> set[str]:
    """The ids of the deadlines passed with their step undone and of the articles and ideas they are of."""
    return {item.id for pair in overdue_deadlines(items, today) for item in pair}


#: How long after a freeze ends the planning pages tell what it withheld that did not go out ("Freeze
#: lifted"), and the ambassadors' feed that sharing is back.
LIFTED_DAYS = 7


def freeze_start(start: dt.datetime) -> Message:
    """A freeze's start as calendar.yaml wrote it: a day alone ("2027-01-20") or a day and a time."""
    if (start.hour, start.minute, start.second) == (0, 0, 0):
        return say("{start:%Y-%m-%d}", start=start.date())
    return say("{end:%Y-%m-%d %H:%M}", end=start)


def freeze_end(end: dt.datetime) -> Message:
    """A freeze's end as calendar.yaml wrote it: ``until: 2027-01-21`` ends as the 22nd begins, which the
    planning pages write "jeudi 21 janvier 2027 (inclus)"; "until 2027-01-22 00:00" read as a day too many."""
    if (end.hour, end.minute, end.second) == (0, 0, 0):
        return say("{day:%Y-%m-%d} included", day=end.date() - dt.timedelta(days=1))
    return say("{end:%Y-%m-%d %H:%M}", end=end)


def freeze_said(window: FreezeWindow, calendar: Calendar, now: dt.datetime) -> Message:
    """A freeze in one line, for the agenda: in force or not, since or from when, until when, on which
    networks, and why ("Freeze in force since 2027-01-12 09:40, until further notice, on every network:
    …")."""
    zone = calendar.zone
    names = calendar.networks
    networks = say("every network") if window.networks is None else say_list(
        [window.network_names.get(n, names[n].name if n in names else n) for n in sorted(window.networks)])
    start = freeze_start(window.start.astimezone(zone))
    values = {"start": start, "networks": networks, "reason": window.reason}
    if window.covers(now):
        if window.end is None:
            return say("Freeze in force since {start}, until further notice, on {networks}: {reason}",
                       **values)
        return say("Freeze in force since {start}, until {end}, on {networks}: {reason}",
                   end=freeze_end(window.end.astimezone(zone)), **values)
    if window.end is None:
        return say("Freeze from {start}, until further notice, on {networks}: {reason}", **values)
    return say("Freeze from {start} until {end}, on {networks}: {reason}",
               end=freeze_end(window.end.astimezone(zone)), **values)


def lifted_said(window: FreezeWindow, posts: list[Item], calendar: Calendar) -> Message:
    """A freeze lifted in the last days, in one line for the agenda: when it ran, why, and how many of the
    posts it withheld never went out (:func:`withheld_and_past`), with the command that names each and how to
    send it."""
    assert window.end is not None  # lifted
    zone = calendar.zone
    return say_count(
        len(posts),
        "Freeze lifted, from {start} until {end} ({reason}): {count} post it withheld never went out; edcal "
        "check --only withheld-now-past names it, and how to send it",
        "Freeze lifted, from {start} until {end} ({reason}): {count} posts it withheld never went out; edcal "
        "check --only withheld-now-past names them, and how to send each",
        start=freeze_start(window.start.astimezone(zone)), end=freeze_end(window.end.astimezone(zone)),
        reason=window.reason)


def withheld_by_freeze(calendar: Calendar, posts: Iterable[Item]) -> list[tuple[FreezeWindow, list[Item]]]:
    """The withheld ``posts`` by the freeze that holds each (the first covering its time and network, whose
    reason its status gives), in calendar.yaml's order of the freezes; a freeze holding none is left out."""
    held: dict[int, list[Item]] = {}
    for post in posts:
        if post.kind == "post" and post.status == "withheld" and isinstance(post.start, dt.datetime):
            window = freeze_at(calendar, post.start, post.network)
            if window is not None:
                held.setdefault(id(window), []).append(post)
    return [(window, held[id(window)]) for window in calendar.freezes if id(window) in held]


#: When a freeze until further notice ends, to compare it with those that do.
_NO_END = dt.datetime.max.replace(tzinfo=dt.UTC)


def withheld_until_last_freeze(calendar: Calendar,
                               posts: Iterable[Item]) -> list[tuple[FreezeWindow, list[Item]]]:
    """The withheld ``posts`` by the freeze they were withheld until: of those covering a post's time and
    network, the one that ends last (one until further notice last of all; of two ending together, the first
    of the file). A post two freezes hold in turn is back when the second ends, not the first. In
    calendar.yaml's order of the freezes; a freeze holding none is left out."""
    held: dict[int, list[Item]] = {}
    for post in posts:
        if post.kind != "post" or post.status != "withheld" or not isinstance(post.start, dt.datetime):
            continue
        covering = [window for window in calendar.freezes if window.covers(post.start, post.network)]
        if covering:
            last = max(covering, key=lambda window: as_instant(window.end) if window.end else _NO_END)
            held.setdefault(id(last), []).append(post)
    return [(window, held[id(window)]) for window in calendar.freezes if id(window) in held]


def withheld_by_each_freeze(calendar: Calendar,
                            posts: Iterable[Item]) -> list[tuple[FreezeWindow, list[Item]]]:
    """Each freeze with the withheld ``posts`` of its own window and networks, though another freeze covers
    them too (and gives them its reason): a freeze's notice, or its feed event, stands alone. In
    calendar.yaml's order of the freezes; a freeze holding none is left out."""
    withheld = [post for post in posts if post.kind == "post" and post.status == "withheld"
                and isinstance(post.start, dt.datetime)]
    found = [(window, [post for post in withheld if window.covers(post.start, post.network)])  # type: ignore[arg-type]
             for window in calendar.freezes]
    return [(window, held) for window, held in found if held]


def withheld_and_past(calendar: Calendar, items: Iterable[Item], now: dt.datetime,
                      lifted_within: dt.timedelta | None = dt.timedelta(days=LIFTED_DAYS), each: bool = False
                      ) -> list[tuple[FreezeWindow, list[Item]]]:
    """The posts a freeze over withheld whose time has passed and that the log names neither as gone out nor
    as skipped: they never went out, and nothing sends them (the way back is to move them, or log them
    skipped). Not the drafts it covered (a promotion of an article not online): it held nothing back there.
    By the freeze each was withheld until (:func:`withheld_until_last_freeze`: a post two freezes held is back
    when the last ends, and is judged from its end; ``each``: :func:`withheld_by_each_freeze`, for notices
    that stand alone), each in date order; only the freezes that ended in the last ``lifted_within`` (None:
    any that ended). The planning pages' "Freeze lifted" notice, ``withheld-now-past``, ``edcal move
    --withheld`` and ``edcal agenda`` read them here."""
    instant = as_instant(now)
    # A freeze not over yet that covers a post holds it still (another freeze over it was lifted): not back.
    in_force = [window for window in calendar.freezes
                if window.end is None or as_instant(window.end) > instant]
    past = sorted((item for item in items if item.kind == "post" and item.status == "withheld"
                   and item.waiting is None and item.posted is None and item.skipped is None
                   and isinstance(item.start, dt.datetime) and as_instant(item.start) < instant
                   and not any(window.covers(item.start, item.network) for window in in_force)),
                  key=lambda item: as_instant(item.start))  # type: ignore[arg-type]
    since = None if lifted_within is None else instant - lifted_within
    by_freeze = withheld_by_each_freeze if each else withheld_until_last_freeze
    return [(window, posts) for window, posts in by_freeze(calendar, past)
            if window.end is not None and as_instant(window.end) <= instant
            and (since is None or since < as_instant(window.end))]


def posts_by_network(posts: Iterable[Item]) -> tuple[tuple[str, int], ...]:
    """How many of ``posts`` on each network, by id: the most first, then by id."""
    counts: dict[str, int] = {}
    for post in posts:
        counts[post.network or ""] = counts.get(post.network or "", 0) + 1
    return tuple(sorted(counts.items(), key=lambda row: (-row[1], row[0])))


def said_by_network(counts: tuple[tuple[str, int], ...], calendar: Calendar) -> Message:
    """"22 on LinkedIn, 19 on Mastodon", in the reader's language."""
    names = calendar.networks
    return say_list([say("{count:,} on {network}", count=count, network=names[n].name if n in names else n)
                     for n, count in counts])


def article_state(article: Article, calendar: Calendar, now: dt.datetime,
                  originals: Mapping[str, Article] | None = None) -> ArticleState:
    """The article's status at ``now``: draft, review, scheduled, published or withheld.

    An article due inside a freeze window stays withheld until the window ends,
    then goes live: a freeze defers the blog, it does not cancel it.

    A translation (given ``originals``, the original articles by slug) goes online no earlier than
    its original: dated before it, it waits for it (scheduled at the original's time); the
    translation of a draft, of an article in review or held by a freeze with no end waits too
    (withheld, with no date), as its page would tell the original's subject before its time.
    """
    own = _own_state(article, calendar, now)
    original = None if article.is_original or originals is None else originals.get(article.slug)
    if original is None or original is article or own.status in ("draft", "review") or own.live_at is None:
        return own
    first = _own_state(original, calendar, now)
    if first.live_at is not None and as_instant(first.live_at) <= as_instant(own.live_at):
        return own
    if first.live_at is None:
        return ArticleState("withheld", False, first.freeze, None, original)
    # Online with (or waiting for) its original: from the original's time.
    return ArticleState("published" if first.live else "scheduled", first.live, None, first.live_at, original)


class _Dated(Protocol):
    @property
    def status(self) -> str: ...
    @property
    def date(self) -> dt.datetime | None: ...


def offline_by_itself(article: _Dated, calendar: Calendar, now: dt.datetime) -> bool:
    """Whether an article (or its header) is not online at ``now`` by its own status, date and the freezes.

    Then it is not online whatever else :func:`article_state` learns: a translation waits for its original,
    it never goes online before its own time.
    """
    return not _own_state(article, calendar, now).live


def _own_state(article: _Dated, calendar: Calendar, now: dt.datetime) -> ArticleState:
    """The article's status by its own status, date and the freezes."""
    if article.status == "draft":
        return ArticleState("draft", False)
    if article.status == "review":
        return ArticleState("review", False)
    if article.date is None:
        return ArticleState("draft", False)
    first, live_at = _after_freezes(calendar, article.date)
    if live_at is None:
        return ArticleState("withheld", False, first, None)
    instant = now.astimezone(dt.UTC)  # compared as instants, not wall clocks (outcome())
    if first is not None and instant < live_at:
        return ArticleState("withheld", False, first, live_at)
    if live_at > instant:
        return ArticleState("scheduled", False, None, live_at)
    return ArticleState("published", True, None, live_at)


def _after_freezes(calendar: Calendar, date: dt.datetime) -> tuple[FreezeWindow | None, dt.datetime | None]:
    """(the blog's freeze covering ``date``, when an article dated then goes online): the end of the last
    of freezes end to end, ``date`` itself outside any; None after a freeze with no end."""
    first = window = freeze_at(calendar, date, None, blog=True)
    live_at = date
    while window is not None:  # freezes end to end: it waits for the last one's end
        if window.end is None:
            return first, None
        live_at = window.end
        window = freeze_at(calendar, live_at, None, blog=True)
    return first, live_at


def planned_publication(article: Article, calendar: Calendar) -> dt.datetime | None:
    """When a dated article goes online once it is ready, whatever its status: its date, or the end of the
    freezes it falls in. An article still in review inside a freeze will go online after it, and its
    promotions with it; None for an undated article or after a freeze with no end."""
    return None if article.date is None else _after_freezes(calendar, article.date)[1]


def explicitly_promoted(calendar: Calendar) -> frozenset[str]:
    """The slugs of the articles a ``promote:`` entry of calendar.yaml names."""
    return frozenset(e.article for e in calendar.posts if e.kind == "promote" and e.article)


def promoted_unasked(article: Article) -> bool:
    """Whether an article is announced without calendar.yaml naming it: by ``blog: promote:`` on the
    company's networks, and among the recent articles of the ambassadors' page.

    The one policy for both. ``status: hidden`` is Pelican's landing page, published at its address
    but in no list (index, feeds, sitemap): no default announces it either. ``social: {skip: true}``
    asks for no default promotion. Named, either is the team's choice: a ``promote:`` entry promotes
    it on the networks and offers it to staff among recent articles (:func:`offered_to_staff`); a
    suggestion under ``ambassadors:`` offers it to staff.
    """
    return article.is_original and not article.social.skip and article.status != "hidden"


def offered_to_staff(article: Article, promoted: frozenset[str]) -> bool:
    """Whether the ambassadors' page offers an online article among recent ones: as the company's
    networks announce it (by default, or a ``promote:`` entry in ``promoted``)."""
    return promoted_unasked(article) or (article.is_original and article.slug in promoted)


def images_kept_until(post: Item) -> dt.datetime | None:
    """Until when a post keeps the images of content/ it shows out of output/ (unless online content shows
    them): its time, when it goes out by itself (scheduled, or published since); None for as long as it
    stays a draft or a freeze withholds it, and for good once the log says it did not go out (``skipped``:
    its image went online at its time all the same). The build's rule
    (``pelican_plugin.worker.unpublished_media``), and ``edcal next-change``'s."""
    start = post.start
    if post.skipped is not None:
        return None
    return start if isinstance(start, dt.datetime) and post.status in ("scheduled", "published") else None


def media_kept(items: Iterable[Item], now: dt.datetime) -> frozenset[str]:
    """The local files of content/ that posts not gone out show (an image; a video, its cover and its
    subtitles), as paths in content/: kept out of what is public until their time
    (:func:`images_kept_until`)."""
    from edcal.model.article import content_path

    def kept(item: Item) -> bool:
        until = images_kept_until(item)
        return until is None or as_instant(until) > as_instant(now)

    return frozenset(content_path(path) for item in items if item.kind == "post" and kept(item)
                     for m in item.media for path in m.files() if "://" not in path)


def post_status(start: dt.datetime, waiting: ItemStatus | None, window: FreezeWindow | None,
                now: dt.datetime) -> ItemStatus:
    """A post's status: ``waiting`` is "draft" (its text, or its article, not ready) or "review" (written,
    awaiting approval), else None (approved: scheduled, then published at its time)."""
    if window is not None:
        return "withheld"
    if waiting is not None:
        return waiting
    return "published" if start <= now.astimezone(dt.UTC) else "scheduled"  # as instants (outcome())


def site_paths(addresses: Iterable[str], site_url: str) -> set[str]:
    """The paths in output/ that addresses name: ``/images/a.png``, ``https://<the site>/images/a.png``
    (``SITEURL``'s own path taken off), as a browser reads them (:func:`edcal.addresses.blog_path`);
    relative ones, other sites' and the home page are left out."""
    from edcal.addresses import blog_path

    return {path.rstrip("/") for address in addresses if (path := blog_path(address, site_url))}


def article_files(article: Article, site_url: str) -> set[str]:
    """The files of content/ an article shows, as the build keeps them out of output/ while it is not online
    (``pelican_plugin.publish.keep_live_articles``): its ``image:``, its ``{static}`` links, and the site's
    addresses its text names (``/images/a.png``, as web editors write an image; their paths in output/, which
    are the files' own in content/ where the site copies a folder as it is)."""
    files = {content_path(article.image)} if article.image and "://" not in article.image else set()
    files |= {f.target for f in article.linked_files} | social_files(article)
    written = [*article.addresses, *([article.image] if article.image and "://" in article.image else [])]
    return files | site_paths(written, site_url)


def social_files(article: Article) -> set[str]:
    """The files of content/ an article's ``social:`` names for its posts (an image, a video with its cover
    and subtitles), as paths there: its subject, kept out of output/ with it while it is not online, whether
    or not a post shows them."""
    named = [path for wish in article.social.per_network.values()
             for path in (wish.image, *(wish.video.files() if wish.video is not None else ()))]
    return {content_path(path) for path in named if path and "://" not in path}
