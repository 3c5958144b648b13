"""The ``edcal`` command line: thin click commands over :mod:`edcal.commands`.

Each command works on the site in the current folder, or on ``--site DIR``.
Exit codes: 0 fine; 1 ``check`` found errors; 2 invalid input or usage.
"""

from __future__ import annotations

import _thread
import contextlib
import functools
import gc
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from edcal import __version__
from edcal._console import EXIT_INTERRUPTED, interrupted_while_loading
from edcal._help import TranslatedHelp
from edcal.errors import EXIT_INPUT, InputErrors, report, show_paths_from, shown_path
from edcal.i18n import Message, say

F = TypeVar("F", bound=Callable[..., Any])

#: The cyclic garbage collector's first threshold for a command's run (Python's default is 700).
#: A plan of 10,000 posts is millions of objects that live until the command ends; with the
#: default, the collector walks them again and again (a tenth of `edcal check`'s time on
#: 1,000 articles + 10,000 posts, docs/performance.md). Young cycles are still collected.
GC_YOUNG_THRESHOLD = 50_000

#: edcal.outputs.exports.FORMATS, without importing the outputs for --help (a test keeps them equal).
EXPORT_FORMATS = ("hootsuite", "csv", "json")
#: `edcal init`'s SITEURL without --url: a name reserved for examples, which `placeholder-site-url` reports.
PLACEHOLDER_URL = "https://www.example.org"

EPILOG = ("Docs: docs/index.md in the edcal repository. "
          "Exit codes: 0 fine, 1 check found errors, 2 invalid input.")


def examples(*commands: str, label: str = "Examples:") -> str:
    """A command's epilog: ``label``, then its example commands, one a line as typed (click's ``\\b`` block
    keeps them whole, to copy; the label alone is translated, edcal._help)."""
    return "\n".join(["\b", label, *(f"  {command}" for command in commands)])


