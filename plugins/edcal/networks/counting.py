"""Count a post's text the way its network counts it.

One implementation for drafts, checks and plan.json. Each counting rule is a
function of the text alone; URL and mention adjustments come from the
network's data (``url_length``, ``mention_counting``), never from its id.

- ``twitter``: X's weighted length from twitter-text (URLs weigh 23 there).
- ``graphemes``: user-perceived characters (extended grapheme clusters).
- ``characters``: Unicode code points.
- ``utf16``: UTF-16 code units (TikTok).
- ``utf8-bytes``: UTF-8 bytes (YouTube descriptions, Bluesky's second limit).
- ``threads``: code points, except that each emoji counts its UTF-8 bytes.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import regex

from edcal.lazy_packages import submodule
from edcal.model.network import Network, TextLimit
from edcal.networks.mastodon_urls import mastodon_links
from edcal.networks.twitter_urls import url_entities

_GRAPHEME = regex.compile(r"\X")
#: A word holding ``http(s)://`` (tried from each word's start only: from every character, a long word
#: would be read again and again).
_SCHEME_WORD = re.compile(r"(?<!\S)\S*https?://\S*", re.IGNORECASE)
# A mention with a domain: @user@example.social
_REMOTE_MENTION = regex.compile(r"(?<![\w@])(@[\w.]+)@[\w-]+(?:\.[\w-]+)+", regex.UNICODE)
_LINE_ENDS = re.compile(r"\r\n|\r|\n")
#: Code points no emoji sequence can be made of alone: everything below U+203C but © and ®.
_EMOJI_FREE_CHARACTERS = "\x00-\xa8\xaa-\xad\xaf-\u203b"
_EMOJI_FREE = re.compile(f"[{_EMOJI_FREE_CHARACTERS}]*")
#: Code points that never join a neighbour in a grapheme cluster (no combining marks,
#: joiners, variation selectors, emoji, regional indicators, Hangul or Indic scripts).
_SINGLE_CLUSTERS = re.compile("[\n\r\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2027\u202f-\u205e\u20a0-\u20c0]*")
#: A grapheme that is an emoji: a pictograph or a flag, or a keycap (``1️⃣``: a digit, U+FE0F and U+20E3).
_EMOJI_GRAPHEME = regex.compile(r"^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})|\u20e3")


def count_twitter(text: str) -> int:
    """X's weighted length, as twitter-text's ``parse_tweet`` computes it.

    ``parse_tweet`` walks the normalised text: a URL or an emoji starting at a
    character weighs 23 or 2 and the walk resumes after its text (twitter-text's
    own, which for a bare domain with a path can be shorter than its span); any
    other character weighs what the configuration's ranges say. The same walk
    here takes the URLs from :mod:`edcal.networks.twitter_urls` (twitter-text's
    own extractor takes minutes on a few kB without spaces) and the emoji only
    where an emoji may be (``_emoji_spans``); ``tests/test_counting.py`` holds
    the two equal.
    """
    normalized = _LINE_ENDS.sub("\n", unicodedata.normalize("NFC", text))
    options = _twitter_options()
    entities: dict[int, tuple[int, int]] = {}  # start: (length, weight)
    for start, end in _emoji_spans(normalized):
        entities[start] = (end - start, options["default_weight"])
    for url in url_entities(normalized):  # a URL comes first where both start
        entities[url["indices"][0]] = (len(url["url"]), options["transformed_url_length"] * options["scale"])
    total = 0
    position = 0
    for start in sorted(entities):
        if start >= position:
            length, weight = entities[start]
            total += _weight(normalized[position:start]) + weight
            position = start + length
    total += _weight(normalized[position:])
    return int(total / options["scale"])


def _emoji_spans(text: str) -> list[tuple[int, int]]:
    """Where twitter-text's emoji expression matches, read only around the code points that may be emoji.

    A text made only of code points that cannot be part of an emoji (``_EMOJI_FREE``:
    Latin-1 letters, French punctuation such as ``’ « » … —``) holds none, without
    compiling the expression (0.65 s). Elsewhere the expression is an alternation of
    emoji sequences, which no code point outside them can stop in or start
    (``_emoji_runs``): it reads only the runs of those code points that are not emoji-free.
    """
    if _EMOJI_FREE.fullmatch(text):
        return []
    emoji = _twitter_part("regexp.emoji").emoji
    return [(found.start(), found.end()) for run in _emoji_runs().finditer(text)
            if not _EMOJI_FREE.fullmatch(run.group())
            for found in emoji.finditer(text, run.start(), run.end())]


@functools.cache
def _emoji_runs() -> re.Pattern[str]:
    """Runs of the code points in twitter-text's emoji: those not emoji-free, and the few emoji-free
    ones its sequences hold (digits, ``#``, ``*`` of keycaps, the zero-width joiner)."""
    pattern = _twitter_part("regexp.emoji").emoji.pattern
    written = {chr(int(code, 16)) for code in re.findall(r"\\U([0-9A-Fa-f]{8})", pattern)}
    inside = "".join(sorted(char for char in written if _EMOJI_FREE.fullmatch(char)))
    return re.compile(f"(?:[^{_EMOJI_FREE_CHARACTERS}]|[{re.escape(inside)}])+")


def _weight(text: str) -> int:
    """The summed twitter-text weights of ``text``: each range's weight, else the default weight."""
    ranges, default = _weight_classes()
    total = default * len(text)
    for pattern, weight in ranges:
        total += (weight - default) * len(pattern.findall(text))
    return total


@functools.cache
def _weight_classes() -> tuple[tuple[tuple[re.Pattern[str], int], ...], int]:
    """One character class per weight of twitter-text's configuration, and the default weight."""
    options = _twitter_options()
    by_weight: dict[int, list[str]] = {}
    for entry in options["ranges"]:
        by_weight.setdefault(int(entry["weight"]), []).append(
            f"{re.escape(chr(entry['start']))}-{re.escape(chr(entry['end']))}")
    classes = tuple((re.compile(f"[{''.join(parts)}]"), weight)
                    for weight, parts in sorted(by_weight.items()))
    return classes, int(options["default_weight"])


@functools.cache
def _twitter_options() -> dict[str, Any]:
    return dict(_twitter_part("config").config["defaults"])


def _twitter_part(name: str) -> ModuleType:
    """One module of twitter-text, without running the package's ``__init__`` yet.

    The package's ``__init__`` imports ``parse_tweet``, whose emoji expression
    takes 0.65 s to compile (1 s with its other imports), in every process.
    The fast path of ``count_twitter`` needs only the URL extractor and the
    configuration (:mod:`edcal.lazy_packages`).
    """
    return submodule("twitter_text", name)


def count_graphemes(text: str) -> int:
    """Extended grapheme clusters (the ``regex`` package's ``\\X``, current Unicode rules).

    Text made only of code points that always form a cluster of their own
    (``_SINGLE_CLUSTERS``: Latin letters and punctuation, French typography)
    has as many clusters as code points, bar CR LF pairs; ``tests/test_counting.py``
    holds the shortcut equal to ``\\X``.
    """
    if _SINGLE_CLUSTERS.fullmatch(text):
        return len(text) - text.count("\r\n")
    return len(_GRAPHEME.findall(text))


def count_characters(text: str) -> int:
    return len(text)


def count_utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def count_utf8_bytes(text: str) -> int:
    return len(text.encode("utf-8"))


def count_threads(text: str) -> int:
    total = 0
    for cluster in _GRAPHEME.findall(text):
        if _EMOJI_GRAPHEME.search(cluster):
            total += len(cluster.encode("utf-8"))
        else:
            total += len(cluster)
    return total


COUNTERS: dict[str, Callable[[str], int]] = {
    "twitter": count_twitter,
    "graphemes": count_graphemes,
    "characters": count_characters,
    "utf16": count_utf16,
    "utf8-bytes": count_utf8_bytes,
    "threads": count_threads,
}

#: What each rule is called in drafts' sidecars and messages.
#: Mastodon's counting in words: graphemes, each URL as 23, whatever its length.
GRAPHEMES_WITH_URLS = "grapheme clusters (user-perceived characters; each URL counts 23)"

RULE_DESCRIPTIONS = {
    "twitter": "weighted characters (twitter-text v3; each URL counts 23)",
    "graphemes": "grapheme clusters (user-perceived characters)",
    "characters": "Unicode characters (code points)",
    "utf16": "UTF-16 code units",
    "utf8-bytes": "UTF-8 bytes",
    "threads": "characters, emojis counting their UTF-8 bytes",
}


def counting_description(counting: str, network: Network | None = None) -> str:
    """How a length is counted, in words: Mastodon's graphemes say that each URL counts 23 (a reader counting
    a text with a tracked link found 80 where edcal said 57)."""
    if network is not None and counting == "graphemes" and network.url_length == 23:
        return GRAPHEMES_WITH_URLS
    return RULE_DESCRIPTIONS.get(counting, counting)


@dataclass(frozen=True, slots=True)
class Measure:
    """A text's length under one of its network's limits."""

    counting: str
    length: int
    limit: int

    @property
    def fits(self) -> bool:
        return self.length <= self.limit

    @property
    def over(self) -> int:
        return max(0, self.length - self.limit)


def normalize(text: str) -> str:
    """NFC, as networks normalise before counting (X does, explicitly)."""
    return unicodedata.normalize("NFC", text)


def _as_counted(text: str, network: Network, counting: str) -> str:
    """The text with URLs and mentions replaced by what the network charges for them."""
    if network.mention_counting == "local-part":
        text = _REMOTE_MENTION.sub(lambda m: m.group(1), text)
    if network.url_length is not None and counting != "twitter" and "://" in text:
        # twitter-text already weighs every URL (bare domains too) as 23.
        text = _links_as(text, network.url_length)
    return text


def _links_as(text: str, length: int) -> str:
    """Each ``http(s)://`` link as ``length`` characters, the links being those Mastodon finds: its
    servers use twitter-text's URL expression (scheme required), which knows top-level domains, with their
    own path and query (:mod:`edcal.networks.mastodon_urls`: ``…/x»`` is one link there).
    ``https://intranet.local/…``, ``.example`` or an IP address is no link there: it counts whole.
    """
    parts = []
    position = 0
    for start, end in mastodon_links(text):
        parts += [text[position:start], "x" * length]
        position = end
    if not parts:
        return text
    parts.append(text[position:])
    return "".join(parts)


def unlinked_addresses(text: str) -> list[str]:
    """The ``http(s)://`` addresses of ``text`` in which twitter-text finds no link (a top-level domain
    it does not know: ``.example``, ``.local``, an IP address): X counts them in full, not as 23."""
    text = normalize(text)
    if "://" not in text:
        return []
    links = sorted(tuple(link["indices"]) for link in url_entities(text, with_bare_domains=False))
    starts = [begin for begin, _end in links]
    found = []
    for candidate in _SCHEME_WORD.finditer(text):
        word = candidate.group(0)
        scheme = word.lower().find("http")
        at = candidate.start() + scheme
        before = bisect.bisect_right(starts, at) - 1  # the last link starting at or before it (none overlap)
        if before < 0 or at >= links[before][1]:
            found.append(word[scheme:].rstrip(".,;:!?)»”’'\""))
    return found


def measure(text: str, network: Network, limit: TextLimit | None = None) -> Measure:
    """The length of ``text`` under one limit (the network's primary limit by default)."""
    limit = limit or network.limit
    counted = _as_counted(normalize(text), network, limit.counting)
    return Measure(limit.counting, COUNTERS[limit.counting](counted), limit.max)


def measure_all(text: str, network: Network) -> list[Measure]:
    """The length of ``text`` under every limit of the network (Bluesky has two)."""
    return [measure(text, network, lim) for lim in network.limits]
