"""French spacing in rendered HTML: a no-break space where French typography puts a space.

Writers type "corrosion : l'entretien" with an ordinary space, which a
browser may break before the colon, leaving ":" at the start of a line. The
text of French pages gets U+00A0 there instead: before ``: ; ! ? »`` and
``%``, after ``«``, as the interface words get it (:func:`edcal.i18n.typeset`).
Only text is touched: not tags and their attributes (URLs), not code,
preformatted text, scripts or styles.
"""

from __future__ import annotations

import re

from edcal.i18n import typeset

#: A tag, a comment, or the whole of an element whose text is not prose.
_MARKUP = re.compile(r"<!--.*?-->|<(pre|code|script|style|textarea|kbd|samp)\b.*?</\1\s*>|<[^>]*>",
                     re.DOTALL | re.IGNORECASE)


def french_html(html: str) -> str:
    """``html`` with French spacing in its text; markup and code unchanged."""
    if " " not in html:
        return html
    parts = []
    position = 0
    for match in _MARKUP.finditer(html):
        parts.append(typeset(html[position:match.start()], "fr"))
        parts.append(match.group(0))
        position = match.end()
    parts.append(typeset(html[position:], "fr"))
    return "".join(parts)
