"""The ``edcal`` console script (and ``python -m edcal``).

The console script imports this module first: from its first lines until
the CLI handles Ctrl-C (``EdcalGroup``, once its modules are loaded and a
help page has learnt the site's language), Ctrl-C exits 130 with "edcal:
interrupted", as Ctrl-C later on does, rather than printing a traceback
(nothing has been done yet). It loads nothing Python has not loaded already but
``signal``; ``typing`` and the CLI's modules load after.

Once the command is done, the process ends without Python's teardown: after
a build, freeing the hundreds of thousands of objects the blog and the plan
are made of, one by one, took 0.3 s that no one waits for usefully
(docs/performance.md). The ``atexit`` handlers registered after :func:`main`
started run first (a failed build's note in output/, the worker's end),
logging's handlers are flushed and closed, and so are the standard streams,
before the process exits with the command's status. :func:`main` ends the
process: a program running edcal's commands in its own process calls
``edcal.__main__.cli`` instead.
"""

from __future__ import annotations

import atexit
import os
import signal
import sys

TYPE_CHECKING = False  # typing's, without loading typing before Ctrl-C is handled
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

#: Exit code after Ctrl-C, as shells report a command killed by SIGINT (128 + 2).
EXIT_INTERRUPTED = 130
#: Exit code when the output could not be written at the end, as Python gives it.
EXIT_UNWRITTEN = 120


def interrupted_while_loading(signum: int, frame: object) -> None:
    """Ctrl-C before the CLI handles it (``edcal.__main__._ctrl_c_remembered``): nothing was done, nothing
    is to flush or undo."""
    try:
        os.write(2, b"\nedcal: interrupted\n")
    finally:  # (started without standard error: `2>&-`)
        os._exit(EXIT_INTERRUPTED)


# Not in a program that imported the CLI to run it (its Ctrl-C is its own), nor where Ctrl-C is ignored
# (a background job).
if "edcal.__main__" not in sys.modules and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    try:  # noqa: SIM105 - contextlib is not loaded yet
        signal.signal(signal.SIGINT, interrupted_while_loading)
    except ValueError:  # imported in a thread: Python's handler stays
        pass


class _Teardown:
    """Registered first, so that it runs last of the ``atexit`` handlers (they run in reverse order)."""

    #: The command's exit status; a traceback's (1) until the command has ended otherwise.
    status = 1
    #: Whether to end without the teardown: not after a Ctrl-C that escaped the CLI, which Python ends by
    #: SIGINT, as a shell's loop expects to stop it.
    skipped = True

    @classmethod
    def skip(cls) -> None:
        if not cls.skipped:
            return
        if "logging" in sys.modules:  # registered before us under `python -m edcal`
            sys.modules["logging"].shutdown()
        for stream in (sys.stdout, sys.stderr):
            if stream is None:  # started without it (`>&-`): Python gives None
                continue
            try:
                stream.flush()
            except BrokenPipeError:  # a reader gone (`edcal agenda | head`): nothing more to say
                pass
            except (OSError, ValueError) as exc:  # a full disk: said, as Python would
                cls.status = cls.status or EXIT_UNWRITTEN
                if stream is sys.stdout:
                    sys.stderr.write(f"edcal: cannot write the output: {exc}\n")
        os._exit(cls.status)


def status_of(code: object) -> int:
    """The exit status Python gives a ``SystemExit`` carrying ``code`` (a message means 1)."""
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


def main(cli: Callable[[], Any] | None = None) -> None:
    """Run the CLI, then end the process (``cli``: the group ``python -m edcal`` has defined already)."""
    atexit.register(_Teardown.skip)
    if cli is None:
        from edcal.__main__ import cli as group

        cli = group
    try:
        cli()
        _Teardown.status = 0
    except SystemExit as exc:
        _Teardown.status = status_of(exc.code)
        raise
    except KeyboardInterrupt:
        _Teardown.skipped = False
        raise
