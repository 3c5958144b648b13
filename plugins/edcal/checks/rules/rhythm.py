"""Regularity and restraint: cadence, flooding, repetition (of a text, of a link), self-promotion, timing, freezes."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import urllib.parse
from calendar import monthrange
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from edcal.checks.registry import FIRST_NAMED, THE_POSTS, CheckContext, Option, Problem, parse_count, rule
from edcal.clock import now
from edcal.i18n import DAYS, Message, repeated_hour, say, say_count, say_duration, say_list, site_language
from edcal.load import timeparse
from edcal.model.calendar import Calendar, FreezeWindow
from edcal.model.days import as_instant, start_of_day
from edcal.model.network import Network, Slot
from edcal.model.plan import Item
from edcal.model.source import Source
from edcal.plan.cadence import Gap, cadence_gaps, campaign_gaps, free_days, month_word
from edcal.plan.moves import WayBack, by_weeks, way_back, weeks_to_come, withheld_ways
from edcal.plan.promotion import ceiling_percent, promotion_by_month
from edcal.plan.status import (
    freeze_end,
    freeze_start,
    posts_by_network,
    said_by_network,
    withheld_and_past,
    withheld_by_freeze,
)
from edcal.plan.timing import months_it_skips, step_keys
from edcal.zones import ZoneClock

#: Weekdays as the messages abbreviate them (``%a`` would follow the C locale, in English).
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: In full, where a sentence names the day ("has no slot on Thursday", "le jeudi").
WEEKDAY_NAMES = DAYS["en"]


def _percentage(text: str) -> float:
    """``20%``, ``20 %`` (with any space), ``12,5 %`` (a French decimal comma), or ``20``; never ``0.25``."""
    written = str(text).strip()
    value = written.rstrip("%").strip().replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        raise ValueError(say("found '{value}', expected a percentage such as 20%", value=written)) from None
    if not written.endswith("%") and 0 < number < 1:
        # `0.25`, the notation of plan.json and spreadsheets: 25% meant, read as a quarter of a percent.
        raise ValueError(say("found '{value}', a share without its % sign, which reads as {value}%; expected "
                             "{percent}% for {percent} in a hundred", value=written, percent=f"{number * 100:g}"))
    if not 0 <= number <= 100:
        raise ValueError(say("found '{value}', expected a percentage between 0% and 100%", value=written))
    return number / 100


@rule("post-in-freeze", "warning", "A post falls in a freeze window and will be withheld",
      options=(Option("group_above", 3, parse_count, "A freeze that withholds more posts to come than this gets one "
                      "finding, at its entry, rather than one per post (default 3)."),))
def post_in_freeze(ctx: CheckContext) -> Iterator[Problem]:
    # A crisis freeze withholds every post to come: the freeze is the decision, the posts its consequence,
    # and a warning at each post's line would bury the rest of the report. A closure that holds a few posts
    # says so at each of them, where a writer planned one there by mistake.
    posts = (item for item in ctx.upcoming if "post-in-freeze" not in item.silenced)
    for window, held in withheld_by_freeze(ctx.plan.calendar, posts):
        if len(held) > int(ctx.options["group_above"]):
            yield _freeze_withholds(ctx, window, held)
        else:
            yield from (_post_withheld(ctx, window, post) for post in held)


def _after_freeze(end: dt.datetime) -> Message:
    """Where a post may go once a freeze is over, in the words of :func:`edcal.plan.status.freeze_end`: "to 2027-01-22 or
    later" after a freeze written up to a day, included ("after 2027-01-22 00:00" read as a day late)."""
    if (end.hour, end.minute, end.second) == (0, 0, 0):
        return say("to {day:%Y-%m-%d} or later", day=end.date())
    return say("after {end:%Y-%m-%d %H:%M}", end=end)


def _freeze_withholds(ctx: CheckContext, window: FreezeWindow, held: list[Item]) -> Problem:
    """One finding for a freeze that holds many posts: at its entry, how many on each network, the first."""
    zone = ctx.plan.calendar.zone
    networks = posts_by_network(held)
    by_network = said_by_network(networks, ctx.plan.calendar)
    first = say_list([say("'{id}' ({when:%Y-%m-%d %H:%M})", id=post.id, when=post.start.astimezone(zone))  # type: ignore[union-attr]
                      for post in held[:FIRST_NAMED]])
    start = window.start.astimezone(zone)
    posts = say_count(len(held), "{count:,} post to come", "{count:,} posts to come")
    if window.end is None:
        message = say("freeze from {start} until further notice: {reason}; it withholds {posts} ({networks}), "
                      "first {first}", start=freeze_start(start), reason=window.reason, posts=posts,
                      networks=by_network, first=first)
        hint = say("they will not go out while the freeze lasts: pause those a scheduler already holds; give "
                   "the freeze its `until:` when it is over, rather than deleting it (its entry is how edcal finds "
                   "the posts it held back), and move after it those that must still go out")
    else:
        end = window.end.astimezone(zone)
        message = say("freeze from {start} until {end}: {reason}; it withholds "
                      "{posts} ({networks}), first {first}", start=freeze_start(start), end=freeze_end(end),
                      reason=window.reason, posts=posts, networks=by_network, first=first)
        hint = say("they will not go out: move {after} those that must go out, or shorten the freeze",
                   after=_after_freeze(end))
    return Problem(window.source, message, hint, when=held[0].start,
                   data=(("start", start.isoformat()), ("end", end.isoformat() if window.end else None),
                         ("posts", len(held)), ("networks", tuple(sorted(networks))),
                         ("items", tuple(post.id for post in held))))


def _post_withheld(ctx: CheckContext, window: FreezeWindow, item: Item) -> Problem:
    """A post a freeze holds, at its own line: a closure a writer planned it into by mistake."""
    zone = ctx.plan.calendar.zone
    when = item.start.astimezone(zone)  # type: ignore[union-attr]
    article = ctx.plan.article_of(item) if ctx.entry(item) is None else None
    if article is not None:  # the blog's own promotion: no entry of calendar.yaml to move or remove
        hint = _promotion_hint(ctx, item, article.source.path)
    elif way_back(ctx.plan, item) == "promotion":  # a `promote:` entry's: moved by its name, the article moves
        hint = say("it will not go out; it follows its article's date: to send it after the freeze, write it as a "
                   "post of its own with `at:`, or remove it from its entry")
    elif window.end is not None:
        hint = say("it will not go out; move it after the freeze, or remove it")
    else:
        hint = say("it will not go out while the freeze lasts; move it later, or remove it")
    where = ctx.network_source(item)
    network = ctx.plan.calendar.networks.get(item.network or "")
    if network is not None and ctx.plan.calendar.zoned(network):
        # The freeze's days are the site's: its time says why, the account's is the one written.
        own = item.start.astimezone(network.zone)  # type: ignore[union-attr, arg-type]
        said = say("{when:%Y-%m-%d %H:%M}; {own:%Y-%m-%d %H:%M} on its account's clock, {clock}", when=when,
                   own=own, clock=ZoneClock(network.timezone or "", own.year))
    else:
        said = say("{when:%Y-%m-%d %H:%M}", when=when)
    if window.end is not None:
        return Problem(where, say("post '{id}' ({when}) is withheld by a freeze until {end}: {reason}",
                                  id=item.id, when=said, end=freeze_end(window.end.astimezone(zone)),
                                  reason=item.withheld_reason), hint, item)
    return Problem(where, say("post '{id}' ({when}) is withheld by a freeze with no end: {reason}", id=item.id,
                              when=said, reason=item.withheld_reason), hint, item)


@rule("withheld-now-past", "warning", "A post a freeze withheld never went out: the freeze is lifted and its time "
                                     "has passed")
