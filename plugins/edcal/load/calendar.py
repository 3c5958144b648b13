"""Load calendar.yaml (and calendar.d/*.yaml) into a validated :class:`Calendar`.

Two passes: the schema (:mod:`edcal.load.schema`) checks each file's shape
and types; this module then checks what links entries together (owners,
networks, campaigns, slots, ids), resolves time expressions in the site's
zone, and builds the model. All errors of all files are reported at once.
"""

from __future__ import annotations

import calendar as _calendar
import dataclasses
import datetime as dt
import itertools
import re
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateutil.rrule import rrulestr

from edcal import public_holidays
from edcal.dates import DAY_FIRST, MONTH_FIRST, MONTH_FIRST_COUNTRIES
from edcal.errors import ErrorCollector, InputError, InputErrors, closest, did_you_mean, message_of
from edcal.hints import value_hint
from edcal.i18n import Message, say
from edcal.ids import IdAllocator, slugify
from edcal.load import timeparse
from edcal.load.articles import not_an_image
from edcal.load.checks_section import CheckRule, parse_checks, parse_silence
from edcal.load.colors import css_color
from edcal.load.networks import Registry, builtin_registry, registry_with, site_network
from edcal.load.schema import (
    SITE_WIDE,
    AmbassadorsSpec,
    CalendarSpec,
    PostSpec,
    RepeatSpec,
    SuggestionSpec,
    VariantSpec,
    describe,
)
from edcal.load.validate import SITE_PATH, WEB_ADDRESS, reference_hint, scheme_missing, validate_spec
from edcal.load.yamlfile import LOC_KEY, Loc, LocatedFields, edited_in, load_yaml, read_text, unreadable
from edcal.model.calendar import (
    AMBASSADOR_DAYS,
    FEED_PAST_DAYS,
    MAX_OCCURRENCES,
    AmbassadorSettings,
    BlogSettings,
    Calendar,
    Campaign,
    ExportSettings,
    FeedSettings,
    FreezeWindow,
    Idea,
    KeyDate,
    Media,
    MovedOccurrence,
    Offset,
    Person,
    PlanningSettings,
    PostEntry,
    PromotionDefaults,
    Recurrence,
    ShareSuggestion,
    Tracking,
    Variant,
    When,
    plain_name,
)
from edcal.model.days import start_of_day
from edcal.model.network import Network
from edcal.model.source import Source
from edcal.zones import WallClockError, at_offset, localize, zone_hint, zone_named

CALENDAR_FILE = "calendar.yaml"
CALENDAR_DIR = "calendar.d"
DEFAULT_HORIZON_DAYS = 365
#: How far ahead open-ended recurrences may be expanded (`horizon:`).
MAX_HORIZON_DAYS = 3660



#: Words of dates a slot may not be named: ``salon-industrie end``, ``+2 days at midi``, ``at publication``.
_NOT_SLOT_NAMES = frozenset({"end", "fin", "at", "publication", "day", "days", "week", "weeks", "month",
                             "months"})

#: Ids a network cannot take: the blog's feed (calendars/blog.ics) and filters use them.
RESERVED_NETWORK_IDS = frozenset({"blog"})


@dataclass(slots=True)
class _Document:
    path: str
    raw: dict[str, Any]
    spec: CalendarSpec


@dataclass(frozen=True, slots=True)
class _Moved:
    """One entry of a rule's ``moved:``, as read."""

    day: dt.date
    when: When
    key_source: Source
    source: Source


def calendar_files(site: Path) -> list[Path]:
    """calendar.yaml, then calendar.d/*.yaml in name order."""
    files = [site / CALENDAR_FILE]
    extra = site / CALENDAR_DIR
    found = {p.name: p for p in _listed(extra) if p.is_file()} if extra.is_dir() else {}
    found.update((p.name, extra / p.name) for p in edited_in(extra))  # a file about to be written
    # Hidden files are not entries: macOS's ._salon.yaml, emacs's .#salon.yaml.
    return files + [path for name, path in sorted(found.items())
                    if path.suffix in (".yaml", ".yml") and not name.startswith(".")]


def _rule_days(rule: str, spec: RepeatSpec, last: dt.date) -> list[dt.date]:
    """The days a recurring entry's rule gives, up to ``last`` (and its ``until``/``count``)."""
    recurrence = rrulestr(rule, dtstart=dt.datetime.combine(spec.from_, dt.time()))  # type: ignore[arg-type]
    if spec.count is not None:
        recurrence = recurrence.replace(count=spec.count)  # type: ignore[union-attr]
    given: list[dt.date] = []
    for moment in recurrence:
        if moment.date() > last or (spec.until is not None and moment.date() > spec.until) \
                or len(given) > MAX_OCCURRENCES:
            break
        given.append(moment.date())
    return given


def _skips_a_month(spec: RepeatSpec, day: int) -> bool:
    """Whether a monthly rule on ``day`` meets a month without it before it ends (``until``, ``count``;
    four years for an open rule: every 12 months on 31 January never does)."""
    year, month, kept = spec.from_.year, spec.from_.month, 0
    for _ in range(48 * 12 // spec.interval + 1):  # an open rule: four years, a leap year's cycle
        first = dt.date(year, month, 1)
        if spec.until is not None and first > spec.until:
            return False
        if first.replace(day=_calendar.monthrange(year, month)[1]) >= spec.from_:
            if _calendar.monthrange(year, month)[1] < day:
                return True
            kept += 1
            if spec.count is not None and kept >= spec.count:
                return False
        month += spec.interval
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return False


def _listed(folder: Path) -> list[Path]:
    """The files of calendar.d/, in name order.

    :raises InputErrors: when the folder may not be read.
    """
    try:
        return sorted(folder.iterdir())
    except OSError as exc:
        raise unreadable(CALENDAR_DIR, exc) from None


def unread_calendar_files(site: Path) -> list[InputError]:
    """Files in calendar.d/ meant for it that would not be read: their entries would be missing silently.

    ``salon.YAML``, ``salon.yaml.txt``, a sub-folder, or a file without
    extension that starts like calendar.yaml's entries (``posts:``…), as web
    editors save them. Other files (notes, editor backups ``salon.yaml~``,
    ``Thumbs.db``) are left alone.
    """
    extra = site / CALENDAR_DIR
    if extra.exists() and not extra.is_dir():
        return [InputError(Source(CALENDAR_DIR, 1, 1),
                           say("found {folder}, a file, expected a folder of .yaml files: its entries would "
                               "not be read", folder=CALENDAR_DIR),
                           say("make {folder}/ a folder, and move this file into it as {folder}/plan.yaml",
                               folder=CALENDAR_DIR))]
    if not extra.is_dir():
        return []
    problems = []
    for path in _listed(extra):
        rel = f"{CALENDAR_DIR}/{path.name}"
        if path.name.startswith("."):
            continue
        lower = path.name.lower()
        if path.is_dir():
            if not any(p.suffix.lower() in (".yaml", ".yml") for p in path.rglob("*")):
                continue  # images, notes: not meant as entries
            problems.append(InputError(Source(rel, 1, 1),
                                       say("found the folder {path}/, which is not read: {folder}/ reads the "
                                           ".yaml files at its top only", path=rel, folder=CALENDAR_DIR),
                                       say("move its .yaml files up into {folder}/", folder=CALENDAR_DIR)))
            continue
        if path.suffix in (".yaml", ".yml"):
            continue
        if lower.endswith((".yaml", ".yml")):
            meant = path.stem + path.suffix.lower()
        elif lower.endswith((".yaml.txt", ".yml.txt")):
            meant = path.name[:-4]
        elif "." not in path.name and _starts_like_entries(path):
            meant = path.name + ".yaml"
        else:
            continue
        problems.append(InputError(Source(rel, 1, 1),
                                   say("found {path}, which is not read: {folder}/ reads files named *.yaml",
                                       path=rel, folder=CALENDAR_DIR),
                                   say("rename it {name}", name=meant)))
    return problems


#: What a calendar.d/ file starts with.
_ENTRIES_START = re.compile(
    r"^(?:#[^\n]*\n|\s*\n)*(?:slots|team|networks|campaigns|key_dates|freeze|ideas|posts)\s*:", re.IGNORECASE)


#: A key date id that a date would be read as (``2027-01-19``): refused.
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}(?:-\d{1,2})?$|^\d{1,2}-\d{1,2}-\d{4}$|^\d{8}$")
#: A word where a date was expected that can only be a key date's id (a date starts with a digit).
_KEY_DATE_LIKE = re.compile(r"^[a-z][a-z0-9-]*$", re.IGNORECASE)


def _named_key_date(text: str, calendar: Calendar) -> str | None:
    """A key date written by its name rather than its id: ``Salon Industrie -7 days``, or by the first words
    of it (``Salon Métal Expo -7 days`` for "Salon Métal Expo, Lyon Eurexpo"), case and accents aside."""
    written = _name_words(text)
    # The words before the offset, the time or `end`: "salon metal expo" of "Salon Métal Expo -7 days".
    named = list(itertools.takewhile(lambda w: not (w[0] in "+-" or w[0].isdigit() or w in _AFTER_NAME),
                                     written))
    first = text.split()[0].lower() if text.split() else ""
    covered: list[tuple[int, KeyDate]] = []  # how many of the words written each name accounts for
    for key_date in calendar.key_dates.values():
        name = _name_words(key_date.name)
        if first == key_date.id and len(named) <= 1:
            continue  # its id, then what is wrong ("noel 25h" for Noël): its name is no hint
        if name and written[:len(name)] == name:  # the whole name ("14 Juillet -1 day", "Salon 2027 -7 days")
            covered.append((len(name), key_date))
        elif named and name[:len(named)] == named and len(named) >= 2:
            covered.append((len(named), key_date))
    most = max((count for count, _key_date in covered), default=0)
    meant = [key_date for count, key_date in covered if count == most]
    if len(meant) > 1:  # the first words of several names ("Journée portes ouvertes" of March's and June's)
        return say("write the id of the key date meant, one of: {key_dates}",
                   key_dates=", ".join(f"'{k.id}' ({k.name})" for k in meant))
    if not meant:
        return None
    key_date = meant[0]
    return say("'{name}' is the name of '{id}': write its id", name=key_date.name, id=key_date.id)


