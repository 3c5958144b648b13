"""A spreadsheet's CSV export, read into cells that know their line and column.

Spreadsheets save CSV in several ways: commas or semicolons (Excel with a
French locale), a byte order mark, CRLF line ends, line breaks inside quoted
cells, Windows-1252 from an old Excel. The cells are split as RFC 4180 and
Python's :mod:`csv` split them (tests/test_import.py compares the two on
generated files); this reader also remembers where each cell starts, so that
an error in row 12 names ``posts.csv:13:24``, the place a text editor opens.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from edcal.errors import InputError, InputErrors
from edcal.files import os_reason
from edcal.i18n import say
from edcal.load.yamlfile import MAX_FILE_BYTES, undecodable_at
from edcal.model.source import Source

#: The separators a CSV export uses, in the order a tie is settled.
DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell's text and where it starts."""

    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV file's records, blank ones left out (a spreadsheet's empty rows hold no value)."""

    path: str
    records: tuple[tuple[Cell, ...], ...]


def _character(char: str) -> str:
    """A character in a message, as a person names it: ``'x'``, "a space", "a tab", "a no-break space"
    (``{after!r}`` wrote ``'\xa0'`` and ``'\t'``)."""
    from edcal.hints import INVISIBLE

    named = {" ": say("a space"), "\t": say("a tab"), **INVISIBLE}
    if char in named:
        return named[char]
    return f"'{char}'" if char.isprintable() else f"U+{ord(char):04X}"


def column_letter(index: int) -> str:
    """A spreadsheet's name for the 0-based column ``index``: A, B, … Z, AA, AB…"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_table(file: Path, shown: str, encoding: str | None = None, delimiter: str | None = None) -> Table:
    """Read a CSV file.

    :param shown: the file's name as messages show it.
    :param encoding: the file's encoding (default UTF-8, with or without a byte order mark).
    :param delimiter: the separator (default: Excel's ``sep=`` line, else the one that splits the first
        lines with a value into the most cells).
    :raises InputErrors: a file too large, bytes not in its encoding, a quote never closed.
    """
    try:
        with open(file, "rb") as handle:  # a pipe or a device says 0 bytes: read no more than allowed
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputErrors([InputError(Source(shown, 1, 1),
                                      say("cannot read the file: {reason}", reason=os_reason(exc)),
                                      say("check its name and that you may read it"))]) from None
    if len(data) > MAX_FILE_BYTES:
        raise InputErrors([InputError(Source(shown, 1, 1),
                                      say("file is more than the {limit:,} bytes allowed",
                                          limit=MAX_FILE_BYTES),
                                      say("split it into several files"))])
    text = _decoded(data, shown, encoding)
    directive = _SEPARATOR_LINE.match(text)
    if directive:  # Excel's "sep=;" first line says the separator, and is no record
        delimiter = delimiter or directive.group(1)
        text = text[directive.end() - len(directive.group(2)):]
    delimiter = delimiter or _sniffed(text, shown)
    return Table(shown, tuple(split_records(text, shown, delimiter)))


