"""Split an article file into its located metadata header and its Markdown body.

Two header styles are accepted:

- YAML front matter between ``---`` lines (lists and mappings allowed);
- Pelican's ``Key: value`` lines, ending at the first blank line. Their rules
  are python-markdown's meta extension's (keys of letters, digits, ``_`` and
  ``-``; continuation lines indented by four spaces or a tab), so existing Pelican
  articles read the same; ``tests/test_frontmatter.py`` checks it.

In the ``Key: value`` style, ``social:`` may hold a YAML flow mapping, e.g.
``Social: {networks: [linkedin], linkedin: "Texte pour LinkedIn"}``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from edcal.errors import ErrorCollector, InputError, InputErrors
from edcal.i18n import say, say_count
from edcal.load.yamlfile import LOC_KEY, FieldLoc, Loc, load_yaml
from edcal.model.source import Source

# The meta extension's own expressions (markdown/extensions/meta.py).
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
#: python-markdown expands tabs to this many columns before the meta extension reads a line, so a value
#: continued on a tab-indented line is a continuation line, as four spaces are.
TAB_LENGTH = 4
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")

#: A line that was meant as a header field but that the meta extension would not take
#: (``Category : Recrutement``, ``Propriétaire: sophie``, ``Image’alt: …``): it would end the header.
LOOKS_LIKE_FIELD_RE = re.compile(r"^[ ]{0,3}(?P<key>[^\W\d_][\w \u200b-\u200d\u2060\u00ad'’-]{0,30}?)"
                                 r"(?P<space>[ \t\u00a0\u202f\u2009]*)(?P<colon>:(?=\s|$)|：)")
#: Header lines only YAML reads as meant: a value in quotes, a whole flow list (``[a, b]``) or mapping,
#: a nested or a list line. ``Title: [Tuto] …``, ``Social: {…}`` and ``Silence: {…}`` are meta lines,
#: read as such.
YAML_ONLY_RE = re.compile(r"^(?:[ ]{1,3}\S|[ ]*- |[ ]{0,3}(?!(?:social|silence)\b)[A-Za-z0-9_-]+:[ \t]*"
                          r"(?:\"[^\"]*\"|'[^']*'|\[[^\]]*,[^\]]*\]|\{.*\})[ \t]*$)", re.IGNORECASE)

#: Characters that end a line for some editors and not for Markdown: inside a header line, an error.
_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

#: Fields whose ``Key: value`` text is parsed as YAML (they hold structure).
STRUCTURED_FIELDS = ("social", "silence")


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """An article file's header, as located data, and its body."""

    path: str
    #: Lowercased field names to values, with a ``__loc__`` entry (see yamlfile).
    metadata: dict[str, Any]
    body: str
    style: str
    #: Line number (1-based) where the body starts.
    body_line: int

    @property
    def loc(self) -> Loc:
        return self.metadata[LOC_KEY]


def split_article(text: str, path: str) -> ArticleSource:
    """Parse the header of an article.

    :param text: the whole file, decoded.
    :param path: its path relative to the site root, for messages.
    :raises InputErrors: on a malformed header.
    """
    lines = _lines(text)
    first = next((index for index, line in enumerate(lines) if line.strip()), 0)
    if first and lines[first].rstrip() == "---" and _is_yaml_header(lines[first:]):
        raise InputErrors([InputError(Source(path, first + 1, 1),
                                      say("found front matter opened on line {line}, after blank lines: it "
                                          "would be read as text, and the article would have no title",
                                          line=first + 1),
                                      say("remove the blank lines: '---' opens the front matter on line 1"))])
    if lines and lines[0].rstrip("\r\n").rstrip() == "---":
        if _is_yaml_header(lines):
            return _yaml_header(lines, path)
        _refuse_unclosed_yaml(lines, path)
    return _key_value_header(lines, path)


def _lines(text: str) -> list[str]:
    """The file's lines, ending at ``\n`` only (``\r\n`` and a stray ``\r`` before it stay in the line).

    ``str.splitlines`` also ends a line at ``\r``, ``\v``, ``\f``, ``\x1c``-``\x1e``, NEL, U+2028
    and U+2029: a stray one in a header line made a blank line there, which ended the header, and
    ``Status: draft`` below it was published as text. A file of old Mac line ends (``\r`` alone) is
    read by them.
    """
    if "\n" not in text and "\r" in text:
        return text.replace("\r", "\n").splitlines(keepends=True)
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]  # the text after the last line feed
    return lines if lines[-1] else lines[:-1]


