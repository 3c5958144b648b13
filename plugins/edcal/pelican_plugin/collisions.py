"""Two of Pelican's outputs at one path: found before anything is written.

Pelican refuses to write a file twice (``FileOverwriteFailedError``), but only
once it is writing: a category named "All" has its feed at
``feeds/all.atom.xml``, the site's feed, and the build stopped half-way
through output/ with a traceback. The paths Pelican will write are known
once its generators have read the site: they are compared here, and a
collision is reported at the article field that causes it.

A content may override another output on purpose (``save_as: index.html``,
a page as the home page): Pelican allows one override per path, and so
does this check.
"""

from __future__ import annotations

import contextlib
import posixpath
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edcal.errors import InputError, InputErrors
from edcal.i18n import Message, say
from edcal.load.articles import EDCAL_KEY, ArticleMeta
from edcal.model.article import content_path
from edcal.model.plan import BlogFiles
from edcal.model.source import Source

_FEED_KINDS = (("ATOM", "Atom"), ("RSS", "RSS"))


@dataclass(frozen=True, slots=True)
class Claim:
    """One output file, what writes it, and where to change that."""

    path: str
    what: str
    where: Source
    hint: str
    #: Written over another output on purpose (``save_as:``): one such override per path.
    override: bool = False
    #: An article's or a page's own file, or a feed: what no `save_as:` may write over (only a listing
    #: the theme makes, such as the home page, may be replaced).
    replaceable: bool = True
    #: Told at its own place in a clash, rather than at the article or page it meets: a folder the site
    #: names freely (``link_in_bio: path:``), where a page's address is the site's and may be linked to.
    told_here: bool = False


def collisions(context: dict[str, Any], settings: dict[str, Any]) -> InputErrors | None:
    """Errors for each path two outputs claim, or None."""
    first: dict[tuple[str, bool], Claim] = {}
    errors: list[InputError] = []
    reported: set[tuple[str, str]] = set()
    for claim in _claims(context, settings):
        earlier = first.setdefault((claim.path, claim.override), claim)
        if earlier is claim or (earlier.what, claim.what) in reported:
            continue
        reported.add((earlier.what, claim.what))
        in_file = claim.where.in_file or not earlier.where.in_file  # an article, rather than a setting
        located, other = (claim, earlier) if in_file and not earlier.told_here else (earlier, claim)
        errors.append(InputError(
            located.where,
            say("{what} is written at output/{path}, where {other} is written too; expected one file per "
                "path",
                what=located.what, path=claim.path, other=other.what),
            located.hint,
        ))
    errors += _overrides(first)
    errors += _publish_clashes(first, settings)
    errors += _link_in_bio_clashes(first, settings)
    return InputErrors(errors) if errors else None


def _overrides(first: dict[tuple[str, bool], Claim]) -> list[InputError]:
    """A `save_as:` written over another article's or page's file, or a feed: that page or feed was lost
    (only the theme's listings, such as the home page, may be replaced)."""
    errors = []
    for (path, override), claim in first.items():
        replaced = first.get((path, False)) if override else None
        if replaced is not None and not replaced.replaceable:
            errors.append(InputError(claim.where, say("{what} is written at output/{path}, over {other}, "
                                                      "which would be lost", what=claim.what, path=path,
                                                      other=replaced.what), claim.hint))
    return errors


def _publish_clashes(first: dict[tuple[str, bool], Claim], settings: dict[str, Any]) -> list[InputError]:
    """A `publish:` folder where the blog writes (its static folders, its articles' year folders, a page):
    one of them replaced the other, after both were written."""
    from edcal.pelican_plugin.state import find_state

    state = find_state(settings)
    if state is None:
        return []
    calendar = state.calendar
    blog = _blog_files(first, settings)
    for static, what in _static_folders(settings).items():
        blog.setdefault(static, what)
    errors = []
    for section in ("feeds", "planning", "ambassadors"):
        settings_of = getattr(calendar, section)
        folder = settings_of.publish if settings_of is not None else None
        if not folder:
            continue
        mine = folder.casefold()
        for path, what in sorted(blog.items()):
            theirs = path.casefold()
            if theirs == mine or theirs.startswith(mine + "/") or mine.startswith(theirs + "/"):
                errors.append(InputError(settings_of.publish_source or calendar.source,
                                         say("found publish '{folder}', where the blog writes {what} "
                                             "(output/{path})", folder=folder, what=what, path=path),
                                         say("choose a folder name the blog does not use, e.g. "
                                             "publish: calendars-7f3a9c")))
                break
    return errors


