"""When the public site will next change by itself (``edcal next-change``).

A static site cannot publish a scheduled article on its own: CI rebuilds when
this instant has come. The public site changes by itself when a scheduled
article's date arrives, or when a freeze window holding articles back ends;
when a post that shows an image of content/ goes out (the image is kept out
of output/ until then); and, when the ambassadors' page is published, at
midnight on the days a suggestion starts or ends; with ``link_in_bio:``, when a post its page lists goes
out. Published feeds and
planning pages add theirs (:func:`edcal.plan.feeds.changes`, in
``edcal next-change``).
"""

from __future__ import annotations

import datetime as dt

from edcal.model.article import content_path
from edcal.model.days import as_instant
from edcal.model.plan import Plan
from edcal.plan.link_in_bio import link_in_bio_changes
from edcal.plan.share import share_page_changes
from edcal.plan.status import article_files, article_state, images_kept_until

#: Before any moment: an article online with no date of its own.
_ALWAYS = dt.datetime.min.replace(tzinfo=dt.UTC)


def next_change(plan: Plan, after: dt.datetime) -> dt.datetime | None:
    """The first instant strictly after ``after`` at which the blog changes by itself."""
    moments = []
    # An image of content/ is kept out of output/ while content not online shows it (an article to come, a
    # post not gone out), unless online content shows it (pelican_plugin.publish.keep_public_static).
    articles_show: dict[str, list[dt.datetime | None]] = {}  # each article's moment online (None: never)
    posts_show: dict[str, list[dt.datetime | None]] = {}  # each post's (:func:`images_kept_until`)
    for article in plan.articles:
        state = article_state(article, plan.calendar, plan.now, plan.articles_by_slug())
        if state.live_at is not None and as_instant(state.live_at) > as_instant(after):
            moments.append(state.live_at)
        live_at = state.live_at or (_ALWAYS if state.live else None)
        for path in article_files(article, plan.site_url):  # as the build finds them, addresses too
            articles_show.setdefault(path, []).append(live_at)
    for item in plan.items:
        for path in (path for m in item.media for path in m.files()) if item.kind == "post" else ():
            posts_show.setdefault(content_path(path), []).append(images_kept_until(item))
    for key in articles_show.keys() | posts_show.keys():
        if "://" in key:
            continue
        if key in articles_show:  # online with the first article to go online (never, if none does by itself)
            known = [moment for moment in articles_show[key] if moment is not None]
            public = min(known, key=as_instant, default=None)
        else:  # with the last post to go out (never: while a draft or a withheld post shows it)
            shown = posts_show[key]
            public = None if None in shown else max((m for m in shown if m is not None), key=as_instant)
        if public is not None and as_instant(public) > as_instant(after):
            moments.append(public)
    if plan.calendar.ambassadors.publish:  # the ambassadors' page is public too: its days begin and end
        moments += [moment for moment in share_page_changes(plan.calendar, plan.articles, plan.now)
                    if as_instant(moment) > as_instant(after)]
    # The link-in-bio page gets a post's link when it goes out.
    moments += [moment for moment in link_in_bio_changes(plan) if as_instant(moment) > as_instant(after)]
    return min(moments, key=as_instant, default=None)
