"""How an address names a page of the blog, read once, as a browser asks for it and a server answers it.

A post's link, a link in an article, an article's own URL: whether it is the blog's (:func:`is_site_url`),
the file of output/ it opens (:func:`blog_path`), the page it names (:func:`page_key`, :func:`page_path`)
and the article a link is about (:func:`article_key`, :func:`article_address_key`), the host of another
site's address (:func:`url_host`), two links to one page (:func:`same_page_key`), the blog's address
written on another scheme's port (:func:`on_other_port`), whether a SITEURL is one the public can follow
(:func:`unreachable_site_url`). The plan, the checks, the outputs and the Pelican adapter all ask here, so
that two of them never read one address two ways.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import urllib.parse
from collections.abc import Iterable

#: An http(s) address: no space, line break, quote, angle bracket or backslash (each is written %xx in an
#: address; raw, they broke the iCalendar, HTML and settings they were written into).
WEB_ADDRESS = re.compile(r"^https?://[^\s/$.?#\"<>\\][^\s\"<>\\]*$", re.IGNORECASE)
#: A path on the site (``/offres/``), held to an address's characters: a post's text carries it whole.
SITE_PATH = re.compile(r"^/(?![/\\])[^\s\"<>\\]*$")


def is_site_url(url: str, site_url: str) -> bool:
    """Whether ``url``, written with its host (from the root while SITEURL is empty), is an address of the
    blog: one :func:`blog_path` finds in the blog's folder (``https://example.fr/blogger/`` is not
    ``https://example.fr/blog``'s)."""
    try:
        with_host = bool(urllib.parse.urlsplit(url.strip()).netloc)
    except ValueError:  # an address Python cannot read ("https://[abc/") is nobody's
        return False
    return (with_host or not site_url) and blog_path(url, site_url) is not None


@functools.lru_cache(maxsize=4096)  # a post's link is read when composed, tracked, and by several rules
def blog_path(address: str, site_url: str, base: str | None = None) -> str | None:
    """The path in the blog's output folder that ``address`` opens (``a-propos/``, ``images/Été.png``, ``""``
    for the home page), read as a browser reads it, or None when it is not the blog's.

    ``.`` and ``..`` resolved, written as escapes too (``%2e%2e``), above the root kept at the root; repeated
    slashes as one and the other escapes decoded, as the server answers; the query and the fragment left
    out. The host as :func:`is_site_url` tells the site (``www.`` or not, a final dot, capitals, ``user@``),
    with only the scheme's own default port (``https://…:443``, not ``http://…:443``). None for another
    site's address, a ``mailto:``, or the blog's host outside SITEURL's folder (``https://example.fr/boutique/``
    for a blog at ``https://example.fr/blog``: a browser never opens the blog's files there).

    :param base: the address of the page the link is written on (an article's URL), from which a
        relative address (``../tarifs/``, ``?page=2``) is read; without it, an address from the root
        (``/images/a.png``) is read on the blog's host, and one relative to a page is nobody's.
    """
    try:
        parts = urllib.parse.urlsplit(address.strip())
        if not parts.scheme and not parts.netloc:  # relative: read from the page that holds it
            if base is None and not parts.path.startswith("/"):
                return None
            page = urllib.parse.urlsplit(base or "/")
            path = parts.path
            if not path.startswith("/"):  # `?page=2` is the page itself; `a/` is beside it
                here = "/" + page.path.lstrip("/")
                path = here if not path else here[:here.rfind("/") + 1] + path
            parts = parts._replace(scheme=page.scheme, netloc=page.netloc, path=path)
        elif not parts.scheme:  # `//blog.example.fr/a/`: the page's scheme
            parts = parts._replace(scheme=urllib.parse.urlsplit(base or site_url).scheme or "https")
        server, folder = _blog(site_url)
        if parts.netloc and (not site_url or _server(parts) != server):
            return None
    except ValueError:  # an address Python cannot read ("https://[abc/") is nobody's
        return None
    if parts.scheme and parts.scheme.lower() not in ("http", "https"):
        return None
    path = _served_path(parts.path).lstrip("/")
    if not folder:
        return path
    return path[len(folder):].lstrip("/") if path == folder or path.startswith(folder + "/") else None


