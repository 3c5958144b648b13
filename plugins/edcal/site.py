"""A site folder and its Pelican settings, as the commands see them."""

from __future__ import annotations

import ast
import contextlib
import io
import logging
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

from edcal.errors import InputError, InputErrors, closest, did_you_mean
from edcal.i18n import (
    LANG_VARIABLE,
    Message,
    format_fields,
    say,
    say_count,
    site_language_known,
    speak,
    unspoken_language,
)
from edcal.load.calendar_files import DEFAULT_SETTINGS
from edcal.model.source import Source

#: The site's root folder, a setting pelicanconf.py may set (the commands set it for Pelican).
SITE_SETTING = "EDCAL_SITE"
#: The settings file a command read (``-s``), which Pelican's settings do not say: the checks point there.
SETTINGS_FILE_SETTING = "EDCAL_SETTINGS_FILE"
PLUGIN = "edcal"


def pelican_settings(site: Path, settings_file: str = DEFAULT_SETTINGS,
                     overrides: dict[str, Any] | None = None, require_plugin: bool = True) -> dict[str, Any]:
    """Read a site's Pelican settings, with edcal's site root set.

    :param require_plugin: refuse settings whose PLUGINS lack edcal (False: a blog ``edcal init`` adopts).
    :raises InputErrors: when the file is missing, broken, or does not load edcal.
    """
    from pelican.settings import read_settings

    path = (site / settings_file).resolve()
    name = path.name
    if not site.is_dir():
        message = say("found '{site}', which is not a folder", site=site)
        hint = say("give the site's folder (it holds calendar.yaml and pelicanconf.py)")
        raise InputErrors([InputError(Source("--site", 1, 1), message, hint)])
    if not path.is_file() and not (site / "calendar.yaml").is_file() and settings_file == DEFAULT_SETTINGS:
        message = say("found no calendar.yaml here: this is not an edcal site")
        hint = say("run edcal in the site's folder (or one inside it), pass --site DIR, or create a site "
                   "with edcal init DIR")
        raise InputErrors([InputError(Source(str(site.resolve()), 0, 0), message, hint)])
    if not path.is_file():
        raise InputErrors([InputError(Source(settings_file, 1, 1),
                                      say("{file} not found in {site}", file=settings_file, site=site),
                                      say("run in the site's folder, or pass --site DIR"))])
    if path.suffix != ".py":  # Python's import machinery finds no loader: a message about 'NoneType'
        raise InputErrors([InputError(Source(settings_file, 1, 1),
                                      say("found {file}, expected Pelican's settings file, a Python file "
                                          "named *.py", file=settings_file),
                                      say("e.g. -s pelicanconf.py, or -s publishconf.py for production"))])
    override = {SITE_SETTING: str(site.resolve()), SETTINGS_FILE_SETTING: str(path), **(overrides or {})}
    try:
        # Pelican warns on stderr about settings it dislikes; keep those, mute its prints.
        with contextlib.redirect_stdout(io.StringIO()), _beside_importable(path.parent):
            settings: dict[str, Any] = read_settings(str(path), override=override)
    except SyntaxError as exc:  # in the file read, or in a file of the site it imports (pelicanconf.py)
        speak(_written_language(path))  # the team's language, as the files write it
        where = _site_file(site, Path(exc.filename)) if exc.filename else None
        if exc.filename and Path(exc.filename).resolve() == path:
            where = name
        raise InputErrors([InputError(Source(where or name, exc.lineno or 1, exc.offset or 1),
                                      say("Python syntax error: {problem}", problem=exc.msg))]) from None
    except SystemExit as exc:  # sys.exit(0) there ended `edcal check` silently, exit 0: CI passed unchecked
        speak(_written_language(path))
        failed_at = Source(*_failed_at(exc, path, site, name), 1)
        raise InputErrors([InputError(failed_at,
                                      say("found sys.exit() in the settings, which ended the program while "
                                          "they were read"),
                                      say("a settings file only sets values: remove sys.exit() (and what it "
                                          "stops)"))]) from None
    except Exception as exc:  # the settings file is user code: report, never trace back
        speak(_written_language(path))  # the team's language, as the files write it
        theme = _missing_theme(site, path, exc)
        if theme is not None:
            raise InputErrors([theme]) from None
        not_text = _not_text(site, path)
        if not_text:  # `SITEURL = None`: "'NoneType' object has no attribute 'endswith'", at line 1
            raise InputErrors(not_text) from None
        key = exc.args[0] if isinstance(exc, KeyError) and exc.args else None
        if key == "JINJA_ENVIRONMENT" and _assignment(path, "JINJA_EXTENSIONS", frozenset()) is not None:
            # Pelican moves the old setting into JINJA_ENVIRONMENT, and stops when the file sets none.
            raise InputErrors([InputError(setting_source(site, path, "JINJA_EXTENSIONS"),
                                          say("found JINJA_EXTENSIONS, Pelican's old name for Jinja's "
                                              "extensions, which it reads only beside JINJA_ENVIRONMENT"),
                                          say("write in its place JINJA_ENVIRONMENT = {{\"extensions\": "
                                              "[...]}}, with the same list"))]) from None
        if isinstance(key, str) and key.isupper():  # "could not read the settings: 'JINJA_ENVIRONMENT'"
            raise InputErrors([InputError(Source(name, 1, 1),
                                          say("could not read the settings: Pelican looked for the setting "
                                              "{key}, which they do not set", key=key),
                                          say("set {key} in {file} (Pelican's documentation gives its value)",
                                              key=key, file=name))]) from None
        # MemoryError (an expression nested deeper than the parser goes) says nothing of itself: its name
        message = say("could not read the settings: {problem}", problem=str(exc) or type(exc).__name__)
        install = None
        if isinstance(exc, ModuleNotFoundError) and exc.name not in (None, "pelicanconf", "publishconf"):
            # A plugin's module: the pre-commit hook's environment holds edcal alone unless told more.
            install = say("install what provides it beside edcal: a line of requirements.txt for CI, and, "
                          "for the pre-commit hook, additional_dependencies: [its package] under edcal-check "
                          "in .pre-commit-config.yaml")
        failed_at = Source(*_failed_at(exc, path, site, name), 1)
        raise InputErrors([InputError(failed_at, message, install)]) from None
    # Pelican makes the paths a settings file sets relative to it, and leaves its defaults ("output",
    # "cache", ".") relative to the current folder: `edcal build --site blog` wrote the blog into ./output.
    for key in ("PATH", "OUTPUT_PATH", "CACHE_PATH"):
        value = settings.get(key)
        if isinstance(value, str) and not os.path.isabs(value) and key not in (overrides or {}):
            settings[key] = os.path.normpath(os.path.join(path.parent, value))
    speak(settings.get("DEFAULT_LANG"))  # the site's team reads what follows
    shapes = _settings_shape_errors(site, path, settings)
    if shapes:
        raise InputErrors(shapes)
    _override_folders(site, path, settings, overrides or {})
    plugins = [getattr(p, "__name__", p) for p in settings.get("PLUGINS") or []]
    if require_plugin and PLUGIN not in plugins:
        # At the PLUGINS line, keeping the site's own plugins: `PLUGINS = ["edcal"]` would drop them.
        hint = say("add it to the site's plugins: PLUGINS = {plugins}",
                   plugins=repr([*map(str, plugins), PLUGIN]))
        raise InputErrors([InputError(setting_source(site, path, "PLUGINS"),
                                      say("the edcal plugin is not enabled"), hint)])
    return settings


