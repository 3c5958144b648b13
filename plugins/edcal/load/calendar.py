"""Load calendar.yaml (and calendar.d/*.yaml) into a validated :class:`Calendar`.

Two passes: the schema (:mod:`edcal.load.schema`) checks each file's shape
and types; then each section is read by a module of :mod:`edcal.load.sections` named
after it (``posts.py``, ``key_dates.py``…), which checks what links entries together
(owners, networks, campaigns, slots, ids), resolves time expressions in the site's
zone, and builds the model. All errors of all files are reported at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path

from edcal.errors import ErrorCollector, InputError, InputErrors, message_of
from edcal.hints import hint_zone
from edcal.i18n import say
from edcal.load import timeparse
from edcal.load.calendar_files import CALENDAR_DIR, CALENDAR_FILE, calendar_files, unread_calendar_files
from edcal.load.schema import SITE_WIDE, CalendarSpec
from edcal.load.sections._reading import CheckRule, Document, Reading
from edcal.load.sections.campaigns import read_campaigns
from edcal.load.sections.checks import read_checks
from edcal.load.sections.freeze import read_freeze
from edcal.load.sections.ideas import read_ideas
from edcal.load.sections.key_dates import read_key_dates
from edcal.load.sections.networks import read_networks
from edcal.load.sections.places import read_zone
from edcal.load.sections.posted import read_posted
from edcal.load.sections.posts import read_posts
from edcal.load.sections.repeat import DEFAULT_HORIZON, MAX_HORIZON_DAYS
from edcal.load.sections.site_wide import (
    publish_folders_apart,
    read_ambassadors,
    read_blog,
    read_country,
    read_exports,
    read_feeds,
    read_link_in_bio,
    read_planning,
    read_tracking,
)
from edcal.load.sections.slots import read_slots
from edcal.load.sections.team import read_team
from edcal.load.validate import validate_as_read
from edcal.load.yamlfile import LOC_KEY, Loc, load_yaml, read_text
from edcal.model.calendar import Calendar
from edcal.model.source import Source
from edcal.zones import zone_named

#: Sections whose entries nothing else refers to: one with an error is left out of the build, so
#: that the others' errors come in the same run (campaigns, key dates, the team and networks are
#: referred to by posts: leaving one out would bring false "unknown …" errors).
STANDALONE_ENTRIES = ("posts", "ideas", "freeze")


def _missing_calendar_hint(site: Path, timezone: str | None) -> str:
    """A blog of its own adopting edcal is told to run `edcal init`, which writes it beside its settings."""
    if not (site / "pelicanconf.py").is_file():
        return say("create one with `edcal init`, or pass --site DIR")
    if timezone:
        return say("a Pelican blog adopting edcal: `edcal init .` in its folder writes it, with `timezone: "
                   "{zone}`, and says what remains to do (edcal's docs/index.md)", zone=timezone)
    return say("a Pelican blog adopting edcal: `edcal init .` in its folder writes it, and says what remains "
               "to do (edcal's docs/index.md)")


#: calendar.yaml's `timezone:` line, read before the file is (:func:`hint_zone_of`).
_TIMEZONE_LINE = re.compile(r"^timezone:[ \t]*([\"']?)([A-Za-z][\w/+-]*)\1[ \t]*(?:#.*)?$", re.MULTILINE)


def hint_zone_of(site: Path) -> None:
    """Take a hint's "today" in the site's zone before its calendar is read (an option checked first, as
    `edcal move --since` is): calendar.yaml's `timezone:` line, when it has one; else as it was."""
    with contextlib.suppress(OSError, UnicodeDecodeError):
        found = _TIMEZONE_LINE.search((site / CALENDAR_FILE).read_text(encoding="utf-8"))
        if found is not None:
            hint_zone(found.group(2))


