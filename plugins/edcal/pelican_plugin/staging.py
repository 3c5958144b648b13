"""Pelican's pages written aside, then moved into output/ together: a failed build leaves the blog as it was.

Pelican's writer renders each page straight into output/: a theme's template
failing on the fortieth article left thirty-nine new pages beside an old
home page, and a build killed half-way (a CI timeout, the out-of-memory
killer) the same, on the server that serves output/. edcal's writer
(:class:`StagingWriter`, Pelican's ``get_writer`` signal) writes the pages
and feeds of the article, page and template-page generators into
``output/.edcal-staging/``;
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

import contextlib
import os
import shutil
from typing import Any

from pelican.writers import Writer

#: In output/, while Pelican renders: the pages to move in once all are written.
STAGING = ".edcal-staging"


class StagingWriter(Writer):  # type: ignore[misc]  # Pelican has no type hints
    """Pelican's writer, writing into ``output/.edcal-staging/`` until :meth:`move_in`."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        #: output/, where the staged files go.
        self.target = output_path
        self.output_path = os.path.join(output_path, STAGING)
        remove_staging(output_path)  # a killed build's

    @property
    def staging(self) -> bool:
        return self.output_path != self.target

    def move_in(self) -> list[str]:
        """Move every staged file into output/; what is written after goes there directly.

        :returns: the files moved, relative to output/ (those whose bytes did not change stay as they were
            and are not listed).
        :raises Blocked: before moving anything, when a folder stands where a page goes, or a file where
            its folder goes.
        :raises OSError: when a file cannot be moved (output/ read-only, a full disk): output/ is then
            partly written.
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
            raise Blocked([key.replace(os.sep, "/") for key in blocked])
        moved = []
        for key in staged:
            source, target = os.path.join(staging, key), os.path.join(self.target, key)
            if _same_file_contents(source, target):
                continue  # left as it was, with its time
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.replace(source, target)
            moved.append(key.replace(os.sep, "/"))
        self.output_path = self.target
        remove_staging(self.target)
        return moved


class Blocked(Exception):
    """Staged pages whose place in output/ is taken by a folder, or whose folder's by a file."""

    def __init__(self, keys: list[str]) -> None:
        super().__init__(", ".join(keys))
        self.keys = keys


def _blocked(output: str, keys: list[str]) -> list[str]:
    """The keys whose file cannot be put in place: a folder (not a link) at its path, or, in its folder's
    place, the first thing that exists is not a folder."""
    folders: dict[str, bool] = {}

    def folder_possible(path: str) -> bool:
        if path == output or path in folders:
            return folders.get(path, True)
        if os.path.lexists(path):
            folders[path] = os.path.isdir(path)
        else:
            folders[path] = folder_possible(os.path.dirname(path))
        return folders[path]

    found = []
    for key in keys:
        target = os.path.join(output, key)
        taken = os.path.isdir(target) and not os.path.islink(target)
        if taken or not folder_possible(os.path.dirname(target)):
            found.append(key)
    return found


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


def remove_staging(output_path: str) -> None:
    """Remove ``output/.edcal-staging`` (a link of that name is removed, never followed)."""
    path = os.path.join(output_path, STAGING)
    with contextlib.suppress(FileNotFoundError):
        if os.path.islink(path) or not os.path.isdir(path):
            os.unlink(path)
        else:
            shutil.rmtree(path)


def output_key(path: str, output: str) -> str | None:
    """A written file's path relative to output/ (``output`` absolute), where it is or will be moved to:
    ``None`` for a file outside output/."""
    written = os.path.abspath(path)
    if not written.startswith(output + os.sep):
        return None
    key = written[len(output) + 1:].replace(os.sep, "/")
    return key.removeprefix(f"{STAGING}/")
