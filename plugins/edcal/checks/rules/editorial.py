"""The writing side: overdue ideas and deadlines, articles still in review near their date."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator

from edcal.checks.registry import (
    THE_POSTS,
    CheckContext,
    Option,
    PostText,
    Problem,
    parse_count,
    rule,
)
from edcal.checks.rules._dates import NamedDate, with_years, written_dates
from edcal.i18n import DAYS, Message, repeated_hour, same_language, say, say_count, say_list, utc_offset
from edcal.load import timeparse
from edcal.model.article import WEB_BEGAN, Article, MisreadMarkup
from edcal.model.calendar import Calendar, KeyDate, PostEntry
from edcal.model.days import as_instant, start_of_day
from edcal.model.plan import WAITING, Item, article_item_id, made_by, occurrence_name
from edcal.model.source import Source
from edcal.plan.report import CONFIRM_DAYS, report
from edcal.plan.status import article_state, overdue_deadlines
from edcal.zones import ZoneClock


def _hours(text: str) -> float:
    """``48 hours``, ``36h``, ``2 days``: a margin in hours."""
    match = re.match(r"^(\d+)\s*(?:h|hours?|heures?)$", str(text).strip().lower())
    if match:
        return float(match.group(1))
    return timeparse.parse_days(text) * 24.0


@rule("idea-overdue", "warning", "A draft or review due date has passed and the work is not done")
def idea_overdue(ctx: CheckContext) -> Iterator[Problem]:
    plan = ctx.plan
    today = ctx.now.astimezone(plan.calendar.zone).date()
    owners = plan.calendar.team
    for deadline, parent in overdue_deadlines(plan.items, today):
        drafting = deadline.id.endswith("-draft-due")
        who = owners[parent.owner].name if parent.owner in owners else say("nobody")
        values = {"title": parent.title, "due": deadline.start, "status": say(parent.status), "owner": who}
        if drafting:
            message = say("the draft of '{title}' was due {due:%Y-%m-%d} and its status is still '{status}' "
                          "(owner: {owner})", **values)
            hint = say("finish the draft, or move `draft_due:`")
        else:
            message = say("the review of '{title}' was due {due:%Y-%m-%d} and its status is still '{status}' "
                          "(owner: {owner})", **values)
            hint = say("finish the review, or move `review_due:`")
        yield Problem(deadline.source, message, hint, parent, when=ctx.now)


def _title_key(title: str) -> str:
    """A title as a reader tells titles apart: without case, spacing or how its accents were typed."""
    return " ".join(unicodedata.normalize("NFC", title).casefold().split())


@rule("owner-left", "warning", "An item still to come is owned by someone who has left the team (`left:`)")
def owner_left(ctx: CheckContext) -> Iterator[Problem]:
    team = ctx.plan.calendar.team
    for item in ctx.upcoming:
        person = team.get(item.owner or "")
        if person is None or person.left is None or item.status == "withheld":
            continue
        day = ctx.plan.day_of(item.start if item.start is not None else ctx.now)
        if day >= person.left:
            yield Problem(item.source, say("'{id}' ({day:%Y-%m-%d}) is owned by {person}, who left the team on "
                                           "{left:%Y-%m-%d}", id=item.id, day=day, person=person.name,
                                           left=person.left),
                          _authors_hint(ctx, item, person.name, day) or (
                              say("give it another `owner:` (where it is written: the entry or its network's "
                                  "`variants:`, the article's header or its campaign)") if item.kind == "post" else
                              say("give it another `owner:` (where it is written: the entry, the article's header "
                                  "or its campaign)")), item,
                          together=say("{posts} are owned by {person}, who left the team on {left:%Y-%m-%d}",
                                       posts=THE_POSTS, person=person.name, left=person.left))


def _authors_hint(ctx: CheckContext, item: Item, name: str, day: dt.date) -> Message | None:
    """owner-left's hint for an item its article's author owns, no `owner:` written anywhere: where to write
    one (the hint to change the `owner:` "where it is written" sent the team looking for none)."""
    article = ctx.plan.articles_by_slug().get(item.article or "")
    if article is None or not article.owner_from_author or item.owner != article.owner:
        return None
    there = next((person.id for person in ctx.plan.calendar.team.values() if person.there_on(day)), "…")
    return say("{person} wrote it (`authors:`), and it names nobody else in charge: write who is in the article's "
               "header, e.g. owner: {id}", person=name, id=there)


@rule("owner-away", "warning", "An item still to come is owned by someone away that day (`away:`)")
def owner_away(ctx: CheckContext) -> Iterator[Problem]:
    """Camille's posts go out during her holidays: comments wait a fortnight for an answer, and nobody
    checks that the post went out. What someone owns while they are away is told, to hand over or move."""
    team = ctx.plan.calendar.team
    for item in ctx.upcoming:
        person = team.get(item.owner or "")
        if person is None or not person.away or item.status == "withheld" or item.start is None:
            continue
        day = ctx.plan.day_of(item.start)
        absence = person.away_on(day)
        if absence is None:
            continue
        days = _days(absence.first, absence.last)
        stand_in = team.get(absence.stand_in or "")
        # A stand-in away that day too, or gone from the team, stands in for nobody.
        gone = stand_in if stand_in is not None and not stand_in.there_on(day) else None
        if gone is not None:
            stand_in = None
        if item.kind == "post" and isinstance(item.start, dt.datetime):
            when = item.start.astimezone(ctx.plan.calendar.zone)
            if stand_in is not None:
                yield Problem(item.source, say("post '{id}' goes out {when:%Y-%m-%d %H:%M} while its owner {person} is "
                                               "away ({days}); {stand_in} stands in", id=item.id, when=when,
                                               person=person.name, days=days, stand_in=stand_in.name),
                              say("{stand_in}'s calendar feed holds it: check they know, or give it to them "
                                  "(`owner: {id}`), or move it", stand_in=stand_in.name, id=stand_in.id), item,
                              together=say("{posts} go out while their owner {person} is away ({days}); {stand_in} "
                                           "stands in", posts=THE_POSTS, person=person.name, days=days,
                                           stand_in=stand_in.name),
                              together_hint=say("{stand_in}'s calendar feed holds them: check they know, hand "
                                                "them over (`owner: {id}`), or move them",
                                                stand_in=stand_in.name, id=stand_in.id))
                continue
            yield Problem(item.source, say("post '{id}' goes out {when:%Y-%m-%d %H:%M} while its owner {person} is "
                                           "away ({days}): nobody to answer its comments", id=item.id, when=when,
                                           person=person.name, days=days),
                          say("{stand_in}, who stands in for {person}, is not there that day either: give it to "
                              "someone who is there (`owner:`), or move it", stand_in=gone.name,
                              person=person.name) if gone is not None else
                          say("give it to someone who is there (`owner:`, where it is written: the entry or its "
                              "network's `variants:`, its campaign or the article's header), move it, or name who "
                              "stands in for them (`stand_in:` on the absence)"), item,
                          together=say("{posts} go out while their owner {person} is away ({days})",
                                       posts=THE_POSTS, person=person.name, days=days),
                          together_hint=say("{stand_in}, who stands in for {person}, is not there then either: "
                                            "give them to someone who is there (`owner:`), or move them",
                                            stand_in=gone.name, person=person.name) if gone is not None else
                          say("give them to someone who is there (`owner:`, where it is written: the "
                              "entry or its network's `variants:`, its campaign or the article's header), move "
                              "them, or name who stands in for {person} (`stand_in:` on the absence)",
                              person=person.name))
        elif stand_in is not None:
            yield Problem(item.source, say("'{id}' ({day:%Y-%m-%d}) is owned by {person}, who is away then "
                                           "({days}); {stand_in} stands in", id=item.id,
                                           day=ctx.plan.day_of(item.start), person=person.name, days=days,
                                           stand_in=stand_in.name),
                          say("move its date, or give it to {stand_in} (`owner: {id}`) for that time",
                              stand_in=stand_in.name, id=stand_in.id), item)
        else:
            yield Problem(item.source, say("'{id}' ({day:%Y-%m-%d}) is owned by {person}, who is away then "
                                           "({days})", id=item.id, day=ctx.plan.day_of(item.start),
                                           person=person.name, days=days),
                          say("{stand_in}, who stands in for {person}, is not there that day either: move its "
                              "date, or give it another `owner:` for that time", stand_in=gone.name,
                              person=person.name) if gone is not None else
                          say("move its date, give it another `owner:` for that time, or name who stands in "
                              "for them (`stand_in:` on the absence)"), item)


@rule("idea-written", "warning", "An idea of the backlog is an article already (the same slug or title)")
def idea_written(ctx: CheckContext) -> Iterator[Problem]:
    articles = [a for a in ctx.plan.articles if a.is_original]
    by_slug = {a.slug: a for a in articles}
    by_title = {_title_key(a.title): a for a in articles}
    for idea in ctx.plan.items:
        if idea.kind != "idea" or idea.networks:  # an idea for a post is no article
            continue
        written = by_slug.get(idea.id.removeprefix("idea-")) or by_title.get(_title_key(idea.title))
        if written is None:
            continue
        yield Problem(idea.source, say("idea '{title}' is written already: {path} is the article", title=idea.title,
                                       path=written.source.path),
                      say("remove the idea from `ideas:` (the article's front matter carries its "
                          "`draft_due:` and `review_due:`), or give it another title"), idea)


#: How long before its planned day a post may go out before its log line is taken for a mistyped `at:`.
EARLY_DAYS = 7


@rule("social-unused", "warning", "An article's `social:` gives a text for a network no post promotes it on")
def social_unused(ctx: CheckContext) -> Iterator[Problem]:
    """`social: {mastodon: "…"}` when the blog promotes on LinkedIn and X: the text was never used, and no
    word said so (a helper's hunt for values dropped without a word)."""
    plan = ctx.plan
    promoted: dict[str, set[str]] = defaultdict(set)
    entries: dict[str, set[str]] = defaultdict(set)  # the `promote:` entries that decide an article's networks
    # Networks where some post of the article takes its `social:` text: no text of its entry's own wins there.
    texts_taken: dict[str, set[str]] = defaultdict(set)
    written: dict[tuple[str, str], str] = {}  # (article, network): an entry whose own text wins there
    # The same for a thread and a first comment: networks where some post takes the article's, and entries
    # whose own wins there, or whose posts have words of their own the article's do not follow (a one-off).
    extras = {"thread": _own_thread, "first_comment": _own_comment}
    extras_taken: dict[str, dict[str, set[str]]] = {name: defaultdict(set) for name in extras}
    extras_written: dict[str, dict[tuple[str, str], tuple[str, bool]]] = {name: {} for name in extras}
    for post in plan.items:
        if post.kind == "post" and post.article and post.network:
            promoted[post.article].add(post.network)
            entry = ctx.entry(post)
            if entry is not None and entry.kind == "promote":
                entries[post.article].add(entry.id)
            if entry is not None and _words_of(entry, post.network) is not None:
                written.setdefault((post.article, post.network), entry.id)
            else:
                texts_taken[post.article].add(post.network)
            for name, own in extras.items():
                if entry is not None and own(entry, post.network):
                    extras_written[name].setdefault((post.article, post.network), (entry.id, True))
                elif entry is not None and entry.kind != "promote" and _words_of(entry, post.network) is not None:
                    extras_written[name].setdefault((post.article, post.network), (entry.id, False))
                else:
                    extras_taken[name][post.article].add(post.network)
    for article, item in ctx.articles_on_their_way():
        for network, wish in article.social.per_network.items():
            name = plan.calendar.networks[network].name if network in plan.calendar.networks else network
            for extra in extras:
                if not getattr(wish, extra) or network not in promoted.get(article.slug, ()) \
                        or network in extras_taken[extra].get(article.slug, ()):
                    continue
                entry_id, owns = extras_written[extra][(article.slug, network)]
                if not owns:  # the article's thread and comment follow its words, which no post there takes
                    what = say("a thread") if extra == "thread" else say("a first comment")
                    written_at = wish.thread_sources[0] if extra == "thread" and wish.thread_sources \
                        else wish.comment_source if extra == "first_comment" else None
                    yield Problem(written_at or wish.source or article.source,
                                  say("article '{slug}' gives {what} for {network} in `social:`, but the posts "
                                      "there have words of their own (entry '{entry}'), which it does not follow",
                                      slug=article.slug, what=what, network=name, entry=entry_id),
                                  say("write what those posts need in the entry's `{field}:`, or remove the "
                                      "article's", field=extra), item)
                elif extra == "thread":
                    yield Problem(wish.thread_sources[0] if wish.thread_sources else wish.source or article.source,
                                  say("article '{slug}' gives a thread for {network} in `social:`, but the entry "
                                      "'{entry}' gives every post there its own thread", slug=article.slug,
                                      network=name, entry=entry_id),
                                  say("the calendar's entry wins: remove the article's thread, or the entry's own "
                                      "`thread:` for {network} to post the article's", network=network), item)
                else:
                    yield Problem(wish.comment_source or wish.source or article.source,
                                  say("article '{slug}' gives a first comment for {network} in `social:`, but the "
                                      "entry '{entry}' gives every post there its own", slug=article.slug,
                                      network=name, entry=entry_id),
                                  say("the calendar's entry wins: remove the article's first comment, or the entry's "
                                      "own `first_comment:` for {network} to post the article's", network=network),
                                  item)
            if wish.text and network in promoted.get(article.slug, ()) \
                    and network not in texts_taken.get(article.slug, ()):
                # `promote:` with `text:` or `texts:` (or a variant's): the entry's words win on every post.
                entry_id = written[(article.slug, network)]
                yield Problem(wish.source or article.social.source or article.source,
                              say("article '{slug}' gives a text for {network} in `social:`, but the entry '{entry}' "
                                  "gives every post there its own text", slug=article.slug, network=name,
                                  entry=entry_id),
                              say("the calendar's entry wins: remove the article's text, or the entry's own "
                                  "text for {network} (its `text:`, `texts:` or variant) to post the article's",
                                  network=network), item)
                continue
            if wish.skip or network in promoted.get(article.slug, ()):
                continue
            # What it gives: a text, else a thread, a first comment, a video, a note, an image
            # (`social: {x: {thread: […]}}`).
            what, its = ((say("a text"), say("its text")) if wish.text else
                         (say("a thread"), say("its thread")) if wish.thread else
                         (say("a first comment"), say("its first comment")) if wish.first_comment else
                         (say("a video"), say("its video")) if wish.video else
                         (say("a note for whoever posts it"), say("its note")) if wish.note and not wish.image else
                         (say("an image"), say("its image")))
            hint = say("add {network} to the networks of the `promote:` entry '{entry}' in the calendar (it "
                       "decides this article's networks), or remove {its}", network=network, its=its,
                       entry=sorted(entries[article.slug])[0]) if entries.get(article.slug) else \
                say("add {network} to `social: networks:` (or to the blog's `promote: networks:`), or remove "
                    "{its}", network=network, its=its)
            account = plan.calendar.networks.get(network)
            day = plan.day_of(article.date) if article.date is not None else None
            if account is not None and day is not None and account.since is not None and day < account.since:
                hint = say("{network}'s `since:` is {since:%Y-%m-%d}, after the article goes online "
                           "({day:%Y-%m-%d}): the blog's promotions leave it out there; set `since:` earlier "
                           "for the article to be promoted on {network}, or remove {its}", network=name,
                           since=account.since, day=day, its=its)
            elif account is not None and day is not None and account.until is not None and day > account.until:
                hint = say("{network}'s `until:` is {until:%Y-%m-%d}, before the article goes online "
                           "({day:%Y-%m-%d}): the blog's promotions leave it out there; remove {its}, or set "
                           "`until:` later", network=name, until=account.until, day=day, its=its)
            yield Problem(wish.source or article.social.source or article.source,
                          say("article '{slug}' gives {what} for {network} in `social:`, but no post promotes "
                              "it there", slug=article.slug, what=what, network=name), hint, item)


def _own_thread(entry: PostEntry, network: str) -> bool:
    """Whether an entry gives its posts on ``network`` a thread of its own (its variant's, even an empty one,
    else its own), which wins over the article's `social:` one."""
    variant = entry.variants.get(network)
    return (variant is not None and variant.thread is not None) or bool(entry.thread)


def _own_comment(entry: PostEntry, network: str) -> bool:
    """Whether an entry gives its posts on ``network`` a first comment of its own (its variant's, else its
    own), which wins over the article's `social:` one, as resolution takes them."""
    variant = entry.variants.get(network)
    return bool(variant.first_comment if variant is not None and variant.first_comment is not None
                else entry.first_comment)


def _words_of(entry: PostEntry, network: str) -> str | None:
    """Where an entry's post on ``network`` takes its words when the entry gives them, as resolution composes
    it: its variant's `text:` ("variant"), else the entry's own `text:` or `texts:`, the same on every
    network ("shared"); None when the article's `social:` text or the template writes them."""
    variant = entry.variants.get(network)
    if variant is not None and variant.text:
        return "variant"
    return "shared" if entry.text or entry.texts else None


@rule("posted-before-plan", "warning", "The log says a post went out more than a week before its planned day")
def posted_before_plan(ctx: CheckContext) -> Iterator[Problem]:
    plan = ctx.plan
    for item in plan.items:
        if item.posted is None or item.start is None:
            continue
        planned, day = plan.day_of(item.start), plan.day_of(item.posted.at)
        if (planned - day).days <= EARLY_DAYS:
            continue
        yield Problem(item.posted.source,
                      say("post '{id}' is logged as gone out on {day:%Y-%m-%d}, {days} days before its planned "
                          "day, {planned:%Y-%m-%d}", id=item.id, day=day, days=(planned - day).days,
                          planned=planned),
                      say("check the year and the month of its `at:`; if it did go out then, move the post's "
                          "date in the plan"),
                      item, when=ctx.now)  # a line of the log to correct now, however old its post


@rule("posted-in-future", "warning", "The log says a post went out at a moment still to come")
def posted_in_future(ctx: CheckContext) -> Iterator[Problem]:
    """A line of the log whose `at:` is still to come: a slip (the month and the day swapped, a year, a
    copied line), waiting silently until then, when the post counts as gone out whatever happened. A line
    without `at:` for a post to come (a team logging what its scheduler will send) is its own business."""
    plan = ctx.plan
    today = ctx.now.astimezone(plan.calendar.zone).date()
    for record in plan.calendar.posted or ():
        at = record.at
        if at is None or record.skipped:
            continue
        ahead = as_instant(at) > as_instant(ctx.now) if isinstance(at, dt.datetime) else at > today
        if not ahead:
            continue
        when = at.astimezone(plan.calendar.zone) if isinstance(at, dt.datetime) else at
        shown = f"{when:%Y-%m-%d %H:%M}" if isinstance(when, dt.datetime) else f"{when:%Y-%m-%d}"
        yield Problem(record.source,
                      say("post '{id}' is logged as gone out {at}, a moment still to come", id=record.item, at=shown),
                      say("a post is logged once it went out: check the day, the month and the year of its `at:`, "
                          "or remove the line until then"),
                      when=ctx.now)


@rule("posted-unconfirmed", "warning", "Posts whose time has passed in the last month are not in the log of "
                                        "what went out")
def posted_unconfirmed(ctx: CheckContext) -> Iterator[Problem]:
    """The report's "To confirm", for whoever reads `edcal check` rather than the report page: a log left
    behind reads as weeks without posts, and a post that never went out as one that did. One finding, at the
    log's last line, where the lines go."""
    plan = ctx.plan
    if plan.calendar.posted is None:  # no log kept: the plan's word, nothing to confirm
        return
    told = report(plan)
    if not told.to_confirm:
        return
    oldest = told.to_confirm[0]
    assert isinstance(oldest.start, dt.datetime)  # a post whose time has passed
    where = plan.calendar.posted[-1].source if plan.calendar.posted else plan.calendar.posted_key or oldest.source
    yield Problem(where,
                  say_count(len(told.to_confirm),
                            "{count} post whose time has passed in the last {days} days is not in the log of "
                            "what went out: '{id}' ({at:%Y-%m-%d %H:%M})",
                            "{count} posts whose time has passed in the last {days} days are not in the log of "
                            "what went out, the oldest '{id}' ({at:%Y-%m-%d %H:%M})",
                            days=CONFIRM_DAYS, id=oldest.id, at=oldest.start.astimezone(plan.calendar.zone)),
                  say("add the lines of those that went out under `posted:` in {file} (the planning's report page, "
                      "report.html, gives them under 'To confirm'), and `{{item: …, skipped: true}}` for those that "
                      "did not",
                      file=told.log_file),
                  when=ctx.now,
                  data=(("posts", len(told.to_confirm)), ("items", tuple(item.id for item in told.to_confirm))))


@rule("repeat-from-past", "warning", "A recurring post's rule began long ago: its posts before now, which the log "
                                      "does not name, count as gone out",
      options=(Option("age", 180, timeparse.parse_days, "How long ago a recurring post's first post the log does "
                      "not name may be before it is reported (default 6 months).", unit="days"),))
def repeat_from_past(ctx: CheckContext) -> Iterator[Problem]:
    """`from: 2020-01-07` (the year typed wrong, a line copied from an old plan) planned 366 Tuesdays before
    today, each counted as gone out (the report, the cadence), without a word. Told once a rule still running,
    past posts being no one's to nag about one by one; a series begun within ``age`` is running, not a slip."""
    plan, now = ctx.plan, as_instant(ctx.now)
    logged = plan.calendar.posted is not None
    oldest = plan.day_of(ctx.now) - dt.timedelta(days=int(ctx.options["age"]))
    before: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)  # each rule's posts unlogged: day, id
    coming: dict[str, dt.date] = {}  # each rule's first day to come
    for item in plan.items:
        entry = ctx.entries.get(item.parent or "")
        if item.kind != "post" or entry is None or entry.recurrence is None or not made_by(entry, item) \
                or not isinstance(item.start, dt.datetime):
            continue
        if as_instant(item.start) >= now:
            coming.setdefault(entry.id, plan.day_of(item.start))
        elif item.posted is None and item.skipped is None:
            before[entry.id].append((plan.day_of(item.start), item.id))
    for entry_id, past in before.items():
        entry = ctx.entries[entry_id]
        (first, _), (last, _) = past[0], past[-1]
        if entry_id not in coming or first >= oldest or entry.recurrence is None \
                or "repeat-from-past" in entry.silenced:
            continue
        values = {"entry": entry_id, "start": entry.recurrence.start, "first": first, "last": last}
        message = (say_count(len(past), "'{entry}' repeats from {start:%Y-%m-%d}: {count:,} post before now "
                                        "that the log of what went out does not name, on {first:%Y-%m-%d}, counts "
                                        "as gone out",
                             "'{entry}' repeats from {start:%Y-%m-%d}: {count:,} posts before now that the log "
                             "of what went out does not name, from {first:%Y-%m-%d} to {last:%Y-%m-%d}, count as "
                             "gone out", **values) if logged else
                   say_count(len(past), "'{entry}' repeats from {start:%Y-%m-%d}: {count:,} post before now, on "
                                        "{first:%Y-%m-%d}, counts as gone out",
                             "'{entry}' repeats from {start:%Y-%m-%d}: {count:,} posts before now, from "
                             "{first:%Y-%m-%d} to {last:%Y-%m-%d}, count as gone out", **values))
        hint = (say("if it starts now, write `from: {day:%Y-%m-%d}` under its `repeat:`; if those posts went out, "
                    "add their lines under `posted:`, or silence this rule on the entry, with the reason",
                    day=coming[entry_id])
                if logged else
                say("if it starts now, write `from: {day:%Y-%m-%d}` under its `repeat:`; if those posts went out, "
                    "silence this rule on the entry, with the reason", day=coming[entry_id]))
        yield Problem(entry.field_sources.get("repeat", entry.source), message, hint, when=ctx.now,
                      data=(("posts", len(past)), ("items", tuple(post for _, post in past))))


