"""Dates rewritten where they are written, the way a person would edit them.

The loader remembers where every value is written (file, line, column); a
move changes only the ten characters of each day there (``2027-01-12`` in
``at: "2027-01-12 matin"  # comment``), so quotes, times, slots, comments,
layout and line ends stay as they were, and ``git diff`` shows one changed
line per date.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from edcal.errors import InputError, InputErrors
from edcal.load.yamlfile import read_text
from edcal.model.source import Source

#: A day written at the start of a value, after an optional quote.
_WRITTEN_DAY = re.compile(r"""["']?(\d{4})-(\d{2})-(\d{2})(?!\d)""")
#: The line breaks YAML and the front matter readers count lines by.
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class DayEdit:
    """One day written at ``source`` (a value's first character), to become ``after``."""

    source: Source
    before: dt.date
    after: dt.date


def written_day(text: str, source: Source) -> tuple[int, dt.date | None]:
    """Where, in ``text``, the value at ``source`` starts, and the day it starts with (None when it
    starts with something else: a key date's id, a date written another way)."""
    offset = _offset(text, source)
    match = _WRITTEN_DAY.match(text, offset)
    if match is None:
        return offset, None
    try:
        return match.start(1), dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return offset, None


def edited_text(text: str, edits: Iterable[DayEdit]) -> str:
    """``text`` with each edit's day rewritten.

    :raises InputErrors: when a day is no longer written where the edit says (the file changed).
    """
    spans = []
    for edit in edits:
        start, day = written_day(text, edit.source)
        if day != edit.before:
            raise InputErrors([InputError(edit.source, f"expected {edit.before.isoformat()} here, found "
                                          f"{day.isoformat() if day else 'no date'}",
                                          "the file changed while it was read: run the command again")])
        spans.append((start, edit.after.isoformat()))
    for start, day in sorted(spans, reverse=True):
        text = text[:start] + day + text[start + len(day):]
    return text


def edited_files(site: Path, edits: Iterable[DayEdit]) -> dict[Path, str]:
    """Each file the edits touch, as its new text (nothing is written)."""
    by_file: dict[str, list[DayEdit]] = {}
    for edit in edits:
        by_file.setdefault(edit.source.path, []).append(edit)
    return {site / path: edited_text(read_text(site / path, path), found)
            for path, found in sorted(by_file.items())}


def write_texts(texts: Mapping[Path, str]) -> None:
    """Replace each file by its new text, atomically (a file is whole, old or new), keeping its mode
    and its byte order mark if it had one."""
    for path, text in texts.items():
        with open(path, "rb") as handle:
            bom = _BOM if handle.read(3) == _BOM else b""
        mode = path.stat().st_mode
        handle_number, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle_number, "wb") as handle:
                handle.write(bom + text.encode("utf-8"))
            os.chmod(temporary, mode & 0o7777)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise


def _offset(text: str, source: Source) -> int:
    """The index in ``text`` of a 1-based line and column."""
    line, start = 1, 0
    if source.line > 1:
        for match in _LINE_BREAK.finditer(text):
            line += 1
            start = match.end()
            if line == source.line:
                break
    return start + source.column - 1
