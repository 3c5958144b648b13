"""Bluesky's facets: where each link and hashtag of a post sits in its UTF-8 text.

A post sent through Bluesky's API links nothing by itself; the drafts' sidecars and the Bluesky export
carry these.
"""

from __future__ import annotations

from typing import Any

import regex

from edcal.model.network import Network
from edcal.model.plan import Item, Reply

#: Characters that end a word on Bluesky though they show nothing (soft hyphen, zero-width ones).
_UNSEEN = "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"
#: A hashtag as Bluesky's own parser reads one: after a space or at the start, up to the next space, with
#: a character that is neither a digit nor punctuation (#2027 is none); its final punctuation is not its.
_BLUESKY_TAG = regex.compile(rf"(?:^|(?<=\s))[#＃](?!\ufe0f)"
                             rf"([^\s{_UNSEEN}]*[^\d\s\p{{P}}{_UNSEEN}][^\s{_UNSEEN}]*)")
_TRAILING_PUNCTUATION = regex.compile(r"\p{P}+$")
#: Bluesky's longest tag, in characters.
_TAG_LIMIT = 64


def tag_starts(text: str) -> set[int]:
    """Where each hashtag Bluesky's app finds in ``text`` starts (``«#Salon»`` has none: the app wants a
    space or the start of the text before ``#``)."""
    return {found.start() for found in _BLUESKY_TAG.finditer(text)
            if (tag := _TRAILING_PUNCTUATION.sub("", found.group(1))) and len(tag) <= _TAG_LIMIT}


def facets(item: Item | Reply, network: Network) -> list[dict[str, Any]]:
    """Where each shortened link and each hashtag sits in the UTF-8 text, in order: Bluesky's facets.

    On a network with ``facets: true`` (Bluesky), a post sent through the API links nothing by itself:
    it needs a facet for each link (``uri``) and each hashtag (``tag``, without ``#``), found as
    Bluesky's own app finds them. Mentions would need the account's DID, which only its servers know.
    """
    text = item.text or ""
    spans: list[tuple[int, int, dict[str, str]]] = [(start, end, {"uri": url})
                                                    for start, end, url in item.link_spans()]
    if network.facets:
        links = [(start, end) for start, end, _ in spans]
        for found in _BLUESKY_TAG.finditer(text):
            tag = _TRAILING_PUNCTUATION.sub("", found.group(1))
            inside_a_link = any(start <= found.start() < end for start, end in links)  # a URL's #fragment
            if tag and len(tag) <= _TAG_LIMIT and not inside_a_link:
                spans.append((found.start(), found.start(1) + len(tag), {"tag": tag}))
    result = []
    for start, end, feature in sorted(spans, key=lambda span: span[0]):
        first = len(text[:start].encode("utf-8"))
        last = first + len(text[start:end].encode("utf-8"))
        result.append({"byteStart": first, "byteEnd": last, **feature})
    return result