def _site_folder(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    """Without ``--site``, the current folder or the nearest one above it holding calendar.yaml.

    A writer in ``content/articles/`` runs ``edcal check`` where they are, as git does.
    """
    from click.core import ParameterSource

    from edcal.files import no_bytecode_in_others_folders

    site = value if ctx.get_parameter_source(param.name or "site") is not ParameterSource.DEFAULT \
        else nearest_site(value)
    # `blog/calendar.yaml:52:11` with --site blog, which the terminal opens; from content/articles/:
    # ../../calendar.yaml
    show_paths_from(site)
    no_bytecode_in_others_folders(str(site))  # as root in the team's site: no __pycache__ of root's there
    return site


def _settings_name(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``-s ''`` (a variable left empty in a script) said ":1:1: error:  not found in .": no name at all."""
    if not value.strip():
        from edcal.i18n import say

        raise click.BadParameter(say("found an empty name, expected a settings file such as publishconf.py"),
                                 ctx, param)
    return value


def nearest_site(default: Path) -> Path:
    """``default`` when the current folder holds calendar.yaml, else the nearest folder above it that does
    (``default`` when none does)."""
    here = Path.cwd()
    calendar = "calendar.yaml"  # load.calendar_files.CALENDAR_FILE, without importing the loader for --help
    if (here / calendar).is_file():
        return default
    return next((folder for folder in here.parents if (folder / calendar).is_file()), default)


def site_options(command: F) -> F:
    """``--site``, ``--settings``, ``-q`` and ``-v``, shared by every command."""
    command = click.option("--site", type=click.Path(file_okay=False, path_type=Path),
                           default=Path("."), show_default=False, callback=_site_folder,
                           help="The site's folder (holding calendar.yaml and pelicanconf.py; default: "
                                "this folder or the nearest one above it with a calendar.yaml).")(command)
    command = click.option("-s", "--settings", "settings_file", default="pelicanconf.py", metavar="FILE",
                           show_default=True, callback=_settings_name,
                           help="Pelican settings file, relative to the site (e.g. publishconf.py).")(command)
    command = click.option("-q", "--quiet", "verbosity", flag_value=-1,
                           help="Print errors only.")(command)
    command = click.option("-v", "--verbose", "verbosity", flag_value=1,
                           help="Print more about what is done.")(command)
    return command


#: Commands that only read the site: their errors do not say "nothing was written".
READ_ONLY = {"agenda", "next_change", "check", "diff"}


def input_errors_exit(command: F) -> F:
    """Invalid input is reported as ``path:line:col: error: …`` and exits 2, no traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputErrors as exc:
            if isinstance(kwargs.get("site"), Path):  # an option's error, before the site was read
                from edcal.site import speak_site_language

                speak_site_language(kwargs["site"], kwargs.get("settings_file") or "pelicanconf.py")
            report(exc, wrote_nothing=command.__name__ not in READ_ONLY,
                   listing=None if command.__name__ == "import_" else "edcal check --format json")
            sys.exit(EXIT_INPUT)

    return wrapper  # type: ignore[return-value]


def tell_input_errors(exc: InputErrors, fmt: str, site: Path, settings_file: str) -> NoReturn:
    """Bad input in the format asked of a command that writes nothing (``check``, ``diff``): a workflow's
    annotations, a script's JSON findings, else the text report; exit 2."""
    from edcal.checks import report as reports
    from edcal.site import speak_site_language

    speak_site_language(site, settings_file)  # an option's error (--only), found before the site was read
    if fmt == "json":
        click.echo(reports.input_errors_json(exc.errors), nl=False)
    elif fmt == "github":
        click.echo(reports.input_errors_github(exc.errors, reports.repository_folder(site)), nl=False)
    else:
        report(exc, wrote_nothing=False, listing="--format json")  # this command's, with its arguments
    sys.exit(EXIT_INPUT)


@contextlib.contextmanager
def progress(message: Message, verbosity: int | None, site: Path, settings_file: str) -> Iterator[None]:
    """A spinner on a terminal (never in CI logs or pipes, never with -q), in the site's language: its
    settings are read first for it ("Construction du blog et du plan…" on a French site, not English)."""
    if (verbosity or 0) < 0 or not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    from edcal.i18n import spoken
    from edcal.site import speak_site_language

    speak_site_language(site, settings_file)
    with Console(stderr=True).status(spoken(message)):
        yield


class EdcalCommand(TranslatedHelp, click.Command):
    """click's command, its help in the team's language (:mod:`edcal._help`), refusing an option of one
    value given twice: click keeps the last, and
    ``edcal move X --by +1d --by +2d`` moved by two days, ``export --network linkedin --network mastodon``
    exported Mastodon alone, without a word."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not ctx.resilient_parsing and not set(args) & set(ctx.help_option_names):  # --help wins
            try:
                _opts, _rest, order = self.make_parser(ctx).parse_args(args=list(args))
            except click.UsageError:
                order = []  # click says what is wrong, below
            seen: set[str | None] = set()
            for param in order:
                if isinstance(param, click.Option) and not (param.multiple or param.count or param.is_flag):
                    if param.name in seen:
                        from edcal.i18n import say

                        twice = click.UsageError(say("given more than once; it takes one value"), ctx)
                        twice.param = param  # type: ignore[attr-defined]  # named in the message, as click's
                        raise twice
                    seen.add(param.name)
        return super().parse_args(ctx, args)


class EdcalGroup(TranslatedHelp, click.Group):
    """click's group, with usage errors in edcal's ``--option: error: …`` form and Ctrl-C exiting 130,
    its help in the team's language (:mod:`edcal._help`).

    click prints its own "Usage: … Error: …" block and turns Ctrl-C into
    "Aborted!" with exit 1: a CI log or a script could not tell an interrupt
    from a failed check.
    """

    command_class = EdcalCommand

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        from edcal.i18n import LANG_VARIABLE, say, speak, unspoken_language

        speak(None)  # $EDCAL_LANG or English until the command reads the site, as in a process of its own
        unspoken = unspoken_language()
        if unspoken is not None:  # a CI job's `EDCAL_LANG=de` read English, or French, without a word
            click.echo("warning: " + say("{variable} is '{lang}', a language edcal does not speak (en, fr): "
                                         "messages are in the site's language", variable=LANG_VARIABLE,
                                         lang=unspoken), err=True)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        words = _site_options_after_command(self, list(sys.argv[1:] if args is None else args))
        command = next((word for word in words if word in self.commands), None)
        # A help page in the team's language, as a usage error is.
        if _asks_for_help(words, self.context_settings.get("help_option_names", ["--help"])):
            _speak_site_language(words)
            if command is None:  # `edcal --site ../blog --help`: edcal's page, in that site's language
                words = _without_site_options(words)
        with _ctrl_c_remembered() as pressed:
            try:
                code = super().main(words, prog_name, complete_var, False, **extra)
            except click.UsageError as exc:
                # No command ran: Ctrl-C while the site's language is learnt (60 ms) ends at once, as it does
                # while edcal loads (when it is ours to handle: not ignored, nor a program's own handler).
                if getattr(signal.getsignal(signal.SIGINT), "__module__", None) == __name__:
                    signal.signal(signal.SIGINT, interrupted_while_loading)
                if isinstance(exc, getattr(click.exceptions, "NoArgsIsHelpError", ())):  # `edcal` alone
                    exc.show()  # the help, as click prints it
                    sys.exit(EXIT_INPUT)
                from edcal._usage import usage_error

                if command is None and isinstance(exc, click.NoSuchOption) \
                        and exc.option_name in _site_option_names():
                    exc = click.UsageError("Missing command.")  # `edcal --site ../blog`: a known option
                _speak_site_language(words)
                early = _before_the_command(self, exc, words, command)
                # `edcal --days 3 agenda`: the command's options follow it, as click reads them
                click.echo(usage_error(exc, "edcal" + (f" {command}" if command else ""), early), err=True)
                sys.exit(EXIT_INPUT)
            except click.ClickException as exc:
                exc.show()
                sys.exit(exc.exit_code)
            except click.Abort as exc:  # click echoed a new line after the terminal's "^C"
                interrupted = isinstance(exc.__cause__, KeyboardInterrupt)
                click.echo("edcal: interrupted" if interrupted else "edcal: aborted", err=True)
                for note in getattr(exc.__cause__, "__notes__", ()):  # what was done already (move's files)
                    click.echo(f"note: {note}", err=True)
                sys.exit(EXIT_INTERRUPTED if interrupted else 1)
            except SystemExit:  # the command's own exit code (check's, move's, an input error's)
                if not pressed or command == "serve":
                    raise
            # A Ctrl-C Python swallowed (in a finalizer: "Exception ignored in …"); `serve` stops on one.
            if pressed and command != "serve":
                click.echo("edcal: interrupted", err=True)
                sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)  # --help and --version end with click's exit code


@contextlib.contextmanager
def _ctrl_c_remembered() -> Iterator[list[bool]]:
    """Ctrl-C raises KeyboardInterrupt as usual, and is remembered: one raised while Python runs a
    finalizer (``__del__``) or a fork's hook is printed as ignored, and the build went on to exit 0, a move
    to write its files. Such a one is raised again, once Python has said it: where the command is then."""
    pressed: list[bool] = []
    previous = signal.getsignal(signal.SIGINT)
    in_main_thread = threading.current_thread() is threading.main_thread()
    if previous not in (signal.default_int_handler, interrupted_while_loading) or not in_main_thread:
        yield pressed  # ignored (a background job), or someone else's handler
        return

    def interrupted(signum: int, frame: object) -> None:
        pressed.append(True)
        raise KeyboardInterrupt

    said = sys.unraisablehook

    def ignored(unraisable: Any) -> None:
        said(unraisable)  # "Exception ignored in …", as Python says it
        if unraisable.exc_type is None or not issubclass(unraisable.exc_type, KeyboardInterrupt):
            return
        if threading.current_thread() is not threading.main_thread():
            _thread.interrupt_main(signal.SIGINT)
            return
        # Raised from here, it would be ignored again: raised at the command's next call or return instead.
        hook = sys._getframe()

        def again(frame: Any, event: str, arg: Any) -> None:
            if frame is not hook:
                sys.setprofile(None)
                interrupted(signal.SIGINT, frame)

        sys.setprofile(again)

    signal.signal(signal.SIGINT, interrupted)
    sys.unraisablehook = ignored
    try:
        yield pressed
    finally:
        sys.unraisablehook = said
        signal.signal(signal.SIGINT, signal.default_int_handler)  # (the console script's, Python's then)


@functools.cache
def _site_option_names() -> dict[str, bool]:
    """The options :func:`site_options` gives every site command, and whether each takes a value."""
    probe = click.command()(site_options(lambda **_: None))
    return {name: not getattr(param, "is_flag", False) for param in probe.params for name in param.opts}


def _site_options_after_command(group: click.Group, words: list[str]) -> list[str]:
    """``edcal --site ../blog agenda`` read as ``edcal agenda --site ../blog``, as ``git -C`` is.

    Only the options shared by the site commands move, and only when the command has them; another
    option before the command stays before it, for click to report (with its own name).
    """
    shared = _site_option_names()
    moved: list[str] = []
    others: list[str] = []
    index = 0
    while index < len(words) and words[index] not in group.commands:
        word = words[index]
        name = word.split("=", 1)[0]
        takes = shared.get(name)
        if takes is None:
            others.append(word)
            index += 1
            continue
        step = 2 if takes and "=" not in word else 1
        moved += words[index:index + step]
        index += step
    if not moved or index >= len(words):
        return words
    command = words[index]
    names = {word.split("=", 1)[0] for word in moved if word.split("=", 1)[0] in shared}
    if not names <= {opt for param in group.commands[command].params for opt in param.opts}:
        return words  # `edcal --site x init`: init has no --site, click says so
    return [*others, command, *moved, *words[index + 1:]]


def _without_site_options(words: list[str]) -> list[str]:
    """The command line without the options :func:`site_options` gives every command (and their values)."""
    shared = _site_option_names()
    kept: list[str] = []
    index = 0
    while index < len(words) and words[index] != "--":
        name = words[index].split("=", 1)[0]
        if name in shared:
            index += 2 if shared[name] and "=" not in words[index] else 1
            continue
        kept.append(words[index])
        index += 1
    return kept + words[index:]


def _before_the_command(group: click.Group, exc: click.UsageError, words: list[str],
                        command: str | None) -> str | None:
    """The hint for a command's option written before the command (``edcal --days 3 agenda``), else None."""
    option = getattr(exc, "option_name", None)
    if not isinstance(exc, click.NoSuchOption) or not command or not option:
        return None
    typed = next((i for i, word in enumerate(words) if word == option or word.startswith(option + "=")), None)
    known = {name for param in group.commands[command].params for name in param.opts}
    if typed is None or typed > words.index(command) or option not in known:
        return None
    from edcal.i18n import say

    return say("options of a command go after it: edcal {command} {option} …", command=command, option=option)


def _asks_for_help(words: list[str], names: list[str]) -> bool:
    """Whether the command line shows a help page: ``--help`` (one of ``names``, before any ``--``), or
    ``edcal`` alone."""
    options = words[:words.index("--")] if "--" in words else words
    return not words or any(word in names for word in options)


def _speak_site_language(words: list[str]) -> None:
    """Learn the site's language for a usage error or a help page: click's come before any command reads
    the site.

    The site is the one the command would have worked on: ``--site DIR`` (and ``-s FILE``) when the
    command line gives them, else this folder or the nearest one above it with a calendar.yaml. Its
    settings are read as a command reads them; when they cannot be, the errors stay in ``$EDCAL_LANG``
    or English (docs/cli.md).
    """
    from edcal.load.calendar_files import DEFAULT_SETTINGS
    from edcal.site import speak_site_language

    given: dict[str, str] = {}
    for index, word in enumerate(words):
        if word == "--":
            break
        name, equals, value = word.partition("=")
        if name in ("--site", "-s", "--settings") and (equals or index + 1 < len(words)):
            given["-s" if name == "--settings" else name] = value if equals else words[index + 1]
    site = Path(given["--site"]) if "--site" in given else nearest_site(Path("."))
    speak_site_language(site, given.get("-s", DEFAULT_SETTINGS))


@click.group(cls=EdcalGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="edcal")
def cli() -> None:
    """Editorial calendar for a static site: the blog, the publishing schedule
    and per-network post drafts from Markdown articles and calendar.yaml."""
    gc.set_threshold(GC_YOUNG_THRESHOLD, 20, 100)  # before any command imports and loads anything
    show_paths_from(None)  # until a command's site is known (`init`'s paths are its own)
    if os.environ.get("NO_COLOR"):  # https://no-color.org: rich's output (agenda) follows it by itself
        click.get_current_context().color = False


@cli.command(epilog=examples("edcal build --site . -s publishconf.py", label="Example:"))
@site_options
@click.option("--no-check", is_flag=True, help="Build even when checks find errors (emergencies only).")
@input_errors_exit
def build(site: Path, settings_file: str, verbosity: int | None, no_check: bool) -> None:
    """Build the blog into output/ and the team's plan into planning/.

    Runs Pelican with the edcal plugin: plain `pelican content` gives the
    same result. Drafts, articles in review, future-dated and withheld
    articles never reach output/. The checks' errors stop the build before
    anything is written (exit 1), unless --no-check.
    """
    from edcal.checks import report as reports
    from edcal.commands.build import build as run_build
    from edcal.commands.build import summary
    from edcal.i18n import say, spoken
    from edcal.pelican_plugin.checking import ChecksFailed
    from edcal.pelican_plugin.worker import WorkerStopped

    try:
        with progress(say("Building the blog and the plan…"), verbosity, site, settings_file):
            result = run_build(site, settings_file, verbosity or 0, check=not no_check)
    except WorkerStopped as stopped:
        click.echo(f"edcal: error: {stopped}", err=True)
        sys.exit(1)
    except ChecksFailed as failed:
        shown = [f for f in failed.findings if f.severity == "error" or (verbosity or 0) >= 0]  # -q: errors
        click.echo(reports.text(shown, style=click.style, summary=failed.findings), err=True, nl=False)
        click.echo("edcal: " + spoken(say("the checks found errors; nothing was written (fix them, or build "
                                          "with --no-check in an emergency)")), err=True)
        sys.exit(reports.EXIT_FINDINGS)
    if (verbosity or 0) >= 0:
        if result.shown:
            click.echo("\n".join(reports.finding_lines(result.shown, style=click.style)), err=True)
        for line in summary(result, site, settings_file):
            click.echo(line)


#: The options of `edcal check` that say how to run the rules, which `--list` runs none of.
_RUN_OPTIONS = {"fmt": "--format", "strict": "--strict", "only": "--only", "since": "--since",
                "until": "--until", "summary": "--summary"}


@cli.command(epilog=examples("edcal check", "edcal check --format github --strict",
                             "edcal check --only text-too-long --until 2027-03-31"))
@site_options
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="text for people, json for scripts, github for workflow annotations.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--only", multiple=True, metavar="RULE", help="Run only this rule (repeatable; or RULE,RULE).")
@click.option("--since", metavar="DATE", help="Check items from this date or instant (default: now).")
@click.option("--until", metavar="DATE", help="Check items up to the end of this day (or this instant).")
@click.option("--summary", is_flag=True,
              help="Print the counts by rule, with what each rule finds, not the findings (text format).")
@click.option("--list", "list_rules", is_flag=True, help="List the rules and exit.")
def check(site: Path, settings_file: str, verbosity: int | None, fmt: str, strict: bool,
          only: tuple[str, ...], since: str | None, until: str | None, summary: bool,
          list_rules: bool) -> None:
    """Check the plan: lengths, media, links, cadence, flooding, freezes, holidays…

    Reads calendar.yaml and the articles' metadata (no Markdown rendering) and
    runs every rule of docs/checks.md on what is still to come. Exit codes:
    0 no errors, 1 errors (or warnings with --strict), 2 invalid input.
    """
    from edcal.checks import all_rules
    from edcal.checks import report as reports
    from edcal.commands.check import check as run_check

    if list_rules:
        from click.core import ParameterSource

        from edcal.i18n import say_count, spoken
        from edcal.site import speak_site_language

        context = click.get_current_context()
        given = [option for name, option in _RUN_OPTIONS.items()
                 if context.get_parameter_source(name) is not ParameterSource.DEFAULT]
        speak_site_language(site, settings_file)  # the descriptions in the team's language
        if given:  # a script asking for JSON would read text; `--only` would seem to list one rule
            raise click.UsageError(spoken(say_count(
                len(given), "--list lists the rules and runs none: {options} means nothing with it",
                "--list lists the rules and runs none: {options} mean nothing with it",
                options=", ".join(given))))
        rules = all_rules().values()
        width = max(len(rule.id) for rule in rules)  # the ids in one column, however long the longest
        for rule in rules:  # the severity as `checks:` takes it, in every language
            click.echo(f"{rule.id:{width}} {rule.severity:8} {spoken(say(rule.title))}")
        return
    if summary and fmt != "text":  # a script reads the counts by rule from the JSON's summary
        raise click.UsageError(say("--summary is for the text format: the JSON's `summary` holds the counts "
                                   "by rule"))
    pelican = logging.getLogger("pelican")
    level = pelican.level
    if (verbosity or 0) < 0:  # -q, for pre-commit hooks: silent on Pelican's warnings too
        pelican.setLevel(logging.ERROR)
    try:
        findings = run_check(site, settings_file, only, since, until)
    except InputErrors as exc:
        tell_input_errors(exc, fmt, site, settings_file)
    finally:
        pelican.setLevel(level)  # commands run in one process in tests and `edcal serve`
    if fmt == "json":
        click.echo(reports.as_json(findings, strict), nl=False)
    elif fmt == "github":
        click.echo(reports.github(findings, reports.repository_folder(site)), nl=False)
    elif summary:
        titles = {rule.id: rule.title for rule in all_rules().values()}
        if (verbosity or 0) >= 0 or reports.exit_code(findings, strict):  # -q: nothing when the run passes
            click.echo(reports.summary_text(findings, titles), nl=False)
    elif (verbosity or 0) >= 0:
        click.echo(reports.text(findings, style=click.style), nl=False)
    else:  # -q: what fails the run only (errors; warnings too under --strict), with the whole summary
        failing = [f for f in findings if f.severity == "error" or strict]
        if failing:
            click.echo(reports.text(failing, style=click.style, summary=findings), nl=False)
    sys.exit(reports.exit_code(findings, strict))


@cli.command(epilog=examples("edcal serve --port 8080", label="Example:"))
@site_options
@click.option("--bind", default="127.0.0.1", show_default=True, metavar="ADDRESS",
              help="Address to listen on (any but a loopback one serves the team's plan to the network).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, metavar="PORT",
              help="Port (0: any free port).")
@click.option("--no-watch", is_flag=True, help="Do not rebuild on change.")
@input_errors_exit
def serve(site: Path, settings_file: str, verbosity: int | None, bind: str, port: int,
          no_watch: bool) -> None:
    """Build, then serve the blog at / and the team's plan at /planning/ on localhost.

    Rebuilds when content/, calendar.yaml, calendar.d/, themes/ or the
    settings change. A failed rebuild is reported; the previous files stay.
    """
    from edcal.commands.serve import serve as run_serve
    from edcal.pelican_plugin.state import planning_path
    from edcal.site import pelican_settings

    settings = pelican_settings(site, settings_file)
    planning = planning_path(settings, site)
    quiet = (verbosity or 0) < 0

    def say_line(line: str) -> None:
        click.echo(line, err=True)

    run_serve(site.resolve(), settings_file, Path(settings["OUTPUT_PATH"]), planning.resolve(), bind,
              port, not no_watch, (lambda line: None) if quiet else say_line, verbose=(verbosity or 0) > 0,
              warn=say_line)


@cli.command(epilog=examples("edcal agenda", "edcal agenda --days 60 --network linkedin",
                             "edcal agenda --owner camille",
                             "edcal agenda --since 2027-02-01 --until 2027-02-28"))
@site_options
@click.option("--days", type=click.IntRange(1, 3660), default=14, show_default=True, metavar="N",
              help="How many days to show, today (or the --since day) included; without --days, a --since "
              "in the past shows up to 14 days from today.")
@click.option("--network", metavar="ID", help="Only this network's posts.")
@click.option("--owner", metavar="ID",
              help="Only what this person owns (a team id), and the posts of someone away they stand in for.")
@click.option("--campaign", metavar="ID", help="Only this campaign's items.")
@click.option("--since", metavar="DATE",
              help="From this date or date-time (ISO 8601; default: now), past ones included.")
@click.option("--until", metavar="DATE",
              help="Up to this date (included) or date-time (ISO 8601) rather than --days.")
@click.option("--ids", is_flag=True, help="Show each item's id, as edcal move selects it.")
@input_errors_exit
def agenda(site: Path, settings_file: str, verbosity: int | None, days: int, network: str | None,
           owner: str | None, campaign: str | None, since: str | None, until: str | None, ids: bool) -> None:
    """Show what is coming: posts, articles, deadlines, as a table per day.

    Times are in the site's zone; today is highlighted. "Now" is the clock,
    or EDCAL_NOW.
    """
    from click.core import ParameterSource
    from rich.console import Console

    from edcal.commands.agenda import agenda as show

    days_given = click.get_current_context().get_parameter_source("days") is ParameterSource.COMMANDLINE
    if until is not None and days_given:
        from edcal.errors import InputError, InputErrors
        from edcal.i18n import say
        from edcal.model.source import Source

        raise InputErrors([InputError(Source("--days", 1, 1), say("found both --days and --until, which both "
                                                                  "set where the agenda ends"),
                                      say("keep one of them"))])
    show(site, settings_file, days, network, owner, campaign, Console(highlight=False), since, until, ids,
         days_given)


@cli.command(epilog=examples('edcal init my-blog --name "The Durand Joinery blog" '
                             '--url https://blog.durand-joinery.co.uk', label="Example:"))
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", "site_name", default=None, metavar="NAME",
              help="The site's name [default: 'Mon blog', 'My blog' in English].")
