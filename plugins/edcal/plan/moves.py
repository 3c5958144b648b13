"""Moving items in bulk: which written dates change when a selection of the plan moves.

A move works on what people wrote, not on the resolved plan: a post's
``at:``, an article's ``date:``, an idea's ``publish:``, a deadline's
``draft_due:``/``review_due:``, a key date's ``on:``/``from:``/``until:``.
Items that follow something else are not rewritten: a promotion follows its
article (moving the article moves it), a post written relative to a key date
follows the key date, an occurrence of a recurring post follows its rule. A
date that also dates items left out of the selection (one ``at:`` for
LinkedIn and X, only X selected; one YAML anchor merged into two entries) is
not changed either: a move never moves more than was asked without saying so.
A campaign selected alone moves its own days too (:func:`move_campaign`).
What refuses a move as a whole is in :mod:`edcal.plan.move_refusals`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Literal

from edcal.dates import calendar_delta
from edcal.i18n import Message, say, say_count
from edcal.model.calendar import Campaign, KeyDate, MovedOccurrence, PostEntry, When
from edcal.model.days import as_instant
from edcal.model.plan import WAITING, Item, Plan, article_item_id, made_by, occurrence_name
from edcal.model.source import Source
from edcal.plan.status import offline_by_itself

Unit = Literal["days", "weeks", "months"]


@dataclass(frozen=True, slots=True)
class Shift:
    """How far items move, in whole days, weeks or months (the wall-clock time stays)."""

    amount: int
    unit: Unit

    def __call__(self, day: dt.date) -> dt.date:
        return day + calendar_delta(self.amount, self.unit)

    @property
    def words(self) -> Message:
        """``+7 days``, ``-1 week``, in the reader's language."""
        return say_count(abs(self.amount), *_UNIT_FORMS[self.unit], sign="+" if self.amount > 0 else "-")


_UNIT_FORMS = {"days": ("{sign}{count} day", "{sign}{count} days"),
               "weeks": ("{sign}{count} week", "{sign}{count} weeks"),
               "months": ("{sign}{count} month", "{sign}{count} months")}


@dataclass(frozen=True, slots=True)
class Selection:
    """Items to move: named (entry, item, article, idea or key date ids), or of some days, filtered."""

    ids: tuple[str, ...] = ()
    first: dt.date | None = None
    last: dt.date | None = None
    networks: frozenset[str] = frozenset()
    campaign: str | None = None
    owner: str | None = None
    #: ``--withheld``: the ids of the posts a lifted freeze withheld that never went out; None without it.
    withheld: frozenset[str] | None = None

    def matches(self, item: Item, day: dt.date) -> bool:
        if self.ids and not {item.id, move_name(item), occurrence_name(item)} & set(self.ids):
            return False
        if self.withheld is not None and item.id not in self.withheld:
            return False
        if not self.covers(day):
            return False
        if self.networks and item.network not in self.networks:
            return False
        if self.campaign is not None and item.campaign != self.campaign:
            return False
        return self.owner is None or item.owner == self.owner

    def covers(self, day: dt.date) -> bool:
        return (self.first is None or day >= self.first) and (self.last is None or day <= self.last)

    @property
    def whole_campaign(self) -> bool:
        """A campaign and nothing else (``--campaign`` alone): the campaign itself moves."""
        return self.campaign is not None and not (self.ids or self.first or self.last or self.networks
                                                  or self.owner or self.withheld is not None)


@dataclass(frozen=True, slots=True)
class DateMove:
    """One written date that changes, and the selected items it dates."""

    source: Source
    before: dt.date
    after: dt.date
    items: tuple[Item, ...]
    #: The key date whose day this is (what is written relative to it follows).
    key_date: str | None = None
    #: The campaign whose first or last day this is (a whole campaign moved with --campaign).
    campaign: str | None = None
    #: The article whose `modified:` day this is: it follows the article's `date:`.
    modified_of: str | None = None


@dataclass(frozen=True, slots=True)
class OccurrenceMove:
    """Occurrences of a recurring post moved apart from their series: written under its rule's
    ``moved:`` (each keeps its place in the rule: its id, its text in turn)."""

    #: Where they are written: the rule's ``moved:`` mapping, or the rule's mapping when it has none.
    source: Source
    into_moved: bool
    #: Each occurrence's day in the rule, and its new day.
    days: tuple[tuple[dt.date, dt.date], ...]
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class MovedBack:
    """An occurrence moved before, back on its rule's day: its entry leaves the rule's ``moved:``."""

    occurrence: MovedOccurrence
    #: The day written under ``moved:`` until now.
    before: dt.date
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Unmoved:
    """A selected item whose date is not rewritten, why, and what to do instead."""

    item: Item
    reason: Message
    hint: Message


