"""Compose the exact text of a post for its network.

A post's text comes from its network's draft template (one Jinja file per
network in the theme's ``drafts/`` folder, overridable by the site), fed with
the article, the tracked link, hashtags and any text written in calendar.yaml
or in the article's ``social:`` front matter.

When a rendered text is too long, the article summary (and only the summary)
is shortened at a word boundary with an ellipsis; URLs, hashtags and mentions
are never cut. A text that does not fit even then is left whole, for
``edcal check`` to report.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from edcal.addresses import absolute, is_site_url, same_page_key
from edcal.i18n import Translator, same_language, theme_catalog, translator, typeset
from edcal.ids import folded_hashtag
from edcal.model.article import Article
from edcal.model.calendar import Campaign, Person, Poll, Tracking
from edcal.model.network import Network, TextLimit
from edcal.model.plan import Reply
from edcal.networks.counting import COUNTERS, Measure, measure, measure_all
from edcal.networks.mastodon_urls import mastodon_links, scheme_matches
from edcal.template_cache import cached

DRAFTS_FOLDER = "drafts"
DEFAULT_TEMPLATE = "default.txt.j2"
#: Shortened links show at most this many characters of the URL (Bluesky style).
#: Bluesky's app keeps 13 characters of a link's path (with its query and fragment) when it has more than 15.
SHORT_LINK_PATH = 13

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
#: A hashtag in a text, as networks link it: ``#`` and word characters, not after a word, ``&`` or ``/``
#: (``salon.fr/#programme``, an address without its scheme, is a link's fragment).
HASHTAG = re.compile(r"(?<![\w#&/])#\w+", re.UNICODE)
#: Brackets an address opened and closed itself (``…/Python_(langage)``, ``…/Table[1]``), parentheses with
#: others inside (``…/a_((b))``, ``…/a_(c(b)d)``: twitter-text, and so X and Mastodon, link one pair inside
#: another): read as one, they may end it; a bracket closed around the address may not. Each pair inside
#: is read to its ")" and no farther: the characters of a run of them are read once from each "(".
_OWN_BRACKETS = r"\((?:[^\s<>\"()]|\([^\s<>\"()]*\))*\)|\[[^\s<>\"\[\]]*\]"
#: An address's characters as written, up to its last that is no punctuation ending its sentence: each run
#: read to such a character, or to brackets of its own, as far as one follows (the longest ending, read once).
_ADDRESS_TAIL = rf"(?:[^\s<>\"]*?(?:{_OWN_BRACKETS}|[^\s<>\".,;:!?)\]'…»]))+"
#: An http(s) URL in a post's text, without the punctuation that ends its sentence.
URL_IN_TEXT = re.compile(rf"https?://[^\s<>\"]{_ADDRESS_TAIL}", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n{3,}")
#: Spaces (no-break ones too) at the end of a line: nobody sees them, every network counts them.
_TRAILING_SPACES = " \t\u00a0\u202f"
#: Where a summary may be cut: plain spaces and line breaks, not French typography's no-break spaces.
_BETWEEN_WORDS = re.compile(r"[ \t\r\n]+")
#: What a cut summary may end with before its ellipsis: punctuation, and the (no-break) space before it.
_CUT_END = ",;:.!?—–- \t\u00a0\u202f"


def hashtags_in(text: str) -> list[str]:
    """The hashtags a network links in ``text``: not the ``#programme`` of a URL's fragment
    (``https://salon.fr/#programme``), which is part of the link."""
    if "#" not in text:
        return []
    return HASHTAG.findall(URL_IN_TEXT.sub(" ", text) if "://" in text else text)


def hashtag(tag: str, case: str = "camel") -> str:
    """A hashtag from an article tag: ``réseaux sociaux`` -> ``#RéseauxSociaux``.

    Accents are kept, punctuation dropped; ``lower`` gives ``#réseauxsociaux``.
    A tag no network would link or read gives none (""): digits only
    (``2027``: X, Bluesky and Mastodon do not link ``#2027``), or one
    character once punctuation is dropped (``c++`` is not ``#C``).
    """
    tag = unicodedata.normalize("NFC", tag.strip().lstrip("#"))
    words = _WORD.findall(tag)
    joined = "".join(words)
    if len(joined) < 2 or not any(char.isalpha() for char in joined):
        return ""
    if case == "lower":
        body = "".join(w.lower() for w in words)
    elif case == "as-is":
        body = "".join(words)
    else:
        body = "".join(w[:1].upper() + w[1:] for w in words)
    return f"#{body}"


def merge_hashtags(groups: Sequence[Sequence[str]], limit: int | None) -> list[str]:
    """Hashtags in order, without duplicates (ignoring case and accents: ``#Epiphanie`` is
    ``#Épiphanie``, the first written is kept), at most ``limit``."""
    seen: set[str] = set()
    result: list[str] = []
    for group in groups:
        for tag in group:
            key = folded_hashtag(tag)
            if tag and key not in seen:
                seen.add(key)
                result.append(tag)
    return result[:limit] if limit is not None else result


def tracking_values(network: Network, campaign: Campaign | None, article: Article | None, fallback: str,
                    item_id: str) -> dict[str, str]:
    """The values of the UTM placeholders: ``{network}``, ``{campaign}`` (the campaign's utm_campaign,
    else the article's slug, else ``fallback``), ``{article}`` and ``{item}``."""
    campaign_value = (campaign.utm_campaign or campaign.id) if campaign \
        else (article.slug if article else fallback)
    return {"network": network.utm_source or network.id, "campaign": campaign_value,
            "article": article.slug if article else "", "item": item_id}


#: The campaign parameters of Google Analytics and Matomo (and Piwik's, which Matomo still reads): a link
#: carrying one is tagged already, whatever names this site gives its own (`tracking: parameters:`).
CAMPAIGN_PARAMETERS = frozenset({
    "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "utm_id",
    "mtm_source", "mtm_medium", "mtm_campaign", "mtm_content", "mtm_keyword", "mtm_cid", "mtm_group",
    "mtm_placement", "pk_campaign", "pk_source", "pk_medium", "pk_content", "pk_keyword", "pk_kwd", "pk_cid",
})


def track(url: str, values: dict[str, str], tracking: Tracking, site_url: str) -> str:
    """``url`` with UTM parameters when it points to the site; others are left alone.

    A URL that has a tracking parameter already (``utm_source=newsletter``) is left as written:
    adding the others credited a LinkedIn click to the newsletter. The rest of the query and the
    fragment are preserved.
    """
    if not tracking.enabled:
        return url
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:  # "https://[abc/": no address a network would link either
        return url
    if not is_site_url(url, site_url):
        return url
    present = {name for name, _ in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)}
    if present & (tracking.names | CAMPAIGN_PARAMETERS):
        return url
    names = dict(tracking.parameters)
    added = []
    for key in ("source", "medium", "campaign", "content"):
        template = getattr(tracking, key)
        if not template:
            continue
        name = names.get(key, f"utm_{key}")
        value = template.format(**values)
        if name not in present and value:
            added.append((name, value))
    if not added:
        return url
    # The query as written, then the parameters: `?q=acier;page=2&tri` re-encoded was another address.
    query = "&".join(part for part in (parts.query.rstrip("&"), urllib.parse.urlencode(added)) if part)
    return urllib.parse.urlunsplit(parts._replace(query=query))


