"""edcal: an editorial calendar for static sites.

The blog (Pelican), the publishing schedule (iCalendar feeds), per-network post
drafts and the team's planning site, all from Markdown articles and
calendar.yaml. This package is both the engine and the Pelican plugin
(``PLUGINS = ["edcal"]``).
"""

__version__ = "0.1.0"


def register() -> None:
    """Pelican's entry point for the plugin."""
    from edcal.pelican_plugin import register as register_plugin

    register_plugin()
