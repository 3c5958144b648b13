"""Keep output/ public: only live articles stay in Pelican's lists.

Drafts, articles in review, scheduled (future-dated) and withheld articles are
taken out of every list Pelican builds pages, feeds, tags, categories,
authors and archives from, and out of the links between translations; a
{filename} link to one of them, or to a draft page, shows its words without
the link. They remain in the plan.
"""

from __future__ import annotations

import contextlib
import dataclasses
import html as html_module
import os
import posixpath
import re
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from edcal.addresses import blog_path
from edcal.files import inside, is_file
from edcal.i18n import language, say
from edcal.load.articles import EDCAL_KEY
from edcal.model.article import Article, content_path
from edcal.model.source import Source
from edcal.pelican_plugin.contents import to_article
from edcal.pelican_plugin.state import BuildState
from edcal.plan.status import article_state, site_paths, social_files

_LISTED = ("articles", "translations", "hidden_articles", "hidden_translations")
_DRAFTS = ("drafts", "drafts_translations")


def _originals_in_the_default_language(models: dict[str, Article], default_lang: str | None,
                                       marked: set[str]) -> list[Article]:
    """The articles, with one original among those sharing a slug: the only one not marked
    ``translation: true`` (``marked``: their paths), else the one in the site's language.

    Pelican pairs translations within published articles and within drafts apart: an English
    draft of a published French article was an "original" too, and got promotions of its own
    (two items 'entretien-bluesky-0': the build stopped on a translation in progress); a French
    article marked as the translation of an English one in review was the original of its list,
    and went online before it.
    """
    by_slug: dict[str, list[str]] = {}
    for path, article in models.items():
        by_slug.setdefault(article.slug, []).append(path)
    original_of: dict[str, str] = {}
    for slug, paths in by_slug.items():
        if len(paths) < 2:
            continue
        def in_default(path: str) -> bool:
            return models[path].lang == default_lang and models[path].is_original

        original = _original_among(paths, marked.__contains__, in_default)
        if original is not None:
            original_of[slug] = original
    return [dataclasses.replace(article, is_original=original_of[article.slug] == path)
            if article.slug in original_of and article.is_original != (original_of[article.slug] == path)
            else article for path, article in models.items()]


T = TypeVar("T")


def _original_among(versions: list[T], marked: Callable[[T], bool],
                    in_default: Callable[[T], bool]) -> T | None:
    """The original of versions sharing a slug (articles' and pages' alike): the only one not marked
    ``translation: true``, else the first in the site's language (among those not marked, if any)."""
    unmarked = [version for version in versions if not marked(version)]
    if len(unmarked) == 1:
        return unmarked[0]
    return next((version for version in unmarked or versions if in_default(version)), None)


def _marked(content: Any) -> bool:
    """Whether a content says ``translation: true`` (the reader gives Pelican ``true`` or ``false``)."""
    return str(content.metadata.get("translation", "")).lower() == "true"