def site_link_in(text: str, site_url: str) -> str | None:
    """The first link to the site written in a post's text, which becomes the post's link: in full, or bare
    (``www.example.fr/2027/a/``, which networks link too: it was left as typed, untracked), given the site's
    scheme."""
    bare = _bare_host(site_url)
    if "://" not in text and not (bare and bare.search(text)):  # most texts: no link to look for
        return None
    for match in _addresses(site_url).finditer(text):
        found = match.group(0)
        url = _as_link(found, site_url)
        if ("://" in found or "/" in found) and is_site_url(url, site_url):
            return url
    return None


@functools.lru_cache(maxsize=8)
def _addresses(site_url: str) -> re.Pattern[str]:
    """Links written in a text: in full (any site's), or the site's own without its scheme. A bare address
    inside a full one (``…/sharer.php?u=example.fr/a/``) is part of that one: the full one matches first."""
    host = _site_parts(site_url)[0] if site_url else ""
    if "." not in host:  # SITEURL without a host (`blog.example.fr`, `/`): nothing bare to find
        return URL_IN_TEXT
    bare = (rf"(?<![\w/@.=?&#%:-])(?:www\.)?{re.escape(host)}"
            rf"(?:/(?:{_ADDRESS_TAIL})?)?(?![\w-]|\.\w)")
    return re.compile(f"{URL_IN_TEXT.pattern}|{bare}", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def _bare_host(site_url: str) -> re.Pattern[str] | None:
    """What each address of the site written without a scheme holds: its host from its first ``.`` (an
    expression starting with a ``.`` is tried from each ``.``; ``_addresses``', from every character);
    None where ``_addresses`` finds none."""
    host = _site_parts(site_url)[0] if site_url else ""
    return re.compile(re.escape(host[host.index("."):]), re.IGNORECASE) if "." in host else None


def _as_link(found: str, site_url: str) -> str:
    """A link as written, with the site's scheme when it was written without one."""
    if "://" in found:
        return found
    scheme = urllib.parse.urlsplit(site_url).scheme or "https"
    return f"{scheme}://{found}"


def _track_others(text: str, tracked: str | None, tracker: Callable[[str], str], site_url: str) -> str:
    """Every other link to the site written in the text (in full, or bare with a path), tracked where it is
    (only the post's link was)."""
    def replace(match: re.Match[str]) -> str:
        found = match.group(0)
        url = _as_link(found, site_url)
        if found == tracked or url == tracked or not ("://" in found or "/" in found) \
                or not is_site_url(url, site_url):
            return found
        return tracker(url)

    return _addresses(site_url).sub(replace, text)


def _replace_link(text: str, link: str, full: str, tracked: str) -> str:
    """The post's link, where the writer wrote it (as given, or in full), becomes the tracked URL.

    A relative ``/2027/a/`` that is the path of a URL in the text (another site's, or the
    site's own in full) is not the link written on its own.
    """
    whole = r"(?![\w/%?#=&~+-]|[.,:;!]\w)"  # not a longer URL that starts the same (the site's home page)
    if not link.startswith("/"):
        return re.sub(re.escape(link) + whole, lambda _: tracked, text)
    forms = [re.escape(full) + whole, r"(?<![\w.:/-])" + re.escape(link) + whole]
    return re.sub("|".join(forms), lambda _: tracked, text)


def track_text(text: str, link: str, url: str, values: dict[str, str], tracking: Tracking,
               site_url: str) -> str:
    """A text's links to the site, tracked where they are written: the post's ``link`` (as given, or in
    full) becomes its tracked ``url``; every other URL of the site is tracked with the same values."""
    if link in text and url != link:
        text = _replace_link(text, link, absolute(link, site_url), url)
    if url not in text:  # written another way: without its final "/", www. or https, or its scheme
        text = _same_page_as(text, absolute(link, site_url), url, site_url)
    if tracking.enabled:
        text = _track_others(text, url, lambda other: track(other, values, tracking, site_url), site_url)
    return text


def _same_page_as(text: str, page: str, url: str, site_url: str) -> str:
    """Each URL of the text that is ``page`` to a reader (``http://``, ``www.`` or not, without its final
    ``/``, or a bare ``example.fr/2027/a/`` that networks link too) as ``url``: the post's link is in the
    text, tracked, and the template does not add it a second time."""
    key = same_page_key(page)
    if key is None:
        return text

    def replace(match: re.Match[str]) -> str:
        found = match.group(0)
        return url if same_page_key(_as_link(found, site_url)) == key else found

    # A bare address (networks link `www.example.fr/2027/a/` too), or the host alone for the home page.
    return _addresses(site_url).sub(replace, text)


@functools.lru_cache(maxsize=8)
def _site_parts(site_url: str) -> tuple[str, str]:
    """The site's host (lower case) and path, parsed once, not for every post."""
    site = urllib.parse.urlsplit(site_url)
    return site.netloc.lower().removeprefix("www."), site.path or "/"


def short_link(url: str) -> str:
    """The link text Bluesky's app shows, and counts, for a URL: its host, then its path, query
    and fragment cut to 13 characters and ``...`` when longer than 15 (the app's ``toShortUrl``).

    The app shortens a link pasted into its composer this way: a draft whose link edcal showed
    shorter than that was counted short of what the app counts.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return url
    host = parts.hostname.lower() if parts.hostname.isascii() else _whatwg_host(parts.hostname)
    if host is None:  # fête..example: no host the app would link either
        return url
    default = {"http": 80, "https": 443}[parts.scheme.lower()]
    try:
        port = parts.port
    except ValueError:
        return url
    if port is not None and port != default:
        host += f":{port}"
    path = "" if parts.path in ("", "/") else _percent_encoded(parts.path.replace("\\", "/"), _PATH_SET)
    rest = path + (f"?{_percent_encoded(parts.query, _QUERY_SET)}" if parts.query else "")
    rest += f"#{_percent_encoded(parts.fragment, _FRAGMENT_SET)}" if parts.fragment else ""
    return host + (rest[:SHORT_LINK_PATH] + "..." if len(rest) > SHORT_LINK_PATH + 2 else rest)


#: A link as Bluesky's app finds one (``detectFacets`` of @atproto/api): at the start of the text, after
#: a space or after "(", up to the next space. ``👉https://…`` or ``lien:https://…`` is no link there: the
#: app shows it and counts it whole.
_APP_LINK = re.compile(r"(?:^|(?<=[\s(]))https?://\S+", re.IGNORECASE)
#: A bare domain as the app finds one: a first label of letters and digits (``mon-site.fr`` is none), where a
#: link may start, up to the next space; the app then wants a top-level domain it knows.
_APP_BARE_LINK = re.compile(r"(?:^|(?<=[\s(]))[a-z][a-z0-9]*(?:\.[a-z0-9]+)+\S*", re.IGNORECASE)


def app_links(text: str, bare: bool = False) -> list[tuple[int, int]]:
    """Where Bluesky's app finds each ``http(s)://`` link of a text: less one final punctuation mark of
    ``.,;:!?``, then a ``)`` the link did not open (``…/Python_(langage)`` keeps its own); what else
    follows it before a space (``…``, ``»``) is part of the link, as there.

    :param bare: bare domains too (``exemple.fr/x``), whatever their top-level domain: the app links them, but
        shows them as written.
    """
    matches = list(scheme_matches(_APP_LINK, text))
    if bare:
        matches += [match for match in _APP_BARE_LINK.finditer(text)  # not a "(" inside an address
                    if not any(link.start() <= match.start() < link.end() for link in matches)]
    found = []
    for match in matches:
        start, end = match.span()
        if text[end - 1] in ".,;:!?":
            end -= 1
        if text[end - 1] == ")" and "(" not in text[start:end]:
            end -= 1
        found.append((start, end))
    return sorted(found)


#: What a browser's URL parser (WHATWG) percent-encodes, beyond controls, spaces and non-ASCII characters,
#: in a path, in an http(s) query and in a fragment: the app shows a link as ``new URL()`` gives it.
_PATH_SET = frozenset('"#<>?`{}')
_QUERY_SET = frozenset('"#<>\'')
_FRAGMENT_SET = frozenset('"<>`')


def _percent_encoded(text: str, extra: frozenset[str]) -> str:
    """``text`` as a browser writes it in a URL: ``été`` as ``%C3%A9t%C3%A9``, ``'`` in a query as ``%27``."""
    if text.isascii() and not any(char in extra or char <= " " or char == "\x7f" for char in text):
        return text
    return "".join(urllib.parse.quote(char, safe="") if char in extra or char <= " " or char >= "\x7f"
                   else char for char in text)


