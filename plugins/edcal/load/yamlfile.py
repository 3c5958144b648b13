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

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from edcal.errors import ErrorCollector, InputError, InputErrors
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
_SCALAR_TAGS = {f"{_CORE_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_NULL_TAG = f"{_CORE_TAG}null"
_MERGE_TAG = f"{_CORE_TAG}merge"
_SEQ_TAG = f"{_CORE_TAG}seq"
_MAP_TAG = f"{_CORE_TAG}map"


@dataclass(frozen=True, slots=True)
class FieldLoc:
    """Where one key of a mapping and its value are written."""

    key: Source
    value: Source
    #: For a sequence value: where each element is written.
    items: tuple[Source, ...] = ()


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
        if found and index < len(found.items):
            return found.items[index]
        return self.value(name)


def _source(path: str, mark: Any) -> Source:
    return Source(path, mark.line + 1, mark.column + 1)


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is tolerated), or a located error on the first bad byte."""
    if len(data) > MAX_FILE_BYTES:
        raise InputErrors(
            [
                InputError(
                    Source(path, 1, 1),
                    f"file is {len(data):,} bytes, more than the {MAX_FILE_BYTES:,} bytes allowed",
                    "split it into calendar.d/*.yaml files",
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InputErrors(
            [
                InputError(
                    Source(path, line, column),
                    f"byte 0x{data[exc.start]:02x} is not valid UTF-8; expected UTF-8 text",
                    "save the file as UTF-8 in your editor",
                )
            ]
        ) from None


def load_yaml(text: str, path: str) -> Any:
    """Parse one YAML document into plain values located by ``__loc__`` entries.

    :param text: the document.
    :param path: the file's path relative to the site root, for messages.
    :raises InputErrors: on a syntax error or a construct we refuse.
    """
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or "invalid YAML"
        # An unclosed quote or bracket is best shown where it was opened.
        opened = exc.context_mark is not None and "end of stream" in problem
        mark = exc.context_mark if opened else (exc.problem_mark or exc.context_mark)
        source = _source(path, mark) if mark else Source(path, 1, 1)
        context = f" ({exc.context})" if exc.context else ""
        hint = _syntax_hint(problem)
        if opened:
            hint = "this quote or bracket is never closed"
        unclosed = _unclosed_quote_line(text, source.line)
        if unclosed is not None and unclosed[0] < source.line:
            # A quote left open swallows the lines after it; the parser fails far below.
            message = (f"invalid YAML: this line opens a quote that it does not close "
                       f"(the parser stopped at line {source.line}: {problem})")
            source = Source(path, unclosed[0], unclosed[1])
            hint = "close the quote on the same line, or use `|` for text on several lines"
            raise InputErrors([InputError(source, message, hint)]) from None
        raise InputErrors([InputError(source, f"invalid YAML: {problem}{context}", hint)]) from None
    except yaml.YAMLError as exc:  # e.g. a reader error on control characters
        raise InputErrors([InputError(Source(path, 1, 1), f"invalid YAML: {exc}")]) from None
    except RecursionError:
        raise InputErrors(
            [InputError(Source(path, 1, 1), f"YAML nested deeper than {MAX_DEPTH} levels")]
        ) from None
    if root is None:
        return None
    constructor = _Constructor(path)
    value = constructor.construct(root, 0)
    constructor.errors.raise_if_any()
    return value


def _unclosed_quote_line(text: str, before: int) -> tuple[int, int] | None:
    """The first line before ``before`` whose value opens a quote it does not close."""
    for number, line in enumerate(text.splitlines()[: before - 1], start=1):
        match = re.match(r"^\s*(?:-\s+)?(?:[^\s#'\"][^:#]*:\s+)?(?P<quote>[\"'])(?P<rest>.*)$", line)
        if not match:
            continue
        quote, rest = match.group("quote"), match.group("rest")
        body = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in body:
            return number, match.start("quote") + 1
    return None


def _syntax_hint(problem: str) -> str | None:
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. text: \"Salon : J-7\""
    if "found character '\\t'" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in problem:
        return "check the indentation of this line and of the one above"
    return None


class _Constructor:
    def __init__(self, path: str) -> None:
        self.path = path
        self.errors = ErrorCollector()
        self.expanded = 0
        # Aliased nodes are constructed once and shared, like PyYAML does.
        self.memo: dict[int, tuple[Any, int]] = {}
        self.active: set[int] = set()

    def construct(self, node: yaml.Node, depth: int) -> Any:
        value, _ = self._construct(node, depth)
        return value

    def _construct(self, node: yaml.Node, depth: int) -> tuple[Any, int]:
        """Return the value and the number of values it expands to."""
        key = id(node)
        if key in self.memo:
            value, size = self.memo[key]
            self._count(size, node)
            return value, size
        if key in self.active:
            self._fail(node, "a YAML alias refers to itself", "remove the recursive alias")
        if depth > MAX_DEPTH:
            self._fail(node, f"YAML nested deeper than {MAX_DEPTH} levels", None)
        self.active.add(key)
        try:
            if isinstance(node, yaml.ScalarNode):
                value, size = self._scalar(node), 1
                self._count(1, node)
            elif isinstance(node, yaml.SequenceNode):
                value, size = self._sequence(node, depth)
            elif isinstance(node, yaml.MappingNode):
                value, size = self._mapping(node, depth)
            else:  # pragma: no cover - the composer makes only these three
                self._fail(node, "unsupported YAML node", None)
        finally:
            self.active.discard(key)
        self.memo[key] = (value, size)
        return value, size

    def _count(self, size: int, node: yaml.Node) -> None:
        self.expanded += size
        if self.expanded > MAX_EXPANDED_VALUES:
            self._fail(
                node,
                f"the YAML expands to more than {MAX_EXPANDED_VALUES:,} values through aliases",
                "aliases (*name) that repeat anchors many times look like an alias bomb",
            )

    def _fail(self, node: yaml.Node, message: str, hint: str | None) -> None:
        self.errors.add(_source(self.path, node.start_mark), message, hint)
        raise InputErrors(self.errors.errors)

    def _check_tag(self, node: yaml.Node, allowed: set[str]) -> None:
        if node.tag not in allowed:
            self._fail(
                node,
                f"YAML tag '{node.tag}' is not allowed",
                "remove the tag: edcal reads plain YAML values only",
            )

    def _scalar(self, node: yaml.ScalarNode) -> str | None:
        self._check_tag(node, _SCALAR_TAGS)
        # An empty or "null"/"~" plain scalar means "no value"; quoted text stays text.
        # (libyaml reports the plain style as '', the pure-Python parser as None.)
        if node.tag == _NULL_TAG and not node.style:
            return None
        return str(node.value)

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> tuple[list[Any], int]:
        self._check_tag(node, {_SEQ_TAG})
        values: list[Any] = []
        total = 1
        for child in node.value:
            value, size = self._construct(child, depth + 1)
            values.append(value)
            total += size
        self._count(1, node)
        return values, total

    def _mapping(self, node: yaml.MappingNode, depth: int) -> tuple[dict[str, Any], int]:
        self._check_tag(node, {_MAP_TAG})
        result: dict[str, Any] = {}
        fields: dict[str, FieldLoc] = {}
        total = 1
        merged: dict[str, Any] = {}
        merged_fields: dict[str, FieldLoc] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                value, size = self._construct(value_node, depth + 1)
                total += size
                sources = value if isinstance(value, list) else [value]
                for merged_map in sources:
                    if not isinstance(merged_map, dict):
                        self._fail(value_node, "'<<' merges mappings only", None)
                    for k, v in merged_map.items():
                        if k != LOC_KEY and k not in merged:
                            merged[k] = v
                            merged_fields[k] = merged_map[LOC_KEY].fields[k]
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail(key_node, "a mapping key must be plain text", None)
            self._check_tag(key_node, _SCALAR_TAGS)
            name = str(key_node.value)
            if name in fields:
                first = fields[name].key
                self.errors.add(
                    _source(self.path, key_node.start_mark),
                    f"duplicate key '{name}' (first defined at line {first.line})",
                    "each key may appear once in a mapping; remove or rename one of them",
                )
                continue
            value, size = self._construct(value_node, depth + 1)
            total += size
            items: tuple[Source, ...] = ()
            if isinstance(value_node, yaml.SequenceNode):
                items = tuple(_source(self.path, c.start_mark) for c in value_node.value)
            fields[name] = FieldLoc(
                _source(self.path, key_node.start_mark),
                _source(self.path, value_node.start_mark),
                items,
            )
            result[name] = value
        for k, v in merged.items():  # explicit keys win over merged ones
            if k not in result:
                result[k] = v
                fields[k] = merged_fields[k]
        result[LOC_KEY] = Loc(_source(self.path, node.start_mark), fields)
        self._count(1, node)
        return result, total


def strip_locs(value: Any) -> Any:
    """The same data without ``__loc__`` entries (for tests and JSON dumps)."""
    if isinstance(value, dict):
        return {k: strip_locs(v) for k, v in value.items() if k != LOC_KEY}
    if isinstance(value, list):
        return [strip_locs(v) for v in value]
    return value
