"""Shared fixtures: a small site in a temporary folder, pinned time, the CLI runner."""

from __future__ import annotations

import builtins
import contextlib
import errno
import io
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import edcal_forks
import pytest
from click.testing import CliRunner

from edcal.i18n import speak

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_SITE = Path(__file__).parent / "fixtures" / "site"
#: "Now" for every test unless a test says otherwise.
NOW = "2027-02-15T10:00:00+01:00"
EPOCH = "1790000000"

PELICANCONF = """\
SITENAME = "Fixture"
SITEURL = "https://blog.example.fr"
PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = "{{date:%Y}}/{{slug}}/"
ARTICLE_SAVE_AS = "{{date:%Y}}/{{slug}}/index.html"
TAG_URL = "tag/{{slug}}/"
TAG_SAVE_AS = "tag/{{slug}}/index.html"
THEME = {theme!r}
PLUGIN_PATHS = [{plugins!r}]
PLUGINS = ["edcal"]
FEED_ALL_ATOM = "feeds/all.atom.xml"
"""


@pytest.fixture(autouse=True)
def pinned_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDCAL_NOW", NOW)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    # Messages in English, whatever the site's language, unless a test asks otherwise (docs/cli.md).
    monkeypatch.setenv("EDCAL_LANG", "en")
    # `edcal init` takes the computer's zone: UTC, no place's, leaves its default, whatever the machine's.
    monkeypatch.setenv("TZ", "UTC")
    # …and its locale names no country (LANG=en_US.UTF-8 would put it in New York).
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    speak(None)


@pytest.fixture
def site_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in the site's language, as its team gets them (no ``EDCAL_LANG``)."""
    monkeypatch.delenv("EDCAL_LANG")
    speak(None)


def write_pelicanconf(site: Path, extra: str = "") -> None:
    (site / "pelicanconf.py").write_text(
        PELICANCONF.format(theme=str(ROOT / "themes" / "edcal"), plugins=str(ROOT / "plugins"))
        + extra,
        encoding="utf-8",
    )


def add_site_plugin(site: Path, name: str, code: str) -> None:
    """The site's own Pelican plugin ``name`` (in ``extra/``), loaded beside edcal."""
    (site / "extra").mkdir(exist_ok=True)
    (site / "extra" / f"{name}.py").write_text(code, encoding="utf-8")
    write_pelicanconf(site, f'PLUGIN_PATHS += ["extra"]\nPLUGINS += [{name!r}]\n')


def secret_above_content(site: Path) -> Path:
    """A file above the content folder (``secret.png``, the site's), and a link to it inside
    (``content/uploads/lien.png``): what no build may put online. Returns the secret file."""
    secret = site / "secret.png"
    secret.write_bytes((site / "content" / "images" / "public.png").read_bytes())
    (site / "content" / "uploads").mkdir(exist_ok=True)
    (site / "content" / "uploads" / "lien.png").symlink_to(secret)
    return secret


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/site, ready to build."""
    target = tmp_path / "site"
    shutil.copytree(FIXTURE_SITE, target)
    write_pelicanconf(target)
    return target


@pytest.fixture
def built(site: Path) -> Path:
    """The fixture site after a real `edcal build`."""
    result = run_edcal("build", cwd=site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def empty_site(tmp_path: Path) -> Callable[..., Path]:
    """A site with the given calendar.yaml and articles ({name: text})."""

    def make(calendar: str, articles: dict[str, str] | None = None) -> Path:
        target = tmp_path / "custom-site"
        (target / "content" / "articles").mkdir(parents=True)
        (target / "content" / "pages").mkdir(parents=True)
        (target / "calendar.yaml").write_text(calendar, encoding="utf-8")
        for name, text in (articles or {}).items():
            (target / "content" / "articles" / name).write_text(text, encoding="utf-8")
        write_pelicanconf(target)
        return target

    return make


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run_edcal(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real console script in a process of its own: exit code, stdout and stderr as a user sees them.

    The process is forked from one that imported edcal's libraries already (:mod:`edcal_forks`), unless
    ``env`` changes an interpreter setting (``PYTHONHASHSEED``…): then it is a new ``python -m edcal``."""
    environment = {**os.environ, **(env or {})}
    if edcal_forks.forkable(environment):
        return edcal_forks.run(list(args), cwd, environment, timeout=300)
    return subprocess.run(
        [sys.executable, "-m", "edcal", *args], cwd=cwd, capture_output=True, text=True,
        env=environment, timeout=300, check=False,
    )