def _whatwg_host(host: str) -> str | None:
    """A host name as a browser writes it: UTS #46 mapping, then Punycode (``straße.de`` is
    ``xn--strae-oqa.de``, where Python's own IDNA 2003 codec gave ``strasse.de``, another domain). A
    label IDNA 2008 refuses (``faß☃``) is still written as a browser does, without its checks. None
    when it cannot be a host (an empty label)."""
    import idna

    try:
        return idna.encode(host, uts46=True, transitional=False).decode("ascii").lower()
    except idna.IDNAError:
        pass
    try:
        labels = idna.uts46_remap(host, std3_rules=False, transitional=False).split(".")
    except idna.IDNAError:
        return None
    if not all(labels):
        return None
    return ".".join(label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
                    for label in labels).lower()


def shorten_links(text: str, main: tuple[str, str] | None) -> tuple[str, tuple[tuple[int, str, str], ...]]:
    """The text as a network that shortens links shows it, and each shortened link (where it starts in
    the shown text, the shown text, the URL) in the order of the text: the template's link (``main``,
    already shown short) and every ``http(s)://`` URL written in the text."""
    spans = [(start, end, short_link(text[start:end]), text[start:end]) for start, end in app_links(text)]
    if main is not None and main[0] != main[1]:
        # The template's link, shown short already; a short text can be part of a URL ("example.org/agenda").
        index = text.rfind(main[0])
        while index >= 0 and any(start <= index < end for start, end, _, _ in spans):
            index = text.rfind(main[0], 0, index)
        if index >= 0:
            spans.append((index, index + len(main[0]), main[0], main[1]))
    if not spans:
        return text, ()
    spans.sort()
    parts: list[str] = []
    links: list[tuple[int, str, str]] = []
    position = written = 0
    for start, end, shown, url in spans:
        before = text[position:start]
        parts += [before, shown]
        written += len(before)
        if shown != url:
            links.append((written, shown, url))
        written += len(shown)
        position = end
    parts.append(text[position:])
    return "".join(parts), tuple(links)


