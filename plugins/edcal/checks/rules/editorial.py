"""The writing side: overdue ideas and deadlines, articles still in review near their date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from edcal.checks.registry import CheckContext, Option, Problem, rule
from edcal.load import timeparse


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
    by_id = {item.id: item for item in plan.items}
    for deadline in plan.items:
        if deadline.kind != "deadline" or not isinstance(deadline.start, dt.date):
            continue
        if deadline.start >= today:
            continue
        parent = by_id.get(deadline.parent or "")
        if parent is None:
            continue
        drafting = deadline.id.endswith("-draft-due")
        pending = {"idea", "writing", "draft"} if drafting else {"idea", "writing", "draft", "review"}
        if parent.status not in pending:
            continue
        who = owners[parent.owner].name if parent.owner in owners else "nobody"
        what = "draft" if drafting else "review"
        yield Problem(deadline.source, f"the {what} of '{parent.title}' was due {deadline.start:%d/%m/%Y} "
                      f"and it is still {parent.status} (owner: {who})",
                      f"finish the {what}, or move `{'draft_due' if drafting else 'review_due'}:`",
                      parent, when=ctx.now)


@rule("review-too-late", "warning", "An article is still in review shortly before its publication",
      options=(Option("margin", 48.0, _hours, "How long before publication the review must be done (default 48 hours)."),))
def review_too_late(ctx: CheckContext) -> Iterator[Problem]:
    margin = dt.timedelta(hours=float(ctx.options["margin"]))
    zone = ctx.plan.calendar.zone
    for article in ctx.plan.items:
        if article.kind != "article" or article.status != "review" or not isinstance(article.start, dt.datetime):
            continue
        if article.start - ctx.now <= margin:
            yield Problem(article.source, f"'{article.title}' is still in review and due "
                          f"{article.start.astimezone(zone):%d/%m/%Y %H:%M}",
                          "finish the review and set `status: published`, or move its `date:`",
                          article, when=max(article.start, ctx.now))