@rule("skipped-to-come", "warning", "The log says a post did not go out while its time is still to come")
def skipped_to_come(ctx: CheckContext) -> Iterator[Problem]:
    """A post cancelled ahead with `skipped: true`: the line takes effect at the post's time, so until then
    its event, its reminder, its draft and its export stay, and a scheduler it was imported into sends it."""
    plan = ctx.plan
    by_id = plan.by_id()
    for record in plan.calendar.posted or ():
        item = by_id.get(record.item)
        if not record.skipped or item is None or not isinstance(item.start, dt.datetime) \
                or as_instant(item.start) <= as_instant(ctx.now):
            continue
        occurrence, entry = occurrence_name(item), ctx.entry(item)
        if occurrence is not None:
            hint = say("to take it out of the plan now, add {day:%Y-%m-%d} to its `repeat:`'s `except:` (on all "
                       "its networks), and remove this line",
                       day=dt.datetime.strptime(occurrence[-8:], "%Y%m%d").date())
        elif entry is not None and entry.kind == "promote":  # a variant's skip would take every step out
            hint = say("to take it out of the plan now, remove its step from the entry's `schedule:` (it goes out "
                       "on all the entry's networks), and remove this line")
        elif entry is None and item.article:  # the blog's `promote:`, every article's steps
            hint = say("to take it out of the plan now, write an entry `- promote: {slug}` under `posts:` with "
                       "the steps to keep in its `schedule:` (the blog's `promote:` gives every article's), and "
                       "remove this line", slug=item.article)
        else:
            hint = say("to take it out of the plan now, write `{network}: {{skip: true}}` under its entry's "
                       "`variants:` (or delete the entry), and remove this line", network=item.network)
        yield Problem(record.source,
                      say("the log says post '{id}' did not go out, but its time is still to come ({at:%Y-%m-%d "
                          "%H:%M}): until then it stays planned, in the calendar feeds, the drafts and the "
                          "exports", id=item.id, at=item.start.astimezone(plan.calendar.zone)),
                      hint, item, when=ctx.now)


