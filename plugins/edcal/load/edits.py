"""Dates rewritten where they are written, the way a person would edit them.

The loader remembers where every value is written (file, line, column); a
move changes only the ten characters of each day there (``2027-01-12`` in
``at: "2027-01-12 matin"  # comment``), so quotes, times, slots, comments,
layout and line ends stay as they were, and ``git diff`` shows one changed
line per date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from edcal.errors import InputError, InputErrors
from edcal.files import write_all
from edcal.i18n import say
from edcal.load.yamlfile import read_text
from edcal.model.source import Source

#: A day written at the start of a value, after an optional YAML anchor (``&jour``) and quote.
_WRITTEN_DAY = re.compile(r"""(?:&[^\s]+[ \t]+)?["']?(\d{4})-(\d{2})-(\d{2})(?!\d)""")
#: A YAML anchor or alias at the start of a value: ``&jour 2027-01-12``, ``*jour``.
_ANCHOR = re.compile(r"([&*])([^\s,\[\]{}]+)")
#: A time with a UTC offset right after that day: ``2027-03-21 10:00+01:00``, ``2027-03-21T09:00Z``.
_UTC_OFFSET = re.compile(r"""[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*
                           (Z|([+-])(\d{2}):?(\d{2}))(?![\w:])""", re.VERBOSE)
#: The line breaks YAML and the front matter readers count lines by.
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class DayEdit:
    """One day written at ``source`` (a value's first character), to become ``after``."""

    source: Source
    before: dt.date
    after: dt.date


@dataclass(frozen=True, slots=True)
class MovedDaysEdit:
    """Occurrences of a recurring post given days of their own: ``2027-01-21: 2027-01-22`` added to
    the rule's ``moved:`` mapping, or ``moved: {…}`` added to the rule when it has none."""

    #: The first character of the mapping written into (its ``{``, or its first key).
    source: Source
    #: Whether that mapping is the rule's ``moved:`` (else the rule's own mapping).
    into_moved: bool
    #: Each occurrence's day in the rule, and the day it moves to.
    days: tuple[tuple[dt.date, dt.date], ...]


@dataclass(frozen=True, slots=True)
class MovedEntryRemoval:
    """An occurrence moved back to its rule's day: its ``day: new day`` entry leaves ``moved:``."""

    #: The entry's key (the rule's day) and its value (the new day, written alone).
    source: Source
    value_source: Source


#: A day written alone as a value, then what may end it: ``2027-01-22``, ``"2027-01-22"``.
_DAY_ALONE = re.compile(r"""(["']?)\d{4}-\d{2}-\d{2}\1[ \t]*(?=[,}\r\n]|#|$)""")


