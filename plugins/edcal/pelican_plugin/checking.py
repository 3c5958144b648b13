"""The checks inside a build: every rule runs; errors stop the build before anything is written."""

from __future__ import annotations

import sys
from typing import Any

from edcal.checks import Finding, run_checks
from edcal.model.plan import Plan

#: pelicanconf.py setting: False builds even when checks find errors (`edcal build --no-check`).
CHECK_SETTING = "EDCAL_CHECK"


class ChecksFailed(Exception):
    """The plan has error-level findings; ``findings`` holds all of them (warnings too)."""

    exitcode = 1

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__(f"{sum(1 for f in findings if f.severity == 'error')} error(s) in the plan")


def check_plan(plan: Plan, settings: dict[str, Any], raise_errors: bool) -> list[Finding]:
    """Findings of every rule; stop the build on errors unless the site turned checking off."""
    findings = run_checks(plan)
    if settings.get(CHECK_SETTING, True) and any(f.severity == "error" for f in findings):
        if raise_errors:
            raise ChecksFailed(findings)
        from edcal.checks.report import text

        sys.stderr.write(text(findings))
        sys.stderr.write("edcal: the checks found errors; nothing was written "
                         "(fix them, or set EDCAL_CHECK = False in an emergency)\n")
        raise SystemExit(1)
    return findings
