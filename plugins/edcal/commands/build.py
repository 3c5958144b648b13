"""``edcal build``: the blog into output/, the plan into planning/, through Pelican."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edcal.checks import Finding
from edcal.errors import InputError, InputErrors
from edcal.i18n import say, say_count, say_list, spoken
from edcal.load.calendar_files import DEFAULT_SETTINGS
from edcal.model.source import Source
from edcal.pelican_plugin import RAISE_SETTING
from edcal.pelican_plugin.checking import CHECK_SETTING
from edcal.pelican_plugin.state import BuildState, detach_state, find_state
from edcal.plan.summary import PlanSummary
from edcal.site import pelican_logging, pelican_settings, unloadable_plugins

#: Rules about the settings a build reads (``-s publishconf.py``): the build shows their findings in full, as
#: `edcal check` reads pelicanconf.py and may not find them; it counts the others.
SHOWN_RULES = ("placeholder-site-url", "theme-copy", "theme-override")


@dataclass(frozen=True, slots=True)
class BuildResult:
    plan: PlanSummary
    output: Path
    planning: Path
    warnings: tuple[str, ...] = ()
    #: How many other findings the checks found: warnings, and errors too in a build with ``--no-check``
    #: (else they stop it).
    findings: int = 0
    #: How many of ``findings`` are errors (``--no-check``).
    errors: int = 0
    #: What let those errors through: ``--no-check``, or the setting ``EDCAL_CHECK = False``.
    checks_off: str = "--no-check"
    #: The checks' warnings the build shows in full (those of SHOWN_RULES).
    shown: tuple[Finding, ...] = ()
    #: What the end of the build did in output/ (sweep.Sweep), when it ran.
    sweep: Any = None


def build(site: Path, settings_file: str, verbosity: int = 0, check: bool = True) -> BuildResult:
    """Run Pelican with the edcal plugin on ``site``.

    :param site: the site's folder.
    :param settings_file: Pelican settings, relative to ``site`` (pelicanconf.py, publishconf.py).
    :param verbosity: -1 quiet, 0 normal, 1 verbose.
    :param check: stop on the checks' errors (``--no-check`` turns it off).
    :raises InputErrors: when the settings cannot be read.
    :raises ChecksFailed: when the checks find errors (and ``check`` is on).
    """
    from pelican import Pelican

    level = {-1: logging.ERROR, 0: logging.WARNING}.get(verbosity, logging.INFO)
    pelican_logging(level, quiet=verbosity < 0)
    # --no-check turns the checks off; without it, pelicanconf.py's EDCAL_CHECK = False still counts.
    overrides: dict[str, Any] = {RAISE_SETTING: True}
    if not check:
        overrides[CHECK_SETTING] = False
    settings = pelican_settings(site, settings_file, overrides=overrides)
    unloadable = [error for _plugin, _exc, error in unloadable_plugins(settings)]
    if unloadable:
        raise InputErrors(unloadable, outcome=say("output/ and planning/ were left as they were"))
    from pelican.writers import FileOverwriteFailedError

    from edcal.errors import located_template_errors

    theme = located_template_errors(
        site, say("fix the theme's template (a missing include, an unclosed tag, an unknown filter)"),
        outcome=say("output/ and planning/ were left as they were"))
    import pelican as pelican_module

    console = pelican_module.console
    if verbosity <= 0:
        pelican_module.console = _WithoutPelicanSummary(console)
    try:
        with theme:  # the blog's theme, as the planning's templates are: a located error, no traceback
            pelican = Pelican(settings)
            pelican.run()
    except FileOverwriteFailedError as exc:  # a clash edcal.pelican_plugin.collisions does not foresee
        raise InputErrors([InputError(Source("OUTPUT_PATH", 1), say("two outputs have one path: {reason}",
                                                                    reason=str(exc)),
                                      say("give one of them another slug, or another *_SAVE_AS setting"))],
                          outcome=say("output/ and planning/ were left as they were")) from None
    finally:
        pelican_module.console = console
        state: BuildState | None = find_state(settings)
        if state is not None and state.plan_run is not None:
            state.plan_run.stop()  # a failed build's worker must not outlive it
        if state is not None and state.sweep is None:
            from edcal.pelican_plugin.sweep import note_failed_build

            note_failed_build(settings, state)  # what it wrote is edcal's to remove later
        detach_state(settings)  # the registry keeps no state of a build that is over
    assert state is not None and state.summary is not None
    shown = tuple(finding for finding in state.findings if finding.rule in SHOWN_RULES)
    return BuildResult(state.summary, Path(settings["OUTPUT_PATH"]), state.planning_path,
                       tuple(state.warnings), findings=len(state.findings) - len(shown), shown=shown,
                       sweep=state.sweep,
                       errors=sum(1 for f in state.findings if f.severity == "error" and f not in shown),
                       checks_off="--no-check" if not check else f"{CHECK_SETTING} = False")


def summary(result: BuildResult, site: Path, settings_file: str = DEFAULT_SETTINGS) -> list[str]:
    """What a person wants to know after a build, in a few lines, in the language the command speaks.

    :param settings_file: the settings the build read: the check that lists its findings reads the same
        (``edcal check -s publishconf.py``).
    """
    plan = result.plan
    kinds, statuses, networks = plan.kinds, plan.articles, plan.networks

    def rel(path: Path) -> str:
        try:
            return path.resolve().relative_to(site.resolve()).as_posix() + "/"
        except ValueError:
            return str(path)

    def say_(template: str, **values: Any) -> str:
        return spoken(say(template, **values))

    out, planning = rel(result.output), rel(result.planning)
    article_bits = ", ".join(say_("{count} {status}", count=count, status=say(status))
                             for status, count in sorted(statuses.items()))
    published = say_count(statuses.get("published", 0), "blog: {count} published article -> {path}",
                          "blog: {count} published articles -> {path}", path=out)
    items = say_count(plan.items, "plan: {count} item -> {path}plan.json",
                      "plan: {count} items -> {path}plan.json", path=planning)
    # Those to come, as the check, the agenda and the pages count them (a freeze's past posts are history).
    frozen = say_count(plan.withheld_ahead, ", {count} post to come withheld by a freeze",
                       ", {count} posts to come withheld by a freeze")
    lines = [spoken(published), *_went_online(plan), spoken(items)]
    lines += [
        say_("  articles: {count} ({statuses})", count=kinds.get("article", 0),
             statuses=article_bits or say("none")),
        (say_("  posts: {count} on {networks} ({names})", count=plan.posts,
              networks=say_count(len(networks), "{count} network", "{count} networks"),
              names=", ".join(networks)) if plan.posts else say_("  posts: none yet"))
        + (spoken(frozen) if plan.withheld_ahead else ""),
    ]
    if plan.withheld_ahead:
        lines.append(spoken(say_count(
            plan.withheld_ahead,
            "  {count} post to come withheld by a freeze: not in {path}exports/; uploaded to a scheduler "
            "(Hootsuite) before the freeze, it would still go out there: pause it (the freeze's notice on "
            "{path}drafts/index.html names it)",
            "  {count} posts to come withheld by a freeze: not in {path}exports/; uploaded to a scheduler "
            "(Hootsuite) before the freeze, they would still go out there: pause them (the freeze's notice "
            "on {path}drafts/index.html names the first ones)", path=planning)))
    if plan.awaiting_ahead:
        lines.append(spoken(say_count(
            plan.awaiting_ahead,
            "  {count} post to come awaiting approval (status: review): not in {path}exports/ until approved",
            "  {count} posts to come awaiting approval (status: review): not in {path}exports/ until "
            "approved", path=planning)))
    lines += [
        say_("  ideas: {ideas}, deadlines: {deadlines}", ideas=kinds.get("idea", 0),
             deadlines=kinds.get("deadline", 0)),
        say_("drafts: {count} ({upcoming} upcoming, on the review pages) -> {path}drafts/, files for bulk "
             "schedulers -> {path}exports/", count=plan.drafted, upcoming=plan.upcoming, path=planning),
        say_("feeds: {path}calendar.ics and {path}calendars/; planning site: {path}index.html", path=planning)
        if plan.feeds_subscribable else  # the planning page's subscribe links need an address
        say_("feeds: {path}calendar.ics and {path}calendars/, which cannot be subscribed to until "
             "`planning: url:` is set in calendar.yaml; planning site: {path}index.html", path=planning),
        spoken(say_count(plan.shares, "ambassadors' page: {count} item to share -> {path}share/",
                         "ambassadors' page: {count} items to share -> {path}share/", path=planning)),
        *([spoken(say_count(plan.bio_links, "link-in-bio page: {count} link -> {path}{folder}/",
                            "link-in-bio page: {count} links -> {path}{folder}/", path=out,
                            folder=plan.bio_path))] if plan.bio_links is not None else []),
        *[say_("  left out of it: post '{id}', whose link {url} is the address of '{title}' in other "
               "capitals, {page}, which the web server answers 'not found': fix the link in its entry and "
               "build again", id=dead.post, url=dead.link, title=dead.title, page=dead.meant)
          if dead.meant else
          say_("  left out of it: post '{id}', whose link {url} opens no page the blog writes (no such "
               "article, page, tag or file): fix the link in its entry and build again", id=dead.post,
               url=dead.link)
          for dead in plan.bio_dead],
        *_heavy_feeds(result.planning, planning),
    ]
    check = "`edcal check`" if settings_file == DEFAULT_SETTINGS else f"`edcal check -s {settings_file}`"
    if result.errors:  # built with --no-check, or EDCAL_CHECK = False
        counts = say("{errors}, {warnings}",
                     errors=say_count(result.errors, "{count} error", "{count} errors"),
                     warnings=say_count(result.findings - result.errors, "{count} warning",
                                        "{count} warnings"))
        lines.append(say_("checks: {counts}, built all the same ({switch}): {check} lists them",
                          counts=counts, switch=result.checks_off, check=check))
    elif result.findings:
        lines.append(spoken(say_count(result.findings, "checks: {count} warning: {check} shows it",
                                      "checks: {count} warnings: {check} lists them", check=check)))
    if result.warnings:
        lines.append(spoken(say_count(
            len(result.warnings),
            "  {count} note on the Hootsuite files (a rule of Hootsuite's not confirmed, what to add after "
            "the upload): `edcal export hootsuite --network NETWORK -o FILE` shows it",
            "  {count} notes on the Hootsuite files (rules of Hootsuite's not confirmed, what to add after "
            "the upload): `edcal export hootsuite --network NETWORK -o FILE` shows them")))
    # The note `edcal export hootsuite` gives, for whoever uploads the build's file: its times are its
    # account's, which Hootsuite reads in the zone it is set to.
    from edcal.outputs.exports import HOOTSUITE_MAX_ROWS, zone_note
    lines += ["  " + say_("{file}: {note}", file=f"{planning}exports/hootsuite-{network}"
                          + ("-*.csv" if rows > HOOTSUITE_MAX_ROWS else ".csv"), note=zone_note(name, zone))
              for network, name, zone, rows in plan.zoned_exports]
    sweep = result.sweep
    if sweep is not None and sweep.removed:
        removed = say_count(len(sweep.removed),
                            "{path}: removed {count} file an earlier build wrote and this one did not "
                            "(`edcal build -v` names it)",
                            "{path}: removed {count} files an earlier build wrote and this one did not "
                            "(`edcal build -v` lists them)", path=out)
        lines.append(spoken(removed))
    if sweep is not None and sweep.cleared:
        cleared = say_count(len(sweep.cleared),
                            "{path}: removed {count} file no edcal build wrote ({files}), as "
                            "DELETE_OUTPUT_DIRECTORY asks",
                            "{path}: removed {count} files no edcal build wrote ({files}), as "
                            "DELETE_OUTPUT_DIRECTORY asks", path=out, files=_some(sweep.cleared))
        lines.append(spoken(cleared))
    if sweep is not None and sweep.unknown:
        top = all("/" not in path for path in sweep.unknown)
        unknown = len(sweep.unknown)
        retention = say_count(unknown, ", or name it in OUTPUT_RETENTION",
                              ", or name them in OUTPUT_RETENTION")
        left = say_count(unknown,
                         "{path}: left alone {count} file that no edcal build wrote ({files}): remove it",
                         "{path}: left alone {count} files that no edcal build wrote ({files}): remove them",
                         path=out, files=_some(sweep.unknown))
        lines.append(spoken(left) + (spoken(retention) if top else ""))
    if sweep is not None and sweep.failed:
        lines.append(say_("{path}: could not remove {files}", path=out, files=_some(sweep.failed)))
    return lines


#: How many of the articles that went online by their date the summary names.
WENT_ONLINE_SHOWN = 3


def _went_online(plan: PlanSummary) -> list[str]:
    """The articles online by their own date since the sources last changed: what a scheduled build (no
    commit since) published, named in its log."""
    if not plan.went_online or plan.revised is None:
        return []
    names = [spoken(say("'{title}' ({when:%Y-%m-%d %H:%M})", title=title, when=when))
             for title, when in plan.went_online[:WENT_ONLINE_SHOWN]]
    more = len(plan.went_online) - WENT_ONLINE_SHOWN
    if more > 0:
        names.append(spoken(say_count(more, "{count} other", "{count} others")))
    return [spoken(say_count(len(plan.went_online),
                             "  {count} online by its date since the sources last changed "
                             "({since:%Y-%m-%d %H:%M}): {names}",
                             "  {count} online by their dates since the sources last changed "
                             "({since:%Y-%m-%d %H:%M}): {names}",
                             since=plan.revised, names=", ".join(names)))]


def _heavy_feeds(planning: Path, shown: str) -> list[str]:
    """The feeds too heavy for Google Calendar, each with its size and events, and what to subscribe to
    instead: a plan of thousands of posts makes calendar.ics megabytes, however short ``feeds: past:``."""
    from edcal.outputs._files import FEED_LIMIT_BYTES, heavy_feeds

    paths = [path.relative_to(planning).as_posix()
             for path in sorted(planning.glob("*.ics")) + sorted((planning / "calendars").rglob("*.ics"))]
    heavy = [say("{path} ({size:,.1f} MB, {events:,} events)", size=size, events=events, path=shown + path)
             for path, (size, events) in heavy_feeds(planning, paths).items()]
    if not heavy:
        return []
    return [spoken(say_count(
        len(heavy),
        "  {count} feed over {limit:,} MB, more than Google Calendar is known to read whole (a heavier "
        "subscription is reported to lose events, silently): {feeds}; subscribe to a network's, a person's "
        "or a campaign's feed instead, or keep fewer events in the feeds (`feeds: past:` for those gone by, "
        "`feeds: future:` for those to come)",
        "  {count} feeds over {limit:,} MB, more than Google Calendar is known to read whole (a heavier "
        "subscription is reported to lose events, silently): {feeds}; subscribe to a network's, a person's "
        "or a campaign's feed instead, or keep fewer events in the feeds (`feeds: past:` for those gone by, "
        "`feeds: future:` for those to come)",
        limit=FEED_LIMIT_BYTES / 1_000_000, feeds=_some(heavy)))]


def _some(paths: Sequence[str]) -> str:
    """At most three paths, and how many more (each path a message of its own, said in the team's words:
    "stuck/index.html (permission refusée)")."""
    if len(paths) <= 3:
        return say_list(paths)
    return say_count(len(paths) - 3, "{files} and {count} other", "{files} and {count} others",
                     files=say_list(paths[:3]))


class _WithoutPelicanSummary:
    """Pelican's console without its "Done: Processed 9 articles, 0 drafts…" line (``-v`` keeps it).

    Pelican counts what edcal lets it see: the drafts, articles in review and scheduled articles that
    edcal holds back are not among them, and its "0 drafts" sat above edcal's "1 draft". edcal's own
    summary says what was published and what was held back.
    """

    def __init__(self, console: Any) -> None:
        self._console = console

    def print(self, *objects: Any, **options: Any) -> None:
        if objects and isinstance(objects[0], str) and objects[0].startswith("Done: Processed"):
            return
        self._console.print(*objects, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._console, name)
