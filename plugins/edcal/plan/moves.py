"""Moving items in bulk: which written dates change when a selection of the plan moves.

A move works on what people wrote, not on the resolved plan: a post's
``at:``, an article's ``date:``, an idea's ``publish:``, a deadline's
``draft_due:``/``review_due:``. Items that follow something else are not
rewritten: a promotion follows its article (moving the article moves it), a
post written relative to a key date follows the key date, an occurrence of a
recurring post follows its rule. A date shared by items left out of the
selection (one ``at:`` for LinkedIn and X, only X selected) is not changed
either: a move never moves more than was asked without saying so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from dateutil.relativedelta import relativedelta

from edcal.i18n import Message, say
from edcal.model.calendar import Idea, KeyDate, PostEntry
from edcal.model.plan import Item, Plan, article_item_id
from edcal.model.source import Source

Unit = Literal["days", "weeks", "months"]


@dataclass(frozen=True, slots=True)
class Shift:
    """How far items move, in whole days, weeks or months (the wall-clock time stays)."""

    amount: int
    unit: Unit

    def __call__(self, day: dt.date) -> dt.date:
        return day + relativedelta(**{self.unit: self.amount})  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Selection:
    """Items to move: named (item, entry, article or idea ids), or in a window of days and filtered."""

    ids: tuple[str, ...] = ()
    first: dt.date | None = None
    last: dt.date | None = None
    networks: frozenset[str] = frozenset()
    campaign: str | None = None
    owner: str | None = None

    def matches(self, item: Item, day: dt.date) -> bool:
        if self.ids and not {item.id, item.parent, _article_name(item)} & set(self.ids):
            return False
        if (self.first is not None and day < self.first) or (self.last is not None and day > self.last):
            return False
        if self.networks and item.network not in self.networks:
            return False
        if self.campaign is not None and item.campaign != self.campaign:
            return False
        return self.owner is None or item.owner == self.owner


@dataclass(frozen=True, slots=True)
class DateMove:
    """One written date that changes, and the selected items it dates."""

    source: Source
    before: dt.date
    after: dt.date
    items: tuple[Item, ...]
    #: The key date whose day this is (its items follow it, unselected).
    key_date: str | None = None


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
    #: Selected items that follow what moves: promotions of a moved article, posts of a moved key date.
    following: list[Item] = field(default_factory=list)
    unmoved: list[Unmoved] = field(default_factory=list)
    #: Selected items already out (or due before now): left where they are.
    past: list[Item] = field(default_factory=list)

    @property
    def selected(self) -> int:
        return sum(len(m.items) for m in self.moves) + len(self.following) + len(self.unmoved)


@dataclass(frozen=True, slots=True)
class _Written:
    """Where an item's date is written, and the day written there."""

    source: Source
    #: None when the value does not start with a day written YYYY-MM-DD.
    day: dt.date | None


def plan_move(plan: Plan, selection: Selection, shift: Shift,
              read_day: Callable[[Source], dt.date | None]) -> Move:
    """The written dates to change so that the selected items move by ``shift``.

    :param plan: the plan as read now (its ``now`` tells what is already out).
    :param read_day: the day written at the start of the value at a source, if any.
    """
    today = local_day(plan, plan.now)
    entries = {entry.id: entry for entry in plan.calendar.posts}
    ideas = {f"idea-{idea.id}": idea for idea in plan.calendar.ideas}
    where = _Finder(plan, entries, ideas, read_day)
    chosen, past = selected(plan, selection)
    move = Move(past=past)
    for key_date in named_key_dates(plan, selection):
        for name in ("on", "from", "until"):
            source = key_date.field_sources.get(name)
            day = read_day(source) if source is not None else None
            if source is not None and day is not None:
                move.moves.append(DateMove(source, day, shift(day), (), key_date.id))
    where.moved_key_dates = {m.key_date for m in move.moves}
    chosen_ids = {item.id for item in chosen}
    moved_articles = {item.article for item in chosen if item.kind == "article"
                      and where.written(item) is not None}
    by_source: dict[Source, list[Item]] = {}
    written_day: dict[Source, dt.date] = {}
    for item in chosen:
        reason = where.follows(item, moved_articles)
        if reason == "":
            move.following.append(item)
            continue
        if reason is not None:
            move.unmoved.append(Unmoved(item, *reason))
            continue
        written = where.written(item)
        if written is None:
            move.unmoved.append(Unmoved(item, say("its date is not written anywhere it could be changed"),
                                        say("change it by hand")))
            continue
        if written.day is None:
            move.unmoved.append(Unmoved(
                item, say("its date (line {line}) is not written as YYYY-MM-DD", line=written.source.line),
                say("write it as a date (e.g. 2027-01-12 09:00) to move it with edcal move, or change it "
                    "by hand")))
            continue
        if shift(written.day) < today:
            move.unmoved.append(Unmoved(item, say("its date would become {day}, before today",
                                                  day=shift(written.day).isoformat()),
                                        say("move by fewer days, or forward")))
            continue
        by_source.setdefault(written.source, []).append(item)
        written_day[written.source] = written.day
    for source, items in by_source.items():
        others = [i for i in where.dated_by(source, items[0]) if i.id not in chosen_ids]
        if others:
            networks = plan.calendar.networks
            names = ", ".join(sorted({networks[i.network].name if i.network in networks else i.id
                                      for i in others}))
            move.unmoved.extend(Unmoved(
                item, say("its date (line {line}) also dates {others}, not selected", line=source.line,
                          others=names),
                say("select them too, or give this network its own `at:` under `variants:`"))
                for item in items)
            continue
        day = written_day[source]
        move.moves.append(DateMove(source, day, shift(day), tuple(items)))
    move.moves.sort(key=lambda m: (m.source.path, m.source.line, m.source.column))
    return move


