"""Helpers of the rules about files: which file of the content folder an image is, and the nearest name."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import os
import posixpath
import re
import unicodedata
import urllib.parse
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from edcal.checks.registry import CheckContext, Problem
from edcal.files import inside, is_file
from edcal.i18n import Message, say
from edcal.load.articles import MARKDOWN_EXTENSIONS
from edcal.model.article import Article, LinkedFile, content_path
from edcal.model.plan import BlogFiles, Item
from edcal.model.source import Source


@dataclasses.dataclass(frozen=True)
class LinkingText:
    """An article's or a page's text, online or on its way: its links are judged alike."""

    #: Its file (``content/pages/contact.md``), and what the messages call it ("article 'a'", "page …").
    file: str
    named: Message
    #: Its address in full, which its relative links are read from (None: not known, an undated article).
    url: str | None
    #: The links it leaves as written (addresses, paths), and its ``{static}``/``{filename}`` links.
    links: tuple[LinkedFile, ...]
    files: tuple[LinkedFile, ...]
    #: The article (None: a page, online as soon as it is built), its item, and the moment its findings are for.
    article: Article | None = None
    item: Item | None = None
    when: dt.datetime | None = None


def linking_texts(ctx: CheckContext) -> Iterator[LinkingText]:
    """The texts whose links are judged: every article that is or will be online, whatever its date
    (:meth:`CheckContext.articles_on_their_way`), then every page not in draft: it is public once built, a
    hidden one at its address (a draft page is not judged yet, as a draft article is not)."""
    now = ctx.now
    for article, item in ctx.articles_on_their_way():
        yield LinkingText(article.source.path, say("article '{slug}'", slug=article.slug), article.url,
                          article.page_links, article.linked_files, article, item,
                          max(article.date, now) if article.date else None)
    plan = ctx.plan
    links: dict[str, list[LinkedFile]] = {}
    files: dict[str, list[LinkedFile]] = {}
    for page, link in plan.page_links:
        links.setdefault(page, []).append(link)
    for page, linked in plan.page_files:
        files.setdefault(page, []).append(linked)
    for page in sorted({*links, *files}):
        yield LinkingText(page, say("page {page}", page=page), plan.page_addresses.get(page),
                          tuple(links.get(page, ())), tuple(files.get(page, ())), when=now)


def outside_content(content: Path, path: str) -> bool:
    """Whether ``path`` is a file out of the content folder (``../secret.png``, or a link in it to a file
    above it): the build never puts such a file online (publish.link_static_files)."""
    return is_file(content / path) and not inside(content / path, content)


def outside_problem(where: Source, written: str, content: Path, path: str, item: Item | None = None,
                    when: dt.datetime | None = None) -> Problem:
    """The finding of a file shown out of the content folder: online, a broken image or link."""
    return Problem(where, say("'{written}' names {path}, out of the content folder: the build does not put it "
                              "online", written=written,
                              path=posixpath.normpath(posixpath.join(content.name, path))),
                   say("move the file into {folder}/ (a folder of STATIC_PATHS, such as {folder}/images/) and "
                       "name it there", folder=content.name), item, when=when)


#: What a link to a page rather than a file ends with: no extension, or a web page's.
_PAGE_SUFFIXES = ("", ".html", ".htm", ".php")


def names_a_page(path: str) -> bool:
    """Whether an address's path (or a file's) names a page (``2027/a/``, ``a.html``, ``contact``) rather than a
    file (``feeds/essais.atom.xml``, ``a.pdf``): only a page's address is judged dead when the build does not
    write it, as a feed may be written by publishconf.py's settings and not by pelicanconf.py's."""
    return posixpath.splitext(path)[1].lower() in _PAGE_SUFFIXES


def missing_published_file(content: Path, path: str, files: BlogFiles | None) -> bool:
    """Whether an address's path, from the site's root (``images/nexiste.png``), names a file of a folder of
    the content folder the build publishes (one of STATIC_PATHS: it writes files in it), that the folder does
    not hold and the build does not write: a broken image or link online."""
    folder = posixpath.dirname(path)
    return bool(folder) and files is not None and not names_a_page(path) and files.writes_in(folder) \
        and (content / folder).is_dir() and not is_file(content / path) and not files.writes(path) \
        and not files.opens_later(path)


def names_an_article(written: str, target: str) -> bool:
    """Whether a ``{filename}`` link names an article's file (``{filename}entretien.md``, or without its
    ``.md``): ``article-link`` judges it, not ``image-missing``."""
    suffix = posixpath.splitext(target)[1].lower()
    return written.startswith(("{filename}", "|filename|")) and (not suffix or suffix in MARKDOWN_EXTENSIONS)


def in_content(written: str) -> str | None:
    """A file's path from the content folder (``{static}/images/a.png`` is ``images/a.png``); None for a URL."""
    path = content_path(written)
    return None if "://" in path else path


