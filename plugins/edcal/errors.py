"""Errors about the user's input, located in their files.

Every problem a user can fix is an :class:`InputError` that names the file,
the line and the column, says what was found and what was expected, and may
carry a hint. Loading collects as many as it can before giving up, so a user
fixes a whole file in one pass instead of one error per run.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import posixpath
import re
import sys
import traceback
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from edcal.i18n import Message, say, say_count, spoken
from edcal.model.source import Source

#: Exit code for invalid input or usage (CONTRACTS.md).
EXIT_INPUT = 2


#: The site's folder as the current folder reaches it ("blog", "../.."), where the paths a terminal shows
#: (the site's, relative to it) are shown from: an editor or a terminal opens ``blog/calendar.yaml:52:11``
#: from where the command ran; None when the site is the current folder.
_shown_from: str | None = None

#: The paths named on the command line, relative to the current folder already (see :func:`typed_path`).
_typed: set[str] = set()


def show_paths_from(site: Path | None) -> None:
    """The folder the site's paths are relative to (``--site``, or the site found above the current
    folder), for the paths shown on a terminal: from the current folder, as git and compilers show them,
    when the site is in it (``blog/calendar.yaml``) or holds it (``../../calendar.yaml``, from
    ``content/articles/``); as the site has them for a site elsewhere, and for None (JSON, annotations and
    plan.json keep them so)."""
    global _shown_from
    _shown_from = None
    if site is None:  # a command's run begins: nothing typed yet either
        _typed.clear()
        return
    try:
        here = Path.cwd()
        # As typed first (`--site blog`, blog a link to a folder elsewhere: blog/calendar.yaml), then as the
        # folders are on disk.
        places = ((Path(os.path.abspath(site)), here), (site.resolve(), here.resolve()))
    except OSError:  # no current folder (deleted)
        return
    for there, where in places:
        if there == where:
            return
        if there.is_relative_to(where) or where.is_relative_to(there):
            _shown_from = Path(os.path.relpath(there, where)).as_posix()
            return


def shown_path(path: str) -> str:
    """A site's path (``calendar.yaml``) as the terminal shows it: from the current folder (``blog/…``,
    ``../../calendar.yaml``); an absolute path, or a path that is no file (``--network``), as it is."""
    if _shown_from is None or not path or path.startswith(("/", "$", "-")) or os.path.isabs(path) \
            or path in _typed:
        return path
    return posixpath.normpath(posixpath.join(Path(_shown_from).as_posix(), path))


#: A site's file at a line in a message's words: "(first at calendar.d/log.yaml:6)".
_PATH_AT_LINE = re.compile(r"(?<![\w./:-])(\w[\w./-]*\.(?:ya?ml|md|markdown|mkd|mdown|py|html|rst|csv))"
                           r":(\d+)")


def shown_paths_in(text: str) -> str:
    """A message's or a hint's words with the site's files they name at a line shown from the current
    folder, as the line they follow: ``blog/calendar.yaml:52:3: error: … (first at
    blog/calendar.yaml:12)``."""
    if _shown_from is None:
        return text
    return _PATH_AT_LINE.sub(lambda m: f"{shown_path(m.group(1))}:{m.group(2)}", text)


def typed_path(path: Path) -> str:
    """A file named on the command line (``edcal import ../plan.csv``), relative to the current folder:
    :func:`shown_path` shows it as typed, not from the site's folder a second time (``blog/../plan.csv``
    for ``--site blog``)."""
    typed = str(path)
    _typed.add(typed)
    return typed


@dataclass(frozen=True, slots=True)
class InputError:
    """One located problem in the user's input."""

    source: Source
    message: str
    hint: str | None = None

    def format(self) -> str:
        """``path:line:col: error: message`` then an indented hint line.

        Errors in a command-line option (``--network``), an argument (``TITLE``)
        or an environment variable (``$EDCAL_NOW``) have no line to show.
        """
        if not self.source.in_file:
            text = f"{self.source.path}: error: {shown_paths_in(spoken(self.message))}"
        else:
            text = f"{shown_path(self.source.path)}:{self.source.line}:{self.source.column}: error: " \
                   f"{shown_paths_in(spoken(self.message))}"
        if self.hint:
            text += f"\n    hint: {shown_paths_in(spoken(self.hint))}"
        return text

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.source.path, self.source.line, self.source.column, self.message)


