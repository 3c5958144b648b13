"""Pelican content objects to model articles, and the filter that keeps output/ public."""

from __future__ import annotations

from typing import Any

from edcal.addresses import absolute
from edcal.load.articles import EDCAL_KEY, ArticleMeta, build_article
from edcal.model.article import Article


def final_url(content: Any, settings: dict[str, Any], dated: bool = True) -> str:
    """The absolute URL an article has once published (Pelican gives drafts a drafts/ URL).

    :param dated: whether the article has a date; without one, a URL made from the date
        (``{date:%Y}/{slug}/``) is not known yet: ``""`` (Pelican would put it in year 9999).
    """
    override = getattr(content, "override_url", None)
    if override is not None:
        path = override
    else:
        key = "ARTICLE_URL" if content.in_default_lang else "ARTICLE_LANG_URL"
        template = str(settings[key])
        if not dated and "{date" in template:
            return ""
        path = template.format(**content.url_format)
    site_url = str(settings.get("SITEURL") or "")
    return absolute("/" + path.lstrip("/"), site_url) if site_url else "/" + path.lstrip("/")


def to_article(content: Any, settings: dict[str, Any], is_original: bool) -> Article | None:
    meta: ArticleMeta | None = getattr(content, EDCAL_KEY, None)
    if meta is None:
        return None
    tags = tuple(str(t) for t in getattr(content, "tags", ()) or ())
    category = getattr(content, "category", None)
    authors = tuple(str(a) for a in getattr(content, "authors", ()) or ())
    return build_article(
        meta, slug=content.slug, url=final_url(content, settings, dated=meta.date is not None),
        lang=content.lang,
        is_original=is_original, tags=tags, category=str(category) if category else None,
        authors=authors,
    )