#: Excel's first line naming the separator, ``sep=;`` (its line break is kept: lines keep their numbers).
_SEPARATOR_LINE = re.compile(r"^sep=([,;\t|])[ \t]*(\r\n|\n|\r)")
#: The byte order marks that say a file's encoding whatever --encoding says.
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: Names people know an encoding by that Python does not (Notepad's "ANSI" is Windows-1252).
_ENCODING_ALIASES = {"ansi": "cp1252", "windows": "cp1252", "excel": "cp1252"}


def _decoded(data: bytes, shown: str, encoding: str | None) -> str:
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise InputErrors([InputError(Source(shown, 1, 1),
                                      say("this is a workbook (.xlsx, .ods or .xls), not a CSV file"),
                                      say("save the sheet as CSV: File, Save as, \"CSV UTF-8\""))])
    marked = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    name = _ENCODING_ALIASES.get((encoding or "").lower(), encoding) or marked or "utf-8-sig"
    try:
        info = codecs.lookup(name)
        if not info._is_text_encoding:  # type: ignore[attr-defined]  # rot13, base64: no text
            raise LookupError(name)
        given = info.name
    except LookupError:
        raise InputErrors([InputError(Source("--encoding", 1, 1),
                                      say("unknown encoding '{encoding}'", encoding=encoding),
                                      say("e.g. utf-8, cp1252 (Excel on Windows), latin-1, mac-roman"))]
                          ) from None
    if marked and given != codecs.lookup(marked).name and not (marked == "utf-8-sig" and given == "utf-8"):
        raise InputErrors([InputError(Source("--encoding", 1, 1),
                                      say("the file starts with the byte order mark of {bom}: it is not "
                                          "{encoding}",
                                          bom=marked.replace("-sig", "").upper(), encoding=encoding),
                                      say("leave --encoding out"))])
    if encoding and not marked and given not in ("utf-8", "utf-8-sig") and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:  # bytes that read as UTF-8 are UTF-8: read otherwise, "é" would become "Ã©"
            raise InputErrors([InputError(Source("--encoding", 1, 1),
                                          say("the file is UTF-8, not {encoding}", encoding=encoding),
                                          say("leave --encoding out"))])
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        bad = say("byte 0x{byte:02x} is not valid {encoding}", byte=exc.object[exc.start],
                  encoding=name.replace("-sig", ""))
        if encoding is None and b"\r" in data and b"\n" not in data:  # Excel for Mac's "CSV (Macintosh)"
            raise InputErrors([InputError(undecodable_at(exc, name, shown), bad, say("give its encoding: "
                                          "--encoding mac-roman for Excel for Mac's \"CSV (Macintosh)\", or "
                                          "save it as \"CSV UTF-8\""))]) from None
        hint = (say("save it as \"CSV UTF-8\" in the spreadsheet, or give its encoding: --encoding "
                    "cp1252 for Excel's \"CSV (séparateur: point-virgule)\" on Windows") if encoding is None
                else say("give the file's own encoding with --encoding (utf-8, cp1252, mac-roman…)"))
        raise InputErrors([InputError(undecodable_at(exc, name, shown), bad, hint)]) from None
    if given not in ("utf-8", "utf-8-sig") and (mixed := _UTF8_READ_AS_ANOTHER.search(text)):
        lines = re.split(r"\r\n|\r|\n", text[:mixed.start()])
        where = Source(shown, len(lines), len(lines[-1]) + 1)
        raise InputErrors([InputError(where, say("found '{found}', UTF-8 read as {encoding}: the file "
                                          "mixes encodings", found=mixed.group(), encoding=encoding),
                                      say("save the whole sheet again, as \"CSV UTF-8\""))])
    return text.removeprefix("\ufeff")


#: UTF-8's accents read one byte at a time (é as Ã©, ’ as â€™): a file with UTF-8 rows among others.
_UTF8_READ_AS_ANOTHER = re.compile("[ÃÂ][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178"
                                   "\u017d\u017e\u0192\u02c6\u02dc\u20ac\u2122]|â€")


def _sniffed(text: str, shown: str) -> str:
    """The separator that splits the most of the first ten lines with a value into one same number of
    cells, two at least (a spreadsheet writes every row as wide as the sheet), then the one that splits
    them into the most cells (a comma when none does), split as the whole file will be."""
    start = text[:65536]

    def cells(delimiter: str) -> tuple[int, int, int]:  # over ten records: a title line may hold commas
        records = split_records(start, shown, delimiter, limit=10, lenient=True)
        # Rows as wide as each other first: Excel's French ";" file whose texts hold more commas than
        # its rows hold semicolons was split on the commas, and its header was one cell.
        widths = [len(record) for record in records if len(record) > 1]
        even = max((widths.count(width) for width in widths), default=0)
        # Then the first line's: a quote left open on line 2 ends the records there, and the comma,
        # splitting nothing, tied with the semicolon that split the header (the error blamed the header).
        return even, sum(len(record) for record in records), len(records[0]) if records else 0

    return max(DELIMITERS, key=lambda d: (*cells(d), -DELIMITERS.index(d)))


def split_records(text: str, shown: str, delimiter: str, limit: int | None = None,
                  lenient: bool = False) -> list[tuple[Cell, ...]]:
    """The records of a CSV text, as RFC 4180 (and :mod:`csv`'s default dialect) split them.

    A quoted cell may hold separators, line breaks and doubled quotes; a quote inside an unquoted
    cell is kept as written. Text after a closing quote is an error (:mod:`csv` would keep it, and
    ``"Il a dit "bonjour" hier"`` would lose two quotes without a word).

    :param limit: stop after this many records (blank ones are not counted).
    :param lenient: keep what follows a closing quote, and stop at a quote never closed (to guess the
        separator: the errors are told when the file is split with the one chosen).
    """
    records: list[tuple[Cell, ...]] = []
    cells: list[Cell] = []
    value: list[str] = []
    line, column = 1, 1
    start = Source(shown, 1, 1)
    quoted = False  # inside a quoted cell
    opened: Source | None = None  # where that quote was opened
    at_start = True  # nothing of the current cell read yet
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if quoted:
            if char == '"':
                if index + 1 < length and text[index + 1] == '"':
                    value.append('"')
                    index += 2
                    column += 2
                    continue
                quoted = False
                after = text[index + 1:index + 2]
                if after and after not in (delimiter, "\r", "\n") and not lenient:
                    raise InputErrors([InputError(
                        Source(shown, line, column + 1),
                        say("found {after} after the quote that closes a quoted cell",
                            after=_character(after)),
                        say('inside a quoted cell, write each quote twice: ""bonjour""'))])
            else:
                value.append(char)
                if char == "\n" or (char == "\r" and text[index + 1:index + 2] != "\n"):
                    line, column = line + 1, 0
        elif char == delimiter:
            cells.append(Cell("".join(value), start))
            value, at_start = [], True
            start = Source(shown, line, column + 1)
        elif char in "\r\n":
            if char == "\r" and text[index + 1:index + 2] == "\n":
                index += 1
            cells.append(Cell("".join(value), start))
            if any(cell.text.strip() for cell in cells):
                records.append(tuple(cells))
                if limit is not None and len(records) >= limit:
                    return records
            cells, value, at_start = [], [], True
            line, column = line + 1, 0
            start = Source(shown, line, 1)
        elif char == '"' and at_start:
            quoted, at_start = True, False
            opened = Source(shown, line, column)
        else:
            value.append(char)
            at_start = False
        index += 1
        column += 1
    if quoted and lenient:
        return records
    if quoted:
        assert opened is not None
        raise InputErrors([InputError(opened, say("found a quote that is never closed: the rest of the file "
                                                  "would be one cell"),
                                      say('close it, or write a quote inside a cell as ""'))])
    if cells or value:
        cells.append(Cell("".join(value), start))
        if any(cell.text.strip() for cell in cells):
            records.append(tuple(cells))
    return records
