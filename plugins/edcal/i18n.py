"""The few words the engine writes itself, in the site's language (French or English).

Draft templates and planning pages get the same catalogue as ``_()``. Each
language is a YAML file in ``edcal/translations/`` (English text -> its
translation); a language without a file falls back to English.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import os
import re
import string
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

if TYPE_CHECKING:
    from edcal.model.network import Cadence

@functools.cache
def catalog(code: str) -> dict[str, str]:
    """The translations of one language, empty for English.

    ``translations/<code>.yaml`` holds the engine's words (drafts, planning
    pages, checks); ``translations/<code>/*.yaml`` the command line's errors,
    a file per part of edcal. A text is translated in one file only (a test
    says so).
    """
    table: dict[str, str] = {}
    for resource in catalog_files(code):
        found = yaml.load(resource.read_text(encoding="utf-8"), Loader=_Loader) or {}
        table.update((str(key), typeset(str(value), code)) for key, value in found.items())
    return table


def catalog_files(code: str) -> list[Any]:
    """The catalogue files of a language, in the order they are read."""
    folder = resources.files("edcal.translations")
    files = [folder.joinpath(f"{code}.yaml")]
    errors = folder.joinpath(code)
    if errors.is_dir():
        files += sorted((f for f in errors.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    return [f for f in files if f.is_file()]


@functools.lru_cache(maxsize=64)
def theme_catalog(folders: tuple[str, ...], lang: str) -> dict[str, str]:
    """A language's interface words in a theme's ``translations/`` folders (for the blog and the drafts),
    from the most general theme folder to the most specific.

    Keys are the English text, so English needs no file; a language without
    a file falls back to English.
    """
    code = lang.replace("_", "-").split("-")[0].lower()
    table: dict[str, str] = {}
    for folder in reversed(folders):
        file = Path(folder) / f"{code}.yaml"
        if file.is_file():
            table.update(yaml.safe_load(file.read_text(encoding="utf-8")) or {})
    return {str(key): typeset(str(value), code) for key, value in table.items()}


#: French puts a space before ``: ; ! ? »`` and ``%`` and after ``«``; it must not break there. Written to
#: start with the space, which the expression then looks for alone (from every character, thousands of
#: post texts took 6 times as long).
FRENCH_SPACE = re.compile(r" (?:(?=[:;!?»%])|(?<=« ))")


def typeset(text: str, code: str) -> str:
    """A translation with its language's spacing rules applied.

    The catalogues are written with plain spaces, which are easy to read and
    review; French ones get a no-break space (U+00A0) where French typography
    wants one, so that "Réseau :" never breaks before its colon. U+00A0, not
    the narrow U+202F: X weighs U+202F as two characters, and some fonts
    lack it.
    """
    return FRENCH_SPACE.sub("\u00a0", text) if code == "fr" else text


DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
}


def language(lang: str | None) -> str:
    """The catalogue's language for a site language code ("fr-FR" -> "fr"), else English."""
    code = (lang or "en").split("-")[0].split("_")[0].lower()
    return code if code in DAYS else "en"


def same_language(lang: str, other: str, primary: bool = False) -> bool:
    """Whether two language tags name one language: ``en-GB`` and ``en_gb``; with ``primary``, ``en`` and
    ``en-GB`` too (a translation into English for an account in British English)."""
    one, two = lang.lower().replace("_", "-"), other.lower().replace("_", "-")
    return one.split("-")[0] == two.split("-")[0] if primary else one == two


#: Language tags whose dates put the month first and whose weeks start on Sunday: US English
#: (``DEFAULT_LANG = 'en-US'``). Other English (``en``, ``en-GB``) writes the day first, Monday first.
MONTH_FIRST = frozenset({"en-us"})


def month_first(lang: str | None) -> bool:
    """Whether ``lang`` ("en-US", "en_US", "en-us") writes "January 12, 2027" and starts weeks on Sunday."""
    return (lang or "").replace("_", "-").lower() in MONTH_FIRST


def first_weekday(lang: str | None) -> int:
    """The first day of a week on a calendar, as ``date.weekday()`` counts: Sunday (6) in US English,
    else Monday (0)."""
    return 6 if month_first(lang) else 0


def long_date(day: dt.date, lang: str | None, weekday: bool = True) -> str:
    """A day written out, the one way edcal writes days for people: "mardi 12 janvier 2027",
    "Tuesday 12 January 2027", "Tuesday, January 12, 2027" (``en-US``); without its ``weekday``,
    "12 janvier 2027", "12 January 2027", "January 12, 2027". French writes the first "1er"."""
    code = language(lang)
    if month_first(lang):
        written = f"{MONTHS[code][day.month - 1]} {day.day}, {day.year}"
        return f"{DAYS[code][day.weekday()]}, {written}" if weekday else written
    written = f"{_day_number(day, code)} {MONTHS[code][day.month - 1]} {day.year}"
    return f"{DAYS[code][day.weekday()]} {written}" if weekday else written


def day_of_week(day: dt.date, lang: str | None) -> str:
    """A day of a month already said, by its weekday and number: "mardi 12", "vendredi 1er", "Tuesday 12"."""
    code = language(lang)
    return f"{DAYS[code][day.weekday()]} {_day_number(day, code)}"


def _day_number(day: dt.date, code: str) -> str:
    """A day's number in a date written out: French writes the first "1er"."""
    return "1er" if code == "fr" and day.day == 1 else str(day.day)


def day_span(first: dt.date, last: dt.date, lang: str | None) -> tuple[str, str]:
    """Two days as "from … to …" writes them, their month and year said once: ("21", "28 December 2026"),
    ("1er", "5 mars 2027"), ("December 21", "28, 2026") in US English; ("30 November", "4 December 2026")
    across months; each in full across years."""
    full_first, full_last = long_date(first, lang, weekday=False), long_date(last, lang, weekday=False)
    if first.year != last.year:
        return full_first, full_last
    same_month = first.month == last.month
    month = MONTHS[language(lang)][first.month - 1]
    if month_first(lang):  # "December 21 to 28, 2026", "November 30 to December 4, 2026"
        shown_last = full_last.removeprefix(f"{month} ") if same_month else full_last
        return full_first.removesuffix(f", {first.year}"), shown_last
    shown_first = full_first.removesuffix(f" {first.year}")
    return shown_first.removesuffix(f" {month}") if same_month else shown_first, full_last


def twelve_hour(lang: str | None) -> bool:
    """Whether ``lang`` writes times of day on the 12-hour clock, "9:30 AM": US English, as it writes dates
    month first (:func:`month_first`). Every other language and English, "09:30"."""
    return month_first(lang)


def clock_time(value: dt.time | dt.datetime, lang: str | None) -> str:
    """A time of day, the one way edcal writes times for people: "09:30", "16:00"; "9:30 AM", "4:00 PM",
    "12:00 PM" (noon), "12:15 AM" in US English (``en-US``). calendar.yaml, plan.json and the feeds'
    instants keep the 24-hour clock: this is for reading, not for writing back.

    A time in the hour a fall-back night repeats (:func:`repeated_hour`) is followed by its UTC offset, as
    in messages (:class:`Message`): "02:40 (UTC+02:00)" then "02:10 (UTC+01:00)", half an hour later, where
    "02:40" and "02:10" read as the other way round. Every other time has none."""
    text = _wall_clock(value, lang)
    if isinstance(value, dt.datetime) and repeated_hour(value):
        return f"{text} (UTC{utc_offset(value)})"
    return text


def _wall_clock(value: dt.time | dt.datetime, lang: str | None) -> str:
    """A time of day as a clock on the wall shows it, whichever pass of a repeated hour it is in."""
    if not twelve_hour(lang):
        return f"{value.hour:02d}:{value.minute:02d}"
    return f"{value.hour % 12 or 12}:{value.minute:02d} {'AM' if value.hour < 12 else 'PM'}"


def day_and_time(moment: dt.datetime, lang: str | None) -> str:
    """A day and its time of day, as a sentence writes them: "mardi 12 janvier 2027 09:30", "Tuesday
    12 January 2027 09:30"; "Tuesday, January 12, 2027, 9:30 AM" in US English, whose year takes a
    comma after it when more follows. ``moment`` is already in the site's zone."""
    joint = ", " if month_first(lang) else " "
    return f"{long_date(moment.date(), lang)}{joint}{clock_time(moment, lang)}"


def month_name(day: dt.date, lang: str | None) -> str:
    """"janvier 2027" / "January 2027"."""
    return f"{MONTHS[language(lang)][day.month - 1]} {day.year}"


def number(value: int | float, lang: str | None, spec: str = ",") -> str:
    """A figure as a reader writes it: ``1,180`` and ``12.5`` in English, ``1 180`` and ``12,5`` in French.

    Thousands are grouped (in French with a no-break space, U+00A0 as :func:`typeset` spaces: a
    figure never breaks across lines); a whole float reads as a whole number (``current: 1e3`` is
    ``1,000``, not ``1,000.0``). ``spec`` is a format spec with its ``,`` (``",.1f"``). The one
    formatter of figures for people: the planning pages' ``number`` filter and the ``{limit:,}``
    fields of messages (:class:`Message`), and the words of a feed's events (``Length: 157 / 5,000``).
    Machine fields (plan.json, CSV, iCalendar's own properties) keep numbers as Python writes them.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = format(value, spec)
    return text.translate(_FRENCH_FIGURES) if language(lang) == "fr" else text


_FRENCH_FIGURES = str.maketrans({",": "\u00a0", ".": ","})


class _Fields(string.Formatter):
    """``str.format``, the fields written ``{limit:,}`` as figures in a language's way (:func:`number`),
    and the times written ``{when:%H:%M}`` as its territory reads them (:func:`clock_time`: "9:30 AM")."""

    def __init__(self, code: str, tag: str | None = None) -> None:
        self.code = code
        self.twelve_hour = twelve_hour(tag)

    def format_field(self, value: Any, format_spec: str) -> str:
        if "," in format_spec and isinstance(value, (int, float)) and not isinstance(value, bool):
            return number(value, self.code, format_spec)
        if self.twelve_hour and _TIME_SPEC in format_spec and isinstance(value, (dt.time, dt.datetime)):
            text = format(value, format_spec.replace(_TIME_SPEC, _wall_clock(value, "en-US")))
            return f"{text} (UTC{utc_offset(value)})" if isinstance(value, _RepeatedHour) else text
        return format(value, format_spec)


#: The format spec of a time of day in a message's field (``{when:%Y-%m-%d %H:%M}``).
_TIME_SPEC = "%H:%M"
#: A field with a ``,`` in its format spec: ``{limit:,}``, ``{share:,.1f}``.
_FIGURE_FIELD = re.compile(r"\{[^{}:]*:[^{}]*,[^{}]*\}")
#: A field with a time of day in its format spec: ``{when:%Y-%m-%d %H:%M}``.
_TIME_FIELD = re.compile(r"\{[^{}:]*:[^{}]*%H:%M[^{}]*\}")


@functools.lru_cache(maxsize=4096)
def _special_fields(template: str) -> tuple[bool, bool]:
    """Whether a template has figures, and times of day, in its fields' specs."""
    return _FIGURE_FIELD.search(template) is not None, _TIME_FIELD.search(template) is not None


def _fill(template: str, values: dict[str, Any], code: str, tag: str | None = None) -> str:
    """``template.format_map(values)``, its figures (``{limit:,}``) as language ``code`` writes them, its
    times (``{when:%H:%M}``) as language tag ``tag`` does. Thousands of findings go through here: the
    formatter that writes them so runs only for a template that needs it (a time only on a 12-hour site)."""
    figures, times = _special_fields(template)
    if not figures and not (times and twelve_hour(tag)):
        dated = _dated_fields(template)
        if dated is None:
            return template.format_map(values)
        written, fields = dated
        return written.format_map({**values, **{key: _dated(values[name], spec, fast)
                                                for key, name, spec, fast in fields}})
    return _Fields(code, tag).vformat(template, (), values)


#: The strftime directives :func:`_dated` writes itself, each a day's or a time's part, zero-padded as
#: strftime pads them (a year from 1000 on: four figures).
_DATE_PARTS = {"Y": "year", "m": "month", "d": "day", "H": "hour", "M": "minute"}
#: A date field's spec, written by :func:`_dated` without strftime: the ``%`` pattern, the parts it takes, and
#: whether a time of day is among them.
_FastDate = tuple[str, Callable[[Any], Any], bool]


@functools.lru_cache(maxsize=4096)
def _dated_fields(template: str) -> tuple[str, tuple[tuple[str, str, str, _FastDate | None], ...]] | None:
    """A template whose fields write a day or a time with strftime directives (``{day:%d/%m/%Y}``), each such
    field given a name of its own and no spec, with what fills it (:func:`_dated`); None for a template that
    has none. strftime took 3 µs a field, and the messages of thousands of findings write a day and a
    time each."""
    if "%" not in template:
        return None
    written: list[str] = []
    fields: list[tuple[str, str, str, _FastDate | None]] = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        written.append(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        if "%" in (spec or "") and not conversion and name.isidentifier() and "{" not in spec:  # type: ignore[operator]
            key = f"\0{len(fields)}"
            fields.append((key, name, spec, _fast_date(spec)))  # type: ignore[arg-type]
            written.append(f"{{{key}}}")
        else:
            written.append(f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}")
    return ("".join(written), tuple(fields)) if fields else None


def _fast_date(spec: str) -> _FastDate | None:
    """A spec of :data:`_DATE_PARTS` directives and plain characters as a ``%`` pattern; None for another."""
    pattern, parts, index = [], [], 0
    while index < len(spec):
        char = spec[index]
        if char != "%":
            pattern.append(char)
            index += 1
            continue
        directive = spec[index + 1:index + 2]
        if directive == "%":
            pattern.append("%%")
        elif directive in _DATE_PARTS:
            pattern.append("%d" if directive == "Y" else "%02d")
            parts.append(_DATE_PARTS[directive])
        else:
            return None
        index += 2
    if not parts:
        return None
    return "".join(pattern), operator.attrgetter(*parts), bool({"hour", "minute"} & set(parts))


def _dated(value: Any, spec: str, fast: _FastDate | None) -> str:
    """``format(value, spec)``: by hand for a plain date or time (not a repeated hour's, which writes its
    offset) of a year strftime writes in four figures."""
    kind = type(value)
    if fast is not None and (kind is dt.datetime or (kind is dt.date and not fast[2])) and value.year >= 1000:
        return fast[0] % fast[1](value)
    return format(value, spec)


class Translator:
    """``_(text)`` in one language: the translation, else the text."""

    __slots__ = ("_table", "language", "tag")

    def __init__(self, code: str, table: dict[str, str], tag: str | None = None) -> None:
        #: The catalogue's language ("fr", "en"), for plural forms and figures (:meth:`Message.translated`).
        self.language = code
        #: The language tag it was made for ("en-US", "fr"), for dates (:func:`long_date`).
        self.tag = tag or code
        self._table = table

    def __call__(self, text: str) -> str:
        return self._table.get(text, text)

    @property
    def table(self) -> dict[str, str]:
        """Its translations, English text -> translation."""
        return self._table

    def fill(self, text: str, **values: Any) -> str:
        """``_(text).format(**values)``, its figures and times of day as this language and territory write
        them: ``_.fill("gone out {time:%H:%M}", time=at)`` is "gone out 4:00 PM" in en-US."""
        return _fill(self(text), values, self.language, self.tag)


def translator(lang: str | None) -> Translator:
    """``_(text)`` for ``lang`` ("fr", "fr-FR", "en"…): the translation, else the text."""
    code = language(lang)
    return Translator(code, catalog(code), lang)


class Message(str):
    """A text in English that can say itself in the site's language.

    It *is* the English text (a ``str``): the command line, JSON, GitHub
    annotations and comparisons read it unchanged. It also keeps its
    template and values, so that a page in French renders the template's
    translation with the same values (:meth:`translated`); values that are
    messages themselves (a status, a weekday) are translated too. Templates
    use ``str.format`` fields, format specs included (``{day:%d/%m/%Y}``); a
    field whose spec has a ``,`` is a figure, written as each language writes
    figures (``{limit:,}``: "3,000", "3 000"; :func:`number`), and a time of day written ``%H:%M`` in a
    field's spec is read on the 12-hour clock where the reader's territory does (``{when:%Y-%m-%d %H:%M}``:
    "2027-01-12 4:00 PM" in en-US; :func:`clock_time`). The English text itself keeps "16:00".
    A message with a singular and a plural form (:func:`say_count`) takes the
    form its count needs in each language: "0 posts" but "0 publication".
    """

    template: str
    values: dict[str, Any]
    forms: tuple[str, str] | None
    #: The last translation made, and by which ``translate`` (:meth:`translated`).
    _translated: tuple[Callable[[str], str], str]

    def __new__(cls, template: str, values: dict[str, Any] | None = None,
                forms: tuple[str, str] | None = None) -> Message:
        values = {} if values is None else values
        if any(type(value) is dt.datetime for value in values.values()):
            values = {name: _told_apart(value) for name, value in values.items()}
        self = super().__new__(cls, _fill(template, values, "en"))
        self.template = template
        self.values = values
        self.forms = forms
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickled with its template (to the build's main process)
        return (Message, (self.template, self.values, self.forms))

    def translated(self, translate: Callable[[str], str]) -> str:
        if not self.values:  # a hint, a weekday: thousands of findings share a few of these
            said = translate(self.template)
            return said.format() if "{" in said or "}" in said else said  # "'}}'" is one brace
        # Remembered for the last ``translate``: a message inside thousands of findings (a network's slots,
        # each of its weekdays a message too) was translated again for each.
        last = self.__dict__.get("_translated")
        if last is not None and last[0] is translate:
            return last[1]
        values = {name: value.translated(translate) if isinstance(value, Message) else value
                  for name, value in self.values.items()}
        template = self.template
        code = getattr(translate, "language", "en")
        tag = getattr(translate, "tag", code)
        if self.forms is not None:
            one = SINGULAR.get(code, SINGULAR["en"])
            template = self.forms[0] if one(self.values["count"]) else self.forms[1]
        said = _fill(translate(template), values, code, tag)
        self._translated = (translate, said)
        return said


def repeated_hour(value: dt.datetime) -> bool:
    """Whether a local time is one the clocks show twice (the hour repeated on a fall-back night)."""
    if value.tzinfo is None or value.fold not in (0, 1) or not _clocks_change(value.tzinfo, value.date()):
        return False
    other = value.replace(fold=1 - value.fold)
    if other.utcoffset() == value.utcoffset():
        return False
    # A time the clocks skip has two offsets too, but no second instant: back from UTC, it is another time.
    back = other.astimezone(dt.UTC).astimezone(value.tzinfo)
    return back.replace(tzinfo=None) == value.replace(tzinfo=None)


@functools.lru_cache(maxsize=4096)
def _clocks_change(zone: dt.tzinfo, day: dt.date) -> bool:
    """Whether the clocks of ``zone`` change on ``day`` (or at the midnight that ends it): on any other day no
    time is shown twice. Messages hold thousands of times (a finding's day and hour); asking each whether
    it is in a repeated hour took a fifth of a rule's time (outside-slots)."""
    start = dt.datetime.combine(day, dt.time(), zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone) if day < dt.date.max else start
    offsets = {moment.replace(fold=fold).utcoffset() for moment in (start, end) for fold in (0, 1)}
    return len(offsets) > 1


def utc_offset(value: dt.datetime) -> str:
    """``-05:00``: a time's offset from UTC, as calendar.yaml writes it after a time."""
    minutes = int((value.utcoffset() or dt.timedelta()).total_seconds() // 60)
    return f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


class _RepeatedHour(dt.datetime):
    """A local time the clocks show twice, in a message: its time is followed by its UTC offset,
    ``01:30 (UTC-05:00)``, which tells the first 01:30 of a fall-back night from the second."""

    def __format__(self, spec: str) -> str:
        text = super().__format__(spec)
        return f"{text} (UTC{utc_offset(self)})" if "%H" in spec else text


def _told_apart(value: Any) -> Any:
    if type(value) is not dt.datetime or not repeated_hour(value):
        return value
    return _RepeatedHour(value.year, value.month, value.day, value.hour, value.minute, value.second,
                         value.microsecond, value.tzinfo, fold=value.fold)


#: When a count takes the singular, by language (French: 0 and 1; English: 1 only).
SINGULAR: dict[str, Callable[[int], bool]] = {
    "en": lambda count: count == 1,
    "fr": lambda count: count in (0, 1),
}


def format_fields(text: str) -> set[str] | None:
    """The ``{fields}`` a format string names (``{date:%Y}`` is ``date``; ``{}`` is ``""``), or None when a
    brace is not closed: what a settings file's addresses and a site's words may name."""
    try:
        return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text)
                if name is not None}
    except ValueError:
        return None


def say(template: str, **values: Any) -> Message:
    """A message from an English template and its values: ``say("{count} posts", count=3)``."""
    if not values:  # a hint, a weekday: the same few texts for thousands of findings
        found = _FIXED.get(template)
        if found is None:
            found = _FIXED[template] = Message(template, values)
        return found
    return Message(template, values)


#: Messages without values, made once (they are never changed).
_FIXED: dict[str, Message] = {}


def say_count(count: int, one: str, many: str, **values: Any) -> Message:
    """``one`` or ``many`` by ``count`` (given to the template as ``count``), in each language's way."""
    return Message(one if count == 1 else many, {"count": count, **values}, (one, many))


def say_duration(minutes: int) -> Message:
    """A length of time in its largest whole unit (a poll's: ``1 week``, ``3 days``, ``90 minutes``)."""
    for size, one, many in ((7 * 24 * 60, "{count} week", "{count} weeks"),
                            (24 * 60, "{count} day", "{count} days"), (60, "{count} hour", "{count} hours")):
        if minutes % size == 0:
            return say_count(minutes // size, one, many)
    return say_count(minutes, "{count} minute", "{count} minutes")


def say_cadence(cadence: Cadence, aloud: bool = False) -> Message:
    """A cadence, for messages and pages: "2/week" (plan.json keeps the cadence's own label); ``aloud``, as a
    screen reader is to read it: "2 a week" (it read "2/week" as "2 slash week")."""
    count = cadence.count
    if cadence.per == "day":
        return say("{count} a day", count=count) if aloud else say("{count}/day", count=count)
    if cadence.per == "week":
        return say("{count} a week", count=count) if aloud else say("{count}/week", count=count)
    return say("{count} a month", count=count) if aloud else say("{count}/month", count=count)


def say_list(parts: Sequence[Any]) -> Message:
    """Texts or messages one after the other, with commas: each part says itself in the reader's language
    (``say_list([say("{count} on {network}", ...), ...])``)."""
    values = {f"part{index}": part for index, part in enumerate(parts)}
    return Message(", ".join(f"{{{name}}}" for name in values), values)


def translated(text: str | None, translate: Callable[[str], str]) -> str:
    """A message in the language of ``translate``; a plain text through the catalogue."""
    if text is None:
        return ""
    return text.translated(translate) if isinstance(text, Message) else translate(text)


#: Environment variable: the language edcal's messages are in (``en``, ``fr``), whatever the site's.
LANG_VARIABLE = "EDCAL_LANG"


def speak(site_lang: str | None) -> None:
    """Say the command line's messages in ``$EDCAL_LANG``, else in the site's language from now on.

    Errors, findings, summaries and reports are written for the site's team:
    a French site's team reads French, as on its planning pages. A command
    speaks English until it has read the site's settings (an error in
    pelicanconf.py itself), or when the language has no catalogue.
    """
    global _SPOKEN, _SITE_HEARD, _SITE_LANG
    _SPOKEN = translator(team_language(site_lang))
    _SITE_HEARD = site_lang is not None
    _SITE_LANG = site_lang or None


#: English whose dates put the day first (02/03 is 2 March): British, Irish, Australian, New Zealand.
DAY_FIRST_ENGLISH = frozenset({"en-gb", "en-ie", "en-au", "en-nz"})


def date_order() -> str | None:
    """How the site's writers order a date's numbers: "day" (``02/03`` is 2 March: French, British or
    Australian English), "month" (February 3: US English), None where the language does not tell (plain
    ``en``). The site's language, else the reader's before the site's settings are read."""
    tag = (_SITE_LANG or _SPOKEN.tag).replace("_", "-").lower()
    if month_first(tag):
        return "month"
    return "day" if language(tag) == "fr" or tag in DAY_FIRST_ENGLISH else None


def site_language() -> str | None:
    """The site's language tag (``fr``, ``en-US``) once the command has read it (:func:`speak`), else None."""
    return _SITE_LANG


def site_language_known() -> bool:
    """Whether the command has read the site's language (:func:`speak` with the site's language)."""
    return _SITE_HEARD


def team_language(site_lang: str | None) -> str:
    """The language of what edcal tells a site's team: ``$EDCAL_LANG``, else the site's ("fr", "en-US"),
    as a tag whose territory writes the dates (:func:`long_date`); ``translator`` reads its language.
    An ``$EDCAL_LANG`` edcal does not speak (``de``) leaves the site's (:func:`unspoken_language` says so)."""
    wanted = (os.environ.get(LANG_VARIABLE) or "").strip()
    return (wanted if wanted and unspoken_language() is None else None) or site_lang or "en"


def unspoken_language() -> str | None:
    """``$EDCAL_LANG`` when edcal has no words in that language (``de``), else None."""
    wanted = (os.environ.get(LANG_VARIABLE) or "").strip()
    if not wanted or language(wanted) != "en" or wanted.lower()[:2] == "en":
        return None
    return wanted


def spoken(text: str | None) -> str:
    """A message (or a plain text) in the language the command line speaks (:func:`speak`)."""
    if text is None:
        return ""
    if _SPOKEN.language == "en" and not twelve_hour(_SPOKEN.tag):  # the English text, as it is
        return text
    return translated(text, _SPOKEN)


_SPOKEN: Translator = translator(os.environ.get(LANG_VARIABLE))
_SITE_HEARD = False
_SITE_LANG: str | None = None  # the site's language tag ("fr", "en-US")
