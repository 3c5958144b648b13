"""The checks inside a build: every rule runs; errors stop the build before anything is written."""

from __future__ import annotations

import sys

from edcal.checks import Finding

#: pelicanconf.py setting: False builds even when checks find errors (`edcal build --no-check`).
CHECK_SETTING = "EDCAL_CHECK"


class ChecksFailed(Exception):
    """The plan has error-level findings; ``findings`` holds all of them (warnings too)."""

    exitcode = 1

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__(f"{sum(1 for f in findings if f.severity == 'error')} error(s) in the plan")


def refuse(findings: list[Finding], raise_errors: bool) -> None:
    """Stop the build on the checks' errors: an exception for edcal's commands, exit 1 under pelican."""
    if raise_errors:
        raise ChecksFailed(findings)
    from edcal.checks.report import text
    from edcal.i18n import say, spoken

    sys.stderr.write(text(findings))
    sys.stderr.write("edcal: " + spoken(say("the checks found errors; nothing was written (fix them, or set "
                                            "EDCAL_CHECK = False in an emergency)")) + "\n")
    raise SystemExit(1)

