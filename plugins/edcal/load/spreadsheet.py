"""Posts planned in a spreadsheet, turned into calendar.yaml entries.

A team's plan often starts in a spreadsheet: a row per post, columns named
in the team's language ("Date", "Réseau", "Texte", "Lien"…), exported as CSV.
Hootsuite's bulk files have no header: date, message, link. Each row becomes
one one-off post entry; the columns are recognised by their names, values are
written the way calendar.yaml writes them (``2027-03-02 09:00``, network ids),
and every line of the YAML produced remembers the cell it came from, so that
the calendar loader's errors can be shown at the cell.
"""

from __future__ import annotations

import calendar as _calendar
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

from edcal.errors import InputError, InputErrors, did_you_mean
from edcal.ids import slugify
from edcal.load import timeparse
from edcal.load.table import Cell, Table, column_letter
from edcal.model.calendar import Calendar
from edcal.model.source import Source

#: What each field of a post is called in a header row, once lowercased, without accents, and
#: with ``_``, ``-``, ``.`` and ``/`` read as spaces (``Réseau social`` is ``reseau social``).
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "identifiant", "identifier"),
    "title": ("title", "titre", "sujet", "subject", "label", "libelle"),
    "date": ("date", "day", "jour", "date de publication", "publication date", "scheduled", "date et heure",
             "date heure", "datetime", "date time", "date and time", "when", "quand", "publish date",
             "date programmee", "scheduled date"),
    "time": ("time", "heure", "hour", "horaire", "heure de publication", "publication time"),
    "networks": ("network", "networks", "reseau", "reseaux", "reseau social", "reseaux sociaux",
                 "social network", "social networks", "platform", "platforms", "plateforme", "plateformes",
                 "channel", "channels", "canal", "canaux"),
    "text": ("text", "texte", "message", "post", "contenu", "content", "caption", "legende", "texte du post",
             "copy", "wording"),
    "link": ("link", "lien", "url"),
    "article": ("article", "article slug", "slug"),
    "image": ("image", "visuel", "visual", "media", "photo", "picture", "image url"),
    "alt": ("alt", "alt text", "texte alternatif", "alternative text"),
    "campaign": ("campaign", "campagne"),
    "owner": ("owner", "responsable", "auteur", "author", "who", "qui", "assignee"),
    "status": ("status", "statut", "etat", "state"),
    "promotional": ("promotional", "promotionnel", "promo"),
}
#: The columns of a file without a header row (Hootsuite's bulk composer): date, message, link.
HEADERLESS = ("date", "text", "link")
#: The header of edcal's own planning/exports/posts.csv: its posts are in the plan already.
OWN_EXPORT = ("id", "network", "scheduled", "status", "title", "text", "link", "image", "alt", "campaign",
              "owner", "source", "promotional", "length", "limit")
#: Day and month orders of a date written with slashes or dots.
DATE_ORDERS = ("dmy", "mdy")
#: Countries that write the month first (02/03/2027 is February 3rd).
MONTH_FIRST_COUNTRIES = frozenset({"US", "PH", "FM", "MH", "PW"})

_STATUSES = {"draft": "draft", "brouillon": "draft", "a ecrire": "draft", "en cours": "draft",
             "scheduled": "scheduled", "planifie": "scheduled", "programme": "scheduled", "pret": "scheduled",
             "ready": "scheduled", "valide": "scheduled", "approved": "scheduled"}