def _taxonomy_urls(content: Any) -> set[str]:
    """The URLs of the tag, category and author pages a content is listed on."""
    wrappers = [*(getattr(content, "tags", None) or ()), *(getattr(content, "authors", None) or ())]
    if getattr(content, "category", None) is not None:
        wrappers.append(content.category)
    urls = set()
    for wrapper in wrappers:
        with contextlib.suppress(Exception):  # a URL setting Pelican itself cannot fill: its own error
            urls.add(str(wrapper.url))
    return urls


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
    models, marked = {}, set()
    for name in (*_LISTED, *_DRAFTS):
        is_original = name in ("articles", "hidden_articles", "drafts")
        for content in getattr(generator, name):
            article = to_article(content, settings, is_original)  # its tags as written: checks tell twins
            _one_tag_per_page(content)
            if article is not None:
                models[content.source_path] = article
                if _marked(content):
                    marked.add(content.source_path)
    state.articles = _originals_in_the_default_language(models, settings.get("DEFAULT_LANG"), marked)
    _check_unique_slugs(state)
    _check_originals(models, marked, state)
    # A translation waits for its original: its page would tell the original's subject before its date.
    originals = {article.slug: article for article in state.articles if article.is_original}
    _check_shared_names(generator, originals, state)
    live = {path for path, article in zip(models, state.articles, strict=True)
            if article_state(article, state.calendar, state.now, originals).live}
    # Tag, category and author pages are Pelican's of the published originals: those only articles not
    # online have are no page yet (a share suggestion linking to one waits).
    listed = set().union(*(_taxonomy_urls(c) for c in generator.articles if c.source_path in live))
    # Each with the files whose going online makes it (a post to come may link there once one of them is).
    unlisted: dict[str, set[str]] = {}
    for name in (*_LISTED, *_DRAFTS):
        for content in getattr(generator, name):
            if content.source_path not in live:
                for url in _taxonomy_urls(content) - listed:
                    unlisted.setdefault(url, set()).add(state.relative(Path(content.source_path)))
    for url, makers in unlisted.items():
        state.offline_makers.setdefault(url, set()).update(makers)
    state.coming_articles.update((state.relative(Path(content.source_path)), content)
                                 for content in generator.articles if content.source_path not in live)
    site_url = str(settings.get("SITEURL") or "")
    for name in (*_LISTED, *_DRAFTS):
        for content in getattr(generator, name):
            refs, addresses = static_references(content), addressed_files(content, site_url)
            if content.source_path in live:
                state.public_static |= refs
                state.live_texts += live_texts(content)
                link_static_files(generator, refs | addresses)
            else:
                model = models.get(content.source_path)  # what its social: names for its posts, too
                social = social_files(model) if model is not None else set()
                shown_by(state, content, refs | social, addresses)
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
    names = names_of(state.hidden_sources)
    for content in state.live_contents:
        unlink_hidden(content, state.hidden_sources, names)


_PAGES = ("pages", "hidden_pages", "translations", "hidden_translations")


def _translations_of_draft_pages(generator: Any) -> list[Any]:
    """Published pages whose original is a draft. The original of pages sharing a slug is chosen as an
    article's (:func:`_originals_in_the_default_language`): the only one not marked ``translation: true``,
    else the one in the site's language. Pelican pairs translations within published pages and within
    drafts apart, so the English version of a French page still in draft went online alone, and told the
    page's subject before it; it waits for its original, as an article's does."""
    default_lang = generator.settings.get("DEFAULT_LANG")
    drafts = [page for name in ("draft_pages", "draft_translations") for page in getattr(generator, name, ())]
    slugs = {page.slug for page in drafts}
    published = [page for name in _PAGES for page in getattr(generator, name, ()) if page.slug in slugs]
    group: dict[str, list[Any]] = {}
    for page in [*published, *drafts]:  # a published page in the site's language stays the original
        group.setdefault(page.slug, []).append(page)
    waiting = []
    for pages in group.values():
        original = _original_among(pages, _marked, lambda page: page.lang == default_lang)
        if original is not None and any(original is draft for draft in drafts):
            # Its translations wait; a published page in its language (a rewrite drafted under the same
            # slug) is no translation of it, and stays.
            waiting += [page for page in pages if any(page is other for other in published)
                        and (page.lang != original.lang or _marked(page))]
    return waiting