@click.option("--url", "site_url", default=PLACEHOLDER_URL, metavar="URL",
              help="The public site's address (SITEURL: the links in posts, the sitemap and the feeds are "
                   f"built from it) [default: {PLACEHOLDER_URL}, a placeholder edcal check warns about until "
                   "pelicanconf.py says the real address].")
@click.option("--timezone", default=None, metavar="ZONE",
              help="IANA time zone [default: the computer's (TZ, /etc/localtime) unless --country names "
                   "another country; else the --country's (GB: Europe/London; its main one where it has "
                   "several); on a computer on UTC, the country of LC_ALL or LANG (en_GB.UTF-8: "
                   "Europe/London); else Europe/Paris for a French site, and --lang en asks for --country].")
@click.option("--lang", type=click.Choice(["fr", "en"]), default=None,
              help="The site's language: its sample articles, calendar.yaml's comments, the theme's words "
                   "[default: fr where French is spoken (Europe/Paris, Europe/Brussels…) or for a zone "
                   "without a country (UTC), else en].")
@click.option("--country", default=None, metavar="CODE",
              help="Country whose public holidays the checks know (ISO code) [default: the time zone's].")
@click.option("-q", "--quiet", "verbosity", flag_value=-1, help="Print errors only.")
@click.option("-v", "--verbose", "verbosity", flag_value=1, help="Print the files written.")
@input_errors_exit
def init(folder: Path, site_name: str | None, site_url: str, timezone: str | None, lang: str | None,
         country: str | None, verbosity: int | None) -> None:
    """Create a new site repository in FOLDER, with a small working sample.

    It holds calendar.yaml, an article, a page, pelicanconf.py and
    publishconf.py (the theme is edcal's own, with an overrides/ folder for the
    site's changes to it): `edcal build` works in it at once. Beside articles
    already in FOLDER's content/ (from pelican-import) it writes no sample
    article or page.
    FOLDER may be a new clone (.git, a LICENSE; its README.md and .gitignore
    are kept and added to); a folder holding another file init writes is refused.
    A Pelican blog (FOLDER holds pelicanconf.py) adopts edcal in place: init
    writes only the files it lacks and says what remains to change by hand.
    """
    if (folder / "pelicanconf.py").is_file():
        from edcal.commands.adopt import adopt_site, report
        from edcal.i18n import speak, spoken

        adoption = adopt_site(folder, timezone, lang, country, site_name,
                              None if site_url == PLACEHOLDER_URL else site_url)
        speak(adoption.lang)
        if (verbosity or 0) > 0:
            for path in [*adoption.written, *adoption.extended]:
                click.echo(path.as_posix())
        if (verbosity or 0) >= 0:
            for line in report(adoption, folder):
                click.echo(spoken(line))
        return

    from edcal.commands.init import creation_report, init_site, new_site_defaults
    from edcal.i18n import speak, spoken

    defaults = new_site_defaults(site_name, timezone, lang, country, os.environ, str(folder))
    speak(defaults.spoken)  # the new site's team reads what follows, its refusals too ($EDCAL_LANG aside)
    site = init_site(folder, defaults.name, site_url, defaults.timezone, defaults.lang, country)
    if (verbosity or 0) > 0:
        for path in site.written:
            click.echo(path.as_posix())
    if (verbosity or 0) >= 0:
        for line in creation_report(site, folder, site_url, defaults):
            click.echo(spoken(line))


