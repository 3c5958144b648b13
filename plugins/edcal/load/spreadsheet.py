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
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from edcal.dates import MONTH_FIRST_COUNTRIES, day_problem
from edcal.errors import InputError, InputErrors
from edcal.i18n import DAYS, Message, say
from edcal.ids import slugify
from edcal.load import timeparse
from edcal.load.network_registry import builtin_registry
from edcal.load.schema import ID_RE, id_hint
from edcal.load.sections.networks import not_set_up
from edcal.load.table import Cell, Table, column_letter
from edcal.load.yamlfile import yaml_value
from edcal.model.article import IMAGE_SUFFIXES, VIDEO_SUFFIXES, content_path
from edcal.model.calendar import Calendar, id_by_name
from edcal.model.source import Source

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

#: What each field of a post is called in a header row, once lowercased, without accents, and
#: with ``_``, ``-``, ``.`` and ``/`` read as spaces (``Réseau social`` is ``reseau social``).
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "identifiant", "identifier"),
    "title": ("title", "titre", "sujet", "subject", "label", "libelle"),
    "date": ("date", "day", "jour", "date de publication", "publication date", "scheduled", "date et heure",
             "date heure", "datetime", "date time", "date and time", "when", "quand", "publish date",
             "date programmee", "scheduled date",
             # schedulers' exports and bulk files (Buffer's "Posting Time": a date and its time)
             "posting time", "scheduled at", "scheduled time", "publish at", "publish time", "send time",
             "date d envoi"),
    "time": ("time", "heure", "hour", "horaire", "heure de publication", "publication time", "creneau",
             "slot"),
    "networks": ("network", "networks", "reseau", "reseaux", "reseau social", "reseaux sociaux",
                 "social network", "social networks", "platform", "platforms", "plateforme", "plateformes",
                 "channel", "channels", "canal", "canaux"),
    "text": ("text", "texte", "message", "post", "contenu", "content", "caption", "legende", "texte du post",
             "copy", "wording"),
    "link": ("link", "lien", "url"),
    "article": ("article", "article slug", "slug"),
    "image": ("image", "visuel", "visual", "media", "photo", "picture", "image url"),
    "alt": ("alt", "alt text", "texte alternatif", "alternative text"),
    "video": ("video", "video url", "url video", "url de la video", "lien video", "video link",
              "fichier video", "video file"),
    # What whoever posts it must do (pin it, tag a partner): never posted
    "note": ("note", "notes", "consigne", "consignes", "note pour qui publie", "note pour la publication",
             "instructions", "note for whoever posts"),
    # Buffer's "First Comment"; not "Commentaire" alone, which a team's sheet uses for its own notes
    "first_comment": ("first comment", "premier commentaire", "1er commentaire"),
    # not "TW" alone, which a sheet with a column per network uses for Twitter
    "cw": ("cw", "content warning", "avertissement", "avertissement de contenu", "trigger warning"),
    # The replies under the post, between lines "---" (as posts.csv writes them); not "réponses" alone
    "thread": ("thread", "fil", "fil de discussion", "suite du fil", "replies", "thread replies",
               "reponses du fil"),
    # The answers, between "|" or one per line
    "poll": ("poll", "sondage", "poll options", "poll answers", "options du sondage", "reponses du sondage",
             "choix du sondage"),
    "poll_duration": ("poll duration", "duree du sondage", "poll length"),
    "poll_question": ("poll question", "question du sondage", "question"),
    "campaign": ("campaign", "campagne"),
    "owner": ("owner", "responsable", "auteur", "author", "who", "qui", "assignee"),
    "status": ("status", "statut", "etat", "state"),
    "promotional": ("promotional", "promotionnel", "promo"),
}
#: The columns of a file without a header row (Hootsuite's bulk composer): date, message, link.
HEADERLESS = ("date", "text", "link")
#: The header of edcal's own planning/exports/posts.csv: its posts are in the plan already. Its first
#: columns, which every version wrote; later versions added columns after them (``cw``, ``account``…).
OWN_EXPORT = ("id", "network", "scheduled", "status", "title", "text", "link", "image", "alt", "campaign",
              "owner", "source", "promotional", "length", "limit")
OWN_EXPORT_LATER = ("cw", "first comment", "thread", "video", "note", "poll", "account")
#: A status cell's words (as :func:`normal_name` writes them).
STATUSES = {"draft": "draft", "brouillon": "draft", "a ecrire": "draft", "a faire": "draft",
            "en cours": "draft", "to do": "draft", "in progress": "draft",
            # Written, awaiting approval: `status: review`.
            "review": "review", "a valider": "review", "en attente": "review", "en validation": "review",
            "to approve": "review", "pending approval": "review",
            "scheduled": "scheduled", "planifie": "scheduled", "programme": "scheduled", "pret": "scheduled",
            "ready": "scheduled", "valide": "scheduled", "approved": "scheduled",
            # A "publication" is feminine: "programmée", "prête", "validée", and "en relecture" as "à valider"
            "en relecture": "review", "a relire": "review", "planifiee": "scheduled",
            "programmee": "scheduled", "prete": "scheduled", "validee": "scheduled"}
#: What a status cell may say, as messages list it: each language its own words (the French catalogue the
#: French ones), though all of them are read.
STATUS_WORDS = say("expected a draft (draft, to do, in progress), a post awaiting approval (review, "
                   "to approve, pending approval) or a post ready (scheduled, ready, approved)")
#: Statuses of rows that are no posts to plan.
_NOT_TO_PLAN = {"publie": "published", "published": "published", "posted": "published", "poste": "published",
                "publiee": "published", "postee": "published", "annulee": "cancelled",
                "annule": "cancelled", "cancelled": "cancelled", "canceled": "cancelled"}
_YES = {"yes", "oui", "true", "vrai", "x", "1"}
_NO = {"no", "non", "false", "faux", "0", ""}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(?P<rest>.+))?$")
_NUMERIC_DAY = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:T|,?\s+)(?P<rest>.+))?$")
#: ``15 février 2027``, ``1er mars 2027``, ``3 Feb 2027`` (the month checked against :data:`MONTHS`).
#: Excel's French "j-mmm-aaaa" writes ``2-mars-2027``, ``12-janv.-2027`` (``02-mars-27``: two digits).
_WORDED_DAY = re.compile(r"^(\d{1,2})(?:er|st|nd|rd|th)?(?:\s+|-)([^\W\d_]+)\.?(?:,?\s+|-)"
                         r"(\d{4}|\d{2}(?=-|$))(?:,?\s+(?P<rest>.+))?$")
def _full_year(written: str, bare: str, match: re.Match[str], group: int) -> str:
    """The cell ``written`` with its year of two digits (group ``group`` of ``match``, over ``bare``, its
    end) in full, as the hint gives it: ``02-mars-27`` is ``02-mars-2027``, ``05/03/27 9h``
    ``05/03/2027 9h``."""
    start = len(written) - len(bare)
    return (written[:start + match.start(group)] + f"20{match.group(group)}"
            + written[start + match.end(group):])


