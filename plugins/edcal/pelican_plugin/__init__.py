"""edcal as a Pelican plugin: the blog's articles feed the plan; unpublished ones stay out.

Lifecycle, in Pelican's order:

1. ``initialized``: load calendar.yaml, pin the clock, and make sure Pelican
   never writes drafts (their ``*_SAVE_AS`` are emptied) and never decides
   by itself what a future date means (edcal does).
2. ``readers_init``: our Markdown reader takes over ``.md`` files.
3. ``article_generator_pretaxonomy``: every article (any status) becomes a
   model article; only live ones stay in Pelican's lists, before categories,
   tags, authors, archives and feeds are built from them.
4. The plan's job (:mod:`edcal.pelican_plugin.worker`), started when the
   run asks for generators, in a worker process on a machine with two cores, resolves
   and checks the plan and writes ``planning/`` into a staging folder.
   :class:`~edcal.pelican_plugin.generator.PlanGenerator` holds Pelican's
   writing until the checks have passed; the staging folder is swapped in at
   ``finalized`` when the whole build worked, and what this build did not
   write is removed from output/, so that nothing from an earlier build
   stays online.

Input errors are printed as ``path:line:col: error: …`` and end the run with
exit code 2, before anything is written (see :func:`abort`).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pelican import signals

from edcal.errors import InputErrors, message_of, report
from edcal.i18n import say, spoken
from edcal.model.source import Source
from edcal.pelican_plugin.state import STATE_KEY, BuildState, attach_state, detach_state, find_state, state_of

if TYPE_CHECKING:
    from edcal.model.calendar import AmbassadorSettings, FeedSettings, PlanningSettings

logger = logging.getLogger("edcal")

PLUGIN_NAME = "edcal"
#: Set by edcal's own commands: input errors propagate as exceptions.
RAISE_SETTING = "EDCAL_RAISE_ERRORS"
#: Pelican settings edcal owns while it runs.
_NEVER_WRITTEN = ("DRAFT_SAVE_AS", "DRAFT_LANG_SAVE_AS", "DRAFT_PAGE_SAVE_AS", "DRAFT_PAGE_LANG_SAVE_AS")


def register() -> None:
    from edcal.blog import register as register_blog_theme
    from edcal.files import no_bytecode_in_others_folders

    no_bytecode_in_others_folders()  # as root in the team's site: no __pycache__ of root's there

    register_blog_theme()  # the theme's Jinja helpers and sitemap.xml (edcal.blog)
    signals.initialized.connect(on_initialized)
    signals.generator_init.connect(on_generator_init)
    signals.readers_init.connect(on_readers_init)
    signals.article_generator_pretaxonomy.connect(on_articles_read)
    signals.page_generator_finalized.connect(on_pages_read)
    signals.static_generator_finalized.connect(on_static_files_found)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(on_finalized)
    signals.content_written.connect(on_file_written)
    signals.feed_written.connect(on_file_written)
    duplicates = logging.getLogger("pelican.utils")
    if not any(isinstance(f, _SlugWarnings) for f in duplicates.filters):
        duplicates.addFilter(_SlugWarnings())
    generators = logging.getLogger("pelican.generators")
    if not any(isinstance(f, _FailedReads) for f in generators.filters):
        generators.addFilter(_FailedReads())


def on_generator_init(generator: Any) -> None:
    """Pelican's environments keep their compiled templates for the next run (:mod:`edcal.template_cache`)."""
    from edcal.template_cache import cached

    cached(generator.env)


#: Files Pelican could not read in this run (its "Could not process" error), with why: Pelican goes on
#: without them, and a live article disappeared from output/ with exit 0.
FAILED_READS: list[tuple[str, str]] = []


