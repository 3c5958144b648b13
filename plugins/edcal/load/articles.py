"""Article metadata: validated with locations, handed to Pelican, read back as the model.

The same functions serve a real Pelican build (through
:mod:`edcal.pelican_plugin.reader`) and ``edcal check`` (which reads metadata
without rendering Markdown), so both see identical articles.

Fields beyond Pelican's own: ``status`` (draft | review | published | hidden),
``image``, ``image_alt``, ``campaign``, ``owner``, ``social``, ``draft_due``
and ``review_due``. An unknown field is an error (a misspelt ``staus: draft``
would otherwise publish a draft); a site lists the extra fields its theme or
plugins use in the ``EDCAL_EXTRA_METADATA`` setting.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import html
import json
import os
import posixpath
import re
import unicodedata
import urllib.parse
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, Field

from edcal.addresses import WEB_ADDRESS
from edcal.errors import ErrorCollector, InputError, closest, did_you_mean, message_of
from edcal.files import bad_name
from edcal.hints import INVISIBLE, invisible_hint, value_hint
from edcal.i18n import Message, say
from edcal.load import timeparse
from edcal.load.frontmatter import ArticleSource
from edcal.load.network_registry import Registry, given_twice, listed_network_twice, registry_with
from edcal.load.schema import (
    Date,
    FilledText,
    Flag,
    LanguageCode,
    Names,
    Spec,
    Text,
    control_refused,
    describe,
    line_ends,
    refused,
    says_no,
)
from edcal.load.sections.checks import parse_silence
from edcal.load.sections.networks import unknown_network_hint
from edcal.load.slowmarkup import slow_markup, without_fenced_code
from edcal.load.validate import (
    article_status,
    field_synonyms,
    reference_hint,
    scheme_missing,
    validate_spec,
)
from edcal.load.yamlfile import LOC_KEY, Loc
from edcal.model.article import (
    IMAGE_SUFFIXES,
    Article,
    ArticleStatus,
    LinkedFile,
    MisreadMarkup,
    Social,
    SocialOverride,
    content_path,
)
from edcal.model.calendar import Calendar, Media
from edcal.model.days import start_of_day
from edcal.model.source import Source
from edcal.zones import WallClockError, at_offset, localize

#: The private metadata key that carries edcal's view of an article through Pelican.
EDCAL_KEY = "edcal"

_SLUG_RE = re.compile(r"^[\w-]+\Z", re.UNICODE)
#: Letters percent-encoded, as WordPress stores a slug with accents (``%c3%a9`` for é).
_PERCENT_ENCODED = re.compile(r"(?:%[0-9a-fA-F]{2})+")
#: A header in another static generator's syntax: TOML's ``title = "…"`` (after ``+++`` or not).
_OTHER_HEADER = re.compile(r"^(?:\+\+\+\s*\n)?\s*[A-Za-z_][\w-]*\s*=\s*\S")
# No bracket inside a link's text, no parenthesis inside its target: each opening would otherwise be
# searched to the end of a text that never closes it (40,000 of them took over a minute).
_MARKDOWN_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_MARKDOWN_MARKS = re.compile(r"(\*\*|__|\*|_|`|~~)")
_HTML_TAG = re.compile(r"<[^<>]+>")
#: White space, collapsed in a summary; but the no-break spaces a writer typed (``6\u00a0mars``,
#: ``10\u202f000\u00a0€``, French ``voir\u202f!``) are kept, as the blog keeps them.
_SPACE_RUN = re.compile(r"\s+")
_NO_BREAK_SPACES = "\u00a0\u202f\u2007"
_NO_BREAK_RUN = re.compile(f"[{_NO_BREAK_SPACES}]+")
#: Pelican's links to content files in Markdown: ``{static}path``, ``|filename|path``…
_MARKER = r"(?:\{(?:static|attach|filename)\}|\|(?:static|attach|filename)\|)"
_ANY_MARKER = re.compile(_MARKER)
#: A Markdown link's target: no space, balanced (…) inside, as Markdown reads it. Then, as python-markdown
#: reads on past spaces up to the ``)`` that closes the link, the words after it on its line: ``](images/Photo
#: atelier.jpg)`` is the file ``Photo atelier.jpg`` on the blog (a title in quotes is no part of it).
_TARGET = r"(?:[^\s()]|\([^\s()]*\))+"
_SPACED_TARGET = (_TARGET + r"(?:(?:[ \t]+(?![\"'])(?:[^\s()\"]|\([^\s()]*\))+)+"
                  r"(?=[ \t]*(?:\"[^\"\n]*\"|'[^'\n]*')?[ \t]*\)))?")
#: Where Pelican resolves them: a Markdown link or image target, a reference definition, or a
#: quoted HTML attribute (Pelican rewrites the rendered HTML's attributes only).
_LINKED_FILE = re.compile(
    r"\]\(\s*<(?P<bracketed>" + _MARKER + r"[^<>\n]+)>"  # <…>: spaces allowed
    r"|\]\(\s*(?P<link>" + _MARKER + _SPACED_TARGET + ")"
    r"|^[ ]{0,3}\[(?!\^)[^\[\]\n]+\]:[ \t]*<?(?P<reference>" + _MARKER + r"[^\s>]+)"
    r"|=\s*(?P<quote>[\"'])(?P<attribute>" + _MARKER + r"[^\"'>]*?)(?P=quote)", re.MULTILINE)
#: Where a marker is an example to show or a note to self, not a link: code spans (of any number of
#: backticks), <pre> and <code> elements, HTML comments. Fenced code blocks: as python-markdown finds
#: them (:func:`edcal.load.slowmarkup.without_fenced_code`; a fence never closed is text). Indented code
#: blocks: see _blank_indented_code. An element or comment never closed runs to the end of the text:
#: searching for its end from each of 40,000 openings took a minute.
_CODE = re.compile(
    r"(?P<ticks>`+)(?!`)[^\n]+?(?<!`)(?P=ticks)(?!`)"
    r"|<(?P<element>pre|code)\b.*?(?:</(?P=element)\s*>|\Z)|<!--.*?(?:-->|\Z)",
    re.MULTILINE | re.DOTALL | re.IGNORECASE)
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[-*+]|\d+[.)])[ \t]")


def _blank_indented_code(body: str) -> str:
    """Indented code blocks blanked out: lines indented by 4 spaces (8 in a list) after a blank line, or
    opening the text.

    In a list, 4 spaces continue the item (``1. Étape`` then an indented image is
    an image of the item, which Markdown renders).
    """
    lines = body.split("\n")
    in_list = in_code = False
    after_blank = True  # the text's first line opens a block: indented, it is code
    for number, line in enumerate(lines):
        if not line.strip():
            after_blank = True
            continue
        width = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        needed = 8 if in_list else 4
        if width >= needed and (after_blank or in_code):
            lines[number] = " " * len(line)
            in_code = True
        else:
            in_code = False
            if _LIST_ITEM.match(line):
                in_list = True
            elif width == 0:
                in_list = False
        after_blank = False
    return "\n".join(lines)
_HEADING = re.compile(r"^\s{0,3}(#{1,6}\s|>\s?|[-*+]\s|\d+\.\s)")


def _titled(value: Any) -> Any:
    """``title:`` left empty (a web editor's template, a title not written yet): said what to write."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise refused(say("found {found}, expected text", found=say("only spaces") if value else say("nothing")),
                      say("write the title on the same line, after `title:` (a page and its posts show it)"))
    return value


def _one_name(field_name: str) -> Callable[[Any], Any]:
    """``author: [Marie, Paul]`` or ``category: [RH, Management]`` (lists, as YAML front matter writes them
    elsewhere): "found a list, expected text" did not say which field takes several names."""

    def validate(value: Any) -> Any:
        if not isinstance(value, list):
            return value
        names = [str(name) for name in value if isinstance(name, (str, int, float))]
        if len(names) <= 1:
            hint = say("write it without brackets: `{field}: {first}`", field=field_name,
                       first=names[0] if names else "…")
        elif field_name == "author":
            hint = say("several authors go in `authors:`, comma-separated: `authors: {names}`",
                       names=", ".join(names))
        else:
            hint = say("an article has one category: `category: {first}`; the other words can be tags: "
                       "`tags: [{rest}]`", first=names[0], rest=", ".join(names[1:]))
        raise refused(say("found {found}, expected text", found=describe(value)), hint)

    return validate


class ArticleSpec(Spec):
    """The fields of an article's header (YAML front matter or Pelican ``Key: value``)."""

    title: Annotated[FilledText, BeforeValidator(_titled)] = Field(description="The article's title.")
    date: Text | None = Field(None, description="Publication date and time, 'YYYY-MM-DD HH:MM' in the site's zone; a future date schedules it.")
    modified: Text | None = Field(None, description="Date of the last significant change.")
    status: Literal["draft", "review", "published", "hidden"] = Field("published", description="draft, review, published (the default) or hidden.")
    tags: Names | None = Field(None, description="Tags, comma-separated or a YAML list; they become hashtags.")
    keywords: Names | None = Field(None, description="Keywords for search engines.")
    category: Annotated[Text, BeforeValidator(_one_name("category"))] | None = Field(None, description="The category.")
    slug: Text | None = Field(None, description="URL name (default: from the file name or title, per SLUGIFY_SOURCE).")
    author: Annotated[Text, BeforeValidator(_one_name("author"))] | None = Field(None, description="The author.")
    authors: Names | None = Field(None, description="Several authors, comma-separated.")
    summary: Text | None = Field(None, description="Summary shown in lists and used by post templates.")
    lang: LanguageCode | None = Field(None, description="Language code, e.g. 'en' for a translation.")
    translation: Flag | None = Field(None, description="Pelican's translation flag.")
    template: Text | None = Field(None, description="Theme template to render it with.")
    save_as: Text | None = Field(None, description="Pelican's output path override.")
    url: Text | None = Field(None, description="Pelican's URL override.")
    image: Text | None = Field(None, description="Sharing image, a path in content/ (e.g. images/salon.jpg) or an https URL.")
    image_alt: Text | None = Field(None, description="Alt text of the image.")
    campaign: Text | None = Field(None, description="Campaign it belongs to (an id from calendar.yaml).")
    owner: Text | None = Field(None, description="Person in charge (a team id from calendar.yaml).")
    social: dict[str, Any] | None = Field(None, description="Per-network wishes: skip, networks, and text/skip/image/alt per network.")
    draft_due: Date | None = Field(None, description="When the draft is due.")
    review_due: Date | None = Field(None, description="When the review is due.")
    silence: Any = Field(None, description="Checks silenced on this article, each with a reason: {rule-id: reason}.")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What edcal keeps of an article's header, before Pelican computes slug and URL."""

    title: str
    date: dt.datetime | None
    modified: dt.datetime | None
    status: str
    summary_source: str
    image: str | None
    image_alt: str | None
    campaign: str | None
    owner: str | None
    social: Social
    draft_due: dt.date | None
    review_due: dt.date | None
    source: Source
    field_sources: dict[str, Source] = field(default_factory=dict)
    silenced: dict[str, str] = field(default_factory=dict)
    linked_files: tuple[LinkedFile, ...] = ()
    page_links: tuple[LinkedFile, ...] = ()
    unlabelled_images: tuple[Source, ...] = ()
    misread_markup: tuple[MisreadMarkup, ...] = ()
    #: The addresses of the site the text names, however (``/images/a.png``, ``https://…``): for the files of
    #: output/ that only content not online shows (:func:`addresses_in`); a page's, a build's only.
    addresses: tuple[str, ...] = ()
    #: ``date:`` gave a day without a time: online from midnight, promoted at the day's slot.
    date_only: bool = False
    #: ``owner`` is its author's, on the team, no ``owner:`` written.
    owner_from_author: bool = False
    #: No ``owner:``, and its author's name two people of the team share: the error that asks for one, for
    #: an original (or a page) only, told once versions are paired; a translation takes its original's owner.
    shared_name: InputError | None = None
    no_text: bool = False


