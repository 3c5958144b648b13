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

from edcal.outputs import drafts, exports, plan_json, review
from edcal.outputs.context import OutputContext

#: The outputs, in the order they are written.
OUTPUTS = (plan_json, drafts, exports, review)


def write_planning(context: OutputContext, target: Path) -> tuple[Path, list[str]]:
    """Write every output into a new staging folder; return it and the warnings."""
    if context.plan.composed_from is not None:
        raise ValueError("a plan resolved for checks only (past posts uncomposed) cannot be written")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    warnings: list[str] = []
    try:
        for output in OUTPUTS:
            warnings.extend(output.write(context, staging) or ())
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, warnings


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
