"""Where the edcal theme lives, and the template folders a site can override.

The engine and its theme live in one repository (``plugins/edcal`` and
``themes/edcal``) and ship in one package (``edcal`` and ``edcal/theme``); a
site using another Pelican theme still gets edcal's draft and planning
templates from here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def _default_theme() -> Path:
    """``themes/edcal`` of this repository (a checkout, an editable install), else the copy that
    ships inside the installed package (``edcal/theme``: ``pip install``, pre-commit)."""
    checkout = Path(__file__).resolve().parents[2] / "themes" / "edcal"
    return checkout if (checkout / "templates").is_dir() else Path(__file__).resolve().parent / "theme"


DEFAULT_THEME = _default_theme()


def template_folders(settings: dict[str, Any], kind: str) -> list[Path]:
    """Folders holding ``kind`` templates (``drafts``, ``planning``), most specific first:
    each of the site's ``THEME_TEMPLATES_OVERRIDES``, the site's theme, edcal's theme."""
    folders: list[Path] = []
    overrides: Sequence[str] = settings.get("THEME_TEMPLATES_OVERRIDES") or ()
    folders += [Path(folder) / kind for folder in overrides]
    theme = settings.get("THEME")
    if theme:
        folders.append(Path(theme) / kind)
    folders.append(DEFAULT_THEME / kind)
    unique: list[Path] = []
    for folder in folders:
        if folder.resolve() not in [f.resolve() for f in unique]:
            unique.append(folder)
    return unique


#: Files only a copy of edcal's theme holds: the planning site's page and the drafts' reminder macro.
_COPY_MARKS = (Path("planning") / "index.html.j2", Path("drafts") / "_reminder.j2")


def copied_theme(settings: dict[str, Any]) -> Path | None:
    """The site's ``THEME`` when it is a copy of edcal's theme, as ``edcal init`` wrote one before
    December 2026 (``themes/edcal/``): a folder other than edcal's own that holds its planning and drafts
    templates. Its files come before edcal's (``template_folders``), so the fixes of each new edcal to the
    blog, the drafts and the planning pages never reach the site, and nothing said so.

    Not a theme beside its engine (``themes/edcal`` next to ``plugins/edcal``: a copy of edcal's own
    repository, as its sample site is), whose theme and engine are upgraded together.
    """
    theme = settings.get("THEME")
    if not theme:
        return None
    folder = Path(str(theme))
    if folder.resolve() == DEFAULT_THEME.resolve():
        return None
    if not all((folder / mark).is_file() for mark in _COPY_MARKS):
        return None
    if (folder.resolve().parent.parent / "plugins" / "edcal" / "themes.py").is_file():
        return None
    return folder