#: Every link target of a body, marked or not: a Markdown link or image, a reference, an href or src.
#: Three expressions, each tried only when its mark is in the text: one alternation of the three read
#: every article's body letter by letter (0.3 s for 1,000 articles).
_INLINE_LINK = re.compile(r"\]\(\s*(?:<(?P<bracketed>[^<>\n]+)>|(?P<link>" + _SPACED_TARGET + "))")
#: Not a footnote's definition (``[^1]: Source.``), which is text.
_REFERENCE_LINK = re.compile(r"^[ ]{0,3}\[(?!\^)[^\[\]\n]+\]:[ \t]*<?(?P<reference>[^\s>]+)", re.MULTILINE)
_ATTRIBUTE_LINK = re.compile(r"\b(?:href|src)\s*=\s*(?P<quote>[\"'])(?P<attribute>[^\"'>]*?)(?P=quote)",
                             re.IGNORECASE)


#: An Obsidian (or wiki) link, ``[[entretien-portail]]`` or ``![[Photo atelier.jpg|300]]``: Markdown prints it as is.
_WIKI_LINK = re.compile(r"!?\[\[(?P<wiki>[^\[\]\n|#]+)(?:[|#][^\[\]\n]*)?\]\]")


def _link_matches(body: str) -> list[re.Match[str]]:
    """The link targets of a body, in the order of the text."""
    found = list(_INLINE_LINK.finditer(body)) if "](" in body else []
    if "[[" in body:
        found += _WIKI_LINK.finditer(body)
    if "]:" in body:
        found += _REFERENCE_LINK.finditer(body)
    if "href" in body or "src" in body or "HREF" in body or "SRC" in body:
        found += _ATTRIBUTE_LINK.finditer(body)
    return sorted(found, key=lambda m: m.start())
#: Targets that are no page of the site: a fragment, mail, telephone, inline data, script.
_NOT_A_PAGE = re.compile(r"^(?:#|mailto:|tel:|data:|javascript:|ftp:|sms:)", re.IGNORECASE)


def page_links(parsed: ArticleSource, folder: str) -> tuple[LinkedFile, ...]:
    """The links of an article's body that Pelican leaves as written (no ``{static}`` or ``{filename}``):
    addresses, relative paths, file names. Outside code, located; ``target`` is a relative path
    resolved from the article's folder in the content folder (what a file name there would be), or
    the link as written.
    """
    def wanted(value: str) -> bool:
        return bool(value) and not _ANY_MARKER.match(value) and not _NOT_A_PAGE.match(value)

    if not any(wanted(_target(m)) for m in _link_matches(parsed.body)):  # most links are external ones
        return ()
    found = []
    body = _without_code(parsed.body)
    locate = _Locator(body, parsed.path, parsed.body_line)
    openings: dict[int, int] | None = None  # read once, at the first Markdown link
    for match in _link_matches(body):
        value = _target(match)
        if not wanted(value):
            continue
        start = match.start(_kind(match))
        where = locate(start)
        if _kind(match) == "wiki":  # told as written: `[[…]]` is what the page would show
            found.append(LinkedFile(match.group(0), value.strip(), where))
            continue
        target = value
        parts = urllib.parse.urlsplit(value)
        if not parts.scheme and not parts.netloc and not value.startswith("/") and parts.path:
            target = posixpath.normpath(posixpath.join(folder, urllib.parse.unquote(parts.path)))
        if openings is None and _kind(match) in ("link", "bracketed"):
            openings = _bracket_openings(body)
        found.append(LinkedFile(value, target, where, image=_shown_as_image(body, match, openings)))
    return tuple(found)


def _bracket_openings(body: str) -> dict[int, int]:
    """Where the ``[`` each ``]`` of a body closes is, past nested brackets (one reading of the body: going
    back from each link took minutes on 40,000 of them)."""
    opened: list[int] = []
    closes: dict[int, int] = {}
    for found in re.finditer(r"[\[\]]", body):
        if found.group(0) == "[":
            opened.append(found.start())
        elif opened:
            closes[found.start()] = opened.pop()
    return closes


def _shown_as_image(body: str, match: re.Match[str], openings: dict[int, int] | None) -> bool:
    """Whether a link target is an image's: ``![words](…)`` (``[![vignette](a.png)](b.pdf)`` links to
    b.pdf), or an ``src`` attribute."""
    kind = _kind(match)
    if kind == "attribute":
        return match.group(0)[:3].lower() == "src"
    at = openings.get(match.start()) if openings is not None and kind in ("link", "bracketed") else None
    return at is not None and at > 0 and body[at - 1] == "!"


def _target(match: re.Match[str]) -> str:
    return match.group(_kind(match)).strip()


def _kind(match: re.Match[str]) -> str:
    """Which of the link expressions' groups holds the target."""
    groups = match.groupdict()
    return next(name for name in ("bracketed", "link", "reference", "attribute", "wiki")
                if groups.get(name) is not None)


class _Locator:
    """The file position of increasing offsets of a body, each counted on from the previous one:
    counting from the start for each of 20,000 links on one line took seconds."""

    def __init__(self, body: str, path: str, first_line: int):
        self.body, self.path, self.first_line = body, path, first_line
        self.offset, self.line, self.line_start = 0, first_line, 0

    def __call__(self, offset: int) -> Source:
        if offset < self.offset:
            self.offset, self.line, self.line_start = 0, self.first_line, 0
        newlines = self.body.count("\n", self.offset, offset)
        if newlines:
            self.line += newlines
            self.line_start = self.body.rfind("\n", self.offset, offset) + 1
        self.offset = offset
        return Source(self.path, self.line, offset - self.line_start + 1)


@functools.lru_cache(maxsize=4)
def _without_code(body: str) -> str:
    """Code blanked out, keeping every other character where it was (lines and columns).

    Kept for the few bodies being read: the links, the images and the misread markup of one article read
    it in turn (0.13 ms an article of 5 kB, a fifth of reading its header).
    """
    fenced = without_fenced_code(body)[0] if "```" in body or "~~~" in body else body
    return _blank_indented_code(_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), fenced))


#: Code alone (spans, elements): :data:`_CODE` without the notes.
_CODE_ONLY = re.compile(
    r"(?P<ticks>`+)(?!`)[^\n]+?(?<!`)(?P=ticks)(?!`)|<(?P<element>pre|code)\b.*?(?:</(?P=element)\s*>|\Z)",
    re.MULTILINE | re.DOTALL | re.IGNORECASE)


#: What may be an address of the site in a text, however it is written (a Markdown link or image, an HTML
#: attribute quoted or not, a ``srcset``, a stylesheet's ``url()``): a full address, or a path from the
#: site's root, or one without its scheme (``//blog.example.fr/images/a.png``, the page's). A French file name
#: may hold an apostrophe (``/images/l'atelier.png``).
_ADDRESS = re.compile(r"https?://[^\s\"'<>()\[\]{}|\\^`]+|(?<![\w.~%/:-])//[\w-][^\s\"'<>()\[\]{}|\\^`]*"
                      r"|(?<![\w.~%/-])/[\w%~.-][^\s\"<>()\[\]{}|\\^`,]*")


def addresses_in(text: str) -> tuple[str, ...]:
    """The addresses a text may name (:data:`_ADDRESS`), trailing punctuation left out; and, whole, those a
    link or a quoted ``src``/``href`` holds: with a space in a file's name (``![](/uploads/Visite été
    (2).png)``, as GitHub's "Upload files" keeps a phone's names; Markdown reads a link up to its ``)``),
    or relative to the page that shows them (``../../images/a.png``, read from the page's address)."""
    if "/" not in text:
        return ()
    text = html.unescape(text)
    found = {address.rstrip(".,;:!?'") for address in _ADDRESS.findall(text)}
    targets = [m["bracketed"] or m["link"] for m in _INLINE_LINK.finditer(text)] if "](" in text else []
    if "]:" in text:
        targets += [m["reference"] for m in _REFERENCE_LINK.finditer(text)]
    if "=" in text:
        targets += [m["attribute"] for m in _ATTRIBUTE_LINK.finditer(text)]
    for written in targets:  # read without sorting nor locating: 60,000 links of a text in a fraction of a second
        written = written.strip()
        if (" " in written or "\t" in written or not (written.startswith("/") or "://" in written)) and written \
                and not _ANY_MARKER.match(written) and not _NOT_A_PAGE.match(written):
            found.add(written)
    return tuple(sorted(found))


@dataclass(frozen=True, slots=True)
class NoteOpening:
    """A ``<!--`` (or a ``&lt;!--`` written to show one) of a text, outside code."""

    source: Source
    #: ``<!--`` itself: a note, unless Markdown prints it.
    note: bool
    #: A note Markdown may print: never closed, or a blank line or a list's or quote's line before its ``-->``.
    suspect: bool


#: A line that splits a paragraph (blank), or starts a list's item or a quote's line; a blank line of a file with
#: Windows line ends (a web editor's) is `\r\n`.
_SPLITS_NOTE = re.compile(r"\n[ \t\r]*(?:\n|[-*+>][ \t]|\d{1,9}[.)][ \t])")


def note_openings(text: str, path: str, first_line: int) -> list[NoteOpening]:
    """Each ``<!--`` and ``&lt;!--`` of a text outside code (notes within notes too, as the rendered HTML holds
    them), located, in the order of the text; a note is suspect when Markdown may print it (a cheap look:
    only those are rendered to tell, for an article not rendered yet)."""
    fenced = without_fenced_code(text)[0] if "```" in text or "~~~" in text else text
    blanked = _blank_indented_code(_CODE_ONLY.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), fenced))
    locate = _Locator(blanked, path, first_line)
    found = []
    for opening in re.finditer("<!--|&lt;!--", blanked):
        note = opening.group(0) == "<!--"
        end = blanked.find("-->", opening.end()) if note else -1
        suspect = note and (end < 0 or _SPLITS_NOTE.search(blanked, opening.end(), end) is not None)
        found.append(NoteOpening(locate(opening.start()), note, suspect))
    return found


def linked_files(parsed: ArticleSource, folder: str) -> tuple[LinkedFile, ...]:
    """The files an article's body links to with ``{static}``, ``{attach}`` or ``{filename}``.

    :param folder: the article's folder relative to the content folder; paths not
        starting with ``/`` are relative to it, as Pelican reads them.
    """
    if _ANY_MARKER.search(parsed.body) is None:  # most articles: no need to read the code blocks
        return ()
    found = []
    body = _without_code(parsed.body)
    locate = _Locator(body, parsed.path, parsed.body_line)
    for match in _LINKED_FILE.finditer(body):
        kind = next(name for name in ("bracketed", "link", "reference", "attribute")
                    if match.group(name) is not None)
        written = match.group(kind)
        value = re.sub(r"^" + _MARKER, "", written)
        path = urllib.parse.unquote(urllib.parse.urlsplit(value).path)
        if not path:
            continue
        target = path[1:] if path.startswith("/") else posixpath.join(folder, path)
        start = match.start(kind)
        where = locate(start)
        found.append(LinkedFile(written, posixpath.normpath(target), where))
    return tuple(found)


