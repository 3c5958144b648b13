"""``edcal serve``: build, serve the blog and the team's plan on localhost, rebuild on change.

The blog is served at ``/`` from output/, the plan at ``/planning/`` from
planning/ (feeds as ``text/calendar``). Each rebuild runs ``edcal build`` in
a new process, exactly as CI does; a failed rebuild is reported and the last
good files keep being served. Its own lines are in the site's language, as
the build's errors are (the command read the settings: ``i18n.speak``).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import http.server
import ipaddress
import os
import queue
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from edcal.errors import InputError, InputErrors
from edcal.i18n import say, spoken
from edcal.load.calendar_files import CALENDAR_DIR, CALENDAR_FILE
from edcal.model.source import Source

PLANNING_PREFIX = "/planning/"
#: Folders watched for changes, with all they hold, relative to the site (outputs are not): overrides/ is
#: where `edcal init` puts the site's changes to the theme.
WATCHED_FOLDERS = ("content", CALENDAR_DIR, "themes", "overrides", "templates")

#: The media types of what a build writes, beside the standard library's.
MEDIA_TYPES = {
    **http.server.SimpleHTTPRequestHandler.extensions_map,
    ".ics": "text/calendar; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """output/ at /, planning/ at /planning/."""

    extensions_map = MEDIA_TYPES

    def __init__(self, *args: Any, output: Path, planning: Path, **kwargs: Any):
        self.output = output
        self.planning = planning
        super().__init__(*args, directory=str(output), **kwargs)

    def translate_path(self, path: str) -> str:
        route = path.split("?", 1)[0].split("#", 1)[0]  # `/planning?view=month` is the plan too
        if route == PLANNING_PREFIX.rstrip("/") or route.startswith(PLANNING_PREFIX):
            self.directory = str(self.planning)
            path = "/" + path[len(PLANNING_PREFIX) - 1:].lstrip("/")
        else:
            self.directory = str(self.output)
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page of the blog is answered with its own 404.html, as the host will answer it."""
        page = self.output / "404.html"
        if code != 404 or self.directory != str(self.output) or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # quieter than the default
        if self.server.verbose:  # type: ignore[attr-defined]
            super().log_message(format, *args)


def has_pages(output: Path) -> bool:
    """Whether output/ holds anything to serve: edcal's own files (``.edcal-files``) are none."""
    return output.is_dir() and any(not entry.name.startswith(".edcal-") for entry in output.iterdir())


def rebuild(site: Path, settings_file: str, output: Path, echo: Callable[[str], None],
            watching: bool = True, fail: Callable[[str], None] | None = None) -> bool:
    """Run ``edcal build`` in a new process; report its outcome in one line (errors in full).

    A failed build says whether the previous files are still served or there are none (a first build
    that fails on a fresh clone): "still serving the previous files" was said of an empty output/.

    :param watching: whether a save builds again (the line then says so when there is nothing to serve).
    :param fail: where a failed build's errors and line go (``echo`` by default): said even under ``-q``.
    """
    result = subprocess.run(
        [sys.executable, "-m", "edcal", "build", "-q", "--site", str(site), "-s", settings_file],
        capture_output=True, text=True, check=False,
    )
    if result.returncode == 0:
        echo(spoken(say("built: output/ and planning/ are up to date")))
        return True
    fail = fail or echo
    fail(result.stderr.rstrip() or result.stdout.rstrip())
    code = result.returncode
    if has_pages(output):
        fail(spoken(say("build failed (exit {code}); still serving the previous files", code=code)))
    elif watching:
        fail(spoken(say("build failed (exit {code}); nothing to serve yet: fix the errors above, and the "
                        "site is built again on save", code=code)))
    else:
        fail(spoken(say("build failed (exit {code}); nothing to serve: fix the errors above and run edcal "
                        "serve again", code=code)))
    return False


def watched_folders(site: Path, settings_file: str) -> tuple[str, ...]:
    """:data:`WATCHED_FOLDERS`, and the site's own folders its settings name: the content (``PATH``), the
    theme and each of ``THEME_TEMPLATES_OVERRIDES`` inside the site, by their top folder (an adopted blog's
    ``theme-overrides/`` was not watched, and a saved template waited for a restart). Settings that do not
    load leave the names alone: the build says why."""
    from edcal.errors import InputErrors
    from edcal.site import pelican_settings

    names = list(WATCHED_FOLDERS)
    try:
        settings = pelican_settings(site, settings_file, require_plugin=False)
    except (InputErrors, OSError):
        return tuple(names)
    named = [settings.get("PATH"), settings.get("THEME"), *(settings.get("THEME_TEMPLATES_OVERRIDES") or ())]
    for folder in named:
        if not isinstance(folder, str) or not folder:
            continue
        path = (site / folder).resolve()
        if path.is_relative_to(site) and path != site:
            top = path.relative_to(site).parts[0]
            if top not in names and not top.startswith("."):
                names.append(top)
    return tuple(names)