@dataclass(slots=True)
class Move:
    """What moving a selection does to what people wrote."""

    moves: list[DateMove] = field(default_factory=list)
    occurrences: list[OccurrenceMove] = field(default_factory=list)
    returned: list[MovedBack] = field(default_factory=list)
    unmoved: list[Unmoved] = field(default_factory=list)
    #: Selected items already out (or due before now): left where they are.
    past: list[Item] = field(default_factory=list)
    #: A campaign moved with --campaign that keeps its own days: some of its items stay.
    campaign_kept: str | None = None
    #: The names the selection gives (``edcal move relecture``), not its days.
    named: frozenset[str] = frozenset()
    #: Selected by their days, items due already that never went out (an article still in review), which
    #: the move would leave due: left where they are.
    late: list[Item] = field(default_factory=list)
    #: Posts of an entry written relative to a key date that moves, whose network has an `at:` of its own
    #: under `variants:` (a date, not relative to a key date): not selected, they stay, and the report
    #: says so.
    own_date: list[Unmoved] = field(default_factory=list)


def selected(plan: Plan, selection: Selection) -> tuple[list[Item], list[Item], list[KeyDate]]:
    """The items the selection names that are still to come, those already out, and the key dates
    it names (those whose first day it covers)."""
    chosen: list[Item] = []
    past: list[Item] = []
    for item in plan.items:
        start = written_start(plan, item)
        if start is None or not selection.matches(item, plan.day_of(start)):
            continue
        (past if is_past(plan, item) else chosen).append(item)
    key_dates = [plan.calendar.key_dates[name] for name in selection.ids if name in plan.calendar.key_dates
                 and selection.covers(plan.calendar.key_dates[name].start)]
    return chosen, past, key_dates


def written_start(plan: Plan, item: Item) -> dt.datetime | dt.date | None:
    """When the item is written to be: an article a freeze holds back is written for its own date,
    not for the freeze's end, when it goes online."""
    if item.kind == "article":
        article = plan.article_of(item)
        if article is not None and article.date is not None:
            return article.date
    return item.start


def where_written(plan: Plan, item: Item) -> Source:
    """Where a person changes the item's date (a variant's own `at:`, an article's `date:`), else
    where the item is written."""
    return _Finder(plan, lambda source: None, lambda source: None).source_of(item) or item.source


def is_past(plan: Plan, item: Item) -> bool:
    """Out already (or due before now): a move leaves it where it is. A post a freeze withheld never
    went out: it moves after the freeze rather than being lost (onto a moment to come). Nor did an article
    not online whose date has passed (still in review, a draft, held back): a slipped article is what a
    team reschedules most, and ``move`` refused it as past."""
    if item.status == "published":
        return True
    if item.start is None or (item.kind == "post" and item.status == "withheld" and item.withheld_reason):
        return False
    if item.kind == "article" or (item.kind == "post" and item.status in WAITING):
        return False  # and a post still a draft (or unapproved) when its time came did not go out
    if isinstance(item.start, dt.datetime):
        return as_instant(item.start) < as_instant(plan.now)
    return item.start < plan.day_of(plan.now)


def move_name(item: Item) -> str:
    """The name ``edcal move`` selects an item by: a post's entry (all its networks), an article's
    slug (all its languages), an idea's id, a deadline's item id (``edcal agenda --ids`` shows it)."""
    if item.kind == "article":
        return item.article or item.id
    if item.kind == "idea":
        return item.id.removeprefix("idea-")
    return item.parent if item.kind == "post" and item.parent else item.id


def agenda_name(item: Item) -> str:
    """The name ``edcal agenda --ids`` shows: an occurrence's own (its entry's would name the series)."""
    return occurrence_name(item) or move_name(item)


#: How a post a lifted freeze withheld, its time passed, can still go out (:func:`way_back`); "shared": a
#: series' day that other networks post on too, the freeze leaving them alone (:func:`withheld_ways`).
WayBack = Literal["post", "series", "promotion", "shared"]


def way_back(plan: Plan, post: Item) -> WayBack:
    """How a post a lifted freeze withheld can still go out: "post", moved by its name (by whole weeks, it
    keeps its weekday and its time or slot); "series", one day of a recurring post, moved onto a day its rule
    does not post on (whole weeks land on one it posts on); "promotion", which follows its article and moves
    with it alone (its name is the article's): written as a post of its own, it can go out. The planning
    pages' "Freeze lifted" notice and ``withheld-now-past`` tell each its way."""
    entry = next((e for e in plan.calendar.posts if made_by(e, post)), None)
    if post.article and (entry is None or entry.kind == "promote"):
        return "promotion"
    return "series" if occurrence_name(post) else "post"


