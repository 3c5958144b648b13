"""The site's settings, which only calendar.yaml may hold (not calendar.d/): `blog:`, `tracking:`,
`country:`, `exports:`, `feeds:`, `planning:` and `ambassadors:`, and the folders of output/ they
publish."""

from __future__ import annotations

import re

from dateutil.relativedelta import relativedelta

from edcal.addresses import WEB_ADDRESS
from edcal.dates import DAY_FIRST, MONTH_FIRST, MONTH_FIRST_COUNTRIES
from edcal.errors import ErrorCollector, did_you_mean, message_of
from edcal.i18n import say
from edcal.load import timeparse
from edcal.load.schema import AmbassadorsSpec, LinkInBioSpec, SuggestionSpec
from edcal.load.sections._reading import Document, Reading, collision, first_at, item_of, source_of, value_of
from edcal.load.sections.campaigns import campaign_ref
from edcal.load.sections.networks import known_networks, set_up_ids
from edcal.load.sections.places import check_country
from edcal.load.sections.posts import check_image, check_link, read_schedule
from edcal.load.sections.repeat import MAX_HORIZON_DAYS
from edcal.load.yamlfile import LOC_KEY, Loc, LocatedFields
from edcal.model.calendar import (
    AMBASSADOR_DAYS,
    FEED_PAST,
    LINK_IN_BIO_COUNT,
    PLANNING_FUTURE,
    PLANNING_PAST,
    AmbassadorSettings,
    BlogSettings,
    ExportSettings,
    FeedSettings,
    LinkInBioSettings,
    PlanningSettings,
    PromotionDefaults,
    ShareSuggestion,
    Tracking,
)
from edcal.model.source import Source


def read_blog(reading: Reading, main: Document) -> None:
    spec = main.spec.blog
    if spec is None:
        return
    promote = None
    if spec.promote is not None:
        ploc = spec.promote.loc
        networks = set_up_ids(reading, spec.promote.networks, lambda index: item_of(ploc, "networks", index))
        schedule = read_schedule(reading, spec.promote.schedule, ploc)
        promote = PromotionDefaults(networks, schedule, source_of(ploc), spec.promote.since)
    reading.calendar.blog = BlogSettings(spec.cadence, promote, source_of(spec.loc))


def read_tracking(reading: Reading, main: Document) -> None:
    calendar, errors = reading.calendar, reading.errors
    spec = main.spec.tracking
    if spec is None:
        return
    known = {"source", "medium", "campaign", "content"}
    parameters = dict(Tracking().parameters)
    for key, value in spec.parameters.items():
        if key not in known:
            errors.add(value_of(spec.loc, "parameters"),
                       say("unknown tracking parameter '{name}'", name=key),
                       did_you_mean(key, known)
                       or say("known: {names}", names=", ".join(sorted(known))))
        parameters[key] = value
    for name in ("source", "medium", "campaign", "content"):
        template = getattr(spec, name)
        if template and not _placeholders_ok(template):
            errors.add(value_of(spec.loc, name),
                       say("found '{value}', expected text with placeholders among {{network}}, "
                           "{{campaign}}, {{article}}, {{item}}", value=template))
    calendar.tracking = Tracking(
        enabled=spec.enabled, source=spec.source, medium=spec.medium, campaign=spec.campaign,
        content=spec.content, parameters=tuple(sorted(parameters.items())),
    )


def read_country(reading: Reading, main: Document) -> None:
    calendar, errors = reading.calendar, reading.errors
    loc: Loc = main.raw[LOC_KEY]
    if calendar.country is None:
        if calendar.subdivision is not None:
            errors.add(loc.key("subdivision"), say("`subdivision` needs `country`"))
        return
    check_country(calendar.country, str(main.raw.get("country", calendar.country)), calendar.subdivision,
                  errors, loc.value("country"), loc.value("subdivision"))


def read_exports(reading: Reading, main: Document) -> None:
    calendar, errors = reading.calendar, reading.errors
    spec = main.spec.exports
    # Hootsuite's upload dialog asks for the order its user's country writes dates in.
    usual = MONTH_FIRST if (calendar.country or "").upper() in MONTH_FIRST_COUNTRIES else DAY_FIRST
    calendar.exports = ExportSettings(hootsuite_date_format=usual)
    if spec is None or spec.hootsuite is None or spec.hootsuite.date_format is None:
        return
    pattern = spec.hootsuite.date_format
    where = spec.hootsuite.loc.value("date_format") if spec.hootsuite.loc else calendar.source
    missing = [code for code in ("%H", "%M") if code not in pattern]
    has_date = "%d" in pattern and "%m" in pattern and ("%Y" in pattern or "%y" in pattern)
    if missing or not has_date:
        errors.add(where, say("found date format '{pattern}', expected a strftime pattern with the "
                              "day, month, year, hours and minutes", pattern=pattern),
                   # The patterns as values: French spacing would put a no-break space in them.
                   say("e.g. '{day_first}' (day first) or '{month_first}' (month first)",
                       day_first=DAY_FIRST, month_first=MONTH_FIRST))
        return
    calendar.exports = ExportSettings(hootsuite_date_format=pattern)


