"""Where the edcal theme lives, and the template folders a site can override.

The engine and its theme live in one repository (``plugins/edcal`` and
``themes/edcal``) and ship in one package (``edcal`` and ``edcal/theme``); a
site using another Pelican theme still gets edcal's draft and planning
templates from here.
"""

from __future__ import annotations

import re
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


#: ``_("…")`` with a literal text in a template: the words a template asks to be translated.
_WORDS_ASKED = re.compile(r"""\b_n?\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")


def untranslated_words(settings: dict[str, Any], lang: str) -> tuple[list[str], Path | None]:
    """The words the blog's theme and the draft templates ask for that no catalogue translates into ``lang``
    (they show in English), and the site's most specific ``translations/<lang>.yaml``, if any.

    The theme's words are the keys of its ``translations/fr.yaml`` (edcal's theme lists them all there: its
    tests say so); the drafts', the texts of their ``_("…")`` and ``reminder()``'s. Only for a language
    edcal does not speak: English needs no words, and edcal's theme and drafts have their French.
    """
    from edcal.blog.helpers import catalog as theme_catalog
    from edcal.i18n import language

    code = lang.replace("_", "-").split("-")[0].lower()
    if language(lang) == code:
        return [], None
    folders = template_folders(settings, "translations")
    asked: dict[str, None] = {}
    theme = Path(str(settings.get("THEME") or DEFAULT_THEME)) / "translations"
    asked.update(dict.fromkeys(theme_catalog((str(theme),), "fr")))  # the keys: every word the theme asks for
    for folder in template_folders(settings, "drafts"):
        for template in sorted(folder.glob("*.j2")) if folder.is_dir() else ():
            for found in _WORDS_ASKED.finditer(template.read_text(encoding="utf-8")):
                asked[found.group(1) or found.group(2)] = None
    reminders = ("Coming soon to the blog:", "In case you missed it:", "Last reminder:")  # reminder()'s
    asked.update((text, None) for text in reminders)
    known = set(theme_catalog(tuple(str(f) for f in folders), lang))
    own = next((f / f"{code}.yaml" for f in folders if (f / f"{code}.yaml").is_file()), None)
    return [text for text in asked if text not in known], own