def withheld_ways(plan: Plan, posts: Iterable[Item]) -> dict[str, tuple[WayBack, str | None]]:
    """How each of ``posts`` (withheld by a freeze) can go out later, by id (:func:`way_back`), and the name
    ``edcal move`` takes that selects it and nothing a freeze leaves alone, None where none does: a promotion
    (its name is its article's: the article would move); a series' day whose other networks the freeze
    leaves alone ("shared": ``moved:`` moves a day on every network, and ``edcal move`` with it). A one-off
    post whose entry's name selects such a post too is named by its own id. What a freeze's notices, its feed
    event and ``withheld-now-past`` offer."""
    wanted = list(posts)
    if not wanted:
        return {}
    held: dict[str, bool] = {}  # by name: whether every item it selects is withheld
    for item in plan.items:
        for name in (move_name(item), occurrence_name(item)):
            if name is not None:
                held[name] = held.get(name, True) and item.status == "withheld"
    ways: dict[str, tuple[WayBack, str | None]] = {}
    for post in wanted:
        way, name = way_back(plan, post), agenda_name(post)
        if way == "promotion" or held.get(name, False):
            ways[post.id] = (way, None if way == "promotion" else name)
        else:
            ways[post.id] = ("shared", None) if way == "series" else (way, post.id)
    return ways


def weeks_to_come(plan: Plan, posts: Iterable[Item]) -> int:
    """The fewest whole weeks that bring each of ``posts`` (their time passed) after now: ``edcal move --by
    '+N weeks'`` keeps each on its weekday, at its time or its network's slot, where ``--to`` moves them all
    by one number of days (a Thursday's post onto a Wednesday, off its slot)."""
    earliest = min(as_instant(post.start) for post in posts)  # type: ignore[arg-type]
    return (as_instant(plan.now) - earliest) // dt.timedelta(weeks=1) + 1


def by_weeks(weeks: int) -> str:
    """``--by`` for whole weeks, as the command line takes it: "'+1 week'", "'+2 weeks'"."""
    return f"'+{weeks} week{'s' if weeks > 1 else ''}'"


def plan_move(plan: Plan, chosen: list[Item], key_dates: list[KeyDate], shift: Shift,
              read_day: Callable[[Source], dt.date | None], shared: Callable[[Source], str | None],
              extensible: Callable[[Source], bool] = lambda source: False,
              named: Collection[str] = (),
              removable: Callable[[MovedOccurrence], bool] = lambda occurrence: False) -> Move:
    """The written dates to change so that the chosen items and key dates move by ``shift``.

    :param chosen: the selected items still to come (:func:`selected`).
    :param read_day: the day written at the start of the value at a source, if any.
    :param shared: the YAML anchor or alias (``&jour``, ``*jour``) the value at a source is, when
        other values share its day.
    :param extensible: whether a key can be added to the mapping starting at a source (a rule's
        ``moved:``).
    :param named: the ids the selection names (an occurrence named moves alone, never its series).
    :param removable: whether an occurrence's entry can leave ``moved:`` (its new day written alone):
        moved back on its rule's day, it does, rather than stay as ``2027-01-21: 2027-01-21``.
    """
    where = _Finder(plan, read_day, shared)
    move = Move(named=frozenset(named))
    for key_date in key_dates:
        for name in ("on", "from", "until"):
            source = key_date.field_sources.get(name)
            day = read_day(source) if source is not None else None
            if source is not None and day is not None:  # a fair of four days stays four days long
                move.moves.append(DateMove(source, day, shift(key_date.start) + (day - key_date.start), (),
                                           key_date.id))
    moved_key_dates = {key_date.id for key_date in key_dates}
    # Items whose own date is written: articles first, so that their promotions know they follow.
    own: list[Item] = []
    following: list[Item] = []
    # Occurrences named one by one (weekly-20270324) move alone, even the last one to come.
    by_name = {item.parent for item in chosen if occurrence_name(item) in named}
    series = _whole_series(plan, chosen, where) - by_name
    for item in chosen:
        (following if item.parent in series or where.follower(item) else own).append(item)
    moved_articles = set()
    picked = {item.id for item in chosen}
    for written, items in _by_written(plan, own, where, move).items():
        if _movable(plan, written, items, where, shift, move, picked):
            back = where.moved_back(items[0], shift(written.day))  # type: ignore[arg-type]
            if back is not None and removable(back):
                move.returned.append(MovedBack(back, written.day, tuple(items)))  # type: ignore[arg-type]
                continue
            move.moves.append(DateMove(written.source, written.day, shift(written.day),  # type: ignore[arg-type]
                                       tuple(items)))
            moved_articles |= {item.id for item in items if item.kind == "article"}
            move.moves += _modified_following(plan, items, written, shift, read_day, shared)
    following = _occurrences(plan, following, where, shift, move, moved_key_dates, extensible, series, picked)
    left_articles = {unmoved.item.id for unmoved in move.unmoved if unmoved.item.kind == "article"}
    late_articles = {item.article for item in move.late if item.kind == "article"}
    left_articles |= {item.id for item in move.late if item.kind == "article"}
    for item in following:
        reason = where.follows(item, moved_articles, moved_key_dates, left_articles)
        if reason is not None and item.article in late_articles:
            move.late.append(item)  # it promotes a late article the days given leave late: it stays with it
        elif reason is not None:
            move.unmoved.append(Unmoved(item, *reason))
    move.own_date = _own_dates(plan, where, moved_key_dates, picked)
    move.moves.sort(key=_in_file_order)
    return move