def closest_file_name(name: str, names: list[str]) -> str | None:
    """The file name closest to ``name``: a typo (``publc.png``), or the start of a longer name
    (``terasse.png`` for ``terrasse-garde-corps.png``); a missing extension (``entretien``) too."""
    stem = Path(name).stem.lower()
    best, score = None, 0.0
    for candidate in sorted(names):
        other = Path(candidate).stem.lower()
        ratio = max(difflib.SequenceMatcher(None, stem, other).ratio(),
                    difflib.SequenceMatcher(None, stem, other[:len(stem)]).ratio() - 0.05)
        if Path(name).suffix and Path(candidate).suffix.lower() != Path(name).suffix.lower():
            ratio -= 0.1
        if ratio > score:
            best, score = candidate, ratio
    return best if score >= 0.75 else None


def _loose(name: str) -> str:
    """A name as Windows and macOS compare names: ``Photo.JPG`` is ``photo.jpg``, ``e`` + U+0301 is ``é``."""
    return unicodedata.normalize("NFC", name).casefold()


def same_file_but_spelled(content: Path, path: str) -> str | None:
    """The file ``path`` names on Windows and macOS, which overlook capitals and how accents are encoded, but
    not on a Linux server (``images/Photo.jpg`` for ``images/photo.jpg``): its path as on disk, or None."""
    found = content
    for part in PurePosixPath(path).parts:
        try:
            if (found / part).exists():
                found = found / part
                continue
            names = sorted(os.listdir(found))
        except OSError:  # a name longer than the system takes, a folder that cannot be read
            return None
        match = next((name for name in names if _loose(name) == _loose(part)), None)
        if match is None:
            return None
        found = found / match
    return found.relative_to(content).as_posix() if found != content and is_file(found) else None


def _spelled_differently(content: Path, path: str, on_disk: str, suggestion: str) -> Message:
    if unicodedata.normalize("NFC", on_disk) != unicodedata.normalize("NFC", path):
        return say("the file is {file}: its capitals differ, which Windows and macOS overlook but the web server "
                   "does not (missing once online); write '{path}'",
                   file=f"{content.name}/{on_disk}", path=suggestion)
    if unicodedata.is_normalized("NFC", on_disk):
        return say("its accented letters are encoded differently from the file {file}'s (a letter then a separate "
                   "accent, as macOS may write a name): macOS finds it, the web server does not; retype them",
                   file=f"{content.name}/{on_disk}")
    return say("the file {file} has its accents encoded as separate marks (as macOS may save a name): macOS "
               "finds it, the web server does not; rename the file, retyping its accented letters",
               file=f"{content.name}/{on_disk}")


#: Folders beside the content folder where other generators and web editors keep images (Hugo's `static/`, where
#: Decap CMS set up for Hugo saves its uploads; Jekyll's and Eleventy's `assets/`): none of them is the blog's.
_OTHER_MEDIA_FOLDERS = ("static", "assets", "media", "uploads", "images", "public")