@cli.command(epilog=examples('edcal new "Our apprentices in the spotlight" --date "2027-02-02 09:00" '
                             '--author "Sophie Benali" --category "The workshop" '
                             '--tags apprenticeship,hiring', label="Example:"))
@click.argument("title")
@site_options
@click.option("--date", metavar="'YYYY-MM-DD HH:MM'", help="Publication date and time (none: a draft).")
@click.option("--author", "authors", multiple=True, metavar="NAME",
              help="Author's name, as the page shows it; repeated for several.")
@click.option("--category", metavar="NAME", help="Category.")
@click.option("--tags", multiple=True, metavar="TAGS", help="Tags, comma-separated or repeated.")
@click.option("--slug", metavar="SLUG", help="URL name and file name (default: from the title).")
@input_errors_exit
def new(title: str, site: Path, settings_file: str, verbosity: int | None, date: str | None,
        authors: tuple[str, ...], category: str | None, tags: tuple[str, ...], slug: str | None) -> None:
    """Create an article with a valid header (in the style of the blog's articles), named after its slug.

    Without --date it is a draft; with a future date it is scheduled.
    """
    from edcal.commands.new import new_article
    from edcal.i18n import spoken

    path = new_article(site, settings_file, title, date, authors, category, tags, slug,
                       warn=None if (verbosity or 0) < 0 else
                       lambda message: click.echo("warning: " + spoken(message), err=True))
    if (verbosity or 0) >= 0:
        # From the current folder, as the errors' paths: `$EDITOR "$(edcal new --site blog …)"` opens it.
        click.echo(shown_path(path.resolve().relative_to(site.resolve()).as_posix()))


