"""Where the edcal theme lives, and the template folders a site can override.

The engine and its theme live in one repository (``plugins/edcal`` and
``themes/edcal``) and ship in one package (``edcal`` and ``edcal/theme``); a
site using another Pelican theme still gets edcal's draft and planning
templates from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any


def _default_theme() -> Path:
    """``themes/edcal`` of this repository (a checkout, an editable install), else the copy that
    ships inside the installed package (``edcal/theme``: ``pip install``, pre-commit)."""
    checkout = Path(__file__).resolve().parents[2] / "themes" / "edcal"
    return checkout if (checkout / "templates").is_dir() else Path(__file__).resolve().parent / "theme"


DEFAULT_THEME = _default_theme()


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
