"""The Pelican generator that holds Pelican's writing until the plan's checks have passed."""

from __future__ import annotations

from typing import Any

from edcal.errors import InputErrors
from edcal.pelican_plugin import RAISE_SETTING, abort
from edcal.pelican_plugin.checking import refuse
from edcal.pelican_plugin.collisions import collisions
from edcal.pelican_plugin.state import state_of
from edcal.pelican_plugin.sweep import check_output_path, expected_outputs
from edcal.pelican_plugin.worker import Checked, Refused


class PlanGenerator:
    """Runs after Pelican's article and page generators, before any generator writes."""

    def __init__(self, context: dict[str, Any], settings: dict[str, Any], path: str,
                 theme: str, output_path: str, **kwargs: Any):
        self.context = context
        self.settings = settings
        self.output_path = output_path

    def generate_context(self) -> None:
        """Wait for the plan's verdict (resolved and checked) before Pelican writes output/.

        Every ``generate_context`` runs before any ``generate_output``: an error
        here (input, checks, a broken draft template) stops the build with
        output/ and planning/ untouched. Two outputs at one path (a category
        named "All" and the site's feed) are refused here too
        (:mod:`~edcal.pelican_plugin.collisions`). ``OUTPUT_PATH`` is checked and the
        run's start noted, for the sweep at ``finalized``
        (:func:`~edcal.pelican_plugin.sweep.sweep_output`). planning/ is
        staged meanwhile and swapped in at ``finalized``.
        """
        state = state_of(self.settings)
        assert state.plan_run is not None
        try:
            message = state.plan_run.expect(Checked)
        except InputErrors as exc:
            abort(exc, self.settings)
        if isinstance(message, Refused):
            refuse(list(message.findings), bool(self.settings.get(RAISE_SETTING)))
        state.findings = list(message.findings)
        state.unpublished_media = set(message.unpublished_media)
        state.summary = message.summary
        clashes = collisions(self.context, self.settings)
        if clashes is not None:
            abort(clashes, self.settings)
        try:
            check_output_path(self.settings, state)
        except InputErrors as exc:
            abort(exc, self.settings)
        if state.journal is not None:  # what Pelican will write, listed before it writes (sweep.Journal)
            state.journal.add(expected_outputs(self.context))

    def generate_output(self, writer: Any) -> None:
        """Nothing: planning/ is staged by the plan's job, Pelican now writes output/."""
