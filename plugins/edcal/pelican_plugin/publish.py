"""Keep output/ public: only live articles stay in Pelican's lists.

Drafts, articles in review, scheduled (future-dated) and withheld articles are
taken out of every list Pelican builds pages, feeds, tags, categories,
authors and archives from, and out of the links between translations; a
{filename} link to one of them, or to a draft page, shows its words without
the link. They remain in the plan.
"""

from __future__ import annotations

import dataclasses
import html as html_module
import os
import posixpath
import re
import urllib.parse
from collections.abc import Iterable
from typing import Any

from edcal.i18n import language, say
from edcal.load.articles import EDCAL_KEY
from edcal.model.article import Article, content_path
from edcal.pelican_plugin.contents import to_article
from edcal.pelican_plugin.state import BuildState
from edcal.plan.status import article_state

_LISTED = ("articles", "translations", "hidden_articles", "hidden_translations")
_DRAFTS = ("drafts", "drafts_translations")


def _originals_in_the_default_language(models: dict[str, Article], default_lang: str | None) -> list[Article]:
    """The articles, the one in the site's language being the original among those sharing a slug.

    Pelican pairs translations within published articles and within drafts apart: an English
    draft of a published French article was an "original" too, and got promotions of its own
    (two items 'entretien-bluesky-0': the build stopped on a translation in progress).
    """
    # Only an original in the site's language: one marked `translation: true` translates the other.
    slugs_in_default = {a.slug for a in models.values() if a.lang == default_lang and a.is_original}
    return [dataclasses.replace(article, is_original=False)
            if article.is_original and article.lang != default_lang and article.slug in slugs_in_default
            else article for article in models.values()]


def _one_tag_per_page(content: Any) -> None:
    """``Tags: Soudure, soudure`` is one tag page: listed once, as first written (it linked there twice)."""
    tags = getattr(content, "tags", None)
    if tags:
        first_of: dict[str, Any] = {}
        for tag in tags:
            first_of.setdefault(tag.slug, tag)
        content.tags = list(first_of.values())


def keep_live_articles(generator: Any, state: BuildState) -> None:
    """Record every article in the build's state; leave only live ones to Pelican."""
    settings = generator.settings
    models = {}
    for name in (*_LISTED, *_DRAFTS):
        is_original = name in ("articles", "hidden_articles", "drafts")
        for content in getattr(generator, name):
            article = to_article(content, settings, is_original)  # its tags as written: checks tell twins
            _one_tag_per_page(content)
            if article is not None:
                models[content.source_path] = article
    state.articles = _originals_in_the_default_language(models, settings.get("DEFAULT_LANG"))
    _check_unique_slugs(state)
    # A translation waits for its original: its page would tell the original's subject before its date.
    originals = {article.slug: article for article in state.articles if article.is_original}
    live = {path for path, article in zip(models, state.articles, strict=True)
            if article_state(article, state.calendar, state.now, originals).live}
    site_url = str(settings.get("SITEURL") or "")
    for name in (*_LISTED, *_DRAFTS):
        for content in getattr(generator, name):
            refs, addresses = static_references(content), addressed_files(content, site_url)
            if content.source_path in live:
                state.public_static |= refs
                state.public_addresses |= addresses
            else:
                state.private_static |= refs
                state.private_addresses |= addresses
    for name in _LISTED:
        setattr(generator, name, [c for c in getattr(generator, name) if c.source_path in live])
    for name in _DRAFTS:
        setattr(generator, name, [])
    for name in _LISTED:
        for content in getattr(generator, name):
            content.translations = [t for t in content.translations if t.source_path in live]
    # {filename} links to an unpublished article must not resolve to its future URL, nor show its file name.
    state.hidden_sources = _unresolvable(generator, set(models) - live)
    state.live_contents = [content for name in _LISTED for content in getattr(generator, name)]
    for content in state.live_contents:
        unlink_hidden(content, state.hidden_sources)


def hide_draft_pages(generator: Any, state: BuildState) -> None:
    """Draft pages are not written: links to them lose their target, in articles and pages."""
    drafts = {page.source_path for name in ("draft_pages", "draft_translations")
              for page in getattr(generator, name, ())}
    site_url = str(generator.settings.get("SITEURL") or "")
    for name in ("draft_pages", "draft_translations"):
        for page in getattr(generator, name, ()):
            state.private_static |= static_references(page)  # its image stays out, unless a live one shows it
            state.private_addresses |= addressed_files(page, site_url)
        del getattr(generator, name, [])[:]  # and out of the templates' context (`draft_pages`)
    new = _unresolvable(generator, drafts)
    state.hidden_sources |= new
    pages = [page for name in ("pages", "hidden_pages", "translations", "hidden_translations")
             for page in getattr(generator, name, ())]
    for content in pages:
        unlink_hidden(content, state.hidden_sources)
    for content in state.live_contents if new else ():
        unlink_hidden(content, new)


