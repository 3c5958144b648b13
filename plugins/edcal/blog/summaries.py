"""Pelican's summaries in a time that grows with the article, not with its square.

An article without ``summary:`` is summed up by Pelican (``Content.get_summary``)
as its first ``SUMMARY_MAX_LENGTH`` words, for the feeds and the theme's lists,
once per depth of page with relative URLs. Its ``truncate_html_words`` finds
where each piece of text starts by counting the lines of the whole article
from its first one: an article with fewer words than that and thousands of
lines took seconds per summary (2,500 empty code blocks 5 s, a table of
10,000 rows without words 2 minutes). The truncator below is Pelican's own,
counting on from the last line it found: the summaries are Pelican's, byte
for byte (``tests/test_summaries.py`` compares them with Pelican's own on
generated HTML and on the sample site).
"""

from __future__ import annotations

import functools
from typing import Any

#: The Pelican versions whose summaries these functions are known to reproduce: those pyproject.toml accepts.
PELICAN_VERSIONS = ((4, 12), (5,))


def install() -> bool:
    """Make Pelican's summaries use :func:`linear_truncator`; whether they do.

    For the whole process, as Pelican's own modules are: the summaries are
    the same, only their cost changes. Outside :data:`PELICAN_VERSIONS`, or
    when Pelican's truncator is not where it was, Pelican is left as it is.
    """
    from pelican import utils

    truncator = linear_truncator()
    if truncator is None:
        return False
    utils._HTMLWordTruncator = truncator
    return True


@functools.cache
def linear_truncator() -> type[Any] | None:
    """Pelican's ``_HTMLWordTruncator`` with a line-start lookup that remembers the last line found.

    None outside :data:`PELICAN_VERSIONS`. Pelican's own class is its base.
    """
    import pelican
    from pelican import utils

    original = getattr(utils, "_HTMLWordTruncator", None)
    if getattr(original, "counts_lines_on", False):
        return original  # installed already: the plugin registers again in a process that builds twice
    pinned = _pinned(str(getattr(pelican, "__version__", "")))
    if not pinned or not callable(getattr(original, "getoffset", None)):
        return None

    class LinearWordTruncator(original):  # type: ignore[misc, valid-type]  # found at run time
        """Where the parser stands in the HTML, found from the start of the last line it looked up."""

        counts_lines_on = True

        def __init__(self, max_words: int) -> None:
            super().__init__(max_words)
            #: The HTML searched, a line number in it, and where that line starts.
            self._last_line: tuple[str, int, int] = ("", 1, 0)

        def getoffset(self) -> int:
            lineno, line_offset = self.getpos()
            html, known, start = self._last_line
            if html is not self.rawdata or lineno < known:  # fed again: count from the start, as Pelican does
                html, known, start = self.rawdata, 1, 0
            for _ in range(lineno - known):
                start = html.index("\n", start) + 1
            self._last_line = (html, lineno, start)
            return start + line_offset

    return LinearWordTruncator


def _pinned(version: str) -> bool:
    """Whether ``version`` ("4.12.0") is one of :data:`PELICAN_VERSIONS`."""
    numbers: list[int] = []
    for part in version.split(".")[:2]:
        if not part.isdigit():
            return False
        numbers.append(int(part))
    low, high = PELICAN_VERSIONS
    return low <= tuple(numbers) < high

