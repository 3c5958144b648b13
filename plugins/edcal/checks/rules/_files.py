"""Helpers of the rules about files: which file of the content folder an image is, and the nearest name."""

from __future__ import annotations

import difflib
from pathlib import Path

from edcal.model.plan import Media


def in_content(media: Media) -> str | None:
    """An image's path from the content folder (``{static}/images/a.png`` is ``images/a.png``); None for a URL."""
    path = media.path.removeprefix("{static}").removeprefix("{attach}").lstrip("/")
    return None if "://" in path else path


def closest_file_name(name: str, names: list[str]) -> str | None:
    """The file name closest to ``name``: a typo (``publc.png``), or the start of a longer name
    (``terasse.png`` for ``terrasse-garde-corps.png``); a missing extension (``entretien``) too."""
    stem = Path(name).stem.lower()
    best, score = None, 0.0
    for candidate in sorted(names):
        other = Path(candidate).stem.lower()
        ratio = max(difflib.SequenceMatcher(None, stem, other).ratio(),
                    difflib.SequenceMatcher(None, stem, other[:len(stem)]).ratio() - 0.05)
        if Path(name).suffix and Path(candidate).suffix.lower() != Path(name).suffix.lower():
            ratio -= 0.1
        if ratio > score:
            best, score = candidate, ratio
    return best if score >= 0.75 else None
