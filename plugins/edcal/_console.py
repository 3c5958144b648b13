"""The ``edcal`` console script.

The CLI's modules load here, so that Ctrl-C while they load exits 130 with
"edcal: interrupted", as Ctrl-C later on does (``EdcalGroup``), rather than
printing a traceback.
"""

from __future__ import annotations

import sys

#: Exit code after Ctrl-C, as shells report a command killed by SIGINT (128 + 2).
EXIT_INTERRUPTED = 130


def main() -> None:
    try:
        from edcal.__main__ import cli
    except KeyboardInterrupt:
        sys.stderr.write("\nedcal: interrupted\n")
        raise SystemExit(EXIT_INTERRUPTED) from None
    cli()