def _check_page_originals(generator: Any, state: BuildState) -> None:
    """Pages sharing a slug, as articles are judged (:func:`_check_originals`, :func:`_check_unique_slugs`):
    two written in one language (one page's file replaced the other's); none that can be the original
    (every one marked ``translation: true``, or several unmarked and none in the site's language: Pelican
    said so in English, and published one of them, a draft's translation included)."""
    default_lang = generator.settings.get("DEFAULT_LANG")
    pages = [page for name in (*_PAGES, "draft_pages", "draft_translations")
             for page in getattr(generator, name, ())]
    by_slug: dict[str, list[Any]] = {}
    for page in pages:
        by_slug.setdefault(page.slug, []).append(page)

    def where(page: Any, field: str) -> Source:
        meta = page.metadata.get(EDCAL_KEY)
        return meta.field_sources.get(field, meta.source) if meta is not None \
            else Source(state.relative(Path(page.source_path)), 1, 1)

    def shown(group: list[Any]) -> str:
        return ", ".join(state.relative(Path(page.source_path)) for page in group)

    for slug, group in sorted(by_slug.items()):
        group.sort(key=lambda page: page.source_path)
        unmarked = [page for page in group if not _marked(page)]
        seen: dict[str, Any] = {}  # among pages written: a rewrite drafted under a page's slug is no twin
        twins = [(page, seen[page.lang]) for page in group if getattr(page, "status", "") != "draft"
                 and seen.setdefault(page.lang, page) is not page]
        for page, first in twins:
            state.errors.add(where(page, "slug"),
                             say("found the slug '{slug}' ({lang}) again, already the slug of the page "
                                 "{path}; expected one page per slug and language", slug=slug, lang=page.lang,
                                 path=state.relative(Path(first.source_path))),
                             say("give one of them a `slug:` of its own; or, for a translation, a `lang:` of "
                                 "its own"))
        if twins:
            continue
        if not unmarked:
            state.errors.add(where(group[0], "translation"),
                             say("found translation: true, and no other page has the slug '{slug}': a "
                                 "translation needs its original", slug=slug) if len(group) == 1 else
                             say("found translation: true on every page with the slug '{slug}' ({paths}): "
                                 "one of them must be the original", slug=slug, paths=shown(group)),
                             say("remove `translation:` from the original, or give the translation its "
                                 "original's `slug:`"))
        elif len(languages := {page.lang for page in unmarked}) > 1 and default_lang not in languages:
            state.errors.add(where(unmarked[0], "slug"),
                             say("found {count} pages with the slug '{slug}' ({paths}), none in the site's "
                                 "language ({lang}): which is the original cannot be told",
                                 count=len(unmarked), slug=slug, paths=shown(unmarked), lang=default_lang),
                             say("write `translation: true` in each translation's header"))


def _published_url(page: Any) -> str:
    """The URL a page will have once published: a draft's ``url`` is Pelican's DRAFT_PAGE_URL."""
    override = getattr(page, "override_url", None)
    if override is not None:
        return str(override)
    setting = "PAGE_URL" if page.in_default_lang else "PAGE_LANG_URL"
    try:
        return str(page.settings[setting]).format(**page.url_format)
    except (KeyError, IndexError, ValueError, AttributeError):  # a setting Pelican itself could not fill
        return str(page.url)


def hide_draft_pages(generator: Any, state: BuildState) -> None:
    """Draft pages, and the translations waiting for them, are not written: links to them lose their target,
    in articles and pages."""
    _check_page_originals(generator, state)
    waiting = _translations_of_draft_pages(generator)
    if waiting:
        held = {id(page) for page in waiting}
        for name in _PAGES:  # in place: the templates' context holds these lists (`pages`)
            pages = getattr(generator, name, [])
            pages[:] = [page for page in pages if id(page) not in held]
            for page in pages:
                page.translations = [t for t in page.translations if id(t) not in held]
        generator.draft_translations = [*getattr(generator, "draft_translations", []), *waiting]
    drafts = {page.source_path for name in ("draft_pages", "draft_translations")
              for page in getattr(generator, name, ())}
    site_url = str(generator.settings.get("SITEURL") or "")
    for name in ("draft_pages", "draft_translations"):
        for page in getattr(generator, name, ()):
            made = state.offline_makers.setdefault(_published_url(page), set())
            made.add(state.relative(Path(page.source_path)))
            # its image stays out, unless a live one shows it
            shown_by(state, page, static_references(page), addressed_files(page, site_url))
        del getattr(generator, name, [])[:]  # and out of the templates' context (`draft_pages`)
    new = _unresolvable(generator, drafts)
    state.hidden_sources |= new
    pages = [page for name in _PAGES for page in getattr(generator, name, ())]
    names = names_of(state.hidden_sources)
    for content in pages:
        unlink_hidden(content, state.hidden_sources, names)
    new_names = names_of(new)
    for content in state.live_contents if new else ():
        unlink_hidden(content, new, new_names)


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