@dataclass(frozen=True, slots=True)
class Composed:
    """A post's final text and what was measured."""

    text: str
    measures: tuple[Measure, ...]
    #: The full tracked URL the post links to (carried apart when the text shows it short).
    url: str | None
    fitted: bool = False
    hashtags: tuple[str, ...] = ()
    #: How the link is shown in the text (the full URL, or a shortened text).
    link_text: str | None = None
    template: str | None = None
    #: Every link the text shows shortened, in order: (where it starts in ``text``, shown text, full URL).
    links: tuple[tuple[int, str, str], ...] = ()
    #: The content warning as posted (one line, NFC), counted in ``measures``; None without one.
    cw: str | None = None
    #: The first comment as posted (the writer's words, and the link or hashtags the network's
    #: ``in_first_comment:`` moves there); None without one.
    comment: str | None = None
    #: The first comment's length, against the network's ``comment_limit``.
    comment_measure: Measure | None = None
    #: The replies under the post, as posted and measured (``thread:``), on a network that takes them.
    thread: tuple[Reply, ...] = ()
    #: Spaced the French way (a French article's post, else a French site's): so are its poll's words.
    french: bool = False

    @property
    def fits(self) -> bool:
        return all(m.fits for m in self.measures)


@dataclass(slots=True)
class PostParts:
    """What a template may use for one post on one network."""

    network: Network
    item_id: str
    text: str | None = None
    title: str | None = None
    url: str | None = None
    article: Article | None = None
    campaign: Campaign | None = None
    owner: Person | None = None
    extra_hashtags: tuple[str, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)
    #: A template of the drafts folder to use instead of the network's (``ambassador.txt.j2``).
    template: str | None = None
    #: The language of what the post is about (its article's, or the one its `link:` opens), if known.
    lang: str | None = None
    #: A content warning (``cw:``), on a network that shows one: counted with the text (Mastodon's
    #: spoiler_text and status share its 500 characters).
    cw: str | None = None
    #: The writer's first comment (``first_comment:``, its links tracked), on a network that takes one.
    comment: str | None = None
    #: Whether the post has a first comment, where the network's ``in_first_comment:`` moves the link or
    #: hashtags: the team's posts; not the words suggested to staff, who share them whole.
    commented: bool = True
    #: The replies under the post (``thread:``, their links tracked), on a network that answers a post with
    #: another.
    thread: tuple[str, ...] = ()
    #: Whether the article's tags become hashtags: not for a post that names the article by its `link:` only
    #: (its text, written before that post was an article's, must not grow).
    article_tags: bool = True


