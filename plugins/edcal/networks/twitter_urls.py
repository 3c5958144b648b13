"""The URLs twitter-text finds in a text, found in time linear in the text.

``extract_urls_with_indices`` tries one expression (``twitter_text.regexp.extract_url``)
at every position of the text. From a position where a domain may start, the
expression reads every ``label.`` that follows, tries some 1,600 top-level domains
after each, then gives up and starts again one character further: a few kB without
a space (backticks, accented letters, ``a.a.a…``) take seconds to minutes.
:func:`url_entities` returns exactly what it returns, from what that expression is:

1. No part of a URL holds one of twitter-text's spaces: the matches are those of
   each space-free chunk, read with the space before it (which may precede a URL).
2. The domain is ``subdomain* domain_name tld``: labels, each up to the next ``.``,
   the last one without ``_``, then a top-level domain. The labels after a position
   are fixed, and the greedy expression keeps the farthest ending it can reach:
   ``_Chunk`` computes that ending for every position, reading each label once.
3. So the expression matches at a position exactly when the character there may
   precede a URL (or it is the chunk's start) and a domain follows, after
   ``http(s)://`` or not. The match ends with its domain unless a port, path or
   query follows (``:``, ``/``, ``?``); then the expression itself finds its end,
   reading the path once, as the next match starts after it.
4. Each match, followed by a space (which ends it as what followed did), goes to
   ``extract_urls_with_indices`` alone, which checks it as it would in the whole
   text (the domain's IDNA form, a t.co slug, the character before a bare domain):
   the same URLs, at the same places.

``tests/test_counting.py`` compares both on generated texts.
"""

from __future__ import annotations

import functools
import re
from types import SimpleNamespace
from typing import Any

from edcal.lazy_packages import submodule

#: ASCII characters that are not letters: no top-level domain holds one.
_ASCII_NON_LETTERS = r"\x00-\x40\x5b-\x60\x7b-\x7f"


def url_entities(text: str, with_bare_domains: bool = True,
                 domains_only: bool = False) -> list[dict[str, Any]]:
    """``twitter_text.extract_urls.extract_urls_with_indices(text, with_bare_domains)``, in linear time.

    ``domains_only``: each URL up to its domain, its port, path and query left unread (Mastodon reads
    them its own way; twitter-text's path, tried on ``(a)`` repeated, takes time growing with its square),
    and the URLs that start in them found too.
    """
    found = []
    for chunk in _twitter().chunk.finditer(text):
        # A domain has a ".", a scheme "://"; the space before a chunk may precede a URL.
        if "." in chunk.group() and (with_bare_domains or "://" in chunk.group()):
            offset = max(chunk.start() - 1, 0)
            read = _chunk_entities if chunk.end() - offset < 1000 else _long_chunk_entities
            found += [{"url": url, "indices": [offset + start, offset + end]}
                      for start, end, url in read(text[offset:chunk.end()], with_bare_domains, domains_only)]
    return found


@functools.lru_cache(maxsize=4096)
def _chunk_entities(chunk: str, with_bare_domains: bool,
                    domains_only: bool) -> tuple[tuple[int, int, str], ...]:
    """The URLs in a chunk, remembered: an article's link recurs in many posts, and a text is read for each
    of its networks and rules."""
    return _Chunk(chunk).entities(with_bare_domains, domains_only)


@functools.lru_cache(maxsize=64)
def _long_chunk_entities(chunk: str, with_bare_domains: bool,
                         domains_only: bool) -> tuple[tuple[int, int, str], ...]:
    """The URLs in a chunk of 1,000 characters or more, remembered too (a path of brackets takes 0.1 s a URL
    to read, for each network and rule), but few of them: 4,096 chunks of 100 kB would hold 400 MB."""
    return _Chunk(chunk).entities(with_bare_domains, domains_only)


@functools.cache
def _twitter() -> SimpleNamespace:
    """twitter-text's URL expression and extractor, and the parts of the expression ``_Chunk`` reads.

    The expression is case-insensitive: so is each part here.
    """
    def source(name: str) -> str:
        expression = getattr(submodule("twitter_text", f"regexp.{name}"), name)
        return str(getattr(expression, "pattern", expression))  # spaces_group is a string

    def top_level_domains(name: str) -> list[str]:
        words = re.fullmatch(r"\(\?:\(\?:(.*)\)\(\?=\[\^0-9a-zA-Z@\+-\]\|\$\)\)", source(name), re.S)
        if words is None or re.search(f"[{_ASCII_NON_LETTERS}]", words.group(1).replace("|", "")):
            raise RuntimeError(f"twitter-text's {name} is no longer a list of words of letters")
        return words.group(1).split("|")

    longest = max(len(word) for name in ("valid_gtld", "valid_cctld") for word in top_level_domains(name))
    return SimpleNamespace(
        url=submodule("twitter_text", "regexp.extract_url").extract_url,
        extract=submodule("twitter_text", "extract_urls").extract_urls_with_indices,
        chunk=re.compile(f"[^{source('spaces_group')}]+"),
        before=re.compile(source("valid_url_preceding_chars"), re.I),
        protocol=re.compile(r"https?:\/\/", re.I),
        domain_char=re.compile(source("valid_domain_chars"), re.I),
        label=re.compile(f"(?:[_-]|{source('valid_domain_chars')})+", re.I),
        # Every character a URL's port, path or query may hold, one at a time (linear): where the match of a
        # URL too long to be one ends, at most.
        url_run=re.compile(f"(?:{source('valid_general_url_path_chars')}|{source('valid_url_query_chars')}"
                           r"|[()?:\d])*", re.I),
        tld=re.compile(f"(?:{source('valid_gtld')}|{source('valid_cctld')}|{source('valid_punycode')})",
                       re.I),
        # What `tld` reads: a punycode run, or its longest word at most (up to an ASCII non-letter),
        # then one character: the text it matches (or not) at a position, whatever follows.
        tld_head=re.compile(rf"xn--[\-0-9a-z]*.?|[^{_ASCII_NON_LETTERS}]{{0,{longest}}}.?", re.I | re.S),
    )