def outside_copy(content: Path, path: str) -> Message | None:
    """Where a file the content folder lacks is, in a media folder beside it (``/uploads/a.jpg`` saved as
    static/uploads/a.jpg), and where to move it; None when there is no such file."""
    name = unicodedata.normalize("NFC", posixpath.basename(path))
    best: tuple[int, str] | None = None
    for top in _OTHER_MEDIA_FOLDERS:
        folder = content.parent / top
        if not folder.is_dir() or inside(folder, content) or inside(content, folder):
            continue
        for directory, folders, files in os.walk(folder):
            folders[:] = sorted(d for d in folders if not d.startswith("."))
            for found in files:
                if unicodedata.normalize("NFC", found) == name:
                    other = (Path(directory) / found).relative_to(content.parent).as_posix()
                    tail = common_tail(other, path)
                    if best is None or tail > best[0]:
                        best = (tail, other)
    if best is None:
        return None
    target = posixpath.dirname(path)
    return say("the file is {file}, out of {content}/, which the blog does not read: move it to {folder}/",
               file=best[1], content=content.name,
               folder=f"{content.name}/{target}" if target else content.name)


def common_tail(path: str, other: str) -> int:
    """How many of their last folders and name two paths share."""
    count = 0
    for mine, theirs in zip(reversed(path.split("/")), reversed(other.split("/")), strict=False):
        if unicodedata.normalize("NFC", mine) != unicodedata.normalize("NFC", theirs):
            break
        count += 1
    return count


def nearest_file(content: Path, path: str, written: str | None = None) -> Message:
    """What to write instead: without the content folder's name, from the content folder, or the closest
    file name in the folder.

    :param written: the link as the article wrote it (``{static}/images/a.png``): the
        suggestion keeps its form, so that it can be pasted in its place.
    """
    marker, link = "", None
    if written:
        marked = re.match(r"^(?:\{\w+\}|\|\w+\|)", written)  # none: an address (/images/a.png)
        marker = marked.group(0) if marked else ""
        link = re.split(r"[#?]", written[len(marker):], maxsplit=1)[0]
    if link is not None and "\\" in link:  # a Windows path: Pelican reads `\` as part of a name
        slashed = link.replace("\\", "/")
        target = slashed.lstrip("/") if slashed.startswith("/") else posixpath.join(posixpath.dirname(path), slashed)
        if is_file(content / posixpath.normpath(urllib.parse.unquote(target))):
            return say("write / between folders, not \\: {path}", path=marker + slashed)
    on_disk = same_file_but_spelled(content, path)
    if on_disk is not None:
        if link is None:
            return _spelled_differently(content, path, on_disk, on_disk)
        head, _, _ = link.rpartition("/")
        same_folder = posixpath.dirname(on_disk) == posixpath.dirname(path)  # the link's own form then
        suggestion = (f"{marker}{head}/" if head else marker) + posixpath.basename(on_disk) if same_folder \
            else f"{marker}/{on_disk}"
        return _spelled_differently(content, path, on_disk, suggestion.replace(" ", "%20"))
    inside = path.removeprefix(f"{content.name}/")
    if inside != path and is_file(content / inside):
        return say("paths are relative to {content}/: write {path}", content=content.name,
                   path=f"{marker}/{inside}" if written else inside)
    if link is not None and not link.startswith("/") and is_file(content / urllib.parse.unquote(link)):
        return say("a path without / is from the article's folder: write {path}", path=f"{marker}/{link}")
    folder = (content / path).parent
    near = closest_file_name(Path(path).name, [p.name for p in folder.iterdir()]) if folder.is_dir() else None
    if near is None:
        return outside_copy(content, path) or say("check the file name and its folder (a path starting with / "
                                                  "is from {content}/)", content=content.name)
    if link is not None:
        head, _, _ = link.rpartition("/")
        # A space as %20 holds in every kind of link (a reference's ends at a space); the rest as written:
        # Pelican finds `%C3%89quipe` but warns that it cannot read the file.
        folder_link = f"{marker}{head}/" if head else marker
        return say("did you mean '{path}'?", path=folder_link + near.replace(" ", "%20"))
    return say("did you mean '{path}'?", path=str(Path(path).parent / near).removeprefix("./"))