class WrittenText:
    """A file's text, with where each line starts (a calendar of 10,000 posts is searched once)."""

    def __init__(self, text: str):
        self.text = text
        self._starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]

    def offset(self, source: Source) -> int:
        """The index in the text of a 1-based line and column."""
        return self._starts[min(source.line, len(self._starts)) - 1] + source.column - 1

    def source_at(self, path: str, offset: int) -> Source:
        """The 1-based line and column of an index in the text."""
        line = bisect.bisect_right(self._starts, offset)
        return Source(path, line, offset - self._starts[line - 1] + 1)

    def day_at(self, source: Source) -> tuple[int, dt.date | None]:
        """Where the day of the value at ``source`` starts, and the day (None when the value starts
        with something else: a key date's id, a date written another way)."""
        offset = self.offset(source)
        match = _WRITTEN_DAY.match(self.text, offset)
        if match is None:
            return offset, None
        try:
            return match.start(1), dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            return offset, None

    def shared(self, source: Source) -> str | None:
        """``*jour`` when the value is a YAML alias (its day is written elsewhere), ``&jour`` when it
        is an anchor that an alias repeats: a day other values share. None otherwise."""
        match = _ANCHOR.match(self.text, self.offset(source))
        if match is None:
            return None
        kind, name = match.groups()
        if kind == "*" or re.search(rf"\*{re.escape(name)}(?![^\s,\[\]{{}}])", self.text):
            return match.group(0)
        return None

    def insertion(self, edit: MovedDaysEdit) -> tuple[int, str] | None:
        """Where and what to write for ``edit``, last in the mapping and in its style: ``, key: value``
        before a flow mapping's ``}``, a line after a block mapping's last one, indented alike. None
        for a layout this cannot extend (a block mapping on a line after other text)."""
        offset = self.offset(edit.source)
        pairs = [f"{day.isoformat()}: {after.isoformat()}" for day, after in edit.days]
        if self.text.startswith("{", offset):
            found = _closing_brace(self.text, offset)
            if found is None:
                return None
            _close, end = found  # after the last value, not inside a comment before the brace
            written = ", ".join(pairs) if edit.into_moved else f"moved: {{{', '.join(pairs)}}}"
            before = self.text[offset + 1:end]
            return end, written if not before.strip() else (" " if before.endswith(",") else ", ") + written
        line_start = self.text.rfind("\n", 0, offset) + 1
        indent = self.text[line_start:offset]
        if indent.strip(" "):
            return None
        lines = pairs if edit.into_moved else [f"moved: {{{', '.join(pairs)}}}"]
        end = self._block_end(line_start, len(indent))
        newline = "\r\n" if self.text.startswith("\r\n", end) or "\r\n" in self.text else "\n"
        return end, "".join(f"{newline}{indent}{line}" for line in lines)

    def removal(self, edit: MovedEntryRemoval) -> tuple[int, int] | None:
        """The span to delete for ``edit``: ``2027-01-21: 2027-01-22`` and its comma in a flow
        mapping (``{}`` may stay), or its whole line in a block mapping. None when the value is not a
        day written alone (a time of its own would be lost) or the layout is another."""
        key, value = self.offset(edit.source), self.offset(edit.value_source)
        found = _DAY_ALONE.match(self.text, value)
        if found is None:
            return None
        end = found.end()
        before = self.text[:key].rstrip(" \t")
        if before.endswith(("{", ",")):  # a flow mapping
            after = end + len(self.text[end:]) - len(self.text[end:].lstrip(" \t"))
            if self.text.startswith(",", after):  # not the last: its comma and the spaces after it go
                rest = self.text[after + 1:]
                return key, after + 1 + len(rest) - len(rest.lstrip(" \t"))
            if before.endswith(","):  # the last of several: the comma before it goes
                return len(before) - 1, end
            return key, end
        line_start = self.text.rfind("\n", 0, key) + 1
        if self.text[line_start:key].strip(" ") or self.text.count("\n", key, value):
            return None
        line_end = self.text.find("\n", end)
        return line_start, len(self.text) if line_end < 0 else line_end + 1

    def _block_end(self, line_start: int, indent: int) -> int:
        """The end (before its line break) of the last line of a block mapping whose keys are indented
        by ``indent``: the lines after it are blank, comments, or indented less."""
        last = self.text.find("\n", line_start)
        position = last + 1 if last >= 0 else len(self.text)
        end = len(self.text) if last < 0 else last
        while position < len(self.text):
            next_break = self.text.find("\n", position)
            line_end = len(self.text) if next_break < 0 else next_break
            line = self.text[position:line_end].rstrip("\r")
            stripped = line.lstrip(" ")
            if stripped and not stripped.startswith("#"):
                if len(line) - len(stripped) < indent:  # (a `- item` at the keys' indent is a key's list)
                    break
                end = line_end
            position = line_end + 1
        return end - 1 if self.text[end - 1:end] == "\r" else end

    def offset_written(self, source: Source) -> dt.timedelta | None:
        """The UTC offset the value's time is written with (``10:00+01:00``, ``09:00Z``: zero), or None."""
        start, day = self.day_at(source)
        found = _UTC_OFFSET.match(self.text, start + 10) if day is not None else None
        if found is None:
            return None
        if found[1] == "Z":
            return dt.timedelta(0)
        offset = dt.timedelta(hours=int(found[3]), minutes=int(found[4]))
        return -offset if found[2] == "-" else offset


def _closing_brace(text: str, start: int) -> tuple[int, int] | None:
    """The index of the ``}`` closing the flow mapping opened at ``start`` (quotes and comments skipped),
    and where its last value ends (before the spaces, line breaks and comments that precede the brace)."""
    depth, index, quote, last = 0, start, "", start + 1
    while index < len(text):
        char = text[index]
        if not quote and not char.isspace() and char != "#" and not (char in "}]" and depth == 1):
            last = index + 1
        if quote:
            last = index + 1
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                if quote == "'" and text.startswith("''", index):
                    index += 1
                else:
                    quote = ""
        elif char in "'\"" and text[index - 1] in " \t{[,:":
            quote = char
        elif char == "#" and text[index - 1] in " \t":
            line_end = text.find("\n", index)
            index = len(text) if line_end < 0 else line_end
            continue
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return (index, last) if char == "}" else None
        index += 1
    return None


#: The hint of an edit that no longer fits its file.
_CHANGED = say("the file changed while it was read: run the command again")


@dataclass(frozen=True, slots=True)
class Change:
    """A span of a file's text an edit replaces: ``length`` characters from ``start`` become ``words``."""

    start: int
    length: int
    words: str


def edited_text(text: str, edits: Iterable[DayEdit | MovedDaysEdit | MovedEntryRemoval]) -> str:
    """``text`` with each edit's day rewritten, and each moved occurrence added.

    :raises InputErrors: when a day is no longer written where the edit says (the file changed).
    """
    return applied(text, changes_of(text, edits))


def applied(text: str, changes: Iterable[Change]) -> str:
    """``text`` with the changes made (as :func:`changes_of` gives them, in the order of the text)."""
    for change in reversed(list(changes)):  # from the end: offsets stay true
        text = text[:change.start] + change.words + text[change.start + change.length:]
    return text


