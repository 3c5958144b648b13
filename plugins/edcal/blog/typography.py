"""The writer's rendered HTML, finished for readers: French spacing, images that keep their room, and
tables and code that a keyboard can scroll.

French spacing: a no-break space where French typography puts a space.

Writers type "corrosion : l'entretien" with an ordinary space, which a
browser may break before the colon, leaving ":" at the start of a line. The
text of French pages gets U+00A0 there instead: before ``: ; ! ? »`` and
``%``, after ``«``, as the interface words get it (:func:`edcal.i18n.typeset`).
Only text is touched: not tags and their attributes (URLs), not code,
preformatted text, scripts or styles.
"""

from __future__ import annotations

import bisect
import posixpath
import re
import urllib.parse
from pathlib import Path

from edcal.i18n import FRENCH_SPACE as _FRENCH_SPACE
from edcal.imagesize import image_size

#: The whole of an element whose text is not prose, and its opening alone.
_RAW_OPENING = re.compile(r"<(pre|code|script|style|textarea|kbd|samp)\b", re.IGNORECASE)
_RAW_ELEMENT = re.compile(_RAW_OPENING.pattern + r".*?</\1\s*>", re.DOTALL | re.IGNORECASE)
#: What ends a tag or opens a quoted value, which a ``>`` inside does not end: ``title="a > b : c"``.
_TAG_MARK = re.compile(r"""[>"']""")


def french_html(html: str) -> str:
    """``html`` with French spacing in its text; markup and code unchanged."""
    candidates = [match.start() for match in _FRENCH_SPACE.finditer(html)]
    if not candidates:  # most paragraphs: nothing to do, one scan
        return html
    protected = _markup(html)
    starts = [start for start, _ in protected]
    chars = list(html)
    for position in candidates:
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < protected[index][1]:
            continue  # inside a tag, a comment or code
        chars[position] = "\u00a0"
    return "".join(chars)


def _markup(html: str) -> list[tuple[int, int]]:
    """Where the comments, tags and elements of code are in ``html``, as (start, end), in order.

    What ``<!--.*?-->|<(pre|…)\\b.*?</\\1\\s*>|<(?:[^>"']|"[^"]*"|'[^']*')*>`` finds, read in about linear
    time: that expression searched the rest of the text from each ``<`` that never closes (an article
    of 20,000 unclosed ``<pre `` took 40 s). Here an end found missing is not searched again.
    """
    found = []
    comments_close = True
    unclosed: set[str] = set()  # elements whose closing tag is nowhere after this point
    tag_ends = _TagEnds(html)
    start = html.find("<")
    while start >= 0:
        end = -1
        if html.startswith("<!--", start) and comments_close:
            close = html.find("-->", start + 4)
            comments_close = close >= 0
            end = close + 3 if close >= 0 else -1
        elif (opening := _RAW_OPENING.match(html, start)) and opening.group(1).lower() not in unclosed:
            element = _RAW_ELEMENT.match(html, start)
            if element is None:  # nor after any later opening of that name
                unclosed.add(opening.group(1).lower())
            end = element.end() if element else -1
        if end < 0:
            end = tag_ends.end(start + 1)
        if end >= 0:
            found.append((start, end))
        start = html.find("<", end if end >= 0 else start + 1)
    return found


class _TagEnds:
    """Where a tag that opens just before a position ends: at its first ``>`` outside quotes.

    The answer from each ``>``, ``"`` or ``'`` is kept: tags opened one after the other in a text that
    never closes them reach the same marks, which are then not read again.
    """

    def __init__(self, html: str) -> None:
        self.marks = [match.start() for match in _TAG_MARK.finditer(html)]
        self.quotes = {quote: [m for m in self.marks if html[m] == quote] for quote in "\"'"}
        self.html = html
        self.known: dict[int, int] = {}  # index in marks -> end of the tag, or -1: it never ends

    def end(self, position: int) -> int:
        """The end of the tag whose name or attributes start at ``position``, or -1."""
        index = bisect.bisect_left(self.marks, position)
        read = []
        while True:
            if index == len(self.marks):
                end = -1
                break
            if index in self.known:
                end = self.known[index]
                break
            read.append(index)
            mark = self.marks[index]
            if self.html[mark] == ">":
                end = mark + 1
                break
            same = self.quotes[self.html[mark]]
            closing = bisect.bisect_right(same, mark)
            if closing == len(same):
                end = -1  # a quote that never closes
                break
            index = bisect.bisect_right(self.marks, same[closing])
        for index in read:
            self.known[index] = end
        return end


#: An image in the text, and its source when it is a file of the content folder (``{static}/images/a.png``).
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r"""\ssrc\s*=\s*(["'])"""
                  r"""(?:\{(?:static|attach)\}|\|(?:static|attach)\|)(?P<path>[^"'?#]+)\1""", re.IGNORECASE)
_SIZED = re.compile(r"\s(?:width|height)\s*=", re.IGNORECASE)


def sized_images(html: str, content: Path, folder: str) -> str:
    """``<img>`` of the content folder's files get their ``width`` and ``height``, read from the file.

    The browser then keeps their room while they load: the page does not jump.
    :param folder: the article's folder in ``content``; a path without ``/`` is from there.
    """
    if "<img" not in html and "<IMG" not in html:
        return html

    def sized(match: re.Match[str]) -> str:
        tag = match.group(0)
        source = _SRC.search(tag)
        if source is None or _SIZED.search(tag):
            return tag
        path = urllib.parse.unquote(source.group("path"))
        relative = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
        size = image_size(content / posixpath.normpath(relative))
        if size is None:
            return tag
        end = -2 if tag.endswith("/>") else -1
        return f'{tag[:end].rstrip()} width="{size[0]}" height="{size[1]}"{tag[end:]}'

    # Up to the last ">": from each "<img" after it, the search read the rest of the text.
    end = html.rfind(">") + 1
    return _IMG.sub(sized, html[:end]) + html[end:]


#: The opening tag of a table or a block of code, which the stylesheet lets scroll sideways on a phone.
#: No ``<`` or ``>`` inside: a text of 40,000 unclosed ``<pre `` is read once, not to its end from each.
_SCROLLER = re.compile(r"""<(?:pre|table)\b(?:[^<>"']|"[^"<>]*"|'[^'<>]*')*>""", re.IGNORECASE)
_TABINDEX = re.compile(r"\stabindex\s*=", re.IGNORECASE)


def keyboard_scrollers(html: str) -> str:
    """``<pre>`` and ``<table>`` take the keyboard's focus (``tabindex="0"``), unless they say otherwise.

    A wide table or a long line of code scrolls sideways inside the text (``overflow-x: auto``);
    a keyboard scrolls only what has the focus, and neither has any by itself (WCAG 2.1.1).
    """
    if "<pre" not in html and "<table" not in html and "<PRE" not in html and "<TABLE" not in html:
        return html

    def focusable(match: re.Match[str]) -> str:
        tag = match.group(0)
        if _TABINDEX.search(tag):
            return tag
        end = -2 if tag.endswith("/>") else -1
        return f'{tag[:end].rstrip()} tabindex="0"{tag[end:]}'

    return _SCROLLER.sub(focusable, html)