def _blog_files(first: dict[tuple[str, bool], Claim], settings: dict[str, Any]) -> dict[str, str]:
    """What the blog writes, by path in output/: the claims' files, the static files given a path of their
    own (robots.txt, favicon.ico), the sitemap and robots.txt edcal writes."""
    from edcal.blog.sitemap import DEFAULT_SAVE_AS, ROBOTS_SAVE_AS, ROBOTS_SETTING, SAVE_AS_SETTING

    files = {claim.path: claim.what for claim in first.values()}
    for source, metadata in (settings.get("EXTRA_PATH_METADATA") or {}).items():
        if isinstance(metadata, dict) and metadata.get("path"):
            files.setdefault(_normal(str(metadata["path"])),
                             say("the static file '{source}'", source=str(source)))
    sitemap = settings.get(SAVE_AS_SETTING, DEFAULT_SAVE_AS)
    if sitemap:
        files.setdefault(_normal(str(sitemap)), say("the sitemap"))
    robots = settings.get(ROBOTS_SETTING, ROBOTS_SAVE_AS)
    if robots:
        files.setdefault(_normal(str(robots)), say("robots.txt"))
    return files


def _static_folders(settings: dict[str, Any]) -> dict[str, str]:
    """The folders of output/ Pelican copies static files into, by path: the site's (``STATIC_PATHS``) and
    the theme's (``THEME_STATIC_DIR``). Their files are copied as they are: a page written among them may
    be overwritten by one, or overwrite it."""
    folders = [*(settings.get("STATIC_PATHS") or ()), settings.get("THEME_STATIC_DIR") or "theme"]
    return {_normal(str(folder)): say("the static folder '{folder}'", folder=str(folder))
            for folder in folders}


def _link_in_bio_clashes(first: dict[tuple[str, bool], Claim], settings: dict[str, Any]) -> list[InputError]:
    """The link-in-bio page's folder where the blog writes a file (``path: index.html``, ``robots.txt``,
    ``feeds/all.atom.xml``): the folder cannot be made, and Pelican's writer stopped the build half-way
    with a traceback. Or in a static folder, or one of its folders (``path: theme/images``): the page was
    written among the theme's files or the site's images."""
    from edcal.pelican_plugin.state import find_state

    state = find_state(settings)
    bio = state.calendar.link_in_bio if state is not None else None
    if bio is None:
        return []
    files = _blog_files(first, settings)
    folders = _static_folders(settings)
    mine = _normal(bio.path).casefold()
    for path, what in [*sorted(files.items()), *sorted(folders.items())]:
        theirs = path.casefold()
        if theirs == mine or mine.startswith(theirs + "/"):
            return [InputError(bio.path_source or state.calendar.source,  # type: ignore[union-attr]
                               say("found path '{folder}', where the blog writes {what} (output/{path}), "
                                   "expected a folder of its own", folder=bio.path, what=what, path=path),
                               say("set `link_in_bio: path:` to another folder, e.g. path: liens"))]
    return []