def _modified_following(plan: Plan, items: list[Item], written: _Written, shift: Shift,
                        read_day: Callable[[Source], dt.date | None],
                        shared: Callable[[Source], str | None]) -> list[DateMove]:
    """The `modified:` day of a moved article, on or after its `date:`: moved alike, else the article would
    read "updated" before it was published. One written before its date (a slip) says nothing of the new
    one."""
    following = []
    for item in items:
        article = plan.article_of(item) if item.kind == "article" else None
        source = article.field_sources.get("modified") if article is not None else None
        day = read_day(source) if source is not None and shared(source) is None else None
        if article is not None and source is not None and day is not None and written.day is not None \
                and day >= written.day:
            following.append(DateMove(source, day, shift(day), (), modified_of=article.slug))
    return following


def _own_dates(plan: Plan, where: _Finder, moved_key_dates: set[str], picked: set[str]) -> list[Unmoved]:
    """The posts to come of an entry written relative to a key date that moves, on a network whose own
    `at:` under `variants:` is a date (`bluesky: {at: 2027-03-13 12:00}`): the rest of the entry follows
    the key date, they stay (they are not selected, and their date says nothing of the key date)."""
    kept = []
    for item in plan.items:
        entry = where.entry_of(item) if item.kind == "post" and item.id not in picked else None
        if entry is None or entry.kind != "once" or entry.when is None or is_past(plan, item):
            continue
        variant = entry.variants.get(item.network or "")
        key_date = entry.when.key_date
        if key_date not in moved_key_dates or variant is None or variant.when is None \
                or variant.when.key_date is not None:
            continue
        reason = say("its `at:` under `variants:` is a date of its own, while the rest of its entry follows "
                     "the key date '{key_date}'", key_date=key_date)
        hint = say("move it too (edcal move {id} --by …), or write its `at:` relative to the key date "
                   "({key_date} …) so that it follows", id=item.id, key_date=key_date)
        kept.append(Unmoved(item, reason, hint))
    return kept


def move_campaign(plan: Plan, move: Move, campaign: Campaign, shift: Shift,
                  read_day: Callable[[Source], dt.date | None],
                  shared: Callable[[Source], str | None]) -> None:
    """A campaign moved whole (:attr:`Selection.whole_campaign`) moves its own days too: its posts would
    fall outside it. Its first day stays once it has begun (its posts out already were in it); a day
    written relative to a key date follows the key date, not the campaign. When some of its items stay
    (``move.unmoved``), they would fall outside it: it keeps its days (``move.campaign_kept``).

    :param read_day: the day written at the start of the value at a source (as :func:`plan_move`).
    :param shared: the YAML anchor or alias the value at a source is (as :func:`plan_move`).
    """
    if move.unmoved:
        move.campaign_kept = campaign.id
        return
    begun = campaign.start <= plan.day_of(plan.now)
    for source in ((None if begun else campaign.from_source), campaign.until_source):
        day = read_day(source) if source is not None and shared(source) is None else None
        if source is not None and day is not None:
            move.moves.append(DateMove(source, day, shift(day), (), campaign=campaign.id))
    move.moves.sort(key=_in_file_order)


def first_day_moving(plan: Plan, chosen: list[Item], key_dates: list[KeyDate], trial: Move) -> dt.date:
    """The first day of what moves (not of what follows or stays), from which ``--to`` counts.

    :param trial: the move of the same selection by one day (:func:`plan_move`).
    """
    moving = [*(m.before for m in trial.moves if not m.key_date and not m.modified_of),
              *(m.before for m in trial.returned),
              *(day for m in trial.occurrences for day, _after in m.days),
              *(key_date.start for key_date in key_dates)]
    moving = moving or [plan.day_of(start) for i in chosen if (start := written_start(plan, i))]
    return min(moving)