@cli.command(epilog=examples("edcal diff", "edcal diff main...", "edcal diff main..feature",
                             'edcal diff origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"'))
@click.argument("revision", default="HEAD")
@click.argument("target", required=False)
@site_options
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "github"]), default="text",
              show_default=True, help="text for people, markdown for a pull request, json for scripts, "
                                      "github for workflow annotations (a warning at each post put in the "
                                      "past).")
@click.option("--all", "everything", is_flag=True, help="Compare past items too.")
@input_errors_exit
def diff(revision: str, target: str | None, site: Path, settings_file: str, verbosity: int | None, fmt: str,
         everything: bool) -> None:
    """Show what changed in the plan since REVISION, or from REVISION to TARGET.

    REVISION is a git branch, tag or commit (default HEAD); main... compares from where your branch
    left main, as a pull request does. From REVISION to TARGET: main..feature, or main feature;
    main...feature compares from where feature left main.

    Posts, articles, ideas, deadlines, key dates and freeze windows added,
    removed or changed (date, status, text and its length, network, link,
    images, owner, campaign), read from the site at REVISION and as it is
    now (or at TARGET, both from git), at the same "now". Only items still
    to come, unless --all. Exit code 0 whether or not anything changed.
    """
    from edcal.commands.diff import diff as compare
    from edcal.i18n import spoken

    try:
        with progress(say("Reading the plan twice…"), verbosity, site, settings_file):
            output, notes = compare(site, settings_file, revision, fmt, everything, target)
    except InputErrors as exc:
        tell_input_errors(exc, fmt, site, settings_file)
    click.echo(output, nl=False)
    if (verbosity or 0) >= 0:
        for note in notes:
            click.echo(spoken(note), err=True)