def blog_files(generator: Any, state: Any) -> BlogFiles:
    """What the build will write in output/, once Pelican has read every article and page (``generator``,
    its pages' generator): the claims' files, the sitemap and robots.txt, the static files of the content
    folder (those of ``STATIC_PATHS`` and those a text links to) and of the theme, a ``publish:`` folder."""
    from edcal.pelican_plugin.publish import withheld_static

    context, settings = generator.context, generator.settings
    first: dict[tuple[str, bool], Claim] = {}
    for claim in _claims(context, settings):
        first.setdefault((claim.path, claim.override), claim)
    files = set(_blog_files(first, settings))
    files.update(_normal(str(save_as)) for save_as in (settings.get("TEMPLATE_PAGES") or {}).values())
    archives = [period for periods in (context.get("period_archives") or {}).values() for period in periods]
    files.update(_normal(str(period["save_as"])) for period in archives if period.get("save_as"))
    further = list(_further_pages(context, settings, archives))
    files.update(save_as for save_as, _url in further)
    extra = settings.get("EXTRA_PATH_METADATA") or {}
    found = generator.get_files(settings.get("STATIC_PATHS") or (),
                                exclude=settings.get("STATIC_EXCLUDES") or (), extensions=False)
    static: list[tuple[str, str]] = []  # each static file's path in content/ and in output/
    for path in set(context.get("static_links") or ()) | set(found):
        path = posixpath.normpath(str(path).replace("\\", "/"))
        if settings.get("STATIC_EXCLUDE_SOURCES", True) and generator._is_potential_source_path(path):
            continue  # an article's or a page's Markdown: Pelican does not copy it
        given = extra.get(path)
        metadata: dict[str, Any] = given if isinstance(given, dict) else {}
        try:
            save_as = metadata.get("save_as") or metadata.get("path") \
                or str(settings.get("STATIC_SAVE_AS") or "{path}").format(path=path)
        except (KeyError, IndexError, ValueError):
            save_as = path
        static.append((content_path(path), _normal(str(save_as))))
        files.add(_normal(str(save_as)))
    theme = Path(str(settings.get("THEME") or ""))
    for folder in settings.get("THEME_STATIC_PATHS") or ():  # copied into THEME_STATIC_DIR, as they are
        source = theme / str(folder)
        inside = [source] if source.is_file() else [file for file in source.rglob("*") if file.is_file()]
        base = source.parent if source.is_file() else source
        files.update(_normal(posixpath.join(str(settings.get("THEME_STATIC_DIR") or "theme"),
                                            file.relative_to(base).as_posix())) for file in inside)
    calendar = state.calendar
    folders = [section.publish for section in (calendar.feeds, calendar.planning, calendar.ambassadors)
               if section is not None and section.publish]
    # What the articles and pages held back make once online (their pages, their tags' pages): a post to come
    # may link there.
    later: dict[str, tuple[str, ...]] = {}
    for url, makers in sorted(state.offline_makers.items()):
        path = _url_path(url) if url else ""
        if path and path not in files:
            later[path] = tuple(sorted({*later.get(path, ()), *makers}))
    # The addresses of the lists' pages where they are not their files' paths (TAG_URL 'tag/{slug}' for
    # 'tag/{slug}.html', which the host serves there).
    urls = {str(getattr(taxonomy, "url", "") or "") for _name, taxonomy, _listed in _taxonomy_lists(context)}
    urls |= {str(period.get("url") or "") for period in archives} | {url for _save_as, url in further}
    urls |= {_direct_page(settings, name)[1] for name in settings.get("DIRECT_TEMPLATES") or ()}
    addresses = frozenset(_url_path(url) for url in urls if url and "://" not in url) - files
    # An image only content not online shows is kept out until that content is online: a link to it waits,
    # brought by the first of them online.
    kept_out = withheld_static(static, state, settings)
    for shown, output in sorted(kept_out):
        makers = state.private_static.get(shown, set()) | state.private_addresses.get(output, set())
        later[output] = tuple(sorted({*later.get(output, ()), *makers}))
    withheld = frozenset(output for _source, output in kept_out)
    return BlogFiles(frozenset(files), tuple(_normal(folder) for folder in folders), later, addresses,
                     withheld, ListPagesToCome(context, settings, state))


