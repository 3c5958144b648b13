"""HTML pages of the planning site: one Jinja environment, escaping on, the site's language.

Templates live in the theme's ``planning/`` folder (overridable like draft
templates). Post texts become HTML here, escaped first, with line breaks,
hashtags, mentions and links shown the way networks show them.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import json
import re
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup, escape

from edcal.addresses import is_site_url
from edcal.dates import iso_stamp
from edcal.i18n import (
    MONTHS,
    SINGULAR,
    Message,
    clock_time,
    day_and_time,
    day_of_week,
    language,
    long_date,
    month_name,
    number,
    same_language,
    say_cadence,
    say_duration,
    translated,
    translator,
    typeset,
)
from edcal.model.article import content_path
from edcal.model.calendar import FreezeWindow, untracked
from edcal.model.days import as_instant, start_of_day
from edcal.model.network import Objective
from edcal.model.plan import Item, Plan, passed, status_word
from edcal.networks.counting import RULE_DESCRIPTIONS
from edcal.outputs._format import MEDIA_FOLDER
from edcal.outputs.context import OutputContext
from edcal.plan.absences import Cover, cover_mark
from edcal.plan.moves import by_weeks, way_back, weeks_to_come, withheld_ways
from edcal.plan.report import LOG_WORDS, first_logged_month, log_said, unconfirmed
from edcal.plan.status import (
    posts_by_network,
    said_by_network,
    withheld_and_past,
    withheld_by_each_freeze,
)
from edcal.template_cache import cached
from edcal.zones import zone_time

PLANNING_FOLDER = "planning"
#: The month pages of the agenda and of the drafts review, in planning/.
AGENDA_FOLDER = "agenda"
REVIEW_FOLDER = "drafts"
_TOKEN = re.compile(r"(https?://[^\s<>\"]+[^\s<>\".,;:!?)\]'…»])|((?<![\w#&])#\w+)|((?<![\w@])@[\w.]+(?:@[\w-]+(?:\.[\w-]+)+)?)")


def shown_title(item: Item, plan: Plan) -> str:
    """An item's title as the feeds (SUMMARY) and the planning pages show it: with French spacing
    (:func:`edcal.i18n.typeset`) when it is French, as the blog and the drafts space it, so that
    "Salon Industrie : J-7" never breaks before its colon. An item about an article is in that
    article's language (an English translation's title is left as typed), any other in the site's
    (a post's `link:` to a translation too: its title is the team's words, unlike its text). The
    title itself (plan.json, drafts, lengths) is not changed."""
    return french_title(item.title, title_language(item, plan))


def title_language(item: Item, plan: Plan, untitled: frozenset[str] = frozenset()) -> str:
    """The language of an item's title as :func:`shown_title` gives it: its article's (a translation's),
    else, for a post of an entry in ``untitled`` (ids of entries without ``title:``, whose posts take their
    first words as title), its text's; else the site's."""
    article = plan.article_of(item) if item.article else None
    if article is None and item.kind == "post" and item.parent in untitled:
        return plan.language_of(item)
    return (article.lang if article else None) or plan.lang


def text_language(item: Item, plan: Plan) -> str:
    """The language of what an item says: a post's text its account's (:meth:`Plan.language_of`), an
    article's summary its own; else the site's."""
    if item.kind == "post":
        return plan.language_of(item)
    article = plan.article_of(item) if item.kind == "article" else None
    return (article.lang if article else None) or plan.lang


def other_language(lang: str | None, page_lang: str) -> str | None:
    """``lang`` as a BCP 47 tag when it is another language than the page's (``fr`` on an English page),
    else None (``en`` on an ``en-GB`` page: one language)."""
    if not lang or same_language(lang, page_lang, primary=True):
        return None
    return lang.replace("_", "-")


def lang_attribute(lang: str | None, page_lang: str) -> Markup:
    """`` lang="fr"`` for words in another language than the page's (a French account's post on an English
    site's planning page), so that a screen reader speaks them in theirs; nothing in the page's own."""
    other = other_language(lang, page_lang)
    return Markup(' lang="{}"').format(other) if other else Markup("")


def french_title(title: str, lang: str | None) -> str:
    """``title`` with French spacing when ``lang`` is French, as typed otherwise."""
    return typeset(title, "fr") if (lang or "").startswith("fr") else title


def shown_cover(cover: Cover | None, lang: str) -> str | None:
    """What marks a post a stand-in covers on the planning pages, for whom ("[pour Malik Haddad]",
    :func:`edcal.plan.absences.cover_mark`); the agenda's items and the drafts' cards hide it until the person
    filter is on the stand-in (planning.js). None for a post nobody covers."""
    return None if cover is None else french_title(cover_mark(cover.person.name, lang), lang)


@dataclass(frozen=True, slots=True)
class FreezeNotice:
    """A freeze as a planning page tells of it: in force (or to come), since and until when, why, on which
    networks, and the posts to come it withholds, which get no draft."""

    window: FreezeWindow
    in_force: bool
    #: When it starts and ends, in words ("mardi 12 janvier 2027 à 09:40"); ``until`` "" until further notice.
    since: str
    until: str
    #: The frozen networks' names, "" for every network.
    networks: str
    #: The posts to come it withholds (in the month, on a month's page), and how many on each network.
    posts: int
    by_network: Message
    #: The first posts to come it withholds, as a scheduler lists them (a day and time, the network, the
    #: title), and the name ``edcal move`` takes that moves the post alone (:func:`withheld_ways`; "" where
    #: none does): those a scheduler given them before the freeze would still post. Not on a month's page.
    first: tuple[tuple[str, str, str, str], ...] = ()
    #: A freeze over in the last :data:`LIFTED_DAYS` days: ``posts`` are those it withheld, whose time has
    #: passed and that did not go out (the way back: move those that must still go out).
    lifted: bool = False
    #: For each of ``first``, how it can go out later (:func:`withheld_ways`: a promotion, and a series' day
    #: other networks post on, are written as posts of their own); a lifted freeze's, with the command that
    #: sends it ("" where none does, and in a notice of a freeze not lifted).
    ways: tuple[tuple[str, str], ...] = ()
    #: A lifted freeze's ``edcal move --withheld --by …`` for its one-off posts, and how many they are; ""
    #: when none is one (a series' days, promotions: it would move none of them).
    all_of_them: str = ""
    one_off: int = 0


#: How many of the posts a freeze withholds its notice lists, the first to come.
FREEZE_LISTED = 10


class UpcomingPosts:
    """The plan's posts to come, by instant, found once for every month's page (a plan of 10,000 posts and
    five years of pages filtered them again for each)."""

    def __init__(self, plan: Plan) -> None:
        now = plan.now.timestamp()  # instants: the wall clock repeats an hour each autumn
        timed = sorted(((item.start.timestamp(), item) for item in plan.items
                        if item.kind == "post" and isinstance(item.start, dt.datetime)
                        and item.start.timestamp() >= now), key=lambda pair: pair[0])
        self.stamps = [stamp for stamp, _item in timed]
        self.posts = [item for _stamp, item in timed]

    def between(self, first: dt.datetime | None = None, after: dt.datetime | None = None) -> list[Item]:
        """The posts from ``first`` (included) to ``after`` (excluded); all of them without bounds."""
        low = 0 if first is None else bisect.bisect_left(self.stamps, first.timestamp())
        high = len(self.posts) if after is None else bisect.bisect_left(self.stamps, after.timestamp())
        return self.posts[low:high]


def freeze_notices(plan: Plan, month: dt.date | None = None, coming: bool = True,
                   upcoming_posts: UpcomingPosts | None = None) -> list[FreezeNotice]:
    """The freezes in force at the plan's "now", and those to come that withhold posts (unless not ``coming``:
    the calendar hatches those); on a month's page (``month``, its first day), those that cover part of that
    month, with the posts they withhold in it; elsewhere, those that ended in the last :data:`LIFTED_DAYS`
    days too, with the posts they withheld. ``upcoming_posts``: the plan's, when a caller has them."""
    zone = plan.calendar.zone
    if not plan.calendar.freezes:
        return []
    found = upcoming_posts or UpcomingPosts(plan)
    if month is not None:
        first = start_of_day(month, zone)
        after = start_of_day((month + dt.timedelta(days=31)).replace(day=1), zone)
        upcoming = found.between(first, after)
    else:
        upcoming = found.between()
    # Each freeze counts the posts of its own window, as its feed event does, though another holds them first.
    held = {id(window): posts for window, posts in withheld_by_each_freeze(plan.calendar, upcoming)}
    notices = []
    now = as_instant(plan.now)
    for window in plan.calendar.freezes:
        posts = held.get(id(window), [])
        in_force = window.covers(plan.now)
        if (window.end is not None and as_instant(window.end) <= now) or not (in_force or (coming and posts)):
            continue
        if month is not None and not (window.start < after and (window.end is None or window.end > first)):
            continue
        notices.append(_notice(plan, window, posts, in_force, listed=month is None))
    if month is None:  # a freeze just lifted: what it withheld did not go out
        notices += [_lifted_notice(plan, window, posts)
                    for window, posts in withheld_and_past(plan.calendar, plan.items, plan.now, each=True)]
    # In force first, then those just lifted, then those to come, each in the file's order.
    return sorted(notices, key=lambda notice: 0 if notice.in_force else 1 if notice.lifted else 2)


