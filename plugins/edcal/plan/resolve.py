"""Resolve the calendar and the articles into concrete, dated items.

Every relative or recurring entry becomes one item per network and date,
with a timezone-aware start, its composed text, a status, and an id that
survives edits of its text or time and the insertion or reordering of other
entries:

=====================  =============================================
item                   id
=====================  =============================================
article                ``article-<slug>`` (+ ``-<lang>`` for a translation)
idea                   ``idea-<id or slug of the title>``
deadline               ``<article or idea id>-draft-due`` / ``-review-due``
one-off post           ``<entry id>-<network>``
promotion step         ``<slug or entry id>-<network>-<step>``: ``0``, ``1w``, ``1d-before`` (its offset)
recurring occurrence   ``<entry id>-<network>-<YYYYMMDD>``
=====================  =============================================

An entry's id is its ``id:``, else derived from its title, article, link or
first words (see :func:`edcal.load.sections.posts._derived_id`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path

from edcal.addresses import absolute, article_address_key, blog_path, is_site_url
from edcal.errors import ErrorCollector
from edcal.hints import value_hint
from edcal.i18n import same_language, say, say_count, translator
from edcal.model.article import Article, SocialOverride
from edcal.model.calendar import MAX_OCCURRENCES, Calendar, Campaign, Idea, Offset, Poll, PostEntry, Variant
from edcal.model.days import as_instant
from edcal.model.network import Network
from edcal.model.plan import (
    Item,
    ItemStatus,
    Media,
    NightLeftOut,
    Plan,
    article_item_id,
    key_date_event_id,
    occurrence_name,
)
from edcal.model.source import Source
from edcal.plan.compose import (
    URL_IN_TEXT,
    Composed,
    Composer,
    PostParts,
    french_poll,
    site_link_in,
    track,
    track_text,
    tracking_values,
)
from edcal.plan.linked import slug_hint, undated_article
from edcal.plan.posted import attach_posted
from edcal.plan.share import ShareKitBuilder, check_suggestions
from edcal.plan.status import (
    article_state,
    explicitly_promoted,
    freeze_at,
    planned_publication,
    post_status,
    promoted_unasked,
)
from edcal.plan.timing import (
    TooManyOccurrences,
    occurrences,
    offset_instant,
    recurrence_instant,
    resumed_publication,
    step_keys,
    when_instant,
)
from edcal.zones import WallClockError

TITLE_WORDS = 8


@dataclasses.dataclass(frozen=True, slots=True)
class Site:
    """What resolution needs to know about the blog around the calendar."""

    url: str
    lang: str
    content: Path | None = None
    article_url: str | None = None
    name: str = ""
    #: Where the settings set ``url`` (SITEURL): a finding about the address points there.
    url_source: Source | None = None


def resolve_plan(
    calendar: Calendar,
    articles: Iterable[Article],
    *,
    now: dt.datetime,
    generated_at: dt.datetime,
    site: Site,
    composer: Composer,
    compose_from: dt.datetime | None = None,
) -> Plan:
    """The plan: every item, sorted by start then id.

    :param compose_from: leave the text of posts before this instant uncomposed
        (``edcal check`` never judges them); such a plan is not written out.

    :raises InputErrors: for references that do not resolve (an unknown article
        slug) and times that do not exist (daylight-saving gaps).
    """
    errors = ErrorCollector()
    article_list = sorted(articles, key=lambda a: (a.slug, not a.is_original, a.lang))
    resolver = _Resolver(calendar, article_list, now, site, composer, errors, compose_from)
    items = resolver.resolve()
    _check_unique(items, calendar, errors)
    if not errors:  # a plan with errors lacks posts (an unknown slug's): the log's lines would be told they
        attach_posted(items, calendar, now, errors)  # name no post, before the error that explains it
    check_suggestions(calendar, resolver.by_slug, errors)
    errors.raise_if_any()
    items.sort(key=lambda item: item.sort_key(calendar.zone))
    plan = Plan(calendar, article_list, items, now, generated_at, site.url, site.lang,
                site.content, site.article_url, composed_from=compose_from, site_name=site.name,
                site_url_source=site.url_source, nights_left_out=tuple(resolver.nights_left_out))
    # What staff may share now (a few texts): not for a plan of articles only (`agenda`, `next-change`), nor a
    # check of a later window.
    if compose_from is None or as_instant(compose_from) <= as_instant(now):
        plan.sharing = ShareKitBuilder(calendar, article_list, resolver.by_slug, resolver.article_at, now,
                                       site.url, composer, items).build()
    return plan


def _check_unique(items: list[Item], calendar: Calendar, errors: ErrorCollector) -> None:
    """Each item's id is its own, and is no key date's event id (``key-date-<id>``): the feeds make
    UIDs of both, and a calendar app keeps one event of two with one UID. No post entry is named as
    another's occurrence (``weekly-20270324``): `edcal move` would take both."""
    key_dates = {key_date_event_id(key_date.id): key_date for key_date in calendar.key_dates.values()}
    entries = {entry.id: entry for entry in calendar.posts}
    told: set[str] = set()
    for item in items:
        name = occurrence_name(item)
        if name in entries and name not in told:
            told.add(name)
            errors.add(entries[name].source,
                       say("found id '{name}', the name of the {day} occurrence of '{parent}'", name=name,
                           day=f"{item.id[-8:-4]}-{item.id[-4:-2]}-{item.id[-2:]}", parent=item.parent),
                       say("give the entry another id: edcal agenda --ids and edcal move name an occurrence "
                           "so"))
    seen: dict[str, Item] = {}
    for item in items:
        if item.id in seen:
            first = seen[item.id]
            errors.add(item.source, say("two items get the id '{id}' (the other is at {other})", id=item.id,
                                        other=str(first.source)),
                       say("give one of the entries an explicit `id:`"))
        elif item.id in key_dates:
            errors.add(item.source, say("the item id '{id}' is that of the key date '{key_date}' in the "
                                        "feeds (at {other})", id=item.id, key_date=key_dates[item.id].id,
                                        other=str(key_dates[item.id].source)),
                       say("give the entry an `id:` that does not start with '{prefix}'",
                           prefix=key_date_event_id('')))
        else:
            seen[item.id] = item


