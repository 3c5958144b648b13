"""Stable, readable ids and slugs for items, files and feed UIDs."""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

_NON_ID = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_words: int | None = None, max_length: int = 60) -> str:
    """An ASCII id from any text: ``"Vœux 2027 : l'équipe"`` -> ``voeux-2027-l-equipe``."""
    ascii_text = unidecode(text).lower()
    words = [w for w in _NON_ID.split(ascii_text) if w]
    if max_words is not None:
        words = words[:max_words]
    slug = "-".join(words)
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def folded_hashtag(tag: str) -> str:
    """A hashtag as readers tell hashtags apart: without case or accents (``#Épiphanie``, ``#epiphanie``)."""
    if tag.isascii():
        return tag.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", tag.casefold()) if not unicodedata.combining(c))


class IdAllocator:
    """Hands out unique ids: explicit ones must be unique, derived ones get -2, -3…"""

    def __init__(self) -> None:
        self.taken: dict[str, object] = {}

    def explicit(self, wanted: str, owner: object) -> object | None:
        """Reserve ``wanted``; returns the previous owner on a collision."""
        if wanted in self.taken:
            return self.taken[wanted]
        self.taken[wanted] = owner
        return None

    def derived(self, base: str, owner: object) -> str:
        candidate, n = base, 2
        while candidate in self.taken:
            candidate = f"{base}-{n}"
            n += 1
        self.taken[candidate] = owner
        return candidate
