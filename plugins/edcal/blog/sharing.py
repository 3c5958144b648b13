"""How a page previews when it is shared: OpenGraph, cards, JSON-LD, and share links.

Every URL here is absolute (from ``SITEURL``): networks fetch previews from
anywhere, and relative URLs mean nothing to them.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from edcal.blog.helpers import BlogTheme, lead, og_locale, plain_text
from edcal.dates import iso_stamp
from edcal.model.network import Network, fill_share_form

logger = logging.getLogger("edcal")

#: pelicanconf.py settings read here.
DEFAULT_IMAGE_SETTING = "DEFAULT_IMAGE"
DEFAULT_IMAGE_ALT_SETTING = "DEFAULT_IMAGE_ALT"
SHARE_LINKS_SETTING = "SHARE_LINKS"
MASTODON_SHARE_PAGE_SETTING = "MASTODON_SHARE_PAGE"
PUBLISHER_SETTING = "PUBLISHER"
#: Longest og:description; networks cut around 200-300 characters anyway.
DESCRIPTION_LENGTH = 300

#: The share buttons a page has when ``SHARE_LINKS`` says nothing, in this order.
DEFAULT_SHARE_LINKS = ("linkedin", "x", "mastodon", "bluesky", "facebook", "email")
#: Besides networks, a reader may send a page by email.
EMAIL_FORM = "mailto:?subject={title}&body={url}"


#: Set by the edcal plugin: the networks' share forms as the site's calendar.yaml sets them.
SHARE_FORMS_SETTING = "EDCAL_SHARE_FORMS"


def share_forms(networks: Iterable[Network] | None = None) -> dict[str, tuple[str, str]]:
    """What a share button can open: id -> (name, form with ``{text}``, ``{url}`` or ``{title}``).

    The networks' forms are their ``share_form`` (builtin.yaml, and calendar.yaml's `networks:`
    when given), the ones the ambassadors' page opens too: one list of addresses to keep up to date.
    """
    if networks is None:
        from edcal.load.network_registry import builtin_registry

        networks = builtin_registry().networks.values()
    forms = {network.id: (network.name, network.share_form) for network in networks if network.share_form}
    forms["email"] = ("Email", EMAIL_FORM)
    return forms


@dataclass(frozen=True, slots=True)
class SharedImage:
    url: str
    width: int | None
    height: int | None
    alt: str


@dataclass(frozen=True, slots=True)
class Language:
    lang: str
    url: str
    locale: str


@dataclass(frozen=True, slots=True)
class ShareLink:
    network: str
    name: str
    href: str


@dataclass(frozen=True, slots=True)
class PageSharing:
    """Everything a page's ``<head>`` says about it to networks and search engines."""

    type: str
    url: str
    title: str
    description: str
    site_name: str
    lang: str
    locale: str
    #: The page in each language it exists in, itself included (hreflang, og:locale:alternate).
    languages: tuple[Language, ...]
    image: SharedImage | None
    published: str | None = None
    modified: str | None = None
    authors: tuple[str, ...] = ()
    section: str | None = None
    tags: tuple[str, ...] = ()
    #: ``<script type="application/ld+json">`` body (BlogPosting), safe to embed.
    json_ld: Markup | None = None