def unloadable_plugins(settings: dict[str, Any]) -> list[tuple[str, BaseException, InputError]]:
    """The plugins of PLUGINS Python cannot import: each with what stopped it and the error at the PLUGINS
    line that the build stops on.

    Pelican logs "Cannot load plugin" and builds the blog without them, exit 0: a CI job whose
    requirements.txt lacks one deploys the blog without what it adds. Looked up as Pelican does, with its
    own functions (a module it loads here is not loaded again).
    """
    from pelican.plugins._utils import get_namespace_plugins, load_legacy_plugin

    site, path = Path(settings[SITE_SETTING]), Path(settings[SETTINGS_FILE_SETTING])
    namespace = get_namespace_plugins()
    found: list[tuple[str, BaseException, InputError]] = []
    for plugin in settings.get("PLUGINS") or ():
        if not isinstance(plugin, str) or plugin in namespace or f"pelican.plugins.{plugin}" in namespace:
            continue
        try:
            load_legacy_plugin(plugin, settings.get("PLUGIN_PATHS") or [])
        # Not installed, or its own code fails (a `sys.exit()` too, which ended the command silently with its
        # code): Pelican would build without it.
        except (Exception, SystemExit) as exc:
            problem = str(exc) if isinstance(exc, ImportError) else f"{type(exc).__name__}: {exc}"
            message = (say("the plugin '{plugin}' of PLUGINS is not installed", plugin=plugin)
                       if plugin_not_installed(plugin, exc)
                       else say("the plugin '{plugin}' of PLUGINS cannot be imported: {problem}",
                                plugin=plugin, problem=problem))
            if isinstance(exc, ImportError):
                hint = say("install it beside edcal (in CI, a line of requirements.txt), or remove it from "
                           "PLUGINS: the blog would be built without it")
            else:
                hint = say("its own code fails: fix it, or remove it from PLUGINS: the blog would be built "
                           "without it")
            found.append((plugin, exc, InputError(setting_source(site, path, "PLUGINS"), message, hint)))
    return found


