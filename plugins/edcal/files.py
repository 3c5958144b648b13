"""The user's files written whole or not at all, and the system's refusals said in the team's words.

A full disk, a read-only folder or a file in the way must not leave a half-written file behind (an
empty article that makes the rerun say its slug exists, an export cut short under its old name), and
what the system said must reach the user in their language, not as Python's English ``strerror``
("No space left on device" in the middle of a French sentence).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from edcal.i18n import Message, say

#: What each refusal of the system means, in words the catalogue translates (the rest: its strerror).
_REASONS: dict[int, str] = {
    errno.ENOENT: say("no such file or folder"),
    errno.EISDIR: say("it is a folder"),
    errno.ENOTDIR: say("a part of its path is a file, not a folder"),
    errno.ENOSPC: say("no space left on the disk"),
    errno.EDQUOT: say("the disk quota is used up"),
    errno.EACCES: say("permission denied"),
    errno.EPERM: say("operation not permitted"),
    errno.EROFS: say("the file system is read-only"),
    errno.EEXIST: say("it exists already"),
    errno.ENAMETOOLONG: say("the name is too long"),
    errno.ELOOP: say("too many symbolic links in its path"),
    errno.EBUSY: say("it is in use"),
}

#: What ``os.link`` says on a file system without hard links (some network and USB disks).
_NO_HARD_LINKS = frozenset({errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.EXDEV})


#: Characters no file name of the site may hold: they would go as they are into messages, feeds and pages.
_CONTROL_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def bad_name(name: str) -> tuple[str, Message] | None:
    """A file name the site cannot use, shown safely (a control character as ``�``), and what is wrong with
    it: bytes that are not UTF-8 (the file system keeps them; no page, feed or message can), or a control
    character (a line break, an escape), which would break the line of every message naming the file and
    go raw into the calendar feeds."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return _CONTROL_IN_NAME.sub("\ufffd", shown), say("found the file name '{name}', which is not UTF-8",
                                                           name=_CONTROL_IN_NAME.sub("\ufffd", shown))
    control = _CONTROL_IN_NAME.search(name)
    if control is None:
        return None
    shown = _CONTROL_IN_NAME.sub("\ufffd", name)
    return shown, say("found the file name '{name}', which holds the control character U+{code:04X}",
                      name=shown, code=ord(control.group()))


def is_file(path: Path) -> bool:
    """Whether a file is there; a name the system refuses (over 255 bytes) is no file, not a crash."""
    try:
        return path.is_file()
    except OSError:
        return False


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, its links followed, is in ``root``: a link in content/ to /etc/passwd is not. The
    build puts no file online that is not (pelican_plugin.publish), and the checks say so (image-missing)."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except OSError:
        return False


def os_reason(exc: OSError) -> str:
    """Why the system refused, for a message's ``{reason}``: in the team's language for the usual
    refusals (a missing folder, a full disk, a read-only or locked folder…), else the system's own words."""
    said = _REASONS.get(exc.errno or 0)
    if said is not None:
        return said
    if exc.strerror:
        return exc.strerror[:1].lower() + exc.strerror[1:]
    return say("the system refused")


def make_folders(folder: Path) -> list[Path]:
    """Make ``folder`` and the missing ones above it; the folders made, the highest first, for
    :func:`remove_folders` to take back.

    :raises OSError: naming the folder that could not be made (``filename``), once those made before it
        are removed again.
    """
    missing: list[Path] = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    made: list[Path] = []
    for wanted in reversed(missing):
        try:
            wanted.mkdir()
        except OSError as exc:
            remove_folders(made)
            raise OSError(exc.errno, exc.strerror, str(wanted)) from None
        made.append(wanted)
        owner = new_owner(str(wanted.parent))
        if owner is not None:
            with contextlib.suppress(OSError):  # (not the link someone put in its place: the folder itself)
                os.chown(wanted, *owner, follow_symlinks=False)
    return made