class _Resolver:
    def __init__(self, calendar: Calendar, articles: list[Article], now: dt.datetime,
                 site: Site, composer: Composer, errors: ErrorCollector,
                 compose_from: dt.datetime | None = None):
        self.calendar = calendar
        self.articles = articles
        self.by_slug = {a.slug: a for a in articles if a.is_original}
        #: Each original's translations, by slug: a network with a `lang:` posts the version in it.
        self.translations: dict[str, list[Article]] = {}
        for other in articles:
            if not other.is_original:
                self.translations.setdefault(other.slug, []).append(other)
        #: Articles by their address's path (``/2027/slug/``): a post's `link:` to one is tracked as its.
        self.by_path = {article_address_key(a.url): a for a in articles if a.url}
        self.now = now
        self.site = site
        self.composer = composer
        self.errors = errors
        self.compose_from = compose_from
        self._ = translator(site.lang)
        self.nights_left_out: list[NightLeftOut] = []

    def resolve(self) -> list[Item]:
        items: list[Item] = []
        for article in self.articles:
            items.extend(self._article(article))
        for idea in self.calendar.ideas:
            items.extend(self._idea(idea))
        for entry in self.calendar.posts:
            items.extend(self._entry(entry))
        items.extend(self._default_promotions(explicitly_promoted(self.calendar)))
        return items

    # -- articles and ideas ---------------------------------------------------

    def _article(self, article: Article) -> list[Item]:
        state = article_state(article, self.calendar, self.now, self.by_slug)
        item_id = article_item_id(article)
        media = (Media(article.image, article.image_alt, article.where("image")),) if article.image else ()
        # An article a freeze held back is online from the freeze's end: when its promotions and
        # `edcal next-change` say; its own date is only the page's.
        item = Item(
            id=item_id, kind="article", title=article.title, start=state.live_at or article.date,
            status=state.status, source=article.where("title"), url=article.url or None,
            campaign=article.campaign, owner=article.owner, article=article.slug, media=media,
            withheld_reason=state.freeze.reason if state.freeze else None, lang=article.lang,
            silenced=dict(article.silenced),
        )
        return [item, *self._deadlines(item, article.draft_due, article.review_due,
                                       article.where("draft_due"), article.where("review_due"))]

    def _idea(self, idea: Idea) -> list[Item]:
        item = Item(
            id=f"idea-{idea.id}", kind="idea", title=idea.title, start=idea.publish,
            status=idea.status, source=idea.source, campaign=idea.campaign, owner=idea.owner,
            silenced=dict(idea.silenced), networks=idea.networks, text=idea.text,
        )
        return [item, *self._deadlines(item, idea.draft_due, idea.review_due,
                                       idea.field_sources.get("draft_due", idea.source),
                                       idea.field_sources.get("review_due", idea.source))]

    def _deadlines(self, parent: Item, draft_due: dt.date | None, review_due: dt.date | None,
                   draft_source: Source, review_source: Source) -> list[Item]:
        result = []
        for suffix, day, label, source in (
            ("draft-due", draft_due, "Draft due: {title}", draft_source),
            ("review-due", review_due, "Review due: {title}", review_source),
        ):
            if day is None:
                continue
            result.append(Item(
                id=f"{parent.id}-{suffix}", kind="deadline",
                title=self._(label).format(title=parent.title), start=day,
                # A deadline of an article a freeze holds back is met, not withheld.
                status="scheduled" if parent.status == "withheld" else parent.status,
                source=source, campaign=parent.campaign,
                owner=parent.owner, article=parent.article, parent=parent.id,
                silenced=dict(parent.silenced),
            ))
        return result

    # -- posts ----------------------------------------------------------------

    def _entry(self, entry: PostEntry) -> list[Item]:
        article = None
        if entry.article is not None:
            article = self.by_slug.get(entry.article)
            if article is None:
                fields = entry.field_sources
                where = fields.get("promote") or fields.get("article") or entry.source
                self.errors.add(where, say("unknown article slug '{slug}'", slug=entry.article),
                                value_hint(entry.article) or slug_hint(entry.article, self.by_slug)
                                or say("the slug is the article file's name, or its `slug:` field"))
                return []
        if entry.kind == "once":
            return self._once(entry, article)
        if entry.kind == "promote":
            return self._promotion(entry, article)  # type: ignore[arg-type]
        return self._recurring(entry, article)

    def _wall_clock_errors(self, failed: list[tuple[Source, WallClockError, str, str]]) -> None:
        """One error per place, clock problem and occurrence, naming its networks (a skipped 02:30 written
        once for four networks was told four times)."""
        grouped: dict[tuple[Source, str, str], tuple[WallClockError, list[str]]] = {}
        for where, exc, occurrence, name in failed:
            grouped.setdefault((where, str(exc), occurrence), (exc, []))[1].append(name)
        for (where, _message, occurrence), (exc, names) in grouped.items():
            networks = ", ".join(names)
            message = say("{problem} ({occurrence}, {networks})", problem=exc.args[0], occurrence=occurrence,
                          networks=networks) if occurrence \
                else say("{problem} ({networks})", problem=exc.args[0], networks=networks)
            self.errors.add(where, message, exc.hint)

    def _once(self, entry: PostEntry, article: Article | None) -> list[Item]:
        items = []
        failed: list[tuple[Source, WallClockError, str, str]] = []
        for network_id in entry.networks:
            variant = entry.variants.get(network_id)
            if variant is not None and variant.skip:
                continue
            network = self.calendar.networks[network_id]
            when = variant.when if variant is not None and variant.when else entry.when
            where = entry.field_sources.get("at", entry.source)
            try:
                start = when_instant(when, network, self.calendar)  # type: ignore[arg-type]
            except WallClockError as exc:
                failed.append((where, exc, "", network.name))
                continue
            items.append(self._post(entry, network, start, f"{entry.id}-{network_id}", article,
                                    entry.source))
        self._wall_clock_errors(failed)
        return items

    def _promotion_networks(self, entry: PostEntry, article: Article) -> tuple[str, ...]:
        if entry.networks:
            return entry.networks
        if not entry.implicit:
            return self._listed(article)
        # A default promotion: each version's header decides for the networks in its language.
        wanted = self._wanted(article)
        for translation in self.translations.get(article.slug, ()):
            wanted += tuple(n for n in self._wanted(translation) if n not in wanted)
        return wanted

    def _wanted(self, version: Article) -> tuple[str, ...]:
        """The networks a version's default promotion is for: its `social: networks:`, else the blog's, less
        those its header skips, in its language (a network without `lang:` speaks the site's)."""
        social = version.social
        if social.skip or version.status == "hidden":
            return ()
        skipped = {n for n, override in social.per_network.items() if override.skip}
        return tuple(n for n in self._listed(version) if n not in skipped and self._speaks(version, n))

    def _listed(self, version: Article) -> tuple[str, ...]:
        """The networks a version's header names (`social: networks:`), else the blog's default ones."""
        defaults = self.calendar.blog.promote
        if version.social.networks is not None:
            return version.social.networks
        return defaults.networks if defaults is not None else ()

    def _speaks(self, version: Article, network_id: str) -> bool:
        """Whether a network's readers read a version: the original on a network without `lang:`, a version
        in the network's language on one with (an unknown network: reported where it is promoted)."""
        network = self.calendar.networks.get(network_id)
        if network is None or network.lang is None:
            return network is None or version.is_original
        return same_language(version.lang, network.lang, primary=True)

    def _version(self, article: Article, network: Network) -> Article | None:
        """The version of an article a network posts: with a `lang:`, the one in that language (a
        translation takes its original's campaign and owner when it names none, its author's owner only when
        the original has none), else None; without, the original."""
        lang = network.lang
        if lang is None:
            return article
        versions = [article, *self.translations.get(article.slug, ())]
        found = next((v for v in versions if same_language(v.lang, lang)), None) \
            or next((v for v in versions if same_language(v.lang, lang, primary=True)), None)
        if found is None or found is article:
            return found
        owner = (found.owner if not found.owner_from_author else None) or article.owner or found.owner
        return dataclasses.replace(found, campaign=found.campaign or article.campaign, owner=owner)

    def _untranslated(self, entry: PostEntry, article: Article, network: Network,
                      version: Article | None = None) -> None:
        """A `promote:` entry names a network whose language the article has no version in (or one with no
        date to promote it from)."""
        where = entry.field_sources.get("networks", entry.source)
        if version is not None:
            self.errors.add(where, say("the '{lang}' version of '{slug}' has no date to promote it from on "
                                       "{network}", lang=version.lang, slug=article.slug,
                                       network=network.name),
                            say("add `date:` to {path}", path=version.source.path))
            return
        self.errors.add(where, say("article '{slug}' has no version in '{lang}', the language of {network}",
                                   slug=article.slug, lang=network.lang, network=network.name),
                        say("translate it (`lang: {lang}` and `slug: {slug}` in the translation's header), "
                            "or leave {id} out of `networks:`", lang=network.lang, slug=article.slug,
                            id=network.id))

    def _before_since(self, version: Article) -> bool:
        """Whether a default promotion leaves a version out: dated before `blog: promote: since:`, or before
        the web began (an import's placeholder date, 1900-01-01: promotions in 1900, shown gone out)."""
        defaults = self.calendar.blog.promote
        return version.before_the_web or (
            defaults is not None and defaults.since is not None and version.date is not None
            and version.date.astimezone(self.calendar.zone).date() < defaults.since)

    def _texts_not_one_per_step(self, entry: PostEntry, schedule: tuple[Offset, ...]) -> None:
        """More texts than steps: the last ones were never posted. Fewer, with a teaser (a step before the
        article is online): taken in turn, a later step took a teaser's words ("tomorrow on the blog" three
        weeks after). Neither said a word. Fewer texts for reminders alone are taken in turn, as written."""
        steps = say_count(len(schedule), "{count} step", "{count} steps")
        where = entry.field_sources.get("texts", entry.source)
        if len(entry.texts) > len(schedule):
            self.errors.add(where, say("found {count} texts in `texts:`, for {steps} of `schedule:`: the "
                                       "last ones would never be posted", count=len(entry.texts),
                                       steps=steps),
                            say_count(len(entry.texts) - len(schedule),
                                      "remove the last text, or add its step to `schedule:`",
                                      "remove the last {count} texts, or add their steps to `schedule:`"))
        elif any(offset.amount < 0 for offset in schedule):
            self.errors.add(where, say("found {count} texts in `texts:`, for {steps} of `schedule:`, with "
                                       "a teaser before the article is online: taken in turn, a later step "
                                       "would repeat a teaser's words", count=len(entry.texts), steps=steps),
                            say("schedule: [{steps}]: write a text for each step, in time order",
                                steps=", ".join(offset.label for offset in schedule)))

    def _promotion(self, entry: PostEntry, article: Article) -> list[Item]:
        networks = self._promotion_networks(entry, article)
        defaults = self.calendar.blog.promote
        schedule = entry.schedule or (defaults.schedule if defaults else ())
        if not schedule:
            schedule = (Offset("at publication"),)
        if len(entry.texts) > 1 and len(entry.texts) != len(schedule):
            self._texts_not_one_per_step(entry, schedule)
        if not networks:
            self.errors.add(entry.source, say("no networks to promote '{slug}' on", slug=article.slug),
                            say("add `networks:` to the entry, `social: networks:` to the article, "
                                "or `blog: promote: networks:` to calendar.yaml"))
            return []
        if article.date is None:
            # An entry for a draft or an article in review with no date yet: nothing to schedule, a finding of
            # post-before-article (the rest of the checks still run, `build --no-check` still builds).
            if not entry.implicit and article.status not in ("draft", "review"):
                self.errors.add(entry.source, say("article '{slug}' has no date to promote it from",
                                                  slug=article.slug),
                                say("add `date:` to {path}", path=article.source.path))
            return []
        state = article_state(article, self.calendar, self.now)
        # An article in review is planned as it will go online: after a freeze its date falls in.
        original_publication = state.live_at or planned_publication(article, self.calendar) or article.date
        original = article  # each network posts a version of it (`_version`)
        items = []
        keys = step_keys(schedule)  # each step's id: its offset (-0, -1w), not its place
        for network_id in networks:
            network = self.calendar.networks.get(network_id)
            if network is None:
                named = next((t for t in self.translations.get(original.slug, ())
                              if network_id in (t.social.networks or ())), original)
                self.errors.add(named.where("social"),
                                say("network '{network}' is not set up under `networks:` in calendar.yaml",
                                    network=network_id),
                                say("add it there, or remove it from the article's `social:`"))
                continue
            variant = entry.variants.get(network_id)
            if variant is not None and variant.skip:
                continue
            version = self._version(original, network)
            if version is None or version.date is None:  # nothing to say to the network's readers
                if network_id in entry.networks:
                    self._untranslated(entry, original, network, version)
                continue
            date = version.date
            if entry.implicit and (network_id not in self._wanted(version) or self._before_since(version)
                                   or (network.since is not None
                                       and date.astimezone(self.calendar.zone_of(network)).date()
                                       < network.since)):
                continue  # an account opened later has no past promotions of older articles
            publication = original_publication
            # What the steps count from: the version's date, or its original's when the translation is dated
            # before it (it goes online with its original: a teaser counted from its own date went out weeks
            # early, for an article not online).
            anchor, anchor_date_only = date, version.date_only
            if version is not original:  # a translation goes online with its original, or after it
                own = article_state(version, self.calendar, self.now, self.by_slug)
                planned = own.live_at or planned_publication(version, self.calendar) or date
                publication = max(planned, original_publication, key=as_instant)
                if original.date is not None and as_instant(original.date) > as_instant(date):
                    anchor, anchor_date_only = original.date, original.date_only
            deferred = as_instant(publication) > as_instant(anchor)
            starts: list[tuple[int, dt.datetime, Source]] = []
            for number, offset in enumerate(schedule, start=1):
                # An implicit promotion exists because of the article: point there.
                where = entry.source if entry.implicit else (offset.source or entry.source)
                try:
                    # Teasers before the article keep its planned date (a freeze withholds them).
                    base = publication
                    date_only = anchor_date_only
                    if deferred:
                        if offset.amount >= 0:
                            base = resumed_publication(anchor, publication, network, self.calendar, date_only)
                            date_only = False  # the resumed instant is a slot or a time already
                        else:
                            base = anchor
                    starts.append((number, offset_instant(base, offset, network, self.calendar, date_only),
                                   where))
                except WallClockError as exc:  # "write the UTC offset": a step cannot hold one
                    self.errors.add(where, say("{problem} ('{offset}' after '{slug}', {network})",
                                               problem=exc.message, offset=offset.label, slug=version.slug,
                                               network=network.name),
                                    say("a step of `schedule:` cannot hold a UTC offset: give '{offset}' "
                                        "another time of day, one the clocks show once that night, or change "
                                        "the article's date", offset=offset.label))
            if entry.implicit and network.until is not None:  # an account the site no longer posts on
                zone = self.calendar.zone_of(network)  # the account's last day
                starts = [step for step in starts if step[1].astimezone(zone).date() <= network.until]
            # Steps are told apart by time, not by their place in `schedule:`: the first post once the
            # article is online, then reminders, the last one "last"; a post before it is a teaser.
            after = sorted((as_instant(start), number) for number, start, _where in starts
                           if as_instant(start) >= as_instant(publication))
            rank = {number: index for index, (_start, number) in enumerate(after, start=1)}
            # A promotion waits for its article while it is in review (prepared, not scheduled: the article
            # may slip); a default one also while it is a draft. A `promote:` entry for a draft is reported.
            # A translation's waits for its original too, and for itself while it is a draft or in review.
            draft = any(of.status == "review"
                        or (of.status == "draft" and (entry.implicit or of is not original))
                        for of in (original, version))
            # `texts:` in turn, by time: the first post takes the first, each later step the next.
            by_time = sorted(starts, key=lambda step: (as_instant(step[1]), step[0]))
            turn = {number: index for index, (number, _start, _where) in enumerate(by_time)}
            # Its thread is told once: by its first post once the article is online, else (teasers only) by
            # the last teaser, the nearest the article.
            threaded = after[0][1] if after else by_time[-1][0] if by_time else None
            for number, start, where in starts:
                step = (rank[number], len(after)) if number in rank else (0, len(after))
                item_id = f"{entry.id}-{network_id}-{keys[number - 1]}"
                text = entry.texts[turn[number] % len(entry.texts)] if entry.texts else None
                items.append(self._post(entry, network, start, item_id, version, where, text=text, step=step,
                                        draft=draft, threaded=number == threaded))
        return items

    def _recurring(self, entry: PostEntry, article: Article | None) -> list[Item]:
        recurrence = entry.recurrence
        if recurrence is None:
            return []
        items: list[Item] = []
        where = entry.field_sources.get("repeat", entry.source)
        try:
            days = list(occurrences(recurrence, self.calendar, self.now))
        except TooManyOccurrences:
            self.errors.add(where, say("found a rule that gives more than {limit:,} posts; expected fewer",
                                       limit=MAX_OCCURRENCES),
                            say("give it an earlier `until:`, a `count:`, or a rarer rule"))
            return items
        moved = {occurrence.day: occurrence for occurrence in recurrence.moved}
        failed: list[tuple[Source, WallClockError, str, str]] = []
        # A rule with no end comes, as time goes by, to nights a year ahead that nobody wrote: those are left
        # out and told by `edcal check`, not refused (a scheduled build would stop that day, nothing edited).
        open_ended = recurrence.until is None and recurrence.count is None
        left_out: dict[tuple[dt.date, str], tuple[str, list[str]]] = {}
        for index, day in enumerate(days):
            instead = moved.get(day)
            for network_id in entry.networks:
                variant = entry.variants.get(network_id)
                if variant is not None and variant.skip:
                    continue
                network = self.calendar.networks[network_id]
                try:
                    start = recurrence_instant(day, recurrence, network, self.calendar) if instead is None \
                        else when_instant(instead.when, network, self.calendar)
                except WallClockError as exc:
                    label = say("occurrence of {day}", day=day) if instead is None \
                        else say("occurrence of {day} moved", day=day)
                    if instead is None:  # the rule's `at:` holds no one day's offset: `moved:` does
                        exc = WallClockError(exc.message, _occurrence_hint(exc, day), exc.choices, exc.twice)
                    if instead is None and open_ended:
                        left_out.setdefault((day, exc.message), (exc.hint, []))[1].append(network.name)
                        continue
                    failed.append((where if instead is None else instead.source, exc, label, network.name))
                    continue
                text = entry.texts[index % len(entry.texts)] if entry.texts else None
                items.append(self._post(entry, network, start,  # the rule's day names it, moved or not
                                        f"{entry.id}-{network_id}-{day:%Y%m%d}", article,
                                        entry.source if instead is None else instead.source, text=text))
        self._wall_clock_errors(failed)
        self.nights_left_out.extend(NightLeftOut(entry.id, day, problem, hint, tuple(networks), where)
                                    for (day, problem), (hint, networks) in left_out.items())
        return items

    def _default_promotions(self, promoted: frozenset[str]) -> list[Item]:
        defaults = self.calendar.blog.promote
        if defaults is None:
            return []
        items = []
        for article in self.articles:
            if not article.is_original or article.slug in promoted:
                continue
            translations = self.translations.get(article.slug, ())
            if not translations:  # hidden, skip: when named
                if not promoted_unasked(article) or self._before_since(article):
                    continue
            elif not any(self._wanted(v) and not self._before_since(v) for v in (article, *translations)):
                continue  # each version's header decides for its language, and `since:` for its date
            entry = PostEntry(
                id=article.slug, kind="promote", networks=(), source=article.where("social"),
                article=article.slug, implicit=True,
            )
            items.extend(self._promotion(entry, article))
        return items

    def _post(self, entry: PostEntry, network: Network, start: dt.datetime, item_id: str,
              article: Article | None, source: Source, text: str | None = None,
              step: tuple[int, int] | None = None, draft: bool = False, threaded: bool = True) -> Item:
        if article is not None and article.is_original and network.lang is not None:
            # `article:` on an account of another language: its version there, once that goes online (none in
            # it, or not yet: the original, and `post-language` says so).
            version = self._version(article, network)
            if version is not None and version.date is not None and version.status not in ("draft", "review"):
                article = version
        variant = entry.variants.get(network.id)
        written_link = (variant.link if variant else None) or entry.link
        named = article  # the entry's `article:` or `promote:`: its campaign and owner, its tags as hashtags
        custom_text = (variant.text if variant else None) or text or entry.text
        # A first comment where the network takes one; elsewhere `first-comment-lost` says so.
        comment = ((variant.first_comment if variant and variant.first_comment is not None
                    else entry.first_comment) or None) if network.comment_limit is not None else None
        # A thread where the network answers a post with another; elsewhere `thread-lost` says so.
        thread = ((variant.thread if variant and variant.thread is not None else entry.thread)
                  if network.replies else ())
        # Without `link:`, the first link to the site written in the text (in full, or bare), else in the
        # first comment or the thread, is the post's.
        found_link = written_link or (
            self._site_link_in(custom_text, comment, thread) if named is None else None)
        if article is None and found_link is not None:
            # A link to one of the site's articles (`link:`, or in the text) makes the post that article's:
            # its words in the template ("Read the article:"), its image where one is required, plan.json's
            # `article`; a text written as it was does not grow with the article's tags or campaign hashtags.
            article = self.article_at(absolute(found_link, self.site.url))
        override = article.social.per_network.get(network.id) if article else None
        # The article's comment and thread (`social:`) follow its words: under its promotion, or a post that
        # takes its text; a post written for the day (a one-off naming it) carries none its writer never saw.
        followed = override if entry.kind == "promote" or not custom_text else None
        custom_text = custom_text or (override.text if override else None)
        if comment is None and followed is not None and network.comment_limit is not None:
            comment = followed.first_comment  # the article's own, for that network
        if not thread and followed is not None and followed.thread and network.replies \
                and (variant is None or variant.thread is None):
            thread = followed.thread
        if not threaded:
            thread = ()  # a promotion's thread is told once (`_promotion` says by which post)
        # A content warning where the network shows one (Mastodon); elsewhere `content-warning-lost` says so.
        cw = ((variant.cw if variant and variant.cw is not None else entry.cw) or None) \
            if network.content_warning else None
        if self.compose_from is not None and as_instant(start) < as_instant(self.compose_from):
            return self._uncomposed(entry, network, start, item_id, article, source, draft, custom_text,
                                    self._media(entry, variant, override, article, network), named, variant)
        campaign_id, campaign = self._campaign(entry, named)
        owner_id = self._owner(entry, variant, named, campaign, network)
        # A teaser (a promotion's step before the article is online) has no link to it: a dead page.
        teaser = step is not None and step[0] == 0
        link = found_link or (article.url if article and not teaser else None) or None
        if link is None:  # a link to the site in the text or the comment: tracked in place, and checked
            link = self._site_link_in(custom_text, comment, thread)
        url = None
        linked = article
        if link is not None:
            # A link to an article in the text counts for that article ({campaign} is its slug) too.
            linked = article or self.article_at(absolute(link, self.site.url))
            values = tracking_values(network, campaign, linked, entry.id, item_id)
            tracking = self.calendar.tracking
            if network.utm_medium is not None:
                tracking = dataclasses.replace(tracking, medium=network.utm_medium)
            url = track(absolute(link, self.site.url), values, tracking, self.site.url)
            if custom_text:
                custom_text = track_text(custom_text, link, url, values, tracking, self.site.url)
            if comment:
                comment = track_text(comment, link, url, values, tracking, self.site.url)
            thread = tuple(track_text(reply, link, url, values, tracking, self.site.url) for reply in thread)
        composed = self.composer.compose(PostParts(
            network=network, item_id=item_id, text=custom_text, title=entry.title, url=url,
            article=article, campaign=campaign,
            owner=self.calendar.team.get(owner_id) if owner_id else None,
            values={"step": step[0] if step else None, "steps": step[1] if step else None},
            lang=linked.lang if linked else None, article_tags=named is not None, cw=cw, comment=comment,
            thread=thread,
        ))
        window = freeze_at(self.calendar, start, network.id)
        media = self._media(entry, variant, override, article, network)
        primary = composed.measures[0]
        waiting = _waiting(entry, draft)
        return Item(
            id=item_id, kind="post", title=self._title(entry, article, custom_text or composed.text),
            start=start, status=post_status(start, waiting, window, self.now),
            waiting=waiting, source=source, network=network.id, text=composed.text,
            length=primary.length,
            limit=primary.limit, counting=primary.counting, url=url, campaign=campaign_id,
            owner=owner_id, article=article.slug if article else None, media=media,
            parent=entry.id, promotional=_promotional(entry, campaign),
            withheld_reason=window.reason if window else None, silenced=dict(entry.silenced),
            lang=article.lang if article is not None and not article.is_original else None,  # a translation
            lengths=tuple((m.counting, m.length, m.limit) for m in composed.measures),
            fitted=composed.fitted, link_text=composed.link_text, template=composed.template,
            links=composed.links, cw=composed.cw, first_comment=composed.comment,
            comment_length=composed.comment_measure.length if composed.comment_measure else None,
            comment_limit=composed.comment_measure.limit if composed.comment_measure else None,
            thread=composed.thread,
            # A network's own note, or none there (`note: ''`), else the entry's or the article's.
            note=(variant.note if variant is not None and variant.note is not None
                  else entry.note or (override.note if override is not None else None)) or None,
            poll=_spaced(None if variant is not None and variant.no_poll
                         else variant.poll if variant is not None and variant.poll else entry.poll, composed),
            text_lang=named.lang if named is not None and not named.is_original else None,
        )

    def _site_link_in(self, text: str | None, comment: str | None, thread: Sequence[str] = ()) -> str | None:
        """The first link to the site written in a post's text, else in its first comment, else in its
        thread's replies."""
        for written in (text, comment, *thread):
            found = site_link_in(written, self.site.url) if written else None
            if found:
                return found
        return None

    def _uncomposed(self, entry: PostEntry, network: Network, start: dt.datetime, item_id: str,
                    article: Article | None, source: Source, draft: bool, custom_text: str | None,
                    media: tuple[Media, ...], named: Article | None, variant: Variant | None) -> Item:
        """A past post for a check: where and when, and its images (kept out of output/ until it goes
        out: ``edcal next-change``), without its text. ``named``: the article its entry names (not its
        link's), whose campaign and owner it takes."""
        window = freeze_at(self.calendar, start, network.id)
        campaign_id, campaign = self._campaign(entry, named)
        waiting = _waiting(entry, draft)
        return Item(
            id=item_id, kind="post", title=self._title(entry, article, custom_text or ""), start=start,
            status=post_status(start, waiting, window, self.now), source=source,
            waiting=waiting, network=network.id, campaign=campaign_id,
            owner=self._owner(entry, variant, named, campaign, network),
            article=article.slug if article else None, parent=entry.id,
            promotional=_promotional(entry, campaign), media=media,
            withheld_reason=window.reason if window else None, silenced=dict(entry.silenced),
        )

    def article_at(self, url: str) -> Article | None:
        """The article an absolute address of the site (:func:`edcal.addresses.is_site_url`) belongs to, if
        any: ``/2027/futur/``, ``/2027/futur/index.html``, ``/2027/FUTUR/`` and ``https://…:443`` are its
        (:func:`edcal.addresses.article_address_key`). A draft with no date yet has no address: one of the
        shape of ``ARTICLE_URL`` with its slug is its."""
        if not is_site_url(url, self.site.url):
            return None
        found = self.by_path.get(article_address_key(url))
        return found or undated_article(blog_path(url, self.site.url), self.site.article_url, self.by_slug)

    def _campaign(self, entry: PostEntry, article: Article | None) -> tuple[str | None, Campaign | None]:
        """The entry's ``campaign:``, else its article's: its id and the campaign."""
        campaign_id = entry.campaign or (article.campaign if article else None)
        return campaign_id, self.calendar.campaigns.get(campaign_id) if campaign_id else None

    @staticmethod
    def _owner(entry: PostEntry, variant: Variant | None, article: Article | None, campaign: Campaign | None,
               network: Network) -> str | None:
        """Who is in charge of the entry's post on ``network``: its variant's ``owner:``, else the entry's,
        else its article's for that network (``social:``), else its article's owner, else its campaign's."""
        own = article.social.per_network.get(network.id) if article is not None else None
        return (variant.owner if variant is not None else None) or entry.owner \
            or (own.owner if own is not None else None) or (article.owner if article else None) \
            or (campaign.owner if campaign else None)

    def _media(self, entry: PostEntry, variant: Variant | None, override: SocialOverride | None,
               article: Article | None, network: Network) -> tuple[Media, ...]:
        """The variant's video or images, else the entry's, else the article's own image for this network
        (`social:`), in order."""
        for own in (variant, entry):
            if own is not None and (own.video or own.images):
                return (own.video,) if own.video else own.images
        if override is not None and override.video:
            return (override.video,)  # in the article
        if override is not None and override.image:
            return (Media(override.image, override.alt, override.source or entry.source),)  # in the article
        # Where links show a preview card, the article's image travels in it (OpenGraph):
        # attaching it would turn a link post into an image post. Image-first networks need it; a network
        # that takes only videos has no use for it.
        image_first = network.media == "required" or not (network.links_clickable or network.media == "video")
        if article is not None and article.image and image_first:
            return (Media(article.image, article.image_alt, article.where("image")),)
        return ()

    def _title(self, entry: PostEntry, article: Article | None, text: str) -> str:
        if entry.title:
            return entry.title
        if article is not None:
            return article.title
        words = URL_IN_TEXT.sub("", text).split()  # a link is no title, and differs per network (tracking)
        return " ".join(words[:TITLE_WORDS]) + ("…" if len(words) > TITLE_WORDS else "")