def plugin_not_installed(plugin: str, exc: BaseException) -> bool:
    """Whether Python found no module for ``plugin`` at all (not one that fails as it is imported)."""
    return isinstance(exc, ImportError) and str(exc) == f"Cannot import plugin `{plugin}`"


#: Settings Pelican reads as text while it reads the settings (``SITEURL.endswith("/")``).
_TEXT_SETTINGS = ("SITEURL", "FEED_DOMAIN", "THEME", "PATH", "OUTPUT_PATH", "CACHE_PATH", "TIMEZONE",
                  "DEFAULT_LANG", "SITENAME")


def _not_text(site: Path, path: Path) -> list[InputError]:
    """The settings of :data:`_TEXT_SETTINGS` the file sets to something else than text, at their line:
    Pelican stopped on them with Python's words."""
    from pelican.settings import get_settings_from_file

    try:
        with contextlib.redirect_stdout(io.StringIO()), _beside_importable(path.parent):
            raw = get_settings_from_file(str(path))
    except Exception:  # the file is user code: the caller tells its error as it is
        return []
    return [*(InputError(setting_source(site, path, name),
                         say("found {name} = {value!r}; expected text in quotes", name=name, value=raw[name]),
                         say("e.g. {name} = \"{example}\"", name=name, example=_TEXT_EXAMPLES.get(name, "…")))
              for name in _TEXT_SETTINGS if name in raw and not isinstance(raw[name], str)),
            *(InputError(setting_source(site, path, name), found, hint)
              for name, found, hint in _not_mappings(raw))]


#: Settings Pelican reads as mappings (``JINJA_FILTERS.update``), with an example of each.
_MAPPING_SETTINGS = {"JINJA_ENVIRONMENT": '{"trim_blocks": True, "extensions": ["jinja2.ext.do"]}',
                     "JINJA_FILTERS": '{"shout": str.upper}',
                     "JINJA_GLOBALS": '{"COMPANY": "Atelier Martin"}',
                     "JINJA_TESTS": '{"long": lambda text: len(text) > 280}'}


def _not_mappings(settings: dict[str, Any]) -> Iterator[tuple[str, Message, str]]:
    """The settings of :data:`_MAPPING_SETTINGS` set to something else than a mapping."""
    for name, example in _MAPPING_SETTINGS.items():
        value = settings.get(name)
        if name in settings and not isinstance(value, dict):
            shown = value if len(repr(value)) < 80 else type(value).__name__
            yield (name, say("found {name} = {value!r}; expected a mapping in braces", name=name,
                             value=shown),
                   say("e.g. {name} = {example}", name=name, example=example))


