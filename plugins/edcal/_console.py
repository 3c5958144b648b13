"""The ``edcal`` console script.

The CLI's modules load here, so that Ctrl-C while they load exits 130 with
"edcal: interrupted", as Ctrl-C later on does (``EdcalGroup``), rather than
printing a traceback.

Once the command is done, the process ends without Python's teardown: after
a build, freeing the hundreds of thousands of objects the blog and the plan
are made of, one by one, took 0.3 s that no one waits for usefully
(docs/performance.md). Every ``atexit`` handler still runs, and the output
is flushed, before the process exits with the command's status.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any

#: Exit code after Ctrl-C, as shells report a command killed by SIGINT (128 + 2).
EXIT_INTERRUPTED = 130


class _Teardown:
    """Registered first, so that it runs last of the ``atexit`` handlers (they run in reverse order)."""

    #: The command's exit status; a traceback's (1) until the command has ended otherwise.
    status = 1

    @classmethod
    def skip(cls) -> None:
        for stream in (sys.stdout, sys.stderr):
            # A reader gone (`edcal agenda | head`), a stream closed: nothing more to say.
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(cls.status)


def status_of(code: object) -> int:
    """The exit status Python gives a ``SystemExit`` carrying ``code`` (a message means 1)."""
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


def main(cli: Callable[[], Any] | None = None) -> None:
    """Run the CLI (``cli``: the group ``python -m edcal`` has defined already)."""
    atexit.register(_Teardown.skip)
    if cli is None:
        try:
            from edcal.__main__ import cli as group
        except KeyboardInterrupt:
            sys.stderr.write("\nedcal: interrupted\n")
            _Teardown.status = EXIT_INTERRUPTED
            raise SystemExit(EXIT_INTERRUPTED) from None
        cli = group
    try:
        cli()
        _Teardown.status = 0
    except SystemExit as exc:
        _Teardown.status = status_of(exc.code)
        raise
    except KeyboardInterrupt:
        _Teardown.status = EXIT_INTERRUPTED
        raise
