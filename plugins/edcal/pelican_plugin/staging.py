"""Pelican's pages written aside, then moved into output/ together: a failed build leaves the blog as it was.

Pelican's writer renders each page straight into output/: a theme's template
failing on the fortieth article left thirty-nine new pages beside an old
home page, and a build killed half-way (a CI timeout, the out-of-memory
killer) the same, on the server that serves output/. edcal's writer
(:class:`StagingWriter`, Pelican's ``get_writer`` signal) writes the pages
and feeds of the article, page and template-page generators (and edcal's
sitemap.xml and robots.txt) into ``output/.edcal-staging-<pid>-…/``;
:class:`~edcal.pelican_plugin.generator.PlanGenerator`, which Pelican runs
after them, moves every staged file into place (one rename each, on the same
file system) once they are all written. A page whose bytes did not change is
left as it was, with its time (what a web server's ``Last-Modified`` says).
The site's static files are copied after that, by Pelican's last generator,
and the sweep of :mod:`~edcal.pelican_plugin.sweep` removes what this build
no longer writes at ``finalized``.

What another plugin writes with the writer after edcal's generator, or with
its own hands, goes to output/ directly, as it did.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Any

from pelican.writers import Writer

#: In output/, while Pelican renders: ``.edcal-staging-<pid>-…``, the pages to move in once all are written.
STAGING_PREFIX = ".edcal-staging-"


class StagingWriter(Writer):  # type: ignore[misc]  # Pelican has no type hints
    """Pelican's writer, writing into a staging folder of output/ until :meth:`move_in`."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        #: output/, where the staged files go.
        self.target = output_path
        try:
            self.output_path = tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=output_path)
        except OSError:  # output/ was checked writable (sweep.check_output_path): Pelican's own error then
            self.output_path = output_path

    @property
    def staging(self) -> bool:
        return self.output_path != self.target

    def move_in(self) -> list[str]:
        """Move every staged file into output/; what is written after goes there directly.

        A file whose bytes did not change is left as it was, with its time; a changed one keeps the mode of
        the file it replaces (a web server reading as another user).

        :returns: every staged file, relative to output/ (moved in or left as it was).
        :raises Blocked: before moving anything, when a folder stands where a page goes, a file where its
            folder goes, or the folder is read-only.
        :raises OSError: when a file cannot be moved all the same (a full disk): output/ is then partly
            written.
        """
        if not self.staging:
            return []
        staging = self.output_path
        staged = []
        for folder, dirs, files in os.walk(staging):
            dirs.sort()
            relative = os.path.relpath(folder, staging)
            staged += [os.path.normpath(os.path.join(relative, name)) for name in sorted(files)]
        blocked = _blocked(self.target, staged)
        if blocked:
            raise Blocked(blocked)
        moved_folders: list[str] = []  # a folder output/ does not have yet goes in whole, by one rename
        for key in staged:
            source, target = os.path.join(staging, key), os.path.join(self.target, key)
            if any(key.startswith(folder) for folder in moved_folders[-1:]):
                continue
            new_folder = _first_missing_folder(self.target, key)
            if new_folder is not None and _rename_folder(os.path.join(staging, new_folder),
                                                         os.path.join(self.target, new_folder)):
                moved_folders.append(new_folder + os.sep)
                continue
            if _same_file_contents(source, target):
                continue  # left as it was, with its time
            os.makedirs(os.path.dirname(target), exist_ok=True)
            _replace(source, target)
        # Pelican's writer refuses a second write of one file: it now lives in output/.
        written: set[str] = getattr(self, "_written_files", set())
        overridden: set[str] = getattr(self, "_overridden_files", set())
        self._written_files = {_moved(path, staging, self.target) for path in written}
        self._overridden_files = {_moved(path, staging, self.target) for path in overridden}
        self.output_path = self.target
        shutil.rmtree(staging, ignore_errors=True)
        return [key.replace(os.sep, "/") for key in staged]


