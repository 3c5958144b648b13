"""The theme's helpers: words in the page's language, dates, reading time, URLs, image sizes."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html as html_module
import math
import re
import urllib.parse
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from edcal.i18n import language, long_date, month_name, theme_catalog
from edcal.imagesize import image_size
from edcal.model.article import content_path
from edcal.themes import template_folders

#: Reading speed behind "4 min read" (words per minute of an adult reading on screen).
WORDS_PER_MINUTE = 230
#: Where a theme keeps its interface words: ``<theme>/translations/<lang>.yaml``.
TRANSLATIONS_FOLDER = "translations"
#: Each language's name in that language, for links to an article's translations.
LANGUAGE_NAMES = {"fr": "Français", "en": "English", "de": "Deutsch", "es": "Español", "it": "Italiano",
                  "nl": "Nederlands", "pt": "Português"}
#: Territory of ``og:locale`` when a language has several (``en`` -> ``en_US``); others repeat it.
LOCALES = {"en": "en_US", "pt": "pt_PT"}
_WORD = re.compile(r"\w+")
#: The white space HTML collapses (ASCII only: a no-break space stays).
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.DOTALL)
#: Where a paragraph may open. If the first one never closes, no later one does: its search is not repeated.
_PARAGRAPH_OPENING = re.compile(r"<p(?=[\s>])")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


class BlogTheme:
    """What the templates ask of one build: its words, URLs and images."""

    def __init__(self, settings: dict[str, Any]):
        self.settings = settings
        self.site_url = str(settings.get("SITEURL") or "").rstrip("/")
        self.default_lang = str(settings.get("DEFAULT_LANG") or "en")
        self.content = Path(settings.get("PATH") or ".")
        self.folders = tuple(str(f) for f in template_folders(settings, TRANSLATIONS_FOLDER))

    # Words

    @pass_context
    def page_lang(self, context: Context) -> str:
        """The language of the page being written: its article's or page's, else the site's."""
        for name in ("article", "page"):
            lang = getattr(context.get(name), "lang", None)
            if lang:
                return str(lang)
        return self.default_lang

    @pass_context
    def in_page_lang(self, context: Context, content: Any) -> Any:
        """A page of the menu in the language of the page being written: its translation in it, when one is
        online (a French page's menu links to « À propos », not to "About"), else the page itself."""
        lang = self.page_lang(context)
        if getattr(content, "lang", None) == lang:
            return content
        for version in getattr(content, "translations", None) or ():
            online = getattr(version, "status", None) in ("published", "hidden")
            if online and getattr(version, "lang", None) == lang:
                return version
        return content

    @pass_context
    def translate(self, context: Context, text: str, lang: str | None = None, **fields: Any) -> str:
        """``_("Share this article")``: the text in the page's language (or ``lang``),
        with ``{name}`` fields filled from keyword arguments."""
        words = theme_catalog(self.folders, lang or self.page_lang(context)).get(text, text)
        return words.format(**fields) if fields else words

    @pass_context
    def translate_plural(self, context: Context, singular: str, plural: str, count: int,
                         lang: str | None = None, **fields: Any) -> str:
        """``_n("{count} article", "{count} articles", n)``: French counts 0 as singular, English does not."""
        lang = lang or self.page_lang(context)
        one = count in (0, 1) if language(lang) == "fr" else count == 1
        return self.translate(context, singular if one else plural, lang=lang, count=count, **fields)

    @pass_context
    def period_name(self, context: Context, period: tuple[int, ...], lang: str | None = None) -> str:
        """An archive's period (Pelican's ``period_num``): "2026", "novembre 2026", "3 novembre 2026"."""
        if len(period) >= 3:
            return self.long_date(context, dt.date(*period[:3]), lang)
        if len(period) == 2:
            return month_name(dt.date(period[0], period[1], 1), lang or self.page_lang(context))
        return str(period[0])

    @pass_context
    def long_date(self, context: Context, value: dt.date, lang: str | None = None) -> str:
        """"3 novembre 2026", "1er décembre 2026", "3 November 2026", "November 3, 2026" (``en-US``)."""
        return long_date(value, lang or self.page_lang(context), weekday=False)

    # URLs and images

    def absolute_url(self, path: str) -> str:
        """A path inside the site (``2026/slug/``, ``/images/a.png``) as an absolute URL."""
        path = str(path or "")
        if _SCHEME.match(path):
            return path
        return f"{self.site_url}/{url_path(path)}"

    def root_url(self) -> str:
        """The site's root for a page served at any depth (404.html): SITEURL, or its path
        alone (``""`` or ``/blog``) when the site uses relative URLs, so that a local server works too."""
        if self.settings.get("RELATIVE_URLS"):
            return urllib.parse.urlsplit(self.site_url).path.rstrip("/")
        return self.site_url

    @pass_context
    def canonical_url(self, context: Context) -> str:
        """The absolute URL of the page being written (``…/dir/`` for ``dir/index.html``)."""
        for name in ("article", "page"):
            content = context.get(name)
            if content is not None and getattr(content, "url", None) is not None:
                return self.absolute_url(content.url)
        output = str(context.get("output_file") or "")
        return self.absolute_url(output.removesuffix("index.html"))

    @pass_context
    def image_src(self, context: Context, path: str) -> str:
        """An image's URL for ``<img src>``: relative to the page when the site uses relative URLs."""
        if _SCHEME.match(str(path)):
            return str(path)
        return f"{context.get('SITEURL', self.site_url)}/{url_path(path)}"

    def image_size(self, path: str | None) -> tuple[int, int] | None:
        """Width and height of an image in content/ (None for remote or unreadable ones)."""
        if not path or _SCHEME.match(str(path)):
            return None
        file = self.content / content_path(path)
        try:
            stamp = file.stat().st_mtime_ns
        except OSError:
            return None
        return _cached_size(str(file), stamp)


