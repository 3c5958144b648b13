"""What a change of the site does to the plan: items added, removed or changed, by id.

Two plans resolved at the same "now" (the site at a git revision, and as it
is) are compared item by item. An item's id survives edits of its text, its
time and the reordering of other entries (CONTRACTS.md), so an edited post
is one changed item, not one removed and one added.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar, get_args

from edcal.addresses import site_page
from edcal.model.calendar import Campaign, FreezeWindow, KeyDate, PostedRecord
from edcal.model.days import as_instant
from edcal.model.plan import Item, Plan
from edcal.plan.report import first_logged_month

ChangeKind = Literal["added", "removed", "changed"]
CHANGE_KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)

#: What a reader of the change is told about, in this order; the source's line is not a change. (An
#: id differs only in a pair of items renamed: see :func:`_renamed`.)
COMPARED: tuple[tuple[str, Callable[[Item], object]], ...] = (
    ("id", lambda item: item.id),
    ("start", lambda item: item.start),
    ("status", lambda item: item.status),
    ("withheld_reason", lambda item: item.withheld_reason),
    ("title", lambda item: item.title),
    ("network", lambda item: item.network),
    ("text", lambda item: item.text),
    ("cw", lambda item: item.cw),
    ("first_comment", lambda item: item.first_comment),
    ("thread", lambda item: tuple(reply.text for reply in item.thread)),
    ("limit", lambda item: item.limit),
    ("url", lambda item: item.url),
    ("media", lambda item: tuple((m.path, m.alt, m.cover, m.subtitles) for m in item.media)),
    ("owner", lambda item: item.owner),
    ("campaign", lambda item: item.campaign),
    ("promotional", lambda item: item.promotional),
    ("note", lambda item: item.note),
    ("poll", lambda item: item.poll),
)


@dataclass(frozen=True, slots=True)
class ItemChange:
    """One item added, removed or changed; ``fields`` names what changed (``COMPARED``'s names)."""

    kind: ChangeKind
    before: Item | None
    after: Item | None
    fields: tuple[str, ...] = ()
    #: A post added, or moved, to a time already past: it never goes out (last year's date typed in
    #: January, an article committed after its promotion's time). Shown even without ``--all``.
    late: bool = False

    @property
    def item(self) -> Item:
        """The item as it is now (as it was, for a removed one)."""
        return self.after or self.before  # type: ignore[return-value]

    @property
    def text_changed(self) -> bool:
        """A post's words to read: a new post's, or changed ones."""
        return self.item.kind == "post" and (self.kind == "added" or "text" in self.fields)


@dataclass(frozen=True, slots=True)
class LeavingArticle:
    """A live article whose page stops answering at its address: its file deleted, set back to draft,
    or moved to another address (its slug, or its date in the address, changed). The links already
    posted to the networks lead nowhere, past or not."""

    before: Item
    #: The article as it is now (its id may be another, renamed); None when it is gone.
    after: Item | None
    #: Posts that went out with a link to its page: those the ``posted:`` log names, and (no log, or
    #: before the month of its first line, as the report takes them) those whose time has passed.
    posts_out: int

    @property
    def new_url(self) -> str | None:
        """Its new address, when it is still online at another one."""
        if self.after is None or self.after.status != "published" or self.after.url == self.before.url:
            return None
        return self.after.url


@dataclass(frozen=True, slots=True)
class LogChange:
    """A line of the ``posted:`` log added (a post newly confirmed as gone out), removed, or with
    another ``at:`` or ``url:``; an id renamed with its line is no change."""

    kind: ChangeKind
    before: PostedRecord | None
    after: PostedRecord | None
    #: The post the line names (in the plan it belongs to); None if it names none.
    item: Item | None

    @property
    def record(self) -> PostedRecord:
        return self.after or self.before  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class PlanChanges:
    """Every change between two plans, in the order of the calendar."""

    changes: tuple[ItemChange, ...]
    #: Only items from this instant on (in either plan) were compared; None: all of them.
    since: dt.datetime | None
    #: Freeze windows added and removed (one whose dates, networks or reason changed is both).
    freezes_added: tuple[FreezeWindow, ...] = ()
    freezes_removed: tuple[FreezeWindow, ...] = ()
    #: There was no plan before: everything is new.
    new_site: bool = False
    #: Key dates added, removed or moved or renamed: (kind, before, after), by id.
    key_dates: tuple[tuple[ChangeKind, KeyDate | None, KeyDate | None], ...] = ()
    #: Campaigns added, removed, or with other dates or another name (one written relative to a key
    #: date moves with it): (kind, before, after), by id.
    campaigns: tuple[tuple[ChangeKind, Campaign | None, Campaign | None], ...] = ()
    #: Items before ``since`` in both plans that were added, removed or changed, left out: a reader
    #: told "no change" must also be told that a change to what already went out is not shown.
    past_left_out: int = 0
    #: Live articles removed or at another address, past or not: always shown.
    leaving: tuple[LeavingArticle, ...] = ()
    #: Lines of the ``posted:`` log added, removed or changed, past or not.
    log: tuple[LogChange, ...] = ()
    #: Feeds (paths in planning/) the plan no longer gives: a network, a person or a campaign removed or
    #: renamed; their subscribers' apps find nothing there any more. Always shown.
    feeds_gone: tuple[str, ...] = ()
    #: Accounts changed: (network id, network name, account before, account after), by network id.
    accounts: tuple[tuple[str, str, str | None, str | None], ...] = ()
    #: Posts the log says went out, at their planned time (a line without `at:`), whose planned time the
    #: change moves: the log then says they went out at the new time. (before, after), past or not.
    history_moved: tuple[tuple[Item, Item], ...] = ()

    def count(self, kind: ChangeKind) -> int:
        return sum(1 for change in self.changes if change.kind == kind)

    def freezes(self) -> list[tuple[ChangeKind, FreezeWindow]]:
        """Freeze windows added, then removed."""
        return [*(("added", w) for w in self.freezes_added), *(("removed", w) for w in self.freezes_removed)]


def compare_plans(before: Plan | None, after: Plan, since: dt.datetime | None) -> PlanChanges:
    """The changes from ``before`` (None: the site had no plan) to ``after``.

    :param since: leave out items before this instant in both plans (their day, for all-day
        items): what is past is done, and a change to it publishes nothing. Undated ideas are
        always compared.
    """
    zone = after.calendar.zone
    old = before.by_id() if before is not None else {}
    new = after.by_id()

    def ahead(item: Item | None) -> bool:
        if item is None or since is None or item.start is None:
            return item is not None
        if isinstance(item.start, dt.datetime):
            return as_instant(item.start) >= as_instant(since)
        return item.start >= since.astimezone(zone).date()

    def to_come(item: Item) -> bool:
        return isinstance(item.start, dt.datetime) and as_instant(item.start) >= as_instant(after.now)

    repeating = {entry.id for entry in after.calendar.posts if entry.kind == "repeat"}

    def late(was: Item | None, now: Item) -> bool:
        """A post the change puts in the past: never sent, though the plan says "published". A new
        recurring post's occurrences before now are not: a rule may start in the past; nor is a post
        the ``posted:`` log says went out (a network or an id renamed, the log with it), or did not."""
        if (was is None and now.parent in repeating) or now.posted is not None or now.skipped is not None:
            return False
        return before is not None and now.kind == "post" and now.status != "withheld" \
            and not to_come(now) and (was is None or to_come(was))

    renamed = _renamed(before, after)  # new id -> old id
    paired = set(renamed.values())
    changes = []
    past_left_out = 0
    for item_id in (old.keys() - paired) | new.keys():
        was, now = old.get(renamed.get(item_id, item_id)), new.get(item_id)
        if now is not None and late(was, now):
            moved = tuple(name for name, value in COMPARED if value(was) != value(now)) if was else ()
            changes.append(ItemChange("changed" if was else "added", was, now, moved, late=True))
            continue
        if not (ahead(was) or ahead(now)):
            if was is None or now is None or any(value(was) != value(now) for _name, value in COMPARED):
                past_left_out += 1
            continue
        if was is None:
            changes.append(ItemChange("added", None, now))
        elif now is None:
            changes.append(ItemChange("removed", was, None))
        else:
            fields = tuple(name for name, value in COMPARED if value(was) != value(now))
            if fields:
                changes.append(ItemChange("changed", was, now, fields))
    changes.sort(key=lambda change: change.item.sort_key(zone))  # the plan's own order
    old_freezes = before.calendar.freezes if before is not None else ()
    added, removed = _freezes(old_freezes, after.calendar.freezes, since)
    return PlanChanges(tuple(changes), since, added, removed, new_site=before is None,
                       key_dates=_spans(before.calendar.key_dates if before else {},
                                        after.calendar.key_dates, since),
                       campaigns=_spans(before.calendar.campaigns if before else {},
                                        after.calendar.campaigns, since),
                       past_left_out=past_left_out, leaving=_leaving(before, after, renamed),
                       log=_log(before, after, renamed), feeds_gone=_feeds_gone(before, after),
                       accounts=_accounts(before, after), history_moved=_history_moved(old, new, renamed))


def _history_moved(old: Mapping[str, Item], new: Mapping[str, Item],
                   renamed: Mapping[str, str]) -> tuple[tuple[Item, Item], ...]:
    """Posts gone out at their planned time by the log (no `at:` in its line) whose planned time moved: a
    recurring post's `at:` changed rewrote the time a year of posts went out, without a word."""
    moved = []
    for item_id, now in new.items():
        was = old.get(renamed.get(item_id, item_id))
        if (was is not None and was.posted is not None and now.posted is not None and was.start != now.start
                and was.posted.at == was.start and now.posted.at == now.start):
            moved.append((was, now))
    moved.sort(key=lambda pair: (pair[1].start, pair[1].id))  # type: ignore[arg-type, return-value]
    return tuple(moved)


def _feeds_gone(before: Plan | None, after: Plan) -> tuple[str, ...]:
    from edcal.plan.feeds import feeds

    if before is None:
        return ()
    return tuple(sorted({feed.path for feed in feeds(before)} - {feed.path for feed in feeds(after)}))


def _accounts(before: Plan | None, after: Plan) -> tuple[tuple[str, str, str | None, str | None], ...]:
    if before is None:
        return ()
    old, new = before.calendar.networks, after.calendar.networks
    return tuple((name, new[name].name, old[name].account, new[name].account)
                 for name in sorted(old.keys() & new.keys()) if old[name].account != new[name].account)


def _log(before: Plan | None, after: Plan, renamed: Mapping[str, str]) -> tuple[LogChange, ...]:
    """The lines of the ``posted:`` log one plan has and the other has not, by the post's id (an id
    renamed with its line: the same line), in the order of the posts' times."""
    new_id = {old_id: new_id for new_id, old_id in renamed.items()}
    logged = (before.calendar.posted or []) if before is not None else []
    was = {new_id.get(r.item, r.item): r for r in logged}
    now = {r.item: r for r in after.calendar.posted or []}
    old_items, new_items = (before.by_id() if before is not None else {}), after.by_id()
    result = []
    for item_id in was.keys() | now.keys():
        earlier, later = was.get(item_id), now.get(item_id)
        if earlier is None:
            result.append(LogChange("added", None, later, new_items.get(item_id)))
        elif later is None:
            result.append(LogChange("removed", earlier, None, old_items.get(earlier.item)))
        elif (earlier.at, earlier.url, earlier.skipped) != (later.at, later.url, later.skipped):
            result.append(LogChange("changed", earlier, later, new_items.get(item_id)))
    zone = after.calendar.zone

    def order(change: LogChange) -> tuple[object, ...]:
        item = change.item
        return item.sort_key(zone) if item is not None else (2, "", change.record.item)

    return tuple(sorted(result, key=order))


def _renamed(before: Plan | None, after: Plan) -> dict[str, str]:
    """Items removed and added that are one item whose id changed (an entry's ``id:``, a network's
    key, an article's slug): the same kind, network (by its name), time, title and text, or, for a post
    about an article whose slug changed, the same network and time. New id -> old id; the first removed
    one of each likeness goes with the first added one."""
    if before is None:
        return {}
    old, new = before.by_id(), after.by_id()

    def likeness(item: Item, plan: Plan) -> tuple[object, ...]:
        network = plan.calendar.networks.get(item.network or "")
        return (item.kind, network.name if network is not None else item.network, item.start, item.title,
                item.text)

    removed: dict[tuple[object, ...], list[str]] = {}
    for item_id in sorted(old.keys() - new.keys()):
        removed.setdefault(likeness(old[item_id], before), []).append(item_id)
    pairs = {}
    for item_id in sorted(new.keys() - old.keys()):
        same = removed.get(likeness(new[item_id], after))
        if same:
            pairs[item_id] = same.pop(0)
    # An article's slug renamed renames its promotions too, whose texts carry its new address: they are
    # the same posts when they promote the renamed article on the same network at the same time.
    slugs = {new[new_id].article: old[old_id].article for new_id, old_id in pairs.items()
             if new[new_id].kind == "article" and new[new_id].article != old[old_id].article}
    if slugs:
        def promotion(item: Item, plan: Plan, article: str | None) -> tuple[object, ...]:
            network = plan.calendar.networks.get(item.network or "")
            return (network.name if network is not None else item.network, item.start, article)

        left: dict[tuple[object, ...], list[str]] = {}
        old_slugs = set(slugs.values())
        for item_id in sorted(old.keys() - new.keys() - set(pairs.values())):
            item = old[item_id]
            if item.kind == "post" and item.article in old_slugs:
                left.setdefault(promotion(item, before, item.article), []).append(item_id)
        for item_id in sorted(new.keys() - old.keys() - pairs.keys()):
            item = new[item_id]
            if item.kind == "post" and item.article in slugs:
                same = left.get(promotion(item, after, slugs[item.article]))
                if same:
                    pairs[item_id] = same.pop(0)
    return pairs


def _leaving(before: Plan | None, after: Plan, renamed: Mapping[str, str]) -> tuple[LeavingArticle, ...]:
    """The articles online in ``before`` that ``after`` removes, holds back or moves to another address."""
    if before is None:
        return ()
    new = after.by_id()
    now_of = {old_id: new[new_id] for new_id, old_id in renamed.items()}
    by_file = {item.source.path: item for item in after.items if item.kind == "article"}
    # The log as it is now knows best; a post renamed since is logged under its new id. A line saying a post
    # was skipped is no post gone out.
    log, logged_in = (after.calendar.posted, after) if after.calendar.posted is not None \
        else (before.calendar.posted, before)
    old_ids = {old_id: new_id for new_id, old_id in renamed.items()}
    logged = {record.item for record in log if not record.skipped} if log is not None else None
    # As the report counts: before the month of the log's first line, a post whose time has passed went out.
    log_start = first_logged_month(logged_in) if log is not None else None

    def went_out(post: Item) -> bool:
        if post.kind != "post" or post.url is None:
            return False
        if logged is not None and old_ids.get(post.id, post.id) in logged:
            return True
        return post.status == "published" and (
            log_start is None or (post.start is not None and before.day_of(post.start) < log_start))

    # Counted by page, not by slug (an article and its translation share a slug), once for every page
    # (counting each leaving article's over the plan was quadratic: a changed ARTICLE_URL moves them all).
    out: Counter[str | None] = Counter(site_page(post.url, before.site_url)  # type: ignore[arg-type]
                                       for post in before.items if went_out(post))
    leaving = []
    for item in before.items:
        if item.kind != "article" or item.status != "published":
            continue
        now = new.get(item.id) or now_of.get(item.id) or by_file.get(item.source.path)
        if now is not None and now.status == "published" and now.url == item.url:
            continue
        page = site_page(item.url, before.site_url) if item.url else None
        leaving.append(LeavingArticle(item, now, out[page] if page is not None else 0))
    return tuple(leaving)


Span = TypeVar("Span", KeyDate, Campaign)


def _spans(before: Mapping[str, Span], after: Mapping[str, Span],
           since: dt.datetime | None) -> tuple[tuple[ChangeKind, Span | None, Span | None], ...]:
    """Key dates (or campaigns) added, removed, or with another name or days; those over before
    ``since`` left out."""
    def ahead(span: Span | None) -> bool:
        return span is not None and (since is None or span.end >= since.date())

    result: list[tuple[ChangeKind, Span | None, Span | None]] = []
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key), after.get(key)
        if not (ahead(was) or ahead(now)):
            continue
        if was is None:
            result.append(("added", None, now))
        elif now is None:
            result.append(("removed", was, None))
        elif (was.name, was.start, was.end) != (now.name, now.start, now.end):
            result.append(("changed", was, now))
    def order(change: tuple[ChangeKind, Span | None, Span | None]) -> tuple[dt.date, str]:
        shown = change[2] or change[1]
        assert shown is not None
        return (shown.start, shown.id)

    return tuple(sorted(result, key=order))


def _freezes(before: Sequence[FreezeWindow], after: Sequence[FreezeWindow],
             since: dt.datetime | None) -> tuple[tuple[FreezeWindow, ...], tuple[FreezeWindow, ...]]:
    """Windows in one plan and not the other, those ended before ``since`` left out.

    A freeze is shown for itself, not only through the posts it withholds: a window that
    withholds nothing yet still stops what will be planned in it. A window ended before ``since``
    that starts where a removed window still running did is shown too: that freeze was lifted (given
    its ``until:`` once the crisis was over), and the removed window alone would read as deleted.
    """
    def key(window: FreezeWindow) -> tuple[object, ...]:
        return (window.start, window.end, window.reason, window.networks, window.blog)

    def ahead(window: FreezeWindow) -> bool:
        return since is None or window.end is None or as_instant(window.end) > as_instant(since)

    old, new = {key(w) for w in before}, {key(w) for w in after}
    removed = tuple(w for w in before if key(w) not in new and ahead(w))
    lifted = {as_instant(w.start) for w in removed}
    return (tuple(w for w in after if key(w) not in old and (ahead(w) or as_instant(w.start) in lifted)),
            removed)