def read_feeds(reading: Reading, main: Document) -> None:
    calendar, errors = reading.calendar, reading.errors
    spec = main.spec.feeds
    if spec is None:
        return
    where = spec.loc.value if spec.loc else (lambda _name: calendar.source)
    for name in ("duration", "refresh"):
        value = getattr(spec, name)
        if value is not None and value < 1:
            errors.add(where(name), say("found {name} '{value} minutes', expected at least 1 minute",
                                        name=name, value=value))
        elif value is not None and value > 7 * 24 * 60:
            errors.add(where(name), say("found {name} '{value} minutes', expected at most a week",
                                        name=name, value=value))
    past = _span_or_all(spec.past, FEED_PAST, where("past"), say("or 'all' to keep every past item"), errors)
    future = _span_or_all(spec.future, None, where("future"), say("or 'all' to show every item to come"),
                          errors)
    reminders: dict[str, int] = {family: minutes for family, minutes in spec.reminders.items()}
    calendar.feeds = FeedSettings(
        duration=spec.duration or 15, refresh=spec.refresh or 60, reminders=reminders,
        publish=_publish_folder(spec.publish, "calendars", where("publish"), errors),
        publish_source=where("publish"), past=past, future=future,
    )


def _span_or_all(text: str | None, default: relativedelta | None, source: Source, hint: str,
                 errors: ErrorCollector) -> relativedelta | None:
    """A span back or ahead (``6 months``), or ``all`` (None); ``default`` when left out or written wrong."""
    if text is None:
        return default
    if text.strip().lower() in ("all", "tout"):
        return None
    try:  # months on the calendar: 3 months back from 31 May is 28 February, not 90 days
        return timeparse.parse_span(text)
    except ValueError as exc:
        errors.add(source, message_of(exc), hint)
        return default


def read_planning(reading: Reading, main: Document) -> None:
    calendar, errors = reading.calendar, reading.errors
    spec = main.spec.planning
    if spec is None:
        return
    where = spec.loc.value if spec.loc else (lambda _name: calendar.source)
    urls: dict[str, str | None] = {}
    for name in ("url", "repository_url"):
        value = getattr(spec, name)
        if value is not None and not WEB_ADDRESS.match(value):
            shown = value[:80].replace("\r", "\\r").replace("\n", "\\n")
            message = (say("found {name} '{value}', expected a web address without spaces, line breaks, "
                           "quotes or < > (write them %20, %22…)", name=name, value=shown)
                       if value.lower().startswith(("https://", "http://")) else
                       say("found {name} '{value}', expected an address starting with https://",
                           name=name, value=shown))
            errors.add(where(name), message,
                       say("e.g. https://plan.example.fr/ or https://github.com/acme/blog/blob/main/"))
            value = None
        urls[name] = value.rstrip("/") + "/" if value else None
    calendar.planning = PlanningSettings(
        url=urls["url"], url_source=where("url"), repository_url=urls["repository_url"],
        publish=_publish_folder(spec.publish, "planning", where("publish"), errors),
        publish_source=where("publish"),
        past=_span_or_all(spec.past, PLANNING_PAST, where("past"),
                          say("or 'all' to show every past month"), errors),
        future=_span_or_all(spec.future, PLANNING_FUTURE, where("future"),
                            say("or 'all' to show every month to come"), errors),
    )


