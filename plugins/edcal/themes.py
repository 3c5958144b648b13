"""Where the edcal theme lives, and the template folders a site can override.

The engine and its theme ship in one repository (``plugins/edcal`` and
``themes/edcal``); a site using another Pelican theme still gets edcal's
draft and planning templates from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

DEFAULT_THEME = Path(__file__).resolve().parents[2] / "themes" / "edcal"


def template_folders(settings: dict[str, Any], kind: str) -> list[Path]:
    """Folders holding ``kind`` templates (``drafts``, ``planning``), most specific first:
    each of the site's ``THEME_TEMPLATES_OVERRIDES``, the site's theme, edcal's theme."""
    folders: list[Path] = []
    overrides: Sequence[str] = settings.get("THEME_TEMPLATES_OVERRIDES") or ()
    folders += [Path(folder) / kind for folder in overrides]
    theme = settings.get("THEME")
    if theme:
        folders.append(Path(theme) / kind)
    folders.append(DEFAULT_THEME / kind)
    unique: list[Path] = []
    for folder in folders:
        if folder.resolve() not in [f.resolve() for f in unique]:
            unique.append(folder)
    return unique