def run_without_root_rights(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """edcal as a user who is not root would run it: file permissions apply (root reads and writes anything)."""
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        raise AssertionError("setpriv (util-linux) is needed to drop root's right to read anything")
    drop = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"] if os.geteuid() == 0 \
        else []
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "EDCAL_NOW": NOW, "SOURCE_DATE_EPOCH": EPOCH}
    return subprocess.run([*drop, sys.executable, "-m", "edcal", *args], cwd=site, env=env,
                          capture_output=True, text=True, timeout=300)


def run_edcal_with_ctrl_c_after(module: str, function: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """edcal in a process of its own, Ctrl-C (a real SIGINT) pressed as ``module.function`` returns: a command
    stopped once it has written its files."""
    code = ("import os, runpy, signal, sys\n"
            f"import {module} as module\n"
            f"called = module.{function}\n"
            "def returned(*args, **kwargs):\n"
            "    result = called(*args, **kwargs)\n"
            "    os.kill(os.getpid(), signal.SIGINT)\n"
            "    return result\n"
            f"module.{function} = returned\n"
            "sys.argv = ['edcal', *sys.argv[1:]]\n"
            "runpy.run_module('edcal', run_name='__main__', alter_sys=True)\n")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "EDCAL_NOW": NOW},
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def run_pelican(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    pelican = Path(sys.executable).with_name("pelican")
    return subprocess.run(
        [str(pelican), "content", "-s", "pelicanconf.py", *args], cwd=cwd, capture_output=True,
        text=True, timeout=300, check=False, env={**os.environ, **(env or {})},
    )


def load_plan(site: Path) -> dict[str, Any]:
    return json.loads((site / "planning" / "plan.json").read_text(encoding="utf-8"))


def items_by_id(plan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in plan["items"]}


#: What a copy of the sample site leaves out: tools, builds and the tests themselves. The builds' folders
#: only at the top: themes/edcal/planning/ holds the planning pages' templates.
_IGNORED_ANYWHERE = shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info", ".pytest_cache",
                                           "node_modules")
_IGNORED_AT_TOP = {"output", "planning", "tests", "test-artifacts", ".bench", "build", "dist", "cache", ".mypy_cache",
                   ".ruff_cache", ".hypothesis"}


def _sample_ignore(folder: str, names: list[str]) -> set[str]:
    ignored = set(_IGNORED_ANYWHERE(folder, names))
    return ignored | (_IGNORED_AT_TOP & set(names)) if Path(folder) == ROOT else ignored


def contrast(foreground: str, background: str) -> float:
    """WCAG's contrast ratio of two `#rrggbb` colours."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def copy_sample(target: Path) -> Path:
    """A copy of the repository's sample site (content, calendar.yaml, settings, theme, engine)."""
    shutil.copytree(ROOT, target, ignore=_sample_ignore)
    return target


#: The crisis of docs/calendar.md's step by step: a freeze until further notice, from 12 January 2027 at 09:40.
CRISIS = '  - from: 2027-01-12 09:40\n    reason: "Bad buzz sur la vidéo du chantier : on suspend tout"\n'


def crisis_sample(target: Path, crisis: str = CRISIS) -> Path:
    """A copy of the sample site with ``crisis`` added after its other freezes (build it at 2027-01-12T10:00)."""
    copy_sample(target)
    calendar = target / "calendar.yaml"
    anchor = "    reason: Migration de notre compte Mastodon vers une nouvelle instance\n"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(anchor, anchor + crisis, 1), encoding="utf-8")
    return target


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path -> bytes), to compare two outputs."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def tree_text(folder: Path) -> Iterator[tuple[Path, str]]:
    """Every file under ``folder`` with its content (binary files by name only)."""
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            try:
                yield path, data.decode("utf-8")
            except UnicodeDecodeError:
                yield path, ""


class _FullFile:
    """A file opened for writing on a full disk: it was created, and nothing more goes in."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, data: Any) -> int:
        if not data:
            return 0
        raise OSError(errno.ENOSPC, "No space left on device")

    def fileno(self) -> int:  # shutil copies through write(), not os.sendfile() on the file's number
        raise io.UnsupportedOperation("a full disk")

    def __enter__(self) -> _FullFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


@contextlib.contextmanager
def full_disk(monkeypatch: pytest.MonkeyPatch, after: int = 0) -> Iterator[list[str]]:
    """A full disk, in this process, after ``after`` files were opened for writing: a file opened then
    is created (as the system creates it) but every write into it fails with ENOSPC. Yields the files
    opened for writing (a test can say which ones were left behind)."""
    real_open = io.open
    opened: list[str] = []

    def opener(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        if not any(flag in mode for flag in "wax+"):
            return handle
        opened.append(str(file))
        return handle if len(opened) <= after else _FullFile(handle)

    with monkeypatch.context() as patched:
        patched.setattr(io, "open", opener)
        patched.setattr(builtins, "open", opener)
        yield opened