def _refuse_unclosed_yaml(lines: list[str], path: str) -> None:
    """``---`` then YAML, never closed: read as ``Key: value`` lines, quotes and nesting would be text.

    A ``---`` line followed by plain ``Key: value`` lines and a blank line is
    the meta extension's own form, and reads the same either way.
    """
    for line in lines[1:]:
        if not line.strip():
            return
        if YAML_ONLY_RE.match(line):
            raise InputErrors([InputError(
                Source(path, 1, 1), say("found front matter opened with '---' on line 1 and never closed; "
                                        "expected a '---' line after the last field"),
                say("add a line with --- between the front matter and the article's text"))])


def _is_yaml_header(lines: list[str]) -> bool:
    """A ``---`` first line opens YAML front matter when a closing line follows."""
    return any(_closes(line) for line in lines[1:])


def _closes(line: str) -> bool:
    """A line that closes YAML front matter: ``---`` or ``...`` at its start (an indented one is text of a
    block value, e.g. a summary written with ``|``)."""
    return line.rstrip() in ("---", "...")


def _yaml_header(lines: list[str], path: str) -> ArticleSource:
    end = next(i for i in range(1, len(lines)) if _closes(lines[i]))
    # Blank first line keeps YAML's line numbers equal to the file's.
    header = "\n" + "".join(lines[1:end])
    raw = load_yaml(header, path)
    if raw is None:
        raw = {LOC_KEY: Loc(Source(path, 1, 1))}
    if not isinstance(raw, dict):
        raise InputErrors([InputError(Source(path, 2, 1), say(
            "found a list or a value in the front matter, expected fields such as title: and date:"))])
    metadata, errors = _lowercased(raw, path)
    _refuse_fields_after_blank(lines, end + 1, metadata, path, errors, closing=True)
    if "status" not in metadata:
        _refuse_status_in_text(lines, end + 1, path, errors,
                               say("move it into the front matter, above the closing '---' at line {line}",
                                   line=end + 1))
    errors.raise_if_any()
    return ArticleSource(path, metadata, "".join(lines[end + 1:]), "yaml", end + 2)


def _lowercased(raw: dict[str, Any], path: str) -> tuple[dict[str, Any], ErrorCollector]:
    """Field names are case-insensitive, as in Pelican: ``Title`` is ``title``."""
    errors = ErrorCollector()
    loc: Loc = raw[LOC_KEY]
    result: dict[str, Any] = {}
    fields: dict[str, FieldLoc] = {}
    for key, value in raw.items():
        if key == LOC_KEY:
            continue
        name = key.lower()
        if name in result:
            errors.add(loc.key(key), say("duplicate field '{key}' (first at line {line})", key=key,
                                         line=fields[name].key.line),
                       say("each field may appear once; field names ignore case"))
            continue
        result[name] = value
        fields[name] = loc.fields[key]
    result[LOC_KEY] = Loc(loc.source, fields)
    return result, errors