@rule("review-too-late", "warning", "An article is still in review shortly before its publication",
      options=(Option("margin", 48.0, _hours, "How long before publication the review must be done "
                      "(default 48 hours).", unit="hours"),))
def review_too_late(ctx: CheckContext) -> Iterator[Problem]:
    margin = dt.timedelta(hours=float(ctx.options["margin"]))
    zone = ctx.plan.calendar.zone
    for article in ctx.plan.items:
        if article.kind != "article" or article.status != "review" or not isinstance(article.start, dt.datetime):
            continue
        if as_instant(article.start) - as_instant(ctx.now) <= margin:
            written = ctx.plan.article_of(article)  # at its `status: review` line, what to change
            where = written.where("status") if written is not None else article.source
            due = article.start.astimezone(zone)
            message = (say("'{title}' is still in review and was due {due:%Y-%m-%d %H:%M}", title=article.title,
                           due=due) if as_instant(article.start) <= as_instant(ctx.now)
                       else say("'{title}' is still in review and due {due:%Y-%m-%d %H:%M}", title=article.title,
                                due=due))
            yield Problem(where, message,
                          say("finish the review and set `status: published`, or move its `date:`"),
                          article, when=max(article.start, ctx.now))


@rule("post-not-ready", "warning", "A post is still a draft, or awaiting approval, shortly before it goes out",
      options=(Option("margin", 48.0, _hours, "How long before a post goes out it must be ready and approved "
                      "(default 48 hours).", unit="hours"),))