def withheld_now_past(ctx: CheckContext) -> Iterator[Problem]:
    # Nothing sends a withheld post once its time has gone: said for as long as the planning pages' "Freeze
    # lifted" notice, at each post's line, until it is moved, logged (skipped, or gone out) or silenced.
    zone = ctx.plan.calendar.zone
    for window, held in withheld_and_past(ctx.plan.calendar, ctx.plan.items, ctx.now):
        assert window.end is not None  # a freeze over
        values = {"start": freeze_start(window.start.astimezone(zone)),
                  "end": freeze_end(window.end.astimezone(zone)), "reason": window.reason}
        ways = withheld_ways(ctx.plan, held)
        days = _series_days(ctx, held, ways)
        for post in held:
            when = post.start.astimezone(zone)  # type: ignore[union-attr]
            skipped = f"`{{item: {post.id}, skipped: true}}`"  # YAML: no words to translate
            way, name = ways[post.id]
            together_hint = None
            if way == "promotion":  # move leaves it: it follows its article
                hint = say("a promotion follows its article: to send it later, write it as a post of its own "
                           "with `at:`; to drop it, log it under `posted:` as {skipped}", skipped=skipped)
            elif way == "shared":  # the day would move the series' other networks too (move refuses it)
                hint = say("its series posts that day on other networks too, and `edcal move` moves a day on them "
                           "all: to send it later, write it as a post of its own with `at:`; to drop it, log it "
                           "under `posted:` as {skipped}", skipped=skipped)
            elif way == "series":  # whole weeks would land on a day it posts
                hint = say("to send it later, `edcal move {name} --to DAY` with a day to come that its series "
                           "does not post on; to drop it, log it under `posted:` as {skipped}",
                           name=name, skipped=skipped)
                together_hint = days.get(ctx.network_source(post))  # none for a series silenced
            else:  # by whole weeks: its weekday, and its time or slot, kept (`--to` moves by days)
                weeks = by_weeks(weeks_to_come(ctx.plan, [post]))
                hint = say("to send it later, `edcal move {name} --by {weeks}`: the same weekday, at its time or "
                           "slot (`edcal move --withheld --by {weeks}` moves every one-off post a freeze "
                           "withheld); to drop it, log it under `posted:` as {skipped}", name=name,
                           weeks=weeks, skipped=skipped)
                together_hint = say("to send them later, `edcal move {name} --by {weeks}`: the same weekday, at "
                                    "their time or slot; to drop one, log it under `posted:` with `skipped: true`",
                                    name=name, weeks=weeks)
            yield Problem(ctx.network_source(post),
                          say("post '{id}' ({when:%Y-%m-%d %H:%M}) never went out: a freeze withheld it, from "
                              "{start} until {end}: {reason}", id=post.id, when=when, **values),
                          hint, post, when=ctx.now,
                          together=say("{posts} never went out: a freeze withheld them, from {start} until "
                                       "{end}: {reason}", posts=THE_POSTS, **values),
                          together_hint=together_hint)


def _series_days(ctx: CheckContext, held: list[Item],
                 ways: dict[str, tuple[WayBack, str | None]]) -> dict[Source, Message]:
    """The hint told of a series' days a freeze withheld, by the line they are told at (one finding for them
    all): the command for the first day, to paste, then the names of the others (the first few, and how many
    more), each to move onto a day of its own."""
    by_line: dict[Source, list[str]] = {}
    for post in held:  # in date order; a day on several networks has one name
        way, name = ways[post.id]
        if way == "series" and name is not None and "withheld-now-past" not in post.silenced:
            found = by_line.setdefault(ctx.network_source(post), [])
            if name not in found:
                found.append(name)
    hints = {}
    for line, days in by_line.items():
        shown, more = days[1:1 + FIRST_NAMED], len(days) - 1 - FIRST_NAMED
        others = say_list(shown) if more <= 0 else say_count(more, "{names} and {count} more day",
                                                                "{names} and {count} more days",
                                                                names=say_list(shown))
        hints[line] = (say("to send them later, `edcal move {name} --to DAY` with a day to come that its series "
                           "does not post on; to drop one, log it under `posted:` with `skipped: true`",
                           name=days[0]) if len(days) == 1 else
                       say("to send them later, move each day to a day to come that its series does not post on: "
                           "`edcal move {name} --to DAY`, then the same for {others}; to drop one, log it under "
                           "`posted:` with `skipped: true`", name=days[0], others=others))
    return hints


def _promotion_hint(ctx: CheckContext, post: Item, path: str) -> Message:
    """How to leave out a post of the blog's own promotion of an article: `skip: true` leaves out all of
    the article's posts on that network (`schedule: [at publication, +3 days]`), not this one alone."""
    posts = sum(1 for item in ctx.plan.items if item.kind == "post" and item.article == post.article
                and item.network == post.network and ctx.entry(item) is None)
    if posts > 1:
        return say("it will not go out; move the article, or leave out its {posts} posts on this network with "
                   "`social: {{{network}: {{skip: true}}}}` in the header of {path}", posts=posts,
                   network=post.network, path=path)
    return say("it will not go out; to leave it out, write `social: {{{network}: {{skip: true}}}}` in the header "
               "of {path}, or move the article", network=post.network, path=path)


@rule("cadence-gap", "warning", "Fewer posts or articles than the cadence target in a coming period",
      options=(Option("horizon", 42, timeparse.parse_days, "How far ahead periods are checked (default 6 weeks; "
                      "`--until` checks up to its date when later).", unit="days"),))
def cadence_gap(ctx: CheckContext) -> Iterator[Problem]:
    zone = ctx.plan.calendar.zone
    horizon = int(ctx.options["horizon"])
    if ctx.until is not None:  # `--until` asks for the periods up to then, whatever the horizon (its last day too)
        horizon = max(horizon, (ctx.until.astimezone(zone).date() - ctx.since.astimezone(zone).date()).days)
    ideas = [i for i in ctx.plan.items if i.kind == "idea" and isinstance(i.start, dt.date) and not i.networks]
    # Ideas for posts, by network: what could fill a network's gap (undated, or meant for its period).
    post_ideas = [i for i in ctx.plan.items if i.kind == "idea" and i.networks]
    first_posts: dict[str, dt.date] = {}  # by network: the day of its first post
    for post in ctx.plan.items:
        if post.kind == "post" and post.network and post.start is not None:
            first_posts[post.network] = min(first_posts.get(post.network, dt.date.max), ctx.plan.day_of(post.start))
    withheld: dict[str, list[tuple[dt.date, Item]]] = defaultdict(list)  # by network: the posts a freeze holds
    for post in sorted((item for item in ctx.plan.items if item.kind == "post" and item.status == "withheld"
                        and item.network and isinstance(item.start, dt.datetime)), key=lambda i: i.sort_key(zone)):
        withheld[post.network].append((ctx.plan.day_of(post.start), post))  # type: ignore[index, arg-type]
    for gap in itertools.chain(cadence_gaps(ctx.plan, ctx.since, horizon),
                               campaign_gaps(ctx.plan, ctx.since, horizon)):
        if gap.campaign is not None:
            found = say_count(gap.found, "{count} post", "{count} posts")
            hint = say("plan a post of the campaign (`campaign: {id}`) in that period, or adjust the campaign's "
                       "`cadence:`", id=gap.campaign)
        elif gap.network is None:
            found = say_count(gap.found, "{count} article", "{count} articles")
            meant = [i.title for i in ideas if gap.first <= i.start < gap.after]  # type: ignore[operator]
            hint = (say("ideas are meant for that period but not written yet ({titles}): write them, or "
                        "adjust the blog's `cadence:`", titles=", ".join(f"'{t}'" for t in meant)) if meant else
                    say("plan an article in that period, or adjust the blog's `cadence:`"))
        else:
            found = say_count(gap.found, "{count} post", "{count} posts")
            meant = [i.title for i in post_ideas if gap.network in i.networks
                     and (not isinstance(i.start, dt.date) or gap.first <= i.start < gap.after)]
            first_post = first_posts.get(gap.network)
            held = _held_by_freeze(ctx, gap, [post for day, post in withheld[gap.network]
                                              if gap.first <= day < gap.after])
            if held is not None:
                hint = held
            elif meant:
                hint = say("ideas for {network} wait in the backlog ({titles}): plan one in that period, or adjust "
                           "`cadence:`", network=gap.name, titles=", ".join(f"'{t}'" for t in meant[:3]))
            elif gap.found == 0 and first_post is not None and gap.last < first_post:
                # Before the account's first post: `since:` (init writes the day the site was made) is the fix.
                hint = say("nothing is planned on {network} before {day:%Y-%m-%d}: if the account starts then, "
                           "write `since: {day:%Y-%m-%d}` under it (the days before it are not judged); else plan a "
                           "post in that period, or adjust `cadence:`", network=gap.name, day=first_post)
            else:
                hint = say("plan a post (or an article's promotion) in that period, or adjust `cadence:`")
        said = say("{name}: {found} {period}, cadence {target}", name=gap.name, found=found, period=gap.label,
                   target=gap.target)
        if gap.whole_run:  # a campaign shorter than a week (a month): its run is the period
            said = _whole_run(gap, found)
        yield Problem(gap.source, said,
                      hint,
                      when=max(start_of_day(gap.first, zone), ctx.since),
                      data=(("network", gap.network), ("campaign", gap.campaign), ("first_day", gap.first.isoformat()),
                            ("last_day", gap.last.isoformat()), ("found", gap.found),
                            ("target", gap.cadence.count), ("per", gap.cadence.per)))


