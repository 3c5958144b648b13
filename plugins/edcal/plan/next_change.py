"""When the public site will next change by itself (``edcal next-change``).

A static site cannot publish a scheduled article on its own: CI rebuilds when
this instant has come. The public site changes by itself when a scheduled
article's date arrives, or when a freeze window holding articles back ends;
when a post that shows an image of content/ goes out (the image is kept out
of output/ until then); and, when the ambassadors' page is published, at
midnight on the days a suggestion starts or ends. Published feeds and
planning pages add theirs (:func:`edcal.outputs.ics.changes`, in
``edcal next-change``).
"""

from __future__ import annotations

import datetime as dt

from edcal.model.article import content_path
from edcal.model.plan import Plan
from edcal.plan.share import share_page_changes
from edcal.plan.status import article_state

#: Before any moment: an article online with no date of its own.
_ALWAYS = dt.datetime.min.replace(tzinfo=dt.UTC)


def next_change(plan: Plan, after: dt.datetime) -> dt.datetime | None:
    """The first instant strictly after ``after`` at which the blog changes by itself."""
    moments = []
    articles_show: dict[str, dt.datetime] = {}  # an image of content/: the first article to show it, online
    posts_show: dict[str, dt.datetime | None] = {}  # the last post to show it going out (None: never)
    for article in plan.articles:
        state = article_state(article, plan.calendar, plan.now, plan.articles_by_slug())
        if state.live_at is not None and state.live_at > after:
            moments.append(state.live_at)
        live_at = state.live_at or (_ALWAYS if state.live else None)
        if live_at is None:
            continue
        for path in [*([article.image] if article.image else []), *(f.target for f in article.linked_files)]:
            key = content_path(path)
            articles_show[key] = min(live_at, articles_show.get(key, live_at))
    # An image posts show is kept out of output/ until every one of them has gone out
    # (pelican_plugin.worker.unpublished_media), or an online article shows it.
    for item in plan.items:
        for media in item.media if item.kind == "post" else ():
            key = content_path(media.path)
            start = item.start
            out = start if isinstance(start, dt.datetime) and item.status in ("scheduled", "published") \
                else None  # a draft, a post a freeze withholds: not yet
            last = posts_show.get(key, out)
            posts_show[key] = None if out is None or last is None else max(out, last)
    for key in articles_show.keys() | posts_show.keys():
        known = [m for m in (articles_show.get(key), posts_show.get(key)) if m is not None]
        if known and "://" not in key and min(known) > after:
            moments.append(min(known))
    if plan.calendar.ambassadors.publish:  # the ambassadors' page is public too: its days begin and end
        moments += [moment for moment in share_page_changes(plan.calendar, plan.articles, plan.now)
                    if moment > after]
    return min(moments, default=None)
