"""Checks: rules over the resolved plan that find what the public would otherwise find.

``run_checks(plan)`` returns findings sorted by file and line. Rules live in
the modules of :data:`RULE_MODULES`, one small function each; the site tunes
or turns them off under ``checks:`` in calendar.yaml, and an entry silences
one with ``silence: {rule-id: reason}``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from edcal.checks.registry import FIRST_NAMED, RULES, CheckContext, DataValue, Problem, Rule, Severity
from edcal.i18n import Message, say, say_count, say_list
from edcal.model.days import as_instant, start_of_day
from edcal.model.plan import Item, Plan, article_item_id, instant_key
from edcal.model.source import Source

#: When a problem happens: an instant, an all-day item's day, or nothing (an undated idea).
Instant = dt.datetime | dt.date | None
#: Every module holding rules, imported once so the registry is complete.
RULE_MODULES = ("content", "links", "rhythm", "editorial", "objectives")


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    source: Source
    item: str | None = None
    hint: str | None = None
    #: A sortable UTC key of when the problem happens: findings on one line read in date order.
    when: str = field(default="", compare=False)
    #: The period and figures of a finding about a period (cadence-gap, self-promotion, too-many-per-day)
    #: or a freeze (post-in-freeze).
    data: tuple[tuple[str, DataValue], ...] = field(default=(), compare=False)

    def sort_key(self) -> tuple[str, int, int, str, str, str, str]:
        return (self.source.path, self.source.line, self.source.column, self.rule, self.when,
                self.item or "", self.message)


def all_rules() -> dict[str, Rule]:
    for name in RULE_MODULES:
        importlib.import_module(f"edcal.checks.rules.{name}")
    return RULES


def run_checks(plan: Plan, *, since: dt.datetime | None = None, until: dt.datetime | None = None,
               only: Iterable[str] = ()) -> list[Finding]:
    """Every finding of the enabled rules on items between ``since`` (default: now) and ``until``.

    :param only: run only these rule ids.
    """
    rules = all_rules()
    start, zone = since or plan.now, plan.calendar.zone
    chosen = set(only)
    upcoming = tuple(item for item in plan.items if _in_window(item.start, start, until, True, zone))
    entries = {entry.id: entry for entry in plan.calendar.posts}
    going_out = tuple(i for i in upcoming if i.kind == "post" and i.status != "withheld")
    # A finding about an article that names no item (its summary, its links) is silenced by the article's
    # own `silence:`, found by the file it points at.
    silenced_in = {article.source.path: article.silenced for article in plan.articles if article.silenced}
    findings: list[Finding] = []
    texts_read: dict[Any, Any] = {}  # each post's texts, read once for every rule (CheckContext.texts)
    for rule in rules.values():
        if chosen and rule.id not in chosen:
            continue
        severity, options = rule_settings(plan.calendar, rule.id)
        if severity == "off":
            continue
        context = CheckContext(plan=plan, now=plan.now, since=start, options=options,
                               upcoming=upcoming, entries=entries, going_out=going_out, until=until,
                               texts_read=texts_read)
        kept: list[tuple[Problem, dt.datetime | dt.date | None]] = []
        for problem in rule.function(context):
            item = problem.item
            if item is not None and rule.id in item.silenced:
                continue
            if item is None and rule.id in silenced_in.get(problem.source.path, ()):
                continue
            when = problem.when if problem.when is not None else (item.start if item else None)
            if when is not None and not _in_window(when, start, until, False, zone):
                continue
            kept.append((problem, when))
        for problem, when, told in _told_together(kept, zone):
            said = "warning" if problem.early and severity == "error" else severity
            item_id = problem.item.id if problem.item and told is None else None
            data = problem.data if told is None else (*problem.data, *told)
            findings.append(Finding(rule.id, said, problem.message, problem.source,  # type: ignore[arg-type]
                                    item_id, problem.hint,
                                    instant_key(when, zone) if when is not None else "", data))
    return sorted(set(findings), key=Finding.sort_key)


def _told_together(found: list[tuple[Problem, Instant]], zone: ZoneInfo
                   ) -> Iterator[tuple[Problem, Instant, tuple[tuple[str, DataValue], ...] | None]]:
    """The problems of one rule, those that say the same of several posts at one line (a promotion of a
    draft: one per post) made one, as a freeze's posts are: how many, and the first few by name.

    Yields each problem, its instant, and for one told of several posts, the ``data`` it adds: ``posts``
    (how many) and ``items`` (their ids, in date order).
    """
    groups: dict[tuple[Any, ...], list[tuple[Problem, Instant]]] = {}
    for problem, when in found:
        if problem.together is None or problem.item is None:
            yield problem, when, None
            continue
        # What the posts share: the line, the problem said of them all, the hint (said of them all, where
        # each post's names it), the figures.
        hint = str(problem.together_hint or problem.hint)
        key = (problem.source, str(problem.together), hint, problem.data, problem.early)
        group = groups.setdefault(key, [])
        if all(told.item is not problem.item for told, _ in group):  # a post's text saying it twice: one post
            group.append((problem, when))
    for group in groups.values():
        if len(group) == 1:
            yield group[0][0], group[0][1], None
            continue
        group.sort(key=lambda pair: (instant_key(pair[1], zone) if pair[1] is not None else "",
                                     pair[0].item.id))  # type: ignore[union-attr]
        posts = [problem.item for problem, _ in group]
        first = [say("'{id}' ({when:%Y-%m-%d %H:%M})", id=post.id, when=post.start.astimezone(zone))  # type: ignore[union-attr]
                 if isinstance(post.start, dt.datetime) else say("'{id}'", id=post.id)  # type: ignore[union-attr]
                 for post in posts[:FIRST_NAMED]]
        named = say_list([*first, say("…")] if len(posts) > FIRST_NAMED else first)
        told = say_count(len(posts), "{count:,} post ({first})", "{count:,} posts ({first})", first=named)
        problem, when = group[0]
        together = problem.together
        assert together is not None
        said = Message(together.template, {**together.values, "posts": told}, together.forms)
        problem = dataclasses.replace(problem, message=said, hint=problem.together_hint or problem.hint)
        yield problem, when, (("posts", len(posts)), ("items", tuple(post.id for post in posts)))  # type: ignore[union-attr]


def rule_settings(calendar: Any, rule_id: str) -> tuple[str, dict[str, Any]]:
    """How the site runs a rule: its severity (or "off") and its options, defaults overridden by
    calendar.yaml's ``checks:``. Checks, plan.json and the planning page all read it here."""
    rule = all_rules()[rule_id]
    options = {option.name: option.default for option in rule.options}
    configured = calendar.checks.get(rule_id)
    if configured is None:
        return rule.severity, options
    options.update(configured.options)
    return configured.severity, options


