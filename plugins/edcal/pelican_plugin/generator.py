"""The Pelican generator that holds Pelican's writing until the plan's checks have passed, and moves the
pages into output/ once all are written."""

from __future__ import annotations

from typing import Any

from edcal.errors import InputError, InputErrors
from edcal.files import os_reason
from edcal.i18n import say
from edcal.model.source import Source
from edcal.pelican_plugin import RAISE_SETTING, abort
from edcal.pelican_plugin.checking import refuse
from edcal.pelican_plugin.collisions import collisions
from edcal.pelican_plugin.link_in_bio import public_images
from edcal.pelican_plugin.staging import Blocked, StagingWriter
from edcal.pelican_plugin.state import state_of
from edcal.pelican_plugin.sweep import check_output_path, expected_outputs
from edcal.pelican_plugin.worker import Checked, Refused, Staged


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
        state.link_in_bio = public_images(message.link_in_bio, state)
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
        """Move the pages Pelican's generators wrote aside into output/, now that all of them are written.

        Pelican runs this after its article, page and template-page generators and before the static
        files (:mod:`~edcal.pelican_plugin.staging`). planning/ is staged by the plan's job: the pages wait
        for it, so that a planning page's template that fails as it is rendered (a macro nothing defines)
        leaves output/ as it was too; it is swapped in at ``finalized``.
        """
        state = state_of(self.settings)
        assert state.plan_run is not None
        staging = isinstance(writer, StagingWriter)  # else another plugin's writer (Pelican takes the first)
        try:
            state.staged = state.plan_run.expect(
                Staged, written=say("output/ and planning/ were left as they were") if staging
                else say("output/ was written, planning/ left as it was"))
        except InputErrors as exc:
            abort(exc, self.settings)
        if not staging:
            return  # it wrote into output/
        try:
            moved = writer.move_in()
        except Blocked as exc:
            abort(InputErrors(
                [InputError(Source("OUTPUT_PATH", 1, 1),
                            say("cannot put the page {path} in place: a folder stands where it goes, or a "
                                "file where its folder goes", path=f"output/{key}") if reason == "taken" else
                            say("cannot put the page {path} in place: its folder is read-only",
                                path=f"output/{key}"),
                            say("remove what stands in the way in output/ (an earlier build's or someone's)")
                            if reason == "taken" else
                            say("give the build's user write permission on output/ and its folders"))
                 for key, reason in exc.found[:5]],
                outcome=say("output/ and planning/ were left as they were")), self.settings)
        except OSError as exc:
            where = exc.filename2 if isinstance(exc.filename2, str) else exc.filename or writer.target
            abort(InputErrors([InputError(
                Source("OUTPUT_PATH", 1, 1),
                say("cannot move the new pages into {folder}: {reason} ({path})", folder=writer.target,
                    reason=os_reason(exc), path=where),
                say("give the build's user write permission on output/ (and room on its disk)"))],
                outcome=say("output/ is partly written; planning/ was left as it was")), self.settings)
        # What this run wrote, for the sweep: a page left as it was (its bytes the same) keeps its old times.
        unsaid = [key for key in moved if key not in state.written_outputs]  # not through Pelican's signals
        state.written_outputs.update(unsaid)
        if state.journal is not None:
            state.journal.add(unsaid)