#: ``_("…")`` with a literal text in a template: the words a template asks to be translated.
_WORDS_ASKED = re.compile(r"""\b_n?\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")


def untranslated_words(settings: dict[str, Any], lang: str) -> tuple[list[str], Path | None]:
    """The words the blog's theme and the draft templates ask for that no catalogue translates into ``lang``
    (they show in English), and the site's most specific ``translations/<lang>.yaml``, if any.

    The theme's words are the keys of its ``translations/fr.yaml`` (edcal's theme lists them all there: its
    tests say so); the drafts', the texts of their ``_("…")`` and ``reminder()``'s. Only for a language
    edcal does not speak: English needs no words, and edcal's theme and drafts have their French.
    """
    from edcal.i18n import language, theme_catalog

    code = lang.replace("_", "-").split("-")[0].lower()
    if language(lang) == code:
        return [], None
    folders = template_folders(settings, "translations")
    asked: dict[str, None] = {}
    theme = Path(str(settings.get("THEME") or DEFAULT_THEME)) / "translations"
    asked.update(dict.fromkeys(theme_catalog((str(theme),), "fr")))  # the keys: every word the theme asks for
    for folder in template_folders(settings, "drafts"):
        for template in sorted(folder.glob("*.j2")) if folder.is_dir() else ():
            for found in _WORDS_ASKED.finditer(template.read_text(encoding="utf-8")):
                asked[found.group(1) or found.group(2)] = None
    reminders = ("Coming soon to the blog:", "In case you missed it:", "Last reminder:")  # reminder()'s
    asked.update((text, None) for text in reminders)
    known = set(theme_catalog(tuple(str(f) for f in folders), lang))
    own = next((f / f"{code}.yaml" for f in folders if (f / f"{code}.yaml").is_file()), None)
    return [text for text in asked if text not in known], own



#: The kinds of template folders a site may override, and the files edcal and Pelican read there.
_SITE_FOLDERS = ("translations", "drafts", "planning", "templates")
_TEXT_SUFFIXES = (".yaml", ".yml", ".j2", ".html", ".txt", ".xml", ".ics")
#: Folders of an override folder that hold no blog template: edcal's kinds, and the theme's layout
#: (``templates/``, ``static/``), which nothing reads there (the ``theme-override`` check says so).
_NOT_BLOG = (*_SITE_FOLDERS, "static")


def site_template_errors(settings: dict[str, Any], site: Path) -> list[Any]:
    """Located errors in the site's own templates and words (its ``THEME_TEMPLATES_OVERRIDES`` and its
    theme, not edcal's): a file that is not UTF-8, a template Jinja cannot parse (the blog's, the drafts' and
    the planning pages'), and a ``translations/<lang>.yaml`` that is not YAML, not ``English text:
    translation`` lines, or whose translation names a ``{field}`` its text does not give.

    Found before anything is written, by `edcal check` as by the build: they stopped a build half-way with a
    Python traceback, or after it had written output/, and only the build (the blog's templates and words
    are read as its pages are written, the planning pages' after the checks). Templates are parsed, not
    compiled nor rendered: a filter or a macro that does not exist is found as the page is rendered, by a
    build that then writes nothing.
    """
    from edcal.errors import InputErrors
    from edcal.load.yamlfile import load_yaml, read_text

    own, seen, errors = DEFAULT_THEME.resolve(), set(), []
    parsers = _Parsers(settings)
    overrides = [Path(folder) for folder in settings.get("THEME_TEMPLATES_OVERRIDES") or ()]
    # The blog's templates a site overrides sit at the top of its folders (Pelican's way), edcal's below.
    places = [(folder, kind) for kind in _SITE_FOLDERS for folder in template_folders(settings, kind)]
    places += [(folder, "top") for folder in overrides]
    for folder, kind in places:
        real = folder.resolve()
        if real.is_relative_to(own) or (real, kind == "top") in seen or not folder.is_dir():
            continue
        seen.add((real, kind == "top"))
        # templates/ of an override folder is read by nothing (the theme-override check): not parsed.
        parsed = None if kind == "templates" and folder.parent in overrides else kind
        for file in _files(folder, kind):
            if not file.is_file() or file.suffix.lower() not in _TEXT_SUFFIXES:
                continue
            path = shown_file(file, site)
            try:
                text = read_text(file, path)
                if kind == "translations" and file.suffix.lower() in (".yaml", ".yml"):
                    errors += _words_errors(load_yaml(text, path), path)
                elif parsed is not None:
                    errors += parsers.errors(parsed, file, text, path)
            except InputErrors as exc:
                errors += exc.errors
    return errors


def _files(folder: Path, kind: str) -> list[Path]:
    """The files of a template folder, sorted; for an override folder's top (``kind`` "top"), the blog's
    templates, at its top and in its own folders (``partials/``), not in those of edcal's kinds."""
    if kind != "top":
        return sorted(folder.rglob("*"))
    return sorted(file for file in folder.rglob("*")
                  if file.relative_to(folder).parts[0] not in _NOT_BLOG or file.parent == folder)


class _Parsers:
    """Jinja environments that parse a site's templates as edcal and Pelican will read them: Pelican's with
    the site's ``JINJA_ENVIRONMENT`` (its extensions add tags: ``{% do %}``), edcal's plain."""

    def __init__(self, settings: dict[str, Any]):
        self.settings = settings
        self._environments: dict[str, Any] = {}
        suffixes = settings.get("TEMPLATE_EXTENSIONS") or (".html",)
        self.blog_suffixes = {str(suffix).lower() for suffix in (*suffixes, ".html")}
        # Another Pelican plugin may add a Jinja extension as Pelican makes its environment (i18n_subsites's
        # `{% trans %}`): a tag no extension of the settings knows is then left to the build.
        names = [str(getattr(plugin, "__name__", plugin)) for plugin in settings.get("PLUGINS") or ()]
        self.other_plugins = any(name.split(".")[0] != "edcal" and name != "pelican.plugins.edcal"
                                 for name in names)

    def errors(self, kind: str, file: Path, text: str, path: str) -> list[Any]:
        """The located error of a template Jinja cannot parse; none for other files (``planning/assets/``)."""
        import jinja2

        blog = kind in ("top", "templates")
        if (file.suffix.lower() not in self.blog_suffixes) if blog else file.suffix.lower() != ".j2":
            return []
        environment = self._environment("blog" if blog else "edcal")
        if environment is None:
            return []
        try:
            environment.parse(text, file.name, str(file))
        except jinja2.TemplateSyntaxError as exc:
            if blog and self.other_plugins and _unknown_tag(exc):
                return []
            return [_parse_error(exc, path)]
        return []

    def _environment(self, kind: str) -> Any:
        import jinja2

        if kind not in self._environments:
            options = self.settings.get("JINJA_ENVIRONMENT") if kind == "blog" else None
            try:
                self._environments[kind] = jinja2.Environment(**options) \
                    if isinstance(options, dict) else jinja2.Environment()
            except Exception:  # settings Pelican stops on: site.py reports them, where they are set
                self._environments[kind] = None
        return self._environments[kind]


def _unknown_tag(exc: Any) -> bool:
    """Jinja's error is a tag it does not know (``{% trans %}``), not one closing another than it should."""
    message = str(exc.message or "")
    return message.startswith("Encountered unknown tag") and "nesting mistake" not in message \
        and not re.match(r"Encountered unknown tag 'end", message)


def _parse_error(exc: Any, path: str) -> Any:
    from edcal.errors import InputError
    from edcal.i18n import say
    from edcal.model.source import Source

    # Jinja says the line, not the column.
    return InputError(Source(path, exc.lineno or 1, 1), say("template error: {problem}", problem=exc.message),
                      say("fix the template, or remove the override to use edcal's own"))


def shown_file(file: Path, site: Path) -> str:
    """A file as a message names it: from the site's folder when inside it, else as it is."""
    try:
        return file.resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        return str(file)


def _words_errors(words: Any, path: str) -> list[Any]:
    """What is wrong with a catalogue of words: not a mapping, a translation that is not text, or one that
    names a ``{field}`` its English text does not give (the page would stop on it)."""
    from edcal.errors import InputError
    from edcal.i18n import format_fields, say
    from edcal.load.yamlfile import LOC_KEY
    from edcal.model.source import Source

    if not isinstance(words, dict):
        return [InputError(Source(path, 1, 1), say("found no words here; expected lines `English text: "
                                                   "translation`"),
                           say("write each word on a line of its own: \"Home\": \"Accueil\""))]
    errors, loc = [], words.get(LOC_KEY)
    for key, value in words.items():
        if key == LOC_KEY or value is None:
            continue
        where = loc.value(str(key)) if loc is not None else Source(path, 1, 1)
        if not isinstance(value, str) or not isinstance(key, str):
            errors.append(InputError(where, say("found {value!r}; expected the words of '{key}' as text",
                                                value=value, key=key),
                                     say("write the translation in quotes")))
            continue
        given, asked = format_fields(key), format_fields(value)
        if asked is not None and (given is None or asked <= given):
            continue
        missing = ", ".join(f"{{{name}}}" for name in sorted((asked or set()) - (given or set())))
        errors.append(InputError(
            where, say("found the translation '{value}' of '{key}', which names {fields}: expected only the "
                       "fields its text gives", value=value, key=key,
                       fields=missing or say("a brace not closed")),
            say("write each field as the English text does, and double a brace to show it")))
    return errors
