"""A Markdown reader that validates edcal's metadata and remembers where it was written.

It replaces Pelican's Markdown reader: YAML front matter *and* Pelican's
``Key: value`` headers are read by :mod:`edcal.load.frontmatter`, checked by
:mod:`edcal.load.articles`, and handed to Pelican as ordinary metadata, with
edcal's view of the article under the ``edcal`` key. Errors are collected in
the build's state and reported together before anything is written.

With ``render=False`` (``edcal check``), the body is not converted: Pelican
computes slugs and URLs from metadata alone. A build does not convert the body
of an article that is not online by its own status and date either, when
nothing of its HTML would be used (:func:`_rendered_for_nothing`).
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path
from typing import Any, get_args

from pelican.readers import MarkdownReader

from edcal.errors import InputErrors
from edcal.i18n import Message, same_language, say
from edcal.load.articles import (
    EDCAL_KEY,
    ArticleMeta,
    addresses_in,
    has_no_text,
    linked_files,
    misread_markup,
    note_openings,
    page_links,
    unlabelled_images,
    validate_article,
)
from edcal.load.frontmatter import split_article
from edcal.load.schema import flag
from edcal.load.yamlfile import LOC_KEY, read_text
from edcal.model.article import ArticleStatus
from edcal.model.source import Source
from edcal.pelican_plugin.state import BuildState, state_of

#: Articles (not pages) this process read: Pelican's slug warnings about them are edcal's errors.
ARTICLES_READ: set[str] = set()
#: Pages this process read: Pelican's warning on a translation alone is edcal's error for them too.
PAGES_READ: set[str] = set()
#: Pelican fields passed through its own metadata processors (URL wrappers, lists).
_PROCESSED = ("tags", "keywords", "category", "author", "authors", "lang", "slug", "template",
              "save_as", "url", "translation")


class EdcalMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, with edcal's located and validated header."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Converters by language, when one may serve every article (:meth:`_markdown`).
        self._markdowns: dict[str, Any] = {}

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        state = state_of(self.settings)
        path = Path(source_path)
        rel = state.relative(path)
        errors = state.errors
        try:
            parsed = split_article(read_text(path, rel), rel)
        except InputErrors as exc:
            errors.extend(exc.errors)
            return "", _placeholder(rel)
        page = state.is_page(path)
        (PAGES_READ if page else ARTICLES_READ).add(source_path)
        if "status" not in parsed.metadata and any(key != LOC_KEY for key in parsed.metadata):
            # (a file with no header at all is told so, not "missing field 'title'")
            given = _status_from_settings(self.settings, path)
            if given is not None and given[0] not in get_args(ArticleStatus):
                errors.add(Source(rel, 1, 1), say("found status '{status}', which {setting} gives this file; "
                                                  "expected draft, review, published or hidden",
                                                  status=given[0], setting=given[1]),
                           say("write its status in its header, or change {setting}", setting=given[1]))
                return "", _placeholder(rel)
            if given is not None:
                parsed.metadata["status"] = given[0]
        meta, extras = validate_article(parsed, state.calendar, state.extra_metadata, errors, page=page)
        if meta is None:
            return "", _placeholder(rel)
        if page and meta.shared_name is not None:  # an article's is told once versions are paired
            errors.extend([meta.shared_name])
            return "", _placeholder(rel)
        folder = os.path.relpath(path.parent, self.settings["PATH"]).replace(os.sep, "/")
        if page and meta.status != "draft":  # a page's broken image is as broken as an article's
            state.page_files += [(rel, linked) for linked in linked_files(parsed, folder)]
            state.page_links += [(rel, linked) for linked in page_links(parsed, folder)]
        read: dict[str, Any] = {}  # set in one copy of the header's fields (each copy took 20 µs)
        if state.render or not page:  # what a build keeps out of output/ while only content not online shows
            # it; an article's, for `edcal next-change` too (the moment its image goes online)
            read["addresses"] = addresses_in(parsed.body)
        if not page:
            read.update(linked_files=linked_files(parsed, folder), page_links=page_links(parsed, folder),
                        unlabelled_images=unlabelled_images(parsed),
                        misread_markup=misread_markup(parsed, meta.title), no_text=has_no_text(parsed))
        if read:
            meta = dataclasses.replace(meta, **read)
        raw = {k: v for k, v in parsed.metadata.items() if isinstance(k, str) and k in _PROCESSED}
        if "translation" in raw:  # as Pelican reads it: any text but "false" says yes (validated: a flag)
            raw["translation"] = "true" if flag(raw["translation"]) else "false"
        site_lang = str(self.settings.get("DEFAULT_LANG") or "")
        if isinstance(raw.get("lang"), str) and raw["lang"].lower() == site_lang.lower():
            # `en-GB` as pelicanconf.py writes it: Pelican lowercases DEFAULT_LANG, not an article's lang,
            # and would publish the article apart, as a translation.
            raw["lang"] = site_lang
        elif _same_language(raw.get("lang"), site_lang):
            lang = raw["lang"]
            errors.add(meta.field_sources.get("lang", meta.source),
                       say("found lang '{lang}', the site's own language written otherwise (DEFAULT_LANG is "
                           "'{site}'): it would be published apart, as a translation into '{lang}'",
                           lang=lang, site=site_lang),
                       say("write lang: {site}, or leave lang out", site=site_lang))
            return "", _placeholder(rel)
        if isinstance(raw.get("template"), str):
            refused = _template_refused(self.settings, raw["template"], page)
            if refused is not None:
                errors.add(meta.field_sources.get("template", meta.source), *refused)
                return "", _placeholder(rel)
        metadata: dict[str, Any] = {"title": self.process_metadata("title", meta.title)}
        for name, value in raw.items():
            if value is None:
                continue
            text = ", ".join(value) if isinstance(value, list) else str(value)
            metadata[name] = self.process_metadata(name, text)
        for name, value in extras.items():
            metadata[name] = value if not isinstance(value, str) else self.process_metadata(name, value)
        if meta.date is not None:
            metadata["date"] = meta.date
        if meta.modified is not None:
            metadata["modified"] = meta.modified
        # Pelican knows drafts and hidden articles; "review" is a draft to it.
        metadata["status"] = {"review": "draft"}.get(meta.status, meta.status)
        if meta.image is not None:
            metadata["image"] = meta.image
        if meta.image_alt is not None:
            metadata["image_alt"] = meta.image_alt
        metadata[EDCAL_KEY] = meta
        content = ""
        lang = str(metadata.get("lang") or self.settings.get("DEFAULT_LANG") or "en")
        html = None
        if state.render and (page or not _rendered_for_nothing(self.settings, state, meta, parsed.body)):
            self._md = self._markdown(lang)
            html = self._md.convert(parsed.body)
            content = without_notes(html)
            if "summary" in parsed.metadata and parsed.metadata["summary"] is not None:
                self._md.reset()
                metadata["summary"] = without_notes(self._md.convert(str(parsed.metadata["summary"])))
        if "<!--" in parsed.body:  # a note Markdown would print, found before the day the article goes online
            self._printed_notes(note_openings(parsed.body, parsed.path, parsed.body_line), html, parsed.body,
                                lang, errors)
        summary = parsed.metadata.get("summary")
        if isinstance(summary, str) and "<!--" in summary:
            where = meta.field_sources.get("summary", meta.source)
            self._printed_notes([dataclasses.replace(opening, source=where)
                                 for opening in note_openings(summary, parsed.path, where.line)],
                                None, summary, lang, errors)
        return content, metadata

    def _printed_notes(self, openings: list[Any], html: str | None, text: str, lang: str,
                       errors: Any) -> None:
        """A located error for the first note Markdown prints of ``text``, rendered as ``html`` (or now, when
        a note is suspect: an article not rendered, its summary)."""
        if html is None:
            if not any(opening.suspect for opening in openings):
                return
            html = self._markdown(lang).convert(text)
        printed = printed_note(html, [opening.note for opening in openings])
        if printed is None:
            return
        errors.add(openings[printed].source,
                   say("found a note to the team (`<!--`) that Markdown would print on the page: a "
                       "blank line or a list's item splits it before its `-->`"),
                   say("start the note at the beginning of a line, after a blank line, or keep it "
                       "within its paragraph; to show `<!--` as text, write it as code"))

    def _markdown(self, lang: str) -> Any:
        """A Markdown converter for an article in ``lang``, new or reset.

        Pelican makes one for each file; setting up its extensions took 0.16 s of 1,000 articles. One per
        language serves every article when the extensions are Python-Markdown's own, which
        ``Markdown.reset()`` empties of the previous text (footnotes, abbreviations, the table of
        contents); another package's may keep what it read, and gets a new converter each time, as does
        a site that numbers footnotes apart in each text it converts (``UNIQUE_IDS``).
        """
        if lang in self._markdowns:
            return self._markdowns[lang].reset()  # the previous article's notes and abbreviations
        converter = self._new_markdown(lang)
        if _reusable(self.settings.get("MARKDOWN") or {}):
            self._markdowns[lang] = converter
        return converter

    def _new_markdown(self, lang: str) -> Any:
        from markdown import Markdown

        from edcal.i18n import translator

        settings = dict(self.settings["MARKDOWN"])
        # The header is ours: never let the meta extension eat a body line like "Note: …".
        settings["extensions"] = [e for e in settings.get("extensions", [])
                                  if e != "markdown.extensions.meta"]
        # A footnote's way back speaks the article's language ("Jump back to footnote 1 in the text").
        title = translator(lang)("Jump back to footnote %d in the text")
        configs = {name: dict(values) for name, values in (settings.get("extension_configs") or {}).items()}
        if "markdown.extensions.footnotes" in settings["extensions"]:
            configs.setdefault("markdown.extensions.footnotes", {}).setdefault("BACKLINK_TITLE", title)
        elif "markdown.extensions.extra" in settings["extensions"]:
            extra = configs.setdefault("markdown.extensions.extra", {})
            extra["footnotes"] = {"BACKLINK_TITLE": title, **extra.get("footnotes", {})}
        for name in _CODEHILITE:
            if name in configs or name in settings["extensions"]:
                # A code block without a language stays plain text: Pygments' guess is often wrong (a
                # French paragraph shown as Python), and 2,500 empty fences took it 7.9 s (0.6 s without).
                configs.setdefault(name, {}).setdefault("guess_lang", False)
        settings["extension_configs"] = configs
        return Markdown(**settings)


#: Python-Markdown's own extensions, by their short names: they render the text they are given, nothing else.
_OWN_EXTENSIONS = frozenset({"abbr", "admonition", "attr_list", "codehilite", "def_list", "extra",
                             "fenced_code", "footnotes", "legacy_attrs", "legacy_em", "md_in_html", "meta",
                             "nl2br", "sane_lists", "smarty", "tables", "toc", "wikilinks"})


def _rendered_for_nothing(settings: dict[str, Any], state: BuildState, meta: ArticleMeta, body: str) -> bool:
    """Whether an article's HTML would go unused: it is not online by its own status and date (a translation
    may wait longer, never less), so it leaves Pelican's lists before anything is written, and its HTML
    would be read only for the files it links with {static} or {attach}, which a text without those words
    cannot link. On 1,000 + 5,000 (docs/performance.md) most articles are still to come: 1.5 s of
    Markdown less in the build's main process.

    Not when Pelican caches what readers return (``CACHE_CONTENT``: the empty text would stay when the
    article goes online), nor with another package's Markdown extension, which may bring text from
    elsewhere (snippets).
    """
    from edcal.plan.status import offline_by_itself

    if settings.get("CACHE_CONTENT") or "static" in body or "attach" in body:
        return False
    if not _own_extensions_only(settings.get("MARKDOWN") or {}):
        return False
    return offline_by_itself(meta, state.calendar, state.now)


def _own_extensions_only(markdown: dict[str, Any]) -> bool:
    """Whether the ``MARKDOWN`` setting's extensions all come with Python-Markdown."""
    for extension in markdown.get("extensions") or ():
        module = extension if isinstance(extension, str) else type(extension).__module__
        if module not in _OWN_EXTENSIONS and not module.startswith("markdown.extensions."):
            return False
    return True