#: Words that follow a key date's id, not part of its name.
_AFTER_NAME = frozenset(("end", "fin", "at", "a", "à"))


def _name_words(text: str) -> list[str]:
    """The words of a name, without case, accents or punctuation ("Salon Métal Expo, Lyon": salon metal expo
    lyon)."""
    return re.findall(r"[+-]?\w[\w'’-]*", plain_name(text))


def _key_date_hint(text: str, calendar: Calendar) -> str | None:
    """The key date meant: by its name, by the start of its id (``salon`` for ``salon-industrie``),
    or the closest id; None when none is near."""
    named = _named_key_date(text, calendar)
    if named is not None:
        return named
    word = text.split()[0].casefold() if text.split() else ""
    starting = [key for key in calendar.key_dates if key.startswith(word)]
    if word and len(starting) == 1:
        return say("did you mean '{match}'?", match=starting[0])
    return did_you_mean(word, calendar.key_dates)


class KeyDateError(ValueError):
    """A post's time naming a key date that does not exist, or followed by what is not an offset."""

    def __init__(self, message: str | None, hint: str | None):
        super().__init__(message)
        #: A Message (str(self) would lose its translation); None when the error is reported already.
        self.message = message
        self.hint = hint


#: The day a key date without one is read with, to read what follows its id (an offset, a time).
_SOME_DAY = dt.date(2000, 1, 3)