def watch(site: Path, settings_file: str, output: Path, echo: Callable[[str], None],
          stop: threading.Event, fail: Callable[[str], None] | None = None) -> None:
    """Rebuild whenever a watched file changes, until ``stop`` is set.

    The site's folder itself is watched (not recursively) for calendar.yaml,
    the settings and new watched folders: an editor that saves by writing a
    new file and renaming it over the old one (vim, sed -i, "safe write")
    replaces the file, and a watch on the file would be lost with it.
    """
    import watchfiles

    site = site.resolve()
    changed: queue.Queue[set[str]] = queue.Queue()
    settings = (site / settings_file).resolve()
    folders = watched_folders(site, settings_file)
    top = {site / CALENDAR_FILE, settings, *(site / name for name in folders)}

    def at_top(change: watchfiles.Change, path: str) -> bool:
        return Path(path) in top

    def follow(paths: list[Path], recursive: bool, keep: Callable[[watchfiles.Change, str], bool],
               until: threading.Event) -> None:
        try:
            for changes in watchfiles.watch(*paths, watch_filter=keep, recursive=recursive, stop_event=until,
                                            debounce=400, rust_timeout=500):
                changed.put({os.path.relpath(path, site) for _, path in changes})
        except Exception:  # a folder removed under the watcher: the loop follows it again once it is back
            changed.put(set())

    def start(paths: list[Path], recursive: bool,
              keep: Callable[[watchfiles.Change, str], bool]) -> threading.Event:
        until = threading.Event()
        threading.Thread(target=follow, args=(paths, recursive, keep, until), daemon=True).start()
        return until

    followed: dict[str, threading.Event] = {}

    def follow_folders(names: set[str]) -> None:
        """At start, a folder created since (calendar.d/), or removed and made again (a git checkout).

        Done before the rebuild that shows the change, so that the next save is seen.
        """
        for name in folders:
            present = (site / name).is_dir()
            if name in followed and (not present or name in names):
                followed.pop(name).set()  # its watch went with the folder
            if present and name not in followed:
                followed[name] = start([site / name], True, watchfiles.DefaultFilter())

    watchers = [start(sorted({site, settings.parent}), False, at_top)]
    follow_folders(set())
    try:
        while not stop.is_set():
            try:
                names = changed.get(timeout=0.5)
            except queue.Empty:
                continue
            while not changed.empty():  # what the watchers saw of one save, rebuilt once
                names |= changed.get_nowait()
            follow_folders(names)
            if not names:
                continue
            shown = sorted(names)
            files = ", ".join(shown[:5]) + (" …" if len(shown) > 5 else "")
            echo(spoken(say("changed: {files}", files=files)))
            rebuild(site, settings_file, output, echo, fail=fail)
    finally:
        for until in (*watchers, *followed.values()):
            until.set()


def exposed(host: str) -> bool:
    """Whether an address the server listens on reaches beyond this computer (0.0.0.0: every one)."""
    try:
        return not ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:  # not an address: a name, which binding has resolved already
        return True


#: Where errors about the server's address point (an option has no line).
BIND, PORT = Source("--bind", 1, 1), Source("--port", 1, 1)


