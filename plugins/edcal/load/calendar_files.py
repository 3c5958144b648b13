"""The files of the calendar: calendar.yaml, then calendar.d/*.yaml; and the files in calendar.d/
that look meant for it but would not be read."""

from __future__ import annotations

import re
from pathlib import Path

from edcal.errors import InputError
from edcal.files import bad_name
from edcal.i18n import say
from edcal.load.yamlfile import edited_in, unreadable
from edcal.model.source import Source

CALENDAR_FILE = "calendar.yaml"
CALENDAR_DIR = "calendar.d"
#: The Pelican settings a site is read with when no `-s` names others.
DEFAULT_SETTINGS = "pelicanconf.py"


def calendar_files(site: Path) -> list[Path]:
    """calendar.yaml, then calendar.d/*.yaml in name order."""
    files = [site / CALENDAR_FILE]
    extra = site / CALENDAR_DIR
    found = {p.name: p for p in _listed(extra) if p.is_file()} if extra.is_dir() else {}
    found.update((p.name, extra / p.name) for p in edited_in(extra))  # a file about to be written
    # Hidden files are not entries: macOS's ._salon.yaml, emacs's .#salon.yaml.
    # A name no message or feed can hold is not read: unread_calendar_files says so.
    return files + [path for name, path in sorted(found.items())
                    if path.suffix in (".yaml", ".yml") and not name.startswith(".")
                    and bad_name(name) is None]


def _listed(folder: Path) -> list[Path]:
    """The files of calendar.d/, in name order.

    :raises InputErrors: when the folder may not be read.
    """
    try:
        return sorted(folder.iterdir())
    except OSError as exc:
        raise unreadable(CALENDAR_DIR, exc) from None


def unread_calendar_files(site: Path) -> list[InputError]:
    """Files in calendar.d/ meant for it that would not be read: their entries would be missing silently.

    ``salon.YAML``, ``salon.yaml.txt``, a sub-folder, or a file without
    extension that starts like calendar.yaml's entries (``posts:``…), as web
    editors save them. Other files (notes, editor backups ``salon.yaml~``,
    ``Thumbs.db``) are left alone.
    """
    extra = site / CALENDAR_DIR
    if extra.exists() and not extra.is_dir():
        return [InputError(Source(CALENDAR_DIR, 1, 1),
                           say("found {folder}, a file, expected a folder of .yaml files: its entries would "
                               "not be read", folder=CALENDAR_DIR),
                           say("make {folder}/ a folder, and move this file into it as {folder}/plan.yaml",
                               folder=CALENDAR_DIR))]
    if not extra.is_dir():
        return []
    problems = []
    for path in _listed(extra):
        rel = f"{CALENDAR_DIR}/{path.name}"
        if path.name.startswith("."):
            continue
        lower = path.name.lower()
        if path.is_dir():
            if not any(p.suffix.lower() in (".yaml", ".yml") for p in path.rglob("*")):
                continue  # images, notes: not meant as entries
            problems.append(InputError(Source(rel, 1, 1),
                                       say("found the folder {path}/, which is not read: {folder}/ reads the "
                                           ".yaml files at its top only", path=rel, folder=CALENDAR_DIR),
                                       say("move its .yaml files up into {folder}/", folder=CALENDAR_DIR)))
            continue
        if path.suffix in (".yaml", ".yml"):
            bad = bad_name(path.name)
            if bad is not None:  # not read: its entries would carry its name into every output
                shown, message = bad
                problems.append(InputError(Source(f"{CALENDAR_DIR}/{shown}", 1, 1), message,
                                           say("rename it (letters, digits and dashes are safest)")))
            elif path.is_symlink() and not path.is_file():  # a link to nowhere, or to itself
                problems.append(InputError(
                    Source(rel, 1, 1),
                    say("found {path}, a link that leads to no file: its entries would not be read",
                        path=rel),
                    say("replace the link by the file it should lead to")))
            continue
        if lower.rstrip(" .") != lower and lower.rstrip(" .").endswith((".yaml", ".yml")):
            meant = path.name.rstrip(" .")  # a space or dot after the extension, as a file dialog may leave
        elif lower.endswith((".yaml", ".yml")):
            meant = path.stem + path.suffix.lower()
        elif lower.endswith((".yaml.txt", ".yml.txt")):
            meant = path.name[:-4]
        elif "." not in path.name and _starts_like_entries(path):
            meant = path.name + ".yaml"
        else:
            continue
        problems.append(InputError(Source(rel, 1, 1),
                                   say("found {path}, which is not read: {folder}/ reads files named *.yaml",
                                       path=rel, folder=CALENDAR_DIR),
                                   say("rename it {name}", name=meant)))
    return problems


#: What a calendar.d/ file starts with.
_ENTRIES_START = re.compile(
    r"^(?:#[^\n]*\n|\s*\n)*(?:slots|team|networks|campaigns|key_dates|freeze|ideas|posts)\s*:", re.IGNORECASE)


def _starts_like_entries(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            start = handle.read(2000).decode("utf-8", "replace").lstrip("\ufeff")
    except OSError:
        return False
    return bool(_ENTRIES_START.match(start))