def cadence_horizon(calendar: Any) -> int | None:
    """How many days ahead cadence-gap looks on this site; None when it is off."""
    severity, options = rule_settings(calendar, "cadence-gap")
    return None if severity == "off" else int(options["horizon"])


def lookback(calendar: Any) -> dt.timedelta:
    """How far before "now" a check needs the posts' texts: duplicate-text compares with posts already out."""
    severity, options = rule_settings(calendar, "duplicate-text")
    return dt.timedelta() if severity == "off" else dt.timedelta(days=int(options["window"]))


def _in_window(start: dt.datetime | dt.date | None, since: dt.datetime, until: dt.datetime | None,
               undated: bool, zone: ZoneInfo) -> bool:
    if start is None:
        return undated
    if isinstance(start, dt.datetime):
        instant = as_instant(start)  # the other sides need not be: two zones compare as instants
        return instant >= since and (until is None or instant < until)
    # An all-day item is in the window if its day is: from its first instant to the next day's, in the zone.
    day_start = start_of_day(start, zone)
    return start_of_day(start + dt.timedelta(days=1), zone) > since and (until is None or day_start < until)


def count(findings: Iterable[Finding]) -> tuple[int, int]:
    """(errors, warnings)."""
    found = list(findings)
    errors = sum(1 for f in found if f.severity == "error")
    return errors, len(found) - errors


def items_with(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings by item id (the review page shows them beside each draft); one about several posts of an entry
    (``data``'s ``items``) beside each of them."""
    result: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.item:
            result.setdefault(finding.item, []).append(finding)
        elif finding.data:
            items = dict(finding.data).get("items")
            for item_id in items if isinstance(items, tuple) else ():
                result.setdefault(str(item_id), []).append(finding)
    return result


def articles_with(findings: Iterable[Finding], plan: Plan) -> dict[str, list[Finding]]:
    """Findings about an article, by its item id (``article-<slug>``; a translation's ends with its language):
    those on its item (its image, its review, its due dates) and those on no item that point into its file
    (its text, its summary, its tags). A finding on a post is the post's, even in the article's file (a
    default promotion's), and so is one about several posts (``data``'s ``items``: their ``social:`` text).
    The drafts review shows them on the cards of the posts about the article."""
    kinds = {item.id: item.kind for item in plan.items}
    files = {article.source.path: article_item_id(article) for article in plan.articles}
    result: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.item is None and "items" in dict(finding.data):
            continue  # on the posts' cards already (items_with)
        if finding.item is None:
            article = files.get(finding.source.path)
        else:
            article = finding.item if kinds.get(finding.item) == "article" else None
        if article is not None:
            result.setdefault(article, []).append(finding)
    return result


__all__ = ["RULES", "Finding", "Item", "all_rules", "articles_with", "count", "items_with", "run_checks"]