def on_other_port(url: str, site_url: str) -> str | None:
    """The blog's address ``url`` names on the other scheme's default port (``http://…:443/a/``: http on
    https's port, ``https://…:80/a/``), written as SITEURL writes the blog's (``https://…/a/``); None for
    any other address. A browser opens no page there (the server answers "400 Bad Request"): it is no
    address of the blog (:func:`is_site_url`), though it names one of its pages."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if port not in (80, 443) or parts.scheme.lower() not in ("http", "https") or is_site_url(url, site_url):
        return None
    meant = parts._replace(scheme=urllib.parse.urlsplit(site_url).scheme or "https",
                           netloc=parts.netloc.rpartition(":")[0])
    return meant.geturl() if is_site_url(meant.geturl(), site_url) else None


@functools.lru_cache(maxsize=8)
def _blog(site_url: str) -> tuple[tuple[str, int | None], str]:
    """The blog's server and folder (``blog`` for ``https://example.fr/blog/``), read once, not per link."""
    site = urllib.parse.urlsplit(site_url)
    return _server(site), _served_path(site.path).strip("/")


def _server(parts: urllib.parse.SplitResult) -> tuple[str, int | None]:
    """The host (without ``www.``, a user's name or a final dot) and the port a browser connects to, the
    scheme's default as none: http and https are the same site to a reader (its server sends one to the
    other)."""
    host = parts.netloc.rpartition("@")[2].lower()
    host, colon, port = host.rpartition(":") if not host.endswith("]") and ":" in host else (host, "", "")
    number = int(port) if port.isdigit() else None
    if colon and port and number is None:
        raise ValueError(f"port {port!r}")
    if number == {"http": 80, "https": 443}.get(parts.scheme.lower()):
        number = None
    return host_name(host), number


def host_name(host: str) -> str:
    """A host as :func:`_server` compares it: in lower case, without ``www.`` nor a final dot, an accent in
    Punycode (``atelier-métal.fr`` is ``xn--atelier-mtal-jeb.fr``)."""
    return _ascii_host(host.lower().removesuffix(".")).removeprefix("www.")


def url_host(url: str) -> str | None:
    """The host of an address, as :func:`host_name` writes it; None for an address that has none."""
    try:
        host = _server(urllib.parse.urlsplit(url))[0]
    except ValueError:
        return None
    return host or None


def _ascii_host(host: str) -> str:
    """``atelier-métal.fr`` as a browser asks for it, ``xn--atelier-mtal-jeb.fr`` (either form, the same
    host); a host that has no such form (an empty label, one too long) as written."""
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return host


_DOT_SEGMENTS = {".": ".", "%2e": ".", "..": "..", ".%2e": "..", "%2e.": "..", "%2e%2e": ".."}


def _served_path(path: str) -> str:
    """A URL's path as a browser sends it (dot segments resolved, ``%2e`` for ``.`` too) and a server reads
    it (repeated slashes as one, escapes decoded)."""
    if "%" not in path:
        return plain_path(path)
    path = "/".join(_DOT_SEGMENTS.get(segment.lower(), segment) for segment in path.split("/"))
    return plain_path(urllib.parse.unquote(plain_path(path)))
_SLASHES = re.compile(r"/{2,}")


def plain_path(path: str) -> str:
    """A URL's path as a browser asks for it and a server answers it: ``.`` and ``..`` segments resolved
    (RFC 3986), repeated slashes as one. ``/2027/a/../a/`` and ``/2027//a/`` are ``/2027/a/``: written so,
    a link to an article not yet online went round the checks and onto the public share page."""
    if "/." not in path and "//" not in path:
        return path
    segments: list[str] = []
    for segment in _SLASHES.sub("/", path).split("/"):
        if segment == "..":
            if len(segments) > 1:
                segments.pop()
        elif segment != ".":
            segments.append(segment)
    plain = "/".join(segments)
    if path.endswith(("/.", "/..")):
        plain += "/"
    return plain


def absolute(url: str, site_url: str) -> str:
    """An address written from the blog's root (``/2027/a/``) in full, under SITEURL; any other as written."""
    if url.startswith("/") and site_url:
        return site_url.rstrip("/") + url
    return url