class _FailedReads(logging.Filter):
    """Pelican's "Could not process" error, noted as an input error of the file (and its message kept)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Could not process") and record.args:
            exc = sys.exc_info()[1]  # the filter runs inside Pelican's `except` block
            path = record.args[0] if isinstance(record.args, tuple) else record.args
            FAILED_READS.append((str(path), f"{type(exc).__name__}: {exc}" if exc else "an error"))
        return True


class _SlugWarnings(logging.Filter):
    """Pelican's warning on two articles with one slug: edcal reports it as a located error.

    Only when every file it names is an article or page edcal read (other
    formats keep Pelican's warning).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith(("There are %s items", "There are %s original", "All items (")):
            return True
        from edcal.pelican_plugin.reader import ARTICLES_READ, PAGES_READ

        read = ARTICLES_READ | PAGES_READ  # edcal judges pages' slugs too (publish._check_page_originals)
        paths = [arg for arg in record.args or () if isinstance(arg, str) and os.path.isabs(arg)]
        return not paths or not all(path in read for path in paths)


def enabled(settings: dict[str, Any]) -> bool:
    """Handlers stay connected between runs in one process: act only when edcal is loaded."""
    return STATE_KEY in settings


def abort(errors: InputErrors, settings: dict[str, Any]) -> None:
    """Stop the build on input errors.

    Under ``edcal`` the errors propagate to the command, which reports them in
    the format asked for; under plain ``pelican`` they are printed here and
    the run ends with exit code 2 (a ``SystemExit``, which Pelican does not
    turn into a traceback). A further run of ``pelican -r`` ends with
    :class:`RunStopped`, which Pelican's loop logs in a line, watching on.
    """
    if settings.get(RAISE_SETTING):
        raise errors
    report(errors)
    state = find_state(settings)
    if state is not None and state.runs > 1 and _changed(settings, state):
        raise RunStopped(spoken(say("a file changed: edcal runs again"))) from None
    if (state is None or state.runs == 0) and _RUNS.get(_site_key(settings)):
        # `pelican -r` read its settings file again, and this new start stopped: Pelican's loop goes on with
        # the settings it had (as for a settings file it cannot read), where an exit ended the server.
        raise RunStopped(spoken(say("Pelican goes on with the settings it read before, until its settings "
                                    "file changes again"))) from None
    raise SystemExit(errors.exitcode)


#: Runs of plain ``pelican`` in this process, by content folder: ``pelican -r`` runs again, and reads its
#: settings file again on a change of it (a new start, whose state begins at the runs before it).
_RUNS: dict[str, int] = {}


def _site_key(settings: dict[str, Any]) -> str:
    return str(Path(str(settings.get("PATH") or ".")).resolve())


class RunStopped(Exception):
    """A further run of ``pelican -r`` stopped on input errors (reported), then a file changed: Pelican's loop
    runs again at once (it runs again on any exception, without waiting for a change)."""


def _changed(settings: dict[str, Any], state: BuildState) -> bool:
    """Wait until a file of the site changes (calendar.yaml too, which Pelican does not watch), outside
    output/ and planning/: whether it did (False: no watching here)."""
    try:
        import watchfiles
    except ImportError:  # pragma: no cover - Pelican's own dependency
        return False
    if state.plan_run is not None:  # the run's worker, if the mistake came after it started: not left behind
        state.plan_run.stop()
    written = [Path(str(settings.get("OUTPUT_PATH") or "output")).resolve(), state.planning_path.resolve()]

    class Inputs(watchfiles.DefaultFilter):
        def __call__(self, change: watchfiles.Change, path: str) -> bool:
            return super().__call__(change, path) and not any(Path(path).is_relative_to(w) for w in written)

    # Printed as the errors are: Pelican's log shows a warning once per process, and the next wait was silent.
    waiting = say("this run stopped on the errors above: it runs again when a file of the site changes")
    print(f"edcal: {spoken(waiting)}.", file=sys.stderr, flush=True)
    changes = next(iter(watchfiles.watch(state.site, watch_filter=Inputs(), debounce=400, rust_timeout=0)))
    conf = _settings_file()
    if any(Path(path) == conf for _change, path in changes):
        # Pelican reads its settings again on a change it waits for, after a run that went through: this
        # change was edcal's, and the run after it takes the settings it had.
        stale = say("{file} changed while the run was stopped: the next run takes the settings read before; "
                    "save {file} again once a run goes through, for Pelican to read it", file=conf.name)
        print(f"edcal: {spoken(stale)}.", file=sys.stderr, flush=True)
    return True


def _settings_file() -> Path:
    """The settings file `pelican` was given (``-s``, ``--settings``), else its default, pelicanconf.py."""
    args = sys.argv[1:]
    for at, arg in enumerate(args):
        if arg in ("-s", "--settings") and at + 1 < len(args):
            return Path(args[at + 1]).resolve()
        if arg.startswith("--settings="):
            return Path(arg.partition("=")[2]).resolve()
    return Path("pelicanconf.py").resolve()


def install_share_forms(settings: dict[str, Any], state: BuildState) -> None:
    """Give the theme's share buttons the networks' forms as calendar.yaml sets them (``share_form``),
    before any generator installs the theme's helpers: in a build, and in a check's or an export's
    reading of the site."""
    from edcal.blog.sharing import SHARE_FORMS_SETTING, share_forms
    from edcal.load.network_registry import registry_with

    settings[SHARE_FORMS_SETTING] = share_forms(registry_with(state.calendar.networks).networks.values())


def on_initialized(pelican: Any) -> None:
    settings = pelican.settings
    FAILED_READS.clear()
    if PLUGIN_NAME not in (settings.get("PLUGINS") or []):
        detach_state(settings)
        return
    from edcal.i18n import speak

    speak(settings.get("DEFAULT_LANG"))  # `pelican content` with the plugin: its errors, for the site's team
    state = _start(settings, 0)
    for name in _NEVER_WRITTEN:
        settings[name] = ""
    settings["WITH_FUTURE_DATES"] = True
    if settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE"):
        # Pelican's cache keeps what a reader returned for a file until the file changes: an article's
        # status and text depend on the date and calendar.yaml too (a scheduled article goes online by
        # itself), and edcal's reader's values could not be cached (the next build stopped on the empty file).
        logger.warning("%s", spoken(say("CACHE_CONTENT is turned off in builds with edcal: an article goes "
                                        "online with the date and calendar.yaml, which Pelican's cache of "
                                        "what it read would not see")))
        settings["CACHE_CONTENT"] = settings["LOAD_CONTENT_CACHE"] = False
    if settings.get("OUTPUT_SOURCES") or not settings.get("STATIC_EXCLUDE_SOURCES", True):
        # An article's source holds the team's notes (<!-- … -->) and its plan (owner, due dates, posts' texts
        # still to come): Pelican would copy it into output/ beside the page.
        logger.warning("%s", spoken(say(
            "OUTPUT_SOURCES is turned off and STATIC_EXCLUDE_SOURCES on in builds with edcal: an article's "
            "source holds the team's notes and its plan (owner, due dates, the texts of posts to come), "
            "which Pelican would publish")))
        settings["OUTPUT_SOURCES"], settings["STATIC_EXCLUDE_SOURCES"] = False, True
    # edcal removes what a build did not write once it has succeeded (sweep.sweep_output):
    # Pelican would empty output/ before reading, and a failed build would leave it empty.
    state.delete_output = bool(pelican.delete_outputdir)
    pelican.delete_outputdir = False


def _start(settings: dict[str, Any], runs: int) -> BuildState:
    """A run's state, after ``runs`` runs: calendar.yaml read, the clock pinned, attached to ``settings``;
    input errors stop it."""
    from edcal.pelican_plugin.sweep import check_planning_path
    from edcal.pelican_plugin.worker import jobs

    try:
        state = BuildState.start(settings, render=settings.get("EDCAL_RENDER", True))
        state.runs = runs
        attach_state(settings, state)
        install_share_forms(settings, state)
        state.processes = jobs(settings)
        check_planning_path(settings, state)
    except InputErrors as exc:
        abort(exc, settings)
    return state


def on_readers_init(readers: Any) -> None:
    if not enabled(readers.settings):
        return
    from edcal.load.articles import MARKDOWN_EXTENSIONS
    from edcal.pelican_plugin.reader import EdcalMarkdownReader

    for extension in MARKDOWN_EXTENSIONS:
        readers.reader_classes[extension.lstrip(".")] = EdcalMarkdownReader


def _refuse_failed_reads(generator: Any, state: BuildState) -> None:
    """A file Pelican could not read is an error of that file: left out, a live article was unpublished."""
    for path, reason in FAILED_READS:
        absolute = path if os.path.isabs(path) else os.path.join(generator.path, path)
        state.errors.add(Source(state.relative(Path(absolute)), 1, 1),
                         say("Pelican could not read this file ({reason})", reason=reason[:200]),
                         say("fix the file, or move it out of the content folder"))
    FAILED_READS.clear()


def on_articles_read(generator: Any) -> None:
    if not enabled(generator.settings):
        return
    from edcal.pelican_plugin.publish import keep_live_articles

    state = state_of(generator.settings)
    _refuse_failed_reads(generator, state)
    if state.errors:
        # Reported once the pages are read too (on_pages_read): a page's header error showed only in the
        # run after the articles' were fixed. Files with errors are drafts to Pelican until then.
        return
    keep_live_articles(generator, state)
    if state.errors:  # e.g. two articles with one slug
        abort(InputErrors(state.errors.errors), generator.settings)


def on_pages_read(generator: Any) -> None:
    if not enabled(generator.settings):
        return
    from edcal.addresses import absolute
    from edcal.pelican_plugin.publish import (
        addressed_files,
        hide_draft_pages,
        link_static_files,
        live_texts,
        static_references,
    )

    state = state_of(generator.settings)
    _refuse_failed_reads(generator, state)
    if state.errors:
        abort(InputErrors(state.errors.errors), generator.settings)
    hide_draft_pages(generator, state)
    if state.errors:  # a page marked as a translation of nothing
        abort(InputErrors(state.errors.errors), generator.settings)
    for page in [*generator.pages, *generator.hidden_pages, *generator.translations,
                 *getattr(generator, "hidden_translations", ())]:
        state.public_static |= static_references(page)
        state.live_texts += live_texts(page)
        link_static_files(generator, static_references(page)
                          | addressed_files(page, str(generator.settings.get("SITEURL") or "")))
        state.page_urls.add(str(page.url))
        state.page_addresses[state.relative(Path(page.source_path))] = absolute(
            "/" + str(page.url).lstrip("/"), str(generator.settings.get("SITEURL") or ""))
    from edcal.pelican_plugin.collisions import blog_files

    state.blog_files = blog_files(generator, state)  # every article and page is read: what output/ will hold


def on_static_files_found(generator: Any) -> None:
    if not enabled(generator.settings):
        return
    from edcal.pelican_plugin.publish import keep_public_static

    state = state_of(generator.settings)
    keep_public_static(generator, state)
    # Pelican may not copy an unchanged static file again: the sweep keeps them all the same.
    state.static_outputs = {static.save_as for static in generator.staticfiles}
    if state.journal is not None:  # before Pelican copies them: a killed build's copies are edcal's
        state.journal.add(sorted(key.replace("\\", "/") for key in state.static_outputs))


def on_file_written(path: str, **kwargs: Any) -> None:
    """Pelican's writer wrote ``path``: this run's, whatever its time stamp (sweep.sweep_output)."""
    context = kwargs.get("context") or {}
    settings = context if find_state(context) is not None else None
    if settings is None:
        return
    from edcal.pelican_plugin.staging import output_key

    # Pelican joins each file's name to OUTPUT_PATH (or to its staging folder, staging.StagingWriter): its
    # text, made absolute, starts with the folder's (resolving both, a dozen system calls, took 0.1 s of
    # 1,500 files); a link in the way is resolved.
    output = os.path.abspath(settings["OUTPUT_PATH"])
    key = output_key(path, output)
    if key is None:
        key = output_key(str(Path(path).resolve()), str(Path(output).resolve()))
        if key is None:
            return
    state = state_of(settings)
    state.written_outputs.add(key)
    if state.journal is not None:
        state.journal.add((key,))


def get_generators(pelican: Any) -> Any:
    """Add the plan's generator, and start the plan's job: each run (``pelican -r`` runs again).

    Pelican asks for generators at the start of each run, after every
    plugin's ``initialized``: a worker forked here sees the settings as the
    run uses them.
    """
    if not enabled(pelican.settings):
        return None
    from edcal.pelican_plugin.generator import PlanGenerator
    from edcal.pelican_plugin.link_in_bio import LinkInBioGenerator
    from edcal.pelican_plugin.worker import PlanRun

    state = state_of(pelican.settings)
    if pelican.settings.get(RAISE_SETTING):
        state.runs += 1
    else:  # plain `pelican`: a start after its settings file changed follows the runs before it
        key = _site_key(pelican.settings)
        state.runs = _RUNS[key] = max(state.runs, _RUNS.get(key, 0)) + 1
    if state.runs > 1:
        # `pelican -r` (Pelican's `make devserver`) runs again in the same process, on a change to the
        # content, the theme or the settings: each run reads calendar.yaml and the clock again, and what it
        # shows and writes is its own.
        if state.plan_run is not None:
            state.plan_run.stop()
        if state.journal is not None:
            state.journal.close(remove=False)
        earlier, state = state, _start(pelican.settings, state.runs)
        state.delete_output = earlier.delete_output
    state.plan_run = PlanRun.start(state, state.processes)
    state.link_in_bio = None
    # The link-in-bio page is written before the plan's generator moves the staged pages into output/.
    return (LinkInBioGenerator, PlanGenerator) if state.calendar.link_in_bio is not None else PlanGenerator


def get_writer(pelican: Any) -> Any:
    """Pelican's writer, writing the pages aside until all are written (staging.StagingWriter)."""
    if not enabled(pelican.settings):
        return None
    from edcal.pelican_plugin.staging import StagingWriter

    return StagingWriter


def on_finalized(pelican: Any) -> None:
    if not enabled(pelican.settings):
        return
    from pathlib import Path

    from edcal.errors import InputError
    from edcal.files import give_away, give_bytecode_away, output_owner
    from edcal.outputs import PublishError, publish_into, swap_in
    from edcal.pelican_plugin.worker import Staged

    state = state_of(pelican.settings)
    if state.plan_run is None or state.summary is None:
        return  # the build stopped before the plan's verdict
    message: Staged | None = state.staged
    assert message is not None  # the plan's generator waited for it, before the blog went into output/
    state.warnings = list(message.warnings)
    for warning in state.warnings:
        logger.info("%s", spoken(warning))
    planning_owner = output_owner(state.planning_path.resolve())  # the replaced folder's: asked before
    swap_in(message.staging, state.planning_path)
    give_away(state.planning_path.resolve(), planning_owner)  # `sudo edcal build`: still the team's
    state.plan_run.stop()
    calendar = state.calendar
    try:
        sections: dict[str, FeedSettings | PlanningSettings | AmbassadorSettings] = {
            "feeds": calendar.feeds, "planning": calendar.planning, "ambassadors": calendar.ambassadors}
        publish_into([(name, section.publish) for name, section in sections.items()], state.planning_path,
                     Path(pelican.output_path))
    except PublishError as exc:
        where = sections[exc.section].publish_source or calendar.source
        hint = say("choose a folder name the blog does not use, e.g. publish: calendars-7f3a9c")
        abort(InputErrors([InputError(where, message_of(exc), hint)],
                          outcome=say("output/ and planning/ were written, the published folder was not")),
              pelican.settings)
    from edcal.pelican_plugin.sweep import sweep_output

    sweep = state.sweep = sweep_output(pelican.settings, state)
    output = Path(pelican.settings["OUTPUT_PATH"]).resolve()
    give_away(output, output_owner(output))  # once the sweep's manifest is written: the team's, all of it
    give_bytecode_away()  # the settings' and the site's plugins', compiled before the plugin was loaded
    for path in sweep.removed:
        logger.info("removed output/%s: an earlier build wrote it, this one did not", path)
    for path in sweep.cleared:
        logger.info("removed output/%s: this build did not write it (DELETE_OUTPUT_DIRECTORY)", path)
    if pelican.settings.get(RAISE_SETTING):
        return  # edcal build says the rest in its summary
    for failure in sweep.failed:
        logger.warning("could not remove output/%s, which this build did not write", failure)
    if sweep.unknown:
        logger.warning("output/ holds %d file(s) that no edcal build wrote (%s): left alone; remove them "
                       "(files at the top of output/ can be named in OUTPUT_RETENTION)", len(sweep.unknown),
                       ", ".join(sweep.unknown[:3]))