def _notice(plan: Plan, window: FreezeWindow, posts: list[Item], in_force: bool, listed: bool,
            lifted: bool = False) -> FreezeNotice:
    """A freeze's notice: its moments and networks in words, the posts it withholds counted (and the first
    of them ``listed``)."""
    zone, translate, names = plan.calendar.zone, translator(plan.lang), plan.calendar.networks
    frozen = sorted(window.networks) if window.networks is not None else []
    shown = posts[:FREEZE_LISTED] if listed else []
    ways = withheld_ways(plan, shown)
    return FreezeNotice(
        window, in_force, _moment(window.start.astimezone(zone), plan.lang, translate, end=False),
        _moment(window.end.astimezone(zone), plan.lang, translate, end=True) if window.end else "",
        ", ".join(window.network_names.get(n, names[n].name if n in names else n) for n in frozen),
        len(posts), said_by_network(posts_by_network(posts), plan.calendar),
        tuple(_listed(plan, post, ways[post.id][1]) for post in shown), lifted,
        tuple((ways[post.id][0], "") for post in shown))


def _lifted_notice(plan: Plan, window: FreezeWindow, posts: list[Item]) -> FreezeNotice:
    """A lifted freeze's notice: what it withheld whose time passed, each listed with the command that still
    sends it (whole weeks for a one-off post: its weekday and slot kept), and the one that sends them all
    when some would move."""
    notice = _notice(plan, window, posts, False, listed=True, lifted=True)
    ways = []
    listed = zip(posts, notice.ways, notice.first, strict=False)  # the first of ``posts``
    for post, (way, _none), (_when, _network, _title, name) in listed:
        command = (f"edcal move {name} --by {by_weeks(weeks_to_come(plan, [post]))}" if way == "post"
                   else f"edcal move {name} --to" if way == "series" else "")
        ways.append((way, command))
    one_off = [post for post in posts if way_back(plan, post) == "post"]
    all_of_them = f"edcal move --withheld --by {by_weeks(weeks_to_come(plan, one_off))}" if one_off else ""
    return dataclasses.replace(notice, ways=tuple(ways), all_of_them=all_of_them, one_off=len(one_off))