#: A list's first item as GitHub's preview lets it break into a paragraph (a bullet, or ``1.``), and any
#: list item (the lines after one are its own text, not a paragraph's).
_LIST_START = re.compile(r"[ ]{0,3}(?:[-*+]|1\.)[ \t]+\S")
_ANY_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}\.)[ \t]+\S")
#: A line that opens a block of its own, not a paragraph: a heading, a quote, a table's row, HTML, a rule.
_OWN_BLOCK = re.compile(r"[ ]{0,3}(?:#|>|\||<|(?:[-*_][ \t]*){3,}$)")
#: A line that ends the paragraph above it: a setext heading's underline (``Titre`` then ``=====``) or a rule.
_ENDS_PARAGRAPH = re.compile(r"(?:[=-]+|[ ]{0,3}(?:[-*_][ \t]*){3,})[ \t\r]*")
#: A word processor's bullet opening a line (``• visite de l'atelier``): no list to Markdown.
_BULLET = re.compile(r"[ ]{0,3}[•◦▪●–][ \t]+\S")
#: An item numbered with a parenthesis (``1) accueil``), as Word and French habits number a list: a list to
#: GitHub's preview, text to Python-Markdown.
_PAREN_NUMBER = re.compile(r"[ ]{0,3}\d{1,9}\)[ \t]+\S")
#: A line of hashtags, as Obsidian writes tags (``#atelier #coulisses``): Markdown makes it a heading.
#: Tags are words (letters, digits, ``_``, ``-``, ``/``): ``#menu{color:red}`` in a <style> is no tag.
_HASHTAG_LINE = re.compile(r"#[\w/-]+(?:[ \t]+#[\w/-]+)*[ \t\r]*")  # \r: a Windows line end
#: An image pasted into the text as data: ``![](data:image/png;base64,…)``, ``<img src="data:image/…">``.
_DATA_IMAGE = re.compile(r"(?:\]\(\s*<?|\bsrc\s*=\s*[\"']?)(?P<data>data:image/[\w.+-]+)[;,][^\s)\"'>]*",
                         re.IGNORECASE)
#: A link or image and what it holds: ``[notre guide]()`` has no address, ``[](https://…)`` no words.
_LINK_PARTS = re.compile(r"(?P<image>!?)\[(?P<words>[^\[\]\n]*)\]\((?P<address>[^()\n]*)\)")
#: A quote opened as Obsidian's and GitHub's callouts are, ``> [!note]`` or ``> [!warning]- Titre``: Markdown
#: shows the ``[!note]`` as written.
_CALLOUT = re.compile(r"[ ]{0,3}>(?:[ \t]*>)*[ \t]*(?P<callout>\[![A-Za-z][\w-]*\][+-]?(?:[ \t]+.*)?)")
#: What may open a WordPress shortcode (``[gallery ids="1,2"]``, ``[vc_row]``), or words between brackets
#: (``[voir page="2"]``, ``[sic]``); not a link (``[words](…)``) nor a reference's definition (``[1]: …``).
_BRACKETED_NAME = re.compile(r"\[(?P<name>[a-z][a-z0-9_-]*)(?=[\s\]])(?:[ \t][^\[\]\n]*)?\](?![(:])")
#: The shortcodes pelican-import leaves that are known by their names: WordPress's own, Jetpack's, the usual
#: form plugins', and the page builders' (WPBakery's ``vc_``, Divi's ``et_pb_``, Avada's ``fusion_``,
#: Shortcodes Ultimate's ``su_``).
_SHORTCODE_NAME = re.compile(r"(?:gallery|caption|wp_caption|embed|video|audio|playlist|contact-form-7|contact-form"
                             r"|contact-field|gravityforms?|wpforms|ninja_forms?|formidable|mc4wp_form|youtube"
                             r"|vimeo|soundcloud|googlemaps|tweet|instagram|slideshow|wpvideo"
                             r"|(?:vc|et_pb|fusion|su)_[a-z0-9_]+)")
#: The end of a shortcode that encloses text (``[bouton url="…"]Écrivez-nous[/bouton]``): any plugin's.
_SHORTCODE_END = re.compile(r"\[/(?P<name>[a-z][a-z0-9_-]*)\]")


def _shortcodes(body: str) -> Iterator[re.Match[str]]:
    """The WordPress shortcodes pelican-import leaves in a text: a known name (``[gallery ids="1,2"]``,
    ``[embed]``, ``[contact-form-7 id="42"]``), or any name that its ``[/name]`` closes further on. Other words
    between brackets are prose (``[voir page="2"]``, ``[sic]``), as WordPress itself would show them."""
    if "[" not in body:
        return
    ends: dict[str, int] = {}
    if "[/" in body:
        for end in _SHORTCODE_END.finditer(body):
            ends[end.group("name")] = end.start()

    def is_shortcode(found: re.Match[str] | None) -> bool:
        if found is None:
            return False
        name = found.group("name")
        return bool(_SHORTCODE_NAME.fullmatch(name)) or ends.get(name, -1) > found.start()

    for match in _BRACKETED_NAME.finditer(body):
        # Not a reference link, `[video][1]`; one shortcode may follow another, `[vc_row][vc_column]`.
        after = match.end()
        if is_shortcode(match) and (not body.startswith("[", after) or body.startswith("[/", after)
                                    or is_shortcode(_BRACKETED_NAME.match(body, after))):
            yield match


#: What may be misread, found in the text as written, before code is told apart (most articles hold none):
#: a line of hashtags, a list's first item (the line before it is judged next), a link with empty parts.
_MAYBE_HASHTAGS = re.compile(r"\n#[^\s#]")
_MAYBE_LIST = re.compile(r"\n[ ]{0,3}(?:[-*+]|1\.)[ \t]+\S")
_MAYBE_PAREN_NUMBERS = re.compile(r"\n[ ]{0,3}\d{1,9}\)[ \t]+\S[^\n]*\n[ ]{0,3}\d{1,9}\)[ \t]+\S")
#: Two expressions, each searched from its first character (their alternation read every character: 20x slower).
_MAYBE_NO_ADDRESS = re.compile(r"\]\(\s*<?>?\s*\)")
_MAYBE_NO_WORDS = re.compile(r"\[\s*\]\(")


def _may_be_misread(body: str) -> bool:
    text = "\n" + body
    if (_MAYBE_HASHTAGS.search(text) or "data:" in body or "[!" in body or _MAYBE_NO_ADDRESS.search(body)
            or _MAYBE_NO_WORDS.search(body)):
        return True
    if any(bullet in body for bullet in "•◦▪●–") or (")" in body and _MAYBE_PAREN_NUMBERS.search(text)):
        return True
    if "[" in body and next(_shortcodes(body), None) is not None:
        return True
    for match in _MAYBE_LIST.finditer(text):  # a list item after a line of text, not after a blank line
        before = text.rfind("\n", 0, match.start())
        previous = text[before + 1:match.start()]
        if previous.strip() and not _ANY_ITEM.match(previous):
            return True
    return False


def misread_markup(parsed: ArticleSource, title: str = "") -> tuple[MisreadMarkup, ...]:
    """What an article's text holds that Markdown reads otherwise than the editor it was written or pasted
    in showed it (GitHub's preview, a word processor, Obsidian, Notion), outside code, in the order of the text.

    :param title: the header's ``title:``, which a first heading of the same words repeats.
    """
    repeated = _title_heading(parsed, title)
    if not _may_be_misread(parsed.body):
        return (repeated,) if repeated is not None else ()
    body = _without_code(parsed.body)
    found = [repeated] if repeated is not None else []

    def at(number: int, column: int = 1) -> Source:
        return Source(parsed.path, parsed.body_line + number, column)

    block = ""  # the block the line is in: "" (none yet), "paragraph", or "other" (a list, a heading…)
    lines = body.split("\n")
    for number, line in enumerate(lines):
        if not line.strip() or (block == "paragraph" and _ENDS_PARAGRAPH.fullmatch(line)):
            block = ""  # a list may follow a heading's underline or a rule: Markdown reads it anew
            continue
        if _HASHTAG_LINE.fullmatch(line):
            tags = line.split()
            if len(tags) > 1 or tags[0] == tags[0].lower():  # one word alone may be a heading: `#Introduction`
                found.append(MisreadMarkup("hashtags", line.strip(), at(number)))
        if _BULLET.match(line) and number and _BULLET.match(lines[number - 1]) and block == "paragraph" and (
                number < 2 or not _BULLET.match(lines[number - 2])):
            first = lines[number - 1]
            found.append(MisreadMarkup("bullets", first.strip(), at(number - 1, _indent(first) + 1)))
        if _PAREN_NUMBER.match(line) and number and _PAREN_NUMBER.match(lines[number - 1]) \
                and block == "paragraph" and (number < 2 or not _PAREN_NUMBER.match(lines[number - 2])):
            first = lines[number - 1]
            found.append(MisreadMarkup("paren-numbers", first.strip(), at(number - 1, _indent(first) + 1)))
        if block == "paragraph" and _LIST_START.match(line) and not _OWN_BLOCK.match(line):
            found.append(MisreadMarkup("list-in-paragraph", line.strip(), at(number, _indent(line) + 1)))
            block = "other"
        elif not block:
            block = "other" if _ANY_ITEM.match(line) or _OWN_BLOCK.match(line) else "paragraph"
        if line.startswith("#"):
            block = ""  # a heading is a block of its own line
        callout = _CALLOUT.match(line) if "[!" in line else None
        if callout is not None:
            found.append(MisreadMarkup("callout", callout.group("callout").strip(),
                                       at(number, callout.start("callout") + 1)))
    if "[" in body:
        locate = _Locator(body, parsed.path, parsed.body_line)
        found.extend(MisreadMarkup("shortcode", match.group(0)[:80], locate(match.start()))
                     for match in _shortcodes(body))
    if "](" in body or "data:" in body:
        locate = _Locator(body, parsed.path, parsed.body_line)
        spans = sorted([*_DATA_IMAGE.finditer(body), *_LINK_PARTS.finditer(body)], key=lambda m: m.start())
        for match in spans:
            if match.re is _DATA_IMAGE:
                head, _, payload = body[match.start("data"):match.end()].partition(",")
                weight = len(payload) * 3 // 4 if head.lower().endswith(";base64") else len(payload)
                found.append(MisreadMarkup("data-image", match.group("data"), locate(match.start("data")),
                                           weight=weight))
            elif match.group("address").strip() in ("", "<>"):
                found.append(MisreadMarkup("link-without-address", match.group(0), locate(match.start())))
            elif not match.group("image") and not match.group("words").strip():
                found.append(MisreadMarkup("link-without-words", match.group(0), locate(match.start())))
    return tuple(sorted(found, key=lambda m: (m.source.line, m.source.column)))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


#: The blank lines and spaces a text opens with (read without copying the text, as lstrip() would).
_BLANK_START = re.compile(r"[ \t\r\n]*")
#: A heading's underline that makes the line above a first-level heading (``Titre`` then ``=====``).
_FIRST_LEVEL_UNDERLINE = re.compile(r"[ ]{0,3}=+[ \t\r]*")