#: What a caption says when it sends readers to the profile's link ("lien en bio").
BIO_PHRASES = ("lien en bio", "lien dans la bio", "lien dans ma bio", "lien dans notre bio", "link in bio",
               "link in my bio", "link in our bio")


def points_to_bio(text: str | None) -> bool:
    """Whether a text already sends readers to the profile's link: the draft does not say it twice."""
    lowered = (text or "").lower()
    return any(phrase in lowered for phrase in BIO_PHRASES)


#: What a text says when it sends readers to the link in the first comment ("lien en commentaire", "link in
#: the first comment", "👇"): a link word, then a comment word in the same sentence. "Dites-le-nous en
#: commentaire" asks readers to comment, and says nothing of where the link is.
COMMENT_POINTER = re.compile(
    r"\b(?:liens?|links?|article|inscriptions?|sign[- ]?up)\b[^.!?\n]{0,40}?\bcomment|👇", re.IGNORECASE)


def points_to_comment(text: str | None) -> bool:
    """Whether a text already sends readers to the link in the first comment: the draft does not say it
    twice."""
    return COMMENT_POINTER.search(text or "") is not None


def reminder(step: int | None, steps: int | None, translate: Callable[[str], str] = str) -> str:
    """Opening words of a promotion's steps, so that reminders never repeat the first post.

    ``step`` counts the posts once the article is online (1 is the first, ``steps``
    the last); 0 is a teaser, before it is online. A Python function rather than
    a template macro: importing a macro costs every render as much as the render itself.
    """
    if step == 0:
        return translate("Coming soon to the blog:") + " "
    if not step or step <= 1:
        return ""
    if steps and steps > 2 and step == steps:
        return translate("Last reminder:") + " "
    return translate("In case you missed it:") + " "


def _with_site_words(base: Translator, folders: Sequence[str], lang: str) -> Translator:
    """``base`` with the words of ``<lang>.yaml`` in the ``translations/`` folders beside the drafts folders
    (the site's override folder, the theme's), as the blog's templates read them: a Spanish site's drafts say
    "Lee el artículo:" and its reminders "Por si te lo perdiste:" from the file that translates its blog."""
    words = theme_catalog(tuple(folders), lang)
    return Translator(base.language, {**base.table, **words}, base.tag) if words else base


def _with_warning(measures: Sequence[Measure], cw: str) -> tuple[Measure, ...]:
    """The text's measures with its content warning's length added, counted as written: Mastodon counts its
    spoiler_text raw (no URL costs 23 there) beside the status."""
    if not cw:
        return tuple(measures)
    return tuple(Measure(m.counting, m.length + COUNTERS[m.counting](cw), m.limit) for m in measures)


class DraftTemplates:
    """The draft templates, looked up in the site's override folders, then the theme's."""

    def __init__(self, folders: Sequence[Path], lang: str):
        self.given = tuple(folders)
        self.folders = [str(f) for f in folders if f.is_dir()]
        self.environment = cached(jinja2.Environment(
            loader=jinja2.FileSystemLoader(self.folders),
            autoescape=False,  # plain text for networks, never HTML
            undefined=jinja2.StrictUndefined,
            # Blank lines separate sections; empty sections collapse in _clean().
            trim_blocks=False,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            auto_reload=False,  # templates do not change during a run: no stat per render
        ))
        # Beside each drafts folder (one the site may not have: its override folder holds only words).
        self.words_folders = tuple(str(Path(folder).parent / "translations") for folder in folders)
        self.translate = translate = _with_site_words(translator(lang), self.words_folders, lang)

        def words(text: str, lang: str | None = None, **values: Any) -> str:
            """``_("Read the article:")`` in the drafts' language; ``lang="en"`` forces one, fields are
            filled (``_("{minutes} min read", minutes=4)``), as in the theme's templates (docs/theme.md)."""
            chosen = translate if lang is None else translator(lang)
            return chosen.fill(text, **values) if values else chosen(text)

        self.environment.globals["_"] = words
        self.environment.globals["reminder"] = functools.partial(reminder, translate=translate)
        self.environment.globals["_reminder"] = self.environment.globals["reminder"]  # for _reminder.j2
        self.environment.globals["points_to_bio"] = points_to_bio
        self.environment.globals["points_to_comment"] = points_to_comment
        self.environment.filters["hashtag"] = hashtag
        self._cache: dict[str, jinja2.Template] = {}
        self._found: dict[str, bool] = {}
        self._sources: dict[str, str] = {}
        self._globals: dict[str, dict[str, Any]] = {}

    def named(self, name: str) -> jinja2.Template:
        """The template of that name, else the default one (a site's folder may lack it)."""
        if name not in self._cache:
            try:
                self._cache[name] = self.environment.get_template(name)
            except jinja2.TemplateNotFound:
                self._cache[name] = self.environment.get_template(DEFAULT_TEMPLATE)
        return self._cache[name]

    def for_network(self, network: Network) -> str:
        """The name of a network's template: the one its `template:` names; for a site's own network, its
        ``<id>.txt.j2`` when a drafts folder has it, else the template of the network it is ``like:``."""
        if network.builtin or network.template_source is not None:
            return network.template
        own = f"{network.id}.txt.j2"
        if own not in self._found:
            try:
                self.environment.get_template(own)
                self._found[own] = True
            except jinja2.TemplateNotFound:
                self._found[own] = False
        return own if self._found[own] else network.template

    def render(self, template: jinja2.Template, context: dict[str, Any]) -> str:
        """``template.render(context)``, without merging the globals into a new mapping on every call.

        ``render`` builds a chained view of the template's and the environment's
        globals for each render: half of its cost on a short draft template.
        Here they are flattened once per template; errors are reported as
        ``render`` reports them (located in the template).
        """
        globals_ = self._globals.get(template.name or "")
        if globals_ is None:
            globals_ = self._globals[template.name or ""] = dict(template.globals)
        try:
            frame = template.new_context({**globals_, **context}, shared=True)
            return "".join(template.root_render_func(frame))
        except Exception:
            return template.environment.handle_exception()  # type: ignore[no-any-return]

    def source_of(self, name: str) -> str:
        """The template used for a template name, as ``folder/name`` for messages and sidecars."""
        if name not in self._sources:
            template = self.named(name)
            found = template.name or DEFAULT_TEMPLATE
            folder = Path(template.filename).parent.name if template.filename else DRAFTS_FOLDER
            self._sources[name] = f"{folder}/{found}"
        return self._sources[name]