def freeze_described(plan: Plan, window: FreezeWindow, posts: list[Item]) -> FreezeNotice:
    """A freeze as its feed event describes it: its notice, with ``posts`` (every post it withholds, whatever
    "now" is: the event must not change by itself) counted and the first of them listed."""
    return _notice(plan, window, posts, False, listed=True)


def _listed(plan: Plan, post: Item, name: str | None) -> tuple[str, str, str, str]:
    """A withheld post as a freeze's notice lists it: "jeudi 14 janvier 2027 09:00", "LinkedIn", its title,
    and the name ``edcal move`` takes to move it alone ("astuce-du-jeudi-20270114"; "" where none does)."""
    network = plan.calendar.networks.get(post.network or "")
    assert isinstance(post.start, dt.datetime)  # a post's time
    return (day_and_time(post.start.astimezone(plan.calendar.zone), plan.lang),
            network.name if network else post.network or "", shown_title(post, plan), name or "")


def _moment(instant: dt.datetime, lang: str, translate: Callable[[str], str], end: bool) -> str:
    """"mardi 12 janvier 2027 à 09:40"; a day alone at midnight: a start's day, or an end's day before it,
    included (``until: 2027-01-01`` ends as 2 January begins)."""
    if (instant.hour, instant.minute, instant.second) != (0, 0, 0):
        return translate("{day} at {time}").format(day=long_date(instant.date(), lang),
                                                   time=clock_time(instant, lang))
    if not end:
        return long_date(instant.date(), lang)
    return translate("{day} (included)").format(day=long_date(instant.date() - dt.timedelta(days=1), lang))