def _title_heading(parsed: ArticleSource, title: str) -> MisreadMarkup | None:
    """The text's first line, when it is a first-level heading of the title's words (``# Titre de
    l'article``, as Google Docs, Notion and Word export a document): the theme shows the title above the
    text already, the page would show it twice. A first heading of other words is a heading the writer
    chose: it shows once."""
    if not title:
        return None
    start = _BLANK_START.match(parsed.body).end()  # type: ignore[union-attr]  # (it matches an empty start)
    start = parsed.body.rfind("\n", 0, start) + 1  # the first line that is not blank
    end = parsed.body.find("\n", start)
    line = parsed.body[start:] if end < 0 else parsed.body[start:end]
    words = _first_level_heading(line)
    if words is None and end >= 0 and not line.startswith("    "):
        below_end = parsed.body.find("\n", end + 1)
        below = parsed.body[end + 1:] if below_end < 0 else parsed.body[end + 1:below_end]
        words = line if _FIRST_LEVEL_UNDERLINE.fullmatch(below) else None
    if not words or _comparable(words) != _comparable(title):
        return None
    number = parsed.body.count("\n", 0, start)
    return MisreadMarkup("title-heading", line.strip(), Source(parsed.path, parsed.body_line + number, 1))


def _first_level_heading(line: str) -> str | None:
    """The words of a first-level heading's line, ``# Titre`` (its closing ``#`` taken off), as Markdown reads
    it (up to 3 spaces before); None for another line. Read without an expression: one with a closing ``#``
    to try after each space of the line took seconds on a long line of spaces."""
    text = line.lstrip(" ")
    if len(line) - len(text) > 3 or not text.startswith(("# ", "#\t")):
        return None
    words = text[2:].strip(" \t\r")
    closed = words.rstrip("#")
    if closed != words and (not closed or closed[-1] in " \t"):
        words = closed.strip(" \t")
    return words


def _comparable(text: str) -> str:
    """A title as a reader compares two: its words, without case, accents, punctuation or markup."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


#: An image without alt text: ``![](photo.jpg)``, or an ``<img>`` tag without ``alt``. No ``<`` inside
#: the tag: each of 40,000 unclosed ``<img `` was otherwise read to the end of the text.
_UNLABELLED_IMAGE = re.compile(r"!\[\s*\]\(|<img\b(?![^<>]*\balt\s*=)[^<>]*>", re.IGNORECASE)


def unlabelled_images(parsed: ArticleSource) -> tuple[Source, ...]:
    """Where an article's body shows an image without alt text, outside code."""
    if "![" not in parsed.body and "<img" not in parsed.body.lower():
        return ()
    body = _without_code(parsed.body)
    locate = _Locator(body, parsed.path, parsed.body_line)
    return tuple(locate(match.start()) for match in _UNLABELLED_IMAGE.finditer(body))


#: What shows no text on a page: HTML comments, headings (``## Titre``, or a line underlined with
#: ``===`` or ``---``), rules, link definitions (``[//]: # (une note)``, a comment in Markdown), and a
#: quote holding only these (``> ## À compléter``). As python-markdown reads them: a heading's ``#``
#: opens its line (``  # x`` is a paragraph, ``    # x`` or a tab code), and a heading holding an image
#: shows the image.
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
#: A heading's line (``## Titre``), unless it holds an image, which the page shows.
_HEADING_LINE = re.compile(r"#(?!.*(?:!\[|<img\b))", re.IGNORECASE)
#: A rule (``---``), or a heading's underline on the line below its text.
_RULE_LINE = re.compile(r"[ ]{0,3}(?:=+|-+)[ \t]*")
_UNDERLINE = re.compile(r"(?:=+|-+)[ \t]*")
#: A link definition on one line (``[id]: url``, ``[//]: # (note)``, with a title in "", '' or ()); not a
#: footnote's (``[^1]: Source``), which the page lists at its foot.
_LINK_DEFINITION = re.compile(r"""[ ]{0,3}\[(?!\^)[^\[\]]*\]:[ \t]*\S+(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*""")
#: The marks of a quote (``> ``, ``>> ``, ``> > ``) opening a line.
_QUOTE_MARKS = re.compile(r"(?:[ ]{0,3}>[ ]?)+")


def has_no_text(parsed: ArticleSource) -> bool:
    """Whether an article's body holds nothing but headings and comments (``## À compléter``, or
    nothing at all): online, its page would show a title and no text. An image, a table, an embed or
    code is content. Line by line, stopping at the first line of text: an article has one early."""
    body = _HTML_COMMENT.sub("", parsed.body) if "<!--" in parsed.body else parsed.body
    lines = body.splitlines()
    for number, written in enumerate(lines):
        depth, line = _unquoted(written)
        if (not line.strip() or _HEADING_LINE.match(line) or _RULE_LINE.fullmatch(line)
                or _LINK_DEFINITION.fullmatch(line)):
            continue
        if number + 1 < len(lines):
            below_depth, below = _unquoted(lines[number + 1])
            if below_depth == depth and _UNDERLINE.fullmatch(below):
                continue  # a heading underlined on the next line, in the same quote
        return False
    return True


def _unquoted(line: str) -> tuple[int, str]:
    """How deep in quotes a line is, and what it shows without the quote marks opening it."""
    marks = _QUOTE_MARKS.match(line)
    return (marks.group().count(">"), line[marks.end():]) if marks else (0, line)


#: The extensions Pelican's Markdown reader takes (its file discovery is case-sensitive); edcal's reader
#: replaces it for each (edcal.pelican_plugin).
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")


def unread_articles(site: Path, content: Path, folders: Iterable[tuple[str, Iterable[str]]],
                    ignored: Iterable[str] = ()) -> list[InputError]:
    """Files in the article and page folders that were meant as articles but would not be read.

    ``nouveau.MD``, ``nouveau.md.txt`` (a web editor's download), and a file
    without extension or saved as text (``nouveau.txt``) that starts with a
    header: Pelican skips them, and the article would be missing without a word.
    """
    problems = []
    seen: set[str] = set()
    patterns = tuple(ignored)

    def skipped(name: str) -> bool:
        return name.startswith(".") or any(fnmatch.fnmatch(name, pattern) for pattern in patterns)

    for folder, excludes in folders:  # as Pelican walks them: its excludes, its ignored names, its links
        excluded = {os.path.normpath(content / exclude) for exclude in excludes}
        for directory, subfolders, names in os.walk(content / folder, followlinks=True):
            subfolders[:] = [d for d in subfolders if not skipped(d)
                             and os.path.normpath(os.path.join(directory, d)) not in excluded]
            for name in names:
                path = os.path.join(directory, name)
                if skipped(name) or path in seen:
                    continue
                seen.add(path)
                lower = name.lower()
                if lower.rstrip(" .") != lower and lower.rstrip(" .").endswith(MARKDOWN_EXTENSIONS):
                    meant = name.rstrip(" .")  # `salon.md ` : a space or dot after the extension
                elif lower.endswith(".txt") and lower[:-4].endswith(MARKDOWN_EXTENSIONS):
                    meant = name[:-4]
                elif lower.endswith(MARKDOWN_EXTENSIONS) and not name.endswith(MARKDOWN_EXTENSIONS):
                    meant = name
                elif ("." not in name or lower.endswith(_TEXT_EXTENSIONS)) and _starts_with_a_header(path):
                    meant = name.rpartition(".")[0] + ".md" if "." in name else name + ".md"
                elif lower.endswith((".rst", ".rest")):  # reStructuredText: Pelican skipped it without a word
                    rel = Path(os.path.relpath(path, site)).as_posix()
                    problems.append(InputError(Source(rel, 1, 1),
                                               say("found {path}, which is not read: edcal reads articles and "
                                                   "pages written in Markdown (*.md)", path=rel),
                                               say("pelican-import wrote it in reStructuredText, its "
                                                   "default: run it again with -m markdown, then delete the "
                                                   ".rst files") if _from_pelican_import(path) else
                                               say("write it in Markdown as {name}",
                                                   name=f"{name.rpartition('.')[0]}.md")))
                    continue
                else:
                    continue
                base, _, extension = meant.rpartition(".")
                rel = Path(os.path.relpath(path, site)).as_posix()
                problems.append(InputError(Source(rel, 1, 1), say("found {path}, which is not read: articles and "
                                                                  "pages are files named *.md", path=rel),
                                           say("rename it {name}",
                                               name=f"{base or meant}.{extension.lower() if base else 'md'}")))
    return problems


#: The header pelican-import writes in reStructuredText: the title underlined with ``#``, then its fields.
_PELICAN_IMPORT_RST = re.compile(r"[^\n]+\r?\n#+\r?\n(?::(?:date|author|category|tags|slug|status):[^\n]*\r?\n)+")


def _from_pelican_import(path: str) -> bool:
    """Whether an ``.rst`` file starts as pelican-import writes one (its default markup): importing again
    with ``-m markdown`` converts them all, which rewriting each by hand would not."""
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return _PELICAN_IMPORT_RST.match(file.read(4096)) is not None
    except OSError:
        return False


#: Extensions of a text saved by an editor that did not know it was Markdown.
_TEXT_EXTENSIONS = (".txt", ".text")


def articles_in_static(site: Path, content: Path, static: Iterable[str], sources: Iterable[str],
                       ignored: Iterable[str] = (), excludes: Iterable[str] = ()) -> list[InputError]:
    """Articles (Markdown files with a header) in a static folder: Pelican copies them into output/ as
    they are, a draft's or a future article's text and all, where anyone may read them. What
    ``STATIC_EXCLUDES`` leaves out is not copied."""
    patterns = tuple(ignored)
    read = {os.path.normpath(content / folder) for folder in [*sources, *excludes]}
    problems = []
    for folder in sorted({os.path.normpath(content / folder) for folder in static}):
        if any(folder == r or folder.startswith(r + os.sep) for r in read):
            continue  # inside an article or page folder: Pelican reads it there, and copies none of it
        for directory, subfolders, names in os.walk(folder):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith(".")
                                   and os.path.join(directory, d) not in read)
            for name in sorted(names):
                path = os.path.join(directory, name)
                if name.lower().endswith(MARKDOWN_EXTENSIONS) and not name.startswith(".") and path not in read \
                        and not any(fnmatch.fnmatch(name, p) for p in patterns) and _starts_with_a_header(path):
                    rel = Path(os.path.relpath(path, site)).as_posix()
                    problems.append(InputError(
                        Source(rel, 1, 1), say("found {path}, an article in the static folder '{folder}': it would "
                                               "be copied into output/ as it is, header and text, whatever its "
                                               "date or status", path=rel, folder=os.path.relpath(folder, content)),
                        say("move it to an article folder (content/articles/)")))
    return problems


