"""The log of what went out (``posted:``), checked against the resolved plan and attached to its posts.

The log names posts by their item id (``voeux-2027-linkedin``), which exists only once the plan is
resolved: an id that names no post, or a post logged twice, is an input error located at the log's
line, never a line dropped. A line takes effect at its moment (its ``at:``, else the post's planned
time): a build pinned to an earlier "now" (``EDCAL_NOW``) shows the plan as it stood then, when the
post had not gone out yet.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
import urllib.parse
from collections.abc import Callable

from edcal.addresses import url_host
from edcal.errors import ErrorCollector, closest
from edcal.i18n import Message, say
from edcal.model.calendar import Calendar, PostedRecord
from edcal.model.days import as_instant
from edcal.model.network import Network
from edcal.model.plan import WAITING, Item, Posted, occurrence_name


def attach_posted(items: list[Item], calendar: Calendar, now: dt.datetime, errors: ErrorCollector) -> None:
    """Give each logged post its :class:`Posted` (in place in ``items``); errors for the lines that do not
    fit the plan."""
    if not calendar.posted:
        return
    index = {item.id: position for position, item in enumerate(items)}
    first: dict[str, PostedRecord] = {}
    meant: _Meant | None = None
    for record in calendar.posted:
        position = index.get(record.item)
        if position is None:
            meant = meant or _Meant(items, calendar, now)
            meant.tell(record, calendar, now, errors)
            continue
        item = items[position]
        if item.kind != "post":
            errors.add(record.item_source,
                       say("found '{id}', an item that is not a post, expected a post's id", id=record.item),
                       say("only posts are logged under `posted:`: an article goes online by itself on its "
                           "date"))
            continue
        if record.item in first:
            errors.add(record.item_source,
                       say("post '{id}' is logged twice (first at {path}:{line})", id=record.item,
                           path=first[record.item].source.path, line=first[record.item].source.line),
                       say("keep one line per post: a post that went out again is a post of its own in "
                           "`posts:`"))
            continue
        first[record.item] = record
        if record.url is not None and record.url_source is not None and item.network in calendar.networks:
            wrong = _elsewhere(record.url, calendar.networks[item.network], calendar)
            if wrong is not None:
                errors.add(record.url_source, *wrong)
                continue
        at = record.at if record.at is not None else item.start
        if at is None or _to_come(at, now, calendar):
            continue
        if record.skipped:
            items[position] = dataclasses.replace(item, skipped=record.source)
        elif item.status == "withheld" or item.status in WAITING:
            # It went out all the same (a freeze's post sent by hand, a draft posted as it was): the feeds,
            # the drafts and the planning pages show it as gone out, as the report counts it.
            items[position] = dataclasses.replace(item, posted=Posted(at, record.url, record.source),
                                                  status="published", withheld_reason=None)
        else:
            items[position] = dataclasses.replace(item, posted=Posted(at, record.url, record.source))


def _elsewhere(url: str, network: Network, calendar: Calendar) -> tuple[Message, Message] | None:
    """The error and its hint for a post's address on a host its network's posts are not on: another
    network's post (a line copied from another's), or a host foreign to its network's ``hosts:``. A network
    without hosts (Mastodon: an instance is any host) is judged on the other networks' hosts only, and a
    network of the site's own (an intranet; another LinkedIn page declared `custom:`) not at all."""
    host = url_host(url)
    if host is None or network.hosts == ():  # `hosts: []`: any host
        return None

    def on(hosts: tuple[str, ...] | None) -> bool:
        return any(host == known or host.endswith(f".{known}") for known in hosts or ())

    if (not network.hosts and network.platform is None) or on(network.hosts):
        return None
    other = next((n for n in calendar.networks.values()
                  if n.platform != network.platform and n.hosts and on(n.hosts)), None)
    if other is not None:
        return (say("found url '{value}', the address of a {other} post, expected the address of a {network} "
                    "post", value=url[:80], other=other.name, network=network.name),
                say("open this post on {network} and copy its address; if the line names the wrong post, "
                    "write the {other} post's id", network=network.name, other=other.name))
    if not network.hosts:
        return None
    written = _written_host(url) or host
    return (say("found url '{value}', on {host}, expected the address of a {network} post (on {hosts})",
                value=url[:80], host=written if len(written) <= 80 else f"{written[:79]}…",
                network=network.name, hosts=", ".join(_unicode_host(known) for known in network.hosts)),
            say("open this post on {network} and copy its address; a host of your own for {network} posts "
                "goes in its `hosts:` under `networks:`", network=network.name))