_YES = {"yes", "oui", "true", "vrai", "x", "1"}
_NO = {"no", "non", "false", "faux", "0", ""}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(?P<rest>.+))?$")
_NUMERIC_DAY = re.compile(r"^(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?:(?:T|,?\s+)(?P<rest>.+))?$")
#: ``09:30``, ``9:30:00``, ``9h30``, ``9h``, ``9:30 AM``, ``2 pm``.
_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2})(?::(\d{2}))?|h(\d{2})?)?\s*([ap]\.?m\.?)?$", re.IGNORECASE)
_NETWORK_SEPARATORS = re.compile(r"\s*(?:[,;/+|&]|\bet\b|\band\b)\s*", re.IGNORECASE)
#: A cell edcal's posts.csv guards against spreadsheet formulas (``'@camille``).
_FORMULA_GUARD = re.compile(r"^'(?=[=+\-@])")


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the command line adds to every row."""

    networks: tuple[str, ...] = ()
    campaign: str | None = None
    owner: str | None = None
    status: str | None = None
    date_order: str | None = None
    skipped_columns: tuple[str, ...] = ()


@dataclass(slots=True)
class ImportedPost:
    """One row, as calendar.yaml values, each with the cell it came from."""

    row: Source
    values: dict[str, object] = field(default_factory=dict)
    cells: dict[str, Source] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CalendarText:
    """The YAML written for the imported rows, and the cell behind each of its lines."""

    text: str
    lines: dict[int, Source]

    def cell_of(self, source: Source) -> Source | None:
        return self.lines.get(source.line)


def normal_name(name: str) -> str:
    """A column's name as :data:`COLUMNS` writes it: ``"Réseau (X, LinkedIn…)"`` is ``reseau``."""
    name = re.sub(r"\(.*?\)|\[.*?\]", " ", name)
    name = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[_\-./:'’*]", " ", name).split())


def posts_from_table(table: Table, calendar: Calendar, options: ImportOptions,
                     taken_ids: Iterable[str]) -> list[ImportedPost]:
    """Every row as a post entry.

    :param taken_ids: ids already in the plan: a derived id avoids them.
    :raises InputErrors: every cell that cannot be read, located.
    """
    errors: list[InputError] = []
    records = list(table.records)
    if not records:
        raise InputErrors([InputError(Source(table.path, 1, 1), "found no row", "export the sheet again: the "
                                      "file is empty")])
    columns, rows, width = _columns(table, records, options, errors)
    if not width:  # not a sheet of posts
        raise InputErrors(errors)
    fatal = False  # a column missing, or a wrong option: every row would say so
    if "networks" not in columns.values() and not options.networks:
        headerless = rows is records
        fatal = True
        errors.append(InputError(Source(table.path, 1, 1), "found no network column" + (
            " (a file without a header row, as Hootsuite's: date, message, link)" if headerless else ""),
            "give the network: --network linkedin" if headerless
            else "add a column 'network' (or 'réseau'), or give the network: --network linkedin"))
    if "networks" in columns.values() and options.networks:
        fatal = True
        errors.append(InputError(Source("--network", 1, 1), "the file has a network column already",
                                 "leave --network out"))
    for wanted in ("date", "text"):
        if wanted not in columns.values():
            fatal = True
            errors.append(InputError(Source(table.path, 1, 1), f"found no {wanted} column",
                                     f"add a column named '{COLUMNS[wanted][0]}' (known names: "
                                     f"{', '.join(COLUMNS[wanted][:6])}…)"))
    if fatal:
        raise InputErrors(errors)
    month_first = (calendar.country or "").upper() in MONTH_FIRST_COUNTRIES
    order = options.date_order or ("mdy" if month_first else "dmy")
    ids = set(taken_ids)
    posts = []
    for record in rows:
        post = _post(record, columns, width, calendar, options, order, errors)
        if post is not None:
            _give_id(post, ids)
            posts.append(post)
    if errors:
        raise InputErrors(errors)
    return posts


def _columns(table: Table, records: list[tuple[Cell, ...]], options: ImportOptions,
             errors: list[InputError]) -> tuple[dict[int, str], list[tuple[Cell, ...]], int]:
    """Each used column's field by its index, the rows of values (the header row left out), and how many
    columns the header names."""
    first = records[0]
    skipped = {normal_name(name) for name in options.skipped_columns}
    letters = {name.upper() for name in options.skipped_columns}
    if _reads_as_date(first[0].text) and len(first) <= len(HEADERLESS):
        return dict(enumerate(HEADERLESS[:len(first)])), records, len(first)  # Hootsuite's bulk file
    if _reads_as_date(first[0].text):
        errors.append(InputError(first[0].source, f"found a date in the first row and {len(first)} columns; "
                                 "a file without a header row has 3 at most (date, message, link)",
                                 "add a header row naming the columns (date, network, text, link…)"))
        return {}, [], 0
    names = tuple(normal_name(cell.text) for cell in first)
    if tuple(name for name in names if name) == OWN_EXPORT:
        errors.append(InputError(first[0].source, "this is edcal's own export (planning/exports/posts.csv): "
                                 "its posts are in the plan already", "import a sheet of posts that are not "
                                 "in calendar.yaml yet"))
        return {}, [], 0
    by_name = {alias: wanted for wanted, aliases in COLUMNS.items() for alias in aliases}
    columns: dict[int, str] = {}
    seen: dict[str, Cell] = {}
    for index, (cell, name) in enumerate(zip(first, names, strict=True)):
        letter = column_letter(index)
        if name in skipped or letter in letters:
            continue
        if not name:
            if any(index < len(record) and record[index].text.strip() for record in records[1:]):
                errors.append(InputError(cell.source, f"column {letter} has values and no name",
                                         "name it in the header row, or leave it out: "
                                         f"--skip-column {letter}"))
            continue
        wanted = by_name.get(name)
        if wanted is None:
            meant = did_you_mean(name, by_name)
            leave = f"leave it out: --skip-column {_quoted(cell.text.strip())}"
            errors.append(InputError(cell.source, f"found column '{cell.text.strip()}' ({letter}), which "
                                     "is not a field of a post",
                                     f"{meant} Else {leave}" if meant else
                                     f"{leave}, or rename it (known: {', '.join(sorted(COLUMNS))})"))
            continue
        if wanted in seen:
            errors.append(InputError(cell.source, f"found a second {wanted} column ({letter}; the first is "
                                     f"'{seen[wanted].text.strip()}')", "keep one, or leave one out: "
                                     f"--skip-column {letter}"))
            continue
        seen[wanted] = cell
        columns[index] = wanted
    return columns, records[1:], len(first)


def _quoted(text: str) -> str:
    return text if re.fullmatch(r"[\w.-]+", text) else "'" + text.replace("'", "'\\''") + "'"


def _reads_as_date(text: str) -> bool:
    text = text.strip()
    return bool(_ISO_DAY.match(text) or _NUMERIC_DAY.match(text))


def _post(record: tuple[Cell, ...], columns: dict[int, str], width: int, calendar: Calendar,
          options: ImportOptions, order: str, errors: list[InputError]) -> ImportedPost | None:
    row = record[0].source
    post = ImportedPost(Source(row.path, row.line, 1))
    cells = {columns[index]: cell for index, cell in enumerate(record)
             if index in columns and cell.text.strip()}
    beyond = next((cell for cell in record[width:] if cell.text.strip()), None)
    if beyond is not None:
        errors.append(InputError(beyond.source, f"found '{beyond.text.strip()[:40]}' in column "
                                 f"{column_letter(record.index(beyond))}, beyond the header row's last "
                                 "column",
                                 "name that column in the header row, or remove the value"))
        return None
    before = len(errors)
    at = _when(cells.get("date"), cells.get("time"), calendar, order, errors)
    if at is not None:
        post.values["at"], post.cells["at"] = at, cells["date"].source
    networks = _networks(cells.get("networks"), calendar, options, errors)
    if networks:
        post.values["networks"] = networks
        post.cells["networks"] = cells["networks"].source if "networks" in cells else row
    text = cells.get("text")
    if text is None:
        errors.append(InputError(row, "found no text in this row",
                                 "write the post's text, or delete the row"))
    for name in ("title", "id", "text", "link", "article", "image", "alt"):
        if name in cells:
            value = cells[name].text.strip().replace("\r\n", "\n").replace("\r", "\n")
            post.values[name] = _FORMULA_GUARD.sub("", value) if name == "text" else value
            post.cells[name] = cells[name].source
    for name, given, named in (("campaign", options.campaign, calendar.campaigns),
                               ("owner", options.owner, calendar.team)):
        value = cells[name].text.strip() if name in cells else given
        if value is not None:
            post.values[name] = _by_name(value, named)
            post.cells[name] = cells[name].source if name in cells else row
    status = cells["status"].text.strip() if "status" in cells else options.status
    if status is not None:
        post.values["status"] = _STATUSES.get(normal_name(status), status)
        post.cells["status"] = cells["status"].source if "status" in cells else row
    if "promotional" in cells:
        said = normal_name(cells["promotional"].text)
        if said in _YES or said in _NO:
            post.values["promotional"] = said in _YES
            post.cells["promotional"] = cells["promotional"].source
        else:
            said = cells["promotional"].text.strip()
            errors.append(InputError(cells["promotional"].source, f"found '{said}' "
                                     "for promotional, expected yes or no (oui, non, x, 1, 0)", None))
    return post if len(errors) == before else None


def _by_name(value: str, named: dict[str, object]) -> str:
    """A campaign's or a person's id, also when the sheet writes their name (``Camille Roux``)."""
    if value in named or value.lower() in named:
        return value if value in named else value.lower()
    wanted = normal_name(value)
    found = [key for key, thing in named.items()
             if normal_name(str(getattr(thing, "name", "") or "")) == wanted]
    return found[0] if len(found) == 1 else value


def _when(date: Cell | None, time: Cell | None, calendar: Calendar, order: str,
          errors: list[InputError]) -> str | None:
    """The date (and time) as calendar.yaml writes them: ``2027-03-02 09:00``, or a day alone."""
    if date is None:
        return None
    written = date.text.strip()
    iso, numeric = _ISO_DAY.match(written), _NUMERIC_DAY.match(written)
    expected = "DD/MM/YYYY HH:MM" if order == "dmy" else "MM/DD/YYYY HH:MM"
    if iso:
        year, month, day, rest = int(iso.group(1)), int(iso.group(2)), int(iso.group(3)), iso.group("rest")
    elif numeric:
        first, second, year_text = numeric.group(1), numeric.group(3), numeric.group(4)
        rest = numeric.group("rest")
        if len(year_text) == 2:
            errors.append(InputError(date.source, f"found '{written}', a year in two digits",
                                     f"write the year in full: {expected}"))
            return None
        day, month = (int(first), int(second)) if order == "dmy" else (int(second), int(first))
        year = int(year_text)
        if not 1 <= month <= 12 and 1 <= day <= 12:
            other = "mdy" if order == "dmy" else "dmy"
            errors.append(InputError(date.source, f"found '{written}': there is no month {month} when the "
                                     "day "
                                     f"comes {'first' if order == 'dmy' else 'second'} ({expected})",
                                     f"the file writes the {'month' if order == 'dmy' else 'day'} first: "
                                     f"--date-order {other}"))
            return None
    else:
        errors.append(InputError(date.source, f"found '{written}' for the date, expected {expected} or "
                                 "YYYY-MM-DD HH:MM", "format the column as text or as a date in the "
                                 "spreadsheet before exporting"))
        return None
    day_text = f"{year:04d}-{month:02d}-{day:02d}"
    problem = None
    if not timeparse.FIRST_YEAR <= year <= timeparse.LAST_YEAR:
        problem = f"year {year} is out of range ({timeparse.FIRST_YEAR} to {timeparse.LAST_YEAR})"
    elif not 1 <= month <= 12:
        problem = f"there is no month {month}"
    elif not 1 <= day <= (last := _calendar.monthrange(year, month)[1]):
        problem = f"{_calendar.month_name[month]} {year} has {last} days"
    if problem:
        errors.append(InputError(date.source, f"found '{written}': {problem}",
                                 f"write a real date, {expected}"))
        return None
    if rest and time is not None:
        errors.append(InputError(time.source, f"found a time here and another in the date ('{written}')",
                                 "keep one of the two"))
        return None
    clock = (rest or (time.text.strip() if time is not None else "")).strip()
    if not clock:
        return day_text
    cell = date if rest else time
    assert cell is not None
    if clock.lower() in calendar.slots:
        return f"{day_text} {clock.lower()}"
    match = _CLOCK.match(clock)
    if match is None:
        known = ", ".join(sorted(calendar.slots))
        errors.append(InputError(cell.source, f"found '{clock}' for the time, expected HH:MM (09:30, 9h30, "
                                 "9:30 AM)" + (f" or a slot ({known})" if known else ""), None))
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or match.group(4) or 0)
    second = int(match.group(3) or 0)
    if match.group(5):
        if not 1 <= hour <= 12:
            errors.append(InputError(cell.source, f"found '{clock}': {hour} is not an hour of a 12-hour "
                                     "clock",
                                     "write the time as HH:MM, from 00:00 to 23:59"))
            return None
        hour = hour % 12 + (12 if match.group(5).lower().startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        errors.append(InputError(cell.source, f"found '{clock}', expected a time from 00:00 to 23:59", None))
        return None
    if second:
        errors.append(InputError(cell.source, f"found '{clock}', a time to the second",
                                 "posts are planned to the minute: write HH:MM"))
        return None
    return f"{day_text} {hour:02d}:{minute:02d}"


def _networks(cell: Cell | None, calendar: Calendar, options: ImportOptions,
              errors: list[InputError]) -> list[str]:
    names = [name for name in _NETWORK_SEPARATORS.split(cell.text.strip()) if name] if cell is not None \
        else list(options.networks)
    source = cell.source if cell is not None else Source("--network", 1, 1)
    if cell is not None and not names:
        return []
    found: list[str] = []
    for name in names:
        network = _network_id(name, calendar)
        if network is None:
            known = sorted(calendar.networks)
            errors.append(InputError(source, f"unknown network '{name}'",
                                     did_you_mean(normal_name(name), known)
                                     or "known: " + ", ".join(known) + " (networks: in calendar.yaml)"))
        elif network not in found:
            found.append(network)
    return found


def _network_id(name: str, calendar: Calendar) -> str | None:
    """A network by its id, an alias, or the name the site gives it (``Le Fil``), with or without
    what follows in brackets (``X (ex-Twitter)``)."""
    for written in (name, re.sub(r"\(.*?\)", "", name)):
        wanted = normal_name(written)
        found = calendar.network_id(wanted) or calendar.network_id(wanted.replace(" ", ""))
        if found:
            return found
        for network in calendar.networks.values():
            if normal_name(network.name) == wanted:
                return network.id
    return None


def _give_id(post: ImportedPost, taken: set[str]) -> None:
    """An id for a row without one: its title's or its text's first words, then its day if taken."""
    if "id" in post.values:
        taken.add(str(post.values["id"]))
        return
    words = str(post.values.get("title") or post.values.get("text") or "")
    base = slugify(words, max_words=6) or "post"
    day = str(post.values.get("at", ""))[:10]
    candidates = [base, f"{base}-{day}"] if day else [base]
    wanted = next((c for c in candidates if c not in taken), None)
    number = 2
    while wanted is None:
        wanted = f"{candidates[-1]}-{number}" if f"{candidates[-1]}-{number}" not in taken else None
        number += 1
    taken.add(wanted)
    post.values["id"] = wanted  # its line is the row's


#: The order of an entry's fields in the file written.
_ORDER = ("id", "title", "networks", "at", "status", "campaign", "owner", "promotional", "text", "link",
          "article", "image", "alt")


def calendar_text(posts: list[ImportedPost], origin: str) -> CalendarText:
    """The posts as a calendar.d/ file, and the cell behind each line."""
    lines = [f"# Imported from {origin} by edcal import: one entry per row.", "posts:"]
    where: dict[int, Source] = {}
    for post in posts:
        where[len(lines) + 1] = post.row
        first = True
        for name in _ORDER:
            if name not in post.values:
                continue
            value = post.values[name]
            # at: as calendar.yaml writes it (2027-03-02 09:00), never quoted
            written = str(value) if name == "at" else _yaml_value(value, indent=6)
            prefix = "  - " if first else "    "
            first = False
            cell = post.cells.get(name, post.row)
            for number, line in enumerate(written.split("\n")):
                where[len(lines) + 1] = cell
                lines.append(f"{prefix}{name}: {line}" if number == 0 else line)
    return CalendarText("\n".join(lines) + "\n", where)


def _yaml_value(value: object, indent: int) -> str:
    """A value as YAML reads it back exactly: plain when it can be, a literal block for several lines
    (``|-``), else quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(value) + "]"
    text = str(value)
    if "\n" not in text and _reads_back(f"k: {text}", text):
        return text
    if "\n" in text:
        pad = " " * indent
        block = "|-\n" + "\n".join(pad + line if line else "" for line in text.split("\n"))
        if _reads_back(f"k: {block}", text):
            return block
    return json.dumps(text, ensure_ascii=False)


def _reads_back(document: str, text: str) -> bool:
    try:
        return yaml.load(document, Loader=yaml.CSafeLoader) == {"k": text}  # type: ignore[no-any-return]
    except yaml.YAMLError:
        return False