def post_not_ready(ctx: CheckContext) -> Iterator[Problem]:
    """`status: review` on Friday's post, on Thursday: nobody approved it, and it will not go out (the
    Hootsuite file leaves it out, the drafts page shows it as waiting). Told once an entry, at its `status:`,
    for its first post to come within the margin."""
    margin = dt.timedelta(hours=float(ctx.options["margin"]))
    zone = ctx.plan.calendar.zone
    told: set[str] = set()
    for post in sorted(ctx.posts(), key=lambda p: (p.start.astimezone(dt.UTC), p.id)):  # type: ignore[union-attr]
        entry = ctx.entry(post)
        if entry is None or entry.status == "scheduled" or post.status not in WAITING \
                or entry.id in told or not isinstance(post.start, dt.datetime):
            continue  # a post waiting for its article: `review-too-late` tells the article
        ahead = post.start.astimezone(dt.UTC) - ctx.now.astimezone(dt.UTC)
        if ahead > margin or ahead <= dt.timedelta(0):
            continue  # past (`--since` a day gone by): it did not go out, and "goes out" is no longer true
        told.add(entry.id)
        when = post.start.astimezone(zone)
        message = (say("post '{id}' goes out {when:%Y-%m-%d %H:%M} and still awaits approval (`status: review`): "
                       "it will not go out until it is approved", id=entry.id, when=when)
                   if entry.status == "review" else
                   say("post '{id}' goes out {when:%Y-%m-%d %H:%M} and is still a draft (`status: draft`): it "
                       "will not go out as it is", id=entry.id, when=when))
        yield Problem(entry.field_sources.get("status", entry.source), message,
                      say("once its text is final and approved, remove `status:` (or write `status: scheduled`); "
                          "or move the post: `edcal move {id} …`", id=entry.id), post)


@rule("placeholder-text", "error", "An article online, or going online soon, still has the first paragraph "
      "`edcal new` wrote", options=(Option("within", 14, timeparse.parse_days,
                                           "How long before its publication an article is told of it, as a "
                                           "warning (default 14 days).", unit="days"),))
def placeholder_text(ctx: CheckContext) -> Iterator[Problem]:
    from edcal.skeleton import NEW_ARTICLE_BODY

    placeholders = tuple(NEW_ARTICLE_BODY.values())
    for article in _due_soon(ctx):
        if any(text in (article.summary or "") for text in placeholders):
            yield Problem(article.where("summary"),
                          say("article '{slug}' still begins with the paragraph `edcal new` wrote: it would be its "
                              "summary on the blog and in its posts", slug=article.slug),
                          say("replace the first paragraph of {path} with the article's own summary",
                              path=article.source.path),
                          when=max(article.date, ctx.now), early=not _online(ctx, article))  # type: ignore[type-var]


@rule("placeholder-name", "warning", "calendar.yaml still names the example person or account `edcal init` wrote")
def placeholder_name(ctx: CheckContext) -> Iterator[Problem]:
    from edcal.skeleton import PLACEHOLDER_ACCOUNTS, PLACEHOLDER_PEOPLE

    calendar = ctx.plan.calendar
    for person in calendar.team.values():
        if person.name in PLACEHOLDER_PEOPLE:
            yield Problem(person.source, say("team member '{id}' is still named '{name}', the example `edcal init` "
                                             "wrote: what is signed by, or owned by, '{id}' names nobody",
                                             id=person.id, name=person.name),
                          say("write the real person's name (a post is signed by someone real)"))
    for network in calendar.networks.values():
        if network.account in PLACEHOLDER_ACCOUNTS:
            yield Problem(network.source or calendar.source, say("{network}'s account is still '{account}', the example "
                                                        "`edcal init` wrote", network=network.name,
                                                        account=network.account),
                          say("write the company's account on {network}, or remove the network", network=network.name))


#: How many of the words without a translation a finding names.
UNTRANSLATED_SHOWN = 5


@rule("untranslated-words", "warning", "Words of the theme or the drafts have no translation into the site's "
      "language: they show in English")
def untranslated_words(ctx: CheckContext) -> Iterator[Problem]:
    if ctx.plan.untranslated is None:
        return
    words, where = ctx.plan.untranslated
    shown = ", ".join(f"'{text}'" for text in words[:UNTRANSLATED_SHOWN]) + (", …" if len(words) > UNTRANSLATED_SHOWN
                                                                              else "")
    lang = ctx.plan.lang
    code = lang.replace("_", "-").split("-")[0].lower()
    yield Problem(where, say_count(len(words), "{count} word of the theme or the drafts has no translation into "
                                   "'{lang}', and shows in English: {words}",
                                   "{count} words of the theme or the drafts have no translation into '{lang}', "
                                   "and show in English: {words}", lang=lang, words=shown),
                  say("add them to translations/{code}.yaml in your THEME_TEMPLATES_OVERRIDES folder (English text: "
                      "translation); the theme's translations/fr.yaml lists every word", code=code))


@rule("theme-copy", "warning", "THEME is a copy of edcal's theme: the fixes of a new edcal to the blog, the "
      "drafts and the planning pages do not reach the site")
def theme_copy(ctx: CheckContext) -> Iterator[Problem]:
    if ctx.plan.theme_copy is None:
        return
    theme, where = ctx.plan.theme_copy
    yield Problem(where, say("THEME is '{theme}', a copy of edcal's theme (its planning/ and drafts/ templates "
                             "are there): it comes before the theme of the edcal that builds, whose fixes to "
                             "the blog, the drafts and the planning pages do not reach the site", theme=theme),
                  say("put your changes in overrides/ and write THEME = str(edcal.themes.DEFAULT_THEME), as "
                      "edcal's docs/deployment.md says (\"Upgrading edcal in a site repository\"); a fork "
                      "kept on purpose turns this off: checks: {{theme-copy: off}}"))


@rule("theme-override", "warning", "A folder of THEME_TEMPLATES_OVERRIDES is missing, or holds files nothing "
      "reads")
def theme_override(ctx: CheckContext) -> Iterator[Problem]:
    for where, message, hint in ctx.plan.override_problems:
        yield Problem(where, message, hint)


@rule("plugin-not-installed", "warning", "A plugin of PLUGINS is not installed where the check runs: the "
      "articles are read without it")
def plugin_not_installed(ctx: CheckContext) -> Iterator[Problem]:
    for where, message, hint in ctx.plan.plugin_problems:
        yield Problem(where, message, hint)


def _online(ctx: CheckContext, article: Article) -> bool:
    """Whether the article is online with this build (dated, published, no freeze holding it; a translation
    not before its original)."""
    return article_state(article, ctx.plan.calendar, ctx.now, ctx.plan.articles_by_slug()).live


def _due_soon(ctx: CheckContext) -> Iterator[Article]:
    """The articles online already, or going online within the rule's ``within`` days (or up to
    ``--until``), that are not drafts. One going online later than this build is said as a warning
    (``early``): the error is the build's that would publish it, and a scheduled build must not stop
    on an article of next week, the articles due today with it."""
    horizon = ctx.now + dt.timedelta(days=int(ctx.options["within"]))
    if ctx.until is not None:
        horizon = max(horizon, ctx.until)
    for article in ctx.plan.articles:
        if article.status != "draft" and article.date is not None and article.date <= horizon:
            yield article


@rule("empty-article", "error", "An article online, or going online soon, has no text: nothing but headings "
      "(`## To be written`) or nothing at all", options=(Option("within", 14, timeparse.parse_days,
                                                         "How long before its publication an article is told "
                                                         "of it, as a warning (default 14 days).",
                                                         unit="days"),))