def _unicode_host(host: str) -> str:
    """A host of ``hosts:`` as its writer reads it: ``atelier-métal.fr``, not ``xn--atelier-mtal-jeb.fr``."""
    try:
        return host.encode("ascii").decode("idna")
    except UnicodeError:
        return host


def _written_host(url: str) -> str | None:
    """An address's host as it is written (``bücher.de``, not its Punycode), for a message."""
    try:
        return urllib.parse.urlsplit(url).hostname
    except ValueError:
        return None


def _to_come(at: dt.datetime | dt.date, now: dt.datetime, calendar: Calendar) -> bool:
    if isinstance(at, dt.datetime):
        return as_instant(at) > as_instant(now)
    return at > now.astimezone(calendar.zone).date()


class _Meant:
    """What ids that name no item meant, each told in the time of a look-up: a log of 1,000 misspelt ids on a
    plan of 10,000 posts took 78 s when each was compared with every post's id."""

    #: How many ids with no post one edit away are compared with every post's id (78 ms each on 10,000 posts).
    FULL_SEARCHES = 20

    def __init__(self, items: list[Item], calendar: Calendar, now: dt.datetime) -> None:
        self.logged = {line.item for line in calendar.posted or ()}
        posts = [item for item in items if item.kind == "post"]
        self.known = {item.id for item in posts}
        #: The articles' slugs, which their promotions' ids begin with.
        self.slugs = {item.article for item in items if item.kind == "article" and item.article}
        self.ids = sorted(self.known)
        #: An entry's id and an occurrence's name (a day of a recurring post), with the posts they name.
        self.named: dict[str, list[Item]] = {}
        #: A recurring post's posts on one network, by the id before their day (``astuce-linkedin``), each
        #: with the day it goes out, in that order: for a line naming a day.
        self.dated: dict[str, list[tuple[dt.date, str]]] = {}
        for item in posts:
            for name in {item.parent, occurrence_name(item)} - {None}:
                self.named.setdefault(name or "", []).append(item)
            if occurrence_name(item) is not None and item.start is not None:
                self.dated.setdefault(item.id[:-9], []).append((_day(item.start, calendar), item.id))
        for days in self.dated.values():
            days.sort()
        #: Each post's id, under itself and under each string one character shorter: two ids one typo apart
        #: (a letter left out, added, changed, or two swapped) share a key.
        self.near: dict[str, list[str]] = {}
        for post_id in self.ids:
            for key in {post_id, *_shorter(post_id)}:
                self.near.setdefault(key, []).append(post_id)
        self.longest = max(map(len, self.ids), default=0)
        self.searched = 0
        today = now.astimezone(calendar.zone).date()
        self.changed = _changed_entries(calendar, items, lambda line: self._went_out_late(line, today))

    def tell(self, record: PostedRecord, calendar: Calendar, now: dt.datetime,
             errors: ErrorCollector) -> None:
        """The error for a line whose id names no post: an entry's or an occurrence's name gets its posts
        listed (those gone out last that the log does not name first), anything else the closest post's id."""
        named = self.named.get(record.item)
        if named:
            found = say("found '{id}', which names an entry (as `edcal agenda --ids` shows it), "
                        "expected the id of one of its posts", id=record.item)
            errors.add(record.item_source, found, _posts_hint(named, self.logged, calendar, now))
            return
        found = say("found '{id}', which names no post of the plan", id=record.item)
        if " - " in record.item:  # `- a` then `  - b`: YAML reads the lines indented more as the id's rest
            errors.add(record.item_source, found,
                       say("the lines below this one are indented more than its dash, so YAML reads them as "
                           "the rest of its id: line up the dashes of the log's lines"))
            return
        parts = [part for part in re.split(r"[\s,;]+", record.item) if part]
        if len(parts) > 1 and all(part in self.known for part in parts):  # two posts that went out together
            errors.add(record.item_source, found,
                       say("a line names one post: write each on a line of its own, {lines}",
                           lines=", ".join(f"`- {part}`" for part in parts)))
            return
        # A promotion's id is the article's slug, the network, its step (`vieux-mastodon-0`); not any id on an
        # account with `since:` (edcal init writes one on each).
        bounded = next((n for n in calendar.networks.values() if (n.since is not None or n.until is not None)
                        and f"-{n.id}-" in f"{record.item}-"
                        and record.item.partition(f"-{n.id}-")[0] in self.slugs), None)
        if bounded is not None:  # an account's days set after its posts went out: its default promotions left
            hint = say("{network}'s `since:` or `until:` leaves out of the plan the blog's promotions there "
                       "outside those days: if this one went out, move that day", network=bounded.name)
            errors.add(record.item_source, found, hint)
            return
        changed = self.changed.get(record.item)
        errors.add(record.item_source, found,
                   changed.hint() if changed is not None else self._closest_hint(record.item, calendar, now))

    def _closest_hint(self, found: str, calendar: Calendar, now: dt.datetime) -> str:
        prefix, _dash, day_text = found.rpartition("-")
        day = _day_of(day_text)
        match = None
        if day is not None and prefix not in self.dated:  # the entry or the network mistyped too
            match = self._closest_id(found)
            prefix = match[:-9] if match is not None else prefix
        if day is not None and prefix in self.dated:
            hint = self._day_hint(self.dated[prefix], day, calendar, now)
            if hint is not None:
                return hint
        match = match or self._closest_id(found)
        return (say("did you mean '{match}'?", match=match) if match else
                say("a post's id is on its card in the planning pages and in its draft's file name "
                    "(drafts/<network>/<day>T<time>-<id>.txt)"))

    def _day_hint(self, posts: list[tuple[dt.date, str]], day: dt.date, calendar: Calendar,
                  now: dt.datetime) -> str | None:
        """The post of a recurring entry on a network that goes out nearest the day a line names (often the
        day it went out, where its id keeps its rule's day): the id closest as a string was another week's."""
        at = bisect.bisect_left(posts, (day, ""))
        if at < len(posts) and posts[at][0] == day and posts[at][1] in self.logged:
            return None  # that day's post is logged already: this line is something else
        # `…-20260712` for 7 December: the day written before the month, far from every post of the entry
        far = all(abs((post[0] - day).days) > _LATE_DAYS for post in posts[max(at - 1, 0):at + 1])
        swapped = _swapped(day) if far else None
        if swapped is not None and (planned_day := self._planned_on(posts, swapped)) is not None:
            return say("did you mean '{match}'? An id ends with its day as year, month, day: {day:%Y-%m-%d}",
                       match=planned_day, day=swapped)
        nearest = self._nearest(posts, day)
        if nearest is None:
            return None
        planned, meant = nearest
        rule_day = _day_of(meant[-8:])
        if planned == day:
            if rule_day == day:
                return say("did you mean '{match}'?", match=meant)
            return say("did you mean '{match}'? Its id keeps the day of its rule, {rule:%Y-%m-%d}, while it "
                       "goes out on {day:%Y-%m-%d}", match=meant, rule=rule_day, day=day)
        if day <= now.astimezone(calendar.zone).date() and abs((planned - day).days) <= _LATE_DAYS:
            return say("did you mean '{match}', planned on {planned:%Y-%m-%d}? A post that went out on "
                       "another day keeps its id, with the day it went out: "
                       "`{{item: {match}, at: {day:%Y-%m-%d}}}`",
                       match=meant, planned=planned, day=day)
        return say("did you mean '{match}', planned on {planned:%Y-%m-%d}?", match=meant, planned=planned)

    def _nearest(self, posts: list[tuple[dt.date, str]], day: dt.date) -> tuple[dt.date, str] | None:
        """The post not logged yet going out nearest the day, of those of a recurring entry on a network."""
        at = bisect.bisect_left(posts, (day, ""))
        after = next((post for post in posts[at:] if post[1] not in self.logged), None)
        before = next((post for post in reversed(posts[:at]) if post[1] not in self.logged), None)
        nearest = [post for post in (before, after) if post is not None]
        # The day before wins a tie: a post goes out late more often than early.
        return min(nearest, key=lambda post: (abs((post[0] - day).days), post[0] > day)) if nearest else None

    def _went_out_late(self, item_id: str, today: dt.date) -> bool:
        """Whether a line names a day past, shortly after that of a post of its entry not logged yet: the post
        went out late, logged by the day it went out (a rule moved a few days later gives such lines too, and
        their `at:` lines say when each went out; one moved earlier, or by a week, is a change of rhythm)."""
        prefix, _dash, step = item_id.rpartition("-")
        day = _day_of(step)
        if day is None or day > today or prefix not in self.dated:
            return False
        nearest = self._nearest(self.dated[prefix], day)
        return nearest is not None and 0 < (day - nearest[0]).days <= _LATE_FOR_RHYTHM

    def _planned_on(self, posts: list[tuple[dt.date, str]], day: dt.date) -> str | None:
        """The id of the post not logged yet that goes out on that day, if one does."""
        at = bisect.bisect_left(posts, (day, ""))
        return posts[at][1] if at < len(posts) and posts[at][0] == day and posts[at][1] not in self.logged \
            else None

    def _closest_id(self, found: str) -> str | None:
        # A line longer than any id by two characters or more has no post one typo away (and a line of
        # 100,000 characters would be 100,000 copies of itself).
        keys = {found, *_shorter(found)} if len(found) <= self.longest + 1 else set()
        # An id the log names already is no hint: following it, the line would log that post twice (a
        # network removed: its posts' lines pointed at the same day's post on another network).
        near = {post_id for key in keys for post_id in self.near.get(key, ())} - self.logged
        match = closest(found, near)
        if match is None and not near and self.searched < self.FULL_SEARCHES:
            self.searched += 1
            match = closest(found, [post_id for post_id in self.ids if post_id not in self.logged])
        return match