class _Chunk:
    """A text without twitter-text's spaces (but the one before it), and its URL expression's matches."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.twitter = _twitter()
        size = len(text)
        #: For each position in a run of label characters: the run's end and its last "_".
        self.label_end = [-1] * size
        self.last_underscore = [-1] * size
        dots = []
        for run in self.twitter.label.finditer(text):
            start, end = run.span()
            self.label_end[start:end] = [end] * (end - start)
            self.last_underscore[start:end] = [text.rfind("_", start, end)] * (end - start)
            if text.startswith(".", end):
                dots.append(end)
        #: For each "." ending a label: where the domain starting after it ends, or None; right to
        #: left, as each is the next one's or its own.
        self.after_dot: dict[int, int | None] = {}
        for dot in reversed(dots):
            self.after_dot[dot] = self.domain_end(dot + 1)

    def domain_end(self, start: int) -> int | None:
        """Where the expression's domain starting at ``start`` ends, or None if there is none there.

        Its first label is a subdomain (a domain character at both ends, ``_`` or ``-`` inside,
        then a ``.``). The greedy expression takes the domain starting after that ``.`` (more
        subdomains) if there is one, else this label as the domain name (without ``_``) if a
        top-level domain follows.
        """
        text, end = self.text, self.label_end[start] if start < len(self.text) else -1
        if (end not in self.after_dot or not self.twitter.domain_char.match(text, start)
                or not self.twitter.domain_char.match(text, end - 1)):
            return None
        farther = self.after_dot[end]
        if farther is not None or start <= self.last_underscore[start]:
            return farther
        length = _tld_length(self.twitter.tld_head.match(text, end + 1).group())
        return end + 1 + length if length else None

    def match_end(self, position: int) -> int | None:
        """Where the domain of the expression's match at ``position`` ends, or None if it fails there.

        The character at ``position`` precedes the URL, or (at the text's start only) the URL
        starts there; the URL is ``http(s)://`` and a domain, or a domain.
        """
        starts = []
        before = self.twitter.before.match(self.text, position)
        if before and before.end() > position:
            starts.append(position + 1)
        if position == 0:
            starts.append(0)
        for start in starts:
            protocol = self.twitter.protocol.match(self.text, start)
            for domain in ([protocol.end()] if protocol else []) + [start]:
                end = self.domain_end(domain)
                if end is not None:
                    return end
        return None

    def entities(self, with_bare_domains: bool, domains_only: bool) -> tuple[tuple[int, int, str], ...]:
        """twitter-text's URLs in the chunk: start, end and its text for each (up to its domain only)."""
        found: list[tuple[int, int, str]] = []
        position = 0
        while position < len(self.text):
            end = self.match_end(position)
            if end is None:
                position += 1
                continue
            # a port, path or query may follow
            if not domains_only and self.text[end:end + 1] in (":", "/", "?"):
                # Read within a window: the expression's path takes time growing with its square on
                # `(a)(a)…` (100 kB: minutes); twitter-text takes no URL over 4,096 characters.
                match = self.twitter.url.match(self.text, position, position + _WINDOW)
                assert match is not None  # it matches where a domain follows
                end = match.end()
                if end >= position + _WINDOW - _WINDOW_EDGE:  # no URL: read on to where its characters end
                    run = self.twitter.url_run.match(self.text, end)
                    position = run.end() if run is not None else end
                    continue
            match_text = self.text[position:end] + " "
            found += [(position + start, position + stop, url)
                      for start, stop, url in _match_entities(match_text, with_bare_domains)]
            position = end
        return tuple(found)


#: How far a URL's port, path and query are read: twitter-text's longest URL (``max_url_length``, 4,096
#: characters) and a margin; on ``(a)(a)…`` a window takes 0.1 s. A match that reaches the window's last
#: ``_WINDOW_EDGE`` characters is longer than any URL twitter-text takes: it finds none there, and goes on
#: after the characters a URL may hold. One that ends before them is the URL twitter-text finds, but where
#: more than 4 kB of characters a URL may hold follow it without a space (a path of `!` or `,`, which no
#: URL ends with, then a letter): twitter-text may read them all into a URL too long to be one.
_WINDOW = 4096 + 128
_WINDOW_EDGE = 64


@functools.lru_cache(maxsize=4096)
def _tld_length(head: str) -> int:
    """The length of the top-level domain starting ``head``, or 0 (20 µs a try; hostile text repeats)."""
    found = _twitter().tld.match(head)
    return found.end() if found else 0


@functools.lru_cache(maxsize=1024)
def _match_entities(match: str, with_bare_domains: bool) -> tuple[tuple[int, int, str], ...]:
    """twitter-text's URLs in one of its expression's matches (hostile text repeats)."""
    return tuple((entity["indices"][0], entity["indices"][1], entity["url"])
                 for entity in _twitter().extract(match, with_bare_domains))