def load_calendar(site: Path, rules: Mapping[str, CheckRule], timezone: str | None = None) -> Calendar:
    """Read and validate the site's calendar.

    :param site: the site's root folder.
    :param timezone: the Pelican settings' ``TIMEZONE``, for the hint when calendar.yaml is missing.
    :param rules: every check rule by id (``edcal.checks.all_rules()``), which ``checks:`` and
        ``silence:`` may name.
    :raises InputErrors: with every located problem found.
    """
    errors = ErrorCollector()
    documents: list[Document] = []
    main = site / CALENDAR_FILE
    if main.is_dir():
        raise InputErrors([InputError(Source(CALENDAR_FILE, 1, 1),
                                      say("found calendar.yaml, a folder, expected the plan's file"),
                                      say("more files of entries go in {folder}/", folder=CALENDAR_DIR))])
    if not main.is_file():
        raise InputErrors(
            [InputError(Source(CALENDAR_FILE, 1, 1), say("calendar.yaml not found in the site folder"),
                        _missing_calendar_hint(site, timezone))]
        )
    unread = unread_calendar_files(site)
    errors.extend(unread)
    files = calendar_files(site)
    hint_zone(timezone)  # a hint's "today" is the site's (Pelican's TIMEZONE, calendar.yaml's below)
    for path in files:
        rel = path.relative_to(site).as_posix()
        try:
            raw = load_yaml(read_text(path, rel), rel)
        except InputErrors as exc:
            errors.extend(exc.errors)
            continue
        if raw is None:
            raw = {LOC_KEY: Loc(Source(rel, 1, 1))}
        if path == main and isinstance(raw, dict) and isinstance(raw.get("timezone"), str):
            hint_zone(raw["timezone"])
        if not isinstance(raw, dict):
            errors.add(Source(rel, 1, 1), say("found a list or a value at the top of the file, "
                                              "expected a mapping (timezone:, networks:, posts: …)"))
            continue
        # The next stage reads the fields as the spec was made of them: a misspelt `créneaux:` read as
        # `slots:` is located where it is written, not at the top of the file.
        spec, read = validate_as_read(CalendarSpec, raw, errors, droppable=STANDALONE_ENTRIES,
                                      recover_unknown=True, whole=("networks",))
        if spec is not None:
            documents.append(Document(rel, read, spec))
    if unread or len(documents) < len(files):  # a whole file is missing: the rest would mislead
        errors.raise_if_any()
    calendar = _build(documents, errors, rules)
    errors.raise_if_any()
    return calendar


def _build(documents: list[Document], errors: ErrorCollector,
           rules: Mapping[str, CheckRule]) -> Calendar:
    """The calendar the files give: its top level, then its sections, each after the ones it refers to."""
    main = documents[0]
    for extra in documents[1:]:
        for name in SITE_WIDE:
            if name in extra.raw:
                errors.add(extra.raw[LOC_KEY].key(name),
                           say("'{name}' can only be set in calendar.yaml", name=name),
                           say("move it to calendar.yaml; {folder}/ files add entries only",
                               folder=CALENDAR_DIR))
    spec = main.spec
    loc: Loc = main.raw[LOC_KEY]
    zone_name = spec.timezone
    if zone_name is None:
        errors.add(loc.source, say("missing required field 'timezone'"),
                   say("add e.g. `timezone: Europe/Paris` at the top of calendar.yaml"))
        zone_name = "UTC"
    zone = read_zone(zone_name, loc.value("timezone"), errors) or zone_named("UTC")
    horizon = DEFAULT_HORIZON
    if spec.horizon is not None:
        try:  # on the calendar: 6 months from 15 January is 15 July, the monthly post of that day with them
            if timeparse.parse_days(spec.horizon) > MAX_HORIZON_DAYS:
                errors.add(loc.value("horizon"),
                           say("found horizon '{value}', expected at most 10 years", value=spec.horizon),
                           say("open-ended recurring posts are expanded up to it: '1 year' is the "
                               "default"))
            else:
                horizon = timeparse.parse_span(spec.horizon)
        except ValueError as exc:
            errors.add(loc.value("horizon"), message_of(exc))
    calendar = Calendar(
        timezone=zone_name,
        zone=zone,
        source=loc.source,
        timezone_source=loc.value("timezone"),
        country=spec.country.upper() if spec.country else None,
        country_source=loc.value("country") if spec.country else None,
        subdivision=spec.subdivision,
        default_time=spec.default_time or dt.time(9, 0),
        horizon=horizon,
        files=tuple(d.path for d in documents),
    )
    reading = Reading(calendar, errors, rules)
    read_slots(reading, documents)
    read_key_dates(reading, documents)
    read_team(reading, documents)
    read_networks(reading, documents)
    read_campaigns(reading, documents)
    read_freeze(reading, documents)
    read_ideas(reading, documents)
    read_blog(reading, main)
    read_posts(reading, documents)
    read_posted(reading, documents)
    read_tracking(reading, main)
    read_exports(reading, main)
    read_feeds(reading, main)
    read_planning(reading, main)
    read_ambassadors(reading, main)
    read_link_in_bio(reading, main)
    publish_folders_apart(reading)
    read_checks(reading, main)
    calendar.check_ids = tuple(rules)
    read_country(reading, main)
    return calendar