def _jinja_errors(settings: dict[str, Any], old_name: bool) -> Iterator[tuple[str, Message, str]]:
    """Jinja settings Pelican would stop on with a traceback when it makes its template environment:
    an option Jinja does not know (``trim_block``), an extension Python cannot import.

    :param old_name: the extensions are set by ``JINJA_EXTENSIONS``, which Pelican moves into
        ``JINJA_ENVIRONMENT``: their errors are told at its line.
    """
    yield from _not_mappings(settings)
    options = settings.get("JINJA_ENVIRONMENT")
    if not isinstance(options, dict):
        return
    import inspect

    import jinja2
    from jinja2.utils import import_string

    known = [name for name in inspect.signature(jinja2.Environment).parameters if name != "loader"]
    for option in options:
        if option not in known:
            yield ("JINJA_ENVIRONMENT",
                   say("found the option {option!r} in JINJA_ENVIRONMENT, which Jinja does not know",
                       option=option),
                   did_you_mean(str(option), known)
                   or say("Jinja's options: {options}", options=", ".join(known)))
    extensions = options.get("extensions") or ()
    where = "JINJA_EXTENSIONS" if old_name else "JINJA_ENVIRONMENT"
    for extension in extensions if isinstance(extensions, (list, tuple)) else (extensions,):
        if isinstance(extension, str):
            try:
                import_string(extension)
            except (ImportError, AttributeError) as exc:
                yield (where, say("found the Jinja extension {name!r}, which Python cannot import ({reason})",
                                  name=extension, reason=str(exc)[:200]),
                       say("check its name (e.g. jinja2.ext.do), and that the package providing it is "
                           "installed"))
                continue
        elif not isinstance(extension, type):
            yield (where, say("found {value!r} among the Jinja extensions; expected an extension's name, "
                              "e.g. \"jinja2.ext.do\"", value=extension),
                   say("write each extension's name in quotes"))


_TEXT_EXAMPLES = {"SITEURL": "https://blog.example.fr", "FEED_DOMAIN": "https://blog.example.fr",
                  "THEME": "themes/edcal", "PATH": "content", "OUTPUT_PATH": "output", "CACHE_PATH": "cache",
                  "TIMEZONE": "Europe/Paris", "DEFAULT_LANG": "fr", "SITENAME": "Le blog de l'atelier"}


#: Settings giving the address or the file of an article or page, as Pelican formats them.
_URL_SETTINGS = ("ARTICLE_URL", "ARTICLE_SAVE_AS", "ARTICLE_LANG_URL", "ARTICLE_LANG_SAVE_AS", "PAGE_URL",
                 "PAGE_SAVE_AS", "PAGE_LANG_URL", "PAGE_LANG_SAVE_AS")
#: What Pelican gives them beside an article's header fields (Content.url_format).
_URL_FIELDS = ("slug", "lang", "date", "category", "author", "authors", "path", "title", "tags", "summary",
               "status", "modified", "template", "keywords", "translation")