class Composer:
    """Renders posts through their network's template, then fits them."""

    def __init__(self, templates: DraftTemplates, tracking: Tracking, site_url: str, lang: str):
        self.templates = templates
        self.tracking = tracking
        self.site_url = site_url
        self.lang = lang
        self._other_languages: dict[str, DraftTemplates] = {}

    def _templates(self, network: Network) -> tuple[DraftTemplates, str]:
        """The draft templates for a network's posts, speaking its language (``lang:``), and that language."""
        lang = network.lang
        if lang is None or same_language(lang, self.lang):
            return self.templates, self.lang
        key = lang.lower().replace("_", "-")
        if key not in self._other_languages:
            self._other_languages[key] = DraftTemplates(self.templates.given, lang)
        return self._other_languages[key], lang

    def compose(self, parts: PostParts) -> Composed:
        # As networks store it (and count it): é typed as e + U+0301 is é, and #Métallerie one hashtag.
        written = _nfc(parts.text or "")
        network = parts.network
        url = parts.url
        display = url
        if url is not None and network.link_display == "shortened":
            display = short_link(url)
        article = parts.article
        tag_case = network.hashtag_case
        hashtags = merge_hashtags(
            [
                list(parts.campaign.hashtags) if parts.campaign else [],
                list(parts.extra_hashtags),
                [hashtag(t, tag_case) for t in (article.tags if article and parts.article_tags else ())],
            ],
            None,
        )
        typed = 0
        # What goes in the first comment: the writer's words, and what the network's `in_first_comment:`
        # moves there from the text (the link, the hashtags).
        holds = network.in_first_comment if network.comment_limit is not None and parts.commented else ()
        comment = _nfc(parts.comment or "") if network.comment_limit is not None else ""
        if written or comment:
            # Hashtags the writer typed themselves are not repeated, and count towards the network's limit.
            typed_tags = hashtags_in(written) + (hashtags_in(comment) if comment else [])
            if hashtags and typed_tags:
                folded = {folded_hashtag(tag) for tag in typed_tags}
                hashtags = [h for h in hashtags if folded_hashtag(h) not in folded]
            typed = len(typed_tags)
        if network.max_hashtags is not None:
            hashtags = hashtags[:max(0, network.max_hashtags - typed)]
        if "#" in (network.forbidden_characters or ""):  # a network that refuses "#" is given no hashtags
            hashtags = []
        summary = _nfc(article.summary if article else "")
        link_in_text = bool(written and url and (url in written or (display or "") in written))
        # The link goes in the comment where the network says so, unless the writer put it in the text; a
        # link written in the comment is there already, and not repeated in the text.
        # Not where links are not clickable: a link written in an Instagram comment leaves the text its "Lien
        # en bio" (and `link-not-clickable` tells it).
        link_in_comment = bool(url and not link_in_text and network.links_clickable and (
            "link" in holds or (comment and (url in comment or (display or "") in comment))))
        # A link written in a reply of the thread is there already (many keep a thread's first post free of
        # links, which X shows less), and not repeated in the text.
        link_in_thread = bool(url and not link_in_text and network.replies
                              and any(url in reply for reply in parts.thread))
        context = {
            "network": network,
            "text": written,
            "title": _nfc(parts.title or (article.title if article else "")),  # as the text it is found in
            "summary": summary,
            "link": "" if link_in_comment or link_in_thread else display or "",
            "url": "" if link_in_comment or link_in_thread else url or "",
            "link_in_text": link_in_text,
            "link_in_comment": link_in_comment,
            "article": article,
            "campaign": parts.campaign,
            "owner": parts.owner,
            "hashtags": [] if "hashtags" in holds else hashtags,
            "item_id": parts.item_id,
            "step": None,
            "steps": None,
            # French spacing in a post about a French article (else on a French site), as the blog spaces
            # that article: no line of it starts with ":" (i18n.typeset)
            "french": ((article.lang if article else None) or parts.lang or self.lang).startswith("fr"),
            **parts.values,
        }
        templates, lang = self._templates(network)
        template_name = parts.template or templates.for_network(network)
        template = templates.named(template_name)
        main = (display, url) if url is not None and display is not None else None
        text, links = self._shown(self._text(template, context, templates, lang), network, main)
        cw = " ".join(_nfc(parts.cw or "").split())  # one line, as the network's field takes it
        if cw and context.get("french"):
            cw = _french_spaced(cw)
        measures = _with_warning(measure_all(text, network), cw)
        fitted = False
        if not all(m.fits for m in measures) and summary and not written:
            shorter = self._fit(template, context, summary, network, measures, main, templates, lang, cw)
            if shorter is not None:
                (text, links), measures, fitted = shorter[0], shorter[1], True
        # The full URL first: a short display text can be part of it ("example.org/agenda").
        shown = url if url and url in text else (display if display and display in text else None)
        comment = self._comment(comment, display if link_in_comment else None,
                                hashtags if "hashtags" in holds else [], article is not None, templates,
                                bool(context.get("french")))
        comment_measure = None
        if comment and network.comment_limit is not None:
            limit = TextLimit(network.limit.counting, network.comment_limit)
            comment_measure = measure(comment, network, limit)
        thread = tuple(self._reply(reply, network, bool(context.get("french")), cw)
                       for reply in parts.thread) if network.replies else ()
        return Composed(text, measures, url, fitted, tuple(hashtags), shown,
                        templates.source_of(template_name), links, cw or None, comment or None,
                        comment_measure, thread, bool(context.get("french")))

    @classmethod
    def _reply(cls, written: str, network: Network, french: bool, cw: str) -> Reply:
        """A reply of a thread as the network shows it, measured as a post of its own; with the post's
        content warning, which Mastodon gives each reply too."""
        text = _clean(written)
        if french:
            text = _french_spaced(text)
        text, links = cls._shown(_spaced_after_links(text, network), network, None)
        measures = _with_warning(measure_all(text, network), cw)
        return Reply(text, tuple((m.counting, m.length, m.limit) for m in measures), links)

    @staticmethod
    def _comment(written: str, link: str | None, hashtags: Sequence[str], about_article: bool,
                 templates: DraftTemplates, french: bool) -> str:
        """The first comment: the writer's words, then the link (when the text does not carry it), then
        the hashtags the network moves there; a blank line between them."""
        pieces = [written.strip()] if written.strip() else []
        if link and link not in written:
            words = templates.translate("Read the article:" if about_article else "Learn more:")
            pieces.append(f"{words} {link}")
        if hashtags:
            pieces.append(" ".join(hashtags))
        comment = _clean("\n\n".join(pieces))
        return _french_spaced(comment) if comment and french else comment

    @staticmethod
    def _shown(text: str, network: Network, main: tuple[str, str] | None,
               ) -> tuple[str, tuple[tuple[int, str, str], ...]]:
        """The text as the network shows it: links shortened where it shortens them (Bluesky)."""
        if network.link_display != "shortened":
            return text, ()
        return shorten_links(text, main)

    def _text(self, template: jinja2.Template, context: dict[str, Any], templates: DraftTemplates,
              lang: str) -> str:
        """The rendered text, cleaned; in French, what follows a reminder's colon reads as French wants:
        an article's title in guillemets (« Prévenir la corrosion… »), a sentence with a small letter."""
        text = _clean(templates.render(template, context))
        if context.get("french"):  # as the blog shows the article: "salon\u00a0: retrouvez-nous"
            text = _french_spaced(text)
        if context["step"] is not None and lang.startswith("fr"):
            prefix = reminder(context["step"], context["steps"], templates.translate)
            if prefix and text.startswith(prefix):
                rest, title = text[len(prefix):], context["title"]
                title = typeset(title, "fr") if context.get("french") else title  # as the text has it
                if not context["text"] and title and rest.startswith(title):
                    if title[:1] not in "«“\"'":  # a title that opens with its own quotes keeps them alone
                        text = f"{prefix}«\u00a0{title}\u00a0»{rest[len(title):]}"
                else:
                    text = prefix + _lowered_opening(rest)
        return _spaced_after_links(text, context["network"])

    def _fit(self, template: jinja2.Template, context: dict[str, Any], summary: str, network: Network,
             measures: tuple[Measure, ...], main: tuple[str, str] | None, templates: DraftTemplates,
             lang: str, cw: str = ""
             ) -> tuple[tuple[str, tuple[tuple[int, str, str], ...]], tuple[Measure, ...]] | None:
        """The longest word-boundary cut of the summary that makes the text fit.

        Starts from an estimate (drop the words that make up the excess), then
        moves one word at a time: two or three renders instead of a bisection.
        """
        words = [word for word in _BETWEEN_WORDS.split(summary) if word]  # "approche\u00a0:" stays one word

        def attempt(count: int) -> tuple[tuple[str, tuple[tuple[int, str, str], ...]], tuple[Measure, ...]]:
            cut = " ".join(words[:count]).rstrip(_CUT_END) + "…" if count else ""
            text = self._text(template, {**context, "summary": cut}, templates, lang)
            shown = self._shown(text, network, main)
            return shown, _with_warning(measure_all(shown[0], network), cw)

        def fits(result: tuple[Any, tuple[Measure, ...]]) -> bool:
            return all(m.fits for m in result[1])

        excess = max(m.length - m.limit for m in measures) + 1  # +1 for the ellipsis
        count = len(words)
        while count > 0 and excess > 0:
            count -= 1
            excess -= len(words[count]) + 1
        result = attempt(count)
        if fits(result):
            while count < len(words) - 1:
                longer = attempt(count + 1)
                if not fits(longer):
                    break
                count, result = count + 1, longer
            return result
        while count > 0:
            count -= 1
            result = attempt(count)
            if fits(result):
                return result
        return None


