"""A site folder and its Pelican settings, as the commands see them."""

from __future__ import annotations

import contextlib
import io
import logging
import os
from pathlib import Path
from typing import Any

from edcal.errors import InputError, InputErrors
from edcal.i18n import LANG_VARIABLE, say, site_language_known, speak
from edcal.model.source import Source

#: The site's root folder, a setting pelicanconf.py may set (the commands set it for Pelican).
SITE_SETTING = "EDCAL_SITE"
DEFAULT_SETTINGS = "pelicanconf.py"
PLUGIN = "edcal"


def pelican_settings(site: Path, settings_file: str = DEFAULT_SETTINGS,
                     overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Read a site's Pelican settings, with edcal's site root set.

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
    override = {SITE_SETTING: str(site.resolve()), **(overrides or {})}
    try:
        # Pelican warns on stderr about settings it dislikes; keep those, mute its prints.
        with contextlib.redirect_stdout(io.StringIO()):
            settings: dict[str, Any] = read_settings(str(path), override=override)
    except SyntaxError as exc:
        raise InputErrors([InputError(Source(name, exc.lineno or 1, exc.offset or 1),
                                      say("Python syntax error: {problem}", problem=exc.msg))]) from None
    except Exception as exc:  # the settings file is user code: report, never trace back
        message = say("could not read the settings: {problem}", problem=str(exc))
        raise InputErrors([InputError(Source(name, 1, 1), message)]) from None
    # Pelican makes the paths a settings file sets relative to it, and leaves its defaults ("output",
    # "cache", ".") relative to the current folder: `edcal build --site blog` wrote the blog into ./output.
    for key in ("PATH", "OUTPUT_PATH", "CACHE_PATH"):
        value = settings.get(key)
        if isinstance(value, str) and not os.path.isabs(value) and key not in (overrides or {}):
            settings[key] = os.path.normpath(os.path.join(path.parent, value))
    speak(settings.get("DEFAULT_LANG"))  # the site's team reads what follows
    plugins = [getattr(p, "__name__", p) for p in settings.get("PLUGINS") or []]
    if PLUGIN not in plugins:
        raise InputErrors([InputError(Source(name, 1, 1), say("the edcal plugin is not enabled"),
                                      say('add PLUGINS = ["edcal"] (and PLUGIN_PATHS = ["plugins"])'))])
    return settings


def speak_site_language(site: Path, settings_file: str = DEFAULT_SETTINGS) -> None:
    """Learn the site's language for an error found before its settings were read.

    An option's value (``edcal move --by 'une semaine'``) is checked before the
    site is read, which may take seconds: its error is reported in the team's
    language all the same. A site whose settings cannot be read leaves English.
    ``$EDCAL_LANG`` chooses the language whatever the site's: nothing to read then.
    """
    if site_language_known() or os.environ.get(LANG_VARIABLE):
        return
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # Pelican's warnings come with the command's own read
            pelican_settings(site, settings_file)
    except (Exception, SystemExit):  # the settings' own error (a broken file) must not hide the one reported
        pass


def pelican_logging(level: int, quiet: bool = False) -> None:
    """Pelican's log handler at the level asked for; ``quiet`` also mutes its summary line."""
    from pelican.log import console, init

    init(level=level, name="pelican")
    logging.getLogger("MARKDOWN").setLevel(logging.WARNING)
    console.quiet = quiet
