"""The links Mastodon's servers find in a text, found in time linear in the text.

Mastodon finds links with twitter-text's URL expression (scheme required: ``extract_url_without_protocol:
false``, in its status formatter and its length validator alike), which its
``config/initializers/twitter_regex.rb`` changes after the domain:

- a path (after ``/``) takes any character but spaces (Unicode's White_Space) and ``<>()?``, and balanced
  parentheses; it ends on any of those but ``!*"'「」;:=,.$%[]~&|@``, or on parentheses twitter-text's
  own expression balances (its narrower characters inside): ``https://exemple.fr/x»`` links the ``»``,
  ``…/x…`` the ``…``;
- a query (after ``?``) takes ``a-z0-9!?*'();:&=+$/%#[]-_.,~|@^`` and every character from U+00A0 on, and
  ends on ``a-z0-9_&=#/-`` or one of those: ``?utm_campaign=salon\\u00a0!`` links the no-break space that
  French typography puts before ``!``, ``…\\u00a0»`` the guillemet too.

Its scheme is ``http``, ``https``, ``dat``, ``dweb``, ``ipfs``, ``ipns``, ``ssb``, ``gopher`` or ``gemini``
(``gemini://exemple.fr/a`` is a link, counted 23 characters as any other; ``ftp://`` is none). Its formatter
links ``xmpp:`` and ``magnet:`` addresses too (``valid_extended_uri``), which are none here: its length
validator counts only these links (``extract_urls_with_indices``) 23 characters, those in full. Where a link
starts and its domain are twitter-text's (:func:`~edcal.networks.twitter_urls.url_entities`, read as if each
of those schemes were ``http``);
its end is read here by hand, each character once. ``tests/test_mastodon_links.py`` holds what Mastodon's
Ruby finds in some seventy texts.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from edcal.lazy_packages import submodule
from edcal.networks.twitter_urls import url_entities

#: Unicode's White_Space, Ruby's ``\p{White_Space}``.
_WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: A run of path characters (Mastodon's ``valid_general_url_path_chars``).
_PATH_RUN = re.compile(f"[^{_WHITE_SPACE}<>()?]*")
#: Path characters a path does not end on (outside Mastodon's ``valid_url_path_ending_chars``).
_NOT_PATH_ENDING = frozenset("!*\"'「」;:=,.$%[]~&|@")
#: Mastodon's UCHARS: what a query takes beyond ASCII.
_UCHARS = ("\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U0001fffd\U00020000-\U0002fffd"
           "\U00030000-\U0003fffd\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd"
           "\U00070000-\U0007fffd\U00080000-\U0008fffd\U00090000-\U0009fffd\U000a0000-\U000afffd"
           "\U000b0000-\U000bfffd\U000c0000-\U000cfffd\U000d0000-\U000dfffd\U000e1000-\U000efffd"
           "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd")
#: A run of query characters, and the characters a query ends on.
_QUERY_RUN = re.compile(rf"[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@^{_UCHARS}]*", re.IGNORECASE)
_QUERY_ENDING = re.compile(rf"[a-z0-9_&=#/\-{_UCHARS}]", re.IGNORECASE)
_PORT = re.compile(r":[0-9]+")
#: The schemes Mastodon links that twitter-text does not (its initializer's ``valid_url``).
OTHER_SCHEMES = ("dat", "dweb", "ipfs", "ipns", "ssb", "gopher", "gemini")
_OTHER_SCHEMES = re.compile(f"(?:{'|'.join(OTHER_SCHEMES)})(?=://)", re.IGNORECASE)
_MAX_URL_LENGTH = 4096
#: The longest scheme of a link: ``gopher``, ``gemini``.
_LONGEST_SCHEME = max(len(scheme) for scheme in ("https", *OTHER_SCHEMES))


def scheme_matches(expression: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``expression.finditer(text)`` for an expression whose matches start with ``http(s)`` or one of
    OTHER_SCHEMES, then ``://``: tried only on the few characters before each ``://`` (tried from every
    character of each post's text, such an expression, case-insensitive, took 20–100 µs a text)."""
    read = 0
    colon = text.find("://")
    while colon >= 0:
        found = next((match for start in range(max(read, colon - _LONGEST_SCHEME), colon)
                      if (match := expression.match(text, start))), None)
        if found is not None:
            yield found
            read = found.end()
        colon = text.find("://", max(read, colon + 1))


def mastodon_links(text: str) -> tuple[tuple[int, int], ...]:
    """Where each link Mastodon finds in ``text`` starts and ends. A post's text is read when it is composed,
    counted, and checked (link-glued), with thousands of others between: a post's worth of text is
    remembered, a longer one (hostile, 100 kB) read again."""
    return _post_links(text) if len(text) < 1000 else _links(text)