#: Words that open a French sentence and take a small letter after a colon ("… manqué : le salon").
#: A proper noun ("Salon Industrie", "Lyon") keeps its capital.
_FRENCH_OPENINGS = frozenset("""
    le la les l un une des du de d au aux ce cet cette ces c ça ceci cela notre nos votre vos leur leurs
    mon ma mes son sa ses il elle ils elles on nous vous je j qui que qu quand comment pourquoi où
    chaque tous toutes tout toute dans pour avec en à sur plus encore déjà demain aujourd ici voici
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
    septembre octobre novembre décembre
    venez découvrez retrouvez rejoignez lisez relisez suivez profitez inscrivez participez regardez
""".split())
_OPENING_WORD = re.compile(r"^([A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ]*)(?=[\s'’,.!?:;]|$)")


def _lowered_opening(text: str) -> str:
    """``Le lancement…`` -> ``le lancement…``; ``Lyon accueille…`` is left alone."""
    match = _OPENING_WORD.match(text)
    if match is None or match.group(1).lower() not in _FRENCH_OPENINGS:
        return text
    following = text[match.end():].lstrip(" '’")
    if following[:1].isupper():  # "La Rochelle", "Le Mans", "La Poste": a name
        return text
    return text[0].lower() + text[1:]


#: Code written between backquotes in a post: left as written (the blog leaves its code alone too).
_CODE = re.compile(r"`[^`\n]*`")