def _further_pages(context: dict[str, Any], settings: dict[str, Any],
                   archives: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    """The pages after the first of the lists Pelican cuts into pages (``DEFAULT_PAGINATION``,
    ``PAGINATED_TEMPLATES``): ``index2.html``, ``tag/test/2/index.html``, as its writer names them, each
    with its address."""
    from pelican.paginator import Paginator

    articles = list(context.get("articles") or ())
    lists: list[tuple[str, str, str, list[Any]]] = [(name, *_direct_page(settings, name), articles)
                                                    for name in settings.get("DIRECT_TEMPLATES") or ()]
    lists += [(template, str(getattr(taxonomy, "save_as", "") or ""), str(getattr(taxonomy, "url", "") or ""),
               list(listed)) for template, taxonomy, listed in _taxonomy_lists(context)]
    lists += [("period_archives", str(period.get("save_as") or ""), str(period.get("url") or ""),
               list(period.get("articles") or ())) for period in archives]
    for template, save_as, url, listed in lists:
        per_page = _per_page(settings, template)
        if not per_page or not save_as:
            continue
        with contextlib.suppress(Exception):  # a pattern Pelican itself cannot fill: its own error
            paginator = Paginator(save_as, url, listed, settings, per_page)
            for number in range(2, paginator.num_pages + 1):
                page = paginator.page(number)
                yield _normal(str(page.save_as)), str(page.url)


class ListPagesToCome:
    """The further pages of the blog's lists that the articles to come add as they go online (the index's
    ``index2.html``, a tag's ``tag/inox2.html``, a category's, an author's), each with the file of the one
    whose going online makes it. Pelican cuts each list by its number in ``PAGINATED_TEMPLATES`` (else
    ``DEFAULT_PAGINATION``; a template it leaves out is one page): a list's second page is there once enough
    of its articles are online, and not before. Worked out once, when first asked (``BlogFiles.coming_pages``,
    for a link to an address the build does not write now): most texts link to none."""

    def __init__(self, context: dict[str, Any], settings: dict[str, Any], state: Any) -> None:
        self.settings = settings
        self.articles, self.calendar, self.now = state.articles, state.calendar, state.now
        self.coming = state.coming_articles
        # The lists as this build has them, each with how many articles it holds now.
        self.listed = len(context.get("articles") or ())
        self.taxonomies = [(name, taxonomy, len(listed))
                           for name, taxonomy, listed in _taxonomy_lists(context)]
        self._found: dict[str, tuple[str, ...]] | None = None

    def __call__(self) -> dict[str, tuple[str, ...]]:
        if self._found is None:
            self._found = self._pages()
        return self._found

    def _pages(self) -> dict[str, tuple[str, ...]]:
        from pelican.paginator import Paginator

        from edcal.plan.status import article_state

        settings = self.settings
        originals = {article.slug: article for article in self.articles if article.is_original}
        coming = []  # the articles to come that Pelican will list, in the order they go online
        for article in self.articles:
            if article.is_original and article.status == "published":
                online = article_state(article, self.calendar, self.now, originals)
                if not online.live and online.live_at is not None:
                    coming.append((online.live_at, article.source.path))
        makers = [path for _online, path in sorted(coming)]
        # Each list: its template, its file and address, how many articles it holds now, and the files of
        # those to come that it will list, in the order they go online.
        lists = [(name, *_direct_page(settings, name), self.listed, makers)
                 for name in settings.get("DIRECT_TEMPLATES") or ()]
        grown: dict[tuple[str, str], tuple[Any, int, list[str]]] = {
            (name, taxonomy.slug): (taxonomy, count, []) for name, taxonomy, count in self.taxonomies}
        for maker in makers:
            for name, taxonomy in _taxonomies_of(self.coming.get(maker)):
                grown.setdefault((name, taxonomy.slug), (taxonomy, 0, []))[2].append(maker)
        lists += [(name, str(getattr(taxonomy, "save_as", "") or ""), str(getattr(taxonomy, "url", "") or ""),
                   count, listed) for (name, _slug), (taxonomy, count, listed) in grown.items() if listed]
        found: dict[str, tuple[str, ...]] = {}
        for template, save_as, url, count, listed in lists:
            per_page = _per_page(settings, template)
            if not per_page or not save_as:
                continue
            with contextlib.suppress(Exception):  # a pattern Pelican itself cannot fill: its own error
                pages = Paginator(save_as, url, range(count), settings, per_page).num_pages
                for added, maker in enumerate(listed, start=1):
                    paginator = Paginator(save_as, url, range(count + added), settings, per_page)
                    for number in range(pages + 1, paginator.num_pages + 1):
                        page = paginator.page(number)
                        address = str(page.url or "")
                        for path in (_normal(str(page.save_as)), "://" not in address and _url_path(address)):
                            if path and path != ".":  # (no pattern for that page: Pelican names none)
                                found.setdefault(path, (maker,))
                    pages = paginator.num_pages
        return found


def _per_page(settings: dict[str, Any], template: str) -> int | None:
    """How many articles a page of a list of ``template`` holds (``PAGINATED_TEMPLATES``' number, else
    ``DEFAULT_PAGINATION``); None when Pelican does not cut it into pages."""
    templates = settings.get("PAGINATED_TEMPLATES") or {}
    if template not in templates:
        return None
    return templates[template] or settings.get("DEFAULT_PAGINATION") or None


def _direct_page(settings: dict[str, Any], name: str) -> tuple[str, str]:
    """The file and the address of a page of ``DIRECT_TEMPLATES`` (``index.html``)."""
    return (str(settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html") or ""),
            str(settings.get(f"{name.upper()}_URL", f"{name}.html") or ""))


def _taxonomy_lists(context: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """The tag, category and author pages of Pelican's reading, each with its template and its articles."""
    tags = context.get("tags") or ()
    return [(template, taxonomy, listed) for template, entries in (
        ("tag", tags.items() if isinstance(tags, dict) else tags),
        ("category", context.get("categories") or ()), ("author", context.get("authors") or ()))
            for taxonomy, listed in entries]


def _taxonomies_of(content: Any) -> Iterator[tuple[str, Any]]:
    """The tags, the category and the authors of a Pelican article, each with its page's template."""
    for tag in getattr(content, "tags", None) or ():
        yield "tag", tag
    if getattr(content, "category", None) is not None:
        yield "category", content.category
    for author in getattr(content, "authors", None) or ():
        yield "author", author


def _claims(context: dict[str, Any], settings: dict[str, Any]) -> Iterator[Claim]:
    """What Pelican's article, page and feed writers will write, site-wide outputs first."""
    yield from _site_feeds(context, settings)
    yield from _link_in_bio(settings)
    for name in settings.get("DIRECT_TEMPLATES") or ():
        save_as = settings.get(f"{str(name).upper()}_SAVE_AS", f"{name}.html")
        if save_as:
            yield Claim(_normal(save_as), say("the page {name}.html", name=str(name)),
                        Source(f"{str(name).upper()}_SAVE_AS", 1),
                        say("set {setting} to another path", setting=f"{str(name).upper()}_SAVE_AS"))
    contents = [c for name in ("articles", "hidden_articles", "pages", "hidden_pages")
                for c in context.get(name) or ()]
    for content in [*contents, *(t for c in contents for t in getattr(c, "translations", ()) or ())]:
        if getattr(content, "save_as", ""):
            override = hasattr(content, "override_save_as")
            yield Claim(_normal(content.save_as), f"'{content.title}'", _field(content, "save_as" if override
                                                                             else "slug"),
                        say("give it another `save_as:`") if override else say("give it another `slug:`"),
                        override,
                        replaceable=False)
    yield from _taxonomies(context, settings)


def _link_in_bio(settings: dict[str, Any]) -> Iterator[Claim]:
    from edcal.pelican_plugin.link_in_bio import page_file
    from edcal.pelican_plugin.state import find_state

    state = find_state(settings)
    bio = state.calendar.link_in_bio if state is not None else None
    if bio is not None:
        yield Claim(_normal(page_file(bio.path)), say("the link-in-bio page"),
                    bio.path_source or state.calendar.source,  # type: ignore[union-attr]
                    say("set `link_in_bio: path:` to another folder, e.g. path: liens"), replaceable=False,
                    told_here=True)


def _site_feeds(context: dict[str, Any], settings: dict[str, Any]) -> Iterator[Claim]:
    for kind, label in _FEED_KINDS:
        for name in (f"FEED_{kind}", f"FEED_ALL_{kind}"):
            if settings.get(name):
                yield Claim(_normal(settings[name]), say("the site's {label} feed ({setting})", label=label,
                                                         setting=name), Source(name, 1),
                            say("set {setting} to another path", setting=name), replaceable=False)
    languages = sorted({str(c.lang) for name in ("articles", "translations") for c in context.get(name) or ()}
                       | {str(t.lang) for c in context.get("articles") or () for t in c.translations})
    for kind, label in _FEED_KINDS:
        name = f"TRANSLATION_FEED_{kind}"
        pattern = settings.get(name)
        for lang in languages if pattern else ():
            yield Claim(_normal(str(pattern).format(lang=lang)),
                        say("the '{lang}' {label} feed ({setting})", lang=lang, label=label, setting=name),
                        Source(name, 1), say("set {setting} to another path", setting=name))


def _taxonomies(context: dict[str, Any], settings: dict[str, Any]) -> Iterator[Claim]:
    """Category, tag and author pages and feeds, located at the field of an article that names them."""
    groups = (("category", "CATEGORY", context.get("categories") or ()),
              ("tag", "TAG", (context.get("tags") or {}).items() if isinstance(context.get("tags"), dict)
               else context.get("tags") or ()),
              ("author", "AUTHOR", context.get("authors") or ()))
    for word, prefix, entries in groups:
        field = "authors" if word == "author" else word + "s" if word == "tag" else word
        for taxonomy, articles in entries:
            where = next((_field(a, field, "author") for a in articles), Source(f"{prefix}_SAVE_AS", 1))
            hint = _rename(word, prefix)
            if getattr(taxonomy, "save_as", ""):
                yield Claim(_normal(taxonomy.save_as), _page_of(word, str(taxonomy)), where, hint)
            for kind, label in _FEED_KINDS:
                pattern = settings.get(f"{prefix}_FEED_{kind}")
                if pattern:
                    yield Claim(_normal(str(pattern).format(slug=taxonomy.slug)),
                                _feed_of(word, label, str(taxonomy)), where, hint)


def _rename(word: str, prefix: str) -> Message:
    if word == "category":
        return say("rename the category, or change {prefix}_SAVE_AS / {prefix}_FEED_ATOM in the settings",
                   prefix=prefix)
    if word == "tag":
        return say("rename the tag, or change {prefix}_SAVE_AS / {prefix}_FEED_ATOM in the settings",
                   prefix=prefix)
    return say("rename the author, or change {prefix}_SAVE_AS / {prefix}_FEED_ATOM in the settings",
               prefix=prefix)


def _page_of(word: str, name: str) -> Message:
    if word == "category":
        return say("the page of the category '{name}'", name=name)
    if word == "tag":
        return say("the page of the tag '{name}'", name=name)
    return say("the page of the author '{name}'", name=name)


def _feed_of(word: str, label: str, name: str) -> Message:
    if word == "category":
        return say("the {label} feed of the category '{name}'", label=label, name=name)
    if word == "tag":
        return say("the {label} feed of the tag '{name}'", label=label, name=name)
    return say("the {label} feed of the author '{name}'", label=label, name=name)


def _field(content: Any, name: str, fallback: str | None = None) -> Source:
    """Where an article's field is written (its title's line when it is not)."""
    meta: ArticleMeta | None = getattr(content, EDCAL_KEY, None)
    if meta is None:
        return Source(str(getattr(content, "relative_source_path", "") or "content"), 1)
    sources = meta.field_sources
    return sources.get(name) or (sources.get(fallback) if fallback else None) or meta.source


def _url_path(url: str) -> str:
    """A site-relative URL Pelican gives (``tag/été/?x#y``) as the path in output/ it names (``tag/été``)."""
    return _normal(urllib.parse.unquote(url.split("#")[0].split("?")[0]))


def _normal(path: str) -> str:
    return posixpath.normpath(str(path).replace("\\", "/").lstrip("/"))
