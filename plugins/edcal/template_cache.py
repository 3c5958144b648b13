"""Compiled templates kept between runs: Jinja's bytecode cache.

Compiling the theme's templates (the blog's, the planning pages', the drafts') took 0.4 s of CPU of
a build of a small site, a third of it, again at each build (`edcal serve`'s rebuilds, a writer's
checks, CI's builds on one runner). Jinja keeps each template's compiled code in a file, checked
against the template's text (an edited template is compiled again) and against Python's and Jinja's
versions. edcal adds to its key what else decides the compiled code (delimiters, whitespace options,
autoescape, extensions, how each filter and test is called), so that two environments that compile one
template differently never share it; an environment with an extension that is not Jinja's own (it may
parse by rules of its own) gets no cache.

The folder is the user's own in the temporary folder (``$TMPDIR/edcal-templates-UID``), as Jinja's
default is: used only when it is a folder this user owns and no one else may enter (its code is
run). One that cannot be made or written leaves the build as it was, without a cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket
from jinja2.utils import _PassArg

#: Jinja's extensions whose parsing depends only on what :func:`_compiled_with` names.
_OWN_EXTENSIONS = frozenset({"jinja2.ext.ExprStmtExtension", "jinja2.ext.LoopControlExtension",
                             "jinja2.ext.InternationalizationExtension", "jinja2.ext.DebugExtension"})


class _Cache(jinja2.FileSystemBytecodeCache):
    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> Bucket:
        key = hashlib.sha256(repr((_compiled_with(environment, name), name, filename)).encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a file cut short or from elsewhere: compiled again, and written again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # a full disk: the next run compiles again
            super().dump_bytecode(bucket)


def _compiled_with(environment: jinja2.Environment, name: str) -> tuple[Any, ...]:
    """What, besides the template's text and the versions Jinja checks, decides its compiled code."""
    autoescape = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
    finalize = environment.finalize
    return (jinja2.__version__, environment.block_start_string, environment.block_end_string,
            environment.variable_start_string, environment.variable_end_string,
            environment.comment_start_string, environment.comment_end_string,
            environment.line_statement_prefix, environment.line_comment_prefix, environment.trim_blocks,
            environment.lstrip_blocks, environment.newline_sequence, environment.keep_trailing_newline,
            environment.optimized, environment.is_async, bool(autoescape),
            None if finalize is None else f"{finalize.__module__}.{finalize.__qualname__}",
            tuple(sorted(environment.extensions)), getattr(environment, "newstyle_gettext", None),
            f"{environment.code_generator_class.__module__}.{environment.code_generator_class.__qualname__}",
            # How each filter, test and finalize is called (with the context or not) is compiled in.
            _called_with(environment.filters), _called_with(environment.tests),
            None if finalize is None else _PassArg.from_obj(finalize),
            environment.sandboxed, tuple(sorted(getattr(environment, "intercepted_binops", ()))),
            tuple(sorted(getattr(environment, "intercepted_unops", ()))))


def _called_with(functions: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((name, _PassArg.from_obj(function)) for name, function in functions.items()))


def _cache() -> _Cache | None:
    """The cache of this user in the temporary folder (which ``TMPDIR`` may change), None where it cannot
    be used safely."""
    return _cache_in(str(Path(tempfile.gettempdir()) / f"edcal-templates-{_user()}"))


@functools.cache
def _cache_in(folder: str) -> _Cache | None:
    return _Cache(folder) if _private(Path(folder)) else None


def _user() -> int:
    return os.geteuid() if hasattr(os, "geteuid") else 0


def _private(folder: Path) -> bool:
    """Whether ``folder`` is (or was just made) a folder, not a link, of this user's, closed to others."""
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return False
    try:
        found = os.lstat(folder)
    except OSError:
        return False
    return (stat.S_ISDIR(found.st_mode) and stat.S_IMODE(found.st_mode) & 0o077 == 0
            and (not hasattr(os, "geteuid") or found.st_uid == _user()))


def cached(environment: jinja2.Environment) -> jinja2.Environment:
    """``environment``, its templates compiled once for every run, where it can be."""
    if set(environment.extensions) <= _OWN_EXTENSIONS:
        environment.bytecode_cache = _cache()
    return environment