def _whole_run(gap: Gap, found: Message) -> Message:
    """A campaign shorter than its cadence's period, held to it over its run: "in its 3 days, 2027-02-03 to
    2027-02-05", "on its one day, 2027-01-20" (not "its 1 days, 20/01 to 20/01")."""
    week = gap.cadence.per == "week"
    run = {"name": gap.name, "found": found, "target": gap.target}
    if gap.first == gap.last:
        return say("{name}: {found} on its one day, {first:%Y-%m-%d}, cadence {target}: shorter than a week, the "
                   "campaign is held to it over its whole run", first=gap.first, **run) if week else \
            say("{name}: {found} on its one day, {first:%Y-%m-%d}, cadence {target}: shorter than a month, the "
                "campaign is held to it over its whole run", first=gap.first, **run)
    run["days"] = say_count((gap.after - gap.first).days, "{count} day", "{count} days")
    if gap.first.year != gap.last.year:
        # The same English, another template: French writes the first day without its year ("du 31/12 au
        # 02/01/2028"), which read as the 31st of December 2028.
        return say("{name}: {found} in its {days}, {start:%Y-%m-%d} to {end:%Y-%m-%d}, cadence {target}: shorter "
                   "than a week, the campaign is held to it over its whole run", start=gap.first, end=gap.last,
                   **run) if week else \
            say("{name}: {found} in its {days}, {start:%Y-%m-%d} to {end:%Y-%m-%d}, cadence {target}: shorter "
                "than a month, the campaign is held to it over its whole run", start=gap.first, end=gap.last, **run)
    return say("{name}: {found} in its {days}, {first:%Y-%m-%d} to {last:%Y-%m-%d}, cadence {target}: shorter "
               "than a week, the campaign is held to it over its whole run", first=gap.first, last=gap.last,
               **run) if week else \
        say("{name}: {found} in its {days}, {first:%Y-%m-%d} to {last:%Y-%m-%d}, cadence {target}: shorter than "
            "a month, the campaign is held to it over its whole run", first=gap.first, last=gap.last, **run)


def _held_by_freeze(ctx: CheckContext, gap: Gap, held: list[Item]) -> Message | None:
    """For a network's gap where a freeze holds posts back (``held``, in time order): which, and the days of the
    period still to come it leaves free, where they may go; when they are fewer than the period lacks, how many
    more to plan (one post held of the three a week lacks does not explain the week). None when no post of the
    period is held (or the freeze leaves no whole day)."""
    calendar, zone = ctx.plan.calendar, ctx.plan.calendar.zone
    if not held:
        return None
    # Days still to come: a week's gap is judged from its Monday, which may be past.
    free = free_days(calendar, gap.network, max(gap.first, ctx.now.astimezone(zone).date()), gap.after)
    if not free:
        return None
    named = [say("'{id}' ({when:%Y-%m-%d %H:%M})", id=post.id, when=post.start.astimezone(zone))  # type: ignore[union-attr]
             for post in held[:FIRST_NAMED]]
    posts = say_list([*named, say("…")] if len(held) > FIRST_NAMED else named)
    days = say_list([say("{day:%Y-%m-%d}", day=first) if first == last
                     else say("{first:%Y-%m-%d} to {last:%Y-%m-%d}", first=first, last=last) for first, last in free])
    lacking = gap.cadence.count - gap.found
    if len(held) < lacking:
        more = say_count(lacking - len(held), "plan one more", "plan {count} more")
        return say_count(len(held), "a freeze holds only one of the {lacking} posts that period lacks, {posts}: "
                         "move it to a day outside the freeze ({days}) and {more}, or adjust `cadence:`",
                         "a freeze holds only {count} of the {lacking} posts that period lacks, {posts}: move them "
                         "to days outside the freeze ({days}) and {more}, or adjust `cadence:`",
                         lacking=lacking, posts=posts, days=days, more=more)
    if len(held) == 1:
        return say("a freeze holds {posts} in that period: move it to a day outside the freeze ({days}), or adjust "
                   "`cadence:`", posts=posts, days=days)
    if lacking == len(held):
        return say("a freeze holds {posts} in that period: move them to days outside the freeze ({days}), or "
                   "adjust `cadence:`", posts=posts, days=days)
    return say_count(lacking, "a freeze holds {posts} in that period: move one to a day outside the freeze "
                     "({days}), or adjust `cadence:`", "a freeze holds {posts} in that period: move {count} of them "
                     "to days outside the freeze ({days}), or adjust `cadence:`", posts=posts, days=days)


@rule("too-many-per-day", "warning", "More posts on one day than a network's maximum")
def too_many_per_day(ctx: CheckContext) -> Iterator[Problem]:
    calendar = ctx.plan.calendar
    by_day: dict[tuple[str, dt.date], list[Item]] = defaultdict(list)
    zones = calendar.zones()
    for post in ctx.posts():
        # The account's day: two posts at 23:30 and 00:30 in Montréal are on two days there, one in Paris.
        by_day[(post.network or "", post.start.astimezone(zones[post.network or ""]).date())].append(post)  # type: ignore[union-attr]
    for (network_id, day), posts in sorted(by_day.items()):
        network = calendar.networks[network_id]
        if network.max_per_day is not None and len(posts) > network.max_per_day:
            last = posts[network.max_per_day]  # the first one over: at its network's own line, if it has one
            yield Problem(ctx.network_source(last), say("{count} {network} posts on {day:%Y-%m-%d} ({ids}), more than the "
                                           "maximum of {limit}", count=len(posts), network=network.name,
                                           day=day, ids=", ".join(p.id for p in posts),
                                           limit=network.max_per_day),
                          say("spread them over several days"), last,
                          data=(("network", network_id), ("day", day.isoformat()), ("found", len(posts)),
                                ("maximum", network.max_per_day)))


@rule("posts-too-close", "warning", "Two posts on one network within a short time of each other",
      options=(Option("gap", 60, timeparse.parse_duration_minutes,
                      "The shortest time between two posts on one network (default 1 hour).", unit="minutes"),))
