"""A site read in a child process: its own settings module, plugins and signal handlers.

``edcal diff`` reads the site at a git revision this way, ``edcal move`` the
site as its edits would leave it, each while or after the parent reads the
working tree. Two reads in one process would share Pelican's settings module
(a ``publishconf.py`` importing ``pelicanconf``), the plugins' module-level
state and their signal handlers. The child's output goes to a file: a
plugin's ``print`` must not end up in ``--format json``.

A command forks its children as it starts (:func:`spare_readers`), before it
reads any site: each begins with edcal's libraries imported and none of a
site's settings, plugins or handlers, and waits to be told which site to read.
A new interpreter (where there is no ``fork``) imports them all again: about
half a second of an `edcal move` on a small site.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import pickle
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

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
    result, log = work / "plan.pickle", work / "child.log"
    arguments = [settings_file, str(result)]
    if edited:
        texts = work / "edited.pickle"
        # Absolute: the child runs in the site's folder, not where the command was started.
        texts.write_bytes(pickle.dumps({os.path.abspath(path): text for path, text in edited.items()}))
        arguments += ["--edited", str(texts)]
    if from_now:
        arguments.append("--from-now")
    spare = _SPARES.pop() if _SPARES else None
    child = spare.read(folder, arguments, log) if spare is not None else _started(folder, arguments, log)

    def finished() -> ChildRead:
        code = child.wait()
        try:
            said = log.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:  # a reader that ended before its first word (killed): its exit code says
            said = ""
        outcome = pickle.loads(result.read_bytes()) if code == 0 and result.is_file() else None  # our own
        return ChildRead(code, said, outcome)

    try:
        yield finished
    finally:
        if child.poll() is None:  # the parent's read failed, or Ctrl-C: the child is not needed
            child.kill()
            child.wait()


class _Child(Protocol):
    def poll(self) -> int | None: ...
    def wait(self) -> int: ...
    def kill(self) -> None: ...


def _started(folder: Path, arguments: list[str], log: Path) -> _Child:
    """A new interpreter reading the site in ``folder`` (no spare was forked for it)."""
    # This engine, wherever it was imported from (a relative PYTHONPATH would find a revision's);
    # -P: the site's folder is not put on the child's import path (a site's `edcal.py` is not edcal).
    engine = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(filter(None, [engine, os.environ.get("PYTHONPATH")]))
    with log.open("wb") as output:
        try:
            return subprocess.Popen([sys.executable, "-P", "-m", "edcal.commands._child", *arguments],
                                    cwd=folder, stdout=output, stderr=subprocess.STDOUT,
                                    env={**os.environ, "PYTHONPATH": path})
        except OSError as exc:  # Python gone, the site's folder closed, no process left: not `work`'s fault
            raise InputErrors([InputError(
                Source(exc.filename if isinstance(exc.filename, str) else sys.executable, 0, 0),
                say("cannot start the process that reads the site: {reason}", reason=os_reason(exc)),
                say("edcal reads the site in a process of its own, {python} run in {folder}: check that both "
                    "can be used", python=sys.executable, folder=str(folder)))]) from None


#: Processes :func:`spare_readers` forked, each waiting for the site :func:`reading_in_child` gives it.
_SPARES: list[_Spare] = []


@contextlib.contextmanager
def spare_readers(count: int) -> Iterator[None]:
    """Fork, now, ``count`` processes for the reads in a child this command will make; those left unused
    end with the block. To be called before this process reads a site: a process forked after has its
    settings, plugins and signal handlers. Where there is no ``fork``, or it fails, each read starts a new
    interpreter instead."""
    made: list[_Spare] = []
    if hasattr(os, "fork"):
        # What each child runs, imported once, before the forks.
        import edcal.load.yamlfile
        import edcal.pelican_plugin.metadata  # noqa: F401

        with contextlib.suppress(OSError):  # no process left: a new interpreter will say so, located
            for _ in range(count):
                made.append(_Spare())
    _SPARES.extend(made)
    try:
        yield
    finally:
        for spare in made:
            if spare in _SPARES:
                _SPARES.remove(spare)
                spare.close()


class _Spare:
    """A process forked by :func:`spare_readers`: it waits for one request on its pipe (the folder, the
    arguments of :func:`_read_here`, the log, the environment), reads that site and ends; an empty request
    (the pipe closed) ends it."""

    def __init__(self) -> None:
        for stream in (sys.stdout, sys.stderr):  # what this process printed is not printed again by the child
            with contextlib.suppress(OSError, ValueError):  # a pipe closed by the reader (`| head`)
                if stream is not None:  # (started without it: `>&-`)
                    stream.flush()
        requests, self._pipe = os.pipe()
        # Ctrl-C held while forking: Python runs the fork's hooks (logging's locks), where the
        # KeyboardInterrupt would be printed and forgotten, and the command go on to write its files.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.pid = os.fork()
        except OSError:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            os.close(requests)
            os.close(self._pipe)
            raise
        if self.pid == 0:
            code = 70
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent's to handle: it ends this process
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
                os.close(self._pipe)
                code = _read_when_asked(requests)
            finally:
                os._exit(code)
        os.close(requests)
        self._code: int | None = None
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a Ctrl-C pressed meanwhile is raised here
        except BaseException:
            self.close()
            raise

    def read(self, folder: Path, arguments: list[str], log: Path) -> _Spare:
        # A pipe broken: the process died, as wait() will say.
        with contextlib.suppress(BrokenPipeError), os.fdopen(self._pipe, "wb") as pipe:
            pipe.write(pickle.dumps((str(folder), arguments, str(log), dict(os.environ))))
        return self

    def close(self) -> None:
        os.close(self._pipe)
        self.wait()

    def poll(self) -> int | None:
        if self._code is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self._code = os.waitstatus_to_exitcode(status)
        return self._code

    def wait(self) -> int:
        if self._code is None:
            self._code = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self._code

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)


def _read_when_asked(requests: int) -> int:
    """The spare's side: wait for the request, then be what ``python -P -m edcal.commands._child`` would be
    in its folder, with its environment and its output to the log; the exit code."""
    import fcntl  # (there is no fork without it)

    gc.freeze()  # the parent's objects are never finalised here (a temporary folder of its would go)
    # Above the standard files, which are replaced: started with its input closed (cron, `<&-`), the
    # command got file 0 for the pipe.
    requests, pipe_was = fcntl.fcntl(requests, fcntl.F_DUPFD, 3), requests
    os.close(pipe_was)
    quiet = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(quiet, fd)
    if quiet > 2:  # else a standard file the command was started without: /dev/null now
        os.close(quiet)
    # The parent's other files, as a new interpreter has none: a spare forked before this one would
    # otherwise wait for ever for the end of a request this one's copy of its pipe keeps open.
    os.closerange(3, requests)
    os.closerange(requests + 1, os.sysconf("SC_OPEN_MAX"))
    with os.fdopen(requests, "rb") as pipe:
        request = pipe.read()
    if not request:
        return 0
    # Python's own from now on, as in a new interpreter: ignored, Ctrl-C would not end the programs the
    # site's plugins run (they inherit it).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    folder, arguments, log, environment = pickle.loads(request)  # our parent's
    output = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    for fd in (1, 2):
        os.dup2(output, fd)
    os.close(output)
    sys.stdout = sys.stderr = open(1, "w", encoding="utf-8", errors="backslashreplace",  # noqa: SIM115
                                   buffering=1, closefd=False)
    try:
        os.chdir(folder)
        os.environ.clear()
        os.environ.update(environment)
        time.tzset()
        if not sys.flags.safe_path and sys.path:
            del sys.path[0]  # as -P: the folder edcal was started from (a site's `edcal.py` is not edcal)
        _read_here(arguments)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
        if not isinstance(exc.code, int | None):
            print(exc.code)
    except BaseException:
        traceback.print_exc()
        code = 1
    sys.stdout.flush()
    return code


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