#: A day without its year: ``12 janvier``, ``1er mars 9h``, ``12/01``, ``12/01 09:00``.
_WORDED_NO_YEAR = re.compile(r"^(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+)\.?(?:,?\s+(?!\d{4}\b).+)?$")
_NUMERIC_NO_YEAR = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})(?![/.\-\d])(?:(?:T|,?\s+).+)?$")
#: The article a date may be written with: ``le 9 mars 2027``, ``Le mardi 10/03/2027``, ``the 9th``.
_ARTICLE = re.compile(r"^(?:le|the)\s+(?=\S)", re.IGNORECASE)
#: A weekday before the date: ``lundi 15/02/2027``, ``Mon, 15/02/2027``.
_WEEKDAY_FIRST = re.compile(r"^([^\W\d_]+)\.?,?\s+(?=\d)")
#: What may join a date and its time: ``15/02/2027 à 10h``, ``… at 10:00``, ``… - 10:00``.
_JOINING = re.compile(r"^(?:à|a|at|-|,)\s+", re.IGNORECASE)
#: ``09:30``, ``9:30:00``, ``9h30``, ``9 h 30``, ``9h``, ``09.30``, ``9:30 AM``, ``2 pm``, ``02:30+02:00``.
_CLOCK = re.compile(r"^(\d{1,2})(?:\s*[:h.]\s*(\d{2})(?::(\d{2}))?|\s*h)?\s*(?P<half>[ap]\.?m\.?)?"
                    r"(?P<offset>\s*(?:Z|[+-]\d{2}:?\d{2}))?$", re.IGNORECASE)
#: Months as sheets write them, in French and English, without accents.
MONTHS = {name: number for number, names in enumerate((
    ("janvier", "janv", "january", "jan"), ("fevrier", "fevr", "fev", "february", "feb"),
    ("mars", "march", "mar"), ("avril", "avr", "april", "apr"), ("mai", "may"), ("juin", "june", "jun"),
    ("juillet", "juil", "july", "jul"), ("aout", "august", "aug"), ("septembre", "sept", "september", "sep"),
    ("octobre", "oct", "october"), ("novembre", "nov", "november"), ("decembre", "dec", "december")), 1)
    for name in names}
#: Between the answers of a poll cell: ``Oui | Non``, or a line each.
_POLL_SEPARATORS = re.compile(r"\s*(?:\|\n?|\n)\s*")
#: Between the replies of a thread cell, and the parts of posts.csv's poll cell: a line ``---`` of its own.
_PARTS = re.compile(r"^[ \t]*---[ \t]*$", re.MULTILINE)
_NETWORK_SEPARATORS = re.compile(r"\s*(?:[,;/+|&\n]|\bet\b|\band\b)\s*", re.IGNORECASE)
#: A cell edcal's posts.csv guards against spreadsheet formulas (``'@camille``).
_FORMULA_GUARD = re.compile(r"^'(?=[=+\-@])")


@dataclass(frozen=True)
class ImportOptions:
    """What the command line adds to every row."""

    networks: tuple[str, ...] = ()
    campaign: str | None = None
    owner: str | None = None
    status: str | None = None
    date_order: str | None = None
    skipped_columns: tuple[str, ...] = ()
    #: Every way a sheet may name an article (its slug, its URL's path, its title) -> its slug.
    articles: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class ImportedPost:
    """One row, as calendar.yaml values, each with the cell it came from."""

    row: Source
    values: dict[str, object] = field(default_factory=dict)
    cells: dict[str, Source] = field(default_factory=dict)
    #: What the status cell says became of a row gone already: "published" or "cancelled" (its cell in
    #: ``cells["marked"]``); the command decides, once the row's time is known.
    marked: str | None = None
    #: The status cell's word (``Publié``), as messages show it.
    marked_word: str = ""
    #: The letter of each field's column in the sheet (``{"date": "A"}``), as messages name them.
    letters: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CalendarText:
    """The YAML written for the imported rows, and the cell behind each of its lines."""

    text: str
    #: The cell each line's value comes from.
    lines: dict[int, Source]
    #: The first line of each entry, with its row: what is said of the entry (``- id: …``'s dash and
    #: key) is said of the row, what is said of its value of the cell.
    entries: dict[int, Source] = field(default_factory=dict)

    def cell_of(self, source: Source) -> Source | None:
        if source.line in self.entries and source.column < _VALUE_COLUMN:
            return self.entries[source.line]
        return self.lines.get(source.line)