def _spaced(poll: Poll | None, composed: Composed) -> Poll | None:
    """A post's poll as posted: its words spaced as its text is (French spacing)."""
    return french_poll(poll) if poll is not None and composed.french else poll


def _waiting(entry: PostEntry, draft: bool) -> ItemStatus | None:
    """What a post of ``entry`` waits for: "draft" (its text, or its article, is not ready: ``draft``),
    "review" (written, awaiting approval), or nothing."""
    if entry.status == "draft" or draft:
        return "draft"
    return "review" if entry.status == "review" else None


def _promotional(entry: PostEntry, campaign: Campaign | None) -> bool:
    """The entry's ``promotional:``, else its campaign's."""
    if entry.promotional is not None:
        return entry.promotional
    return bool(campaign and campaign.promotional)


def _occurrence_hint(exc: WallClockError, day: dt.date) -> str:
    """What to write for one occurrence of a rule whose time the clocks skip or repeat that night: the
    rule's `at:` is every day's, so that day's post is moved (``moved:``) or left out (``except:``)."""
    if exc.twice:
        return say("under `repeat:`, give that day its time with the UTC offset: "
                   "`moved: {{{day}: \"{first}\"}}` (the first) or "
                   "`moved: {{{day}: \"{second}\"}}` (the second); or leave the day out: `except: [{day}]`",
                   day=day.isoformat(), first=exc.choices[0], second=exc.choices[1])
    return say("under `repeat:`, give that day a time that exists: `moved: {{{day}: \"{time}\"}}`; "
               "or leave the day out: `except: [{day}]`", day=day.isoformat(), time=exc.choices[0])