def _unresolvable(generator: Any, source_paths: set[str]) -> set[str]:
    """Take these contents out of what {filename} links resolve to; their paths in the content folder.

    Each stays a known source, with no content (Pelican's own mark of a file it failed to read): its
    static generator leaves sources out of output/ by that list, and a static folder overlapping the
    articles' (``STATIC_PATHS = ["."]``) had published the Markdown of every article not online.
    """
    generated = generator.context.get("generated_content", {})
    hidden = [key for key, value in generated.items() if getattr(value, "source_path", None) in source_paths]
    for key in hidden:
        generated[key] = None
    return {key.replace(os.sep, "/") for key in hidden}


def _check_unique_slugs(state: BuildState) -> None:
    """Two articles in one language with one slug would share a URL and their posts' ids."""
    seen: dict[tuple[str, str], Article] = {}
    # An article whose `slug:` says so is reported, rather than the one named after its file.
    for article in sorted(state.articles, key=lambda a: ("slug" in a.field_sources, a.source.path)):
        first = seen.setdefault((article.slug, article.lang), article)
        if first is not article:
            state.errors.add(article.where("slug"),
                             say("found the slug '{slug}' ({lang}) again, already the slug of {path}; "
                                 "expected one article per slug and language", slug=article.slug,
                                 lang=article.lang, path=first.source.path),
                             _duplicate_slug_hint(article, first))


#: Language codes a translation's file name ends with (``pourquoi-un-blog-en.md``).
_LANG_SUFFIX = re.compile(r"[-_.](en|fr|de|es|it|nl|pt|ca|br|eu|oc)$")


def _duplicate_slug_hint(article: Article, first: Article) -> str:
    """A translation that does not say its language (`Lang:` left out) takes the site's: its slug then
    clashes with the article it translates. Its file name often says which it is."""
    if "lang" in article.field_sources and "lang" in first.field_sources:
        return say("rename one of the files, or give it a `slug:` of its own")
    for translation, original in ((article, first), (first, article)):
        suffix = _LANG_SUFFIX.search(posixpath.splitext(posixpath.basename(translation.source.path))[0])
        if suffix and suffix.group(1) != translation.lang and "lang" not in translation.field_sources:
            return say("if {path} is the translation of {original}, give it `lang: {code}`; else rename one "
                       "of the files, or give it a `slug:` of its own", path=translation.source.path,
                       original=original.source.path, code=suffix.group(1))
    return say("rename one of the files, or give it a `slug:` of its own; or, for a translation, give it its "
               "language (`lang: {code}`)", code="fr" if language(article.lang) == "en" else "en")


#: An HTML start tag (attribute values may hold ``>``), or an anchor's end tag.
_TAG = re.compile(r"</a\s*>|<(?P<name>[a-zA-Z][\w-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
                  re.IGNORECASE | re.DOTALL)
#: An attribute: after a space or right after the previous value's quote (``title="x"href=…``, which
#: Pelican reads as a link too), its value quoted or not.
_ATTRIBUTE = re.compile(r"(?:\s+|(?<=[\"']))(?P<attr>[\w:-]+)\s*=\s*"
                        r"(?:(?P<quote>[\"'])(?P<value>.*?)(?P=quote)|(?P<bare>[^\s\"'>]+))", re.DOTALL)
#: A link Pelican resolves to a file of the content folder: an article's, a page's (or its source, as a
#: static file: ``{static}futur.md``).
_INTRASITE = re.compile(r"^[{|](?:filename|static|attach)[}|](?P<path>[^#?]*)")
_LINK_MARK = re.compile(r"[{|](?:filename|static|attach)[}|]")


def unlink_hidden(content: Any, hidden: set[str]) -> None:
    """Links to contents that are not online lose their target: no dead link, no file name in output/.

    ``<a href="{filename}futur.md">mots</a>`` becomes ``mots``; another tag
    (``<img src>``, ``<blockquote cite>``, ``<iframe src>``…) loses that
    attribute. The target is found as Pelican finds it: from the content
    folder when the path starts with ``/``, else from the linking file's folder.
    """
    if not hidden:
        return
    folder = posixpath.dirname(content.relative_source_path.replace(os.sep, "/"))

    def is_hidden(value: str) -> bool:
        found = _INTRASITE.match(value)
        if found is None:
            return False
        path = urllib.parse.unquote(html_module.unescape(found.group("path")))
        target = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
        return posixpath.normpath(target) in hidden

    def rewrite(html: str) -> str:
        parts: list[str] = []
        position, drop_end = 0, False
        for tag in _TAG.finditer(html):
            parts.append(html[position:tag.start()])
            position = tag.end()
            name, attrs = tag.group("name"), tag.group("attrs") or ""
            if name is None:  # </a>
                if not drop_end:
                    parts.append(tag.group(0))
                drop_end = False
                continue
            values = [(a, a.group("value") or a.group("bare")) for a in _ATTRIBUTE.finditer(attrs)] \
                if _LINK_MARK.search(attrs) else []
            gone = [a for a, value in values if is_hidden(value)]
            if not gone:
                parts.append(tag.group(0))
            elif name.lower() == "a" and any(a.group("attr").lower() == "href" for a in gone):
                drop_end = True  # the anchor goes, its words stay
            else:
                for attribute in reversed(gone):
                    attrs = attrs[:attribute.start()] + attrs[attribute.end():]
                parts.append(f"<{name}{attrs}>")
        parts.append(html[position:])
        return "".join(parts)

    html = getattr(content, "_content", None)
    if html and _LINK_MARK.search(html):
        content._content = rewrite(html)
    summary = getattr(content, "_summary", None)  # a summary written in the header, or its first paragraph
    if isinstance(summary, str) and _LINK_MARK.search(summary):
        content._summary = content.metadata["summary"] = rewrite(summary)