def _in_file_order(change: DateMove) -> tuple[str, int, int]:
    return change.source.path, change.source.line, change.source.column


def _whole_series(plan: Plan, chosen: list[Item], where: _Finder) -> set[str]:
    """The recurring posts whose every occurrence to come is selected: their rule is what changes,
    not each day (a person names the entry, or a campaign)."""
    picked = {item.id for item in chosen}
    entries = {item.parent for item in chosen if item.kind == "post" and item.parent}
    return {entry_id for entry_id in entries
            if (entry := where.entries.get(entry_id)) is not None and entry.kind == "repeat"
            and all(item.id in picked for day_items in where.occurrences_of(entry_id).values()
                    for item in day_items if not is_past(plan, item))}


def _occurrences(plan: Plan, following: list[Item], where: _Finder, shift: Shift, move: Move,
                 moved_key_dates: set[str], extensible: Callable[[Source], bool],
                 whole: set[str], picked: set[str]) -> list[Item]:
    """Occurrences of recurring posts selected apart from the rest of their series move alone, under
    their rule's ``moved:`` (added to ``move.occurrences``). Returns the followers left: every other
    one, and a whole series (its rule is what changes)."""
    by_entry: dict[str, list[Item]] = {}
    rest = []
    for item in following:
        entry = where.entry_of(item)
        if entry is None or entry.kind != "repeat" or entry.recurrence is None or entry.id in whole \
                or set(entry.recurrence.key_dates) & moved_key_dates:
            rest.append(item)
        else:
            by_entry.setdefault(entry.id, []).append(item)
    for entry_id, items in by_entry.items():
        entry = where.entries[entry_id]
        assert entry.recurrence is not None
        chosen = {item.id for item in items}
        series = where.occurrences_of(entry_id)
        rule = entry.field_sources.get("repeat", entry.source)
        target = entry.recurrence.moved_source or rule
        merged = rule.path != entry.source.path or rule.line < entry.source.line  # from a `<<:` merge
        if merged or where.shared(rule) is not None or not extensible(target):
            move.unmoved.extend(Unmoved(item, say("its rule (line {line}) is shared with other entries, or "
                                                  "written in a way edcal cannot extend", line=rule.line),
                                        say("add the day under the rule's `moved:` by hand (moved: "
                                            "{{{day}: {after}}})", day=_occurrence_day(items[0]).isoformat(),
                                            after=shift(_occurrence_day(items[0])).isoformat()))
                                for item in items)
            continue
        days: dict[dt.date, list[Item]] = {}
        for item in items:
            days.setdefault(_occurrence_day(item), []).append(item)
        moving: list[tuple[dt.date, dt.date]] = []
        moved_items: list[Item] = []
        # The days the series posts on once this move is done, but for those moved: none gets two posts.
        staying = {plan.day_of(start) for key, items_of_day in series.items() if key not in days
                   for start in [items_of_day[0].start]
                   if start is not None and items_of_day[0].id not in picked}
        # The one the others move towards first (the latest, moved later): a day whose occurrence stays is
        # not free for the one meant to land on it (a week of a weekly series, each onto the next).
        later = shift(min(days)) > min(days)
        for day, group in sorted(days.items(), reverse=later):
            if _stays(plan, day, group, series.get(day, []), chosen, staying, shift, move):
                staying |= {plan.day_of(item.start) for item in group if item.start is not None}
                continue
            moving.append((day, shift(day)))
            moved_items.extend(group)
        moving.sort()
        if moving:
            move.occurrences.append(OccurrenceMove(target, entry.recurrence.moved_source is not None,
                                                   tuple(moving), tuple(moved_items)))
    return rest


def _stays(plan: Plan, day: dt.date, group: list[Item], same_day: list[Item], chosen: set[str],
           staying: set[dt.date], shift: Shift, move: Move) -> bool:
    """Whether the occurrence of a series' day cannot move alone (said in ``move.unmoved``, or ``move.late``).

    :param same_day: the series' items of that day, on every network.
    :param staying: the days the series posts on once the move is done, but for the days moved.
    """
    # Networks left out first: another offset would not mend that.
    others = [other for other in same_day if other.id not in chosen]
    if others:
        out = [other for other in others if is_past(plan, other)]
        shown = ", ".join(sorted({_name(plan, other, True) for other in out or others}))
        words = {"day": day.isoformat(), "others": shown}
        if out:
            reason = say("the occurrence of {day} is also posted on {others}, already past", **words)
            hint = say("`moved:` moves a day's occurrence on every network: write this one as a post "
                       "of its own with `at:`")
        else:
            reason = say("the occurrence of {day} is also posted on {others}, not selected", **words)
            hint = say("select it on every network of the post, or none")
        move.unmoved.extend(Unmoved(item, reason, hint) for item in group)
        return True
    if shift(day) in staying:
        move.unmoved.extend(_posted_already(group, shift(day)))
        return True
    return not _lands_ahead(plan, group, shift, move)