def articles_outside(site: Path, content: Path, articles: Iterable[str], pages: Iterable[str],
                     static: Iterable[str], ignored: Iterable[str] = ()) -> list[InputError]:
    """Articles (Markdown files with a header) at the top of the content folder, outside its article,
    page and static folders (``content/nouvel-article.md`` beside ``content/articles/``, where a web
    editor puts a new file): Pelican reads none of them, and the article would be missing from the
    blog and the plan without a word. Sub-folders are left alone: a folder kept out of the build
    (old drafts, notes) may be meant."""
    articles, pages = list(articles), list(pages)
    top = os.path.normpath(content)
    if not os.path.isdir(top) or top == os.path.normpath(site) or any(os.path.normpath(content / folder) == top
                                            for folder in [*articles, *pages, *static]):
        return []  # the whole content folder is read (Pelican's default), or it is the repository's root
    patterns = tuple(ignored)

    def shown(folder: str) -> str:
        return f"{Path(os.path.relpath(content / folder, site)).as_posix()}/"

    if articles and pages:
        hint = say("move it to {articles} (an article) or to {pages} (a page)", articles=shown(articles[0]),
                   pages=shown(pages[0]))
    elif articles or pages:
        hint = say("move it to {folder} (an article)", folder=shown(articles[0])) if articles \
            else say("move it to {folder} (a page)", folder=shown(pages[0]))
    else:
        hint = say("set ARTICLE_PATHS in pelicanconf.py")
    problems = []
    for name in sorted(os.listdir(content)):
        path = os.path.join(content, name)
        if (name.lower().endswith(MARKDOWN_EXTENSIONS) and not name.startswith(".") and os.path.isfile(path)
                and not any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
                and _starts_with_a_header(path)):
            rel = Path(os.path.relpath(path, site)).as_posix()
            problems.append(InputError(
                Source(rel, 1, 1), say("found {path}, which is not read: it is outside the article and page "
                                       "folders", path=rel), hint))
    read = {os.path.normpath(content / folder) for folder in [*articles, *pages, *static]}
    hint = say("{move}; and set your web editor to save articles there (Decap CMS: `folder:` in its config.yml)",
               move=hint)
    for directory, subfolders, _names in os.walk(top):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".")
                               and not any(fnmatch.fnmatch(d, p) for p in patterns)
                               and os.path.join(directory, d) not in read)
        if directory == top or os.path.basename(directory).lower() not in _OTHER_TOOLS_POSTS:
            continue
        subfolders[:] = []  # its files, at any depth, are judged below
        for path in markdown_with_a_header(directory, patterns):
            rel = Path(os.path.relpath(path, site)).as_posix()
            problems.append(InputError(
                Source(rel, 1, 1), say("found {path}, which is not read: {folder}/ is outside the article and "
                                       "page folders", path=rel, folder=posixpath.dirname(rel)), hint))
    return problems


#: The folders where other tools keep articles (Hugo's and Decap CMS's `content/posts/`, Jekyll's `_posts/`): a
#: sub-folder of the content folder so named is meant for the blog, where another (`vieux/`) may be kept out.
_OTHER_TOOLS_POSTS = ("posts", "post", "_posts", "blog")


def markdown_with_a_header(folder: str, patterns: tuple[str, ...] = ()) -> Iterator[str]:
    """The Markdown files under ``folder`` (at any depth, hidden ones and ``patterns`` aside) that start with
    an article's header (``Title:``, or ``title:`` in front matter)."""
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(names):
            path = os.path.join(directory, name)
            if name.lower().endswith(MARKDOWN_EXTENSIONS) and not name.startswith(".") \
                    and not any(fnmatch.fnmatch(name, p) for p in patterns) and _starts_with_a_header(path):
                yield path


#: The longest file name in the content folder (file systems take 255 bytes; Pelican adds to a name).
MAX_NAME_BYTES = 200


def links_outside(site: Path, content: Path, folders: Iterable[str] = ("",),
                  ignored: Iterable[str] = ()) -> list[InputError]:
    """Symbolic links in the content folders to files or folders outside the site (or to its hidden
    files), and file names no page can have (not UTF-8, or too long).

    Pelican follows links and copies what they point at into output/: a link to
    ``/proc/self/environ`` published the CI job's secrets, one to ``/etc`` the
    whole folder, one to ``../../.env`` the site's own. The content folder
    itself may be a link (a shared folder). Only what Pelican reads is walked:
    its article, page and static folders, without hidden or ignored names
    (``.venv`` and ``.git`` beside ``PATH = "."``).
    """
    roots = {os.path.realpath(site), os.path.realpath(content)}
    patterns = tuple(ignored)

    def skipped(name: str) -> bool:
        return name.startswith(".") or any(fnmatch.fnmatch(name, p) for p in patterns)

    problems: list[InputError] = []
    for top in sorted({os.path.normpath(content / folder) for folder in folders}):
        for directory, subfolders, names in os.walk(top):  # links are not followed: each is judged once
            subfolders[:] = [d for d in subfolders if not skipped(d)]
            for name in [*subfolders, *names]:
                if not skipped(name):
                    problems += _unpublishable(site, roots, directory, name)
    return problems


def _unpublishable(site: Path, roots: set[str], directory: str, name: str) -> list[InputError]:
    path = os.path.join(directory, name)
    bad = bad_name(name)
    if bad is not None:  # bytes no URL can name, or a control character no message, feed or page can hold
        shown, message = bad
        rel = Path(os.path.relpath(os.path.join(directory, shown), site)).as_posix()
        return [InputError(Source(rel, 1, 1), message, say("rename it (letters, digits and dashes are safest)"))]
    size = len(name.encode("utf-8"))
    rel = Path(os.path.relpath(path, site)).as_posix()
    if size > MAX_NAME_BYTES:
        return [InputError(Source(rel, 1, 1), say("found a file name of {size} bytes, expected at most "
                                                  "{most}: its page's name would be too long for a file system",
                                                  size=size, most=MAX_NAME_BYTES),
                           say("give it a shorter name"))]
    if not os.path.islink(path):
        return []
    target = os.path.realpath(path)
    inside = next((root for root in roots if target == root or target.startswith(root + os.sep)), None)
    if inside is not None and not any(part.startswith(".") for part in Path(os.path.relpath(target, inside)).parts):
        return []
    return [InputError(Source(rel, 1, 1), say("found {path}, a link to {target}, outside the site or to "
                                              "a hidden file: Pelican would publish what it points at",
                                              path=rel, target=os.readlink(path)),
                       say("copy the file into the site, or remove the link"))]


