"""The team's outputs under planning/: each output is one module with a ``write``.

``write(context, folder)`` writes the output's files under ``folder`` and
returns warnings for the person building (an empty list when all is well).
Everything is written into a staging folder beside ``planning/`` and swapped
in only when the whole build succeeded, so subscribers never fetch a
half-written feed and a failed build leaves the previous files in place.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from edcal.i18n import say
from edcal.outputs import calendar_page, drafts, exports, ics, plan_json, review, share
from edcal.outputs.context import OutputContext

#: The outputs, in the order they are written.
OUTPUTS = (plan_json, ics, drafts, exports, review, share, calendar_page)


#: Marks a folder of output/ that edcal published (``feeds``, ``planning`` or ``ambassadors``: ``publish``).
PUBLISHED_MARK = ".edcal-published"


class PublishError(Exception):
    """A ``publish:`` folder would replace a folder of the blog; ``section`` names its setting."""

    def __init__(self, section: str, message: str):
        super().__init__(message)
        self.section = section

    def __str__(self) -> str:  # the message itself, which can say itself in the site's language
        return self.args[0]  # type: ignore[no-any-return]


def write_planning(context: OutputContext, target: Path) -> tuple[Path, list[str]]:
    """Write every output into a new staging folder; return it and the warnings."""
    if context.plan.composed_from is not None:
        raise ValueError("a plan resolved for checks only (past posts uncomposed) cannot be written")
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(target)
    staging = new_staging(target)
    warnings: list[str] = []
    try:
        for output in OUTPUTS:
            warnings.extend(output.write(context, staging) or ())
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, warnings


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
        for stale in target.parent.glob(f"{_prefix(target, kind)}*"):
            pid = stale.name.removeprefix(_prefix(target, kind)).split("-", 1)[0]
            if stale.is_dir() and not (pid.isdigit() and _alive(int(pid))):
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
