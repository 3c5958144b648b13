"""``edcal init DIR``: a new site repository with a small working sample, ready to commit."""

from __future__ import annotations

import datetime as dt
import shutil
from importlib import resources
from pathlib import Path

from edcal import clock
from edcal.errors import InputError, InputErrors
from edcal.model.source import Source
from edcal.themes import DEFAULT_THEME
from edcal.zones import zone_named

TEMPLATE_SUFFIX = ".tmpl"
#: Skeleton files whose name differs in the site (dot files are not shipped as such).
RENAMED = {"gitignore": ".gitignore"}


def init_site(target: Path, site_name: str, site_url: str, timezone: str, lang: str) -> list[Path]:
    """Write a new site into ``target`` (missing or empty); return the files written.

    :raises InputErrors: when the folder is not empty or a value is invalid.
    """
    if target.exists() and any(target.iterdir()):
        raise InputErrors([InputError(Source(str(target), 1, 1), "the folder is not empty",
                                      "choose a new folder: edcal init mon-site")])
    try:
        zone = zone_named(timezone)
    except ValueError as exc:
        raise InputErrors([InputError(Source("--timezone", 1, 1), str(exc))]) from None
    if not site_url.startswith(("https://", "http://")):
        raise InputErrors([InputError(Source("--url", 1, 1), f"found '{site_url}', expected the public "
                                      "site's address, e.g. https://www.example.fr")])
    now = clock.now(zone)
    values = {
        "site_name": site_name,
        "site_url": site_url.rstrip("/"),
        "timezone": timezone,
        "lang": lang,
        # Published yesterday, announced; a first post the day after tomorrow.
        "first_article": f"{(now - dt.timedelta(days=1)):%Y-%m-%d} 09:00",
        "first_post": f"{(now + dt.timedelta(days=2)):%Y-%m-%d}",
    }
    written: list[Path] = []
    skeleton = resources.files("edcal.skeleton")
    for source in _walk(skeleton):
        relative = source[0]
        name = RENAMED.get(relative.name, relative.name)
        destination = target / relative.parent / name
        data = source[1].read_bytes()
        if name.endswith(TEMPLATE_SUFFIX):
            destination = destination.with_name(name[: -len(TEMPLATE_SUFFIX)])
            data = data.decode("utf-8").format(**values).encode("utf-8")
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
        written.append(destination)
    theme = target / "themes" / "edcal"
    shutil.copytree(DEFAULT_THEME, theme, ignore=shutil.ignore_patterns("__pycache__"))
    written.append(theme)
    return written


def _walk(folder, prefix: Path = Path()):  # type: ignore[no-untyped-def]
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name in ("__init__.py", "__pycache__"):
            continue
        if entry.is_dir():
            yield from _walk(entry, prefix / entry.name)
        else:
            yield prefix / entry.name, entry
