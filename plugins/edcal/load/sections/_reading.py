"""What the modules that read calendar.yaml's sections share: the files as read (:class:`Document`),
the state one section leaves for the next (:class:`Reading`), what they read of a check rule, and
where in a file an entry's values are (the :class:`Loc` methods, for an entry that may have none)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from edcal.errors import ErrorCollector
from edcal.i18n import Message, say
from edcal.load.calendar_files import CALENDAR_FILE
from edcal.load.network_registry import Registry, builtin_registry
from edcal.load.schema import CalendarSpec
from edcal.load.yamlfile import Loc
from edcal.model.calendar import Calendar
from edcal.model.source import Source


class CheckOption(Protocol):
    """What the loader reads of a rule's option (``edcal.checks.registry.Option``)."""

    @property
    def name(self) -> str: ...
    @property
    def parse(self) -> Callable[[str], Any]: ...
    @property
    def many(self) -> bool: ...
    @property
    def choices(self) -> Callable[[Calendar], tuple[tuple[str, ...], Message] | None] | None: ...
    @property
    def refused_hint(self) -> Callable[[Calendar, str], Message | None] | None: ...


class CheckRule(Protocol):
    """What the loader reads of a rule (``edcal.checks.registry.Rule``)."""

    @property
    def severity(self) -> str: ...
    @property
    def options(self) -> tuple[CheckOption, ...]: ...


@dataclass(slots=True)
class Document:
    """One calendar file as read: its path as messages show it, its located YAML, and its spec."""

    path: str
    raw: dict[str, Any]
    spec: CalendarSpec


@dataclass(slots=True)
class Reading:
    """The calendar as its sections are read, in order, and what a section leaves for the ones after it."""

    calendar: Calendar
    errors: ErrorCollector
    #: Every check rule by id, which ``checks:`` and ``silence:`` may name.
    rules: Mapping[str, CheckRule]
    #: The networks edcal knows; the site's own ones too once `networks:` is read.
    registry: Registry = field(default_factory=builtin_registry)
    #: Networks whose entry under `networks:` has an error (and the built-in it was likely meant as).
    failed_networks: set[str] = field(default_factory=set)
    #: Key dates and campaigns written, but left out for an error of their own: what names them gets
    #: no second error ("unknown key date 'salon'" for a key date that is in the file).
    failed_key_dates: set[str] = field(default_factory=set)
    failed_campaigns: set[str] = field(default_factory=set)


def collision(where: Source, message: Message, errors: ErrorCollector) -> None:
    """``message``: "… is defined twice (first at {path}:{line})", given :func:`first_at`'s values."""
    errors.add(where, message, say("keep one of them, or rename one"))


def first_at(first: Source) -> dict[str, Any]:
    """Where an entry defined twice is first, as the values of its message."""
    return {"path": first.path, "line": first.line}


def source_of(loc: Loc | None) -> Source:
    """Where a mapping starts: ``loc.source``; calendar.yaml's start for a mapping without a location."""
    return loc.source if loc is not None else Source(CALENDAR_FILE, 1, 1)


def value_of(loc: Loc | None, name: str) -> Source:
    """Where the value of ``name`` is: ``loc.value(name)``, or as :func:`source_of`."""
    return loc.value(name) if loc is not None else Source(CALENDAR_FILE, 1, 1)


def key_of(loc: Loc | None, name: str) -> Source:
    """Where the key ``name`` is: ``loc.key(name)``, or as :func:`source_of`."""
    return loc.key(name) if loc is not None else Source(CALENDAR_FILE, 1, 1)


def left_out(reading: Reading, loc: Loc | None, name: str) -> bool:
    """Whether the field ``name``, written there, was refused (told) and left out for the rest of its entry
    to be read (:func:`edcal.load.validate.validate_as_read`): its absence is no error of its own."""
    return loc is not None and name in loc.fields and reading.errors.muted(loc.key(name))


def item_of(loc: Loc | None, name: str, index: int) -> Source:
    """Where item ``index`` of the list ``name`` is: ``loc.item(name, index)``, or as :func:`source_of`."""
    return loc.item(name, index) if loc is not None else Source(CALENDAR_FILE, 1, 1)