def listening(bind: str, port: int, handler: Callable[..., Any]) -> http.server.ThreadingHTTPServer:
    """A server bound to ``bind`` (an IPv4 or IPv6 address, or a name) and ``port``; ``::`` takes IPv4
    connections too, where the system lets it.

    :raises InputErrors: a name that is no address, an address of another computer, a port in use or
        reserved to the administrator: at ``--bind`` or ``--port``.
    """
    if bind.startswith("[") and bind.endswith("]"):  # `[::1]`, as the addresses printed write it
        bind = bind[1:-1]
    try:
        family, *_, address = socket.getaddrinfo(bind, port, type=socket.SOCK_STREAM,
                                                 flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError):
        raise InputErrors([InputError(BIND, say("found '{bind}', expected an address of this computer or its "
                                                "name", bind=bind),
                                      say("--bind 127.0.0.1 serves on this computer only"))]) from None

    class Server(http.server.ThreadingHTTPServer):
        address_family = family
        verbose = False  # SiteHandler logs each request when True (-v)

        def server_bind(self) -> None:
            if family == socket.AF_INET6:  # as `python -m http.server` does: IPv4 clients on `::` too
                with contextlib.suppress(OSError, AttributeError):
                    self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            super().server_bind()

        def handle_error(self, request: Any, client_address: Any) -> None:
            # A browser that cancels a request (a page left while it loads) breaks the pipe: nothing for the
            # terminal, where socketserver printed a traceback among serve's own lines.
            if isinstance(sys.exc_info()[1], ConnectionError):
                return
            super().handle_error(request, client_address)

    try:
        # An IPv4 or IPv6 address, (host, port[, flow, scope]): never the (int, bytes) of other families
        # that getaddrinfo's type also allows.
        return Server(address, handler)  # type: ignore[arg-type]
    except OSError as error:
        shown = f"[{address[0]}]:{port}" if family == socket.AF_INET6 else f"{address[0]}:{port}"
        if error.errno == errno.EADDRINUSE:
            raise InputErrors([InputError(PORT, say("port {port} is in use on {address}", port=port,
                                                    address=address[0]),
                                          say("another server listens there (an edcal serve left running?): "
                                              "stop it, or choose another port, e.g. --port {other}",
                                              other=port + 1 if 0 < port < 65535 else 8001))]) from None
        if error.errno == errno.EACCES and 0 < port < 1024:
            raise InputErrors([InputError(PORT, say("port {port} is reserved to the administrator",
                                                    port=port),
                                          say("choose a port from 1024 on, e.g. --port 8000"))]) from None
        if error.errno == errno.EADDRNOTAVAIL:
            raise InputErrors([InputError(BIND, say("{bind} is not an address of this computer", bind=bind),
                                          say("--bind 127.0.0.1 serves on this computer only"))]) from None
        raise InputErrors([InputError(BIND, say("cannot listen on {address}: {reason}", address=shown,
                                                reason=error.strerror or str(error)))]) from None


def url(host: str, port: int, path: str = "/") -> str:
    """``http://127.0.0.1:8000/``, ``http://[::1]:8000/``."""
    return f"http://[{host}]:{port}{path}" if ":" in host else f"http://{host}:{port}{path}"


def serve(site: Path, settings_file: str, output: Path, planning: Path, bind: str, port: int,
          watch_files: bool, echo: Callable[[str], None], verbose: bool = False,
          warn: Callable[[str], None] | None = None) -> None:
    """Build, serve, and rebuild on change until Ctrl+C.

    :param warn: where a warning or a failed build goes (``echo`` by default): the team's plan served to
        the network, and the errors that stop a build, are said even under ``-q``.
    """
    # Bound first: a port in use is said at once, not after a build.
    server = listening(bind, port, functools.partial(SiteHandler, output=output, planning=planning))
    server.verbose = verbose  # type: ignore[attr-defined]
    # getaddrinfo gave the host as text (socketserver's type also allows bytes)
    host, actual_port = str(server.server_address[0]), server.server_address[1]
    try:
        built = rebuild(site, settings_file, output, echo, watch_files, warn)
    except BaseException:
        server.server_close()
        raise
    if not built and not watch_files and not has_pages(output):  # said by rebuild: nothing to wait for
        server.server_close()
        raise SystemExit(2)
    echo(spoken(say("blog:     {address}", address=url(host, actual_port))))
    echo(spoken(say("planning: {address}", address=url(host, actual_port, PLANNING_PREFIX))))
    if exposed(host):
        (warn or echo)("warning: " + spoken(say(
            "listening on {address}, beyond this computer: anyone on the network who reaches it reads "
            "{path}, the plan meant for the team (drafts, dates, ideas), not only the blog; --bind 127.0.0.1 "
            "keeps both on this computer", address=host, path=PLANNING_PREFIX)))
    stop = threading.Event()
    watcher = None
    if watch_files:
        watcher = threading.Thread(target=watch, args=(site, settings_file, output, echo, stop, warn),
                                   daemon=True)
        watcher.start()
        echo(spoken(say("watching for changes; Ctrl+C to stop")))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        echo(spoken(say("stopped")))
    finally:
        stop.set()
        server.server_close()
