"""``sitemap.xml``: every public page of the blog, for search engines.

Written from the lists Pelican renders (articles and their translations,
pages, categories, tags, authors), after edcal has taken out everything not
live yet: a scheduled article is in the sitemap exactly when its page exists.
Hidden articles and pages (``status: hidden``) are left out, as from lists.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

#: pelicanconf.py: where the sitemap is written ("" writes none).
SAVE_AS_SETTING = "SITEMAP_SAVE_AS"
DEFAULT_SAVE_AS = "sitemap.xml"


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
        save_as = self.settings.get(SAVE_AS_SETTING, DEFAULT_SAVE_AS)
        if not save_as:
            return
        site_url = str(self.settings.get("SITEURL") or "").rstrip("/")
        target = self.output_path / save_as
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(sitemap(self.context, site_url), encoding="utf-8")


def sitemap(context: dict[str, Any], site_url: str) -> str:
    """The sitemap of a rendered context: home, articles (with their translations), pages, taxonomies."""
    articles = list(context.get("articles") or ())
    newest = max((_changed(a) for a in articles), default=None)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']

    def url(path: str, lastmod: dt.datetime | None = None, languages: list[Any] | None = None) -> None:
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(_absolute(site_url, path))}</loc>")
        if lastmod is not None:
            lines.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
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
                url(taxonomy.url, max((_changed(a) for a in listed), default=None))
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _changed(content: Any) -> dt.datetime | None:
    return getattr(content, "modified", None) or getattr(content, "date", None)


def _absolute(site_url: str, path: str) -> str:
    return f"{site_url}/{str(path).lstrip('/')}"
