"""The Pelican generator that turns the blog and the calendar into the team's plan."""

from __future__ import annotations

import logging
from typing import Any

from edcal.errors import InputErrors, located_template_errors
from edcal.outputs import write_planning
from edcal.outputs.context import OutputContext
from edcal.pelican_plugin import RAISE_SETTING, abort
from edcal.pelican_plugin.checking import check_plan
from edcal.pelican_plugin.plan import resolve_state
from edcal.pelican_plugin.state import state_of
from edcal.themes import template_folders

logger = logging.getLogger("edcal")


class PlanGenerator:
    """Runs after Pelican's article and page generators: their articles are known."""

    def __init__(self, context: dict[str, Any], settings: dict[str, Any], path: str,
                 theme: str, output_path: str, **kwargs: Any):
        self.context = context
        self.settings = settings
        self.output_path = output_path

    def generate_context(self) -> None:
        """Resolve, check and write planning/ into a staging folder, before Pelican writes output/.

        Every ``generate_context`` runs before any ``generate_output``: an error
        here (input, checks, a broken template) stops the build with output/
        and planning/ untouched. The staging folder is swapped in at ``finalized``.
        """
        state = state_of(self.settings)
        try:
            plan = resolve_state(state)
        except InputErrors as exc:
            abort(exc, self.settings)
        state.findings = check_plan(plan, self.settings, bool(self.settings.get(RAISE_SETTING)))
        context = OutputContext(
            plan=plan,
            findings=tuple(state.findings),
            template_folders={kind: tuple(template_folders(self.settings, kind))
                              for kind in ("drafts", "planning")},
        )
        try:
            with located_template_errors(state.site):
                state.staging, state.warnings = write_planning(context, state.planning_path)
        except InputErrors as exc:
            abort(exc, self.settings)
        for warning in state.warnings:
            logger.info("%s", warning)

    def generate_output(self, writer: Any) -> None:
        """Nothing: planning/ was staged with the context, Pelican now writes output/."""
