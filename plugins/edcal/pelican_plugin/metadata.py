"""The plan without a build: Pelican reads metadata, Markdown is never rendered.

``edcal check`` (and ``agenda``, ``next-change``) use this path. It runs
Pelican's own article and page generators (file discovery, slugs, URLs,
translations) with edcal's reader in metadata-only mode, so they see the
same articles as a build, in a fraction of its time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from edcal.clock import parse_instant
from edcal.errors import InputErrors, shown_path
from edcal.i18n import Message, say, spoken
from edcal.model.plan import Plan
from edcal.model.source import Source
from edcal.pelican_plugin import (
    PLUGIN_NAME,
    RAISE_SETTING,
    install_share_forms,
    logger,
    on_initialized,
    register,
)
from edcal.pelican_plugin.plan import resolve_state
from edcal.pelican_plugin.state import BuildState, attach_state, detach_state
from edcal.site import pelican_settings, plugin_not_installed, unloadable_plugins

#: ``compose_from`` value: compose posts from "now" on (the default of checks and exports).
NOW = "now"
#: ``compose_from`` value: compose no post (the agenda shows titles, next-change reads articles).
NOTHING = dt.datetime.max.replace(tzinfo=dt.UTC)


def read_plan(site: Path, settings_file: str, compose_from: dt.datetime | str | None = None,
              tell_missing_plugins: bool = True) -> Plan:
    """Resolve the site's plan from metadata alone.

    :param compose_from: compose only posts from this instant on (``NOW``, or an
        ISO 8601 text read in the site's zone, e.g. ``--since``): a plan for
        checks and exports, which never look at past posts' texts.
    :param tell_missing_plugins: warn on stderr of the plugins left out because they are not installed
        (False: the caller tells them, as `edcal check` does with its findings).
    :raises InputErrors: for any invalid input.
    """
    settings = pelican_settings(site, settings_file, overrides={RAISE_SETTING: True})
    missing = start_other_plugins(settings)
    if tell_missing_plugins:  # `edcal check` tells them as its findings (plugin-not-installed)
        tell_plugin_problems(missing)
    plan = plan_from_settings(settings, compose_from)
    plan.plugin_problems = missing
    return plan


def tell_plugin_problems(problems: Iterable[tuple[Source, str, str]],
                         path: Callable[[str], str] = shown_path) -> None:
    """Warn on stderr of plugins left out because they are not installed (``path``: a file's name as shown,
    e.g. ``HEAD:pelicanconf.py`` for a revision's)."""
    for where, message, _hint in problems:
        logger.warning("%s:%d:%d: warning: %s", path(where.path), where.line, where.column, spoken(message))


def start_other_plugins(settings: dict[str, Any]) -> tuple[tuple[Source, Message, Message], ...]:
    """Register the site's other plugins and send them ``initialized``, as ``pelican`` would; return the
    plugins left out because a package is missing here, each as the ``plugin-not-installed`` check says it.

    A plugin may change what the build reads (a slug, a date, a reader for
    another format): checks, the agenda and exports must see the articles as
    the build does. edcal's own ``initialized`` handler is left out: this path
    starts its state itself and writes nothing into output/.

    A plugin not installed where edcal runs (the pre-commit hook's environment holds edcal alone) is left
    out, and said once, in edcal's words: by the check as its warning (which `-q` keeps quiet, as any
    warning), by the other commands on stderr (:func:`read_plan`). Pelican logged two lines of its own on
    every run, `-q` or not. A plugin whose own code fails as it is imported is the build's located error.

    :raises InputErrors: for a plugin whose own code fails as it is imported.
    """
    from pelican import Pelican, signals
    from pelican.plugins._utils import get_plugin_name, load_plugins

    failed = unloadable_plugins(settings)
    broken = [error for _plugin, exc, error in failed if not isinstance(exc, ImportError)]
    if broken:
        raise InputErrors(broken)
    missing = tuple((error.source, _missing_plugin(plugin, exc), say(
        "install it beside edcal: for the pre-commit hook, additional_dependencies: [its package] under "
        "edcal-check in .pre-commit-config.yaml; for CI, a line of requirements.txt (edcal build stops "
        "without it)")) for plugin, exc, error in failed)
    left_out = {plugin for plugin, _exc, _error in failed}
    loadable = {**settings, "PLUGINS": [p for p in settings.get("PLUGINS") or () if p not in left_out]}
    plugins = []
    for plugin in load_plugins(loadable):
        if get_plugin_name(plugin) in (PLUGIN_NAME, f"pelican.plugins.{PLUGIN_NAME}"):
            continue
        try:
            plugin.register()
        except Exception as exc:  # as Pelican does: a plugin that cannot register is left out
            logger.warning("cannot register plugin `%s`: %s", get_plugin_name(plugin), exc)
            continue
        plugins.append(plugin)
    if not plugins:
        return missing
    pelican = Pelican.__new__(Pelican)  # what handlers of `initialized` read, without Pelican's setup
    pelican.settings = settings
    pelican.path, pelican.theme = settings["PATH"], settings["THEME"]
    pelican.output_path = settings["OUTPUT_PATH"]
    pelican.ignore_files = settings["IGNORE_FILES"]
    pelican.delete_outputdir = False
    pelican.output_retention = settings["OUTPUT_RETENTION"]
    pelican.plugins = plugins
    for receiver in signals.initialized.receivers_for(pelican):
        if receiver is not on_initialized:
            receiver(pelican)
    return missing


def _missing_plugin(plugin: str, exc: BaseException) -> Message:
    if plugin_not_installed(plugin, exc):
        return say("the plugin '{plugin}' of PLUGINS is not installed: edcal reads the articles without it",
                   plugin=plugin)
    return say("the plugin '{plugin}' of PLUGINS cannot be imported: {problem}: edcal reads the articles "
               "without it", plugin=plugin, problem=str(exc))


def plan_from_settings(settings: dict[str, Any], compose_from: dt.datetime | str | None = None) -> Plan:
    state = BuildState.start(settings, render=False)
    read_contents(settings, state)
    start: dt.datetime | None  # posts before it are left uncomposed; None composes them all
    if compose_from == NOW:  # and the posts already out that a check compares with (duplicate-text)
        from edcal.checks import lookback

        start = state.now - lookback(state.calendar)
    elif isinstance(compose_from, str):
        from edcal.checks import lookback

        start = parse_instant(compose_from, state.calendar.zone, "--since") - lookback(state.calendar)
    else:
        start = compose_from
    return resolve_state(state, start)


def read_contents(settings: dict[str, Any], state: BuildState) -> None:
    """Read every article and page into ``state`` through Pelican's generators, metadata only."""
    from pelican.generators import ArticlesGenerator, PagesGenerator

    from edcal.load.articles import MARKDOWN_EXTENSIONS
    from edcal.pelican_plugin.reader import EdcalMarkdownReader

    register()  # signal handlers; they act only on settings carrying edcal's state
    from edcal.pelican_plugin import FAILED_READS

    FAILED_READS.clear()
    settings[RAISE_SETTING] = True
    attach_state(settings, state)
    install_share_forms(settings, state)  # `SHARE_LINKS` may name a network whose form calendar.yaml sets
    settings["WITH_FUTURE_DATES"] = True
    settings["CACHE_CONTENT"] = settings["LOAD_CONTENT_CACHE"] = False  # a check writes nothing (as a build)
    state.render = False
    context: dict[str, Any] = dict(settings)
    context.update(generated_content={}, static_links=set(), static_content={},
                   localsiteurl=settings.get("SITEURL", ""))
    try:
        for generator_class in (ArticlesGenerator, PagesGenerator):
            generator = generator_class(
                context=context, settings=settings, path=settings["PATH"],
                theme=settings["THEME"], output_path=settings["OUTPUT_PATH"],
            )
            for extension in MARKDOWN_EXTENSIONS:
                generator.readers.readers[extension.lstrip(".")] = EdcalMarkdownReader(settings)
            generator.generate_context()
        from edcal.pelican_plugin.collisions import collisions

        clashes = collisions(context, settings)  # as the build would refuse them
        if clashes is not None:
            raise clashes
    finally:
        detach_state(settings)  # the registry keeps no state of a read that is over