def _output_path(static: Any) -> str:
    return posixpath.normpath(str(getattr(static, "save_as", "") or "").replace(os.sep, "/"))


def static_references(content: Any) -> set[str]:
    """Static files a content object shows: its ``image`` and its {static}/{attach} links."""
    refs = set()
    image = getattr(content, "image", None)
    if isinstance(image, str) and "://" not in image:
        refs.add(content_path(image))
    if getattr(content, "_content", None):
        # As Pelican finds the file: the path as written, or percent-decoded (`%C3%A9quipe.png`).
        links = content.get_static_links()
        refs |= {content_path(link) for link in links} | {content_path(urllib.parse.unquote(link))
                                                          for link in links if "%" in link}
    return refs


#: An address in rendered HTML: a link's, an image's, a video's poster.
_HTML_ADDRESS = re.compile(r"\b(?:src|href|poster)\s*=\s*(?P<quote>[\"'])(?P<address>[^\"'<>]*)(?P=quote)",
                           re.IGNORECASE)


def addressed_files(content: Any, site_url: str) -> set[str]:
    """Paths in output/ a content names by their address, ``/images/salon.png`` (as Decap CMS and other web
    editors write an image), or the site's full address: from the links edcal read in an article's
    Markdown (:func:`edcal.load.articles.page_links`; an article not online is not rendered), and from
    the rendered HTML of a page."""
    meta = getattr(content, EDCAL_KEY, None)
    written = [link.written for link in getattr(meta, "page_links", ())]
    html = getattr(content, "_content", None)
    if isinstance(html, str) and ("src" in html or "href" in html or "SRC" in html or "HREF" in html):
        written += [found.group("address") for found in _HTML_ADDRESS.finditer(html)]
    image = getattr(content, "image", None)
    if isinstance(image, str) and "://" in image:
        written.append(image)
    return site_paths(written, site_url)


def site_paths(addresses: Iterable[str], site_url: str) -> set[str]:
    """The paths in output/ that addresses name: ``/images/a.png``, ``https://<the site>/images/a.png``
    (``SITEURL``'s own path taken off); relative ones and other sites' are left out."""
    site = urllib.parse.urlsplit(site_url)
    host, prefix = site.netloc.lower(), site.path.rstrip("/")
    found = set()
    for address in addresses:
        try:
            link = urllib.parse.urlsplit(address.strip())
        except ValueError:
            continue
        if link.scheme or link.netloc:
            if link.scheme.lower() not in ("http", "https", "") or not host or link.netloc.lower() != host:
                continue
        elif not link.path.startswith("/"):
            continue
        path = link.path
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            path = path[len(prefix):]
        path = posixpath.normpath(urllib.parse.unquote(path).lstrip("/"))
        if path not in (".", "") and not path.startswith("../"):
            found.add(path)
    return found


def _settings_paths(settings: dict[str, Any]) -> set[str]:
    """Paths in output/ the settings name (``SITELOGO = "/images/logo.png"``): the theme shows them on every
    page, whatever articles do."""
    values: list[str] = []
    for value in settings.values():
        items = value.values() if isinstance(value, dict) else \
            value if isinstance(value, (list, tuple)) else (value,)
        values += [item for item in items if isinstance(item, str) and "/" in item and len(item) < 500]
    return site_paths(values, str(settings.get("SITEURL") or "")) | {
        posixpath.normpath(value.lstrip("/")) for value in values if not value.startswith(("/", "{")) and
        "://" not in value and "." in posixpath.basename(value)}


def keep_public_static(generator: Any, state: BuildState) -> None:
    """Leave out of output/ the images only unpublished articles or posts use.

    A file name like ``salon-2027.png`` would otherwise publish a scheduled
    article's subject before its date.
    """
    default_image = generator.settings.get("DEFAULT_IMAGE")
    if isinstance(default_image, str) and "://" not in default_image:
        state.public_static.add(content_path(default_image))  # shown by every page without an image
    private = (state.private_static | state.unpublished_media | state.hidden_sources) - state.public_static
    addressed = state.private_addresses - state.public_addresses
    if addressed:
        addressed -= _settings_paths(generator.settings)
    if private or addressed:
        generator.staticfiles[:] = [
            static for static in generator.staticfiles
            if content_path(static.relative_source_path) not in private
            and not (_output_path(static) in addressed
                     and content_path(static.relative_source_path) not in state.public_static)
        ]