#: The checks that judge an objective: their findings are shown beside it.
OBJECTIVE_RULES = ("objective-missed", "objective-stale", "objective-unmeasured", "measured-in-future")


def objective_alerts(findings: tuple[Any, ...]) -> dict[tuple[str, str], list[Any]]:
    """What the checks say of each objective, by what it is the objective of: ("campaign", id) or
    ("network", id). The planning page and the report show them beside the objective."""
    alerts: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for finding in findings:
        if finding.rule in OBJECTIVE_RULES:
            data = dict(finding.data or ())
            about = ("campaign", data["campaign"]) if "campaign" in data else ("network", data.get("network"))
            alerts[about].append(finding)  # type: ignore[index]
    return alerts


def objective_pace(objective: Objective, due: dt.date | None, today: dt.date) -> dict[str, Any] | None:
    """What is left of an objective still ahead, and the pace it takes: ``gap`` (in its unit), ``days`` to its
    date (its ``by``, else ``due``: a campaign's last day), ``per_week``; None for one reached, past, or
    without a target, a figure or a date. A manager worked it out by hand ("1,72 a day to reach 1,500")."""
    by = objective.by or due
    if objective.target is None or objective.current is None or by is None or by <= today:
        return None
    gap = objective.target - objective.current
    if gap <= 0:
        return None
    days = (by - today).days
    per_week = gap * 7 / days
    return {"gap": gap, "days": days, "per_week": round(per_week, 1) if per_week < 10 else round(per_week)}


def environment(context: OutputContext) -> jinja2.Environment:
    folders = [str(f) for f in context.template_folders.get(PLANNING_FOLDER, ()) if Path(f).is_dir()]
    env = cached(jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    ))
    lang = context.plan.lang
    translate = translator(lang)
    env.globals["_"] = translate
    # `<html lang>`: en-gb as the blog says it, not "en"; the words' language where edcal has none of the
    # site's (a Spanish site's planning pages are in English: a screen reader must read them so).
    env.globals["lang"] = lang.replace("_", "-") if language(lang) == lang[:2].lower() else translate.language
    singular = SINGULAR.get(translate.language, SINGULAR["en"])
    # A count's word for 0, 1 and more, in the site's language: ["brouillon", "brouillon", "brouillons"].
    env.globals["forms"] = lambda one, many: [translate(one if singular(n) else many) for n in (0, 1, 2)]
    # "1 publication publiée", "2 publications publiées": a count in a sentence, in its plural form.
    env.globals["plural"] = lambda count, one, many, **values: translate(
        one if singular(count) else many).format(count=count, **values)
    # The checks' messages and hints, in the site's language (edcal.i18n.Message).
    env.filters["translated"] = lambda text: translated(text, translate)
    env.filters["long_date"] = lambda day: long_date(day, lang)
    env.filters["iso_stamp"] = iso_stamp  # an offset in whole minutes (a local mean time's in UTC)
    env.filters["day_and_time"] = lambda moment: day_and_time(moment, lang)
    env.filters["day_of_week"] = lambda day: day_of_week(day, lang)  # "mardi 12", in a month already said
    env.filters["clock_time"] = lambda instant: clock_time(instant, lang)
    env.filters["number"] = lambda value: number(value, lang)  # figures for people: "1 180", "12,5"
    env.filters["duration"] = lambda minutes: say_duration(minutes).translated(translate)  # "1 semaine"
    env.filters["month_name"] = lambda day: month_name(day, lang)
    # A cadence, "2/semaine", or as a screen reader is to read it, "2 par semaine" (`aloud=true`).
    env.filters["cadence"] = lambda cadence, aloud=False: say_cadence(cadence, aloud).translated(translate)
    # How each counting rule counts, in words ("UTF-8 bytes"), for a text's lengths against its limits.
    env.globals["descriptions"] = RULE_DESCRIPTIONS
    env.globals["month_names"] = list(MONTHS[language(lang)])  # for the script's "juin 2027"
    today = context.plan.now.astimezone(context.plan.calendar.zone).date()
    env.filters["pace"] = lambda objective, due=None: objective_pace(objective, due, today)
    # What the pages' times are, in words ("heure de Paris", "New York time"): the site's zone's.
    env.globals["zone_time"] = zone_time(context.plan.calendar.timezone, translate.language, today.year)
    env.filters["shown_title"] = lambda item: shown_title(item, context.plan)
    env.filters["status_word"] = lambda item: translate(  # "à valider"; "non validée, pas partie" once past
        status_word(item.kind, item.status, passed(item, context.plan.now)))
    # ` lang="fr"` on a title or a text in another language than the page's (a blog in two languages).
    untitled = frozenset(entry.id for entry in context.plan.calendar.posts if not entry.title)
    page_lang, plan = str(env.globals["lang"]), context.plan
    env.filters["title_lang"] = lambda item: lang_attribute(title_language(item, plan, untitled), page_lang)
    env.filters["text_lang"] = lambda item: lang_attribute(text_language(item, context.plan), page_lang)
    env.filters["network_lang"] = lambda network_id: lang_attribute(
        getattr(plan.calendar.networks.get(network_id), "lang", None), page_lang)
    # A post whose time has passed that the log does not name: "Non confirmé" on the report page.
    log_start = first_logged_month(context.plan)
    env.filters["unconfirmed"] = lambda item: unconfirmed(item, context.plan, log_start)
    # What the log says of a past post ("gone_out", "skipped", "unconfirmed", or ""), for the status filter.
    env.filters["log_said"] = lambda item: log_said(item, context.plan, log_start) or ""
    # The status filter's choices by the log, where the site keeps one: "parti", "annulé", "non confirmé".
    env.globals["log_words"] = LOG_WORDS if log_start is not None else {}
    # An idea's title, an image's alt text shown under it: in the site's language ("beiges : «" kept whole).
    env.filters["site_title"] = lambda title: french_title(title, lang)
    tracking = context.plan.calendar.tracking
    names = tracking.names if tracking.enabled else frozenset()
    site_url = context.plan.site_url
    env.filters["post_html"] = lambda text, links=(): post_html(
        text, links, lambda url: untracked(url, names) if is_site_url(url, site_url) else url)
    env.filters["card_table"] = card_table
    return env


