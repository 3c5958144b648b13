"""``edcal new``: a new article with valid front matter, named after its slug."""

from __future__ import annotations

import re
from pathlib import Path

from edcal.checks import all_rules
from edcal.errors import ErrorCollector, InputError, InputErrors
from edcal.i18n import say
from edcal.ids import slugify
from edcal.load.articles import article_datetime, validate_article
from edcal.load.calendar import load_calendar
from edcal.load.frontmatter import split_article
from edcal.load.yamlfile import yaml_value
from edcal.model.source import Source
from edcal.site import pelican_settings
from edcal.skeleton import NEW_ARTICLE_BODY


def new_article(site: Path, settings_file: str, title: str, date: str | None = None,
                author: str | None = None, category: str | None = None,
                tags: tuple[str, ...] = (), slug: str | None = None) -> Path:
    """Write ``content/<first article path>/<slug>.md`` and return its path.

    Without ``date`` the article is a draft (nothing to schedule yet).

    :raises InputErrors: on an empty title, an invalid date, or an existing file.
    """
    if not title.strip():
        raise InputErrors([InputError(Source("TITLE", 1, 1), say("the title is empty"),
                                      say('e.g. edcal new "My article"'))])
    if date is not None:  # read as the build will read the article's date, in the site's zone
        errors = ErrorCollector()
        article_datetime(date, Source("--date", 1, 1), load_calendar(site, all_rules()), errors)
        errors.raise_if_any()
    settings = pelican_settings(site, settings_file)
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
    fields: dict[str, object] = {"title": title.strip()}
    if date is not None:
        fields["date"] = date.strip()
    else:
        fields["status"] = "draft"
    if author:
        fields["authors"] = author
    if category:
        fields["category"] = category
    tag_names = [t.strip() for tag in tags for t in tag.split(",") if t.strip()]
    if tag_names:  # `--tags ""` (an empty variable in a script) gives no tag, as no --tags does
        fields["tags"] = tag_names
        tag_words = tag_names[0].split()
        if len(tag_names) == 1 and len(tag_words) >= 6:  # a sentence, commas forgotten
            raise InputErrors([InputError(Source("--tags", 1, 1),
                                          say("found one tag of {count} words; expected tags separated by "
                                              "commas", count=len(tag_words)),
                                          say("e.g. --tags {tags}", tags=",".join(tag_words[:3])))])
    front = "".join(f"{name}: {yaml_value(value)}\n" for name, value in fields.items())
    body = NEW_ARTICLE_BODY["en" if str(settings.get("DEFAULT_LANG", "fr")).startswith("en") else "fr"] + "\n"
    text = f"---\n{front}---\n{body}"
    _refuse_what_the_build_would(text, list(fields), site, path)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


#: The option each field of the new header comes from.
_OPTIONS = {"title": "TITLE", "date": "--date", "authors": "--author", "category": "--category",
            "tags": "--tags"}


def _refuse_what_the_build_would(text: str, fields: list[str], site: Path, path: Path) -> None:
    """Read the new file as the build will: a value it would refuse (``--tags "#salon"``, a title between
    typographic quotes) is an error on its option, and nothing is written."""
    rel = path.relative_to(site.resolve()).as_posix() if path.is_relative_to(site.resolve()) else path.name
    errors = ErrorCollector()
    validate_article(split_article(text, rel), load_calendar(site, all_rules()), frozenset(), errors)
    found = []
    for error in errors.errors:
        index = error.source.line - 2  # the header's first field is on line 2
        option = _OPTIONS.get(fields[index], "TITLE") if 0 <= index < len(fields) else "TITLE"
        found.append(InputError(Source(option, 1, 1), error.message, error.hint))
    if found:
        raise InputErrors(found)
