"""The few words the engine writes itself, in the site's language (French or English).

Themes and draft templates get the same catalogue as ``_()``; a site in
another language falls back to English.
"""

from __future__ import annotations

from collections.abc import Callable

CATALOG: dict[str, dict[str, str]] = {
    "fr": {
        "Draft due: {title}": "Rédaction due : {title}",
        "Review due: {title}": "Relecture due : {title}",
        "Link in bio": "Lien en bio",
        "Read the article:": "Lire l'article :",
        "In case you missed it:": "Au cas où vous l'auriez manqué :",
        "Last reminder:": "Dernier rappel :",
        "New on the blog": "Nouveau sur le blog",
        "idea": "idée",
        "writing": "en rédaction",
        "review": "en relecture",
        "draft": "brouillon",
        "scheduled": "planifié",
        "published": "publié",
        "withheld": "retenu",
    },
}


def translator(lang: str | None) -> Callable[[str], str]:
    """``_(text)`` for ``lang`` ("fr", "fr-FR", "en"…): the translation, else the text."""
    table = CATALOG.get((lang or "en").split("-")[0].split("_")[0].lower(), {})

    def translate(text: str) -> str:
        return table.get(text, text)

    return translate