def _occurrence_day(item: Item) -> dt.date:
    """The rule's day of an occurrence (its id ends with it, moved or not)."""
    return dt.date(int(item.id[-8:-4]), int(item.id[-4:-2]), int(item.id[-2:]))


def _by_written(plan: Plan, items: list[Item], where: _Finder, move: Move) -> dict[_Written, list[Item]]:
    """The items grouped by where their date is written (the items left out go to ``move.unmoved``)."""
    groups: dict[_Written, list[Item]] = {}
    for item in items:
        written = where.written(item)
        if written is None:
            move.unmoved.append(Unmoved(item, say("its date is not written anywhere it could be changed"),
                                        say("change it by hand")))
        elif (anchor := where.shared(written.source)) is not None:
            move.unmoved.append(Unmoved(
                item, say("its date (line {line}) is shared through the YAML {anchor}",
                          line=written.source.line, anchor=anchor),
                say("write the date itself where each value needs it, then move them apart")))
        elif written.day is None:
            move.unmoved.append(Unmoved(
                item, say("its date (line {line}) is not written as YYYY-MM-DD", line=written.source.line),
                say("write it as a date (e.g. 2027-01-12 09:00) to move it with edcal move, or change it "
                    "by hand")))
        else:
            groups.setdefault(written, []).append(item)
    return groups


def _movable(plan: Plan, written: _Written, items: list[Item], where: _Finder, shift: Shift,
             move: Move, picked: set[str]) -> bool:
    """Whether the date written there can move: nothing it dates is left out or lands before now."""
    chosen = {item.id for item in items}
    others = [other for other in where.dated_by(written.source) if other.id not in chosen]
    if others:
        out = [other for other in others if is_past(plan, other)]
        parents = {item.parent for item in items}
        shown = sorted({_name(plan, other, other.parent in parents) for other in out or others})
        reason = (say_count(len(shown), "the same date (line {line}) is also that of {others}, already past",
                            "the same date (line {line}) is also that of {others}, which are already past",
                            line=written.source.line, others=", ".join(shown)) if out else
                  say_count(len(shown), "the same date (line {line}) is also that of {others}, not selected",
                            "the same date (line {line}) is also that of {others}, which are not selected",
                            line=written.source.line, others=", ".join(shown)))
        hint = say("give what you move a date of its own (on a network: its own `at:` under `variants:`)") \
            if out else say("select them too, or give what you move a date of its own (on a network: its own "
                            "`at:` under `variants:`)")
        move.unmoved.extend(Unmoved(item, reason, hint) for item in items)
        return False
    if written.day is not None and _lands_on_its_series(plan, items, where, shift(written.day), picked):
        move.unmoved.extend(_posted_already(items, shift(written.day)))
        return False
    return _lands_ahead(plan, items, shift, move)


def _posted_already(items: list[Item], day: dt.date) -> list[Unmoved]:
    """Occurrences left because their series posts on the day they would land on (twice that day)."""
    taken = say("the series posts on {day:%Y-%m-%d} already", day=day)  # in the site's format
    hint = say("move it by other days, or leave that day out of the rule first (`except:`)")
    return [Unmoved(item, taken, hint) for item in items]


def _lands_on_its_series(plan: Plan, items: list[Item], where: _Finder, day: dt.date,
                         picked: set[str]) -> bool:
    """Whether an occurrence moved before (its day under ``moved:``) would land on a day its series
    posts on, and stays on: it would go out twice that day (the loader refuses it)."""
    entry = where.entry_of(items[0]) if items[0].kind == "post" else None
    if entry is None or entry.kind != "repeat":
        return False
    zone = plan.calendar.zone_of(items[0].network)  # a day written on the account's clock
    return any(isinstance(other.start, dt.datetime) and other.start.astimezone(zone).date() == day
               for others in where.occurrences_of(entry.id).values()
               for other in others if other.id not in picked)