def changes_of(text: str, edits: Iterable[DayEdit | MovedDaysEdit | MovedEntryRemoval]) -> list[Change]:
    """The spans of ``text`` the edits replace, in the order of the text (see :func:`edited_text`).

    :raises InputErrors: when a day is no longer written where the edit says (the file changed).
    """
    written = WrittenText(text)
    spans = []
    added = []
    removed = []
    for edit in edits:
        if isinstance(edit, MovedEntryRemoval):
            span = written.removal(edit)
            if span is None:
                raise InputErrors([InputError(edit.value_source, say("expected a day written alone here"),
                                              _CHANGED)])
            removed.append(span)
            continue
        if isinstance(edit, MovedDaysEdit):
            insertion = written.insertion(edit)
            if insertion is None:
                raise InputErrors([InputError(edit.source,
                                              say("expected a mapping here, on a line of its own or in "
                                                  "{{ }}"),
                                              _CHANGED)])
            added.append(insertion)
            continue
        start, day = written.day_at(edit.source)
        if day != edit.before:
            message = say("expected {day} here, found {found}", day=edit.before.isoformat(),
                          found=day.isoformat()) if day \
                else say("expected {day} here, found no date", day=edit.before.isoformat())
            raise InputErrors([InputError(edit.source, message, _CHANGED)])
        spans.append((start, edit.after.isoformat()))
    changes = [Change(start, len(day), day) for start, day in set(spans)]
    changes += [Change(at, 0, words) for at, words in added]
    changes += [Change(start, end - start, "") for start, end in removed]
    return sorted(changes, key=lambda change: (change.start, change.length, change.words))


def where_before(source: Source, before: str, after: str,
                 changes: Iterable[Change]) -> tuple[Source, Change | None]:
    """Where a place of the edited text ``after`` (an error of the site read as edited) is in the text as it
    was, ``before``; and the change it falls in when that change adds lines or words (a day added under
    ``moved:``: the place is where they would go), else None (a day rewritten keeps its place)."""
    offset, shift = WrittenText(after).offset(source), 0
    for change in changes:  # in the order of the text
        start = change.start + shift  # in the edited text
        if offset < start:
            break
        if offset < start + len(change.words):
            if len(change.words) == change.length:
                return WrittenText(before).source_at(source.path, change.start + offset - start), None
            return WrittenText(before).source_at(source.path, change.start), change
        shift += len(change.words) - change.length
    return WrittenText(before).source_at(source.path, offset - shift), None


def where_after(source: Source, before: str, after: str, changes: Iterable[Change]) -> Source:
    """Where a place of the text as it was, ``before``, is in the edited text ``after`` (below a line the
    edits add, one line further down); the converse of :func:`where_before`."""
    offset, shift = WrittenText(before).offset(source), 0
    for change in changes:  # in the order of the text
        if offset < change.start:
            break
        if offset < change.start + change.length:  # in a day rewritten: the same place in the new one
            inside = offset - change.start if len(change.words) == change.length else 0
            return WrittenText(after).source_at(source.path, change.start + shift + inside)
        shift += len(change.words) - change.length
    return WrittenText(after).source_at(source.path, offset + shift)


def edited_files(site: Path, edits: Iterable[DayEdit | MovedDaysEdit | MovedEntryRemoval]
                 ) -> tuple[dict[Path, str], dict[Path, str], dict[str, list[Change]]]:
    """Each file the edits touch, as its new text, as the text they were made on, and (by the path the
    edits name it by) as the changes from one to the other (nothing is written)."""
    by_file: dict[str, list[DayEdit | MovedDaysEdit | MovedEntryRemoval]] = {}
    for edit in edits:
        by_file.setdefault(edit.source.path, []).append(edit)
    read = {path: read_text(site / path, path) for path in sorted(by_file)}
    changes = {path: changes_of(text, by_file[path]) for path, text in read.items()}
    return ({site / path: applied(text, changes[path]) for path, text in read.items()},
            {site / path: text for path, text in read.items()}, changes)


def write_texts(texts: Mapping[Path, str], read: Mapping[Path, str] | None = None) -> Path | None:
    """Replace each file by its new text, keeping its mode and its byte order mark if it had one.

    The files are written all or none (:func:`edcal.files.write_all`): a full disk, a read-only file,
    Ctrl-C or SIGTERM leaves every file as it was; a link is followed (the file it names is replaced).

    :param read: the text each file held when the new one was made from it: a file saved since (in an
        editor, while the move was checked) is not written over.
    :returns: such a file (then nothing is written), or None.
    """
    files = []
    for path, text in texts.items():
        try:
            with open(path, "rb") as handle:
                now = handle.read()
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        if read is not None and now.decode("utf-8-sig", errors="replace") != read[path]:
            return path
        files.append((path, (_BOM if now.startswith(_BOM) else b"") + text.encode("utf-8")))
    write_all(files, replace_only=True)
    return None