#: The opening tags of a table's parts, and the role each says (a ``th``'s, by its ``scope``).
_TABLE_PART = re.compile(r"<(table|thead|tbody|tr|th|td)\b([^>]*)>")
_TABLE_ROLES = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tr": "row", "td": "cell"}


def card_table(html: str) -> Markup:
    """A table that a phone shows as cards (its rows and cells ``display: block``), its parts given their ARIA
    roles: ``{% filter card_table %}<table>…</table>{% endfilter %}``.

    WebKit (Safari, and so VoiceOver) drops the semantics of a table whose display the style sheet changes: no
    table, no column said with a cell. Roles written out keep them (Adrian Roselli, "Tables, CSS Display
    Properties, and ARIA"); Chromium and Firefox read the same table either way. The tables shown as tables on
    every screen (the calendar's) keep the semantics HTML gives them, without roles.
    """
    def with_role(part: re.Match[str]) -> str:
        tag, attributes = part.groups()
        role = ("rowheader" if re.search(r'\bscope="row"', attributes) else "columnheader") if tag == "th" \
            else _TABLE_ROLES[tag]
        return f'<{tag}{attributes} role="{role}">'  # last: the tag as the template writes it, then its role

    return Markup(_TABLE_PART.sub(with_role, str(html)))


#: Each month's page's items, beside those pages (``agenda/``: every dated item; ``drafts/``: every upcoming
#: post), which a page loads for an address naming an item it does not hold (an old bookmark,
#: ``drafts/2027-03.html#item-<id>`` of a post moved to April): a script, which loads from ``file://`` where a
#: fetch does not. Its keys name the pages: ``2027-03`` for 2027-03.html, ``index`` for index.html.
ITEM_MONTHS = "items.js"


def item_months(items: Iterable[tuple[str, dt.date]], overview: Iterable[str] = ()) -> str:
    """The script :data:`ITEM_MONTHS` holds: the ids of ``items`` (id, local day) by month, in their order;
    and those of ``overview``, shown on the folder's index.html only (today's posts whose time has passed,
    on the drafts' overview), under ``index``."""
    months: dict[str, list[str]] = defaultdict(list)
    for item_id, day in items:
        months[f"{day:%Y-%m}"].append(item_id)
    if overview := list(overview):
        months["index"] = overview
    return f"window.edcalItemMonths = {json.dumps(months, separators=(',', ':'))};\n"