def page_key(path: str) -> str:
    """A page's path in the blog's folder (:func:`blog_path`), as a page is found by it:
    ``2027/a/``, ``2027/a`` and ``2027/a/index.html`` alike (``2027/a``)."""
    return path.removesuffix("index.html").rstrip("/")


def page_path(address: str, site_url: str, base: str | None = None) -> str | None:
    """The page of the blog ``address`` opens, as a browser reads it (:func:`blog_path`),
    by its :func:`page_key`; None when it is not the blog's (another site's, the host outside SITEURL's
    folder)."""
    path = blog_path(address, site_url, base)
    return None if path is None else page_key(path)


def site_page(url: str, site_url: str) -> str | None:
    """:func:`page_path` of an address Pelican gives: in full, or from the blog's root, with or without a
    first slash (``pages/contact.html``; ``/2027/a/``, an article's while SITEURL is empty)."""
    relative = "://" not in url and not url.startswith("//")
    return page_path(url.lstrip("/") if relative else url, site_url, base=site_url.rstrip("/") + "/")


def site_pages(urls: Iterable[str], site_url: str) -> set[str]:
    """:func:`site_page` of each address Pelican gives (the site's pages)."""
    return {page for url in urls if (page := site_page(url, site_url)) is not None}


def article_key(path: str) -> str:
    """A page's path in the blog's folder, as an article is found by it: ``2027/a/``, ``2027/A`` and
    ``2027/a/index.html`` alike (whether that opens the page is :meth:`BlogFiles.opens`'s to say)."""
    return page_key(path.casefold())


def article_address_key(url: str) -> str:
    """An address's path without its query, fragment, ``index.html`` or final slash, in lower case: how
    two links to one page compare. Broader than :func:`page_path` on purpose: here it decides which article
    a link is about (and the ambassadors' page hides links to articles not online, in whatever case),
    where the checks ask whether a server would answer the path as written."""
    return article_key(plain_path(urllib.parse.unquote(urllib.parse.urlsplit(url).path))) or "/"


def same_page_key(url: str) -> tuple[str, str, str, str] | None:
    """What makes two addresses the same page to a reader: the server as :func:`blog_path` reads the blog's
    (the host without ``www.``, a user's name or a final dot, in Punycode; the port unless the scheme's
    own default); the path with ``.``, ``..`` and ``index.html`` resolved and a final ``/``; the query;
    the fragment. The scheme is left out (the server sends http to https)."""
    try:
        parts = urllib.parse.urlsplit(url)
        host, port = _server(parts)
    except ValueError:
        return None
    path = plain_path(parts.path or "/")
    path = path[:-len("index.html")] if path.endswith("/index.html") else path
    server = host if port is None else f"{host}:{port}"
    return server, path if path.endswith("/") else path + "/", parts.query, parts.fragment


#: Second-level names reserved for examples (RFC 2606), with every name under them: what templates write.
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
#: Top-level names no public site can have: reserved for documentation, sure to be invalid (RFC 2606).
PLACEHOLDER_TLDS = ("example", "invalid")
#: Top-level names only a machine or a test network knows: the loopback, testing (RFC 6761).
LOCAL_TLDS = ("localhost", "test")


def unreachable_site_url(url: str) -> tuple[str, str] | None:
    """Why ``url`` (a SITEURL) is no address the public can follow, or None when it is one.

    ``("none", "")`` for an empty or partial address (``/blog``, ``blog.acme.fr``);
    ``("placeholder", name)`` for a name reserved for examples (``example.org``, ``.example``);
    ``("local", name)`` for a local or test name (``localhost``, ``.test``, ``127.0.0.1``).
    """
    try:
        host = (urllib.parse.urlsplit(url).hostname or "") if WEB_ADDRESS.match(url) else ""
    except ValueError:  # an unclosed "[": no host
        host = ""
    host = host.rstrip(".")
    if not host:
        return "none", ""
    for domain in EXAMPLE_DOMAINS:
        if host == domain or host.endswith("." + domain):
            return "placeholder", domain
    top = host.rpartition(".")[2]
    if top in PLACEHOLDER_TLDS:
        return "placeholder", "." + top
    if top in LOCAL_TLDS:
        return "local", host if host == "localhost" else "." + top
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    return ("local", host) if address.is_loopback or address.is_unspecified else None