@dataclasses.dataclass(frozen=True, slots=True)
class _Changed:
    """Log lines of one entry whose ids its plan no longer gives: its rhythm or its promotions changed."""

    entry: str
    #: "repeat": the lines name days (a recurring post's); "promote": steps of an entry's promotions;
    #: "default": steps of the blog's `promote:`, for an article without an entry.
    kind: str
    count: int
    #: The last day named, for a recurring post's `until:`.
    last: dt.date | None

    def hint(self) -> str:
        """What happened to the entry's ids, and how to keep what went out in the plan."""
        if self.kind == "repeat":
            return say("the log names {count} posts of '{entry}' on days or networks it no longer gives: a "
                       "change to its rhythm moved the posts that went out too. Keep the entry as it was, "
                       "ending with `until: {last:%Y-%m-%d}` (its last post in the log), and plan the new "
                       "rhythm as another entry", count=self.count, entry=self.entry, last=self.last)
        if self.kind == "default":
            return say("the log names {count} promotions of '{entry}' that the blog's `promote:` no longer "
                       "gives: a change to its `schedule:` changed the ids of those that went out too. Give "
                       "the article an entry of its own (`- promote: {entry}`) whose `schedule:` keeps the "
                       "steps that went out", count=self.count, entry=self.entry)
        return say("the log names {count} promotions of '{entry}' that its schedule no longer gives: a "
                   "change to its `schedule:` changed the ids of those that went out too. Keep the steps "
                   "that went out in its schedule, and add the new ones to them",
                   count=self.count, entry=self.entry)