@cli.command(epilog=examples("edcal move --since 2027-01-18 --until 2027-01-22 --by '+7 days'",
                             "edcal move salon-industrie --by '+1 week' --dry-run",
                             "edcal move voeux-2027 --to 2027-01-06",
                             "edcal move --campaign salon-industrie-2027 --network linkedin --by -2d"))
@click.argument("ids", nargs=-1, metavar="[ID]...")
@site_options
@click.option("--since", metavar="YYYY-MM-DD", help="Select items from this day on.")
@click.option("--until", metavar="YYYY-MM-DD", help="Select items up to this day (included).")
@click.option("--network", "networks", multiple=True, metavar="ID",
              help="Select posts on this network (repeat for several).")
@click.option("--campaign", metavar="ID", help="Select items of this campaign.")
@click.option("--owner", metavar="ID", help="Select items of this person.")
@click.option("--withheld", is_flag=True,
              help="Select the posts a lifted freeze withheld that never went out, their time gone.")
@click.option("--by", metavar="OFFSET", help="Move by days, weeks or months: '+7 days', -2d, '+1 week'.")
@click.option("--to", metavar="YYYY-MM-DD", help="Move so that the selection's first day becomes this day.")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@input_errors_exit
def move(ids: tuple[str, ...], site: Path, settings_file: str, verbosity: int | None, since: str | None,
         until: str | None, networks: tuple[str, ...], campaign: str | None, owner: str | None,
         by: str | None, to: str | None, dry_run: bool, withheld: bool) -> None:
    """Move items still to come by days, weeks or months, rewriting their dates where they are written.

    Select by ID (a post entry's or item's id, an article's slug, an idea's
    or a deadline's id, a key date's id: edcal agenda --ids shows them), by
    days (--since/--until), by --network, --campaign or --owner; filters
    combine. Posts' at:, articles' date:, ideas' publish: and
    deadlines move; promotions follow their article, posts written relative
    to a key date follow it. The site is read again as the move leaves it
    before anything is written, and the plan's changes are shown. Exit code
    1 when some selected items could not be moved (the others were), or
    when the move brings errors of edcal check (a post before its article).
    """
    from edcal.commands.move import move as run

    with progress(say("Moving…"), verbosity, site, settings_file):
        outcome = run(site, settings_file, ids, since, until, networks, campaign, owner, by, to, dry_run,
                      withheld)
    if (verbosity or 0) >= 0 or outcome.code:
        click.echo(outcome.text, nl=False)
    sys.exit(outcome.code)


