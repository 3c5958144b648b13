"""A site read in a child process: its own settings module, plugins and signal handlers.

``edcal diff`` reads the site at a git revision this way, ``edcal move`` the
site as its edits would leave it, each while or after the parent reads the
working tree. Two reads in one process would share Pelican's settings module
(a ``publishconf.py`` importing ``pelicanconf``), the plugins' module-level
state and their signal handlers. The child's output goes to a file: a
plugin's ``print`` must not end up in ``--format json``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edcal.clock import NOW_VARIABLE
from edcal.errors import InputError, InputErrors
from edcal.files import os_reason
from edcal.i18n import say
from edcal.model.source import Source


@dataclass(frozen=True, slots=True)
class ChildRead:
    """How the child's read ended: its exit code, what it printed, and ``("plan", Plan)`` or
    ``("errors", [InputError, …])`` (None when it stopped before saying)."""

    code: int
    said: str
    outcome: tuple[str, Any] | None

    def stopped(self, what: str) -> str:
        """"reading … stopped (exit 1): the last line it printed", for a read that said nothing."""
        last = next((line.strip() for line in reversed(self.said.splitlines()) if line.strip()), "")
        if last:
            return say("reading {what} stopped (exit {code}): {last}", what=what, code=self.code, last=last)
        return say("reading {what} stopped (exit {code})", what=what, code=self.code)


@contextlib.contextmanager
def reading_in_child(folder: Path, settings_file: str, work: Path, edited: Mapping[Path, str] | None = None,
                     from_now: bool = False) -> Iterator[Callable[[], ChildRead]]:
    """Start reading the site in ``folder``; the function given waits for the read.

    :param edited: files read as holding these texts (see ``yamlfile.reading_edited``).
    :param from_now: compose posts from "now" on, as a check does (else every post).
    :raises InputErrors: when the process cannot be started (naming the program or the folder).
    :raises OSError: when ``work`` cannot be written.
    """
    # This engine, wherever it was imported from (a relative PYTHONPATH would find a revision's);
    # -P: the site's folder is not put on the child's import path (a site's `edcal.py` is not edcal).
    engine = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(filter(None, [engine, os.environ.get("PYTHONPATH")]))
    result, log = work / "plan.pickle", work / "child.log"
    arguments = [settings_file, str(result)]
    if edited:
        texts = work / "edited.pickle"
        # Absolute: the child runs in the site's folder, not where the command was started.
        texts.write_bytes(pickle.dumps({os.path.abspath(path): text for path, text in edited.items()}))
        arguments += ["--edited", str(texts)]
    if from_now:
        arguments.append("--from-now")
    with log.open("wb") as output:
        try:
            child = subprocess.Popen([sys.executable, "-P", "-m", "edcal.commands._child", *arguments],
                                     cwd=folder, stdout=output, stderr=subprocess.STDOUT,
                                     env={**os.environ, "PYTHONPATH": path})
        except OSError as exc:  # Python gone, the site's folder closed, no process left: not `work`'s fault
            raise InputErrors([InputError(
                Source(exc.filename if isinstance(exc.filename, str) else sys.executable, 0, 0),
                say("cannot start the process that reads the site: {reason}", reason=os_reason(exc)),
                say("edcal reads the site in a process of its own, {python} run in {folder}: check that both "
                    "can be used", python=sys.executable, folder=str(folder)))]) from None

    def finished() -> ChildRead:
        code = child.wait()
        said = log.read_text(encoding="utf-8", errors="replace")
        outcome = pickle.loads(result.read_bytes()) if code == 0 and result.is_file() else None  # our own
        return ChildRead(code, said, outcome)

    try:
        yield finished
    finally:
        if child.poll() is None:  # the parent's read failed, or Ctrl-C: the child is not needed
            child.kill()
            child.wait()


def read_edited(folder: Path, settings_file: str, edited: Mapping[Path, str],
                what: str) -> tuple[Any, list[InputError]]:
    """The site read as holding the edited texts, with posts composed from now (``edcal move`` and
    ``edcal import`` read the site so before writing anything): its plan and no error, or None and its
    errors.

    :param what: the site so read, in the message of a child that stopped (``the moved site``).
    :raises InputErrors: when the child stopped before saying (its settings or a plugin).
    """
    import tempfile

    try:
        with tempfile.TemporaryDirectory(prefix="edcal-") as work, \
                reading_in_child(folder, settings_file, Path(work), edited, from_now=True) as finished:
            read = finished()
    except OSError as exc:  # the temporary folder full or read-only: said before anything is written
        where = tempfile.gettempdir()
        raise InputErrors([InputError(Source(where, 0, 0),
                                      say("cannot write in the temporary folder {folder}: {reason}",
                                          folder=where, reason=os_reason(exc)),
                                      say("free some space there, or set TMPDIR to a folder with room: "
                                          "{what} is read there before anything is written", what=what))]) \
            from None
    if read.outcome is None:
        raise InputErrors([InputError(Source(settings_file, 1, 1), read.stopped(what),
                                      say("its settings or one of its plugins stopped it"))])
    outcome, value = read.outcome
    return (None, value) if outcome == "errors" else (value, [])


@contextlib.contextmanager
def now_pinned(instant: str | None = None) -> Iterator[None]:
    """One "now" for every read (each would otherwise read the clock itself): ``EDCAL_NOW`` as it is,
    or the clock's instant."""
    previous = os.environ.get(NOW_VARIABLE)
    os.environ[NOW_VARIABLE] = instant or previous or dt.datetime.now(dt.UTC).isoformat()
    try:
        yield
    finally:
        if previous is None:
            del os.environ[NOW_VARIABLE]
        else:
            os.environ[NOW_VARIABLE] = previous


def _read_here(arguments: list[str]) -> None:
    """The child's side: the plan of the site in the current folder, pickled into the result file."""
    from edcal.load.yamlfile import reading_edited
    from edcal.pelican_plugin.metadata import NOW, read_plan

    settings_file, result, *options = arguments
    edited: dict[Path, str] = {}
    if "--edited" in options:
        texts = pickle.loads(Path(options[options.index("--edited") + 1]).read_bytes())  # our parent's
        edited = {Path(path): text for path, text in texts.items()}
    outcome: tuple[str, Any]
    try:
        with reading_edited(edited) as read:
            # Its plugins not installed are told by the parent, which knows the revision's name for the file.
            plan = read_plan(Path("."), settings_file, compose_from=NOW if "--from-now" in options else None,
                             tell_missing_plugins=False)
        unread = sorted(str(path) for path in edited if os.path.realpath(path) not in read)
        if unread:  # a reader that bypasses the edits would show the site unchanged: say so, never guess
            raise InputErrors([InputError(Source(unread[0], 1, 1),
                                          say("this file was read without its edits"),
                                          say("please report it: edcal cannot check the change"))])
        outcome = ("plan", plan)
    except InputErrors as exc:
        outcome = ("errors", exc.errors)
    Path(result).write_bytes(pickle.dumps(outcome))


if __name__ == "__main__":  # the child process reading_in_child starts
    _read_here(sys.argv[1:])