def _reusable(markdown: dict[str, Any]) -> bool:
    """Whether one converter may serve every article (:meth:`EdcalMarkdownReader._markdown`)."""
    extensions = markdown.get("extensions") or ()
    instances = [getattr(e, "config", None) for e in extensions if not isinstance(e, str)]
    return (_own_extensions_only(markdown)
            and not _asks_unique_ids(markdown.get("extension_configs")) and not _asks_unique_ids(instances))


def _asks_unique_ids(config: Any) -> bool:
    """Whether extensions' settings turn footnotes' ``UNIQUE_IDS`` on: in ``extension_configs``, in the
    ``footnotes`` of ``extra``'s, or in an extension given as an instance (``{name: [value, help]}``)."""
    if isinstance(config, dict):
        value = config.get("UNIQUE_IDS")
        if isinstance(value, list) and value:
            value = value[0]
        return bool(value) or any(_asks_unique_ids(v) for v in config.values())
    if isinstance(config, (list, tuple)):
        return any(_asks_unique_ids(v) for v in config)
    return False


#: An HTML comment of the rendered text, or a <script> or <style> element, kept whole (an old script
#: hides its code in one). Pelican's own markers (`<!-- PELICAN_END_SUMMARY -->`, for the summary
#: plugin) are no notes. A comment written in code is escaped by then (`&lt;!--`): it stays, as the
#: example it is. One never closed runs to the end, as a browser reads it: searching for its end from
#: each of thousands is quadratic.
_NOTE = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|\Z)|<!--(?!\s*PELICAN_).*?(?:-->|\Z)",
                   re.DOTALL | re.IGNORECASE)


