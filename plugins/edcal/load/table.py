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
from dataclasses import dataclass
from pathlib import Path

from edcal.errors import InputError, InputErrors
from edcal.load.yamlfile import MAX_FILE_BYTES
from edcal.model.source import Source

#: The separators a CSV export uses, in the order a tie is settled.
DELIMITERS = (",", ";", "\t")
#: How the separators are named in options and messages.
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell's text and where it starts."""

    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV file's records, blank ones left out (a spreadsheet's empty rows hold no value)."""

    path: str
    delimiter: str
    records: tuple[tuple[Cell, ...], ...]


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
    :param delimiter: the separator (default: the one the first line uses most, outside quotes).
    :raises InputErrors: a file too large, bytes not in its encoding, a quote never closed.
    """
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputErrors([InputError(Source(shown, 1, 1), f"file is {size:,} bytes, more than the "
                                          f"{MAX_FILE_BYTES:,} bytes allowed",
                                          "split it into several files")])
        data = file.read_bytes()
    except OSError as exc:
        raise InputErrors([InputError(Source(shown, 1, 1), f"cannot read the file: {exc.strerror}",
                                      "check its name and that you may read it")]) from None
    text = _decoded(data, shown, encoding)
    delimiter = delimiter or _sniffed(text)
    return Table(shown, delimiter, tuple(split_records(text, shown, delimiter)))


def _decoded(data: bytes, shown: str, encoding: str | None) -> str:
    name = encoding or "utf-8-sig"
    try:
        codecs.lookup(name)
    except LookupError:
        raise InputErrors([InputError(Source("--encoding", 1, 1), f"unknown encoding '{encoding}'",
                                      "e.g. utf-8, cp1252 (Excel on Windows), latin-1, mac-roman")]) from None
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        hint = ("save it as \"CSV UTF-8\" in the spreadsheet, or give its encoding: --encoding cp1252 for "
                "Excel's \"CSV (séparateur: point-virgule)\" on Windows" if encoding is None
                else "give the file's own encoding with --encoding (utf-8, cp1252, mac-roman…)")
        raise InputErrors([InputError(Source(shown, line, column),
                                      f"byte 0x{data[exc.start]:02x} is not valid {name.replace('-sig', '')}",
                                      hint)]) from None
    return text.removeprefix("\ufeff")


def _sniffed(text: str) -> str:
    """The separator the first record uses most outside quotes (a comma when it uses none)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    return max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))


def split_records(text: str, shown: str, delimiter: str) -> list[tuple[Cell, ...]]:
    """The records of a CSV text, as RFC 4180 (and :mod:`csv`'s default dialect) split them.

    A quoted cell may hold separators, line breaks and doubled quotes; a quote inside an unquoted
    cell is kept as written; text after a closing quote is kept, as :mod:`csv` keeps it.
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
    if quoted:
        assert opened is not None
        raise InputErrors([InputError(opened, "found a quote that is never closed: the rest of the file "
                                      "would be one cell", 'close it, or write a quote inside a cell as ""')])
    if cells or value:
        cells.append(Cell("".join(value), start))
        if any(cell.text.strip() for cell in cells):
            records.append(tuple(cells))
    return records