class InputErrors(Exception):
    """Raised when the input cannot be turned into a plan; holds every error found."""

    exitcode = EXIT_INPUT

    def __init__(self, errors: Iterable[InputError], outcome: str | None = None):
        unique = sorted(set(errors), key=InputError.sort_key)
        self.errors: list[InputError] = unique
        #: What was (not) written, when it is not "nothing" (a failure at the end of a build).
        self.outcome = outcome
        super().__init__(self.summary())

    def summary(self) -> str:
        return say_count(len(self.errors), "{count} error in the input", "{count} errors in the input")

    def __str__(self) -> str:
        return "\n".join(error.format() for error in self.errors)


class ErrorCollector:
    """Accumulates located errors while loading, then raises them together."""

    def __init__(self) -> None:
        self.errors: list[InputError] = []
        self._muted: set[Source] = set()

    def add(self, source: Source, message: str, hint: str | None = None) -> None:
        if source not in self._muted:
            self.errors.append(InputError(source, message, hint))

    def mute(self, sources: Iterable[Source]) -> None:
        """Errors added from now on at these places are left out: places already told of, whose next
        errors would follow from a guess (an unknown field read as the one it likely means)."""
        self._muted.update(sources)

    def muted(self, source: Source) -> bool:
        """Whether errors at this place are left out (:meth:`mute`)."""
        return source in self._muted

    def extend(self, errors: Iterable[InputError]) -> None:
        self.errors.extend(errors)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise InputErrors(self.errors)


