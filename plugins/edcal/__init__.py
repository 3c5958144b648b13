"""edcal: an editorial calendar for static sites.

The blog (Pelican), the publishing schedule (iCalendar feeds), per-network post
drafts and the team's planning site, all from Markdown articles and
calendar.yaml. This package is both the engine and the Pelican plugin
(``PLUGINS = ["edcal"]``).
"""

__version__ = "0.1.0"

#: Exit code after Ctrl-C, as shells report a command killed by SIGINT (128 + 2).
EXIT_INTERRUPTED = 130


def register() -> None:
    """Pelican's entry point for the plugin."""
    from edcal.pelican_plugin import register as register_plugin

    register_plugin()


def main() -> None:
    """The ``edcal`` console script: the click CLI of :mod:`edcal.__main__`.

    Its imports happen here, so that Ctrl-C while they run exits 130 like
    Ctrl-C later on (``EdcalGroup``), rather than printing a traceback.
    """
    import sys

    try:
        from edcal.__main__ import cli
    except KeyboardInterrupt:
        sys.stderr.write("\nedcal: interrupted\n")
        raise SystemExit(EXIT_INTERRUPTED) from None
    cli()
