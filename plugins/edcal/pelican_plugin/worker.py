"""The plan's half of a build, on the machine's second core.

Pelican reads, renders and writes the blog in the main process, one core.
The plan needs only the articles' metadata. So, at ``get_generators`` (once
``initialized`` has loaded calendar.yaml), the build forks a worker that reads
the articles' headers itself (the path of ``edcal check``), resolves the plan,
runs the checks and writes planning/ into its staging folder, while Pelican works.

The main process waits twice:

- for the checks' verdict, in :class:`~edcal.pelican_plugin.generator.PlanGenerator`'s
  ``generate_context``, before Pelican writes anything: input errors and the
  checks' errors stop the build with output/ and planning/ untouched, exactly
  as in one process;
- for the staged planning/, in the same generator's ``generate_output``, before the blog's pages go
  into output/ (a planning page's template failing as it is rendered leaves both as they were); it is
  swapped in at ``finalized``.

One job, two ways to run it. :func:`plan_job` yields the job's messages; in
one process (``EDCAL_JOBS = 1``, a one-core machine, or no ``fork``) the
main process consumes them in place, from the articles Pelican read; in the
worker they travel through a pipe (:class:`_Sender`). The job's code is the same.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
import os
import queue as queues
import signal
import sys
import threading
import time
import traceback
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any

from edcal.checks import Finding, run_checks
from edcal.errors import InputError, InputErrors, located_template_errors
from edcal.files import os_reason
from edcal.i18n import say, spoken
from edcal.model.plan import Plan
from edcal.model.source import Source
from edcal.outputs import remove_stale_staging, write_planning
from edcal.outputs.context import OutputContext
from edcal.pelican_plugin.checking import CHECK_SETTING
from edcal.pelican_plugin.state import BuildState
from edcal.plan.link_in_bio import BioLink, bio_page
from edcal.plan.summary import PlanSummary, summarize
from edcal.themes import template_folders

#: pelicanconf.py setting (or environment variable): 1 builds the plan in the main process.
JOBS_SETTING = "EDCAL_JOBS"


@dataclass(frozen=True)
class Checked:
    """The checks passed (or were turned off): Pelican may write output/."""

    findings: tuple[Finding, ...]
    #: Images (paths in content/) that posts not published yet show: kept out of output/.
    unpublished_media: frozenset[str]
    summary: PlanSummary
    #: The link-in-bio page's entries (``link_in_bio:``); None when calendar.yaml asks for no page.
    link_in_bio: tuple[BioLink, ...] | None = None


@dataclass(frozen=True)
class Refused:
    """The checks found errors; ``findings`` holds all of them (warnings too)."""

    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Invalid:
    """Input errors: calendar.yaml, an article, a template."""

    errors: tuple[InputError, ...]


@dataclass(frozen=True)
class Staged:
    """planning/ written into ``staging``, to be swapped in."""

    staging: Path
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Crashed:
    """A bug in the worker: its traceback, for the report."""

    traceback: str


@dataclass(frozen=True)
class Stopped:
    """The worker process ended without a word: killed (out of memory?) or exited."""

    exitcode: int | None


class WorkerCrashed(RuntimeError):
    """The plan's job failed on a bug; the message holds its traceback."""


class WorkerStopped(RuntimeError):
    """The worker process ended before its job was done, without saying why: a clean message."""

    def __init__(self, exitcode: int | None, written: str | None):
        if exitcode is not None and exitcode < 0:
            try:
                name = signal.Signals(-exitcode).name
            except ValueError:
                name = f"signal {-exitcode}"
            how = say("was killed ({signal})", signal=name)
        else:
            how = say("stopped with exit code {code}", code=exitcode)
        if exitcode == -signal.SIGKILL:  # what the kernel's out-of-memory killer sends
            hint = say("a process is killed like this when the machine runs short of memory; "
                       "`EDCAL_JOBS=1 edcal build` builds in one process, with less memory")
        else:
            hint = say("if nothing outside stopped it, this is a bug in edcal: please report it; "
                       "`EDCAL_JOBS=1 edcal build` builds in one process meanwhile")
        self.message = say("the plan's worker process {how} before its work was done; {outcome}", how=how,
                           outcome=written or say("nothing was written"))
        self.hint = hint
        super().__init__(f"{self.message}\n    hint: {hint}")

    def __str__(self) -> str:  # in the language the command line speaks
        return f"{spoken(self.message)}\n    hint: {spoken(self.hint)}"


Message = Checked | Refused | Invalid | Staged | Crashed | Stopped