def _key_value_header(lines: list[str], path: str) -> ArticleSource:
    errors = ErrorCollector()
    index = 0
    if lines and BEGIN_RE.match(lines[0].rstrip("\r\n")):
        index = 1
    values: dict[str, list[str]] = {}
    fields: dict[str, FieldLoc] = {}
    key_written: dict[str, str] = {}
    key: str | None = None
    while index < len(lines):
        line = lines[index].rstrip("\r\n")
        number = index + 1
        breaking = _LINE_BREAKS.search(line)
        if breaking is not None and line.strip():  # a stray \r or U+2028 that an editor shows as a line end
            errors.add(Source(path, number, breaking.start() + 1),
                       say("found a line-break character (U+{code:04X}) inside a header line",
                           code=ord(breaking.group(0))),
                       say("put each field on a line of its own (the file's line ends are mixed: save it "
                           "again with one kind)"))
            line = line[:breaking.start()]
        match = META_RE.match(line)
        if line.strip() == "" or END_RE.match(line):
            index += 1  # the blank or closing line belongs to the header
            if line.strip() == "" and values:
                _refuse_fields_after_blank(lines, index, values, path, errors)
            break
        if match:
            name = match.group("key").lower().strip()
            column = line.index(match.group("key")) + 1
            key_source = Source(path, number, column)
            value_column = line.index(":", column - 1) + 2
            while value_column <= len(line) and line[value_column - 1] in " \t":
                value_column += 1
            if name in values:
                once = say("each field may appear once; separate its values with commas") \
                    if name in ("tags", "authors", "keywords") else say("each field may appear once")
                errors.add(key_source, say("duplicate field '{key}' (first at line {line})",
                                           key=match.group("key"), line=fields[name].key.line), once)
                key = None
            else:
                values[name] = [match.group("value").strip()]
                key_written[name] = match.group("key")
                fields[name] = FieldLoc(path, (number, column), (number, value_column))
                key = name
        elif (more := META_MORE_RE.match(line.expandtabs(TAB_LENGTH))) is not None and key:
            _refuse_field_continued(line, Source(path, number, 1), more.group("value"), key_written[key],
                                    fields[key].key.line, errors)
            if not any(values[key]) and more.group("value").strip():  # `Date:` alone, the date below it
                at = fields[key]
                fields[key] = FieldLoc(path, at.key_at, (number, len(line) - len(line.lstrip(" \t")) + 1))
            values[key].append(more.group("value").strip())
        elif more is None:
            field = LOOKS_LIKE_FIELD_RE.match(line)  # the first line too: `Title\u00a0: …` began no header
            if field is not None and _meant_as_field(field.group("key"), lines[index + 1:]):
                _refuse_field_line(field, Source(path, number, 1), errors)
            break  # not a header line: the body starts here (the meta extension allows no blank line)
        index += 1
    body_start = index
    metadata: dict[str, Any] = {}
    for name, parts in values.items():
        if name in STRUCTURED_FIELDS:
            metadata[name] = _structured(name, parts, fields[name], path, errors)
        elif name == "summary":
            metadata[name] = "\n".join(parts)
        else:
            metadata[name] = " ".join(p for p in parts if p)
    metadata[LOC_KEY] = Loc(Source(path, 1, 1), fields)
    if "status" not in metadata:
        _refuse_status_in_text(lines, body_start, path, errors,
                               say("move it into the header: one `Key: value` line each, with no blank or "
                                   "other line between them"))
    errors.raise_if_any()
    return ArticleSource(path, metadata, "".join(lines[body_start:]), "pelican", body_start + 1)


#: A line of the text that reads as a status held back from the header: ``Status: draft``, also behind
#: Markdown's or HTML's marks (``# Status: draft``, ``- Status: draft``, ``<!-- Status: draft -->``).
_STATUS_LINE = re.compile(r"^[\s#>*+-]*(?:<!--\s*)?(?P<key>stat(?:us|ut))\s*[:.=\uff1a]\s*"
                          r"(?P<value>[^<>]{1,40}?)\s*(?:-->)?\s*$", re.IGNORECASE)
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def _refuse_status_in_text(lines: list[str], start: int, path: str, errors: ErrorCollector,
                           hint: str) -> None:
    """A ``Status: draft`` (or review, hidden) line opening the text: the header ended before it (a
    comment, a note, a list dash or a blank line in between), and the article would be published, that
    line as its text. Only the text's first paragraph is judged: further down, a list of statuses or a
    code sample is text. One already reported (after a blank line) is not reported twice."""
    while start < len(lines) and not lines[start].strip():
        start += 1
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    if not any("stat" in line.lower() for line in lines[start:end]) or _FENCE.match(lines[start]):
        return
    from edcal.load.validate import VALUE_SYNONYMS

    reported = {error.source.line for error in errors.errors}
    for index in range(start, end):
        line = lines[index].rstrip("\r\n")
        if _FENCE.match(line):
            return
        match = _STATUS_LINE.match(line)
        if match is None or index + 1 in reported:
            continue
        value = match.group("value").split(" #", 1)[0].strip().strip("\"'«»“”‘’ \u00a0").rstrip(".;!").lower()
        if VALUE_SYNONYMS.get(value, value) in ("draft", "review", "hidden"):
            errors.add(Source(path, index + 1, match.start("key") + 1),
                       say("found '{line}' opening the article's text: the header ended before "
                           "it, so the article would be published, with this line as text",
                           line=line.strip()[:60]),
                       hint)
            return