@functools.lru_cache(maxsize=1024)
def _cached_size(path: str, stamp: int) -> tuple[int, int] | None:
    return image_size(Path(path))


def url_path(path: str) -> str:
    """A content file's path as it goes into a URL: ``images/vue de dessous.png`` ->
    ``images/vue%20de%20dessous.png`` (the space went as is into og:image, JSON-LD and feeds)."""
    return urllib.parse.quote(content_path(path), safe="/%:@!$&'()*+,;=-._~")


def plain_text(html: Any) -> str:
    """Markup as text: tags removed, entities decoded, white space collapsed.

    Not ``Markup.striptags()``: it collapses no-break spaces too, and French titles
    and summaries keep theirs ("corrosion :" never breaks before its colon).
    """
    text = _SPACES.sub(" ", _without_tags(str(html or ""))).strip()
    return html_module.unescape(text)


def _without_tags(html: str) -> str:
    """``html`` less its comments and tags: what ``<!--.*?-->|<[^>]*>`` removes, in linear time.

    That expression searched the rest of the text from each ``<`` that never closes: a title of 20,000
    unclosed ``<pre `` took seconds each time a page showed it. An end found missing is not searched again.
    """
    kept = []
    position = 0
    comments_close = True
    while (start := html.find("<", position)) >= 0:
        end = -1
        if comments_close and html.startswith("<!--", start):
            end = html.find("-->", start + 4)
            comments_close = end >= 0
            end = end + 3 if end >= 0 else -1
        if end < 0:
            end = html.find(">", start + 1) + 1
            if not end:  # no tag ends after this one: the rest is text
                break
        kept.append(html[position:start])
        position = end
    kept.append(html[position:])
    return "".join(kept)


def lead(content: Any) -> str:
    """What an article is about, as text: its ``summary:``, else its first paragraph.

    Pelican's own summary (the first words of the whole text) runs into the
    headings and lists that follow; the first paragraph reads as a summary.
    """
    summary = (getattr(content, "metadata", None) or {}).get("summary")
    if summary:
        return plain_text(summary)
    html = str(getattr(content, "content", "") or "")
    opening = _PARAGRAPH_OPENING.search(html)
    match = _PARAGRAPH.match(html, opening.start()) if opening else None
    return plain_text(match.group(1) if match else getattr(content, "summary", ""))


def reading_time(content: Any) -> int:
    """Minutes to read an article, at least 1."""
    cached = getattr(content, "_edcal_reading_time", None)
    if cached is None:
        words = len(_WORD.findall(plain_text(getattr(content, "content", ""))))
        cached = max(1, math.ceil(words / WORDS_PER_MINUTE))
        with contextlib.suppress(AttributeError):  # cached: a content appears in many lists
            content._edcal_reading_time = cached
    return int(cached)


def language_name(code: str) -> str:
    """"en" -> "English": a language named in itself, as a reader of it looks for it."""
    return LANGUAGE_NAMES.get(str(code).split("-")[0].lower(), str(code))


def og_locale(code: str) -> str:
    """OpenGraph's locale: ``fr`` -> ``fr_FR``, ``en`` -> ``en_US``, ``fr-CA`` -> ``fr_CA``."""
    parts = str(code).replace("_", "-").split("-")
    lang = parts[0].lower()
    if len(parts) > 1 and parts[1]:
        return f"{lang}_{parts[1].upper()}"
    return LOCALES.get(lang, f"{lang}_{lang.upper()}")