def plan_job(state: BuildState, processes: int = 1) -> Iterator[Message]:
    """Resolve, check, then write planning/ into a staging folder; one message per stage.

    :param processes: how many processes may write planning/ (:func:`edcal.outputs.write_planning`).
    """
    from edcal.pelican_plugin.plan import resolve_state

    try:
        plan = resolve_state(state)
    except InputErrors as exc:
        yield Invalid(tuple(exc.errors))
        return
    findings = tuple(run_checks(plan))
    if state.settings.get(CHECK_SETTING, True) and any(f.severity == "error" for f in findings):
        yield Refused(findings)
        return
    page = bio_page(plan)
    links = page.links if page is not None else None
    yield Checked(findings, unpublished_media(plan), summarize(plan, links, page.dead if page else ()), links)
    context = OutputContext(
        plan=plan,
        findings=findings,
        template_folders={kind: tuple(template_folders(state.settings, kind))
                          for kind in ("drafts", "planning")},
    )
    try:
        with located_template_errors(state.site, copy=plan.theme_copy):
            staging, warnings = write_planning(context, state.planning_path, processes)
    except InputErrors as exc:
        yield Invalid(tuple(exc.errors))
        return
    except OSError as exc:  # a full disk, a folder made read-only meanwhile: the machine's, not a bug
        yield Invalid((_unwritable(exc, state),))
        return
    yield Staged(staging, tuple(warnings))


def _unwritable(exc: OSError, state: BuildState) -> InputError:
    """A file of planning/ that could not be written, named where it would have gone (not in staging)."""
    folder = state.planning_path
    shown = folder.name + "/"
    with contextlib.suppress(ValueError, TypeError):
        staged = Path(os.fsdecode(exc.filename)).relative_to(folder.parent)
        shown = "/".join((folder.name, *staged.parts[1:]))  # .planning.edcal-staging-…/a/b -> planning/a/b
    return InputError(Source(folder.name + "/", 0, 0),
                      say("cannot write {path}: {reason}", path=shown, reason=os_reason(exc)),
                      say("free some space, or give the build's user write permission there, then build "
                          "again"))


def unpublished_media(plan: Plan) -> frozenset[str]:
    """Local images of posts that are not published yet (a video's cover and subtitles too), as paths in
    content/."""
    from edcal.plan.status import media_kept

    return media_kept(plan.items, plan.now)


def jobs(settings: dict[str, Any]) -> int:
    """How many processes a build may use: ``EDCAL_JOBS`` (environment, then settings), else the cores.

    :raises InputErrors: when the value is not a whole number.
    """
    where = f"${JOBS_SETTING}" if os.environ.get(JOBS_SETTING) else JOBS_SETTING
    configured = os.environ.get(JOBS_SETTING) or settings.get(JOBS_SETTING)
    if configured is None:
        return os.cpu_count() or 1
    text = str(configured).strip()
    # isdigit() takes '²' and '٣', which int() does not; 0 processes would run nothing.
    if not (text.isascii() and text.isdigit()) or isinstance(configured, bool) or int(text) == 0:
        raise InputErrors([InputError(Source(where, 1, 1), say("found '{value}', expected a whole number of "
                                                               "processes", value=text[:40]),
                                      say("1 builds the plan in Pelican's process"))])
    return int(text)


class PlanRun:
    """The plan's side of one build, in a worker process or in place."""

    def __init__(self, state: BuildState):
        self.state = state
        self._job: Iterator[Message] | None = None
        self._process: Any = None
        self._reader: Any = None
        #: Whether the job ran in a worker process (stays true once it ended).
        self.forked = False

    @classmethod
    def start(cls, state: BuildState, processes: int) -> PlanRun:
        run = cls(state)
        if processes > 1 and hasattr(os, "fork"):
            run._fork()
        return run

    def _fork(self) -> None:
        context = multiprocessing.get_context("fork")
        self._reader, writer = context.Pipe(duplex=False)
        self._process = context.Process(target=_work, args=(self.state, writer),
                                        name="edcal-plan", daemon=True)
        with _sigint_ignored():  # Ctrl-C is the main process's to handle: the worker ends with it
            self._process.start()
        # Only the worker may hold the write end: when it dies, reading ends (EOF) instead of
        # waiting forever for the rest of a message it was writing.
        writer.close()
        self.forked = True
        _RUNNING.add(self)

    def next(self) -> Message:
        """The job's next message: from the worker, or computed here."""
        if self._process is None:
            if self._job is None:
                self._job = plan_job(self.state)
            return next(self._job)
        while True:
            if self._reader.poll(0.2):
                try:
                    data = self._reader.recv_bytes()
                except (EOFError, OSError):  # the worker died, maybe in the middle of a message
                    self._process.join(timeout=5)
                    return Stopped(self._process.exitcode)
                try:
                    return ForkingPickler.loads(data)  # type: ignore[no-any-return]
                except Exception:  # a message that cannot be read is a bug
                    return Crashed(traceback.format_exc())
            if not self._process.is_alive() and not self._reader.poll(0):
                return Stopped(self._process.exitcode)

    def expect(self, kind: type[Checked] | type[Staged], written: str | None = None) -> Any:
        """The next message, which must be ``kind`` (or a refusal, for the verdict).

        :param written: what the build has written by now, for the error's last line.
        :raises InputErrors: for input errors the job found.
        :raises WorkerCrashed: when the job failed on a bug.
        :raises WorkerStopped: when the worker process was killed.
        """
        message = self.next()
        if isinstance(message, Invalid):
            raise InputErrors(list(message.errors), outcome=written)
        if isinstance(message, Crashed):
            raise WorkerCrashed(message.traceback)
        if isinstance(message, Stopped):
            raise WorkerStopped(message.exitcode, written)
        assert isinstance(message, (kind, Refused)), message
        return message

    def stop(self) -> None:
        """End the worker if it still runs (a failed build); its staging folder is removed."""
        if self._process is None:
            return
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._reader.close()
        self._process = None
        _RUNNING.discard(self)
        remove_stale_staging(self.state.planning_path)


