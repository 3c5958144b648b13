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
   ``http(s)://`` or not. As a port, a path and a query may each follow or not,
   the expression keeps the first way of reading each that it tries:
   ``:digits``, then ``/`` and the path, then ``?`` and the query's characters up
   to the last one a query may end with.
4. The path is ``/`` and parts, each ``general* (parens general*)* ending`` or
   ``parens`` (``valid_url_path_ending_chars`` is ``[…]|parens``, spliced into
   the path's expression unbracketed) or ``@general+/`` (never read: ``/`` is an
   ending character). ``parens``, ``(general+)`` or ``(general*(general+)general*)``,
   reads one way or none from a position, as ``(`` and ``)`` are no ``general``
   characters. So from the path's start a part reads the runs of ``general``
   characters between ``parens`` up to where none follows, then gives back up
   to the last ``ending`` character of those runs (not inside the ``parens``) if
   there is one; the parts that follow, having none left, are single ``parens``.
   The expression reads all the runs again for each of these parts (``(a)``
   repeated 1,300 times: 0.1 s, 3,200: 1.3 s); ``_Chunk.path_end`` reads them once.
5. Each match goes to ``_match_entities``, which does with it what
   ``extract_urls_with_indices`` does with each match (the domain's IDNA form, its
   length, a t.co slug, the character before a bare domain): the same URLs, at the
   same places. Its parts (the character before, the scheme, the domain) are where
   ``_Chunk.match`` found them: twitter-text's whole expression, and the module that
   compiles it on import, are not needed (each holds the 1,600 top-level domains:
   50–80 ms of compiling in every check). Its bare domains' expression is compiled
   for the first text that has one.

