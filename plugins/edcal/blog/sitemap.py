"""``sitemap.xml``: every public page of the blog, for search engines; and ``robots.txt`` naming it.

Written from the lists Pelican renders (articles and their translations,
pages, categories, tags, authors), after edcal has taken out everything not
live yet: a scheduled article is in the sitemap exactly when its page exists.
Hidden articles and pages (``status: hidden``) are left out, as from lists.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from edcal.dates import iso_stamp

#: pelicanconf.py: where the sitemap is written ("" writes none).
SAVE_AS_SETTING = "SITEMAP_SAVE_AS"
DEFAULT_SAVE_AS = "sitemap.xml"
#: pelicanconf.py: where robots.txt is written ("" writes none). A site's own robots.txt (a static file
#: saved there, e.g. content/extra/robots.txt through EXTRA_PATH_METADATA) is left as it is.
ROBOTS_SETTING = "ROBOTS_SAVE_AS"
ROBOTS_SAVE_AS = "robots.txt"

logger = logging.getLogger(__name__)
#: A robots.txt line naming a sitemap (field names are case-insensitive, spaces allowed, RFC 9309).
_SITEMAP_LINE = re.compile(r"^\s*sitemap\s*:(.*)$", re.IGNORECASE)


class SitemapGenerator:
    """A Pelican generator: runs after the articles and pages generators filled the context."""

    def __init__(self, context: dict[str, Any], settings: dict[str, Any], path: str, theme: str,
                 output_path: str, **kwargs: Any):
        self.context = context
        self.settings = settings
        self.output_path = Path(output_path)

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer: Any) -> None:
        # Where Pelican's writer writes: under edcal build, a staging folder moved into output/ with the
        # pages once all are written (edcal.pelican_plugin.staging).
        self.output_path = Path(getattr(writer, "output_path", None) or self.output_path)
        save_as = self.settings.get(SAVE_AS_SETTING, DEFAULT_SAVE_AS)
        site_url = str(self.settings.get("SITEURL") or "").rstrip("/")
        if save_as:
            self._write(SAVE_AS_SETTING, save_as, sitemap(self.context, site_url))
        self._robots(_absolute(site_url, save_as) if site_url and save_as else "")

    def _write(self, setting: str, save_as: str, text: str) -> None:
        """Write a file of output/; a setting that names a folder of the blog (``ROBOTS_SAVE_AS =
        "feeds"``) is told at its line, not as a traceback."""
        target = self.output_path / save_as
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            from edcal.errors import InputError, InputErrors
            from edcal.files import os_reason
            from edcal.i18n import say
            from edcal.load.calendar_files import DEFAULT_SETTINGS
            from edcal.pelican_plugin import abort
            from edcal.pelican_plugin.staging import STAGING_PREFIX
            from edcal.site import SETTINGS_FILE_SETTING, SITE_SETTING, setting_source

            site = Path(str(self.settings.get(SITE_SETTING) or "."))
            settings_file = Path(self.settings.get(SETTINGS_FILE_SETTING) or site / DEFAULT_SETTINGS)
            abort(InputErrors([InputError(
                setting_source(site, settings_file, setting),
                say("cannot write {setting} = {value!r}: {reason}", setting=setting, value=save_as,
                    reason=os_reason(exc)),
                say("name a file the blog does not write, e.g. {example}",
                    example=DEFAULT_SAVE_AS if setting == SAVE_AS_SETTING else ROBOTS_SAVE_AS))],
                outcome=say("output/ and planning/ were left as they were")
                if self.output_path.name.startswith(STAGING_PREFIX) else
                say("output/ is partly written; planning/ was left as it was")), self.settings)

    def _robots(self, sitemap_url: str) -> None:
        """``robots.txt`` naming the sitemap at the address this build has (``publishconf.py``'s): one
        written once, at ``edcal init``, kept the first address after SITEURL changed."""
        save_as = self.settings.get(ROBOTS_SETTING, ROBOTS_SAVE_AS)
        if not save_as:
            return
        own = next((static for static in self.context.get("staticfiles") or ()
                    if getattr(static, "save_as", None) == save_as), None)
        if own is not None:
            written = Path(own.source_path).read_text(encoding="utf-8", errors="replace")
            named = [found.group(1).strip() for line in written.splitlines()
                     if (found := _SITEMAP_LINE.match(line)) is not None]
            if sitemap_url and named and sitemap_url not in named:
                logger.warning("%s names the sitemap %s, but this build's is %s: remove the file (edcal "
                               "writes robots.txt from SITEURL) or correct its Sitemap: line",
                               own.relative_source_path, named[0], sitemap_url)
            return
        lines = ["User-agent: *", "Allow: /"] + ([f"Sitemap: {sitemap_url}"] if sitemap_url else [])
        self._write(ROBOTS_SETTING, save_as, "\n".join(lines) + "\n")


def sitemap(context: dict[str, Any], site_url: str) -> str:
    """The sitemap of a rendered context: home, articles (with their translations), pages, taxonomies."""
    articles = list(context.get("articles") or ())
    newest = _newest(articles)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']

    def url(path: str, lastmod: dt.datetime | None = None, languages: list[Any] | None = None) -> None:
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(_absolute(site_url, path))}</loc>")
        if lastmod is not None:
            lines.append(f"    <lastmod>{iso_stamp(lastmod)}</lastmod>")
        for other in languages or ():
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(str(other.lang))} '
                         f"href={quoteattr(_absolute(site_url, other.url))}/>")
        lines.append("  </url>")

    url("", newest)
    for content in [*articles, *(context.get("pages") or ())]:
        family = [content, *(getattr(content, "translations", None) or ())]
        languages = family if len(family) > 1 else None
        for member in family:
            url(member.url, _changed(member), languages)
    for name in ("categories", "tags", "authors"):
        for taxonomy, listed in sorted(context.get(name) or (), key=lambda pair: str(pair[0].url)):
            if getattr(taxonomy, "save_as", None):
                url(taxonomy.url, _newest(listed))
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _changed(content: Any) -> dt.datetime | None:
    return getattr(content, "modified", None) or getattr(content, "date", None)


def _newest(articles: Iterable[Any]) -> dt.datetime | None:
    """When the newest of ``articles`` last changed (Pelican gives every article a date)."""
    return max((changed for article in articles if (changed := _changed(article)) is not None), default=None)


def _absolute(site_url: str, path: str) -> str:
    return f"{site_url}/{str(path).lstrip('/')}"
