"""YAML for people editing by hand: located, strict, safe and fast.

PyYAML's C composer builds the node tree (each node knows its line and
column); we construct plain Python values from it ourselves because:

- every scalar stays the text the user typed (``12:30`` is not the integer
  750, ``no`` is not ``False``, ``2027-01-12`` is not a date yet): the schema
  decides what a field means, so YAML 1.1 surprises cannot happen;
- duplicate keys are errors, not a silent "last one wins";
- only the core schema's tags are accepted: nothing constructs objects;
- aliases are shared, and their expanded size is bounded (no alias bombs).

Every mapping gets a ``__loc__`` entry (a :class:`Loc`) so that validation
can report errors at the exact key or value.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from edcal.errors import ErrorCollector, InputError, InputErrors
from edcal.files import os_reason
from edcal.hints import INVISIBLE, TYPOGRAPHIC_QUOTES
from edcal.i18n import Message, say, say_count
from edcal.model.source import Source

try:  # libyaml is an order of magnitude faster on large calendars
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - wheels ship libyaml on common platforms
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

LOC_KEY = "__loc__"

#: Larger files are refused before parsing: a calendar this size is a mistake.
MAX_FILE_BYTES = 16 * 1024 * 1024
#: Values a document may expand to through aliases (10,000 posts use ~200,000).
MAX_EXPANDED_VALUES = 2_000_000
MAX_DEPTH = 40

_CORE_TAG = "tag:yaml.org,2002:"
_NULL_TAG = f"{_CORE_TAG}null"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
#: Explicit tags a document may carry (short or long form); "!" is the non-specific tag.
_ALLOWED_TAGS = {"!", *(f"{_CORE_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp",
                                                    "seq", "map"))}


Position = tuple[int, int]


@dataclass(frozen=True, slots=True)
class FieldLoc:
    """Where one key of a mapping and its value are written (1-based line, column)."""

    path: str
    key_at: Position
    value_at: Position
    #: For a sequence value: where each element is written.
    items_at: tuple[Position, ...] = ()

    @property
    def key(self) -> Source:
        return Source(self.path, *self.key_at)

    @property
    def value(self) -> Source:
        return Source(self.path, *self.value_at)

    @property
    def items(self) -> tuple[Source, ...]:
        return tuple(Source(self.path, *at) for at in self.items_at)


@dataclass(frozen=True, slots=True)
class Loc:
    """Where a mapping is written, and each of its keys."""

    source: Source
    fields: dict[str, FieldLoc] = field(default_factory=dict)

    def key(self, name: str) -> Source:
        found = self.fields.get(name)
        return found.key if found else self.source

    def value(self, name: str) -> Source:
        found = self.fields.get(name)
        return found.value if found else self.source

    def item(self, name: str, index: int) -> Source:
        found = self.fields.get(name)
        if found and index < len(found.items_at):
            return Source(found.path, *found.items_at[index])
        return self.value(name)


class LocatedFields(Mapping[str, Source]):
    """Where each field of a mapping is written, computed only when asked (most never are)."""

    __slots__ = ("_loc",)

    def __init__(self, loc: Loc):
        self._loc = loc

    def __getitem__(self, name: str) -> Source:
        if name not in self._loc.fields:
            raise KeyError(name)
        return self._loc.value(name)

    # Mapping's own ``in`` and ``get`` ask ``self[name]``: a Source made to be dropped, or a KeyError raised
    # and caught, for each of some 25,000 questions the checks ask of 10,000 posts' entries.
    def __contains__(self, name: object) -> bool:
        return name in self._loc.fields

    def get(self, name: str, default: Any = None) -> Any:
        found = self._loc.fields.get(name)
        return found.value if found is not None else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._loc.fields)

    def __len__(self) -> int:
        return len(self._loc.fields)


def _source(path: str, mark: Any) -> Source:
    return Source(path, mark.line + 1, mark.column + 1)


#: Site files read as if they held this text, by real path (see :func:`reading_edited`), and the
#: ones read so since.
_EDITED: dict[str, str] = {}
_EDITED_READ: set[str] = set()


@contextlib.contextmanager
def reading_edited(texts: Mapping[Path, str]) -> Iterator[set[str]]:
    """Read these files (calendar files, articles) as holding these texts, without writing them:
    ``edcal move`` reads the site as its edits would leave it before it writes anything. The set
    given fills with the real paths of the edited files actually read."""
    edited = {os.path.realpath(path): text for path, text in texts.items()}
    _EDITED.update(edited)
    _EDITED_READ.clear()
    try:
        yield _EDITED_READ
    finally:
        for path in edited:
            _EDITED.pop(path, None)


def edited_in(folder: Path) -> list[Path]:
    """Files of ``folder`` read as holding edited texts, also those not written yet (``edcal import``
    reads the site with its new calendar.d/ file before writing it)."""
    real = os.path.realpath(folder)
    return [Path(path) for path in _EDITED if os.path.dirname(path) == real]


def read_text(file: Path, path: str) -> str:
    """A site file's UTF-8 text; its size is judged before it is read (a 3 GB file took 26 s and 3 GB of
    memory to be refused).

    :param path: the file's path as messages show it.
    """
    if _EDITED and (edited := _EDITED.get(real := os.path.realpath(file))) is not None:
        _EDITED_READ.add(real)
        return edited
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_large(size, path)
        with open(file, "rb") as handle:
            # read(n) allocates n bytes first: asking for the limit cost a 16 MB buffer per article
            data = handle.read(size + 1)
            if len(data) > size:  # the file grew since: read on, up to just over the limit
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    except OSError as exc:  # permissions, a folder, a file removed while the site is read
        raise unreadable(path, exc) from None
    return decode(data, path)


def unreadable(path: str, exc: OSError) -> InputErrors:
    """A file the system will not let edcal read, as a located error."""
    hint = (say("give it read permission (chmod a+r), or run edcal as a user who may read it")
            if isinstance(exc, PermissionError) else say("check that it is a readable file"))
    message = say("cannot read {path}: {reason}", path=path, reason=os_reason(exc))
    return InputErrors([InputError(Source(path, 1, 1), message, hint)])


def _too_large(size: int, path: str) -> InputErrors:
    hint = (say("split it into calendar.d/*.yaml files") if path.endswith((".yaml", ".yml"))
            else say("split it into several articles (a file of data or images belongs in a static folder)"))
    message = say("file is {size:,} bytes, more than the {limit:,} bytes allowed", size=size,
                  limit=MAX_FILE_BYTES)
    return InputErrors([InputError(Source(path, 1, 1), message, hint)])


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is tolerated), or a located error on the first bad byte."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(len(data), path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode": no Windows-1252 hint
        raise InputErrors([InputError(
            Source(path, 1, 1),
            say("found a file saved as UTF-16 (Notepad's \"Unicode\"); expected UTF-8 text"),
            say("save it as UTF-8 in your editor (Notepad: Save as, Encoding: UTF-8; VS Code: click the "
                "encoding in the status bar, then \"Save with Encoding\")"))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputErrors(
            [
                InputError(
                    undecodable_at(exc, "utf-8-sig", path),
                    say("byte 0x{byte:02x} is not valid UTF-8; expected UTF-8 text",
                        byte=exc.object[exc.start]),
                    _encoding_hint(data, exc.object[exc.start]),
                )
            ]
        ) from None


def _encoding_hint(data: bytes, byte: int) -> Message:
    """What the writer's editor did: saved the whole file as Windows-1252 (Notepad's "ANSI", Word's
    "Western European"), or took a paste in that encoding into UTF-8 (reopened so, the rest would garble)."""
    try:
        letter = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return say("save the file as UTF-8 in your editor")
    # A no-break space (0xa0) or a soft hyphen (0xad) shows as nothing between quotes: named instead.
    shown: Message | str = INVISIBLE.get(letter) or f"'{letter}'"
    if any(c > "\x7f" and c != "\ufffd" for c in data.decode("utf-8", errors="replace")):
        return say("it reads {letter} in Windows-1252: text pasted from another encoding into a "
                   "UTF-8 file; retype that character", letter=shown)
    return say("it reads {letter} in Windows-1252 (Notepad's \"ANSI\"): the file was saved in that "
               "encoding; reopen it as Windows 1252 and save it as UTF-8 (VS Code: click the encoding in the "
               "status bar, then \"Reopen with Encoding\", then \"Save with Encoding\")", letter=shown)


def undecodable_at(exc: UnicodeDecodeError, encoding: str, path: str) -> Source:
    """Where the byte a decoder refused is, in lines and characters as an editor counts them (a byte
    order mark before it, CR line ends and accented letters in the line included)."""
    before = exc.object[: exc.start].decode(encoding, errors="replace").removeprefix("\ufeff")
    lines = re.split(r"\r\n|\r|\n", before)
    return Source(path, len(lines), len(lines[-1]) + 1)


def load_yaml(text: str, path: str) -> Any:
    """Parse one YAML document into plain values located by ``__loc__`` entries.

    :param text: the document.
    :param path: the file's path relative to the site root, for messages.
    :raises InputErrors: on a syntax error or a construct we refuse.
    """
    nel = text.find("\x85")
    if nel >= 0:  # YAML reads it as a line break: in a text it became a space, in a key a broken line
        before = text[:nel]
        raise InputErrors([InputError(
            Source(path, before.count("\n") + 1, nel - (before.rfind("\n") + 1) + 1),
            say("found the control character U+{code:04X}, which YAML reads as a line break", code=0x85),
            say("remove it: it is often a '…' saved in Windows-1252 and read as Latin-1; retype that "
                "character"))])
    composer = _Composer(path, text)
    try:
        value = composer.compose(_events(text))
    except yaml.MarkedYAMLError as exc:
        raise InputErrors([_syntax_error(exc, text, path)]) from None
    except yaml.reader.ReaderError as exc:  # a control character: Word's line break (U+000B), an escape
        # libyaml counts bytes of UTF-8, not characters
        before = text.encode("utf-8")[:exc.position].decode("utf-8", errors="ignore")
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise InputErrors([InputError(
            Source(path, line, column),
            say("found the control character U+{code:04X}, which YAML does not take", code=code),
            say("remove it, or retype the line (a line break pasted from a word processor is one: write \\n "
                "in quotes, or use a `|` block)"))]) from None
    except yaml.YAMLError as exc:
        message = say("invalid YAML: {problem}", problem=str(exc))
        raise InputErrors([InputError(Source(path, 1, 1), message)]) from None
    composer.errors.raise_if_any()
    return value


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> InputError:
    """A YAML syntax error in the words of the writer's mistake (a colon in a title, a tab, a quote never
    closed…), at the line of the mistake rather than where the parser noticed it; the parser's own words
    only when no known mistake fits."""
    problem = exc.problem or "invalid YAML"
    # An unclosed quote or bracket is best shown where it was opened.
    opened = exc.context_mark is not None and "end of stream" in problem
    mark = exc.context_mark if opened else (exc.problem_mark or exc.context_mark)
    source = _source(path, mark) if mark else Source(path, 1, 1)
    message: Message | None = None
    told = False  # a mistake named at its own line: the rules below it have nothing to add
    hint = _syntax_hint(problem, _line(text, source.line))
    if hint is not None and hint.template in _TAB_HINTS:
        message = say("found a tab in this line's indentation; expected spaces")
    elif "mapping values are not allowed" in problem and hint is not None and hint != _INDENTATION:
        key, _colon, value = _line(text, source.line).strip().removeprefix("- ").partition(":")
        run_into = _glued_field(value.strip())
        if run_into is not None:
            message = say("found the field '{field}' on the line of '{key}'; expected each field on a line "
                          "of its own", field=run_into, key=key)
        else:
            message = say("found ': ' inside the value of '{key}', which YAML reads as a second key; "
                          "expected the value between straight quotes", key=key)
    elif hint is not None and "cannot start any token" in problem:
        value = _line(text, source.line)[source.column - 1:]
        message = say("found '{char}' at the start of a value, a character YAML keeps for itself; expected "
                      "the value between quotes", char=value[:1])
    elif "unknown escape" in problem:  # `"C:\Dossier"`: a backslash in double quotes starts an escape
        written = _line(text, source.line)
        if written[source.column - 1:source.column] != "\\":  # PyYAML marks the letter after the backslash
            source = Source(path, source.line, max(source.column - 1, 1))
        escape = written[source.column - 1:source.column + 1]
        message = say("found '{escape}' in a value between double quotes, where a backslash starts a code "
                      "such as \\n; expected a known code", escape=escape)
        hint = say("write the backslash twice (\\\\), or put the value between single quotes")
    elif "block scalar" in (exc.context or "") and "comment or" in problem:  # `text: | Bonjour`
        block = _KEY_LINE.match(_line(text, source.line))
        name = block.group("key") if block is not None else "text"
        message = say("found text after '|' or '>' on its line; expected the text on the lines below it")
        hint = say("put the text on the next lines, indented further than '{key}:'", key=name)
    looked_at = [source.line, source.line - 1]  # the parser often stops on the line after
    if hint == _INDENTATION or (hint is None and problem in _INDENTATION_PROBLEMS):
        hint, culprit = _indentation_hint(text, source.line)
        if culprit:  # the parser stopped on the line after the one pushed to the margin
            source = Source(path, culprit, 1)
        if hint != _INDENTATION:
            message = say("found a line indented out of line with the lines around it; expected the lines of "
                          "one level one under the other")
        looked_at = [source.line, *_written_lines_above(text, source.line)]
    for number in looked_at:
        # An indentation or `at:<no-break space>2027-01-12` that YAML does not take as spaces
        # (quoted text, where such a space is fine, is blanked out: columns stay where they are).
        syntax = _QUOTED.sub(lambda quoted: " " * len(quoted.group()), _line(text, number))
        odd = _structural_invisible(syntax)
        if odd is not None:
            char = syntax[odd]
            source = Source(path, number, odd + 1)
            message = say("found {char} (U+{code:04X}) where YAML reads the file's structure; expected a "
                          "plain space", char=INVISIBLE[char], code=ord(char))
            hint = say("this line has {char} (U+{code:04X}) at column {column}, which YAML does not take "
                       "as a space: retype it as a plain space", char=INVISIBLE[char], code=ord(char),
                       column=odd + 1)
            told = True
            break
    if opened:
        hint = say("this quote or bracket is never closed")
        if exc.context and "quoted scalar" in exc.context:
            quote = _line(text, source.line)[source.column - 1:source.column] or '"'
            message = say("found a quote {quote} that is never closed; expected a closing {quote} at the end "
                          "of the value", quote=quote)
            hint = say("close the quote on the same line, or use `|` for text on several lines")
        told = True
    for number in (source.line - 1, source.line):  # `text:Bonjour`, a value glued to its key
        glued = _GLUED_KEY.match(_line(text, number))
        if glued is not None and number >= 1:
            wide = glued.group("wide") is not None
            source = Source(path, number, glued.end("wide" if wide else "colon"))
            if wide:
                message = say("found a full-width colon '：' after '{key}'; expected ':'",
                              key=glued.group("key"))
                hint = say("this '：' is a full-width colon: type a plain ':' ({key}: {value})",
                           key=glued.group("key"), value=glued.group("text").strip())
            else:
                message = say("found '{key}:' glued to its value; expected a space after the colon",
                              key=glued.group("key"))
                hint = say("write a space after '{key}:' ({key}: {value})", key=glued.group("key"),
                           value=_cut(glued.group("value").strip()))
            told = True
            break
    flow = exc.context_mark if exc.context and "flow" in exc.context else None
    if flow is not None:
        _raise_if_flow_hashtag(text, path, flow.line + 1)
    collection = exc.context_mark if exc.context in _FLOW_CONTEXTS else None
    if collection is not None and (collection.line + 1 < source.line or opened) \
            and _left_open(text, collection.line + 1):
        # `tags: [soudure, acier` and the next line: the parser fails lines below the bracket.
        bracket = _line(text, collection.line + 1)[collection.column:collection.column + 1] or "["
        closing = "]" if bracket == "[" else "}"
        message = say("found '{opened}' that is never closed; expected '{closing}' at the end of the line",
                      opened=bracket, closing=closing)
        hint = say("close it with '{closing}' on the same line, or quote a value that contains ',' or "
                   "': '", closing=closing)
        return InputError(_source(path, collection), message, hint)
    unclosed = _unclosed_quote_line(text, source.line)
    if unclosed is not None and unclosed[0] < source.line:
        # A quote left open swallows the lines after it; the parser fails far below.
        quote = _line(text, unclosed[0])[unclosed[1] - 1]
        message = say("found a quote {quote} that is never closed; expected a closing {quote} at the end of "
                      "the value", quote=quote)
        hint = say("close the quote on the same line, or use `|` for text on several lines")
        return InputError(Source(path, *unclosed), message, hint)
    mistake = None if told else _writers_mistake(exc, text, path, source)
    if mistake is not None:
        return mistake
    if message is None:  # no known mistake: the parser's own words
        message = say("invalid YAML: {problem} ({context})", problem=_problem(problem),
                      context=_problem(exc.context)) if exc.context \
            else say("invalid YAML: {problem}", problem=_problem(problem))
    return InputError(source, message, hint)


#: The hints of a tab where YAML wants spaces.
_TAB_HINTS = ("indent with spaces, not tabs",)


def _writers_mistake(exc: yaml.MarkedYAMLError, text: str, path: str, source: Source) -> InputError | None:
    """The mistakes whose line the parser does not stop on, or does not name: a value continued after its
    closing quote (``'L'atelier'``), a list dash glued to its key (``-id: a``), a line without ``key:``,
    a value starting with ``*`` or ``&``, a list item among a mapping's keys."""
    problem, context = exc.problem or "", exc.context or ""
    line = _line(text, source.line)
    if problem.startswith(_NO_KEY):  # libyaml's words, then PyYAML's (without libyaml)
        told = _after_closing_quote(line, path, source.line) or _item_among_keys(text, path, source.line)
        if told is not None:
            return told
    for number in (source.line - 1, source.line):  # `-id: a`: YAML reads a key '-id', the parser fails below
        dash = re.match(r"^(\s*)-(?P<word>[^\s\-:#'\"][^:]*):(?:\s|$)", _line(text, number))
        if number >= 1 and dash is not None:
            word = _cut(dash.group("word"))  # a key as long as a pasted page is not told whole, twice
            return InputError(Source(path, number, len(dash.group(1)) + 1),
                              say("found '-{word}:' with no space after the dash; expected '- {word}:', a "
                                  "list's item", word=word),
                              say("write a space after the dash: - {word}: …", word=word))
    opened = exc.context_mark
    if "could not find expected ':'" in problem and "simple key" in context and opened is not None:
        return _line_without_key(text, path, opened.line + 1, opened.column + 1)
    if "mapping values are not allowed" in problem:
        above = _written_above(text, source.line)
        written = _line(text, above) if above is not None else ""
        bare = written.strip().removeprefix("- ").strip()
        if above is not None and bare and ":" not in _unquoted(bare) and bare[:1] not in "#[{" \
                and _indent_of(written) < _indent_of(line) <= _keys_at(written):
            words = bare.split(maxsplit=1)
            example = f"{words[0]}: {words[1]}" if len(words) > 1 else f"{words[0]}:"
            return InputError(Source(path, above, _keys_at(written) + 1),
                              say("found '{line}' with no ':' above keys indented under it; expected "
                                  "'key: value'", line=bare[:40]),
                              say("write {example}", example=example))
    if opened is not None and ("while scanning an alias" in context or "while scanning an anchor" in context):
        written = _line(text, opened.line + 1)
        value = written[opened.column:].rstrip()
        key = _KEY_LINE.match(written)
        example = _quoted_example(key.group("key") if key is not None else "text", value)
        return InputError(Source(path, opened.line + 1, opened.column + 1),
                          say("found '{char}' at the start of a value, which YAML reads as a reference; "
                              "expected text between quotes", char=value[:1]),
                          say("put the value between quotes, e.g. {example}", example=example))
    return None


def _item_among_keys(text: str, path: str, number: int) -> InputError | None:
    """``- id: b`` at the margin below ``posts:``'s items, or among a mapping's keys."""
    item = re.match(r"^(\s*)- ", _line(text, number))
    if item is None:
        return None
    indent = len(item.group(1))
    sibling = _sibling_above(text, number, indent)
    if sibling is None:
        return None
    lines = text.splitlines()
    other = next((n for n in range(number - 1, sibling, -1)
                  if re.match(r"^\s*- ", lines[n - 1]) and _indent_of(lines[n - 1]) > indent), None)
    hint = say("a list goes under its key: write `key:` on a line of its own above the items, and "
               "indent the items under it") if other is None else \
        say("if this item belongs to the list of line {line}, indent its dash as that line's "
            "({indent})", line=other, indent=_spaces(_indent_of(lines[other - 1])))
    message = say("found a list item ('- …') among the keys of a mapping; expected 'key: value'")
    return InputError(Source(path, number, indent + 1), message, hint)


def _line_without_key(text: str, path: str, number: int, column: int) -> InputError:
    """A line among a mapping's keys that has no ``key:``: often text that goes on below its key, at the
    key's indentation (or a ``|`` text's lines no deeper than its key)."""
    bare = _line(text, number).strip()
    above = _written_above(text, number)
    written = _line(text, above) if above is not None else ""
    if above is not None and _indent_of(written) > _indent_of(_line(text, number)):
        # Below a `|` text's lines indented as they should be: the text's key, if that is what is above them.
        lines, indent = text.splitlines(), _indent_of(_line(text, number))
        opener = next((line for line in reversed(lines[:above - 1]) if line.strip()
                       and not line.lstrip().startswith("#") and _indent_of(line) <= indent), "")
        if _BLOCK_SCALAR.search(_unquoted(opener)):
            written = opener
    key = _KEY_LINE.match(written)
    shown = _cut(bare)
    if key is None:
        hint = say("write it as `key: value`, a space after the colon")
    elif (block := _BLOCK_SCALAR.search(_unquoted(written))) is not None:  # its own `>`, `|-`: not `|`
        hint = say("indent the lines of the text after '{key}: {style}' further than '{key}:' "
                   "(2 more spaces)", key=key.group("key"), style=block.group("style"))
    else:
        hint = say("if this line goes on with the value of '{key}' above, indent it further than "
                   "'{key}:' (or put the value on one line); otherwise write it as `key: value`",
                   key=key.group("key"))
    return InputError(Source(path, number, column),
                      say("found '{line}' among the keys of a mapping, with no 'key:' before it; "
                          "expected 'key: value'", line=shown), hint)


#: A ``key: value`` or ``- key: value`` line, and where its key is.
_KEY_LINE = re.compile(r"^\s*(?:-\s+)*(?P<key>[^\s#:\-\"'\[\]{}][^:#]*?):(?:\s|$)")


def _cut(text: str, size: int = 40) -> str:
    """``text`` as a message quotes it: its first ``size`` characters, the rest said with "…"."""
    return text if len(text) <= size else text[:size - 1] + "…"


def _key_before(line: str, column: int) -> str:
    """The key whose value starts at ``column`` of ``line`` (``owner`` in ``{id: a, owner: *ana}``), else
    ``text``."""
    before = line[:column].rstrip()
    key = re.split(r"[\s{},\[\]:#'\"]", before[:-1])[-1] if before.endswith(":") else ""
    return key or "text"


def _keys_at(line: str) -> int:
    """Where a line's content starts, after its indentation and list dashes."""
    marks = re.match(r"^( *)((?:- +)*)", line)
    return len(marks.group(0)) if marks else 0


def _sibling_above(text: str, number: int, indent: int) -> int | None:
    """The ``key: value`` line above line ``number`` at indentation ``indent`` that a list item there would
    stand among (not a ``key:`` right above it, whose list it may be)."""
    lines = text.splitlines()
    for n in range(min(number - 1, len(lines)), 0, -1):
        line = lines[n - 1]
        if not line.strip() or line.lstrip().startswith("#") or _indent_of(line) > indent:
            continue
        key = _KEY_LINE.match(line)
        if _indent_of(line) < indent or key is None or line.lstrip().startswith("-"):
            return None
        return None if n == _written_above(text, number) and not line[key.end():].strip() else n
    return None


def _written_lines_above(text: str, number: int) -> list[int]:
    """The lines written above line ``number`` (not blank, not comments, not a ``|`` text's), up to the first
    one indented less than it, which a look-alike space in its indentation may have put out of line (20 at
    most)."""
    lines, found = text.splitlines(), []
    indent, texts = _indent_of(_line(text, number)), _block_scalar_lines(lines)
    for n in range(min(number - 1, len(lines)), 0, -1):
        line = lines[n - 1]
        if not line.strip() or line.lstrip().startswith("#") or n in texts:  # a `|` text's `Prix:\u00a010 €`
            continue
        found.append(n)
        if _indent_of(line) < indent or len(found) >= 20:
            break
    return found


def _written_above(text: str, number: int) -> int | None:
    """The number of the last line above ``number`` that is neither blank nor a comment."""
    lines = text.splitlines()
    return next((n for n in range(min(number - 1, len(lines)), 0, -1)
                 if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")), None)


def _after_closing_quote(line: str, path: str, number: int) -> InputError | None:
    """``text: "Portes ouvertes" samedi`` or ``text: 'L'atelier ouvre'``: the value goes on after its closing
    quote, which YAML takes for its end."""
    found = re.match(r"^\s*(?:-\s+)?(?P<key>[^\s#'\"][^:#]*):\s+(?P<quote>[\"'])", line)
    if found is None:
        return None
    quote, start = found.group("quote"), found.end()
    index = start
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and line[index + 1:index + 2] == "'":
                index += 2
                continue
            break
        index += 1
    rest = line[index + 1:]
    if index >= len(line) or not rest.strip() or rest.lstrip().startswith("#"):
        return None
    key, written = found.group("key").strip(), line[start - 1:].rstrip()
    where = Source(path, number, index + 1)
    if quote == "'" and re.match(r"\w", rest):  # `'L'atelier ouvre'`
        value = written[1:-1] if written.endswith("'") else written[1:]
        apostrophe = say("found an apostrophe inside a value written between single quotes, which ends the "
                         "value there; expected the whole value between the quotes")
        return InputError(where, apostrophe,
                          say("write the whole value between double quotes, e.g. {example}",
                              example=_quoted_example(key, value)))
    message = say("found text after the closing quote of the value of '{key}'; expected the whole value "
                  "between the quotes", key=key)
    # `"Il a dit "stop" puis"`: quotes inside the writer's, which go (not `"a" "b"`, two quoted parts)
    inner = written[1:-1]
    if quote == '"' and len(written) > 2 and written.endswith('"') and inner.find('"') >= 0 \
            and inner[:inner.find('"')][-1:] in ("", " ", "(", "[", "«"):
        written = inner
    if quote == '"' and "'" not in written and len(written) <= 80:  # `'"Portes ouvertes" samedi'`
        return InputError(where, message, say("write the whole value between single quotes, e.g. {example}",
                                              example=f"{key}: '{written}'"))
    return InputError(where, message, say("write the whole value between double quotes, e.g. {example}",
                                          example=_quoted_example(key, written)))


_FLOW_CONTEXTS = ("while parsing a flow sequence", "while parsing a flow mapping")
#: A key whose value is glued to its colon (``text:Bonjour``), which YAML reads as one text, not a key: the
#: parser fails on the line after. Not an address (``https://``) nor a time (``at: 9:00``).
_GLUED_KEY = re.compile(r"[ \t]*(?:-[ \t]+)?(?P<key>[A-Za-z_][\w-]*)"
                        r"(?:(?P<colon>:)(?P<value>(?!//)[^\s:][^\n]*)|(?P<wide>：)[ \t]*(?P<text>[^\n]*))$")

#: What libyaml says most often, translatable (the others stay in libyaml's English).
_PROBLEMS: dict[str, str] = {said: said for said in (
    say("mapping values are not allowed in this context"), say("did not find expected key"),
    say("did not find expected '-' indicator"), say("could not find expected ':'"),
    say("found character that cannot start any token"), say("found unexpected end of stream"),
    say("did not find expected ',' or ']'"), say("did not find expected ',' or '}}'"),
    say("block sequence entries are not allowed in this context"),
    say("did not find expected node content"), say("found a tab character that violates indentation"),
    say("found a tab character where an indentation space is expected"),
    say("found unknown escape character"), say("found unexpected ':'"),
    say("did not find expected comment or line break"), say("found undefined tag handle"),
    say("did not find expected <document start>"), say("while parsing a block mapping"),
    say("while parsing a block collection"), say("while parsing a block node"),
    say("while parsing a flow sequence"), say("while parsing a flow mapping"),
    say("while parsing a flow node"), say("while scanning a simple key"),
    say("while scanning a quoted scalar"), say("while parsing a quoted scalar"),
    say("while scanning a plain scalar"),
    say("while scanning a block scalar"), say("while scanning an alias"), say("while scanning an anchor"),
    say("while parsing a node"), say("while scanning for the next token"), say("while scanning a tag"),
    say("while scanning a directive"))}


def _problem(text: str) -> str:
    """What libyaml says, as a message when it is one of the usual texts."""
    return _PROBLEMS.get(text, text)


def _left_open(text: str, number: int) -> bool:
    """Line ``number`` opens a bracket it does not close, and the next line starts a new entry
    (a key, a list item or the header's end, no deeper than it): it was never closed. A list
    that goes on, indented, over several lines is written so on purpose."""
    lines = text.splitlines()
    # The next line written: a blank line or a comment between them says nothing (the parser skips them too).
    following = next((line for line in lines[number:] if line.strip() and not line.lstrip().startswith("#")),
                     None)
    if number > len(lines) or following is None:
        return True
    line = lines[number - 1]
    written = _unquoted(line).split(" #")[0]
    if written.count("[") + written.count("{") <= written.count("]") + written.count("}"):
        return False
    indent = len(line) - len(line.lstrip())
    entry = re.match(r"^(\s*)(---|-\s|[^\s:#\[\]{},]+:(\s|$))", following)
    return entry is not None and len(entry.group(1)) <= indent


def _raise_if_flow_hashtag(text: str, path: str, line: int) -> None:
    """``[#Noël, #Bûche]`` or ``{text: #JPO samedi}``: YAML reads ``#`` as a comment and the
    bracket or brace stays open, so the parser fails on a later line. Point at the ``#``."""
    lines = text.splitlines()
    for number in range(min(line, len(lines)), max(line - 20, 0), -1):
        written = _unquoted(lines[number - 1])
        in_list = _open_before(re.search(r"[\[,]\s*(#)", written), written)
        in_mapping = _open_before(re.search(r"[{,]\s*[^\s:{},\[\]]+:\s+(#)\S", written), written)
        found = in_list or in_mapping
        if found is None:
            continue
        if in_list and (not in_mapping or in_list.start() <= in_mapping.start()):
            message = say("invalid YAML: this list holds an unquoted '#', which starts a comment")
            hint = _list_hashtag_hint(lines[number - 1])
        else:
            message = say("invalid YAML: this mapping holds an unquoted '#', which starts a comment")
            hint = say("quote a value that starts with '#', e.g. {{text: \"#OpenDay Saturday\"}}")
        raise InputErrors([InputError(Source(path, number, found.start(1) + 1), message, hint)]) from None


def _list_hashtag_hint(line: str) -> Message:
    """``tags: [#escalier, #inox]``: an article's tags are words, its posts make their hashtags from them; the
    hint gives the writer's own words as the list to write. Any other list of hashtags is quoted."""
    tags = re.match(r"\s*(?:-\s+)?(tags|keywords)\s*:\s*\[([^\]]*)", line, re.IGNORECASE)
    if tags is None:
        return say("a hashtag in a list must be quoted, e.g. hashtags: [\"#Christmas\", \"#Baking\"]")
    key, words = tags.group(1).lower(), re.findall(r"[^\s#,\"']+", tags.group(2))[:8]
    return say("write {key} without #, separated by commas: {key}: {words} (posts make their hashtags from "
               "them)", key=key, words=f"[{', '.join(words)}]")


def _open_before(found: re.Match[str] | None, line: str) -> re.Match[str] | None:
    """``found`` when a bracket or brace is still open where its ``#`` is (a real comment
    after a closed ``["#a"]`` is no mistake)."""
    if found is None:
        return None
    before = line[: found.start(1)]
    opened = before.count("[") + before.count("{") - before.count("]") - before.count("}")
    return found if opened > 0 else None


def _unclosed_quote_line(text: str, before: int) -> tuple[int, int] | None:
    """The first line before ``before`` whose value opens a quote it does not close."""
    for number, line in enumerate(text.splitlines()[: before - 1], start=1):
        match = re.match(r"^\s*(?:-\s+)?(?:[^\s#'\"][^:#]*:\s+)?(?P<quote>[\"'])(?P<rest>.*)$", line)
        if not match:
            opened = _flow_quote_left_open(line)  # `networks: ['linkedin, x]`
            if opened is not None:
                return number, opened + 1
            continue
        quote, rest = match.group("quote"), match.group("rest")
        body = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in body:
            return number, match.start("quote") + 1
    return None


def _flow_quote_left_open(line: str) -> int | None:
    """Where a quote that starts a value of a list or mapping written between brackets on ``line`` opens,
    when the line does not close it (``tags: ['soudure, acier]``); None otherwise."""
    found = re.match(r"^\s*(?:-\s+)?(?:[^\s#'\"\[{][^:#]*:\s+)?[\[{]", line)
    if found is None:
        return None
    index, starts = found.end(), True  # whether a value may start here: after '[', '{', ',' or ': '
    while index < len(line):
        char = line[index]
        if char in " \t":
            index += 1
            continue
        if char == "#":  # a comment, after a space
            return None
        if starts and char in "'\"":
            end = index + 1
            while end < len(line):
                if char == '"' and line[end] == "\\":
                    end += 2
                    continue
                if line[end] == char:
                    if char == "'" and line[end + 1:end + 2] == "'":
                        end += 2
                        continue
                    break
                end += 1
            if end >= len(line):
                return index
            index, starts = end + 1, False
            continue
        starts = char in "[{," or (char == ":" and line[index + 1:index + 2] in ("", " "))
        index += 1
    return None


#: A look-alike space where YAML reads structure: in the indentation (before any other character but
#: spaces), after a list's dash, or right after a key's colon (``at:\u00a02027-01-12``; a French colon,
#: ``Programme\u00a0:\u00a0visite``, has its space before it).
_STRUCTURAL_INVISIBLE = re.compile("^[ " + "".join(INVISIBLE) + "]*?([" + "".join(INVISIBLE) + "])"
                                   "|^[ ]*-([" + "".join(INVISIBLE) + "])"
                                   "|(?<![\\s" + "".join(INVISIBLE) + "]):([" + "".join(INVISIBLE) + "])")


def _structural_invisible(line: str) -> int | None:
    """Where a look-alike space stands where YAML reads structure in ``line``, or None. Elsewhere it is
    text: a French post's ``voir\u00a0!`` in a block of text is not why the parser stopped (the hint named
    it, at its column, for a tab or a line indented off below it)."""
    match = _STRUCTURAL_INVISIBLE.search(line)
    if match is None:
        return None
    group = next(g for g in (1, 2, 3) if match.group(g) is not None)
    return match.start(group)


_QUOTED = re.compile(r"\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'")


def _unquoted(line: str) -> str:
    """The line with its quoted strings emptied: what YAML reads as syntax."""
    return _QUOTED.sub('""', line)


def _line(text: str, number: int) -> str:
    lines = text.splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""


_INDENTATION = say("check this line's indentation against the lines above (a key indented too far)")
#: What libyaml says when a line's indentation does not fit the lines before it.
_INDENTATION_PROBLEMS = ("did not find expected key", "did not find expected '-' indicator",
                         "expected <block end>, but found '<block mapping start>'",
                         "expected <block end>, but found '<block sequence start>'")
#: What the parser says where a line goes on after a value's closing quote, or a list item stands among keys.
_NO_KEY = ("did not find expected key", "expected <block end>, but found")


def _indentation_hint(text: str, number: int) -> tuple[Message, int | None]:
    """Which line's indentation is off, by comparing line ``number`` with the lines above it.

    ``  hashtags:`` under keys indented 4 spaces, or ``color: steelblue`` pushed to the margin among
    them (the parser then stops on the line after, whose indentation is right: that line is given).
    """
    lines = text.splitlines()
    in_scalars = _block_scalar_lines(lines)

    def written(n: int) -> bool:  # a line of YAML's structure: not blank, a comment or a `|` text's line
        line = lines[n - 1] if 0 < n <= len(lines) else ""
        return bool(line.strip()) and not line.lstrip().startswith("#") and n not in in_scalars

    def item(n: int) -> bool:
        return lines[n - 1].lstrip().startswith("- ") or lines[n - 1].strip() == "-"

    def keys_at(n: int) -> int:  # where a line's key starts: after "- " for a list item's first key
        return _keys_at(lines[n - 1])

    def opens(n: int) -> bool:  # `campaigns:` or `- id: x` with its keys below
        return lines[n - 1].rstrip().endswith(":") or item(n)

    above = next((n for n in range(number - 1, 0, -1) if written(n)), None)
    if not written(number) or above is None:
        return _INDENTATION, None
    if item(number):  # a list's item: its dash lines up with the dash of the item before it
        sibling = next((n for n in range(number - 1, 0, -1) if written(n) and item(n)), None)
        dash, other = _indent_of(lines[number - 1]), _indent_of(lines[sibling - 1]) if sibling else -1
        if sibling is None or dash == other:
            return _INDENTATION, None
        return say("this item's dash is indented {dash} and the dash of line {line} above it {other}: the "
                   "items of one list line up, one under the other", dash=_spaces(dash), line=sibling,
                   other=_spaces(other)), None
    here, there = keys_at(number), keys_at(above)
    if here == there or (opens(above) and here > there and not item(above)):
        return _INDENTATION, None
    if here < there:  # `networks:` then `linkedin:` at the margin: its siblings below are deeper than it
        parent = next((n for n in range(above, 0, -1) if written(n) and keys_at(n) <= here), None)
        opener = next((n for n in range(parent - 1, 0, -1) if written(n)), None) if parent else None
        if parent and opener and keys_at(parent) < here and keys_at(opener) == keys_at(parent) \
                and lines[opener - 1].rstrip().endswith(":"):
            return say("this line is indented {indent}, as much as line {opener} whose block it starts: "
                       "indent it as that block's lines ({block}, as line {line})",
                       indent=_spaces(keys_at(parent)), opener=opener, block=_spaces(here),
                       line=number), parent
    before = next((n for n in range(above - 1, 0, -1) if written(n)), None)
    if before is not None and there < here == keys_at(before) and not opens(above):
        return say("this line is indented {indent} and the lines around it {around}: the keys of one "
                   "mapping line up, one under the other", indent=_spaces(there), around=_spaces(here)), above
    return say("this line is indented {indent} and line {line} above it {above}: the keys of one mapping "
               "line up, one under the other", indent=_spaces(here), line=above, above=_spaces(there)), None


def _spaces(count: int) -> Message:
    return say_count(count, "{count} space", "{count} spaces")


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


#: A line whose value is a block of text: ``text: |``, ``notes: >-``, ``- |``.
_BLOCK_SCALAR = re.compile(r"(?:^|:|-)[ \t]+(?P<style>[|>][-+1-9]*)[ \t]*(?:#.*)?$")


def _block_scalar_lines(lines: list[str]) -> set[int]:
    """The numbers of the lines inside ``|`` and ``>`` texts: text, whatever their indentation says."""
    inside: set[int] = set()
    index = 0
    while index < len(lines):
        if _BLOCK_SCALAR.search(_unquoted(lines[index])):
            base = _indent_of(lines[index])
            index += 1
            while index < len(lines) and (not lines[index].strip() or _indent_of(lines[index]) > base):
                inside.add(index + 1)
                index += 1
            continue
        index += 1
    return inside


def _quoted_example(key: str, value: str) -> str:
    """``key: "value"``, written so that YAML reads the value back (``"Il dit \\"stop\\": fin"``); a long
    value is not repeated whole."""
    if len(value) > 80:
        return say('{key}: "…" (the whole value between quotes)', key=key)
    return f"{key}: {_quoted(value)}"


#: A key of a flow mapping (``{text: ``), where its value ends, and a colon between spaces.
_FLOW_KEY = re.compile(r"[{,]\s*([^\s:{},]+):\s")
_FLOW_END = re.compile(r"[,}]")
_SPACED_COLON = re.compile(r"\s:\s")


def _flow_colon(line: str) -> tuple[str, str] | None:
    """The first key of a flow mapping whose value holds " : ", and that value: what
    ``[{,]\\s*([^\\s:{},]+):\\s([^,}]*\\s:\\s[^,}]*)`` finds, in linear time. That expression read the rest
    of the line from each ``{`` of a value that does not end (a line of 150 kB took 24 s)."""
    end = colon = -1
    for key in _FLOW_KEY.finditer(line):
        value = key.end()
        if end < value:
            found = _FLOW_END.search(line, value)
            end = found.start() if found else len(line)
        if colon < value:
            spaced = _SPACED_COLON.search(line, value)
            if spaced is None:  # nor after any later key
                return None
            colon = spaced.start()
        if colon + 3 <= end:
            return key.group(1), line[value:end]
    return None


def _typographic_quotes_hint(key: str, value: str, flow: bool = False) -> Message:
    """``title: « Rampe : acier ou inox ? »``: what to write with straight quotes, without the spaces French
    puts inside guillemets; and, for guillemets, how to keep them in the text when they were meant."""
    def example(text: str) -> str:
        written = _quoted_example(key, text)
        return f"{{{written}}}" if flow and written.endswith('"') else written

    spaces = " \u00a0\u202f"
    pair, inner = "«»" if value[:1] == "«" else "“”„", value.strip(spaces)[1:-1]
    if value.rstrip(spaces)[-1:] not in TYPOGRAPHIC_QUOTES or any(c in pair for c in inner):
        # `« Portes » : venez`, `« Zéro déchet » : l'atelier « propre »`: quotes in the text
        if value[:1] == "«":
            return say("guillemets « » are not quotes to YAML around a part of the value: write the whole "
                       "value between straight quotes, e.g. {example}", example=example(value))
        return say("typographic quotes “ ” are not quotes to YAML around a part of the value: write the "
                   "whole value between straight quotes, e.g. {example}", example=example(value))
    bare = example(value.strip(TYPOGRAPHIC_QUOTES + spaces))
    if value[:1] != "«":
        return say("typographic quotes “ ” are not quotes to YAML: write straight quotes, e.g. {example}",
                   example=bare)
    return say("guillemets « » are not quotes to YAML: write straight quotes, e.g. {example} (or, to keep "
               "the guillemets in the text, {kept})", example=bare, kept=example(value))


#: A field's name glued to the value before it, a day or a time or an id (`2027-01-14 07:40 reason`,
#: `voeux-2027 networks`, `07:40, reason`). A word after a text's words (`Rappel: …`, `salon demain: …`)
#: is text.
_GLUED_FIELD = re.compile(r"^(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}[:h]\d{2})?|[a-z0-9]+(?:[-_][a-z0-9]+)+)"
                          r"\s*,?\s+(?P<field>[a-z][a-z_]*):(?:\s|$)")


def _glued_field(value: str) -> str | None:
    """The field a value runs into, when a line break was forgotten before it (or a comma written for one):
    ``2027-01-14 07:40 reason: x`` is ``reason``; None for a text with a colon in it (``2027-01-14 incendie:
    …``, a word that is no field of edcal's)."""
    from edcal.load.validate import known_fields

    found = _GLUED_FIELD.match(value)
    return found.group("field") if found and found.group("field") in known_fields() else None


def _syntax_hint(problem: str, line: str = "") -> Message | None:
    indent = line[: len(line) - len(line.lstrip(" \t-"))]  # a list's dashes too: `  -\tid` is a tab after one
    if "\t" in indent:
        return say("indent with spaces, not tabs")
    if "mapping values are not allowed" in problem:
        key, _, value = line.strip().removeprefix("- ").partition(":")
        value = value.strip()
        if value[:1] and value[:1] in TYPOGRAPHIC_QUOTES:
            return _typographic_quotes_hint(key, value)
        if (": " in value or value.endswith(":")) and not value.startswith(("'", '"', "{", "[")):
            glued = _glued_field(value)
            if glued is not None:  # `from: 2027-01-14 07:40 reason: …`: a line break forgotten, not a text
                return say("put '{field}:' on the next line, under '{key}:' (or write the entry between "
                           "braces: - {{{key}: …, {field}: …}})", field=glued, key=key.strip())
            # `title: Salon Industrie 2027 :`, a French colon at the end: YAML reads a key there too
            return say("a value containing ': ' must be quoted, e.g. {example}",
                       example=_quoted_example(key, value))
        return _INDENTATION
    if "found character '\\t'" in problem or "tab" in problem:
        return say("indent with spaces, not tabs")
    flow_colon = _flow_colon(_unquoted(line)) \
        if "expected ',' or '}'" in problem or "expected ',' or ']'" in problem else None
    if flow_colon is not None:
        key, value = flow_colon[0], flow_colon[1].strip()
        if value[:1] and value[:1] in TYPOGRAPHIC_QUOTES:  # `{linkedin: “Notre pergola : posée”}`
            return _typographic_quotes_hint(key, value, flow=True)
        return say("a value containing ' : ' must be quoted, e.g. {{text: \"Salon : J-7\"}}")
    if "cannot start any token" in problem:
        value = line.split(":", 1)[1].strip() if ":" in line else line.strip()
        if value[:1] and value[:1] in "@`%":
            return say("a value starting with {char} must be quoted, e.g. text: \"{value}\"", char=value[:1],
                       value=value[:40])
    if "could not find expected ':'" in problem:
        return _INDENTATION
    linked = re.match(r"\s*([\w-]+):\s*(\{(?:static|attach|filename)\}\S*)", line)
    if linked:  # `image: {static}/images/a.png`: a `{` opens a YAML mapping
        name, value = linked.groups()
        return say("a value starting with {{ must be quoted in YAML: write {name}: \"{value}\", or "
                   "{name}: {path}", name=name, value=value, path=value.split("}", 1)[1].lstrip("/"))
    return None


def _events(text: str) -> Iterator[Any]:
    """libyaml's events, read straight from the parser.

    ``yaml.parse`` asks the parser twice per event (``check_event`` then
    ``get_event``): 40 % slower on a large calendar.
    """
    parser = _Loader(text)
    try:
        get_event = parser.get_event
        event = get_event()
        while event is not None:
            yield event
            event = get_event()
    finally:
        parser.dispose()


class _Frame:
    """A mapping or sequence being composed from events."""

    __slots__ = ("anchor", "fields", "is_map", "items", "key", "key_at", "mark", "merges", "size", "value")

    def __init__(self, is_map: bool, mark: Any, anchor: str | None):
        self.is_map = is_map
        self.mark = mark
        self.anchor = anchor
        self.value: Any = {} if is_map else []
        self.fields: dict[str, FieldLoc] = {}
        self.items: list[Position] = []
        self.key: str | None = None
        self.key_at: Position | None = None
        self.merges: list[tuple[Any, Any]] = []
        self.size = 1


class _Composer:
    """Plain values with locations, straight from libyaml's events (no node objects).

    Iterative, so deep nesting cannot exhaust the stack; every alias is the
    same shared value, and the values it expands to are counted.
    """

    def __init__(self, path: str, text: str = "") -> None:
        self.path = path
        self.text = text
        self._lines: list[str] | None = None
        self.errors = ErrorCollector()
        self.expanded = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        #: The scalars marked ``&name`` that no ``*name`` has repeated yet: `text: &Cie vous invite`.
        self.unrepeated: dict[str, Any] = {}
        self.overwritten: list[Any] = []

    def compose(self, events: Any) -> Any:
        stack: list[_Frame] = []
        result: Any = None
        documents = 0
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        for event in events:
            kind = type(event)
            if kind is scalar_event:
                value = self._scalar(event)
                if event.anchor:
                    self.anchors[event.anchor] = (value, 1)
                    if event.anchor in self.unrepeated:
                        self.overwritten.append(self.unrepeated[event.anchor])
                    self.unrepeated[event.anchor] = event
                self.expanded += 1
                if stack:
                    self._deliver(stack[-1], value, 1, event.start_mark)
                else:
                    result = value
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._check_tag(event, "map" if kind is yaml.MappingStartEvent else "seq")
                if len(stack) >= MAX_DEPTH:
                    self._fail(event, say("YAML nested deeper than {depth} levels", depth=MAX_DEPTH), None)
                if event.anchor:
                    self.open_anchors.add(event.anchor)
                stack.append(_Frame(kind is yaml.MappingStartEvent, event.start_mark, event.anchor))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                value = self._finish(frame)
                self._count(1, event)
                if frame.anchor:
                    self.open_anchors.discard(frame.anchor)
                    self.anchors[frame.anchor] = (value, frame.size)
                if stack:
                    self._deliver(stack[-1], value, frame.size, frame.mark)
                else:
                    result = value
            elif kind is alias_event:
                if event.anchor in self.open_anchors:
                    self._fail(event, say("a YAML alias refers to itself"), say("remove the recursive alias"))
                if event.anchor not in self.anchors:
                    self._unknown_alias(event)
                value, size = self.anchors[event.anchor]
                self.unrepeated.pop(event.anchor, None)
                self._count(size, event)
                if stack:
                    self._deliver(stack[-1], value, size, event.start_mark)
                else:
                    result = value
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self._fail(event, say("found several YAML documents, expected one"),
                               say("remove the extra '---' line"))
        if self.expanded > MAX_EXPANDED_VALUES:  # scalars are counted in the loop, checked here
            self._count(0, events)
        unrepeated = [*self.overwritten, *self.unrepeated.values()]
        if unrepeated:
            self._unrepeated_anchor(min(unrepeated, key=lambda e: (e.start_mark.line, e.start_mark.column)))
        return result

    def _deliver(self, frame: _Frame, value: Any, size: int, mark: Any) -> None:
        frame.size += size
        at = (mark.line + 1, mark.column + 1)
        if not frame.is_map:
            frame.value.append(value)
            frame.items.append(at)
            return
        if frame.key is None:  # this value is a key
            if isinstance(value, (dict, list)):
                self._fail_at(mark, say("a mapping key must be plain text"), None)
            frame.key = value if value is not None else ""
            frame.key_at = at
            return
        key, key_at = frame.key, frame.key_at
        frame.key = None
        if key is _MERGE:
            frame.merges.append((value, mark))
            return
        if key == LOC_KEY:  # where edcal keeps a mapping's positions: a value there was silently taken
            self.errors.add(Source(self.path, *key_at),  # type: ignore[misc]
                            say("found the key '{key}', which edcal keeps for itself", key=LOC_KEY),
                            say("remove it"))
            return
        if key in frame.fields:
            first = frame.fields[key].key_at[0]
            # Two lists (a freeze pasted at the end of the file under a second `freeze:`): one list, not a
            # choice between them.
            both_lists = isinstance(value, list) and isinstance(frame.value.get(key), list)
            hint = say("both are lists: move this one's items under the first, at line {line}, after its own "
                       "items, and remove this line", line=first) if both_lists \
                else say("each key may appear once in a mapping; remove or rename one of them")
            self.errors.add(Source(self.path, *key_at),  # type: ignore[misc]
                            say("duplicate key '{key}' (first defined at line {line})", key=key, line=first),
                            hint)
            return
        items = tuple(value_items(value)) if isinstance(value, list) else ()
        frame.fields[key] = FieldLoc(self.path, key_at, at, items)  # type: ignore[arg-type]
        frame.value[key] = value

    def _finish(self, frame: _Frame) -> Any:
        if not frame.is_map:
            return _LocatedList(frame.value, frame.items)
        for merged, mark in frame.merges:  # explicit keys win over merged ones
            for mapping in merged if isinstance(merged, list) else [merged]:
                if not isinstance(mapping, dict):
                    self._fail_at(mark, say("'<<' merges mappings only"), None)
                for key, value in mapping.items():
                    if key != LOC_KEY and key not in frame.value:
                        frame.value[key] = value
                        frame.fields[key] = mapping[LOC_KEY].fields[key]
        frame.value[LOC_KEY] = Loc(Source(self.path, frame.mark.line + 1, frame.mark.column + 1),
                                   frame.fields)
        return frame.value

    def _scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag is not None and tag not in _ALLOWED_TAGS:
            self._check_tag(event, "scalar")
        value = event.value
        if tag is None and event.implicit[0]:
            if value in _NULLS:
                if not value:
                    self._hashtag_as_comment(event.start_mark)
                return None  # an empty value, ~ or null: "no value"; quoted text stays text
            if value == "<<":
                return _MERGE
        if tag == _NULL_TAG:
            return None
        end = event.end_mark
        if event.style == '"':
            self._unmeant_escapes(event)
        if self.text[end.index:end.index + 1] in _BLANKS and event.style not in _BLOCK_STYLES \
                and not _NOT_TEXT.match(value):
            glued = _COMMENTED_HASHTAG.match(self.text, end.index)
            if glued is not None:
                self._hashtag_after_value(end, glued, value)
        return value

    def _unmeant_escapes(self, event: Any) -> None:
        """``"C:\\Photos"``: valid YAML, whose ``\\P`` is an invisible paragraph separator (U+2029), a
        Windows path's backslash and letter gone without a word; told at each backslash of such a code."""
        start = event.start_mark
        raw = self.text[start.index:event.end_mark.index]
        for at, letter in _unmeant_escapes_in(raw):
            before = raw[:at]
            line = start.line + 1 + before.count("\n")
            column = len(before) - before.rfind("\n") if "\n" in before else start.column + at + 1
            self.errors.add(Source(self.path, line, column),
                            say("found '\\{letter}' in a value between double quotes, which YAML reads as "
                                "the character U+{code:04X}, not as a backslash and '{letter}'",
                                letter=letter, code=_UNMEANT_ESCAPES[letter]),
                            say("write the backslash twice (\\\\), or put the value between single "
                                "quotes"))

    def _hashtag_after_value(self, mark: Any, glued: re.Match[str], value: str) -> None:
        """``text: Venez samedi #JPO``: the hashtag is a comment to YAML, and would be lost."""
        column = mark.column + glued.start("tag") - glued.start() + 1
        tag = glued.group("tag")
        if value[:1] in "“«„":  # quoted already, with quotes YAML does not know
            hint = say("typographic quotes “ ” « » are text to YAML, not quotes: write the whole value "
                       "between straight quotes to keep the hashtag, e.g. \"… {tag}\"",
                       tag=tag.rstrip(TYPOGRAPHIC_QUOTES))
        else:
            hint = say("quote the whole value to keep the hashtag, e.g. \"… {tag}\" (a comment is "
                       "'# like this')", tag=tag)
        self.errors.add(
            Source(self.path, mark.line + 1, column),
            say("found '{tag}' after the value, which YAML reads as a comment, so it is not part of the "
                "value", tag=tag), hint)

    def _hashtag_as_comment(self, mark: Any) -> None:
        """``text: #PortesOuvertes samedi``: YAML reads a comment and an empty value; say so.

        A comment is written ``# like this``; a ``#`` glued to a word where a
        value should be is a hashtag that lost its quotes, and its text is gone.
        """
        if self._lines is None:
            self._lines = self.text.splitlines()
        line = self._lines[mark.line] if mark.line < len(self._lines) else ""
        found = _GLUED_HASH.match(line, mark.column)
        if found is None:
            return
        rest = line[found.start("tag"):].rstrip()
        shown = _cut(rest)
        key = line[:found.start("tag")].strip().rstrip(":").strip().lstrip("- ").lower()
        if key in ("tags", "keywords"):  # an article's tags written as hashtags: one quoted tag would not do
            words = ", ".join(re.findall(r"[^\s#,]+", rest)[:8])
            hint = say("write {key} without #, separated by commas: {key}: {words} (posts make their "
                       "hashtags from them)", key=key, words=words)
        else:  # a hashtag that lost its quotes
            hint = say("quote a value that starts with '#', e.g. \"{shown}\" (a comment is written '# like "
                       "this')", shown=shown)
        self.errors.add(
            Source(self.path, mark.line + 1, found.start("tag") + 1),
            say("found '{shown}', which YAML reads as a comment, so this value is empty; expected text",
                shown=shown),
            hint)

    def _unknown_alias(self, event: Any) -> None:
        """``owner: *ana``: text to the writer, a reference to a ``&ana`` written nowhere to YAML."""
        mark = event.start_mark
        line = _line(self.text, mark.line + 1)
        value = line[mark.column:].split(" #")[0].rstrip()
        example = _quoted_example(_key_before(line, mark.column), value)
        anchor = _cut(event.anchor)
        self._fail(event, say("found '*{anchor}', which YAML reads as a reference to a block marked "
                              "'&{anchor}', and no block is; expected text between quotes",
                              anchor=anchor),
                   say("put the value between quotes, e.g. {example} (or, to repeat a block, mark it "
                       "'&{anchor}' where it is first written)", example=example, anchor=anchor))

    def _unrepeated_anchor(self, event: Any) -> None:
        """``text: &Cie vous invite``: YAML reads ``&Cie`` as a mark for a ``*Cie`` and leaves it out of the
        value; no alias repeats it, so it was the writer's text, lost."""
        start, end = event.start_mark, event.end_mark
        line = _line(self.text, start.line + 1)
        value = line[start.column:end.column] if end.line == start.line else line[start.column:].rstrip()
        example = _quoted_example(_key_before(line, start.column), value)
        anchor = _cut(event.anchor)
        self._fail(event, say("found '&{anchor}' at the start of a value, which YAML reads as a mark for a "
                              "reference (*{anchor}) and leaves out of the value; expected text between "
                              "quotes", anchor=anchor),
                   say("put the value between quotes, e.g. {example}", example=example))

    def _check_tag(self, event: Any, kind: str) -> None:
        tag = event.tag
        if tag is None or tag in _ALLOWED_TAGS:
            return
        self._fail(event, say("YAML tag '{tag}' is not allowed", tag=tag),
                   say("remove the tag: edcal reads plain YAML values only"))

    def _count(self, size: int, event: Any) -> None:
        self.expanded += size
        if self.expanded > MAX_EXPANDED_VALUES:
            mark = getattr(event, "start_mark", None)
            message = say("the YAML expands to more than {limit:,} values through aliases",
                          limit=MAX_EXPANDED_VALUES)
            hint = say("aliases (*name) that repeat anchors many times look like an alias bomb")
            if mark is None:
                self.errors.add(Source(self.path, 1, 1), message, hint)
                raise InputErrors(self.errors.errors)
            self._fail(event, message, hint)

    def _fail(self, event: Any, message: str, hint: str | None) -> None:
        self._fail_at(event.start_mark, message, hint)

    def _fail_at(self, mark: Any, message: str, hint: str | None) -> None:
        self.errors.add(Source(self.path, mark.line + 1, mark.column + 1), message, hint)
        raise InputErrors(self.errors.errors)


#: YAML's backslash codes that make a character no writer types that way (a Windows path's ``\\Photos``,
#: ``\\archives``), and the character each makes; ``\\r`` but in ``\\r\\n``. The others are meant:
#: ``\\n``, ``\\t``, ``\\"``, ``\\\\``, ``\\x41``, ``\\u00e9``.
_UNMEANT_ESCAPES = {"0": 0x0, "a": 0x7, "b": 0x8, "v": 0xB, "f": 0xC, "r": 0xD, "e": 0x1B, "N": 0x85,
                    "_": 0xA0, "L": 0x2028, "P": 0x2029}


def _unmeant_escapes_in(raw: str) -> Iterator[tuple[int, str]]:
    """Where each code of :data:`_UNMEANT_ESCAPES` is in a double-quoted scalar as written, and its letter."""
    at = raw.find("\\")
    while at >= 0:
        letter = raw[at + 1:at + 2]
        if letter in _UNMEANT_ESCAPES and not (letter == "r" and raw.startswith("\\n", at + 2)):
            yield at, letter
        at = raw.find("\\", at + 2)  # past the code's letter: `\\\\` is a backslash written on purpose


#: After a value on its line, a comment that is a hashtag (``text: Venez #JPO``), not ``# a comment``.
_COMMENTED_HASHTAG = re.compile(r"[ \t]+(?P<tag>#[^\s#]+)")
_BLANKS = (" ", "\t")
#: Dates, times, slots and numbers (``at: 2027-03-02 10:00 #matin``): a comment after them loses nothing.
_NOT_TEXT = re.compile(r"^(?:[a-zé.,-]{2,9}\s+)?\d[\d\s:./+,Th-]*(?:[a-zé]{1,9})?$", re.IGNORECASE)
#: Literal (``|``) and folded (``>``) scalars end on a later line: nothing follows them on theirs.
_BLOCK_STYLES = ("|", ">")
#: A ``#`` glued to a word right where a value should be (``key: #word``, ``- #word``).
_GLUED_HASH = re.compile(r"[ \t]*(?P<tag>#[^\s#]+)")


class _Merge(str):
    """The ``<<`` merge key."""


_MERGE = _Merge("<<")


class _LocatedList(list):  # type: ignore[type-arg]
    """A YAML sequence that remembers where each element is written."""

    __slots__ = ("positions",)

    def __init__(self, values: list[Any], positions: list[Position]):
        super().__init__(values)
        self.positions = tuple(positions)


def value_items(value: list[Any]) -> tuple[Position, ...]:
    return getattr(value, "positions", ())


def strip_locs(value: Any) -> Any:
    """The same data without ``__loc__`` entries (for tests and JSON dumps)."""
    if isinstance(value, dict):
        return {k: strip_locs(v) for k, v in value.items() if k != LOC_KEY}
    if isinstance(value, list):
        return [strip_locs(v) for v in value]
    return value


def yaml_value(value: object, indent: int = 2) -> str:
    """A value as a person would type it after ``key: ``, that YAML reads back exactly: plain when it
    can be, a literal block (``|-``, its lines ``indent`` spaces in) for several lines, else in double
    quotes (PyYAML's single quotes double every apostrophe, ``'L''établi'``, which French is full of).
    ``edcal new`` writes front matter with it, ``edcal import`` calendar.d/ files."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_flow_item(str(item)) for item in value) + "]"
    text = str(value)
    if text.isprintable() and _reads_back(f"k: {text}", text):
        return text
    lines = text.split("\n")
    if len(lines) > 1 and all(line.isprintable() for line in lines):
        block = "|-\n" + "\n".join(" " * indent + line if line else "" for line in lines)
        if _reads_back(f"k: {block}", text):
            return block
    return _quoted(text)


def _flow_item(text: str) -> str:
    return text if text.isprintable() and _reads_back(f"k: [{text}]", [text]) else _quoted(text)


def _quoted(text: str) -> str:
    """In double quotes; what is not printable (a tab, U+2028, which YAML would read as a line break, a
    character Unicode has not assigned) escaped, as YAML writes escapes (JSON's would split U+1F600). The
    no-break spaces of French typography stay as typed: ``\u00a0`` puzzled the writer it was for."""
    escaped = []
    for char in text:
        if char in '"\\':
            escaped.append("\\" + char)
        elif char.isprintable() or char in "\u00a0\u202f":  # French typography's spaces, as typed
            escaped.append(char)
        else:
            escaped.append({"\n": "\\n", "\t": "\\t"}.get(char) or (
                f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}"))
    return '"' + "".join(escaped) + '"'


def _reads_back(document: str, value: object) -> bool:
    try:
        return yaml.load(document, Loader=yaml.CSafeLoader) == {"k": value}  # type: ignore[no-any-return]
    except (yaml.YAMLError, ValueError, OverflowError):  # 2027-13-01 reads as a date that cannot be
        return False