def empty_article(ctx: CheckContext) -> Iterator[Problem]:
    for article in _due_soon(ctx):
        if article.no_text:
            yield Problem(article.source,
                          say("article '{slug}' has no text, only its header and headings: its page would go online "
                              "empty, and its posts would link to it", slug=article.slug),
                          say("write its text below the header, or set `status: draft` until it is written"),
                          when=max(article.date, ctx.now), early=not _online(ctx, article))  # type: ignore[type-var]


#: A file name as Decap CMS and Jekyll write it, `2027-03-01-portes-ouvertes.md`: the date, then the slug meant.
_DATED_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-(?P<slug>[a-z0-9].*)$")


@rule("dated-slug", "warning", "An article not online yet has an address that repeats the date of its file's "
      "name, as Decap CMS names a new file")
def dated_slug(ctx: CheckContext) -> Iterator[Problem]:
    for article in ctx.plan.articles:
        dated = _DATED_NAME.match(article.slug)
        if dated is None or "slug" in article.field_sources or _online(ctx, article):
            continue  # a `slug:` written so is meant; an address online already stays
        yield Problem(article.source,
                      say("the address of article '{slug}' repeats the date of its file's name: {url}",
                          slug=article.slug, url=article.url),
                      say("write `slug: {slug}` in its header; and have your web editor name files without the "
                          "date (Decap CMS: the collection's `slug:` in its config.yml)", slug=dated.group("slug")))


@rule("implausible-date", "warning", "An article is dated before the web began (1991): a slip, or the "
      "placeholder date an import writes for none")
def implausible_date(ctx: CheckContext) -> Iterator[Problem]:
    for article in ctx.plan.articles:
        if article.date is not None and article.before_the_web:
            yield Problem(article.where("date"),
                          say("article '{slug}' is dated {date:%Y-%m-%d}, before the web ({year}): a date mistyped, "
                              "or one an import writes for none; the blog lists it so, and its default promotions "
                              "are not planned", slug=article.slug, date=article.date, year=WEB_BEGAN.year),
                          say("write the day it went online as its date, or, for an archive's true date, "
                              "silence: {{implausible-date: \"…\"}} in its header"))


@rule("quoted-title", "warning", "An article's title is between guillemets (« … »), as a title is quoted in a mail: "
      "the blog shows them around it")
def quoted_title(ctx: CheckContext) -> Iterator[Problem]:
    """Typographic quotes “…” around a title are an error at reading (a word processor's); guillemets may be
    meant (a title that is a quotation), so they are a warning, silenced in the article's header."""
    for article in ctx.plan.articles:
        title = article.title.strip()
        if len(title) >= 2 and title[0] == "«" and title[-1] == "»" and not any(c in "«»" for c in title[1:-1]):
            inner = title[1:-1].strip(" \u00a0\u202f")
            yield Problem(article.where("title"),
                          say("the title of article '{slug}' is between guillemets, {title}: the blog shows them "
                              "around it, on its page, in its lists and feeds, and its posts open with them",
                              slug=article.slug, title=title),
                          say("write the title without them, {title} (a post that quotes it adds its own); a title "
                              "that is a quotation keeps them with silence: {{quoted-title: \"…\"}} in its header",
                              title=inner) if inner else  # `Title: « »`, a template's title left unwritten
                          say("write the article's title in place of the guillemets: there is none between them"))


@rule("misread-markup", "warning", "An article's text holds markup the blog shows otherwise than the editor it "
      "was written in: a list run into a paragraph, bullets, hashtags, an image pasted as data, an empty link, "
      "the title repeated as a heading, a callout, a WordPress shortcode")
def misread_markup(ctx: CheckContext) -> Iterator[Problem]:
    """What GitHub's preview, a word processor or Obsidian showed one way and Markdown reads another: the
    writer saw a list, the blog shows a run-on paragraph. Judged, as `article-link` is, for every article
    that is or will be online, whatever its date: a page online shown wrong is a problem now."""
    for article, item in ctx.articles_on_their_way():
        when = max(article.date, ctx.now) if article.date else None
        for found in article.misread_markup:
            message, hint = _misread(found, article.slug)
            yield Problem(found.source, message, hint, item, when=when)