#: Settings the theme reads as (text, address) pairs.
_PAIRS_SETTINGS = ("SOCIAL", "LINKS", "MENUITEMS")
_PAIR_EXAMPLES = {"SOCIAL": '"Mastodon", "https://mastodon.social/@nous"',
                  "LINKS": '"Pelican", "https://getpelican.com/"',
                  "MENUITEMS": '"Contact", "/pages/contact.html"'}
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def _settings_shape_errors(site: Path, path: Path, settings: dict[str, Any]) -> list[InputError]:
    """Settings Pelican or the theme would stop on half-way, with a traceback: told at their line.

    ``DEFAULT_LANG = ""`` (docutils imports a language module of that name), an address with a misspelt
    field (``ARTICLE_URL = "{date:%Y}/{slgu}/"``), ``SLUGIFY_SOURCE`` or ``DEFAULT_PAGINATION`` of the wrong
    kind, a ``SOCIAL`` or ``MENUITEMS`` not made of ``(text, address)`` pairs (the error named the theme's
    base.html).
    """
    from edcal.load.articles import ArticleSpec
    from edcal.model.article import ArticleStatus

    errors: list[InputError] = []

    def refuse(name: str, found: Message, hint: str) -> None:
        errors.append(InputError(setting_source(site, path, name), found, hint))

    lang = settings.get("DEFAULT_LANG")
    if not isinstance(lang, str) or not _LANGUAGE_TAG.fullmatch(lang):
        refuse("DEFAULT_LANG", say("found DEFAULT_LANG = {value!r}; expected a language code", value=lang),
               say("e.g. DEFAULT_LANG = \"fr\", or \"en-GB\""))
    extra = (str(name).lower() for name in settings.get("EDCAL_EXTRA_METADATA") or ())
    known = {*_URL_FIELDS, *ArticleSpec.model_fields, *extra} - {"loc"}
    for name in _URL_SETTINGS:
        value = settings.get(name)
        if not isinstance(value, str):
            continue
        fields = format_fields(value)
        if fields is None:
            refuse(name, say("found {name} = {value!r}, with a brace not closed", name=name, value=value),
                   say("write each field in braces, e.g. {example}", example="{date:%Y}/{slug}/"))
            continue
        for field in sorted(fields):
            if field not in known:
                refuse(name, say("found {name} = {value!r}, whose {{{field}}} no article has", name=name,
                                 value=value, field=field or " "),
                       did_you_mean(field, sorted(known)) or say("use {fields}", fields=", ".join(
                           f"{{{f}}}" for f in ("slug", "date:%Y", "lang", "category"))))
    if settings.get("SLUGIFY_SOURCE") not in ("title", "basename"):
        refuse("SLUGIFY_SOURCE", say("found SLUGIFY_SOURCE = {value!r}; expected \"title\" or \"basename\"",
                                     value=settings.get("SLUGIFY_SOURCE")),
               say("\"basename\" names an article after its file, \"title\" after its title"))
    pagination = settings.get("DEFAULT_PAGINATION")
    whole = isinstance(pagination, int) and not isinstance(pagination, bool) and pagination > 0
    if pagination not in (False, None, 0) and not whole:
        refuse("DEFAULT_PAGINATION", say("found DEFAULT_PAGINATION = {value!r}; expected a number of "
                                         "articles a page, or False", value=pagination),
               say("e.g. DEFAULT_PAGINATION = 10, without quotes"))
    for name in ("ARTICLE_TRANSLATION_ID", "PAGE_TRANSLATION_ID"):
        value = settings.get(name, "slug")
        if value not in ("slug", None, False, ""):  # Pelican stopped on an article without that field; None
            # and False (no translations) are Pelican's too, and edcal's pairing by slug holds them back
            refuse(name, say("found {name} = {value!r}; edcal pairs an article with its translations by "
                             "their slug", name=name, value=value),
                   say("delete the line, and give each translation its original's `slug:` and its own "
                       "`lang:`"))
    statuses = [("DEFAULT_METADATA", settings.get("DEFAULT_METADATA"))] + [
        ("EXTRA_PATH_METADATA", value) for value in (settings.get("EXTRA_PATH_METADATA") or {}).values()]
    for name, metadata in statuses:
        status = metadata.get("status") if isinstance(metadata, dict) else None
        said = status.strip().lower() if isinstance(status, str) else status
        if status is not None and said not in get_args(ArticleStatus):
            refuse(name, say("found status {value!r} in {name}; expected draft, review, published or hidden",
                             value=status, name=name),
                   say("an article's own `status:` line wins over {name}", name=name))
    old_name = _assignment(path, "JINJA_EXTENSIONS", frozenset()) is not None
    for name, found, hint in _jinja_errors(settings, old_name):
        refuse(name, found, hint)
    for name in _PAIRS_SETTINGS:
        value = settings.get(name)
        if value is None:
            continue
        # Other themes take more than a pair (an icon, a colour): the first two are the text and the address.
        pairs = isinstance(value, (list, tuple)) and all(
            isinstance(pair, (list, tuple)) and len(pair) >= 2 and all(isinstance(v, str) for v in pair[:2])
            for pair in value)
        if not pairs:
            refuse(name, say("found {name} = {value!r}; expected (text, address) pairs", name=name,
                             value=value if len(repr(value)) < 80 else type(value).__name__),
                   say("e.g. {name} = (({pair}),)", name=name, pair=_PAIR_EXAMPLES[name]))
    return errors


@contextlib.contextmanager
def _beside_importable(folder: Path) -> Iterator[None]:
    """The settings file's neighbours importable while it runs, wherever edcal runs from.

    Pelican's quickstart writes publishconf.py as ``sys.path.append(os.curdir)`` then ``from pelicanconf
    import *``: the current folder's, which is not the site's when edcal runs from content/articles/ (it
    finds the site above, as git does) or with ``--site``. A ``pelicanconf`` another site's settings
    imported in this process is forgotten first.
    """
    for name in ("pelicanconf", "publishconf"):
        module = sys.modules.get(name)
        where = getattr(module, "__file__", None)
        if module is not None and (not where or Path(where).parent.resolve() != folder.resolve()):
            del sys.modules[name]
    sys.path.insert(0, str(folder))
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):
            sys.path.remove(str(folder))