class Sharing:
    def __init__(self, theme: BlogTheme):
        self.theme = theme
        settings = theme.settings
        self.site_name = plain_text(settings.get("SITENAME") or "")
        self.publisher = str(settings.get(PUBLISHER_SETTING) or self.site_name)
        self.default_image = settings.get(DEFAULT_IMAGE_SETTING)
        self.default_alt = str(settings.get(DEFAULT_IMAGE_ALT_SETTING) or self.site_name)
        forms = dict(settings.get(SHARE_FORMS_SETTING) or share_forms())
        page = settings.get(MASTODON_SHARE_PAGE_SETTING)
        # The theme's older setting for the Mastodon instance, unless calendar.yaml sets a form of its own.
        if page and "mastodon" in forms and forms["mastodon"] == share_forms()["mastodon"]:
            page = str(page)
            forms["mastodon"] = (forms["mastodon"][0], page + ("&" if "?" in page else "?") + "text={text}")
        self.forms = forms
        wanted = tuple(settings.get(SHARE_LINKS_SETTING, DEFAULT_SHARE_LINKS) or ())
        unknown = tuple(n for n in wanted if n not in forms)
        if unknown:
            _report_unknown_networks(unknown, tuple(forms))
        self.networks = tuple(n for n in wanted if n in forms)

    @pass_context
    def of_page(self, context: Context) -> PageSharing:
        """The sharing metadata of the page being written: its article or page, else the site."""
        article = context.get("article")
        if article is not None:
            return self.of_content(article, "article")
        page = context.get("page")
        if page is not None:
            return self.of_content(page, "website")
        lang = self.theme.default_lang
        url = self.theme.canonical_url(context)
        subtitle = plain_text(context.get("SITESUBTITLE") or "")
        return PageSharing(type="website", url=url, title=self.site_name, description=subtitle,
                           site_name=self.site_name, lang=lang, locale=og_locale(lang),
                           languages=(), image=self.image(self.default_image, self.default_alt))

    def of_content(self, content: Any, kind: str) -> PageSharing:
        theme = self.theme
        url = theme.absolute_url(content.url)
        lang = str(getattr(content, "lang", None) or theme.default_lang)
        title = plain_text(content.title)
        description = _shorten(lead(content), DESCRIPTION_LENGTH)
        own = getattr(content, "image", None)
        image = (self.image(own, str(getattr(content, "image_alt", None) or "")) if own
                 else self.image(self.default_image, self.default_alt))
        translations = list(getattr(content, "translations", None) or ())
        languages = tuple(sorted(
            (Language(str(c.lang), theme.absolute_url(c.url), og_locale(str(c.lang)))
             for c in [content, *translations]), key=lambda language: language.lang)) \
            if translations else ()
        date = getattr(content, "date", None)
        modified = getattr(content, "modified", None) or date
        authors = tuple(getattr(content, "authors", None) or ())
        category = getattr(content, "category", None)
        tags = tuple(str(t) for t in getattr(content, "tags", None) or ())
        sharing = PageSharing(
            type=kind, url=url, title=title, description=description, site_name=self.site_name,
            lang=lang, locale=og_locale(lang), languages=languages, image=image,
            published=iso_stamp(date) if date else None,
            modified=iso_stamp(modified) if modified else None,
            authors=tuple(str(a) for a in authors), section=str(category) if category else None,
            tags=tags,
        )
        if kind != "article":
            return sharing
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": title,
            "description": description,
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "inLanguage": lang,
            "datePublished": sharing.published,
            "dateModified": sharing.modified,
            "author": [{"@type": "Person", "name": str(a), "url": theme.absolute_url(a.url)}
                       for a in authors],
            "publisher": {"@type": "Organization", "name": self.publisher, "url": theme.absolute_url("")},
            "isPartOf": {"@type": "Blog", "name": self.site_name, "url": theme.absolute_url("")},
        }
        if image is not None:
            data["image"] = {"@type": "ImageObject", "url": image.url}
            if image.width and image.height:
                data["image"].update(width=image.width, height=image.height)
        if sharing.section:
            data["articleSection"] = sharing.section
        if tags:
            data["keywords"] = ", ".join(tags)
        return _replace_json_ld(sharing, data)

    def image(self, path: Any, alt: str) -> SharedImage | None:
        if not path:
            return None
        size = self.theme.image_size(str(path))
        width, height = size if size else (None, None)
        return SharedImage(self.theme.absolute_url(str(path)), width, height, alt)

    def share_links(self, url: str, title: str) -> list[ShareLink]:
        """Links that open each network's "share" form, prefilled; no script, no tracking."""
        title = plain_text(title)
        values = {"text": f"{title} {url}", "url": url, "title": title}
        return [ShareLink(network, self.forms[network][0], fill_share_form(self.forms[network][1], values))
                for network in self.networks]


@functools.cache
def _report_unknown_networks(unknown: tuple[str, ...], known: tuple[str, ...]) -> None:
    """Once per build, though every generator installs the helpers."""
    from edcal.i18n import say, spoken

    logger.warning("%s", spoken(say("{setting}: unknown network(s) {names}; known: {known}",
                                    setting=SHARE_LINKS_SETTING, names=", ".join(map(repr, unknown)),
                                    known=", ".join(known))))


def _shorten(text: str, length: int) -> str:
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def _replace_json_ld(sharing: PageSharing, data: dict[str, Any]) -> PageSharing:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # Inside <script>, "</" would end the element: escape what HTML could read as markup.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return replace(sharing, json_ld=Markup(text))
