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

from edcal.blog.imagesize import image_size
from edcal.i18n import FRENCH_SPACE as _FRENCH_SPACE

#: A tag, a comment, or the whole of an element whose text is not prose.
#: A tag skips its quoted attribute values whole: ``title="a > b : c"`` is no end of tag.
_MARKUP = re.compile(r"<!--.*?-->|<(pre|code|script|style|textarea|kbd|samp)\b.*?</\1\s*>"
                     r"""|<(?:[^>"']|"[^"]*"|'[^']*')*>""", re.DOTALL | re.IGNORECASE)


def french_html(html: str) -> str:
    """``html`` with French spacing in its text; markup and code unchanged."""
    candidates = [match.start() for match in _FRENCH_SPACE.finditer(html)]
    if not candidates:  # most paragraphs: nothing to do, one scan
        return html
    protected = [(match.start(), match.end()) for match in _MARKUP.finditer(html)]
    starts = [start for start, _ in protected]
    chars = list(html)
    for position in candidates:
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < protected[index][1]:
            continue  # inside a tag, a comment or code
        chars[position] = "\u00a0"
    return "".join(chars)


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

    return _IMG.sub(sized, html)


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