def closest(found: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``found``, or None when nothing is close."""
    matches = difflib.get_close_matches(found, sorted(set(candidates)), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(found: str, candidates: Iterable[str]) -> str | None:
    """A hint naming the closest candidate, or None when nothing is close."""
    match = closest(found, candidates)
    return say("did you mean '{match}'?", match=match) if match else None


def listed_twice(written: str, first_written: str, first: Source, field: str) -> tuple[Message, Message]:
    """The error and hint of a list's item that says what an earlier one says (``hosts: [lnkd.in,
    LNKD.in]``, ``except: [2027-01-05, 2027-01-05]``): read once, the other would be dropped."""
    return (say("found '{written}' in `{field}:`, given already by '{first}' ({path}:{line})",
                written=written, field=field, first=first_written, path=first.path, line=first.line),
            say("remove it: a list holds each value once"))


def repeats(keys: Iterable[Hashable]) -> Iterator[tuple[int, int]]:
    """Each item of a list that says what an earlier one says: its index and the first one's, in order
    (for :func:`listed_twice`)."""
    first: dict[Hashable, int] = {}
    for index, key in enumerate(keys):
        if key in first:
            yield index, first[key]
        else:
            first[key] = index


def message_of(exc: BaseException) -> str:
    """What an exception says, as the message it was raised with (``ValueError(say(...))``, or
    ``ValueError(message, hint)``, stays translatable), else its text."""
    said = exc.args[0] if len(exc.args) in (1, 2) else None
    return said if isinstance(said, Message) else str(exc)


#: The most input errors printed as text, as gcc's -fmax-errors: 10,000 bad names printed 2.5 MB, the
#: summary line at its end. JSON and GitHub annotations give them all.
SHOWN_ERRORS = 100


def report(errors: InputErrors, stream: TextIO | None = None, wrote_nothing: bool = True,
           listing: str | None = "edcal check --format json") -> None:
    """Print located errors (the first :data:`SHOWN_ERRORS`) and a one-line summary, for people and for
    editors.

    :param wrote_nothing: say so (commands that write: build, new, init, export).
    :param listing: the command that lists every error, for the line counting those not printed (None: no
        command lists them: an imported sheet's).
    """
    stream = stream or sys.stderr
    for error in errors.errors[:SHOWN_ERRORS]:
        print(error.format(), file=stream)
    more = len(errors.errors) - SHOWN_ERRORS
    if more > 0:
        told = say_count(more, "… and {count} more error, not shown", "… and {count} more errors, not shown")
        if listing:
            told = say_count(more, "… and {count} more error: `{listing}` lists them all",
                             "… and {count} more errors: `{listing}` lists them all", listing=listing)
        print(spoken(told), file=stream)
    outcome = errors.outcome or (say("nothing was written") if wrote_nothing else None)
    line = say("{summary}; {outcome}", summary=errors.summary(), outcome=outcome) if outcome \
        else errors.summary()
    print(f"edcal: {spoken(line)}.", file=stream)


_TEMPLATE_SUFFIXES = (".j2", ".html", ".txt")


@contextlib.contextmanager
def located_template_errors(root: Path, hint: str = say("fix the template, or remove the override to use "
                                                       "edcal's own"),
                            outcome: str | None = None,
                            copy: tuple[str, Source] | None = None) -> Iterator[None]:
    """Turn an error raised by a Jinja template (a draft or planning template) into a located error.

    Jinja errors (syntax, undefined values) and Python errors raised by a
    template's own expression (``"x" + 1``) both count. The line is the
    template's own, from the traceback Jinja rewrites to point into templates;
    a file of the site is preferred to edcal's own templates it extends. Paths
    are relative to the site's folder. Errors raised outside any template, or
    in Python code a template calls (a filter, a helper: edcal's own bugs),
    propagate with their traceback.

    ``copy``: the site's ``THEME`` when it is a copy of edcal's theme, and where it is set. Its templates were
    written for the edcal it was copied from, so that an error a template raises while they are in use (a
    filter given what an older edcal gave it, a macro an edcal's own page imports and the copy lacks) is the
    copy's: told at the copy's template, else at ``THEME``, with the way out; an override's is its own, and an
    error raised in no template is edcal's bug, as without a copy.
    """
    import jinja2

    try:
        yield
    except InputErrors:
        raise
    except Exception as exc:
        too_old = _too_old_copy(exc, root, *copy, outcome) if copy is not None else None
        if too_old is not None:
            raise too_old from None
        filename = getattr(exc, "filename", None) if isinstance(exc, jinja2.TemplateError) else None
        line = getattr(exc, "lineno", None) if filename else None
        if filename is None:
            stack = traceback.extract_tb(exc.__traceback__)
            frames = [frame for frame in stack if frame.filename.endswith(_TEMPLATE_SUFFIXES)]
            innermost = stack[-1].filename if stack else ""
            own = isinstance(exc, jinja2.TemplateError) or innermost.endswith(_TEMPLATE_SUFFIXES)
            if not frames or not own:
                raise  # raised by Python code a template calls (edcal's own bug), not by the template
            inside = [f for f in frames if _is_under(Path(f.filename), root)]
            frame = (inside or frames)[-1]
            filename, line = frame.filename, frame.lineno
        path = Path(filename or "template")
        with contextlib.suppress(ValueError):
            path = path.resolve().relative_to(root.resolve())
        message = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
        where = Source(path.as_posix(), line or 1, 1)
        if isinstance(exc, jinja2.TemplatesNotFound | jinja2.TemplateNotFound):
            # Jinja says the name alone ("partials/brand-head.html"): say what is wrong, and where to look.
            names = ", ".join(f"'{name}'" for name in getattr(exc, "templates", None) or [exc.name])
            located = InputError(where, say("template error: template {names} not found", names=names),
                                 say("check its name, and the folders of THEME_TEMPLATES_OVERRIDES and THEME "
                                     "(`!theme/` before a name is the theme's own template)"))
            raise InputErrors([located], outcome=outcome) from None
        located = InputError(where, say("template error: {problem}", problem=message), hint)
        raise InputErrors([located], outcome=outcome) from None


def _too_old_copy(exc: Exception, root: Path, theme: str, setting: Source,
                  outcome: str | None) -> InputErrors | None:
    """An error raised by a template while a theme copied from an older edcal is in use: at the copy's
    innermost template (else at ``THEME``), with the way out. None for an error no template raised (edcal's
    own bug in its Python: its traceback is kept), or one of the site's overrides did (told there, as without
    a copy)."""
    import jinja2

    if isinstance(exc, OSError):
        return None
    folder = (root / theme).resolve()
    named = getattr(exc, "filename", None) if isinstance(exc, jinja2.TemplateError) else None
    # The template the error is in: Jinja's own error names it, else the innermost template of the traceback.
    # One of the copy's is the place; edcal's own (a page importing a macro the copy lacks) points at THEME.
    frames = [(frame.filename, frame.lineno) for frame in traceback.extract_tb(exc.__traceback__)
              if frame.filename.endswith(_TEMPLATE_SUFFIXES)]
    if not frames and not isinstance(exc, jinja2.TemplateError):
        return None
    filename, line = (named, getattr(exc, "lineno", None)) if named \
        else frames[-1] if frames else (None, None)
    if filename and _is_under(Path(filename), root) and not _is_under(Path(filename), folder):
        return None  # the site's override: its own mistake
    where = setting
    if filename and _is_under(Path(filename), folder):
        where = Source(Path(filename).resolve().relative_to(root.resolve()).as_posix(), line or 1, 1)
    message = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
    hint = say("THEME is '{theme}', a copy of edcal's theme made for an older edcal, which this edcal's "
               "pages no longer fit: write THEME = str(edcal.themes.DEFAULT_THEME) and put your changes in "
               "overrides/, as edcal's docs/deployment.md says (\"Upgrading edcal in a site repository\")",
               theme=theme)
    return InputErrors([InputError(where, say("template error: {problem}", problem=message), hint)],
                       outcome=outcome)


def _is_under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