def new_owner(folder: str) -> tuple[int, int] | None:
    """The owner and group of a new file or folder made in ``folder``: the folder's, when edcal runs as root
    and the folder is another user's (``sudo edcal new``, a repository mounted in a CI container), as a file
    edcal replaces keeps its own: the team's site stays theirs to edit. None otherwise: the system's way
    (root's folder, or a user's own run)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    try:
        found = os.stat(folder or ".")
    except OSError:
        return None
    return (found.st_uid, found.st_gid) if found.st_uid != 0 else None


def output_owner(folder: Path) -> tuple[int, int] | None:
    """Whose a folder the build replaces (output/, planning/) and all it puts there are to be when edcal runs
    as root: the folder's owner when that is another user, else the owner of the folder it is in (the site's,
    on a first build or after a build root ran before) when that is another user. None when edcal does not
    run as root, or when both are root's: the system's way."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    for candidate in (folder, *folder.parents):
        try:
            found = os.stat(candidate)
        except FileNotFoundError:
            continue
        except OSError:
            return None
        if found.st_uid != 0:
            return found.st_uid, found.st_gid
        if candidate != folder:
            return None
    return None


def give_away(folder: Path, owner: tuple[int, int] | None) -> None:
    """Give ``owner`` what root made in ``folder``, and ``folder`` itself if root's (see :func:`output_owner`;
    None: nothing to do, not even a walk).

    Only root's own files and folders change hands, never a link's target, a hard link (a file of root's
    linked in from elsewhere) nor anything outside ``folder``: folders are opened one by one without
    following a link, and in a folder another user may write in (where a name could be swapped meanwhile), a
    file is given by its open handle, a link not at all. What the system refuses is left as it is.
    """
    if owner is None:
        return
    try:
        number = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return
    try:
        _give_folder(number, owner)
    finally:
        os.close(number)


def no_bytecode_in_others_folders(folder: str = ".") -> None:
    """As root in another user's ``folder`` (a site), let Python write no bytecode from now on (this process,
    a forked worker, a child): a ``__pycache__`` beside a module of the site's (a plugin) would be root's."""
    if new_owner(folder) is not None:
        sys.dont_write_bytecode = True
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"


def give_bytecode_away() -> None:
    """Give the ``__pycache__`` folders of the modules loaded, and root's bytecode in them, to the owner of
    the folder each is in, when that is another user (see :func:`output_owner`): the settings' and the
    site's plugins', written as root before :func:`no_bytecode_in_others_folders` could say. A folder of
    root's (an installed package's) stays as it is."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return
    folders = {os.path.dirname(cached) for module in list(sys.modules.values())
               if isinstance(cached := getattr(module, "__cached__", None), str)}
    for folder in sorted(folders):
        if os.path.basename(folder) == "__pycache__" and os.path.isdir(folder):
            give_away(Path(folder), output_owner(Path(folder)))


def _give_folder(number: int, owner: tuple[int, int]) -> None:
    """:func:`give_away` in the open folder ``number``, the deepest first: a folder stays root's alone (no
    name in it can change) until all it holds is given."""
    root = os.geteuid()
    folder = os.fstat(number)
    roots_alone = folder.st_uid == root and not folder.st_mode & 0o022
    with os.scandir(number) as entries:
        for entry in entries:
            with contextlib.suppress(OSError):
                found = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(found.st_mode):
                    inner = os.open(entry.name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=number)
                    try:
                        _give_folder(inner, owner)
                    finally:
                        os.close(inner)
                elif found.st_uid != root or found.st_nlink > 1:
                    continue
                elif roots_alone:
                    os.chown(entry.name, *owner, dir_fd=number, follow_symlinks=False)
                elif stat.S_ISREG(found.st_mode):
                    _give_file(entry.name, number, owner)
    if folder.st_uid == root:
        with contextlib.suppress(OSError):
            os.fchown(number, *owner)


def _give_file(name: str, folder: int, owner: tuple[int, int]) -> None:
    """Give a file of root's, by its open handle: the one checked is the one given."""
    handle = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY, dir_fd=folder)
    try:
        found = os.fstat(handle)
        if stat.S_ISREG(found.st_mode) and found.st_uid == os.geteuid() and found.st_nlink == 1:
            os.fchown(handle, *owner)
    finally:
        os.close(handle)


