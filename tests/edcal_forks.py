"""``python -m edcal …`` in a process forked from one that has imported edcal's libraries already.

Most tests run the real command in a new process (:func:`conftest.run_edcal`): its exit code, its
stdout and stderr, as a user gets them. Of the 2 s of CPU a check of a small site takes in a new
process, some 1.7 s go to importing Pelican, pydantic, Jinja2 and edcal, and to compiling
twitter-text's expressions; a suite of a thousand such runs spent most of its time there.

This module keeps, per test process, one server (a "zygote") that imported all of that once and then
forks a child for each run. The child becomes what ``python -m edcal ARGS`` would be: its own folder,
environment (``TZ`` applied), standard input from ``/dev/null``, stdout and stderr to files, then
``runpy.run_module("edcal", run_name="__main__")`` as ``-m`` does, and Python's exit (``SystemExit``'s
code, a traceback and 1 for an uncaught exception, atexit handlers, buffers flushed). Only the imports
are shared: the server runs no command, so no cache or setting of one run reaches another. What a
fork cannot give is left to a new process (:func:`forkable`): another interpreter setting
(``PYTHON*`` variables: hash seed, path, encoding; the locale), or ``EDCAL_TESTS_FRESH=1`` to run every test
the slow way.
"""

from __future__ import annotations

import json
import locale
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

#: What the server imports before forking: the modules a build and a check import, and
#: twitter-text's expressions as edcal compiles them (a pure function of the library, cached).
_PRELOAD = """
import importlib
for name in ("click", "pelican", "pelican.readers", "pelican.generators", "pelican.writers", "markdown",
             "jinja2", "pydantic", "yaml", "rich.console", "docutils.core", "edcal", "edcal.errors",
             "edcal.i18n", "edcal.pelican_plugin", "edcal.pelican_plugin.state", "edcal.pelican_plugin.metadata",
             "edcal.load.schema", "edcal.load.calendar", "edcal.load.articles", "edcal.plan.resolve",
             "edcal.checks", "edcal.commands.check", "edcal.networks.counting", "edcal.outputs"):
    try:
        importlib.import_module(name)
    except ImportError:
        pass
from edcal.networks import twitter_urls
twitter_urls._twitter()
"""

_SERVER = _PRELOAD + """
import atexit, json, os, runpy, sys, time, traceback

def child(request):
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()
    import tempfile
    tempfile.tempdir = None  # found again from TMPDIR, as a new process finds it
    for fd, path, flags in ((0, os.devnull, os.O_RDONLY),
                            (1, request["out"], os.O_WRONLY | os.O_TRUNC),
                            (2, request["err"], os.O_WRONLY | os.O_TRUNC)):
        opened = os.open(path, flags)
        os.dup2(opened, fd)
        os.close(opened)
    os.closerange(3, 256)  # the server's pipes: a child holding them would keep the test waiting
    # What the server's imports read from the environment, read again from the child's.
    import edcal.i18n
    edcal.i18n._SPOKEN = edcal.i18n.translator(os.environ.get(edcal.i18n.LANG_VARIABLE))
    try:  # Pelican's console, made as Pelican was imported: rich read FORCE_COLOR, NO_COLOR, COLUMNS there
        import pelican.log
        pelican.log.console.__init__()
    except ImportError:
        pass
    sys.path[0] = os.getcwd()  # `python -m` puts the current folder first
    sys.argv = ["-m", *request["args"]]
    code = 0
    try:
        runpy.run_module("edcal", run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        if exc.code is None:
            code = 0
        elif isinstance(exc.code, int):
            code = exc.code
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    try:
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code & 0xFF)

def serve():
    requests = os.fdopen(0, "rb", buffering=0)
    pending = b""
    while True:
        chunk = requests.read(65536)
        if not chunk:
            return
        pending += chunk
        while b"\\n" in pending:
            line, pending = pending.split(b"\\n", 1)
            request = json.loads(line)
            pid = os.fork()
            if pid == 0:
                try:
                    child(request)
                finally:
                    os._exit(70)
            os.write(1, f"pid {pid}\\n".encode())
            _, status = os.waitpid(pid, 0)
            os.write(1, f"exit {os.waitstatus_to_exitcode(status)}\\n".encode())

serve()
"""