#: Code in rendered HTML, where an escaped ``&lt;!--`` is an example, not a note.
_HTML_CODE = re.compile(r"<(pre|code)\b.*?(?:</\1\s*>|\Z)", re.DOTALL | re.IGNORECASE)
_NOTE_OPENING = re.compile(r"<!--|&lt;!--")


def printed_note(html: str, notes: list[bool]) -> int | None:
    """Which note Markdown printed as text (``&lt;!--``) rather than kept as a comment, or None: its rank
    among the openings of the source outside code, ``notes`` (True for a ``<!--``, False for a
    ``&lt;!--`` written to be shown), which the HTML's openings follow one for one."""
    rendered = (opening.group(0) == "<!--" for opening in _NOTE_OPENING.finditer(_HTML_CODE.sub("", html)))
    for rank, (note, kept) in enumerate(zip(notes, rendered, strict=False)):  # a note within a note
        if note and not kept:
            return rank
    return None


def without_notes(html: str) -> str:
    """The rendered text without its HTML comments: notes to the team (`<!-- prix à confirmer -->`), which
    went into the page's source and the feeds, for anyone to read."""
    if "<!--" not in html:
        return html
    return _NOTE.sub(lambda m: m.group(0) if m.group(1) else "", html)


#: The names python-markdown knows its code highlighter by.
_CODEHILITE = ("markdown.extensions.codehilite", "codehilite")