def _override_folders(site: Path, path: Path, settings: dict[str, Any], overrides: dict[str, Any]) -> None:
    """``THEME_TEMPLATES_OVERRIDES`` made relative to the settings file, as Pelican makes ``THEME``.

    Pelican leaves them relative to the current folder: run from content/ (edcal finds the site above), the
    site's templates, words and draft templates were left out without a word. What they hold that nothing
    reads, or a folder that is not there, is the ``theme-override`` check's (:func:`override_problems`).
    """
    key = "THEME_TEMPLATES_OVERRIDES"
    folders = settings.get(key)
    if not folders or key in overrides or isinstance(folders, str):
        return
    settings[key] = [os.path.normpath(os.path.join(path.parent, str(f))) for f in folders]


#: A located problem of the settings' files: where, what, and the hint.
Told = tuple[Source, str, str]


def override_problems(site: Path, path: Path, settings: dict[str, Any]) -> list[Told]:
    """What of the site's ``THEME_TEMPLATES_OVERRIDES`` nothing reads, located, with its hint: a folder that
    is not there (a warning, not an error: git keeps no empty folder, and a site's empty one is missing in
    every CI checkout), and files laid out as in the theme's folder, ``overrides/templates/base.html``
    (Pelican looks for ``base.html`` at the folder's top) and ``overrides/static/…`` (the theme's static
    files come from THEME alone): copied from edcal's theme with their path, they changed nothing, and
    nothing said so.

    :param path: the settings file, whose folder the override folders were made relative to.
    """
    key = "THEME_TEMPLATES_OVERRIDES"
    folders = settings.get(key)
    if not folders or isinstance(folders, str):
        return []
    problems: list[Told] = []
    for folder in map(Path, folders):
        if folder.is_dir():
            problems += _unread_override_files(site, settings, folder)
            continue
        parent = folder.parent
        siblings = sorted(p.name for p in parent.iterdir() if p.is_dir()) if parent.is_dir() else []
        written = os.path.relpath(folder, path.parent) if folder.is_absolute() else str(folder)
        message = say("found '{folder}' in {setting}, no such folder beside {file}: nothing of it is used",
                      folder=written, setting=key, file=path.name)
        hint = did_you_mean(folder.name, siblings) or say(
            "create the folder with what it overrides (git keeps no empty folder), or remove it from "
            "{setting}", setting=key)
        problems.append((setting_source(site, path, key), message, hint))
    return problems


def _unread_override_files(site: Path, settings: dict[str, Any], folder: Path) -> list[Told]:
    """The files of an existing override folder that nothing reads (:func:`override_problems`)."""
    from edcal.themes import DEFAULT_THEME, shown_file

    themes = [Path(str(settings.get("THEME") or DEFAULT_THEME)), DEFAULT_THEME]
    problems: list[Told] = []
    nested = folder / "templates"
    misplaced = sorted(file for file in nested.rglob("*") if file.is_file() and any(
        (theme / "templates" / file.relative_to(nested)).is_file() for theme in themes))
    for file in misplaced:
        shown = shown_file(file, site)
        message = say("found {file}, which nothing reads: a template that replaces the theme's is looked "
                      "for at the top of the override folder, without templates/", file=shown)
        hint = say("move it to {top}", top=shown_file(folder / file.relative_to(nested), site))
        problems.append((Source(shown, 1, 1), message, hint))
    static = sorted(file for file in (folder / "static").rglob("*") if file.is_file())
    if static:
        message = say_count(len(static), "found {count} file in {folder}, which nothing reads: the override "
                            "folder replaces templates and words, not the theme's stylesheet or images",
                            "found {count} files in {folder}, which nothing reads: the override folder "
                            "replaces templates and words, not the theme's stylesheet or images",
                            folder=shown_file(folder / "static", site) + "/")
        hint = say("put a stylesheet of your own in the content (a folder of STATIC_PATHS) and link it from "
                   "the `head` block of base.html (docs/theme.md, \"Changing the theme\")")
        problems.append((Source(shown_file(static[0], site), 1, 1), message, hint))
    return problems