_LOCK = threading.Lock()
_SERVER_PROCESS: dict[int, tuple[subprocess.Popen[bytes], dict[str, str]]] = {}


def _interpreter_settings(env: dict[str, str]) -> dict[str, str]:
    # Python's own settings, and the locale, which sets the standard streams' encoding as Python starts.
    return {key: value for key, value in env.items()
            if key.startswith(("PYTHON", "LC_")) or key in ("LANG", "LANGUAGE")}


def forkable(env: dict[str, str]) -> bool:
    """Whether a child of the server is what a new ``python -m edcal`` with ``env`` would be."""
    if os.environ.get("EDCAL_TESTS_FRESH") or not hasattr(os, "fork"):
        return False
    server = _SERVER_PROCESS.get(os.getpid())
    started_with = server[1] if server else os.environ
    return _interpreter_settings(env) == _interpreter_settings(dict(started_with))


def _server() -> subprocess.Popen[bytes]:
    found = _SERVER_PROCESS.get(os.getpid())
    if found is not None and found[0].poll() is None:
        return found[0]
    env = dict(os.environ)
    process = subprocess.Popen([sys.executable, "-c", _SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env, cwd=tempfile.gettempdir())
    _SERVER_PROCESS[os.getpid()] = (process, env)
    return process


#: Bytes read from a server's stdout past the last whole line, per server process id.
_PENDING: dict[int, bytes] = {}


def _line(process: subprocess.Popen[bytes], deadline: float) -> str:
    """The server's next line, "" if it stopped. Read with ``os.read`` on the pipe, never a buffered
    ``readline``: a run that ends at once sends "pid N" and "exit C" together, and a second line left in
    a Python buffer is one ``select`` never sees (it waited out the timeout for an answer already read)."""
    assert process.stdout is not None
    fd = process.stdout.fileno()
    pending = _PENDING.get(process.pid, b"")
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while b"\n" not in pending:
            if not selector.select(max(deadline - time.monotonic(), 0)):
                _PENDING[process.pid] = pending
                raise subprocess.TimeoutExpired("edcal (forked)", 0)
            chunk = os.read(fd, 4096)
            if not chunk:
                _PENDING.pop(process.pid, None)
                return pending.decode()
            pending += chunk
    line, rest = pending.split(b"\n", 1)
    _PENDING[process.pid] = rest
    return line.decode() + "\n"


def _text(data: bytes) -> str:
    """What ``subprocess.run(text=True)`` makes of the bytes: its encoding, universal newlines."""
    encoding = "utf-8" if sys.flags.utf8_mode else locale.getencoding()
    return data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")


def run(args: list[str], cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    """``subprocess.run([python, "-m", "edcal", *args], cwd=cwd, env=env, capture_output=True, text=True)``,
    in a child of the server."""
    with _LOCK, tempfile.TemporaryDirectory(prefix="edcal-run-") as folder:
        out, err = Path(folder, "stdout"), Path(folder, "stderr")
        out.touch()
        err.touch()
        process = _server()
        assert process.stdin is not None
        request = {"args": list(args), "cwd": str(cwd), "env": env, "out": str(out), "err": str(err)}
        process.stdin.write(json.dumps(request).encode() + b"\n")
        process.stdin.flush()
        deadline = time.monotonic() + timeout
        started = _line(process, deadline)
        if not started.startswith("pid "):
            raise RuntimeError(f"the edcal fork server stopped: {started!r}")
        pid = int(started.split()[1])
        try:
            status = _line(process, deadline)
        except subprocess.TimeoutExpired:
            os.kill(pid, signal.SIGKILL)  # not reaped yet: the server waits for it before saying "exit"
            _line(process, time.monotonic() + 60)
            raise subprocess.TimeoutExpired([sys.executable, "-m", "edcal", *args], timeout) from None
        if not status.startswith("exit "):
            raise RuntimeError(f"the edcal fork server stopped: {status!r}")
        return subprocess.CompletedProcess([sys.executable, "-m", "edcal", *args], int(status.split()[1]),
                                           _text(out.read_bytes()), _text(err.read_bytes()))