def _lands_ahead(plan: Plan, items: list[Item], shift: Shift, move: Move) -> bool:
    """Whether the items, moved, are still to come (else they go to ``move.unmoved``)."""
    landing = {item.id: _moved(plan, item, shift) for item in items}
    if any(_before_now(plan, item, landing[item.id]) for item in items):
        if _late(plan, items, move.named):  # days given, `--since … --by +1 day`: it stays late, as it was
            move.late.extend(items)
            return False
        move.unmoved.extend(Unmoved(item, say("its new date ({when}) would be past",
                                              when=_shown(landing[item.id])),
                                    say("move by fewer days, or forward")) for item in items)
        return False
    return True


def _before_now(plan: Plan, item: Item, landing: dt.datetime | dt.date) -> bool:
    """Whether an item landing there (on its account's clock, :func:`_moved`) would be past."""
    now = plan.now.astimezone(plan.calendar.zone_of(item.network)).replace(tzinfo=None)
    return landing < (now if isinstance(landing, dt.datetime) else now.date())


def _late(plan: Plan, items: list[Item], named: frozenset[str]) -> bool:
    """Whether items still to come (:func:`is_past`) were due already (an article still in review after
    its date), and the selection gives their days, not their names: a move of days that leaves them late
    leaves them as other past items, rather than failing on them. Named, they are moved, or refused."""
    def due(item: Item) -> bool:
        start = written_start(plan, item)
        return start is not None and (as_instant(start) < as_instant(plan.now)
                                      if isinstance(start, dt.datetime) else start < plan.day_of(plan.now))

    return all(due(item) and not {move_name(item), agenda_name(item), item.id} & named for item in items)


def _moved(plan: Plan, item: Item, shift: Shift) -> dt.datetime | dt.date:
    """Where the item would land, on the wall clock of its account's zone, else the site's (the same time of
    day)."""
    start = written_start(plan, item)
    assert start is not None  # only dated items are selected
    if isinstance(start, dt.datetime):
        local = start.astimezone(plan.calendar.zone_of(item.network))
        return dt.datetime.combine(shift(local.date()), local.time().replace(tzinfo=None))
    return shift(start)


def _shown(day: dt.datetime | dt.date) -> str:
    """``2027-01-12 09:00``, or ``2027-01-12`` for an all-day item."""
    return f"{day:%Y-%m-%d %H:%M}" if isinstance(day, dt.datetime) else day.isoformat()


def _name(plan: Plan, item: Item, same_entry: bool) -> str:
    """A network's name for another network of the same entry, else the entry and the network."""
    network = plan.calendar.networks.get(item.network or "")
    if network is None:
        return move_name(item)
    return network.name if same_entry else f"{move_name(item)} ({network.name})"


@dataclass(frozen=True, slots=True)
class _Written:
    """Where an item's date is written, and the day written there."""

    source: Source
    #: None when the value does not start with a day written YYYY-MM-DD.
    day: dt.date | None