@functools.lru_cache(maxsize=8192)  # 8 MB at most
def _post_links(text: str) -> tuple[tuple[int, int], ...]:
    return _links(text)


def _links(text: str) -> tuple[tuple[int, int], ...]:
    found: list[tuple[int, int]] = []
    read = 0  # where the last link read ends: one starting before it is part of it
    for start, domain_end in _starts_and_domains(text):
        if start < read:
            continue
        read = _link_end(text, domain_end)
        if _within_length(text[start:read], text[start:domain_end]):
            found.append((start, read))
    return tuple(found)


def _starts_and_domains(text: str) -> list[tuple[int, int]]:
    """Where each link twitter-text finds in ``text`` starts and its domain ends, each of Mastodon's other
    schemes read as ``http`` (the character before it and the domain after it are read as they are)."""
    read, moved = 0, 0
    parts: list[str] = []
    ends: list[int] = []  # where each scheme read as "http" ends in the text read…
    shifts: list[int] = []  # …and how far the text after it moved
    for scheme in scheme_matches(_OTHER_SCHEMES, text):
        parts += [text[read:scheme.start()], "http"]
        ends.append(scheme.start() + moved + len("http"))
        moved += len("http") - len(scheme.group())
        shifts.append(moved)
        read = scheme.end()
    read_as = "".join(parts) + text[read:] if parts else text

    def original(position: int) -> int:
        before = bisect.bisect_right(ends, position)
        return position - (shifts[before - 1] if before else 0)

    return [(original(link["indices"][0]), original(link["indices"][1]))
            for link in url_entities(read_as, with_bare_domains=False, domains_only=True)]


def _within_length(url: str, up_to_domain: str) -> bool:
    """Whether Mastodon keeps a link of ``url``: at most 4,096 characters, its domain counted as punycode
    (twitter-text's ``is_valid_domain``; it skips a longer one)."""
    domain = up_to_domain.split("://", 1)[1]
    # twitter-text found the domain only if it has a punycode form
    punycode = domain if domain.isascii() else domain.encode("idna").decode("ascii")
    return len(url) + max(0, len(punycode) - len(domain)) <= _MAX_URL_LENGTH


def _link_end(text: str, domain_end: int) -> int:
    """Where Mastodon's link whose domain ends at ``domain_end`` ends: a port, a path and a query as Mastodon
    reads them may follow."""
    position = domain_end
    port = _PORT.match(text, position)
    if port:
        position = port.end()
    if text.startswith("/", position):
        position = _path_end(text, position)
    if text.startswith("?", position):
        position = _query_end(text, position)
    return position


def _path_end(text: str, slash: int) -> int:
    """The end of the path starting at ``slash``: its last ending character, or balanced parentheses as
    twitter-text balances them (``/Python_(langage)``), or the slash alone."""
    end = position = slash + 1
    while True:
        run = _run_end(_PATH_RUN, text, position)
        last = run
        while last > position and text[last - 1] in _NOT_PATH_ENDING:
            last -= 1
        if last > position:
            end = last
        position = run
        if not text.startswith("(", position):
            return end
        close = _parentheses_end(text, position)
        if close is None:
            return end
        if _twitter_parentheses().fullmatch(text, position, close):
            end = close
        position = close


def _parentheses_end(text: str, opening: int) -> int | None:
    """The end of balanced parentheses at ``opening``: ``(x)`` or one level nested, ``(a(b)c)``."""
    inside = _run_end(_PATH_RUN, text, opening + 1)
    if text.startswith(")", inside) and inside > opening + 1:
        return inside + 1
    if text.startswith("(", inside):
        nested = _run_end(_PATH_RUN, text, inside + 1)
        if nested > inside + 1 and text.startswith(")", nested):
            after = _run_end(_PATH_RUN, text, nested + 1)
            if text.startswith(")", after):
                return after + 1
    return None


def _query_end(text: str, mark: int) -> int:
    """The end of the query starting at ``mark`` (its ``?``): its last ending character; ``mark`` itself
    (no query) without one."""
    end = _run_end(_QUERY_RUN, text, mark + 1)
    while end > mark + 1 and not _QUERY_ENDING.match(text[end - 1]):
        end -= 1
    return end if end > mark + 1 else mark


def _run_end(run: re.Pattern[str], text: str, position: int) -> int:
    """Where a run of characters of ``run`` (one class, repeated) starting at ``position`` ends."""
    found = run.match(text, position)
    assert found is not None  # a run may be empty
    return found.end()


@functools.cache
def _twitter_parentheses() -> re.Pattern[str]:
    """twitter-text's own balanced parentheses, which Mastodon's path may end on."""
    return submodule("twitter_text", "regexp.valid_url_balanced_parens").valid_url_balanced_parens