def french_poll(poll: Poll) -> Poll:
    """``poll`` with French spacing in its question and answers, as the post's text has it: a network
    shows them as text ("Vous venez\u00a0?"). Only spaces typed become no-break ones: lengths stay."""
    question = _french_spaced(poll.question) if poll.question else poll.question
    return dataclasses.replace(poll, question=question,
                               options=tuple(_french_spaced(option) for option in poll.options))


def _french_spaced(text: str) -> str:
    """``text`` with French spacing (:func:`edcal.i18n.typeset`) outside code between backquotes."""
    if "`" not in text:
        return typeset(text, "fr")
    parts, position = [], 0
    for code in _CODE.finditer(text):
        parts += [typeset(text[position:code.start()], "fr"), code.group(0)]
        position = code.end()
    return "".join(parts) + typeset(text[position:], "fr")


def _spaced_after_links(text: str, network: Network) -> str:
    """``text`` with a plain space for each space a link takes on a network that finds links as Mastodon does:
    its query takes every character from U+00A0 on, so the no-break space French spacing puts before
    ``! ? : ; »`` after a tracked link (``utm_campaign=salon\u00a0!``) ends up in the link's address."""
    if not network.finds_links_as_mastodon or "://" not in text:
        return text
    while spaces := [space for start, end in mastodon_links(text)
                     for space in _link_spaces(text, start, end)]:
        chars = list(text)
        for index in spaces:
            chars[index] = " "
        text = "".join(chars)  # and read again: a link after a space made plain may take a later one
    return text


def _link_spaces(text: str, start: int, end: int) -> list[int]:
    """The spaces of the link ``text[start:end]`` to make plain: its first, which it ends before then, and
    each before an address it took in (``?a=1\u00a0https://…``: a chain of them is made plain at once)."""
    spaces = [index for index in range(start, end) if text[index].isspace()]
    return spaces[:1] + [index for index in spaces[1:]
                         if text[index + 1:index + 9].lower().startswith(("http://", "https://"))]


def _nfc(text: str) -> str:
    """Text in NFC, as networks store it (``é`` typed as ``e`` and U+0301 is one ``é``)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _clean(text: str) -> str:
    """NFC, trailing spaces off, at most one blank line in a row, no blank ends."""
    lines = _nfc(text).replace("\r\n", "\n").split("\n")
    # Line by line: an expression for the spaces before "\n" was tried from every character (6 times as long).
    text = "\n".join([line.rstrip(_TRAILING_SPACES) for line in lines[:-1]] + lines[-1:])
    return _BLANK_LINES.sub("\n\n", text).strip()