class Blocked(Exception):
    """Staged pages that cannot be put in place: ``(key, reason)``, ``reason`` "taken" (a folder where the
    page goes, or a file where its folder goes) or "read-only" (its folder)."""

    def __init__(self, found: list[tuple[str, str]]) -> None:
        super().__init__(", ".join(key for key, _ in found))
        self.found = [(key.replace(os.sep, "/"), reason) for key, reason in found]


def _blocked(output: str, keys: list[str]) -> list[tuple[str, str]]:
    """The keys whose file cannot be put in place, and why: a folder (not a link) at its path, or, in its
    folder's place, the first thing that exists is not a folder, or is a folder this process may not
    write in."""
    folders: dict[str, str | None] = {}  # a folder's path: why a file cannot go there (None: it can)

    def why_not(path: str) -> str | None:
        if path not in folders:
            if path != output and not os.path.lexists(path):
                folders[path] = why_not(os.path.dirname(path))  # made when the file is moved in
            elif not os.path.isdir(path):
                folders[path] = "taken"
            else:
                folders[path] = None if os.access(path, os.W_OK | os.X_OK) else "read-only"
        return folders[path]

    found = []
    for key in keys:
        target = os.path.join(output, key)
        reason = "taken" if os.path.isdir(target) and not os.path.islink(target) \
            else why_not(os.path.dirname(target))
        if reason is not None:
            found.append((key, reason))
    return found


def _first_missing_folder(output: str, key: str) -> str | None:
    """The first folder of ``key``'s path that output/ does not have (``2027/salon``), or None.

    Moved in whole, a new folder's files need one rename, and the staging folder is left with few folders
    to remove: removing hundreds of them slowed the creation of the files that followed (planning/'s
    drafts) on a file system without a journal, which scans the inodes deleted in the last 30 s.
    """
    parts = key.split(os.sep)[:-1]
    for depth in range(1, len(parts) + 1):
        folder = os.path.join(*parts[:depth])
        if not os.path.lexists(os.path.join(output, folder)):
            return folder
    return None


def _rename_folder(source: str, target: str) -> bool:
    """``os.rename`` of a folder to a name output/ does not have; False when it cannot (another disk)."""
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.rename(source, target)
    except OSError:
        return False
    return True


def _replace(source: str, target: str) -> None:
    """``os.replace``, keeping the replaced file's mode; across file systems (a folder of output/ linked to
    another disk), a copy beside the target first."""
    try:
        mode = os.stat(target).st_mode
        if stat.S_ISREG(mode):
            os.chmod(source, stat.S_IMODE(mode))
    except OSError:
        pass  # a new file: the mode Pelican gave it
    try:
        os.replace(source, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        handle, beside = tempfile.mkstemp(prefix=".edcal-", dir=os.path.dirname(target))
        os.close(handle)
        try:
            shutil.copy2(source, beside)
            os.replace(beside, target)
        except BaseException:
            Path(beside).unlink(missing_ok=True)
            raise


def _moved(path: str, staging: str, target: str) -> str:
    return os.path.join(target, path[len(staging) + 1:]) if path.startswith(staging + os.sep) else path


def _same_file_contents(staged: str, target: str) -> bool:
    """``target`` is a file (not a link) with ``staged``'s bytes."""
    try:
        if os.path.islink(target) or not os.path.isfile(target):
            return False
        if os.path.getsize(staged) != os.path.getsize(target):
            return False
        with open(staged, "rb") as new, open(target, "rb") as old:
            return new.read() == old.read()
    except OSError:
        return False


def remove_stale_staging(output_path: str | Path) -> None:
    """Remove the staging folders of builds that are over (killed, failed, or this process's own)."""
    from edcal.outputs import remove_stale_folders

    remove_stale_folders(Path(output_path), STAGING_PREFIX)


def output_key(path: str, output: str) -> str | None:
    """A written file's path relative to output/ (``output`` absolute), where it is or will be moved to:
    ``None`` for a file outside output/."""
    written = os.path.abspath(path)
    if not written.startswith(output + os.sep):
        return None
    key = written[len(output) + 1:].replace(os.sep, "/")
    if key.startswith(STAGING_PREFIX):
        key = key.split("/", 1)[1] if "/" in key else key
    return key