#: A date as a header field gives it (a time may follow).
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)")


def _publishing_value(key: str, value: str) -> bool:
    """A ``Status:`` (or ``statut``) with a status, or a ``Date:`` with a date, however typed.

    The value may carry quotes, a final full stop or a ``# comment``, and a
    status may be in French (``brouillon``), as writers type them.
    """
    from edcal.hints import INVISIBLE
    from edcal.load.validate import FIELD_SYNONYMS, VALUE_SYNONYMS

    name = "".join(c for c in key if c not in INVISIBLE).strip().lower()
    fields = {name, *FIELD_SYNONYMS.get(name, ())}
    text = value.split(" #", 1)[0].strip().strip("\"'«»“”‘’ \u00a0").rstrip(".;!").strip().lower()
    if "status" in fields:
        return VALUE_SYNONYMS.get(text, text) in ("draft", "review", "published", "hidden")
    return "date" in fields and _ISO_DATE.match(text) is not None


def _refuse_fields_after_blank(lines: list[str], start: int, values: Iterable[str], path: str,
                               errors: ErrorCollector, closing: bool = False) -> None:
    """Header fields after the header's end: they would be published as text.

    ``Status: draft`` below a blank line (or below YAML's closing ``---``) published
    the draft. Only the fields that decide whether and when an article goes online
    are judged (a status, or a date, however typed: ``Status : brouillon``,
    ``Status: "draft"``), among the field-like lines that open the text, whatever
    follows them; ``Status: resolved`` or ``Date: 14 mars`` opening an article's
    text are text.
    """
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    first = index
    while index < len(lines) and lines[index].strip():
        line = lines[index].rstrip("\r\n")
        field = LOOKS_LIKE_FIELD_RE.match(line) or META_RE.match(line)
        if field is None:
            return
        key = field.group("key")
        value = line[field.end():] if "colon" in field.groupdict() else field.group("value")
        if key.strip().lower() not in values and _publishing_value(key, value):
            break
        index += 1
    else:
        return
    where = Source(path, index + 1, field.start("key") + 1)
    key = key.strip()
    if closing:
        errors.add(where, say("found the header field '{key}' after the front matter's closing '---', "
                              "so it would be published as text", key=key),
                   say("move it above the '---' at line {line}", line=start))
        return
    errors.add(where, say("found the header field '{key}' after a blank line; the header ends at the first "
                          "blank line, and this would be published as text", key=key),
               say("remove the blank lines at lines {start}–{end}", start=start, end=first) if first > start
               else say("remove the blank line at line {line}", line=start))


def _refuse_field_continued(line: str, where: Source, value: str, field: str, field_line: int,
                            errors: ErrorCollector) -> None:
    """A ``Status: draft`` or ``Date: 2027-03-25`` indented under another field continues that field's
    value, as the meta extension reads it (``Tags: a,`` then ``    Status: draft``: the tag 'a, Status:
    draft', and the draft online): an error at its line."""
    written = META_RE.match(value)
    if written is None or not _publishing_value(written.group("key"), written.group("value")):
        return
    indent = line[:len(line) - len(line.lstrip(" \t"))]
    values = {"key": written.group("key"), "field": field, "line": field_line}
    if "\t" in indent:
        found = say("found the header field '{key}' indented by a tab: it continues the value of '{field}' "
                    "(line {line}), and is no field", **values)
    else:
        found = say_count(len(indent),
                          "found the header field '{key}' indented by {count} space: it continues the value "
                          "of '{field}' (line {line}), and is no field",
                          "found the header field '{key}' indented by {count} spaces: it continues the value "
                          "of '{field}' (line {line}), and is no field", **values)
    errors.add(Source(where.path, where.line, len(indent) + 1), found,
               say("write it at the start of its line, `{written}`", written=value.strip()))


def _meant_as_field(key: str, following: list[str]) -> bool:
    """A line ending the header was meant as a field when header lines follow it, or its key names one.

    ``Voici le programme : trois jours.`` right after the header is text, as
    the meta extension reads it; ``Category : Recrutement`` followed by
    ``Tags: …``, or ``Date : …`` on its own, was meant as a field.
    """
    for line in following:
        if not line.strip() or END_RE.match(line):
            break
        if META_RE.match(line):
            return True
    from edcal.load.articles import ArticleSpec
    from edcal.load.validate import suggest_field

    folded = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode().lower().replace(" ", "_")
    if folded in _PROSE_LABELS:  # `Nom : Jean Dupont, soudeur depuis vingt ans.` opens a portrait
        return False
    return folded in ArticleSpec.model_fields or suggest_field(key, ArticleSpec.model_fields) is not None


