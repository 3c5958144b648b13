"""When the public site will next change by itself (``edcal next-change``).

A static site cannot publish a scheduled article on its own: CI rebuilds when
this instant has come. The public site changes by itself when a scheduled
article's date arrives, or when a freeze window holding articles back ends;
and, when the ambassadors' page is published, at midnight on the days a
suggestion starts or ends.
"""

from __future__ import annotations

import datetime as dt

from edcal.model.plan import Plan
from edcal.plan.share import share_page_changes
from edcal.plan.status import article_state


def next_change(plan: Plan, after: dt.datetime) -> dt.datetime | None:
    """The first instant strictly after ``after`` at which an article goes live."""
    moments = []
    for article in plan.articles:
        live_at = article_state(article, plan.calendar, plan.now, plan.articles_by_slug()).live_at
        if live_at is not None and live_at > after:
            moments.append(live_at)
    if plan.calendar.ambassadors.publish:  # the ambassadors' page is public too: its days begin and end
        moments += [moment for moment in share_page_changes(plan.calendar, plan.articles, plan.now)
                    if moment > after]
    return min(moments, default=None)
