"""The team's outputs under planning/: each output is one module with a ``write``.

Everything is written into a staging folder beside ``planning/`` and swapped
in only when the whole build succeeded, so subscribers never fetch a
half-written feed and a failed build leaves the previous files in place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from edcal.model.plan import Plan
from edcal.outputs import plan_json

#: The outputs, in the order they are written. Each has ``write(plan, folder)``.
OUTPUTS = (plan_json,)


def write_planning(plan: Plan, target: Path) -> Path:
    """Write every output into a new staging folder and return it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for output in OUTPUTS:
            output.write(plan, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


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

