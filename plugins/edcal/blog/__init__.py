"""The public blog's side of edcal: what its theme's templates need from Python.

Templates get, as Jinja globals and filters: ``_()`` (interface words in the
page's language, from the theme's ``translations/<lang>.yaml``), dates
written out, reading time, absolute URLs, image sizes, sharing metadata
(OpenGraph, cards, JSON-LD) and share links; the build gets ``sitemap.xml``.

``PLUGINS = ["edcal"]`` loads this with the engine. A site that wants the
theme without the engine (e.g. a plain-Pelican benchmark) loads it alone:
``PLUGINS = ["edcal.blog"]``.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

#: Plugin names that bring these helpers.
PLUGIN_NAMES = ("edcal", "edcal.blog")
#: Set by the edcal plugin while a build's state is attached: its build time (``SOURCE_DATE_EPOCH``, else the
#: inputs' last commit), which the blog's files give for "now".
BUILD_TIME_SETTING = "EDCAL_BUILD_TIME"


def register() -> None:
    from edcal.blog.summaries import install as linear_summaries

    linear_summaries()  # Pelican's summaries, as they were, in a time that grows with the article
    signals.generator_init.connect(on_generator_init)
    signals.get_generators.connect(get_generators)
    signals.content_object_init.connect(on_content_init)
    signals.feed_generated.connect(on_feed_generated)


def on_feed_generated(context: dict[str, Any], feed: Any) -> None:
    """A feed says its language (Atom ``xml:lang``, RSS ``<language>``), so that readers pick fonts,
    hyphenation and translation offers: a translation feed's (``TRANSLATION_FEED_ATOM``), else the site's.
    """
    if not enabled(context):
        return
    import re

    from edcal.dates import in_whole_minutes

    for item in feed.items:  # RFC 3339 and RFC 822 offsets are whole minutes: a local mean time's in UTC
        for key in ("pubdate", "updateddate"):
            if item.get(key) is not None:
                item[key] = in_whole_minutes(item[key])
    if not feed.items:  # feedgenerator dates an empty feed with the clock: the build's inputs' time instead
        pinned = _pinned_time(context)
        if pinned is not None:
            feed.latest_post_date = lambda: pinned
    language = str(context.get("DEFAULT_LANG") or "")
    url = str(feed.feed.get("feed_url") or "")
    for key in ("TRANSLATION_FEED_ATOM", "TRANSLATION_FEED_RSS"):
        pattern = context.get(key)
        if not pattern or "{lang}" not in str(pattern):
            continue
        before, _, after = str(pattern).partition("{lang}")
        # A language code only: a category "All terrain" in feeds/{slug}.atom.xml is no language "terrain".
        code = r"(?P<lang>[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)"
        found = re.search(re.escape(before) + code + re.escape(after) + "$", url)
        if found:
            language = found.group("lang")
    if language:
        feed.feed["language"] = language
    languages = _entry_languages(context, feed, language)
    for item in feed.items:
        # Pelican's ids are tag: URIs, not addresses: RSS takes a <guid> for a permalink unless told.
        unique_id = str(item.get("unique_id") or "")
        if unique_id and not unique_id.startswith(("http://", "https://")):
            item["unique_id_is_permalink"] = False
    if any(languages.values()):  # Atom: an entry in another language says so (`xml:lang`)
        feed.item_attributes = lambda item: ({"xml:lang": languages[id(item)]} if languages.get(id(item))
                                             else {})
    # Pelican's feed writer strips the titles' no-break spaces (Markup.striptags): the ones the writer typed,
    # `1 200 m²`, `6 mars`, `2027 :` (narrow), are the title's as the page shows it.
    for item, title in _written_titles(context, feed):
        item["title"] = title
    if language.lower().startswith("fr"):  # and French spacing where the writer typed a plain space
        from edcal.blog.typography import french_html
        from edcal.i18n import typeset

        for item in feed.items:
            if languages.get(id(item)):  # a translation in the site's feed keeps its own language's spacing
                continue
            item["title"] = typeset(str(item.get("title") or ""), "fr")
            for key in ("description", "content"):
                if item.get(key):
                    item[key] = french_html(str(item[key]))


def _written_titles(context: dict[str, Any], feed: Any) -> list[tuple[dict[str, Any], str]]:
    """Each entry of ``feed`` with its article's title as text, no-break spaces kept (what Pelican's
    ``striptags`` made plain spaces); entries of no article found are left out."""
    from urllib.parse import urlsplit

    from edcal.blog.helpers import plain_text

    by_path: dict[str, str] = {}
    for article in context.get("articles") or ():
        for content in (article, *getattr(article, "translations", ())):
            title = getattr(content, "title", None)
            if isinstance(title, str) and any(space in title for space in "\u00a0\u202f\u2007"):
                by_path["/" + str(content.url).lstrip("/")] = plain_text(title)
    if not by_path:
        return []
    root = urlsplit(str(context.get("SITEURL") or "")).path.rstrip("/")
    found = []
    for item in feed.items:
        path = urlsplit(str(item.get("link") or "")).path
        title = by_path.get(path[len(root):] if root and path.startswith(root + "/") else path)
        if title is not None:
            found.append((item, title))
    return found


def _entry_languages(context: dict[str, Any], feed: Any, language: str) -> dict[int, str]:
    """The language of each entry of ``feed`` written in another language than the feed's (a translation
    in the site's feed of all articles), by the entry's ``id()``; the others are left out."""
    from urllib.parse import urlsplit

    by_path: dict[str, str] = {}
    for article in context.get("articles") or ():
        for content in (article, *getattr(article, "translations", ())):
            lang = str(getattr(content, "lang", "") or "")
            if lang and lang != language:
                by_path["/" + str(content.url).lstrip("/")] = lang
    if not by_path:
        return {}
    # An entry's link is SITEURL joined with the article's URL: its path, less SITEURL's own (/blog).
    root = urlsplit(str(context.get("SITEURL") or "")).path.rstrip("/")
    found = {}
    for item in feed.items:
        path = urlsplit(str(item.get("link") or "")).path
        item_lang = by_path.get(path[len(root):] if root and path.startswith(root + "/") else path)
        if item_lang:
            found[id(item)] = item_lang
    return found


def on_content_init(content: Any) -> None:
    """Articles and pages as readers get them: images with their size (the page does not jump as
    they load), tables and code that the keyboard scrolls; in French, French spacing ("corrosion :
    l'entretien" never breaks before ":")."""
    settings = getattr(content, "settings", None) or {}
    if not enabled(settings):
        return
    from edcal.blog.typography import french_html, keyboard_scrollers, sized_images

    if getattr(content, "_content", None):
        content._content = keyboard_scrollers(content._content)
    source = getattr(content, "relative_source_path", None)
    if getattr(content, "_content", None) and source and settings.get("PATH"):
        import os
        import pathlib

        folder = os.path.dirname(str(source)).replace(os.sep, "/")
        content._content = sized_images(content._content, pathlib.Path(settings["PATH"]), folder)
    lang = str(getattr(content, "lang", None) or settings.get("DEFAULT_LANG") or "")
    if not lang.lower().startswith("fr"):
        return
    if getattr(content, "_content", None):
        content._content = french_html(content._content)
    if getattr(content, "title", None):
        content.title = french_html(content.title)
    summary = content.metadata.get("summary") if hasattr(content, "metadata") else None
    if summary:  # Pelican writes _summary back into the metadata when it resolves links: both
        content._summary = content.metadata["summary"] = french_html(summary)


def _pinned_time(context: dict[str, Any]) -> Any:
    """The time written for "now" in the blog's files: edcal's build time (``SOURCE_DATE_EPOCH``, else the
    inputs' last commit), or ``SOURCE_DATE_EPOCH`` for the blog built without the planning engine."""
    from edcal.clock import source_date_epoch
    from edcal.errors import InputErrors

    if BUILD_TIME_SETTING in context:
        return context[BUILD_TIME_SETTING]
    try:
        return source_date_epoch()
    except InputErrors:  # not a number: the blog alone keeps Pelican's own date
        return None


def enabled(settings: dict[str, Any]) -> bool:
    """Handlers stay connected between runs in one process: act only for sites that load us."""
    plugins = [getattr(p, "__name__", p) for p in settings.get("PLUGINS") or []]
    return any(name in plugins for name in PLUGIN_NAMES)


def on_generator_init(generator: Any) -> None:
    if not enabled(generator.settings):
        return
    install(generator.env, generator.settings)


def install(env: Any, settings: dict[str, Any]) -> None:
    """Add the theme's globals and filters to a generator's Jinja environment.

    A site's own ``JINJA_GLOBALS`` and ``JINJA_FILTERS`` of the same name win:
    Pelican installs them first, and these only fill the gaps.
    """
    from edcal.blog.helpers import BlogTheme, language_name, lead, og_locale, plain_text, reading_time
    from edcal.blog.sharing import Sharing
    from edcal.dates import iso_stamp

    theme = BlogTheme(settings)
    sharing = Sharing(theme)
    for name, function in {
        "_": theme.translate,
        "_n": theme.translate_plural,
        "page_lang": theme.page_lang,
        "in_page_lang": theme.in_page_lang,
        "absolute_url": theme.absolute_url,
        "root_url": theme.root_url,
        "canonical_url": theme.canonical_url,
        "image_src": theme.image_src,
        "image_size": theme.image_size,
        "sharing": sharing.of_page,
        "share_links": sharing.share_links,
    }.items():
        env.globals.setdefault(name, function)
    for name, function in {
        "long_date": theme.long_date,
        "iso_stamp": iso_stamp,
        "period_name": theme.period_name,
        "reading_time": reading_time,
        "language_name": language_name,
        "og_locale": og_locale,
        "plain": plain_text,
        "lead": lead,
    }.items():
        env.filters.setdefault(name, function)


def get_generators(pelican: Any) -> Any:
    if not enabled(pelican.settings):
        return None
    from edcal.blog.sitemap import SitemapGenerator

    return SitemapGenerator