class _Finder:
    """Where each item's date is written, and what an item follows instead."""

    def __init__(self, plan: Plan, read_day: Callable[[Source], dt.date | None],
                 shared: Callable[[Source], str | None]):
        self.plan = plan
        self.read_day = read_day
        self.shared = shared
        self.entries = {entry.id: entry for entry in plan.calendar.posts}
        self.ideas = {f"idea-{idea.id}": idea for idea in plan.calendar.ideas}
        self._dated: dict[Source, list[Item]] | None = None
        self._series: dict[str, dict[dt.date, list[Item]]] | None = None

    def follower(self, item: Item) -> bool:
        """A post whose date comes from something else: a promotion, a recurring post's occurrence, a
        post written relative to a key date."""
        if item.kind != "post":
            return False
        entry = self.entry_of(item)
        if entry is not None and entry.kind == "repeat":
            return self._moved_to(entry, item) is None
        when = self._when(entry, item) if entry is not None else None
        return entry is None or entry.kind != "once" or (when is not None and when.key_date is not None)

    def occurrences_of(self, entry_id: str) -> dict[dt.date, list[Item]]:
        """A recurring post's items, by the rule's day of each (moved or not)."""
        if self._series is None:
            self._series = {}
            for item in self.plan.items:
                entry = self.entry_of(item) if item.kind == "post" else None
                if entry is not None and entry.kind == "repeat":
                    self._series.setdefault(entry.id, {}).setdefault(_occurrence_day(item), []).append(item)
        return self._series.get(entry_id, {})

    def moved_back(self, item: Item, day: dt.date) -> MovedOccurrence | None:
        """The ``moved:`` entry of an occurrence that ``day`` takes back to its rule's day, else None."""
        entry = self.entry_of(item) if item.kind == "post" else None
        if entry is None or entry.kind != "repeat" or _occurrence_day(item) != day:
            return None
        return self._moved_to(entry, item)

    @staticmethod
    def _moved_to(entry: PostEntry, item: Item) -> MovedOccurrence | None:
        return entry.recurrence.moved_occurrence(_occurrence_day(item)) if entry.recurrence else None

    def entry_of(self, item: Item) -> PostEntry | None:
        """The entry a post comes from (None for the blog's default promotions, whose entry is not
        written, even when an entry of calendar.yaml has the article's slug for id)."""
        entry = self.entries.get(item.parent or "")
        return entry if entry is not None and made_by(entry, item) else None

    def follows(self, item: Item, moved_articles: set[str], moved_key_dates: set[str],
                left_articles: set[str]) -> tuple[Message, Message] | None:
        """None for a follower whose leader moves, else why it stays and what to do."""
        entry = self.entry_of(item)
        if entry is None or entry.kind == "promote":
            article = self.plan.articles_by_slug().get(item.article or "")
            if article is not None and article_item_id(article) in moved_articles:
                return None
            if article is not None and article_item_id(article) in left_articles:
                return (say("it promotes the article '{slug}', which does not move either",
                            slug=item.article),
                        say("see why the article stays, in this list"))
            # Online by its status too: one in review past its date is not, and moves (its promotions too).
            if article is not None and article.date is not None \
                    and not offline_by_itself(article, self.plan.calendar, self.plan.now):
                return (say("it promotes the article '{slug}', already online, and follows its date",
                            slug=item.article),
                        say("to move it apart from the article, write it as a post of its own with `at:`"))
            unready = article is not None and article.status in ("draft", "review")
            why = (say("it promotes the article '{slug}', which is not online yet, and follows its date",
                       slug=item.article) if unready else
                   say("it promotes the article '{slug}' and follows its date", slug=item.article))
            return why, say("move the article itself (edcal move {slug} --by …, with no --network): its "
                            "promotions follow", slug=item.article)
        if entry.kind == "repeat":
            if entry.recurrence is not None and set(entry.recurrence.key_dates) & moved_key_dates:
                return None
            rule = entry.field_sources.get("repeat", entry.source)
            return (say("it is one occurrence of a recurring post, which follows its rule"),
                    say("change the rule's from:/until: or its days (line {line}); to leave a day out, "
                        "add it under `except:`; to move days alone, select them by day (--since/--until)",
                        line=rule.line))
        key_date = self._when(entry, item).key_date  # type: ignore[union-attr]
        if key_date in moved_key_dates:
            return None
        # The key date moved for one post would move the fair and all that follows it: the offset moves one.
        variant = entry.variants.get(item.network or "")
        fields = variant.field_sources if variant is not None and variant.when else entry.field_sources
        at = fields.get("at", entry.source)
        return (say("it is written relative to the key date '{key_date}', and follows it", key_date=key_date),
                say("to move it alone, change the offset of its `at:` (line {line}), which stays relative "
                    "to '{key_date}' (for one network: its own `at:` under `variants:`); `edcal move "
                    "{key_date} …` moves the key date, and everything written relative to it",
                    key_date=key_date, line=at.line))

    def source_of(self, item: Item) -> Source | None:
        """Where the item's own date is written (None for a follower)."""
        if item.kind == "post":
            entry = self.entry_of(item)
            moved = self._moved_to(entry, item) if entry is not None and entry.kind == "repeat" else None
            if moved is not None:  # an occurrence with a day of its own, under its rule's `moved:`
                return moved.source
            if entry is None or entry.kind != "once":
                return None
            variant = entry.variants.get(item.network or "")
            fields = variant.field_sources if variant is not None and variant.when else entry.field_sources
            return fields.get("at")
        if item.kind == "article":
            article = self.plan.article_of(item)
            return article.field_sources.get("date") if article is not None else None
        if item.kind == "idea":
            idea = self.ideas.get(item.id)
            return idea.field_sources.get("publish") if idea is not None else None
        return item.source  # a deadline: its draft_due or review_due

    def written(self, item: Item) -> _Written | None:
        source = self.source_of(item)
        return _Written(source, self.read_day(source)) if source is not None else None

    def dated_by(self, source: Source) -> list[Item]:
        """Every item of the plan (selected or not) whose date is written at ``source``."""
        if self._dated is None:
            self._dated = {}
            for item in self.plan.items:
                if not self.follower(item) and (found := self.source_of(item)) is not None:
                    self._dated.setdefault(found, []).append(item)
        return self._dated.get(source, [])

    @staticmethod
    def _when(entry: PostEntry, item: Item) -> When | None:
        variant = entry.variants.get(item.network or "")
        if variant is not None and variant.when is not None:
            return variant.when
        return entry.when