def _starts_like_entries(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            start = handle.read(2000).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        return False
    return bool(_ENTRIES_START.match(start))


#: Sections whose entries nothing else refers to: one with an error is left out of the build, so
#: that the others' errors come in the same run (campaigns, key dates, the team and networks are
#: referred to by posts: leaving one out would bring false "unknown …" errors).
STANDALONE_ENTRIES = ("posts", "ideas", "freeze")


def load_calendar(site: Path, rules: Mapping[str, CheckRule]) -> Calendar:
    """Read and validate the site's calendar.

    :param site: the site's root folder.
    :param rules: every check rule by id (``edcal.checks.all_rules()``), which ``checks:`` and
        ``silence:`` may name.
    :raises InputErrors: with every located problem found.
    """
    errors = ErrorCollector()
    documents: list[_Document] = []
    main = site / CALENDAR_FILE
    if main.is_dir():
        raise InputErrors([InputError(Source(CALENDAR_FILE, 1, 1),
                                      say("found calendar.yaml, a folder, expected the plan's file"),
                                      say("more files of entries go in {folder}/", folder=CALENDAR_DIR))])
    if not main.is_file():
        raise InputErrors(
            [InputError(Source(CALENDAR_FILE, 1, 1), say("calendar.yaml not found in the site folder"),
                       say("create one with `edcal init`, or pass --site DIR"))]
        )
    unread = unread_calendar_files(site)
    errors.extend(unread)
    files = calendar_files(site)
    for path in files:
        rel = path.relative_to(site).as_posix()
        try:
            raw = load_yaml(read_text(path, rel), rel)
        except InputErrors as exc:
            errors.extend(exc.errors)
            continue
        if raw is None:
            raw = {LOC_KEY: Loc(Source(rel, 1, 1))}
        if not isinstance(raw, dict):
            errors.add(Source(rel, 1, 1), say("found a list or a value at the top of the file, "
                                              "expected a mapping (timezone:, networks:, posts: …)"))
            continue
        spec = validate_spec(CalendarSpec, raw, errors, droppable=STANDALONE_ENTRIES)
        if spec is not None:
            documents.append(_Document(rel, raw, spec))
    if unread or len(documents) < len(files):  # a whole file is missing: the rest would mislead
        errors.raise_if_any()
    calendar = _Builder(errors, rules).build(documents)
    errors.raise_if_any()
    return calendar


class _Builder:
    def __init__(self, errors: ErrorCollector, rules: Mapping[str, CheckRule]) -> None:
        self.errors = errors
        self.rules = rules
        self.registry: Registry = builtin_registry()
        #: Networks whose entry under `networks:` has an error (and the built-in it was likely meant as).
        self.failed_networks: set[str] = set()
        #: Key dates and campaigns written, but left out for an error of their own: what names them gets
        #: no second error ("unknown key date 'salon'" for a key date that is in the file).
        self.failed_key_dates: set[str] = set()
        self.failed_campaigns: set[str] = set()

    # -- the whole calendar -------------------------------------------------

    def build(self, documents: list[_Document]) -> Calendar:
        main = documents[0]
        for extra in documents[1:]:
            for name in SITE_WIDE:
                if name in extra.raw:
                    self.errors.add(extra.raw[LOC_KEY].key(name),
                                    say("'{name}' can only be set in calendar.yaml", name=name),
                                    say("move it to calendar.yaml; {folder}/ files add entries only",
                                        folder=CALENDAR_DIR))
        spec = main.spec
        loc: Loc = main.raw[LOC_KEY]
        zone_name = spec.timezone
        if zone_name is None:
            self.errors.add(loc.source, say("missing required field 'timezone'"),
                            say("add e.g. `timezone: Europe/Paris` at the top of calendar.yaml"))
            zone_name = "UTC"
        try:
            zone = zone_named(zone_name)
        except ValueError as exc:
            self.errors.add(loc.value("timezone"), message_of(exc), zone_hint(zone_name))
            zone = zone_named("UTC")
        horizon = DEFAULT_HORIZON_DAYS
        if spec.horizon is not None:
            try:
                horizon = timeparse.parse_days(spec.horizon)
            except ValueError as exc:
                self.errors.add(loc.value("horizon"), message_of(exc))
            if horizon > MAX_HORIZON_DAYS:
                self.errors.add(loc.value("horizon"),
                                say("found horizon '{value}', expected at most 10 years", value=spec.horizon),
                                say("open-ended recurring posts are expanded up to it: '1 year' is the "
                                    "default"))
                horizon = DEFAULT_HORIZON_DAYS
        calendar = Calendar(
            timezone=zone_name,
            zone=zone,
            source=loc.source,
            timezone_source=loc.value("timezone"),
            country=spec.country.upper() if spec.country else None,
            subdivision=spec.subdivision,
            default_time=spec.default_time or dt.time(9, 0),
            horizon_days=horizon,
            files=tuple(d.path for d in documents),
        )
        self._slots(calendar, documents)
        self._key_dates(calendar, documents)
        self._team(calendar, documents)
        self._networks(calendar, documents)
        self._campaigns(calendar, documents)
        self._freezes(calendar, documents)
        self._ideas(calendar, documents)
        self._blog(calendar, main)
        self._posts(calendar, documents)
        self._tracking(calendar, main)
        self._exports(calendar, main)
        self._feeds(calendar, main)
        self._planning(calendar, main)
        self._ambassadors(calendar, main)
        self._publish_folders_apart(calendar)
        calendar.checks = parse_checks(main.raw.get("checks"), loc.value("checks"), self.errors, self.rules)
        calendar.check_ids = tuple(self.rules)
        self._country(calendar, main)
        return calendar

    # -- sections -----------------------------------------------------------

    def _slots(self, calendar: Calendar, documents: list[_Document]) -> None:
        seen: dict[str, Source] = {}
        for doc in documents:
            slots_raw = doc.raw.get("slots") or {}
            slots_loc: Loc | None = slots_raw.get(LOC_KEY) if isinstance(slots_raw, dict) else None
            for name, time in doc.spec.slots.items():
                where = slots_loc.key(name) if slots_loc else doc.raw[LOC_KEY].source
                key = name.lower()
                if key in seen:
                    self._collision(where, say("slot '{name}' is defined twice (first at {path}:{line})",
                                               name=name, **_first(seen[key])))
                    continue
                if not re.match(r"^[^\W\d_][\w-]*$", key):
                    self.errors.add(where, say("found slot name '{name}', expected a word such as 'midi'",
                                               name=name))
                    continue
                if key in _NOT_SLOT_NAMES:  # `salon-industrie end` would read either way
                    self.errors.add(where, say("found slot name '{name}', a word dates are written with "
                                               "(`salon-industrie end`, `at publication`)", name=name),
                                    say("choose another name, e.g. 'soir'"))
                    continue
                seen[key] = where
                calendar.slots[key] = time

    def _key_dates(self, calendar: Calendar, documents: list[_Document]) -> None:
        for doc in documents:
            for spec in doc.spec.key_dates:
                source = _src(spec.loc)
                if spec.id in calendar.key_dates:
                    self._collision(source, say("key date '{id}' is defined twice (first at {path}:{line})",
                                                id=spec.id, **_first(calendar.key_dates[spec.id].source)))
                    continue
                if _DATE_LIKE.match(spec.id):
                    self.errors.add(_value(spec.loc, "id"),
                                    say("found key date id '{id}', which reads as a date: posts' dates would "
                                        "mean it", id=spec.id),
                                    say("give it a name, e.g. salon-2027"))
                    continue
                # After an error of its own, the key date is kept with the days it seems to mean (`on:`
                # read as `from:`; `from` and `until` swapped), so that the posts written relative to it
                # are read, and report their own errors only; the build stops on its error anyway.
                if spec.on is not None and (spec.from_ is not None or spec.until is not None):
                    both = "from" if spec.from_ is not None else "until"
                    self.errors.add(_key(spec.loc, both),
                                    say("found both `on:` and `{field}:`, expected `on:` alone, or `from:` "
                                        "and `until:`", field=both),
                                    say("on: for one day; from: and until: for several"))
                start = spec.from_ or spec.on
                if start is None:
                    self.errors.add(source, say("key date '{id}' has no day", id=spec.id),
                                    say("add `on: YYYY-MM-DD`, or `from:` and `until:` for several days"))
                    self.failed_key_dates.add(spec.id.lower())
                    continue
                end = spec.until or start
                # `on:` with `until:` before it is the error above, said once: there is no `from` to swap.
                if end < start and (spec.from_ is not None or spec.on is None):
                    self.errors.add(_value(spec.loc, "until"),
                                    say("key date '{id}' ends ({end:%Y-%m-%d}) before it starts "
                                        "({start:%Y-%m-%d})",
                                        id=spec.id, end=end, start=start),
                                    say("swap `from` and `until`"))
                if end < start:
                    start, end = end, start
                bounds = (("on", spec.on), ("from", spec.from_), ("until", spec.until))
                written = {name: _value(spec.loc, name) for name, value in bounds if value is not None}
                calendar.key_dates[spec.id] = KeyDate(spec.id, spec.name, start, end, source,
                                                      spec.description, written)

    def _team(self, calendar: Calendar, documents: list[_Document]) -> None:
        for doc in documents:
            for person in doc.spec.team:
                source = _src(person.loc)
                if person.id in calendar.team:
                    self._collision(source, say("person '{id}' is defined twice (first at {path}:{line})",
                                                id=person.id, **_first(calendar.team[person.id].source)))
                    continue
                calendar.team[person.id] = Person(person.id, person.name, person.email, source)

    def _networks(self, calendar: Calendar, documents: list[_Document]) -> None:
        seen: dict[str, Source] = {}
        declared: list[tuple[Network, Any]] = []
        for doc in documents:
            networks_loc: Loc = doc.raw.get("networks", {}).get(LOC_KEY) or doc.raw[LOC_KEY]
            for name, spec in doc.spec.networks.items():
                key_source = networks_loc.key(name)
                if name.lower() in RESERVED_NETWORK_IDS:
                    self.errors.add(key_source, say("found network '{name}', a name edcal keeps for its own "
                                                    "feeds and filters", name=name),
                                    say("give the network another id, e.g. 'blog-interne'"))
                    continue
                network = site_network(name.lower(), spec, self.registry, key_source, self.errors)
                if network is None:  # reported at its key: the posts on it are not told again
                    close = closest(name.lower(), self.registry.names())
                    self.failed_networks |= {name.lower(), self.registry.canonical(close) if close else ""}
                    continue
                if network.id in seen:
                    self._collision(key_source, say("network '{id}' is defined twice (first at "
                                                    "{path}:{line})", id=network.id,
                                                    **_first(seen[network.id])))
                    continue
                seen[network.id] = key_source
                calendar.networks[network.id] = network
                declared.append((network, spec))
        custom = {n.id: n for n in calendar.networks.values() if not n.builtin}
        self._aliases_apart(declared)
        self.registry = registry_with(custom)
        # A built-in network's aliases the site adds (`linkedin: {aliases: [li]}`) name it too.
        self.registry.aliases.update({alias: network.id for network in calendar.networks.values()
                                      if network.builtin for alias in network.aliases})

    def _aliases_apart(self, declared: list[tuple[Network, Any]]) -> None:
        """A site network's alias may be no network's id nor another network's alias: a post on `intra`
        went to one network, `edcal agenda --network intra` looked at the other."""
        builtin = builtin_registry()
        owners: dict[str, str] = dict(builtin.aliases)
        ids = {*builtin.networks, *(network.id for network, _spec in declared)}
        for network, spec in declared:
            for index, alias in enumerate(spec.aliases or ()):
                name = str(alias).lower()
                where = _item(spec.loc, "aliases", index)
                if name in RESERVED_NETWORK_IDS:
                    self.errors.add(where, say("found alias '{alias}' on network '{network}', a name edcal "
                                               "keeps for its own feeds and filters",
                                               alias=alias, network=network.id),
                                    say("give another alias"))
                elif name in ids and name != network.id:
                    self.errors.add(where, say("found alias '{alias}' on network '{network}', which is the "
                                               "id of the network '{other}'",
                                               alias=alias, network=network.id, other=name),
                                    say("remove it, or give another alias"))
                elif owners.get(name, network.id) != network.id:
                    self.errors.add(where, say("found alias '{alias}' on network '{network}', an alias of "
                                               "the network '{other}' already",
                                               alias=alias, network=network.id, other=owners[name]),
                                    say("give each network aliases of its own"))
                else:
                    owners[name] = network.id

    def _campaigns(self, calendar: Calendar, documents: list[_Document]) -> None:
        for doc in documents:
            for spec in doc.spec.campaigns:
                source = _src(spec.loc)
                if spec.id in calendar.campaigns:
                    self._collision(source, say("campaign '{id}' is defined twice (first at {path}:{line})",
                                                id=spec.id, **_first(calendar.campaigns[spec.id].source)))
                    continue
                first = self._day_when(calendar, spec.from_, _value(spec.loc, "from"))
                last = self._day_when(calendar, spec.until, _value(spec.loc, "until"))
                if first is None or last is None:
                    self.failed_campaigns.add(spec.id)
                    continue
                start, end = first.date, last.date
                key_dates = tuple(dict.fromkeys(w.key_date for w in (first, last) if w.key_date))
                if end < start:
                    self.errors.add(_value(spec.loc, "until"),
                                    say("campaign '{id}' ends ({end:%Y-%m-%d}) before it starts "
                                        "({start:%Y-%m-%d})",
                                        id=spec.id, end=end, start=start),
                                    say("swap `from` and `until`"))
                owner = self._person(calendar, spec.owner, _value(spec.loc, "owner"))
                color = css_color(spec.color, _value(spec.loc, "color"), self.errors)
                hashtags = tuple(_hashtag(h) for h in spec.hashtags)
                networks = self._setup_networks(calendar, spec.networks or [], spec.loc, "networks") \
                    if spec.networks is not None else ()
                calendar.campaigns[spec.id] = Campaign(
                    id=spec.id, name=spec.name, start=start, end=end, source=source,
                    hashtags=hashtags,
                    objective=spec.objective.to_model() if spec.objective else None,
                    utm_campaign=spec.utm_campaign, owner=owner, color=color,
                    description=spec.description, promotional=spec.promotional,
                    from_source=_value(spec.loc, "from"), until_source=_value(spec.loc, "until"),
                    key_dates=key_dates, cadence=spec.cadence, networks=networks,
                    cadence_source=_value(spec.loc, "cadence") if spec.cadence is not None else None,
                )

    def _freezes(self, calendar: Calendar, documents: list[_Document]) -> None:
        for doc in documents:
            for spec in doc.spec.freeze:
                source = _src(spec.loc)
                start = self._instant(calendar, spec.from_, _value(spec.loc, "from"), end=False)
                end = None
                if spec.until is not None:
                    end = self._instant(calendar, spec.until, _value(spec.loc, "until"), end=True)
                if start is None or (spec.until is not None and end is None):
                    continue
                if end is not None and end <= start:
                    self.errors.add(_value(spec.loc, "until"),
                                    say("the freeze ends ({end}) before it starts ({start})",
                                        end=spec.until, start=spec.from_))
                    continue
                # Any network edcal knows: staff share on networks the company does not post on.
                frozen = self._known_networks(calendar, spec.networks, spec.loc, "networks",
                                              say("leave `networks` out to freeze every network")) \
                    if spec.networks is not None else None
                calendar.freezes.append(
                    # A freeze of some networks leaves the blog alone unless it says otherwise.
                    FreezeWindow(start, end, spec.reason, source,
                                 frozenset(n.id for n in frozen) if frozen is not None else None,
                                 spec.blog if spec.blog is not None else spec.networks is None,
                                 network_names={n.id: n.name for n in frozen or ()},
                                 from_source=_value(spec.loc, "from"))
                )

    def _ideas(self, calendar: Calendar, documents: list[_Document]) -> None:
        ids = IdAllocator()
        pending: list[tuple[Any, Source]] = []
        for doc in documents:
            for spec in doc.spec.ideas:
                pending.append((spec, _src(spec.loc)))
        for spec, source in pending:
            if spec.id is not None:
                other = ids.explicit(spec.id, source)
                if other is not None:
                    self._collision(source, say("idea id '{id}' is defined twice (first at {path}:{line})",
                                                id=spec.id, **_first(other)))  # type: ignore[arg-type]
        for spec, source in pending:
            idea_id = spec.id or ids.derived(slugify(spec.title) or "idea", source)
            fields = {name: _value(spec.loc, name)
                      for name in ("draft_due", "review_due", "publish", "owner")}
            calendar.ideas.append(
                Idea(
                    id=idea_id, title=spec.title, status=spec.status, source=source,
                    owner=self._person(calendar, spec.owner, fields["owner"]),
                    draft_due=spec.draft_due, review_due=spec.review_due, publish=spec.publish,
                    campaign=self._campaign(calendar, spec.campaign, _value(spec.loc, "campaign")),
                    notes=spec.notes, field_sources=fields,
                    silenced=parse_silence(spec.silence, _value(spec.loc, "silence"), self.errors,
                                           self.rules),
                )
            )

    def _blog(self, calendar: Calendar, main: _Document) -> None:
        spec = main.spec.blog
        if spec is None:
            return
        promote = None
        if spec.promote is not None:
            ploc = spec.promote.loc
            networks = tuple(
                n for i, name in enumerate(spec.promote.networks)
                if (n := self._network_ref(calendar, name, _item(ploc, "networks", i)))
            )
            schedule = self._schedule(calendar, spec.promote.schedule, ploc)
            promote = PromotionDefaults(networks, schedule, _src(ploc), spec.promote.since)
        calendar.blog = BlogSettings(spec.cadence, promote, _src(spec.loc))

    def _tracking(self, calendar: Calendar, main: _Document) -> None:
        spec = main.spec.tracking
        if spec is None:
            return
        known = {"source", "medium", "campaign", "content"}
        parameters = dict(Tracking().parameters)
        for key, value in spec.parameters.items():
            if key not in known:
                self.errors.add(_value(spec.loc, "parameters"),
                                say("unknown tracking parameter '{name}'", name=key),
                                did_you_mean(key, known)
                                or say("known: {names}", names=", ".join(sorted(known))))
            parameters[key] = value
        for name in ("source", "medium", "campaign", "content"):
            template = getattr(spec, name)
            if template and not _placeholders_ok(template):
                self.errors.add(_value(spec.loc, name),
                                say("found '{value}', expected text with placeholders among {{network}}, "
                                    "{{campaign}}, {{article}}, {{item}}", value=template))
        calendar.tracking = Tracking(
            enabled=spec.enabled, source=spec.source, medium=spec.medium, campaign=spec.campaign,
            content=spec.content, parameters=tuple(sorted(parameters.items())),
        )

    def _country(self, calendar: Calendar, main: _Document) -> None:
        loc: Loc = main.raw[LOC_KEY]
        if calendar.country is None:
            if calendar.subdivision is not None:
                self.errors.add(loc.key("subdivision"), say("`subdivision` needs `country`"))
            return
        if not public_holidays.known_country(calendar.country):
            written = str(main.raw.get("country", calendar.country))
            code = public_holidays.code_for_name(written)
            self.errors.add(loc.value("country"), say("found country '{country}', expected an ISO 3166 code "
                                                      "known to the holidays library", country=written),
                            (say("write its code: country: {code}", code=code) if code else None)
                            or did_you_mean(calendar.country, public_holidays.countries())
                            or say("e.g. FR, BE, CH, CA"))
        elif calendar.subdivision is not None and \
                calendar.subdivision not in public_holidays.subdivisions(calendar.country):
            self.errors.add(loc.value("subdivision"),
                            say("found subdivision '{subdivision}', expected one of {country}'s",
                                subdivision=calendar.subdivision, country=calendar.country),
                            did_you_mean(calendar.subdivision, public_holidays.subdivisions(calendar.country))
                            or ", ".join(public_holidays.subdivisions(calendar.country)[:12]))

    def _exports(self, calendar: Calendar, main: _Document) -> None:
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
            self.errors.add(where, say("found date format '{pattern}', expected a strftime pattern with the "
                                       "day, month, year, hours and minutes", pattern=pattern),
                            # The patterns as values: French spacing would put a no-break space in them.
                            say("e.g. '{day_first}' (day first) or '{month_first}' (month first)",
                                day_first=DAY_FIRST, month_first=MONTH_FIRST))
            return
        calendar.exports = ExportSettings(hootsuite_date_format=pattern)

    def _feeds(self, calendar: Calendar, main: _Document) -> None:
        spec = main.spec.feeds
        if spec is None:
            return
        where = spec.loc.value if spec.loc else (lambda _name: calendar.source)
        for name in ("duration", "refresh"):
            value = getattr(spec, name)
            if value is not None and value < 1:
                self.errors.add(where(name), say("found {name} '{value} minutes', expected at least 1 minute",
                                                 name=name, value=value))
            elif value is not None and value > 7 * 24 * 60:
                self.errors.add(where(name), say("found {name} '{value} minutes', expected at most a week",
                                                 name=name, value=value))
        past: int | None = None
        if spec.past is None or spec.past.strip().lower() not in ("all", "tout"):
            past = self._days(spec.past, FEED_PAST_DAYS, where("past"),
                              say("or 'all' to keep every past item"))
        calendar.feeds = FeedSettings(
            duration=spec.duration or 15, refresh=spec.refresh or 60, reminders=dict(spec.reminders),
            publish=self._publish_folder(spec.publish, "calendars", where("publish")),
            publish_source=where("publish"), past_days=past,
        )

    def _planning(self, calendar: Calendar, main: _Document) -> None:
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
                self.errors.add(where(name), message,
                                say("e.g. https://plan.example.fr/ or https://github.com/acme/blog/blob/main/"))
                value = None
            urls[name] = value.rstrip("/") + "/" if value else None
        calendar.planning = PlanningSettings(
            url=urls["url"], repository_url=urls["repository_url"],
            publish=self._publish_folder(spec.publish, "planning", where("publish")),
            publish_source=where("publish"),
        )

    def _ambassadors(self, calendar: Calendar, main: _Document) -> None:
        spec = main.spec.ambassadors
        if spec is None:
            spec = AmbassadorsSpec()
        where = spec.loc.value if spec.loc else (lambda _name: calendar.source)
        days = self._days(spec.days, AMBASSADOR_DAYS, where("days"),
                          say("or '0 days' to suggest only `suggestions`"))
        if days > MAX_HORIZON_DAYS:
            self.errors.add(where("days"),
                            say("found days '{value}', expected at most 10 years", value=spec.days),
                            say("an article is suggested for a few weeks: '30 days' is the default"))
            days = AMBASSADOR_DAYS
        if spec.networks is not None:
            networks = self._known_networks(calendar, spec.networks, spec.loc, "networks")
        else:  # the company's own networks staff can share to, else the network of professionals
            networks = tuple(n for n in calendar.networks.values() if n.share_form) \
                or (self.registry["linkedin"],)
        suggestions = [suggestion for index, entry in enumerate(spec.suggestions)
                       if (suggestion := self._suggestion(calendar, entry,
                                                          _item(spec.loc, "suggestions", index))) is not None]
        first_with: dict[str, Source] = {}
        for suggestion in suggestions:
            if suggestion.id is not None and suggestion.id in first_with:
                self._collision(suggestion.field_sources.get("id", suggestion.source),
                                say("suggestion id '{id}' is defined twice (first at {path}:{line})",
                                    id=suggestion.id, **_first(first_with[suggestion.id])))
            elif suggestion.id is not None:
                first_with[suggestion.id] = suggestion.field_sources.get("id", suggestion.source)
        medium = spec.medium or "ambassador"
        if not _placeholders_ok(medium):
            self.errors.add(where("medium"),
                            say("found '{value}', expected text with placeholders among {{network}}, "
                                "{{campaign}}, {{article}}, {{item}}", value=medium),
                            say("e.g. medium: ambassador"))
            medium = "ambassador"
        calendar.ambassadors = AmbassadorSettings(
            days=days, networks=networks, medium=medium, suggestions=tuple(suggestions),
            publish=self._publish_folder(spec.publish, "share", where("publish")),
            publish_source=where("publish"),
        )

    def _suggestion(self, calendar: Calendar, entry: SuggestionSpec,
                    source: Source) -> ShareSuggestion | None:
        """One of ``ambassadors: suggestions:``; ``source`` is its place in the list."""
        source = entry.loc.source if entry.loc else source
        entry_where = entry.loc.value if entry.loc else (lambda _name: source)
        if (entry.article is None) == (entry.link is None):
            self.errors.add(source,
                            say("found both `article` and `link`, expected one of them") if entry.article
                            else say("found neither `article` nor `link`, expected one of them"),
                            say("article: <slug> for an article of the blog, link: https://… for any other "
                                "page (a job offer)"))
            return None
        if entry.link is not None and not entry.title:
            self.errors.add(source, say("found a `link` without `title`, expected a title staff can read"),
                            say("e.g. title: Nous recrutons un soudeur (H/F)"))
        self._check_link(entry.link, entry_where("link"))
        self._check_image(entry.image, entry_where("image"))
        if entry.from_ and entry.until and entry.until < entry.from_:
            self.errors.add(entry_where("until"), say("found until {until}, before from {start}",
                                                      until=entry.until, start=entry.from_),
                            say("the last day comes after the first one"))
        return ShareSuggestion(
            source=source, id=entry.id, article=entry.article, link=entry.link, title=entry.title,
            text=entry.text,
            networks=(self._known_networks(calendar, entry.networks, entry.loc, "networks")
                      if entry.networks is not None else None),
            campaign=self._campaign(calendar, entry.campaign, entry_where("campaign")),
            start=entry.from_, end=entry.until, image=entry.image, alt=entry.alt,
            field_sources=LocatedFields(entry.loc) if entry.loc else {},
        )

    def _publish_folders_apart(self, calendar: Calendar) -> None:
        """Two `publish:` folders in one place: the second copy would replace the first one's files."""
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
                self.errors.add(where or calendar.source, message,
                                say("give `{section}: publish:` a folder of its own, e.g. {section}-public",
                                    section=section))

    def _known_networks(self, calendar: Calendar, names: list[str], loc: Loc | None, field_name: str,
                        empty_hint: str | None = None) -> tuple[Network, ...]:
        """Any network edcal knows, set up under `networks:` or not: staff share on their own accounts
        (`ambassadors:`), and a freeze may be about those networks too."""
        if not names:
            self.errors.add(loc.value(field_name) if loc else calendar.source,
                            say("found no network, expected at least one"),
                            empty_hint
                            or say("e.g. networks: [linkedin]; leave `networks` out for the default"))
        found: list[Network] = []
        for index, name in enumerate(names):
            canonical = self.registry.canonical(name)
            if canonical is None:
                self.errors.add(_item(loc, field_name, index), say("unknown network '{name}'", name=name),
                                did_you_mean(name.lower(), self.registry.names()))
                continue
            network = calendar.networks.get(canonical) or self.registry[canonical]
            if network not in found:
                found.append(network)
        return tuple(found)

    def _days(self, text: str | None, default: int, where: Source, hint: str) -> int:
        """A span (``30 days``, ``2 weeks``, ``6 months``) in days; ``default`` when unset or wrong."""
        if text is None:
            return default
        try:
            return timeparse.parse_days(text)
        except ValueError as exc:
            self.errors.add(where, message_of(exc), hint)
            return default

    def _publish_folder(self, value: bool | str, default: str, where: Source) -> str | None:
        """``publish:`` as a folder of output/: false -> None, true -> default, else a safe relative path."""
        if value is False:
            return None
        if value is True:
            return default
        folder = str(value).strip().strip("/")
        parts = folder.split("/")
        if any(part.startswith(".") and part not in (".", "..") for part in parts):  # .git, .well-known
            self.errors.add(where, say("found publish '{value}', a hidden folder (its name starts with a "
                                       "dot), expected a folder name inside output/", value=value),
                            say("e.g. publish: calendriers-7f3a9c (servers often refuse to serve hidden "
                                "folders)"))
            return None
        if not folder or any(part in ("", ".", "..") for part in parts) or "\\" in folder:
            self.errors.add(where, say("found publish '{value}', expected true, false or a folder name "
                                       "inside output/", value=value),
                            say("e.g. publish: calendriers-7f3a9c (a hard-to-guess name keeps casual "
                                "visitors out)"))
            return None
        return folder

    # -- posts --------------------------------------------------------------

    def _posts(self, calendar: Calendar, documents: list[_Document]) -> None:
        ids = IdAllocator()
        specs = [spec for doc in documents for spec in doc.spec.posts]
        # Explicit ids first, so that a derived id never takes one a later entry asks for.
        for spec in specs:
            if spec.id is not None:
                other = ids.explicit(spec.id, _src(spec.loc))
                if other is not None:
                    self._collision(_value(spec.loc, "id"),
                                    say("post id '{id}' is defined twice (first at {path}:{line})",
                                        id=spec.id, **_first(other)))  # type: ignore[arg-type]
        derived = _derived_ids(specs, ids)
        for index, spec in enumerate(specs):
            entry = self._post(calendar, spec, *derived.get(index, (None, None)))
            if entry is not None:
                calendar.posts.append(entry)

    def _post(self, calendar: Calendar, spec: PostSpec, derived_id: str | None,
              id_shared_with: Source | None) -> PostEntry | None:
        loc = spec.loc
        source = _src(loc)
        kinds = [k for k in ("at", "promote", "repeat") if getattr(spec, k) is not None]
        if not kinds:
            self.errors.add(source, say("a post needs one of `at:` (one-off), `promote:` (an article's "
                                        "promotion) or `repeat:` (recurring)"),
                            say("e.g. at: 2027-01-12 09:00"))
            return None
        if len(kinds) > 1:
            self.errors.add(_key(loc, kinds[1]),
                            say("found both `{first}:` and `{second}:`, expected only one of at, promote and "
                                "repeat", first=kinds[0], second=kinds[1]))
            return None
        kind = _KINDS[kinds[0]]
        networks = self._post_networks(calendar, spec, kind)
        if networks is None:
            return None
        if spec.texts is not None and kind != "repeat":
            self.errors.add(_key(loc, "texts"), say("`texts:` is for recurring posts only"),
                            say("use `text:` for a single text"))
        if spec.text is not None and spec.texts is not None:
            self.errors.add(_key(loc, "texts"), say("found both `text:` and `texts:`, expected one"))
        if spec.schedule is not None and kind != "promote":
            self.errors.add(_key(loc, "schedule"), say("`schedule:` is for promotions (`promote:`) only"),
                            say("use `at:` for a one-off post"))
        if kind in ("once", "repeat") and spec.text is None and spec.texts is None \
                and spec.article is None:
            self.errors.add(source, say("missing `text:` for this post"),
                            say("write the text, or use `article:` to post an article's template text"))
        if spec.link is not None and spec.article is not None:
            self.errors.add(_key(loc, "article"), say("found both `link:` and `article:`, expected one"))
        self._check_link(spec.link, _value(loc, "link"))
        images = self._images(spec)
        owner = self._person(calendar, spec.owner, _value(loc, "owner"))
        campaign = self._campaign(calendar, spec.campaign, _value(loc, "campaign"))
        when = None
        schedule: tuple[Offset, ...] = ()
        recurrence = None
        if kind == "once":
            when = self._when(calendar, spec.at, _value(loc, "at"))
        elif kind == "promote":
            schedule = self._schedule(calendar, spec.schedule, loc) if spec.schedule else ()
        else:
            recurrence = self._recurrence(calendar, spec.repeat, _value(loc, "repeat"))  # type: ignore[arg-type]
        variants = self._variants(calendar, spec, networks)
        entry_id = spec.id if spec.id is not None else derived_id or _derived_id(spec, kind)
        fields: Mapping[str, Source] = LocatedFields(loc) if loc else {}
        return PostEntry(
            id=entry_id, kind=kind, networks=networks, source=source,  # type: ignore[arg-type]
            id_shared_with=id_shared_with, title=spec.title,
            text=spec.text,
            link=spec.link, article=spec.article or spec.promote, images=images,
            campaign=campaign, owner=owner, status=spec.status, promotional=spec.promotional,
            variants=variants, when=when, schedule=schedule, recurrence=recurrence,
            texts=tuple(spec.texts or ()), field_sources=fields,
            silenced=parse_silence(spec.silence, _value(loc, "silence"), self.errors, self.rules),
        )

    def _post_networks(self, calendar: Calendar, spec: PostSpec, kind: str) -> tuple[str, ...] | None:
        loc = spec.loc
        if spec.network is not None and spec.networks is not None:
            self.errors.add(_key(loc, "network"), say("found both `network:` and `networks:`, expected one"))
            return None
        names = [spec.network] if spec.network is not None else list(spec.networks or ())
        if not names:
            if kind == "promote":
                return ()  # the article's or the blog's default networks
            self.errors.add(_src(loc), say("missing `networks:` for this post"),
                            say("e.g. networks: [linkedin, x]"))
            return None
        single = spec.network is not None
        result = self._set_up_ids(calendar, names, lambda index: _value(loc, "network") if single
                                  else _item(loc, "networks", index))
        return result or None

    def _setup_networks(self, calendar: Calendar, names: list[str], loc: Loc | None,
                        field_name: str) -> tuple[str, ...]:
        """The ids of networks set up under `networks:` (aliases read, each once); an error for any other."""
        if not names:
            self.errors.add(loc.value(field_name) if loc else calendar.source,
                            say("found no network, expected at least one"),
                            say("e.g. networks: [linkedin]; leave `networks` out for every network"))
        return self._set_up_ids(calendar, names, lambda index: _item(loc, field_name, index))

    def _set_up_ids(self, calendar: Calendar, names: list[str],
                    where: Callable[[int], Source]) -> tuple[str, ...]:
        """The ids of the networks ``names`` names (aliases read, each once) that are set up under
        `networks:`; an error at ``where(index)`` for any other (located only then: it costs something)."""
        result: list[str] = []
        for index, name in enumerate(names):
            canonical = self.registry.canonical(name)
            if canonical is None or canonical not in calendar.networks:
                canonical = self._network_ref(calendar, name, where(index))
            if canonical is not None and canonical not in result:
                result.append(canonical)
        return tuple(result)

    def _variants(self, calendar: Calendar, spec: PostSpec, networks: tuple[str, ...]) -> dict[str, Variant]:
        result: dict[str, Variant] = {}
        vloc = spec.loc
        for name, variant in spec.variants.items():
            where = _value(variant.loc, "text") if variant.loc else _value(vloc, "variants")
            key_where = variant.loc.source if variant.loc else where
            network = self._network_ref(calendar, name, key_where)
            if network is None:
                continue
            if networks and network not in networks:
                self.errors.add(key_where,
                                say("variant for '{network}', which this post is not on", network=network),
                                say("add '{network}' to `networks:` or remove the variant", network=network))
                continue
            result[network] = self._variant(calendar, variant)
        return result

    def _variant(self, calendar: Calendar, spec: VariantSpec) -> Variant:
        self._check_link(spec.link, _value(spec.loc, "link"))
        images = self._images(spec)
        when = self._when(calendar, spec.at, _value(spec.loc, "at")) if spec.at else None
        fields: Mapping[str, Source] = LocatedFields(spec.loc) if spec.loc else {}
        return Variant(spec.text, spec.link, images, when, spec.skip, fields)

    def _images(self, spec: PostSpec | VariantSpec) -> tuple[Media, ...]:
        """An entry's or a variant's images, in order, each where it is written: `image:` (and `alt:`),
        or each item of `images:`."""
        loc = spec.loc
        if spec.images is not None and spec.image is not None:
            self.errors.add(_key(loc, "images"), say("found both `image:` and `images:`, expected one"),
                            say("write the first image under `images:`, e.g. images: [{{image: {image}, "
                                "alt: …}}, …]", image=spec.image[:80]))
            return ()
        if spec.image is not None:
            where = _value(loc, "image")
            self._check_image(spec.image, where)
            return (Media(spec.image, spec.alt, where),)
        if spec.images is None:
            return ()
        if spec.alt is not None:
            self.errors.add(_key(loc, "alt"), say("found `alt:` beside `images:`: it describes none of them"),
                            say("write each image's alt text with it: images: [{{image: …, alt: …}}, …]"))
        result = []
        for index, image in enumerate(spec.images):
            # A plain path (`- images/a.png`) has no mapping of its own: its place in the list.
            where = image.loc.value("image") if image.loc is not None else _item(loc, "images", index)
            self._check_image(image.image, where)
            result.append(Media(image.image, image.alt, where))
        return tuple(result)

    def _schedule(self, calendar: Calendar, steps: list[str] | None, loc: Loc | None) -> tuple[Offset, ...]:
        result = []
        for index, step in enumerate(steps or ()):
            where = _item(loc, "schedule", index)
            try:
                offset = timeparse.parse_offset(step, frozenset(calendar.slots))
            except ValueError as exc:
                self.errors.add(where, message_of(exc))
                continue
            result.append(Offset(offset.label, offset.amount, offset.unit, offset.time, offset.slot, where))
        return tuple(result)

    def _recurrence(self, calendar: Calendar, spec: RepeatSpec, where: Source) -> Recurrence | None:
        loc = spec.loc
        # Days, or key dates (`from: salon-industrie`, `until: salon-industrie end`): the rule follows them.
        first = self._day(calendar, spec.from_, _value(loc, "from"))
        last = self._day(calendar, spec.until, _value(loc, "until")) if spec.until is not None else None
        if first is None or (spec.until is not None and last is None):
            return None
        anchors = [word for text in (spec.from_, spec.until or "")
                   if (word := text.strip().partition(" ")[0].lower()) in calendar.key_dates]
        spec = spec.model_copy(update={"from_": first, "until": last})
        left_out = [(day, source) for index, text in enumerate(spec.except_ or ())
                    if (day := self._day(calendar, text, source := loc.item("except", index))) is not None]
        if len(left_out) != len(spec.except_ or ()):
            return None
        moved = self._moved(calendar, spec, left_out)
        if moved is None:
            return None
        if spec.rrule is not None and (spec.every is not None or spec.on is not None):
            self.errors.add(_key(loc, "rrule"), say("found both `rrule:` and `every:`/`on:`, expected one"))
            return None
        if spec.until is not None and spec.count is not None:
            self.errors.add(_key(loc, "count"), say("found both `until:` and `count:`, expected one"))
            return None
        if spec.count is not None and spec.count > MAX_OCCURRENCES:
            self.errors.add(_value(loc, "count"),
                            say("found count {count}, expected at most {limit:,}", count=spec.count,
                                limit=MAX_OCCURRENCES),
                            say("a recurring entry plans at most that many posts: split it, or end it "
                                "sooner"))
            return None
        if spec.until is not None and spec.until < spec.from_:
            self.errors.add(_value(loc, "until"),
                            say("the rule ends ({end}) before it starts ({start})", end=spec.until,
                                start=spec.from_))
            return None
        if spec.rrule is not None:
            rule = spec.rrule.strip().removeprefix("RRULE:")
            if re.search(r"DTSTART|UNTIL=.*T|BYHOUR|BYMINUTE|BYSECOND", rule, re.IGNORECASE):
                self.errors.add(_value(loc, "rrule"),
                                say("found DTSTART or a time inside `rrule:`, expected the rule alone"),
                                say("give the first day in `from:` and the time in `at:`"))
                return None
            if _never_fires(rule):  # the rule library would search every day up to year 9999 (7 s)
                self.errors.add(_value(loc, "rrule"),
                                say("found rule '{rule}', whose days never exist (a day of the month that "
                                    "its months do not have)", rule=rule),
                                say("check BYMONTH and BYMONTHDAY, e.g. BYMONTH=2;BYMONTHDAY=-1 for the last "
                                    "day"))
                return None
            frequent = re.search(r"FREQ=(HOURLY|MINUTELY|SECONDLY)", rule, re.IGNORECASE)
            if frequent:  # a recurring post happens on days: millions of moments of one day each
                self.errors.add(_value(loc, "rrule"),
                                say("found FREQ={freq}, expected DAILY, WEEKLY, MONTHLY or YEARLY: a "
                                    "recurring post happens once a day at most",
                                    freq=frequent.group(1).upper()),
                                say("give its time in `at:`, and one entry per time of day"))
                return None
            if "\n" in rule or "\r" in rule:  # EXDATE/RDATE lines made a rule set (a traceback)
                self.errors.add(_value(loc, "rrule"),
                                say("found several lines in `rrule:`, expected the rule alone"),
                                say("leave days out with `except:`, and add days as posts of their own"))
                return None
            # Every INTERVAL and COUNT: the rule library takes the last one written.
            for interval in re.findall(r"(?:^|;)\s*INTERVAL\s*=\s*([^;]*)", rule, re.IGNORECASE):
                if not re.fullmatch(r"0*[1-9]\d{0,3}", interval.strip()):
                    # INTERVAL=0 never moves on: the rule library searched forever, every command hung.
                    self.errors.add(_value(loc, "rrule"),
                                    say("found INTERVAL={interval}, expected a whole number from 1 to 9999",
                                        interval=interval.strip()[:20]),
                                    say("e.g. FREQ=WEEKLY;INTERVAL=2 for every other week"))
                    return None
            for counted in re.findall(r"(?:^|;)\s*COUNT\s*=\s*([^;]*)", rule, re.IGNORECASE):
                if not counted.strip().isdigit() or not 1 <= int(counted) <= MAX_OCCURRENCES:
                    self.errors.add(_value(loc, "rrule"),
                                    say("found COUNT={count}, expected 1 to {limit:,}",
                                        count=counted.strip()[:20], limit=MAX_OCCURRENCES),
                                    say("a recurring entry plans at most that many posts: split it, or end "
                                        "it sooner"))
                    return None
        elif spec.every is None:
            self.errors.add(where, say("missing `every:` (day, week or month) or `rrule:` in `repeat:`"))
            return None
        else:
            rule = self._rule_from_every(spec)
            if rule is None:
                return None
        try:
            parsed = rrulestr(rule, dtstart=dt.datetime.combine(spec.from_, dt.time()))
        except (ValueError, TypeError) as exc:
            self.errors.add(_value(loc, "rrule"),
                            say("found rule '{rule}': {problem}", rule=rule, problem=str(exc)),
                            say("see RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TU"))
            return None
        if spec.rrule is not None and not self._gives_a_day(parsed, spec, _value(loc, "rrule"), rule):
            return None
        time = slot = None
        if spec.at is not None:
            time, slot = self._time_or_slot(calendar, spec.at, _value(loc, "at"))
        label = spec.rrule or f"every {spec.every}"
        named = [(day, source, "except") for day, source in left_out]
        named += [(occurrence.day, occurrence.key_source, "moved") for occurrence in moved]
        if not self._days_of_rule(rule, spec, named) \
                or not self._moved_onto_free_days(rule, spec, left_out, moved):
            return None
        # A new day alone keeps the rule's time (or, without one, takes the network's slot that day).
        instead = tuple(MovedOccurrence(m.day, m.when if m.when.time or m.when.slot
                                        else dataclasses.replace(m.when, time=time, slot=slot), m.source,
                                        m.key_source)
                        for m in moved)
        return Recurrence(rule, spec.from_, spec.until, spec.count, time, slot, label,  # type: ignore[arg-type]
                          tuple(dict.fromkeys(anchors)), frozenset(day for day, _source in left_out),
                          instead, _value(loc, "moved") if isinstance(spec.moved, dict) else None)

    def _gives_a_day(self, parsed: Any, spec: RepeatSpec, where: Source, rule: str) -> bool:
        """Whether the rule gives a day before its end (or within ten years): one that never does
        (``BYDAY=5FR;BYSETPOS=7``) would plan nothing, silently."""
        start = dt.datetime.combine(spec.from_, dt.time())  # type: ignore[arg-type]
        bound = start + dt.timedelta(days=MAX_HORIZON_DAYS)
        if spec.until is not None:
            bound = min(bound, dt.datetime.combine(spec.until, dt.time()))  # type: ignore[arg-type]
        own_until = getattr(parsed, "_until", None)  # the rule's own UNTIL= ends it sooner
        if own_until is not None:
            bound = min(bound, own_until.replace(tzinfo=None))
        if next(iter(parsed.replace(count=None, until=bound)), None) is not None:
            return True
        self.errors.add(where, say("found rule '{rule}', which gives no day from {start} to {end}",
                                   rule=rule, start=spec.from_, end=bound.date()),
                        say("check its BYMONTHDAY, BYDAY and BYSETPOS parts against the months they fall in"))
        return False

    def _moved(self, calendar: Calendar, spec: RepeatSpec,
               left_out: list[tuple[dt.date, Source]]) -> list[_Moved] | None:
        """The occurrences under ``moved:`` ({rule's day: new date}), None after an error."""
        raw = spec.moved
        where = _value(spec.loc, "moved")
        if raw is None:
            return []
        if not isinstance(raw, dict):
            self.errors.add(where, say("found {value} in `moved:`, expected the rule's days with the date "
                                       "each moves to", value=describe(raw)),
                            say("e.g. moved: {{2027-01-21: 2027-01-22, 2027-02-04: 2027-02-05 16:00}}"))
            return None
        loc: Loc = raw[LOC_KEY]
        skipped = {day: source for day, source in left_out}
        result: list[_Moved] = []
        failed = False
        seen: dict[dt.date, Source] = {}
        for key, value in raw.items():
            if key == LOC_KEY:
                continue
            key_source = loc.key(key)
            value_source = loc.value(key)
            day = self._day(calendar, str(key), key_source)
            if not isinstance(value, str) or not value.strip():
                after = (day + dt.timedelta(days=1)).isoformat() if day is not None else "2027-01-22"
                self.errors.add(value_source, say("found {value} for {key} in `moved:`, expected the date it "
                                                  "moves to", value=describe(value), key=key),
                                say("e.g. {key}: {after}, or with a time: {key}: \"{after} 16:00\"",
                                    key=key, after=after))
                failed = True
                continue
            when = self._when(calendar, value, value_source)
            if day is None or when is None:
                failed = True
                continue
            if day in skipped:
                self.errors.add(key_source, say("found {day} under `moved:`, and under `except:` (line "
                                                "{line}), expected one", day=day.isoformat(),
                                                line=skipped[day].line),
                                say("a day under `except:` is not posted at all: remove it from one of them"))
                failed = True
                continue
            if day in seen:  # the same day written two ways (2027-01-21 and a key date's id)
                self.errors.add(key_source, say("found {day} twice under `moved:` (first at line {line})",
                                                day=day.isoformat(), line=seen[day].line),
                                say("move each occurrence once"))
                failed = True
                continue
            seen[day] = key_source
            result.append(_Moved(day, when, key_source, value_source))
        return None if failed else result

    def _days_of_rule(self, rule: str, spec: RepeatSpec, named: list[tuple[dt.date, Source, str]]) -> bool:
        """Whether each day under ``except:`` and ``moved:`` is one of the rule's (a day it never gives
        would leave nothing out or move nothing, silently: a typo, or a rule changed since)."""
        if not named:
            return True
        last = max(day for day, _source, _name in named) + dt.timedelta(days=31)  # and days after it, to hint
        given = _rule_days(rule, spec, last)
        days = set(given)
        for day, source, name in named:
            if day not in days:
                near = sorted(given, key=lambda other: abs((other - day).days))[:2]
                shown = ", ".join(other.isoformat() for other in sorted(near))
                self.errors.add(source, say("found {day} under `{field}:`, which is not a day of this rule",
                                            day=day.isoformat(), field=name),
                                say("its days near it: {days}", days=shown) if near else
                                say("the rule gives no day up to then"))
        return all(day in days for day, _source, _name in named)

    def _moved_onto_free_days(self, rule: str, spec: RepeatSpec, left_out: list[tuple[dt.date, Source]],
                              moved: list[_Moved]) -> bool:
        """Whether each moved occurrence lands on a day the series does not post on already: on one of
        its days (or where another occurrence moved), two posts would go out that day, at one minute."""
        if not moved:
            return True
        targets = [(m.when.date, m) for m in moved]
        taken = set(_rule_days(rule, spec, max(day for day, _m in targets))) - {day for day, _s in left_out}
        taken -= {m.day for m in moved}
        landed: dict[dt.date, _Moved] = {}
        fine = True
        for day, occurrence in targets:
            if day in taken:
                self.errors.add(occurrence.source, say("found {day} as the new day of {old} in `moved:`, a "
                                                       "day this series posts on already",
                                                       day=day.isoformat(), old=occurrence.day.isoformat()),
                                say("move it to another day, or leave that day out first with `except:`"))
                fine = False
            elif day in landed:
                self.errors.add(occurrence.source, say("found {day} as the new day of {old} in `moved:`, "
                                                       "where {other} moves too (line {line})",
                                                       day=day.isoformat(), old=occurrence.day.isoformat(),
                                                       other=landed[day].day.isoformat(),
                                                       line=landed[day].source.line),
                                say("a series posts once a day: move one of them to another day"))
                fine = False
            else:
                landed[day] = occurrence
        return fine

    def _rule_from_every(self, spec: RepeatSpec) -> str | None:
        loc = spec.loc
        freq = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY"}[spec.every or "week"]
        parts = [f"FREQ={freq}", f"INTERVAL={spec.interval}"]
        on = spec.on or []
        if spec.every == "month" and not on and spec.from_.day >= 29:
            on = [str(spec.from_.day)]  # the day of `from`, as RFC 5545 takes it: judged below
        try:
            if spec.every == "week" and on:
                days: set[int] = set()
                for value in on:
                    days |= timeparse.parse_weekdays(value)
                parts.append("BYDAY=" + ",".join(timeparse.WEEKDAY_CODES[d] for d in sorted(days)))
            elif spec.every == "month" and on:
                by_day, by_month_day, written = [], [], {True: [], False: []}
                for value in on:
                    position, weekday = timeparse.parse_monthly_position(value)
                    written[weekday is None].append(str(value).strip())
                    if weekday is None:
                        by_month_day.append(str(position))
                    else:
                        by_day.append(f"{position}{timeparse.WEEKDAY_CODES[weekday]}")
                if by_day and by_month_day:
                    # RFC 5545 keeps only the days that are both (the 15th *and* a Tuesday): rarely meant.
                    self.errors.add(
                        _value(loc, "on"),
                        say("found days of the month ({days}) and weekday positions ({positions}) in one "
                            "`on:`; expected one kind", days=", ".join(written[True]),
                            positions=", ".join(written[False])),
                        say("a monthly rule would keep only the days that are both: write one entry per "
                            "kind, or use `rrule:` if the intersection is what you mean"))
                    return None
                short = [day for day in by_month_day if int(day) >= 29 and _skips_a_month(spec, int(day))]
                if short:
                    # RFC 5545 skips the months without that day: February would have no post, silently.
                    self.errors.add(
                        _value(loc, "on"),
                        say("found day {day} of the month, which February (and April, June… for 31) does not "
                            "have; those months would get no post", day=short[0]),
                        say("write -1 for the last day of every month (-2 the day before), or an earlier "
                            "day; `rrule:` says it otherwise if skipping is what you mean"))
                    return None
                if by_day:
                    parts.append("BYDAY=" + ",".join(by_day))
                if by_month_day:
                    parts.append("BYMONTHDAY=" + ",".join(by_month_day))
            elif spec.every == "day" and on:
                days = set()
                for value in on:
                    days |= timeparse.parse_weekdays(value)
                parts.append("BYDAY=" + ",".join(timeparse.WEEKDAY_CODES[d] for d in sorted(days)))
        except ValueError as exc:
            self.errors.add(_value(loc, "on"), message_of(exc))
            return None
        return ";".join(parts)

    # -- references and values ---------------------------------------------

    def _network_ref(self, calendar: Calendar, name: str, where: Source) -> str | None:
        """A network a post may use: known to edcal *and* set up under ``networks:``."""
        canonical = self.registry.canonical(name)
        if canonical is None:
            hint = did_you_mean(name.lower(), [*calendar.networks, *self.registry.names()])
            self.errors.add(where, say("unknown network '{name}'", name=name), hint)
            return None
        if canonical not in calendar.networks:
            if canonical in self.failed_networks or name.lower() in self.failed_networks:
                return None
            in_use = ", ".join(sorted(calendar.networks)) or say("none")
            message = say("network '{network}' is not set up under `networks:`", network=canonical) \
                if name.lower() == canonical else \
                say("network '{name}' (that is, '{network}') is not set up under `networks:`", name=name,
                    network=canonical)
            self.errors.add(where, message, say("add it to `networks:` to post there (set up: {networks})",
                                                networks=in_use))
            return None
        return canonical

    def _person(self, calendar: Calendar, person: str | None, where: Source) -> str | None:
        if person is None:
            return None
        if person not in calendar.team:
            self.errors.add(where, say("unknown person '{person}'", person=person),
                            reference_hint(person, calendar.team, "owner") or say("add them under `team:`"))
            return None
        return person

    def _campaign(self, calendar: Calendar, campaign: str | None, where: Source) -> str | None:
        if campaign is None:
            return None
        if campaign not in calendar.campaigns:
            if campaign in self.failed_campaigns:
                return None  # its own error is reported
            self.errors.add(where, say("unknown campaign '{campaign}'", campaign=campaign),
                            reference_hint(campaign, calendar.campaigns, "campaign")
                            or say("add it under `campaigns:`"))
            return None
        return campaign

    def _when(self, calendar: Calendar, text: str | None, where: Source) -> When | None:
        if text is None:
            return None
        try:
            return self._parse_when(calendar, text)
        except KeyDateError as exc:
            if exc.message is not None:
                self.errors.add(where, exc.message, exc.hint)
            return None
        except ValueError as exc:
            self.errors.add(where, message_of(exc), value_hint(text, str(exc)))
            return None

    def _parse_when(self, calendar: Calendar, text: str) -> When:
        """A date and time as :func:`timeparse.parse_when` reads it, or a key date's id (``end`` for
        its last day) with a time, a slot or an offset in days, weeks or months:
        ``salon-industrie -7 days at 18:00``, ``salon-industrie end +1 day``.

        :raises ValueError: a value that is neither.
        """
        word, _, rest = text.strip().partition(" ")
        key_date = calendar.key_dates.get(word.lower())
        if key_date is None and word.lower() in self.failed_key_dates:
            # A key date with no day (its error said so): what follows its id is still read.
            key_date = KeyDate(word.lower(), word, _SOME_DAY, _SOME_DAY, Source("", 0))
        if key_date is not None:
            day = key_date.start
            first, _, after = rest.strip().partition(" ")
            if first.lower() in ("end", "fin"):
                day, rest = key_date.end, after
            try:
                when = timeparse.parse_anchored(day, rest, frozenset(calendar.slots))
            except ValueError as exc:
                name = key_date.id
                examples = say("e.g. {id} -7 days, {id} -1 day at 18:00, {id} 09:00, {id} end +1 day",
                               id=name)
                raise KeyDateError(say("after key date '{id}': {problem}", id=key_date.id,
                                       problem=message_of(exc)),
                                   _named_key_date(text, calendar) or examples) from None
            if key_date.id not in calendar.key_dates:
                raise KeyDateError(None, None)  # the key date's own error is reported
            return dataclasses.replace(when, key_date=key_date.id)
        try:
            return timeparse.parse_when(text, frozenset(calendar.slots))
        except ValueError:
            meant = _key_date_hint(text, calendar)
            # A word no date starts with (a letter), or a key date's id mistyped (14-juillett); not a
            # date written otherwise ("mardi 2 mars 2027 9h", "2027-02-30"): its own message and hint.
            if not ((_KEY_DATE_LIKE.match(word) and not value_hint(text, "expected a date")) or meant):
                raise
            raise KeyDateError(say("unknown key date '{id}'", id=word), meant
                               or say("dates are written YYYY-MM-DD; name a day under `key_dates:` to "
                                      "schedule posts relative to it")) from None

    def _day(self, calendar: Calendar, text: str, where: Source) -> dt.date | None:
        """A day: a date, or a key date with an offset in days (``salon-industrie end +1 day``)."""
        when = self._day_when(calendar, text, where)
        return when.date if when is not None else None

    def _day_when(self, calendar: Calendar, text: str, where: Source) -> When | None:
        """A day as :meth:`_day` reads it, with the key date it is written relative to, if any."""
        when = self._when(calendar, text, where)
        if when is None:
            return None
        if when.time is not None or when.slot is not None or when.utc_offset is not None:
            self.errors.add(where, say("found '{value}', a time, expected a day", value=text),
                            say("write the date alone, e.g. 2027-01-29 or salon-industrie end"))
            return None
        return when

    def _time_or_slot(self, calendar: Calendar, text: str,
                      where: Source) -> tuple[dt.time | None, str | None]:
        if text.lower() in calendar.slots:
            return None, text.lower()
        try:
            return timeparse.parse_time(text), None
        except ValueError as exc:
            # parse_time's two messages, with the slots added (compared as English: a Message is its text).
            shown, said = text.strip(), str(exc)
            if said == f"found '{shown}', expected a time as HH:MM (e.g. 09:30 or 9h30)":
                message = say("found '{value}', expected a time or a named slot as HH:MM (e.g. 09:30 or "
                              "9h30)", value=shown)
            elif said == f"found '{shown}', expected a time between 00:00 and 23:59":
                message = say("found '{value}', expected a time or a named slot between 00:00 and 23:59",
                              value=shown)
            else:
                message = said.replace("expected a time", "expected a time or a named slot")
            self.errors.add(where, message)
            return None, None

    def _instant(self, calendar: Calendar, text: str, where: Source, end: bool) -> dt.datetime | None:
        """A freeze bound: a date means its first minute (from) or its whole day (until)."""
        when = self._when(calendar, text, where)
        if when is None:
            return None
        day = when.date
        if when.time is None and when.slot is None:
            # A day's first instant, or (until) the next day's: 01:00 where the clocks skip midnight.
            return start_of_day(day + dt.timedelta(days=1) if end else day, calendar.zone)
        naive = dt.datetime.combine(day, when.time or calendar.slots[when.slot or ""])
        try:
            if when.utc_offset is not None:
                return at_offset(naive, when.utc_offset, calendar.zone)
            return localize(naive, calendar.zone)
        except WallClockError as exc:
            self.errors.add(where, message_of(exc), exc.hint)
            return None

    def _check_link(self, link: str | None, where: Source) -> None:
        if link is None:
            return
        if not (WEB_ADDRESS.match(link) or SITE_PATH.match(link)):
            self.errors.add(where, say("found link '{link}', expected an http(s) URL or a path on the site "
                                       "starting with /", link=link[:80]),
                            say("e.g. https://www.example.fr/offres/"))
            return
        try:
            urllib.parse.urlsplit(link).port  # noqa: B018 - reading it validates it
        except ValueError as exc:
            self.errors.add(where, say("found link '{link}', which is no address a browser opens ({problem})",
                                       link=link[:80], problem=str(exc)),
                            say("e.g. https://www.example.fr/offres/"))

    def _check_image(self, image: str | None, where: Source) -> None:
        if image is None:
            return
        if WEB_ADDRESS.match(image) or scheme_missing(image, where, self.errors):
            return
        parts = Path(image).parts
        if image.startswith(("/", "\\")) or ".." in parts or "\\" in image or ":" in image:
            self.errors.add(where, say("found image path '{path}', expected a path inside content/ (or an "
                                       "https URL)", path=image[:80]),
                            say("e.g. images/salon-2027.jpg"))
        else:
            not_an_image(image, where, self.errors)

    def _collision(self, where: Source, message: Message) -> None:
        """``message``: "… is defined twice (first at {path}:{line})", given :func:`_first`'s values."""
        self.errors.add(where, message, say("keep one of them, or rename one"))


def _first(first: Source) -> dict[str, Any]:
    """Where an entry defined twice is first, as the values of its message."""
    return {"path": first.path, "line": first.line}


def _src(loc: Loc | None) -> Source:
    return loc.source if loc is not None else Source(CALENDAR_FILE, 1, 1)


def _value(loc: Loc | None, name: str) -> Source:
    return loc.value(name) if loc is not None else Source(CALENDAR_FILE, 1, 1)


def _key(loc: Loc | None, name: str) -> Source:
    return loc.key(name) if loc is not None else Source(CALENDAR_FILE, 1, 1)


def _item(loc: Loc | None, name: str, index: int) -> Source:
    return loc.item(name, index) if loc is not None else Source(CALENDAR_FILE, 1, 1)


def _hashtag(text: str) -> str:
    text = text.strip()
    return text if text.startswith("#") else f"#{text}"


def _never_fires(rule: str) -> bool:
    """A rule whose days of the month exist in none of its months (``BYMONTH=2;BYMONTHDAY=30``)."""
    months = re.search(r"BYMONTH=([\d,]+)", rule, re.IGNORECASE)
    days = re.search(r"BYMONTHDAY=([\d,+]+)(?:;|$)", rule, re.IGNORECASE)
    if not months or not days:
        return False
    longest = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
    try:
        wanted = [int(d) for d in days.group(1).split(",") if d]
        return not any(0 < day <= longest.get(int(month), 31) for month in months.group(1).split(",") if month
                       for day in wanted)
    except ValueError:
        return False


def _placeholders_ok(template: str) -> bool:
    """Placeholders among the four, and braces that format as text (a lone '{' or '}' does not)."""
    try:
        template.format(network="n", campaign="c", article="a", item="i")
    except (ValueError, KeyError, IndexError, AttributeError):
        return False
    names = re.findall(r"{([^}]*)}", template)
    return all(n in ("network", "campaign", "article", "item") for n in names)


#: An entry's kind by the field that makes it one.
_KINDS = {"at": "once", "promote": "promote", "repeat": "repeat"}


def _derived_ids(specs: list[PostSpec], ids: IdAllocator) -> dict[int, tuple[str, Source | None]]:
    """The ids of entries without `id:`, by their index in ``specs``, each with the entry whose id it
    derived first, when another did (two "Offre du mois": ``offre-du-mois``, then ``offre-du-mois-2``).

    The suffix follows the file's order, so that an entry's id survives edits of its time; reordering
    two such entries swaps their ids, which the `id-clash` check tells before it happens.
    """
    result: dict[int, tuple[str, Source | None]] = {}
    for index, spec in enumerate(specs):
        kinds = [_KINDS[k] for k in _KINDS if getattr(spec, k) is not None]
        if spec.id is not None or not kinds:
            continue
        base = _derived_id(spec, kinds[0])
        first = ids.taken.get(base)
        given = ids.derived(base, _src(spec.loc))
        result[index] = (given, first if given != base and isinstance(first, Source) else None)
    return result


def _derived_id(spec: PostSpec, kind: str) -> str:
    """An id from what identifies a post best, in order: title, article, link, first words."""
    if kind == "promote" and spec.promote:
        return slugify(spec.promote) or "promotion"
    if spec.title:
        return slugify(spec.title) or "post"
    if spec.article:
        return f"post-{slugify(spec.article)}"
    if spec.link:
        return slugify(re.sub(r"^https?://(www\.)?", "", spec.link)) or "post"
    text = spec.text or (spec.texts[0] if spec.texts else "")
    return slugify(text, max_words=6) or "post"