#: The templates of Pelican's own pages (besides ``article`` and ``page``), ``DIRECT_TEMPLATES`` added:
#: an article rendered with one shows that page instead (the home page, a tag's list), or stops the
#: build (``period_archives``: 'period_num' is undefined).
_PELICAN_TEMPLATES = frozenset({"index", "tag", "tags", "category", "categories", "author", "authors",
                                "archives", "period_archives"})


def _template_refused(settings: dict[str, Any], name: str, page: bool) -> tuple[Message, Message] | None:
    """Why an article's (or a page's) ``template:`` would not render it, with a hint; None when it does.

    Pelican renders an article with ``article`` in the template's context, a page with ``page``: the
    theme's ``page.html`` stops the build on an article ('page' is undefined), as ``article.html`` does
    on a page.
    """
    extension = (settings.get("TEMPLATE_EXTENSIONS") or [".html"])[0]
    default = ("page" if page else "article") + extension
    shown = name[:80]
    if not _template_exists(settings, name):
        return (say("found template '{name}', which the theme does not have", name=shown),
                say("remove it ({default} renders it), or add {file} to the theme's templates, written "
                    "as {default} is", default=default, file=shown + extension))
    bare = name.removeprefix("!simple/").removeprefix("!theme/")
    hint = say("remove it ({default} renders it), or name a template of your own, written as {default} is",
               default=default)
    if bare == ("article" if page else "page"):
        if page:
            return (say("found template '{name}', the theme's template for articles: a page rendered with "
                        "it stops the build", name=shown), hint)
        return (say("found template '{name}', the theme's template for pages: an article rendered with it "
                    "stops the build", name=shown), hint)
    if bare in _PELICAN_TEMPLATES or bare in {str(t) for t in settings.get("DIRECT_TEMPLATES") or ()}:
        if page:
            return (say("found template '{name}', the template of one of Pelican's own pages (the home "
                        "page, a list): the page would show that instead, or stop the build", name=shown),
                    hint)
        return (say("found template '{name}', the template of one of Pelican's own pages (the home page, a "
                    "list): the article would show that instead, or stop the build", name=shown), hint)
    return None