def _check_originals(models: dict[str, Article], marked: set[str], state: BuildState) -> None:
    """Articles sharing a slug, each marked ``translation: true``: none is the original (Pelican said so in
    its own words, "All items ("1") "with slug "x"" are translations", and published one all the same)."""
    by_slug: dict[str, list[str]] = {}
    for path, article in models.items():
        by_slug.setdefault(article.slug, []).append(path)
    default_lang = state.settings.get("DEFAULT_LANG")
    for slug, paths in sorted(by_slug.items()):
        unmarked = sorted((path for path in paths if path not in marked), key=lambda p: models[p].source.path)
        languages = {models[path].lang for path in unmarked}
        if len(unmarked) > 1 and len(languages) == len(unmarked) and default_lang not in languages:
            state.errors.add(models[unmarked[0]].where("slug"),
                             say("found {count} articles with the slug '{slug}' ({paths}), none in the "
                                 "site's language ({lang}): which is the original cannot be told",
                                 count=len(unmarked), slug=slug,
                                 paths=", ".join(models[p].source.path for p in unmarked), lang=default_lang),
                             say("write `translation: true` in each translation's header"))
            continue
        if all(path in marked for path in paths):
            article = models[paths[0]]
            message = say("found translation: true, and no other article has the slug '{slug}': a "
                          "translation needs its original", slug=slug) if len(paths) == 1 else \
                say("found translation: true on every article with the slug '{slug}' ({paths}): one of them "
                    "must be the original", slug=slug, paths=", ".join(models[p].source.path for p in paths))
            state.errors.add(article.where("translation"), message,
                             say("remove `translation:` from the original, or give the translation its "
                                 "original's `slug:`"))


def _check_shared_names(generator: Any, originals: dict[str, Article], state: BuildState) -> None:
    """An article without `owner:` whose author's name two people of the team share: which of them is in
    charge is asked once versions are paired, of an original only. A translation's posts go to its original's
    owner (``_Resolver._version``), which `owner:` on it would have moved; one whose
    original has no owner either is asked too."""
    for name in (*_LISTED, *_DRAFTS):
        for content in getattr(generator, name):
            meta = getattr(content, EDCAL_KEY, None)
            if meta is None or meta.shared_name is None:
                continue
            original = originals.get(content.slug)
            if original is None or original.source.path == state.relative(Path(content.source_path)) \
                    or original.owner is None:
                state.errors.extend([meta.shared_name])


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
#: Such a link, its path up to the end of the attribute's value.
_LINK_MARK = re.compile(r"[{|](?:filename|static|attach)[}|](?P<path>[^\"'#?<>\s]*)")


def _links_to(html: str, names: frozenset[str]) -> bool:
    """Whether a text may link to one of these files (by their names): the few to rewrite, tag by tag (every
    article's images are `{static}` links, and reading all their tags took a second on 1,000 articles)."""
    return any(posixpath.basename(urllib.parse.unquote(html_module.unescape(found.group("path")))) in names
               for found in _LINK_MARK.finditer(html))


def names_of(paths: set[str]) -> frozenset[str]:
    """The file names of these paths, for :func:`unlink_hidden` (once for every content it reads)."""
    return frozenset(posixpath.basename(path) for path in paths)


def unlink_hidden(content: Any, hidden: set[str], names: frozenset[str] | None = None) -> None:
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

    names = names_of(hidden) if names is None else names
    html = getattr(content, "_content", None)
    if html and _links_to(html, names):
        content._content = rewrite(html)
    summary = getattr(content, "_summary", None)  # a summary written in the header, or its first paragraph
    if isinstance(summary, str) and _links_to(summary, names):
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


def link_static_files(generator: Any, paths: set[str]) -> None:
    """Have Pelican copy the files of the content folder that online content shows, as {static} links are
    copied, also where no ``STATIC_PATHS`` folder holds them: an ``image:`` or a ``/uploads/photo.jpg`` saved
    by a web editor in ``content/uploads/``; ``{static}Photo%20%C3%89quipe.JPG`` beside the article (Pelican
    looks the file up with only ``%20`` decoded, copied nothing and left the link as written)."""
    from edcal.load.articles import MARKDOWN_EXTENSIONS

    links = generator.context.setdefault("static_links", set())
    root = Path(generator.path)
    for path in paths:
        if path and "://" not in path and path not in links and not path.startswith("/") \
                and ".." not in PurePosixPath(path).parts and not path.lower().endswith(MARKDOWN_EXTENSIONS) \
                and is_file(root / path) and inside(root / path, root):  # never a file out of content/
            links.add(path)
    # Pelican's own entry for the name as written is no file: it warned "Cannot get modification stamp".
    links -= {link for link in links if "%" in link and urllib.parse.unquote(link) in links
              and not is_file(root / link)}