def read_ambassadors(reading: Reading, main: Document) -> None:
    calendar = reading.calendar
    spec = main.spec.ambassadors
    if spec is None:  # every default (mypy takes Field(None, …) for a required field)
        spec = AmbassadorsSpec.model_validate({})
    where = spec.loc.value if spec.loc else (lambda _name: calendar.source)
    days = _days(spec.days, AMBASSADOR_DAYS, where("days"),
                 say("or '0 days' to suggest only `suggestions`"), reading.errors)
    if days > MAX_HORIZON_DAYS:
        reading.errors.add(where("days"),
                           say("found days '{value}', expected at most 10 years", value=spec.days),
                           say("an article is suggested for a few weeks: '30 days' is the default"))
        days = AMBASSADOR_DAYS
    if spec.networks is not None:
        networks = known_networks(reading, spec.networks, spec.loc, "networks")
    else:  # the company's own networks staff can share to, else the network of professionals
        networks = tuple(n for n in calendar.networks.values() if n.share_form) \
            or (reading.registry["linkedin"],)
    suggestions = [suggestion for index, entry in enumerate(spec.suggestions)
                   if (suggestion := _suggestion(reading, entry,
                                                 item_of(spec.loc, "suggestions", index))) is not None]
    first_with: dict[str, Source] = {}
    for suggestion in suggestions:
        if suggestion.id is not None and suggestion.id in first_with:
            collision(suggestion.field_sources.get("id", suggestion.source),
                      say("suggestion id '{id}' is defined twice (first at {path}:{line})",
                          id=suggestion.id, **first_at(first_with[suggestion.id])), reading.errors)
        elif suggestion.id is not None:
            first_with[suggestion.id] = suggestion.field_sources.get("id", suggestion.source)
    medium = spec.medium or "ambassador"
    if not _placeholders_ok(medium):
        reading.errors.add(where("medium"),
                           say("found '{value}', expected text with placeholders among {{network}}, "
                               "{{campaign}}, {{article}}, {{item}}", value=medium),
                           say("e.g. medium: ambassador"))
        medium = "ambassador"
    calendar.ambassadors = AmbassadorSettings(
        days=days, networks=networks, medium=medium, suggestions=tuple(suggestions),
        publish=_publish_folder(spec.publish, "share", where("publish"), reading.errors),
        publish_source=where("publish"),
    )


#: A folder of output/ that is part of public addresses: words an address takes as they are (RFC 3986's
#: unreserved characters), folders apart by "/".
_ADDRESS_FOLDER = re.compile(r"[A-Za-z0-9._~-]+(?:/[A-Za-z0-9._~-]+)*")


def read_link_in_bio(reading: Reading, main: Document) -> None:
    """``link_in_bio:``, the public page of the latest posts' links: off unless calendar.yaml has it."""
    calendar = reading.calendar
    spec: LinkInBioSpec | None = main.spec.link_in_bio
    if spec is None:
        return
    where = spec.loc.value if spec.loc else (lambda _name: calendar.source)
    path = spec.path.strip().strip("/") if spec.path is not None else "links"
    parts = path.split("/")
    if not path or "\\" in path or any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        reading.errors.add(where("path"), say("found path '{value}', expected a folder name inside output/, "
                                              "not hidden (starting with a dot)", value=spec.path),
                           say("e.g. path: our-links (the page is then output/our-links/index.html)"))
        path = "links"
    elif not _ADDRESS_FOLDER.fullmatch(path):
        reading.errors.add(where("path"), say("found path '{value}', expected a folder name of letters, "
                                              "digits, '-', '_' and '.' (it is part of the page's address)",
                                              value=spec.path),
                           say("e.g. path: our-links (a space, '?' or '#' would break the address)"))
        path = "links"
    if spec.networks is not None:
        networks = tuple(n.id for n in known_networks(reading, spec.networks, spec.loc, "networks"))
    else:  # every network edcal knows whose captions carry no clickable link, set up or not
        known = {**reading.registry.networks, **calendar.networks}
        networks = tuple(n.id for n in known.values() if n.links_through_bio)
    calendar.link_in_bio = LinkInBioSettings(
        path=path, title=spec.title or None, networks=networks, count=spec.count or LINK_IN_BIO_COUNT,
        source=spec.loc.source if spec.loc else calendar.source, path_source=where("path"),
    )


def _suggestion(reading: Reading, entry: SuggestionSpec, source: Source) -> ShareSuggestion | None:
    """One of ``ambassadors: suggestions:``; ``source`` is its place in the list."""
    source = entry.loc.source if entry.loc else source
    entry_where = entry.loc.value if entry.loc else (lambda _name: source)
    if (entry.article is None) == (entry.link is None):
        reading.errors.add(source,
                           say("found both `article` and `link`, expected one of them") if entry.article
                           else say("found neither `article` nor `link`, expected one of them"),
                           say("article: <slug> for an article of the blog, link: https://… for any other "
                               "page (a job offer)"))
        return None
    if entry.link is not None and not entry.title:
        reading.errors.add(source, say("found a `link` without `title`, expected a title staff can read"),
                           say("e.g. title: Nous recrutons un soudeur (H/F)"))
    check_link(entry.link, entry_where("link"), reading.errors)
    check_image(entry.image, entry_where("image"), reading.errors)
    if entry.from_ and entry.until and entry.until < entry.from_:
        reading.errors.add(entry_where("until"), say("found until {until}, before from {start}",
                                                     until=entry.until, start=entry.from_),
                           say("the last day comes after the first one"))
    return ShareSuggestion(
        source=source, id=entry.id, article=entry.article, link=entry.link, title=entry.title,
        text=entry.text,
        networks=(known_networks(reading, entry.networks, entry.loc, "networks")
                  if entry.networks is not None else None),
        campaign=campaign_ref(reading, entry.campaign, entry_where("campaign")),
        start=entry.from_, end=entry.until, image=entry.image, alt=entry.alt,
        field_sources=LocatedFields(entry.loc) if entry.loc else {},
    )