def selected(plan: Plan, selection: Selection) -> tuple[list[Item], list[Item]]:
    """The items the selection names that are still to come, and those already out."""
    today = local_day(plan, plan.now)
    chosen, past = [], []
    for item in plan.items:
        if item.start is None or not selection.matches(item, local_day(plan, item.start)):
            continue
        if item.status == "published" or item.start < (plan.now if isinstance(item.start, dt.datetime)
                                                        else today):
            past.append(item)
        else:
            chosen.append(item)
    return chosen, past


def local_day(plan: Plan, start: dt.datetime | dt.date) -> dt.date:
    """The day an item falls on in the site's zone."""
    return start.astimezone(plan.calendar.zone).date() if isinstance(start, dt.datetime) else start


def named_key_dates(plan: Plan, selection: Selection) -> list[KeyDate]:
    """The key dates the selection names by id (moving one moves what is written relative to it)."""
    return [plan.calendar.key_dates[name] for name in selection.ids if name in plan.calendar.key_dates]


def move_name(item: Item) -> str:
    """The name ``edcal move`` selects an item by: a post's entry (all its networks), an article's
    slug (all its languages), an idea's id, a deadline's item id (``edcal agenda --ids`` shows it)."""
    return _article_name(item) or (item.parent if item.kind == "post" and item.parent else item.id)


def _article_name(item: Item) -> str | None:
    """The name a person gives an article or idea item: the article's slug, the idea's id."""
    if item.kind == "article":
        return item.article
    if item.kind == "idea":
        return item.id.removeprefix("idea-")
    return None


class _Finder:
    """Where each item's date is written, and what an item follows instead."""

    def __init__(self, plan: Plan, entries: dict[str, PostEntry], ideas: dict[str, Idea],
                 read_day: Callable[[Source], dt.date | None]):
        self.plan = plan
        self.read_day = read_day
        self.moved_key_dates: set[str | None] = set()
        self.entries = entries
        self.ideas = ideas
        self.articles = {article_item_id(a): a for a in plan.articles}
        self._items_of: dict[str | None, list[Item]] = {}
        for item in plan.items:
            self._items_of.setdefault(item.parent, []).append(item)

    def follows(self, item: Item, moved_articles: set[str | None]) -> tuple[Message, Message] | str | None:
        """``""`` for a promotion whose article moves too, (reason, hint) for an item that follows
        something not moved, None for an item whose own date is written."""
        if item.kind != "post":
            return None
        entry = self.entries.get(item.parent or "")
        if entry is None or entry.kind == "promote":
            if item.article in moved_articles:
                return ""
            article = self.plan.articles_by_slug().get(item.article or "")
            if article is not None and article.date is not None and article.date <= self.plan.now:
                return (say("it promotes the article '{slug}', already online, and follows its date",
                            slug=item.article),
                        say("to move it apart from the article, write it as a post of its own with `at:`"))
            return (say("it promotes the article '{slug}' and follows its date", slug=item.article),
                    say("move the article (edcal move {slug} …): its promotions follow", slug=item.article))
        if entry.kind == "repeat":
            return (say("it is one occurrence of a recurring post, which follows its rule"),
                    say("change the rule's from:/until: or its days (line {line})", line=entry.source.line))
        when = self._when(entry, item)
        if when is not None and when.key_date in self.moved_key_dates:
            return ""
        if when is not None and when.key_date is not None:
            return (say("it is written relative to the key date '{key_date}', and follows it",
                        key_date=when.key_date),
                    say("move the key date (edcal move {key_date} …): everything written relative to it "
                        "follows", key_date=when.key_date))
        return None

    def written(self, item: Item) -> _Written | None:
        if item.kind == "post":
            entry = self.entries.get(item.parent or "")
            when = self._when(entry, item) if entry is not None else None
            if entry is None or when is None:
                return None
            variant = entry.variants.get(item.network or "")
            fields = variant.field_sources if variant is not None and variant.when else entry.field_sources
            return self._located(fields.get("at"))
        if item.kind == "article":
            article = self.articles.get(item.id)
            return self._located(article.field_sources.get("date")) if article is not None else None
        if item.kind == "idea":
            idea = self.ideas.get(item.id)
            return self._located(idea.field_sources.get("publish")) if idea is not None else None
        name = "draft_due" if item.id.endswith("-draft-due") else "review_due"
        parent = self.articles.get(item.parent or "") or self.ideas.get(item.parent or "")
        return self._located(parent.field_sources.get(name)) if parent is not None else None

    def _located(self, source: Source | None) -> _Written | None:
        return _Written(source, self.read_day(source)) if source is not None else None

    def dated_by(self, source: Source, item: Item) -> Iterable[Item]:
        """Every item (selected or not) whose date is written at ``source``."""
        if item.kind != "post":
            return [item]
        return [other for other in self._items_of.get(item.parent, [])
                if (found := self.written(other)) is not None and found.source == source]

    @staticmethod
    def _when(entry: PostEntry, item: Item):  # type: ignore[no-untyped-def]
        variant = entry.variants.get(item.network or "")
        if variant is not None and variant.when is not None:
            return variant.when
        return entry.when