def _template_exists(settings: dict[str, Any], name: str) -> bool:
    """Whether Pelican finds ``name`` among the theme's templates (or its overrides, or ``!simple/``)."""
    if ".." in name.split("/") or name.startswith("/"):
        return False
    if name.startswith(("!simple/", "!theme/")):
        return True
    extensions = settings.get("TEMPLATE_EXTENSIONS") or [".html"]
    folders = [*(settings.get("THEME_TEMPLATES_OVERRIDES") or ()),
               os.path.join(settings["THEME"], "templates")]
    return any(os.path.isfile(os.path.join(folder, name + extension))
               for folder in folders for extension in extensions)


def _status_from_settings(settings: dict[str, Any], path: Path) -> tuple[str, str] | None:
    """The status Pelican's settings give an article whose header says none, and the setting that gives it:
    ``DEFAULT_METADATA``, ``EXTRA_PATH_METADATA`` for its file or folder, or a ``(?P<status>…)`` of
    ``PATH_METADATA`` (or ``FILENAME_METADATA``), the last winning, as Pelican applies them. edcal's header
    set the status on every article, ``published`` by default, and a Pelican blog writing
    ``DEFAULT_METADATA = {"status": "draft"}`` went online whole."""
    from pelican.readers import default_metadata, parse_path_metadata, path_metadata

    relative = os.path.relpath(path, settings["PATH"]).replace(os.sep, "/")
    given = None
    # FILENAME_METADATA is read before PATH_METADATA, and the first to name a status gives it.
    from_path = parse_path_metadata(relative, {"PATH_METADATA": settings.get("PATH_METADATA")})
    from_name = parse_path_metadata(relative, {"FILENAME_METADATA": settings.get("FILENAME_METADATA")})
    for setting, found in (("DEFAULT_METADATA", default_metadata(settings)),
                           ("EXTRA_PATH_METADATA", path_metadata(str(path), relative, settings)),
                           ("PATH_METADATA", from_path), ("FILENAME_METADATA", from_name)):
        status = found.get("status")
        if status is not None:
            given = (str(status).strip().lower(), setting)
    return given


def _placeholder(rel: str) -> dict[str, Any]:
    """Metadata for a file with errors: a draft Pelican accepts, never written out."""
    return {"title": f"(invalid: {rel})", "status": "draft"}


__all__ = ["BuildState", "EdcalMarkdownReader"]


def _same_language(lang: Any, site_lang: str) -> bool:
    """``fr-FR`` or ``fr_FR`` on a site whose DEFAULT_LANG is ``fr``: the same language, another code."""
    if not isinstance(lang, str) or not site_lang or lang == site_lang:
        return False
    return same_language(lang, site_lang, primary=True)