``tests/test_counting.py`` compares both on generated texts.
"""

from __future__ import annotations

import bisect
import functools
import re
import string
from types import SimpleNamespace
from typing import Any

from edcal.lazy_packages import submodule

#: ASCII characters that are not letters: no top-level domain holds one.
_ASCII_NON_LETTERS = r"\x00-\x40\x5b-\x60\x7b-\x7f"


def url_entities(text: str, with_bare_domains: bool = True,
                 domains_only: bool = False) -> list[dict[str, Any]]:
    """``twitter_text.extract_urls.extract_urls_with_indices(text, with_bare_domains)``, in linear time.

    ``domains_only``: each URL up to its domain, its port, path and query left unread (Mastodon reads
    them its own way), and the URLs that start in them found too.
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
    """The URLs in a chunk of 1,000 characters or more, remembered too (a text is read for each network and
    rule), but few of them: 4,096 chunks of 100 kB would hold 400 MB."""
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

    words = top_level_domains("valid_gtld") + top_level_domains("valid_cctld")
    longest = max(len(word) for word in words)
    general = source("valid_general_url_path_chars")
    return SimpleNamespace(
        invalid_bare_before=submodule("twitter_text", "regexp.invalid_url_without_protocol_preceding_chars")
        .invalid_url_without_protocol_preceding_chars,
        tco=submodule("twitter_text", "regexp.valid_tco_url").valid_tco_url,
        chunk=re.compile(f"[^{source('spaces_group')}]+"),
        before=re.compile(source("valid_url_preceding_chars"), re.I),
        protocol=re.compile(r"https?:\/\/", re.I),
        domain_char=re.compile(source("valid_domain_chars"), re.I),
        label=re.compile(f"(?:[_-]|{source('valid_domain_chars')})+", re.I),
        # What follows the domain: a port, a path (read by `_Chunk.path_end`: these are its parts), a query.
        port=re.compile(f":{source('valid_port_number')}", re.I),
        path_start=re.compile(f"(?::{source('valid_port_number')})?/", re.I),
        path_run=re.compile(f"{general}*", re.I),
        parens=re.compile(source("valid_url_balanced_parens"), re.I),
        # Read within a run of general characters (no parens): up to the last ending character.
        path_last_ending=re.compile(f"{general}*(?:{source('valid_url_path_ending_chars')})", re.I),
        query=re.compile(f"\\?{source('valid_url_query_chars')}*{source('valid_url_query_ending_chars')}",
                         re.I),
        tld_source=f"(?:{source('valid_gtld')}|{source('valid_cctld')}|{source('valid_punycode')})",
        # `_tld_length`'s ASCII words, what may not follow one, and the punycode tried after the words.
        ascii_tlds=frozenset(word.lower() for word in words if word.isascii()),
        tld_follower=re.compile("[0-9a-zA-Z@+-]", re.I),
        punycode=re.compile(source("valid_punycode"), re.I),
        # What `_tld_length` reads: a punycode run, or its longest word at most (up to an ASCII non-letter),
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
        #: The positions where the expression may match: the chunk's start, and the character before a
        #: scheme or before a label that a "." follows (a domain starts in one); the rest are skipped.
        self.tried = [0]
        for run in self.twitter.label.finditer(text):
            start, end = run.span()
            self.label_end[start:end] = [end] * (end - start)
            self.last_underscore[start:end] = [text.rfind("_", start, end)] * (end - start)
            if text.startswith(".", end):
                dots.append(end)
                self.tried += range(max(start - 1, 1), end - 1)
        self.tried += [scheme.start() - 1 for scheme in self.twitter.protocol.finditer(text)
                       if scheme.start() > 0]
        self.tried.sort()
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

    def match(self, position: int) -> tuple[int, int, int] | None:
        """Where the URL of the expression's match at ``position`` starts, where its domain starts and
        where it ends, or None if the expression fails there.

        The character at ``position`` precedes the URL, or (at the text's start only) the URL
        starts there; the URL is ``http(s)://`` and a domain, or a domain. Each is tried in the
        expression's order: the first that has a domain is its match.
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
                    return start, domain, end
        return None

    def entities(self, with_bare_domains: bool, domains_only: bool) -> tuple[tuple[int, int, str], ...]:
        """twitter-text's URLs in the chunk: start, end and its text for each (up to its domain only)."""
        found: list[tuple[int, int, str]] = []
        position = 0
        while position < len(self.text):
            match = self.match(position)
            if match is None:
                following = bisect.bisect_right(self.tried, position)
                position = self.tried[following] if following < len(self.tried) else len(self.text)
                continue
            url_start, domain_start, end = match
            head = self.text[position:end]
            if not domains_only:
                end = self.url_end(end)
            tail = self.text[position + len(head):end]
            # Only matches as short as twitter-text's longest URL are remembered: 1,024 of 100 kB, 100 MB.
            read = _match_entities if end - position <= _MAX_URL_LENGTH else _match_entities.__wrapped__
            found += [(position + start, position + stop, url) for start, stop, url in
                      read(head, tail, url_start - position, domain_start - position, with_bare_domains)]
            position = end
        return tuple(found)

    def url_end(self, domain_end: int) -> int:
        """Where the URL whose domain ends at ``domain_end`` ends: after its port, path and query if any."""
        text, end = self.text, domain_end
        port = self.twitter.port.match(text, end)
        end = port.end() if port else end
        if text.startswith("/", end):
            end = self.path_end(end + 1)
        query = self.twitter.query.match(text, end)
        return query.end() if query else end

    def path_end(self, start: int) -> int:
        """Where the path whose first part starts at ``start``, after its ``/``, ends (module's point 4)."""
        text, general, parens = self.text, self.twitter.path_run, self.twitter.parens
        end, run_start = start, start
        while True:  # the first part: up to the last ending character of the runs between parens
            run_end = general.match(text, run_start).end()
            ending = self.twitter.path_last_ending.match(text, run_start, run_end)
            end = ending.end() if ending else end
            read = parens.match(text, run_end)
            if read is None:
                break
            run_start = read.end()
        while (read := parens.match(text, end)) is not None:  # the parts that are parens
            end = read.end()
        return end


#: twitter-text's ``max_url_length``, ``default_protocol`` and ``max_tco_slug_length``
#: (``twitter_text.extract_urls``, which compiles its whole expression on import: tests/test_counting.py
#: keeps them equal).
_MAX_URL_LENGTH = 4096
_DEFAULT_PROTOCOL = "https://"
_MAX_TCO_SLUG_LENGTH = 40


#: What ends an address in a sentence beyond ASCII (spaces, typography): no top-level domain holds one,
#: case aside (tests/test_counting.py).
_AFTER_ADDRESS = frozenset("\u00a0\u202f\u2009\u2026\u00bb\u00ab\u2019\u201c\u201d\u2014\u2013")


@functools.lru_cache(maxsize=4096)
def _tld_length(head: str) -> int:
    """The length of the top-level domain starting ``head``, or 0 (hostile text repeats).

    What twitter-text's ``valid_gtld|valid_cctld|valid_punycode`` matches, case aside: its first word
    followed by no ``[0-9a-zA-Z@+-]`` (or by the end), else punycode. A head of ASCII letters followed by
    nothing, an ASCII character or one of ``_AFTER_ADDRESS`` (``fr``, ``com/``, ``org\u202f!``) is read with
    a set of the ASCII words: only the whole run of letters may be a word, as no other letter of a word
    matches an ASCII one, case aside (tests/test_counting.py). Another head (``中国``, ``vermögensberater``)
    is read with the expression, compiled for the first of them (its 1,600 words: 20–30 ms).
    """
    twitter = _twitter()
    letters = len(head) - len(head.lstrip(string.ascii_letters))
    if not letters and head[:1].isascii():  # nothing, a digit, a "." (`a..fr`): no word starts so
        return 0
    after = head[letters:letters + 1]
    if letters and (after.isascii() or after in _AFTER_ADDRESS):
        if not twitter.tld_follower.match(after) and head[:letters].lower() in twitter.ascii_tlds:
            return letters
        punycode = twitter.punycode.match(head)
        return punycode.end() if punycode else 0
    found = _tld_expression().match(head)
    return found.end() if found else 0


@functools.cache
def _tld_expression() -> re.Pattern[str]:
    """twitter-text's top-level domains, case aside."""
    return re.compile(_twitter().tld_source, re.I)


@functools.lru_cache(maxsize=1024)
def _match_entities(head: str, tail: str, url_start: int, domain_start: int,
                    with_bare_domains: bool) -> tuple[tuple[int, int, str], ...]:
    """twitter-text's URLs in one of its expression's matches (hostile text repeats): ``head`` up to the end
    of its domain, the URL starting at ``url_start`` (after the character before it, if any), its domain at
    ``domain_start`` (after its scheme, if any); ``tail`` its port, path and query.

    What ``extract_urls_with_indices`` does with each match of its expression, the expression
    read up to the domain only (``_Chunk.url_end`` reads the rest).
    """
    twitter = _twitter()
    before, protocol, domain = head[:url_start], head[url_start:domain_start], head[domain_start:]
    url = head[url_start:] + tail
    start, end = url_start, url_start + len(url)
    if not _is_valid_url(url, protocol or _DEFAULT_PROTOCOL, domain):
        return ()
    if not protocol:
        if not with_bare_domains or twitter.invalid_bare_before.match(before):
            return ()
        found = [(start + ascii_domain.start(), start + ascii_domain.end(), ascii_domain.group())
                 for ascii_domain in _ascii_domain().finditer(domain)]
        if found and twitter.path_start.match(tail):  # a path: the last one ends with the match
            found[-1] = (found[-1][0], end, url.replace(domain, found[-1][2]))
        return tuple(found)
    tco = twitter.tco.search(url)
    if tco:
        if tco.group(1) and len(tco.group(1)) > _MAX_TCO_SLUG_LENGTH:
            return ()
        url = tco.group()
        end = start + len(url)
    return ((start, end, url),)


def _is_valid_url(url: str, protocol: str, domain: str) -> bool:
    """twitter-text's ``is_valid_url``: a domain with an IDNA form, and the URL with its scheme (the default
    one for a bare domain) at most ``max_url_length`` long, its domain counted in that form."""
    try:
        punycode = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return bool(punycode) and len(protocol) + len(url) + len(punycode) - len(domain) <= _MAX_URL_LENGTH


@functools.cache
def _ascii_domain() -> re.Pattern[str]:
    """twitter-text's ASCII domains of a bare domain (it holds the top-level domains: 20–35 ms to compile,
    for the first text with a bare domain only)."""
    expression: re.Pattern[str] = submodule("twitter_text", "regexp.valid_ascii_domain").valid_ascii_domain
    return expression