def publish_folders_apart(reading: Reading) -> None:
    """Two `publish:` folders in one place: the second copy would replace the first one's files."""
    calendar, errors = reading.calendar, reading.errors
    folders = [(section, settings.publish, settings.publish_source)
               for section, settings in (("feeds", calendar.feeds), ("planning", calendar.planning),
                                         ("ambassadors", calendar.ambassadors)) if settings.publish]
    for index, (section, folder, where) in enumerate(folders):
        for other, other_folder, _ in folders[:index]:
            # Compared as macOS and Windows compare names: "Share" and "share" are one folder there.
            parts = folder.casefold().split("/")  # type: ignore[union-attr]
            other_parts = other_folder.casefold().split("/")  # type: ignore[union-attr]
            shorter = min(len(parts), len(other_parts))
            if parts[:shorter] != other_parts[:shorter]:
                continue
            if len(parts) == len(other_parts):
                message = say("found publish '{folder}', the folder `{other}: publish:` fills: each "
                              "build replaces a published folder whole", folder=folder, other=other)
            elif len(parts) < len(other_parts):
                message = say("found publish '{folder}', which holds '{other_folder}', the folder "
                              "`{other}: publish:` fills: each build replaces a published folder whole",
                              folder=folder, other_folder=other_folder, other=other)
            else:
                message = say("found publish '{folder}', inside '{other_folder}', the folder "
                              "`{other}: publish:` fills: each build replaces a published folder whole",
                              folder=folder, other_folder=other_folder, other=other)
            errors.add(where or calendar.source, message,
                       say("give `{section}: publish:` a folder of its own, e.g. {section}-public",
                           section=section))
    bio = calendar.link_in_bio
    if bio is None:
        return
    for section, folder, _ in folders:  # a published folder, replaced whole by each build, takes the page too
        parts, bio_parts = str(folder).casefold().split("/"), bio.path.casefold().split("/")
        if parts == bio_parts[:len(parts)] or bio_parts == parts[:len(bio_parts)]:
            errors.add(bio.path_source or calendar.source,
                       say("found path '{path}', where `{other}: publish:` copies its folder '{folder}': "
                           "each build replaces a published folder whole", path=bio.path, other=section,
                           folder=folder),
                       say("give the link-in-bio page a folder of its own, e.g. path: our-links"))


def _days(text: str | None, default: int, where: Source, hint: str, errors: ErrorCollector) -> int:
    """A span (``30 days``, ``2 weeks``, ``6 months``) in days; ``default`` when unset or wrong."""
    if text is None:
        return default
    try:
        return timeparse.parse_days(text)
    except ValueError as exc:
        errors.add(where, message_of(exc), hint)
        return default


def _publish_folder(value: bool | str, default: str, where: Source,
                    errors: ErrorCollector) -> str | None:
    """``publish:`` as a folder of output/: false -> None, true -> default, else a safe relative path."""
    if value is False:
        return None
    if value is True:
        return default
    folder = str(value).strip().strip("/")
    parts = folder.split("/")
    if any(part.startswith(".") and part not in (".", "..") for part in parts):  # .git, .well-known
        errors.add(where, say("found publish '{value}', a hidden folder (its name starts with a "
                              "dot), expected a folder name inside output/", value=value),
                   say("e.g. publish: calendars-7f3a9c (servers often refuse to serve hidden "
                       "folders)"))
        return None
    if not folder or any(part in ("", ".", "..") for part in parts) or "\\" in folder:
        errors.add(where, say("found publish '{value}', expected true, false or a folder name "
                              "inside output/", value=value),
                   say("e.g. publish: calendars-7f3a9c (a hard-to-guess name keeps casual "
                       "visitors out)"))
        return None
    if not _ADDRESS_FOLDER.fullmatch(folder):
        errors.add(where, say("found publish '{value}', expected a folder name of letters, digits, '-', '_' "
                              "and '.' (it is part of the published addresses)", value=value),
                   say("e.g. publish: calendars-7f3a9c (a space, '?' or '#' would break the addresses)"))
        return None
    return folder


def _placeholders_ok(template: str) -> bool:
    """Placeholders among the four, and braces that format as text (a lone '{' or '}' does not)."""
    try:
        template.format(network="n", campaign="c", article="a", item="i")
    except (ValueError, KeyError, IndexError, AttributeError):
        return False
    names = re.findall(r"{([^}]*)}", template)
    return all(n in ("network", "campaign", "article", "item") for n in names)