def _misread(found: MisreadMarkup, slug: str) -> tuple[Message, Message]:
    """What the blog shows of a misread markup, and what to write instead."""
    written = found.written
    if found.kind == "list-in-paragraph":
        return (say("the list at '{written}' in article '{slug}' follows a line of text: the blog runs it into "
                    "that paragraph, as text", written=written, slug=slug),
                say("leave a blank line before the list (GitHub's preview shows a list either way)"))
    if found.kind == "bullets" and written.startswith("–"):  # a dash: a dialogue as often as a list
        return (say("'{written}' in article '{slug}' and the lines below it open with a dash: the blog runs them "
                    "into one paragraph", written=written, slug=slug),
                say("leave a blank line between the lines to keep each on its own (a dialogue), or start each "
                    "item with '- ' for a list"))
    if found.kind == "bullets":
        return (say("'{written}' in article '{slug}' opens its lines with a word processor's bullet: no list to "
                    "Markdown, the blog runs them into one paragraph", written=written, slug=slug),
                say("start each item with '- ' (a dash and a space), after a blank line"))
    if found.kind == "paren-numbers":
        return (say("'{written}' in article '{slug}' and the lines below it are numbered with a parenthesis: GitHub's "
                    "preview shows a list, the blog runs them into one paragraph", written=written, slug=slug),
                say("number them with a dot, '1. ', '2. ', and leave a blank line before the list"))
    if found.kind == "hashtags":
        return (say("'{written}' in article '{slug}' is a line of hashtags: the blog shows it as a heading, "
                    "'{heading}'", written=written, slug=slug, heading=written.strip("# \t")),
                say("write them in the header as tags: [{tags}] (a heading takes a space after its #)",
                    tags=", ".join(tag.lstrip("#") for tag in written.split())))
    if found.kind == "data-image":
        return (say("an image is pasted into the text of article '{slug}' as data ({kind}, {size:,} kB): the page "
                    "and every feed carry it whole", slug=slug, kind=written.removeprefix("data:"),
                    size=-(-found.weight // 1000)),
                say("save it as a file in content/images/ and link it: ![what it shows]({{static}}/images/NAME.png)"))
    if found.kind == "title-heading":
        return (say("'{written}' in article '{slug}' repeats its title as the text's first heading: the page shows "
                    "the title twice, one above the other", written=written, slug=slug),
                say("delete the line: the theme shows the header's `title:` above the text"))
    if found.kind == "callout":
        marker = written[:written.index("]") + 1]  # `[!warning]`, then `-` (folded) and a title, if any
        title = written[len(marker):].lstrip("+-").strip()
        return (say("'{written}' in article '{slug}' opens a quote as an Obsidian or GitHub callout: the blog shows "
                    "'{marker}' as written, in a plain quote", written=written, slug=slug, marker=marker),
                say("write its title in bold instead: > **{title}**", title=title) if title else
                say("write the label in bold instead: > **{label}:** …", label=_callout_label(marker[2:-1])))
    if found.kind == "shortcode":
        return (say("'{written}' in article '{slug}' is a WordPress shortcode: the blog shows it as written, "
                    "brackets included", written=written, slug=slug),
                say("write in its place what it showed: the images, ![what it shows]({{static}}/images/NAME.jpg), "
                    "a video's address as a link, or delete it"))
    if found.kind == "link-without-address" and written.startswith("!"):
        return (say("'{written}' in article '{slug}' is an image without a file: a broken image on the blog",
                    written=written, slug=slug),
                say("name its file between the parentheses: ![what it shows]({{static}}/images/NAME.png)"))
    if found.kind == "link-without-address":
        return (say("'{written}' in article '{slug}' is a link without an address: on the blog, it leads back to "
                    "the page itself", written=written, slug=slug),
                say("write the address between the parentheses, or keep the words without the brackets"))
    return (say("'{written}' in article '{slug}' is a link without words: nobody sees it on the page",
                written=written, slug=slug),
            say("write the words to click between the brackets: [our catalogue](…)"))


def _callout_label(kind: str) -> Message | str:
    """The word a callout's kind (GitHub's five, Obsidian's usual ones) is written in bold in its place."""
    labels = {"note": say("Note"), "tip": say("Tip"), "important": say("Important"), "warning": say("Warning"),
              "caution": say("Caution"), "info": say("Information"), "example": say("Example"),
              "question": say("Question"), "quote": say("Quote"), "todo": say("To do"),
              "danger": say("Danger"), "success": say("Success"),
              **dict.fromkeys(("abstract", "summary", "tldr"), say("Summary"))}
    return labels.get(kind.lower(), kind.capitalize())


@rule("outside-campaign", "warning", "A post or article of a campaign goes out before it starts or after it ends")
def outside_campaign(ctx: CheckContext) -> Iterator[Problem]:
    calendar = ctx.plan.calendar
    hint = say("move it into the campaign's dates, change them, or remove `campaign:`; a teaser meant to go out "
               "before is said so with `silence: {{outside-campaign: …}}`")
    # A recurring entry: one finding per entry, its networks together, with how many of its posts are outside.
    repeated: dict[str, list[tuple[Item, dt.date]]] = defaultdict(list)
    for item in ctx.upcoming:
        if item.campaign is None or item.campaign not in calendar.campaigns or item.start is None:
            continue
        entry = ctx.entry(item) if item.kind == "post" else None
        if item.kind == "post":
            if entry is None or entry.campaign != item.campaign:
                continue  # its article's campaign: the promotion follows the article
            where = entry.field_sources.get("campaign", item.source)
        elif item.kind in ("article", "idea"):
            where = item.source
        else:
            continue
        campaign = calendar.campaigns[item.campaign]
        day = item.start.astimezone(calendar.zone).date() if isinstance(item.start, dt.datetime) else item.start
        if campaign.contains(day):
            continue
        if entry is not None and entry.kind == "repeat":
            repeated[entry.id].append((item, day))
            continue
        yield Problem(where, say("'{id}' is in campaign '{campaign}' ({first:%Y-%m-%d} to {last:%Y-%m-%d}) but goes "
                                 "out on {day:%Y-%m-%d}, {side} it", id=item.id, campaign=campaign.name,
                                 first=campaign.start, last=campaign.end, day=day,
                                 side=say("before") if day < campaign.start else say("after")),
                      _on_the_sites_days(calendar, item, day, hint), item)
    for entry_id, outside in repeated.items():
        outside.sort(key=lambda pair: (pair[0].start, pair[0].id))  # type: ignore[arg-type,return-value]
        first, day = outside[0]
        campaign = calendar.campaigns[first.campaign or ""]
        entry = ctx.entries[entry_id]
        yield Problem(entry.field_sources.get("campaign", first.source),
                      say_count(len(outside), "recurring entry '{entry}' is in campaign '{campaign}' ({first:%Y-%m-%d} "
                                "to {last:%Y-%m-%d}) but {count} of its posts goes out outside it: '{id}' "
                                "on {day:%Y-%m-%d}",
                                "recurring entry '{entry}' is in campaign '{campaign}' ({first:%Y-%m-%d} "
                                "to {last:%Y-%m-%d}) but {count} of its posts go out outside it, the first '{id}' "
                                "on {day:%Y-%m-%d}", entry=entry_id, campaign=campaign.name, first=campaign.start,
                                last=campaign.end, id=first.id, day=day),
                      _on_the_sites_days(calendar, first, day, say("give `repeat:` the campaign's dates (`from:` and "
                                                                   "`until:`), or remove `campaign:`")), first,
                      data=(("posts", len(outside)), ("items", tuple(item.id for item, _ in outside))))


def _on_the_sites_days(calendar: Calendar, item: Item, day: dt.date, hint: Message) -> Message:
    """outside-campaign's hint, for a post on an account of another zone (its network's `timezone:`) whose day
    is another there: a campaign's days are the site's, which its time written on the account's clock hides."""
    network = calendar.networks.get(item.network or "")
    if network is None or network.zone is None or not calendar.zoned(network) \
            or not isinstance(item.start, dt.datetime):
        return hint
    own = item.start.astimezone(network.zone)
    if own.date() == day:
        return hint
    return say("a campaign's days are the site's: {own:%Y-%m-%d %H:%M} on its account's clock ({clock}) is "
               "{day:%Y-%m-%d} in the site's zone; {hint}", own=own, clock=ZoneClock(network.timezone or "", own.year),
               day=day, hint=hint)


@rule("date-in-text", "warning", "A post's text names a day its weekday contradicts, or outside the key date "
      "the post is written relative to")
def date_in_text(ctx: CheckContext) -> Iterator[Problem]:
    """"mardi 18 mars" when the 18th is a Thursday; "du 16 au 19 mars" in a post written relative to a fair
    moved to the 23rd: the post followed the key date, its text did not."""
    plan = ctx.plan
    reported: set[tuple[object, ...]] = set()  # one text on four networks: one finding
    for post in ctx.posts():
        if post.start is None:
            continue
        read = []
        for text in ctx.texts(post):  # "rendez-vous mardi 18 mars" in the third reply is read too
            written = written_dates(text.text, plan.lang, plan.calendar.country)
            named = with_years(written, plan.day_of(post.start)) if written else None
            if named:
                read.append((named, text))
        # A post names the key date's days in one of its texts, another day in a reply: on purpose.
        every = [date for named, _text in read for date in named]
        for named, text in read:  # where it is written, and how a message names it: for those told only
            where, what = _text_place(ctx, post, text)
            yield from _date_problems(ctx, post, named, where, what, every, reported)


def _date_problems(ctx: CheckContext, post: Item, named: list[NamedDate], where: Source, what: Message,
                   every: list[NamedDate], reported: set[tuple[object, ...]]) -> Iterator[Problem]:
    """date-in-text's findings about the dates ``named`` in one text of a post (``what``: its text, its first
    comment, a reply), written at ``where``; ``every`` is the dates of all its texts."""
    key_dates = ctx.plan.calendar.key_dates.values()
    for date in named:
        for day in date.wrong_days:
            if ("weekday", where, date.text, day) in reported:
                continue
            reported.add(("weekday", where, date.text, day))
            # At the text that holds the date (the network's under `variants:`, the entry's, the article's
            # summary or `social:` text), as the other rules about a post's text point.
            yield Problem(where, say("{what} says '{written}', but {day:%Y-%m-%d} is a "
                                     "{weekday}", what=what, written=date.text, day=day,
                                     weekday=say(DAYS["en"][day.weekday()])),
                          say("correct the weekday or the date in the text"), post)
    tied = _key_dates_of(ctx, post)
    for date, key_date in _outside(named, tied, key_dates, every):
        if ("key-date", where, date.text, date.first, key_date.id) in reported:
            continue
        reported.add(("key-date", where, date.text, date.first, key_date.id))
        yield Problem(where, say("{what} names '{written}' ({named}), but the key date "
                                 "'{key_date}' it is written relative to is {days}: was it moved?",
                                 what=what, written=date.text, named=_days(date.first, date.last),
                                 key_date=key_date.id, days=_days(key_date.start, key_date.end)),
                      say("update the text, or say on the entry why that date is meant: "
                          "`silence: {{date-in-text: …}}`"), post)


def _text_place(ctx: CheckContext, post: Item, text: PostText) -> tuple[Source, Message]:
    """Where one of a post's texts is written, and its name in a message: its text, its first comment, a
    reply of its thread."""
    if text.part == "text":
        return ctx.words_at(post, text), say("the text of '{id}'", id=post.id)
    if text.part == "comment":
        return ctx.written_at(post, text), say("the first comment of '{id}'", id=post.id)
    return ctx.written_at(post, text), say("reply {number} of the thread of '{id}'", number=text.index + 1,
                                           id=post.id)


def _key_dates_of(ctx: CheckContext, post: Item) -> list[KeyDate]:
    """The key dates a post's day is written relative to: its `at:` (or its network's), or the `from:`
    and `until:` of its recurring entry."""
    entry = ctx.entry(post)
    if entry is None or not made_by(entry, post):
        return []
    variant = entry.variants.get(post.network or "")
    when = variant.when if variant is not None and variant.when is not None else entry.when
    names = [when.key_date] if when is not None and when.key_date else []
    names += entry.recurrence.key_dates if entry.recurrence is not None else ()
    key_dates = ctx.plan.calendar.key_dates
    return [key_dates[name] for name in dict.fromkeys(names) if name in key_dates]


def _outside(named: list[NamedDate], tied: list[KeyDate], key_dates: Iterable[KeyDate],
             every: list[NamedDate] | None = None) -> Iterator[tuple[NamedDate, KeyDate]]:
    """The dates of a text that disagree with the key dates its post is written relative to: a range across
    one's first or last day; and, when the text names none of their days, any date that is no key date's.
    A text that also names the key date's days names another day on purpose ("inscriptions avant le 10")."""
    if not tied:
        return
    named_inside = any(_inside(date, key_date) for date in (named if every is None else every)
                       for key_date in tied)
    for date in named:
        across = next((k for k in tied if date.first <= k.end and k.start <= date.last and not _inside(date, k)),
                      None)
        if across is not None:
            yield date, across
        elif not named_inside and not any(_inside(date, key_date) for key_date in key_dates):
            yield date, tied[0]


def _inside(date: NamedDate, key_date: KeyDate) -> bool:
    return key_date.start <= date.first and date.last <= key_date.end


def _days(first: dt.date, last: dt.date) -> Message:
    """A day, or days from one to another, for a message."""
    if first == last:
        return say("on {first:%Y-%m-%d}", first=first)
    return say("from {first:%Y-%m-%d} to {last:%Y-%m-%d}", first=first, last=last)


@rule("empty-campaign", "warning", "A campaign that has not ended has nothing planned in it")
def empty_campaign(ctx: CheckContext) -> Iterator[Problem]:
    calendar = ctx.plan.calendar
    today = ctx.now.astimezone(calendar.zone).date()
    planned = {item.campaign for item in ctx.plan.items if item.campaign and item.kind != "deadline"}
    for campaign in calendar.campaigns.values():
        if campaign.end < today or campaign.id in planned:
            continue
        if campaign.start == campaign.end:  # a fair's one day: not "from 20/01 to 20/01"
            message = say("campaign '{campaign}' (on {first:%Y-%m-%d}) has no post, article or idea",
                          campaign=campaign.name, first=campaign.start)
        else:
            message = say("campaign '{campaign}' ({first:%Y-%m-%d} to {last:%Y-%m-%d}) has no post, article or idea",
                          campaign=campaign.name, first=campaign.start, last=campaign.end)
        yield Problem(campaign.source, message,
                      say("plan its posts with `campaign: {id}`, or remove the campaign", id=campaign.id),
                      when=max(start_of_day(campaign.start, calendar.zone), ctx.since))


@rule("category-variant", "warning", "A category or tag written differently from the one other articles use")
def category_variant(ctx: CheckContext) -> Iterator[Problem]:
    """``category: Conseil`` beside 12 articles in "Conseils" adds a category to the menu; ``conseils``
    renames the menu's "Conseils" for the whole site (Pelican keeps one spelling per slug)."""
    items = {item.id: item for item in ctx.plan.items if item.kind == "article"}
    articles = [a for a in ctx.plan.articles if a.status != "draft" and a.is_original]
    # Compared as shown: an "é" saved as "e" and a separate accent mark (macOS, some web editors) looks the same
    # on the blog, one tag page; told apart, it was "'santé' is written differently from 'santé'".
    for field, names_of in (("category", lambda a: [_shown(a.category)] if a.category else []),
                            ("tags", lambda a: list(dict.fromkeys(_shown(tag) for tag in a.tags)))):
        counts: dict[str, int] = defaultdict(int)
        for article in articles:
            for name in set(names_of(article)):
                counts[name] += 1
        meant = _variants(counts, fuzzy=field == "category")
        for article in articles:
            own = names_of(article)
            for name in own:
                if name not in meant:
                    continue
                other = meant[name]
                item = items.get(article_item_id(article))
                kind = say("category") if field == "category" else say("tag")
                the_kind = say("the category") if field == "category" else say("the tag")  # French: l'étiquette
                others = counts[other] - (other in own)
                when = max(item.start, ctx.now) if item is not None and isinstance(item.start, dt.datetime) \
                    else ctx.now
                if others == 0:  # `tags: Éclairage, eclairage`: one tag twice, in this article only
                    yield Problem(article.where(field),
                                  say("{kind} '{name}' of '{slug}' is also written '{other}' in the same article: "
                                      "one {kind} twice", kind=kind, name=name, slug=article.slug, other=other),
                                  say("keep one of them"), item, when=when)
                    continue
                yield Problem(article.where(field),
                              say_count(others, "{the_kind} '{name}' of '{slug}' is written differently from "
                                        "'{other}', {the_kind} of {count} other article",
                                        "{the_kind} '{name}' of '{slug}' is written differently from '{other}', "
                                        "{the_kind} of {count} other articles", the_kind=the_kind, name=name,
                                        slug=article.slug, other=other),
                              say("write '{other}' (the blog shows one spelling of a {kind}), or say in the "
                                  "article's header that '{name}' is meant: `silence: {{category-variant: …}}`",
                                  other=other, kind=kind, name=name),
                              item, when=when)


@rule("translation-unpaired", "warning", "An article in another language than the site's pairs with no original "
      "of its slug")
def translation_unpaired(ctx: CheckContext) -> Iterator[Problem]:
    """``entretien-en.md`` with ``lang: en`` and no ``slug:``: Pelican pairs translations by slug, so it
    went online as an English article of its own, on the French home page and feed, promoted on the French
    accounts. Its name may say which article it translates; else the likely one shares its day or its image.
    An article meant in another language alone says so with ``silence:``."""
    plan = ctx.plan
    originals = [a for a in plan.articles if a.lang == plan.lang]
    slugs = {a.slug for a in originals}
    items = {item.id: item for item in plan.items if item.kind == "article"}
    networks = plan.calendar.networks
    for article in plan.articles:
        if article.lang == plan.lang or article.status == "draft" or article.slug in slugs:
            continue
        item = items.get(article_item_id(article))
        when = max(item.start, ctx.now) if item is not None and isinstance(item.start, dt.datetime) else ctx.now
        stem = article.source.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        lang = re.escape(article.lang.lower())
        names = {re.sub(rf"(?:[-_.]{lang}$|^{lang}[-_.])", "", name.lower()) for name in (article.slug, stem)}
        meant = sorted(name for name in names if name in slugs)
        if meant:
            yield Problem(article.where("lang"),
                          say("article '{slug}' in '{lang}' has no original of the same slug: the blog lists it as "
                              "an article of its own, beside '{meant}' in '{default}'", slug=article.slug,
                              lang=article.lang, meant=meant[0], default=plan.lang),
                          say("translations share their original's slug: write `slug: {meant}` in its header",
                              meant=meant[0]),
                          item, when=when)
            continue
        accounts = list(dict.fromkeys(
            networks[post.network].name for post in ctx.posts()
            if post.article == article.slug and post.network in networks
            and (networks[post.network].lang is None or same_language(networks[post.network].lang or "",
                                                                       plan.lang, primary=True))))
        message = say("article '{slug}' in '{lang}' pairs with no original in '{default}' (no article of the same "
                      "slug): it goes online as an article of its own on the blog", slug=article.slug,
                      lang=article.lang, default=plan.lang)
        if accounts:
            message = say("article '{slug}' in '{lang}' pairs with no original in '{default}' (no article of the "
                          "same slug): it goes online as an article of its own on the blog, and is promoted on "
                          "accounts in '{default}': {accounts}", slug=article.slug, lang=article.lang,
                          default=plan.lang, accounts=say_list(accounts))
        guess = _likely_original(article, originals)
        if guess is None:
            hint = say("if it translates an article, write that article's slug in its header, `slug: …`; if it is "
                       "an article of its own in '{lang}', say so: `silence: {{translation-unpaired: …}}`",
                       lang=article.lang)
        else:
            original, why = guess
            hint = say("if it translates '{meant}' ({why}), write `slug: {meant}` in its header; if it is an article "
                       "of its own in '{lang}', say so: `silence: {{translation-unpaired: …}}`", meant=original.slug,
                       why=why, lang=article.lang)
        yield Problem(article.where("lang"), message, hint, item, when=when)


def _likely_original(article: Article, originals: list[Article]) -> tuple[Article, Message] | None:
    """The article in the site's language that ``article`` most likely translates, and why: the same day, else the
    same image, else the title most alike (translated titles share names, figures, brands). None when none is."""
    def day(one: Article) -> dt.date | None:
        return one.date.date() if one.date is not None else None

    if article.date is not None:
        same_day = [a for a in originals if day(a) == day(article)]
        if same_day:
            same_image = [a for a in same_day if article.image and a.image == article.image]
            return (same_image or same_day)[0], say("the same date")
    if article.image:
        same_image = [a for a in originals if a.image == article.image]
        if same_image:
            return same_image[0], say("the same image")
    alike = max(originals, default=None,
                key=lambda a: difflib.SequenceMatcher(None, a.title.lower(), article.title.lower()).ratio())
    if alike is not None and difflib.SequenceMatcher(None, alike.title.lower(), article.title.lower()).ratio() >= 0.6:
        return alike, say("the title most alike")
    return None


@rule("translation-before-original", "warning", "A translation is dated before its original goes online: it "
      "waits for it")
def translation_before_original(ctx: CheckContext) -> Iterator[Problem]:
    """``pergola-acier-en.md`` dated the 10th, its French original the 19th: the English page waits for the
    French one (it would tell the original's subject early), and its date says otherwise."""
    plan = ctx.plan
    originals = plan.articles_by_slug()
    items = {item.id: item for item in plan.items if item.kind == "article"}
    zone = plan.calendar.zone
    for article in plan.articles:
        state = article_state(article, plan.calendar, ctx.now, originals)
        original = state.waits_for
        if original is None or state.live or article.date is None:
            continue
        date = article.date.astimezone(zone)
        if state.live_at is not None:
            message = say("translation '{slug}' ({lang}) is dated {date:%Y-%m-%d %H:%M}, before its original "
                          "{path} goes online ({live:%Y-%m-%d %H:%M}): it waits for it", slug=article.slug,
                          lang=article.lang, date=date, path=original.source.path,
                          live=state.live_at.astimezone(zone))
            live = state.live_at.astimezone(zone)
            hint = say("date it when its original goes online, or later: `date: {live}`",
                       live=f"{live:%Y-%m-%d %H:%M}" + (utc_offset(live) if repeated_hour(live) else ""))
        else:
            message = say("translation '{slug}' ({lang}) is dated {date:%Y-%m-%d %H:%M}, but its original {path} "
                          "is not going online: it waits for it", slug=article.slug, lang=article.lang,
                          date=date, path=original.source.path)
            hint = say("publish the original (its `status:` and `date:`), or set the translation back to "
                       "`status: draft`")
        yield Problem(article.where("date"), message, hint, items.get(article_item_id(article)),
                      when=max(article.date, ctx.now))


@rule("post-language", "warning", "A post on an account of another language is about an article with no "
      "version in it")
def post_language(ctx: CheckContext) -> Iterator[Problem]:
    """`hiring-en` on the English LinkedIn page, `article: recrutement-soudeur` in French only: English
    words, then the French title, "Lire l'article :" and the French address, without a word."""
    networks = ctx.plan.calendar.networks
    languages: dict[str, list[str]] = {}
    for article in ctx.plan.articles:
        languages.setdefault(article.slug, []).append(article.lang)
    told: set[str] = set()
    for post in ctx.posts():
        network = networks.get(post.network or "")
        if network is None or network.lang is None or post.article not in languages:
            continue
        if any(same_language(lang, network.lang, primary=True) for lang in languages[post.article]):
            continue
        told.add(post.id)
        yield Problem(post.source,
                      say("{network} post '{id}' is for readers in '{lang}', and its article '{slug}' has no "
                          "version in it: the post gives its title, summary and address in another language",
                          network=network.name, id=post.parent or post.id, lang=network.lang, slug=post.article),
                      say("translate the article (`lang: {lang}` and `slug: {slug}` in the translation's "
                          "header), or post it on another account", lang=network.lang, slug=post.article),
                      post, together=say("{network}: {posts} are for readers in '{lang}', about '{slug}', which "
                                         "has no version in it", network=network.name, posts=THE_POSTS,
                                         lang=network.lang, slug=post.article))
    yield from _shared_words(ctx, told)


def _shared_words(ctx: CheckContext, told: set[str]) -> Iterator[Problem]:
    """An entry's own `text:` or `texts:` posted on accounts of two languages: "Coming soon to the blog:",
    then the French words, on the English page, without a word. Its first post to come on each account
    whose language is not the site's is told, at the entry's text (unless told already: ``told``)."""
    networks, site_lang = ctx.plan.calendar.networks, ctx.plan.lang
    by_entry: dict[str, dict[str, Item]] = {}
    for post in ctx.posts():
        entry = ctx.entry(post)
        network = networks.get(post.network or "")
        if entry is None or network is None or _words_of(entry, network.id) != "shared" \
                or post.id in told:  # a post about an article not in its language: told once, above
            continue
        by_entry.setdefault(entry.id, {}).setdefault(network.id, post)
    for entry_id, posts in by_entry.items():
        spoken = {name: networks[name].lang or site_lang for name in posts}
        for name, post in posts.items():
            lang = spoken[name]
            other = next((n for n in posts if not same_language(spoken[n], lang, primary=True)), None)
            if networks[name].lang is None or other is None or same_language(lang, site_lang, primary=True):
                continue
            entry = ctx.entries[entry_id]
            yield Problem(entry.field_sources.get("texts") or entry.field_sources.get("text") or entry.source,
                          say("{network} post '{id}' is for readers in '{lang}', and takes the entry's own text, "
                              "which its posts on {other} take too, for readers in '{other_lang}'",
                              network=networks[name].name, id=post.id, lang=lang, other=networks[other].name,
                              other_lang=spoken[other]),
                          say("give {network} its words in its language under the entry's `variants:` "
                              "({network}: {{text: …}})", network=name), post)


@rule("text-not-adapted", "warning", "One text goes unchanged to several networks, or to an image-first network and "
      "a text-first one", options=(Option("networks", 3, parse_count, "How many networks one unchanged text may go to "
                                          "before it is reported (default 3)."),))
def text_not_adapted(ctx: CheckContext) -> Iterator[Problem]:
    """`voeux-2027`'s words on LinkedIn, Instagram, Mastodon and Bluesky alike: each network has its codes (short
    with the link on X, professional on LinkedIn, image-first on Instagram), and a text written for none of
    them fits none. Told once an entry, at its text, for its posts to come."""
    networks = ctx.plan.calendar.networks
    most = int(ctx.options["networks"])
    shared: dict[str, dict[str, Item]] = {}  # entry → network → its first post to come taking the entry's words
    for post in ctx.posts():
        entry = ctx.entry(post)
        if entry is None or post.network not in networks or _words_of(entry, post.network) != "shared":
            continue
        shared.setdefault(entry.id, {}).setdefault(post.network, post)
    for entry_id, posts in shared.items():
        names = sorted(posts, key=lambda name: list(networks).index(name))
        # Where the image or the video speaks first (`media: required`, or `video`: YouTube, TikTok).
        image_first = [name for name in names if networks[name].media in ("required", "video")]
        mixed = bool(image_first) and len(image_first) < len(names)
        if len(names) < most and not mixed:
            continue
        entry = ctx.entries[entry_id]
        shown = ", ".join(networks[name].name for name in names)
        first = min(posts.values(), key=lambda p: (as_instant(p.start), names.index(p.network or "")))  # type: ignore[arg-type]
        example = image_first[0] if mixed else names[0]
        message = (say("post '{id}' gives the same words to {count} networks ({networks}): each has its own codes, "
                       "and a text written for all fits none", id=entry_id, count=len(names), networks=shown)
                   if len(names) >= most else
                   say("post '{id}' gives the same words to {image_first}, where {shown} speaks first, and to "
                       "{others}, where the text does", id=entry_id,
                       shown=say("the video") if all(networks[n].media == "video" for n in image_first)
                       else say("the image"),
                       image_first=", ".join(networks[n].name for n in image_first),
                       others=", ".join(networks[n].name for n in names if n not in image_first)))
        yield Problem(entry.field_sources.get("text") or entry.field_sources.get("texts") or entry.source, message,
                      say("write each network its own words under `variants:` (e.g. `variants: {{{network}: "
                          "{{text: …}}}}`): short with the link on X, professional on LinkedIn, a caption for the "
                          "image on Instagram; or say why on the entry: `silence: {{text-not-adapted: …}}`",
                          network=example), first)


@rule("id-clash", "warning", "Two entries without `id:` derive the same id: reordering them swaps their events")
def id_clash(ctx: CheckContext) -> Iterator[Problem]:
    """Two "Offre du mois" are `offre-du-mois` and `offre-du-mois-2` by their place in the file: moving one
    above the other gives each the other's id, and subscribers' calendars each the other's event."""
    coming: dict[str, Item] = {}
    for item in ctx.upcoming:
        if item.parent:
            coming.setdefault(item.parent, item)
    for entry in ctx.plan.calendar.posts:
        if entry.id_shared_with is None or entry.id not in coming:
            continue
        yield Problem(entry.source,
                      say("this entry derives the id of the entry at {first}, and is '{id}' by its place in the "
                          "file: moving one above the other swaps their ids, and their events in subscribers' "
                          "calendars", first=entry.id_shared_with, id=entry.id),
                      say("give both entries an `id:` of their own"), coming[entry.id])


def _singular(name: str) -> str:
    """``Conseils`` -> ``conseil``, ``Réseaux`` -> ``reseau``: a slug without its plural mark."""
    from edcal.ids import slugify

    return "-".join(word[:-1] if len(word) > 3 and word[-1] in "sx" else word for word in slugify(name).split("-"))


def _shown(name: str) -> str:
    """A category's or tag's name as readers see it: its accents composed (NFC)."""
    return unicodedata.normalize("NFC", name)


def _variants(counts: dict[str, int], fuzzy: bool) -> dict[str, str]:
    """Each name meant as another, more used one: the same slug (letter case, accents), or, for categories,
    the same words but for a plural mark ("Conseil", "Conseils"); "Formation" and "Information" are two."""
    from edcal.ids import slugify

    meant: dict[str, str] = {}
    # The most used spelling; between two as used, the one with its accents ("Éclairage", not "eclairage"),
    # then not in capitals ("Soudure", not "SOUDURE").
    ranked = sorted(counts, key=lambda n: (-counts[n], -sum(not c.isascii() for c in n), n.isupper(), n))
    first_of_slug: dict[str, str] = {}
    for name in ranked:  # the most used spelling of a slug first
        first = first_of_slug.setdefault(slugify(name), name)
        if first != name:
            meant[name] = first
    if fuzzy:  # a few categories: each against the more used ones, singular against plural
        for index, name in enumerate(ranked):
            if name in meant:
                continue
            for other in ranked[:index]:
                if counts[other] > counts[name] and other not in meant and _singular(other) == _singular(name):
                    meant[name] = other
                    break
    return meant
