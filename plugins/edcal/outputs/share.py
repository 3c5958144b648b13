"""The ambassadors' page: what staff may share from their own accounts, with words per network.

``planning/share/index.html`` stands alone, with its own copy of the assets and
images: it holds only what is online, so a site can hand that folder to every
employee (or publish it with ``ambassadors: publish:``) without the rest of
the planning site. Each suggestion has its words for each network, counted as
the network counts them, a button to copy them and a link to the network's
share form. ``share/feed.atom`` is the same as an Atom feed, for a feed reader
or a team chat's connector.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from feedgenerator import Atom1Feed
from markupsafe import escape

from edcal.i18n import Message, say, translator
from edcal.model.calendar import Calendar, FreezeWindow
from edcal.model.days import as_instant, start_of_day
from edcal.model.plan import Plan, ShareText
from edcal.outputs._files import write_file
from edcal.outputs.context import OutputContext
from edcal.outputs.pages import copy_assets, copy_media, environment, freeze_described
from edcal.plan.share import page_networks
from edcal.plan.status import LIFTED_DAYS

#: The page's folder in planning/ (and what ``ambassadors: publish:`` copies).
SHARE_FOLDER = "share"
FILENAME = f"{SHARE_FOLDER}/index.html"
#: The page as an Atom feed: a team chat's feed connector (Teams, Slack, Mattermost) tells staff what is new.
FEED_FILENAME = f"{SHARE_FOLDER}/feed.atom"


def write(context: OutputContext, folder: Path) -> list[str]:
    plan = context.plan
    target = folder / SHARE_FOLDER
    shares = plan.sharing.shares
    media = copy_media([s.image for s in shares if s.image], context, target)
    copy_assets(context, target)
    zone, translate = plan.calendar.zone, translator(plan.lang)
    # The networks the page has words for, in the order they first appear: the filter's choices.
    networks = dict.fromkeys((t.network, t.network_name) for s in shares for t in s.texts)
    html = environment(context).get_template("share.html.j2").render(
        plan=plan, shares=shares, paused=plan.sharing.paused, frozen=plan.sharing.frozen, media=media,
        # The feed's "Sharing resumed" entries: staff who read here that sharing was paused read it is back.
        resumed=[(heading, text) for _since, heading, text, _key in _resumed_entries(plan, translate)],
        # Published in the blog (`ambassadors: publish:`), the page is public: a crisis's reason stays with
        # the team (the feeds, the planning pages), and the page says only that posts are paused.
        public=bool(plan.calendar.ambassadors.publish),
        networks=list(networks),
        online={s.id: s.online.astimezone(zone).date() for s in shares if s.online},
        link_apart=link_apart,
    )
    write_file(folder / FILENAME, html)
    write_file(folder / FEED_FILENAME, atom_feed(plan, page_address(plan)))
    return []


def link_apart(words: ShareText) -> Message | None:
    """What a card, and the feed's entry, says of the link its words cannot carry, given after it: where
    to put it (a story's link sticker or the profile's link; a pin's own field). None where they carry it."""
    if words.link_apart == "bio":
        return say("{network} makes no link in a caption clickable, so the text has none: put this address "
                   "in a link sticker of your story, or in your profile's link (then write “link in bio”):",
                   network=words.network_name)
    if words.link_apart == "field":
        return say("Link for its own field:")
    return None


def page_address(plan: Plan) -> str | None:
    """Where staff open the page: in the blog when it is published there, else in the served planning site."""
    calendar = plan.calendar
    if calendar.ambassadors.publish and plan.site_url:
        return f"{plan.site_url.rstrip('/')}/{calendar.ambassadors.publish}/"
    if calendar.planning.url:
        return f"{calendar.planning.url}{SHARE_FOLDER}/"
    return None


class _PinnedAtomFeed(Atom1Feed):
    """An Atom feed whose ``updated`` is pinned when it has no entry (feedgenerator takes the clock)."""

    def __init__(self, *args: Any, pinned: dt.datetime, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.pinned = pinned

    def latest_post_date(self) -> dt.datetime:
        return super().latest_post_date() if self.items else self.pinned


def atom_feed(plan: Plan, page: str | None) -> str:
    """One entry per suggestion, newest first, dated from when it is suggested (deterministic: the
    later of the article's going online and the suggestion's ``from``, else the build's
    SOURCE_DATE_EPOCH); ids are the page's address and the suggestion's, or a URN without one."""
    translate = translator(plan.lang)
    zone = plan.calendar.zone
    name = plan.site_name or translate("Editorial plan")
    base = page or (f"{plan.site_url}/" if plan.site_url.startswith(("https://", "http://")) else None)
    title = f"{translate('Ready to share')} · {name}"
    feed = _PinnedAtomFeed(title=title, link=page or base or "urn:edcal:share",
                           description="", language=plan.lang, feed_url=f"{page}feed.atom" if page else None,
                           feed_guid=f"{base}#share" if base else "urn:edcal:share", author_name=name,
                           pinned=plan.generated_at)
    entries = []
    for since, heading, text, key in _pause_entries(plan, translate):
        feed.add_item(title=heading, link=page or base or "urn:edcal:share", description=text,
                      content=f"<p>{escape(text)}</p>", pubdate=since, updateddate=since,
                      unique_id=f"{base or 'urn:edcal:share'}#paused-{key}")
    for since, heading, text, key in _resumed_entries(plan, translate):
        feed.add_item(title=heading, link=page or base or "urn:edcal:share", description=text,
                      content=f"<p>{escape(text)}</p>", pubdate=since, updateddate=since,
                      unique_id=f"{base or 'urn:edcal:share'}#resumed-{key}")
    for share in plan.sharing.shares:
        first_day = start_of_day(share.start, zone) if share.start else None
        dates = [day for day in (share.online, first_day) if day]
        since = max(dates, key=as_instant, default=plan.generated_at)
        words = "".join(f"<h2>{escape(t.network_name)}</h2><p>{escape(t.pasted)}</p>".replace("\n", "<br>")
                        + _link_apart_html(t, translate) for t in share.texts)
        entries.append((since, share, f"<p>{escape(share.summary)}</p>{words}" if share.summary else words))
    newest_first = sorted(entries, key=lambda entry: (as_instant(entry[0]), entry[1].id), reverse=True)
    for since, share, content in newest_first:
        # A page with no summary (a job offer) is told by its first words, so that a chat shows something.
        summary = share.summary or (share.texts[0].pasted if share.texts else "")
        feed.add_item(title=share.title, link=f"{page}#share-{share.id}" if page else share.url,
                      description=summary, content=content, pubdate=since, updateddate=since,
                      unique_id=f"{base}#share-{share.id}" if base else f"urn:edcal:share:{share.id}")
    return feed.writeString("utf-8")


def _pause_entries(plan: Plan, translate: Callable[[str], str]) -> list[tuple[dt.datetime, str, str, str]]:
    """The feed's notices of the freezes in force, as the page says them (without the reason once the page
    is public), with what staff must do: a team chat's connector announces new entries only, and an empty
    feed (or entries without a network's words) would leave staff sharing what it announced before. Each is
    (date, title, text, key of its id): dated, and identified, by the freeze's start (and its networks), so
    that a later freeze is announced anew."""
    sharing, zone, public = plan.sharing, plan.calendar.zone, bool(plan.calendar.ambassadors.publish)
    if sharing.paused is not None and sharing.paused_since is not None:  # every network
        said = translate("Nothing to share for now: the company has paused its posts.") if public else \
            translate("Nothing to share for now: the company has paused its posts ({reason}).").format(
                reason=sharing.paused)
        advice = translate("Until further notice, do not share the company's content from your own accounts, "
                           "not even what was suggested before.")
        since = sharing.paused_since.astimezone(zone)
        return [(since, translate("Sharing paused"), f"{said} {advice}", f"{since:%Y%m%dT%H%M}")]
    entries = []
    for start, ids, names, reason in sharing.paused_networks:
        said = translate("Nothing to share on {network} for now: the company has paused its posts there.") \
            .format(network=names) if public else translate(
                "Nothing to share on {network} for now: the company has paused its posts there ({reason}).") \
            .format(network=names, reason=reason)
        advice = translate("Until further notice, do not share the company's content on {networks} from your "
                           "own accounts, not even what was suggested before.").format(networks=names)
        since = start.astimezone(zone)
        entries.append((since, translate("Sharing paused on {networks}").format(networks=names),
                        f"{said} {advice}", f"{since:%Y%m%dT%H%M}-{'-'.join(ids)}"))
    return entries


def _resumed_entries(plan: Plan, translate: Callable[[str], str]) -> list[tuple[dt.datetime, str, str, str]]:
    """The feed's word that sharing is back, for :data:`LIFTED_DAYS` after a freeze ends (as the planning
    pages' "Freeze lifted" notice): staff were told to share nothing, not even what was suggested before,
    and a team chat announces new entries only, so the suggestions coming back said nothing. Dated from its
    end, newest first, identified as its "Sharing paused" entry (its start and networks); none for the
    networks a freeze still holds (their own "Sharing paused" entry says so), nor for those the page suggests
    nothing on (:func:`page_networks`: none was paused). Never its reason."""
    calendar, zone, now = plan.calendar, plan.calendar.zone, as_instant(plan.now)
    if plan.sharing.paused is not None:  # a freeze of every network in force: nothing is back
        return []
    frozen_now = [window for window in calendar.freezes if window.covers(plan.now)]
    shared = page_networks(calendar.ambassadors)
    still = {n for window in frozen_now for n in window.networks or () if n in shared}
    entries = []
    for window in calendar.freezes:
        end = window.end
        if end is None or not (as_instant(end) <= now < as_instant(end + dt.timedelta(days=LIFTED_DAYS))):
            continue
        notice = freeze_described(plan, window, [])
        since = window.start.astimezone(zone)
        if window.networks is None:
            text = translate("The pause from {start} until {end} is over: what this page suggests may be "
                             "shared again from your own accounts.")
            text = text.format(start=notice.since, end=notice.until)
            if still:
                names = ", ".join(sorted({_network_name(calendar, w, n)
                                          for w in frozen_now for n in w.networks or () if n in shared}))
                still_paused = translate("Posts are still paused on {networks}: do not share there yet.")
                text += " " + still_paused.format(networks=names)
            entries.append((end.astimezone(zone), translate("Sharing resumed"), text, f"{since:%Y%m%dT%H%M}"))
            continue
        back = sorted((window.networks & shared.keys()) - still)
        if not back:
            continue
        names = ", ".join(_network_name(calendar, window, n) for n in back)
        text = translate("The pause on {networks} from {start} until {end} is over: what this page suggests "
                         "may be shared there again from your own accounts.").format(
            networks=names, start=notice.since, end=notice.until)
        heading = translate("Sharing resumed on {networks}").format(networks=names)
        entries.append((end.astimezone(zone), heading,
                        text, f"{since:%Y%m%dT%H%M}-{'-'.join(sorted(window.networks))}"))
    return sorted(entries, key=lambda entry: as_instant(entry[0]), reverse=True)


def _network_name(calendar: Calendar, window: FreezeWindow, network: str) -> str:
    """A frozen network's name, as a freeze's notice gives it (one the company does not post on too)."""
    known = calendar.networks.get(network)
    return window.network_names.get(network, known.name if known is not None else network)


def _link_apart_html(words: ShareText, translate: Callable[[str], str]) -> str:
    """The link Instagram's or TikTok's words leave out, and where to put it, as the page's cards give it."""
    said = link_apart(words)
    if said is None:
        return ""
    link = escape(words.url)
    return f'<p>{escape(said.translated(translate))} <a href="{link}">{link}</a></p>'