def person_filter(plan: Plan) -> dict[str, Any]:
    """The person filter's choices, the same on the calendar and the drafts pages (so that an address's
    ``owner=`` means the same on both): the team by name, and whether to offer the items nobody owns
    (``_none`` in _macros.html.j2 and planning.js), which any item of the plan gives."""
    return {"people": sorted(plan.calendar.team.values(), key=lambda p: p.name),
            "unowned": any(item.owner is None for item in plan.items)}


def month_file(day: dt.date) -> str:
    """A month's page in its folder of the planning site (``agenda/``, ``drafts/``): ``2027-01.html``."""
    return f"{day:%Y-%m}.html"


def local_day(item: Item, plan: Plan) -> dt.date:
    """The item's day in the site's time zone."""
    assert item.start is not None
    return plan.day_of(item.start)


def item_link(folder: str, item: Item, plan: Plan) -> str:
    """Where an item is on the month pages of ``folder``, from planning/: ``drafts/2027-01.html#item-x``."""
    return f"{folder}/{month_file(local_day(item, plan))}#item-{item.id}"


T = TypeVar("T")


def by_month(rows: Iterable[T], day: Callable[[T], dt.date]) -> list[tuple[dt.date, list[T]]]:
    """Rows sorted by day, grouped by month: (first day of the month, its rows)."""
    months = itertools.groupby(rows, key=lambda row: day(row).replace(day=1))
    return [(first, list(group)) for first, group in months]


def neighbours(months: list[Any], index: int) -> dict[str, Any]:
    """The previous and following month pages of ``months[index]`` (none at the ends), for the pager."""
    return {"previous": months[index - 1] if index else None,
            "following": months[index + 1] if index + 1 < len(months) else None}


def post_html(text: str, links: Sequence[tuple[int, str, str]] = (),
              target: Callable[[str], str] = lambda url: url) -> Markup:
    """A post's text as HTML: escaped, links clickable, hashtags and mentions marked.

    :param links: the links the text shows shortened (Bluesky), in order: (start, shown, full URL).
    :param target: where a link of the text opens (:func:`untracked`: without tracking; the text keeps it).
    """
    parts: list[str] = []
    position = 0
    source = text or ""
    pending = [link for link in links if source[link[0]:link[0] + len(link[1])] == link[1]]
    while position < len(source):
        while pending and pending[0][0] < position:  # inside a token already written
            pending.pop(0)
        if pending and pending[0][0] == position:
            _, shown, url = pending.pop(0)
            parts.append(f'<a class="link" href="{escape(target(url))}">{escape(shown)}</a>')
            position += len(shown)
            continue
        match = _TOKEN.search(source, position)
        next_shown = pending[0][0] if pending else -1
        if next_shown >= position and (match is None or next_shown < match.start()):
            parts.append(str(escape(source[position:next_shown])))
            position = next_shown
            continue
        if match is None:
            parts.append(str(escape(source[position:])))
            break
        parts.append(str(escape(source[position:match.start()])))
        token = match.group(0)
        if match.group(1):
            parts.append(f'<a class="link" href="{escape(target(token))}">{escape(token)}</a>')
        elif match.group(2):
            parts.append(f'<span class="hashtag">{escape(token)}</span>')
        else:
            parts.append(f'<span class="mention">{escape(token)}</span>')
        position = match.end()
    return Markup("".join(parts))


def copy_media(paths: Iterable[str], context: OutputContext, folder: Path) -> dict[str, str]:
    """Copy the images the pages show into planning/media/; returns path -> URL from planning/.

    The planning site must work from a CI artifact or file://, without the blog.
    """
    content = context.plan.content_root
    found: dict[str, str] = {}
    for original in paths:
        path = content_path(original)
        if "://" in path:
            found[original] = path
            continue
        source = (content / path) if content else None
        if source is None or not source.is_file() or ".." in Path(path).parts:
            continue
        target = folder / MEDIA_FOLDER / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copyfile(source, target)
        found[original] = f"{MEDIA_FOLDER}/{path}"
    return found


def copy_assets(context: OutputContext, folder: Path) -> None:
    """The planning pages' CSS and script, from the first template folder that has them."""
    for root in context.template_folders.get(PLANNING_FOLDER, ()):
        assets = Path(root) / "assets"
        if assets.is_dir():
            for path in sorted(assets.iterdir()):
                if path.is_file():
                    target = folder / "assets" / path.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    if not target.exists():
                        shutil.copyfile(path, target)
