"""``edcal new``: a new article with a valid header (YAML or ``Key: value``, as the blog writes them), named
after its slug."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from edcal import clock
from edcal.checks import all_rules
from edcal.errors import ErrorCollector, InputError, InputErrors
from edcal.files import make_folders, os_reason, remove_folders, write_new
from edcal.i18n import say
from edcal.ids import slugify
from edcal.load.articles import MARKDOWN_EXTENSIONS, article_datetime, validate_article
from edcal.load.calendar import load_calendar
from edcal.load.frontmatter import META_RE, split_article
from edcal.load.yamlfile import LOC_KEY, yaml_value
from edcal.model.source import Source
from edcal.site import pelican_settings
from edcal.skeleton import NEW_ARTICLE_BODY


def new_article(site: Path, settings_file: str, title: str, date: str | None = None,
                authors: tuple[str, ...] = (), category: str | None = None,
                tags: tuple[str, ...] = (), slug: str | None = None,
                warn: Callable[[str], None] | None = None) -> Path:
    """Write ``content/<first article path>/<slug>.md`` and return its path.

    Without ``date`` the article is a draft (nothing to schedule yet).

    :raises InputErrors: on an empty title, an invalid date, or an existing file.
    """
    if not title.strip():
        raise InputErrors([InputError(Source("TITLE", 1, 1), say("the title is empty"),
                                      say('e.g. edcal new "My article"'))])
    if "\n" in title.strip() or "\r" in title.strip():  # pasted with its line break: the header would keep it
        lines = title.strip().splitlines()
        found = say("found title on {count} lines ('{first}' then '{second}'), expected one line",
                    count=len(lines), first=lines[0][:40], second=lines[1][:40])
        hint = say("give the title on one line: edcal new \"{title}\"",
                   title=" ".join(line.strip() for line in lines))
        raise InputErrors([InputError(Source("TITLE", 1, 1), found, hint)])
    past, when = False, None
    if date is not None:  # read as the build will read the article's date, in the site's zone
        errors = ErrorCollector()
        calendar = load_calendar(site, all_rules())
        when = article_datetime(date, Source("--date", 1, 1), calendar, errors)
        errors.raise_if_any()
        now = clock.now(calendar.zone)
        # A day alone is the day, not its midnight: `--date 2027-02-15` on that day is no past date.
        past = when is not None and (when.date() < now.date() if len(date.strip()) <= 10 else when < now)
    settings = pelican_settings(site, settings_file)  # and the team's language, for what follows
    if past and warn is not None:
        # Backdated without a word: the next build puts it online at once, under that old date.
        warn(say("--date {date} is past: the next build publishes the article at once, dated {date}, listed "
                 "below the articles published since; without --date it is a draft", date=str(date).strip()))
    words = title
    if str(settings.get("DEFAULT_LANG") or "").startswith("en"):  # "we're" -> "were", not "we-re"
        words = re.sub(r"(?<=\w)['’](?=\w)", "", title)
    words = words.replace("°", "")  # the transliteration spells it out: "n°3" gave ndeg3, "20°C" 20degc
    if slug is not None and not re.fullmatch(r"[\w-]{1,150}", slug):  # `../../tmp/x` wrote outside the site
        example = slugify(slug)[:60] or "mon-article"
        raise InputErrors([InputError(Source("--slug", 1, 1), say("found slug '{slug}', expected letters, "
                                                                  "digits and dashes", slug=slug[:80]),
                                      say("e.g. --slug {example}", example=example))])
    name = slug or slugify(words)
    if not name:
        raise InputErrors([InputError(Source("TITLE", 1, 1), say("no slug can be made from '{title}'",
                                                                 title=title),
                                      say("pass --slug"))])
    folder = Path(settings["PATH"]) / (settings.get("ARTICLE_PATHS") or [""])[0]
    path = folder / f"{name}.md"
    if path.exists():
        raise InputErrors([InputError(Source(path.relative_to(site.resolve()).as_posix(), 1, 1),
                                      say("an article with this slug exists already"),
                                      say("choose another title, or pass --slug"))])
    taken = _slug_taken(site, settings, name, path)
    if taken is not None:
        other, line = taken
        hint = say("{path} has the slug '{slug}': choose another title, or pass --slug",
                   path=f"{_shown(site, other)}:{line}" if line else _shown(site, other), slug=name)
        raise InputErrors([InputError(Source(_shown(site, path), 0, 0),
                                      say("an article with this slug exists already"), hint)])
    fields: dict[str, object] = {"title": title.strip()}
    if date is not None:
        fields["date"] = _written_date(date, when)
    else:
        fields["status"] = "draft"
    names = [name.strip() for name in authors if name.strip()]
    for name in names:  # Pelican splits `Authors:` at its commas (at its semicolons, when it has one)
        if "," in name or ";" in name:
            parts = [part.strip() for part in re.split(r"[;,]", name) if part.strip()]
            one = " ".join(reversed(parts)) if len(parts) == 2 else " ".join(parts)  # Smith, John: John Smith
            raise InputErrors([InputError(
                Source("--author", 1, 1),
                say("found '{name}', a name with a comma: Pelican reads a comma between two authors "
                    "({parts})", name=name[:80], parts=", ".join(f"'{part}'" for part in parts[:4])),
                say("one author: --author \"{one}\"; several: {several}", one=one[:80],
                    several=" ".join(f'--author "{part}"' if " " in part else f"--author {part}"
                                     for part in parts[:4])))])
    if len(names) == 1:
        fields["authors"] = names[0]
    elif names:
        fields["authors"] = names
    if category:
        fields["category"] = category
    tag_names = [t.strip() for tag in tags for t in tag.split(",") if t.strip()]
    if tag_names:  # `--tags ""` (an empty variable in a script) gives no tag, as no --tags does
        fields["tags"] = tag_names
        if any(tag.startswith("#") for tag in tag_names):  # the build's hint gave the header's `tags: a, b`
            hashtag_words = [word for tag in tag_names for word in re.findall(r"[^\s#,]+", tag)]
            found = say("found {name} '{value}', written as hashtags; expected words separated by commas",
                        name="tags", value=", ".join(tag_names)[:80])
            hint = say("write --tags {words} (posts make their hashtags from the tags)",
                       words=",".join(hashtag_words[:8]))
            raise InputErrors([InputError(Source("--tags", 1, 1), found, hint)])
        tag_words = tag_names[0].split()
        if len(tag_names) == 1 and len(tag_words) >= 6:  # a sentence, commas forgotten
            raise InputErrors([InputError(Source("--tags", 1, 1),
                                          say("found one tag of {count} words; expected tags separated by "
                                              "commas", count=len(tag_words)),
                                          say("e.g. --tags {tags}", tags=",".join(tag_words[:3])))])
    if settings.get("SLUGIFY_SOURCE") != "basename":  # Pelican would slug the title its own way
        fields["slug"] = name
    body = NEW_ARTICLE_BODY["en" if str(settings.get("DEFAULT_LANG", "fr")).startswith("en") else "fr"] + "\n"
    style, capitalised = _blog_header_style(settings)  # one style in the blog, not two
    keys = {name: name.capitalize() if capitalised else name for name in fields}
    if style == "pelican":
        front = "".join(f"{keys[name]}: {', '.join(value) if isinstance(value, list) else value}\n"
                        for name, value in fields.items())
        text = f"{front}\n{body}"
    else:
        front = "".join(f"{keys[name]}: {yaml_value(value)}\n" for name, value in fields.items())
        text = f"---\n{front}---\n{body}"
    _refuse_what_the_build_would(text, list(fields), site, path, first_line=1 if style == "pelican" else 2)
    _write(site, folder, path, text)
    return path


def _slug_taken(site: Path, settings: dict[str, Any], slug: str, path: Path) -> tuple[Path, int] | None:
    """An article of the site's language already given ``slug``: named so in another folder (last year's
    articles moved into ``content/articles/2026/``), by its ``slug:`` (a file renamed, its address kept), or,
    where Pelican makes slugs of titles, by its title. The build would refuse the new one. Its path and the
    line that gives it the slug (0: its name), or None. A translation (another ``lang:``) or an article whose
    ``slug:`` says another name is none."""
    from pelican.utils import slugify as pelican_slugify

    def made_of(value: str) -> str:  # as Pelican makes an article's slug (pelican/contents.py)
        return pelican_slugify(value, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS") or (),
                               preserve_case=bool(settings.get("SLUGIFY_PRESERVE_CASE")),
                               use_unicode=bool(settings.get("SLUGIFY_USE_UNICODE")))

    content = Path(settings["PATH"])
    pages = [content / folder for folder in settings.get("PAGE_PATHS") or ()]
    default = str(settings.get("DEFAULT_LANG") or "").lower()
    by_title = settings.get("SLUGIFY_SOURCE") == "title"
    found = {other for folder in settings.get("ARTICLE_PATHS") or [""]
             for other in (content / folder).rglob("*") if other.name.lower().endswith(MARKDOWN_EXTENSIONS)}
    for other in sorted(found):
        if other == path or not other.is_file() or any(other.is_relative_to(folder) for folder in pages):
            continue
        named = not by_title and made_of(other.stem) == slug
        try:
            text = other.read_text(encoding="utf-8-sig")
            if slug not in text and not named and not by_title:
                continue  # (a site of thousands of articles: only those that may say the slug are read)
            header = split_article(text, other.name).metadata
        except (OSError, UnicodeDecodeError, InputErrors):
            continue  # the build says what is wrong with it
        if str(header.get("lang") or default).lower() != default:
            continue
        if "slug" in header:
            if str(header["slug"]) == slug:
                return other, header[LOC_KEY].value("slug").line
        elif by_title and made_of(str(header.get("title") or "")) == slug:
            return other, header[LOC_KEY].value("title").line
        elif named:
            return other, 0
    return None


def _write(site: Path, folder: Path, path: Path, text: str) -> None:
    """Write the article whole, or not at all: no empty file (whose slug the next try finds taken), nor
    the folders made for it, after a full disk or a read-only folder.

    :raises InputErrors: at the folder that cannot be made, or at the file that cannot be written.
    """
    made = _make_folder(site, folder)
    try:
        write_new(path, text.encode("utf-8"))
    except OSError as exc:
        remove_folders(made)
        exists = isinstance(exc, FileExistsError)  # written meanwhile, by someone else
        raise InputErrors([InputError(
            Source(_shown(site, path), 0, 0),
            say("an article with this slug exists already") if exists
            else say("cannot write the article: {reason}", reason=os_reason(exc)),
            say("choose another title, or pass --slug") if exists
            else say("check the folder's permissions and free space"))]) from None


def _make_folder(site: Path, folder: Path) -> list[Path]:
    """Make the articles' folder and those above it that are missing; the folders made, the highest first.

    :raises InputErrors: at a file, or a link to nothing, where a folder goes; or when one cannot be made.
    """
    try:
        return make_folders(folder)
    except OSError as exc:
        wanted = Path(exc.filename)
        if wanted.is_symlink() and not wanted.exists():
            found = say("found a link to {target}, which does not exist; expected a folder",
                        target=os.readlink(wanted))
            hint = say("create the folder it points to, or remove the link")
        elif wanted.exists() and not wanted.is_dir():
            found, hint = (say("found a file; expected a folder"),
                           say("move the file away, or set ARTICLE_PATHS to another folder"))
        else:
            found = say("cannot create the folder: {reason}", reason=os_reason(exc))
            hint = say("check the folder's permissions and free space")
        raise InputErrors([InputError(Source(_shown(site, wanted), 0, 0), found, hint)]) from None


def _shown(site: Path, path: Path) -> str:
    """A path as the user sees it: relative to the site when it is in it."""
    root = site.resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


#: The option each field of the new header comes from.
_OPTIONS = {"title": "TITLE", "date": "--date", "authors": "--author", "category": "--category",
            "tags": "--tags", "slug": "--slug"}


def _refuse_what_the_build_would(text: str, fields: list[str], site: Path, path: Path,
                                 first_line: int) -> None:
    """Read the new file as the build will: a value it would refuse (``--tags "#salon"``, a title between
    typographic quotes) is an error on its option, and nothing is written."""
    rel = path.relative_to(site.resolve()).as_posix() if path.is_relative_to(site.resolve()) else path.name
    errors = ErrorCollector()
    meta, _extras = validate_article(split_article(text, rel), load_calendar(site, all_rules()), frozenset(),
                                     errors)
    if meta is not None and meta.shared_name is not None:  # a new article is an original: the build asks
        errors.extend([meta.shared_name])
    found = []
    for error in errors.errors:
        index = error.source.line - first_line  # the line of the header's first field
        option = _OPTIONS.get(fields[index], "TITLE") if 0 <= index < len(fields) else "TITLE"
        found.append(InputError(Source(option, 1, 1), error.message, error.hint))
    if found:
        raise InputErrors(found)


def _written_date(date: str, when: dt.datetime | None) -> str:
    """``--date`` as the header writes it: ``2026-12-15 09:00`` for ``2026-12-15 9h`` (which
    the build reads alike, and a reader of the file might not); a day alone, or a time with its own offset,
    as typed."""
    typed = date.strip()
    if when is None or len(typed) <= 10 or re.search(r"(?:Z|[+-]\d\d:?\d\d)$", typed):
        return typed
    return when.strftime("%Y-%m-%d %H:%M:%S" if when.second else "%Y-%m-%d %H:%M")


#: The most articles :func:`_blog_header_style` reads: enough to tell a blog's style, quick in a large one.
_STYLE_SAMPLE = 200


def _blog_header_style(settings: dict[str, Any]) -> tuple[str, bool]:
    """The header style most of the blog's articles use, ``"pelican"`` (``Key: value`` lines) or ``"yaml"``
    (front matter; also when none or as many use ``Key: value`` lines), and whether most of their keys are
    capitalised (``Title:``), as Pelican's own examples write them."""
    content = Path(settings["PATH"])
    pages = [content / folder for folder in settings.get("PAGE_PATHS") or ()]
    found = sorted({path for folder in settings.get("ARTICLE_PATHS") or [""]
                    for path in (content / folder).rglob("*")
                    if path.name.lower().endswith(MARKDOWN_EXTENSIONS)
                    and not any(path.is_relative_to(page) for page in pages)})
    keys: dict[str, list[str]] = {"pelican": [], "yaml": []}
    for path in found[-_STYLE_SAMPLE:]:
        try:
            text = path.read_text(encoding="utf-8-sig")
            style = split_article(text, path.name).style
        except (OSError, UnicodeDecodeError, InputErrors):
            continue  # the build says what is wrong with it
        header = text.split("\n\n", 1)[0] if style == "pelican" else text.split("\n---", 2)[0]
        keys[style].append("".join(match.group("key")[0] for line in header.splitlines()
                                   if (match := META_RE.match(line)) is not None))
    style = "pelican" if len(keys["pelican"]) > len(keys["yaml"]) else "yaml"
    initials = "".join(keys[style])
    return style, sum(c.isupper() for c in initials) > sum(c.islower() for c in initials)