#: Words a text opens with as a label (``Nom : …``, ``Libellé : …``, ``Modèle : …``), which calendar.yaml's
#: entries mean as ``name``, ``title`` or ``template`` (:data:`edcal.load.validate.FIELD_SYNONYMS`): after a
#: header, with no header line below them, they are the text's.
_PROSE_LABELS = frozenset({"nom", "libelle", "intitule", "modele"})


def _refuse_field_line(field: re.Match[str], where: Source, errors: ErrorCollector) -> None:
    """A field line the header cannot read would end it: what follows would be published as text."""
    key, space = field.group("key"), field.group("space")
    from edcal.hints import INVISIBLE

    hidden = next(((i, c) for i, c in enumerate(key + space) if c in INVISIBLE), None)
    plain = "".join(c for c in key if c not in INVISIBLE)
    if hidden is not None:  # `Status\u00a0: draft` (a French keyboard's space before ':'), `Stat\u200bus:`
        index, char = hidden
        name = plain.strip()
        errors.add(Source(where.path, where.line, field.start("key") + index + 1),
                   say("found {what} (U+{code:04X}) in the header field '{name}'; expected '{name}:'",
                       what=INVISIBLE[char], code=ord(char), name=name),
                   say("write `{name}: …`, retyped without it (no space before the colon in a header line)",
                       name=name))
    elif field.group("colon") != ":":
        errors.add(Source(where.path, where.line, field.start("colon") + 1),
                   say("found a full-width colon '{colon}' after '{key}'; expected ':'",
                       colon=field.group("colon"), key=key),
                   say("write `{key}: …` with a plain colon", key=key.strip()))
    elif space and re.fullmatch(r"[A-Za-z0-9_-]+", key):
        hint = say("write `{key}: …` (no space before the colon in a header line); "
                   "leave a blank line between the header and the text", key=key)
        written = _english_field(key, field.string[field.end():].strip())
        if written is not None:  # `Statut : brouillon`: all it takes, said at once (it took three runs)
            hint = say("write `{written}` (no space before the colon, and the field's English name); leave a "
                       "blank line between the header and the text", written=written)
        errors.add(Source(where.path, where.line, field.end("key") + 1),
                   say("found '{key} :' in the header, with a space before ':'; expected '{key}:'", key=key),
                   hint)
    else:
        from edcal.load.articles import ArticleSpec
        from edcal.load.validate import suggest_field

        errors.add(Source(where.path, where.line, field.start("key") + 1),
                   say("found the header field '{key}', expected a name of letters a-z, digits, '_' and '-'",
                       key=key),
                   suggest_field(key, ArticleSpec.model_fields)
                   or say("header fields have English names (title, owner…); if this line is text, leave a "
                          "blank line between the header and the text"))


def _english_field(key: str, value: str) -> str | None:
    """``status: draft`` for a header line written ``Statut : brouillon``: the article field a French (or
    other) name means, with the status its value means; None for a name that is no known field's synonym
    (a site's own field, listed in EDCAL_EXTRA_METADATA, keeps its name)."""
    from edcal.load.articles import ArticleSpec
    from edcal.load.validate import VALUE_SYNONYMS, field_synonyms

    known = ArticleSpec.model_fields
    meant = next((name for name in field_synonyms(key) if name in known and name != key.lower()), None)
    if meant is None:
        return None
    if meant == "status":
        value = VALUE_SYNONYMS.get(value.lower(), value)
    return f"{meant}: {value}" if value else f"{meant}: …"


def _structured(name: str, parts: list[str], where: FieldLoc, path: str,
                errors: ErrorCollector) -> Any:
    """A ``Key: {flow: mapping}`` value, parsed as YAML at its own position."""
    text = "\n" * (where.value.line - 1) + " " * (where.value.column - 1) + " ".join(parts).lstrip(" ")
    try:
        return load_yaml(text, path)
    except InputErrors as exc:
        errors.extend(exc.errors)
        return None