#: --delimiter's values: the character, or its name.
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "comma": ",", "semicolon": ";"}


@cli.command("import", epilog=examples("edcal import planning-mars.csv --dry-run",
                                       "edcal import hootsuite.csv --network linkedin --campaign salon-2027",
                                       "edcal import export.csv --encoding cp1252 --skip-column Likes"))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@site_options
@click.option("--into", metavar="calendar.d/NAME.yaml",
              help="The file to write (default: calendar.d/ and the CSV file's name).")
@click.option("--network", "networks", multiple=True, metavar="ID",
              help="The network of rows that name none (repeat for several).")
@click.option("--campaign", metavar="ID", help="The campaign of rows that name none.")
@click.option("--owner", metavar="ID", help="Who is in charge of rows that name no one.")
@click.option("--status", metavar="STATUS",
              help="The status of rows that give none: draft (brouillon…), review (à valider…) or scheduled "
                   "(prêt…; the default).")
@click.option("--date-order", type=click.Choice(["dmy", "mdy"]),
              help="How 02/03/2027 reads: dmy (2 March) or mdy (February 3); default: dmy, mdy for a site "
                   "in the United States.")
@click.option("--encoding", metavar="ENCODING",
              help="The file's encoding (default: UTF-8; cp1252 for Excel's CSV on Windows).")
@click.option("--delimiter", type=click.Choice(sorted(DELIMITERS)),
              help="The separator of cells (default: what the first line uses: comma, semicolon or tab).")
@click.option("--skip-column", "skipped", multiple=True, metavar="NAME",
              help="Leave out a column, by its name or its letter (repeat for several).")
@click.option("--past", type=click.Choice(["skip", "log"]),
              help="Rows whose time has passed: skip (leave them out) or log (import them, and log those "
                   "marked published or cancelled under posted:); default: refused.")
@click.option("--dry-run", is_flag=True,
              help="Show what would be imported; write nothing (also over an earlier import's file).")