def _changed_entries(calendar: Calendar, items: list[Item],
                     late: Callable[[str], bool]) -> dict[str, _Changed]:
    """Log lines naming a day or a promotion's step that their entry no longer gives
    (``astuce-linkedin-20261105`` after its ``on: thu`` became ``on: fri``; ``portail-linkedin-2d`` after
    the article's ``+2 days`` became ``+3 days``), by line; two such lines of an entry at least: one is
    likelier a mistyped id, for which the closest id is the hint. A line naming a day just after a post's
    (``late``) is that post gone out late, whose hint is its id and the day it went out."""
    ids = {item.id for item in items}
    # A line naming the day a post of its entry goes out on, moved from its rule's day, is that post mistyped.
    moved = {f"{item.id[:-8]}{_day(item.start, calendar):%Y%m%d}" for item in items
             if item.start is not None and occurrence_name(item) is not None}
    entries: dict[str, str] = {entry.id: entry.kind for entry in calendar.posts}
    # An article promoted by the blog's `promote:` alone has no entry: its posts' parent is its slug.
    entries.update({item.parent: "default" for item in items if item.parent and item.parent not in entries})
    found: dict[str, list[tuple[str, str]]] = {}
    for line in calendar.posted or ():
        if line.item in ids or line.item in moved or late(line.item):
            continue
        # The entry is the longest part before a dash that names one, looked up (each line compared with
        # every entry took minutes on a large plan whose network was renamed: every line names no post).
        for dash in reversed([index for index, char in enumerate(line.item) if char == "-"]):
            entry = line.item[:dash]
            network, _, step = line.item[dash + 1:].partition("-")
            if entry in entries and network in calendar.networks and step:
                found.setdefault(entry, []).append((line.item, step))
                break
    changed = {}
    for entry, lines in found.items():
        days = [day for _item, step in lines if (day := _day_of(step)) is not None]
        kind = entries[entry]
        if len(lines) >= 2 and (kind != "repeat" or len(days) == len(lines)) and kind != "once":
            for item_id, _step in lines:
                changed[item_id] = _Changed(entry, kind, len(lines), max(days, default=None))
    return changed


