"""The team's outputs under planning/: each output is one module with a ``write``.

``write(context, folder)`` writes the output's files under ``folder`` and
returns warnings for the person building (an empty list when all is well).
Everything is written into a staging folder beside ``planning/`` and swapped
in only when the whole build succeeded, so subscribers never fetch a
half-written feed and a failed build leaves the previous files in place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from edcal.outputs import calendar_page, drafts, exports, ics, plan_json, review
from edcal.outputs.context import OutputContext

#: The outputs, in the order they are written.
OUTPUTS = (plan_json, ics, drafts, exports, review, calendar_page)


def write_planning(context: OutputContext, target: Path) -> tuple[Path, list[str]]:
    """Write every output into a new staging folder; return it and the warnings."""
    if context.plan.composed_from is not None:
        raise ValueError("a plan resolved for checks only (past posts uncomposed) cannot be written")
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    warnings: list[str] = []
    try:
        for output in OUTPUTS:
            warnings.extend(output.write(context, staging) or ())
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, warnings


def remove_stale_staging(target: Path) -> None:
    """Remove the staging folders a killed build left beside ``target`` (``.planning-*``)."""
    for stale in target.parent.glob(f".{target.name}-*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


def publish_into(plan_settings: tuple[str | None, str | None], planning: Path, output: Path) -> list[Path]:
    """Copy what a site chose to make public into ``output/``; returns the folders written.

    ``plan_settings`` is (``feeds.publish``, ``planning.publish``): folders of
    output/ or None. Each folder is staged and swapped in like planning/.
    """
    feeds_folder, planning_folder = plan_settings
    written = []
    for folder, only_feeds in ((feeds_folder, True), (planning_folder, False)):
        if folder is None:
            continue
        target = output / folder
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
        if only_feeds:
            for path in sorted(planning.rglob("*.ics")):
                destination = staging / path.relative_to(planning)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, destination)
        else:
            shutil.copytree(planning, staging, dirs_exist_ok=True)
        swap_in(staging, target)
        written.append(target)
    return written


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames; the old folder is removed."""
    os.chmod(staging, 0o755)
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
        os.rename(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(staging, target)