#: Runs whose worker may still be alive: stopped when the process exits (a failed ``pelican`` run).
_RUNNING: weakref.WeakSet[PlanRun] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    for run in list(_RUNNING):
        run.stop()


#: The worker's niceness, added to the build's (its helper for planning/ inherits it). Against another
#: program busy on the same core, a process of niceness 5 gets about a quarter of it (10: a tenth): enough
#: for Pelican to come first, without starving the plan on a busy machine.
WORKER_NICENESS = 5


def _yield_to_pelican() -> None:
    """Let Pelican's process have a core whenever it wants one.

    The worker starts with two processes for two cores; once the checks have passed it forks a helper
    (planning/ in two processes), and until Pelican is done three processes share the two cores. On a
    site whose articles are all online, Pelican's rendering is the longer path, and it lost a third of a
    core to them: on 1,000 articles + 5,000 posts the build took 6.2 s, 6.0 s with the worker niced
    (5 or 10; plain Pelican: 5.0 s; docs/performance.md). Where the plan is the longer path, Pelican ends
    first and the worker then has both cores whatever its niceness: measured the same.
    """
    with contextlib.suppress(OSError, AttributeError):  # no os.nice (Windows forks no worker anyway)
        os.nice(WORKER_NICENESS)


def _exit_with_parent(parent: int) -> None:
    """End the worker when the main process is gone (killed): nobody will read its messages.

    Its staging folder, named after its pid, is removed by the next build.
    """
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


class _Sender:
    """The worker's messages to the main process, written by a thread so that the job goes on.

    A message is pickled here, in the job's thread: a message that cannot be
    pickled is the job's failure (reported as :class:`Crashed`), not a silent
    loss in a writer thread. The main process reads only when it needs a
    message (the verdict, then planning/), so a large verdict must not hold
    the job back until then: the thread writes it meanwhile.
    """

    def __init__(self, writer: Any):
        self._writer = writer
        self._pending: queues.SimpleQueue[bytes | None] = queues.SimpleQueue()
        self._thread = threading.Thread(target=self._write, name="edcal-plan-sender", daemon=True)
        self._thread.start()

    def send(self, message: Message) -> None:
        self._pending.put(bytes(ForkingPickler.dumps(message)))

    def close(self) -> None:
        """Wait until every message is written."""
        self._pending.put(None)
        self._thread.join()
        self._writer.close()

    def _write(self) -> None:
        while (data := self._pending.get()) is not None:
            try:
                self._writer.send_bytes(data)
            except OSError:  # the main process is gone: nobody reads any more
                return


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored in processes forked meanwhile (a worker printed its own KeyboardInterrupt traceback)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _terminated(_signum: int, _frame: Any) -> None:
    """Ended by the main process (:meth:`PlanRun.stop`: Ctrl-C, a failed build): the helper writing planning/
    first, at once and waited for, then the worker. Killed with the worker, the helper wrote on for up to
    half a second into the staging folder the main process removes next, which was then left behind."""
    outputs = sys.modules.get("edcal.outputs")  # not imported yet: no helper (and no import in a handler)
    if outputs is not None:
        outputs.stop_side_writers()
    os._exit(128 + signal.SIGTERM)


def _work(state: BuildState, writer: Any) -> None:
    """The worker: read the articles' headers, then run the job, sending each message."""
    from edcal.pelican_plugin.metadata import read_contents

    signal.signal(signal.SIGTERM, _terminated)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _yield_to_pelican()
    # Messages about the articles (Pelican's, the theme's) are the main process's to print, once;
    # the worker's own problems travel as messages.
    logging.disable(logging.CRITICAL)
    sender = _Sender(writer)
    try:
        read_contents(state.settings, state)
        # planning/ in two processes: Pelican's process is usually done first, and its core then free for
        # the worker's last second or more (on 1,000 articles + 5,000 posts).
        for message in plan_job(state, processes=2):
            sender.send(message)
    except InputErrors as exc:
        sender.send(Invalid(tuple(exc.errors)))
    except BaseException:  # a bug: the main process reports it
        sender.send(Crashed(traceback.format_exc()))
    sender.close()
