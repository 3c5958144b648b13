"""output/ after a successful build holds what this build wrote, and what no edcal build wrote.

An article taken back to draft or dated later must not stay online from an
earlier build. ``check_output_path`` refuses an ``OUTPUT_PATH`` mixed with the
site's sources and notes when writing starts; ``sweep_output`` removes, at the
end of a successful build, the files an earlier build wrote (listed in
output/.edcal-files, :class:`Manifest`) that this one did not write again.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from edcal.errors import InputError, InputErrors
from edcal.files import (
    give_away,
    give_bytecode_away,
    make_folders,
    new_file_mode,
    new_owner,
    os_reason,
    output_owner,
)
from edcal.i18n import Message, say
from edcal.model.source import Source
from edcal.pelican_plugin.staging import STAGING_PREFIX, remove_stale_staging
from edcal.pelican_plugin.state import BuildState

#: Never deleted from output/: a deployment repository's history (as Jekyll's ``keep_files``).
ALWAYS_KEPT = (".git", ".hg", ".svn")


#: In output/, the files the last successful build wrote (the sweep removes only those).
MANIFEST = ".edcal-files"
#: In output/ while a build writes: each file as it is written, so that a build killed outright
#: (SIGKILL, out of memory, a CI timeout) leaves a list of what it wrote for the next one.
JOURNAL = ".edcal-files.journal"
_MANIFEST_HEADER = ("# Written by edcal build: the files of this folder it wrote. The next build removes\n"
                    "# those it does not write again; it never removes a file this list does not name.\n")


@dataclass
class Manifest:
    """output/.edcal-files: the files edcal wrote, and builds that started writing but did not finish.

    A build notes ``@pending START`` before Pelican writes, and ``@pending START END``
    when it fails (``edcal build``, or at exit under ``pelican``); what changed in
    between (the files' ``ctime``) is edcal's for the next build to remove. A
    successful build rewrites the list.
    """

    files: set[str] = field(default_factory=set)
    pending: list[tuple[int, int | None]] = field(default_factory=list)
    #: What builds that did not finish wrote (output/.edcal-files.journal).
    journaled: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, output: Path) -> Manifest:
        manifest = cls(journaled=_read_journal(output))
        path = output / MANIFEST
        if path.is_symlink() or not path.is_file():
            return manifest
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return manifest
        for line in text.splitlines():
            if line.startswith("@pending "):
                bounds = line.split()[1:3]
                try:
                    manifest.pending.append((int(bounds[0]), int(bounds[1]) if len(bounds) > 1 else None))
                except ValueError:
                    continue
            elif line and not line.startswith("#"):
                manifest.files.add(line)
        return manifest

    def owns(self, key: str, ctime_ns: int) -> bool:
        """An earlier build wrote this file: it is listed, or changed while a failed build wrote.

        A note without an end (a build killed before it could note its end) claims
        no file by its time: files added since could be anyone's. What that build
        wrote is in its journal (``JOURNAL``), file by file, and is claimed.
        """
        return key in self.files or key in self.journaled or any(
            end is not None and start <= ctime_ns <= end for start, end in self.pending)

    def write(self, output: Path) -> None:
        """Replace output/.edcal-files (a link of that name is replaced, never written through); written as
        root in another user's output/, it is theirs (files.new_owner)."""
        lines = [f"@pending {start}" + (f" {end}" if end is not None else "") for start, end in self.pending]
        text = _MANIFEST_HEADER + "".join(f"{line}\n" for line in lines + sorted(self.files))
        # A new name of its own: a name known beforehand could be a link someone put there, written through.
        handle, staging = tempfile.mkstemp(prefix=f"{MANIFEST}.", suffix=".tmp", dir=output)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
                _give_handle(file.fileno(), output)
            os.replace(staging, output / MANIFEST)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(staging)
            raise


def _give_handle(number: int, output: Path) -> None:
    """A new file of output/ opened as ``number``: the umask's mode (not mkstemp's 0600), and output/'s owner
    when root writes in another user's (files.new_owner)."""
    os.fchmod(number, new_file_mode())
    owner = new_owner(str(output))
    if owner is not None:
        os.fchown(number, *owner)


def _read_journal(output: Path) -> set[str]:
    path = output / JOURNAL
    if path.is_symlink() or not path.is_file():
        return set()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {line for line in text.splitlines() if line and not line.startswith(("/", "../"))}


class Journal:
    """output/.edcal-files.journal, appended to as Pelican writes (one line a file, no fsync).

    A killed process loses nothing it wrote before: the lines are in the
    system's buffers. The successful build's manifest replaces it.
    """

    def __init__(self, output: Path):
        self.output = output
        self.handle: Any = None
        self.broken = False

    def add(self, keys: Any) -> None:
        if self.broken:
            return
        try:
            if self.handle is None:
                path = self.output / JOURNAL
                if path.is_symlink():
                    path.unlink()
                # Never through a link put there meanwhile (root would append to the file it names).
                number = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o666)
                if os.fstat(number).st_uid == os.geteuid():
                    with contextlib.suppress(OSError):
                        _give_handle(number, self.output)
                self.handle = open(number, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - for the run
            self.handle.write("".join(f"{key}\n" for key in keys))
        except OSError:  # a folder of that name, a full disk: the build goes on, as it did without one
            self.broken = True

    def close(self, remove: bool) -> None:
        if self.handle is not None:
            with contextlib.suppress(OSError):
                self.handle.close()
            self.handle = None
        if remove:
            with contextlib.suppress(OSError):
                (self.output / JOURNAL).unlink()


def expected_outputs(context: dict[str, Any]) -> list[str]:
    """What Pelican is about to write for the content it read: the articles' and pages' files, and the
    first page of each tag, category and author.

    Journaled before Pelican writes (:class:`Journal` lists a file once it is
    written): a build killed in between leaves no page of an article it wrote
    unlisted, nor its tag's page.
    """
    found: set[str] = set()
    for name in ("articles", "translations", "pages", "hidden_pages", "hidden_articles",
                 "hidden_translations"):
        for content in context.get(name) or ():
            save_as = getattr(content, "save_as", None)
            if isinstance(save_as, str) and save_as:
                found.add(save_as)
    for name in ("tags", "categories", "authors"):
        taxonomy = context.get(name) or ()
        for entry in taxonomy.keys() if isinstance(taxonomy, dict) else taxonomy:
            wrapper = entry[0] if isinstance(entry, tuple) else entry
            save_as = getattr(wrapper, "save_as", None)
            if isinstance(save_as, str) and save_as:
                found.add(save_as)
    return sorted(key.replace("\\", "/") for key in found)


def note_failed_build(settings: dict[str, Any], state: BuildState) -> None:
    """A build that started writing output/ failed: remove the pages it wrote aside
    (:mod:`~edcal.pelican_plugin.staging`), and bound its pending note with the end time.

    Called by ``edcal build`` when it fails, and at exit (plain ``pelican``); a
    build that succeeded, or a note closed already, is left as it is.
    """
    if state.output_started_ns is None or state.sweep is not None:
        return
    if state.journal is not None:  # kept: the next build claims what it lists
        state.journal.close(remove=False)
    output = Path(settings["OUTPUT_PATH"]).resolve()
    with contextlib.suppress(OSError):  # the pages it wrote aside never reach the blog
        remove_stale_staging(output)
    # What Pelican wrote there as root is the team's to rebuild (before the note's end: still this build's).
    give_away(output, output_owner(output))
    give_bytecode_away()
    manifest = Manifest.read(output)
    if (state.output_started_ns, None) not in manifest.pending:
        return
    with contextlib.suppress(OSError):  # output/ gone or read-only: the note stays open, claiming nothing
        ended = _file_system_now(output)
        manifest.pending = [(start, ended if start == state.output_started_ns and end is None else end)
                            for start, end in manifest.pending]
        manifest.write(output)


def _file_system_now(output: Path) -> int:
    """The file system's clock (a probe file's ``ctime``), which file times are compared with."""
    handle, probe = tempfile.mkstemp(prefix=".edcal-probe-", dir=output)  # (a name of its own: no link's)
    try:
        return os.fstat(handle).st_ctime_ns
    finally:
        os.close(handle)
        os.unlink(probe)


def check_planning_path(settings: dict[str, Any], state: BuildState) -> None:
    """Refuse an ``EDCAL_PLANNING_PATH`` whose folder a build would replace wrongly.

    Each build swaps planning/ whole: set to ``content``, the setting replaced
    the articles with the plan; set to a folder of the user's, it deleted their
    files.

    :raises InputErrors: when planning/ is a file, holds the site, overlaps its
        sources (content, theme, plugins, calendar.d/) or output/, or is a
        folder with files that no edcal build wrote (it has no plan.json).
    """
    site = state.site.resolve()
    theirs = [(say("the content folder"), settings.get("PATH")), (say("the theme"), settings.get("THEME")),
              ("output/", settings.get("OUTPUT_PATH")), ("calendar.d/", str(site / "calendar.d")),
              *((say("a plugin folder"), path) for path in settings.get("PLUGIN_PATHS") or ())]
    refuse = _own_folder("EDCAL_PLANNING_PATH", state.planning_path, site, theirs,
                         say("the plan, which each build replaces whole"), "'planning'", beside_site=True)
    planning = state.planning_path.resolve()
    if planning.is_dir() and any(planning.iterdir()) and not (planning / "plan.json").is_file():
        refuse(say("which holds files no edcal build wrote (it has no plan.json)"))


def _own_folder(name: str, folder: Path, site: Path, theirs: list[tuple[str, Any]], purpose: Message,
                example: str, beside_site: bool) -> Callable[[Message], NoReturn]:
    """Refuse a folder setting that is a file, holds the site or overlaps another of the site's folders;
    return how to refuse it for another reason.

    :param beside_site: a folder of the list that is the site's folder itself (``PATH = "."``) is no
        overlap: the output is one of its folders. For output/, planning/ is never the site's folder.
    """
    folder = folder.resolve()

    def shown(path: Path) -> str:
        return path.relative_to(site).as_posix() if path.is_relative_to(site) else str(path)

    def refuse(found: Message) -> NoReturn:
        raise InputErrors([InputError(
            Source(name, 1, 1), say("found {name} '{folder}', {found}; expected a folder of its own for "
                                    "{purpose}", name=name, folder=shown(folder), found=found,
                                    purpose=purpose),
            f"{name} = {example}")])

    if folder.exists() and not folder.is_dir():
        refuse(say("which is a file"))
    if site.is_relative_to(folder):
        refuse(say("which holds the site's folder"))
    for what, value in theirs:
        if not value:
            continue
        path = Path(value).resolve()
        if path == site and (beside_site or what != "planning/"):
            continue  # PATH = "." (Pelican's default), plugins beside pelicanconf.py
        if path.is_relative_to(folder) or folder.is_relative_to(path):
            refuse(say("which overlaps {what} '{path}'", what=what, path=shown(path)))
    return refuse


def check_output_path(settings: dict[str, Any], state: BuildState) -> None:
    """Refuse an ``OUTPUT_PATH`` that would mix the site's output with its sources; note the time.

    Runs before Pelican writes. The time is the file system's own (a probe
    file's ``ctime``), so that what this run writes is newer than it.

    :raises InputErrors: when output/ is a file, holds the site, is inside the
        content (unless the content is the site's folder itself, Pelican's
        ``PATH = "."``), or overlaps the theme, the plugins or planning/.
    """
    output = Path(settings["OUTPUT_PATH"]).resolve()
    site = state.site.resolve()
    theirs = [(say("the content folder"), settings.get("PATH")), (say("the theme"), settings.get("THEME")),
              ("planning/", str(state.planning_path)),
              *((say("a plugin folder"), path) for path in settings.get("PLUGIN_PATHS") or ())]
    _own_folder("OUTPUT_PATH", output, site, theirs, say("the generated site"), "'output/'",
                beside_site=False)
    try:
        if not output.is_dir():
            make_folders(output)  # as root in a site of the team's: theirs (files.new_owner)
        state.output_started_ns = _file_system_now(output)
        remove_stale_staging(output)  # the pages a killed build wrote aside (staging.StagingWriter)
    except OSError as exc:  # read-only, or not a folder: before anything is written
        raise InputErrors([InputError(Source("OUTPUT_PATH", 1, 1),
                                      say("cannot write in {folder}: {reason}", folder=output,
                                          reason=os_reason(exc)),
                                      say("give the build's user write permission on it, or set OUTPUT_PATH "
                                          "to a folder it may write"))]) from None
    _refuse_links(settings, output, site)
    # If this build fails while Pelican writes, the next one knows that what changed since is edcal's.
    manifest = Manifest.read(output)
    manifest.pending.append((state.output_started_ns, None))
    try:
        manifest.write(output)
    except OSError as exc:
        raise InputErrors([InputError(Source("OUTPUT_PATH", 1, 1),
                                      say("cannot write {path}: {reason}", path=output / MANIFEST,
                                          reason=os_reason(exc)),
                                      say("remove what holds that name"))]) from None
    # Plain `pelican` has no hook on failure: the note gets its end when the process exits.
    atexit.register(note_failed_build, settings, state)
    state.journal = Journal(output)


def _refuse_links(settings: dict[str, Any], output: Path, site: Path) -> None:
    """Refuse a symbolic link in output/ the build could write through: Pelican copies the static files and
    makes their folders at their paths, and a link there (``output/images -> /somewhere``, made by hand or
    pulled with a deployment repository) took them outside output/, over what the link names. Not in what
    the sweep keeps (``.git``, ``OUTPUT_RETENTION``). A link to a file of the site is Pelican's own with
    ``STATIC_CREATE_LINKS`` (it removes it before linking again).

    :raises InputErrors: one error for each such link, before anything is written.
    """
    kept = {*ALWAYS_KEPT, *(settings.get("OUTPUT_RETENTION") or ()), MANIFEST, JOURNAL}
    own_links = bool(settings.get("STATIC_CREATE_LINKS"))
    found: list[Path] = []
    folders = [str(output)]
    while folders:  # the file system's entries, no stat each (output/ may hold 10,000 files)
        folder = folders.pop()
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                if folder == str(output) and (entry.name in kept or entry.name.startswith(STAGING_PREFIX)):
                    continue
                if entry.is_symlink():
                    target = Path(os.path.realpath(entry.path))
                    if not (own_links and target.is_file() and target.is_relative_to(site)):
                        found.append(Path(entry.path))
                elif entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
    found.sort()
    if not found:
        return

    def shown(path: Path) -> str:
        return path.relative_to(site).as_posix() if path.is_relative_to(site) else str(path)

    raise InputErrors([InputError(
        Source("OUTPUT_PATH", 1, 1),
        say("found {path}, a link to {target}: the build would write the site's files through it, outside "
            "{output}", path=shown(path), target=os.readlink(path), output=shown(output) + "/"),
        say("remove the link (what it names stays as it is): the build writes its own files in its place; "
            "to write the generated site on another disk, set OUTPUT_PATH to a folder there"))
        for path in found[:20]])


@dataclass
class Sweep:
    """What the sweep did in output/ (paths relative to it)."""

    removed: list[str] = field(default_factory=list)
    #: Files no edcal build wrote, removed as Pelican's ``DELETE_OUTPUT_DIRECTORY`` asks.
    cleared: list[str] = field(default_factory=list)
    #: Files this build did not write that no earlier build listed: left alone.
    unknown: list[str] = field(default_factory=list)
    #: Files that could not be removed, with the reason.
    failed: list[str] = field(default_factory=list)


def sweep_output(settings: dict[str, Any], state: BuildState) -> Sweep:
    """Remove from output/ what an earlier build wrote and this successful build did not.

    An article taken back to draft, or dated later, must not stay online from
    an earlier build: nor its page, its tag, author and category pages, its
    images. Only files an earlier build wrote are ever removed (``Manifest``):
    a folder edcal did not fill, or a file someone put there, is left alone.
    This run wrote a file when Pelican reported writing it, when it is one of
    this run's static files (Pelican may not copy an unchanged one again), or
    when the file system changed it during the run (its ``ctime``, or an
    ``mtime`` between the run's start and now: the theme's files, other
    plugins' files). ``ALWAYS_KEPT`` and ``OUTPUT_RETENTION`` (names at the top
    of output/) stay. With Pelican's ``DELETE_OUTPUT_DIRECTORY`` (``state.delete_output``), every other
    file this build did not write goes too, as Pelican would have emptied output/: the pages a build
    before edcal left there (a draft's, a future article's) are not published with the blog. A failed
    build never gets here: it removes nothing.
    """
    started = state.output_started_ns
    sweep = Sweep()
    if started is None:
        return sweep
    output = Path(settings["OUTPUT_PATH"]).resolve()
    earlier = Manifest.read(output)
    now = _file_system_now(output)
    kept_names = {*ALWAYS_KEPT, *(settings.get("OUTPUT_RETENTION") or ()), MANIFEST, JOURNAL}
    written = {path.replace("\\", "/") for path in (*state.static_outputs, *state.written_outputs)}
    stale: list[Path] = []
    cleared: set[str] = set()
    wrote: set[str] = set()

    def judge(path: Path) -> None:  # a file or a symbolic link
        key = path.relative_to(output).as_posix()
        if key in written:
            wrote.add(key)
            return
        status = path.lstat()
        if status.st_ctime_ns >= started or started <= status.st_mtime_ns <= now:
            wrote.add(key)
        elif earlier.owns(key, status.st_ctime_ns):
            stale.append(path)
        elif state.delete_output:
            stale.append(path)
            cleared.add(key)
        else:
            sweep.unknown.append(key)

    for top in sorted(output.iterdir()):
        if top.name in kept_names or (top.name.startswith(f"{MANIFEST}.") and top.name.endswith(".tmp")) \
                or top.name.startswith(STAGING_PREFIX):  # a build's at the same time (staging.StagingWriter)
            continue
        if top.is_symlink() or not top.is_dir():
            judge(top)
            continue
        for folder, dirs, files in os.walk(top):  # symbolic links are not followed
            here = Path(folder)
            for name in files:
                judge(here / name)
            for name in dirs:
                if (here / name).is_symlink():
                    judge(here / name)
    for path in stale:
        key = path.relative_to(output).as_posix()
        try:
            path.unlink()
        except OSError as exc:
            sweep.failed.append(say("{file} ({reason})", file=key, reason=os_reason(exc)))
            wrote.add(key)  # still there: still edcal's to remove later
            continue
        (sweep.cleared if key in cleared else sweep.removed).append(key)
        emptied = path.parent
        while emptied != output and not any(emptied.iterdir()):  # folders the removals emptied
            try:
                emptied.rmdir()
            except OSError:
                break
            emptied = emptied.parent
    try:
        Manifest(files=wrote).write(output)
    except OSError as exc:
        sweep.failed.append(say("{file} ({reason}): the next build removes nothing", file=MANIFEST,
                                reason=os_reason(exc)))
    else:  # the manifest names all this build wrote: the journals of this and killed builds are done
        if state.journal is not None:
            state.journal.close(remove=True)
        else:
            with contextlib.suppress(OSError):
                (output / JOURNAL).unlink()
    sweep.removed.sort()
    sweep.cleared.sort()
    sweep.unknown.sort()
    return sweep