def _starts_with_a_header(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            start = handle.read(200).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        return False
    return bool(re.match(r"(?:---\s*\n)?\s*title\s*:", start, re.IGNORECASE))


#: Header fields Pelican themes and plugins often read that edcal takes for another tool's name of one
#: of its own (`description:` for `summary:`): their hint names the setting that accepts them too.
THEME_FIELDS = ("description", "subtitle", "excerpt", "cover", "cover_image", "thumbnail", "featured_image",
                "hero", "og_image")


#: Fields that other tools write into a header (Notion's and Google Docs' exports, Obsidian, Jekyll, Hugo), and
#: what a writer should do instead: keeping them for a theme would be wrong advice.
_OTHER_TOOLS_FIELD = {
    **dict.fromkeys(("created", "created time", "created at", "date created", "creation date"),
                    "when the text was written, which the blog does not need: delete the line; `date:` says when "
                    "it goes online"),
    **dict.fromkeys(("last edited time", "last edited", "last modified", "updated", "lastmod"),
                    "write `modified:` for the day of the last change worth telling readers, or delete the line"),
    "published": "write `status: draft` for a text not ready (Jekyll's `published: false`); an article is "
                 "published by default: delete the line",
    "layout": "delete the line: an article has its page by default (`template:` names another of the theme's)",
    "permalink": "write `slug:` for the last part of the article's address, or delete the line",
    **dict.fromkeys(("aliases", "cssclasses", "cssclass"),
                    "an Obsidian property, which the blog does not read: delete the line"),
}


def _status_hint(found: str, meant: str, page: bool = False) -> str:
    """What to write for a status said in other words (Notion's ``Status: Done``, ``brouillon``): edcal's ``meant``.
    A page is not planned: neither date nor promotions."""
    if page:
        written = "published" if meant == "published" else "draft"
        return say("'{found}' means `status: {status}` for a page (published, hidden or draft: a page is not planned)",
                   found=found, status=written)
    if meant == "published":
        return say("'{found}' says the text is finished: write `status: published`, or delete the line, published "
                   "being the default; the article goes online at its `date:`", found=found)
    if meant == "review":
        return say("'{found}' says the text is to be reread: write `status: review`; the article stays offline "
                   "until it is `published`", found=found)
    return say("'{found}' says the text is not finished: write `status: draft`; the article stays offline, and its "
               "promotions wait for it", found=found)


def _theme_field_hint(name: str, known: Collection[str], meant: str | None,
                      listed: Collection[str] = (), values: Mapping[str, Any] | None = None,
                      key_value: bool = False) -> str | None:
    """A field near none of edcal's is most often one a blog's theme or plugins read (`Series:`).

    :param listed: the fields EDCAL_EXTRA_METADATA lists already, which the setting given keeps.
    :param values: the header's fields as written: ``Statut: brouillon`` is given its whole line,
        ``Status: draft``, not only the field's name.
    :param key_value: the header is Pelican's ``Key: value`` lines, whose keys are written capitalised.
    """
    value = (values or {}).get(name)
    if isinstance(value, str) and "status" in known and "status" in (*field_synonyms(name), closest(name, known)):
        status = article_status(value)
        if status is not None and status != value.strip():
            key = "Status" if key_value else "status"
            return say("write the line `{line}`: the field is 'status', and '{found}' is written '{status}'",
                       line=f"{key}: {status}", found=value.strip(), status=status)
    elsewhere = _OTHER_TOOLS_FIELD.get(" ".join(name.strip().lower().replace("_", " ").split()))
    if elsewhere is not None:
        return say(elsewhere)
    extra = say("list it in pelicanconf.py, EDCAL_EXTRA_METADATA = {names}",
                names=repr([*sorted(listed), name]))
    if meant is None:
        return say("a field of your theme or of a plugin: {extra}; edcal's own fields: {fields}", extra=extra,
                   fields=", ".join(sorted(known)))
    if name.strip().lower() in THEME_FIELDS:
        return say("{meant} or, if your theme or a plugin reads it, {extra}", meant=meant, extra=extra)
    if name.strip().lower() == "draft" and "status" in known:  # Decap CMS's and Hugo's toggle
        if says_no(value):
            return say("an article is published by default, at its `date:`: delete the line (Decap CMS's and "
                       "Hugo's `draft: false`)")
        return say("write `status: draft` instead (Decap CMS's and Hugo's `draft: true`): the article stays "
                   "offline")
    return meant  # `staus:`, `auteur:`: never an invitation to keep them


def validate_article(parsed: ArticleSource, calendar: Calendar, extra_fields: frozenset[str],
                     errors: ErrorCollector, page: bool = False) -> tuple[ArticleMeta | None, dict[str, Any]]:
    """Check an article's header; returns edcal's view and the fields left for Pelican.

    :param page: pages need no date and are not planned.
    """
    data = dict(parsed.metadata)
    loc: Loc = data[LOC_KEY]
    if not [key for key in data if key != LOC_KEY] and _OTHER_HEADER.match(parsed.body):
        # `title = "…"` (TOML, Hugo's +++): read as no header at all, the title would just be "missing".
        errors.add(Source(parsed.path, parsed.body_line, 1), say("found a header written `key = value`; expected "
                                                                 "YAML front matter or Pelican's `Key: value` lines"),
                   say('write it as ---, then title: "…" and date: 2027-01-12 09:00 on their own lines, then ---'))
        return None, {}
    if not [key for key in data if key != LOC_KEY] and not parsed.body.strip(" \t\r\n\ufeff"):
        # Saved by mistake, as a web editor's "new file" does: "the file starts with its text" named no text.
        if page:
            errors.add(Source(parsed.path, 1, 1), say("found an empty file, expected a page: a header with its "
                                                      "title, then its text"),
                       say("delete the file if it was saved by mistake; otherwise write in it, each on its own "
                           "line: ---, title: …, ---, then the text"))
        else:
            errors.add(Source(parsed.path, 1, 1), say("found an empty file, expected an article: a header with its "
                                                      "title and date, then its text"),
                       say("delete the file if it was saved by mistake; otherwise write in it, each on its own "
                           "line: ---, title: …, date: 2027-01-12 09:00 (or status: draft), ---, then the text"))
        return None, {}
    if not [key for key in data if key != LOC_KEY] and not page:
        # A Notion or Google Docs export, a note pasted into a new file: "missing field 'title'" did not say
        # that the whole header was missing, nor what one looks like.
        errors.add(Source(parsed.path, parsed.body_line, 1),
                   say("found no header: the file starts with its text, expected a header first, with the "
                       "article's title and date"),
                   say("write above the text, each on its own line: ---, title: {title}, date: 2027-01-12 09:00 "
                       "(or status: draft), ---", title=_title_in(parsed.body)))
        return None, {}
    extras = {k: data.pop(k) for k in list(data) if k in extra_fields}
    status_refused = False
    if isinstance(data.get("status"), str):
        written, data["status"] = data["status"].strip(), data["status"].strip().lower()
        meant = article_status(written)
        if meant is not None:  # Notion's `Status: Done`: the rest of the header is read in the same run
            errors.add(loc.value("status"), say("found {found}, expected one of: {options}",
                                                found=describe(written),
                                                options=", ".join(get_args(ArticleStatus))),
                       _status_hint(written, meant, page))
            data["status"], status_refused = meant, True
    field_hint = functools.partial(_theme_field_hint, listed=extra_fields, values=data,
                                   key_value=parsed.style == "pelican")
    spec = validate_spec(ArticleSpec, data, errors, unknown_field_hint=field_hint)
    if spec is None:
        # The dates too, in the same pass: fixing an unknown field only to meet the next error took two runs.
        reported = {error.source for error in errors.errors}
        for name in ("date", "modified"):
            if isinstance(data.get(name), str) and loc.value(name) not in reported:
                article_datetime(data[name], loc.value(name), calendar, errors)
        return None, extras
    fields = {name: loc.value(name) for name in loc.fields}
    title_source = loc.key("title") if "title" in loc.fields else loc.source
    before = len(errors.errors)
    date = article_datetime(spec.date, loc.value("date"), calendar, errors)
    modified = article_datetime(spec.modified, loc.value("modified"), calendar, errors)
    if date is None and spec.date is None and spec.status in ("published", "hidden") and not page:
        # At an empty `date: ''` (Decap CMS's date not chosen), the line to fill in; else at the title.
        errors.add(loc.value("date") if "date" in loc.fields else title_source,
                   say("missing `date:` for a published article"),
                   say("add e.g. `date: 2027-01-12 09:00`, or `status: draft` while it is not ready"))
    if spec.slug is not None and not _SLUG_RE.match(spec.slug):
        errors.add(loc.value("slug"), say("found slug '{slug}', expected letters, digits and dashes",
                                          slug=spec.slug[:80]),
                   _slug_hint(spec.slug))
    for name in ("save_as", "url"):
        value = getattr(spec, name)
        if value is not None and (".." in value.split("/") or value.startswith("/")):
            inside = value.lstrip("/")
            example = inside if inside and ".." not in inside.split("/") else (
                "a-propos/index.html" if name == "save_as" else "a-propos/")
            errors.add(loc.value(name), say("found {name} '{value}', expected a path inside the site", name=name,
                                            value=value[:80]),
                       say("write it from the site's root, without '..' or a leading '/': {name}: {example}",
                           name=name, example=example[:80]))
        elif name == "save_as" and value and (value.rstrip("/") in ("", ".") or value.endswith("/")
                                              or any(part in (".", ".git") or part.startswith(".edcal")
                                                     for part in value.split("/"))):
            # `.` (a folder), `.git/config` (the deployment's repository), `.edcal-files` (edcal's own list)
            errors.add(loc.value(name), say("found save_as '{value}', expected the path of a page's file, "
                                            "outside .git and edcal's files", value=value[:80]),
                       say("e.g. save_as: a-propos/index.html"))
    control = _BODY_CONTROL.search(parsed.body)
    if control is not None:  # copied into summaries, drafts and feeds; XML 1.0 has no place for it
        errors.add(_body_source(parsed, control.start()),
                   say("found the control character U+{code:04X} in the text, expected printable text",
                       code=ord(control.group(0))),
                   say("delete it (it came with a copy and paste): the blog's feed cannot hold it"))
    slow = slow_markup(parsed.body)
    if slow is not None:  # before Pelican converts it: minutes, for CI and for `make build`
        errors.add(_body_source(parsed, slow.offset), slow.message, slow.hint)
    slow = slow_markup(spec.summary) if spec.summary is not None else None
    if slow is not None:
        errors.add(loc.value("summary"), slow.message, slow.hint)
    image = spec.image if spec.image and spec.image.strip() else None  # Decap CMS's `image: ""`: none chosen
    if image is not None:
        _check_image(image, loc.value("image"), errors)
    _check_names(spec, loc, errors, data.get("tags"), key_value=parsed.style == "pelican")
    campaign = _reference(spec.campaign, calendar.campaigns, "campaign", loc.value("campaign"), errors)
    shared_name = None
    if spec.owner is not None:
        owner = _reference(spec.owner, calendar.team, "person", loc.value("owner"), errors)
    else:
        owner, shared_name = _author_in_team([spec.author] if spec.author else spec.authors or [], calendar,
                                             loc.value("author" if spec.author else "authors"))
    social = _social(spec.social, loc, calendar, errors)
    silenced = parse_silence(spec.silence, loc.value("silence"), errors, calendar.check_ids)
    if len(errors.errors) > before or status_refused:
        return None, extras
    summary = spec.summary
    if summary is None:  # the first paragraph: findings on the summary point at it
        summary, line = first_paragraph_at(parsed.body)
        fields.setdefault("summary", Source(parsed.path, parsed.body_line + line, 1))
    meta = ArticleMeta(
        title=spec.title, date=date, modified=modified, status=spec.status,
        summary_source=summary,
        image=image, image_alt=spec.image_alt, campaign=campaign, owner=owner,
        social=social, draft_due=spec.draft_due, review_due=spec.review_due,
        source=title_source, field_sources=fields, silenced=silenced,
        date_only=date is not None and _DATE_ONLY.fullmatch(spec.date or "") is not None,
        owner_from_author=spec.owner is None and owner is not None, shared_name=shared_name,
    )
    return meta, extras


def _title_in(body: str) -> str:
    """The title a headerless text gives itself (its first line, a heading: ``# Portes ouvertes 2027``), for
    a hint; else a placeholder."""
    first = next((line.strip() for line in body.split("\n", 20)[:20] if line.strip()), "")
    if first.startswith("#") and first.lstrip("#").strip():
        title = first.lstrip("#").strip()
        return json.dumps(title, ensure_ascii=False) if ":" in title or title[0] in "\"'[{&*!|>%@`" else title
    return "…"


def _body_source(parsed: ArticleSource, offset: int) -> Source:
    """Where the character at ``offset`` of an article's body is in its file."""
    preceding = parsed.body[:offset]
    return Source(parsed.path, parsed.body_line + preceding.count("\n"), offset - (preceding.rfind("\n") + 1) + 1)


def _slug_hint(found: str) -> str:
    """The slug meant, made of what was written (``escalier-🌀-helicoidal``: 'escalier-helicoidal')."""
    from urllib.parse import unquote

    from edcal.ids import slugify

    decoded = unquote(found, errors="replace") if "%" in found else found
    encoded = _PERCENT_ENCODED.search(found)
    if decoded != found and encoded is not None and _SLUG_RE.match(decoded):
        # WordPress's slug as it stores it (`bienvenue-a-l%c3%a9a`), which pelican-import copies: the address
        # browsers ask for is the decoded one, which slugify's `bienvenue-a-l-c3-a9a` would have changed.
        return say("write {key}: {value}, its letters decoded ({encoded} is {letter}): the address a browser "
                   "asks for", key="slug", value=decoded[:80], encoded=encoded.group(),
                   letter=unquote(encoded.group()))
    meant = slugify(found, max_length=80)
    return say("write {key}: {value}", key="slug", value=meant) if meant and _SLUG_RE.match(meant) \
        else say("e.g. slug: salon-industrie-2027")


#: A ``date:`` giving a day without a time.
_DATE_ONLY = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")


def article_datetime(text: str | None, where: Source, calendar: Calendar,
                     errors: ErrorCollector) -> dt.datetime | None:
    """An article's ``date:`` in the site's zone; None after adding an error (a time the clocks skip)."""
    if text is None:
        return None
    try:
        when = timeparse.parse_when(text)
        if when.time is None and when.utc_offset is None:  # a day: its first instant (01:00 after a gap)
            return start_of_day(when.date, calendar.zone)
        naive = dt.datetime.combine(when.date, when.time or dt.time())
        if when.utc_offset is not None:
            return at_offset(naive, when.utc_offset, calendar.zone)
        return localize(naive, calendar.zone)
    except WallClockError as exc:
        errors.add(where, message_of(exc), exc.hint)
    except ValueError as exc:
        errors.add(where, message_of(exc), _slot_hint(text, calendar) or value_hint(text, str(exc)))
    return None


def _slot_hint(text: str, calendar: Calendar) -> Message | None:
    """``2027-02-02 midi``: a slot of calendar.yaml, which an article's date does not take; its time does."""
    day, _, rest = text.strip().partition(" ")
    slot = calendar.slots.get(rest.strip().lower())
    if slot is None:
        return None
    return say("slots are the networks' times, not the blog's: write the time of '{slot}', {day} {time}",
               slot=rest.strip(), day=day, time=slot.strftime("%H:%M"))


#: Characters XML 1.0 refuses (the blog's Atom feed would fail on the day the article goes online).
_BODY_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Words a sentence has and a tag does not, left out of the example of tags a hint gives.
_SMALL_WORDS = frozenset("et ou pour de des du la le les un une au aux en sur avec sans par and or for the of a an "
                         "with on in to".split())
#: Quotes a word processor puts around a value, which YAML and Pelican keep as text.
_OPENING_QUOTES, _CLOSING_QUOTES = "“‘„", "”’“"


#: Characters pasted from the web that show as nothing: in a category, a tag or an author, another page of the
#: blog under a name that looks the same (``Con\u200bseils`` beside ``Conseils``, at ``categorie/con-seils/``).
_NOTHING_LOOKING = frozenset("\u200b\u2060\ufeff\u00ad")


def _check_names(spec: ArticleSpec, loc: Loc, errors: ErrorCollector, raw_tags: Any = None,
                 key_value: bool = False) -> None:
    """Tags, keywords, authors, category and title as a web editor's writer slips them.

    ``tags: “soudure, TIG”`` made the tags ``“soudure`` and ``TIG”``; ``tags: soudure TIG et MIG
    pour l'inox`` one tag, and the hashtag ``#SoudureTIGEtMIGPourLInox``; ``tags: #soudure #inox``
    one tag ``#soudure #inox``. Nothing said so.
    """
    # Straight quotes are YAML's; a `Key: value` header keeps them in the text, and refuses them in a title.
    quotes = (say("typographic quotes “…” are part of the text: write the value without them") if key_value
              else say('typographic quotes “…” are part of the text: write the value without them (or with straight '
                       'quotes "…")'))
    for name in ("category", "tags", "authors"):  # each names a page of the blog, by its letters and digits
        value = getattr(spec, name)
        for one in ([value] if isinstance(value, str) else value or ()):
            if str(one).strip() and not any(char.isalnum() for char in str(one)):
                errors.add(loc.value(name), say("found {name} '{value}', with no letter or digit: its page would "
                                                "have no address (two such would share one)", name=name,
                                                value=str(one)[:80]),
                           say("write it with words"))
            elif hidden := next((c for c in str(one) if c in _NOTHING_LOOKING), None):
                errors.add(loc.value(name), say("found {name} '{value}', with {char} (U+{code:04X}) in it: the "
                                                "blog would list it apart from the same name without it, under "
                                                "the same-looking words", name=name, value=str(one)[:80],
                                                char=INVISIBLE[hidden], code=ord(hidden)),
                           invisible_hint(str(one)))
    for name in ("title", "category", "image_alt"):
        value = getattr(spec, name)
        if name != "image_alt" and value and "\n" in value.strip():
            # `title: |` (or a title given to `edcal new` with a line break): the page's title, the posts'
            # "Lire l'article : …" and the calendars' events would each break where the header does.
            lines = value.strip().splitlines()
            errors.add(loc.value(name), say("found {name} on {count} lines ('{first}' then '{second}'), expected "
                                            "one line", name=name, count=len(lines), first=lines[0][:40],
                                            second=lines[1][:40]),
                       say("write it on one line, or fold its lines into one: {name}: >-", name=name))
        elif value and value[0] in _OPENING_QUOTES and value[-1] in _CLOSING_QUOTES \
                and not any(c in "“”„" for c in value[1:-1]):  # not `“Zéro déchet” : l'atelier “propre”`
            errors.add(loc.value(name), say("found {name} {value}, between typographic quotes", name=name,
                                            value=value[:80]), quotes)
        elif (name != "image_alt" and key_value and len(value or "") >= 2 and value[0] == value[-1] and value[0] in "\"'"
              and value[0] not in value[1:-1]):  # not `"Zéro déchet" : l'atelier "propre"`
            # `Title: "Bonjour"` is YAML's habit; a `Key: value` header keeps the quotes, on the page too.
            inner = value[1:-1].strip()
            errors.add(loc.value(name), say("found {name} {value}, between quotes, which a `Key: value` header "
                                            "keeps as part of the text", name=name, value=value[:80]),
                       say("write {key}: {value}", key=name.capitalize(), value=inner) if inner
                       else say("write the title after the colon"))
    for name in ("tags", "keywords", "authors"):
        values = [str(v) for v in getattr(spec, name) or ()]
        if not values:
            continue
        written = ", ".join(values)
        words = [w for v in values for w in re.findall(r"[^\s#,“”‘’„]+", v)]
        if any(v.lstrip(_OPENING_QUOTES).startswith("#") for v in values) and name != "authors":
            errors.add(loc.value(name), say("found {name} '{value}', written as hashtags; expected words "
                                            "separated by commas", name=name, value=written[:80]),
                       say("write {name}: {words} (posts make their hashtags from the tags)", name=name,
                           words=f"[{', '.join(words[:8])}]" if name == "tags" and isinstance(raw_tags, list)
                           and not key_value else ", ".join(words[:8])))
        elif written[0] in _OPENING_QUOTES or written[-1] in _CLOSING_QUOTES:
            errors.add(loc.value(name), say("found {name} {value}, between typographic quotes", name=name,
                                            value=written[:80]), quotes)
        elif key_value and any(v[:1] in ("\"", "[") or v[-1:] == "]" or (len(v) > 1 and v[0] == v[-1] == "'")
                               for v in values):
            # Not a quote ending a name alone: `vis 1/4"` is an inch.
            # `Tags: "acier, inox` or `Tags: [acier, inox]`, YAML's way in a `Key: value` header: the tag
            # `"acier` (or `[acier`), its quote shown on the page, its address the same as `acier`'s.
            bare = ", ".join(part for v in values if (part := v.strip("\"'[] ")))
            errors.add(loc.value(name), say("found {name}: {value}, with quotes or brackets, which a `Key: value` "
                                            "header keeps as part of each name", name=name, value=written[:80]),
                       say("write {key}: {value}", key=name.capitalize(), value=bare[:80]))
        elif not key_value and any(v[:1] == '"' or (len(v) > 1 and v[0] == v[-1] == "'") for v in values):
            # `tags: ['"soudure"']` (`edcal new --tags '"soudure"'`): the name shows its quotes on its page.
            bare = ", ".join(part for v in values if (part := v.strip("\"' ")))
            errors.add(loc.value(name), say("found {name} {value}, with quotes in a name: they would show on its "
                                            "page", name=name, value=written[:80]),
                       say("write {name}: [{value}]", name=name, value=bare[:80]))
        elif name == "tags" and len(values) == 1 and len(values[0].split()) >= 6 and ";" not in values[0] \
                and isinstance(raw_tags, str):  # a YAML list of one long tag is meant, `a; b` is Pelican's
            meaningful = [w.split("'")[-1].split("’")[-1] for w in words if w.lower() not in _SMALL_WORDS]
            errors.add(loc.value(name), say("found one tag of {count} words, '{tag}'; expected tags separated "
                                            "by commas", count=len(values[0].split()), tag=values[0][:80]),
                       say("e.g. tags: {tags}", tags=", ".join(meaningful[:4])))


def _check_image(image: str, where: Source, errors: ErrorCollector) -> None:
    if WEB_ADDRESS.match(image) or scheme_missing(image, where, errors):
        return
    path = content_path(image)
    if ".." in path.split("/") or "\\" in path or ":" in path:
        errors.add(where, say("found image path '{image}', expected a path inside content/ or an https URL",
                              image=image[:80]),
                   say("e.g. image: images/salon-2027.jpg"))
    else:
        not_an_image(image, where, errors)


def not_an_image(image: str, where: Source, errors: ErrorCollector) -> None:
    """An image field naming a file that is no image (a draft's own .md: its address went into og:image)."""
    if PurePosixPath(content_path(image)).suffix.lower() not in IMAGE_SUFFIXES:
        errors.add(where, say("found image '{image}', expected an image file ({suffixes})", image=image[:80],
                              suffixes=", ".join(sorted(IMAGE_SUFFIXES))),
                   say("e.g. image: images/salon-2027.jpg"))


def _author_in_team(authors: list[str], calendar: Calendar,
                    where: Source) -> tuple[str | None, InputError | None]:
    """The person in charge of an article without ``owner:``: the first of its authors (``authors: Camille
    Roux``) whose name is a team member's, as written under ``team:`` (case, accents typed apart and spaces
    aside); None when no author is on the team (the blog's ``AUTHOR``, a guest writer). A name two people of
    the team share names neither: with the error that asks for ``owner:``, told once versions are paired
    (:attr:`ArticleMeta.shared_name`): a translation takes its original's owner, and is not asked."""
    if not authors:
        return None, None
    named: dict[str, list[str]] = {}
    for person in calendar.team.values():
        named.setdefault(_name_key(person.name), []).append(person.id)
    author = next((author for author in authors if _name_key(author) in named), None)
    if author is None:
        return None, None
    people = named[_name_key(author)]
    if len(people) > 1:
        return None, InputError(
            where, say("two people of the team are named '{name}' ({ids}): edcal cannot tell which of them "
                       "is in charge of the article", name=author, ids=", ".join(people)),
            say("write who is, by their id: owner: {id}", id=people[0]))
    return people[0], None


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _reference(value: str | None, known: dict[str, Any], what: str, where: Source,
               errors: ErrorCollector) -> str | None:
    if value is None:
        return None
    if value not in known:
        person = what == "person"
        errors.add(where, say("unknown person '{value}'", value=value) if person
                   else say("unknown campaign '{value}'", value=value),
                   reference_hint(value, known, "owner" if person else "campaign")
                   or (say("add it under `team:` in calendar.yaml (someone who left stays there with `left:`, "
                           "so that what they wrote keeps their name)") if person
                       else say("add it under `campaigns:` in calendar.yaml (a campaign that ended stays there, "
                                "for what named it; an old one can go to a calendar.d/ file)")))
        return None
    return value


def _social(raw: Any, loc: Loc, calendar: Calendar, errors: ErrorCollector) -> Social:
    """``social:`` — ``skip``, ``networks`` and per-network ``text``/``skip``/``image``/``alt``."""
    if raw is None:
        return Social()
    where = loc.value("social")
    if not isinstance(raw, dict):
        errors.add(where, say("found {found} in `social:`, expected a mapping such as "
                              "{{networks: [linkedin], linkedin: \"Texte\"}}", found=_describe(raw)))
        return Social()
    social_loc: Loc = raw.get(LOC_KEY) or Loc(where)
    skip = False
    networks: tuple[str, ...] | None = None
    per_network: dict[str, SocialOverride] = {}
    keys_at: dict[str, Source] = {}  # each network's key, where it is written
    registry = registry_with({n.id: n for n in calendar.networks.values() if not n.builtin})
    for key, value in raw.items():
        if key == LOC_KEY:
            continue
        key_where = social_loc.key(key)
        value_where = social_loc.value(key)
        if key == "skip":
            skip = _boolean(value, value_where, errors)
        elif key == "networks":
            if not isinstance(value, (list, str)) and value is not None:  # a mapping's repr named networks
                errors.add(value_where, say("found {found} in `networks:`, expected a list such as "
                                            "[linkedin, mastodon]", found=_describe(value)))
                continue
            names = value if isinstance(value, list) else str(value or "").split(",")
            found: dict[str, Source] = {}  # each network, where it is named first
            for index, name in enumerate(names):
                item_where = social_loc.item(key, index)
                network = _social_network(str(name).strip(), item_where, calendar, registry, errors)
                if network in found:  # `[linkedin, LinkedIn]`: read once, the second dropped
                    errors.add(item_where, *listed_network_twice(str(name).strip(), network, found[network],
                                                                 "networks"))
                elif network:
                    found[network] = item_where
            networks = tuple(found)
        else:
            network = _social_network(key, key_where, calendar, registry, errors,
                                      extra=("skip", "networks"))
            if network is None:
                continue
            if network in keys_at:  # `linkedin:` and `LinkedIn:`, `x:` and `twitter:`: one would be dropped
                errors.add(key_where, *given_twice(key, network, keys_at[network], "social"))
                continue
            keys_at[network] = key_where
            override = _social_override(value, value_where, calendar.team, errors)
            if override.first_comment is not None and calendar.networks[network].comment_limit is None:
                errors.add(social_loc.key(key), say("found `first_comment:` for {network}, which takes no first "
                                                    "comment", network=calendar.networks[network].name),
                           say("put what matters in its text; LinkedIn, Facebook and Instagram take one"))
            if override.thread and not calendar.networks[network].replies:
                errors.add(social_loc.key(key), say("found `thread:` for {network}, which takes no thread",
                                                    network=calendar.networks[network].name),
                           say("put what matters in its text; X, Mastodon, Bluesky and Threads take one"))
            per_network[network] = override
    return Social(skip, networks, per_network, where)


def _social_network(name: str, where: Source, calendar: Calendar, registry: Registry,
                    errors: ErrorCollector, extra: tuple[str, ...] = ()) -> str | None:
    canonical = registry.canonical(name)
    if canonical is None:
        errors.add(where, say("unknown network '{name}' in `social:`", name=name),
                   unknown_network_hint(name, calendar.networks, registry, extra))
        return None
    if canonical not in calendar.networks:
        errors.add(where, say("network '{network}' is not set up in calendar.yaml", network=canonical),
                   say("set up: {networks}", networks=", ".join(sorted(calendar.networks))) if calendar.networks
                   else say("set up: none"))
        return None
    return canonical


def _social_override(value: Any, where: Source, team: dict[str, Any],
                     errors: ErrorCollector) -> SocialOverride:
    if isinstance(value, str):
        return SocialOverride(text=_optional_text(value, where, errors), source=where)
    if value is None:
        return SocialOverride()
    if not isinstance(value, dict):
        errors.add(where, say("found {found}, expected a text or a mapping (text, skip, image, video, alt, "
                              "first_comment, thread, note, owner)", found=_describe(value)))
        return SocialOverride()
    vloc: Loc = value.get(LOC_KEY) or Loc(where)
    known = ("text", "skip", "image", "video", "alt", "first_comment", "thread", "note", "owner")
    for key in value:
        if key != LOC_KEY and key not in known:
            errors.add(vloc.key(key), say("unknown field '{key}' in a network's `social:` entry", key=key),
                       did_you_mean(key, known) or say("known fields: {fields}", fields=", ".join(known)))
    image = value.get("image")
    if image is not None and not isinstance(image, str):
        errors.add(vloc.value("image"), say("found {found} in `image:`, expected a path inside content/ "
                                            "or an https URL", found=_describe(image)),
                   say("e.g. image: images/salon.png"))
        image = None
    elif image is not None:
        _check_image(image, vloc.value("image"), errors)
    thread, thread_sources = _thread(value.get("thread"), vloc, errors) if "thread" in value else (None, ())
    alt = _optional_text(value.get("alt"), vloc.value("alt"), errors)
    video = None
    if value.get("video") is not None:
        if image is not None:  # as calendar.yaml's posts: a post shows one or the other
            errors.add(vloc.key("video"), say("found both `video:` and `{field}:`, expected one", field="image"),
                       say("a post shows either a video or images: keep `video:`, or give the images a post "
                           "of their own"))
        else:
            video = _social_video(value["video"], vloc, alt, errors)
    elif alt is not None and image is None and "image" not in value:  # it described nothing, without a word
        errors.add(vloc.key("alt"), say("found `alt:` and no image: it describes nothing"),
                   say("write the image it describes beside it (`image:`), or remove `alt:`"))
    return SocialOverride(
        text=_optional_text(value.get("text"), vloc.value("text"), errors),
        skip=_boolean(value.get("skip", "false"), vloc.value("skip"), errors),
        image=None if image is None or video is not None else str(image),
        alt=alt if video is None else None,  # beside a video written as a path alone, it describes it
        video=video, note=_optional_text(value.get("note"), vloc.value("note"), errors),
        owner=_social_owner(value, vloc, team, errors),
        source=vloc.value("text") if "text" in value else where,
        first_comment=_optional_text(value.get("first_comment"), vloc.value("first_comment"), errors),
        comment_source=vloc.value("first_comment") if "first_comment" in value else None,
        thread=thread, thread_sources=thread_sources,
    )


def _social_owner(value: dict[str, Any], vloc: Loc, team: dict[str, Any], errors: ErrorCollector) -> str | None:
    """``owner:`` in a network's ``social:`` entry: an id under ``team:``; written empty, an error (as under a
    post's ``variants:``): it would read as left out, the article's owner, where "nobody" may be meant."""
    written = value.get("owner")
    if "owner" in value and (written is None or (isinstance(written, str) and not written.strip())):
        errors.add(vloc.value("owner") if written is not None else vloc.key("owner"),
                   say("`owner:` is empty in a network's `social:` entry, expected the id of a person under `team:`"),
                   say("an empty owner is no one: write who is in charge of the article's posts on that network (an "
                       "id under `team:`), or leave `owner:` out for the article's owner"))
        return None
    return _reference(_optional_text(written, vloc.value("owner"), errors), team, "person", vloc.value("owner"),
                      errors)


def _social_video(value: Any, vloc: Loc, alt: str | None, errors: ErrorCollector) -> Media | None:
    """``video:`` in a network's ``social:`` entry, as calendar.yaml reads a post's: a path alone (an
    ``alt:`` beside it describes it) or ``{file, cover, alt, subtitles}``, each part where it is written."""
    from edcal.load.schema import VideoSpec
    from edcal.load.sections.posts import check_image, check_subtitles, check_video

    where = vloc.value("video")
    own: Loc | None = None
    if isinstance(value, str):
        file = _optional_text(value, where, errors)  # a control character, as in a text
        if not file or not file.strip():
            if file is not None:
                errors.add(where, say("found an empty `video:`, expected a video file"),
                           say("e.g. video: videos/workshop-tour.mp4"))
            return None
        spec: VideoSpec | None = VideoSpec.model_validate({"file": file})
    elif isinstance(value, dict):
        spec = validate_spec(VideoSpec, value, errors)  # its unknown fields and kinds, at their places
        own = value.get(LOC_KEY)
    else:
        errors.add(where, say("found {found} in `video:`, expected a path inside content/ or an https URL",
                              found=_describe(value)),
                   say("e.g. video: videos/workshop-tour.mp4"))
        return None
    if spec is None:
        return None
    if spec.alt is not None and alt is not None:
        errors.add(vloc.key("alt"), say("found `alt:` beside a video that has its own, expected one"),
                   say("keep the video's `alt:`"))
    file_at = own.value("file") if own is not None else where
    cover_at = own.value("cover") if own is not None and spec.cover is not None else file_at
    subtitles_at = own.value("subtitles") if own is not None and spec.subtitles is not None else file_at
    before = len(errors.errors)
    check_video(spec.file, file_at, errors)
    check_image(spec.cover, cover_at, errors)
    check_subtitles(spec.subtitles, subtitles_at, errors)
    if len(errors.errors) > before:
        return None
    return Media(spec.file, spec.alt if spec.alt is not None else alt, file_at, kind="video", cover=spec.cover,
                 subtitles=spec.subtitles, cover_source=cover_at, subtitles_source=subtitles_at)


def _thread(value: Any, vloc: Loc, errors: ErrorCollector) -> tuple[tuple[str, ...], tuple[Source, ...]]:
    """``thread:`` in a network's ``social:`` entry: its replies in order (one may be written alone), and
    where each is written."""
    if isinstance(value, str):
        value = [value]
        places = [vloc.value("thread")]
    elif isinstance(value, list):
        places = [vloc.item("thread", index) for index in range(len(value))]
    else:
        errors.add(vloc.value("thread"), say("found {found}, expected a list of replies, e.g. [\"2/3 …\", "
                                             "\"3/3 …\"]", found=_describe(value)))
        return (), ()
    replies: list[tuple[str, Source]] = []
    for reply, where in zip(value, places, strict=True):
        if not isinstance(reply, str):
            errors.add(where, say("found {found}, expected text", found=_describe(reply)))
        elif not reply.strip():
            errors.add(where, say("found an empty reply in `thread:`, expected its words"),
                       say("write the reply's words, or remove the empty item"))
        elif (control := control_refused(reply)) is not None:
            errors.add(where, control)
        else:
            replies.append((line_ends(reply), where))
    return tuple(text for text, _ in replies), tuple(where for _, where in replies)


def _optional_text(value: Any, where: Source, errors: ErrorCollector) -> str | None:
    """A text of a network's ``social:`` entry, as calendar.yaml reads its posts' texts: no control
    character (a NUL, an escape: drafts, feeds and pages take them as they are), line ends as ``\\n``."""
    if value is None:
        return None
    if isinstance(value, str):
        control = control_refused(value)
        if control is not None:
            errors.add(where, control)
            return None
        return line_ends(value)
    errors.add(where, say("found {found}, expected text", found=_describe(value)))
    return None


def _boolean(value: Any, where: Source, errors: ErrorCollector) -> bool:
    text = str(value).strip().lower() if isinstance(value, str) else value
    if text in ("true", "yes", "on", "1", True):
        return True
    if text in ("false", "no", "off", "0", False, None):
        return False
    from edcal.load.validate import bool_hint

    errors.add(where, say("found {found}, expected true or false", found=_describe(value)), bool_hint(value))
    return False


def _describe(value: Any) -> str:
    return describe(value)


def first_paragraph_at(body: str) -> tuple[str, int]:
    """The first paragraph of a Markdown body as plain text (no rendering), and its line in the
    body (0-based; 0 when there is none)."""
    paragraph: list[str] = []
    start = 0
    for number, line in enumerate(body.splitlines()):
        stripped = line.strip()
        if not stripped:
            if paragraph:
                break
            continue
        if stripped.startswith(("#", "!", "<", "```", "|", "---")) and not paragraph:
            continue  # headings, images, HTML blocks, code and tables are not a summary
        if not paragraph:
            start = number
        paragraph.append(stripped)
    return plain_text(" ".join(paragraph)), start


def plain_text(markdown: str) -> str:
    """Inline Markdown to plain text: link texts kept, marks, tags and notes for the team dropped."""
    text = _MARKDOWN_LINK.sub(lambda m: m.group(1), _without_notes(markdown))
    text = _HTML_TAG.sub("", text)
    text = _HEADING.sub("", text)
    text = _MARKDOWN_MARKS.sub("", text)
    if not any(space in text for space in _NO_BREAK_SPACES):  # most texts: each run of white space is one space
        return " ".join(text.split())
    return _SPACE_RUN.sub(_one_space, text).strip()


def _one_space(run: re.Match[str]) -> str:
    """A run of white space as one: kept when only no-break spaces make it, a space when a line may break in it
    (``fin.\u00a0 Début``, as Word writes two spaces)."""
    return run.group() if _NO_BREAK_RUN.fullmatch(run.group()) else " "


def _without_notes(markdown: str) -> str:
    """The text without its HTML comments, notes for the team that the blog leaves out too (a `>` in one left
    the rest of it in the posts' summaries). One never closed stays, as the blog shows it. Found by
    ``str.find``: an expression tried from each of thousands of unclosed ones reads the text again each time."""
    if "<!--" not in markdown:
        return markdown
    kept, start = [], 0
    while (opening := markdown.find("<!--", start)) >= 0 and (closing := markdown.find("-->", opening + 4)) >= 0:
        kept.append(markdown[start:opening])
        start = closing + 3
    kept.append(markdown[start:])
    return "".join(kept)


def build_article(meta: ArticleMeta, *, slug: str, url: str, lang: str, is_original: bool,
                  tags: tuple[str, ...], category: str | None, authors: tuple[str, ...]) -> Article:
    """The model article, from edcal's metadata and what Pelican computed."""
    return Article(
        slug=slug, title=meta.title, date=meta.date, status=meta.status,  # type: ignore[arg-type]
        url=url, lang=lang, source=meta.source, is_original=is_original,
        summary=plain_text(meta.summary_source), tags=tags, category=category, authors=authors,
        image=meta.image, image_alt=meta.image_alt, campaign=meta.campaign, owner=meta.owner,
        owner_from_author=meta.owner_from_author,
        social=meta.social, draft_due=meta.draft_due, review_due=meta.review_due,
        field_sources=meta.field_sources, silenced=meta.silenced, linked_files=meta.linked_files,
        page_links=meta.page_links, addresses=meta.addresses, unlabelled_images=meta.unlabelled_images,
        misread_markup=meta.misread_markup, date_only=meta.date_only,
        no_text=meta.no_text,
    )
