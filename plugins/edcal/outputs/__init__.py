"""The team's outputs under planning/: each output is one module with a ``write``.

``write(context, folder)`` writes the output's files under ``folder`` and
returns warnings for the person building (an empty list when all is well).
Everything is written into a staging folder beside ``planning/`` and swapped
in only when the whole build succeeded, so subscribers never fetch a
half-written feed and a failed build leaves the previous files in place.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import shutil
import signal
import tempfile
import threading
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from edcal.i18n import say
from edcal.outputs import calendar_page, drafts, exports, ics, plan_json, report, review, share
from edcal.outputs.context import OutputContext

#: The outputs, in the order they are written.
OUTPUTS = (plan_json, ics, drafts, exports, review, share, report, calendar_page)
#: The outputs a second process writes on a machine of two cores or more (:class:`_SideWriter`): about
#: half of the time (20,000 draft files and sidecars, the exports), and no file another output writes
#: (the pages and feeds copy images into media/: they stay together).
SIDE_OUTPUTS = (drafts, exports)


#: Marks a folder of output/ that edcal published (``feeds``, ``planning`` or ``ambassadors``: ``publish``).
PUBLISHED_MARK = ".edcal-published"


class PublishError(Exception):
    """A ``publish:`` folder would replace a folder of the blog; ``section`` names its setting."""

    def __init__(self, section: str, message: str):
        super().__init__(message)
        self.section = section

    def __str__(self) -> str:  # the message itself, which can say itself in the site's language
        return self.args[0]  # type: ignore[no-any-return]


def write_planning(context: OutputContext, target: Path, processes: int = 1) -> tuple[Path, list[str]]:
    """Write every output into a new staging folder; return it and the warnings.

    :param processes: 2 or more writes :data:`SIDE_OUTPUTS` in a second process meanwhile (same files,
        same warnings in the same order).
    """
    if context.plan.composed_from is not None:
        raise ValueError("a plan resolved for checks only (past posts uncomposed) cannot be written")
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(target)
    staging = new_staging(target)
    side = None
    written: dict[ModuleType, list[str]] = {}
    try:
        if processes > 1 and hasattr(os, "fork"):
            side = _SideWriter(context, staging)
        for output in OUTPUTS:
            if side is None or output not in SIDE_OUTPUTS:
                written[output] = list(output.write(context, staging) or ())
        if side is not None:
            written.update(side.result())
    except BaseException:
        if side is not None:
            side.stop()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, [warning for output in OUTPUTS for warning in written[output]]


class _SideWriter:
    """A forked process that writes :data:`SIDE_OUTPUTS` into the staging folder, then sends back their
    warnings, or the exception that stopped it (raised again here: a full disk is the same error as in one
    process).

    Forked (not a ``multiprocessing`` child: the build's worker, a daemon, may not have those), it shares
    the plan as it is; it ends with its parent (:func:`_exit_with_parent`) and never runs ``atexit``.
    """

    def __init__(self, context: OutputContext, staging: Path):
        reader, writer = os.pipe()
        # SIGTERM (the build's worker ended: stop_side_writers) held until this process is known to it.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        self._pid = os.fork()
        if self._pid == 0:  # the side process
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            gc.disable()  # short-lived: a collection would walk (and copy, page by page) the whole plan
            os.close(reader)
            _write_side(context, staging, writer)  # never returns
        _SIDE_WRITERS.add(self._pid)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        os.close(writer)
        self._reader = reader

    def result(self) -> dict[ModuleType, list[str]]:
        """The side outputs' warnings, once written.

        :raises Exception: what stopped the side process, or :class:`RuntimeError` when it died.
        """
        with os.fdopen(self._reader, "rb") as pipe:
            self._reader = -1
            data = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        _SIDE_WRITERS.discard(self._pid)
        self._pid = 0
        if not data:
            names = ", ".join(output.__name__ for output in SIDE_OUTPUTS)
            raise RuntimeError(f"the process writing {names} ended without a word (wait status {status})")
        outcome, value = pickle.loads(data)
        if outcome == "raised":
            raise value
        if outcome == "crashed":
            raise RuntimeError(value)
        return {output: warnings for output, warnings in zip(SIDE_OUTPUTS, value, strict=True)}

    def stop(self) -> None:
        """End the side process (the rest of the build failed)."""
        if self._reader >= 0:
            os.close(self._reader)
            self._reader = -1
        if self._pid:
            _end(self._pid, signal.SIGTERM)
            self._pid = 0


#: The side processes of this process still running (:class:`_SideWriter`).
_SIDE_WRITERS: set[int] = set()


def stop_side_writers() -> None:
    """Kill this process's side processes at once, and wait for them: they write nothing more."""
    for pid in list(_SIDE_WRITERS):
        _end(pid, signal.SIGKILL)


def _end(pid: int, how: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, how)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
    _SIDE_WRITERS.discard(pid)


def _write_side(context: OutputContext, staging: Path, writer: int) -> None:
    """The side process: write its outputs, send the outcome, exit (without the parent's ``atexit``)."""
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    try:
        try:
            payload = pickle.dumps(("written", [list(o.write(context, staging) or ()) for o in SIDE_OUTPUTS]))
        except BaseException as exc:  # sent to the parent, which raises it as its own
            try:
                payload = pickle.dumps(("raised", exc))
            except Exception:  # an exception that cannot travel: its traceback does
                payload = pickle.dumps(("crashed", traceback.format_exc()))
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
    finally:
        os._exit(0)


def _exit_with_parent(parent: int) -> None:
    """End the side process when its parent is gone (a build stopped): nobody waits for its files."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _prefix(target: Path, kind: str) -> str:
    return f".{target.name}.edcal-{kind}-"


def new_staging(target: Path) -> Path:
    """A staging folder beside ``target``, named after this process: ``.planning.edcal-staging-<pid>-…``."""
    return Path(tempfile.mkdtemp(prefix=f"{_prefix(target, 'staging')}{os.getpid()}-", dir=target.parent))


def remove_stale_staging(target: Path) -> None:
    """Remove the staging folders that builds killed half-way left beside ``target``.

    Only edcal's own folders (``.planning.edcal-staging-<pid>-…``, ``…-old-…``)
    whose process is gone: a build running at the same time keeps its folder,
    and a user's ``.planning-notes`` is never touched.
    """
    for kind in ("staging", "old"):
        remove_stale_folders(target.parent, _prefix(target, kind))


def remove_stale_folders(folder: Path, prefix: str) -> None:
    """Remove the folders named ``<prefix><pid>-…`` in ``folder`` whose process is gone (or is this one)."""
    for stale in folder.glob(f"{prefix}*"):
        pid = stale.name.removeprefix(prefix).split("-", 1)[0]
        if stale.is_dir() and not stale.is_symlink() and not (pid.isdigit() and _alive(int(pid))):
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process's earlier build (edcal serve) is over
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid < 2**31  # another user's process
    return True


#: What each ``publish:`` setting copies into its folder of output/: (folder of planning/, files).
PUBLISHED_PARTS: dict[str, tuple[str, str]] = {
    "feeds": ("", "*.ics"),
    "planning": ("", "*"),
    "ambassadors": (share.SHARE_FOLDER, "*"),  # the page alone, at the top of its folder
}


def publish_into(wanted: Sequence[tuple[str, str | None]], planning: Path, output: Path) -> list[Path]:
    """Copy what a site chose to make public into ``output/``; returns the folders written.

    ``wanted`` pairs a section of calendar.yaml ("feeds", "planning", "ambassadors") with its
    ``publish:`` folder of output/, or None. Each folder is staged and swapped in like planning/,
    and marked as edcal's: a folder of the blog (a theme, a category) is never replaced.

    :raises PublishError: when the folder exists and is not one edcal published.
    """
    try:
        return _publish_into(wanted, planning, output)
    finally:  # planning/ holds the team's feeds only
        shutil.rmtree(planning / ics.PUBLISHED_FEEDS, ignore_errors=True)


def _publish_into(wanted: Sequence[tuple[str, str | None]], planning: Path, output: Path) -> list[Path]:
    written = []
    for section, folder in wanted:
        if folder is None:
            continue
        target = output / folder
        if target.exists() and not (target / PUBLISHED_MARK).is_file():
            if target.is_dir():
                message = say("output/{folder} is a folder of the blog (Pelican wrote it): publishing there "
                              "would replace it", folder=folder)
            else:
                message = say("output/{folder} is a file of the blog (Pelican wrote it): publishing there "
                              "would replace it", folder=folder)
            raise PublishError(section, message)
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(target)
        staging = new_staging(target)
        folder_name, pattern = PUBLISHED_PARTS[section]
        root = planning / folder_name
        if section == "feeds" and (planning / ics.PUBLISHED_FEEDS).is_dir():
            root = planning / ics.PUBLISHED_FEEDS  # the copies for the public site (no images' addresses)
        for path in sorted(p for p in root.rglob(pattern)
                           if p.is_file() and ics.PUBLISHED_FEEDS not in p.relative_to(root).parts):
            destination = staging / path.relative_to(root)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
        (staging / PUBLISHED_MARK).write_text("Published by edcal: replaced at every build.\n",
                                              encoding="utf-8")
        swap_in(staging, target)
        written.append(target)
    return written


def _remove(old: Path) -> None:
    """Remove the replaced folder, also when it was read-only or a link (its copy of the plan stayed
    beside the site as ``.planning.edcal-old-*``)."""
    if old.is_symlink():
        old.unlink()
        return
    with contextlib.suppress(OSError):
        for folder, _subfolders, _files in os.walk(old):
            os.chmod(folder, 0o700)
    shutil.rmtree(old, ignore_errors=True)


#: Files that clients poll (calendar apps, feed readers): an unchanged one keeps its modification time.
POLLED = ("*.ics", "*.atom")


def _keep_times(staging: Path, target: Path) -> None:
    """A polled file whose bytes did not change keeps its modification time: servers derive
    Last-Modified (and nginx its ETag) from it, and every scheduled rebuild made every subscriber's
    app download every feed again, where a "304 Not Modified" would do."""
    for pattern in POLLED:
        for new in staging.rglob(pattern):
            old = target / new.relative_to(staging)
            with contextlib.suppress(OSError):
                before = old.stat()
                if before.st_size == new.stat().st_size and old.read_bytes() == new.read_bytes():
                    os.utime(new, ns=(before.st_atime_ns, before.st_mtime_ns))


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames; the old folder is removed. Polled files
    that did not change keep their times."""
    os.chmod(staging, 0o755)
    if target.is_dir():
        _keep_times(staging, target)
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f"{_prefix(target, 'old')}{os.getpid()}-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
        os.rename(staging, target)
        _remove(old)
    else:
        os.rename(staging, target)