def _missing_theme(site: Path, path: Path, exc: BaseException) -> InputError | None:
    """Pelican's "Could not find the theme X", at the THEME line, with the themes there are."""
    found = re.fullmatch(r"Could not find the theme (.*)", str(exc))
    if found is None:
        return None
    written = found.group(1)
    if not site_language_known():  # Pelican stopped before DEFAULT_LANG was read: read it as written
        speak(_written_language(path))
    folder = Path(os.path.normpath(os.path.join(path.parent, written)))
    themes = sorted(p.name for p in folder.parent.iterdir() if p.is_dir()) if folder.parent.is_dir() else []
    match = closest(folder.name, themes)
    hint = say("did you mean '{match}'?", match=(Path(written).parent / match).as_posix()) if match else None
    return InputError(setting_source(site, path, "THEME"),
                      say("found THEME = '{theme}': no such theme folder beside {file}, nor a theme Pelican "
                          "has", theme=written, file=path.name),
                      hint or say("give the theme's folder, or edcal's own as edcal init writes it: "
                                  "THEME = str(edcal.themes.DEFAULT_THEME), after import edcal.themes"))


def _written_language(path: Path) -> str | None:
    """The site's DEFAULT_LANG as its settings file writes it, else as pelicanconf.py beside it does (the
    publishconf.py of `edcal init` takes it from there); read, not run: the settings could not be."""
    found = _written_setting(path, "DEFAULT_LANG")
    beside = path.with_name(DEFAULT_SETTINGS)
    if found is None and beside != path and beside.is_file():
        found = _written_setting(beside, "DEFAULT_LANG")
    return found


#: What parsing a settings file raises where Python cannot read it: a syntax error, a NUL byte, and an
#: expression nested deeper than the parser goes (``x = ----…1``), which Python 3.11 says with MemoryError.
_UNPARSABLE = (SyntaxError, ValueError, MemoryError, RecursionError)
#: ``DEFAULT_LANG = 'fr'`` on a line of its own, for a file Python cannot parse.
_ASSIGNED = r"""^{name}\s*=\s*(['"])([^'"\n]*)\1\s*(?:#.*)?$"""


def _written_setting(path: Path, name: str) -> str | None:
    """A setting's text as the settings file assigns it at top level (``DEFAULT_LANG = 'fr'``), not run; in a
    file with a syntax error, the last line that assigns it so."""
    try:
        source = path.read_bytes()
    except OSError:
        return None
    try:
        tree = ast.parse(source, filename=str(path))
    except _UNPARSABLE:
        text = source.decode("utf-8", errors="replace")
        written = re.findall(_ASSIGNED.format(name=re.escape(name)), text, re.MULTILINE)
        return written[-1][1] if written else None
    found = None
    for node in tree.body:
        # `DEFAULT_LANG = 'fr'`, and `DEFAULT_LANG: str = 'fr'` (a typed settings file)
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
            if isinstance(node, ast.AnnAssign) and node.value is not None else []
        value = node.value.value if targets and isinstance(node.value, ast.Constant) else None  # type: ignore[attr-defined]
        if any(isinstance(t, ast.Name) and t.id == name for t in targets) and isinstance(value, str):
            found = value
    return found


def _failed_at(exc: BaseException, path: Path, site: Path, name: str) -> tuple[str, int]:
    """The file of the site and the line where ``exc`` was raised (a NameError at line 12), else ``name``
    and 1: the settings file read, or a file of the site it runs (publishconf.py's ``from pelicanconf
    import *`` said publishconf.py:7 of an error at pelicanconf.py:59)."""
    import traceback

    found: tuple[str, int] = (name, 1)
    read = False
    for frame in traceback.extract_tb(exc.__traceback__):
        file = Path(frame.filename).resolve()
        if file == path:
            read = True
            found = (name, frame.lineno or 1)
        elif read and frame.lineno and (where := _site_file(site, file)) is not None:
            found = (where, frame.lineno)
    return found


def _site_file(site: Path, file: Path) -> str | None:
    """``file`` relative to the site, when it is the site's own Python file (not one of a virtual
    environment kept in the site's folder, ``.venv/``), else None."""
    try:
        relative = file.resolve().relative_to(site.resolve())
    except (ValueError, OSError):
        return None
    if file.suffix != ".py" or any(part.startswith(".") or part == "site-packages"
                                   for part in relative.parts):
        return None
    return relative.as_posix()