def addressed_files(content: Any, site_url: str) -> set[str]:
    """Paths in output/ a content names by their address, however written: ``/images/salon.png`` (as Decap
    CMS and other web editors write an image), the site's full address, in a Markdown link or an HTML
    attribute, quoted or not (:func:`edcal.load.articles.addresses_in`, read from the Markdown: an
    article not online is not rendered)."""
    meta = getattr(content, EDCAL_KEY, None)
    written = list(getattr(meta, "addresses", ()))
    image = getattr(content, "image", None)
    if isinstance(image, str) and "://" in image:
        written.append(image)
    if all(address.startswith("/") or "://" in address for address in written):
        return site_paths(written, site_url)
    # An address relative to the page (`../../images/a.png`) is read from the content's own address.
    base = urllib.parse.urljoin(site_url.rstrip("/") + "/", str(getattr(content, "url", "") or ""))
    return {path.rstrip("/") for address in written if (path := blog_path(address, site_url, base))}


def live_texts(content: Any) -> list[str]:
    """What of an online content may name a file: its rendered text, summary and image (the strings
    themselves, not a copy: joined, they cost 10 MiB on 1,000 articles)."""
    parts = [getattr(content, name, None) for name in ("_content", "_summary", "image")]
    return [part for part in parts if isinstance(part, str) and part]


#: What ends the name of a file in a text, looking back from its extension: a space, a quote, a bracket,
#: ``=``, ``,``, ``|``, ``*``, a backtick (not ``'`` nor ``;``: ``l'atelier.png``, ``l&#39;atelier.png``).
_BEFORE_NAME = frozenset(" \t\r\n\"<>()[]{}=,|*`")


def _named(texts: Iterable[str], extensions: set[str]) -> dict[str, set[str]]:
    """The names of files with these extensions (``png``) the texts hold, however written (a path, an
    address, percent-encoded, an HTML entity), each with the ways it is written (``/uploads/a.png``): found
    from each ``.png`` back to what ends the name, in the time of a search (a regular expression over every
    word of 1,000 articles took half a second and 90 MiB)."""
    found: dict[str, set[str]] = {}
    for text in texts:
        lower = text.lower()
        for extension in extensions:
            needle = "." + extension
            at = lower.find(needle)
            while at >= 0:
                end = at + len(needle)
                start = at
                while start > 0 and text[start - 1] not in _BEFORE_NAME:
                    start -= 1
                word = urllib.parse.unquote(html_module.unescape(text[start:end]))
                found.setdefault(posixpath.basename(word).strip("'"), set()).add(word.strip("'"))
                at = lower.find(needle, end)
    return found


def _strings(value: Any, depth: int = 0) -> Iterator[str]:
    """The strings a setting holds, at any depth (``MENUITEMS = (("Plaquette", "/images/a.pdf"),)``)."""
    if isinstance(value, str):
        yield value
    elif depth < 6 and isinstance(value, dict):
        for item in value.values():
            yield from _strings(item, depth + 1)
    elif depth < 6 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _strings(item, depth + 1)


def _template_texts(settings: dict[str, Any]) -> Iterator[str]:
    """The texts of the theme's templates and of the site's own (THEME_TEMPLATES_OVERRIDES)."""
    folders = [os.path.join(str(settings.get("THEME") or ""), "templates"),
               *(str(folder) for folder in settings.get("THEME_TEMPLATES_OVERRIDES") or ())]
    for folder in folders:
        for root, _dirs, files in os.walk(folder):
            for name in sorted(files):
                try:
                    with open(os.path.join(root, name), encoding="utf-8", errors="replace") as handle:
                        yield handle.read()
                except OSError:
                    continue


def _online_texts(state: BuildState, settings: dict[str, Any]) -> list[str]:
    """What online content, the settings (a logo, a menu's link) and the templates say: a file they name,
    however, stays in output/, whatever content not online shows it too."""
    return [*state.live_texts, *(text for value in settings.values() for text in _strings(value)
                                 if len(text) < 2000), *_template_texts(settings)]