def _day(start: dt.datetime | dt.date, calendar: Calendar) -> dt.date:
    """The day an item goes out on, in the site's zone."""
    return start.astimezone(calendar.zone).date() if isinstance(start, dt.datetime) else start


#: The most days a post goes out before or after its planned day, as a log line's day tells it: further, the
#: day is no day it went out on (a typo), and no `at:` is proposed.
_LATE_DAYS = 7
#: The most days a post goes out after its planned day that a log line naming it tells as late, rather than as
#: its entry's rhythm changed: a week later is another week's post.
_LATE_FOR_RHYTHM = 3


def _swapped(day: dt.date) -> dt.date | None:
    """The day with its month and its day swapped (2026-07-12 as 2026-12-07), when that is another day."""
    if day.day > 12 or day.day == day.month:
        return None
    return day.replace(month=day.day, day=day.month)  # always valid: both are 12 or less


def _day_of(step: str) -> dt.date | None:
    """The day a recurring post's id ends with (``20261105``)."""
    if len(step) != 8 or not step.isdigit():
        return None
    try:
        return dt.datetime.strptime(step, "%Y%m%d").date()
    except ValueError:
        return None


def _posts_hint(named: list[Item], logged: set[str], calendar: Calendar, now: dt.datetime) -> str:
    """An entry's posts, most likely meant first: the latest whose time has passed and that the log does not
    name yet, then those to come."""
    passed = sorted((item for item in named if item.start is not None and item.id not in logged
                     and item.status != "withheld" and not _to_come(item.start, now, calendar)),
                    key=lambda item: item.sort_key(calendar.zone), reverse=True)
    hinted = logged | {item.id for item in passed}  # ids: `item not in passed` compared thousands of Items
    rest = sorted((item for item in named if item.id not in hinted),
                  key=lambda item: (item.status == "withheld", item.sort_key(calendar.zone)))
    ids = [item.id for item in passed + rest]
    if not ids:
        return say("each of its posts is in the log already: delete this line")
    return say("a line names one post, on one network: {ids}", ids=", ".join(ids[:6])
               + (", …" if len(ids) > 6 else ""))


def _shorter(text: str) -> list[str]:
    """``text`` with one of its characters left out, each way."""
    return [text[:index] + text[index + 1:] for index in range(len(text))]