def speak_site_language(site: Path, settings_file: str = DEFAULT_SETTINGS) -> None:
    """Learn the site's language for a help page, a usage error or an error found before the settings
    were read (``edcal move --by demain``): its ``DEFAULT_LANG = 'fr'`` as the settings file writes it
    (:func:`_written_language`), read, never run.

    Running the settings to learn a language ran the team's code for ``--help``: a settings file that
    waits (a network call, a ``time.sleep``) hung the help page. A language the file computes, or does not
    set, leaves English. ``$EDCAL_LANG`` chooses the language whatever the site's: nothing to read then.
    """
    if site_language_known() or (os.environ.get(LANG_VARIABLE, "").strip() and unspoken_language() is None):
        return
    written = _written_language((site / settings_file).resolve())
    if written:
        speak(written)


def pelican_logging(level: int, quiet: bool = False) -> None:
    """Pelican's log handler at the level asked for; ``quiet`` also mutes its summary line.

    On a terminal, Pelican's own lines (rich's, in columns, with the time); elsewhere (a CI log, a
    pipe, a file) one plain line per record, ``WARNING: message``: rich lays its lines out at 80
    columns there, and cut a plugin's warning, a path in it too, over lines padded with spaces.
    """
    from pelican.log import DEFAULT_LOG_HANDLER, console, init

    plain = not console.is_terminal
    wanted, other = (_PLAIN_LOG, DEFAULT_LOG_HANDLER) if plain else (DEFAULT_LOG_HANDLER, _PLAIN_LOG)
    init(level=level, name="pelican", handler=wanted)
    root = logging.getLogger()
    if other in root.handlers:  # a build before this one, in this process, set the other up
        root.removeHandler(other)
        if wanted not in root.handlers:
            root.addHandler(wanted)
    logging.getLogger("MARKDOWN").setLevel(logging.WARNING)
    console.quiet = quiet
    console.soft_wrap = plain  # Pelican's "Done: Processed …" line (-v) on one line too


class _PlainLogHandler(logging.Handler):
    """``LEVEL: message``, a line per record, where Pelican's console writes (its stream at the time)."""

    def emit(self, record: logging.LogRecord) -> None:
        from pelican.log import console

        try:
            stream = console.file
            stream.write(self.format(record) + "\n")
            stream.flush()
        except Exception:  # logging's own rule: a record that cannot be written is reported, not raised
            self.handleError(record)


_PLAIN_LOG = _PlainLogHandler()
_PLAIN_LOG.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))


def setting_source(site: Path, settings_path: Path, name: str) -> Source:
    """Where a setting gets the value Pelican reads from ``settings_path``: its last assignment there, or,
    when a ``from pelicanconf import *`` of a file beside it comes after (publishconf.py), that file's.

    Read with :mod:`ast`, never run. A setting assigned nowhere (Pelican's default) points at the file.
    """
    found = _assignment(settings_path, name, frozenset())
    path, line, column = found if found else (settings_path, 1, 1)
    try:
        shown = path.resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        shown = str(path)
    return Source(shown, line, column)


def setting_written(settings_path: Path, name: str) -> bool:
    """Whether a settings file gives a setting a value (itself, or a file it imports with ``*``), not
    Pelican's default."""
    return _assignment(settings_path, name, frozenset()) is not None


def _assignment(path: Path, name: str, seen: frozenset[Path]) -> tuple[Path, int, int] | None:
    try:
        tree = ast.parse(path.read_bytes(), filename=str(path))
    except (OSError, *_UNPARSABLE):
        return None
    candidates: list[tuple[int, int, ast.AST]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                continue  # a function's names are not settings
            targets: list[ast.AST] = []
            if isinstance(child, ast.Assign):
                targets = [n for target in child.targets for n in ast.walk(target)]
            elif isinstance(child, (ast.AnnAssign, ast.AugAssign)):
                targets = [child.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id == name:
                    candidates.append((target.lineno, target.col_offset, target))
            if isinstance(child, ast.ImportFrom) and child.module and \
                    any(alias.name in ("*", name) for alias in child.names):
                candidates.append((child.lineno, child.col_offset, child))
            visit(child)

    visit(tree)
    for line, column, node in sorted(candidates, key=lambda found: found[:2], reverse=True):
        if not isinstance(node, ast.ImportFrom):
            return path, line, column + 1
        imported = path.parent.joinpath(*str(node.module).split(".")).with_suffix(".py")
        if imported.is_file() and imported.resolve() not in seen:
            deeper = _assignment(imported, name, seen | {path.resolve()})
            if deeper is not None:
                return deeper
    return None