def _named_here(paths: set[str], words: set[str]) -> bool:
    """Whether a way the texts write a file's name may be the file at these paths (its source's and its
    output's): its name alone, or a path whose folders are its own (``/uploads/a.png``,
    ``../../uploads/a.png``, the site's address before it); ``/images/a.png`` is another file than
    uploads/a.png, whose draft kept it online."""
    for word in words:
        path = urllib.parse.urlsplit(word).path if "://" in word else word
        parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".", "..")]
        written = "/".join(parts)
        if len(parts) <= 1 or any(place == written or place.endswith("/" + written)
                                  or written.endswith("/" + place) for place in paths):
            return True
    return False


def _named_whole(name: str, named: dict[str, set[str]], texts: list[str]) -> bool:
    """Whether the texts name this file: found by :func:`_named`, or, for a name with a space written as it
    is (``src="Photo Atelier.png"``, which :func:`_named` reads from the space on), found whole: its last
    word alone kept ``CANARY secret atelier.png``, a draft's, beside a live ``atelier.png``."""
    if name in named:
        return True
    if " " not in name or name.rsplit(" ", 1)[-1] not in named:
        return False
    written = {name, html_module.escape(name, quote=True)}
    return any(form in text for text in texts for form in written)


def shown_by(state: BuildState, content: Any, files: set[str], addresses: set[str]) -> None:
    """Record the static files (paths in content/) and the addresses (paths in output/) that a content not
    online shows, with its file: they stay out of output/ until it (or another that shows them) is online."""
    made = state.relative(Path(content.source_path))
    for path in files:
        state.private_static.setdefault(path, set()).add(made)
    for path in addresses:
        state.private_addresses.setdefault(path, set()).add(made)


def withheld_static(files: Iterable[tuple[str, str]], state: BuildState, settings: dict[str, Any],
                    media: set[str] | frozenset[str] = frozenset()) -> set[tuple[str, str]]:
    """Of the content's static files, each given as its path in content/ and in output/, those the build
    keeps out of output/: the files only content not online (or ``media``: posts not gone out) shows,
    unless something online (a text, a setting, a template) names them too.

    Called once the pages are read (what a post or a suggestion may link to) and when Pelican's static
    files are found (what it copies, :func:`keep_public_static`).
    """
    default_image = settings.get("DEFAULT_IMAGE")
    if isinstance(default_image, str) and "://" not in default_image:
        state.public_static.add(content_path(default_image))  # shown by every page without an image
    private = (state.private_static.keys() | media) - state.public_static
    addressed = state.private_addresses
    if not (private or addressed):
        return set()

    def names(source: str, output: str) -> set[str]:
        return {posixpath.basename(source), posixpath.basename(output)}

    candidates = [(source, output) for source, output in files  # what content not online shows
                  if source not in state.hidden_sources and source not in state.public_static
                  and (source in private or output in addressed)]
    if not candidates:
        return set()
    extensions = {posixpath.splitext(name)[1][1:].lower() for pair in candidates for name in names(*pair)}
    texts = _online_texts(state, settings)
    named = _named(texts, extensions - {""})

    def shown(source: str, output: str) -> bool:  # named online, by its name alone or with its own folders
        paths = {source, output}
        return any(_named_whole(name, named, texts) and (name not in named or _named_here(paths, named[name]))
                   for name in names(source, output))

    return {pair for pair in candidates if not shown(*pair)}


def keep_public_static(generator: Any, state: BuildState) -> None:
    """Leave out of output/ the images only unpublished articles or posts use.

    A file name like ``salon-2027.png`` would otherwise publish a scheduled
    article's subject before its date.
    """
    def pair(static: Any) -> tuple[str, str]:
        return content_path(static.relative_source_path), _output_path(static)

    kept_out = withheld_static([pair(static) for static in generator.staticfiles], state, generator.settings,
                               state.unpublished_media)
    hidden = state.hidden_sources  # the Markdown of an article or page not online
    if not (kept_out or hidden):
        return
    generator.staticfiles[:] = [static for static in generator.staticfiles if pair(static) not in kept_out
                                and content_path(static.relative_source_path) not in hidden]