def shown(text: str, limit: int = 60) -> str:
    """A cell's text in a message: on one line, what is not printable escaped, and cut when long."""
    text = " ".join(text.split())
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def normal_name(name: str) -> str:
    """A column's name as :data:`COLUMNS` writes it: ``"Réseau (X, LinkedIn…)"`` is ``reseau``."""
    name = re.sub(r"\(.*?\)|\[.*?\]", " ", name)
    name = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[_\-./:'’*]", " ", name).split())


def article_names(articles: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """How a sheet may name each article, from (slug, URL, title): :attr:`ImportOptions.articles`."""
    names: dict[str, str] = {}
    for slug, url, title in articles:
        names.setdefault(normal_name(title), slug)
        path = url.split("://", 1)[-1].split("/", 1)[-1] if "://" in url else url.lstrip("/")
        names.setdefault(path.rstrip("/").removesuffix("/index.html"), slug)
    for slug, _url, _title in articles:
        names[slug] = slug
    return names


def posts_from_table(table: Table, calendar: Calendar, options: ImportOptions,
                     taken_ids: Iterable[str]) -> list[ImportedPost]:
    """Every row as a post entry.

    :param taken_ids: ids already in the plan: a derived id avoids them.
    :raises InputErrors: every cell that cannot be read, located.
    """
    _check_options(calendar, options)
    errors: list[InputError] = []
    records = list(table.records)
    if not records:
        raise InputErrors([InputError(Source(table.path, 1, 1), say("found no row"),
                                      say("export the sheet again: the file is empty"))])
    networks = {normal_name(name) for n in calendar.networks.values() for name in (n.id, n.name, *n.aliases)}
    header = _header(table, records, options, networks, errors)
    if header is None:  # not a sheet of posts
        raise InputErrors(errors)
    columns, rows, width = header
    fatal = False  # a column missing: every row would say so
    for wanted in ("date", "text"):
        if wanted not in columns.values():
            fatal = True
            errors.append(InputError(Source(table.path, 1, 1),
                                     say("found no date column") if wanted == "date"
                                     else say("found no text column"),
                                     say("add a column named '{name}' (known names: {names}…)",
                                         name=COLUMNS[wanted][0], names=", ".join(COLUMNS[wanted][:6]))))
    if "networks" not in columns.values() and not options.networks:
        fatal = True
        headerless = rows is records
        errors.append(InputError(
            Source(table.path, 1, 1),
            say("found no network column (a file without a header row, as Hootsuite's: date, message, link)")
            if headerless else say("found no network column"),
            say("give the network: --network linkedin") if headerless
            else say("add a column 'network' (or 'réseau'), or give the network: --network linkedin")))
    if not rows and not fatal:
        fatal = True
        errors.append(InputError(records[0][0].source, say("found no row to import below the header row"),
                                 say("write a post on each row below it")))
    if fatal:
        raise InputErrors(errors)
    if options.date_order:
        order = options.date_order
    elif rows is records:  # Hootsuite's file: its dates as the site's Hootsuite files write them
        order = "mdy" if calendar.exports.hootsuite_date_format.startswith("%m") else "dmy"
    else:
        order = "mdy" if (calendar.country or "").upper() in MONTH_FIRST_COUNTRIES else "dmy"
    letters = {wanted: column_letter(index) for index, wanted in columns.items()}
    # "Date (UTC)", "Heure (GMT+1)": the zone the column's times are in, as a scheduler's export says it
    named = records[len(records) - len(rows) - 1] if rows is not records else ()
    offsets = {columns[index]: offset for index, cell in enumerate(named)
               if columns.get(index) in ("date", "time") and (offset := _column_offset(cell.text))}
    posts = []
    above: frozenset[str] = frozenset()  # the fields the row above has: a cell merged over rows fills one
    for record in rows:
        post = _post(record, columns, width, letters, calendar, options, order, offsets, above, errors)
        here = frozenset(columns[index] for index, cell in enumerate(record)
                         if index in columns and cell.text.strip())
        above = here | (above - here) if here else frozenset()  # merged over three rows: the third too
        if post is not None:
            posts.append(post)
    taken = set(taken_ids)
    _refuse_bad_ids(posts, taken, errors)
    if errors:
        raise InputErrors(sorted(errors, key=InputError.sort_key))
    # ids the sheet gives are taken first, with their posts' ids (hello-linkedin): a row's derived id
    # never takes a later row's, nor names another row's post
    ids = set(taken)
    for post in posts:
        if "id" in post.values:
            ids |= _with_items(str(post.values["id"]), post)
    for post in posts:
        _give_id(post, ids)
    return posts


def _with_items(entry_id: str, post: ImportedPost) -> set[str]:
    """An entry's id and its posts' ids (one per network: ``hello-linkedin``)."""
    networks = post.values.get("networks")
    return {entry_id, *(f"{entry_id}-{n}" for n in (networks if isinstance(networks, list) else ()))}


def _check_options(calendar: Calendar, options: ImportOptions) -> None:
    """--network, --campaign and --owner name what the site has (else every row would say so)."""
    errors = []
    for name in options.networks:
        if _network_id(name, calendar) is None:
            errors.append(InputError(Source("--network", 1, 1), *_unknown_network(name, calendar)))
    if options.status is not None and status_of(options.status) is None:
        errors.append(InputError(Source("--status", 1, 1),
                                 say("found '{value}', {expected}", value=shown(options.status),
                                     expected=STATUS_WORDS), None))
    for option, value, named in (("--campaign", options.campaign, calendar.campaigns),
                                 ("--owner", options.owner, calendar.team)):
        if value is not None and _by_name(value, named) is None:
            message = say("unknown campaign '{name}'", name=shown(value)) if option == "--campaign" \
                else say("unknown owner '{name}'", name=shown(value))
            errors.append(InputError(Source(option, 1, 1), message,
                                     _known_hint(value, named)))
    if errors:
        raise InputErrors(errors)


def _known_hint(name: str, known: Mapping[str, object]) -> Message:
    """Did you mean the closest id or name; else the ids known."""
    names = {normal_name(str(getattr(thing, "name", "") or "")): key for key, thing in known.items()}
    names.pop("", None)
    close = difflib.get_close_matches(normal_name(name), [*known, *names], n=1, cutoff=0.6)
    if close:
        key = names.get(close[0], close[0])
        thing = known[key]
        named = f"{getattr(thing, 'name', key)} ({key})" if getattr(thing, "name", None) not in (None, key) \
            else key
        return say("did you mean {name}?", name=named)
    if not known:
        return say("known: none, in calendar.yaml")
    return say("known: {names}", names=", ".join(sorted(known)))


def _header(table: Table, records: list[tuple[Cell, ...]], options: ImportOptions, networks: set[str],
            errors: list[InputError]) -> tuple[dict[int, str], list[tuple[Cell, ...]], int] | None:
    """Each used column's field by its index, the rows of values, and how many columns the header names;
    None for a file that is no sheet of posts (the errors say why)."""
    first = records[0]
    by_name = {alias: wanted for wanted, aliases in COLUMNS.items() for alias in aliases}
    # A title above the header ("Planning février;;;"): the header is the first row naming two fields.
    at = next((i for i, record in enumerate(records[:10])
               if sum(normal_name(cell.text) in by_name for cell in record) >= 2), None)
    if at is None and _reads_as_date(first[0].text):
        if len(first) <= len(HEADERLESS):
            _check_skipped(table, (), options, errors)
            return dict(enumerate(HEADERLESS[:len(first)])), records, len(first)  # Hootsuite's bulk file
        errors.append(InputError(first[0].source,
                                 say("found a date in the first row and {count} columns; a file without a "
                                     "header row has 3 at most (date, message, link)", count=len(first)),
                                 say("add a header row naming the columns (date, network, text, link…)")))
        return None
    at = at or 0
    above = next((record for record in records[:at] if sum(bool(cell.text.strip()) for cell in record) > 1),
                 None)
    if above is not None:  # merged cells over the column names ("Quand", "Quoi"): no title, no row of posts
        values = ", ".join(f"'{shown(cell.text.strip(), 30)}'" for cell in above if cell.text.strip())
        errors.append(InputError(next(cell for cell in above if cell.text.strip()).source,
                                 say("found a row of several values ({values}) above the header row "
                                     "(line {line})", values=values, line=records[at][0].source.line),
                                 say("delete this row in the sheet, and unmerge the cells above the column "
                                     "names: only a title in one cell may stand above them")))
        return None
    header, rows = records[at], records[at + 1:]
    names = tuple(normal_name(cell.text) for cell in header)
    named = tuple(name for name in names if name)
    if named[:len(OWN_EXPORT)] == OWN_EXPORT and set(named[len(OWN_EXPORT):]) <= set(OWN_EXPORT_LATER):
        errors.append(InputError(header[0].source,
                                 say("this is edcal's own export (planning/exports/posts.csv): its posts are "
                                     "in the plan already"),
                                 say("import a sheet of posts that are not in calendar.yaml yet")))
        return None
    _check_skipped(table, header, options, errors)
    skipped = {normal_name(name) for name in options.skipped_columns}
    letters = {name.upper() for name in options.skipped_columns}
    columns: dict[int, str] = {}
    seen: dict[str, Cell] = {}
    for index, (cell, name) in enumerate(zip(header, names, strict=True)):
        letter = column_letter(index)
        if name in skipped or letter in letters:
            continue
        if not name:
            if any(index < len(record) and record[index].text.strip() for record in rows):
                errors.append(InputError(cell.source,
                                         say("column {letter} has values and no name", letter=letter),
                                         say("name it in the header row, or leave it out: "
                                             "--skip-column {letter}", letter=letter)))
            continue
        wanted = by_name.get(name)
        known = by_name
        if wanted == "poll_question" and name == "question" and "poll" not in map(by_name.get, names):
            # "Question" alone is a poll's beside its answers; else a sheet's own (the topic of a tip)
            wanted, known = None, {alias: field for alias, field in by_name.items() if alias != name}
        if wanted is None:
            errors.append(_unknown_column(cell, letter, name, known, networks))
            continue
        if wanted in seen:
            errors.append(InputError(cell.source, say("found a second {field} column ({letter}; the first is "
                                                      "'{first}')", field=wanted, letter=letter,
                                                      first=shown(seen[wanted].text)),
                                     say("keep one, or leave one out: --skip-column {letter}",
                                         letter=letter)))
            continue
        seen[wanted] = cell
        columns[index] = wanted
    return columns, rows, len(header)


def _unknown_column(cell: Cell, letter: str, name: str, by_name: dict[str, str],
                    networks: set[str]) -> InputError:
    written = cell.text.strip()
    said = shown(written)
    leave = say("leave it out: --skip-column {column}",
                column=_quoted(written) if said == written and len(written) <= 40 else letter)
    if any(separator in written for separator in ",;\t|"):
        return InputError(cell.source, say("found column '{name}' ({letter}), which holds separators",
                                           name=said, letter=letter),
                          say("the cells are split on another separator: give it, --delimiter semicolon "
                              "(or comma, tab)"))
    words = name.split()
    if len(words) > 1 and " ".join(words[:-1]) in by_name and words[-1] in networks:  # "Texte LinkedIn"
        field_name = by_name[" ".join(words[:-1])]
        return InputError(cell.source, say("found column '{name}' ({letter}): a {field} for one network; "
                                           "a row is one post, on the networks of its network column",
                                           name=said, letter=letter, field=field_name),
                          say("write a row per network, with that {field} in the {field} column; or {leave}",
                              field=field_name, leave=leave))
    close = difflib.get_close_matches(name, by_name, n=1, cutoff=0.8)
    if close:
        return InputError(cell.source, say("found column '{name}' ({letter}), which is not a field of a post",
                                           name=said, letter=letter),
                          say("did you mean '{match}'? Else {leave}", match=close[0], leave=leave))
    return InputError(cell.source, say("found column '{name}' ({letter}), which is not a field of a post",
                                       name=said, letter=letter),
                      say("{leave}, or rename it (known: {names})", leave=leave,
                          names=", ".join(sorted(COLUMNS))))


def _check_skipped(table: Table, header: tuple[Cell, ...], options: ImportOptions,
                   errors: list[InputError]) -> None:
    """Each --skip-column names a column of the file: a typo would leave the column in, and fail."""
    names = [normal_name(cell.text) for cell in header]
    letters = [column_letter(index) for index in range(len(header))]
    for skipped in options.skipped_columns:
        if normal_name(skipped) not in names and skipped.upper() not in letters:
            present = [cell.text.strip() for cell in header if cell.text.strip()]
            close = difflib.get_close_matches(skipped, present, n=1, cutoff=0.6)
            listed = ", ".join(shown(name) for name in present) or say("none, no header row")
            errors.append(InputError(Source("--skip-column", 1, 1),
                                     say("found no column '{name}' in {file}", name=shown(skipped),
                                         file=table.path),
                                     say("did you mean '{match}'?", match=close[0]) if close else
                                     say("its columns: {names}", names=listed)))


def _quoted(text: str) -> str:
    return text if re.fullmatch(r"[\w.-]+", text) else "'" + text.replace("'", "'\\''") + "'"


def _reads_as_date(text: str) -> bool:
    text = _WEEKDAY_FIRST.sub("", text.strip())
    return bool(_ISO_DAY.match(text) or _NUMERIC_DAY.match(text) or _WORDED_DAY.match(text))


def _post(record: tuple[Cell, ...], columns: dict[int, str], width: int, letters: dict[str, str],
          calendar: Calendar, options: ImportOptions, order: str, offsets: Mapping[str, str],
          above: frozenset[str], errors: list[InputError]) -> ImportedPost | None:
    row = record[0].source
    post = ImportedPost(Source(row.path, row.line, 1), letters=letters)
    every = {columns[index]: cell for index, cell in enumerate(record) if index in columns}
    cells = {name: cell for name, cell in every.items() if cell.text.strip()}
    beyond = next((cell for cell in record[width:] if cell.text.strip()), None)
    if beyond is not None:
        errors.append(InputError(beyond.source,
                                 say("found '{value}' in column {letter}, beyond the header row's last "
                                     "column", value=beyond.text.strip()[:40],
                                     letter=column_letter(record.index(beyond))),
                                 say("name that column in the header row, or remove the value")))
        return None
    before = len(errors)
    for cell in cells.values():
        _refuse_control_characters(cell, errors)

    def missing(name: str, alone: Message, in_column: Message, hint: Message) -> None:
        place = every[name].source if name in every else row
        # A day's posts under one merged date: Excel exports its value in the first row only
        if name == "date" and name in above and name in letters:
            hint = say("if the cell is merged with the one above, its value is in the first row only: "
                       "unmerge the cells, and write the value on each row")
        errors.append(InputError(place, in_column if name in letters else alone, hint))

    if "date" not in cells:
        missing("date", say("found no date in this row"),
                say("found no date in this row (column {letter})", letter=letters.get("date")),
                say("write the day it goes out, and its time, or delete the row"))
    else:
        when = _when(cells["date"], cells.get("time"), calendar, order, errors, offsets,
                     _row_zone(cells, calendar, options))
        if when is not None:  # at its time's cell when the time has a column (a time the clocks skip)
            post.values["at"], post.cells["at"] = when
    if "networks" in cells:
        post.values["networks"] = _networks(cells["networks"], calendar, errors)
        post.cells["networks"] = cells["networks"].source
    elif options.networks:
        post.values["networks"] = list(dict.fromkeys(_network_id(n, calendar) or n for n in options.networks))
        post.cells["networks"] = every["networks"].source if "networks" in every else row
    else:
        missing("networks", say("found no network in this row"),
                say("found no network in this row (column {letter})", letter=letters.get("networks")),
                say("write one ({networks}), or give the rows without one theirs: --network linkedin",
                    networks=", ".join(sorted(calendar.networks))))
    if "text" not in cells:
        missing("text", say("found no text in this row"),
                say("found no text in this row (column {letter})", letter=letters.get("text")),
                say("write the post's text, or delete the row"))
    for name in ("title", "id", "text", "link", "image", "alt", "first_comment", "video", "note", "cw"):
        if name in cells:
            value = _cell_text(cells[name])
            # posts.csv guards what it writes of the post's own words
            guarded = name in ("text", "first_comment", "note", "cw")
            post.values[name] = _FORMULA_GUARD.sub("", value) if guarded else value
            post.cells[name] = cells[name].source
    if "thread" in cells:  # the replies; an empty one (a "---" at the end) is no reply
        written = _FORMULA_GUARD.sub("", _cell_text(cells["thread"]))
        replies = [reply.strip() for reply in _PARTS.split(written)]
        post.values["thread"] = [reply for reply in replies if reply]
        post.cells["thread"] = cells["thread"].source
    _poll(cells, post, errors)
    if "article" in cells:
        post.values["article"] = _article(cells["article"], options.articles, errors)
        post.cells["article"] = cells["article"].source
        if "link" in cells:
            errors.append(InputError(cells["article"].source,
                                     say("found a link and an article in this row: a post links to one"),
                                     say("keep one of the two cells")))
    _media(cells, errors)
    if "alt" in cells and "image" not in cells and "video" not in cells:
        errors.append(InputError(cells["alt"].source, say("found alt text and no image"),
                                 say("give the image in the image column (or the video in the video column), "
                                     "or empty this cell")))
    for name, given, named in (("campaign", options.campaign, calendar.campaigns),
                               ("owner", options.owner, calendar.team)):
        if name in cells:
            found = _by_name(cells[name].text.strip(), named)
            if found is None:
                unknown = say("unknown person '{name}'", name=shown(cells[name].text)) if name == "owner" \
                    else say("unknown campaign '{name}'", name=shown(cells[name].text))
                errors.append(InputError(cells[name].source, unknown,
                                         _known_hint(cells[name].text.strip(), named)))
                continue
            post.values[name], post.cells[name] = found, cells[name].source
        elif given is not None:
            post.values[name], post.cells[name] = _by_name(given, named), row
    if "status" in cells:
        _status(cells["status"], post, errors)
    elif options.status is not None:
        post.values["status"], post.cells["status"] = status_of(options.status), row
    if "promotional" in cells:
        said = normal_name(cells["promotional"].text)
        if said in _YES or said in _NO:
            post.values["promotional"] = said in _YES
            post.cells["promotional"] = cells["promotional"].source
        else:
            said = cells["promotional"].text.strip()
            errors.append(InputError(cells["promotional"].source,
                                     say("found '{value}' for promotional, expected yes or no "
                                         "(oui, non, x, 1, 0)", value=shown(said)),
                                     say("leave the cell empty for the campaign's own")))
    return post if len(errors) == before else None


def _cell_text(cell: Cell) -> str:
    """A cell's text without the spaces around it, its line ends as calendar.yaml writes them."""
    return cell.text.strip().replace("\r\n", "\n").replace("\r", "\n")


def _poll(cells: Mapping[str, Cell], post: ImportedPost, errors: list[InputError]) -> None:
    """A row's poll, as calendar.yaml's ``poll:`` (its answers, its duration and its question, each from its
    cell); the loader checks what it says (a duration, the same answer twice), at the cells."""
    answers, duration, question = cells.get("poll"), cells.get("poll_duration"), cells.get("poll_question")
    if answers is None:
        for cell, message in ((duration, say("found a poll duration and no poll answers in this row")),
                              (question, say("found a poll question and no poll answers in this row"))):
            if cell is not None:
                hint = say("write the answers in the poll column (Oui | Non), or empty this cell")
                errors.append(InputError(cell.source, message, hint))
        return
    written = _FORMULA_GUARD.sub("", _cell_text(answers))
    parts = [part.strip() for part in _PARTS.split(written)]
    said: dict[str, str] = {}  # what posts.csv's own cell says: its question, answers, duration between "---"
    if len(parts) == 3:
        said = {"question": parts[0], "duration": parts[2]}
        written = parts[1]
        twice = next((cell for cell, part in ((question, parts[0]), (duration, parts[2])) if cell and part),
                     None)
        if twice is not None:
            errors.append(InputError(twice.source,
                                     say("found this in its own column and in the poll cell too (posts.csv's "
                                         "question, answers and duration)"),
                                     say("keep one of the two")))
            return
    elif len(parts) != 1:
        errors.append(InputError(answers.source,
                                 say("found {count} parts between lines --- in the poll cell, expected the "
                                     "answers alone (Oui | Non), or posts.csv's three: question, answers, "
                                     "duration", count=len(parts)),
                                 say("write the answers alone, the question and the duration in their "
                                     "columns ('poll question', 'poll duration')")))
        return
    # posts.csv's answers are a line each: a | there is an answer's own (calendar.yaml takes one)
    options = [option.strip() for option in written.split("\n")] if said \
        else _POLL_SEPARATORS.split(written)
    if "" in options[1:-1]:  # an answer forgotten between two; a | or a line at either end holds none
        errors.append(InputError(answers.source,
                                 say("found an empty answer in the poll cell ('{value}'), expected an answer "
                                     "between each two |", value=shown(written)),
                                 say("write the answer that is missing, or remove one |")))
        return
    options = [option for option in options if option]
    if len(options) < 2:  # another separator than ours: "Oui, Non", "Oui / Non"
        errors.append(InputError(answers.source,
                                 say("found one answer in the poll cell ('{value}'), expected 2 at least",
                                     value=shown(written)),
                                 say("separate the answers with |, or write each on a line of its own: "
                                     "Oui | Non")))
        return
    if duration is None and not said.get("duration"):
        errors.append(InputError(answers.source, say("found a poll and no duration in this row"),
                                 say("write how long it is open in a column 'poll duration' (or 'durée du "
                                     "sondage'): 1 day, 3 days, 1 week")))
        return
    poll: dict[str, object] = {}
    for key, cell in (("question", question), ("options", None), ("duration", duration)):
        if key == "options":
            poll[key] = options
        elif cell is not None:
            poll[key] = _cell_text(cell)
            post.cells[f"poll.{key}"] = cell.source
        elif said.get(key):
            poll[key] = said[key]
    post.values["poll"], post.cells["poll"] = poll, answers.source


def _media(cells: Mapping[str, Cell], errors: list[InputError]) -> None:
    """A row shows an image or a video, each in its own column, as calendar.yaml's `image:` and `video:`."""
    image, video = cells.get("image"), cells.get("video")
    if image is not None and _file_suffix(image.text) in VIDEO_SUFFIXES:
        errors.append(InputError(image.source, say("found '{value}' in the image column: a video",
                                                   value=shown(image.text)),
                                 say("a video goes in a column named 'video' (or 'vidéo', 'lien vidéo')")))
    if video is None:
        return
    if image is not None:
        errors.append(InputError(video.source, say("found an image and a video in this row: a post shows one "
                                                   "or the other"),
                                 say("empty one of the two cells, or give the video a row of its own")))
    elif "\n" in video.text.strip() or "\r" in video.text.strip():
        errors.append(InputError(video.source, say("found several lines in the video cell: a post shows one "
                                                   "video"),
                                 say("give each video a row of its own")))
    elif "://" not in video.text and _file_suffix(video.text) not in VIDEO_SUFFIXES:
        suffix = _file_suffix(video.text)
        errors.append(InputError(video.source, say("found '{value}' in the video column, expected a video "
                                                   "file ({suffixes}) or an https URL",
                                                   value=shown(video.text),
                                                   suffixes=", ".join(sorted(VIDEO_SUFFIXES))),
                                 say("an image goes in the image column") if suffix in IMAGE_SUFFIXES
                                 else say("e.g. videos/workshop-tour.mp4")))


def _file_suffix(written: str) -> str:
    """A file's suffix in lower case (``.MP4`` is ``.mp4``), as the loader reads it; ``""`` for a URL."""
    path = content_path(written.strip())
    return "" if "://" in path else PurePosixPath(path).suffix.lower()


def _refuse_control_characters(cell: Cell, errors: list[InputError]) -> None:
    """A character no post can hold (NUL, a C1 control that cp1252 read as latin-1 leaves…)."""
    found = next((c for c in cell.text if unicodedata.category(c) == "Cc" and c not in "\t\n\r"), None)
    if found is None:
        return
    c1 = 0x80 <= ord(found) <= 0x9F
    errors.append(InputError(cell.source, say("found the control character U+{code:04X} in this cell",
                                              code=ord(found)),
                             say("the file is likely cp1252 rather than latin-1: --encoding cp1252") if c1
                             else say("remove it: a post cannot hold it")))


def status_of(written: str) -> str | None:
    """``draft`` or ``scheduled`` for a status cell's word (``brouillon``, ``prêt``…), else None."""
    return STATUSES.get(normal_name(written))


def _status(cell: Cell, post: ImportedPost, errors: list[InputError]) -> None:
    said = normal_name(cell.text)
    if said in STATUSES:
        post.values["status"], post.cells["status"] = STATUSES[said], cell.source
    elif said in _NOT_TO_PLAN:  # no status written: whether its time has passed is known once read
        post.marked, post.marked_word = _NOT_TO_PLAN[said], shown(cell.text)
        post.cells["marked"] = cell.source
    else:
        errors.append(InputError(cell.source, say("found status '{value}', {expected}",
                                                  value=shown(cell.text), expected=STATUS_WORDS),
                                 say("leave the cell empty for a post ready")))


def _refuse_bad_ids(posts: list[ImportedPost], taken: set[str], errors: list[InputError]) -> None:
    """Ids the sheet gives: valid, not the plan's (an entry written without id: would be renamed, its
    posts with it), and each its row's own."""
    first: dict[str, ImportedPost] = {}
    for post in posts:
        if "id" not in post.values:
            continue
        given, cell = str(post.values["id"]), post.cells["id"]
        if not ID_RE.match(given):
            errors.append(InputError(cell, say("found id '{id}', which is not a valid id", id=shown(given)),
                                     say("{rule}, 80 characters at most", rule=id_hint(given))))
        elif given in taken:
            errors.append(InputError(cell, say("found id '{id}', which the plan has already (an entry, a "
                                               "post, an article, an idea or a key date)", id=given),
                                     say("give the row another id, or none")))
        elif given in first:
            errors.append(InputError(cell, say("found id '{id}', the id of line {line} too", id=given,
                                               line=first[given].row.line),
                                     say("give each row its own id, or none")))
        else:
            first[given] = post


def _by_name(value: str, named: Mapping[str, object]) -> str | None:
    """A campaign's or a person's id, by id, by name (``Camille Roux``) or by e-mail; None if none."""
    return id_by_name(value, named, normal_name)


def _article(cell: Cell, articles: dict[str, str], errors: list[InputError]) -> str:
    """An article's slug, also when the sheet gives its title or its address."""
    written = cell.text.strip()
    address = re.split(r"[?#]", written, maxsplit=1)[0]  # a link copied with its tracking or an anchor
    path = address.split("://", 1)[-1].split("/", 1)[-1] if "://" in address else address.lstrip("/")
    for key in (written, normal_name(written), path.rstrip("/").removesuffix("/index.html")):
        if key in articles:
            return articles[key]
    return written  # the loader says it is unknown, with its suggestions


def _row_zone(cells: Mapping[str, Cell], calendar: Calendar, options: ImportOptions) -> ZoneInfo | None:
    """The clock a row's times are written on: its networks' (the site's, or their accounts' own, their
    `timezone:`), None when they are on several (a Paris account and a Montréal one)."""
    if "networks" in cells:
        ids = _networks(cells["networks"], calendar, [])  # errors: told where the row's networks are read
    else:
        ids = [_network_id(name, calendar) or name for name in options.networks]
    zones = {calendar.zone_of(network_id).key: calendar.zone_of(network_id) for network_id in ids}
    if not zones:
        return calendar.zone
    return next(iter(zones.values())) if len(zones) == 1 else None


def _when(date: Cell, time: Cell | None, calendar: Calendar, order: str,
          errors: list[InputError], offsets: Mapping[str, str] | None = None,
          zone: ZoneInfo | None = None) -> tuple[str, Source] | None:
    """The date (and time) as calendar.yaml writes them, ``2027-03-02 09:00`` or a day alone, and the
    cell of its time (else of its date). A time given with a zone is written on ``zone``'s clock (the row's
    accounts'), or, None, with the site's offset: an instant for accounts on several clocks."""
    written = _ARTICLE.sub("", date.text.strip(), count=1)
    said = shown(date.text.strip())
    weekday = _WEEKDAY_FIRST.match(written)
    said_day = weekday.group(1) if weekday and not _WORDED_DAY.match(written) else None
    bare = written[weekday.end():] if weekday and said_day else written
    iso, numeric, worded = _ISO_DAY.match(bare), _NUMERIC_DAY.match(bare), _WORDED_DAY.match(bare)
    expected = "DD/MM/YYYY HH:MM" if order == "dmy" else "MM/DD/YYYY HH:MM"
    if iso:
        year, month, day, rest = int(iso.group(1)), int(iso.group(2)), int(iso.group(3)), iso.group("rest")
    elif numeric:
        first, second, year_text = numeric.group(1), numeric.group(3), numeric.group(4)
        rest = numeric.group("rest")
        if len(year_text) == 2:
            errors.append(InputError(date.source, say("found '{value}', a year in two digits", value=said),
                                     say("write the year in full: {expected}",
                                         expected=_full_year(written, bare, numeric, 4))))
            return None
        day, month = (int(first), int(second)) if order == "dmy" else (int(second), int(first))
        year = int(year_text)
        if not 1 <= month <= 12 and 1 <= day <= 12 and 1 <= month <= _calendar.monthrange(year, day)[1]:
            other = "mdy" if order == "dmy" else "dmy"
            if order == "dmy":
                message = say("found '{value}': there is no month {month} when the day comes first "
                              "({expected})", value=said, month=month, expected=expected)
                hint = say("the file writes the month first: --date-order {order}", order=other)
            else:
                message = say("found '{value}': there is no month {month} when the day comes second "
                              "({expected})", value=said, month=month, expected=expected)
                hint = say("the file writes the day first: --date-order {order}", order=other)
            errors.append(InputError(date.source, message, hint))
            return None
    elif worded and normal_name(worded.group(2)) in MONTHS:
        if len(worded.group(3)) == 2:
            errors.append(InputError(date.source, say("found '{value}', a year in two digits", value=said),
                                     say("write the year in full: {expected}",
                                         expected=_full_year(written, bare, worded, 3))))
            return None
        day, month, year = int(worded.group(1)), MONTHS[normal_name(worded.group(2))], int(worded.group(3))
        rest = worded.group("rest")
    elif (no_year := _without_year(date.text.strip(), bare, said_day, calendar, order)) is not None:
        errors.append(InputError(date.source, say("found '{value}': the date has no year", value=said),
                                 say("write its year: {date}", date=no_year)))
        return None
    else:
        errors.append(InputError(date.source, say("found '{value}' for the date, expected {expected}, "
                                                  "YYYY-MM-DD HH:MM or 15 February 2027", value=said,
                                                  expected=expected),
                                 say("format the column as a date in the spreadsheet before exporting")))
        return None
    day_text = f"{year:04d}-{month:02d}-{day:02d}"
    problem = day_problem(year, month, day)
    if problem:
        errors.append(InputError(date.source, say("found '{value}': {problem}", value=said, problem=problem),
                                 say("write a real date, {expected}", expected=expected)))
        return None
    if said_day is not None:
        try:
            named = timeparse.parse_weekdays(said_day)
        except ValueError:
            named = frozenset()
        real = _calendar.weekday(year, month, day)
        if not named:  # `ma 9 mars 2027`: told it was a Tuesday, as if 'ma' were another day
            errors.append(InputError(date.source, say("found '{value}': '{word}' is no day of the week",
                                                      value=said, word=said_day),
                                     say("write the date alone, e.g. {day}",
                                         day=f"{day:02d}/{month:02d}/{year}" if order == "dmy"
                                         else f"{month:02d}/{day:02d}/{year}")))
            return None
        if len(named) != 1 or real not in named:
            errors.append(InputError(date.source, say("found '{value}': {day} is a {weekday}", value=said,
                                                      day=day_text, weekday=say(DAYS["en"][real])),
                                     say("correct the weekday or the date")))
            return None
    rest = _JOINING.sub("", rest.strip()) if rest else rest
    if rest and time is not None:
        errors.append(InputError(time.source, say("found a time here and another in the date ('{value}')",
                                                  value=said),
                                 say("keep one of the two")))
        return None
    clock = (rest or (time.text.strip() if time is not None else "")).strip()
    if not clock:
        return day_text, date.source
    cell = date if rest else time
    assert cell is not None
    zones = offsets or {}  # a time column without a zone of its own is in its date column's
    at = _clock(clock, cell, day_text, calendar, errors,
                zones.get("date", "") if rest else zones.get("time", zones.get("date", "")), zone)
    return None if at is None else (at, cell.source)


def _column_offset(name: str) -> str | None:
    """``Z`` for a column named ``Date (UTC)`` or ``Date (GMT)``, ``+01:00`` for ``Heure (UTC+1)``; None
    for a name that gives no zone."""
    found = re.search(r"[(\[]\s*(?:utc|gmt)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*[)\]]", name,
                      re.IGNORECASE)
    if found is None:
        return None
    if not found.group(1):
        return "Z"
    return f"{found.group(1)}{int(found.group(2)):02d}:{found.group(3) or '00'}"


def _without_year(written: str, bare: str, said_day: str | None, calendar: Calendar,
                  order: str) -> str | None:
    """The cell with its year, for a day written without one (``mardi 12 janvier``, ``12/01 9h``): the year
    in which that day is the weekday written, nearest to now; else the next such day. None for anything
    else."""
    worded, numeric = _WORDED_NO_YEAR.match(bare), _NUMERIC_NO_YEAR.match(bare)
    if worded and normal_name(worded.group(2)) in MONTHS:
        day, month, end = int(worded.group(1)), MONTHS[normal_name(worded.group(2))], worded.end(2)
    elif numeric:
        first, second = int(numeric.group(1)), int(numeric.group(3))
        day, month = (first, second) if order == "dmy" else (second, first)
        end = numeric.end(3)
    else:
        return None
    try:
        named = timeparse.parse_weekdays(said_day) if said_day else frozenset()
    except ValueError:
        named = frozenset()
    from edcal import clock

    today = clock.now(calendar.zone).date()
    days = []
    for year in range(today.year - 1, today.year + 2):
        try:
            days.append(dt.date(year, month, day))
        except ValueError:  # 31/04, 29/02 of a common year
            continue
    if not days:
        return None
    on_weekday = [candidate for candidate in days if candidate.weekday() in named] if len(named) == 1 else []
    year = (min(on_weekday, key=lambda candidate: abs(candidate - today)) if on_weekday
            else next((candidate for candidate in days if candidate >= today), days[-1])).year
    cut = len(written) - len(bare) + end  # after the month, in the cell as written
    if numeric and not (worded and normal_name(worded.group(2)) in MONTHS):
        return f"{written[:cut]}{numeric.group(2)}{year}{written[cut:]}"
    return f"{written[:cut]} {year}{written[cut:]}"


def _clock(clock: str, cell: Cell, day_text: str, calendar: Calendar, errors: list[InputError],
           column_offset: str = "", zone: ZoneInfo | None = None) -> str | None:
    """``2027-03-02 09:30``, ``2027-03-02 14:30+02:00`` or ``2027-03-02 midi`` (a slot); a time with a zone
    on ``zone``'s clock (see :func:`_when`)."""
    said = shown(clock)
    if normal_name(clock) in calendar.slots:
        return f"{day_text} {normal_name(clock)}"
    match = _CLOCK.match(clock)
    if match is None:
        slots = sorted(calendar.slots)
        close = difflib.get_close_matches(normal_name(clock), slots, n=1, cutoff=0.6)
        # English examples here, French ones in the French catalogue: each form is read whatever the language.
        message = say("found '{value}' for the time, expected HH:MM (09:30, 9:30 AM) or a slot ({slots})",
                      value=said, slots=", ".join(slots)) if slots \
            else say("found '{value}' for the time, expected HH:MM (09:30, 9:30 AM)", value=said)
        errors.append(InputError(cell.source, message,
                                 say("did you mean the slot '{slot}'?", slot=close[0]) if close
                                 else say("write the time as 09:30, or leave it out for the network's slot")))
        return None
    hour, minute, second = int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0)
    if match.group("half"):
        if not 1 <= hour <= 12:
            errors.append(InputError(cell.source,
                                     say("found '{value}': {hour} is not an hour of a 12-hour clock",
                                         value=said, hour=hour),
                                     say("write the time as HH:MM, from 00:00 to 23:59")))
            return None
        hour = hour % 12 + (12 if match.group("half").lower().startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        errors.append(InputError(cell.source, say("found '{value}', expected a time from 00:00 to 23:59",
                                                  value=said),
                                 say("write the time as HH:MM")))
        return None
    if second:
        errors.append(InputError(cell.source, say("found '{value}', a time to the second", value=said),
                                 say("posts are planned to the minute: write HH:MM")))
        return None
    offset = (match.group("offset") or "").strip() or column_offset
    if not offset:
        return f"{day_text} {hour:02d}:{minute:02d}"
    # A scheduler's export in UTC (``2027-03-03T08:00:00Z``): the site's time (its account's, on a
    # network with its own `timezone:`), written as calendar.yaml writes it, so that `edcal move` keeps it
    # across a change of daylight-saving time; the offset stays only where that time happens twice (the
    # night the clocks go back), and for accounts on several clocks, whose one instant no time without it
    # names.
    sign, digits = (1, "0000") if offset.upper() == "Z" else (-1 if offset[0] == "-" else 1,
                                                               offset[1:].replace(":", ""))
    given = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    local = dt.datetime.fromisoformat(day_text).replace(hour=hour, minute=minute, tzinfo=given) \
        .astimezone(zone or calendar.zone)
    twice = zone is None or local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset()
    written = local.strftime("%Y-%m-%d %H:%M")
    if twice:
        local_offset = local.strftime("%z")
        written += f"{local_offset[:3]}:{local_offset[3:]}"
    return written


def _networks(cell: Cell, calendar: Calendar, errors: list[InputError]) -> list[str]:
    found: list[str] = []
    for name in (name for name in _NETWORK_SEPARATORS.split(cell.text.strip()) if name):
        network = _network_id(name, calendar)
        if network is None:
            errors.append(InputError(cell.source, *_unknown_network(name, calendar)))
        elif network not in found:
            found.append(network)
    return found


def _unknown_network(name: str, calendar: Calendar) -> tuple[Message, Message]:
    """The error and hint for a network the site does not post on: one edcal knows but calendar.yaml
    does not set up (``Facebook``) says how to set it up; a near miss (``Insta``) how to keep the word."""
    registry = builtin_registry()
    canonical = next((found for written in (name, re.sub(r"\(.*?\)", "", name))
                      for wanted in (normal_name(written), normal_name(written).replace(" ", ""))
                      if (found := registry.canonical(wanted))), None)
    if canonical is not None:
        written = None if normal_name(name) == canonical else shown(name)
        return not_set_up(canonical, calendar.networks, written)
    message = say("unknown network '{name}'", name=shown(name))
    alias = normal_name(name)
    if not re.fullmatch(r"[a-z0-9][a-z0-9 ]*", alias):
        return message, _known_hint(name, calendar.networks)
    shortened = [network for network in calendar.networks.values()
                 if normal_name(network.id).startswith(alias) or normal_name(network.name).startswith(alias)]
    if len(shortened) == 1:
        network = shortened[0]
        return message, say("did you mean {name}? To keep '{written}' in the sheet, add `aliases: [{alias}]` "
                            "to `{network}:` under `networks:` in calendar.yaml",
                            name=f"{network.name} ({network.id})", written=shown(name), alias=alias,
                            network=network.id)
    builtin = [network for network in registry.networks.values() if network.id not in calendar.networks
               and (normal_name(network.id).startswith(alias) or normal_name(network.name).startswith(alias))]
    if not shortened and len(builtin) == 1:  # `Insta` in a site without Instagram: set it up with the word
        network = builtin[0]
        return message, say("did you mean {name}? It is not set up: add `{network}: {{aliases: [{alias}]}}` "
                            "under `networks:` in calendar.yaml", name=f"{network.name} ({network.id})",
                            network=network.id, alias=alias)
    names = [*calendar.networks, *(normal_name(network.name) for network in calendar.networks.values())]
    if not calendar.networks or difflib.get_close_matches(alias, names, n=1, cutoff=0.6):
        return message, _known_hint(name, calendar.networks)
    return message, say("known: {names}; the sheet's own word for one of them is read once it is among its "
                        "`aliases:` under `networks:` in calendar.yaml (`aliases: [{alias}]`)",
                        names=", ".join(sorted(calendar.networks)), alias=alias)


def _network_id(name: str, calendar: Calendar) -> str | None:
    """A network by its id (``linkedin-qc``, or ``LinkedIn QC``: its words), an alias, or the name the site
    gives it (``Le Fil``), with or without what follows in brackets (``X (ex-Twitter)``)."""
    for written in (name, re.sub(r"\(.*?\)", "", name)):
        wanted = normal_name(written)
        found = calendar.network_id(wanted) or calendar.network_id(wanted.replace(" ", ""))
        if found:
            return found
        for network in calendar.networks.values():
            if wanted in (normal_name(network.id), normal_name(network.name)):
                return network.id
    return None


def _give_id(post: ImportedPost, taken: set[str]) -> None:
    """An id for a row without one: its title's or its text's first words, then its day if taken."""
    if "id" in post.values:
        return
    words = str(post.values.get("title") or post.values.get("text") or "")
    # As edcal new makes a slug: the transliteration spells the degree sign out ("n°3" gave ndeg3)
    base = slugify(words.replace("°", ""), max_words=6) or "post"
    day = str(post.values.get("at", ""))[:10]
    candidates = [base, f"{base}-{day}"] if day else [base]
    free = next((c for c in candidates if not _with_items(c, post) & taken), None)
    number = 2
    while free is None:
        candidate = f"{candidates[-1]}-{number}"
        free = candidate if not _with_items(candidate, post) & taken else None
        number += 1
    taken |= _with_items(free, post)
    post.values["id"] = free  # its line is the row's


#: Where the value starts on an entry's first line (``  - id: ``).
_VALUE_COLUMN = len("  - id: ") + 1
#: The order of an entry's fields in the file written.
_ORDER = ("id", "title", "networks", "at", "status", "campaign", "owner", "promotional", "text", "cw", "link",
          "article", "image", "video", "alt", "first_comment", "thread", "poll", "note")


@dataclass(frozen=True, slots=True)
class LogLine:
    """A line of the ``posted:`` log written with the posts: a post that went out, or that did not."""

    item: str
    skipped: bool
    #: The status cell that says so.
    cell: Source


def calendar_text(posts: list[ImportedPost], origin: str, lang: str | None = None,
                  logged: Iterable[LogLine] = ()) -> CalendarText:
    """The posts as a calendar.d/ file, and the cell behind each line; its comments in the site's
    language, as `edcal init` writes calendar.yaml's.

    :param logged: lines of the log of what went out, written under ``posted:`` after the posts.
    """
    from edcal.i18n import translator

    _ = translator(lang)
    comment = _("Imported from {file} by edcal import: one entry per row.")
    lines = ["# " + comment.format(file=shown(origin)), "posts:"]
    where: dict[int, Source] = {}
    entries: dict[int, Source] = {}
    for post in posts:
        entries[len(lines) + 1] = post.row
        first = True
        for name in _ORDER:
            if name not in post.values:
                continue
            value = post.values[name]
            prefix = "  - " if first else "    "
            first = False
            cell = post.cells.get(name, post.row)
            if isinstance(value, dict):  # poll: its fields below it, each line at its own cell
                where[len(lines) + 1] = cell
                lines.append(f"{prefix}{name}:")
                for key, part in value.items():
                    part_cell = post.cells.get(f"{name}.{key}", cell)
                    for number, line in enumerate(yaml_value(part, indent=8).split("\n")):
                        where[len(lines) + 1] = part_cell
                        lines.append(f"      {key}: {line}" if number == 0 else line)
                continue
            # at: as calendar.yaml writes it (2027-03-02 09:00), never quoted
            written = str(value) if name == "at" else yaml_value(value, indent=6)
            for number, line in enumerate(written.split("\n")):
                where[len(lines) + 1] = cell
                lines.append(f"{prefix}{name}: {line}" if number == 0 else line)
    log = list(logged)
    if log:
        lines += ["", "# " + _("What went out, as the sheet's status says (published; cancelled: skipped)."),
                  "posted:"]
    for record in log:
        where[len(lines) + 1] = record.cell
        item = yaml_value(record.item)
        lines.append(f"  - {{item: {item}, skipped: true}}" if record.skipped else f"  - {item}")
    return CalendarText("\n".join(lines) + "\n", where, entries)
