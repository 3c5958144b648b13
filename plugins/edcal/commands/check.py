"""``edcal check``: the editorial linter, from metadata alone (no Markdown rendering)."""

from __future__ import annotations

from pathlib import Path

from edcal.checks import Finding, all_rules, run_checks
from edcal.clock import parse_window
from edcal.errors import InputError, InputErrors, did_you_mean
from edcal.i18n import say
from edcal.model.source import Source
from edcal.pelican_plugin.metadata import NOW, read_plan


def check(site: Path, settings_file: str, only: tuple[str, ...] = (), since: str | None = None,
          until: str | None = None) -> list[Finding]:
    """Findings of every enabled rule on the site's plan.

    :raises InputErrors: for invalid input or options (exit code 2).
    """
    rules = all_rules()
    # `--only a,b` as other linters take it (a manager's trial ran the rules so), and `--only a --only b`.
    names = tuple(dict.fromkeys(name.strip() for value in only for name in value.split(",") if name.strip()))
    if only and not names:  # `--only "$RULES"` with nothing in it ran every rule
        raise InputErrors([InputError(Source("--only", 1, 1), say("--only names no rule"),
                                      say("edcal check --list shows them"))])
    only = names
    unknown = [r for r in only if r not in rules]
    if unknown:
        raise InputErrors([InputError(Source("--only", 1, 1), say("unknown check '{rule}'", rule=r),
                                      did_you_mean(r, rules) or say("edcal check --list shows them"))
                           for r in unknown])
    plan = read_plan(site, settings_file, compose_from=NOW if since is None else since,
                     tell_missing_plugins=False)  # plugin-not-installed tells them
    start, end = parse_window(since, until, plan.calendar.zone, plan.now)
    return run_checks(plan, since=start, until=end, only=only)