def remove_folders(made: Sequence[Path]) -> bool:
    """Remove folders :func:`make_folders` made (empty again), the deepest first; whether all went."""
    removed = True
    for folder in reversed(made):
        try:
            folder.rmdir()
        except OSError:
            removed = False
    return removed


@contextlib.contextmanager
def said_when_interrupted(written: Mapping[Path, str], note: Callable[[], str]) -> Iterator[None]:
    """Ctrl-C once every file of ``written`` holds its text (a command's files written, its report still to
    make) goes on with ``note``: what was done, not to be done again; the CLI prints it after "edcal:
    interrupted". A Ctrl-C before that (the files as they were, or some of them unwritten) goes on as it came.
    """
    try:
        yield
    except KeyboardInterrupt as interrupt:
        if written and all(holds(path, text) for path, text in written.items()):
            interrupt.add_note(note())
        raise


def holds(path: Path, text: str) -> bool:
    """Whether the file holds the text, as UTF-8 (after any byte order mark)."""
    try:
        return path.read_bytes().decode("utf-8-sig", errors="replace") == text
    except OSError:
        return False


def write_new(path: Path, data: bytes) -> None:
    """Write a new file whole, or not at all; never over a file (nor a link, even a broken one).

    The bytes go to a new file beside ``path`` first (a full disk fails there), which is then given
    its name in one step.

    :raises FileExistsError: when ``path`` exists (or appeared meanwhile).
    :raises OSError: naming ``path`` (``filename``), not the file written beside it.
    """
    temporary = _beside(path, data, None)
    try:
        try:
            os.link(temporary, path)  # fails if the name is taken, whatever took it
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS or os.path.lexists(path):
                raise OSError(exc.errno, exc.strerror, str(path)) from None
            os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def write_all(files: Sequence[tuple[Path, bytes]], replace_only: bool = False) -> None:
    """Write every file whole, or none of them.

    Each file's bytes go to a new file beside it first: a full disk or a read-only folder fails there,
    every file as it was. Only then is each put in place in one step (a link is followed: the file it
    names is replaced; an existing file keeps its mode). Should one of these steps fail, the files put
    in place before it get their old bytes back, or are removed if they are new. What is no regular file
    (``/dev/stdout``, a named pipe) is written to, last, as it is: replacing it would be no export; so is a
    file one may write in a folder one may not. A file one may not write is refused, as writing it was.
    Ctrl-C or SIGTERM before the last file is put in place undoes the same (then goes on: SIGTERM still
    ends the process); no file is left beside any.

    :param replace_only: refuse what cannot be replaced rather than write to it (``edcal move``: a
        calendar.yaml written to, in a folder one may not write, would be cut short by a full disk).
    :raises OSError: naming the file that could not be written (``filename``), not the one beside it.
    """
    staged: list[tuple[Path, str, str, bytes | None]] = []  # (path, written beside, real file, old bytes)
    in_place: list[tuple[Path, bytes]] = []  # `-o /dev/stdout`, a pipe, a file in a locked folder: written to
    with _sigterm_unwinds():
        try:
            for path, data in files:
                real = os.path.realpath(path)
                if os.path.isdir(real):
                    raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
                if not replace_only and os.path.exists(real) and not stat.S_ISREG(os.stat(real).st_mode):
                    in_place.append((path, data))
                    continue
                if os.path.exists(real) and not os.access(real, os.W_OK):  # a rename would replace it anyway
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
                if not replace_only and os.path.exists(real) \
                        and not os.access(os.path.dirname(real) or ".", os.W_OK):
                    in_place.append((path, data))  # a file one may write in a folder one may not
                    continue
                try:
                    old = Path(real).read_bytes() if os.path.exists(real) else None
                    kept = os.stat(real) if old is not None else None
                except OSError as exc:
                    raise OSError(exc.errno, exc.strerror, str(path)) from None
                staged.append((path, _beside(Path(real), data, kept, shown=path), real, old))
            for path, temporary, real, _old in staged:
                try:
                    os.replace(temporary, real)
                except OSError as exc:  # a file that may not be replaced (immutable)
                    raise OSError(exc.errno, exc.strerror, str(path)) from None
            _sync_folders(dict.fromkeys(os.path.dirname(real) for _path, _temporary, real, _old in staged))
        except BaseException:  # that refusal, Ctrl-C or SIGTERM: every file as it was, nothing left beside
            _put_back(staged)
            raise
    for path, data in in_place:
        try:
            with open(path, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(path)) from None


