"""Where a value came from: the file, line and column a user can open."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Source:
    """A position in a site file; ``path`` is relative to the site root, with ``/``."""

    path: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def in_file(self) -> bool:
        """False for a command-line option (``--since``), an argument (``TITLE``), a setting
        (``OUTPUT_PATH``) or an environment variable (``$EDCAL_NOW``): no file, no line; nor a folder
        (line 0)."""
        return not (self.path.startswith(("--", "$")) or self.path.isupper() or self.line == 0)