def posts_too_close(ctx: CheckContext) -> Iterator[Problem]:
    gap = dt.timedelta(minutes=int(ctx.options["gap"]))
    calendar = ctx.plan.calendar
    # In UTC: two times of the site's zone sort and subtract as wall clocks, an hour off across a change of
    # clocks (01:50 +02:00 and 02:10 +01:00, 80 minutes apart, were 20).
    posts = sorted(ctx.posts(), key=lambda p: (p.start.astimezone(dt.UTC), p.id))  # type: ignore[union-attr]
    per_day: dict[tuple[str, dt.date], int] = defaultdict(int)
    zones = calendar.zones()
    for post in posts:
        per_day[(post.network or "", post.start.astimezone(zones[post.network or ""]).date())] += 1  # type: ignore[union-attr]
    previous: dict[str, Item] = {}
    for post in posts:
        network_id = post.network or ""
        earlier = previous.get(network_id)
        previous[network_id] = post
        if earlier is None:
            continue
        apart = post.start.astimezone(dt.UTC) - earlier.start.astimezone(dt.UTC)  # type: ignore[union-attr]
        if apart >= gap:
            continue
        if "posts-too-close" in earlier.silenced:  # either entry may say why the pair is fine
            continue
        limit = calendar.networks[network_id].max_per_day
        day = post.start.astimezone(zones[network_id]).date()  # type: ignore[union-attr]
        if limit is not None and per_day[(network_id, day)] > limit:
            continue  # too-many-per-day reports that day already
        network = calendar.networks[network_id]
        local = post.start.astimezone(network.zone or calendar.zone)  # type: ignore[union-attr]
        minutes = int(apart.total_seconds() // 60)
        time = _slot_time(calendar, network, local)
        message = (say("{network} post '{id}' goes out {day:%Y-%m-%d} {time}, at the same time as '{other}'",
                       network=network.name, id=post.id, day=local, time=time, other=earlier.id) if not minutes else
                   say("{network} post '{id}' goes out {day:%Y-%m-%d} {time}, {minutes} min after '{other}': "
                       "followers see them as one burst", network=network.name, id=post.id, day=local, time=time,
                       minutes=minutes, other=earlier.id))
        hint = (say("move one of them to another slot or day, or set `checks: {{posts-too-close: "
                    "{{gap: 30 minutes}}}}`") if minutes >= 30 else
                say("move one of them to another slot or day, or say why the pair is fine on either entry: "
                    "`silence: {{posts-too-close: …}}`"))
        yield Problem(ctx.network_source(post), message, hint, post)


def _slot_time(calendar: Calendar, network: Network, local: dt.datetime) -> Message:
    """A post's time of day as outside-slots and posts-too-close give it: "10:00", and on an account's own
    clock (its network's `timezone:`) said so, "10:00 (Montreal time)", not a Paris time read as Montréal's."""
    if calendar.zoned(network):
        return say("{time:%H:%M} ({clock})", time=local, clock=ZoneClock(network.timezone or "", local.year))
    return say("{time:%H:%M}", time=local)


@rule("duplicate-link", "warning", "Two entries post the same link on one network within a short time",
      options=(Option("window", 24 * 60, timeparse.parse_poll_duration,
                      "How close two posts of one link on a network are flagged (default 1 day).",
                      unit="minutes"),))
def duplicate_link(ctx: CheckContext) -> Iterator[Problem]:
    # The blog's promotion of an article at 09:00 and the team's own post about it at 12:00: the same link
    # twice in a day in the followers' feeds. A promotion's own steps (`[at publication, +2 days]`) and a
    # recurring post's occurrences are one entry's intended rhythm: only posts of two entries are a pair.
    window = dt.timedelta(minutes=int(ctx.options["window"]))
    tracking = ctx.plan.calendar.tracking.names
    # Indexed once by network and page: the pairs are found within each (small) group.
    by_page: dict[tuple[str, tuple[str, ...]], list[Item]] = defaultdict(list)
    for post in ctx.posts():
        if post.url and isinstance(post.start, dt.datetime):
            by_page[(post.network or "", _page(post, tracking))].append(post)
    for posts in by_page.values():
        if len(posts) < 2:
            continue
        origins = {post.id: _origin(ctx, post) for post in posts}
        if len(set(origins.values())) < 2:
            continue
        posts.sort(key=lambda p: (p.start.astimezone(dt.UTC), p.id))  # type: ignore[union-attr]
        # Each post told once, beside the nearest post of another entry: (how far apart, the other).
        told: dict[str, tuple[dt.timedelta, Item, Item]] = {}
        for index, later in enumerate(posts):
            for earlier in reversed(posts[:index]):
                apart = later.start.astimezone(dt.UTC) - earlier.start.astimezone(dt.UTC)  # type: ignore[union-attr]
                if apart >= window:
                    break
                if origins[earlier.id] == origins[later.id] or "duplicate-link" in earlier.silenced \
                        or "duplicate-link" in later.silenced:  # either entry may say why the pair is fine
                    continue
                # At the post of an entry (what the team wrote, to drop or move), the later of two.
                post, other = (earlier, later) if ctx.entry(later) is None else (later, earlier)
                if ctx.entry(post) is None:
                    continue
                if post.id not in told or apart < told[post.id][0]:
                    told[post.id] = (apart, post, other)
        for _, post, other in told.values():
            yield _duplicate_link(ctx, post, other, window)


def _page(post: Item, tracking: frozenset[str]) -> tuple[str, ...]:
    """The page a post's link opens: its article (named by `promote:`, `article:`, or a link to it), else its
    address without tracking parameters, fragment, case of the host or final "/"."""
    if post.article:
        return ("article", post.article, post.lang or "")
    parts = urllib.parse.urlsplit(post.url or "")
    query = sorted((name, value) for name, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
                   if name not in tracking and not name.lower().startswith("utm_"))
    path = parts.path.removesuffix("/index.html").rstrip("/")
    return ("url", parts.netloc.lower(), path, urllib.parse.urlencode(query))


def _origin(ctx: CheckContext, post: Item) -> tuple[bool, str]:
    """What wrote a post: an entry of calendar.yaml, or the blog's default promotion of an article (which
    shares its parent with an entry that has the article's slug for id)."""
    return ctx.entry(post) is not None, post.parent or post.article or post.id


def _duplicate_link(ctx: CheckContext, post: Item, other: Item, window: dt.timedelta) -> Problem:
    zone = ctx.plan.calendar.zone
    network = ctx.plan.calendar.networks[post.network or ""]
    within = say_duration(int(window.total_seconds() // 60))
    promotion = ctx.plan.article_of(other) if ctx.entry(other) is None else None
    message = say("{network} post '{id}' ({when:%Y-%m-%d %H:%M}) links to the same page as '{other}' "
                  "({other_when:%Y-%m-%d %H:%M}): followers get the link twice within {within}",
                  network=network.name, id=post.id, when=post.start.astimezone(zone),  # type: ignore[union-attr]
                  other=other.id, other_when=other.start.astimezone(zone), within=within)  # type: ignore[union-attr]
    if promotion is not None:
        hint = say("the blog's promotion posts this link already: leave {name} out of this entry "
                   "(`variants: {{{network}: {{skip: true}}}}`), or the promotion out on {name} "
                   "(`social: {{{network}: {{skip: true}}}}` in the header of {path}); or move one of them "
                   "{within} away or more", name=network.name, network=post.network, path=promotion.source.path,
                   within=within)
        together = say("{network}: {posts} link to the same page as the blog's promotion of '{article}' within "
                       "{within}", network=network.name, posts=THE_POSTS, article=promotion.slug, within=within)
    else:
        hint = say("leave {name} out of one of the two entries (`variants: {{{network}: {{skip: true}}}}`), "
                   "or move one of them {within} away or more; or say why the pair is fine on either entry: "
                   "`silence: {{duplicate-link: …}}`", name=network.name, network=post.network, within=within)
        together = say("{network}: {posts} link to the same page as posts of '{entry}' within {within}",
                       network=network.name, posts=THE_POSTS, entry=other.parent, within=within)
    return Problem(ctx.network_source(post), message, hint, post, together=together)


#: An address in a post's text: tracked differently on each network, it is no part of what repeats.
_ADDRESS = re.compile(r"https?://\S+")


@functools.lru_cache(maxsize=4096)  # recurring posts share their texts
def _normalized(text: str) -> str:
    return " ".join(_ADDRESS.sub("", text).split()).casefold()


@rule("duplicate-text", "warning", "The same text twice on a network within a few weeks",
      options=(Option("window", 30, timeparse.parse_days, "How close two identical texts are flagged "
                      "(default 30 days).", unit="days"),))
def duplicate_text(ctx: CheckContext) -> Iterator[Problem]:
    window = dt.timedelta(days=int(ctx.options["window"]))
    last_seen: dict[tuple[str, str], Item] = {}
    # A recurring entry whose texts come round too often: one finding per entry and network.
    recurring: dict[tuple[str, str], list[tuple[Item, Item]]] = defaultdict(list)
    # Posts already out within the window count as the first of a pair: repeating last week's post is
    # what this rule is for (the plan of a check composes them: see lookback()).
    # A post the log says was skipped did not go out: its text may go out now.
    earlier = [p for p in ctx.plan.items if p.kind == "post" and p.text is not None and p.status != "withheld"
               and p.skipped is None and isinstance(p.start, dt.datetime)
               and as_instant(ctx.since) - window <= as_instant(p.start) < as_instant(ctx.since)]
    posts = sorted(ctx.posts(), key=lambda p: (as_instant(p.start), p.id))  # type: ignore[arg-type]
    for post in sorted(earlier, key=lambda p: (as_instant(p.start), p.id)):  # type: ignore[arg-type]
        last_seen[(post.network or "", _normalized(post.text or ""))] = post
    for post in posts:
        key = (post.network or "", _normalized(post.text or ""))
        previous = last_seen.get(key)
        if previous is not None and as_instant(post.start) - as_instant(previous.start) < window:  # type: ignore[arg-type]
            entry = ctx.entry(post)
            if entry is not None and entry.kind == "repeat" and previous.parent == post.parent:
                recurring[(entry.id, post.network or "")].append((previous, post))
            else:
                network = ctx.plan.calendar.networks[post.network or ""]
                yield Problem(ctx.text_source(post), say("{network} post '{id}' repeats the text of '{previous}' "
                                               "({day:%Y-%m-%d}), within {days} days", network=network.name,
                                               id=post.id, previous=previous.id, day=previous.start,
                                               days=window.days),
                              say("vary the text (recurring posts and promotions can take `texts:` in turn)"), post)
        last_seen[key] = post
    own: dict[tuple[str, str], list[dt.datetime]] = defaultdict(list)
    if recurring:
        for post in posts:
            if (post.parent or "", post.network or "") in recurring:
                own[(post.parent or "", post.network or "")].append(post.start)  # type: ignore[arg-type]
    for (entry_id, network_id), repeats in recurring.items():
        entry = ctx.entries[entry_id]
        network = ctx.plan.calendar.networks[network_id]
        first_previous, first = repeats[0]
        # Counted with the posts already out it repeats (the window reaches back before "now"): at least two.
        starts = sorted({as_instant(start) for start in (*own[(entry_id, network_id)],  # type: ignore[arg-type]
                                                         *(previous.start for previous, _ in repeats))})
        in_window = max(_most_within(starts, window), 2)
        variant = entry.variants.get(network_id)
        own_text = variant is not None and variant.text is not None  # one text on this network, every time
        texts = 1 if own_text else max(len(entry.texts), 1)
        repeated = say_count(len(repeats),
                             "{network}: recurring entry '{entry}' repeats a text within {days} days {count} time, "
                             "first '{id}' ({day:%Y-%m-%d}, same as {previous:%Y-%m-%d})",
                             "{network}: recurring entry '{entry}' repeats a text within {days} days {count} times, "
                             "first '{id}' ({day:%Y-%m-%d}, same as {previous:%Y-%m-%d})",
                             network=network.name, entry=entry_id, days=window.days, id=first.id, day=first.start,
                             previous=first_previous.start)
        more = say("its variant gives {network} the same text for up to {posts} posts in {days} days: leave out "
                   "its `text:` under `variants:` to take the entry's `texts:` in turn, give {network} an entry of "
                   "its own with `texts:`, or set `checks: {{duplicate-text: {{window: ...}}}}`",
                   network=network.name, posts=in_window, days=window.days) if own_text else \
            say_count(texts, "it has {count} text for up to {posts} posts in {days} days: give it at least "
                      "{posts} `texts:`, or set `checks: {{duplicate-text: {{window: ...}}}}`",
                      "it has {count} texts for up to {posts} posts in {days} days: give it at least "
                      "{posts} `texts:`, or set `checks: {{duplicate-text: {{window: ...}}}}`",
                      posts=in_window, days=window.days)
        # The variant's text is what repeats on this network: the finding is at its line.
        where = variant.field_sources.get("text", first.source) if own_text else first.source  # type: ignore[union-attr]
        yield Problem(where, repeated, more, first)


def _most_within(starts: list[dt.datetime], window: dt.timedelta) -> int:
    """The largest number of sorted instants that fall within one ``window`` (two pointers)."""
    most, first = 0, 0
    for last, start in enumerate(starts):
        while start - starts[first] >= window:
            first += 1
        most = max(most, last - first + 1)
    return most


@rule("self-promotion", "warning", "Too large a share of promotional posts on a network in a month",
      options=(Option("ceiling", 0.2, _percentage, "Largest share of promotional posts per network per month (default 20%)."),
               Option("minimum", 5, parse_count, "Months with fewer posts than this are not judged (default 5).")))
def self_promotion(ctx: CheckContext) -> Iterator[Problem]:
    calendar = ctx.plan.calendar
    # The months judged are those with posts to come; each is judged whole, the posts already out included.
    first_upcoming: dict[tuple[str, int, int], dt.datetime] = {}
    for post in ctx.posts():
        local = post.start.astimezone(calendar.zone)  # type: ignore[union-attr]
        first_upcoming.setdefault((post.network or "", local.year, local.month), post.start)  # type: ignore[arg-type]
    ceiling = float(ctx.options["ceiling"])
    for (network_id, year, month), found in sorted(promotion_by_month(ctx.plan, first_upcoming).items()):
        if not found.reported(ceiling, int(ctx.options["minimum"])):
            continue
        network = calendar.networks[network_id]
        share = _share_above(found.promotional, found.total, ceiling_percent(ceiling))
        yield Problem(network.source or calendar.source,
                      say_count(found.promotional,
                                "{network} in {month} {year}: {count} of {total} posts is promotional "
                                "({share:,}%), above the ceiling of {ceiling:,}%",
                                "{network} in {month} {year}: {count} of {total} posts are promotional "
                                "({share:,}%), above the ceiling of {ceiling:,}%", network=network.name,
                                month=month_word(month), year=year, total=found.total, share=share,
                                ceiling=ceiling_percent(ceiling)),
                      say("mix in useful, non-promotional posts: advice, behind the scenes, the team"),
                      when=first_upcoming[(network_id, year, month)],
                      data=(("network", network_id), ("month", f"{year:04d}-{month:02d}"),
                            ("promotional", found.promotional), ("total", found.total), ("share", share),
                            ("ceiling", ceiling_percent(ceiling))))


def _share_above(promotional: int, total: int, ceiling: float) -> int | float:
    """The share in percent, whole unless rounding would hide the excess: 41 of 200 is 20.5, not "20 %, above
    the ceiling of 20 %"."""
    exact = 100 * promotional / total
    return next((shown for shown in (round(exact), round(exact, 1), round(exact, 2)) if shown > ceiling),
                round(exact, 4))


def _outside_account_days(ctx: CheckContext, after: bool) -> Iterator[tuple[Item, Network, dt.date, bool]]:
    """The posts on an account after its network's ``until:`` (``after``), or before its ``since:``: each with
    its network, that day, the day it goes out and whether a recurring entry planned it."""
    calendar = ctx.plan.calendar
    for post in ctx.posts():
        network = calendar.networks.get(post.network or "")
        bound = None if network is None else network.until if after else network.since
        if network is None or bound is None or not isinstance(post.start, dt.datetime):
            continue
        day = post.start.astimezone(network.zone or calendar.zone).date()  # the account's day
        if day > bound if after else day < bound:
            entry = ctx.entry(post)
            yield post, network, day, entry is not None and entry.kind == "repeat"


@rule("network-ended", "warning", "A post goes out on an account after the last day the site posts there "
      "(the network's `until:`)")
def network_ended(ctx: CheckContext) -> Iterator[Problem]:
    for post, network, day, recurring in _outside_account_days(ctx, after=True):
        hint = (say("end the recurring post with `until: {until:%Y-%m-%d}` and start a new entry without "
                    "{network}: its posts gone out keep their ids and the log's lines", until=network.until,
                    network=network.name) if recurring else
                say("remove {network} from the entry's `networks:`, or move the network's `until:`",
                    network=network.name))
        yield Problem(ctx.network_source(post),
                      say("post '{id}' ({day:%Y-%m-%d}) is on {network}, where the site stopped posting on "
                          "{until:%Y-%m-%d} (its `until:`)", id=post.id, day=day, network=network.name,
                          until=network.until),
                      hint, post,
                      together=say("{posts} are on {network}, where the site stopped posting on "
                                   "{until:%Y-%m-%d} (its `until:`)", posts=THE_POSTS, network=network.name,
                                   until=network.until))


@rule("network-not-started", "warning", "A post goes out on an account before the day the site starts posting "
      "there (the network's `since:`)")
def network_not_started(ctx: CheckContext) -> Iterator[Problem]:
    for post, network, day, recurring in _outside_account_days(ctx, after=False):
        hint = (say("start the recurring post on {network} from {since:%Y-%m-%d}: with `from:` if it posts "
                    "only there, else in an entry of its own; or move the network's `since:`",
                    since=network.since, network=network.name) if recurring else
                say("remove {network} from the entry's `networks:`, or move the network's `since:`",
                    network=network.name))
        yield Problem(ctx.network_source(post),
                      say("post '{id}' ({day:%Y-%m-%d}) is on {network}, where the site starts posting on "
                          "{since:%Y-%m-%d} (its `since:`)", id=post.id, day=day, network=network.name,
                          since=network.since),
                      hint, post,
                      together=say("{posts} are on {network}, where the site starts posting on "
                                   "{since:%Y-%m-%d} (its `since:`)", posts=THE_POSTS, network=network.name,
                                   since=network.since))


@rule("outside-slots", "warning", "A post's time is outside its network's posting slots")
def outside_slots(ctx: CheckContext) -> Iterator[Problem]:
    calendar = ctx.plan.calendar
    slots_of: dict[str, Message] = {}
    planned: set[str] = set()  # every item's id, once: which networks a step of `blog: promote:` has
    # What thousands of findings say alike (a time of day, a weekday's hint), made once and so translated once:
    # 8,095 findings on the corpus share a few hundred.
    said: dict[tuple[Any, ...], Message] = {}
    for post in ctx.posts():
        network = calendar.networks[post.network or ""]
        if not network.slots:
            continue
        local = post.start.astimezone(network.zone or calendar.zone)  # type: ignore[union-attr]  # the account's clock
        weekday, time = local.weekday(), local.time().replace(second=0)
        if any(weekday in slot.weekdays and slot.time == time for slot in network.slots):
            continue
        slots = slots_of.get(network.id)
        if slots is None:
            slots = slots_of[network.id] = _slots_text(network.slots)
        if not planned:
            planned.update(item.id for item in ctx.plan.items)
        where, hint = _slot_cause(ctx, post, planned, said)
        # Its time on the account's clock, said so; a repeated hour with its offset (i18n._told_apart).
        at = (network.id, local.time(), local.utcoffset(), local.year, repeated_hour(local))
        time = said.get(at) or said.setdefault(at, _slot_time(calendar, network, local))
        weekday = say(WEEKDAYS[local.weekday()])
        together = said.get((*at, weekday)) or said.setdefault((*at, weekday), say(
            "{network}: {posts} are on {weekday} at {time}, outside {network}'s slots ({slots})",
            network=network.name, posts=THE_POSTS, weekday=weekday, time=time, slots=slots))
        yield Problem(where, say("{network} post '{id}' is on {weekday} {day:%Y-%m-%d} at {time}, outside "
                                 "{network}'s slots ({slots})", network=network.name, id=post.id, weekday=weekday,
                                 day=local, time=time, slots=slots),
                      hint, post, together=together)


def _slots_text(slots: tuple[Slot, ...]) -> Message:
    """A network's slots in one form, their days in the reader's language ("Tue 09:00", "mar. 09:00")."""
    days = {f"d{index}": say(name) for index, name in enumerate(WEEKDAYS)}
    written = [Message(slot.written(tuple(f"{{d{index}}}" for index in range(7))), days) for slot in slots]
    return Message(", ".join(f"{{s{index}}}" for index in range(len(written))),
                   {f"s{index}": text for index, text in enumerate(written)})


def _slot_cause(ctx: CheckContext, post: Item, planned: set[str], said: dict[tuple[Any, ...], Message]
                ) -> tuple[Source, Message]:
    """Where the post's time was decided, and what to change there (``said``: the hints made already, by what
    they say).

    A promotion's time comes from its schedule's step (``+3 days at 12:15``, in
    the entry or in ``blog: promote:``) or from the article (``at publication``),
    not from a date the post could be given.
    """
    entry = ctx.entry(post)
    promotion = entry.kind == "promote" if entry is not None else post.article is not None  # else: blog's default
    if not promotion:
        network = ctx.plan.calendar.networks[post.network or ""]
        day = post.start.astimezone(ctx.plan.calendar.zone_of(network)).date()  # type: ignore[union-attr]
        where = ctx.network_source(post)
        if not any(slot.matches(day) for slot in network.slots):  # a date only takes the site's default time
            key = ("no slot", network.id, day.weekday())
            return where, said.get(key) or said.setdefault(key, say(
                "{network} has no slot on {weekday}: move the post to a day that has one, or add a slot",
                network=network.name, weekday=say(WEEKDAY_NAMES[day.weekday()])))
        return where, say("give the post a date only (it then takes the slot of its weekday), or add the slot")
    defaults = ctx.plan.calendar.blog.promote
    schedule = (entry.schedule if entry is not None else ()) or (defaults.schedule if defaults else ())
    step = post.id.removeprefix(f"{post.parent}-{post.network}-")
    offset = dict(zip(step_keys(schedule), schedule, strict=True)).get(step)
    if offset is None or (offset.amount == 0 and offset.time is None and offset.slot is None):
        # A default promotion points at what to change, the article's `date:` line (it pointed at its first line).
        article = ctx.plan.article_of(post) if entry is None else None
        where = article.where("date") if article is not None else post.source
        return where, say("it goes out when its article does (`at publication`): change the article's time, "
                          "or add the slot")
    where = offset.source or post.source
    if offset.unit in ("minutes", "hours"):
        return where, say("the step '{label}' counts from the article's time: change the article's time or "
                          "the step, or add the slot", label=offset.label)
    network = ctx.plan.calendar.networks[post.network or ""]
    day = post.start.astimezone(ctx.plan.calendar.zone_of(network)).date()  # type: ignore[union-attr]
    if not any(slot.matches(day) for slot in network.slots):
        networks = ctx.plan.calendar.networks
        # Networks of the entry (or of `blog: promote:`) that have a slot that day: moving the step would move
        # them off it.
        sharing = entry.networks if entry is not None else [  # the article's `social:` may narrow them
            other for other in networks if f"{post.parent}-{other}-{step}" in planned]
        fine = [networks[other].name for other in sharing
                if other != post.network and other in networks
                and any(slot.matches(day) for slot in networks[other].slots)]
        if entry is None and fine:
            return where, say("{network} has no slot on {weekday}, {others} has: the step '{label}' of `blog: "
                              "promote:` is the schedule of every network it names; add a slot, or write this "
                              "article's promotions in calendar.yaml, one `- promote: {slug}` entry per network "
                              "with a `schedule:` of its days (an article's entries replace `blog: promote:` for "
                              "it)", network=network.name, weekday=say(WEEKDAY_NAMES[day.weekday()]),
                              others=", ".join(fine), label=offset.label, slug=post.article or "")
        if entry is not None and fine:
            return where, say("{network} has no slot on {weekday}, {others} has: the step '{label}' is the "
                              "schedule of every network of this entry; give {network} a promotion of its own "
                              "(`- promote: {slug}` with `networks: [{id}]` and a `schedule:` of its days, and "
                              "{id} out of this entry's `networks:`), or add a slot", network=network.name,
                              weekday=say(WEEKDAY_NAMES[day.weekday()]), others=", ".join(fine),
                              label=offset.label, slug=entry.article or "", id=post.network)
        step_key = ("no slot for the step", network.id, day.weekday(), offset.label)
        return where, said.get(step_key) or said.setdefault(step_key, say(
            "{network} has no slot on {weekday}: move the step '{label}' to a day that has one, or add a slot",
            network=network.name, weekday=say(WEEKDAY_NAMES[day.weekday()]), label=offset.label))
    if offset.time is None and offset.slot is None:
        return where, say("add the slot, or give the step a time (`{label} at 09:00`)", label=offset.label)
    bare = re.sub(r"\s+(?:at|à|a)\s+\S+$", "", offset.label, flags=re.IGNORECASE)
    return where, say("the step '{label}' of the promotion's schedule sets this time: write it '{bare}' to take "
                      "the network's slot of that day, or add the slot", label=offset.label, bare=bare)


@rule("clock-change-night", "warning", "A recurring post with no end meets a night the clocks skip or repeat its "
      "time: that night is left out of the plan")
def clock_change_night(ctx: CheckContext) -> Iterator[Problem]:
    """Said until the night has passed (the engine leaves out what is before the checked window)."""
    zone = ctx.plan.calendar.zone
    for night in ctx.plan.nights_left_out:
        entry = ctx.entries.get(night.entry)
        if entry is not None and "clock-change-night" in entry.silenced:
            continue
        yield Problem(night.source,
                      say("{problem} (occurrence of {day}, {networks}): '{entry}' has no end, and leaves out that "
                          "night", problem=night.problem, day=night.day, networks=say_list(night.networks),
                          entry=night.entry),
                      night.hint, when=start_of_day(night.day, zone))


#: The skipped months a finding names before "and N more".
_MONTHS_NAMED = 4


@rule("repeat-skips-days", "warning", "A recurring post's rule names a day of the month (29 to 31) that some of "
      "its months do not have: those months get no post")
def repeat_skips_days(ctx: CheckContext) -> Iterator[Problem]:
    """`every:`/`on:` refuses such a day at load; an `rrule:` may mean it, and is told the months it skips,
    those still to come."""
    zone = ctx.plan.calendar.zone
    since = ctx.since.astimezone(zone).date()
    until = ctx.until.astimezone(zone).date() if ctx.until is not None else None
    for entry in ctx.entries.values():
        if entry.recurrence is None or "repeat-skips-days" in entry.silenced:
            continue
        days, months, emptied = months_it_skips(entry.recurrence, ctx.plan.calendar, ctx.now)
        ends = [dt.date(year, month, monthrange(year, month)[1]) for year, month in months]
        coming = [end for end in ends if end >= since and (until is None or end.replace(day=1) <= until)]
        if not coming:
            continue
        named = [say("{month} {year}", month=month_word(end.month), year=end.year)
                 for end in coming[:_MONTHS_NAMED]]
        values = {"entry": entry.id, "days": say_list(days), "months": say_list(named)}
        more = len(coming) - len(named)
        and_more = say_count(more, "and {count} more month", "and {count} more months")
        if not all((end.year, end.month) in emptied for end in coming):  # the rule's other days still post
            message = say("'{entry}' repeats on day {days} of the month, which {months} does not have: no post "
                          "on that day that month (RFC 5545 skips it)", **values) if len(coming) == 1 else \
                say("'{entry}' repeats on day {days} of the month, which {months} {more} do not have: no post "
                    "on that day those months (RFC 5545 skips it)", more=and_more, **values) if more else \
                say("'{entry}' repeats on day {days} of the month, which {months} do not have: no post on that "
                    "day those months (RFC 5545 skips it)", **values)
        elif len(coming) == 1:
            message = say("'{entry}' repeats on day {days} of the month, which {months} does not have: no post "
                          "that month (RFC 5545 skips it)", **values)
        elif more:
            message = say("'{entry}' repeats on day {days} of the month, which {months} {more} do not have: no "
                          "post those months (RFC 5545 skips them)", more=and_more, **values)
        else:
            message = say("'{entry}' repeats on day {days} of the month, which {months} do not have: no post "
                          "those months (RFC 5545 skips them)", **values)
        yield Problem(entry.field_sources.get("repeat", entry.source), message,
                      say("BYMONTHDAY=-1 is the last day of every month (`every: month, on: last`); or, if no "
                          "post is meant then, silence this rule on the entry"),
                      when=max(coming[0].replace(day=1), since))  # the month, as `coming` has it: in the window


def _holiday_name(text: str) -> str:
    return " ".join(text.split())


def _holiday_places(calendar: Calendar) -> list[tuple[str, str | None, str | None]]:
    """The countries (with their regions) whose holidays the site's posts are judged against, each with the
    id of a network judged so (None for the site's own): the site's `country:`, then its networks' own
    (`country:`, `subdivision:` under `networks.<id>`, refused ones left out where they are told)."""
    from edcal import public_holidays

    places: list[tuple[str, str | None, str | None]] = []
    if calendar.country:
        if not public_holidays.known_country(calendar.country) or (
                calendar.subdivision is not None
                and calendar.subdivision not in public_holidays.subdivisions(calendar.country)):
            return []  # an error of its own, at `country:` or `subdivision:`
        places.append((calendar.country, calendar.subdivision, None))
    for network in calendar.networks.values():
        if network.country is None and network.subdivision is None:
            continue
        country, subdivision = calendar.holiday_place(network)
        if country and all((country, subdivision) != (known, region) for known, region, _ in places):
            places.append((country, subdivision, network.id))
    return places


def _countries(places: list[tuple[str, str | None, str | None]]) -> str | Message:
    """The countries of ``places`` as a message names them: ``FR``, ``FR or CA``."""
    codes = list(dict.fromkeys(country for country, _, _ in places))
    if len(codes) == 1:
        return codes[0]
    return say("{countries} or {last}", countries=", ".join(codes[:-1]), last=codes[-1])


def _country_holidays(calendar: Calendar) -> tuple[tuple[str, ...], Message] | None:
    """The holidays ``except:`` may name: those of the site's country and of its networks' own (a Québec
    account's), each in its language and in the site's."""
    from edcal import public_holidays

    places = _holiday_places(calendar)
    if not calendar.country and not places:
        raise ValueError(say("`except` of public-holiday names holidays of the site's country, and "
                             "calendar.yaml sets no `country:`"),
                         say("add it at the top of calendar.yaml, e.g. `country: US`"))
    years = _holiday_years(calendar)
    names = tuple(sorted({name for country, subdivision, _ in places
                          for name in public_holidays.holiday_names(country, subdivision, years, site_language())}))
    if not names:  # years the library does not know (after 2100), or a refused country: no name to check against
        return None
    return names, say("a public holiday of {country}", country=_countries(places))


def _holiday_on(calendar: Calendar, written: str) -> Message | None:
    """For ``except: [2027-05-01]``: the holiday that falls on that day, whose name ``except`` takes (the
    list of names alone left the writer to find which is 1 May); None for a value that is no date."""
    from edcal.load.yamlfile import yaml_value
    from edcal.public_holidays import HOLIDAYS_OF_A_DAY, first_year, holidays_between, last_year, named_for

    choices = _country_holidays(calendar)
    if choices is None:
        return None
    names, _expected = choices
    try:
        day = timeparse.parse_date(written)
    except ValueError:
        if _DATE_SHAPE.match(written.strip()):  # `1890-01-01`: no day edcal reads, a date all the same
            return say("`except` takes holidays by name, not dates: one of: {names}", names=", ".join(names))
        return None
    # Outside the years the library knows, it gives no holiday: 1 January 2150 was told it was none.
    places = _holiday_places(calendar)
    country = places[0][0]
    if day.year > last_year(country):
        return say("{day:%Y-%m-%d} is after {year}, the last year whose public holidays of {country} edcal knows "
                   "(the holidays library's): `except` takes holidays by name, one of: {names}", day=day,
                   year=last_year(country), country=country, names=", ".join(names))
    if day.year < first_year(country):
        return say("{day:%Y-%m-%d} is before {year}, the first year whose public holidays of {country} edcal "
                   "knows (the holidays library's): `except` takes holidays by name, one of: {names}", day=day,
                   year=first_year(country), country=country, names=", ".join(names))
    on_it = [name for _, _, network in places
             for name in holidays_between(calendar, day, day, site_language() or "", network=network)
             .get(day, "").split(HOLIDAYS_OF_A_DAY) if name]
    if not on_it:
        return say("{day:%Y-%m-%d} is no public holiday of {country}: `except` takes holidays by name, one of: "
                   "{names}", day=day, country=_countries(places), names=", ".join(names))
    named = list(dict.fromkeys(named_for(part, names) for part in on_it))
    return say("{day:%Y-%m-%d} is {holiday}: write its name, `except: {line}`", day=day,
               holiday=say_list(named), line=yaml_value(named))


#: A value written as a date (``1890-01-01``), whether or not it is a day edcal reads.
_DATE_SHAPE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _holiday_years(calendar: Calendar) -> tuple[int, ...]:
    """The years whose holidays ``except:`` may name: around now (a holiday's name seldom changes)."""
    year = now(calendar.zone).year
    return tuple(range(year - 1, year + 3))


#: The United Kingdom's codes: its nations keep bank holidays of their own, which the holidays library gives
#: only with a subdivision (without one, England has no Easter Monday nor August bank holiday).
_NATIONS_BANK_HOLIDAYS = frozenset({"GB", "GBR", "UK"})


@rule("public-holiday", "warning", "A post goes out on a public holiday of the site's country",
      options=(Option("except", (), _holiday_name, "Holidays the site does not count, by name in the country's "
                      "language or the site's (`except: [Veterans Day, Columbus Day]`): most of its audience "
                      "works that day. Their observed days go with them.", many=True,
                      choices=_country_holidays, refused_hint=_holiday_on),))
def public_holiday(ctx: CheckContext) -> Iterator[Problem]:
    calendar = ctx.plan.calendar
    if not calendar.country and not any(network.country for network in calendar.networks.values()):
        return
    from edcal.public_holidays import last_year

    if calendar.country in _NATIONS_BANK_HOLIDAYS and calendar.subdivision is None:
        yield Problem(calendar.country_source or calendar.source,
                      say("country: {country} without `subdivision:`: the bank holidays of the United Kingdom's "
                          "nations (Easter Monday, the August bank holiday in England) are not known, and no "
                          "post is told it falls on one", country=calendar.country),
                      say("add `subdivision: ENG` (England; NIR, SCT, WLS: Northern Ireland, Scotland, Wales)"))
    # Each post on its account's day, judged against its account's holidays (a network's `country:`), else the
    # site's: a Québec account's post on 24 June is told, one on 14 July is not.
    places = {network_id: calendar.holiday_place(network_id) for network_id in calendar.networks}
    zones = calendar.zones()
    by_place: dict[tuple[str, str | None], list[tuple[Item, dt.date]]] = defaultdict(list)
    for post in ctx.posts():
        network_id = post.network or ""
        country, subdivision = places[network_id]
        if country is not None:
            by_place[(country, subdivision)].append(
                (post, post.start.astimezone(zones[network_id]).date()))  # type: ignore[union-attr]
    for (country, subdivision), dated in by_place.items():
        last = last_year(country)
        beyond = [(post, day) for post, day in dated if day.year > last]
        if beyond:  # told, not judged silently: a mistyped year (2101 for 2021), or a plan that far
            post, day = min(beyond, key=lambda found: found[1])
            yield Problem(ctx.network_source(post),
                          say_count(len(beyond), "{count} post goes out after {year}, the last year whose public "
                                    "holidays of {country} edcal knows (the holidays library's): its day is not "
                                    "judged (the first: '{id}' on {day:%Y-%m-%d})", "{count} posts go out after "
                                    "{year}, the last year whose public holidays of {country} edcal knows (the "
                                    "holidays library's): their days are not judged (the first: '{id}' on "
                                    "{day:%Y-%m-%d})", year=last, country=country, id=post.id, day=day),
                          say("check the year; a post that far ahead cannot be told it falls on a public "
                              "holiday"), post)
        yield from _on_holidays(ctx, dated, country, subdivision)


def _on_holidays(ctx: CheckContext, dated: list[tuple[Item, dt.date]], country: str,
                 subdivision: str | None) -> Iterator[Problem]:
    """The posts of ``dated`` (each with its account's day) that fall on a public holiday of ``country``."""
    from edcal.load.yamlfile import yaml_value
    from edcal.public_holidays import HOLIDAYS_OF_A_DAY, holiday_names, holidays_between, named_for

    calendar = ctx.plan.calendar
    days = [day for _post, day in dated]
    uncounted = ctx.options["except"]
    holidays = holidays_between(calendar, min(days), max(days), ctx.plan.lang, uncounted, dated[0][0].network)
    names = holiday_names(country, subdivision, tuple(range(min(days).year, max(days).year + 1)), ctx.plan.lang)
    for post, day in dated:
        name = holidays.get(day)
        if name:
            network = calendar.networks[post.network or ""]
            # as YAML reads it back: Bulgaria's "Гергьовден, Ден на храбростта…" in quotes, not two names
            named = yaml_value(list(dict.fromkeys(named_for(part, names)
                                                  for part in name.split(HOLIDAYS_OF_A_DAY))))[1:-1]
            yield Problem(ctx.network_source(post), say("{network} post '{id}' goes out on {day:%Y-%m-%d}, a public "
                                           "holiday ({holiday})", network=network.name, id=post.id, day=day,
                                           holiday=name),
                          say("few people read their feeds that day: move it, or silence this rule on the entry "
                              "if it is intended; if your audience works that day: `checks: {{public-holiday: "
                              "{{except: [{holiday}]}}}}`", holiday=named), post)