def _sync_folders(folders: Iterable[str]) -> None:
    """Each folder's list of names on the disk: a rename is in the folder, which a power cut after it
    could otherwise lose. A file system that cannot sync a folder (or open one) is left as it is."""
    for folder in folders:
        try:
            number = os.open(folder or ".", os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            continue
        try:
            os.fsync(number)
        except OSError:
            pass
        finally:
            os.close(number)


def _put_back(staged: Sequence[tuple[Path, str, str, bytes | None]]) -> None:
    """Undo :func:`write_all`'s renames: each file put in place gets its old bytes back (or is removed if it
    was new), each one still beside its file is removed. A rename is done or not: the file beside tells."""
    for _path, temporary, real, old in reversed(staged):
        with contextlib.suppress(OSError):
            if os.path.lexists(temporary):
                os.unlink(temporary)
            elif old is None:
                os.unlink(real)
            else:
                os.replace(_beside(Path(real), old, os.stat(real)), real)


class _Terminated(BaseException):
    """SIGTERM while :func:`write_all` puts files in place: raised to undo what was begun."""


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """SIGTERM raises :class:`_Terminated` in the block (its default would end the process at once, files
    half put in place); once the block has undone its work, the signal ends the process as it would have.
    Nothing changes where another handler is set, or outside the main thread (no handler can be set)."""
    if threading.current_thread() is not threading.main_thread() or os.getpid() == 1 \
            or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        # (a container's first process: the kernel ignores SIGTERM to it by default, and the export goes on)
        yield
        return

    def terminated(_number: int, _frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut the undoing short
        raise _Terminated

    signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)  # the end it was meant to be, now the files are as they were
        raise SystemExit(128 + signal.SIGTERM) from None  # should the signal not end it, no traceback either
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _beside(path: Path, data: bytes, kept: os.stat_result | None, shown: Path | None = None) -> str:
    """``data`` in a new file beside ``path``, with the mode and the owner of the file it replaces, ``kept``
    (None: a new file's, as the umask says, and the owner :func:`new_owner` gives); the new file's name.
    Root keeps the owner (edcal in a container, on a repository mounted in it, gave the team's files to
    root); another user keeps what it may.

    :raises OSError: naming ``shown`` (default ``path``), as the user wrote it.
    """
    folder, name = os.path.split(os.fspath(path))
    try:
        handle_number, temporary = tempfile.mkstemp(prefix=f".{name[:100]}.", suffix=".edcal-tmp",
                                                    dir=folder or ".")
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(shown or path)) from None
    try:
        with os.fdopen(handle_number, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            # By the open file, not its name: in a folder another user may write in, the name could meanwhile
            # be a link to a file of root's, which root would give away.
            owner = (kept.st_uid, kept.st_gid) if kept is not None else new_owner(folder)
            if owner is not None and hasattr(os, "fchown") and owner != (os.geteuid(), os.getegid()):
                with contextlib.suppress(PermissionError):  # (a group one is in: kept; another user: not)
                    os.fchown(handle.fileno(), *owner)
            os.fchmod(handle.fileno(), new_file_mode() if kept is None else kept.st_mode & 0o7777)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise OSError(exc.errno, exc.strerror, str(shown or path)) from None
        raise
    return temporary


def new_file_mode() -> int:
    """A new file's mode as the umask says (``0o666 & ~umask``), not the 0600 of a temporary file."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