@input_errors_exit
def import_(file: Path, site: Path, settings_file: str, verbosity: int | None, into: str | None,
            networks: tuple[str, ...], campaign: str | None, owner: str | None, status: str | None,
            date_order: str | None, encoding: str | None, delimiter: str | None, skipped: tuple[str, ...],
            past: str | None, dry_run: bool) -> None:
    """Import posts planned in a spreadsheet (CSV) into a new calendar.d/ file.

    One row, one post: columns named date (and time), network, text, link,
    article, image, alt, title, id, campaign, owner, status or promotional,
    in English or in French (date, heure, réseau, texte, lien, visuel,
    campagne, responsable, statut…). A Hootsuite bulk file (date, message,
    link; no header row) needs --network. The site is read with the new
    file before it is written: an error is shown at its cell, and nothing
    is written. Rows planned already are errors too, and so are rows past
    unless --past says what becomes of them. Exit code 1 when the checks
    find errors the imported posts bring (they are written).
    """
    from edcal.commands.import_ import import_posts
    from edcal.load.spreadsheet import ImportOptions

    options = ImportOptions(networks=networks, campaign=campaign, owner=owner, status=status,
                            date_order=date_order, skipped_columns=skipped)
    with progress(say("Importing…"), verbosity, site, settings_file):
        outcome = import_posts(site, settings_file, file, into, options, encoding,
                               DELIMITERS[delimiter] if delimiter else None, dry_run, past)
    if (verbosity or 0) >= 0 or outcome.code:
        click.echo(outcome.text, nl=False)
    sys.exit(outcome.code)


@cli.command("next-change",
             epilog=examples('edcal next-change --after "$LAST_DEPLOY"', label="Example, in CI:"))
@site_options
@click.option("--after", metavar="ISO8601", help="Look for changes after this instant (default: now).")
@click.option("--planning", "team", is_flag=True,
              help="Count the changes of planning/ (its feeds and pages) too, as if it were published: for "
                   "a team that serves it from its own server.")
@input_errors_exit
def next_change(site: Path, settings_file: str, verbosity: int | None, after: str | None, team: bool) -> None:
    """Print when the public site will next change by itself (ISO 8601).

    That is when a scheduled article goes live, or a freeze holding articles
    back ends. Prints nothing (and exits 0) when no change is planned; on a
    terminal, a note says so. With --after, a printed instant that is already
    past means a rebuild is due.
    """
    from edcal.commands.next_change import next_change as find

    moment = find(site, settings_file, after, planning=team)
    if moment is not None:
        click.echo(moment)
    elif sys.stdout.isatty() and (verbosity or 0) >= 0:  # a person, not a script reading the empty output
        from edcal.i18n import spoken

        said = say("nothing planned changes the public site by itself any more: it changes when its sources "
                   "do (a new article, a date moved)")
        click.echo(f"note: {spoken(said)}", err=True)


@cli.command(epilog=examples("edcal export hootsuite --network linkedin --until 2027-02-01 -o linkedin.csv",
                             "edcal export csv --campaign salon-industrie-2027 --owner camille -o salon.csv"))
@click.argument("fmt", metavar="FORMAT", type=click.Choice(EXPORT_FORMATS))
@site_options
@click.option("--network", metavar="ID", help="Only this network (Hootsuite: one file per network).")
@click.option("--since", metavar="DATE", help="Posts after this date or instant (default: now).")
@click.option("--until", metavar="DATE", help="Posts before the end of this day (or before this instant).")
@click.option("--owner", metavar="ID", help="Only the posts of this person (a team id, name or e-mail).")
@click.option("--campaign", metavar="ID", help="Only the posts of this campaign (its id or name).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="Write to this file (default: standard output, as with -).")
@input_errors_exit
def export(fmt: str, site: Path, settings_file: str, verbosity: int | None, network: str | None,
           since: str | None, until: str | None, owner: str | None, campaign: str | None,
           output: str | None) -> None:
    """Write upcoming posts for a bulk scheduler: hootsuite, csv or json.

    Hootsuite's Bulk Composer takes one network per file (rows of date-time,
    message, link, in the date format set under `exports:` in calendar.yaml)
    and at most 350 rows: a longer export is split into -1, -2… files beside
    the --output file (and the numbered files a longer export of that name wrote
    before are removed). The files are written all or none. Notes on
    Hootsuite's unconfirmed rules go to standard error.
    """
    from edcal.commands.export import export as run_export
    from edcal.commands.export import write
    from edcal.i18n import spoken

    if output == "":  # `-o "$FILE"` with FILE unset: "." would be the file, a folder
        from edcal.errors import InputError, InputErrors
        from edcal.i18n import say
        from edcal.model.source import Source

        raise InputErrors([InputError(Source("--output", 1, 1),
                                      say("found an empty path, expected the file to write, or - for "
                                          "standard output"), say("e.g. -o posts.csv"))])
    target = None if output is None or output == "-" else Path(output)
    result = run_export(site, settings_file, fmt, network, since, until, target, owner, campaign)
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(result.files[0][1])  # the file's bytes, whatever the terminal's encoding
        sys.stdout.buffer.flush()
        notes = result.notes
    else:
        notes = write(result, target)
    if (verbosity or 0) >= 0:
        for warning in result.warnings:
            click.echo(f"warning: {spoken(warning)}", err=True)
        for note in notes:
            click.echo(f"note: {spoken(note)}", err=True)


if __name__ == "__main__":  # pragma: no cover - `python -m edcal`, as the console script runs
    from edcal._console import main as console_main

    console_main(cli)
