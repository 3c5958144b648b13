"""Markup that Python-Markdown would be very slow to convert (minutes): refused before it starts.

Python-Markdown reads some openings by scanning ahead for their end, from each
opening in turn; an opening never closed is scanned to the end, and many of them
make a time that grows with their square:

- a ``[`` (a link's or image's text) is paired with its ``]`` within its paragraph:
  20,000 unclosed ``[`` in one paragraph took 52 s, 150,000 about 48 minutes;
- a link's address, ``](``, with its ``)``: 10,000 ``![a](`` took 25 s;
- an HTML tag, ``<a`` or ``<http://…``, with a ``>`` anywhere after it (the
  HTML parser reads the whole text): 10,000 unclosed ``<a`` followed by 240 kB
  of text took 95 s.

Fenced code blocks are set apart first, as Markdown does.

The cost of each kind is counted here, in one pass, as the characters those scans
would read: in each paragraph for brackets (each item of a list, each row of a
table: Markdown reads each apart), in the whole text for tags. Above
about a second of conversion, the article is refused with the place of the first
opening that is never closed. Written text never comes near: a link closes a few
dozen characters after it opens. (Many paragraphs each a little slow make a slow
article, not a refused one: its time grows with its length only.)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from edcal.i18n import Message, say, say_count

#: Characters each scan may read before the article is refused (about a second of conversion on the
#: machine of docs/performance.md: Markdown reads brackets letter by letter in Python, the HTML parser
#: with regular expressions).
BRACKET_BUDGET = 4_000_000
ADDRESS_BUDGET = 10_000_000
TAG_BUDGET = 25_000_000

_PARAGRAPH_END = re.compile(r"\n(?:[ \t\r]*\n)+")
_LINE_END = re.compile(r"\n")
#: A line that opens a list's item, as Python-Markdown reads one: a sibling (up to 3 spaces) or a child
#: (4 to 7) of the item above. Deeper, or ``1)``, it is text of that item, read with it.
_ITEM = re.compile(r"^[ ]{0,7}(?:[*+-]|\d+\.)[ \t]+", re.MULTILINE)
#: A table's second line, below its header: ``|---|:--:|``.
_TABLE_RULE = re.compile(r"[ ]*[|:-][|:\- ]*\r?")
_BRACKET = re.compile(r"\\.|[\[\]]", re.DOTALL)
_PAREN = re.compile(r"\\.|\]\(|[()]", re.DOTALL)
#: An opening Python-Markdown's HTML parser reads up to a ``>``: a start tag or an autolink
#: (``<http://…``), by its first letter. An unclosed end tag (``</a``) is read once.
_TAG = re.compile(r"<[A-Za-z]")
FENCE_BUDGET = 10_000_000
#: A line that may open or close a fenced code block, as python-markdown's ``FENCED_BLOCK_RE`` reads them:
#: three backticks or tildes or more at the line's start; a closing one holds its fence alone.
_FENCE_LINE = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<rest>[^\n]*)$", re.MULTILINE)
#: What may follow an opening fence on its line: ``{attrs}``, or a language and ``hl_lines="…"`` (else the
#: line opens nothing).
_OPENING_REST = re.compile(r"[ ]*(?:\{[^\n]*\}|(?:\.?[\w#.+-]*[ ]*)?(?:hl_lines=([\"']).*?\1[ ]*)?)")


@dataclass(frozen=True, slots=True)
class SlowMarkup:
    """Where the markup begins that would make the conversion slow, and what to tell the writer."""

    offset: int
    message: Message
    hint: Message


def slow_markup(text: str) -> SlowMarkup | None:
    """The first kind of markup in ``text`` (an article's Markdown) that Markdown would be too slow on."""
    if len(text) < 2_000:  # fewer characters than any budget's square root: nothing to count
        return None
    if "```" in text or "~~~" in text:  # fenced code is set apart before Markdown reads anything else
        text, unclosed = without_fenced_code(text)
        if unclosed is not None:
            return unclosed
    return _brackets(text) or _addresses(text) or _tags(text)


def without_fenced_code(text: str) -> tuple[str, SlowMarkup | None]:
    """The text with its fenced code blocks blanked (lines and columns kept), and what to say when fences
    never closed would be too slow: Markdown's expression looks for each one's end to the end of the text
    (1,500 of them in 1.1 MB took it 86 s). A fence is closed by the first line holding the same fence alone,
    as that expression reads it; an unclosed one is text, and the next fence line may open a block."""
    lines = list(_FENCE_LINE.finditer(text))
    closings: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if not line.group("rest").strip(" "):
            closings.setdefault(line.group("fence"), []).append(index)
    blocks, unclosed, cost, index = [], [], 0, 0
    while index < len(lines):
        opening = lines[index]
        if not _OPENING_REST.fullmatch(opening.group("rest")):
            index += 1
            continue
        after = closings.get(opening.group("fence"), [])
        found = bisect.bisect_right(after, index)
        if found < len(after):
            blocks.append((opening.start(), lines[after[found]].end()))
            index = after[found] + 1
        else:
            unclosed.append(opening.start())
            cost += len(text) - opening.start()
            index += 1
    if cost > FENCE_BUDGET:
        return text, SlowMarkup(unclosed[0], say_count(
            len(unclosed),
            "found {count:,} code fence that no fence closes, expected the same fence alone on a later line: "
            "Markdown would be very slow to convert the article",
            "found {count:,} code fences that no fence closes, expected the same fence alone on a later line "
            "after each: Markdown would be very slow to convert the article"),
            say("close each code block with the fence that opens it (``` alone on its line)"))
    parts, position = [], 0
    for start, end in blocks:
        parts += [text[position:start], re.sub(r"[^\n]", " ", text[start:end])]
        position = end
    return "".join([*parts, text[position:]]), None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Where Markdown reads links in one text: each paragraph, but each item of a list and each row of a table
    (a price list of 600 rows like `| 0 à 10 kg | [0, 10[ |` converts in 0.07 s)."""
    spans, start = [], 0
    for match in _PARAGRAPH_END.finditer(text):
        spans += _texts(text, start, match.start())
        start = match.end()
    return spans + _texts(text, start, len(text))


def _texts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The texts Markdown reads apart in the block from ``start`` to ``end``, between blank lines."""
    if _ITEM.match(text, start) and text[start:start + 4] != "    ":  # a list: an item each
        starts = [match.start() for match in _ITEM.finditer(text, start, end)]
    elif _is_table(text, start, end):  # a row each
        starts = [start, *(match.end() for match in _LINE_END.finditer(text, start, end))]
    else:
        return [(start, end)]
    return list(zip(starts, [*starts[1:], end], strict=True))


def _is_table(text: str, start: int, end: int) -> bool:
    """Whether the block is a table to Python-Markdown: a header of two cells or more, a rule of as many."""
    header_end = text.find("\n", start, end)
    if header_end < 0:
        return False
    rule_end = text.find("\n", header_end + 1, end)
    header, rule = text[start:header_end], text[header_end + 1:end if rule_end < 0 else rule_end]
    if "-" not in rule or "|" not in rule or not _TABLE_RULE.fullmatch(rule):
        return False
    cells = len(_cells(header))
    return cells > 1 and cells == len(_cells(rule))


def _cells(row: str) -> list[str]:
    inner = row.strip(" \r")
    return inner.removeprefix("|").removesuffix("|").split("|")


def _worst_paragraph(text: str, marks: re.Pattern[str], opening: dict[str, bool], closing: str,
                     budget: int) -> tuple[int, int] | None:
    """The paragraph whose scans read more than ``budget`` characters, the most of all: how many of its
    openings no mark closes, and where the first is.

    :param opening: each opening mark, and whether its scan is counted (``(`` only pairs parentheses).
    """
    worst = (budget, 0, -1)
    for start, end in _paragraphs(text):
        cost, opened = 0, []
        for match in marks.finditer(text, start, end):
            mark = match.group(0)
            if mark in opening:
                opened.append((match.end() - 1, opening[mark]))
            elif mark == closing and opened:
                position, counted = opened.pop()
                if counted:
                    cost += match.start() - position
        unclosed = [position for position, counted in opened if counted]
        cost += sum(end - position for position in unclosed)
        if cost > worst[0] and unclosed:
            worst = (cost, len(unclosed), unclosed[0])
    return None if worst[2] < 0 else (worst[1], worst[2])


def _brackets(text: str) -> SlowMarkup | None:
    if text.count("[") * len(text) <= BRACKET_BUDGET:
        return None
    found = _worst_paragraph(text, _BRACKET, {"[": True}, "]", BRACKET_BUDGET)
    if found is None:
        return None
    return SlowMarkup(found[1], say_count(
        found[0],
        "found {count:,} '[' that no ']' closes in one paragraph, expected a ']' after it: Markdown would be "
        "very slow to convert the article",
        "found {count:,} '[' that no ']' closes in one paragraph, expected a ']' after each: Markdown would "
        "be very slow to convert the article"),
        say("close each link's text with ']', or write \\[ for a bracket that opens no link"))


def _addresses(text: str) -> SlowMarkup | None:
    if text.count("](") * len(text) <= ADDRESS_BUDGET:
        return None
    found = _worst_paragraph(text, _PAREN, {"](": True, "(": False}, ")", ADDRESS_BUDGET)
    if found is None:
        return None
    return SlowMarkup(found[1], say_count(
        found[0],
        "found {count:,} link address, after '](', that no ')' closes in one paragraph, expected a ')' after "
        "it: Markdown would be very slow to convert the article",
        "found {count:,} link addresses, after '](', that no ')' closes in one paragraph, expected a ')' "
        "after each: Markdown would be very slow to convert the article"),
        say("close each link's address with ')': [text](address)"))


def _tags(text: str) -> SlowMarkup | None:
    if text.count("<") * len(text) <= TAG_BUDGET:
        return None
    # A '>' ends every tag opened before it (the first one reads up to it, the others as its attributes):
    # only the openings after the last '>' are each read to the end.
    after = [match.start() for match in _TAG.finditer(text, text.rfind(">") + 1)]
    if sum(len(text) - position for position in after) <= TAG_BUDGET:
        return None
    return SlowMarkup(after[0], say_count(
        len(after),
        "found {count:,} '<' that opens an HTML tag with no '>' after it, expected a '>' closing it: "
        "Markdown would be very slow to convert the article",
        "found {count:,} '<' that open an HTML tag with no '>' after them, expected a '>' closing each: "
        "Markdown would be very slow to convert the article"),
        say("close each tag with '>', or write &lt; for a '<' that opens no tag"))
